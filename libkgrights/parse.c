/*
 * parse.c - kgr_parse(): argument checks, the input copy, and the stages of
 * parser.h run in order inside one arena.
 */
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "document.h"
#include "parser.h"
#include "sha256.h"
#include "utf8.h"

static void set_error(kgr_error *err, kgr_status code, size_t offset,
                      const char *msg) {
  if (!err)
    return;
  err->code = code;
  err->offset = offset;
  err->line = 0;
  err->column = 0;
  snprintf(err->message, sizeof err->message, "%s", msg);
}

/* Line and column of an offset, computed on the caller's buffer (the error
 * path has no document to ask). */
static void locate(const char *buf, size_t offset, kgr_error *err) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset; i++) {
    if (buf[i] == '\n') {
      line++;
      col = 1;
    } else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
      col++;
    }
  }
  err->line = line;
  err->column = col;
}

/* Digits s[0, n) as a number, or -1 if any is not a digit. */
static int digits(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/* "YYYY-MM-DD" to a kgr_ymd; false unless it is a real calendar day. */
static bool parse_iso_day(const char *s, kgr_ymd *out) {
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
    return false;
  int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
    return false;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return false;
  *out = (kgr_ymd){y, m, d};
  return true;
}

/* Copy the input into the document and run every stage. Returns false when
 * the allocator failed: every allocation comes from the arena, which jumps
 * back here, so the caller only has to free the document. Kept apart from
 * kgr_parse_opts() so that no local changes between setjmp and longjmp. */
static bool parse_into(kgr_doc *d, const char *buf, size_t len, const char *name) {
  jmp_buf oom;
  if (setjmp(oom)) {
    d->arena.oom = NULL;
    return false;
  }
  d->arena.oom = &oom;

  char *copy = kgr_arena_alloc(&d->arena, len + 1);
  if (len)
    memcpy(copy, buf, len);
  copy[len] = '\0';
  d->input = copy;
  d->input_len = len;
  char digest[65];
  kgr_sha256_hex(copy, len, digest);
  d->sha256 = kgr_arena_str(&d->arena, digest, 64);
  d->name = kgr_arena_cstr(&d->arena, name);

  const kgr_layout *lay = kgr_layout_build(d);
  kgr_read_header(d, lay);
  kgr_read_signatories(d, lay);
  kgr_read_demands(d, lay);
  kgr_read_rights(d, lay);
  const kgr_entities *ents = kgr_read_entities(d, lay);
  kgr_read_events(d, lay, ents);
  kgr_classify(d, lay);

  d->arena.oom = NULL; /* the recovery point dies with this frame */
  return true;
}

kgr_doc *kgr_parse_opts(const char *buf, size_t len, const kgr_options *opts,
                        kgr_error *err) {
  kgr_options defaults = {0};
  if (!opts)
    opts = &defaults;
  set_error(err, KGR_OK, 0, "ok");
  if (!buf && len) {
    set_error(err, KGR_EINVAL, 0, "input is NULL but its length is not 0");
    return NULL;
  }
  if (opts->flags & ~KGR_PARSE_ALL) {
    set_error(err, KGR_EINVAL, 0, "unknown parse flag");
    return NULL;
  }
  kgr_ymd reference = {0, 0, 0};
  if (opts->reference_date && !parse_iso_day(opts->reference_date, &reference)) {
    set_error(err, KGR_EINVAL, 0, "reference date is not a YYYY-MM-DD calendar day");
    return NULL;
  }
  size_t limit = opts->max_input ? opts->max_input : KGR_DEFAULT_MAX_INPUT;
  if (len > limit) {
    if (err) {
      set_error(err, KGR_ELIMIT, limit, "");
      snprintf(err->message, sizeof err->message,
               "input of %zu bytes is over the limit of %zu bytes", len, limit);
    }
    return NULL;
  }
  if (opts->flags & KGR_PARSE_STRICT) {
    size_t bad = kgr_utf8_check(buf ? buf : "", len);
    if (bad < len) {
      set_error(err, KGR_EUTF8, bad, "invalid UTF-8 byte sequence");
      if (err)
        locate(buf, bad, err);
      return NULL;
    }
  }

  /* The document struct comes straight from the allocator: the arena lives
   * inside it, and kgr_doc_free() releases both. */
  kgr_arena arena;
  kgr_arena_init(&arena, opts->alloc);
  kgr_doc *d = arena.alc.malloc(arena.alc.ctx, sizeof *d);
  if (!d) {
    set_error(err, KGR_ENOMEM, 0, "out of memory");
    return NULL;
  }
  memset(d, 0, sizeof *d);
  d->arena = arena;
  d->reference = reference;
  if (!parse_into(d, buf, len, opts->name)) {
    kgr_doc_free(d);
    set_error(err, KGR_ENOMEM, 0, "out of memory");
    return NULL;
  }
  return d;
}

kgr_doc *kgr_parse(const char *buf, size_t len, uint32_t flags,
                   const kgr_alloc *alc, kgr_error *err) {
  kgr_options o = {0};
  o.flags = flags;
  o.alloc = alc;
  return kgr_parse_opts(buf, len, &o, err);
}

kgr_doc *kgr_parse_file(const char *path, const kgr_options *opts,
                        kgr_error *err) {
  if (!path) {
    set_error(err, KGR_EINVAL, 0, "path is NULL");
    return NULL;
  }
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    if (err) {
      set_error(err, KGR_EIO, 0, "");
      snprintf(err->message, sizeof err->message, "%s: %s", path, strerror(errno));
    }
    return NULL;
  }
  kgr_options o = {0};
  if (opts)
    o = *opts;
  size_t limit = o.max_input ? o.max_input : KGR_DEFAULT_MAX_INPUT;
  /* Read in growing steps so that pipes and special files work too. */
  size_t cap = 1 << 16, len = 0;
  char *data = malloc(cap);
  bool failed = data == NULL;
  while (!failed) {
    if (len == cap) {
      if (cap > limit) /* already over: stop reading, report the limit */
        break;
      char *grown = realloc(data, cap * 2);
      if (!grown) {
        failed = true;
        break;
      }
      data = grown;
      cap *= 2;
    }
    size_t n = fread(data + len, 1, cap - len, fp);
    len += n;
    if (n == 0) {
      if (ferror(fp)) {
        fclose(fp);
        free(data);
        if (err) {
          set_error(err, KGR_EIO, 0, "");
          snprintf(err->message, sizeof err->message, "%s: read error", path);
        }
        return NULL;
      }
      break;
    }
  }
  fclose(fp);
  if (failed) {
    free(data);
    set_error(err, KGR_ENOMEM, 0, "out of memory");
    return NULL;
  }
  if (!o.name) {
    const char *slash = strrchr(path, '/');
    o.name = slash ? slash + 1 : path;
  }
  kgr_doc *doc = kgr_parse_opts(data, len, &o, err);
  free(data);
  return doc;
}
