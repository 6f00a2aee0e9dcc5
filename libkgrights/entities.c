/* entities.c - stage stub: replaced by the real stage. */
#include "entities.h"

const kgr_entities *kgr_read_entities(kgr_doc *doc, const kgr_layout *lay) {
  kgr_entities *e = kgr_arena_calloc(&doc->arena, sizeof *e);
  e->sentence_first = kgr_arena_calloc(&doc->arena, (lay->sentence_count + 1) * sizeof(size_t));
  return e;
}
