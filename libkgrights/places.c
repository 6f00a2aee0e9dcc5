/*
 * places.c - places named in a sentence: cities and regions from the
 * gazetteer, and named squares, streets and buildings ("Ala-Too Square").
 *
 * Many gazetteer names are also common words or parts of other names
 * ("Time" in "Current Time", "Union", "Police"), so a gazetteer match is
 * kept only when it stands alone: not inside a person's or organisation's
 * name, not glued to another capitalised word, and not a word the document
 * also uses in lower case. Countries are never recorded as places: the
 * document's country says that; but a territory that is one city ("Hong
 * Kong") is a place, also in a document about it.
 */
#include "places.h"

#include <string.h>

#define MAX_PLACE_WORDS 4
#define ABROAD_POPULATION 100000 /* a smaller town abroad needs "in", "from" */

/* Does a locative preposition ("in", "near", "from") stand right before
 * token i, perhaps with a list between ("in Minsk, Brest and Grodno")? */
static bool after_locative(const kgr_ent_sent *s, size_t i) {
  static const char *const preps[] = {"in",      "near",   "from",   "at",      "to",
                                      "outside", "into",   "around", "towards", "toward",
                                      "via",     "across", "within", "through"};
  for (size_t k = i, steps = 0; k > 0 && steps < 8; k--, steps++) {
    size_t p = k - 1;
    for (size_t w = 0; w < sizeof preps / sizeof *preps; w++)
      if (kgr_etok_word_is(s, p, preps[w]))
        return true;
    if (!(kgr_etok_is(s, p, ',') || kgr_etok_word_is(s, p, "and") || kgr_etok_is_capword(s, p)))
      return false;
  }
  return false;
}

/* Is token i a word that makes an organisation ("University", "Bar
 * Association", "Committee")? */
static bool org_word(const kgr_ent_sent *s, size_t i) {
  const char *tag = kgr_etok_orgword(s, i);
  if (tag && strcmp(tag, "subject") != 0)
    return true;
  tag = kgr_etok_tag(s, i, KGR_ELEX_ORG_WORDS);
  return tag && (strcmp(tag, "org") == 0 || strcmp(tag, "state") == 0);
}

static bool free_tokens(const kgr_ent_ctx *c, size_t i, size_t j) {
  return i < j && kgr_ent_free(c, c->s.tok[i].start, c->s.tok[j - 1].end);
}

/* Words that cannot be part of a place's name. */
static bool foreign_word(const kgr_ent_sent *s, size_t i) {
  const char *org = kgr_etok_orgword(s, i);
  return (org && strcmp(org, "subject") != 0) || kgr_etok_tag(s, i, KGR_ELEX_ROLES) ||
         kgr_etok_tag(s, i, KGR_ELEX_MEDIA_WORDS) || kgr_etok_stopword(s, i);
}

static const kgr_gaz_entry *gaz_whole(const kgr_ent_ctx *c, size_t i, size_t j) {
  const kgr_ent_sent *s = &c->s;
  return kgr_gaz_lookup(s->text + s->tok[i].start, s->tok[j - 1].end - s->tok[i].start, c->country);
}

/*
 * A named place ending in the place-type word at token t ("Ala-Too
 * Square", "Chuy Avenue", "4 October Street", "Osh Region"). Returns the
 * token to go on from.
 */
static size_t named_place(kgr_ent_ctx *c, size_t t) {
  const kgr_ent_sent *s = &c->s;
  if (!kgr_etok_is_capword(s, t))
    return t + 1;
  const kgr_lex_entry *e;
  size_t u = kgr_etok_lex(s, t, KGR_ELEX_PLACE_TYPES, &e);
  if (!u || strcmp(e->tag, "territory") == 0)
    return t + 1;
  /* The capitalised words before the type word. */
  size_t b = t;
  while (b > 0 && t - b <= MAX_PLACE_WORDS && kgr_etok_is_capword(s, b - 1))
    b--;
  if (t - b > MAX_PLACE_WORDS)
    return u;
  const char *type = e->tag;
  bool street = strcmp(type, "street") == 0;
  /* "4 October Street": a date as a street name. */
  if (street && t - b == 1 && b > 0 && s->tok[b - 1].kind == KGR_ETOK_NUMBER &&
      kgr_etok_stopword(s, b) && !kgr_etok_tag(s, b, KGR_ELEX_PERSON_STOPWORDS)) {
    b--;
  } else {
    while (b < t && kgr_etok_stopword(s, b))
      b++;
    if (b == t)
      return u;
    for (size_t i = b; i < t; i++)
      if (foreign_word(s, i))
        return u;
  }
  /* "Osh State University Hospital": the longer name is read at its own
   * type word; "Osh State University Foundation" is an organisation's. */
  const kgr_lex_entry *more;
  if (kgr_etok_is_capword(s, u) &&
      (kgr_etok_orgword(s, u) || kgr_etok_lex(s, u, KGR_ELEX_PLACE_TYPES, &more)))
    return u;
  if (!free_tokens(c, b, u) || s->title_case)
    return u;
  size_t name_end = u;
  const kgr_gaz_entry *g = NULL;
  const char *country = c->country;
  if (strcmp(type, "settlement") == 0) {
    /* "Osh City" is the city of Osh. */
    g = gaz_whole(c, b, t);
    if (g)
      name_end = t;
  } else if (strcmp(type, "admin") == 0) {
    g = gaz_whole(c, b, u);
    /* "Gorno-Badakhshan Autonomous Region": the region the words before
     * "Autonomous" name */
    for (size_t x = t; !g && x > b + 1; x--) {
      const kgr_gaz_entry *in = gaz_whole(c, b, x - 1);
      if (in && in->kind == KGR_PLACE_REGION)
        g = in;
    }
    if (!g) {
      const kgr_gaz_entry *in = gaz_whole(c, b, t);
      if (in)
        country = in->country;
    }
  } else if (s->tok[b].kind == KGR_ETOK_WORD && !country) {
    /* a square or street is in the document's country ("Republic Square"
     * is not in Republic, Missouri); without one, a city in its name says */
    const kgr_gaz_entry *in = gaz_whole(c, b, t);
    if (in)
      country = in->country;
  }
  if (g && g->kind == KGR_PLACE_COUNTRY)
    return u;
  kgr_ent_add_place(c, s->tok[b].start, s->tok[name_end - 1].end, g, g ? g->country : country);
  return u;
}

/* Tokens [i, j), which the gazetteer knows as the country g, name a
 * territory that is one city ("Hong Kong", "Macau"; lex_place_types, tag
 * "territory"): a place, wherever the document is about. Other countries
 * and territories ("Puerto Rico") are never places. */
static const kgr_country *city_territory(const kgr_ent_sent *s, size_t i, size_t j,
                                         const kgr_gaz_entry *g) {
  const kgr_lex_entry *e = kgr_etok_lookup(s, i, j, KGR_ELEX_PLACE_TYPES);
  if (!e || strcmp(e->tag, "territory") != 0)
    return NULL;
  return kgr_country_by_code(g->country, strlen(g->country));
}

/* A gazetteer city or region starting at token i. */
static size_t gazetteer_place(kgr_ent_ctx *c, size_t i) {
  const kgr_ent_sent *s = &c->s;
  if (!kgr_etok_is_capword(s, i) || foreign_word(s, i))
    return i + 1;
  const kgr_gaz_entry *g = NULL;
  size_t n = kgr_gaz_match(s->text, s->end, s->tok[i].start, c->country, &g);
  if (!n || !g)
    return i + 1;
  size_t end = s->tok[i].start + n, j = i;
  while (j < s->n && s->tok[j].end < end)
    j++;
  if (j >= s->n || s->tok[j].end != end)
    return i + 1;
  j++;
  const kgr_country *territory = g->kind == KGR_PLACE_COUNTRY ? city_territory(s, i, j, g) : NULL;
  if ((g->kind == KGR_PLACE_COUNTRY && !territory) || !free_tokens(c, i, j))
    return j;
  /* Glued to another capitalised word or an acronym: part of a longer
   * name ("Human Rights House", "Current Time", "Talas Bekov", "SOAS
   * University"). */
  if (i > 0 && s->tok[i - 1].kind == KGR_ETOK_WORD && s->tok[i - 1].cap &&
      !kgr_etok_stopword(s, i - 1) && !kgr_etok_country(s, i - 1, i) && !kgr_etok_breaks(s, i))
    return j;
  if (j < s->n && s->tok[j].kind == KGR_ETOK_WORD && s->tok[j].cap && !kgr_etok_breaks(s, j))
    return j;
  /* After "of" and an organisation's word: "University of London", "Bar
   * Association of Almaty" (but "the city of Osh", "Mayor of Bishkek",
   * "Police in Bishkek") */
  if (i >= 2 && kgr_etok_word_is(s, i - 1, "of") && s->tok[i - 2].cap && org_word(s, i - 2))
    return j;
  /* Before "of" or "for" and a capitalised word, it opens a longer name
   * ("University of London", "Minsk Group for ..." aside). */
  if ((kgr_etok_word_is(s, j, "of") || kgr_etok_word_is(s, j, "for")) && j + 1 < s->n &&
      s->tok[j + 1].kind == KGR_ETOK_WORD && s->tok[j + 1].cap &&
      !kgr_etok_country(s, j + 1, j + 2))
    return j;
  if (j - i == 1 && kgr_ent_common_word(c, i))
    return j;
  if (territory) {
    kgr_ent_add_territory(c, s->tok[i].start, s->tok[j - 1].end, territory);
    return j;
  }
  /* A small town abroad is named after a preposition ("in Date", "from
   * Liberty"); alone, a capitalised word is more likely something else. */
  if (g->kind == KGR_PLACE_CITY && g->population < ABROAD_POPULATION &&
      (!c->country || strcmp(c->country, g->country) != 0) && !after_locative(s, i))
    return j;
  kgr_ent_add_place(c, s->tok[i].start, s->tok[j - 1].end, g, g->country);
  return j;
}

void kgr_find_places(kgr_ent_ctx *c) {
  const kgr_ent_sent *s = &c->s;
  if (s->all_caps)
    return;
  for (size_t t = 0; t < s->n;)
    t = s->tok[t].kind == KGR_ETOK_WORD ? named_place(c, t) : t + 1;
  for (size_t i = 0; i < s->n;)
    i = gazetteer_place(c, i);
}
