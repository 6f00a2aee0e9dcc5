/*
 * acronyms.h - organisation names, their acronyms, and the word-level
 * helpers that the appeal stages (header.c, signatories.c, appeal.c,
 * rights.c) share: words, capitalised names, countries named by a run of
 * words, and the extent of the signatory list.
 *
 * All functions work on normalised or raw UTF-8 text and never allocate.
 */
#ifndef KGR_ACRONYMS_H
#define KGR_ACRONYMS_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"
#include "gazetteer.h"
#include "lexicon.h"

/* A word: a run of letters and digits, keeping an apostrophe, hyphen, dot
 * or ampersand that stands between two of them ("Women's", "OSCE-network",
 * "Humanrights.ch", "Kyrgyzstan’s"). */
typedef struct kgr_word {
  size_t start, end;
} kgr_word;

/* The first word at or after *pos in text[0, len): fills *w, moves *pos to
 * its end and returns true; false when no word is left. */
bool kgr_word_next(const char *text, size_t len, size_t *pos, kgr_word *w);

/* How many words text[0, len) holds, counting no further than max. */
size_t kgr_word_count(const char *text, size_t len, size_t max);

/* Is text[0, len) one word starting with an upper-case letter? */
bool kgr_word_is_capitalised(const char *text, size_t len);

/* Is text[0, len) shaped like an acronym: 2-10 bytes without spaces, made
 * of ASCII letters, digits, '&', '-' or '.', starting with an upper-case
 * letter, with at least two upper-case letters and more upper- than
 * lower-case ones ("IPHR", "HFHR", "OMCT", "WILPF", "HRCenter" is not)? */
bool kgr_is_acronym(const char *text, size_t len);

/* The lex_org_words tag ("org", "state", "connector", "region",
 * "honorific", "not_country", "org_type") of the phrase starting at the
 * word start `pos`, or NULL; *end receives where the phrase ends. Tags
 * "org" and "state" need the word capitalised in the text. */
const char *kgr_org_word_at(const char *text, size_t len, size_t pos, size_t *end);

/* Does text[0, len) hold a word or phrase tagged `tag` in lex_org_words
 * (capitalised, for "org" and "state")? */
bool kgr_has_org_word(const char *text, size_t len, const char *tag);

/*
 * The end of the capitalised name starting at the word start `pos`: upper-
 * case words (and digits), joined by spaces, quotes or connectors ("of",
 * "for", "the", "&"); it stops at other punctuation, at a lower-case word
 * that is not a connector, and, when stop_at_verbs, at a word that is a
 * call or reporting verb whatever its case ("Human Rights Watch Urges ...").
 * Trailing connectors are not included. Returns pos when no name starts
 * there. At most 16 words.
 */
size_t kgr_name_end(const char *text, size_t len, size_t pos, bool stop_at_verbs);

/*
 * An acronym in parentheses right after `pos` (spaces allowed before it):
 * " (CSP)". Sets [*start, *end) to the acronym and returns the offset past
 * the ')' , or 0 when there is none.
 */
size_t kgr_paren_acronym(const char *text, size_t len, size_t pos, size_t *start, size_t *end);

/*
 * The country named, or adjectived, by the longest run of one to five
 * words starting at the word start `pos` ("Kyrgyzstan", "Kyrgyz",
 * "Kyrgyzstan’s", "United States", "Bosnia and Herzegovina"). Words must be
 * separated by spaces only. A possessive "'s" on the last word is allowed;
 * a match of three letters or fewer must be written in capitals ("US",
 * not "us"). Returns the bytes matched (0: none) and sets *out and *is_name
 * (may be NULL) as kgr_country_lookup() does.
 */
size_t kgr_country_at(const char *text, size_t len, size_t pos, const kgr_country **out,
                      bool *is_name);

/* Does the range [start, end) of text lie inside a capitalised name that
 * holds an organisation word ("World Organisation Against Torture")? Looks
 * at most eight words either side. */
bool kgr_in_org_name(const char *text, size_t len, size_t start, size_t end);

/* The input range from the first signatory to the last ({0, 0} when the
 * document has none): prose stages leave it alone. */
kgr_span kgr_signatory_extent(const kgr_doc *doc);

/* Do the two spans share a byte? */
static inline bool kgr_span_overlaps(kgr_span a, kgr_span b) {
  return a.start < b.end && b.start < a.end;
}

#endif /* KGR_ACRONYMS_H */
