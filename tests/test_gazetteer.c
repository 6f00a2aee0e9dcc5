/*
 * test_gazetteer.c - countries (iso-codes + the project's adjectives) and
 * places (GeoNames cities, ISO 3166-2 regions) in gazetteer.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "gazetteer.h"
#include "tables_internal.h"

/* The country text names; is_name must be as given. */
static void expect_country(const char *text, const char *alpha2, bool want_name) {
  bool is_name = !want_name;
  const kgr_country *c = kgr_country_lookup(text, strlen(text), &is_name);
  if (!c)
    fail_msg("\"%s\" is no country", text);
  assert_string_equal(c->alpha2, alpha2);
  if (is_name != want_name)
    fail_msg("\"%s\": is_name %d", text, is_name);
}

static void test_country_lookup(void **state) {
  (void)state;
  expect_country("Bulgarian", "BG", false);
  expect_country("Macedonian", "MK", false);
  expect_country("Kyrgyzstan", "KG", true);
  expect_country("Kyrgyz Republic", "KG", true);
  expect_country("kyrgyz republic", "KG", true);
  expect_country("Kyrgyz", "KG", false);
  expect_country("Kyrgyzstani", "KG", false);
  expect_country("United States", "US", true);
  expect_country("United States of America", "US", true);
  expect_country("USA", "US", true);
  expect_country("U.S.", "US", true);
  expect_country("US", "US", true);
  expect_country("\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F", "RU", true); /* Россия */
  expect_country("\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD0\xB8", "RU", true); /* России */
  expect_country("\xD1\x80\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD0\xB9\xD1\x81\xD0\xBA\xD0\xB8"
                 "\xD1\x85",
                 "RU", false); /* российских */
  expect_country("\xD0\x9A\xD1\x8B\xD1\x80\xD0\xB3\xD1\x8B\xD0\xB7\xD1\x81\xD1\x82\xD0\xB0"
                 "\xD0\xBD\xD0\xB5",
                 "KG", true); /* Кыргызстане */
  expect_country("Belarus", "BY", true);
  expect_country("Belarusian", "BY", false);
  expect_country("Russia", "RU", true);
  expect_country("Russian Federation", "RU", true);
  expect_country("Moldova", "MD", true);
  expect_country("Czech Republic", "CZ", true);
  expect_country("North Macedonia", "MK", true);
  expect_country("Macedonia", "MK", true);
  expect_country("Ivory Coast", "CI", true);
  expect_country("Cote d\xE2\x80\x99Ivoire", "CI", true);
  expect_country("Bosnia", "BA", true);
  expect_country("Holland", "NL", true);
  expect_country("Netherlands", "NL", true);
  expect_country("Dutch", "NL", false);
  expect_country("Swiss", "CH", false);
  expect_country("Norwegians", "NO", false);
  expect_country("Ukrainian", "UA", false);
  expect_country("Georgia", "GE", true);
  expect_country("Turkey", "TR", true);
  expect_country("Korea, Republic of", "KR", true);
  expect_country("South Korea", "KR", true);
  expect_country("Moldova, Republic of", "MD", true);
  /* Ambiguous or not a country at all. */
  assert_null(kgr_country_lookup("Korea", 5, NULL));
  assert_null(kgr_country_lookup("America", 7, NULL));
  assert_null(kgr_country_lookup("Congolese", 9, NULL));
  /* Abbreviations only in capitals: "us" is a pronoun. */
  assert_null(kgr_country_lookup("us", 2, NULL));
  assert_null(kgr_country_lookup("Usa", 3, NULL));
  bool is_name = true;
  assert_null(kgr_country_lookup("Kyrgyzstan ", 11, &is_name));
  assert_false(is_name);
  assert_null(kgr_country_lookup(NULL, 3, NULL));
  assert_null(kgr_country_lookup("", 0, NULL));
}

static void test_country_match(void **state) {
  (void)state;
  static const char s[] = "the Norwegian Helsinki Committee";
  const kgr_country *c = NULL;
  bool is_name = true;
  assert_int_equal(kgr_country_match(s, sizeof s - 1, 0, &c, &is_name), 0);
  assert_null(c);
  assert_int_equal(kgr_country_match(s, sizeof s - 1, 4, &c, &is_name), 9);
  assert_string_equal(c->alpha2, "NO");
  assert_false(is_name);

  /* The possessive's curly apostrophe ends the name. */
  static const char k[] = "Kyrgyzstan\xE2\x80\x99s civil society";
  assert_int_equal(kgr_country_match(k, sizeof k - 1, 0, &c, &is_name), 10);
  assert_string_equal(c->alpha2, "KG");
  assert_true(is_name);

  static const char t[] = "Truth Hounds (Ukraine/Georgia)";
  assert_int_equal(kgr_country_match(t, sizeof t - 1, 14, &c, NULL), 7);
  assert_string_equal(c->alpha2, "UA");
  assert_int_equal(kgr_country_match(t, sizeof t - 1, 22, &c, NULL), 7);
  assert_string_equal(c->alpha2, "GE");

  /* Longest: "United States" rather than nothing at "United", and "South
   * Sudanese" rather than "Sudanese" is not even tried at "South". */
  static const char u[] = "Crude Accountability (United States)";
  assert_int_equal(kgr_country_match(u, sizeof u - 1, 22, &c, NULL), 13);
  assert_string_equal(c->alpha2, "US");
  static const char v[] = "South Sudanese refugees";
  assert_int_equal(kgr_country_match(v, sizeof v - 1, 0, &c, NULL), 14);
  assert_string_equal(c->alpha2, "SS");

  /* "us" in running text is no country. */
  static const char w[] = "join us today";
  assert_int_equal(kgr_country_match(w, sizeof w - 1, 5, &c, NULL), 0);
  assert_int_equal(kgr_country_match(NULL, 3, 0, &c, NULL), 0);
}

static void test_country_by_code(void **state) {
  (void)state;
  const kgr_country *kg = kgr_country_by_code("kg", 2);
  assert_non_null(kg);
  assert_string_equal(kg->alpha3, "KGZ");
  assert_string_equal(kg->name, "Kyrgyzstan");
  assert_float_equal(kg->lat, 42.87, 0.01); /* Bishkek */
  assert_float_equal(kg->lon, 74.59, 0.01);
  const kgr_country *mk = kgr_country_by_code("MK", 2);
  assert_non_null(mk);
  assert_string_equal(mk->name, "North Macedonia");
  /* No capital in the data: NaN, not a guess. */
  const kgr_country *aq = kgr_country_by_code("AQ", 2);
  assert_non_null(aq);
  assert_true(isnan(aq->lat));
  assert_null(kgr_country_by_code("XX", 2));
  assert_null(kgr_country_by_code("KGZ", 3));
  assert_null(kgr_country_by_code(NULL, 2));
  assert_int_equal(kgr_country_count, 249);
  for (size_t i = 1; i < kgr_country_count; i++)
    assert_true(strcmp(kgr_countries[i - 1].alpha2, kgr_countries[i].alpha2) < 0);
}

static const kgr_gaz_entry *place(const char *name, const char *hint) {
  const kgr_gaz_entry *e = kgr_gaz_lookup(name, strlen(name), hint);
  if (!e)
    fail_msg("no place \"%s\"", name);
  return e;
}

static void test_gaz_lookup(void **state) {
  (void)state;
  const kgr_gaz_entry *e = place("Talas", "KG");
  assert_string_equal(e->country, "KG");
  assert_int_equal(e->kind, KGR_PLACE_CITY);
  assert_float_equal(e->lat, 42.52, 0.05);
  /* Without a hint the most populous Talas wins: GeoNames has Talas,
   * Kayseri (TR) at 36,890 and Talas (KG) at 35,172. */
  e = place("Talas", NULL);
  assert_string_equal(e->country, "TR");
  assert_int_equal(e->population, 36890);

  e = place("Bishkek", NULL);
  assert_string_equal(e->country, "KG");
  assert_int_equal(e->kind, KGR_PLACE_CITY);
  assert_float_equal(e->lat, 42.87, 0.01);
  assert_float_equal(e->lon, 74.59, 0.01);
  assert_string_equal(e->admin1, "Bishkek");
  assert_ptr_equal(place("BISHKEK", "kg"), e);
  assert_ptr_equal(place("Frunze", NULL), e); /* place_aliases.tsv */
  assert_ptr_equal(place("\xD0\x91\xD0\xB8\xD1\x88\xD0\xBA\xD0\xB5\xD0\xBA", NULL), e); /* Бишкек */

  e = place("Osh", NULL);
  assert_string_equal(e->country, "KG");
  assert_int_equal(e->kind, KGR_PLACE_CITY);
  e = place("Naryn", "KG");
  assert_string_equal(e->country, "KG");
  assert_int_equal(e->kind, KGR_PLACE_CITY);

  e = place("Kharkiv", NULL);
  assert_string_equal(e->name, "Kharkiv");
  assert_string_equal(e->country, "UA");
  assert_ptr_equal(place("Kharkov", NULL), e);
  assert_ptr_equal(place("\xD0\xA5\xD0\xB0\xD1\x80\xD1\x8C\xD0\xBA\xD0\xBE\xD0\xB2", NULL), e);
  assert_string_equal(place("Kiev", NULL)->name, "Kyiv");

  /* Diacritics and apostrophes are optional. */
  e = place("Chisinau", NULL);
  assert_string_equal(e->country, "MD");
  assert_string_equal(e->name, "Chi\xC8\x99in\xC4\x83u");
  assert_string_equal(place("Kazan", "RU")->country, "RU"); /* GeoNames: Kazan’ */
}

static void test_gaz_regions(void **state) {
  (void)state;
  const kgr_gaz_entry *chuy = place("Chuy", NULL);
  assert_int_equal(chuy->kind, KGR_PLACE_REGION);
  assert_string_equal(chuy->country, "KG");
  assert_true(isnan(chuy->lat));
  assert_ptr_equal(place("Chuy Region", NULL), chuy);
  assert_ptr_equal(place("Chuy region", NULL), chuy);
  assert_ptr_equal(place("Chuy oblast", NULL), chuy);
  assert_ptr_equal(place("Ch\xC3\xBCy", NULL), chuy);
  assert_ptr_equal(place("Chuyskaya oblast'", NULL), chuy);
  /* A suffix selects the region of a city's name. */
  const kgr_gaz_entry *osh = place("Osh Region", "KG");
  assert_int_equal(osh->kind, KGR_PLACE_REGION);
  assert_string_equal(osh->country, "KG");
  assert_string_equal(place("Jalal-Abad region", NULL)->country, "KG");
  assert_int_equal(place("Jalal-Abad region", NULL)->kind, KGR_PLACE_REGION);
  assert_int_equal(place("Kharkiv Oblast", NULL)->kind, KGR_PLACE_REGION);
  /* A region word after a name that has no region is not part of it. */
  assert_null(kgr_gaz_lookup("Kara-Balta region", 17, NULL));
  static const char kb[] = "Kara-Balta region";
  const kgr_gaz_entry *e = NULL;
  assert_int_equal(kgr_gaz_match(kb, sizeof kb - 1, 0, NULL, &e), 10);
  assert_int_equal(e->kind, KGR_PLACE_CITY);
  /* Countries are places too, ahead of any city or region of their name. */
  const kgr_gaz_entry *ge = place("Georgia", NULL);
  assert_int_equal(ge->kind, KGR_PLACE_COUNTRY);
  assert_string_equal(ge->country, "GE");
  const kgr_gaz_entry *us_ga = place("Georgia", "US");
  assert_int_equal(us_ga->kind, KGR_PLACE_REGION);
  assert_string_equal(us_ga->country, "US");
  assert_int_equal(place("Kyrgyzstan", NULL)->kind, KGR_PLACE_COUNTRY);
  /* Common words that name some town are not indexed. */
  assert_null(kgr_gaz_lookup("Police", 6, NULL));
  assert_null(kgr_gaz_lookup("Central", 7, NULL));
  assert_null(kgr_gaz_lookup("UN", 2, NULL)); /* not Un, India */
  assert_null(kgr_gaz_lookup("Nowhereville", 12, NULL));
  assert_null(kgr_gaz_lookup(NULL, 3, NULL));
  assert_null(kgr_gaz_lookup("", 0, NULL));
}

static void test_gaz_match(void **state) {
  (void)state;
  static const char s[] = "in Bishkek and later Talas, Naryn and Osh to protest; osh";
  const kgr_gaz_entry *e = NULL;
  assert_int_equal(kgr_gaz_match(s, sizeof s - 1, 3, "KG", &e), 7);
  assert_string_equal(e->name, "Bishkek");
  assert_int_equal(kgr_gaz_match(s, sizeof s - 1, 21, "KG", &e), 5);
  assert_string_equal(e->country, "KG");
  assert_int_equal(kgr_gaz_match(s, sizeof s - 1, 28, "KG", &e), 5);
  assert_string_equal(e->name, "Naryn");
  assert_int_equal(kgr_gaz_match(s, sizeof s - 1, 38, NULL, &e), 3);
  assert_string_equal(e->name, "Osh");
  /* Only capitalised names. */
  assert_int_equal(kgr_gaz_match(s, sizeof s - 1, 54, NULL, &e), 0);
  assert_null(e);
  assert_int_equal(kgr_gaz_match(s, sizeof s - 1, 0, NULL, &e), 0); /* "in" */
  /* Longest name, and a region word taken along. */
  static const char t[] = "clashes in the Chuy Region, in Jalal-Abad and Kara-Balta.";
  assert_int_equal(kgr_gaz_match(t, sizeof t - 1, 15, NULL, &e), 11);
  assert_int_equal(e->kind, KGR_PLACE_REGION);
  assert_int_equal(kgr_gaz_match(t, sizeof t - 1, 31, NULL, &e), 10);
  assert_int_equal(e->kind, KGR_PLACE_CITY);
  assert_int_equal(kgr_gaz_match(t, sizeof t - 1, 46, NULL, &e), 10);
  assert_string_equal(e->name, "Kara-Balta");
  /* Cyrillic capitals count. */
  static const char r[] = "\xD0\xB2 \xD0\x9E\xD1\x88\xD0\xB5"; /* в Оше: not the nominative */
  assert_int_equal(kgr_gaz_match(r, sizeof r - 1, 3, NULL, &e), 0);
  static const char r2[] = "\xD0\x9E\xD1\x88."; /* Ош. */
  assert_int_equal(kgr_gaz_match(r2, sizeof r2 - 1, 0, NULL, &e), 4);
  assert_string_equal(e->name, "Osh");
  assert_int_equal(kgr_gaz_match(NULL, 5, 0, NULL, &e), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_country_lookup),  cmocka_unit_test(test_country_match),
      cmocka_unit_test(test_country_by_code), cmocka_unit_test(test_gaz_lookup),
      cmocka_unit_test(test_gaz_regions),     cmocka_unit_test(test_gaz_match),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
