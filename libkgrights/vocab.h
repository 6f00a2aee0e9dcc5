/*
 * vocab.h - from a vocabulary string (a lexicon tag such as "tear_gas")
 * back to its enum value.
 */
#ifndef KGR_VOCAB_H
#define KGR_VOCAB_H

#include "kgrights/kgr_record.h"

typedef enum kgr_vocab {
  KGR_VOCAB_EVENT_TYPE,
  KGR_VOCAB_FIGURE_KIND,
  KGR_VOCAB_QUALIFIER,
  KGR_VOCAB_MEANS,
  KGR_VOCAB_ACTOR_CATEGORY,
  KGR_VOCAB_RIGHT,
  KGR_VOCAB_THEME
} kgr_vocab;

/* The enum value named `name` in vocabulary v, or -1 when unknown. */
int kgr_vocab_value(kgr_vocab v, const char *name);

#endif /* KGR_VOCAB_H */
