/*
 * test_api_linear.c - kgr_parse() runs in linear time on adversarial input.
 *
 * Each family of pathological documents is generated at two sizes, n and
 * 4n, in the same run; both parses are timed (best of three when they are
 * short) and the ratio t(4n)/t(n) must stay under 5. A linear parser
 * gives about 4, a quadratic one about 16. The time asserted on is the
 * parsing thread's CPU time, not CLOCK_MONOTONIC, which is printed beside
 * it: see time_parse. No absolute time is ever asserted: machines differ,
 * ratios do not. The sizes are chosen so that t(n) is well above timer
 * and scheduling noise in a Release build; under AddressSanitizer they
 * are halved (never the bound). Each family's ratio is printed as
 * "# linear: ..." lines; KGR_LINEAR_SCALE=k runs them k times larger (see
 * scale_mul).
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kgrights/kgrights.h>

#include "kgr_test.h"

/* ASan (and UBSan with it) slows the parser 2-3x: scale the inputs down
 * so that the suite stays within its time, keeping the same bound. */
#if defined(__SANITIZE_ADDRESS__)
#define KGR_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KGR_SANITIZED 1
#endif
#endif
#ifdef KGR_SANITIZED
#define SCALE_DIV 2
#else
#define SCALE_DIV 1
#endif

#define MAX_RATIO 5.0
/* Parses of the larger size shorter than this are repeated three times and
 * the best time kept, for both sizes. */
#define REPEAT_BELOW_S 1.5

/* ---- a growable buffer -------------------------------------------------------- */

typedef struct buf {
  char *p;
  size_t len, cap;
} buf;

static void buf_reserve(buf *b, size_t more) {
  if (b->len + more + 1 <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 4096;
  while (cap < b->len + more + 1)
    cap *= 2;
  char *p = realloc(b->p, cap);
  assert_non_null(p);
  b->p = p;
  b->cap = cap;
}

static void buf_add(buf *b, const char *s, size_t n) {
  buf_reserve(b, n);
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
}

static void buf_puts(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

static void buf_printf(buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[512];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  assert_true(n >= 0 && (size_t)n < sizeof tmp);
  buf_add(b, tmp, (size_t)n);
}

/* Repeat `unit` until the buffer holds `total` more bytes (the last copy
 * cut short). */
static void buf_repeat(buf *b, const char *unit, size_t total) {
  size_t u = strlen(unit);
  buf_reserve(b, total);
  for (size_t i = 0; i < total; i += u)
    memcpy(b->p + b->len + i, unit, total - i < u ? total - i : u);
  b->len += total;
  b->p[b->len] = '\0';
}

/* A fixed-seed generator, so that every run sees the same bytes. */
static uint64_t xorshift(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

/* ---- the families: each builds a document of `n` units ----------------------- */

/* One line of n bytes: words, names, dates and commas, no newline and no
 * full stop, so the whole input is one line, one paragraph, one sentence. */
static void gen_one_line(buf *b, size_t n) {
  buf_repeat(b,
             "Several people walked along Main Street on 5 October while police, "
             "officers of the Interior Ministry and Officials waited near the square "
             "in Bishkek, and 12 protesters were detained by the State Committee ",
             n);
}

/* A demand list of n bullet lines. */
static void gen_bullets(buf *b, size_t n) {
  buf_puts(b, "We call on the authorities to:\n\n");
  for (size_t i = 0; i < n; i++)
    buf_printf(b, "\xE2\x80\xA2 release detainee number %zu at once;\n", i);
}

/* n digits with no break at all. */
static void gen_digits(buf *b, size_t n) { buf_repeat(b, "1234567890", n); }

/* n openers of parentheses, brackets, curly quotes, guillemets and
 * straight quotes in turn, a word, then as many closers. */
static void gen_nesting(buf *b, size_t n) {
  static const char *const open[] = {"(", "[", "\xE2\x80\x9C", "\xC2\xAB", "\"", "'"};
  static const char *const close[] = {")", "]", "\xE2\x80\x9D", "\xC2\xBB", "\"", "'"};
  enum { K = sizeof open / sizeof open[0] };
  for (size_t i = 0; i < n; i++)
    buf_puts(b, open[i % K]);
  buf_puts(b, "protest");
  for (size_t i = n; i-- > 0;)
    buf_puts(b, close[i % K]);
}

/* n footnote markers, bracketed ("word.[1] ") and glued ("word.1 ") in
 * turn, then footnote 1 defined under Notes. */
static void gen_footnotes(buf *b, size_t n) {
  buf_puts(b, "A report with notes\n\n");
  for (size_t i = 0; i < n; i++)
    buf_puts(b, i % 2 ? "detained.1 " : "dispersed.[1] ");
  buf_puts(b, "\n\nNotes\n\n[1] https://example.org/2020/10/linear-note\n");
}

/* "Signed by:" and n numbered organisations, each with its country. */
static void gen_signatories(buf *b, size_t n) {
  static const char *const country[] = {"Kyrgyzstan", "Kazakhstan", "Armenia", "Georgia",
                                        "Norway", "Poland", "Ukraine", "Moldova"};
  static const char *const kind[] = {"Committee", "Foundation", "Centre", "Association",
                                     "Union"};
  buf_puts(b, "Joint statement on the detention of peaceful protesters\n\n"
              "We call for the release of everyone detained.\n\nSigned by:\n\n");
  for (size_t i = 0; i < n; i++)
    buf_printf(b, "%zu. Human Rights %s of the Region %zu (%s)\n", i + 1, kind[i % 5], i,
               country[i % 8]);
}

/* The same incident sentence n times. */
static void gen_sentence(buf *b, size_t n) {
  static const char unit[] = "On 5 October police detained 3 protesters in Bishkek. ";
  buf_repeat(b, unit, n * (sizeof unit - 1));
}

/* n NUL bytes. */
static void gen_nuls(buf *b, size_t n) {
  buf_reserve(b, n);
  memset(b->p + b->len, 0, n);
  b->len += n;
  b->p[b->len] = '\0';
}

/* n random bytes from a fixed seed. */
static void gen_random(buf *b, size_t n) {
  uint64_t seed = 0x9E3779B97F4A7C15u;
  buf_reserve(b, n + 8);
  for (size_t i = 0; i < n; i += 8) {
    uint64_t r = xorshift(&seed);
    memcpy(b->p + b->len + i, &r, 8);
  }
  b->len += n;
  b->p[b->len] = '\0';
}

/* n capitalised words and nothing else ("Aaa Bbb Ccc ..."), hard-wrapped
 * every ten words: one endless run of what looks like a name. */
static void gen_capitalised(buf *b, size_t n) {
  uint64_t seed = 0x2545F4914F6CDD1Du;
  for (size_t i = 0; i < n; i++) {
    uint64_t r = xorshift(&seed);
    char w[8];
    size_t len = 3 + (size_t)(r % 5);
    w[0] = (char)('A' + (r >> 8) % 26);
    for (size_t k = 1; k < len; k++)
      w[k] = (char)('a' + (r >> (8 + 5 * k)) % 26);
    buf_add(b, w, len);
    buf_puts(b, i % 10 == 9 ? "\n" : " ");
  }
}

/* n lines that each end in a hyphen: dehyphenation joins them all into
 * one word that never ends. */
static void gen_hyphens(buf *b, size_t n) {
  static const char *const part[] = {"demon-\n", "stra-\n", "tion-\n", "protes-\n"};
  buf_puts(b, "The ");
  for (size_t i = 0; i < n; i++)
    buf_puts(b, part[i % 4]);
  buf_puts(b, "ters\n");
}

/* n short paragraphs. */
static void gen_paragraphs(buf *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    buf_printf(b, "Paragraph %zu: police came.\n\n", i);
}

/* ---- timing -------------------------------------------------------------------- */

static double clock_s(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Seconds a parse took: on the wall (CLOCK_MONOTONIC) and on this thread's
 * CPU. The ratio is asserted on the CPU time: the parser never sleeps or
 * waits, so the two differ only by the time other processes took the CPU,
 * which on a loaded 2-core CI machine is most of the noise. */
typedef struct timing {
  double wall, cpu;
} timing;

/* Parse once and time it; the record is checked and then either kept in
 * *keep or freed. */
static timing time_parse(const buf *b, kgr_doc **keep) {
  kgr_error err;
  double w0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
  kgr_doc *d = kgr_parse(b->p, b->len, KGR_PARSE_DEFAULT, NULL, &err);
  timing t = {clock_s(CLOCK_MONOTONIC) - w0, clock_s(CLOCK_THREAD_CPUTIME_ID) - c0};
  if (!d)
    fail_msg("parse failed: %s (%s)", err.message, kgr_strerror(err.code));
  assert_int_equal(err.code, KGR_OK);
  kgr_test_check_spans(d, b->len, "input");
  if (keep) {
    kgr_doc_free(*keep);
    *keep = d;
  } else {
    kgr_doc_free(d);
  }
  return t;
}

static void keep_best(timing *best, timing t) {
  best->wall = t.wall < best->wall ? t.wall : best->wall;
  best->cpu = t.cpu < best->cpu ? t.cpu : best->cpu;
}

typedef void (*gen_fn)(buf *b, size_t n);

/* KGR_LINEAR_SCALE=k in the environment multiplies every n by k, to see
 * how a family's ratio moves with size while hunting a culprit. */
static size_t scale_mul(void) {
  const char *e = getenv("KGR_LINEAR_SCALE");
  long k = e ? strtol(e, NULL, 10) : 1;
  return k >= 1 && k <= 64 ? (size_t)k : 1;
}

/* Generate sizes n and 4n, time both (best of three, interleaved, when
 * short), print and assert the ratio. The records of both sizes are
 * returned for the family's own checks; the caller frees them. */
static void measure(const char *name, gen_fn gen, size_t n, kgr_doc **small, kgr_doc **big) {
  n = n / SCALE_DIV ? n / SCALE_DIV : 1;
  n *= scale_mul();
  buf b1 = {0}, b4 = {0};
  gen(&b1, n);
  gen(&b4, 4 * n);
  timing t1 = time_parse(&b1, small), t4 = time_parse(&b4, big);
  if (t4.cpu < REPEAT_BELOW_S) {
    for (int r = 1; r < 3; r++) {
      keep_best(&t1, time_parse(&b1, NULL));
      keep_best(&t4, time_parse(&b4, NULL));
    }
  }
  double ratio = t4.cpu / (t1.cpu > 1e-6 ? t1.cpu : 1e-6);
  printf("# linear: %-20s n %9zu B %7.1f ms | 4n %9zu B %7.1f ms | ratio %.2f"
         " (wall %.2f)\n",
         name, b1.len, t1.cpu * 1e3, b4.len, t4.cpu * 1e3, ratio,
         t4.wall / (t1.wall > 1e-6 ? t1.wall : 1e-6));
  fflush(stdout);
  free(b1.p);
  free(b4.p);
  if (ratio >= MAX_RATIO)
    fail_msg("%s: t(4n)/t(n) = %.2f >= %.1f: the parser is not linear on this input", name,
             ratio, MAX_RATIO);
}

/* ---- fixture: the small and the big document of a measure ----------------------- */

typedef struct pair_fixture {
  kgr_doc *small, *big;
} pair_fixture;

static int pair_setup(void **state) {
  pair_fixture *f = calloc(1, sizeof *f);
  if (!f)
    return -1;
  *state = f;
  return 0;
}

static int pair_teardown(void **state) {
  pair_fixture *f = *state;
  kgr_doc_free(f->small);
  kgr_doc_free(f->big);
  free(f);
  return 0;
}

#define PAIR_TEST(f) cmocka_unit_test_setup_teardown(f, pair_setup, pair_teardown)

static size_t count_diag(const kgr_doc *d, const char *code) {
  size_t n = 0;
  for (size_t i = 0; i < kgr_doc_diagnostic_count(d); i++)
    n += kgr_test_str_eq(kgr_doc_diagnostic(d, i)->code, code);
  return n;
}

/* ---- the tests ------------------------------------------------------------------ */

static void test_one_line(void **state) {
  pair_fixture *f = *state;
  measure("one line", gen_one_line, (size_t)2500 * 1000, &f->small, &f->big);
  /* one paragraph: no section breaks invented inside the line */
  assert_true(kgr_doc_section_count(f->big) <= 2);
}

static void test_bullets(void **state) {
  pair_fixture *f = *state;
  measure("bullets", gen_bullets, 25000, &f->small, &f->big);
  /* every bullet is a demand; the list is not cut short */
  size_t n = 25000 / SCALE_DIV * scale_mul();
  assert_int_equal(kgr_doc_demand_count(f->small), n);
  assert_int_equal(kgr_doc_demand_count(f->big), 4 * n);
  const kgr_demand *last = kgr_doc_demand(f->big, 4 * n - 1);
  char want[64];
  snprintf(want, sizeof want, "release detainee number %zu at once", 4 * n - 1);
  assert_true(last->text.len >= strlen(want) && memcmp(last->text.ptr, want, strlen(want)) == 0);
}

static void test_digits(void **state) {
  pair_fixture *f = *state;
  measure("digits", gen_digits, (size_t)1000 * 1000, &f->small, &f->big);
  /* a number with millions of digits is no figure and no date */
  assert_int_equal(kgr_doc_figure_count(f->big), 0);
  assert_int_equal(kgr_doc_event_count(f->big), 0);
}

static void test_nesting(void **state) {
  pair_fixture *f = *state;
  measure("brackets and quotes", gen_nesting, 200000, &f->small, &f->big);
  assert_int_equal(kgr_doc_link_count(f->big), 0);
  assert_int_equal(kgr_doc_footnote_count(f->big), 0);
}

static void test_footnotes(void **state) {
  pair_fixture *f = *state;
  measure("footnote markers", gen_footnotes, 50000, &f->small, &f->big);
  /* footnote 1 is found with its URL despite the markers before it */
  kgr_doc *docs[2] = {f->small, f->big};
  for (int k = 0; k < 2; k++) {
    const kgr_footnote *fn = NULL;
    for (size_t i = 0; i < kgr_doc_footnote_count(docs[k]); i++)
      if (kgr_doc_footnote(docs[k], i)->number == 1)
        fn = kgr_doc_footnote(docs[k], i);
    assert_non_null(fn);
    assert_int_equal(fn->url_count, 1);
    assert_true(kgr_test_str_eq(fn->urls[0], "https://example.org/2020/10/linear-note"));
  }
}

static void test_signatories(void **state) {
  pair_fixture *f = *state;
  measure("signatories", gen_signatories, 25000, &f->small, &f->big);
  /* every entry is a signatory, past number 999 too (see also
   * test_api_regressions.c), with its name and country */
  size_t n = 25000 / SCALE_DIV * scale_mul();
  assert_int_equal(kgr_doc_signatory_count(f->small), n);
  assert_int_equal(kgr_doc_signatory_count(f->big), 4 * n);
  kgr_doc *docs[2] = {f->small, f->big};
  for (int k = 0; k < 2; k++) {
    size_t last = (k ? 4 * n : n) - 1; /* kinds cycle by 5, countries by 8 */
    static const char *const kind[] = {"Committee", "Foundation", "Centre", "Association",
                                       "Union"};
    static const char *const code[] = {"KG", "KZ", "AM", "GE", "NO", "PL", "UA", "MD"};
    const size_t probe[] = {0, 997, 999, last};
    for (size_t p = 0; p < sizeof probe / sizeof *probe; p++) {
      size_t i = probe[p];
      const kgr_signatory *s = kgr_doc_signatory(docs[k], i);
      char want[96];
      snprintf(want, sizeof want, "Human Rights %s of the Region %zu", kind[i % 5], i);
      assert_int_equal(s->position, (int)i + 1);
      if (!kgr_test_str_eq(s->name, want))
        fail_msg("signatory %zu: '%.*s', expected '%s'", i, (int)s->name.len, s->name.ptr,
                 want);
      assert_true(s->country_count == 1 && kgr_test_str_eq(s->countries[0], code[i % 8]));
    }
  }
}

static void test_sentence(void **state) {
  pair_fixture *f = *state;
  measure("repeated sentence", gen_sentence, 25000, &f->small, &f->big);
  size_t n = 25000 / SCALE_DIV * scale_mul();
  assert_true(kgr_doc_event_count(f->big) >= 1);
  assert_true(kgr_doc_event_count(f->big) <= 4 * n);
}

static void test_nuls(void **state) {
  pair_fixture *f = *state;
  measure("NUL bytes", gen_nuls, (size_t)8 * 1000 * 1000, &f->small, &f->big);
  assert_true(kgr_doc_diagnostic_count(f->big) >= 1);
  assert_int_equal(kgr_doc_event_count(f->big), 0);
  assert_int_equal(kgr_doc_signatory_count(f->big), 0);
}

static void test_random(void **state) {
  pair_fixture *f = *state;
  measure("random bytes", gen_random, (size_t)1000 * 1000, &f->small, &f->big);
  assert_true(count_diag(f->big, "invalid-utf8") >= 1);
}

static void test_capitalised(void **state) {
  pair_fixture *f = *state;
  measure("capitalised words", gen_capitalised, 100000, &f->small, &f->big);
  assert_int_equal(kgr_doc_event_count(f->big), 0);
}

static void test_hyphens(void **state) {
  pair_fixture *f = *state;
  measure("hyphenated breaks", gen_hyphens, 200000, &f->small, &f->big);
  assert_int_equal(kgr_doc_event_count(f->big), 0);
}

static void test_paragraphs(void **state) {
  pair_fixture *f = *state;
  measure("short paragraphs", gen_paragraphs, 25000, &f->small, &f->big);
  assert_int_equal(kgr_doc_signatory_count(f->big), 0);
}

int main(void) {
#ifdef KGR_SANITIZED
  printf("# linear: sanitizer build: sizes divided by %d, bound unchanged\n", SCALE_DIV);
#endif
  const struct CMUnitTest tests[] = {
      PAIR_TEST(test_one_line),    PAIR_TEST(test_bullets),   PAIR_TEST(test_digits),
      PAIR_TEST(test_nesting),     PAIR_TEST(test_footnotes), PAIR_TEST(test_signatories),
      PAIR_TEST(test_sentence),    PAIR_TEST(test_nuls),      PAIR_TEST(test_random),
      PAIR_TEST(test_capitalised), PAIR_TEST(test_hyphens),   PAIR_TEST(test_paragraphs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
