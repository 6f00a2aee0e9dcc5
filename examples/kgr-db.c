/*
 * kgr-db - a corpus of parsed documents in one SQLite file: ingest,
 * query with SQL, search the text.
 *
 *   kgr-db ingest corpus.sqlite FILE...
 *   kgr-db query  corpus.sqlite "SELECT ..."
 *   kgr-db search corpus.sqlite "rubber bullets"
 *
 * Uses the public API of libkgrights only. Exit codes: 0 ok, 1 invalid
 * input (a document that cannot be parsed, a bad query), 2 usage error,
 * 3 I/O, out of memory or database error.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include <kgrights/kgrights.h>

#include "cli_util.h"
#include "kgr_db_schema.h"

static const char *prog = "kgr-db";

static void usage(FILE *fp) {
  fputs(
      "Usage: kgr-db ingest [--replace] DATABASE FILE...\n"
      "       kgr-db query DATABASE SQL\n"
      "       kgr-db search [--fts] [--kind KIND] [--limit N] [--csv] DATABASE TEXT\n"
      "Keep the records of many documents in one SQLite file.\n"
      "\n"
      "ingest  parse each FILE (- reads standard input) and store its records:\n"
      "        tables documents, events, event_actors, event_places, event_figures,\n"
      "        figures, persons, signatories, places, footnotes, and sentences_fts\n"
      "        (full-text search over paragraphs and event texts). Documents are\n"
      "        keyed by the SHA-256 of their content: ingesting a file again\n"
      "        changes nothing (--replace parses it again and replaces its rows).\n"
      "        One transaction per document. Creates DATABASE if needed.\n"
      "query   run SQL (read-only) and print each result as CSV with a header.\n"
      "search  full-text search: print document, span and a snippet for each\n"
      "        match, best first. TEXT is a phrase; with --fts it is an FTS5\n"
      "        query (rubber AND bullets, \"tear gas\" OR pepper, NEAR(...)).\n"
      "\n"
      "Options:\n"
      "      --replace           ingest: re-parse documents already stored\n"
      "      --fts               search: TEXT is FTS5 query syntax\n"
      "      --kind KIND         search: only 'paragraph' or only 'event' rows\n"
      "      --limit N           search: at most N matches (default 50)\n"
      "      --csv               search: CSV (document,kind,span_start,span_end,snippet)\n"
      "  -h, --help              show this help and exit\n"
      "      --version           show the version and exit\n"
      "\n"
      "Examples:\n"
      "  kgr-db ingest corpus.sqlite reports/*.txt\n"
      "  kgr-db query corpus.sqlite \"SELECT type, count(*) FROM events GROUP BY type\"\n"
      "  kgr-db query corpus.sqlite \"SELECT * FROM event_summary WHERE killed > 0\"\n"
      "  kgr-db search corpus.sqlite \"rubber bullets\"\n"
      "\n"
      "Exit status: 0 ok, 1 invalid input (a document that cannot be parsed, a bad\n"
      "query), 2 usage error, 3 I/O, out of memory or database error.\n",
      fp);
}

/* --- Opening ------------------------------------------------------------- */

static sqlite3 *open_db(const char *path, int readonly, int *status) {
  sqlite3 *db = NULL;
  int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path, &db, flags, NULL);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "%s: error: %s\n", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    *status = CLI_IO;
    return NULL;
  }
  sqlite3_busy_timeout(db, 10000);
  sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  char *msg = NULL;
  if (!readonly) {
    rc = db_migrate(db, &msg);
  } else {
    sqlite3_stmt *st;
    rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0) {
      msg = sqlite3_mprintf("not a kgr-db corpus (run kgr-db ingest first)");
      rc = SQLITE_ERROR;
    } else if (rc != SQLITE_OK) {
      msg = sqlite3_mprintf("%s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
  }
  if (rc != SQLITE_OK) {
    fprintf(stderr, "%s: error: %s\n", path, msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    sqlite3_close(db);
    *status = CLI_IO;
    return NULL;
  }
  return db;
}

/* --- Ingest: prepared statements ------------------------------------------- */

enum {
  S_FIND_DOC, S_DELETE_FTS, S_DELETE_DOC, S_DOC, S_PLACE, S_FIGURE, S_PERSON,
  S_SIGNATORY, S_FOOTNOTE, S_EVENT, S_ACTOR, S_FIND_PLACE, S_EVENT_PLACE,
  S_FIND_FIGURE, S_EVENT_FIGURE, S_FTS, S_COUNT
};

static const char *const sql_text[S_COUNT] = {
    [S_FIND_DOC] = "SELECT id FROM documents WHERE sha256 = ?1",
    [S_DELETE_FTS] = "DELETE FROM sentences_fts WHERE document_id = ?1",
    [S_DELETE_DOC] = "DELETE FROM documents WHERE id = ?1",
    [S_DOC] = "INSERT INTO documents (sha256, name, bytes, kind, title, date, date_source, "
              "country, issuer_name, issuer_acronym, parser_version, ingested_at, content) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    [S_PLACE] = "INSERT INTO places (document_id, idx, name, country, admin1, lat, lon, "
                "span_start, span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [S_FIGURE] = "INSERT INTO figures (document_id, idx, kind, value, qualifier, unit_text, "
                 "date, sources, text, span_start, span_end) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [S_PERSON] = "INSERT INTO persons (document_id, idx, name, roles, affiliation, span_start, "
                 "span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [S_SIGNATORY] = "INSERT INTO signatories (document_id, idx, position, name, acronym, "
                    "countries, countries_source, span_start, span_end) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [S_FOOTNOTE] = "INSERT INTO footnotes (document_id, number, text, urls, span_start, "
                   "span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [S_EVENT] = "INSERT INTO events (document_id, idx, type, acled_event_type, "
                "acled_sub_event_type, date_start, date_end, date_precision, year_source, "
                "date_text, means, victims, sources, text, span_start, span_end) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    [S_ACTOR] = "INSERT INTO event_actors (event_id, position, name, category) "
                "VALUES (?1, ?2, ?3, ?4)",
    [S_FIND_PLACE] = "SELECT id FROM places WHERE document_id = ?1 AND name = ?2 "
                     "ORDER BY idx IS NULL, idx LIMIT 1",
    [S_EVENT_PLACE] = "INSERT OR IGNORE INTO event_places (event_id, place_id) VALUES (?1, ?2)",
    [S_FIND_FIGURE] = "SELECT id FROM figures WHERE document_id = ?1 AND span_start = ?2 "
                      "AND span_end = ?3 AND kind = ?4 LIMIT 1",
    [S_EVENT_FIGURE] = "INSERT OR IGNORE INTO event_figures (event_id, figure_id) "
                       "VALUES (?1, ?2)",
    [S_FTS] = "INSERT INTO sentences_fts (text, kind, document_id, ref_id, span_start, "
              "span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
};

typedef struct ingest {
  sqlite3 *db;
  sqlite3_stmt *st[S_COUNT];
} ingest;

static int prepare_all(ingest *g) {
  for (int i = 0; i < S_COUNT; i++) {
    int rc = sqlite3_prepare_v2(g->db, sql_text[i], -1, &g->st[i], NULL);
    if (rc != SQLITE_OK)
      return rc;
  }
  return SQLITE_OK;
}

static void finalize_all(ingest *g) {
  for (int i = 0; i < S_COUNT; i++)
    sqlite3_finalize(g->st[i]);
}

/* Bind helpers; a null kgr_str binds NULL. The document outlives each
 * statement's step, so its strings are bound without a copy. */
static void bind_str(sqlite3_stmt *st, int i, kgr_str s) {
  if (s.ptr)
    sqlite3_bind_text64(st, i, s.ptr, s.len, SQLITE_STATIC, SQLITE_UTF8);
  else
    sqlite3_bind_null(st, i);
}

static void bind_cstr(sqlite3_stmt *st, int i, const char *s) {
  if (s)
    sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null(st, i);
}

static void bind_span(sqlite3_stmt *st, int i, kgr_span sp) {
  sqlite3_bind_int64(st, i, (sqlite3_int64)sp.start);
  sqlite3_bind_int64(st, i + 1, (sqlite3_int64)sp.end);
}

/* Step a statement that returns no row, then make it ready for reuse. */
static int exec_stmt(sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Step a one-value query: *found and *id set when it returns a row. */
static int lookup_stmt(sqlite3_stmt *st, int *found, sqlite3_int64 *id) {
  int rc = sqlite3_step(st);
  *found = rc == SQLITE_ROW;
  if (*found)
    *id = sqlite3_column_int64(st, 0);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A growable string for the joined columns ("a; b"). */
typedef struct strbuf {
  char *p;
  size_t len, cap;
  int oom;
} strbuf;

static void sb_add(strbuf *b, const char *s, size_t n) {
  if (b->oom || !s)
    return;
  if (b->cap - b->len < n + 1) {
    size_t cap = b->cap ? b->cap : 128;
    while (cap - b->len < n + 1)
      cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
      b->oom = 1;
      return;
    }
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
}

static void sb_sep(strbuf *b, const char *sep) {
  if (b->len)
    sb_add(b, sep, strlen(sep));
}

static void sb_int(strbuf *b, long long v) {
  char tmp[32];
  int n = snprintf(tmp, sizeof tmp, "%lld", v);
  sb_add(b, tmp, (size_t)n);
}

/* Bind a joined list (NULL when empty) as a copy, then clear the buffer. */
static int bind_sb(sqlite3_stmt *st, int i, strbuf *b) {
  if (b->oom)
    return SQLITE_NOMEM;
  if (b->len)
    sqlite3_bind_text64(st, i, b->p, b->len, SQLITE_TRANSIENT, SQLITE_UTF8);
  else
    sqlite3_bind_null(st, i);
  b->len = 0;
  return SQLITE_OK;
}

static void join_ints(strbuf *b, const int *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    sb_sep(b, "; ");
    sb_int(b, v[i]);
  }
}

/* --- Ingest: one document ----------------------------------------------------- */

static int insert_figure(ingest *g, sqlite3_int64 doc_id, const kgr_figure *f,
                         sqlite3_int64 idx, strbuf *b, sqlite3_int64 *id) {
  sqlite3_stmt *st = g->st[S_FIGURE];
  sqlite3_bind_int64(st, 1, doc_id);
  if (idx >= 0)
    sqlite3_bind_int64(st, 2, idx);
  bind_cstr(st, 3, kgr_figure_kind_name(f->kind));
  sqlite3_bind_int64(st, 4, f->value);
  bind_cstr(st, 5, kgr_qualifier_name(f->qualifier));
  bind_str(st, 6, f->unit_text);
  bind_str(st, 7, f->date);
  join_ints(b, f->sources, f->source_count);
  int rc = bind_sb(st, 8, b);
  bind_str(st, 9, f->text);
  bind_span(st, 10, f->span);
  if (rc == SQLITE_OK)
    rc = exec_stmt(st);
  *id = sqlite3_last_insert_rowid(g->db);
  return rc;
}

static int insert_place(ingest *g, sqlite3_int64 doc_id, const kgr_place *p, sqlite3_int64 idx,
                        sqlite3_int64 *id) {
  sqlite3_stmt *st = g->st[S_PLACE];
  sqlite3_bind_int64(st, 1, doc_id);
  if (idx >= 0)
    sqlite3_bind_int64(st, 2, idx);
  bind_str(st, 3, p->name);
  bind_str(st, 4, p->country);
  bind_str(st, 5, p->admin1);
  if (p->has_coordinates) {
    sqlite3_bind_double(st, 6, p->lat);
    sqlite3_bind_double(st, 7, p->lon);
  }
  bind_span(st, 8, p->span);
  int rc = exec_stmt(st);
  *id = sqlite3_last_insert_rowid(g->db);
  return rc;
}

static int insert_event(ingest *g, sqlite3_int64 doc_id, size_t idx, const kgr_event *e,
                        strbuf *b) {
  sqlite3_stmt *st = g->st[S_EVENT];
  sqlite3_bind_int64(st, 1, doc_id);
  sqlite3_bind_int64(st, 2, (sqlite3_int64)idx);
  bind_cstr(st, 3, kgr_event_type_name(e->type));
  const char *sub = NULL;
  bind_cstr(st, 4, kgr_event_type_acled(e->type, &sub));
  bind_cstr(st, 5, sub);
  if (e->date) {
    bind_str(st, 6, e->date->start_iso);
    bind_str(st, 7, e->date->end_iso);
    bind_cstr(st, 8, kgr_precision_name(e->date->precision));
    bind_cstr(st, 9, kgr_year_source_name(e->date->year_source));
    bind_str(st, 10, e->date->text);
  }
  for (size_t i = 0; i < e->means_count; i++) {
    sb_sep(b, "; ");
    const char *m = kgr_means_name(e->means[i]);
    sb_add(b, m, strlen(m));
  }
  int rc = bind_sb(st, 11, b);
  for (size_t i = 0; i < e->victim_count; i++) {
    sb_sep(b, "; ");
    sb_add(b, e->victims[i].name.ptr, e->victims[i].name.len);
  }
  if (rc == SQLITE_OK)
    rc = bind_sb(st, 12, b);
  join_ints(b, e->sources, e->source_count);
  if (rc == SQLITE_OK)
    rc = bind_sb(st, 13, b);
  bind_str(st, 14, e->text);
  bind_span(st, 15, e->span);
  if (rc == SQLITE_OK)
    rc = exec_stmt(st);
  else
    sqlite3_clear_bindings(st);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_int64 event_id = sqlite3_last_insert_rowid(g->db);

  for (size_t i = 0; i < e->actor_count && rc == SQLITE_OK; i++) {
    st = g->st[S_ACTOR];
    sqlite3_bind_int64(st, 1, event_id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
    bind_str(st, 3, e->actors[i].name);
    bind_cstr(st, 4, kgr_actor_category_name(e->actors[i].category));
    rc = exec_stmt(st);
  }
  /* An event's places and figures are the document's: link to those rows,
   * adding a row only for one the document list lacks. */
  for (size_t i = 0; i < e->place_count && rc == SQLITE_OK; i++) {
    const kgr_place *p = &e->places[i];
    if (!p->name.ptr)
      continue;
    int found;
    sqlite3_int64 place_id = 0;
    st = g->st[S_FIND_PLACE];
    sqlite3_bind_int64(st, 1, doc_id);
    bind_str(st, 2, p->name);
    rc = lookup_stmt(st, &found, &place_id);
    if (rc == SQLITE_OK && !found)
      rc = insert_place(g, doc_id, p, -1, &place_id);
    if (rc != SQLITE_OK)
      break;
    st = g->st[S_EVENT_PLACE];
    sqlite3_bind_int64(st, 1, event_id);
    sqlite3_bind_int64(st, 2, place_id);
    rc = exec_stmt(st);
  }
  for (size_t i = 0; i < e->figure_count && rc == SQLITE_OK; i++) {
    const kgr_figure *f = &e->figures[i];
    int found;
    sqlite3_int64 figure_id = 0;
    st = g->st[S_FIND_FIGURE];
    sqlite3_bind_int64(st, 1, doc_id);
    bind_span(st, 2, f->span);
    bind_cstr(st, 4, kgr_figure_kind_name(f->kind));
    rc = lookup_stmt(st, &found, &figure_id);
    if (rc == SQLITE_OK && !found)
      rc = insert_figure(g, doc_id, f, -1, b, &figure_id);
    if (rc != SQLITE_OK)
      break;
    st = g->st[S_EVENT_FIGURE];
    sqlite3_bind_int64(st, 1, event_id);
    sqlite3_bind_int64(st, 2, figure_id);
    rc = exec_stmt(st);
  }
  if (rc == SQLITE_OK && e->text.ptr) {
    st = g->st[S_FTS];
    bind_str(st, 1, e->text);
    bind_cstr(st, 2, "event");
    sqlite3_bind_int64(st, 3, doc_id);
    sqlite3_bind_int64(st, 4, event_id);
    bind_span(st, 5, e->span);
    rc = exec_stmt(st);
  }
  return rc;
}

static int is_blank_line(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
      return 0;
  return 1;
}

/* Does the line s[0, n) end a sentence (., !, ?, : or ; perhaps followed by
 * a closing quote or bracket)? Hard-wrapped text breaks lines mid-sentence,
 * so such a line ends a passage even without a blank line after it. */
static int ends_sentence(const char *s, size_t n) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
    n--;
  while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
    n--;
  if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
      ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
    n -= 3; /* a closing curly quote */
  return n && strchr(".!?:;", s[n - 1]) != NULL;
}

/* Passages - runs of non-blank lines, cut after a line that ends a
 * sentence - into the search index with their byte spans, so that every
 * word of the document can be found. */
static int index_paragraphs(ingest *g, sqlite3_int64 doc_id, const char *in, size_t len) {
  size_t pos = 0, start = 0, end = 0;
  int open = 0, rc = SQLITE_OK;
  while (rc == SQLITE_OK && pos <= len) {
    const char *nl = pos < len ? memchr(in + pos, '\n', len - pos) : NULL;
    size_t line_end = nl ? (size_t)(nl - in) : len;
    int blank = pos == len || is_blank_line(in + pos, line_end - pos);
    if (!blank) {
      if (!open)
        start = pos;
      open = 1;
      end = line_end;
      while (end > start && (in[end - 1] == '\r' || in[end - 1] == ' ' || in[end - 1] == '\t'))
        end--;
    }
    int cut = !blank && ends_sentence(in + pos, line_end - pos);
    if ((blank || cut || !nl) && open) {
      sqlite3_stmt *st = g->st[S_FTS];
      sqlite3_bind_text64(st, 1, in + start, end - start, SQLITE_STATIC, SQLITE_UTF8);
      bind_cstr(st, 2, "paragraph");
      sqlite3_bind_int64(st, 3, doc_id);
      sqlite3_bind_int64(st, 5, (sqlite3_int64)start);
      sqlite3_bind_int64(st, 6, (sqlite3_int64)end);
      rc = exec_stmt(st);
      open = 0;
    }
    if (!nl)
      break;
    pos = line_end + 1;
  }
  return rc;
}

static int insert_document(ingest *g, const kgr_doc *doc, sqlite3_int64 *doc_id_out) {
  sqlite3_stmt *st = g->st[S_DOC];
  size_t len;
  const char *input = kgr_doc_input(doc, &len);
  const kgr_issuer *issuer = kgr_doc_issuer(doc);
  char now[32];
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
  bind_str(st, 1, kgr_doc_sha256(doc));
  bind_str(st, 2, kgr_doc_name(doc));
  sqlite3_bind_int64(st, 3, (sqlite3_int64)len);
  bind_cstr(st, 4, kgr_kind_name(kgr_doc_kind(doc)));
  bind_str(st, 5, kgr_doc_title(doc));
  bind_str(st, 6, kgr_doc_date(doc));
  bind_cstr(st, 7, kgr_date_source_name(kgr_doc_date_source(doc)));
  bind_str(st, 8, kgr_doc_country(doc));
  if (issuer) {
    bind_str(st, 9, issuer->name);
    bind_str(st, 10, issuer->acronym);
  }
  bind_cstr(st, 11, kgr_version_string());
  bind_cstr(st, 12, now);
  sqlite3_bind_blob64(st, 13, input ? input : "", len, SQLITE_STATIC);
  int rc = exec_stmt(st);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_int64 doc_id = sqlite3_last_insert_rowid(g->db);
  *doc_id_out = doc_id;

  strbuf b = {0};
  sqlite3_int64 id;
  for (size_t i = 0; i < kgr_doc_place_count(doc) && rc == SQLITE_OK; i++)
    rc = insert_place(g, doc_id, kgr_doc_place(doc, i), (sqlite3_int64)i, &id);
  for (size_t i = 0; i < kgr_doc_figure_count(doc) && rc == SQLITE_OK; i++)
    rc = insert_figure(g, doc_id, kgr_doc_figure(doc, i), (sqlite3_int64)i, &b, &id);
  for (size_t i = 0; i < kgr_doc_person_count(doc) && rc == SQLITE_OK; i++) {
    const kgr_person *p = kgr_doc_person(doc, i);
    st = g->st[S_PERSON];
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
    bind_str(st, 3, p->name);
    for (size_t k = 0; k < p->role_count; k++) {
      sb_sep(&b, "; ");
      sb_add(&b, p->roles[k].ptr, p->roles[k].len);
    }
    rc = bind_sb(st, 4, &b);
    bind_str(st, 5, p->affiliation);
    bind_span(st, 6, p->span);
    rc = rc == SQLITE_OK ? exec_stmt(st) : rc;
  }
  for (size_t i = 0; i < kgr_doc_signatory_count(doc) && rc == SQLITE_OK; i++) {
    const kgr_signatory *s = kgr_doc_signatory(doc, i);
    st = g->st[S_SIGNATORY];
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
    if (s->position > 0)
      sqlite3_bind_int(st, 3, s->position);
    bind_str(st, 4, s->name);
    bind_str(st, 5, s->acronym);
    for (size_t k = 0; k < s->country_count; k++) {
      sb_sep(&b, ";");
      sb_add(&b, s->countries[k].ptr, s->countries[k].len);
    }
    rc = bind_sb(st, 6, &b);
    bind_cstr(st, 7, kgr_countries_source_name(s->countries_source));
    bind_span(st, 8, s->span);
    rc = rc == SQLITE_OK ? exec_stmt(st) : rc;
  }
  for (size_t i = 0; i < kgr_doc_footnote_count(doc) && rc == SQLITE_OK; i++) {
    const kgr_footnote *f = kgr_doc_footnote(doc, i);
    st = g->st[S_FOOTNOTE];
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int(st, 2, f->number);
    bind_str(st, 3, f->text);
    for (size_t k = 0; k < f->url_count; k++) {
      sb_sep(&b, " ");
      sb_add(&b, f->urls[k].ptr, f->urls[k].len);
    }
    rc = bind_sb(st, 4, &b);
    bind_span(st, 5, f->span);
    rc = rc == SQLITE_OK ? exec_stmt(st) : rc;
  }
  for (size_t i = 0; i < kgr_doc_event_count(doc) && rc == SQLITE_OK; i++)
    rc = insert_event(g, doc_id, i, kgr_doc_event(doc, i), &b);
  if (rc == SQLITE_OK)
    rc = index_paragraphs(g, doc_id, input ? input : "", len);
  free(b.p);
  return rc;
}

typedef enum { ADDED, REPLACED, UNCHANGED } outcome;

/* Store one document in its own transaction. */
static int ingest_document(ingest *g, const kgr_doc *doc, int replace, outcome *out) {
  int rc = sqlite3_exec(g->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rc;
  int found;
  sqlite3_int64 old_id = 0, new_id = 0;
  sqlite3_stmt *st = g->st[S_FIND_DOC];
  bind_str(st, 1, kgr_doc_sha256(doc));
  rc = lookup_stmt(st, &found, &old_id);
  *out = found ? (replace ? REPLACED : UNCHANGED) : ADDED;
  if (rc == SQLITE_OK && found && replace) {
    /* The search index is a virtual table: no cascade reaches it. */
    sqlite3_bind_int64(g->st[S_DELETE_FTS], 1, old_id);
    rc = exec_stmt(g->st[S_DELETE_FTS]);
    if (rc == SQLITE_OK) {
      sqlite3_bind_int64(g->st[S_DELETE_DOC], 1, old_id);
      rc = exec_stmt(g->st[S_DELETE_DOC]);
    }
  }
  if (rc == SQLITE_OK && *out != UNCHANGED)
    rc = insert_document(g, doc, &new_id);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(g->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    int saved = rc;
    sqlite3_exec(g->db, "ROLLBACK", NULL, NULL, NULL);
    /* A statement that failed keeps its bindings: clear them all, so that
     * the next document starts from NULLs. */
    for (int i = 0; i < S_COUNT; i++) {
      sqlite3_reset(g->st[i]);
      sqlite3_clear_bindings(g->st[i]);
    }
    return saved;
  }
  return SQLITE_OK;
}

static void progress(size_t done, size_t total, const char *name) {
  enum { WIDTH = 30 };
  size_t fill = total ? done * WIDTH / total : WIDTH;
  char bar[WIDTH + 1];
  for (size_t i = 0; i < WIDTH; i++)
    bar[i] = i < fill ? '#' : '.';
  bar[WIDTH] = '\0';
  fprintf(stderr, "\r[%s] %zu/%zu %-40.40s", bar, done, total, name ? name : "");
  fflush(stderr);
}

static int cmd_ingest(int argc, char **argv) {
  int replace = 0, i = 0;
  for (; i < argc && argv[i][0] == '-' && strcmp(argv[i], "-") != 0; i++) {
    if (strcmp(argv[i], "--replace") == 0) {
      replace = 1;
    } else if (strcmp(argv[i], "--") == 0) {
      i++;
      break;
    } else {
      fprintf(stderr, "%s: unknown option '%s'\n", prog, argv[i]);
      usage(stderr);
      return CLI_USAGE;
    }
  }
  if (argc - i < 2) {
    fprintf(stderr, "%s: ingest needs a DATABASE and at least one FILE\n", prog);
    usage(stderr);
    return CLI_USAGE;
  }
  const char *path = argv[i++];
  int status = CLI_OK;
  sqlite3 *db = open_db(path, 0, &status);
  if (!db)
    return status;
  ingest g = {db, {0}};
  int rc = prepare_all(&g);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "%s: error: %s\n", path, sqlite3_errmsg(db));
    finalize_all(&g);
    sqlite3_close(db);
    return CLI_IO;
  }
  int tty = isatty(STDERR_FILENO);
  size_t total = (size_t)(argc - i), added = 0, replaced = 0, unchanged = 0, failed = 0;
  for (size_t k = 0; k < total; k++) {
    const char *file = argv[i + (int)k];
    if (tty)
      fputs("\r\033[K", stderr); /* a parse error starts on a clean line */
    kgr_doc *doc = cli_parse(prog, file, NULL, &status);
    if (tty)
      progress(k, total, file);
    if (!doc) {
      failed++;
      continue;
    }
    outcome out;
    rc = ingest_document(&g, doc, replace, &out);
    kgr_doc_free(doc);
    if (rc != SQLITE_OK) {
      if (tty)
        fputs("\r\033[K", stderr);
      fprintf(stderr, "%s: error: database: %s\n", strcmp(file, "-") ? file : "<stdin>",
              sqlite3_errmsg(db));
      status = CLI_IO;
      failed++;
      continue;
    }
    added += out == ADDED;
    replaced += out == REPLACED;
    unchanged += out == UNCHANGED;
  }
  if (tty) {
    progress(total, total, NULL);
    fputc('\n', stderr);
  }
  fprintf(stderr, "%s: %zu added, %zu replaced, %zu unchanged, %zu failed\n", prog, added,
          replaced, unchanged, failed);
  finalize_all(&g);
  if (sqlite3_close(db) != SQLITE_OK)
    status = CLI_IO;
  return status;
}

/* --- Query and search ------------------------------------------------------------ */

static void csv_cell(const char *s, size_t n) {
  int quote = 0;
  for (size_t i = 0; i < n && !quote; i++)
    quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
  if (!quote) {
    fwrite(s, 1, n, stdout);
    return;
  }
  putchar('"');
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '"')
      putchar('"');
    putchar(s[i]);
  }
  putchar('"');
}

static void print_row(sqlite3_stmt *st, int header) {
  int n = sqlite3_column_count(st);
  for (int c = 0; c < n; c++) {
    if (c)
      putchar(',');
    if (header) {
      const char *name = sqlite3_column_name(st, c);
      csv_cell(name ? name : "", name ? strlen(name) : 0);
    } else if (sqlite3_column_type(st, c) != SQLITE_NULL) {
      const char *v = (const char *)sqlite3_column_text(st, c);
      csv_cell(v ? v : "", (size_t)sqlite3_column_bytes(st, c));
    }
  }
  putchar('\n');
}

static int cmd_query(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "%s: query needs a DATABASE and one SQL text\n", prog);
    usage(stderr);
    return CLI_USAGE;
  }
  int status = CLI_OK;
  sqlite3 *db = open_db(argv[0], 1, &status);
  if (!db)
    return status;
  const char *sql = argv[1];
  while (*sql && status == CLI_OK) {
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, &tail);
    if (rc != SQLITE_OK) {
      fprintf(stderr, "%s: error: SQL: %s\n", prog, sqlite3_errmsg(db));
      status = rc == SQLITE_ERROR ? CLI_INPUT : CLI_IO;
      break;
    }
    sql = tail;
    if (!st) /* whitespace or a comment */
      continue;
    if (sqlite3_column_count(st) > 0)
      print_row(st, 1);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
      print_row(st, 0);
    if (rc != SQLITE_DONE) {
      fprintf(stderr, "%s: error: SQL: %s%s\n", prog, sqlite3_errmsg(db),
              rc == SQLITE_READONLY ? " (query is read-only; use ingest to add documents)"
                                    : "");
      status = rc == SQLITE_READONLY || rc == SQLITE_ERROR ? CLI_INPUT : CLI_IO;
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return status;
}

/* TEXT as one FTS5 phrase: "..." with inner quotes doubled. */
static char *phrase_query(const char *text) {
  size_t n = strlen(text), q = 0;
  for (size_t i = 0; i < n; i++)
    q += text[i] == '"';
  char *out = malloc(n + q + 3);
  if (!out)
    return NULL;
  size_t k = 0;
  out[k++] = '"';
  for (size_t i = 0; i < n; i++) {
    if (text[i] == '"')
      out[k++] = '"';
    out[k++] = text[i];
  }
  out[k++] = '"';
  out[k] = '\0';
  return out;
}

/* A snippet on one line: runs of whitespace become one space. */
static void print_flat(const char *s) {
  int space = 0;
  for (; s && *s; s++) {
    if (*s == '\n' || *s == '\r' || *s == '\t' || *s == ' ') {
      space = 1;
      continue;
    }
    if (space)
      putchar(' ');
    space = 0;
    putchar(*s);
  }
}

static int cmd_search(int argc, char **argv) {
  int raw = 0, csv = 0, i = 0;
  const char *kind = NULL;
  long limit = 50;
  for (; i < argc && argv[i][0] == '-'; i++) {
    if (strcmp(argv[i], "--fts") == 0) {
      raw = 1;
    } else if (strcmp(argv[i], "--csv") == 0) {
      csv = 1;
    } else if (strcmp(argv[i], "--kind") == 0 && i + 1 < argc) {
      kind = argv[++i];
      if (strcmp(kind, "paragraph") != 0 && strcmp(kind, "event") != 0) {
        fprintf(stderr, "%s: --kind wants 'paragraph' or 'event'\n", prog);
        return CLI_USAGE;
      }
    } else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
      char *end;
      errno = 0;
      limit = strtol(argv[++i], &end, 10);
      if (errno || *end || limit <= 0) {
        fprintf(stderr, "%s: --limit wants a positive number\n", prog);
        return CLI_USAGE;
      }
    } else if (strcmp(argv[i], "--") == 0) {
      i++;
      break;
    } else {
      fprintf(stderr, "%s: unknown option '%s'\n", prog, argv[i]);
      usage(stderr);
      return CLI_USAGE;
    }
  }
  if (argc - i != 2) {
    fprintf(stderr, "%s: search needs a DATABASE and one TEXT\n", prog);
    usage(stderr);
    return CLI_USAGE;
  }
  int status = CLI_OK;
  sqlite3 *db = open_db(argv[i], 1, &status);
  if (!db)
    return status;
  char *match = raw ? NULL : phrase_query(argv[i + 1]);
  if (!raw && !match) {
    sqlite3_close(db);
    return CLI_IO;
  }
  static const char sql[] =
      "SELECT d.name, f.kind, f.span_start, f.span_end,\n"
      "       snippet(sentences_fts, 0, '[', ']', '...', 16)\n"
      "FROM sentences_fts AS f JOIN documents AS d ON d.id = f.document_id\n"
      "WHERE sentences_fts MATCH ?1 AND (?2 IS NULL OR f.kind = ?2)\n"
      "ORDER BY rank, d.id, f.span_start LIMIT ?3";
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK) {
    bind_cstr(st, 1, raw ? argv[i + 1] : match);
    bind_cstr(st, 2, kind);
    sqlite3_bind_int64(st, 3, limit);
    if (csv)
      printf("document,kind,span_start,span_end,snippet\n");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      const char *doc = (const char *)sqlite3_column_text(st, 0);
      const char *k = (const char *)sqlite3_column_text(st, 1);
      long long s = sqlite3_column_int64(st, 2), e = sqlite3_column_int64(st, 3);
      const char *snip = (const char *)sqlite3_column_text(st, 4);
      if (csv) {
        csv_cell(doc ? doc : "", doc ? strlen(doc) : 0);
        printf(",%s,%lld,%lld,", k ? k : "", s, e);
        csv_cell(snip ? snip : "", snip ? strlen(snip) : 0);
        putchar('\n');
      } else {
        printf("%s [%lld,%lld) %s: ", doc ? doc : "<stdin>", s, e, k ? k : "");
        print_flat(snip);
        putchar('\n');
      }
    }
  }
  if (rc != SQLITE_DONE) {
    fprintf(stderr, "%s: error: search: %s\n", prog, sqlite3_errmsg(db));
    status = rc == SQLITE_ERROR ? CLI_INPUT : CLI_IO;
  }
  sqlite3_finalize(st);
  free(match);
  sqlite3_close(db);
  return status;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return CLI_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
    usage(stdout);
    return CLI_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    cli_print_version(prog);
    printf("SQLite %s, schema version %d\n", sqlite3_libversion(), db_schema_version());
    return CLI_OK;
  }
  int status;
  if (strcmp(cmd, "ingest") == 0) {
    status = cmd_ingest(argc - 2, argv + 2);
  } else if (strcmp(cmd, "query") == 0) {
    status = cmd_query(argc - 2, argv + 2);
  } else if (strcmp(cmd, "search") == 0) {
    status = cmd_search(argc - 2, argv + 2);
  } else {
    fprintf(stderr, "%s: unknown command '%s' (ingest, query, search)\n", prog, cmd);
    usage(stderr);
    return CLI_USAGE;
  }
  return cli_finish(prog, status);
}
