/*
 * figures_stage.h - the document's figures (doc->figures): every count the
 * figure recognizer (figures.h) finds in a body sentence, as a record with
 * its date, its sources and its span in the input.
 */
#ifndef KGR_FIGURES_STAGE_H
#define KGR_FIGURES_STAGE_H

#include "document.h"
#include "event_dates.h"
#include "figures.h"
#include "layout.h"

/* What the figures of a document's sentences reuse from one sentence to
 * the next; zeroed but for `a`, an arena that outlives the sentences. */
typedef struct kgr_figure_reader {
  kgr_arena *a;
  kgr_figure_tokens tokens;
  kgr_date_hit_vec found; /* dates past a dateline */
  KGR_VEC(kgr_date_span) dates;
  kgr_figure_hit_vec hits; /* the last sentence's figures */
} kgr_figure_reader;

/* The figures of sentence se of b from its body on (sd->body_start, past
 * a dateline), with offsets in the block text, in r->hits. The sentence's
 * dates (sd) keep dates out of the figures. */
void kgr_figures_in_sentence(kgr_figure_reader *r, const kgr_block *b, const kgr_sentence *se,
                             const kgr_sentence_dates *sd);

/*
 * Append the figure `h` of block b to doc->figures, dated `date` (may be
 * NULL) and backed by footnotes sources[0, source_count). Returns its index
 * in doc->figures.
 */
size_t kgr_figure_add(kgr_doc *doc, const kgr_block *b, const kgr_figure_hit *h,
                      const kgr_date *date, const int *sources, size_t source_count);

#endif /* KGR_FIGURES_STAGE_H */
