/*
 * document.h - the inside of a kgr_doc, shared by the parsers that fill it
 * and the accessors and writers that read it.
 */
#ifndef KGR_DOCUMENT_H
#define KGR_DOCUMENT_H

#include "kgrights/kgr_doc.h"
#include "arena.h"

typedef KGR_VEC(kgr_mention) kgr_mention_vec;
typedef KGR_VEC(kgr_demand) kgr_demand_vec;
typedef KGR_VEC(kgr_signatory) kgr_signatory_vec;
typedef KGR_VEC(kgr_event) kgr_event_vec;
typedef KGR_VEC(kgr_figure) kgr_figure_vec;
typedef KGR_VEC(kgr_person) kgr_person_vec;
typedef KGR_VEC(kgr_organization) kgr_organization_vec;
typedef KGR_VEC(kgr_place) kgr_place_vec;
typedef KGR_VEC(kgr_footnote) kgr_footnote_vec;
typedef KGR_VEC(kgr_link) kgr_link_vec;
typedef KGR_VEC(kgr_section) kgr_section_vec;
typedef KGR_VEC(kgr_diagnostic) kgr_diagnostic_vec;
typedef KGR_VEC(kgr_right) kgr_right_vec;
typedef KGR_VEC(kgr_means) kgr_means_vec;
typedef KGR_VEC(kgr_str) kgr_str_vec;
typedef KGR_VEC(int) kgr_int_vec;

struct kgr_doc {
  kgr_arena arena;
  const char *input; /* the arena's copy of the input; spans index it */
  size_t input_len;
  kgr_str name;
  kgr_str sha256;
  kgr_ymd reference; /* the caller's reference date (year 0 when none) */
  kgr_str iso_last;  /* kgr_doc_iso_date()'s last string, for its date: */
  kgr_ymd iso_last_ymd;

  kgr_kind kind;
  kgr_str title;
  kgr_span title_span;
  kgr_str date;      /* ISO */
  kgr_ymd date_ymd;  /* year 0 when unknown */
  kgr_span date_span;
  kgr_date_source date_source;
  kgr_str country;
  kgr_issuer issuer;
  bool has_issuer;

  kgr_mention_vec addressees;
  kgr_demand_vec demands;
  kgr_signatory_vec signatories;
  kgr_event_vec events;
  kgr_figure_vec figures;
  kgr_person_vec persons;
  kgr_organization_vec organizations;
  kgr_place_vec places;
  kgr_footnote_vec footnotes;
  kgr_link_vec links;
  kgr_mention_vec instruments;
  kgr_right_vec rights;
  kgr_means_vec means; /* union of the events' means, in order of first use */
  kgr_section_vec sections;
  kgr_diagnostic_vec diagnostics;
};

/* Append a diagnostic; `fmt` is printf-style. */
void kgr_doc_diag(kgr_doc *doc, kgr_severity sev, const char *code,
                  kgr_span span, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Format a kgr_ymd as ISO into the arena ("2020-10-05", or "2020-10" style
 * is never produced: missing month/day fill with 01). Null when year is 0. */
kgr_str kgr_doc_iso_date(kgr_doc *doc, kgr_ymd d);

#endif /* KGR_DOCUMENT_H */
