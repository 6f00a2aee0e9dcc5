/* libFuzzer harness: each recognizer alone on arbitrary text. The first
 * byte picks the recognizer so that one corpus serves all of them. */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "dates.h"
#include "figures.h"
#include "lexicon.h"

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
  switch (data[0] % 4) {
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
