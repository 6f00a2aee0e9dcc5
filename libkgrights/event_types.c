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
  ROLE_CLAUSE,
  ROLE_RELATIVE,
  ROLE_LINK,
  ROLE_SAME_DAY,
  ROLE_NEXT_DAY,
  ROLE_PREVIOUS_DAY
} role;

typedef enum act {
  ACT_ATTACK,
  ACT_HARM,
  ACT_SEIZE,
  ACT_RELEASE,
  ACT_DETAIN,
  ACT_DISPERSE,
  ACT_OBSTRUCT,
  ACT_CLEAR,
  ACT_MEANS, /* a weapon named in the clause (lex_means) */
  ACT_COUNT
} act;

typedef enum obj {
  OBJ_JOURNALIST,
  OBJ_HEALTH,
  OBJ_BUILDING,
  OBJ_PRISONER,
  OBJ_PROTESTERS,
  OBJ_MEDIA, /* an outlet: a journalist object when nothing else pairs */
  OBJ_COUNT
} obj;

static const char *const act_tags[ACT_COUNT] = {"act:attack",   "act:harm",   "act:seize",
                                                "act:release",  "act:detain", "act:disperse",
                                                "act:obstruct", "act:clear",  NULL};
static const char *const obj_tags[OBJ_COUNT] = {"obj:journalist", "obj:health",     "obj:building",
                                                "obj:prisoner",   "obj:protesters", "obj:media"};

/* What each act makes with each object in its clause (OTHER: nothing). */
static const kgr_event_type pairs[ACT_COUNT][OBJ_COUNT] = {
    [ACT_ATTACK] = {KGR_EVENT_ATTACK_ON_JOURNALIST, KGR_EVENT_ATTACK_ON_HEALTH_WORKERS,
                    KGR_EVENT_OTHER, KGR_EVENT_OTHER, KGR_EVENT_FORCE_AGAINST_PROTESTERS},
    [ACT_HARM] = {KGR_EVENT_ATTACK_ON_JOURNALIST, KGR_EVENT_ATTACK_ON_HEALTH_WORKERS},
    [ACT_SEIZE] = {KGR_EVENT_OTHER, KGR_EVENT_ATTACK_ON_HEALTH_WORKERS,
                   KGR_EVENT_SEIZURE_OF_BUILDING},
    [ACT_RELEASE] = {KGR_EVENT_OTHER, KGR_EVENT_OTHER, KGR_EVENT_OTHER, KGR_EVENT_PRISONER_RELEASE},
    [ACT_DETAIN] = {KGR_EVENT_ATTACK_ON_JOURNALIST, KGR_EVENT_ATTACK_ON_HEALTH_WORKERS},
    [ACT_DISPERSE] = {KGR_EVENT_ATTACK_ON_JOURNALIST, KGR_EVENT_OTHER, KGR_EVENT_OTHER,
                      KGR_EVENT_OTHER, KGR_EVENT_FORCE_AGAINST_PROTESTERS},
    [ACT_OBSTRUCT] = {KGR_EVENT_ATTACK_ON_JOURNALIST, KGR_EVENT_ATTACK_ON_HEALTH_WORKERS},
    [ACT_CLEAR] = {[OBJ_PROTESTERS] = KGR_EVENT_FORCE_AGAINST_PROTESTERS},
    [ACT_MEANS] = {KGR_EVENT_ATTACK_ON_JOURNALIST, KGR_EVENT_OTHER, KGR_EVENT_OTHER,
                   KGR_EVENT_OTHER, KGR_EVENT_FORCE_AGAINST_PROTESTERS},
};

/* What an act makes with no object: "police detained 40 people" is an
 * arrest, "police dispersed the rally" a use of force. */
static const kgr_event_type alone[ACT_COUNT] = {
    [ACT_DETAIN] = KGR_EVENT_ARREST,
    [ACT_DISPERSE] = KGR_EVENT_FORCE_AGAINST_PROTESTERS,
    [ACT_MEANS] = KGR_EVENT_FORCE_AGAINST_PROTESTERS, /* weak: see below */
};

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
  case KGR_EVENT_FORCE_AGAINST_PROTESTERS:
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
      {"@clause", ROLE_CLAUSE},
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
    if (n && classify(e->tag).r == ROLE_LINK) {
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
static bool denied(const char *text, const hit_vec *hits, size_t i, const uint8_t *hypothetical) {
  const hit *t = &hits->items[i];
  if (hypothetical[t->clause])
    return true;
  /* Look back over the cues of the same clause, a bounded number of hits. */
  for (size_t k = i, steps = 0; k-- > 0 && steps < 8; steps++) {
    const hit *c = &hits->items[k];
    if (c->clause != t->clause)
      break;
    size_t gap = kgr_count_words(text, c->end, t->start);
    if (c->c.r == ROLE_INTENT && gap <= INTENT_REACH)
      return true;
    if (c->c.r == ROLE_NEGATION && gap <= NEGATION_REACH)
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
    if (c->c.r == ROLE_PASSIVE && kgr_count_words(text, c->end, t->start) <= PASSIVE_REACH)
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
    if (o >= 0 && pairs[h->c.sub][o] != KGR_EVENT_OTHER) {
      after = o;
      break;
    }
  }
  for (size_t k = i, steps = 0; k-- > 0 && steps < PAIR_REACH; steps++) {
    if (hits->items[k].clause != h->clause)
      break;
    int o = object_kind(&hits->items[k]);
    if (o >= 0 && pairs[h->c.sub][o] != KGR_EVENT_OTHER) {
      before = o;
      break;
    }
  }
  if (passive)
    return before >= 0 ? before : after;
  return after >= 0 ? after : before;
}

void kgr_event_scan_sentence(kgr_arena *a, const char *text, size_t start, size_t end,
                             const kgr_range *skip, size_t skip_count, kgr_event_scan *out) {
  memset(out, 0, sizeof *out);
  kgr_lex_hit_vec lex = {0};
  kgr_lex_scan(&kgr_lex_event_triggers, a, text + start, end - start, &lex);
  kgr_lex_hit_vec mlex = {0};
  kgr_lex_scan(&kgr_lex_means, a, text + start, end - start, &mlex);

  /* Triggers and means from the lexicons, merged in text order; a weapon
   * acts as an act of its own. */
  hit_vec hits = {0};
  size_t li = 0, mi = 0, k = 0;
  KGR_VEC(kgr_range) means = {0};
  KGR_VEC(kgr_means) means_ids = {0};
  while (li < lex.count || mi < mlex.count) {
    bool take_means =
        mi < mlex.count && (li >= lex.count || mlex.items[mi].start < lex.items[li].start);
    const kgr_lex_hit *lh = take_means ? &mlex.items[mi++] : &lex.items[li++];
    size_t s = start + lh->start, e = start + lh->end;
    if (overlaps_skip(skip, skip_count, &k, s, e))
      continue; /* "March" in a date */
    hit *h = KGR_VEC_PUSH(a, hits);
    h->start = s;
    h->end = e;
    if (take_means) {
      h->c.r = ROLE_ACT;
      h->c.sub = ACT_MEANS;
      kgr_range *r = KGR_VEC_PUSH(a, means);
      r->start = s;
      r->end = e;
      *KGR_VEC_PUSH(a, means_ids) = (kgr_means)means_of(lh->entry->tag);
    } else {
      h->c = classify(lh->entry->tag);
      h->weak = strcmp(lh->entry->extra, "weak") == 0;
      h->passive_act = strcmp(lh->entry->extra, "passive") == 0;
    }
  }
  out->means = means.items;
  out->means_ids = means_ids.items;
  out->means_count = means.count;

  clause_vec clauses = {0};
  split_clauses(a, text, start, end, &hits, &clauses);
  out->clauses = clauses.items;
  out->clause_count = clauses.count;

  /* Per clause: the objects present and where hypotheticals begin. */
  size_t nc = clauses.count;
  uint8_t *objs = kgr_arena_calloc(a, nc);
  uint8_t *hypo = kgr_arena_calloc(a, nc);
  bool sentence_protesters = false;
  for (size_t i = 0; i < hits.count; i++) {
    const hit *h = &hits.items[i];
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
    case ROLE_MODAL:
    case ROLE_GENERIC: out->general = true; break;
    case ROLE_LATER: out->later = true; break;
    case ROLE_HYPOTHETICAL:
      /* "May" inside a sentence is a name, not a modal */
      if (h->start > start && kgr_utf8_starts_upper(text + h->start, end - h->start))
        break;
      hypo[h->clause] = 1;
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

  trigger_vec trig = {0};
  for (size_t i = 0; i < hits.count; i++) {
    const hit *h = &hits.items[i];
    if (h->c.r != ROLE_TYPE && h->c.r != ROLE_ACT)
      continue;
    if (denied(text, &hits, i, hypo)) {
      out->denied++;
      continue;
    }
    bool passive = passive_before(text, &hits, i);
    if (h->c.r == ROLE_TYPE) {
      add_trigger(a, &trig, (kgr_event_type)h->c.sub, h, !h->weak, passive);
      continue;
    }
    int o = pair_object(&hits, i, passive || h->passive_act);
    /* A weapon used anywhere in a sentence about protesters is force
     * against them, whatever clause names them. */
    if (o < 0 && h->c.sub == ACT_MEANS && sentence_protesters)
      o = OBJ_PROTESTERS;
    /* An outlet stands for its journalists when nothing else pairs. */
    if (o < 0 && (objs[h->clause] & (1u << OBJ_MEDIA)) &&
        pairs[h->c.sub][OBJ_JOURNALIST] != KGR_EVENT_OTHER)
      o = OBJ_JOURNALIST;
    if (o >= 0)
      add_trigger(a, &trig, pairs[h->c.sub][o], h, !h->weak, passive);
    else if (alone[h->c.sub] != KGR_EVENT_OTHER) /* a weapon alone is weakly told force */
      add_trigger(a, &trig, alone[h->c.sub], h, !h->weak && h->c.sub != ACT_MEANS, passive);
  }
  out->triggers = trig.items;
  out->trigger_count = trig.count;
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

size_t kgr_event_select(const kgr_event_scan *scan, const bool *bound, size_t *out) {
  /* The best trigger of each type: strong first, then one with its own
   * date, then the earliest. */
  size_t best[KGR_EVENT_TYPE_COUNT];
  bool present[KGR_EVENT_TYPE_COUNT] = {false};
  for (size_t i = 0; i < scan->trigger_count; i++) {
    kgr_event_type t = scan->triggers[i].type;
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
