/*
 * test_event_dates.c - the dates of events (event_dates.c): each form of
 * date, each source of a missing year (a stated date nearby, the date line,
 * a cited URL, the caller's reference date, none), the cap that keeps a
 * date from following the document's date, the carrying of dates from
 * sentence to sentence inside a paragraph, relative days ("yesterday", "on
 * Friday", "last week") counted from the document's date, datelines whose
 * place and date are the statement's, "since" spans and report dates. Documents are written for the
 * test and run through the whole parser.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "document.h"
#include "event_dates.h"
#include "kgr_test_internal.h"
#include "kgrights/kgrights.h"

static kgr_doc *parse(const char *text, const char *reference) {
  kgr_options o = {0};
  o.reference_date = reference;
  kgr_error err;
  kgr_doc *d = kgr_parse_opts(text, strlen(text), &o, &err);
  if (!d)
    fail_msg("parse failed: %s", err.message);
  return d;
}

/* The nth event of the type. */
static const kgr_event *event_of(const kgr_doc *d, kgr_event_type t, size_t nth) {
  for (size_t i = 0; i < d->events.count; i++)
    if (d->events.items[i].type == t && nth-- == 0)
      return &d->events.items[i];
  fail_msg("no event %s number %zu among %zu events", kgr_event_type_name(t), nth, d->events.count);
  return NULL;
}

static bool str_is(kgr_str s, const char *want) {
  if (!want)
    return s.ptr == NULL;
  return s.ptr && s.len == strlen(want) && memcmp(s.ptr, want, s.len) == 0;
}

static void expect_date(const kgr_date *d, const char *start, const char *end, kgr_precision p,
                        kgr_year_source src) {
  if (!d)
    fail_msg("no date, want %s", start ? start : "(unresolved)");
  if (!str_is(d->start_iso, start) || !str_is(d->end_iso, end))
    fail_msg("date \"%s\" is %s..%s, want %s..%s", d->text.ptr,
             d->start_iso.ptr ? d->start_iso.ptr : "null", d->end_iso.ptr ? d->end_iso.ptr : "null",
             start ? start : "null", end ? end : "null");
  assert_int_equal(d->precision, p);
  assert_int_equal(d->year_source, src);
}

static void test_url_year(void **state) {
  (void)state;
  int m;
  const char *u = "https://example.org/2020/10/police-disperse-rally/";
  assert_int_equal(kgr_url_year(u, strlen(u), &m), 2020);
  assert_int_equal(m, 10);
  u = "https://example.org/news/2019/";
  assert_int_equal(kgr_url_year(u, strlen(u), &m), 2019);
  assert_int_equal(m, 0);
  u = "https://example.org/2021/13/x";
  assert_int_equal(kgr_url_year(u, strlen(u), &m), 2021);
  assert_int_equal(m, 0);
  u = "https://24.kg/society/167895_unrest_in_the_city/";
  assert_int_equal(kgr_url_year(u, strlen(u), &m), 0);
  u = "https://example.org/1899/05/x";
  assert_int_equal(kgr_url_year(u, strlen(u), &m), 0);
  u = "https://example.org/20201/x";
  assert_int_equal(kgr_url_year(u, strlen(u), &m), 0);
}

static void test_year_cap(void **state) {
  (void)state;
  kgr_ymd dec20 = {0, 12, 20}, oct4 = {0, 10, 4};
  kgr_ymd jan10 = {2021, 1, 10}, oct9 = {2020, 10, 9}, none = {0, 0, 0};
  assert_int_equal(kgr_year_capped(2021, dec20, jan10), 2020);
  assert_int_equal(kgr_year_capped(2020, oct4, oct9), 2020);
  assert_int_equal(kgr_year_capped(2020, dec20, none), 2020);
  assert_int_equal(kgr_year_capped(0, oct4, oct9), 0);
}

static void test_forms(void **state) {
  (void)state;
  kgr_doc *d = parse("Events in the capital\n\n"
                     "In June 2021, police detained dozens of activists.\n\n"
                     "During the night of 9 - 10 August 2020, riot police dispersed the "
                     "protesters.\n\n"
                     "In the evening of 4 October 2020, demonstrators stormed the city hall.\n",
                     NULL);
  expect_date(event_of(d, KGR_EVENT_ARREST, 0)->date, "2021-06-01", "2021-06-30",
              KGR_PRECISION_MONTH, KGR_YEAR_STATED);
  expect_date(event_of(d, KGR_EVENT_FORCE_AGAINST_PROTESTERS, 0)->date, "2020-08-09", "2020-08-10",
              KGR_PRECISION_DAY, KGR_YEAR_STATED);
  expect_date(event_of(d, KGR_EVENT_SEIZURE_OF_BUILDING, 0)->date, "2020-10-04", "2020-10-04",
              KGR_PRECISION_DAY, KGR_YEAR_STATED);
  kgr_doc_free(d);
}

static void test_year_from_document(void **state) {
  (void)state;
  /* a year stated earlier in the paragraph */
  kgr_doc *d = parse("Events in the capital\n\n"
                     "On 3 May 2021, police arrested 30 protesters. On 4 May, officers "
                     "stormed the offices of the opposition party.\n",
                     NULL);
  expect_date(event_of(d, KGR_EVENT_SEIZURE_OF_BUILDING, 0)->date, "2021-05-04", "2021-05-04",
              KGR_PRECISION_DAY, KGR_YEAR_DOCUMENT);
  kgr_doc_free(d);
  /* the date line; December in a January document is the December before */
  d = parse("Events in the capital\n\n10 January 2022\n\n"
            "On 5 January, the government declared a state of emergency.\n\n"
            "On 20 December, police arrested 12 activists.\n",
            NULL);
  expect_date(event_of(d, KGR_EVENT_STATE_OF_EMERGENCY, 0)->date, "2022-01-05", "2022-01-05",
              KGR_PRECISION_DAY, KGR_YEAR_DOCUMENT);
  expect_date(event_of(d, KGR_EVENT_ARREST, 0)->date, "2021-12-20", "2021-12-20", KGR_PRECISION_DAY,
              KGR_YEAR_DOCUMENT);
  kgr_doc_free(d);
}

static void test_year_from_url(void **state) {
  (void)state;
  kgr_doc *d = parse("Events in the capital\n\n"
                     "On 3 May, police arrested 30 protesters in Minsk.1\n\n"
                     "1 https://example.org/2021/05/arrests-in-minsk/\n",
                     "2023-01-01");
  const kgr_event *e = event_of(d, KGR_EVENT_ARREST, 0);
  expect_date(e->date, "2021-05-03", "2021-05-03", KGR_PRECISION_DAY, KGR_YEAR_URL);
  kgr_doc_free(d);
}

static void test_year_from_reference(void **state) {
  (void)state;
  kgr_doc *d = parse("Events in the capital\n\n"
                     "On 3 May, police arrested 30 protesters.\n\n"
                     "On 20 December, the authorities freed 14 political prisoners.\n",
                     "2021-06-01");
  expect_date(event_of(d, KGR_EVENT_ARREST, 0)->date, "2021-05-03", "2021-05-03", KGR_PRECISION_DAY,
              KGR_YEAR_REFERENCE);
  expect_date(event_of(d, KGR_EVENT_PRISONER_RELEASE, 0)->date, "2020-12-20", "2020-12-20",
              KGR_PRECISION_DAY, KGR_YEAR_REFERENCE);
  kgr_doc_free(d);
}

static void test_year_unresolved(void **state) {
  (void)state;
  kgr_doc *d = parse("Events in the capital\n\n"
                     "On 3 May, police arrested 30 protesters.\n",
                     NULL);
  const kgr_date *dt = event_of(d, KGR_EVENT_ARREST, 0)->date;
  expect_date(dt, NULL, NULL, KGR_PRECISION_DAY, KGR_YEAR_NONE);
  assert_int_equal(dt->start.month, 5);
  assert_int_equal(dt->start.day, 3);
  assert_true(str_is(dt->text, "3 May"));
  /* no day: the document's date is not inferred from it */
  assert_null(d->date.ptr);
  kgr_doc_free(d);
}

static void test_street_is_no_date(void **state) {
  (void)state;
  kgr_doc *d = parse("Events in the capital\n\n"
                     "Police arrested 30 protesters on 4 October Street.\n",
                     "2021-06-01");
  assert_null(event_of(d, KGR_EVENT_ARREST, 0)->date);
  kgr_doc_free(d);
}

static void test_carry_forward(void **state) {
  (void)state;
  kgr_doc *d = parse("Events in the capital\n\n"
                     "On 3 May 2021, police beat a reporter for the Daily Courier near the "
                     "court. The scene was filmed by passers-by. Officers later detained 40 "
                     "protesters.\n\n"
                     "Several activists were arrested at the station.\n",
                     NULL);
  /* the follow-up joins the attack; the arrest takes the paragraph's date */
  const kgr_event *j = event_of(d, KGR_EVENT_ATTACK_ON_JOURNALIST, 0);
  expect_date(j->date, "2021-05-03", "2021-05-03", KGR_PRECISION_DAY, KGR_YEAR_STATED);
  assert_non_null(strstr(j->text.ptr, "passers-by"));
  assert_null(strstr(j->text.ptr, "detained"));
  /* "later": no date is carried */
  assert_null(event_of(d, KGR_EVENT_ARREST, 0)->date);
  /* not across paragraphs */
  assert_null(event_of(d, KGR_EVENT_ARREST, 1)->date);
  kgr_doc_free(d);

  d = parse("Events in the capital\n\n"
            "On 3 May 2021, police arrested 30 protesters. Officers also detained two "
            "opposition leaders. Since 6 May 2021, dozens more people have been arrested.\n",
            NULL);
  /* the same happening told twice merges; "Since" gives its own date */
  const kgr_event *a = event_of(d, KGR_EVENT_ARREST, 0);
  expect_date(a->date, "2021-05-03", "2021-05-03", KGR_PRECISION_DAY, KGR_YEAR_STATED);
  assert_non_null(strstr(a->text.ptr, "opposition leaders"));
  expect_date(event_of(d, KGR_EVENT_ARREST, 1)->date, "2021-05-06", "2021-05-06", KGR_PRECISION_DAY,
              KGR_YEAR_STATED);
  kgr_doc_free(d);
}

static void test_date_bound_to_noun(void **state) {
  (void)state;
  /* the election keeps its own date; the protest takes the sentence's */
  kgr_doc *d = parse("Events in the capital\n\n"
                     "On 5 May 2021, after the 2 May parliamentary elections, thousands of "
                     "people took to the streets.\n",
                     NULL);
  expect_date(event_of(d, KGR_EVENT_ELECTION, 0)->date, "2021-05-02", "2021-05-02",
              KGR_PRECISION_DAY, KGR_YEAR_DOCUMENT);
  expect_date(event_of(d, KGR_EVENT_PROTEST, 0)->date, "2021-05-05", "2021-05-05",
              KGR_PRECISION_DAY, KGR_YEAR_STATED);
  /* no date line: the latest event day is the document's date */
  assert_true(str_is(d->date, "2021-05-05"));
  assert_int_equal(d->date_source, KGR_DATE_SOURCE_INFERRED);
  kgr_doc_free(d);
}

static bool has_place(const kgr_event *e, const char *name) {
  for (size_t k = 0; k < e->place_count; k++)
    if (str_is(e->places[k].name, name))
      return true;
  return false;
}

static void test_relative_days(void **state) {
  (void)state;
  /* counted from the document's date: a Friday */
  kgr_doc *d = parse("Georgia: police violence\n\n"
                     "21 June 2019\n\n"
                     "Riot police dispersed the crowd outside the parliament in Tbilisi last "
                     "night. On Friday, the speaker of parliament resigned. Police detained "
                     "25 students yesterday morning in Batumi.\n",
                     NULL);
  expect_date(event_of(d, KGR_EVENT_FORCE_AGAINST_PROTESTERS, 0)->date, "2019-06-20", "2019-06-21",
              KGR_PRECISION_DAY, KGR_YEAR_DOCUMENT);
  expect_date(event_of(d, KGR_EVENT_RESIGNATION, 0)->date, "2019-06-21", "2019-06-21",
              KGR_PRECISION_DAY, KGR_YEAR_DOCUMENT);
  const kgr_event *a = event_of(d, KGR_EVENT_ARREST, 0);
  expect_date(a->date, "2019-06-20", "2019-06-20", KGR_PRECISION_DAY, KGR_YEAR_DOCUMENT);
  assert_true(str_is(a->date->text, "yesterday morning"));
  kgr_doc_free(d);

  /* no document date: the day stays unknown, and no carried day stands in
   * for it */
  d = parse("Georgia: police violence\n\n"
            "On 19 June 2019, thousands rallied in Tbilisi. Police detained 25 students "
            "yesterday.\n",
            NULL);
  const kgr_event *x = event_of(d, KGR_EVENT_ARREST, 0);
  expect_date(x->date, NULL, NULL, KGR_PRECISION_DAY, KGR_YEAR_NONE);
  assert_true(str_is(x->date->text, "yesterday"));
  kgr_doc_free(d);

  /* "today" does not make a generality a happening */
  d = parse("Belarus: custody\n\n5 May 2021\n\n"
            "Today, torture remains widespread in police custody. Yesterday, police "
            "detained 20 activists in Minsk.\n",
            NULL);
  assert_int_equal(d->events.count, 1);
  expect_date(event_of(d, KGR_EVENT_ARREST, 0)->date, "2021-05-04", "2021-05-04",
              KGR_PRECISION_DAY, KGR_YEAR_DOCUMENT);
  kgr_doc_free(d);

  /* the caller's reference date stands in for a missing date line */
  d = parse("Georgia: police violence\n\nPolice detained 25 students last week.\n", "2019-06-21");
  expect_date(event_of(d, KGR_EVENT_ARREST, 0)->date, "2019-06-10", "2019-06-16", KGR_PRECISION_DAY,
              KGR_YEAR_REFERENCE);
  kgr_doc_free(d);
}

static void test_dateline(void **state) {
  (void)state;
  /* where and when the statement was issued is no event's place or date */
  kgr_doc *d = parse("Belarus: Mass Arrests\n\n"
                     "(Berlin, August 15, 2020) - Belarusian police have detained thousands "
                     "of protesters, Human Rights Watch said today. On the night of August "
                     "9-10, riot police in Minsk used stun grenades to disperse protesters.\n",
                     NULL);
  assert_true(str_is(d->date, "2020-08-15"));
  const kgr_event *a = event_of(d, KGR_EVENT_ARREST, 0);
  assert_null(a->date);
  assert_false(has_place(a, "Berlin"));
  const kgr_event *f = event_of(d, KGR_EVENT_FORCE_AGAINST_PROTESTERS, 0);
  expect_date(f->date, "2020-08-09", "2020-08-10", KGR_PRECISION_DAY, KGR_YEAR_DOCUMENT);
  assert_true(has_place(f, "Minsk"));
  for (size_t i = 0; i < d->events.count; i++)
    assert_false(has_place(&d->events.items[i], "Berlin"));
  kgr_doc_free(d);

  /* "GENEVA (date) -" and "Place, date:" datelines too */
  d = parse("Iran: experts alarmed\n\n"
            "GENEVA (26 October 2022) - Security forces in Tehran detained dozens of "
            "students, UN experts said.\n",
            NULL);
  a = event_of(d, KGR_EVENT_ARREST, 0);
  assert_null(a->date);
  assert_false(has_place(a, "Geneva"));
  kgr_doc_free(d);

  /* a date that is not the document's opens a report, not a dateline */
  d = parse("Report\n\n12 October 2020\n\n"
            "Bishkek, 5 October 2020: police detained 30 protesters outside the White "
            "House.\n",
            NULL);
  a = event_of(d, KGR_EVENT_ARREST, 0);
  expect_date(a->date, "2020-10-05", "2020-10-05", KGR_PRECISION_DAY, KGR_YEAR_STATED);
  assert_true(has_place(a, "Bishkek"));
  kgr_doc_free(d);
}

/* A sentence's absolute dates are the date recognizer's over the sentence
 * (the figures read them instead of finding them again), the relative
 * ones besides, unless a dateline opens the sentence. */
static void test_sentence_dates_are_the_recognizers(void **state) {
  (void)state;
  kgr_test_run r = kgr_test_read_text(
      "Report\n\n"
      "On Monday, 5 October 2020, police detained 40 protesters; yesterday 3 were injured.\n\n"
      "Between 5 and 7 October, and again in November, the 4 October Street rally was "
      "dispersed. Last week, on 09.10.2020 and October 30 - November 2, 2020, clashes "
      "continued in 2019-2020 terms.\n\n"
      "No date here. On Friday evening 12 people were detained.\n",
      NULL);
  kgr_arena keep, scratch;
  kgr_arena_init(&keep, NULL);
  kgr_arena_init(&scratch, NULL);
  const kgr_sentence_dates *sds = kgr_event_dates_read(r.doc, r.lay, &keep, &keep, &scratch);
  size_t absolute = 0, relative = 0;
  for (size_t s = 0; s < r.lay->sentence_count; s++) {
    const kgr_sentence *se = &r.lay->sentences[s];
    const kgr_block *b = &r.lay->blocks[se->block];
    if (b->kind == KGR_BLOCK_FOOTNOTE || sds[s].body_start != se->start)
      continue;
    kgr_date_hit_vec hits = {0};
    kgr_dates_find(&scratch, b->text + se->start, se->end - se->start, &hits);
    size_t k = 0;
    for (size_t i = 0; i < sds[s].count; i++) {
      const kgr_sdate *x = &sds[s].hits[i];
      if (x->relative) {
        relative++;
        continue;
      }
      assert_true(k < hits.count);
      assert_int_equal(x->start, se->start + hits.items[k].start);
      assert_int_equal(x->end, se->start + hits.items[k].end);
      k++;
    }
    assert_int_equal(k, hits.count);
    absolute += k;
  }
  assert_true(absolute >= 6);
  assert_true(relative >= 2);
  kgr_arena_release(&keep);
  kgr_arena_release(&scratch);
  kgr_test_run_done(&r);
}

/* The table of the sentences' dates is made in `keep`, the dates and a
 * shifted day in `dates`, not the document's arena: the document takes only
 * their ISO strings, which figures share. */
static void test_dates_live_in_their_arena(void **state) {
  (void)state;
  kgr_test_run r = kgr_test_read_text("Report\n\n"
                                      "On 5 October 2020, police detained 40 protesters. The "
                                      "next day 3 were injured.\n",
                                      NULL);
  kgr_arena keep, dates, scratch;
  kgr_arena_init(&keep, NULL);
  kgr_arena_init(&dates, NULL);
  kgr_arena_init(&scratch, NULL);
  const char *before = r.doc->arena.cur;
  const kgr_sentence_dates *sds = kgr_event_dates_read(r.doc, r.lay, &keep, &dates, &scratch);
  assert_true(keep.total > 0);
  assert_true(dates.total > 0);
  const kgr_date *day = NULL;
  size_t s = 0;
  for (; s < r.lay->sentence_count && !day; s++)
    if (sds[s].count)
      day = sds[s].hits[0].date;
  assert_non_null(day);
  expect_date(day, "2020-10-05", "2020-10-05", KGR_PRECISION_DAY, KGR_YEAR_STATED);
  /* one ISO string went to the document, no date */
  assert_true((size_t)(r.doc->arena.cur - before) < sizeof(kgr_date));

  const kgr_sentence *se = &r.lay->sentences[s - 1];
  const kgr_block *b = &r.lay->blocks[se->block];
  before = r.doc->arena.cur;
  const char *dates_before = dates.cur;
  const kgr_date *next = kgr_date_shift(r.doc, &dates, day, 1, b, se->start, se->start + 2);
  assert_true(next != day);
  expect_date(next, "2020-10-06", "2020-10-06", KGR_PRECISION_DAY, KGR_YEAR_STATED);
  assert_true(str_is(next->text, "On"));
  assert_true((size_t)(r.doc->arena.cur - before) < sizeof(kgr_date));
  assert_true((size_t)(dates.cur - dates_before) >= sizeof(kgr_date));
  /* other than a day it is the date as it was */
  assert_true(kgr_date_shift(r.doc, &dates, day, 0, b, se->start, se->start + 2) == day);
  kgr_arena_release(&keep);
  kgr_arena_release(&dates);
  kgr_arena_release(&scratch);
  kgr_test_run_done(&r);
}

static void test_hedged_needs_a_past_date(void **state) {
  (void)state;
  kgr_doc *d = parse("Uzbekistan: unrest\n\n15 July 2022\n\n"
                     "Protests erupted on 1 July 2022 over amendments that would have removed "
                     "the region's autonomy. A march is scheduled for 20 July 2022. Any use of "
                     "stun grenades against the crowd could cause serious injuries.\n",
                     NULL);
  assert_int_equal(d->events.count, 1);
  expect_date(event_of(d, KGR_EVENT_PROTEST, 0)->date, "2022-07-01", "2022-07-01",
              KGR_PRECISION_DAY, KGR_YEAR_STATED);
  kgr_doc_free(d);
}

static void test_since_runs_to_the_document_date(void **state) {
  (void)state;
  kgr_doc *d = parse("Georgia: mass detentions\n\n9 December 2024\n\n"
                     "Police have detained more than 400 protesters in Tbilisi since 28 "
                     "November 2024.\n",
                     NULL);
  expect_date(event_of(d, KGR_EVENT_ARREST, 0)->date, "2024-11-28", "2024-12-09", KGR_PRECISION_DAY,
              KGR_YEAR_STATED);
  kgr_doc_free(d);
}

static void test_report_date_is_no_event_date(void **state) {
  (void)state;
  /* the day figures were released is not the day of the killings; a
   * figure keeps it as the day it counts to */
  kgr_doc *d = parse("Kazakhstan: unrest\n\n"
                     "According to figures released by the Prosecutor General's Office on "
                     "15 January 2022, 225 people were killed.\n",
                     NULL);
  assert_null(event_of(d, KGR_EVENT_KILLING, 0)->date);
  assert_true(d->figures.count >= 1);
  assert_true(str_is(d->figures.items[0].date, "2022-01-15"));
  kgr_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_url_year),
      cmocka_unit_test(test_year_cap),
      cmocka_unit_test(test_forms),
      cmocka_unit_test(test_year_from_document),
      cmocka_unit_test(test_year_from_url),
      cmocka_unit_test(test_year_from_reference),
      cmocka_unit_test(test_year_unresolved),
      cmocka_unit_test(test_street_is_no_date),
      cmocka_unit_test(test_carry_forward),
      cmocka_unit_test(test_date_bound_to_noun),
      cmocka_unit_test(test_relative_days),
      cmocka_unit_test(test_dateline),
      cmocka_unit_test(test_sentence_dates_are_the_recognizers),
      cmocka_unit_test(test_dates_live_in_their_arena),
      cmocka_unit_test(test_since_runs_to_the_document_date),
      cmocka_unit_test(test_hedged_needs_a_past_date),
      cmocka_unit_test(test_report_date_is_no_event_date),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
