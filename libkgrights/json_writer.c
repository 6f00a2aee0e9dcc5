/*
 * json_writer.c - the streaming JSON emitter.
 */
#include "json_writer.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

static void flush(kgr_jw *w) {
  if (w->len && !w->failed && w->fn(w->ctx, w->buf, w->len) != 0)
    w->failed = true;
  w->len = 0;
}

static void put(kgr_jw *w, const char *s, size_t n) {
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

static void putc_(kgr_jw *w, char c) {
  if (w->len == sizeof w->buf)
    flush(w);
  w->buf[w->len++] = c;
}

static void newline(kgr_jw *w) {
  if (!w->pretty)
    return;
  putc_(w, '\n');
  for (int i = 0; i < w->depth; i++)
    put(w, "  ", 2);
}

/* Before any value or key inside a container: the separator and indent. */
static void before_item(kgr_jw *w) {
  if (w->depth == 0)
    return;
  if (!w->first[w->depth])
    putc_(w, ',');
  w->first[w->depth] = false;
  newline(w);
}

void kgr_jw_init(kgr_jw *w, uint32_t flags, kgr_write_fn fn, void *ctx) {
  memset(w, 0, sizeof *w);
  w->fn = fn;
  w->ctx = ctx;
  w->pretty = !(flags & KGR_JSON_COMPACT);
  w->ascii = (flags & KGR_JSON_ASCII) != 0;
}

bool kgr_jw_finish(kgr_jw *w) {
  flush(w);
  return !w->failed;
}

/* Inside an object a value follows its key, which wrote the separator;
 * inside an array each value writes its own. */
static void begin_value(kgr_jw *w) {
  if (w->depth > 0 && w->in_array[w->depth])
    before_item(w);
}

static void open_(kgr_jw *w, char c) {
  begin_value(w);
  putc_(w, c);
  if (w->depth + 1 < KGR_JW_MAX_DEPTH) {
    w->depth++;
    w->first[w->depth] = true;
    w->in_array[w->depth] = c == '[';
  }
}

static void close_(kgr_jw *w, char c) {
  bool empty = w->first[w->depth];
  if (w->depth > 0)
    w->depth--;
  if (!empty)
    newline(w);
  putc_(w, c);
}

void kgr_jw_object(kgr_jw *w) { open_(w, '{'); }
void kgr_jw_array(kgr_jw *w) { open_(w, '['); }
void kgr_jw_end_object(kgr_jw *w) { close_(w, '}'); }
void kgr_jw_end_array(kgr_jw *w) { close_(w, ']'); }

static void raw_string(kgr_jw *w, const char *s, size_t n);

void kgr_jw_key(kgr_jw *w, const char *key) {
  before_item(w);
  raw_string(w, key, strlen(key));
  if (w->pretty)
    put(w, ": ", 2);
  else
    putc_(w, ':');
}

void kgr_jw_null(kgr_jw *w) {
  begin_value(w);
  put(w, "null", 4);
}

void kgr_jw_bool(kgr_jw *w, bool v) {
  begin_value(w);
  if (v)
    put(w, "true", 4);
  else
    put(w, "false", 5);
}

/* The decimal digits of v, and a minus sign if neg, ending at end; returns
 * where they start. snprintf costs hundreds of instructions a number. */
static char *format_u64(char *end, uint64_t v, bool neg) {
  char *p = end;
  do {
    *--p = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  if (neg)
    *--p = '-';
  return p;
}

void kgr_jw_int(kgr_jw *w, int64_t v) {
  begin_value(w);
  char b[24];
  /* The magnitude as unsigned, so that INT64_MIN does not overflow. */
  uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  char *p = format_u64(b + sizeof b, m, v < 0);
  put(w, p, (size_t)(b + sizeof b - p));
}

void kgr_jw_uint(kgr_jw *w, uint64_t v) {
  begin_value(w);
  char b[24];
  char *p = format_u64(b + sizeof b, v, false);
  put(w, p, (size_t)(b + sizeof b - p));
}

void kgr_jw_double(kgr_jw *w, double v, int decimals) {
  begin_value(w);
  if (v != v || v > 1e300 || v < -1e300) { /* JSON has no NaN or infinity */
    put(w, "null", 4);
    return;
  }
  char b[64];
  int n = snprintf(b, sizeof b, "%.*f", decimals, v);
  /* Trim trailing zeros so that 42.87000 reads 42.87. */
  if (decimals > 0) {
    while (n > 1 && b[n - 1] == '0')
      n--;
    if (b[n - 1] == '.')
      n--;
  }
  put(w, b, (size_t)n);
}

static void put_u(kgr_jw *w, uint32_t u) {
  static const char hex[] = "0123456789abcdef";
  char b[6] = {'\\', 'u', hex[(u >> 12) & 15], hex[(u >> 8) & 15],
               hex[(u >> 4) & 15], hex[u & 15]};
  put(w, b, 6);
}

static void raw_string(kgr_jw *w, const char *s, size_t n) {
  putc_(w, '"');
  size_t i = 0, run = 0; /* run: start of bytes that need no escaping */
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      i++;
      continue;
    }
    put(w, s + run, i - run);
    if (c < 0x80) {
      switch (c) {
      case '"': put(w, "\\\"", 2); break;
      case '\\': put(w, "\\\\", 2); break;
      case '\n': put(w, "\\n", 2); break;
      case '\t': put(w, "\\t", 2); break;
      case '\r': put(w, "\\r", 2); break;
      case '\b': put(w, "\\b", 2); break;
      case '\f': put(w, "\\f", 2); break;
      default: put_u(w, c); break;
      }
      i++;
    } else {
      uint32_t cp;
      size_t k = kgr_utf8_decode(s + i, n - i, &cp);
      if (!k) {
        cp = 0xFFFD; /* invalid byte: never emit invalid UTF-8 */
        k = 1;
        if (w->ascii)
          put_u(w, cp);
        else
          put(w, "\xEF\xBF\xBD", 3);
      } else if (w->ascii || cp == 0x2028 || cp == 0x2029) {
        if (cp >= 0x10000) {
          uint32_t v = cp - 0x10000;
          put_u(w, 0xD800 | (v >> 10));
          put_u(w, 0xDC00 | (v & 0x3FF));
        } else {
          put_u(w, cp);
        }
      } else {
        put(w, s + i, k);
      }
      i += k;
    }
    run = i;
  }
  put(w, s + run, n - run);
  putc_(w, '"');
}

void kgr_jw_string(kgr_jw *w, const char *s, size_t n) {
  if (!s) {
    kgr_jw_null(w);
    return;
  }
  begin_value(w);
  raw_string(w, s, n);
}

void kgr_jw_cstring(kgr_jw *w, const char *s) {
  kgr_jw_string(w, s, s ? strlen(s) : 0);
}

void kgr_jw_key_str(kgr_jw *w, const char *key, kgr_str s) {
  kgr_jw_key(w, key);
  kgr_jw_string(w, s.ptr, s.len);
}

void kgr_jw_key_cstr(kgr_jw *w, const char *key, const char *s) {
  kgr_jw_key(w, key);
  kgr_jw_cstring(w, s);
}

void kgr_jw_key_span(kgr_jw *w, kgr_span sp) {
  kgr_jw_key(w, "span");
  kgr_jw_array(w);
  kgr_jw_uint(w, sp.start);
  kgr_jw_uint(w, sp.end);
  kgr_jw_end_array(w);
}
