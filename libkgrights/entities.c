/*
 * entities.c - the entities stage: runs the person, organisation and place
 * recognizers over every sentence, keeps the registry they record into,
 * de-duplicates what they found and fills doc->persons, doc->organizations
 * and doc->places, each in order of first mention.
 *
 * Two passes: the first finds entities by evidence (a role before a name, a
 * gazetteer city, an organisation word); the second finds the later (and
 * earlier) bare mentions of the names the first pass learnt ("Atambayev",
 * "CPJ"). Sentences inside signatory lists and footnotes are skipped: the
 * one lists signatories, the other URLs.
 */
#include "entities.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity_scan.h"
#include "organizations.h"
#include "persons.h"
#include "places.h"
#include "utf8.h"

#define FOLD_MAX 256
#define AMBIGUOUS (SIZE_MAX - 1)
#define MAX_SPELLINGS 8 /* places of one gazetteer entry compared */
#define TOKENS_KEPT ((size_t)1 << 20) /* bytes of tokens kept between passes */
#define WORD_CACHE_MIN_BITS 8
#define WORD_CACHE_MAX_BITS 14 /* 16384 slots, 640 KiB */

/* --- A string -> index map (open addressing, in the arena) -------------- */

typedef struct ent_map {
  kgr_str *keys;
  size_t *vals;
  size_t cap, count;
} ent_map;

static uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

static size_t map_get(const ent_map *m, const char *k, size_t n) {
  if (!m->cap)
    return SIZE_MAX;
  size_t i = (size_t)hash_bytes(k, n) & (m->cap - 1);
  while (m->keys[i].ptr) {
    if (m->keys[i].len == n && memcmp(m->keys[i].ptr, k, n) == 0)
      return m->vals[i];
    i = (i + 1) & (m->cap - 1);
  }
  return SIZE_MAX;
}

static void map_put(kgr_arena *a, ent_map *m, kgr_str key, size_t v);

static void map_grow(kgr_arena *a, ent_map *m) {
  ent_map old = *m;
  m->cap = old.cap ? old.cap * 2 : 64;
  m->count = 0;
  m->keys = kgr_arena_calloc(a, m->cap * sizeof *m->keys);
  m->vals = kgr_arena_calloc(a, m->cap * sizeof *m->vals);
  for (size_t i = 0; i < old.cap; i++)
    if (old.keys[i].ptr)
      map_put(a, m, old.keys[i], old.vals[i]);
}

/* Insert or overwrite. */
static void map_put(kgr_arena *a, ent_map *m, kgr_str key, size_t v) {
  if ((m->count + 1) * 2 > m->cap)
    map_grow(a, m);
  size_t i = (size_t)hash_bytes(key.ptr, key.len) & (m->cap - 1);
  while (m->keys[i].ptr) {
    if (m->keys[i].len == key.len && memcmp(m->keys[i].ptr, key.ptr, key.len) == 0) {
      m->vals[i] = v;
      return;
    }
    i = (i + 1) & (m->cap - 1);
  }
  m->keys[i] = key;
  m->vals[i] = v;
  m->count++;
}

/* Folding as kgr_ent_fold() does, into a buffer of FOLD_MAX, in steps:
 * the fold of text[0, m) is the start of the fold of text[0, n) for any
 * m <= n, but for a leading "the ", which only a text of more than four
 * bytes drops. */
typedef struct fold_state {
  size_t i, len; /* bytes read, bytes written (SIZE_MAX: too long) */
  bool space;    /* a space read since the last byte written */
} fold_state;

/* Start folding text[0, n). */
static fold_state fold_start(const char *text, size_t n) {
  fold_state f = {0, 0, false};
  if (n > 4 && kgr_ascii_istarts(text, n, "the "))
    f.i = 4;
  return f;
}

/* Fold on up to byte n of text (never inside a character); returns the
 * length written so far, or SIZE_MAX if too long. */
static size_t fold_more(char *buf, fold_state *f, const char *text, size_t n) {
  size_t len = f->len, i = f->i;
  bool space = f->space;
  if (len == SIZE_MAX)
    return len;
  for (; i < n; i++) {
    unsigned char ch = (unsigned char)text[i];
    if (ch > ' ' && ch < 0x80 && !space && len + 2 < FOLD_MAX) { /* most bytes */
      buf[len++] = (char)kgr_ascii_lower(ch);
      continue;
    }
    if (kgr_is_space(ch)) {
      space = true;
      continue;
    }
    if (len + 2 >= FOLD_MAX) {
      len = SIZE_MAX;
      break;
    }
    if (space && len)
      buf[len++] = ' ';
    space = false;
    if (ch == 0xE2 && i + 2 < n && (unsigned char)text[i + 1] == 0x80 &&
        ((unsigned char)text[i + 2] == 0x98 || (unsigned char)text[i + 2] == 0x99)) {
      buf[len++] = '\'';
      i += 2;
      continue;
    }
    if (ch == 0xE2 && i + 2 < n && (unsigned char)text[i + 1] == 0x80 &&
        ((unsigned char)text[i + 2] == 0x9C || (unsigned char)text[i + 2] == 0x9D)) {
      buf[len++] = '"'; /* “Viasna” is "Viasna" */
      i += 2;
      continue;
    }
    if (ch == 0xC2 && i + 1 < n &&
        ((unsigned char)text[i + 1] == 0xAB || (unsigned char)text[i + 1] == 0xBB)) {
      buf[len++] = '"'; /* «Viasna» too */
      i += 1;
      continue;
    }
    buf[len++] = (char)kgr_ascii_lower(ch);
  }
  *f = (fold_state){i, len, space};
  return len;
}

/* Fold text[0, n) as kgr_ent_fold() does, into buf; SIZE_MAX if too long. */
static size_t fold_into(char *buf, const char *text, size_t n) {
  fold_state f = fold_start(text, n);
  return fold_more(buf, &f, text, n);
}

static size_t map_get_text(const ent_map *m, const char *text, size_t n) {
  char buf[FOLD_MAX];
  size_t len = fold_into(buf, text, n);
  return len == SIZE_MAX ? SIZE_MAX : map_get(m, buf, len);
}

/* --- The registry -------------------------------------------------------- */

typedef struct ent_person {
  kgr_str name;
  kgr_str_vec roles;
  kgr_str affiliation;
  size_t words;
  size_t merged; /* SIZE_MAX, or the person this one turned out to be */
} ent_person;

typedef struct ent_org {
  kgr_str name, acronym, country;
} ent_org;

typedef struct ent_place {
  kgr_str name;
  const kgr_gaz_entry *entry;
  const kgr_country *territory; /* a territory that is one city: its data */
  kgr_str country;
  size_t same_entry; /* the next place of the same entry, or SIZE_MAX */
} ent_place;

struct kgr_ent_registry {
  kgr_arena *a;   /* the document's: what its records keep */
  kgr_arena *tmp; /* the stage's scratch: everything else */
  KGR_VEC(kgr_entity_mention) mentions;
  KGR_VEC(ent_person) persons;
  KGR_VEC(ent_org) orgs;
  KGR_VEC(ent_place) places;
  ent_map person_names, surnames, org_names, excluded, place_keys, lower_words;
  ent_map name_prefixes; /* the first two or more words of longer names */
  /* Text read without a mention (acronyms, the issuer's name), kept for
   * the second pass. */
  KGR_VEC(kgr_entity_mention) held;
  bool holding;
  /* The current sentence: which of its bytes are inside a mention. */
  uint8_t *taken;
  size_t taken_base, taken_len;
};

/* The part of [start, end) inside the current sentence, as offsets into
 * r->taken: false when none of it is. */
static bool clip(const kgr_ent_registry *r, size_t start, size_t end, size_t *lo, size_t *hi) {
  size_t sentence_end = r->taken_base + r->taken_len;
  *lo = (start > r->taken_base ? start : r->taken_base) - r->taken_base;
  *hi = (end < sentence_end ? end : sentence_end) - r->taken_base;
  return start < sentence_end && end > r->taken_base && *lo < *hi;
}

static void mark(kgr_ent_registry *r, size_t start, size_t end) {
  size_t lo, hi;
  if (clip(r, start, end, &lo, &hi))
    memset(r->taken + lo, 1, hi - lo);
}

void kgr_ent_take(kgr_ent_ctx *c, size_t start, size_t end) {
  kgr_ent_registry *r = c->reg;
  mark(r, start, end);
  if (r->holding) {
    kgr_entity_mention *h = KGR_VEC_PUSH(r->tmp, r->held);
    h->sentence = c->s.index;
    h->start = start;
    h->end = end;
  }
}

bool kgr_ent_free(const kgr_ent_ctx *c, size_t start, size_t end) {
  const kgr_ent_registry *r = c->reg;
  size_t lo, hi; /* taken bytes are 0 or 1 */
  return !clip(r, start, end, &lo, &hi) || !memchr(r->taken + lo, 1, hi - lo);
}

static void add_mention(kgr_ent_ctx *c, kgr_entity_type type, size_t index, size_t start,
                        size_t end) {
  kgr_entity_mention *m = KGR_VEC_PUSH(c->reg->tmp, c->reg->mentions);
  m->type = type;
  m->sentence = c->s.index;
  m->start = start;
  m->end = end;
  m->index = index;
  mark(c->reg, start, end);
}

bool kgr_ent_common_word(const kgr_ent_ctx *c, size_t i) {
  const kgr_etok *t = &c->s.tok[i];
  kgr_word_facts *f = kgr_etok_facts(&c->s, i);
  if (f && f->common)
    return f->common == 2;
  bool common =
      map_get_text(&c->reg->lower_words, c->s.text + t->start, t->end - t->start) != SIZE_MAX;
  if (f)
    f->common = common ? 2 : 1;
  return common;
}

/* The last word of a name: its surname. */
static kgr_str last_word(kgr_str name, size_t *words) {
  size_t i = name.len, n = 1;
  while (i > 0 && name.ptr[i - 1] != ' ')
    i--;
  for (size_t k = 0; k < name.len; k++)
    n += name.ptr[k] == ' ';
  *words = n;
  return (kgr_str){name.ptr + i, name.len - i};
}

static size_t resolve(const kgr_ent_registry *r, size_t p) {
  while (r->persons.items[p].merged != SIZE_MAX)
    p = r->persons.items[p].merged;
  return p;
}

static void add_role(kgr_arena *a, ent_person *p, const char *role) {
  if (!role || !*role)
    return;
  for (size_t i = 0; i < p->roles.count; i++)
    if (strcmp(p->roles.items[i].ptr, role) == 0)
      return;
  *KGR_VEC_PUSH(a, p->roles) = kgr_arena_cstr(a, role);
}

static void register_surname(kgr_ent_registry *r, size_t p) {
  ent_person *x = &r->persons.items[p];
  if (x->words < 2)
    return;
  size_t words;
  kgr_str surname = last_word(x->name, &words);
  kgr_str key = kgr_ent_fold(r->tmp, surname.ptr, surname.len);
  size_t have = map_get(&r->surnames, key.ptr, key.len);
  if (have == SIZE_MAX || have == p)
    map_put(r->tmp, &r->surnames, key, p);
  else if (have != AMBIGUOUS && resolve(r, have) != p)
    map_put(r->tmp, &r->surnames, key, AMBIGUOUS);
}

/* Register the leading words (two or more, not all) of person p's name:
 * "Jimmy Sham" is the "Jimmy Sham Tsz-kit" known already. */
static void register_prefixes(kgr_ent_registry *r, size_t p) {
  const ent_person *x = &r->persons.items[p];
  if (x->words < 3)
    return;
  kgr_str f = kgr_ent_fold(r->tmp, x->name.ptr, x->name.len);
  size_t words = 0;
  for (size_t i = 0; i < f.len; i++) {
    if (f.ptr[i] != ' ' || ++words < 2)
      continue;
    kgr_str key = {f.ptr, i};
    size_t have = map_get(&r->name_prefixes, key.ptr, key.len);
    if (have == SIZE_MAX || have == p)
      map_put(r->tmp, &r->name_prefixes, key, p);
    else if (have != AMBIGUOUS && resolve(r, have) != p)
      map_put(r->tmp, &r->name_prefixes, key, AMBIGUOUS);
  }
}

/* The person whose longer name starts with the folded name buf[0, len),
 * or, when `longer`, who is known by the first words of it ("Jimmy Sham" /
 * "Jimmy Sham Tsz-kit"); SIZE_MAX if none or several. Names of one word
 * are left to surnames. */
static size_t person_by_folded_prefix(const kgr_ent_registry *r, const char *buf, size_t len,
                                      bool longer) {
  if (!memchr(buf, ' ', len))
    return SIZE_MAX;
  size_t p = map_get(&r->name_prefixes, buf, len);
  if (p != SIZE_MAX)
    return p == AMBIGUOUS ? SIZE_MAX : resolve(r, p);
  size_t words = 0;
  for (size_t i = 0; longer && i < len; i++) {
    if (buf[i] != ' ' || ++words < 2)
      continue;
    p = map_get(&r->person_names, buf, i);
    if (p != SIZE_MAX)
      return resolve(r, p);
  }
  return SIZE_MAX;
}

/* The same for the name text[0, n). */
static size_t person_by_prefix(const kgr_ent_registry *r, const char *text, size_t n, bool longer) {
  char buf[FOLD_MAX];
  size_t len = fold_into(buf, text, n);
  return len == SIZE_MAX ? SIZE_MAX : person_by_folded_prefix(r, buf, len, longer);
}

size_t kgr_ent_add_person_as(kgr_ent_ctx *c, size_t start, size_t end, const char *name,
                             size_t name_len, const char *role, size_t aff_start,
                             size_t aff_end) {
  kgr_ent_registry *r = c->reg;
  const char *text = c->s.text + start;
  size_t p = map_get_text(&r->person_names, name, name_len);
  if (p == SIZE_MAX) {
    p = person_by_prefix(r, name, name_len, true);
    if (p != SIZE_MAX)
      map_put(r->tmp, &r->person_names, kgr_ent_fold(r->tmp, name, name_len), p);
  }
  if (p == SIZE_MAX) {
    /* A surname alone names the one person known by it. */
    bool single = memchr(name, ' ', name_len) == NULL;
    size_t sp = single ? map_get_text(&r->surnames, name, name_len) : SIZE_MAX;
    if (sp != SIZE_MAX && sp != AMBIGUOUS) {
      p = resolve(r, sp);
    } else {
      p = r->persons.count;
      ent_person *x = KGR_VEC_PUSH(r->tmp, r->persons);
      x->name = kgr_arena_str(r->a, name, name_len);
      x->merged = SIZE_MAX;
      size_t words;
      last_word(x->name, &words);
      x->words = words;
      map_put(r->tmp, &r->person_names, kgr_ent_fold(r->tmp, name, name_len), p);
      register_surname(r, p);
      register_prefixes(r, p);
    }
  }
  p = resolve(r, p);
  /* "Mahsa (Zhina) Amini" is also found again as written */
  if (end - start != name_len || memcmp(text, name, name_len) != 0)
    if (map_get_text(&r->person_names, text, end - start) == SIZE_MAX)
      map_put(r->tmp, &r->person_names, kgr_ent_fold(r->tmp, text, end - start), p);
  ent_person *x = &r->persons.items[p];
  add_role(r->a, x, role);
  if (aff_end > aff_start && !x->affiliation.ptr)
    x->affiliation = kgr_arena_str(r->a, c->s.text + aff_start, aff_end - aff_start);
  add_mention(c, KGR_ENTITY_PERSON, p, start, end);
  return p;
}

size_t kgr_ent_add_person(kgr_ent_ctx *c, size_t start, size_t end, const char *role,
                          size_t aff_start, size_t aff_end) {
  return kgr_ent_add_person_as(c, start, end, c->s.text + start, end - start, role, aff_start,
                               aff_end);
}

void kgr_ent_person_info(kgr_ent_ctx *c, size_t person, const char *role, size_t aff_start,
                         size_t aff_end) {
  kgr_ent_registry *r = c->reg;
  ent_person *x = &r->persons.items[resolve(r, person)];
  add_role(r->a, x, role);
  if (aff_end > aff_start && !x->affiliation.ptr)
    x->affiliation = kgr_arena_str(r->a, c->s.text + aff_start, aff_end - aff_start);
}

size_t kgr_ent_find_person(const kgr_ent_ctx *c, size_t i, size_t j) {
  const kgr_ent_registry *r = c->reg;
  if (i >= j || j > c->s.n)
    return SIZE_MAX;
  const char *text = c->s.text + c->s.tok[i].start;
  char buf[FOLD_MAX]; /* folded once for the three look-ups */
  size_t len = fold_into(buf, text, c->s.tok[j - 1].end - c->s.tok[i].start);
  if (len == SIZE_MAX)
    return SIZE_MAX;
  size_t p = map_get(&r->person_names, buf, len);
  /* a bare run of capitals that goes on past a known name is something
   * else ("Anna Petrova Street") */
  if (p == SIZE_MAX && j - i > 1)
    p = person_by_folded_prefix(r, buf, len, false);
  if (p == SIZE_MAX && j - i == 1) {
    p = map_get(&r->surnames, buf, len);
    if (p == AMBIGUOUS)
      p = SIZE_MAX;
  }
  return p == SIZE_MAX ? p : resolve(r, p);
}

bool kgr_ent_person_fuller(kgr_ent_ctx *c, size_t person, size_t start, size_t end) {
  kgr_ent_registry *r = c->reg;
  size_t p = resolve(r, person);
  ent_person *x = &r->persons.items[p];
  if (x->words != 1)
    return false;
  const char *text = c->s.text + start;
  x->name = kgr_arena_str(r->a, text, end - start);
  size_t words;
  last_word(x->name, &words);
  x->words = words;
  map_put(r->tmp, &r->person_names, kgr_ent_fold(r->tmp, text, end - start), p);
  register_surname(r, p);
  register_prefixes(r, p);
  add_mention(c, KGR_ENTITY_PERSON, p, start, end);
  return true;
}

void kgr_ent_person_mention(kgr_ent_ctx *c, size_t person, size_t start, size_t end) {
  add_mention(c, KGR_ENTITY_PERSON, resolve(c->reg, person), start, end);
}

/* "Supreme Court of Russia" is also "the Supreme Court" later on: the name
 * without its " of <country>" is registered for the same organisation,
 * unless some organisation has that name already. */
static void alias_without_country(kgr_ent_registry *r, const char *text, size_t n, size_t o) {
  for (size_t i = n; i >= 4; i--) {
    if (memcmp(text + i - 4, " of ", 4) != 0)
      continue;
    size_t tail = i;
    if (n - tail > 4 && kgr_ascii_istarts(text + tail, n - tail, "the "))
      tail += 4;
    bool is_name = false;
    if (!kgr_country_lookup(text + tail, n - tail, &is_name) || !is_name)
      return;
    if (map_get_text(&r->org_names, text, i - 4) == SIZE_MAX)
      map_put(r->tmp, &r->org_names, kgr_ent_fold(r->tmp, text, i - 4), o);
    return;
  }
}

size_t kgr_ent_add_org(kgr_ent_ctx *c, size_t start, size_t end, const char *acronym,
                       size_t acronym_len, const char *country) {
  kgr_ent_registry *r = c->reg;
  const char *text = c->s.text + start;
  if (map_get_text(&r->excluded, text, end - start) != SIZE_MAX ||
      (acronym && map_get_text(&r->excluded, acronym, acronym_len) != SIZE_MAX)) {
    kgr_ent_take(c, start, end);
    return SIZE_MAX;
  }
  size_t o = map_get_text(&r->org_names, text, end - start);
  if (o == SIZE_MAX) {
    o = r->orgs.count;
    ent_org *x = KGR_VEC_PUSH(r->tmp, r->orgs);
    x->name = kgr_arena_str(r->a, text, end - start);
    x->country = kgr_arena_cstr(r->a, country);
    map_put(r->tmp, &r->org_names, kgr_ent_fold(r->tmp, text, end - start), o);
    alias_without_country(r, text, end - start, o);
  }
  ent_org *x = &r->orgs.items[o];
  if (acronym && !x->acronym.ptr) {
    x->acronym = kgr_arena_str(r->a, acronym, acronym_len);
    if (map_get_text(&r->org_names, acronym, acronym_len) == SIZE_MAX)
      map_put(r->tmp, &r->org_names, kgr_ent_fold(r->tmp, acronym, acronym_len), o);
  }
  add_mention(c, KGR_ENTITY_ORGANIZATION, o, start, end);
  return o;
}

size_t kgr_ent_find_org(const kgr_ent_ctx *c, size_t i, size_t j) {
  if (i >= j || j > c->s.n)
    return SIZE_MAX;
  return map_get_text(&c->reg->org_names, c->s.text + c->s.tok[i].start,
                      c->s.tok[j - 1].end - c->s.tok[i].start);
}

size_t kgr_ent_find_org_run(const kgr_ent_ctx *c, size_t i, size_t j, size_t *end) {
  enum { RUN_MAX = 16 };
  const kgr_ent_sent *s = &c->s;
  const ent_map *names = &c->reg->org_names;
  const char *text = s->text + (i < j ? s->tok[i].start : 0);
  /* Fold the whole run once, noting where each shorter run's fold ends. */
  char buf[FOLD_MAX];
  size_t lens[RUN_MAX + 1];
  bool stepped = i < j && j - i <= RUN_MAX;
  if (stepped) {
    fold_state f = fold_start(text, s->tok[j - 1].end - s->tok[i].start);
    for (size_t e = i + 1; e <= j; e++)
      lens[e - i] = fold_more(buf, &f, text, s->tok[e - 1].end - s->tok[i].start);
  }
  for (size_t e = j; e > i; e--) {
    size_t n = s->tok[e - 1].end - s->tok[i].start, o;
    if (stepped && n > 4) /* (a shorter one keeps a leading "the") */
      o = lens[e - i] == SIZE_MAX ? SIZE_MAX : map_get(names, buf, lens[e - i]);
    else
      o = map_get_text(names, text, n);
    if (o != SIZE_MAX && kgr_ent_free(c, s->tok[i].start, s->tok[e - 1].end)) {
      *end = e;
      return o;
    }
  }
  return SIZE_MAX;
}

void kgr_ent_org_mention(kgr_ent_ctx *c, size_t org, size_t start, size_t end) {
  add_mention(c, KGR_ENTITY_ORGANIZATION, org, start, end);
}

/* The folded place name f without the words after its core: "osh
 * region" and "osh oblast" are "osh", "gorno-badakhshan autonomous region"
 * is "gorno-badakhshan" (lex_region_suffixes, lex_place_types). */
static kgr_str place_core(kgr_str f) {
  for (int k = 0; k < 3; k++) {
    const char *sp = NULL;
    for (size_t i = f.len; i-- > 0;)
      if (f.ptr[i] == ' ') {
        sp = f.ptr + i;
        break;
      }
    if (!sp)
      return f;
    const char *w = sp + 1;
    size_t wl = (size_t)(f.ptr + f.len - w);
    const kgr_lex_entry *t = kgr_lex_lookup(&kgr_lex_place_types, w, wl);
    if (!kgr_lex_lookup(&kgr_lex_region_suffixes, w, wl) &&
        !(t && strcmp(t->tag, "territory") != 0) && !kgr_ascii_ieq(w, wl, "autonomous"))
      return f;
    f.len = (size_t)(sp - f.ptr);
  }
  return f;
}

/* Does the folded name a begin or end the folded name b, word for word
 * ("petersburg" and "st. petersburg", "cali" and "santiago de cali")? */
static bool part_of(kgr_str a, kgr_str b) {
  if (a.len > b.len)
    return false;
  bool head = memcmp(b.ptr, a.ptr, a.len) == 0 && (a.len == b.len || b.ptr[a.len] == ' ');
  bool tail = memcmp(b.ptr + b.len - a.len, a.ptr, a.len) == 0 &&
              (a.len == b.len || b.ptr[b.len - a.len - 1] == ' ');
  return head || tail;
}

static size_t new_place(kgr_ent_registry *r, const char *text, size_t n,
                        const kgr_gaz_entry *entry, const char *country) {
  size_t p = r->places.count;
  ent_place *x = KGR_VEC_PUSH(r->tmp, r->places);
  x->name = kgr_arena_str(r->a, text, n);
  x->entry = entry;
  x->country = kgr_arena_cstr(r->a, country);
  x->same_entry = SIZE_MAX;
  return p;
}

size_t kgr_ent_add_place(kgr_ent_ctx *c, size_t start, size_t end, const kgr_gaz_entry *entry,
                         const char *country) {
  kgr_ent_registry *r = c->reg;
  const char *text = c->s.text + start;
  char buf[FOLD_MAX];
  size_t len = fold_into(buf, text, end - start);
  if (len == SIZE_MAX)
    len = FOLD_MAX - 2;
  /* A gazetteer entry written one way is one place. Written another way
   * it is another place - a district that the gazetteer points to its
   * city ("Mong Kok", "Causeway Bay": Hong Kong), or a second spelling -
   * unless one way begins or ends the other, words like "Region" aside
   * ("Petersburg", "St. Petersburg"; "Osh", "Osh oblast"). A named place
   * is its name in its country. */
  kgr_buf key = {0};
  char id[sizeof entry + 2]; /* "g", the entry's address as bytes, ":": a key
                                only compared for equality */
  size_t n = sizeof id;
  id[0] = 'g';
  memcpy(id + 1, &entry, sizeof entry);
  id[n - 1] = ':';
  if (entry) {
    kgr_buf_append(r->tmp, &key, id, n);
  } else {
    const char *in = country ? country : "-";
    kgr_buf_append(r->tmp, &key, "n:", 2);
    kgr_buf_append(r->tmp, &key, in, strlen(in));
    kgr_buf_append(r->tmp, &key, ":", 1);
  }
  kgr_buf_append(r->tmp, &key, buf, len);
  kgr_str k = kgr_buf_str(r->tmp, &key);
  size_t p = map_get(&r->place_keys, k.ptr, k.len);
  if (p == SIZE_MAX && entry) {
    kgr_str first = {id, n}; /* the entry's key alone: its first place */
    size_t q = map_get(&r->place_keys, first.ptr, first.len);
    kgr_str mine = place_core((kgr_str){buf, len});
    for (size_t hops = 0; q != SIZE_MAX && hops < MAX_SPELLINGS; hops++) {
      ent_place *x = &r->places.items[q];
      kgr_str theirs = place_core(kgr_ent_fold(r->tmp, x->name.ptr, x->name.len));
      if (part_of(mine, theirs) || part_of(theirs, mine)) {
        p = q;
        break;
      }
      if (x->same_entry == SIZE_MAX) {
        p = new_place(r, text, end - start, entry, country);
        r->places.items[q].same_entry = p;
        break;
      }
      q = x->same_entry;
    }
    if (q == SIZE_MAX) {
      p = new_place(r, text, end - start, entry, country);
      map_put(r->tmp, &r->place_keys, kgr_arena_str(r->tmp, first.ptr, first.len), p);
    }
  }
  if (p == SIZE_MAX)
    p = new_place(r, text, end - start, entry, country);
  map_put(r->tmp, &r->place_keys, k, p);
  add_mention(c, KGR_ENTITY_PLACE, p, start, end);
  return p;
}

size_t kgr_ent_add_territory(kgr_ent_ctx *c, size_t start, size_t end, const kgr_country *co) {
  kgr_ent_registry *r = c->reg;
  char id[8];
  int n = snprintf(id, sizeof id, "t:%.2s", co->alpha2);
  kgr_str k = kgr_arena_str(r->tmp, id, n > 0 ? (size_t)n : 0);
  size_t p = map_get(&r->place_keys, k.ptr, k.len);
  if (p == SIZE_MAX) {
    p = new_place(r, c->s.text + start, end - start, NULL, co->alpha2);
    r->places.items[p].territory = co;
    map_put(r->tmp, &r->place_keys, k, p);
  }
  add_mention(c, KGR_ENTITY_PLACE, p, start, end);
  return p;
}

/* --- The stage ------------------------------------------------------------ */

/* What the passes need to know of each sentence before cutting it into
 * tokens. */
typedef struct sent_info {
  size_t width;        /* kgr_block_wrap_width() of its block */
  size_t first, count; /* its tokens in the kept ones, if `kept` */
  bool skip;           /* in a footnote or a signatory list, or empty */
  bool kept;           /* its tokens are kept between passes */
  bool title_case;     /* see title_case() */
} sent_info;

/* Does the sentence overlap a signatory? Signatories are in document
 * order, so one cursor walks them once. */
static bool in_signatories(const kgr_doc *doc, kgr_span sp, size_t *cursor) {
  const kgr_signatory_vec *v = &doc->signatories;
  while (*cursor < v->count && v->items[*cursor].span.end <= sp.start)
    (*cursor)++;
  for (size_t i = *cursor; i < v->count && v->items[i].span.start < sp.end; i++)
    if (v->items[i].span.end > sp.start)
      return true;
  return false;
}

/* Is the sentence of tokens tok[0, n) in block b a heading or a title
 * ("Kyrgyzstan: Civil Society Appeals for ...")? Mostly capitalised words
 * and no full stop, unlike a sentence that merely names many people. */
static bool title_case(const kgr_block *b, const kgr_etok *tok, size_t n) {
  if (b->kind == KGR_BLOCK_HEADING)
    return true;
  size_t words = 0, caps = 0;
  for (size_t i = 0; i < n; i++) {
    if (tok[i].kind != KGR_ETOK_WORD)
      continue;
    words++;
    caps += tok[i].cap;
  }
  bool stop = n > 0 && tok[n - 1].kind == KGR_ETOK_PUNCT && tok[n - 1].cp == '.';
  return words >= 4 && caps * 4 >= words * 3 && !stop;
}

static void set_sentence(kgr_ent_ctx *c, size_t si, const sent_info *in, kgr_etok *tok, size_t n) {
  const kgr_sentence *s = &c->lay->sentences[si];
  const kgr_block *b = &c->lay->blocks[s->block];
  c->s.index = si;
  c->s.text = b->text;
  c->s.start = s->start;
  c->s.end = s->end;
  c->s.tok = tok;
  c->s.n = n;
  c->s.all_caps = b->all_caps;
  c->s.title_case = in->title_case;
  kgr_ent_registry *r = c->reg;
  r->taken_base = s->start;
  r->taken_len = s->end - s->start;
  memset(r->taken, 0, r->taken_len);
}

/* The tokens of the sentences. The passes read every sentence three
 * times: the tokens of the first sentences are kept for the later passes,
 * as long as they fit in TOKENS_KEPT bytes; the other sentences are cut
 * again in each pass, into one reused vector. Tokens for the whole of a
 * long document would be many times its size. */
typedef struct sent_tokens {
  kgr_etok_vec kept;    /* reserved once, never grows */
  kgr_etok_vec scratch; /* for the sentences not kept; never grows */
  size_t scratch_of;    /* the sentence in scratch, or SIZE_MAX */
} sent_tokens;

/* Make sentence si the current one, cutting it into tokens unless they
 * are kept; in the first pass, keep them if they fit. */
static void load_sentence(kgr_ent_ctx *c, size_t si, sent_info *info, sent_tokens *st,
                          bool first_pass) {
  const kgr_sentence *s = &c->lay->sentences[si];
  const kgr_block *b = &c->lay->blocks[s->block];
  sent_info *in = &info[si];
  if (first_pass && st->kept.cap - st->kept.count > s->end - s->start) {
    in->kept = true; /* no more tokens than bytes: they fit */
    in->first = st->kept.count;
    kgr_etok_split(c->reg->tmp, b->text, s->start, s->end, &st->kept);
    in->count = st->kept.count - in->first;
    kgr_etok_mark_fields(b, in->width, st->kept.items + in->first, in->count);
  }
  kgr_etok *tok = st->kept.items + in->first;
  size_t n = in->count;
  if (!in->kept) {
    if (st->scratch_of != si) { /* (a document of one long sentence is cut once) */
      st->scratch.count = 0;
      kgr_etok_split(c->reg->tmp, b->text, s->start, s->end, &st->scratch);
      kgr_etok_mark_fields(b, in->width, st->scratch.items, st->scratch.count);
      st->scratch_of = si;
    }
    tok = st->scratch.items;
    n = st->scratch.count;
  }
  if (first_pass)
    in->title_case = title_case(b, tok, n);
  set_sentence(c, si, in, tok, n);
}

/* Keep the issuer or a signatory called `name` out of the organisations,
 * also by the first words of its name ("Viasna" for "Viasna Human Rights
 * Centre"). */
static void exclude(kgr_ent_registry *r, kgr_str name) {
  if (!name.ptr || !name.len)
    return;
  kgr_str f = kgr_ent_fold(r->tmp, name.ptr, name.len);
  map_put(r->tmp, &r->excluded, f, 1);
  for (size_t i = 0; i < f.len; i++)
    if (f.ptr[i] == ' ')
      map_put(r->tmp, &r->excluded, (kgr_str){f.ptr, i}, 1);
}

/* Remember the lower-case words of the current sentence (kgr_ent_common_word). */
static void learn_lower_words(kgr_ent_ctx *c) {
  kgr_ent_registry *r = c->reg;
  for (size_t i = 0; i < c->s.n; i++) {
    const kgr_etok *t = &c->s.tok[i];
    if (t->kind != KGR_ETOK_WORD || !kgr_is_lower(t->cp))
      continue;
    /* A spelling learnt once is a common word for good: no need to fold
     * it again. */
    kgr_word_facts *f = kgr_etok_facts(&c->s, i);
    if (f && f->common == 2)
      continue;
    char buf[FOLD_MAX];
    size_t len = fold_into(buf, c->s.text + t->start, t->end - t->start);
    if (len == SIZE_MAX) /* a word too long to fold is never looked up */
      continue;
    if (map_get(&r->lower_words, buf, len) == SIZE_MAX)
      map_put(r->tmp, &r->lower_words, kgr_arena_str(r->tmp, buf, len), 1);
    if (f)
      f->common = 2;
  }
}

/* Count the countries the current sentence mentions; keep the one
 * mentioned most often (first to get there) in *best. A hint for
 * ambiguous place names when the header stage found no country. */
static void count_countries(kgr_ent_ctx *c, ent_map *counts, const char **best, size_t *best_n) {
  for (size_t i = 0; i < c->s.n; i++) {
    if (!c->s.tok[i].cap)
      continue;
    const kgr_country *co = NULL;
    bool is_name;
    if (!kgr_country_match(c->s.text, c->s.end, c->s.tok[i].start, &co, &is_name) || !co)
      continue;
    size_t n = map_get(counts, co->alpha2, 2);
    n = n == SIZE_MAX ? 1 : n + 1;
    map_put(c->reg->tmp, counts, (kgr_str){co->alpha2, 2}, n);
    if (n > *best_n) {
      *best_n = n;
      *best = co->alpha2;
    }
  }
}

static int cmp_mention(const void *pa, const void *pb) {
  const kgr_entity_mention *a = pa, *b = pb;
  if (a->sentence != b->sentence)
    return a->sentence < b->sentence ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return 0;
}

/* Persons known only by one word whose surname a fuller name turned out
 * to have ("President Atambayev", later "Almazbek Atambayev") are that
 * person. */
static void merge_surnames(kgr_ent_registry *r) {
  for (size_t p = 0; p < r->persons.count; p++) {
    ent_person *x = &r->persons.items[p];
    if (x->words != 1 || x->merged != SIZE_MAX)
      continue;
    size_t to = map_get_text(&r->surnames, x->name.ptr, x->name.len);
    if (to == SIZE_MAX || to == AMBIGUOUS || resolve(r, to) == p)
      continue;
    to = resolve(r, to);
    x->merged = to;
    ent_person *y = &r->persons.items[to];
    for (size_t i = 0; i < x->roles.count; i++)
      add_role(r->a, y, x->roles.items[i].ptr);
    if (!y->affiliation.ptr)
      y->affiliation = x->affiliation;
  }
}

/* Number the entities in order of first mention, copy them into the
 * document and point the mentions at the document's records. */
static void publish(kgr_doc *doc, const kgr_layout *lay, kgr_ent_registry *r) {
  kgr_arena *a = &doc->arena;
  size_t np = r->persons.count, no = r->orgs.count, nl = r->places.count;
  size_t *map_p = kgr_arena_alloc(r->tmp, (np + 1) * sizeof *map_p);
  size_t *map_o = kgr_arena_alloc(r->tmp, (no + 1) * sizeof *map_o);
  size_t *map_l = kgr_arena_alloc(r->tmp, (nl + 1) * sizeof *map_l);
  bool *inexact = kgr_arena_calloc(r->tmp, (np + 1) * sizeof *inexact);
  for (size_t i = 0; i < np; i++)
    map_p[i] = SIZE_MAX;
  for (size_t i = 0; i < no; i++)
    map_o[i] = SIZE_MAX;
  for (size_t i = 0; i < nl; i++)
    map_l[i] = SIZE_MAX;
  if (r->mentions.count > 1)
    qsort(r->mentions.items, r->mentions.count, sizeof *r->mentions.items, cmp_mention);
  for (size_t i = 0; i < r->mentions.count; i++) {
    kgr_entity_mention *m = &r->mentions.items[i];
    const kgr_sentence *s = &lay->sentences[m->sentence];
    kgr_span span = kgr_block_span(&lay->blocks[s->block], m->start, m->end);
    if (m->type == KGR_ENTITY_PERSON) {
      size_t p = resolve(r, m->index);
      const ent_person *x = &r->persons.items[p];
      const char *said = lay->blocks[s->block].text + m->start;
      bool exact = m->end - m->start == x->name.len && memcmp(said, x->name.ptr, x->name.len) == 0;
      if (map_p[p] == SIZE_MAX) {
        map_p[p] = doc->persons.count;
        kgr_person *out = KGR_VEC_PUSH(a, doc->persons);
        out->name = x->name;
        out->roles = x->roles.items;
        out->role_count = x->roles.count;
        out->affiliation = x->affiliation;
        out->span = span;
        inexact[p] = !exact;
      } else if (inexact[p] && exact) {
        /* the span of the first mention that reads as the name: "Mahsa
         * Amini", not "Mahsa (Zhina) Amini" */
        doc->persons.items[map_p[p]].span = span;
        inexact[p] = false;
      }
      m->index = map_p[p];
    } else if (m->type == KGR_ENTITY_ORGANIZATION) {
      if (map_o[m->index] == SIZE_MAX) {
        const ent_org *x = &r->orgs.items[m->index];
        map_o[m->index] = doc->organizations.count;
        kgr_organization *out = KGR_VEC_PUSH(a, doc->organizations);
        out->name = x->name;
        out->acronym = x->acronym;
        out->country = x->country;
        out->span = span;
      }
      m->index = map_o[m->index];
    } else {
      if (map_l[m->index] == SIZE_MAX) {
        const ent_place *x = &r->places.items[m->index];
        map_l[m->index] = doc->places.count;
        kgr_place *out = KGR_VEC_PUSH(a, doc->places);
        out->name = x->name;
        out->country = x->country;
        out->admin1 = (kgr_str){NULL, 0};
        out->span = span;
        const kgr_gaz_entry *g = x->entry;
        if (x->territory && x->territory->lat == x->territory->lat) {
          out->lat = x->territory->lat;
          out->lon = x->territory->lon;
          out->has_coordinates = true;
        }
        if (g) {
          if (g->admin1 && *g->admin1)
            out->admin1 = kgr_arena_cstr(a, g->admin1);
          /* NaN marks a place without coordinates. */
          if (g->lat == g->lat && g->lon == g->lon) {
            out->lat = g->lat;
            out->lon = g->lon;
            out->has_coordinates = true;
          }
        }
      }
      m->index = map_l[m->index];
    }
  }
}

/* The stage, with its scratch in tmp; fills out. */
static void read_entities(kgr_doc *doc, const kgr_layout *lay, kgr_arena *tmp, kgr_entities *out) {
  kgr_arena *a = &doc->arena;
  size_t *first = kgr_arena_calloc(a, (lay->sentence_count + 1) * sizeof *first);
  out->sentence_first = first;

  kgr_ent_registry *r = kgr_arena_calloc(tmp, sizeof *r);
  r->a = a;
  r->tmp = tmp;
  kgr_ent_ctx c = {0};
  c.doc = doc;
  c.lay = lay;
  c.reg = r;

  /* Which sentences to read, and their blocks' wrap widths. */
  sent_info *info = kgr_arena_calloc(tmp, (lay->sentence_count + 1) * sizeof *info);
  size_t cursor = 0, longest = 0, text_bytes = 0, width = 0, width_block = SIZE_MAX;
  for (size_t si = 0; si < lay->sentence_count; si++) {
    const kgr_sentence *s = &lay->sentences[si];
    const kgr_block *b = &lay->blocks[s->block];
    kgr_span sp = kgr_block_span(b, s->start, s->end);
    info[si].skip =
        b->kind == KGR_BLOCK_FOOTNOTE || s->end <= s->start || in_signatories(doc, sp, &cursor);
    if (info[si].skip)
      continue;
    if (s->block != width_block) { /* sentences come block by block */
      width_block = s->block;
      width = kgr_block_wrap_width(b);
    }
    info[si].width = width;
    text_bytes += s->end - s->start;
    if (s->end - s->start > longest)
      longest = s->end - s->start;
  }
  r->taken = kgr_arena_calloc(tmp, longest + 1);

  /* Facts of words by spelling, for all passes: about one slot per 32
   * bytes of text, within bounds. */
  kgr_word_cache words;
  unsigned bits = WORD_CACHE_MIN_BITS;
  while (bits < WORD_CACHE_MAX_BITS && ((size_t)1 << bits) * 32 < text_bytes)
    bits++;
  kgr_word_cache_init(tmp, &words, bits);
  c.s.words = &words;

  /* Pass 0: the lower-case words of the document, and, when the header
   * stage found no country, the country mentioned most often. Nothing
   * asks whether a word is common before they are all known. */
  /* A sentence has no more tokens than bytes, and is kept only if that
   * many fit: neither vector grows (their pages are touched only as far
   * as tokens are written). */
  sent_tokens st = {.scratch_of = SIZE_MAX};
  st.kept.cap = text_bytes + 1;
  if (st.kept.cap > TOKENS_KEPT / sizeof *st.kept.items)
    st.kept.cap = TOKENS_KEPT / sizeof *st.kept.items;
  st.kept.items = kgr_arena_alloc(tmp, st.kept.cap * sizeof *st.kept.items);
  st.scratch.cap = longest + 1;
  st.scratch.items = kgr_arena_alloc(tmp, st.scratch.cap * sizeof *st.scratch.items);
  ent_map counts = {0};
  const char *best = NULL;
  size_t best_n = 0;
  for (size_t si = 0; si < lay->sentence_count; si++) {
    if (info[si].skip)
      continue;
    load_sentence(&c, si, info, &st, true);
    learn_lower_words(&c);
    if (!doc->country.ptr)
      count_countries(&c, &counts, &best, &best_n);
  }
  c.country = doc->country.ptr ? doc->country.ptr : best;

  if (doc->has_issuer) {
    exclude(r, doc->issuer.name);
    exclude(r, doc->issuer.acronym);
  }
  for (size_t i = 0; i < doc->signatories.count; i++) {
    exclude(r, doc->signatories.items[i].name);
    exclude(r, doc->signatories.items[i].acronym);
  }

  /* Pass 1: entities by evidence. */
  size_t *pass1_end = kgr_arena_calloc(tmp, (lay->sentence_count + 1) * sizeof *pass1_end);
  size_t *held_first = kgr_arena_calloc(tmp, (lay->sentence_count + 1) * sizeof *held_first);
  r->holding = true;
  for (size_t si = 0; si < lay->sentence_count; si++) {
    if (info[si].skip)
      continue;
    load_sentence(&c, si, info, &st, false);
    size_t before = r->mentions.count;
    held_first[si] = r->held.count;
    kgr_find_persons(&c);
    kgr_find_organizations(&c);
    kgr_find_places(&c);
    first[si] = before;
    pass1_end[si] = r->mentions.count;
  }
  r->holding = false;
  /* Pass 2: bare mentions of the names learnt, anywhere. */
  for (size_t si = 0; si < lay->sentence_count; si++) {
    if (info[si].skip)
      continue;
    load_sentence(&c, si, info, &st, false);
    for (size_t m = first[si]; m < pass1_end[si]; m++)
      mark(r, r->mentions.items[m].start, r->mentions.items[m].end);
    for (size_t h = held_first[si]; h < r->held.count && r->held.items[h].sentence == si; h++)
      mark(r, r->held.items[h].start, r->held.items[h].end);
    kgr_find_person_mentions(&c);
    kgr_find_org_mentions(&c);
  }

  merge_surnames(r);
  publish(doc, lay, r);

  /* sentence_first over the sorted mentions. */
  size_t m = 0;
  for (size_t si = 0; si <= lay->sentence_count; si++) {
    while (m < r->mentions.count && r->mentions.items[m].sentence < si)
      m++;
    first[si] = m;
  }
  out->count = r->mentions.count;
  if (out->count) {
    kgr_entity_mention *keep = kgr_arena_alloc(a, out->count * sizeof *keep);
    memcpy(keep, r->mentions.items, out->count * sizeof *keep);
    out->mentions = keep;
  }
}

typedef struct entities_job {
  kgr_doc *doc;
  const kgr_layout *lay;
  kgr_entities *out;
} entities_job;

static void run_read_entities(void *ctx, kgr_arena *tmp) {
  entities_job *job = ctx;
  read_entities(job->doc, job->lay, tmp, job->out);
}

const kgr_entities *kgr_read_entities(kgr_doc *doc, const kgr_layout *lay) {
  kgr_entities *out = kgr_arena_calloc(&doc->arena, sizeof *out);
  /* The registry, its maps and the tokens go to a scratch arena, so the
   * document keeps only its records. */
  entities_job job = {doc, lay, out};
  kgr_arena_with_scratch(&doc->arena, 1, run_read_entities, &job);
  return out;
}
