/*
 * test_api_threads.c - kgr_parse() from many threads at once gives, every
 * time, the record a single thread gives.
 *
 * The documents are the bundled samples (examples/data), the seeds when
 * present, and a few generated awkward inputs (invalid UTF-8, NULs, a
 * long list). Eight threads start together and parse every document many
 * times, each in its own order, and compare the JSON byte for byte with a
 * single-threaded reference. A second test has the threads write the same
 * finished documents at once ("reading a finished document is thread
 * safe"). scripts/test runs this file under ThreadSanitizer (KGR_TSAN).
 */
#define _POSIX_C_SOURCE 200809L /* pthread_barrier, opendir */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kgrights/kgrights.h>

#include "kgr_test.h"

#define THREADS 8

/* TSan and ASan slow the parser 5-15x: fewer rounds, same threads. */
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define KGR_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define KGR_SANITIZED 1
#endif
#endif
#ifdef KGR_SANITIZED
#define ROUNDS 10
#else
#define ROUNDS 30
#endif

#define MAX_DOCS 64
#define REFERENCE_DATE "2020-10-12"

typedef struct doc_in {
  char name[256];
  char path[1024]; /* empty for generated inputs */
  char *buf;
  size_t len;
  char *ref;         /* compact JSON from one thread */
  size_t ref_len;
  char *ref_ascii;   /* KGR_JSON_ASCII | KGR_JSON_COMPACT */
  size_t ref_ascii_len;
  kgr_doc *shared;   /* parsed once, read by every thread */
} doc_in;

static doc_in docs[MAX_DOCS];
static size_t ndocs;

/* ---- loading ----------------------------------------------------------------- */

/* Add the *.txt files of dir, in name order; returns how many. */
static size_t add_dir(const char *dir) {
  char names[MAX_DOCS][256];
  size_t n = kgr_test_list_txt(dir, names, MAX_DOCS);
  size_t added = 0;
  for (size_t i = 0; i < n && ndocs < MAX_DOCS; i++) {
    doc_in *x = &docs[ndocs];
    int k = snprintf(x->path, sizeof x->path, "%s/%s", dir, names[i]);
    if (k < 0 || (size_t)k >= sizeof x->path)
      continue;
    memcpy(x->name, names[i], strlen(names[i]) + 1);
    x->buf = kgr_test_read_file(x->path, &x->len);
    if (!x->buf)
      continue;
    ndocs++;
    added++;
  }
  return added;
}

static void add_generated(const char *name, const char *buf, size_t len) {
  assert_true(ndocs < MAX_DOCS);
  doc_in *x = &docs[ndocs++];
  snprintf(x->name, sizeof x->name, "%s", name);
  x->buf = malloc(len + 1);
  assert_non_null(x->buf);
  memcpy(x->buf, buf, len);
  x->buf[len] = '\0';
  x->len = len;
}

static kgr_doc *parse(const doc_in *x, kgr_error *err) {
  kgr_options o = {0};
  o.name = x->name;
  o.reference_date = REFERENCE_DATE;
  return kgr_parse_opts(x->buf, x->len, &o, err);
}

/* Group setup: load every document and make its references, single
 * threaded. */
static int group_setup(void **state) {
  (void)state;
  size_t samples = add_dir(KGR_DATA_DIR);
  size_t seeds = add_dir(KGR_SEEDS_DIR);
  printf("# threads: %zu samples, %zu seeds%s\n", samples, seeds,
         seeds ? "" : " (seeds folder absent: " KGR_SEEDS_DIR ")");
  if (samples == 0) {
    fprintf(stderr, "no samples in %s\n", KGR_DATA_DIR);
    return -1;
  }
  static const char bad_utf8[] = "Statement on Kyrgyzstan\n\nPolice detai\xFFned 12 people "
                                 "in Bishkek on 5 October 2020.\xC3 Two were hurt.\n";
  add_generated("invalid-utf8", bad_utf8, sizeof bad_utf8 - 1);
  static const char nuls[] = "Report\n\nOn 6 October\0 2020 police\0\0 detained 3 "
                             "protesters in Osh.[1]\n\n[1] https://example.org/2020/10/x\n";
  add_generated("nul-bytes", nuls, sizeof nuls - 1);
  char list[16384];
  size_t len = (size_t)snprintf(list, sizeof list, "Appeal\n\nWe urge the authorities to:\n\n");
  for (int i = 0; i < 60; i++)
    len += (size_t)snprintf(list + len, sizeof list - len,
                            "%d. Rights Group %d (Kazakhstan)\n", i + 1, i);
  add_generated("numbered-list", list, len);

  for (size_t i = 0; i < ndocs; i++) {
    doc_in *x = &docs[i];
    kgr_error err;
    x->shared = parse(x, &err);
    if (!x->shared) {
      fprintf(stderr, "%s: %s\n", x->name, err.message);
      return -1;
    }
    x->ref = kgr_doc_to_json(x->shared, KGR_JSON_COMPACT, &x->ref_len);
    x->ref_ascii =
        kgr_doc_to_json(x->shared, KGR_JSON_COMPACT | KGR_JSON_ASCII, &x->ref_ascii_len);
    if (!x->ref || !x->ref_ascii)
      return -1;
  }
  return 0;
}

static int group_teardown(void **state) {
  (void)state;
  for (size_t i = 0; i < ndocs; i++) {
    kgr_doc_free(docs[i].shared);
    kgr_free(docs[i].ref);
    kgr_free(docs[i].ref_ascii);
    free(docs[i].buf);
  }
  ndocs = 0;
  return 0;
}

/* ---- the workers ------------------------------------------------------------- */

typedef struct worker {
  pthread_t tid;
  int id;
  pthread_barrier_t *start;
  bool shared_only; /* write the shared documents instead of parsing */
  /* results, read after join */
  size_t runs, mismatches, failures;
  char first_bad[512];
} worker;

static void note_bad(worker *w, const char *what, const doc_in *x) {
  if (!w->first_bad[0])
    snprintf(w->first_bad, sizeof w->first_bad, "thread %d: %s: %s", w->id, what, x->name);
}

static bool same(const char *a, size_t alen, const char *b, size_t blen) {
  return a && alen == blen && memcmp(a, b, alen) == 0;
}

/* One document once: parse (or take the shared record), write JSON in the
 * form this round asks for, compare. */
static void run_one(worker *w, doc_in *x, unsigned round) {
  bool ascii = (round + (unsigned)w->id) % 2;
  const char *want = ascii ? x->ref_ascii : x->ref;
  size_t want_len = ascii ? x->ref_ascii_len : x->ref_len;
  uint32_t flags = KGR_JSON_COMPACT | (ascii ? KGR_JSON_ASCII : 0);
  kgr_doc *d = x->shared;
  if (!w->shared_only) {
    kgr_error err;
    /* every third round of a file reads it through kgr_parse_file */
    if (x->path[0] && round % 3 == 2) {
      kgr_options o = {0};
      o.name = x->name;
      o.reference_date = REFERENCE_DATE;
      d = kgr_parse_file(x->path, &o, &err);
    } else {
      d = parse(x, &err);
    }
    if (!d) {
      w->failures++;
      note_bad(w, err.message, x);
      return;
    }
  }
  size_t len = 0;
  char *json = kgr_doc_to_json(d, flags, &len);
  w->runs++;
  if (!same(json, len, want, want_len)) {
    w->mismatches++;
    note_bad(w, ascii ? "ASCII JSON differs" : "JSON differs", x);
  }
  kgr_free(json);
  if (d != x->shared)
    kgr_doc_free(d);
}

static void *work(void *arg) {
  worker *w = arg;
  pthread_barrier_wait(w->start);
  /* Each thread walks the documents from its own starting point, so that
   * different documents, and the same one, are in flight together. */
  for (unsigned r = 0; r < ROUNDS; r++)
    for (size_t k = 0; k < ndocs; k++)
      run_one(w, &docs[((size_t)w->id * 3 + k) % ndocs], r);
  return NULL;
}

static void run_threads(bool shared_only) {
  pthread_barrier_t start;
  assert_int_equal(pthread_barrier_init(&start, NULL, THREADS), 0);
  worker w[THREADS];
  memset(w, 0, sizeof w);
  for (int i = 0; i < THREADS; i++) {
    w[i].id = i;
    w[i].start = &start;
    w[i].shared_only = shared_only;
    assert_int_equal(pthread_create(&w[i].tid, NULL, work, &w[i]), 0);
  }
  size_t runs = 0, bad = 0;
  for (int i = 0; i < THREADS; i++) {
    assert_int_equal(pthread_join(w[i].tid, NULL), 0);
    runs += w[i].runs;
    bad += w[i].mismatches + w[i].failures;
    if (w[i].first_bad[0])
      printf("# %s\n", w[i].first_bad);
  }
  pthread_barrier_destroy(&start);
  printf("# threads: %d threads, %zu documents, %zu %s, %zu differing\n", THREADS, ndocs,
         runs, shared_only ? "writes of shared records" : "parses", bad);
  assert_int_equal(bad, 0);
  assert_int_equal(runs, (size_t)THREADS * ROUNDS * ndocs);
}

/* ---- the tests --------------------------------------------------------------- */

/* The references are real records: JSON objects with the schema, and the
 * samples give records with content. */
static void test_references(void **state) {
  (void)state;
  assert_true(ndocs >= 3);
  size_t with_content = 0;
  for (size_t i = 0; i < ndocs; i++) {
    const doc_in *x = &docs[i];
    assert_true(x->ref_len > 2 && x->ref[0] == '{' && x->ref[x->ref_len - 1] == '}');
    assert_non_null(strstr(x->ref, "\"schema\":\"kgrights.document/1\""));
    for (size_t k = 0; k < x->ref_ascii_len; k++)
      assert_true((unsigned char)x->ref_ascii[k] < 0x80);
    with_content += kgr_doc_event_count(x->shared) + kgr_doc_signatory_count(x->shared) > 0;
  }
  assert_true(with_content >= 3);
  /* a second single-threaded parse agrees with the first */
  kgr_error err;
  kgr_doc *d = parse(&docs[0], &err);
  assert_non_null(d);
  size_t len;
  char *json = kgr_doc_to_json(d, KGR_JSON_COMPACT, &len);
  assert_true(same(json, len, docs[0].ref, docs[0].ref_len));
  kgr_free(json);
  kgr_doc_free(d);
}

static void test_parse_concurrently(void **state) {
  (void)state;
  run_threads(false);
}

static void test_write_shared_concurrently(void **state) {
  (void)state;
  run_threads(true);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_references),
      cmocka_unit_test(test_parse_concurrently),
      cmocka_unit_test(test_write_shared_concurrently),
  };
  return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
