/*
 * kgr_common.h - version, errors, allocator, strings and spans.
 *
 * Part of libkgrights. Include <kgrights/kgrights.h> rather than this file.
 */
#ifndef KGRIGHTS_KGR_COMMON_H
#define KGRIGHTS_KGR_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include <kgrights/kgr_export.h>
#include <kgrights/kgr_version.h>

#ifdef __cplusplus
extern "C" {
#endif

/** ## Version */

/**
 * The library's version at run time, encoded as KGR_VERSION is at compile
 * time: (major << 16) | (minor << 8) | patch.
 * Thread safe.
 */
KGR_EXPORT uint32_t kgr_version(void);

/**
 * The library's version at run time as a static string ("1.2.3").
 * @return a static string; never NULL; do not free. Thread safe.
 */
KGR_EXPORT const char *kgr_version_string(void);

/** ## Errors */

/** Status codes. Every failing call reports one of these. */
typedef enum kgr_status {
  KGR_OK = 0,   /**< success */
  KGR_EINVAL,   /**< an argument is invalid (NULL where not allowed, unknown flag) */
  KGR_ENOMEM,   /**< the allocator returned NULL */
  KGR_EIO,      /**< a file could not be read or written */
  KGR_EUTF8,    /**< the input is not UTF-8 text (strict mode only) */
  KGR_ESYNTAX,  /**< the input is not a text document (binary data) */
  KGR_ELIMIT    /**< the input is larger than the configured limit */
} kgr_status;

/**
 * Where and why a call failed. Filled in by the calls that take a
 * `kgr_error *`; success sets `code` to KGR_OK. The message is a fixed
 * buffer so that the error path allocates nothing.
 */
typedef struct kgr_error {
  kgr_status code;   /**< what went wrong */
  size_t offset;     /**< byte offset into the input, 0-based */
  size_t line;       /**< 1-based line of `offset` (0 when not about the input) */
  size_t column;     /**< 1-based column of `offset`, in code points */
  char message[160]; /**< NUL-terminated English explanation */
} kgr_error;

/**
 * A short, static English name for a status ("out of memory").
 * @param s any value; unknown values give "unknown status".
 * @return a static string; never NULL. Thread safe.
 */
KGR_EXPORT const char *kgr_strerror(kgr_status s);

/** The style guide's spelling of kgr_strerror(); identical behaviour. */
KGR_EXPORT const char *kgr_status_str(kgr_status s);

/** ## Allocator */

/**
 * A custom allocator. Pass NULL wherever a `const kgr_alloc *` is taken to
 * use the system's: malloc/realloc/free, except that blocks of 128 KiB or
 * more are mapped from the system where it can, so that a parse's memory
 * goes back to the system when the document is freed. `realloc` may be
 * NULL (growth then allocates and copies); it receives the old size so
 * that arena and pool allocators can be plugged in. Each function may return NULL:
 * the library then fails with KGR_ENOMEM and releases what it holds.
 */
typedef struct kgr_alloc {
  void *(*malloc)(void *ctx, size_t size);
  void *(*realloc)(void *ctx, void *ptr, size_t old_size, size_t size);
  void (*free)(void *ctx, void *ptr);
  void *ctx; /**< passed back to each function */
} kgr_alloc;

/** ## Types */

/**
 * A borrowed string: UTF-8 bytes, always NUL-terminated when `ptr` is not
 * NULL, with its length in bytes (excluding the NUL). `ptr == NULL` means
 * "the text does not give this" (JSON null). Valid as long as the document
 * it came from.
 */
typedef struct kgr_str {
  const char *ptr;
  size_t len;
} kgr_str;

/**
 * A half-open range [start, end) of byte offsets into the ORIGINAL input
 * given to kgr_parse(). `input + start` is where the item's source text
 * begins; spans survive reflow, dehyphenation and footnote removal.
 */
typedef struct kgr_span {
  size_t start;
  size_t end;
} kgr_span;

/**
 * Free memory that the library returned to the caller (for example the
 * string from kgr_doc_to_json()). Use this, never free(), in case the
 * library and its caller use different C runtimes.
 * @param ptr may be NULL (then nothing happens).
 */
KGR_EXPORT void kgr_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* KGRIGHTS_KGR_COMMON_H */
