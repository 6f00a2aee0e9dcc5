/*
 * test_figures.c - the figure recognizer: counts of people and incidents,
 * their kind, value, qualifier and spans, the hard negatives, and linear
 * time.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "figures.h"
#include "kgr_test_internal.h"

static kgr_figure_hit_vec find(void **state, const char *s) {
  kgr_figure_hit_vec v = {0};
  kgr_figures_find(*state, s, strlen(s), &v);
  return v;
}

static void expect_text(const char *s, size_t start, size_t end, const char *want) {
  size_t n = strlen(want);
  if (end < start || end - start != n || memcmp(s + start, want, n) != 0)
    fail_msg("span [%zu, %zu) is \"%.*s\", want \"%s\"", start, end,
             (int)(end >= start ? end - start : 0), s + start, want);
}

/* Figure i of s must be: kind, value, qualifier, text, unit ("" for none). */
static void expect_fig(const char *s, const kgr_figure_hit_vec *v, size_t i,
                       kgr_figure_kind kind, int64_t value, kgr_qualifier q,
                       const char *text, const char *unit) {
  if (i >= v->count)
    fail_msg("\"%s\": %zu figures, want figure %zu", s, v->count, i);
  const kgr_figure_hit *h = &v->items[i];
  if (h->kind != kind || h->value != value || h->qualifier != q)
    fail_msg("\"%s\" #%zu: %s %lld %s, want %s %lld %s", s, i, kgr_figure_kind_name(h->kind),
             (long long)h->value, kgr_qualifier_name(h->qualifier), kgr_figure_kind_name(kind),
             (long long)value, kgr_qualifier_name(q));
  expect_text(s, h->start, h->end, text);
  if (*unit)
    expect_text(s, h->unit_start, h->unit_end, unit);
  else
    assert_int_equal(h->unit_start, h->unit_end);
}

/* s has exactly one figure. */
static void one(void **state, const char *s, kgr_figure_kind kind, int64_t value,
                kgr_qualifier q, const char *text, const char *unit) {
  kgr_figure_hit_vec v = find(state, s);
  if (v.count != 1)
    fail_msg("\"%s\": %zu figures, want 1", s, v.count);
  expect_fig(s, &v, 0, kind, value, q, text, unit);
}

static void none(void **state, const char *s) {
  kgr_figure_hit_vec v = find(state, s);
  if (v.count)
    fail_msg("\"%s\": found \"%.*s\" (%lld), want no figure", s,
             (int)(v.items[0].end - v.items[0].start), s + v.items[0].start,
             (long long)v.items[0].value);
}

#define EXACT KGR_QUAL_EXACT
#define OVER KGR_QUAL_OVER
#define UNDER KGR_QUAL_UNDER
#define ABOUT KGR_QUAL_ABOUT

static void test_casualties(void **state) {
  one(state, "The night ended with over 600 people being injured in the clashes.",
      KGR_FIG_INJURED, 600, OVER, "over 600 people", "people");
  one(state, "Clinics said they had treated 686 people for their injuries by Monday.",
      KGR_FIG_INJURED, 686, EXACT, "686 people", "people");
  one(state, "One protester died after the rally.", KGR_FIG_KILLED, 1, EXACT,
      "One protester", "protester");
  one(state, "The march ended with one protester dead.", KGR_FIG_KILLED, 1, EXACT,
      "one protester", "protester");
  one(state, "Over one hundred people still remain in hospital, officials said.",
      KGR_FIG_HOSPITALIZED, 100, OVER, "Over one hundred people", "people");
  one(state, "At least 3 killed in the capital.", KGR_FIG_KILLED, 3, OVER,
      "At least 3 killed", "");
  one(state, "Gunmen killed 3 people near the border.", KGR_FIG_KILLED, 3, EXACT,
      "3 people", "people");
  one(state, "Police fired rubber bullets, injuring 40.", KGR_FIG_INJURED, 40, EXACT, "40",
      "");
  one(state, "The death toll rose to 12 on Tuesday.", KGR_FIG_KILLED, 12, EXACT, "12", "");
  one(state, "Nearly 300 people were hospitalised.", KGR_FIG_HOSPITALIZED, 300, UNDER,
      "Nearly 300 people", "people");
  one(state, "About 50 journalists were detained overnight.", KGR_FIG_DETAINED, 50, ABOUT,
      "About 50 journalists", "journalists");
  one(state, "Two of the journalists were arrested.", KGR_FIG_DETAINED, 2, EXACT,
      "Two of the journalists", "journalists");
  one(state, "Police detained 10-15 people.", KGR_FIG_DETAINED, 10, OVER, "10-15 people",
      "people");
  one(state, "Three activists went missing last week.", KGR_FIG_MISSING, 3, EXACT,
      "Three activists", "activists");
  one(state, "The ministry counted 12 deaths.", KGR_FIG_KILLED, 12, EXACT, "12 deaths",
      "deaths");
  one(state, "Officials said 686 people received hospital treatment.", KGR_FIG_HOSPITALIZED,
      686, EXACT, "686 people", "people");
  one(state, "Hundreds were hurt.", KGR_FIG_INJURED, 200, ABOUT, "Hundreds", "");
  one(state, "The number of detainees reached 300 by Monday.", KGR_FIG_DETAINED, 300, EXACT,
      "300", "");
  const char *s = "One man died and 3 others were hurt.";
  kgr_figure_hit_vec v = find(state, s);
  assert_int_equal(v.count, 2);
  expect_fig(s, &v, 0, KGR_FIG_KILLED, 1, EXACT, "One man", "man");
  expect_fig(s, &v, 1, KGR_FIG_INJURED, 3, EXACT, "3 others", "others");
}

static void test_wordings(void **state) {
  /* the wordings of casualty counts in NGO reports */
  one(state, "The death toll rose to 12.", KGR_FIG_KILLED, 12, EXACT, "12", "");
  one(state, "Security forces opened fire, killing at least 3.", KGR_FIG_KILLED, 3, OVER,
      "at least 3", "");
  one(state, "The dispersal left 40 wounded.", KGR_FIG_INJURED, 40, EXACT, "40 wounded", "");
  one(state, "Nearly 10,000 people were detained.", KGR_FIG_DETAINED, 10000, UNDER,
      "Nearly 10,000 people", "people");
  one(state, "Police arrested 1,200 protesters.", KGR_FIG_DETAINED, 1200, EXACT,
      "1,200 protesters", "protesters");
  one(state, "More than 6,700 people detained in three days.", KGR_FIG_DETAINED, 6700, OVER,
      "More than 6,700 people", "people");
  one(state, "At least two people lost an eye.", KGR_FIG_INJURED, 2, OVER, "At least two people",
      "people");
  one(state, "Health officials said the death toll was 61.", KGR_FIG_KILLED, 61, EXACT, "61", "");
  /* a toll told far from its number */
  one(state, "The number of people killed by security forces during the nationwide protests that "
             "began on 15 November has risen to at least 208.",
      KGR_FIG_KILLED, 208, OVER, "at least 208", "");
  /* a part of a count is a count of its kind */
  const char *s = "225 people were killed, including 19 law enforcement officers.";
  kgr_figure_hit_vec v = find(state, s);
  assert_int_equal(v.count, 2);
  expect_fig(s, &v, 0, KGR_FIG_KILLED, 225, EXACT, "225 people", "people");
  expect_fig(s, &v, 1, KGR_FIG_KILLED, 19, EXACT, "19 law enforcement officers",
             "law enforcement officers");
  s = "240 people were injured, among them 80 police officers.";
  v = find(state, s);
  assert_int_equal(v.count, 2);
  expect_fig(s, &v, 1, KGR_FIG_INJURED, 80, EXACT, "80 police officers", "police officers");
  /* but not a part of a count of something else */
  s = "Police detained 40 protesters, including 12 women who were later released.";
  v = find(state, s);
  expect_fig(s, &v, 1, KGR_FIG_DETAINED, 12, EXACT, "12 women", "women");
  s = "About 3,000 people marched, including 12 journalists.";
  v = find(state, s);
  assert_int_equal(v.count, 2);
  assert_int_not_equal(v.items[1].kind, KGR_FIG_KILLED);
  /* the noun a number counts */
  one(state, "In one of the deadliest incidents, security forces killed dozens of protesters.",
      KGR_FIG_KILLED, 24, ABOUT, "dozens of protesters", "protesters");
  none(state, "An analysis of 14 videos shows police officers beating protesters.");
  one(state, "The march was attended by nearly two million people.", KGR_FIG_PARTICIPANTS,
      2000000, UNDER, "nearly two million people", "people");
}

static void test_approximate(void **state) {
  one(state, "Dozens detained after the vote.", KGR_FIG_DETAINED, 24, ABOUT, "Dozens detained",
      "");
  one(state, "Hundreds of protesters gathered downtown.", KGR_FIG_PARTICIPANTS, 200, ABOUT,
      "Hundreds of protesters", "protesters");
  one(state, "Police detained dozens of students.", KGR_FIG_DETAINED, 24, ABOUT,
      "dozens of students", "students");
  one(state, "Over a dozen journalists were beaten and injured.", KGR_FIG_INJURED, 12, OVER,
      "Over a dozen journalists", "journalists");
  one(state, "Tens of thousands of people took to the streets.", KGR_FIG_PARTICIPANTS, 20000,
      ABOUT, "Tens of thousands of people", "people");
}

static void test_participants_incidents_cases(void **state) {
  one(state, "Monitors counted six incidents of attacks on reporters.", KGR_FIG_INCIDENTS, 6,
      EXACT, "six incidents", "incidents");
  one(state, "12,000 demonstrators marched to the square.", KGR_FIG_PARTICIPANTS, 12000,
      EXACT, "12,000 demonstrators", "demonstrators");
  one(state, "They documented 14 cases of torture.", KGR_FIG_INCIDENTS, 14, EXACT,
      "14 cases of torture", "cases of torture");
  one(state, "On Sunday two unidentified men attacked a camera crew.", KGR_FIG_OTHER, 2, EXACT,
      "two unidentified men", "men");
  const char *s = "Registered cases kept rising and reached 310 on 9 May up from 41 cases in "
                  "April.";
  kgr_figure_hit_vec v = find(state, s);
  assert_int_equal(v.count, 2);
  expect_fig(s, &v, 0, KGR_FIG_CASES, 310, EXACT, "310", "");
  expect_fig(s, &v, 1, KGR_FIG_CASES, 41, EXACT, "41 cases", "cases");
  one(state, "Daily infections climbed to 245, officials said.", KGR_FIG_CASES, 245, EXACT,
      "245", "");
}

static void test_kind_per_clause(void **state) {
  /* each number takes the kind nearest to it, its own noun first */
  const char *s = "By evening some 250 people had been injured and needed medical treatment "
                  "with one demonstrator dead.";
  kgr_figure_hit_vec v = find(state, s);
  assert_int_equal(v.count, 2);
  expect_fig(s, &v, 0, KGR_FIG_INJURED, 250, ABOUT, "some 250 people", "people");
  expect_fig(s, &v, 1, KGR_FIG_KILLED, 1, EXACT, "one demonstrator", "demonstrator");

  const char *t = "One protester died, and 40 people were injured.";
  v = find(state, t);
  assert_int_equal(v.count, 2);
  expect_fig(t, &v, 0, KGR_FIG_KILLED, 1, EXACT, "One protester", "protester");
  expect_fig(t, &v, 1, KGR_FIG_INJURED, 40, EXACT, "40 people", "people");

  const char *u = "Police killed 2 and injured 9 protesters.";
  v = find(state, u);
  assert_int_equal(v.count, 2);
  expect_fig(u, &v, 0, KGR_FIG_KILLED, 2, EXACT, "2", "");
  expect_fig(u, &v, 1, KGR_FIG_INJURED, 9, EXACT, "9 protesters", "protesters");
}

static void test_no_number(void **state) {
  none(state, "Several people were injured.");
  none(state, "Many protesters were detained.");
  none(state, "A number of prisoners were freed.");
  none(state, "A few journalists were hurt.");
}

static void test_hard_negatives(void **state) {
  none(state, "On 4 October the vote took place.");
  none(state, "Protests grew in 2020.");
  none(state, "The COVID-19 pandemic hit the region.");
  none(state, "Under Article 5 of the Code, 3 may be fined.");
  none(state, "Crime fell in the 1990s.");
  none(state, "He was sentenced to 11 years and two months in prison.");
  none(state, "Prices rose 5% and fees 5 per cent while $5 bought little.");
  none(state, "It cost 300 dollars.");
  none(state, "The first protest and the 2nd round were calm.");
  none(state, "A correspondent for 24.kg was detained.");
  none(state, "See https://example.org/2020/10/167895_report for 686_injured.");
  none(state, "Bishkek is one of the largest cities.");
  none(state, "Only four parties entered parliament.");
  none(state, "Seats went to three pro-presidential parties and one op-position party.");
  none(state, "Supporters of at least two self-proclaimed Coordination Committees rallied.");
  none(state, "See page 10 of the report.");
  none(state, "No one was hurt.");
  none(state, "He was the one who was detained.");
  none(state, "They helped one another.");
  none(state, "One day later police left.");
  none(state, "A 25-year-old journalist was detained.");
  none(state, "He was detained 3 times.");
  none(state, "The party won 5 seats.");
  none(state, "School No. 4 served as a polling station.");
  none(state, "Call +996 555 123 for help.");
}

static void test_offsets_in_longer_text(void **state) {
  const char *s = "According to the ministry, at least 3 people were killed and over 1,200 "
                  "injured.";
  kgr_figure_hit_vec v = find(state, s);
  assert_int_equal(v.count, 2);
  expect_fig(s, &v, 0, KGR_FIG_KILLED, 3, OVER, "at least 3 people", "people");
  expect_fig(s, &v, 1, KGR_FIG_INJURED, 1200, OVER, "over 1,200 injured", "");
  assert_int_equal(v.items[0].start, 27);
  assert_int_equal(v.items[0].end, 44);
  assert_int_equal(v.items[0].unit_start, 38);
  assert_true(v.items[1].start > v.items[0].end);
}

static void test_empty(void **state) {
  kgr_figure_hit_vec v = {0};
  kgr_figures_find(*state, "", 0, &v);
  assert_int_equal(v.count, 0);
  kgr_figures_find(*state, NULL, 5, &v);
  assert_int_equal(v.count, 0);
  kgr_figures_find(*state, "3 killed", 8, NULL);
}

/* Figures found with the dates given, reusing one token vector, equal
 * figures found alone. */
static void test_dated_equals_undated(void **state) {
  kgr_figure_tokens tokens = {0};
  const char *cases[] = {
      "On 5 October 2020, 3 people were killed and over 1,200 injured.",
      "Between 5 and 7 October, police detained 40 protesters in 12 cities.",
      "On 4 October Street, 25 people gathered; 10 were detained on 6 October.",
      "In 2019, at least 2 journalists and dozens of protesters were injured.",
      "Yesterday 3 killed, 09.10.2020: 15 injured, October 5-6 2020 saw 100 arrests.",
      "No date here, but 686 people were treated for injuries.",
  };
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    const char *s = cases[c];
    size_t len = strlen(s);
    kgr_figure_hit_vec alone = find(state, s);
    kgr_date_hit_vec dates = {0};
    kgr_dates_find(*state, s, len, &dates);
    kgr_date_span *spans = kgr_arena_alloc(*state, (dates.count + 1) * sizeof *spans);
    for (size_t d = 0; d < dates.count; d++) {
      spans[d].start = dates.items[d].start;
      spans[d].end = dates.items[d].end;
    }
    kgr_figure_hit_vec dated = {0};
    kgr_figures_find_dated(*state, s, len, spans, dates.count, &tokens, &dated);
    assert_int_equal(dated.count, alone.count);
    for (size_t i = 0; i < alone.count; i++)
      assert_memory_equal(&dated.items[i], &alone.items[i], sizeof alone.items[i]);
  }
  /* the dates given are what keeps a day from being a count */
  const char *s = "Police fired on October 5 killed protesters.";
  kgr_figure_hit_vec v = {0};
  kgr_figures_find_dated(*state, s, strlen(s), NULL, 0, NULL, &v);
  assert_int_equal(v.count, 1);
  assert_int_equal(find(state, s).count, 0);
}

static double seconds_since(clock_t t0) { return (double)(clock() - t0) / CLOCKS_PER_SEC; }

static void test_linear(void **state) {
  clock_t t0 = clock();
  size_t n = 1000000;
  char *d = test_malloc(n + 1);
  memset(d, '7', n);
  d[n] = '\0';
  kgr_figure_hit_vec v = find(state, d);
  assert_int_equal(v.count, 0);
  test_free(d);

  const char *units[] = {"On 5 October ", "3 people killed and ", "one hundred "};
  const size_t want[] = {0, 100000, 0};
  for (size_t u = 0; u < 3; u++) {
    size_t reps = 100000, ul = strlen(units[u]);
    char *s = test_malloc(reps * ul + 1);
    for (size_t i = 0; i < reps; i++)
      memcpy(s + i * ul, units[u], ul);
    s[reps * ul] = '\0';
    v = find(state, s);
    if (v.count != want[u])
      fail_msg("%zu x \"%s\": %zu figures, want %zu", reps, units[u], v.count, want[u]);
    test_free(s);
  }
  double secs = seconds_since(t0);
  if (secs > 10.0)
    fail_msg("linear-time inputs took %.1f s", secs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_ARENA_TEST(test_wordings),        KGR_ARENA_TEST(test_casualties),
      KGR_ARENA_TEST(test_approximate),     KGR_ARENA_TEST(test_participants_incidents_cases),
      KGR_ARENA_TEST(test_kind_per_clause), KGR_ARENA_TEST(test_no_number),
      KGR_ARENA_TEST(test_hard_negatives),  KGR_ARENA_TEST(test_offsets_in_longer_text),
      KGR_ARENA_TEST(test_empty),           KGR_ARENA_TEST(test_dated_equals_undated),
      KGR_ARENA_TEST(test_linear),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
