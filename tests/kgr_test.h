/*
 * kgr_test.h - helpers shared by the cmocka tests: the fixture that releases
 * what a test holds even when it fails, reading files and the seeds folder,
 * parsing a string into the fixture, kgr_str comparisons and the span check.
 * Public API only, so the test_api* executables (linked against the shared
 * library) can use it; helpers that reach library internals are in
 * kgr_test_internal.h. Include after <cmocka.h>. Header-only: every test is
 * its own executable, and unused static inline functions cost nothing.
 */
#ifndef KGR_TESTS_KGR_TEST_H
#define KGR_TESTS_KGR_TEST_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>

#include <kgrights/kgrights.h>

struct kgr_layout;

/* ---- fixture ------------------------------------------------------------- */

typedef struct kgr_test_fixture {
  kgr_doc *doc;
  const struct kgr_layout *lay; /* internal tests: the layout built over doc */
  char *buf;                    /* file contents or other heap data */
  char *json;                   /* from kgr_doc_to_json */
} fixture;

static inline int kgr_test_setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  if (!f)
    return -1;
  *state = f;
  return 0;
}

static inline int kgr_test_teardown(void **state) {
  fixture *f = *state;
  kgr_doc_free(f->doc);
  kgr_free(f->json);
  free(f->buf);
  free(f);
  return 0;
}

#define KGR_TEST(f) cmocka_unit_test_setup_teardown(f, kgr_test_setup, kgr_test_teardown)

/* ---- strings ------------------------------------------------------------- */

/* A kgr_str for printing: "(null)" when null. */
static inline const char *kgr_test_show(kgr_str s) { return s.ptr ? s.ptr : "(null)"; }

/* Is s exactly lit? (false for a null string) */
static inline bool kgr_test_str_eq(kgr_str s, const char *lit) {
  return s.ptr && s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0;
}

/* Does s contain needle? (false for a null string) */
static inline bool kgr_test_str_has(kgr_str s, const char *needle) {
  return s.ptr && strstr(s.ptr, needle) != NULL;
}

/* ---- files --------------------------------------------------------------- */

/* The whole file, NUL-terminated; NULL when it cannot be read. */
static inline char *kgr_test_read_file(const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  while (buf) {
    n += fread(buf + n, 1, cap - n, fp);
    if (n < cap)
      break;
    char *p = realloc(buf, cap * 2 + 1);
    if (!p) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = p;
    cap *= 2;
  }
  fclose(fp);
  if (buf) {
    buf[n] = '\0';
    *len = n;
  }
  return buf;
}

static inline int kgr_test_cmp_names(const void *a, const void *b) { return strcmp(a, b); }

/* The *.txt files of a directory, sorted; returns how many (at most max). */
static inline size_t kgr_test_list_txt(const char *dir, char names[][256], size_t max) {
  DIR *d = opendir(dir);
  if (!d)
    return 0;
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < max) {
    size_t l = strlen(e->d_name);
    if (l > 4 && l < 256 && strcmp(e->d_name + l - 4, ".txt") == 0)
      memcpy(names[n++], e->d_name, l + 1);
  }
  closedir(d);
  qsort(names, n, sizeof names[0], kgr_test_cmp_names);
  return n;
}

/* ---- parsing ------------------------------------------------------------- */

/* Parse text[0, len) into the fixture (freeing its previous document). */
static inline kgr_doc *kgr_test_parse_len(void **state, const char *text, size_t len) {
  fixture *f = *state;
  kgr_doc_free(f->doc);
  kgr_error err;
  f->doc = kgr_parse(text, len, KGR_PARSE_DEFAULT, NULL, &err);
  if (!f->doc)
    fail_msg("parse failed: %s", err.message);
  return f->doc;
}

static inline kgr_doc *kgr_test_parse(void **state, const char *text) {
  return kgr_test_parse_len(state, text, strlen(text));
}

/* Parse dir/name as a file; fails the test when it cannot. */
static inline kgr_doc *kgr_test_parse_path(const char *dir, const char *name) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  kgr_error err;
  kgr_doc *d = kgr_parse_file(path, NULL, &err);
  if (!d)
    fail_msg("%s: %s", path, err.message);
  return d;
}

/* ---- the seeds folder ---------------------------------------------------- */

#ifdef KGR_SEEDS_DIR
/* Does the seeds folder exist? Says so when it does not, for the skip. */
static inline bool kgr_test_seeds_present(void) {
  struct stat st;
  if (stat(KGR_SEEDS_DIR, &st) != 0) {
    printf("# seeds folder %s is absent: seed test skipped\n", KGR_SEEDS_DIR);
    return false;
  }
  return true;
}

static inline kgr_doc *kgr_test_parse_seed(const char *name) {
  return kgr_test_parse_path(KGR_SEEDS_DIR, name);
}
#endif

/* ---- the output contract ------------------------------------------------- */

/* Every span of every record inside [0, len); `what` names the input. */
static inline void kgr_test_check_spans(const kgr_doc *d, size_t len, const char *what) {
#define KGR_TEST_SPAN_OK(s)                                                                        \
  do {                                                                                             \
    if (!((s).start <= (s).end && (s).end <= len))                                                 \
      fail_msg("%s: span [%zu, %zu) outside the input (%zu bytes)", what, (s).start, (s).end,      \
               len);                                                                               \
  } while (0)
  for (size_t i = 0; i < kgr_doc_signatory_count(d); i++)
    KGR_TEST_SPAN_OK(kgr_doc_signatory(d, i)->span);
  for (size_t i = 0; i < kgr_doc_event_count(d); i++)
    KGR_TEST_SPAN_OK(kgr_doc_event(d, i)->span);
  for (size_t i = 0; i < kgr_doc_figure_count(d); i++)
    KGR_TEST_SPAN_OK(kgr_doc_figure(d, i)->span);
  for (size_t i = 0; i < kgr_doc_footnote_count(d); i++)
    KGR_TEST_SPAN_OK(kgr_doc_footnote(d, i)->span);
  for (size_t i = 0; i < kgr_doc_demand_count(d); i++)
    KGR_TEST_SPAN_OK(kgr_doc_demand(d, i)->span);
  for (size_t i = 0; i < kgr_doc_section_count(d); i++)
    KGR_TEST_SPAN_OK(kgr_doc_section(d, i)->span);
  for (size_t i = 0; i < kgr_doc_diagnostic_count(d); i++)
    KGR_TEST_SPAN_OK(kgr_doc_diagnostic(d, i)->span);
#undef KGR_TEST_SPAN_OK
}

#endif
