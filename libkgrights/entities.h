/*
 * entities.h - named persons, organisations and places, found once per
 * document and shared with the event stage.
 *
 * kgr_read_entities() fills doc->persons, doc->organizations and
 * doc->places (each de-duplicated: one record per distinct entity, span of
 * its first mention) and returns every mention, so that the event stage can
 * ask "which places/persons does this sentence name?" without re-scanning.
 */
#ifndef KGR_ENTITIES_H
#define KGR_ENTITIES_H

#include "document.h"
#include "layout.h"

typedef enum kgr_entity_type {
  KGR_ENTITY_PERSON = 0,
  KGR_ENTITY_ORGANIZATION,
  KGR_ENTITY_PLACE
} kgr_entity_type;

/* One mention of an entity in one sentence. */
typedef struct kgr_entity_mention {
  kgr_entity_type type;
  size_t sentence;   /* index into lay->sentences */
  size_t start, end; /* the mention in the sentence's block text */
  size_t index;      /* index into doc->persons / organizations / places */
} kgr_entity_mention;

typedef struct kgr_entities {
  const kgr_entity_mention *mentions; /* sorted by sentence, then start */
  size_t count;
  /* first mention of each sentence: mentions[sentence_first[s]] ...
   * up to sentence_first[s + 1]; array of lay->sentence_count + 1 */
  const size_t *sentence_first;
} kgr_entities;

/* Find persons (with roles and affiliations), organisations and places in
 * every sentence of the layout (signatory list items excluded: they are
 * signatories, not organisations mentioned). */
const kgr_entities *kgr_read_entities(kgr_doc *doc, const kgr_layout *lay);

#endif /* KGR_ENTITIES_H */
