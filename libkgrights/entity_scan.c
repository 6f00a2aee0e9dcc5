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

void kgr_etok_split(kgr_arena *a, const char *text, size_t start, size_t end, kgr_etok_vec *out) {
  size_t i = start;
  while (i < end) {
    uint32_t cp;
    size_t n = decode_at(text, i, end, &cp);
    if (kgr_is_space((unsigned char)text[i]) || cp == 0xA0) {
      i += n;
      continue;
    }
    kgr_etok *t = KGR_VEC_PUSH(a, *out);
    t->start = i;
    t->cp = cp;
    if (!is_alnum_cp(cp)) {
      t->kind = KGR_ETOK_PUNCT;
      /* "'s" after a word is its possessive ending. */
      if (is_apostrophe(cp) && i + n < end && (text[i + n] == 's' || text[i + n] == 'S') &&
          (i + n + 1 >= end || !kgr_is_word_byte((unsigned char)text[i + n + 1])) &&
          out->count > 1 && out->items[out->count - 2].end == i &&
          out->items[out->count - 2].kind == KGR_ETOK_WORD) {
        t->kind = KGR_ETOK_POSS;
        n += 1;
      }
      i += n;
      t->end = i;
      continue;
    }
    size_t letters = 0, lower = 0;
    bool digit = false, dotted = false;
    for (;;) {
      if (kgr_is_letter(cp)) {
        letters++;
        lower += kgr_is_lower(cp);
      } else {
        digit = true;
      }
      i += n;
      if (i >= end)
        break;
      n = decode_at(text, i, end, &cp);
      if (is_alnum_cp(cp))
        continue;
      if (!is_joiner(cp))
        break;
      uint32_t next;
      if (i + n >= end)
        break;
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
      cp = next;
      n = m;
    }
    t->end = i;
    t->kind = letters ? KGR_ETOK_WORD : KGR_ETOK_NUMBER;
    t->cap = letters && kgr_is_upper(t->cp);
    t->all_caps = letters >= 2 && lower == 0;
    t->digit = letters && digit;
    t->dotted = dotted;
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

bool kgr_etok_breaks(const kgr_ent_sent *s, size_t i) {
  return i < s->n && (s->tok[i].field || s->tok[i].own_line);
}

bool kgr_etok_is_word(const kgr_ent_sent *s, size_t i) {
  return i < s->n && s->tok[i].kind == KGR_ETOK_WORD;
}

bool kgr_etok_is_capword(const kgr_ent_sent *s, size_t i) {
  return i < s->n && s->tok[i].kind == KGR_ETOK_WORD && s->tok[i].cap && !s->tok[i].all_caps &&
         !s->tok[i].digit;
}

bool kgr_etok_is(const kgr_ent_sent *s, size_t i, uint32_t cp) {
  return i < s->n && s->tok[i].kind == KGR_ETOK_PUNCT && s->tok[i].cp == cp;
}

bool kgr_etok_word_is(const kgr_ent_sent *s, size_t i, const char *w) {
  return i < s->n && s->tok[i].kind == KGR_ETOK_WORD &&
         kgr_ascii_ieq(s->text + s->tok[i].start, s->tok[i].end - s->tok[i].start, w);
}

bool kgr_etok_is_article(const kgr_ent_sent *s, size_t i) {
  return kgr_etok_word_is(s, i, "the") || kgr_etok_word_is(s, i, "a") ||
         kgr_etok_word_is(s, i, "an");
}

bool kgr_etok_glued(const kgr_ent_sent *s, size_t i) {
  return i > 0 && i < s->n && s->tok[i - 1].end == s->tok[i].start;
}

size_t kgr_etok_lex(const kgr_ent_sent *s, size_t i, const kgr_lexicon *lex,
                    const kgr_lex_entry **out) {
  *out = NULL;
  if (i >= s->n || s->tok[i].kind != KGR_ETOK_WORD)
    return 0;
  const kgr_lex_entry *e = NULL;
  size_t n = kgr_lex_match(lex, s->text, s->end, s->tok[i].start, &e);
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

const kgr_lex_entry *kgr_etok_lookup(const kgr_ent_sent *s, size_t i, size_t j,
                                     const kgr_lexicon *lex) {
  if (i >= j || j > s->n)
    return NULL;
  return kgr_lex_lookup(lex, s->text + s->tok[i].start, s->tok[j - 1].end - s->tok[i].start);
}

const char *kgr_etok_tag(const kgr_ent_sent *s, size_t i, const kgr_lexicon *lex) {
  if (!kgr_etok_is_word(s, i))
    return NULL;
  const kgr_lex_entry *e = kgr_etok_lookup(s, i, i + 1, lex);
  return e ? e->tag : NULL;
}

bool kgr_etok_stopword(const kgr_ent_sent *s, size_t i) {
  const char *tag = kgr_etok_tag(s, i, &kgr_lex_person_stopwords);
  if (tag && strcmp(tag, "stop") == 0)
    return true;
  /* Abbreviations ("Jan") are also given names: only full month names. */
  const kgr_lex_entry *m =
      kgr_etok_is_word(s, i) ? kgr_etok_lookup(s, i, i + 1, &kgr_lex_months) : NULL;
  return m && strcmp(m->extra, "abbr") != 0;
}

bool kgr_etok_particle(const kgr_ent_sent *s, size_t i) {
  const char *tag = kgr_etok_tag(s, i, &kgr_lex_person_stopwords);
  return tag && strcmp(tag, "particle") == 0;
}

const char *kgr_etok_orgword(const kgr_ent_sent *s, size_t i) {
  return kgr_etok_tag(s, i, &kgr_lex_org_name_words);
}

const kgr_country *kgr_etok_country(const kgr_ent_sent *s, size_t i, size_t j) {
  if (i >= j || j > s->n)
    return NULL;
  return kgr_country_lookup(s->text + s->tok[i].start, s->tok[j - 1].end - s->tok[i].start, NULL);
}

kgr_str kgr_ent_fold(kgr_arena *a, const char *text, size_t n) {
  kgr_buf b = {0};
  size_t i = 0;
  while (i < n && kgr_is_space((unsigned char)text[i]))
    i++;
  if (n - i > 4 && kgr_ascii_istarts(text + i, n - i, "the "))
    i += 4;
  bool space = false;
  while (i < n) {
    unsigned char c = (unsigned char)text[i];
    if (kgr_is_space(c)) {
      space = true;
      i++;
      continue;
    }
    if (space && b.len)
      kgr_buf_putc(a, &b, ' ');
    space = false;
    if (c == 0xE2 && i + 2 < n && (unsigned char)text[i + 1] == 0x80 &&
        ((unsigned char)text[i + 2] == 0x98 || (unsigned char)text[i + 2] == 0x99)) {
      kgr_buf_putc(a, &b, '\'');
      i += 3;
      continue;
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)text[i + 1] == 0x80 &&
        ((unsigned char)text[i + 2] == 0x9C || (unsigned char)text[i + 2] == 0x9D)) {
      kgr_buf_putc(a, &b, '"'); /* “Viasna” is "Viasna" */
      i += 3;
      continue;
    }
    if (c == 0xC2 && i + 1 < n &&
        ((unsigned char)text[i + 1] == 0xAB || (unsigned char)text[i + 1] == 0xBB)) {
      kgr_buf_putc(a, &b, '"'); /* «Viasna» too */
      i += 2;
      continue;
    }
    kgr_buf_putc(a, &b, (char)kgr_ascii_lower(c));
    i++;
  }
  return kgr_buf_str(a, &b);
}
