/*
 * events.c - the event stage: sentences to event records, and the
 * document's figures.
 *
 * Each body sentence is read once, in order: its dates (event_dates.c),
 * its triggers (event_types.c) and its figures (figures_stage.c). The
 * happenings it reports become draft events, or extend the drafts of the
 * sentence before when they tell the same happening (same type, same or no
 * date, no conflicting victims or places); a sentence without a trigger
 * extends the last one ("The scene was caught on camera..."). A happening
 * told again later (same type, same day, nothing new) is not repeated.
 * Dates carry forward inside a paragraph, never across one, and never into
 * or through norms and demands. At the end the drafts become doc->events,
 * their means doc->means, and a document without a date line gets the
 * latest event day as its inferred date.
 */
#include <string.h>

#include "event_dates.h"
#include "event_types.h"
#include "figures_stage.h"
#include "lexicon.h"
#include "parser.h"
#include "utf8.h"

#define MAX_SOURCES 16
/* Bounds on what one event lists, so that sets stay small and a parse
 * linear however long a paragraph of follow-ups runs. */
#define MAX_ITEMS 64
/* How many earlier events a later mention is compared with. */
#define DEDUP_REACH 64
/* A date line is short: longer sentences that overlap it are body text. */
#define DATE_LINE_WORDS 8

typedef KGR_VEC(size_t) index_vec;
typedef KGR_VEC(kgr_actor) actor_vec;

typedef struct draft {
  kgr_event_type type;
  const kgr_date *date;
  size_t block, first, last; /* sentences first..last of one block */
  size_t touched;            /* the last sentence that added to it, + 1 */
  index_vec places, victims, figures;
  actor_vec actors;
  kgr_means_vec means;
  kgr_int_vec sources;
} draft;
typedef KGR_VEC(draft) draft_vec;

enum { SENT_SKIP, SENT_GENERAL, SENT_BODY };

/* --- Small sets ---------------------------------------------------------- */

static bool has_index(const index_vec *v, size_t x) {
  for (size_t i = 0; i < v->count; i++)
    if (v->items[i] == x)
      return true;
  return false;
}

static void add_index(kgr_arena *a, index_vec *v, size_t x) {
  if (v->count < MAX_ITEMS && !has_index(v, x))
    *KGR_VEC_PUSH(a, *v) = x;
}

static bool subset(const index_vec *x, const index_vec *of) {
  for (size_t i = 0; i < x->count; i++)
    if (!has_index(of, x->items[i]))
      return false;
  return true;
}

static bool disjoint(const index_vec *x, const index_vec *y) {
  for (size_t i = 0; i < x->count; i++)
    if (has_index(y, x->items[i]))
      return false;
  return true;
}

/* --- Which sentences tell events --------------------------------------------- */

static bool spans_overlap(kgr_span a, kgr_span b) { return a.start < b.end && b.start < a.end; }

/* SENT_SKIP for headings, footnotes, the title, the date line and the
 * signatory list; SENT_GENERAL for demands; SENT_BODY for the rest. Both
 * lists are in document order, so one pointer each walks them. */
static uint8_t *classify_sentences(const kgr_doc *doc, const kgr_layout *lay, kgr_arena *a) {
  uint8_t *cls = kgr_arena_alloc(a, lay->sentence_count + 1);
  size_t sg = 0, dm = 0;
  for (size_t s = 0; s < lay->sentence_count; s++) {
    const kgr_sentence *se = &lay->sentences[s];
    const kgr_block *b = &lay->blocks[se->block];
    kgr_span sp = kgr_block_span(b, se->start, se->end);
    cls[s] = SENT_BODY;
    if (b->kind == KGR_BLOCK_HEADING || b->kind == KGR_BLOCK_FOOTNOTE || se->end <= se->start) {
      cls[s] = SENT_SKIP;
      continue;
    }
    if (doc->title.ptr && spans_overlap(sp, doc->title_span)) {
      cls[s] = SENT_SKIP;
      continue;
    }
    if (doc->date.ptr && doc->date_source == KGR_DATE_SOURCE_STATED &&
        spans_overlap(sp, doc->date_span) &&
        kgr_count_words(b->text, se->start, se->end) <= DATE_LINE_WORDS) {
      cls[s] = SENT_SKIP;
      continue;
    }
    while (sg < doc->signatories.count && doc->signatories.items[sg].span.end <= sp.start)
      sg++;
    if (sg < doc->signatories.count && doc->signatories.items[sg].span.start < sp.end) {
      cls[s] = SENT_SKIP;
      continue;
    }
    while (dm < doc->demands.count && doc->demands.items[dm].span.end <= sp.start)
      dm++;
    if (dm < doc->demands.count && doc->demands.items[dm].span.start < sp.end)
      cls[s] = SENT_GENERAL;
  }
  return cls;
}

/* --- What a sentence holds -------------------------------------------------- */

/* The footnote numbers that end a paragraph: a note there backs every
 * sentence of the paragraph that has none of its own. */
static size_t final_sources(const kgr_block *b, int *out) {
  size_t end = b->len, n = 0;
  while (end > 0 && kgr_is_space((unsigned char)b->text[end - 1]))
    end--;
  for (size_t i = 0; i < b->marker_count && n < MAX_SOURCES; i++) {
    if (b->markers[i].text_off < end)
      continue;
    bool dup = false;
    for (size_t k = 0; k < n; k++)
      dup |= out[k] == b->markers[i].number;
    if (!dup)
      out[n++] = b->markers[i].number;
  }
  return n;
}

/* Footnote numbers of a sentence: its own markers, else its paragraph's. */
static size_t sentence_sources(const kgr_block *b, const kgr_sentence *se, const int *final,
                               size_t nfinal, int *out) {
  size_t n = kgr_block_markers_in(b, se->start, se->end, out, MAX_SOURCES);
  if (n)
    return n;
  memcpy(out, final, nfinal * sizeof *out);
  return nfinal;
}

static void mentions_of(const kgr_entities *ents, size_t s, const kgr_entity_mention **m,
                        size_t *count) {
  if (!ents || !ents->sentence_first || !ents->mentions) {
    *m = NULL;
    *count = 0;
    return;
  }
  *m = ents->mentions + ents->sentence_first[s];
  *count = ents->sentence_first[s + 1] - ents->sentence_first[s];
}

static void sentence_places(kgr_arena *a, const kgr_entities *ents, size_t s, index_vec *out) {
  const kgr_entity_mention *m;
  size_t n;
  out->count = 0;
  mentions_of(ents, s, &m, &n);
  for (size_t i = 0; i < n; i++)
    if (m[i].type == KGR_ENTITY_PLACE)
      add_index(a, out, m[i].index);
}

/* Is the mention at text[pos] the agent of a passive ("by X")? */
static bool after_by(const char *text, size_t from, size_t pos) {
  while (pos > from && text[pos - 1] == ' ')
    pos--;
  return pos >= from + 2 && kgr_ascii_ieq(text + pos - 2, 2, "by") &&
         (pos == from + 2 || !kgr_is_word_byte((unsigned char)text[pos - 3]));
}

static bool person_is_journalist(const kgr_person *p) {
  for (size_t i = 0; i < p->role_count; i++) {
    const kgr_str *r = &p->roles[i];
    /* the role's last word: "former reporter", "chief correspondent" */
    size_t k = r->len;
    while (k > 0 && r->ptr[k - 1] != ' ')
      k--;
    if (kgr_event_journalist_word(r->ptr + k, r->len - k))
      return true;
  }
  return false;
}

/* The named persons a trigger makes the objects of its action: after an
 * active verb in its clause (not "by X"), before a passive one, and for an
 * attack on journalists, any journalist the sentence names. */
static void victims_of(kgr_arena *a, const kgr_doc *doc, const kgr_entities *ents, size_t s,
                       const kgr_block *b, const kgr_sentence *se, const kgr_event_scan *scan,
                       const kgr_trigger *t, index_vec *out) {
  out->count = 0;
  if (!kgr_event_has_victims(t->type))
    return;
  const kgr_entity_mention *m;
  size_t n;
  mentions_of(ents, s, &m, &n);
  for (size_t i = 0; i < n; i++) {
    if (m[i].type != KGR_ENTITY_PERSON || m[i].index >= doc->persons.count)
      continue;
    const kgr_person *p = &doc->persons.items[m[i].index];
    bool same_clause = kgr_event_clause_at(scan, m[i].start) == t->clause;
    bool victim = false;
    if (t->type == KGR_EVENT_ATTACK_ON_JOURNALIST && person_is_journalist(p))
      victim = true;
    else if (same_clause && m[i].start >= t->end)
      victim = !after_by(b->text, se->start, m[i].start);
    else if (same_clause && t->passive && m[i].end <= t->start)
      victim = true;
    if (victim)
      add_index(a, out, m[i].index);
  }
}

/* Actors named in the sentence; adjacent names of one category are one
 * actor ("police special forces"). */
static void add_actors(kgr_arena *a, const kgr_block *b, const kgr_sentence *se, actor_vec *out) {
  kgr_lex_hit_vec hits = {0};
  kgr_lex_scan(&kgr_lex_actors, a, b->text + se->start, se->end - se->start, &hits);
  for (size_t i = 0; i < hits.count;) {
    const char *cat = hits.items[i].entry->tag;
    size_t st = hits.items[i].start, en = hits.items[i].end, j = i + 1;
    while (j < hits.count && strcmp(hits.items[j].entry->tag, cat) == 0 &&
           hits.items[j].start == en + 1 && b->text[se->start + en] == ' ') {
      en = hits.items[j].end;
      j++;
    }
    i = j;
    kgr_actor_category c = KGR_ACTOR_OTHER;
    for (int k = 0; k < KGR_ACTOR_CATEGORY_COUNT; k++)
      if (strcmp(cat, kgr_actor_category_name((kgr_actor_category)k)) == 0)
        c = (kgr_actor_category)k;
    const char *name = b->text + se->start + st;
    size_t len = en - st;
    bool dup = false;
    for (size_t k = 0; k < out->count && !dup; k++)
      dup = out->items[k].category == c && out->items[k].name.len == len &&
            kgr_ascii_ieq(name, len, out->items[k].name.ptr);
    if (dup || out->count >= MAX_ITEMS)
      continue;
    kgr_actor *x = KGR_VEC_PUSH(a, *out);
    x->name = kgr_arena_str(a, name, len);
    x->category = c;
  }
}

/* A statement is a happening when someone named says it: an official, a
 * force, an organisation or a person the sentence names. */
static bool has_speaker(const kgr_entities *ents, size_t s, const kgr_block *b,
                        const kgr_sentence *se, kgr_arena *a) {
  const kgr_entity_mention *m;
  size_t n;
  mentions_of(ents, s, &m, &n);
  for (size_t i = 0; i < n; i++)
    if (m[i].type != KGR_ENTITY_PLACE)
      return true;
  kgr_lex_hit_vec hits = {0};
  kgr_lex_scan(&kgr_lex_actors, a, b->text + se->start, se->end - se->start, &hits);
  return hits.count > 0;
}

/* Types for which weapons say how the happening was done. */
static bool takes_means(kgr_event_type t) {
  switch (t) {
  case KGR_EVENT_ELECTION:
  case KGR_EVENT_STATEMENT:
  case KGR_EVENT_RESIGNATION:
  case KGR_EVENT_ANNULMENT:
  case KGR_EVENT_STATE_OF_EMERGENCY:
  case KGR_EVENT_PRISONER_RELEASE: return false;
  default: return true;
  }
}

/* --- The stage --------------------------------------------------------------- */

typedef struct ctx {
  kgr_doc *doc;
  const kgr_layout *lay;
  const kgr_entities *ents;
  draft_vec drafts;
  size_t instrument; /* the first instrument that may still overlap */
} ctx;

/* Is the input span inside a cited instrument's name ("the Use of Force
 * and Firearms")? */
static bool in_instrument(ctx *c, kgr_span sp) {
  const kgr_mention_vec *v = &c->doc->instruments;
  while (c->instrument < v->count && v->items[c->instrument].span.end <= sp.start)
    c->instrument++;
  return c->instrument < v->count && v->items[c->instrument].span.start < sp.end;
}

/* What sentence s adds to a draft, once per sentence. */
static void absorb(ctx *c, size_t di, size_t s, const kgr_event_scan *scan, const index_vec *places,
                   const int *src, size_t nsrc) {
  kgr_arena *a = &c->doc->arena;
  draft *d = &c->drafts.items[di];
  if (d->touched == s + 1)
    return;
  d->touched = s + 1;
  d->last = s;
  const kgr_sentence *se = &c->lay->sentences[s];
  const kgr_block *b = &c->lay->blocks[se->block];
  for (size_t i = 0; i < places->count; i++)
    add_index(a, &d->places, places->items[i]);
  add_actors(a, b, se, &d->actors);
  if (takes_means(d->type)) {
    for (size_t i = 0; i < scan->means_count; i++) {
      kgr_means m = scan->means_ids[i];
      if (in_instrument(c, kgr_block_span(b, scan->means[i].start, scan->means[i].end)))
        continue;
      bool dup = false;
      for (size_t k = 0; k < d->means.count; k++)
        dup |= d->means.items[k] == m;
      if (!dup)
        *KGR_VEC_PUSH(a, d->means) = m;
    }
  }
  for (size_t i = 0; i < nsrc && d->sources.count < MAX_ITEMS; i++) {
    bool dup = false;
    for (size_t k = 0; k < d->sources.count; k++)
      dup |= d->sources.items[k] == src[i];
    if (!dup)
      *KGR_VEC_PUSH(a, d->sources) = src[i];
  }
}

/* An earlier event that this happening only tells again. */
static bool told_before(const ctx *c, kgr_event_type type, const kgr_date *date,
                        const index_vec *victims, const index_vec *places) {
  if (!date || !date->start.year)
    return false;
  size_t n = c->drafts.count;
  for (size_t k = n, steps = 0; k-- > 0 && steps < DEDUP_REACH; steps++) {
    const draft *o = &c->drafts.items[k];
    if (o->type == type && kgr_date_same(o->date, date) && subset(victims, &o->victims) &&
        (o->places.count == 0 || subset(places, &o->places)))
      return true;
  }
  return false;
}

static bool can_extend(const draft *o, kgr_event_type type, const kgr_date *date,
                       const index_vec *victims, const index_vec *places) {
  if (o->type != type)
    return false;
  if (o->date && date && !kgr_date_same(o->date, date))
    return false;
  if (o->victims.count && victims->count && disjoint(&o->victims, victims))
    return false;
  if (o->places.count && places->count && disjoint(&o->places, places))
    return false;
  return true;
}

/* The date a sentence passes on: the one it opens with, else its first own
 * date outside asides. */
static const kgr_date *main_date(const kgr_sentence_dates *sd, const kgr_event_scan *scan,
                                 const bool *taken) {
  if (sd->lead >= 0)
    return sd->hits[sd->lead].date;
  for (size_t k = 0; k < sd->count; k++) {
    size_t cl = kgr_event_clause_at(scan, sd->hits[k].start);
    if (!taken[k] && !(scan->clause_count && scan->clauses[cl].aside))
      return sd->hits[k].date;
  }
  return NULL;
}

static void finish(ctx *c) {
  kgr_doc *doc = c->doc;
  kgr_arena *a = &doc->arena;
  bool seen_means[KGR_MEANS_COUNT] = {false};
  for (size_t i = 0; i < c->drafts.count; i++) {
    const draft *d = &c->drafts.items[i];
    kgr_event *e = KGR_VEC_PUSH(a, doc->events);
    e->type = d->type;
    e->date = d->date;
    if (d->places.count) {
      kgr_place *p = kgr_arena_alloc(a, d->places.count * sizeof *p);
      for (size_t k = 0; k < d->places.count; k++)
        p[k] = doc->places.items[d->places.items[k]];
      e->places = p;
      e->place_count = d->places.count;
    }
    if (d->victims.count) {
      kgr_person *p = kgr_arena_alloc(a, d->victims.count * sizeof *p);
      for (size_t k = 0; k < d->victims.count; k++)
        p[k] = doc->persons.items[d->victims.items[k]];
      e->victims = p;
      e->victim_count = d->victims.count;
    }
    if (d->figures.count) {
      kgr_figure *f = kgr_arena_alloc(a, d->figures.count * sizeof *f);
      for (size_t k = 0; k < d->figures.count; k++)
        f[k] = doc->figures.items[d->figures.items[k]];
      e->figures = f;
      e->figure_count = d->figures.count;
    }
    e->actors = d->actors.items;
    e->actor_count = d->actors.count;
    e->means = d->means.items;
    e->means_count = d->means.count;
    e->sources = d->sources.items;
    e->source_count = d->sources.count;
    for (size_t k = 0; k < d->means.count; k++) {
      kgr_means m = d->means.items[k];
      if ((unsigned)m < KGR_MEANS_COUNT && !seen_means[m]) {
        seen_means[m] = true;
        *KGR_VEC_PUSH(a, doc->means) = m;
      }
    }
    const kgr_block *b = &c->lay->blocks[d->block];
    const kgr_sentence *f = &c->lay->sentences[d->first], *l = &c->lay->sentences[d->last];
    e->span = kgr_block_span(b, f->start, l->end);
    kgr_buf buf = {0};
    for (size_t s = d->first; s <= d->last; s++) {
      const kgr_sentence *se = &c->lay->sentences[s];
      if (buf.len)
        kgr_buf_putc(a, &buf, ' ');
      kgr_buf_append(a, &buf, b->text + se->start, se->end - se->start);
    }
    e->text = kgr_buf_str(a, &buf);
  }

  /* No date line: the document is as recent as the latest day it tells. */
  if (!doc->date.ptr) {
    const kgr_date *latest = NULL;
    for (size_t i = 0; i < doc->events.count; i++) {
      const kgr_date *d = doc->events.items[i].date;
      if (d && d->precision == KGR_PRECISION_DAY && d->end.year &&
          (!latest || d->end.year > latest->end.year ||
           (d->end.year == latest->end.year &&
            (d->end.month > latest->end.month ||
             (d->end.month == latest->end.month && d->end.day > latest->end.day)))))
        latest = d;
    }
    if (latest) {
      doc->date = kgr_doc_iso_date(doc, latest->end);
      doc->date_ymd = latest->end;
      doc->date_span = latest->span;
      doc->date_source = KGR_DATE_SOURCE_INFERRED;
    }
  }
}

void kgr_read_events(kgr_doc *doc, const kgr_layout *lay, const kgr_entities *ents) {
  kgr_arena *a = &doc->arena;
  size_t n = lay->sentence_count;
  if (n == 0)
    return;
  ctx c = {doc, lay, ents, {0}, 0};
  const uint8_t *cls = classify_sentences(doc, lay, a);
  const kgr_sentence_dates *sds = kgr_event_dates_read(doc, lay);

  size_t open[KGR_EVENT_TYPE_COUNT], open_n = 0;
  const kgr_date *carry = NULL;
  size_t cur_block = (size_t)-1;
  index_vec last_places = {0}, places = {0}, victims = {0};
  kgr_figure_hit_vec fh = {0};
  KGR_VEC(kgr_range) ranges = {0};
  int src[MAX_SOURCES], final[MAX_SOURCES];
  size_t nfinal = 0;

  for (size_t s = 0; s < n; s++) {
    const kgr_sentence *se = &lay->sentences[s];
    const kgr_block *b = &lay->blocks[se->block];
    if (se->block != cur_block) {
      cur_block = se->block;
      carry = NULL;
      open_n = 0;
      last_places.count = 0;
      nfinal = final_sources(b, final);
    }
    if (cls[s] == SENT_SKIP) {
      open_n = 0;
      carry = NULL;
      continue;
    }
    const kgr_sentence_dates *sd = &sds[s];
    ranges.count = 0;
    for (size_t k = 0; k < sd->count; k++) {
      kgr_range *r = KGR_VEC_PUSH(a, ranges);
      r->start = sd->hits[k].start;
      r->end = sd->hits[k].end;
    }
    kgr_event_scan scan;
    kgr_event_scan_sentence(a, b->text, se->start, se->end, ranges.items, ranges.count, &scan);
    bool general = cls[s] == SENT_GENERAL || scan.general;

    /* Dates bound to triggers. */
    bool *taken = kgr_arena_calloc(a, sd->count + 1);
    bool *bound = kgr_arena_calloc(a, scan.trigger_count + 1);
    int *bound_to = kgr_arena_alloc(a, (scan.trigger_count + 1) * sizeof *bound_to);
    for (size_t i = 0; i < scan.trigger_count; i++) {
      const kgr_trigger *t = &scan.triggers[i];
      bound_to[i] = kgr_date_bind(b->text, sd, t->start, t->end, !t->strong);
      if (bound_to[i] >= 0) {
        bound[i] = true;
        /* a noun's date is its own ("the 4 October election"); a verb's
         * is its clause's, free for the rest of the sentence too */
        if (!t->strong)
          taken[bound_to[i]] = true;
      }
    }
    const kgr_date *carried = (general || (scan.later && !scan.same_day)) ? NULL : carry;
    if (carried && scan.day_shift)
      carried =
          kgr_date_shift(doc, carried, scan.day_shift, b, scan.shift_cue.start, scan.shift_cue.end);
    size_t nsrc = sentence_sources(b, se, final, nfinal, src);

    kgr_figures_in_sentence(a, b, se->start, se->end, &fh);
    size_t fig0 = doc->figures.count;
    for (size_t i = 0; i < fh.count; i++) {
      const kgr_date *d =
          kgr_date_pick(sd, &scan, fh.items[i].start, fh.items[i].end, false, NULL, carried, NULL);
      kgr_figure_add(doc, b, &fh.items[i], d, src, nsrc);
    }
    if (general) {
      open_n = 0;
      carry = NULL;
      continue;
    }

    sentence_places(a, ents, s, &places);
    size_t sel[KGR_EVENT_TYPE_COUNT];
    size_t nsel = kgr_event_select(&scan, bound, sel);
    if (nsel == 1 && scan.triggers[sel[0]].type == KGR_EVENT_STATEMENT &&
        !has_speaker(ents, s, b, se, a))
      nsel = 0;
    if (nsel == 0) {
      /* A follow-up: it tells more of the happening before it. */
      bool own = kgr_date_has_own(sd, &scan, taken);
      if (open_n && !own) {
        size_t di = open[open_n - 1];
        absorb(&c, di, s, &scan, &places, src, nsrc);
        for (size_t i = 0; i < fh.count; i++)
          *KGR_VEC_PUSH(a, c.drafts.items[di].figures) = fig0 + i;
        open[0] = di;
        open_n = 1;
      } else {
        open_n = 0;
      }
      carry = own ? main_date(sd, &scan, taken) : carried;
      if (places.count) {
        last_places.count = 0;
        for (size_t i = 0; i < places.count; i++)
          add_index(a, &last_places, places.items[i]);
      }
      continue;
    }

    size_t new_open[KGR_EVENT_TYPE_COUNT], new_n = 0;
    long sel_draft[KGR_EVENT_TYPE_COUNT];
    const kgr_date *primary_date = NULL;
    int primary_prio = -1;
    for (size_t j = 0; j < nsel; j++) {
      const kgr_trigger *t = &scan.triggers[sel[j]];
      bool was_carried = false;
      const kgr_date *date = bound[sel[j]] ? sd->hits[bound_to[sel[j]]].date
                                           : kgr_date_pick(sd, &scan, t->start, t->end, true, taken,
                                                           carried, &was_carried);
      if (kgr_event_priority(t->type) > primary_prio) {
        primary_prio = kgr_event_priority(t->type);
        primary_date = date;
      }
      victims_of(a, doc, ents, s, b, se, &scan, t, &victims);
      /* A carried-forward happening with no place of its own happened
       * where the paragraph last said. */
      /* "the protests", "the vote" with no date at all only refer to
       * something told elsewhere */
      if (!date && !t->strong && nsel == 1 &&
          (t->type == KGR_EVENT_ELECTION || t->type == KGR_EVENT_PROTEST)) {
        sel_draft[j] = -1;
        continue;
      }
      const index_vec *pl = (!places.count && was_carried) ? &last_places : &places;
      long di = -1;
      for (size_t k = 0; k < open_n && di < 0; k++)
        if (can_extend(&c.drafts.items[open[k]], t->type, date, &victims, pl))
          di = (long)open[k];
      if (di < 0 && told_before(&c, t->type, date, &victims, pl)) {
        sel_draft[j] = -1;
        continue;
      }
      if (di < 0) {
        draft *d = KGR_VEC_PUSH(a, c.drafts);
        d->type = t->type;
        d->block = se->block;
        d->first = d->last = s;
        di = (long)(c.drafts.count - 1);
      }
      draft *d = &c.drafts.items[di];
      if (!d->date)
        d->date = date;
      for (size_t k = 0; k < victims.count; k++)
        add_index(a, &d->victims, victims.items[k]);
      absorb(&c, (size_t)di, s, &scan, pl, src, nsrc);
      sel_draft[j] = di;
      bool dup = false;
      for (size_t k = 0; k < new_n; k++)
        dup |= new_open[k] == (size_t)di;
      if (!dup)
        new_open[new_n++] = (size_t)di;
    }
    /* Each figure goes with the nearest happening of the sentence. */
    for (size_t i = 0; i < fh.count; i++) {
      long best = -1;
      size_t best_d = (size_t)-1;
      for (size_t j = 0; j < nsel; j++) {
        if (sel_draft[j] < 0)
          continue;
        const kgr_trigger *t = &scan.triggers[sel[j]];
        size_t p = fh.items[i].start;
        size_t dist = p >= t->start ? p - t->start : t->start - p;
        if (dist < best_d) {
          best_d = dist;
          best = sel_draft[j];
        }
      }
      if (best >= 0)
        *KGR_VEC_PUSH(a, c.drafts.items[best].figures) = fig0 + i;
    }
    memcpy(open, new_open, new_n * sizeof *open);
    open_n = new_n;
    carry = primary_date;
    if (places.count) {
      last_places.count = 0;
      for (size_t i = 0; i < places.count; i++)
        add_index(a, &last_places, places.items[i]);
    }
  }
  finish(&c);
}
