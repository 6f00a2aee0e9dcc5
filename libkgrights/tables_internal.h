/*
 * tables_internal.h - the layout of the tables that data/gen_tables.py
 * generates (generated/kgr_tables.c), shared by lexicon.c and gazetteer.c.
 * Private to the library. Everything here is const: the tables are safe to
 * read from any number of threads.
 */
#ifndef KGR_TABLES_INTERNAL_H
#define KGR_TABLES_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "gazetteer.h"
#include "lexicon.h"

/* A slot of kgr_keyset.words, below. */
typedef struct kgr_word_slot {
  uint32_t hash; /* of the first word */
  uint32_t to;   /* the trie state after it (as edge_to); 0: an empty slot */
  uint32_t key;  /* a key that starts with the word, to compare it with */
} kgr_word_slot;

/*
 * A sorted set of folded keys: the index behind every phrase table. A key
 * is a phrase folded as kgr_keyset_match() folds text (lower case, straight
 * quotes, every run of spaces or hyphens as one space), NUL-terminated.
 * Keys are sorted bytewise, so the keys sharing a prefix form one run of
 * the array; the trie below indexes those runs.
 */
typedef struct kgr_keyset {
  const char *pool;    /* the keys' bytes */
  const uint32_t *off; /* key i starts at pool + off[i] */
  uint32_t count;
  uint32_t first[257]; /* keys whose first byte is b: [first[b], first[b+1]) */
  /*
   * The same keys as a trie, which kgr_keyset_match() walks one folded
   * byte at a time. A node is a prefix shared by two or more keys; an edge
   * that leaves a single key leads to KGR_TRIE_LEAF | key, whose remaining
   * bytes are compared in the pool. Node 0 is the root, whose edges are the
   * table root[] (0: no key starts with the byte).
   */
  const uint32_t *root;       /* [256] */
  const uint32_t *edge_start; /* node n's edges: [edge_start[n], edge_start[n + 1]) */
  const uint8_t *edge_byte;   /* ascending within a node */
  const uint32_t *edge_to;    /* a node, or KGR_TRIE_LEAF | key */
  const uint32_t *node_key;   /* the key that node n spells out, or KGR_NO_KEY */
  /*
   * A filter that turns most word starts away before their first word is
   * hashed: bit b1 of pairs[b0 * 16 ..] is set when a key may start with
   * the ASCII bytes b0 b1 (the row is all ones when b0 alone is a key).
   */
  const uint8_t *pairs; /* [128 * 16] */
  /*
   * And the first three bytes, when the first two are letters or digits: a
   * bitmap hashed from them (triple_bit() in lexicon.c; 0 for the text's
   * end), set for every key's first three bytes, and for every word end
   * after a key of two.
   */
  const uint8_t *triples; /* [4096] */
  /*
   * The keys' first words, a first word being the run of ASCII letters and
   * digits a key starts with: an open addressing table (by the hash of the
   * folded word, as first_word() in lexicon.c computes it; linear probing,
   * at most half full) that gives the trie state after the word. Text whose first word is not in it, or longer
   * than word_max, cannot match; text whose first word is, goes on down the
   * trie from there. Keys that start with another byte are found by a walk
   * from the root.
   */
  const kgr_word_slot *words; /* words_mask + 1 slots */
  uint32_t words_mask;
  uint32_t word_max;
  /*
   * A filter that turns most words away before the table above is read:
   * a bitmap of 2^(32 - word_bits_shift) bits (at least 16 per first word)
   * in which bit (hash >> word_bits_shift) is set for the hash of every
   * first word.
   */
  const uint8_t *word_bits;
  uint32_t word_bits_shift;
} kgr_keyset;

#define KGR_TRIE_LEAF 0x80000000u
#define KGR_NO_KEY 0xFFFFFFFFu

/*
 * The longest key matching text at byte pos and ending at a word boundary.
 * Returns the text bytes matched (0: none) and sets *idx to the key.
 * `accept` (may be NULL) can veto a candidate key; the match then falls
 * back to the next shorter one. Allocates nothing; O(longest key).
 */
typedef bool (*kgr_key_filter)(const void *ctx, uint32_t idx, const char *text, size_t start,
                               size_t end);
size_t kgr_keyset_match(const kgr_keyset *ks, const char *text, size_t len, size_t pos,
                        kgr_key_filter accept, const void *ctx, uint32_t *idx);

/* The lower-case form of cp: ASCII, Latin-1, Latin Extended-A, the
 * Romanian and Azerbaijani letters of Extended-B, Cyrillic; cp if none.
 * gen_tables.py folds the tables' phrases with the same mapping. */
uint32_t kgr_lex_fold(uint32_t cp);
/* Is cp part of a word (a letter or digit) for the boundary rule? */
bool kgr_lex_is_word(uint32_t cp);

/* Countries: kgr_countries is sorted by alpha2. */
extern const kgr_country kgr_countries[];
extern const size_t kgr_country_count;

/* What a country phrase is. Kinds up to KGR_CKIND_RU name the country. */
enum {
  KGR_CKIND_NAME = 0,
  KGR_CKIND_OFFICIAL,
  KGR_CKIND_ABBREV, /* "USA", "UK": matches only when written in capitals */
  KGR_CKIND_RU,
  KGR_CKIND_ADJECTIVE,
  KGR_CKIND_DEMONYM
};
extern const kgr_keyset kgr_country_keys;
extern const uint8_t kgr_country_key_country[]; /* index into kgr_countries */
extern const uint8_t kgr_country_key_kind[];    /* KGR_CKIND_* */

/* Places: cities, then regions, then countries. A key's entries are
 * kgr_gaz_post[kgr_gaz_post_start[k] .. kgr_gaz_post_start[k + 1]), ranked
 * best first (countries, then by population, cities before regions). */
extern const kgr_gaz_entry kgr_gaz_entries[];
extern const size_t kgr_gaz_entry_count;
extern const kgr_keyset kgr_gaz_keys;
extern const uint32_t kgr_gaz_post_start[];
extern const uint32_t kgr_gaz_post[];

#endif /* KGR_TABLES_INTERNAL_H */
