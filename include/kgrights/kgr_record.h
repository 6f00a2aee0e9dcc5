/*
 * kgr_record.h - the typed records of a parsed document.
 *
 * Every struct here is read-only for the caller and borrowed from the
 * kgr_doc it came from: valid until kgr_doc_free(), never freed on its own.
 * Arrays are a pointer plus a count; a count of 0 may come with a NULL
 * pointer. The JSON names of each field are those of the document record
 * (OUTPUT.md, schema "kgrights.document/1"). Fields are only ever added at
 * the end of a struct.
 */
#ifndef KGRIGHTS_KGR_RECORD_H
#define KGRIGHTS_KGR_RECORD_H

#include "kgr_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** ## Vocabularies */

/** What kind of document this is. */
typedef enum kgr_kind {
  KGR_KIND_UNKNOWN = 0,
  KGR_KIND_APPEAL,          /**< a call signed by one or more organisations */
  KGR_KIND_INCIDENT_REPORT  /**< a statement that documents incidents */
} kgr_kind;

/** Event types; kgr_event_type_name() gives the record's string. */
typedef enum kgr_event_type {
  KGR_EVENT_OTHER = 0,
  KGR_EVENT_ELECTION,
  KGR_EVENT_PROTEST,
  KGR_EVENT_FORCE_AGAINST_PROTESTERS,
  KGR_EVENT_CLASH,
  KGR_EVENT_ATTACK_ON_JOURNALIST,
  KGR_EVENT_ATTACK_ON_HEALTH_WORKERS,
  KGR_EVENT_SEIZURE_OF_BUILDING,
  KGR_EVENT_PRISONER_RELEASE,
  KGR_EVENT_RESIGNATION,
  KGR_EVENT_ANNULMENT,
  KGR_EVENT_STATE_OF_EMERGENCY,
  KGR_EVENT_LOOTING,
  KGR_EVENT_ARREST,
  KGR_EVENT_KILLING,
  KGR_EVENT_TORTURE,
  KGR_EVENT_STATEMENT,
  KGR_EVENT_TYPE_COUNT
} kgr_event_type;

/** Figure kinds. */
typedef enum kgr_figure_kind {
  KGR_FIG_OTHER = 0,
  KGR_FIG_KILLED,
  KGR_FIG_INJURED,
  KGR_FIG_HOSPITALIZED,
  KGR_FIG_DETAINED,
  KGR_FIG_MISSING,
  KGR_FIG_PARTICIPANTS,
  KGR_FIG_INCIDENTS,
  KGR_FIG_CASES,
  KGR_FIG_KIND_COUNT
} kgr_figure_kind;

/** How a figure's value is bounded ("over 600", "about 50"). */
typedef enum kgr_qualifier {
  KGR_QUAL_EXACT = 0,
  KGR_QUAL_OVER,   /**< over, more than, at least */
  KGR_QUAL_UNDER,  /**< up to, fewer than, at most */
  KGR_QUAL_ABOUT,  /**< about, around, some, approximately, dozens */
  KGR_QUAL_COUNT
} kgr_qualifier;

/** Means of force. */
typedef enum kgr_means {
  KGR_MEANS_OTHER = 0,
  KGR_MEANS_WATER_CANNON,
  KGR_MEANS_TEAR_GAS,
  KGR_MEANS_RUBBER_BULLETS,
  KGR_MEANS_STUN_GRENADES,
  KGR_MEANS_LIVE_AMMUNITION,
  KGR_MEANS_BATONS,
  KGR_MEANS_PEPPER_SPRAY,
  KGR_MEANS_FIREARMS,
  KGR_MEANS_COUNT
} kgr_means;

/** Actor categories. */
typedef enum kgr_actor_category {
  KGR_ACTOR_OTHER = 0,
  KGR_ACTOR_STATE_FORCES,
  KGR_ACTOR_STATE_OFFICIALS,
  KGR_ACTOR_PROTESTERS,
  KGR_ACTOR_UNIDENTIFIED,
  KGR_ACTOR_ARMED_GROUP,
  KGR_ACTOR_CIVIL_SOCIETY,
  KGR_ACTOR_MEDIA,
  KGR_ACTOR_HEALTH_WORKERS,
  KGR_ACTOR_INTERNATIONAL,
  KGR_ACTOR_CATEGORY_COUNT
} kgr_actor_category;

/** Rights invoked. */
typedef enum kgr_right {
  KGR_RIGHT_OTHER = 0,
  KGR_RIGHT_LIFE,
  KGR_RIGHT_LIBERTY_SECURITY,
  KGR_RIGHT_EXPRESSION,
  KGR_RIGHT_MEDIA_FREEDOM,
  KGR_RIGHT_ASSEMBLY,
  KGR_RIGHT_ASSOCIATION,
  KGR_RIGHT_PARTICIPATION,
  KGR_RIGHT_TORTURE,
  KGR_RIGHT_FAIR_TRIAL,
  KGR_RIGHT_PRIVACY,
  KGR_RIGHT_MOVEMENT,
  KGR_RIGHT_HEALTH,
  KGR_RIGHT_COUNT
} kgr_right;

/** Demand themes. */
typedef enum kgr_theme {
  KGR_THEME_OTHER = 0,
  KGR_THEME_DIALOGUE,
  KGR_THEME_ELECTIONS,
  KGR_THEME_FUNDAMENTAL_RIGHTS,
  KGR_THEME_PROTECTION_OF_JOURNALISTS,
  KGR_THEME_CIVIL_SOCIETY,
  KGR_THEME_SAFETY,
  KGR_THEME_RULE_OF_LAW,
  KGR_THEME_ACCOUNTABILITY,
  KGR_THEME_INVESTIGATION,
  KGR_THEME_INTERNATIONAL_SUPPORT,
  KGR_THEME_USE_OF_FORCE,
  KGR_THEME_COUNT
} kgr_theme;

/** Precision of a date. */
typedef enum kgr_precision {
  KGR_PRECISION_NONE = 0,
  KGR_PRECISION_DAY,
  KGR_PRECISION_MONTH,
  KGR_PRECISION_YEAR
} kgr_precision;

/** Where a date's year came from. */
typedef enum kgr_year_source {
  KGR_YEAR_NONE = 0,   /**< no year could be found: the date has year 0 */
  KGR_YEAR_STATED,     /**< written in the date itself */
  KGR_YEAR_DOCUMENT,   /**< taken from the document's date or a nearby stated year */
  KGR_YEAR_REFERENCE,  /**< from the caller's reference date */
  KGR_YEAR_URL         /**< from a year in a cited URL such as /2020/10/ */
} kgr_year_source;

/** Where a document's date came from. */
typedef enum kgr_date_source {
  KGR_DATE_SOURCE_NONE = 0,
  KGR_DATE_SOURCE_STATED,   /**< a date line */
  KGR_DATE_SOURCE_INFERRED  /**< derived from the body */
} kgr_date_source;

/** Whether a signatory's countries were written or inferred from its name. */
typedef enum kgr_countries_source {
  KGR_COUNTRIES_NONE = 0,
  KGR_COUNTRIES_STATED,
  KGR_COUNTRIES_INFERRED
} kgr_countries_source;

/** Diagnostic severity. */
typedef enum kgr_severity {
  KGR_SEVERITY_INFO = 0,
  KGR_SEVERITY_WARNING,
  KGR_SEVERITY_ERROR
} kgr_severity;

/**
 * The record's string for each vocabulary value ("force_against_protesters").
 * @return a static string; never NULL (out-of-range values give "other",
 *         or "unknown" for kinds). Thread safe.
 */
KGR_EXPORT const char *kgr_kind_name(kgr_kind k);
KGR_EXPORT const char *kgr_event_type_name(kgr_event_type t);
KGR_EXPORT const char *kgr_figure_kind_name(kgr_figure_kind k);
KGR_EXPORT const char *kgr_qualifier_name(kgr_qualifier q);
KGR_EXPORT const char *kgr_means_name(kgr_means m);
KGR_EXPORT const char *kgr_actor_category_name(kgr_actor_category c);
KGR_EXPORT const char *kgr_right_name(kgr_right r);
KGR_EXPORT const char *kgr_theme_name(kgr_theme t);
/** "day", "month", "year"; NULL for KGR_PRECISION_NONE. */
KGR_EXPORT const char *kgr_precision_name(kgr_precision p);
/** "stated", "document", "reference", "url"; NULL for KGR_YEAR_NONE. */
KGR_EXPORT const char *kgr_year_source_name(kgr_year_source s);
/** "stated", "inferred"; NULL for KGR_DATE_SOURCE_NONE. */
KGR_EXPORT const char *kgr_date_source_name(kgr_date_source s);
/** "stated", "inferred"; NULL for KGR_COUNTRIES_NONE. */
KGR_EXPORT const char *kgr_countries_source_name(kgr_countries_source s);
/** "info", "warning", "error". */
KGR_EXPORT const char *kgr_severity_name(kgr_severity s);
/**
 * The ACLED event_type and sub_event_type that an event type maps to.
 * @param t the event type.
 * @param sub_event_type receives the sub-event type (static string or
 *        NULL); may be NULL.
 * @return the ACLED event type (static string), or NULL where no ACLED
 *         category fits (then *sub_event_type is set to NULL too).
 */
KGR_EXPORT const char *kgr_event_type_acled(kgr_event_type t, const char **sub_event_type);

/** ## Records */

/** A calendar day; 0 in `month` or `day` means "not given". */
typedef struct kgr_ymd {
  int year;
  int month;
  int day;
} kgr_ymd;

/**
 * A date or date range ("During the night of 5 - 6 October").
 * `start_iso`/`end_iso` are "YYYY-MM-DD" (the first/last day of the month or
 * year at coarser precision), or NULL when the year could not be resolved.
 */
typedef struct kgr_date {
  kgr_ymd start;
  kgr_ymd end;
  kgr_precision precision;
  kgr_year_source year_source;
  kgr_str text;       /**< as written */
  kgr_span span;
  kgr_str start_iso;
  kgr_str end_iso;
} kgr_date;

/** A count about people or incidents ("over 600 people being injured"). */
typedef struct kgr_figure {
  kgr_figure_kind kind;
  int64_t value;
  kgr_qualifier qualifier;
  kgr_str unit_text;     /**< the counted noun as written ("people") */
  kgr_str date;          /**< ISO date of the sentence's date, or NULL */
  const int *sources;    /**< footnote numbers backing the figure */
  size_t source_count;
  kgr_str text;          /**< the figure's phrase as written */
  kgr_span span;
} kgr_figure;

/** A named place. `has_coordinates` says whether lat/lon are known. */
typedef struct kgr_place {
  kgr_str name;
  kgr_str country;   /**< ISO 3166-1 alpha-2, or NULL */
  kgr_str admin1;    /**< first-level region, or NULL */
  double lat;
  double lon;
  bool has_coordinates;
  kgr_span span;     /**< first mention */
} kgr_place;

/** A named person. */
typedef struct kgr_person {
  kgr_str name;
  const kgr_str *roles;
  size_t role_count;
  kgr_str affiliation;
  kgr_span span;
} kgr_person;

/** Who acted in an event. */
typedef struct kgr_actor {
  kgr_str name;
  kgr_actor_category category;
} kgr_actor;

/** A named organisation other than a signatory. */
typedef struct kgr_organization {
  kgr_str name;
  kgr_str acronym;
  kgr_str country;
  kgr_span span;
} kgr_organization;

/** A numbered note and the URLs in it. */
typedef struct kgr_footnote {
  int number;
  kgr_str text;
  const kgr_str *urls;
  size_t url_count;
  kgr_span span;
} kgr_footnote;

/** An inline link such as [anchor text](target). */
typedef struct kgr_link {
  kgr_str text;
  kgr_str target;
  kgr_span span;
} kgr_link;

/** A section of the document: title, body, "Background", "Signed by"... */
typedef struct kgr_section {
  kgr_str heading;   /**< as written, trimmed; NULL for the untitled body */
  kgr_span span;     /**< heading and content */
} kgr_section;

/** Something the parser could not read, or a note about how it read it. */
typedef struct kgr_diagnostic {
  kgr_severity severity;
  kgr_str code;      /**< stable machine-readable code ("invalid-utf8") */
  kgr_str message;   /**< English explanation */
  kgr_span span;
} kgr_diagnostic;

/** A call, recommendation or "must" statement. */
typedef struct kgr_demand {
  kgr_str text;          /**< reflowed into one line */
  kgr_str addressee;     /**< who is called upon, or NULL */
  const kgr_theme *themes;
  size_t theme_count;
  kgr_span span;
} kgr_demand;

/** An organisation or person that signed. */
typedef struct kgr_signatory {
  int position;          /**< number in the list; 0 when unnumbered */
  kgr_str name;
  kgr_str acronym;
  const kgr_str *countries;  /**< ISO 3166-1 alpha-2 codes */
  size_t country_count;
  kgr_countries_source countries_source;
  kgr_span span;
} kgr_signatory;

/** A quoted text with its span (addressees, instruments). */
typedef struct kgr_mention {
  kgr_str text;
  kgr_span span;
} kgr_mention;

/** The publishing organisation or network. */
typedef struct kgr_issuer {
  kgr_str name;
  kgr_str acronym;
  kgr_span span;
} kgr_issuer;

/** One distinct happening. */
typedef struct kgr_event {
  kgr_event_type type;
  const kgr_date *date;      /**< NULL when no date applies */
  const kgr_place *places;
  size_t place_count;
  const kgr_actor *actors;
  size_t actor_count;
  const kgr_person *victims;
  size_t victim_count;
  const kgr_means *means;
  size_t means_count;
  const kgr_figure *figures;
  size_t figure_count;
  const int *sources;        /**< footnote numbers */
  size_t source_count;
  kgr_str text;              /**< the sentence(s), reflowed */
  kgr_span span;
} kgr_event;

#ifdef __cplusplus
}
#endif

#endif /* KGRIGHTS_KGR_RECORD_H */
