/*
 * kgr_formats.h - a document's events as tables and maps: CSV, ACLED-style
 * CSV, HXL-tagged CSV and GeoJSON; its signatories as CSV.
 *
 * Part of libkgrights. Include <kgrights/kgrights.h> rather than this file.
 */
#ifndef KGRIGHTS_KGR_FORMATS_H
#define KGRIGHTS_KGR_FORMATS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "kgr_common.h"
#include "kgr_doc.h"
#include "kgr_write.h"

#ifdef __cplusplus
extern "C" {
#endif

/** ## Flags
 *
 * Output flags of the writers below (a family of their own, like
 * KGR_JSON_*). Unknown bits give KGR_EINVAL.
 */

/** No flags: data rows only, rows end with "\n". */
#define KGR_FORMAT_DEFAULT 0u
/** CSV, ACLED, HXL, signatories: write the header row first (HXL: the
 * header row and the hashtag row). Pass it for the first document only to
 * put several documents in one table. */
#define KGR_FORMAT_HEADER (1u << 0)
/** CSV family: end rows with "\r\n", as RFC 4180 writes them. */
#define KGR_FORMAT_CRLF (1u << 1)
/** GeoJSON: one line, no insignificant whitespace. */
#define KGR_FORMAT_COMPACT (1u << 2)
/** Every format flag. */
#define KGR_FORMAT_ALL (KGR_FORMAT_HEADER | KGR_FORMAT_CRLF | KGR_FORMAT_COMPACT)

/** ## Tables
 *
 * Every CSV writer follows RFC 4180: a cell holding a comma, a double
 * quote, CR or LF is put in double quotes, with its quotes doubled. Cells
 * are valid UTF-8 (invalid bytes become U+FFFD). A value the document does
 * not give is an empty cell. Lists inside a cell are joined with "; ".
 * Each writer streams through `fn` and keeps nothing after it returns.
 * Thread safety: any number of threads may write the same document.
 *
 * Example (one table over several documents):
 * @code
 *   static int to_file(void *fp, const char *s, size_t n) {
 *     return fwrite(s, 1, n, fp) == n ? 0 : -1;
 *   }
 *   for (size_t i = 0; i < ndocs; i++)
 *     kgr_doc_write_csv(docs[i], i == 0 ? KGR_FORMAT_HEADER : 0, to_file, stdout);
 * @endcode
 */

/**
 * One row per event, columns:
 * `document, event_index, type, acled_event_type, acled_sub_event_type,
 * date_start, date_end, date_precision, year_source, date_text, places,
 * country, admin1, latitude, longitude, actors, victims, means, killed,
 * injured, hospitalized, detained, missing, participants, figures, sources,
 * source_urls, text, span_start, span_end`.
 * `event_index` is the event's 0-based index in the document; `places` the
 * event's place names; `country`, `admin1`, `latitude`, `longitude` those
 * of its first place with coordinates (country: else its first place's,
 * else the document's); `actors` "name (category)"; `killed` ... `participants`
 * the lowest count of that kind reported for the event (empty: none);
 * `figures` every figure as "kind qualifier value" ("injured over 600");
 * `sources` the footnote numbers and `source_urls` their URLs; the span is
 * the event's byte range in the original input.
 * @param doc   the document; NULL gives KGR_EINVAL.
 * @param flags KGR_FORMAT_HEADER, KGR_FORMAT_CRLF.
 * @param fn    the sink; NULL gives KGR_EINVAL.
 * @return KGR_OK, KGR_EINVAL, KGR_ENOMEM, or KGR_EIO when the sink stopped.
 */
KGR_EXPORT kgr_status kgr_doc_write_csv(const kgr_doc *doc, uint32_t flags,
                                        kgr_write_fn fn, void *ctx);

/**
 * Events in the columns of ACLED (Armed Conflict Location & Event Data):
 * `event_id_cnty, event_date, year, time_precision, event_type,
 * sub_event_type, actor1, inter1, actor2, inter2, interaction, country, iso,
 * admin1, location, latitude, longitude, geo_precision, source, notes,
 * fatalities`, then three provenance columns `source_document, span_start,
 * span_end`. Events with no ACLED category (elections, statements) are not
 * written.
 *
 * As ACLED codes one location per event, an event becomes one row per
 * place with coordinates (or, when none has any, one row per named place,
 * or one row without a location). Conventions, after ACLED's codebook:
 * - `event_date` is ISO 8601; `time_precision` 1 = the day is known,
 *   2 = a range of up to a week (the date is its middle day), 3 = the month
 *   or a longer range (the middle of it); empty when only the year is.
 * - `geo_precision` 1 = the town itself, 3 = only a region (its
 *   coordinates); empty for rows without coordinates.
 * - `fatalities` is the most conservative (lowest) killed count reported
 *   for the event, 0 when none; split evenly over the event's rows, the
 *   remainder on the first, so that sums stay right.
 * - `iso` is the ISO 3166-1 numeric code; `interaction` the two inter codes,
 *   lower first (16: state forces and protesters).
 * - Protesters are named ACLED's way, "Protesters (Kyrgyzstan)" (rioters
 *   in Riots events, inter 5); other actors as the text names them.
 * `event_id_cnty` is stable: ISO alpha-3, the first 8 hex digits of the
 * document's SHA-256, the 1-based event number and, for later rows of one
 * event, the row number ("KGZ-1a2b3c4d-5", "KGZ-1a2b3c4d-5-2").
 * Same parameters and return values as kgr_doc_write_csv().
 */
KGR_EXPORT kgr_status kgr_doc_write_acled(const kgr_doc *doc, uint32_t flags,
                                          kgr_write_fn fn, void *ctx);

/**
 * Events as HXL (Humanitarian Exchange Language) CSV: with
 * KGR_FORMAT_HEADER a header row and then the hashtag row
 * `#meta+id, #date+occurred, #date+end, #event+type, #event+type+acled,
 * #country+code, #country+name, #adm1+name, #loc+name, #geo+lat, #geo+lon,
 * #affected+killed, #affected+injured, #affected+hospitalized,
 * #affected+detained, #affected+missing, #org, #meta+source+url,
 * #description, #meta+source+document, #meta+span`.
 * Rows are laid out as in kgr_doc_write_acled() (one per located place);
 * `#country+code` is ISO alpha-3, as HDX uses it; the counts (lowest
 * reported of each kind) are on an event's first row only, later rows leave
 * them empty so that sums stay right; `#org` is the document's issuer.
 * Same parameters and return values as kgr_doc_write_csv().
 */
KGR_EXPORT kgr_status kgr_doc_write_hxl(const kgr_doc *doc, uint32_t flags,
                                        kgr_write_fn fn, void *ctx);

/**
 * The signatories, one row each: `document, position, name, acronym,
 * countries, countries_source, span_start, span_end` (`countries` joined
 * with ";"; `position` empty when the list is unnumbered).
 * Same parameters and return values as kgr_doc_write_csv().
 */
KGR_EXPORT kgr_status kgr_doc_write_signatories_csv(const kgr_doc *doc, uint32_t flags,
                                                    kgr_write_fn fn, void *ctx);

/** ## Maps */

/**
 * The events as a GeoJSON FeatureCollection (RFC 7946): one Point Feature
 * per event and place with coordinates, `[lon, lat]`, with properties
 * `document, event_index, type, acled_event_type, acled_sub_event_type,
 * date_start, date_end, date_precision, place, country, admin1, text,
 * actors, means, figures, sources, source_urls, span`. Events with no
 * place with coordinates are not features; the top-level member
 * `"kgr:skipped"` counts them, so nothing is dropped unseen.
 * @param flags KGR_FORMAT_COMPACT (other format flags are accepted and
 *        ignored).
 * @return KGR_OK, KGR_EINVAL, or KGR_EIO when the sink stopped.
 */
KGR_EXPORT kgr_status kgr_doc_write_geojson(const kgr_doc *doc, uint32_t flags,
                                            kgr_write_fn fn, void *ctx);

/**
 * One FeatureCollection over several documents (a map of a corpus).
 * @param docs an array of n documents; NULL entries give KGR_EINVAL.
 * Otherwise as kgr_doc_write_geojson().
 */
KGR_EXPORT kgr_status kgr_docs_write_geojson(const kgr_doc *const *docs, size_t n,
                                             uint32_t flags, kgr_write_fn fn, void *ctx);

/** ## By name
 *
 * For bindings and programs that choose the format at run time.
 */

/**
 * Write a document in the format called `format`: "csv", "acled", "hxl",
 * "geojson" or "signatories".
 * @return as the writer; KGR_EINVAL for an unknown name or NULL argument.
 */
KGR_EXPORT kgr_status kgr_doc_write_format(const kgr_doc *doc, const char *format,
                                           uint32_t flags, kgr_write_fn fn, void *ctx);

/**
 * The same output as a NUL-terminated string.
 * @param len receives the length without the NUL; may be NULL.
 * @return a string to release with kgr_free(), or NULL (unknown format,
 *         NULL document, out of memory).
 *
 * Example:
 * @code
 *   char *csv = kgr_doc_to_format(doc, "acled", KGR_FORMAT_HEADER, NULL);
 *   if (csv) { fputs(csv, stdout); kgr_free(csv); }
 * @endcode
 */
KGR_EXPORT char *kgr_doc_to_format(const kgr_doc *doc, const char *format,
                                   uint32_t flags, size_t *len);

#ifdef __cplusplus
}
#endif

#endif /* KGRIGHTS_KGR_FORMATS_H */
