/*
 * layout_priv.h - what the files of the layout front end share among
 * themselves (lines.c, footnotes.c, layout.c); the other stages use
 * layout.h only.
 *
 * lines.c cuts the input into lines and classifies each one (separator,
 * list marker, footnote-definition candidate, URLs); footnotes.c decides
 * which candidates are footnote definitions and recognises footnote markers;
 * layout.c groups lines into blocks and builds their normalised text.
 */
#ifndef KGR_LAYOUT_PRIV_H
#define KGR_LAYOUT_PRIV_H

#include <stdint.h>

#include "layout.h"

/* Character classes of the layout (kgr_layout_char). */
enum {
  KGR_CH_TEXT = 0, /* copied into block text */
  KGR_CH_SPACE,    /* any space, tab, Unicode space, invalid byte, NUL or
                      control character: one space in block text */
  KGR_CH_DROP,     /* soft hyphen, BOM, zero-width characters: no text */
  KGR_CH_EOL       /* \n, \r, \f */
};

/* Decode the character at s[i] (i < len): returns its length in bytes
 * (1 for an invalid byte) and sets *cp (U+FFFD for an invalid byte) and
 * *cls to one of KGR_CH_*. */
size_t kgr_layout_char(const char *s, size_t len, size_t i, uint32_t *cp, int *cls);

/* The start of the character that ends at s[i] (i > lo), looking back at
 * most 4 bytes and never before lo. */
size_t kgr_layout_prev(const char *s, size_t lo, size_t i);

/* The value of a superscript digit (¹ ² ³ ⁰ ⁴-⁹), or -1. */
static inline int kgr_sup_digit(uint32_t cp) {
  switch (cp) {
  case 0xB9: return 1;
  case 0xB2: return 2;
  case 0xB3: return 3;
  case 0x2070: return 0;
  default: return cp >= 0x2074 && cp <= 0x2079 ? (int)(cp - 0x2070) : -1;
  }
}

/* Footnote-definition styles of a line start. */
enum {
  KGR_FN_NONE = 0,
  KGR_FN_PLAIN,   /* "1 text" */
  KGR_FN_DOT,     /* "1. text" */
  KGR_FN_PAREN,   /* "1) text" */
  KGR_FN_BRACKET, /* "[1] text" */
  KGR_FN_SUP      /* "¹ text" */
};

/* Line flags (kgr_line.flags). */
enum {
  KGR_LINE_SEP = 0x01,         /* a separator: ____ ---- **** ==== */
  KGR_LINE_URL = 0x02,         /* holds a URL */
  KGR_LINE_URL_ONLY = 0x04,    /* the text after the marker is one URL */
  KGR_LINE_ENDS_URL = 0x08,    /* the last token is a URL */
  KGR_LINE_DEF = 0x10,         /* accepted as a footnote definition */
  KGR_LINE_WEAK_ITEM = 0x20,   /* a list marker that needs context: a dash,
                                  a number, a letter, "o" */
  KGR_LINE_PAGE = 0x40,        /* a form feed came before this line */
  KGR_LINE_PAGENUM = 0x80,     /* shaped like a page number ("2", "Page 2 of
                                  5"); one if it stands apart, see
                                  kgr_line_is_page_number() */
  KGR_LINE_ATX = 0x100,        /* a Markdown heading "## Title"; body after
                                  the marks */
  KGR_LINE_LONG_NUMBER = 0x200 /* a list number of 4 digits or more */
};

/* One non-blank input line. Blank lines are not stored: the next line
 * counts them in blank_before. */
typedef struct kgr_line {
  size_t start;         /* first content byte (indentation skipped) */
  size_t end;           /* just past the last content byte */
  size_t body;          /* where the text starts after a list or footnote
                           marker; == start when there is none */
  size_t block;         /* the block it went into (SIZE_MAX: separator) */
  int number;           /* list or footnote number, 0 if none */
  uint16_t flags;       /* KGR_LINE_* */
  uint8_t blank_before; /* blank lines since the previous stored line
                           (saturates at 255) */
  unsigned list : 4;    /* kgr_list_style of a marker at the start */
  unsigned fn : 4;      /* KGR_FN_* style of a definition-like start */
} kgr_line;             /* 40 bytes: one for every line of the input */

typedef KGR_VEC(kgr_line) kgr_line_vec;

/* Is line i of lines a page number standing apart: shaped like one, with a
 * blank line or page break before or after it, or first or last? */
bool kgr_line_is_page_number(const kgr_line *lines, size_t count, size_t i);

/* Scan doc->input: byte diagnostics (invalid UTF-8, NUL, control
 * characters, binary input) to doc, and the classified non-blank lines to
 * `lines` in the scratch arena tmp. */
void kgr_lines_scan(kgr_doc *doc, kgr_arena *tmp, kgr_line_vec *lines);

/* The character at in[i] (i < len) as kgr_layout_char reads it, with every
 * space class as ' '; *n (may be NULL) gets its length. */
uint32_t kgr_layout_cp(const char *in, size_t len, size_t i, size_t *n);

/* Does line L end a sentence (. ! ? …), once a trailing footnote marker
 * (defined: the numbers with a definition) and closing quotes or brackets
 * are set aside? */
bool kgr_line_ends_sentence(const char *in, size_t len, const kgr_line *L, const bool *defined);

/* Are the letters of in[s, e) all upper case (at least two, and no
 * year-like number, which makes a date line)? Longer than max: false. */
bool kgr_line_all_caps(const char *in, size_t len, size_t s, size_t e, size_t max);

/* How a line, taken alone, qualifies as a heading: a colon after a section
 * word ("Recommendations to the government:"), a colon after a short
 * title-case line ("Signed by:"), ALL CAPS of two words or more, a section
 * word alone ("Background"), a Markdown "#". The grouping decides whether
 * its place allows it. */
enum {
  KGR_HEAD_NONE = 0,
  KGR_HEAD_COLON,
  KGR_HEAD_TITLED,
  KGR_HEAD_CAPS,
  KGR_HEAD_WORD,
  KGR_HEAD_ATX
};
int kgr_line_heading(const char *in, size_t len, const kgr_line *L);

/* Does s[0, n) start with http://, https:// or www. (ASCII case
 * insensitive)? */
bool kgr_url_starts(const char *s, size_t n);

/* Footnote numbers run from 1 to KGR_FN_MAX. */
#define KGR_FN_MAX 999

/*
 * Decide which definition-like lines are footnote definitions (setting
 * KGR_LINE_DEF) and fill defined[1..KGR_FN_MAX] with the numbers that have
 * one.
 */
void kgr_footnotes_find(kgr_doc *doc, kgr_arena *tmp, kgr_line_vec *lines, bool *defined);

/*
 * A footnote marker starting at in[p], within the line content [lo, hi):
 * "[12]" (not followed by "(" ), superscript digits, or 1-3 digits glued to
 * the preceding letter or closing punctuation and followed by a space or the
 * line end. Glued digits count only when defined is NULL (candidates) or
 * defined[n]; p must start the digit run and lie outside URLs (the caller
 * tracks those). Returns the end of the marker and sets *number, or 0.
 */
size_t kgr_marker_at(const char *in, size_t lo, size_t hi, size_t p, const bool *defined,
                     int *number);

/* Every URL in text[0, len) (http://, https://, www.), trailing
 * punctuation stripped, as NUL-terminated arena strings. */
void kgr_find_urls(kgr_arena *a, const char *text, size_t len, const kgr_str **urls, size_t *count);

#endif /* KGR_LAYOUT_PRIV_H */
