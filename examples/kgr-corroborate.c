/*
 * kgr-corroborate - which events several documents report about the same
 * happening, and whether their figures agree.
 *
 *   kgr-corroborate [--format json|table] [--single] FILE...
 *
 * Uses the public API only. Exit codes: 0 ok, 1 a document could not be
 * parsed, 2 usage error, 3 I/O error or out of memory.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kgrights/kgrights.h>
#include <kgrights/kgr_corroborate.h>

#include "cli_util.h"

static const char *prog = "kgr-corroborate";

static void usage(FILE *fp) {
  fputs(
      "Usage: kgr-corroborate [OPTIONS] FILE...\n"
      "Group the events that different documents report about the same happening\n"
      "(compatible types, overlapping dates, the same place or victim) and check\n"
      "whether their figures agree: \"over 600 injured\" and \"686 injured\" agree,\n"
      "\"2 killed\" and \"1 killed\" conflict. FILE - reads standard input.\n"
      "\n"
      "Options:\n"
      "  -f, --format FORMAT     table (default: for reading) or json (schema\n"
      "                          kgrights.corroboration/1)\n"
      "      --single            also list what only one document reports\n"
      "      --compact           one-line JSON\n"
      "  -r, --reference-date D  YYYY-MM-DD used to resolve years the documents\n"
      "                          leave out\n"
      "  -h, --help              show this help and exit\n"
      "      --version           show the version and exit\n"
      "\n"
      "Examples:\n"
      "  kgr-corroborate appeal.txt report.txt\n"
      "  kgr-corroborate --format json reports/*.txt > corroboration.json\n"
      "  kgr-corroborate --single --format table reports/*.txt | less\n"
      "\n"
      "Exit status: 0 ok, 1 some input could not be parsed, 2 usage error,\n"
      "3 I/O error or out of memory.\n",
      fp);
}

static void print_bound(int64_t low, int64_t high) {
  if (high == KGR_CORR_UNBOUNDED)
    printf("%" PRId64 " or more", low);
  else if (low == high)
    printf("%" PRId64, low);
  else
    printf("%" PRId64 "-%" PRId64, low, high);
}

static void print_claim(const kgr_corr_claim *c) {
  printf("%s event %zu: \"%s\"", c->doc_name.ptr, c->event, c->text.ptr ? c->text.ptr : "");
  printf(" (");
  print_bound(c->low, c->high);
  printf(")");
}

static void print_table(const kgr_corroboration *c) {
  size_t n = kgr_corroboration_group_count(c);
  for (size_t i = 0; i < n; i++) {
    const kgr_corr_group *g = kgr_corroboration_group(c, i);
    printf("%sGroup %zu: ", i ? "\n" : "", i + 1);
    if (g->date_start.ptr && strcmp(g->date_start.ptr, g->date_end.ptr) != 0)
      printf("%s to %s", g->date_start.ptr, g->date_end.ptr);
    else
      printf("%s", g->date_start.ptr ? g->date_start.ptr : "undated");
    printf(", %zu document%s\n", g->document_count, g->document_count == 1 ? "" : "s");
    printf("  types:  ");
    for (size_t k = 0; k < g->type_count; k++)
      printf("%s%s", k ? ", " : "", kgr_event_type_name(g->types[k]));
    printf("\n  places: ");
    for (size_t k = 0; k < g->place_count; k++)
      printf("%s%s", k ? "; " : "", g->places[k].ptr);
    printf("%s\n", g->place_count ? "" : "-");
    for (size_t k = 0; k < g->member_count; k++) {
      const kgr_corr_member *m = &g->members[k];
      printf("  %-28s event %-3zu %-26s %s [%zu, %zu)\n", m->doc_name.ptr, m->event,
             kgr_event_type_name(m->type), m->date_start.ptr ? m->date_start.ptr : "-",
             m->span.start, m->span.end);
    }
    for (size_t k = 0; k < g->figure_count; k++) {
      const kgr_corr_figure *f = &g->figures[k];
      printf("  %-13s %-8s ", kgr_figure_kind_name(f->kind),
             f->agreement == KGR_AGREEMENT_CONFLICT ? "CONFLICT" : kgr_agreement_name(f->agreement));
      if (f->agreement == KGR_AGREEMENT_CONFLICT) {
        print_claim(&f->claims[f->conflict_a]);
        printf(" vs ");
        print_claim(&f->claims[f->conflict_b]);
      } else {
        print_bound(f->low, f->high);
        printf(", from %zu claim%s in %zu document%s", f->claim_count,
               f->claim_count == 1 ? "" : "s", f->document_count,
               f->document_count == 1 ? "" : "s");
      }
      printf("\n");
      for (size_t j = 0; j < f->claim_count; j++) {
        printf("      ");
        print_claim(&f->claims[j]);
        printf("\n");
      }
    }
  }
  printf("%s%zu group%s, %zu figure conflict%s\n", n ? "\n" : "", n, n == 1 ? "" : "s",
         kgr_corroboration_conflict_count(c), kgr_corroboration_conflict_count(c) == 1 ? "" : "s");
}

int main(int argc, char **argv) {
  const char *format = "table";
  kgr_options opts = {0};
  uint32_t flags = KGR_CORROBORATE_DEFAULT, json_flags = KGR_JSON_DEFAULT;
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  size_t nfiles = 0;
  if (!files)
    return CLI_IO;
  int done_options = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (done_options || a[0] != '-' || strcmp(a, "-") == 0) {
      files[nfiles++] = a;
    } else if (strcmp(a, "--") == 0) {
      done_options = 1;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage(stdout);
      free(files);
      return CLI_OK;
    } else if (strcmp(a, "--version") == 0) {
      cli_print_version(prog);
      free(files);
      return CLI_OK;
    } else if ((strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) && i + 1 < argc) {
      format = argv[++i];
    } else if (strncmp(a, "--format=", 9) == 0) {
      format = a + 9;
    } else if ((strcmp(a, "-r") == 0 || strcmp(a, "--reference-date") == 0) && i + 1 < argc) {
      opts.reference_date = argv[++i];
    } else if (strcmp(a, "--single") == 0) {
      flags |= KGR_CORROBORATE_SINGLE;
    } else if (strcmp(a, "--compact") == 0) {
      json_flags |= KGR_JSON_COMPACT;
    } else {
      fprintf(stderr, "%s: unknown option '%s'\n", prog, a);
      usage(stderr);
      free(files);
      return CLI_USAGE;
    }
  }
  if (strcmp(format, "json") != 0 && strcmp(format, "table") != 0) {
    fprintf(stderr, "%s: unknown format '%s' (json, table)\n", prog, format);
    free(files);
    return CLI_USAGE;
  }
  if (nfiles == 0) {
    fprintf(stderr, "%s: no documents given (use - for standard input)\n", prog);
    usage(stderr);
    free(files);
    return CLI_USAGE;
  }

  kgr_doc **docs = calloc(nfiles, sizeof *docs);
  if (!docs) {
    free(files);
    return CLI_IO;
  }
  int status = CLI_OK;
  size_t ndocs = 0;
  for (size_t i = 0; i < nfiles; i++) {
    kgr_doc *d = cli_parse(prog, files[i], &opts, &status);
    if (d)
      docs[ndocs++] = d;
  }
  kgr_error err;
  kgr_corroboration *c = kgr_corroborate((const kgr_doc *const *)docs, ndocs, flags, NULL, &err);
  if (!c) {
    fprintf(stderr, "%s: error: %s\n", prog, err.message);
    status = err.code == KGR_ENOMEM ? CLI_IO : CLI_INPUT;
  } else if (strcmp(format, "json") == 0) {
    if (kgr_corroboration_write_json(c, json_flags, cli_write_stdout, NULL) != KGR_OK)
      status = CLI_IO;
    fputc('\n', stdout);
  } else {
    print_table(c);
  }
  kgr_corroboration_free(c);
  for (size_t i = 0; i < ndocs; i++)
    kgr_doc_free(docs[i]);
  free(docs);
  free(files);
  return cli_finish(prog, status);
}
