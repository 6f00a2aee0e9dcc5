/*
 * corroboration.h - the inside of a kgr_corroboration, shared by
 * corroborate.c (which builds it) and write_corroboration.c (its JSON).
 */
#ifndef KGR_CORROBORATION_H
#define KGR_CORROBORATION_H

#include "arena.h"
#include "kgrights/kgr_corroborate.h"

struct kgr_corroboration {
  kgr_arena arena;
  const kgr_corr_group *groups;
  size_t group_count;
  size_t conflicts;     /* figure kinds in conflict, over all groups */
  const kgr_str *names; /* each input document's name ("doc#N" if none) */
  const kgr_str *sha256;
  size_t doc_count;
};

#endif /* KGR_CORROBORATION_H */
