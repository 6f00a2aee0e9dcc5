/*
 * test_persons.c - person names found by evidence (persons.c through the
 * entities stage): roles before names, roles in apposition with their
 * affiliations, honorifics, possessives, later mentions by surname,
 * occupations, ages, parenthesised second names, verbs of saying,
 * signatures and fields on lines of their own, and the capitalised phrases
 * that are not persons.
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
#include "layout.h"
#include "kgr_test_internal.h"

static const kgr_person *person(const kgr_test_run *r, const char *name) {
  for (size_t i = 0; i < r->doc->persons.count; i++)
    if (kgr_test_str_eq(r->doc->persons.items[i].name, name))
      return &r->doc->persons.items[i];
  return NULL;
}

static const kgr_person *must_person(const kgr_test_run *r, const char *name) {
  const kgr_person *p = person(r, name);
  if (!p) {
    for (size_t i = 0; i < r->doc->persons.count; i++)
      print_message("  have: %s\n", r->doc->persons.items[i].name.ptr);
    fail_msg("no person \"%s\"", name);
  }
  return p;
}

static bool has_role(const kgr_person *p, const char *role) {
  for (size_t i = 0; i < p->role_count; i++)
    if (kgr_test_str_eq(p->roles[i], role))
      return true;
  return false;
}

static void expect_persons(const kgr_test_run *r, size_t n) {
  if (r->doc->persons.count != n) {
    for (size_t i = 0; i < r->doc->persons.count; i++)
      print_message("  person: %s\n", r->doc->persons.items[i].name.ptr);
    fail_msg("%zu persons, want %zu", r->doc->persons.count, n);
  }
}

/* The span of a person holds its name in the input. */
static void expect_span(const kgr_test_run *r, const kgr_person *p) {
  assert_true(p->span.end <= r->doc->input_len);
  assert_int_equal(p->span.end - p->span.start, p->name.len);
  assert_memory_equal(r->doc->input + p->span.start, p->name.ptr, p->name.len);
}

static void test_role_before_name(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("On Monday President Nurlan Abdrakhmanov met former President Askar "
                         "Temirov and former MP Daniyar Osmonov. Prime Minister Bakyt Sultanov "
                         "was not there, but journalist Aida Bekova and human rights defender "
                         "Tolekan Ismailova were.\n",
                         "KG");
  expect_persons(&r, 6);
  const kgr_person *p = must_person(&r, "Nurlan Abdrakhmanov");
  assert_int_equal(p->role_count, 1);
  assert_true(has_role(p, "president"));
  expect_span(&r, p);
  assert_true(has_role(must_person(&r, "Askar Temirov"), "former president"));
  assert_true(has_role(must_person(&r, "Daniyar Osmonov"), "former member of parliament"));
  assert_true(has_role(must_person(&r, "Bakyt Sultanov"), "prime minister"));
  assert_true(has_role(must_person(&r, "Aida Bekova"), "journalist"));
  assert_true(has_role(must_person(&r, "Tolekan Ismailova"), "human rights defender"));
  assert_null(must_person(&r, "Aida Bekova")->affiliation.ptr);
  kgr_test_run_done(&r);
}

static void test_appositive(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("Yesterday Marat Usenov, a reporter for Radio Azattyk, was beaten. "
                         "Police also detained Elena Kim, a correspondent from the independent "
                         "news website kaktus.media, in the city centre. "
                         "The crowd cheered Emomali Rakhmonov, the former President of Tajikistan, "
                         "when he arrived. Officers questioned Ulan Bekov, a Kloop journalist, for "
                         "an hour.\n",
                         "KG");
  expect_persons(&r, 4);
  const kgr_person *p = must_person(&r, "Marat Usenov");
  assert_true(has_role(p, "reporter"));
  assert_true(kgr_test_str_eq(p->affiliation, "Radio Azattyk"));
  expect_span(&r, p);
  p = must_person(&r, "Elena Kim");
  assert_true(has_role(p, "correspondent"));
  assert_true(kgr_test_str_eq(p->affiliation, "kaktus.media"));
  p = must_person(&r, "Emomali Rakhmonov");
  assert_true(has_role(p, "former president"));
  assert_null(p->affiliation.ptr); /* a country is no affiliation */
  p = must_person(&r, "Ulan Bekov");
  assert_true(has_role(p, "journalist"));
  assert_true(kgr_test_str_eq(p->affiliation, "Kloop"));
  /* The outlets are organisations too. */
  size_t outlets = 0;
  for (size_t i = 0; i < r.doc->organizations.count; i++) {
    kgr_str n = r.doc->organizations.items[i].name;
    outlets += kgr_test_str_eq(n, "Radio Azattyk") || kgr_test_str_eq(n, "kaktus.media") ||
               kgr_test_str_eq(n, "Kloop");
  }
  assert_int_equal(outlets, 3);
  kgr_test_run_done(&r);
}

static void test_honorific_possessive_outlet(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("Mr. Daniyar Osmonov was released on bail. Bakyt Asanov's lawyer said the "
                         "charges were invented. A policeman took the camera of Ruslan Sadykov of "
                         "the news site 24.kg as he filmed.\n",
                         "KG");
  expect_persons(&r, 3);
  assert_int_equal(must_person(&r, "Daniyar Osmonov")->role_count, 0);
  assert_int_equal(must_person(&r, "Bakyt Asanov")->role_count, 0);
  assert_true(kgr_test_str_eq(must_person(&r, "Ruslan Sadykov")->affiliation, "24.kg"));
  kgr_test_run_done(&r);
}

static void test_surname_mentions(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("Protesters freed former President Almazbek Atambayev on Tuesday.\n\n"
                         "Atambayev later addressed the crowd. Supporters of Atambayev cheered.\n\n"
                         "Almazbek Atambayev, the leader of the Social Democrats, left at noon.\n",
                         "KG");
  expect_persons(&r, 1);
  const kgr_person *p = must_person(&r, "Almazbek Atambayev");
  assert_true(has_role(p, "former president"));
  assert_true(has_role(p, "leader"));
  expect_span(&r, p);
  size_t mentions = 0;
  for (size_t i = 0; i < r.ents->count; i++)
    mentions += r.ents->mentions[i].type == KGR_ENTITY_PERSON;
  assert_int_equal(mentions, 4);
  kgr_test_run_done(&r);
}

/* A title alone first, the full name later: one person. */
static void test_title_then_full_name(void **state) {
  (void)state;
  kgr_test_run r = kgr_test_read_text("President Japarov signed the decree.\n\n"
                                      "Sadyr Japarov, the president, spoke on television.\n",
                                      "KG");
  expect_persons(&r, 1);
  const kgr_person *p = must_person(&r, "Sadyr Japarov");
  assert_true(has_role(p, "president"));
  assert_int_equal(p->role_count, 1);
  kgr_test_run_done(&r);
}

static void test_role_of_body(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("The head of the Central Election Commission, Nurzhan Shaildabekova, "
                         "annulled the results. Minister of Health Alymkadyr Beishenaliev said "
                         "health workers had been attacked. The President of Kyrgyzstan, Sooronbay "
                         "Jeenbekov, stayed in office.\n",
                         "KG");
  expect_persons(&r, 3);
  const kgr_person *p = must_person(&r, "Nurzhan Shaildabekova");
  assert_true(has_role(p, "head"));
  assert_true(kgr_test_str_eq(p->affiliation, "Central Election Commission"));
  p = must_person(&r, "Alymkadyr Beishenaliev");
  assert_true(has_role(p, "minister"));
  assert_null(p->affiliation.ptr);
  p = must_person(&r, "Sooronbay Jeenbekov");
  assert_true(has_role(p, "president"));
  assert_null(p->affiliation.ptr);
  kgr_test_run_done(&r);
}

static void test_plural_and_cyrillic(void **state) {
  (void)state;
  kgr_test_run r = kgr_test_read_text(
      "Police detained journalists Aida Bekova, Marat Usenov and Elena Kim "
      "overnight. \xD0\x91\xD1\x8B\xD0\xB2\xD1\x88\xD0\xB8\xD0\xB9 "
      "\xD0\xBF\xD1\x80\xD0\xB5\xD0\xB7\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBD"
      "\xD1\x82 \xD0\x90\xD0\xBB\xD0\xBC\xD0\xB0\xD0\xB7\xD0\xB1\xD0\xB5"
      "\xD0\xBA \xD0\x90\xD1\x82\xD0\xB0\xD0\xBC\xD0\xB1\xD0\xB0\xD0\xB5"
      "\xD0\xB2 \xD0\xBE\xD1\x81\xD0\xB2\xD0\xBE\xD0\xB1\xD0\xBE\xD0\xB6"
      "\xD0\xB4\xD1\x91\xD0\xBD.\n", /* Бывший президент Алмазбек Атамбаев освобождён. */
      "KG");
  expect_persons(&r, 4);
  assert_true(has_role(must_person(&r, "Aida Bekova"), "journalist"));
  assert_true(has_role(must_person(&r, "Marat Usenov"), "journalist"));
  assert_true(has_role(must_person(&r, "Elena Kim"), "journalist"));
  const kgr_person *p = must_person(&r, "\xD0\x90\xD0\xBB\xD0\xBC\xD0\xB0\xD0\xB7\xD0\xB1"
                                        "\xD0\xB5\xD0\xBA \xD0\x90\xD1\x82\xD0\xB0\xD0\xBC"
                                        "\xD0\xB1\xD0\xB0\xD0\xB5\xD0\xB2");
  assert_true(has_role(p, "former president"));
  expect_span(&r, p);
  kgr_test_run_done(&r);
}

/* Employers before roles, roles before commas, ages, second roles. */
static void test_more_evidence(void **state) {
  (void)state;
  kgr_test_run r = kgr_test_read_text(
      "Kloop journalist Bolot Temirov was questioned. A Reuters correspondent, "
      "Maxim Ivanov, was injured. Riot police beat Alexander Taraikovsky, 34, "
      "near the station. \xE2\x80\x9CIt was brutal,\xE2\x80\x9D said Hugh "
      "Williamson, Europe and Central Asia director at Human Rights Watch. Police "
      "detained human rights defender Aziza Abdirasulova, head of the Kylym Shamy "
      "Centre, at her home. Maria Kolesnikova, a member of the opposition "
      "Coordination Council, was abducted.\n",
      "BY");
  expect_persons(&r, 6);
  const kgr_person *p = must_person(&r, "Bolot Temirov");
  assert_true(has_role(p, "journalist"));
  assert_true(kgr_test_str_eq(p->affiliation, "Kloop"));
  p = must_person(&r, "Maxim Ivanov");
  assert_true(has_role(p, "correspondent"));
  assert_true(kgr_test_str_eq(p->affiliation, "Reuters"));
  p = must_person(&r, "Alexander Taraikovsky");
  assert_int_equal(p->role_count, 0);
  p = must_person(&r, "Hugh Williamson");
  assert_true(has_role(p, "director"));
  assert_true(kgr_test_str_eq(p->affiliation, "Human Rights Watch"));
  p = must_person(&r, "Aziza Abdirasulova");
  assert_true(has_role(p, "human rights defender"));
  assert_true(has_role(p, "head"));
  assert_true(kgr_test_str_eq(p->affiliation, "Kylym Shamy Centre"));
  p = must_person(&r, "Maria Kolesnikova");
  assert_true(kgr_test_str_eq(p->affiliation, "Coordination Council"));
  kgr_test_run_done(&r);
}

static void test_not_persons(void **state) {
  (void)state;
  kgr_test_run r = kgr_test_read_text(
      "KYRGYZSTAN: PRESIDENT ASKAR AKAYEV MUST RESIGN\n\n"
      "The Prime Minister, Speaker of Parliament and several other officials resigned. "
      "By 6 October, the Committee to Protect Journalists had recorded six attacks. "
      "A reporter for Current Time said the Ministry of Health was silent. "
      "Voluntary Citizens' Patrols and two Coordination Committees appeared in July and "
      "August. The White House and Ala-Too Square in Bishkek were empty. "
      "The Central Election Commission, the body in charge, annulled the vote. "
      "The COVID-19 pandemic hit Kyrgyzstan hard.\n",
      "KG");
  expect_persons(&r, 0);
  kgr_test_run_done(&r);
}

/* More shapes: a lower-case role before a full name; people named in
 * apposition to "protester"; a part of a body before the body; a
 * possessive employer; a list of titled names; names after "including";
 * a fuller name for a person known by one word. */
static void test_more_shapes(void **state) {
  (void)state;
  kgr_test_run r = kgr_test_read_text(
      "Police arrested its director Ulvi Hasanov and its chief editor Sevda "
      "Aliyeva. At least one protester, Ruslan Orunbaev, died on Monday. Oleg "
      "Sidorov, a member of the board of the Steppe Rights Network, spoke to "
      "reporters. \"We are shocked,\" said Marta Nowak, Freedom House's Director "
      "for Eastern Europe and Central Asia. Justice Minister Ayaz Baetov, Prime "
      "Minister Akylbek Japarov and Interior Minister Ulan Niyazbekov attended. "
      "Journalists and lawyers who spoke out, including Anvar Karimov and "
      "Dilnoza Yusupova, were detained. Relatives said Nargiza Saidova died "
      "after Ms. Saidova was denied care.\n",
      "KG");
  assert_true(has_role(must_person(&r, "Ulvi Hasanov"), "director"));
  assert_true(has_role(must_person(&r, "Sevda Aliyeva"), "editor"));
  assert_true(has_role(must_person(&r, "Ruslan Orunbaev"), "protester"));
  const kgr_person *p = must_person(&r, "Oleg Sidorov");
  assert_true(kgr_test_str_eq(p->affiliation, "Steppe Rights Network"));
  p = must_person(&r, "Marta Nowak");
  assert_true(has_role(p, "director"));
  assert_true(kgr_test_str_eq(p->affiliation, "Freedom House"));
  p = must_person(&r, "Ayaz Baetov");
  assert_int_equal(p->role_count, 1);
  assert_true(has_role(p, "justice minister"));
  assert_true(has_role(must_person(&r, "Akylbek Japarov"), "prime minister"));
  assert_int_equal(must_person(&r, "Anvar Karimov")->role_count, 0);
  must_person(&r, "Dilnoza Yusupova");
  expect_span(&r, must_person(&r, "Nargiza Saidova"));
  assert_null(person(&r, "Saidova"));
  assert_null(person(&r, "Central Asia"));
  assert_null(person(&r, "Eastern Europe"));
  kgr_test_run_done(&r);
  /* a common word opening a sentence is no employer */
  r = kgr_test_read_text("Media lawyer Akmat Alagushev said the law was vague. The social media "
                         "accounts of the outlet were blocked.\n",
                         "KG");
  p = must_person(&r, "Akmat Alagushev");
  assert_null(p->affiliation.ptr);
  kgr_test_run_done(&r);
}

/* Names after occupation nouns and ages; a second given name in
 * parentheses; a person named after "a woman,"; a region's word as a given
 * name; kin after a possessive. */
static void test_occupations_and_shapes(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("Iranian rapper Kian Rostami and the cartoonist Bahman Karimi were "
                         "detained. The death of 19-year-old Nasrin (Jina) Sohrabi in custody "
                         "sparked protests. Ms. Sohrabi had been held for two days. A woman, Irina "
                         "Belova, was kicked by an officer. Asia Tokonova, director of the Steppe "
                         "Rights Network, said the law was repressive. His wife, Dilbar Azimova, "
                         "said he was beaten. Officials from Eastern Europe and Central Asia met "
                         "in Vienna.\n",
                         "IR");
  assert_true(has_role(must_person(&r, "Kian Rostami"), "rapper"));
  assert_true(has_role(must_person(&r, "Bahman Karimi"), "cartoonist"));
  /* the name she is cited by; the span keeps the whole */
  const kgr_person *p = must_person(&r, "Nasrin Sohrabi");
  assert_int_equal(p->role_count, 0);
  assert_true(p->span.end - p->span.start == strlen("Nasrin (Jina) Sohrabi"));
  assert_memory_equal(r.doc->input + p->span.start, "Nasrin (Jina) Sohrabi", p->span.end - p->span.start);
  assert_null(person(&r, "Sohrabi")); /* Ms. Sohrabi is her */
  assert_null(person(&r, "Jina"));
  p = must_person(&r, "Irina Belova");
  assert_int_equal(p->role_count, 0);
  expect_span(&r, p);
  p = must_person(&r, "Asia Tokonova");
  assert_true(has_role(p, "director"));
  assert_true(kgr_test_str_eq(p->affiliation, "Steppe Rights Network"));
  p = must_person(&r, "Dilbar Azimova");
  assert_int_equal(p->role_count, 0); /* whose wife is no role of hers */
  assert_null(person(&r, "Eastern Europe"));
  assert_null(person(&r, "Central Asia"));
  expect_persons(&r, 6);
  kgr_test_run_done(&r);
  /* hard negatives: a region, a modifier with no name, an age before a
   * plural */
  r = kgr_test_read_text("The 22-year-old protesters and a woman, who asked not to be named, said "
                         "Central Asia was calm. A man, Hong Kong police said, was hurt.\n",
                         "KG");
  expect_persons(&r, 0);
  kgr_test_run_done(&r);
}

/* Evidence from a verb of saying alone: the subject of "said", "told"; a
 * quote's attribution; "according to". Organisations and outlets speak
 * too, and words the document writes in lower case are no names. */
static void test_speakers(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("\"We will appeal,\" said Nurlan Asanov. Later, Aibek Duishenov told "
                         "reporters that the trial was closed. According to Temir Saliev, the "
                         "hearing lasted ten minutes. Front Line Defenders said the charges were "
                         "baseless. Apple Daily reported the arrests. Human Rights Watch said the "
                         "same. Amnesty International said so too. Kyrgyz Television reported it. "
                         "Security Council said nothing. White Rose said it would march; white "
                         "and rose petals were thrown.\n",
                         "KG");
  const kgr_person *p = must_person(&r, "Nurlan Asanov");
  assert_int_equal(p->role_count, 0);
  expect_span(&r, p);
  must_person(&r, "Aibek Duishenov");
  must_person(&r, "Temir Saliev");
  expect_persons(&r, 3);
  kgr_test_run_done(&r);
}

/* Lines: a signature (a name on its line, its title on the next), a field
 * ("Spokesperson: X"), an address block; a longer form of a known name. */
static void test_lines_and_longer_names(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("Please accept the assurances of our highest consideration.\n\n"
                         "Amara Okonjo\n"
                         "Special Rapporteur on the rights to freedom of peaceful assembly and of "
                         "association\n\n"
                         "Spokesperson for the High Commissioner: Luis Ortega\n"
                         "Location: Geneva\n\n"
                         "Attorney General Rosa Matamoros\nMinisterio Publico\nManagua\n\n"
                         "Human rights defender Jimmy Wong was attacked. Jimmy Wong Ka-ho is the "
                         "convenor of the front.\n",
                         "NI");
  assert_true(has_role(must_person(&r, "Amara Okonjo"), "special rapporteur"));
  assert_true(has_role(must_person(&r, "Luis Ortega"), "spokesperson"));
  assert_true(has_role(must_person(&r, "Rosa Matamoros"), "prosecutor general"));
  must_person(&r, "Jimmy Wong");
  assert_null(person(&r, "Jimmy Wong Ka-ho"));
  assert_null(person(&r, "Luis Ortega Location"));
  expect_persons(&r, 4);
  kgr_test_run_done(&r);
  /* a name wrapped by a hard wrap stays whole */
  r = kgr_test_read_text("The court in the capital sentenced the well-known blogger and former\n"
                         "member of the city council, human rights defender Sadyrbek\n"
                         "Japarbekov, to five years in prison on charges of calling for riots.\n",
                         "KG");
  must_person(&r, "Sadyrbek Japarbekov");
  kgr_test_run_done(&r);
}

/* A portfolio is no body: "Minister of Foreign Affairs of Poland" has no
 * affiliation; an outlet before a role is one. */
static void test_portfolio_and_employer(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("The letter went to Jan Kowalski, Minister of Foreign Affairs of Poland, "
                         "and police detained Abzas Media director Elvin Mammadov in Baku.\n",
                         "AZ");
  const kgr_person *p = must_person(&r, "Jan Kowalski");
  assert_true(has_role(p, "minister"));
  assert_null(p->affiliation.ptr);
  p = must_person(&r, "Elvin Mammadov");
  assert_true(kgr_test_str_eq(p->affiliation, "Abzas Media"));
  kgr_test_run_done(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_occupations_and_shapes),
      cmocka_unit_test(test_speakers),
      cmocka_unit_test(test_lines_and_longer_names),
      cmocka_unit_test(test_portfolio_and_employer),
      cmocka_unit_test(test_more_shapes),      cmocka_unit_test(test_role_before_name),
      cmocka_unit_test(test_appositive),       cmocka_unit_test(test_honorific_possessive_outlet),
      cmocka_unit_test(test_surname_mentions), cmocka_unit_test(test_title_then_full_name),
      cmocka_unit_test(test_role_of_body),     cmocka_unit_test(test_plural_and_cyrillic),
      cmocka_unit_test(test_more_evidence),    cmocka_unit_test(test_not_persons),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
