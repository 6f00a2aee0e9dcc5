/*
 * test_api_robustness.c - the bad-input contract, through the public API:
 * whatever the bytes, kgr_parse() returns a record (or a clean error),
 * every span lies inside the input, what the parser cannot read becomes a
 * diagnostic, nothing is lost, and running out of memory at any allocation
 * fails cleanly with KGR_ENOMEM and leaks nothing.
 */
#define _POSIX_C_SOURCE 200809L /* opendir, clock_gettime */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kgrights/kgrights.h>

#include "kgr_test.h"

/* ---- fixture ---------------------------------------------------------------- */

/* ---- helpers ---------------------------------------------------------------- */

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Length of the valid UTF-8 prefix of s[0, n) (n when all valid). */
static size_t utf8_valid_prefix(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    size_t k;
    uint32_t cp, min;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      k = 2, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      k = 3, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      k = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return i;
    }
    if (i + k > n)
      return i;
    for (size_t j = 1; j < k; j++) {
      unsigned char cc = (unsigned char)s[i + j];
      if ((cc & 0xC0) != 0x80)
        return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += k;
  }
  return n;
}

#define SPAN_OK(sp, len)                                                       \
  do {                                                                         \
    kgr_span s_ = (sp);                                                        \
    if (s_.start > s_.end || s_.end > (len))                                   \
      fail_msg("%s: span [%zu, %zu) outside [0, %zu)", #sp, s_.start, s_.end,  \
               (size_t)(len));                                                 \
  } while (0)

/* Every span of every record lies inside the input; the sections are in
 * order and do not overlap; the JSON is one NUL-free, valid UTF-8 string. */
static void check_contract(fixture *f) {
  const kgr_doc *d = f->doc;
  size_t len = 0;
  kgr_doc_input(d, &len);
  if (kgr_doc_title(d).ptr)
    SPAN_OK(kgr_doc_title_span(d), len);
  if (kgr_doc_issuer(d))
    SPAN_OK(kgr_doc_issuer(d)->span, len);
  for (size_t i = 0; i < kgr_doc_addressee_count(d); i++)
    SPAN_OK(kgr_doc_addressee(d, i)->span, len);
  for (size_t i = 0; i < kgr_doc_demand_count(d); i++)
    SPAN_OK(kgr_doc_demand(d, i)->span, len);
  for (size_t i = 0; i < kgr_doc_signatory_count(d); i++)
    SPAN_OK(kgr_doc_signatory(d, i)->span, len);
  for (size_t i = 0; i < kgr_doc_event_count(d); i++) {
    const kgr_event *e = kgr_doc_event(d, i);
    SPAN_OK(e->span, len);
    if (e->date)
      SPAN_OK(e->date->span, len);
    for (size_t k = 0; k < e->place_count; k++)
      SPAN_OK(e->places[k].span, len);
    for (size_t k = 0; k < e->victim_count; k++)
      SPAN_OK(e->victims[k].span, len);
    for (size_t k = 0; k < e->figure_count; k++)
      SPAN_OK(e->figures[k].span, len);
  }
  for (size_t i = 0; i < kgr_doc_figure_count(d); i++)
    SPAN_OK(kgr_doc_figure(d, i)->span, len);
  for (size_t i = 0; i < kgr_doc_person_count(d); i++)
    SPAN_OK(kgr_doc_person(d, i)->span, len);
  for (size_t i = 0; i < kgr_doc_organization_count(d); i++)
    SPAN_OK(kgr_doc_organization(d, i)->span, len);
  for (size_t i = 0; i < kgr_doc_place_count(d); i++)
    SPAN_OK(kgr_doc_place(d, i)->span, len);
  for (size_t i = 0; i < kgr_doc_footnote_count(d); i++)
    SPAN_OK(kgr_doc_footnote(d, i)->span, len);
  for (size_t i = 0; i < kgr_doc_link_count(d); i++)
    SPAN_OK(kgr_doc_link(d, i)->span, len);
  for (size_t i = 0; i < kgr_doc_instrument_count(d); i++)
    SPAN_OK(kgr_doc_instrument(d, i)->span, len);
  for (size_t i = 0; i < kgr_doc_diagnostic_count(d); i++) {
    const kgr_diagnostic *x = kgr_doc_diagnostic(d, i);
    SPAN_OK(x->span, len);
    assert_non_null(x->code.ptr);
    assert_non_null(x->message.ptr);
  }
  size_t prev_end = 0;
  for (size_t i = 0; i < kgr_doc_section_count(d); i++) {
    kgr_span sp = kgr_doc_section(d, i)->span;
    SPAN_OK(sp, len);
    if (sp.start < prev_end)
      fail_msg("section %zu [%zu, %zu) overlaps the one before (ends %zu)", i, sp.start,
               sp.end, prev_end);
    prev_end = sp.end;
  }
  size_t jlen = 0;
  kgr_free(f->json);
  f->json = kgr_doc_to_json(d, KGR_JSON_COMPACT, &jlen);
  assert_non_null(f->json);
  assert_int_equal(strlen(f->json), jlen);
  assert_int_equal(utf8_valid_prefix(f->json, jlen), jlen);
  kgr_free(f->json);
  f->json = NULL;
}

/* Nothing lost: every non-blank input byte lies in a section or in a
 * diagnostic's span. Linear: a difference array over the input. */
static void check_nothing_lost(const kgr_doc *d, const char *what) {
  size_t len = 0;
  const char *in = kgr_doc_input(d, &len);
  long *diff = calloc(len + 1, sizeof *diff);
  assert_non_null(diff);
  for (size_t i = 0; i < kgr_doc_section_count(d); i++) {
    kgr_span sp = kgr_doc_section(d, i)->span;
    if (sp.start < sp.end && sp.end <= len) {
      diff[sp.start]++;
      diff[sp.end]--;
    }
  }
  for (size_t i = 0; i < kgr_doc_diagnostic_count(d); i++) {
    kgr_span sp = kgr_doc_diagnostic(d, i)->span;
    if (sp.start < sp.end && sp.end <= len) {
      diff[sp.start]++;
      diff[sp.end]--;
    }
  }
  long depth = 0;
  size_t lost = 0, first = 0;
  for (size_t i = 0; i < len; i++) {
    depth += diff[i];
    if (depth == 0 && !is_space((unsigned char)in[i]) && lost++ == 0)
      first = i;
  }
  free(diff);
  if (lost) {
    char ctx[41] = {0};
    size_t n = len - first < 40 ? len - first : 40;
    memcpy(ctx, in + first, n);
    for (size_t i = 0; i < n; i++)
      if ((unsigned char)ctx[i] < 0x20)
        ctx[i] = ' ';
    fail_msg("%s: %zu non-blank bytes are in no section or diagnostic; the first at "
             "offset %zu: \"%s\"", what, lost, first, ctx);
  }
}

static size_t count_items(const kgr_doc *d) {
  return kgr_doc_addressee_count(d) + kgr_doc_demand_count(d) +
         kgr_doc_signatory_count(d) + kgr_doc_event_count(d) + kgr_doc_figure_count(d) +
         kgr_doc_person_count(d) + kgr_doc_organization_count(d) + kgr_doc_place_count(d) +
         kgr_doc_footnote_count(d) + kgr_doc_link_count(d) + kgr_doc_instrument_count(d) +
         kgr_doc_right_count(d) + kgr_doc_means_count(d) + (kgr_doc_issuer(d) != NULL) +
         (kgr_doc_title(d).ptr != NULL) + (kgr_doc_date(d).ptr != NULL);
}

static size_t count_severity(const kgr_doc *d, kgr_severity min) {
  size_t n = 0;
  for (size_t i = 0; i < kgr_doc_diagnostic_count(d); i++)
    n += kgr_doc_diagnostic(d, i)->severity >= min;
  return n;
}

/* A diagnostic (with this code, unless code is NULL) covering offset. */
static const kgr_diagnostic *diag_at(const kgr_doc *d, size_t offset, const char *code) {
  for (size_t i = 0; i < kgr_doc_diagnostic_count(d); i++) {
    const kgr_diagnostic *x = kgr_doc_diagnostic(d, i);
    if (x->span.start <= offset && offset < x->span.end &&
        (!code || kgr_test_str_eq(x->code, code)))
      return x;
  }
  return NULL;
}

static kgr_doc *parse_ok(fixture *f, const char *buf, size_t len) {
  kgr_error err;
  kgr_doc_free(f->doc);
  f->doc = kgr_parse(buf, len, KGR_PARSE_DEFAULT, NULL, &err);
  if (!f->doc)
    fail_msg("parse failed: %s (%s)", err.message, kgr_strerror(err.code));
  assert_int_equal(err.code, KGR_OK);
  return f->doc;
}

/* Parse, time and check a generated input. */
static void stress(fixture *f, const char *what, const char *buf, size_t len) {
  double t0 = now();
  parse_ok(f, buf, len);
  double t1 = now();
  printf("# %s: %.1f MB in %.2f s\n", what, (double)len / 1e6, t1 - t0);
  check_contract(f);
  check_nothing_lost(f->doc, what);
}

/* A fixed-seed generator, so that failures reproduce. */
static uint64_t xorshift(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

/* Repeat `unit` until `total` bytes (the last copy cut short). */
static char *repeat(const char *unit, size_t total) {
  size_t u = strlen(unit);
  char *buf = malloc(total + 1);
  assert_non_null(buf);
  for (size_t i = 0; i < total; i += u)
    memcpy(buf + i, unit, total - i < u ? total - i : u);
  buf[total] = '\0';
  return buf;
}

/* ---- empty and blank input ------------------------------------------------------- */

static void test_empty(void **state) {
  fixture *f = *state;
  const char *inputs[] = {"", NULL};
  for (int i = 0; i < 2; i++) {
    kgr_doc *d = parse_ok(f, inputs[i], 0);
    assert_int_equal(count_items(d), 0);
    assert_int_equal(count_severity(d, KGR_SEVERITY_ERROR), 0);
    assert_int_equal(kgr_doc_kind(d), KGR_KIND_UNKNOWN);
    assert_int_equal(kgr_doc_date_source(d), KGR_DATE_SOURCE_NONE);
    check_contract(f);
  }
}

static void test_whitespace_only(void **state) {
  fixture *f = *state;
  static const char in[] = " \t\r\n\n\f \v\n   \r\n\t";
  kgr_doc *d = parse_ok(f, in, sizeof in - 1);
  assert_int_equal(count_items(d), 0);
  assert_int_equal(count_severity(d, KGR_SEVERITY_ERROR), 0);
  assert_null(kgr_doc_title(d).ptr);
  check_contract(f);
}

/* ---- bytes that are not text ------------------------------------------------------ */

static void test_invalid_utf8_middle(void **state) {
  fixture *f = *state;
  static const char in[] =
      "Report on the prot\xFF" "ests in Kyrgyzstan\n"
      "\n"
      "12 October 2020\n"
      "\n"
      "Police dispersed the crowd in Bishkek.\xC3 Water cannon was used on 5 October.\n"
      "\n"
      "On 6 October police detained 3 protesters in Osh.[1]\n"
      "\n"
      "Notes\n"
      "[1] https://example.org/2020/10/osh-detentions\n";
  const char *bad1 = strchr(in, '\xFF'), *bad2 = strchr(in, '\xC3');
  size_t o1 = (size_t)(bad1 - in), o2 = (size_t)(bad2 - in);
  kgr_doc *d = parse_ok(f, in, sizeof in - 1);
  check_contract(f);
  check_nothing_lost(d, "invalid UTF-8");
  const size_t offs[] = {o1, o2};
  for (int i = 0; i < 2; i++) {
    const kgr_diagnostic *x = diag_at(d, offs[i], "invalid-utf8");
    if (!x)
      fail_msg("no invalid-utf8 diagnostic at offset %zu", offs[i]);
    assert_int_equal(x->span.start, offs[i]);
    assert_int_equal(x->span.end, offs[i] + 1);
    assert_true(x->severity >= KGR_SEVERITY_WARNING);
  }
  /* the text after each bad byte is still read */
  assert_true(kgr_test_str_eq(kgr_doc_date(d), "2020-10-12"));
  assert_int_equal(kgr_doc_footnote_count(d), 1);
  const kgr_footnote *fn = kgr_doc_footnote(d, 0);
  assert_int_equal(fn->number, 1);
  assert_int_equal(fn->url_count, 1);
  assert_true(kgr_test_str_eq(fn->urls[0], "https://example.org/2020/10/osh-detentions"));
}

static void test_invalid_utf8_kinds(void **state) {
  fixture *f = *state;
  /* a run of bad bytes, an overlong, a surrogate, a lone continuation and a
   * sequence cut off by the end of the input */
  static const char in[] = "Run \xFF\xFE\xFD here. Overlong \xC0\xAF. Surrogate \xED\xA0\x80. "
                           "Lone \x80 byte. Cut \xE2\x82";
  size_t len = sizeof in - 1;
  size_t bad = 0;
  kgr_doc *d = parse_ok(f, in, len);
  check_contract(f);
  check_nothing_lost(d, "kinds of invalid UTF-8");
  for (size_t i = 0; i < len;) {
    size_t ok = utf8_valid_prefix(in + i, len - i);
    i += ok;
    if (i >= len)
      break;
    if (!diag_at(d, i, "invalid-utf8"))
      fail_msg("invalid byte at offset %zu has no invalid-utf8 diagnostic", i);
    bad++;
    i++;
  }
  assert_true(bad >= 8);
  /* and no invalid-utf8 diagnostic starts on a good character */
  for (size_t i = 0; i < kgr_doc_diagnostic_count(d); i++) {
    const kgr_diagnostic *x = kgr_doc_diagnostic(d, i);
    if (kgr_test_str_eq(x->code, "invalid-utf8"))
      assert_true(utf8_valid_prefix(in + x->span.start, len - x->span.start) == 0);
  }
}

static void test_nul_bytes(void **state) {
  fixture *f = *state;
  static const char in[] = "A title\n\nSome\0text with a NUL.\n\nMore text \0\0 here.[1]\n\n"
                           "[1] https://example.org/nul\n";
  size_t len = sizeof in - 1;
  kgr_doc *d = parse_ok(f, in, len);
  check_contract(f);
  check_nothing_lost(d, "NUL bytes");
  size_t nuls = 0;
  for (size_t i = 0; i < len; i++) {
    if (in[i] != '\0')
      continue;
    nuls++;
    if (!diag_at(d, i, NULL))
      fail_msg("NUL byte at offset %zu has no diagnostic", i);
  }
  assert_int_equal(nuls, 3);
  assert_true(count_severity(d, KGR_SEVERITY_WARNING) >= 1);
  /* other control characters: no crash, contract holds */
  static const char ctl[] = "Esc\x1b[31m red \x1b[0m bell\x07 back\x08space\x7f del\n";
  parse_ok(f, ctl, sizeof ctl - 1);
  check_contract(f);
  check_nothing_lost(f->doc, "control characters");
}

static void test_binary_junk(void **state) {
  fixture *f = *state;
  enum { N = 1 << 20 };
  f->buf = malloc(N);
  uint64_t seed = 0x9E3779B97F4A7C15u;
  for (size_t i = 0; i < N; i += 8) {
    uint64_t r = xorshift(&seed);
    memcpy(f->buf + i, &r, 8);
  }
  stress(f, "1 MB of random bytes", f->buf, N);
  assert_true(count_severity(f->doc, KGR_SEVERITY_WARNING) >= 1);
  /* strict mode refuses it */
  kgr_error err;
  assert_null(kgr_parse(f->buf, N, KGR_PARSE_STRICT, NULL, &err));
  assert_true(err.code == KGR_EUTF8 || err.code == KGR_ESYNTAX);
  /* junk after a real beginning */
  static const char head[] = "Kyrgyzstan: a statement\n\n9 October 2020\n\n";
  memcpy(f->buf, head, sizeof head - 1);
  stress(f, "text then random bytes", f->buf, N);
}

/* ---- size and repetition (linear time) ------------------------------------------- */

static void test_huge_single_line(void **state) {
  fixture *f = *state;
  /* 100 MB of words with no newline and no full stop: one enormous line,
   * one enormous sentence. */
  f->buf = repeat("Several people walked along Main Street while police waited near "
                  "the square in the capital and Officials watched ",
                  (size_t)100 * 1000 * 1000);
  stress(f, "100 MB single line", f->buf, (size_t)100 * 1000 * 1000);
}

static void test_many_bullets(void **state) {
  fixture *f = *state;
  enum { N = 100000 };
  size_t cap = (size_t)N * 64, len = 0;
  f->buf = malloc(cap);
  len += (size_t)sprintf(f->buf, "We call on the authorities to:\n\n");
  for (int i = 0; i < N; i++)
    len += (size_t)sprintf(f->buf + len, "\xE2\x80\xA2 release detainee number %d at once;\n", i);
  stress(f, "100,000 bullet lines", f->buf, len);
}

static void test_million_digits(void **state) {
  fixture *f = *state;
  enum { N = 1000000 };
  f->buf = repeat("1234567890", N);
  stress(f, "1,000,000 digits", f->buf, N);
  /* numbers too large for any integer type, in a figure's place */
  static const char in[] = "Over 99999999999999999999999999 people were injured and "
                           "18446744073709551617 detained on 5 October 2020. "
                           "9223372036854775808 protesters were killed.";
  parse_ok(f, in, sizeof in - 1);
  check_contract(f);
  for (size_t i = 0; i < kgr_doc_figure_count(f->doc); i++)
    assert_true(kgr_doc_figure(f->doc, i)->value >= 0);
}

static void test_many_markers(void **state) {
  fixture *f = *state;
  enum { N = 50000 };
  static const char tail[] = "\n\nNotes\n[1] https://example.org/2020/10/marker-note\n";
  size_t len = 0;
  f->buf = malloc((size_t)N * 16 + sizeof tail);
  len += (size_t)sprintf(f->buf, "Cited text");
  for (int i = 0; i < N; i++)
    len += (size_t)sprintf(f->buf + len, " claim[1]");
  memcpy(f->buf + len, tail, sizeof tail);
  len += sizeof tail - 1;
  stress(f, "50,000 [1] markers", f->buf, len);
  assert_true(kgr_doc_footnote_count(f->doc) >= 1);
  const kgr_footnote *fn = kgr_doc_footnote(f->doc, kgr_doc_footnote_count(f->doc) - 1);
  assert_int_equal(fn->number, 1);
  assert_true(fn->url_count == 1 &&
              kgr_test_str_eq(fn->urls[0], "https://example.org/2020/10/marker-note"));
}

static void test_repeated_sentence(void **state) {
  fixture *f = *state;
  static const char unit[] = "On 5 October police detained 3 protesters. ";
  enum { N = 100000 };
  f->buf = repeat(unit, (size_t)N * (sizeof unit - 1));
  stress(f, "100,000 detention sentences", f->buf, (size_t)N * (sizeof unit - 1));
  assert_true(kgr_doc_event_count(f->doc) <= N);
}

static void test_deep_nesting(void **state) {
  fixture *f = *state;
  enum { N = 200000 };
  size_t len = 0;
  f->buf = malloc((size_t)N * 30);
  /* (((...))) */
  memset(f->buf, '(', N);
  memset(f->buf + N, ')', N);
  len = 2 * (size_t)N;
  stress(f, "nested parentheses", f->buf, len);
  /* [[[...x...]]] and unclosed link openers */
  memset(f->buf, '[', N);
  f->buf[N] = 'x';
  memset(f->buf + N + 1, ']', N);
  len = 2 * (size_t)N + 1;
  stress(f, "nested brackets", f->buf, len);
  len = 0;
  for (int i = 0; i < N / 10; i++)
    len += (size_t)sprintf(f->buf + len, "[a](");
  stress(f, "unclosed links", f->buf, len);
  /* [[[x](y)](z)](w)... links inside link anchors */
  len = 0;
  for (int i = 0; i < N / 10; i++)
    f->buf[len++] = '[';
  f->buf[len++] = 'x';
  for (int i = 0; i < N / 10; i++)
    len += (size_t)sprintf(f->buf + len, "](u%d)", i % 10);
  stress(f, "links in link anchors", f->buf, len);
  /* quotes of every kind, unbalanced */
  len = 0;
  for (int i = 0; i < N / 10; i++)
    len += (size_t)sprintf(f->buf + len, "\"\xC2\xAB\xE2\x80\x9C'(");
  stress(f, "unbalanced quotes", f->buf, len);
  /* one footnote marker after another, and notes that never end */
  len = 0;
  for (int i = 0; i < N / 10; i++)
    len += (size_t)sprintf(f->buf + len, "[%d]", i);
  f->buf[len++] = '\n';
  for (int i = 0; i < N / 10; i++)
    len += (size_t)sprintf(f->buf + len, "[%d] https://x/%d\n", i, i);
  stress(f, "markers and notes", f->buf, len);
}

/* ---- out of memory at every allocation ---------------------------------------------- */

typedef struct oom {
  size_t calls;   /* allocator calls so far */
  size_t fail_at; /* the call that fails (1-based); 0 never */
  size_t allocs, frees;
} oom;

static void *oom_malloc(void *ctx, size_t n) {
  oom *o = ctx;
  if (++o->calls == o->fail_at)
    return NULL;
  void *p = malloc(n);
  if (p)
    o->allocs++;
  return p;
}

static void *oom_realloc(void *ctx, void *ptr, size_t old, size_t n) {
  (void)old;
  oom *o = ctx;
  if (++o->calls == o->fail_at)
    return NULL;
  void *p = realloc(ptr, n);
  if (p && !ptr)
    o->allocs++;
  return p;
}

static void oom_free(void *ctx, void *ptr) {
  oom *o = ctx;
  if (ptr)
    o->frees++;
  free(ptr);
}

/* Fail each allocation of a parse in turn; each failure must be clean. */
static void check_oom(fixture *f, const char *path) {
  size_t len = 0;
  free(f->buf);
  f->buf = kgr_test_read_file(path, &len);
  if (!f->buf)
    fail_msg("cannot read %s", path);
  char *want = NULL;
  {
    kgr_doc *d = kgr_parse(f->buf, len, 0, NULL, NULL);
    assert_non_null(d);
    want = kgr_doc_to_json(d, 0, NULL);
    kgr_doc_free(d);
  }
  oom counted = {0};
  kgr_alloc alc = {oom_malloc, oom_realloc, oom_free, &counted};
  kgr_doc *d = kgr_parse(f->buf, len, 0, &alc, NULL);
  assert_non_null(d);
  kgr_doc_free(d);
  size_t needed = counted.calls;
  assert_true(needed > 0);
  assert_int_equal(counted.frees, counted.allocs);

  size_t k;
  for (k = 1; k <= needed + 1; k++) {
    oom o = {0};
    o.fail_at = k;
    alc.ctx = &o;
    kgr_error err;
    err.code = KGR_OK;
    d = kgr_parse(f->buf, len, 0, &alc, k == 1 ? NULL : &err);
    if (d) {
      char *got = kgr_doc_to_json(d, 0, NULL);
      kgr_doc_free(d);
      assert_int_equal(o.frees, o.allocs);
      assert_string_equal(got, want);
      kgr_free(got);
      break;
    }
    if (k > 1 && err.code != KGR_ENOMEM)
      fail_msg("%s: allocation %zu failed: status %s, want out of memory", path, k,
               kgr_strerror(err.code));
    if (o.frees != o.allocs)
      fail_msg("%s: allocation %zu failed: %zu allocations, %zu frees", path, k, o.allocs,
               o.frees);
  }
  /* the first parse to succeed is the one whose failing call never came */
  assert_int_equal(k, needed + 1);
  printf("# %s: %zu allocations, each failed in turn\n", strrchr(path, '/') + 1, needed);
  kgr_free(want);
}

static void test_oom_samples(void **state) {
  fixture *f = *state;
  char names[64][256];
  size_t n = kgr_test_list_txt(KGR_DATA_DIR, names, 64);
  assert_true(n >= 4);
  for (size_t i = 0; i < n; i++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", KGR_DATA_DIR, names[i]);
    check_oom(f, path);
  }
}

/* ---- nothing lost in real documents ------------------------------------------------- */

static void check_dir_nothing_lost(fixture *f, const char *dir, size_t *count) {
  char names[64][256];
  size_t n = kgr_test_list_txt(dir, names, 64);
  for (size_t i = 0; i < n; i++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    kgr_error err;
    kgr_doc_free(f->doc);
    f->doc = kgr_parse_file(path, NULL, &err);
    if (!f->doc)
      fail_msg("%s: %s", path, err.message);
    check_contract(f);
    check_nothing_lost(f->doc, names[i]);
    assert_int_equal(count_severity(f->doc, KGR_SEVERITY_ERROR), 0);
  }
  *count = n;
}

static void test_nothing_lost_samples(void **state) {
  size_t n;
  check_dir_nothing_lost(*state, KGR_DATA_DIR, &n);
  assert_true(n >= 4);
}

static void test_nothing_lost_seeds(void **state) {
  DIR *d = opendir(KGR_SEEDS_DIR);
  if (!d) {
    printf("# seeds folder %s is absent: seed test skipped\n", KGR_SEEDS_DIR);
    skip();
  }
  closedir(d);
  size_t n;
  check_dir_nothing_lost(*state, KGR_SEEDS_DIR, &n);
  assert_true(n >= 1);
}

static void test_oom_seeds(void **state) {
  fixture *f = *state;
  char names[64][256];
  size_t n = kgr_test_list_txt(KGR_SEEDS_DIR, names, 64);
  if (n == 0) {
    printf("# no seeds in %s: seed test skipped\n", KGR_SEEDS_DIR);
    skip();
  }
  for (size_t i = 0; i < n; i++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", KGR_SEEDS_DIR, names[i]);
    check_oom(f, path);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_empty),
      KGR_TEST(test_whitespace_only),
      KGR_TEST(test_invalid_utf8_middle),
      KGR_TEST(test_invalid_utf8_kinds),
      KGR_TEST(test_nul_bytes),
      KGR_TEST(test_binary_junk),
      KGR_TEST(test_huge_single_line),
      KGR_TEST(test_many_bullets),
      KGR_TEST(test_million_digits),
      KGR_TEST(test_many_markers),
      KGR_TEST(test_repeated_sentence),
      KGR_TEST(test_deep_nesting),
      KGR_TEST(test_oom_samples),
      KGR_TEST(test_oom_seeds),
      KGR_TEST(test_nothing_lost_samples),
      KGR_TEST(test_nothing_lost_seeds),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
