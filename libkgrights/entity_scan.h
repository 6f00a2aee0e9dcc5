/*
 * entity_scan.h - what the entity recognizers (persons.c, organizations.c,
 * places.c) share: a sentence cut into word tokens, lexicon look-ups on
 * token boundaries, and the registry (entities.c) that they record their
 * findings in and that de-duplicates them.
 *
 * Tokens index the block text (lay->blocks[s.block].text); a recognizer
 * looks a bounded number of tokens back and ahead, so every pass is linear.
 */
#ifndef KGR_ENTITY_SCAN_H
#define KGR_ENTITY_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "document.h"
#include "entities.h"
#include "gazetteer.h"
#include "layout.h"
#include "lexicon.h"
#include "utf8.h"

typedef enum kgr_etok_kind {
  KGR_ETOK_WORD = 0, /* letters, maybe digits: "Bishkek", "Ala-Too", "24.kg" */
  KGR_ETOK_NUMBER,   /* digits only, with inner separators: "686", "1,000" */
  KGR_ETOK_POSS,     /* the possessive "'s" / "’s" split off a word */
  KGR_ETOK_PUNCT     /* any other single character */
} kgr_etok_kind;

/* The lexicons the recognizers look tokens up in. The entries equal to a
 * word are remembered by spelling (kgr_word_cache), so that no word is
 * looked up twice in one lexicon, however many recognizers ask and
 * wherever it is written. */
typedef enum kgr_elex {
  KGR_ELEX_ROLES,
  KGR_ELEX_MEDIA_WORDS,
  KGR_ELEX_ORG_NAME_WORDS,
  KGR_ELEX_ORG_WORDS,
  KGR_ELEX_PLACE_TYPES,
  KGR_ELEX_REPORT_VERBS,
  KGR_ELEX_PERSON_STOPWORDS,
  KGR_ELEX_MONTHS,
  KGR_ELEX_ACT_WORDS,
  KGR_ELEX_PEOPLE_NOUNS,
  KGR_ELEX_COUNT
} kgr_elex;

typedef struct kgr_etok {
  size_t start, end; /* in the block text */
  uint32_t cp;       /* first code point */
  uint8_t kind;      /* kgr_etok_kind */
  /* One bit each, so that a token stays 32 bytes: */
  bool cap : 1;        /* a word whose first letter is upper case */
  bool all_caps : 1;   /* a word with 2+ letters and no lower-case letter */
  bool digit : 1;      /* a word that holds a digit ("24.kg", "COVID-19") */
  bool dotted : 1;     /* a word with an inner dot ("24.kg", "kaktus.media") */
  bool line_start : 1; /* the token opens an input line of its block */
  bool own_line : 1;   /* ... and the line break before it is the author's,
                          not a hard wrap: the word would have fitted on the
                          line before ("Rosa Matamoros\nMinisterio Publico") */
  bool field : 1;      /* a word that opens an input line as the label of a
                          "Label: value" field ("Location: Geneva"): no name
                          runs on into it from the line before */
  bool keyed : 1;      /* lex_key is set */
  uint32_t slot;       /* a word's slot in the word cache + 1; 0 until
                          kgr_etok_facts() first hashes it */
  uint32_t lex_key;    /* kgr_lex_word_key() at the token, once keyed */
} kgr_etok;

typedef KGR_VEC(kgr_etok) kgr_etok_vec;

/* What is known of a word wherever it is written the same way, each 0
 * until first asked: per kgr_elex, the entry equal to the word
 * (kgr_etok_tag), as 1 for none or the entry's index + 2; whether it is a
 * stop word (kgr_etok_stopword) and a word the document also writes in
 * lower case (kgr_ent_common_word), as 1 no, 2 yes. */
typedef struct kgr_word_facts {
  uint16_t entry[KGR_ELEX_COUNT];
  uint8_t stop;
  uint8_t common;
} kgr_word_facts;

/* The facts of a document's words by spelling, in a fixed number of
 * slots: the slot a word's hash picks holds the word last asked about
 * there. Memory stays bounded, and the frequent words stay. */
typedef struct kgr_word_slot {
  const char *text; /* the spelling (len 0: an empty slot) */
  size_t len;
  kgr_word_facts facts;
} kgr_word_slot;

typedef struct kgr_word_cache {
  kgr_word_slot *slots;
  size_t mask; /* slots - 1, a power of two less one */
} kgr_word_cache;

/* Set up an empty cache of 2^bits slots (bits <= 24) in a. */
void kgr_word_cache_init(kgr_arena *a, kgr_word_cache *wc, unsigned bits);

/* Append the tokens of text[start, end) to out (the tokens already in out
 * play no part). Linear. */
void kgr_etok_split(kgr_arena *a, const char *text, size_t start, size_t end,
                    kgr_etok_vec *out);

/* Set the `line_start`, `own_line` and `field` flags of tok[0, n), tokens
 * of block b's text in order (a field: a word that starts one of b's input
 * lines and is glued to a colon). `width` is kgr_block_wrap_width(b). */
void kgr_etok_mark_fields(const kgr_block *b, size_t width, kgr_etok *tok, size_t n);

/* The width in bytes that block b's text was wrapped to: its longest line
 * of prose (of a few words at least); 0 when the block is set line by line
 * (all its lines short, none opening in lower case). O(lines). */
size_t kgr_block_wrap_width(const kgr_block *b);

/* One sentence as the recognizers see it. */
typedef struct kgr_ent_sent {
  size_t index;        /* into lay->sentences */
  const char *text;    /* the block text */
  size_t start, end;   /* the sentence within it */
  kgr_etok *tok;       /* its tokens (kgr_etok_facts() sets their slots) */
  size_t n;
  kgr_word_cache *words; /* facts by spelling for all sentences, or NULL */
  bool all_caps;       /* the block is written in capitals (titles) */
  bool title_case;     /* most words are capitalised (headings, titles) */
} kgr_ent_sent;

typedef struct kgr_ent_registry kgr_ent_registry; /* entities.c */

/* The state of the stage, passed to every recognizer. */
typedef struct kgr_ent_ctx {
  kgr_doc *doc;
  const kgr_layout *lay;
  const char *country;  /* doc->country, else the most mentioned; or NULL */
  kgr_ent_sent s;       /* the sentence being read */
  kgr_ent_registry *reg;
} kgr_ent_ctx;

/* --- Token helpers ------------------------------------------------------ */

/* The helpers below are inline: the recognizers call them for nearly
 * every token, and a literal's length then folds to a constant. */

/* Is token i a word / a capitalised word (not all capitals)? */
static inline bool kgr_etok_is_word(const kgr_ent_sent *s, size_t i) {
  return i < s->n && s->tok[i].kind == KGR_ETOK_WORD;
}
static inline bool kgr_etok_is_capword(const kgr_ent_sent *s, size_t i) {
  return i < s->n && s->tok[i].kind == KGR_ETOK_WORD && s->tok[i].cap && !s->tok[i].all_caps &&
         !s->tok[i].digit;
}
/* Is token i the punctuation character cp? */
static inline bool kgr_etok_is(const kgr_ent_sent *s, size_t i, uint32_t cp) {
  return i < s->n && s->tok[i].kind == KGR_ETOK_PUNCT && s->tok[i].cp == cp;
}
/* Is token i the word w (ASCII, case-insensitive)? */
static inline bool kgr_etok_word_is(const kgr_ent_sent *s, size_t i, const char *w) {
  if (!kgr_etok_is_word(s, i))
    return false;
  size_t n = s->tok[i].end - s->tok[i].start;
  if (n != strlen(w))
    return false;
  const char *t = s->text + s->tok[i].start;
  for (size_t k = 0; k < n; k++)
    if (kgr_ascii_lower((unsigned char)t[k]) != kgr_ascii_lower((unsigned char)w[k]))
      return false;
  return true;
}
/* Is token i an article ("the", "a", "an")? */
static inline bool kgr_etok_is_article(const kgr_ent_sent *s, size_t i) {
  return kgr_etok_word_is(s, i, "the") || kgr_etok_word_is(s, i, "a") ||
         kgr_etok_word_is(s, i, "an");
}
/* Does token i open a line of its own ("own_line") or a field? No name
 * runs on into it from the line before. */
static inline bool kgr_etok_breaks(const kgr_ent_sent *s, size_t i) {
  return i < s->n && (s->tok[i].field || s->tok[i].own_line);
}
/* Is token i joined to token i - 1 with no space between? */
static inline bool kgr_etok_glued(const kgr_ent_sent *s, size_t i) {
  return i > 0 && i < s->n && s->tok[i - 1].end == s->tok[i].start;
}

/* The lexicon behind each kgr_elex. */
extern const kgr_lexicon *const kgr_elex_tables[KGR_ELEX_COUNT];

/* kgr_etok_lex() past its first look at the token. */
size_t kgr_etok_lex_match(const kgr_ent_sent *s, size_t i, kgr_elex lex, const kgr_lex_entry **out);

/*
 * The longest entry of lex matching at token i and ending at a token end.
 * Returns the index one past the last token matched, or 0 (and *out NULL)
 * for no match. Inline, since the token's key (once worked out) turns
 * most calls away.
 */
static inline size_t kgr_etok_lex(const kgr_ent_sent *s, size_t i, kgr_elex lex,
                                  const kgr_lex_entry **out) {
  *out = NULL;
  if (i >= s->n || s->tok[i].kind != KGR_ETOK_WORD)
    return 0;
  const kgr_etok *t = &s->tok[i];
  if (t->keyed && !kgr_lex_word_may_start(kgr_elex_tables[lex], t->lex_key))
    return 0;
  return kgr_etok_lex_match(s, i, lex, out);
}
/* The entry of lex equal to tokens [i, j) as a whole, or NULL (remembered
 * for one word). */
const kgr_lex_entry *kgr_etok_lookup(const kgr_ent_sent *s, size_t i, size_t j, kgr_elex lex);
/* The tag of lex's entry equal to word token i, or NULL. */
const char *kgr_etok_tag(const kgr_ent_sent *s, size_t i, kgr_elex lex);

/* The facts known of word token i's spelling (its slot in s->words,
 * taken over if another word held it), or NULL: no cache, or not a word. */
kgr_word_facts *kgr_etok_facts(const kgr_ent_sent *s, size_t i);

/* Is token i a stop word or a month or weekday name (never in a name)? */
bool kgr_etok_stopword(const kgr_ent_sent *s, size_t i);
/* Is token i a name particle ("van", "bin")? */
bool kgr_etok_particle(const kgr_ent_sent *s, size_t i);
/* The org-word tag of token i ("org", "state", "signal"), or NULL. */
const char *kgr_etok_orgword(const kgr_ent_sent *s, size_t i);
/* Is tokens [i, j) the name of a country, or its adjective? */
const kgr_country *kgr_etok_country(const kgr_ent_sent *s, size_t i, size_t j);

/* Does the document use this capitalised word in lower case elsewhere
 * ("Time" / "time")? Common words are rarely names. */
bool kgr_ent_common_word(const kgr_ent_ctx *c, size_t i);

/* Fold text[0, n) for comparing names: ASCII lower case, straight
 * apostrophes and quotation marks (“ ” « » as "), single spaces, no
 * leading article. */
kgr_str kgr_ent_fold(kgr_arena *a, const char *text, size_t n);
/* The same into out, which has room for n + 1 bytes (folding never
 * lengthens); returns the length. */
size_t kgr_ent_fold_into(char *out, const char *text, size_t n);

/* --- Registry (entities.c) ---------------------------------------------- */

/* Is block text [start, end) of the current sentence free of mentions? */
bool kgr_ent_free(const kgr_ent_ctx *c, size_t start, size_t end);
/* Mark block text [start, end) as read (an acronym in parentheses) without
 * recording a mention. */
void kgr_ent_take(kgr_ent_ctx *c, size_t start, size_t end);

/*
 * Record a person named by block text [start, end) of the current sentence,
 * with a role (NULL for none) and an affiliation ([aff_start, aff_end),
 * empty for none). Merges with the person already known by that name.
 * Returns the person's index.
 */
size_t kgr_ent_add_person(kgr_ent_ctx *c, size_t start, size_t end,
                          const char *role, size_t aff_start, size_t aff_end);

/* Record an organisation; acronym and country may be NULL. Returns its
 * index, or SIZE_MAX when it is the issuer or a signatory (not recorded). */
size_t kgr_ent_add_org(kgr_ent_ctx *c, size_t start, size_t end,
                       const char *acronym, size_t acronym_len,
                       const char *country);

/* Record a place: a gazetteer entry (name as written, the entry's data), or
 * a named place (entry NULL) in `country` (may be NULL). One entry written
 * two ways is two places, unless one way begins or ends the other ("Petersburg", "St.
 * Petersburg"; "Osh", "Osh Region"): a district the gazetteer points to
 * its city is a place of its own. */
size_t kgr_ent_add_place(kgr_ent_ctx *c, size_t start, size_t end,
                         const kgr_gaz_entry *entry, const char *country);

/* The same, for a person whose name is not the text of the span:
 * "Mahsa Amini" written "Mahsa (Zhina) Amini". The span's own text then
 * also finds the person. */
size_t kgr_ent_add_person_as(kgr_ent_ctx *c, size_t start, size_t end,
                             const char *name, size_t name_len,
                             const char *role, size_t aff_start,
                             size_t aff_end);

/* Record a territory that is one city ("Hong Kong", "Macau"), which the
 * gazetteer holds as a country: a place in that country, at its
 * capital's coordinates. */
size_t kgr_ent_add_territory(kgr_ent_ctx *c, size_t start, size_t end,
                             const kgr_country *co);

/* Add a role (may be NULL) and an affiliation (empty range for none) to a
 * known person without recording a mention. */
void kgr_ent_person_info(kgr_ent_ctx *c, size_t person, const char *role,
                         size_t aff_start, size_t aff_end);

/* The person whose full name is tokens [i, j) (j - i > 1), or whose unique
 * surname is token i (j - i == 1); SIZE_MAX if none. */
size_t kgr_ent_find_person(const kgr_ent_ctx *c, size_t i, size_t j);
/* Give a person known by one word ("Ms. Amini") the fuller name at block
 * text [start, end) of the current sentence ("Mahsa Amini"), and record
 * it as a mention. Returns false, doing nothing, when the person already
 * has a name of more than one word. */
bool kgr_ent_person_fuller(kgr_ent_ctx *c, size_t person, size_t start,
                           size_t end);
/* Record one more mention of a known person. */
void kgr_ent_person_mention(kgr_ent_ctx *c, size_t person, size_t start,
                            size_t end);
/* The organisation known by the name or acronym tokens [i, j), or SIZE_MAX. */
size_t kgr_ent_find_org(const kgr_ent_ctx *c, size_t i, size_t j);
/* The organisation known by the longest run of tokens [i, e), i < e <= j,
 * that is free of mentions: sets *end to e. SIZE_MAX if none. */
size_t kgr_ent_find_org_run(const kgr_ent_ctx *c, size_t i, size_t j, size_t *end);
/* Record one more mention of a known organisation. */
void kgr_ent_org_mention(kgr_ent_ctx *c, size_t org, size_t start, size_t end);

#endif /* KGR_ENTITY_SCAN_H */
