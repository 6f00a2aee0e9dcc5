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

/* Part of the day named before a date ("the night of 5 - 6 October"). */
typedef enum kgr_day_part {
  KGR_DAY_PART_NONE = 0,
  KGR_DAY_PART_MORNING,
  KGR_DAY_PART_AFTERNOON,
  KGR_DAY_PART_EVENING,
  KGR_DAY_PART_NIGHT
} kgr_day_part;

/* A date told relative to the day a document speaks from ("yesterday",
 * "on Monday", "last week"); kgr_relative_resolve() turns it into days. */
typedef enum kgr_rel_kind {
  KGR_REL_NONE = 0, /* an absolute date */
  KGR_REL_DAY,      /* rel_n days from the reference: "yesterday" -1 */
  KGR_REL_NIGHT,    /* "last night": the day before and the reference day */
  KGR_REL_WEEKDAY,  /* "on Monday": the latest weekday rel_n (1 Monday ..
                       7 Sunday) on or before the reference */
  KGR_REL_WEEK,     /* the Monday-Sunday week rel_n weeks from the
                       reference's ("last week" -1); this week ends at the
                       reference */
  KGR_REL_MONTH,    /* the month rel_n months from the reference's */
  KGR_REL_YEAR      /* the year rel_n years from the reference's */
} kgr_rel_kind;

typedef struct kgr_date_hit {
  size_t start, end;       /* the date expression in the text */
  kgr_ymd from, to;        /* year 0 when the text leaves it out; `to`
                              equals `from` for a single date */
  kgr_precision precision; /* day, month or year */
  bool year_written;
  bool numeric;            /* written all in digits (09.10.2020) */
  /* The words that introduce the date, which start/end leave out: "On",
   * "since", "During the night of" (lex_date_context.tsv). */
  size_t lead_start;       /* where they start; == start when there are none */
  const char *lead;        /* "on", "in", "since", "until", "by", "from",
                              "between", "during", "before", "after"; NULL */
  kgr_day_part part;       /* from "the night of", "the evening of" */
  kgr_rel_kind rel;        /* KGR_REL_NONE for the hits of kgr_dates_find */
  int rel_n;
} kgr_date_hit;
typedef KGR_VEC(kgr_date_hit) kgr_date_hit_vec;

/* Where a date stands in a text: [start, end) of its hit. */
typedef struct kgr_date_span {
  size_t start, end;
} kgr_date_span;

/*
 * Every date in text[0, len), left to right, non-overlapping, appended to
 * hits. Linear. A bare month ("in June") or a bare year ("in 2019", 1900 to
 * 2100) counts only after a preposition; numeric dates are day.month.year
 * with dots and month/day/year with slashes (day/month/year when the first
 * number is over 12). Days are validated (31 April is no date).
 */
void kgr_dates_find(kgr_arena *a, const char *text, size_t len,
                    kgr_date_hit_vec *hits);

/*
 * Every relative date in text[0, len), left to right, appended to hits with
 * `rel` set and from/to left 0: "yesterday", "today", "last night", "this
 * morning", "last week", "earlier this month", "last year", and a weekday
 * after a preposition ("on Monday", "last Friday", "on Thursday evening").
 * A weekday that labels an absolute date ("Monday, 5 October", "Wednesday
 * (3 March)") is left to kgr_dates_find, and so are weekdays without a
 * preposition ("Bloody Sunday"). Linear. Words come from
 * lex_date_context.tsv (roles relative and weekday).
 */
void kgr_relative_dates_find(kgr_arena *a, const char *text, size_t len,
                             kgr_date_hit_vec *hits);

/*
 * kgr_dates_find and kgr_relative_dates_find over the same text in one
 * walk: the same hits, appended to hits and relative.
 */
void kgr_dates_find_all(kgr_arena *a, const char *text, size_t len,
                        kgr_date_hit_vec *hits, kgr_date_hit_vec *relative);

/*
 * The days a relative hit means, seen from the day `ref` (which must have
 * year, month and day): sets *from, *to and *precision and returns true;
 * false when `ref` is incomplete or the hit is absolute.
 */
bool kgr_relative_resolve(const kgr_date_hit *hit, kgr_ymd ref, kgr_ymd *from,
                          kgr_ymd *to, kgr_precision *precision);

/* The day `days` after (before, when negative) d, which must have year,
 * month and day. */
kgr_ymd kgr_ymd_add_days(kgr_ymd d, int days);

/*
 * Is the whole of text[0, len) (trimmed, an optional "Date:" label or a
 * leading place name followed by a comma allowed) one date with day, month
 * and year? For date lines under a title. Fills *out.
 */
bool kgr_date_line(const char *text, size_t len, kgr_ymd *out);

/* Month number 1-12 of an English or Russian month name or abbreviation
 * at text[0, len) ("Oct", "October", "октября"), or 0. */
int kgr_month_from_name(const char *text, size_t len);

/* Days in a month (handles leap years; year 0, unknown, counts as leap so
 * that 29 February stays possible); 0 for a month outside 1-12. */
int kgr_days_in_month(int year, int month);

#endif /* KGR_DATES_H */
