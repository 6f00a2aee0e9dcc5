/*
 * layout.c - lines to blocks, and each block's normalised text with its map
 * back to the input.
 *
 * kgr_layout_build() runs in passes, each linear in the input:
 *   1. lines.c: byte diagnostics and classified non-blank lines;
 *   2. footnotes.c: which lines are footnote definitions;
 *   3. grouping: lines into paragraphs, headings, list items and footnotes
 *      (joining paragraphs across page breaks), and sections;
 *   4. text: each block's lines joined, dehyphenated, whitespace collapsed,
 *      footnote markers and link syntax cut out, with an offset map;
 *   5. footnote records, links, sentences.
 */
#include <stdlib.h>
#include <string.h>

#include "layout_priv.h"
#include "lexicon.h"
#include "utf8.h"

#define NONE SIZE_MAX

/* --- Grouping lines into blocks -------------------------------------------- */

/* A block in the making: its lines are first, next[first], ..., last. */
typedef struct pblock {
  kgr_block_kind kind;
  kgr_list_style list;
  int number;
  size_t first, last, nlines;
  bool closed; /* takes no continuation lines */
} pblock;

typedef struct grouper {
  kgr_doc *doc;
  kgr_arena *tmp; /* scratch, released when the layout is built */
  const char *in;
  size_t len;
  kgr_line *lines;
  size_t nl;
  size_t *next; /* the next line of the same block, or NONE */
  KGR_VEC(pblock) blocks;
  const bool *defined;
} grouper;

static bool ends_sentence(const grouper *g, const kgr_line *L) {
  return kgr_line_ends_sentence(g->in, g->len, L, g->defined);
}

static bool starts_lower(const grouper *g, const kgr_line *L) {
  return kgr_is_lower(kgr_layout_cp(g->in, g->len, L->start, NULL));
}

static bool starts_upper_or_digit(const grouper *g, const kgr_line *L) {
  uint32_t cp = kgr_layout_cp(g->in, g->len, L->start, NULL);
  return kgr_is_upper(cp) || (cp < 0x80 && kgr_is_digit((unsigned char)cp));
}

static bool ends_with_colon(const grouper *g, const kgr_line *L) {
  return g->in[L->end - 1] == ':';
}

static size_t new_block(grouper *g, size_t li, kgr_block_kind kind) {
  pblock *b = KGR_VEC_PUSH(g->tmp, g->blocks);
  kgr_line *L = &g->lines[li];
  b->kind = kind;
  b->first = b->last = li;
  b->nlines = 1;
  if (kind == KGR_BLOCK_LIST_ITEM) {
    b->list = (kgr_list_style)L->list;
    b->number = L->list == KGR_LIST_BULLET ? 0 : L->number;
  } else if (kind == KGR_BLOCK_FOOTNOTE) {
    b->number = L->number;
  } else if (!(L->flags & KGR_LINE_ATX)) {
    L->body = L->start; /* a marker-like start that is not one stays text */
  }
  L->block = g->blocks.count - 1;
  return L->block;
}

static void append_line(grouper *g, size_t bi, size_t li) {
  pblock *b = &g->blocks.items[bi];
  g->next[b->last] = li;
  b->last = li;
  b->nlines++;
  g->lines[li].block = bi;
  g->lines[li].body = g->lines[li].start;
}

/* Is line li+1 in the same run of lines as li (no blank line, no page
 * break)? */
static const kgr_line *glued_next(const grouper *g, size_t li) {
  if (li + 1 >= g->nl)
    return NULL;
  const kgr_line *n = &g->lines[li + 1];
  if (n->blank_before || (n->flags & KGR_LINE_PAGE))
    return NULL;
  return n;
}

static void group(grouper *g) {
  size_t cur = NONE, join = NONE;
  const kgr_line *prev = NULL;
  /* Until body text has come (a finished sentence or a list), short
   * capitals or title-case lines are the title and its kin, not headings. */
  bool body = false;
  for (size_t li = 0; li < g->nl; li++) {
    kgr_line *L = &g->lines[li];
    bool brk = li == 0 || L->blank_before || (L->flags & KGR_LINE_PAGE);
    if (L->flags & KGR_LINE_SEP) {
      cur = NONE;
      prev = L;
      continue;
    }
    if (kgr_line_is_page_number(g->lines, g->nl, li)) {
      cur = NONE; /* a page artefact, like a separator */
      continue;
    }
    if (L->flags & KGR_LINE_DEF) {
      cur = new_block(g, li, KGR_BLOCK_FOOTNOTE);
      /* A note that is one URL, or that ends in one before a line starting
       * a sentence, ends at its line: PDF page breaks glue the next page's
       * text right under it. */
      const kgr_line *n = glued_next(g, li);
      if ((L->flags & KGR_LINE_URL_ONLY) ||
          ((L->flags & KGR_LINE_ENDS_URL) && n && !(n->flags & KGR_LINE_DEF) &&
           starts_upper_or_digit(g, n)))
        g->blocks.items[cur].closed = true;
      prev = L;
      continue;
    }
    pblock *C = cur != NONE ? &g->blocks.items[cur] : NULL;
    if (C && C->kind == KGR_BLOCK_FOOTNOTE && !brk && !C->closed) {
      append_line(g, cur, li);
      prev = L;
      continue;
    }
    bool fresh =
        brk || !C || C->closed || C->kind == KGR_BLOCK_FOOTNOTE || C->kind == KGR_BLOCK_HEADING;

    if (L->list) {
      bool ok = !(L->flags & KGR_LINE_WEAK_ITEM) || fresh ||
                (C && C->kind == KGR_BLOCK_LIST_ITEM) ||
                (prev && (ends_with_colon(g, prev) || ends_sentence(g, prev)));
      /* Item 1000 and on only follow the item before them. */
      if (L->flags & KGR_LINE_LONG_NUMBER)
        ok = C && C->kind == KGR_BLOCK_LIST_ITEM && C->list == KGR_LIST_NUMBER &&
             C->number == L->number - 1;
      if (ok) {
        cur = join = new_block(g, li, KGR_BLOCK_LIST_ITEM);
        prev = L;
        body = true;
        continue;
      }
    }

    int hk = kgr_line_heading(g->in, g->len, L);
    if ((hk == KGR_HEAD_CAPS || hk == KGR_HEAD_TITLED) && !body)
      hk = KGR_HEAD_NONE;
    if (hk != KGR_HEAD_NONE && (g->blocks.count > 0 || hk == KGR_HEAD_WORD)) {
      bool alone_ok = fresh || hk == KGR_HEAD_WORD || hk == KGR_HEAD_ATX ||
                      (hk == KGR_HEAD_CAPS && prev &&
                       (ends_sentence(g, prev) || (C && C->kind == KGR_BLOCK_LIST_ITEM)));
      /* A wrapped ALL CAPS title goes on in capitals on the next line. */
      const kgr_line *n = glued_next(g, li);
      if (hk == KGR_HEAD_CAPS && n && !n->list &&
          kgr_line_all_caps(g->in, g->len, n->start, n->end, 400))
        alone_ok = false;
      if (alone_ok) {
        size_t h = new_block(g, li, KGR_BLOCK_HEADING);
        g->blocks.items[h].closed = true;
        cur = join = NONE;
        prev = L;
        continue;
      }
    }

    if (!body && ends_sentence(g, L))
      body = true;
    if (!fresh) {
      append_line(g, cur, li);
      prev = L;
      continue;
    }
    /* A paragraph broken by a page break (and maybe the page's footnotes)
     * goes on when it stopped mid-sentence and the text resumes in lower
     * case. */
    if (join != NONE && (brk || !C || C->kind == KGR_BLOCK_FOOTNOTE) && starts_lower(g, L) &&
        !ends_sentence(g, &g->lines[g->blocks.items[join].last])) {
      append_line(g, join, li);
      cur = join;
      prev = L;
      continue;
    }
    cur = join = new_block(g, li, KGR_BLOCK_PARAGRAPH);
    prev = L;
  }
}

/* --- Building block text ----------------------------------------------------- */

typedef struct builder {
  kgr_doc *doc;
  kgr_arena *tmp; /* the scratch vectors below live here */
  const char *in;
  size_t len;
  const bool *defined;
  kgr_buf text;
  KGR_VEC(kgr_segment) segs;
  KGR_VEC(kgr_marker) marks;
  KGR_VEC(kgr_block_link) links;
  KGR_VEC(size_t) loffs;
  size_t lines_pending; /* line starts waiting for the line's first byte */
  bool pending;         /* a space is due before the next text byte */
  size_t pending_src;
  bool in_url;
  bool link_open;
  size_t link_src, link_close, link_end, link_text, target_s, target_e;
} builder;

static void map_to(builder *b, size_t src) {
  size_t off = b->text.len;
  if (b->segs.count) {
    kgr_segment *s = &b->segs.items[b->segs.count - 1];
    if (s->src_off + (off - s->text_off) == src)
      return;
    if (s->text_off == off) {
      s->src_off = src;
      return;
    }
  }
  kgr_segment *s = KGR_VEC_PUSH(b->tmp, b->segs);
  s->text_off = off;
  s->src_off = src;
}

static void flush(builder *b) {
  if (b->pending) {
    b->pending = false;
    if (b->text.len) {
      map_to(b, b->pending_src);
      kgr_buf_putc(b->tmp, &b->text, ' ');
    }
  }
  for (; b->lines_pending; b->lines_pending--)
    *KGR_VEC_PUSH(b->tmp, b->loffs) = b->text.len;
}

/* Copy in[src, src + n) into the text. The text is NUL-terminated once the
 * block is done. */
static void emit(builder *b, size_t src, size_t n) {
  if (b->pending || b->lines_pending)
    flush(b);
  map_to(b, src);
  if (b->text.len + n < b->text.cap) { /* the block's room: always, in practice */
    memcpy(b->text.data + b->text.len, b->in + src, n);
    b->text.len += n;
  } else {
    kgr_buf_append(b->tmp, &b->text, b->in + src, n);
  }
}

static void space(builder *b, size_t src) {
  if (!b->pending) {
    b->pending = true;
    b->pending_src = src;
  }
}

/* "[anchor](target)" starting at in[i]; hi bounds the look-ahead (this line
 * or the next one of the block). */
static bool find_link(builder *b, size_t i, size_t hi) {
  const char *in = b->in;
  size_t j = i + 1;
  while (j < hi && j - i <= 600 && in[j] != ']' && in[j] != '[')
    j++;
  if (j >= hi || in[j] != ']' || j == i + 1 || j + 1 >= hi || in[j + 1] != '(')
    return false;
  size_t k = j + 2;
  int depth = 0;
  for (; k < hi && k - j <= 2048; k++) {
    unsigned char c = (unsigned char)in[k];
    if (c == ')') {
      if (depth == 0)
        break;
      depth--;
    } else if (c == '(') {
      depth++;
    } else if (c <= ' ' || c == '<' || c == '>' || c == '[' || c == ']' || c == '"') {
      return false;
    }
  }
  if (k >= hi || in[k] != ')' || k == j + 2)
    return false;
  b->link_src = i;
  b->link_close = j;
  b->target_s = j + 2;
  b->target_e = k;
  b->link_end = k + 1;
  return true;
}

static void close_link(builder *b) {
  kgr_arena *a = &b->doc->arena;
  size_t s = b->link_text, e = b->text.len;
  while (s < e && b->text.data[s] == ' ')
    s++;
  kgr_link *l = KGR_VEC_PUSH(a, b->doc->links);
  l->text = kgr_arena_str(a, b->text.data ? b->text.data + s : "", e - s);
  l->target = kgr_arena_str(a, b->in + b->target_s, b->target_e - b->target_s);
  l->span = (kgr_span){b->link_src, b->link_end};
  kgr_block_link *bl = KGR_VEC_PUSH(b->tmp, b->links);
  bl->text_start = s;
  bl->text_end = e;
  bl->link_index = b->doc->links.count - 1;
  b->link_open = false;
}

static void add_marker(builder *b, size_t s, size_t e, int number) {
  kgr_marker *m = KGR_VEC_PUSH(b->tmp, b->marks);
  m->text_off = b->text.len;
  m->number = number;
  m->span = (kgr_span){s, e};
  /* "word [1]." keeps no space before the punctuation. */
  if (b->pending && e < b->len) {
    unsigned char c = (unsigned char)b->in[e];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == ')' || c == '!' || c == '?')
      b->pending = false;
  }
}

/* What build_line() makes of a byte inside a run of text: */
enum {
  RUN_PLAIN, /* copied as it is */
  RUN_SPACE, /* ' ': copied when one stands between plain bytes */
  RUN_HW,    /* h H w W: plain unless a URL starts there */
  RUN_STOP,  /* spaces and controls, non-ASCII, [ ] * _ */
  RUN_DIGIT  /* plain in a number after a space: markers are glued to words */
};

/* clang-format off */
static const unsigned char run_class[256] = {
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 3, 0, 3, 0, 3,
    0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};
/* clang-format on */

/* Is the h/w at in[j] plain text: inside a URL or a word, or starting no
 * URL? */
static bool hw_plain(const builder *b, size_t lo, size_t j, size_t to) {
  return b->in_url || (j > lo && kgr_is_word_byte((unsigned char)b->in[j - 1])) ||
         !kgr_url_starts(b->in + j, to - j);
}

/* The end of the run of text from i (< to) that goes into the block text
 * byte for byte, as one copy: what the byte-by-byte rules of build_line()
 * would copy one piece at a time. A single space between plain bytes is
 * its own text ("a b"), and ends any URL, as space() would. Digits that
 * follow a space in the run, and the digits after those, cannot be a
 * footnote marker (kgr_marker_at() wants a word or punctuation before). */
static size_t plain_run(builder *b, size_t lo, size_t i, size_t to) {
  const char *in = b->in;
  size_t j = i;
  while (j < to) {
    int k = run_class[(unsigned char)in[j]];
    if (k == RUN_PLAIN || (k == RUN_HW && hw_plain(b, lo, j, to)) ||
        (k == RUN_DIGIT && j > i && (in[j - 1] == ' ' || kgr_is_digit((unsigned char)in[j - 1])))) {
      j++;
      continue;
    }
    if (k != RUN_SPACE || j == i || j + 1 >= to) /* a space at the start may be pending */
      break;
    b->in_url = false;
    int next = run_class[(unsigned char)in[j + 1]];
    if (next != RUN_PLAIN && next != RUN_DIGIT && !(next == RUN_HW && hw_plain(b, lo, j + 1, to)))
      break;
    j += 2;
  }
  return j;
}

/* Copy line content in[from, to) into the block text. */
static void build_line(builder *b, size_t lo, size_t from, size_t to, size_t hi) {
  const char *in = b->in;
  size_t i = from;
  while (i < to) {
    unsigned char c = (unsigned char)in[i];
    if (b->link_open && i == b->link_close) {
      close_link(b);
      i = b->link_end;
      continue;
    }
    size_t run = plain_run(b, lo, i, to); /* never past a link's "]": it stops there */
    if (run > i) {
      emit(b, i, run - i);
      i = run;
      continue;
    }
    if (c == ' ' || c == '\t' || c < 0x20 || c == 0x7F) {
      space(b, i);
      b->in_url = false;
      i++;
      continue;
    }
    int num = 0;
    size_t m;
    if (c >= 0x80) {
      uint32_t cp;
      int cls;
      size_t n = kgr_layout_char(in, b->len, i, &cp, &cls);
      if (cls == KGR_CH_SPACE) {
        space(b, i);
        b->in_url = false;
      } else if (cls == KGR_CH_TEXT) {
        if (kgr_sup_digit(cp) >= 0 && (m = kgr_marker_at(in, lo, to, i, b->defined, &num))) {
          add_marker(b, i, m, num);
          i = m;
          continue;
        }
        emit(b, i, n);
      }
      i += n;
      continue;
    }
    if (c == '[') {
      if (!b->link_open && find_link(b, i, hi)) {
        flush(b);
        b->link_open = true;
        b->link_text = b->text.len;
        i++;
        continue;
      }
      if ((m = kgr_marker_at(in, lo, to, i, b->defined, &num))) {
        add_marker(b, i, m, num);
        i = m;
        continue;
      }
    } else if (kgr_is_digit(c)) {
      size_t j = i;
      while (j < to && kgr_is_digit((unsigned char)in[j]))
        j++;
      if (!b->in_url && (m = kgr_marker_at(in, lo, to, i, b->defined, &num))) {
        add_marker(b, i, m, num);
        i = m;
        continue;
      }
      emit(b, i, j - i);
      i = j;
      continue;
    } else if ((c == '*' || c == '_') && !b->in_url && i + 1 < to &&
               (unsigned char)in[i + 1] == c) {
      /* Markdown emphasis, "**bold**" or "__bold__": marks, not text. */
      while (i < to && (unsigned char)in[i] == c)
        i++;
      continue;
    } else if (c != ']' && c != '*' && c != '_' && !b->in_url &&
               (i == lo || !kgr_is_word_byte((unsigned char)in[i - 1])) &&
               kgr_url_starts(in + i, to - i)) {
      b->in_url = true;
    }
    emit(b, i, 1);
    i++;
  }
}

/* Does a URL at the end of line L go on at the start of line N (a URL
 * wrapped by the PDF converter)? */
static bool url_continues(const builder *b, const kgr_line *L, const kgr_line *N) {
  const char *in = b->in;
  unsigned char last = (unsigned char)in[L->end - 1];
  unsigned char first = (unsigned char)in[N->start];
  if ((first >= 'A' && first <= 'Z') || first >= 0x80)
    return false;
  if (last && strchr("/-_=?&%#~", last))
    return true;
  if (!((first >= 'a' && first <= 'z') || kgr_is_digit(first)))
    return false;
  for (size_t i = N->start; i < N->end && i - N->start < 512; i++) {
    if (in[i] == ' ' || in[i] == '\t')
      return false;
    if (in[i] == '/')
      return true;
  }
  return false;
}

static bool letter_before(const builder *b, size_t lo, size_t i) {
  if (i <= lo)
    return false;
  size_t j = kgr_layout_prev(b->in, lo, i);
  uint32_t cp;
  int cls;
  kgr_layout_char(b->in, b->len, j, &cp, &cls);
  return kgr_is_letter(cp);
}

static bool text_ends_sentence(const char *t, size_t n) {
  while (n > 0) {
    unsigned char c = (unsigned char)t[n - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      n--;
    } else if (n >= 3 && (unsigned char)t[n - 3] == 0xE2 && (unsigned char)t[n - 2] == 0x80 &&
               (c == 0x9D || c == 0x99)) { /* ” ’ */
      n -= 3;
    } else if (n >= 2 && (unsigned char)t[n - 2] == 0xC2 && c == 0xBB) {
      n -= 2; /* » */
    } else {
      break;
    }
  }
  if (n == 0)
    return false;
  unsigned char c = (unsigned char)t[n - 1];
  if (c == '.' || c == '!' || c == '?')
    return true;
  return n >= 3 && (unsigned char)t[n - 3] == 0xE2 && (unsigned char)t[n - 2] == 0x80 &&
         c == 0xA6; /* … */
}

static bool text_all_caps(const char *t, size_t n) {
  bool upper = false;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t k = kgr_utf8_decode(t + i, n - i, &cp);
    if (!k) {
      i++;
      continue;
    }
    if (kgr_is_lower(cp))
      return false;
    upper |= kgr_is_upper(cp);
    i += k;
  }
  return upper;
}

static void *copy_out(kgr_arena *a, const void *p, size_t n) {
  if (!n)
    return NULL;
  void *q = kgr_arena_alloc(a, n);
  memcpy(q, p, n);
  return q;
}

static void build_block(builder *b, const grouper *g, const pblock *pb, kgr_block *out) {
  kgr_arena *a = &b->doc->arena;
  const char *in = b->in;
  /* The line starts (one a line) and the text (never longer than the
   * block's span: spaces only stand in for blanks and line ends) go
   * straight into the document, so no outgrown copies pile up in scratch.
   * Should the text outgrow its room after all, the buffer moves to
   * scratch and is copied out below. */
  size_t room = g->lines[pb->last].end - g->lines[pb->first].start + 1;
  char *text = kgr_arena_alloc(a, room);
  text[0] = '\0';
  b->text = (kgr_buf){text, 0, room};
  size_t *starts = kgr_arena_alloc(a, pb->nlines * sizeof *starts);
  b->loffs.items = starts;
  b->loffs.cap = pb->nlines;
  b->segs.count = b->marks.count = b->links.count = b->loffs.count = 0;
  b->lines_pending = 0;
  b->pending = b->link_open = b->in_url = false;

  for (size_t li = pb->first; li != NONE; li = g->next[li]) {
    const kgr_line *L = &g->lines[li];
    size_t nx = g->next[li];
    const kgr_line *N = nx != NONE ? &g->lines[nx] : NULL;
    size_t from = L->body, to = L->end;
    bool joined = false;   /* no space between this line and the next */
    bool url_next = false; /* the next line goes on with a URL */
    if (N) {
      unsigned char last = (unsigned char)in[to - 1];
      if ((L->flags & KGR_LINE_ENDS_URL) && url_continues(b, L, N)) {
        joined = url_next = true;
      } else if (last == '-' && letter_before(b, from, to - 1)) {
        if (kgr_is_lower(kgr_layout_cp(g->in, g->len, N->start, NULL))) {
          joined = true;
          to--; /* "op-" + "position" */
        } else if (starts_upper_or_digit(g, N)) {
          joined = true; /* "Ala-" + "Too" keeps its hyphen */
        }
      } else if (to + 1 < b->len && (unsigned char)in[to] == 0xC2 &&
                 (unsigned char)in[to + 1] == 0xAD && letter_before(b, from, to) &&
                 starts_lower(g, N)) {
        joined = true; /* a soft hyphen at the break */
      }
    }
    /* Links may run onto the next line of the block when it follows
     * directly. */
    size_t hi =
        (N && nx == li + 1 && !N->blank_before && !(N->flags & KGR_LINE_PAGE)) ? N->end : L->end;
    b->lines_pending++;
    build_line(b, L->start, from, to, hi);
    if (N && !joined)
      space(b, to);
    b->in_url = url_next;
  }
  b->link_open = false;
  b->pending = false; /* no space at the end */
  flush(b);           /* the starts of lines that gave no text */
  b->text.data[b->text.len] = '\0';

  out->kind = pb->kind;
  out->span = (kgr_span){g->lines[pb->first].start, g->lines[pb->last].end};
  char *t = b->text.data;
  if (t != text) {
    t = kgr_arena_alloc(a, b->text.len + 1);
    memcpy(t, b->text.data, b->text.len + 1);
  }
  out->text = t;
  out->len = b->text.len;
  out->map = copy_out(a, b->segs.items, b->segs.count * sizeof *b->segs.items);
  out->map_count = b->segs.count;
  out->list_style = pb->list;
  out->number = pb->number;
  out->line_count = pb->nlines;
  out->all_caps = text_all_caps(t, out->len);
  out->ends_sentence = text_ends_sentence(t, out->len);
  out->markers = copy_out(a, b->marks.items, b->marks.count * sizeof *b->marks.items);
  out->marker_count = b->marks.count;
  out->links = copy_out(a, b->links.items, b->links.count * sizeof *b->links.items);
  out->link_count = b->links.count;
  out->line_starts = b->loffs.items == starts && b->loffs.count
                        ? starts
                        : copy_out(a, b->loffs.items, b->loffs.count * sizeof(size_t));
  out->input = in;
}

/* --- Sections, footnotes, links ------------------------------------------------ */

/* Sections tile the document: one starts at each heading, and one without
 * a heading covers what comes before the first. Returns each block's
 * section through blocks[i].section. */
static void build_sections(kgr_doc *doc, const grouper *g, kgr_block *blocks,
                           size_t *heading_block) {
  size_t cur = NONE;
  for (size_t li = 0; li < g->nl; li++) {
    const kgr_line *L = &g->lines[li];
    bool head = L->block != NONE && g->blocks.items[L->block].kind == KGR_BLOCK_HEADING;
    if (head || cur == NONE) {
      kgr_section *s = KGR_VEC_PUSH(&doc->arena, doc->sections);
      s->span.start = L->start;
      cur = doc->sections.count - 1;
      heading_block[cur] = head ? L->block : NONE;
    }
    doc->sections.items[cur].span.end = L->end;
    if (L->block != NONE && g->blocks.items[L->block].first == li)
      blocks[L->block].section = cur;
  }
  if (doc->sections.count == 0) {
    kgr_section *s = KGR_VEC_PUSH(&doc->arena, doc->sections);
    s->span = (kgr_span){0, 0};
  }
}

static int link_cmp(const void *x, const void *y) {
  const kgr_link *a = *(const kgr_link *const *)x, *b = *(const kgr_link *const *)y;
  if (a->span.start != b->span.start)
    return a->span.start < b->span.start ? -1 : 1;
  return a < b ? -1 : a > b;
}

/* Links are made block by block; a paragraph joined across a page's
 * footnotes can put them out of document order. */
static void sort_links(kgr_doc *doc, kgr_arena *a, kgr_block *blocks, size_t nblocks) {
  size_t n = doc->links.count;
  bool sorted = true;
  for (size_t i = 1; i < n && sorted; i++)
    sorted = doc->links.items[i - 1].span.start <= doc->links.items[i].span.start;
  if (sorted)
    return;
  const kgr_link **order = kgr_arena_alloc(a, n * sizeof *order);
  for (size_t i = 0; i < n; i++)
    order[i] = &doc->links.items[i];
  qsort(order, n, sizeof *order, link_cmp);
  size_t *where = kgr_arena_alloc(a, n * sizeof *where);
  kgr_link *sorted_links = kgr_arena_alloc(a, n * sizeof *sorted_links);
  for (size_t i = 0; i < n; i++) {
    where[order[i] - doc->links.items] = i;
    sorted_links[i] = *order[i];
  }
  memcpy(doc->links.items, sorted_links, n * sizeof *sorted_links);
  for (size_t bi = 0; bi < nblocks; bi++)
    for (size_t k = 0; k < blocks[bi].link_count; k++) {
      kgr_block_link *bl = (kgr_block_link *)&blocks[bi].links[k];
      bl->link_index = where[bl->link_index];
    }
}

/* The passes, with their scratch data in tmp. */
static void build(kgr_doc *doc, kgr_arena *tmp, kgr_layout *lay) {
  kgr_arena *a = &doc->arena;
  kgr_line_vec lines = {0};
  kgr_lines_scan(doc, tmp, &lines);
  bool *defined = kgr_arena_calloc(tmp, (KGR_FN_MAX + 1) * sizeof *defined);
  kgr_footnotes_find(doc, tmp, &lines, defined);

  grouper g;
  memset(&g, 0, sizeof g);
  g.doc = doc;
  g.tmp = tmp;
  g.in = doc->input;
  g.len = doc->input_len;
  g.lines = lines.items;
  g.nl = lines.count;
  g.defined = defined;
  g.next = kgr_arena_alloc(tmp, (g.nl ? g.nl : 1) * sizeof *g.next);
  for (size_t i = 0; i < g.nl; i++)
    g.next[i] = NONE;
  /* A block starts at a line: room for the most there can be, at once. */
  g.blocks.items = kgr_arena_alloc(tmp, (g.nl ? g.nl : 1) * sizeof *g.blocks.items);
  g.blocks.cap = g.nl ? g.nl : 1;
  group(&g);

  size_t nb = g.blocks.count;
  /* The blocks are built in scratch and copied out last: the many small
   * texts and maps then fill the document's chunks first, and the one large
   * array does not leave a mostly empty chunk behind. */
  kgr_block *blocks = kgr_arena_calloc(tmp, (nb ? nb : 1) * sizeof *blocks);
  size_t *heading_block = kgr_arena_alloc(tmp, (g.nl + 1) * sizeof *heading_block);
  build_sections(doc, &g, blocks, heading_block);

  builder b;
  memset(&b, 0, sizeof b);
  b.doc = doc;
  b.tmp = tmp;
  b.in = doc->input;
  b.len = doc->input_len;
  b.defined = defined;
  /* One footnote record a footnote block: room for them all at once, so
   * that no outgrown copies stay in the document. */
  size_t nfn = 0;
  for (size_t i = 0; i < nb; i++)
    nfn += g.blocks.items[i].kind == KGR_BLOCK_FOOTNOTE;
  if (doc->footnotes.cap - doc->footnotes.count < nfn) {
    kgr_footnote *f = kgr_arena_alloc(a, (doc->footnotes.count + nfn) * sizeof *f);
    if (doc->footnotes.count)
      memcpy(f, doc->footnotes.items, doc->footnotes.count * sizeof *f);
    doc->footnotes.items = f;
    doc->footnotes.cap = doc->footnotes.count + nfn;
  }
  kgr_sentence_vec sentences = {0};
  for (size_t i = 0; i < nb; i++) {
    kgr_block *B = &blocks[i];
    build_block(&b, &g, &g.blocks.items[i], B);
    if (B->kind == KGR_BLOCK_FOOTNOTE) {
      kgr_footnote *f = KGR_VEC_PUSH(a, doc->footnotes);
      f->number = B->number;
      f->text = (kgr_str){B->text, B->len};
      f->span = B->span;
      kgr_find_urls(a, B->text, B->len, &f->urls, &f->url_count);
    } else {
      kgr_split_sentences(tmp, B->text, B->len, i, &sentences);
    }
  }
  for (size_t s = 0; s < doc->sections.count; s++) {
    size_t hb = g.nl ? heading_block[s] : NONE;
    if (hb == NONE)
      continue;
    const kgr_block *H = &blocks[hb];
    size_t e = H->len;
    while (e > 0 && (H->text[e - 1] == ':' || H->text[e - 1] == ' '))
      e--;
    doc->sections.items[s].heading = kgr_arena_str(a, H->text, e);
  }
  sort_links(doc, tmp, blocks, nb);

  lay->blocks = nb ? copy_out(a, blocks, nb * sizeof *blocks) : kgr_arena_calloc(a, sizeof *blocks);
  lay->block_count = nb;
  lay->sentences = copy_out(a, sentences.items, sentences.count * sizeof *sentences.items);
  lay->sentence_count = sentences.count;
}

typedef struct layout_job {
  kgr_doc *doc;
  kgr_layout *lay;
} layout_job;

static void run_build(void *ctx, kgr_arena *tmp) {
  layout_job *job = ctx;
  build(job->doc, tmp, job->lay);
}

const kgr_layout *kgr_layout_build(kgr_doc *doc) {
  kgr_layout *lay = kgr_arena_calloc(&doc->arena, sizeof *lay);
  /* Lines, scratch vectors and the like go to a scratch arena, so the
   * document keeps only what it returns. */
  layout_job job = {doc, lay};
  kgr_arena_with_scratch(&doc->arena, 1, run_build, &job);
  return lay;
}

/* --- Block accessors ----------------------------------------------------------- */

size_t kgr_block_src(const kgr_block *b, size_t off) {
  if (b->map_count == 0)
    return b->span.start;
  if (off >= b->len && b->len > 0)
    return kgr_block_span(b, 0, b->len).end;
  size_t lo = 0, hi = b->map_count; /* the last segment with text_off <= off */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (b->map[mid].text_off <= off)
      lo = mid;
    else
      hi = mid;
  }
  return b->map[lo].src_off + (off - b->map[lo].text_off);
}

kgr_span kgr_block_span(const kgr_block *b, size_t start, size_t end) {
  if (end > b->len)
    end = b->len;
  if (start >= end) {
    size_t p = start < b->len ? kgr_block_src(b, start)
                              : (b->len ? kgr_block_span(b, 0, b->len).end : b->span.start);
    return (kgr_span){p, p};
  }
  size_t s = kgr_block_src(b, start);
  size_t e = kgr_block_src(b, end - 1) + 1;
  /* The last text byte may stand for a longer character (a no-break space
   * read as a space): end after all of it. */
  if (b->input)
    for (int k = 0; k < 3 && ((unsigned char)b->input[e] & 0xC0) == 0x80; k++)
      e++;
  return (kgr_span){s, e};
}

size_t kgr_block_markers_in(const kgr_block *b, size_t start, size_t end, int *out, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < b->marker_count && n < max; i++) {
    const kgr_marker *m = &b->markers[i];
    if (m->text_off < start)
      continue;
    if (m->text_off > end)
      break;
    bool seen = false;
    for (size_t k = 0; k < n && !seen; k++)
      seen = out[k] == m->number;
    if (!seen)
      out[n++] = m->number;
  }
  return n;
}

bool kgr_block_line(const kgr_block *b, size_t i, size_t *start, size_t *end) {
  if (!b || i >= b->line_count || !b->line_starts)
    return false;
  size_t s = b->line_starts[i];
  size_t e = i + 1 < b->line_count ? b->line_starts[i + 1] : b->len;
  if (e > s && b->text[e - 1] == ' ')
    e--;
  if (start)
    *start = s;
  if (end)
    *end = e;
  return true;
}
