/*
 * test_api.c - the public API as a user sees it (links the shared library):
 * version, errors, argument checks, accessors, allocator, JSON output, the
 * record's source block, and facts that any correct parser finds in the
 * bundled samples (examples/data).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kgrights/kgrights.h>

#include "kgr_test.h"

/* ---- fixture: what a test holds is released even when it fails -------- */

/* ---- helpers ----------------------------------------------------------- */

/* Parse a sample from examples/data into the fixture. */
static kgr_doc *parse_sample(fixture *f, const char *name) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", KGR_DATA_DIR, name);
  kgr_error err;
  f->doc = kgr_parse_file(path, NULL, &err);
  if (!f->doc)
    fail_msg("%s: %s", path, err.message);
  return f->doc;
}

/* The input bytes under a span, as a printable copy (for messages). */
static const char *span_text(const kgr_doc *doc, kgr_span sp) {
  static char out[256];
  size_t len = 0;
  const char *in = kgr_doc_input(doc, &len);
  if (sp.start > sp.end || sp.end > len)
    return "<span out of range>";
  size_t n = sp.end - sp.start;
  if (n >= sizeof out)
    n = sizeof out - 1;
  memcpy(out, in + sp.start, n);
  out[n] = '\0';
  return out;
}

/* Does the input under `sp` contain `needle` once whitespace and soft line
 * breaks ("-\n") are ignored on both sides? */
static bool span_holds(const kgr_doc *doc, kgr_span sp, const char *needle) {
  size_t len = 0;
  const char *in = kgr_doc_input(doc, &len);
  if (sp.start >= sp.end || sp.end > len)
    return false;
  char *a = malloc(sp.end - sp.start + 1), *b = malloc(strlen(needle) + 1);
  size_t na = 0, nb = 0;
  for (size_t i = sp.start; i < sp.end; i++)
    if (!strchr(" \t\r\n\f\v-", in[i]))
      a[na++] = in[i];
  for (const char *p = needle; *p; p++)
    if (!strchr(" \t\r\n\f\v-", *p))
      b[nb++] = *p;
  a[na] = b[nb] = '\0';
  bool ok = strstr(a, b) != NULL;
  free(a);
  free(b);
  return ok;
}

/* ---- version and errors ------------------------------------------------- */

static void test_version(void **state) {
  (void)state;
  assert_int_equal(kgr_version(), KGR_VERSION);
  assert_int_equal(KGR_VERSION, (KGR_VERSION_MAJOR << 16) | (KGR_VERSION_MINOR << 8) |
                                    KGR_VERSION_PATCH);
  assert_string_equal(kgr_version_string(), KGR_VERSION_STRING);
  char want[64];
  snprintf(want, sizeof want, "%d.%d.%d", KGR_VERSION_MAJOR, KGR_VERSION_MINOR,
           KGR_VERSION_PATCH);
  assert_string_equal(kgr_version_string(), want);
}

static void test_strerror(void **state) {
  (void)state;
  const kgr_status all[] = {KGR_OK,   KGR_EINVAL,  KGR_ENOMEM, KGR_EIO,
                            KGR_EUTF8, KGR_ESYNTAX, KGR_ELIMIT};
  const size_t n = sizeof all / sizeof *all;
  for (size_t i = 0; i < n; i++) {
    const char *s = kgr_strerror(all[i]);
    assert_non_null(s);
    assert_true(strlen(s) > 0);
    assert_string_equal(kgr_status_str(all[i]), s);
    assert_string_not_equal(s, "unknown status");
    for (size_t k = 0; k < i; k++) /* each status says something different */
      assert_string_not_equal(kgr_strerror(all[k]), s);
  }
  assert_string_equal(kgr_strerror(KGR_ENOMEM), "out of memory");
  assert_string_equal(kgr_strerror((kgr_status)99), "unknown status");
  assert_string_equal(kgr_strerror((kgr_status)-1), "unknown status");
}

/* ---- argument checks ---------------------------------------------------- */

static void test_inval(void **state) {
  fixture *f = *state;
  kgr_error err;

  /* NULL buffer with a length */
  err.code = KGR_OK;
  assert_null(kgr_parse(NULL, 5, KGR_PARSE_DEFAULT, NULL, &err));
  assert_int_equal(err.code, KGR_EINVAL);
  assert_true(strlen(err.message) > 0);
  assert_null(kgr_parse(NULL, 5, KGR_PARSE_DEFAULT, NULL, NULL));

  /* unknown flag bits, alone and with a known one */
  assert_null(kgr_parse("x", 1, 1u << 7, NULL, &err));
  assert_int_equal(err.code, KGR_EINVAL);
  assert_null(kgr_parse("x", 1, KGR_PARSE_STRICT | (1u << 31), NULL, &err));
  assert_int_equal(err.code, KGR_EINVAL);
  assert_null(kgr_parse("x", 1, ~KGR_PARSE_ALL, NULL, NULL));

  /* reference dates that are not calendar days */
  const char *bad_dates[] = {"2020-02-30", "2021-02-29", "2020-13-01", "2020-00-10",
                             "2020-1-5",   "20201005",   "2020-10-05x", "",
                             "October 5", "1900-02-29"};
  for (size_t i = 0; i < sizeof bad_dates / sizeof *bad_dates; i++) {
    kgr_options o = {0};
    o.reference_date = bad_dates[i];
    err.code = KGR_OK;
    kgr_doc *d = kgr_parse_opts("text", 4, &o, &err);
    if (d) {
      kgr_doc_free(d);
      fail_msg("reference date \"%s\" was accepted", bad_dates[i]);
    }
    assert_int_equal(err.code, KGR_EINVAL);
    assert_null(kgr_parse_opts("text", 4, &o, NULL));
  }
  /* a leap day is a real day; so is the last day of a 31-day month */
  kgr_options leap = {0};
  leap.reference_date = "2020-02-29";
  f->doc = kgr_parse_opts("text", 4, &leap, &err);
  assert_non_null(f->doc);
  assert_int_equal(err.code, KGR_OK);
  kgr_doc_free(f->doc);
  leap.reference_date = "2000-12-31";
  f->doc = kgr_parse_opts("text", 4, &leap, &err);
  assert_non_null(f->doc);

  /* success resets a stale error */
  err.code = KGR_EIO;
  kgr_doc_free(f->doc);
  f->doc = kgr_parse(NULL, 0, KGR_PARSE_DEFAULT, NULL, &err);
  assert_non_null(f->doc); /* NULL is allowed when len is 0 */
  assert_int_equal(err.code, KGR_OK);
  kgr_doc_free(f->doc);
  f->doc = kgr_parse_opts("text", 4, NULL, NULL); /* NULL options: defaults */
  assert_non_null(f->doc);

  /* NULL path */
  assert_null(kgr_parse_file(NULL, NULL, &err));
  assert_int_equal(err.code, KGR_EINVAL);

  /* writers */
  assert_int_equal(kgr_doc_write_json(NULL, 0, NULL, NULL), KGR_EINVAL);
  assert_int_equal(kgr_doc_write_json(f->doc, 0, NULL, NULL), KGR_EINVAL);
  assert_int_equal(kgr_doc_write_json_file(f->doc, 0, NULL), KGR_EINVAL);
  assert_int_equal(kgr_doc_write_json_file(NULL, 0, stderr), KGR_EINVAL);
  assert_null(kgr_doc_to_json(NULL, 0, NULL));
  size_t len = 42;
  assert_null(kgr_doc_to_json(f->doc, 1u << 9, &len)); /* unknown JSON flag */
  assert_null(kgr_doc_to_json(f->doc, ~KGR_JSON_ALL, NULL));

  /* _free(NULL) does nothing */
  kgr_doc_free(NULL);
  kgr_free(NULL);
}

/* Every accessor: NULL document gives the empty value; an index past the
 * end gives NULL (or the "other" value). */
static void test_accessors_empty(void **state) {
  fixture *f = *state;
  size_t len = 99;
  assert_null(kgr_doc_input(NULL, &len));
  assert_int_equal(len, 0);
  assert_null(kgr_doc_input(NULL, NULL));
  assert_null(kgr_doc_name(NULL).ptr);
  assert_null(kgr_doc_sha256(NULL).ptr);
  assert_int_equal(kgr_doc_kind(NULL), KGR_KIND_UNKNOWN);
  assert_null(kgr_doc_title(NULL).ptr);
  assert_int_equal(kgr_doc_title_span(NULL).start, 0);
  assert_int_equal(kgr_doc_title_span(NULL).end, 0);
  assert_null(kgr_doc_date(NULL).ptr);
  assert_int_equal(kgr_doc_date_source(NULL), KGR_DATE_SOURCE_NONE);
  assert_null(kgr_doc_country(NULL).ptr);
  assert_null(kgr_doc_issuer(NULL));
  size_t line = 7, col = 7;
  assert_false(kgr_doc_locate(NULL, 0, &line, &col));

  f->doc = parse_sample(f, "report-bracket-footnotes.txt");
  const kgr_doc *docs[] = {NULL, f->doc};
  for (int k = 0; k < 2; k++) {
    const kgr_doc *d = docs[k];
    const size_t far = (size_t)-1;
#define CHECK_LIST(name)                                        \
    do {                                                        \
      size_t n = kgr_doc_##name##_count(d);                     \
      if (!d)                                                   \
        assert_int_equal(n, 0);                                 \
      assert_null(kgr_doc_##name(d, n));                        \
      assert_null(kgr_doc_##name(d, n + 1000));                 \
      assert_null(kgr_doc_##name(d, far));                      \
      for (size_t i = 0; i < n; i++)                            \
        assert_non_null(kgr_doc_##name(d, i));                  \
    } while (0)
    CHECK_LIST(addressee);
    CHECK_LIST(demand);
    CHECK_LIST(signatory);
    CHECK_LIST(event);
    CHECK_LIST(figure);
    CHECK_LIST(person);
    CHECK_LIST(organization);
    CHECK_LIST(place);
    CHECK_LIST(footnote);
    CHECK_LIST(link);
    CHECK_LIST(instrument);
    CHECK_LIST(section);
    CHECK_LIST(diagnostic);
#undef CHECK_LIST
    assert_int_equal(kgr_doc_right(d, kgr_doc_right_count(d)), KGR_RIGHT_OTHER);
    assert_int_equal(kgr_doc_right(d, far), KGR_RIGHT_OTHER);
    assert_int_equal(kgr_doc_means(d, kgr_doc_means_count(d)), KGR_MEANS_OTHER);
    assert_int_equal(kgr_doc_means(d, far), KGR_MEANS_OTHER);
    if (!d) {
      assert_int_equal(kgr_doc_right_count(d), 0);
      assert_int_equal(kgr_doc_means_count(d), 0);
    }
  }
}

/* ---- files, limits, strict mode ---------------------------------------- */

static void test_parse_file_missing(void **state) {
  (void)state;
  const char *path = KGR_TESTS_DIR "/no-such-dir/missing-document.txt";
  kgr_error err;
  assert_null(kgr_parse_file(path, NULL, &err));
  assert_int_equal(err.code, KGR_EIO);
  assert_non_null(strstr(err.message, "missing-document.txt"));
  assert_non_null(strstr(err.message, path));
  assert_null(kgr_parse_file(path, NULL, NULL));
}

static void test_limit(void **state) {
  fixture *f = *state;
  kgr_error err;
  kgr_options o = {0};
  o.max_input = 10;
  assert_null(kgr_parse_opts("eleven byte", 11, &o, &err));
  assert_int_equal(err.code, KGR_ELIMIT);
  assert_non_null(strstr(err.message, "10"));
  f->doc = kgr_parse_opts("ten bytes!", 10, &o, &err); /* exactly the limit */
  assert_non_null(f->doc);
  assert_int_equal(err.code, KGR_OK);

  /* the same limit through a file */
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", KGR_DATA_DIR, "appeal-bulleted.txt");
  o.max_input = 100;
  assert_null(kgr_parse_file(path, &o, &err));
  assert_int_equal(err.code, KGR_ELIMIT);
  o.max_input = 1 << 20;
  kgr_doc *d = kgr_parse_file(path, &o, &err);
  assert_non_null(d);
  kgr_doc_free(d);
}

static void test_strict_utf8(void **state) {
  fixture *f = *state;
  kgr_error err;
  static const char in1[] = "Line one\nBad \xC3( here";
  /*                                       ^ offset 13, line 2, column 5 */
  assert_null(kgr_parse(in1, sizeof in1 - 1, KGR_PARSE_STRICT, NULL, &err));
  assert_int_equal(err.code, KGR_EUTF8);
  assert_int_equal(err.offset, 13);
  assert_int_equal(err.line, 2);
  assert_int_equal(err.column, 5);

  /* Columns count code points: the six Cyrillic letters are 12 bytes. */
  static const char in2[] = "Kyrgyzstan\n\n"
                            "\xD0\x91\xD0\xB8\xD1\x88\xD0\xBA\xD0\xB5\xD0\xBA \xFF!";
  /*                         Б       и       ш       к       е       к        ^ offset 25, line 3, column 8 */
  assert_null(kgr_parse(in2, sizeof in2 - 1, KGR_PARSE_STRICT, NULL, &err));
  assert_int_equal(err.code, KGR_EUTF8);
  assert_int_equal(err.offset, 25);
  assert_int_equal(err.line, 3);
  assert_int_equal(err.column, 8);

  /* A sequence cut short by the end of the input. */
  static const char in3[] = "ok \xE2\x82";
  /*                            ^ offset 3, line 1, column 4 */
  assert_null(kgr_parse(in3, sizeof in3 - 1, KGR_PARSE_STRICT, NULL, &err));
  assert_int_equal(err.code, KGR_EUTF8);
  assert_int_equal(err.offset, 3);
  assert_int_equal(err.line, 1);
  assert_int_equal(err.column, 4);

  /* Surrogates and overlongs are not UTF-8 either. */
  assert_null(kgr_parse("a\xED\xA0\x80", 4, KGR_PARSE_STRICT, NULL, &err));
  assert_int_equal(err.code, KGR_EUTF8);
  assert_int_equal(err.offset, 1);
  assert_null(kgr_parse("\xC0\xAF", 2, KGR_PARSE_STRICT, NULL, &err));
  assert_int_equal(err.code, KGR_EUTF8);
  assert_int_equal(err.offset, 0);
  assert_int_equal(err.line, 1);
  assert_int_equal(err.column, 1);

  /* Valid UTF-8 passes strict mode; the lenient default accepts the bad one. */
  f->doc = kgr_parse(in2, 25, KGR_PARSE_STRICT, NULL, &err); /* before the bad byte */
  assert_non_null(f->doc);
  assert_int_equal(err.code, KGR_OK);
  kgr_doc_free(f->doc);
  f->doc = kgr_parse(in1, sizeof in1 - 1, KGR_PARSE_DEFAULT, NULL, &err);
  assert_non_null(f->doc);
  assert_int_equal(err.code, KGR_OK);
}

/* ---- allocator ------------------------------------------------------------ */

typedef struct counter {
  size_t allocs, frees, reallocs, live;
} counter;

/* A 16-byte header keeps the size and preserves malloc's alignment. */
enum { HDR = 16 };

static void *count_malloc(void *ctx, size_t n) {
  counter *c = ctx;
  char *p = malloc(n + HDR);
  if (!p)
    return NULL;
  memcpy(p, &n, sizeof n);
  c->allocs++;
  c->live += n;
  return p + HDR;
}

static void *count_realloc(void *ctx, void *ptr, size_t old, size_t n) {
  counter *c = ctx;
  if (!ptr)
    return count_malloc(ctx, n);
  char *base = (char *)ptr - HDR;
  size_t had;
  memcpy(&had, base, sizeof had);
  assert_int_equal(had, old); /* the library passes the true old size */
  char *p = realloc(base, n + HDR);
  if (!p)
    return NULL;
  memcpy(p, &n, sizeof n);
  c->reallocs++;
  c->live = c->live - old + n;
  return p + HDR;
}

static void count_free(void *ctx, void *ptr) {
  counter *c = ctx;
  if (!ptr)
    return;
  char *base = (char *)ptr - HDR;
  size_t n;
  memcpy(&n, base, sizeof n);
  c->frees++;
  c->live -= n;
  free(base);
}

static void test_custom_allocator(void **state) {
  fixture *f = *state;
  counter c = {0};
  kgr_alloc alc = {count_malloc, count_realloc, count_free, &c};
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", KGR_DATA_DIR, "report-hard-wrapped.txt");
  size_t len = 0;
  f->buf = kgr_test_read_file(path, &len);
  assert_non_null(f->buf);

  kgr_error err;
  f->doc = kgr_parse(f->buf, len, KGR_PARSE_DEFAULT, &alc, &err);
  assert_non_null(f->doc);
  assert_true(c.allocs > 0);
  assert_true(c.live > len); /* the input copy lives in the allocator's memory */
  kgr_doc_free(f->doc);
  f->doc = NULL;
  assert_int_equal(c.frees, c.allocs);
  assert_int_equal(c.live, 0);

  /* The same through kgr_parse_opts and kgr_parse_file. */
  counter c2 = {0};
  kgr_alloc alc2 = {count_malloc, count_realloc, count_free, &c2};
  kgr_options o = {0};
  o.alloc = &alc2;
  f->doc = kgr_parse_file(path, &o, &err);
  assert_non_null(f->doc);
  assert_true(c2.allocs > 0);
  kgr_doc_free(f->doc);
  f->doc = NULL;
  assert_int_equal(c2.frees, c2.allocs);
  assert_int_equal(c2.live, 0);
}

/* ---- JSON ----------------------------------------------------------------- */

typedef struct sink {
  char *data;
  size_t len, cap;
  size_t calls;
  size_t fail_after; /* fail the call that would pass this many bytes; 0 never */
} sink;

static int sink_write(void *ctx, const char *data, size_t len) {
  sink *s = ctx;
  s->calls++;
  if (s->fail_after && s->len + len > s->fail_after)
    return 1;
  if (s->len + len + 1 > s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 4096;
    while (cap < s->len + len + 1)
      cap *= 2;
    char *p = realloc(s->data, cap);
    assert_non_null(p);
    s->data = p;
    s->cap = cap;
  }
  memcpy(s->data + s->len, data, len);
  s->len += len;
  s->data[s->len] = '\0';
  return 0;
}

static int sink_refuse(void *ctx, const char *data, size_t len) {
  (void)data;
  (void)len;
  ++*(size_t *)ctx;
  return -1;
}

static void test_to_json(void **state) {
  fixture *f = *state;
  parse_sample(f, "report-bracket-footnotes.txt");
  size_t len = 0;
  f->json = kgr_doc_to_json(f->doc, KGR_JSON_DEFAULT, &len);
  assert_non_null(f->json);
  assert_int_equal(len, strlen(f->json));
  assert_int_equal(f->json[0], '{');
  assert_int_equal(f->json[len - 1], '}');
  assert_non_null(strstr(f->json, "\n  \"schema\": \"kgrights.document/1\""));
  assert_non_null(strstr(f->json, "\"name\": \"report-bracket-footnotes.txt\""));

  /* Streaming gives the same bytes as the string. */
  sink s = {0};
  assert_int_equal(kgr_doc_write_json(f->doc, KGR_JSON_DEFAULT, sink_write, &s), KGR_OK);
  assert_int_equal(s.len, len);
  assert_memory_equal(s.data, f->json, len);
  free(s.data);

  /* Compact: one line, same content without the layout whitespace. */
  size_t clen = 0;
  char *compact = kgr_doc_to_json(f->doc, KGR_JSON_COMPACT, &clen);
  assert_non_null(compact);
  assert_null(strchr(compact, '\n'));
  assert_true(clen < len);
  assert_non_null(strstr(compact, "{\"schema\":\"kgrights.document/1\",\"source\":{"));
  kgr_free(compact);

  /* ASCII: no byte above 0x7F. The Russian sample needs escapes. */
  kgr_doc_free(f->doc);
  parse_sample(f, "appeal-russian-names.txt");
  char *ascii = kgr_doc_to_json(f->doc, KGR_JSON_ASCII | KGR_JSON_COMPACT, &clen);
  assert_non_null(ascii);
  for (size_t i = 0; i < clen; i++)
    assert_true((unsigned char)ascii[i] < 0x80);
  kgr_free(ascii);

  /* To a stdio stream: compact output ends with a newline (JSON Lines). */
  FILE *fp = tmpfile();
  assert_non_null(fp);
  assert_int_equal(kgr_doc_write_json_file(f->doc, KGR_JSON_COMPACT, fp), KGR_OK);
  assert_int_equal(kgr_doc_write_json_file(f->doc, KGR_JSON_COMPACT, fp), KGR_OK);
  long size = ftell(fp);
  char *want = kgr_doc_to_json(f->doc, KGR_JSON_COMPACT, &clen);
  assert_int_equal((size_t)size, 2 * (clen + 1));
  rewind(fp);
  char *got = malloc(clen + 1);
  assert_int_equal(fread(got, 1, clen + 1, fp), clen + 1);
  assert_memory_equal(got, want, clen);
  assert_int_equal(got[clen], '\n');
  free(got);
  kgr_free(want);
  fclose(fp);
}

static void test_write_json_failing_sink(void **state) {
  fixture *f = *state;
  parse_sample(f, "appeal-bulleted.txt");
  size_t calls = 0;
  assert_int_equal(kgr_doc_write_json(f->doc, 0, sink_refuse, &calls), KGR_EIO);
  assert_int_equal(calls, 1); /* no further writes once the sink stopped */

  /* A sink that fails part way, after some output went through. */
  sink s = {0};
  s.fail_after = 100;
  assert_int_equal(kgr_doc_write_json(f->doc, 0, sink_write, &s), KGR_EIO);
  assert_true(s.len <= 100);
  free(s.data);
}

/* ---- records ---------------------------------------------------------------- */

static void test_locate(void **state) {
  fixture *f = *state;
  static const char in[] = "ab\n\xC3\xA7" "d\n";
  /*                        a b \n ç    d \n
   *                        0 1 2  3..4 5 6 */
  f->doc = kgr_parse(in, sizeof in - 1, 0, NULL, NULL);
  assert_non_null(f->doc);
  struct { size_t off, line, col; } cases[] = {
      {0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 2}, {6, 2, 3}, {7, 3, 1}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    size_t line = 0, col = 0;
    assert_true(kgr_doc_locate(f->doc, cases[i].off, &line, &col));
    assert_int_equal(line, cases[i].line);
    assert_int_equal(col, cases[i].col);
  }
  assert_true(kgr_doc_locate(f->doc, 3, NULL, NULL));
  assert_false(kgr_doc_locate(f->doc, sizeof in, NULL, NULL)); /* past the end */
}

static void test_record_source(void **state) {
  fixture *f = *state;
  /* "abc" and "" have well-known digests (FIPS 180-2 examples). */
  char *heap = malloc(4);
  memcpy(heap, "abc", 4);
  kgr_options o = {0};
  o.name = "abc.txt";
  f->doc = kgr_parse_opts(heap, 3, &o, NULL);
  memset(heap, 'x', 3); /* the library keeps no pointer to the input */
  free(heap);
  assert_non_null(f->doc);
  assert_true(kgr_test_str_eq(kgr_doc_sha256(f->doc),
                              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  assert_true(kgr_test_str_eq(kgr_doc_name(f->doc), "abc.txt"));
  size_t len = 0;
  const char *in = kgr_doc_input(f->doc, &len);
  assert_int_equal(len, 3);
  assert_memory_equal(in, "abc", 3);
  f->json = kgr_doc_to_json(f->doc, KGR_JSON_COMPACT, NULL);
  assert_non_null(strstr(f->json, "\"source\":{\"name\":\"abc.txt\",\"bytes\":3,\"sha256\":"
                                  "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"}"));
  kgr_free(f->json);
  f->json = NULL;
  kgr_doc_free(f->doc);

  f->doc = kgr_parse("", 0, 0, NULL, NULL);
  assert_true(kgr_test_str_eq(kgr_doc_sha256(f->doc),
                              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  assert_null(kgr_doc_name(f->doc).ptr); /* no name given: null */
  f->json = kgr_doc_to_json(f->doc, KGR_JSON_COMPACT, NULL);
  assert_non_null(strstr(f->json, "\"source\":{\"name\":null,\"bytes\":0,"));
  kgr_free(f->json);
  f->json = NULL;
  kgr_doc_free(f->doc);

  /* A sample: the name is the file name, bytes the file size, the digest
   * 64 lowercase hex digits. */
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", KGR_DATA_DIR, "report-hard-wrapped.txt");
  size_t flen = 0;
  f->buf = kgr_test_read_file(path, &flen);
  assert_non_null(f->buf);
  parse_sample(f, "report-hard-wrapped.txt");
  assert_true(kgr_test_str_eq(kgr_doc_name(f->doc), "report-hard-wrapped.txt"));
  in = kgr_doc_input(f->doc, &len);
  assert_int_equal(len, flen);
  assert_memory_equal(in, f->buf, flen);
  kgr_str sha = kgr_doc_sha256(f->doc);
  assert_int_equal(sha.len, 64);
  for (size_t i = 0; i < 64; i++)
    assert_non_null(strchr("0123456789abcdef", sha.ptr[i]));
  f->json = kgr_doc_to_json(f->doc, KGR_JSON_COMPACT, NULL);
  char want[256];
  snprintf(want, sizeof want,
           "\"source\":{\"name\":\"report-hard-wrapped.txt\",\"bytes\":%zu,\"sha256\":\"%s\"}",
           flen, sha.ptr);
  assert_non_null(strstr(f->json, want));
}

/* ---- facts in the samples ----------------------------------------------
 * What any correct parser must find in examples/data. These depend on the
 * layout, header, appeal and event stages, so each test checks every fact,
 * prints each one that is missing, and fails at the end with the count: a
 * failing test lists all that is left to do, not just the first item. */

static int missing; /* facts not found in the current test */

static void expect_(bool ok, const char *what, int line) {
  if (!ok) {
    missing++;
    printf("# line %d: not found: %s\n", line, what);
    fflush(stdout);
  }
}
#define EXPECT(cond) expect_((cond), #cond, __LINE__)

static void expect_done(const char *sample) {
  int n = missing;
  missing = 0;
  if (n)
    fail_msg("%s: %d facts not found (listed above)", sample, n);
}

static const kgr_footnote *footnote_numbered(const kgr_doc *d, int number) {
  for (size_t i = 0; i < kgr_doc_footnote_count(d); i++)
    if (kgr_doc_footnote(d, i)->number == number)
      return kgr_doc_footnote(d, i);
  return NULL;
}

/* Footnote `number` has exactly `url`, and its span holds the URL. */
static bool footnote_ok(const kgr_doc *d, int number, const char *url) {
  const kgr_footnote *fn = footnote_numbered(d, number);
  if (!fn) {
    printf("# footnote %d not found (%zu footnotes)\n", number, kgr_doc_footnote_count(d));
    return false;
  }
  if (fn->url_count != 1 || !kgr_test_str_eq(fn->urls[0], url)) {
    printf("# footnote %d: %zu urls, the first \"%s\"; want \"%s\"\n", number, fn->url_count,
           fn->url_count ? kgr_test_show(fn->urls[0]) : "", url);
    return false;
  }
  if (!span_holds(d, fn->span, url)) {
    printf("# footnote %d: span \"%s\" does not hold its URL\n", number, span_text(d, fn->span));
    return false;
  }
  return true;
}

static bool has_section(const kgr_doc *d, const char *heading) {
  for (size_t i = 0; i < kgr_doc_section_count(d); i++)
    if (kgr_test_str_eq(kgr_doc_section(d, i)->heading, heading))
      return true;
  return false;
}

static const kgr_person *person_named(const kgr_doc *d, const char *name) {
  for (size_t i = 0; i < kgr_doc_person_count(d); i++)
    if (kgr_test_str_eq(kgr_doc_person(d, i)->name, name))
      return kgr_doc_person(d, i);
  return NULL;
}

/* A person with this name and affiliation, whose span holds the name. */
static bool person_ok(const kgr_doc *d, const char *name, const char *affiliation) {
  const kgr_person *p = person_named(d, name);
  if (!p)
    return false;
  if (affiliation && !kgr_test_str_eq(p->affiliation, affiliation)) {
    printf("# %s: affiliation \"%s\", want \"%s\"\n", name, kgr_test_show(p->affiliation),
           affiliation);
    return false;
  }
  return span_holds(d, p->span, name);
}

static bool has_place(const kgr_doc *d, const char *name, const char *country) {
  for (size_t i = 0; i < kgr_doc_place_count(d); i++) {
    const kgr_place *p = kgr_doc_place(d, i);
    if (kgr_test_str_eq(p->name, name) && kgr_test_str_eq(p->country, country))
      return true;
  }
  return false;
}

static bool has_means(const kgr_doc *d, kgr_means m) {
  for (size_t i = 0; i < kgr_doc_means_count(d); i++)
    if (kgr_doc_means(d, i) == m)
      return true;
  return false;
}

/* A figure of one of two kinds with this value (all figures, top level and
 * in events). */
static const kgr_figure *figure_valued(const kgr_doc *d, kgr_figure_kind k1,
                                       kgr_figure_kind k2, int64_t value) {
  for (size_t i = 0; i < kgr_doc_figure_count(d); i++) {
    const kgr_figure *x = kgr_doc_figure(d, i);
    if ((x->kind == k1 || x->kind == k2) && x->value == value)
      return x;
  }
  for (size_t e = 0; e < kgr_doc_event_count(d); e++) {
    const kgr_event *ev = kgr_doc_event(d, e);
    for (size_t i = 0; i < ev->figure_count; i++) {
      const kgr_figure *x = &ev->figures[i];
      if ((x->kind == k1 || x->kind == k2) && x->value == value)
        return x;
    }
  }
  return NULL;
}

/* Does the figure cite footnote `number`? */
static bool figure_cites(const kgr_figure *x, int number) {
  for (size_t i = 0; x && i < x->source_count; i++)
    if (x->sources[i] == number)
      return true;
  return false;
}

/* An event dated `iso` whose year came from `ys`. */
static bool event_on(const kgr_doc *d, const char *iso, kgr_year_source ys) {
  for (size_t i = 0; i < kgr_doc_event_count(d); i++) {
    const kgr_event *e = kgr_doc_event(d, i);
    if (e->date && kgr_test_str_eq(e->date->start_iso, iso) && e->date->year_source == ys)
      return true;
  }
  printf("# no event dated %s with year source %s (%zu events)\n", iso,
         kgr_year_source_name(ys), kgr_doc_event_count(d));
  return false;
}

static bool title_is(const kgr_doc *d, const char *want) {
  kgr_str t = kgr_doc_title(d);
  if (kgr_test_str_eq(t, want))
    return true;
  printf("# title \"%s\", want \"%s\"\n", kgr_test_show(t), want);
  return false;
}

/* The i-th signatory has this name (its span holding it), acronym (NULL:
 * none), countries ("BE", "DE,CH", or "" for none), source and position. */
static bool signatory_ok(const kgr_doc *d, size_t i, const char *name, const char *acronym,
                         const char *countries, kgr_countries_source src, int position) {
  const kgr_signatory *s = kgr_doc_signatory(d, i);
  if (!s) {
    printf("# signatory %zu (%s) not found\n", i, name);
    return false;
  }
  char got[64] = "";
  size_t used = 0;
  for (size_t k = 0; k < s->country_count && used + 4 < sizeof got; k++) {
    int n = snprintf(got + used, sizeof got - used, "%s%s", k ? "," : "",
                     kgr_test_show(s->countries[k]));
    if (n > 0)
      used += (size_t)n;
  }
  bool ok = kgr_test_str_eq(s->name, name) && s->position == position &&
            (acronym ? kgr_test_str_eq(s->acronym, acronym) : s->acronym.ptr == NULL) &&
            strcmp(got, countries) == 0 &&
            (src == KGR_COUNTRIES_NONE || s->countries_source == src) &&
            span_holds(d, s->span, name);
  if (!ok)
    printf("# signatory %zu: \"%s\" (%s) [%s] %s #%d; want \"%s\" (%s) [%s] %s #%d\n", i,
           kgr_test_show(s->name), kgr_test_show(s->acronym), got,
           kgr_countries_source_name(s->countries_source)
               ? kgr_countries_source_name(s->countries_source)
               : "-",
           s->position, name, acronym ? acronym : "(null)", countries,
           kgr_countries_source_name(src) ? kgr_countries_source_name(src) : "-", position);
  return ok;
}

static void test_sample_bracket_footnotes(void **state) {
  fixture *f = *state;
  const kgr_doc *d = parse_sample(f, "report-bracket-footnotes.txt");
  /* layout: [n] notes, headings */
  EXPECT(kgr_doc_footnote_count(d) == 3);
  EXPECT(footnote_ok(d, 1, "https://24.kg/english/167920_686_people_treated_in_hospitals_after_unrest/"));
  EXPECT(footnote_ok(d, 2, "https://cpj.org/2020/10/kyrgyzstan-reporters-attacked-during-post-election-unrest/"));
  EXPECT(footnote_ok(d, 3, "https://akipress.com/news:650112/"));
  EXPECT(kgr_doc_link_count(d) == 0); /* "[1]" is a marker, not a link */
  EXPECT(has_section(d, "BACKGROUND"));
  EXPECT(has_section(d, "Notes"));
  /* header */
  EXPECT(title_is(d, "Kyrgyzstan: Force Against Protesters and Attacks on Reporters After the Vote"));
  EXPECT(kgr_doc_kind(d) == KGR_KIND_INCIDENT_REPORT);
  EXPECT(kgr_test_str_eq(kgr_doc_country(d), "KG"));
  /* entities */
  EXPECT(person_ok(d, "Aibol Kozhomuratov", "Current Time"));
  EXPECT(person_ok(d, "Ruslan Kharizov", "24.kg"));
  EXPECT(person_ok(d, "Sooronbay Jeenbekov", NULL));
  EXPECT(person_ok(d, "Almazbek Atambayev", NULL));
  EXPECT(has_place(d, "Bishkek", "KG"));
  EXPECT(has_place(d, "Osh", "KG"));
  EXPECT(has_place(d, "Talas", "KG"));
  EXPECT(has_place(d, "Naryn", "KG"));
  /* events: the body gives no year; the cited URL's /2020/10/ does */
  EXPECT(has_means(d, KGR_MEANS_WATER_CANNON));
  EXPECT(has_means(d, KGR_MEANS_TEAR_GAS));
  EXPECT(has_means(d, KGR_MEANS_STUN_GRENADES));
  EXPECT(has_means(d, KGR_MEANS_RUBBER_BULLETS));
  EXPECT(!has_means(d, KGR_MEANS_LIVE_AMMUNITION));
  EXPECT(figure_valued(d, KGR_FIG_KILLED, KGR_FIG_KILLED, 1) != NULL);
  const kgr_figure *fig = figure_valued(d, KGR_FIG_INJURED, KGR_FIG_HOSPITALIZED, 686);
  EXPECT(fig != NULL);
  EXPECT(figure_cites(fig, 1));
  EXPECT(event_on(d, "2020-10-04", KGR_YEAR_URL));
  EXPECT(event_on(d, "2020-10-05", KGR_YEAR_URL));
  EXPECT(event_on(d, "2020-10-06", KGR_YEAR_URL));
  EXPECT(event_on(d, "2020-10-08", KGR_YEAR_URL));
  expect_done("report-bracket-footnotes.txt");
}

static void test_sample_hard_wrapped(void **state) {
  fixture *f = *state;
  const kgr_doc *d = parse_sample(f, "report-hard-wrapped.txt");
  size_t len = 0;
  const char *in = kgr_doc_input(d, &len);
  size_t page_break = (size_t)(strchr(in, '\f') - in);
  /* footnotes at the foot of each page, numbers glued to the text */
  EXPECT(kgr_doc_footnote_count(d) == 2);
  EXPECT(footnote_ok(d, 1, "https://24.kg/english/167920_686_people_treated_in_hospitals_after_unrest/"));
  EXPECT(footnote_ok(d, 2, "https://kloop.kg/blog/2020/10/07/volunteer-patrols-formed-in-bishkek/"));
  const kgr_footnote *fn1 = footnote_numbered(d, 1);
  /* page 2's first line ("ment. Volunteer...") is not part of note 1 */
  EXPECT(fn1 && fn1->span.end <= page_break);
  EXPECT(fn1 && !kgr_test_str_has(fn1->text, "ment"));
  /* the title is joined over its two lines */
  EXPECT(title_is(d, "KYRGYZSTAN: PROTESTERS INJURED AND REPORTERS OBSTRUCTED IN THE "
                     "AFTERMATH OF THE PARLIAMENTARY ELECTIONS"));
  kgr_span ts = kgr_doc_title_span(d);
  EXPECT(ts.start == 0);
  EXPECT(ts.end == strlen("KYRGYZSTAN: PROTESTERS INJURED AND REPORTERS OBSTRUCTED IN THE\n"
                          "AFTERMATH OF THE PARLIAMENTARY ELECTIONS"));
  EXPECT(kgr_test_str_eq(kgr_doc_date(d), "2020-10-12"));
  EXPECT(kgr_doc_date_source(d) == KGR_DATE_SOURCE_STATED);
  EXPECT(kgr_doc_kind(d) == KGR_KIND_INCIDENT_REPORT);
  EXPECT(kgr_test_str_eq(kgr_doc_country(d), "KG"));
  /* "686 peo-/ple for injuries.1": the figure, its unit rejoined, its note */
  const kgr_figure *fig = figure_valued(d, KGR_FIG_INJURED, KGR_FIG_HOSPITALIZED, 686);
  EXPECT(fig != NULL);
  EXPECT(fig && kgr_test_str_eq(fig->unit_text, "people"));
  EXPECT(figure_cites(fig, 1));
  EXPECT(has_means(d, KGR_MEANS_WATER_CANNON));
  EXPECT(has_means(d, KGR_MEANS_TEAR_GAS));
  EXPECT(has_means(d, KGR_MEANS_RUBBER_BULLETS));
  EXPECT(!has_means(d, KGR_MEANS_STUN_GRENADES));
  EXPECT(person_ok(d, "Sooronbay Jeenbekov", NULL));
  EXPECT(person_ok(d, "Almazbek Atambayev", NULL));
  EXPECT(has_place(d, "Osh", "KG"));
  EXPECT(has_place(d, "Naryn", "KG"));
  EXPECT(event_on(d, "2020-10-05", KGR_YEAR_DOCUMENT) || event_on(d, "2020-10-05", KGR_YEAR_STATED));
  /* Hard negative: the protests came "the next day" after the 4 October
   * vote; no protest is dated 4 October. */
  for (size_t i = 0; i < kgr_doc_event_count(d); i++) {
    const kgr_event *e = kgr_doc_event(d, i);
    EXPECT(!(e->type == KGR_EVENT_PROTEST && e->date &&
             kgr_test_str_eq(e->date->start_iso, "2020-10-04")));
  }
  /* No event's text keeps a soft hyphen break or a note number. */
  for (size_t i = 0; i < kgr_doc_event_count(d); i++) {
    const kgr_event *e = kgr_doc_event(d, i);
    EXPECT(!kgr_test_str_has(e->text, "peo- ple") && !kgr_test_str_has(e->text, "peo-ple"));
    EXPECT(!kgr_test_str_has(e->text, "govern- ment") && !kgr_test_str_has(e->text, "govern-ment"));
    EXPECT(!kgr_test_str_has(e->text, "injuries.1"));
  }
  expect_done("report-hard-wrapped.txt");
}

static void test_sample_paragraph_signatories(void **state) {
  fixture *f = *state;
  const kgr_doc *d = parse_sample(f, "appeal-paragraph-signatories.txt");
  EXPECT(kgr_doc_kind(d) == KGR_KIND_APPEAL);
  EXPECT(title_is(d, "Joint Appeal: Kyrgyzstan Must Choose Dialogue Over Force"));
  EXPECT(kgr_test_str_eq(kgr_doc_date(d), "2020-10-09"));
  EXPECT(kgr_doc_date_source(d) == KGR_DATE_SOURCE_STATED);
  EXPECT(kgr_test_str_eq(kgr_doc_country(d), "KG"));
  /* four numbered demands, in order */
  const char *starts[] = {"renounce violence", "hold a new parliamentary election",
                          "ensure that reporters", "investigate promptly"};
  size_t found = 0;
  for (size_t i = 0; i < kgr_doc_demand_count(d) && found < 4; i++)
    if (kgr_test_str_has(kgr_doc_demand(d, i)->text, starts[found]))
      found++;
  EXPECT(found == 4);
  /* twelve signatories from one semicolon-separated paragraph */
  EXPECT(kgr_doc_signatory_count(d) == 12);
  const kgr_countries_source S = KGR_COUNTRIES_STATED, I = KGR_COUNTRIES_INFERRED;
  EXPECT(signatory_ok(d, 0, "International Partnership for Human Rights", "IPHR", "BE", S, 0));
  EXPECT(signatory_ok(d, 1, "Norwegian Helsinki Committee", NULL, "NO", I, 0));
  EXPECT(signatory_ok(d, 2, "Bir Duino Human Rights Movement", NULL, "KG", S, 0));
  EXPECT(signatory_ok(d, 3, "Libereco Partnership for Human Rights", NULL, "DE,CH", S, 0));
  EXPECT(signatory_ok(d, 4, "Bulgarian Helsinki Committee", NULL, "BG", I, 0));
  EXPECT(signatory_ok(d, 5, "Helsinki Foundation for Human Rights", "HFHR", "PL", S, 0));
  EXPECT(signatory_ok(d, 6, "Truth Hounds", NULL, "UA,GE", S, 0));
  EXPECT(signatory_ok(d, 7, "World Organisation Against Torture", "OMCT", "CH", S, 0));
  EXPECT(signatory_ok(d, 8, "Public Verdict Foundation", NULL, "RU", S, 0));
  EXPECT(signatory_ok(d, 9, "Crude Accountability", NULL, "US", S, 0));
  /* the two individuals: the title's full stop does not end the item */
  const kgr_signatory *p1 = kgr_doc_signatory(d, 10), *p2 = kgr_doc_signatory(d, 11);
  EXPECT(p1 && kgr_test_str_has(p1->name, "Miriam Talgat") && p1->country_count == 0);
  EXPECT(p2 && kgr_test_str_has(p2->name, "Erik Lindqvist") && p2->country_count == 0);
  expect_done("appeal-paragraph-signatories.txt");
}

static void test_sample_bulleted(void **state) {
  fixture *f = *state;
  const kgr_doc *d = parse_sample(f, "appeal-bulleted.txt");
  EXPECT(kgr_doc_kind(d) == KGR_KIND_APPEAL);
  EXPECT(title_is(d, "Kyrgyzstan: Stop the Violence, Protect the Right to Protest"));
  EXPECT(kgr_test_str_eq(kgr_doc_date(d), "2020-10-09")); /* 09.10.2020 is day first */
  EXPECT(kgr_doc_date_source(d) == KGR_DATE_SOURCE_STATED);
  EXPECT(kgr_doc_demand_count(d) >= 5);
  EXPECT(has_section(d, "Signatories:") || has_section(d, "Signatories"));
  EXPECT(kgr_doc_signatory_count(d) == 10);
  const kgr_countries_source N = KGR_COUNTRIES_NONE, I = KGR_COUNTRIES_INFERRED;
  EXPECT(signatory_ok(d, 0, "Civic Solidarity Platform", NULL, "", N, 0));
  EXPECT(signatory_ok(d, 1, "Human Rights House Foundation", NULL, "", N, 0));
  EXPECT(signatory_ok(d, 2, "Helsinki Committee of Armenia", NULL, "AM", I, 0));
  EXPECT(signatory_ok(d, 3, "Macedonian Helsinki Committee", NULL, "MK", I, 0));
  EXPECT(signatory_ok(d, 4, "Netherlands Helsinki Committee", NULL, "NL", I, 0));
  EXPECT(signatory_ok(d, 5, "Swedish OSCE-network", NULL, "SE", I, 0));
  EXPECT(signatory_ok(d, 6, "Women's International League for Peace and Freedom", NULL, "", N, 0));
  EXPECT(signatory_ok(d, 7, "Sova Center for Information and Analysis", NULL, "", N, 0));
  EXPECT(signatory_ok(d, 8, "Human Rights Centre \"Viasna\"", NULL, "", N, 0));
  EXPECT(signatory_ok(d, 9, "Promo LEX Association", NULL, "", N, 0));
  expect_done("appeal-bulleted.txt");
}

static void test_sample_russian_names(void **state) {
  fixture *f = *state;
  const kgr_doc *d = parse_sample(f, "appeal-russian-names.txt");
  EXPECT(kgr_doc_kind(d) == KGR_KIND_APPEAL);
  EXPECT(kgr_test_str_eq(kgr_doc_date(d), "2020-10-10"));
  EXPECT(kgr_doc_signatory_count(d) == 8);
  const kgr_countries_source S = KGR_COUNTRIES_STATED;
  EXPECT(signatory_ok(d, 0, "Правозащитное движение «Бир Дуйно-Кыргызстан»", NULL, "KG", S, 1));
  EXPECT(signatory_ok(d, 1, "Информационно-аналитический центр «Сова»", NULL, "RU", S, 2));
  EXPECT(signatory_ok(d, 2, "Фонд «Общественный вердикт»", NULL, "RU", S, 3));
  EXPECT(signatory_ok(d, 3, "Союз «Женщины Дона»", NULL, "RU", S, 4));
  EXPECT(signatory_ok(d, 4, "Центр развития демократии и прав человека", NULL, "RU", S, 5));
  EXPECT(signatory_ok(d, 5, "Правозащитный центр «Вясна»", NULL, "BY", S, 6));
  EXPECT(signatory_ok(d, 6, "Общественное объединение «Достоинство»", NULL, "KZ", S, 7));
  EXPECT(signatory_ok(d, 7, "Харьковский областной фонд «Общественная альтернатива»", NULL,
                      "UA", S, 8));
  expect_done("appeal-russian-names.txt");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_version),
      KGR_TEST(test_strerror),
      KGR_TEST(test_inval),
      KGR_TEST(test_accessors_empty),
      KGR_TEST(test_parse_file_missing),
      KGR_TEST(test_limit),
      KGR_TEST(test_strict_utf8),
      KGR_TEST(test_custom_allocator),
      KGR_TEST(test_to_json),
      KGR_TEST(test_write_json_failing_sink),
      KGR_TEST(test_locate),
      KGR_TEST(test_record_source),
      KGR_TEST(test_sample_bracket_footnotes),
      KGR_TEST(test_sample_hard_wrapped),
      KGR_TEST(test_sample_paragraph_signatories),
      KGR_TEST(test_sample_bulleted),
      KGR_TEST(test_sample_russian_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
