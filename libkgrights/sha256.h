/* sha256.h - SHA-256 (FIPS 180-4), for the record's source digest. */
#ifndef KGR_SHA256_H
#define KGR_SHA256_H

#include <stdbool.h>
#include <stddef.h>

/* Write the digest of data[0, len) as 64 lowercase hex digits and a NUL.
 * Uses the CPU's SHA instructions where it has them. */
void kgr_sha256_hex(const void *data, size_t len, char out[65]);

/* The same with the portable code on any CPU, so that tests can check it on
 * machines that take the fast path. */
void kgr_sha256_hex_portable(const void *data, size_t len, char out[65]);

/* Does kgr_sha256_hex() use the CPU's SHA instructions here? */
bool kgr_sha256_accelerated(void);

#endif /* KGR_SHA256_H */
