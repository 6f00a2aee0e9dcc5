/*
 * gazetteer.c - countries and places over the generated tables (see
 * tables_internal.h and data/README.md for what is in them).
 */
#include "gazetteer.h"

#include <string.h>

#include "lexicon.h"
#include "tables_internal.h"
#include "utf8.h"

static char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 32) : c; }

const kgr_country *kgr_country_by_code(const char *alpha2, size_t len) {
  if (!alpha2 || len != 2)
    return NULL;
  char code[2] = {ascii_upper(alpha2[0]), ascii_upper(alpha2[1])};
  size_t lo = 0, hi = kgr_country_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = memcmp(kgr_countries[mid].alpha2, code, 2);
    if (c == 0)
      return &kgr_countries[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/* An abbreviation ("US", "UK", "США") counts only in capitals: "us" and
 * "uk" are words of their own. */
static bool country_accept(const void *ctx, uint32_t k, const char *text, size_t start,
                           size_t end) {
  (void)ctx;
  if (kgr_country_key_kind[k] != KGR_CKIND_ABBREV)
    return true;
  for (size_t i = start; i < end;) {
    uint32_t cp;
    size_t n = kgr_utf8_decode(text + i, end - i, &cp);
    if (!n)
      return false;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 0x430 && cp <= 0x45F))
      return false;
    i += n;
  }
  return true;
}

size_t kgr_country_match(const char *text, size_t len, size_t pos, const kgr_country **out,
                         bool *is_name) {
  uint32_t k = 0;
  size_t n = kgr_keyset_match(&kgr_country_keys, text, len, pos, country_accept, NULL, &k);
  if (out)
    *out = n ? &kgr_countries[kgr_country_key_country[k]] : NULL;
  if (is_name)
    *is_name = n && kgr_country_key_kind[k] <= KGR_CKIND_RU;
  return n;
}

const kgr_country *kgr_country_lookup(const char *text, size_t len, bool *is_name) {
  const kgr_country *c = NULL;
  bool name = false;
  if (text && len && kgr_country_match(text, len, 0, &c, &name) != len)
    c = NULL, name = false;
  if (is_name)
    *is_name = name;
  return c;
}

/* The best of key k's places: the first (they are ranked) in `hint` (two
 * upper-case letters, or NULL), else the first; only regions if
 * regions_only. NULL if none qualifies. */
static const kgr_gaz_entry *gaz_pick(uint32_t k, const char *hint, bool regions_only) {
  const kgr_gaz_entry *best = NULL;
  for (uint32_t p = kgr_gaz_post_start[k]; p < kgr_gaz_post_start[k + 1]; p++) {
    const kgr_gaz_entry *e = &kgr_gaz_entries[kgr_gaz_post[p]];
    if (regions_only && e->kind != KGR_PLACE_REGION)
      continue;
    if (!hint || (e->country[0] == hint[0] && e->country[1] == hint[1]))
      return e;
    if (!best)
      best = e;
  }
  return best;
}

static bool is_space_or_hyphen(uint32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == '-' || c == 0xA0 ||
         (c >= 0x2010 && c <= 0x2013);
}

/*
 * The longest place name at text[pos], and after it, when the name has a
 * region, an optional word such as "region" or "oblast" (lex_region_suffixes),
 * which then selects the region: "Osh" is the city, "Osh Region" the region.
 */
static size_t gaz_find(const char *text, size_t len, size_t pos, const char *country_hint,
                       const kgr_gaz_entry **out) {
  char code[2];
  const char *hint = NULL;
  if (country_hint && country_hint[0] && country_hint[1]) {
    code[0] = ascii_upper(country_hint[0]);
    code[1] = ascii_upper(country_hint[1]);
    hint = code;
  }
  uint32_t k = 0;
  size_t n = kgr_keyset_match(&kgr_gaz_keys, text, len, pos, NULL, NULL, &k);
  *out = NULL;
  if (!n)
    return 0;
  size_t end = pos + n, j = end;
  uint32_t cp;
  size_t m;
  while (j < len && (m = kgr_utf8_decode(text + j, len - j, &cp)) && is_space_or_hyphen(cp))
    j += m;
  if (j > end && (m = kgr_lex_match(&kgr_lex_region_suffixes, text, len, j, NULL))) {
    const kgr_gaz_entry *r = gaz_pick(k, hint, true);
    if (r) {
      *out = r;
      return j + m - pos;
    }
  }
  *out = gaz_pick(k, hint, false);
  return n;
}

const kgr_gaz_entry *kgr_gaz_lookup(const char *text, size_t len, const char *country_hint) {
  const kgr_gaz_entry *e;
  if (!text || !len || gaz_find(text, len, 0, country_hint, &e) != len)
    return NULL;
  return e;
}

size_t kgr_gaz_match(const char *text, size_t len, size_t pos, const char *country_hint,
                     const kgr_gaz_entry **out) {
  const kgr_gaz_entry *e = NULL;
  size_t n = 0;
  /* Only proper names: the first letter, after at most one opening quote
   * or apostrophe ("'s-Hertogenbosch"), must be a capital, so "osh" and
   * "talas" in running text are not places. */
  size_t i = pos;
  for (int tries = 0; text && i < len && tries < 2; tries++) {
    uint32_t cp;
    size_t m = kgr_utf8_decode(text + i, len - i, &cp);
    if (!m)
      break;
    if (kgr_lex_is_word(cp)) {
      if (kgr_lex_fold(cp) != cp)
        n = gaz_find(text, len, pos, country_hint, &e);
      break;
    }
    i += m;
  }
  if (out)
    *out = n ? e : NULL;
  return n;
}
