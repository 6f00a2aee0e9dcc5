/*
 * gazetteer.h - countries and places compiled into the library.
 *
 * Countries come from Debian's iso-codes (ISO 3166-1 names, official names,
 * Russian translations) plus a demonym/adjective table; places from the
 * GeoNames cities data shipped in Debian's libgeonames (CC BY 4.0) and ISO
 * 3166-2 regions from iso-codes. See libkgrights/data/README.md.
 */
#ifndef KGR_GAZETTEER_H
#define KGR_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef struct kgr_country {
  const char *alpha2; /* "KG" */
  const char *alpha3; /* "KGZ" */
  const char *name;   /* common English name: "Kyrgyzstan" */
  double lat, lon;    /* capital's coordinates where known, else NaN */
} kgr_country;

/* The country with this alpha-2 code (case-insensitive), or NULL. */
const kgr_country *kgr_country_by_code(const char *alpha2, size_t len);

/*
 * A country named, or adjectived, by text[0, len) exactly (case-insensitive):
 * "Kyrgyzstan", "Kyrgyz Republic", "Kyrgyz", "USA", "United States",
 * "Bulgarian", "Russia", "Россия", "российский"... NULL if none.
 * *is_name (may be NULL) is set true for a country name, false for an
 * adjective or demonym.
 */
const kgr_country *kgr_country_lookup(const char *text, size_t len, bool *is_name);

/*
 * The longest country name or adjective starting at text[pos] (a word
 * start) and ending at a word boundary. Returns bytes matched, 0 if none.
 */
size_t kgr_country_match(const char *text, size_t len, size_t pos,
                         const kgr_country **out, bool *is_name);

typedef enum kgr_place_kind {
  KGR_PLACE_CITY = 0,
  KGR_PLACE_REGION, /* ISO 3166-2 subdivision */
  KGR_PLACE_COUNTRY
} kgr_place_kind;

typedef struct kgr_gaz_entry {
  const char *name;    /* as GeoNames writes it: "Bishkek" */
  const char *country; /* alpha-2 */
  const char *admin1;  /* region name, or "" */
  float lat, lon;      /* NaN for regions without coordinates */
  uint32_t population;
  uint8_t kind;        /* kgr_place_kind */
} kgr_gaz_entry;

/*
 * The place called text[0, len) (case-insensitive; also matches common
 * alternate spellings where the data has them). When several places share
 * the name, prefer one in `country_hint` (alpha-2, or NULL), then the most
 * populous. NULL if none.
 */
const kgr_gaz_entry *kgr_gaz_lookup(const char *text, size_t len,
                                    const char *country_hint);

/*
 * The longest place name starting at text[pos] (a word start), ending at a
 * word boundary, whose first letter is upper case in the text. Same
 * preference rule. Returns bytes matched, 0 if none.
 */
size_t kgr_gaz_match(const char *text, size_t len, size_t pos,
                     const char *country_hint, const kgr_gaz_entry **out);

#endif /* KGR_GAZETTEER_H */
