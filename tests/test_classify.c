/*
 * test_classify.c - the document kind (classify.c): appeals (signatories,
 * or "We, ..." with demands), incident reports (a narrative of dated
 * events, with or without one organisation's calls), unknown.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "kgr_test.h"

static kgr_kind kind_of(void **state, const char *text, size_t len) {
  return kgr_test_parse_len(state, text, len)->kind;
}

#define KIND(text) kind_of(state, (text), strlen(text))

#define NARRATIVE                                                                                  \
  "On 3 May police detained twelve protesters in Dushanbe. On 4 May a "                            \
  "blogger was beaten in Khujand by unidentified men. On 6 May the court "                         \
  "sentenced two activists to five years in prison. On 8 May the ministry "                        \
  "announced that the protest organisers would be prosecuted.\n"

static void test_appeal(void **state) {
  /* signatories make an appeal, even with a narrative */
  assert_int_equal(KIND("Tajikistan: Free the Bloggers\n\n" NARRATIVE "\n"
                        "We call on the authorities to release the bloggers.\n\n"
                        "Signed by:\n\n1. Bulgarian Helsinki Committee\n"
                        "2. Freedom Now (USA)\n"),
                   KGR_KIND_APPEAL);
  /* "We, ..." with a list of demands and no signatory list */
  assert_int_equal(KIND("Tajikistan: Free the Bloggers\n\n"
                        "We, the undersigned organisations, call on the authorities of "
                        "Tajikistan to:\n\n- release the bloggers;\n- drop the charges;\n"
                        "- investigate the beatings.\n"),
                   KGR_KIND_APPEAL);
  /* a call with little narrative */
  assert_int_equal(KIND("Tajikistan: Free the Bloggers\n\n"
                        "The Caspian Rights Network urges the authorities of Tajikistan "
                        "to release the bloggers held since 3 May.\n"),
                   KGR_KIND_APPEAL);
}

/* A header that presents a call to act, or a letter's salutation, makes
 * an appeal of a document that also narrates; a press release does not. */
static void test_presented_as_appeal(void **state) {
  assert_int_equal(KIND("URGENT ACTION\n\nBLOGGERS DETAINED\n\n" NARRATIVE "\n"
                        "Please write to the authorities asking them to:\n\n"
                        "- release the bloggers;\n- investigate the beatings.\n"),
                   KGR_KIND_APPEAL);
  assert_int_equal(KIND("An open letter on the detention of bloggers\n\n" NARRATIVE "\n"
                        "We urge the authorities to release the bloggers.\n"),
                   KGR_KIND_APPEAL);
  assert_int_equal(KIND("Tajikistan: Bloggers Detained\n\nDear Prosecutor General,\n\n" NARRATIVE
                        "\nWe urge you to release the bloggers.\n"),
                   KGR_KIND_APPEAL);
  /* hard negatives: no demand at all; a press release label */
  assert_int_equal(KIND("URGENT ACTION\n\nBLOGGERS DETAINED\n\n" NARRATIVE),
                   KGR_KIND_INCIDENT_REPORT);
  assert_int_equal(KIND("Appeal court upholds the sentences of two bloggers\n\n" NARRATIVE "\n"
                        "The authorities must investigate the beatings.\n"),
                   KGR_KIND_INCIDENT_REPORT);
  assert_int_equal(KIND("PRESS RELEASE\n\nTajikistan: Bloggers Detained\n\n" NARRATIVE "\n"
                        "The authorities must investigate the beatings.\n"),
                   KGR_KIND_INCIDENT_REPORT);
}

static void test_incident_report(void **state) {
  /* a narrative of dated events, with one organisation's calls added */
  assert_int_equal(KIND("Tajikistan: Bloggers Detained\n\n"
                        "The Caspian Rights Network is calling on the authorities to "
                        "release the bloggers.\n\n" NARRATIVE "\n"
                        "The authorities must investigate the beatings.\n"),
                   KGR_KIND_INCIDENT_REPORT);
  /* a narrative alone */
  assert_int_equal(KIND("Tajikistan: Bloggers Detained\n\n" NARRATIVE), KGR_KIND_INCIDENT_REPORT);
}

/* Dated sentences count as narrative when the event stage found too few
 * events; as many as make a report are enough, and fewer leave the
 * demands to make an appeal. */
static void test_dated_sentences(void **state) {
  assert_int_equal(KIND("Tajikistan: Bloggers\n\n"
                        "On 3 May the weather in Dushanbe was fine. On 4 May the markets were "
                        "open. On 5 May the schools were closed. On 6 May the city held a "
                        "festival. On 7 May it rained.\n\n"
                        "We call on the authorities to:\n\n- free the bloggers;\n- drop the "
                        "charges;\n- end the searches;\n- lift the ban.\n"),
                   KGR_KIND_INCIDENT_REPORT);
  assert_int_equal(KIND("Tajikistan: Bloggers\n\n"
                        "On 3 May the weather in Dushanbe was fine. On 4 May the markets were "
                        "open.\n\n"
                        "We call on the authorities to:\n\n- free the bloggers;\n- drop the "
                        "charges;\n- end the searches;\n- lift the ban.\n"),
                   KGR_KIND_APPEAL);
}

static void test_unknown(void **state) {
  assert_int_equal(KIND(""), KGR_KIND_UNKNOWN);
  assert_int_equal(KIND("Minutes of the board meeting\n\nThe board approved the budget "
                        "and thanked the staff for their work.\n"),
                   KGR_KIND_UNKNOWN);
}

static void test_seeds(void **state) {
  static const struct {
    const char *name;
    kgr_kind kind;
  } seeds[] = {{"000_014c0850d59dea29.txt", KGR_KIND_APPEAL},
               {"003_f9bce688f7d74b02.txt", KGR_KIND_INCIDENT_REPORT}};
  for (size_t i = 0; i < 2; i++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", KGR_SEEDS_DIR, seeds[i].name);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
      printf("# seeds folder %s is absent: seed test skipped\n", KGR_SEEDS_DIR);
      skip();
    }
    static char buf[1 << 16];
    size_t len = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    assert_int_equal(kind_of(state, buf, len), seeds[i].kind);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_appeal),          KGR_TEST(test_presented_as_appeal),
      KGR_TEST(test_incident_report), KGR_TEST(test_dated_sentences),
      KGR_TEST(test_unknown),         KGR_TEST(test_seeds),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
