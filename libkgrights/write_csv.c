/*
 * write_csv.c - a document's events as CSV, one row per event
 * (kgr_doc_write_csv in kgr_formats.h).
 */
#include "csv_writer.h"
#include "document.h"
#include "formats.h"
#include "kgrights/kgr_formats.h"

static const char *const columns[] = {
    "document",     "event_index", "type",           "acled_event_type", "acled_sub_event_type",
    "date_start",   "date_end",    "date_precision", "year_source",      "date_text",
    "places",       "country",     "admin1",         "latitude",         "longitude",
    "actors",       "victims",     "means",          "killed",           "injured",
    "hospitalized", "detained",    "missing",        "participants",     "figures",
    "sources",      "source_urls", "text",           "span_start",       "span_end"};

/* The kinds with a column of their own, in column order. */
static const kgr_figure_kind count_columns[] = {KGR_FIG_KILLED,       KGR_FIG_INJURED,
                                                KGR_FIG_HOSPITALIZED, KGR_FIG_DETAINED,
                                                KGR_FIG_MISSING,      KGR_FIG_PARTICIPANTS};

static void write_event(kgr_csv *w, const kgr_doc *d, bool sorted, size_t index,
                        const kgr_event *e) {
  kgr_csv_str(w, d->name);
  kgr_csv_uint(w, index);
  kgr_csv_cstr(w, kgr_event_type_name(e->type));
  const char *sub = NULL;
  const char *acled = kgr_event_type_acled(e->type, &sub);
  kgr_csv_cstr(w, acled);
  kgr_csv_cstr(w, sub);
  if (e->date) {
    kgr_csv_str(w, e->date->start_iso);
    kgr_csv_str(w, e->date->end_iso);
    kgr_csv_cstr(w, kgr_precision_name(e->date->precision));
    kgr_csv_cstr(w, kgr_year_source_name(e->date->year_source));
    kgr_csv_str(w, e->date->text);
  } else {
    for (int i = 0; i < 5; i++)
      kgr_csv_empty(w);
  }

  kgr_csv_cell_begin(w);
  for (size_t i = 0; i < e->place_count; i++) {
    kgr_csv_cell_sep(w, "; ");
    kgr_csv_cell_add(w, e->places[i].name.ptr, e->places[i].name.len);
  }
  kgr_csv_cell_end(w);
  kgr_csv_str(w, kgr_fmt_event_country(d, e));
  const kgr_place *located = NULL;
  for (size_t i = 0; i < e->place_count && !located; i++)
    if (kgr_fmt_located(&e->places[i]))
      located = &e->places[i];
  if (located) {
    kgr_csv_str(w, located->admin1);
    kgr_csv_double(w, located->lat, 5);
    kgr_csv_double(w, located->lon, 5);
  } else {
    kgr_csv_empty(w);
    kgr_csv_empty(w);
    kgr_csv_empty(w);
  }

  kgr_csv_cell_begin(w);
  for (size_t i = 0; i < e->actor_count; i++) {
    kgr_csv_cell_sep(w, "; ");
    kgr_csv_cell_add(w, e->actors[i].name.ptr, e->actors[i].name.len);
    kgr_csv_cell_adds(w, " (");
    kgr_csv_cell_adds(w, kgr_actor_category_name(e->actors[i].category));
    kgr_csv_cell_adds(w, ")");
  }
  kgr_csv_cell_end(w);
  kgr_csv_cell_begin(w);
  for (size_t i = 0; i < e->victim_count; i++) {
    kgr_csv_cell_sep(w, "; ");
    kgr_csv_cell_add(w, e->victims[i].name.ptr, e->victims[i].name.len);
  }
  kgr_csv_cell_end(w);
  kgr_csv_cell_begin(w);
  for (size_t i = 0; i < e->means_count; i++) {
    kgr_csv_cell_sep(w, "; ");
    kgr_csv_cell_adds(w, kgr_means_name(e->means[i]));
  }
  kgr_csv_cell_end(w);

  for (size_t k = 0; k < sizeof count_columns / sizeof *count_columns; k++) {
    int64_t v;
    if (kgr_fmt_lowest(e, count_columns[k], &v))
      kgr_csv_int(w, v);
    else
      kgr_csv_empty(w);
  }
  kgr_csv_cell_begin(w);
  for (size_t i = 0; i < e->figure_count; i++) {
    const kgr_figure *f = &e->figures[i];
    kgr_csv_cell_sep(w, "; ");
    kgr_csv_cell_adds(w, kgr_figure_kind_name(f->kind));
    kgr_csv_cell_adds(w, " ");
    kgr_csv_cell_adds(w, kgr_qualifier_name(f->qualifier));
    kgr_csv_cell_adds(w, " ");
    kgr_csv_cell_addi(w, f->value);
  }
  kgr_csv_cell_end(w);

  kgr_csv_cell_begin(w);
  for (size_t i = 0; i < e->source_count; i++) {
    kgr_csv_cell_sep(w, "; ");
    kgr_csv_cell_addi(w, e->sources[i]);
  }
  kgr_csv_cell_end(w);
  kgr_csv_cell_begin(w);
  for (size_t i = 0; i < e->source_count; i++) {
    const kgr_footnote *f = kgr_fmt_footnote(d, sorted, e->sources[i]);
    for (size_t u = 0; f && u < f->url_count; u++) {
      kgr_csv_cell_sep(w, "; ");
      kgr_csv_cell_add(w, f->urls[u].ptr, f->urls[u].len);
    }
  }
  kgr_csv_cell_end(w);

  kgr_csv_str(w, e->text);
  kgr_csv_uint(w, e->span.start);
  kgr_csv_uint(w, e->span.end);
  kgr_csv_end_row(w);
}

kgr_status kgr_doc_write_csv(const kgr_doc *doc, uint32_t flags, kgr_write_fn fn, void *ctx) {
  if (!doc || !fn || (flags & ~KGR_FORMAT_ALL))
    return KGR_EINVAL;
  kgr_csv w;
  kgr_csv_init(&w, flags, &doc->arena.alc, fn, ctx);
  if (flags & KGR_FORMAT_HEADER)
    kgr_csv_header(&w, columns, sizeof columns / sizeof *columns);
  bool sorted = kgr_fmt_notes_sorted(doc);
  for (size_t i = 0; i < doc->events.count && !w.failed && !w.oom; i++)
    write_event(&w, doc, sorted, i, &doc->events.items[i]);
  return kgr_csv_finish(&w);
}
