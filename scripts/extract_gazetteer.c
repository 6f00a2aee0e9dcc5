/*
 * extract_gazetteer.c - dump the GeoNames cities compiled into Debian's
 * libgeonames0 as TSV on stdout, one city a line:
 *
 *   geonameid  name  country-alpha2  admin1-name  lat  lon  population
 *
 * Used only by scripts/extract-gazetteer; the library never links
 * libgeonames. Data: GeoNames (geonames.org), CC BY 4.0.
 */
#include <geonames.h>
#include <stdio.h>
#include <string.h>

/* Tabs or newlines inside a field would break the TSV. */
static const char *clean(const char *s) { return (s && !strpbrk(s, "\t\r\n")) ? s : NULL; }

int main(void) {
  int n = geonames_get_n_cities();
  for (int i = 0; i < n; i++) {
    GeonamesCity *c = geonames_get_city(i);
    /* The geonameid is not exposed by the API, but a GeonamesCity is a
     * GVariant whose first member is it; we need it to join the per-locale
     * name catalogues (geonames.mo), which are keyed by it. Refuse to guess
     * if the layout ever changes. */
    if (!g_variant_is_of_type(c, G_VARIANT_TYPE_TUPLE) || g_variant_n_children(c) < 1) {
      fprintf(stderr, "extract_gazetteer: unexpected city layout %s\n",
              g_variant_get_type_string(c));
      return 1;
    }
    GVariant *idv = g_variant_get_child_value(c, 0);
    const char *id =
        g_variant_is_of_type(idv, G_VARIANT_TYPE_STRING) ? g_variant_get_string(idv, NULL) : NULL;
    const char *name = clean(geonames_city_get_name(c));
    const char *cc = clean(geonames_city_get_country_code(c));
    const char *state = clean(geonames_city_get_state(c));
    if (!id || !name || !cc) {
      fprintf(stderr, "extract_gazetteer: city %d has no id, name or country\n", i);
      return 1;
    }
    printf("%s\t%s\t%s\t%s\t%.5f\t%.5f\t%u\n", id, name, cc, state ? state : "",
           geonames_city_get_latitude(c), geonames_city_get_longitude(c),
           geonames_city_get_population(c));
    g_variant_unref(idv);
    geonames_city_free(c);
  }
  return fflush(stdout) == 0 ? 0 : 1;
}
