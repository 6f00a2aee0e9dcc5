/*
 * test_appeals_corpus.c - the appeal and entity stages on whole documents
 * written for these tests in the layouts of real civil-society output
 * (tests/corpus/appeals/): joint statements (signatories in one paragraph,
 * one per line after a closing date line, under sub-headings, or named in a
 * "Joint statement by A, B and C" by-line), letters (to the European
 * Parliament signed "Organisation - Country", to a president signed by
 * persons with positions, from academics with affiliations), a network's
 * numbered appeal, urgent actions and appeals (a model letter; items
 * numbered i., ii., iii.), press releases (datelines, decks, quotes), a UN
 * experts' release, public statements (hard-wrapped; with a
 * "Recommendations" section) and a report dense with titles and outlets,
 * about Belarus, Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan,
 * Uzbekistan, Azerbaijan, Georgia, Russia, Iran and Hong Kong, 2020-2024;
 * and, in tests/corpus/mixed, other layouts and countries: an urgent
 * action on Nicaragua, a weekly digest from Belarus, a UN special
 * procedures communication on Thailand, a joint letter to the OSCE chair
 * and a foundation's statement with "[1]" footnotes on Azerbaijan.
 *
 * Each test asserts what a careful human coder would record: kind, title,
 * date, country, issuer, addressees, demands (and sentences that are not
 * demands), signatories with their countries, rights, instruments, and the
 * persons, organisations and places named (and names that are not).
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

typedef struct fixture {
  kgr_doc *doc;
  char *buf;
} fixture;

static int fixture_setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  *state = f;
  return f ? 0 : -1;
}

static int fixture_teardown(void **state) {
  fixture *f = *state;
  kgr_doc_free(f->doc);
  free(f->buf);
  free(f);
  return 0;
}

#define KGR_TEST(f) cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)

/* Parse tests/corpus/<dir>/<name>. */
static kgr_doc *load_from(void **state, const char *dir, const char *name) {
  fixture *f = *state;
  char path[1024];
  snprintf(path, sizeof path, "%s/corpus/%s/%s", KGR_TESTS_DIR, dir, name);
  FILE *fp = fopen(path, "rb");
  if (!fp)
    fail_msg("cannot open %s", path);
  fseek(fp, 0, SEEK_END);
  long size = ftell(fp);
  fseek(fp, 0, SEEK_SET);
  assert_true(size > 0);
  f->buf = malloc((size_t)size + 1);
  assert_non_null(f->buf);
  size_t got = fread(f->buf, 1, (size_t)size, fp);
  fclose(fp);
  assert_int_equal(got, (size_t)size);
  kgr_error err;
  f->doc = kgr_parse(f->buf, got, KGR_PARSE_DEFAULT, NULL, &err);
  if (!f->doc)
    fail_msg("parse of %s failed: %s", name, err.message);
  return f->doc;
}

static kgr_doc *load(void **state, const char *name) { return load_from(state, "appeals", name); }

static const char *show(kgr_str s) { return s.ptr ? s.ptr : "(null)"; }

static bool str_is(kgr_str s, const char *lit) {
  return s.ptr && s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0;
}

static bool has_text(kgr_str s, const char *sub) {
  if (!s.ptr)
    return false;
  size_t n = strlen(sub);
  for (size_t i = 0; i + n <= s.len; i++)
    if (memcmp(s.ptr + i, sub, n) == 0)
      return true;
  return false;
}

static bool starts(kgr_str s, const char *prefix) {
  return s.ptr && s.len >= strlen(prefix) && memcmp(s.ptr, prefix, strlen(prefix)) == 0;
}

/* input[span] holds the text `want`, line breaks and runs of spaces read
 * as one space (a name may wrap). */
static void assert_span_text(const kgr_doc *d, kgr_span sp, kgr_str want) {
  assert_true(sp.start <= sp.end && sp.end <= d->input_len);
  size_t i = sp.start, k = 0;
  bool ok = true;
  while (ok && i < sp.end && k < want.len) {
    bool space_in = d->input[i] == ' ' || d->input[i] == '\n' || d->input[i] == '\r';
    if (space_in && want.ptr[k] == ' ') {
      while (i < sp.end && (d->input[i] == ' ' || d->input[i] == '\n' || d->input[i] == '\r'))
        i++;
      k++;
    } else {
      ok = d->input[i++] == want.ptr[k++];
    }
  }
  if (!ok || i != sp.end || k != want.len)
    fail_msg("span [%zu, %zu) is '%.*s', not '%s'", sp.start, sp.end, (int)(sp.end - sp.start),
             d->input + sp.start, show(want));
}

/* ---- header ------------------------------------------------------------------- */

static void expect_header(const kgr_doc *d, kgr_kind kind, const char *title, const char *date,
                          kgr_date_source date_source, const char *country) {
  assert_string_equal(kgr_kind_name(d->kind), kgr_kind_name(kind));
  assert_string_equal(show(d->title), title);
  assert_string_equal(show(d->date), date);
  assert_int_equal(d->date_source, date_source);
  assert_string_equal(show(d->country), country);
}

/* issuer NULL: the document names none. */
static void expect_issuer(const kgr_doc *d, const char *name, const char *acronym) {
  if (!name) {
    if (d->has_issuer)
      fail_msg("unexpected issuer '%s'", show(d->issuer.name));
    return;
  }
  assert_true(d->has_issuer);
  assert_string_equal(show(d->issuer.name), name);
  assert_string_equal(show(d->issuer.acronym), acronym ? acronym : "(null)");
}

/* ---- addressees and demands --------------------------------------------------- */

static void expect_addressee(const kgr_doc *d, const char *sub) {
  for (size_t i = 0; i < d->addressees.count; i++)
    if (has_text(d->addressees.items[i].text, sub))
      return;
  fail_msg("no addressee holds '%s'", sub);
}

/* The demand starting with `prefix`, addressed to one holding `to` (NULL:
 * any addressee). */
static const kgr_demand *expect_demand(const kgr_doc *d, const char *prefix, const char *to) {
  for (size_t i = 0; i < d->demands.count; i++) {
    const kgr_demand *x = &d->demands.items[i];
    if (!starts(x->text, prefix))
      continue;
    if (to && !has_text(x->addressee, to))
      fail_msg("demand '%s' is addressed to '%s', not '%s'", prefix, show(x->addressee), to);
    return x;
  }
  fail_msg("no demand starts '%s'", prefix);
  return NULL;
}

/* No demand holds `sub`: narrative is not a call. */
static void expect_no_demand(const kgr_doc *d, const char *sub) {
  for (size_t i = 0; i < d->demands.count; i++)
    if (has_text(d->demands.items[i].text, sub))
      fail_msg("narrative taken for a demand: '%s'", show(d->demands.items[i].text));
}

static bool has_theme(const kgr_demand *x, kgr_theme t) {
  for (size_t i = 0; i < x->theme_count; i++)
    if (x->themes[i] == t)
      return true;
  return false;
}

/* ---- signatories -------------------------------------------------------------- */

static const char *codes(const kgr_signatory *s) {
  static char out[64];
  out[0] = '\0';
  for (size_t k = 0; k < s->country_count && strlen(out) + 4 < sizeof out; k++) {
    if (k)
      strcat(out, ",");
    strcat(out, show(s->countries[k]));
  }
  return out;
}

/* The signatory called `name`, with its acronym (NULL: none), countries
 * ("DE,CH"; "": none), their source and position (0: unnumbered). */
static void expect_signatory(const kgr_doc *d, const char *name, const char *acronym,
                             const char *countries, kgr_countries_source src, int position) {
  for (size_t i = 0; i < d->signatories.count; i++) {
    const kgr_signatory *s = &d->signatories.items[i];
    if (!str_is(s->name, name))
      continue;
    assert_string_equal(show(s->acronym), acronym ? acronym : "(null)");
    if (strcmp(codes(s), countries) != 0)
      fail_msg("signatory '%s': countries '%s', expected '%s'", name, codes(s), countries);
    if (s->countries_source != src)
      fail_msg("signatory '%s': countries source %s, expected %s", name,
               kgr_countries_source_name(s->countries_source), kgr_countries_source_name(src));
    assert_int_equal(s->position, position);
    assert_true(s->span.start < s->span.end && s->span.end <= d->input_len);
    return;
  }
  fail_msg("no signatory '%s' (of %zu)", name, d->signatories.count);
}

/* ---- rights and instruments --------------------------------------------------- */

static void expect_rights(const kgr_doc *d, const kgr_right *want, size_t n) {
  for (size_t k = 0; k < n; k++) {
    bool found = false;
    for (size_t i = 0; i < d->rights.count; i++)
      found = found || d->rights.items[i] == want[k];
    if (!found)
      fail_msg("right '%s' not found", kgr_right_name(want[k]));
  }
}

static void expect_instrument(const kgr_doc *d, const char *sub) {
  for (size_t i = 0; i < d->instruments.count; i++)
    if (has_text(d->instruments.items[i].text, sub))
      return;
  fail_msg("no instrument holds '%s'", sub);
}

/* ---- entities ----------------------------------------------------------------- */

/* The person `name` with the role `role` (NULL: any) and the affiliation
 * `aff` (NULL: none; "*": any); its span holds its name. */
static void expect_person(const kgr_doc *d, const char *name, const char *role, const char *aff) {
  for (size_t i = 0; i < d->persons.count; i++) {
    const kgr_person *p = &d->persons.items[i];
    if (!str_is(p->name, name))
      continue;
    if (role) {
      bool found = false;
      for (size_t k = 0; k < p->role_count; k++)
        found = found || str_is(p->roles[k], role);
      if (!found)
        fail_msg("person '%s' lacks the role '%s'", name, role);
    }
    if (!aff)
      assert_null(p->affiliation.ptr);
    else if (strcmp(aff, "*") != 0)
      assert_string_equal(show(p->affiliation), aff);
    assert_span_text(d, p->span, p->name);
    return;
  }
  fail_msg("no person '%s'", name);
}

/* No person's name holds `sub` (precision). */
static void expect_no_person(const kgr_doc *d, const char *sub) {
  for (size_t i = 0; i < d->persons.count; i++)
    if (has_text(d->persons.items[i].name, sub))
      fail_msg("'%s' taken for a person", show(d->persons.items[i].name));
}

/* The organisation `name` in `country` (NULL: none). */
static void expect_org(const kgr_doc *d, const char *name, const char *country) {
  for (size_t i = 0; i < d->organizations.count; i++) {
    const kgr_organization *o = &d->organizations.items[i];
    if (!str_is(o->name, name))
      continue;
    assert_string_equal(show(o->country), country ? country : "(null)");
    assert_span_text(d, o->span, o->name);
    return;
  }
  fail_msg("no organisation '%s'", name);
}

static void expect_no_org(const kgr_doc *d, const char *name) {
  for (size_t i = 0; i < d->organizations.count; i++)
    if (str_is(d->organizations.items[i].name, name))
      fail_msg("'%s' taken for an organisation", name);
}

static void expect_place(const kgr_doc *d, const char *name, const char *country) {
  for (size_t i = 0; i < d->places.count; i++) {
    const kgr_place *p = &d->places.items[i];
    if (!str_is(p->name, name))
      continue;
    assert_string_equal(show(p->country), country);
    return;
  }
  fail_msg("no place '%s'", name);
}

static void expect_no_place(const kgr_doc *d, const char *name) {
  for (size_t i = 0; i < d->places.count; i++)
    if (str_is(d->places.items[i].name, name))
      fail_msg("'%s' taken for a place", name);
}

/* ---- the documents ------------------------------------------------------------ */

/* Nothing to read: no kind, no header, no appeal parts, no entities. */
static void test_inval(void **state) {
  fixture *f = *state;
  kgr_error err;
  f->doc = kgr_parse(" \n\n\t\n", 5, KGR_PARSE_DEFAULT, NULL, &err);
  assert_non_null(f->doc);
  kgr_doc *d = f->doc;
  assert_int_equal(d->kind, KGR_KIND_UNKNOWN);
  assert_null(d->title.ptr);
  assert_false(d->has_issuer);
  assert_int_equal(d->demands.count + d->signatories.count + d->addressees.count, 0);
  assert_int_equal(d->persons.count + d->organizations.count + d->places.count, 0);
}

/* A joint statement: bulleted demands under "We call on X to:", 24
 * signatories in one comma-separated paragraph after a sentence that
 * leads into them. */
static void test_belarus_joint_statement(void **state) {
  kgr_doc *d = load(state, "belarus_joint_statement_2020.txt");
  expect_header(d, KGR_KIND_APPEAL,
                "Belarus: Stop the violent crackdown on peaceful protesters and release everyone "
                "detained for exercising their rights",
                "2020-08-12", KGR_DATE_SOURCE_STATED, "BY");
  expect_issuer(d, NULL, NULL); /* "We, the undersigned ..." */
  expect_addressee(d, "authorities of Belarus");
  expect_addressee(d, "OSCE participating States");
  expect_addressee(d, "European Union");
  assert_int_equal(d->demands.count, 6);
  const kgr_demand *x =
      expect_demand(d, "immediately and unconditionally release", "authorities of Belarus");
  assert_false(has_theme(x, KGR_THEME_USE_OF_FORCE));
  x = expect_demand(d, "put an end to the excessive use of force", "authorities of Belarus");
  assert_true(has_theme(x, KGR_THEME_USE_OF_FORCE));
  expect_demand(d, "engage in a genuine dialogue", "authorities of Belarus");
  expect_demand(d, "We further urge the OSCE participating States", "OSCE");
  expect_no_demand(d, "are appalled");
  expect_no_demand(d, "Riot police");
  expect_no_demand(d, "Journalists covering");

  assert_int_equal(d->signatories.count, 24);
  expect_signatory(d, "Amnesty International", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "ARTICLE 19", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "International Partnership for Human Rights", "IPHR", "", KGR_COUNTRIES_NONE,
                   0);
  expect_signatory(d, "Human Rights Centre \"Viasna\"", NULL, "BY", KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Polish Helsinki Foundation", NULL, "PL", KGR_COUNTRIES_INFERRED, 0);
  expect_signatory(d, "Helsinki Committee for Human Rights in Serbia", NULL, "RS",
                   KGR_COUNTRIES_INFERRED, 0);
  /* the country named inside the quoted name */
  expect_signatory(d, "Human Rights Movement \"Bir Duino-Kyrgyzstan\"", NULL, "KG",
                   KGR_COUNTRIES_INFERRED, 0);
  expect_signatory(d, "Kazakhstan International Bureau for Human Rights and Rule of Law", NULL,
                   "KZ", KGR_COUNTRIES_INFERRED, 0);
  expect_signatory(d, "Libereco \xE2\x80\x93 Partnership for Human Rights", NULL, "DE,CH",
                   KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Crude Accountability", NULL, "US", KGR_COUNTRIES_STATED, 0);
  /* "Helsinki" names a kind of organisation, not Finland */
  expect_signatory(d, "Moscow Helsinki Group", NULL, "RU", KGR_COUNTRIES_INFERRED, 0);

  static const kgr_right rights[] = {KGR_RIGHT_ASSEMBLY, KGR_RIGHT_EXPRESSION, KGR_RIGHT_TORTURE};
  expect_rights(d, rights, 3);
  expect_instrument(d, "UN Basic Principles on the Use of Force and Firearms");

  assert_int_equal(d->persons.count, 0); /* no one is named */
  expect_org(d, "Ministry of Internal Affairs", "BY");
  expect_no_org(d, "Human Rights Centre"); /* a signatory, and not cut short */
  expect_place(d, "Minsk", "BY");
  expect_place(d, "Grodno", "BY");
  expect_no_place(d, "Okrestina");
}

/* A letter: "Dear Members of the European Parliament,", demands in a
 * dashed list after "We therefore urge you to:", "Sincerely," and
 * "Organisation - Country" lines. */
static void test_ep_letter(void **state) {
  kgr_doc *d = load(state, "ep_letter_azerbaijan_2023.txt");
  expect_header(d, KGR_KIND_APPEAL,
                "Joint letter to Members of the European Parliament ahead of the plenary debate "
                "on Azerbaijan",
                "2023-12-06", KGR_DATE_SOURCE_STATED, "AZ");
  expect_issuer(d, NULL, NULL);
  expect_addressee(d, "Members of the European Parliament");
  expect_demand(d, "call for the immediate and unconditional release", "European Parliament");
  expect_demand(d, "urge the Azerbaijani authorities to repeal", "European Parliament");
  expect_demand(d, "ask the European Commission", "European Parliament");
  expect_demand(d, "attend the upcoming court hearings", "European Parliament");
  expect_no_demand(d, "Since 20 November");
  expect_no_demand(d, "Thank you for your attention");
  expect_no_demand(d, "follow a long pattern");

  assert_int_equal(d->signatories.count, 10);
  expect_signatory(d, "International Partnership for Human Rights", "IPHR", "BE",
                   KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Reporters Without Borders", "RSF", "FR", KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Index on Censorship", NULL, "GB", KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Freedom Now", NULL, "US", KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Austrian Helsinki Association", NULL, "AT", KGR_COUNTRIES_STATED, 0);

  static const kgr_right rights[] = {KGR_RIGHT_MEDIA_FREEDOM};
  expect_rights(d, rights, 1);
  expect_instrument(d, "European Convention on Human Rights");

  expect_person(d, "Ulvi Hasanli", "director", NULL);
  expect_person(d, "Sevinj Vagifgizi", "editor", NULL);
  expect_person(d, "Nargiz Absalamova", "reporter", "Abzas Media");
  expect_no_person(d, "Khatai");
  expect_org(d, "Abzas Media", NULL);
  expect_org(d, "Khatai District Court", "AZ");
  expect_org(d, "European Parliament", NULL); /* no Azerbaijani body */
  expect_no_org(d, "Law on Media");           /* a law, not an organisation */
  expect_place(d, "Baku", "AZ");
}

/* A network's appeal: an all-capital headline with a "COUNTRY:" prefix,
 * "Statement by X" under it, a date written 20.01.2022, the network's
 * acronym given in the body, a numbered list of demands under "The CSP
 * calls on X to:", and a numbered signatory list. */
static void test_csp_appeal(void **state) {
  kgr_doc *d = load(state, "csp_kazakhstan_2022.txt");
  expect_header(d, KGR_KIND_APPEAL,
                "KAZAKHSTAN: INTERNATIONAL INVESTIGATION NEEDED INTO THE KILLINGS AND TORTURE "
                "DURING THE JANUARY EVENTS",
                "2022-01-20", KGR_DATE_SOURCE_STATED, "KZ");
  expect_issuer(d, "Civic Solidarity Platform", "CSP");
  expect_addressee(d, "authorities of Kazakhstan");
  expect_addressee(d, "OSCE participating States");
  assert_int_equal(d->demands.count, 6);
  const kgr_demand *x =
      expect_demand(d, "Allow an independent international investigation", "Kazakhstan");
  assert_true(has_theme(x, KGR_THEME_INVESTIGATION));
  expect_demand(d, "Release all persons detained solely", "Kazakhstan");
  expect_demand(d, "Lift all undue restrictions", "Kazakhstan");
  expect_demand(d, "We also call on the OSCE participating States", "OSCE");
  expect_no_demand(d, "a network of more than 80");
  expect_no_demand(d, "What began on 2 January");
  expect_no_demand(d, "shoot to kill");

  assert_int_equal(d->signatories.count, 12);
  expect_signatory(d, "International Partnership for Human Rights", "IPHR", "BE",
                   KGR_COUNTRIES_STATED, 1);
  expect_signatory(d, "Kazakhstan International Bureau for Human Rights and Rule of Law", NULL,
                   "KZ", KGR_COUNTRIES_INFERRED, 2);
  expect_signatory(d, "Human Rights Movement \"Bir Duino-Kyrgyzstan\"", NULL, "KG",
                   KGR_COUNTRIES_INFERRED, 3);
  expect_signatory(d, "Helsinki Foundation for Human Rights", NULL, "PL", KGR_COUNTRIES_STATED, 5);
  expect_signatory(d, "Public Association \"Dignity\"", NULL, "KZ", KGR_COUNTRIES_STATED, 10);
  expect_signatory(d, "Citizens' Watch", NULL, "RU", KGR_COUNTRIES_STATED, 12);

  static const kgr_right rights[] = {KGR_RIGHT_TORTURE, KGR_RIGHT_ASSEMBLY, KGR_RIGHT_EXPRESSION,
                                     KGR_RIGHT_FAIR_TRIAL};
  expect_rights(d, rights, 4);
  expect_instrument(d, "UN Convention against Torture");

  expect_person(d, "Kassym-Jomart Tokayev", "president", NULL);
  expect_person(d, "Askar Nurlanov", "activist", NULL);
  expect_person(d, "Dariga Seitkali", "correspondent", "Vlast.kz");
  expect_no_person(d, "Solidarity");
  expect_no_org(d, "Civic Solidarity Platform"); /* the issuer */
  expect_place(d, "Zhanaozen", "KZ");
  expect_place(d, "Almaty", "KZ");
}

/* An urgent action: labels and a country over the headline, a reference
 * line ending "Date: 14 March 2023", a model letter with "Dear Prosecutor
 * General," and "I urge you to:", and the issuer named in the present
 * tense in the opening paragraph. */
static void test_urgent_action(void **state) {
  kgr_doc *d = load(state, "amnesty_ua_tajikistan_2023.txt");
  expect_header(d, KGR_KIND_APPEAL, "LAWYER SENTENCED TO 12 YEARS AFTER UNFAIR TRIAL", "2023-03-14",
                KGR_DATE_SOURCE_STATED, "TJ");
  expect_issuer(d, "Amnesty International", NULL);
  expect_addressee(d, "Prosecutor General");
  assert_int_equal(d->demands.count, 3);
  expect_demand(d, "Release Farrukh Rahmonov immediately", "Prosecutor General");
  expect_demand(d, "Pending his release", "Prosecutor General");
  expect_demand(d, "Ensure that lawyers in Tajikistan", "Prosecutor General");
  expect_no_demand(d, "I am writing to express");
  assert_int_equal(d->signatories.count, 0);

  static const kgr_right rights[] = {KGR_RIGHT_FAIR_TRIAL, KGR_RIGHT_TORTURE};
  expect_rights(d, rights, 2);
  expect_person(d, "Farrukh Rahmonov", "lawyer", NULL);
  expect_person(d, "Yusuf Rahmon", "prosecutor general", NULL);
  expect_org(d, "Dushanbe City Court", "TJ");
  expect_org(d, "State Committee for National Security", "TJ");
  expect_no_org(d, "Amnesty International"); /* the issuer */
  expect_place(d, "Dushanbe", "TJ");
  expect_place(d, "Khorog", "TJ");
  expect_no_place(d, "Date"); /* a label, though a town in Japan bears the name */
}

/* A press release: the headline and its deck in one block, a
 * "(Berlin, August 15, 2020) -" dateline, quotes, and "should"
 * recommendations. */
static void test_press_release(void **state) {
  kgr_doc *d = load(state, "hrw_belarus_2020.txt");
  expect_header(d, KGR_KIND_INCIDENT_REPORT,
                "Belarus: Mass Arrests, Beatings of Peaceful Protesters", "2020-08-15",
                KGR_DATE_SOURCE_STATED, "BY");
  expect_issuer(d, "Human Rights Watch", NULL);
  expect_demand(d, "The authorities should immediately release", NULL);
  expect_demand(d, "The government should release all those detained", "government");
  expect_demand(d, "The Prosecutor General's Office should open", "Prosecutor General");
  expect_demand(d, "Belarus's international partners should press", "international partners");
  expect_no_demand(d, "Detainees Describe Torture"); /* the deck */
  expect_no_demand(d, "threatened them");
  expect_no_demand(d, "explosive device");
  expect_no_demand(d, "human chains");
  assert_int_equal(d->signatories.count, 0);

  static const kgr_right rights[] = {KGR_RIGHT_TORTURE};
  expect_rights(d, rights, 1);
  expect_person(d, "Hugh Williamson", "director", "Human Rights Watch");
  expect_person(d, "Alexander Taraikovsky", "protester", NULL);
  expect_no_person(d, "Okrestina");
  expect_no_person(d, "Tractor");
  expect_org(d, "Interior Ministry", "BY");
  expect_org(d, "Prosecutor General's Office", "BY");
  expect_place(d, "Minsk", "BY");
  expect_place(d, "Gomel", "BY");
}

/* An open letter signed by academics with titles and affiliations. */
static void test_open_letter(void **state) {
  kgr_doc *d = load(state, "hk_academics_open_letter_2020.txt");
  expect_header(d, KGR_KIND_APPEAL,
                "An open letter from academics on the national security law in Hong Kong",
                "2020-06-30", KGR_DATE_SOURCE_STATED, "HK");
  expect_issuer(d, NULL, NULL);
  expect_addressee(d, "Chief Executive of the Hong Kong Special Administrative Region");
  expect_demand(d, "We call on the Government of the Hong Kong", "Government of the Hong Kong");
  expect_no_demand(d, "We fear that");
  expect_no_demand(d, "The law creates");

  assert_int_equal(d->signatories.count, 7);
  expect_signatory(d, "Prof. Ingrid Halvorsen", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "Dr. Samuel Okafor", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "Dr. Kenji Watanabe", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "Prof. Hannah Lindqvist", NULL, "", KGR_COUNTRIES_NONE, 0);

  static const kgr_right rights[] = {KGR_RIGHT_EXPRESSION, KGR_RIGHT_FAIR_TRIAL};
  expect_rights(d, rights, 2);
  expect_instrument(d, "International Covenant on Civil and Political Rights");
  expect_no_person(d, "University");
  expect_no_place(d, "University");
  expect_org(d, "Standing Committee of the National People's Congress", NULL);
}

/* Signatories in a dashed list after "Signatories:", names transliterated
 * from Russian; a quoted speaker with a role of a body. */
static void test_russian_ngos(void **state) {
  kgr_doc *d = load(state, "russia_memorial_2021.txt");
  expect_header(d, KGR_KIND_APPEAL, "Russia: Stop the liquidation of Memorial", "2021-12-29",
                KGR_DATE_SOURCE_STATED, "RU");
  expect_addressee(d, "Russian authorities");
  expect_addressee(d, "Council of Europe");
  expect_demand(d, "The Russian authorities must reverse", "Russian authorities");
  expect_demand(d, "We urge the Council of Europe", "Council of Europe");
  expect_no_demand(d, "a political decision");
  expect_no_demand(d, "Since 2012");

  assert_int_equal(d->signatories.count, 11);
  expect_signatory(d, "Memorial Human Rights Centre", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "OVD-Info", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "Public Verdict Foundation", NULL, "RU", KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Citizens' Watch", NULL, "RU", KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Georgian Young Lawyers' Association", "GYLA", "GE", KGR_COUNTRIES_INFERRED,
                   0);

  expect_person(d, "Oleg Orlov", "member", "Memorial Human Rights Centre");
  expect_org(d, "Supreme Court of Russia", "RU");
  expect_org(d, "Moscow City Court", "RU");
  expect_org(d, "International Memorial", NULL);
  expect_no_org(d, "Supreme Court");                /* the same court, named again */
  expect_no_org(d, "Memorial Human Rights Centre"); /* a signatory */
}

/* A UN experts' release: "GENEVA (26 October 2022) -", the experts as
 * the headline's speaker and in quotes, and the experts listed with their
 * mandates after "The experts:". */
static void test_un_experts(void **state) {
  kgr_doc *d = load(state, "un_experts_iran_2022.txt");
  expect_header(d, KGR_KIND_APPEAL,
                "Iran: UN experts demand accountability for deaths of protesters", "2022-10-26",
                KGR_DATE_SOURCE_STATED, "IR");
  expect_issuer(d, NULL, NULL);
  expect_addressee(d, "Islamic Republic of Iran");
  /* the dateline is no part of the call */
  expect_demand(d, "UN human rights experts today called on the Islamic Republic of Iran", "Iran");
  expect_demand(d, "\"The authorities must conduct prompt", NULL);
  expect_demand(d, "\"Iran must respect", "Iran");
  expect_no_demand(d, "died on 16 September");
  expect_no_demand(d, "Internet shutdowns");

  assert_int_equal(d->signatories.count, 4);
  expect_signatory(d, "Mr. Javaid Rehman", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "Ms. Irene Khan", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "Mr. Morris Tidball-Binz", NULL, "", KGR_COUNTRIES_NONE, 0);

  static const kgr_right rights[] = {KGR_RIGHT_LIFE, KGR_RIGHT_ASSEMBLY, KGR_RIGHT_EXPRESSION};
  expect_rights(d, rights, 3);
  expect_person(d, "Mahsa Amini", NULL, NULL); /* the full name, not "Amini" */
  expect_person(d, "Niloofar Hamedi", "journalist", NULL);
  expect_person(d, "Elaheh Mohammadi", "journalist", NULL);
  expect_place(d, "Tehran", "IR");
  expect_place(d, "Saqqez", "IR");
}

/* "Joint statement by A, B (ACR) and the C": the three are the
 * signatories; lettered and dashed recommendations under "To X:" lines. */
static void test_joint_byline(void **state) {
  kgr_doc *d = load(state, "uzbekistan_karakalpakstan_2022.txt");
  expect_header(d, KGR_KIND_APPEAL,
                "Uzbekistan: Ensure accountability for the violent dispersal of protests in "
                "Karakalpakstan",
                "2022-07-08", KGR_DATE_SOURCE_STATED, "UZ");
  expect_issuer(d, NULL, NULL); /* three publishers, no one issuer */
  assert_int_equal(d->signatories.count, 3);
  expect_signatory(d, "Freedom Now", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "International Partnership for Human Rights", "IPHR", "", KGR_COUNTRIES_NONE,
                   0);
  expect_signatory(d, "Norwegian Helsinki Committee", NULL, "NO", KGR_COUNTRIES_INFERRED, 0);

  expect_addressee(d, "authorities of Uzbekistan");
  expect_addressee(d, "international community");
  assert_int_equal(d->demands.count, 6);
  expect_demand(d, "Set up an independent and impartial investigation", "Uzbekistan");
  expect_demand(d, "Release Dauletmurat Tazhimuratov", "Uzbekistan");
  expect_demand(d, "Call on the government of Uzbekistan", "international community");
  expect_demand(d, "Raise the events in Karakalpakstan", "international community");
  expect_no_demand(d, "thousands of people took to the streets");

  expect_person(d, "Shavkat Mirziyoyev", "president", NULL);
  expect_person(d, "Dauletmurat Tazhimuratov", "lawyer", NULL);
  expect_org(d, "Prosecutor General's Office", "UZ");
  expect_org(d, "UN Human Rights Council", NULL);
  expect_no_org(d, "International Partnership for Human Rights"); /* a signatory */
  expect_place(d, "Nukus", "UZ");
  expect_place(d, "Karakalpakstan", "UZ");
}

/* A statement closing with a place and date line and its signatories one
 * per line, without a heading. */
static void test_trailing_list(void **state) {
  kgr_doc *d = load(state, "georgia_foreign_agents_2024.txt");
  expect_header(d, KGR_KIND_APPEAL,
                "GEORGIA: PARLIAMENT MUST REJECT THE \"FOREIGN INFLUENCE\" BILL", "2024-05-15",
                KGR_DATE_SOURCE_STATED, "GE");
  expect_addressee(d, "Parliament of Georgia");
  expect_addressee(d, "President of Georgia");
  expect_demand(d, "We call on the Parliament of Georgia", "Parliament of Georgia");
  expect_demand(d, "The authorities must investigate", NULL);
  expect_demand(d, "We also call on the European Union", "European Union");
  expect_no_demand(d, "The bill would require");
  expect_no_demand(d, "Since mid-April");

  assert_int_equal(d->signatories.count, 9);
  expect_signatory(d, "Georgian Young Lawyers' Association", "GYLA", "GE", KGR_COUNTRIES_INFERRED,
                   0);
  expect_signatory(d, "Transparency International Georgia", NULL, "GE", KGR_COUNTRIES_INFERRED, 0);
  expect_signatory(d, "Human Rights Center", NULL, "GE", KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "International Society for Fair Elections and Democracy", "ISFED", "",
                   KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "Article 19", NULL, "", KGR_COUNTRIES_NONE, 0);

  expect_instrument(d, "European Convention on Human Rights");
  expect_person(d, "Levan Khabeishvili", "opposition leader", NULL);
  expect_place(d, "Tbilisi", "GE");
  expect_place(d, "Rustaveli Avenue", "GE");
}

/* Signatories under "Organisations:" and "Individuals:" sub-headings,
 * written "Name, Country" and "Name, role, City"; outlets listed after
 * "Journalists from". */
static void test_sub_headed_list(void **state) {
  kgr_doc *d = load(state, "kyrgyzstan_false_information_2021.txt");
  expect_header(d, KGR_KIND_APPEAL, "Kyrgyzstan: Withdraw the draft law on \"false information\"",
                "2021-06-15", KGR_DATE_SOURCE_STATED, "KG");
  expect_addressee(d, "Jogorku Kenesh");
  expect_addressee(d, "President Sadyr Japarov"); /* "and on President X not to sign it" */
  expect_addressee(d, "OSCE Representative on Freedom of the Media");
  expect_demand(d, "We, the undersigned organisations and individuals, urge the Jogorku Kenesh",
                "Jogorku Kenesh");
  expect_demand(d, "We call on the members of parliament", "members of parliament");
  expect_demand(d, "We also ask the OSCE Representative", "OSCE Representative");
  expect_no_demand(d, "would allow the Ministry");
  expect_no_demand(d, "warned that");

  assert_int_equal(d->signatories.count, 10);
  expect_signatory(d, "Adilet Legal Clinic", NULL, "KG", KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "ARTICLE 19 Europe", NULL, "GB", KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Public Foundation \"Civil Initiative on Internet Policy\"", NULL, "KG",
                   KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Nurbek Toktakunov", NULL, "KG", KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Aida Kasymalieva", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "Dinara Oshurakhunova", NULL, "", KGR_COUNTRIES_NONE, 0);

  expect_person(d, "Akmat Alagushev", "lawyer", "Media Policy Institute");
  expect_person(d, "Sadyr Japarov", "president", NULL);
  expect_org(d, "Kloop", NULL);
  expect_org(d, "Azattyk", NULL);
  expect_org(d, "Kaktus.media", NULL);
  expect_no_org(d, "Media");                  /* "Media lawyer X" opens a sentence */
  expect_no_org(d, "Media Policy Institute"); /* a signatory */
}

/* A hard-wrapped public statement: the publisher's name over the label,
 * a reference line, a "Date:" line, a two-line headline in capitals,
 * bulleted calls. */
static void test_wrapped_public_statement(void **state) {
  kgr_doc *d = load(state, "azerbaijan_public_statement_2021.txt");
  expect_header(d, KGR_KIND_INCIDENT_REPORT,
                "AZERBAIJAN: RELEASE PEACEFUL PROTESTERS DETAINED AFTER OPPOSITION RALLY IN BAKU",
                "2021-09-02", KGR_DATE_SOURCE_STATED, "AZ");
  expect_issuer(d, "Amnesty International", NULL);
  expect_addressee(d, "Azerbaijani authorities");
  assert_int_equal(d->demands.count, 3);
  expect_demand(d, "immediately and unconditionally release all those detained", "Azerbaijani");
  expect_demand(d, "conduct a prompt, thorough and impartial investigation", "Azerbaijani");
  expect_demand(d, "respect the right to freedom of peaceful assembly", "Azerbaijani");
  expect_no_demand(d, "Witnesses told");
  expect_no_demand(d, "In recent years");
  static const kgr_right rights[] = {KGR_RIGHT_ASSEMBLY};
  expect_rights(d, rights, 1);
  expect_instrument(d, "International Covenant on Civil and Political Rights");
  expect_person(d, "Tofig Yagublu", "member", NULL);
  expect_org(d, "Popular Front Party of Azerbaijan", "AZ");
  expect_place(d, "Baku", "AZ");
}

/* "LONDON, 5 May 2021 -" and a director quoted with her organisation in
 * the possessive. */
static void test_possessive_affiliation(void **state) {
  kgr_doc *d = load(state, "turkmenistan_press_release_2021.txt");
  assert_string_equal(show(d->title),
                      "Turkmenistan: Relatives of exiled bloggers harassed and threatened");
  assert_string_equal(show(d->date), "2021-05-05");
  assert_int_equal(d->date_source, KGR_DATE_SOURCE_STATED);
  assert_string_equal(show(d->country), "TM");
  expect_issuer(d, "Amnesty International", NULL);
  expect_demand(d, "The authorities in Turkmenistan must stop harassing", "Turkmenistan");
  expect_demand(d, "\"The Turkmen authorities must immediately end", "Turkmen authorities");
  expect_no_demand(d, "is one of the most closed");
  expect_person(d, "Marie Struthers", "director", "Amnesty International");
  expect_person(d, "Farhad Durdyev", "blogger", NULL);
  expect_no_person(d, "Asia"); /* "Director for Eastern Europe and Central Asia" */
  expect_no_org(d, "Eastern Europe and Central Asia");
  expect_org(d, "Ministry of National Security", "TM");
  expect_place(d, "Mary", "TM");
}

/* "Minsk, 15.08.2020" over the headline, "We demand that X ...", and the
 * signatories in one paragraph after "Signed:". */
static void test_demand_that(void **state) {
  kgr_doc *d = load(state, "belarus_torture_statement_2020.txt");
  expect_header(d, KGR_KIND_APPEAL,
                "Statement of the Belarusian human rights community on the use of torture "
                "against detained protesters",
                "2020-08-15", KGR_DATE_SOURCE_STATED, "BY");
  expect_addressee(d, "Investigative Committee");
  expect_addressee(d, "United Nations");
  expect_demand(d, "We demand that the Investigative Committee open", "Investigative Committee");
  expect_demand(d, "We appeal to the United Nations and the OSCE", "United Nations");
  expect_no_demand(d, "have documented hundreds");
  assert_int_equal(d->signatories.count, 8);
  expect_signatory(d, "Human Rights Centre Viasna", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "Belarusian Association of Journalists", NULL, "BY", KGR_COUNTRIES_INFERRED,
                   0);
  /* a one-word short name in parentheses */
  expect_signatory(d, "Center for Legal Transformation", "Lawtrend", "", KGR_COUNTRIES_NONE, 0);
  expect_signatory(d, "Belarusian PEN Centre", NULL, "BY", KGR_COUNTRIES_INFERRED, 0);
  static const kgr_right rights[] = {KGR_RIGHT_TORTURE};
  expect_rights(d, rights, 1);
  expect_org(d, "Investigative Committee", "BY");
  expect_org(d, "Ministry of Health", "BY");
  expect_place(d, "Zhodino", "BY");
  expect_place(d, "Mogilev", "BY");
}

/* An open letter to a president: "Dear President X,", "We respectfully
 * ask you to:" and (a)-(c) items; signed by persons with their positions
 * and organisations. */
static void test_letter_to_president(void **state) {
  kgr_doc *d = load(state, "kazakhstan_open_letter_2022.txt");
  expect_header(d, KGR_KIND_APPEAL, "Open letter to President Kassym-Jomart Tokayev", "2022-03-01",
                KGR_DATE_SOURCE_STATED, "KZ");
  expect_addressee(d, "President Tokayev");
  for (size_t i = 0; i < d->addressees.count; i++)
    if (has_text(d->addressees.items[i].text, "on behalf of"))
      fail_msg("addressee runs on: '%s'", show(d->addressees.items[i].text));
  expect_demand(d, "invite the UN Special Rapporteur on torture", "President Tokayev");
  expect_demand(d, "ensure that lawyers have unhindered access", "President Tokayev");
  expect_demand(d, "release all those detained", "President Tokayev");
  expect_no_demand(d, "More than 200 people");
  assert_int_equal(d->signatories.count, 4);
  expect_signatory(d, "Yevgeniy Zhovtis", NULL, "KZ", KGR_COUNTRIES_STATED, 1);
  expect_signatory(d, "Brian Ngeno", NULL, "US", KGR_COUNTRIES_STATED, 2);
  expect_signatory(d, "Tolekan Ismailova", NULL, "KG", KGR_COUNTRIES_STATED, 4);
  expect_person(d, "Kassym-Jomart Tokayev", "president", NULL);
  expect_place(d, "Taldykorgan", "KZ");
}

/* "JOINT PUBLIC STATEMENT", a "Recommendations" heading over a call with
 * "▪" bullets, names after "including", and a contact line after the
 * signatories. */
static void test_recommendations_section(void **state) {
  kgr_doc *d = load(state, "tajikistan_gbao_2022.txt");
  expect_header(d, KGR_KIND_APPEAL, "Tajikistan: End the crackdown in Gorno-Badakhshan",
                "2022-05-18", KGR_DATE_SOURCE_STATED, "TJ");
  expect_addressee(d, "government of Tajikistan");
  assert_int_equal(d->demands.count, 4);
  expect_demand(d, "Immediately stop the use of lethal force", "government of Tajikistan");
  expect_demand(d, "Restore access to the internet", "government of Tajikistan");
  expect_demand(d, "We also urge the European Union", "European Union");
  expect_no_demand(d, "Internet access in the region has been cut");
  assert_int_equal(d->signatories.count, 6);
  expect_signatory(d, "Norwegian Helsinki Committee", "NHC", "NO", KGR_COUNTRIES_INFERRED, 0);
  expect_signatory(d, "Nota Bene", NULL, "TJ", KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Human Rights Watch", NULL, "", KGR_COUNTRIES_NONE, 0);
  expect_person(d, "Ulfatkhonim Mamadshoeva", NULL, NULL);
  expect_person(d, "Manuchehr Kholiqnazarov", NULL, NULL);
  expect_person(d, "Anna Petrova", "programme officer", "IPHR");
  expect_no_org(d, "IPHR Programme");
  expect_place(d, "Khorog", "TJ");
  expect_place(d, "Dushanbe", "TJ");
}

/* A date line over the headline, a deck in a block of its own, a
 * "(New York) -" dateline without a date. */
static void test_press_release_deck_block(void **state) {
  kgr_doc *d = load(state, "hong_kong_press_release_2021.txt");
  expect_header(d, KGR_KIND_INCIDENT_REPORT,
                "Hong Kong: One Year of Repression Under National Security Law", "2021-06-30",
                KGR_DATE_SOURCE_STATED, "HK");
  expect_issuer(d, "Human Rights Watch", NULL);
  expect_demand(d, "The Hong Kong government should repeal", "Hong Kong government");
  expect_demand(d, "Governments concerned about Hong Kong should impose", NULL);
  expect_no_demand(d, "Government Should Repeal Law"); /* the deck */
  expect_person(d, "Jimmy Lai", "founder", "Apple Daily");
  expect_person(d, "Joshua Wong", "activist", NULL);
  expect_person(d, "Sophie Richardson", "director", "Human Rights Watch");
  expect_org(d, "Apple Daily", NULL);
  expect_no_org(d, "Daily");
}

/* A report dense with titles, outlets and bodies: hard negatives for the
 * person recognizer, and a list of titled names. */
static void test_titles_and_outlets(void **state) {
  kgr_doc *d = load(state, "kyrgyzstan_media_report_2022.txt");
  assert_string_equal(show(d->country), "KG");
  assert_int_equal(d->demands.count, 0);
  assert_int_equal(d->signatories.count, 0);
  expect_person(d, "Kamchybek Tashiev", "head", "GKNB");
  expect_person(d, "Ulugbek Babakulov", "correspondent", "Radio Azattyk");
  expect_person(d, "Aibek Asanov", "judge", "Bishkek City Court");
  expect_person(d, "Eduard Auer", "ambassador", "European Union");
  expect_person(d, "Bolot Temirov", "editor", "Temirov Live");
  expect_person(d, "Erbol Sultanbaev", "spokesperson", NULL);
  expect_person(d, "Akylbek Japarov", "prime minister", NULL);
  /* "Justice Minister A B, Prime Minister C D and ...": one role each */
  const kgr_person *p = NULL;
  for (size_t i = 0; i < d->persons.count; i++)
    if (str_is(d->persons.items[i].name, "Ayaz Baetov"))
      p = &d->persons.items[i];
  assert_non_null(p);
  assert_int_equal(p->role_count, 1);
  assert_string_equal(show(p->roles[0]), "justice minister");
  expect_no_person(d, "Freedom House");
  expect_no_person(d, "Committee");
  expect_no_person(d, "Kloop");
  expect_no_person(d, "Ala-Too");
  expect_org(d, "State Committee for National Security", "KG");
  expect_org(d, "Committee to Protect Journalists", NULL);
  expect_org(d, "Kloop Media", NULL);
  expect_place(d, "Ala-Too Square", "KG");
  expect_place(d, "Karakol", "KG");
  expect_place(d, "Jalal-Abad", "KG");
}

/* An urgent appeal in the layout of a defenders' network: a reference
 * block, "Actions requested:", items numbered i., ii., iii., an
 * "Addresses:" list that names no signatories. */
static void test_roman_items(void **state) {
  kgr_doc *d = load(state, "kyrgyzstan_observatory_appeal_2021.txt");
  expect_header(d, KGR_KIND_APPEAL,
                "KYRGYZSTAN: Judicial harassment of human rights defender Aziza Abdirasulova",
                "2021-03-15", KGR_DATE_SOURCE_STATED, "KG");
  expect_issuer(d, "Observatory for the Protection of Human Rights Defenders", NULL);
  expect_addressee(d, "authorities of Kyrgyzstan");
  expect_demand(d, "Guarantee in all circumstances", "authorities of Kyrgyzstan");
  expect_demand(d, "Put an end to all acts of harassment", "authorities of Kyrgyzstan");
  expect_demand(d, "Comply with the UN Declaration", "authorities of Kyrgyzstan");
  expect_no_demand(d, "has been informed");
  expect_no_demand(d, "strongly condemns");
  assert_int_equal(d->signatories.count, 0);
  expect_instrument(d, "UN Declaration on Human Rights Defenders");
  expect_person(d, "Aziza Abdirasulova", "human rights defender", "Kylym Shamy");
  expect_person(d, "Sadyr Japarov", "president", NULL);
  expect_person(d, "Kurbanbek Iskandarov", "prosecutor general", NULL);
  expect_org(d, "World Organisation Against Torture", NULL);
  expect_org(d, "Kylym Shamy", NULL);
  expect_org(d, "Pervomaisky District Court of Bishkek", "KG");
  expect_no_org(d, "Organisation Against Torture");
}

/* ---- tests/corpus/mixed: other layouts and countries ------------------------- */

/* An urgent action: the reference line's date, a model letter addressed
 * in an address block, "BACKGROUND INFORMATION", "PREFERRED LANGUAGE TO
 * ADDRESS TARGET" and "NAME AND PRONOUN" blocks. */
static void test_mixed_urgent_action(void **state) {
  kgr_doc *d = load_from(state, "mixed", "amnesty_ua_nicaragua_2023.txt");
  expect_header(d, KGR_KIND_APPEAL, "STUDENT HELD INCOMMUNICADO SINCE ARREST", "2023-04-18",
                KGR_DATE_SOURCE_STATED, "NI");
  expect_person(d, "Ernesto Salgado Rivas", "student", NULL);
  expect_person(d, "Rosa Elena Matamoros", "prosecutor general", NULL);
  expect_person(d, "Marisol Rivas", NULL, NULL); /* "Ernesto's mother, X," */
  expect_no_person(d, "Ministerio");
  expect_no_person(d, "Spanish");
  expect_org(d, "Inter-American Commission on Human Rights", NULL);
  expect_place(d, "Masaya", "NI");
  expect_place(d, "Managua", "NI");
  expect_no_place(d, "Nicaragua");
  expect_no_place(d, "United States");
  assert_int_equal(d->places.count, 2);
}

/* A weekly digest: the publisher on its own line, detentions per city,
 * kin and volunteers named. */
static void test_mixed_weekly_digest(void **state) {
  kgr_doc *d = load_from(state, "mixed", "viasna_weekly_belarus_2021.txt");
  expect_header(d, KGR_KIND_INCIDENT_REPORT,
                "Human rights situation in Belarus: weekly digest, 8-14 March 2021", "2021-03-15",
                KGR_DATE_SOURCE_STATED, "BY");
  expect_issuer(d, "Viasna Human Rights Centre", NULL);
  expect_person(d, "Halina Dzemidovich", "pensioner", NULL);
  expect_person(d, "Alena Kavalchuk", "journalist", NULL);
  expect_person(d, "Ihar Ruban", "journalist", NULL);
  expect_person(d, "Volha Ruban", NULL, NULL);
  expect_person(d, "Hanna Zhuk", "volunteer", "Viasna");
  assert_int_equal(d->persons.count, 5);
  expect_org(d, "Frunzenski District Court of Minsk", "BY");
  expect_no_org(d, "Viasna"); /* the issuer */
  static const char *const cities[] = {"Minsk",   "Hrodna",  "Brest",   "Gomel",
                                       "Mogilev", "Vitebsk", "Babruysk"};
  for (size_t i = 0; i < sizeof cities / sizeof *cities; i++)
    expect_place(d, cities[i], "BY");
  assert_int_equal(d->places.count, 7);
}

/* A UN special procedures communication: a letterhead of mandates, a
 * reference, no country named (the cities say it), signatures "Name" over
 * "Title". */
static void test_mixed_un_communication(void **state) {
  kgr_doc *d = load_from(state, "mixed", "un_sr_communication_thailand_2021.txt");
  assert_null(d->title.ptr);
  assert_string_equal(show(d->date), "2021-11-12");
  assert_int_equal(d->date_source, KGR_DATE_SOURCE_STATED);
  assert_string_equal(show(d->country), "TH");
  expect_person(d, "Kittipong Saelim", "activist", NULL);
  expect_person(d, "Pornpimol Srisuk", "lawyer", NULL);
  expect_person(d, "Amara Okonjo", "special rapporteur", NULL);
  expect_person(d, "Teodor Lindqvist", "special rapporteur", NULL);
  expect_person(d, "Mariam Haddad", "special rapporteur", NULL);
  assert_int_equal(d->persons.count, 5);
  expect_no_person(d, "Saelim Chiang"); /* "Mr. Saelim at his home in Chiang Mai" */
  expect_place(d, "Chiang Mai", "TH");
  expect_place(d, "Bangkok", "TH");
  expect_place(d, "Victory Monument", "TH");
}

/* A joint letter to the OSCE chair: "To:" and "Copy:" fields, a dated
 * place line, signatories "Name (Country)" one a line, then individuals
 * "Name, Title, Organisation". */
static void test_mixed_osce_letter(void **state) {
  kgr_doc *d = load_from(state, "mixed", "joint_letter_osce_tajikistan_2022.txt");
  expect_header(d, KGR_KIND_APPEAL,
                "Joint letter to the OSCE Chairperson-in-Office on the crackdown in "
                "Gorno-Badakhshan",
                "2022-06-02", KGR_DATE_SOURCE_STATED, "TJ");
  expect_issuer(d, NULL, NULL);
  expect_signatory(d, "International Partnership for Human Rights", NULL, "BE",
                   KGR_COUNTRIES_STATED, 0);
  expect_signatory(d, "Legal Initiative Centre", NULL, "TJ,DE", KGR_COUNTRIES_STATED, 0);
  expect_person(d, "Tomasz Wisniewski", "minister", NULL); /* a portfolio, not a body */
  expect_person(d, "Farrukh Nazarov", "lawyer", NULL);
  expect_person(d, "Shahlo Rahmonova", "journalist", NULL);
  expect_no_org(d, "Foreign Affairs of Poland");
  expect_org(d, "Pamir Daily", NULL);
  expect_place(d, "Gorno-Badakhshan", "TJ");
  expect_place(d, "Khorog", "TJ");
  expect_place(d, "Brussels", "BE");
  expect_no_place(d, "Gorno-Badakhshan Autonomous Region"); /* the same region */
  expect_no_place(d, "Poland");
}

/* A foundation's statement with "[1]" footnotes: "Statement, <date>",
 * an outlet before a role, a quote's speaker with a role after. */
static void test_mixed_foundation_statement(void **state) {
  kgr_doc *d = load_from(state, "mixed", "hrhf_azerbaijan_2023.txt");
  expect_header(d, KGR_KIND_INCIDENT_REPORT, "Azerbaijan: Release the journalists of Abzas Media",
                "2023-12-14", KGR_DATE_SOURCE_STATED, "AZ");
  expect_issuer(d, "Human Rights House Foundation", "HRHF");
  expect_person(d, "Elvin Mammadli", "director", "Abzas Media");
  expect_person(d, "Sevinj Abbasova", "editor", NULL);
  expect_person(d, "Nargiz Aliyeva", "reporter", NULL);
  expect_person(d, "Hafiz Babayev", "reporter", NULL);
  expect_person(d, "Ilkin Rustamzade", "lawyer", NULL);
  assert_int_equal(d->persons.count, 5);
  expect_org(d, "Abzas Media", NULL);
  expect_no_org(d, "Human Rights House Foundation");
  expect_place(d, "Baku", "AZ");
  expect_place(d, "Ganja", "AZ");
  expect_place(d, "Sumgait", "AZ");
  assert_int_equal(d->places.count, 3);
  assert_int_equal(d->footnotes.count, 3);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_mixed_urgent_action),
      KGR_TEST(test_mixed_weekly_digest),
      KGR_TEST(test_mixed_un_communication),
      KGR_TEST(test_mixed_osce_letter),
      KGR_TEST(test_mixed_foundation_statement),
      KGR_TEST(test_inval),
      KGR_TEST(test_belarus_joint_statement),
      KGR_TEST(test_ep_letter),
      KGR_TEST(test_csp_appeal),
      KGR_TEST(test_urgent_action),
      KGR_TEST(test_press_release),
      KGR_TEST(test_open_letter),
      KGR_TEST(test_russian_ngos),
      KGR_TEST(test_un_experts),
      KGR_TEST(test_joint_byline),
      KGR_TEST(test_trailing_list),
      KGR_TEST(test_sub_headed_list),
      KGR_TEST(test_wrapped_public_statement),
      KGR_TEST(test_possessive_affiliation),
      KGR_TEST(test_demand_that),
      KGR_TEST(test_letter_to_president),
      KGR_TEST(test_recommendations_section),
      KGR_TEST(test_press_release_deck_block),
      KGR_TEST(test_titles_and_outlets),
      KGR_TEST(test_roman_items),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
