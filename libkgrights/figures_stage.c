/*
 * figures_stage.c - figure hits of a sentence turned into the document's
 * figure records. The event stage (events.c) calls it for every body
 * sentence, because a figure's date and sources are the sentence's.
 */
#include "figures_stage.h"

#include <string.h>

#include "dates.h"

void kgr_figures_in_sentence(kgr_figure_reader *r, const kgr_block *b, const kgr_sentence *se,
                             const kgr_sentence_dates *sd) {
  kgr_figure_hit_vec *hits = &r->hits;
  size_t start = sd->body_start, end = se->end;
  hits->count = 0;
  if (end <= start)
    return;
  r->dates.count = 0;
  if (start == se->start) {
    /* the absolute dates of sd are what the date recognizer found in this
     * same text */
    for (size_t k = 0; k < sd->count; k++) {
      if (sd->hits[k].relative)
        continue;
      kgr_date_span *d = KGR_VEC_PUSH(r->a, r->dates);
      d->start = sd->hits[k].start - start;
      d->end = sd->hits[k].end - start;
    }
  } else {
    /* past a dateline the body reads apart from the sentence's opening */
    r->found.count = 0;
    kgr_dates_find(r->a, b->text + start, end - start, &r->found);
    for (size_t k = 0; k < r->found.count; k++) {
      kgr_date_span *d = KGR_VEC_PUSH(r->a, r->dates);
      d->start = r->found.items[k].start;
      d->end = r->found.items[k].end;
    }
  }
  kgr_figures_find_dated(r->a, b->text + start, end - start, r->dates.items, r->dates.count,
                         &r->tokens, hits);
  for (size_t i = 0; i < hits->count; i++) {
    kgr_figure_hit *h = &hits->items[i];
    h->start += start;
    h->end += start;
    if (h->unit_end > h->unit_start) {
      h->unit_start += start;
      h->unit_end += start;
    } else {
      h->unit_start = h->unit_end = 0;
    }
  }
}

size_t kgr_figure_add(kgr_doc *doc, const kgr_block *b, const kgr_figure_hit *h,
                      const kgr_date *date, const int *sources, size_t source_count) {
  kgr_arena *a = &doc->arena;
  kgr_figure *f = KGR_VEC_PUSH(a, doc->figures);
  f->kind = h->kind;
  f->value = h->value;
  f->qualifier = h->qualifier;
  if (h->unit_end > h->unit_start)
    f->unit_text = kgr_arena_str(a, b->text + h->unit_start, h->unit_end - h->unit_start);
  if (date)
    f->date = date->start_iso;
  if (source_count) {
    int *src = kgr_arena_alloc(a, source_count * sizeof *src);
    memcpy(src, sources, source_count * sizeof *src);
    f->sources = src;
    f->source_count = source_count;
  }
  f->text = kgr_arena_str(a, b->text + h->start, h->end - h->start);
  f->span = kgr_block_span(b, h->start, h->end);
  return doc->figures.count - 1;
}
