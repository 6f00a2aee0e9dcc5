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
#include "dates.h"
#include "kgrights/kgr_record.h"
#include "utf8.h"

typedef struct kgr_figure_hit {
  size_t start, end;           /* the whole figure phrase */
  int64_t value;
  kgr_qualifier qualifier;
  kgr_figure_kind kind;
  size_t unit_start, unit_end; /* the counted noun ("people"); empty if none */
} kgr_figure_hit;
typedef KGR_VEC(kgr_figure_hit) kgr_figure_hit_vec;

/*
 * Every figure in one sentence of normalised text, left to right,
 * non-overlapping. A number counts when a people noun ("686 people"), a
 * counted kind noun ("six incidents", "53 cases") or a kind word right
 * beside it ("3 killed", "injuring 40", "the death toll rose to 12")
 * says what it counts; a people count with no casualty word is kind
 * "other". The kind is the nearest in the clause, casualty words (killed
 * ... missing) before participants, incidents and cases. start/end cover
 * the qualifier, the number and the counted noun ("over 600 people");
 * unit_start == unit_end when there is no noun. Approximate plurals follow
 * kgr_number_parse_ex ("dozens detained": 24, about).
 */
void kgr_figures_find(kgr_arena *a, const char *text, size_t len,
                      kgr_figure_hit_vec *hits);

/* The recognizer's tokens, kept by a caller that reads many sentences so
 * that they reuse one vector (zeroed before the first call). */
typedef struct kgr_figure_tok kgr_figure_tok;
typedef struct kgr_figure_tokens {
  kgr_figure_tok *items;
  size_t count, cap;
} kgr_figure_tokens;

/*
 * kgr_figures_find for a caller that has found the text's dates already:
 * dates[0, date_count) are where the hits of kgr_dates_find over the same
 * text stand, in order. Same result, without reading the dates twice.
 * `tokens` (may be NULL) is reused and grows in `a`.
 */
void kgr_figures_find_dated(kgr_arena *a, const char *text, size_t len,
                            const kgr_date_span *dates, size_t date_count,
                            kgr_figure_tokens *tokens, kgr_figure_hit_vec *hits);

/*
 * A number written in digits or words starting at text[pos]: "686",
 * "1,200", "one hundred", "twenty-five", "a dozen". Returns bytes consumed
 * (0 if none) and sets *value.
 */
size_t kgr_number_parse(const char *text, size_t len, size_t pos, int64_t *value);

/*
 * kgr_number_parse, also saying whether the number is an approximate
 * plural. Policy: "dozens", "hundreds", "thousands" (and "tens of
 * thousands", "hundreds of thousands") are twice their unit, the least the
 * plural can mean: 24, 200, 2000, 20000, 200000, with *approx set; a figure
 * built on one gets the qualifier "about" unless a qualifier is written.
 * Digits group by commas or spaces in threes ("1,200", "1 200"); a decimal
 * counts only before a scale word ("1.5 million"); "several", "many" and
 * "a number of" are not numbers. approx may be NULL.
 */
size_t kgr_number_parse_ex(const char *text, size_t len, size_t pos,
                           int64_t *value, bool *approx);

/* Character classes shared by numbers.c and figures.c: is the character at
 * text[i] part of a word (a letter or digit of any script; punctuation,
 * symbols and invalid bytes are not) / a space (ASCII, no-break and
 * typographic spaces)? *n (may be NULL) receives its length in bytes. */
bool kgr_word_char_at_multibyte(const char *text, size_t len, size_t i, size_t *n);
bool kgr_space_char_at_multibyte(const char *text, size_t len, size_t i, size_t *n);

/* ASCII is most of every text: answered without a call. */
static inline bool kgr_word_char_at(const char *text, size_t len, size_t i, size_t *n) {
  if (i < len && (unsigned char)text[i] < 0x80) {
    unsigned char c = (unsigned char)text[i];
    if (n)
      *n = 1;
    return kgr_is_digit(c) || (unsigned)((c | 0x20) - 'a') < 26u;
  }
  return kgr_word_char_at_multibyte(text, len, i, n);
}

static inline bool kgr_space_char_at(const char *text, size_t len, size_t i, size_t *n) {
  if (i < len && (unsigned char)text[i] < 0x80) {
    if (n)
      *n = 1;
    return kgr_is_space((unsigned char)text[i]);
  }
  return kgr_space_char_at_multibyte(text, len, i, n);
}

#endif /* KGR_FIGURES_H */
