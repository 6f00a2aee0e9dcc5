/*
 * arena.c - the per-document bump allocator.
 */
#include "arena.h"

#include "sys_alloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

struct kgr_chunk {
  kgr_chunk *next;
  size_t size; /* bytes of the whole chunk, header included */
};

enum { KGR_ALIGN = 16, KGR_MIN_CHUNK = 64 * 1024, KGR_MAX_CHUNK = 1024 * 1024 };

/* Header padded so that chunk payloads keep KGR_ALIGN alignment. */
#define KGR_CHUNK_HEADER ((sizeof(kgr_chunk) + KGR_ALIGN - 1) & ~(size_t)(KGR_ALIGN - 1))

/* One large array (kgr_arena_grow): the list is doubly linked so that a
 * block can be reallocated where it stands. */
struct kgr_block {
  kgr_block *next, *prev; /* next: older */
  size_t size;            /* bytes of the whole block, header included */
  size_t serial;          /* kgr_arena.block_count when it was made */
};

#define KGR_BLOCK_HEADER ((sizeof(kgr_block) + KGR_ALIGN - 1) & ~(size_t)(KGR_ALIGN - 1))

void kgr_arena_init(kgr_arena *a, const kgr_alloc *alc) {
  memset(a, 0, sizeof *a);
  if (alc && alc->malloc && alc->free) {
    a->alc = *alc;
  } else {
    a->alc.malloc = kgr_sys_malloc;
    a->alc.realloc = kgr_sys_realloc;
    a->alc.free = kgr_sys_free;
  }
}

/* Free the blocks made after the serial-th one. */
static void free_blocks_after(kgr_arena *a, size_t serial) {
  while (a->blocks && a->blocks->serial > serial) {
    kgr_block *b = a->blocks;
    a->blocks = b->next;
    if (a->blocks)
      a->blocks->prev = NULL;
    a->block_bytes -= b->size;
    a->alc.free(a->alc.ctx, b);
  }
}

void kgr_arena_release(kgr_arena *a) {
  kgr_chunk *c = a->head;
  while (c) {
    kgr_chunk *next = c->next;
    a->alc.free(a->alc.ctx, c);
    c = next;
  }
  free_blocks_after(a, 0);
  a->head = NULL;
  a->cur = a->end = NULL;
  a->total = 0;
  a->block_count = 0;
}

kgr_arena_pos kgr_arena_mark(const kgr_arena *a) {
  return (kgr_arena_pos){a->head, a->cur, a->end, a->total, a->block_count};
}

void kgr_arena_rewind(kgr_arena *a, kgr_arena_pos pos) {
  while (a->head && a->head != pos.head) {
    kgr_chunk *next = a->head->next;
    a->alc.free(a->alc.ctx, a->head);
    a->head = next;
  }
  a->cur = pos.cur;
  a->end = pos.end;
  a->total = pos.total;
  /* Blocks made before the mark stay, even if they grew since: their
   * arrays were live at the mark. */
  free_blocks_after(a, pos.block_count);
}

static _Noreturn void arena_fail(kgr_arena *a) {
  if (a->oom)
    longjmp(*a->oom, 1);
  abort(); /* only reachable by a caller that set no recovery point */
}

/* A new block of n payload bytes, holding a copy of items[0, used). */
static void *new_block(kgr_arena *a, const void *items, size_t used, size_t n) {
  if (n > SIZE_MAX - KGR_BLOCK_HEADER)
    arena_fail(a);
  kgr_block *b = a->alc.malloc(a->alc.ctx, n + KGR_BLOCK_HEADER);
  a->allocations++;
  if (!b)
    arena_fail(a);
  b->size = n + KGR_BLOCK_HEADER;
  b->serial = ++a->block_count;
  b->prev = NULL;
  b->next = a->blocks;
  if (a->blocks)
    a->blocks->prev = b;
  a->blocks = b;
  a->block_bytes += b->size;
  char *p = (char *)b + KGR_BLOCK_HEADER;
  if (used)
    memcpy(p, items, used);
  return p;
}

void *kgr_arena_alloc(kgr_arena *a, size_t n) {
  size_t need = (n + KGR_ALIGN - 1) & ~(size_t)(KGR_ALIGN - 1);
  if (need < n)
    arena_fail(a);
  if ((size_t)(a->end - a->cur) >= need && a->cur) {
    void *p = a->cur;
    a->cur += need;
    return p;
  }
  /* A large request gets a block of its own, so that the room left in the
   * current chunk is not thrown away with a new chunk. */
  if (need >= KGR_ARENA_BLOCK)
    return new_block(a, NULL, 0, need);
  /* Chunks grow with the arena, so that small documents make few calls,
   * up to a size past which a chunk that a stage has barely begun would
   * hold memory for nothing (large requests have their own blocks). */
  size_t size = a->total / 2;
  if (size < KGR_MIN_CHUNK)
    size = KGR_MIN_CHUNK;
  if (size > KGR_MAX_CHUNK)
    size = KGR_MAX_CHUNK;
  if (size - KGR_CHUNK_HEADER < need) {
    size = need + KGR_CHUNK_HEADER;
    if (size < need)
      arena_fail(a);
  }
  kgr_chunk *c = a->alc.malloc(a->alc.ctx, size);
  a->allocations++;
  if (!c)
    arena_fail(a);
  c->next = a->head;
  c->size = size;
  a->head = c;
  a->total += size;
  char *base = (char *)c + KGR_CHUNK_HEADER;
  a->cur = base + need;
  a->end = (char *)c + size;
  return base;
}

void *kgr_arena_calloc(kgr_arena *a, size_t n) {
  void *p = kgr_arena_alloc(a, n);
  memset(p, 0, n);
  return p;
}

void kgr_arena_with_scratch(kgr_arena *a, size_t count, kgr_scratch_fn fn, void *ctx) {
  if (count < 1 || count > KGR_SCRATCH_MAX)
    abort(); /* a programming error inside the library */
  /* The scratch arenas live in `a`, so that nothing this frame changes
   * after setjmp is read after the jump. */
  kgr_arena *scratch = kgr_arena_calloc(a, count * sizeof *scratch);
  for (size_t i = 0; i < count; i++)
    kgr_arena_init(&scratch[i], &a->alc);
  jmp_buf *outer = a->oom;
  jmp_buf here;
  if (setjmp(here)) {
    for (size_t i = 0; i < count; i++)
      kgr_arena_release(&scratch[i]);
    a->oom = outer;
    if (outer)
      longjmp(*outer, 1);
    abort();
  }
  a->oom = &here;
  for (size_t i = 0; i < count; i++)
    scratch[i].oom = &here;
  fn(ctx, scratch);
  for (size_t i = 0; i < count; i++)
    kgr_arena_release(&scratch[i]);
  a->oom = outer;
}

kgr_str kgr_arena_str(kgr_arena *a, const char *s, size_t n) {
  char *p = kgr_arena_alloc(a, n + 1);
  if (n)
    memcpy(p, s, n);
  p[n] = '\0';
  return (kgr_str){p, n};
}

kgr_str kgr_arena_cstr(kgr_arena *a, const char *s) {
  if (!s)
    return (kgr_str){NULL, 0};
  return kgr_arena_str(a, s, strlen(s));
}

static size_t align_up(size_t n) { return (n + KGR_ALIGN - 1) & ~(size_t)(KGR_ALIGN - 1); }

/* Extend the allocation p of `old` bytes to `n` bytes where it lies, if it
 * is the latest one and its chunk has room. */
static bool extend_last(kgr_arena *a, void *p, size_t old, size_t n) {
  char *q = p;
  if (!q || !a->cur || q + align_up(old) != a->cur)
    return false;
  size_t need = align_up(n);
  if (need < n || (size_t)(a->end - q) < need)
    return false;
  a->cur = q + need;
  return true;
}

/* The block holding `items`, if the array lives in one. The list is short
 * (one block per large array) and searched once per doubling. */
static kgr_block *block_of(const kgr_arena *a, const void *items) {
  for (kgr_block *b = a->blocks; b; b = b->next)
    if ((const char *)b + KGR_BLOCK_HEADER == (const char *)items)
      return b;
  return NULL;
}

/* Block b grown to n payload bytes, where it stands in the list. */
static void *grow_block(kgr_arena *a, kgr_block *b, size_t n) {
  if (n > SIZE_MAX - KGR_BLOCK_HEADER)
    arena_fail(a);
  size_t old = b->size, size = n + KGR_BLOCK_HEADER;
  kgr_block *nb;
  if (a->alc.realloc) {
    nb = a->alc.realloc(a->alc.ctx, b, old, size);
  } else {
    nb = a->alc.malloc(a->alc.ctx, size);
    if (nb) {
      memcpy(nb, b, old);
      a->alc.free(a->alc.ctx, b);
    }
  }
  a->allocations++;
  if (!nb) /* b is still linked and is freed with the arena */
    arena_fail(a);
  nb->size = size;
  if (nb->prev)
    nb->prev->next = nb;
  else
    a->blocks = nb;
  if (nb->next)
    nb->next->prev = nb;
  a->block_bytes += size - old;
  return (char *)nb + KGR_BLOCK_HEADER;
}

void *kgr_arena_grow(kgr_arena *a, void *items, size_t count, size_t *cap, size_t elem_size) {
  size_t want = *cap ? *cap * 2 : 2;
  if (want < *cap || want > SIZE_MAX / elem_size)
    arena_fail(a);
  if (want * elem_size >= KGR_ARENA_BLOCK) {
    kgr_block *b = *cap ? block_of(a, items) : NULL;
    void *p = b ? grow_block(a, b, want * elem_size)
                : new_block(a, items, count * elem_size, want * elem_size);
    *cap = want;
    return p;
  }
  if (*cap && extend_last(a, items, *cap * elem_size, want * elem_size)) {
    *cap = want;
    return items;
  }
  void *p = kgr_arena_alloc(a, want * elem_size);
  if (count)
    memcpy(p, items, count * elem_size);
  *cap = want;
  return p;
}

void kgr_buf_append(kgr_arena *a, kgr_buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap || !b->data) {
    size_t want = b->cap ? b->cap : 64;
    while (want < b->len + n + 1) {
      if (want > SIZE_MAX / 2)
        arena_fail(a);
      want *= 2;
    }
    kgr_block *blk = want >= KGR_ARENA_BLOCK && b->cap ? block_of(a, b->data) : NULL;
    if (blk) {
      b->data = grow_block(a, blk, want);
      b->cap = want;
    } else if (b->cap && extend_last(a, b->data, b->cap, want)) {
      b->cap = want;
    } else {
      char *p = kgr_arena_alloc(a, want);
      if (b->len)
        memcpy(p, b->data, b->len);
      b->data = p;
      b->cap = want;
    }
  }
  if (n)
    memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void kgr_buf_putc(kgr_arena *a, kgr_buf *b, char c) {
  if (b->data && b->len + 2 <= b->cap) { /* room for c and the NUL */
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return;
  }
  kgr_buf_append(a, b, &c, 1);
}

kgr_str kgr_buf_str(kgr_arena *a, kgr_buf *b) {
  kgr_str s = kgr_arena_str(a, b->data ? b->data : "", b->len);
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
  return s;
}
