/*
 * lines.c - the first look at the bytes: diagnostics about them, and the
 * input cut into classified lines.
 *
 * One pass over the input finds line ends (\n, \r\n, \r, \f), the content
 * of each line (indentation and trailing spaces left out), and runs of bad
 * bytes (invalid UTF-8, NUL, other control characters), which become one
 * capped diagnostic per run. Each non-blank line is then classified by
 * looking at its start (list marker, footnote-definition number) and its
 * tokens (URLs), in time linear in its length.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "layout_priv.h"
#include "lexicon.h"
#include "utf8.h"

size_t kgr_layout_char(const char *s, size_t len, size_t i, uint32_t *cp, int *cls) {
  unsigned char c = (unsigned char)s[i];
  if (c < 0x80) {
    *cp = c;
    if (c == '\n' || c == '\r' || c == '\f')
      *cls = KGR_CH_EOL;
    else if (c <= ' ' || c == 0x7F)
      *cls = KGR_CH_SPACE;
    else
      *cls = KGR_CH_TEXT;
    return 1;
  }
  size_t n = kgr_utf8_decode(s + i, len - i, cp);
  if (!n) {
    *cp = 0xFFFD;
    *cls = KGR_CH_SPACE;
    return 1;
  }
  uint32_t v = *cp;
  if (v == 0xA0 || (v >= 0x2000 && v <= 0x200A) || v == 0x202F || v == 0x205F || v == 0x3000 ||
      v == 0x1680 || v == 0x2028 || v == 0x2029 || (v >= 0x80 && v <= 0x9F))
    *cls = KGR_CH_SPACE;
  else if (v == 0xAD || v == 0xFEFF || (v >= 0x200B && v <= 0x200D) || v == 0x2060)
    *cls = KGR_CH_DROP;
  else
    *cls = KGR_CH_TEXT;
  return n;
}

size_t kgr_layout_prev(const char *s, size_t lo, size_t i) {
  size_t j = i - 1;
  while (j > lo && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
    j--;
  return j;
}

bool kgr_url_starts(const char *s, size_t n) {
  if (!n || ((s[0] | 0x20) != 'h' && (s[0] | 0x20) != 'w'))
    return false; /* most tokens */
  return kgr_ascii_istarts(s, n, "http://") || kgr_ascii_istarts(s, n, "https://") ||
         (kgr_ascii_istarts(s, n, "www.") && n > 4 && kgr_is_word_byte((unsigned char)s[4]));
}

/* --- Diagnostics about bytes ------------------------------------------- */

enum { BAD_INVALID, BAD_NUL, BAD_CONTROL, BAD_KINDS };

static const char *const bad_code[BAD_KINDS] = {"invalid-utf8", "nul-byte", "control-character"};
static const char *const bad_what[BAD_KINDS] = {"invalid UTF-8", "NUL bytes", "control characters"};

/* More than this many runs of one kind are summed up in one diagnostic, so
 * that binary junk cannot flood the record. */
#define DIAG_CAP 100

typedef struct bad_state {
  kgr_doc *doc;
  int open;          /* the kind of the open run, or -1 */
  size_t start, end; /* the open run */
  size_t count[BAD_KINDS];
  kgr_span extra[BAD_KINDS]; /* runs past the cap */
} bad_state;

static void bad_flush(bad_state *st) {
  if (st->open < 0)
    return;
  int k = st->open;
  st->open = -1;
  if (++st->count[k] > DIAG_CAP) {
    if (st->count[k] == DIAG_CAP + 1)
      st->extra[k].start = st->start;
    st->extra[k].end = st->end;
    return;
  }
  size_t n = st->end - st->start;
  kgr_doc_diag(st->doc, KGR_SEVERITY_WARNING, bad_code[k], (kgr_span){st->start, st->end},
               "%s (%zu byte%s) read as a space", bad_what[k], n, n == 1 ? "" : "s");
}

static void bad_byte(bad_state *st, int kind, size_t i) {
  if (st->open == kind && st->end == i) {
    st->end = i + 1;
    return;
  }
  bad_flush(st);
  st->open = kind;
  st->start = i;
  st->end = i + 1;
}

static void bad_finish(bad_state *st) {
  bad_flush(st);
  for (int k = 0; k < BAD_KINDS; k++) {
    if (st->count[k] <= DIAG_CAP)
      continue;
    char code[48];
    snprintf(code, sizeof code, "too-many-%s", bad_code[k]);
    kgr_doc_diag(st->doc, KGR_SEVERITY_WARNING, code, st->extra[k],
                 "%zu more runs of %s not listed one by one", st->count[k] - DIAG_CAP, bad_what[k]);
  }
}

/* The kind of a bad byte, or -1. */
static int bad_kind(unsigned char c) {
  if (c == 0)
    return BAD_NUL;
  if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
    return BAD_CONTROL;
  return -1;
}

/* Share of bad bytes in the first 64 KiB: text has next to none. */
/* Are the 8 bytes at p all printable ASCII (0x20-0x7E)? Eight at a time:
 * a byte below 0x20 borrows into its top bit when 0x20 is taken away, a
 * byte of 0x7F or more has its top bit set once 1 is added (a carry out of
 * 0xFF only comes from a byte that is flagged already). */
static bool printable8(const char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  return !((((x - 0x20 * ones) & ~x) | (x + ones) | x) & high);
}

static void check_binary(kgr_doc *doc) {
  size_t n = doc->input_len < 65536 ? doc->input_len : 65536, bad = 0;
  const char *in = doc->input;
  for (size_t i = 0; i < n;) {
    if (n - i >= 8 && printable8(in + i)) {
      i += 8;
      continue;
    }
    unsigned char c = (unsigned char)in[i];
    if (c < 0x80) {
      bad += (c < 0x20 || c == 0x7F) && bad_kind(c) >= 0;
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = kgr_utf8_decode(in + i, doc->input_len - i, &cp);
    if (!k) {
      bad++;
      k = 1;
    }
    i += k;
  }
  if (bad >= 8 && bad * 10 > n) /* a few stray bytes in a note are no sign */
    kgr_doc_diag(doc, KGR_SEVERITY_ERROR, "binary-input", (kgr_span){0, n},
                 "input looks like binary data, not text (%zu of the first "
                 "%zu bytes are NUL, control or invalid)",
                 bad, n);
}

/* --- Line classification ------------------------------------------------ */

/* Skip space characters from i (< end); returns the first non-space. */
static size_t skip_spaces(const char *in, size_t len, size_t i, size_t end) {
  while (i < end) {
    uint32_t cp;
    int cls;
    size_t n = kgr_layout_char(in, len, i, &cp, &cls);
    if (cls != KGR_CH_SPACE)
      break;
    i += n;
  }
  return i;
}

/* Separator lines: only _ - – — * = ~ and spaces, at least three marks. */
static bool is_separator(const char *in, size_t len, size_t s, size_t e) {
  size_t marks = 0;
  for (size_t i = s; i < e;) {
    uint32_t cp;
    int cls;
    size_t n = kgr_layout_char(in, len, i, &cp, &cls);
    if (cp == '_' || cp == '-' || cp == '*' || cp == '=' || cp == '~' || cp == 0x2013 ||
        cp == 0x2014 || cp == 0x2015)
      marks++;
    else if (cls != KGR_CH_SPACE && cls != KGR_CH_DROP)
      return false;
    i += n;
  }
  return marks >= 3;
}

/* Skip ASCII spaces and dashes from i. */
static size_t skip_dashes(const char *in, size_t i, size_t e) {
  while (i < e && (in[i] == '-' || in[i] == ' '))
    i++;
  return i;
}

/* Read 1 to max digits at in[i]; returns the end, or 0. */
static size_t page_digits(const char *in, size_t i, size_t e, size_t max) {
  size_t d = i;
  while (i < e && kgr_is_digit((unsigned char)in[i]))
    i++;
  return (i == d || i - d > max) ? 0 : i;
}

/* A page number on a line of its own: "2", "- 2 -", "Page 2", "Page 2 of
 * 5", "2/5". A bare number has at most 3 digits: "2020" alone is a year. */
static bool is_page_number(const char *in, size_t s, size_t e) {
  if (e - s > 40)
    return false;
  size_t i = skip_dashes(in, s, e);
  bool page = e - i > 4 && kgr_ascii_istarts(in + i, e - i, "page ");
  if (page)
    i = skip_dashes(in, i + 5, e);
  if (!(i = page_digits(in, i, e, page ? 4 : 3)))
    return false;
  while (i < e && in[i] == ' ')
    i++;
  if (i < e && (in[i] == '/' || kgr_ascii_istarts(in + i, e - i, "of "))) {
    i += in[i] == '/' ? 1 : 3;
    while (i < e && in[i] == ' ')
      i++;
    if (!(i = page_digits(in, i, e, 4)))
      return false;
  }
  return skip_dashes(in, i, e) == e;
}

/* Bullet glyphs that always start a list item; dashes and "o" need
 * context (see layout.c). */
static bool strong_bullet(uint32_t cp) {
  switch (cp) {
  case '*':
  case 0x2022: /* • */
  case 0x25AA: /* ▪ */
  case 0x25AB: /* ▫ */
  case 0x00B7: /* · */
  case 0x25E6: /* ◦ */
  case 0x25CF: /* ● */
  case 0x2023: /* ‣ */
  case 0x25A0: /* ■ */
  case 0x25A1: /* □ */
  case 0x25BA: /* ► */
  case 0x27A2: /* ➢ */
  case 0x2043: /* ⁃ */
  case 0xF0B7: /* Symbol-font bullet from Word exports */ return true;
  default: return false;
  }
}

/* Read 1 to max (at most 9) ASCII digits at in[i]; returns how many (0 if
 * none or more than max) and sets *value. */
static size_t read_number(const char *in, size_t i, size_t end, size_t max, int *value) {
  size_t k = 0;
  int v = 0;
  while (i + k < end && kgr_is_digit((unsigned char)in[i + k])) {
    if (k == max)
      return 0;
    v = v * 10 + (in[i + k] - '0');
    k++;
  }
  *value = v;
  return k;
}

/* The list marker and footnote-definition number at the line start. */
static void classify_start(const char *in, size_t len, kgr_line *L) {
  size_t s = L->start, e = L->end;
  uint32_t cp;
  int cls;
  size_t n = kgr_layout_char(in, len, s, &cp, &cls);
  size_t after = s + n;
  size_t body = after < e ? skip_spaces(in, len, after, e) : e;
  bool spaced = body > after && body < e;

  if (cp == '#') { /* a Markdown heading: "## Recommendations" */
    size_t k = s;
    while (k < e && in[k] == '#' && k - s < 7)
      k++;
    size_t b = skip_spaces(in, len, k, e);
    if (k - s <= 6 && b > k && b < e) {
      L->flags |= KGR_LINE_ATX;
      L->body = b;
    }
    return;
  }
  if (strong_bullet(cp) && (spaced || (cp >= 0x80 && after < e && body == after))) {
    L->list = KGR_LIST_BULLET;
    L->body = body;
    return;
  }
  if ((cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 'o') && spaced) {
    L->list = KGR_LIST_BULLET;
    L->flags |= KGR_LINE_WEAK_ITEM;
    L->body = body;
    return;
  }

  int v = 0;
  size_t k = read_number(in, s, e, 7, &v);
  if (k && v > 0 && s + k < e) {
    char c = in[s + k];
    size_t b = skip_spaces(in, len, s + k + 1, e);
    bool sp = b > s + k + 1 && b < e;
    if ((c == '.' || c == ')') && sp) {
      L->list = KGR_LIST_NUMBER;
      L->flags |= KGR_LINE_WEAK_ITEM;
      L->number = v;
      L->body = b;
      if (k > 3) /* "2020. The year": only inside a list counting up */
        L->flags |= KGR_LINE_LONG_NUMBER;
      else
        L->fn = c == '.' ? KGR_FN_DOT : KGR_FN_PAREN;
      return;
    }
    if (k > 3)
      return;
    b = skip_spaces(in, len, s + k, e);
    if (b > s + k && b < e) {
      L->fn = KGR_FN_PLAIN;
      L->number = v;
      L->body = b;
      return;
    }
    return;
  }

  if (cp == '(' && s + 2 < e) {
    unsigned char c1 = (unsigned char)in[s + 1];
    size_t close = 0;
    int num = 0;
    kgr_list_style st = KGR_LIST_NONE;
    if ((k = read_number(in, s + 1, e, 3, &num)) && num > 0) {
      close = s + 1 + k;
      st = KGR_LIST_NUMBER;
    } else if (((c1 >= 'a' && c1 <= 'z') || (c1 >= 'A' && c1 <= 'Z'))) {
      close = s + 2;
      num = (c1 | 0x20) - 'a' + 1;
      st = KGR_LIST_LETTER;
    }
    if (st && close < e && in[close] == ')') {
      size_t b = skip_spaces(in, len, close + 1, e);
      if (b > close + 1 && b < e) {
        L->list = (uint8_t)st;
        L->flags |= KGR_LINE_WEAK_ITEM;
        L->number = num;
        L->body = b;
      }
    }
    return;
  }

  if (cp == '[') {
    int num = 0;
    k = read_number(in, s + 1, e, 3, &num);
    size_t close = s + 1 + k;
    if (k && num > 0 && close < e && in[close] == ']' && (close + 1 >= e || in[close + 1] != '(')) {
      size_t b = skip_spaces(in, len, close + 1, e);
      if (b < e) {
        L->fn = KGR_FN_BRACKET;
        L->number = num;
        L->body = b;
      }
    }
    return;
  }

  if (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') && s + 1 < e) {
    char c = in[s + 1];
    size_t b = skip_spaces(in, len, s + 2, e);
    /* "a) x", "B) x", and lower-case "a. x" ("A. Smith" is an initial). */
    if ((c == ')' || (c == '.' && cp >= 'a')) && b > s + 2 && b < e) {
      L->list = KGR_LIST_LETTER;
      L->flags |= KGR_LINE_WEAK_ITEM;
      L->number = (int)((cp | 0x20) - 'a' + 1);
      L->body = b;
    }
    return;
  }

  int d = kgr_sup_digit(cp);
  if (d >= 0) {
    int num = d, digits = 1;
    size_t i = after;
    while (i < e && digits <= 3) {
      size_t m = kgr_layout_char(in, len, i, &cp, &cls);
      if ((d = kgr_sup_digit(cp)) < 0)
        break;
      num = num * 10 + d;
      digits++;
      i += m;
    }
    size_t b = skip_spaces(in, len, i, e);
    if (digits <= 3 && num > 0 && b < e) {
      L->fn = KGR_FN_SUP;
      L->number = num;
      L->body = b;
    }
  }
}

static bool token_space(unsigned char c) { return c == ' ' || c == '\t'; }

/* Can in[s, e) hold a URL (http://, https://, www.) at all? Most lines
 * have neither "://" nor "www.", which memchr rules out fast. */
static bool may_hold_url(const char *in, size_t s, size_t e) {
  const char *end = in + e;
  for (const char *p = in + s; (p = memchr(p, ':', (size_t)(end - p))) != NULL; p++)
    if (end - p >= 3 && p[1] == '/' && p[2] == '/')
      return true;
  for (const char *p = in + s; (p = memchr(p, '.', (size_t)(end - p))) != NULL; p++)
    if (p - in >= (ptrdiff_t)s + 3 && (p[-1] | 0x20) == 'w' && (p[-2] | 0x20) == 'w' &&
        (p[-3] | 0x20) == 'w')
      return true;
  return false;
}

/* URL flags: does the line hold a URL, end with one, or (after its
 * marker) consist of one? */
static void classify_urls(const char *in, kgr_line *L) {
  if (!may_hold_url(in, L->body, L->end))
    return;
  size_t tokens = 0;
  bool last_url = false, any = false;
  size_t i = L->body;
  while (i < L->end) {
    while (i < L->end && token_space((unsigned char)in[i]))
      i++;
    if (i >= L->end)
      break;
    tokens++;
    size_t t = i;
    while (t < L->end && (in[t] == '(' || in[t] == '<' || in[t] == '"' || in[t] == '['))
      t++;
    last_url = kgr_url_starts(in + t, L->end - t);
    any |= last_url;
    if (any) { /* the rest of the token */
      while (i < L->end && !token_space((unsigned char)in[i]))
        i++;
      continue;
    }
    while (i < L->end && !token_space((unsigned char)in[i])) {
      /* A URL inside a token: "(see:https://...)" or "[a](https://...)". */
      if (((in[i] | 0x20) == 'h' || (in[i] | 0x20) == 'w') && i > t &&
          !kgr_is_word_byte((unsigned char)in[i - 1]) && kgr_url_starts(in + i, L->end - i)) {
        any = true;
        while (i < L->end && !token_space((unsigned char)in[i]))
          i++;
        break;
      }
      i++;
    }
  }
  if (any)
    L->flags |= KGR_LINE_URL;
  if (last_url)
    L->flags |= KGR_LINE_ENDS_URL;
  if (last_url && tokens == 1)
    L->flags |= KGR_LINE_URL_ONLY;
}

static void classify(const char *in, size_t len, kgr_line *L) {
  L->body = L->start;
  if (is_separator(in, len, L->start, L->end)) {
    L->flags |= KGR_LINE_SEP;
    return;
  }
  if (is_page_number(in, L->start, L->end))
    L->flags |= KGR_LINE_PAGENUM; /* a candidate: layout.c decides */
  classify_start(in, len, L);
  classify_urls(in, L);
}

bool kgr_line_is_page_number(const kgr_line *lines, size_t count, size_t i) {
  const kgr_line *L = &lines[i];
  if (!(L->flags & KGR_LINE_PAGENUM))
    return false;
  if (i == 0 || i + 1 == count || L->blank_before || (L->flags & KGR_LINE_PAGE))
    return true;
  const kgr_line *N = &lines[i + 1];
  return N->blank_before || (N->flags & KGR_LINE_PAGE);
}

/* --- Questions about a line, for the grouping ------------------------------ */

uint32_t kgr_layout_cp(const char *in, size_t len, size_t i, size_t *n) {
  uint32_t cp;
  int cls;
  size_t k = kgr_layout_char(in, len, i, &cp, &cls);
  if (n)
    *n = k;
  return cls == KGR_CH_SPACE ? ' ' : cp;
}

static bool is_closer(uint32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
         cp == 0xBB;
}

static bool is_terminal(uint32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }

bool kgr_line_ends_sentence(const char *in, size_t len, const kgr_line *L, const bool *defined) {
  size_t e = L->end, lo = L->body;
  /* A trailing marker: "[3]", "³", "injuries.3". */
  size_t d = e;
  while (d > lo && e - d < 4 && kgr_is_digit((unsigned char)in[d - 1]))
    d--;
  int num;
  if (e > lo && in[e - 1] == ']') {
    size_t b = e - 1;
    while (b > lo && e - b < 6 && kgr_is_digit((unsigned char)in[b - 1]))
      b--;
    if (b > lo && in[b - 1] == '[' && b < e - 1)
      e = b - 1;
  } else if (d < e && (d == lo || !kgr_is_digit((unsigned char)in[d - 1])) &&
             kgr_marker_at(in, L->start, L->end, d, defined, &num) == e) {
    e = d;
  } else {
    while (e > lo && L->end - e < 12) {
      size_t j = kgr_layout_prev(in, lo, e);
      if (kgr_sup_digit(kgr_layout_cp(in, len, j, NULL)) < 0)
        break;
      e = j;
    }
  }
  while (e > lo && L->end - e < 24) {
    size_t j = kgr_layout_prev(in, lo, e);
    uint32_t cp = kgr_layout_cp(in, len, j, NULL);
    if (is_closer(cp)) {
      e = j;
      continue;
    }
    return is_terminal(cp);
  }
  return false;
}

static bool heading_tag_is_section(const kgr_lex_entry *e) {
  return e && (strcmp(e->tag, "heading") == 0 || strcmp(e->tag, "signatories") == 0 ||
               strcmp(e->tag, "notes") == 0);
}

static bool lex_tag(const char *s, size_t n, const char *tag) {
  const kgr_lex_entry *e = kgr_lex_lookup(&kgr_lex_section_headings, s, n);
  return e && strcmp(e->tag, tag) == 0;
}

bool kgr_line_all_caps(const char *in, size_t len, size_t s, size_t e, size_t max) {
  if (e - s > max)
    return false;
  size_t upper = 0, run = 0;
  for (size_t i = s; i < e;) {
    size_t n;
    uint32_t cp = kgr_layout_cp(in, len, i, &n);
    if (kgr_is_lower(cp))
      return false;
    upper += kgr_is_upper(cp);
    run = (cp < 0x80 && kgr_is_digit((unsigned char)cp)) ? run + 1 : 0;
    if (run == 4)
      return false;
    i += n;
  }
  return upper >= 2;
}

int kgr_line_heading(const char *in, size_t len, const kgr_line *L) {
  size_t s = L->start, e = L->end;
  if (L->flags & KGR_LINE_ATX)
    return KGR_HEAD_ATX;
  if (e - s > 160 || L->list || L->fn)
    return KGR_HEAD_NONE;
  unsigned char last = (unsigned char)in[e - 1];
  if (last == '.' || last == ',' || last == ';')
    return KGR_HEAD_NONE;
  bool colon = last == ':';
  size_t te = colon ? e - 1 : e;
  while (te > s && (in[te - 1] == ' ' || in[te - 1] == '\t'))
    te--;
  if (te == s)
    return KGR_HEAD_NONE;

  /* Words; a colon line also needs each to be capitalised or a minor
   * word ("of", "by"), and no lead-in first word ("We"). */
  size_t words = 0;
  bool title_case = true, lead = false;
  for (size_t i = s; i < te;) {
    while (i < te && (in[i] == ' ' || in[i] == '\t'))
      i++;
    if (i >= te)
      break;
    size_t w = i;
    while (i < te && in[i] != ' ' && in[i] != '\t')
      i++;
    if (++words > 8)
      return KGR_HEAD_NONE;
    if (!colon || !title_case)
      continue;
    uint32_t cp = kgr_layout_cp(in, len, w, NULL);
    if (!kgr_is_upper(cp) && !lex_tag(in + w, i - w, "minor"))
      title_case = false;
    if (words == 1)
      lead = lex_tag(in + w, i - w, "lead");
  }

  if (te - s <= 48 &&
      heading_tag_is_section(kgr_lex_lookup(&kgr_lex_section_headings, in + s, te - s)))
    return KGR_HEAD_WORD;
  if (colon) {
    if (!kgr_is_upper(kgr_layout_cp(in, len, s, NULL)))
      return KGR_HEAD_NONE;
    const kgr_lex_entry *pre = NULL;
    if (kgr_lex_match(&kgr_lex_section_headings, in + s, te - s, 0, &pre) &&
        heading_tag_is_section(pre))
      return KGR_HEAD_COLON;
    if (words <= 5 && title_case && !lead)
      return KGR_HEAD_TITLED;
    return KGR_HEAD_NONE;
  }
  if (words >= 2 && kgr_line_all_caps(in, len, s, te, 160))
    return KGR_HEAD_CAPS;
  return KGR_HEAD_NONE;
}

/* --- The scan ------------------------------------------------------------ */

void kgr_lines_scan(kgr_doc *doc, kgr_arena *tmp, kgr_line_vec *lines) {
  const char *in = doc->input;
  size_t len = doc->input_len;
  check_binary(doc);

  bad_state st;
  memset(&st, 0, sizeof st);
  st.doc = doc;
  st.open = -1;

  /* Room for every line at once: no line can be stored without a line end
   * after it (or the input's end), and one block of the right size leaves
   * no outgrown copies behind; pages never written take no memory. */
  size_t ends = 1;
  static const char eol[] = "\n\r\f";
  for (const char *e = eol; *e; e++)
    for (const char *p = in; (p = memchr(p, *e, (size_t)(in + len - p))) != NULL; p++)
      ends++;
  if (lines->cap - lines->count < ends) {
    kgr_line *items = kgr_arena_alloc(tmp, (lines->count + ends) * sizeof *items);
    if (lines->count)
      memcpy(items, lines->items, lines->count * sizeof *items);
    lines->items = items;
    lines->cap = lines->count + ends;
  }

  size_t i = 0;
  if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
    i = 3; /* a byte order mark is no content */
  size_t cstart = SIZE_MAX, cend = 0;
  unsigned blanks = 0;
  bool page = false;

  for (;;) {
    size_t next = len; /* where the next line starts */
    if (i < len) {
      unsigned char c = (unsigned char)in[i];
      if (c > ' ' && c < 0x7F) { /* the common case: a run of printable ASCII */
        if (st.open >= 0)
          bad_flush(&st);
        if (cstart == SIZE_MAX)
          cstart = i;
        size_t run = i; /* spaces included, eight bytes at a time */
        while (i + 8 <= len && printable8(in + i))
          i += 8;
        while (i < len && (unsigned char)(in[i] - 0x20) < 0x5F)
          i++;
        cend = i;
        while (cend > run && in[cend - 1] == ' ') /* the run starts with a non-space */
          cend--;
        continue;
      }
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      if (c >= 0x80) {
        uint32_t cp;
        int cls;
        size_t n = kgr_layout_char(in, len, i, &cp, &cls);
        if (cp == 0xFFFD && n == 1) {
          bad_byte(&st, BAD_INVALID, i);
        } else {
          if (st.open >= 0)
            bad_flush(&st);
          if (cls == KGR_CH_TEXT) {
            if (cstart == SIZE_MAX)
              cstart = i;
            cend = i + n;
          }
        }
        i += n;
        continue;
      }
      if (c != '\n' && c != '\r' && c != '\f') {
        bad_byte(&st, bad_kind(c), i);
        i++;
        continue;
      }
      next = i + 1;
      if (c == '\r' && next < len && in[next] == '\n')
        next++;
    }
    /* The end of a line (or of the input). */
    if (st.open >= 0)
      bad_flush(&st);
    if (cstart == SIZE_MAX) {
      if (blanks < 255)
        blanks++;
    } else {
      kgr_line *L = KGR_VEC_PUSH(tmp, *lines);
      L->start = cstart;
      L->end = cend;
      L->block = SIZE_MAX;
      L->blank_before = (uint8_t)blanks;
      if (page)
        L->flags |= KGR_LINE_PAGE;
      classify(in, len, L);
      blanks = 0;
      page = false;
    }
    if (i >= len)
      break;
    if (in[i] == '\f')
      page = true;
    i = next;
    cstart = SIZE_MAX;
  }
  bad_finish(&st);
}
