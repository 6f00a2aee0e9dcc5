/*
 * corroborate.c - group the events that several documents report about one
 * happening, and reconcile their figures (kgr_corroborate in
 * kgr_corroborate.h).
 *
 * Linking is by shared keys, never by comparing every pair of events: each
 * dated event emits one key per (type family, day, place or victim) and
 * joins, in a union-find, the first event that emitted the same key. The
 * work is linear in the keys, which are bounded by 31 days times the
 * event's places and victims.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corroboration.h"
#include "document.h"
#include "formats.h"
#include "lexicon.h"
#include "tables_internal.h"
#include "utf8.h"

/* Dates spanning more days than this ("in October", "in 2020") are too
 * vague to say two reports describe one happening. */
enum { MAX_LINK_DAYS = 31 };

/* "about 50" allows 20% either way: [40, 60]. */
enum { ABOUT_PERCENT = 20 };

static const kgr_str null_str = {NULL, 0};

/* --- A string-keyed hash map into the result's arena ----------------------- */

typedef struct slot {
  const char *key;
  size_t len;
  uint64_t hash;
  size_t value;
} slot;

typedef struct map {
  slot *slots;
  size_t mask;
} map;

static uint64_t fnv1a(const char *s, size_t n) {
  uint64_t h = 0xcbf29ce484222325u;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 0x100000001b3u;
  }
  return h;
}

/* Room for `expected` keys at most half full. */
static void map_init(kgr_arena *a, map *m, size_t expected) {
  size_t cap = 16;
  while (cap < expected * 2 && cap < SIZE_MAX / 4)
    cap *= 2;
  if (cap > SIZE_MAX / sizeof(slot))
    cap = SIZE_MAX / sizeof(slot); /* the allocation below then fails: KGR_ENOMEM */
  m->slots = kgr_arena_calloc(a, cap * sizeof(slot));
  m->mask = cap - 1;
}

/* Insert key -> value unless present. Returns true and sets *found when
 * the key was there already. */
static bool map_put(kgr_arena *a, map *m, const char *key, size_t len, size_t value,
                    size_t *found) {
  uint64_t h = fnv1a(key, len);
  for (size_t i = (size_t)h & m->mask;; i = (i + 1) & m->mask) {
    slot *s = &m->slots[i];
    if (!s->key) {
      s->key = kgr_arena_str(a, key, len).ptr;
      s->len = len;
      s->hash = h;
      s->value = value;
      return false;
    }
    if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) {
      *found = s->value;
      return true;
    }
  }
}

/* --- Keys ------------------------------------------------------------------- */

static void put_utf8(kgr_arena *a, kgr_buf *b, uint32_t c) {
  char u[4];
  size_t n;
  if (c < 0x80) {
    u[0] = (char)c;
    n = 1;
  } else if (c < 0x800) {
    u[0] = (char)(0xC0 | (c >> 6));
    u[1] = (char)(0x80 | (c & 0x3F));
    n = 2;
  } else if (c < 0x10000) {
    u[0] = (char)(0xE0 | (c >> 12));
    u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    u[2] = (char)(0x80 | (c & 0x3F));
    n = 3;
  } else {
    u[0] = (char)(0xF0 | (c >> 18));
    u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    u[3] = (char)(0x80 | (c & 0x3F));
    n = 4;
  }
  kgr_buf_append(a, b, u, n);
}

/* A name as a key: `prefix`, then the name folded to lower case with each
 * run of spaces as one space ("White  house" and "White House" meet). */
static kgr_str fold_key(kgr_arena *a, const char *prefix, kgr_str s) {
  kgr_buf b = {0};
  kgr_buf_append(a, &b, prefix, strlen(prefix));
  bool space = false;
  for (size_t i = 0; i < s.len;) {
    uint32_t cp;
    size_t k = kgr_utf8_decode(s.ptr + i, s.len - i, &cp);
    if (!k) {
      kgr_buf_putc(a, &b, s.ptr[i]);
      i++;
      continue;
    }
    i += k;
    if (cp < 0x80 && kgr_is_space((unsigned char)cp)) {
      space = true;
      continue;
    }
    if (space && b.len > strlen(prefix))
      kgr_buf_putc(a, &b, ' ');
    space = false;
    put_utf8(a, &b, kgr_lex_fold(cp));
  }
  return kgr_buf_str(a, &b);
}

/* --- Events ----------------------------------------------------------------- */

typedef struct item {
  size_t doc, event;
  const kgr_event *e;
  const char *family;
  int64_t first, last;
  bool has_date;       /* first/last are known */
  bool linkable;       /* dated closely enough to link */
  const kgr_str *keys; /* what it names: "p:place", "v:victim", "c:KG" */
  size_t key_count;
} item;

/* The family of a type: protest, clash... are all "unrest"
 * (lex_event_families.tsv); other types are their own family. */
static const char *family_of(kgr_event_type t) {
  const char *name = kgr_event_type_name(t);
  const kgr_lex_entry *e = kgr_lex_lookup(&kgr_lex_event_families, name, strlen(name));
  return e ? e->tag : name;
}

static void describe(kgr_arena *a, item *it, const kgr_doc *d) {
  const kgr_event *e = it->e;
  it->family = family_of(e->type);
  it->has_date = kgr_fmt_date_range(e->date, &it->first, &it->last);
  it->linkable = it->has_date && it->last - it->first < MAX_LINK_DAYS;
  size_t n = e->place_count + e->victim_count;
  kgr_str *keys = kgr_arena_alloc(a, (n ? n : 1) * sizeof *keys);
  size_t k = 0;
  for (size_t i = 0; i < e->place_count; i++)
    if (e->places[i].name.ptr && e->places[i].name.len)
      keys[k++] = fold_key(a, "p:", e->places[i].name);
  for (size_t i = 0; i < e->victim_count; i++)
    if (e->victims[i].name.ptr && e->victims[i].name.len)
      keys[k++] = fold_key(a, "v:", e->victims[i].name);
  /* Nation-wide events (an annulment, a state of emergency) name no place:
   * the country of the document stands for it. */
  if (k == 0 && d->country.ptr)
    keys[k++] = fold_key(a, "c:", d->country);
  it->keys = keys;
  it->key_count = k;
}

static size_t find(size_t *parent, size_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

static void unite(size_t *parent, size_t x, size_t y) {
  x = find(parent, x);
  y = find(parent, y);
  if (x < y)
    parent[y] = x;
  else if (y < x)
    parent[x] = y;
}

/* --- Figures as claims -------------------------------------------------------- */

static void claim_bounds(const kgr_figure *f, int64_t *lo, int64_t *hi) {
  int64_t v = f->value < 0 ? 0 : f->value;
  const kgr_lex_entry *le = NULL;
  /* "hundreds", "dozens": a range of its own (lex_vague_counts.tsv). */
  if (f->text.ptr && f->text.len &&
      kgr_lex_match(&kgr_lex_vague_counts, f->text.ptr, f->text.len, 0, &le) > 0) {
    *lo = strtoll(le->tag, NULL, 10);
    *hi = strtoll(le->extra, NULL, 10);
    return;
  }
  bool inclusive = f->text.ptr && f->text.len &&
                   kgr_lex_match(&kgr_lex_inclusive_bounds, f->text.ptr, f->text.len, 0, &le) > 0;
  switch (f->qualifier) {
  case KGR_QUAL_OVER:
    *lo = inclusive || v == INT64_MAX ? v : v + 1;
    *hi = KGR_CORR_UNBOUNDED;
    break;
  case KGR_QUAL_UNDER:
    *lo = 0;
    *hi = inclusive || v == 0 ? v : v - 1;
    break;
  case KGR_QUAL_ABOUT: {
    int64_t d = v / (100 / ABOUT_PERCENT) + (v % (100 / ABOUT_PERCENT) != 0);
    *lo = v - d;
    *hi = v > INT64_MAX - d - 1 ? KGR_CORR_UNBOUNDED - 1 : v + d;
    break;
  }
  default: *lo = *hi = v; break;
  }
}

static void reconcile(kgr_corr_figure *f) {
  const kgr_corr_claim *c = f->claims;
  size_t a = 0, b = 0, docs = 0;
  int64_t min_lo = c[0].low, max_hi = c[0].high;
  for (size_t i = 0; i < f->claim_count; i++) {
    if (c[i].high < c[a].high)
      a = i;
    if (c[i].low > c[b].low)
      b = i;
    if (c[i].low < min_lo)
      min_lo = c[i].low;
    if (c[i].high > max_hi)
      max_hi = c[i].high;
    /* Claims come in document order. */
    docs += i == 0 || c[i].doc != c[i - 1].doc;
  }
  f->document_count = docs;
  if (c[b].low <= c[a].high) {
    f->agreement = docs > 1 ? KGR_AGREEMENT_AGREE : KGR_AGREEMENT_SINGLE;
    f->low = c[b].low;
    f->high = c[a].high;
  } else {
    f->agreement = KGR_AGREEMENT_CONFLICT;
    f->low = min_lo;
    f->high = max_hi;
    f->conflict_a = a;
    f->conflict_b = b;
  }
}

/* --- Groups --------------------------------------------------------------------- */

typedef KGR_VEC(kgr_corr_member) member_vec;
typedef KGR_VEC(kgr_corr_claim) claim_vec;
typedef KGR_VEC(kgr_str) str_vec;
typedef KGR_VEC(kgr_event_type) type_vec;
typedef KGR_VEC(kgr_figure_kind) kind_vec;

typedef struct draft {
  member_vec members;
  claim_vec claims;
  kind_vec kinds; /* the kind of each claim */
  str_vec places;
  type_vec types;
  uint32_t type_seen; /* bit t: type t listed */
  int64_t first, last;
  bool dated;
  size_t documents;
  size_t last_doc; /* doc + 1 of the previous member (0: none) */
} draft;

static kgr_str iso_of(kgr_arena *a, int64_t days) {
  char buf[16];
  kgr_fmt_iso(kgr_fmt_from_days(days), buf);
  return kgr_arena_str(a, buf, strlen(buf));
}

static kgr_str copy(kgr_arena *a, kgr_str s) {
  return s.ptr ? kgr_arena_str(a, s.ptr, s.len) : null_str;
}

static void add_member(kgr_arena *a, draft *g, size_t gid, const item *it, const kgr_str *names,
                       map *seen) {
  const kgr_event *e = it->e;
  kgr_corr_member *m = KGR_VEC_PUSH(a, g->members);
  m->doc = it->doc;
  m->doc_name = names[it->doc];
  m->event = it->event;
  m->type = e->type;
  m->date_start = it->has_date ? iso_of(a, it->first) : null_str;
  m->date_end = it->has_date ? iso_of(a, it->last) : null_str;
  m->text = copy(a, e->text);
  m->span = e->span;
  if (g->last_doc != it->doc + 1)
    g->documents++;
  g->last_doc = it->doc + 1;
  if ((unsigned)e->type >= 32u) {
    *KGR_VEC_PUSH(a, g->types) = e->type; /* out of the vocabulary: never merged */
  } else if (!((g->type_seen >> (unsigned)e->type) & 1u)) {
    g->type_seen |= 1u << (unsigned)e->type;
    *KGR_VEC_PUSH(a, g->types) = e->type;
  }
  if (it->has_date) {
    if (!g->dated || it->first < g->first)
      g->first = it->first;
    if (!g->dated || it->last > g->last)
      g->last = it->last;
    g->dated = true;
  }
  char key[96];
  size_t found;
  for (size_t i = 0; i < e->place_count; i++) {
    kgr_str name = e->places[i].name;
    if (!name.ptr)
      continue;
    kgr_str k = fold_key(a, "", name);
    int n = snprintf(key, sizeof key, "P%zu\x1f", gid);
    kgr_buf b = {0};
    kgr_buf_append(a, &b, key, (size_t)n);
    kgr_buf_append(a, &b, k.ptr, k.len);
    if (!map_put(a, seen, b.data, b.len, 0, &found))
      *KGR_VEC_PUSH(a, g->places) = copy(a, name);
  }
  for (size_t i = 0; i < e->figure_count; i++) {
    const kgr_figure *f = &e->figures[i];
    if (f->kind == KGR_FIG_OTHER)
      continue;
    /* One figure can back two events of a document: count it once. */
    int n = snprintf(key, sizeof key, "F%zu\x1f%zu\x1f%zu\x1f%zu", gid, it->doc, f->span.start,
                     f->span.end);
    if (map_put(a, seen, key, (size_t)n, 0, &found))
      continue;
    *KGR_VEC_PUSH(a, g->kinds) = f->kind;
    kgr_corr_claim *c = KGR_VEC_PUSH(a, g->claims);
    c->doc = it->doc;
    c->doc_name = names[it->doc];
    c->event = it->event;
    c->figure = i;
    c->value = f->value;
    c->qualifier = f->qualifier;
    claim_bounds(f, &c->low, &c->high);
    c->text = copy(a, f->text);
    c->span = f->span;
  }
}

/* The figures of a group by kind: claims sorted by kind (stably, so each
 * kind keeps document order), then one reconciled entry per kind. */
static void finish_figures(kgr_arena *a, const draft *g, kgr_corr_group *out, size_t *conflicts) {
  size_t start[KGR_FIG_KIND_COUNT + 1] = {0};
  for (size_t i = 0; i < g->claims.count; i++)
    start[(size_t)g->kinds.items[i] + 1]++;
  size_t kinds = 0;
  for (size_t k = 0; k < KGR_FIG_KIND_COUNT; k++) {
    kinds += start[k + 1] > 0;
    start[k + 1] += start[k];
  }
  kgr_corr_claim *sorted = kgr_arena_alloc(a, (g->claims.count + 1) * sizeof *sorted);
  size_t next[KGR_FIG_KIND_COUNT];
  memcpy(next, start, sizeof next);
  for (size_t i = 0; i < g->claims.count; i++)
    sorted[next[(size_t)g->kinds.items[i]]++] = g->claims.items[i];
  kgr_corr_figure *figs = kgr_arena_calloc(a, (kinds + 1) * sizeof *figs);
  size_t n = 0;
  for (size_t k = 0; k < KGR_FIG_KIND_COUNT; k++) {
    if (start[k + 1] == start[k])
      continue;
    kgr_corr_figure *f = &figs[n++];
    f->kind = (kgr_figure_kind)k;
    f->claims = sorted + start[k];
    f->claim_count = start[k + 1] - start[k];
    reconcile(f);
    *conflicts += f->agreement == KGR_AGREEMENT_CONFLICT;
  }
  out->figures = figs;
  out->figure_count = n;
}

typedef struct order {
  int64_t first;
  bool dated;
  size_t doc, event; /* the first member */
  size_t draft;
} order;

static int by_date(const void *pa, const void *pb) {
  const order *a = pa, *b = pb;
  if (a->dated != b->dated)
    return a->dated ? -1 : 1;
  if (a->dated && a->first != b->first)
    return a->first < b->first ? -1 : 1;
  if (a->doc != b->doc)
    return a->doc < b->doc ? -1 : 1;
  if (a->event != b->event)
    return a->event < b->event ? -1 : 1;
  return 0;
}

static void build(kgr_corroboration *c, const kgr_doc *const *docs, size_t n, uint32_t flags) {
  kgr_arena *a = &c->arena;
  kgr_str *names = kgr_arena_alloc(a, (n + 1) * sizeof *names);
  kgr_str *shas = kgr_arena_alloc(a, (n + 1) * sizeof *shas);
  size_t total = 0;
  for (size_t d = 0; d < n; d++) {
    char fallback[32];
    int len = snprintf(fallback, sizeof fallback, "doc#%zu", d);
    names[d] = docs[d]->name.ptr ? copy(a, docs[d]->name) : kgr_arena_str(a, fallback, (size_t)len);
    shas[d] = copy(a, docs[d]->sha256);
    total += docs[d]->events.count;
  }
  c->names = names;
  c->sha256 = shas;
  c->doc_count = n;

  item *items = kgr_arena_calloc(a, (total + 1) * sizeof *items);
  size_t *parent = kgr_arena_alloc(a, (total + 1) * sizeof *parent);
  size_t nkeys = 0, t = 0;
  for (size_t d = 0; d < n; d++) {
    for (size_t i = 0; i < docs[d]->events.count; i++, t++) {
      item *it = &items[t];
      it->doc = d;
      it->event = i;
      it->e = &docs[d]->events.items[i];
      describe(a, it, docs[d]);
      parent[t] = t;
      if (it->linkable)
        nkeys += (size_t)(it->last - it->first + 1) * it->key_count;
    }
  }

  /* Link: the first event to emit a key is joined by every later one. */
  map keys;
  map_init(a, &keys, nkeys);
  kgr_buf key = {0};
  for (size_t i = 0; i < total; i++) {
    const item *it = &items[i];
    if (!it->linkable)
      continue;
    for (int64_t day = it->first; day <= it->last; day++) {
      for (size_t k = 0; k < it->key_count; k++) {
        char head[64];
        int len = snprintf(head, sizeof head, "%s\x1f%lld\x1f", it->family, (long long)day);
        key.len = 0;
        kgr_buf_append(a, &key, head, (size_t)len);
        kgr_buf_append(a, &key, it->keys[k].ptr, it->keys[k].len);
        size_t holder;
        if (map_put(a, &keys, key.data, key.len, i, &holder))
          unite(parent, i, holder);
      }
    }
  }

  /* Which components to keep: those two or more documents back (items come
   * in document order, so each document is counted once per component). */
  size_t *docs_in = kgr_arena_calloc(a, (total + 1) * sizeof *docs_in);
  size_t *last_doc = kgr_arena_calloc(a, (total + 1) * sizeof *last_doc);
  for (size_t i = 0; i < total; i++) {
    size_t r = find(parent, i);
    if (last_doc[r] != items[i].doc + 1)
      docs_in[r]++;
    last_doc[r] = items[i].doc + 1;
  }
  size_t min_docs = (flags & KGR_CORROBORATE_SINGLE) ? 1 : 2;
  size_t *gid = kgr_arena_alloc(a, (total + 1) * sizeof *gid);
  size_t ngroups = 0;
  for (size_t i = 0; i < total; i++) {
    size_t r = find(parent, i);
    gid[i] = SIZE_MAX;
    if (docs_in[r] < min_docs)
      continue;
    if (r == i)
      gid[i] = ngroups++;
    else
      gid[i] = gid[r]; /* the root comes first: it has the lowest index */
  }

  draft *drafts = kgr_arena_calloc(a, (ngroups + 1) * sizeof *drafts);
  map seen;
  size_t expect = 0;
  for (size_t i = 0; i < total; i++)
    if (gid[i] != SIZE_MAX)
      expect += items[i].e->place_count + items[i].e->figure_count;
  map_init(a, &seen, expect);
  for (size_t i = 0; i < total; i++)
    if (gid[i] != SIZE_MAX)
      add_member(a, &drafts[gid[i]], gid[i], &items[i], names, &seen);

  order *ord = kgr_arena_alloc(a, (ngroups + 1) * sizeof *ord);
  for (size_t g = 0; g < ngroups; g++) {
    ord[g].first = drafts[g].first;
    ord[g].dated = drafts[g].dated;
    ord[g].doc = drafts[g].members.items[0].doc;
    ord[g].event = drafts[g].members.items[0].event;
    ord[g].draft = g;
  }
  if (ngroups > 1)
    qsort(ord, ngroups, sizeof *ord, by_date);

  kgr_corr_group *groups = kgr_arena_calloc(a, (ngroups + 1) * sizeof *groups);
  for (size_t g = 0; g < ngroups; g++) {
    const draft *dr = &drafts[ord[g].draft];
    kgr_corr_group *out = &groups[g];
    out->types = dr->types.items;
    out->type_count = dr->types.count;
    out->date_start = dr->dated ? iso_of(a, dr->first) : null_str;
    out->date_end = dr->dated ? iso_of(a, dr->last) : null_str;
    out->places = dr->places.items;
    out->place_count = dr->places.count;
    out->members = dr->members.items;
    out->member_count = dr->members.count;
    out->document_count = dr->documents;
    finish_figures(a, dr, out, &c->conflicts);
  }
  c->groups = groups;
  c->group_count = ngroups;
}

/* Kept apart from kgr_corroborate() so that no local of the caller changes
 * between setjmp and longjmp. */
static bool build_guarded(kgr_corroboration *c, const kgr_doc *const *docs, size_t n,
                          uint32_t flags) {
  jmp_buf oom;
  if (setjmp(oom)) {
    c->arena.oom = NULL;
    return false;
  }
  c->arena.oom = &oom;
  build(c, docs, n, flags);
  c->arena.oom = NULL;
  return true;
}

static void set_error(kgr_error *err, kgr_status code, const char *msg) {
  if (!err)
    return;
  memset(err, 0, sizeof *err);
  err->code = code;
  snprintf(err->message, sizeof err->message, "%s", msg);
}

kgr_corroboration *kgr_corroborate(const kgr_doc *const *docs, size_t n, uint32_t flags,
                                   const kgr_alloc *alc, kgr_error *err) {
  set_error(err, KGR_OK, "ok");
  if ((!docs && n) || (flags & ~KGR_CORROBORATE_ALL)) {
    set_error(err, KGR_EINVAL, docs || !n ? "unknown corroboration flag" : "docs is NULL");
    return NULL;
  }
  for (size_t i = 0; i < n; i++) {
    if (!docs[i]) {
      set_error(err, KGR_EINVAL, "a document in the array is NULL");
      return NULL;
    }
  }
  kgr_arena arena;
  kgr_arena_init(&arena, alc);
  kgr_corroboration *c = arena.alc.malloc(arena.alc.ctx, sizeof *c);
  if (!c) {
    set_error(err, KGR_ENOMEM, "out of memory");
    return NULL;
  }
  memset(c, 0, sizeof *c);
  c->arena = arena;
  if (!build_guarded(c, docs, n, flags)) {
    kgr_corroboration_free(c);
    set_error(err, KGR_ENOMEM, "out of memory");
    return NULL;
  }
  return c;
}

void kgr_corroboration_free(kgr_corroboration *c) {
  if (!c)
    return;
  kgr_alloc alc = c->arena.alc;
  kgr_arena_release(&c->arena);
  alc.free(alc.ctx, c);
}

size_t kgr_corroboration_group_count(const kgr_corroboration *c) { return c ? c->group_count : 0; }

const kgr_corr_group *kgr_corroboration_group(const kgr_corroboration *c, size_t i) {
  return c && i < c->group_count ? &c->groups[i] : NULL;
}

size_t kgr_corroboration_conflict_count(const kgr_corroboration *c) { return c ? c->conflicts : 0; }

const char *kgr_agreement_name(kgr_agreement a) {
  switch (a) {
  case KGR_AGREEMENT_AGREE: return "agree";
  case KGR_AGREEMENT_CONFLICT: return "conflict";
  default: return "single";
  }
}
