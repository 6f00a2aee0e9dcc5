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
 * or through norms and demands. A dateline's place and date are where and
 * when the statement was issued, never an event's. At the end a happening
 * told vaguely (no day, nobody named) folds into the same happening told
 * with its day, the drafts become doc->events, their means doc->means, and
 * a document without a date line gets the latest event day as its inferred
 * date.
 */
#include <stdlib.h>
#include <string.h>

#include "dates.h"
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
/* How many events either side a vague telling may fold into. */
#define FOLD_REACH 16
/* A date line is short: longer sentences that overlap it are body text. */
#define DATE_LINE_WORDS 8
/* A paragraph this short that does not end a sentence is a headline, a
 * deck or a label ("Investigate Deaths, Free Protesters"): it repeats what
 * the body tells. */
#define HEADLINE_WORDS 40
/* Assaults with no object whose victims one sentence looks for. */
#define MAX_VICTIM_CHECKS 8
/* Words between a report cue and the date it claims ("according to figures
 * released by the Prosecutor General's Office on 15 January"). */
#define REPORT_REACH 10

/* A small set: the sets of a draft hold at most MAX_ITEMS elements (means
 * at most KGR_MEANS_COUNT), so 32-bit counts do, and make a draft a quarter
 * smaller; long documents keep many thousands of drafts. */
#define SET(T)                                                                                     \
  struct {                                                                                         \
    T *items;                                                                                      \
    uint32_t count;                                                                                \
    uint32_t cap;                                                                                  \
  }

static void *set_grow(kgr_arena *a, void *items, uint32_t count, uint32_t *cap, size_t size) {
  size_t n = *cap;
  void *p = kgr_arena_grow(a, items, count, &n, size);
  *cap = (uint32_t)n;
  return p;
}

/* Append one zeroed element to a SET and return a pointer to it. */
#define SET_PUSH(arena, v)                                                                         \
  ((v).count == (v).cap                                                                            \
       ? (void)((v).items = set_grow((arena), (v).items, (v).count, &(v).cap, sizeof *(v).items))  \
       : (void)0,                                                                                  \
   memset(&(v).items[(v).count], 0, sizeof *(v).items), &(v).items[(v).count++])

typedef SET(size_t) index_vec;
typedef SET(kgr_actor) actor_vec;
typedef KGR_VEC(kgr_range) kgr_range_vec;

typedef struct draft {
  kgr_event_type type;
  bool dropped; /* folded into another draft (fold_vague) */
  const kgr_date *date;
  size_t first, last; /* sentences first..last of one block */
  size_t touched;     /* the last sentence that added to it, + 1 */
  index_vec places, victims, figures;
  actor_vec actors;
  SET(kgr_means) means;
  SET(int) sources;
} draft;
typedef KGR_VEC(draft) draft_vec;

/* An actor a sentence names: block text [start, end). */
typedef struct named_actor {
  size_t start, end;
  kgr_actor_category category;
} named_actor;
typedef KGR_VEC(named_actor) named_actor_vec;

enum { SENT_SKIP, SENT_GENERAL, SENT_BODY };

/* The stage. Records and their strings go to the document's arena; drafts
 * and the vectors the stage reuses to `tmp`; what one sentence needs only
 * while it is read to `sent`, rewound after each sentence. */
typedef struct ctx {
  kgr_doc *doc;
  const kgr_layout *lay;
  const kgr_entities *ents;
  kgr_arena *tmp, *sent;
  kgr_event_scanner scanner;
  draft_vec drafts;
  size_t instrument;          /* the first instrument that may still overlap */
  named_actor_vec actors;     /* of sentence actor_sentence - 1 (0: none yet) */
  kgr_lex_hit_vec actor_hits; /* reused by each sentence */
  size_t actor_sentence;
} ctx;

/* --- Small sets ---------------------------------------------------------- */

static bool has_index(const index_vec *v, size_t x) {
  for (size_t i = 0; i < v->count; i++)
    if (v->items[i] == x)
      return true;
  return false;
}

static void add_index(kgr_arena *a, index_vec *v, size_t x) {
  if (v->count < MAX_ITEMS && !has_index(v, x))
    *SET_PUSH(a, *v) = x;
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

/* Quotation marks (" “ ”) in text[from, to). */
static size_t count_quotes(const char *text, size_t from, size_t to) {
  size_t q = 0;
  for (size_t i = from; i < to; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == '"')
      q++;
    else if (c == 0xE2 && i + 2 < to && (unsigned char)text[i + 1] == 0x80 &&
             ((unsigned char)text[i + 2] == 0x9C || (unsigned char)text[i + 2] == 0x9D))
      q++;
  }
  return q;
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
    if (b->kind == KGR_BLOCK_PARAGRAPH && !b->ends_sentence &&
        kgr_words_within(b->text, 0, b->len, HEADLINE_WORDS)) {
      cls[s] = SENT_SKIP;
      continue;
    }
    if (doc->date.ptr && doc->date_source == KGR_DATE_SOURCE_STATED &&
        spans_overlap(sp, doc->date_span) &&
        kgr_words_within(b->text, se->start, se->end, DATE_LINE_WORDS)) {
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

/* The places of sentence s from block text `from` on (past a dateline). */
static void sentence_places(kgr_arena *a, const kgr_entities *ents, size_t s, size_t from,
                            index_vec *out) {
  const kgr_entity_mention *m;
  size_t n;
  out->count = 0;
  mentions_of(ents, s, &m, &n);
  for (size_t i = 0; i < n; i++)
    if (m[i].type == KGR_ENTITY_PLACE && m[i].start >= from)
      add_index(a, out, m[i].index);
}

/* Where no trigger may stand, in text order: dates ("in March"), and the
 * names of organisations and persons ("World Organisation Against
 * Torture", "Committee to Protect Journalists"). */
static void skip_ranges(kgr_arena *a, const kgr_entities *ents, size_t s,
                        const kgr_sentence_dates *sd, kgr_range_vec *out) {
  const kgr_entity_mention *m;
  size_t n, k = 0, i = 0;
  out->count = 0;
  mentions_of(ents, s, &m, &n);
  while (k < sd->count || i < n) {
    if (i < n && m[i].type == KGR_ENTITY_PLACE) {
      i++;
      continue;
    }
    kgr_range r;
    if (i >= n || (k < sd->count && sd->hits[k].start <= m[i].start)) {
      r.start = sd->hits[k].start;
      r.end = sd->hits[k].end;
      k++;
    } else {
      r.start = m[i].start;
      r.end = m[i].end;
      i++;
    }
    kgr_range *last = out->count ? &out->items[out->count - 1] : NULL;
    if (last && r.start < last->end) { /* overlapping: one range */
      if (r.end > last->end)
        last->end = r.end;
    } else {
      *KGR_VEC_PUSH(a, *out) = r;
    }
  }
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
  if (!kgr_event_has_victims(t->type) && !t->needs_victim)
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

static bool names_person(const kgr_entities *ents, size_t s) {
  const kgr_entity_mention *m;
  size_t n;
  mentions_of(ents, s, &m, &n);
  for (size_t i = 0; i < n; i++)
    if (m[i].type == KGR_ENTITY_PERSON)
      return true;
  return false;
}

static int ymd_cmp(kgr_ymd a, kgr_ymd b) {
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.month != b.month)
    return a.month < b.month ? -1 : 1;
  return a.day < b.day ? -1 : a.day > b.day;
}

/* Is the date bound to the trigger a day known and not after the
 * document's date? */
static bool dated_fact(const kgr_doc *doc, const kgr_block *b, const kgr_sentence_dates *sd,
                       const kgr_trigger *t) {
  int k = kgr_date_bind(b->text, sd, t->start, t->end, !t->strong);
  if (k < 0 || !sd->hits[k].date->start.year)
    return false;
  kgr_ymd d = sd->hits[k].date->start;
  return !doc->date_ymd.year || ymd_cmp(d, doc->date_ymd) <= 0;
}

/* Triggers that tell nothing leave the scan before selection, so that they
 * take nothing away from the sentence's other triggers: "X was attacked"
 * is a happening only when X is named, and a quoted noun is a name. */
static void drop_untold(const ctx *c, size_t s, const kgr_block *b, const kgr_sentence *se,
                        const kgr_sentence_dates *sd, kgr_event_scan *scan, index_vec *tmp) {
  size_t keep = 0;
  bool any = false;
  for (size_t i = 0; i < scan->trigger_count; i++)
    any |= scan->triggers[i].needs_victim || !scan->triggers[i].strong || scan->triggers[i].hedged;
  if (!any)
    return;
  kgr_trigger *t = kgr_arena_alloc(c->sent, (scan->trigger_count + 1) * sizeof *t);
  size_t q = se->start, quotes = 0; /* quotation marks before the trigger */
  size_t checks = 0;
  bool assault_kept = false;
  for (size_t i = 0; i < scan->trigger_count; i++) {
    const kgr_trigger *x = &scan->triggers[i];
    quotes += count_quotes(b->text, q, x->start);
    q = x->start;
    /* a noun in quotation marks names a charge or a term ("preparing mass
     * riots"), not a happening */
    if (!x->strong && quotes % 2 == 1)
      continue;
    /* a hedged trigger tells only with a date of its own, not after the
     * document's */
    if (x->hedged && !dated_fact(c->doc, b, sd, x))
      continue;
    if (x->needs_victim) {
      /* one such assault with a victim is all selection keeps; checking
       * no more keeps a long sentence linear */
      if (assault_kept || checks++ >= MAX_VICTIM_CHECKS)
        continue;
      victims_of(c->tmp, c->doc, c->ents, s, b, se, scan, x, tmp);
      if (tmp->count == 0)
        continue;
      assault_kept = true;
    }
    t[keep++] = *x;
  }
  scan->triggers = t;
  scan->trigger_count = keep;
}

/* Actors named in sentence s; adjacent names of one category are one
 * actor ("police special forces"). Read once per sentence, for every draft
 * the sentence adds to. */
static const named_actor_vec *sentence_actors(ctx *c, size_t s) {
  if (c->actor_sentence == s + 1)
    return &c->actors;
  c->actor_sentence = s + 1;
  c->actors.count = 0;
  const kgr_sentence *se = &c->lay->sentences[s];
  const char *text = c->lay->blocks[se->block].text + se->start;
  kgr_lex_hit_vec *hits = &c->actor_hits;
  hits->count = 0;
  kgr_lex_scan(&kgr_lex_actors, c->tmp, text, se->end - se->start, hits);
  for (size_t i = 0; i < hits->count;) {
    const char *cat = hits->items[i].entry->tag;
    if (strcmp(cat, "none") == 0) { /* "social media" is no media actor */
      i++;
      continue;
    }
    size_t st = hits->items[i].start, en = hits->items[i].end, j = i + 1;
    while (j < hits->count && strcmp(hits->items[j].entry->tag, cat) == 0 &&
           hits->items[j].start == en + 1 && text[en] == ' ') {
      en = hits->items[j].end;
      j++;
    }
    i = j;
    named_actor *x = KGR_VEC_PUSH(c->tmp, c->actors);
    x->start = se->start + st;
    x->end = se->start + en;
    x->category = KGR_ACTOR_OTHER;
    for (int k = 0; k < KGR_ACTOR_CATEGORY_COUNT; k++)
      if (strcmp(cat, kgr_actor_category_name((kgr_actor_category)k)) == 0)
        x->category = (kgr_actor_category)k;
  }
  return &c->actors;
}

/* Add the actors of sentence s to a draft's, each once. */
static void add_actors(ctx *c, size_t s, actor_vec *out) {
  const named_actor_vec *v = sentence_actors(c, s);
  const char *text = c->lay->blocks[c->lay->sentences[s].block].text;
  for (size_t i = 0; i < v->count; i++) {
    const char *name = text + v->items[i].start;
    size_t len = v->items[i].end - v->items[i].start;
    kgr_actor_category cat = v->items[i].category;
    bool dup = false;
    for (size_t k = 0; k < out->count && !dup; k++)
      dup = out->items[k].category == cat && out->items[k].name.len == len &&
            kgr_ascii_ieq(name, len, out->items[k].name.ptr);
    if (dup || out->count >= MAX_ITEMS)
      continue;
    kgr_actor *x = SET_PUSH(c->tmp, *out);
    x->name = kgr_arena_str(&c->doc->arena, name, len);
    x->category = cat;
  }
}

static bool str_ieq(kgr_str a, kgr_str b) {
  return a.ptr && b.ptr && a.len == b.len && kgr_ascii_ieq(a.ptr, a.len, b.ptr);
}

/* Does the person speak for the document's issuer ("said X, director at
 * Human Rights Watch")? */
static bool issuer_voice(const kgr_doc *doc, const kgr_person *p) {
  if (!doc->has_issuer || !p->affiliation.ptr)
    return false;
  return str_ieq(p->affiliation, doc->issuer.name) || str_ieq(p->affiliation, doc->issuer.acronym);
}

/* Where the issuer's name or acronym last stands in text[from, to), or
 * (size_t)-1. */
static size_t issuer_before(const kgr_doc *doc, const char *text, size_t from, size_t to) {
  size_t last = (size_t)-1;
  const kgr_str names[2] = {doc->issuer.name, doc->issuer.acronym};
  for (int k = 0; k < 2 && doc->has_issuer; k++) {
    const kgr_str *nm = &names[k];
    if (!nm->ptr || nm->len < 2 || nm->len > to - from)
      continue;
    for (size_t i = from; i + nm->len <= to; i++)
      if (text[i] == nm->ptr[0] && memcmp(text + i, nm->ptr, nm->len) == 0 &&
          (i == from || !kgr_is_word_byte((unsigned char)text[i - 1])) &&
          (i + nm->len == to || !kgr_is_word_byte((unsigned char)text[i + nm->len])) &&
          (last == (size_t)-1 || i > last))
        last = i;
  }
  return last;
}

/* Speakers whose word is an act of state: officials and international
 * bodies (lex_actors). Police accounts of an incident, outlets, NGOs,
 * witnesses and victims are the document's sources. */
static bool official(const char *category) {
  return strcmp(category, "state_officials") == 0 || strcmp(category, "international") == 0;
}

/* Is a role ("president", "interior minister") an official's: the whole
 * role or its last word an official actor? */
static bool official_words(const char *role, size_t len) {
  const kgr_lex_entry *e = kgr_lex_lookup(&kgr_lex_actors, role, len);
  if (e && official(e->tag))
    return true;
  size_t k = len;
  while (k > 0 && role[k - 1] != ' ')
    k--;
  e = k ? kgr_lex_lookup(&kgr_lex_actors, role + k, len - k) : NULL;
  return e && official(e->tag);
}

/* A statement is a happening when an official or an international body
 * says it: the speaker stands before the verb in its clause, outside
 * quotations. Outlets and organisations reporting ("Meduza said", "Human
 * Rights Watch said today") and people quoted ("..., said X") are the
 * document's sources, not events; the issuer's staff never count. */
static bool has_speaker(const kgr_doc *doc, const kgr_entities *ents, size_t s, const kgr_block *b,
                        const kgr_sentence *se, const kgr_event_scan *scan, const kgr_trigger *t,
                        kgr_arena *a) {
  size_t cs = scan->clause_count ? scan->clauses[t->clause].start : se->start;
  if (cs < se->start || cs > t->start)
    cs = se->start;
  size_t q0 = count_quotes(b->text, se->start, cs);
  /* The speaker is the name nearest before the verb: "the government has
   * arrested 100 people, Human Rights Watch said" is said by Human Rights
   * Watch. One pass each over the mentions and the actors before the verb,
   * counting quotation marks as they go. */
  bool found = false, official_speaker = false;
  size_t best = 0;
  const kgr_entity_mention *m;
  size_t n, q = q0, at = cs;
  mentions_of(ents, s, &m, &n);
  for (size_t i = 0; i < n; i++) {
    if (m[i].start < cs || m[i].end > t->start || m[i].type == KGR_ENTITY_PLACE)
      continue;
    q += count_quotes(b->text, at, m[i].start);
    at = m[i].start;
    if (q % 2 == 1 || (found && m[i].start < best))
      continue;
    bool off = false;
    if (m[i].type == KGR_ENTITY_PERSON && m[i].index < doc->persons.count) {
      const kgr_person *p = &doc->persons.items[m[i].index];
      for (size_t r = 0; r < p->role_count && !issuer_voice(doc, p) && !off; r++)
        off = official_words(p->roles[r].ptr, p->roles[r].len);
    }
    found = true;
    best = m[i].start;
    official_speaker = off;
  }
  /* the issuer is no organisation of the text: look for its name */
  size_t iss = issuer_before(doc, b->text, cs, t->start);
  if (iss != (size_t)-1 && (!found || iss >= best)) {
    found = true;
    best = iss;
    official_speaker = false;
  }
  kgr_lex_hit_vec hits = {0};
  kgr_lex_scan(&kgr_lex_actors, a, b->text + cs, t->start - cs, &hits);
  q = q0;
  at = cs;
  for (size_t i = 0; i < hits.count; i++) {
    size_t pos = cs + hits.items[i].start;
    q += count_quotes(b->text, at, pos);
    at = pos;
    /* an actor word inside a name ("Ministry" of "Ministry of Health")
     * says what the name is */
    if (q % 2 == 1 || (found && pos < best))
      continue;
    found = true;
    best = pos;
    official_speaker = official(hits.items[i].entry->tag);
  }
  return official_speaker;
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
  kgr_arena *a = c->tmp;
  draft *d = &c->drafts.items[di];
  if (d->touched == s + 1)
    return;
  d->touched = s + 1;
  const kgr_sentence *se = &c->lay->sentences[s];
  /* its text and span stay in one paragraph */
  if (se->block == c->lay->sentences[d->first].block)
    d->last = s;
  const kgr_block *b = &c->lay->blocks[se->block];
  for (size_t i = 0; i < places->count; i++)
    add_index(a, &d->places, places->items[i]);
  add_actors(c, s, &d->actors);
  if (takes_means(d->type)) {
    for (size_t i = 0; i < scan->means_count; i++) {
      kgr_means m = scan->means_ids[i];
      if (in_instrument(c, kgr_block_span(b, scan->means[i].start, scan->means[i].end)))
        continue;
      bool dup = false;
      for (size_t k = 0; k < d->means.count; k++)
        dup |= d->means.items[k] == m;
      if (!dup)
        *SET_PUSH(a, d->means) = m;
    }
  }
  for (size_t i = 0; i < nsrc && d->sources.count < MAX_ITEMS; i++) {
    bool dup = false;
    for (size_t k = 0; k < d->sources.count; k++)
      dup |= d->sources.items[k] == src[i];
    if (!dup)
      *SET_PUSH(a, d->sources) = src[i];
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
                                 const uint8_t *taken) {
  if (sd->lead >= 0)
    return sd->hits[sd->lead].date;
  for (size_t k = 0; k < sd->count; k++) {
    size_t cl = kgr_event_clause_at(scan, sd->hits[k].start);
    if (!taken[k] && !(scan->clause_count && scan->clauses[cl].aside))
      return sd->hits[k].date;
  }
  return NULL;
}

/* --- Vague retellings ----------------------------------------------------- */

/* How closely a draft is dated: 0 not at all, 1 a year, 2 a month, 3 a
 * span of days ("last week", "between 28 November and 5 December"), 4 a
 * day or a night. */
static int date_rank(const draft *d) {
  const kgr_date *x = d->date;
  if (!x || !x->start.year)
    return 0;
  if (x->precision == KGR_PRECISION_YEAR)
    return 1;
  if (x->precision == KGR_PRECISION_MONTH)
    return 2;
  return ymd_cmp(x->end, kgr_ymd_add_days(x->start, 1)) > 0 ? 3 : 4;
}

/* Does the day of `inner` fall within `outer` (no date: any day)? */
static bool within(const kgr_date *outer, const kgr_date *inner) {
  if (!outer || !outer->start.year)
    return true;
  return ymd_cmp(inner->start, outer->start) >= 0 && ymd_cmp(inner->start, outer->end) <= 0;
}

static void merge_into(kgr_arena *a, draft *to, const draft *from) {
  for (size_t k = 0; k < from->figures.count; k++)
    add_index(a, &to->figures, from->figures.items[k]);
  for (size_t k = 0; k < from->places.count; k++)
    add_index(a, &to->places, from->places.items[k]);
  for (size_t k = 0; k < from->means.count; k++) {
    bool dup = false;
    for (size_t m = 0; m < to->means.count; m++)
      dup |= to->means.items[m] == from->means.items[k];
    if (!dup)
      *SET_PUSH(a, to->means) = from->means.items[k];
  }
  for (size_t k = 0; k < from->sources.count && to->sources.count < MAX_ITEMS; k++) {
    bool dup = false;
    for (size_t m = 0; m < to->sources.count; m++)
      dup |= to->sources.items[m] == from->sources.items[k];
    if (!dup)
      *SET_PUSH(a, to->sources) = from->sources.items[k];
  }
  /* actors stay the precise telling's: a summary names everyone around */
}

/* A happening told without its day and without anyone named ("security
 * forces used excessive force in early January") is the same happening as
 * one of its type told more closely dated inside that span, with no
 * victims and every place it names ("on January 5 and 6 ... in Almaty"):
 * the vague telling folds into the nearest such one. A count ("thousands
 * were arrested") folds only into a happening that has counts too: a mass
 * happening is no retelling of a single one. */
static void fold_vague(ctx *c) {
  size_t n = c->drafts.count;
  for (size_t i = 0; i < n; i++) {
    draft *d = &c->drafts.items[i];
    int rank = date_rank(d);
    if (rank == 4 || d->victims.count)
      continue;
    for (size_t step = 1; step <= FOLD_REACH; step++) {
      draft *o = NULL;
      for (int side = 0; side < 2 && !o; side++) {
        size_t j = side ? i - step : i + step;
        if ((side ? step > i : j >= n))
          continue;
        draft *x = &c->drafts.items[j];
        if (!x->dropped && x->type == d->type && date_rank(x) > rank && !x->victims.count &&
            within(d->date, x->date) && subset(&d->places, &x->places) &&
            (x->figures.count || !d->figures.count))
          o = x;
      }
      if (o) {
        merge_into(c->tmp, o, d);
        d->dropped = true;
        break;
      }
    }
  }
}

/* A copy of items[0, n) (elements of `size` bytes) in `a`; NULL when n is 0. */
static void *copy_out(kgr_arena *a, const void *items, size_t n, size_t size) {
  if (!n)
    return NULL;
  void *p = kgr_arena_alloc(a, n * size);
  memcpy(p, items, n * size);
  return p;
}

/* The elements base[ix] of a document array, in the order of ix: the run
 * of the array itself when the indices are consecutive (the array no
 * longer grows once the events are built), else a copy in `a`; NULL when
 * ix is empty. */
static const void *gather(kgr_arena *a, const void *base, const index_vec *ix, size_t size) {
  if (!ix->count)
    return NULL;
  const char *from = base;
  bool run = true;
  for (size_t k = 1; k < ix->count && run; k++)
    run = ix->items[k] == ix->items[0] + k;
  if (run)
    return from + ix->items[0] * size;
  char *p = kgr_arena_alloc(a, ix->count * size);
  for (size_t k = 0; k < ix->count; k++)
    memcpy(p + k * size, from + ix->items[k] * size, size);
  return p;
}

/* Does s[0, n) end with the buffer's text? */
static bool ends_with(const char *s, size_t n, const kgr_buf *buf) {
  return n >= buf->len && memcmp(s + n - buf->len, buf->data, buf->len) == 0;
}

/* Copy the dates the kept drafts hold to the document, from the stage's
 * arena of dates, which then goes: the same date held by drafts in a row is
 * copied once. */
static void keep_dates(ctx *c) {
  kgr_arena *a = &c->doc->arena;
  const kgr_date *from = NULL, *to = NULL;
  for (size_t i = 0; i < c->drafts.count; i++) {
    draft *d = &c->drafts.items[i];
    if (d->dropped || !d->date)
      continue;
    if (d->date != from) {
      kgr_date *x = kgr_arena_alloc(a, sizeof *x);
      *x = *d->date;
      x->text = kgr_arena_str(a, d->date->text.ptr, d->date->text.len);
      from = d->date;
      to = x;
    }
    d->date = to;
  }
}

/* Do two sets hold the same indices in the same order? */
static bool same_set(const index_vec *x, const index_vec *y) {
  return x->count == y->count &&
         (x->count == 0 || memcmp(x->items, y->items, x->count * sizeof *x->items) == 0);
}

/* Do two lists name the same actors, in the same order? */
static bool same_actors(const actor_vec *x, const actor_vec *y) {
  if (x->count != y->count)
    return false;
  for (size_t k = 0; k < x->count; k++) {
    const kgr_actor *p = &x->items[k], *q = &y->items[k];
    if (p->category != q->category || p->name.len != q->name.len ||
        memcmp(p->name.ptr, q->name.ptr, p->name.len) != 0)
      return false;
  }
  return true;
}

/* items[0, n) as a document array: `prev` (prev_n elements) when it holds
 * the same, else a copy in `a`; NULL when n is 0. */
static const void *share_or_copy(kgr_arena *a, const void *prev, size_t prev_n, const void *items,
                                 size_t n, size_t size) {
  if (n && n == prev_n && memcmp(prev, items, n * size) == 0)
    return prev;
  return copy_out(a, items, n, size);
}

/* The sentences an event tells: first..last of one block. */
typedef struct sentence_run {
  size_t first, last;
} sentence_run;

/* The drafts that were not folded become doc->events, their means
 * doc->means; runs[i] gets the sentences of the i-th event, whose text
 * build_texts() adds once the drafts are gone. */
static void build_events(ctx *c, sentence_run *runs) {
  kgr_doc *doc = c->doc;
  kgr_arena *a = &doc->arena;
  bool seen_means[KGR_MEANS_COUNT] = {false};
  size_t n = 0;
  const draft *pd = NULL;     /* the draft of the event before */
  const kgr_event *pe = NULL; /* that event */
  for (size_t i = 0; i < c->drafts.count; i++) {
    draft *d = &c->drafts.items[i];
    if (d->dropped)
      continue;
    kgr_event *e = &doc->events.items[doc->events.count++];
    memset(e, 0, sizeof *e);
    e->type = d->type;
    e->date = d->date;
    /* what the event before holds too is shared, not copied again */
    if (d->figures.count) {
      /* in document order, folded retellings' figures among them (at most
       * MAX_ITEMS: a short insertion sort) */
      size_t *ix = d->figures.items;
      for (size_t k = 1; k < d->figures.count; k++)
        for (size_t m = k; m > 0 && ix[m - 1] > ix[m]; m--) {
          size_t tmp = ix[m];
          ix[m] = ix[m - 1];
          ix[m - 1] = tmp;
        }
    }
    e->places = pd && same_set(&d->places, &pd->places)
                    ? pe->places
                    : gather(a, doc->places.items, &d->places, sizeof *e->places);
    e->place_count = d->places.count;
    e->victims = pd && same_set(&d->victims, &pd->victims)
                     ? pe->victims
                     : gather(a, doc->persons.items, &d->victims, sizeof *e->victims);
    e->victim_count = d->victims.count;
    e->figures = pd && same_set(&d->figures, &pd->figures)
                     ? pe->figures
                     : gather(a, doc->figures.items, &d->figures, sizeof *e->figures);
    e->figure_count = d->figures.count;
    e->actors = pd && same_actors(&d->actors, &pd->actors)
                    ? pe->actors
                    : copy_out(a, d->actors.items, d->actors.count, sizeof *d->actors.items);
    e->actor_count = d->actors.count;
    e->means = share_or_copy(a, pe ? pe->means : NULL, pe ? pe->means_count : 0, d->means.items,
                             d->means.count, sizeof *d->means.items);
    e->means_count = d->means.count;
    e->sources = share_or_copy(a, pe ? pe->sources : NULL, pe ? pe->source_count : 0,
                               d->sources.items, d->sources.count, sizeof *d->sources.items);
    e->source_count = d->sources.count;
    for (size_t k = 0; k < d->means.count; k++) {
      kgr_means m = d->means.items[k];
      if ((unsigned)m < KGR_MEANS_COUNT && !seen_means[m]) {
        seen_means[m] = true;
        *KGR_VEC_PUSH(a, doc->means) = m;
      }
    }
    const kgr_sentence *f = &c->lay->sentences[d->first], *l = &c->lay->sentences[d->last];
    e->span = kgr_block_span(&c->lay->blocks[f->block], f->start, l->end);
    runs[n++] = (sentence_run){d->first, d->last};
    pd = d;
    pe = e;
  }
}

/* The texts of the events doc->events[from..] told by runs: their
 * sentences joined by one space, built in `scratch`. */
static void build_texts(ctx *c, size_t from, const sentence_run *runs, kgr_arena *scratch) {
  kgr_doc *doc = c->doc;
  kgr_buf buf = {0};
  for (size_t i = from; i < doc->events.count; i++) {
    kgr_event *e = &doc->events.items[i];
    const sentence_run *r = &runs[i - from];
    const kgr_block *b = &c->lay->blocks[c->lay->sentences[r->first].block];
    for (size_t s = r->first; s <= r->last; s++) {
      const kgr_sentence *se = &c->lay->sentences[s];
      if (buf.len)
        kgr_buf_putc(scratch, &buf, ' ');
      kgr_buf_append(scratch, &buf, b->text + se->start, se->end - se->start);
    }
    /* Text that ends the block's (sentences that run to its end, one space
     * apart) or the event before's (the same sentences, or their last) is
     * already NUL-terminated there: no copy. */
    const kgr_event *prev = i > from ? e - 1 : NULL;
    if (ends_with(b->text, b->len, &buf))
      e->text = (kgr_str){b->text + b->len - buf.len, buf.len};
    else if (prev && ends_with(prev->text.ptr, prev->text.len, &buf))
      e->text = (kgr_str){prev->text.ptr + prev->text.len - buf.len, buf.len};
    else
      e->text = kgr_buf_str(&doc->arena, &buf);
    buf.len = 0;
  }
}

/* No date line: the document is as recent as the latest day it tells. */
static void infer_date(kgr_doc *doc) {
  if (doc->date.ptr)
    return;
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

/* The records, from the drafts, which go (with the rest of the stage's
 * scratch in c->tmp) before the events' texts are built: the drafts and the
 * records together are the stage's peak. The sentences are read by now, so
 * their scratch holds what the texts need of the drafts. */
static void finish(ctx *c) {
  kgr_doc *doc = c->doc;
  /* the events take exactly the room they need */
  size_t kept = 0;
  for (size_t i = 0; i < c->drafts.count; i++)
    kept += !c->drafts.items[i].dropped;
  if (doc->events.cap - doc->events.count < kept) {
    size_t cap = doc->events.count + kept;
    kgr_event *items = kgr_arena_alloc(&doc->arena, cap * sizeof *items);
    if (doc->events.count)
      memcpy(items, doc->events.items, doc->events.count * sizeof *items);
    doc->events.items = items;
    doc->events.cap = cap;
  }
  size_t from = doc->events.count;
  sentence_run *runs = kgr_arena_alloc(c->sent, (kept + 1) * sizeof *runs);
  build_events(c, runs);
  kgr_arena_release(c->tmp);
  c->drafts = (draft_vec){0};
  build_texts(c, from, runs, c->tmp);
  infer_date(doc);
}

/* The open draft a follow-up adds to: the one of the highest priority. */
static size_t best_open(const ctx *c, const size_t *open, size_t open_n) {
  size_t best = open[0];
  for (size_t k = 1; k < open_n; k++)
    if (kgr_event_priority(c->drafts.items[open[k]].type) >
        kgr_event_priority(c->drafts.items[best].type))
      best = open[k];
  return best;
}

/* Does the sentence name a date of the calendar (not "today")? */
static bool absolute_date(const kgr_sentence_dates *sd) {
  for (size_t k = 0; k < sd->count; k++)
    if (!sd->hits[k].relative)
      return true;
  return false;
}

/* Does a date of the sentence stand in the clause? */
static bool dated_clause(const kgr_sentence_dates *sd, const kgr_event_scan *scan, size_t clause) {
  for (size_t k = 0; k < sd->count; k++)
    if (kgr_event_clause_at(scan, sd->hits[k].start) == clause)
      return true;
  return false;
}

/* Mark as taken the date each report cue claims: the first after it in
 * its clause, within REPORT_REACH words and no comma. */
static void report_dates(const char *text, const kgr_sentence_dates *sd, const kgr_event_scan *scan,
                         uint8_t *taken) {
  size_t k = 0;
  for (size_t r = 0; r < scan->report_count; r++) {
    const kgr_range *cue = &scan->reports[r];
    while (k < sd->count && sd->hits[k].start < cue->end)
      k++;
    if (k >= sd->count ||
        kgr_event_clause_at(scan, sd->hits[k].start) != kgr_event_clause_at(scan, cue->start) ||
        !kgr_words_within(text, cue->end, sd->hits[k].start, REPORT_REACH))
      continue;
    /* "according to the information received, 400 were detained on ..."
     * : the source ends at the comma */
    if (!memchr(text + cue->end, ',', sd->hits[k].start - cue->end))
      taken[k] = KGR_DATE_REPORT;
  }
}

/* --- The title's day ---------------------------------------------------------- */

/* A title that names one day and what happened ("Detentions at protests
 * on 23 January 2021") dates the happenings of those kinds that the body
 * leaves undated: the report is about that day. */
typedef struct title_day {
  const kgr_date *date;
  bool types[KGR_EVENT_TYPE_COUNT];
} title_day;

static void read_title_day(ctx *c, const kgr_sentence_dates *sds, title_day *out) {
  const kgr_doc *doc = c->doc;
  const kgr_layout *lay = c->lay;
  memset(out, 0, sizeof *out);
  if (!doc->title.ptr)
    return;
  kgr_arena *a = c->sent;
  const kgr_date *day = NULL;
  size_t dates = 0;
  kgr_range_vec ranges = {0};
  for (size_t s = 0; s < lay->sentence_count; s++) {
    const kgr_sentence *se = &lay->sentences[s];
    const kgr_block *b = &lay->blocks[se->block];
    kgr_span sp = kgr_block_span(b, se->start, se->end);
    if (sp.start >= doc->title_span.end)
      break;
    if (!spans_overlap(sp, doc->title_span))
      continue;
    const kgr_sentence_dates *sd = &sds[s];
    ranges.count = 0;
    for (size_t k = 0; k < sd->count; k++) {
      kgr_range *r = KGR_VEC_PUSH(a, ranges);
      r->start = sd->hits[k].start;
      r->end = sd->hits[k].end;
      day = sd->hits[k].date;
      dates++;
    }
    kgr_event_scan scan;
    kgr_event_scan_sentence(&c->scanner, a, b->text, se->start, se->end, ranges.items, ranges.count,
                            &scan);
    for (size_t i = 0; i < scan.trigger_count; i++)
      out->types[scan.triggers[i].type] = true;
  }
  if (dates == 1 && day->precision == KGR_PRECISION_DAY && day->start_iso.ptr)
    out->date = day;
}

static void date_from_title(ctx *c, const title_day *td) {
  if (!td->date)
    return;
  for (size_t i = 0; i < c->drafts.count; i++) {
    draft *d = &c->drafts.items[i];
    bool named = false;
    for (int t = 0; t < KGR_EVENT_TYPE_COUNT && !named; t++)
      named = td->types[t] && kgr_event_refers((kgr_event_type)t, d->type);
    if (!d->date && named && d->type != KGR_EVENT_STATEMENT)
      d->date = td->date;
  }
}

/* The stage, with its scratch in `a`, the table of the sentences' dates in
 * `table`, the dates themselves in `dates` and, for each sentence, `sent`. */
static void read_events(kgr_doc *doc, const kgr_layout *lay, const kgr_entities *ents, kgr_arena *a,
                        kgr_arena *table, kgr_arena *dates, kgr_arena *sent) {
  ctx c = {.doc = doc, .lay = lay, .ents = ents, .tmp = a, .sent = sent};
  kgr_event_scanner_init(&c.scanner, a);
  size_t n = lay->sentence_count;
  const uint8_t *cls = classify_sentences(doc, lay, a);
  const kgr_sentence_dates *sds = kgr_event_dates_read(doc, lay, table, dates, sent);
  /* one chunk of sentence scratch stays from sentence to sentence */
  kgr_arena_alloc(sent, 1);
  kgr_arena_pos sentence_start = kgr_arena_mark(sent);

  size_t open[KGR_EVENT_TYPE_COUNT], open_n = 0;
  const kgr_date *carry = NULL;
  size_t cur_block = (size_t)-1;
  index_vec last_places = {0}, places = {0}, victims = {0};
  kgr_range_vec ranges = {0};
  kgr_figure_reader figs = {.a = a};
  int src[MAX_SOURCES], final[MAX_SOURCES];
  size_t nfinal = 0;

  for (size_t s = 0; s < n; s++) {
    kgr_arena_rewind(sent, sentence_start);
    const kgr_sentence *se = &lay->sentences[s];
    const kgr_block *b = &lay->blocks[se->block];
    /* A new paragraph goes on with the last one's happening only in an
     * undated telling of the same kind ("Police fired tear gas at
     * protesters ..." after "the police's use of tear gas yesterday"). */
    bool cross = false;
    if (se->block != cur_block) {
      cur_block = se->block;
      carry = NULL;
      cross = open_n > 0;
      last_places.count = 0;
      nfinal = final_sources(b, final);
    }
    if (cls[s] == SENT_SKIP) {
      open_n = 0;
      carry = NULL;
      continue;
    }
    const kgr_sentence_dates *sd = &sds[s];
    skip_ranges(a, ents, s, sd, &ranges);
    kgr_event_scan scan;
    kgr_event_scan_sentence(&c.scanner, sent, b->text, sd->body_start, se->end, ranges.items,
                            ranges.count, &scan);
    /* norms and demands report nothing; generalities nothing undated
     * ("today, torture remains widespread" names no day) */
    bool general = cls[s] == SENT_GENERAL || scan.general || (scan.generic && !absolute_date(sd));
    drop_untold(&c, s, b, se, sd, &scan, &victims);

    /* Dates bound to triggers, and dates of reports. */
    uint8_t *taken = kgr_arena_calloc(sent, sd->count + 1);
    bool *bound = kgr_arena_calloc(sent, scan.trigger_count + 1);
    int *bound_to = kgr_arena_alloc(sent, (scan.trigger_count + 1) * sizeof *bound_to);
    for (size_t i = 0; i < scan.trigger_count; i++) {
      const kgr_trigger *t = &scan.triggers[i];
      bound_to[i] = kgr_date_bind(b->text, sd, t->start, t->end, !t->strong);
      if (bound_to[i] >= 0) {
        bound[i] = true;
        /* a noun's date is its own ("the 4 October election"); a verb's
         * is its clause's, free for the rest of the sentence too */
        if (!t->strong)
          taken[bound_to[i]] = KGR_DATE_NOUN;
      }
    }
    report_dates(b->text, sd, &scan, taken);
    const kgr_date *carried = (general || (scan.later && !scan.same_day)) ? NULL : carry;
    if (carried && scan.day_shift)
      carried = kgr_date_shift(doc, dates, carried, scan.day_shift, b, scan.shift_cue.start,
                               scan.shift_cue.end);
    size_t nsrc = sentence_sources(b, se, final, nfinal, src);

    kgr_figures_in_sentence(&figs, b, se, sd);
    const kgr_figure_hit_vec *fh = &figs.hits;
    size_t fig0 = doc->figures.count;
    for (size_t i = 0; i < fh->count; i++) {
      const kgr_date *d = kgr_date_pick(sd, &scan, fh->items[i].start, fh->items[i].end, false,
                                        NULL, carried, NULL);
      kgr_figure_add(doc, b, &fh->items[i], d, src, nsrc);
    }
    if (general) {
      open_n = 0;
      carry = NULL;
      continue;
    }

    sentence_places(a, ents, s, sd->body_start, &places);
    size_t sel[KGR_EVENT_TYPE_COUNT];
    size_t nsel = kgr_event_select(&scan, bound, sel);
    if (nsel == 1 && scan.triggers[sel[0]].type == KGR_EVENT_STATEMENT &&
        !has_speaker(doc, ents, s, b, se, &scan, &scan.triggers[sel[0]], sent))
      nsel = 0;
    /* The document's own judgement ("we condemn the dispersal") reports
     * only what it dates; the rest it refers to. Another clause of it may
     * tell ("we are alarmed at the events in Cali, where police opened
     * fire"). */
    if (scan.voice) {
      size_t k = 0;
      for (size_t j = 0; j < nsel; j++) {
        const kgr_trigger *t = &scan.triggers[sel[j]];
        if (t->clause != scan.voice_clause || bound[sel[j]] || dated_clause(sd, &scan, t->clause))
          sel[k++] = sel[j];
      }
      nsel = k;
    }
    /* Nouns alone ("during the arrest", "the dispersal left 40 injured")
     * after a happening tell more of it, unless the sentence opens with a
     * date of its own. */
    long refer = -1; /* the open draft such nouns refer to */
    bool all_weak = nsel > 0 && open_n && sd->lead < 0;
    for (size_t j = 0; j < nsel; j++)
      all_weak &= !scan.triggers[sel[j]].strong && !bound[sel[j]];
    for (size_t k = 0; all_weak && k < open_n && refer < 0; k++) {
      bool all = true;
      for (size_t j = 0; j < nsel; j++)
        all &= kgr_event_refers(scan.triggers[sel[j]].type, c.drafts.items[open[k]].type);
      if (all)
        refer = (long)open[k];
    }
    /* "Officers beat him in a police van": harm to the person whose story
     * the open happening tells, when the sentence names nobody and no day
     * of its own. */
    if (refer < 0 && nsel && open_n && scan.pronoun && !names_person(ents, s) &&
        !kgr_date_has_own(sd, &scan, taken)) {
      bool harm = true;
      for (size_t j = 0; j < nsel; j++)
        harm &= scan.triggers[sel[j]].type == KGR_EVENT_TORTURE ||
                scan.triggers[sel[j]].type == KGR_EVENT_ARREST;
      for (size_t k = 0; harm && k < open_n && refer < 0; k++)
        if (c.drafts.items[open[k]].victims.count)
          refer = (long)open[k];
    }
    if (cross && (nsel == 0 || refer >= 0 || kgr_date_has_own(sd, &scan, NULL))) {
      open_n = 0;
      refer = -1;
    }
    if (nsel == 0 || refer >= 0) {
      /* A follow-up: it tells more of the happening before it. */
      bool own = kgr_date_has_own(sd, &scan, taken);
      if (open_n && (!own || refer >= 0)) {
        size_t di = refer >= 0 ? (size_t)refer : best_open(&c, open, open_n);
        absorb(&c, di, s, &scan, &places, src, nsrc);
        for (size_t i = 0; i < fh->count; i++)
          add_index(a, &c.drafts.items[di].figures, fig0 + i);
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

    bool has_force = false;
    for (size_t j = 0; j < nsel; j++)
      has_force |= scan.triggers[sel[j]].type == KGR_EVENT_FORCE_AGAINST_PROTESTERS;
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
      /* "police have detained dozens": a span up to now, not that day */
      if (t->perfect && was_carried) {
        date = NULL;
        was_carried = false;
      }
      if (kgr_event_priority(t->type) > primary_prio) {
        primary_prio = kgr_event_priority(t->type);
        primary_date = date;
      }
      victims_of(a, doc, ents, s, b, se, &scan, t, &victims);
      sel_draft[j] = -1;
      /* deaths at a dispersal are that use of force, unless the dead are
       * named */
      if (t->type == KGR_EVENT_KILLING && has_force && victims.count == 0)
        continue;
      /* a noun with no date at all and nobody named ("the protests",
       * "torture") only refers to something told elsewhere */
      if (!date && !t->strong && nsel == 1 && victims.count == 0)
        continue;
      /* A carried-forward happening with no place of its own happened
       * where the paragraph last said. */
      const index_vec *pl = (!places.count && was_carried && date) ? &last_places : &places;
      long di = -1;
      for (size_t k = 0; k < open_n && di < 0 && !(cross && date) && !scan.new_set; k++) {
        const draft *o = &c.drafts.items[open[k]];
        /* across paragraphs: a dated happening, nobody and nowhere new */
        if (can_extend(o, t->type, date, &victims, pl) &&
            (!cross || (o->date && subset(&o->victims, &victims) && subset(&victims, &o->victims) &&
                        subset(pl, &o->places))))
          di = (long)open[k];
      }
      if (di < 0 && told_before(&c, t->type, date, &victims, pl))
        continue;
      if (di < 0) {
        draft *d = KGR_VEC_PUSH(a, c.drafts);
        d->type = t->type;
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
    for (size_t i = 0; i < fh->count; i++) {
      long best = -1;
      size_t best_d = (size_t)-1;
      for (size_t j = 0; j < nsel; j++) {
        if (sel_draft[j] < 0)
          continue;
        const kgr_trigger *t = &scan.triggers[sel[j]];
        size_t p = fh->items[i].start;
        size_t dist = p >= t->start ? p - t->start : t->start - p;
        if (dist < best_d) {
          best_d = dist;
          best = sel_draft[j];
        }
      }
      if (best >= 0)
        add_index(a, &c.drafts.items[best].figures, fig0 + i);
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
  title_day td;
  read_title_day(&c, sds, &td);
  /* What the stage no longer needs goes as soon as it can: the end, when
   * the records are built, is when the stage needs the most. */
  kgr_arena_release(table);
  date_from_title(&c, &td);
  fold_vague(&c);
  /* the events' dates move to the document, the rest go */
  keep_dates(&c);
  kgr_arena_release(dates);
  finish(&c);
}

typedef struct events_job {
  kgr_doc *doc;
  const kgr_layout *lay;
  const kgr_entities *ents;
} events_job;

enum { TMP, TABLE, DATES, SENT, ARENAS };

static void run_read_events(void *data, kgr_arena *tmp) {
  events_job *job = data;
  read_events(job->doc, job->lay, job->ents, &tmp[TMP], &tmp[TABLE], &tmp[DATES], &tmp[SENT]);
}

void kgr_read_events(kgr_doc *doc, const kgr_layout *lay, const kgr_entities *ents) {
  if (lay->sentence_count == 0)
    return;
  /* Scratch goes to four arenas, so that the document keeps only its
   * records. */
  events_job job = {doc, lay, ents};
  kgr_arena_with_scratch(&doc->arena, ARENAS, run_read_events, &job);
}
