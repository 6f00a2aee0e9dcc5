/*
 * cli_util.c - what the example programs share (see cli_util.h).
 */
#include "cli_util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Read all of a stream; NULL on failure (errno set). */
static char *slurp(FILE *fp, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf)
    return NULL;
  for (;;) {
    if (n == cap) {
      char *p = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
      if (!p) {
        free(buf);
        errno = ENOMEM;
        return NULL;
      }
      buf = p;
      cap *= 2;
    }
    size_t k = fread(buf + n, 1, cap - n, fp);
    n += k;
    if (k == 0) {
      if (ferror(fp)) {
        free(buf);
        return NULL;
      }
      break;
    }
  }
  *len = n;
  return buf;
}

kgr_doc *cli_parse(const char *prog, const char *path, const kgr_options *opts,
                   int *status) {
  kgr_error err;
  kgr_doc *doc;
  (void)prog;
  if (strcmp(path, "-") == 0) {
    size_t len;
    char *buf = slurp(stdin, &len);
    if (!buf) {
      fprintf(stderr, "<stdin>: error: %s\n", strerror(errno));
      if (*status < CLI_IO)
        *status = CLI_IO;
      return NULL;
    }
    doc = kgr_parse_opts(buf, len, opts, &err);
    free(buf);
    path = "<stdin>";
  } else {
    doc = kgr_parse_file(path, opts, &err);
  }
  if (doc)
    return doc;
  if (err.line)
    fprintf(stderr, "%s:%zu:%zu: error: %s\n", path, err.line, err.column, err.message);
  else
    fprintf(stderr, "%s: error: %s\n", path, err.message);
  int code = err.code == KGR_EIO || err.code == KGR_ENOMEM ? CLI_IO : CLI_INPUT;
  if (*status < code)
    *status = code;
  return NULL;
}

int cli_write_stdout(void *ctx, const char *data, size_t len) {
  (void)ctx;
  return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

void cli_print_version(const char *prog) {
  printf("%s (libkgrights) %s, built with headers %s\n", prog, kgr_version_string(),
         KGR_VERSION_STRING);
}

int cli_finish(const char *prog, int status) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "%s: error writing output: %s\n", prog, strerror(errno));
    return CLI_IO;
  }
  return status;
}
