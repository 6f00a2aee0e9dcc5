/*
 * test_numbers.c - kgr_number_parse: numbers in digits and in words.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "figures.h"

/* Parse the whole of s from 0; returns bytes consumed. */
static size_t parse(const char *s, int64_t *v, bool *approx) {
  *v = -1;
  *approx = false;
  return kgr_number_parse_ex(s, strlen(s), 0, v, approx);
}

/* s must parse completely to `want` (approximate or not). */
static void expect_full(const char *s, int64_t want, bool want_approx) {
  int64_t v;
  bool ap;
  size_t n = parse(s, &v, &ap);
  if (n != strlen(s) || v != want || ap != want_approx)
    fail_msg("\"%s\": consumed %zu of %zu, value %lld (want %lld), approx %d", s, n, strlen(s),
             (long long)v, (long long)want, ap);
}

/* s must parse its first `len` bytes to `want`. */
static void expect_prefix(const char *s, size_t len, int64_t want) {
  int64_t v;
  bool ap;
  size_t n = parse(s, &v, &ap);
  if (n != len || v != want)
    fail_msg("\"%s\": consumed %zu (want %zu), value %lld (want %lld)", s, n, len, (long long)v,
             (long long)want);
}

static void expect_none(const char *s) {
  int64_t v;
  bool ap;
  size_t n = parse(s, &v, &ap);
  if (n != 0)
    fail_msg("\"%s\": consumed %zu, value %lld; want no number", s, n, (long long)v);
}

static void test_digits(void **state) {
  (void)state;
  expect_full("686", 686, false);
  expect_full("1,200", 1200, false);
  expect_full("1 200", 1200, false);
  expect_full("12,000", 12000, false);
  expect_full("1,200,000", 1200000, false);
  expect_full("1.5 million", 1500000, false);
  expect_full("3 million", 3000000, false);
  expect_full("2 thousand", 2000, false);
  expect_prefix("600 people", 3, 600);
  expect_prefix("245 on 8 October", 3, 245);
  /* a comma not followed by a group of three is punctuation */
  expect_prefix("5, 6 and 7", 1, 5);
  expect_prefix("10,20", 0, -1);
  /* a year followed by a small count is no digit group */
  expect_prefix("2019 300", 4, 2019);
}

static void test_digits_negative(void **state) {
  (void)state;
  expect_none("1.5");   /* a decimal is no count unless scaled */
  expect_none("2nd");   /* ordinal */
  expect_none("1990s"); /* decade */
  expect_none("3km");
  expect_none("1.2.3");
  expect_none("12345678901234567890"); /* too long to be a count */
  expect_none("");
  /* "24.kg" parses as 24: the figure recognizer rejects the domain */
  expect_prefix("24.kg", 2, 24);
}

static void test_words(void **state) {
  (void)state;
  expect_full("one", 1, false);
  expect_full("One", 1, false);
  expect_full("nineteen", 19, false);
  expect_full("twenty-five", 25, false);
  expect_full("twenty five", 25, false);
  expect_full("one hundred", 100, false);
  expect_full("one hundred and twenty", 120, false);
  expect_full("a hundred and fifty", 150, false);
  expect_full("two thousand five hundred", 2500, false);
  expect_full("two hundred thousand", 200000, false);
  expect_full("three million", 3000000, false);
  expect_full("a dozen", 12, false);
  expect_full("two dozen", 24, false);
  expect_full("half a dozen", 6, false);
}

static void test_words_partial(void **state) {
  (void)state;
  expect_prefix("one protester", 3, 1);
  expect_prefix("five twenty", 4, 5);   /* no such compound */
  expect_prefix("one and two", 3, 1);   /* "and" joins only after hundred */
  expect_prefix("twenty-first", 6, 20); /* the ordinal is not a unit */
  expect_prefix("hundred people", 7, 100);
}

static void test_approximate(void **state) {
  (void)state;
  /* policy (figures.h): twice the unit, marked approximate */
  expect_full("dozens", 24, true);
  expect_full("hundreds", 200, true);
  expect_full("thousands", 2000, true);
  expect_full("tens of thousands", 20000, true);
  expect_full("hundreds of thousands", 200000, true);
  expect_prefix("hundreds of protesters", 8, 200);
  expect_prefix("dozens of people", 6, 24);
}

static void test_not_numbers(void **state) {
  (void)state;
  expect_none("several");
  expect_none("many");
  expect_none("a number of");
  expect_none("a few");
  expect_none("first");
  expect_none("a");
  expect_none("someone");
  expect_none("and");
  expect_none("Over");
}

static void test_position(void **state) {
  (void)state;
  const char *s = "treated 686 people";
  int64_t v = 0;
  assert_int_equal(kgr_number_parse(s, strlen(s), 8, &v), 3);
  assert_int_equal(v, 686);
  assert_int_equal(kgr_number_parse(s, strlen(s), 0, &v), 0);
  /* past the end, or a NULL text */
  assert_int_equal(kgr_number_parse(s, strlen(s), strlen(s), &v), 0);
  assert_int_equal(kgr_number_parse(NULL, 0, 0, &v), 0);
  /* a length that cuts the text short is respected: "1,2" is no count */
  assert_int_equal(kgr_number_parse("1,200", 3, 0, &v), 0);
  assert_int_equal(kgr_number_parse("1,200", 1, 0, &v), 1);
  assert_int_equal(v, 1);
}

static void test_long_digit_run(void **state) {
  (void)state;
  size_t n = 1000000;
  char *s = test_malloc(n + 1);
  memset(s, '7', n);
  s[n] = '\0';
  int64_t v;
  assert_int_equal(kgr_number_parse(s, n, 0, &v), 0);
  test_free(s);
}

/* The inline classes answer as the full decoders do, ASCII or not. */
static void test_char_classes(void **state) {
  (void)state;
  const char *text = "a Z 9 - , \t\n\xC2\xA0 \xC3\xA9 \xD0\x96 \xE2\x80\x94 \xE2\x80\x89 \xFF";
  size_t len = strlen(text);
  for (size_t i = 0; i <= len; i++) {
    size_t n1 = 9, n2 = 9;
    assert_int_equal(kgr_word_char_at(text, len, i, &n1),
                     kgr_word_char_at_multibyte(text, len, i, &n2));
    assert_int_equal(n1, n2);
    n1 = n2 = 9;
    assert_int_equal(kgr_space_char_at(text, len, i, &n1),
                     kgr_space_char_at_multibyte(text, len, i, &n2));
    assert_int_equal(n1, n2);
  }
  char c[1];
  for (int b = 0; b < 0x80; b++) {
    c[0] = (char)b;
    assert_int_equal(kgr_word_char_at(c, 1, 0, NULL), kgr_word_char_at_multibyte(c, 1, 0, NULL));
    assert_int_equal(kgr_space_char_at(c, 1, 0, NULL), kgr_space_char_at_multibyte(c, 1, 0, NULL));
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_digits),       cmocka_unit_test(test_digits_negative),
      cmocka_unit_test(test_words),        cmocka_unit_test(test_words_partial),
      cmocka_unit_test(test_approximate),  cmocka_unit_test(test_not_numbers),
      cmocka_unit_test(test_position),     cmocka_unit_test(test_long_digit_run),
      cmocka_unit_test(test_char_classes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
