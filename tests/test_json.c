/*
 * test_json.c - the streaming JSON emitter (libkgrights/json_writer.h):
 * escaping, UTF-8 repair, ASCII mode, layout in pretty and compact mode,
 * numbers, and a sink that stops.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_writer.h"

/* ---- a sink that collects everything, and its fixture --------------------- */

typedef struct sink {
  char *data;
  size_t len, cap;
  size_t calls, largest;
  size_t stop_at_call; /* refuse this call (1-based); 0 never */
  kgr_jw w;
} sink;

static int sink_write(void *ctx, const char *data, size_t len) {
  sink *s = ctx;
  s->calls++;
  if (s->stop_at_call && s->calls >= s->stop_at_call)
    return 1;
  if (len > s->largest)
    s->largest = len;
  if (s->len + len + 1 > s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 256;
    while (cap < s->len + len + 1)
      cap *= 2;
    char *p = realloc(s->data, cap);
    if (!p)
      return 1;
    s->data = p;
    s->cap = cap;
  }
  memcpy(s->data + s->len, data, len);
  s->len += len;
  s->data[s->len] = '\0';
  return 0;
}

static int fixture_setup(void **state) {
  sink *s = calloc(1, sizeof *s);
  if (!s)
    return -1;
  *state = s;
  return 0;
}

static int fixture_teardown(void **state) {
  sink *s = *state;
  free(s->data);
  free(s);
  return 0;
}

#define KGR_TEST(f) cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)

/* Start a writer on the fixture's sink. */
static kgr_jw *start(void **state, uint32_t flags) {
  sink *s = *state;
  s->len = 0;
  s->calls = 0;
  if (s->data)
    s->data[0] = '\0';
  kgr_jw_init(&s->w, flags, sink_write, s);
  return &s->w;
}

/* Finish the writer and return what it wrote. */
static const char *output(void **state) {
  sink *s = *state;
  assert_true(kgr_jw_finish(&s->w));
  return s->data ? s->data : "";
}

/* One string value, compact, as written. */
static const char *one_string(void **state, uint32_t flags, const char *s, size_t n) {
  kgr_jw *w = start(state, flags | KGR_JSON_COMPACT);
  kgr_jw_string(w, s, n);
  return output(state);
}

#define STR(state, flags, lit) one_string(state, flags, lit, sizeof lit - 1)

/* ---- strings ---------------------------------------------------------------- */

static void test_escapes(void **state) {
  assert_string_equal(STR(state, 0, "plain text"), "\"plain text\"");
  assert_string_equal(STR(state, 0, ""), "\"\"");
  assert_string_equal(STR(state, 0, "say \"no\""), "\"say \\\"no\\\"\"");
  assert_string_equal(STR(state, 0, "C:\\dir\\"), "\"C:\\\\dir\\\\\"");
  assert_string_equal(STR(state, 0, "a\nb\tc\rd"), "\"a\\nb\\tc\\rd\"");
  assert_string_equal(STR(state, 0, "\b\f"), "\"\\b\\f\"");
  assert_string_equal(STR(state, 0, "\x01"), "\"\\u0001\"");
  assert_string_equal(STR(state, 0, "x\x1fy"), "\"x\\u001fy\"");
  assert_string_equal(STR(state, 0, "\x0b"), "\"\\u000b\"");
  /* a NUL inside the counted string is data, not the end */
  assert_string_equal(STR(state, 0, "a\0b"), "\"a\\u0000b\"");
  /* '/' and DEL need no escape */
  assert_string_equal(STR(state, 0, "a/b\x7f"), "\"a/b\x7f\"");
  /* everything at once, and the counted length is respected */
  assert_string_equal(one_string(state, 0, "q\"\\\x01\n\tEND", 6), "\"q\\\"\\\\\\u0001\\n\\t\"");
}

static void test_null_strings(void **state) {
  kgr_jw *w = start(state, KGR_JSON_COMPACT);
  kgr_jw_array(w);
  kgr_jw_string(w, NULL, 5);
  kgr_jw_cstring(w, NULL);
  kgr_jw_cstring(w, "c");
  kgr_jw_end_array(w);
  assert_string_equal(output(state), "[null,null,\"c\"]");
}

static void test_utf8(void **state) {
  /* valid UTF-8 passes through untouched */
  assert_string_equal(STR(state, 0, "Бишкек – «Ala-Too» 😀"), "\"Бишкек – «Ala-Too» 😀\"");
  /* each invalid byte becomes U+FFFD; the output is always valid UTF-8 */
  assert_string_equal(STR(state, 0, "a\xff" "b"), "\"a\xEF\xBF\xBD" "b\"");
  assert_string_equal(STR(state, 0, "\xC3"), "\"\xEF\xBF\xBD\"");          /* truncated */
  assert_string_equal(STR(state, 0, "x\xC0\xAF"),                          /* overlong */
                      "\"x\xEF\xBF\xBD\xEF\xBF\xBD\"");
  assert_string_equal(STR(state, 0, "\xED\xA0\x80"),                       /* surrogate */
                      "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  assert_string_equal(STR(state, 0, "\x80z"), "\"\xEF\xBF\xBDz\"");        /* lone continuation */
  /* a valid character right after an invalid byte survives */
  assert_string_equal(STR(state, 0, "\xE2\xC3\xA9"), "\"\xEF\xBF\xBD\xC3\xA9\"");
  /* U+2028 and U+2029 are escaped even without KGR_JSON_ASCII (JavaScript
   * treats them as line ends inside strings) */
  assert_string_equal(STR(state, 0, "a\xE2\x80\xA8" "b\xE2\x80\xA9"), "\"a\\u2028b\\u2029\"");
}

static void test_ascii(void **state) {
  assert_string_equal(STR(state, KGR_JSON_ASCII, "plain"), "\"plain\"");
  assert_string_equal(STR(state, KGR_JSON_ASCII, "caf\xC3\xA9"), "\"caf\\u00e9\"");
  assert_string_equal(STR(state, KGR_JSON_ASCII, "\xD0\x91"), "\"\\u0411\"");      /* Б */
  assert_string_equal(STR(state, KGR_JSON_ASCII, "\xE2\x80\x93"), "\"\\u2013\""); /* – */
  /* U+1F600 needs a surrogate pair */
  assert_string_equal(STR(state, KGR_JSON_ASCII, "\xF0\x9F\x98\x80"), "\"\\ud83d\\ude00\"");
  /* U+10FFFF, the last code point */
  assert_string_equal(STR(state, KGR_JSON_ASCII, "\xF4\x8F\xBF\xBF"), "\"\\udbff\\udfff\"");
  assert_string_equal(STR(state, KGR_JSON_ASCII, "a\xff"), "\"a\\ufffd\"");
  assert_string_equal(STR(state, KGR_JSON_ASCII, "\xE2\x80\xA8"), "\"\\u2028\"");
  assert_string_equal(STR(state, KGR_JSON_ASCII, "\"\n"), "\"\\\"\\n\"");
}

static void test_keys_escaped(void **state) {
  kgr_jw *w = start(state, KGR_JSON_COMPACT);
  kgr_jw_object(w);
  kgr_jw_key(w, "a\"b");
  kgr_jw_int(w, 1);
  kgr_jw_key(w, "t\tab");
  kgr_jw_int(w, 2);
  kgr_jw_end_object(w);
  assert_string_equal(output(state), "{\"a\\\"b\":1,\"t\\tab\":2}");
}

/* ---- layout --------------------------------------------------------------------- */

/* {"a":1,"b":[1,{"c":null}],"d":{},"e":[],"f":"x"} */
static void write_sample(kgr_jw *w) {
  kgr_jw_object(w);
  kgr_jw_key(w, "a");
  kgr_jw_int(w, 1);
  kgr_jw_key(w, "b");
  kgr_jw_array(w);
  kgr_jw_int(w, 1);
  kgr_jw_object(w);
  kgr_jw_key(w, "c");
  kgr_jw_null(w);
  kgr_jw_end_object(w);
  kgr_jw_end_array(w);
  kgr_jw_key(w, "d");
  kgr_jw_object(w);
  kgr_jw_end_object(w);
  kgr_jw_key(w, "e");
  kgr_jw_array(w);
  kgr_jw_end_array(w);
  kgr_jw_key(w, "f");
  kgr_jw_cstring(w, "x");
  kgr_jw_end_object(w);
}

static void test_pretty(void **state) {
  write_sample(start(state, KGR_JSON_DEFAULT));
  assert_string_equal(output(state),
                      "{\n"
                      "  \"a\": 1,\n"
                      "  \"b\": [\n"
                      "    1,\n"
                      "    {\n"
                      "      \"c\": null\n"
                      "    }\n"
                      "  ],\n"
                      "  \"d\": {},\n"
                      "  \"e\": [],\n"
                      "  \"f\": \"x\"\n"
                      "}");
}

static void test_compact(void **state) {
  write_sample(start(state, KGR_JSON_COMPACT));
  assert_string_equal(output(state), "{\"a\":1,\"b\":[1,{\"c\":null}],\"d\":{},\"e\":[],\"f\":\"x\"}");
}

static void test_empty_containers(void **state) {
  kgr_jw *w = start(state, KGR_JSON_DEFAULT);
  kgr_jw_array(w);
  kgr_jw_end_array(w);
  assert_string_equal(output(state), "[]");
  w = start(state, KGR_JSON_DEFAULT);
  kgr_jw_object(w);
  kgr_jw_end_object(w);
  assert_string_equal(output(state), "{}");
  /* empty arrays inside arrays, pretty */
  w = start(state, KGR_JSON_DEFAULT);
  kgr_jw_array(w);
  kgr_jw_array(w);
  kgr_jw_end_array(w);
  kgr_jw_array(w);
  kgr_jw_end_array(w);
  kgr_jw_end_array(w);
  assert_string_equal(output(state), "[\n  [],\n  []\n]");
}

static void test_nesting(void **state) {
  /* 20 levels of arrays around one value: exact in both modes */
  enum { N = 20 };
  kgr_jw *w = start(state, KGR_JSON_COMPACT);
  for (int i = 0; i < N; i++)
    kgr_jw_array(w);
  kgr_jw_bool(w, true);
  for (int i = 0; i < N; i++)
    kgr_jw_end_array(w);
  char want[2 * N + 8];
  memset(want, '[', N);
  memcpy(want + N, "true", 4);
  memset(want + N + 4, ']', N);
  want[2 * N + 4] = '\0';
  assert_string_equal(output(state), want);

  w = start(state, KGR_JSON_DEFAULT);
  kgr_jw_array(w);
  kgr_jw_array(w);
  kgr_jw_array(w);
  kgr_jw_bool(w, false);
  kgr_jw_end_array(w);
  kgr_jw_end_array(w);
  kgr_jw_end_array(w);
  assert_string_equal(output(state), "[\n  [\n    [\n      false\n    ]\n  ]\n]");

  /* deeper than KGR_JW_MAX_DEPTH: no crash, no write out of bounds */
  w = start(state, KGR_JSON_DEFAULT);
  for (int i = 0; i < 3 * KGR_JW_MAX_DEPTH; i++) {
    kgr_jw_object(w);
    kgr_jw_key(w, "k");
  }
  kgr_jw_null(w);
  for (int i = 0; i < 3 * KGR_JW_MAX_DEPTH; i++)
    kgr_jw_end_object(w);
  assert_true(strlen(output(state)) > 0);
}

/* ---- numbers ---------------------------------------------------------------------- */

static const char *one_double(void **state, double v, int decimals) {
  kgr_jw *w = start(state, KGR_JSON_COMPACT);
  kgr_jw_double(w, v, decimals);
  return output(state);
}

static void test_numbers(void **state) {
  kgr_jw *w = start(state, KGR_JSON_COMPACT);
  kgr_jw_array(w);
  kgr_jw_int(w, 0);
  kgr_jw_int(w, -686);
  kgr_jw_int(w, INT64_MAX);
  kgr_jw_int(w, INT64_MIN);
  kgr_jw_uint(w, UINT64_MAX);
  kgr_jw_bool(w, true);
  kgr_jw_bool(w, false);
  kgr_jw_end_array(w);
  assert_string_equal(output(state), "[0,-686,9223372036854775807,-9223372036854775808,"
                                     "18446744073709551615,true,false]");

  /* JSON has no NaN or infinity */
  assert_string_equal(one_double(state, NAN, 5), "null");
  assert_string_equal(one_double(state, INFINITY, 5), "null");
  assert_string_equal(one_double(state, -INFINITY, 5), "null");
  /* trailing zeros trimmed, and the point with them */
  assert_string_equal(one_double(state, 42.87, 5), "42.87");
  assert_string_equal(one_double(state, 74.59, 5), "74.59");
  assert_string_equal(one_double(state, 74.0, 5), "74");
  assert_string_equal(one_double(state, 100.0, 2), "100");
  assert_string_equal(one_double(state, 0.0, 3), "0");
  assert_string_equal(one_double(state, 0.5, 5), "0.5");
  assert_string_equal(one_double(state, -0.25, 5), "-0.25");
  assert_string_equal(one_double(state, 1.0 / 3.0, 3), "0.333");
  assert_string_equal(one_double(state, 2.0 / 3.0, 2), "0.67");
  /* with no decimals, integer zeros stay */
  assert_string_equal(one_double(state, 100.0, 0), "100");
  assert_string_equal(one_double(state, 1000.4, 0), "1000");
}

/* What kgr_jw_double must write: snprintf "%.*f", trimmed. */
static void printf_double(char *b, size_t size, double v, int decimals) {
  int n = snprintf(b, size, "%.*f", decimals, v);
  if (decimals > 0) {
    while (n > 1 && b[n - 1] == '0')
      n--;
    if (b[n - 1] == '.')
      n--;
  }
  b[n] = '\0';
}

/* The writer reads most numbers from an integer rather than through
 * snprintf: the same text for coordinates, exact ties (0.125 to two places
 * is 0.12), values next to ties, negative zero, and large or many-decimal
 * values that go to snprintf. */
static void test_doubles_as_printf(void **state) {
  static const double fixed[] = {0.125, 0.375, 2.5, 3.5, -2.5, 0.000005, 0.000015, 1.000005,
                                 -0.0, -0.000001, 179.999995, -179.999995, 42.123455,
                                 999999.999995, 1e4, 123456789.5, 1e12 + 0.5, 1e-7};
  char want[512];
  for (int d = 0; d <= 12; d++)
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
      printf_double(want, sizeof want, fixed[i], d);
      assert_string_equal(one_double(state, fixed[i], d), want);
    }
  uint64_t x = 88172645463325252ull;
  for (int k = 0; k < 20000; k++) {
    x ^= x << 13; /* xorshift64 */
    x ^= x >> 7;
    x ^= x << 17;
    double v = (double)(int64_t)(x % 36000000001ull - 18000000000ull) / 1e8; /* +-180 */
    if (k % 4 == 1)
      v = nextafter(v, 1e9); /* off the decimal values */
    else if (k % 4 == 2)
      v = (double)(int64_t)(x % 2000001) / 200000.0 - 5.0; /* ties at 5 and 6 places */
    int d = (int)(x >> 60) % 8;
    printf_double(want, sizeof want, v, d);
    assert_string_equal(one_double(state, v, d), want);
  }
}

/* ---- the sink ------------------------------------------------------------------------ */

static void test_long_output_in_pieces(void **state) {
  sink *s = *state;
  /* 100 000 bytes with escapes and multi-byte characters crossing the
   * writer's buffer boundaries */
  enum { N = 100000 };
  char *in = malloc(N);
  for (size_t i = 0; i < N; i++)
    in[i] = "ab\"\n\xD0\x91 "[i % 7];
  in[N - 1] = 'z'; /* do not end inside a character */
  kgr_jw *w = start(state, KGR_JSON_COMPACT);
  kgr_jw_string(w, in, N);
  const char *out = output(state);
  assert_true(s->calls > 1);
  assert_true(s->largest <= sizeof s->w.buf);
  /* undo the escapes and compare */
  size_t k = 0;
  assert_int_equal(out[0], '"');
  size_t i = 1;
  for (; out[i] != '"'; i++) {
    if (out[i] == '\\') {
      i++;
      assert_true(out[i] == '"' || out[i] == 'n');
      assert_int_equal(in[k++], out[i] == 'n' ? '\n' : '"');
    } else {
      assert_int_equal(in[k++], out[i]);
    }
  }
  assert_int_equal(k, N);
  assert_int_equal(out[i + 1], '\0');
  free(in);
}

static void test_sink_stops(void **state) {
  sink *s = *state;
  char big[10000];
  memset(big, 'x', sizeof big);
  s->stop_at_call = 2;
  kgr_jw *w = start(state, KGR_JSON_COMPACT);
  kgr_jw_array(w);
  for (int i = 0; i < 5; i++)
    kgr_jw_string(w, big, sizeof big);
  kgr_jw_end_array(w);
  assert_false(kgr_jw_finish(w));
  assert_int_equal(s->calls, 2); /* nothing is offered after the refusal */
  assert_true(w->failed);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_escapes),
      KGR_TEST(test_null_strings),
      KGR_TEST(test_utf8),
      KGR_TEST(test_ascii),
      KGR_TEST(test_keys_escaped),
      KGR_TEST(test_pretty),
      KGR_TEST(test_compact),
      KGR_TEST(test_empty_containers),
      KGR_TEST(test_nesting),
      KGR_TEST(test_numbers),
      KGR_TEST(test_doubles_as_printf),
      KGR_TEST(test_long_output_in_pieces),
      KGR_TEST(test_sink_stops),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
