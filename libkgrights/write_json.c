/*
 * write_json.c - the document record as JSON (schema kgrights.document/1,
 * OUTPUT.md), streamed through json_writer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "json_writer.h"
#include "mem_sink.h"
#include "kgrights/kgr_write.h"

static void str_list(kgr_jw *w, const char *key, const kgr_str *items, size_t n) {
  kgr_jw_key(w, key);
  kgr_jw_array(w);
  for (size_t i = 0; i < n; i++)
    kgr_jw_string(w, items[i].ptr, items[i].len);
  kgr_jw_end_array(w);
}

static void int_list(kgr_jw *w, const char *key, const int *items, size_t n) {
  kgr_jw_key(w, key);
  kgr_jw_array(w);
  for (size_t i = 0; i < n; i++)
    kgr_jw_int(w, items[i]);
  kgr_jw_end_array(w);
}

static void write_date(kgr_jw *w, const kgr_date *d) {
  kgr_jw_object(w);
  KGR_JW_KEY_STR(w, "start", d->start_iso);
  KGR_JW_KEY_STR(w, "end", d->end_iso);
  KGR_JW_KEY_CSTR(w, "precision", kgr_precision_name(d->precision));
  KGR_JW_KEY_CSTR(w, "year_source", kgr_year_source_name(d->year_source));
  KGR_JW_KEY_STR(w, "text", d->text);
  kgr_jw_key_span(w, d->span);
  kgr_jw_end_object(w);
}

static void write_figure(kgr_jw *w, const kgr_figure *f) {
  kgr_jw_object(w);
  KGR_JW_KEY_CSTR(w, "kind", kgr_figure_kind_name(f->kind));
  KGR_JW_KEY(w, "value");
  kgr_jw_int(w, f->value);
  KGR_JW_KEY_CSTR(w, "qualifier", kgr_qualifier_name(f->qualifier));
  KGR_JW_KEY_STR(w, "unit_text", f->unit_text);
  KGR_JW_KEY_STR(w, "date", f->date);
  int_list(w, "sources", f->sources, f->source_count);
  KGR_JW_KEY_STR(w, "text", f->text);
  kgr_jw_key_span(w, f->span);
  kgr_jw_end_object(w);
}

static void write_place(kgr_jw *w, const kgr_place *p) {
  kgr_jw_object(w);
  KGR_JW_KEY_STR(w, "name", p->name);
  KGR_JW_KEY_STR(w, "country", p->country);
  KGR_JW_KEY_STR(w, "admin1", p->admin1);
  KGR_JW_KEY(w, "lat");
  if (p->has_coordinates)
    kgr_jw_double(w, p->lat, 5);
  else
    kgr_jw_null(w);
  KGR_JW_KEY(w, "lon");
  if (p->has_coordinates)
    kgr_jw_double(w, p->lon, 5);
  else
    kgr_jw_null(w);
  kgr_jw_key_span(w, p->span);
  kgr_jw_end_object(w);
}

static void write_person(kgr_jw *w, const kgr_person *p) {
  kgr_jw_object(w);
  KGR_JW_KEY_STR(w, "name", p->name);
  str_list(w, "roles", p->roles, p->role_count);
  KGR_JW_KEY_STR(w, "affiliation", p->affiliation);
  kgr_jw_key_span(w, p->span);
  kgr_jw_end_object(w);
}

static void write_event(kgr_jw *w, const kgr_event *e) {
  kgr_jw_object(w);
  KGR_JW_KEY_CSTR(w, "type", kgr_event_type_name(e->type));
  KGR_JW_KEY(w, "date");
  if (e->date)
    write_date(w, e->date);
  else
    kgr_jw_null(w);
  KGR_JW_KEY(w, "places");
  kgr_jw_array(w);
  for (size_t i = 0; i < e->place_count; i++)
    write_place(w, &e->places[i]);
  kgr_jw_end_array(w);
  KGR_JW_KEY(w, "actors");
  kgr_jw_array(w);
  for (size_t i = 0; i < e->actor_count; i++) {
    kgr_jw_object(w);
    KGR_JW_KEY_STR(w, "name", e->actors[i].name);
    KGR_JW_KEY_CSTR(w, "category", kgr_actor_category_name(e->actors[i].category));
    kgr_jw_end_object(w);
  }
  kgr_jw_end_array(w);
  KGR_JW_KEY(w, "victims");
  kgr_jw_array(w);
  for (size_t i = 0; i < e->victim_count; i++)
    write_person(w, &e->victims[i]);
  kgr_jw_end_array(w);
  KGR_JW_KEY(w, "means");
  kgr_jw_array(w);
  for (size_t i = 0; i < e->means_count; i++)
    kgr_jw_cstring(w, kgr_means_name(e->means[i]));
  kgr_jw_end_array(w);
  KGR_JW_KEY(w, "figures");
  kgr_jw_array(w);
  for (size_t i = 0; i < e->figure_count; i++)
    write_figure(w, &e->figures[i]);
  kgr_jw_end_array(w);
  int_list(w, "sources", e->sources, e->source_count);
  KGR_JW_KEY(w, "acled");
  const char *sub = NULL;
  const char *type = kgr_event_type_acled(e->type, &sub);
  if (type) {
    kgr_jw_object(w);
    KGR_JW_KEY_CSTR(w, "event_type", type);
    KGR_JW_KEY_CSTR(w, "sub_event_type", sub);
    kgr_jw_end_object(w);
  } else {
    kgr_jw_null(w);
  }
  KGR_JW_KEY_STR(w, "text", e->text);
  kgr_jw_key_span(w, e->span);
  kgr_jw_end_object(w);
}

static void write_doc(kgr_jw *w, const kgr_doc *d) {
  kgr_jw_object(w);
  KGR_JW_KEY_CSTR(w, "schema", "kgrights.document/1");
  KGR_JW_KEY(w, "source");
  kgr_jw_object(w);
  KGR_JW_KEY_STR(w, "name", d->name);
  KGR_JW_KEY(w, "bytes");
  kgr_jw_uint(w, d->input_len);
  KGR_JW_KEY_STR(w, "sha256", d->sha256);
  kgr_jw_end_object(w);
  KGR_JW_KEY_CSTR(w, "kind", kgr_kind_name(d->kind));
  KGR_JW_KEY_STR(w, "title", d->title);
  KGR_JW_KEY_STR(w, "date", d->date);
  KGR_JW_KEY_CSTR(w, "date_source", kgr_date_source_name(d->date_source));
  KGR_JW_KEY_STR(w, "country", d->country);
  KGR_JW_KEY(w, "issuer");
  if (d->has_issuer) {
    kgr_jw_object(w);
    KGR_JW_KEY_STR(w, "name", d->issuer.name);
    KGR_JW_KEY_STR(w, "acronym", d->issuer.acronym);
    kgr_jw_key_span(w, d->issuer.span);
    kgr_jw_end_object(w);
  } else {
    kgr_jw_null(w);
  }
  KGR_JW_KEY(w, "addressees");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->addressees.count; i++)
    kgr_jw_string(w, d->addressees.items[i].text.ptr, d->addressees.items[i].text.len);
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "demands");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->demands.count; i++) {
    const kgr_demand *x = &d->demands.items[i];
    kgr_jw_object(w);
    KGR_JW_KEY_STR(w, "text", x->text);
    KGR_JW_KEY_STR(w, "addressee", x->addressee);
    KGR_JW_KEY(w, "themes");
    kgr_jw_array(w);
    for (size_t k = 0; k < x->theme_count; k++)
      kgr_jw_cstring(w, kgr_theme_name(x->themes[k]));
    kgr_jw_end_array(w);
    kgr_jw_key_span(w, x->span);
    kgr_jw_end_object(w);
  }
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "signatories");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->signatories.count; i++) {
    const kgr_signatory *x = &d->signatories.items[i];
    kgr_jw_object(w);
    KGR_JW_KEY(w, "position");
    if (x->position > 0)
      kgr_jw_int(w, x->position);
    else
      kgr_jw_null(w);
    KGR_JW_KEY_STR(w, "name", x->name);
    KGR_JW_KEY_STR(w, "acronym", x->acronym);
    str_list(w, "countries", x->countries, x->country_count);
    KGR_JW_KEY_CSTR(w, "countries_source", kgr_countries_source_name(x->countries_source));
    kgr_jw_key_span(w, x->span);
    kgr_jw_end_object(w);
  }
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "events");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->events.count; i++)
    write_event(w, &d->events.items[i]);
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "figures");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->figures.count; i++)
    write_figure(w, &d->figures.items[i]);
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "persons");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->persons.count; i++)
    write_person(w, &d->persons.items[i]);
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "organizations");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->organizations.count; i++) {
    const kgr_organization *x = &d->organizations.items[i];
    kgr_jw_object(w);
    KGR_JW_KEY_STR(w, "name", x->name);
    KGR_JW_KEY_STR(w, "acronym", x->acronym);
    KGR_JW_KEY_STR(w, "country", x->country);
    kgr_jw_key_span(w, x->span);
    kgr_jw_end_object(w);
  }
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "places");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->places.count; i++)
    write_place(w, &d->places.items[i]);
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "footnotes");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->footnotes.count; i++) {
    const kgr_footnote *x = &d->footnotes.items[i];
    kgr_jw_object(w);
    KGR_JW_KEY(w, "number");
    kgr_jw_int(w, x->number);
    KGR_JW_KEY_STR(w, "text", x->text);
    str_list(w, "urls", x->urls, x->url_count);
    kgr_jw_key_span(w, x->span);
    kgr_jw_end_object(w);
  }
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "links");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->links.count; i++) {
    const kgr_link *x = &d->links.items[i];
    kgr_jw_object(w);
    KGR_JW_KEY_STR(w, "text", x->text);
    KGR_JW_KEY_STR(w, "target", x->target);
    kgr_jw_key_span(w, x->span);
    kgr_jw_end_object(w);
  }
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "instruments");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->instruments.count; i++)
    kgr_jw_string(w, d->instruments.items[i].text.ptr, d->instruments.items[i].text.len);
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "rights");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->rights.count; i++)
    kgr_jw_cstring(w, kgr_right_name(d->rights.items[i]));
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "means");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->means.count; i++)
    kgr_jw_cstring(w, kgr_means_name(d->means.items[i]));
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "sections");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->sections.count; i++) {
    kgr_jw_object(w);
    KGR_JW_KEY_STR(w, "heading", d->sections.items[i].heading);
    kgr_jw_key_span(w, d->sections.items[i].span);
    kgr_jw_end_object(w);
  }
  kgr_jw_end_array(w);

  KGR_JW_KEY(w, "diagnostics");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->diagnostics.count; i++) {
    const kgr_diagnostic *x = &d->diagnostics.items[i];
    kgr_jw_object(w);
    KGR_JW_KEY_CSTR(w, "severity", kgr_severity_name(x->severity));
    KGR_JW_KEY_STR(w, "code", x->code);
    KGR_JW_KEY_STR(w, "message", x->message);
    kgr_jw_key_span(w, x->span);
    kgr_jw_end_object(w);
  }
  kgr_jw_end_array(w);

  /* Extra keys (the contract allows additions): spans of the header items. */
  KGR_JW_KEY(w, "title_span");
  if (d->title.ptr) {
    kgr_jw_array(w);
    kgr_jw_uint(w, d->title_span.start);
    kgr_jw_uint(w, d->title_span.end);
    kgr_jw_end_array(w);
  } else {
    kgr_jw_null(w);
  }
  KGR_JW_KEY(w, "addressee_spans");
  kgr_jw_array(w);
  for (size_t i = 0; i < d->addressees.count; i++) {
    kgr_jw_array(w);
    kgr_jw_uint(w, d->addressees.items[i].span.start);
    kgr_jw_uint(w, d->addressees.items[i].span.end);
    kgr_jw_end_array(w);
  }
  kgr_jw_end_array(w);
  kgr_jw_end_object(w);
}

kgr_status kgr_doc_write_json(const kgr_doc *doc, uint32_t flags,
                              kgr_write_fn fn, void *ctx) {
  if (!doc || !fn || (flags & ~KGR_JSON_ALL))
    return KGR_EINVAL;
  kgr_jw w;
  kgr_jw_init(&w, flags, fn, ctx);
  write_doc(&w, doc);
  return kgr_jw_finish(&w) ? KGR_OK : KGR_EIO;
}

static int file_sink(void *ctx, const char *data, size_t len) {
  return fwrite(data, 1, len, (FILE *)ctx) == len ? 0 : -1;
}

kgr_status kgr_doc_write_json_file(const kgr_doc *doc, uint32_t flags, FILE *fp) {
  if (!fp)
    return KGR_EINVAL;
  kgr_status st = kgr_doc_write_json(doc, flags, file_sink, fp);
  if (st == KGR_OK && fputc('\n', fp) == EOF)
    st = KGR_EIO;
  return st;
}


char *kgr_doc_to_json(const kgr_doc *doc, uint32_t flags, size_t *len) {
  kgr_mem_sink m = {0};
  kgr_status st = kgr_doc_write_json(doc, flags, kgr_mem_sink_write, &m);
  return kgr_mem_sink_finish(&m, st, len);
}

void kgr_free(void *ptr) { free(ptr); }
