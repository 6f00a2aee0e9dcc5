/*
 * test_event_types.c - trigger typing of single sentences (event_types.c):
 * clauses, acts paired with objects of their own clause, the cues that take
 * triggers away (norms, generalities, hypotheticals, calls, negation),
 * passives, and the choice of happenings when a sentence holds several.
 * Every sentence here is written for the test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "event_types.h"
#include "kgr_test_internal.h"

/* A scan of s with a scanner of its own. */
static kgr_event_scan scan_skipping(void **state, const char *s, const kgr_range *skip,
                                    size_t skip_count) {
  kgr_event_scanner scanner;
  kgr_event_scanner_init(&scanner, *state);
  kgr_event_scan sc;
  kgr_event_scan_sentence(&scanner, *state, s, 0, strlen(s), skip, skip_count, &sc);
  return sc;
}

static kgr_event_scan scan(void **state, const char *s) { return scan_skipping(state, s, NULL, 0); }

/* The selected types of s, as a space-separated list of names. */
static const char *selected(void **state, const char *s) {
  static char buf[512];
  kgr_event_scan sc = scan(state, s);
  size_t out[KGR_EVENT_TYPE_COUNT];
  size_t n = kgr_event_select(&sc, NULL, out);
  buf[0] = '\0';
  for (size_t i = 0; i < n; i++) {
    if (i)
      strcat(buf, " ");
    strcat(buf, kgr_event_type_name(sc.triggers[out[i]].type));
  }
  return buf;
}

static void expect_types(void **state, const char *s, const char *want) {
  const char *got = selected(state, s);
  if (strcmp(got, want) != 0)
    fail_msg("\"%s\": got [%s], want [%s]", s, got, want);
}

static void test_each_type(void **state) {
  expect_types(state, "Presidential elections were held across the country.", "election");
  expect_types(state, "Thousands of people took to the streets of the capital.", "protest");
  expect_types(state, "Riot police dispersed the demonstrators with batons.",
               "force_against_protesters");
  expect_types(state, "Clashes between rival groups of supporters left dozens hurt.", "clash");
  expect_types(state, "Police beat a camera crew outside the court.", "attack_on_journalist");
  expect_types(state, "Unknown assailants attacked an ambulance near the square.",
               "attack_on_health_workers");
  expect_types(state, "Demonstrators occupied the mayor's office.", "seizure_of_building");
  expect_types(state, "The authorities freed forty political prisoners.", "prisoner_release");
  expect_types(state, "The interior minister resigned.", "resignation");
  expect_types(state, "The Supreme Court annulled the results.", "annulment");
  expect_types(state, "The government declared a state of emergency in the province.",
               "state_of_emergency");
  expect_types(state, "Shops were looted in the city centre.", "looting");
  expect_types(state, "Police arrested 25 activists near the station.", "arrest");
  expect_types(state, "Two men were shot dead near the border.", "killing");
  expect_types(state, "Several detainees were tortured in custody.", "torture");
  expect_types(state, "The prosecutor general announced an investigation.", "statement");
}

static void test_hard_negatives(void **state) {
  /* calls, intentions and rights are not happenings */
  expect_types(state, "Crowds renewed their calls for his resignation.", "");
  expect_types(state, "He announced his readiness to step down.", "");
  expect_types(state, "Everyone has the right to protest peacefully.", "");
  /* norms and generalities report nothing */
  kgr_event_scan sc = scan(state, "Water cannon must never be used to disperse peaceful protests.");
  assert_true(sc.general);
  /* a generality reports nothing unless it names a date (events.c) */
  sc = scan(state, "Over the years, police have dispersed peaceful rallies.");
  assert_true(sc.generic);
  assert_false(sc.general);
  /* hypotheticals and negation */
  expect_types(state, "The results of the vote could be annulled.", "");
  expect_types(state, "Officers did not disperse the rally.", "");
  /* words that contain a trigger but are none */
  expect_types(state, "Riot police stood outside the polling station.", "");
  expect_types(state, "The Central Election Commission annulled the vote.", "annulment");
  expect_types(state, "The ministry issued a press release.", "");
  /* an attempt is not a seizure */
  expect_types(state, "There was an attempt by some youths to break into the parliament building.",
               "");
  /* "May" inside a sentence is a name, not a modal */
  sc = scan(state, "Officer May arrested the man.");
  assert_int_equal(sc.trigger_count, 1);
  assert_int_equal(sc.triggers[0].type, KGR_EVENT_ARREST);
}

static void test_clauses_pair_acts(void **state) {
  /* detaining a reporter is an attack on a journalist; detaining protesters
   * in another clause, while a journalist only films, is an arrest */
  expect_types(state, "Police detained a reporter, and protesters stormed the parliament building.",
               "attack_on_journalist seizure_of_building");
  expect_types(state, "Police detained several protesters, and a journalist filmed the scene.",
               "arrest");
  kgr_event_scan sc =
      scan(state, "The man, who was arrested last year, was freed; the crowd left (as the "
                  "organisers had planned).");
  /* [The man, ][who ... year][, was freed;][ the crowd left ][(as ... planned)][.] */
  assert_int_equal(sc.clause_count, 6);
  assert_false(sc.clauses[0].aside);
  assert_true(sc.clauses[1].aside);
  assert_false(sc.clauses[2].aside);
  assert_true(sc.clauses[4].aside);
}

static void test_passive(void **state) {
  const char *s = "A reporter was deliberately targeted by officers.";
  kgr_event_scan sc = scan(state, s);
  assert_int_equal(sc.trigger_count, 1);
  assert_int_equal(sc.triggers[0].type, KGR_EVENT_ATTACK_ON_JOURNALIST);
  assert_true(sc.triggers[0].passive);
  sc = scan(state, "Officers targeted a reporter.");
  assert_false(sc.triggers[0].passive);
}

static void test_several_happenings(void **state) {
  /* force and the clashes it caused are one happening; protests are
   * context */
  expect_types(state,
               "The protests were calm, but clashes broke out when police dispersed the crowd "
               "with tear gas.",
               "force_against_protesters");
  /* two asserted happenings stay two */
  expect_types(state, "Protesters stormed the city hall, and several prisoners were freed.",
               "seizure_of_building prisoner_release");
  /* a statement counts only alone */
  expect_types(state, "The minister said that officers had arrested ten people.", "arrest");
  /* the strongest reading of a weak-only sentence */
  expect_types(state, "There were reports of attacks on journalists during the election.",
               "attack_on_journalist");
}

static void test_means(void **state) {
  kgr_event_scan sc = scan(state, "Police used flash-bangs, stun grenades, teargas and tear gas "
                                  "against the protesters.");
  assert_int_equal(sc.means_count, 4);
  assert_int_equal(sc.means_ids[0], KGR_MEANS_STUN_GRENADES);
  assert_int_equal(sc.means_ids[1], KGR_MEANS_STUN_GRENADES);
  assert_int_equal(sc.means_ids[2], KGR_MEANS_TEAR_GAS);
  assert_int_equal(sc.means_ids[3], KGR_MEANS_TEAR_GAS);
  expect_types(state, "Police used flash grenades against the protesters.",
               "force_against_protesters");
}

static void test_dates_are_skipped(void **state) {
  const char *s = "In March the army withdrew.";
  kgr_range skip = {3, 8}; /* "March" */
  kgr_event_scan sc = scan_skipping(state, s, &skip, 1);
  assert_int_equal(sc.trigger_count, 0);
  sc = scan(state, "Thousands joined the march.");
  assert_int_equal(sc.trigger_count, 1);
}

static void test_helpers(void **state) {
  (void)state;
  assert_true(kgr_event_journalist_word("correspondent", 13));
  assert_true(kgr_event_journalist_word("Reporter", 8));
  assert_false(kgr_event_journalist_word("president", 9));
  const char *t = "elections held in Kyrgyzstan on 4 October";
  assert_true(kgr_event_date_link(t, 9, 32, 6));
  const char *u = "elections, which observers criticised, on 4 October";
  assert_false(kgr_event_date_link(u, 9, 42, 6));
  assert_int_equal(kgr_count_words("it's a  test", 0, 12), 3);
  /* kgr_words_within agrees with the count, wherever the range starts */
  const char *w = "it's a  test, of (words) and-so on ";
  size_t wl = strlen(w);
  for (size_t from = 0; from <= wl; from++)
    for (size_t to = from; to <= wl; to++)
      for (size_t max = 0; max < 10; max++)
        assert_int_equal(kgr_words_within(w, from, to, max), kgr_count_words(w, from, to) <= max);
  assert_true(kgr_event_priority(KGR_EVENT_FORCE_AGAINST_PROTESTERS) >
              kgr_event_priority(KGR_EVENT_PROTEST));
  assert_true(kgr_event_has_victims(KGR_EVENT_ARREST));
  assert_false(kgr_event_has_victims(KGR_EVENT_PRISONER_RELEASE));
}

static void test_new_types(void **state) {
  /* a beating in custody is ill-treatment */
  expect_types(state, "Police beat detainees in custody.", "torture");
  expect_types(state, "Officers beat him in a police van.", "torture");
  /* internet shutdowns have no type of their own */
  expect_types(state, "Authorities shut down the internet across the country.", "other");
  expect_types(state, "Internet access has been severely disrupted since Sunday.", "other");
  expect_types(state, "Police blocked the road to the square.", "");
  /* trials, charges and sentences */
  expect_types(state, "A court sentenced the blogger to five years in prison.", "other");
  expect_types(state, "He was charged with organising mass riots.", "other");
  expect_types(state, "He faces ten years in prison if convicted.", "");
  /* an assault with no object needs a named victim (events.c) */
  kgr_event_scan sc = scan(state, "She was attacked by two masked men.");
  assert_int_equal(sc.trigger_count, 1);
  assert_int_equal(sc.triggers[0].type, KGR_EVENT_OTHER);
  assert_true(sc.triggers[0].needs_victim);
  assert_true(sc.triggers[0].passive);
  /* a death in custody; the dead stand before "died" */
  expect_types(state, "Nationwide protests followed her death in custody.", "killing");
  sc = scan(state, "The activist died in hospital.");
  assert_true(sc.triggers[0].passive);
  /* gatherings */
  expect_types(state, "Hundreds of supporters gathered outside the court.", "protest");
  /* "demonstrators protesting X" are the demonstrators, not a new protest */
  expect_types(state, "Police fired on demonstrators protesting the coup.",
               "force_against_protesters");
}

static void test_weapons_tell_how(void **state) {
  /* a weapon in a clause with an act only says how it was done */
  expect_types(state, "Police shot a correspondent in the leg with a rubber bullet.",
               "attack_on_journalist");
  expect_types(state, "Riot police used stun grenades to disperse the crowd.",
               "force_against_protesters");
  /* a weapon alone in a sentence about protesters is force */
  expect_types(state, "Police fired rubber bullets at the protesters.", "force_against_protesters");
  /* an arrest does not take a weapon: both are told */
  expect_types(state, "Police used tear gas against protesters and detained 20 people.",
               "force_against_protesters arrest");
}

static void test_new_cues(void **state) {
  /* the future, plans and bans */
  expect_types(state, "The opposition will hold a rally on Saturday.", "");
  /* before the cue, a trigger is hedged: events.c keeps it only with a
   * past date of its own ("Protests erupted on 1 July over amendments that
   * would have ...") */
  kgr_event_scan h = scan(state, "A march is scheduled for 20 June.");
  assert_int_equal(h.trigger_count, 1);
  assert_true(h.triggers[0].hedged);
  h = scan(state, "The march could be dispersed.");
  assert_int_equal(h.trigger_count, 1); /* the march, hedged; the dispersal denied */
  assert_int_equal(h.triggers[0].type, KGR_EVENT_PROTEST);
  expect_types(state, "The next protests are planned for 31 January.", "");
  expect_types(state, "Police banned a march planned by the opposition.", "");
  h = scan(state, "Protests are likely to continue in the coming weeks.");
  assert_true(h.trigger_count == 0 || h.triggers[0].hedged);
  /* requests in letters */
  expect_types(state, "Please ensure that he is protected from torture.", "");
  /* a demand in one clause leaves the other clause told */
  kgr_event_scan sc = scan(state, "Police dispersed the rally last night, and we call on the "
                                  "authorities to investigate.");
  assert_false(sc.general);
  assert_int_equal(sc.triggers[0].type, KGR_EVENT_FORCE_AGAINST_PROTESTERS);
  sc = scan(state, "The authorities must stop detaining peaceful protesters.");
  assert_true(sc.general);
  /* generalities */
  sc = scan(state, "In previous years, police have repeatedly detained demonstrators.");
  assert_true(sc.generic);
  /* the document's own judgement, and the clause it speaks in */
  sc = scan(state, "The Observatory strongly condemns the violent dispersal of protests.");
  assert_true(sc.voice);
  assert_int_equal(sc.voice_clause, 0);
  /* perfects and pluperfects */
  sc = scan(state, "Police have detained dozens of reporters.");
  assert_true(sc.triggers[0].perfect);
  sc = scan(state, "He had defended members of the minority detained after the protests.");
  assert_true(sc.trigger_count >= 1);
  assert_true(sc.triggers[sc.trigger_count - 1].perfect);
  sc = scan(state, "Police detained dozens of reporters.");
  assert_false(sc.triggers[0].perfect);
  /* report cues */
  sc = scan(state, "According to official figures, 225 people were killed.");
  assert_int_equal(sc.report_count, 1);
  /* pronouns */
  sc = scan(state, "Officers beat him.");
  assert_true(sc.pronoun);
}

static void test_clause_splits(void **state) {
  /* "and on <date>" starts a clause of its own, comma or not */
  kgr_event_scan sc = scan(state, "The president declared a state of emergency and on 7 January "
                                  "authorised the use of force.");
  assert_int_equal(sc.clause_count, 2);
  /* a short name in brackets is no aside; a longer remark is */
  sc = scan(state, "Mahsa (Zhina) Amini died in custody.");
  assert_int_equal(sc.clause_count, 1);
  sc = scan(state, "Protesters (most of them students from the university) were detained.");
  assert_int_equal(sc.clause_count, 3);
  /* ", when" starts a clause */
  sc = scan(state, "The protests were calm until 5 October, when police dispersed them.");
  assert_int_equal(sc.clause_count, 2);
}

static void test_asides_describe(void **state) {
  /* beside a strong trigger, one in a relative clause only describes */
  expect_types(state,
               "Masked officers beat a group of protesters who had been detained near "
               "the parliament.",
               "force_against_protesters");
  /* a noun in an aside tells nothing by itself */
  expect_types(state, "The court closed the Centre, which documented torture for decades.", "");
  /* but a verb in an aside, with nothing else, does */
  expect_types(state,
               "We are alarmed at the events in Cali, where police opened fire on "
               "demonstrators.",
               "force_against_protesters");
}

/* Linear time: a very long sentence of triggers and clauses. */
static void test_long_sentence(void **state) {
  size_t reps = 20000;
  const char *piece = "police detained a reporter, and crowds protested; ";
  size_t plen = strlen(piece);
  char *s = test_malloc(reps * plen + 1);
  for (size_t i = 0; i < reps; i++)
    memcpy(s + i * plen, piece, plen);
  s[reps * plen - 1] = '\0'; /* no trailing space */
  kgr_event_scan sc = scan(state, s);
  assert_int_equal(sc.clause_count, 2 * reps);
  size_t out[KGR_EVENT_TYPE_COUNT];
  assert_int_equal(kgr_event_select(&sc, NULL, out), 2);
  test_free(s);
}

static void expect_same_scan(const kgr_event_scan *x, const kgr_event_scan *y) {
  assert_int_equal(x->general, y->general);
  assert_int_equal(x->generic, y->generic);
  assert_int_equal(x->voice, y->voice);
  assert_int_equal(x->voice_clause, y->voice_clause);
  assert_int_equal(x->pronoun, y->pronoun);
  assert_int_equal(x->new_set, y->new_set);
  assert_int_equal(x->later, y->later);
  assert_int_equal(x->denied, y->denied);
  assert_int_equal(x->day_shift, y->day_shift);
  assert_int_equal(x->same_day, y->same_day);
  assert_memory_equal(&x->shift_cue, &y->shift_cue, sizeof x->shift_cue);
  assert_int_equal(x->clause_count, y->clause_count);
  for (size_t i = 0; i < x->clause_count; i++)
    assert_memory_equal(&x->clauses[i], &y->clauses[i], sizeof x->clauses[i]);
  assert_int_equal(x->trigger_count, y->trigger_count);
  for (size_t i = 0; i < x->trigger_count; i++)
    assert_memory_equal(&x->triggers[i], &y->triggers[i], sizeof x->triggers[i]);
  assert_int_equal(x->means_count, y->means_count);
  for (size_t i = 0; i < x->means_count; i++) {
    assert_memory_equal(&x->means[i], &y->means[i], sizeof x->means[i]);
    assert_int_equal(x->means_ids[i], y->means_ids[i]);
  }
  assert_int_equal(x->report_count, y->report_count);
  for (size_t i = 0; i < x->report_count; i++)
    assert_memory_equal(&x->reports[i], &y->reports[i], sizeof x->reports[i]);
}

/* A scanner reads each entry's tags once and reuses its vectors; its
 * scans equal those of a fresh scanner. */
static void test_scanner_remembers_entries(void **state) {
  const char *cases[] = {
      "Police fired tear gas and rubber bullets to disperse protesters on Monday.",
      "The authorities must release the journalists detained during the election.",
      "Security forces stormed the building; the next day, two reporters were beaten.",
      "According to figures released later, police have detained dozens, he said.",
      "We condemn the killing of protesters, who had not been armed with grenades.",
  };
  kgr_event_scanner sc;
  kgr_event_scanner_init(&sc, *state);
  size_t triggers = 0;
  for (int round = 0; round < 2; round++)
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
      const char *s = cases[c];
      kgr_event_scan x, y;
      kgr_event_scan_sentence(&sc, *state, s, 0, strlen(s), NULL, 0, &x);
      y = scan(state, s); /* a scanner of its own reads every tag afresh */
      triggers += x.trigger_count;
      expect_same_scan(&x, &y);
    }
  assert_true(triggers >= 10);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_ARENA_TEST(test_each_type),          KGR_ARENA_TEST(test_hard_negatives),
      KGR_ARENA_TEST(test_clauses_pair_acts),  KGR_ARENA_TEST(test_passive),
      KGR_ARENA_TEST(test_several_happenings), KGR_ARENA_TEST(test_means),
      KGR_ARENA_TEST(test_dates_are_skipped),  KGR_ARENA_TEST(test_helpers),
      KGR_ARENA_TEST(test_long_sentence),      KGR_ARENA_TEST(test_new_types),
      KGR_ARENA_TEST(test_scanner_remembers_entries),
      KGR_ARENA_TEST(test_weapons_tell_how),   KGR_ARENA_TEST(test_new_cues),
      KGR_ARENA_TEST(test_clause_splits),      KGR_ARENA_TEST(test_asides_describe),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
