/*
 * write_format.c - the tabular and map writers chosen by name, and their
 * output as one string (kgr_doc_write_format, kgr_doc_to_format).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "mem_sink.h"
#include "kgrights/kgr_formats.h"

typedef kgr_status (*writer_fn)(const kgr_doc *, uint32_t, kgr_write_fn, void *);

static const struct {
  const char *name;
  writer_fn write;
} writers[] = {
    {"csv", kgr_doc_write_csv},
    {"acled", kgr_doc_write_acled},
    {"hxl", kgr_doc_write_hxl},
    {"geojson", kgr_doc_write_geojson},
    {"signatories", kgr_doc_write_signatories_csv},
};

kgr_status kgr_doc_write_format(const kgr_doc *doc, const char *format, uint32_t flags,
                                kgr_write_fn fn, void *ctx) {
  if (!format)
    return KGR_EINVAL;
  for (size_t i = 0; i < sizeof writers / sizeof *writers; i++)
    if (strcmp(format, writers[i].name) == 0)
      return writers[i].write(doc, flags, fn, ctx);
  return KGR_EINVAL;
}


char *kgr_doc_to_format(const kgr_doc *doc, const char *format, uint32_t flags, size_t *len) {
  /* Allocated with malloc: the caller releases it with kgr_free(). The
   * buffer exists up front so that an empty table is "", not NULL. */
  kgr_mem_sink m = {0};
  m.data = malloc(1);
  if (!m.data)
    return NULL;
  m.cap = 1;
  kgr_status st = kgr_doc_write_format(doc, format, flags, kgr_mem_sink_write, &m);
  return kgr_mem_sink_finish(&m, st, len);
}
