/*
 * layout.h - the layout front end: raw bytes to a normalised view.
 *
 * kgr_layout_build() reads doc->input and produces blocks (paragraphs,
 * headings, list items, footnote definitions) whose text is normalised:
 * hard-wrapped lines joined with one space, words hyphenated across line or
 * page breaks rejoined ("op-" / "position" -> "opposition"), whitespace runs
 * collapsed, typographic spaces made plain, footnote markers ("injuries.1",
 * "[1]", superscript digits) cut out of the text and kept as markers, inline
 * links "[anchor](target)" reduced to their anchor text and kept as links.
 * Every byte of block text maps back to the original input through the
 * block's offset map, so any range of block text has a span in the input.
 *
 * It also fills the document's sections, footnotes (with their URLs), links
 * and the diagnostics about the bytes themselves (invalid UTF-8, NUL bytes,
 * control characters). It drops nothing: every non-blank line ends up in
 * exactly one block, or is a separator or page-number line inside its
 * section's span, or is covered by a diagnostic.
 */
#ifndef KGR_LAYOUT_H
#define KGR_LAYOUT_H

#include <stdint.h>

#include "document.h"

typedef enum kgr_block_kind {
  KGR_BLOCK_PARAGRAPH = 0, /* running text (also titles and date lines) */
  KGR_BLOCK_HEADING,       /* "Background:", "BACKGROUND", "Signed by:" */
  KGR_BLOCK_LIST_ITEM,     /* "- x", "• x", "1. x", "1) x", "(1) x" */
  KGR_BLOCK_FOOTNOTE       /* "1 https://...", "[1] text", "1. text" at the foot */
} kgr_block_kind;

typedef enum kgr_list_style {
  KGR_LIST_NONE = 0,
  KGR_LIST_BULLET,  /* -, *, •, –, — , ▪, ·, o */
  KGR_LIST_NUMBER,  /* 1.  1)  (1)  */
  KGR_LIST_LETTER   /* a)  (a)  a.  */
} kgr_list_style;

/* One run of the offset map: text[text_off...] comes from input[src_off...]
 * byte for byte until the next segment. */
typedef struct kgr_segment {
  size_t text_off;
  size_t src_off;
} kgr_segment;

/* A footnote marker that was cut out of a block's text. */
typedef struct kgr_marker {
  size_t text_off; /* where in the block text it stood (the byte after the
                      preceding character) */
  int number;
  kgr_span span;   /* the marker itself in the input */
} kgr_marker;

/* An inline link reduced to its anchor text. */
typedef struct kgr_block_link {
  size_t text_start, text_end; /* the anchor text within the block text */
  size_t link_index;           /* index into doc->links */
} kgr_block_link;

/* The small fields come first and in bytes: a long document has tens of
 * thousands of blocks, kept for the whole parse. */
typedef struct kgr_block {
  uint8_t kind;         /* kgr_block_kind */
  uint8_t list_style;   /* kgr_list_style */
  bool all_caps;        /* every letter is upper case */
  bool ends_sentence;   /* text ends in . ! ? or a closing quote after one */
  int number;           /* list item number or footnote number; 0 if none */
  kgr_span span;        /* first to last non-blank input byte of the block,
                           list marker included */
  const char *text;     /* normalised, NUL-terminated, no list marker */
  size_t len;
  const kgr_segment *map;
  size_t map_count;
  size_t section;       /* index into doc->sections */
  size_t line_count;    /* input lines the block spans */
  const kgr_marker *markers;
  size_t marker_count;
  const kgr_block_link *links;
  size_t link_count;
  /* Added with the layout front end: */
  const size_t *line_starts; /* line_count block text offsets: where the
                                text of each input line begins */
  const char *input;         /* the document input the map points into */
} kgr_block;

/* A sentence: a range of one block's text. */
typedef struct kgr_sentence {
  size_t block;
  size_t start, end;
} kgr_sentence;

typedef struct kgr_layout {
  const kgr_block *blocks;
  size_t block_count;
  const kgr_sentence *sentences; /* in document order */
  size_t sentence_count;
} kgr_layout;

/*
 * Build the layout of doc->input into doc's arena, adding sections,
 * footnotes, links and byte-level diagnostics to doc. Never fails (out of
 * memory jumps through the arena).
 */
const kgr_layout *kgr_layout_build(kgr_doc *doc);

/* The input offset of block text offset `off` (0 <= off <= b->len). */
size_t kgr_block_src(const kgr_block *b, size_t off);

/* The input span of block text [start, end): from the source of `start` to
 * just past the source of `end - 1`. An empty range gives an empty span. */
kgr_span kgr_block_span(const kgr_block *b, size_t start, size_t end);

/* Footnote numbers of the markers within block text [start, end], in
 * order, without repeats; returns how many were written to out (at most
 * max). */
size_t kgr_block_markers_in(const kgr_block *b, size_t start, size_t end,
                            int *out, size_t max);

/*
 * Split a run of normalised text into sentences; used by the layout for
 * each block and exposed for tests. Handles abbreviations (Mr., Dr., St.,
 * e.g., i.e., U.S., No.), initials ("A. Smith"), decimals and ellipses.
 * Appends [start, end) pairs, trimmed of spaces, to `out`.
 */
typedef KGR_VEC(kgr_sentence) kgr_sentence_vec;
void kgr_split_sentences(kgr_arena *a, const char *text, size_t len,
                         size_t block, kgr_sentence_vec *out);

/*
 * The block text of its i-th input line (0 <= i < line_count) as
 * [*start, *end), the joining space left out: lets the header stage tell a
 * title line from the date line under it. Returns false when i is out of
 * range.
 */
bool kgr_block_line(const kgr_block *b, size_t i, size_t *start, size_t *end);

#endif /* KGR_LAYOUT_H */
