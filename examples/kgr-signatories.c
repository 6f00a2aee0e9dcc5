/*
 * kgr-signatories - the signatories of appeals as CSV, or who signs with
 * whom as a weighted edge list for network analysis.
 *
 *   kgr-signatories [--network] FILE...
 *
 * Uses the public API only. Exit codes: 0 ok, 1 a document could not be
 * parsed, 2 usage error, 3 I/O error or out of memory.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kgrights/kgrights.h>
#include <kgrights/kgr_formats.h>

#include "cli_util.h"

static const char *prog = "kgr-signatories";

static void usage(FILE *fp) {
  fputs(
      "Usage: kgr-signatories [OPTIONS] FILE...\n"
      "Print the signatories of each document as CSV, one row each:\n"
      "document,position,name,acronym,countries,countries_source,span_start,span_end\n"
      "(countries joined with \";\"). With --network, print instead who signed\n"
      "with whom: source,target,weight, where weight is the number of documents\n"
      "both signed. FILE - reads standard input; with no FILE, standard input.\n"
      "\n"
      "Options:\n"
      "      --network           a co-signature edge list instead of the rows\n"
      "      --no-header         leave out the header row\n"
      "      --crlf              end rows with CRLF (RFC 4180)\n"
      "  -h, --help              show this help and exit\n"
      "      --version           show the version and exit\n"
      "\n"
      "Examples:\n"
      "  kgr-signatories appeal.txt\n"
      "  kgr-signatories appeals/*.txt > signatories.csv\n"
      "  kgr-signatories --network appeals/*.txt > edges.csv   # for Gephi, networkx\n"
      "\n"
      "Exit status: 0 ok, 1 some input could not be parsed, 2 usage error,\n"
      "3 I/O error or out of memory.\n",
      fp);
}

/* --- The network: organisations (nodes) and co-signatures (edges) --------- */

typedef struct node {
  char *key;  /* the name folded: ASCII lower case, single spaces */
  char *name; /* as first written */
} node;

typedef struct edge {
  size_t a, b; /* node ids, a < b */
  size_t weight;
} edge;

typedef struct network {
  node *nodes;
  size_t node_count, node_cap;
  size_t *node_slots; /* open addressing: node id + 1, 0 empty */
  size_t node_mask;
  edge *edges;
  size_t edge_count, edge_cap;
  size_t *edge_slots; /* edge id + 1 */
  size_t edge_mask;
} network;

static uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 0xcbf29ce484222325u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
  return h;
}

/* The name as a node key: ASCII lower case, single spaces, without a
 * leading "the" ("The Norwegian Helsinki Committee" signs as "Norwegian
 * Helsinki Committee" elsewhere). */
static char *fold_name(const char *s, size_t n) {
  char *out = malloc(n + 1);
  if (!out)
    return NULL;
  while (n && isspace((unsigned char)*s)) {
    s++;
    n--;
  }
  if (n > 4 && (s[0] == 'T' || s[0] == 't') && (s[1] == 'h' || s[1] == 'H') &&
      (s[2] == 'e' || s[2] == 'E') && isspace((unsigned char)s[3])) {
    s += 4;
    n -= 4;
  }
  size_t k = 0;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (isspace(c)) {
      space = k > 0;
      continue;
    }
    if (space)
      out[k++] = ' ';
    space = 0;
    out[k++] = (char)tolower(c);
  }
  out[k] = '\0';
  return out;
}

/* Grow an open-addressing table of ids to hold `count` + 1 at most half
 * full; `key_of` rehashes. Returns 0 on success. */
static int grow_slots(size_t **slots, size_t *mask, size_t count, network *net,
                      uint64_t (*key_of)(const network *, size_t)) {
  if (*slots && (count + 1) * 2 <= *mask + 1)
    return 0;
  size_t cap = *slots ? (*mask + 1) * 2 : 64;
  size_t *s = calloc(cap, sizeof *s);
  if (!s)
    return -1;
  for (size_t id = 0; id < count; id++) {
    size_t i = (size_t)key_of(net, id) & (cap - 1);
    while (s[i])
      i = (i + 1) & (cap - 1);
    s[i] = id + 1;
  }
  free(*slots);
  *slots = s;
  *mask = cap - 1;
  return 0;
}

static uint64_t node_hash(const network *net, size_t id) {
  return hash_bytes(net->nodes[id].key, strlen(net->nodes[id].key));
}

static uint64_t pair_hash(size_t a, size_t b) {
  uint64_t h = (uint64_t)a * 0x9E3779B97F4A7C15u ^ ((uint64_t)b + 0x632BE59BD9B4E019u);
  return h ^ (h >> 29);
}

static uint64_t edge_hash(const network *net, size_t id) {
  return pair_hash(net->edges[id].a, net->edges[id].b);
}

/* The node id of a name, added when new; SIZE_MAX when out of memory. */
static size_t node_id(network *net, kgr_str name) {
  char *key = fold_name(name.ptr, name.len);
  if (!key)
    return SIZE_MAX;
  if (grow_slots(&net->node_slots, &net->node_mask, net->node_count, net, node_hash) != 0) {
    free(key);
    return SIZE_MAX;
  }
  size_t i = (size_t)hash_bytes(key, strlen(key)) & net->node_mask;
  for (; net->node_slots[i]; i = (i + 1) & net->node_mask) {
    size_t id = net->node_slots[i] - 1;
    if (strcmp(net->nodes[id].key, key) == 0) {
      free(key);
      return id;
    }
  }
  if (net->node_count == net->node_cap) {
    size_t cap = net->node_cap ? net->node_cap * 2 : 64;
    node *p = realloc(net->nodes, cap * sizeof *p);
    if (!p) {
      free(key);
      return SIZE_MAX;
    }
    net->nodes = p;
    net->node_cap = cap;
  }
  char *shown = malloc(name.len + 1);
  if (!shown) {
    free(key);
    return SIZE_MAX;
  }
  memcpy(shown, name.ptr, name.len);
  shown[name.len] = '\0';
  net->nodes[net->node_count] = (node){key, shown};
  net->node_slots[i] = ++net->node_count;
  return net->node_count - 1;
}

static int add_edge(network *net, size_t a, size_t b) {
  if (grow_slots(&net->edge_slots, &net->edge_mask, net->edge_count, net, edge_hash) != 0)
    return -1;
  size_t i = (size_t)pair_hash(a, b) & net->edge_mask;
  for (; net->edge_slots[i]; i = (i + 1) & net->edge_mask) {
    edge *e = &net->edges[net->edge_slots[i] - 1];
    if (e->a == a && e->b == b) {
      e->weight++;
      return 0;
    }
  }
  if (net->edge_count == net->edge_cap) {
    size_t cap = net->edge_cap ? net->edge_cap * 2 : 256;
    edge *p = realloc(net->edges, cap * sizeof *p);
    if (!p)
      return -1;
    net->edges = p;
    net->edge_cap = cap;
  }
  net->edges[net->edge_count] = (edge){a, b, 1};
  net->edge_slots[i] = ++net->edge_count;
  return 0;
}

static int cmp_size(const void *x, const void *y) {
  size_t a = *(const size_t *)x, b = *(const size_t *)y;
  return a < b ? -1 : a > b;
}

/* Every pair of the document's signatories (each once) gains one. */
static int add_document(network *net, const kgr_doc *doc) {
  size_t n = kgr_doc_signatory_count(doc);
  size_t *ids = malloc((n + 1) * sizeof *ids);
  if (!ids)
    return -1;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    const kgr_signatory *s = kgr_doc_signatory(doc, i);
    if (!s->name.ptr || !s->name.len)
      continue;
    size_t id = node_id(net, s->name);
    if (id == SIZE_MAX) {
      free(ids);
      return -1;
    }
    ids[k++] = id;
  }
  qsort(ids, k, sizeof *ids, cmp_size);
  size_t u = 0; /* unique ids */
  for (size_t i = 0; i < k; i++)
    if (u == 0 || ids[u - 1] != ids[i])
      ids[u++] = ids[i];
  for (size_t i = 0; i < u; i++)
    for (size_t j = i + 1; j < u; j++)
      if (add_edge(net, ids[i], ids[j]) != 0) {
        free(ids);
        return -1;
      }
  free(ids);
  return 0;
}

static const network *sort_net;

/* Heaviest first, then by names, so that the output is stable. */
static int by_weight(const void *x, const void *y) {
  const edge *a = x, *b = y;
  if (a->weight != b->weight)
    return a->weight > b->weight ? -1 : 1;
  int c = strcmp(sort_net->nodes[a->a].name, sort_net->nodes[b->a].name);
  if (c)
    return c;
  return strcmp(sort_net->nodes[a->b].name, sort_net->nodes[b->b].name);
}

static void csv_cell(const char *s, int last) {
  if (strpbrk(s, ",\"\r\n")) {
    putchar('"');
    for (; *s; s++) {
      if (*s == '"')
        putchar('"');
      putchar(*s);
    }
    putchar('"');
  } else {
    fputs(s, stdout);
  }
  if (!last)
    putchar(',');
}

static void print_network(network *net, int header, const char *eol) {
  if (header)
    printf("source,target,weight%s", eol);
  /* Each edge's endpoints in name order, then the edges by weight. */
  for (size_t i = 0; i < net->edge_count; i++) {
    edge *e = &net->edges[i];
    if (strcmp(net->nodes[e->a].name, net->nodes[e->b].name) > 0) {
      size_t t = e->a;
      e->a = e->b;
      e->b = t;
    }
  }
  sort_net = net;
  if (net->edge_count > 1)
    qsort(net->edges, net->edge_count, sizeof *net->edges, by_weight);
  for (size_t i = 0; i < net->edge_count; i++) {
    const edge *e = &net->edges[i];
    csv_cell(net->nodes[e->a].name, 0);
    csv_cell(net->nodes[e->b].name, 0);
    printf("%zu%s", e->weight, eol);
  }
}

static void free_network(network *net) {
  for (size_t i = 0; i < net->node_count; i++) {
    free(net->nodes[i].key);
    free(net->nodes[i].name);
  }
  free(net->nodes);
  free(net->node_slots);
  free(net->edges);
  free(net->edge_slots);
}

int main(int argc, char **argv) {
  int net_mode = 0, header = 1, crlf = 0, done_options = 0;
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  size_t nfiles = 0;
  if (!files)
    return CLI_IO;
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
    } else if (strcmp(a, "--network") == 0) {
      net_mode = 1;
    } else if (strcmp(a, "--no-header") == 0) {
      header = 0;
    } else if (strcmp(a, "--crlf") == 0) {
      crlf = 1;
    } else {
      fprintf(stderr, "%s: unknown option '%s'\n", prog, a);
      usage(stderr);
      free(files);
      return CLI_USAGE;
    }
  }
  if (nfiles == 0)
    files[nfiles++] = "-";

  int status = CLI_OK;
  network net = {0};
  uint32_t flags = (header ? KGR_FORMAT_HEADER : 0u) | (crlf ? KGR_FORMAT_CRLF : 0u);
  for (size_t i = 0; i < nfiles; i++) {
    kgr_doc *doc = cli_parse(prog, files[i], NULL, &status);
    if (!doc)
      continue;
    int failed;
    if (net_mode) {
      failed = add_document(&net, doc) != 0;
    } else {
      failed = kgr_doc_write_signatories_csv(doc, flags, cli_write_stdout, NULL) != KGR_OK;
      flags &= ~KGR_FORMAT_HEADER; /* one header for all documents */
    }
    kgr_doc_free(doc);
    if (failed) {
      fprintf(stderr, "%s: error: %s\n", prog,
              net_mode ? "out of memory" : "could not write the output");
      status = CLI_IO;
      break;
    }
  }
  if (net_mode && status != CLI_IO)
    print_network(&net, header, crlf ? "\r\n" : "\n");
  free_network(&net);
  free(files);
  return cli_finish(prog, status);
}
