/*
 * formats.h - what the event-table and map writers share: the rows an
 * event becomes (one per located place), the lowest reported count of a
 * kind, footnote URLs, day arithmetic, and the lexicon lookups for ACLED
 * codes. Private to the library.
 */
#ifndef KGR_FORMATS_H
#define KGR_FORMATS_H

#include <stdbool.h>
#include <stdint.h>

#include "document.h"
#include "gazetteer.h"

/* The rows of an event: one per place with coordinates; when it has none,
 * one per named place; when it names no place, one row without a place. */
typedef struct kgr_fmt_rows {
  const kgr_event *e;
  bool geocoded; /* the rows are the places with coordinates */
  size_t pos;    /* next place to look at */
  size_t count;  /* rows in all */
  size_t done;   /* rows handed out */
} kgr_fmt_rows;

/* Does the place carry usable coordinates (flagged, finite, in range)? */
bool kgr_fmt_located(const kgr_place *p);

void kgr_fmt_rows_init(kgr_fmt_rows *r, const kgr_event *e);
/* The next row's place (NULL for the place-less row); false when done. */
bool kgr_fmt_rows_next(kgr_fmt_rows *r, const kgr_place **place);

/* The lowest value of the figures of kind k in e (the most conservative
 * count reported); false when e reports none. */
bool kgr_fmt_lowest(const kgr_event *e, kgr_figure_kind k, int64_t *out);

/* The event's country code: its first place with coordinates', else its
 * first place's, else the document's; null when none. */
kgr_str kgr_fmt_event_country(const kgr_doc *d, const kgr_event *e);

/* ACLED-style geographic precision of a place: 1 the town itself, 3 only
 * a region (the gazetteer has it as an ISO 3166-2 subdivision), 0 without
 * coordinates. */
int kgr_fmt_geo_precision(const kgr_place *p);

/* Footnote lookup: binary search when the numbers ascend, else a scan.
 * Call kgr_fmt_notes_sorted() once per document. */
bool kgr_fmt_notes_sorted(const kgr_doc *d);
const kgr_footnote *kgr_fmt_footnote(const kgr_doc *d, bool sorted, int number);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. Month
 * and day 0 mean the first (or with `last`, the last) of the period. */
int64_t kgr_fmt_days(kgr_ymd d, bool last);
kgr_ymd kgr_fmt_from_days(int64_t days);
/* An event date's first and last day; false when its year is unknown. */
bool kgr_fmt_date_range(const kgr_date *d, int64_t *first, int64_t *last);

/* "YYYY-MM-DD" into buf (at least 16 bytes). */
void kgr_fmt_iso(kgr_ymd d, char *buf);

/* ISO 3166-1 numeric code of an alpha-2 code, as a number (417), or -1. */
int kgr_fmt_country_numeric(kgr_str alpha2);

/* ACLED inter code of an actor category (lex_acled_inter.tsv), or 0. */
int kgr_fmt_acled_inter(kgr_actor_category c);

#endif /* KGR_FORMATS_H */
