/*
 * formats.c - the pieces the event-table and map writers share (formats.h).
 */
#include "formats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

bool kgr_fmt_located(const kgr_place *p) {
  return p->has_coordinates && p->lat >= -90.0 && p->lat <= 90.0 && p->lon >= -180.0 &&
         p->lon <= 180.0; /* false for NaN too */
}

void kgr_fmt_rows_init(kgr_fmt_rows *r, const kgr_event *e) {
  memset(r, 0, sizeof *r);
  r->e = e;
  size_t geo = 0;
  for (size_t i = 0; i < e->place_count; i++)
    geo += kgr_fmt_located(&e->places[i]);
  r->geocoded = geo > 0;
  r->count = geo ? geo : (e->place_count ? e->place_count : 1);
}

bool kgr_fmt_rows_next(kgr_fmt_rows *r, const kgr_place **place) {
  if (r->done == r->count)
    return false;
  r->done++;
  *place = NULL;
  const kgr_event *e = r->e;
  while (r->pos < e->place_count) {
    const kgr_place *p = &e->places[r->pos++];
    if (!r->geocoded || kgr_fmt_located(p)) {
      *place = p;
      break;
    }
  }
  return true;
}

bool kgr_fmt_lowest(const kgr_event *e, kgr_figure_kind k, int64_t *out) {
  bool found = false;
  for (size_t i = 0; i < e->figure_count; i++) {
    const kgr_figure *f = &e->figures[i];
    if (f->kind != k)
      continue;
    if (!found || f->value < *out)
      *out = f->value;
    found = true;
  }
  return found;
}

kgr_str kgr_fmt_event_country(const kgr_doc *d, const kgr_event *e) {
  for (size_t i = 0; i < e->place_count; i++)
    if (kgr_fmt_located(&e->places[i]) && e->places[i].country.ptr)
      return e->places[i].country;
  for (size_t i = 0; i < e->place_count; i++)
    if (e->places[i].country.ptr)
      return e->places[i].country;
  return d->country;
}

int kgr_fmt_geo_precision(const kgr_place *p) {
  if (!p || !kgr_fmt_located(p))
    return 0;
  char hint[3] = {0};
  if (p->country.ptr && p->country.len == 2)
    memcpy(hint, p->country.ptr, 2);
  const kgr_gaz_entry *g = kgr_gaz_lookup(p->name.ptr, p->name.len, hint[0] ? hint : NULL);
  /* The entry must be the one whose coordinates the place carries: a city
   * and a region may share a name (Osh). */
  if (g && g->kind != KGR_PLACE_CITY && g->lat == g->lat && (double)g->lat - p->lat < 1e-3 &&
      p->lat - (double)g->lat < 1e-3 && (double)g->lon - p->lon < 1e-3 &&
      p->lon - (double)g->lon < 1e-3)
    return 3;
  return 1;
}

bool kgr_fmt_notes_sorted(const kgr_doc *d) {
  for (size_t i = 1; i < d->footnotes.count; i++)
    if (d->footnotes.items[i].number <= d->footnotes.items[i - 1].number)
      return false;
  return true;
}

const kgr_footnote *kgr_fmt_footnote(const kgr_doc *d, bool sorted, int number) {
  const kgr_footnote *f = d->footnotes.items;
  size_t n = d->footnotes.count;
  if (sorted) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (f[mid].number < number)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo < n && f[lo].number == number ? &f[lo] : NULL;
  }
  for (size_t i = 0; i < n; i++)
    if (f[i].number == number)
      return &f[i];
  return NULL;
}

static bool leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int64_t y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[(m - 1) % 12];
}

/* Howard Hinnant's days_from_civil. */
int64_t kgr_fmt_days(kgr_ymd d, bool last) {
  int64_t y = d.year;
  int m = d.month >= 1 && d.month <= 12 ? d.month : (last ? 12 : 1);
  int day = d.day >= 1 && d.day <= 31 ? d.day : (last ? month_days(y, m) : 1);
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

kgr_ymd kgr_fmt_from_days(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = (int)(doy - (153 * mp + 2) / 5 + 1);
  int m = (int)(mp < 10 ? mp + 3 : mp - 9);
  return (kgr_ymd){(int)(y + (m <= 2)), m, d};
}

bool kgr_fmt_date_range(const kgr_date *d, int64_t *first, int64_t *last) {
  if (!d || d->start.year <= 0 || d->start.year > 9999)
    return false;
  *first = kgr_fmt_days(d->start, false);
  kgr_ymd end = d->end.year > 0 ? d->end : d->start;
  *last = kgr_fmt_days(end, true);
  if (*last < *first)
    *last = *first;
  return true;
}

void kgr_fmt_iso(kgr_ymd d, char *buf) {
  unsigned y = d.year > 0 ? (unsigned)d.year % 10000u : 0u;
  unsigned m = d.month > 0 ? (unsigned)d.month % 100u : 0u;
  unsigned day = d.day > 0 ? (unsigned)d.day % 100u : 0u;
  snprintf(buf, 16, "%04u-%02u-%02u", y, m, day);
}

int kgr_fmt_country_numeric(kgr_str alpha2) {
  if (!alpha2.ptr || alpha2.len != 2)
    return -1;
  const kgr_lex_entry *e = kgr_lex_lookup(&kgr_lex_country_numeric, alpha2.ptr, 2);
  return e ? atoi(e->tag) : -1;
}

int kgr_fmt_acled_inter(kgr_actor_category c) {
  const char *name = kgr_actor_category_name(c);
  const kgr_lex_entry *e = kgr_lex_lookup(&kgr_lex_acled_inter, name, strlen(name));
  return e ? atoi(e->tag) : 0;
}
