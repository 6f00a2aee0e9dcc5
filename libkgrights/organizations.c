/*
 * organizations.c - organisation names. A run of capitalised words is an
 * organisation when it holds an organisation word (lex_org_name_words.tsv:
 * "Ministry", "Commission", "Committee"...), when a media word stands
 * beside it ("the Kloop news website", "news website 24.kg"), or when the
 * acronym in parentheses after it spells its initials. Runs without such
 * evidence are left alone: a capitalised phrase alone is as likely a title,
 * a law or a sentence start.
 */
#include "organizations.h"

#include <string.h>

#include "utf8.h"

#define MAX_RUN 9

enum { ORG_NONE = 0, ORG_SIGNAL, ORG_TAIL, ORG_PLAIN, ORG_STATE };

static bool is_quote(const kgr_ent_sent *s, size_t i) {
  return kgr_etok_is(s, i, '"') || kgr_etok_is(s, i, 0x201C) || kgr_etok_is(s, i, 0x00AB) ||
         kgr_etok_is(s, i, 0x2018) || kgr_etok_is(s, i, '\'');
}

static bool run_word(const kgr_ent_sent *s, size_t i) {
  return i < s->n && s->tok[i].kind == KGR_ETOK_WORD && s->tok[i].cap;
}

/* Small words inside names: "Committee to Protect Journalists", "Ministry
 * of the Interior", "Centre for Democracy and Human Rights", "Committee
 * against Torture". `strong`
 * ones always join; "and", "in", "on" also join two names ("the OSCE and
 * the European Union", "the Commission in Bishkek"), so they join only
 * before an organisation word and never before "the". */
static bool connector(const kgr_ent_sent *s, size_t i, bool *strong) {
  *strong = kgr_etok_word_is(s, i, "of") || kgr_etok_word_is(s, i, "for") ||
            kgr_etok_word_is(s, i, "to") || kgr_etok_word_is(s, i, "de") ||
            kgr_etok_word_is(s, i, "against") || kgr_etok_is(s, i, '&');
  return *strong || kgr_etok_word_is(s, i, "and") || kgr_etok_word_is(s, i, "in") ||
         kgr_etok_word_is(s, i, "on");
}

static int org_class(const char *tag) {
  if (!tag)
    return ORG_NONE;
  if (strcmp(tag, "state") == 0)
    return ORG_STATE;
  if (strcmp(tag, "org") == 0)
    return ORG_PLAIN;
  if (strcmp(tag, "tail") == 0)
    return ORG_TAIL;
  if (strcmp(tag, "signal") == 0)
    return ORG_SIGNAL;
  return ORG_NONE;
}

size_t kgr_org_name_at(const kgr_ent_sent *s, size_t i, bool domain_ok, size_t *start) {
  size_t k = i;
  if (is_quote(s, k))
    k++;
  *start = k;
  if (k >= s->n || s->tok[k].kind != KGR_ETOK_WORD)
    return 0;
  if (domain_ok && s->tok[k].dotted)
    return k + 1;
  size_t j = k, words = 0;
  while (j < s->n && j - k < MAX_RUN) {
    bool strong;
    if (j > k && kgr_etok_breaks(s, j))
      break;
    if (run_word(s, j)) {
      words++;
      j++;
    } else if (words && connector(s, j, &strong) &&
               (strong || org_class(kgr_etok_orgword(s, j - 1)) < ORG_TAIL)) {
      size_t w = j + 1;
      if (strong && kgr_etok_word_is(s, w, "the"))
        w++;
      if (!run_word(s, w) || kgr_etok_stopword(s, w))
        break;
      j = w;
    } else if (words && s->tok[j].kind == KGR_ETOK_POSS && run_word(s, j + 1)) {
      j++;
    } else {
      break;
    }
  }
  return words ? j : 0;
}

/* The strongest organisation word in tokens [i, j); ORG_TAIL counts only as
 * the last word. Multi-word entries ("election commission") are matched. */
static int org_words(const kgr_ent_sent *s, size_t i, size_t j) {
  int best = ORG_NONE;
  for (size_t t = i; t < j; t++) {
    if (!s->tok[t].cap)
      continue;
    const kgr_lex_entry *e;
    size_t end = kgr_etok_lex(s, t, KGR_ELEX_ORG_NAME_WORDS, &e);
    if (!end || end > j)
      continue;
    int k = org_class(e->tag);
    if (k == ORG_TAIL && end != j)
      k = ORG_SIGNAL;
    if (k == ORG_TAIL)
      k = ORG_PLAIN;
    if (k > best)
      best = k;
  }
  return best;
}

static size_t count_words(const kgr_ent_sent *s, size_t i, size_t j) {
  size_t n = 0;
  for (size_t t = i; t < j; t++)
    n += run_word(s, t);
  return n;
}

/* A name in quotation marks right after token j - 1: one to four
 * capitalised words, closed by a quote ("Viasna", «Dignity»). Returns the
 * token after the closing quote, or 0. */
static size_t quoted_name_after(const kgr_ent_sent *s, size_t j) {
  if (!is_quote(s, j) || kgr_etok_glued(s, j))
    return 0;
  size_t k = j + 1;
  while (k < s->n && k - j <= 4 && s->tok[k].kind == KGR_ETOK_WORD && s->tok[k].cap)
    k++;
  bool closes = kgr_etok_is(s, k, '"') || kgr_etok_is(s, k, 0x201D) || kgr_etok_is(s, k, 0x00BB) ||
                kgr_etok_is(s, k, 0x2019);
  return k > j + 1 && closes ? k + 1 : 0;
}

/* "(CPJ)" after token j - 1: the acronym's token, or 0. */
static size_t acronym_after(const kgr_ent_sent *s, size_t j) {
  if (kgr_etok_is(s, j, '(') && j + 2 < s->n && s->tok[j + 1].kind == KGR_ETOK_WORD &&
      s->tok[j + 1].all_caps && kgr_etok_is(s, j + 2, ')'))
    return j + 1;
  return 0;
}

/* Do the capitalised words of [i, j) start with the letters of the
 * acronym, in order ("Committee to Protect Journalists" / "CPJ")? With
 * `parts`, each capitalised part of a hyphenated word gives a letter
 * ("Inter-American Commission on Human Rights" / "IACHR"). */
static bool spells_by(const kgr_ent_sent *s, size_t i, size_t j, const kgr_etok *acr, bool parts) {
  size_t a = acr->start, n = 0;
  for (size_t t = i; t < j; t++) {
    if (!run_word(s, t))
      continue;
    for (size_t p = s->tok[t].start; p < s->tok[t].end; p++) {
      unsigned char ch = (unsigned char)s->text[p];
      bool initial = p == s->tok[t].start ||
                     (parts && s->text[p - 1] == '-' && ch >= 'A' && ch <= 'Z');
      if (!initial)
        continue;
      if (a >= acr->end || (unsigned char)s->text[a] != ch)
        return false;
      a++;
      n++;
    }
  }
  return a == acr->end && n >= 2;
}

static bool spells(const kgr_ent_sent *s, size_t i, size_t j, const kgr_etok *acr) {
  return spells_by(s, i, j, acr, false) || spells_by(s, i, j, acr, true);
}

/* A name cut at a weak connector that goes on to the acronym it spells:
 * "Inter-American Commission" / "on Human Rights (IACHR)". Returns the
 * end of the longer name, or j. */
static size_t extend_to_acronym(const kgr_ent_sent *s, size_t i, size_t j) {
  size_t k = j;
  bool strong;
  while (k < s->n && k - j < MAX_RUN && !kgr_etok_breaks(s, k) &&
         (run_word(s, k) || connector(s, k, &strong) || kgr_etok_word_is(s, k, "the")))
    k++;
  size_t acr = acronym_after(s, k);
  return k > j && acr && run_word(s, k - 1) && spells(s, i, k, &s->tok[acr]) ? k : j;
}

/* Does tokens [i, j) hold a word of an international body ("European
 * Parliament", "UN Human Rights Council", "OSCE Mission")? */
static bool international(const kgr_ent_sent *s, size_t i, size_t j) {
  for (size_t t = i; t < j; t++) {
    const kgr_lex_entry *e;
    size_t end = kgr_etok_lex(s, t, KGR_ELEX_ORG_WORDS, &e);
    if (end && end <= j && strcmp(e->tag, "not_country") == 0)
      return true;
  }
  return false;
}

/* The country of an organisation: one its name states ("Kyrgyz Ministry
 * of Health"), else the document's for a state body that is not an
 * international one. */
static const char *org_country(const kgr_ent_ctx *c, size_t i, size_t j, int cls) {
  for (size_t t = i; t < j; t++) {
    const kgr_country *co = run_word(&c->s, t) ? kgr_etok_country(&c->s, t, t + 1) : NULL;
    if (co)
      return co->alpha2;
  }
  return cls == ORG_STATE && !international(&c->s, i, j) ? c->country : NULL;
}

const char *kgr_org_country(const kgr_ent_ctx *c, size_t i, size_t j) {
  if (i >= j || j > c->s.n)
    return NULL;
  return org_country(c, i, j, org_words(&c->s, i, j));
}

/* Is tokens [i, j) free of mentions and not a place or a country alone
 * (nor a former state or a policy: "Soviet Union", "Eastern Partnership")? */
static bool usable(const kgr_ent_ctx *c, size_t i, size_t j) {
  const kgr_ent_sent *s = &c->s;
  if (i >= j || !kgr_ent_free(c, s->tok[i].start, s->tok[j - 1].end))
    return false;
  if (kgr_etok_country(s, i, j) || kgr_etok_stopword(s, i))
    return false;
  const kgr_lex_entry *whole = kgr_etok_lookup(s, i, j, KGR_ELEX_ORG_WORDS);
  if (whole && strcmp(whole->tag, "not_org") == 0)
    return false;
  return !kgr_gaz_lookup(s->text + s->tok[i].start, s->tok[j - 1].end - s->tok[i].start,
                         c->country);
}

static void add(kgr_ent_ctx *c, size_t i, size_t j, size_t acr, const char *country) {
  const kgr_ent_sent *s = &c->s;
  const char *a = acr ? s->text + s->tok[acr].start : NULL;
  size_t alen = acr ? s->tok[acr].end - s->tok[acr].start : 0;
  kgr_ent_add_org(c, s->tok[i].start, s->tok[j - 1].end, a, alen, country);
}

/* "the independent news website Kloop": a media phrase, then the name. */
static size_t media_then_name(kgr_ent_ctx *c, size_t i) {
  const kgr_ent_sent *s = &c->s;
  if (s->tok[i].cap && !s->tok[i].all_caps)
    return 0;
  const kgr_lex_entry *e;
  size_t m = kgr_etok_lex(s, i, KGR_ELEX_MEDIA_WORDS, &e);
  if (!m)
    return 0;
  size_t st;
  size_t j = kgr_org_name_at(s, m, true, &st);
  if (!j || count_words(s, st, j) > 4 || !usable(c, st, j) || org_words(s, st, j))
    return m;
  size_t acr = acronym_after(s, j);
  add(c, st, j, acr, NULL);
  if (acr)
    kgr_ent_take(c, s->tok[acr].start, s->tok[acr].end);
  return j;
}

/* A run of capitalised words starting at token i. Returns the token to go
 * on from. */
static size_t capital_run(kgr_ent_ctx *c, size_t i) {
  const kgr_ent_sent *s = &c->s;
  size_t st;
  size_t j = kgr_org_name_at(s, i, !s->tok[i].cap, &st);
  if (!j || st != i)
    return i + 1;
  /* Stop at a person's name or at a media phrase inside the run ("Current
   * Time TV channel"); one that runs on into lower case leaves its
   * capitalised word to the name ("Apple Daily newspaper"). */
  bool media = false;
  for (size_t t = i; t < j; t++) {
    const kgr_lex_entry *e;
    if (!kgr_ent_free(c, s->tok[t].start, s->tok[t].end)) {
      j = t;
      break;
    }
    size_t me = t > i ? kgr_etok_lex(s, t, KGR_ELEX_MEDIA_WORDS, &e) : 0;
    if (me && me <= j && strcmp(e->tag, "media") == 0) {
      j = t;
      break;
    }
  }
  size_t next = j > i ? j : i + 1;
  /* Leading sentence starters and a leading "President of (the)". */
  while (i < j && (kgr_etok_stopword(s, i) || !run_word(s, i)))
    i++;
  /* "Kyrgyzstan's Ministry of Internal Affairs": the country is not part
   * of the name but gives its country. */
  const char *owner = NULL;
  if (i + 2 < j && s->tok[i + 1].kind == KGR_ETOK_POSS) {
    const kgr_country *co = kgr_etok_country(s, i, i + 1);
    if (co)
      owner = co->alpha2;
    i += 2;
  }
  const kgr_lex_entry *role;
  size_t r = kgr_etok_lex(s, i, KGR_ELEX_ROLES, &role);
  if (r && r >= j) /* a title alone: "Speaker of Parliament" */
    return next;
  if (r && kgr_etok_word_is(s, r, "of"))
    i = r + (kgr_etok_word_is(s, r + 1, "the") ? 2 : 1);
  while (j > i && !run_word(s, j - 1) && !s->tok[j - 1].dotted)
    j--;
  if (i >= j)
    return next;
  const kgr_lex_entry *e;
  if (kgr_etok_lex(s, j, KGR_ELEX_MEDIA_WORDS, &e) && !s->tok[j].cap)
    media = true;
  else if (kgr_etok_lex(s, j - 1, KGR_ELEX_MEDIA_WORDS, &e) > j && !s->tok[j].cap)
    media = true; /* "Apple Daily newspaper" */
  else if (s->tok[j - 1].all_caps && kgr_etok_lex(s, j - 1, KGR_ELEX_MEDIA_WORDS, &e) == j + 1)
    media = true;
  /* "Erlan Abdyldaev of the Kyrgyz Bar Association": when only the part
   * after "of" holds an organisation word, the name is that part. */
  for (size_t t = i + 1; t + 1 < j; t++) {
    if (!kgr_etok_word_is(s, t, "of"))
      continue;
    size_t after = t + 1 + (kgr_etok_word_is(s, t + 1, "the") ? 1 : 0);
    if (after < j && org_words(s, i, t) < ORG_PLAIN && org_words(s, after, j) >= ORG_PLAIN &&
        !kgr_etok_lex(s, i, KGR_ELEX_ROLES, &role))
      i = after;
    break;
  }
  /* "Law on Media", "Constitution of Uzbekistan": a legal act's title */
  if (kgr_etok_tag(s, i, KGR_ELEX_ACT_WORDS))
    return next;
  int cls = org_words(s, i, j);
  size_t words = count_words(s, i, j);
  /* Human Rights Centre "Viasna": a quoted name after the organisation word */
  if (cls >= ORG_PLAIN && org_class(kgr_etok_orgword(s, j - 1)) >= ORG_TAIL) {
    size_t q = quoted_name_after(s, j);
    if (q) {
      j = q;
      next = j;
    }
  }
  if (!acronym_after(s, j)) {
    size_t k = extend_to_acronym(s, i, j);
    if (k != j) {
      j = next = k;
      cls = org_words(s, i, j);
      words = count_words(s, i, j);
    }
  }
  size_t acr = acronym_after(s, j);
  bool org = cls >= ORG_PLAIN && words >= 2;
  /* "Human Rights House": a building word after a signal word. */
  const char *type = kgr_etok_tag(s, j - 1, KGR_ELEX_PLACE_TYPES);
  if (cls == ORG_SIGNAL && type && strcmp(type, "building") == 0 && words >= 2)
    org = true;
  if (!org && acr && spells(s, i, j, &s->tok[acr]))
    org = true;
  if (!org && media && cls == ORG_NONE && words <= 4)
    org = true;
  if (!org || (s->title_case && !acr))
    return next;
  if (!usable(c, i, j))
    return next;
  add(c, i, j, acr, owner ? owner : org_country(c, i, j, cls));
  if (acr)
    kgr_ent_take(c, s->tok[acr].start, s->tok[acr].end);
  return acr ? acr + 2 : j;
}

/* Is token i a plural role of people who work for outlets ("journalists",
 * "reporters")? */
static bool media_people(const kgr_ent_sent *s, size_t i) {
  const kgr_lex_entry *e = kgr_etok_lookup(s, i, i + 1, KGR_ELEX_ROLES);
  if (!e || strcmp(e->extra, "plural") != 0)
    return false;
  static const char *const media_roles[] = {"journalist", "reporter",     "correspondent",
                                            "editor",     "photographer", "cameraman"};
  for (size_t k = 0; k < sizeof media_roles / sizeof *media_roles; k++)
    if (strcmp(e->tag, media_roles[k]) == 0)
      return true;
  return false;
}

/* "Journalists from Kloop, Azattyk and Kaktus.media": the outlets listed
 * after a plural role of media people and "from", "of", "at" or "with".
 * Each is a short capitalised name or a web address. Returns the token to
 * go on from, or 0 when there is no such list. */
static size_t outlets_of_people(kgr_ent_ctx *c, size_t i) {
  const kgr_ent_sent *s = &c->s;
  size_t k = i + 1;
  if (!(kgr_etok_word_is(s, k, "from") || kgr_etok_word_is(s, k, "of") ||
        kgr_etok_word_is(s, k, "at") || kgr_etok_word_is(s, k, "with")) ||
      !media_people(s, i))
    return 0;
  k++;
  for (size_t n = 0; n < MAX_RUN; n++) {
    if (kgr_etok_is_article(s, k))
      k++;
    size_t st, j = kgr_org_name_at(s, k, true, &st);
    for (size_t t = st; t < j; t++)
      if (kgr_etok_word_is(s, t, "and")) /* in a list, "and" separates */
        j = t;
    if (!j || j <= st || st != k || count_words(s, st, j) > 4 || !usable(c, st, j))
      return k;
    add(c, st, j, 0, NULL);
    k = j;
    if (kgr_etok_is(s, k, ',') && kgr_etok_word_is(s, k + 1, "and"))
      k += 2;
    else if (kgr_etok_is(s, k, ',') || kgr_etok_word_is(s, k, "and"))
      k++;
    else
      return k;
  }
  return k;
}

void kgr_find_organizations(kgr_ent_ctx *c) {
  const kgr_ent_sent *s = &c->s;
  if (s->all_caps)
    return;
  for (size_t i = 0; i < s->n;) {
    const kgr_etok *t = &s->tok[i];
    if (t->kind != KGR_ETOK_WORD) {
      i++;
      continue;
    }
    size_t next = outlets_of_people(c, i);
    if (next) {
      i = next;
      continue;
    }
    next = media_then_name(c, i);
    if (next) {
      i = next;
      continue;
    }
    if ((t->cap || t->dotted) && kgr_ent_free(c, t->start, t->end)) {
      i = capital_run(c, i);
      continue;
    }
    i++;
  }
}

void kgr_find_org_mentions(kgr_ent_ctx *c) {
  const kgr_ent_sent *s = &c->s;
  if (s->all_caps)
    return;
  for (size_t i = 0; i < s->n; i++) {
    const kgr_etok *t = &s->tok[i];
    if (t->kind != KGR_ETOK_WORD || !(t->cap || t->dotted) ||
        (i > 0 && run_word(s, i - 1) && !kgr_etok_stopword(s, i - 1)))
      continue;
    size_t st, j = kgr_org_name_at(s, i, true, &st);
    if (!j)
      continue;
    size_t b = st;
    while (b < j && kgr_etok_stopword(s, b))
      b++;
    /* The whole run, or a shorter name at its start ("CPJ said"). */
    size_t e, o = kgr_ent_find_org_run(c, b, j, &e);
    if (o != SIZE_MAX) {
      kgr_ent_org_mention(c, o, s->tok[b].start, s->tok[e - 1].end);
      i = e - 1;
    }
  }
}
