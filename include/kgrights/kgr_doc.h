/*
 * kgr_doc.h - parsing a document and reading its record.
 */
#ifndef KGRIGHTS_KGR_DOC_H
#define KGRIGHTS_KGR_DOC_H

#include "kgr_common.h"
#include "kgr_record.h"

#ifdef __cplusplus
extern "C" {
#endif

/** ## Flags */

/** No flags: the lenient, diagnostic-reporting default. */
#define KGR_PARSE_DEFAULT 0u
/** Refuse input that is not valid UTF-8 (KGR_EUTF8) instead of reporting it. */
#define KGR_PARSE_STRICT (1u << 0)
/** Every parse flag; any other bit is KGR_EINVAL. */
#define KGR_PARSE_ALL (KGR_PARSE_STRICT)

/** The default input size limit: 256 MiB. */
#define KGR_DEFAULT_MAX_INPUT ((size_t)256 * 1024 * 1024)

/** ## Parsing */

/** An opaque parsed document. It owns one arena holding every record. */
typedef struct kgr_doc kgr_doc;

/**
 * Options for kgr_parse_opts(). Zero-initialise, then set what you need:
 * `kgr_options o = {0};`.
 */
typedef struct kgr_options {
  uint32_t flags;             /**< KGR_PARSE_* bits */
  const char *name;           /**< source name for the record (copied); may be NULL */
  const char *reference_date; /**< "YYYY-MM-DD" used to resolve years as a last resort; may be NULL */
  size_t max_input;           /**< refuse larger input with KGR_ELIMIT; 0 means KGR_DEFAULT_MAX_INPUT */
  const kgr_alloc *alloc;     /**< allocator; NULL for malloc */
} kgr_options;

/**
 * Parse one document.
 *
 * The input is copied: the caller may free `buf` as soon as this returns.
 * Invalid UTF-8, NUL bytes and anything else the parser cannot read become
 * diagnostics in the record (unless KGR_PARSE_STRICT), never a crash.
 *
 * @param buf   the document's bytes; may be NULL only when len is 0.
 * @param len   its length in bytes.
 * @param flags KGR_PARSE_* bits; unknown bits fail with KGR_EINVAL.
 * @param alc   allocator, or NULL for malloc.
 * @param err   receives the status and, on failure, where and why; may be NULL.
 * @return a new document to release with kgr_doc_free(), or NULL on failure.
 * Thread safety: any number of threads may parse at once.
 *
 * Example:
 * @code
 *   kgr_error err;
 *   kgr_doc *doc = kgr_parse(text, strlen(text), KGR_PARSE_DEFAULT, NULL, &err);
 *   if (!doc) { fprintf(stderr, "%s\n", err.message); return 1; }
 *   for (size_t i = 0; i < kgr_doc_signatory_count(doc); i++)
 *     puts(kgr_doc_signatory(doc, i)->name.ptr);
 *   kgr_doc_free(doc);
 * @endcode
 */
KGR_EXPORT kgr_doc *kgr_parse(const char *buf, size_t len, uint32_t flags,
                              const kgr_alloc *alc, kgr_error *err);

/**
 * Parse one document with options (source name, reference date, size
 * limit). Same contract as kgr_parse().
 * @param opts may be NULL (all defaults).
 * @return a document to release with kgr_doc_free(), or NULL on failure.
 */
KGR_EXPORT kgr_doc *kgr_parse_opts(const char *buf, size_t len,
                                   const kgr_options *opts, kgr_error *err);

/**
 * Read and parse a file. `opts->name` defaults to the path's last component.
 * @param path a file path; "-" is not special here.
 * @return a document, or NULL with err->code KGR_EIO when the file cannot be
 *         read (or any kgr_parse() error).
 */
KGR_EXPORT kgr_doc *kgr_parse_file(const char *path, const kgr_options *opts,
                                   kgr_error *err);

/**
 * Release a document and everything borrowed from it.
 * @param doc may be NULL (then nothing happens).
 */
KGR_EXPORT void kgr_doc_free(kgr_doc *doc);

/** ## Access
 *
 * Every accessor takes a document (NULL gives the empty value: 0, NULL or
 * a null kgr_str) and returns borrowed data valid until kgr_doc_free().
 * Indexed accessors return NULL when the index is out of range.
 * Reading a finished document is thread safe.
 */

/** The input as the document keeps it (a copy), and its length. */
KGR_EXPORT const char *kgr_doc_input(const kgr_doc *doc, size_t *len);
/** The source name given at parse time, or a null string. */
KGR_EXPORT kgr_str kgr_doc_name(const kgr_doc *doc);
/** The input's SHA-256 as 64 lowercase hex digits. */
KGR_EXPORT kgr_str kgr_doc_sha256(const kgr_doc *doc);
/** appeal, incident report or unknown. */
KGR_EXPORT kgr_kind kgr_doc_kind(const kgr_doc *doc);
/** The headline with whitespace collapsed, or a null string. */
KGR_EXPORT kgr_str kgr_doc_title(const kgr_doc *doc);
/** The headline's span ({0,0} when there is no title). */
KGR_EXPORT kgr_span kgr_doc_title_span(const kgr_doc *doc);
/** The publication date as "YYYY-MM-DD", or a null string. */
KGR_EXPORT kgr_str kgr_doc_date(const kgr_doc *doc);
/** Where the publication date came from. */
KGR_EXPORT kgr_date_source kgr_doc_date_source(const kgr_doc *doc);
/** The ISO 3166-1 alpha-2 code of the country the document is about, or null. */
KGR_EXPORT kgr_str kgr_doc_country(const kgr_doc *doc);
/** The publishing organisation, or NULL. */
KGR_EXPORT const kgr_issuer *kgr_doc_issuer(const kgr_doc *doc);

KGR_EXPORT size_t kgr_doc_addressee_count(const kgr_doc *doc);
KGR_EXPORT const kgr_mention *kgr_doc_addressee(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_demand_count(const kgr_doc *doc);
KGR_EXPORT const kgr_demand *kgr_doc_demand(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_signatory_count(const kgr_doc *doc);
KGR_EXPORT const kgr_signatory *kgr_doc_signatory(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_event_count(const kgr_doc *doc);
KGR_EXPORT const kgr_event *kgr_doc_event(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_figure_count(const kgr_doc *doc);
KGR_EXPORT const kgr_figure *kgr_doc_figure(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_person_count(const kgr_doc *doc);
KGR_EXPORT const kgr_person *kgr_doc_person(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_organization_count(const kgr_doc *doc);
KGR_EXPORT const kgr_organization *kgr_doc_organization(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_place_count(const kgr_doc *doc);
KGR_EXPORT const kgr_place *kgr_doc_place(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_footnote_count(const kgr_doc *doc);
KGR_EXPORT const kgr_footnote *kgr_doc_footnote(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_link_count(const kgr_doc *doc);
KGR_EXPORT const kgr_link *kgr_doc_link(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_instrument_count(const kgr_doc *doc);
KGR_EXPORT const kgr_mention *kgr_doc_instrument(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_right_count(const kgr_doc *doc);
/** The i-th right invoked, or KGR_RIGHT_OTHER when out of range. */
KGR_EXPORT kgr_right kgr_doc_right(const kgr_doc *doc, size_t i);
/** Means of force used in the document's events, each once, in order of first use. */
KGR_EXPORT size_t kgr_doc_means_count(const kgr_doc *doc);
/** The i-th means, or KGR_MEANS_OTHER when out of range. */
KGR_EXPORT kgr_means kgr_doc_means(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_section_count(const kgr_doc *doc);
KGR_EXPORT const kgr_section *kgr_doc_section(const kgr_doc *doc, size_t i);
KGR_EXPORT size_t kgr_doc_diagnostic_count(const kgr_doc *doc);
KGR_EXPORT const kgr_diagnostic *kgr_doc_diagnostic(const kgr_doc *doc, size_t i);

/**
 * Line and column (1-based; column in code points) of a byte offset of the
 * input, for error messages.
 * @return false when doc is NULL or offset is past the end.
 */
KGR_EXPORT bool kgr_doc_locate(const kgr_doc *doc, size_t offset, size_t *line,
                               size_t *column);

#ifdef __cplusplus
}
#endif

#endif /* KGRIGHTS_KGR_DOC_H */
