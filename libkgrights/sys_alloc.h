/*
 * sys_alloc.h - the allocator a parse uses when the caller gives none.
 */
#ifndef KGR_SYS_ALLOC_H
#define KGR_SYS_ALLOC_H

#include <stddef.h>

/*
 * malloc, realloc and free with the kgr_alloc signatures (ctx unused),
 * except that requests of KGR_SYS_MAP_MIN bytes or more are mapped from
 * the system where it can (POSIX mmap; mremap on Linux). Why: glibc's own
 * mapping threshold rises each time a large block is freed, after which
 * large blocks come from the heap, where freed memory stays resident and
 * a growing array's untouched capacity can be touched by later reuse. A
 * document's chunks and arrays are then resident only while it is parsed,
 * and only the pages it wrote.
 */
enum { KGR_SYS_MAP_MIN = 128 * 1024 };

void *kgr_sys_malloc(void *ctx, size_t n);
void *kgr_sys_realloc(void *ctx, void *p, size_t old, size_t n);
void kgr_sys_free(void *ctx, void *p);

#endif /* KGR_SYS_ALLOC_H */
