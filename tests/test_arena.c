/*
 * test_arena.c - the document arena: bump allocation, growable arrays (and
 * the blocks that large ones move to), marks, and allocator failure.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* An allocator that counts, can fail its n-th call, and may lack realloc. */
typedef struct counting {
  size_t calls, fail_at, live, reallocs;
} counting;

static void *c_malloc(void *ctx, size_t n) {
  counting *c = ctx;
  if (++c->calls == c->fail_at)
    return NULL;
  void *p = malloc(n);
  if (p)
    c->live++;
  return p;
}

static void *c_realloc(void *ctx, void *p, size_t old, size_t n) {
  (void)old;
  counting *c = ctx;
  if (++c->calls == c->fail_at)
    return NULL;
  c->reallocs++;
  return realloc(p, n);
}

static void c_free(void *ctx, void *p) {
  counting *c = ctx;
  if (p)
    c->live--;
  free(p);
}

typedef KGR_VEC(uint32_t) u32_vec;

/* Push 0..n-1 onto v. */
static void fill(kgr_arena *a, u32_vec *v, uint32_t n) {
  for (uint32_t i = 0; i < n; i++)
    *KGR_VEC_PUSH(a, *v) = i;
}

static void expect_sequence(const u32_vec *v, uint32_t n) {
  assert_int_equal(v->count, n);
  for (uint32_t i = 0; i < n; i++)
    if (v->items[i] != i)
      fail_msg("item %u is %u", i, v->items[i]);
}

/* Two large arrays grown in turns, with small allocations between: each
 * keeps its contents, and the arena holds about what they need, not the
 * trail of old copies that doubling in a bump allocator leaves. */
static void test_large_arrays_grow_in_their_blocks(void **state) {
  (void)state;
  counting c = {0};
  kgr_alloc alc = {c_malloc, c_realloc, c_free, &c};
  kgr_arena a;
  kgr_arena_init(&a, &alc);
  u32_vec x = {0}, y = {0};
  enum { N = 1 << 20 };
  for (uint32_t i = 0; i < N; i++) {
    *KGR_VEC_PUSH(&a, x) = i;
    *KGR_VEC_PUSH(&a, y) = i;
    if (i % 1000 == 0)
      (void)kgr_arena_alloc(&a, 24);
  }
  expect_sequence(&x, N);
  expect_sequence(&y, N);
  assert_true(c.reallocs > 0);
  /* 2 arrays of 4 MiB, plus the small arrays and allocations before each
   * array reached a block: well under 1.5 times the arrays. */
  size_t arrays = 2 * (size_t)N * sizeof(uint32_t);
  assert_true(a.total + a.block_bytes < arrays + arrays / 2);
  kgr_arena_release(&a);
  assert_int_equal(c.live, 0);
}

/* Without realloc, blocks grow by copy, with the same result. */
static void test_large_arrays_without_realloc(void **state) {
  (void)state;
  counting c = {0};
  kgr_alloc alc = {c_malloc, NULL, c_free, &c};
  kgr_arena a;
  kgr_arena_init(&a, &alc);
  u32_vec x = {0};
  fill(&a, &x, 100000);
  expect_sequence(&x, 100000);
  assert_int_equal(c.reallocs, 0);
  kgr_arena_release(&a);
  assert_int_equal(c.live, 0);
}

/* Rewinding frees the blocks made after the mark and keeps the older ones,
 * even one that grew after the mark. */
static void test_rewind_frees_newer_blocks(void **state) {
  (void)state;
  counting c = {0};
  kgr_alloc alc = {c_malloc, c_realloc, c_free, &c};
  kgr_arena a;
  kgr_arena_init(&a, &alc);
  u32_vec old = {0};
  fill(&a, &old, 50000); /* in a block */
  size_t live_before = c.live;
  kgr_arena_pos mark = kgr_arena_mark(&a);
  for (int round = 0; round < 3; round++) {
    u32_vec scratch = {0};
    fill(&a, &scratch, 200000);
    expect_sequence(&scratch, 200000);
    *KGR_VEC_PUSH(&a, old) = 50000 + (uint32_t)round; /* the old block grows */
    kgr_arena_rewind(&a, mark);
    assert_int_equal(c.live, live_before);
  }
  assert_int_equal(old.count, 50003);
  for (uint32_t i = 0; i < 50000; i++)
    assert_int_equal(old.items[i], i);
  assert_int_equal(old.items[50002], 50002);
  kgr_arena_release(&a);
  assert_int_equal(c.live, 0);
}

static jmp_buf oom_jump;

/* Grow two arrays with allocator call fail_at failing; returns whether it
 * failed. Either way, releasing the arena must free everything. */
static int grow_failing_at(size_t fail_at) {
  counting c = {0};
  c.fail_at = fail_at;
  kgr_alloc alc = {c_malloc, c_realloc, c_free, &c};
  kgr_arena a;
  kgr_arena_init(&a, &alc);
  a.oom = &oom_jump;
  int failed = 1;
  if (setjmp(oom_jump) == 0) {
    u32_vec x = {0}, y = {0};
    fill(&a, &x, 70000);
    (void)kgr_arena_alloc(&a, 100);
    fill(&a, &y, 70000);
    expect_sequence(&x, 70000);
    failed = 0;
  }
  kgr_arena_release(&a);
  assert_int_equal(c.live, 0);
  return failed;
}

/* Fail each allocator call in turn while arrays grow: the arena jumps to
 * its recovery point every time, and nothing is left allocated. */
static void test_failure_at_every_call(void **state) {
  (void)state;
  size_t k = 1;
  while (grow_failing_at(k))
    k++;
  assert_true(k > 4); /* the run above makes several calls */
}

/* A stage's scratch: as many arenas as asked, over the same allocator,
 * gone when the stage returns; the document arena keeps what the stage
 * put there. */
typedef struct stage_state {
  size_t seen;
  char *kept;
  kgr_arena *doc;
} stage_state;

static void stage(void *data, kgr_arena *scratch) {
  stage_state *st = data;
  for (size_t i = 0; i < 3; i++) {
    u32_vec v = {0};
    fill(&scratch[i], &v, 50000); /* in a block of scratch[i] */
    st->seen += v.count;
  }
  st->kept = kgr_arena_alloc(st->doc, 10);
  memcpy(st->kept, "record", 7);
}

static void test_scratch_is_released(void **state) {
  (void)state;
  counting c = {0};
  kgr_alloc alc = {c_malloc, c_realloc, c_free, &c};
  kgr_arena a;
  kgr_arena_init(&a, &alc);
  (void)kgr_arena_alloc(&a, 1);
  size_t live_before = c.live;
  stage_state st = {0, NULL, &a};
  kgr_arena_with_scratch(&a, 3, stage, &st);
  assert_int_equal(st.seen, 150000);
  assert_string_equal(st.kept, "record");
  assert_int_equal(c.live, live_before); /* no scratch chunk or block left */
  assert_null(a.oom);
  kgr_arena_release(&a);
  assert_int_equal(c.live, 0);
}

/* Failing each allocator call of a stage in turn: every failure reaches
 * the document's recovery point with the scratch already freed. */
static int stage_failing_at(size_t fail_at) {
  counting c = {0};
  c.fail_at = fail_at;
  kgr_alloc alc = {c_malloc, c_realloc, c_free, &c};
  kgr_arena a;
  kgr_arena_init(&a, &alc);
  a.oom = &oom_jump;
  int failed = 1;
  stage_state st = {0, NULL, &a};
  if (setjmp(oom_jump) == 0) {
    kgr_arena_with_scratch(&a, 3, stage, &st);
    failed = 0;
  }
  assert_ptr_equal(a.oom, &oom_jump); /* restored on both paths */
  kgr_arena_release(&a);
  assert_int_equal(c.live, 0);
  return failed;
}

static void test_scratch_failure_at_every_call(void **state) {
  (void)state;
  size_t k = 1;
  while (stage_failing_at(k))
    k++;
  assert_true(k > 6);
}

/* Small arrays stay in the chunks, and the latest one grows in place. */
static void test_small_array_grows_in_place(void **state) {
  (void)state;
  kgr_arena a;
  kgr_arena_init(&a, NULL);
  u32_vec v = {0};
  fill(&a, &v, 8);
  uint32_t *first = v.items;
  fill(&a, &v, 1000); /* 8 more, then 1000 more: 4 KiB, no other allocation */
  assert_ptr_equal(v.items, first);
  assert_int_equal(a.block_bytes, 0);
  kgr_arena_release(&a);
}

/* A large request takes a block of its own and leaves the current chunk's
 * room to the small ones after it; a large string buffer grows in its
 * block. */
static void test_large_requests_keep_the_chunk(void **state) {
  (void)state;
  kgr_arena a;
  kgr_arena_init(&a, NULL);
  char *small = kgr_arena_alloc(&a, 100);
  char *big = kgr_arena_alloc(&a, 1 << 20);
  char *next = kgr_arena_alloc(&a, 100);
  assert_ptr_equal(next, small + 112); /* 100 rounded up to 16 */
  memset(big, 'x', 1 << 20);
  assert_int_equal(a.total, 64 * 1024); /* one chunk */
  kgr_buf buf = {0};
  for (int i = 0; i < 300000; i++)
    kgr_buf_putc(&a, &buf, (char)('a' + i % 26));
  assert_int_equal(buf.len, 300000);
  assert_int_equal(buf.data[299999], 'a' + 299999 % 26);
  assert_int_equal(buf.data[300000], '\0');
  /* 1 MiB + the buffer's final 512 KiB block, not the trail of its sizes */
  assert_true(a.block_bytes < (1 << 20) + (1 << 19) + 4096);
  kgr_arena_release(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_large_arrays_grow_in_their_blocks),
      cmocka_unit_test(test_large_arrays_without_realloc),
      cmocka_unit_test(test_rewind_frees_newer_blocks),
      cmocka_unit_test(test_failure_at_every_call),
      cmocka_unit_test(test_small_array_grows_in_place),
      cmocka_unit_test(test_large_requests_keep_the_chunk),
      cmocka_unit_test(test_scratch_is_released),
      cmocka_unit_test(test_scratch_failure_at_every_call),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
