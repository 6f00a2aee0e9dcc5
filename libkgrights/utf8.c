/*
 * utf8.c - UTF-8 decoding and character classes.
 */
#include "utf8.h"

#include <string.h>

size_t kgr_utf8_decode_multibyte(const char *str, size_t len, uint32_t *cp) {
  const unsigned char *s = (const unsigned char *)str;
  if (len == 0)
    return 0;
  unsigned char c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t n;
  uint32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2; v = c & 0x1F; min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3; v = c & 0x0F; min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4; v = c & 0x07; min = 0x10000;
  } else {
    return 0;
  }
  if (len < n)
    return 0;
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
    return 0;
  *cp = v;
  return n;
}

size_t kgr_utf8_check(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    uint32_t cp;
    size_t n = kgr_utf8_decode(s + i, len - i, &cp);
    if (!n)
      return i;
    i += n;
  }
  return len;
}

bool kgr_is_upper_multibyte(uint32_t cp) {
  if (cp < 0x80)
    return cp >= 'A' && cp <= 'Z';
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
    return true;
  if (cp >= 0x100 && cp <= 0x17F) /* Latin Extended-A alternates */
    return (cp & 1) == 0;
  if (cp >= 0x391 && cp <= 0x3AB)
    return true;
  if (cp >= 0x400 && cp <= 0x42F)
    return true;
  return false;
}

bool kgr_is_lower_multibyte(uint32_t cp) {
  if (cp < 0x80)
    return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
    return true;
  if (cp >= 0x100 && cp <= 0x17F)
    return (cp & 1) == 1;
  if (cp >= 0x3AC && cp <= 0x3CE)
    return true;
  if (cp >= 0x430 && cp <= 0x45F)
    return true;
  return false;
}

bool kgr_is_letter_multibyte(uint32_t cp) {
  return kgr_is_upper_multibyte(cp) || kgr_is_lower_multibyte(cp) ||
         (cp >= 0x180 && cp <= 0x24F);
}

bool kgr_utf8_starts_upper(const char *s, size_t len) {
  uint32_t cp;
  return kgr_utf8_decode(s, len, &cp) && kgr_is_upper(cp);
}

bool kgr_ascii_ieq(const char *s, size_t n, const char *lit) {
  /* No strlen: most calls differ at the first byte. */
  for (size_t i = 0; i < n; i++)
    if (!lit[i] || kgr_ascii_lower((unsigned char)s[i]) != kgr_ascii_lower((unsigned char)lit[i]))
      return false;
  return lit[n] == '\0';
}

bool kgr_ascii_istarts(const char *s, size_t n, const char *lit) {
  size_t i = 0;
  for (; lit[i]; i++) {
    if (i >= n || kgr_ascii_lower((unsigned char)s[i]) != kgr_ascii_lower((unsigned char)lit[i]))
      return false;
  }
  return true;
}
