/*
 * test_header.c - the header stage (header.c): title, publication date,
 * subject country and issuer, on documents written for these tests, and
 * on the seeds when they are present.
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

#define assert_str(s, lit) assert_string_equal(kgr_test_show(s), (lit))

/* input[span] equals lit */
static void assert_span(const kgr_doc *d, kgr_span sp, const char *lit) {
  assert_true(sp.start <= sp.end && sp.end <= d->input_len);
  char buf[512];
  size_t n = sp.end - sp.start < sizeof buf - 1 ? sp.end - sp.start : sizeof buf - 1;
  memcpy(buf, d->input + sp.start, n);
  buf[n] = '\0';
  assert_string_equal(buf, lit);
}

/* A body paragraph long enough not to be taken for a headline. */
#define BODY                                                                                       \
  "Over the past week the security services have detained at least twelve "                        \
  "bloggers who had criticised the handling of the floods, and several of "                        \
  "them have been held without access to a lawyer of their choice.\n"

static void test_inval(void **state) {
  /* empty and blank documents have no header at all */
  kgr_doc *d = kgr_test_parse(state, "");
  assert_null(d->title.ptr);
  assert_null(d->date.ptr);
  assert_null(d->country.ptr);
  assert_false(d->has_issuer);
  d = kgr_test_parse(state, "\n\n   \n");
  assert_null(d->title.ptr);
  assert_int_equal(d->date_source, KGR_DATE_SOURCE_NONE);
}

static void test_date_forms(void **state) {
  static const struct {
    const char *line, *date_text;
  } forms[] = {
      {"9 October 2020", "9 October 2020"},
      {"October 9, 2020", "October 9, 2020"},
      {"09.10.2020", "09.10.2020"},
      {"2020-10-09", "2020-10-09"},
      {"Bishkek, 9 October 2020", "9 October 2020"},
  };
  for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
    char doc[1024];
    snprintf(doc, sizeof doc, "Uzbekistan: Release the Detained Bloggers\n\n%s\n\n" BODY,
             forms[i].line);
    kgr_doc *d = kgr_test_parse(state, doc);
    assert_str(d->title, "Uzbekistan: Release the Detained Bloggers");
    assert_str(d->date, "2020-10-09");
    assert_int_equal(d->date_source, KGR_DATE_SOURCE_STATED);
    assert_int_equal(d->date_ymd.year, 2020);
    assert_int_equal(d->date_ymd.month, 10);
    assert_int_equal(d->date_ymd.day, 9);
    assert_span(d, d->date_span, forms[i].date_text);
  }
}

static void test_no_date(void **state) {
  /* no date line: the header leaves the date to the events stage, and a
   * date inside the body is not a date line */
  kgr_doc *d = kgr_test_parse(state, "Uzbekistan: Release the Detained Bloggers\n\n" BODY);
  assert_str(d->title, "Uzbekistan: Release the Detained Bloggers");
  assert_int_equal(d->date_source == KGR_DATE_SOURCE_STATED, false);
}

static void test_date_before_title_and_labels(void **state) {
  kgr_doc *d =
      kgr_test_parse(state, "PUBLIC STATEMENT\n\n"
                            "AI Index: EUR 57/1234/2020\n\n"
                            "12 March 2021\n\n"
                            "Tajikistan: Journalists Detained After Reporting on Floods\n\n" BODY);
  assert_str(d->title, "Tajikistan: Journalists Detained After Reporting on Floods");
  assert_str(d->date, "2021-03-12");
  assert_str(d->country, "TJ");
  const char *in = d->input;
  assert_span(d, d->title_span, "Tajikistan: Journalists Detained After Reporting on Floods");
  assert_true(d->title_span.start == (size_t)(strstr(in, "Tajikistan:") - in));
}

static void test_title_rules(void **state) {
  /* a headline's final full stop goes; hard-wrapped lines are joined */
  kgr_doc *d = kgr_test_parse(state, "Kazakhstan must free the peaceful protesters held since\n"
                                     "the January events.\n\n"
                                     "5 February 2022\n\n" BODY);
  assert_str(d->title, "Kazakhstan must free the peaceful protesters held since the "
                       "January events");
  assert_span(d, d->title_span,
              "Kazakhstan must free the peaceful protesters held since\n"
              "the January events.");
  assert_str(d->country, "KZ");
  /* all capitals: a headline even though it ends with a full stop */
  d = kgr_test_parse(state, "ARMENIA: STOP THE HARASSMENT OF LAWYERS.\n\n" BODY);
  assert_str(d->title, "ARMENIA: STOP THE HARASSMENT OF LAWYERS");
  assert_str(d->country, "AM");
  /* a long first paragraph is the body: no title */
  d = kgr_test_parse(state, BODY "\nAnother paragraph follows here.\n");
  assert_null(d->title.ptr);
  /* a short sentence with a full stop and no date after it is not a title */
  d = kgr_test_parse(state, "The situation is getting worse.\n\n" BODY);
  assert_null(d->title.ptr);
}

static void test_country(void **state) {
  /* "COUNTRY:" prefix wins over other countries named in the title */
  kgr_doc *d = kgr_test_parse(
      state, "GEORGIA: ARMENIAN AND AZERBAIJANI REPORTERS BARRED FROM TBILISI\n\n" BODY);
  assert_str(d->country, "GE");
  /* no prefix: the country the title names */
  d = kgr_test_parse(state,
                     "Authorities in Kazakhstan Must End Reprisals Against Strikers\n\n" BODY);
  assert_str(d->country, "KZ");
  /* the title names none: the first paragraphs' most named, adjectives and
   * possessives included */
  d = kgr_test_parse(state, "Stop the crackdown on peaceful protest\n\n"
                            "Armenian police detained dozens of people on Monday. Armenia's "
                            "government has promised an inquiry, and observers from Georgia "
                            "were present in Yerevan throughout the day of the vote, when the "
                            "Armenian authorities closed the central square.\n");
  assert_str(d->country, "AM");
  /* nothing names a country: null, not a guess */
  d = kgr_test_parse(state, "Stop the crackdown on peaceful protest\n\n" BODY);
  assert_null(d->country.ptr);
}

static void test_issuer_we(void **state) {
  kgr_doc *d =
      kgr_test_parse(state, "Tajikistan: Free the Bloggers\n\n1 June 2021\n\n"
                            "We, members of the Eurasia Rights Network (ERN), a coalition of "
                            "groups from twelve countries, call on the authorities of "
                            "Tajikistan to release the bloggers at once.\n");
  assert_true(d->has_issuer);
  assert_str(d->issuer.name, "Eurasia Rights Network");
  assert_str(d->issuer.acronym, "ERN");
  assert_span(d, d->issuer.span, "Eurasia Rights Network (ERN)");
  /* "We, the undersigned organisations" names no issuer */
  d = kgr_test_parse(state, "Tajikistan: Free the Bloggers\n\n"
                            "We, the undersigned organisations, call on the authorities of "
                            "Tajikistan to release the bloggers at once and drop the charges.\n");
  assert_false(d->has_issuer);
  /* "We, groups from Russia, ..." - a country is not an issuer */
  d = kgr_test_parse(state, "Tajikistan: Free the Bloggers\n\n"
                            "We, human rights groups from Russia, Kazakhstan and Armenia, call "
                            "on the authorities of Tajikistan to release the bloggers at once.\n");
  assert_false(d->has_issuer);
}

static void test_issuer_speaking(void **state) {
  /* the headline's subject, followed by a call verb */
  kgr_doc *d = kgr_test_parse(state, "Freedom House urges Kazakhstan to end reprisals against "
                                     "strikers\n\n" BODY);
  assert_true(d->has_issuer);
  assert_str(d->issuer.name, "Freedom House");
  assert_null(d->issuer.acronym.ptr);
  assert_span(d, d->issuer.span, "Freedom House");
  /* the first sentence's subject, with "said today" or "is calling on" */
  d = kgr_test_parse(state, "Kazakhstan: End Reprisals Against Strikers\n\n"
                            "Human Rights Watch said today that the authorities in Kazakhstan "
                            "should stop prosecuting the oil workers who went on strike.\n");
  assert_str(d->issuer.name, "Human Rights Watch");
  d = kgr_test_parse(state, "Kazakhstan: End Reprisals Against Strikers\n\n"
                            "The Steppe Lawyers Association is calling on the government of "
                            "Kazakhstan to stop prosecuting the oil workers who went on strike.\n");
  assert_str(d->issuer.name, "Steppe Lawyers Association");
  /* a by-line under the headline */
  d = kgr_test_parse(state, "Kazakhstan: End Reprisals Against Strikers\n\n"
                            "Statement by the Caspian Labour Rights Monitor (CLRM)\n\n" BODY);
  assert_str(d->issuer.name, "Caspian Labour Rights Monitor");
  assert_str(d->issuer.acronym, "CLRM");
  /* a label, then "by": "Briefing paper by the ..." */
  d = kgr_test_parse(state, "TAJIKISTAN: VIOLENCE IN THE EAST\n\n"
                            "Briefing paper by the Pamir Rights Monitor\n\nMay 2022\n\n" BODY);
  assert_str(d->title, "TAJIKISTAN: VIOLENCE IN THE EAST");
  assert_str(d->issuer.name, "Pamir Rights Monitor");
  assert_span(d, d->issuer.span, "Pamir Rights Monitor");
  /* hard negatives: a state body, a person, an all-capital headline */
  d = kgr_test_parse(state, "Kazakhstan: End Reprisals Against Strikers\n\n"
                            "The Ministry of Internal Affairs said today that the strike was "
                            "illegal and that its organisers would be prosecuted in court.\n");
  assert_false(d->has_issuer);
  d = kgr_test_parse(state, "Kazakhstan: End Reprisals Against Strikers\n\n"
                            "President Tokayev said on Monday that the strike was illegal and "
                            "that its organisers would be prosecuted in court next month.\n");
  assert_false(d->has_issuer);
  d = kgr_test_parse(state, "KAZAKHSTAN: CIVIL SOCIETY APPEALS FOR AN END TO REPRISALS\n\n" BODY);
  assert_false(d->has_issuer);
}

static void test_press_release(void **state) {
  /* a deck under the headline; the dateline opening the first paragraph;
   * the issuer named before "said today" */
  kgr_doc *d =
      kgr_test_parse(state, "Kazakhstan: Investigate the Killings of Strikers\n\n"
                            "Authorities Should Ensure Accountability for Deaths\n\n"
                            "(Berlin, January 10, 2022) \xE2\x80\x93 Kazakh authorities should "
                            "open an independent inquiry into the shootings in Zhanaozen, "
                            "the Caspian Labour Rights Monitor said today. Eleven people died.\n");
  assert_str(d->title, "Kazakhstan: Investigate the Killings of Strikers");
  assert_str(d->date, "2022-01-10");
  assert_int_equal(d->date_source, KGR_DATE_SOURCE_STATED);
  assert_span(d, d->date_span, "January 10, 2022");
  assert_str(d->issuer.name, "Caspian Labour Rights Monitor");
  assert_span(d, d->issuer.span, "Caspian Labour Rights Monitor");
  /* an appositive between the issuer and its verb */
  d = kgr_test_parse(state, "KYRGYZSTAN: Judicial harassment of a human rights defender\n\n"
                            "Geneva, 15 March 2021\n\n"
                            "The Observatory for the Protection of Lawyers, a partnership of two "
                            "networks, requests your urgent intervention in the following "
                            "situation in Kyrgyzstan.\n");
  assert_str(d->date, "2021-03-15");
  assert_str(d->issuer.name, "Observatory for the Protection of Lawyers");
  /* a dateline needs its dash: a first sentence that starts with a date
   * is not one */
  d = kgr_test_parse(state, "Kazakhstan: Investigate the Killings\n\n"
                            "January 10, 2022 was the day the strikers were shot in Zhanaozen, "
                            "and nobody has been charged since then.\n");
  assert_int_not_equal(d->date_source, KGR_DATE_SOURCE_STATED);
}

/* Unwrapped text (long paragraphs on one line each): a line break inside
 * the headline's block starts its deck. Hard-wrapped text joins the
 * lines, as does a line that cannot end a headline. */
static void test_deck_in_title_block(void **state) {
#define LONG_LINE                                                                                  \
  "Security forces detained more than forty people after the rally in the capital on "             \
  "Saturday and held them for two days without access to lawyers or their families, "              \
  "according to relatives who spoke to the monitors.\n"
  kgr_doc *d = kgr_test_parse(
      state, "Tajikistan: Wave of Arrests After Rally\n"
             "Detainees Held Without Lawyers; Families Not Told\n\n" LONG_LINE "\n" LONG_LINE);
  assert_str(d->title, "Tajikistan: Wave of Arrests After Rally");
  assert_span(d, d->title_span, "Tajikistan: Wave of Arrests After Rally");
  /* the first line ends on a joining word: one headline */
  d = kgr_test_parse(state, "Tajikistan: Wave of Arrests and Beatings of\n"
                            "Peaceful Protesters in the Capital\n\n" LONG_LINE "\n" LONG_LINE);
  assert_str(d->title, "Tajikistan: Wave of Arrests and Beatings of Peaceful Protesters in the "
                       "Capital");
  /* hard-wrapped body: the title's lines are one wrapped headline */
  d = kgr_test_parse(state,
                     "Tajikistan: Wave of Arrests After Rally\n"
                     "Detainees Held Without Lawyers\n\n"
                     "Security forces detained more than forty people after the rally in the\n"
                     "capital on Saturday and held them for two days without access to lawyers\n"
                     "or their families, according to relatives who spoke to the monitors.\n");
  assert_str(d->title, "Tajikistan: Wave of Arrests After Rally Detainees Held Without Lawyers");
#undef LONG_LINE
}

/* Date lines: a reference line ending "Date: ...", "Posted on", a dash
 * after the place; datelines "PLACE (date) -". */
static void test_more_date_lines(void **state) {
  kgr_doc *d = kgr_test_parse(
      state, "URGENT ACTION\n\nLAWYER DETAINED\n\nTAJIKISTAN\n\n"
             "UA: 12/22 Index: EUR 60/1234/2022 Tajikistan Date: 3 May 2022\n\n" BODY);
  assert_str(d->title, "LAWYER DETAINED");
  assert_str(d->date, "2022-05-03");
  assert_span(d, d->date_span, "3 May 2022");
  d = kgr_test_parse(state, "Kyrgyzstan: Free the Bloggers\n\nPosted on 4 June 2021\n\n" BODY);
  assert_str(d->date, "2021-06-04");
  d = kgr_test_parse(state,
                     "Kyrgyzstan: Free the Bloggers\n\nBishkek \xE2\x80\x93 4 June 2021\n\n" BODY);
  assert_str(d->date, "2021-06-04");
  d = kgr_test_parse(
      state, "Iran: Experts Alarmed by Executions\n\n"
             "GENEVA (26 October 2022) \xE2\x80\x93 The experts said the executions of "
             "protesters must stop at once, and that those responsible be held to account.\n");
  assert_str(d->date, "2022-10-26");
  assert_int_equal(d->date_source, KGR_DATE_SOURCE_STATED);
  /* hard negatives: a parenthesised date after prose, a reference line
   * whose date has no label */
  d = kgr_test_parse(state, "Iran: Experts Alarmed by Executions\n\n"
                            "The protests (26 October 2022) \xE2\x80\x93 and the executions that "
                            "followed them drew condemnation from across the region and beyond.\n");
  assert_int_not_equal(d->date_source, KGR_DATE_SOURCE_STATED);
  d = kgr_test_parse(state,
                     "LAWYER DETAINED\n\n"
                     "UA: 12/22 Index: EUR 60/1234/2022 Tajikistan reference 3 May 2022\n\n" BODY);
  assert_null(d->date.ptr);
}

/* Labels and the publisher's name over the headline; the issuer in a
 * later sentence in the present tense; the acronym from the body; a
 * statement by several organisations has no one issuer. */
static void test_issuer_more(void **state) {
  kgr_doc *d = kgr_test_parse(state, "STEPPE RIGHTS NETWORK\nPUBLIC STATEMENT\n\n"
                                     "KAZAKHSTAN: FREE THE STRIKERS\n\n4 May 2022\n\n" BODY);
  assert_str(d->title, "KAZAKHSTAN: FREE THE STRIKERS");
  d = kgr_test_parse(state, "Kazakhstan: Free the Strikers\n\n"
                            "Twelve oil workers were detained in Zhanaozen on 3 May. The Steppe "
                            "Rights Network considers them prisoners of conscience.\n");
  assert_str(d->issuer.name, "Steppe Rights Network");
  /* the past tense tells what another body did */
  d = kgr_test_parse(state, "Kazakhstan: Free the Strikers\n\n"
                            "Twelve oil workers were detained in Zhanaozen on 3 May. The Steppe "
                            "Rights Network reported that they had been beaten.\n");
  assert_false(d->has_issuer);
  /* "Statement by X", then "X (ACR)" in the body */
  d = kgr_test_parse(state,
                     "Kazakhstan: Free the Strikers\n\nStatement by the Steppe Rights Network\n\n"
                     "The Steppe Rights Network (SRN) calls for the release of the strikers "
                     "detained in Zhanaozen.\n");
  assert_str(d->issuer.name, "Steppe Rights Network");
  assert_str(d->issuer.acronym, "SRN");
  d = kgr_test_parse(state,
                     "Kazakhstan: Free the Strikers\n\n"
                     "Joint statement by Freedom Now, the Steppe Rights Network (SRN) and the "
                     "Caspian Labour Monitor\n\n" BODY);
  assert_str(d->title, "Kazakhstan: Free the Strikers");
  assert_false(d->has_issuer);
}

/* The whole file, or NULL (with a message) when absent. */
static char *read_seed(const char *prefix, size_t *len) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", KGR_SEEDS_DIR, prefix);
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return NULL;
  static char buf[1 << 16];
  *len = fread(buf, 1, sizeof buf - 1, fp);
  fclose(fp);
  buf[*len] = '\0';
  return buf;
}

static void test_seeds(void **state) {
  size_t len;
  const char *csp = read_seed("000_014c0850d59dea29.txt", &len);
  if (!csp) {
    printf("# seeds folder %s is absent: seed test skipped\n", KGR_SEEDS_DIR);
    skip();
  }
  fixture *f = *state;
  f->doc = kgr_parse(csp, len, 0, NULL, NULL);
  kgr_doc *d = f->doc;
  assert_non_null(d);
  assert_true(
      strncmp(kgr_test_show(d->title), "KYRGYZSTAN: CIVIL SOCIETY APPEALS FOR DIALOGUE", 46) == 0);
  assert_str(d->date, "2020-10-09");
  assert_str(d->country, "KG");
  assert_str(d->issuer.name, "Civic Solidarity Platform");
  assert_str(d->issuer.acronym, "CSP");
  kgr_doc_free(f->doc);
  const char *ai = read_seed("003_f9bce688f7d74b02.txt", &len);
  assert_non_null(ai);
  f->doc = kgr_parse(ai, len, 0, NULL, NULL);
  d = f->doc;
  assert_str(d->title, "Amnesty International urges respect for human rights in Kyrgyzstan");
  assert_str(d->country, "KG");
  assert_str(d->issuer.name, "Amnesty International");
  assert_null(d->issuer.acronym.ptr);
}

/* A block of "Label: value" lines: its date and subject are the
 * document's, and it is neither the headline nor a deck; one line under a
 * role label is no field block of the header's. */
static void test_field_blocks(void **state) {
  kgr_doc *d = kgr_test_parse(state, "Press briefing notes on the protests\n\n"
                                     "Spokesperson for the High Commissioner: Luis Ortega\n"
                                     "Location: Geneva\n"
                                     "Date: 4 May 2021\n"
                                     "Subject: Colombia\n\n" BODY);
  assert_str(d->title, "Press briefing notes on the protests");
  assert_str(d->date, "2021-05-04");
  assert_int_equal(d->date_source, KGR_DATE_SOURCE_STATED);
  assert_span(d, d->date_span, "4 May 2021");
  assert_str(d->country, "CO");
  /* the field block before the headline */
  d = kgr_test_parse(state, "Date: 9 June 2022\nSubject: Iran\n\n"
                            "Writers Detained After Open Letter\n\n" BODY);
  assert_str(d->title, "Writers Detained After Open Letter");
  assert_str(d->date, "2022-06-09");
  assert_str(d->country, "IR");
  /* a letter's "To:" and "Copy:" are not the body: the country is the
   * body's, not the addressee's */
  d = kgr_test_parse(state, "Joint letter on the crackdown in the mountains\n\n"
                            "To: H.E. Jan Kowalski, Minister of Foreign Affairs of Poland\n"
                            "Copy: Director of the OSCE Office for Democratic Institutions\n\n"
                            "Brussels, 2 June 2022\n\nDear Minister,\n\n"
                            "We write about Tajikistan, where security forces opened fire on "
                            "protesters last month and detained dozens of people.\n");
  assert_str(d->date, "2022-06-02");
  assert_str(d->country, "TJ");
  /* hard negative: a headline with a colon is no field */
  d = kgr_test_parse(state, "Kyrgyzstan: Date of the Vote Set\nSubject of Debate\n\n" BODY);
  assert_null(d->date.ptr);
}

/* A letterhead without a full stop opens the document; the date after it
 * is read. A document that names no country is about the country of the
 * cities it names. */
static void test_letterhead_and_cities(void **state) {
  kgr_doc *d =
      kgr_test_parse(state, "Mandates of the Special Rapporteur on the rights to freedom of "
                            "peaceful assembly and of association; the Special Rapporteur on "
                            "the promotion and protection of the right to freedom of opinion "
                            "and expression; and the Special Rapporteur on the situation of "
                            "human rights defenders\n\n"
                            "REFERENCE: UA XYZ 4/2021\n\n12 November 2021\n\nExcellency,\n\n"
                            "We have the honour to address you in our capacity as Special "
                            "Rapporteurs.\n\nOn 3 November, officers arrested a student at his "
                            "home in Chiang Mai and took him to a prison in Bangkok.\n");
  assert_null(d->title.ptr);
  assert_str(d->date, "2021-11-12");
  assert_str(d->country, "TH");
}

/* The publisher's name on a line of its own under the headline. */
static void test_publisher_line(void **state) {
  kgr_doc *d = kgr_test_parse(state, "Belarus: Weekly digest of detentions\n\n"
                                     "Steppe Rights Centre\n\n15 March 2021\n\n" BODY);
  assert_str(d->title, "Belarus: Weekly digest of detentions");
  assert_str(d->issuer.name, "Steppe Rights Centre");
  assert_str(d->date, "2021-03-15");
  /* a state body is no publisher */
  d = kgr_test_parse(state, "Belarus: Weekly digest of detentions\n\n"
                            "Ministry of Internal Affairs\n\n15 March 2021\n\n" BODY);
  assert_false(d->has_issuer);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_inval),           KGR_TEST(test_date_forms),
      KGR_TEST(test_no_date),         KGR_TEST(test_date_before_title_and_labels),
      KGR_TEST(test_title_rules),     KGR_TEST(test_country),
      KGR_TEST(test_issuer_we),       KGR_TEST(test_issuer_speaking),
      KGR_TEST(test_press_release),   KGR_TEST(test_deck_in_title_block),
      KGR_TEST(test_more_date_lines), KGR_TEST(test_issuer_more),
      KGR_TEST(test_seeds),           KGR_TEST(test_field_blocks),
      KGR_TEST(test_letterhead_and_cities), KGR_TEST(test_publisher_line),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
