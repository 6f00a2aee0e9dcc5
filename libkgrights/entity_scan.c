/*
 * entity_scan.c - word tokens of a sentence and lexicon look-ups on token
 * boundaries, shared by the entity recognizers.
 */
#include "entity_scan.h"

#include <string.h>

#include "utf8.h"

/* Decode the code point at text[i] (i < end); invalid bytes read as one
 * byte U+FFFD so that the walk always advances. */
static size_t decode_at(const char *text, size_t i, size_t end, uint32_t *cp) {
  size_t n = kgr_utf8_decode(text + i, end - i, cp);
  if (!n) {
    *cp = 0xFFFD;
    n = 1;
  }
  return n;
}

static bool is_alnum_cp(uint32_t cp) { return (cp >= '0' && cp <= '9') || kgr_is_letter(cp); }

static bool is_apostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

/* Characters that join two runs of letters into one word: "Ala-Too",
 * "O'Brien", "24.kg". */
static bool is_joiner(uint32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == '.' || is_apostrophe(cp);
}

/* The classes of the bytes that are characters of words by themselves:
 * ASCII letters and digits. Other bytes are 0: separators, or bytes of
 * characters that are decoded. */
enum { CH_LETTER = 1, CH_LOWER = 2, CH_DIGIT = 4 };
#define U CH_LETTER
#define L (CH_LETTER | CH_LOWER)
#define D CH_DIGIT
/* clang-format off */
static const uint8_t byte_class[256] = {
    ['0'] = D, D, D, D, D, D, D, D, D, D,
    ['A'] = U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    ['a'] = L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
};
/* clang-format on */
#undef U
#undef L
#undef D

/* Room for one more token, whose fields the caller sets. */
static kgr_etok *push_token(kgr_arena *a, kgr_etok_vec *v) {
  if (v->count == v->cap)
    v->items = kgr_arena_grow(a, v->items, v->count, &v->cap, sizeof *v->items);
  return &v->items[v->count++];
}

/* What scan_word() found of a word. */
typedef struct word_shape {
  size_t letters; /* how many */
  unsigned seen;  /* the CH_ classes met */
  bool dotted;    /* an inner dot */
} word_shape;

/* The end of the word starting at text[i]: letters and digits, and the
 * joiners between them. */
static size_t scan_word(const char *text, size_t i, size_t end, word_shape *w) {
  size_t letters = 0;
  unsigned seen = 0;
  bool dotted = false;
  for (;;) {
    unsigned k;
    while (i < end && (k = byte_class[(unsigned char)text[i]]) != 0) {
      letters += k & CH_LETTER;
      seen |= k;
      i++;
    }
    if (i >= end)
      break;
    uint32_t cp;
    size_t n = decode_at(text, i, end, &cp);
    if (kgr_is_letter(cp)) { /* past ASCII */
      letters++;
      seen |= kgr_is_lower(cp) ? CH_LOWER : 0;
      i += n;
      continue;
    }
    if (!is_joiner(cp) || i + n >= end)
      break;
    uint32_t next;
    size_t m = decode_at(text, i + n, end, &next);
    if (!is_alnum_cp(next))
      break;
    /* "Bishkek's": the possessive is a token of its own. */
    if (is_apostrophe(cp) && (next == 's' || next == 'S') &&
        (i + n + m >= end || !kgr_is_word_byte((unsigned char)text[i + n + m])))
      break;
    if (cp == '.')
      dotted = true;
    i += n;
  }
  *w = (word_shape){letters, seen, dotted};
  return i;
}

void kgr_etok_split(kgr_arena *a, const char *text, size_t start, size_t end, kgr_etok_vec *out) {
  size_t first = out->count, i = start;
  while (i < end) {
    unsigned char c = (unsigned char)text[i];
    if (kgr_is_space(c)) {
      i++;
      continue;
    }
    uint32_t cp = c;
    size_t n = c < 0x80 ? 1 : decode_at(text, i, end, &cp);
    if (cp == 0xA0) { /* no-break space */
      i += n;
      continue;
    }
    if (!is_alnum_cp(cp)) {
      kgr_etok_kind kind = KGR_ETOK_PUNCT;
      /* "'s" after a word is its possessive ending. */
      if (is_apostrophe(cp) && i + n < end && (text[i + n] == 's' || text[i + n] == 'S') &&
          (i + n + 1 >= end || !kgr_is_word_byte((unsigned char)text[i + n + 1])) &&
          out->count > first && out->items[out->count - 1].end == i &&
          out->items[out->count - 1].kind == KGR_ETOK_WORD) {
        kind = KGR_ETOK_POSS;
        n += 1;
      }
      *push_token(a, out) = (kgr_etok){.start = i, .end = i + n, .cp = cp, .kind = kind};
      i += n;
      continue;
    }
    word_shape w;
    size_t e = scan_word(text, i, end, &w);
    *push_token(a, out) = (kgr_etok){
        .start = i,
        .end = e,
        .cp = cp,
        .kind = w.letters ? KGR_ETOK_WORD : KGR_ETOK_NUMBER,
        .cap = w.letters && kgr_is_upper(cp),
        .all_caps = w.letters >= 2 && !(w.seen & CH_LOWER),
        .digit = w.letters && (w.seen & CH_DIGIT),
        .dotted = w.dotted,
    };
    i = e;
  }
}

enum {
  SHORT_LINES = 56, /* bytes: a block whose lines are all shorter, none
                       opening in lower case, is set line by line (an
                       address, a signature), not wrapped */
  PROSE_WORDS = 4   /* a line of fewer words (a URL, an address line) does
                       not tell the width the text was wrapped to */
};

/* Does text[0, n) open with a lower-case word, as a wrapped sentence goes
 * on? ("c/o Embassy ..." does not: an abbreviation opens an address.) */
static bool starts_lower(const char *t, size_t n) {
  uint32_t cp;
  if (n == 0 || !kgr_utf8_decode(t, n, &cp) || !kgr_is_lower(cp))
    return false;
  for (size_t i = 0; i < n && t[i] != ' '; i++)
    if (t[i] == '/' || t[i] == '.')
      return false;
  return true;
}

size_t kgr_block_wrap_width(const kgr_block *b) {
  size_t prose = 0, any = 0;
  bool lined = b->line_count <= 12;
  for (size_t k = 0; k < b->line_count; k++) {
    size_t ls, le;
    if (!kgr_block_line(b, k, &ls, &le))
      continue;
    size_t spaces = 0;
    for (size_t i = ls; i < le && spaces < PROSE_WORDS - 1; i++)
      spaces += b->text[i] == ' ';
    if (spaces >= PROSE_WORDS - 1 && le - ls > prose)
      prose = le - ls;
    if (le - ls > any)
      any = le - ls;
    if (le - ls >= SHORT_LINES || starts_lower(b->text + ls, le - ls))
      lined = false;
  }
  return lined ? 0 : prose ? prose : any;
}

void kgr_etok_mark_fields(const kgr_block *b, size_t width, kgr_etok *tok, size_t n) {
  if (!b->line_starts || n == 0)
    return;
  /* the first line starting at or after the first token: binary search,
   * then one walk along lines and tokens together */
  size_t lo = 0, hi = b->line_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (b->line_starts[mid] < tok[0].start)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t i = 0;
  for (size_t k = lo; k < b->line_count && i < n; k++) {
    size_t ls = b->line_starts[k];
    while (i < n && tok[i].start < ls)
      i++;
    if (i >= n || tok[i].start != ls)
      continue;
    tok[i].line_start = true;
    size_t ps, pe;
    if (k > 0 && kgr_block_line(b, k - 1, &ps, &pe))
      tok[i].own_line = width == 0 || pe - ps + 1 + (tok[i].end - tok[i].start) <= width;
    if (i + 1 < n && tok[i].kind == KGR_ETOK_WORD && tok[i + 1].kind == KGR_ETOK_PUNCT &&
        tok[i + 1].cp == ':' && tok[i + 1].start == tok[i].end)
      tok[i].field = true;
  }
}

const kgr_lexicon *const kgr_elex_tables[KGR_ELEX_COUNT] = {
    [KGR_ELEX_ROLES] = &kgr_lex_roles,
    [KGR_ELEX_MEDIA_WORDS] = &kgr_lex_media_words,
    [KGR_ELEX_ORG_NAME_WORDS] = &kgr_lex_org_name_words,
    [KGR_ELEX_ORG_WORDS] = &kgr_lex_org_words,
    [KGR_ELEX_PLACE_TYPES] = &kgr_lex_place_types,
    [KGR_ELEX_REPORT_VERBS] = &kgr_lex_report_verbs,
    [KGR_ELEX_PERSON_STOPWORDS] = &kgr_lex_person_stopwords,
    [KGR_ELEX_MONTHS] = &kgr_lex_months,
    [KGR_ELEX_ACT_WORDS] = &kgr_lex_act_words,
    [KGR_ELEX_PEOPLE_NOUNS] = &kgr_lex_people_nouns,
};

/* An entry as a word's facts remember it: 1 for none, else the entry's
 * index + 2; 0 (not remembered, asked again) if the index does not fit. */
static uint16_t entry_code(kgr_elex lex, const kgr_lex_entry *e) {
  if (!e)
    return 1;
  size_t k = (size_t)(e - kgr_elex_tables[lex]->entries) + 2;
  return k <= UINT16_MAX ? (uint16_t)k : 0;
}

static const kgr_lex_entry *code_entry(kgr_elex lex, uint16_t code) {
  return code > 1 ? &kgr_elex_tables[lex]->entries[code - 2] : NULL;
}

/* Token t's kgr_lex_word_key(), worked out on first use. */
static uint32_t token_key(const kgr_ent_sent *s, kgr_etok *t) {
  if (!t->keyed) {
    t->lex_key = kgr_lex_word_key(s->text, s->end, t->start);
    t->keyed = true;
  }
  return t->lex_key;
}

size_t kgr_etok_lex_match(const kgr_ent_sent *s, size_t i, kgr_elex lex,
                          const kgr_lex_entry **out) {
  *out = NULL;
  if (i >= s->n || s->tok[i].kind != KGR_ETOK_WORD)
    return 0;
  /* Most tokens start no entry: the token's key tells, for any lexicon. */
  kgr_etok *t = &s->tok[i];
  if (!kgr_lex_word_may_start(kgr_elex_tables[lex], token_key(s, t)))
    return 0;
  const kgr_lex_entry *e = NULL;
  size_t n = kgr_lex_match(kgr_elex_tables[lex], s->text, s->end, t->start, &e);
  if (!n || !e)
    return 0;
  size_t end = s->tok[i].start + n;
  /* The match must end where a token ends: "ex" is no match in "ex-MP". */
  for (size_t j = i; j < s->n && s->tok[j].start < end; j++) {
    if (s->tok[j].end == end) {
      *out = e;
      return j + 1;
    }
  }
  return 0;
}

void kgr_word_cache_init(kgr_arena *a, kgr_word_cache *wc, unsigned bits) {
  size_t n = (size_t)1 << bits;
  wc->slots = kgr_arena_calloc(a, n * sizeof *wc->slots);
  wc->mask = n - 1;
}

static size_t hash_word(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return (size_t)(h ^ (h >> 32));
}

/* The rare path stays out of line, so that the common one, inlined, keeps
 * few registers to save. */
#if defined(__GNUC__)
#define KGR_NOINLINE __attribute__((noinline))
#else
#define KGR_NOINLINE
#endif

/* Token t's slot, hashed on first use and taken over from the word that
 * held it, if another did. */
static KGR_NOINLINE kgr_word_slot *claim_slot(const kgr_ent_sent *s, kgr_etok *t) {
  const char *text = s->text + t->start;
  size_t len = t->end - t->start;
  if (!t->slot)
    t->slot = (uint32_t)(hash_word(text, len) & s->words->mask) + 1;
  kgr_word_slot *w = &s->words->slots[(t->slot - 1) & s->words->mask];
  if (w->len != len || (w->text != text && memcmp(w->text, text, len) != 0)) {
    w->len = len;
    memset(&w->facts, 0, sizeof w->facts);
  }
  w->text = text; /* the next question about this token needs no compare */
  return w;
}

/* kgr_etok_facts(), inline in this file. */
static inline kgr_word_facts *facts_of(const kgr_ent_sent *s, size_t i) {
  if (!s->words || !kgr_etok_is_word(s, i))
    return NULL;
  kgr_etok *t = &s->tok[i];
  if (t->slot) { /* asked before, and the slot still this token's: the usual case */
    kgr_word_slot *w = &s->words->slots[(t->slot - 1) & s->words->mask];
    if (w->text == s->text + t->start && w->len == t->end - t->start)
      return &w->facts;
  }
  return &claim_slot(s, t)->facts;
}

kgr_word_facts *kgr_etok_facts(const kgr_ent_sent *s, size_t i) { return facts_of(s, i); }

/* The entry equal to token i, remembered by spelling. */
static const kgr_lex_entry *word_entry(const kgr_ent_sent *s, size_t i, kgr_elex lex) {
  kgr_word_facts *f = facts_of(s, i);
  if (f && f->entry[lex])
    return code_entry(lex, f->entry[lex]);
  kgr_etok *t = &s->tok[i];
  /* The token's key also answers for the token alone, when the run of
   * ASCII letters and digits that it hashes ends within the token. */
  bool run_inside = t->end == s->end || !kgr_is_word_byte((unsigned char)s->text[t->end]) ||
                    (unsigned char)s->text[t->end] >= 0x80;
  const kgr_lex_entry *e = NULL;
  if (!run_inside || kgr_lex_word_may_start(kgr_elex_tables[lex], token_key(s, t)))
    e = kgr_lex_lookup(kgr_elex_tables[lex], s->text + t->start, t->end - t->start);
  if (f)
    f->entry[lex] = entry_code(lex, e);
  return e;
}

const kgr_lex_entry *kgr_etok_lookup(const kgr_ent_sent *s, size_t i, size_t j, kgr_elex lex) {
  if (i >= j || j > s->n)
    return NULL;
  if (j == i + 1)
    return word_entry(s, i, lex);
  return kgr_lex_lookup(kgr_elex_tables[lex], s->text + s->tok[i].start,
                        s->tok[j - 1].end - s->tok[i].start);
}

const char *kgr_etok_tag(const kgr_ent_sent *s, size_t i, kgr_elex lex) {
  if (!kgr_etok_is_word(s, i))
    return NULL;
  const kgr_lex_entry *e = word_entry(s, i, lex);
  return e ? e->tag : NULL;
}

/* kgr_etok_stopword() for word token i, without the memory. */
static bool is_stopword(const kgr_ent_sent *s, size_t i) {
  const char *tag = kgr_etok_tag(s, i, KGR_ELEX_PERSON_STOPWORDS);
  if (tag && strcmp(tag, "stop") == 0)
    return true;
  /* Abbreviations ("Jan") are also given names: only full month names. */
  const kgr_lex_entry *m = word_entry(s, i, KGR_ELEX_MONTHS);
  return m && strcmp(m->extra, "abbr") != 0;
}

bool kgr_etok_stopword(const kgr_ent_sent *s, size_t i) {
  if (!kgr_etok_is_word(s, i))
    return false;
  kgr_word_facts *f = facts_of(s, i);
  if (!f)
    return is_stopword(s, i);
  if (!f->stop)
    f->stop = is_stopword(s, i) ? 2 : 1;
  return f->stop == 2;
}

bool kgr_etok_particle(const kgr_ent_sent *s, size_t i) {
  const char *tag = kgr_etok_tag(s, i, KGR_ELEX_PERSON_STOPWORDS);
  return tag && strcmp(tag, "particle") == 0;
}

const char *kgr_etok_orgword(const kgr_ent_sent *s, size_t i) {
  return kgr_etok_tag(s, i, KGR_ELEX_ORG_NAME_WORDS);
}

const kgr_country *kgr_etok_country(const kgr_ent_sent *s, size_t i, size_t j) {
  if (i >= j || j > s->n)
    return NULL;
  return kgr_country_lookup(s->text + s->tok[i].start, s->tok[j - 1].end - s->tok[i].start, NULL);
}

size_t kgr_ent_fold_into(char *out, const char *text, size_t n) {
  size_t len = 0, i = 0;
  while (i < n && kgr_is_space((unsigned char)text[i]))
    i++;
  if (n - i > 4 && kgr_ascii_istarts(text + i, n - i, "the "))
    i += 4;
  bool space = false;
  while (i < n) {
    unsigned char c = (unsigned char)text[i];
    if (c > ' ' && c < 0x80 && !space) { /* most bytes */
      out[len++] = (char)kgr_ascii_lower(c);
      i++;
      continue;
    }
    if (kgr_is_space(c)) {
      space = true;
      i++;
      continue;
    }
    if (space && len)
      out[len++] = ' ';
    space = false;
    if (c == 0xE2 && i + 2 < n && (unsigned char)text[i + 1] == 0x80 &&
        ((unsigned char)text[i + 2] == 0x98 || (unsigned char)text[i + 2] == 0x99)) {
      out[len++] = '\'';
      i += 3;
      continue;
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)text[i + 1] == 0x80 &&
        ((unsigned char)text[i + 2] == 0x9C || (unsigned char)text[i + 2] == 0x9D)) {
      out[len++] = '"'; /* “Viasna” is "Viasna" */
      i += 3;
      continue;
    }
    if (c == 0xC2 && i + 1 < n &&
        ((unsigned char)text[i + 1] == 0xAB || (unsigned char)text[i + 1] == 0xBB)) {
      out[len++] = '"'; /* «Viasna» too */
      i += 2;
      continue;
    }
    out[len++] = (char)kgr_ascii_lower(c);
    i++;
  }
  return len;
}

kgr_str kgr_ent_fold(kgr_arena *a, const char *text, size_t n) {
  char *p = kgr_arena_alloc(a, n + 1);
  size_t len = kgr_ent_fold_into(p, text, n);
  p[len] = '\0';
  return (kgr_str){p, len};
}
