/*
 * arena.h - the per-document bump allocator, and growable arrays in it.
 *
 * Every allocation of a parse comes from the document's arena and is
 * released at once by kgr_arena_release(). Allocation never returns NULL:
 * when the user's allocator fails, the arena jumps to the parse's recovery
 * point (kgr_arena.oom), which reports KGR_ENOMEM. Because nothing lives
 * outside the arena, the jump leaks nothing.
 */
#ifndef KGR_ARENA_H
#define KGR_ARENA_H

#include <setjmp.h>
#include <stddef.h>
#include <string.h>

#include "kgrights/kgr_common.h"

typedef struct kgr_chunk kgr_chunk;
typedef struct kgr_block kgr_block;

typedef struct kgr_arena {
  kgr_alloc alc;      /* the user's allocator, or malloc wrappers */
  kgr_chunk *head;    /* newest chunk first */
  char *cur, *end;    /* free space in the newest chunk */
  size_t total;       /* bytes of the chunks */
  kgr_block *blocks;  /* large arrays, each in its own block; newest first */
  size_t block_count; /* blocks ever made: a block's serial number */
  size_t block_bytes; /* bytes of the blocks */
  size_t allocations; /* calls to the user's allocator */
  jmp_buf *oom;       /* where to go when the allocator fails; NULL aborts */
} kgr_arena;

/* Set up an empty arena over `alc` (NULL for malloc). Allocates nothing. */
void kgr_arena_init(kgr_arena *a, const kgr_alloc *alc);

/* Release every chunk. The arena may be used again afterwards. */
void kgr_arena_release(kgr_arena *a);

/* `n` bytes aligned for any object, uninitialised. Never NULL. */
void *kgr_arena_alloc(kgr_arena *a, size_t n);

/* `n` zeroed bytes. Never NULL. */
void *kgr_arena_calloc(kgr_arena *a, size_t n);

/*
 * Scratch that does not outlive a step of the work: take a mark, allocate,
 * then rewind to the mark, which gives back every chunk obtained since and
 * makes the space allocated since free again (pointers into it become
 * invalid). Marks nest; rewinding to one also drops the marks taken after
 * it. A mark is good until the arena is released.
 *
 * Per-sentence vectors kept in the document arena for the whole parse are
 * most of the peak memory on long documents: a stage can keep them in a
 * scratch arena (kgr_arena_init over the document's allocator, released
 * when the stage ends) and rewind it after each sentence.
 */
typedef struct kgr_arena_pos {
  kgr_chunk *head;
  char *cur, *end;
  size_t total;
  size_t block_count;
} kgr_arena_pos;

kgr_arena_pos kgr_arena_mark(const kgr_arena *a);
void kgr_arena_rewind(kgr_arena *a, kgr_arena_pos pos);

/*
 * Run fn(ctx, scratch) with `count` (1 to KGR_SCRATCH_MAX) scratch arenas
 * over a's allocator, released when fn returns: a stage keeps its working
 * data there, so that the document arena keeps only its records. When an
 * allocation fails, in `a` or in the scratch, the scratch is released
 * first and the failure goes on to a's recovery point.
 */
enum { KGR_SCRATCH_MAX = 4 };
typedef void (*kgr_scratch_fn)(void *ctx, kgr_arena *scratch);
void kgr_arena_with_scratch(kgr_arena *a, size_t count, kgr_scratch_fn fn, void *ctx);

/* A NUL-terminated copy of s[0, n) as a kgr_str. */
kgr_str kgr_arena_str(kgr_arena *a, const char *s, size_t n);

/* A NUL-terminated copy of the C string s (NULL gives a null kgr_str). */
kgr_str kgr_arena_cstr(kgr_arena *a, const char *s);

/*
 * Grow an array to hold at least one more element: returns the new base
 * (contents copied) and updates *cap. Doubling keeps the total copy cost
 * linear. An array that is the arena's latest allocation grows in place
 * when its chunk has room, leaving no old copy behind. An array of
 * KGR_ARENA_BLOCK bytes or more moves to a block of its own, which later
 * growth reallocates: a long document's large arrays leave no trail of
 * old copies, which would otherwise be about as large as the arrays.
 */
enum { KGR_ARENA_BLOCK = 64 * 1024 };
void *kgr_arena_grow(kgr_arena *a, void *items, size_t count, size_t *cap,
                     size_t elem_size);

/* A growable array of T in an arena: `KGR_VEC(int) v = {0};`. */
#define KGR_VEC(T) \
  struct {         \
    T *items;      \
    size_t count;  \
    size_t cap;    \
  }

/* Append one zeroed element and return a pointer to it. */
#define KGR_VEC_PUSH(arena, v)                                              \
  ((v).count == (v).cap                                                     \
       ? (void)((v).items = kgr_arena_grow((arena), (v).items, (v).count,   \
                                           &(v).cap, sizeof *(v).items))    \
       : (void)0,                                                           \
   memset(&(v).items[(v).count], 0, sizeof *(v).items),                     \
   &(v).items[(v).count++])

/* A growable byte buffer in an arena, for building strings. */
typedef struct kgr_buf {
  char *data;
  size_t len, cap;
} kgr_buf;

void kgr_buf_append(kgr_arena *a, kgr_buf *b, const char *s, size_t n);
void kgr_buf_putc(kgr_arena *a, kgr_buf *b, char c);
/* Finish the buffer as a NUL-terminated kgr_str (the buffer may be reused). */
kgr_str kgr_buf_str(kgr_arena *a, kgr_buf *b);

#endif /* KGR_ARENA_H */
