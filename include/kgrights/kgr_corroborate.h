/*
 * kgr_corroborate.h - which events several documents report about the same
 * happening, and whether their figures agree.
 *
 * Part of libkgrights. Include <kgrights/kgrights.h> rather than this file.
 */
#ifndef KGRIGHTS_KGR_CORROBORATE_H
#define KGRIGHTS_KGR_CORROBORATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "kgr_common.h"
#include "kgr_record.h"
#include "kgr_doc.h"
#include "kgr_write.h"

#ifdef __cplusplus
extern "C" {
#endif

/** ## Flags */

/** No flags: only groups that two or more documents back. */
#define KGR_CORROBORATE_DEFAULT 0u
/** Also return what only one document reports (every dated event then
 * belongs to a group: a merged timeline of the corpus). */
#define KGR_CORROBORATE_SINGLE (1u << 0)
/** Every corroboration flag; any other bit is KGR_EINVAL. */
#define KGR_CORROBORATE_ALL (KGR_CORROBORATE_SINGLE)

/** ## Types */

/** Whether the figures of one kind in a group can all be true at once. */
typedef enum kgr_agreement {
  KGR_AGREEMENT_SINGLE = 0, /**< one document gives them, consistently: not corroborated */
  KGR_AGREEMENT_AGREE,      /**< two or more documents, and some value satisfies every figure */
  KGR_AGREEMENT_CONFLICT    /**< no value satisfies every figure */
} kgr_agreement;

/** "single", "agree", "conflict". Static; never NULL. */
KGR_EXPORT const char *kgr_agreement_name(kgr_agreement a);

/** The value meaning "no upper bound" in kgr_corr_claim.high. */
#define KGR_CORR_UNBOUNDED INT64_MAX

/** One event of a group. */
typedef struct kgr_corr_member {
  size_t doc;           /**< index into the documents given to kgr_corroborate() */
  kgr_str doc_name;     /**< that document's name, or "doc#N" when it has none */
  size_t event;         /**< the event's index in that document (kgr_doc_event()) */
  kgr_event_type type;
  kgr_str date_start;   /**< ISO, or null */
  kgr_str date_end;
  kgr_str text;
  kgr_span span;        /**< in that document's input */
} kgr_corr_member;

/**
 * One figure as a claim about the true number: "over 600" claims
 * [601, unbounded), "at least 600" [600, unbounded), "686" exactly 686,
 * "up to 10" [0, 10], "fewer than 10" [0, 9], "about 50" +-20% ([40, 60]),
 * "hundreds" [200, 999], "dozens" [24, 199], "several" [3, 9].
 */
typedef struct kgr_corr_claim {
  size_t doc;
  kgr_str doc_name;
  size_t event;         /**< the event that carries the figure */
  size_t figure;        /**< index in that event's figures */
  int64_t value;
  kgr_qualifier qualifier;
  int64_t low;          /**< smallest number the figure allows */
  int64_t high;         /**< largest, or KGR_CORR_UNBOUNDED */
  kgr_str text;         /**< the figure as written */
  kgr_span span;
} kgr_corr_claim;

/** The figures of one kind in a group, reconciled. */
typedef struct kgr_corr_figure {
  kgr_figure_kind kind;
  kgr_agreement agreement;
  const kgr_corr_claim *claims;
  size_t claim_count;
  size_t document_count;  /**< distinct documents among the claims */
  /** Agree or single: the values every claim allows (high may be
   * KGR_CORR_UNBOUNDED). Conflict: the range the claims span. */
  int64_t low, high;
  /** Conflict only: two claims (indexes into `claims`) that cannot both
   * be true; the one with the lowest upper bound first. */
  size_t conflict_a, conflict_b;
} kgr_corr_figure;

/** Events that report one happening. */
typedef struct kgr_corr_group {
  const kgr_event_type *types;  /**< distinct, in order of first member */
  size_t type_count;
  kgr_str date_start;           /**< first day of any member, ISO */
  kgr_str date_end;             /**< last day of any member */
  const kgr_str *places;        /**< distinct place names, in member order */
  size_t place_count;
  const kgr_corr_member *members; /**< by document, then event */
  size_t member_count;
  size_t document_count;
  const kgr_corr_figure *figures; /**< by kind (kgr_figure_kind order) */
  size_t figure_count;
} kgr_corr_group;

/** The result: opaque, owning one arena with everything reached from it. */
typedef struct kgr_corroboration kgr_corroboration;

/** ## Corroboration */

/**
 * Group the events that different documents report about the same
 * happening and reconcile their figures.
 *
 * Two events are linked when their types are compatible (the same type, or
 * one family: protest, force_against_protesters, clash and killing are all
 * "unrest"), their dates overlap (by day; dates spanning more than 31 days
 * are too vague to link), and they name the same place or the same victim;
 * events that name neither are linked by the country of their document.
 * Links are transitive. Undated events are never linked. Figures of each
 * kind (all but "other") are then compared as claims (kgr_corr_claim):
 * they agree when one number satisfies them all.
 *
 * The result holds copies of what it reports; the documents may be freed
 * before it.
 * @param docs  an array of n documents; NULL entries give KGR_EINVAL.
 * @param n     how many; 0 gives an empty result.
 * @param flags KGR_CORROBORATE_* bits.
 * @param alc   allocator, or NULL for malloc.
 * @param err   receives the status; may be NULL.
 * @return a result to release with kgr_corroboration_free(), or NULL on
 *         failure (KGR_EINVAL, KGR_ENOMEM). Linear in the events, places and
 *         figures of the documents. Thread safe for distinct results.
 *
 * Example:
 * @code
 *   const kgr_doc *docs[2] = {a, b};
 *   kgr_corroboration *c = kgr_corroborate(docs, 2, 0, NULL, NULL);
 *   for (size_t i = 0; c && i < kgr_corroboration_group_count(c); i++) {
 *     const kgr_corr_group *g = kgr_corroboration_group(c, i);
 *     for (size_t k = 0; k < g->figure_count; k++)
 *       printf("%s %s\n", kgr_figure_kind_name(g->figures[k].kind),
 *              kgr_agreement_name(g->figures[k].agreement));
 *   }
 *   kgr_corroboration_free(c);
 * @endcode
 */
KGR_EXPORT kgr_corroboration *kgr_corroborate(const kgr_doc *const *docs, size_t n,
                                              uint32_t flags, const kgr_alloc *alc,
                                              kgr_error *err);

/** Release a result. @param c may be NULL. */
KGR_EXPORT void kgr_corroboration_free(kgr_corroboration *c);

/** The number of groups (0 for NULL). */
KGR_EXPORT size_t kgr_corroboration_group_count(const kgr_corroboration *c);
/** The i-th group, ordered by first day; NULL when out of range. */
KGR_EXPORT const kgr_corr_group *kgr_corroboration_group(const kgr_corroboration *c,
                                                         size_t i);
/** How many figure kinds, over all groups, conflict (0 for NULL). */
KGR_EXPORT size_t kgr_corroboration_conflict_count(const kgr_corroboration *c);

/**
 * Stream the result as JSON (schema "kgrights.corroboration/1").
 * @param flags KGR_JSON_* bits.
 * @return KGR_OK, KGR_EINVAL, or KGR_EIO when the sink stopped.
 */
KGR_EXPORT kgr_status kgr_corroboration_write_json(const kgr_corroboration *c,
                                                   uint32_t flags, kgr_write_fn fn,
                                                   void *ctx);

/**
 * The JSON as a NUL-terminated string to release with kgr_free().
 * @param len receives the length; may be NULL.
 * @return NULL when c is NULL, flags are invalid or memory ran out.
 */
KGR_EXPORT char *kgr_corroboration_to_json(const kgr_corroboration *c, uint32_t flags,
                                           size_t *len);

#ifdef __cplusplus
}
#endif

#endif /* KGRIGHTS_KGR_CORROBORATE_H */
