/*
 * test_demands.c - addressees and demands (appeal.c): list items after a
 * call, a "Recommendations" heading or a "To X:" line; prose calls in the
 * document's own voice; "must" sentences; themes; and what is not a
 * demand (narrative calls, questions, reported speech, the past, notes,
 * titles, signatory lists).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "document.h"
#include "kgr_test.h"

static void dump(const kgr_doc *d) {
  for (size_t i = 0; i < d->demands.count; i++)
    printf("# demand %zu: %s | %s\n", i, kgr_test_show(d->demands.items[i].text),
           kgr_test_show(d->demands.items[i].addressee));
  for (size_t i = 0; i < d->addressees.count; i++)
    printf("# addressee %zu: %s\n", i, kgr_test_show(d->addressees.items[i].text));
}

/* Demand i starts with `start`, and its span holds its first words. */
static void demand_starts(const kgr_doc *d, size_t i, const char *start) {
  if (i >= d->demands.count) {
    dump(d);
    fail_msg("demand %zu (%s) missing: only %zu", i, start, d->demands.count);
  }
  const kgr_demand *x = &d->demands.items[i];
  if (strncmp(kgr_test_show(x->text), start, strlen(start)) != 0) {
    dump(d);
    fail_msg("demand %zu is \"%s\", want \"%s...\"", i, kgr_test_show(x->text), start);
  }
  assert_true(x->span.start < x->span.end && x->span.end <= d->input_len);
  size_t n = strlen(start) < 12 ? strlen(start) : 12;
  bool found = false;
  for (size_t k = x->span.start; k + n <= x->span.end && !found; k++)
    found = memcmp(d->input + k, start, n) == 0;
  assert_true(found);
}

static void addressees_are(const kgr_doc *d, const char *const *want, size_t n) {
  if (d->addressees.count != n)
    dump(d);
  assert_int_equal(d->addressees.count, n);
  for (size_t i = 0; i < n; i++) {
    const kgr_mention *m = &d->addressees.items[i];
    assert_string_equal(kgr_test_show(m->text), want[i]);
    assert_int_equal(m->span.end - m->span.start, strlen(want[i]));
    assert_memory_equal(d->input + m->span.start, want[i], strlen(want[i]));
  }
}

static bool has_theme(const kgr_demand *x, kgr_theme t) {
  for (size_t i = 0; i < x->theme_count; i++)
    if (x->themes[i] == t)
      return true;
  return false;
}

#define TITLE "Tajikistan: Free the Bloggers\n\n1 June 2021\n\n"

static void test_bulleted_after_call(void **state) {
  kgr_doc *d = kgr_test_parse(
      state, TITLE "We, the undersigned organisations, are alarmed by the arrest of "
                   "six bloggers in Dushanbe. To end this crisis, we urge the "
                   "Tajik authorities and all political parties to:\n\n"
                   "- release the six bloggers and drop the charges against them;\n"
                   "- allow journalists and human rights defenders to work freely;\n"
                   "- open an impartial investigation into the beatings in custody.\n\n"
                   "Signed by:\n\n1. Bulgarian Helsinki Committee\n2. Freedom Now (USA)\n");
  assert_int_equal(d->demands.count, 3);
  demand_starts(d, 0, "release the six bloggers");
  demand_starts(d, 1, "allow journalists");
  demand_starts(d, 2, "open an impartial investigation");
  /* the intro itself is no demand; its addressee goes to each item */
  assert_string_equal(kgr_test_show(d->demands.items[0].addressee),
                      "the Tajik authorities and all political parties");
  static const char *const want[] = {"the Tajik authorities", "all political parties"};
  addressees_are(d, want, 2);
  /* themes: in order, no repeats */
  const kgr_demand *x = &d->demands.items[1];
  assert_true(has_theme(x, KGR_THEME_PROTECTION_OF_JOURNALISTS));
  assert_true(has_theme(&d->demands.items[2], KGR_THEME_INVESTIGATION));
  /* the list item span is the item's block */
  assert_true(x->span.end <= (size_t)(strstr(d->input, "freely;") - d->input) + 7);
}

static void test_numbered_and_call_for(void **state) {
  kgr_doc *d =
      kgr_test_parse(state, TITLE "We call in particular for:\n\n"
                                  "1) Inclusive negotiations on a way out of the crisis;\n"
                                  "2) Free and fair elections as soon as possible;\n"
                                  "3) Accountability for the use of excessive force.\n\n"
                                  "We also call on the OSCE, the European Union and the United "
                                  "Nations to follow the situation closely.\n");
  assert_int_equal(d->demands.count, 4);
  demand_starts(d, 0, "Inclusive negotiations");
  assert_null(d->demands.items[0].addressee.ptr);
  demand_starts(d, 3, "We also call on the OSCE");
  static const char *const want[] = {"the OSCE", "the European Union", "the United Nations"};
  addressees_are(d, want, 3);
  const kgr_demand *x = &d->demands.items[2];
  assert_int_equal(x->theme_count, 2);
  assert_int_equal(x->themes[0], KGR_THEME_ACCOUNTABILITY);
  assert_int_equal(x->themes[1], KGR_THEME_USE_OF_FORCE);
  assert_int_equal(d->demands.items[1].themes[0], KGR_THEME_ELECTIONS);
}

static void test_prose_calls(void **state) {
  kgr_doc *d = kgr_test_parse(state, TITLE
                              "The Caspian Rights Network is calling on all sides in the conflict "
                              "to respect the ceasefire. We call on the authorities of Tajikistan, "
                              "as well as on the local militias in the east, to refrain from "
                              "violence, and on the prosecutor's office to investigate the "
                              "killings. We appeal once again to the international community "
                              "to send observers.\n");
  assert_int_equal(d->demands.count, 3);
  demand_starts(d, 0, "The Caspian Rights Network is calling on");
  demand_starts(d, 1, "We call on the authorities");
  demand_starts(d, 2, "We appeal once again");
  static const char *const want[] = {"all sides in the conflict", "the authorities of Tajikistan",
                                     "the local militias in the east", "the prosecutor's office",
                                     "the international community"};
  addressees_are(d, want, 5);
}

static void test_must_sentences(void **state) {
  kgr_doc *d = kgr_test_parse(state, TITLE
                              "Police beat the protesters with batons on 3 May. The authorities in "
                              "Tajikistan must release everyone held for protesting peacefully. "
                              "The authorities have an obligation to protect detainees. Armed "
                              "groups must not attack civilians. All allegations of torture must "
                              "be investigated. In particular, peaceful protesters should not be "
                              "detained. The ministry needs to publish the list of detainees.\n");
  assert_int_equal(d->demands.count, 6);
  demand_starts(d, 0, "The authorities in Tajikistan must release");
  assert_string_equal(kgr_test_show(d->demands.items[0].addressee),
                      "The authorities in Tajikistan");
  demand_starts(d, 1, "The authorities have an obligation");
  demand_starts(d, 2, "Armed groups must not attack");
  assert_null(d->demands.items[2].addressee.ptr);
  demand_starts(d, 3, "All allegations of torture must be investigated");
  demand_starts(d, 4, "In particular, peaceful protesters");
  demand_starts(d, 5, "The ministry needs to publish");
  /* "The authorities" is already said; "Armed groups" is not called upon */
  static const char *const want[] = {"The authorities in Tajikistan", "The ministry"};
  addressees_are(d, want, 2);
}

static void test_not_demands(void **state) {
  kgr_doc *d = kgr_test_parse(
      state,
      TITLE "Opposition parties called for new elections on 4 May. Thousands "
            "joined the protest, and there were calls for the president's "
            "resignation. Tensions may further increase in the coming days. "
            "Should the authorities fail to act, the crisis will deepen. Why "
            "should the bloggers stay in prison? The president said that the "
            "bloggers must serve their sentences. The police should have "
            "protected the protesters. We note that the governor urged calm. "
            "There is an urgent need to restore order, the mayor added.\n\n"
            "\xE2\x80\x9CThe protesters must go home,\xE2\x80\x9D the governor told reporters. "
            "We welcome the call of the ombudsman for restraint. This appeal is "
            "supported by many groups.\n\n"
            "To this end, we call for:\n\n"
            "- the release of the bloggers.\n");
  /* only the list item after the closing call is a demand */
  if (d->demands.count != 1)
    dump(d);
  assert_int_equal(d->demands.count, 1);
  demand_starts(d, 0, "the release of the bloggers");
  assert_null(d->demands.items[0].addressee.ptr);
  assert_int_equal(d->addressees.count, 0);
}

static void test_letters_and_urgent_appeals(void **state) {
  /* "Dear X," names whom "you" means; "we write to express" calls on
   * nobody; "requests your intervention" has no addressee */
  kgr_doc *d =
      kgr_test_parse(state, "Open letter to the President of Uzbekistan\n\n20 April 2022\n\n"
                            "Dear President Mirziyoyev,\n\n"
                            "We, the undersigned organisations, write to express our concern about "
                            "the detention of a blogger. We urge you to release him at once.\n");
  assert_int_equal(d->demands.count, 1);
  demand_starts(d, 0, "We urge you to release him");
  assert_string_equal(kgr_test_show(d->demands.items[0].addressee), "President Mirziyoyev");
  static const char *const want1[] = {"President Mirziyoyev"};
  addressees_are(d, want1, 1);
  /* "Please write to X asking them to:" - the items are the demands */
  d = kgr_test_parse(state,
                     TITLE "The Observatory requests your urgent intervention in the following "
                           "situation.\n\n"
                           "Please write to the authorities of Tajikistan asking them to:\n\n"
                           "- Guarantee the physical integrity of the bloggers;\n"
                           "- Put an end to all acts of harassment against them.\n");
  assert_int_equal(d->demands.count, 3);
  demand_starts(d, 0, "The Observatory requests your urgent");
  assert_null(d->demands.items[0].addressee.ptr);
  demand_starts(d, 1, "Guarantee the physical integrity");
  assert_string_equal(kgr_test_show(d->demands.items[1].addressee),
                      "the authorities of Tajikistan");
  static const char *const want2[] = {"the authorities of Tajikistan"};
  addressees_are(d, want2, 1);
  /* "we urge restraint": a call, but nobody named */
  d = kgr_test_parse(state, TITLE "We urge restraint and dialogue on all sides of the dispute.\n");
  assert_int_equal(d->demands.count, 1);
  assert_int_equal(d->addressees.count, 0);
}

/* Long sentences full of call words and "must"s parse in linear time. */
static void test_linear_time(void **state) {
  static const char *const units[] = {"we urge the authorities, ", "must must should ",
                                      "and on the authorities to act, and on all "};
  for (size_t u = 0; u < 3; u++) {
    size_t ul = strlen(units[u]), reps = 400000 / ul;
    char *buf = malloc(reps * ul + 2);
    assert_non_null(buf);
    for (size_t i = 0; i < reps; i++)
      memcpy(buf + i * ul, units[u], ul);
    buf[reps * ul] = '.';
    clock_t t0 = clock();
    kgr_doc *d = kgr_test_parse_len(state, buf, reps * ul + 1);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    free(buf);
    assert_true(d->addressees.count <= 200);
    if (secs > 5.0)
      fail_msg("unit %zu: %.1f s for 400 kB", u, secs);
  }
}

static void test_title_notes_signatories(void **state) {
  /* a headline that calls, a footnote that says "must", a signatory list
   * item that says "must": none is a demand */
  kgr_doc *d =
      kgr_test_parse(state, "Kazakhstan Must Free the Strikers\n\n"
                            "The strikers have been held since 3 May.1\n\n"
                            "1 The court ruled that they must stay in custody until the trial.\n\n"
                            "Signed by:\n\n1. Lawyers Must Act Foundation (Kazakhstan)\n"
                            "2. Bulgarian Helsinki Committee\n");
  if (d->demands.count)
    dump(d);
  assert_int_equal(d->demands.count, 0);
}

static void test_intro_lines(void **state) {
  kgr_doc *d = kgr_test_parse(state, TITLE "Recommendations\n\n"
                                           "To the Government of Tajikistan:\n\n"
                                           "- Release the bloggers.\n"
                                           "- Repeal the law on false information.\n\n"
                                           "To international partners:\n\n"
                                           "- Raise the bloggers' cases at every meeting.\n");
  assert_int_equal(d->demands.count, 3);
  demand_starts(d, 0, "Release the bloggers");
  assert_string_equal(kgr_test_show(d->demands.items[0].addressee), "the Government of Tajikistan");
  demand_starts(d, 2, "Raise the bloggers");
  assert_string_equal(kgr_test_show(d->demands.items[2].addressee), "international partners");
  static const char *const want[] = {"the Government of Tajikistan", "international partners"};
  addressees_are(d, want, 2);
  /* a list after a narrative line is not a list of demands */
  d = kgr_test_parse(state, TITLE "The following incidents were recorded:\n\n"
                                  "- a blogger was beaten in Khujand;\n"
                                  "- a camera was seized in Dushanbe.\n");
  assert_int_equal(d->demands.count, 0);
}

/* Voices: an organisation calling in the present tense; the headline's
 * speaker ("UN experts demand ...") and the quotes it gives; "demand
 * that X"; a "To:" line; a country called upon; a press dateline left out
 * of the demand. Hard negatives: the past tense of another body, a
 * headline whose subject is the people a report is about. */
static void test_voices(void **state) {
  kgr_doc *d =
      kgr_test_parse(state, "Kazakhstan: Free the Strikers\n\nStatement by the Steppe Rights "
                            "Network\n\n4 May 2022\n\n"
                            "The Steppe Rights Network (SRN) is alarmed by the arrests.\n\n"
                            "The SRN calls on the authorities of Kazakhstan to:\n\n"
                            "- release the strikers;\n- drop the charges against them.\n\n"
                            "In 2011, the European Parliament called on Kazakhstan to "
                            "investigate the shootings.\n");
  assert_int_equal(d->demands.count, 2);
  demand_starts(d, 0, "release the strikers");
  assert_string_equal(kgr_test_show(d->demands.items[0].addressee),
                      "the authorities of Kazakhstan");
  d = kgr_test_parse(state, "Iran: UN experts demand release of detained lawyers\n\n"
                            "GENEVA (3 March 2023) \xE2\x80\x93 UN experts today called on Iran to "
                            "release the lawyers detained for defending protesters.\n\n"
                            "\"The authorities must stop punishing lawyers for their work,\" the "
                            "experts said. \"Iran must respect the independence of the legal "
                            "profession.\"\n\n"
                            "The lawyers said the charges must be dropped.\n");
  assert_int_equal(d->demands.count, 3);
  demand_starts(d, 0, "UN experts today called on Iran"); /* the dateline left out */
  demand_starts(d, 1, "\"The authorities must stop");
  demand_starts(d, 2, "\"Iran must respect");
  assert_string_equal(kgr_test_show(d->demands.items[2].addressee), "Iran");
  d = kgr_test_parse(state,
                     "Belarus: Protesters demand new elections\n\n"
                     "Tens of thousands of protesters called on the president to resign on 16 "
                     "August, and the protesters said the vote must be annulled.\n");
  assert_int_equal(d->demands.count, 0);
  d = kgr_test_parse(state, "Belarus: Stop the Torture\n\n15 August 2020\n\n"
                            "We demand that the Investigative Committee open criminal cases into "
                            "every report of torture.\n");
  assert_int_equal(d->demands.count, 1);
  assert_string_equal(kgr_test_show(d->demands.items[0].addressee), "the Investigative Committee");
  static const char *const want[] = {"the Investigative Committee"};
  addressees_are(d, want, 1);
  d = kgr_test_parse(state, "An open letter on the security law\n\n30 June 2020\n\n"
                            "To: The Chief Executive of Hong Kong\n\n"
                            "We are writing to you on behalf of our faculties to urge you to "
                            "withdraw the law.\n");
  static const char *const want2[] = {"The Chief Executive of Hong Kong"};
  addressees_are(d, want2, 1);
  assert_int_equal(d->demands.count, 1);
  assert_string_equal(kgr_test_show(d->demands.items[0].addressee),
                      "The Chief Executive of Hong Kong");
}

/* A quoted "must" is the document's own when a sentence of its block has
 * the headline's speaker say it, before or after the quote; another
 * speaker's quote is not. */
static void test_block_quotes(void **state) {
  kgr_doc *d = kgr_test_parse(
      state, "Iran: UN experts demand release of lawyers\n\n"
             "GENEVA (3 March 2023) \xE2\x80\x93 UN experts today called on Iran to release "
             "the lawyers.\n\n"
             "\"Iran must free them now.\" That is what the experts said on Friday.\n\n"
             "\"Iran must free them too.\" That is what the lawyers said.\n\n"
             "The experts said so again. \"Iran must free them all.\"\n");
  assert_int_equal(d->demands.count, 3);
  demand_starts(d, 0, "UN experts today called on Iran");
  demand_starts(d, 1, "\"Iran must free them now");
  demand_starts(d, 2, "\"Iran must free them all");
}

static void read_seed(void **state, const char *name) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", KGR_SEEDS_DIR, name);
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    printf("# seeds folder %s is absent: seed test skipped\n", KGR_SEEDS_DIR);
    skip();
  }
  static char buf[1 << 16];
  size_t len = fread(buf, 1, sizeof buf, fp);
  fclose(fp);
  kgr_test_parse_len(state, buf, len);
}

static void test_seeds(void **state) {
  read_seed(state, "000_014c0850d59dea29.txt");
  fixture *f = *state;
  kgr_doc *d = f->doc;
  assert_int_equal(d->demands.count, 10);
  demand_starts(d, 0, "We call on the authorities of Kyrgyzstan");
  demand_starts(d, 1, "Inclusive negotiations");
  demand_starts(d, 8, "As soon as the situation permits");
  demand_starts(d, 9, "We also urge Kyrgyzstan");
  assert_int_equal(d->addressees.count, 3);
  assert_string_equal(kgr_test_show(d->addressees.items[0].text), "the authorities of Kyrgyzstan");
  assert_string_equal(kgr_test_show(d->addressees.items[1].text),
                      "all the groups staking claims on power");
  read_seed(state, "003_f9bce688f7d74b02.txt");
  d = f->doc;
  demand_starts(d, 0, "Amnesty International is calling on all sides");
  assert_int_equal(d->addressees.count, 2);
  assert_string_equal(kgr_test_show(d->addressees.items[0].text), "all sides in Kyrgyzstan");
  assert_string_equal(kgr_test_show(d->addressees.items[1].text), "The authorities in Kyrgyzstan");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_bulleted_after_call),
      KGR_TEST(test_numbered_and_call_for),
      KGR_TEST(test_prose_calls),
      KGR_TEST(test_must_sentences),
      KGR_TEST(test_not_demands),
      KGR_TEST(test_title_notes_signatories),
      KGR_TEST(test_intro_lines),
      KGR_TEST(test_letters_and_urgent_appeals),
      KGR_TEST(test_linear_time),
      KGR_TEST(test_voices),
      KGR_TEST(test_block_quotes),
      KGR_TEST(test_seeds),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
