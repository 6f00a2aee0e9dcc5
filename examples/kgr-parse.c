/*
 * kgr-parse - print the kgrights record of each document, or its events as
 * a table (CSV, ACLED, HXL) or a map (GeoJSON).
 *
 *   kgr-parse [--format json|jsonl|csv|acled|hxl|geojson]
 *             [--reference-date YYYY-MM-DD] FILE...|-
 *
 * Uses the public API only. Exit codes: 0 ok, 1 a document could not be
 * parsed (invalid input), 2 usage error, 3 I/O error or out of memory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kgrights/kgrights.h>
#include <kgrights/kgr_formats.h>

enum { EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

static void usage(FILE *fp) {
  fputs(
      "Usage: kgr-parse [OPTIONS] [FILE...]\n"
      "Print the kgrights document record (schema kgrights.document/1) of each\n"
      "FILE. With no FILE, or when FILE is -, read standard input.\n"
      "\n"
      "Options:\n"
      "  -f, --format FORMAT     json (default: one object, or an array for\n"
      "                          several files), jsonl (one record a line),\n"
      "                          csv (one row per event), acled (ACLED columns),\n"
      "                          hxl (CSV with HXL hashtags) or geojson (one\n"
      "                          FeatureCollection of the located events)\n"
      "  -r, --reference-date D  YYYY-MM-DD used to resolve years that the\n"
      "                          document leaves out, when it gives no better evidence\n"
      "      --compact           one-line JSON or GeoJSON\n"
      "      --no-header         csv, acled, hxl: leave out the header row(s)\n"
      "      --crlf              csv, acled, hxl: end rows with CRLF (RFC 4180)\n"
      "      --ascii             escape all non-ASCII characters\n"
      "      --strict            refuse input that is not valid UTF-8\n"
      "      --max-bytes N       refuse input larger than N bytes (default 256 MiB)\n"
      "  -h, --help              show this help and exit\n"
      "      --version           show the version and exit\n"
      "\n"
      "Examples:\n"
      "  kgr-parse appeal.txt\n"
      "  kgr-parse --format jsonl reports/*.txt > records.jsonl\n"
      "  kgr-parse --format acled reports/*.txt > events.csv\n"
      "  kgr-parse --format geojson --compact reports/*.txt > events.geojson\n"
      "  curl -s https://example.org/statement.txt | kgr-parse -\n"
      "\n"
      "Exit status: 0 all parsed, 1 some input could not be parsed,\n"
      "2 usage error, 3 I/O error or out of memory.\n",
      fp);
}

static int write_stdout(void *ctx, const char *data, size_t len) {
  (void)ctx;
  return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

/* Read all of a stream; NULL on failure (errno set). */
static char *slurp(FILE *fp, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf)
    return NULL;
  for (;;) {
    if (n == cap) {
      char *p = realloc(buf, cap * 2);
      if (!p) {
        free(buf);
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

static int exit_code_for(kgr_status st) {
  switch (st) {
  case KGR_ENOMEM:
  case KGR_EIO:
    return EXIT_IO;
  default:
    return EXIT_INPUT;
  }
}

int main(int argc, char **argv) {
  const char *format = "json";
  kgr_options opts = {0};
  uint32_t json_flags = KGR_JSON_DEFAULT;
  uint32_t table_flags = KGR_FORMAT_HEADER;
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  size_t nfiles = 0;
  if (!files)
    return EXIT_IO;
  bool options_done = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
      files[nfiles++] = a;
    } else if (strcmp(a, "--") == 0) {
      options_done = true;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage(stdout);
      free(files);
      return 0;
    } else if (strcmp(a, "--version") == 0) {
      printf("kgr-parse (libkgrights) %s, built with headers %s\n",
             kgr_version_string(), KGR_VERSION_STRING);
      free(files);
      return 0;
    } else if ((strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) && i + 1 < argc) {
      format = argv[++i];
    } else if (strncmp(a, "--format=", 9) == 0) {
      format = a + 9;
    } else if ((strcmp(a, "-r") == 0 || strcmp(a, "--reference-date") == 0) && i + 1 < argc) {
      opts.reference_date = argv[++i];
    } else if (strncmp(a, "--reference-date=", 17) == 0) {
      opts.reference_date = a + 17;
    } else if (strcmp(a, "--compact") == 0) {
      json_flags |= KGR_JSON_COMPACT;
    } else if (strcmp(a, "--ascii") == 0) {
      json_flags |= KGR_JSON_ASCII;
    } else if (strcmp(a, "--no-header") == 0) {
      table_flags &= ~KGR_FORMAT_HEADER;
    } else if (strcmp(a, "--crlf") == 0) {
      table_flags |= KGR_FORMAT_CRLF;
    } else if (strcmp(a, "--strict") == 0) {
      opts.flags |= KGR_PARSE_STRICT;
    } else if (strcmp(a, "--max-bytes") == 0 && i + 1 < argc) {
      char *end;
      errno = 0;
      unsigned long long v = strtoull(argv[++i], &end, 10);
      if (errno || *end || v == 0) {
        fprintf(stderr, "kgr-parse: --max-bytes wants a positive number\n");
        free(files);
        return EXIT_USAGE;
      }
      opts.max_input = (size_t)v;
    } else {
      fprintf(stderr, "kgr-parse: unknown option '%s'\n", a);
      usage(stderr);
      free(files);
      return EXIT_USAGE;
    }
  }
  bool lines = strcmp(format, "jsonl") == 0;
  bool geojson = strcmp(format, "geojson") == 0;
  /* csv, acled, hxl: rows of every document in one table. */
  bool table = strcmp(format, "csv") == 0 || strcmp(format, "acled") == 0 ||
               strcmp(format, "hxl") == 0;
  if (!lines && !geojson && !table && strcmp(format, "json") != 0) {
    fprintf(stderr, "kgr-parse: unknown format '%s' (json, jsonl, csv, acled, hxl, geojson)\n",
            format);
    free(files);
    return EXIT_USAGE;
  }
  if (opts.reference_date) {
    /* Check the date once, up front, as a usage error. */
    kgr_error e;
    kgr_doc *probe = kgr_parse_opts("", 0, &opts, &e);
    if (!probe) {
      fprintf(stderr, "kgr-parse: --reference-date: %s\n", e.message);
      free(files);
      return EXIT_USAGE;
    }
    kgr_doc_free(probe);
  }
  if (nfiles == 0)
    files[nfiles++] = "-";
  if (lines)
    json_flags |= KGR_JSON_COMPACT;

  if (json_flags & KGR_JSON_COMPACT)
    table_flags |= KGR_FORMAT_COMPACT;
  /* GeoJSON: one FeatureCollection over all documents, written at the end. */
  kgr_doc **keep = geojson ? calloc(nfiles, sizeof *keep) : NULL;
  size_t kept = 0;
  if (geojson && !keep) {
    fprintf(stderr, "kgr-parse: error: out of memory\n");
    free(files);
    return EXIT_IO;
  }
  bool array = !lines && !geojson && !table && nfiles > 1;
  int status = 0;
  size_t written = 0;
  if (array)
    fputs("[\n", stdout);
  for (size_t i = 0; i < nfiles; i++) {
    const char *path = files[i];
    kgr_error err;
    kgr_doc *doc;
    if (strcmp(path, "-") == 0) {
      size_t len;
      char *buf = slurp(stdin, &len);
      if (!buf) {
        fprintf(stderr, "<stdin>: error: %s\n", strerror(errno));
        status = EXIT_IO;
        continue;
      }
      doc = kgr_parse_opts(buf, len, &opts, &err);
      free(buf);
      path = "<stdin>";
    } else {
      doc = kgr_parse_file(path, &opts, &err);
    }
    if (!doc) {
      if (err.line)
        fprintf(stderr, "%s:%zu:%zu: error: %s\n", path, err.line, err.column, err.message);
      else
        fprintf(stderr, "%s: error: %s\n", path, err.message);
      int code = exit_code_for(err.code);
      if (code > status)
        status = code;
      continue;
    }
    if (geojson) {
      keep[kept++] = doc;
      continue;
    }
    kgr_status st;
    if (table) {
      /* The header row(s) once, before the first document's rows. */
      uint32_t f = written++ ? table_flags & ~KGR_FORMAT_HEADER : table_flags;
      st = kgr_doc_write_format(doc, format, f, write_stdout, NULL);
    } else {
      if (array && written++)
        fputs(",\n", stdout);
      st = kgr_doc_write_json(doc, json_flags, write_stdout, NULL);
      if (lines || !array)
        fputc('\n', stdout);
    }
    kgr_doc_free(doc);
    if (st != KGR_OK) {
      fprintf(stderr, "kgr-parse: error writing output: %s\n", kgr_strerror(st));
      free(files);
      return EXIT_IO;
    }
  }
  if (array)
    fputs("\n]\n", stdout);
  if (geojson) {
    kgr_status st = kgr_docs_write_geojson((const kgr_doc *const *)keep, kept, table_flags,
                                           write_stdout, NULL);
    fputc('\n', stdout);
    for (size_t i = 0; i < kept; i++)
      kgr_doc_free(keep[i]);
    free(keep);
    if (st != KGR_OK) {
      fprintf(stderr, "kgr-parse: error writing output: %s\n", kgr_strerror(st));
      free(files);
      return EXIT_IO;
    }
  }
  free(files);
  if (fflush(stdout) != 0) {
    fprintf(stderr, "kgr-parse: error writing output: %s\n", strerror(errno));
    return EXIT_IO;
  }
  return status;
}
