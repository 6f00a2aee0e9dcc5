/*
 * test_sha256.c - the source digest (libkgrights/sha256.h): the FIPS 180
 * examples and the padding boundaries, on the portable code and on the
 * path kgr_sha256_hex() takes on this machine (the SHA instructions where
 * the CPU has them), which must agree on every length.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"

/* Both paths give `want` for data[0, len). */
static void check(const void *data, size_t len, const char *want) {
  char got[65];
  kgr_sha256_hex_portable(data, len, got);
  assert_string_equal(got, want);
  kgr_sha256_hex(data, len, got);
  assert_string_equal(got, want);
}

/* n copies of 'a'. */
static char *a_times(size_t n) {
  char *s = malloc(n ? n : 1);
  assert_non_null(s);
  memset(s, 'a', n);
  return s;
}

static void test_fips_examples(void **state) {
  (void)state;
  check("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  check("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  check(two, strlen(two), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  const char *four = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                     "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
  check(four, strlen(four), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

/* 55 bytes is the most that leaves room for the padding in the last block,
 * 56 the least that needs one more. */
static void test_padding_boundaries(void **state) {
  (void)state;
  static const struct {
    size_t n;
    const char *digest;
  } cases[] = {
      {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
      {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
      {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
      {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
      {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
      {128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *s = a_times(cases[i].n);
    check(s, cases[i].n, cases[i].digest);
    free(s);
  }
}

static void test_long_input(void **state) {
  (void)state;
  char *s = a_times(1000000);
  check(s, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  free(s);
}

/* Every length up to a few blocks, over bytes of every value and from an
 * odd address: the two paths agree. */
static void test_paths_agree(void **state) {
  (void)state;
  unsigned char buf[1 + 400];
  uint32_t x = 12345;
  for (size_t i = 0; i < sizeof buf; i++) {
    x = x * 1103515245u + 12345u;
    buf[i] = (unsigned char)(x >> 16);
  }
  for (size_t n = 0; n <= 400; n++) {
    char a[65], b[65];
    kgr_sha256_hex_portable(buf + 1, n, a);
    kgr_sha256_hex(buf + 1, n, b);
    assert_string_equal(a, b);
  }
  print_message("SHA instructions %s\n", kgr_sha256_accelerated() ? "used" : "not available");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fips_examples),
      cmocka_unit_test(test_padding_boundaries),
      cmocka_unit_test(test_long_input),
      cmocka_unit_test(test_paths_agree),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
