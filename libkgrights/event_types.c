/*
 * event_types.c - event triggers of one sentence, typed from
 * data/lex_event_triggers.tsv (and data/lex_means.tsv for weapons).
 *
 * One pass of the lexicon over the sentence gives every trigger, object and
 * cue; clauses come from punctuation and the clause cues; acts pair with
 * objects of their own clause. Every step walks the hits once or looks a
 * bounded number of words back, so a sentence costs linear time.
 */
#include "event_types.h"

#include <string.h>

#include "lexicon.h"
#include "utf8.h"

/* Words a cue reaches over: "calls for his resignation" (intent), "did not
 * disperse" (negation), "was deliberately targeted" (passive). */
#define INTENT_REACH 4
#define NEGATION_REACH 2
#define PASSIVE_REACH 2
#define PERFECT_REACH 3
/* A bracket this short is a name or an acronym, not an aside. */
#define SHORT_ASIDE_BYTES 48
#define SHORT_ASIDE_WORDS 3
/* Hits an act looks over for its object. */
#define PAIR_REACH 12

typedef enum role {
  ROLE_NONE = 0, /* @none and unknown tags: a hit that blocks shorter ones */
  ROLE_TYPE,     /* a direct trigger */
  ROLE_ACT,
  ROLE_OBJ,
  ROLE_MODAL,
  ROLE_GENERIC,
  ROLE_HYPOTHETICAL,
  ROLE_INTENT,
  ROLE_NEGATION,
  ROLE_LATER,
  ROLE_PASSIVE,
  ROLE_PERFECT,
  ROLE_PLUPERFECT,
  ROLE_CLAUSE,
  ROLE_SPLIT,
  ROLE_RELATIVE,
  ROLE_LINK,
  ROLE_SAME_DAY,
  ROLE_NEXT_DAY,
  ROLE_PREVIOUS_DAY,
  ROLE_VOICE,
  ROLE_REPORT,
  ROLE_PRONOUN,
  ROLE_NEW_SET
} role;

typedef enum act {
  ACT_ATTACK,
  ACT_ASSAULT,
  ACT_HARM,
  ACT_SEIZE,
  ACT_RELEASE,
  ACT_DETAIN,
  ACT_DISPERSE,
  ACT_OBSTRUCT,
  ACT_CLEAR,
  ACT_CUT,
  ACT_MEANS, /* a weapon named in the clause (lex_means) */
  ACT_COUNT
} act;

typedef enum obj {
  OBJ_JOURNALIST,
  OBJ_HEALTH,
  OBJ_BUILDING,
  OBJ_PRISONER,
  OBJ_PROTESTERS,
  OBJ_INTERNET,
  OBJ_MEDIA, /* an outlet: a journalist object when nothing else pairs */
  OBJ_COUNT
} obj;

static const char *const act_tags[ACT_COUNT] = {
    "act:attack",   "act:assault",  "act:harm",  "act:seize", "act:release", "act:detain",
    "act:disperse", "act:obstruct", "act:clear", "act:cut",   NULL};
static const char *const obj_tags[OBJ_COUNT] = {"obj:journalist", "obj:health",     "obj:building",
                                                "obj:prisoner",   "obj:protesters", "obj:internet",
                                                "obj:media"};

/* What each act makes with each object in its clause, as type + 1 (0:
 * nothing). */
#define T(x) ((unsigned char)((x) + 1))
static const unsigned char pairs[ACT_COUNT][OBJ_COUNT] = {
    [ACT_ATTACK] = {[OBJ_JOURNALIST] = T(KGR_EVENT_ATTACK_ON_JOURNALIST),
                    [OBJ_HEALTH] = T(KGR_EVENT_ATTACK_ON_HEALTH_WORKERS),
                    [OBJ_PROTESTERS] = T(KGR_EVENT_FORCE_AGAINST_PROTESTERS)},
    /* beating detainees is ill-treatment in custody */
    [ACT_ASSAULT] = {[OBJ_JOURNALIST] = T(KGR_EVENT_ATTACK_ON_JOURNALIST),
                     [OBJ_HEALTH] = T(KGR_EVENT_ATTACK_ON_HEALTH_WORKERS),
                     [OBJ_PRISONER] = T(KGR_EVENT_TORTURE),
                     [OBJ_PROTESTERS] = T(KGR_EVENT_FORCE_AGAINST_PROTESTERS)},
    [ACT_HARM] = {[OBJ_JOURNALIST] = T(KGR_EVENT_ATTACK_ON_JOURNALIST),
                  [OBJ_HEALTH] = T(KGR_EVENT_ATTACK_ON_HEALTH_WORKERS)},
    [ACT_SEIZE] = {[OBJ_HEALTH] = T(KGR_EVENT_ATTACK_ON_HEALTH_WORKERS),
                   [OBJ_BUILDING] = T(KGR_EVENT_SEIZURE_OF_BUILDING)},
    [ACT_RELEASE] = {[OBJ_PRISONER] = T(KGR_EVENT_PRISONER_RELEASE)},
    [ACT_DETAIN] = {[OBJ_JOURNALIST] = T(KGR_EVENT_ATTACK_ON_JOURNALIST),
                    [OBJ_HEALTH] = T(KGR_EVENT_ATTACK_ON_HEALTH_WORKERS)},
    [ACT_DISPERSE] = {[OBJ_JOURNALIST] = T(KGR_EVENT_ATTACK_ON_JOURNALIST),
                      [OBJ_PROTESTERS] = T(KGR_EVENT_FORCE_AGAINST_PROTESTERS)},
    [ACT_OBSTRUCT] = {[OBJ_JOURNALIST] = T(KGR_EVENT_ATTACK_ON_JOURNALIST),
                      [OBJ_HEALTH] = T(KGR_EVENT_ATTACK_ON_HEALTH_WORKERS)},
    [ACT_CLEAR] = {[OBJ_PROTESTERS] = T(KGR_EVENT_FORCE_AGAINST_PROTESTERS)},
    /* an internet shutdown has no type of its own */
    [ACT_CUT] = {[OBJ_INTERNET] = T(KGR_EVENT_OTHER)},
    [ACT_MEANS] = {[OBJ_JOURNALIST] = T(KGR_EVENT_ATTACK_ON_JOURNALIST),
                   [OBJ_PROTESTERS] = T(KGR_EVENT_FORCE_AGAINST_PROTESTERS)},
};

/* What an act makes with no object: "police detained 40 people" is an
 * arrest, "police dispersed the rally" a use of force, "X was attacked" a
 * happening of no listed type when X is named. */
static const unsigned char alone[ACT_COUNT] = {
    [ACT_DETAIN] = T(KGR_EVENT_ARREST),
    [ACT_DISPERSE] = T(KGR_EVENT_FORCE_AGAINST_PROTESTERS),
    [ACT_ASSAULT] = T(KGR_EVENT_OTHER),                  /* needs a victim */
    [ACT_MEANS] = T(KGR_EVENT_FORCE_AGAINST_PROTESTERS), /* weak: see below */
};
#undef T

/* Acts that a weapon of their clause only says how they were done. */
static bool uses_weapons(int a) {
  return a == ACT_ATTACK || a == ACT_ASSAULT || a == ACT_HARM || a == ACT_DISPERSE ||
         a == ACT_CLEAR;
}

/* The type an act makes with an object (or alone, obj < 0), or -1. */
static int pair_type(int a, int o) {
  unsigned char v = o < 0 ? alone[a] : pairs[a][o];
  return (int)v - 1;
}

int kgr_event_priority(kgr_event_type t) {
  static const int prio[KGR_EVENT_TYPE_COUNT] = {
      [KGR_EVENT_OTHER] = 5,
      [KGR_EVENT_ELECTION] = 30,
      [KGR_EVENT_PROTEST] = 40,
      [KGR_EVENT_FORCE_AGAINST_PROTESTERS] = 90,
      [KGR_EVENT_CLASH] = 70,
      [KGR_EVENT_ATTACK_ON_JOURNALIST] = 95,
      [KGR_EVENT_ATTACK_ON_HEALTH_WORKERS] = 94,
      [KGR_EVENT_SEIZURE_OF_BUILDING] = 84,
      [KGR_EVENT_PRISONER_RELEASE] = 83,
      [KGR_EVENT_RESIGNATION] = 55,
      [KGR_EVENT_ANNULMENT] = 60,
      [KGR_EVENT_STATE_OF_EMERGENCY] = 58,
      [KGR_EVENT_LOOTING] = 50,
      [KGR_EVENT_ARREST] = 65,
      [KGR_EVENT_KILLING] = 85,
      [KGR_EVENT_TORTURE] = 80,
      [KGR_EVENT_STATEMENT] = 10,
  };
  return (unsigned)t < KGR_EVENT_TYPE_COUNT ? prio[t] : 0;
}

/* A weak trigger of the second type is only context when the first type is
 * in the same sentence: "clashes broke out when police dispersed the
 * protests", "attacks on journalists covering the election". */
static bool makes_context(kgr_event_type strong, kgr_event_type weak) {
  switch (strong) {
  case KGR_EVENT_FORCE_AGAINST_PROTESTERS: /* "deaths" at a dispersal are that force */
    return weak == KGR_EVENT_PROTEST || weak == KGR_EVENT_CLASH || weak == KGR_EVENT_KILLING;
  case KGR_EVENT_ATTACK_ON_HEALTH_WORKERS:
  case KGR_EVENT_KILLING: return weak == KGR_EVENT_PROTEST || weak == KGR_EVENT_CLASH;
  case KGR_EVENT_ATTACK_ON_JOURNALIST:
    return weak == KGR_EVENT_PROTEST || weak == KGR_EVENT_CLASH || weak == KGR_EVENT_ELECTION;
  case KGR_EVENT_SEIZURE_OF_BUILDING:
  case KGR_EVENT_CLASH: return weak == KGR_EVENT_PROTEST;
  case KGR_EVENT_PRISONER_RELEASE: return weak == KGR_EVENT_ARREST;
  case KGR_EVENT_ANNULMENT:
  case KGR_EVENT_RESIGNATION: return weak == KGR_EVENT_ELECTION || weak == KGR_EVENT_PROTEST;
  default: return false;
  }
}

bool kgr_event_refers(kgr_event_type noun, kgr_event_type told) {
  if (noun == told || makes_context(told, noun))
    return true;
  return noun == KGR_EVENT_ARREST &&
         (told == KGR_EVENT_ATTACK_ON_JOURNALIST || told == KGR_EVENT_ATTACK_ON_HEALTH_WORKERS);
}

bool kgr_event_has_victims(kgr_event_type t) {
  return t == KGR_EVENT_ATTACK_ON_JOURNALIST || t == KGR_EVENT_ATTACK_ON_HEALTH_WORKERS ||
         t == KGR_EVENT_ARREST || t == KGR_EVENT_KILLING || t == KGR_EVENT_TORTURE ||
         t == KGR_EVENT_FORCE_AGAINST_PROTESTERS;
}

/* --- Tags ------------------------------------------------------------------ */

static int event_type_of(const char *tag) {
  for (int t = 0; t < KGR_EVENT_TYPE_COUNT; t++)
    if (strcmp(tag, kgr_event_type_name((kgr_event_type)t)) == 0)
      return t;
  return -1;
}

static int index_of(const char *const *names, int n, const char *tag) {
  for (int i = 0; i < n; i++)
    if (names[i] && strcmp(tag, names[i]) == 0)
      return i;
  return -1;
}

typedef struct cue {
  role r;
  int sub; /* event type, act or object */
} cue;

static cue classify(const char *tag) {
  static const struct {
    const char *tag;
    role r;
  } cues[] = {
      {"@modal", ROLE_MODAL},
      {"@generic", ROLE_GENERIC},
      {"@hypothetical", ROLE_HYPOTHETICAL},
      {"@intent", ROLE_INTENT},
      {"@negation", ROLE_NEGATION},
      {"@later", ROLE_LATER},
      {"@passive", ROLE_PASSIVE},
      {"@perfect", ROLE_PERFECT},
      {"@pluperfect", ROLE_PLUPERFECT},
      {"@voice", ROLE_VOICE},
      {"@report", ROLE_REPORT},
      {"@pronoun", ROLE_PRONOUN},
      {"@new_set", ROLE_NEW_SET},
      {"@clause", ROLE_CLAUSE},
      {"@split", ROLE_SPLIT},
      {"@relative", ROLE_RELATIVE},
      {"@link", ROLE_LINK},
      {"@same_day", ROLE_SAME_DAY},
      {"@next_day", ROLE_NEXT_DAY},
      {"@previous_day", ROLE_PREVIOUS_DAY},
  };
  cue c = {ROLE_NONE, 0};
  if (tag[0] == '@') {
    for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++)
      if (strcmp(tag, cues[i].tag) == 0)
        c.r = cues[i].r;
    return c;
  }
  if ((c.sub = index_of(act_tags, ACT_COUNT, tag)) >= 0) {
    c.r = ROLE_ACT;
  } else if ((c.sub = index_of(obj_tags, OBJ_COUNT, tag)) >= 0) {
    c.r = ROLE_OBJ;
  } else if ((c.sub = event_type_of(tag)) >= 0) {
    c.r = ROLE_TYPE;
  } else {
    c.sub = 0;
  }
  return c;
}

static int means_of(const char *tag) {
  for (int m = 0; m < KGR_MEANS_COUNT; m++)
    if (strcmp(tag, kgr_means_name((kgr_means)m)) == 0)
      return m;
  return KGR_MEANS_OTHER;
}

/* What an entry of the trigger lexicon (or, with `means`, of the means
 * lexicon) says. */
struct kgr_event_entry {
  bool known;       /* read from its tags already */
  cue c;            /* a weapon is an act of its own (ACT_MEANS) */
  bool weak;        /* strength "weak" */
  bool passive_act; /* strength "passive" */
  kgr_means means;  /* the weapon, for the means lexicon */
};

static kgr_event_entry read_entry(const kgr_lex_entry *e, bool means) {
  kgr_event_entry x = {true, {ROLE_ACT, ACT_MEANS}, false, false, KGR_MEANS_OTHER};
  if (means) {
    x.means = (kgr_means)means_of(e->tag);
    return x;
  }
  x.c = classify(e->tag);
  x.weak = strcmp(e->extra, "weak") == 0;
  x.passive_act = strcmp(e->extra, "passive") == 0;
  return x;
}

/* What entry e of the lexicon says, read once per scanner. */
static kgr_event_entry entry_of(kgr_event_scanner *sc, const kgr_lex_entry *e, bool means) {
  const kgr_lexicon *lex = means ? &kgr_lex_means : &kgr_lex_event_triggers;
  size_t i = (size_t)(e - lex->entries);
  if (i >= lex->count)
    return read_entry(e, means);
  kgr_event_entry *slot = means ? &sc->means[i] : &sc->triggers[i];
  if (!slot->known)
    *slot = read_entry(e, means);
  return *slot;
}

bool kgr_event_journalist_word(const char *text, size_t len) {
  const kgr_lex_entry *e = kgr_lex_lookup(&kgr_lex_event_triggers, text, len);
  return e && strcmp(e->tag, obj_tags[OBJ_JOURNALIST]) == 0;
}

/* --- Words ----------------------------------------------------------------- */

size_t kgr_count_words(const char *text, size_t start, size_t end) {
  size_t n = 0;
  bool in = false;
  for (size_t i = start; i < end; i++) {
    bool w = kgr_is_word_byte((unsigned char)text[i]) || text[i] == '\'';
    if (w && !in)
      n++;
    in = w;
  }
  return n;
}

bool kgr_words_within(const char *text, size_t start, size_t end, size_t max) {
  size_t n = 0;
  bool in = false;
  for (size_t i = start; i < end; i++) {
    bool w = kgr_is_word_byte((unsigned char)text[i]) || text[i] == '\'';
    if (w && !in && ++n > max)
      return false;
    in = w;
  }
  return true;
}

bool kgr_event_date_link(const char *text, size_t start, size_t end, size_t max_words) {
  size_t words = 0;
  size_t i = start;
  while (i < end) {
    unsigned char c = (unsigned char)text[i];
    if (c == ' ') {
      i++;
      continue;
    }
    if (!kgr_is_word_byte(c))
      return false; /* punctuation parts a happening from a date */
    if (++words > max_words)
      return false;
    const kgr_lex_entry *e = NULL;
    size_t n = kgr_lex_match(&kgr_lex_event_triggers, text, end, i, &e);
    if (n && strcmp(e->tag, "@link") == 0) { /* a linking word */
      i += n;
      continue;
    }
    if (!kgr_utf8_starts_upper(text + i, end - i))
      return false;
    while (i < end && (kgr_is_word_byte((unsigned char)text[i]) || text[i] == '\'' ||
                       text[i] == '-' || text[i] == '.'))
      i++;
  }
  return true;
}

/* --- The scan -------------------------------------------------------------- */

typedef struct hit {
  size_t start, end;
  cue c;
  bool weak;
  bool passive_act; /* "came under attack": its object stands before it */
  size_t clause;
} hit;
typedef KGR_VEC(hit) hit_vec;
typedef KGR_VEC(kgr_clause) clause_vec;
typedef KGR_VEC(kgr_trigger) trigger_vec;
typedef KGR_VEC(kgr_range) range_vec;

/* The vectors of a scan, emptied and reused by the next one. */
struct kgr_event_work {
  kgr_lex_hit_vec lex, mlex;
  hit_vec hits;
  clause_vec clauses;
  trigger_vec triggers;
  range_vec means, reports;
  KGR_VEC(kgr_means) means_ids;
};

void kgr_event_scanner_init(kgr_event_scanner *sc, kgr_arena *a) {
  sc->a = a;
  sc->triggers = kgr_arena_calloc(a, (kgr_lex_event_triggers.count + 1) * sizeof *sc->triggers);
  sc->means = kgr_arena_calloc(a, (kgr_lex_means.count + 1) * sizeof *sc->means);
  sc->work = kgr_arena_calloc(a, sizeof *sc->work);
}

static bool overlaps_skip(const kgr_range *skip, size_t n, size_t *k, size_t s, size_t e) {
  while (*k < n && skip[*k].end <= s)
    (*k)++;
  return *k < n && skip[*k].start < e;
}

static size_t skip_spaces(const char *text, size_t i, size_t end) {
  while (i < end && text[i] == ' ')
    i++;
  return i;
}

/* The bytes split_clauses looks at, besides where hits start. */
static bool clause_punct(char ch) {
  return ch == '(' || ch == ')' || ch == ',' || ch == ';' || ch == ':';
}

/* Split [start, end) into clauses: at ; and :, at a comma before a clause
 * word ("and", "but"), around parentheses, and from a relative word to the
 * next comma. Each hit gets its clause. */
static void split_clauses(kgr_arena *a, const char *text, size_t start, size_t end, hit_vec *hits,
                          clause_vec *out) {
  size_t cur = start;
  bool aside = false;
  char closer = 0; /* what ends the aside: ',' (relative) or ')' */
  size_t h = 0;
#define CLOSE_AT(pos)                                                                              \
  do {                                                                                             \
    if ((pos) > cur) {                                                                             \
      kgr_clause *c_ = KGR_VEC_PUSH(a, *out);                                                      \
      c_->start = cur;                                                                             \
      c_->end = (pos);                                                                             \
      c_->aside = aside;                                                                           \
    }                                                                                              \
  } while (0)
  for (size_t i = start; i < end; i++) {
    while (h < hits->count && hits->items[h].start < i)
      h++;
    /* only punctuation and hits open or close clauses: skip to the next */
    size_t next_hit = h < hits->count ? hits->items[h].start : end;
    while (i < next_hit && !clause_punct(text[i]))
      i++;
    if (i >= end)
      break;
    char ch = text[i];
    if (aside && closer == ')' && ch == ')') {
      CLOSE_AT(i + 1);
      cur = i + 1;
      aside = false;
      continue;
    }
    if (aside && closer == ',' && (ch == ',' || ch == ';' || ch == ':' || ch == ')')) {
      CLOSE_AT(i);
      cur = i;
      aside = false;
      /* fall through: the comma may also open a clause */
    }
    if (ch == '(' && !aside) {
      /* "(Zhina)", "(OMCT)": a short name in brackets stays in its clause */
      size_t q = i + 1;
      while (q < end && q < i + SHORT_ASIDE_BYTES && text[q] != ')' && text[q] != '(')
        q++;
      if (q < end && text[q] == ')' && kgr_words_within(text, i + 1, q, SHORT_ASIDE_WORDS))
        continue;
      CLOSE_AT(i);
      cur = i;
      aside = true;
      closer = ')';
      continue;
    }
    if (aside)
      continue;
    if (ch == ';' || ch == ':') {
      CLOSE_AT(i + 1);
      cur = i + 1;
      continue;
    }
    if (ch == ',') {
      size_t j = skip_spaces(text, i + 1, end);
      size_t k = h;
      while (k < hits->count && hits->items[k].start < j)
        k++;
      if (k < hits->count && hits->items[k].start == j && hits->items[k].c.r == ROLE_CLAUSE) {
        CLOSE_AT(i);
        cur = i;
      }
      continue;
    }
    if (h < hits->count && hits->items[h].start == i && hits->items[h].c.r == ROLE_SPLIT) {
      CLOSE_AT(i);
      cur = i;
      continue;
    }
    if (h < hits->count && hits->items[h].start == i && hits->items[h].c.r == ROLE_RELATIVE) {
      CLOSE_AT(i);
      cur = i;
      aside = true;
      closer = ',';
    }
  }
  CLOSE_AT(end);
  if (out->count == 0) { /* an empty sentence still has one clause */
    kgr_clause *c = KGR_VEC_PUSH(a, *out);
    c->start = start;
    c->end = end;
  }
#undef CLOSE_AT
  size_t c = 0;
  for (size_t i = 0; i < hits->count; i++) {
    while (c + 1 < out->count && out->items[c].end <= hits->items[i].start)
      c++;
    hits->items[i].clause = c;
  }
}

/* Is the hit at index i taken away by a cue before it in its clause? */
static bool denied(const char *text, const hit_vec *hits, size_t i, const size_t *hypothetical) {
  const hit *t = &hits->items[i];
  if (t->start >= hypothetical[t->clause])
    return true;
  /* Look back over the cues of the same clause, a bounded number of hits. */
  for (size_t k = i, steps = 0; k-- > 0 && steps < 8; steps++) {
    const hit *c = &hits->items[k];
    if (c->clause != t->clause)
      break;
    if (c->c.r == ROLE_INTENT && kgr_words_within(text, c->end, t->start, INTENT_REACH))
      return true;
    if (c->c.r == ROLE_NEGATION && kgr_words_within(text, c->end, t->start, NEGATION_REACH))
      return true;
  }
  return false;
}

static bool passive_before(const char *text, const hit_vec *hits, size_t i) {
  const hit *t = &hits->items[i];
  for (size_t k = i, steps = 0; k-- > 0 && steps < 4; steps++) {
    const hit *c = &hits->items[k];
    if (c->clause != t->clause)
      break;
    if (c->c.r == ROLE_PASSIVE && kgr_words_within(text, c->end, t->start, PASSIVE_REACH))
      return true;
  }
  return false;
}

/* Is the hit at index i a perfect ("have detained", "has been charged")? */
static bool perfect_before(const char *text, const hit_vec *hits, size_t i) {
  const hit *t = &hits->items[i];
  for (size_t k = i, steps = 0; k-- > 0 && steps < 4; steps++) {
    const hit *c = &hits->items[k];
    if (c->clause != t->clause)
      break;
    if (c->c.r == ROLE_PERFECT && kgr_words_within(text, c->end, t->start, PERFECT_REACH))
      return true;
  }
  return false;
}

static void add_trigger(kgr_arena *a, trigger_vec *out, kgr_event_type type, const hit *h,
                        bool strong, bool passive) {
  kgr_trigger *t = KGR_VEC_PUSH(a, *out);
  t->type = type;
  t->start = h->start;
  t->end = h->end;
  t->clause = h->clause;
  t->strong = strong;
  t->passive = passive;
}

/* What the act at hits[i] pairs with: its object of the same clause
 * nearest after it (before it, for a passive), else nearest on the other
 * side; the object's kind, or -1. A protest named is an object too. */
static int object_kind(const hit *h) {
  if (h->c.r == ROLE_OBJ && h->c.sub != OBJ_MEDIA)
    return h->c.sub;
  if (h->c.r == ROLE_TYPE && h->c.sub == KGR_EVENT_PROTEST)
    return OBJ_PROTESTERS;
  return -1;
}

static int pair_object(const hit_vec *hits, size_t i, bool passive) {
  const hit *h = &hits->items[i];
  int after = -1, before = -1;
  for (size_t k = i + 1, steps = 0; k < hits->count && steps < PAIR_REACH; k++, steps++) {
    if (hits->items[k].clause != h->clause)
      break;
    int o = object_kind(&hits->items[k]);
    if (o >= 0 && pair_type(h->c.sub, o) >= 0) {
      after = o;
      break;
    }
  }
  /* before it: the nearest for an active verb; for a passive its subject,
   * the first of the clause ("journalists covering the protests were
   * targeted") */
  for (size_t k = i, steps = 0; k-- > 0 && steps < PAIR_REACH; steps++) {
    if (hits->items[k].clause != h->clause)
      break;
    int o = object_kind(&hits->items[k]);
    if (o >= 0 && pair_type(h->c.sub, o) >= 0) {
      before = o;
      if (!passive)
        break;
    }
  }
  if (passive)
    return before >= 0 ? before : after;
  return after >= 0 ? after : before;
}

void kgr_event_scan_sentence(kgr_event_scanner *sc, kgr_arena *a, const char *text, size_t start,
                             size_t end, const kgr_range *skip, size_t skip_count,
                             kgr_event_scan *out) {
  memset(out, 0, sizeof *out);
  kgr_event_work *w = sc->work;
  w->lex.count = w->mlex.count = w->hits.count = w->clauses.count = w->triggers.count = 0;
  w->means.count = w->reports.count = w->means_ids.count = 0;
  /* One pass reads each word once for both lexicons. */
  static const kgr_lexicon *const lexes[] = {&kgr_lex_event_triggers, &kgr_lex_means};
  kgr_lex_hit_vec *const lex_hits[] = {&w->lex, &w->mlex};
  kgr_lex_scan_many(sc->a, text + start, end - start, 2, lexes, lex_hits);

  /* Triggers and means from the lexicons, merged in text order; a weapon
   * acts as an act of its own. */
  const kgr_lex_hit_vec *lex = &w->lex, *mlex = &w->mlex;
  hit_vec *hits = &w->hits;
  size_t li = 0, mi = 0, k = 0;
  while (li < lex->count || mi < mlex->count) {
    bool take_means =
        mi < mlex->count && (li >= lex->count || mlex->items[mi].start < lex->items[li].start);
    const kgr_lex_hit *lh = take_means ? &mlex->items[mi++] : &lex->items[li++];
    size_t s = start + lh->start, e = start + lh->end;
    if (overlaps_skip(skip, skip_count, &k, s, e))
      continue; /* "March" in a date */
    hit *h = KGR_VEC_PUSH(sc->a, *hits);
    h->start = s;
    h->end = e;
    kgr_event_entry x = entry_of(sc, lh->entry, take_means);
    h->c = x.c;
    h->weak = x.weak;
    h->passive_act = x.passive_act;
    if (take_means) {
      kgr_range *r = KGR_VEC_PUSH(sc->a, w->means);
      r->start = s;
      r->end = e;
      *KGR_VEC_PUSH(sc->a, w->means_ids) = x.means;
    }
  }
  out->means = w->means.items;
  out->means_ids = w->means_ids.items;
  out->means_count = w->means.count;

  clause_vec *clauses = &w->clauses;
  split_clauses(sc->a, text, start, end, hits, clauses);
  out->clauses = clauses->items;
  out->clause_count = clauses->count;

  /* Per clause: the objects present and where hypotheticals begin. */
  size_t nc = clauses->count;
  uint8_t *objs = kgr_arena_calloc(a, nc);
  /* where in each clause a hypothetical or a norm begins: triggers after
   * it did not happen; before it they are hedged ("protests erupted on 1
   * July over amendments that would have ...") */
  size_t *hypo = kgr_arena_alloc(a, (nc + 1) * sizeof *hypo);
  bool *hedges = kgr_arena_calloc(a, nc + 1);
  for (size_t c = 0; c < nc; c++)
    hypo[c] = (size_t)-1;
  uint8_t *plu = kgr_arena_calloc(a, nc); /* seen "had" in the clause so far */
  bool sentence_protesters = false, modal = false;
  for (size_t i = 0; i < hits->count; i++) {
    const hit *h = &hits->items[i];
    switch (h->c.r) {
    case ROLE_OBJ:
      objs[h->clause] |= (uint8_t)(1u << h->c.sub);
      sentence_protesters |= h->c.sub == OBJ_PROTESTERS;
      break;
    case ROLE_TYPE:
      /* "the protest" is also what force is used against */
      if (h->c.sub == KGR_EVENT_PROTEST) {
        objs[h->clause] |= 1u << OBJ_PROTESTERS;
        sentence_protesters = true;
      }
      break;
    case ROLE_MODAL: /* a norm or a demand: its clause tells nothing */
      hypo[h->clause] = 0;
      modal = true;
      break;
    case ROLE_GENERIC: out->generic = true; break;
    case ROLE_VOICE:
      if (!out->voice)
        out->voice_clause = h->clause;
      out->voice = true;
      break;
    case ROLE_PRONOUN: out->pronoun = true; break;
    case ROLE_NEW_SET: out->new_set = true; break;
    case ROLE_REPORT: {
      kgr_range *r = KGR_VEC_PUSH(sc->a, w->reports);
      r->start = h->start;
      r->end = h->end;
      break;
    }
    case ROLE_LATER: out->later = true; break;
    case ROLE_HYPOTHETICAL:
      /* "May" inside a sentence is a name, not a modal */
      if (h->start > start && kgr_utf8_starts_upper(text + h->start, end - h->start))
        break;
      if (h->start < hypo[h->clause])
        hypo[h->clause] = h->start;
      hedges[h->clause] = true;
      break;
    case ROLE_SAME_DAY:
    case ROLE_NEXT_DAY:
    case ROLE_PREVIOUS_DAY:
      if (out->shift_cue.end == 0) {
        out->same_day = h->c.r == ROLE_SAME_DAY;
        out->day_shift = h->c.r == ROLE_NEXT_DAY ? 1 : h->c.r == ROLE_PREVIOUS_DAY ? -1 : 0;
        out->shift_cue.start = h->start;
        out->shift_cue.end = h->end;
      }
      break;
    default: break;
    }
  }

  /* What each act or type hit makes: its type (-1: nothing), strength and
   * passive voice. A weapon is an act only in a clause with no other act:
   * "police used stun grenades to disperse the crowd" is told by
   * "disperse", "police shot a reporter with a rubber bullet" by "shot". */
  int *type = kgr_arena_alloc(a, (hits->count + 1) * sizeof *type);
  bool *live = kgr_arena_calloc(a, hits->count + 1);
  bool *strong = kgr_arena_calloc(a, hits->count + 1);
  bool *pass = kgr_arena_calloc(a, hits->count + 1);
  uint8_t *clause_act = kgr_arena_calloc(a, nc);
  for (size_t i = 0; i < hits->count; i++) {
    const hit *h = &hits->items[i];
    type[i] = -1;
    if (h->c.r != ROLE_TYPE && h->c.r != ROLE_ACT)
      continue;
    if (denied(text, hits, i, hypo)) {
      out->denied++;
      continue;
    }
    live[i] = true;
    pass[i] = passive_before(text, hits, i) || (h->c.r == ROLE_TYPE && h->passive_act);
    strong[i] = !h->weak;
    if (h->c.r == ROLE_TYPE) {
      type[i] = h->c.sub;
      if (type[i] == KGR_EVENT_FORCE_AGAINST_PROTESTERS)
        clause_act[h->clause] = 1;
      continue;
    }
    if (h->c.sub == ACT_MEANS)
      continue; /* below, once every clause's acts are known */
    int o = pair_object(hits, i, pass[i] || h->passive_act);
    /* An outlet stands for its journalists when nothing else pairs. */
    if (o < 0 && (objs[h->clause] & (1u << OBJ_MEDIA)) && pair_type(h->c.sub, OBJ_JOURNALIST) >= 0)
      o = OBJ_JOURNALIST;
    type[i] = pair_type(h->c.sub, o);
    if (type[i] >= 0 && uses_weapons(h->c.sub))
      clause_act[h->clause] = 1;
  }
  for (size_t i = 0; i < hits->count; i++) {
    const hit *h = &hits->items[i];
    if (h->c.r != ROLE_ACT || h->c.sub != ACT_MEANS || !live[i] || clause_act[h->clause])
      continue;
    int o = pair_object(hits, i, pass[i]);
    /* A weapon used anywhere in a sentence about protesters is force
     * against them, whatever clause names them. */
    if (o < 0 && sentence_protesters)
      o = OBJ_PROTESTERS;
    type[i] = pair_type(ACT_MEANS, o);
    strong[i] = o >= 0; /* a weapon alone is weakly told force */
  }

  trigger_vec *trig = &w->triggers;
  for (size_t i = 0; i < hits->count; i++) {
    const hit *h = &hits->items[i];
    if (h->c.r == ROLE_PLUPERFECT)
      plu[h->clause] = 1;
    if (type[i] < 0)
      continue;
    add_trigger(sc->a, trig, (kgr_event_type)type[i], h, strong[i], pass[i]);
    kgr_trigger *t = &trig->items[trig->count - 1];
    /* "have detained" (a span up to now) and anything after "had" in its
     * clause (what came before the story's time) take no carried day */
    t->perfect = perfect_before(text, hits, i) || plu[h->clause];
    t->needs_victim = h->c.r == ROLE_ACT && h->c.sub == ACT_ASSAULT && type[i] == KGR_EVENT_OTHER;
    t->hedged = hedges[h->clause] && hypo[h->clause] != 0;
  }
  out->triggers = trig->items;
  out->trigger_count = trig->count;
  /* "X condemns the use of force last night, and calls on the
   * authorities to investigate": the demand is one clause; a sentence is
   * a norm or a demand when nothing outside such clauses is told */
  out->general = modal && trig->count == 0;
  out->reports = w->reports.items;
  out->report_count = w->reports.count;
}

size_t kgr_event_clause_at(const kgr_event_scan *scan, size_t pos) {
  size_t lo = 0, hi = scan->clause_count;
  if (hi == 0)
    return 0;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (scan->clauses[mid].start <= pos)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

/* --- Selection ------------------------------------------------------------- */

static bool in_aside(const kgr_event_scan *scan, const kgr_trigger *t) {
  return t->clause < scan->clause_count && scan->clauses[t->clause].aside;
}

size_t kgr_event_select(const kgr_event_scan *scan, const bool *bound, size_t *out) {
  /* The best trigger of each type: strong first, then one with its own
   * date, then the earliest. */
  size_t best[KGR_EVENT_TYPE_COUNT];
  bool present[KGR_EVENT_TYPE_COUNT] = {false};
  bool main_strong = false;
  for (size_t i = 0; i < scan->trigger_count; i++)
    main_strong |= scan->triggers[i].strong && !in_aside(scan, &scan->triggers[i]);
  for (size_t i = 0; i < scan->trigger_count; i++) {
    kgr_event_type t = scan->triggers[i].type;
    /* asides only describe: beside a strong trigger outside them, or as
     * mere nouns ("the Centre, which documented torture"), they tell
     * nothing */
    if ((main_strong || !scan->triggers[i].strong) && in_aside(scan, &scan->triggers[i]))
      continue;
    if (!present[t]) {
      present[t] = true;
      best[t] = i;
      continue;
    }
    const kgr_trigger *b = &scan->triggers[best[t]], *c = &scan->triggers[i];
    if ((c->strong && !b->strong) ||
        (c->strong == b->strong && bound && bound[i] && !bound[best[t]]))
      best[t] = i;
  }
  bool context[KGR_EVENT_TYPE_COUNT] = {false};
  for (int s = 0; s < KGR_EVENT_TYPE_COUNT; s++)
    for (int w = 0; present[s] && w < KGR_EVENT_TYPE_COUNT; w++)
      if (present[w] && w != s && makes_context((kgr_event_type)s, (kgr_event_type)w))
        context[w] = true;

  /* Police dispersing a crowd and the clashes that follow are one
   * happening: the use of force. */
  if (present[KGR_EVENT_FORCE_AGAINST_PROTESTERS])
    present[KGR_EVENT_CLASH] = false;

  bool keep[KGR_EVENT_TYPE_COUNT] = {false};
  size_t kept = 0;
  int primary = -1;
  for (int t = 0; t < KGR_EVENT_TYPE_COUNT; t++) {
    if (!present[t])
      continue;
    const kgr_trigger *b = &scan->triggers[best[t]];
    if (b->strong || (!context[t] && bound && bound[best[t]])) {
      keep[t] = true;
      kept++;
    }
    if (!context[t] && (primary < 0 || kgr_event_priority((kgr_event_type)t) >
                                           kgr_event_priority((kgr_event_type)primary)))
      primary = t;
  }
  if (kept == 0 && primary >= 0 && !scan->denied) {
    keep[primary] = true;
    kept = 1;
  }
  if (keep[KGR_EVENT_STATEMENT] && kept > 1)
    keep[KGR_EVENT_STATEMENT] = false;

  size_t n = 0;
  for (size_t i = 0; i < scan->trigger_count; i++) {
    kgr_event_type t = scan->triggers[i].type;
    if (keep[t] && best[t] == i)
      out[n++] = i;
  }
  return n;
}
