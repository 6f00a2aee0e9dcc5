/*
 * names.c - the record's strings for each vocabulary value, and the ACLED
 * categories that event types map to.
 */
#include "kgrights/kgr_record.h"

#include <stddef.h>

#define KGR_COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))
#define KGR_NAME(table, v, fallback) \
  ((size_t)(v) < KGR_COUNT_OF(table) && (table)[(v)] ? (table)[(v)] : (fallback))

static const char *const kind_names[] = {"unknown", "appeal", "incident_report"};
static const char *const event_names[] = {
    "other", "election", "protest", "force_against_protesters", "clash",
    "attack_on_journalist", "attack_on_health_workers", "seizure_of_building",
    "prisoner_release", "resignation", "annulment", "state_of_emergency",
    "looting", "arrest", "killing", "torture", "statement"};
static const char *const figure_names[] = {
    "other", "killed", "injured", "hospitalized", "detained", "missing",
    "participants", "incidents", "cases"};
static const char *const qualifier_names[] = {"exact", "over", "under", "about"};
static const char *const means_names[] = {
    "other", "water_cannon", "tear_gas", "rubber_bullets", "stun_grenades",
    "live_ammunition", "batons", "pepper_spray", "firearms"};
static const char *const actor_names[] = {
    "other", "state_forces", "state_officials", "protesters", "unidentified",
    "armed_group", "civil_society", "media", "health_workers", "international"};
static const char *const right_names[] = {
    "other", "life", "liberty_security", "expression", "media_freedom",
    "assembly", "association", "participation", "torture", "fair_trial",
    "privacy", "movement", "health"};
static const char *const theme_names[] = {
    "other", "dialogue", "elections", "fundamental_rights",
    "protection_of_journalists", "civil_society", "safety", "rule_of_law",
    "accountability", "investigation", "international_support", "use_of_force"};
static const char *const precision_names[] = {NULL, "day", "month", "year"};
static const char *const year_source_names[] = {NULL, "stated", "document",
                                                "reference", "url"};
static const char *const stated_inferred[] = {NULL, "stated", "inferred"};
static const char *const severity_names[] = {"info", "warning", "error"};

/* ACLED's event_type / sub_event_type for each kgr_event_type; NULL where
 * no ACLED category fits (statements, resignations, annulments). */
static const char *const acled_types[][2] = {
    [KGR_EVENT_OTHER] = {NULL, NULL},
    [KGR_EVENT_ELECTION] = {NULL, NULL},
    [KGR_EVENT_PROTEST] = {"Protests", "Peaceful protest"},
    [KGR_EVENT_FORCE_AGAINST_PROTESTERS] = {"Protests", "Excessive force against protesters"},
    [KGR_EVENT_CLASH] = {"Riots", "Violent demonstration"},
    [KGR_EVENT_ATTACK_ON_JOURNALIST] = {"Violence against civilians", "Attack"},
    [KGR_EVENT_ATTACK_ON_HEALTH_WORKERS] = {"Violence against civilians", "Attack"},
    [KGR_EVENT_SEIZURE_OF_BUILDING] = {"Strategic developments", "Non-violent transfer of territory"},
    [KGR_EVENT_PRISONER_RELEASE] = {"Strategic developments", "Other"},
    [KGR_EVENT_RESIGNATION] = {"Strategic developments", "Other"},
    [KGR_EVENT_ANNULMENT] = {"Strategic developments", "Other"},
    [KGR_EVENT_STATE_OF_EMERGENCY] = {"Strategic developments", "Change to group/activity"},
    [KGR_EVENT_LOOTING] = {"Strategic developments", "Looting/property destruction"},
    [KGR_EVENT_ARREST] = {"Strategic developments", "Arrests"},
    [KGR_EVENT_KILLING] = {"Violence against civilians", "Attack"},
    [KGR_EVENT_TORTURE] = {"Violence against civilians", "Attack"},
    [KGR_EVENT_STATEMENT] = {NULL, NULL},
};

const char *kgr_kind_name(kgr_kind k) { return KGR_NAME(kind_names, k, "unknown"); }
const char *kgr_event_type_name(kgr_event_type t) { return KGR_NAME(event_names, t, "other"); }
const char *kgr_figure_kind_name(kgr_figure_kind k) { return KGR_NAME(figure_names, k, "other"); }
const char *kgr_qualifier_name(kgr_qualifier q) { return KGR_NAME(qualifier_names, q, "exact"); }
const char *kgr_means_name(kgr_means m) { return KGR_NAME(means_names, m, "other"); }
const char *kgr_actor_category_name(kgr_actor_category c) { return KGR_NAME(actor_names, c, "other"); }
const char *kgr_right_name(kgr_right r) { return KGR_NAME(right_names, r, "other"); }
const char *kgr_theme_name(kgr_theme t) { return KGR_NAME(theme_names, t, "other"); }
const char *kgr_precision_name(kgr_precision p) { return KGR_NAME(precision_names, p, NULL); }
const char *kgr_year_source_name(kgr_year_source s) { return KGR_NAME(year_source_names, s, NULL); }
const char *kgr_date_source_name(kgr_date_source s) { return KGR_NAME(stated_inferred, s, NULL); }
const char *kgr_countries_source_name(kgr_countries_source s) { return KGR_NAME(stated_inferred, s, NULL); }
const char *kgr_severity_name(kgr_severity s) { return KGR_NAME(severity_names, s, "error"); }

const char *kgr_event_type_acled(kgr_event_type t, const char **sub_event_type) {
  const char *type = NULL, *sub = NULL;
  if ((size_t)t < KGR_COUNT_OF(acled_types)) {
    type = acled_types[t][0];
    sub = acled_types[t][1];
  }
  if (sub_event_type)
    *sub_event_type = sub;
  return type;
}

#include <string.h>

#include "vocab.h"

int kgr_vocab_value(kgr_vocab v, const char *name) {
  const char *const *table;
  size_t n;
  switch (v) {
  case KGR_VOCAB_EVENT_TYPE: table = event_names; n = KGR_COUNT_OF(event_names); break;
  case KGR_VOCAB_FIGURE_KIND: table = figure_names; n = KGR_COUNT_OF(figure_names); break;
  case KGR_VOCAB_QUALIFIER: table = qualifier_names; n = KGR_COUNT_OF(qualifier_names); break;
  case KGR_VOCAB_MEANS: table = means_names; n = KGR_COUNT_OF(means_names); break;
  case KGR_VOCAB_ACTOR_CATEGORY: table = actor_names; n = KGR_COUNT_OF(actor_names); break;
  case KGR_VOCAB_RIGHT: table = right_names; n = KGR_COUNT_OF(right_names); break;
  case KGR_VOCAB_THEME: table = theme_names; n = KGR_COUNT_OF(theme_names); break;
  default: return -1;
  }
  if (!name)
    return -1;
  for (size_t i = 0; i < n; i++)
    if (strcmp(table[i], name) == 0)
      return (int)i;
  return -1;
}
