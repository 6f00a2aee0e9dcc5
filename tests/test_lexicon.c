/*
 * test_lexicon.c - phrase matching (lexicon.c) over the generated tables,
 * mostly through the fixture data/lex_test_fixture.tsv.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lexicon.h"
#include "tables_internal.h"
#include "utf8.h"

static const kgr_lexicon *fx = &kgr_lex_test_fixture;

/* Bytes matched at the start of s, and the entry's tag there. */
static size_t match_at(const char *s, size_t pos, const char **tag) {
  const kgr_lex_entry *e = NULL;
  size_t n = kgr_lex_match(fx, s, strlen(s), pos, &e);
  *tag = e ? e->tag : NULL;
  assert_true((n == 0) == (e == NULL));
  return n;
}

static void test_longest_match(void **state) {
  (void)state;
  const char *tag;
  assert_int_equal(match_at("tear gas canisters", 0, &tag), 8);
  assert_string_equal(tag, "tear_gas");
  assert_int_equal(match_at("tear down", 0, &tag), 4);
  assert_string_equal(tag, "tear");
  assert_int_equal(match_at("water cannons were used", 0, &tag), 13);
  assert_string_equal(tag, "water_cannon");
  const kgr_lex_entry *e;
  assert_int_equal(kgr_lex_match(fx, "water cannon.", 13, 0, &e), 12);
  assert_string_equal(e->phrase, "water cannon"); /* folded by the generator */
  assert_int_equal(e->phrase_len, 12);
  assert_string_equal(e->extra, "");
  assert_int_equal(kgr_lex_match(fx, "use tear gas", 12, 4, &e), 8);
  assert_string_equal(e->extra, "two words");
}

static void test_word_boundary(void **state) {
  (void)state;
  const char *tag;
  /* Any run of spaces, hyphens or en dashes matches one space or hyphen. */
  assert_int_equal(match_at("tear-gas, then", 0, &tag), 8);
  assert_string_equal(tag, "tear_gas");
  assert_int_equal(match_at("tear  gas", 0, &tag), 9);
  assert_int_equal(match_at("tear \n- gas", 0, &tag), 11);
  assert_int_equal(match_at("tear\xE2\x80\x93gas", 0, &tag), 10); /* en dash */
  assert_int_equal(match_at("rubber bullets", 0, &tag), 14);
  assert_string_equal(tag, "rubber_bullets");
  assert_int_equal(match_at("teargas", 0, &tag), 7);
  assert_string_equal(tag, "tear_gas");
  /* Whole words only. */
  assert_int_equal(match_at("teargasx", 0, &tag), 0);
  assert_int_equal(match_at("tearing", 0, &tag), 0);
  assert_int_equal(match_at("tear gas2", 0, &tag), 4);       /* falls back to "tear" */
  assert_int_equal(match_at("teargas\xC3\xA9", 0, &tag), 0); /* é is a letter */
  /* A curly apostrophe or an em dash ends a word. */
  assert_int_equal(match_at("teargas\xE2\x80\x99s use", 0, &tag), 7);
  assert_int_equal(match_at("teargas\xE2\x80\x94"
                            "and",
                            0, &tag),
                   7);
  /* Spaces alone never start a match, and trailing ones are not taken. */
  assert_int_equal(match_at("  tear", 0, &tag), 0);
  assert_int_equal(match_at("tear   ", 0, &tag), 4);
}

static void test_case_and_quotes(void **state) {
  (void)state;
  const char *tag;
  assert_int_equal(match_at("TEAR GAS", 0, &tag), 8);
  assert_int_equal(match_at("Water Cannon", 0, &tag), 12);
  /* Curly apostrophe and quotes in the text match straight ones. */
  assert_int_equal(match_at("Citizens\xE2\x80\x99 Assembly", 0, &tag), 20);
  assert_string_equal(tag, "assembly");
  assert_int_equal(match_at("citizens' assembly", 0, &tag), 18);
  assert_int_equal(match_at("\xE2\x80\x9C"
                            "Dignity\xE2\x80\x9D (Kazakhstan)",
                            0, &tag),
                   13);
  assert_string_equal(tag, "quoted");
  /* Cyrillic: upper and lower case both match the folded phrase. */
  assert_int_equal(match_at("\xD0\xA1\xD0\x9B\xD0\x95\xD0\x97\xD0\x9E\xD0\xA2\xD0\x9E\xD0\xA7"
                            "\xD0\x98\xD0\x92\xD0\xAB\xD0\x99 \xD0\x93\xD0\x90\xD0\x97",
                            0, &tag),
                   31); /* СЛЕЗОТОЧИВЫЙ ГАЗ */
  assert_int_equal(match_at("\xD1\x81\xD0\xBB\xD0\xB5\xD0\xB7\xD0\xBE\xD1\x82\xD0\xBE\xD1\x87"
                            "\xD0\xB8\xD0\xB2\xD1\x8B\xD0\xB9 \xD0\xB3\xD0\xB0\xD0\xB7.",
                            0, &tag),
                   31); /* слезоточивый газ. */
  assert_string_equal(tag, "tear_gas");
  /* Latin-1: É and é. */
  assert_int_equal(match_at("\xC3\x89LAN VITAL", 0, &tag), 11);
  assert_int_equal(match_at("\xC3\xA9lan vital", 0, &tag), 11);
  assert_string_equal(tag, "latin1");
}

static void test_lookup(void **state) {
  (void)state;
  const kgr_lex_entry *e = kgr_lex_lookup(fx, "Tear Gas", 8);
  assert_non_null(e);
  assert_string_equal(e->phrase, "tear gas");
  assert_null(kgr_lex_lookup(fx, "tear gas ", 9));
  assert_null(kgr_lex_lookup(fx, "tea", 3));
  assert_null(kgr_lex_lookup(fx, "", 0));
  assert_non_null(kgr_lex_lookup(fx, "tear", 4));
  /* Every entry finds itself: the C folding agrees with the generator's. */
  for (size_t i = 0; i < fx->count; i++)
    assert_ptr_equal(kgr_lex_lookup(fx, fx->entries[i].phrase, fx->entries[i].phrase_len),
                     &fx->entries[i]);
}

static void test_scan(void **state) {
  (void)state;
  static const char text[] =
      "Police used tear gas, TEARGAS and water cannons; tear-gas\xE2\x80\x99s smell. "
      "Bullets: rubber-bullets. Tearing down.";
  kgr_arena a;
  kgr_arena_init(&a, NULL);
  kgr_lex_hit_vec hits = {0};
  kgr_lex_scan(fx, &a, text, sizeof text - 1, &hits);
  static const struct {
    const char *text, *tag;
  } want[] = {{"tear gas", "tear_gas"},
              {"TEARGAS", "tear_gas"},
              {"water cannons", "water_cannon"},
              {"tear-gas", "tear_gas"},
              {"rubber-bullets", "rubber_bullets"}};
  assert_int_equal(hits.count, sizeof want / sizeof want[0]);
  size_t prev_end = 0;
  for (size_t i = 0; i < hits.count; i++) {
    const kgr_lex_hit *h = &hits.items[i];
    assert_true(h->start >= prev_end); /* left to right, no overlap */
    assert_int_equal(h->end - h->start, strlen(want[i].text));
    assert_memory_equal(text + h->start, want[i].text, h->end - h->start);
    assert_string_equal(h->entry->tag, want[i].tag);
    prev_end = h->end;
  }
  /* No match inside a word: "gas" alone is no phrase, and "tear" in
   * "Tearing" is not a word. */
  kgr_lex_hit_vec none = {0};
  kgr_lex_scan(fx, &a, "untear gasket tearing", 21, &none);
  assert_int_equal(none.count, 0);
  kgr_arena_release(&a);
}

/* The hits of kgr_lex_scan() and kgr_lex_scan_many() agree. */
static void hits_equal(const kgr_lex_hit_vec *a, const kgr_lex_hit_vec *b) {
  assert_int_equal(a->count, b->count);
  for (size_t i = 0; i < a->count; i++) {
    assert_int_equal(a->items[i].start, b->items[i].start);
    assert_int_equal(a->items[i].end, b->items[i].end);
    assert_ptr_equal(a->items[i].entry, b->items[i].entry);
  }
}

/* kgr_lex_scan() by its definition, from kgr_lex_match(): left to right,
 * the longest match at each position whose previous code point is not a
 * word character (an invalid byte is none), none inside the last match. */
static void reference_scan(const kgr_lexicon *lex, kgr_arena *a, const char *text, size_t len,
                           kgr_lex_hit_vec *hits) {
  bool prev_word = false;
  size_t i = 0;
  while (i < len) {
    uint32_t cp;
    size_t n = kgr_utf8_decode(text + i, len - i, &cp);
    if (!n) {
      prev_word = false;
      i++;
      continue;
    }
    const kgr_lex_entry *e;
    size_t m = prev_word ? 0 : kgr_lex_match(lex, text, len, i, &e);
    if (m) {
      kgr_lex_hit *h = KGR_VEC_PUSH(a, *hits);
      h->start = i;
      h->end = i + m;
      h->entry = e;
      size_t last = i + m - 1;
      while (((unsigned char)text[last] & 0xC0) == 0x80)
        last--;
      prev_word = kgr_utf8_decode(text + last, len - last, &cp) && kgr_lex_is_word(cp);
      i += m;
      continue;
    }
    prev_word = kgr_lex_is_word(cp);
    i += n;
  }
}

/* kgr_lex_scan_many() over text finds, for each lexicon, what a scan with
 * that lexicon alone finds; also with the text cut at every byte, so that
 * it ends inside keys and inside code points. */
static void scan_many_agrees(const char *text, size_t len, const kgr_lexicon *const *lexes,
                             size_t n) {
  kgr_arena a;
  kgr_arena_init(&a, NULL);
  for (size_t cut = 0; cut <= len; cut++) {
    kgr_lex_hit_vec many[12] = {{0}}, one = {0};
    kgr_lex_hit_vec *hits[12];
    assert_true(n <= 12);
    for (size_t k = 0; k < n; k++)
      hits[k] = &many[k];
    kgr_lex_scan_many(&a, text, cut, n, lexes, hits);
    for (size_t k = 0; k < n; k++) {
      one.count = 0;
      kgr_lex_scan(lexes[k], &a, text, cut, &one);
      hits_equal(&many[k], &one);
      one.count = 0;
      reference_scan(lexes[k], &a, text, cut, &one);
      hits_equal(&many[k], &one);
    }
  }
  kgr_arena_release(&a);
}

static void test_scan_many(void **state) {
  (void)state;
  /* overlapping keys ("tear", "tear gas", "teargas"), keys ending in
   * punctuation and quotes, curly quotes, Cyrillic and Latin-1 upper case,
   * invalid UTF-8, a NUL, en and em dashes, words glued to letters */
  static const char text[] =
      "Tear gas, teargas and TEAR\xE2\x80\x93GAS; water cannons\xE2\x80\x99 use. "
      "\xE2\x80\x9C"
      "Dignity\xE2\x80\x9D and \"dignity\" (citizens\xE2\x80\x99 assembly), "
      "\xD0\xA1\xD0\x9B\xD0\x95\xD0\x97\xD0\x9E\xD0\xA2\xD0\x9E\xD0\xA7\xD0\x98\xD0\x92\xD0\xAB"
      "\xD0\x99 \xD0\x93\xD0\x90\xD0\x97. \xC3\x89lan vital\xFF tear\xC3 gas tear\0gas "
      "x-tear gas \xC3\xA9tear teargas\xC3\xA9 rubber--bullets tear\xE2\x80\x94gas "
      "the right to freedom of expression and of peaceful assembly under the ICCPR, "
      "the International Covenant on Civil and Political Rights; police used tear gas "
      "and rubber bullets in January\xE2\x80\x99s protest & the UN Human Rights Council said "
      "tear gas";
  const kgr_lexicon *const lexes[] = {
      &kgr_lex_test_fixture, &kgr_lex_rights,      &kgr_lex_instruments,    &kgr_lex_means,
      &kgr_lex_months,       &kgr_lex_org_words,   &kgr_lex_event_triggers, &kgr_lex_actors,
      &kgr_lex_report_verbs, &kgr_lex_test_fixture};
  size_t n = sizeof lexes / sizeof *lexes; /* more than one pass holds */
  assert_true(n > KGR_LEX_SCAN_MAX);
  scan_many_agrees(text, sizeof text - 1, lexes, n);
  scan_many_agrees(text, sizeof text - 1, lexes, 2);
  scan_many_agrees(text, sizeof text - 1, lexes + 1, 1);

  /* The fixture's hits are what test_scan expects of kgr_lex_scan. */
  kgr_arena a;
  kgr_arena_init(&a, NULL);
  kgr_lex_hit_vec fh = {0}, mh = {0};
  kgr_lex_hit_vec *hits[] = {&fh, NULL, &mh};
  const kgr_lexicon *const two[] = {&kgr_lex_test_fixture, &kgr_lex_means, NULL};
  kgr_lex_scan_many(&a, "tear gas, then tear", 19, 3, two, hits); /* NULLs are skipped */
  assert_int_equal(fh.count, 2);
  assert_int_equal(fh.items[0].end, 8);
  assert_string_equal(fh.items[1].entry->tag, "tear");
  assert_int_equal(mh.count, 0);
  kgr_lex_scan_many(NULL, "tear", 4, 1, two, hits);
  kgr_lex_scan_many(&a, NULL, 4, 1, two, hits);
  kgr_lex_scan_many(&a, "tear", 4, 0, two, hits);
  assert_int_equal(fh.count, 2);
  kgr_arena_release(&a);
}

/* The first-word table of a key set: a power of two of slots, at most half
 * full, and each key's first word is in it, leading to the key's trie
 * state: every key then matches itself in full, and its upper-case form
 * too. */
static void check_first_words(const kgr_keyset *ks) {
  uint32_t size = ks->words_mask + 1, used = 0;
  assert_int_equal(size & ks->words_mask, 0);
  for (uint32_t s = 0; s < size; s++)
    used += ks->words[s].to != 0;
  assert_true(2 * used <= size);
  for (uint32_t i = 0; i < ks->count; i++) {
    const char *k = ks->pool + ks->off[i];
    size_t n = 0;
    while (k[n] && strchr("abcdefghijklmnopqrstuvwxyz0123456789", k[n]))
      n++;
    assert_true(n <= ks->word_max);
    char up[256];
    size_t len = strlen(k);
    assert_true(len < sizeof up);
    for (size_t j = 0; j <= len; j++)
      up[j] = (char)(k[j] >= 'a' && k[j] <= 'z' ? k[j] - 32 : k[j]);
    uint32_t idx = UINT32_MAX;
    assert_int_equal(kgr_keyset_match(ks, up, len, 0, NULL, NULL, &idx), len);
    assert_int_equal(idx, i);
    /* ... also before any ASCII byte that ends a word (the filters' third
     * byte), or a space that another key may go on with */
    for (unsigned c = 0; c < 128 && len + 1 < sizeof up; c++) {
      if ((c | 32) - 'a' < 26 || c - '0' < 10)
        continue;
      up[len] = (char)c;
      assert_true(kgr_keyset_match(ks, up, len + 1, 0, NULL, NULL, &idx) >= len);
    }
  }
}

static void test_first_words(void **state) {
  (void)state;
  const kgr_lexicon *const lexes[] = {fx,
                                      &kgr_lex_event_triggers,
                                      &kgr_lex_rights,
                                      &kgr_lex_instruments,
                                      &kgr_lex_months,
                                      &kgr_lex_org_words,
                                      &kgr_lex_roles};
  for (size_t i = 0; i < sizeof lexes / sizeof *lexes; i++) {
    check_first_words(lexes[i]->index);
    /* kgr_lex_lookup() finds each entry from its phrase, whole. */
    for (size_t k = 0; k < lexes[i]->count; k++) {
      const kgr_lex_entry *e = &lexes[i]->entries[k];
      assert_ptr_equal(kgr_lex_lookup(lexes[i], e->phrase, e->phrase_len), e);
    }
  }
  check_first_words(&kgr_country_keys);
  check_first_words(&kgr_gaz_keys);
}

/* kgr_lex_lookup() of one word: the key must end with the word. */
static void test_lookup_one_word(void **state) {
  (void)state;
  assert_non_null(kgr_lex_lookup(fx, "TEARGAS", 7));
  assert_null(kgr_lex_lookup(fx, "teargasx", 8));
  assert_null(kgr_lex_lookup(fx, "tearg", 5)); /* a prefix of a single key */
  assert_null(kgr_lex_lookup(fx, "water", 5)); /* a node that spells no key */
  assert_null(kgr_lex_lookup(fx, "rubber", 6));
  assert_null(kgr_lex_lookup(fx, "citizens", 8));
  assert_non_null(kgr_lex_lookup(fx, "citizens\xE2\x80\x99 assembly", 20));
  assert_null(kgr_lex_lookup(fx, "tear.", 5));
  assert_null(kgr_lex_lookup(fx, "tear\0", 5));
  assert_null(kgr_lex_lookup(fx, "tear\xC3", 5));
  assert_null(kgr_lex_lookup(fx, "\xC3\x89lan", 5));
  assert_non_null(kgr_lex_lookup(fx, "\xC3\x89lan  vital", 12));
  assert_non_null(kgr_lex_lookup(&kgr_lex_months, "January", 7));
  assert_null(kgr_lex_lookup(&kgr_lex_months, "Januaryx", 8));
}

/* A match reads no further than the longest first word at a word start:
 * matching at every byte of a long word, or looking up each of its
 * suffixes, takes linear time. */
static void test_long_word(void **state) {
  (void)state;
  size_t n = 1 << 20;
  char *buf = malloc(n);
  assert_non_null(buf);
  for (size_t i = 0; i < n; i++)
    buf[i] = "te"[i % 2]; /* "te" may start a key: the pair filter lets it by */
  clock_t t0 = clock();
  size_t found = 0;
  for (size_t i = 0; i < n; i++) {
    found += kgr_lex_match(&kgr_lex_event_triggers, buf, n, i, NULL);
    found += kgr_lex_lookup(fx, buf + i, n - i) != NULL;
  }
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  assert_int_equal(found, 0);
  memcpy(buf + n - 4, "tear", 4); /* ... and still finds the key at the end */
  assert_int_equal(kgr_lex_match(fx, buf, n, n - 4, NULL), 4);
  free(buf);
  if (secs > 5.0)
    fail_msg("%.1f s for 1 MiB", secs);
}

static void test_inval(void **state) {
  (void)state;
  const kgr_lex_entry *e = fx->entries;
  assert_int_equal(kgr_lex_match(NULL, "tear", 4, 0, &e), 0);
  assert_null(e);
  assert_int_equal(kgr_lex_match(fx, NULL, 4, 0, NULL), 0);
  assert_int_equal(kgr_lex_match(fx, "tear", 4, 4, NULL), 0); /* pos at the end */
  assert_int_equal(kgr_lex_match(fx, "tear", 4, 9, NULL), 0);
  /* Invalid UTF-8 stops a match but is read safely. */
  assert_int_equal(kgr_lex_match(fx, "tear\xFFgas", 8, 0, NULL), 4);
  assert_int_equal(kgr_lex_match(fx, "tear \xC3", 6, 0, NULL), 4);
  assert_int_equal(kgr_lex_match(fx, "tear\0gas", 8, 0, NULL), 4); /* NUL ends a word */
  assert_int_equal(kgr_lex_match(fx, "tear \0gas", 9, 0, NULL), 4);
  assert_null(kgr_lex_lookup(NULL, "tear", 4));
  kgr_arena a;
  kgr_arena_init(&a, NULL);
  kgr_lex_hit_vec hits = {0};
  kgr_lex_scan(fx, &a, "\xFF\xFEtear\xC3", 7, &hits);
  assert_int_equal(hits.count, 1);
  assert_int_equal(hits.items[0].start, 2);
  kgr_lex_scan(NULL, &a, "tear", 4, &hits);
  kgr_lex_scan(fx, &a, NULL, 4, &hits);
  assert_int_equal(hits.count, 1);
  kgr_arena_release(&a);
}

/* Every generated key set is sorted, as the binary searches need, and its
 * first-byte index agrees with it. */
static void check_keyset(const kgr_keyset *ks) {
  for (uint32_t i = 1; i < ks->count; i++)
    assert_true(strcmp(ks->pool + ks->off[i - 1], ks->pool + ks->off[i]) < 0);
  assert_int_equal(ks->first[256], ks->count);
  for (unsigned b = 0; b < 256; b++)
    for (uint32_t i = ks->first[b]; i < ks->first[b + 1]; i++)
      assert_int_equal((unsigned char)ks->pool[ks->off[i]], b);
}

static void test_tables_sorted(void **state) {
  (void)state;
  check_keyset(fx->index);
  check_keyset(&kgr_country_keys);
  check_keyset(&kgr_gaz_keys);
  /* And each key matches itself in full. */
  const kgr_keyset *sets[] = {&kgr_country_keys, &kgr_gaz_keys};
  for (size_t s = 0; s < 2; s++) {
    for (uint32_t i = 0; i < sets[s]->count; i++) {
      const char *k = sets[s]->pool + sets[s]->off[i];
      uint32_t idx = UINT32_MAX;
      assert_int_equal(kgr_keyset_match(sets[s], k, strlen(k), 0, NULL, NULL, &idx), strlen(k));
      assert_int_equal(idx, i);
    }
  }
}

static void test_fold(void **state) {
  (void)state;
  assert_int_equal(kgr_lex_fold('Q'), 'q');
  assert_int_equal(kgr_lex_fold(0xC9), 0xE9);   /* É */
  assert_int_equal(kgr_lex_fold(0xD7), 0xD7);   /* × */
  assert_int_equal(kgr_lex_fold(0x410), 0x430); /* А */
  assert_int_equal(kgr_lex_fold(0x401), 0x451); /* Ё */
  assert_int_equal(kgr_lex_fold(0x406), 0x456); /* І */
  assert_int_equal(kgr_lex_fold(0x4AE), 0x4AF); /* Ү (Kyrgyz) */
  assert_int_equal(kgr_lex_fold(0x4E8), 0x4E9); /* Ө */
  assert_int_equal(kgr_lex_fold(0x218), 0x219); /* Ș */
  assert_int_equal(kgr_lex_fold(0x141), 0x142); /* Ł */
  assert_int_equal(kgr_lex_fold(0x15E), 0x15F); /* Ş */
  assert_int_equal(kgr_lex_fold(0x2019), 0x2019);
  assert_true(kgr_lex_is_word(0x439));
  assert_false(kgr_lex_is_word(0x2019));
  assert_false(kgr_lex_is_word(0xA0));
}

/* A word's key is its first word's: the same for "Tear" and "TEAR-gas",
 * none for a word that does not start with an ASCII letter or digit; and
 * it turns words away. */
static void test_word_key(void **state) {
  (void)state;
  uint32_t k = kgr_lex_word_key("Tear", 4, 0);
  assert_int_not_equal(k, 0);
  assert_int_equal(kgr_lex_word_key("x TEAR-gas", 10, 2), k);
  assert_int_equal(kgr_lex_word_key("tear\xC3\xA9", 6, 0), k);
  assert_int_not_equal(kgr_lex_word_key("tears", 5, 0), k);
  assert_int_equal(kgr_lex_word_key("\xC3\x89lan", 5, 0), 0);
  assert_int_equal(kgr_lex_word_key(" tear", 5, 0), 0);
  assert_int_equal(kgr_lex_word_key("tear", 4, 4), 0);
  assert_int_equal(kgr_lex_word_key(NULL, 4, 0), 0);
  assert_true(kgr_lex_word_may_start(fx, k));
  assert_true(kgr_lex_word_may_start(fx, 0));
  /* Words of 8 and 16 bytes hash an empty last eight; longer ones go on. */
  assert_int_not_equal(kgr_lex_word_key("abcdefgh", 8, 0), kgr_lex_word_key("abcdefg", 7, 0));
  assert_int_equal(kgr_lex_word_key("ABCDEFGHIJKLMNOP q", 18, 0),
                   kgr_lex_word_key("abcdefghijklmnop", 16, 0));
  assert_int_not_equal(kgr_lex_word_key("abcdefghijklmnopq", 17, 0),
                       kgr_lex_word_key("abcdefghijklmnop", 16, 0));
  /* Words that start no trigger are turned away (all but one in 16 or
   * so, by hash collisions: here all of them). */
  const char *words[] = {"Monday",  "group", "meet",    "minister",
                         "capital", "week",  "discuss", "plan"};
  size_t turned = 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    turned += !kgr_lex_word_may_start(&kgr_lex_event_triggers,
                                      kgr_lex_word_key(words[i], strlen(words[i]), 0));
  assert_int_equal(turned, sizeof words / sizeof *words);
}

/* Every lexicon, from the generated list. */
#define LEX_ADDR(name) &kgr_lex_##name,
static const kgr_lexicon *const all_lexes[] = {KGR_LEXICON_LIST(LEX_ADDR)};
enum { ALL_LEXES = sizeof all_lexes / sizeof *all_lexes };

/* Does hits hold the match text[start, end) of entry e? */
static bool has_hit(const kgr_lex_hit_vec *hits, size_t start, size_t end, const kgr_lex_entry *e) {
  for (size_t i = 0; i < hits->count; i++)
    if (hits->items[i].start == start && hits->items[i].end == end && hits->items[i].entry == e)
      return true;
  return false;
}

/* No filter turns a key away: every entry of every lexicon is found by a
 * scan of its phrase, alone, in upper case, and after spaces and before
 * a word end (so that the words are read at every offset, and at and away
 * from the text's end); by a scan of it with all the lexicons at once; and
 * by kgr_lex_match() and kgr_lex_lookup(). */
static void test_every_key_found(void **state) {
  (void)state;
  kgr_arena a;
  kgr_arena_init(&a, NULL);
  kgr_lex_hit_vec hits = {0}, many[ALL_LEXES] = {{0}};
  kgr_lex_hit_vec *many_ptr[ALL_LEXES];
  for (size_t l = 0; l < ALL_LEXES; l++)
    many_ptr[l] = &many[l];
  size_t words_of_eight = 0; /* first words of 8 or 16 bytes: a hash edge */
  char buf[512];
  for (size_t l = 0; l < ALL_LEXES; l++) {
    const kgr_lexicon *lex = all_lexes[l];
    for (size_t k = 0; k < lex->count; k++) {
      const kgr_lex_entry *e = &lex->entries[k];
      size_t n = e->phrase_len, w = 0;
      assert_true(n + 8 < sizeof buf);
      while (w < n && strchr("abcdefghijklmnopqrstuvwxyz0123456789", e->phrase[w]))
        w++;
      words_of_eight += w && w % 8 == 0;
      for (size_t pad = 0; pad <= 7; pad += 7) {
        for (int upper = 0; upper <= 1; upper++) {
          memset(buf, ' ', pad);
          for (size_t i = 0; i < n; i++) {
            char c = e->phrase[i];
            buf[pad + i] = (char)(upper && c >= 'a' && c <= 'z' ? c - 32 : c);
          }
          for (size_t tail = 0; tail <= 2; tail += 2) {
            memcpy(buf + pad + n, " .", tail);
            size_t len = pad + n + tail;
            hits.count = 0;
            kgr_lex_scan(lex, &a, buf, len, &hits);
            assert_true(hits.count > 0);
            assert_true(has_hit(&hits, pad, pad + n, e));
            const kgr_lex_entry *got = NULL;
            assert_int_equal(kgr_lex_match(lex, buf, len, pad, &got), n);
            assert_ptr_equal(got, e);
            assert_true(kgr_lex_word_may_start(lex, kgr_lex_word_key(buf, len, pad)));
          }
        }
      }
      assert_ptr_equal(kgr_lex_lookup(lex, buf + 7, n), e); /* upper case, from the loop */
      for (size_t m = 0; m < ALL_LEXES; m++)
        many[m].count = 0;
      kgr_lex_scan_many(&a, buf, 7 + n + 2, ALL_LEXES, all_lexes, many_ptr);
      assert_true(has_hit(&many[l], 7, 7 + n, e));
    }
  }
  assert_true(words_of_eight > 0);
  kgr_arena_release(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_longest_match),
      cmocka_unit_test(test_word_boundary),
      cmocka_unit_test(test_case_and_quotes),
      cmocka_unit_test(test_lookup),
      cmocka_unit_test(test_scan),
      cmocka_unit_test(test_inval),
      cmocka_unit_test(test_tables_sorted),
      cmocka_unit_test(test_fold),
      cmocka_unit_test(test_scan_many),
      cmocka_unit_test(test_first_words),
      cmocka_unit_test(test_lookup_one_word),
      cmocka_unit_test(test_long_word),
      cmocka_unit_test(test_every_key_found),
      cmocka_unit_test(test_word_key),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
