/*
 * test_formats.c - the tabular and map writers (kgr_formats.h): CSV (header
 * columns, RFC 4180 quoting, lowest counts), ACLED (dates and their
 * precision, actors and inter codes, iso, geo precision, conservative
 * fatalities split over rows), HXL (the hashtag row), GeoJSON (valid JSON,
 * [lon, lat], kgr:skipped), signatories, choosing a writer by name, bad
 * arguments and a sink that stops. Documents are built by hand
 * (formats_fixture.h) so that the expected values are exact.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "formats_fixture.h"
#include "kgrights/kgr_formats.h"

/* ---- a sink collecting the output ------------------------------------------ */

typedef struct sink {
  char *data;
  size_t len, cap;
  size_t calls;
  size_t stop_at_call; /* refuse this call (1-based); 0: never */
} sink;

static int sink_write(void *ctx, const char *data, size_t len) {
  sink *s = ctx;
  if (s->stop_at_call && ++s->calls >= s->stop_at_call)
    return 1;
  if (s->len + len + 1 > s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 1024;
    while (cap < s->len + len + 1)
      cap *= 2;
    char *p = realloc(s->data, cap);
    if (!p)
      return 1;
    s->data = p;
    s->cap = cap;
  }
  memcpy(s->data + s->len, data, len);
  s->len += len;
  s->data[s->len] = '\0';
  return 0;
}

static void sink_reset(sink *s) {
  free(s->data);
  memset(s, 0, sizeof *s);
}

/* ---- a small RFC 4180 reader, to check the output cell by cell ------------ */

enum { MAX_ROWS = 300, MAX_CELLS = 40 };

typedef struct table {
  size_t rows;
  size_t cells[MAX_ROWS];
  char *cell[MAX_ROWS][MAX_CELLS];
} table;

static void table_free(table *t) {
  for (size_t r = 0; r < t->rows; r++)
    for (size_t c = 0; c < t->cells[r]; c++)
      free(t->cell[r][c]);
  memset(t, 0, sizeof *t);
}

/* Parse `csv` (rows end with \n or \r\n outside quotes). */
static void table_read(table *t, const char *csv) {
  memset(t, 0, sizeof *t);
  const char *p = csv;
  while (*p) {
    assert_true(t->rows < MAX_ROWS);
    size_t r = t->rows++;
    for (;;) {
      assert_true(t->cells[r] < MAX_CELLS);
      char *out = malloc(strlen(p) + 1);
      assert_non_null(out);
      size_t n = 0;
      if (*p == '"') {
        p++;
        for (;;) {
          assert_true(*p != '\0'); /* an unterminated quote */
          if (*p == '"' && p[1] == '"') {
            out[n++] = '"';
            p += 2;
          } else if (*p == '"') {
            p++;
            break;
          } else {
            out[n++] = *p++;
          }
        }
      } else {
        while (*p && *p != ',' && *p != '\n' && !(*p == '\r' && p[1] == '\n')) {
          assert_true(*p != '"'); /* a quote in an unquoted cell */
          out[n++] = *p++;
        }
      }
      out[n] = '\0';
      t->cell[r][t->cells[r]++] = out;
      if (*p == ',') {
        p++;
        continue;
      }
      if (*p == '\r')
        p++;
      assert_true(*p == '\n'); /* every row ends with a newline */
      p++;
      break;
    }
  }
}

/* The cell of row r under the header `name` (row 0 is the header). */
static const char *cell(const table *t, size_t r, const char *name) {
  assert_true(r < t->rows);
  for (size_t c = 0; c < t->cells[0]; c++)
    if (strcmp(t->cell[0][c], name) == 0) {
      assert_true(c < t->cells[r]);
      return t->cell[r][c];
    }
  fail_msg("no column %s", name);
  return NULL;
}

/* ---- a JSON syntax check (RFC 8259), for the GeoJSON ------------------------ */

static const char *json_ws(const char *p) {
  while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
    p++;
  return p;
}

static const char *json_value(const char *p, int depth);

static const char *json_string(const char *p) {
  if (*p++ != '"')
    return NULL;
  while (*p != '"') {
    if ((unsigned char)*p < 0x20)
      return NULL;
    if (*p == '\\') {
      p++;
      if (*p == 'u') {
        for (int i = 1; i <= 4; i++)
          if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
            return NULL;
        p += 4;
      } else if (!*p || !strchr("\"\\/bfnrt", *p)) {
        return NULL;
      }
    }
    p++;
  }
  return p + 1;
}

static const char *json_number(const char *p) {
  const char *s = p;
  if (*p == '-')
    p++;
  if (*p == '0')
    p++;
  else if (*p >= '1' && *p <= '9')
    while (*p >= '0' && *p <= '9')
      p++;
  else
    return NULL;
  if (*p == '.') {
    p++;
    if (!(*p >= '0' && *p <= '9'))
      return NULL;
    while (*p >= '0' && *p <= '9')
      p++;
  }
  return p > s ? p : NULL;
}

static const char *json_value(const char *p, int depth) {
  if (depth > 64)
    return NULL;
  p = json_ws(p);
  if (*p == '{' || *p == '[') {
    char close = *p == '{' ? '}' : ']';
    p = json_ws(p + 1);
    if (*p == close)
      return p + 1;
    for (;;) {
      if (close == '}') {
        p = json_string(json_ws(p));
        if (!p)
          return NULL;
        p = json_ws(p);
        if (*p++ != ':')
          return NULL;
      }
      p = json_value(p, depth + 1);
      if (!p)
        return NULL;
      p = json_ws(p);
      if (*p == close)
        return p + 1;
      if (*p++ != ',')
        return NULL;
    }
  }
  if (*p == '"')
    return json_string(p);
  if (strncmp(p, "true", 4) == 0 || strncmp(p, "null", 4) == 0)
    return p + 4;
  if (strncmp(p, "false", 5) == 0)
    return p + 5;
  return json_number(p);
}

static bool json_valid(const char *s) {
  const char *end = json_value(s, 0);
  return end && *json_ws(end) == '\0';
}

static size_t count(const char *hay, const char *needle) {
  size_t n = 0;
  for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
    n++;
  return n;
}

/* ---- the document ------------------------------------------------------------- */

static const char *const doc_name = "reports, \"October\".txt";

/*
 * 0 force_against_protesters, 5 October, Bishkek: killed 2 and "more than
 *   one", injured over 600; its text holds a comma, quotes and a newline.
 * 1 protest, 5-7 October, Ala-Too Square (no coordinates).
 * 2 statement, 6 October (no ACLED category).
 * 3 clash, October (month precision), Bishkek and Osh, killed 3.
 * 4 killing, undated, no place, about five killed, an invalid byte.
 */
static kgr_doc *sample(void) {
  kgr_doc *d = fx_doc(doc_name, "KG");
  d->has_issuer = true;
  d->issuer.name = fx_str(d, "Steppe Rights Monitor");

  size_t e = fx_event(d, KGR_EVENT_FORCE_AGAINST_PROTESTERS, "2020-10-05", NULL, 0,
                      "Police fired \"rubber bullets\", then\nleft.");
  fx_place(d, e, "Bishkek", "KG", "Bishkek", true, 42.87, 74.59);
  fx_actor(d, e, "police", KGR_ACTOR_STATE_FORCES);
  fx_actor(d, e, "protesters", KGR_ACTOR_PROTESTERS);
  fx_figure(d, e, KGR_FIG_KILLED, 2, KGR_QUAL_EXACT, "two people");
  fx_figure(d, e, KGR_FIG_KILLED, 1, KGR_QUAL_OVER, "more than one person");
  fx_figure(d, e, KGR_FIG_INJURED, 600, KGR_QUAL_OVER, "over 600 people");
  fx_source(d, e, 1, "https://example.org/a,b");

  e = fx_event(d, KGR_EVENT_PROTEST, "2020-10-05", "2020-10-07", 0, "Crowds gathered.");
  fx_place(d, e, "Ala-Too Square", "KG", NULL, false, 0, 0);

  fx_event(d, KGR_EVENT_STATEMENT, "2020-10-06", NULL, 0, "A statement.");

  e = fx_event(d, KGR_EVENT_CLASH, "2020-10", "2020-10", KGR_PRECISION_MONTH,
               "Clashes in two cities.");
  fx_place(d, e, "Bishkek", "KG", "Bishkek", true, 42.87, 74.59);
  fx_place(d, e, "Osh", "KG", "Osh", true, 40.52828, 72.7985);
  fx_actor(d, e, "protesters", KGR_ACTOR_PROTESTERS);
  fx_figure(d, e, KGR_FIG_KILLED, 3, KGR_QUAL_EXACT, "three people");

  e = fx_event(d, KGR_EVENT_KILLING, NULL, NULL, 0, "A bad \xff byte.");
  fx_figure(d, e, KGR_FIG_KILLED, 5, KGR_QUAL_ABOUT, "about five");
  return d;
}

static int fixture_setup(void **state) {
  *state = sample();
  return 0;
}

static int fixture_teardown(void **state) {
  kgr_doc_free(*state);
  return 0;
}

#define KGR_TEST(f) cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)

static void write_table(const kgr_doc *d, kgr_status (*fn)(const kgr_doc *, uint32_t,
                                                             kgr_write_fn, void *),
                        uint32_t flags, table *t, sink *s) {
  memset(s, 0, sizeof *s);
  assert_int_equal(fn(d, flags, sink_write, s), KGR_OK);
  assert_non_null(s->data);
  table_read(t, s->data);
}

/* ---- CSV ------------------------------------------------------------------------ */

static void test_csv(void **state) {
  const kgr_doc *d = *state;
  sink s;
  table t;
  write_table(d, kgr_doc_write_csv, KGR_FORMAT_HEADER, &t, &s);
  assert_true(strncmp(s.data,
                      "document,event_index,type,acled_event_type,acled_sub_event_type,"
                      "date_start,date_end,date_precision,year_source,date_text,places,"
                      "country,admin1,latitude,longitude,actors,victims,means,killed,"
                      "injured,hospitalized,detained,missing,participants,figures,sources,"
                      "source_urls,text,span_start,span_end\n",
                      strlen("document,event_index,")) == 0);
  assert_int_equal(t.cells[0], 30);
  assert_string_equal(t.cell[0][29], "span_end");
  assert_int_equal(t.rows, 6); /* the header and five events */
  for (size_t r = 1; r < t.rows; r++)
    assert_int_equal(t.cells[r], 30);

  /* RFC 4180: the quoted cells as written, quotes doubled, newline kept. */
  assert_non_null(strstr(s.data, "\"reports, \"\"October\"\".txt\",0,"));
  assert_non_null(strstr(s.data, ",\"Police fired \"\"rubber bullets\"\", then\nleft.\","));
  assert_string_equal(cell(&t, 1, "document"), doc_name);
  assert_string_equal(cell(&t, 1, "text"), "Police fired \"rubber bullets\", then\nleft.");
  assert_string_equal(cell(&t, 1, "type"), "force_against_protesters");
  assert_string_equal(cell(&t, 1, "acled_sub_event_type"), "Excessive force against protesters");
  assert_string_equal(cell(&t, 1, "date_start"), "2020-10-05");
  assert_string_equal(cell(&t, 1, "places"), "Bishkek");
  assert_string_equal(cell(&t, 1, "country"), "KG");
  assert_string_equal(cell(&t, 1, "latitude"), "42.87");
  assert_string_equal(cell(&t, 1, "longitude"), "74.59");
  assert_string_equal(cell(&t, 1, "actors"), "police (state_forces); protesters (protesters)");
  assert_string_equal(cell(&t, 1, "killed"), "1"); /* the lowest: "more than one" */
  assert_string_equal(cell(&t, 1, "injured"), "600");
  assert_string_equal(cell(&t, 1, "hospitalized"), "");
  assert_string_equal(cell(&t, 1, "figures"),
                      "killed exact 2; killed over 1; injured over 600");
  assert_string_equal(cell(&t, 1, "sources"), "1");
  assert_string_equal(cell(&t, 1, "source_urls"), "https://example.org/a,b");
  assert_string_equal(cell(&t, 1, "span_start"), "100");
  assert_string_equal(cell(&t, 1, "span_end"), "150");
  /* No coordinates: empty cells, the place still named. */
  assert_string_equal(cell(&t, 2, "places"), "Ala-Too Square");
  assert_string_equal(cell(&t, 2, "latitude"), "");
  assert_string_equal(cell(&t, 2, "date_end"), "2020-10-07");
  assert_string_equal(cell(&t, 3, "acled_event_type"), "");
  assert_string_equal(cell(&t, 4, "places"), "Bishkek; Osh");
  /* Undated, placeless: the document's country; invalid UTF-8 repaired. */
  assert_string_equal(cell(&t, 5, "date_start"), "");
  assert_string_equal(cell(&t, 5, "country"), "KG");
  assert_string_equal(cell(&t, 5, "text"), "A bad \xEF\xBF\xBD byte.");
  assert_string_equal(cell(&t, 5, "killed"), "5");
  table_free(&t);
  sink_reset(&s);

  /* Without the header: just the five rows; with CRLF: rows end in CRLF
   * while the newline inside a quoted cell stays as it was. */
  assert_int_equal(kgr_doc_write_csv(d, 0, sink_write, &s), KGR_OK);
  assert_int_equal(count(s.data, "\n"), 6);
  assert_true(strncmp(s.data, "\"reports", 8) == 0);
  sink_reset(&s);
  assert_int_equal(kgr_doc_write_csv(d, KGR_FORMAT_HEADER | KGR_FORMAT_CRLF, sink_write, &s),
                   KGR_OK);
  assert_int_equal(count(s.data, "\r\n"), 6);
  assert_int_equal(count(s.data, "\n"), 7);
  sink_reset(&s);
}

/* ---- ACLED ------------------------------------------------------------------------ */

static void test_acled(void **state) {
  const kgr_doc *d = *state;
  sink s;
  table t;
  write_table(d, kgr_doc_write_acled, KGR_FORMAT_HEADER, &t, &s);
  static const char *const want[] = {
      "event_id_cnty", "event_date", "year", "time_precision", "event_type",
      "sub_event_type", "actor1", "inter1", "actor2", "inter2", "interaction",
      "country", "iso", "admin1", "location", "latitude", "longitude",
      "geo_precision", "source", "notes", "fatalities", "source_document",
      "span_start", "span_end"};
  assert_int_equal(t.cells[0], sizeof want / sizeof *want);
  for (size_t c = 0; c < sizeof want / sizeof *want; c++)
    assert_string_equal(t.cell[0][c], want[c]);
  /* Events 0, 1, 3 (two places), 4; the statement has no ACLED category. */
  assert_int_equal(t.rows, 1 + 5);
  assert_null(strstr(s.data, "A statement."));

  /* Force against protesters on a known day in a known town. */
  char id[32];
  snprintf(id, sizeof id, "KGZ-%.8s-1", d->sha256.ptr);
  assert_string_equal(cell(&t, 1, "event_id_cnty"), id);
  assert_string_equal(cell(&t, 1, "event_date"), "2020-10-05");
  assert_string_equal(cell(&t, 1, "year"), "2020");
  assert_string_equal(cell(&t, 1, "time_precision"), "1");
  assert_string_equal(cell(&t, 1, "event_type"), "Protests");
  assert_string_equal(cell(&t, 1, "sub_event_type"), "Excessive force against protesters");
  assert_string_equal(cell(&t, 1, "actor1"), "Protesters (Kyrgyzstan)");
  assert_string_equal(cell(&t, 1, "inter1"), "6");
  assert_string_equal(cell(&t, 1, "actor2"), "police");
  assert_string_equal(cell(&t, 1, "inter2"), "1");
  assert_string_equal(cell(&t, 1, "interaction"), "16");
  assert_string_equal(cell(&t, 1, "country"), "Kyrgyzstan");
  assert_string_equal(cell(&t, 1, "iso"), "417");
  assert_string_equal(cell(&t, 1, "admin1"), "Bishkek");
  assert_string_equal(cell(&t, 1, "location"), "Bishkek");
  assert_string_equal(cell(&t, 1, "latitude"), "42.87");
  assert_string_equal(cell(&t, 1, "longitude"), "74.59");
  assert_string_equal(cell(&t, 1, "geo_precision"), "1");
  assert_string_equal(cell(&t, 1, "source"), "Steppe Rights Monitor");
  assert_string_equal(cell(&t, 1, "notes"), "Police fired \"rubber bullets\", then\nleft.");
  /* The most conservative count: "more than one" beats "two". */
  assert_string_equal(cell(&t, 1, "fatalities"), "1");
  assert_string_equal(cell(&t, 1, "source_document"), doc_name);

  /* A three-day protest: week precision, its middle day; no coordinates. */
  assert_string_equal(cell(&t, 2, "event_date"), "2020-10-06");
  assert_string_equal(cell(&t, 2, "time_precision"), "2");
  assert_string_equal(cell(&t, 2, "sub_event_type"), "Peaceful protest");
  assert_string_equal(cell(&t, 2, "actor2"), "");
  assert_string_equal(cell(&t, 2, "interaction"), "60");
  assert_string_equal(cell(&t, 2, "location"), "Ala-Too Square");
  assert_string_equal(cell(&t, 2, "latitude"), "");
  assert_string_equal(cell(&t, 2, "geo_precision"), "");
  assert_string_equal(cell(&t, 2, "fatalities"), "0");

  /* Month precision; two towns, two rows; three killed split 2 + 1. */
  assert_string_equal(cell(&t, 3, "event_type"), "Riots");
  assert_string_equal(cell(&t, 3, "actor1"), "Rioters (Kyrgyzstan)");
  assert_string_equal(cell(&t, 3, "inter1"), "5");
  assert_string_equal(cell(&t, 3, "interaction"), "50");
  assert_string_equal(cell(&t, 3, "time_precision"), "3");
  assert_string_equal(cell(&t, 3, "event_date"), "2020-10-16");
  assert_string_equal(cell(&t, 3, "location"), "Bishkek");
  assert_string_equal(cell(&t, 4, "location"), "Osh");
  assert_string_equal(cell(&t, 4, "latitude"), "40.52828");
  assert_string_equal(cell(&t, 3, "fatalities"), "2");
  assert_string_equal(cell(&t, 4, "fatalities"), "1");
  snprintf(id, sizeof id, "KGZ-%.8s-4-2", d->sha256.ptr);
  assert_string_equal(cell(&t, 4, "event_id_cnty"), id);

  /* Undated and placeless: written, with empty date and location. */
  assert_string_equal(cell(&t, 5, "event_type"), "Violence against civilians");
  assert_string_equal(cell(&t, 5, "event_date"), "");
  assert_string_equal(cell(&t, 5, "year"), "");
  assert_string_equal(cell(&t, 5, "time_precision"), "");
  assert_string_equal(cell(&t, 5, "location"), "");
  assert_string_equal(cell(&t, 5, "country"), "Kyrgyzstan");
  assert_string_equal(cell(&t, 5, "fatalities"), "5");
  table_free(&t);
  sink_reset(&s);
}

/* A one-event document in another country, and one in no country. */
static void test_acled_countries(void **state) {
  (void)state;
  kgr_doc *d = fx_doc("x.txt", NULL);
  size_t e = fx_event(d, KGR_EVENT_ARREST, "2021-01-23", NULL, 0, "Arrests.");
  fx_place(d, e, "Moscow", "RU", "Moscow", true, 55.75222, 37.61556);
  fx_actor(d, e, "police", KGR_ACTOR_STATE_FORCES);
  e = fx_event(d, KGR_EVENT_ARREST, "2021-01-23", NULL, 0, "More arrests.");
  sink s;
  table t;
  write_table(d, kgr_doc_write_acled, KGR_FORMAT_HEADER, &t, &s);
  assert_int_equal(t.rows, 3);
  assert_string_equal(cell(&t, 1, "country"), "Russian Federation");
  assert_string_equal(cell(&t, 1, "iso"), "643");
  assert_string_equal(cell(&t, 1, "sub_event_type"), "Arrests");
  assert_string_equal(cell(&t, 1, "interaction"), "10");
  assert_true(strncmp(cell(&t, 1, "event_id_cnty"), "RUS-", 4) == 0);
  /* No country anywhere: empty cells and an XXX id, never a guess. */
  assert_string_equal(cell(&t, 2, "country"), "");
  assert_string_equal(cell(&t, 2, "iso"), "");
  assert_true(strncmp(cell(&t, 2, "event_id_cnty"), "XXX-", 4) == 0);
  /* No issuer: the source is the document. */
  assert_string_equal(cell(&t, 2, "source"), "x.txt");
  table_free(&t);
  sink_reset(&s);
  kgr_doc_free(d);
}

/* ---- HXL ---------------------------------------------------------------------------- */

static void test_hxl(void **state) {
  const kgr_doc *d = *state;
  sink s;
  table t;
  write_table(d, kgr_doc_write_hxl, KGR_FORMAT_HEADER, &t, &s);
  static const char *const tags[] = {
      "#meta+id", "#date+occurred", "#date+end", "#event+type", "#event+type+acled",
      "#country+code", "#country+name", "#adm1+name", "#loc+name", "#geo+lat", "#geo+lon",
      "#affected+killed", "#affected+injured", "#affected+hospitalized",
      "#affected+detained", "#affected+missing", "#org", "#meta+source+url",
      "#description", "#meta+source+document", "#meta+span"};
  assert_int_equal(t.cells[1], sizeof tags / sizeof *tags);
  assert_int_equal(t.cells[0], t.cells[1]);
  for (size_t c = 0; c < sizeof tags / sizeof *tags; c++)
    assert_string_equal(t.cell[1][c], tags[c]);
  assert_string_equal(t.cell[0][1], "Date");
  /* Header, hashtags, then 1 + 1 + 1 + 2 + 1 rows. */
  assert_int_equal(t.rows, 2 + 6);
  assert_string_equal(t.cell[2][1], "2020-10-05");
  assert_string_equal(t.cell[2][4], "Protests: Excessive force against protesters");
  assert_string_equal(t.cell[2][5], "KGZ");
  assert_string_equal(t.cell[2][8], "Bishkek");
  assert_string_equal(t.cell[2][9], "42.87");
  assert_string_equal(t.cell[2][10], "74.59");
  assert_string_equal(t.cell[2][11], "1");   /* killed: the lowest */
  assert_string_equal(t.cell[2][12], "600"); /* injured */
  assert_string_equal(t.cell[2][16], "Steppe Rights Monitor");
  assert_string_equal(t.cell[2][17], "https://example.org/a,b");
  assert_string_equal(t.cell[2][20], "100-150");
  /* The clash's counts on its first row only, so that sums stay right. */
  assert_string_equal(t.cell[5][8], "Bishkek");
  assert_string_equal(t.cell[5][11], "3");
  assert_string_equal(t.cell[6][8], "Osh");
  assert_string_equal(t.cell[6][11], "");
  table_free(&t);
  sink_reset(&s);
  /* Without the flag: no header rows at all. */
  assert_int_equal(kgr_doc_write_hxl(d, 0, sink_write, &s), KGR_OK);
  assert_null(strstr(s.data, "#meta+id"));
  sink_reset(&s);
}

/* ---- GeoJSON -------------------------------------------------------------------------- */

static void test_geojson(void **state) {
  const kgr_doc *d = *state;
  sink s = {0};
  assert_int_equal(kgr_doc_write_geojson(d, KGR_FORMAT_COMPACT, sink_write, &s), KGR_OK);
  assert_true(json_valid(s.data));
  assert_true(strncmp(s.data, "{\"type\":\"FeatureCollection\",\"features\":[", 40) == 0);
  /* Event 0 in Bishkek, event 3 in Bishkek and Osh: three points, [lon, lat]. */
  assert_int_equal(count(s.data, "\"type\":\"Feature\""), 3);
  assert_int_equal(count(s.data, "\"coordinates\":[74.59,42.87]"), 2);
  assert_int_equal(count(s.data, "\"coordinates\":[72.7985,40.52828]"), 1);
  assert_non_null(strstr(s.data, "\"type\":\"Point\""));
  assert_non_null(strstr(s.data, "\"type\":\"force_against_protesters\""));
  assert_non_null(strstr(s.data, "\"source_urls\":[\"https://example.org/a,b\"]"));
  assert_non_null(strstr(s.data, "{\"kind\":\"injured\",\"value\":600,\"qualifier\":\"over\""));
  /* The protest (no coordinates), the statement and the killing. */
  assert_non_null(strstr(s.data, "\"kgr:skipped\":3}"));
  assert_null(strstr(s.data, "Crowds gathered"));
  sink_reset(&s);

  assert_int_equal(kgr_doc_write_geojson(d, 0, sink_write, &s), KGR_OK);
  assert_true(json_valid(s.data));
  assert_non_null(strchr(s.data, '\n'));
  sink_reset(&s);

  /* Several documents, one collection; none at all is still valid. */
  const kgr_doc *two[2] = {d, d};
  assert_int_equal(kgr_docs_write_geojson(two, 2, KGR_FORMAT_COMPACT, sink_write, &s), KGR_OK);
  assert_true(json_valid(s.data));
  assert_int_equal(count(s.data, "\"type\":\"Feature\""), 6);
  assert_non_null(strstr(s.data, "\"kgr:skipped\":6}"));
  sink_reset(&s);
  assert_int_equal(kgr_docs_write_geojson(NULL, 0, KGR_FORMAT_COMPACT, sink_write, &s), KGR_OK);
  assert_string_equal(s.data, "{\"type\":\"FeatureCollection\",\"features\":[],\"kgr:skipped\":0}");
  sink_reset(&s);
}

/* ---- signatories ------------------------------------------------------------------------ */

static void test_signatories(void **state) {
  (void)state;
  kgr_doc *d = fx_doc("appeal.txt", "KG");
  kgr_signatory *g = KGR_VEC_PUSH(&d->arena, d->signatories);
  g->position = 1;
  g->name = fx_str(d, "Truth, Justice and Memory");
  g->acronym = fx_str(d, "TJM");
  kgr_str *c = kgr_arena_calloc(&d->arena, 2 * sizeof *c);
  c[0] = fx_str(d, "UA");
  c[1] = fx_str(d, "GE");
  g->countries = c;
  g->country_count = 2;
  g->countries_source = KGR_COUNTRIES_STATED;
  g->span = (kgr_span){10, 40};
  g = KGR_VEC_PUSH(&d->arena, d->signatories);
  g->name = fx_str(d, "Dr. Anna Petrova");
  sink s;
  table t;
  write_table(d, kgr_doc_write_signatories_csv, KGR_FORMAT_HEADER, &t, &s);
  assert_string_equal(s.data,
                      "document,position,name,acronym,countries,countries_source,span_start,"
                      "span_end\n"
                      "appeal.txt,1,\"Truth, Justice and Memory\",TJM,UA;GE,stated,10,40\n"
                      "appeal.txt,,Dr. Anna Petrova,,,,0,0\n");
  table_free(&t);
  sink_reset(&s);
  kgr_doc_free(d);
}

/* ---- by name, bad arguments, a sink that stops ------------------------------------------- */

static void test_by_name(void **state) {
  const kgr_doc *d = *state;
  static const char *const names[] = {"csv", "acled", "hxl", "geojson", "signatories"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    sink s = {0};
    assert_int_equal(kgr_doc_write_format(d, names[i], KGR_FORMAT_HEADER, sink_write, &s),
                     KGR_OK);
    size_t len = 0;
    char *str = kgr_doc_to_format(d, names[i], KGR_FORMAT_HEADER, &len);
    assert_non_null(str);
    assert_int_equal(len, s.len);
    assert_memory_equal(str, s.data, len);
    assert_int_equal(str[len], '\0');
    kgr_free(str);
    sink_reset(&s);
  }
  /* The ACLED export by name is the ACLED writer. */
  char *a = kgr_doc_to_format(d, "acled", KGR_FORMAT_HEADER, NULL);
  assert_non_null(a);
  assert_true(strncmp(a, "event_id_cnty,event_date,", 25) == 0);
  kgr_free(a);
  assert_null(kgr_doc_to_format(d, "xml", 0, NULL));
  assert_null(kgr_doc_to_format(d, NULL, 0, NULL));
  assert_null(kgr_doc_to_format(NULL, "csv", 0, NULL));
  assert_int_equal(kgr_doc_write_format(d, "CSV", 0, sink_write, NULL), KGR_EINVAL);
}

typedef kgr_status (*writer)(const kgr_doc *, uint32_t, kgr_write_fn, void *);

static const writer writers[] = {kgr_doc_write_csv, kgr_doc_write_acled, kgr_doc_write_hxl,
                                 kgr_doc_write_geojson, kgr_doc_write_signatories_csv};

static void test_inval(void **state) {
  const kgr_doc *d = *state;
  sink s = {0};
  for (size_t i = 0; i < sizeof writers / sizeof *writers; i++) {
    assert_int_equal(writers[i](NULL, 0, sink_write, &s), KGR_EINVAL);
    assert_int_equal(writers[i](d, 0, NULL, &s), KGR_EINVAL);
    assert_int_equal(writers[i](d, 1u << 20, sink_write, &s), KGR_EINVAL);
  }
  const kgr_doc *with_null[2] = {d, NULL};
  assert_int_equal(kgr_docs_write_geojson(with_null, 2, 0, sink_write, &s), KGR_EINVAL);
  assert_int_equal(kgr_docs_write_geojson(NULL, 1, 0, sink_write, &s), KGR_EINVAL);
  assert_null(s.data); /* nothing written on the way */
}

static void test_sink_stops(void **state) {
  const kgr_doc *d = *state;
  for (size_t i = 0; i < sizeof writers / sizeof *writers; i++) {
    sink s = {0};
    s.stop_at_call = 1;
    assert_int_equal(writers[i](d, KGR_FORMAT_HEADER, sink_write, &s), KGR_EIO);
    sink_reset(&s);
  }
}

/* A large document: output goes out in bounded pieces, the rows stay whole. */
static void test_many_events(void **state) {
  (void)state;
  kgr_doc *d = fx_doc("many.txt", "KG");
  char text[64];
  for (int i = 0; i < 3000; i++) {
    snprintf(text, sizeof text, "Event number %d, with a comma.", i);
    size_t e = fx_event(d, KGR_EVENT_PROTEST, "2020-10-05", NULL, 0, text);
    fx_place(d, e, "Bishkek", "KG", "Bishkek", true, 42.87, 74.59);
  }
  for (size_t i = 0; i < sizeof writers / sizeof *writers; i++) {
    sink s = {0};
    assert_int_equal(writers[i](d, KGR_FORMAT_HEADER | KGR_FORMAT_COMPACT, sink_write, &s),
                     KGR_OK);
    if (writers[i] == kgr_doc_write_geojson)
      assert_int_equal(count(s.data, "\"type\":\"Feature\""), 3000);
    else if (writers[i] != kgr_doc_write_signatories_csv)
      assert_int_equal(count(s.data, "with a comma.\""), 3000);
    sink_reset(&s);
  }
  kgr_doc_free(d);
}

/* Every bundled sample, parsed: each writer succeeds, every CSV row has as
 * many cells as the header, and the GeoJSON is valid JSON. */
static void test_samples(void **state) {
  (void)state;
  DIR *dir = opendir(KGR_DATA_DIR);
  if (!dir) {
    printf("# samples folder %s is absent: test skipped\n", KGR_DATA_DIR);
    skip();
  }
  struct dirent *ent;
  size_t n = 0;
  while ((ent = readdir(dir))) {
    size_t len = strlen(ent->d_name);
    if (len < 5 || strcmp(ent->d_name + len - 4, ".txt") != 0)
      continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", KGR_DATA_DIR, ent->d_name);
    kgr_doc *d = kgr_parse_file(path, NULL, NULL);
    assert_non_null(d);
    n++;
    for (size_t i = 0; i < sizeof writers / sizeof *writers; i++) {
      sink s = {0};
      assert_int_equal(writers[i](d, KGR_FORMAT_HEADER, sink_write, &s), KGR_OK);
      if (!s.data)
        continue;
      if (writers[i] == kgr_doc_write_geojson) {
        assert_true(json_valid(s.data));
      } else {
        table t;
        table_read(&t, s.data);
        for (size_t r = 1; r < t.rows; r++)
          assert_int_equal(t.cells[r], t.cells[0]);
        table_free(&t);
      }
      sink_reset(&s);
    }
    kgr_doc_free(d);
  }
  closedir(dir);
  assert_true(n > 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_csv),
      KGR_TEST(test_acled),
      KGR_TEST(test_acled_countries),
      KGR_TEST(test_hxl),
      KGR_TEST(test_geojson),
      KGR_TEST(test_signatories),
      KGR_TEST(test_by_name),
      KGR_TEST(test_inval),
      KGR_TEST(test_sink_stops),
      KGR_TEST(test_many_events),
      KGR_TEST(test_samples),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
