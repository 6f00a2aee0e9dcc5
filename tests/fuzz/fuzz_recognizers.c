/* libFuzzer harness: each recognizer alone on arbitrary text. The first
 * byte picks the recognizer so that one corpus serves all of them. The
 * signatory reader has no entry point of its own, so its case wraps the
 * text as the list under a "Signed by:" heading and parses that. */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "dates.h"
#include "figures.h"
#include "lexicon.h"
#include "kgrights/kgrights.h"

/* The signatory list: every signatory's span must lie in the input. */
static void fuzz_signatories(const char *text, size_t len) {
  static const char head[] = "Appeal\n\nSigned by:\n\n";
  size_t n = sizeof head - 1;
  char *buf = malloc(n + len + 1);
  if (!buf)
    return;
  memcpy(buf, head, n);
  if (len)
    memcpy(buf + n, text, len);
  kgr_doc *doc = kgr_parse(buf, n + len, KGR_PARSE_DEFAULT, NULL, NULL);
  if (!doc)
    abort();
  for (size_t i = 0; i < kgr_doc_signatory_count(doc); i++) {
    const kgr_signatory *sg = kgr_doc_signatory(doc, i);
    if (sg->span.start > sg->span.end || sg->span.end > n + len || !sg->name.ptr)
      abort();
  }
  kgr_doc_free(doc);
  free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  kgr_arena arena;
  kgr_arena_init(&arena, NULL);
  jmp_buf oom;
  if (setjmp(oom)) {
    kgr_arena_release(&arena);
    return 0;
  }
  arena.oom = &oom;
  switch (data[0] % 5) {
  case 0: {
    kgr_date_hit_vec hits = {0};
    kgr_dates_find(&arena, text, len, &hits);
    for (size_t i = 0; i < hits.count; i++)
      if (hits.items[i].start > hits.items[i].end || hits.items[i].end > len)
        abort();
    kgr_ymd d;
    (void)kgr_date_line(text, len, &d);
    break;
  }
  case 1: {
    kgr_figure_hit_vec hits = {0};
    kgr_figures_find(&arena, text, len, &hits);
    for (size_t i = 0; i < hits.count; i++)
      if (hits.items[i].start > hits.items[i].end || hits.items[i].end > len)
        abort();
    break;
  }
  case 2: {
    int64_t v;
    for (size_t pos = 0; pos < len; pos++)
      if (kgr_number_parse(text, len, pos, &v) > len - pos)
        abort();
    break;
  }
  case 3:
    fuzz_signatories(text, len);
    break;
  default: {
    kgr_lex_hit_vec hits = {0};
    kgr_lex_scan(&kgr_lex_means, &arena, text, len, &hits);
    kgr_lex_scan(&kgr_lex_event_triggers, &arena, text, len, &hits);
    for (size_t i = 0; i < hits.count; i++)
      if (hits.items[i].start > hits.items[i].end || hits.items[i].end > len)
        abort();
    break;
  }
  }
  kgr_arena_release(&arena);
  return 0;
}
