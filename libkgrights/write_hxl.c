/*
 * write_hxl.c - events as HXL-tagged CSV (kgr_doc_write_hxl in
 * kgr_formats.h): a header row, the hashtag row, then one row per event
 * and located place, laid out as the ACLED export lays them out.
 */
#include <stdio.h>

#include "csv_writer.h"
#include "document.h"
#include "formats.h"
#include "kgrights/kgr_formats.h"

static const char *const headers[] = {
    "ID",           "Date",         "Date end",   "Event type",   "ACLED event type",
    "Country code", "Country",      "Admin1",     "Location",     "Latitude",
    "Longitude",    "Killed",       "Injured",    "Hospitalized", "Detained",
    "Missing",      "Organisation", "Source URL", "Description",  "Source document",
    "Span"};

static const char *const tags[] = {"#meta+id",
                                   "#date+occurred",
                                   "#date+end",
                                   "#event+type",
                                   "#event+type+acled",
                                   "#country+code",
                                   "#country+name",
                                   "#adm1+name",
                                   "#loc+name",
                                   "#geo+lat",
                                   "#geo+lon",
                                   "#affected+killed",
                                   "#affected+injured",
                                   "#affected+hospitalized",
                                   "#affected+detained",
                                   "#affected+missing",
                                   "#org",
                                   "#meta+source+url",
                                   "#description",
                                   "#meta+source+document",
                                   "#meta+span"};

_Static_assert(sizeof headers / sizeof *headers == sizeof tags / sizeof *tags,
               "one hashtag per column");

static const kgr_figure_kind counted[] = {KGR_FIG_KILLED, KGR_FIG_INJURED, KGR_FIG_HOSPITALIZED,
                                          KGR_FIG_DETAINED, KGR_FIG_MISSING};

static void write_event(kgr_csv *w, const kgr_doc *d, bool sorted, size_t index,
                        const kgr_event *e) {
  kgr_str code = kgr_fmt_event_country(d, e);
  const kgr_country *country = code.ptr ? kgr_country_by_code(code.ptr, code.len) : NULL;
  const char *sub = NULL;
  const char *acled = kgr_event_type_acled(e->type, &sub);
  kgr_str org = {NULL, 0};
  if (d->has_issuer)
    org = d->issuer.name.ptr ? d->issuer.name : d->issuer.acronym;
  kgr_fmt_rows rows;
  kgr_fmt_rows_init(&rows, e);
  const kgr_place *p;
  while (kgr_fmt_rows_next(&rows, &p)) {
    char id[64];
    int n =
        snprintf(id, sizeof id, "%.8s-%zu", d->sha256.ptr ? d->sha256.ptr : "00000000", index + 1);
    if (rows.done > 1 && n > 0 && (size_t)n < sizeof id)
      snprintf(id + n, sizeof id - (size_t)n, "-%zu", rows.done);
    kgr_csv_cstr(w, id);
    kgr_csv_str(w, e->date ? e->date->start_iso : (kgr_str){NULL, 0});
    kgr_csv_str(w, e->date ? e->date->end_iso : (kgr_str){NULL, 0});
    kgr_csv_cstr(w, kgr_event_type_name(e->type));
    if (acled) {
      kgr_csv_cell_begin(w);
      kgr_csv_cell_adds(w, acled);
      kgr_csv_cell_adds(w, ": ");
      kgr_csv_cell_adds(w, sub);
      kgr_csv_cell_end(w);
    } else {
      kgr_csv_empty(w);
    }
    kgr_csv_cstr(w, country ? country->alpha3 : NULL);
    kgr_csv_cstr(w, country ? country->name : NULL);
    kgr_csv_str(w, p ? p->admin1 : (kgr_str){NULL, 0});
    kgr_csv_str(w, p ? p->name : (kgr_str){NULL, 0});
    if (p && kgr_fmt_located(p)) {
      kgr_csv_double(w, p->lat, 5);
      kgr_csv_double(w, p->lon, 5);
    } else {
      kgr_csv_empty(w);
      kgr_csv_empty(w);
    }
    /* Counts on the first row only: HXL tools sum columns. */
    for (size_t k = 0; k < sizeof counted / sizeof *counted; k++) {
      int64_t v;
      if (rows.done == 1 && kgr_fmt_lowest(e, counted[k], &v))
        kgr_csv_int(w, v);
      else
        kgr_csv_empty(w);
    }
    kgr_csv_str(w, org);
    kgr_csv_cell_begin(w);
    for (size_t i = 0; i < e->source_count; i++) {
      const kgr_footnote *f = kgr_fmt_footnote(d, sorted, e->sources[i]);
      for (size_t u = 0; f && u < f->url_count; u++) {
        kgr_csv_cell_sep(w, " ");
        kgr_csv_cell_add(w, f->urls[u].ptr, f->urls[u].len);
      }
    }
    kgr_csv_cell_end(w);
    kgr_csv_str(w, e->text);
    kgr_csv_str(w, d->name);
    kgr_csv_cell_begin(w);
    kgr_csv_cell_addi(w, (int64_t)e->span.start);
    kgr_csv_cell_adds(w, "-");
    kgr_csv_cell_addi(w, (int64_t)e->span.end);
    kgr_csv_cell_end(w);
    kgr_csv_end_row(w);
  }
}

kgr_status kgr_doc_write_hxl(const kgr_doc *doc, uint32_t flags, kgr_write_fn fn, void *ctx) {
  if (!doc || !fn || (flags & ~KGR_FORMAT_ALL))
    return KGR_EINVAL;
  kgr_csv w;
  kgr_csv_init(&w, flags, &doc->arena.alc, fn, ctx);
  if (flags & KGR_FORMAT_HEADER) {
    kgr_csv_header(&w, headers, sizeof headers / sizeof *headers);
    kgr_csv_header(&w, tags, sizeof tags / sizeof *tags);
  }
  bool sorted = kgr_fmt_notes_sorted(doc);
  for (size_t i = 0; i < doc->events.count && !w.failed && !w.oom; i++)
    write_event(&w, doc, sorted, i, &doc->events.items[i]);
  return kgr_csv_finish(&w);
}
