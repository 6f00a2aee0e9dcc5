/*
 * event_types.h - what happened in a sentence: event triggers, typed from
 * the trigger lexicon (data/lex_event_triggers.tsv).
 *
 * A sentence is split into clauses; in each clause, direct triggers
 * ("annulled", "clashes") give a type, and an act together with an object
 * of the same clause gives a composite one ("confiscated" + "correspondent"
 * is an attack on a journalist, "stormed" + "building" a seizure, "beat"
 * + "detainees" ill-treatment, "shut down" + "the internet" a happening of
 * type other). Cues take triggers away: norms and demands ("must", "we
 * urge"), generalities ("over the years"), hypotheticals and the future
 * ("may", "will"), intentions, plans and calls ("calls for his
 * resignation", "planned for"), negation ("did not disperse"). Other cues
 * tell how to date what is told: perfects ("have detained"), reports
 * ("according to figures released on"), the document's own judgement
 * ("condemns"), pronouns and new sets of people ("thousands of others").
 * kgr_event_select() then picks the happenings a sentence reports.
 */
#ifndef KGR_EVENT_TYPES_H
#define KGR_EVENT_TYPES_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "kgrights/kgr_record.h"

/* A range of block text. */
typedef struct kgr_range {
  size_t start, end;
} kgr_range;

/* A clause of a sentence. Asides (relative clauses, parentheses) are
 * clauses of their own. */
typedef struct kgr_clause {
  size_t start, end; /* block text */
  bool aside;
} kgr_clause;

typedef struct kgr_trigger {
  kgr_event_type type;
  size_t start, end; /* the trigger (the act of a composite) in block text */
  size_t clause;     /* index into the scan's clauses */
  bool strong;       /* asserts a happening (weak: a noun that may refer) */
  bool passive;      /* "was detained": the victim stands before it */
  bool perfect;      /* "have detained": a span up to now; or after "had" in
                        its clause: before the story's time. Either way
                        not a carried day */
  bool needs_victim; /* an assault with no object ("attacked"): a happening
                        only when the sentence names whom */
  bool hedged;       /* a hypothetical follows in its clause ("protests
                        erupted over amendments that would have ..."): a
                        happening only with a past date of its own */
} kgr_trigger;

typedef struct kgr_event_scan {
  bool general;        /* a norm or a demand ("must", "we urge") and nothing
                          told outside its clauses: it reports nothing */
  bool generic;        /* a generality ("over the years", "in previous
                          years"): it reports nothing unless it names a date */
  bool voice;          /* the document's own judgement ("condemns", "is
                          concerned about"): it reports only what it dates */
  size_t voice_clause; /* the clause of the first voice cue */
  bool pronoun;        /* it speaks of someone as "he", "she", "him", "her" */
  bool new_set;        /* "thousands of others", "another journalist": other
                          people than the happening before */
  bool later;          /* "subsequently": it takes no date from the sentence before */
  size_t denied;       /* triggers a cue took away ("could be annulled") */
  /* "the next day" (+1), "the day before" (-1), "later that day" (0, and
   * same_day): the sentence's day counted from the carried one */
  int day_shift;
  bool same_day;
  kgr_range shift_cue; /* where that phrase stands; empty when none */
  const kgr_clause *clauses;
  size_t clause_count;
  const kgr_trigger *triggers; /* in text order; denied ones left out */
  size_t trigger_count;
  const kgr_range *means; /* lex_means hits, in text order */
  const kgr_means *means_ids;
  size_t means_count;
  /* "according to figures released": the date after such a cue is when
   * something was reported, not when it happened */
  const kgr_range *reports;
  size_t report_count;
} kgr_event_scan;

/* What the scans of one document share: what each lexicon entry says,
 * read from its tags the first time a scan meets it, and the vectors of a
 * scan, reused by the next. */
typedef struct kgr_event_entry kgr_event_entry;
typedef struct kgr_event_work kgr_event_work;
typedef struct kgr_event_scanner {
  kgr_arena *a;                      /* where all of it lives */
  kgr_event_entry *triggers, *means; /* one per entry of each lexicon */
  kgr_event_work *work;
} kgr_event_scanner;

/* Set up a scanner in `a`, which must outlive it. */
void kgr_event_scanner_init(kgr_event_scanner *sc, kgr_arena *a);

/*
 * Read block text [start, end) (one sentence of `text`). `skip` lists
 * ranges (dates, in block text, in order) where no trigger may stand: "in
 * March" is no march. The clauses, triggers, means and reports of `out`
 * belong to the scanner and last until its next scan; other scratch is
 * allocated in `a`.
 */
void kgr_event_scan_sentence(kgr_event_scanner *sc, kgr_arena *a, const char *text, size_t start,
                             size_t end, const kgr_range *skip, size_t skip_count,
                             kgr_event_scan *out);

/*
 * The happenings the sentence reports, as indices into scan->triggers in
 * text order, at most one per type; returns how many were written to out
 * (room for KGR_EVENT_TYPE_COUNT). Every strong trigger counts; a weak one
 * counts when it has its own date (bound[i]: "the 4 October election") and
 * no stronger type in the sentence makes it context, or when the sentence
 * has nothing else, unless a cue took a trigger away: then the sentence is
 * about what did not happen. Statements count only alone. When a strong
 * trigger stands outside asides, triggers inside asides (relative clauses,
 * parentheses) only describe who or what ("protesters who had been
 * detained") and do not count.
 */
size_t kgr_event_select(const kgr_event_scan *scan, const bool *bound, size_t *out);

/* How much a type outranks others when one sentence holds several. */
int kgr_event_priority(kgr_event_type t);

/* May a noun of type `noun` alone ("during the arrest") refer to a
 * happening of type `told`: the same type, a type that is its context
 * ("the protests" of a dispersal), or an arrest of journalists or medics
 * (an attack on them)? */
bool kgr_event_refers(kgr_event_type noun, kgr_event_type told);

/* Does the type have victims (attacks, arrests, killings, torture)? */
bool kgr_event_has_victims(kgr_event_type t);

/* Is text[0, len) a word for a journalist ("reporter", "correspondent")?
 * For persons' roles. */
bool kgr_event_journalist_word(const char *text, size_t len);

/*
 * Is the word run text[start, end) made only of words that may stand
 * between a happening and its date ("held in Kyrgyzstan on"): linking words
 * of the lexicon (@link) and capitalised names, at most `max_words`, no
 * punctuation?
 */
bool kgr_event_date_link(const char *text, size_t start, size_t end, size_t max_words);

/* The index of the clause of scan that holds block text offset pos (the
 * last clause starting at or before it); 0 when there are none. */
size_t kgr_event_clause_at(const kgr_event_scan *scan, size_t pos);

/* Words in text[start, end). */
size_t kgr_count_words(const char *text, size_t start, size_t end);

/* Are there at most `max` words in text[start, end)? Reads no further than
 * the word past the max. */
bool kgr_words_within(const char *text, size_t start, size_t end, size_t max);

#endif /* KGR_EVENT_TYPES_H */
