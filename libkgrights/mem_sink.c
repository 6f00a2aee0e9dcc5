/* mem_sink.c - collect writer output in one heap string. */
#include "mem_sink.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int kgr_mem_sink_write(void *ctx, const char *data, size_t len) {
  kgr_mem_sink *m = ctx;
  if (m->cap - m->len < len + 1) { /* room for the data and the final NUL */
    size_t cap = m->cap ? m->cap : 4096;
    while (cap - m->len < len + 1) {
      if (cap > SIZE_MAX / 2)
        return -1;
      cap *= 2;
    }
    char *p = realloc(m->data, cap);
    if (!p)
      return -1;
    m->data = p;
    m->cap = cap;
  }
  memcpy(m->data + m->len, data, len);
  m->len += len;
  return 0;
}

char *kgr_mem_sink_finish(kgr_mem_sink *m, kgr_status st, size_t *len) {
  if (st != KGR_OK || !m->data) {
    free(m->data);
    m->data = NULL;
    return NULL;
  }
  m->data[m->len] = '\0';
  if (len)
    *len = m->len;
  return m->data;
}
