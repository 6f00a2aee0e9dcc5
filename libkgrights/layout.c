/* layout.c - stub: one paragraph block per input; replaced by the real front end. */
#include "layout.h"

const kgr_layout *kgr_layout_build(kgr_doc *doc) {
  kgr_layout *lay = kgr_arena_calloc(&doc->arena, sizeof *lay);
  kgr_section *s = KGR_VEC_PUSH(&doc->arena, doc->sections);
  s->span = (kgr_span){0, doc->input_len};
  return lay;
}

size_t kgr_block_src(const kgr_block *b, size_t off) { return b->span.start + off; }
kgr_span kgr_block_span(const kgr_block *b, size_t start, size_t end) {
  return (kgr_span){b->span.start + start, b->span.start + end};
}
