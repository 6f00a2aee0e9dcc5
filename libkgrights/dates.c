/*
 * dates.c - the date recognizer: absolute and partial dates and ranges.
 *
 * A scan visits each word start once and tries the patterns there; every
 * pattern reads a bounded number of words forwards (and the lead check a
 * bounded number backwards), so the whole scan is linear. Month names and
 * the words around dates come from lex_months.tsv and lex_date_context.tsv.
 */
#include "dates.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "utf8.h"

#define NO_MATCH ((size_t)-1)
#define MAX_DAY_LIST 8 /* days in a list "5, 6, 7 and 8 October" */

/* --- Characters ----------------------------------------------------------- */

static uint32_t cp_at(const char *t, size_t len, size_t i, size_t *n) {
  uint32_t cp;
  size_t k = i < len ? kgr_utf8_decode(t + i, len - i, &cp) : 0;
  if (!k) {
    *n = 1;
    return 0xFFFD; /* invalid bytes are neither words nor spaces */
  }
  *n = k;
  return cp;
}

/* The code point that ends at t[i) (i > 0). */
static uint32_t cp_before(const char *t, size_t i, size_t *n) {
  size_t s = i - 1;
  while (s > 0 && i - s < 4 && ((unsigned char)t[s] & 0xC0) == 0x80)
    s--;
  uint32_t cp;
  size_t k = kgr_utf8_decode(t + s, i - s, &cp);
  if (!k || s + k != i) {
    *n = 1;
    return 0xFFFD;
  }
  *n = k;
  return cp;
}

static bool is_word_cp(uint32_t cp) {
  if (cp < 0x80)
    return kgr_is_digit((unsigned char)cp) || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp == 0xFFFD || cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
    return false;
  if (kgr_is_letter(cp))
    return true;
  /* punctuation, symbols and spaces of the BMP's general blocks */
  return !((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
           cp == 0xFEFF);
}

static bool is_space_cp(uint32_t cp) {
  return (cp < 0x80 && kgr_is_space((unsigned char)cp)) || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

static bool is_dash_cp(uint32_t cp) {
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

static size_t skip_spaces(const char *t, size_t len, size_t i) {
  while (i < len) {
    size_t n;
    if (!is_space_cp(cp_at(t, len, i, &n)))
      break;
    i += n;
  }
  return i;
}

static inline size_t word_end(const char *t, size_t len, size_t i) {
  while (i < len) {
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80) { /* most of the text, without decoding */
      if (!is_word_cp(c))
        break;
      i++;
      continue;
    }
    size_t n;
    if (!is_word_cp(cp_at(t, len, i, &n)))
      break;
    i += n;
  }
  return i;
}

static bool word_at(const char *t, size_t len, size_t i) {
  size_t n;
  return i < len && is_word_cp(cp_at(t, len, i, &n));
}

static bool digit_at(const char *t, size_t len, size_t i) {
  return i < len && kgr_is_digit((unsigned char)t[i]);
}

/* --- Words from the tables ------------------------------------------------ */

static bool tag_is(const kgr_lex_entry *e, const char *tag) {
  return e && strcmp(e->tag, tag) == 0;
}

/* The entry of lex_date_context at word start i, or NULL; *end past it. */
static const kgr_lex_entry *context_at(const char *t, size_t len, size_t i,
                                       size_t *end) {
  const kgr_lex_entry *e = NULL;
  size_t m = kgr_lex_match(&kgr_lex_date_context, t, len, i, &e);
  if (!m)
    return NULL;
  *end = i + m;
  return e;
}

/*
 * A month name at word start i: returns the month (0: none), sets *end
 * past it and *abbr. English names must be capitalised ("may", "march" are
 * verbs); an abbreviation's period is taken when a number follows.
 */
static int month_at(const char *t, size_t len, size_t i, size_t *end, bool *abbr) {
  if (i >= len)
    return 0;
  unsigned char c = (unsigned char)t[i];
  if (c < 0x80 && !(c >= 'A' && c <= 'Z'))
    return 0;
  const kgr_lex_entry *e = NULL;
  size_t m = kgr_lex_match(&kgr_lex_months, t, len, i, &e);
  if (!m || !e)
    return 0;
  int month = atoi(e->tag);
  if (month < 1 || month > 12)
    return 0;
  *abbr = e->extra[0] != '\0';
  *end = i + m;
  if (*abbr && *end < len && t[*end] == '.' &&
      digit_at(t, len, skip_spaces(t, len, *end + 1)))
    (*end)++;
  return month;
}

/* A run of 1 to `max` digits at i: its value, or -1. The run must end
 * there (a longer run is no match). */
static int digits_at(const char *t, size_t len, size_t i, int max, size_t *end,
                     int *ndigits) {
  int v = 0, n = 0;
  while (i < len && kgr_is_digit((unsigned char)t[i])) {
    if (n == max)
      return -1;
    v = v * 10 + (t[i] - '0');
    n++;
    i++;
  }
  if (!n)
    return -1;
  *end = i;
  *ndigits = n;
  return v;
}

/* A day number ("5", "05", "5th") at i, followed by a non-word character. */
static int day_at(const char *t, size_t len, size_t i, size_t *end) {
  int nd;
  size_t e;
  int d = digits_at(t, len, i, 2, &e, &nd);
  if (d < 1 || d > 31)
    return 0;
  if (e + 1 < len) {
    char a = (char)kgr_ascii_lower((unsigned char)t[e]);
    char b = (char)kgr_ascii_lower((unsigned char)t[e + 1]);
    if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
        (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
      if (!word_at(t, len, e + 2))
        e += 2;
  }
  if (word_at(t, len, e))
    return 0;
  *end = e;
  return d;
}

/* Is the word at i a noun for people ("2020 people" is no year)? */
static bool people_noun_at(const char *t, size_t len, size_t i) {
  const kgr_lex_entry *e = NULL;
  return kgr_lex_match(&kgr_lex_people_nouns, t, len, i, &e) > 0;
}

/* Does a digit follow a separator at i ("2020/15", "19.5", "1,200")? */
static bool number_goes_on(const char *t, size_t len, size_t i) {
  if (i + 1 >= len)
    return false;
  char c = t[i];
  return (c == '/' || c == '.' || c == ',' || c == '-' || c == ':') &&
         kgr_is_digit((unsigned char)t[i + 1]);
}

/*
 * A four-digit year at i, between lo and hi, that ends there and is not a
 * count of people. Takes a Russian "года"/"г." after it. Returns the year
 * or 0; *end past it.
 */
static int year_at(const char *t, size_t len, size_t i, int lo, int hi, size_t *end) {
  int nd = 0;
  size_t e;
  int y = digits_at(t, len, i, 4, &e, &nd);
  if (nd != 4 || y < lo || y > hi || word_at(t, len, e))
    return 0;
  /* "2020/15", "2020.5" go on as numbers; "2019-2020" is a range of years */
  if (number_goes_on(t, len, e)) {
    int n2 = 0;
    size_t e2;
    if (t[e] != '-' || digits_at(t, len, e + 1, 4, &e2, &n2) < 0 || n2 != 4)
      return 0;
  }
  size_t j = skip_spaces(t, len, e);
  if (word_at(t, len, j) && people_noun_at(t, len, j))
    return 0;
  size_t se = e;
  const kgr_lex_entry *s = word_at(t, len, j) ? context_at(t, len, j, &se) : NULL;
  if (tag_is(s, "year_suffix")) {
    e = se;
    if (e < len && t[e] == '.')
      e++;
  }
  *end = e;
  return y;
}

/*
 * A range separator at i (after optional spaces): a dash, "to", "until",
 * "through", or "and" when `allow_and`. Returns the position after it and
 * the spaces that follow, or NO_MATCH.
 */
static size_t range_sep(const char *t, size_t len, size_t i, bool allow_and) {
  size_t j = skip_spaces(t, len, i), n;
  uint32_t cp = cp_at(t, len, j, &n);
  if (j < len && is_dash_cp(cp))
    return skip_spaces(t, len, j + n);
  if (!word_at(t, len, j))
    return NO_MATCH;
  size_t e;
  const kgr_lex_entry *w = context_at(t, len, j, &e);
  if (!w)
    return NO_MATCH;
  bool ok = (tag_is(w, "range") && (allow_and || strcmp(w->extra, "and") != 0)) ||
            strcmp(w->extra, "until") == 0;
  return ok ? skip_spaces(t, len, e) : NO_MATCH;
}

/* --- Calendar ------------------------------------------------------------- */

int kgr_days_in_month(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12)
    return 0;
  if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
    return 29;
  return days[month - 1];
}

int kgr_month_from_name(const char *text, size_t len) {
  if (!text)
    return 0;
  if (len > 1 && text[len - 1] == '.')
    len--;
  const kgr_lex_entry *e = kgr_lex_lookup(&kgr_lex_months, text, len);
  return e ? atoi(e->tag) : 0;
}

static bool valid_ymd(kgr_ymd d) {
  if (d.month < 1 || d.month > 12)
    return false;
  return d.day == 0 || (d.day >= 1 && d.day <= kgr_days_in_month(d.year, d.month));
}

static int ymd_cmp(kgr_ymd a, kgr_ymd b) {
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.month != b.month)
    return a.month < b.month ? -1 : 1;
  return a.day < b.day ? -1 : a.day > b.day;
}

/* --- Context before a date ------------------------------------------------ */

/* Up to 4 words before i, nearest first, skipping spaces and hyphens
 * ("mid-October"). Returns how many. */
static int words_before(const char *t, size_t i, size_t ws[4], size_t *first_end) {
  int k = 0;
  size_t p = i;
  while (k < 4 && p > 0) {
    size_t n;
    while (p > 0) {
      uint32_t cp = cp_before(t, p, &n);
      if (!is_space_cp(cp) && !(k == 0 && cp == '-') && !(k == 0 && cp == '.'))
        break;
      p -= n;
    }
    size_t e = p;
    while (p > 0 && is_word_cp(cp_before(t, p, &n)))
      p -= n;
    if (p == e)
      break;
    if (k == 0)
      *first_end = e;
    ws[k++] = p;
  }
  return k;
}

typedef struct lead_info {
  const kgr_lex_entry *entry; /* the lead phrase nearest the date, or NULL */
  size_t start;
  kgr_day_part part;
  bool street;                /* "ул. 8 Марта" */
} lead_info;

/* The longest context phrase that ends exactly where the word before i
 * ends, starting up to 4 words back. */
static const kgr_lex_entry *phrase_before(const char *t, size_t len, size_t i,
                                          size_t *start) {
  size_t ws[4], first_end = 0;
  int k = words_before(t, i, ws, &first_end);
  for (int w = k - 1; w >= 0; w--) {
    size_t e;
    const kgr_lex_entry *ent = context_at(t, len, ws[w], &e);
    if (ent && e == first_end) {
      *start = ws[w];
      return ent;
    }
  }
  return NULL;
}

static lead_info lead_before(const char *t, size_t len, size_t i) {
  lead_info li = {NULL, i, KGR_DAY_PART_NONE, false};
  size_t s;
  const kgr_lex_entry *e = phrase_before(t, len, i, &s);
  if (!e)
    return li;
  if (tag_is(e, "street_before")) {
    li.street = true;
    return li;
  }
  if (tag_is(e, "daypart")) {
    static const char *const parts[] = {"", "morning", "afternoon", "evening", "night"};
    for (int p = 1; p < 5; p++)
      if (strcmp(e->extra, parts[p]) == 0)
        li.part = (kgr_day_part)p;
    li.start = s;
    /* "During the night of": the preposition before the part of the day */
    size_t s2;
    const kgr_lex_entry *e2 = phrase_before(t, len, s, &s2);
    if (e2 && (tag_is(e2, "year_prep") || tag_is(e2, "month_prep") || tag_is(e2, "lead"))) {
      li.entry = e2;
      li.start = s2;
    }
    return li;
  }
  if (tag_is(e, "year_prep") || tag_is(e, "month_prep") || tag_is(e, "lead")) {
    li.entry = e;
    li.start = s;
  }
  return li;
}

/* --- Patterns ------------------------------------------------------------- */

typedef struct parsed {
  kgr_ymd from, to;
  kgr_precision precision;
  bool year_written, numeric;
  size_t end;
} parsed;

/* Fill in the years of a range from whichever end wrote one. */
static void share_year(parsed *r) {
  if (r->from.year && !r->to.year) {
    r->to.year = r->from.year + (r->to.month < r->from.month ? 1 : 0);
  } else if (!r->from.year && r->to.year) {
    r->from.year = r->to.year - (r->from.month > r->to.month ? 1 : 0);
  }
}

static bool valid_range(const parsed *r) {
  if (!valid_ymd(r->from) || !valid_ymd(r->to))
    return false;
  if (r->from.year || r->to.year)
    return ymd_cmp(r->from, r->to) <= 0;
  /* no year: a later month or the same month and a later day */
  return r->from.month < r->to.month ||
         (r->from.month == r->to.month && r->from.day <= r->to.day);
}

/* An optional year after a day and month: "[,] 2020". */
static int year_after(const char *t, size_t len, size_t p, size_t *end) {
  size_t j = skip_spaces(t, len, p);
  if (j < len && t[j] == ',')
    j = skip_spaces(t, len, j + 1);
  return year_at(t, len, j, 1000, 2999, end);
}

/* "D Month [YYYY]" at i, with an optional "of" ("9th of October"). */
static bool day_month_at(const char *t, size_t len, size_t i, kgr_ymd *d, size_t *end) {
  size_t e, me;
  bool abbr;
  int day = day_at(t, len, i, &e);
  if (!day)
    return false;
  size_t j = skip_spaces(t, len, e);
  if (j + 2 < len && kgr_ascii_lower((unsigned char)t[j]) == 'o' &&
      kgr_ascii_lower((unsigned char)t[j + 1]) == 'f' && !word_at(t, len, j + 2))
    j = skip_spaces(t, len, j + 2);
  int m = month_at(t, len, j, &me, &abbr);
  if (!m)
    return false;
  d->year = 0;
  d->month = m;
  d->day = day;
  *end = me;
  size_t ye;
  int y = year_after(t, len, me, &ye);
  if (y) {
    d->year = y;
    *end = ye;
  }
  return true;
}

/* A capitalised street word after p ("4 October Street"). */
static bool street_after(const char *t, size_t len, size_t p) {
  size_t j = skip_spaces(t, len, p), e;
  if (j >= len || !(t[j] >= 'A' && t[j] <= 'Z'))
    return false;
  return tag_is(context_at(t, len, j, &e), "street");
}

/* Outcome of a pattern: no match, a date, or words that look like a date
 * but are none ("31 April", "4 October Street"): skipped whole, so that no
 * part of them ("April") is read as a date either. */
typedef enum { P_NONE = 0, P_DATE, P_VETO } outcome;

static outcome day_first(const char *t, size_t len, size_t i, bool between, parsed *r) {
  kgr_ymd d;
  size_t e;
  if (day_month_at(t, len, i, &d, &e)) {
    r->from = r->to = d;
    r->end = e;
    /* "5 October - 6 October", "30 September - 2 October 2020" */
    size_t k = range_sep(t, len, e, between);
    kgr_ymd d2;
    size_t e2;
    if (k != NO_MATCH && day_month_at(t, len, k, &d2, &e2)) {
      parsed rr = *r;
      rr.to = d2;
      share_year(&rr);
      if (valid_range(&rr)) {
        rr.end = e2;
        *r = rr;
      }
    }
  } else {
    /* "5-6 October [2020]", "5 and 6 October", "from 5 to 7 October",
     * and lists "5, 6 and 7 October" (from the first day to the last) */
    size_t de;
    int d1 = day_at(t, len, i, &de), last = d1;
    if (!d1)
      return P_NONE;
    size_t k = NO_MATCH;
    for (int items = 0; items < MAX_DAY_LIST; items++) {
      size_t c = skip_spaces(t, len, de);
      bool comma = c < len && t[c] == ',';
      if (comma) {
        k = skip_spaces(t, len, c + 1);
        size_t ae;
        const kgr_lex_entry *w = word_at(t, len, k) ? context_at(t, len, k, &ae) : NULL;
        if (w && tag_is(w, "range") && strcmp(w->extra, "and") == 0)
          k = skip_spaces(t, len, ae);
      } else {
        k = range_sep(t, len, de, true);
      }
      if (k == NO_MATCH)
        return P_NONE;
      if (day_month_at(t, len, k, &d, &e))
        break;
      /* a day in the middle of a list follows a comma */
      size_t ne;
      int dn = comma ? day_at(t, len, k, &ne) : 0;
      if (!dn || dn <= last)
        return P_NONE;
      last = dn;
      de = ne;
      k = NO_MATCH;
    }
    if (k == NO_MATCH)
      return P_NONE;
    if (d.day <= last) {
      r->end = e;
      return P_VETO;
    }
    r->to = d;
    r->from = d;
    r->from.day = d1;
    r->end = e;
  }
  r->year_written = r->from.year != 0;
  r->precision = KGR_PRECISION_DAY;
  if (!valid_range(r) || street_after(t, len, r->end))
    return P_VETO;
  return P_DATE;
}

static outcome month_first(const char *t, size_t len, size_t i, const lead_info *li,
                           bool after_month, parsed *r) {
  size_t me;
  bool abbr;
  int m = month_at(t, len, i, &me, &abbr);
  if (!m)
    return P_NONE;
  bool between = li->entry && strcmp(li->entry->extra, "between") == 0;
  size_t j = skip_spaces(t, len, me), de;
  int d1 = day_at(t, len, j, &de);
  if (d1) {
    /* "October 5", "October 5-6, 2020", "October 30 - November 2, 2020" */
    r->from = r->to = (kgr_ymd){0, m, d1};
    r->end = de;
    size_t k = range_sep(t, len, de, true), e2;
    if (k != NO_MATCH) {
      int d2 = day_at(t, len, k, &e2);
      size_t me2;
      bool ab2;
      int m2 = d2 ? 0 : month_at(t, len, k, &me2, &ab2);
      if (m2)
        d2 = day_at(t, len, skip_spaces(t, len, me2), &e2);
      if (d2 && (m2 || d2 > d1)) {
        r->to = (kgr_ymd){0, m2 ? m2 : m, d2};
        r->end = e2;
      }
    }
    size_t ye;
    int y = year_after(t, len, r->end, &ye);
    if (y) {
      r->from.year = r->to.year = y;
      if (r->from.month > r->to.month)
        r->from.year--;
      r->end = ye;
    }
    r->precision = KGR_PRECISION_DAY;
  } else {
    size_t ye;
    int y = year_at(t, len, j, 1000, 2999, &ye);
    if (y) {
      /* "June 2020" */
      r->from = r->to = (kgr_ymd){y, m, 0};
      r->end = ye;
    } else {
      /* "in June", "early October", "in July and August" */
      bool led = li->entry && (tag_is(li->entry, "year_prep") || tag_is(li->entry, "month_prep"));
      if (abbr || (!led && !after_month))
        return P_NONE;
      r->from = r->to = (kgr_ymd){0, m, 0};
      r->end = me;
    }
    /* "June - August 2020", "between May and July" */
    size_t k = range_sep(t, len, r->end, between), me2;
    bool ab2;
    int m2 = k != NO_MATCH ? month_at(t, len, k, &me2, &ab2) : 0;
    if (m2) {
      parsed rr = *r;
      rr.to = (kgr_ymd){0, m2, 0};
      rr.end = me2;
      int y2 = year_at(t, len, skip_spaces(t, len, me2), 1000, 2999, &ye);
      if (y2) {
        rr.to.year = y2;
        rr.end = ye;
      }
      share_year(&rr);
      if (valid_range(&rr))
        *r = rr;
    }
    r->precision = KGR_PRECISION_MONTH;
  }
  r->year_written = r->from.year != 0;
  if (!valid_range(r) || street_after(t, len, r->end))
    return P_VETO;
  return P_DATE;
}

/* "2020-10-09" */
static bool iso_date(const char *t, size_t len, size_t i, parsed *r) {
  size_t e1, e2, e3;
  int n1, n2, n3;
  int y = digits_at(t, len, i, 4, &e1, &n1);
  if (y < 0 || n1 != 4 || e1 >= len || t[e1] != '-')
    return false;
  int m = digits_at(t, len, e1 + 1, 2, &e2, &n2);
  if (m < 0 || e2 >= len || t[e2] != '-')
    return false;
  int d = digits_at(t, len, e2 + 1, 2, &e3, &n3);
  if (d < 0 || (word_at(t, len, e3) && !(t[e3] == 'T' && digit_at(t, len, e3 + 1))) ||
      number_goes_on(t, len, e3))
    return false;
  r->from = r->to = (kgr_ymd){y, m, d};
  r->end = e3;
  return true;
}

/* "09.10.2020" (day first), "10/09/2020" (month first unless over 12). */
static bool dotted_date(const char *t, size_t len, size_t i, parsed *r) {
  if (i > 0) {
    char p = t[i - 1];
    if (p == '.' || p == ',' || p == '/' || p == '-' || p == '+' || p == ':')
      return false;
    /* "+996 312 12.10.2020" is a telephone number */
    size_t k = i;
    while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
      k--;
    if (k < i && k > 0 && kgr_is_digit((unsigned char)t[k - 1]))
      return false;
  }
  size_t e1, e2, e3;
  int n1, n2, n3;
  int a = digits_at(t, len, i, 2, &e1, &n1);
  if (a < 0 || e1 >= len || (t[e1] != '.' && t[e1] != '/'))
    return false;
  char sep = t[e1];
  int b = digits_at(t, len, e1 + 1, 2, &e2, &n2);
  if (b < 0 || e2 >= len || t[e2] != sep)
    return false;
  int y = digits_at(t, len, e2 + 1, 4, &e3, &n3);
  if (y < 0 || n3 != 4 || word_at(t, len, e3) || number_goes_on(t, len, e3))
    return false;
  int day = a, month = b;
  if (sep == '/' && a <= 12) {
    day = b;
    month = a;
  }
  r->from = r->to = (kgr_ymd){y, month, day};
  r->end = e3;
  size_t j = skip_spaces(t, len, e3), se;
  if (word_at(t, len, j) && tag_is(context_at(t, len, j, &se), "year_suffix"))
    r->end = se < len && t[se] == '.' ? se + 1 : se;
  return true;
}

/* "in 2019", "since 2019-2020" */
static bool bare_year(const char *t, size_t len, size_t i, const lead_info *li, parsed *r) {
  if (!li->entry || !tag_is(li->entry, "year_prep"))
    return false;
  size_t e;
  int y = year_at(t, len, i, 1900, 2100, &e);
  if (!y)
    return false;
  r->from = r->to = (kgr_ymd){y, 0, 0};
  r->end = e;
  size_t k = range_sep(t, len, e, false), e2 = e;
  int y2 = k != NO_MATCH ? year_at(t, len, k, 1900, 2100, &e2) : 0;
  if (y2 > y) {
    r->to.year = y2;
    r->end = e2;
  }
  r->precision = KGR_PRECISION_YEAR;
  r->year_written = true;
  return true;
}

/* --- The scan ------------------------------------------------------------- */

typedef struct prev_hit {
  bool month;  /* the last hit was a bare month */
  size_t end;
} prev_hit;

/* Is text[from, to) just "and", "or", a comma or a dash between spaces? */
static bool joins_months(const char *t, size_t len, size_t from, size_t to) {
  if (to < from || to - from > 8)
    return false;
  size_t i = skip_spaces(t, len, from), n;
  if (i >= to)
    return false;
  uint32_t cp = cp_at(t, len, i, &n);
  if (cp == ',' || is_dash_cp(cp)) {
    i += n;
  } else {
    size_t e = word_end(t, len, i);
    if (!(kgr_ascii_ieq(t + i, e - i, "and") || kgr_ascii_ieq(t + i, e - i, "or")))
      return false;
    i = e;
  }
  return skip_spaces(t, len, i) == to;
}

/* The date starting at word start i: returns its end (0: none) and sets
 * *is_date (false: words to skip, see outcome). */
static size_t date_at(const char *t, size_t len, size_t i, const prev_hit *prev,
                      kgr_date_hit *hit, bool *is_date) {
  parsed r;
  memset(&r, 0, sizeof r);
  outcome ok = P_NONE;
  *is_date = false;
  lead_info li;
  bool have_lead = false;
  if (kgr_is_digit((unsigned char)t[i])) {
    /* "COVID-19 October" is not a day; "5-6 October" is read from "5" */
    if (i > 1 && is_dash_cp((unsigned char)t[i - 1]) && word_at(t, len, i - 2) &&
        !digit_at(t, len, i - 2))
      return 0;
    if (iso_date(t, len, i, &r) || dotted_date(t, len, i, &r)) {
      r.numeric = true;
      r.precision = KGR_PRECISION_DAY;
      r.year_written = true;
      ok = valid_ymd(r.from) ? P_DATE : P_VETO;
    } else {
      /* neither a day nor a year: no date, whatever the words before */
      size_t de;
      int nd = 0;
      if (!day_at(t, len, i, &de) && !(digits_at(t, len, i, 4, &de, &nd) >= 0 && nd == 4))
        return 0;
      li = lead_before(t, len, i);
      have_lead = true;
      bool between = li.entry && strcmp(li.entry->extra, "between") == 0;
      ok = day_first(t, len, i, between, &r);
      if (ok == P_NONE && bare_year(t, len, i, &li, &r))
        ok = P_DATE;
    }
  } else {
    size_t me;
    bool abbr;
    if (!month_at(t, len, i, &me, &abbr))
      return 0;
    li = lead_before(t, len, i);
    have_lead = true;
    ok = month_first(t, len, i, &li, prev->month && joins_months(t, len, prev->end, i), &r);
  }
  if (ok == P_NONE)
    return 0;
  if (!have_lead)
    li = lead_before(t, len, i);
  if (ok == P_VETO || li.street)
    return r.end > i ? r.end : 0;
  *is_date = true;
  hit->start = i;
  hit->end = r.end;
  hit->from = r.from;
  hit->to = r.to;
  hit->precision = r.precision;
  hit->year_written = r.year_written;
  hit->numeric = r.numeric;
  hit->lead_start = li.start;
  hit->lead = li.entry && li.entry->extra[0] ? li.entry->extra : NULL;
  hit->part = li.part;
  return r.end;
}

/* Called on every date; returns false to stop the scan. */
typedef bool (*date_fn)(void *ctx, const kgr_date_hit *hit);

/* May a date start with the byte c: a digit or a month name, which is
 * capitalised in English? */
static bool may_start_date(unsigned char c) {
  return kgr_is_digit(c) || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* The scan at word start i (where a date may start): where it goes on
 * after a date (given to fn) or words that only look like one, or 0 when
 * none starts there. Sets *stop when fn says so. */
static size_t date_step(const char *t, size_t len, size_t i, prev_hit *prev, date_fn fn,
                        void *ctx, bool *stop) {
  kgr_date_hit h;
  memset(&h, 0, sizeof h);
  bool is_date = false;
  size_t e = date_at(t, len, i, prev, &h, &is_date);
  if (e && !is_date) {
    prev->month = false;
    return e;
  }
  if (e) {
    *stop = !fn(ctx, &h);
    prev->month = h.precision == KGR_PRECISION_MONTH && h.from.day == 0;
    prev->end = e;
  }
  return e;
}

static void scan(const char *t, size_t len, date_fn fn, void *ctx) {
  prev_hit prev = {false, 0};
  bool stop = false;
  size_t i = 0;
  while (i < len && !stop) {
    size_t n;
    if (!is_word_cp(cp_at(t, len, i, &n))) {
      i += n;
      continue;
    }
    size_t e =
        may_start_date((unsigned char)t[i]) ? date_step(t, len, i, &prev, fn, ctx, &stop) : 0;
    i = e ? e : word_end(t, len, i);
  }
}

typedef struct find_ctx {
  kgr_arena *a;
  kgr_date_hit_vec *hits;
} find_ctx;

static bool push_hit(void *ctx, const kgr_date_hit *hit) {
  find_ctx *f = ctx;
  *KGR_VEC_PUSH(f->a, *f->hits) = *hit;
  return true;
}

void kgr_dates_find(kgr_arena *a, const char *text, size_t len,
                    kgr_date_hit_vec *hits) {
  if (!text || !hits)
    return;
  find_ctx f = {a, hits};
  scan(text, len, push_hit, &f);
}

/* --- Relative dates ------------------------------------------------------- */

/* "day:-1", "week:0": the kind and count of a relative entry's extra. */
static kgr_rel_kind rel_of(const char *extra, int *n) {
  static const struct {
    const char *name;
    kgr_rel_kind kind;
  } kinds[] = {{"day", KGR_REL_DAY},   {"night", KGR_REL_NIGHT}, {"week", KGR_REL_WEEK},
               {"month", KGR_REL_MONTH}, {"year", KGR_REL_YEAR}};
  const char *colon = strchr(extra, ':');
  if (!colon)
    return KGR_REL_NONE;
  for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
    if (strlen(kinds[k].name) == (size_t)(colon - extra) &&
        memcmp(extra, kinds[k].name, (size_t)(colon - extra)) == 0) {
      *n = atoi(colon + 1);
      return kinds[k].kind;
    }
  return KGR_REL_NONE;
}

/* Does an absolute date follow the weekday that ends at e ("Monday, 5
 * October", "Wednesday (3 March)")? */
static bool labels_date(const char *t, size_t len, size_t e) {
  size_t j = skip_spaces(t, len, e), me;
  bool abbr;
  if (j < len && (t[j] == ',' || t[j] == '('))
    j = skip_spaces(t, len, j + 1);
  return digit_at(t, len, j) || month_at(t, len, j, &me, &abbr) != 0;
}

/* May a relative date or a weekday (lex_date_context.tsv) start with the
 * byte c? Words that start otherwise need no look-up (test_dates reads
 * every such entry of the table back). */
static bool may_start_relative(unsigned char c) {
  if (c >= 0x80)
    return true;
  switch (c | 0x20) {
  case 'e': /* "earlier this week" */
  case 'f':
  case 'l': /* "last night", "late last night" */
  case 'm':
  case 's':
  case 't': /* "today", "this morning", "the day before yesterday" */
  case 'w':
  case 'y': return true;
  default: return false;
  }
}

/* The relative scan at word start i (where one may start): the end of
 * the relative date found there (appended to hits), or 0. */
static size_t relative_step(kgr_arena *a, const char *t, size_t len, size_t i,
                            kgr_date_hit_vec *hits) {
  size_t e;
  const kgr_lex_entry *w = context_at(t, len, i, &e);
  kgr_date_hit h;
  memset(&h, 0, sizeof h);
  if (w && tag_is(w, "relative")) {
    h.rel = rel_of(w->extra, &h.rel_n);
    h.lead_start = i;
  } else if (w && tag_is(w, "weekday") && w->extra[0] &&
             !((unsigned char)t[i] < 0x80 && !(t[i] >= 'A' && t[i] <= 'Z')) &&
             !labels_date(t, len, e)) {
    /* "on Monday", "last Friday": a weekday needs its preposition */
    lead_info li = lead_before(t, len, i);
    if (li.entry) {
      h.rel = KGR_REL_WEEKDAY;
      h.rel_n = atoi(w->extra);
      h.lead_start = li.start;
      h.lead = li.entry->extra[0] ? li.entry->extra : NULL;
      /* "on Thursday evening" */
      size_t j = skip_spaces(t, len, e), pe;
      const kgr_lex_entry *p = word_at(t, len, j) ? context_at(t, len, j, &pe) : NULL;
      if (tag_is(p, "part_after"))
        e = pe;
    }
  }
  if (h.rel == KGR_REL_NONE)
    return 0;
  h.start = i;
  h.end = e;
  h.precision = h.rel == KGR_REL_MONTH  ? KGR_PRECISION_MONTH
                : h.rel == KGR_REL_YEAR ? KGR_PRECISION_YEAR
                                        : KGR_PRECISION_DAY;
  *KGR_VEC_PUSH(a, *hits) = h;
  return e;
}

void kgr_relative_dates_find(kgr_arena *a, const char *t, size_t len,
                             kgr_date_hit_vec *hits) {
  if (!t || !hits)
    return;
  size_t i = 0;
  while (i < len) {
    size_t n;
    if (!is_word_cp(cp_at(t, len, i, &n))) {
      i += n;
      continue;
    }
    size_t e = may_start_relative((unsigned char)t[i]) ? relative_step(a, t, len, i, hits) : 0;
    i = e ? e : word_end(t, len, i);
  }
}

void kgr_dates_find_all(kgr_arena *a, const char *t, size_t len, kgr_date_hit_vec *hits,
                        kgr_date_hit_vec *relative) {
  if (!t || !hits || !relative)
    return;
  find_ctx f = {a, hits};
  prev_hit prev = {false, 0};
  bool stop = false; /* push_hit never stops */
  /* Each scan goes on from its own position; while they stand at the
   * same one (most of the time), they share the walk over the words. */
  size_t ia = 0, ir = 0;
  while (ia < len || ir < len) {
    size_t i = ia < ir ? ia : ir, n;
    if (!is_word_cp(cp_at(t, len, i, &n))) {
      if (ia == i)
        ia += n;
      if (ir == i)
        ir += n;
      continue;
    }
    unsigned char c = (unsigned char)t[i];
    size_t ea = ia == i && may_start_date(c) ? date_step(t, len, i, &prev, push_hit, &f, &stop) : 0;
    size_t er = ir == i && may_start_relative(c) ? relative_step(a, t, len, i, relative) : 0;
    size_t we = (ia == i && !ea) || (ir == i && !er) ? word_end(t, len, i) : 0;
    if (ia == i)
      ia = ea ? ea : we;
    if (ir == i)
      ir = er ? er : we;
  }
}

kgr_ymd kgr_ymd_add_days(kgr_ymd d, int days) {
  for (; days > 0; days--) {
    if (++d.day > kgr_days_in_month(d.year, d.month)) {
      d.day = 1;
      if (++d.month > 12) {
        d.month = 1;
        if (d.year)
          d.year++;
      }
    }
  }
  for (; days < 0; days++) {
    if (--d.day < 1) {
      if (--d.month < 1) {
        d.month = 12;
        if (d.year)
          d.year--;
      }
      d.day = kgr_days_in_month(d.year, d.month);
    }
  }
  return d;
}

/* 1 (Monday) to 7 (Sunday), Gregorian. */
static int weekday_of(kgr_ymd d) {
  static const int off[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int y = d.year - (d.month < 3);
  int w = (y + y / 4 - y / 100 + y / 400 + off[d.month - 1] + d.day) % 7; /* 0 Sunday */
  return w == 0 ? 7 : w;
}

/* Relative counts this far from the reference are no relative dates. */
#define REL_MAX 12

bool kgr_relative_resolve(const kgr_date_hit *h, kgr_ymd ref, kgr_ymd *from, kgr_ymd *to,
                          kgr_precision *precision) {
  if (!h || h->rel == KGR_REL_NONE || ref.year < 1 || !valid_ymd(ref) || ref.day == 0 ||
      h->rel_n < -REL_MAX || h->rel_n > REL_MAX)
    return false;
  kgr_ymd f = {0, 0, 0}, l = {0, 0, 0}; /* every case below sets both */
  kgr_precision p = KGR_PRECISION_DAY;
  switch (h->rel) {
  case KGR_REL_DAY: f = l = kgr_ymd_add_days(ref, h->rel_n); break;
  case KGR_REL_NIGHT:
    f = kgr_ymd_add_days(ref, h->rel_n);
    l = kgr_ymd_add_days(f, 1);
    break;
  case KGR_REL_WEEKDAY:
    if (h->rel_n < 1 || h->rel_n > 7)
      return false;
    f = l = kgr_ymd_add_days(ref, -((weekday_of(ref) - h->rel_n + 7) % 7));
    break;
  case KGR_REL_WEEK: {
    kgr_ymd monday = kgr_ymd_add_days(ref, 1 - weekday_of(ref));
    f = kgr_ymd_add_days(monday, 7 * h->rel_n);
    l = h->rel_n < 0 ? kgr_ymd_add_days(f, 6) : ref;
    break;
  }
  case KGR_REL_MONTH: {
    int m = ref.year * 12 + (ref.month - 1) + h->rel_n;
    f = (kgr_ymd){m / 12, m % 12 + 1, 1};
    l = f;
    l.day = kgr_days_in_month(l.year, l.month);
    p = KGR_PRECISION_MONTH;
    break;
  }
  case KGR_REL_YEAR:
    f = (kgr_ymd){ref.year + h->rel_n, 1, 1};
    l = (kgr_ymd){ref.year + h->rel_n, 12, 31};
    p = KGR_PRECISION_YEAR;
    break;
  default: return false;
  }
  *from = f;
  *to = l;
  *precision = p;
  return true;
}

/* --- Date lines ----------------------------------------------------------- */

typedef struct line_ctx {
  kgr_date_hit first;
  size_t count;
} line_ctx;

static bool keep_first(void *ctx, const kgr_date_hit *hit) {
  line_ctx *l = ctx;
  if (l->count++ == 0)
    l->first = *hit;
  return l->count < 2;
}

/* Is t[s, e) a place name: 1 to 5 capitalised words, no digits? */
static bool place_words(const char *t, size_t len, size_t s, size_t e) {
  int words = 0;
  size_t i = s;
  while (i < e) {
    size_t n;
    uint32_t cp = cp_at(t, len, i, &n);
    if (is_space_cp(cp) || cp == '-' || cp == '\'' || cp == 0x2019 || cp == '.' ||
        cp == '/' || cp == '(' || cp == ')') {
      i += n;
      continue;
    }
    if (!is_word_cp(cp) || kgr_is_digit((unsigned char)t[i]))
      return false;
    if (!kgr_utf8_starts_upper(t + i, e - i) || ++words > 5)
      return false;
    size_t we = word_end(t, len, i);
    for (size_t k = i; k < we; k++)
      if (kgr_is_digit((unsigned char)t[k]))
        return false;
    i = we;
  }
  return words > 0;
}

/* Is t[s, e) a weekday, optionally followed by a period? */
static bool weekday_words(const char *t, size_t len, size_t s, size_t e) {
  size_t we;
  const kgr_lex_entry *w = word_at(t, len, s) ? context_at(t, len, s, &we) : NULL;
  if (!tag_is(w, "weekday"))
    return false;
  if (we < e && t[we] == '.')
    we++;
  return we <= e && skip_spaces(t, e, we) == e;
}

/* What may stand before the date of a date line: "Date:", "Bishkek,",
 * "Friday,", "Bishkek, Friday". */
static bool date_line_prefix(const char *t, size_t len, size_t s, size_t e) {
  s = skip_spaces(t, len, s);
  size_t le;
  if (s < e && word_at(t, len, s) && tag_is(context_at(t, len, s, &le), "label")) {
    s = skip_spaces(t, len, le);
    if (s < e && (t[s] == ':' || t[s] == '-'))
      s = skip_spaces(t, len, s + 1);
  }
  int pieces = 0;
  while (s < e) {
    size_t c = s;
    while (c < e && t[c] != ',')
      c++;
    size_t pe = c; /* piece [s, pe), trimmed at the end */
    while (pe > s && kgr_is_space((unsigned char)t[pe - 1]))
      pe--;
    bool last = c >= e;
    if (++pieces > 3)
      return false;
    if (!weekday_words(t, len, s, pe) && (last || !place_words(t, len, s, pe)))
      return false;
    s = last ? e : skip_spaces(t, len, c + 1);
  }
  return true;
}

bool kgr_date_line(const char *text, size_t len, kgr_ymd *out) {
  if (!text || len > 200)
    return false;
  size_t s = skip_spaces(text, len, 0), e = len;
  while (e > s && (kgr_is_space((unsigned char)text[e - 1]) || text[e - 1] == '.'))
    e--;
  /* a non-breaking space at the end */
  while (e >= s + 2 && (unsigned char)text[e - 2] == 0xC2 && (unsigned char)text[e - 1] == 0xA0)
    e -= 2;
  if (e <= s)
    return false;
  line_ctx l;
  memset(&l, 0, sizeof l);
  scan(text, e, keep_first, &l);
  if (l.count != 1 || l.first.end != e || l.first.precision != KGR_PRECISION_DAY ||
      !l.first.year_written || ymd_cmp(l.first.from, l.first.to) != 0)
    return false;
  if (!date_line_prefix(text, e, s, l.first.start))
    return false;
  if (out)
    *out = l.first.from;
  return true;
}
