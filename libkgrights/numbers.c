/*
 * numbers.c - numbers written in digits ("686", "1,200", "1 200",
 * "1.5 million") or words ("one hundred and twenty", "twenty-five",
 * "a dozen", "dozens"), for the figure recognizer. Number words and how
 * they combine come from lex_numbers.tsv.
 */
#include "figures.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "utf8.h"

/* Past this a count is no count of people (and int64 stays safe). */
#define MAX_DIGITS 15
#define MAX_VALUE 1000000000000000LL

/* --- Characters ----------------------------------------------------------- */

static uint32_t char_at(const char *t, size_t len, size_t i, size_t *n) {
  uint32_t cp;
  size_t k = i < len ? kgr_utf8_decode(t + i, len - i, &cp) : 0;
  if (!k) {
    *n = 1;
    return 0xFFFD;
  }
  *n = k;
  return cp;
}

bool kgr_word_char_at_multibyte(const char *text, size_t len, size_t i, size_t *n) {
  size_t k;
  if (i >= len) {
    if (n)
      *n = 0;
    return false;
  }
  uint32_t cp = char_at(text, len, i, &k);
  if (n)
    *n = k;
  if (cp < 0x80)
    return kgr_is_digit((unsigned char)cp) || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp == 0xFFFD || cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
    return false;
  if (kgr_is_letter(cp))
    return true;
  /* letters of other scripts count; punctuation and symbols do not */
  return !((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
           cp == 0xFEFF);
}

bool kgr_space_char_at_multibyte(const char *text, size_t len, size_t i, size_t *n) {
  size_t k;
  if (i >= len) {
    if (n)
      *n = 0;
    return false;
  }
  uint32_t cp = char_at(text, len, i, &k);
  if (n)
    *n = k;
  return (cp < 0x80 && kgr_is_space((unsigned char)cp)) || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

static size_t skip_spaces(const char *t, size_t len, size_t i) {
  size_t n;
  while (kgr_space_char_at(t, len, i, &n))
    i += n;
  return i;
}

/* --- Digits --------------------------------------------------------------- */

static bool digit_at(const char *t, size_t len, size_t i) {
  return i < len && kgr_is_digit((unsigned char)t[i]);
}

/* A scale word ("thousand", "million") at i: its multiplier, or 0. */
static int64_t scale_word(const char *t, size_t len, size_t i, size_t *end) {
  const kgr_lex_entry *e = NULL;
  size_t m = kgr_lex_match(&kgr_lex_numbers, t, len, i, &e);
  if (!m || !e || (strcmp(e->extra, "scale") != 0 && strcmp(e->extra, "hundred") != 0) ||
      e->phrase[0] == 'a') /* "3 a thousand" is no number */
    return 0;
  *end = i + m;
  return atoll(e->tag);
}

/* The separator of a digit group at i (a comma, or a space of any kind)
 * followed by exactly three digits: the group's start, or 0. */
static size_t group_at(const char *t, size_t len, size_t i, char sep) {
  size_t n = 0;
  if (sep == ',') {
    if (i >= len || t[i] != ',')
      return 0;
    n = 1;
  } else if (!kgr_space_char_at(t, len, i, &n) || t[i] == '\n' || t[i] == '\t') {
    return 0;
  }
  size_t g = i + n;
  for (size_t k = 0; k < 3; k++)
    if (!digit_at(t, len, g + k))
      return 0;
  if (digit_at(t, len, g + 3))
    return 0;
  return g;
}

static size_t parse_digits(const char *t, size_t len, size_t pos, int64_t *value) {
  size_t i = pos;
  int64_t v = 0;
  int ndig = 0;
  while (digit_at(t, len, i)) {
    if (++ndig > MAX_DIGITS) {
      return 0;
    }
    v = v * 10 + (t[i] - '0');
    i++;
  }
  /* "1,200", "12,000,000", "1 200": groups of three after a lead of 1-3 */
  if (ndig <= 3) {
    char sep = 0;
    size_t g;
    if ((g = group_at(t, len, i, ',')) != 0)
      sep = ',';
    else if ((g = group_at(t, len, i, ' ')) != 0)
      sep = ' ';
    while (sep && g) {
      if ((ndig += 3) > MAX_DIGITS)
        return 0;
      for (size_t k = 0; k < 3; k++)
        v = v * 10 + (t[g + k] - '0');
      i = g + 3;
      g = group_at(t, len, i, sep);
    }
  }
  /* a decimal only before a scale word: "1.5 million" */
  int64_t frac = 0, den = 1;
  if (i + 1 < len && t[i] == '.' && digit_at(t, len, i + 1)) {
    size_t k = i + 1;
    while (digit_at(t, len, k)) {
      if (den >= 1000)
        return 0;
      frac = frac * 10 + (t[k] - '0');
      den *= 10;
      k++;
    }
    i = k;
  }
  if (kgr_word_char_at(t, len, i, NULL)) /* "2nd", "1990s", "3km" */
    return 0;
  if (i < len && (t[i] == ',' || t[i] == '.') && digit_at(t, len, i + 1))
    return 0; /* "1,20" or "1.2.3": not a count */
  size_t se;
  int64_t scale = scale_word(t, len, skip_spaces(t, len, i), &se);
  if (scale && v <= MAX_VALUE / scale) {
    v = v * scale + frac * scale / den;
    i = se;
  } else if (den > 1) {
    return 0;
  }
  *value = v;
  return i - pos;
}

/* --- Words ---------------------------------------------------------------- */

enum word_class { W_NONE, W_UNIT, W_TEEN, W_TENS, W_HUNDRED, W_SCALE, W_DOZEN, W_APPROX };

static enum word_class class_of(const kgr_lex_entry *e) {
  static const char *const names[] = {"", "unit", "teen", "tens", "hundred",
                                      "scale", "dozen", "approx"};
  for (int c = 1; c <= W_APPROX; c++)
    if (strcmp(e->extra, names[c]) == 0)
      return (enum word_class)c;
  return W_NONE;
}

/* Can a word of class c follow one of class last (W_NONE: first word)? */
static bool may_follow(enum word_class last, enum word_class c, bool after_and) {
  switch (c) {
  case W_UNIT:
    return last == W_NONE || last == W_TENS || last == W_HUNDRED || last == W_SCALE;
  case W_TEEN:
  case W_TENS:
    return last == W_NONE || last == W_HUNDRED || last == W_SCALE;
  case W_HUNDRED:
    return !after_and && (last == W_NONE || last == W_UNIT || last == W_TEEN);
  case W_SCALE:
    return !after_and && last != W_SCALE && last != W_DOZEN && last != W_APPROX;
  case W_DOZEN:
    return !after_and && (last == W_NONE || last == W_UNIT || last == W_TEEN);
  case W_APPROX:
    return last == W_NONE;
  default:
    return false;
  }
}

/* A number word at i, or NULL. */
static const kgr_lex_entry *number_word(const char *t, size_t len, size_t i, size_t *end) {
  const kgr_lex_entry *e = NULL;
  size_t m = kgr_lex_match(&kgr_lex_numbers, t, len, i, &e);
  if (!m || !e)
    return NULL;
  *end = i + m;
  return e;
}

/* "tens of thousands", "hundreds of thousands": the unit after "of", or 0. */
static int64_t approx_of(const char *t, size_t len, size_t i, int64_t unit, size_t *end) {
  size_t j = skip_spaces(t, len, i);
  if (!(j + 2 <= len && kgr_ascii_istarts(t + j, len - j, "of") &&
        !kgr_word_char_at(t, len, j + 2, NULL)))
    return 0;
  size_t we;
  const kgr_lex_entry *e = number_word(t, len, skip_spaces(t, len, j + 2), &we);
  if (!e || class_of(e) != W_APPROX)
    return 0;
  int64_t u = atoll(e->tag);
  if (u <= unit || u < 1000)
    return 0;
  *end = we;
  return u;
}

static size_t parse_words(const char *t, size_t len, size_t pos, int64_t *value,
                          bool *approx) {
  int64_t total = 0, cur = 0, last_scale = 0;
  enum word_class last = W_NONE;
  size_t p = pos, end = pos;
  bool after_and = false;
  for (;;) {
    size_t we;
    const kgr_lex_entry *e = number_word(t, len, p, &we);
    if (!e)
      break;
    enum word_class c = class_of(e);
    int64_t v = atoll(e->tag);
    if (c == W_NONE || !may_follow(last, c, after_and))
      break;
    if (last == W_TENS && c == W_UNIT && (cur % 10 != 0 || v == 0))
      break;
    if (c == W_UNIT || c == W_TEEN || c == W_TENS) {
      cur += v;
    } else if (c == W_HUNDRED) {
      cur = (cur ? cur : 1) * 100;
    } else if (c == W_SCALE) {
      if (last_scale && v >= last_scale)
        break;
      total += (cur ? cur : 1) * v;
      cur = 0;
      last_scale = v;
    } else if (c == W_DOZEN) {
      cur = last == W_NONE ? v : cur * 12;
    } else { /* W_APPROX: the least the plural can mean */
      cur = 2 * v;
      size_t oe;
      int64_t u = approx_of(t, len, we, v, &oe);
      if (u) {
        cur *= u;
        we = oe;
      }
      if (approx)
        *approx = true;
    }
    end = we;
    last = c;
    after_and = false;
    if (c == W_DOZEN || c == W_APPROX || total + cur > MAX_VALUE)
      break;
    /* what may join the next word: a hyphen after tens ("twenty-five"),
     * spaces, and "and" after hundred or thousand ("one hundred and one") */
    if (we < len && t[we] == '-' && last == W_TENS) {
      p = we + 1;
      continue;
    }
    size_t q = skip_spaces(t, len, we);
    if (q == we)
      break;
    if ((last == W_HUNDRED || last == W_SCALE) && q + 3 <= len &&
        kgr_ascii_istarts(t + q, len - q, "and") && !kgr_word_char_at(t, len, q + 3, NULL)) {
      q = skip_spaces(t, len, q + 3);
      after_and = true;
    }
    p = q;
  }
  if (end == pos)
    return 0;
  *value = total + cur;
  return end - pos;
}

size_t kgr_number_parse_ex(const char *text, size_t len, size_t pos,
                           int64_t *value, bool *approx) {
  int64_t v = 0;
  bool ap = false;
  size_t n = 0;
  if (!text || pos >= len)
    return 0;
  if (digit_at(text, len, pos))
    n = parse_digits(text, len, pos, &v);
  else
    n = parse_words(text, len, pos, &v, &ap);
  if (!n)
    return 0;
  if (value)
    *value = v;
  if (approx)
    *approx = ap;
  return n;
}

size_t kgr_number_parse(const char *text, size_t len, size_t pos, int64_t *value) {
  return kgr_number_parse_ex(text, len, pos, value, NULL);
}
