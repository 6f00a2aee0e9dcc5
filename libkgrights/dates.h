/*
 * dates.h - the date recognizer.
 *
 * Finds absolute and partial dates and ranges in normalised text:
 * "9 October 2020", "October 9, 2020", "09.10.2020", "2020-10-09",
 * "On 5 October", "October 5", "5-6 October 2020", "5 - 6 October",
 * "the night of 5 – 6 October", "in June", "June 2020", "13 September".
 * It does not resolve missing years: that needs the document (see
 * kgr_resolve_year in events). Hard negatives: "4 October Street" is a
 * street, "Article 5", "the 1990s", "COVID-19", "24.kg" are not dates.
 */
#ifndef KGR_DATES_H
#define KGR_DATES_H

#include "arena.h"
#include "kgrights/kgr_record.h"

typedef struct kgr_date_hit {
  size_t start, end;       /* the date expression in the text */
  kgr_ymd from, to;        /* year 0 when the text leaves it out; `to`
                              equals `from` for a single date */
  kgr_precision precision; /* day, month or year */
  bool year_written;
  bool numeric;            /* written all in digits (09.10.2020) */
} kgr_date_hit;
typedef KGR_VEC(kgr_date_hit) kgr_date_hit_vec;

/* Every date in text[0, len), left to right, appended to hits. Linear. */
void kgr_dates_find(kgr_arena *a, const char *text, size_t len,
                    kgr_date_hit_vec *hits);

/*
 * Is the whole of text[0, len) (trimmed, an optional "Date:" label or a
 * leading place name followed by a comma allowed) one date with day, month
 * and year? For date lines under a title. Fills *out.
 */
bool kgr_date_line(const char *text, size_t len, kgr_ymd *out);

/* Month number 1-12 of an English or Russian month name or abbreviation
 * at text[0, len) ("Oct", "October", "октября"), or 0. */
int kgr_month_from_name(const char *text, size_t len);

/* Days in a month (handles leap years). */
int kgr_days_in_month(int year, int month);

#endif /* KGR_DATES_H */
