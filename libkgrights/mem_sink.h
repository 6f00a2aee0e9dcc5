/*
 * mem_sink.h - a kgr_write_fn that collects output in one heap string, for
 * the *_to_json / *_to_format calls that hand a string to the caller (who
 * releases it with kgr_free()).
 */
#ifndef KGR_MEM_SINK_H
#define KGR_MEM_SINK_H

#include <stddef.h>

#include "kgrights/kgr_common.h"

typedef struct kgr_mem_sink {
  char *data;
  size_t len, cap;
} kgr_mem_sink;

/* The kgr_write_fn: appends data; returns -1 (stop) when out of memory. */
int kgr_mem_sink_write(void *ctx, const char *data, size_t len);

/* After the writer returned `st`: the NUL-terminated string (its length in
 * *len, which may be NULL), or NULL, with the buffer freed, when st is not
 * KGR_OK or nothing was written. */
char *kgr_mem_sink_finish(kgr_mem_sink *m, kgr_status st, size_t *len);

#endif /* KGR_MEM_SINK_H */
