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
  const kgr_date *date; /* resolved; in the `dates` arena, its ISO strings
                           in the document's */
  bool relative;        /* told from the day of writing ("yesterday") */
} kgr_sdate;

typedef struct kgr_sentence_dates {
  /* in text order; unless a dateline opens the sentence (body_start past
   * its start), the absolute ones are exactly the hits of kgr_dates_find
   * over the sentence */
  const kgr_sdate *hits;
  size_t count;
  int lead;          /* the date the sentence opens with ("On 5 October, ...",
                        "However, on 9 October", "Since 6 October"), or -1 */
  size_t body_start; /* block text where the sentence's report begins:
                        past a dateline ("(Berlin, August 15, 2020) - "),
                        whose place and date are the statement's, not an
                        event's; else the sentence start */
} kgr_sentence_dates;

/*
 * The resolved dates of every sentence of the layout (footnotes have
 * none): an array of lay->sentence_count. Relative dates ("yesterday", "on
 * Monday", "last week") count from the document's date, else the caller's
 * reference date; with neither they stay unresolved (no ISO start). The
 * array and its hits are allocated in `keep`, the dates in `dates` (may be
 * keep), only their ISO strings in the document's arena (figures take
 * them): an event keeps a copy of its date, so that the dates of a long
 * document that no event keeps, and then the dates themselves, can go
 * before the records are built. `scratch` holds the work and is rewound
 * before returning.
 */
const kgr_sentence_dates *kgr_event_dates_read(kgr_doc *doc, const kgr_layout *lay, kgr_arena *keep,
                                               kgr_arena *dates, kgr_arena *scratch);

/*
 * Where the body starts after a press release's dateline opening block
 * text [start, end) of b: "(Berlin, August 15, 2020) - ", "GENEVA, 5 March
 * 2021: ", "New York, August 12, 2020 - ", "(New York) - ", "GENEVA - ". A
 * dateline is a place (capitalised words, then a comma or a bracket) and
 * the document's own date, or a place alone in brackets or in capitals,
 * then a dash or a colon within its first 100 bytes. A date that is not
 * the document's ("Bishkek, 5 October: police ...") opens a report, not a
 * dateline. Returns start when there is none.
 */
size_t kgr_dateline_end(kgr_doc *doc, const kgr_block *b, size_t start, size_t end);

/*
 * The date bound to a trigger at text[start, end), as an index into
 * sd->hits, or -1: a date right after it ("elections held in Kyrgyzstan on
 * 4 October 2020") or, for a noun (weak), right before it ("the 4 October
 * election").
 */
int kgr_date_bind(const char *text, const kgr_sentence_dates *sd, size_t start, size_t end,
                  bool weak);

/* How a date of a sentence is taken (kgr_date_pick's `taken`): bound to a
 * noun ("the 4 October election", "the minister stated on 8 October") or
 * claimed by a report cue ("according to figures released on 15 January").
 * A noun's date may still open the sentence for the rest ("Since the
 * August 9 election, police have detained ..."; "On 8 October the minister
 * said that ambulances had come under attack": a statement's day stands
 * for what it tells when nothing else dates it); a tally's may not. */
enum { KGR_DATE_FREE = 0, KGR_DATE_NOUN = 1, KGR_DATE_REPORT = 2 };

/*
 * The date of a happening (or a figure) at block text [pos, pos_end): the
 * nearest free date of its clause (one before it first when `before_first`,
 * else the nearest either side), else the date the sentence opens with,
 * else the nearest free date before it outside asides; a sentence with no
 * free date of its own outside asides, or with dates only after the
 * position's clause, takes `carried`. `taken` (may be NULL) marks dates
 * bound to other triggers or claimed by reports (KGR_DATE_*): none of them
 * is picked, and a report's is not the sentence's opening date either.
 * *was_carried is set when the date is `carried`.
 */
const kgr_date *kgr_date_pick(const kgr_sentence_dates *sd, const kgr_event_scan *scan, size_t pos,
                              size_t pos_end, bool before_first, const uint8_t *taken,
                              const kgr_date *carried, bool *was_carried);

/* Does the sentence have a date of its own outside asides that no trigger
 * took? */
bool kgr_date_has_own(const kgr_sentence_dates *sd, const kgr_event_scan *scan,
                      const uint8_t *taken);

/*
 * The day `days` after (before, when negative) a day-precision date, told
 * by block text [start, end) of b ("the next day"), made in `dates` as
 * kgr_event_dates_read() makes its dates; other dates are returned as they
 * are.
 */
const kgr_date *kgr_date_shift(kgr_doc *doc, kgr_arena *dates, const kgr_date *d, int days,
                               const kgr_block *b, size_t start, size_t end);

/* Do two dates tell the same day: the same start, and the same end unless
 * both last a day or a night ("5 October" and "the night of 5-6 October"
 * are one day; "last week" is not its Monday)? NULL equals only NULL. */
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
