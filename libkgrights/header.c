/*
 * header.c - the document's header: title, publication date, the country
 * it is about, and the organisation that issued it.
 *
 * The header is the run of short blocks before the body: labels ("PUBLIC
 * STATEMENT"), the headline, a date line, a "Statement by X" line. The
 * body starts at the first block that is none of these.
 */
#include <string.h>

#include "acronyms.h"
#include "dates.h"
#include "parser.h"
#include "utf8.h"

enum {
  TOP_BLOCKS = 8,          /* header blocks looked at before the body */
  TITLE_MAX_WORDS = 30,    /* a longer first block is body text */
  BODY_BLOCKS = 3,         /* body blocks searched for the country and issuer */
  TAIL_BLOCKS = 3,         /* last blocks searched for a date line */
  MAX_COUNTRIES = 16,      /* distinct countries tallied */
  LABELLED_MAX_WORDS = 24, /* a reference line ending "Date: 14 March 2023" */
  TALLY_BYTES = 4000,      /* of each body block, read for the country */
  DECK_MIN_WORDS = 3,      /* a deck under the headline in the same block */
  LONG_PARAGRAPH = 200,    /* bytes: a paragraph a hard wrap would break */
  FIELD_LINES = 16,        /* lines of a block of "Label: value" fields */
  FIELD_LABEL_WORDS = 10,  /* words of a field's label */
  FIELD_LABEL_BYTES = 120, /* where a field's colon may stand */
  LETTERHEAD_MAX_WORDS = 80,
  CITY_BLOCKS = 8,         /* paragraphs searched for cities, for the country */
  CITY_POPULATION = 100000,
  PUBLISHER_MAX_WORDS = 10
};

static bool is_ws(char c) { return c == ' ' || c == '\t'; }

/* text[0, *len) without trailing spaces and the characters of `strip`. */
static size_t trim_end(const char *text, size_t len, const char *strip) {
  while (len > 0 && (is_ws(text[len - 1]) || (text[len - 1] && strchr(strip, text[len - 1]))))
    len--;
  return len;
}

static bool starts_lower(const char *text, size_t len) {
  uint32_t cp;
  return len > 0 && kgr_utf8_decode(text, len, &cp) && kgr_is_lower(cp);
}

static size_t skip_ws(const char *text, size_t len, size_t i) {
  while (i < len && is_ws(text[i]))
    i++;
  return i;
}

/* The length of the block's first `max` bytes or so, cut at a space: the
 * opening of a paragraph says what it is about, and a bound keeps a huge
 * one-line input cheap. */
static size_t head_len(const kgr_block *b, size_t max) {
  if (b->len <= max)
    return b->len;
  size_t n = max;
  while (n > 0 && !is_ws(b->text[n]))
    n--;
  return n;
}

/* Does text[0, len) start with a phrase of lex_header_labels tagged `tag`?
 * Returns the offset past it, or 0. */
static size_t label_at(const char *text, size_t len, const char *tag) {
  const kgr_lex_entry *e = NULL;
  size_t n = kgr_lex_match(&kgr_lex_header_labels, text, len, 0, &e);
  return n && e && strcmp(e->tag, tag) == 0 ? n : 0;
}

static size_t label_at_start(const kgr_block *b, const char *tag) {
  return label_at(b->text, b->len, tag);
}

/* Does a date label ("Date:", "Published:", "Dated", "Posted on") end
 * text[0, end)? */
static bool date_label_before(const char *text, size_t end) {
  size_t e = trim_end(text, end, ":");
  for (int k = 0; k < 2; k++) {
    size_t s = e;
    while (s > 0 && kgr_is_word_byte((unsigned char)text[s - 1]))
      s--;
    if (s == e)
      return false;
    if (k == 0 && kgr_ascii_ieq(text + s, e - s, "on")) { /* "Published on" */
      e = trim_end(text, s, "");
      continue;
    }
    const kgr_lex_entry *x = kgr_lex_lookup(&kgr_lex_header_labels, text + s, e - s);
    return x && strcmp(x->tag, "label") == 0 && strcmp(x->extra, "date") == 0;
  }
  return false;
}

/* text[0, len) without trailing spaces, separators and dashes (ASCII or
 * en and em dashes): "Bishkek -", "Bishkek \u2013". */
static size_t trim_separators(const char *text, size_t len) {
  for (;;) {
    len = trim_end(text, len, ",:;|-");
    if (len >= 3 && (unsigned char)text[len - 3] == 0xE2 && (unsigned char)text[len - 2] == 0x80 &&
        ((unsigned char)text[len - 1] == 0x93 || (unsigned char)text[len - 1] == 0x94))
      len -= 3;
    else
      return len;
  }
}

/* A date line: the whole of text[0, len) is a date (kgr_date_line: "9
 * October 2020", "Bishkek, 9 October 2020", "Date: 09.10.2020"), or a short
 * text that ends with a full date after a label, a reference or a place
 * ("PUBLIC STATEMENT 9 October 2020"). Sets *ymd and the date's range. */
static bool date_line_in(kgr_doc *doc, const char *text, size_t len, kgr_ymd *ymd, size_t *start,
                         size_t *end) {
  if (len > 160)
    return false;
  bool whole = kgr_date_line(text, len, ymd);
  /* a reference line may run longer: "UA: 27/23 Index: EUR 60/6841/2023
   * Tajikistan Date: 14 March 2023" */
  if (!whole && kgr_word_count(text, len, LABELLED_MAX_WORDS + 1) > LABELLED_MAX_WORDS)
    return false;
  bool short_line = kgr_word_count(text, len, 13) <= 12;
  kgr_date_hit_vec hits = {0};
  kgr_dates_find(&doc->arena, text, len, &hits);
  size_t text_end = trim_end(text, len, ".");
  for (size_t i = hits.count; i-- > 0;) {
    const kgr_date_hit *h = &hits.items[i];
    if (h->precision != KGR_PRECISION_DAY || !h->year_written)
      continue;
    if (whole) {
      *start = h->start;
      *end = h->end;
      return true;
    }
    if (h->end != text_end)
      continue;
    size_t plen = trim_separators(text, h->start);
    bool labelled = date_label_before(text, h->start);
    bool prefix_ok = labelled || (short_line && (plen == 0 || label_at(text, len, "label") ||
                                                 kgr_gaz_lookup(text, plen, NULL) != NULL));
    if (!prefix_ok)
      return false;
    *ymd = h->from;
    *start = h->start;
    *end = h->end;
    return true;
  }
  if (whole) { /* the recognizer agreed but gave no hit: take the text */
    *start = 0;
    *end = len;
  }
  return whole;
}

static bool find_date_line(kgr_doc *doc, const kgr_block *b, kgr_ymd *ymd, size_t *start,
                           size_t *end) {
  return b->kind != KGR_BLOCK_FOOTNOTE && date_line_in(doc, b->text, b->len, ymd, start, end);
}

/*
 * A field line: "Label: value", the label one to FIELD_LABEL_WORDS words
 * opening with a capital ("Date: 4 May 2021", "Location: Geneva",
 * "Spokesperson for the UN High Commissioner for Human Rights: X").
 * Sets the label's end and the value's start (offsets into text).
 */
static bool field_line(const char *text, size_t ls, size_t le, size_t *label_end,
                       size_t *value) {
  size_t max = le - ls < FIELD_LABEL_BYTES ? le - ls : FIELD_LABEL_BYTES;
  const char *colon = memchr(text + ls, ':', max);
  if (!colon || !kgr_utf8_starts_upper(text + ls, le - ls))
    return false;
  size_t c = (size_t)(colon - text);
  size_t words = kgr_word_count(text + ls, c - ls, FIELD_LABEL_WORDS + 1);
  size_t v = skip_ws(text, le, c + 1);
  if (words == 0 || words > FIELD_LABEL_WORDS || v >= le)
    return false;
  for (size_t i = ls; i < c; i++) /* a label is no sentence */
    if (text[i] == '.' || text[i] == '!' || text[i] == '?')
      return false;
  *label_end = trim_end(text, c, "");
  *value = v;
  return true;
}

/* The `extra` of the header label that text[s, e) is exactly ("Date" ->
 * "date", "Location" -> "place", "Subject" -> "subject"; "" for a label
 * without one), or NULL when it is no label. */
static const char *field_kind(const char *text, size_t s, size_t e) {
  const kgr_lex_entry *x = kgr_lex_lookup(&kgr_lex_header_labels, text + s, e - s);
  return x && (strcmp(x->tag, "label") == 0 || strcmp(x->tag, "field") == 0) ? x->extra : NULL;
}

/* What a block of field lines gives the header. */
typedef struct fields {
  bool date;
  kgr_ymd ymd;
  size_t date_start, date_end;
  const kgr_country *subject; /* "Subject: Colombia", "Country: Iran" */
} fields;

/*
 * A block of field lines, one a line, at least one of them under a known
 * label ("Location: Geneva\nDate: 4 May 2021\nSubject: Colombia"): the
 * block is header material, not a deck or a headline. Reads the date of a
 * date field and the country of a subject field. Returns false, reading
 * nothing, when some line is not a field.
 */
static bool field_block(kgr_doc *doc, const kgr_block *b, fields *f) {
  memset(f, 0, sizeof *f);
  if (b->kind == KGR_BLOCK_FOOTNOTE || b->line_count < 1 || b->line_count > FIELD_LINES)
    return false;
  bool known = false;
  for (size_t k = 0; k < b->line_count; k++) {
    size_t ls, le, lab, val;
    if (!kgr_block_line(b, k, &ls, &le) || !field_line(b->text, ls, le, &lab, &val))
      return false;
    const char *kind = field_kind(b->text, ls, lab);
    if (!kind)
      continue;
    /* one line alone is a field for sure only under some labels:
     * "Re: Detention of ..." may be the headline */
    known = known || strcmp(kind, "date") == 0 || strcmp(kind, "place") == 0 ||
            strcmp(kind, "addressee") == 0 ||
            (strcmp(kind, "subject") == 0 && b->line_count > 1);
    if (strcmp(kind, "date") == 0 && !f->date) {
      size_t ds, de;
      if (date_line_in(doc, b->text + val, le - val, &f->ymd, &ds, &de)) {
        f->date = true;
        f->date_start = val + ds;
        f->date_end = val + de;
      }
    } else if (strcmp(kind, "subject") == 0 && !f->subject) {
      size_t vlen = trim_end(b->text + val, le - val, ".");
      const kgr_country *c = NULL;
      if (vlen && kgr_country_at(b->text + val, vlen, 0, &c, NULL) == vlen)
        f->subject = c;
    }
  }
  return known || f->subject;
}

/* A press release's dateline opening the first paragraph: "(Berlin,
 * January 10, 2022) - Kazakh authorities should ...", "BISHKEK, 9 October
 * 2020: ...". Sets *ymd and the date's range in the text. */
static bool find_dateline(kgr_doc *doc, const kgr_block *b, kgr_ymd *ymd, size_t *start,
                          size_t *end) {
  size_t head = b->len < 80 ? b->len : 80;
  kgr_date_hit_vec hits = {0};
  kgr_dates_find(&doc->arena, b->text, head, &hits);
  if (!hits.count)
    return false;
  const kgr_date_hit *h = &hits.items[0];
  if (h->precision != KGR_PRECISION_DAY || !h->year_written)
    return false;
  /* before it: "(" and a place followed by a comma, or a place and then
   * "(": "(Berlin, August 15, 2020) -", "GENEVA (26 October 2022) -" */
  size_t i = 0;
  if (i < h->start && b->text[i] == '(')
    i++;
  size_t plen = trim_end(b->text, h->start, "");
  bool paren = i == 0 && plen > 0 && b->text[plen - 1] == '(';
  if (paren)
    plen = trim_end(b->text, plen - 1, "");
  if (plen > i) {
    if ((!paren && b->text[plen - 1] != ',') || kgr_word_count(b->text + i, plen - i, 5) > 4)
      return false;
    size_t pos = i; /* the place: capitalised words ("NEW YORK", "Berlin") */
    kgr_word w;
    while (kgr_word_next(b->text, plen, &pos, &w))
      if (!kgr_word_is_capitalised(b->text + w.start, w.end - w.start))
        return false;
  }
  /* after it: ")" when one opened, and a dash or a colon */
  size_t j = skip_ws(b->text, b->len, h->end);
  if (j < b->len && b->text[j] == ')')
    j = skip_ws(b->text, b->len, j + 1);
  else if (paren || i == 1)
    return false;
  static const char *const dashes[] = {"-", ":", "\xE2\x80\x93", "\xE2\x80\x94"};
  for (size_t k = 0; k < sizeof dashes / sizeof *dashes; k++) {
    size_t dl = strlen(dashes[k]);
    if (j + dl <= b->len && memcmp(b->text + j, dashes[k], dl) == 0) {
      *ymd = h->from;
      *start = h->start;
      *end = h->end;
      return true;
    }
  }
  return false;
}

/* Is text[0, len) a label ("PUBLIC STATEMENT", "For immediate release",
 * "AI Index: EUR 58/3146/2020")? */
static bool is_label(const char *text, size_t len) {
  const kgr_lex_entry *e = NULL;
  size_t n = kgr_lex_match(&kgr_lex_header_labels, text, len, 0, &e);
  if (!n || strcmp(e->tag, "label") != 0)
    return false;
  const char *rest = text + n;
  size_t rlen = len - n;
  size_t words = kgr_word_count(rest, rlen, 6);
  if (words == 0)
    return true;
  bool digit = false;
  for (size_t i = 0; i < rlen; i++)
    digit = digit || kgr_is_digit((unsigned char)rest[i]);
  return digit && words <= 5;
}

/* Is text[s, e) an organisation's name and nothing else ("AMNESTY
 * INTERNATIONAL" over "PUBLIC STATEMENT")? */
static bool is_org_line(const char *text, size_t s, size_t e) {
  e = trim_end(text, e, "");
  return e > s && kgr_name_end(text, e, s, false) == e &&
         kgr_has_org_word(text + s, e - s, "org") && !kgr_has_org_word(text + s, e - s, "state");
}

/* A block made only of labels, and perhaps the publisher's name, one a
 * line: not the headline. */
static bool is_label_block(const kgr_block *b) {
  if (is_label(b->text, b->len))
    return true;
  if (b->line_count < 2 || b->line_count > 3)
    return false;
  bool label = false;
  for (size_t k = 0; k < b->line_count; k++) {
    size_t ls, le;
    if (!kgr_block_line(b, k, &ls, &le))
      return false;
    if (is_label(b->text + ls, le - ls))
      label = true;
    else if (!is_org_line(b->text, ls, le))
      return false;
  }
  return label;
}

/* A block that only names a country ("TAJIKISTAN", "Kyrgyzstan:"): a
 * label over or under the headline. */
static bool is_country_line(const kgr_block *b) {
  size_t len = trim_end(b->text, b->len, ":.");
  const kgr_country *c = NULL;
  return len && kgr_country_at(b->text, len, 0, &c, NULL) == len;
}

static bool is_title_candidate(const kgr_block *b, bool next_is_date) {
  if (b->kind != KGR_BLOCK_PARAGRAPH && b->kind != KGR_BLOCK_HEADING)
    return false;
  size_t words = kgr_word_count(b->text, b->len, TITLE_MAX_WORDS + 1);
  if (words == 0 || words > TITLE_MAX_WORDS)
    return false;
  size_t len = trim_end(b->text, b->len, "");
  if (len == 0 || b->text[len - 1] == ',' || b->text[len - 1] == ':' || b->text[len - 1] == ';')
    return false;
  return !b->ends_sentence || b->all_caps || next_is_date;
}

/* A deck under the headline: "Authorities Should Ensure Accountability for
 * Deaths" - short, no full stop, not a heading over what follows. */
static bool is_subtitle(const kgr_block *b) {
  if (b->kind != KGR_BLOCK_PARAGRAPH && b->kind != KGR_BLOCK_HEADING)
    return false;
  size_t len = trim_end(b->text, b->len, "");
  return len && !b->ends_sentence && b->text[len - 1] != ':' &&
         kgr_word_count(b->text, len, 21) <= 20 && kgr_word_count(b->text, len, 4) >= 3;
}

/* Are the document's long paragraphs one input line each (text pasted
 * from the web, not hard-wrapped)? Then a line break inside the headline's
 * block is the author's own: the headline, then its deck. */
static bool unwrapped(const kgr_layout *lay) {
  size_t one = 0, many = 0;
  for (size_t i = 0; i < lay->block_count && one + many < 16; i++) {
    const kgr_block *b = &lay->blocks[i];
    if (b->kind != KGR_BLOCK_PARAGRAPH || b->len < LONG_PARAGRAPH)
      continue;
    if (b->line_count <= 1)
      one++;
    else
      many++;
  }
  return one > many;
}

/* Can text[0, e) end a headline: not after a comma, a colon or a joining
 * word ("... Beatings of", "... and")? */
static bool can_end_headline(const char *text, size_t e) {
  e = trim_end(text, e, "");
  if (e == 0 || strchr(",;:-&", text[e - 1]))
    return false;
  size_t ws = e;
  while (ws > 0 && kgr_is_word_byte((unsigned char)text[ws - 1]))
    ws--;
  if (ws == e)
    return (unsigned char)text[e - 1] < 0x80; /* "?", "!", a quote; not a dash */
  const char *tag = kgr_org_word_at(text, e, ws, NULL);
  static const char *const joins[] = {"a", "an", "by", "or", "as", "than", "into", "over"};
  for (size_t k = 0; k < sizeof joins / sizeof *joins; k++)
    if (kgr_ascii_ieq(text + ws, e - ws, joins[k]))
      return false;
  return !(tag && strcmp(tag, "connector") == 0);
}

/* Where a deck starts inside the headline's block b ("Belarus: Mass
 * Arrests\nDetainees Describe Torture; ..."): the first line that opens with
 * a capital and has a few words, after a line that can end a headline.
 * Returns its offset in the text, or 0 for none. Headlines in capitals
 * have no deck told apart this way. */
static size_t deck_start(const kgr_block *b) {
  if (b->all_caps || b->line_count < 2)
    return 0;
  for (size_t k = 1; k < b->line_count; k++) {
    size_t ps, pe, ls, le;
    if (!kgr_block_line(b, k - 1, &ps, &pe) || !kgr_block_line(b, k, &ls, &le))
      return 0;
    if (!can_end_headline(b->text, pe) || !kgr_utf8_starts_upper(b->text + ls, b->len - ls))
      continue;
    if (kgr_word_count(b->text + ls, b->len - ls, DECK_MIN_WORDS) >= DECK_MIN_WORDS)
      return ls;
  }
  return 0;
}

/* Is the name text[s, e) fit to be an issuer: an organisation (an
 * organisation word or an acronym), not a state body, not a country? */
static bool issuer_name_ok(const char *text, size_t s, size_t e) {
  if (e <= s)
    return false;
  const char *n = text + s;
  size_t len = e - s;
  if (kgr_has_org_word(n, len, "state"))
    return false;
  if (kgr_country_lookup(n, len, NULL))
    return false;
  return kgr_has_org_word(n, len, "org") || kgr_is_acronym(n, len);
}

/* Skip a leading "The " (names keep their own words only). */
static size_t skip_the(const char *text, size_t len, size_t i) {
  if (i + 4 <= len && kgr_ascii_istarts(text + i, len - i, "the "))
    return skip_ws(text, len, i + 4);
  return i;
}

/* Set the issuer from the name text[s, e) of block b, with an acronym in
 * parentheses after it if there is one. */
static void set_issuer(kgr_doc *doc, const kgr_block *b, size_t s, size_t e) {
  size_t as = 0, ae = 0;
  size_t past = kgr_paren_acronym(b->text, b->len, e, &as, &ae);
  doc->issuer.name = kgr_arena_str(&doc->arena, b->text + s, e - s);
  doc->issuer.acronym =
      past ? kgr_arena_str(&doc->arena, b->text + as, ae - as) : (kgr_str){NULL, 0};
  doc->issuer.span = kgr_block_span(b, s, past ? past : e);
  doc->has_issuer = true;
}

/* Does another organisation's name follow the name ending at e: ", B",
 * " and B", " & B" (after an acronym in parentheses)? A statement by
 * several organisations has no one issuer: they are its signatories. */
static bool more_names_follow(const char *t, size_t len, size_t e) {
  size_t as, ae, past = kgr_paren_acronym(t, len, e, &as, &ae);
  size_t i = skip_ws(t, len, past ? past : e);
  if (i < len && (t[i] == ',' || t[i] == '&'))
    i = skip_ws(t, len, i + 1);
  else if (i + 4 <= len && kgr_ascii_istarts(t + i, len - i, "and "))
    i = skip_ws(t, len, i + 4);
  else
    return false;
  i = skip_the(t, len, i);
  return i < len && kgr_word_is_capitalised(t + i, len - i);
}

/* A by-line: "Statement by X", "Issued by the X", "Incident report by X",
 * "Joint statement by A, B and C". Returns true when block b is one (it is
 * header material then); sets the issuer when it names one organisation. */
static bool by_line(kgr_doc *doc, const kgr_block *b) {
  if (kgr_word_count(b->text, b->len, 41) > 40)
    return false;
  /* "Statement by", or a label and then "by": "Briefing paper by" */
  size_t p = label_at_start(b, "by");
  size_t label = p ? 0 : label_at_start(b, "label");
  if (label) {
    size_t pos = label;
    kgr_word w;
    for (int k = 0; k < 3 && !p && kgr_word_next(b->text, b->len, &pos, &w); k++)
      if (kgr_ascii_ieq(b->text + w.start, w.end - w.start, "by"))
        p = w.end;
  }
  if (!p)
    return false;
  p = skip_the(b->text, b->len, skip_ws(b->text, b->len, p));
  size_t e = kgr_name_end(b->text, b->len, p, false);
  if (e == p)
    return false;
  if (more_names_follow(b->text, b->len, e))
    return true;
  if (kgr_word_count(b->text, b->len, 21) > 20 || !issuer_name_ok(b->text, p, e))
    return false;
  if (!doc->has_issuer)
    set_issuer(doc, b, p, e);
  return true;
}

/* Is the word at text[i] (after spaces) one of the verbs of lexicon lex
 * (any tag but "modal" and "heading")? Returns the offset past it or 0.
 * `present`: only a verb in the present tense ("calls on", "urges",
 * "considers"), which an organisation uses of itself in its own
 * statement; "the EU called for" or "CPJ reported" tell what others did. */
static size_t verb_at(const kgr_lexicon *lex, const char *text, size_t len, size_t i,
                      bool present) {
  const kgr_lex_entry *e = NULL;
  size_t n = kgr_lex_match(lex, text, len, i, &e);
  if (!n || !e || strcmp(e->tag, "modal") == 0 || strcmp(e->tag, "heading") == 0)
    return 0;
  if (present) {
    size_t we = i;
    while (we < i + n && kgr_is_word_byte((unsigned char)text[we]))
      we++;
    bool third_person = we - i > 2 && text[we - 1] == 's' && text[we - 2] != 's';
    if (!third_person && strcmp(e->tag, "stance") != 0)
      return 0;
  }
  return i + n;
}

/* "Amnesty International urges ...", "The X Network has gathered ...",
 * "Amnesty International is calling on ...": an organisation's name at the
 * start of text followed by a call or reporting verb (a verb in the present
 * tense when `present`). */
static bool issuer_at_start(kgr_doc *doc, const kgr_block *b, size_t from, size_t to,
                            bool present) {
  const char *t = b->text;
  size_t s = skip_the(t, to, skip_ws(t, to, from));
  size_t e = kgr_name_end(t, to, s, true);
  if (!issuer_name_ok(t, s, e))
    return false;
  size_t after = e, as, ae;
  size_t past = kgr_paren_acronym(t, to, e, &as, &ae);
  if (past)
    after = past;
  size_t v = skip_ws(t, to, after);
  if (v < to && t[v] == ',') { /* "X, a partnership of A and B, requests" */
    const char *close = memchr(t + v + 1, ',', to - v - 1 < 160 ? to - v - 1 : 160);
    if (!close)
      return false;
    v = skip_ws(t, to, (size_t)(close - t) + 1);
  }
  if (!verb_at(&kgr_lex_call_verbs, t, to, v, present) &&
      !verb_at(&kgr_lex_report_verbs, t, to, v, present)) {
    /* an auxiliary first: "is calling on", "has documented", "today said" */
    static const char *const aux[] = {"is ", "are ", "has ", "have ", "today ", "also ", "again "};
    bool found = false;
    for (size_t k = 0; k < sizeof aux / sizeof *aux && !found; k++) {
      size_t al = strlen(aux[k]);
      if (v + al < to && kgr_ascii_istarts(t + v, to - v, aux[k])) {
        size_t w = skip_ws(t, to, v + al);
        bool tense_ok = !present || k < 4; /* "is calling", "has documented" */
        found = tense_ok && (verb_at(&kgr_lex_call_verbs, t, to, w, false) ||
                             verb_at(&kgr_lex_report_verbs, t, to, w, false));
      }
    }
    if (!found)
      return false;
  }
  set_issuer(doc, b, s, e);
  return true;
}

/* "..., Human Rights Watch said today.": an organisation's name right
 * before a reporting verb inside the sentence t[0, to). */
static bool issuer_before_verb(kgr_doc *doc, const kgr_block *b, size_t to) {
  const char *t = b->text;
  kgr_lex_hit_vec hits = {0};
  kgr_lex_scan(&kgr_lex_report_verbs, &doc->arena, t, to, &hits);
  for (size_t i = 0; i < hits.count; i++) {
    if (strcmp(hits.items[i].entry->tag, "say") != 0)
      continue;
    /* walk back over capitalised words and connectors to a comma or quote */
    size_t e = hits.items[i].start;
    while (e > 0 && is_ws(t[e - 1]))
      e--;
    size_t s = e, steps = 0;
    while (s > 0 && steps++ < 12) {
      size_t ws = s;
      while (ws > 0 && !is_ws(t[ws - 1]))
        ws--;
      size_t we = s;
      kgr_word w;
      size_t cur = ws;
      if (!kgr_word_next(t, we, &cur, &w) || w.start != ws || w.end != we)
        break;
      const char *tag = kgr_org_word_at(t, we, ws, NULL);
      if (!kgr_word_is_capitalised(t + ws, we - ws) && !(tag && strcmp(tag, "connector") == 0))
        break;
      s = ws;
      while (s > 0 && is_ws(t[s - 1]))
        s--;
      if (s == 0 || !is_ws(t[s]))
        break;
    }
    s = skip_the(t, e, skip_ws(t, e, s));
    if (s >= e || !kgr_word_is_capitalised(t + s, e - s))
      continue;
    if (kgr_name_end(t, e, s, true) != e || !issuer_name_ok(t, s, e))
      continue;
    set_issuer(doc, b, s, e);
    return true;
  }
  return false;
}

/* "We, members of the Civic Solidarity Platform (CSP) - ...": the network
 * that speaks as "we". "We, the undersigned organisations" names none. */
static bool issuer_we(kgr_doc *doc, const kgr_block *b) {
  const char *t = b->text;
  size_t len = b->len;
  if (len < 4 || memcmp(t, "We,", 3) != 0)
    return false;
  size_t p = 3, lower = 0;
  while (p < len) {
    p = skip_ws(t, len, p);
    if (p >= len || !kgr_is_word_byte((unsigned char)t[p]))
      return false;
    if (kgr_word_is_capitalised(t + p, len - p))
      break;
    if (++lower > 6)
      return false;
    kgr_word w;
    size_t cur = p;
    if (!kgr_word_next(t, len, &cur, &w) || w.start != p)
      return false;
    p = w.end;
  }
  size_t e = kgr_name_end(t, len, p, true);
  if (!issuer_name_ok(t, p, e))
    return false;
  set_issuer(doc, b, p, e);
  return true;
}

/* The sentences of the blocks `blocks` (in document order), first ones
 * excepted, read by issuer_at_start() in the present tense. The layout's
 * sentences are in document order, so one walk finds them. */
static void issuer_in_opening(kgr_doc *doc, const kgr_layout *lay, const kgr_block *const *blocks,
                              size_t n) {
  size_t k = 0;
  bool first = true;
  for (size_t s = 0; s < lay->sentence_count && k < n && !doc->has_issuer; s++) {
    const kgr_sentence *sn = &lay->sentences[s];
    const kgr_block *b = &lay->blocks[sn->block];
    while (k < n && blocks[k] < b) {
      k++;
      first = true;
    }
    if (k >= n || blocks[k] != b)
      continue;
    if (!first || k > 0)
      issuer_at_start(doc, b, sn->start, sn->end, true);
    first = false;
  }
}

/* The issuer's acronym, from the first place in the body blocks where its
 * name stands before one: "The Civic Solidarity Platform (CSP), ...". */
static void issuer_acronym(kgr_doc *doc, const kgr_block *const *blocks, size_t n) {
  const kgr_str name = doc->issuer.name;
  for (size_t k = 0; k < n && name.len; k++) {
    const kgr_block *b = blocks[k];
    size_t len = head_len(b, TALLY_BYTES);
    for (size_t i = 0; i + name.len <= len; i++) {
      if (b->text[i] != name.ptr[0] || memcmp(b->text + i, name.ptr, name.len) != 0 ||
          (i > 0 && kgr_is_word_byte((unsigned char)b->text[i - 1])))
        continue;
      size_t as, ae;
      if (kgr_paren_acronym(b->text, b->len, i + name.len, &as, &ae)) {
        doc->issuer.acronym = kgr_arena_str(&doc->arena, b->text + as, ae - as);
        return;
      }
    }
  }
}

typedef struct tally {
  const kgr_country *c[MAX_COUNTRIES];
  size_t n[MAX_COUNTRIES];
  size_t count;
} tally;

/* Count the countries named or adjectived in text[0, len). */
static void tally_countries(tally *t, const char *text, size_t len) {
  size_t pos = 0;
  kgr_word w;
  while (kgr_word_next(text, len, &pos, &w)) {
    const kgr_country *c = NULL;
    size_t n = kgr_country_at(text, len, w.start, &c, NULL);
    if (!n)
      continue;
    pos = w.start + n;
    size_t k = 0;
    while (k < t->count && t->c[k] != c)
      k++;
    if (k == t->count) {
      if (t->count == MAX_COUNTRIES)
        continue;
      t->c[t->count] = c;
      t->n[t->count++] = 0;
    }
    t->n[k]++;
  }
}

/* Count the countries of the cities of at least CITY_POPULATION people
 * named in text[0, len): a document that names no country ("UA THA
 * 4/2021 ... arrested in Chiang Mai ... in Bangkok") is about theirs. */
static void tally_cities(tally *t, const char *text, size_t len) {
  size_t pos = 0;
  kgr_word w;
  while (kgr_word_next(text, len, &pos, &w)) {
    const kgr_gaz_entry *g = NULL;
    size_t n = kgr_gaz_match(text, len, w.start, NULL, &g);
    if (!n || !g || g->kind != KGR_PLACE_CITY || g->population < CITY_POPULATION)
      continue;
    pos = w.start + n;
    const kgr_country *c = kgr_country_by_code(g->country, strlen(g->country));
    size_t k = 0;
    while (k < t->count && t->c[k] != c)
      k++;
    if (!c || (k == t->count && t->count == MAX_COUNTRIES))
      continue;
    if (k == t->count) {
      t->c[t->count] = c;
      t->n[t->count++] = 0;
    }
    t->n[k]++;
  }
}

/* The most mentioned country; the first mentioned on a tie. */
static const kgr_country *tally_best(const tally *t) {
  const kgr_country *best = NULL;
  size_t most = 0;
  for (size_t k = 0; k < t->count; k++)
    if (t->n[k] > most) {
      most = t->n[k];
      best = t->c[k];
    }
  return best;
}

/* "KYRGYZSTAN: ..." - the country before a colon at the head of the title. */
static const kgr_country *title_prefix_country(const char *t, size_t len) {
  const char *colon = memchr(t, ':', len < 60 ? len : 60);
  if (!colon)
    return NULL;
  size_t plen = (size_t)(colon - t);
  size_t part = 0;
  while (part < plen && t[part] != '/' && t[part] != ',')
    part++;
  part = trim_end(t, part, "");
  const kgr_country *c = NULL;
  size_t n = kgr_country_at(t, part, 0, &c, NULL);
  return n == part ? c : NULL;
}

static void set_country(kgr_doc *doc, const kgr_country *c) {
  if (c)
    doc->country = kgr_arena_cstr(&doc->arena, c->alpha2);
}

static void set_date(kgr_doc *doc, const kgr_block *b, kgr_ymd ymd, size_t start, size_t end) {
  doc->date_ymd = ymd;
  doc->date = kgr_doc_iso_date(doc, ymd);
  doc->date_span = kgr_block_span(b, start, end);
  doc->date_source = KGR_DATE_SOURCE_STATED;
}

/* A header block of one line that is only an organisation's name: the
 * publisher ("Human Rights House Foundation" under the headline). Sets
 * the issuer if none is known. */
static bool publisher_line(kgr_doc *doc, const kgr_block *b) {
  if (b->kind != KGR_BLOCK_PARAGRAPH || b->line_count != 1 || b->ends_sentence ||
      kgr_word_count(b->text, b->len, PUBLISHER_MAX_WORDS + 1) > PUBLISHER_MAX_WORDS)
    return false;
  size_t s = skip_the(b->text, b->len, 0), e = trim_end(b->text, b->len, "");
  if (!is_org_line(b->text, s, e) || !issuer_name_ok(b->text, s, e))
    return false;
  if (!doc->has_issuer)
    set_issuer(doc, b, s, e);
  return true;
}

/* The next block after i that is not a footnote, or NULL. */
static const kgr_block *next_block(const kgr_layout *lay, size_t i) {
  for (size_t k = i + 1; k < lay->block_count; k++)
    if (lay->blocks[k].kind != KGR_BLOCK_FOOTNOTE)
      return &lay->blocks[k];
  return NULL;
}

void kgr_read_header(kgr_doc *doc, const kgr_layout *lay) {
  const kgr_block *title_first = NULL, *title_last = NULL;
  bool have_date = false, subtitle_seen = false;
  size_t i = 0, seen = 0;
  kgr_ymd ymd;
  size_t ds, de;

  const kgr_country *subject = NULL;
  for (; i < lay->block_count && seen < TOP_BLOCKS; i++) {
    const kgr_block *b = &lay->blocks[i];
    if (b->kind == KGR_BLOCK_FOOTNOTE)
      continue;
    seen++;
    fields fb;
    if (field_block(doc, b, &fb)) { /* "Location: Geneva\nDate: 4 May 2021" */
      if (!have_date && fb.date) {
        set_date(doc, b, fb.ymd, fb.date_start, fb.date_end);
        have_date = true;
      }
      if (!subject)
        subject = fb.subject;
      continue;
    }
    if (!have_date && find_date_line(doc, b, &ymd, &ds, &de)) {
      set_date(doc, b, ymd, ds, de);
      have_date = true;
      continue;
    }
    /* a by-line is header material; it is the headline only if none came before */
    if (by_line(doc, b) && title_first)
      continue;
    if (is_label_block(b) || is_country_line(b))
      continue;
    if (publisher_line(doc, b)) /* "Viasna Human Rights Centre" over or under the headline */
      continue;
    if (title_first && !subtitle_seen && is_subtitle(b)) { /* a deck under the headline */
      subtitle_seen = true;
      continue;
    }
    if (!title_first) {
      const kgr_block *nb = next_block(lay, i);
      kgr_ymd y2;
      size_t s2, e2;
      fields nf;
      bool next_date = nb && (find_date_line(doc, nb, &y2, &s2, &e2) ||
                              (field_block(doc, nb, &nf) && nf.date));
      if (is_title_candidate(b, next_date)) {
        title_first = title_last = b;
        /* a headline broken into two blocks: the second goes on in lower case */
        if (nb && !b->ends_sentence && nb->kind == KGR_BLOCK_PARAGRAPH && !next_date &&
            starts_lower(nb->text, nb->len) && kgr_word_count(nb->text, nb->len, 16) <= 15) {
          title_last = nb;
          i = (size_t)(nb - lay->blocks);
        }
        continue;
      }
      /* A long letterhead opening the document, with no full stop: "Mandates
       * of the Special Rapporteur on ...; the Special Rapporteur on ..." */
      if (seen == 1 && b->kind == KGR_BLOCK_PARAGRAPH && !b->ends_sentence &&
          kgr_word_count(b->text, b->len, LETTERHEAD_MAX_WORDS + 1) <= LETTERHEAD_MAX_WORDS)
        continue;
    }
    break;
  }
  size_t body = i;

  if (title_first) {
    /* A deck in the headline's own block stays out of the title. */
    size_t deck = title_first == title_last && unwrapped(lay) ? deck_start(title_first) : 0;
    kgr_buf buf = {0};
    for (const kgr_block *b = title_first; b <= title_last; b++) {
      if (b->kind == KGR_BLOCK_FOOTNOTE)
        continue;
      if (buf.len)
        kgr_buf_putc(&doc->arena, &buf, ' ');
      kgr_buf_append(&doc->arena, &buf, b->text, deck ? trim_end(b->text, deck, "") : b->len);
    }
    size_t len = trim_end(buf.data, buf.len, "");
    if (len > 1 && buf.data[len - 1] == '.' && buf.data[len - 2] != '.')
      len = trim_end(buf.data, len - 1, "");
    doc->title = kgr_arena_str(&doc->arena, buf.data, len);
    doc->title_span = (kgr_span){title_first->span.start, title_last->span.end};
    if (deck)
      doc->title_span = kgr_block_span(title_first, 0, trim_end(title_first->text, deck, ""));
  }

  /* The body blocks that the country and the issuer are looked for in. */
  const kgr_block *body_blocks[BODY_BLOCKS];
  size_t nbody = 0;
  for (size_t k = body; k < lay->block_count && nbody < BODY_BLOCKS; k++) {
    const kgr_block *b = &lay->blocks[k];
    if (b->kind == KGR_BLOCK_PARAGRAPH || b->kind == KGR_BLOCK_LIST_ITEM)
      body_blocks[nbody++] = b;
  }
  if (!have_date && nbody && find_dateline(doc, body_blocks[0], &ymd, &ds, &de)) {
    set_date(doc, body_blocks[0], ymd, ds, de);
    have_date = true;
  }
  /* A date line may also close the document ("Bishkek, 9 October 2020"). */
  for (size_t k = lay->block_count, tail = 0; !have_date && k-- > body && tail < TAIL_BLOCKS;) {
    const kgr_block *b = &lay->blocks[k];
    if (b->kind == KGR_BLOCK_FOOTNOTE)
      continue;
    tail++;
    if (kgr_date_line(b->text, b->len, &ymd) && find_date_line(doc, b, &ymd, &ds, &de)) {
      set_date(doc, b, ymd, ds, de);
      have_date = true;
    }
  }

  /* Country: a "Subject:" field, the title's "COUNTRY:" prefix, else the title's most named
   * country, else the first paragraphs'. */
  const kgr_country *country = subject;
  if (!country && title_first)
    country = title_prefix_country(doc->title.ptr, doc->title.len);
  if (!country && title_first) {
    tally t = {0};
    tally_countries(&t, doc->title.ptr, doc->title.len);
    country = tally_best(&t);
  }
  if (!country) {
    tally t = {0};
    for (size_t k = 0; k < nbody; k++)
      tally_countries(&t, body_blocks[k]->text, head_len(body_blocks[k], TALLY_BYTES));
    country = tally_best(&t);
  }
  for (size_t k = body, n = 0; !country && k < lay->block_count && n < CITY_BLOCKS; k++) {
    const kgr_block *b = &lay->blocks[k];
    if (b->kind != KGR_BLOCK_PARAGRAPH && b->kind != KGR_BLOCK_LIST_ITEM)
      continue;
    tally t = {0};
    tally_cities(&t, b->text, head_len(b, TALLY_BYTES));
    country = tally_best(&t);
    n++;
  }
  set_country(doc, country);

  /* Issuer: "We, members of X", a by-line (found above), the title's or
   * the first sentences' subject when it is an organisation that speaks. */
  for (size_t k = 0; k < nbody && k < 2 && !doc->has_issuer; k++)
    issuer_we(doc, body_blocks[k]);
  if (!doc->has_issuer && title_first && !title_first->all_caps)
    issuer_at_start(doc, title_first, 0, title_first->len, false);
  if (nbody && !doc->has_issuer) {
    const kgr_block *b = body_blocks[0];
    size_t end = b->len;
    for (size_t s = 0; s < lay->sentence_count; s++) /* its first sentence */
      if (&lay->blocks[lay->sentences[s].block] == b) {
        end = lay->sentences[s].end;
        break;
      }
    if (!issuer_at_start(doc, b, 0, end, false))
      issuer_before_verb(doc, b, end);
  }
  /* Later sentences of the opening paragraphs speak for the issuer only
   * in the present tense: "Amnesty International considers him a prisoner
   * of conscience." */
  if (nbody && !doc->has_issuer)
    issuer_in_opening(doc, lay, body_blocks, nbody < 2 ? nbody : 2);
  if (doc->has_issuer && !doc->issuer.acronym.ptr)
    issuer_acronym(doc, body_blocks, nbody);
}
