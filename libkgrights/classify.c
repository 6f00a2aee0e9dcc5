/*
 * classify.c - the document's kind, from what the earlier stages found.
 *
 * - appeal: it has signatories, or its issuer speaks as "We, ..." and makes
 *   at least two demands;
 * - incident_report: it narrates events (at least three, or three
 *   sentences with a dated happening) and has no signatory list - also
 *   when one organisation adds its calls to the narrative, or tells two
 *   happenings and asks no more than that;
 * - appeal when its header says it is a call to act ("URGENT ACTION",
 *   "Joint statement", "An open letter from ...") or it is a letter
 *   ("Dear ...,"), and it makes demands;
 * - appeal again for a call with demands and little narrative;
 * - unknown otherwise.
 */
#include <string.h>

#include "dates.h"
#include "lexicon.h"
#include "parser.h"
#include "utf8.h"

enum {
  NARRATIVE_MIN = 3,
  WE_DEMANDS_MIN = 2,
  LABEL_BLOCKS = 12,     /* blocks at the top where a label may stand */
  SALUTATION_BLOCKS = 24 /* ... and a letter's salutation */
};

/* Does block b open with a label of lex_header_labels marked "appeal"
 * ("URGENT ACTION", "Joint statement", "An open letter from ...")? */
static bool appeal_label(const kgr_block *b) {
  size_t pos = 0;
  static const char *const articles[] = {"a ", "an ", "the "};
  for (size_t k = 0; k < sizeof articles / sizeof *articles; k++)
    if (kgr_ascii_istarts(b->text, b->len, articles[k]))
      pos = strlen(articles[k]);
  const kgr_lex_entry *e = NULL;
  size_t n = kgr_lex_match(&kgr_lex_header_labels, b->text, b->len, pos, &e);
  if (!n || !e || strcmp(e->extra, "appeal") != 0)
    return false;
  /* the label alone, or what it is about: "Joint statement on ...", "An
   * open letter from ..."; not "Appeal court upholds ..." */
  size_t i = pos + n;
  while (i < b->len && b->text[i] == ' ')
    i++;
  if (i >= b->len || !kgr_is_word_byte((unsigned char)b->text[i]))
    return true;
  static const char *const after[] = {"by ",  "from ", "to ",        "on ",         "of ",
                                      "for ", "in ",   "regarding ", "concerning ", "about "};
  for (size_t k = 0; k < sizeof after / sizeof *after; k++)
    if (kgr_ascii_istarts(b->text + i, b->len - i, after[k]))
      return true;
  return false;
}

/* A letter's salutation: "Dear Members of the European Parliament,". */
static bool salutation(const kgr_block *b) {
  size_t len = b->len;
  while (len > 0 && b->text[len - 1] == ' ')
    len--;
  return len > 6 && memcmp(b->text, "Dear ", 5) == 0 &&
         (b->text[len - 1] == ',' || b->text[len - 1] == ':') && b->text[5] >= 'A' &&
         b->text[5] <= 'Z';
}

/* Does the document present itself as a call to act: a label at its top,
 * or a letter's salutation? */
static bool presented_as_appeal(const kgr_layout *lay) {
  size_t seen = 0;
  for (size_t i = 0; i < lay->block_count && seen < SALUTATION_BLOCKS; i++) {
    const kgr_block *b = &lay->blocks[i];
    if (b->kind == KGR_BLOCK_FOOTNOTE)
      continue;
    if (seen++ < LABEL_BLOCKS && appeal_label(b))
      return true;
    if (b->kind == KGR_BLOCK_PARAGRAPH && b->len < 120 && salutation(b))
      return true;
  }
  return false;
}

/* Sentences outside the header that hold a day or month date: the
 * narrative, even when the event stage made nothing of it. Counts up to
 * `cap` only: no more is compared. The date hits are scratch, given back
 * to the arena at the end. */
static size_t dated_sentences(kgr_doc *doc, const kgr_layout *lay, size_t cap) {
  size_t n = 0;
  kgr_arena_pos scratch = kgr_arena_mark(&doc->arena);
  kgr_date_hit_vec hits = {0};
  for (size_t i = 0; i < lay->sentence_count && n < cap; i++) {
    const kgr_sentence *s = &lay->sentences[i];
    const kgr_block *b = &lay->blocks[s->block];
    bool date_line = doc->date_source == KGR_DATE_SOURCE_STATED &&
                     b->span.start <= doc->date_span.start && doc->date_span.end <= b->span.end;
    if (b->kind == KGR_BLOCK_FOOTNOTE || date_line)
      continue;
    hits.count = 0;
    kgr_dates_find(&doc->arena, b->text + s->start, s->end - s->start, &hits);
    for (size_t k = 0; k < hits.count; k++)
      if (hits.items[k].precision == KGR_PRECISION_DAY ||
          hits.items[k].precision == KGR_PRECISION_MONTH) {
        n++;
        break;
      }
  }
  kgr_arena_rewind(&doc->arena, scratch);
  return n;
}

/* Does the body speak as "We, ..." (the first paragraph that is not the
 * title or the date line)? */
static bool speaks_as_we(const kgr_doc *doc, const kgr_layout *lay) {
  for (size_t i = 0; i < lay->block_count; i++) {
    const kgr_block *b = &lay->blocks[i];
    if (b->kind != KGR_BLOCK_PARAGRAPH || b->span.start < doc->title_span.end ||
        b->span.start < doc->date_span.end)
      continue;
    return b->len > 3 && memcmp(b->text, "We", 2) == 0 && b->text[2] == ',';
  }
  return false;
}

void kgr_classify(kgr_doc *doc, const kgr_layout *lay) {
  if (doc->signatories.count) {
    doc->kind = KGR_KIND_APPEAL;
    return;
  }
  if (speaks_as_we(doc, lay) && doc->demands.count >= WE_DEMANDS_MIN) {
    doc->kind = KGR_KIND_APPEAL;
    return;
  }
  if (doc->demands.count && presented_as_appeal(lay)) {
    doc->kind = KGR_KIND_APPEAL;
    return;
  }
  size_t narrative = doc->events.count;
  if (narrative < NARRATIVE_MIN) {
    size_t dated = dated_sentences(doc, lay, NARRATIVE_MIN); /* enough to be a report */
    if (dated > narrative)
      narrative = dated;
  }
  /* One organisation reporting in the third person ("X said today") tells
   * a shorter story as a report, when it tells as much as it asks. */
  bool reporting =
      doc->has_issuer && narrative >= NARRATIVE_MIN - 1 && narrative >= doc->demands.count;
  if (narrative >= NARRATIVE_MIN || reporting)
    doc->kind = KGR_KIND_INCIDENT_REPORT;
  else if (doc->demands.count)
    doc->kind = KGR_KIND_APPEAL;
  else if (narrative)
    doc->kind = KGR_KIND_INCIDENT_REPORT;
  else
    doc->kind = KGR_KIND_UNKNOWN;
}
