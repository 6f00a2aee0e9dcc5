/*
 * kgr_db_schema.h - the corpus database's schema as a list of migrations,
 * applied in order (kgr-db). Public API of libkgrights is not involved.
 */
#ifndef KGR_EXAMPLES_DB_SCHEMA_H
#define KGR_EXAMPLES_DB_SCHEMA_H

#include <sqlite3.h>

/* The schema version this program writes (the number of migrations). */
int db_schema_version(void);

/*
 * Bring the database up to db_schema_version(): each missing migration runs
 * in its own transaction, then PRAGMA user_version and the schema_version
 * table record it. Returns SQLITE_OK, or an error with a message in
 * *errmsg (free it with sqlite3_free) - also when the file's version is
 * newer than this program's.
 */
int db_migrate(sqlite3 *db, char **errmsg);

#endif /* KGR_EXAMPLES_DB_SCHEMA_H */
