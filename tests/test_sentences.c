/*
 * test_sentences.c - kgr_split_sentences: sentence ends, abbreviations,
 * initials, decimals, domains, quotes and brackets, ellipses.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "layout.h"

typedef struct fixture {
  kgr_arena arena;
  kgr_sentence_vec out;
  const char *text;
} fixture;

static int fixture_setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  if (!f)
    return -1;
  kgr_arena_init(&f->arena, NULL);
  *state = f;
  return 0;
}

static int fixture_teardown(void **state) {
  fixture *f = *state;
  kgr_arena_release(&f->arena);
  free(f);
  return 0;
}

#define KGR_TEST(f) cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)

/* Split text and return how many sentences. */
static size_t split(fixture *f, const char *text) {
  f->out.count = 0;
  f->text = text;
  kgr_split_sentences(&f->arena, text, strlen(text), 7, &f->out);
  for (size_t i = 0; i < f->out.count; i++)
    assert_int_equal(f->out.items[i].block, 7);
  return f->out.count;
}

/* Sentence i must read `want`. */
static void expect(fixture *f, size_t i, const char *want) {
  assert_true(i < f->out.count);
  const kgr_sentence *s = &f->out.items[i];
  size_t n = s->end - s->start;
  if (n != strlen(want) || memcmp(f->text + s->start, want, n) != 0)
    fail_msg("sentence %zu is \"%.*s\", want \"%s\"", i, (int)n, f->text + s->start, want);
}

static void test_basic(void **state) {
  fixture *f = *state;
  assert_int_equal(split(f, "Police used tear gas. Protesters fled! Who ordered it? Nobody knows."),
                   4);
  expect(f, 0, "Police used tear gas.");
  expect(f, 1, "Protesters fled!");
  expect(f, 2, "Who ordered it?");
  expect(f, 3, "Nobody knows.");
  /* No final stop, and spaces around. */
  assert_int_equal(split(f, "  A title without a stop  "), 1);
  expect(f, 0, "A title without a stop");
  assert_int_equal(split(f, ""), 0);
  assert_int_equal(split(f, "   "), 0);
}

static void test_next_starts(void **state) {
  fixture *f = *state;
  /* A digit, a quote or a bracket may start a sentence. */
  assert_int_equal(
      split(f, "It rose in 2019. 245 cases were new. \"Stop,\" they said. (It did.) Then calm."),
      5);
  expect(f, 1, "245 cases were new.");
  expect(f, 2, "\"Stop,\" they said.");
  expect(f, 3, "(It did.)");
  /* Lower case after a period: no split. */
  assert_int_equal(split(f, "The police, i.e. the riot unit, came. the end"), 1);
  assert_int_equal(
      split(f, "Curly \xE2\x80\x9Cquotes.\xE2\x80\x9D \xE2\x80\x9CNext one.\xE2\x80\x9D"), 2);
  expect(f, 0, "Curly \xE2\x80\x9Cquotes.\xE2\x80\x9D");
}

static void test_abbreviations(void **state) {
  fixture *f = *state;
  assert_int_equal(split(f, "Mr. Smith met Dr. Jones and Prof. Lee in St. Petersburg. They spoke."),
                   2);
  expect(f, 1, "They spoke.");
  assert_int_equal(split(f, "Gen. Ivanov and Lt. Col. Petrov were there, e.g. Bishkek. Then rain."),
                   2);
  assert_int_equal(split(f, "See No. 5 of the decree, Art. 21 too. Next."), 2);
  /* "No." and "Art." before a capital may end a sentence... */
  assert_int_equal(split(f, "The answer was no. Then came yes."), 2);
  /* ...and "etc." before a capital does. */
  assert_int_equal(split(f, "Tear gas, batons etc. The crowd left."), 2);
  assert_int_equal(split(f, "On Oct. 9 the vote was held. Later, Jan. 5 came."), 2);
  assert_int_equal(split(f, "Acme Inc. Ltd. Co. signed. Next one."), 2);
}

static void test_initials(void **state) {
  fixture *f = *state;
  assert_int_equal(
      split(f, "A. Smith and J. R. Doe wrote it. The U.S. Embassy and U.N. Office agreed. End."),
      3);
  expect(f, 0, "A. Smith and J. R. Doe wrote it.");
  expect(f, 1, "The U.S. Embassy and U.N. Office agreed.");
}

static void test_numbers_and_domains(void **state) {
  fixture *f = *state;
  assert_int_equal(split(f, "Turnout was 3.5 percent, down from 4.25. The site 24.kg and kloop.kg "
                            "reported it. See https://example.org/a.b. Next."),
                   4);
  expect(f, 0, "Turnout was 3.5 percent, down from 4.25.");
  expect(f, 1, "The site 24.kg and kloop.kg reported it.");
  expect(f, 2, "See https://example.org/a.b.");
}

static void test_ellipsis_and_semicolons(void **state) {
  fixture *f = *state;
  assert_int_equal(split(f, "They waited... Nothing came\xE2\x80\xA6 Then silence; Nothing more."),
                   3);
  expect(f, 0, "They waited...");
  expect(f, 1, "Nothing came\xE2\x80\xA6");
  expect(f, 2, "Then silence; Nothing more.");
  assert_int_equal(split(f, "Really?! Yes."), 2);
  expect(f, 0, "Really?!");
}

static void test_long_input(void **state) {
  fixture *f = *state;
  size_t n = 4000000;
  char *t = malloc(n + 1);
  for (size_t i = 0; i < n; i += 4)
    memcpy(t + i, "Ab. ", 4);
  t[n - 1] = '\0';
  f->out.count = 0;
  kgr_split_sentences(&f->arena, t, n - 1, 0, &f->out);
  assert_int_equal(f->out.count, n / 4);
  memset(t, '.', n);
  t[n] = '\0';
  f->out.count = 0;
  kgr_split_sentences(&f->arena, t, n, 0, &f->out);
  assert_int_equal(f->out.count, 1);
  free(t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_basic),
      KGR_TEST(test_next_starts),
      KGR_TEST(test_abbreviations),
      KGR_TEST(test_initials),
      KGR_TEST(test_numbers_and_domains),
      KGR_TEST(test_ellipsis_and_semicolons),
      KGR_TEST(test_long_input),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
