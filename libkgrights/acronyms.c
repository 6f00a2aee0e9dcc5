/*
 * acronyms.c - organisation names, their acronyms, and the word-level
 * helpers shared by the appeal stages (see acronyms.h).
 */
#include "acronyms.h"

#include <string.h>

#include "utf8.h"

/* Letters and digits make words; everything else separates them. */
static bool is_word_cp(uint32_t cp) { return kgr_is_letter(cp) || (cp >= '0' && cp <= '9'); }

/* The code point at text[i] and its length (1 for an invalid byte, which
 * then counts as a separator). */
static size_t cp_at(const char *text, size_t len, size_t i, uint32_t *cp) {
  size_t n = kgr_utf8_decode(text + i, len - i, cp);
  if (!n) {
    *cp = 0xFFFD;
    return 1;
  }
  return n;
}

/* Characters that may join two word characters into one word. */
static bool is_joiner(uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == '.' ||
         cp == '&';
}

/* The bytes that are word characters by themselves: ASCII letters and
 * digits. Most bytes of a text are ASCII: they are read without decoding. */
/* clang-format off */
static const bool word_byte[256] = {
    ['0'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['A'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['a'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
/* clang-format on */

bool kgr_word_next(const char *text, size_t len, size_t *pos, kgr_word *w) {
  size_t i = *pos;
  uint32_t cp;
  while (i < len) {
    unsigned char c = (unsigned char)text[i];
    if (word_byte[c])
      break;
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t n = cp_at(text, len, i, &cp);
    if (is_word_cp(cp))
      break;
    i += n;
  }
  if (i >= len) {
    *pos = len;
    return false;
  }
  size_t start = i;
  while (i < len && word_byte[(unsigned char)text[i]])
    i++;
  while (i < len) {
    if (word_byte[(unsigned char)text[i]]) {
      i++;
      continue;
    }
    size_t n = cp_at(text, len, i, &cp);
    if (is_word_cp(cp)) {
      i += n;
      continue;
    }
    if (is_joiner(cp) && i + n < len) {
      uint32_t next;
      cp_at(text, len, i + n, &next);
      if (is_word_cp(next)) {
        i += n;
        continue;
      }
    }
    break;
  }
  w->start = start;
  w->end = i;
  *pos = i;
  return true;
}

size_t kgr_word_count(const char *text, size_t len, size_t max) {
  size_t n = 0, pos = 0;
  kgr_word w;
  while (n < max && kgr_word_next(text, len, &pos, &w))
    n++;
  return n;
}

bool kgr_word_is_capitalised(const char *text, size_t len) {
  uint32_t cp;
  return len > 0 && kgr_utf8_decode(text, len, &cp) && kgr_is_upper(cp);
}

bool kgr_is_acronym(const char *text, size_t len) {
  if (len < 2 || len > 10 || !(text[0] >= 'A' && text[0] <= 'Z'))
    return false;
  size_t upper = 0, lower = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c >= 'A' && c <= 'Z')
      upper++;
    else if (c >= 'a' && c <= 'z')
      lower++;
    else if (!kgr_is_digit(c) && c != '&' && c != '-' && c != '.')
      return false;
  }
  return upper >= 2 && upper > lower;
}

const char *kgr_org_word_at(const char *text, size_t len, size_t pos, size_t *end) {
  const kgr_lex_entry *e = NULL;
  size_t n = kgr_lex_match(&kgr_lex_org_words, text, len, pos, &e);
  if (!n || !e)
    return NULL;
  bool needs_capital = strcmp(e->tag, "org") == 0 || strcmp(e->tag, "state") == 0;
  if (needs_capital && !kgr_word_is_capitalised(text + pos, len - pos))
    return NULL;
  if (end)
    *end = pos + n;
  return e->tag;
}

bool kgr_has_org_word(const char *text, size_t len, const char *tag) {
  size_t pos = 0;
  kgr_word w;
  while (kgr_word_next(text, len, &pos, &w)) {
    size_t end;
    const char *t = kgr_org_word_at(text, len, w.start, &end);
    /* "Helsinki Committee" is an organisation type, so an organisation too */
    if (t && (strcmp(t, tag) == 0 || (strcmp(t, "org_type") == 0 && strcmp(tag, "org") == 0)))
      return true;
    if (t && end > pos)
      pos = end;
  }
  return false;
}

/* Is the word a call or reporting verb (any case)? */
static bool is_verb_word(const char *text, size_t len, kgr_word w) {
  const kgr_lex_entry *e;
  size_t n = kgr_lex_match(&kgr_lex_call_verbs, text, len, w.start, &e);
  if (n && e && strcmp(e->tag, "modal") != 0 && strcmp(e->tag, "heading") != 0)
    return true;
  return kgr_lex_match(&kgr_lex_report_verbs, text, len, w.start, &e) > 0;
}

/* May the bytes between two words of a name stand inside it? Spaces and
 * quotes may; other punctuation ends the name. */
static bool name_gap_ok(const char *text, size_t from, size_t to) {
  for (size_t i = from; i < to;) {
    uint32_t cp;
    size_t n = cp_at(text, to, i, &cp);
    bool ok = cp == ' ' || cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB ||
              cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == '&';
    if (!ok)
      return false;
    i += n;
  }
  return true;
}

size_t kgr_name_end(const char *text, size_t len, size_t pos, bool stop_at_verbs) {
  size_t cur = pos, last = pos, prev_end = pos;
  kgr_word w;
  for (int words = 0; words < 16 && kgr_word_next(text, len, &cur, &w); words++) {
    if (w.start != pos && !name_gap_ok(text, prev_end, w.start))
      break;
    if (words == 0 && w.start != pos)
      break;
    if (stop_at_verbs && is_verb_word(text, len, w))
      break;
    const char *tag = kgr_org_word_at(text, len, w.start, NULL);
    bool capital = kgr_word_is_capitalised(text + w.start, w.end - w.start) ||
                   kgr_is_digit((unsigned char)text[w.start]);
    if (capital) {
      last = w.end;
    } else if (words == 0 || !tag || strcmp(tag, "connector") != 0) {
      break;
    }
    prev_end = w.end;
  }
  return last;
}

size_t kgr_paren_acronym(const char *text, size_t len, size_t pos, size_t *start, size_t *end) {
  size_t i = pos;
  while (i < len && text[i] == ' ')
    i++;
  if (i >= len || text[i] != '(')
    return 0;
  size_t s = i + 1, e = s;
  while (e < len && e - s <= 12 && text[e] != ')')
    e++;
  if (e >= len || text[e] != ')')
    return 0;
  size_t a = s, b = e;
  while (a < b && text[a] == ' ')
    a++;
  while (b > a && text[b - 1] == ' ')
    b--;
  if (!kgr_is_acronym(text + a, b - a))
    return 0;
  *start = a;
  *end = b;
  return e + 1;
}

/* Length of a possessive ending ("'s", "’s", "'", "’") at the end of the
 * word text[s, e), or 0. */
static size_t possessive_len(const char *text, size_t s, size_t e) {
  if (e - s > 2 && text[e - 1] == 's' && text[e - 2] == '\'')
    return 2;
  if (e - s > 4 && text[e - 1] == 's' && memcmp(text + e - 4, "\xE2\x80\x99", 3) == 0)
    return 4;
  return 0;
}

/* Is text[s, e) written without lower-case ASCII letters? */
static bool no_lower(const char *text, size_t s, size_t e) {
  for (size_t i = s; i < e; i++)
    if (text[i] >= 'a' && text[i] <= 'z')
      return false;
  return true;
}

size_t kgr_country_at(const char *text, size_t len, size_t pos, const kgr_country **out,
                      bool *is_name) {
  enum { MAX_WORDS = 5 };
  kgr_word words[MAX_WORDS];
  size_t count = 0, cur = pos;
  while (count < MAX_WORDS && kgr_word_next(text, len, &cur, &words[count])) {
    if (count == 0 && words[0].start != pos)
      return 0;
    if (count > 0) {
      bool spaces = true;
      for (size_t i = words[count - 1].end; i < words[count].start; i++)
        spaces = spaces && text[i] == ' ';
      if (!spaces)
        break;
    }
    count++;
  }
  for (size_t k = count; k > 0; k--) {
    size_t s = words[0].start, e = words[k - 1].end;
    size_t ends[2] = {e, e - possessive_len(text, words[k - 1].start, e)};
    for (int v = 0; v < 2; v++) {
      if (v == 1 && ends[1] == e)
        break;
      size_t n = ends[v] - s;
      if (n <= 3 && !no_lower(text, s, ends[v]))
        continue;
      bool name = false;
      const kgr_country *c = kgr_country_lookup(text + s, n, &name);
      if (c) {
        if (out)
          *out = c;
        if (is_name)
          *is_name = name;
        return e - pos;
      }
    }
  }
  return 0;
}

bool kgr_in_org_name(const char *text, size_t len, size_t start, size_t end) {
  /* Walk left over capitalised words and connectors to the name's start
   * (the leftmost capitalised word: a name does not start with "the"). */
  size_t name_start = start, walk = start;
  for (int steps = 0; steps < 8 && name_start > 0; steps++) {
    size_t i = walk;
    while (i > 0 && text[i - 1] == ' ')
      i--;
    if (i == walk || i == 0)
      break;
    size_t ws = i;
    while (ws > 0 && text[ws - 1] != ' ')
      ws--;
    size_t cur = ws;
    kgr_word w;
    if (!kgr_word_next(text, i, &cur, &w) || w.start != ws || w.end != i)
      break;
    const char *tag = kgr_org_word_at(text, len, ws, NULL);
    bool capital = kgr_word_is_capitalised(text + ws, i - ws);
    if (!capital && !(tag && strcmp(tag, "connector") == 0))
      break;
    walk = ws;
    if (capital)
      name_start = ws;
  }
  if (!kgr_word_is_capitalised(text + name_start, len - name_start))
    return false;
  size_t name_end = kgr_name_end(text, len, name_start, false);
  if (name_end < end)
    return false;
  return kgr_has_org_word(text + name_start, name_end - name_start, "org");
}

kgr_span kgr_signatory_extent(const kgr_doc *doc) {
  if (!doc->signatories.count)
    return (kgr_span){0, 0};
  kgr_span s = doc->signatories.items[0].span;
  for (size_t i = 1; i < doc->signatories.count; i++) {
    kgr_span t = doc->signatories.items[i].span;
    if (t.start < s.start)
      s.start = t.start;
    if (t.end > s.end)
      s.end = t.end;
  }
  return s;
}
