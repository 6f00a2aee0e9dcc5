/* events.c - stage stub: replaced by the real stage. */
#include "parser.h"

void kgr_read_events(kgr_doc *doc, const kgr_layout *lay, const kgr_entities *ents) {
  (void)doc;
  (void)lay;
  (void)ents;
}
