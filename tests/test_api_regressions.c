/*
 * test_api_regressions.c - inputs that once broke the parser, through the
 * public API.
 *
 * Every tests/fuzz/corpus/crash-*.txt (an input a fuzzer crashed on, kept
 * as a regression) must parse cleanly, with every span inside the input
 * and a JSON record; the other tests pin bugs found by the reliability
 * suites (test_api_linear.c, tests/fuzz) with what the record must say.
 */
#define _POSIX_C_SOURCE 200809L /* opendir */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kgrights/kgrights.h>

#include "kgr_test.h"

/* ---- fixture ---------------------------------------------------------------- */

/* ---- helpers ---------------------------------------------------------------- */

static kgr_doc *parse_ok(fixture *f, const char *buf, size_t len) {
  kgr_error err;
  kgr_doc_free(f->doc);
  f->doc = kgr_parse(buf, len, KGR_PARSE_DEFAULT, NULL, &err);
  if (!f->doc)
    fail_msg("parse failed: %s (%s)", err.message, kgr_strerror(err.code));
  assert_int_equal(err.code, KGR_OK);
  return f->doc;
}

/* What the fuzz harness checks: every span inside the input, and a JSON
 * object out. */
static void check_contract(fixture *f, size_t len, const char *what) {
  const kgr_doc *d = f->doc;
  kgr_test_check_spans(d, len, what);
  size_t jlen = 0;
  kgr_free(f->json);
  f->json = kgr_doc_to_json(d, KGR_JSON_COMPACT, &jlen);
  assert_non_null(f->json);
  assert_true(jlen >= 2 && f->json[0] == '{' && f->json[jlen - 1] == '}');
}

/* ---- fuzzer crashes ---------------------------------------------------------- */

/* Every crash-*.txt kept in tests/fuzz/corpus. */
static void test_fuzz_crashes(void **state) {
  fixture *f = *state;
  const char *dir = KGR_TESTS_DIR "/fuzz/corpus";
  DIR *d = opendir(dir);
  assert_non_null(d);
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (strncmp(e->d_name, "crash-", 6) != 0)
      continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    size_t len = 0;
    free(f->buf);
    f->buf = kgr_test_read_file(path, &len);
    assert_non_null(f->buf);
    parse_ok(f, f->buf, len);
    check_contract(f, len, e->d_name);
    n++;
  }
  closedir(d);
  printf("# regressions: %zu fuzzer crash inputs parse cleanly\n", n);
}

/* ---- found by the linear-time suite ------------------------------------------ */

/*
 * A numbered list of signatories longer than 999 entries: "1000." must
 * start an entry like "999." does. Before the fix, lines.c read list
 * numbers of at most three digits, so line "1000. ..." was glued to the
 * entry before it, the block grew past an entry's length, and entries
 * 999 to the end vanished with no diagnostic.
 */
static void test_signatories_past_999(void **state) {
  fixture *f = *state;
  enum { N = 1200 };
  static const char *const country[] = {"Kyrgyzstan", "Kazakhstan", "Armenia", "Norway"};
  size_t cap = (size_t)N * 80 + 256, len = 0;
  f->buf = malloc(cap);
  assert_non_null(f->buf);
  len += (size_t)snprintf(f->buf, cap, "Joint appeal on the detained protesters\n\n"
                                       "We call for their release.\n\nSigned by:\n\n");
  for (int i = 1; i <= N; i++)
    len += (size_t)snprintf(f->buf + len, cap - len, "%d. Civic Rights Network %d (%s)\n", i, i,
                            country[i % 4]);
  kgr_doc *d = parse_ok(f, f->buf, len);
  check_contract(f, len, "1200 signatories");
  assert_int_equal(kgr_doc_signatory_count(d), N);
  static const int probe[] = {1, 999, 1000, 1001, N};
  static const char *const code[] = {"KZ", "NO", "KG", "KZ", "KG"}; /* i % 4 */
  for (size_t k = 0; k < sizeof probe / sizeof *probe; k++) {
    const kgr_signatory *s = kgr_doc_signatory(d, (size_t)probe[k] - 1);
    char want[64];
    snprintf(want, sizeof want, "Civic Rights Network %d", probe[k]);
    assert_int_equal(s->position, probe[k]);
    if (!kgr_test_str_eq(s->name, want))
      fail_msg("signatory %d: '%.*s', expected '%s'", probe[k], (int)s->name.len, s->name.ptr,
               want);
    assert_int_equal(s->country_count, 1);
    assert_true(kgr_test_str_eq(s->countries[0], code[k]));
  }
}

/*
 * Hard negative for the fix above: a year that opens a hard-wrapped line
 * is no list number ("2020. Since then" is prose), even right after a
 * numbered list.
 */
static void test_year_line_is_not_entry(void **state) {
  fixture *f = *state;
  static const char in[] = "Statement of concern\n\n"
                           "We call for the release of all detainees.\n\n"
                           "Signed by:\n\n"
                           "1. Civic Rights Network (Kyrgyzstan)\n"
                           "2. Open Voice Foundation (Kazakhstan)\n"
                           "3. Free Assembly Centre (Armenia)\n\n"
                           "The three groups have monitored protests since the summer of\n"
                           "2020. Since then they have documented forty detentions.\n";
  kgr_doc *d = parse_ok(f, in, sizeof in - 1);
  check_contract(f, sizeof in - 1, "year line");
  assert_int_equal(kgr_doc_signatory_count(d), 3);
  const kgr_signatory *s = kgr_doc_signatory(d, 2);
  assert_int_equal(s->position, 3);
  assert_true(kgr_test_str_eq(s->name, "Free Assembly Centre"));
  assert_true(s->country_count == 1 && kgr_test_str_eq(s->countries[0], "AM"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_fuzz_crashes),
      KGR_TEST(test_signatories_past_999),
      KGR_TEST(test_year_line_is_not_entry),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
