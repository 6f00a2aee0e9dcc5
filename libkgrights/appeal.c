/*
 * appeal.c - who a document calls upon (addressees) and what it asks for
 * (demands), in appeals and reports alike.
 *
 * A demand is one of:
 * - a list item after a call that ends in a colon ("we call in particular
 *   for:", "We urge the authorities to:"), after a "Recommendations"
 *   heading or after a "To the Government of X:" line; the call itself is
 *   then not a demand, and its addressee goes to each item;
 * - a sentence in which the issuer calls ("We call on X to ...", "Amnesty
 *   International is calling on X to ..."): a call verb whose subject is
 *   "we", the undersigned or the issuer - "protesters called for new
 *   elections" is narrative, not a demand;
 * - a "must" sentence ("The authorities in X must uphold ...", "...all
 *   allegations ... must be investigated"), unless it is a question, is
 *   reported speech ("the president said the vote must be annulled"), or
 *   speaks of the past ("should have been").
 * Titles, signatory lists and footnotes hold no demands.
 *
 * Addressees are the objects of the calls ("the authorities of Kyrgyzstan",
 * "all the groups staking claims on power") and the subjects of "must"
 * sentences when they name a state body or the international community
 * (lex_addressees); "non-state groups" or "law enforcement" are the subject
 * of a norm, not someone called upon.
 */
#include <string.h>

#include "acronyms.h"
#include "parser.h"
#include "utf8.h"
#include "vocab.h"

enum {
  NP_MAX_WORDS = 40,      /* an addressee phrase is shorter */
  SUBJECT_MAX_WORDS = 12, /* a "must" subject that names an addressee */
  BACK_WORDS = 25,        /* how far back a call's subject is looked for */
  BACK_BYTES = 400,       /* ... and at most this many bytes: linear time */
  INTRO_MAX_WORDS = 8,    /* a "Recommendations" or "To X:" line */
  TO_LINE_MAX_WORDS = 30, /* a letter's "To: ..." line */
  DATELINE_BYTES = 80,    /* a press dateline opening a demand's sentence */
  MAX_ADDRESSEES = 200    /* more are reported, not kept */
};

/* Where a look back from m within the sentence [s, m) starts: at most
 * BACK_BYTES before m, at a space so that no word is cut. */
static size_t back_from(const char *t, size_t s, size_t m) {
  if (m - s <= BACK_BYTES)
    return s;
  size_t i = m - BACK_BYTES;
  while (i < m && t[i] != ' ')
    i++;
  return i;
}

typedef struct ctx {
  kgr_doc *doc;
  kgr_span skip;   /* the signatory list */
  kgr_str last_np; /* the latest call's addressee in the current block */
  kgr_str dear;    /* whom a letter's salutation names: "you" in its calls */
  kgr_str voice;   /* the headline's speaker ("experts" in "UN experts
                      demand ..."), or empty */
  /* Does the current block, whose sentences are sents[0, sent_count),
   * quote the issuer or the voice? -1 until a quoted modal needs to know. */
  int block_quotes;
  const kgr_sentence *sents;
  size_t sent_count;
  /* Hit vectors reused by every sentence (each scan resets its count), so
   * that sentences leave no scratch in the document's arena. */
  kgr_lex_hit_vec verbs, names, themes;
} ctx;

static bool is_sp(char c) { return c == ' ' || c == '\t'; }

/* Is the word w of text this (ASCII, any case)? */
static bool word_is(const char *t, kgr_word w, const char *lit) {
  return kgr_ascii_ieq(t + w.start, w.end - w.start, lit);
}

/* Words that open a noun phrase and so may open another addressee after
 * "and" or a comma ("the OSCE, the European Union and the United Nations"). */
static bool is_determiner(const char *t, kgr_word w) {
  static const char *const dets[] = {"the",           "all",      "every", "each", "other",
                                     "its",           "their",    "both",  "any",  "those",
                                     "international", "relevant", "member"};
  for (size_t i = 0; i < sizeof dets / sizeof *dets; i++)
    if (word_is(t, w, dets[i]))
      return true;
  return false;
}

/* Lower-case, without a leading "the " and with curly quotes straight: the
 * form in which two addressees are compared. */
static size_t fold(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  if (n >= 4 && kgr_ascii_istarts(s, n, "the "))
    s += 4, n -= 4;
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    if (i + 2 < n && memcmp(s + i, "\xE2\x80\x99", 3) == 0) {
      out[k++] = '\'';
      i += 2;
      continue;
    }
    out[k++] = (char)kgr_ascii_lower((unsigned char)s[i]);
  }
  out[k] = '\0';
  return k;
}

/* Trim spaces, commas, colons and quotation marks from both ends of an
 * addressee phrase t[*s, *e). */
static void trim_np(const char *t, size_t *s, size_t *e) {
  for (;;) {
    if (*s < *e && (is_sp(t[*s]) || t[*s] == ',' || t[*s] == '"'))
      (*s)++;
    else if (*e - *s >= 3 && (unsigned char)t[*s] == 0xE2 && (unsigned char)t[*s + 1] == 0x80 &&
             ((unsigned char)t[*s + 2] == 0x9C || (unsigned char)t[*s + 2] == 0x98))
      *s += 3; /* “ ‘ */
    else
      break;
  }
  for (;;) {
    if (*e > *s && (is_sp(t[*e - 1]) || t[*e - 1] == ',' || t[*e - 1] == ':' || t[*e - 1] == '"'))
      (*e)--;
    else if (*e - *s >= 3 && (unsigned char)t[*e - 3] == 0xE2 && (unsigned char)t[*e - 2] == 0x80 &&
             ((unsigned char)t[*e - 1] == 0x9D || (unsigned char)t[*e - 1] == 0x99))
      *e -= 3; /* ” ’ */
    else
      break;
  }
}

/* "them", "you": who is meant is said elsewhere (a "Dear X," line). */
static bool is_pronoun(const char *t, size_t n) {
  static const char *const pro[] = {"them", "you",         "him",        "her",     "it",
                                    "us",   "all of them", "all of you", "everyone"};
  for (size_t k = 0; k < sizeof pro / sizeof *pro; k++)
    if (kgr_ascii_ieq(t, n, pro[k]))
      return true;
  return false;
}

/* Record text[s, e) of block b as an addressee, unless it is empty or
 * already said (the same words or part of an earlier addressee). */
static void add_addressee(ctx *c, const kgr_block *b, size_t s, size_t e) {
  trim_np(b->text, &s, &e);
  if (kgr_word_count(b->text + s, e - s, 1) == 0 || is_pronoun(b->text + s, e - s))
    return;
  if (c->doc->addressees.count >= MAX_ADDRESSEES) {
    kgr_doc_diag(c->doc, KGR_SEVERITY_INFO, "too-many-addressees", kgr_block_span(b, s, e),
                 "more than %d addressees: this one is not listed", MAX_ADDRESSEES);
    return;
  }
  char mine[256], theirs[256];
  fold(b->text + s, e - s, mine, sizeof mine);
  for (size_t i = 0; i < c->doc->addressees.count; i++) {
    const kgr_mention *m = &c->doc->addressees.items[i];
    fold(m->text.ptr, m->text.len, theirs, sizeof theirs);
    if (strstr(theirs, mine))
      return;
  }
  kgr_mention *m = KGR_VEC_PUSH(&c->doc->arena, c->doc->addressees);
  m->text = kgr_arena_str(&c->doc->arena, b->text + s, e - s);
  m->span = kgr_block_span(b, s, e);
}

/* The words of t[s, e), at most max of them; returns how many. */
static size_t words_of(const char *t, size_t s, size_t e, kgr_word *out, size_t max) {
  size_t n = 0, pos = s;
  while (n < max && kgr_word_next(t, e, &pos, &out[n]))
    n++;
  return n;
}

/* Does a comma or semicolon stand between two words? */
static bool comma_between(const char *t, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (t[i] == ',' || t[i] == ';')
      return true;
  return false;
}

/*
 * Split the addressee phrase np [s, e) of block b into addressees at
 * "as well as (on)", "and (on)" and commas that open another noun phrase:
 * "the authorities of Kyrgyzstan, as well as on all the groups ..." gives
 * two; "the authorities of Kyrgyzstan, Kazakhstan and Tajikistan" one.
 */
static void split_addressees(ctx *c, const kgr_block *b, size_t s, size_t e) {
  const char *t = b->text;
  kgr_word w[NP_MAX_WORDS + 4];
  size_t n = words_of(t, s, e, w, NP_MAX_WORDS + 4);
  size_t part = s;
  for (size_t i = 1; i < n; i++) {
    size_t skip = 0; /* words of the joint itself */
    if (word_is(t, w[i], "as") && i + 2 < n && word_is(t, w[i + 1], "well") &&
        word_is(t, w[i + 2], "as"))
      skip = 3;
    else if (word_is(t, w[i], "and") && i + 1 < n &&
             (is_determiner(t, w[i + 1]) || word_is(t, w[i + 1], "on") ||
              word_is(t, w[i + 1], "upon")))
      skip = 1;
    else if (comma_between(t, w[i - 1].end, w[i].start) &&
             (is_determiner(t, w[i]) || word_is(t, w[i], "on") || word_is(t, w[i], "upon")))
      skip = 0;
    else
      continue;
    size_t next = i + skip;
    if (next < n && (word_is(t, w[next], "on") || word_is(t, w[next], "upon")))
      next++;
    if (next >= n)
      break;
    add_addressee(c, b, part, w[i - 1].end);
    part = w[next].start;
    i = next;
  }
  add_addressee(c, b, part, e);
}

/* Is the word w a call verb ("asking", "urging")? An addressee phrase
 * ends before one: "write to the authorities asking them to:". */
static bool is_call_word(const char *t, size_t e, kgr_word w) {
  const kgr_lex_entry *x = NULL;
  return kgr_lex_match(&kgr_lex_call_verbs, t, e, w.start, &x) && x &&
         (strcmp(x->tag, "ask") == 0 || strcmp(x->tag, "on") == 0);
}

/* The end of the addressee phrase that starts at `s` (sentence end `e`):
 * before "to <verb>" / "not to" (then *to_seen is set), a colon, a
 * semicolon, a call verb, or the end. Returns s when the phrase would be
 * empty or too long. */
static size_t np_end(const char *t, size_t s, size_t e, bool *to_seen) {
  size_t pos = s, count = 0;
  kgr_word w, prev = {s, s};
  *to_seen = false;
  while (kgr_word_next(t, e, &pos, &w)) {
    for (size_t i = prev.end; i < w.start; i++)
      if (t[i] == ':' || t[i] == ';' || t[i] == '.')
        return count ? prev.end : s;
    if (++count > NP_MAX_WORDS)
      return s;
    if (count > 1) {
      size_t look = pos;
      kgr_word nx;
      bool not_to = word_is(t, w, "not") && kgr_word_next(t, e, &look, &nx) && word_is(t, nx, "to");
      if (not_to || word_is(t, w, "to")) { /* "to <verb>", or "to:" before a list */
        *to_seen = true;
        return prev.end;
      }
      if (is_call_word(t, e, w))
        return prev.end;
    }
    prev = w;
  }
  return count ? prev.end : s;
}

/* Can an addressee phrase start at t[s]: a determiner, a capitalised word
 * or a pronoun ("the authorities", "Kyrgyzstan's partners", "them"), not
 * "restraint" or "your urgent intervention"? */
static bool np_can_start(const char *t, size_t s, size_t e) {
  size_t pos = s;
  kgr_word w;
  if (!kgr_word_next(t, e, &pos, &w) || w.start != s)
    return false;
  return is_determiner(t, w) || kgr_word_is_capitalised(t + w.start, w.end - w.start) ||
         is_pronoun(t + w.start, w.end - w.start);
}

/* Does the issuer's name or acronym start at t[i]? */
static bool issuer_at(const kgr_doc *doc, const char *t, size_t len, size_t i) {
  if (!doc->has_issuer)
    return false;
  const kgr_str *names[2] = {&doc->issuer.name, &doc->issuer.acronym};
  for (int k = 0; k < 2; k++) {
    const kgr_str *n = names[k];
    if (n->ptr && n->len && i + n->len <= len && memcmp(t + i, n->ptr, n->len) == 0 &&
        (i + n->len == len || !kgr_is_word_byte((unsigned char)t[i + n->len])))
      return true;
  }
  return false;
}

/* Is the word w the headline's speaker ("the experts called on ...")? */
static bool is_voice(const ctx *c, const char *t, kgr_word w) {
  return c->voice.len && kgr_ascii_ieq(t + w.start, w.end - w.start, c->voice.ptr);
}

/* Is the verb at t[v] in the third person of the present tense ("calls",
 * "urges", "appeals")? What an organisation says of itself now, not what
 * someone did ("called", "urged"). */
static bool present_tense(const char *t, size_t v) {
  size_t e = v;
  while (kgr_is_word_byte((unsigned char)t[e]))
    e++;
  return e - v > 2 && t[e - 1] == 's' && t[e - 2] != 's';
}

/*
 * Is the verb at t[v] said by the document's own voice? Looking back from
 * it within the sentence [s, v): "we", "I", "the undersigned", the issuer,
 * or (no issuer known) an organisation's name opening the sentence. A
 * relative or reported clause between ("that", "who") ends the search:
 * "we note that protesters called for ..." is not our call.
 */
static bool voiced(const ctx *c, const char *t, size_t s, size_t v) {
  kgr_word w[BACK_WORDS];
  size_t n = 0, pos = back_from(t, s, v);
  kgr_word x;
  while (kgr_word_next(t, v, &pos, &x)) {
    w[n % BACK_WORDS] = x;
    n++;
  }
  size_t first = n > BACK_WORDS ? n - BACK_WORDS : 0;
  for (size_t i = n; i-- > first;) {
    kgr_word y = w[i % BACK_WORDS];
    static const char *const stops[] = {"that", "who", "which", "whom", "whether", "if"};
    for (size_t k = 0; k < sizeof stops / sizeof *stops; k++)
      if (word_is(t, y, stops[k]))
        return false;
    /* "please" asks the reader: "Please write to the authorities asking them to:" */
    static const char *const selves[] = {"we",          "i",         "undersigned",
                                         "signatories", "signatory", "please"};
    for (size_t k = 0; k < sizeof selves / sizeof *selves; k++)
      if (word_is(t, y, selves[k]))
        return true;
    if (issuer_at(c->doc, t, v, y.start) || is_voice(c, t, y))
      return true;
  }
  if ((c->doc->has_issuer && !present_tense(t, v)) || n == 0 || v - s > BACK_BYTES)
    return false;
  /* no issuer known, or a verb in the present tense ("The CSP calls on"):
   * an organisation opening the sentence, close to the verb */
  size_t at = s;
  if (kgr_ascii_istarts(t + s, v - s, "the "))
    at += 4;
  size_t ne = kgr_name_end(t, v, at, true);
  if (ne == at || !kgr_has_org_word(t + at, ne - at, "org") ||
      kgr_has_org_word(t + at, ne - at, "state"))
    return false;
  return kgr_word_count(t + ne, v - ne, 4) <= 3;
}

/* Does a determiner stand right before t[v]? Then the call word is a noun:
 * "the demand for", "a call for", "at the request of", "this appeal". */
static bool after_determiner(const char *t, size_t s, size_t v) {
  size_t i = v;
  while (i > s && is_sp(t[i - 1]))
    i--;
  size_t ws = i;
  while (ws > s && kgr_is_word_byte((unsigned char)t[ws - 1]))
    ws--;
  if (ws == i)
    return false;
  static const char *const dets[] = {"the", "a",     "an",  "this", "that", "these", "those",
                                     "our", "their", "his", "her",  "its",  "whose", "any"};
  for (size_t k = 0; k < sizeof dets / sizeof *dets; k++)
    if (kgr_ascii_ieq(t + ws, i - ws, dets[k]))
      return true;
  return false;
}

/* Is the modal at t[m, me) a demand rather than a need, a guess about the
 * past or a question ("the need to", "must have been", "Should X fail")? */
static bool modal_is_demand(const char *t, size_t s, size_t m, size_t me, size_t e) {
  if (m == s) /* "Should the authorities fail to ..." */
    return false;
  kgr_word before[2];
  size_t nb = 0, pos = back_from(t, s, m);
  kgr_word x;
  while (kgr_word_next(t, m, &pos, &x)) {
    before[nb % 2] = x;
    nb++;
  }
  if (nb) {
    kgr_word last = before[(nb - 1) % 2];
    static const char *const nouns[] = {"the", "a", "no", "urgent", "pressing", "clear", "any"};
    for (size_t k = 0; k < sizeof nouns / sizeof *nouns; k++)
      if (word_is(t, last, nouns[k]))
        return false;
  }
  pos = me;
  kgr_word a, b2;
  if (kgr_word_next(t, e, &pos, &a) && word_is(t, a, "have") && kgr_word_next(t, e, &pos, &b2)) {
    size_t bl = b2.end - b2.start;
    if (word_is(t, b2, "been") || word_is(t, b2, "had") ||
        (bl > 2 && memcmp(t + b2.end - 2, "ed", 2) == 0))
      return false;
  }
  return true;
}

/* Is offset m inside a quotation that opened within the sentence? */
static bool inside_quote(const char *t, size_t s, size_t m) {
  size_t open = 0;
  for (size_t i = back_from(t, s, m); i < m; i++) {
    if (t[i] == '"')
      open ^= 1;
    else if (i + 2 < m && memcmp(t + i, "\xE2\x80\x9C", 3) == 0)
      open = 1;
    else if (i + 2 < m && memcmp(t + i, "\xE2\x80\x9D", 3) == 0)
      open = 0;
  }
  return open;
}

/* Does the issuer's name appear in t[s, e)? */
static bool issuer_in(const kgr_doc *doc, const char *t, size_t s, size_t e) {
  for (size_t i = s; i < e; i++)
    if ((i == s || !kgr_is_word_byte((unsigned char)t[i - 1])) && issuer_at(doc, t, e, i))
      return true;
  return false;
}

/* A reporting verb ("said", "announced") in t[s, m): the modal after it is
 * someone else's. */
static bool reported(const char *t, size_t s, size_t m) {
  size_t pos = back_from(t, s, m);
  kgr_word w;
  while (kgr_word_next(t, m, &pos, &w)) {
    const kgr_lex_entry *e = NULL;
    if (kgr_lex_match(&kgr_lex_report_verbs, t, m, w.start, &e) && e && strcmp(e->tag, "say") == 0)
      return true;
  }
  return false;
}

/* Does the issuer or the headline's speaker say something in t[s, e): a
 * speech verb with their name or word in the same sentence ("said Hugh
 * Williamson, ... at Human Rights Watch", "the experts said")? */
static bool voice_speaks(const ctx *c, const char *t, size_t s, size_t e) {
  if (!reported(t, s, e))
    return false;
  if (c->doc->has_issuer && issuer_in(c->doc, t, s, e))
    return true;
  size_t pos = s;
  kgr_word w;
  while (kgr_word_next(t, e, &pos, &w))
    if (is_voice(c, t, w))
      return true;
  return false;
}

/* c->block_quotes, worked out on first use: most blocks never need it. */
static bool block_quotes(ctx *c, const char *t) {
  if (c->block_quotes < 0) {
    c->block_quotes = 0;
    for (size_t k = 0; k < c->sent_count && !c->block_quotes; k++)
      c->block_quotes = voice_speaks(c, t, c->sents[k].start, c->sents[k].end);
  }
  return c->block_quotes;
}

/* The subject of the modal at m: the words before it, after the last
 * comma ("In particular, peaceful protesters should ...") and a leading
 * conjunction. Sets [*ss, *se); false when too long to be a subject. */
static bool modal_subject(const char *t, size_t s, size_t m, size_t *ss, size_t *se) {
  size_t a = back_from(t, s, m);
  for (size_t i = a; i < m; i++) {
    if (t[i] == ',' || t[i] == ';' || t[i] == ':' || t[i] == ')')
      a = i + 1; /* also after a dateline's ")" */
    else if (i + 4 < m && t[i] == ' ' && (unsigned char)t[i + 1] == 0xE2 && t[i + 4] == ' ')
      a = i + 5; /* ... or a spaced dash */
  }
  size_t pos = a;
  kgr_word w;
  if (kgr_word_next(t, m, &pos, &w)) {
    static const char *const conj[] = {"and",      "but",         "also", "therefore",
                                       "moreover", "furthermore", "thus", "so"};
    for (size_t k = 0; k < sizeof conj / sizeof *conj; k++)
      if (word_is(t, w, conj[k])) {
        a = w.end;
        break;
      }
  }
  size_t words = kgr_word_count(t + a, m - a, SUBJECT_MAX_WORDS + 1);
  if (words == 0 || words > SUBJECT_MAX_WORDS)
    return false;
  while (a < m && is_sp(t[a]))
    a++;
  while (m > a && is_sp(t[m - 1]))
    m--;
  *ss = a;
  *se = m;
  return true;
}

/* Does t[s, e) name someone a document calls upon (lex_addressees)? A
 * match right after a hyphen is part of another word ("non-state"). */
static bool names_addressee(ctx *c, const char *t, size_t s, size_t e) {
  kgr_lex_hit_vec *hits = &c->names;
  hits->count = 0;
  kgr_lex_scan(&kgr_lex_addressees, &c->doc->arena, t + s, e - s, hits);
  for (size_t i = 0; i < hits->count; i++) {
    size_t at = s + hits->items[i].start;
    if (at > 0 && (t[at - 1] == '-' || (at >= 3 && memcmp(t + at - 3, "\xE2\x80\x90", 3) == 0)))
      continue;
    return true;
  }
  return false;
}

/* Is t[s, e) a country's name ("Iran must respect ...")? The state is
 * called upon. A leading quotation mark is allowed. */
static bool names_country(const char *t, size_t s, size_t e) {
  trim_np(t, &s, &e);
  const kgr_country *c = NULL;
  bool is_name = false;
  return s < e && kgr_country_at(t, e, s, &c, &is_name) == e - s && is_name;
}

/* After a "for" verb ("demand", "insist", "call for"): "that" and a noun
 * phrase naming a body ("the Investigative Committee", "the
 * authorities"). Returns its end and sets *start; returns *start when
 * there is none. */
static size_t that_subject(const char *t, size_t v, size_t e, size_t *start) {
  size_t pos = v;
  kgr_word w;
  *start = v;
  if (!kgr_word_next(t, e, &pos, &w) || !word_is(t, w, "that"))
    return v;
  size_t np = pos;
  while (np < e && is_sp(t[np]))
    np++;
  size_t at = np;
  if (kgr_ascii_istarts(t + at, e - at, "the "))
    at += 4;
  *start = np;
  if (kgr_word_is_capitalised(t + at, e - at)) {
    size_t ne = kgr_name_end(t, e, at, true);
    if (ne > at && (kgr_has_org_word(t + at, ne - at, "org") ||
                    kgr_has_org_word(t + at, ne - at, "state") || names_country(t, at, ne)))
      return ne;
    return np;
  }
  const kgr_lex_entry *x = NULL;
  size_t n = kgr_lex_match(&kgr_lex_addressees, t, e, at, &x);
  return n ? at + n : np;
}

/* What one sentence holds. */
typedef struct call {
  bool demand;
  size_t np_s, np_e; /* the addressee phrase of the call, empty if none */
} call;

/* Look for "(, and | as well as) on X to ..." after the first addressee:
 * "We call on all sides to refrain from violence, and on the authorities
 * to investigate ...". */
static void more_addressees(ctx *c, const kgr_block *b, size_t from, size_t e) {
  const char *t = b->text;
  size_t pos = from;
  kgr_word w, prev = {from, from};
  while (kgr_word_next(t, e, &pos, &w)) {
    bool joint =
        comma_between(t, prev.end, w.start) || word_is(t, prev, "and") || word_is(t, prev, "as");
    if ((word_is(t, w, "on") || word_is(t, w, "upon")) && joint) {
      size_t look = pos;
      kgr_word nx;
      if (kgr_word_next(t, e, &look, &nx) &&
          (is_determiner(t, nx) || kgr_word_is_capitalised(t + nx.start, nx.end - nx.start))) {
        bool to_seen;
        size_t ne = np_end(t, nx.start, e, &to_seen);
        if (ne > nx.start) {
          split_addressees(c, b, nx.start, ne);
          pos = ne;
        }
      }
    }
    prev = w;
  }
}

/* Read the sentence t[s, e) of block b. */
static call read_sentence(ctx *c, const kgr_block *b, size_t s, size_t e) {
  call out = {false, 0, 0};
  const char *t = b->text;
  size_t end = e;
  while (end > s && is_sp(t[end - 1]))
    end--;
  if (end > s && t[end - 1] == '?')
    return out;
  kgr_lex_hit_vec hits = c->verbs; /* given back below, with what it grew to */
  hits.count = 0;
  kgr_lex_scan(&kgr_lex_call_verbs, &c->doc->arena, t + s, e - s, &hits);
  c->verbs = hits;
  int names_issuer = -1; /* worked out once, when a modal needs it */
  for (size_t i = 0; i < hits.count; i++) {
    size_t hs = s + hits.items[i].start, he = s + hits.items[i].end;
    const char *tag = hits.items[i].entry->tag;
    if (strcmp(tag, "modal") == 0) {
      if (!modal_is_demand(t, s, hs, he, e))
        continue;
      if (names_issuer < 0)
        names_issuer = issuer_in(c->doc, t, s, e);
      bool ours = names_issuer || voiced(c, t, s, hs);
      bool quoted = inside_quote(t, s, hs);
      if (!ours && quoted && block_quotes(c, t))
        ours = true; /* "... must conduct investigations," the experts said. */
      if (!ours && (reported(t, s, hs) || quoted))
        continue;
      size_t ss, se;
      if (modal_subject(t, s, hs, &ss, &se) &&
          (names_addressee(c, t, ss, se) || names_country(t, ss, se))) {
        out.np_s = ss;
        out.np_e = se;
        add_addressee(c, b, ss, se);
      }
      out.demand = true;
      return out;
    }
    if (strcmp(tag, "heading") == 0 || after_determiner(t, s, hs) || !voiced(c, t, s, hs))
      continue;
    bool on = strcmp(tag, "on") == 0, ask = strcmp(tag, "ask") == 0;
    size_t np_from = he;
    if (strcmp(tag, "bare") == 0) { /* "call in particular for", "appeal again to" */
      size_t pos = he;
      kgr_word w;
      bool found = false;
      for (int k = 0; k < 4 && !found && kgr_word_next(t, e, &pos, &w); k++) {
        if (word_is(t, w, "on") || word_is(t, w, "upon") || word_is(t, w, "to")) {
          on = found = true;
          np_from = w.end;
        } else if (word_is(t, w, "for")) {
          found = true;
        }
      }
      if (!found)
        continue;
    }
    if (!on && !ask) {
      /* "We demand that the Investigative Committee open ...": the
       * subject of the clause is called upon */
      size_t ns, ne = that_subject(t, he, e, &ns);
      if (ne > ns) {
        out.np_s = ns;
        out.np_e = ne;
        add_addressee(c, b, ns, ne);
      }
    }
    if (on || ask) {
      size_t ns = np_from;
      while (ns < e && is_sp(t[ns]))
        ns++;
      bool to_seen = false;
      size_t ne = np_can_start(t, ns, e) ? np_end(t, ns, e, &to_seen) : ns;
      kgr_word first;
      size_t fp = ns;
      if (ne > ns && kgr_word_next(t, e, &fp, &first) &&
          is_pronoun(t + first.start, first.end - first.start))
        ne = first.end; /* "writing to you on behalf of ...": "you" */
      if (on && ne == ns)
        continue; /* "we write to express our concern": nobody is called on */
      if (ne > ns && (on || to_seen)) {
        out.np_s = ns;
        out.np_e = ne;
        split_addressees(c, b, ns, ne);
        more_addressees(c, b, ne, e);
      }
    }
    out.demand = true;
    return out;
  }
  return out;
}

/* Themes of a demand: every lex_demand_themes theme its words name, in
 * order, without repeats. */
static void set_themes(ctx *c, kgr_demand *d) {
  kgr_doc *doc = c->doc;
  kgr_lex_hit_vec hits = c->themes; /* given back below, with what it grew to */
  hits.count = 0;
  kgr_lex_scan(&kgr_lex_demand_themes, &doc->arena, d->text.ptr, d->text.len, &hits);
  c->themes = hits;
  if (!hits.count)
    return;
  kgr_theme *themes = kgr_arena_alloc(&doc->arena, hits.count * sizeof *themes);
  size_t n = 0;
  for (size_t i = 0; i < hits.count; i++) {
    const kgr_lex_hit *h = &hits.items[i];
    /* "Human Rights Watch" is a name, not a call for human rights */
    if (h->start > 0 && kgr_utf8_starts_upper(d->text.ptr + h->start, d->text.len - h->start) &&
        kgr_in_org_name(d->text.ptr, d->text.len, h->start, h->end))
      continue;
    int v = kgr_vocab_value(KGR_VOCAB_THEME, h->entry->tag);
    if (v < 0)
      continue;
    bool seen = false;
    for (size_t k = 0; k < n; k++)
      seen = seen || themes[k] == (kgr_theme)v;
    if (!seen)
      themes[n++] = (kgr_theme)v;
  }
  d->themes = themes;
  d->theme_count = n;
}

/* The length of a dash or colon at t[0, len): "-", ":", an en or em dash;
 * 0 for none. */
static size_t dash_len(const char *t, size_t len) {
  if (len && (t[0] == '-' || t[0] == ':'))
    return 1;
  if (len >= 3 && (memcmp(t, "\xE2\x80\x93", 3) == 0 || memcmp(t, "\xE2\x80\x94", 3) == 0))
    return 3;
  return 0;
}

/* Where the text of a demand starts when a press dateline opens its
 * sentence ("GENEVA (26 October 2022) - UN experts today called on ..."):
 * past the dash or colon after the document's date. Returns s otherwise. */
static size_t past_dateline(const ctx *c, const kgr_block *b, size_t s, size_t e) {
  const kgr_doc *doc = c->doc;
  if (doc->date_source != KGR_DATE_SOURCE_STATED)
    return s;
  kgr_span sp = kgr_block_span(b, s, e);
  if (doc->date_span.start < sp.start || doc->date_span.end > sp.end)
    return s;
  size_t i = s;
  while (i < e && i - s < DATELINE_BYTES && kgr_block_src(b, i) < doc->date_span.end)
    i++;
  for (size_t k = i; k < e && k - i < 8; k++) {
    size_t n = dash_len(b->text + k, e - k);
    if (n)
      return k + n;
  }
  return s;
}

static void add_demand(ctx *c, const kgr_block *b, size_t s, size_t e, kgr_span span,
                       kgr_str addressee) {
  size_t from = past_dateline(c, b, s, e);
  if (from != s) {
    s = from;
    span = kgr_block_span(b, s, e);
  }
  while (s < e && is_sp(b->text[s]))
    s++;
  while (e > s && (is_sp(b->text[e - 1]) || b->text[e - 1] == ';'))
    e--;
  if (kgr_word_count(b->text + s, e - s, 1) == 0)
    return;
  kgr_demand *d = KGR_VEC_PUSH(&c->doc->arena, c->doc->demands);
  d->text = kgr_arena_str(&c->doc->arena, b->text + s, e - s);
  d->addressee = addressee;
  d->span = span;
  set_themes(c, d);
}

/* The length of a list marker opening text[0, len) - "ii. ", "b) ",
 * "(3) " - or 0. */
static size_t item_marker(const char *t, size_t len) {
  size_t i = t[0] == '(' ? 1 : 0, d = i;
  bool roman = true, digits = true;
  while (i < len && i - d < 5 && kgr_is_word_byte((unsigned char)t[i])) {
    char ch = (char)kgr_ascii_lower((unsigned char)t[i]);
    roman = roman && strchr("ivxlc", ch) != NULL;
    digits = digits && kgr_is_digit((unsigned char)t[i]);
    i++;
  }
  size_t n = i - d;
  bool letter = n == 1 && t[d] >= 'a' && t[d] <= 'z';
  /* "2020." opening a wrapped line is a year, not item 2020 */
  if (!n || n > 4 || (digits && n > 2) || !(roman || digits || letter) || i + 1 >= len ||
      (t[i] != '.' && t[i] != ')') || t[i + 1] != ' ')
    return 0;
  return i + 2;
}

/* One demand per item of a list item block: the layout may join items it
 * does not know as such ("i. ...; ii. ...; iii. ...") into one block,
 * each on a line of its own that opens with a marker. */
static void add_item_demands(ctx *c, const kgr_block *b, kgr_str np) {
  size_t from = 0, skip = 0;
  for (size_t k = 1; k < b->line_count; k++) {
    size_t ls, le;
    if (!kgr_block_line(b, k, &ls, &le))
      break;
    size_t m = item_marker(b->text + ls, le - ls);
    if (!m)
      continue;
    add_demand(c, b, from + skip, ls, kgr_block_span(b, from + skip, ls), np);
    from = ls;
    skip = m;
  }
  kgr_span span = from ? kgr_block_span(b, from + skip, b->len) : b->span;
  add_demand(c, b, from + skip, b->len, span, np);
}

/* The next block after i that is not a footnote, or NULL. */
static const kgr_block *next_block(const kgr_layout *lay, size_t i) {
  for (size_t k = i + 1; k < lay->block_count; k++)
    if (lay->blocks[k].kind != KGR_BLOCK_FOOTNOTE)
      return &lay->blocks[k];
  return NULL;
}

/*
 * A short line over a list of demands: "Recommendations:", "Our demands",
 * "Recommendations to the authorities of X", "To the Government of X:".
 * Returns true and sets [*as, *ae) to the addressee it names (empty if
 * none).
 */
static bool demand_intro_line(const kgr_block *b, size_t *as, size_t *ae) {
  const char *t = b->text;
  size_t len = b->len;
  while (len > 0 && (is_sp(t[len - 1]) || t[len - 1] == ':'))
    len--;
  *as = *ae = 0;
  if (!len)
    return false;
  const kgr_lex_entry *e = kgr_lex_lookup(&kgr_lex_call_verbs, t, len);
  if (e && (strcmp(e->tag, "heading") == 0 || strcmp(e->tag, "for") == 0))
    return kgr_word_count(t, len, INTRO_MAX_WORDS + 1) <= INTRO_MAX_WORDS;
  size_t n = kgr_lex_match(&kgr_lex_call_verbs, t, len, 0, &e);
  size_t after = 0;
  if (n && strcmp(e->tag, "heading") == 0) { /* "Recommendations to the ..." */
    after = n;
    if (len - after > 4 && kgr_ascii_istarts(t + after, len - after, " to "))
      after += 4;
    else if (kgr_word_count(t + after, len - after, 1) != 0)
      return false;
  } else if (len > 3 && memcmp(t, "To ", 3) == 0 && b->text[b->len - 1] == ':') {
    /* "To the Government of Kyrgyzstan:", not "To this end, we call for:" */
    size_t pos = 3;
    kgr_word w;
    if (!kgr_word_next(t, len, &pos, &w) ||
        !(is_determiner(t, w) || kgr_word_is_capitalised(t + w.start, w.end - w.start)))
      return false;
    for (pos = 3; kgr_word_next(t, len, &pos, &w);) {
      const kgr_lex_entry *v = NULL;
      if (kgr_lex_match(&kgr_lex_call_verbs, t, len, w.start, &v) && strcmp(v->tag, "heading") != 0)
        return false;
    }
    after = 3;
  } else {
    return false;
  }
  /* counted last: most blocks are none of the above, and counting is dear */
  if (kgr_word_count(t, len, INTRO_MAX_WORDS + 8) > INTRO_MAX_WORDS + 6)
    return false;
  while (after < len && is_sp(t[after]))
    after++;
  *as = after;
  *ae = len;
  return true;
}

/* A letter's salutation, "Dear President Japarov," or "Dear Minister:",
 * names whom the letter calls upon. */
static bool salutation(ctx *c, const kgr_block *b) {
  const char *t = b->text;
  size_t len = b->len;
  while (len > 0 && is_sp(t[len - 1]))
    len--;
  if (len < 7 || memcmp(t, "Dear ", 5) != 0 || (t[len - 1] != ',' && t[len - 1] != ':') ||
      kgr_word_count(t, len, 13) > 12 || !kgr_word_is_capitalised(t + 5, len - 5))
    return false;
  size_t s = 5, e = len - 1;
  trim_np(t, &s, &e);
  c->dear = kgr_arena_str(&c->doc->arena, t + s, e - s);
  add_addressee(c, b, s, e);
  return true;
}

/* A letter's "To:" line names whom it is addressed to: "To: The Chief
 * Executive of ...". */
static bool to_line(ctx *c, const kgr_block *b) {
  const char *t = b->text;
  if (b->len < 5 || !kgr_ascii_istarts(t, b->len, "to:") ||
      kgr_word_count(t, b->len, TO_LINE_MAX_WORDS + 1) > TO_LINE_MAX_WORDS)
    return false;
  size_t s = 3, e = b->len;
  while (s < e && is_sp(t[s]))
    s++;
  while (e > s && (is_sp(t[e - 1]) || t[e - 1] == '.'))
    e--;
  trim_np(t, &s, &e);
  if (s >= e || !np_can_start(t, s, e))
    return false;
  if (!c->dear.len)
    c->dear = kgr_arena_str(&c->doc->arena, t + s, e - s);
  add_addressee(c, b, s, e);
  return true;
}

/* The headline's speaker: a noun of lex_voices right before the
 * headline's first call verb ("Iran: UN experts demand accountability"),
 * or empty. */
static kgr_str title_voice(kgr_doc *doc) {
  kgr_str none = {NULL, 0};
  const char *t = doc->title.ptr;
  size_t len = doc->title.len;
  if (!t || !len)
    return none;
  kgr_lex_hit_vec hits = {0};
  kgr_lex_scan(&kgr_lex_call_verbs, &doc->arena, t, len, &hits);
  for (size_t i = 0; i < hits.count; i++) {
    const char *tag = hits.items[i].entry->tag;
    if (strcmp(tag, "modal") == 0 || strcmp(tag, "heading") == 0)
      continue;
    size_t v = hits.items[i].start, e = v;
    while (e > 0 && is_sp(t[e - 1]))
      e--;
    size_t ws = e;
    while (ws > 0 && kgr_is_word_byte((unsigned char)t[ws - 1]))
      ws--;
    if (ws == e)
      return none;
    const kgr_lex_entry *x = kgr_lex_lookup(&kgr_lex_voices, t + ws, e - ws);
    if (!x)
      return none;
    return kgr_arena_str(&doc->arena, t + ws, e - ws);
  }
  return none;
}

void kgr_read_demands(kgr_doc *doc, const kgr_layout *lay) {
  ctx c = {.doc = doc, .skip = kgr_signatory_extent(doc), .voice = title_voice(doc)};
  bool intro = false;           /* list items now are demands */
  kgr_str intro_np = {NULL, 0}; /* ... addressed to this */
  size_t si = 0;
  for (size_t i = 0; i < lay->block_count; i++) {
    const kgr_block *b = &lay->blocks[i];
    size_t first = si;
    while (first < lay->sentence_count && lay->sentences[first].block < i)
      first++;
    si = first;
    while (si < lay->sentence_count && lay->sentences[si].block == i)
      si++;
    if (b->kind == KGR_BLOCK_FOOTNOTE)
      continue; /* a page's notes may fall inside a list */
    if (kgr_span_overlaps(b->span, c.skip) ||
        (doc->title.ptr && kgr_span_overlaps(b->span, doc->title_span))) {
      intro = false;
      continue;
    }
    if (b->kind == KGR_BLOCK_LIST_ITEM && intro) {
      add_item_demands(&c, b, intro_np);
      continue;
    }
    if (b->kind != KGR_BLOCK_LIST_ITEM)
      intro = false;
    const kgr_block *nb = next_block(lay, i);
    bool list_follows = nb && nb->kind == KGR_BLOCK_LIST_ITEM;
    size_t as, ae;
    if (demand_intro_line(b, &as, &ae) && (list_follows || b->kind == KGR_BLOCK_HEADING)) {
      intro = true;
      intro_np = (kgr_str){NULL, 0};
      if (ae > as) {
        intro_np = kgr_arena_str(&doc->arena, b->text + as, ae - as);
        split_addressees(&c, b, as, ae);
      }
      continue;
    }
    if (salutation(&c, b) || to_line(&c, b))
      continue;
    c.last_np = (kgr_str){NULL, 0};
    c.block_quotes = -1;
    c.sents = lay->sentences + first;
    c.sent_count = si - first;
    for (size_t k = first; k < si; k++) {
      const kgr_sentence *s = &lay->sentences[k];
      call r = read_sentence(&c, b, s->start, s->end);
      kgr_str np = {NULL, 0};
      trim_np(b->text, &r.np_s, &r.np_e);
      if (r.np_e > r.np_s && is_pronoun(b->text + r.np_s, r.np_e - r.np_s)) {
        if (kgr_ascii_istarts(b->text + r.np_s, r.np_e - r.np_s, "you"))
          np = c.dear; /* "We urge you to ..." in a letter to the president */
      } else if (r.np_e > r.np_s) {
        np = kgr_arena_str(&doc->arena, b->text + r.np_s, r.np_e - r.np_s);
        c.last_np = np;
      }
      size_t end = s->end;
      while (end > s->start && is_sp(b->text[end - 1]))
        end--;
      bool colon = end > s->start && b->text[end - 1] == ':';
      if (r.demand && colon && list_follows && k + 1 == si) {
        intro = true; /* the call leads into its list: the items are the demands */
        intro_np = np.ptr ? np : c.last_np;
        continue;
      }
      if (r.demand)
        add_demand(&c, b, s->start, s->end, kgr_block_span(b, s->start, s->end), np);
    }
  }
}
