/*
 * kgr-gencorpus - write a reproducible benchmark corpus of appeals and
 * incident reports, one file per document.
 *
 *   kgr-gencorpus --size 100M --out DIR [--seed N] [--data DIR]
 *                 [--seeds DIR] [--cities FILE] [--large N] [--quiet]
 *
 * The same size, seed and input files give the same bytes (the summary
 * line prints a checksum to compare). Inputs are read only at generation
 * time: the sample documents (the .txt files of examples/data), the project's seeds
 * when present, and a few dozen city names sampled from the gazetteer's
 * cities.tsv. Every input is optional; built-in templates stand in.
 *
 * Documents mix paragraphs of the input documents (shuffled, with months,
 * years and city names replaced) with paragraphs built from sentence
 * templates, and vary what a parser must cope with: dates in the common
 * formats, other places and names, signatory lists of random length laid
 * out numbered, bulleted, one per line or as one paragraph, appeal and
 * report layouts, footnotes, hard wrapping with hyphenation and page
 * breaks. Sizes are log-uniform in 2-50 KiB, plus a few 1-5 MiB documents.
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef KGR_DATA_DIR
#define KGR_DATA_DIR "examples/data"
#endif
#ifndef KGR_SEEDS_DIR
#define KGR_SEEDS_DIR "../shared/seeds"
#endif
#ifndef KGR_CITIES_FILE
#define KGR_CITIES_FILE "libkgrights/data/cities.tsv"
#endif

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define KIB ((size_t)1024)
#define MIB (KIB * 1024)

/* ---- utilities ------------------------------------------------------- */

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("kgr-gencorpus: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) die("out of memory");
  return q;
}

static char *xstrndup(const char *s, size_t n) {
  char *d = xrealloc(NULL, n + 1);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

/* A growable byte string. */
typedef struct sb {
  char *p;
  size_t len, cap;
} sb;

static void sb_add(sb *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) cap *= 2;
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
}

static void sb_puts(sb *b, const char *s) { sb_add(b, s, strlen(s)); }
static void sb_putc(sb *b, char c) { sb_add(b, &c, 1); }

static void sb_printf(sb *b, const char *fmt, ...) {
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) die("formatting failed");
  sb_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* A list of owned strings. */
typedef struct strvec {
  char **v;
  size_t n, cap;
} strvec;

static void sv_push(strvec *sv, char *s) {
  if (sv->n == sv->cap) {
    sv->cap = sv->cap ? sv->cap * 2 : 16;
    sv->v = xrealloc(sv->v, sv->cap * sizeof *sv->v);
  }
  sv->v[sv->n++] = s;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- the PRNG: splitmix64, so that a seed fixes every byte ------------ */

static uint64_t rng_state;

static uint64_t rng_next(void) {
  uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0. The modulo bias is far below what matters. */
static size_t rnd(size_t n) { return (size_t)(rng_next() % n); }

/* Uniform in [lo, hi]. */
static size_t rnd_in(size_t lo, size_t hi) { return lo + rnd(hi - lo + 1); }

/* Uniform in [0, 1). */
static double rnd_real(void) { return (double)(rng_next() >> 11) * 0x1.0p-53; }

static int chance(double p) { return rnd_real() < p; }

#define PICK(a) ((a)[rnd(COUNT(a))])

/* ---- built-in vocabulary ------------------------------------------------ */

static const char *const countries[][2] = {
    {"Kyrgyzstan", "Kyrgyz"},      {"Kazakhstan", "Kazakh"},     {"Uzbekistan", "Uzbek"},
    {"Tajikistan", "Tajik"},       {"Turkmenistan", "Turkmen"},  {"Russia", "Russian"},
    {"Belarus", "Belarusian"},     {"Ukraine", "Ukrainian"},     {"Georgia", "Georgian"},
    {"Armenia", "Armenian"},       {"Azerbaijan", "Azerbaijani"}, {"Moldova", "Moldovan"},
    {"Poland", "Polish"},          {"Norway", "Norwegian"},      {"Sweden", "Swedish"},
    {"the Netherlands", "Dutch"},  {"Germany", "German"},        {"France", "French"},
    {"Belgium", "Belgian"},        {"Switzerland", "Swiss"},     {"Bulgaria", "Bulgarian"},
    {"Serbia", "Serbian"},         {"Hungary", "Hungarian"},     {"Turkey", "Turkish"},
    {"Egypt", "Egyptian"},         {"Ethiopia", "Ethiopian"},    {"Kenya", "Kenyan"},
    {"Nigeria", "Nigerian"},       {"Zimbabwe", "Zimbabwean"},   {"Sudan", "Sudanese"},
    {"Cambodia", "Cambodian"},     {"the Philippines", "Philippine"},
    {"Indonesia", "Indonesian"},   {"Colombia", "Colombian"},    {"Venezuela", "Venezuelan"},
    {"Nicaragua", "Nicaraguan"},   {"Mexico", "Mexican"},        {"Brazil", "Brazilian"},
};

/* Stand-ins for the gazetteer sample, and the names replaced in the input
 * documents' paragraphs. */
static const char *const fallback_cities[] = {
    "Bishkek", "Osh",     "Talas",   "Naryn",   "Almaty",   "Astana",  "Tashkent",
    "Dushanbe", "Ashgabat", "Moscow", "Minsk",   "Kyiv",     "Tbilisi", "Yerevan",
    "Baku",    "Chisinau", "Warsaw",  "Oslo",    "Geneva",   "Brussels", "Cairo",
    "Nairobi", "Lagos",   "Harare",  "Khartoum", "Yangon",  "Manila",  "Jakarta",
    "Bogota",  "Caracas", "Managua", "Vienna",
};

static const char *const months[] = {"January", "February", "March",     "April",
                                     "May",     "June",     "July",      "August",
                                     "September", "October", "November", "December"};
static const char *const months_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const weekdays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};

static const char *const first_names[] = {
    "Aibek",  "Nurlan", "Gulnara", "Aigerim", "Olga",    "Sergei", "Natalia", "Ivan",
    "Maria",  "Ahmed",  "Fatima",  "Samuel",  "Grace",   "Miguel", "Ana",     "Lin",
    "Thabo",  "Amina",  "Daniel",  "Elena",   "Tamar",   "Giorgi", "Arman",   "Dilnoza",
    "Rustam", "Zarina", "Yusuf",   "Leila",   "Pavel",   "Kateryna", "Omar",  "Nadia",
};
static const char *const last_names[] = {
    "Asanov",  "Toktogulova", "Petrov",   "Ivanova", "Karimov", "Mirzoeva", "Sultanov",
    "Ali",     "Hassan",      "Okafor",   "Mwangi",  "Garcia",  "Lopez",    "Chen",
    "Nguyen",  "Beridze",     "Hakobyan", "Aliyev",  "Kowalski", "Larsen",  "Dubois",
    "Rossi",   "Moyo",        "Tesfaye",  "Rahman",  "Bakirova", "Omarov",  "Shevchenko",
};
static const char *const person_roles[] = {
    "human rights lawyer", "journalist", "researcher", "scholar of international law",
    "former ombudsperson", "independent expert", "blogger", "trade union leader",
};

static const char *const org_words[] = {
    "Committee", "Centre",    "Center",   "Foundation", "Association", "Union",
    "Network",   "Coalition", "Movement", "Institute",  "Platform",    "Alliance",
    "League",    "Council",   "Initiative", "Bureau",   "Society",     "Watch",
};
static const char *const org_topics[] = {
    "Human Rights",      "Civil Liberties",       "Democracy",        "Press Freedom",
    "Legal Aid",         "Rule of Law",           "Women's Rights",   "Freedom of Expression",
    "Peace and Justice", "Election Monitoring",   "Minority Rights",  "Prevention of Torture",
    "Independent Journalism", "Civic Education",  "Migrant Rights",   "Social Justice",
};
static const char *const org_adjectives[] = {
    "International", "Independent", "Public", "Regional", "National", "Youth",
    "Civic",         "European",    "Helsinki", "Open",   "Free",     "Democratic",
};
static const char *const org_quoted[] = {
    "Umut", "Bereke", "Adilet", "Nadezhda", "Kylym", "Zhariq", "Dignity", "Horizon",
    "Solidarity", "Ak Tilek", "Justice", "Equal",
};
static const char *const state_bodies[] = {
    "Ministry of Internal Affairs", "Ministry of Health", "Prosecutor General's Office",
    "Central Election Commission", "State Committee for National Security",
    "Supreme Court", "Parliament", "Ombudsman's Office", "Ministry of Justice",
    "National Guard",
};
static const char *const media[] = {
    "Steppe Daily", "Free Voice TV", "Current News", "Mountain Radio", "the Daily Courier",
    "Eastern Herald", "the news site Kabar24", "Channel 7",
};
static const char *const means_words[] = {
    "water cannon", "tear gas",  "rubber bullets", "stun grenades", "batons",
    "live ammunition", "pepper spray", "armoured vehicles",
};
static const char *const charges[] = {
    "mass riots", "hooliganism", "calls to seize power", "extremism",
    "incitement to hatred", "disseminating false information", "organising an unlawful rally",
};
static const char *const number_words[] = {"two", "three", "four", "five", "six", "seven",
                                           "eight", "nine", "ten", "dozens of", "several"};

static const char *const report_sentences[] = {
    "On %D, police in %C detained %N people who had gathered outside the building of the %S.%F",
    "According to the %O, at least %L people were injured and %N were killed in %C between %D and %D.",
    "%P, a reporter for %E, was beaten by unidentified men near the central square of %C on %D.%F",
    "Security forces used %M and %M to disperse a peaceful rally in %C, witnesses told the %O.",
    "On %D, a court in %C sentenced %P to %N years in prison on charges of \"%H\".%F",
    "The %S reported that %L people had sought medical help in %C by the evening of %D.%F",
    "The %O documented %N cases of torture and ill-treatment in pre-trial detention in %Y.",
    "Relatives of %P said they had not been told where he was held for %W days.",
    "Protests spread from %C to %C and %C over the following days.",
    "On the night of %D, unknown persons set fire to the office of the %O in %C.%F",
    "The authorities blocked access to %E and at least %N other websites on %D.",
    "Lawyers for %P were denied access to their client until %D.",
    "Eyewitnesses in %C described officers firing %M at close range.%F",
    "A curfew was imposed in %C from %D to %D, and gatherings of more than %N people were banned.",
    "%P, a member of the %O, was summoned for questioning by the %S on %D.",
    "In %Y, %L complaints of police abuse were filed in %K, of which only %N reached a court.%F",
    "The %S denied that %M had been used against demonstrators.",
    "Since %D, %W activists have been placed under house arrest in %C.",
    "Between %D and %D, monitors counted %L arrests in %C alone.%F",
    "%P was released on bail on %D after %N days in custody.",
};
static const char *const appeal_sentences[] = {
    "We, the undersigned organisations, are alarmed by the crackdown on peaceful protesters in %K that began on %D.",
    "We call on the authorities of %K to release %P and all others detained for the peaceful exercise of their rights.",
    "The undersigned organisations express their solidarity with the human rights defenders of %K.",
    "We urge the international community, including the OSCE and the United Nations, to follow the situation in %K closely.",
    "This appeal remains open for signature until %D.",
    "We are particularly concerned about the fate of %P, who has been held incommunicado since %D.",
    "The events of %D show how quickly the space for civil society in %K is shrinking.",
};
static const char *const demand_items[] = {
    "release immediately and unconditionally everyone detained for peaceful protest",
    "conduct prompt, impartial and effective investigations into the use of %M in %C",
    "guarantee the safety of journalists and human rights defenders",
    "lift the restrictions on peaceful assembly introduced on %D",
    "ensure that %P has access to a lawyer of his choice and to medical care",
    "refrain from using force against peaceful demonstrators",
    "bring the law on public assembly into line with international standards",
    "hold to account those responsible for the violations committed on %D",
    "allow independent monitors to visit all places of detention in %C",
};
static const char *const call_lines[] = {
    "We call on the authorities of %K to:", "We urge the government of %K to:",
    "The undersigned organisations call on the %S to:", "We therefore urge the authorities to:",
    "RECOMMENDATIONS", "Our demands:",
};
static const char *const titles[] = {
    "%K: Stop the Crackdown on Peaceful Protesters in %C",
    "%K: Civil Society Calls for the Release of %P",
    "Joint Statement on the Situation of Human Rights Defenders in %K",
    "%K: Protesters Injured and Journalists Attacked in %C",
    "Open Letter to the President of %K",
    "%K: Release %P Now",
    "Incident Report: Violence Against Demonstrators in %C, %D",
    "%K: Torture Allegations After the Events of %D Must Be Investigated",
};
static const char *const headings[] = {
    "BACKGROUND", "Background", "Recommendations", "Arrests and detentions",
    "Attacks on journalists", "The events of %D", "Legal framework", "Methodology",
    "Conclusions", "SUMMARY", "Events in %C", "Casualties",
};
static const char *const sig_headings[] = {
    "Signatories:", "SIGNATORIES", "Signed by:", "List of signatories:",
    "The undersigned:", "Co-signed by the following organisations:", "Signatories",
};
static const char *const note_headings[] = {"Notes", "Footnotes", "Sources", "NOTES"};

/* ---- inputs: paragraphs of the input documents, and city names -------- */

static strvec src_titles, src_paras, cities;

static int blank_line(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!isspace((unsigned char)s[i])) return 0;
  return 1;
}

/* Split a document into paragraphs at blank lines: the first is a title,
 * the rest go to the paragraph pool, except short ones (date lines,
 * headings), which would be out of place anywhere else. */
static void add_source(const char *text, size_t len) {
  size_t i = 0, start = (size_t)-1, end = 0;
  int first = 1;
  while (i <= len) {
    size_t eol = i;
    while (eol < len && text[eol] != '\n') eol++;
    int blank = blank_line(text + i, eol - i) || i == len;
    if (!blank && start == (size_t)-1) start = i;
    if (!blank) end = eol;
    if ((blank || eol >= len) && start != (size_t)-1) {
      if (first || end - start >= 60)
        sv_push(first ? &src_titles : &src_paras, xstrndup(text + start, end - start));
      first = 0;
      start = (size_t)-1;
    }
    i = eol + 1;
  }
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  sb b = {0};
  char tmp[65536];
  size_t n;
  while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) sb_add(&b, tmp, n);
  fclose(f);
  *len = b.len;
  if (!b.p) b.p = xstrndup("", 0);
  return b.p;
}

/* Read every *.txt of a folder, in name order; returns how many. */
static size_t load_sources(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  strvec names = {0};
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t n = strlen(e->d_name);
    if (n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0 && e->d_name[0] != '.')
      sv_push(&names, xstrndup(e->d_name, n));
  }
  closedir(d);
  qsort(names.v, names.n, sizeof *names.v, cmp_str);
  size_t used = 0;
  for (size_t i = 0; i < names.n; i++) {
    sb path = {0};
    sb_printf(&path, "%s/%s", dir, names.v[i]);
    size_t len;
    char *text = read_file(path.p, &len);
    if (text) {
      add_source(text, len);
      free(text);
      used++;
    }
    free(path.p);
    free(names.v[i]);
  }
  free(names.v);
  return used;
}

/* Sample `want` city names (towns of 100,000 or more, of at most three
 * words) from cities.tsv by reservoir sampling. */
static size_t load_cities(const char *path, size_t want) {
  size_t len;
  char *text = read_file(path, &len);
  if (!text) return 0;
  size_t seen = 0;
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (line[0] == '#') continue;
    char *cols[6] = {0};
    char *p = line;
    for (int c = 0; c < 6 && p; c++) {
      cols[c] = p;
      p = strchr(p, '\t');
      if (p) *p++ = '\0';
    }
    if (!cols[5] || strtol(cols[5], NULL, 10) < 100000) continue;
    int spaces = 0;
    for (const char *q = cols[0]; *q; q++) spaces += *q == ' ';
    if (spaces > 2 || !cols[0][0]) continue;
    seen++;
    if (cities.n < want) {
      sv_push(&cities, xstrndup(cols[0], strlen(cols[0])));
    } else {
      size_t j = rnd(seen);
      if (j < want) {
        free(cities.v[j]);
        cities.v[j] = xstrndup(cols[0], strlen(cols[0]));
      }
    }
  }
  free(text);
  return cities.n;
}

/* ---- one document ------------------------------------------------------ */

typedef struct doc {
  size_t country;           /* index into countries */
  const char *city[3];      /* the places the document is mostly about */
  int year;                 /* the events' year */
  int date_style;           /* the document's preferred date format */
  int note_style;           /* 0 none, 1 "[n]", 2 glued digit */
  unsigned notes;           /* footnote markers emitted so far */
  double note_rate;
} doc;

static const char *any_city(void) {
  return cities.n ? cities.v[rnd(cities.n)] : PICK(fallback_cities);
}

static const char *doc_city(const doc *d) { return chance(0.7) ? d->city[rnd(3)] : any_city(); }

static int days_in_month(int y, int m) {
  static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return dim[m - 1];
}

/* Sakamoto's day of the week, 0 = Sunday. */
static int weekday(int y, int m, int d) {
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static const char *ordinal_suffix(int d) {
  if (d >= 11 && d <= 13) return "th";
  switch (d % 10) {
  case 1: return "st";
  case 2: return "nd";
  case 3: return "rd";
  default: return "th";
  }
}

enum { DATE_STYLES = 15 };

static void put_date(sb *o, int style, int y, int m, int d) {
  const char *mn = months[m - 1], *ma = months_abbr[m - 1];
  switch (style) {
  case 0: sb_printf(o, "%d %s %d", d, mn, y); break;
  case 1: sb_printf(o, "%s %d, %d", mn, d, y); break;
  case 2: sb_printf(o, "%02d.%02d.%d", d, m, y); break;
  case 3: sb_printf(o, "%d-%02d-%02d", y, m, d); break;
  case 4: sb_printf(o, "%d/%d/%d", d, m, y); break;
  case 5: sb_printf(o, "%02d/%02d/%d", m, d, y); break;
  case 6: sb_printf(o, "%d%s %s %d", d, ordinal_suffix(d), mn, y); break;
  case 7: sb_printf(o, "%d %s. %d", d, ma, y); break;
  case 8: sb_printf(o, "%s %d, %d", ma, d, y); break;
  case 9: sb_printf(o, "%d %s", d, mn); break;
  case 10: sb_printf(o, "the %d%s of %s %d", d, ordinal_suffix(d), mn, y); break;
  case 11: sb_printf(o, "%02d %s %d", d, mn, y); break;
  case 12: sb_printf(o, "%s, %d %s %d", weekdays[weekday(y, m, d)], d, mn, y); break;
  case 13: sb_printf(o, "%s %d", mn, y); break;
  default: sb_printf(o, "%s %d", mn, d); break;
  }
}

static void gen_date(sb *o, const doc *d) {
  int y = chance(0.8) ? d->year : (int)rnd_in(1995, 2025);
  int m = (int)rnd_in(1, 12);
  int day = (int)rnd_in(1, (size_t)days_in_month(y, m));
  put_date(o, chance(0.6) ? d->date_style : (int)rnd(DATE_STYLES), y, m, day);
}

static void gen_person(sb *o) {
  sb_printf(o, "%s %s", PICK(first_names), PICK(last_names));
}

static void gen_org(sb *o) {
  const char *k = countries[rnd(COUNT(countries))][1];
  switch (rnd(6)) {
  case 0: sb_printf(o, "%s %s %s", k, PICK(org_topics), PICK(org_words)); break;
  case 1: sb_printf(o, "%s for %s", PICK(org_words), PICK(org_topics)); break;
  case 2: sb_printf(o, "%s %s", PICK(org_topics), PICK(org_words)); break;
  case 3: sb_printf(o, "%s %s %s", any_city(), PICK(org_topics), PICK(org_words)); break;
  case 4: sb_printf(o, "%s %s \"%s\"", PICK(org_topics), PICK(org_words), PICK(org_quoted)); break;
  default:
    sb_printf(o, "%s %s of %s", PICK(org_adjectives), PICK(org_words),
              countries[rnd(COUNT(countries))][0]);
    break;
  }
}

/* An acronym from a name's capitals ("Human Rights Centre" -> "HRC"). */
static void put_acronym(sb *o, const char *name, size_t n) {
  int prev_space = 1;
  for (size_t i = 0; i < n; i++) {
    if (prev_space && isupper((unsigned char)name[i])) sb_putc(o, name[i]);
    prev_space = name[i] == ' ';
  }
}

static void put_footnote(sb *o, doc *d) {
  if (!d->note_style || !chance(d->note_rate)) return;
  d->notes++;
  if (d->note_style == 1)
    sb_printf(o, "[%u]", d->notes);
  else
    sb_printf(o, "%u", d->notes);
}

/* Expand a template: %D date, %C city, %K country, %A country adjective,
 * %P person, %O organisation, %S state body, %N small number, %L large
 * number, %M means, %H charge, %E media outlet, %Y year, %W number word,
 * %F maybe a footnote marker. */
static void fill(sb *o, const char *tpl, doc *d) {
  for (const char *p = tpl; *p; p++) {
    if (*p != '%' || !p[1]) {
      sb_putc(o, *p);
      continue;
    }
    switch (*++p) {
    case 'D': gen_date(o, d); break;
    case 'C': sb_puts(o, doc_city(d)); break;
    case 'K': sb_puts(o, countries[d->country][0]); break;
    case 'A': sb_puts(o, countries[d->country][1]); break;
    case 'P': gen_person(o); break;
    case 'O': gen_org(o); break;
    case 'S': sb_puts(o, PICK(state_bodies)); break;
    case 'N': sb_printf(o, "%zu", rnd_in(2, 99)); break;
    case 'L':
      if (chance(0.3))
        sb_printf(o, "%zu,%03zu", rnd_in(1, 12), rnd(1000));
      else
        sb_printf(o, "%zu", rnd_in(100, 999));
      break;
    case 'M': sb_puts(o, PICK(means_words)); break;
    case 'H': sb_puts(o, PICK(charges)); break;
    case 'E': sb_puts(o, PICK(media)); break;
    case 'Y': sb_printf(o, "%d", d->year - (int)rnd(3)); break;
    case 'W': sb_puts(o, PICK(number_words)); break;
    case 'F': put_footnote(o, d); break;
    default: sb_putc(o, *p); break;
    }
  }
}

static int is_month(const char *w, size_t n, int *upper) {
  for (size_t m = 0; m < 12; m++) {
    if (strlen(months[m]) != n) continue;
    int same = 1, up = 1;
    for (size_t i = 0; i < n && same; i++) {
      same = tolower((unsigned char)w[i]) == tolower((unsigned char)months[m][i]);
      if (i > 0 && !isupper((unsigned char)w[i])) up = 0;
    }
    if (same) {
      *upper = up;
      return 1;
    }
  }
  return 0;
}

/* A paragraph of an input document with its months, years and known city
 * names replaced. */
static void mutate_para(sb *o, const char *s, doc *d) {
  const char *p = s;
  while (*p) {
    if (!isalnum((unsigned char)*p)) {
      sb_putc(o, *p++);
      continue;
    }
    const char *w = p;
    while (isalnum((unsigned char)*p)) p++;
    size_t n = (size_t)(p - w);
    int upper = 0;
    if (n == 4 && isdigit((unsigned char)w[0]) && (w[0] == '1' || w[0] == '2') &&
        isdigit((unsigned char)w[1]) && isdigit((unsigned char)w[2]) &&
        isdigit((unsigned char)w[3])) {
      sb_printf(o, "%d", d->year - (int)rnd(2));
      continue;
    }
    if (is_month(w, n, &upper)) {
      const char *m = PICK(months);
      for (const char *c = m; *c; c++)
        sb_putc(o, upper && c > m ? (char)toupper((unsigned char)*c) : *c);
      continue;
    }
    int replaced = 0;
    for (size_t i = 0; i < COUNT(fallback_cities) && !replaced; i++) {
      if (strlen(fallback_cities[i]) == n && memcmp(fallback_cities[i], w, n) == 0) {
        sb_puts(o, doc_city(d));
        replaced = 1;
      }
    }
    if (!replaced) sb_add(o, w, n);
  }
}

static void gen_para(sb *o, doc *d, int appeal) {
  size_t n = rnd_in(2, 7);
  for (size_t i = 0; i < n; i++) {
    if (i) sb_putc(o, ' ');
    if (appeal && chance(0.35))
      fill(o, PICK(appeal_sentences), d);
    else
      fill(o, PICK(report_sentences), d);
  }
}

/* Hard-wrap `s` at `width` bytes (at spaces), sometimes hyphenating a long
 * word across the break; existing newlines are kept. */
static void put_wrapped(sb *o, const char *s, size_t width, const char *indent) {
  size_t col = 0;
  const char *p = s;
  while (*p) {
    if (*p == '\n') {
      sb_putc(o, '\n');
      col = 0;
      p++;
      continue;
    }
    const char *w = p;
    while (*p && *p != ' ' && *p != '\n') p++;
    size_t n = (size_t)(p - w);
    if (col > 0 && col + 1 + n > width) {
      size_t room = width > col + 2 ? width - col - 2 : 0;
      int alpha = n >= 8;
      for (size_t i = 0; i < n && alpha; i++) alpha = isalpha((unsigned char)w[i]) != 0;
      if (alpha && room >= 3 && n - room >= 3 && chance(0.15)) {
        sb_putc(o, ' ');
        sb_add(o, w, room);
        sb_puts(o, "-\n");
        sb_puts(o, indent);
        w += room;
        n -= room;
      } else {
        sb_putc(o, '\n');
        sb_puts(o, indent);
      }
      col = strlen(indent);
    } else if (col > 0) {
      sb_putc(o, ' ');
      col++;
    }
    sb_add(o, w, n);
    col += n;
    while (*p == ' ') p++;
  }
}

typedef struct layout {
  size_t wrap;      /* 0: one line per paragraph */
  unsigned page;    /* page number for page breaks */
} layout;

/* Append one block (paragraph, heading or list item) and a blank line. */
static void put_block(sb *o, const char *s, const layout *l, const char *indent) {
  if (l->wrap)
    put_wrapped(o, s, l->wrap, indent);
  else
    sb_puts(o, s);
  sb_puts(o, "\n\n");
}

static void put_page_break(sb *o, layout *l) {
  if (!l->wrap || !chance(0.08)) return;
  sb_printf(o, "%u\n\f\n", ++l->page);
}

static void gen_signatories(sb *o, doc *d, size_t count, const layout *l) {
  sb_puts(o, PICK(sig_headings));
  int style = (int)rnd(8); /* 0-2 numbered, 3-5 bulleted/one per line, 6-7 paragraph */
  static const char *const bullets[] = {"\xe2\x80\xa2 ", "- ", "* ", "\xe2\x80\x93 ", ""};
  const char *bullet = PICK(bullets);
  const char *sep = chance(0.5) ? "; " : ", ";
  sb_puts(o, style >= 6 && chance(0.5) ? " " : "\n\n");
  sb para = {0};
  for (size_t i = 0; i < count; i++) {
    sb item = {0};
    if (chance(0.08)) {
      sb_printf(&item, "%s ", chance(0.5) ? "Dr." : "Prof.");
      gen_person(&item);
      sb_printf(&item, ", %s", PICK(person_roles));
    } else {
      gen_org(&item);
      double r = rnd_real();
      if (r < 0.35) {
        sb_printf(&item, " (%s)", countries[rnd(COUNT(countries))][0]);
      } else if (r < 0.5) {
        sb acr = {0};
        put_acronym(&acr, item.p, item.len);
        sb_printf(&item, " (%s, %s)", acr.p ? acr.p : "", countries[rnd(COUNT(countries))][0]);
        free(acr.p);
      } else if (r < 0.55) {
        sb_printf(&item, " (%s/%s)", countries[rnd(COUNT(countries))][0],
                  countries[rnd(COUNT(countries))][0]);
      } else if (r < 0.6) {
        sb_printf(&item, ", %s", countries[rnd(COUNT(countries))][0]);
      }
    }
    if (style >= 6) {
      if (i) sb_puts(&para, sep);
      sb_add(&para, item.p, item.len);
    } else {
      if (style == 0)
        sb_printf(o, "%zu. ", i + 1);
      else if (style == 1)
        sb_printf(o, "%zu) ", i + 1);
      else if (style == 2)
        sb_printf(o, "%zu.\t", i + 1);
      else
        sb_puts(o, bullet);
      sb_add(o, item.p, item.len);
      sb_putc(o, '\n');
    }
    free(item.p);
  }
  if (style >= 6) {
    sb_putc(&para, '.');
    put_block(o, para.p, l, "");
    free(para.p);
  } else {
    sb_putc(o, '\n');
  }
  (void)d;
}

static void gen_demands(sb *o, doc *d, const layout *l) {
  sb line = {0};
  fill(&line, PICK(call_lines), d);
  put_block(o, line.p, l, "");
  size_t n = rnd_in(2, 8);
  int style = (int)rnd(4);
  for (size_t i = 0; i < n; i++) {
    line.len = 0;
    if (style == 0)
      sb_printf(&line, "%zu. ", i + 1);
    else if (style == 1)
      sb_printf(&line, "%zu) ", i + 1);
    else if (style == 2)
      sb_puts(&line, "\xe2\x80\xa2 ");
    else
      sb_puts(&line, "- ");
    fill(&line, PICK(demand_items), d);
    sb_puts(&line, i + 1 < n ? ";" : ".");
    if (l->wrap)
      put_wrapped(o, line.p, l->wrap, "   ");
    else
      sb_puts(o, line.p);
    sb_putc(o, '\n');
  }
  sb_putc(o, '\n');
  free(line.p);
}

static void gen_notes(sb *o, const doc *d) {
  if (!d->notes) return;
  sb_printf(o, "%s\n\n", PICK(note_headings));
  for (unsigned i = 1; i <= d->notes; i++) {
    if (d->note_style == 1) sb_printf(o, "[%u] ", i);
    else sb_printf(o, "%u ", i);
    sb_printf(o, "https://news.example.org/%d/%02zu/report-%u-%zu\n", d->year,
              rnd_in(1, 12), i, rnd(100000));
  }
}

/* Write one document of about `target` bytes into `o`. */
static void gen_doc(sb *o, size_t target, int large) {
  doc d = {0};
  d.country = rnd(COUNT(countries));
  for (int i = 0; i < 3; i++) d.city[i] = any_city();
  d.year = (int)rnd_in(2005, 2025);
  d.date_style = (int)rnd(DATE_STYLES);
  d.note_style = chance(0.5) ? (int)rnd_in(1, 2) : 0;
  d.note_rate = 0.3;
  int appeal = chance(0.5);
  layout l = {chance(0.35) ? rnd_in(60, 78) : 0, 0};
  double src_share = src_paras.n ? (chance(0.3) ? 0.6 : 0.15) : 0.0;

  /* Head: title and date line. */
  sb t = {0};
  if (src_titles.n && chance(0.2))
    mutate_para(&t, src_titles.v[rnd(src_titles.n)], &d);
  else
    fill(&t, PICK(titles), &d);
  if (chance(0.25))
    for (size_t i = 0; i < t.len; i++) t.p[i] = (char)toupper((unsigned char)t.p[i]);
  put_block(o, t.p, &l, "");
  t.len = 0;
  switch (rnd(4)) {
  case 0: gen_date(&t, &d); break;
  case 1: sb_printf(&t, "%s, ", d.city[0]); gen_date(&t, &d); break;
  case 2: sb_puts(&t, "Published: "); gen_date(&t, &d); break;
  default: break; /* the date is only in the text */
  }
  if (t.len) put_block(o, t.p, &l, "");

  /* The tail first, so that the body can fill the rest of the target. */
  sb tail = {0};
  layout tl = l;
  if (appeal) {
    gen_demands(&tail, &d, &tl);
    size_t sigs = large ? rnd_in(50, 600) : rnd_real() < 0.6 ? rnd_in(3, 30)
                                         : rnd_real() < 0.75 ? rnd_in(30, 120)
                                                             : rnd_in(120, 400);
    size_t cap = target / 3 / 45 + 3; /* about 45 bytes a signatory */
    gen_signatories(&tail, &d, sigs < cap ? sigs : cap, &tl);
  }

  /* The body: paragraphs, and in long documents headings, until full. */
  size_t since_heading = 0;
  while (o->len + tail.len < target) {
    t.len = 0;
    if (since_heading > 3 && chance(large ? 0.2 : 0.1)) {
      fill(&t, PICK(headings), &d);
      put_block(o, t.p, &l, "");
      since_heading = 0;
      continue;
    }
    if (chance(src_share))
      mutate_para(&t, src_paras.v[rnd(src_paras.n)], &d);
    else
      gen_para(&t, &d, appeal);
    put_block(o, t.p, &l, "");
    put_page_break(o, &l);
    since_heading++;
  }
  sb_add(o, tail.p ? tail.p : "", tail.len);
  gen_notes(o, &d);
  free(t.p);
  free(tail.p);
}

/* ---- main -------------------------------------------------------------- */

static size_t parse_size(const char *s) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || end == s || v <= 0) die("bad size '%s'", s);
  switch (toupper((unsigned char)*end)) {
  case 'K': v *= KIB; end++; break;
  case 'M': v *= MIB; end++; break;
  case 'G': v *= MIB * KIB; end++; break;
  default: break;
  }
  if (*end == 'i' || *end == 'B') end++;
  if (*end == 'B') end++;
  if (*end) die("bad size '%s' (use a number with K, M or G)", s);
  return (size_t)v;
}

static void usage(FILE *f) {
  fputs("Usage: kgr-gencorpus --size SIZE --out DIR [--seed N] [--data DIR]\n"
        "                     [--seeds DIR] [--cities FILE] [--large N]\n"
        "                     [--doc-size SIZE] [--quiet]\n"
        "Write a reproducible corpus of about SIZE bytes (K, M, G suffixes are\n"
        "binary) into DIR as doc-NNNNNN.txt, replacing earlier doc-*.txt there.\n"
        "  --seed N      PRNG seed (default 1)\n"
        "  --data DIR    sample documents, *.txt (default " KGR_DATA_DIR ")\n"
        "  --seeds DIR   more input documents when present (default " KGR_SEEDS_DIR ")\n"
        "  --cities FILE gazetteer to sample city names from (default " KGR_CITIES_FILE ")\n"
        "  --large N     number of 1-5 MiB documents (default: one per 40 MiB)\n"
        "  --doc-size SIZE  make every document about SIZE bytes instead (for\n"
        "                checking that time grows linearly with size)\n",
        f);
}

/* Remove the doc-*.txt files an earlier run left, so that a smaller corpus
 * does not inherit them. */
static void clear_out(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t n = strlen(e->d_name);
    if (strncmp(e->d_name, "doc-", 4) == 0 && n > 8 && strcmp(e->d_name + n - 4, ".txt") == 0) {
      sb path = {0};
      sb_printf(&path, "%s/%s", dir, e->d_name);
      unlink(path.p);
      free(path.p);
    }
  }
  closedir(d);
}

int main(int argc, char **argv) {
  size_t size = 0, doc_size = 0;
  long large = -1;
  uint64_t seed = 1;
  const char *out = NULL, *data = KGR_DATA_DIR, *seeds = KGR_SEEDS_DIR,
             *cities_file = KGR_CITIES_FILE;
  int quiet = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      return 0;
    } else if (!strcmp(a, "--quiet")) {
      quiet = 1;
      continue;
    }
    if (!v) {
      usage(stderr);
      return 2;
    }
    if (!strcmp(a, "--size")) size = parse_size(v);
    else if (!strcmp(a, "--out")) out = v;
    else if (!strcmp(a, "--seed")) seed = strtoull(v, NULL, 0);
    else if (!strcmp(a, "--data")) data = v;
    else if (!strcmp(a, "--seeds")) seeds = v;
    else if (!strcmp(a, "--cities")) cities_file = v;
    else if (!strcmp(a, "--large")) large = strtol(v, NULL, 10);
    else if (!strcmp(a, "--doc-size")) doc_size = parse_size(v);
    else {
      fprintf(stderr, "kgr-gencorpus: unknown option '%s'\n", a);
      usage(stderr);
      return 2;
    }
    i++;
  }
  if (!size || !out) {
    usage(stderr);
    return 2;
  }
  rng_state = seed;

  size_t n_data = load_sources(data);
  size_t n_seeds = load_sources(seeds);
  size_t n_cities = load_cities(cities_file, 48);
  if (!quiet)
    fprintf(stderr,
            "kgr-gencorpus: inputs: %zu sample documents, %zu seeds, %zu paragraphs, "
            "%zu sampled cities%s\n",
            n_data, n_seeds, src_paras.n, n_cities,
            n_data + n_seeds ? "" : " (no documents found: built-in templates only)");

  if (mkdir(out, 0777) != 0 && errno != EEXIST) die("cannot create %s: %s", out, strerror(errno));
  clear_out(out);

  size_t n_large = doc_size ? 0
                   : large >= 0 ? (size_t)large
                   : size >= 32 * MIB ? size / (40 * MIB) + 1
                                      : 0;
  size_t written = 0, docs = 0, largest = 0, large_done = 0;
  uint64_t sum = 0xcbf29ce484222325ull; /* FNV-1a of every byte, in order */
  sb o = {0};
  while (written < size) {
    int is_large = large_done < n_large && written >= size / (n_large + 1) * (large_done + 1);
    size_t target;
    if (is_large) {
      target = rnd_in(MIB, 5 * MIB);
      large_done++;
    } else if (doc_size) {
      target = doc_size;
    } else {
      target = (size_t)(2048.0 * exp(rnd_real() * log(25.0)));
    }
    if (target > size - written && !is_large)
      target = size - written < 2048 ? 2048 : size - written;
    o.len = 0;
    gen_doc(&o, target, is_large || target >= MIB);
    sb path = {0};
    sb_printf(&path, "%s/doc-%06zu.txt", out, docs + 1);
    FILE *f = fopen(path.p, "wb");
    if (!f || fwrite(o.p, 1, o.len, f) != o.len || fclose(f) != 0)
      die("cannot write %s: %s", path.p, strerror(errno));
    free(path.p);
    for (size_t i = 0; i < o.len; i++) sum = (sum ^ (unsigned char)o.p[i]) * 0x100000001b3ull;
    written += o.len;
    if (o.len > largest) largest = o.len;
    docs++;
  }
  free(o.p);
  printf("kgr-gencorpus: wrote %zu documents, %zu bytes (largest %zu) to %s; seed %llu, "
         "checksum %016llx\n",
         docs, written, largest, out, (unsigned long long)seed, (unsigned long long)sum);
  return 0;
}
