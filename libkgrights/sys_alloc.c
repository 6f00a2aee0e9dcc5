/*
 * sys_alloc.c - the default allocator: malloc for small requests, pages
 * mapped from the system for large ones (see sys_alloc.h).
 *
 * Every block carries a 16-byte header before the pointer handed out: its
 * total size, and whether it was mapped, which free and realloc need
 * because kgr_alloc's free is not told the size.
 */
#if defined(__linux__)
#define _GNU_SOURCE /* mremap */
#endif

#include "sys_alloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer every block stays with malloc, which it checks. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KGR_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define KGR_SANITIZED 1
#endif

#if (defined(__unix__) || defined(__APPLE__)) && !defined(KGR_SANITIZED)
#include <sys/mman.h>
#if defined(MAP_ANONYMOUS)
#define KGR_HAVE_MMAP 1
#endif
#endif

typedef struct sys_header {
  size_t size;   /* bytes of the whole block, header included */
  size_t mapped; /* 1: munmap it; 0: free it */
} sys_header;

/* Keeps the payload aligned as malloc aligns (16 on the usual ABIs). */
enum { HEADER = 16 };
_Static_assert(sizeof(sys_header) <= HEADER, "sys_alloc header too large");

static sys_header *header_of(void *p) { return (sys_header *)((char *)p - HEADER); }

static void *payload(sys_header *h, size_t size, bool mapped) {
  h->size = size;
  h->mapped = mapped;
  return (char *)h + HEADER;
}

#if KGR_HAVE_MMAP
static sys_header *map(size_t size) {
  void *m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return m == MAP_FAILED ? NULL : m;
}
#endif

void *kgr_sys_malloc(void *ctx, size_t n) {
  (void)ctx;
  if (n > SIZE_MAX - HEADER)
    return NULL;
  size_t size = n + HEADER;
#if KGR_HAVE_MMAP
  if (n >= KGR_SYS_MAP_MIN) {
    sys_header *h = map(size);
    return h ? payload(h, size, true) : NULL;
  }
#endif
  sys_header *h = malloc(size);
  return h ? payload(h, size, false) : NULL;
}

void kgr_sys_free(void *ctx, void *p) {
  (void)ctx;
  if (!p)
    return;
  sys_header *h = header_of(p);
#if KGR_HAVE_MMAP
  if (h->mapped) {
    munmap(h, h->size);
    return;
  }
#endif
  free(h);
}

void *kgr_sys_realloc(void *ctx, void *p, size_t old, size_t n) {
  (void)old;
  if (!p)
    return kgr_sys_malloc(ctx, n);
  if (n > SIZE_MAX - HEADER)
    return NULL;
  sys_header *h = header_of(p);
  size_t size = n + HEADER;
  if (!h->mapped && n < KGR_SYS_MAP_MIN) {
    h = realloc(h, size);
    return h ? payload(h, size, false) : NULL;
  }
#if KGR_HAVE_MMAP && defined(__linux__)
  if (h->mapped && n >= KGR_SYS_MAP_MIN) { /* the kernel moves the pages */
    void *m = mremap(h, h->size, size, MREMAP_MAYMOVE);
    return m == MAP_FAILED ? NULL : payload(m, size, true);
  }
#endif
  /* Across the threshold (or no mremap): a new block and a copy. */
  void *q = kgr_sys_malloc(ctx, n);
  if (!q)
    return NULL;
  size_t keep = h->size - HEADER;
  memcpy(q, p, keep < n ? keep : n);
  kgr_sys_free(ctx, p);
  return q;
}
