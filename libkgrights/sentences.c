/*
 * sentences.c - splitting normalised block text into sentences.
 *
 * A sentence ends at . ! ? or … (with any closing quotes or brackets after
 * it) followed by a space and then an upper-case letter, a digit, or an
 * opening quote or bracket. A period does not end a sentence after an
 * abbreviation from lex_abbreviations.tsv ("Mr.", "e.g.", "No. 5"), after
 * an initial ("A. Smith", "U.S."), or inside a number or a domain ("3.5",
 * "24.kg"), since no space follows it there. The text is expected in the
 * layout's normal form: spaces collapsed to one ASCII space.
 */
#include <stdint.h>
#include <string.h>

#include "layout.h"
#include "lexicon.h"
#include "utf8.h"

/* Closing quotes and brackets that belong to the sentence before them. */
static size_t closer_len(const char *t, size_t len, size_t i) {
  unsigned char c = (unsigned char)t[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']')
    return 1;
  if (i + 2 < len && c == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
      ((unsigned char)t[i + 2] == 0x9D || (unsigned char)t[i + 2] == 0x99))
    return 3; /* ” ’ */
  if (i + 1 < len && c == 0xC2 && (unsigned char)t[i + 1] == 0xBB)
    return 2; /* » */
  return 0;
}

/* A sentence-ending mark at t[i]: its length, or 0. */
static size_t terminal_len(const char *t, size_t len, size_t i) {
  unsigned char c = (unsigned char)t[i];
  if (c == '.' || c == '!' || c == '?')
    return 1;
  if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 &&
      (unsigned char)t[i + 2] == 0xA6)
    return 3; /* … */
  return 0;
}

/* Can a sentence start at t[i]? */
static bool sentence_start(const char *t, size_t len, size_t i) {
  unsigned char c = (unsigned char)t[i];
  if (kgr_is_digit(c) || c == '"' || c == '\'' || c == '(' || c == '[')
    return true;
  uint32_t cp;
  if (!kgr_utf8_decode(t + i, len - i, &cp))
    return false;
  return kgr_is_upper(cp) || cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == 0x201E;
}

/* Is the period at t[dot] part of an abbreviation or initial rather than
 * the end of a sentence? next is the first byte of the following word. */
static bool abbreviation_before(const char *t, size_t len, size_t dot, size_t next) {
  size_t w = dot;
  /* The word before the period: letters and inner periods ("e.g", "U.S"). */
  while (w > 0 && dot - w < 32) {
    unsigned char c = (unsigned char)t[w - 1];
    if (c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
      w--;
    else
      break;
  }
  if (w == dot || dot - w >= 32)
    return false;
  if (w > 0 && t[w - 1] != ' ' && t[w - 1] != '(' && t[w - 1] != '"' && t[w - 1] != '\'')
    return false; /* "3a.", "/a.b.": inside a longer token */
  while (w < dot && t[w] == '.')
    w++;
  if (w == dot)
    return false;

  /* Initials: "A." alone, or single letters between periods ("U.S",
   * "e.g"). */
  bool initials = true;
  size_t letters = 0;
  for (size_t i = w; i < dot && initials;) {
    uint32_t cp;
    size_t n = kgr_utf8_decode(t + i, dot - i, &cp);
    if (!n || !kgr_is_letter(cp)) {
      initials = false;
      break;
    }
    letters++;
    i += n;
    if (i < dot) {
      if (t[i] != '.')
        initials = false;
      i++;
    }
  }
  if (initials && (letters > 1 || kgr_utf8_starts_upper(t + w, dot - w)))
    return true;

  const kgr_lex_entry *e = kgr_lex_lookup(&kgr_lex_abbreviations, t + w, dot - w);
  if (!e)
    return false;
  bool digit_next = next < len && kgr_is_digit((unsigned char)t[next]);
  if (strcmp(e->tag, "abbr") == 0)
    return true;
  if (strcmp(e->tag, "abbr_num") == 0)
    return digit_next; /* "No. 5", "Art. 21", "Oct. 9" */
  return false;        /* "weak": "etc." may end a sentence */
}

/* Is any of the 8 bytes at p a . ! ? or non-ASCII (… starts with 0xE2)?
 * A byte equal to c is a zero byte of x ^ c, which (y - 1) & ~y flags. */
static bool mark_in8(const char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  uint64_t dot = x ^ (ones * '.'), bang = x ^ (ones * '!'), query = x ^ (ones * '?');
  return (((dot - ones) & ~dot) | ((bang - ones) & ~bang) | ((query - ones) & ~query) | x) & high;
}

void kgr_split_sentences(kgr_arena *a, const char *text, size_t len, size_t block,
                         kgr_sentence_vec *out) {
  size_t start = 0;
  while (start < len && text[start] == ' ')
    start++;
  size_t i = start;
  while (i < len) {
    /* Most bytes cannot start a mark: . ! ? or the first byte of … */
    while (i + 8 <= len && !mark_in8(text + i))
      i += 8;
    while (i < len && text[i] != '.' && text[i] != '!' && text[i] != '?' &&
           (unsigned char)text[i] != 0xE2)
      i++;
    size_t m = i < len ? terminal_len(text, len, i) : 0;
    if (!m) {
      i++;
      continue;
    }
    size_t mark = i;
    size_t j = i + m;
    /* More marks and closers: "?!", "...", ".”", ".)". */
    size_t k;
    while (j < len && ((k = terminal_len(text, len, j)) || (k = closer_len(text, len, j))))
      j += k;
    if (j >= len || text[j] != ' ') {
      i = j;
      continue;
    }
    size_t next = j;
    while (next < len && text[next] == ' ')
      next++;
    if (next >= len) {
      i = next;
      continue;
    }
    if (!sentence_start(text, len, next) ||
        (text[mark] == '.' && j == mark + 1 && abbreviation_before(text, len, mark, next))) {
      i = next;
      continue;
    }
    kgr_sentence *s = KGR_VEC_PUSH(a, *out);
    s->block = block;
    s->start = start;
    s->end = j;
    start = next;
    i = next;
  }
  size_t end = len;
  while (end > start && text[end - 1] == ' ')
    end--;
  if (end > start) {
    kgr_sentence *s = KGR_VEC_PUSH(a, *out);
    s->block = block;
    s->start = start;
    s->end = end;
  }
}
