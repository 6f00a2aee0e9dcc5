/*
 * figures.c - the figure recognizer: counts of people and incidents in one
 * sentence ("over 600 people being injured", "six incidents", "at least 3
 * killed", "the death toll rose to 12").
 *
 * The sentence is cut into tokens once. At each number (numbers.c) the
 * recognizer reads a bounded number of tokens around it: a qualifier
 * before it, the counted noun after it (at most two other words between,
 * which must not end in a function word: "four parties had" counts
 * parties, not people), and the nearest kind word in the clause. A number
 * with no people noun, no counted kind noun ("53 cases") and no kind word
 * right beside it ("3 killed", "injuring 40") is no figure. Every window
 * is bounded, so the recognizer is linear in the sentence.
 *
 * Tables: lex_numbers, lex_figure_qualifiers, lex_figure_kinds,
 * lex_people_nouns and lex_figure_context (what blocks a number: "Article
 * 5", "11 years"; function words; "the death toll rose to").
 */
#include "figures.h"

#include <string.h>

#include "dates.h"
#include "lexicon.h"
#include "utf8.h"

/* Window sizes, in tokens. */
#define AHEAD_WINDOW 8  /* kind words after the counted noun */
#define BACK_WINDOW 4   /* kind words before the number */
#define TOLL_WINDOW 20  /* "the number of people killed ... has risen to N" */
#define MAX_ADJECTIVES 2 /* words between a number and its noun */
#define PHRASE_TOKENS 5 /* tokens a back-matched phrase may span */
#define MAX_JOINED 8     /* hyphen-joined parts of one word ("op-position") */
#define MAX_SCAN 64     /* tokens any window reads, dates and quotes included */

typedef enum tok_type { T_WORD, T_NUM, T_PUNCT } tok_type;

typedef struct kgr_figure_tok {
  size_t start, end;
  tok_type type;
  bool space_before; /* spaces between this token and the previous one */
  bool date;         /* inside a date found by kgr_dates_find */
} tok;
typedef kgr_figure_tokens tok_vec;

typedef struct fctx {
  const char *t;
  size_t len;
  const tok *toks;
  size_t n;
} fctx;

/* --- Tokens --------------------------------------------------------------- */

/* The tokens of t[0, len), in v (emptied first). */
static void tokenize(kgr_arena *a, const char *t, size_t len, tok_vec *v) {
  v->count = 0;
  size_t i = 0;
  bool space = false;
  while (i < len) {
    size_t n;
    if (kgr_space_char_at(t, len, i, &n)) {
      space = true;
      i += n;
      continue;
    }
    tok *k = KGR_VEC_PUSH(a, *v);
    k->start = i;
    k->space_before = space;
    space = false;
    if (kgr_word_char_at(t, len, i, &n)) {
      k->type = kgr_is_digit((unsigned char)t[i]) ? T_NUM : T_WORD;
      while (kgr_word_char_at(t, len, i, &n))
        i += n;
    } else {
      k->type = T_PUNCT;
      i += n;
    }
    k->end = i;
  }
}

/* Mark the tokens inside dates: no number there is a count. */
static void mark_dates(const kgr_date_span *dates, size_t date_count, tok *toks, size_t n) {
  size_t k = 0;
  for (size_t d = 0; d < date_count; d++) {
    while (k < n && toks[k].end <= dates[d].start)
      k++;
    while (k < n && toks[k].start < dates[d].end)
      toks[k++].date = true;
  }
}

static bool is_punct(const fctx *c, size_t k, char ch) {
  return c->toks[k].type == T_PUNCT && c->toks[k].end - c->toks[k].start == 1 &&
         c->t[c->toks[k].start] == ch;
}

static uint32_t punct_cp(const fctx *c, size_t k) {
  uint32_t cp = 0xFFFD;
  const tok *x = &c->toks[k];
  if (x->type != T_PUNCT || !kgr_utf8_decode(c->t + x->start, x->end - x->start, &cp))
    return 0xFFFD;
  return cp;
}

static bool is_dash(uint32_t cp) {
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

/* A hyphen joining two words without spaces ("pro-presidential"). */
static bool is_joiner(const fctx *c, size_t k) {
  return k > 0 && k + 1 < c->n && is_punct(c, k, '-') && !c->toks[k].space_before &&
         !c->toks[k + 1].space_before && c->toks[k + 1].type != T_PUNCT &&
         c->toks[k - 1].type != T_PUNCT;
}

/* Does token k end a clause for the kind windows? Commas end one only
 * when `comma`. */
static bool clause_break(const fctx *c, size_t k, bool comma) {
  if (c->toks[k].type != T_PUNCT || is_joiner(c, k))
    return false;
  uint32_t cp = punct_cp(c, k);
  if (cp == ',')
    return comma;
  /* quotes and apostrophes do not break a clause */
  return !(cp == '"' || cp == '\'' || (cp >= 0x2018 && cp <= 0x201F) || cp == 0xAB ||
           cp == 0xBB);
}

/* The token ending at byte e, searching from token k on; n if none. */
static size_t tok_ending_at(const fctx *c, size_t k, size_t e) {
  while (k < c->n && c->toks[k].end < e)
    k++;
  return k < c->n && c->toks[k].end == e ? k : c->n;
}

/* --- Tables --------------------------------------------------------------- */

/* The entry of lex at token k (a word or number), or NULL; *last is the
 * token the match ends on. */
static const kgr_lex_entry *match_at(const fctx *c, const kgr_lexicon *lex, size_t k,
                                     size_t *last) {
  if (k >= c->n || c->toks[k].type == T_PUNCT)
    return NULL;
  const kgr_lex_entry *e = NULL;
  size_t m = kgr_lex_match(lex, c->t, c->len, c->toks[k].start, &e);
  if (!m || !e)
    return NULL;
  size_t l = tok_ending_at(c, k, c->toks[k].start + m);
  if (l == c->n)
    return NULL;
  *last = l;
  return e;
}

/* The longest phrase of lex ending exactly at the end of token `last`;
 * sets *first to its first token. */
static const kgr_lex_entry *match_ending(const fctx *c, const kgr_lexicon *lex,
                                         size_t last, size_t *first) {
  size_t lo = last + 1 > PHRASE_TOKENS ? last + 1 - PHRASE_TOKENS : 0;
  for (size_t k = lo; k <= last; k++) {
    size_t l;
    const kgr_lex_entry *e = match_at(c, lex, k, &l);
    if (e && l == last) {
      *first = k;
      return e;
    }
  }
  return NULL;
}

/* Does a lex_figure_context entry have `role` among its comma-separated
 * roles? */
static bool has_role(const kgr_lex_entry *e, const char *role) {
  if (!e)
    return false;
  size_t rl = strlen(role);
  for (const char *p = e->tag; *p;) {
    const char *q = strchr(p, ',');
    size_t l = q ? (size_t)(q - p) : strlen(p);
    if (l == rl && memcmp(p, role, rl) == 0)
      return true;
    if (!q)
      break;
    p = q + 1;
  }
  return false;
}

static bool context_role(const fctx *c, size_t k, const char *role, size_t *last) {
  size_t l = k;
  const kgr_lex_entry *e = match_at(c, &kgr_lex_figure_context, k, &l);
  if (!has_role(e, role))
    return false;
  if (last)
    *last = l;
  return true;
}

static kgr_figure_kind kind_of(const kgr_lex_entry *e) {
  for (int k = 1; k < KGR_FIG_KIND_COUNT; k++)
    if (strcmp(e->tag, kgr_figure_kind_name((kgr_figure_kind)k)) == 0)
      return (kgr_figure_kind)k;
  return KGR_FIG_OTHER;
}

static kgr_qualifier qualifier_of(const kgr_lex_entry *e) {
  for (int q = 0; q < KGR_QUAL_COUNT; q++)
    if (strcmp(e->tag, kgr_qualifier_name((kgr_qualifier)q)) == 0)
      return (kgr_qualifier)q;
  return KGR_QUAL_EXACT;
}

static bool is_casualty(kgr_figure_kind k) {
  return k >= KGR_FIG_KILLED && k <= KGR_FIG_MISSING;
}

static bool is_noun(const kgr_lex_entry *e) { return strcmp(e->extra, "noun") == 0; }

/* Is token k the start of a number (not inside a date)? */
static bool number_at(const fctx *c, size_t k) {
  if (c->toks[k].date || c->toks[k].type == T_PUNCT)
    return false;
  if (c->toks[k].type == T_NUM)
    return true;
  size_t l;
  return match_at(c, &kgr_lex_numbers, k, &l) != NULL;
}

/* --- One number ------------------------------------------------------------ */

typedef struct number {
  size_t first, last; /* tokens */
  int64_t value;
  bool approx;
} number;

static bool is_currency(uint32_t cp) {
  return cp == '$' || cp == '#' || cp == '+' || (cp >= 0xA2 && cp <= 0xA5) ||
         (cp >= 0x20A0 && cp <= 0x20CF) || cp == 0x2116;
}

/* May a count start at token k, judging by what is glued before it? Only
 * spaces, brackets and quotes may be: "COVID-19", "$5", "/2020/" are no
 * counts. */
static bool clean_before(const fctx *c, size_t k) {
  if (k == 0)
    return true;
  const tok *p = &c->toks[k - 1];
  uint32_t cp = punct_cp(c, k - 1);
  if (is_currency(cp))
    return false;
  if (c->toks[k].space_before)
    return true;
  return p->type == T_PUNCT && (cp == '(' || cp == '[' || cp == '"' || cp == '\'' ||
                                (cp >= 0x2018 && cp <= 0x201F) || cp == 0xAB);
}

/* Is what follows the number's last token a sign that it is no count:
 * "5%", "24.kg", "2020/15", "25-year-old", "11 years", "5 per cent"? */
static bool blocked_after(const fctx *c, size_t last) {
  size_t k = last + 1;
  if (k >= c->n)
    return false;
  const tok *x = &c->toks[k];
  if (x->type == T_PUNCT && !x->space_before) {
    uint32_t cp = punct_cp(c, k);
    if (cp == '%' || cp == 0x2030)
      return true;
    /* glued to a word: a domain, a path, a compound */
    if (k + 1 < c->n && !c->toks[k + 1].space_before && c->toks[k + 1].type != T_PUNCT) {
      if (cp == '-' || is_dash(cp))
        return context_role(c, k + 1, "block_after", NULL);
      return cp == '.' || cp == '/' || cp == '_' || cp == ':' || cp == '@';
    }
    return false;
  }
  return context_role(c, k, "block_after", NULL);
}

/* Is the number at token `first` a reference ("Article 5", "No. 4",
 * "page 10") or the pronoun "one" ("no one", "the one who")? */
static bool blocked_before(const fctx *c, size_t first, bool is_one) {
  if (first == 0)
    return false;
  size_t last = first - 1, f;
  if (is_punct(c, last, '.') && last > 0) /* "No. 4", "p. 10" */
    last--;
  const kgr_lex_entry *e = match_ending(c, &kgr_lex_figure_context, last, &f);
  if (has_role(e, "block_before"))
    return true;
  return is_one && last == first - 1 && has_role(e, "pronoun_one");
}

/* Does a phrase that takes part of a count ("including", "among them")
 * end right before token `first`? */
static bool subset_before(const fctx *c, size_t first) {
  if (first == 0)
    return false;
  size_t f;
  return has_role(match_ending(c, &kgr_lex_figure_context, first - 1, &f), "subset");
}

/* --- Kinds ----------------------------------------------------------------- */

typedef struct kind_hit {
  kgr_figure_kind kind;
  bool found;
  size_t dist; /* tokens between the number (or noun) and the kind word */
} kind_hit;

/* The nearest casualty kind and the nearest other kind after token `from`,
 * within the ahead window of the clause. */
static void kinds_ahead(const fctx *c, size_t from, kind_hit *casualty, kind_hit *other) {
  size_t seen = 0;
  for (size_t k = from; k < c->n && seen < AHEAD_WINDOW && k - from < MAX_SCAN;) {
    if (clause_break(c, k, false))
      break;
    if (c->toks[k].date || c->toks[k].type == T_PUNCT) {
      k++;
      continue;
    }
    if (number_at(c, k))
      break;
    size_t l;
    const kgr_lex_entry *e = match_at(c, &kgr_lex_figure_kinds, k, &l);
    if (e) {
      kgr_figure_kind kd = kind_of(e);
      kind_hit *h = is_casualty(kd) ? casualty : other;
      if (!h->found)
        *h = (kind_hit){kd, true, seen};
      if (casualty->found)
        return;
      seen += l - k + 1;
      k = l + 1;
      continue;
    }
    seen++;
    k++;
  }
}

/*
 * The nearest kind phrase ending before token `before`, looking back up to
 * `window` words, stopping at a clause break (commas too unless
 * `through_commas`) or another number.
 */
static kind_hit kind_back(const fctx *c, size_t before, size_t window, bool through_commas,
                          bool casualty_only) {
  kind_hit h = {KGR_FIG_OTHER, false, 0};
  size_t seen = 0;
  for (size_t k = before; k > 0 && seen < window && before - k < MAX_SCAN;) {
    size_t last = k - 1;
    if (clause_break(c, last, !through_commas))
      break;
    if (c->toks[last].date || c->toks[last].type == T_PUNCT) {
      k--;
      continue;
    }
    if (number_at(c, last))
      break;
    size_t f;
    const kgr_lex_entry *e = match_ending(c, &kgr_lex_figure_kinds, last, &f);
    if (e && (!casualty_only || is_casualty(kind_of(e)))) {
      h = (kind_hit){kind_of(e), true, seen};
      return h;
    }
    seen++;
    k--;
  }
  return h;
}

/* --- The counted noun -------------------------------------------------------- */

typedef struct noun {
  bool people;            /* a people noun */
  bool kind_noun;         /* a kind noun ("incidents", "cases") */
  kgr_figure_kind kind;   /* its kind (participants for "protesters") */
  bool adjacent;          /* a kind word stands where the noun would */
  kgr_figure_kind adjacent_kind;
  size_t unit_first, unit_last; /* tokens of the noun */
  size_t last;            /* the last token of the figure phrase */
  bool rejected;          /* the number counts something else */
} noun;

/* Does token k look like an English plural noun or a verb in -s
 * ("videos", "shows"), not an adjective ("various", "serious") or a name
 * ending in double s? */
static bool plural_word(const fctx *c, size_t k) {
  const tok *x = &c->toks[k];
  size_t n = x->end - x->start;
  const char *w = c->t + x->start;
  if (x->type != T_WORD || n < 4 || w[n - 1] != 's' || (w[0] >= 'A' && w[0] <= 'Z'))
    return false;
  char p = w[n - 2];
  return p != 's' && p != 'u' && p != 'i' && p >= 'a' && p <= 'z';
}

/* Is token k a superlative ("deadliest", "largest")? */
static bool superlative(const fctx *c, size_t k) {
  if (k >= c->n || c->toks[k].type != T_WORD)
    return false;
  const tok *x = &c->toks[k];
  size_t n = x->end - x->start;
  return n > 5 && memcmp(c->t + x->end - 3, "est", 3) == 0;
}

/* Read the counted noun after the number's last token. */
static noun counted_noun(const fctx *c, const number *num) {
  noun r;
  memset(&r, 0, sizeof r);
  r.last = num->last;
  size_t k = num->last + 1;
  size_t max_unknown = MAX_ADJECTIVES;
  /* "hundreds of protesters", "two of the journalists", "one of them" */
  size_t pl;
  if (k < c->n && context_role(c, k, "partitive", &pl)) {
    size_t d = pl + 1, dl;
    if (d < c->n && context_role(c, d, "determiner", &dl)) {
      k = dl + 1;
      max_unknown = 1;
      /* "one of the deadliest incidents" picks one, it counts nothing */
      if (num->value == 1 && superlative(c, k)) {
        r.rejected = true;
        return r;
      }
    } else if (num->approx) {
      k = pl + 1;
    } else {
      return r; /* "one of" something unknown: no noun, decided by kinds */
    }
  }
  size_t unknown = 0;
  while (k < c->n) {
    const tok *x = &c->toks[k];
    if (x->type == T_PUNCT || x->date || number_at(c, k))
      break;
    size_t l;
    const kgr_lex_entry *pe = match_at(c, &kgr_lex_people_nouns, k, &l);
    size_t kl;
    const kgr_lex_entry *ke = match_at(c, &kgr_lex_figure_kinds, k, &kl);
    if (pe || (ke && is_noun(ke))) {
      r.people = pe != NULL;
      r.unit_first = k;
      r.unit_last = pe ? l : kl;
      if (ke && is_noun(ke)) {
        r.kind_noun = true;
        r.kind = kind_of(ke);
        if (kl > r.unit_last)
          r.unit_last = kl; /* "cases of attacks" */
      }
      r.last = r.unit_last;
      return r;
    }
    if (ke) {
      if (unknown == 0) {
        r.adjacent = true;
        r.adjacent_kind = kind_of(ke);
        r.last = kl;
      } else {
        r.rejected = true; /* "four parties detained" */
      }
      return r;
    }
    if (context_role(c, k, "stop", NULL))
      break;
    /* "14 videos show officers": a plural noun of its own is what the
     * number counts */
    if (plural_word(c, k)) {
      r.rejected = true;
      return r;
    }
    if (++unknown > max_unknown) {
      r.rejected = true;
      return r;
    }
    for (int j = 0; j < MAX_JOINED && k + 2 < c->n && is_joiner(c, k + 1); j++)
      k += 2;
    k++;
  }
  /* words that are no people noun, then a function word or the end: the
   * number counts those words ("only four parties had") */
  if (unknown > 0)
    r.rejected = true;
  return r;
}

/* --- The scan --------------------------------------------------------------- */

/* The figure whose number starts at token k; returns the token after it,
 * or 0 when there is none (the caller moves past the number). */
static size_t figure_at(const fctx *c, kgr_arena *a, size_t k, kgr_figure_hit_vec *hits,
                        size_t *skip_to) {
  const tok *x = &c->toks[k];
  int64_t value = 0;
  bool approx = false;
  size_t m = kgr_number_parse_ex(c->t, c->len, x->start, &value, &approx);
  if (!m) {
    *skip_to = k + 1;
    return 0;
  }
  number num = {k, tok_ending_at(c, k, x->start + m), value, approx};
  if (num.last == c->n) {
    *skip_to = k + 1;
    return 0;
  }
  *skip_to = num.last + 1;
  bool is_one = value == 1 && x->type == T_WORD;
  if (!clean_before(c, k) || blocked_after(c, num.last) || blocked_before(c, k, is_one))
    return 0;
  if (value <= 0)
    return 0;

  /* "10-15 people": at least the first */
  kgr_qualifier qual = KGR_QUAL_EXACT;
  bool range = false;
  if (num.last + 2 < c->n && is_dash(punct_cp(c, num.last + 1)) &&
      c->toks[num.last + 2].type == T_NUM && !c->toks[num.last + 2].date) {
    int64_t v2;
    const tok *y = &c->toks[num.last + 2];
    size_t m2 = kgr_number_parse_ex(c->t, c->len, y->start, &v2, NULL);
    size_t l2 = m2 ? tok_ending_at(c, num.last + 2, y->start + m2) : c->n;
    if (l2 < c->n && v2 > value && !blocked_after(c, l2)) {
      num.last = l2;
      range = true;
      qual = KGR_QUAL_OVER;
      *skip_to = l2 + 1;
    }
  }

  /* a qualifier right before: "over", "at least", "nearly" */
  size_t first = k;
  if (k > 0) {
    size_t f, ql = k - 1;
    if (ql > 0 && is_punct(c, ql, '.')) /* "approx. 50" */
      ql--;
    const kgr_lex_entry *q = match_ending(c, &kgr_lex_figure_qualifiers, ql, &f);
    if (q) {
      qual = qualifier_of(q);
      first = f;
    }
  }
  if (approx && first == k && !range)
    qual = KGR_QUAL_ABOUT;

  noun nn = counted_noun(c, &num);
  if (nn.rejected)
    return 0;

  /* the kind: a kind word right before the number, a kind word standing
   * for the noun, the nearest casualty word after the noun, one shortly
   * before, the noun's own kind, another kind word after, and last "the
   * number of cases ... reached N" */
  kind_hit back0 = kind_back(c, first, 1, false, false);
  kind_hit ahead_cas = {KGR_FIG_OTHER, false, 0}, ahead_other = {KGR_FIG_OTHER, false, 0};
  kinds_ahead(c, nn.last + 1, &ahead_cas, &ahead_other);
  kind_hit back_cas = kind_back(c, first, BACK_WINDOW, false, true);
  size_t tf;
  bool toll = first > 0 &&
              has_role(match_ending(c, &kgr_lex_figure_context, first - 1, &tf), "toll");
  kind_hit toll_kind = {KGR_FIG_OTHER, false, 0};
  if (toll)
    toll_kind = kind_back(c, first, TOLL_WINDOW, true, false);

  kgr_figure_kind kind = KGR_FIG_OTHER;
  bool has_noun = nn.people || nn.kind_noun;
  bool close_kind = false; /* a kind word near enough to stand without a noun */
  if (back0.found && back0.dist == 0) {
    kind = back0.kind;
    close_kind = true;
  } else if (nn.adjacent) {
    kind = nn.adjacent_kind;
    close_kind = true;
  } else if (nn.kind_noun && (is_casualty(nn.kind) || !nn.people)) {
    /* "one of the deadliest incidents": a noun that is no people noun
     * says what is counted ("30 protesters were detained" counts the
     * detained) */
    kind = nn.kind;
  } else if (ahead_cas.found) {
    kind = ahead_cas.kind;
    close_kind = ahead_cas.dist <= 2;
  } else if (back_cas.found) {
    kind = back_cas.kind;
  } else if (nn.kind_noun) {
    kind = nn.kind;
  } else if (ahead_other.found) {
    kind = ahead_other.kind;
    close_kind = ahead_other.dist <= 2;
  } else if (toll_kind.found) {
    kind = toll_kind.kind;
    close_kind = true;
  }
  if (toll_kind.found)
    close_kind = true; /* "the death toll rose to 12": the count of that kind */
  if (!has_noun && !close_kind)
    return 0;
  /* "225 people were killed, including 19 officers": a part of a count
   * is a count of the same kind */
  if (kind == KGR_FIG_OTHER && hits->count && is_casualty(hits->items[hits->count - 1].kind) &&
      subset_before(c, first))
    kind = hits->items[hits->count - 1].kind;

  kgr_figure_hit *h = KGR_VEC_PUSH(a, *hits);
  h->start = c->toks[first].start;
  h->end = c->toks[nn.last > num.last ? nn.last : num.last].end;
  h->value = value;
  h->qualifier = qual;
  h->kind = kind;
  if (has_noun) {
    h->unit_start = c->toks[nn.unit_first].start;
    h->unit_end = c->toks[nn.unit_last].end;
  } else {
    h->unit_start = h->unit_end = h->end;
  }
  size_t after = nn.last > num.last ? nn.last : num.last;
  return after + 1;
}

void kgr_figures_find(kgr_arena *a, const char *text, size_t len,
                      kgr_figure_hit_vec *hits) {
  if (!text || !hits || !len)
    return;
  kgr_date_hit_vec dates = {0};
  kgr_dates_find(a, text, len, &dates);
  kgr_date_span *spans = kgr_arena_alloc(a, (dates.count + 1) * sizeof *spans);
  for (size_t d = 0; d < dates.count; d++) {
    spans[d].start = dates.items[d].start;
    spans[d].end = dates.items[d].end;
  }
  kgr_figures_find_dated(a, text, len, spans, dates.count, NULL, hits);
}

void kgr_figures_find_dated(kgr_arena *a, const char *text, size_t len,
                            const kgr_date_span *dates, size_t date_count,
                            kgr_figure_tokens *tokens, kgr_figure_hit_vec *hits) {
  if (!text || !hits || !len)
    return;
  tok_vec own = {0}, *v = tokens ? tokens : &own;
  tokenize(a, text, len, v);
  if (!v->count)
    return;
  mark_dates(dates, date_count, v->items, v->count);
  fctx c = {text, len, v->items, v->count};
  size_t k = 0;
  while (k < c.n) {
    if (!number_at(&c, k)) {
      k++;
      continue;
    }
    size_t skip = k + 1;
    size_t next = figure_at(&c, a, k, hits, &skip);
    k = next ? next : skip;
  }
}
