/*
 * rights.c - the rights a document invokes and the legal standards it
 * cites.
 *
 * Every block but footnotes and the signatory list is scanned with
 * lex_rights and lex_instruments. A phrase inside an organisation's name
 * does not invoke a right: "World Organisation Against Torture", "Centre
 * for Rehabilitation of Torture Victims". Rights are listed once, in the
 * order of their first mention; instruments once per instrument (two names
 * of one instrument are one), as first written, with their span.
 */
#include <string.h>

#include "acronyms.h"
#include "parser.h"
#include "utf8.h"
#include "vocab.h"

enum { LIST_GAP_BYTES = 40 }; /* between two rights of one list */

/* Is the hit part of a proper name that holds an organisation word? Only a
 * capitalised hit that does not open its block can be (all-capital blocks
 * are headlines, where every word is capitalised). */
static bool in_name(const kgr_block *b, size_t start, size_t end) {
  if (b->all_caps || start == 0 || !kgr_utf8_starts_upper(b->text + start, b->len - start))
    return false;
  return kgr_in_org_name(b->text, b->len, start, end);
}

/* Does only a list's glue stand in text[from, to): commas, "and", "or",
 * "of", "to", "the", "as well as" ("assembly and of association", "life,
 * to liberty")? Then a bare right's noun there continues the list. */
static bool list_gap(const char *text, size_t from, size_t to) {
  if (to < from || to - from > LIST_GAP_BYTES)
    return false;
  size_t pos = from;
  kgr_word w;
  static const char *const glue[] = {"and",  "or",      "of",       "to",    "the",    "as",
                                     "well", "freedom", "freedoms", "right", "rights", "peaceful"};
  while (kgr_word_next(text, to, &pos, &w)) {
    bool ok = false;
    for (size_t k = 0; k < sizeof glue / sizeof *glue && !ok; k++)
      ok = kgr_ascii_ieq(text + w.start, w.end - w.start, glue[k]);
    if (!ok)
      return false;
  }
  for (size_t i = from; i < to; i++)
    if (text[i] != ' ' && text[i] != ',' && !kgr_is_word_byte((unsigned char)text[i]))
      return false;
  return true;
}

static void add_right(kgr_doc *doc, kgr_right r) {
  for (size_t i = 0; i < doc->rights.count; i++)
    if (doc->rights.items[i] == r)
      return;
  *KGR_VEC_PUSH(&doc->arena, doc->rights) = r;
}

void kgr_read_rights(kgr_doc *doc, const kgr_layout *lay) {
  kgr_span skip = kgr_signatory_extent(doc);
  /* the instrument ids seen, parallel to doc->instruments */
  KGR_VEC(const char *) seen = {0};
  /* one pass over each block finds both */
  kgr_lex_hit_vec rights = {0}, instruments = {0};
  const kgr_lexicon *lexes[] = {&kgr_lex_rights, &kgr_lex_instruments};
  kgr_lex_hit_vec *hit_vecs[] = {&rights, &instruments};
  for (size_t i = 0; i < lay->block_count; i++) {
    const kgr_block *b = &lay->blocks[i];
    if (b->kind == KGR_BLOCK_FOOTNOTE || kgr_span_overlaps(b->span, skip))
      continue;
    rights.count = instruments.count = 0;
    kgr_lex_scan_many(&doc->arena, b->text, b->len, 2, lexes, hit_vecs);
    size_t prev_end = SIZE_MAX; /* the end of the last right read in this block */
    for (size_t k = 0; k < rights.count; k++) {
      const kgr_lex_hit *h = &rights.items[k];
      if (in_name(b, h->start, h->end))
        continue;
      if (strcmp(h->entry->extra, "coord") == 0 &&
          (prev_end == SIZE_MAX || !list_gap(b->text, prev_end, h->start)))
        continue;
      prev_end = h->end;
      int v = kgr_vocab_value(KGR_VOCAB_RIGHT, h->entry->tag);
      if (v < 0) {
        kgr_doc_diag(doc, KGR_SEVERITY_WARNING, "unknown-right",
                     kgr_block_span(b, h->start, h->end), "lex_rights tag \"%s\" is not a right",
                     h->entry->tag);
        continue;
      }
      add_right(doc, (kgr_right)v);
    }
    for (size_t k = 0; k < instruments.count; k++) {
      const kgr_lex_hit *h = &instruments.items[k];
      bool dup = false;
      for (size_t j = 0; j < seen.count && !dup; j++)
        dup = strcmp(seen.items[j], h->entry->tag) == 0;
      if (dup)
        continue;
      *KGR_VEC_PUSH(&doc->arena, seen) = h->entry->tag;
      kgr_mention *m = KGR_VEC_PUSH(&doc->arena, doc->instruments);
      m->text = kgr_arena_str(&doc->arena, b->text + h->start, h->end - h->start);
      m->span = kgr_block_span(b, h->start, h->end);
    }
  }
}
