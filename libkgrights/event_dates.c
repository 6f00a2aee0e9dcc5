/*
 * event_dates.c - dates of sentences: years resolved from the evidence of
 * the document, dates bound to triggers and picked for happenings.
 *
 * The evidence for a missing year is gathered in one pass (every stated
 * year, the latest year of a cited URL) and looked up through prefix and
 * suffix indexes, so resolving all dates is linear in the number of dates.
 */
#include "event_dates.h"

#include <string.h>

#include "dates.h"
#include "utf8.h"

/* How far kgr_date_pick looks for a free date either side of a position. */
#define PICK_REACH 16
/* Words that may stand before a date the sentence opens with ("However,
 * on 9 October"; "In the morning of 6 October"). */
#define LEAD_WORDS 4
/* Words between a happening and a date after it that binds to it. */
#define BIND_AFTER_WORDS 6
/* How close a date before a noun must be to bind to it ("the 4 October
 * parliamentary election"). */
#define BIND_BEFORE_BYTES 32

typedef struct raw {
  kgr_date_hit h; /* offsets in block text */
  size_t sentence, block, section;
} raw;
typedef KGR_VEC(raw) raw_vec;

static int ymd_cmp(kgr_ymd a, kgr_ymd b) {
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  int am = a.month ? a.month : 1, bm = b.month ? b.month : 1;
  if (am != bm)
    return am < bm ? -1 : 1;
  int ad = a.day ? a.day : 1, bd = b.day ? b.day : 1;
  return ad < bd ? -1 : ad > bd;
}

int kgr_year_capped(int year, kgr_ymd date, kgr_ymd cap) {
  if (year == 0 || cap.year == 0)
    return year;
  date.year = year;
  return ymd_cmp(date, cap) > 0 ? year - 1 : year;
}

int kgr_url_year(const char *url, size_t len, int *month) {
  *month = 0;
  for (size_t i = 0; i + 5 <= len; i++) {
    if (url[i] != '/')
      continue;
    size_t j = i + 1;
    while (j < len && kgr_is_digit((unsigned char)url[j]))
      j++;
    if (j - i - 1 != 4 || (j < len && url[j] != '/' && url[j] != '?' && url[j] != '#'))
      continue;
    int y = (url[i + 1] - '0') * 1000 + (url[i + 2] - '0') * 100 + (url[i + 3] - '0') * 10 +
            (url[i + 4] - '0');
    if (y < 1900 || y > 2099)
      continue;
    /* An optional month segment: "/10/" or "/10" at the end. */
    if (j + 3 <= len && url[j] == '/' && kgr_is_digit((unsigned char)url[j + 1]) &&
        kgr_is_digit((unsigned char)url[j + 2]) &&
        (j + 3 == len || url[j + 3] == '/' || url[j + 3] == '?' || url[j + 3] == '#')) {
      int m = (url[j + 1] - '0') * 10 + (url[j + 2] - '0');
      if (m >= 1 && m <= 12)
        *month = m;
    }
    return y;
  }
  return 0;
}

/* The latest year (and month) of any URL the document cites. */
static int url_evidence(const kgr_doc *doc, int *month) {
  int best = 0, best_m = 0;
  for (size_t i = 0; i < doc->footnotes.count; i++) {
    const kgr_footnote *f = &doc->footnotes.items[i];
    for (size_t k = 0; k < f->url_count; k++) {
      int m, y = kgr_url_year(f->urls[k].ptr, f->urls[k].len, &m);
      if (y > best || (y == best && m > best_m)) {
        best = y;
        best_m = m;
      }
    }
  }
  for (size_t i = 0; i < doc->links.count; i++) {
    const kgr_link *l = &doc->links.items[i];
    if (!l->target.ptr)
      continue;
    int m, y = kgr_url_year(l->target.ptr, l->target.len, &m);
    if (y > best || (y == best && m > best_m)) {
      best = y;
      best_m = m;
    }
  }
  *month = best_m;
  return best;
}

/* The stated year that a date in sentence `s` (raw index `r`) borrows:
 * the same sentence, then the paragraph (before, then after), then the
 * section before it, then the document's date, then anywhere. */
static int nearby_year(const kgr_doc *doc, const raw_vec *raws, size_t r, const long *prev,
                       const long *next, const size_t *first) {
  const raw *x = &raws->items[r];
  size_t s = x->sentence;
  /* the same sentence: the nearest stated date in it */
  long best = -1;
  size_t best_d = (size_t)-1;
  for (size_t k = first[s]; k < first[s + 1]; k++) {
    const raw *y = &raws->items[k];
    if (!y->h.year_written)
      continue;
    size_t d = y->h.start > x->h.start ? y->h.start - x->h.start : x->h.start - y->h.start;
    if (d < best_d) {
      best_d = d;
      best = (long)k;
    }
  }
  if (best >= 0)
    return raws->items[best].h.from.year;
  long p = prev[s], n = next[s];
  if (p >= 0 && raws->items[p].block == x->block)
    return raws->items[p].h.from.year;
  if (n >= 0 && raws->items[n].block == x->block)
    return raws->items[n].h.from.year;
  if (p >= 0 && raws->items[p].section == x->section)
    return raws->items[p].h.from.year;
  if (doc->date_ymd.year)
    return doc->date_ymd.year;
  if (p >= 0)
    return raws->items[p].h.from.year;
  if (n >= 0)
    return raws->items[n].h.from.year;
  return 0;
}

static kgr_date *make_date(kgr_doc *doc, const kgr_block *b, const kgr_date_hit *h, int year,
                           kgr_year_source src, kgr_ymd cap) {
  kgr_date *d = kgr_arena_calloc(&doc->arena, sizeof *d);
  kgr_ymd from = h->from, to = h->to;
  if (to.month == 0 && to.year == 0)
    to = from;
  if (src != KGR_YEAR_STATED && year) {
    int to_year_given = to.year;
    from.year = kgr_year_capped(year, from, cap);
    to.year = to_year_given ? to_year_given : from.year;
    if (ymd_cmp(to, from) < 0) /* "28 December - 3 January" */
      to.year = from.year + 1;
  } else if (src == KGR_YEAR_STATED && to.year == 0) {
    to.year = from.year;
  }
  switch (h->precision) {
  case KGR_PRECISION_YEAR:
    from.month = 1, from.day = 1;
    to.month = 12, to.day = 31;
    break;
  case KGR_PRECISION_MONTH:
    from.day = 1;
    if (to.month == 0)
      to.month = from.month;
    to.day = kgr_days_in_month(to.year, to.month);
    break;
  default:
    if (to.day == 0)
      to.day = from.day;
    break;
  }
  d->start = from;
  d->end = to;
  d->precision = h->precision ? h->precision : KGR_PRECISION_DAY;
  d->year_source = from.year ? src : KGR_YEAR_NONE;
  d->text = kgr_arena_str(&doc->arena, b->text + h->start, h->end - h->start);
  d->span = kgr_block_span(b, h->start, h->end);
  if (from.year) {
    d->start_iso = kgr_doc_iso_date(doc, from);
    d->end_iso = kgr_doc_iso_date(doc, to);
  }
  return d;
}

/* Does the sentence open with this date: at most LEAD_WORDS words, and no
 * other date, before it? */
static bool opens_with(const kgr_block *b, const kgr_sentence *s, const kgr_date_hit *h) {
  size_t at = h->lead_start < h->start ? h->lead_start : h->start;
  if (at < s->start)
    at = h->start;
  return kgr_count_words(b->text, s->start, at) <= LEAD_WORDS;
}

const kgr_sentence_dates *kgr_event_dates_read(kgr_doc *doc, const kgr_layout *lay) {
  kgr_arena *a = &doc->arena;
  size_t n = lay->sentence_count;
  kgr_sentence_dates *out = kgr_arena_calloc(a, (n + 1) * sizeof *out);
  size_t *first = kgr_arena_alloc(a, (n + 1) * sizeof *first);
  raw_vec raws = {0};
  kgr_date_hit_vec tmp = {0};
  for (size_t s = 0; s < n; s++) {
    first[s] = raws.count;
    const kgr_sentence *se = &lay->sentences[s];
    const kgr_block *b = &lay->blocks[se->block];
    if (b->kind == KGR_BLOCK_FOOTNOTE || se->end <= se->start)
      continue;
    tmp.count = 0;
    kgr_dates_find(a, b->text + se->start, se->end - se->start, &tmp);
    for (size_t k = 0; k < tmp.count; k++) {
      raw *r = KGR_VEC_PUSH(a, raws);
      r->h = tmp.items[k];
      r->h.start += se->start;
      r->h.end += se->start;
      r->h.lead_start += se->start;
      r->sentence = s;
      r->block = se->block;
      r->section = b->section;
      if (r->h.year_written && r->h.from.year == 0)
        r->h.year_written = false;
    }
  }
  first[n] = raws.count;

  /* prev[s]: the last stated date in sentences before s; next[s]: the
   * first in sentences after s. */
  long *prev = kgr_arena_alloc(a, (n + 1) * sizeof *prev);
  long *next = kgr_arena_alloc(a, (n + 1) * sizeof *next);
  long last = -1;
  for (size_t s = 0; s < n; s++) {
    prev[s] = last;
    for (size_t k = first[s]; k < first[s + 1]; k++)
      if (raws.items[k].h.year_written)
        last = (long)k;
  }
  last = -1;
  for (size_t s = n; s-- > 0;) {
    next[s] = last;
    for (size_t k = first[s + 1]; k-- > first[s];)
      if (raws.items[k].h.year_written)
        last = (long)k;
  }

  int url_month = 0;
  int url_year = url_evidence(doc, &url_month);

  for (size_t s = 0; s < n; s++) {
    size_t cnt = first[s + 1] - first[s];
    out[s].lead = -1;
    if (!cnt)
      continue;
    kgr_sdate *hits = kgr_arena_alloc(a, cnt * sizeof *hits);
    const kgr_sentence *se = &lay->sentences[s];
    const kgr_block *b = &lay->blocks[se->block];
    for (size_t k = 0; k < cnt; k++) {
      size_t r = first[s] + k;
      const kgr_date_hit *h = &raws.items[r].h;
      int year = 0;
      kgr_year_source src = KGR_YEAR_NONE;
      kgr_ymd cap = {0, 0, 0};
      if (h->year_written) {
        year = h->from.year;
        src = KGR_YEAR_STATED;
      } else if ((year = nearby_year(doc, &raws, r, prev, next, first)) != 0) {
        src = KGR_YEAR_DOCUMENT;
        cap = doc->date_ymd;
      } else if (url_year) {
        year = url_year;
        src = KGR_YEAR_URL;
      } else if (doc->reference.year) {
        year = doc->reference.year;
        src = KGR_YEAR_REFERENCE;
        cap = doc->reference;
      }
      hits[k].start = h->start;
      hits[k].end = h->end;
      hits[k].date = make_date(doc, b, h, year, src, cap);
    }
    out[s].hits = hits;
    out[s].count = cnt;
    if (opens_with(b, se, &raws.items[first[s]].h))
      out[s].lead = 0;
  }
  return out;
}

/* --- Attaching dates --------------------------------------------------------- */

/* The first hit that starts at or after pos. */
static size_t first_at_or_after(const kgr_sentence_dates *sd, size_t pos) {
  size_t lo = 0, hi = sd->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (sd->hits[mid].start < pos)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

int kgr_date_bind(const char *text, const kgr_sentence_dates *sd, size_t start, size_t end,
                  bool weak) {
  size_t k = first_at_or_after(sd, end);
  if (k < sd->count && kgr_event_date_link(text, end, sd->hits[k].start, BIND_AFTER_WORDS))
    return (int)k;
  if (!weak)
    return -1;
  k = first_at_or_after(sd, start);
  if (k == 0)
    return -1;
  const kgr_sdate *h = &sd->hits[k - 1];
  if (h->end > start || start - h->end > BIND_BEFORE_BYTES)
    return -1;
  /* "the 4 October election", "the 4 October parliamentary elections" */
  for (size_t i = h->end; i < start; i++)
    if (!kgr_is_word_byte((unsigned char)text[i]) && text[i] != ' ' && text[i] != '-')
      return -1;
  return kgr_count_words(text, h->end, start) <= 1 ? (int)(k - 1) : -1;
}

static bool in_aside(const kgr_event_scan *scan, size_t pos) {
  return scan->clause_count && scan->clauses[kgr_event_clause_at(scan, pos)].aside;
}

bool kgr_date_has_own(const kgr_sentence_dates *sd, const kgr_event_scan *scan, const bool *taken) {
  if (sd->count > 4 * PICK_REACH)
    return true; /* a sentence that long has dates of its own: stay linear */
  for (size_t k = 0; k < sd->count; k++)
    if (!(taken && taken[k]) && !in_aside(scan, sd->hits[k].start))
      return true;
  return false;
}

const kgr_date *kgr_date_pick(const kgr_sentence_dates *sd, const kgr_event_scan *scan, size_t pos,
                              size_t pos_end, bool before_first, const bool *taken,
                              const kgr_date *carried, bool *was_carried) {
  if (was_carried)
    *was_carried = false;
  if (sd->count) {
    size_t c = scan->clause_count ? kgr_event_clause_at(scan, pos) : 0;
    size_t cs = scan->clause_count ? scan->clauses[c].start : 0;
    size_t ce = scan->clause_count ? scan->clauses[c].end : (size_t)-1;
    size_t at = first_at_or_after(sd, pos);
    long before = -1, after = -1;
    for (size_t k = at, steps = 0; k-- > 0 && steps < PICK_REACH; steps++) {
      if (sd->hits[k].start < cs)
        break;
      if (!(taken && taken[k])) {
        before = (long)k;
        break;
      }
    }
    for (size_t k = at, steps = 0; k < sd->count && steps < PICK_REACH; k++, steps++) {
      if (sd->hits[k].start >= ce)
        break;
      if (!(taken && taken[k])) {
        after = (long)k;
        break;
      }
    }
    if (before >= 0 && after >= 0 && !before_first) {
      size_t db = pos - sd->hits[before].end;
      size_t da = sd->hits[after].start > pos_end ? sd->hits[after].start - pos_end : 0;
      return sd->hits[da < db ? after : before].date;
    }
    if (before >= 0)
      return sd->hits[before].date;
    if (after >= 0)
      return sd->hits[after].date;
    if (sd->lead >= 0)
      return sd->hits[sd->lead].date;
    for (size_t k = at, steps = 0; k-- > 0 && steps < PICK_REACH; steps++)
      if (!(taken && taken[k]) && !in_aside(scan, sd->hits[k].start))
        return sd->hits[k].date;
    if (kgr_date_has_own(sd, scan, taken))
      return NULL;
  }
  if (carried && was_carried)
    *was_carried = true;
  return carried;
}

static kgr_ymd add_days(kgr_ymd d, int days) {
  for (; days > 0; days--) {
    if (++d.day > kgr_days_in_month(d.year, d.month)) {
      d.day = 1;
      if (++d.month > 12) {
        d.month = 1;
        if (d.year)
          d.year++;
      }
    }
  }
  for (; days < 0; days++) {
    if (--d.day < 1) {
      if (--d.month < 1) {
        d.month = 12;
        if (d.year)
          d.year--;
      }
      d.day = kgr_days_in_month(d.year, d.month);
    }
  }
  return d;
}

const kgr_date *kgr_date_shift(kgr_doc *doc, const kgr_date *d, int days, const kgr_block *b,
                               size_t start, size_t end) {
  if (!d || days == 0 || d->precision != KGR_PRECISION_DAY || !d->start.month || !d->start.day)
    return d;
  kgr_date *x = kgr_arena_calloc(&doc->arena, sizeof *x);
  x->start = x->end = add_days(days > 0 ? d->end : d->start, days);
  x->precision = KGR_PRECISION_DAY;
  x->year_source = d->year_source;
  x->text = kgr_arena_str(&doc->arena, b->text + start, end - start);
  x->span = kgr_block_span(b, start, end);
  if (x->start.year) {
    x->start_iso = kgr_doc_iso_date(doc, x->start);
    x->end_iso = x->start_iso;
  }
  return x;
}

bool kgr_date_same(const kgr_date *a, const kgr_date *b) {
  if (!a || !b)
    return a == b;
  return a->start.year == b->start.year && a->start.month == b->start.month &&
         a->start.day == b->start.day;
}
