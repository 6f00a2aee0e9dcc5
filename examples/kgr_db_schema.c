/*
 * kgr_db_schema.c - the corpus database's schema and its migrations.
 *
 * A database records its version in PRAGMA user_version (and the history in
 * the schema_version table). Migration i takes version i to i + 1. Never
 * edit a released migration: append a new one.
 */
#include "kgr_db_schema.h"

#include <stddef.h>
#include <stdio.h>

static const char *const migrations[] = {
    /* 1: the records of each document, with spans into its content. */
    "CREATE TABLE schema_version (\n"
    "  version INTEGER PRIMARY KEY,\n"
    "  applied_at TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE documents (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  sha256 TEXT NOT NULL UNIQUE,      -- of content: re-ingesting is a no-op\n"
    "  name TEXT,\n"
    "  bytes INTEGER NOT NULL,\n"
    "  kind TEXT NOT NULL,\n"
    "  title TEXT,\n"
    "  date TEXT,\n"
    "  date_source TEXT,\n"
    "  country TEXT,\n"
    "  issuer_name TEXT,\n"
    "  issuer_acronym TEXT,\n"
    "  parser_version TEXT NOT NULL,     -- libkgrights that read it\n"
    "  ingested_at TEXT NOT NULL,\n"
    "  content BLOB NOT NULL             -- the input; spans are byte offsets into it\n"
    ");\n"
    "CREATE TABLE events (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  idx INTEGER NOT NULL,             -- index in the document's events\n"
    "  type TEXT NOT NULL,\n"
    "  acled_event_type TEXT,\n"
    "  acled_sub_event_type TEXT,\n"
    "  date_start TEXT,\n"
    "  date_end TEXT,\n"
    "  date_precision TEXT,\n"
    "  year_source TEXT,\n"
    "  date_text TEXT,\n"
    "  means TEXT,                       -- joined with '; '\n"
    "  victims TEXT,                     -- joined with '; '\n"
    "  sources TEXT,                     -- footnote numbers joined with '; '\n"
    "  text TEXT,\n"
    "  span_start INTEGER NOT NULL,\n"
    "  span_end INTEGER NOT NULL,\n"
    "  UNIQUE (document_id, idx)\n"
    ");\n"
    "CREATE TABLE event_actors (\n"
    "  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,\n"
    "  position INTEGER NOT NULL,\n"
    "  name TEXT,\n"
    "  category TEXT NOT NULL,\n"
    "  PRIMARY KEY (event_id, position)\n"
    ");\n"
    "CREATE TABLE figures (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  idx INTEGER,                      -- index in the document's figures, or NULL\n"
    "  kind TEXT NOT NULL,\n"
    "  value INTEGER NOT NULL,\n"
    "  qualifier TEXT NOT NULL,\n"
    "  unit_text TEXT,\n"
    "  date TEXT,\n"
    "  sources TEXT,\n"
    "  text TEXT,\n"
    "  span_start INTEGER NOT NULL,\n"
    "  span_end INTEGER NOT NULL\n"
    ");\n"
    "CREATE TABLE event_figures (\n"
    "  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,\n"
    "  figure_id INTEGER NOT NULL REFERENCES figures(id) ON DELETE CASCADE,\n"
    "  PRIMARY KEY (event_id, figure_id)\n"
    ");\n"
    "CREATE TABLE persons (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  idx INTEGER NOT NULL,\n"
    "  name TEXT NOT NULL,\n"
    "  roles TEXT,\n"
    "  affiliation TEXT,\n"
    "  span_start INTEGER NOT NULL,\n"
    "  span_end INTEGER NOT NULL\n"
    ");\n"
    "CREATE TABLE signatories (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  idx INTEGER NOT NULL,\n"
    "  position INTEGER,\n"
    "  name TEXT NOT NULL,\n"
    "  acronym TEXT,\n"
    "  countries TEXT,                   -- ISO alpha-2 codes joined with ';'\n"
    "  countries_source TEXT,\n"
    "  span_start INTEGER NOT NULL,\n"
    "  span_end INTEGER NOT NULL\n"
    ");\n"
    "CREATE TABLE places (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  idx INTEGER,                      -- index in the document's places, or NULL\n"
    "  name TEXT NOT NULL,\n"
    "  country TEXT,\n"
    "  admin1 TEXT,\n"
    "  lat REAL,\n"
    "  lon REAL,\n"
    "  span_start INTEGER NOT NULL,\n"
    "  span_end INTEGER NOT NULL\n"
    ");\n"
    "CREATE TABLE event_places (\n"
    "  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,\n"
    "  place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE CASCADE,\n"
    "  PRIMARY KEY (event_id, place_id)\n"
    ");\n"
    "CREATE TABLE footnotes (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  number INTEGER NOT NULL,\n"
    "  text TEXT,\n"
    "  urls TEXT,                        -- joined with ' '\n"
    "  span_start INTEGER NOT NULL,\n"
    "  span_end INTEGER NOT NULL\n"
    ");\n"
    "-- Full-text search over the paragraphs of each document and the text of\n"
    "-- each event (kind 'paragraph' or 'event'; ref_id is events.id for events).\n"
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(\n"
    "  text, kind UNINDEXED, document_id UNINDEXED, ref_id UNINDEXED,\n"
    "  span_start UNINDEXED, span_end UNINDEXED,\n"
    "  tokenize = 'unicode61 remove_diacritics 2'\n"
    ");\n"
    "CREATE INDEX events_by_document ON events(document_id);\n"
    "CREATE INDEX figures_by_document ON figures(document_id, span_start, span_end);\n"
    "CREATE INDEX persons_by_document ON persons(document_id);\n"
    "CREATE INDEX signatories_by_document ON signatories(document_id);\n"
    "CREATE INDEX places_by_document ON places(document_id, name);\n"
    "CREATE INDEX footnotes_by_document ON footnotes(document_id);\n"
    "CREATE INDEX event_places_by_place ON event_places(place_id);\n"
    "CREATE INDEX event_figures_by_figure ON event_figures(figure_id);\n",

    /* 2: lookups by what researchers filter on, and a one-row-per-event view. */
    "CREATE INDEX events_by_type_date ON events(type, date_start);\n"
    "CREATE INDEX figures_by_kind ON figures(kind);\n"
    "CREATE INDEX signatories_by_name ON signatories(name);\n"
    "CREATE VIEW event_summary AS\n"
    "SELECT d.name AS document, e.idx AS event_index, e.type, e.date_start, e.date_end,\n"
    "       (SELECT group_concat(p.name, '; ') FROM event_places ep\n"
    "          JOIN places p ON p.id = ep.place_id WHERE ep.event_id = e.id) AS places,\n"
    "       (SELECT min(f.value) FROM event_figures ef JOIN figures f ON f.id = ef.figure_id\n"
    "          WHERE ef.event_id = e.id AND f.kind = 'killed') AS killed,\n"
    "       (SELECT min(f.value) FROM event_figures ef JOIN figures f ON f.id = ef.figure_id\n"
    "          WHERE ef.event_id = e.id AND f.kind = 'injured') AS injured,\n"
    "       e.text, e.span_start, e.span_end\n"
    "FROM events e JOIN documents d ON d.id = e.document_id;\n",
};

enum { MIGRATION_COUNT = (int)(sizeof migrations / sizeof *migrations) };

int db_schema_version(void) { return MIGRATION_COUNT; }

static int user_version(sqlite3 *db, int *out) {
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
  if (rc != SQLITE_OK)
    return rc;
  rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *out = sqlite3_column_int(st, 0);
    rc = SQLITE_OK;
  }
  sqlite3_finalize(st);
  return rc;
}

/* Apply the next missing migration; *done when there is none. The
 * version is read inside the write transaction, so that two programs
 * migrating one file at once do not both apply a step. */
static int migrate_step(sqlite3 *db, int *done, char **errmsg) {
  int version = 0;
  int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, errmsg);
  if (rc != SQLITE_OK)
    return rc;
  rc = user_version(db, &version);
  if (rc != SQLITE_OK) {
    *errmsg = sqlite3_mprintf("%s", sqlite3_errmsg(db));
  } else if (version > MIGRATION_COUNT) {
    *errmsg = sqlite3_mprintf("the database has schema version %d; this program knows up to %d",
                              version, MIGRATION_COUNT);
    rc = SQLITE_ERROR;
  } else if (version == MIGRATION_COUNT) {
    *done = 1;
  } else {
    char record[256];
    snprintf(record, sizeof record,
             "INSERT INTO schema_version (version, applied_at) VALUES "
             "(%d, strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now'));\n"
             "PRAGMA user_version = %d;\n",
             version + 1, version + 1);
    rc = sqlite3_exec(db, migrations[version], NULL, NULL, errmsg);
    if (rc == SQLITE_OK)
      rc = sqlite3_exec(db, record, NULL, NULL, errmsg);
  }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "COMMIT", NULL, NULL, errmsg);
  if (rc != SQLITE_OK)
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  return rc;
}

int db_migrate(sqlite3 *db, char **errmsg) {
  *errmsg = NULL;
  int done = 0, rc = SQLITE_OK;
  while (!done && rc == SQLITE_OK)
    rc = migrate_step(db, &done, errmsg);
  return rc;
}
