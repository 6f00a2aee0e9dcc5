/*
 * utf8.h - UTF-8 decoding and the few character classes the parsers need.
 */
#ifndef KGR_UTF8_H
#define KGR_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Decode one code point at s[0, len). Returns its length in bytes (1-4) and
 * sets *cp, or returns 0 for an invalid or truncated sequence (overlongs,
 * surrogates and values past U+10FFFF are invalid).
 */
size_t kgr_utf8_decode_multibyte(const char *s, size_t len, uint32_t *cp);
static inline size_t kgr_utf8_decode(const char *s, size_t len, uint32_t *cp) {
  /* ASCII is most of every document: decode it without a call. */
  if (len && (unsigned char)s[0] < 0x80) {
    *cp = (unsigned char)s[0];
    return 1;
  }
  return kgr_utf8_decode_multibyte(s, len, cp);
}

/* Offset of the first invalid byte in s[0, len), or len if all valid. */
size_t kgr_utf8_check(const char *s, size_t len);

/* The answers of the three below past ASCII (cp >= 0x80). */
bool kgr_is_letter_multibyte(uint32_t cp);
bool kgr_is_upper_multibyte(uint32_t cp);
bool kgr_is_lower_multibyte(uint32_t cp);

/* Is cp a letter (ASCII, Latin-1/Latin Extended, Greek, Cyrillic)? */
static inline bool kgr_is_letter(uint32_t cp) {
  return cp < 0x80 ? (cp | 32) - 'a' < 26u : kgr_is_letter_multibyte(cp);
}
/* Is cp an upper-case letter in those scripts? */
static inline bool kgr_is_upper(uint32_t cp) {
  return cp < 0x80 ? cp - 'A' < 26u : kgr_is_upper_multibyte(cp);
}
/* Is cp a lower-case letter in those scripts? */
static inline bool kgr_is_lower(uint32_t cp) {
  return cp < 0x80 ? cp - 'a' < 26u : kgr_is_lower_multibyte(cp);
}

/* Is the code point at s[0, len) an upper-case letter? */
bool kgr_utf8_starts_upper(const char *s, size_t len);

/* Classes of bytes, one bit each, for the tests below: these run on most
 * bytes of the text, and one look-up beats a chain of comparisons. */
enum {
  KGR_BYTE_WORD = 0x01,  /* ASCII letter or digit, or any byte >= 0x80 */
  KGR_BYTE_SPACE = 0x02, /* space, \t \n \r \f \v */
  KGR_BYTE_UPPER = 0x20  /* A-Z: the bit that makes them lower case */
};
extern const unsigned char kgr_byte_class[256];

/* Is the byte at s[i] inside a word (an ASCII letter or digit, or any byte
 * of a multi-byte character)? Used for word boundaries. */
static inline bool kgr_is_word_byte(unsigned char c) {
  return (kgr_byte_class[c] & KGR_BYTE_WORD) != 0;
}

static inline bool kgr_is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline bool kgr_is_space(unsigned char c) {
  return (kgr_byte_class[c] & KGR_BYTE_SPACE) != 0;
}
static inline unsigned char kgr_ascii_lower(unsigned char c) {
  return (unsigned char)(c | (kgr_byte_class[c] & KGR_BYTE_UPPER));
}

/* Case-insensitive (ASCII) comparison of s[0, n) with the C string lit. */
bool kgr_ascii_ieq(const char *s, size_t n, const char *lit);
/* Does s[0, n) start with lit, case-insensitively (ASCII)? */
bool kgr_ascii_istarts(const char *s, size_t n, const char *lit);

#endif /* KGR_UTF8_H */
