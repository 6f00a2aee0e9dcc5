/*
 * kgr_test_internal.h - helpers for the unit tests that link
 * kgrights_internal and reach library internals: an arena fixture, and the
 * layout and entities stages run alone over a string. Includes kgr_test.h.
 * Include after <cmocka.h>.
 */
#ifndef KGR_TESTS_KGR_TEST_INTERNAL_H
#define KGR_TESTS_KGR_TEST_INTERNAL_H

#include "kgr_test.h"

#include "arena.h"
#include "document.h"
#include "entities.h"
#include "layout.h"

/* ---- arena fixture: *state is a kgr_arena ---------------------------------- */

static inline int kgr_test_arena_setup(void **state) {
  kgr_arena *a = test_malloc(sizeof *a);
  kgr_arena_init(a, NULL);
  *state = a;
  return 0;
}

static inline int kgr_test_arena_teardown(void **state) {
  kgr_arena_release(*state);
  test_free(*state);
  return 0;
}

#define KGR_ARENA_TEST(f)                                                                          \
  cmocka_unit_test_setup_teardown(f, kgr_test_arena_setup, kgr_test_arena_teardown)

/* ---- the layout and entities stages alone ---------------------------------- */

typedef struct kgr_test_run {
  kgr_doc *doc;
  const kgr_layout *lay;
  const kgr_entities *ents;
} kgr_test_run;

/* The layout and entities stages alone over `text`, with the header's
 * country set as given; `prepare` (may be NULL) runs between the two. */
static inline kgr_test_run kgr_test_read_text_with(const char *text, const char *country,
                                                   void (*prepare)(kgr_doc *)) {
  kgr_test_run r;
  kgr_doc *d = calloc(1, sizeof *d);
  assert_non_null(d);
  kgr_arena_init(&d->arena, NULL);
  size_t n = strlen(text);
  char *copy = kgr_arena_alloc(&d->arena, n + 1);
  memcpy(copy, text, n + 1);
  d->input = copy;
  d->input_len = n;
  if (country)
    d->country = kgr_arena_cstr(&d->arena, country);
  r.doc = d;
  r.lay = kgr_layout_build(d);
  if (prepare)
    prepare(d);
  r.ents = kgr_read_entities(d, r.lay);
  return r;
}

static inline kgr_test_run kgr_test_read_text(const char *text, const char *country) {
  return kgr_test_read_text_with(text, country, NULL);
}

static inline void kgr_test_run_done(kgr_test_run *r) {
  kgr_arena_release(&r->doc->arena);
  free(r->doc);
}

#endif
