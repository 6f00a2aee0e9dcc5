/*
 * kgr_write.h - writing records as JSON and JSON Lines.
 */
#ifndef KGRIGHTS_KGR_WRITE_H
#define KGRIGHTS_KGR_WRITE_H

#include <stdio.h>

#include "kgr_common.h"
#include "kgr_doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/** ## JSON */

/** No flags: pretty-printed JSON with two-space indents. */
#define KGR_JSON_DEFAULT 0u
/** One line, no insignificant whitespace (one JSON Lines record). */
#define KGR_JSON_COMPACT (1u << 0)
/** Escape every non-ASCII character as \uXXXX. */
#define KGR_JSON_ASCII (1u << 1)
/** Every JSON flag; any other bit is KGR_EINVAL. */
#define KGR_JSON_ALL (KGR_JSON_COMPACT | KGR_JSON_ASCII)

/**
 * A byte sink: called with successive pieces of output. Return 0 to go on,
 * non-zero to stop (the writer then fails with KGR_EIO).
 */
typedef int (*kgr_write_fn)(void *ctx, const char *data, size_t len);

/**
 * Stream a document's record (schema "kgrights.document/1") to a sink.
 * Output is written in pieces; nothing is buffered beyond a few KiB.
 * @param doc   the document; NULL gives KGR_EINVAL.
 * @param flags KGR_JSON_* bits.
 * @param fn    the sink; NULL gives KGR_EINVAL.
 * @return KGR_OK, KGR_EINVAL, or KGR_EIO when the sink stopped.
 */
KGR_EXPORT kgr_status kgr_doc_write_json(const kgr_doc *doc, uint32_t flags,
                                         kgr_write_fn fn, void *ctx);

/**
 * Write a document's record to a stdio stream. With KGR_JSON_COMPACT a
 * newline follows, so successive calls produce JSON Lines.
 * @return KGR_OK, KGR_EINVAL or KGR_EIO.
 */
KGR_EXPORT kgr_status kgr_doc_write_json_file(const kgr_doc *doc, uint32_t flags,
                                              FILE *fp);

/**
 * The record as a NUL-terminated string.
 * @param len receives the length without the NUL; may be NULL.
 * @return a string to release with kgr_free(), or NULL when out of memory
 *         or doc is NULL.
 */
KGR_EXPORT char *kgr_doc_to_json(const kgr_doc *doc, uint32_t flags, size_t *len);

#ifdef __cplusplus
}
#endif

#endif /* KGRIGHTS_KGR_WRITE_H */
