/* sha256.c - SHA-256 (FIPS 180-4), written from the standard.
 *
 * The digest is the one pass over every byte that each document needs, so
 * x86-64 processors with the SHA extensions run the compression function
 * with them (chosen at run time); the portable code serves every other
 * machine and compiler. */
#include "sha256.h"

#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define KGR_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

/* Compress n 64-byte blocks at p into h. */
typedef void blocks_fn(uint32_t h[8], const unsigned char *p, size_t n);

/* One round of the standard with the eight working variables named by
 * position, so that an unrolled run of eight needs no moves between them. */
#define ROUND(a, b, c, d, e, f, g, h, i)                                                           \
  do {                                                                                             \
    uint32_t t1_ = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + (g ^ (e & (f ^ g))) + K[i];         \
    uint32_t t2_ = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) | (c & (a | b)));              \
    t1_ += w[i];                                                                                   \
    d += t1_;                                                                                      \
    h = t1_ + t2_;                                                                                 \
  } while (0)

static void blocks_portable(uint32_t h[8], const unsigned char *p, size_t n) {
  for (; n; n--, p += 64) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
      w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
             (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
      uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int i = 0; i < 64; i += 8) {
      ROUND(a, b, c, d, e, f, g, k, i);
      ROUND(k, a, b, c, d, e, f, g, i + 1);
      ROUND(g, k, a, b, c, d, e, f, i + 2);
      ROUND(f, g, k, a, b, c, d, e, i + 3);
      ROUND(e, f, g, k, a, b, c, d, i + 4);
      ROUND(d, e, f, g, k, a, b, c, i + 5);
      ROUND(c, d, e, f, g, k, a, b, i + 6);
      ROUND(b, c, d, e, f, g, k, a, i + 7);
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += k;
  }
}

#ifdef KGR_SHA_NI
/* The SHA extensions keep the state as two vectors, ABEF and CDGH, and do
 * two rounds per instruction; each step below is four rounds, with the next
 * four message words made from the last sixteen. */
__attribute__((target("sha,sse4.1"))) static void blocks_shani(uint32_t h[8],
                                                               const unsigned char *p, size_t n) {
  const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bll, 0x0405060700010203ll);
  __m128i dcba = _mm_loadu_si128((const __m128i *)&h[0]);
  __m128i hgfe = _mm_loadu_si128((const __m128i *)&h[4]);
  __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
  for (; n; n--, p += 64) {
    __m128i abef0 = abef, cdgh0 = cdgh, m[4];
    for (int r = 0; r < 16; r++) {
      __m128i w;
      if (r < 4) {
        w = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * r)), bswap);
      } else {
        w = _mm_sha256msg1_epu32(m[r & 3], m[(r + 1) & 3]);
        w = _mm_add_epi32(w, _mm_alignr_epi8(m[(r + 3) & 3], m[(r + 2) & 3], 4));
        w = _mm_sha256msg2_epu32(w, m[(r + 3) & 3]);
      }
      m[r & 3] = w;
      __m128i wk = _mm_add_epi32(w, _mm_loadu_si128((const __m128i *)&K[4 * r]));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
    }
    abef = _mm_add_epi32(abef, abef0);
    cdgh = _mm_add_epi32(cdgh, cdgh0);
  }
  __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(feba, dchg, 0xF0));
  _mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(dchg, feba, 8));
}
#endif

bool kgr_sha256_accelerated(void) {
#ifdef KGR_SHA_NI
  /* CPUID rather than __builtin_cpu_supports("sha"), which clang 14 lacks:
   * SSE4.1 is leaf 1 ECX bit 19, SHA leaf 7 EBX bit 29. */
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 19)))
    return false;
  return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29));
#else
  return false;
#endif
}

static void digest(blocks_fn *blocks, const void *data, size_t len, char out[65]) {
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const unsigned char *p = data;
  size_t n = len;
  blocks(h, p, n / 64);
  p += n / 64 * 64;
  n %= 64;
  unsigned char tail[128] = {0};
  if (n)
    memcpy(tail, p, n);
  tail[n] = 0x80;
  size_t tail_len = n < 56 ? 64 : 128;
  uint64_t bits = (uint64_t)len * 8;
  for (int i = 0; i < 8; i++)
    tail[tail_len - 1 - i] = (unsigned char)(bits >> (8 * i));
  blocks(h, tail, tail_len / 64);
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 4; j++) {
      unsigned char byte = (unsigned char)(h[i] >> (24 - 8 * j));
      out[8 * i + 2 * j] = hex[byte >> 4];
      out[8 * i + 2 * j + 1] = hex[byte & 15];
    }
  out[64] = '\0';
}

void kgr_sha256_hex(const void *data, size_t len, char out[65]) {
#ifdef KGR_SHA_NI
  if (kgr_sha256_accelerated()) {
    digest(blocks_shani, data, len, out);
    return;
  }
#endif
  digest(blocks_portable, data, len, out);
}

void kgr_sha256_hex_portable(const void *data, size_t len, char out[65]) {
  digest(blocks_portable, data, len, out);
}
