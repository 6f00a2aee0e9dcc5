/* appeal.c - stage stub: replaced by the real stage. */
#include "parser.h"

void kgr_read_demands(kgr_doc *doc, const kgr_layout *lay) {
  (void)doc;
  (void)lay;
}
