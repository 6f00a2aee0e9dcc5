/*
 * event_dates.h - the dates of the sentences that report events: found by
 * the date recognizer (dates.h), given the years they leave out, and
 * attached to the happenings of each sentence.
 *
 * A missing year is taken, in this order, from a year stated nearby (the
 * same sentence, paragraph or section) or in the document's date line
 * ("document"), from a year in a URL the document cites ("/2020/10/":
 * "url"), from the caller's reference date ("reference"); else it stays 0
 * and the date has no ISO start or end. A year from the document's date or
 * the reference date never puts the date after that date: "in December" in
 * a January document is the December before.
 */
#ifndef KGR_EVENT_DATES_H
#define KGR_EVENT_DATES_H

#include "document.h"
#include "event_types.h"
#include "layout.h"

/* One date of a sentence. */
typedef struct kgr_sdate {
  size_t start, end;    /* the date in the block text */
  const kgr_date *date; /* resolved; in the document's arena */
} kgr_sdate;

typedef struct kgr_sentence_dates {
  const kgr_sdate *hits; /* in text order */
  size_t count;
  int lead; /* the date the sentence opens with ("On 5 October, ...",
               "However, on 9 October", "Since 6 October"), or -1 */
} kgr_sentence_dates;

/*
 * The resolved dates of every sentence of the layout (footnotes have
 * none): an array of lay->sentence_count.
 */
const kgr_sentence_dates *kgr_event_dates_read(kgr_doc *doc, const kgr_layout *lay);

/*
 * The date bound to a trigger at text[start, end), as an index into
 * sd->hits, or -1: a date right after it ("elections held in Kyrgyzstan on
 * 4 October 2020") or, for a noun (weak), right before it ("the 4 October
 * election").
 */
int kgr_date_bind(const char *text, const kgr_sentence_dates *sd, size_t start, size_t end,
                  bool weak);

/*
 * The date of a happening (or a figure) at block text [pos, pos_end): the
 * nearest free date of its clause (one before it first when `before_first`,
 * else the nearest either side), else the date the sentence opens with,
 * else the nearest free date before it outside asides; a sentence with no
 * free date of its own outside asides takes `carried`. `taken` marks dates
 * bound to other triggers (may be NULL). *was_carried is set when the date
 * is `carried`.
 */
const kgr_date *kgr_date_pick(const kgr_sentence_dates *sd, const kgr_event_scan *scan, size_t pos,
                              size_t pos_end, bool before_first, const bool *taken,
                              const kgr_date *carried, bool *was_carried);

/* Does the sentence have a date of its own outside asides that no trigger
 * took? */
bool kgr_date_has_own(const kgr_sentence_dates *sd, const kgr_event_scan *scan, const bool *taken);

/*
 * The day `days` after (before, when negative) a day-precision date, told
 * by block text [start, end) of b ("the next day"); other dates are
 * returned as they are.
 */
const kgr_date *kgr_date_shift(kgr_doc *doc, const kgr_date *d, int days, const kgr_block *b,
                               size_t start, size_t end);

/* Do two dates start on the same day (both unresolved counts as the same
 * when their text is the same)? NULL equals only NULL. */
bool kgr_date_same(const kgr_date *a, const kgr_date *b);

/*
 * A year in a URL: a path segment of four digits 1900-2099, optionally
 * followed by a month segment 01-12 ("/2020/10/"). Returns the year (0 if
 * none) and sets *month (0 if none).
 */
int kgr_url_year(const char *url, size_t len, int *month);

/*
 * Resolve the year of a date the text gives without one, from evidence
 * year `year` with the cap `cap` (year 0: none): the result is `year`, or
 * the year before when that would put the date after the cap.
 */
int kgr_year_capped(int year, kgr_ymd date, kgr_ymd cap);

#endif /* KGR_EVENT_DATES_H */
