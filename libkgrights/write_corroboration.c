/*
 * write_corroboration.c - a corroboration result as JSON (schema
 * "kgrights.corroboration/1"), through the JSON emitter.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "corroboration.h"
#include "json_writer.h"
#include "mem_sink.h"

static void bound(kgr_jw *w, const char *key, int64_t v) {
  kgr_jw_key(w, key);
  if (v == KGR_CORR_UNBOUNDED)
    kgr_jw_null(w);
  else
    kgr_jw_int(w, v);
}

static void write_claim(kgr_jw *w, const kgr_corr_claim *c) {
  kgr_jw_object(w);
  KGR_JW_KEY_STR(w, "document", c->doc_name);
  KGR_JW_KEY(w, "document_index");
  kgr_jw_uint(w, c->doc);
  KGR_JW_KEY(w, "event_index");
  kgr_jw_uint(w, c->event);
  KGR_JW_KEY(w, "value");
  kgr_jw_int(w, c->value);
  KGR_JW_KEY(w, "qualifier");
  kgr_jw_cstring(w, kgr_qualifier_name(c->qualifier));
  bound(w, "low", c->low);
  bound(w, "high", c->high);
  KGR_JW_KEY_STR(w, "text", c->text);
  kgr_jw_key_span(w, c->span);
  kgr_jw_end_object(w);
}

static void write_figure(kgr_jw *w, const kgr_corr_figure *f) {
  kgr_jw_object(w);
  KGR_JW_KEY(w, "kind");
  kgr_jw_cstring(w, kgr_figure_kind_name(f->kind));
  KGR_JW_KEY(w, "agreement");
  kgr_jw_cstring(w, kgr_agreement_name(f->agreement));
  KGR_JW_KEY(w, "documents");
  kgr_jw_uint(w, f->document_count);
  bound(w, "low", f->low);
  bound(w, "high", f->high);
  KGR_JW_KEY(w, "conflict");
  if (f->agreement == KGR_AGREEMENT_CONFLICT) {
    kgr_jw_array(w);
    kgr_jw_uint(w, f->conflict_a);
    kgr_jw_uint(w, f->conflict_b);
    kgr_jw_end_array(w);
  } else {
    kgr_jw_null(w);
  }
  KGR_JW_KEY(w, "claims");
  kgr_jw_array(w);
  for (size_t i = 0; i < f->claim_count; i++)
    write_claim(w, &f->claims[i]);
  kgr_jw_end_array(w);
  kgr_jw_end_object(w);
}

static void write_group(kgr_jw *w, const kgr_corr_group *g) {
  kgr_jw_object(w);
  KGR_JW_KEY(w, "types");
  kgr_jw_array(w);
  for (size_t i = 0; i < g->type_count; i++)
    kgr_jw_cstring(w, kgr_event_type_name(g->types[i]));
  kgr_jw_end_array(w);
  KGR_JW_KEY_STR(w, "date_start", g->date_start);
  KGR_JW_KEY_STR(w, "date_end", g->date_end);
  KGR_JW_KEY(w, "places");
  kgr_jw_array(w);
  for (size_t i = 0; i < g->place_count; i++)
    kgr_jw_string(w, g->places[i].ptr, g->places[i].len);
  kgr_jw_end_array(w);
  KGR_JW_KEY(w, "documents");
  kgr_jw_uint(w, g->document_count);
  KGR_JW_KEY(w, "members");
  kgr_jw_array(w);
  for (size_t i = 0; i < g->member_count; i++) {
    const kgr_corr_member *m = &g->members[i];
    kgr_jw_object(w);
    KGR_JW_KEY_STR(w, "document", m->doc_name);
    KGR_JW_KEY(w, "document_index");
    kgr_jw_uint(w, m->doc);
    KGR_JW_KEY(w, "event_index");
    kgr_jw_uint(w, m->event);
    KGR_JW_KEY(w, "type");
    kgr_jw_cstring(w, kgr_event_type_name(m->type));
    KGR_JW_KEY_STR(w, "date_start", m->date_start);
    KGR_JW_KEY_STR(w, "date_end", m->date_end);
    KGR_JW_KEY_STR(w, "text", m->text);
    kgr_jw_key_span(w, m->span);
    kgr_jw_end_object(w);
  }
  kgr_jw_end_array(w);
  KGR_JW_KEY(w, "figures");
  kgr_jw_array(w);
  for (size_t i = 0; i < g->figure_count; i++)
    write_figure(w, &g->figures[i]);
  kgr_jw_end_array(w);
  kgr_jw_end_object(w);
}

kgr_status kgr_corroboration_write_json(const kgr_corroboration *c, uint32_t flags, kgr_write_fn fn,
                                        void *ctx) {
  if (!c || !fn || (flags & ~KGR_JSON_ALL))
    return KGR_EINVAL;
  kgr_jw w;
  kgr_jw_init(&w, flags, fn, ctx);
  kgr_jw_object(&w);
  KGR_JW_KEY(&w, "schema");
  kgr_jw_cstring(&w, "kgrights.corroboration/1");
  KGR_JW_KEY(&w, "documents");
  kgr_jw_array(&w);
  for (size_t i = 0; i < c->doc_count; i++) {
    kgr_jw_object(&w);
    KGR_JW_KEY_STR(&w, "name", c->names[i]);
    KGR_JW_KEY_STR(&w, "sha256", c->sha256[i]);
    kgr_jw_end_object(&w);
  }
  kgr_jw_end_array(&w);
  KGR_JW_KEY(&w, "groups");
  kgr_jw_array(&w);
  for (size_t i = 0; i < c->group_count && !w.failed; i++)
    write_group(&w, &c->groups[i]);
  kgr_jw_end_array(&w);
  size_t agree = 0;
  for (size_t i = 0; i < c->group_count; i++)
    for (size_t k = 0; k < c->groups[i].figure_count; k++)
      agree += c->groups[i].figures[k].agreement == KGR_AGREEMENT_AGREE;
  KGR_JW_KEY(&w, "summary");
  kgr_jw_object(&w);
  KGR_JW_KEY(&w, "groups");
  kgr_jw_uint(&w, c->group_count);
  KGR_JW_KEY(&w, "figures_agree");
  kgr_jw_uint(&w, agree);
  KGR_JW_KEY(&w, "figures_conflict");
  kgr_jw_uint(&w, c->conflicts);
  kgr_jw_end_object(&w);
  kgr_jw_end_object(&w);
  return kgr_jw_finish(&w) ? KGR_OK : KGR_EIO;
}

char *kgr_corroboration_to_json(const kgr_corroboration *c, uint32_t flags, size_t *len) {
  kgr_mem_sink m = {0};
  kgr_status st = kgr_corroboration_write_json(c, flags, kgr_mem_sink_write, &m);
  return kgr_mem_sink_finish(&m, st, len);
}
