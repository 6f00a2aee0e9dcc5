/*
 * figures.h - the figure recognizer: counts of people and incidents.
 *
 * "over 600 people being injured", "hospitals had treated 686 people for
 * their injuries", "One protester died", "Over one hundred people still
 * remain in hospital", "six incidents", "at least 3 killed", "dozens
 * detained". Numbers in digits ("1,200", "1 200") and words ("one hundred
 * and twenty"). Hard negatives: "COVID-19", "Article 5", "the 1990s",
 * "4 October", "11 years", "24.kg", percentages and money are not figures
 * of people.
 */
#ifndef KGR_FIGURES_H
#define KGR_FIGURES_H

#include "arena.h"
#include "kgrights/kgr_record.h"

typedef struct kgr_figure_hit {
  size_t start, end;           /* the whole figure phrase */
  int64_t value;
  kgr_qualifier qualifier;
  kgr_figure_kind kind;
  size_t unit_start, unit_end; /* the counted noun ("people"); empty if none */
} kgr_figure_hit;
typedef KGR_VEC(kgr_figure_hit) kgr_figure_hit_vec;

/* Every figure in one sentence of normalised text, left to right. */
void kgr_figures_find(kgr_arena *a, const char *text, size_t len,
                      kgr_figure_hit_vec *hits);

/*
 * A number written in digits or words starting at text[pos]: "686",
 * "1,200", "one hundred", "twenty-five", "a dozen". Returns bytes consumed
 * (0 if none) and sets *value.
 */
size_t kgr_number_parse(const char *text, size_t len, size_t pos, int64_t *value);

#endif /* KGR_FIGURES_H */
