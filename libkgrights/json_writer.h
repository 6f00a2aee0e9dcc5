/*
 * json_writer.h - a small streaming JSON emitter (pretty or compact) used
 * by the record writer. Output goes through a kgr_write_fn in pieces of at
 * most a few KiB; strings are always emitted as valid UTF-8 (invalid bytes
 * become U+FFFD).
 */
#ifndef KGR_JSON_WRITER_H
#define KGR_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>

#include "kgrights/kgr_write.h"

#define KGR_JW_MAX_DEPTH 32

typedef struct kgr_jw {
  kgr_write_fn fn;
  void *ctx;
  bool pretty, ascii, failed;
  int depth;
  bool first[KGR_JW_MAX_DEPTH];    /* no member written yet at this depth */
  bool in_array[KGR_JW_MAX_DEPTH]; /* the container at this depth is [ ] */
  size_t len;
  char buf[4096];
} kgr_jw;

void kgr_jw_init(kgr_jw *w, uint32_t flags, kgr_write_fn fn, void *ctx);
/* Flush what is buffered; returns false if the sink stopped. */
bool kgr_jw_finish(kgr_jw *w);

void kgr_jw_object(kgr_jw *w); /* { */
void kgr_jw_array(kgr_jw *w);  /* [ */
void kgr_jw_end_object(kgr_jw *w);
void kgr_jw_end_array(kgr_jw *w);
void kgr_jw_key(kgr_jw *w, const char *key);
/* A key of n bytes that needs no escaping (a plain ASCII name). */
void kgr_jw_key_n(kgr_jw *w, const char *key, size_t n);
/* A key given as a string literal, such as a schema field name: its length
 * comes from sizeof, so it is not scanned. It must need no escaping. */
#define KGR_JW_KEY(w, lit) kgr_jw_key_n((w), "" lit, sizeof(lit) - 1)

void kgr_jw_null(kgr_jw *w);
void kgr_jw_bool(kgr_jw *w, bool v);
void kgr_jw_int(kgr_jw *w, int64_t v);
void kgr_jw_uint(kgr_jw *w, uint64_t v);
void kgr_jw_double(kgr_jw *w, double v, int decimals);
/* A string of n bytes; s == NULL writes null. */
void kgr_jw_string(kgr_jw *w, const char *s, size_t n);
/* A C string; NULL writes null. */
void kgr_jw_cstring(kgr_jw *w, const char *s);

/* An object member: a key of n bytes that needs no escaping, then the
 * value (a null kgr_str writes null). */
static inline void kgr_jw_key_n_str(kgr_jw *w, const char *key, size_t n, kgr_str s) {
  kgr_jw_key_n(w, key, n);
  kgr_jw_string(w, s.ptr, s.len);
}
/* Members with a key given as a string literal (see KGR_JW_KEY): a
 * kgr_str, or a C string (NULL writes null). The value is evaluated once,
 * and may hold commas (a compound literal). */
#define KGR_JW_KEY_STR(w, lit, ...) kgr_jw_key_n_str((w), "" lit, sizeof(lit) - 1, (__VA_ARGS__))
#define KGR_JW_KEY_CSTR(w, lit, ...) (KGR_JW_KEY(w, lit), kgr_jw_cstring((w), (__VA_ARGS__)))
/* The member "span": [start, end]. */
void kgr_jw_key_span(kgr_jw *w, kgr_span sp);

#endif /* KGR_JSON_WRITER_H */
