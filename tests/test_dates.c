/*
 * test_dates.c - the date recognizer: full and partial dates, ranges,
 * precision, the words before a date, hard negatives, date lines,
 * relative dates ("yesterday", "on Monday", "last week") and linear time.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <time.h>

#include "dates.h"
#include "lexicon.h"
#include "kgr_test_internal.h"

static kgr_date_hit_vec find(void **state, const char *s) {
  kgr_date_hit_vec v = {0};
  kgr_dates_find(*state, s, strlen(s), &v);
  return v;
}

/* The text of a hit must be `want`. */
static void expect_text(const char *s, size_t start, size_t end, const char *want) {
  size_t n = strlen(want);
  if (end < start || end - start != n || memcmp(s + start, want, n) != 0)
    fail_msg("span [%zu, %zu) is \"%.*s\", want \"%s\"", start, end,
             (int)(end >= start ? end - start : 0), s + start, want);
}

/* The only date in s: its text, from and to (y-m-d), precision. */
static kgr_date_hit one(void **state, const char *s, const char *text, int y1, int m1,
                        int d1, int y2, int m2, int d2, kgr_precision p) {
  kgr_date_hit_vec v = find(state, s);
  if (v.count != 1)
    fail_msg("\"%s\": %zu dates, want 1", s, v.count);
  kgr_date_hit h = v.items[0];
  expect_text(s, h.start, h.end, text);
  if (h.from.year != y1 || h.from.month != m1 || h.from.day != d1 || h.to.year != y2 ||
      h.to.month != m2 || h.to.day != d2 || h.precision != p)
    fail_msg("\"%s\": %d-%d-%d .. %d-%d-%d precision %d; want %d-%d-%d .. %d-%d-%d "
             "precision %d", s, h.from.year, h.from.month, h.from.day, h.to.year,
             h.to.month, h.to.day, (int)h.precision, y1, m1, d1, y2, m2, d2, (int)p);
  return h;
}

static void none(void **state, const char *s) {
  kgr_date_hit_vec v = find(state, s);
  if (v.count)
    fail_msg("\"%s\": found \"%.*s\", want no date", s,
             (int)(v.items[0].end - v.items[0].start), s + v.items[0].start);
}

#define DAY KGR_PRECISION_DAY
#define MONTH KGR_PRECISION_MONTH
#define YEAR KGR_PRECISION_YEAR

static void test_full_dates(void **state) {
  kgr_date_hit h;
  h = one(state, "The vote of 9 October 2020 was annulled.", "9 October 2020",
          2020, 10, 9, 2020, 10, 9, DAY);
  assert_true(h.year_written);
  assert_false(h.numeric);
  one(state, "Signed on October 9, 2020 in Geneva.", "October 9, 2020", 2020, 10, 9, 2020, 10,
      9, DAY);
  one(state, "Oct. 9, 2020", "Oct. 9, 2020", 2020, 10, 9, 2020, 10, 9, DAY);
  one(state, "the 9th of October 2020", "9th of October 2020", 2020, 10, 9, 2020, 10, 9, DAY);
  one(state, "Sept 21 2019", "Sept 21 2019", 2019, 9, 21, 2019, 9, 21, DAY);
  one(state, "on 5 October, 2020 as well", "5 October, 2020", 2020, 10, 5, 2020, 10, 5, DAY);
  one(state, "9 октября 2020 года в Бишкеке", "9 октября 2020 года", 2020, 10, 9, 2020, 10,
      9, DAY);
  one(state, "с 1 марта 2021 г. закон", "1 марта 2021 г.", 2021, 3, 1, 2021, 3, 1, DAY);
}

static void test_numeric_dates(void **state) {
  kgr_date_hit h = one(state, "Published 09.10.2020 in Bishkek", "09.10.2020", 2020, 10, 9,
                       2020, 10, 9, DAY);
  assert_true(h.numeric);
  assert_true(h.year_written);
  one(state, "(2020-10-09)", "2020-10-09", 2020, 10, 9, 2020, 10, 9, DAY);
  /* slashes: month first unless the first number is over 12 */
  one(state, "on 10/09/2020", "10/09/2020", 2020, 10, 9, 2020, 10, 9, DAY);
  one(state, "on 25/09/2020", "25/09/2020", 2020, 9, 25, 2020, 9, 25, DAY);
  none(state, "on 31.04.2020");      /* 31 April */
  none(state, "version 1.2.10.2020"); /* part of a longer dotted number */
  none(state, "on 12.10.20");        /* two-digit years are not read */
}

static void test_partial_dates(void **state) {
  kgr_date_hit h;
  h = one(state, "Protests began on 5 October.", "5 October", 0, 10, 5, 0, 10, 5, DAY);
  assert_false(h.year_written);
  assert_string_equal(h.lead, "on");
  expect_text("Protests began on 5 October.", h.lead_start, h.end, "on 5 October");
  one(state, "By October 5 it was over.", "October 5", 0, 10, 5, 0, 10, 5, DAY);
  one(state, "since 13 September", "13 September", 0, 9, 13, 0, 9, 13, DAY);
  h = one(state, "Several were detained in June.", "June", 0, 6, 0, 0, 6, 0, MONTH);
  assert_string_equal(h.lead, "in");
  h = one(state, "Arrests in June 2020 followed.", "June 2020", 2020, 6, 0, 2020, 6, 0, MONTH);
  assert_true(h.year_written);
  one(state, "The law adopted in early October", "October", 0, 10, 0, 0, 10, 0, MONTH);
  one(state, "In mid-October the talks resumed", "October", 0, 10, 0, 0, 10, 0, MONTH);
  h = one(state, "The group was founded in 2019.", "2019", 2019, 0, 0, 2019, 0, 0, YEAR);
  assert_true(h.year_written);
  one(state, "arrests since 2014 have grown", "2014", 2014, 0, 0, 2014, 0, 0, YEAR);
  one(state, "In 2020 police cracked down", "2020", 2020, 0, 0, 2020, 0, 0, YEAR);
  one(state, "in 2019-2020 the courts", "2019-2020", 2019, 0, 0, 2020, 0, 0, YEAR);
  one(state, "в октябре 2020 года", "октябре 2020 года", 2020, 10, 0, 2020, 10, 0, MONTH);
  one(state, "в октябре", "октябре", 0, 10, 0, 0, 10, 0, MONTH);
  one(state, "from October 2020 to January 2021", "October 2020 to January 2021", 2020, 10, 0,
      2021, 1, 0, MONTH);
}

static void test_ranges(void **state) {
  one(state, "Rallies on 5-6 October 2020.", "5-6 October 2020", 2020, 10, 5, 2020, 10, 6, DAY);
  one(state, "Rallies on 5 – 6 October.", "5 – 6 October", 0, 10, 5, 0, 10, 6, DAY);
  kgr_date_hit h = one(state, "held between 5 and 6 October", "5 and 6 October", 0, 10, 5,
                       0, 10, 6, DAY);
  assert_string_equal(h.lead, "between");
  one(state, "from 5 October – 6 October", "5 October – 6 October", 0, 10, 5, 0, 10, 6, DAY);
  one(state, "open from 5 to 7 October", "5 to 7 October", 0, 10, 5, 0, 10, 7, DAY);
  /* a list of days runs from the first to the last */
  one(state, "on 5, 6 and 7 October 2020", "5, 6 and 7 October 2020", 2020, 10, 5, 2020, 10, 7,
      DAY);
  one(state, "on 5, 6, 7, and 9 May", "5, 6, 7, and 9 May", 0, 5, 5, 0, 5, 9, DAY);
  /* not increasing: the list starts over at 4 */
  one(state, "on 5, 4 and 7 May", "4 and 7 May", 0, 5, 4, 0, 5, 7, DAY);
  one(state, "items 5, 6 and 7 May", "5, 6 and 7 May", 0, 5, 5, 0, 5, 7, DAY);
  one(state, "October 5-6, 2020", "October 5-6, 2020", 2020, 10, 5, 2020, 10, 6, DAY);
  one(state, "October 5-6 were calm", "October 5-6", 0, 10, 5, 0, 10, 6, DAY);
  one(state, "from 30 September – 2 October", "30 September – 2 October", 0, 9, 30, 0, 10, 2,
      DAY);
  one(state, "30 December 2020 - 2 January 2021", "30 December 2020 - 2 January 2021", 2020,
      12, 30, 2021, 1, 2, DAY);
  one(state, "from 30 December to 2 January 2021", "30 December to 2 January 2021", 2020, 12,
      30, 2021, 1, 2, DAY);
  one(state, "between May and July 2021", "May and July 2021", 2021, 5, 0, 2021, 7, 0, MONTH);
  /* a backwards range is two dates */
  const char *back = "on 6 October - 5 October";
  kgr_date_hit_vec v = find(state, back);
  assert_int_equal(v.count, 2);
  expect_text(back, v.items[0].start, v.items[0].end, "6 October");
  expect_text(back, v.items[1].start, v.items[1].end, "5 October");
  /* a backwards day range is none */
  none(state, "on 6-5 October");
}

static void test_night_of(void **state) {
  const char *s = "During the night of 5 – 6 October, crowds seized the building.";
  kgr_date_hit h = one(state, s, "5 – 6 October", 0, 10, 5, 0, 10, 6, DAY);
  assert_int_equal(h.part, KGR_DAY_PART_NIGHT);
  assert_string_equal(h.lead, "during");
  assert_int_equal(h.lead_start, 0);
  const char *e = "On the evening of 12 May police moved in.";
  h = one(state, e, "12 May", 0, 5, 12, 0, 5, 12, DAY);
  assert_int_equal(h.part, KGR_DAY_PART_EVENING);
  assert_int_equal(h.lead_start, 0);
  /* no lead: lead_start is start */
  h = one(state, "Rallies 5 October.", "5 October", 0, 10, 5, 0, 10, 5, DAY);
  assert_null(h.lead);
  assert_int_equal(h.lead_start, h.start);
  assert_int_equal(h.part, KGR_DAY_PART_NONE);
}

static void test_several(void **state) {
  const char *s = "On 4 October voters went to the polls; on 5 October protests began "
                  "and in July and August 2021 the courts sat, until 2022.";
  kgr_date_hit_vec v = find(state, s);
  assert_int_equal(v.count, 5);
  expect_text(s, v.items[0].start, v.items[0].end, "4 October");
  expect_text(s, v.items[1].start, v.items[1].end, "5 October");
  expect_text(s, v.items[2].start, v.items[2].end, "July");
  expect_text(s, v.items[3].start, v.items[3].end, "August 2021");
  expect_text(s, v.items[4].start, v.items[4].end, "2022");
  for (size_t i = 1; i < v.count; i++)
    assert_true(v.items[i].start >= v.items[i - 1].end);
}

static void test_validation(void **state) {
  none(state, "on 31 April 2020");
  none(state, "on 29 February 2021");
  one(state, "on 29 February 2020", "29 February 2020", 2020, 2, 29, 2020, 2, 29, DAY);
  one(state, "on 29 February", "29 February", 0, 2, 29, 0, 2, 29, DAY);
  none(state, "on 32 October");
  none(state, "on 0 October");
}

static void test_hard_negatives(void **state) {
  none(state, "They met at 4 October Street.");
  none(state, "a rally on 8 March Avenue");
  none(state, "crowds filled 1 May Square");
  none(state, "a flat on ул. 8 Марта");
  none(state, "Article 5 of the Constitution");
  none(state, "see Section 3");
  none(state, "in the 1990s");
  none(state, "the COVID-19 pandemic");
  none(state, "reported by 24.kg");
  none(state, "sentenced to 11 years");
  none(state, "Resolution 2020/15");
  none(state, "it cost $2020");
  none(state, "call +996 312 12.10.2020");
  none(state, "see page 10");
  none(state, "in 2020 people marched");
  none(state, "there were 686 injured");
  none(state, "in 1850");                /* bare years are 1900-2100 */
  none(state, "they may march on Monday"); /* lower-case month words */
  none(state, "Jan Kowalski spoke");       /* abbreviations need a day or year */
  none(state, "the June Foundation");      /* a bare month needs a preposition */
  none(state, "");
}

static void test_street_lowercase(void **state) {
  /* "street" in lower case is a common noun, not a street name */
  one(state, "on 5 October street protests grew", "5 October", 0, 10, 5, 0, 10, 5, DAY);
}

static void test_month_names(void **state) {
  (void)state;
  assert_int_equal(kgr_month_from_name("Oct", 3), 10);
  assert_int_equal(kgr_month_from_name("Oct.", 4), 10);
  assert_int_equal(kgr_month_from_name("October", 7), 10);
  assert_int_equal(kgr_month_from_name("Sept", 4), 9);
  assert_int_equal(kgr_month_from_name("may", 3), 5);
  const char *ru = "октября";
  assert_int_equal(kgr_month_from_name(ru, strlen(ru)), 10);
  const char *ru2 = "Январь";
  assert_int_equal(kgr_month_from_name(ru2, strlen(ru2)), 1);
  assert_int_equal(kgr_month_from_name("Octopus", 7), 0);
  assert_int_equal(kgr_month_from_name("", 0), 0);
  assert_int_equal(kgr_month_from_name(NULL, 0), 0);
}

static void test_days_in_month(void **state) {
  (void)state;
  assert_int_equal(kgr_days_in_month(2020, 2), 29);
  assert_int_equal(kgr_days_in_month(2021, 2), 28);
  assert_int_equal(kgr_days_in_month(1900, 2), 28);
  assert_int_equal(kgr_days_in_month(2000, 2), 29);
  assert_int_equal(kgr_days_in_month(0, 2), 29);
  assert_int_equal(kgr_days_in_month(2021, 4), 30);
  assert_int_equal(kgr_days_in_month(2021, 12), 31);
  assert_int_equal(kgr_days_in_month(2021, 13), 0);
  assert_int_equal(kgr_days_in_month(2021, 0), 0);
}

static void line_yes(const char *s, int y, int m, int d) {
  kgr_ymd out = {0, 0, 0};
  if (!kgr_date_line(s, strlen(s), &out))
    fail_msg("\"%s\" should be a date line", s);
  if (out.year != y || out.month != m || out.day != d)
    fail_msg("\"%s\": %d-%d-%d, want %d-%d-%d", s, out.year, out.month, out.day, y, m, d);
}

static void line_no(const char *s) {
  kgr_ymd out = {0, 0, 0};
  if (kgr_date_line(s, strlen(s), &out))
    fail_msg("\"%s\" should not be a date line", s);
}

static void test_date_line(void **state) {
  (void)state;
  line_yes("9 October 2020", 2020, 10, 9);
  line_yes("  9 October 2020  ", 2020, 10, 9);
  line_yes("9 October 2020.", 2020, 10, 9);
  line_yes("Date: 9 October 2020", 2020, 10, 9);
  line_yes("Bishkek, 9 October 2020", 2020, 10, 9);
  line_yes("Friday, 9 October 2020", 2020, 10, 9);
  line_yes("Friday 9 October 2020", 2020, 10, 9);
  line_yes("Bishkek, Friday, 9 October 2020", 2020, 10, 9);
  line_yes("Date: Brussels / Bishkek, 9 October 2020", 2020, 10, 9);
  line_yes("October 9, 2020", 2020, 10, 9);
  line_yes("09.10.2020", 2020, 10, 9);
  line_yes("2020-10-09", 2020, 10, 9);
  line_yes("9 октября 2020 года", 2020, 10, 9);
  line_no("9 October");
  line_no("October 2020");
  line_no("5-6 October 2020");
  line_no("On 9 October 2020 police arrived");
  line_no("the statement of 9 October 2020");
  line_no("Bishkek 9 October 2020");
  line_no("Article 5");
  line_no("");
  line_no("   ");
  assert_false(kgr_date_line(NULL, 0, NULL));
  /* out may be NULL */
  assert_true(kgr_date_line("9 October 2020", 14, NULL));
}

/* The only relative date in s: its text, resolved from ref (y-m-d). */
static void rel(void **state, const char *s, const char *text, kgr_ymd ref, int y1, int m1, int d1,
                int y2, int m2, int d2, kgr_precision p) {
  kgr_date_hit_vec v = {0};
  kgr_relative_dates_find(*state, s, strlen(s), &v);
  if (v.count != 1)
    fail_msg("\"%s\": %zu relative dates, want 1", s, v.count);
  expect_text(s, v.items[0].start, v.items[0].end, text);
  kgr_ymd f, t;
  kgr_precision got;
  assert_true(kgr_relative_resolve(&v.items[0], ref, &f, &t, &got));
  if (f.year != y1 || f.month != m1 || f.day != d1 || t.year != y2 || t.month != m2 ||
      t.day != d2 || got != p)
    fail_msg("\"%s\": %d-%d-%d .. %d-%d-%d precision %d", s, f.year, f.month, f.day, t.year,
             t.month, t.day, (int)got);
}

static void no_rel(void **state, const char *s) {
  kgr_date_hit_vec v = {0};
  kgr_relative_dates_find(*state, s, strlen(s), &v);
  if (v.count)
    fail_msg("\"%s\": found \"%.*s\", want no relative date", s,
             (int)(v.items[0].end - v.items[0].start), s + v.items[0].start);
}

static void test_relative_dates(void **state) {
  const kgr_ymd fri = {2019, 6, 21}; /* a Friday */
  rel(state, "Police detained him yesterday.", "yesterday", fri, 2019, 6, 20, 2019, 6, 20, DAY);
  rel(state, "Clashes broke out late last night.", "late last night", fri, 2019, 6, 20, 2019, 6,
      21, DAY);
  rel(state, "The speaker resigned on Friday.", "Friday", fri, 2019, 6, 21, 2019, 6, 21, DAY);
  rel(state, "Crowds gathered on Thursday evening.", "Thursday evening", fri, 2019, 6, 20, 2019, 6,
      20, DAY);
  rel(state, "Since Monday, police have detained 40 people.", "Monday", fri, 2019, 6, 17, 2019, 6,
      17, DAY);
  rel(state, "Last Sunday, thousands marched.", "Sunday", fri, 2019, 6, 16, 2019, 6, 16, DAY);
  rel(state, "Last week, the court jailed him.", "Last week", fri, 2019, 6, 10, 2019, 6, 16, DAY);
  rel(state, "Earlier this week, police raided the office.", "Earlier this week", fri, 2019, 6, 17,
      2019, 6, 21, DAY);
  rel(state, "He was arrested last month.", "last month", (kgr_ymd){2022, 1, 12}, 2021, 12, 1,
      2021, 12, 31, MONTH);
  rel(state, "Protests took place last year.", "last year", fri, 2018, 1, 1, 2018, 12, 31, YEAR);
  rel(state, "Полиция задержала их вчера.", "вчера", fri, 2019, 6, 20, 2019, 6, 20, DAY);
  /* a weekday that labels a date is that date's; one with no preposition
   * is a name */
  no_rel(state, "On Monday, 5 October 2020, police dispersed the rally.");
  no_rel(state, "On Wednesday (3 March) at least 38 people were killed.");
  no_rel(state, "Bloody Sunday is remembered every year.");
  no_rel(state, "He works on mondays.");
  /* the recognizer of absolute dates does not report them */
  kgr_date_hit_vec v = find(state, "Police detained him yesterday.");
  assert_int_equal(v.count, 0);
  /* without a full reference day nothing resolves */
  kgr_date_hit_vec r = {0};
  kgr_relative_dates_find(*state, "yesterday", 9, &r);
  kgr_ymd f, t;
  kgr_precision p;
  assert_false(kgr_relative_resolve(&r.items[0], (kgr_ymd){2019, 6, 0}, &f, &t, &p));
  assert_false(kgr_relative_resolve(&r.items[0], (kgr_ymd){0, 0, 0}, &f, &t, &p));
  /* across a year: "yesterday" of 1 January */
  rel(state, "yesterday", "yesterday", (kgr_ymd){2021, 1, 1}, 2020, 12, 31, 2020, 12, 31, DAY);
  /* days added across months and leap years */
  kgr_ymd d = kgr_ymd_add_days((kgr_ymd){2020, 2, 28}, 2);
  assert_int_equal(d.month, 3);
  assert_int_equal(d.day, 1);
}

static double seconds_since(clock_t t0) { return (double)(clock() - t0) / CLOCKS_PER_SEC; }

/* Every relative date and weekday of the table is found where it stands:
 * no first letter of theirs is skipped unread. */
static void test_every_relative_entry(void **state) {
  size_t tried = 0;
  for (size_t i = 0; i < kgr_lex_date_context.count; i++) {
    const kgr_lex_entry *e = &kgr_lex_date_context.entries[i];
    bool relative = strcmp(e->tag, "relative") == 0;
    if (!relative && !(strcmp(e->tag, "weekday") == 0 && e->extra[0]))
      continue;
    char buf[128];
    /* a weekday needs its preposition and, in English, its capital */
    int n = snprintf(buf, sizeof buf, "%s%s", relative ? "x " : "on ", e->phrase);
    assert_true(n > 0 && (size_t)n < sizeof buf);
    size_t at = relative ? 2 : 3;
    if (!relative)
      buf[at] = (char)toupper((unsigned char)buf[at]);
    kgr_date_hit_vec v = {0};
    kgr_relative_dates_find(*state, buf, (size_t)n, &v);
    if (v.count != 1 || v.items[0].start != at || v.items[0].end != (size_t)n)
      fail_msg("\"%s\": %zu relative dates, want \"%s\"", buf, v.count, e->phrase);
    tried++;
  }
  assert_true(tried >= 30);
}

static void expect_same_hits(const kgr_date_hit_vec *x, const kgr_date_hit_vec *y) {
  assert_int_equal(x->count, y->count);
  for (size_t i = 0; i < x->count; i++)
    assert_memory_equal(&x->items[i], &y->items[i], sizeof x->items[i]);
}

/* One walk for both kinds of dates finds what the two scans find. */
static void test_find_all_equals_both(void **state) {
  const char *cases[] = {
      "On Monday, 5 October 2020, police detained 40 protesters; yesterday 3 were injured.",
      "Last week, between 5 and 7 October, and again on Friday evening in November 2019.",
      "Wednesday (3 March) and the day before yesterday, 09.10.2020, 2020-10-09T12:00.",
      "Since 28 November, late last night, this morning: 4 October Street, Bloody Sunday.",
      "в пятницу 5 октября 2020 года, вчера и на прошлой неделе; COVID-19 October 5-6.",
      "earlier this month from 30 September - 2 October 2020 to June-August 2021, Mon.",
      "",
      "yesterday",
      "31 April 2020 is no date, but on Tuesday 1 May 2020 was, and so was today.",
  };
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    const char *s = cases[c];
    size_t len = strlen(s);
    kgr_date_hit_vec abs1 = {0}, rel1 = {0}, abs2 = {0}, rel2 = {0};
    kgr_dates_find(*state, s, len, &abs1);
    kgr_relative_dates_find(*state, s, len, &rel1);
    kgr_dates_find_all(*state, s, len, &abs2, &rel2);
    expect_same_hits(&abs1, &abs2);
    expect_same_hits(&rel1, &rel2);
    /* every prefix too: the scans part and meet again at any point */
    for (size_t n = 0; n < len; n++) {
      abs1.count = rel1.count = abs2.count = rel2.count = 0;
      kgr_dates_find(*state, s, n, &abs1);
      kgr_relative_dates_find(*state, s, n, &rel1);
      kgr_dates_find_all(*state, s, n, &abs2, &rel2);
      expect_same_hits(&abs1, &abs2);
      expect_same_hits(&rel1, &rel2);
    }
  }
}

static void test_linear(void **state) {
  /* 100,000 dates */
  const char *unit = "On 5 October ";
  size_t reps = 100000, ul = strlen(unit);
  char *s = test_malloc(reps * ul + 1);
  for (size_t i = 0; i < reps; i++)
    memcpy(s + i * ul, unit, ul);
  s[reps * ul] = '\0';
  clock_t t0 = clock();
  kgr_date_hit_vec v = find(state, s);
  assert_int_equal(v.count, reps);
  test_free(s);
  /* 100,000 relative dates */
  const char *runit = "on Monday last week ";
  ul = strlen(runit);
  s = test_malloc(reps * ul + 1);
  for (size_t i = 0; i < reps; i++)
    memcpy(s + i * ul, runit, ul);
  s[reps * ul] = '\0';
  v.count = 0;
  kgr_relative_dates_find(*state, s, reps * ul, &v);
  assert_int_equal(v.count, 2 * reps);
  kgr_date_hit_vec a = {0}, r = {0};
  kgr_dates_find_all(*state, s, reps * ul, &a, &r);
  assert_int_equal(r.count, 2 * reps);
  test_free(s);

  /* a million digits, a million letters, a million spaces after a day */
  size_t n = 1000000;
  char *d = test_malloc(n + 16);
  memset(d, '7', n);
  d[n] = '\0';
  v = find(state, d);
  assert_int_equal(v.count, 0);
  memset(d, 'a', n);
  v = find(state, d);
  assert_int_equal(v.count, 0);
  d[0] = '5';
  memset(d + 1, ' ', n - 1);
  memcpy(d + n - 8, "October", 8);
  v = find(state, d);
  assert_int_equal(v.count, 1);
  /* many short digit runs separated by dots and dashes */
  for (size_t i = 0; i < n; i++)
    d[i] = "1.2-3/"[i % 6];
  d[n] = '\0';
  v = find(state, d);
  assert_int_equal(v.count, 0);
  test_free(d);
  double secs = seconds_since(t0);
  if (secs > 10.0)
    fail_msg("linear-time inputs took %.1f s", secs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_ARENA_TEST(test_full_dates),       KGR_ARENA_TEST(test_numeric_dates),
      KGR_ARENA_TEST(test_partial_dates),    KGR_ARENA_TEST(test_ranges),
      KGR_ARENA_TEST(test_night_of),         KGR_ARENA_TEST(test_several),
      KGR_ARENA_TEST(test_validation),       KGR_ARENA_TEST(test_hard_negatives),
      KGR_ARENA_TEST(test_street_lowercase), cmocka_unit_test(test_month_names),
      cmocka_unit_test(test_days_in_month),  cmocka_unit_test(test_date_line),
      KGR_ARENA_TEST(test_relative_dates),   KGR_ARENA_TEST(test_every_relative_entry),
      KGR_ARENA_TEST(test_find_all_equals_both),
      KGR_ARENA_TEST(test_linear),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
