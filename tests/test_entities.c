/*
 * test_entities.c - the entities stage as a whole (entities.c): the
 * mention index the event stage reads, organisations with acronyms and
 * countries, what is skipped (signatory lists, the issuer, footnotes), and
 * the seeds' persons and places; and the token helpers the recognizers
 * share (entity_scan.c): tokens, look-ups remembered by spelling, folds.
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

#include "kgrights/kgrights.h"
#include "acronyms.h"
#include "document.h"
#include "entities.h"
#include "entity_scan.h"
#include "layout.h"
#include "kgr_test_internal.h"

static const kgr_organization *org(const kgr_test_run *r, const char *name) {
  for (size_t i = 0; i < r->doc->organizations.count; i++)
    if (kgr_test_str_eq(r->doc->organizations.items[i].name, name))
      return &r->doc->organizations.items[i];
  return NULL;
}

static void list_orgs(const kgr_doc *d) {
  for (size_t i = 0; i < d->organizations.count; i++)
    print_message("  org: %s\n", d->organizations.items[i].name.ptr);
}

/* The mention index is sorted, complete and consistent with the records. */
static void check_index(const kgr_test_run *r) {
  const kgr_entities *e = r->ents;
  size_t ns = r->lay->sentence_count;
  assert_int_equal(e->sentence_first[ns], e->count);
  for (size_t s = 0; s < ns; s++) {
    assert_true(e->sentence_first[s] <= e->sentence_first[s + 1]);
    for (size_t m = e->sentence_first[s]; m < e->sentence_first[s + 1]; m++)
      assert_int_equal(e->mentions[m].sentence, s);
  }
  for (size_t m = 0; m < e->count; m++) {
    const kgr_entity_mention *x = &e->mentions[m];
    const kgr_sentence *s = &r->lay->sentences[x->sentence];
    assert_true(x->start < x->end && x->start >= s->start && x->end <= s->end);
    if (m > 0 && e->mentions[m - 1].sentence == x->sentence)
      assert_true(e->mentions[m - 1].start < x->start);
    size_t n = x->type == KGR_ENTITY_PERSON         ? r->doc->persons.count
               : x->type == KGR_ENTITY_ORGANIZATION ? r->doc->organizations.count
                                                    : r->doc->places.count;
    assert_true(x->index < n);
  }
}

static void test_mention_index(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("Police dispersed a rally in Bishkek.\n\n"
                         "Journalist Aida Bekova of the news site Kloop was hurt in Osh, and "
                         "Bekova's camera was broken. The Ministry of Health said 12 people were "
                         "treated in Bishkek.\n",
                         "KG");
  check_index(&r);
  const kgr_entities *e = r.ents;
  /* Bishkek | Aida Bekova, Kloop, Osh, Bekova | Ministry of Health, Bishkek */
  assert_int_equal(e->count, 7);
  const kgr_entity_type want[] = {KGR_ENTITY_PLACE, KGR_ENTITY_PERSON,
                                  KGR_ENTITY_ORGANIZATION, KGR_ENTITY_PLACE,
                                  KGR_ENTITY_PERSON, KGR_ENTITY_ORGANIZATION,
                                  KGR_ENTITY_PLACE};
  for (size_t m = 0; m < 7; m++)
    assert_int_equal(e->mentions[m].type, want[m]);
  assert_int_equal(e->mentions[0].index, e->mentions[6].index); /* Bishkek twice */
  assert_int_equal(e->mentions[1].index, e->mentions[4].index); /* Bekova twice */
  assert_int_equal(r.doc->places.count, 2);
  assert_int_equal(r.doc->persons.count, 1);
  assert_true(kgr_test_str_eq(r.doc->persons.items[0].affiliation, "Kloop"));
  kgr_test_run_done(&r);
}

static void test_organizations(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("The Committee to Protect Journalists (CPJ) counted six attacks, and CPJ "
                         "later added two more. The Organization for Security and Co-operation in "
                         "Europe (OSCE) sent observers. The Kyrgyz Ministry of Internal Affairs "
                         "denied it, while the Central Election Commission and the Supreme Court "
                         "stayed silent. The Human Rights House hosted a meeting. The charges are "
                         "invented, said Erlan Abdyldaev of the Kyrgyz Bar Association.\n",
                         "KG");
  check_index(&r);
  const kgr_organization *o = org(&r, "Committee to Protect Journalists");
  if (!o)
    list_orgs(r.doc);
  assert_non_null(o);
  assert_true(kgr_test_str_eq(o->acronym, "CPJ"));
  assert_null(o->country.ptr);
  size_t cpj = (size_t)(o - r.doc->organizations.items), mentions = 0;
  for (size_t m = 0; m < r.ents->count; m++)
    mentions += r.ents->mentions[m].type == KGR_ENTITY_ORGANIZATION &&
                r.ents->mentions[m].index == cpj;
  assert_int_equal(mentions, 2);
  o = org(&r, "Organization for Security and Co-operation in Europe");
  assert_non_null(o);
  assert_true(kgr_test_str_eq(o->acronym, "OSCE"));
  o = org(&r, "Kyrgyz Ministry of Internal Affairs");
  assert_non_null(o);
  assert_true(kgr_test_str_eq(o->country, "KG"));
  assert_non_null(org(&r, "Central Election Commission"));
  assert_non_null(org(&r, "Supreme Court"));
  assert_non_null(org(&r, "Human Rights House"));
  o = org(&r, "Kyrgyz Bar Association");
  assert_non_null(o);
  assert_true(kgr_test_str_eq(o->country, "KG"));
  assert_int_equal(r.doc->organizations.count, 7);
  assert_int_equal(r.doc->persons.count, 0);
  kgr_test_run_done(&r);
}

/* Organisations: a quoted name after the organisation word, an
 * international body with no country, a law's title, a court named again
 * without its country, outlets after "journalists from", a media word
 * after a capitalised name. */
static void test_more_organizations(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text("Monitors of the Human Rights Centre \"Viasna\" were detained. The "
                         "European Parliament and the Ministry of Justice disagreed about the Law "
                         "on Media. The Supreme Court of Russia upheld the ban, and the Supreme "
                         "Court later refused an appeal. Journalists from Kloop, Azattyk and "
                         "Kaktus.media were summoned. He founded the Apple Daily newspaper.\n",
                         "RU");
  const kgr_organization *o = org(&r, "Human Rights Centre \"Viasna\"");
  if (!o)
    list_orgs(r.doc);
  assert_non_null(o);
  assert_null(org(&r, "Human Rights Centre"));
  o = org(&r, "European Parliament");
  assert_non_null(o);
  assert_null(o->country.ptr);
  o = org(&r, "Ministry of Justice");
  assert_non_null(o);
  assert_true(kgr_test_str_eq(o->country, "RU"));
  assert_null(org(&r, "Law on Media"));
  assert_non_null(org(&r, "Supreme Court of Russia"));
  assert_null(org(&r, "Supreme Court"));
  assert_non_null(org(&r, "Kloop"));
  assert_non_null(org(&r, "Azattyk"));
  assert_non_null(org(&r, "Kaktus.media"));
  assert_non_null(org(&r, "Apple Daily"));
  assert_null(org(&r, "Daily"));
  check_index(&r);
  kgr_test_run_done(&r);
}

static void find_span(const kgr_doc *d, const char *text, kgr_span *out) {
  const char *p = strstr(d->input, text);
  assert_non_null(p);
  out->start = (size_t)(p - d->input);
  out->end = out->start + strlen(text);
}

/* What the header and signatory stages would have found. */
static void add_issuer_and_signatories(kgr_doc *d) {
  d->has_issuer = true;
  d->issuer.name = kgr_arena_cstr(&d->arena, "Civic Solidarity Platform");
  d->issuer.acronym = kgr_arena_cstr(&d->arena, "CSP");
  const char *names[] = {"Helsinki Foundation for Human Rights (Poland)",
                         "Osh Media Resource Centre (Osh)"};
  for (size_t i = 0; i < 2; i++) {
    kgr_signatory *s = KGR_VEC_PUSH(&d->arena, d->signatories);
    s->position = (int)i + 1;
    find_span(d, names[i], &s->span);
    s->name = kgr_arena_str(&d->arena, names[i], strchr(names[i], '(') - names[i] - 1);
  }
}

static void test_skipped(void **state) {
  (void)state;
  kgr_test_run r =
      kgr_test_read_text_with("We, members of the Civic Solidarity Platform (CSP), call on the "
                              "Ministry of Justice to act. The CSP and the Helsinki Foundation for "
                              "Human Rights will report on Talas.[1]\n\n"
                              "Signed by:\n\n"
                              "1. Helsinki Foundation for Human Rights (Poland)\n"
                              "2. Osh Media Resource Centre (Osh)\n\n"
                              "Notes\n\n"
                              "[1] Report from Naryn: https://example.org/naryn/2020/10/\n",
                              "KG", add_issuer_and_signatories);
  check_index(&r);
  bool footnote = false;
  for (size_t b = 0; b < r.lay->block_count; b++)
    footnote = footnote || r.lay->blocks[b].kind == KGR_BLOCK_FOOTNOTE;
  assert_true(footnote);
  if (r.doc->organizations.count != 1)
    list_orgs(r.doc);
  assert_int_equal(r.doc->organizations.count, 1);
  assert_non_null(org(&r, "Ministry of Justice"));
  assert_int_equal(r.doc->places.count, 1); /* not Osh, not Naryn */
  assert_true(kgr_test_str_eq(r.doc->places.items[0].name, "Talas"));
  kgr_test_run_done(&r);
}

static void add_viasna_issuer(kgr_doc *d) {
  d->has_issuer = true;
  d->issuer.name = kgr_arena_cstr(&d->arena, "Viasna Human Rights Centre");
}

/* The issuer's short name is the issuer ("Viasna"); a name cut at "on"
 * goes on to the acronym it spells ("Inter-American Commission on Human
 * Rights (IACHR)"); a name does not run on into a line of its own. */
static void test_short_names_and_acronyms(void **state) {
  (void)state;
  kgr_test_run r = kgr_test_read_text_with(
      "Viasna volunteer Hanna Zhuk was detained, according to the "
      "Inter-American Commission on Human Rights (IACHR) and the Ministry of "
      "Justice.\n\nc/o Embassy of Iran to the European Union\n"
      "Avenue Franklin Roosevelt No. 15\n",
      "BY", add_viasna_issuer);
  check_index(&r);
  assert_null(org(&r, "Viasna"));
  const kgr_organization *o = org(&r, "Inter-American Commission on Human Rights");
  if (!o)
    list_orgs(r.doc);
  assert_non_null(o);
  assert_true(kgr_test_str_eq(o->acronym, "IACHR"));
  assert_non_null(org(&r, "Ministry of Justice"));
  assert_non_null(org(&r, "Embassy of Iran to the European Union"));
  assert_int_equal(r.doc->persons.count, 1);
  assert_true(kgr_test_str_eq(r.doc->persons.items[0].affiliation, "Viasna"));
  kgr_test_run_done(&r);
}

/* Adversarial input: long runs of capitals, commas and roles stay linear
 * and produce no crash or nonsense spans. */
static void test_noise(void **state) {
  (void)state;
  size_t n = 200000;
  char *text = malloc(n + 1);
  assert_non_null(text);
  const char *unit = "President, Osh Osh former MP A. B. C, a reporter for X's 24.kg ";
  size_t ul = strlen(unit), i = 0;
  for (; i + ul < n; i += ul)
    memcpy(text + i, unit, ul);
  text[i] = '\0';
  kgr_test_run r = kgr_test_read_text(text, NULL);
  check_index(&r);
  kgr_test_run_done(&r);
  free(text);
}

/* --- The seeds ----------------------------------------------------------- */

static const kgr_person *doc_person(const kgr_doc *d, const char *name) {
  for (size_t i = 0; i < d->persons.count; i++)
    if (kgr_test_str_eq(d->persons.items[i].name, name))
      return &d->persons.items[i];
  return NULL;
}

static void expect_exact_persons(const kgr_doc *d, const char *const *names, size_t n) {
  if (d->persons.count != n)
    for (size_t i = 0; i < d->persons.count; i++)
      print_message("  person: %s\n", d->persons.items[i].name.ptr);
  assert_int_equal(d->persons.count, n);
  for (size_t i = 0; i < n; i++)
    if (!doc_person(d, names[i]))
      fail_msg("no person %s", names[i]);
}

static const kgr_place *doc_place(const kgr_doc *d, const char *name) {
  for (size_t i = 0; i < d->places.count; i++)
    if (kgr_test_str_eq(d->places.items[i].name, name))
      return &d->places.items[i];
  return NULL;
}

static void test_seed_amnesty(void **state) {
  (void)state;
  if (!kgr_test_seeds_present())
    skip();
  kgr_doc *d = kgr_test_parse_seed("003_f9bce688f7d74b02.txt");
  const char *names[] = {"Aibol Kozhomuratov", "Ruslan Kharizov", "Sooronbay Jeenbekov",
                         "Almazbek Atambayev"};
  expect_exact_persons(d, names, 4);
  assert_true(kgr_test_str_eq(doc_person(d, "Aibol Kozhomuratov")->affiliation, "Current Time"));
  assert_true(kgr_test_str_eq(doc_person(d, "Ruslan Kharizov")->affiliation, "24.kg"));
  const char *places[] = {"Bishkek", "Talas", "Naryn", "Osh"};
  for (size_t i = 0; i < 4; i++) {
    const kgr_place *p = doc_place(d, places[i]);
    if (!p)
      fail_msg("no place %s", places[i]);
    assert_true(kgr_test_str_eq(p->country, "KG"));
    assert_true(p->has_coordinates);
  }
  for (size_t i = 0; i < d->places.count; i++) {
    kgr_str n = d->places.items[i].name;
    if (!(kgr_test_str_eq(n, "Bishkek") || kgr_test_str_eq(n, "Talas") ||
          kgr_test_str_eq(n, "Naryn") || kgr_test_str_eq(n, "Osh") ||
          kgr_test_str_eq(n, "White House")))
      fail_msg("extra place %s", n.ptr);
  }
  kgr_doc_free(d);
}

static void test_seed_csp(void **state) {
  (void)state;
  if (!kgr_test_seeds_present())
    skip();
  kgr_doc *d = kgr_test_parse_seed("000_014c0850d59dea29.txt");
  const char *names[] = {"Almazbek Atambayev", "Sadyr Japarov", "Sooronbay Jeenbekov",
                         "Kubatbek Boronov"};
  expect_exact_persons(d, names, 4);
  const kgr_place *p = doc_place(d, "Bishkek");
  assert_non_null(p);
  assert_true(kgr_test_str_eq(p->country, "KG"));
  for (size_t i = 0; i < d->places.count; i++) {
    kgr_str n = d->places.items[i].name;
    if (!(kgr_test_str_eq(n, "Bishkek") || kgr_test_str_eq(n, "Ala-Too Square") ||
          kgr_test_str_eq(n, "White House")))
      fail_msg("extra place %s", n.ptr);
  }
  kgr_doc_free(d);
}

/* --- Token helpers --------------------------------------------------------- */

/* A sentence over the whole of text, cut into tokens in a. */
static kgr_ent_sent sentence_of(kgr_arena *a, const char *text, kgr_etok_vec *v) {
  kgr_etok_split(a, text, 0, strlen(text), v);
  kgr_ent_sent s = {0};
  s.text = text;
  s.end = strlen(text);
  s.tok = v->items;
  s.n = v->count;
  return s;
}

static bool tok_is(const kgr_ent_sent *s, size_t i, const char *text, kgr_etok_kind kind) {
  const kgr_etok *t = &s->tok[i];
  return t->kind == kind && t->end - t->start == strlen(text) &&
         memcmp(s->text + t->start, text, t->end - t->start) == 0;
}

static void test_tokens(void **state) {
  (void)state;
  kgr_arena a;
  kgr_arena_init(&a, NULL);
  kgr_etok_vec v = {0};
  const char *text = "Bishkek's Ala-Too Square, 24.kg and COVID-19: 686 \xC3\x96mer\xE2\x80\x99s "
                     "\xD0\x9C\xD0\xB8\xD1\x80 x";
  kgr_ent_sent s = sentence_of(&a, text, &v);
  assert_int_equal(s.n, 14);
  assert_true(tok_is(&s, 0, "Bishkek", KGR_ETOK_WORD) && s.tok[0].cap && !s.tok[0].all_caps);
  assert_true(tok_is(&s, 1, "'s", KGR_ETOK_POSS));
  assert_true(tok_is(&s, 2, "Ala-Too", KGR_ETOK_WORD));
  assert_true(tok_is(&s, 3, "Square", KGR_ETOK_WORD));
  assert_true(tok_is(&s, 4, ",", KGR_ETOK_PUNCT) && s.tok[4].cp == ',');
  assert_true(tok_is(&s, 5, "24.kg", KGR_ETOK_WORD) && s.tok[5].digit && s.tok[5].dotted);
  assert_true(tok_is(&s, 6, "and", KGR_ETOK_WORD) && !s.tok[6].cap);
  assert_true(tok_is(&s, 7, "COVID-19", KGR_ETOK_WORD) && s.tok[7].all_caps && s.tok[7].digit);
  assert_true(tok_is(&s, 8, ":", KGR_ETOK_PUNCT));
  assert_true(tok_is(&s, 9, "686", KGR_ETOK_NUMBER));
  assert_true(tok_is(&s, 10, "\xC3\x96mer", KGR_ETOK_WORD) && s.tok[10].cap);
  assert_true(tok_is(&s, 11, "\xE2\x80\x99s", KGR_ETOK_POSS));
  assert_true(tok_is(&s, 12, "\xD0\x9C\xD0\xB8\xD1\x80", KGR_ETOK_WORD) && s.tok[12].cap &&
              !s.tok[12].all_caps);
  assert_true(tok_is(&s, 13, "x", KGR_ETOK_WORD) && !s.tok[13].all_caps);
  /* A second call appends, and does not read the tokens already there:
   * "'s" opening it is no possessive of the word before. */
  size_t before = v.count;
  const char *more = "Bishkek's";
  kgr_etok_split(&a, more, 7, strlen(more), &v);
  assert_int_equal(v.count, before + 2);
  assert_int_equal(v.items[before].kind, KGR_ETOK_PUNCT);
  kgr_arena_release(&a);
}

/* Every remembered answer equals the one looked up afresh, however often
 * it is asked and however few slots the cache has. */
static void check_remembered(unsigned bits) {
  kgr_arena a;
  kgr_arena_init(&a, NULL);
  kgr_etok_vec v = {0}, w = {0};
  const char *text = "The former President of the Central Election Commission, journalist "
                     "Aida van Bekova, told the Ministry of Health in October and Jan that "
                     "the journalists from Kloop news website said: the President said no.";
  kgr_ent_sent fresh = sentence_of(&a, text, &v);
  kgr_ent_sent kept = sentence_of(&a, text, &w);
  kgr_word_cache cache;
  kgr_word_cache_init(&a, &cache, bits);
  kept.words = &cache;
  for (int round = 0; round < 2; round++) {
    for (size_t i = 0; i <= fresh.n; i++) {
      for (int lex = 0; lex < KGR_ELEX_COUNT; lex++) {
        const kgr_lex_entry *e1, *e2;
        assert_ptr_equal(kgr_etok_tag(&kept, i, (kgr_elex)lex),
                         kgr_etok_tag(&fresh, i, (kgr_elex)lex));
        assert_ptr_equal(kgr_etok_lookup(&kept, i, i + 1, (kgr_elex)lex),
                         kgr_etok_lookup(&fresh, i, i + 1, (kgr_elex)lex));
        assert_int_equal(kgr_etok_lex(&kept, i, (kgr_elex)lex, &e1),
                         kgr_etok_lex(&fresh, i, (kgr_elex)lex, &e2));
        assert_ptr_equal(e1, e2);
      }
      assert_int_equal(kgr_etok_stopword(&kept, i), kgr_etok_stopword(&fresh, i));
      assert_int_equal(kgr_etok_particle(&kept, i), kgr_etok_particle(&fresh, i));
      assert_ptr_equal(kgr_etok_orgword(&kept, i), kgr_etok_orgword(&fresh, i));
      if (i < fresh.n)
        assert_true((kgr_etok_facts(&kept, i) != NULL) == (kept.tok[i].kind == KGR_ETOK_WORD));
      assert_null(kgr_etok_facts(&fresh, i)); /* no cache: nothing remembered */
    }
  }
  /* The same words agree with the lexicons themselves. */
  assert_string_equal(kgr_etok_tag(&fresh, 0, KGR_ELEX_PERSON_STOPWORDS), "stop");
  assert_true(kgr_etok_stopword(&kept, 0));                      /* "The" */
  assert_non_null(kgr_etok_lookup(&kept, 1, 2, KGR_ELEX_ROLES)); /* "former" */
  assert_true(kgr_etok_particle(&kept, 11));                     /* "van" */
  kgr_arena_release(&a);
}

static void test_remembered_lookups(void **state) {
  (void)state;
  check_remembered(8);
  check_remembered(0); /* one slot: every other word takes it over */
}

static void test_fold(void **state) {
  (void)state;
  kgr_arena a;
  kgr_arena_init(&a, NULL);
  static const char *const cases[][2] = {
      {"  The \xE2\x80\x9CViasna\xE2\x80\x9D   Centre ", "\"viasna\" centre"},
      {"O\u2019Brien", "o'brien"},
      {"\u00ABDignity\u00BB", "\"dignity\""},
      {"The", "the"},
      {"Theatre Group", "theatre group"},
      {"CPJ", "cpj"},
      {"", ""},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    const char *in = cases[k][0];
    char buf[64];
    size_t n = kgr_ent_fold_into(buf, in, strlen(in));
    assert_true(n <= strlen(in));
    assert_int_equal(n, strlen(cases[k][1]));
    assert_memory_equal(buf, cases[k][1], n);
    kgr_str f = kgr_ent_fold(&a, in, strlen(in));
    assert_non_null(f.ptr);
    assert_string_equal(f.ptr, cases[k][1]);
  }
  kgr_arena_release(&a);
}

static void test_word_next(void **state) {
  (void)state;
  const char *text = "  Women's OSCE-network, Humanrights.ch \xC3\x96mer\xE2\x80\x99s (A&B) -x- 42";
  static const char *const words[] = {
      "Women's", "OSCE-network", "Humanrights.ch", "\xC3\x96mer\xE2\x80\x99s", "A&B", "x", "42"};
  size_t pos = 0, n = 0, len = strlen(text);
  kgr_word w;
  while (kgr_word_next(text, len, &pos, &w)) {
    assert_true(n < sizeof words / sizeof words[0]);
    assert_int_equal(w.end - w.start, strlen(words[n]));
    assert_memory_equal(text + w.start, words[n], w.end - w.start);
    assert_int_equal(pos, w.end);
    n++;
  }
  assert_int_equal(n, sizeof words / sizeof words[0]);
  assert_int_equal(pos, len);
  assert_int_equal(kgr_word_count(text, len, 3), 3);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_mention_index),
      cmocka_unit_test(test_organizations),
      cmocka_unit_test(test_more_organizations),
      cmocka_unit_test(test_skipped),
      cmocka_unit_test(test_short_names_and_acronyms),
      cmocka_unit_test(test_noise),
      cmocka_unit_test(test_seed_amnesty),
      cmocka_unit_test(test_seed_csp),
      cmocka_unit_test(test_tokens),
      cmocka_unit_test(test_remembered_lookups),
      cmocka_unit_test(test_fold),
      cmocka_unit_test(test_word_next),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
