/*
 * formats_fixture.h - hand-built documents for the writer and corroboration
 * tests (test_formats.c, test_corroborate.c): every record is set field by
 * field, so the tests do not depend on what the parsers find.
 */
#ifndef KGR_TESTS_FORMATS_FIXTURE_H
#define KGR_TESTS_FORMATS_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "document.h"

/* An empty document called `name` about `country` (alpha-2, or NULL). */
static inline kgr_doc *fx_doc(const char *name, const char *country) {
  kgr_options o = {0};
  o.name = name;
  kgr_doc *d = kgr_parse_opts("", 0, &o, NULL);
  if (!d)
    abort();
  d->country = kgr_arena_cstr(&d->arena, country);
  return d;
}

static inline kgr_str fx_str(kgr_doc *d, const char *s) { return kgr_arena_cstr(&d->arena, s); }

/* Grow an array of the event by one element (tests only: copies). */
static inline void *fx_grow(kgr_doc *d, const void *items, size_t count, size_t size) {
  char *p = kgr_arena_calloc(&d->arena, (count + 1) * size);
  if (count)
    memcpy(p, items, count * size);
  return p;
}

/* "2020-10-05" into a kgr_ymd ("2020-10" leaves the day 0). */
static inline kgr_ymd fx_ymd(const char *iso) {
  kgr_ymd y = {0, 0, 0};
  sscanf(iso, "%d-%d-%d", &y.year, &y.month, &y.day);
  return y;
}

/* A new event; `start`/`end` ISO days (NULL: undated), precision day
 * unless `precision` says otherwise. Returns its index. */
static inline size_t fx_event(kgr_doc *d, kgr_event_type t, const char *start, const char *end,
                              kgr_precision precision, const char *text) {
  kgr_event *e = KGR_VEC_PUSH(&d->arena, d->events);
  e->type = t;
  e->text = fx_str(d, text);
  e->span = (kgr_span){d->events.count * 100, d->events.count * 100 + 50};
  if (start) {
    kgr_date *dt = kgr_arena_calloc(&d->arena, sizeof *dt);
    dt->start = fx_ymd(start);
    dt->end = fx_ymd(end ? end : start);
    dt->precision = precision ? precision : KGR_PRECISION_DAY;
    dt->year_source = KGR_YEAR_STATED;
    dt->text = fx_str(d, start);
    char b[16];
    snprintf(b, sizeof b, "%04d-%02d-%02d", dt->start.year, dt->start.month ? dt->start.month : 1,
             dt->start.day ? dt->start.day : 1);
    dt->start_iso = fx_str(d, b);
    int month = dt->end.month ? dt->end.month : 12;
    int last = dt->end.day ? dt->end.day : kgr_days_in_month(dt->end.year, month);
    snprintf(b, sizeof b, "%04d-%02d-%02d", dt->end.year, month, last);
    dt->end_iso = fx_str(d, b);
    e->date = dt;
  }
  return d->events.count - 1;
}

static inline kgr_event *fx_ev(kgr_doc *d, size_t i) { return &d->events.items[i]; }

/* A place; lat/lon NAN-free: pass has_coordinates false for none. */
static inline void fx_place(kgr_doc *d, size_t ev, const char *name, const char *country,
                            const char *admin1, bool has_coordinates, double lat, double lon) {
  kgr_event *e = fx_ev(d, ev);
  kgr_place *p = fx_grow(d, e->places, e->place_count, sizeof *p);
  kgr_place *x = &p[e->place_count];
  x->name = fx_str(d, name);
  x->country = fx_str(d, country);
  x->admin1 = fx_str(d, admin1);
  x->has_coordinates = has_coordinates;
  x->lat = lat;
  x->lon = lon;
  e->places = p;
  e->place_count++;
}

static inline void fx_figure(kgr_doc *d, size_t ev, kgr_figure_kind kind, int64_t value,
                             kgr_qualifier q, const char *text) {
  kgr_event *e = fx_ev(d, ev);
  kgr_figure *f = fx_grow(d, e->figures, e->figure_count, sizeof *f);
  kgr_figure *x = &f[e->figure_count];
  x->kind = kind;
  x->value = value;
  x->qualifier = q;
  x->text = fx_str(d, text);
  /* Distinct spans: one figure per (event, index). */
  x->span = (kgr_span){e->span.start + e->figure_count * 5, e->span.start + e->figure_count * 5 + 4};
  e->figures = f;
  e->figure_count++;
}

static inline void fx_actor(kgr_doc *d, size_t ev, const char *name, kgr_actor_category c) {
  kgr_event *e = fx_ev(d, ev);
  kgr_actor *a = fx_grow(d, e->actors, e->actor_count, sizeof *a);
  a[e->actor_count].name = fx_str(d, name);
  a[e->actor_count].category = c;
  e->actors = a;
  e->actor_count++;
}

static inline void fx_victim(kgr_doc *d, size_t ev, const char *name) {
  kgr_event *e = fx_ev(d, ev);
  kgr_person *p = fx_grow(d, e->victims, e->victim_count, sizeof *p);
  p[e->victim_count].name = fx_str(d, name);
  e->victims = p;
  e->victim_count++;
}

/* Footnote `number` with one URL, cited by event ev. */
static inline void fx_source(kgr_doc *d, size_t ev, int number, const char *url) {
  kgr_footnote *f = KGR_VEC_PUSH(&d->arena, d->footnotes);
  f->number = number;
  f->text = fx_str(d, url);
  kgr_str *u = kgr_arena_calloc(&d->arena, sizeof *u);
  *u = fx_str(d, url);
  f->urls = u;
  f->url_count = 1;
  kgr_event *e = fx_ev(d, ev);
  int *s = fx_grow(d, e->sources, e->source_count, sizeof *s);
  s[e->source_count] = number;
  e->sources = s;
  e->source_count++;
}

#endif /* KGR_TESTS_FORMATS_FIXTURE_H */
