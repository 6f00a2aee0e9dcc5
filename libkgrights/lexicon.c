/*
 * lexicon.c - longest-phrase matching over the generated, sorted tables.
 *
 * Each table is a kgr_keyset: folded keys sorted bytewise, with a trie over
 * them and a hash table of their first words (see tables_internal.h). A
 * match at a word start hashes the word's ASCII letters and digits once
 * (eight bytes at a time), asks a small bitmap whether any key starts with
 * that word, looks the word up, and goes on down the trie from the state
 * the table gives; the text is folded on the fly, one code point at a
 * time, and every folded byte takes one step down the trie. So a match
 * costs O(phrase length), allocates nothing, and reads at most eight bytes
 * of the text past the longest key. A scan reads each word once, for all
 * its lexicons.
 */
#include "lexicon.h"

#include <string.h>

#include "tables_internal.h"
#include "utf8.h"

/* The rare paths stay out of line, so that the common ones, inlined, keep
 * few registers to save. */
#if defined(__GNUC__)
#define KGR_NOINLINE __attribute__((noinline))
#define KGR_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define KGR_NOINLINE
#define KGR_ALWAYS_INLINE inline
#endif

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

/* An ASCII byte as a key byte: lower case; ' ' for a separator (space, tab
 * to CR, hyphen); 0 for NUL, which keys never hold. ASCII is nearly all of
 * the text, so this table spares it decoding, is_sep() and kgr_lex_fold(). */
static const unsigned char ascii_key[128] = {
    0,   1,   2,   3,   4,   5,   6,   7,   8,   ' ', ' ', ' ', ' ', ' ', 14,  15,
    16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,
    ' ', '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', ' ', '.', '/',
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
    '@', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '[', '\\', ']', '^', '_',
    '`', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '{', '|', '}', '~', 127,
};

static inline bool ascii_is_word(unsigned char c) {
  return (unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u;
}

/* Does a word end at text[i]: end of text, or a code point that is not part
 * of a word (an invalid byte counts as not part of one)? */
static inline bool at_boundary(const char *text, size_t len, size_t i) {
  if (i >= len)
    return true;
  unsigned char c = (unsigned char)text[i];
  if (c < 0x80)
    return !ascii_is_word(c);
  uint32_t cp;
  return !kgr_utf8_decode_multibyte(text + i, len - i, &cp) || !kgr_lex_is_word(cp);
}

/* The child of trie node `node` by key byte b, or 0 if none. */
static inline uint32_t trie_next(const kgr_keyset *ks, uint32_t node, unsigned char b) {
  if (node == 0) /* the root: never reached again by an edge */
    return ks->root[b];
  const uint8_t *eb = ks->edge_byte;
  uint32_t e = ks->edge_start[node], z = ks->edge_start[node + 1];
  while (z - e > 8) { /* a wide node: halve it first */
    uint32_t m = e + (z - e) / 2;
    if (eb[m] < b)
      e = m + 1;
    else
      z = m + 1;
  }
  while (e < z && eb[e] < b)
    e++;
  return e < z && eb[e] == b ? ks->edge_to[e] : 0;
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

/* Skip the run of separators at text[i]. */
static size_t skip_seps(const char *text, size_t len, size_t i) {
  while (i < len) {
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
      if (ascii_key[c] != ' ')
        break;
      i++;
      continue;
    }
    uint32_t cp;
    size_t n = kgr_utf8_decode_multibyte(text + i, len - i, &cp);
    if (!n || !is_sep(cp))
      break;
    i += n;
  }
  return i;
}

/* An ASCII letter or digit as a byte of a first word: lower case; 0 for
 * any other byte, ASCII or not. */
static const unsigned char word_key[256] = {
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 0,   0,   0,   0,   0,   0,
    0,   'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0,   0,   0,   0,   0,
    0,   'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0,   0,   0,   0,   0,
};

/*
 * Words eight bytes at a time: the scans spend most of their time finding
 * where words end, and a byte loop mispredicts its exit once a word.
 */
#define ONES 0x0101010101010101u
#define HIGHS 0x8080808080808080u

/* The 8 bytes at p as a little-endian number. */
static inline uint64_t load_le(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  return v;
}

/* load8() of the last bytes of the text: the text's last eight, shifted. */
static KGR_NOINLINE uint64_t load_tail(const unsigned char *t, size_t len, size_t i) {
  if (i == len)
    return 0;
  if (len >= 8)
    return load_le(t + len - 8) >> 8 * (8 - (len - i));
  uint64_t v = 0;
  for (size_t k = 0; k < len - i; k++)
    v |= (uint64_t)t[i + k] << 8 * k;
  return v;
}

/* The 8 bytes at t[i] (i <= len) as a little-endian number, 0 past len. */
static KGR_ALWAYS_INLINE uint64_t load8(const unsigned char *t, size_t len, size_t i) {
  return len - i >= 8 ? load_le(t + i) : load_tail(t, len, i);
}

/* The top bit of each byte of v that is an ASCII letter or digit. Each
 * test adds to the low seven bits a constant that carries into the top bit
 * at the bound, which never carries into the next byte. */
static inline uint64_t alnum_bytes(uint64_t v) {
  uint64_t x = v & ~HIGHS, l = x | 0x20 * ONES; /* l: letters in lower case */
  uint64_t digit = (x + (0x80 - '0') * ONES) & ~(x + (0x7F - '9') * ONES);
  uint64_t alpha = (l + (0x80 - 'a') * ONES) & ~(l + (0x7F - 'z') * ONES);
  return (digit | alpha) & ~v & HIGHS;
}

/* The index of the lowest byte of m (not 0) whose top bit is set. */
static inline size_t lowest_byte(uint64_t m) {
#if defined(__GNUC__)
  return (size_t)__builtin_ctzll(m) >> 3;
#else
  size_t k = 0;
  while (!(m & 0x80)) {
    m >>= 8;
    k++;
  }
  return k;
#endif
}

/* The end of the run of ASCII letters and digits at t[pos] (pos if none). */
static inline size_t word_end(const unsigned char *t, size_t len, size_t pos) {
  for (;;) { /* the zeros past len end the run */
    uint64_t stop = ~alnum_bytes(load8(t, len, pos)) & HIGHS;
    if (stop)
      return pos + lowest_byte(stop);
    pos += 8;
  }
}

/*
 * The hash of a first word, as gen_tables.py computes it: its lower-case
 * bytes eight at a time, little-endian, up to and with the eight that
 * hold its end, padded with zeros (a word of 8 has an empty second eight),
 * each mixed in by a multiplication; the top half of the result.
 */
#define WORD_HASH_MUL 0x9E3779B97F4A7C15u

/* The eight bytes v of a word, up to the lowest byte that stop flags, in
 * lower case (ASCII letters and digits: setting 0x20 only changes A-Z). */
static inline uint64_t word_bytes(uint64_t v, uint64_t stop) {
  return (v | 0x20 * ONES) & ((stop ^ (stop - 1)) >> 8);
}

/* The end of the first word at t[pos] (the run of ASCII letters and digits
 * there) and, in *hash, its hash; or, for a word longer than max, an end
 * past pos + max and no hash, so that a match reads no further than its
 * longest first word. Most words take one round. */
static inline size_t first_word(const unsigned char *t, size_t len, size_t pos, size_t max,
                                uint32_t *hash) {
  uint64_t h = 0, v, stop;
  size_t i = pos;
  while (!(stop = ~alnum_bytes(v = load8(t, len, i)) & HIGHS)) {
    h = (h ^ (v | 0x20 * ONES)) * WORD_HASH_MUL;
    i += 8;
    if (i - pos > max)
      return i;
  }
  *hash = (uint32_t)(((h ^ word_bytes(v, stop)) * WORD_HASH_MUL) >> 32);
  return i + lowest_byte(stop);
}

/* The bit of kgr_keyset.triples for the key bytes b0 b1 b2 (ASCII), as
 * gen_tables.py computes it: a multiplicative hash to 15 bits. */
static inline uint32_t triple_bit(uint32_t b0, uint32_t b1, uint32_t b2) {
  return ((b0 << 14 | b1 << 7 | b2) * 2654435761u) >> 17;
}

/* Can a key start with the first word at t[pos] (pos < len), judged by its
 * first two bytes, then (after two letters or digits) its first three?
 * Most word starts end here, for the price of a few table reads. */
static inline bool pair_ok(const kgr_keyset *ks, const unsigned char *t, size_t len, size_t pos) {
  if (pos + 1 >= len || t[pos + 1] >= 0x80)
    return true;
  unsigned char b = ascii_key[t[pos + 1]];
  const uint8_t *row = ks->pairs + 16 * word_key[t[pos]];
  if (!(row[b >> 3] >> (b & 7) & 1))
    return false;
  /* Then the third byte (0 at the end), after two letters or digits. */
  unsigned b1 = word_key[t[pos + 1]], b2 = pos + 2 < len ? t[pos + 2] : 0;
  if (!b1 || b2 >= 0x80)
    return true;
  uint32_t bit = triple_bit(word_key[t[pos]], b1, ascii_key[b2]);
  return ks->triples[bit >> 3] >> (bit & 7) & 1;
}

/* May a key start with the first word t[pos, end) of hash h? Its length,
 * then one bit of the filter: most words end here. */
static inline bool first_word_ok(const kgr_keyset *ks, size_t pos, size_t end, uint32_t h) {
  uint32_t bit = h >> ks->word_bits_shift;
  return (end - pos <= ks->word_max) & (ks->word_bits[bit >> 3] >> (bit & 7));
}

/* Is key the first word t[0, n) (folded) followed by a byte that no first
 * word holds? */
static inline bool is_first_word(const char *key, const unsigned char *t, size_t n) {
  const unsigned char *k = (const unsigned char *)key;
  for (size_t j = 0; j < n; j++)
    if (k[j] != word_key[t[j]])
      return false;
  return word_key[k[n]] == 0;
}

/* The trie state after the first word text[pos, end) of hash h, or 0 if no
 * key starts with it. */
static inline uint32_t find_first_word(const kgr_keyset *ks, const unsigned char *t, size_t pos,
                                       size_t end, uint32_t h) {
  if (end - pos > ks->word_max)
    return 0;
  for (uint32_t s = h & ks->words_mask;; s = (s + 1) & ks->words_mask) {
    const kgr_word_slot *w = &ks->words[s];
    if (!w->to)
      return 0;
    if (w->hash == h && is_first_word(ks->pool + ks->off[w->key], t + pos, end - pos))
      return w->to;
  }
}

/* What the code point at text[i] (i < len) is to the keys. */
enum { CP_END, CP_SEP, CP_KEY };

/* read_cp() past ASCII. */
static KGR_NOINLINE int read_multibyte(const char *text, size_t len, size_t i,
                                       unsigned char *buf, size_t *k, size_t *n) {
  uint32_t cp;
  *n = kgr_utf8_decode_multibyte(text + i, len - i, &cp);
  if (!*n)
    return CP_END;
  if (is_sep(cp)) {
    buf[0] = ' ';
    return CP_SEP;
  }
  if (cp == 0x2018 || cp == 0x2019)
    cp = '\'';
  else if (cp == 0x201C || cp == 0x201D)
    cp = '"';
  *k = encode(kgr_lex_fold(cp), buf);
  return CP_KEY;
}

/* Read the code point at text[i] (i < len): CP_END for an invalid byte or
 * NUL (no key goes on), CP_SEP for a separator, else CP_KEY with its
 * folded bytes in buf[0, *k). *n gets its length in the text. */
static inline int read_cp(const char *text, size_t len, size_t i, unsigned char *buf,
                          size_t *k, size_t *n) {
  unsigned char c = (unsigned char)text[i];
  *n = *k = 1;
  if (c >= 0x80)
    return read_multibyte(text, len, i, buf, k, n);
  buf[0] = ascii_key[c];
  return buf[0] == 0 ? CP_END : buf[0] == ' ' ? CP_SEP : CP_KEY;
}

/* Is key `key`, matched through text[pos, end), a match: at a word end,
 * and not vetoed? */
static inline bool take(uint32_t key, const char *text, size_t len, size_t pos, size_t end,
                        kgr_key_filter accept, const void *ctx) {
  return at_boundary(text, len, end) && (!accept || accept(ctx, key, text, pos, end));
}

/* The rest of key `leaf`, from its byte `tail` on, against the text from
 * text[i] on (a code point start): the match if the key ends at a word end
 * there, else best. */
static size_t rest_of_key(uint32_t leaf, const unsigned char *tail, const char *text, size_t len,
                          size_t pos, size_t i, kgr_key_filter accept, const void *ctx,
                          uint32_t *idx, size_t best) {
  unsigned char buf[4];
  size_t k, n;
  int r;
  while (*tail != 0) { /* the key's NUL comes after a whole code point */
    if (i >= len)
      return best;
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80 && ascii_key[c] == *tail && *tail != ' ') { /* most of it */
      tail++;
      i++;
      continue;
    }
    if ((r = read_cp(text, len, i, buf, &k, &n)) == CP_END)
      return best;
    for (size_t j = 0; j < k; j++)
      if (*tail++ != buf[j]) /* the key's NUL never equals a text byte */
        return best;
    i = r == CP_SEP ? skip_seps(text, len, i + n) : i + n;
  }
  if (take(leaf, text, len, pos, i, accept, ctx)) {
    best = i - pos;
    *idx = leaf;
  }
  return best;
}

/*
 * The longest match at text[pos] whose first i - pos bytes (none, or the
 * first word) took the trie to state `to` (the root: 0). The walk goes down
 * the trie while two or more keys go on, then compares the one key left
 * byte by byte. Keys neither start nor end with a separator, so no key ends
 * after one; skipping a run of them only after a key was seen to go on
 * keeps a long run of spaces from being rescanned at every position.
 */
static KGR_NOINLINE size_t walk(const kgr_keyset *ks, const char *text, size_t len, size_t pos,
                                size_t i, uint32_t to, kgr_key_filter accept, const void *ctx,
                                uint32_t *idx) {
  size_t best = 0, depth = i - pos, k, n, j;
  unsigned char buf[4];
  int r;
  uint32_t node = to;
  if (to & KGR_TRIE_LEAF) {
    uint32_t leaf = to & ~KGR_TRIE_LEAF;
    const unsigned char *tail = (const unsigned char *)ks->pool + ks->off[leaf] + depth;
    return rest_of_key(leaf, tail, text, len, pos, i, accept, ctx, idx, 0);
  }
  for (;;) { /* at node, after a whole code point (no key ends at the root) */
    uint32_t key = ks->node_key[node];
    if (key != KGR_NO_KEY && take(key, text, len, pos, i, accept, ctx)) {
      best = i - pos;
      *idx = key;
    }
    if (i >= len)
      return best;
    unsigned char c = (unsigned char)text[i], b = c < 0x80 ? ascii_key[c] : 0;
    if (b && (b != ' ' || i > pos)) { /* most of the text: one ASCII key byte */
      to = trie_next(ks, node, b);
      if (!to)
        return best;
      depth++;
      i = b == ' ' ? skip_seps(text, len, i + 1) : i + 1;
      if (to & KGR_TRIE_LEAF) {
        uint32_t leaf = to & ~KGR_TRIE_LEAF;
        const unsigned char *tail = (const unsigned char *)ks->pool + ks->off[leaf] + depth;
        return rest_of_key(leaf, tail, text, len, pos, i, accept, ctx, idx, best);
      }
      node = to;
      continue;
    }
    if ((r = read_cp(text, len, i, buf, &k, &n)) == CP_END || (r == CP_SEP && i == pos))
      return best;
    for (j = 0; j < k; j++) {
      to = trie_next(ks, node, buf[j]);
      if (!to)
        return best;
      depth++;
      if (to & KGR_TRIE_LEAF) {
        /* The rest of the code point being read, then the rest of the key. */
        uint32_t leaf = to & ~KGR_TRIE_LEAF;
        const unsigned char *tail = (const unsigned char *)ks->pool + ks->off[leaf] + depth;
        for (j++; j < k; j++)
          if (*tail++ != buf[j])
            return best;
        i = r == CP_SEP ? skip_seps(text, len, i + n) : i + n;
        return rest_of_key(leaf, tail, text, len, pos, i, accept, ctx, idx, best);
      }
      node = to;
    }
    i = r == CP_SEP ? skip_seps(text, len, i + n) : i + n;
  }
}

/* kgr_keyset_match() at the first word text[pos, end) of hash h. */
static inline size_t match_first_word(const kgr_keyset *ks, const char *text, size_t len,
                                      size_t pos, size_t end, uint32_t h, kgr_key_filter accept,
                                      const void *ctx, uint32_t *idx) {
  uint32_t to = find_first_word(ks, (const unsigned char *)text, pos, end, h);
  return to ? walk(ks, text, len, pos, end, to, accept, ctx, idx) : 0;
}

/* kgr_keyset_match() at text[pos] (pos < len) where no first word starts:
 * a walk from the root, unless no key starts with the ASCII byte there. */
static inline size_t match_other(const kgr_keyset *ks, const char *text, size_t len, size_t pos,
                                 kgr_key_filter accept, const void *ctx, uint32_t *idx) {
  unsigned char c = (unsigned char)text[pos];
  if (c < 0x80 && !ks->root[ascii_key[c]])
    return 0;
  return walk(ks, text, len, pos, pos, 0, accept, ctx, idx);
}

/* Can a key start at text[pos] (pos < len)? For most word starts the pair
 * filter says no, and the callers below return at once, with no call and
 * no registers to save. */
static inline bool may_start(const kgr_keyset *ks, const unsigned char *t, size_t len, size_t pos) {
  unsigned char c = t[pos];
  if (word_key[c])
    return pair_ok(ks, t, len, pos);
  return c >= 0x80 || ks->root[ascii_key[c]];
}

/* kgr_keyset_match() past its checks and may_start(). */
static KGR_NOINLINE size_t match_started(const kgr_keyset *ks, const char *text, size_t len,
                                         size_t pos, kgr_key_filter accept, const void *ctx,
                                         uint32_t *idx) {
  const unsigned char *t = (const unsigned char *)text;
  if (!word_key[t[pos]])
    return walk(ks, text, len, pos, pos, 0, accept, ctx, idx);
  uint32_t h = 0;
  size_t end = first_word(t, len, pos, ks->word_max, &h);
  if (!first_word_ok(ks, pos, end, h))
    return 0;
  return match_first_word(ks, text, len, pos, end, h, accept, ctx, idx);
}

size_t kgr_keyset_match(const kgr_keyset *ks, const char *text, size_t len, size_t pos,
                        kgr_key_filter accept, const void *ctx, uint32_t *idx) {
  if (!ks || !text || pos >= len || ks->count == 0 ||
      !may_start(ks, (const unsigned char *)text, len, pos))
    return 0;
  return match_started(ks, text, len, pos, accept, ctx, idx);
}

/* kgr_lex_match() past its checks and may_start(). */
static KGR_NOINLINE size_t lex_match_started(const kgr_lexicon *lex, const char *text, size_t len,
                                             size_t pos, const kgr_lex_entry **out) {
  uint32_t k = 0;
  size_t n = match_started(lex->index, text, len, pos, NULL, NULL, &k);
  if (out)
    *out = n ? &lex->entries[k] : NULL;
  return n;
}

size_t kgr_lex_match(const kgr_lexicon *lex, const char *text, size_t len, size_t pos,
                     const kgr_lex_entry **out) {
  const kgr_keyset *ks = lex ? lex->index : NULL;
  if (ks && text && pos < len && ks->count && may_start(ks, (const unsigned char *)text, len, pos))
    return lex_match_started(lex, text, len, pos, out);
  if (out)
    *out = NULL;
  return 0;
}

uint32_t kgr_lex_word_key(const char *text, size_t len, size_t pos) {
  const unsigned char *t = (const unsigned char *)text;
  uint32_t h = 0;
  if (text && pos < len && word_key[t[pos]])
    first_word(t, len, pos, SIZE_MAX, &h);
  return h;
}

/* The lexicons of one scan: each one's hits, and where its scan goes on
 * (after its last match). The functions below take their number, m, apart,
 * so that with a constant m (kgr_lex_scan) their loops unroll. */
typedef struct scan_state {
  const kgr_lexicon *lex[KGR_LEX_SCAN_MAX];
  const kgr_keyset *ks[KGR_LEX_SCAN_MAX]; /* lex[k]->index */
  kgr_lex_hit_vec *out[KGR_LEX_SCAN_MAX];
  size_t next[KGR_LEX_SCAN_MAX];
} scan_state;

/* Lexicon k's match text[i, i + n) of key `key`. */
static inline void add_hit(kgr_arena *a, scan_state *st, size_t k, size_t i, size_t n,
                           uint32_t key) {
  kgr_lex_hit *hit = KGR_VEC_PUSH(a, *st->out[k]);
  hit->start = i;
  hit->end = i + n;
  hit->entry = &st->lex[k]->entries[key];
  st->next[k] = i + n;
}

/* The matches at text[i], where an ASCII word starts after a code point
 * that is not part of a word. The word is read and hashed once for all
 * the lexicons, and most words go no further than their filters. Returns
 * the end of the word. */
static inline size_t scan_word(kgr_arena *a, scan_state *st, size_t m, const char *text, size_t len,
                               size_t i) {
  const unsigned char *t = (const unsigned char *)text;
  uint32_t h;
  size_t end = first_word(t, len, i, SIZE_MAX, &h);
  unsigned pass = 0; /* the lexicons that may match here */
  for (size_t k = 0; k < m; k++)
    pass |= (unsigned)((st->next[k] <= i) & first_word_ok(st->ks[k], i, end, h)) << k;
  if (!pass)
    return end;
  for (size_t k = 0; k < m; k++) {
    uint32_t key = 0;
    size_t n = 0;
    if (pass >> k & 1)
      n = match_first_word(st->ks[k], text, len, i, end, h, NULL, NULL, &key);
    if (n)
      add_hit(a, st, k, i, n, key);
  }
  return end;
}

/* The scan of text with the lexicons of st (none empty). Inlined, so that
 * kgr_lex_scan() gets a copy made for one lexicon. */
static KGR_ALWAYS_INLINE void scan(kgr_arena *a, const char *text, size_t len, scan_state st,
                                   size_t m) {
  const unsigned char *t = (const unsigned char *)text;
  bool prev_word = false; /* is the code point before i part of a word? */
  size_t i = 0;
  while (i < len) {
    unsigned char c = t[i];
    if (word_key[c]) { /* an ASCII word */
      i = prev_word ? word_end(t, len, i) : scan_word(a, &st, m, text, len, i);
      /* An ASCII byte after it starts no match (the code point before it
       * is part of a word): step over it too. */
      prev_word = !(i < len && t[i] < 0x80);
      i += !prev_word;
      continue;
    }
    if (c < 0x80 && ascii_key[c] == ' ') { /* no key starts with a separator */
      prev_word = false;
      i++;
      continue;
    }
    size_t step = 1;
    bool word = false;
    if (c >= 0x80) {
      uint32_t cp;
      step = kgr_utf8_decode_multibyte(text + i, len - i, &cp);
      if (!step) { /* an invalid byte separates words, and no key holds it */
        prev_word = false;
        i++;
        continue;
      }
      word = kgr_lex_is_word(cp);
    }
    for (size_t k = 0; k < m && !prev_word; k++) {
      uint32_t key = 0;
      size_t got = 0;
      if (st.next[k] <= i)
        got = match_other(st.ks[k], text, len, i, NULL, NULL, &key);
      if (got)
        add_hit(a, &st, k, i, got, key);
    }
    prev_word = word;
    i += step;
  }
}

void kgr_lex_scan_many(kgr_arena *a, const char *text, size_t len, size_t n,
                       const kgr_lexicon *const *lexes, kgr_lex_hit_vec *const *hits) {
  if (!a || !text || !lexes || !hits)
    return;
  scan_state st = {0};
  size_t m = 0;
  for (size_t k = 0; k < n; k++) {
    const kgr_keyset *ks = lexes[k] ? lexes[k]->index : NULL;
    if (ks && ks->count && hits[k]) {
      st.lex[m] = lexes[k];
      st.ks[m] = ks;
      st.out[m++] = hits[k];
    }
    if (m == KGR_LEX_SCAN_MAX || (k + 1 == n && m)) { /* a full pass, or the last */
      if (m == 2) /* the usual case: a copy whose loops unroll */
        scan(a, text, len, st, 2);
      else
        scan(a, text, len, st, m);
      m = 0;
    }
  }
}

void kgr_lex_scan(const kgr_lexicon *lex, kgr_arena *a, const char *text, size_t len,
                  kgr_lex_hit_vec *hits) {
  const kgr_keyset *ks = lex ? lex->index : NULL;
  if (!ks || !ks->count || !a || !text || !hits)
    return;
  scan_state st = {.lex = {lex}, .ks = {ks}, .out = {hits}};
  scan(a, text, len, st, 1);
}

/* kgr_lex_lookup() past its checks and may_start(). */
static KGR_NOINLINE const kgr_lex_entry *lookup_started(const kgr_lexicon *lex, const char *text,
                                                        size_t len) {
  const kgr_keyset *ks = lex->index;
  const unsigned char *t = (const unsigned char *)text;
  uint32_t h = 0, key = 0;
  size_t end = word_key[t[0]] ? first_word(t, len, 0, ks->word_max, &h) : 0;
  if (end && !first_word_ok(ks, 0, end, h))
    return NULL;
  if (end == len) { /* one word: the key it leads to must end with it */
    uint32_t to = find_first_word(ks, t, 0, len, h);
    if (to & KGR_TRIE_LEAF) {
      key = to & ~KGR_TRIE_LEAF;
      return ks->pool[ks->off[key] + len] == 0 ? &lex->entries[key] : NULL;
    }
    key = to ? ks->node_key[to] : KGR_NO_KEY;
    return key != KGR_NO_KEY ? &lex->entries[key] : NULL;
  }
  size_t n = end ? match_first_word(ks, text, len, 0, end, h, NULL, NULL, &key)
                 : walk(ks, text, len, 0, 0, 0, NULL, NULL, &key);
  return n == len ? &lex->entries[key] : NULL;
}

const kgr_lex_entry *kgr_lex_lookup(const kgr_lexicon *lex, const char *text, size_t len) {
  const kgr_keyset *ks = lex ? lex->index : NULL;
  if (!ks || !text || !len || !ks->count || !may_start(ks, (const unsigned char *)text, len, 0))
    return NULL;
  return lookup_started(lex, text, len);
}
