/*
 * write_geojson.c - events as a GeoJSON FeatureCollection (RFC 7946),
 * one Point Feature per event and place with coordinates
 * (kgr_doc_write_geojson in kgr_formats.h), through the JSON emitter.
 */
#include "document.h"
#include "formats.h"
#include "json_writer.h"
#include "kgrights/kgr_formats.h"

static void write_feature(kgr_jw *w, const kgr_doc *d, bool sorted, size_t index,
                          const kgr_event *e, const kgr_place *p) {
  kgr_jw_object(w);
  KGR_JW_KEY_CSTR(w, "type", "Feature");
  KGR_JW_KEY(w, "geometry");
  kgr_jw_object(w);
  KGR_JW_KEY_CSTR(w, "type", "Point");
  KGR_JW_KEY(w, "coordinates");
  kgr_jw_array(w);
  kgr_jw_double(w, p->lon, 5); /* GeoJSON positions are [longitude, latitude] */
  kgr_jw_double(w, p->lat, 5);
  kgr_jw_end_array(w);
  kgr_jw_end_object(w);

  KGR_JW_KEY(w, "properties");
  kgr_jw_object(w);
  KGR_JW_KEY_STR(w, "document", d->name);
  KGR_JW_KEY(w, "event_index");
  kgr_jw_uint(w, index);
  KGR_JW_KEY_CSTR(w, "type", kgr_event_type_name(e->type));
  const char *sub = NULL;
  const char *acled = kgr_event_type_acled(e->type, &sub);
  KGR_JW_KEY_CSTR(w, "acled_event_type", acled);
  KGR_JW_KEY_CSTR(w, "acled_sub_event_type", sub);
  KGR_JW_KEY_STR(w, "date_start", e->date ? e->date->start_iso : (kgr_str){NULL, 0});
  KGR_JW_KEY_STR(w, "date_end", e->date ? e->date->end_iso : (kgr_str){NULL, 0});
  KGR_JW_KEY_CSTR(w, "date_precision", e->date ? kgr_precision_name(e->date->precision) : NULL);
  KGR_JW_KEY_STR(w, "place", p->name);
  KGR_JW_KEY_STR(w, "country", p->country.ptr ? p->country : kgr_fmt_event_country(d, e));
  KGR_JW_KEY_STR(w, "admin1", p->admin1);
  KGR_JW_KEY_STR(w, "text", e->text);

  KGR_JW_KEY(w, "actors");
  kgr_jw_array(w);
  for (size_t i = 0; i < e->actor_count; i++) {
    kgr_jw_object(w);
    KGR_JW_KEY_STR(w, "name", e->actors[i].name);
    KGR_JW_KEY_CSTR(w, "category", kgr_actor_category_name(e->actors[i].category));
    kgr_jw_end_object(w);
  }
  kgr_jw_end_array(w);
  KGR_JW_KEY(w, "means");
  kgr_jw_array(w);
  for (size_t i = 0; i < e->means_count; i++)
    kgr_jw_cstring(w, kgr_means_name(e->means[i]));
  kgr_jw_end_array(w);
  KGR_JW_KEY(w, "figures");
  kgr_jw_array(w);
  for (size_t i = 0; i < e->figure_count; i++) {
    const kgr_figure *f = &e->figures[i];
    kgr_jw_object(w);
    KGR_JW_KEY_CSTR(w, "kind", kgr_figure_kind_name(f->kind));
    KGR_JW_KEY(w, "value");
    kgr_jw_int(w, f->value);
    KGR_JW_KEY_CSTR(w, "qualifier", kgr_qualifier_name(f->qualifier));
    KGR_JW_KEY_STR(w, "text", f->text);
    kgr_jw_end_object(w);
  }
  kgr_jw_end_array(w);
  KGR_JW_KEY(w, "sources");
  kgr_jw_array(w);
  for (size_t i = 0; i < e->source_count; i++)
    kgr_jw_int(w, e->sources[i]);
  kgr_jw_end_array(w);
  KGR_JW_KEY(w, "source_urls");
  kgr_jw_array(w);
  for (size_t i = 0; i < e->source_count; i++) {
    const kgr_footnote *f = kgr_fmt_footnote(d, sorted, e->sources[i]);
    for (size_t u = 0; f && u < f->url_count; u++)
      kgr_jw_string(w, f->urls[u].ptr, f->urls[u].len);
  }
  kgr_jw_end_array(w);
  kgr_jw_key_span(w, e->span);
  kgr_jw_end_object(w);
  kgr_jw_end_object(w);
}

/* The features of one document; returns the events left out (no place
 * with coordinates). */
static size_t write_features(kgr_jw *w, const kgr_doc *d) {
  size_t skipped = 0;
  bool sorted = kgr_fmt_notes_sorted(d);
  for (size_t i = 0; i < d->events.count && !w->failed; i++) {
    const kgr_event *e = &d->events.items[i];
    bool any = false;
    for (size_t k = 0; k < e->place_count; k++) {
      if (!kgr_fmt_located(&e->places[k]))
        continue;
      write_feature(w, d, sorted, i, e, &e->places[k]);
      any = true;
    }
    skipped += !any;
  }
  return skipped;
}

kgr_status kgr_docs_write_geojson(const kgr_doc *const *docs, size_t n, uint32_t flags,
                                  kgr_write_fn fn, void *ctx) {
  if ((!docs && n) || !fn || (flags & ~KGR_FORMAT_ALL))
    return KGR_EINVAL;
  for (size_t i = 0; i < n; i++)
    if (!docs[i])
      return KGR_EINVAL;
  kgr_jw w;
  kgr_jw_init(&w, (flags & KGR_FORMAT_COMPACT) ? KGR_JSON_COMPACT : 0, fn, ctx);
  kgr_jw_object(&w);
  KGR_JW_KEY_CSTR(&w, "type", "FeatureCollection");
  KGR_JW_KEY(&w, "features");
  kgr_jw_array(&w);
  size_t skipped = 0;
  for (size_t i = 0; i < n; i++)
    skipped += write_features(&w, docs[i]);
  kgr_jw_end_array(&w);
  /* A foreign member (RFC 7946 section 6.1): events that have no point. */
  kgr_jw_key(&w, "kgr:skipped");
  kgr_jw_uint(&w, skipped);
  kgr_jw_end_object(&w);
  return kgr_jw_finish(&w) ? KGR_OK : KGR_EIO;
}

kgr_status kgr_doc_write_geojson(const kgr_doc *doc, uint32_t flags, kgr_write_fn fn, void *ctx) {
  if (!doc)
    return KGR_EINVAL;
  return kgr_docs_write_geojson(&doc, 1, flags, fn, ctx);
}
