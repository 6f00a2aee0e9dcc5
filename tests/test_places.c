/*
 * test_places.c - places (places.c through the entities stage): gazetteer
 * cities in the document's country, the most populous one without a
 * country, named squares and streets, short forms and districts
 * (place_aliases.tsv), territories that are one city, and the capitalised
 * words that are not places (countries, organisation and outlet names,
 * common words).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "entities.h"
#include "gazetteer.h"
#include "layout.h"
#include "kgr_test_internal.h"

static const kgr_place *place(const kgr_test_run *r, const char *name) {
  for (size_t i = 0; i < r->doc->places.count; i++)
    if (kgr_test_str_eq(r->doc->places.items[i].name, name))
      return &r->doc->places.items[i];
  return NULL;
}

static const kgr_place *must_place(const kgr_test_run *r, const char *name, const char *country) {
  const kgr_place *p = place(r, name);
  if (!p) {
    for (size_t i = 0; i < r->doc->places.count; i++)
      print_message("  have: %s\n", r->doc->places.items[i].name.ptr);
    fail_msg("no place \"%s\"", name);
  }
  if (country && !kgr_test_str_eq(p->country, country))
    fail_msg("%s is in %s, want %s", name, p->country.ptr ? p->country.ptr : "null", country);
  return p;
}

static void expect_places(const kgr_test_run *r, size_t n) {
  if (r->doc->places.count != n) {
    for (size_t i = 0; i < r->doc->places.count; i++)
      print_message("  place: %s\n", r->doc->places.items[i].name.ptr);
    fail_msg("%zu places, want %zu", r->doc->places.count, n);
  }
}

static void test_cities_in_country(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("Crowds gathered in Bishkek on 5 October and later in Talas, Naryn and "
                         "Osh. In Bishkek's centre the police used water cannon.\n",
                         "KG");
  expect_places(&r, 4); /* Bishkek once */
  const char *names[] = {"Bishkek", "Talas", "Naryn", "Osh"};
  for (size_t i = 0; i < 4; i++) {
    const kgr_place *p = must_place(&r, names[i], "KG");
    assert_true(p->has_coordinates);
    assert_true(p->lat > 39.0 && p->lat < 44.0 && p->lon > 69.0 && p->lon < 81.0);
    assert_memory_equal(r.doc->input + p->span.start, names[i], strlen(names[i]));
    /* document order */
    assert_true(kgr_test_str_eq(r.doc->places.items[i].name, names[i]));
  }
  assert_non_null(must_place(&r, "Osh", "KG")->admin1.ptr);
  kgr_test_run_done(&r);
}

static void test_country_hint(void **state) {
  (void)state;
  /* Without any country, the gazetteer's most populous Talas. */
  kgr_test_run r = kgr_test_read_text("A rally was held in Talas.\n", NULL);
  const kgr_gaz_entry *g = kgr_gaz_lookup("Talas", 5, NULL);
  assert_non_null(g);
  must_place(&r, "Talas", g->country);
  kgr_test_run_done(&r);
  /* The country the text mentions most decides when the header found none. */
  r = kgr_test_read_text("Kyrgyzstan votes on Sunday. A rally was held in Talas, a town in the "
                         "north-west of Kyrgyzstan.\n",
                         NULL);
  must_place(&r, "Talas", "KG");
  kgr_test_run_done(&r);
  /* And the header's country decides over everything. */
  r = kgr_test_read_text("A rally was held in Talas.\n", "KG");
  must_place(&r, "Talas", "KG");
  kgr_test_run_done(&r);
}

static void test_named_places(void **state) {
  (void)state;
  kgr_test_run r = kgr_test_read_text(
      "Protesters marched from Ala-Too Square along Chuy Avenue to the "
      "\xE2\x80\x9CWhite House\xE2\x80\x9D. Others gathered on 4 October Street.\n",
      "KG");
  expect_places(&r, 4);
  const kgr_place *p = must_place(&r, "Ala-Too Square", "KG");
  assert_false(p->has_coordinates);
  must_place(&r, "Chuy Avenue", "KG");
  must_place(&r, "White House", "KG");
  must_place(&r, "4 October Street", "KG");
  assert_null(place(&r, "October"));
  kgr_test_run_done(&r);
}

static void test_not_places(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("Kyrgyzstan and Kazakhstan share a border. The Human Rights House "
                         "hosted a meeting. A reporter for Current Time was hurt at the time. "
                         "Police used tear gas, and the police later withdrew. Freedom Now and "
                         "the European Union issued statements.\n",
                         "KG");
  expect_places(&r, 0);
  kgr_test_run_done(&r);
}

/* A city's name inside a longer capitalised name is not the city. */
static void test_city_inside_name(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("The Osh State University Hospital treated 20 people. Journalist Talas "
                         "Bekova filmed the clashes.\n",
                         "KG");
  expect_places(&r, 1);
  must_place(&r, "Osh State University Hospital", "KG");
  assert_null(place(&r, "Osh"));
  assert_null(place(&r, "Talas"));
  kgr_test_run_done(&r);
}

/* Common words that are also towns somewhere, and towns abroad: a small
 * town abroad needs a preposition; a label, an acronym's neighbour or
 * "X of Y" is no place. */
static void test_words_and_towns_abroad(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("Date: 14 March 2023. Dr. Samuel Okafor of SOAS University of London "
                         "wrote to the court. Kobryn said nothing. The activist later moved to "
                         "Kobryn, and then to Minsk.\n",
                         "KG");
  assert_null(place(&r, "Date"));
  assert_null(place(&r, "University"));
  assert_null(place(&r, "London")); /* "University of London" */
  must_place(&r, "Kobryn", "BY");   /* "to Kobryn" */
  must_place(&r, "Minsk", "BY");
  expect_places(&r, 2);
  kgr_test_run_done(&r);
  /* at home, a small town needs no preposition */
  r = kgr_test_read_text("Khorog remained cut off for weeks.\n", "TJ");
  must_place(&r, "Khorog", "TJ");
  kgr_test_run_done(&r);
}

/* Short forms of longer gazetteer names ("Cali" for Santiago de Cali);
 * a place after an organisation "in" a city; spellings of one entry that
 * begin or end one another are one place. */
static void test_short_forms_and_spellings(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("Police opened fire on demonstrators in Cali overnight. Deputies of the "
                         "National Assembly in Yerevan voted. Crowds gathered in St. Petersburg; "
                         "in Petersburg police detained 40. The Osh Region police and the Osh "
                         "oblast court were named.\n",
                         NULL);
  const kgr_place *p = must_place(&r, "Cali", "CO");
  assert_true(p->has_coordinates);
  assert_true(p->lat > 3.0 && p->lat < 4.0);
  must_place(&r, "Yerevan", "AM");
  must_place(&r, "St. Petersburg", "RU");
  assert_null(place(&r, "Petersburg")); /* the same place */
  must_place(&r, "Osh Region", "KG");
  assert_null(place(&r, "Osh oblast"));
  expect_places(&r, 4);
  kgr_test_run_done(&r);
  /* a named region that the gazetteer knows by its first words */
  r = kgr_test_read_text(
      "Security forces entered the Gorno-Badakhshan Autonomous Region. Residents of "
      "Gorno-Badakhshan protested.\n",
      "TJ");
  p = must_place(&r, "Gorno-Badakhshan Autonomous Region", "TJ");
  assert_non_null(p);
  expect_places(&r, 1);
  kgr_test_run_done(&r);
}

/* A territory that is one city (Hong Kong) is a place, in a document
 * about it or not, at its coordinates; its districts are places of their
 * own; other territories and countries are not places. */
static void test_territories_and_districts(void **state) {
  (void)state;
  kgr_test_run r = kgr_test_read_text(
      "Hong Kong police fired tear gas in Mong Kok and Causeway Bay, and the camp "
      "in Admiralty was cleared. In Puerto Rico and Colombia nothing happened.\n",
      "HK");
  const kgr_place *p = must_place(&r, "Hong Kong", "HK");
  assert_true(p->has_coordinates);
  assert_true(p->lat > 22.0 && p->lat < 23.0 && p->lon > 113.5 && p->lon < 114.5);
  must_place(&r, "Mong Kok", "HK");
  must_place(&r, "Causeway Bay", "HK");
  must_place(&r, "Admiralty", "HK");
  assert_null(place(&r, "Puerto Rico"));
  assert_null(place(&r, "Colombia"));
  expect_places(&r, 4);
  kgr_test_run_done(&r);
  r = kgr_test_read_text("In Hong Kong, 47 activists were charged; in Yangon, police fired on "
                         "crowds.\n",
                         "MM");
  must_place(&r, "Hong Kong", "HK");
  must_place(&r, "Yangon", "MM");
  kgr_test_run_done(&r);
  /* inside an organisation's name it is no place */
  r = kgr_test_read_text("Amnesty International Hong Kong closed its office.\n", "HK");
  assert_null(place(&r, "Hong Kong"));
  kgr_test_run_done(&r);
}

/* Lines of their own: a city after an address line, a place in a
 * "Location:" field, and no city glued to the label under it. */
static void test_places_on_lines(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("Attorney General Rosa Matamoros\nMinisterio Publico\nManagua, "
                         "Nicaragua\n\nLocation: Geneva\nDate: 4 May 2021\n",
                         "NI");
  must_place(&r, "Managua", "NI");
  must_place(&r, "Geneva", "CH");
  expect_places(&r, 2);
  kgr_test_run_done(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_short_forms_and_spellings),
      cmocka_unit_test(test_territories_and_districts),
      cmocka_unit_test(test_places_on_lines),
      cmocka_unit_test(test_words_and_towns_abroad),
      cmocka_unit_test(test_cities_in_country),
      cmocka_unit_test(test_country_hint),
      cmocka_unit_test(test_named_places),
      cmocka_unit_test(test_not_places),
      cmocka_unit_test(test_city_inside_name),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
