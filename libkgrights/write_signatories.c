/*
 * write_signatories.c - a document's signatories as CSV, one row each
 * (kgr_doc_write_signatories_csv in kgr_formats.h).
 */
#include "csv_writer.h"
#include "document.h"

static const char *const columns[] = {"document",  "position",         "name",       "acronym",
                                      "countries", "countries_source", "span_start", "span_end"};

kgr_status kgr_doc_write_signatories_csv(const kgr_doc *doc, uint32_t flags, kgr_write_fn fn,
                                         void *ctx) {
  if (!doc || !fn || (flags & ~KGR_FORMAT_ALL))
    return KGR_EINVAL;
  kgr_csv w;
  kgr_csv_init(&w, flags, &doc->arena.alc, fn, ctx);
  if (flags & KGR_FORMAT_HEADER)
    kgr_csv_header(&w, columns, sizeof columns / sizeof *columns);
  for (size_t i = 0; i < doc->signatories.count && !w.failed && !w.oom; i++) {
    const kgr_signatory *s = &doc->signatories.items[i];
    kgr_csv_str(&w, doc->name);
    if (s->position > 0)
      kgr_csv_int(&w, s->position);
    else
      kgr_csv_empty(&w);
    kgr_csv_str(&w, s->name);
    kgr_csv_str(&w, s->acronym);
    kgr_csv_cell_begin(&w);
    for (size_t k = 0; k < s->country_count; k++) {
      kgr_csv_cell_sep(&w, ";");
      kgr_csv_cell_add(&w, s->countries[k].ptr, s->countries[k].len);
    }
    kgr_csv_cell_end(&w);
    kgr_csv_cstr(&w, kgr_countries_source_name(s->countries_source));
    kgr_csv_uint(&w, s->span.start);
    kgr_csv_uint(&w, s->span.end);
    kgr_csv_end_row(&w);
  }
  return kgr_csv_finish(&w);
}
