/*
 * signatories.c - the list of organisations (and persons) that signed.
 *
 * The list opens after a heading ("Signed by:", "Signatories",
 * "List of signatories"), after a sentence ending "... signed by the
 * following organisations:", or inline ("Signatories: A; B; C."). Without
 * any of these, a trailing run of organisation-shaped list items or lines
 * is taken. Entries may be list items, lines of one paragraph, or names in
 * one paragraph separated by semicolons or commas.
 *
 * Each entry gives: the name without its trailing parentheticals and
 * country suffixes; an acronym from "(IPHR, Belgium)" or "(GCRT)"; the
 * countries written in them (stated), else the countries its name implies
 * ("Bulgarian Helsinki Committee", "Kharkiv regional foundation ...":
 * inferred); its position is the number written before it, 0 (null) when
 * the list is not numbered. Persons keep their name as written, honorific
 * included ("Dr. Miriam Talgat"), without the role or affiliation after the
 * comma.
 */
#include <string.h>

#include "acronyms.h"
#include "dates.h"
#include "parser.h"
#include "utf8.h"

enum {
  MAX_ENTRY_WORDS = 25,     /* a longer "entry" is prose */
  MAX_LINE_WORDS = 15,      /* lines of a one-per-line list */
  MAX_COUNTRIES = 8,        /* per signatory */
  CITY_POPULATION = 100000, /* smaller places are too often words */
  HEADLESS_MIN_ENTRIES = 3,
  HEADLESS_MAX_AFTER = 4, /* blocks after a list with no heading */
  AND_LOOKAHEAD = 200     /* bytes read after an "and" in a list */
};

/* Where an entry's text comes from: a range of a block's normalised text,
 * or (block NULL) raw input bytes. */
typedef struct src {
  const kgr_block *block;
  const char *text;
} src;

static kgr_span src_span(const src *s, size_t start, size_t end) {
  return s->block ? kgr_block_span(s->block, start, end) : (kgr_span){start, end};
}

/* The list being read. */
typedef struct reader {
  kgr_doc *doc;
  bool dry; /* count org-shaped entries without recording them */
  size_t entries, org_shaped;
} reader;

static bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static void trim(const char *t, size_t *s, size_t *e) {
  while (*s < *e && is_space_byte(t[*s]))
    (*s)++;
  while (*e > *s && is_space_byte(t[*e - 1]))
    (*e)--;
}

/* Does t[s, e) hold a word at all? */
static bool has_word(const char *t, size_t s, size_t e) {
  size_t pos = s;
  kgr_word w;
  return kgr_word_next(t, e, &pos, &w);
}

static bool starts_lower(const char *t, size_t len) {
  uint32_t cp;
  return len > 0 && kgr_utf8_decode(t, len, &cp) && kgr_is_lower(cp);
}

/* A country named by the whole of t[s, e) (leading "the" allowed). */
static const kgr_country *whole_country(const char *t, size_t s, size_t e) {
  trim(t, &s, &e);
  if (e - s > 4 && kgr_ascii_istarts(t + s, e - s, "the "))
    s += 4;
  const kgr_country *c = NULL;
  size_t n = kgr_country_at(t, e, s, &c, NULL);
  return n && s + n == e ? c : NULL;
}

/* A sizeable city named by the whole of t[s, e). */
static const kgr_gaz_entry *whole_city(const char *t, size_t s, size_t e) {
  trim(t, &s, &e);
  if (s == e || !kgr_utf8_starts_upper(t + s, e - s))
    return NULL;
  const kgr_gaz_entry *g = kgr_gaz_lookup(t + s, e - s, NULL);
  return g && g->kind == KGR_PLACE_CITY && g->population >= CITY_POPULATION ? g : NULL;
}

/* What an entry has collected while its parts were read. */
typedef struct parts {
  const kgr_country *stated[MAX_COUNTRIES];
  size_t nstated;
  const kgr_gaz_entry *city; /* a city written beside the name */
  size_t acr_s, acr_e;       /* acronym range, empty if none */
} parts;

static void add_country(const kgr_country **list, size_t *n, const kgr_country *c) {
  for (size_t i = 0; i < *n; i++)
    if (list[i] == c)
      return;
  if (*n < MAX_COUNTRIES)
    list[(*n)++] = c;
}

/* A place of any size named by the whole of t[s, e), written with a
 * capital: "(Vanadzor)" says where an organisation is. */
static const kgr_gaz_entry *whole_place(const char *t, size_t s, size_t e) {
  trim(t, &s, &e);
  if (s == e || !kgr_utf8_starts_upper(t + s, e - s))
    return NULL;
  const kgr_gaz_entry *g = kgr_gaz_lookup(t + s, e - s, NULL);
  return g && g->kind != KGR_PLACE_COUNTRY ? g : NULL;
}

/* Is t[s, e) one capitalised word: a short name in parentheses
 * ("Center for Legal Transformation (Lawtrend)")? */
static bool short_name(const char *t, size_t s, size_t e) {
  trim(t, &s, &e);
  size_t pos = s;
  kgr_word w;
  return e - s <= 24 && kgr_word_next(t, e, &pos, &w) && w.start == s && w.end == e &&
         kgr_word_is_capitalised(t + s, e - s);
}

/*
 * Read the parts of a parenthetical or suffix t[s, e) separated by ',',
 * '/', ';' or " and ": countries, cities, an acronym (in parentheses, a
 * place of any size or a one-word short name too). Returns false, having
 * recorded nothing, when one part is none of these (then it belongs to the
 * name: "(Public Association)").
 */
static bool read_parts(const char *t, size_t s, size_t e, parts *p, bool paren) {
  parts tmp = *p;
  size_t i = s;
  while (i < e) {
    size_t j = i;
    while (j < e && t[j] != ',' && t[j] != '/' && t[j] != ';' &&
           !(j + 5 <= e && memcmp(t + j, " and ", 5) == 0))
      j++;
    size_t ps = i, pe = j;
    trim(t, &ps, &pe);
    if (ps < pe) {
      const kgr_country *c = whole_country(t, ps, pe);
      const kgr_gaz_entry *g = c ? NULL : whole_city(t, ps, pe);
      if (c) {
        add_country(tmp.stated, &tmp.nstated, c);
      } else if (g) {
        tmp.city = g;
      } else if (kgr_is_acronym(t + ps, pe - ps) && tmp.acr_s == tmp.acr_e) {
        tmp.acr_s = ps;
        tmp.acr_e = pe;
      } else if (paren && (g = whole_place(t, ps, pe)) != NULL) {
        tmp.city = g;
      } else if (paren && short_name(t, ps, pe) && tmp.acr_s == tmp.acr_e) {
        tmp.acr_s = ps;
        tmp.acr_e = pe;
      } else {
        return false;
      }
    }
    i = j < e && t[j] == ' ' ? j + 5 : j + 1;
  }
  *p = tmp;
  return true;
}

/* The start of the last segment of t[s, e) after a spaced dash ("Bir
 * Duino - Kyrgyzstan"), or 0 when there is none; *dash gets where the
 * dash (with its leading space) starts. */
static size_t dash_before(const char *t, size_t s, size_t e, size_t *dash) {
  static const char *const dashes[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
  for (size_t i = e; i-- > s;) {
    if (t[i] == ')' || t[i] == ',')
      return 0;
    for (size_t k = 0; k < sizeof dashes / sizeof *dashes; k++) {
      size_t dl = strlen(dashes[k]);
      if (i + dl <= e && i > s && memcmp(t + i, dashes[k], dl) == 0) {
        *dash = i;
        return i + dl;
      }
    }
  }
  return 0;
}

/* Strip the parenthetical and ", Country" suffixes at the end of t[s, *e),
 * recording what they say. */
static void strip_suffixes(const char *t, size_t s, size_t *e, parts *p) {
  for (int rounds = 0; rounds < 6; rounds++) {
    size_t end = *e;
    trim(t, &s, &end);
    while (end > s && (t[end - 1] == ',' || t[end - 1] == ';'))
      end--;
    trim(t, &s, &end);
    if (end > s && t[end - 1] == ')') {
      int depth = 0;
      size_t open = end;
      for (size_t k = end; k-- > s;) {
        if (t[k] == ')')
          depth++;
        else if (t[k] == '(' && --depth == 0) {
          open = k;
          break;
        }
      }
      if (open == end || !read_parts(t, open + 1, end - 1, p, true))
        break;
      *e = open;
      continue;
    }
    /* ", Norway", ", Oslo", and " - Georgia" (a dash: a country only, as
     * "Helsinki Citizens' Assembly - Vanadzor" names a branch) */
    size_t k = end;
    while (k > s && t[k - 1] != ',' && t[k - 1] != '(')
      k--;
    if (k <= s || t[k - 1] != ',') {
      size_t dash = 0, d = dash_before(t, s, end, &dash);
      const kgr_country *c = d ? whole_country(t, d, end) : NULL;
      if (c) {
        add_country(p->stated, &p->nstated, c);
        *e = dash;
        continue;
      }
      *e = end;
      break;
    }
    size_t ss = k, se = end;
    trim(t, &ss, &se);
    if (!read_parts(t, ss, se, p, false)) {
      *e = end;
      break;
    }
    *e = k - 1;
  }
}

/* The countries named by the parts of a hyphenated word: a country's name
 * ("Bir Duino-Kyrgyzstan"), or adjectives when every part is one
 * ("Polish-Ukrainian"), but not "Russian-speaking". Parts are capitalised;
 * one of three letters or fewer is in capitals ("US-Kyrgyz"). */
static void hyphen_countries(const char *t, kgr_word w, const kgr_country **out, size_t *n) {
  const kgr_country *adj[MAX_COUNTRIES];
  size_t nadj = 0, pieces = 0;
  bool all = true;
  for (size_t i = w.start; i < w.end;) {
    size_t j = i;
    while (j < w.end && t[j] != '-')
      j++;
    pieces++;
    bool is_name = false;
    const kgr_country *c = NULL;
    bool shape = j > i && t[i] >= 'A' && t[i] <= 'Z';
    for (size_t k = i; shape && j - i <= 3 && k < j; k++)
      shape = t[k] >= 'A' && t[k] <= 'Z';
    if (shape)
      c = kgr_country_lookup(t + i, j - i, &is_name);
    if (c && is_name)
      add_country(out, n, c);
    else if (c && nadj < MAX_COUNTRIES)
      adj[nadj++] = c;
    else if (!c)
      all = false;
    i = j + 1;
  }
  if (pieces > 1 && all)
    for (size_t k = 0; k < nadj; k++)
      add_country(out, n, adj[k]);
}

/* Is t[s, e) shaped like a person's name: an honorific first, or two to
 * four capitalised words with no organisation or country word? */
static bool person_shaped(const char *t, size_t s, size_t e) {
  size_t end;
  const char *tag = kgr_org_word_at(t, e, s, &end);
  if (tag && strcmp(tag, "honorific") == 0)
    return true;
  /* The words and their case first: the country look-ups cost more. */
  size_t pos = s, words = 0;
  kgr_word w;
  while (kgr_word_next(t, e, &pos, &w))
    if (!kgr_word_is_capitalised(t + w.start, w.end - w.start) || ++words > 4)
      return false;
  if (words < 2)
    return false;
  pos = s;
  while (kgr_word_next(t, e, &pos, &w)) {
    if (kgr_country_at(t, e, w.start, NULL, NULL))
      return false;
    const kgr_country *in_word[MAX_COUNTRIES];
    size_t n = 0;
    hyphen_countries(t, w, in_word, &n); /* "Bir Duino-Kyrgyzstan" */
    if (n)
      return false;
  }
  return !kgr_has_org_word(t + s, e - s, "org") && !kgr_has_org_word(t + s, e - s, "state") &&
         !kgr_is_acronym(t + s, e - s);
}

/* The countries a name implies: country names and adjectives in it
 * ("Bulgarian", "of Armenia"), or, failing those, a sizeable city in it
 * that is not part of an organisation type named after a city ("Helsinki
 * Committee"). "International", "European", "OSCE" never count, nor an
 * adjective after a regional word ("Latin American"). */
static size_t infer_countries(const char *t, size_t s, size_t e, const kgr_country **out) {
  size_t n = 0, pos = s;
  bool after_region = false;
  kgr_word w;
  while (kgr_word_next(t, e, &pos, &w)) {
    size_t tag_end;
    const char *tag = kgr_org_word_at(t, e, w.start, &tag_end);
    if (tag && strcmp(tag, "not_country") == 0) {
      after_region = false;
      continue;
    }
    if (tag && strcmp(tag, "region") == 0) {
      after_region = true;
      continue;
    }
    const kgr_country *c = NULL;
    size_t len = kgr_country_at(t, e, w.start, &c, NULL);
    if (len) {
      if (!after_region)
        add_country(out, &n, c);
      pos = w.start + len;
    } else if (!after_region) {
      hyphen_countries(t, w, out, &n);
    }
    after_region = false;
  }
  if (n)
    return n;
  pos = s;
  while (kgr_word_next(t, e, &pos, &w)) {
    size_t tag_end;
    const char *tag = kgr_org_word_at(t, e, w.start, &tag_end);
    if (tag && strcmp(tag, "org_type") == 0) {
      pos = tag_end;
      continue;
    }
    if (tag || !kgr_word_is_capitalised(t + w.start, w.end - w.start))
      continue;
    const kgr_gaz_entry *g = NULL;
    size_t len = kgr_gaz_match(t, e, w.start, NULL, &g);
    if (len && g && g->kind == KGR_PLACE_CITY && g->population >= CITY_POPULATION) {
      const kgr_country *c = kgr_country_by_code(g->country, strlen(g->country));
      if (c) {
        add_country(out, &n, c);
        break;
      }
    }
  }
  return n;
}

/* Copy t[s, e) with every run of whitespace made one space. */
static kgr_str collapse(kgr_arena *a, const char *t, size_t s, size_t e) {
  kgr_buf b = {0};
  bool space = false;
  for (size_t i = s; i < e; i++) {
    if (is_space_byte(t[i])) {
      space = true;
      continue;
    }
    if (space && b.len)
      kgr_buf_putc(a, &b, ' ');
    space = false;
    kgr_buf_putc(a, &b, t[i]);
  }
  return kgr_buf_str(a, &b);
}

/* A list marker at the start of a raw line: "1.", "1)", "(1)", "-", "•".
 * Returns the offset past it (and spaces), and the number in *number. */
static size_t line_marker(const char *t, size_t s, size_t e, int *number) {
  size_t i = s;
  *number = 0;
  bool paren = i < e && t[i] == '(';
  if (paren)
    i++;
  size_t d = i;
  int v = 0;
  while (i < e && kgr_is_digit((unsigned char)t[i]) && i - d < 4)
    v = v * 10 + (t[i++] - '0');
  if (i > d && i < e && (t[i] == '.' || t[i] == ')') && i + 1 < e && t[i + 1] == ' ') {
    *number = v;
    return i + 2;
  }
  i = s;
  static const char *const bullets[] = {
      "-", "*", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x96\xAA", "\xC2\xB7"};
  for (size_t k = 0; k < sizeof bullets / sizeof *bullets; k++) {
    size_t bl = strlen(bullets[k]);
    if (i + bl < e && memcmp(t + i, bullets[k], bl) == 0 && t[i + bl] == ' ')
      return i + bl + 1;
  }
  return s;
}

/*
 * Read one entry t[s, e) of source sr. `number` is its written number (0
 * if none). Records a signatory unless the reader is dry. Returns whether
 * the entry is organisation-shaped (for finding lists without a heading).
 */
static bool read_entry(reader *r, const src *sr, size_t s, size_t e, int number) {
  const char *t = sr->text;
  trim(t, &s, &e);
  if (!sr->block) {
    int n;
    size_t m = line_marker(t, s, e, &n);
    if (m != s) {
      s = m;
      number = n;
    }
  }
  size_t span_s = s, span_e = e;
  while (e > s && (t[e - 1] == ',' || t[e - 1] == ';'))
    e--;
  /* a final full stop, unless it ends an abbreviation ("Inc.", "e.V.") */
  if (e > s && t[e - 1] == '.') {
    size_t ws = e - 1;
    while (ws > s && !is_space_byte(t[ws - 1]))
      ws--;
    if (e - 1 - ws > 3)
      e--;
  }
  trim(t, &s, &e);
  if (e - s > 4 && kgr_ascii_istarts(t + s, e - s, "and "))
    s += 4;
  if (!has_word(t, s, e))
    return false;

  parts p = {0};
  size_t name_e = e;
  strip_suffixes(t, s, &name_e, &p);
  /* a person: the name before the first comma; the role after it goes */
  const char *comma = memchr(t + s, ',', name_e - s);
  if (comma && person_shaped(t, s, (size_t)(comma - t)))
    name_e = (size_t)(comma - t);
  trim(t, &s, &name_e);
  if (s >= name_e) {
    if (!r->dry)
      kgr_doc_diag(r->doc, KGR_SEVERITY_WARNING, "signatory-without-name",
                   src_span(sr, span_s, span_e), "a signatory entry holds no name");
    return false;
  }
  /* state bodies ("Ministry of Internal Affairs (MVD)") do not sign */
  bool org_shaped = kgr_utf8_starts_upper(t + s, name_e - s) &&
                    kgr_word_count(t + s, name_e - s, MAX_LINE_WORDS + 1) <= MAX_LINE_WORDS &&
                    (p.nstated || p.acr_s != p.acr_e || kgr_is_acronym(t + s, name_e - s) ||
                     kgr_has_org_word(t + s, name_e - s, "org")) &&
                    !kgr_has_org_word(t + s, name_e - s, "state");
  r->entries++;
  r->org_shaped += org_shaped;
  if (r->dry)
    return org_shaped;
  bool person = person_shaped(t, s, name_e);

  kgr_doc *doc = r->doc;
  kgr_signatory *sig = KGR_VEC_PUSH(&doc->arena, doc->signatories);
  sig->position = number > 0 ? number : 0; /* kgr_record.h: 0 (JSON null) when unnumbered */
  sig->name = collapse(&doc->arena, t, s, name_e);
  if (p.acr_s != p.acr_e)
    sig->acronym = kgr_arena_str(&doc->arena, t + p.acr_s, p.acr_e - p.acr_s);
  sig->span = src_span(sr, span_s, span_e);

  const kgr_country *found[MAX_COUNTRIES];
  size_t n = 0;
  if (p.nstated) {
    memcpy(found, p.stated, p.nstated * sizeof *found);
    n = p.nstated;
    sig->countries_source = KGR_COUNTRIES_STATED;
  } else if (p.city) { /* "(Brussels)": a stated city says the country */
    const kgr_country *c = kgr_country_by_code(p.city->country, strlen(p.city->country));
    if (c) {
      found[n++] = c;
      sig->countries_source = KGR_COUNTRIES_STATED;
    }
  } else if (!person) {
    n = infer_countries(t, s, name_e, found);
    if (n)
      sig->countries_source = KGR_COUNTRIES_INFERRED;
  }
  if (n) {
    kgr_str *codes = kgr_arena_alloc(&doc->arena, n * sizeof *codes);
    for (size_t i = 0; i < n; i++)
      codes[i] = kgr_arena_cstr(&doc->arena, found[i]->alpha2);
    sig->countries = codes;
    sig->country_count = n;
  }
  return org_shaped;
}

/* Positions of the top-level separators `sep` in t[s, e): those outside
 * parentheses and quotation marks. */
static bool top_level_has(const char *t, size_t s, size_t e, char sep) {
  int depth = 0;
  bool quoted = false;
  for (size_t i = s; i < e; i++) {
    char c = t[i];
    if (c == '(' || c == '[')
      depth++;
    else if ((c == ')' || c == ']') && depth > 0)
      depth--;
    else if (c == '"')
      quoted = !quoted;
    else if (c == sep && depth == 0 && !quoted)
      return true;
  }
  return false;
}

/* Does a fragment of a comma-separated list belong to the entry before it:
 * a lone country or city ("Human Rights House Foundation, Norway"), or a
 * role in lower case ("Dr. Jane Doe, lawyer")? */
static bool attaches_to_previous(const char *t, size_t s, size_t e) {
  trim(t, &s, &e);
  if (s == e)
    return true;
  if (kgr_ascii_istarts(t + s, e - s, "and "))
    return false;
  return starts_lower(t + s, e - s) || whole_country(t, s, e) || whole_city(t, s, e);
}

/* Does t[s, e) hold an organisation word or an acronym? */
static bool org_worded(const char *t, size_t s, size_t e) {
  size_t pos = s;
  kgr_word w;
  while (kgr_word_next(t, e, &pos, &w))
    if (kgr_is_acronym(t + w.start, w.end - w.start))
      return true;
  return kgr_has_org_word(t + s, e - s, "org");
}

/* Does the " and " at t[i] separate two entries of a list, the one that
 * started at s and the next: after a parenthetical ("Freedom Files
 * (Poland) and Crude Accountability (USA)"), or, once the list has
 * `pieces` entries, between two organisation-worded names ("..., Legal
 * Initiative and Human Rights House Foundation"), but not inside one name
 * ("Centre for Democracy and Human Rights")? */
static bool and_splits(const char *t, size_t s, size_t i, size_t e, char sep, size_t pieces) {
  size_t b = i;
  while (b > s && t[b - 1] == ' ')
    b--;
  size_t n = i + 5;
  bool capital = n < e && kgr_utf8_starts_upper(t + n, e - n);
  if (b > s && t[b - 1] == ')')
    return capital;
  if (!pieces || !capital || sep != ',')
    return false;
  size_t ne = n;
  while (ne < e && ne - n < AND_LOOKAHEAD && t[ne] != sep && t[ne] != '(')
    ne++;
  return org_worded(t, s, i) && org_worded(t, n, ne);
}

/* Read the entries of a paragraph's text t[s, e): split on top-level
 * semicolons if there are any, else on top-level commas (a fragment that
 * is a country, a city or a lower-case role stays with the one before). */
static void read_separated(reader *r, const src *sr, size_t s, size_t e) {
  const char *t = sr->text;
  char sep = top_level_has(t, s, e, ';') ? ';' : ',';
  size_t entry_s = s, i = s, pieces = 0;
  int depth = 0;
  bool quoted = false;
  for (; i <= e; i++) {
    bool cut = i == e;
    if (!cut) {
      char c = t[i];
      if (c == '(' || c == '[')
        depth++;
      else if ((c == ')' || c == ']') && depth > 0)
        depth--;
      else if (c == '"')
        quoted = !quoted;
      else if (c == sep && depth == 0 && !quoted) {
        /* look at the next fragment: does it go with this one? */
        size_t ns = i + 1, ne = ns;
        int d2 = 0;
        while (ne < e && !(t[ne] == sep && d2 == 0)) {
          if (t[ne] == '(')
            d2++;
          else if (t[ne] == ')' && d2 > 0)
            d2--;
          ne++;
        }
        cut = sep == ';' || !attaches_to_previous(t, ns, ne);
      } else if (c == ' ' && depth == 0 && !quoted && i + 5 <= e &&
                 memcmp(t + i, " and ", 5) == 0) {
        cut = and_splits(t, entry_s, i, e, sep, pieces);
      }
    }
    if (cut) {
      read_entry(r, sr, entry_s, i, 0);
      entry_s = i + 1; /* read_entry() drops the "and " of the next one */
      pieces++;
    }
  }
}

/* Share of the words of t[s, e), outside parentheses and leaving out
 * connectors, that are capitalised: names are mostly capitalised, prose is
 * not. */
static double capital_share(const char *t, size_t s, size_t e) {
  size_t pos = s, words = 0, caps = 0;
  kgr_word w;
  while (kgr_word_next(t, e, &pos, &w)) {
    const char *tag = kgr_org_word_at(t, e, w.start, NULL);
    if (tag && strcmp(tag, "connector") == 0)
      continue;
    bool number = true; /* "Article 19": numbers have no case */
    for (size_t i = w.start; i < w.end && number; i++)
      number = kgr_is_digit((unsigned char)t[i]);
    if (number)
      continue;
    words++;
    caps += kgr_word_is_capitalised(t + w.start, w.end - w.start);
  }
  return words ? (double)caps / (double)words : 0.0;
}

/* Is the block's text a list of names rather than prose? */
static bool is_name_text(const char *t, size_t s, size_t e) {
  return capital_share(t, s, e) >= 0.5;
}

/* Is the line t[s, e) a heading inside the list ("Individuals:",
 * "International organisations")? */
static bool sub_heading(const char *t, size_t s, size_t e) {
  while (e > s && (t[e - 1] == ':' || t[e - 1] == ' '))
    e--;
  return e > s && kgr_lex_lookup(&kgr_lex_signatory_heads, t + s, e - s) != NULL;
}

/* The end of the name in a line t[s, e): before the first comma outside
 * parentheses ("Tolekan Ismailova, human rights defender"), after a list
 * marker. */
static size_t name_part_end(const char *t, size_t s, size_t e) {
  int depth = 0;
  for (size_t i = s; i < e; i++) {
    if (t[i] == '(')
      depth++;
    else if (t[i] == ')' && depth > 0)
      depth--;
    else if (t[i] == ',' && depth == 0 && i > s)
      return i;
  }
  return e;
}

/* Go over the raw input lines of block b, sub-headings left out: check
 * that each is short and name-like (returns false at the first that is
 * not), or, when `read`, read each as one entry. */
static bool each_line(reader *r, const kgr_block *b, bool read) {
  const char *in = r->doc->input;
  size_t i = b->span.start;
  while (i < b->span.end) {
    size_t j = i;
    while (j < b->span.end && in[j] != '\n')
      j++;
    size_t s = i, e = j;
    trim(in, &s, &e);
    if (s < e && sub_heading(in, s, e)) {
      /* "Individuals:", "National organisations": no entry */
    } else if (s < e) {
      if (!read) {
        char last = in[e - 1];
        int number;
        size_t ns = line_marker(in, s, e, &number);
        if (last == ',' || last == ';' ||
            kgr_word_count(in + s, e - s, MAX_LINE_WORDS + 1) > MAX_LINE_WORDS ||
            !is_name_text(in, ns, name_part_end(in, ns, e)))
          return false;
      } else {
        src sr = {NULL, in};
        read_entry(r, &sr, s, e, 0);
      }
    }
    i = j + 1;
  }
  return true;
}

/* Read the raw input lines of a paragraph block as one entry each, if
 * every line is short and name-like and none ends with a separator (then
 * the paragraph is one wrapped list). Returns false to leave the block to
 * read_separated(). */
static bool read_lines(reader *r, const kgr_block *b) {
  const char *in = r->doc->input;
  if (b->line_count < 2)
    return false;
  /* Each line name-like first: prose fails on its first line, before the
   * passes over the whole block below. */
  if (!each_line(r, b, false) || top_level_has(b->text, 0, b->len, ';'))
    return false;
  /* a wrapped comma list: long lines of about one width (all but the
   * last), as many commas as lines or more; a list of "Name, affiliation"
   * lines has lines of any length */
  size_t commas = 0, lines = 0, short_lines = 0, longest = 0, shortest = SIZE_MAX, prev = 0;
  int depth = 0;
  for (size_t i = b->span.start, ls = i; i <= b->span.end; i++) {
    if (i == b->span.end || in[i] == '\n') {
      size_t s = ls, e = i;
      trim(in, &s, &e);
      if (s < e) {
        lines++;
        short_lines += e - s < 45;
        if (lines > 1 && prev < shortest)
          shortest = prev; /* the line before this one is not the last */
        prev = e - s;
        if (prev > longest)
          longest = prev;
      }
      ls = i + 1;
    } else if (in[i] == '(') {
      depth++;
    } else if (in[i] == ')' && depth > 0) {
      depth--;
    } else if (in[i] == ',' && depth == 0) {
      commas++;
    }
  }
  bool one_width = shortest == SIZE_MAX || shortest * 4 >= longest * 3;
  if (commas >= lines && short_lines <= 1 && one_width)
    return false;
  each_line(r, b, true);
  return true;
}

/* Read one block of the list. Returns false when the block ends the list. */
static bool read_block(reader *r, const kgr_block *b, size_t from) {
  src sr = {b, b->text};
  if (b->kind == KGR_BLOCK_LIST_ITEM) {
    if (kgr_word_count(b->text, b->len, MAX_ENTRY_WORDS + 1) > MAX_ENTRY_WORDS)
      return false;
    read_entry(r, &sr, 0, b->len, b->list_style == KGR_LIST_NUMBER ? b->number : 0);
    return true;
  }
  if (b->kind != KGR_BLOCK_PARAGRAPH)
    return false;
  kgr_ymd ymd;
  if (kgr_date_line(b->text, b->len, &ymd))
    return false;
  if (from == 0 && read_lines(r, b)) /* each line judged on its own */
    return true;
  if (!is_name_text(b->text, from, b->len))
    return false;
  read_separated(r, &sr, from, b->len);
  return true;
}

/* Does t[0, len) hold a call verb ("urge", "call on", "must")? Such a
 * sentence introduces demands, not signatories. */
static bool has_call_verb(const char *t, size_t len) {
  kgr_word w;
  size_t pos = 0;
  while (kgr_word_next(t, len, &pos, &w)) {
    const kgr_lex_entry *e = NULL;
    /* "call" and "appeal" alone are as often nouns ("this appeal is signed") */
    if (kgr_lex_match(&kgr_lex_call_verbs, t, len, w.start, &e) && e &&
        strcmp(e->tag, "heading") != 0 && strcmp(e->tag, "bare") != 0)
      return true;
  }
  return false;
}

/* Does t[from, to) hold a "head" phrase of lex_signatory_heads followed by
 * at most `after` words before `to`? */
static bool has_head_phrase(const char *t, size_t from, size_t to, size_t after) {
  kgr_word w;
  size_t pos = from;
  while (kgr_word_next(t, to, &pos, &w)) {
    const kgr_lex_entry *h = NULL;
    size_t m = kgr_lex_match(&kgr_lex_signatory_heads, t, to, w.start, &h);
    if (m && strcmp(h->tag, "head") == 0 &&
        kgr_word_count(t + w.start + m, to - w.start - m, after + 1) <= after)
      return true;
  }
  return false;
}

/* If block b opens the list, the offset in its text where the entries
 * start (b->len: in the blocks after it); else SIZE_MAX. `open` says
 * whether a list is already open (then sub-headings count). */
static size_t list_opening(const kgr_block *b, bool open) {
  if (b->kind != KGR_BLOCK_HEADING && b->kind != KGR_BLOCK_PARAGRAPH)
    return SIZE_MAX;
  const char *t = b->text;
  size_t len = b->len;
  while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == ':' || t[len - 1] == ','))
    len--;
  /* "Signed by:", "Signed,", "SIGNATORIES", and once open "Organisations:" */
  const kgr_lex_entry *whole = kgr_lex_lookup(&kgr_lex_signatory_heads, t, len);
  if (whole && (strcmp(whole->tag, "sub") != 0 || open))
    return b->len;
  const char *colon = memchr(t, ':', b->len);
  if (!colon)
    return SIZE_MAX;
  size_t c = (size_t)(colon - t);
  /* "The experts: A, Special Rapporteur on ...; B, ..." */
  whole = kgr_lex_lookup(&kgr_lex_signatory_heads, t, c);
  if (whole && strcmp(whole->tag, "only") == 0)
    return c + 1 < b->len ? c + 1 : b->len;
  /* "Signatories: A; B; C." or "Signed by the following organisations:" */
  if (c <= 80 && has_head_phrase(t, 0, c, 3) && !has_call_verb(t, c))
    return c + 1 < b->len ? c + 1 : b->len;
  /* "... is signed by the following organisations:" closing a paragraph */
  if (len < b->len && t[b->len - 1] == ':') {
    size_t tail = len > 80 ? len - 80 : 0;
    if (has_head_phrase(t, tail, len, 3) && !has_call_verb(t + tail, len - tail))
      return b->len;
  }
  return SIZE_MAX;
}

/* Read the list that block h opens, from offset `from` of its text. */
static void read_list(reader *r, const kgr_layout *lay, size_t h, size_t from) {
  const kgr_block *hb = &lay->blocks[h];
  if (from < hb->len)
    read_block(r, hb, from);
  for (size_t j = h + 1; j < lay->block_count; j++) {
    const kgr_block *b = &lay->blocks[j];
    if (b->kind == KGR_BLOCK_FOOTNOTE)
      continue; /* a page's notes may fall inside the list */
    if (b->kind == KGR_BLOCK_HEADING) {
      if (list_opening(b, true) == SIZE_MAX)
        break;
      continue;
    }
    if (list_opening(b, true) != SIZE_MAX && b->len < 40)
      continue;
    if (!read_block(r, b, 0))
      break;
  }
}

/* Is block b a call that introduces a list of demands ("We urge the
 * authorities to:")? Such a list is not a list of signatories. */
static bool introduces_demands(const kgr_block *b) {
  return b->len && b->text[b->len - 1] == ':' && has_call_verb(b->text, b->len);
}

/* Does block `last` close the document's text: at most a few blocks
 * (contacts, notes) follow it, or a new section starts right after it? A
 * list of bodies in the middle of a report is not its signatories. */
static bool trails(const kgr_layout *lay, size_t last) {
  size_t after = 0;
  for (size_t k = last + 1; k < lay->block_count; k++) {
    const kgr_block *b = &lay->blocks[k];
    if (b->kind == KGR_BLOCK_FOOTNOTE)
      continue;
    if (after == 0 && b->kind == KGR_BLOCK_HEADING)
      return true;
    if (++after > HEADLESS_MAX_AFTER)
      return false;
  }
  return true;
}

/* Is list item b organisation-shaped? */
static bool org_item(kgr_doc *doc, const kgr_block *b) {
  reader dry = {doc, true, 0, 0};
  read_block(&dry, b, 0);
  return dry.org_shaped > 0;
}

/* No heading: the last run of at least three list items (or lines of one
 * paragraph) of which most are organisation-shaped. Of a run of list
 * items only the tail counts - a list of demands may run straight into the
 * names - and one item that is not a name (a person) may stand between. */
static void read_headless(kgr_doc *doc, const kgr_layout *lay) {
  size_t best_first = SIZE_MAX, best_last = 0;
  size_t i = 0;
  while (i < lay->block_count) {
    const kgr_block *b = &lay->blocks[i];
    if (b->kind == KGR_BLOCK_PARAGRAPH && b->line_count >= HEADLESS_MIN_ENTRIES) {
      reader dry = {doc, true, 0, 0};
      if (read_lines(&dry, b) && dry.entries >= HEADLESS_MIN_ENTRIES &&
          dry.org_shaped * 10 >= dry.entries * 7 && trails(lay, i))
        best_first = best_last = i;
      i++;
      continue;
    }
    if (b->kind != KGR_BLOCK_LIST_ITEM) {
      i++;
      continue;
    }
    size_t last = i;
    while (last + 1 < lay->block_count && lay->blocks[last + 1].kind == KGR_BLOCK_LIST_ITEM)
      last++;
    size_t first = last + 1, orgs = 0, gap = 0;
    for (size_t k = last + 1; k-- > i;) {
      if (org_item(doc, &lay->blocks[k])) {
        first = k;
        orgs++;
        gap = 0;
      } else if (++gap > 1) {
        break;
      }
    }
    size_t entries = first <= last ? last - first + 1 : 0;
    bool intro = first == i && i > 0 && introduces_demands(&lay->blocks[i - 1]);
    if (!intro && entries >= HEADLESS_MIN_ENTRIES && orgs * 10 >= entries * 7 &&
        trails(lay, last)) {
      best_first = first;
      best_last = last;
    }
    i = last + 1;
  }
  if (best_first == SIZE_MAX)
    return;
  reader r = {doc, false, 0, 0};
  for (size_t k = best_first; k <= best_last; k++)
    if (!read_block(&r, &lay->blocks[k], 0))
      break;
}

/* The end of one name in a by-line starting at s: its capitalised words
 * and a parenthetical after them ("International Partnership for Human
 * Rights (IPHR)"); s when no name starts there. */
static size_t byline_name_end(const char *t, size_t len, size_t s) {
  size_t e = kgr_name_end(t, len, s, false);
  if (e == s)
    return s;
  size_t i = e;
  while (i < len && t[i] == ' ')
    i++;
  if (i < len && t[i] == '(') {
    const char *close = memchr(t + i, ')', len - i < 80 ? len - i : 80);
    if (close)
      e = (size_t)(close - t) + 1;
  }
  return e;
}

/* A by-line naming several organisations ("Joint statement by Freedom
 * Now, International Partnership for Human Rights (IPHR) and the
 * Norwegian Helsinki Committee"): they are the signatories. Names are
 * separated by commas, and the last by "and" or "&" ("A and B" alone only
 * when both are organisation-worded: "Centre for Democracy and Human
 * Rights" is one name). */
static void read_byline(kgr_doc *doc, const kgr_layout *lay) {
  enum { BYLINE_BLOCKS = 8, MAX_NAMES = 12 };
  for (size_t i = 0, seen = 0; i < lay->block_count && seen < BYLINE_BLOCKS; i++) {
    const kgr_block *b = &lay->blocks[i];
    if (b->kind == KGR_BLOCK_FOOTNOTE)
      continue;
    seen++;
    const kgr_lex_entry *e = NULL;
    size_t p = kgr_lex_match(&kgr_lex_header_labels, b->text, b->len, 0, &e);
    if (!p || strcmp(e->tag, "by") != 0 || kgr_word_count(b->text, b->len, 61) > 60)
      continue;
    const char *t = b->text;
    size_t len = b->len, names[MAX_NAMES][2], n = 0;
    size_t pos = p;
    bool list = false;
    while (n < MAX_NAMES) {
      while (pos < len && t[pos] == ' ')
        pos++;
      bool joined = false; /* "and B", "& B": the last name */
      if (kgr_ascii_istarts(t + pos, len - pos, "and ")) {
        pos += 4;
        joined = true;
      } else if (pos < len && t[pos] == '&') {
        pos++;
        joined = true;
      }
      while (pos < len && t[pos] == ' ')
        pos++;
      if (kgr_ascii_istarts(t + pos, len - pos, "the "))
        pos += 4;
      size_t ne = byline_name_end(t, len, pos);
      if (ne == pos)
        break;
      /* "A and B" in one run of capitalised words: two names when both
       * halves are organisation-worded, or when it closes a comma list */
      size_t cut = 0;
      for (size_t k = pos; k + 3 <= ne; k++)
        if ((k + 5 <= ne && memcmp(t + k, " and ", 5) == 0) || memcmp(t + k, " & ", 3) == 0)
          cut = k;
      if (cut && !joined) {
        size_t after = cut + (t[cut + 1] == '&' ? 3 : 5);
        if ((list || org_worded(t, pos, cut)) && org_worded(t, after, ne))
          ne = cut;
      }
      names[n][0] = pos;
      names[n++][1] = ne;
      pos = ne;
      while (pos < len && t[pos] == ' ')
        pos++;
      if (joined)
        break;
      if (pos < len && t[pos] == ',') {
        pos++;
        list = true;
        continue;
      }
      if (!kgr_ascii_istarts(t + pos, len - pos, "and ") && !(pos < len && t[pos] == '&'))
        break; /* "... on the crisis in X": the list is over */
    }
    if (n < 2)
      return;
    reader dry = {doc, true, 0, 0};
    src sr = {b, t};
    for (size_t k = 0; k < n; k++)
      read_entry(&dry, &sr, names[k][0], names[k][1], 0);
    if (dry.org_shaped * 3 < n * 2) /* most are: "Freedom Now" has no organisation word */
      return;
    reader r = {doc, false, 0, 0};
    for (size_t k = 0; k < n; k++)
      read_entry(&r, &sr, names[k][0], names[k][1], 0);
    return;
  }
}

void kgr_read_signatories(kgr_doc *doc, const kgr_layout *lay) {
  for (size_t h = 0; h < lay->block_count; h++) {
    size_t from = list_opening(&lay->blocks[h], false);
    if (from == SIZE_MAX)
      continue;
    reader r = {doc, false, 0, 0};
    read_list(&r, lay, h, from);
    if (doc->signatories.count)
      return;
  }
  read_headless(doc, lay);
  if (!doc->signatories.count)
    read_byline(doc, lay);
}
