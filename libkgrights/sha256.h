/* sha256.h - SHA-256 (FIPS 180-4), for the record's source digest. */
#ifndef KGR_SHA256_H
#define KGR_SHA256_H

#include <stddef.h>

/* Write the digest of data[0, len) as 64 lowercase hex digits and a NUL. */
void kgr_sha256_hex(const void *data, size_t len, char out[65]);

#endif /* KGR_SHA256_H */
