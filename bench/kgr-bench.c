/*
 * kgr-bench - single-threaded throughput of libkgrights against the
 * machine's own baselines, over a corpus held in memory.
 *
 *   kgr-bench DIR [--repeat N] [--json] [--no-spawn]
 *
 * Every regular *.txt file of DIR is read into memory first, so no timing
 * includes file I/O. Then, for N repeats (best of each is kept; the short
 * baselines (c) and (d) run five times per repeat):
 *   (a) kgr_parse_opts + kgr_doc_free of every document;
 *   (b) the same plus kgr_doc_write_json (compact) to a sink that discards;
 *   (c) a memchr newline scan of the same bytes;
 *   (d) a `wc -w` equivalent in C (ASCII whitespace state machine);
 *   (e) spawning `wc -w` (LC_ALL=C) on the files, wall time, for reference;
 *   (f) the same in the environment's locale; the faster of (e) and (f) is
 *   the reference of the "share of wc -w" line.
 * Untimed passes with a counting kgr_alloc give allocator calls and bytes
 * per document; getrusage gives peak RSS, compared with the corpus-loaded
 * baseline and the bound "4 x largest document + 16 MiB".
 *
 * Units: MB/s are 10^6 bytes a second; memory is in MiB.
 * Exit status: 0, 1 when a document failed to parse, 2 usage, 3 I/O.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <spawn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <kgrights/kgrights.h>

extern char **environ;

#define MIB ((size_t)1024 * 1024)
#define LARGE_DOC MIB        /* size classes for the linearity check */
#define SLOW_DOC_MIN 16384   /* smaller documents are dominated by fixed costs */

/* ---- the corpus --------------------------------------------------------- */

typedef struct corpus {
  char **path;
  char **buf;
  size_t *len;
  size_t n, cap;
  size_t total, largest, largest_i;
} corpus;

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    fputs("kgr-bench: out of memory\n", stderr);
    exit(3);
  }
  return q;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read the whole file into an exactly sized buffer (no transient RSS). */
static char *slurp(const char *path, size_t *len) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) return NULL;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return NULL;
  }
  size_t n = (size_t)st.st_size, got = 0;
  char *buf = xrealloc(NULL, n);
  while (got < n) {
    ssize_t r = read(fd, buf + got, n - got);
    if (r <= 0) {
      if (r < 0 && errno == EINTR) continue;
      break;
    }
    got += (size_t)r;
  }
  close(fd);
  *len = got;
  return buf;
}

static int load_corpus(const char *dir, corpus *c) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "kgr-bench: %s: %s\n", dir, strerror(errno));
    return -1;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (e->d_name[0] == '.' || l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 256;
      names = xrealloc(names, cap * sizeof *names);
    }
    names[n] = xrealloc(NULL, strlen(dir) + l + 2);
    sprintf(names[n], "%s/%s", dir, e->d_name);
    n++;
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_str);
  memset(c, 0, sizeof *c);
  c->path = names;
  c->buf = xrealloc(NULL, n * sizeof *c->buf);
  c->len = xrealloc(NULL, n * sizeof *c->len);
  for (size_t i = 0; i < n; i++) {
    c->buf[i] = slurp(names[i], &c->len[i]);
    if (!c->buf[i]) {
      fprintf(stderr, "kgr-bench: %s: %s\n", names[i], strerror(errno));
      return -1;
    }
    c->total += c->len[i];
    if (c->len[i] > c->largest) {
      c->largest = c->len[i];
      c->largest_i = i;
    }
  }
  c->n = n;
  return 0;
}

/* ---- clocks and memory ---------------------------------------------------- */

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of this process: with the wall time, it shows how much of the
 * run the machine gave to us (other load makes wall time pessimistic). */
static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Peak resident set size so far, in bytes (Linux reports KiB). */
static size_t peak_rss(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (size_t)ru.ru_maxrss * 1024;
}

/* ---- a counting allocator ------------------------------------------------ */

/* Each block carries its size in a header, so that frees can be counted in
 * bytes and the live peak tracked. */
typedef union hdr {
  max_align_t align;
  size_t size;
} hdr;

typedef struct counter {
  size_t mallocs, reallocs, frees;
  size_t bytes;      /* requested: malloc sizes plus realloc new sizes */
  size_t live, peak; /* bytes held now and at most */
} counter;

static void *count_malloc(void *ctx, size_t size) {
  counter *k = ctx;
  hdr *h = malloc(sizeof *h + size);
  if (!h) return NULL;
  h->size = size;
  k->mallocs++;
  k->bytes += size;
  k->live += size;
  if (k->live > k->peak) k->peak = k->live;
  return h + 1;
}

static void *count_realloc(void *ctx, void *ptr, size_t old_size, size_t size) {
  counter *k = ctx;
  (void)old_size;
  if (!ptr) return count_malloc(ctx, size);
  hdr *h = (hdr *)ptr - 1;
  size_t before = h->size;
  hdr *g = realloc(h, sizeof *g + size);
  if (!g) return NULL;
  g->size = size;
  k->reallocs++;
  k->bytes += size;
  k->live = k->live - before + size;
  if (k->live > k->peak) k->peak = k->live;
  return g + 1;
}

static void count_free(void *ctx, void *ptr) {
  counter *k = ctx;
  if (!ptr) return;
  hdr *h = (hdr *)ptr - 1;
  k->frees++;
  k->live -= h->size;
  free(h);
}

/* Per-document allocation figures over the corpus. */
typedef struct alloc_stats {
  double calls_mean, bytes_mean, bytes_per_input;
  size_t calls_max, bytes_max, peak_live_max, frees_total, leaked;
} alloc_stats;

/* ---- the timed passes ------------------------------------------------------ */

static int discard(void *ctx, const char *data, size_t len) {
  (void)data;
  *(size_t *)ctx += len;
  return 0;
}

typedef struct pass {
  double best;           /* whole-corpus wall time, best repeat */
  double cpu_best;       /* its CPU time, best repeat */
  double cls_best[2];    /* documents below / at or above LARGE_DOC */
  size_t cls_n[2], cls_bytes[2];
  size_t failures;
  char first_error[256];
  size_t json_bytes;
} pass;

/* Parse (and with `json`, write) every document once; `doc_best` keeps
 * each document's best time. */
static void run_parse(const corpus *c, int json, pass *p, double *doc_best) {
  double cls[2] = {0, 0};
  size_t out = 0;
  double t0 = now(), c0 = cpu_now();
  for (size_t i = 0; i < c->n; i++) {
    double d0 = now();
    kgr_error err;
    kgr_doc *doc = kgr_parse_opts(c->buf[i], c->len[i], NULL, &err);
    if (!doc) {
      if (!p->failures++)
        snprintf(p->first_error, sizeof p->first_error, "%s: %s", c->path[i], err.message);
      continue;
    }
    if (json && kgr_doc_write_json(doc, KGR_JSON_COMPACT, discard, &out) != KGR_OK) {
      if (!p->failures++)
        snprintf(p->first_error, sizeof p->first_error, "%s: JSON writer failed", c->path[i]);
    }
    kgr_doc_free(doc);
    double dt = now() - d0;
    if (doc_best && dt < doc_best[i]) doc_best[i] = dt;
    cls[c->len[i] >= LARGE_DOC] += dt;
  }
  double t = now() - t0, ct = cpu_now() - c0;
  if (t < p->best) p->best = t;
  if (ct < p->cpu_best) p->cpu_best = ct;
  for (int k = 0; k < 2; k++)
    if (cls[k] < p->cls_best[k]) p->cls_best[k] = cls[k];
  p->json_bytes = out;
}

static size_t count_newlines(const corpus *c) {
  size_t lines = 0;
  for (size_t i = 0; i < c->n; i++) {
    const char *p = c->buf[i], *end = p + c->len[i];
    while ((p = memchr(p, '\n', (size_t)(end - p)))) {
      lines++;
      p++;
    }
  }
  return lines;
}

/* Words as coreutils `wc -w` counts them in the C locale: the six ASCII
 * white-space bytes end a word, a printable ASCII byte starts or continues
 * one, and any other byte (control, or >= 0x80, not printable in the C
 * locale) leaves the state as it is. Branch-free: two table lookups. */
static size_t count_words(const corpus *c) {
  static unsigned char start[256], keep[256];
  for (int b = 0; b < 256; b++) {
    int space = b == ' ' || (b >= '\t' && b <= '\r');
    int print = b > ' ' && b < 0x7f;
    keep[b] = !space && !print; /* state unchanged */
    start[b] = print;
  }
  size_t words = 0;
  for (size_t i = 0; i < c->n; i++) {
    const unsigned char *p = (const unsigned char *)c->buf[i];
    unsigned in_word = 0;
    for (size_t j = 0; j < c->len[i]; j++) {
      unsigned b = p[j], s = start[b];
      words += s & !in_word;
      in_word = (in_word & keep[b]) | s;
    }
  }
  return words;
}

/* Run `wc -w` over the files in batches (as xargs would) and return the
 * wall time; *words receives wc's total, or SIZE_MAX on failure. With
 * c_locale, wc runs with LC_ALL=C; else in the environment's locale, as a
 * user would run it (coreutils is faster in some UTF-8 locales than in C). */
static double spawn_wc(const corpus *c, int c_locale, size_t *words, size_t *procs) {
  /* LC_ALL=C first, so that it wins over any LC_ALL further down. */
  size_t ne = 0;
  while (environ[ne]) ne++;
  char **env = xrealloc(NULL, (ne + 2) * sizeof *env);
  env[0] = "LC_ALL=C";
  memcpy(env + 1, environ, (ne + 1) * sizeof *env);
  char **run_env = c_locale ? env : env + 1;

  char **argv = xrealloc(NULL, (c->n + 3) * sizeof *argv);
  *words = 0;
  *procs = 0;
  double t0 = now();
  for (size_t i = 0; i < c->n;) {
    size_t argc = 0, arg_bytes = 0;
    argv[argc++] = "wc";
    argv[argc++] = "-w";
    size_t first = i;
    while (i < c->n && (i == first || arg_bytes + strlen(c->path[i]) < 128 * 1024)) {
      arg_bytes += strlen(c->path[i]) + 1;
      argv[argc++] = c->path[i++];
    }
    argv[argc] = NULL;
    int fds[2];
    if (pipe(fds) != 0) goto fail;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    pid_t pid;
    int rc = posix_spawnp(&pid, "wc", &fa, NULL, argv, run_env);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    if (rc != 0) {
      close(fds[0]);
      goto fail;
    }
    /* The last line is "N total" (or the only file's count). */
    char out[4096];
    size_t used = 0;
    ssize_t r;
    while ((r = read(fds[0], out + used, sizeof out - 1 - used)) != 0) {
      if (r < 0) {
        if (errno == EINTR) continue;
        break;
      }
      used += (size_t)r;
      if (used == sizeof out - 1) { /* keep the tail only */
        memmove(out, out + used / 2, used - used / 2);
        used -= used / 2;
      }
    }
    close(fds[0]);
    out[used] = '\0';
    while (used && out[used - 1] == '\n') out[--used] = '\0';
    const char *last = strrchr(out, '\n');
    last = last ? last + 1 : out;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
      if (errno != EINTR) goto fail;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) goto fail;
    *words += strtoull(last, NULL, 10);
    ++*procs;
  }
  double t = now() - t0;
  free(argv);
  free(env);
  return t;
fail:
  free(argv);
  free(env);
  *words = SIZE_MAX;
  return -1;
}

/* ---- allocation counting (untimed) --------------------------------------- */

static void count_allocs(const corpus *c, int json, alloc_stats *s) {
  memset(s, 0, sizeof *s);
  size_t calls_sum = 0, bytes_sum = 0;
  for (size_t i = 0; i < c->n; i++) {
    counter k = {0};
    kgr_alloc alc = {count_malloc, count_realloc, count_free, &k};
    kgr_options o = {0};
    o.alloc = &alc;
    kgr_doc *doc = kgr_parse_opts(c->buf[i], c->len[i], &o, NULL);
    if (doc && json) {
      size_t out = 0;
      kgr_doc_write_json(doc, KGR_JSON_COMPACT, discard, &out);
    }
    kgr_doc_free(doc);
    size_t calls = k.mallocs + k.reallocs;
    calls_sum += calls;
    bytes_sum += k.bytes;
    if (calls > s->calls_max) s->calls_max = calls;
    if (k.bytes > s->bytes_max) s->bytes_max = k.bytes;
    if (k.peak > s->peak_live_max) s->peak_live_max = k.peak;
    s->frees_total += k.frees;
    s->leaked += k.live;
  }
  if (c->n) {
    s->calls_mean = (double)calls_sum / (double)c->n;
    s->bytes_mean = (double)bytes_sum / (double)c->n;
  }
  s->bytes_per_input = c->total ? (double)bytes_sum / (double)c->total : 0;
}

/* ---- report -------------------------------------------------------------- */

static double mbps(size_t bytes, double t) { return t > 0 ? (double)bytes / t / 1e6 : 0; }
static double mib(size_t b) { return (double)b / (double)MIB; }

static const char *base_name(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

/* `s` as the inside of a JSON string (control characters, quotes and
 * backslashes escaped), in `buf`. */
static const char *jesc(const char *s, char *buf, size_t n) {
  size_t o = 0;
  for (; *s && o + 7 < n; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\') {
      buf[o++] = '\\';
      buf[o++] = (char)ch;
    } else if (ch < 0x20) {
      o += (size_t)snprintf(buf + o, n - o, "\\u%04x", ch);
    } else {
      buf[o++] = (char)ch;
    }
  }
  buf[o] = '\0';
  return buf;
}

static void usage(FILE *f) {
  fputs("Usage: kgr-bench DIR [--repeat N] [--json] [--no-spawn]\n"
        "Time libkgrights over every *.txt file of DIR, held in memory, against\n"
        "a memchr scan and wc -w (best of N repeats, default 3).\n"
        "  --json      print one JSON object instead of the table\n"
        "  --no-spawn  do not run the wc -w program\n",
        f);
}

int main(int argc, char **argv) {
  const char *dir = NULL;
  int repeat = 3, as_json = 0, no_spawn = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      usage(stdout);
      return 0;
    } else if (!strcmp(argv[i], "--json")) {
      as_json = 1;
    } else if (!strcmp(argv[i], "--no-spawn")) {
      no_spawn = 1;
    } else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) {
      repeat = atoi(argv[++i]);
      if (repeat < 1) {
        fprintf(stderr, "kgr-bench: --repeat needs a positive number\n");
        return 2;
      }
    } else if (argv[i][0] == '-' || dir) {
      fprintf(stderr, "kgr-bench: unexpected argument '%s'\n", argv[i]);
      usage(stderr);
      return 2;
    } else {
      dir = argv[i];
    }
  }
  if (!dir) {
    usage(stderr);
    return 2;
  }

  corpus c;
  if (load_corpus(dir, &c) != 0) return 3;
  if (!c.n) {
    fprintf(stderr, "kgr-bench: no .txt files in %s\n", dir);
    return 3;
  }
  size_t rss_base = peak_rss();

  double *doc_best = xrealloc(NULL, c.n * sizeof *doc_best);
  for (size_t i = 0; i < c.n; i++) doc_best[i] = DBL_MAX;
  pass pa = {DBL_MAX, DBL_MAX, {DBL_MAX, DBL_MAX}, {0, 0}, {0, 0}, 0, "", 0};
  pass pj = pa;
  for (size_t i = 0; i < c.n; i++) {
    pa.cls_n[c.len[i] >= LARGE_DOC]++;
    pa.cls_bytes[c.len[i] >= LARGE_DOC] += c.len[i];
  }
  double t_nl = DBL_MAX, t_wc = DBL_MAX, t_spawn = DBL_MAX, t_spawn_env = DBL_MAX;
  size_t lines = 0, words = 0, spawn_words = 0, procs = 0, env_words = 0, env_procs = 0;
  volatile size_t sink = 0; /* keeps the baselines' results alive */

  /* Interleaved, so that every measure sees the same machine state. */
  for (int r = 0; r < repeat; r++) {
    run_parse(&c, 0, &pa, doc_best);
    run_parse(&c, 1, &pj, NULL);
    /* The baselines are short: five tries each per repeat, so that a
     * moment of other load does not decide their best. */
    for (int k = 0; k < 5; k++) {
      double t0 = now();
      lines = count_newlines(&c);
      double t1 = now();
      words = count_words(&c);
      double t2 = now();
      sink += lines + words;
      if (t1 - t0 < t_nl) t_nl = t1 - t0;
      if (t2 - t1 < t_wc) t_wc = t2 - t1;
    }
  }
  pa.failures /= (size_t)repeat;
  pj.failures /= (size_t)repeat;
  size_t rss_peak = peak_rss();

  alloc_stats aa, aj;
  count_allocs(&c, 0, &aa);
  count_allocs(&c, 1, &aj);

  if (!no_spawn) {
    for (int r = 0; r < repeat; r++) {
      double t = spawn_wc(&c, 1, &spawn_words, &procs);
      double te = spawn_wc(&c, 0, &env_words, &env_procs);
      if (t < 0 || te < 0) {
        t_spawn = t_spawn_env = -1;
        break;
      }
      if (t < t_spawn) t_spawn = t;
      if (te < t_spawn_env) t_spawn_env = te;
    }
  }
  /* The locale wc -w runs in for (f): what the environment says. */
  const char *locale = getenv("LC_ALL");
  if (!locale || !*locale) locale = getenv("LC_CTYPE");
  if (!locale || !*locale) locale = getenv("LANG");
  if (!locale || !*locale) locale = "C";
  (void)sink;

  /* The slowest document that is large enough to be about throughput. */
  size_t slow_i = SIZE_MAX;
  double slow_rate = DBL_MAX;
  for (size_t i = 0; i < c.n; i++) {
    if (c.len[i] < SLOW_DOC_MIN || doc_best[i] == DBL_MAX) continue;
    double rate = mbps(c.len[i], doc_best[i]);
    if (rate < slow_rate) {
      slow_rate = rate;
      slow_i = i;
    }
  }

  size_t growth = rss_peak > rss_base ? rss_peak - rss_base : 0;
  size_t bound = 4 * c.largest + 16 * MIB;
  int spawned = !no_spawn && t_spawn > 0;
  double r_parse_wc = pa.best / t_wc, r_json_wc = pj.best / t_wc;
  double r_parse_spawn = spawned ? pa.best / t_spawn : 0;
  double r_json_spawn = spawned ? pj.best / t_spawn : 0;
  double r_parse_nl = pa.best / t_nl;
  /* The target's reference: the faster of the two spawned wc -w runs. */
  double t_ref = spawned ? (t_spawn_env < t_spawn ? t_spawn_env : t_spawn) : 0;
  double pct_json_ref = spawned ? 100.0 * t_ref / pj.best : 0;
  double pct_parse_ref = spawned ? 100.0 * t_ref / pa.best : 0;
  double cls_rate[2];
  for (int k = 0; k < 2; k++)
    cls_rate[k] = pa.cls_n[k] ? mbps(pa.cls_bytes[k], pa.cls_best[k]) : 0;

  if (as_json) {
    char e1[512], e2[512];
#ifdef __VERSION__
    const char *cc = __VERSION__;
#else
    const char *cc = "unknown";
#endif
    printf("{\n  \"library\": \"%s\",\n  \"compiler\": \"%s\",\n  \"repeats\": %d,\n",
           jesc(kgr_version_string(), e1, sizeof e1), jesc(cc, e2, sizeof e2), repeat);
    printf("  \"corpus\": {\"documents\": %zu, \"bytes\": %zu, \"largest_bytes\": %zu, "
           "\"largest\": \"%s\", \"words\": %zu, \"lines\": %zu},\n",
           c.n, c.total, c.largest, jesc(base_name(c.path[c.largest_i]), e1, sizeof e1), words,
           lines);
    printf("  \"parse\": {\"seconds\": %.6f, \"cpu_seconds\": %.6f, \"mb_per_s\": %.3f, "
           "\"docs_per_s\": %.1f, \"failures\": %zu},\n",
           pa.best, pa.cpu_best, mbps(c.total, pa.best), (double)c.n / pa.best, pa.failures);
    printf("  \"parse_json\": {\"seconds\": %.6f, \"cpu_seconds\": %.6f, \"mb_per_s\": %.3f, "
           "\"docs_per_s\": %.1f, \"json_bytes\": %zu, \"failures\": %zu},\n",
           pj.best, pj.cpu_best, mbps(c.total, pj.best), (double)c.n / pj.best, pj.json_bytes,
           pj.failures);
    printf("  \"memchr_newlines\": {\"seconds\": %.6f, \"mb_per_s\": %.1f},\n", t_nl,
           mbps(c.total, t_nl));
    printf("  \"wc_words_c\": {\"seconds\": %.6f, \"mb_per_s\": %.1f},\n", t_wc,
           mbps(c.total, t_wc));
    if (spawned)
      printf("  \"wc_words_spawned\": {\"seconds\": %.6f, \"mb_per_s\": %.1f, \"processes\": %zu, "
             "\"words\": %zu, \"words_match\": %s},\n",
             t_spawn, mbps(c.total, t_spawn), procs, spawn_words,
             spawn_words == words ? "true" : "false");
    else
      printf("  \"wc_words_spawned\": null,\n");
    if (spawned)
      printf("  \"wc_words_spawned_locale\": {\"locale\": \"%s\", \"seconds\": %.6f, "
             "\"mb_per_s\": %.1f, \"processes\": %zu, \"words\": %zu},\n",
             jesc(locale, e1, sizeof e1), t_spawn_env, mbps(c.total, t_spawn_env), env_procs,
             env_words);
    else
      printf("  \"wc_words_spawned_locale\": null,\n");
    printf("  \"percent_of_wc\": {\"reference_mb_per_s\": %.1f, \"parse\": %.2f, "
           "\"parse_json\": %.2f},\n",
           spawned ? mbps(c.total, t_ref) : 0.0, pct_parse_ref, pct_json_ref);
    printf("  \"ratios\": {\"parse_over_wc\": %.2f, \"parse_json_over_wc\": %.2f, "
           "\"parse_over_wc_spawned\": %.2f, \"parse_json_over_wc_spawned\": %.2f, "
           "\"parse_over_memchr\": %.2f},\n",
           r_parse_wc, r_json_wc, r_parse_spawn, r_json_spawn, r_parse_nl);
    printf("  \"by_size\": {\"small_docs\": %zu, \"small_mb_per_s\": %.3f, "
           "\"large_docs\": %zu, \"large_mb_per_s\": %.3f, \"large_threshold\": %zu},\n",
           pa.cls_n[0], cls_rate[0], pa.cls_n[1], cls_rate[1], LARGE_DOC);
    if (slow_i != SIZE_MAX)
      printf("  \"slowest\": {\"document\": \"%s\", \"bytes\": %zu, \"mb_per_s\": %.3f},\n",
             jesc(base_name(c.path[slow_i]), e1, sizeof e1), c.len[slow_i], slow_rate);
    else
      printf("  \"slowest\": null,\n");
    const alloc_stats *as[2] = {&aa, &aj};
    const char *names[2] = {"allocations_parse", "allocations_parse_json"};
    for (int k = 0; k < 2; k++)
      printf("  \"%s\": {\"calls_per_doc\": %.2f, \"calls_max\": %zu, \"bytes_per_doc\": %.0f, "
             "\"bytes_max\": %zu, \"bytes_per_input_byte\": %.3f, \"peak_live_max\": %zu, "
             "\"left_after_free\": %zu},\n",
             names[k], as[k]->calls_mean, as[k]->calls_max, as[k]->bytes_mean, as[k]->bytes_max,
             as[k]->bytes_per_input, as[k]->peak_live_max, as[k]->leaked);
    printf("  \"memory\": {\"peak_rss\": %zu, \"baseline_rss\": %zu, \"growth\": %zu, "
           "\"bound\": %zu, \"within_bound\": %s}\n}\n",
           rss_peak, rss_base, growth, bound, growth <= bound ? "true" : "false");
  } else {
    printf("kgr-bench: libkgrights %s, best of %d repeat%s, single thread\n",
           kgr_version_string(), repeat, repeat == 1 ? "" : "s");
    printf("corpus: %zu documents, %zu bytes (%.1f MB), largest %zu bytes (%s)\n", c.n,
           c.total, (double)c.total / 1e6, c.largest, base_name(c.path[c.largest_i]));
    printf("        %zu words, %zu lines; held in memory, no I/O timed\n\n", words, lines);
    printf("%-38s %10s %10s %10s %12s\n", "measure", "time (s)", "MB/s", "docs/s",
           "x wc-w (C)");
    printf("%-38s %10.4f %10.2f %10.1f %12.1f\n", "(a) parse", pa.best, mbps(c.total, pa.best),
           (double)c.n / pa.best, r_parse_wc);
    printf("%-38s %10.4f %10.2f %10.1f %12.1f\n", "(b) parse + JSON (compact, discarded)",
           pj.best, mbps(c.total, pj.best), (double)c.n / pj.best, r_json_wc);
    printf("%-38s %10.4f %10.1f\n", "(c) memchr newline scan", t_nl, mbps(c.total, t_nl));
    printf("%-38s %10.4f %10.1f\n", "(d) wc -w in C (state machine)", t_wc, mbps(c.total, t_wc));
    if (spawned)
      printf("%-38s %10.4f %10.1f   (wall, %zu process%s, page cache; words %s)\n",
             "(e) wc -w spawned (LC_ALL=C)", t_spawn, mbps(c.total, t_spawn), procs,
             procs == 1 ? "" : "es", spawn_words == words ? "match (d)" : "DIFFER from (d)");
    else
      printf("%-38s %10s\n", "(e) wc -w spawned (LC_ALL=C)",
             no_spawn ? "skipped" : "failed");
    if (spawned) {
      char label[64];
      snprintf(label, sizeof label, "(f) wc -w spawned (%.20s)", locale);
      printf("%-38s %10.4f %10.1f   (wall, the environment's locale, %zu words)\n", label,
             t_spawn_env, mbps(c.total, t_spawn_env), env_words);
    }
    printf("\nratios (time, x slower): parse/wc %.1f, parse+json/wc %.1f", r_parse_wc,
           r_json_wc);
    if (spawned)
      printf(", parse/wc-spawned %.1f, parse+json/wc-spawned %.1f", r_parse_spawn,
             r_json_spawn);
    printf(", parse/memchr %.1f\n", r_parse_nl);
    if (spawned)
      printf("throughput as a share of wc -w (the faster of (e) and (f), %.1f MB/s): "
             "parse %.1f%%, parse + JSON %.1f%%\n",
             mbps(c.total, t_ref), pct_parse_ref, pct_json_ref);
    printf("CPU time of the best runs: parse %.4f s (%.2f MB/s), parse + JSON %.4f s "
           "(%.2f MB/s); CPU/wall %.0f%% (below 100%%: other load took the rest)\n",
           pa.cpu_best, mbps(c.total, pa.cpu_best), pj.cpu_best, mbps(c.total, pj.cpu_best),
           100.0 * pa.cpu_best / pa.best);
    printf("parse by size:");
    if (pa.cls_n[0]) printf(" < 1 MiB %.2f MB/s (%zu docs)", cls_rate[0], pa.cls_n[0]);
    if (pa.cls_n[0] && pa.cls_n[1]) printf(",");
    if (pa.cls_n[1]) printf(" >= 1 MiB %.2f MB/s (%zu docs)", cls_rate[1], pa.cls_n[1]);
    printf("\n");
    if (slow_i != SIZE_MAX)
      printf("slowest document (>= 16 KiB): %s, %zu bytes, %.2f MB/s\n",
             base_name(c.path[slow_i]), c.len[slow_i], slow_rate);
    printf("JSON output: %zu bytes (%.2f per input byte)\n", pj.json_bytes,
           (double)pj.json_bytes / (double)c.total);
    const alloc_stats *as[2] = {&aa, &aj};
    const char *names[2] = {"parse", "parse + JSON"};
    for (int k = 0; k < 2; k++)
      printf("allocations (%s): %.1f calls/doc (max %zu), %.0f bytes/doc (max %zu), "
             "%.2f bytes per input byte, peak live %.2f MiB, left after free %zu\n",
             names[k], as[k]->calls_mean, as[k]->calls_max, as[k]->bytes_mean, as[k]->bytes_max,
             as[k]->bytes_per_input, mib(as[k]->peak_live_max), as[k]->leaked);
    printf("memory: peak RSS %.1f MiB, baseline %.1f MiB (corpus loaded), growth %.1f MiB; "
           "bound 4 x largest + 16 MiB = %.1f MiB: %s\n",
           mib(rss_peak), mib(rss_base), mib(growth), mib(bound),
           growth <= bound ? "within" : "OVER");
    if (pa.failures || pj.failures)
      printf("parse failures: %zu (first: %s)\n", pa.failures ? pa.failures : pj.failures,
             pa.failures ? pa.first_error : pj.first_error);
    else
      printf("parse failures: 0\n");
  }

  for (size_t i = 0; i < c.n; i++) {
    free(c.buf[i]);
    free(c.path[i]);
  }
  free(c.buf);
  free(c.path);
  free(c.len);
  free(doc_best);
  return pa.failures || pj.failures ? 1 : 0;
}
