/*
 * test_events.c - the event stage as a whole (events.c): one event per
 * happening (each attacked journalist apart), victims, places, actors,
 * means and their synonyms, sources from footnote markers (glued to a word
 * and at the end of a paragraph), the document's figures with their dates
 * and sources, spans and texts, and what reports no event (norms, titles,
 * signatory lists), statements and who makes them, vague retellings, deaths
 * at a dispersal, a title's day, paragraphs that go on with a happening,
 * headlines and names that tell nothing, the document's own judgements,
 * named victims of assaults. The documents are written for the test; the
 * seeds are checked when KGR_SEEDS_DIR exists.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "document.h"
#include "kgrights/kgrights.h"
#include "kgr_test.h"

static kgr_doc *parse(const char *text) {
  kgr_error err;
  kgr_doc *d = kgr_parse(text, strlen(text), 0, NULL, &err);
  if (!d)
    fail_msg("parse failed: %s", err.message);
  return d;
}

static size_t count_of(const kgr_doc *d, kgr_event_type t) {
  size_t n = 0;
  for (size_t i = 0; i < d->events.count; i++)
    n += d->events.items[i].type == t;
  return n;
}

static const kgr_event *event_of(const kgr_doc *d, kgr_event_type t, size_t nth) {
  for (size_t i = 0; i < d->events.count; i++)
    if (d->events.items[i].type == t && nth-- == 0)
      return &d->events.items[i];
  fail_msg("no event %s among %zu events", kgr_event_type_name(t), d->events.count);
  return NULL;
}

/* The input under a span must be `want`. */
static void expect_span(const kgr_doc *d, kgr_span sp, const char *want) {
  size_t n = strlen(want);
  if (sp.end < sp.start || sp.end > d->input_len || sp.end - sp.start != n ||
      memcmp(d->input + sp.start, want, n) != 0)
    fail_msg("span [%zu, %zu) holds \"%.*s\", want \"%s\"", sp.start, sp.end,
             (int)(sp.end >= sp.start && sp.end <= d->input_len ? sp.end - sp.start : 0),
             d->input + sp.start, want);
}

static void test_each_journalist_apart(void **state) {
  (void)state;
  kgr_doc *d = parse("Attacks on the press\n\n"
                     "On 5 May 2021, police officers beat Ivan Petrov, a reporter for Radio "
                     "Vesna, outside the court. On 5 May 2021, riot police detained Anna "
                     "Sidorova, a correspondent for the Daily Courier, in Gomel.\n");
  assert_int_equal(count_of(d, KGR_EVENT_ATTACK_ON_JOURNALIST), 2);
  const kgr_event *a = event_of(d, KGR_EVENT_ATTACK_ON_JOURNALIST, 0);
  const kgr_event *b = event_of(d, KGR_EVENT_ATTACK_ON_JOURNALIST, 1);
  assert_int_equal(a->victim_count, 1);
  assert_true(kgr_test_str_eq(a->victims[0].name, "Ivan Petrov"));
  assert_int_equal(b->victim_count, 1);
  assert_true(kgr_test_str_eq(b->victims[0].name, "Anna Sidorova"));
  assert_int_equal(b->place_count, 1);
  assert_true(kgr_test_str_eq(b->places[0].name, "Gomel"));
  /* the perpetrators */
  assert_true(a->actor_count >= 1);
  assert_true(kgr_test_str_eq(a->actors[0].name, "police officers"));
  assert_int_equal(a->actors[0].category, KGR_ACTOR_STATE_FORCES);
  /* no arrest beside the attack on the correspondent */
  assert_int_equal(count_of(d, KGR_EVENT_ARREST), 0);
  kgr_doc_free(d);
}

static void test_prisoners_are_no_victims(void **state) {
  (void)state;
  kgr_doc *d = parse("Events in the capital\n\n"
                     "On 7 May 2021, crowds freed several prisoners, among them the former "
                     "mayor Pavel Orlov.\n");
  const kgr_event *e = event_of(d, KGR_EVENT_PRISONER_RELEASE, 0);
  assert_int_equal(e->victim_count, 0);
  kgr_doc_free(d);
}

static void test_means_synonyms(void **state) {
  (void)state;
  kgr_doc *d = parse("Events in the capital\n\n"
                     "On 3 May 2021, police dispersed the protesters using flash-bangs, stun "
                     "grenades, teargas and rubber-coated bullets.\n\n"
                     "On 4 May 2021, officers fired flash grenades and tear gas at the crowd.\n");
  const kgr_event *e = event_of(d, KGR_EVENT_FORCE_AGAINST_PROTESTERS, 0);
  assert_int_equal(e->means_count, 3);
  assert_int_equal(e->means[0], KGR_MEANS_STUN_GRENADES);
  assert_int_equal(e->means[1], KGR_MEANS_TEAR_GAS);
  assert_int_equal(e->means[2], KGR_MEANS_RUBBER_BULLETS);
  e = event_of(d, KGR_EVENT_FORCE_AGAINST_PROTESTERS, 1);
  assert_int_equal(e->means_count, 2);
  /* the document's means: the union, in order of first use */
  assert_int_equal(d->means.count, 3);
  assert_int_equal(d->means.items[0], KGR_MEANS_STUN_GRENADES);
  assert_int_equal(d->means.items[2], KGR_MEANS_RUBBER_BULLETS);
  kgr_doc_free(d);
}

static void test_sources_and_figures(void **state) {
  (void)state;
  const char *text = "Events in the capital\n\n"
                     "On 3 May 2021, police detained 30 protesters in Minsk.1 Over 20 people "
                     "were injured.\n\n"
                     "On 4 May 2021, officers stormed the offices of an opposition party. At "
                     "least 12 people were detained there.2\n\n"
                     "1 https://example.org/2021/05/arrests/\n"
                     "2 https://example.org/2021/05/raid/\n";
  kgr_doc *d = parse(text);
  const kgr_event *a = event_of(d, KGR_EVENT_ARREST, 0);
  assert_int_equal(a->source_count, 1);
  assert_int_equal(a->sources[0], 1);
  /* a note at the end of a paragraph backs its sentences without one */
  const kgr_event *s = event_of(d, KGR_EVENT_SEIZURE_OF_BUILDING, 0);
  assert_int_equal(s->source_count, 1);
  assert_int_equal(s->sources[0], 2);
  /* the document's figures, with dates and sources */
  const kgr_figure *thirty = NULL, *twelve = NULL;
  for (size_t i = 0; i < d->figures.count; i++) {
    const kgr_figure *f = &d->figures.items[i];
    if (f->value == 30)
      thirty = f;
    if (f->value == 12)
      twelve = f;
  }
  assert_non_null(thirty);
  assert_int_equal(thirty->kind, KGR_FIG_DETAINED);
  assert_true(kgr_test_str_eq(thirty->date, "2021-05-03"));
  assert_int_equal(thirty->source_count, 1);
  assert_int_equal(thirty->sources[0], 1);
  assert_non_null(twelve);
  assert_true(kgr_test_str_eq(twelve->date, "2021-05-04"));
  assert_int_equal(twelve->sources[0], 2);
  /* the event's figures are the document's */
  bool found = false;
  for (size_t i = 0; i < a->figure_count; i++)
    found |= a->figures[i].value == 30 && a->figures[i].span.start == thirty->span.start;
  assert_true(found);
  kgr_doc_free(d);
}

static void test_spans_and_text(void **state) {
  (void)state;
  const char *text = "Events in the capital\n\n"
                     "On 3 May 2021, police beat a reporter\nfor the Daily Courier. The "
                     "scene was filmed.\n";
  kgr_doc *d = parse(text);
  const kgr_event *e = event_of(d, KGR_EVENT_ATTACK_ON_JOURNALIST, 0);
  expect_span(d, e->span,
              "On 3 May 2021, police beat a reporter\nfor the Daily Courier. The scene was "
              "filmed.");
  assert_true(kgr_test_str_eq(e->text,
                              "On 3 May 2021, police beat a reporter for the Daily Courier. "
                              "The scene was filmed."));
  expect_span(d, e->date->span, "3 May 2021");
  kgr_doc_free(d);
}

static void test_places_of_follow_ups(void **state) {
  (void)state;
  kgr_doc *d = parse("Events in the capital\n\n"
                     "On 3 May 2021, thousands of people protested in Gomel. Clashes broke out "
                     "in the evening.\n");
  const kgr_event *c = event_of(d, KGR_EVENT_CLASH, 0);
  assert_int_equal(c->place_count, 1);
  assert_true(kgr_test_str_eq(c->places[0].name, "Gomel"));
  kgr_doc_free(d);
}

static void test_no_events(void **state) {
  (void)state;
  kgr_doc *d = parse("Police must not disperse peaceful protests\n\n"
                     "The authorities must release everyone detained for protesting. Water "
                     "cannon should never be used against peaceful crowds. Over the years, "
                     "police have been criticised for arresting journalists. Protesters renewed "
                     "their calls for the resignation of the minister.\n\n"
                     "Signed by:\n\n"
                     "1. Committee Against Torture and Arrests (Georgia)\n"
                     "2. Free Press Union (Armenia)\n");
  for (size_t i = 0; i < d->events.count; i++)
    fail_msg("unexpected event %s: %s", kgr_event_type_name(d->events.items[i].type),
             d->events.items[i].text.ptr);
  assert_int_equal(d->means.count, 0);
  kgr_doc_free(d);
}

static void test_retold_happening(void **state) {
  (void)state;
  kgr_doc *d = parse("Events in the capital\n\n"
                     "On 3 May 2021, demonstrators seized the parliament building.\n\n"
                     "Background\n\n"
                     "On 3 May 2021, protesters occupied the parliament building.\n");
  assert_int_equal(count_of(d, KGR_EVENT_SEIZURE_OF_BUILDING), 1);
  kgr_doc_free(d);
}

/* Every span of every event is inside the input. */
static void spans_hold(const kgr_doc *d) {
  for (size_t i = 0; i < d->events.count; i++) {
    kgr_span sp = d->events.items[i].span;
    assert_true(sp.start < sp.end && sp.end <= d->input_len);
  }
}

static void test_statements(void **state) {
  (void)state;
  /* an official's announcement is a happening; the issuer's staff quoted,
   * outlets and NGOs reporting, and police accounts are sources */
  kgr_doc *d = parse("Kazakhstan: shoot to kill\n\n"
                     "(Berlin, January 26, 2022) - Police detained dozens of people in "
                     "Almaty, Human Rights Watch said today.\n\n"
                     "On January 7, President Kassym-Jomart Tokayev announced that he had "
                     "authorised lethal force.\n\n"
                     "\"The authorities must investigate every death,\" said Mihra "
                     "Rittmann, senior Central Asia researcher at Human Rights Watch.\n\n"
                     "Vlast.kz reported that the city was calm. Police said the crowd had "
                     "been armed.\n");
  assert_int_equal(count_of(d, KGR_EVENT_STATEMENT), 1);
  const kgr_event *e = event_of(d, KGR_EVENT_STATEMENT, 0);
  assert_true(kgr_test_str_eq(e->date->start_iso, "2022-01-07"));
  spans_hold(d);
  kgr_doc_free(d);
}

static void test_vague_retelling_folds(void **state) {
  (void)state;
  /* a lead without a day and its retelling with one are one happening */
  kgr_doc *d = parse("Kazakhstan: Killings in Almaty\n\n"
                     "26 January 2022\n\n"
                     "Security forces used excessive force against protesters in Almaty in "
                     "early January.\n\n"
                     "On January 5 and 6, security forces opened fire on protesters in Almaty.\n");
  assert_int_equal(count_of(d, KGR_EVENT_FORCE_AGAINST_PROTESTERS), 1);
  assert_true(kgr_test_str_eq(event_of(d, KGR_EVENT_FORCE_AGAINST_PROTESTERS, 0)->date->start_iso,
                              "2022-01-05"));
  spans_hold(d);
  kgr_doc_free(d);

  /* a mass count does not fold into one person's arrest */
  d = parse("Iran: arrests\n\n1 December 2022\n\n"
            "On 30 October 2022, security forces arrested a rapper.\n\n"
            "Thousands of others have been arrested.\n");
  assert_int_equal(count_of(d, KGR_EVENT_ARREST), 2);
  kgr_doc_free(d);
}

static void test_deaths_at_a_dispersal(void **state) {
  (void)state;
  /* "killed when security forces dispersed" is one happening: the force,
   * with its dead */
  kgr_doc *d = parse("Armenia: remembering March 2008\n\n"
                     "On 1 March 2008, ten people were killed when security forces dispersed "
                     "protests in Yerevan. No one has been held accountable for these deaths.\n");
  assert_int_equal(count_of(d, KGR_EVENT_KILLING), 0);
  const kgr_event *e = event_of(d, KGR_EVENT_FORCE_AGAINST_PROTESTERS, 0);
  assert_int_equal(e->figure_count, 1);
  assert_int_equal(e->figures[0].kind, KGR_FIG_KILLED);
  assert_int_equal(e->figures[0].value, 10);
  kgr_doc_free(d);
}

static void test_title_day(void **state) {
  (void)state;
  /* a title that names a day and a happening dates the undated ones of
   * that kind */
  kgr_doc *d = parse("Detentions at protests on 23 January 2021\n\n"
                     "24 January 2021\n\n"
                     "Protests took place in more than 100 cities.\n\n"
                     "In Moscow, police detained at least 1,600 people. Criminal cases were "
                     "opened against two activists.\n");
  assert_true(kgr_test_str_eq(event_of(d, KGR_EVENT_ARREST, 0)->date->start_iso, "2021-01-23"));
  kgr_doc_free(d);
}

static void test_paragraph_goes_on(void **state) {
  (void)state;
  /* an undated telling of the same kind goes on with the dated happening
   * of the paragraph before; nothing else crosses a paragraph */
  kgr_doc *d = parse("Hong Kong: police violence\n\n13 June 2019\n\n"
                     "Police used tear gas against protesters yesterday.\n\n"
                     "Police fired tear gas and rubber bullets at protesters outside the "
                     "legislature. At least 79 people were injured.\n\n"
                     "Several activists were arrested at the station.\n");
  assert_int_equal(count_of(d, KGR_EVENT_FORCE_AGAINST_PROTESTERS), 1);
  const kgr_event *f = event_of(d, KGR_EVENT_FORCE_AGAINST_PROTESTERS, 0);
  assert_true(kgr_test_str_eq(f->date->start_iso, "2019-06-12"));
  assert_int_equal(f->figure_count, 1);
  /* its text and span stay those of its first paragraph */
  assert_null(strstr(f->text.ptr, "79"));
  assert_null(event_of(d, KGR_EVENT_ARREST, 0)->date);
  spans_hold(d);
  kgr_doc_free(d);
}

static void test_headlines_and_names(void **state) {
  (void)state;
  /* a deck, a reference block, an organisation's name and a quoted charge
   * report nothing */
  kgr_doc *d = parse("Georgia: Urgent Appeal\n\n"
                     "Investigate Deaths, Torture Allegations; Free Protesters\n\n"
                     "GEO 002 / Arbitrary detention / Ill-treatment\n\n"
                     "The World Organisation Against Torture and the Committee to Protect "
                     "Journalists published a joint report. The activists are accused of "
                     "\"organising mass riots\".\n");
  for (size_t i = 0; i < d->events.count; i++)
    fail_msg("unexpected event %s: %s", kgr_event_type_name(d->events.items[i].type),
             d->events.items[i].text.ptr);
  kgr_doc_free(d);
}

static void test_judgements_refer(void **state) {
  (void)state;
  /* "we condemn the dispersal" refers to what the document told; with a
   * date of its own it tells */
  kgr_doc *d = parse("Georgia: statement\n\n"
                     "The Observatory strongly condemns the violent dispersal of peaceful "
                     "protests and the arbitrary detention of protesters.\n\n"
                     "Freedom House condemns the excessive use of force by police against "
                     "demonstrators in Tbilisi on 20 June 2019.\n");
  assert_int_equal(d->events.count, 1);
  assert_int_equal(d->events.items[0].type, KGR_EVENT_FORCE_AGAINST_PROTESTERS);
  assert_true(kgr_test_str_eq(d->events.items[0].date->start_iso, "2019-06-20"));
  kgr_doc_free(d);
}

static void test_named_victims(void **state) {
  (void)state;
  /* an assault on someone named is a happening (other); an unnamed one is
   * not */
  kgr_doc *d = parse("Hong Kong: defender attacked\n\n"
                     "On 16 October 2019, human rights defender Jimmy Sham was attacked by a "
                     "group of men armed with hammers. On 17 October 2019, a car was attacked "
                     "near the station.\n");
  assert_int_equal(count_of(d, KGR_EVENT_OTHER), 1);
  const kgr_event *e = event_of(d, KGR_EVENT_OTHER, 0);
  assert_int_equal(e->victim_count, 1);
  assert_true(kgr_test_str_eq(e->victims[0].name, "Jimmy Sham"));
  kgr_doc_free(d);

  /* the rest of a named person's story ("officers beat him") stays his */
  d = parse("Belarus: reporters detained\n\n"
            "On August 11, 2020, riot police detained Nikita Telizhenko, a reporter for "
            "Znak.com, in Minsk. Znak.com reported that officers beat him in a police van.\n");
  assert_int_equal(d->events.count, 1);
  assert_int_equal(d->events.items[0].type, KGR_EVENT_ATTACK_ON_JOURNALIST);
  kgr_doc_free(d);
}

/* --- Seeds ---------------------------------------------------------------- */

static const kgr_event *dated(const kgr_doc *d, kgr_event_type t, const char *start) {
  for (size_t i = 0; i < d->events.count; i++) {
    const kgr_event *e = &d->events.items[i];
    if (e->type == t && e->date && kgr_test_str_eq(e->date->start_iso, start))
      return e;
  }
  fail_msg("no %s event on %s", kgr_event_type_name(t), start);
  return NULL;
}

/* An event's text is NUL-terminated and reflowed wherever it is kept: a
 * paragraph's last sentences share the paragraph's text (the second event,
 * joined across a line break, and the third), a sentence in mid-paragraph
 * is copied (the first).
 * Victims and places are the document's persons and places. */
static void test_texts_and_shared_arrays(void **state) {
  (void)state;
  kgr_doc *d = parse("Crackdown\n\n"
                     "On 5 May 2021, police detained Ivan Petrov, a reporter for Radio Vesna, "
                     "in Gomel. On 9 May 2021, police beat and detained Anna Sidorova in Minsk. "
                     "Nothing else\nhappened that week.\n\n"
                     "On 12 May 2021, police detained the activist Oleg Ivanov in Brest.\n");
  assert_true(d->events.count >= 3);
  for (size_t i = 0; i < d->events.count; i++) {
    const kgr_event *e = &d->events.items[i];
    assert_non_null(e->text.ptr);
    assert_int_equal(e->text.ptr[e->text.len], '\0');
    assert_null(memchr(e->text.ptr, '\n', e->text.len));
    for (size_t k = 0; k < e->victim_count; k++) {
      bool found = false;
      for (size_t p = 0; p < d->persons.count && !found; p++)
        found = kgr_test_str_eq(d->persons.items[p].name, e->victims[k].name.ptr);
      assert_true(found);
    }
    for (size_t k = 0; k < e->place_count; k++) {
      bool found = false;
      for (size_t p = 0; p < d->places.count && !found; p++)
        found = kgr_test_str_eq(d->places.items[p].name, e->places[k].name.ptr);
      assert_true(found);
    }
  }
  assert_int_equal(d->events.count, 3);
  const kgr_event *e = &d->events.items[0];
  assert_true(kgr_test_str_eq(
      e->text,
      "On 5 May 2021, police detained Ivan Petrov, a reporter for Radio Vesna, in Gomel."));
  assert_int_equal(e->victim_count, 1);
  assert_true(kgr_test_str_eq(e->victims[0].name, "Ivan Petrov"));
  e = &d->events.items[1];
  assert_true(kgr_test_str_eq(e->text, "On 9 May 2021, police beat and detained Anna Sidorova in "
                                       "Minsk. Nothing else happened that week."));
  e = &d->events.items[2];
  assert_true(kgr_test_str_eq(
      e->text, "On 12 May 2021, police detained the activist Oleg Ivanov in Brest."));
  assert_int_equal(e->victim_count, 1);
  assert_true(kgr_test_str_eq(e->victims[0].name, "Oleg Ivanov"));
  assert_int_equal(e->place_count, 1);
  assert_true(kgr_test_str_eq(e->places[0].name, "Brest"));
  kgr_doc_free(d);
}

static void test_seed_appeal(void **state) {
  (void)state;
  if (!kgr_test_seeds_present())
    skip();
  kgr_doc *d = kgr_test_parse_seed("000_014c0850d59dea29.txt");
  dated(d, KGR_EVENT_ELECTION, "2020-10-04");
  dated(d, KGR_EVENT_ANNULMENT, "2020-10-06");
  dated(d, KGR_EVENT_SEIZURE_OF_BUILDING, "2020-10-06");
  dated(d, KGR_EVENT_PRISONER_RELEASE, "2020-10-06");
  dated(d, KGR_EVENT_STATE_OF_EMERGENCY, "2020-10-09");
  const kgr_event *f = dated(d, KGR_EVENT_FORCE_AGAINST_PROTESTERS, "2020-10-05");
  assert_int_equal(f->means_count, 4);
  bool injured = false, killed = false, hospital = false;
  for (size_t i = 0; i < d->figures.count; i++) {
    const kgr_figure *x = &d->figures.items[i];
    injured |= x->kind == KGR_FIG_INJURED && x->value == 600;
    killed |= x->kind == KGR_FIG_KILLED && x->value == 1;
    hospital |= x->kind == KGR_FIG_HOSPITALIZED && x->value == 100;
  }
  assert_true(injured && killed && hospital);
  kgr_doc_free(d);
}

static void test_seed_report(void **state) {
  (void)state;
  if (!kgr_test_seeds_present())
    skip();
  kgr_doc *d = kgr_test_parse_seed("003_f9bce688f7d74b02.txt");
  dated(d, KGR_EVENT_ATTACK_ON_JOURNALIST, "2020-10-04");
  const kgr_event *j = dated(d, KGR_EVENT_ATTACK_ON_JOURNALIST, "2020-10-05");
  assert_int_equal(j->victim_count, 1);
  assert_int_equal(j->date->year_source, KGR_YEAR_URL);
  dated(d, KGR_EVENT_ATTACK_ON_HEALTH_WORKERS, "2020-10-08");
  dated(d, KGR_EVENT_ANNULMENT, "2020-10-06");
  bool cited = false;
  for (size_t i = 0; i < d->figures.count; i++) {
    const kgr_figure *x = &d->figures.items[i];
    if (x->kind == KGR_FIG_INJURED && x->value == 686)
      cited = x->source_count == 1 && x->sources[0] == 1;
  }
  assert_true(cited);
  assert_int_equal(d->means.count, 4);
  /* no date line: inferred from the latest event */
  assert_int_equal(d->date_source, KGR_DATE_SOURCE_INFERRED);
  assert_true(kgr_test_str_eq(d->date, "2020-10-08"));
  kgr_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_each_journalist_apart),
      cmocka_unit_test(test_prisoners_are_no_victims),
      cmocka_unit_test(test_means_synonyms),
      cmocka_unit_test(test_sources_and_figures),
      cmocka_unit_test(test_spans_and_text),
      cmocka_unit_test(test_places_of_follow_ups),
      cmocka_unit_test(test_no_events),
      cmocka_unit_test(test_retold_happening),
      cmocka_unit_test(test_statements),
      cmocka_unit_test(test_vague_retelling_folds),
      cmocka_unit_test(test_deaths_at_a_dispersal),
      cmocka_unit_test(test_title_day),
      cmocka_unit_test(test_paragraph_goes_on),
      cmocka_unit_test(test_headlines_and_names),
      cmocka_unit_test(test_judgements_refer),
      cmocka_unit_test(test_named_victims),
      cmocka_unit_test(test_texts_and_shared_arrays),
      cmocka_unit_test(test_seed_appeal),
      cmocka_unit_test(test_seed_report),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
