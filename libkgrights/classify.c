/*
 * classify.c - the document's kind, from what the earlier stages found.
 *
 * - appeal: it has signatories, or its issuer speaks as "We, ..." and makes
 *   at least two demands;
 * - incident_report: it narrates events (at least three, or three
 *   sentences with a dated happening) and has no signatory list - also
 *   when one organisation adds its calls to the narrative;
 * - appeal again for a call with demands and little narrative;
 * - unknown otherwise.
 */
#include <string.h>

#include "dates.h"
#include "parser.h"

enum { NARRATIVE_MIN = 3, WE_DEMANDS_MIN = 2 };

/* Sentences outside the header that hold a day or month date: the
 * narrative, even when the event stage made nothing of it. */
static size_t dated_sentences(kgr_doc *doc, const kgr_layout *lay) {
  size_t n = 0;
  kgr_date_hit_vec hits = {0};
  for (size_t i = 0; i < lay->sentence_count; i++) {
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
  size_t narrative = doc->events.count;
  if (narrative < NARRATIVE_MIN) {
    size_t dated = dated_sentences(doc, lay);
    if (dated > narrative)
      narrative = dated;
  }
  if (narrative >= NARRATIVE_MIN)
    doc->kind = KGR_KIND_INCIDENT_REPORT;
  else if (doc->demands.count)
    doc->kind = KGR_KIND_APPEAL;
  else if (narrative)
    doc->kind = KGR_KIND_INCIDENT_REPORT;
  else
    doc->kind = KGR_KIND_UNKNOWN;
}
