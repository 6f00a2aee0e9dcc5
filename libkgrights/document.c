/*
 * document.c - reading a parsed document: accessors, diagnostics, kgr_doc_free.
 */
#include "document.h"

#include <stdarg.h>
#include <stdio.h>

static const kgr_str null_str = {NULL, 0};

void kgr_doc_diag(kgr_doc *doc, kgr_severity sev, const char *code,
                  kgr_span span, const char *fmt, ...) {
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (n < 0)
    n = 0;
  if ((size_t)n >= sizeof msg)
    n = (int)sizeof msg - 1;
  kgr_diagnostic *d = KGR_VEC_PUSH(&doc->arena, doc->diagnostics);
  d->severity = sev;
  d->code = kgr_arena_cstr(&doc->arena, code);
  d->message = kgr_arena_str(&doc->arena, msg, (size_t)n);
  d->span = span;
}

/* v (> 0) in decimal with at least `width` digits, as "%0*d" prints it,
 * ending at end; returns where it starts. */
static char *put_digits(char *end, int v, int width) {
  char *p = end;
  for (; v > 0 || width > 0; v /= 10, width--)
    *--p = (char)('0' + v % 10);
  return p;
}

kgr_str kgr_doc_iso_date(kgr_doc *doc, kgr_ymd d) {
  if (d.year <= 0 || d.year > 9999)
    return null_str;
  kgr_ymd key = {d.year, d.month > 0 ? d.month : 1, d.day > 0 ? d.day : 1};
  /* Start and end are often the same day: one copy serves both. */
  if (doc->iso_last.ptr && doc->iso_last_ymd.year == key.year &&
      doc->iso_last_ymd.month == key.month && doc->iso_last_ymd.day == key.day)
    return doc->iso_last;
  /* "%04d-%02d-%02d" by hand: a date for every event, and snprintf costs
   * hundreds of instructions a call. */
  char buf[32], *end = buf + sizeof buf;
  char *p = put_digits(end, key.day, 2);
  *--p = '-';
  p = put_digits(p, key.month, 2);
  *--p = '-';
  p = put_digits(p, key.year, 4);
  doc->iso_last = kgr_arena_str(&doc->arena, p, (size_t)(end - p));
  doc->iso_last_ymd = key;
  return doc->iso_last;
}

void kgr_doc_free(kgr_doc *doc) {
  if (!doc)
    return;
  kgr_alloc alc = doc->arena.alc;
  kgr_arena_release(&doc->arena);
  alc.free(alc.ctx, doc);
}

const char *kgr_doc_input(const kgr_doc *doc, size_t *len) {
  if (len)
    *len = doc ? doc->input_len : 0;
  return doc ? doc->input : NULL;
}

kgr_str kgr_doc_name(const kgr_doc *doc) { return doc ? doc->name : null_str; }
kgr_str kgr_doc_sha256(const kgr_doc *doc) { return doc ? doc->sha256 : null_str; }
kgr_kind kgr_doc_kind(const kgr_doc *doc) { return doc ? doc->kind : KGR_KIND_UNKNOWN; }
kgr_str kgr_doc_title(const kgr_doc *doc) { return doc ? doc->title : null_str; }
kgr_span kgr_doc_title_span(const kgr_doc *doc) {
  return doc ? doc->title_span : (kgr_span){0, 0};
}
kgr_str kgr_doc_date(const kgr_doc *doc) { return doc ? doc->date : null_str; }
kgr_date_source kgr_doc_date_source(const kgr_doc *doc) {
  return doc ? doc->date_source : KGR_DATE_SOURCE_NONE;
}
kgr_str kgr_doc_country(const kgr_doc *doc) { return doc ? doc->country : null_str; }
const kgr_issuer *kgr_doc_issuer(const kgr_doc *doc) {
  return doc && doc->has_issuer ? &doc->issuer : NULL;
}

/* Counted accessors: one pair per record list. */
#define KGR_ACCESSORS(single, field, type)                              \
  size_t kgr_doc_##single##_count(const kgr_doc *doc) {                 \
    return doc ? doc->field.count : 0;                                  \
  }                                                                     \
  const type *kgr_doc_##single(const kgr_doc *doc, size_t i) {          \
    return doc && i < doc->field.count ? &doc->field.items[i] : NULL;   \
  }

KGR_ACCESSORS(addressee, addressees, kgr_mention)
KGR_ACCESSORS(demand, demands, kgr_demand)
KGR_ACCESSORS(signatory, signatories, kgr_signatory)
KGR_ACCESSORS(event, events, kgr_event)
KGR_ACCESSORS(figure, figures, kgr_figure)
KGR_ACCESSORS(person, persons, kgr_person)
KGR_ACCESSORS(organization, organizations, kgr_organization)
KGR_ACCESSORS(place, places, kgr_place)
KGR_ACCESSORS(footnote, footnotes, kgr_footnote)
KGR_ACCESSORS(link, links, kgr_link)
KGR_ACCESSORS(instrument, instruments, kgr_mention)
KGR_ACCESSORS(section, sections, kgr_section)
KGR_ACCESSORS(diagnostic, diagnostics, kgr_diagnostic)

size_t kgr_doc_right_count(const kgr_doc *doc) { return doc ? doc->rights.count : 0; }
kgr_right kgr_doc_right(const kgr_doc *doc, size_t i) {
  return doc && i < doc->rights.count ? doc->rights.items[i] : KGR_RIGHT_OTHER;
}

size_t kgr_doc_means_count(const kgr_doc *doc) { return doc ? doc->means.count : 0; }
kgr_means kgr_doc_means(const kgr_doc *doc, size_t i) {
  return doc && i < doc->means.count ? doc->means.items[i] : KGR_MEANS_OTHER;
}

bool kgr_doc_locate(const kgr_doc *doc, size_t offset, size_t *line,
                    size_t *column) {
  if (!doc || offset > doc->input_len)
    return false;
  size_t l = 1, c = 1;
  for (size_t i = 0; i < offset; i++) {
    unsigned char ch = (unsigned char)doc->input[i];
    if (ch == '\n') {
      l++;
      c = 1;
    } else if ((ch & 0xC0) != 0x80) { /* count code points, not bytes */
      c++;
    }
  }
  if (line)
    *line = l;
  if (column)
    *column = c;
  return true;
}
