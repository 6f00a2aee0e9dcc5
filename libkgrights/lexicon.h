/*
 * lexicon.h - phrase tables compiled from libkgrights/data/ at build time.
 *
 * Each data file lex_<name>.tsv becomes `const kgr_lexicon kgr_lex_<name>`.
 * Matching is case-insensitive (ASCII, Latin-1 letters and Cyrillic are
 * folded), whole-word at both ends, and longest-first. Curly quotes and
 * apostrophes in the text match straight ones in the table, and any run of
 * spaces or hyphens in the text matches one space or hyphen in the table.
 */
#ifndef KGR_LEXICON_H
#define KGR_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "arena.h"

typedef struct kgr_lex_entry {
  const char *phrase; /* folded to lower case */
  uint32_t phrase_len;
  const char *tag;    /* second column of the data file */
  const char *extra;  /* third column, or "" */
} kgr_lex_entry;

typedef struct kgr_lexicon {
  const char *name;
  const kgr_lex_entry *entries;
  size_t count;
  const void *index; /* private: the generator's lookup index */
  const uint8_t *word_bits; /* private: its first-word filter, at hand */
  uint32_t word_bits_shift; /* for kgr_lex_word_may_start() */
} kgr_lexicon;

/* A match found by kgr_lex_scan(). */
typedef struct kgr_lex_hit {
  size_t start, end;          /* in the scanned text */
  const kgr_lex_entry *entry;
} kgr_lex_hit;
typedef KGR_VEC(kgr_lex_hit) kgr_lex_hit_vec;

/*
 * The longest entry matching text at byte `pos`, which must start a word
 * (the caller checks). Returns the number of text bytes matched (0: no
 * match) and sets *out.
 */
size_t kgr_lex_match(const kgr_lexicon *lex, const char *text, size_t len,
                     size_t pos, const kgr_lex_entry **out);

/* Every non-overlapping longest match in text, left to right, appended to
 * hits. Linear in len (times the longest phrase). */
void kgr_lex_scan(const kgr_lexicon *lex, kgr_arena *a, const char *text,
                  size_t len, kgr_lex_hit_vec *hits);

/*
 * kgr_lex_scan() of one text with n lexicons in one pass: hits[k] gets
 * exactly what kgr_lex_scan(lexes[k], a, text, len, hits[k]) would append,
 * but each word of the text is read and hashed once for all of them. Use
 * it wherever a stage scans the same text with several lexicons:
 *
 *   kgr_lex_hit_vec trig = {0}, means = {0};
 *   const kgr_lexicon *lexes[] = {&kgr_lex_event_triggers, &kgr_lex_means};
 *   kgr_lex_hit_vec *hits[] = {&trig, &means};
 *   kgr_lex_scan_many(a, text, len, 2, lexes, hits);
 *
 * Up to KGR_LEX_SCAN_MAX lexicons share a pass (more take more passes). A
 * NULL lexicon or hit vector is skipped. Per lexicon the scan is greedy:
 * left to right, the longest match at each candidate start (a position
 * whose previous code point is not a word character), no start inside
 * that lexicon's previous match.
 */
enum { KGR_LEX_SCAN_MAX = 8 };
void kgr_lex_scan_many(kgr_arena *a, const char *text, size_t len, size_t n,
                       const kgr_lexicon *const *lexes, kgr_lex_hit_vec *const *hits);

/*
 * A key of the word at text[pos] for kgr_lex_word_may_start(): the hash of
 * the run of ASCII letters and digits there, which kgr_lex_match() at pos
 * looks up first; 0 if there is none. Worked out once, it tells for any
 * lexicon, with no further look at the text, that nothing matches at pos.
 */
uint32_t kgr_lex_word_key(const char *text, size_t len, size_t pos);

/* Can an entry of lex (not NULL) match where the word of key `key`
 * starts? false means that kgr_lex_match() there returns 0; 0, no key,
 * answers true. Inline: one bit of a small table. */
static inline bool kgr_lex_word_may_start(const kgr_lexicon *lex, uint32_t key) {
  uint32_t bit = key >> lex->word_bits_shift;
  return !key || (lex->word_bits[bit >> 3] >> (bit & 7) & 1);
}

/* Does the whole of text[0, len) equal an entry (folded)? */
const kgr_lex_entry *kgr_lex_lookup(const kgr_lexicon *lex, const char *text,
                                    size_t len);

/* The generated tables (see libkgrights/data/README.md for each one's
 * source and licence). */
#include "kgr_lexicons.h" /* generated: extern const kgr_lexicon kgr_lex_<name>; */

#endif /* KGR_LEXICON_H */
