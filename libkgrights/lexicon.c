/*
 * lexicon.c - longest-phrase matching over the generated, sorted tables.
 *
 * Each table is a kgr_keyset: folded keys sorted bytewise (see
 * tables_internal.h). The text is folded on the fly, one code point at a
 * time, and every folded byte narrows the run of keys that still match by
 * two binary searches. So a match costs O(phrase length x log n), allocates
 * nothing, and reads no byte of the text past the longest key.
 */
#include "lexicon.h"

#include "tables_internal.h"
#include "utf8.h"

uint32_t kgr_lex_fold(uint32_t c) {
  if (c < 0xC0)
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c <= 0xDE) /* Latin-1 À-Þ, except the multiplication sign */
    return c != 0xD7 ? c + 32 : c;
  if (c >= 0x100 && c <= 0x17F) { /* Latin Extended-A: case pairs */
    if (c <= 0x12F || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
      return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
      return (c & 1) ? c + 1 : c;
    return c == 0x178 ? 0xFF : c; /* Ÿ -> ÿ; İ, ı, ĸ, ŉ, ſ stay */
  }
  if (c == 0x18F) /* Azerbaijani Ə */
    return 0x259;
  if ((c >= 0x200 && c <= 0x21F) || (c >= 0x222 && c <= 0x233)) /* Ș, Ț... */
    return c | 1;
  if (c >= 0x400 && c <= 0x40F) /* Ѐ-Џ -> ѐ-џ */
    return c + 80;
  if (c >= 0x410 && c <= 0x42F) /* А-Я -> а-я */
    return c + 32;
  /* Cyrillic supplement: Ґ, Қ, Ң, Ү, Ұ, Һ, Ә, Ө (Ukrainian, Kazakh, Kyrgyz) */
  if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x4FF))
    return c | 1;
  if (c == 0x4C0)
    return 0x4CF;
  if (c >= 0x4C1 && c <= 0x4CE)
    return (c & 1) ? c + 1 : c;
  return c;
}

bool kgr_lex_is_word(uint32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  /* Beyond ASCII, everything is a letter except the punctuation, spaces and
   * symbols that end words in real text: "Kyrgyzstan’s" ends a word at the
   * curly apostrophe, "Vanadzor – Armenia" at the en dash. */
  if (c <= 0xBF || c == 0xD7 || c == 0xF7)
    return false;
  if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
      (c >= 0xFE10 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF0F) ||
      (c >= 0xFF1A && c <= 0xFF20) || c == 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFF) ||
      (c >= 0x1F000 && c <= 0x1FAFF))
    return false;
  return true;
}

/* Spaces, hyphens and en dashes: any run of them in the text matches the
 * one space or hyphen that a key has there. */
static bool is_sep(uint32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == '-' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200A) || (c >= 0x2010 && c <= 0x2013) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

/* Decode at text[i]; 0 if not UTF-8 there. */
static size_t decode(const char *text, size_t len, size_t i, uint32_t *cp) {
  return kgr_utf8_decode(text + i, len - i, cp);
}

/* Does a word end at text[i]: end of text, or a code point that is not part
 * of a word (an invalid byte counts as not part of one)? */
static bool at_boundary(const char *text, size_t len, size_t i) {
  uint32_t cp;
  return i >= len || !decode(text, len, i, &cp) || !kgr_lex_is_word(cp);
}

/*
 * Narrow [*lo, *hi), keys that share their first `depth` bytes, to those
 * whose byte at `depth` is b. Keys are NUL-terminated and sorted, so within
 * the run the byte at `depth` never decreases and a key that ends there
 * (NUL) sorts first.
 */
static void narrow(const kgr_keyset *ks, uint32_t *lo, uint32_t *hi, size_t depth,
                   unsigned char b) {
  if (depth == 0) {
    *lo = ks->first[b];
    *hi = ks->first[b + 1];
    return;
  }
  const unsigned char *pool = (const unsigned char *)ks->pool;
  uint32_t a = *lo, z = *hi;
  if (z - a <= 8) { /* a short run: a linear pass beats two searches */
    while (a < z && pool[ks->off[a] + depth] < b)
      a++;
    uint32_t e = a;
    while (e < z && pool[ks->off[e] + depth] == b)
      e++;
    *lo = a;
    *hi = e;
    return;
  }
  while (a < z) { /* first key with byte >= b */
    uint32_t m = a + (z - a) / 2;
    if (pool[ks->off[m] + depth] < b)
      a = m + 1;
    else
      z = m;
  }
  uint32_t start = a;
  z = *hi;
  while (a < z) { /* first key with byte > b */
    uint32_t m = a + (z - a) / 2;
    if (pool[ks->off[m] + depth] <= b)
      a = m + 1;
    else
      z = m;
  }
  *lo = start;
  *hi = a;
}

/* UTF-8 encoding of a folded code point (always a valid scalar value). */
static size_t encode(uint32_t c, unsigned char *b) {
  if (c < 0x80) {
    b[0] = (unsigned char)c;
    return 1;
  }
  if (c < 0x800) {
    b[0] = (unsigned char)(0xC0 | (c >> 6));
    b[1] = (unsigned char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    b[0] = (unsigned char)(0xE0 | (c >> 12));
    b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    b[2] = (unsigned char)(0x80 | (c & 0x3F));
    return 3;
  }
  b[0] = (unsigned char)(0xF0 | (c >> 18));
  b[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
  b[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
  b[3] = (unsigned char)(0x80 | (c & 0x3F));
  return 4;
}

size_t kgr_keyset_match(const kgr_keyset *ks, const char *text, size_t len, size_t pos,
                        kgr_key_filter accept, const void *ctx, uint32_t *idx) {
  if (!ks || !text || pos >= len || ks->count == 0)
    return 0;
  const char *pool = ks->pool;
  uint32_t lo = 0, hi = ks->count;
  size_t depth = 0, i = pos, best = 0;
  while (i < len && lo < hi) {
    uint32_t cp;
    size_t n = decode(text, len, i, &cp);
    if (!n || cp == 0) /* keys hold no NUL: it would read as their end */
      break;
    if (is_sep(cp)) {
      /* Keys neither start nor end with a separator, so none can end
       * here; skipping the run only after a key was seen to go on keeps a
       * long run of spaces from being rescanned at every position. */
      if (depth == 0)
        break;
      narrow(ks, &lo, &hi, depth++, ' ');
      for (i += n; i < len && (n = decode(text, len, i, &cp)) && is_sep(cp); i += n)
        ;
      continue;
    }
    if (cp == 0x2018 || cp == 0x2019)
      cp = '\'';
    else if (cp == 0x201C || cp == 0x201D)
      cp = '"';
    unsigned char buf[4];
    size_t k = encode(kgr_lex_fold(cp), buf);
    for (size_t j = 0; j < k && lo < hi; j++)
      narrow(ks, &lo, &hi, depth++, buf[j]);
    i += n;
    /* The shortest key of the run sorts first: it is complete when its
     * next byte is the NUL. */
    if (lo < hi && pool[ks->off[lo] + depth] == '\0' && at_boundary(text, len, i) &&
        (!accept || accept(ctx, lo, text, pos, i))) {
      best = i - pos;
      *idx = lo;
    }
  }
  return best;
}

size_t kgr_lex_match(const kgr_lexicon *lex, const char *text, size_t len, size_t pos,
                     const kgr_lex_entry **out) {
  uint32_t k = 0;
  size_t n = lex ? kgr_keyset_match(lex->index, text, len, pos, NULL, NULL, &k) : 0;
  if (out)
    *out = n ? &lex->entries[k] : NULL;
  return n;
}

void kgr_lex_scan(const kgr_lexicon *lex, kgr_arena *a, const char *text, size_t len,
                  kgr_lex_hit_vec *hits) {
  if (!lex || !a || !text || !hits)
    return;
  bool prev_word = false; /* is the code point before i part of a word? */
  size_t i = 0;
  while (i < len) {
    uint32_t cp;
    size_t n = decode(text, len, i, &cp);
    if (!n) { /* an invalid byte separates words */
      prev_word = false;
      i++;
      continue;
    }
    if (!prev_word) {
      const kgr_lex_entry *e;
      size_t m = kgr_lex_match(lex, text, len, i, &e);
      if (m) {
        kgr_lex_hit *h = KGR_VEC_PUSH(a, *hits);
        h->start = i;
        h->end = i + m;
        h->entry = e;
        /* Go on after the match, from the state its last code point left. */
        size_t last = i + m - 1;
        while (last > i && ((unsigned char)text[last] & 0xC0) == 0x80)
          last--;
        prev_word = decode(text, len, last, &cp) && kgr_lex_is_word(cp);
        i += m;
        continue;
      }
    }
    prev_word = kgr_lex_is_word(cp);
    i += n;
  }
}

const kgr_lex_entry *kgr_lex_lookup(const kgr_lexicon *lex, const char *text, size_t len) {
  const kgr_lex_entry *e;
  return kgr_lex_match(lex, text, len, 0, &e) == len ? e : NULL;
}
