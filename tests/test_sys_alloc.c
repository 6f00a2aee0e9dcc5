/*
 * test_sys_alloc.c - the default allocator: small blocks from malloc,
 * large ones mapped, and realloc within and across the threshold keeping
 * the contents.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "sys_alloc.h"

/* Fill p[0, n) with a pattern that depends on the offset and a seed. */
static void fill(unsigned char *p, size_t n, unsigned seed) {
  for (size_t i = 0; i < n; i++)
    p[i] = (unsigned char)(i * 31u + seed);
}

static void expect_pattern(const unsigned char *p, size_t n, unsigned seed) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != (unsigned char)(i * 31u + seed))
      fail_msg("byte %zu of %zu differs", i, n);
}

static void test_small_and_large_blocks(void **state) {
  (void)state;
  size_t sizes[] = {
      0, 1, 15, 16, 4096, KGR_SYS_MAP_MIN - 1, KGR_SYS_MAP_MIN, KGR_SYS_MAP_MIN + 1, 3 << 20};
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    unsigned char *p = kgr_sys_malloc(NULL, sizes[k]);
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % 16, 0);
    fill(p, sizes[k], (unsigned)k);
    expect_pattern(p, sizes[k], (unsigned)k);
    kgr_sys_free(NULL, p);
  }
  kgr_sys_free(NULL, NULL);
}

/* A block grown and shrunk through every case: small to small, small to
 * large, large to large (moved by the kernel where it can), large to
 * small. The common prefix survives each step. */
static void test_realloc_keeps_contents(void **state) {
  (void)state;
  size_t steps[] = {100, 5000, KGR_SYS_MAP_MIN + 10, 1 << 20, 8 << 20, 200000, 64, 0, 300000};
  size_t have = 0;
  unsigned char *p = kgr_sys_realloc(NULL, NULL, 0, 10);
  assert_non_null(p);
  fill(p, 10, 7);
  have = 10;
  for (size_t k = 0; k < sizeof steps / sizeof *steps; k++) {
    size_t n = steps[k];
    unsigned char *q = kgr_sys_realloc(NULL, p, have, n);
    assert_non_null(q);
    size_t kept = have < n ? have : n;
    expect_pattern(q, kept, 7);
    fill(q, n, 7); /* the whole block holds the pattern again */
    p = q;
    have = n;
  }
  kgr_sys_free(NULL, p);
}

/* Absurd sizes fail cleanly instead of wrapping around. */
static void test_overflow_fails(void **state) {
  (void)state;
  assert_null(kgr_sys_malloc(NULL, SIZE_MAX - 8));
  unsigned char *p = kgr_sys_malloc(NULL, 32);
  assert_non_null(p);
  assert_null(kgr_sys_realloc(NULL, p, 32, SIZE_MAX - 8));
  kgr_sys_free(NULL, p); /* still valid after the failed realloc */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_small_and_large_blocks),
      cmocka_unit_test(test_realloc_keeps_contents),
      cmocka_unit_test(test_overflow_fails),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
