/*
 * test_corroborate.c - cross-source corroboration (kgr_corroborate.h):
 * grouping by type family, overlapping dates and a shared place, victim or
 * country; figures reconciled as claims (over/exact agree, exact/exact
 * conflict, inclusive bounds, estimates); the negatives (other dates,
 * other types, other places, undated events); the JSON; bad arguments and
 * out of memory. Documents are built by hand (formats_fixture.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "formats_fixture.h"
#include "kgrights/kgr_corroborate.h"

typedef struct fixture {
  kgr_doc *docs[4];
  size_t n;
} fixture;

/*
 * a.txt: 0 force against protesters, 5 October, Bishkek: over 600 injured,
 *          two killed;
 *        1 attack on a journalist, 4 October, no place, Aibol Kozhomuratov;
 *        2 annulment, 6 October (nation-wide: no place);
 *        3 protest, 9 October, Osh;
 *        4 statement, undated.
 * b.txt: 0 clash, 5 October, Bishkek: 686 injured, one killed;
 *        1 attack on a journalist, 4 October, Osh, "aibol  KOZHOMURATOV";
 *        2 annulment, 6 October;
 *        3 protest, 10 October, Osh (the day after a.txt's);
 *        4 attack on a journalist, 5 October, Bishkek (another family);
 *        5 statement, undated.
 * c.txt (about Kazakhstan): 0 annulment, 6 October.
 */
static int fixture_setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  assert_non_null(f);
  kgr_doc *a = fx_doc("a.txt", "KG");
  size_t e = fx_event(a, KGR_EVENT_FORCE_AGAINST_PROTESTERS, "2020-10-05", NULL, 0, "A0");
  fx_place(a, e, "Bishkek", "KG", "Bishkek", true, 42.87, 74.59);
  fx_figure(a, e, KGR_FIG_INJURED, 600, KGR_QUAL_OVER, "over 600 people");
  fx_figure(a, e, KGR_FIG_KILLED, 2, KGR_QUAL_EXACT, "two people");
  e = fx_event(a, KGR_EVENT_ATTACK_ON_JOURNALIST, "2020-10-04", NULL, 0, "A1");
  fx_victim(a, e, "Aibol Kozhomuratov");
  fx_event(a, KGR_EVENT_ANNULMENT, "2020-10-06", NULL, 0, "A2");
  e = fx_event(a, KGR_EVENT_PROTEST, "2020-10-09", NULL, 0, "A3");
  fx_place(a, e, "Osh", "KG", "Osh", true, 40.52828, 72.7985);
  fx_event(a, KGR_EVENT_STATEMENT, NULL, NULL, 0, "A4");

  kgr_doc *b = fx_doc("b.txt", "KG");
  e = fx_event(b, KGR_EVENT_CLASH, "2020-10-05", NULL, 0, "B0");
  fx_place(b, e, "Bishkek", "KG", "Bishkek", true, 42.87, 74.59);
  fx_figure(b, e, KGR_FIG_INJURED, 686, KGR_QUAL_EXACT, "686 people");
  fx_figure(b, e, KGR_FIG_KILLED, 1, KGR_QUAL_EXACT, "one protester");
  e = fx_event(b, KGR_EVENT_ATTACK_ON_JOURNALIST, "2020-10-04", NULL, 0, "B1");
  fx_place(b, e, "Osh", "KG", "Osh", true, 40.52828, 72.7985);
  fx_victim(b, e, "aibol  KOZHOMURATOV");
  fx_event(b, KGR_EVENT_ANNULMENT, "2020-10-06", NULL, 0, "B2");
  e = fx_event(b, KGR_EVENT_PROTEST, "2020-10-10", NULL, 0, "B3");
  fx_place(b, e, "Osh", "KG", "Osh", true, 40.52828, 72.7985);
  e = fx_event(b, KGR_EVENT_ATTACK_ON_JOURNALIST, "2020-10-05", NULL, 0, "B4");
  fx_place(b, e, "Bishkek", "KG", "Bishkek", true, 42.87, 74.59);
  fx_event(b, KGR_EVENT_STATEMENT, NULL, NULL, 0, "B5");

  kgr_doc *c = fx_doc("c.txt", "KZ");
  fx_event(c, KGR_EVENT_ANNULMENT, "2020-10-06", NULL, 0, "C0");

  f->docs[0] = a;
  f->docs[1] = b;
  f->docs[2] = c;
  f->n = 3;
  *state = f;
  return 0;
}

static int fixture_teardown(void **state) {
  fixture *f = *state;
  for (size_t i = 0; i < f->n; i++)
    kgr_doc_free(f->docs[i]);
  free(f);
  return 0;
}

#define KGR_TEST(f) cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)

static kgr_corroboration *run(fixture *f, uint32_t flags) {
  kgr_error err;
  kgr_corroboration *c =
      kgr_corroborate((const kgr_doc *const *)f->docs, f->n, flags, NULL, &err);
  assert_non_null(c);
  assert_int_equal(err.code, KGR_OK);
  return c;
}

static const kgr_corr_figure *figure(const kgr_corr_group *g, kgr_figure_kind k) {
  for (size_t i = 0; i < g->figure_count; i++)
    if (g->figures[i].kind == k)
      return &g->figures[i];
  return NULL;
}

/* The group holding event `event` of document `doc`, or NULL. */
static const kgr_corr_group *group_of(const kgr_corroboration *c, size_t doc, size_t event) {
  for (size_t i = 0; i < kgr_corroboration_group_count(c); i++) {
    const kgr_corr_group *g = kgr_corroboration_group(c, i);
    for (size_t m = 0; m < g->member_count; m++)
      if (g->members[m].doc == doc && g->members[m].event == event)
        return g;
  }
  return NULL;
}

/* ---- grouping -------------------------------------------------------------------- */

static void test_groups(void **state) {
  kgr_corroboration *c = run(*state, KGR_CORROBORATE_DEFAULT);
  /* Three happenings both documents report, in date order: the attack on
   * the journalist (4 Oct), the force used in Bishkek (5 Oct), the
   * annulment (6 Oct). */
  assert_int_equal(kgr_corroboration_group_count(c), 3);
  const kgr_corr_group *g = kgr_corroboration_group(c, 0);
  assert_string_equal(g->date_start.ptr, "2020-10-04");
  assert_int_equal(g->member_count, 2);
  assert_int_equal(g->types[0], KGR_EVENT_ATTACK_ON_JOURNALIST);

  g = kgr_corroboration_group(c, 1);
  assert_string_equal(g->date_start.ptr, "2020-10-05");
  assert_string_equal(g->date_end.ptr, "2020-10-05");
  assert_int_equal(g->document_count, 2);
  assert_int_equal(g->member_count, 2);
  assert_int_equal(g->members[0].doc, 0);
  assert_int_equal(g->members[0].event, 0);
  assert_string_equal(g->members[0].doc_name.ptr, "a.txt");
  assert_string_equal(g->members[0].text.ptr, "A0");
  assert_int_equal(g->members[1].doc, 1);
  assert_int_equal(g->members[1].event, 0);
  assert_string_equal(g->members[1].doc_name.ptr, "b.txt");
  /* force_against_protesters and clash: one family. */
  assert_int_equal(g->type_count, 2);
  assert_int_equal(g->types[0], KGR_EVENT_FORCE_AGAINST_PROTESTERS);
  assert_int_equal(g->types[1], KGR_EVENT_CLASH);
  assert_int_equal(g->place_count, 1);
  assert_string_equal(g->places[0].ptr, "Bishkek");

  /* The annulment names no place: the shared country links it, and the
   * Kazakh document's annulment stays out. */
  g = kgr_corroboration_group(c, 2);
  assert_int_equal(g->types[0], KGR_EVENT_ANNULMENT);
  assert_int_equal(g->member_count, 2);
  assert_null(group_of(c, 2, 0));

  assert_null(kgr_corroboration_group(c, 3));
  kgr_corroboration_free(c);
}

static void test_negatives(void **state) {
  kgr_corroboration *c = run(*state, KGR_CORROBORATE_DEFAULT);
  /* Protests in Osh on 9 and 10 October: different days, no group. */
  assert_null(group_of(c, 0, 3));
  assert_null(group_of(c, 1, 3));
  /* An attack on a journalist in Bishkek on 5 October is not the force
   * used against protesters there that day. */
  assert_null(group_of(c, 1, 4));
  /* Undated statements never group. */
  assert_null(group_of(c, 0, 4));
  assert_null(group_of(c, 1, 5));
  kgr_corroboration_free(c);
}

/* The same victim, written differently, links events without a shared place. */
static void test_victim(void **state) {
  kgr_corroboration *c = run(*state, KGR_CORROBORATE_DEFAULT);
  const kgr_corr_group *g = group_of(c, 0, 1);
  assert_non_null(g);
  assert_ptr_equal(g, group_of(c, 1, 1));
  assert_int_equal(g->place_count, 1);
  assert_string_equal(g->places[0].ptr, "Osh");
  kgr_corroboration_free(c);
}

/* With KGR_CORROBORATE_SINGLE every event is in a group: a timeline. */
static void test_single(void **state) {
  fixture *f = *state;
  kgr_corroboration *c = run(f, KGR_CORROBORATE_SINGLE);
  size_t members = 0;
  for (size_t i = 0; i < kgr_corroboration_group_count(c); i++)
    members += kgr_corroboration_group(c, i)->member_count;
  assert_int_equal(members, 5 + 6 + 1);
  /* 3 shared, then a's Osh protest and statement, b's Osh protest,
   * attack in Bishkek and statement, c's annulment. */
  assert_int_equal(kgr_corroboration_group_count(c), 3 + 2 + 3 + 1);
  const kgr_corr_group *g = group_of(c, 0, 3);
  assert_non_null(g);
  assert_int_equal(g->document_count, 1);
  /* Undated groups come last. */
  const kgr_corr_group *last =
      kgr_corroboration_group(c, kgr_corroboration_group_count(c) - 1);
  assert_null(last->date_start.ptr);
  kgr_corroboration_free(c);
}

/* ---- figures --------------------------------------------------------------------- */

static void test_figures(void **state) {
  kgr_corroboration *c = run(*state, KGR_CORROBORATE_DEFAULT);
  const kgr_corr_group *g = group_of(c, 0, 0);
  assert_non_null(g);
  assert_int_equal(g->figure_count, 2);
  /* By kind, in kgr_figure_kind order: killed, then injured. */
  assert_int_equal(g->figures[0].kind, KGR_FIG_KILLED);
  assert_int_equal(g->figures[1].kind, KGR_FIG_INJURED);

  /* "over 600" ([601, inf)) and "686": they agree, on 686. */
  const kgr_corr_figure *inj = figure(g, KGR_FIG_INJURED);
  assert_int_equal(inj->agreement, KGR_AGREEMENT_AGREE);
  assert_int_equal(inj->document_count, 2);
  assert_int_equal(inj->claim_count, 2);
  assert_int_equal(inj->low, 686);
  assert_int_equal(inj->high, 686);
  assert_int_equal(inj->claims[0].low, 601);
  assert_int_equal(inj->claims[0].high, KGR_CORR_UNBOUNDED);
  assert_int_equal(inj->claims[0].qualifier, KGR_QUAL_OVER);
  assert_string_equal(inj->claims[0].text.ptr, "over 600 people");
  assert_string_equal(inj->claims[0].doc_name.ptr, "a.txt");
  assert_string_equal(inj->claims[1].doc_name.ptr, "b.txt");
  assert_int_equal(inj->claims[1].event, 0);
  assert_int_equal(inj->claims[1].figure, 0);

  /* "two" and "one", both exact: a conflict, both sources named. */
  const kgr_corr_figure *k = figure(g, KGR_FIG_KILLED);
  assert_int_equal(k->agreement, KGR_AGREEMENT_CONFLICT);
  assert_int_equal(k->low, 1);
  assert_int_equal(k->high, 2);
  const kgr_corr_claim *lo = &k->claims[k->conflict_a], *hi = &k->claims[k->conflict_b];
  assert_string_equal(lo->doc_name.ptr, "b.txt");
  assert_int_equal(lo->value, 1);
  assert_string_equal(hi->doc_name.ptr, "a.txt");
  assert_int_equal(hi->value, 2);
  assert_int_equal(kgr_corroboration_conflict_count(c), 1);
  kgr_corroboration_free(c);
}

/* Two documents, one event each in Bishkek on one day, with one figure
 * each: how do the two figures reconcile? */
static kgr_agreement pair(kgr_qualifier qa, int64_t va, const char *ta, kgr_qualifier qb,
                          int64_t vb, const char *tb) {
  kgr_doc *d[2];
  const kgr_qualifier q[2] = {qa, qb};
  const int64_t v[2] = {va, vb};
  const char *t[2] = {ta, tb};
  for (int i = 0; i < 2; i++) {
    d[i] = fx_doc(i ? "y.txt" : "x.txt", "KG");
    size_t e = fx_event(d[i], KGR_EVENT_PROTEST, "2020-10-05", NULL, 0, "P");
    fx_place(d[i], e, "Bishkek", "KG", NULL, true, 42.87, 74.59);
    fx_figure(d[i], e, KGR_FIG_DETAINED, v[i], q[i], t[i]);
  }
  kgr_corroboration *c = kgr_corroborate((const kgr_doc *const *)d, 2, 0, NULL, NULL);
  assert_non_null(c);
  assert_int_equal(kgr_corroboration_group_count(c), 1);
  const kgr_corr_group *g = kgr_corroboration_group(c, 0);
  assert_int_equal(g->figure_count, 1);
  kgr_agreement a = g->figures[0].agreement;
  kgr_corroboration_free(c);
  kgr_doc_free(d[0]);
  kgr_doc_free(d[1]);
  return a;
}

static void test_bounds(void **state) {
  (void)state;
  /* "over 600" excludes 600; "at least 600" includes it. */
  assert_int_equal(pair(KGR_QUAL_OVER, 600, "over 600", KGR_QUAL_EXACT, 600, "600"),
                   KGR_AGREEMENT_CONFLICT);
  assert_int_equal(pair(KGR_QUAL_OVER, 600, "at least 600", KGR_QUAL_EXACT, 600, "600"),
                   KGR_AGREEMENT_AGREE);
  assert_int_equal(pair(KGR_QUAL_OVER, 600, "More than 600", KGR_QUAL_OVER, 650, "over 650"),
                   KGR_AGREEMENT_AGREE);
  /* "fewer than 10" excludes 10; "up to 10" includes it. */
  assert_int_equal(pair(KGR_QUAL_UNDER, 10, "fewer than 10", KGR_QUAL_EXACT, 10, "10"),
                   KGR_AGREEMENT_CONFLICT);
  assert_int_equal(pair(KGR_QUAL_UNDER, 10, "up to 10", KGR_QUAL_EXACT, 10, "ten"),
                   KGR_AGREEMENT_AGREE);
  assert_int_equal(pair(KGR_QUAL_UNDER, 10, "up to 10", KGR_QUAL_OVER, 20, "over 20"),
                   KGR_AGREEMENT_CONFLICT);
  /* "about 50" allows 40 to 60. */
  assert_int_equal(pair(KGR_QUAL_ABOUT, 50, "about 50", KGR_QUAL_EXACT, 45, "45"),
                   KGR_AGREEMENT_AGREE);
  assert_int_equal(pair(KGR_QUAL_ABOUT, 50, "about 50", KGR_QUAL_EXACT, 60, "60"),
                   KGR_AGREEMENT_AGREE);
  assert_int_equal(pair(KGR_QUAL_ABOUT, 50, "about 50", KGR_QUAL_EXACT, 70, "70"),
                   KGR_AGREEMENT_CONFLICT);
  assert_int_equal(pair(KGR_QUAL_EXACT, 3, "three", KGR_QUAL_EXACT, 3, "3"),
                   KGR_AGREEMENT_AGREE);
  /* A plural of magnitude is a range, whatever value the parser gave it. */
  assert_int_equal(pair(KGR_QUAL_ABOUT, 200, "hundreds of people", KGR_QUAL_EXACT, 686, "686"),
                   KGR_AGREEMENT_AGREE);
  assert_int_equal(pair(KGR_QUAL_ABOUT, 24, "Dozens of people", KGR_QUAL_EXACT, 686, "686"),
                   KGR_AGREEMENT_CONFLICT);
  assert_int_equal(pair(KGR_QUAL_ABOUT, 200000, "hundreds of thousands", KGR_QUAL_EXACT, 686,
                        "686"),
                   KGR_AGREEMENT_CONFLICT);
  assert_int_equal(pair(KGR_QUAL_ABOUT, 3, "several people", KGR_QUAL_EXACT, 5, "five"),
                   KGR_AGREEMENT_AGREE);
}

/* One document alone: its figures are "single", never "agree". */
static void test_single_source_figures(void **state) {
  (void)state;
  kgr_doc *d = fx_doc("x.txt", "KG");
  size_t e = fx_event(d, KGR_EVENT_CLASH, "2020-10-05", NULL, 0, "x");
  fx_place(d, e, "Bishkek", "KG", NULL, true, 42.87, 74.59);
  fx_figure(d, e, KGR_FIG_INJURED, 10, KGR_QUAL_EXACT, "ten");
  e = fx_event(d, KGR_EVENT_PROTEST, "2020-10-05", NULL, 0, "y");
  fx_place(d, e, "Bishkek", "KG", NULL, true, 42.87, 74.59);
  fx_figure(d, e, KGR_FIG_INJURED, 12, KGR_QUAL_EXACT, "twelve");
  fx_figure(d, e, KGR_FIG_OTHER, 5, KGR_QUAL_EXACT, "five cars");
  const kgr_doc *docs[1] = {d};
  kgr_corroboration *c = kgr_corroborate(docs, 1, 0, NULL, NULL);
  assert_int_equal(kgr_corroboration_group_count(c), 0);
  kgr_corroboration_free(c);
  c = kgr_corroborate(docs, 1, KGR_CORROBORATE_SINGLE, NULL, NULL);
  assert_int_equal(kgr_corroboration_group_count(c), 1);
  const kgr_corr_group *g = kgr_corroboration_group(c, 0);
  assert_int_equal(g->member_count, 2);
  /* "other" figures are not reconciled; one document's 10 and 12 conflict. */
  assert_int_equal(g->figure_count, 1);
  assert_int_equal(g->figures[0].agreement, KGR_AGREEMENT_CONFLICT);
  assert_int_equal(g->figures[0].document_count, 1);
  kgr_corroboration_free(c);
  kgr_doc_free(d);
}

/* ---- JSON, lifetime, arguments, memory --------------------------------------------- */

static void test_json(void **state) {
  fixture *f = *state;
  kgr_corroboration *c = run(f, KGR_CORROBORATE_DEFAULT);
  /* The result holds its own copies: the documents can go first. */
  for (size_t i = 0; i < f->n; i++)
    kgr_doc_free(f->docs[i]);
  f->n = 0;
  size_t len;
  char *json = kgr_corroboration_to_json(c, KGR_JSON_COMPACT, &len);
  assert_non_null(json);
  assert_int_equal(strlen(json), len);
  assert_true(strncmp(json, "{\"schema\":\"kgrights.corroboration/1\",\"documents\":[{\"name\":"
                            "\"a.txt\",",
                      60) == 0);
  assert_non_null(strstr(json, "\"kind\":\"injured\",\"agreement\":\"agree\",\"documents\":2,"
                               "\"low\":686,\"high\":686,\"conflict\":null"));
  assert_non_null(strstr(json, "\"kind\":\"killed\",\"agreement\":\"conflict\",\"documents\":2,"
                               "\"low\":1,\"high\":2,\"conflict\":[1,0]"));
  assert_non_null(strstr(json, "\"value\":600,\"qualifier\":\"over\",\"low\":601,\"high\":null"));
  assert_non_null(strstr(json, "\"types\":[\"force_against_protesters\",\"clash\"]"));
  assert_non_null(strstr(json, "\"summary\":{\"groups\":3,\"figures_agree\":1,"
                               "\"figures_conflict\":1}}"));
  kgr_free(json);
  assert_null(kgr_corroboration_to_json(c, 1u << 20, NULL));
  assert_null(kgr_corroboration_to_json(NULL, 0, NULL));
  kgr_corroboration_free(c);
  assert_string_equal(kgr_agreement_name(KGR_AGREEMENT_AGREE), "agree");
  assert_string_equal(kgr_agreement_name(KGR_AGREEMENT_CONFLICT), "conflict");
  assert_string_equal(kgr_agreement_name(KGR_AGREEMENT_SINGLE), "single");
}

static void test_inval(void **state) {
  fixture *f = *state;
  kgr_error err;
  assert_null(kgr_corroborate(NULL, 2, 0, NULL, &err));
  assert_int_equal(err.code, KGR_EINVAL);
  assert_null(kgr_corroborate((const kgr_doc *const *)f->docs, f->n, 1u << 9, NULL, &err));
  assert_int_equal(err.code, KGR_EINVAL);
  const kgr_doc *with_null[2] = {f->docs[0], NULL};
  assert_null(kgr_corroborate(with_null, 2, 0, NULL, &err));
  assert_int_equal(err.code, KGR_EINVAL);
  /* Nothing to compare: an empty result, not an error. */
  kgr_corroboration *c = kgr_corroborate(NULL, 0, 0, NULL, &err);
  assert_non_null(c);
  assert_int_equal(kgr_corroboration_group_count(c), 0);
  kgr_corroboration_free(c);
  kgr_corroboration_free(NULL);
  assert_int_equal(kgr_corroboration_group_count(NULL), 0);
  assert_null(kgr_corroboration_group(NULL, 0));
  assert_int_equal(kgr_corroboration_write_json(NULL, 0, NULL, NULL), KGR_EINVAL);
}

typedef struct budget {
  size_t left; /* allocations still allowed */
} budget;

static void *budget_malloc(void *ctx, size_t n) {
  budget *b = ctx;
  if (!b->left)
    return NULL;
  b->left--;
  return malloc(n);
}
static void *budget_realloc(void *ctx, void *p, size_t old, size_t n) {
  (void)old;
  budget *b = ctx;
  if (!b->left)
    return NULL;
  b->left--;
  return realloc(p, n);
}
static void budget_free(void *ctx, void *p) {
  (void)ctx;
  free(p);
}

/* Every allocation failing in turn gives KGR_ENOMEM and leaks nothing
 * (the sanitizer build checks the leaks). */
static void test_out_of_memory(void **state) {
  fixture *f = *state;
  bool succeeded = false;
  for (size_t limit = 0; limit < 200 && !succeeded; limit++) {
    budget b = {limit};
    kgr_alloc alc = {budget_malloc, budget_realloc, budget_free, &b};
    kgr_error err;
    kgr_corroboration *c =
        kgr_corroborate((const kgr_doc *const *)f->docs, f->n, 0, &alc, &err);
    if (c) {
      succeeded = true;
      assert_int_equal(kgr_corroboration_group_count(c), 3);
      kgr_corroboration_free(c);
    } else {
      assert_int_equal(err.code, KGR_ENOMEM);
    }
  }
  assert_true(succeeded);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_groups),
      KGR_TEST(test_negatives),
      KGR_TEST(test_victim),
      KGR_TEST(test_single),
      KGR_TEST(test_figures),
      KGR_TEST(test_bounds),
      KGR_TEST(test_single_source_figures),
      KGR_TEST(test_json),
      KGR_TEST(test_inval),
      KGR_TEST(test_out_of_memory),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
