/*
 * test_signatories.c - the signatory list (signatories.c): where it is,
 * its layouts (numbered, bulleted, one per line, a paragraph separated by
 * semicolons or commas, no heading at all), and each entry's name,
 * acronym, countries (stated or inferred) and span; plus the shared name
 * helpers of acronyms.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acronyms.h"
#include "document.h"
#include "kgr_test.h"

/* "BE", "DE,CH" or "" */
static const char *codes(const kgr_signatory *s) {
  static char out[64];
  out[0] = '\0';
  for (size_t k = 0; k < s->country_count && strlen(out) + 4 < sizeof out; k++) {
    if (k)
      strcat(out, ",");
    strcat(out, kgr_test_show(s->countries[k]));
  }
  return out;
}

/* Check signatory i: name, acronym (NULL: none), countries, source,
 * position, and that its span holds the name. */
static void check(const kgr_doc *d, size_t i, const char *name, const char *acronym,
                  const char *countries, kgr_countries_source src, int position) {
  if (i >= d->signatories.count)
    fail_msg("signatory %zu (%s) missing: only %zu", i, name, d->signatories.count);
  const kgr_signatory *s = &d->signatories.items[i];
  assert_string_equal(kgr_test_show(s->name), name);
  if (acronym)
    assert_string_equal(kgr_test_show(s->acronym), acronym);
  else
    assert_null(s->acronym.ptr);
  assert_string_equal(codes(s), countries);
  assert_int_equal(s->countries_source, src);
  assert_int_equal(s->position, position);
  assert_true(s->span.start < s->span.end && s->span.end <= d->input_len);
  char buf[512];
  size_t n = s->span.end - s->span.start;
  assert_true(n < sizeof buf);
  memcpy(buf, d->input + s->span.start, n);
  buf[n] = '\0';
  if (!strstr(buf, name))
    fail_msg("span of signatory %zu is \"%s\", not holding \"%s\"", i, buf, name);
}

static const kgr_countries_source S = KGR_COUNTRIES_STATED, I = KGR_COUNTRIES_INFERRED,
                                  N = KGR_COUNTRIES_NONE;

#define OPENING                                                                                    \
  "Tajikistan: Free the Bloggers\n\n1 June 2021\n\n"                                               \
  "We, the undersigned organisations, call on the authorities of Tajikistan "                      \
  "to release the detained bloggers and to drop all charges against them.\n\n"

static void test_helpers(void **state) {
  (void)state;
  assert_true(kgr_is_acronym("IPHR", 4));
  assert_true(kgr_is_acronym("UMDPL", 5));
  assert_true(kgr_is_acronym("HRCs", 4));
  assert_true(kgr_is_acronym("OSCE-ODIHR", 10));
  assert_false(kgr_is_acronym("Belgium", 7));
  assert_false(kgr_is_acronym("A", 1));
  assert_false(kgr_is_acronym("HRCenter", 8));
  assert_false(kgr_is_acronym("ipHR", 4));
  const char *t = "the Civic Solidarity Platform (CSP) – a network";
  size_t e = kgr_name_end(t, strlen(t), 4, false);
  assert_int_equal(e, strlen("the Civic Solidarity Platform"));
  size_t as, ae;
  size_t past = kgr_paren_acronym(t, strlen(t), e, &as, &ae);
  assert_int_equal(past, strlen("the Civic Solidarity Platform (CSP)"));
  assert_int_equal(ae - as, 3);
  /* a name stops at a verb, whatever its case, and keeps inner connectors */
  t = "Human Rights Watch Urges Kyrgyz Authorities to Act";
  assert_int_equal(kgr_name_end(t, strlen(t), 0, true), strlen("Human Rights Watch"));
  t = "Committee to Protect Journalists said";
  assert_int_equal(kgr_name_end(t, strlen(t), 0, true), strlen("Committee to Protect Journalists"));
  const kgr_country *c = NULL;
  t = "Kyrgyzstan\xE2\x80\x99s partners";
  assert_int_equal(kgr_country_at(t, strlen(t), 0, &c, NULL), strlen("Kyrgyzstan\xE2\x80\x99s"));
  assert_string_equal(c->alpha2, "KG");
  t = "the United States and us";
  assert_int_equal(kgr_country_at(t, strlen(t), 4, &c, NULL), strlen("United States"));
  assert_int_equal(kgr_country_at(t, strlen(t), strlen("the United States and "), &c, NULL), 0);
  t = "World Organisation Against Torture";
  assert_true(kgr_in_org_name(t, strlen(t), strlen("World Organisation Against "), strlen(t)));
  t = "He said that Torture Victims deserve help";
  assert_false(
      kgr_in_org_name(t, strlen(t), strlen("He said that "), strlen("He said that Torture")));
}

static void test_numbered(void **state) {
  kgr_doc *d = kgr_test_parse(
      state, OPENING "Signed by:\n\n"
                     "1. International Partnership for Human Rights (IPHR, Belgium)\n"
                     "2. Bulgarian Helsinki Committee\n"
                     "3. Helsinki Committee of Armenia\n"
                     "4. Truth Hounds (Ukraine/Georgia)\n"
                     "5. Libereco Partnership for Human Rights (Germany, Switzerland)\n"
                     "6. Freedom Now (USA)\n"
                     "7. Crude Accountability (United States)\n"
                     "8. The Belarusian Human Rights House (Lithuania)\n"
                     "9. The Human Rights Center (HRC, Georgia)\n"
                     "10. The Georgian Centre for Rehabilitation of Torture Victims (GCRT)\n"
                     "11. Kharkiv regional foundation Public Alternative\n"
                     "12. Public Association \"Dignity\" (Kazakhstan)\n\n"
                     "Background:\n\n"
                     "The bloggers were detained on 3 May after writing about the floods "
                     "in the south of the country.\n");
  assert_int_equal(d->signatories.count, 12);
  check(d, 0, "International Partnership for Human Rights", "IPHR", "BE", S, 1);
  check(d, 1, "Bulgarian Helsinki Committee", NULL, "BG", I, 2);
  check(d, 2, "Helsinki Committee of Armenia", NULL, "AM", I, 3);
  check(d, 3, "Truth Hounds", NULL, "UA,GE", S, 4);
  check(d, 4, "Libereco Partnership for Human Rights", NULL, "DE,CH", S, 5);
  check(d, 5, "Freedom Now", NULL, "US", S, 6);
  check(d, 6, "Crude Accountability", NULL, "US", S, 7);
  /* stated wins over inferred: Lithuania only, not Belarus */
  check(d, 7, "The Belarusian Human Rights House", NULL, "LT", S, 8);
  check(d, 8, "The Human Rights Center", "HRC", "GE", S, 9);
  check(d, 9, "The Georgian Centre for Rehabilitation of Torture Victims", "GCRT", "GE", I, 10);
  /* a city in the name */
  check(d, 10, "Kharkiv regional foundation Public Alternative", NULL, "UA", I, 11);
  check(d, 11, "Public Association \"Dignity\"", NULL, "KZ", S, 12);
  /* the span of a list item is the item's block (layout.h: its marker may
   * be included), parenthetical included */
  const kgr_signatory *s = &d->signatories.items[0];
  size_t at = (size_t)(strstr(d->input, "1. International") - d->input);
  assert_true(s->span.start == at || s->span.start == at + 3);
  assert_int_equal(s->span.end, at + strlen("1. International Partnership for Human Rights "
                                            "(IPHR, Belgium)"));
}

static void test_not_a_country(void **state) {
  /* Helsinki Committees are not Finnish; International, European and OSCE
   * give no country; a regional word before an adjective blocks it */
  kgr_doc *d = kgr_test_parse(state, OPENING "Signatories:\n\n"
                                             "- Swiss Helsinki Committee\n"
                                             "- Helsinki Committee\n"
                                             "- Moscow Helsinki Group\n"
                                             "- European Centre for Press Freedom\n"
                                             "- Swedish OSCE-network\n"
                                             "- Latin American Lawyers Association\n"
                                             "- International Service for Human Rights\n");
  assert_int_equal(d->signatories.count, 7);
  check(d, 0, "Swiss Helsinki Committee", NULL, "CH", I, 0);
  check(d, 1, "Helsinki Committee", NULL, "", N, 0);
  check(d, 2, "Moscow Helsinki Group", NULL, "RU", I, 0);
  check(d, 3, "European Centre for Press Freedom", NULL, "", N, 0);
  check(d, 4, "Swedish OSCE-network", NULL, "SE", I, 0);
  check(d, 5, "Latin American Lawyers Association", NULL, "", N, 0);
  check(d, 6, "International Service for Human Rights", NULL, "", N, 0);
}

static void test_one_per_line(void **state) {
  kgr_doc *d = kgr_test_parse(state, OPENING "List of signatories\n\n"
                                             "Norwegian Helsinki Committee\n"
                                             "Human Rights House Foundation (Norway)\n"
                                             "Netherlands Helsinki Committee\n"
                                             "Centre for Civil Liberties (Kyiv)\n");
  assert_int_equal(d->signatories.count, 4);
  check(d, 0, "Norwegian Helsinki Committee", NULL, "NO", I, 0);
  check(d, 1, "Human Rights House Foundation", NULL, "NO", S, 0);
  check(d, 2, "Netherlands Helsinki Committee", NULL, "NL", I, 0);
  /* a city written beside the name says the country */
  check(d, 3, "Centre for Civil Liberties", NULL, "UA", S, 0);
  const kgr_signatory *s = &d->signatories.items[1];
  size_t at = (size_t)(strstr(d->input, "Human Rights House") - d->input);
  assert_int_equal(s->span.start, at);
  assert_int_equal(s->span.end, at + strlen("Human Rights House Foundation (Norway)"));
}

static void test_paragraph_semicolons(void **state) {
  /* inline after the heading; persons keep their name as written,
   * honorific included, without the role after the comma */
  kgr_doc *d = kgr_test_parse(state, OPENING
                              "Signatories: Bir Duino Human Rights Movement (Kyrgyzstan); "
                              "Public Verdict Foundation (Russia); Human Rights House Foundation, "
                              "Norway; Dr. Jane Doe, Professor of Law, University of Essex; "
                              "Prof. John Smith, independent expert.\n");
  assert_int_equal(d->signatories.count, 5);
  check(d, 0, "Bir Duino Human Rights Movement", NULL, "KG", S, 0);
  check(d, 1, "Public Verdict Foundation", NULL, "RU", S, 0);
  check(d, 2, "Human Rights House Foundation", NULL, "NO", S, 0);
  check(d, 3, "Dr. Jane Doe", NULL, "", N, 0);
  check(d, 4, "Prof. John Smith", NULL, "", N, 0);
  /* a paragraph entry's span is its range of the paragraph */
  const kgr_signatory *s = &d->signatories.items[1];
  size_t at = (size_t)(strstr(d->input, "Public Verdict") - d->input);
  assert_int_equal(s->span.start, at);
  assert_int_equal(s->span.end, at + strlen("Public Verdict Foundation (Russia)"));
}

static void test_paragraph_commas(void **state) {
  /* commas inside parentheses do not split; ", Norway" stays with its name */
  kgr_doc *d =
      kgr_test_parse(state, OPENING "This appeal is signed by the following organisations:\n\n"
                                    "IPHR (Belgium), Bir Duino (Kyrgyzstan), Freedom Now (USA), "
                                    "Legal Policy Research Centre (LPRC, Kazakhstan), Human Rights "
                                    "House Foundation, Norway, and Swiss Helsinki Committee.\n");
  assert_int_equal(d->signatories.count, 6);
  check(d, 0, "IPHR", NULL, "BE", S, 0);
  check(d, 1, "Bir Duino", NULL, "KG", S, 0);
  check(d, 2, "Freedom Now", NULL, "US", S, 0);
  check(d, 3, "Legal Policy Research Centre", "LPRC", "KZ", S, 0);
  check(d, 4, "Human Rights House Foundation", NULL, "NO", S, 0);
  check(d, 5, "Swiss Helsinki Committee", NULL, "CH", I, 0);
}

static void test_dash_countries(void **state) {
  /* "Name - Country" after a closing "Sincerely,": a list with no heading;
   * a dash before a place that is not a country stays in the name */
  kgr_doc *d = kgr_test_parse(
      state, OPENING "Sincerely,\n\n"
                     "Association for Human Rights in Central Asia \xE2\x80\x93 France\n"
                     "Freedom Now - United States\n"
                     "International Partnership for Human Rights (IPHR) \xE2\x80\x93 Belgium\n"
                     "Helsinki Citizens' Assembly \xE2\x80\x93 Vanadzor (Armenia)\n");
  assert_int_equal(d->signatories.count, 4);
  check(d, 0, "Association for Human Rights in Central Asia", NULL, "FR", S, 0);
  check(d, 1, "Freedom Now", NULL, "US", S, 0);
  check(d, 2, "International Partnership for Human Rights", "IPHR", "BE", S, 0);
  check(d, 3, "Helsinki Citizens' Assembly \xE2\x80\x93 Vanadzor", NULL, "AM", S, 0);
}

/* Countries inside hyphenated words: a country's name as a part ("Bir
 * Duino-Kyrgyzstan"), adjectives when every part is one; not
 * "Russian-speaking". */
static void test_hyphenated_countries(void **state) {
  kgr_doc *d = kgr_test_parse(state, OPENING "Signed by:\n\n"
                                             "1. Human Rights Movement \"Bir Duino-Kyrgyzstan\"\n"
                                             "2. Polish-Ukrainian Lawyers' Forum\n"
                                             "3. Association of Russian-speaking Teachers\n"
                                             "4. Bir Duino-Kyrgyzstan\n");
  assert_int_equal(d->signatories.count, 4);
  check(d, 0, "Human Rights Movement \"Bir Duino-Kyrgyzstan\"", NULL, "KG", I, 1);
  check(d, 1, "Polish-Ukrainian Lawyers' Forum", NULL, "PL,UA", I, 2);
  check(d, 2, "Association of Russian-speaking Teachers", NULL, "", N, 3);
  check(d, 3, "Bir Duino-Kyrgyzstan", NULL, "KG", I, 4); /* not a person's name */
}

/* Openings: "Signed," over names with affiliations; "The experts:" and
 * names with their mandates, but not "The experts said:"; a by-line of
 * several organisations when there is no list. */
static void test_more_openings(void **state) {
  kgr_doc *d =
      kgr_test_parse(state, OPENING "Signed,\n\n"
                                    "Prof. Ingrid Halvorsen, University of Oslo\n"
                                    "Dr. Samuel Okafor, Faculty of Law, University of Toronto\n"
                                    "Prof. Kenji Watanabe, Kyoto University\n");
  assert_int_equal(d->signatories.count, 3);
  check(d, 0, "Prof. Ingrid Halvorsen", NULL, "", N, 0);
  check(d, 1, "Dr. Samuel Okafor", NULL, "", N, 0);
  check(d, 2, "Prof. Kenji Watanabe", NULL, "", N, 0);
  d = kgr_test_parse(state,
                     OPENING "The experts: Ms. Asel Omurova, Special Rapporteur on the right to "
                             "freedom of expression; Mr. Tomas Berg, Chair of the Working Group on "
                             "Arbitrary Detention.\n");
  assert_int_equal(d->signatories.count, 2);
  check(d, 0, "Ms. Asel Omurova", NULL, "", N, 0);
  check(d, 1, "Mr. Tomas Berg", NULL, "", N, 0);
  d = kgr_test_parse(state,
                     OPENING "The experts said: Bishkek, Osh and Naryn must not become places "
                             "where journalists fear to work.\n");
  assert_int_equal(d->signatories.count, 0);
  d = kgr_test_parse(state,
                     "Tajikistan: Free the Bloggers\n\n"
                     "Joint statement by Freedom Now, International Partnership for Human Rights "
                     "(IPHR) and the Norwegian Helsinki Committee\n\n1 June 2021\n\n"
                     "The authorities of Tajikistan must release the detained bloggers.\n");
  assert_int_equal(d->signatories.count, 3);
  check(d, 0, "Freedom Now", NULL, "", N, 0);
  check(d, 1, "International Partnership for Human Rights", "IPHR", "", N, 0);
  check(d, 2, "Norwegian Helsinki Committee", NULL, "NO", I, 0);
  /* one organisation is the issuer, not a signatory list */
  d = kgr_test_parse(state,
                     "Tajikistan: Free the Bloggers\n\nStatement by the Norwegian Helsinki "
                     "Committee\n\nThe authorities of Tajikistan must release the bloggers.\n");
  assert_int_equal(d->signatories.count, 0);
}

/* Separators: "and" after a parenthetical or between two organisation
 * names at the end of a comma list, not inside one name; sub-headings and
 * numbered lines in one paragraph; one-word short names and small towns in
 * parentheses. */
static void test_list_shapes(void **state) {
  kgr_doc *d =
      kgr_test_parse(state, OPENING "Signed by: Adilet Legal Clinic (Kyrgyzstan), Justice for "
                                    "All (Kazakhstan), Freedom Files (Poland) and Crude "
                                    "Accountability (USA).\n");
  assert_int_equal(d->signatories.count, 4);
  check(d, 2, "Freedom Files", NULL, "PL", S, 0);
  check(d, 3, "Crude Accountability", NULL, "US", S, 0);
  d = kgr_test_parse(state,
                     OPENING "Signed by: Kylym Shamy Foundation, Legal Initiative Centre and "
                             "Human Rights House Foundation, Centre for Democracy and Human "
                             "Rights.\n");
  assert_int_equal(d->signatories.count, 4);
  check(d, 1, "Legal Initiative Centre", NULL, "", N, 0);
  check(d, 2, "Human Rights House Foundation", NULL, "", N, 0);
  check(d, 3, "Centre for Democracy and Human Rights", NULL, "", N, 0);
  d = kgr_test_parse(state, OPENING "Signatories\n\n"
                                    "International organisations\n1. Article 19\n"
                                    "2. Civil Rights Defenders (Sweden)\n"
                                    "Individuals\n3. Tolekan Ismailova, human rights defender\n");
  assert_int_equal(d->signatories.count, 3);
  check(d, 0, "Article 19", NULL, "", N, 1);
  check(d, 1, "Civil Rights Defenders", NULL, "SE", S, 2);
  check(d, 2, "Tolekan Ismailova", NULL, "", N, 3);
  d = kgr_test_parse(state, OPENING "Signed by:\n\n"
                                    "- Center for Legal Transformation (Lawtrend)\n"
                                    "- Helsinki Citizens' Assembly (Vanadzor)\n"
                                    "- Public Association (Civic Platform)\n");
  assert_int_equal(d->signatories.count, 3);
  check(d, 0, "Center for Legal Transformation", "Lawtrend", "", N, 0);
  check(d, 1, "Helsinki Citizens' Assembly", NULL, "AM", S, 0);
  check(d, 2, "Public Association (Civic Platform)", NULL, "", N, 0);
}

static void test_headless(void **state) {
  /* no heading: the trailing run of organisation-shaped items */
  kgr_doc *d =
      kgr_test_parse(state, OPENING "We urge the authorities to:\n\n"
                                    "- release the bloggers at once;\n"
                                    "- drop all charges against them;\n"
                                    "- investigate the beatings reported by their lawyers.\n\n"
                                    "- Norwegian Helsinki Committee\n"
                                    "- Legal Policy Research Centre (Kazakhstan)\n"
                                    "- Bir Duino Human Rights Movement (Kyrgyzstan)\n");
  assert_int_equal(d->signatories.count, 3);
  check(d, 0, "Norwegian Helsinki Committee", NULL, "NO", I, 0);
  check(d, 2, "Bir Duino Human Rights Movement", NULL, "KG", S, 0);
  /* a list of demands alone is no list of signatories */
  d = kgr_test_parse(state, OPENING "We urge the authorities to:\n\n"
                                    "- Release the Bloggers at Once\n"
                                    "- Drop All Charges Against Them\n"
                                    "- Investigate the Beatings\n");
  assert_int_equal(d->signatories.count, 0);
  /* nor a list of state bodies, nor one in the middle of a report */
  d = kgr_test_parse(state, OPENING "The case was handled by:\n\n"
                                    "- Ministry of Internal Affairs (MVD)\n"
                                    "- State Committee for National Security (GKNB)\n"
                                    "- Prosecutor General's Office of Tajikistan\n");
  assert_int_equal(d->signatories.count, 0);
  d = kgr_test_parse(state, OPENING "Sources:\n\n"
                                    "- Bir Duino Human Rights Movement (Kyrgyzstan)\n"
                                    "- Legal Policy Research Centre (Kazakhstan)\n"
                                    "- Norwegian Helsinki Committee\n\n"
                                    "They were told on 3 May that the bloggers had been moved.\n\n"
                                    "Their lawyers were not allowed to see them.\n\n"
                                    "The families asked for a meeting with the prosecutor.\n\n"
                                    "The prosecutor refused to meet them.\n\n"
                                    "The trial is due to open in June.\n");
  assert_int_equal(d->signatories.count, 0);
  /* nor a list of places, nor a document without lists */
  d = kgr_test_parse(state, "Protests were held in:\n\n- Bishkek\n- Osh\n- Talas\n- Naryn\n");
  assert_int_equal(d->signatories.count, 0);
  d = kgr_test_parse(state, OPENING);
  assert_int_equal(d->signatories.count, 0);
}

static void test_list_ends(void **state) {
  /* the list ends at the next heading, and prose after it is not a name */
  kgr_doc *d =
      kgr_test_parse(state, OPENING "Signed:\n\n"
                                    "1. Bulgarian Helsinki Committee\n"
                                    "2. Crude Accountability (United States)\n\n"
                                    "The signatories are ready to discuss these concerns with the "
                                    "authorities at any time and will follow the trial closely.\n\n"
                                    "Notes\n\n"
                                    "1. A first note.\n");
  assert_int_equal(d->signatories.count, 2);
  check(d, 1, "Crude Accountability", NULL, "US", S, 2);
  /* an entry without a name is reported, not dropped silently */
  d = kgr_test_parse(state,
                     OPENING "Signed by:\n\n1. Bulgarian Helsinki Committee\n2. (Belgium)\n");
  assert_int_equal(d->signatories.count, 1);
  bool reported = false;
  for (size_t i = 0; i < d->diagnostics.count; i++)
    reported = reported || strcmp(d->diagnostics.items[i].code.ptr, "signatory-without-name") == 0;
  assert_true(reported);
}

static void test_seed(void **state) {
  char path[1024];
  snprintf(path, sizeof path, "%s/000_014c0850d59dea29.txt", KGR_SEEDS_DIR);
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    printf("# seeds folder %s is absent: seed test skipped\n", KGR_SEEDS_DIR);
    skip();
  }
  static char buf[1 << 16];
  size_t len = fread(buf, 1, sizeof buf, fp);
  fclose(fp);
  kgr_doc *d = kgr_test_parse_len(state, buf, len);
  assert_int_equal(d->signatories.count, 35);
  for (size_t i = 0; i < 35; i++)
    assert_int_equal(d->signatories.items[i].position, (int)i + 1);
  check(d, 0, "International Partnership for Human Rights", "IPHR", "BE", S, 1);
  check(d, 1, "The Norwegian Helsinki Committee", NULL, "NO", I, 2);
  check(d, 7, "Helsinki Citizens' Assembly \xE2\x80\x93 Vanadzor", NULL, "AM", S, 8);
  check(d, 8, "Swedish OSCE-network", NULL, "SE", I, 9);
  check(d, 9, "The Barys Zvozkau Belarusian Human Rights House", NULL, "LT", S, 10);
  check(d, 11,
        "The Georgian Centre for Psychosocial and Medical Rehabilitation of Torture "
        "Victims",
        "GCRT", "GE", I, 12);
  check(d, 18, "Truth Hounds", NULL, "UA,GE", S, 19);
  check(d, 22, "The Association of Ukrainian Human Rights Monitors on Law Enforcement", "UMDPL",
        "UA", I, 23);
  check(d, 25, "Libereco Partnership for Human Rights", NULL, "DE,CH", S, 26);
  check(d, 26, "Women's International League for Peace and Freedom", "WILPF", "DE", S, 27);
  check(d, 30, "World Organisation Against Torture", "OMCT", "CH", S, 31);
  check(d, 31, "Freedom Now", NULL, "US", S, 32);
  check(d, 32, "Humanrights.ch", NULL, "CH", S, 33);
  check(d, 34, "Human Rights Centre \"Viasna\"", NULL, "BY", S, 35);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_helpers),
      KGR_TEST(test_numbered),
      KGR_TEST(test_not_a_country),
      KGR_TEST(test_one_per_line),
      KGR_TEST(test_paragraph_semicolons),
      KGR_TEST(test_paragraph_commas),
      KGR_TEST(test_dash_countries),
      KGR_TEST(test_hyphenated_countries),
      KGR_TEST(test_more_openings),
      KGR_TEST(test_list_shapes),
      KGR_TEST(test_headless),
      KGR_TEST(test_list_ends),
      KGR_TEST(test_seed),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
