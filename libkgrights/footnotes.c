/*
 * footnotes.c - footnote definitions and the markers that point to them.
 *
 * Definitions are found before any paragraph is built, because a number
 * glued to a word ("injuries.1") is cut out as a marker only when a
 * definition with that number exists. A line that starts like a definition
 * ("1 text", "1. text", "[1] text", "¹ text") is one when it holds a URL,
 * follows a separator line, stands in a notes section, continues a run of
 * definitions with the next number, or carries the number of a marker seen
 * earlier in the text and starts a block (not a numbered list item after a
 * colon).
 */
#include <stdint.h>
#include <string.h>

#include "layout_priv.h"
#include "lexicon.h"
#include "utf8.h"

/* Characters after which a glued number is a marker: "word.1", "word,1",
 * "(x)1", "\"quote\"1", "’1". */
static bool closing_punct(uint32_t cp) {
  return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == ')' || cp == '"' || cp == '\'' ||
         cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

static bool closing_quote(uint32_t cp) {
  return cp == ')' || cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

static uint32_t char_at(const char *in, size_t hi, size_t i, size_t *n) {
  uint32_t cp;
  int cls;
  size_t k = kgr_layout_char(in, hi, i, &cp, &cls);
  if (n)
    *n = k;
  return cls == KGR_CH_SPACE ? ' ' : cp;
}

/* Is the letter run that ends just before p all upper case ("G20",
 * "COVID19", "MH17")? Those numbers are names, not markers. */
static bool acronym_before(const char *in, size_t lo, size_t p) {
  size_t i = p, letters = 0;
  while (i > lo && letters < 32) {
    size_t j = kgr_layout_prev(in, lo, i);
    uint32_t cp = char_at(in, p, j, NULL);
    if (!kgr_is_letter(cp))
      break;
    if (kgr_is_lower(cp))
      return false;
    letters++;
    i = j;
  }
  return letters > 0;
}

/* Is the digit run ending at p (exclusive) a year such as 2020? */
static bool year_before(const char *in, size_t lo, size_t p) {
  if (p < lo + 4)
    return false;
  for (size_t k = p - 4; k < p; k++)
    if (!kgr_is_digit((unsigned char)in[k]))
      return false;
  if (p > lo + 4 && kgr_is_digit((unsigned char)in[p - 5]))
    return false;
  return (in[p - 4] == '1' && in[p - 3] == '9') || (in[p - 4] == '2' && in[p - 3] == '0');
}

static size_t glued_marker(const char *in, size_t lo, size_t hi, size_t p, const bool *defined,
                           int *number) {
  size_t q = p;
  int v = 0;
  while (q < hi && kgr_is_digit((unsigned char)in[q])) {
    if (q - p == 3)
      return 0;
    v = v * 10 + (in[q] - '0');
    q++;
  }
  if (v <= 0 || p == lo)
    return 0;
  /* Followed by a space, the line end, or punctuation then one of those. */
  if (q < hi) {
    uint32_t c = char_at(in, hi, q, NULL);
    if (c != ' ') {
      if (!(c == ',' || c == ';' || c == ':' || c == '.' || c == ')'))
        return 0;
      if (q + 1 < hi && char_at(in, hi, q + 1, NULL) != ' ')
        return 0;
    }
  }
  size_t j = kgr_layout_prev(in, lo, p);
  uint32_t before = char_at(in, hi, j, NULL);
  if (kgr_is_letter(before)) {
    if (acronym_before(in, lo, p))
      return 0;
  } else if (closing_quote(before)) {
    /* "(x)1", "said “no”1" */
  } else if (closing_punct(before)) {
    if (j == lo)
      return 0;
    size_t j2 = kgr_layout_prev(in, lo, j);
    uint32_t b2 = char_at(in, hi, j2, NULL);
    bool ok = kgr_is_letter(b2) || closing_quote(b2) || (before == '.' && year_before(in, lo, j));
    if (!ok)
      return 0;
  } else {
    return 0;
  }
  if (defined && !defined[v])
    return 0;
  *number = v;
  return q;
}

size_t kgr_marker_at(const char *in, size_t lo, size_t hi, size_t p, const bool *defined,
                     int *number) {
  unsigned char c = (unsigned char)in[p];
  if (c == '[') {
    size_t q = p + 1;
    int v = 0;
    while (q < hi && kgr_is_digit((unsigned char)in[q]) && q - p <= 3)
      v = v * 10 + (in[q++] - '0');
    if (q == p + 1 || q - p > 4 || v <= 0 || q >= hi || in[q] != ']')
      return 0;
    if (q + 1 < hi && in[q + 1] == '(')
      return 0; /* "[1](target)" is a link */
    *number = v;
    return q + 1;
  }
  if (kgr_is_digit(c))
    return glued_marker(in, lo, hi, p, defined, number);
  if (c < 0x80)
    return 0;
  size_t n;
  int v = 0, digits = 0, d;
  size_t q = p;
  while (q < hi && (d = kgr_sup_digit(char_at(in, hi, q, &n))) >= 0) {
    if (++digits > 3)
      return 0;
    v = v * 10 + d;
    q += n;
  }
  if (!digits || v <= 0)
    return 0;
  if (p > lo) {
    /* "10²", "km²", "m³" are powers, not markers. */
    size_t j = kgr_layout_prev(in, lo, p);
    uint32_t b = char_at(in, hi, j, NULL);
    if (kgr_is_digit((unsigned char)(b < 0x80 ? b : 0)))
      return 0;
    if (b == 'm') {
      size_t k = j;
      while (k > lo && j - k < 2 && (in[k - 1] == 'k' || in[k - 1] == 'c' || in[k - 1] == 'm'))
        k--;
      if (k == lo || !kgr_is_word_byte((unsigned char)in[k - 1]))
        return 0;
    }
  }
  *number = v;
  return q;
}

/* --- Definitions ---------------------------------------------------------- */

/* The bytes a marker can start with: digits, "[", and the first byte of a
 * superscript digit (C2 for U+00B2, U+00B3, U+00B9; E2 for U+2070-U+2079). */
/* clang-format off */
static const bool marker_lead[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
/* clang-format on */

/* May one of the 8 bytes at p start a marker: a digit, "[" or non-ASCII?
 * Adding 0x50 sets the top bit of bytes from 0x30 up, adding 0x46 that of
 * bytes from 0x3A up; "[" is a zero byte after the XOR. Carries only come
 * from non-ASCII bytes, which count anyway. */
static bool marker_lead8(const char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  uint64_t digit = (x + ones * 0x50) & ~(x + ones * 0x46), bracket = x ^ (ones * '[');
  return (digit | ((bracket - ones) & ~bracket) | x) & high;
}

/* The first input offset at which each marker number was seen. */
static void scan_markers(const char *in, const kgr_line_vec *lines, size_t *first_seen) {
  for (size_t li = 0; li < lines->count; li++) {
    const kgr_line *L = &lines->items[li];
    if (L->flags & KGR_LINE_SEP)
      continue;
    /* A line without a URL (lines.c tells) has no number inside one: only
     * the bytes a marker starts with need a look. */
    bool urls = (L->flags & KGR_LINE_URL) != 0, in_url = false;
    for (size_t i = L->start; i < L->end;) {
      if (!urls) {
        while (i + 8 <= L->end && !marker_lead8(in + i))
          i += 8;
        while (i < L->end && !marker_lead[(unsigned char)in[i]])
          i++;
        if (i == L->end)
          break;
      }
      unsigned char c = (unsigned char)in[i];
      unsigned lc = c | 0x20u;
      if (lc - 'a' < 26u && lc != 'h' && lc != 'w') { /* a letter: nothing to see */
        i++;
        continue;
      }
      if (c == ' ' || c == '\t') {
        in_url = false;
        i++;
        continue;
      }
      if (!in_url && (c == 'h' || c == 'H' || c == 'w' || c == 'W') &&
          (i == L->start || !kgr_is_word_byte((unsigned char)in[i - 1])) &&
          kgr_url_starts(in + i, L->end - i))
        in_url = true;
      int num = 0;
      size_t m = 0;
      /* A number after a space or at the line start is no marker. */
      if (c == '[' || c >= 0x80 ||
          (kgr_is_digit(c) && !in_url && i > L->start && !kgr_is_digit((unsigned char)in[i - 1]) &&
           in[i - 1] != ' ' && in[i - 1] != '\t'))
        m = kgr_marker_at(in, L->start, L->end, i, NULL, &num);
      if (m) {
        if (i < first_seen[num])
          first_seen[num] = i;
        i = m;
        continue;
      }
      if (kgr_is_digit(c)) { /* skip the whole run: long numbers are one */
        while (i < L->end && kgr_is_digit((unsigned char)in[i]))
          i++;
        continue;
      }
      i++;
    }
  }
}

/* Does the definition's text start with a month ("9 October 2020")? Then
 * the line is a date. */
static bool starts_with_month(const char *in, const kgr_line *L) {
  size_t e = L->body;
  while (e < L->end && e - L->body < 16 && ((in[e] | 0x20) >= 'a' && (in[e] | 0x20) <= 'z'))
    e++;
  if (e == L->body || (e < L->end && kgr_is_word_byte((unsigned char)in[e])))
    return false;
  return kgr_lex_lookup(&kgr_lex_months, in + L->body, e - L->body) != NULL;
}

/* The tag of the section heading that a whole line is ("Notes:"), or NULL. */
static const char *heading_tag(const char *in, const kgr_line *L) {
  size_t s = (L->flags & KGR_LINE_ATX) ? L->body : L->start, e = L->end;
  if (e > s && in[e - 1] == ':')
    e--;
  if (e - s > 64)
    return NULL;
  const kgr_lex_entry *h = kgr_lex_lookup(&kgr_lex_section_headings, in + s, e - s);
  return h ? h->tag : NULL;
}

/* Does line L introduce a list: "We call for:", "Recommendations",
 * "KEY DEMANDS"? Numbered lines under it are list items, not notes. */
static bool introduces_list(const char *in, const kgr_line *L) {
  if (in[L->end - 1] == ':')
    return true;
  const char *tag = heading_tag(in, L);
  if (tag && strcmp(tag, "notes") != 0)
    return true;
  if (L->end - L->start > 80)
    return false;
  bool upper = false;
  for (size_t i = L->start; i < L->end; i++) {
    unsigned char c = (unsigned char)in[i];
    if (c >= 'a' && c <= 'z')
      return false;
    upper |= c >= 'A' && c <= 'Z';
  }
  return upper;
}

/* What the walk over the lines knows when it meets a candidate. */
typedef struct fn_walk {
  const char *in;
  const size_t *first_seen; /* where each marker number first appears */
  const kgr_line *prev;     /* the previous line, or NULL */
  bool after_sep;           /* after a separator, in the page's foot */
  bool in_notes;            /* in a "Notes" / "References" section */
  bool def_run;             /* inside a run of definitions */
  bool def_closed;          /* the last definition was a lone URL */
  bool in_list;             /* inside a numbered or bulleted list */
  int last_def;
} fn_walk;

static bool is_definition(const fn_walk *w, const kgr_line *L, bool block_start) {
  int n = L->number;
  if (n > KGR_FN_MAX)
    return false;
  if (L->flags & KGR_LINE_URL)
    return true;
  if (L->fn == KGR_FN_PLAIN && starts_with_month(w->in, L))
    return false; /* "9 October 2020" */
  if (w->after_sep || w->in_notes || (w->def_run && n == w->last_def + 1))
    return true;
  if (w->first_seen[n] >= L->start || !(block_start || w->def_run))
    return false;
  /* "1." and "1)" are also list numbers: not under a lead-in or heading,
   * nor inside a list. */
  return (L->fn != KGR_FN_DOT && L->fn != KGR_FN_PAREN) ||
         !(w->in_list || (w->prev && introduces_list(w->in, w->prev)));
}

void kgr_footnotes_find(kgr_doc *doc, kgr_arena *tmp, kgr_line_vec *lines, bool *defined) {
  size_t *first_seen = kgr_arena_alloc(tmp, (KGR_FN_MAX + 1) * sizeof *first_seen);
  for (size_t n = 0; n <= KGR_FN_MAX; n++)
    first_seen[n] = SIZE_MAX;
  scan_markers(doc->input, lines, first_seen);

  fn_walk w;
  memset(&w, 0, sizeof w);
  w.in = doc->input;
  w.first_seen = first_seen;
  for (size_t li = 0; li < lines->count; li++) {
    kgr_line *L = &lines->items[li];
    bool block_start = !w.prev || L->blank_before || (L->flags & KGR_LINE_PAGE);
    if (L->flags & KGR_LINE_SEP) {
      w.after_sep = true;
      w.prev = L;
      continue;
    }
    if (kgr_line_is_page_number(lines->items, lines->count, li))
      continue;
    if (L->fn && is_definition(&w, L, block_start)) {
      L->flags |= KGR_LINE_DEF;
      defined[L->number] = true;
      w.last_def = L->number;
      w.def_run = true;
      w.def_closed = (L->flags & KGR_LINE_URL_ONLY) != 0;
      w.prev = L;
      continue;
    }
    if (w.def_run && !block_start && !w.def_closed) {
      w.prev = L; /* the definition goes on */
      continue;
    }
    if (block_start || w.def_run) {
      w.def_run = false;
      w.after_sep = false;
      const char *tag = heading_tag(w.in, L);
      if (tag)
        w.in_notes = strcmp(tag, "notes") == 0;
    }
    if (L->list)
      w.in_list = true;
    else if (block_start)
      w.in_list = false;
    w.prev = L;
  }
}

/* --- URLs ----------------------------------------------------------------- */

static bool url_trailer(unsigned char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
         c == '"';
}

void kgr_find_urls(kgr_arena *a, const char *text, size_t len, const kgr_str **urls,
                   size_t *count) {
  KGR_VEC(kgr_str) v = {0};
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    if (!(c == 'h' || c == 'H' || c == 'w' || c == 'W') ||
        (i > 0 && kgr_is_word_byte((unsigned char)text[i - 1])) ||
        !kgr_url_starts(text + i, len - i))
      continue;
    size_t e = i;
    int depth = 0, square = 0; /* brackets opened inside the URL */
    while (e < len && text[e] != ' ' && text[e] != '<' && text[e] != '>' && text[e] != '"') {
      depth += (text[e] == '(') - (text[e] == ')');
      square += (text[e] == '[') - (text[e] == ']');
      e++;
    }
    size_t end = e;
    while (end > i) {
      unsigned char t = (unsigned char)text[end - 1];
      if (url_trailer(t)) {
        end--;
      } else if (t == ')' && depth < 0) {
        end--;
        depth++;
      } else if (t == ']' && square < 0) {
        end--;
        square++;
      } else if (end >= i + 3 && (unsigned char)text[end - 3] == 0xE2 &&
                 (unsigned char)text[end - 2] == 0x80 &&
                 ((unsigned char)text[end - 1] == 0x9D || (unsigned char)text[end - 1] == 0x99)) {
        end -= 3; /* closing curly quote */
      } else {
        break;
      }
    }
    size_t host = kgr_ascii_istarts(text + i, end - i, "https://")  ? 8
                  : kgr_ascii_istarts(text + i, end - i, "http://") ? 7
                                                                    : 4;
    if (end - i > host) {
      kgr_str *u = KGR_VEC_PUSH(a, v);
      *u = kgr_arena_str(a, text + i, end - i);
    }
    i = e;
  }
  *urls = v.items;
  *count = v.count;
}
