/*
 * kgr-arenaprof - where the parser's arena memory goes, by call site.
 *
 *   kgr-arenaprof [--top N] FILE...
 *
 * Parses each file once and attributes every byte taken from an arena (the
 * document's and the stages' scratch arenas) to the library function that
 * asked for it, then prints the top call sites, resolved with addr2line.
 * The arena functions are intercepted with the linker's --wrap (see
 * CMakeLists.txt), so this program links the static kgrights_internal and
 * depends on arena.h; it is a profiling aid, not an example of the API.
 *
 * Bytes are measured on the arena itself (bytes obtained minus the free
 * tail of the current chunk, before and after the call), so they include
 * alignment and the tails of chunks abandoned for a new one, and need no
 * knowledge of how each function sizes its requests.
 */
#define _GNU_SOURCE /* dladdr */

#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include <kgrights/kgrights.h>

/* ---- call-site table -------------------------------------------------- */

enum { SITES = 8192 };

typedef struct site {
  void *ra;
  size_t bytes, calls;
} site;

static site sites[SITES];
static size_t sites_used;
static int depth; /* count only the outermost intercepted call */

static size_t used(const kgr_arena *a) {
  return a->total + a->block_bytes - (size_t)(a->end - a->cur);
}

static void record(void *ra, size_t bytes) {
  size_t h = ((uintptr_t)ra >> 3) % SITES;
  for (size_t k = 0; k < SITES; k++, h = (h + 1) % SITES) {
    if (sites[h].ra == ra || !sites[h].ra) {
      if (!sites[h].ra) sites_used++;
      sites[h].ra = ra;
      sites[h].bytes += bytes;
      sites[h].calls++;
      return;
    }
  }
}

/* Run `call` (which allocates from arena `a`) and charge the bytes it took
 * to the caller of the wrapper. */
#define CHARGE(a, call)                                          \
  do {                                                           \
    void *ra_ = __builtin_return_address(0);                     \
    size_t before_ = used(a);                                    \
    depth++;                                                     \
    call;                                                        \
    depth--;                                                     \
    if (!depth) record(ra_, used(a) - before_);                  \
  } while (0)

/* ---- the wrappers (-Wl,--wrap=NAME makes calls to NAME reach these) ---- */

/* Weak, so that the program still links if arena.c drops one of these
 * functions (a wrapper of a function that no longer exists is never
 * called). */
#define KGR_WEAK __attribute__((weak))

void *__real_kgr_arena_alloc(kgr_arena *a, size_t n) KGR_WEAK;
void *__wrap_kgr_arena_alloc(kgr_arena *a, size_t n);
void *__real_kgr_arena_calloc(kgr_arena *a, size_t n) KGR_WEAK;
void *__wrap_kgr_arena_calloc(kgr_arena *a, size_t n);
kgr_str __real_kgr_arena_str(kgr_arena *a, const char *s, size_t n) KGR_WEAK;
kgr_str __wrap_kgr_arena_str(kgr_arena *a, const char *s, size_t n);
kgr_str __real_kgr_arena_cstr(kgr_arena *a, const char *s) KGR_WEAK;
kgr_str __wrap_kgr_arena_cstr(kgr_arena *a, const char *s);
void *__real_kgr_arena_grow(kgr_arena *a, void *items, size_t count, size_t *cap,
                            size_t elem_size) KGR_WEAK;
void *__wrap_kgr_arena_grow(kgr_arena *a, void *items, size_t count, size_t *cap,
                            size_t elem_size);
void __real_kgr_buf_append(kgr_arena *a, kgr_buf *b, const char *s, size_t n) KGR_WEAK;
void __wrap_kgr_buf_append(kgr_arena *a, kgr_buf *b, const char *s, size_t n);
void __real_kgr_buf_putc(kgr_arena *a, kgr_buf *b, char c) KGR_WEAK;
void __wrap_kgr_buf_putc(kgr_arena *a, kgr_buf *b, char c);
kgr_str __real_kgr_buf_str(kgr_arena *a, kgr_buf *b) KGR_WEAK;
kgr_str __wrap_kgr_buf_str(kgr_arena *a, kgr_buf *b);

void *__wrap_kgr_arena_alloc(kgr_arena *a, size_t n) {
  void *p;
  CHARGE(a, p = __real_kgr_arena_alloc(a, n));
  return p;
}
void *__wrap_kgr_arena_calloc(kgr_arena *a, size_t n) {
  void *p;
  CHARGE(a, p = __real_kgr_arena_calloc(a, n));
  return p;
}
kgr_str __wrap_kgr_arena_str(kgr_arena *a, const char *s, size_t n) {
  kgr_str r;
  CHARGE(a, r = __real_kgr_arena_str(a, s, n));
  return r;
}
kgr_str __wrap_kgr_arena_cstr(kgr_arena *a, const char *s) {
  kgr_str r;
  CHARGE(a, r = __real_kgr_arena_cstr(a, s));
  return r;
}
void *__wrap_kgr_arena_grow(kgr_arena *a, void *items, size_t count, size_t *cap,
                            size_t elem_size) {
  void *p;
  CHARGE(a, p = __real_kgr_arena_grow(a, items, count, cap, elem_size));
  return p;
}
void __wrap_kgr_buf_append(kgr_arena *a, kgr_buf *b, const char *s, size_t n) {
  CHARGE(a, __real_kgr_buf_append(a, b, s, n));
}
void __wrap_kgr_buf_putc(kgr_arena *a, kgr_buf *b, char c) {
  CHARGE(a, __real_kgr_buf_putc(a, b, c));
}
kgr_str __wrap_kgr_buf_str(kgr_arena *a, kgr_buf *b) {
  kgr_str r;
  CHARGE(a, r = __real_kgr_buf_str(a, b));
  return r;
}

/* ---- main ---------------------------------------------------------------- */

static int by_bytes(const void *x, const void *y) {
  const site *a = x, *b = y;
  return a->bytes < b->bytes ? 1 : a->bytes > b->bytes ? -1 : 0;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t n = 0, cap = 0, r;
  do {
    if (n == cap) {
      cap = cap ? cap * 2 : 65536;
      char *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = nb;
    }
    r = fread(buf + n, 1, cap - n, f);
    n += r;
  } while (r > 0);
  fclose(f);
  *len = n;
  return buf;
}

int main(int argc, char **argv) {
  size_t top = 25, input = 0;
  int files = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--top") && i + 1 < argc) {
      top = strtoul(argv[++i], NULL, 10);
      continue;
    }
    if (argv[i][0] == '-') {
      fputs("Usage: kgr-arenaprof [--top N] FILE...\n", stderr);
      return 2;
    }
    size_t len;
    char *buf = slurp(argv[i], &len);
    if (!buf) {
      perror(argv[i]);
      return 3;
    }
    kgr_doc *doc = kgr_parse(buf, len, KGR_PARSE_DEFAULT, NULL, NULL);
    kgr_doc_free(doc);
    free(buf);
    input += len;
    files++;
  }
  if (!files) {
    fputs("Usage: kgr-arenaprof [--top N] FILE...\n", stderr);
    return 2;
  }
  qsort(sites, SITES, sizeof *sites, by_bytes);
  size_t total = 0;
  for (size_t i = 0; i < sites_used; i++) total += sites[i].bytes;
  printf("kgr-arenaprof: %d file%s, %zu input bytes; arena bytes %zu (%.1f per input byte) "
         "from %zu call sites\n",
         files, files == 1 ? "" : "s", input, total, input ? (double)total / (double)input : 0.0,
         sites_used);
  printf("%14s %6s %10s  %s\n", "bytes", "share", "calls", "call site");

  /* Resolve the return addresses (relative to where this program was
   * loaded, for a position-independent executable) with addr2line. */
  Dl_info info;
  uintptr_t base = 0;
  if (dladdr((void *)&by_bytes, &info) && info.dli_fbase) base = (uintptr_t)info.dli_fbase;
  char cmd[64 + 20 * 64];
  int off = snprintf(cmd, sizeof cmd, "addr2line -f -s -e /proc/%ld/exe", (long)getpid());
  size_t shown = top < sites_used ? top : sites_used;
  if (shown > 60) shown = 60;
  for (size_t i = 0; i < shown; i++)
    off += snprintf(cmd + off, sizeof cmd - (size_t)off, " %#lx",
                    (unsigned long)((uintptr_t)sites[i].ra - base - 1));
  FILE *p = popen(cmd, "r");
  for (size_t i = 0; i < shown; i++) {
    char fn[256] = "?", where[256] = "?";
    if (p && fgets(fn, sizeof fn, p) && fgets(where, sizeof where, p)) {
      fn[strcspn(fn, "\n")] = '\0';
      where[strcspn(where, "\n")] = '\0';
    }
    int located = where[0] != '?' && where[0] != ':'; /* no line without -g */
    printf("%14zu %5.1f%% %10zu  %s%s%s%s\n", sites[i].bytes,
           total ? 100.0 * (double)sites[i].bytes / (double)total : 0.0, sites[i].calls, fn,
           located ? " (" : "", located ? where : "", located ? ")" : "");
  }
  if (p) pclose(p);
  return 0;
}
