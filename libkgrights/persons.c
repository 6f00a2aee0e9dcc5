/*
 * persons.c - person names, found only by evidence: a capitalised phrase is
 * a name when a role, title or honorific stands right before it, when a
 * role follows it in apposition, or when a role or kin word follows its
 * possessive. Without such evidence a capitalised phrase is left alone
 * (organisations, titles, sentence starts look just like names), except
 * for later mentions of a name already known.
 */
#include "persons.h"

#include <stdlib.h>
#include <string.h>

#include "organizations.h"
#include "utf8.h"

#define MAX_NAME_WORDS 4
#define MAX_ROLE_TEXT 96
#define INCLUDING_WINDOW 16 /* tokens from a plural role to "including" */

typedef enum role_kind {
  ROLE_NONE = 0,
  ROLE_TITLE,
  ROLE_NOUN,
  ROLE_HONORIFIC,
  ROLE_RELATION,
  ROLE_PLURAL
} role_kind;

/* A role phrase with its modifiers: "former President", "independent
 * journalist". */
typedef struct role_match {
  size_t start, end; /* tokens, modifiers included */
  size_t word;       /* the role's first token, after the modifiers */
  role_kind kind;
  bool cap;      /* the role word itself is capitalised */
  bool has_role; /* text holds a role (honorifics have none) */
  char text[MAX_ROLE_TEXT];
} role_match;

static role_kind kind_of(const kgr_lex_entry *e) {
  if (strcmp(e->extra, "title") == 0)
    return ROLE_TITLE;
  if (strcmp(e->extra, "noun") == 0)
    return ROLE_NOUN;
  if (strcmp(e->extra, "honorific") == 0)
    return ROLE_HONORIFIC;
  if (strcmp(e->extra, "relation") == 0)
    return ROLE_RELATION;
  if (strcmp(e->extra, "plural") == 0)
    return ROLE_PLURAL;
  return ROLE_NONE;
}

static void append(char *buf, const char *s) {
  size_t have = strlen(buf), add = strlen(s);
  if (have + add + 1 < MAX_ROLE_TEXT) {
    memcpy(buf + have, s, add);
    buf[have + add] = '\0';
  }
}

/* Up to three modifiers, then a role, starting at token i. On false, *r
 * is not to be read. */
static bool role_at(const kgr_ent_sent *s, size_t i, role_match *r) {
  const kgr_lex_entry *e;
  size_t end = kgr_etok_lex(s, i, KGR_ELEX_ROLES, &e);
  if (!end)
    return false; /* the usual case: *r is left alone */
  memset(r, 0, sizeof *r);
  r->start = i;
  size_t j = i;
  for (int mods = 0;; mods++) {
    if (strcmp(e->extra, "modifier") == 0) {
      if (mods == 3)
        return false;
      if (strcmp(e->tag, "-") != 0 && !strstr(r->text, e->tag)) {
        append(r->text, e->tag);
        append(r->text, " ");
      }
      j = end;
      end = kgr_etok_lex(s, j, KGR_ELEX_ROLES, &e);
      if (!end)
        return false;
      continue;
    }
    r->kind = kind_of(e);
    if (r->kind == ROLE_NONE)
      return false;
    r->cap = s->tok[j].cap;
    r->word = j;
    r->end = end;
    r->has_role = strcmp(e->tag, "-") != 0;
    if (r->has_role)
      append(r->text, e->tag);
    else
      r->text[0] = '\0';
    return true;
  }
}

static bool is_role_word(const kgr_ent_sent *s, size_t i) {
  return kgr_etok_tag(s, i, KGR_ELEX_ROLES) != NULL;
}

static bool is_modifier(const kgr_ent_sent *s, size_t i) {
  const kgr_lex_entry *e = kgr_etok_lookup(s, i, i + 1, KGR_ELEX_ROLES);
  return e && strcmp(e->extra, "modifier") == 0;
}

/* "A." before a capitalised word: an initial. */
static bool is_initial(const kgr_ent_sent *s, size_t i) {
  return i + 2 < s->n && s->tok[i].kind == KGR_ETOK_WORD && s->tok[i].cap &&
         s->tok[i].end - s->tok[i].start == 1 && kgr_etok_is(s, i + 1, '.') &&
         kgr_etok_glued(s, i + 1) && kgr_etok_is_capword(s, i + 2);
}

/* A word that may be part of a name: capitalised, not a stop word. */
static bool name_word(const kgr_ent_sent *s, size_t i) {
  return kgr_etok_is_capword(s, i) && !kgr_etok_stopword(s, i);
}

/* In a title every word is capitalised: "President Japarov Signs Decree".
 * There a name ends at the first word the document also writes in lower
 * case. */
static size_t cut_title(const kgr_ent_ctx *c, size_t k, size_t m) {
  if (!c->s.title_case)
    return m;
  for (size_t i = k + 1; i < m; i++)
    if (kgr_ent_common_word(c, i))
      return i;
  return m;
}

/* "(Zhina)" at token j, between two words of a name: a second given name
 * in parentheses, one or two capitalised words, a name word after it.
 * Returns the tokens it takes, or 0. */
static size_t alt_name_at(const kgr_ent_sent *s, size_t j) {
  if (!kgr_etok_is(s, j, '('))
    return 0;
  size_t k = j + 1;
  while (k < s->n && k - j <= 2 && name_word(s, k))
    k++;
  if (k == j + 1 || !kgr_etok_is(s, k, ')') || !name_word(s, k + 1))
    return 0;
  return k + 1 - j;
}

/* The same group ending just before token b, after a name word. */
static size_t alt_name_before(const kgr_ent_sent *s, size_t b) {
  if (b < 4 || !kgr_etok_is(s, b - 1, ')'))
    return 0;
  size_t k = b - 1;
  while (k > 0 && b - 1 - k < 2 && name_word(s, k - 1))
    k--;
  if (k == b - 1 || k < 2 || !kgr_etok_is(s, k - 1, '(') || !name_word(s, k - 2))
    return 0;
  return b - (k - 1);
}

/*
 * The name starting at token k: capitalised words, initials, and particles
 * between them. Returns the end token, or 0 when there is no name or the
 * capitalised run is too long to be one. *words gets the word count.
 */
static size_t name_from(const kgr_ent_sent *s, size_t k, size_t *words) {
  size_t j = k, w = 0;
  while (j < s->n && w <= MAX_NAME_WORDS) {
    if (j > k && kgr_etok_breaks(s, j))
      break;
    if (is_initial(s, j)) {
      j += 2;
      w++;
    } else if (name_word(s, j)) {
      j++;
      w++;
    } else if (w > 0 && kgr_etok_particle(s, j) && !s->tok[j].cap && name_word(s, j + 1)) {
      j++;
    } else if (w > 0 && alt_name_at(s, j)) {
      j += alt_name_at(s, j);
    } else {
      break;
    }
  }
  *words = w;
  if (w == 0 || w > MAX_NAME_WORDS || (kgr_etok_is_capword(s, j) && !kgr_etok_breaks(s, j)))
    return 0;
  return j;
}

/*
 * The name ending just before token p: walks back over the same words as
 * name_from(), then drops leading stop words and role phrases. Returns the
 * start token, or SIZE_MAX.
 */
static size_t name_before(const kgr_ent_sent *s, size_t p, size_t *words) {
  size_t b = p, w = 0;
  while (b > 0 && w <= MAX_NAME_WORDS + 3 && !(b < p && kgr_etok_breaks(s, b))) {
    if (kgr_etok_is_capword(s, b - 1)) {
      b--;
      w++;
    } else if (b >= 2 && kgr_etok_is(s, b - 1, '.') && is_initial(s, b - 2)) {
      b -= 2;
      w++;
    } else if (w > 0 && kgr_etok_particle(s, b - 1) && !s->tok[b - 1].cap) {
      b--;
    } else if (w > 0 && alt_name_before(s, b)) {
      b -= alt_name_before(s, b);
    } else {
      break;
    }
  }
  if (w == 0 || w > MAX_NAME_WORDS + 3)
    return SIZE_MAX;
  /* The run goes on to the left (an acronym, a number word): not a name. */
  if (b > 0 && s->tok[b - 1].kind == KGR_ETOK_WORD && s->tok[b - 1].cap && !kgr_etok_breaks(s, b))
    return SIZE_MAX;
  for (;;) {
    role_match r;
    if (b < p && kgr_etok_stopword(s, b)) {
      b++;
    } else if (b < p && role_at(s, b, &r) && r.end < p) {
      b = r.end;
      if (kgr_etok_is(s, b, '.'))
        b++;
    } else {
      break;
    }
  }
  size_t n = 0;
  for (size_t i = b; i < p; i++) {
    size_t g = alt_name_at(s, i);
    if (g) /* the alternative is no word of the name */
      i += g - 1;
    else
      n += kgr_etok_is_capword(s, i);
  }
  *words = n;
  if (n == 0 || n > MAX_NAME_WORDS || !name_word(s, b) || !name_word(s, p - 1))
    return SIZE_MAX;
  return b;
}

/*
 * Can tokens [k, m) be a person's name? None of its words may be an
 * organisation, place-type, media or role word, or a country adjective; the
 * whole may not be a country or a place. A single word needs `single_ok`
 * and must not be a common word of the document.
 */
static bool valid_name(const kgr_ent_ctx *c, size_t k, size_t m, bool single_ok) {
  const kgr_ent_sent *s = &c->s;
  if (m <= k)
    return false;
  size_t words = 0, geo_words = 0;
  for (size_t i = k; i < m; i++) {
    size_t g = alt_name_at(s, i);
    if (g) {
      i += g - 1;
      continue;
    }
    if (s->tok[i].kind != KGR_ETOK_WORD)
      continue;
    if (kgr_etok_particle(s, i) && !s->tok[i].cap)
      continue;
    words++;
    if (kgr_etok_orgword(s, i) || is_role_word(s, i) || kgr_etok_tag(s, i, KGR_ELEX_PLACE_TYPES) ||
        kgr_etok_tag(s, i, KGR_ELEX_MEDIA_WORDS))
      return false;
    /* "Eastern Europe and Central Asia": a region's words. A given name
     * may be one ("Asia Sasykbaeva"): only a first word is let pass. */
    const char *geo = kgr_etok_tag(s, i, KGR_ELEX_ORG_WORDS);
    if (geo && (strcmp(geo, "not_country") == 0 || strcmp(geo, "region") == 0)) {
      if (i != k || strcmp(geo, "not_country") != 0)
        return false;
      geo_words++;
    }
    bool is_name = false;
    if (kgr_country_lookup(s->text + s->tok[i].start, s->tok[i].end - s->tok[i].start, &is_name))
      return false;
  }
  if (!kgr_ent_free(c, s->tok[k].start, s->tok[m - 1].end))
    return false;
  const char *text = s->text + s->tok[k].start;
  size_t len = s->tok[m - 1].end - s->tok[k].start;
  if (words == 1 && (!single_ok || kgr_ent_common_word(c, k)))
    return false;
  if (geo_words == words)
    return false;
  return kgr_gaz_lookup(text, len, c->country) == NULL;
}

/* Are the capitalised words of tokens [i, j) all regional ("Eastern
 * Europe and Central Asia")? A director "for" a region is no body's. */
static bool only_region_words(const kgr_ent_sent *s, size_t i, size_t j) {
  size_t words = 0;
  for (size_t t = i; t < j; t++) {
    if (s->tok[t].kind != KGR_ETOK_WORD || kgr_etok_word_is(s, t, "and"))
      continue;
    const char *tag = kgr_etok_tag(s, t, KGR_ELEX_ORG_WORDS);
    if (!tag || (strcmp(tag, "region") != 0 && strcmp(tag, "not_country") != 0))
      return false;
    words++;
  }
  return words > 0;
}

/*
 * The affiliation after a role and its preposition, starting at token q:
 * "Current Time", "the Kloop news website" (Kloop), "independent news
 * website 24.kg". Not a country or a place ("President of Kyrgyzstan", "a
 * journalist from Osh"). Returns the end token (0: none), *start its start.
 */
static size_t affiliation_at(const kgr_ent_ctx *c, size_t q, size_t *start) {
  const kgr_ent_sent *s = &c->s;
  if (kgr_etok_is_article(s, q))
    q++;
  /* "a member of the board of the X": a part of the body, then the body */
  for (size_t k = q; k < s->n && k - q < 3 && kgr_etok_is_word(s, k) && !s->tok[k].cap; k++) {
    if (kgr_etok_word_is(s, k, "of")) {
      if (k > q) {
        q = k + 1;
        if (kgr_etok_is_article(s, q))
          q++;
      }
      break;
    }
  }
  /* Lower-case words are skipped only when a media word ends them. */
  size_t k = q;
  bool media = false;
  for (size_t steps = 0; k < s->n && steps < 5; steps++) {
    const kgr_lex_entry *e;
    size_t end = kgr_etok_lex(s, k, KGR_ELEX_MEDIA_WORDS, &e);
    if (end && !s->tok[k].cap) {
      k = end;
      media = true;
      break;
    }
    if (!kgr_etok_is_word(s, k) || s->tok[k].cap)
      break;
    k++;
  }
  if (!media) {
    /* "a member of the opposition Coordination Council" */
    k = q;
    while (kgr_etok_is_word(s, k) && !s->tok[k].cap && is_modifier(s, k))
      k++;
    /* "the now-closed Apple Daily newspaper": lower-case words, then a
     * name that a media word follows */
    size_t w = k, st;
    while (w < s->n && w - k < 2 && kgr_etok_is_word(s, w) && !s->tok[w].cap &&
           !kgr_etok_stopword(s, w))
      w++;
    size_t e = w > k ? kgr_org_name_at(s, w, false, &st) : 0;
    const kgr_lex_entry *me;
    if (e && st == w && kgr_etok_lex(s, e, KGR_ELEX_MEDIA_WORDS, &me) && !s->tok[e].cap)
      k = w;
  }
  size_t m = kgr_org_name_at(s, k, media, start);
  if (!m || only_region_words(s, *start, m))
    return 0;
  const char *first = kgr_etok_orgword(s, *start); /* a portfolio: "Foreign Affairs" */
  if (first && strcmp(first, "subject") == 0)
    return 0;
  if (kgr_etok_country(s, *start, m) || kgr_etok_stopword(s, *start) ||
      kgr_gaz_lookup(s->text + s->tok[*start].start, s->tok[m - 1].end - s->tok[*start].start,
                     c->country))
    return 0;
  return m;
}

static bool is_affiliation_prep(const kgr_ent_sent *s, size_t i) {
  return kgr_etok_word_is(s, i, "for") || kgr_etok_word_is(s, i, "from") ||
         kgr_etok_word_is(s, i, "at") || kgr_etok_word_is(s, i, "with") ||
         kgr_etok_word_is(s, i, "of");
}

/* The name that tokens [k, m) spell, an alternative in parentheses left
 * out: "Mahsa (Zhina) Amini" is Mahsa Amini, the name she is most often
 * cited by (the span keeps the whole). */
static kgr_str name_text(kgr_ent_ctx *c, size_t k, size_t m) {
  const kgr_ent_sent *s = &c->s;
  kgr_buf b = {0};
  size_t from = k;
  for (size_t i = k; i < m; i++) {
    size_t g = alt_name_at(s, i);
    if (!g)
      continue;
    kgr_buf_append(&c->doc->arena, &b, s->text + s->tok[from].start,
                   s->tok[i - 1].end - s->tok[from].start);
    kgr_buf_putc(&c->doc->arena, &b, ' ');
    from = i + g;
    i += g - 1;
  }
  if (from == k)
    return (kgr_str){s->text + s->tok[k].start, s->tok[m - 1].end - s->tok[k].start};
  kgr_buf_append(&c->doc->arena, &b, s->text + s->tok[from].start,
                 s->tok[m - 1].end - s->tok[from].start);
  return kgr_buf_str(&c->doc->arena, &b);
}

static void add(kgr_ent_ctx *c, size_t k, size_t m, const role_match *r, size_t aff_start,
                size_t aff_end) {
  const kgr_ent_sent *s = &c->s;
  size_t as = 0, ae = 0;
  if (aff_end > aff_start) {
    as = s->tok[aff_start].start;
    ae = s->tok[aff_end - 1].end;
  }
  const char *role = r && r->has_role ? r->text : NULL;
  if (kgr_ent_free(c, s->tok[k].start, s->tok[m - 1].end)) {
    kgr_str name = name_text(c, k, m);
    kgr_ent_add_person_as(c, s->tok[k].start, s->tok[m - 1].end, name.ptr, name.len, role, as, ae);
  } else {
    /* Read already, by a title before it: "human rights defender X, head
     * of Y" adds the second role. */
    size_t p = kgr_ent_find_person(c, k, m);
    if (p == SIZE_MAX)
      return;
    kgr_ent_person_info(c, p, role, as, ae);
  }
  if (ae > as && kgr_ent_free(c, as, ae))
    kgr_ent_add_org(c, as, ae, NULL, 0, kgr_org_country(c, aff_start, aff_end));
}

static size_t outlet_after(const kgr_ent_ctx *c, size_t p, size_t *as);
static size_t org_before(const kgr_ent_ctx *c, size_t i);

/* "journalists Aida Bekova and Marat Usenov": a plural role and a list of
 * full names. Returns the token to go on from. */
static size_t name_list(kgr_ent_ctx *c, const role_match *r) {
  const kgr_ent_sent *s = &c->s;
  size_t k = r->end, last = r->end;
  /* "journalists and lawyers who spoke out, including X and Y": the
   * names are the role's, which of them is which is not said */
  const role_match *role = r;
  size_t words0;
  if (!name_from(s, k, &words0)) {
    for (size_t t = k; t < s->n && t - k < INCLUDING_WINDOW; t++) {
      if (kgr_etok_is(s, t, '.') || kgr_etok_is(s, t, ';'))
        break;
      if (kgr_etok_word_is(s, t, "including") || kgr_etok_word_is(s, t, "among")) {
        k = kgr_etok_word_is(s, t + 1, "them") ? t + 2 : t + 1;
        role = NULL;
        break;
      }
    }
  }
  for (;;) {
    size_t words, e = name_from(s, k, &words);
    if (!e || words < 2 || !valid_name(c, k, e, false))
      break;
    add(c, k, e, role, 0, 0);
    last = e;
    if (kgr_etok_is(s, e, ',')) {
      k = e + 1;
      if (kgr_etok_word_is(s, k, "and"))
        k++;
    } else if (kgr_etok_word_is(s, e, "and")) {
      k = e + 1;
    } else {
      break;
    }
  }
  return last;
}

/* Can token i close a name read after a title ("..., X Y, said")? */
static bool name_closes(const kgr_ent_sent *s, size_t i) {
  return i >= s->n || kgr_etok_is(s, i, ',') || kgr_etok_is(s, i, '.') || kgr_etok_is(s, i, ';') ||
         kgr_etok_is(s, i, ')') || kgr_etok_breaks(s, i) ||
         (s->tok[i].kind == KGR_ETOK_WORD && !s->tok[i].cap);
}

/* Does token i open the sentence or an input line? */
static bool opens_line(const kgr_ent_sent *s, size_t i) {
  return i == 0 || s->tok[i].line_start;
}

/*
 * A role "of" a body, then the name: "the head of the Central Election
 * Commission, Nurzhan Shaildabekova," (the body is the affiliation), or,
 * after a capitalised title, "Minister of Health Alymkadyr Beishenaliev"
 * (the name is the end of the run made of words the document does not
 * also use in lower case). Returns the token to go on from, or 0.
 */
static size_t role_of_body(kgr_ent_ctx *c, const role_match *r) {
  const kgr_ent_sent *s = &c->s;
  size_t p = r->end;
  if (!(kgr_etok_word_is(s, p, "of") || kgr_etok_word_is(s, p, "for") ||
        kgr_etok_word_is(s, p, "at")))
    return 0;
  size_t q = p + 1;
  if (kgr_etok_is_article(s, q))
    q++;
  size_t st, m = kgr_org_name_at(s, q, true, &st);
  if (!m || st != q)
    return 0;
  /* "Minister of Foreign Affairs of Poland": a portfolio ("subject"
   * words), or a nation, is no body to be affiliated with */
  const char *first = kgr_etok_orgword(s, st);
  bool nation =
      kgr_etok_country(s, st, m) != NULL || (first && strcmp(first, "subject") == 0) ||
      kgr_gaz_lookup(s->text + s->tok[st].start, s->tok[m - 1].end - s->tok[st].start, c->country);
  /* "Spokesperson for the High Commissioner: X Y" opening a line */
  bool colon = kgr_etok_is(s, m, ':') && opens_line(s, r->start);
  if (kgr_etok_is(s, m, ',') || colon) {
    size_t k = m + 1, words;
    size_t e = name_from(s, k, &words);
    if (!e || words < 2 || !name_closes(s, e) || !valid_name(c, k, e, false))
      return 0;
    add(c, k, e, r, nation ? 0 : st, nation ? 0 : m);
    return e;
  }
  if (!r->cap || !name_closes(s, m))
    return 0;
  size_t b = m;
  while (b > st && m - b < 3 && name_word(s, b - 1) && !kgr_etok_orgword(s, b - 1) &&
         !kgr_ent_common_word(c, b - 1) && !kgr_etok_country(s, b - 1, b) &&
         !kgr_gaz_lookup(s->text + s->tok[b - 1].start, s->tok[b - 1].end - s->tok[b - 1].start,
                         c->country))
    b--;
  if (m - b < 2 || b == st || !valid_name(c, b, m, false))
    return 0;
  add(c, b, m, r, 0, 0);
  return m;
}

/* "22-year-old": an age, which only a person's name follows. */
static bool is_age(const kgr_ent_sent *s, size_t i) {
  if (!kgr_etok_is_word(s, i) || !s->tok[i].digit)
    return false;
  const char *t = s->text + s->tok[i].start;
  size_t n = s->tok[i].end - s->tok[i].start, d = 0;
  while (d < n && d < 3 && kgr_is_digit((unsigned char)t[d]))
    d++;
  return d > 0 && (kgr_ascii_ieq(t + d, n - d, "-year-old") ||
                   kgr_ascii_ieq(t + d, n - d, "-years-old"));
}

/* A full name (two to four words) at token k that ends where a name can
 * end: recorded with role r (may be NULL). Returns the token after it, or
 * `otherwise`. */
static size_t full_name_after(kgr_ent_ctx *c, size_t k, const role_match *r, size_t otherwise) {
  const kgr_ent_sent *s = &c->s;
  size_t words, e = name_from(s, k, &words);
  if (!e || words < 2 || !name_closes(s, e) || !valid_name(c, k, e, false))
    return otherwise;
  add(c, k, e, r, 0, 0);
  return e;
}

/* A signature: a full name on a line of its own, its title on the next
 * ("Amara Okonjo\nSpecial Rapporteur on ..."). Returns the token after
 * the name, or 0. */
static size_t signature(kgr_ent_ctx *c, size_t i) {
  const kgr_ent_sent *s = &c->s;
  if (i > 0 && !s->tok[i].line_start)
    return 0;
  size_t words, e = name_from(s, i, &words);
  role_match r;
  if (!e || words < 2 || !s->tok[e].own_line || !role_at(s, e, &r) || !r.cap ||
      (r.kind != ROLE_TITLE && r.kind != ROLE_NOUN) || !valid_name(c, i, e, false))
    return 0;
  add(c, i, e, &r, 0, 0);
  return e;
}

/* "President Sooronbay Jeenbekov", "journalist X", "Mr. X". Returns the
 * token to go on from. */
static size_t role_before(kgr_ent_ctx *c, size_t i) {
  const kgr_ent_sent *s = &c->s;
  role_match r;
  if (is_age(s, i)) /* "22-year-old Mahsa Amini" */
    return full_name_after(c, i + 1, NULL, i + 1);
  size_t signed_end = signature(c, i);
  if (signed_end)
    return signed_end;
  if (!role_at(s, i, &r))
    return i + 1;
  if (r.kind == ROLE_RELATION) {
    /* "his wife, Aida Bekova,", "Japarov's lawyer Ruslan Kharizov": kin
     * of someone named: a person, whose kinship is no role of hers */
    bool owned = r.start > 0 && (s->tok[r.start - 1].kind == KGR_ETOK_POSS ||
                                 kgr_etok_word_is(s, r.start - 1, "his") ||
                                 kgr_etok_word_is(s, r.start - 1, "her") ||
                                 kgr_etok_word_is(s, r.start - 1, "their"));
    if (!owned || !r.has_role || r.cap)
      return i + 1;
    size_t k = kgr_etok_is(s, r.end, ',') ? r.end + 1 : r.end;
    return full_name_after(c, k, NULL, i + 1);
  }
  if (r.kind == ROLE_PLURAL)
    return name_list(c, &r);
  if (r.kind != ROLE_HONORIFIC) {
    size_t next = role_of_body(c, &r);
    if (next)
      return next;
  }
  /* "a protester, X Y,"; "Spokesperson: X Y" opening a line */
  bool colon = kgr_etok_is(s, r.end, ':') && r.cap && opens_line(s, r.start);
  if ((kgr_etok_is(s, r.end, ',') || colon) && r.kind != ROLE_HONORIFIC) {
    size_t words, k = r.end + 1, e = name_from(s, k, &words);
    if (e && words >= 2 && name_closes(s, e) && valid_name(c, k, e, false)) {
      size_t ob = r.word == r.start ? org_before(c, r.start) : SIZE_MAX;
      add(c, k, e, &r, ob == SIZE_MAX ? 0 : ob, ob == SIZE_MAX ? 0 : r.start);
      return e;
    }
    return r.end;
  }
  size_t k = r.end;
  if (r.kind == ROLE_NOUN && !r.cap) {
    /* "its director Ulvi Hasanli": a full name right after the noun;
     * "Abzas Media director X": the employer before it */
    size_t words, e = name_from(s, k, &words);
    if (!e || words < 2 || !name_closes(s, e) || !valid_name(c, k, e, false))
      return i + 1;
    size_t ob = r.word == r.start ? org_before(c, r.start) : SIZE_MAX;
    add(c, k, e, &r, ob == SIZE_MAX ? 0 : ob, ob == SIZE_MAX ? 0 : r.start);
    return e;
  }
  /* "Mr. X", "Prof. X", "Gen. X". */
  if (kgr_etok_is(s, k, '.') && kgr_etok_glued(s, k))
    k++;
  size_t words;
  size_t m = name_from(s, k, &words);
  if (!m)
    return r.end;
  m = cut_title(c, k, m);
  bool single_ok = r.cap || r.kind == ROLE_HONORIFIC;
  if (!valid_name(c, k, m, single_ok))
    return r.end;
  /* "journalist X of the news site Y"; but "President X of Kyrgyzstan"
   * is not an affiliation: only an outlet named as one is. */
  size_t as = 0, ae = outlet_after(c, m, &as), next = ae ? ae : m;
  if (!ae) {
    size_t ob = r.word == r.start ? org_before(c, r.start) : SIZE_MAX;
    if (ob != SIZE_MAX) {
      as = ob;
      ae = r.start;
    }
  }
  add(c, k, m, &r, as, ae);
  return next;
}

/*
 * The employer named right before a role: "a Current Time journalist",
 * "Kloop reporter X", "the BBC correspondent". A plain run of capitalised
 * words (no "of", "and") ending at token i, not a country, place, role or
 * sentence starter. Returns its start, or SIZE_MAX.
 */
static size_t org_before(const kgr_ent_ctx *c, size_t i) {
  const kgr_ent_sent *s = &c->s;
  size_t b = i;
  while (b > 0 && i - b <= 4 && s->tok[b - 1].kind == KGR_ETOK_WORD &&
         (s->tok[b - 1].cap || s->tok[b - 1].dotted))
    b--;
  if (b == i || i - b > 4)
    return SIZE_MAX;
  while (b < i && kgr_etok_stopword(s, b))
    b++;
  if (b == i || !kgr_ent_free(c, s->tok[b].start, s->tok[i - 1].end))
    return SIZE_MAX;
  /* "Media lawyer X" opening a sentence: a common word, not an outlet */
  if (i - b == 1 && kgr_ent_common_word(c, b))
    return SIZE_MAX;
  for (size_t t = b; t < i; t++)
    if (kgr_etok_country(s, t, t + 1) || is_role_word(s, t))
      return SIZE_MAX;
  if (kgr_gaz_lookup(s->text + s->tok[b].start, s->tok[i - 1].end - s->tok[b].start, c->country))
    return SIZE_MAX;
  return b;
}

/* Is token q one that may stand between the article and the role of an
 * apposition: "a 25-year-old Kyrgyz journalist", "Europe and Central Asia
 * director at ..."? */
static bool before_role(const kgr_ent_sent *s, size_t q) {
  const kgr_etok *t = &s->tok[q];
  if (t->kind == KGR_ETOK_NUMBER || kgr_etok_is(s, q, '-') || t->kind == KGR_ETOK_POSS)
    return true;
  if (t->kind != KGR_ETOK_WORD || kgr_etok_stopword(s, q))
    return kgr_etok_word_is(s, q, "and") && q > 0 && s->tok[q - 1].cap && q + 1 < s->n &&
           s->tok[q + 1].cap;
  return true;
}

/* "X Y, a reporter for Z", "X Y, the former President of Kyrgyzstan",
 * "X Y, a Current Time journalist", "X Y, 34,". */
static void appositive(kgr_ent_ctx *c, size_t p) {
  const kgr_ent_sent *s = &c->s;
  size_t words;
  size_t b = name_before(s, p, &words);
  if (b == SIZE_MAX)
    return;
  bool known = words == 1 && kgr_ent_find_person(c, b, p) != SIZE_MAX;
  if (words < 2 && !known)
    return;
  size_t q = p + 1;
  /* An age: "Alexander Taraikovsky, 34, died". */
  if (q + 1 < s->n && s->tok[q].kind == KGR_ETOK_NUMBER && kgr_etok_is(s, q + 1, ',') &&
      s->tok[q].end - s->tok[q].start <= 3 && words >= 2 &&
      strtol(s->text + s->tok[q].start, NULL, 10) > 0 &&
      strtol(s->text + s->tok[q].start, NULL, 10) < 110) {
    if (valid_name(c, b, p, false))
      add(c, b, p, NULL, 0, 0);
    return;
  }
  if (kgr_etok_is_article(s, q))
    q++;
  role_match r;
  bool found = false;
  size_t first = q;
  for (size_t skip = 0; q < s->n && skip <= 5; skip++, q++) {
    if (role_at(s, q, &r)) {
      found = r.kind != ROLE_HONORIFIC && r.kind != ROLE_PLURAL;
      break;
    }
    if (!before_role(s, q))
      break;
  }
  if (!found)
    return;
  /* "X Y, Prime Minister A B, ...": a list of titled names, the role is
   * the next person's */
  size_t next_words;
  if (name_from(s, r.end, &next_words) && next_words >= 2)
    return;
  bool read = !kgr_ent_free(c, s->tok[b].start, s->tok[p - 1].end) &&
              kgr_ent_find_person(c, b, p) != SIZE_MAX;
  if (!read && !valid_name(c, b, p, known))
    return;
  size_t as = 0, ae = 0;
  if (is_affiliation_prep(s, r.end))
    ae = affiliation_at(c, r.end + 1, &as);
  if (!ae && r.start > first) {
    /* "X, Amnesty International's Director for ...": the possessor */
    size_t end = r.start;
    if (end > first + 1 && s->tok[end - 1].kind == KGR_ETOK_POSS)
      end--;
    size_t ob = org_before(c, end);
    if (ob == first) {
      as = ob;
      ae = end;
    }
  }
  add(c, b, p, &r, as, ae);
}

/* Is token p a preposition that may name an outlet after it? */
static bool outlet_prep(const kgr_ent_sent *s, size_t p) {
  return kgr_etok_word_is(s, p, "of") || kgr_etok_word_is(s, p, "from") ||
         kgr_etok_word_is(s, p, "with") || kgr_etok_word_is(s, p, "at");
}

/* An outlet after a name: "of the news site 24.kg", "from the Kloop news
 * website". Token p is the preposition. Returns the affiliation's end
 * token (0: none) and sets *as. */
static size_t outlet_after(const kgr_ent_ctx *c, size_t p, size_t *as) {
  const kgr_ent_sent *s = &c->s;
  if (!outlet_prep(s, p))
    return 0;
  size_t q = p + 1;
  if (kgr_etok_is_article(s, q))
    q++;
  const kgr_lex_entry *e;
  size_t m = kgr_etok_lex(s, q, KGR_ELEX_MEDIA_WORDS, &e);
  if (m && !s->tok[q].cap)
    return affiliation_at(c, q, as);
  /* "the Kloop news website" */
  size_t st;
  m = kgr_org_name_at(s, q, false, &st);
  if (m && st == q && kgr_etok_lex(s, m, KGR_ELEX_MEDIA_WORDS, &e) && !s->tok[m].cap &&
      !kgr_etok_country(s, st, m)) {
    *as = st;
    return m;
  }
  return 0;
}

/* "Ruslan Kharizov of the news site 24.kg": a name, a preposition and an
 * outlet named with a media word. */
static void name_of_outlet(kgr_ent_ctx *c, size_t p) {
  const kgr_ent_sent *s = &c->s;
  if (!outlet_prep(s, p)) /* (outlet_after() needs one: the cheap test first) */
    return;
  size_t words;
  size_t b = name_before(s, p, &words);
  if (b == SIZE_MAX || words < 2)
    return;
  size_t as;
  size_t ae = outlet_after(c, p, &as);
  if (ae && valid_name(c, b, p, false))
    add(c, b, p, NULL, as, ae);
}

/* "Sadyr Japarov's lawyer": a possessive followed by a role or kin word. */
static void possessive(kgr_ent_ctx *c, size_t p) {
  const kgr_ent_sent *s = &c->s;
  role_match r;
  if (!role_at(s, p + 1, &r) || r.kind == ROLE_HONORIFIC)
    return;
  size_t words;
  size_t b = name_before(s, p, &words);
  if (b == SIZE_MAX || words < 2 || !valid_name(c, b, p, false))
    return;
  add(c, b, p, NULL, 0, 0);
}

/* "a woman, Margarita Yudina,", "one young man, X Y.": a noun for a person
 * after "a", "an", "one" or "another" (and a few modifiers), then a comma
 * at token p and a full name. No role: "woman" says none. */
static void noun_apposition(kgr_ent_ctx *c, size_t p) {
  const kgr_ent_sent *s = &c->s;
  if (p == 0 || !kgr_etok_is_word(s, p - 1) || s->tok[p - 1].cap ||
      !kgr_etok_lookup(s, p - 1, p, KGR_ELEX_PEOPLE_NOUNS))
    return;
  bool det = false;
  for (size_t k = p - 1, steps = 0; k > 0 && steps < 4 && !det; k--, steps++) {
    size_t t = k - 1;
    det = kgr_etok_word_is(s, t, "a") || kgr_etok_word_is(s, t, "an") ||
          kgr_etok_word_is(s, t, "one") || kgr_etok_word_is(s, t, "another");
    bool modifier = (kgr_etok_is_word(s, t) && !s->tok[t].cap && !kgr_etok_stopword(s, t)) ||
                    s->tok[t].kind == KGR_ETOK_NUMBER || kgr_etok_is(s, t, '-');
    if (!det && !modifier)
      return;
  }
  if (det)
    full_name_after(c, p + 1, NULL, 0);
}

/* Are the words of tokens [b, e) fit for a name with no other evidence
 * than a verb of saying: no word the document writes in lower case, not
 * an organisation known by that name? */
static bool speaker_name_ok(const kgr_ent_ctx *c, size_t b, size_t e, size_t words) {
  if (words < 2 || words > 3 || !valid_name(c, b, e, false) || kgr_ent_find_org(c, b, e) != SIZE_MAX)
    return false;
  for (size_t t = b; t < e; t++)
    if (c->s.tok[t].kind == KGR_ETOK_WORD && (kgr_ent_common_word(c, t) || c->s.tok[t].field))
      return false;
  return true;
}

/* Can token t stand before the subject of a verb of saying: the start of
 * the sentence, a comma or a quotation mark? */
static bool clause_opens(const kgr_ent_sent *s, size_t b) {
  if (b == 0)
    return true;
  uint32_t cp = s->tok[b - 1].cp;
  return s->tok[b - 1].kind == KGR_ETOK_PUNCT &&
         (cp == ',' || cp == ';' || cp == '"' || cp == 0x201D || cp == 0x201C || cp == 0xBB);
}

/*
 * A verb of saying at token i (lex_report_verbs, tag "say") and a full
 * name as its subject ("..., Aida Bekova told reporters") or after it
 * ('"...," said Aida Bekova.', "according to Aida Bekova,"). Organisations
 * speak too: the name must pass speaker_name_ok().
 */
static void speaker(kgr_ent_ctx *c, size_t i) {
  const kgr_ent_sent *s = &c->s;
  if (s->tok[i].cap && !kgr_etok_word_is(s, i, "according"))
    return;
  const kgr_lex_entry *e;
  size_t v = kgr_etok_lex(s, i, KGR_ELEX_REPORT_VERBS, &e);
  if (!v || strcmp(e->tag, "say") != 0)
    return;
  size_t words, b = i > 0 ? name_before(s, i, &words) : SIZE_MAX;
  if (b != SIZE_MAX && clause_opens(s, b) && !kgr_etok_word_is(s, i, "according") &&
      kgr_ent_free(c, s->tok[b].start, s->tok[i - 1].end) && speaker_name_ok(c, b, i, words)) {
    add(c, b, i, NULL, 0, 0);
    return;
  }
  /* after the verb: only in a quote's attribution, or "according to" */
  bool attribution = kgr_etok_word_is(s, i, "according") ||
                     (i > 0 && kgr_etok_is_word(s, i) && clause_opens(s, i) && v == i + 1);
  if (!attribution)
    return;
  size_t m = name_from(s, v, &words);
  if (m && (kgr_etok_is(s, m, ',') || kgr_etok_is(s, m, '.') || m >= s->n) &&
      kgr_ent_free(c, s->tok[v].start, s->tok[m - 1].end) && speaker_name_ok(c, v, m, words))
    add(c, v, m, NULL, 0, 0);
}

void kgr_find_persons(kgr_ent_ctx *c) {
  const kgr_ent_sent *s = &c->s;
  if (s->all_caps)
    return;
  for (size_t i = 0; i < s->n;) {
    const kgr_etok *t = &s->tok[i];
    if (t->kind == KGR_ETOK_WORD) {
      if (!t->cap)
        name_of_outlet(c, i);
      speaker(c, i);
      i = role_before(c, i);
      continue;
    }
    if (kgr_etok_is(s, i, ',')) {
      appositive(c, i);
      noun_apposition(c, i);
    }
    else if (t->kind == KGR_ETOK_POSS)
      possessive(c, i);
    i++;
  }
}

/* "Mahsa Amini" where only "Ms. Amini" gave evidence: tokens [i, j) end
 * with the one word a person is known by, and the words before it could
 * be given names. The person takes the fuller name. */
static bool fuller_name(kgr_ent_ctx *c, size_t i, size_t j) {
  const kgr_ent_sent *s = &c->s;
  size_t p = kgr_ent_find_person(c, j - 1, j);
  if (p == SIZE_MAX || !valid_name(c, i, j - 1, true))
    return false;
  for (size_t t = i; t + 1 < j; t++)
    if (!name_word(s, t) || kgr_etok_tag(s, t, KGR_ELEX_PERSON_STOPWORDS))
      return false;
  return kgr_ent_person_fuller(c, p, s->tok[i].start, s->tok[j - 1].end);
}

void kgr_find_person_mentions(kgr_ent_ctx *c) {
  const kgr_ent_sent *s = &c->s;
  if (s->all_caps)
    return;
  for (size_t i = 0; i < s->n; i++) {
    if (!kgr_etok_is_capword(s, i) || kgr_etok_stopword(s, i) ||
        (i > 0 && kgr_etok_is_capword(s, i - 1) && !kgr_etok_stopword(s, i - 1) &&
         !is_role_word(s, i - 1)))
      continue;
    size_t run = i;
    while (run < s->n && run - i < MAX_NAME_WORDS + 1 && !(run > i && kgr_etok_breaks(s, run)) &&
           (kgr_etok_is_capword(s, run) ||
            (run > i && kgr_etok_particle(s, run) && !s->tok[run].cap)))
      run++;
    /* The whole run must be one known name: "Atambayev" alone, not
     * "Atambayev Street" or another Atambayev's first name. */
    if (run - i > MAX_NAME_WORDS)
      continue;
    size_t p = kgr_ent_find_person(c, i, run);
    if (!kgr_ent_free(c, s->tok[i].start, s->tok[run - 1].end))
      continue;
    if (p == SIZE_MAX && run - i >= 2 && fuller_name(c, i, run)) {
      i = run - 1;
      continue;
    }
    if (p == SIZE_MAX)
      continue;
    kgr_ent_person_mention(c, p, s->tok[i].start, s->tok[run - 1].end);
    i = run - 1;
  }
}
