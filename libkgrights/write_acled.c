/*
 * write_acled.c - events in the columns and conventions of ACLED
 * (kgr_doc_write_acled in kgr_formats.h). ACLED codes one location per
 * event, so an event becomes one row per located place (formats.h).
 */
#include <stdio.h>
#include <string.h>

#include "csv_writer.h"
#include "document.h"
#include "formats.h"
#include "kgrights/kgr_formats.h"

static const char *const columns[] = {
    "event_id_cnty", "event_date", "year",       "time_precision",  "event_type",  "sub_event_type",
    "actor1",        "inter1",     "actor2",     "inter2",          "interaction", "country",
    "iso",           "admin1",     "location",   "latitude",        "longitude",   "geo_precision",
    "source",        "notes",      "fatalities", "source_document", "span_start",  "span_end"};

enum { INTER_RIOTERS = 5, INTER_PROTESTERS = 6, INTER_CIVILIANS = 7 };

typedef struct actor_pick {
  kgr_str name;     /* as the text names it */
  const char *role; /* or ACLED's generic name: "Protesters", "Civilians" */
  int inter;
} actor_pick;

/* ACLED's date and time precision for an event's date: the day itself (1),
 * the middle of a range of up to a week (2), of anything longer (3). */
static void acled_date(const kgr_event *e, char *date, int *year, int *precision) {
  int64_t first, last;
  date[0] = '\0';
  *year = 0;
  *precision = 0;
  if (!kgr_fmt_date_range(e->date, &first, &last))
    return;
  *year = e->date->start.year;
  if (e->date->precision == KGR_PRECISION_YEAR)
    return;
  int64_t days = last - first + 1;
  kgr_ymd mid = kgr_fmt_from_days(first + (days - 1) / 2);
  kgr_fmt_iso(mid, date);
  *year = mid.year;
  if (e->date->precision == KGR_PRECISION_DAY && days == 1)
    *precision = 1;
  else if (e->date->precision == KGR_PRECISION_DAY && days <= 7)
    *precision = 2;
  else
    *precision = 3;
}

/* Actor 1 and actor 2. In Protests and Riots events the demonstrators are
 * actor 1 (ACLED names them generically) and whoever else the text names
 * (the police) actor 2; a peaceful protest has no actor 2. Otherwise the
 * first actor who is not a civilian is actor 1 and the civilians (named,
 * or the victims) actor 2; in Violence against civilians, protesters are
 * among the targets and count as civilians. */
static void pick_actors(const kgr_event *e, const char *acled_type, const char *sub, actor_pick *a1,
                        actor_pick *a2) {
  memset(a1, 0, sizeof *a1);
  memset(a2, 0, sizeof *a2);
  bool riots = strcmp(acled_type, "Riots") == 0;
  if (riots || strcmp(acled_type, "Protests") == 0) {
    a1->role = riots ? "Rioters" : "Protesters";
    a1->inter = riots ? INTER_RIOTERS : INTER_PROTESTERS;
    if (sub && strcmp(sub, "Peaceful protest") == 0)
      return;
    for (size_t i = 0; i < e->actor_count; i++) {
      if (e->actors[i].category == KGR_ACTOR_PROTESTERS)
        continue;
      a2->name = e->actors[i].name;
      a2->inter = kgr_fmt_acled_inter(e->actors[i].category);
      return;
    }
    return;
  }
  bool against_civilians = strcmp(acled_type, "Violence against civilians") == 0;
  for (size_t i = 0; i < e->actor_count; i++) {
    int inter = kgr_fmt_acled_inter(e->actors[i].category);
    if (against_civilians && inter == INTER_PROTESTERS)
      inter = INTER_CIVILIANS;
    actor_pick *slot = inter == INTER_CIVILIANS ? a2 : a1;
    if (!slot->name.ptr) {
      slot->name = e->actors[i].name;
      slot->inter = inter;
    }
  }
  if (!a2->name.ptr && e->victim_count) {
    a2->role = "Civilians";
    a2->inter = INTER_CIVILIANS;
  }
}

static void actor_cells(kgr_csv *w, const actor_pick *a, const kgr_country *c) {
  if (a->role) {
    kgr_csv_cell_begin(w);
    kgr_csv_cell_adds(w, a->role);
    if (c) {
      kgr_csv_cell_adds(w, " (");
      kgr_csv_cell_adds(w, c->name);
      kgr_csv_cell_adds(w, ")");
    }
    kgr_csv_cell_end(w);
  } else {
    kgr_csv_str(w, a->name);
  }
  if (a->inter)
    kgr_csv_int(w, a->inter);
  else
    kgr_csv_empty(w);
}

static void write_event(kgr_csv *w, const kgr_doc *d, size_t index, const kgr_event *e) {
  const char *sub = NULL;
  const char *type = kgr_event_type_acled(e->type, &sub);
  if (!type)
    return;
  char date[16];
  int year, precision;
  acled_date(e, date, &year, &precision);
  kgr_str code = kgr_fmt_event_country(d, e);
  const kgr_country *country = code.ptr ? kgr_country_by_code(code.ptr, code.len) : NULL;
  int numeric = kgr_fmt_country_numeric(code);
  actor_pick a1, a2;
  pick_actors(e, type, sub, &a1, &a2);
  int interaction = 0;
  if (a1.inter && a2.inter)
    interaction = a1.inter < a2.inter ? a1.inter * 10 + a2.inter : a2.inter * 10 + a1.inter;
  else if (a1.inter)
    interaction = a1.inter * 10;
  int64_t fatalities = 0;
  kgr_fmt_lowest(e, KGR_FIG_KILLED, &fatalities);
  kgr_str source = d->has_issuer ? d->issuer.name : (kgr_str){NULL, 0};
  if (!source.ptr)
    source = d->has_issuer && d->issuer.acronym.ptr ? d->issuer.acronym : d->name;

  kgr_fmt_rows rows;
  kgr_fmt_rows_init(&rows, e);
  const kgr_place *p;
  while (kgr_fmt_rows_next(&rows, &p)) {
    char id[64];
    int n = snprintf(id, sizeof id, "%s-%.8s-%zu", country ? country->alpha3 : "XXX",
                     d->sha256.ptr ? d->sha256.ptr : "00000000", index + 1);
    if (rows.done > 1 && n > 0 && (size_t)n < sizeof id)
      snprintf(id + n, sizeof id - (size_t)n, "-%zu", rows.done);
    kgr_csv_cstr(w, id);
    kgr_csv_cstr(w, date);
    if (year)
      kgr_csv_int(w, year);
    else
      kgr_csv_empty(w);
    if (precision)
      kgr_csv_int(w, precision);
    else
      kgr_csv_empty(w);
    kgr_csv_cstr(w, type);
    kgr_csv_cstr(w, sub);
    actor_cells(w, &a1, country);
    actor_cells(w, &a2, country);
    if (interaction)
      kgr_csv_int(w, interaction);
    else
      kgr_csv_empty(w);
    kgr_csv_cstr(w, country ? country->name : NULL);
    if (numeric >= 0)
      kgr_csv_int(w, numeric);
    else
      kgr_csv_empty(w);
    kgr_csv_str(w, p ? p->admin1 : (kgr_str){NULL, 0});
    kgr_csv_str(w, p ? p->name : (kgr_str){NULL, 0});
    if (p && kgr_fmt_located(p)) {
      kgr_csv_double(w, p->lat, 5);
      kgr_csv_double(w, p->lon, 5);
      kgr_csv_int(w, kgr_fmt_geo_precision(p));
    } else {
      kgr_csv_empty(w);
      kgr_csv_empty(w);
      kgr_csv_empty(w);
    }
    kgr_csv_str(w, source);
    kgr_csv_str(w, e->text);
    /* ACLED splits a total over its events evenly, the remainder first. */
    int64_t share = fatalities / (int64_t)rows.count;
    if (rows.done == 1)
      share += fatalities % (int64_t)rows.count;
    kgr_csv_int(w, share);
    kgr_csv_str(w, d->name);
    kgr_csv_uint(w, e->span.start);
    kgr_csv_uint(w, e->span.end);
    kgr_csv_end_row(w);
  }
}

kgr_status kgr_doc_write_acled(const kgr_doc *doc, uint32_t flags, kgr_write_fn fn, void *ctx) {
  if (!doc || !fn || (flags & ~KGR_FORMAT_ALL))
    return KGR_EINVAL;
  kgr_csv w;
  kgr_csv_init(&w, flags, &doc->arena.alc, fn, ctx);
  if (flags & KGR_FORMAT_HEADER)
    kgr_csv_header(&w, columns, sizeof columns / sizeof *columns);
  for (size_t i = 0; i < doc->events.count && !w.failed && !w.oom; i++)
    write_event(&w, doc, i, &doc->events.items[i]);
  return kgr_csv_finish(&w);
}
