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
/* How far into a paragraph a dateline's dash or colon may stand. */
#define DATELINE_BYTES 100

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

static bool ymd_eq(kgr_ymd a, kgr_ymd b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* The ISO days of d's start and end: one string when they are one day. */
static void set_iso(kgr_doc *doc, kgr_date *d) {
  d->start_iso = kgr_doc_iso_date(doc, d->start);
  d->end_iso = ymd_eq(d->start, d->end) ? d->start_iso : kgr_doc_iso_date(doc, d->end);
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
                       const long *next, const long *left, const long *right) {
  const raw *x = &raws->items[r];
  size_t s = x->sentence;
  /* the same sentence: the nearest stated date in it */
  long l = left[r], rt = right[r];
  if (l >= 0 && rt >= 0)
    return raws
        ->items[x->h.start - raws->items[l].h.start <= raws->items[rt].h.start - x->h.start ? l
                                                                                            : rt]
        .h.from.year;
  if (l >= 0 || rt >= 0)
    return raws->items[l >= 0 ? l : rt].h.from.year;
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

static kgr_date *make_date(kgr_doc *doc, kgr_arena *dates, const kgr_block *b,
                           const kgr_date_hit *h, int year, kgr_year_source src, kgr_ymd cap) {
  kgr_date *d = kgr_arena_calloc(dates, sizeof *d);
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
  /* "since 28 November": from that day to the day of writing */
  if (h->lead && strcmp(h->lead, "since") == 0 && ymd_cmp(from, to) == 0 && cap.year &&
      h->precision == KGR_PRECISION_DAY && ymd_cmp(cap, to) > 0)
    to = cap;
  d->start = from;
  d->end = to;
  d->precision = h->precision ? h->precision : KGR_PRECISION_DAY;
  d->year_source = from.year ? src : KGR_YEAR_NONE;
  d->text = kgr_arena_str(dates, b->text + h->start, h->end - h->start);
  d->span = kgr_block_span(b, h->start, h->end);
  if (from.year)
    set_iso(doc, d);
  return d;
}

/* --- Datelines ---------------------------------------------------------------- */

/* The dash or colon that ends a dateline at text[i]: its length, or 0. */
static size_t dateline_dash(const char *t, size_t i, size_t end) {
  static const char *const dashes[] = {"\xE2\x80\x93", "\xE2\x80\x94", "--", " - ", ":"};
  for (size_t k = 0; k < sizeof dashes / sizeof dashes[0]; k++) {
    if (t[i] != dashes[k][0])
      continue;
    size_t n = strlen(dashes[k]);
    if (i + n <= end && memcmp(t + i, dashes[k], n) == 0)
      return n;
  }
  return 0;
}

size_t kgr_dateline_end(kgr_doc *doc, const kgr_block *b, size_t start, size_t end) {
  const char *t = b->text;
  size_t lim = end - start > DATELINE_BYTES ? start + DATELINE_BYTES : end;
  size_t i = start, dash = 0, dl = 0, words = 0;
  bool comma = false, word_start = true, digits = false, lower = false, closed = false;
  /* Every word of the prefix starts with a capital or a digit. */
  while (i < lim) {
    unsigned char c = (unsigned char)t[i];
    if ((dl = dateline_dash(t, i, lim)) != 0) {
      dash = i;
      break;
    }
    if (kgr_is_word_byte(c)) {
      if (word_start && !kgr_is_digit(c) && !kgr_utf8_starts_upper(t + i, lim - i))
        return start;
      words += word_start;
      digits |= kgr_is_digit(c);
      lower |= c >= 'a' && c <= 'z';
      word_start = false;
      i++;
      continue;
    }
    if (c == ',' || (c == '(' && i > start))
      comma = true; /* a place before the date: "Geneva," "GENEVA (" */
    else if (!(c == ' ' || c == '(' || c == ')' || c == '.' || c == '/' || c == '-' || c == '\''))
      return start;
    closed = c == ')' ? true : c == ' ' ? closed : false;
    word_start = c != '-' && c != '\'';
    i++;
  }
  if (!dash || !words)
    return start;
  /* "(New York) -" and "GENEVA -": a place alone, in brackets or capitals */
  bool bracketed = t[start] == '(' && closed;
  bool place_only = !digits && words <= 5 && (bracketed || (!lower && !comma));
  if (!place_only) {
    if (!comma || !doc->date_ymd.year || !doc->date_ymd.day)
      return start;
    /* the hits are scratch: the arena gives their room back below */
    kgr_arena_pos mark = kgr_arena_mark(&doc->arena);
    kgr_date_hit_vec hits = {0};
    kgr_dates_find(&doc->arena, t + start, dash - start, &hits);
    bool own = false;
    for (size_t k = 0; k < hits.count && !own; k++) {
      const kgr_date_hit *h = &hits.items[k];
      /* the place comes first: "On Monday, 5 October -" is no dateline */
      size_t c = start;
      while (c < start + h->start && t[c] != ',' && !(t[c] == '(' && c > start))
        c++;
      own = c < start + h->start && h->precision == KGR_PRECISION_DAY && h->year_written &&
            h->from.year == doc->date_ymd.year && h->from.month == doc->date_ymd.month &&
            h->from.day == doc->date_ymd.day;
    }
    kgr_arena_rewind(&doc->arena, mark);
    if (!own)
      return start;
  }
  i = dash + dl;
  while (i < end && t[i] == ' ')
    i++;
  return i;
}

/* A relative date ("yesterday") counted from the document's date, else the
 * caller's reference date; unresolved without either. */
static kgr_date *make_relative(kgr_doc *doc, kgr_arena *dates, const kgr_block *b,
                               const kgr_date_hit *h) {
  kgr_date *d = kgr_arena_calloc(dates, sizeof *d);
  kgr_year_source src = KGR_YEAR_DOCUMENT;
  kgr_ymd ref = doc->date_ymd;
  if (!ref.year) {
    ref = doc->reference;
    src = KGR_YEAR_REFERENCE;
  }
  d->precision = h->precision ? h->precision : KGR_PRECISION_DAY;
  d->text = kgr_arena_str(dates, b->text + h->start, h->end - h->start);
  d->span = kgr_block_span(b, h->start, h->end);
  if (kgr_relative_resolve(h, ref, &d->start, &d->end, &d->precision)) {
    d->year_source = src;
    set_iso(doc, d);
  }
  return d;
}

/* Does the sentence open with this date: at most LEAD_WORDS words, and no
 * other date, before it? */
static bool opens_with(const kgr_block *b, size_t from, const kgr_date_hit *h) {
  size_t at = h->lead_start < h->start ? h->lead_start : h->start;
  if (at < from)
    at = h->start;
  return kgr_words_within(b->text, from, at, LEAD_WORDS);
}

const kgr_sentence_dates *kgr_event_dates_read(kgr_doc *doc, const kgr_layout *lay, kgr_arena *keep,
                                               kgr_arena *dates, kgr_arena *scratch) {
  kgr_arena *a = scratch;
  kgr_arena_pos start = kgr_arena_mark(a);
  size_t n = lay->sentence_count;
  kgr_sentence_dates *out = kgr_arena_calloc(keep, (n + 1) * sizeof *out);
  size_t *first = kgr_arena_alloc(a, (n + 1) * sizeof *first);
  raw_vec raws = {0};
  kgr_date_hit_vec tmp = {0}, rel = {0};
  for (size_t s = 0; s < n; s++) {
    first[s] = raws.count;
    const kgr_sentence *se = &lay->sentences[s];
    const kgr_block *b = &lay->blocks[se->block];
    out[s].body_start = se->start;
    if (b->kind == KGR_BLOCK_FOOTNOTE || se->end <= se->start)
      continue;
    if (s == 0 || lay->sentences[s - 1].block != se->block)
      out[s].body_start = kgr_dateline_end(doc, b, se->start, se->end);
    tmp.count = 0;
    rel.count = 0;
    kgr_dates_find_all(a, b->text + se->start, se->end - se->start, &tmp, &rel);
    /* both lists in text order; a relative date inside an absolute one
     * ("Monday, 5 October") is left out */
    for (size_t k = 0, q = 0; k < tmp.count || q < rel.count;) {
      const kgr_date_hit *x;
      if (q < rel.count && (k >= tmp.count || rel.items[q].start < tmp.items[k].start)) {
        x = &rel.items[q++];
        if ((k < tmp.count && x->end > tmp.items[k].start) ||
            (k > 0 && tmp.items[k - 1].end > x->start))
          continue;
      } else {
        x = &tmp.items[k++];
      }
      raw *r = KGR_VEC_PUSH(a, raws);
      r->h = *x;
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

  /* left[r], right[r]: the nearest stated date of the same sentence
   * before and after raw r, so that each date finds its year in O(1) */
  long *left = kgr_arena_alloc(a, (raws.count + 1) * sizeof *left);
  long *right = kgr_arena_alloc(a, (raws.count + 1) * sizeof *right);
  for (size_t s = 0; s < n; s++) {
    last = -1;
    for (size_t k = first[s]; k < first[s + 1]; k++) {
      left[k] = last;
      if (raws.items[k].h.year_written)
        last = (long)k;
    }
    last = -1;
    for (size_t k = first[s + 1]; k-- > first[s];) {
      right[k] = last;
      if (raws.items[k].h.year_written)
        last = (long)k;
    }
  }

  int url_month = 0;
  int url_year = url_evidence(doc, &url_month);

  for (size_t s = 0; s < n; s++) {
    size_t cnt = first[s + 1] - first[s];
    out[s].lead = -1;
    if (!cnt)
      continue;
    kgr_sdate *hits = kgr_arena_alloc(keep, cnt * sizeof *hits);
    const kgr_sentence *se = &lay->sentences[s];
    const kgr_block *b = &lay->blocks[se->block];
    size_t kept = 0, lead_raw = (size_t)-1;
    for (size_t k = 0; k < cnt; k++) {
      size_t r = first[s] + k;
      const kgr_date_hit *h = &raws.items[r].h;
      /* a dateline's date is the statement's: evidence for years only */
      if (h->start < out[s].body_start)
        continue;
      if (lead_raw == (size_t)-1)
        lead_raw = r;
      if (h->rel != KGR_REL_NONE) {
        hits[kept].start = h->start;
        hits[kept].end = h->end;
        hits[kept].relative = true;
        hits[kept++].date = make_relative(doc, dates, b, h);
        continue;
      }
      int year = 0;
      kgr_year_source src = KGR_YEAR_NONE;
      kgr_ymd cap = {0, 0, 0};
      if (h->year_written) {
        year = h->from.year;
        src = KGR_YEAR_STATED;
        cap = doc->date_ymd;
      } else if ((year = nearby_year(doc, &raws, r, prev, next, left, right)) != 0) {
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
      hits[kept].start = h->start;
      hits[kept].end = h->end;
      hits[kept].relative = false;
      hits[kept++].date = make_date(doc, dates, b, h, year, src, cap);
    }
    out[s].hits = hits;
    out[s].count = kept;
    if (kept && opens_with(b, out[s].body_start, &raws.items[lead_raw].h))
      out[s].lead = 0;
  }
  kgr_arena_rewind(a, start);
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
  return kgr_words_within(text, h->end, start, 1) ? (int)(k - 1) : -1;
}

static bool in_aside(const kgr_event_scan *scan, size_t pos) {
  return scan->clause_count && scan->clauses[kgr_event_clause_at(scan, pos)].aside;
}

bool kgr_date_has_own(const kgr_sentence_dates *sd, const kgr_event_scan *scan,
                      const uint8_t *taken) {
  if (sd->count > 4 * PICK_REACH)
    return true; /* a sentence that long has dates of its own: stay linear */
  for (size_t k = 0; k < sd->count; k++)
    if (!(taken && taken[k]) && !in_aside(scan, sd->hits[k].start))
      return true;
  return false;
}

const kgr_date *kgr_date_pick(const kgr_sentence_dates *sd, const kgr_event_scan *scan, size_t pos,
                              size_t pos_end, bool before_first, const uint8_t *taken,
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
    if (sd->lead >= 0 && !(taken && taken[sd->lead] == KGR_DATE_REPORT))
      return sd->hits[sd->lead].date;
    for (size_t k = at, steps = 0; k-- > 0 && steps < PICK_REACH; steps++)
      if (!(taken && taken[k]) && !in_aside(scan, sd->hits[k].start))
        return sd->hits[k].date;
    /* dates only after it, in other clauses ("declared a state of
     * emergency and on 7 January authorised ..."), are later steps of the
     * story: it keeps the carried day */
    if (at > 0 && kgr_date_has_own(sd, scan, taken))
      return NULL;
  }
  if (carried && was_carried)
    *was_carried = true;
  return carried;
}

const kgr_date *kgr_date_shift(kgr_doc *doc, kgr_arena *dates, const kgr_date *d, int days,
                               const kgr_block *b, size_t start, size_t end) {
  if (!d || days == 0 || d->precision != KGR_PRECISION_DAY || !d->start.month || !d->start.day)
    return d;
  kgr_date *x = kgr_arena_calloc(dates, sizeof *x);
  x->start = x->end = kgr_ymd_add_days(days > 0 ? d->end : d->start, days);
  x->precision = KGR_PRECISION_DAY;
  x->year_source = d->year_source;
  x->text = kgr_arena_str(dates, b->text + start, end - start);
  x->span = kgr_block_span(b, start, end);
  if (x->start.year) {
    x->start_iso = kgr_doc_iso_date(doc, x->start);
    x->end_iso = x->start_iso;
  }
  return x;
}

/* Does the date run over more than a night ("last week", "5-9 October")? */
static bool long_span(const kgr_date *d) {
  if (d->precision != KGR_PRECISION_DAY || !d->start.year || !d->start.month || !d->start.day)
    return false;
  return ymd_cmp(d->end, kgr_ymd_add_days(d->start, 1)) > 0;
}

bool kgr_date_same(const kgr_date *a, const kgr_date *b) {
  if (!a || !b)
    return a == b;
  if (!ymd_eq(a->start, b->start))
    return false;
  /* "last week" is no retelling of its first day */
  return ymd_eq(a->end, b->end) || (!long_span(a) && !long_span(b));
}
