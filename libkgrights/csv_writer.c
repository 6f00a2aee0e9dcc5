/*
 * csv_writer.c - the streaming RFC 4180 emitter (see csv_writer.h).
 */
#include "csv_writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static void *default_malloc(void *ctx, size_t n) {
  (void)ctx;
  return malloc(n);
}
static void default_free(void *ctx, void *p) {
  (void)ctx;
  free(p);
}

void kgr_csv_init(kgr_csv *w, uint32_t flags, const kgr_alloc *alc, kgr_write_fn fn, void *ctx) {
  memset(w, 0, sizeof *w);
  w->fn = fn;
  w->ctx = ctx;
  w->crlf = (flags & KGR_FORMAT_CRLF) != 0;
  if (alc && alc->malloc && alc->free) {
    w->alc = *alc;
  } else {
    w->alc.malloc = default_malloc;
    w->alc.free = default_free;
  }
}

static void flush(kgr_csv *w) {
  if (w->len && !w->failed && w->fn(w->ctx, w->buf, w->len) != 0)
    w->failed = true;
  w->len = 0;
}

static void put(kgr_csv *w, const char *s, size_t n) {
  while (n) {
    if (w->len == sizeof w->buf)
      flush(w);
    size_t room = sizeof w->buf - w->len;
    size_t k = n < room ? n : room;
    memcpy(w->buf + w->len, s, k);
    w->len += k;
    s += k;
    n -= k;
  }
}

kgr_status kgr_csv_finish(kgr_csv *w) {
  flush(w);
  if (w->cell)
    w->alc.free(w->alc.ctx, w->cell);
  w->cell = NULL;
  w->cell_len = w->cell_cap = 0;
  if (w->oom)
    return KGR_ENOMEM;
  return w->failed ? KGR_EIO : KGR_OK;
}

void kgr_csv_cell_begin(kgr_csv *w) { w->cell_len = 0; }

void kgr_csv_cell_add(kgr_csv *w, const char *s, size_t n) {
  if (!s || !n || w->oom)
    return;
  if (w->cell_cap - w->cell_len < n) {
    size_t cap = w->cell_cap ? w->cell_cap : 256;
    while (cap - w->cell_len < n) {
      if (cap > SIZE_MAX / 2) {
        w->oom = true;
        return;
      }
      cap *= 2;
    }
    /* malloc + copy rather than realloc: a caller's allocator may have none. */
    char *p = w->alc.malloc(w->alc.ctx, cap);
    if (!p) {
      w->oom = true;
      return;
    }
    if (w->cell_len)
      memcpy(p, w->cell, w->cell_len);
    if (w->cell)
      w->alc.free(w->alc.ctx, w->cell);
    w->cell = p;
    w->cell_cap = cap;
  }
  memcpy(w->cell + w->cell_len, s, n);
  w->cell_len += n;
}

void kgr_csv_cell_adds(kgr_csv *w, const char *s) {
  if (s)
    kgr_csv_cell_add(w, s, strlen(s));
}

void kgr_csv_cell_addi(kgr_csv *w, int64_t v) {
  char b[32];
  int n = snprintf(b, sizeof b, "%lld", (long long)v);
  kgr_csv_cell_add(w, b, (size_t)n);
}

void kgr_csv_cell_sep(kgr_csv *w, const char *sep) {
  if (w->cell_len)
    kgr_csv_cell_adds(w, sep);
}

/* Write s[0, n) with invalid UTF-8 replaced and quotes doubled (when
 * `quoted`). */
static void put_text(kgr_csv *w, const char *s, size_t n, bool quoted) {
  size_t i = 0, run = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      if (c == '"' && quoted) {
        put(w, s + run, i + 1 - run);
        put(w, "\"", 1); /* the doubled quote */
        run = ++i;
        continue;
      }
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = kgr_utf8_decode(s + i, n - i, &cp);
    if (k) {
      i += k;
      continue;
    }
    put(w, s + run, i - run);
    put(w, "\xEF\xBF\xBD", 3);
    run = ++i;
  }
  put(w, s + run, n - run);
}

static void begin_cell(kgr_csv *w) {
  if (w->row_started)
    put(w, ",", 1);
  w->row_started = true;
}

static void write_cell(kgr_csv *w, const char *s, size_t n) {
  begin_cell(w);
  if (!s || !n)
    return; /* an empty cell */
  bool quote = false;
  for (size_t i = 0; i < n && !quote; i++)
    quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
  if (quote)
    put(w, "\"", 1);
  put_text(w, s, n, quote);
  if (quote)
    put(w, "\"", 1);
}

void kgr_csv_cell_end(kgr_csv *w) { write_cell(w, w->cell, w->cell_len); }

void kgr_csv_str(kgr_csv *w, kgr_str s) { write_cell(w, s.ptr, s.ptr ? s.len : 0); }

void kgr_csv_cstr(kgr_csv *w, const char *s) { write_cell(w, s, s ? strlen(s) : 0); }

void kgr_csv_int(kgr_csv *w, int64_t v) {
  char b[32];
  int n = snprintf(b, sizeof b, "%lld", (long long)v);
  write_cell(w, b, (size_t)n);
}

void kgr_csv_uint(kgr_csv *w, uint64_t v) {
  char b[32];
  int n = snprintf(b, sizeof b, "%llu", (unsigned long long)v);
  write_cell(w, b, (size_t)n);
}

void kgr_csv_double(kgr_csv *w, double v, int decimals) {
  if (v != v || v > 1e300 || v < -1e300) {
    kgr_csv_empty(w);
    return;
  }
  char b[64];
  int n = snprintf(b, sizeof b, "%.*f", decimals, v);
  if (decimals > 0) {
    while (n > 1 && b[n - 1] == '0')
      n--;
    if (b[n - 1] == '.')
      n--;
  }
  write_cell(w, b, (size_t)n);
}

void kgr_csv_empty(kgr_csv *w) { begin_cell(w); }

void kgr_csv_header(kgr_csv *w, const char *const *names, size_t n) {
  for (size_t i = 0; i < n; i++)
    kgr_csv_cstr(w, names[i]);
  kgr_csv_end_row(w);
}

void kgr_csv_end_row(kgr_csv *w) {
  if (w->crlf)
    put(w, "\r\n", 2);
  else
    put(w, "\n", 1);
  w->row_started = false;
}
