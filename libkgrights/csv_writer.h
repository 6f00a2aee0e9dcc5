/*
 * csv_writer.h - a streaming RFC 4180 CSV emitter shared by the tabular
 * writers (write_csv.c, write_acled.c, write_hxl.c, write_signatories.c).
 *
 * A cell is built in pieces (kgr_csv_cell_*) and quoted when it is
 * finished, only if it holds a comma, a double quote, CR or LF. Cells are
 * emitted as valid UTF-8 (invalid bytes become U+FFFD). Output goes to the
 * sink in pieces of at most a few KiB. The cell buffer comes from the
 * document's allocator; when it fails the writer reports KGR_ENOMEM.
 */
#ifndef KGR_CSV_WRITER_H
#define KGR_CSV_WRITER_H

#include <stdbool.h>
#include <stdint.h>

#include "kgrights/kgr_formats.h"

typedef struct kgr_csv {
  kgr_write_fn fn;
  void *ctx;
  kgr_alloc alc;
  bool crlf;
  bool failed; /* the sink stopped */
  bool oom;    /* the allocator failed */
  bool row_started;
  char *cell;  /* the cell being built */
  size_t cell_len, cell_cap;
  size_t len;
  char buf[4096];
} kgr_csv;

/* `alc` is the document's allocator (copied); flags are KGR_FORMAT_*. */
void kgr_csv_init(kgr_csv *w, uint32_t flags, const kgr_alloc *alc,
                  kgr_write_fn fn, void *ctx);
/* Flush and release; returns KGR_OK, KGR_ENOMEM or KGR_EIO. */
kgr_status kgr_csv_finish(kgr_csv *w);

/* Build one cell from pieces, then write it. */
void kgr_csv_cell_begin(kgr_csv *w);
void kgr_csv_cell_add(kgr_csv *w, const char *s, size_t n);
void kgr_csv_cell_adds(kgr_csv *w, const char *s); /* C string; NULL adds nothing */
void kgr_csv_cell_addi(kgr_csv *w, int64_t v);
/* Add `sep` unless the cell is still empty (for "a; b" lists). */
void kgr_csv_cell_sep(kgr_csv *w, const char *sep);
void kgr_csv_cell_end(kgr_csv *w);

/* Whole cells. kgr_csv_str writes an empty cell for a null string. */
void kgr_csv_str(kgr_csv *w, kgr_str s);
void kgr_csv_cstr(kgr_csv *w, const char *s);
void kgr_csv_int(kgr_csv *w, int64_t v);
void kgr_csv_uint(kgr_csv *w, uint64_t v);
/* A coordinate or other real number, trailing zeros trimmed. */
void kgr_csv_double(kgr_csv *w, double v, int decimals);
void kgr_csv_empty(kgr_csv *w);
/* A whole row of literal header names. */
void kgr_csv_header(kgr_csv *w, const char *const *names, size_t n);

void kgr_csv_end_row(kgr_csv *w);

#endif /* KGR_CSV_WRITER_H */
