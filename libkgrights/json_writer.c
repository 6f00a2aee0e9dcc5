/*
 * json_writer.c - the streaming JSON emitter.
 */
#include "json_writer.h"

#include <math.h>
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

/* The bytes raw_string and kgr_jw_key must look at: ASCII that JSON
 * escapes (controls, '"', '\\') and every non-ASCII byte (checked as
 * UTF-8). The others go out as they are, a run at a time. */
/* clang-format off */
static const unsigned char special[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
/* clang-format on */

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
  if (w->pretty)
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

/* The key and its colon, written at once when they fit: key needs no
 * escaping. */
static void put_name(kgr_jw *w, const char *key, size_t n) {
  if (n + 4 <= sizeof w->buf - w->len) {
    char *p = w->buf + w->len;
    *p++ = '"';
    memcpy(p, key, n);
    p += n;
    *p++ = '"';
    *p++ = ':';
    if (w->pretty)
      *p++ = ' ';
    w->len = (size_t)(p - w->buf);
    return;
  }
  raw_string(w, key, n);
  if (w->pretty)
    put(w, ": ", 2);
  else
    putc_(w, ':');
}

void kgr_jw_key(kgr_jw *w, const char *key) {
  size_t n = 0;
  while (key[n] && !special[(unsigned char)key[n]])
    n++;
  if (key[n]) { /* a key that needs escaping */
    before_item(w);
    raw_string(w, key, n + strlen(key + n));
    if (w->pretty)
      put(w, ": ", 2);
    else
      putc_(w, ':');
    return;
  }
  kgr_jw_key_n(w, key, n);
}

void kgr_jw_key_n(kgr_jw *w, const char *key, size_t n) {
  before_item(w);
  put_name(w, key, n);
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

/* v as snprintf "%.*f" prints it, into b; returns the length. Coordinates
 * are most numbers written: when |v| * 10^decimals is below 1e9, the one
 * rounding of the product is off by less than 1.2e-7, so unless it lies
 * within 1e-6 of a tie, rounding it to an integer gives the digits printf
 * would. The rest goes to snprintf. */
static int format_fixed(char *b, size_t size, double v, int decimals) {
  static const double pow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  if (decimals >= 0 && decimals <= 9) {
    double r = (v < 0 ? -v : v) * pow10[decimals];
    uint64_t whole = r < 1e9 ? (uint64_t)r : 0;
    double frac = r - (double)whole;
    if (r < 1e9 && (frac < 0.5 - 1e-6 || frac > 0.5 + 1e-6)) {
      uint64_t q = whole + (frac > 0.5), scale = (uint64_t)pow10[decimals];
      char t[24], *end = t + sizeof t, *p = format_u64(end, q / scale, signbit(v) != 0);
      size_t n = (size_t)(end - p);
      memcpy(b, p, n);
      if (decimals > 0) {
        b[n++] = '.';
        p = format_u64(end, q % scale + scale, false); /* a leading 1 keeps the zeros */
        memcpy(b + n, p + 1, (size_t)decimals);
        n += (size_t)decimals;
      }
      b[n] = '\0';
      return (int)n;
    }
  }
  return snprintf(b, size, "%.*f", decimals, v);
}

void kgr_jw_double(kgr_jw *w, double v, int decimals) {
  begin_value(w);
  if (v != v || v > 1e300 || v < -1e300) { /* JSON has no NaN or infinity */
    put(w, "null", 4);
    return;
  }
  char b[64];
  int n = format_fixed(b, sizeof b, v, decimals);
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

/* Might one of the 8 bytes at p be special? Never misses one: a control
 * byte borrows into its top bit when 0x20 is taken away, a quote or
 * backslash is a zero byte after the XOR and borrows when 1 is taken away,
 * and non-ASCII bytes have their top bit set. Borrows from a special byte
 * may flag the bytes after it, which the byte loop then reads exactly. */
static bool special8(const char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
  return ((x - ones * 0x20) | (quote - ones) | (backslash - ones) | x) & high;
}

static void raw_string(kgr_jw *w, const char *s, size_t n) {
  putc_(w, '"');
  size_t i = 0, run = 0; /* run: start of the bytes to copy as they are */
  for (;;) {
    while (i + 8 <= n && !special8(s + i))
      i += 8;
    while (i < n && !special[(unsigned char)s[i]])
      i++;
    if (i >= n)
      break;
    unsigned char c = (unsigned char)s[i];
    uint32_t cp = c;
    size_t k = 1;
    if (c >= 0x80) {
      k = kgr_utf8_decode(s + i, n - i, &cp);
      if (k && !w->ascii && cp != 0x2028 && cp != 0x2029) {
        i += k; /* valid UTF-8 goes out with the run */
        continue;
      }
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
    } else if (!k) {
      k = 1; /* an invalid byte: never emit invalid UTF-8 */
      if (w->ascii)
        put_u(w, 0xFFFD);
      else
        put(w, "\xEF\xBF\xBD", 3);
    } else if (cp >= 0x10000) {
      uint32_t v = cp - 0x10000;
      put_u(w, 0xD800 | (v >> 10));
      put_u(w, 0xDC00 | (v & 0x3FF));
    } else {
      put_u(w, cp);
    }
    i += k;
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

void kgr_jw_key_span(kgr_jw *w, kgr_span sp) {
  if (!w->pretty && w->depth + 1 < KGR_JW_MAX_DEPTH) {
    /* Every record has a span: compact, it is one run of bytes. */
    static const char head[] = "\"span\":[";
    char b[64], *end = b + sizeof b, *p = end;
    *--p = ']';
    p = format_u64(p, sp.end, false);
    *--p = ',';
    p = format_u64(p, sp.start, false);
    p -= sizeof head - 1;
    memcpy(p, head, sizeof head - 1);
    before_item(w);
    put(w, p, (size_t)(end - p));
    return;
  }
  KGR_JW_KEY(w, "span");
  kgr_jw_array(w);
  kgr_jw_uint(w, sp.start);
  kgr_jw_uint(w, sp.end);
  kgr_jw_end_array(w);
}
