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

/* The figures of sentence se of b from its body on (sd->body_start, past
 * a dateline), with offsets in the block text, appended to hits (which is
 * emptied first). The sentence's dates (sd) keep dates out of the
 * figures. Scratch goes to `a`. */
void kgr_figures_in_sentence(kgr_arena *a, const kgr_block *b, const kgr_sentence *se,
                             const kgr_sentence_dates *sd, kgr_figure_hit_vec *hits);

/*
 * Append the figure `h` of block b to doc->figures, dated `date` (may be
 * NULL) and backed by footnotes sources[0, source_count). Returns its index
 * in doc->figures.
 */
size_t kgr_figure_add(kgr_doc *doc, const kgr_block *b, const kgr_figure_hit *h,
                      const kgr_date *date, const int *sources, size_t source_count);

#endif /* KGR_FIGURES_STAGE_H */
