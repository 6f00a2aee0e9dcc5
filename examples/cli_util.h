/*
 * cli_util.h - what the example programs share: reading a document from a
 * file or standard input with errors in the `file:line:col: error: msg`
 * form, the exit codes, and a stdout sink. Public API only.
 */
#ifndef KGR_EXAMPLES_CLI_UTIL_H
#define KGR_EXAMPLES_CLI_UTIL_H

#include <stdio.h>

#include <kgrights/kgrights.h>

/* Exit codes of every example program. */
enum {
  CLI_OK = 0,
  CLI_INPUT = 1, /* a document could not be parsed (invalid input) */
  CLI_USAGE = 2, /* bad options or arguments */
  CLI_IO = 3     /* a file could not be read or written, out of memory, database error */
};

/* Parse `path` ("-" reads standard input, named "<stdin>"). On failure
 * prints the error to stderr, raises *status to its exit code and returns
 * NULL. */
kgr_doc *cli_parse(const char *prog, const char *path, const kgr_options *opts,
                   int *status);

/* A kgr_write_fn writing to stdout. */
int cli_write_stdout(void *ctx, const char *data, size_t len);

/* "PROG (libkgrights) 0.1.0, built with headers 0.1.0". */
void cli_print_version(const char *prog);

/* Flush stdout; on failure print the error and return CLI_IO, else status. */
int cli_finish(const char *prog, int status);

#endif /* KGR_EXAMPLES_CLI_UTIL_H */
