/*
 * test_layout.c - the layout front end (layout.h): bytes, lines, blocks,
 * headings and sections, lists, footnotes and markers, links, offset maps,
 * and the invariants that every input must keep (every text byte maps to
 * the same input byte, nothing non-blank is dropped, sections tile the
 * document), checked on each input here and on the seeds.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "layout.h"
#include "layout_priv.h"
#include "utf8.h"

/* ---- fixture ------------------------------------------------------------ */

typedef struct fixture {
  kgr_doc *doc;
  const kgr_layout *lay;
  char *buf;
} fixture;

static int fixture_setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  if (!f)
    return -1;
  *state = f;
  return 0;
}

static int fixture_teardown(void **state) {
  fixture *f = *state;
  kgr_doc_free(f->doc);
  free(f->buf);
  free(f);
  return 0;
}

#define KGR_TEST(f) cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)

/* ---- helpers ------------------------------------------------------------ */

static void check_invariants(const kgr_doc *doc, const kgr_layout *lay);
static bool lay_seed(fixture *f, const char *prefix);
#define lay_seed_quiet lay_seed

/* Lay out n bytes of s (the previous document of the fixture is freed) and
 * check the invariants. */
static const kgr_layout *lay_n(fixture *f, const char *s, size_t n) {
  kgr_doc_free(f->doc);
  kgr_arena arena;
  kgr_arena_init(&arena, NULL);
  kgr_doc *d = arena.alc.malloc(arena.alc.ctx, sizeof *d);
  assert_non_null(d);
  memset(d, 0, sizeof *d);
  d->arena = arena;
  char *copy = kgr_arena_alloc(&d->arena, n + 1);
  if (n)
    memcpy(copy, s, n);
  copy[n] = '\0';
  d->input = copy;
  d->input_len = n;
  f->doc = d;
  f->lay = kgr_layout_build(d);
  check_invariants(d, f->lay);
  return f->lay;
}

static const kgr_layout *lay(fixture *f, const char *s) { return lay_n(f, s, strlen(s)); }

#define LAY_LIT(f, lit) lay_n(f, lit, sizeof(lit) - 1)

static const kgr_block *blk(fixture *f, size_t i) {
  assert_true(i < f->lay->block_count);
  return &f->lay->blocks[i];
}

static const char *sec_heading(fixture *f, size_t i) {
  assert_true(i < f->doc->sections.count);
  return f->doc->sections.items[i].heading.ptr;
}

static size_t count_diag(const kgr_doc *d, const char *code) {
  size_t n = 0;
  for (size_t i = 0; i < d->diagnostics.count; i++)
    n += strcmp(d->diagnostics.items[i].code.ptr, code) == 0;
  return n;
}

static const kgr_diagnostic *find_diag(const kgr_doc *d, const char *code) {
  for (size_t i = 0; i < d->diagnostics.count; i++)
    if (strcmp(d->diagnostics.items[i].code.ptr, code) == 0)
      return &d->diagnostics.items[i];
  return NULL;
}

/* Input bytes that carry no text: ASCII white space, and the characters the
 * layout reads as spaces or drops. */
static size_t blank_char(const char *in, size_t len, size_t i) {
  uint32_t cp;
  int cls;
  size_t n = kgr_layout_char(in, len, i, &cp, &cls);
  return cls == KGR_CH_TEXT ? 0 : n;
}

static bool sep_char(const char *in, size_t len, size_t i, size_t *n) {
  uint32_t cp;
  int cls;
  *n = kgr_layout_char(in, len, i, &cp, &cls);
  return cp == '_' || cp == '-' || cp == '*' || cp == '=' || cp == '~' || cp == 0x2013 ||
         cp == 0x2014 || cp == 0x2015 || cls != KGR_CH_TEXT;
}

/* Is byte i on a line made only of separator marks, or of a page number
 * ("- 2 -", "Page 2 of 5")? */
static bool on_separator_line(const char *in, size_t len, size_t i) {
  size_t s = i, e = i;
  while (s > 0 && in[s - 1] != '\n' && in[s - 1] != '\r' && in[s - 1] != '\f')
    s--;
  while (e < len && in[e] != '\n' && in[e] != '\r' && in[e] != '\f')
    e++;
  if (e - s <= 40) {
    bool page = true;
    for (size_t k = s, n; k < e && page; k += n) {
      n = blank_char(in, len, k);
      page = n || strchr("0123456789-/Ppageof", in[k]) != NULL;
      n = n ? n : 1;
    }
    if (page)
      return true;
  }
  size_t marks = 0;
  for (size_t k = s; k < e;) {
    size_t n;
    if (!sep_char(in, len, k, &n))
      return false;
    marks += blank_char(in, len, k) == 0;
    k += n;
  }
  return marks >= 3;
}

static bool in_span(kgr_span s, size_t i) { return i >= s.start && i < s.end; }

/*
 * The invariants:
 * - each block's map is increasing, inside the block span, and every
 *   non-space text byte equals the input byte it maps to;
 * - the input bytes of a block span that no text byte maps to are spaces,
 *   line breaks, hyphens at a line end, markers, link syntax, or other
 *   blocks (a paragraph joined across a page's footnotes);
 * - kgr_block_span of sample ranges starts and ends where the map says;
 * - every non-blank byte is in a block span, a diagnostic or a separator;
 * - sections are ordered, disjoint and cover every block;
 * - sentences are trimmed, non-empty, in order, inside their block.
 */
static void check_invariants(const kgr_doc *doc, const kgr_layout *L) {
  const char *in = doc->input;
  size_t len = doc->input_len;
  unsigned char *mapped = calloc(len + 1, 1);
  unsigned char *covered = calloc(len + 1, 1);
  assert_non_null(mapped);
  assert_non_null(covered);

  for (size_t bi = 0; bi < L->block_count; bi++) {
    const kgr_block *b = &L->blocks[bi];
    assert_true(b->span.start <= b->span.end && b->span.end <= len);
    assert_int_equal(b->text[b->len], '\0');
    assert_true(b->section < doc->sections.count);
    assert_true(in_span(doc->sections.items[b->section].span, b->span.start));
    if (b->len) {
      assert_true(b->map_count > 0 && b->map[0].text_off == 0);
      /* Normal form: trimmed, single spaces. */
      assert_true(b->text[0] != ' ' && b->text[b->len - 1] != ' ');
      assert_null(strstr(b->text, "  "));
      assert_int_equal(strlen(b->text), b->len);
    }
    for (size_t k = 1; k < b->map_count; k++) {
      assert_true(b->map[k].text_off > b->map[k - 1].text_off);
      assert_true(b->map[k].src_off >=
                  b->map[k - 1].src_off + (b->map[k].text_off - b->map[k - 1].text_off));
    }
    size_t seg = 0;
    for (size_t i = 0; i < b->len; i++) {
      while (seg + 1 < b->map_count && b->map[seg + 1].text_off <= i)
        seg++;
      size_t src = b->map[seg].src_off + (i - b->map[seg].text_off);
      assert_int_equal(src, kgr_block_src(b, i));
      assert_true(in_span(b->span, src));
      if (b->text[i] != ' ')
        assert_int_equal((unsigned char)b->text[i], (unsigned char)in[src]);
      else
        assert_true(blank_char(in, len, src) || in[src] == ' ');
      mapped[src] = 1;
    }
    for (size_t k = 0; k < b->marker_count; k++) {
      const kgr_marker *m = &b->markers[k];
      assert_true(m->text_off <= b->len);
      assert_true(m->span.start < m->span.end && m->span.end <= len);
      for (size_t i = m->span.start; i < m->span.end; i++)
        mapped[i] = 1;
    }
    for (size_t k = 0; k < b->link_count; k++) {
      const kgr_block_link *bl = &b->links[k];
      assert_true(bl->link_index < doc->links.count);
      const kgr_link *l = &doc->links.items[bl->link_index];
      assert_int_equal(in[l->span.start], '[');
      assert_int_equal(in[l->span.end - 1], ')');
      assert_int_equal(l->text.len, bl->text_end - bl->text_start);
      assert_memory_equal(l->text.ptr, b->text + bl->text_start, l->text.len);
      for (size_t i = l->span.start; i < l->span.end; i++)
        mapped[i] = 1; /* the syntax; the anchor is mapped anyway */
    }
    /* Sample ranges: the span runs from the source of the first byte to
     * past the source of the last. */
    size_t step = b->len / 7 + 1;
    for (size_t s = 0; s < b->len; s += step)
      for (size_t e = s + 1; e <= b->len; e += step + 3) {
        kgr_span sp = kgr_block_span(b, s, e);
        assert_int_equal(sp.start, kgr_block_src(b, s));
        assert_true(sp.end > kgr_block_src(b, e - 1));
        assert_true(sp.end <= kgr_block_src(b, e - 1) + 4);
        assert_true(sp.end <= len);
      }
    if (b->len) {
      kgr_span all = kgr_block_span(b, 0, b->len);
      assert_true(all.start >= b->span.start && all.end <= b->span.end);
    }
    kgr_span none = kgr_block_span(b, 0, 0);
    assert_int_equal(none.start, none.end);
    /* Line boundaries. */
    size_t prev_end = 0;
    for (size_t k = 0; k < b->line_count; k++) {
      size_t s, e;
      assert_true(kgr_block_line(b, k, &s, &e));
      assert_true(s >= prev_end && s <= e && e <= b->len);
      prev_end = e;
    }
    assert_false(kgr_block_line(b, b->line_count, NULL, NULL));
    for (size_t i = b->span.start; i < b->span.end; i++)
      covered[i] = 1;
  }

  /* Bytes of a block span that no text maps to. */
  for (size_t bi = 0; bi < L->block_count; bi++) {
    const kgr_block *b = &L->blocks[bi];
    for (size_t i = b->span.start; i < b->span.end;) {
      size_t n = blank_char(in, len, i);
      if (mapped[i] || n) {
        i += n ? n : 1;
        continue;
      }
      bool ok = false;
      if (in[i] == '-') { /* a hyphen at a line break */
        size_t k = i + 1, n2;
        while (k < len && in[k] != '\n' && in[k] != '\r' && in[k] != '\f' &&
               (n2 = blank_char(in, len, k)))
          k += n2;
        ok = k == len || in[k] == '\n' || in[k] == '\r' || in[k] == '\f';
      }
      /* The marker of a list item, footnote or Markdown heading. */
      if (!ok)
        ok = b->len == 0 || i < kgr_block_src(b, 0);
      /* Markdown emphasis marks. */
      if (!ok && (in[i] == '*' || in[i] == '_'))
        ok = (i + 1 < len && in[i + 1] == in[i]) || (i > 0 && in[i - 1] == in[i]);
      /* Blocks that a paragraph joined across a page break jumps over
       * come right after it. */
      for (size_t o = bi + 1; o < L->block_count && o <= bi + 64 && !ok; o++)
        ok = in_span(L->blocks[o].span, i);
      if (!ok)
        ok = on_separator_line(in, len, i);
      if (!ok)
        fail_msg("block %zu: input byte %zu (0x%02x) is neither text nor "
                 "a known removal",
                 bi, i, (unsigned char)in[i]);
      i++;
    }
  }

  /* Nothing dropped. */
  for (size_t k = 0; k < doc->diagnostics.count; k++) {
    kgr_span s = doc->diagnostics.items[k].span;
    assert_true(s.start <= s.end && s.end <= len);
    if (strcmp(doc->diagnostics.items[k].code.ptr, "binary-input") == 0)
      continue;
    for (size_t i = s.start; i < s.end; i++)
      covered[i] = 1;
  }
  size_t i = (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
  size_t sec = 0;
  while (i < len) {
    size_t n = blank_char(in, len, i);
    if (n) {
      i += n;
      continue;
    }
    if (!covered[i] && !on_separator_line(in, len, i))
      fail_msg("input byte %zu (0x%02x) is in no block, diagnostic or "
               "separator",
               i, (unsigned char)in[i]);
    while (sec < doc->sections.count && doc->sections.items[sec].span.end <= i)
      sec++;
    bool in_sec = sec < doc->sections.count && in_span(doc->sections.items[sec].span, i);
    if (!in_sec && (covered[i] || on_separator_line(in, len, i)) && !find_diag(doc, "binary-input"))
      fail_msg("input byte %zu is in no section", i);
    i++;
  }

  /* Sections. */
  assert_true(doc->sections.count >= 1);
  for (size_t k = 1; k < doc->sections.count; k++) {
    assert_true(doc->sections.items[k].span.start >= doc->sections.items[k - 1].span.end);
    assert_non_null(doc->sections.items[k].heading.ptr);
  }

  /* Sentences. */
  size_t last_block = 0, last_end = 0;
  for (size_t k = 0; k < L->sentence_count; k++) {
    const kgr_sentence *s = &L->sentences[k];
    assert_true(s->block < L->block_count);
    const kgr_block *b = &L->blocks[s->block];
    assert_true(b->kind != KGR_BLOCK_FOOTNOTE);
    assert_true(s->start < s->end && s->end <= b->len);
    assert_true(b->text[s->start] != ' ' && b->text[s->end - 1] != ' ');
    if (s->block == last_block && k > 0)
      assert_true(s->start >= last_end);
    else if (k > 0)
      assert_true(s->block > last_block);
    last_block = s->block;
    last_end = s->end;
  }
  free(mapped);
  free(covered);
}

/* Bytes of s[0, n) without white space, hyphens and dropped characters,
 * and without the input ranges in cut[0, ncut); returns the new length. */
static size_t squeeze(const char *s, size_t n, size_t base, const kgr_span *cut, size_t ncut,
                      char *out) {
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    bool skip = false;
    for (size_t c = 0; c < ncut && !skip; c++)
      skip = base + i >= cut[c].start && base + i < cut[c].end;
    size_t b = blank_char(s, n, i);
    if (skip || s[i] == '-') {
      i++;
    } else if (b) {
      i += b;
    } else {
      out[k++] = s[i++];
    }
  }
  return k;
}

/* For random ranges of block text, the input bytes of its span, with
 * spaces, line breaks, hyphen breaks, markers and link syntax left out,
 * read the same as the text range. */
static void check_random_ranges(fixture *f, unsigned seed) {
  const kgr_layout *L = f->lay;
  const char *in = f->doc->input;
  for (size_t bi = 0; bi < L->block_count; bi++) {
    const kgr_block *b = &L->blocks[bi];
    if (b->len < 2)
      continue;
    kgr_span cut[64];
    size_t ncut = 0;
    for (size_t k = 0; k < b->marker_count && ncut < 64; k++)
      cut[ncut++] = b->markers[k].span;
    for (size_t k = 0; k < b->link_count && ncut + 2 <= 64; k++) {
      kgr_span ls = f->doc->links.items[b->links[k].link_index].span;
      kgr_span as = kgr_block_span(b, b->links[k].text_start, b->links[k].text_end);
      cut[ncut++] = (kgr_span){ls.start, ls.start + 1};
      cut[ncut++] = (kgr_span){as.end, ls.end};
    }
    /* Blocks inside this one's span: footnotes a page-joined paragraph
     * jumps over; and separator lines. */
    for (size_t o = bi + 1; o < L->block_count && ncut < 64; o++)
      if (L->blocks[o].span.start < b->span.end)
        cut[ncut++] = L->blocks[o].span;
    for (size_t i = b->span.start; i < b->span.end && ncut < 64; i++)
      if (on_separator_line(in, f->doc->input_len, i) && (i == 0 || in[i - 1] == '\n')) {
        size_t e = i;
        while (e < b->span.end && in[e] != '\n')
          e++;
        cut[ncut++] = (kgr_span){i, e};
      }
    char *x = malloc(f->doc->input_len + 1), *y = malloc(b->len + 1);
    for (int r = 0; r < 300; r++) {
      seed = seed * 1103515245u + 12345u;
      size_t s = (seed >> 8) % b->len;
      seed = seed * 1103515245u + 12345u;
      size_t e = s + 1 + (seed >> 8) % (b->len - s);
      while (s > 0 && ((unsigned char)b->text[s] & 0xC0) == 0x80)
        s--;
      while (e < b->len && ((unsigned char)b->text[e] & 0xC0) == 0x80)
        e++;
      kgr_span sp = kgr_block_span(b, s, e);
      size_t nx = squeeze(in + sp.start, sp.end - sp.start, sp.start, cut, ncut, x);
      size_t ny = squeeze(b->text + s, e - s, SIZE_MAX / 2, NULL, 0, y);
      if (nx != ny || memcmp(x, y, nx) != 0)
        fail_msg("block %zu, text [%zu, %zu) \"%.*s\" has span [%zu, %zu) \"%.*s\"", bi, s, e,
                 (int)(e - s), b->text + s, sp.start, sp.end, (int)(sp.end - sp.start),
                 in + sp.start);
    }
    free(x);
    free(y);
  }
}

static void test_map_random_ranges(void **state) {
  fixture *f = *state;
  lay(f, "  The  parliamentary elections  were [marred by allegations\n"
         "of fraud](#) and one op-\nposition party on Ala-\nToo Square.1 Police used\xC2\xA0water "
         "cannons [2] and\xE2\x80\x83tear gas\xC2\xB3 in Bishkek.\r\n"
         "   Hospitals treated 686 people for their injuries.4\n\n"
         "- An item that is\n  wrapped over two lines, with [a link](https://x.org/a).\n\n"
         "1 https://example.org/one\n\n3 Third note.\n4 Fourth note.\n");
  assert_int_equal(f->doc->footnotes.count, 3);
  check_random_ranges(f, 1);
  check_random_ranges(f, 77);
  lay(f, "Those of three parties and one op-\n\n____\n1 https://x.org\n\nposition party.1 Done.\n");
  check_random_ranges(f, 5);
  if (lay_seed_quiet(f, "003_"))
    check_random_ranges(f, 3);
  if (lay_seed_quiet(f, "000_"))
    check_random_ranges(f, 9);
}

/* Edge arguments of the block accessors. */
static void test_inval(void **state) {
  fixture *f = *state;
  assert_false(kgr_block_line(NULL, 0, NULL, NULL));
  lay(f, "One [1] two.\n");
  const kgr_block *b = blk(f, 0);
  int out[2];
  assert_int_equal(kgr_block_markers_in(b, 0, b->len, out, 0), 0);
  assert_int_equal(kgr_block_markers_in(b, 5, 2, out, 2), 0);
  kgr_span sp = kgr_block_span(b, 3, 3); /* empty: where offset 3 maps */
  assert_int_equal(sp.start, 3);
  assert_int_equal(sp.end, 3);
  sp = kgr_block_span(b, 0, 1000); /* clamped to the text */
  assert_int_equal(sp.start, 0);
  assert_int_equal(sp.end, strlen("One [1] two."));
  assert_int_equal(kgr_block_src(b, b->len), strlen("One [1] two."));
  assert_false(kgr_block_line(b, 1, NULL, NULL));
}

/* ---- bytes -------------------------------------------------------------- */

static void test_bom(void **state) {
  fixture *f = *state;
  LAY_LIT(f, "\xEF\xBB\xBFHello world.\n");
  assert_int_equal(f->lay->block_count, 1);
  assert_string_equal(blk(f, 0)->text, "Hello world.");
  assert_int_equal(blk(f, 0)->span.start, 3);
  assert_int_equal(blk(f, 0)->span.end, 15);
  assert_int_equal(f->doc->diagnostics.count, 0);
}

static void test_crlf_and_cr(void **state) {
  fixture *f = *state;
  LAY_LIT(f, "Line one\r\nline two\r\n\r\nNext para.\r\n");
  assert_int_equal(f->lay->block_count, 2);
  assert_string_equal(blk(f, 0)->text, "Line one line two");
  assert_int_equal(blk(f, 0)->line_count, 2);
  assert_string_equal(blk(f, 1)->text, "Next para.");
  LAY_LIT(f, "Old Mac\rtext here\r\rNew block");
  assert_int_equal(f->lay->block_count, 2);
  assert_string_equal(blk(f, 0)->text, "Old Mac text here");
  assert_string_equal(blk(f, 1)->text, "New block");
}

static void test_form_feed(void **state) {
  fixture *f = *state;
  LAY_LIT(f, "The first page ends here.\fA second page starts.\n");
  assert_int_equal(f->lay->block_count, 2);
  assert_string_equal(blk(f, 1)->text, "A second page starts.");
  /* A word split over the page break is rejoined. */
  LAY_LIT(f, "three parties and one op-\fposition party.\n");
  assert_int_equal(f->lay->block_count, 1);
  assert_string_equal(blk(f, 0)->text, "three parties and one opposition party.");
}

static void test_trailing_spaces(void **state) {
  fixture *f = *state;
  LAY_LIT(f, "A title line   \nsecond  line\t \n   \n");
  assert_int_equal(f->lay->block_count, 1);
  assert_string_equal(blk(f, 0)->text, "A title line second line");
  assert_int_equal(blk(f, 0)->span.start, 0);
  assert_int_equal(blk(f, 0)->span.end, 28); /* "line" ends at 28 */
  assert_int_equal(f->lay->blocks[0].line_count, 2);
}

static void test_invalid_utf8(void **state) {
  fixture *f = *state;
  LAY_LIT(f, "abc\xFF\xFE"
             "def ghi\n");
  assert_int_equal(f->lay->block_count, 1);
  assert_string_equal(blk(f, 0)->text, "abc def ghi");
  const kgr_diagnostic *d = find_diag(f->doc, "invalid-utf8");
  assert_non_null(d);
  assert_int_equal(d->severity, KGR_SEVERITY_WARNING);
  assert_int_equal(d->span.start, 3); /* ^ the bad bytes: one run */
  assert_int_equal(d->span.end, 5);
  assert_int_equal(count_diag(f->doc, "invalid-utf8"), 1);
  /* A truncated sequence at the end and an overlong form. */
  LAY_LIT(f, "ok \xC0\xAF then \xE2\x80");
  assert_int_equal(count_diag(f->doc, "invalid-utf8"), 2);
  assert_string_equal(blk(f, 0)->text, "ok then");
}

static void test_nul_and_controls(void **state) {
  fixture *f = *state;
  LAY_LIT(f, "abc\0\0def\x01x\tend\x0b.\n");
  assert_string_equal(blk(f, 0)->text, "abc def x end .");
  const kgr_diagnostic *d = find_diag(f->doc, "nul-byte");
  assert_non_null(d);
  assert_int_equal(d->span.start, 3);
  assert_int_equal(d->span.end, 5);
  assert_int_equal(count_diag(f->doc, "nul-byte"), 1);
  assert_int_equal(count_diag(f->doc, "control-character"), 2);
  assert_null(find_diag(f->doc, "binary-input"));
}

static void test_binary_and_cap(void **state) {
  fixture *f = *state;
  size_t n = 20000;
  char *buf = malloc(n);
  for (size_t i = 0; i < n; i++)
    buf[i] = (i % 3 == 0) ? '\0' : (i % 3 == 1) ? (char)0xFF : 'a';
  lay_n(f, buf, n);
  free(buf);
  const kgr_diagnostic *d = find_diag(f->doc, "binary-input");
  assert_non_null(d);
  assert_int_equal(d->severity, KGR_SEVERITY_ERROR);
  assert_int_equal(count_diag(f->doc, "nul-byte"), 100);
  assert_int_equal(count_diag(f->doc, "invalid-utf8"), 100);
  assert_int_equal(count_diag(f->doc, "too-many-nul-byte"), 1);
  assert_int_equal(count_diag(f->doc, "too-many-invalid-utf8"), 1);
  const kgr_diagnostic *t = find_diag(f->doc, "too-many-nul-byte");
  assert_int_equal(t->span.end, n - 2 + 1); /* the last NUL is at n - 2 */
  assert_true(f->lay->block_count >= 1);
}

static void test_unicode_spaces_and_soft_hyphen(void **state) {
  fixture *f = *state;
  lay(f, "a\xC2\xA0"
         "b\xE2\x80\x83"
         "c\xE2\x80\xAF"
         "d\xE3\x80\x80"
         "e ex\xC2\xAD"
         "ample");
  assert_string_equal(blk(f, 0)->text, "a b c d e example");
  /* A range ending on the no-break space covers both of its bytes. */
  kgr_span sp = kgr_block_span(blk(f, 0), 0, 2);
  assert_int_equal(sp.start, 0);
  assert_int_equal(sp.end, 3);
  /* A line of only no-break spaces is blank. */
  lay(f, "One.\n\xC2\xA0\xC2\xA0\nTwo.\n");
  assert_int_equal(f->lay->block_count, 2);
  /* Soft hyphen at a line break. */
  lay(f, "a long ex\xC2\xAD\nample here");
  assert_string_equal(blk(f, 0)->text, "a long example here");
}

/* ---- lines to paragraphs -------------------------------------------------- */

static void test_hard_wraps(void **state) {
  fixture *f = *state;
  lay(f, "This is a\nwrapped   paragraph\n    with indentation.\n\n  Second one.");
  assert_int_equal(f->lay->block_count, 2);
  assert_string_equal(blk(f, 0)->text, "This is a wrapped paragraph with indentation.");
  assert_int_equal(blk(f, 0)->line_count, 3);
  assert_true(blk(f, 0)->ends_sentence);
  assert_string_equal(blk(f, 1)->text, "Second one.");
  assert_int_equal(blk(f, 1)->span.start,
                   strlen("This is a\nwrapped   paragraph\n    with indentation.\n\n  "));
  /* The map points at the original bytes across the collapsed spaces. */
  const kgr_block *b = blk(f, 0);
  const char *t = strstr(b->text, "paragraph");
  size_t off = (size_t)(t - b->text);
  kgr_span sp = kgr_block_span(b, off, off + 9);
  assert_memory_equal(f->doc->input + sp.start, "paragraph", 9);
  t = strstr(b->text, "wrapped paragraph with");
  off = (size_t)(t - b->text);
  sp = kgr_block_span(b, off, off + strlen("wrapped paragraph with"));
  assert_int_equal(sp.end - sp.start, strlen("wrapped   paragraph\n    with"));
}

static void test_dehyphenation(void **state) {
  fixture *f = *state;
  lay(f, "three pro-presidential parties and one op-\nposition party.");
  assert_string_equal(blk(f, 0)->text, "three pro-presidential parties and one opposition party.");
  const kgr_block *b = blk(f, 0);
  const char *t = strstr(b->text, "opposition");
  size_t off = (size_t)(t - b->text);
  kgr_span sp = kgr_block_span(b, off, off + 10);
  assert_memory_equal(f->doc->input + sp.start, "op-\nposition", 12);
  assert_int_equal(sp.end - sp.start, 12);
  lay(f, "the main Ala-\nToo Square");
  assert_string_equal(blk(f, 0)->text, "the main Ala-Too Square");
  lay(f, "cases of COVID-\n19 rose");
  assert_string_equal(blk(f, 0)->text, "cases of COVID-19 rose");
  /* A dash after a space is no hyphen. */
  lay(f, "a network -\nof groups");
  assert_string_equal(blk(f, 0)->text, "a network - of groups");
}

static void test_page_join(void **state) {
  fixture *f = *state;
  lay(f, "Those of three parties and one op-\n\nposition party. This prompted protests.\n");
  assert_int_equal(f->lay->block_count, 1);
  assert_string_equal(blk(f, 0)->text,
                      "Those of three parties and one opposition party. This prompted protests.");
  assert_int_equal(blk(f, 0)->line_count, 2);
  lay(f, "The police used water\n\n\ncannons and tear gas.\n");
  assert_int_equal(f->lay->block_count, 1);
  assert_string_equal(blk(f, 0)->text, "The police used water cannons and tear gas.");
  /* Hard negatives: a finished sentence, or a capital after the break. */
  lay(f, "It ended here.\n\nlower case start\n");
  assert_int_equal(f->lay->block_count, 2);
  lay(f, "No final stop\n\nCapital start\n");
  assert_int_equal(f->lay->block_count, 2);
}

static void test_page_join_across_footnotes(void **state) {
  fixture *f = *state;
  lay(f, "Police fired at the crowd.1 The rights of\n\n"
         "__________\n"
         "1 https://example.org/report\n\n"
         "all protesters must be respected.\n");
  assert_int_equal(f->lay->block_count, 2);
  assert_int_equal(blk(f, 0)->kind, KGR_BLOCK_PARAGRAPH);
  assert_string_equal(blk(f, 0)->text,
                      "Police fired at the crowd. The rights of all protesters must be respected.");
  assert_int_equal(blk(f, 0)->marker_count, 1);
  assert_int_equal(blk(f, 1)->kind, KGR_BLOCK_FOOTNOTE);
  assert_int_equal(f->doc->footnotes.count, 1);
  assert_string_equal(f->doc->footnotes.items[0].urls[0].ptr, "https://example.org/report");
}

static void test_separator(void **state) {
  fixture *f = *state;
  lay(f, "Para one.\n\n____________\n\nPara two.\n\n* * *\n\n=====\nPara three.\n");
  assert_int_equal(f->lay->block_count, 3);
  assert_string_equal(blk(f, 1)->text, "Para two.");
  assert_string_equal(blk(f, 2)->text, "Para three.");
  /* The separators lie inside the section. */
  assert_int_equal(f->doc->sections.count, 1);
  assert_int_equal(f->doc->sections.items[0].span.start, 0);
  assert_int_equal(f->doc->sections.items[0].span.end, strlen(f->doc->input) - 1);
}

static void test_page_numbers(void **state) {
  fixture *f = *state;
  lay(f, "The police detained\n\n2\n\nfour journalists.\n\n- 3 -\nMore text here.\n\nPage 4 of "
         "9\n\nEnd.\n");
  const kgr_layout *L = f->lay;
  assert_int_equal(L->block_count, 3);
  assert_string_equal(L->blocks[0].text, "The police detained four journalists.");
  assert_string_equal(L->blocks[1].text, "More text here.");
  assert_string_equal(L->blocks[2].text, "End.");
  /* A year alone, or a number inside wrapped text, is text. */
  lay(f, "Founded in\n\n2020\n\nThe count was\n245\npeople.\n");
  L = f->lay;
  assert_int_equal(L->block_count, 3);
  assert_string_equal(L->blocks[1].text, "2020");
  assert_string_equal(L->blocks[2].text, "The count was 245 people.");
}

static void test_wrapped_title_and_date_line(void **state) {
  fixture *f = *state;
  lay(f, " Rights group urges respect for human rights \nin the country \n \n\nThe body text.\n");
  assert_int_equal(f->lay->block_count, 2);
  assert_string_equal(blk(f, 0)->text,
                      "Rights group urges respect for human rights in the country");
  assert_int_equal(blk(f, 0)->line_count, 2);
  lay(f, "Statement on the events of this week\n9 October 2020\n\nThe body.\n");
  const kgr_block *b = blk(f, 0);
  assert_int_equal(b->kind, KGR_BLOCK_PARAGRAPH);
  assert_int_equal(b->line_count, 2);
  size_t s, e;
  assert_true(kgr_block_line(b, 0, &s, &e));
  assert_int_equal(s, 0);
  assert_int_equal(e, strlen("Statement on the events of this week"));
  assert_true(kgr_block_line(b, 1, &s, &e));
  assert_int_equal(e - s, strlen("9 October 2020"));
  assert_memory_equal(b->text + s, "9 October 2020", e - s);
  /* A long ALL CAPS title is no heading. */
  lay(f, "\n\nCOUNTRY: CIVIL SOCIETY APPEALS FOR DIALOGUE AND RESPECT FOR HUMAN RIGHTS IN TIMES OF "
         "TURMOIL\n\n9 October 2020\n");
  assert_int_equal(blk(f, 0)->kind, KGR_BLOCK_PARAGRAPH);
  assert_true(blk(f, 0)->all_caps);
  assert_false(blk(f, 0)->ends_sentence);
  assert_false(blk(f, 1)->all_caps);
  /* A short capitals title first in the document stays a paragraph. */
  lay(f, "STOP THE VIOLENCE\n\nText.\n");
  assert_int_equal(blk(f, 0)->kind, KGR_BLOCK_PARAGRAPH);
  assert_null(sec_heading(f, 0));
}

/* ---- headings and sections ----------------------------------------------- */

static void test_headings(void **state) {
  fixture *f = *state;
  lay(f,
      "Title\n\nIntro text.\n\nBackground:\n\nThe facts.\n\nKEY FINDINGS\nThe results were bad.\n\n"
      "Summary\n\nShort.\n\nSigned by:\n1. Group One\n2. Group Two\n");
  const kgr_layout *L = f->lay;
  assert_int_equal(f->doc->sections.count, 5);
  assert_null(sec_heading(f, 0));
  assert_string_equal(sec_heading(f, 1), "Background");
  assert_string_equal(sec_heading(f, 2), "KEY FINDINGS");
  assert_string_equal(sec_heading(f, 3), "Summary");
  assert_string_equal(sec_heading(f, 4), "Signed by");
  size_t heads = 0;
  for (size_t i = 0; i < L->block_count; i++)
    heads += L->blocks[i].kind == KGR_BLOCK_HEADING;
  assert_int_equal(heads, 4);
  /* The heading followed directly by text: two blocks. */
  const kgr_block *h = NULL, *p = NULL;
  for (size_t i = 0; i + 1 < L->block_count; i++)
    if (strcmp(L->blocks[i].text, "KEY FINDINGS") == 0) {
      h = &L->blocks[i];
      p = &L->blocks[i + 1];
    }
  assert_non_null(h);
  assert_int_equal(h->kind, KGR_BLOCK_HEADING);
  assert_true(h->all_caps);
  assert_string_equal(p->text, "The results were bad.");
  assert_int_equal(p->section, 2);
  kgr_span s2 = f->doc->sections.items[2].span;
  assert_int_equal(s2.start, h->span.start);
  assert_int_equal(s2.end, p->span.end);
  /* The first section starts at the title. */
  assert_int_equal(f->doc->sections.items[0].span.start, 0);
  /* Signatories under their heading. */
  const kgr_block *last = &L->blocks[L->block_count - 1];
  assert_int_equal(last->kind, KGR_BLOCK_LIST_ITEM);
  assert_int_equal(last->section, 4);
  assert_int_equal(last->number, 2);
}

static void test_heading_negatives(void **state) {
  fixture *f = *state;
  lay(f, "Title\n\nWe urge:\n- one\n- two\n");
  assert_int_equal(f->doc->sections.count, 1);
  assert_int_equal(blk(f, 1)->kind, KGR_BLOCK_PARAGRAPH);
  lay(f, "Title\n\nTo this end, we call in particular for:\n\n- one\n");
  assert_int_equal(f->doc->sections.count, 1);
  lay(f, "Title\n\nOCTOBER 2020\n\nThe police said it.\n");
  assert_int_equal(f->doc->sections.count, 1);
  /* A short line ending in a period is a sentence. */
  lay(f, "Title\n\nThe End.\n\nMore text.\n");
  assert_int_equal(f->doc->sections.count, 1);
  /* Capitals before any body text are the title and its kin. */
  lay(f, "PRESS RELEASE\n\nKAZAKHSTAN: FREE THE JOURNALISTS\n\nBody text here.\n\nNEXT "
         "STEPS\n\nMore.\n");
  assert_int_equal(f->doc->sections.count, 2);
  assert_int_equal(blk(f, 1)->kind, KGR_BLOCK_PARAGRAPH);
  assert_string_equal(sec_heading(f, 1), "NEXT STEPS");
  lay(f, "Title\n\nText.\n\nBishkek, 9 October 2020:\n\nMore.\n");
  assert_int_equal(f->doc->sections.count, 1);
  /* One capitalised acronym alone is no heading. */
  lay(f, "Title\n\nIPHR\nNorwegian Helsinki Committee\n");
  assert_int_equal(f->doc->sections.count, 1);
}

static void test_markdown(void **state) {
  fixture *f = *state;
  lay(f, "# Country: Free the Defenders\n\n**Joint statement**\n\nText with __bold__ and a * star, "
         "see https://example.org/a__b/c**d now.\n\n## We call on the authorities to:\n\n* release "
         "them\n\n"
         "### Notes\n1. A first note.\n");
  const kgr_layout *L = f->lay;
  assert_int_equal(L->blocks[0].kind, KGR_BLOCK_PARAGRAPH); /* the title */
  assert_string_equal(L->blocks[0].text, "Country: Free the Defenders");
  assert_int_equal(L->blocks[0].span.start, 0);
  assert_string_equal(L->blocks[1].text, "Joint statement");
  assert_string_equal(L->blocks[2].text,
                      "Text with bold and a * star, see https://example.org/a__b/c**d now.");
  assert_int_equal(L->blocks[3].kind, KGR_BLOCK_HEADING);
  assert_string_equal(sec_heading(f, 1), "We call on the authorities to");
  assert_int_equal(L->blocks[4].kind, KGR_BLOCK_LIST_ITEM);
  assert_string_equal(sec_heading(f, 2), "Notes");
  assert_int_equal(f->doc->footnotes.count, 1);
}

/* ---- lists ---------------------------------------------------------------- */

static void test_bullets(void **state) {
  fixture *f = *state;
  lay(f, "We call for:\n"
         "- dash item\n"
         "* star item\n"
         "\xE2\x80\xA2 bullet item\n"
         "\xE2\x80\x93 en dash item\n"
         "\xE2\x80\x94 em dash item\n"
         "\xE2\x96\xAA square item\n"
         "\xC2\xB7 middle dot item\n"
         "o letter o item\n"
         "\xE2\x80\xA2\tTabbed item\n");
  const kgr_layout *L = f->lay;
  assert_int_equal(L->block_count, 10);
  const char *want[] = {"dash item",       "star item",     "bullet item",
                        "en dash item",    "em dash item",  "square item",
                        "middle dot item", "letter o item", "Tabbed item"};
  for (size_t i = 0; i < 9; i++) {
    const kgr_block *b = &L->blocks[i + 1];
    assert_int_equal(b->kind, KGR_BLOCK_LIST_ITEM);
    assert_int_equal(b->list_style, KGR_LIST_BULLET);
    assert_string_equal(b->text, want[i]);
    /* The span includes the marker. */
    assert_true(f->doc->input[b->span.start] == '-' || f->doc->input[b->span.start] == '*' ||
                f->doc->input[b->span.start] == 'o' ||
                (unsigned char)f->doc->input[b->span.start] >= 0x80);
  }
}

static void test_numbered_and_lettered(void **state) {
  fixture *f = *state;
  lay(f, "Signed by:\n\n1. First org\n2) Second org\n(3) Third org\n10. Tenth org\n\n"
         "Options:\na) alpha\n(b) beta\nc. gamma\n");
  const kgr_layout *L = f->lay;
  int nums[] = {1, 2, 3, 10};
  const char *texts[] = {"First org", "Second org", "Third org", "Tenth org"};
  for (size_t i = 0; i < 4; i++) {
    const kgr_block *b = &L->blocks[i + 1];
    assert_int_equal(b->kind, KGR_BLOCK_LIST_ITEM);
    assert_int_equal(b->list_style, KGR_LIST_NUMBER);
    assert_int_equal(b->number, nums[i]);
    assert_string_equal(b->text, texts[i]);
  }
  for (size_t i = 0; i < 3; i++) {
    const kgr_block *b = &L->blocks[i + 6];
    assert_int_equal(b->kind, KGR_BLOCK_LIST_ITEM);
    assert_int_equal(b->list_style, KGR_LIST_LETTER);
    assert_int_equal(b->number, (int)i + 1);
  }
  assert_string_equal(L->blocks[8].text, "gamma");
}

static void test_long_numbered_list(void **state) {
  fixture *f = *state;
  char *buf = malloc(64 * 1100);
  size_t k = (size_t)sprintf(buf, "Signed by:\n\n");
  for (int i = 1; i <= 1002; i++)
    k += (size_t)sprintf(buf + k, "%d. Group %d\n", i, i);
  k += (size_t)sprintf(buf + k, "\nIt ended in\n\n2020. The year after.\n");
  lay_n(f, buf, k);
  free(buf);
  const kgr_layout *L = f->lay;
  assert_int_equal(L->block_count, 1 + 1002 + 2);
  assert_int_equal(L->blocks[1002].number, 1002);
  assert_string_equal(L->blocks[1002].text, "Group 1002");
  assert_int_equal(L->blocks[1004].kind, KGR_BLOCK_PARAGRAPH);
  assert_string_equal(L->blocks[1004].text, "2020. The year after.");
}

static void test_wrapped_items(void **state) {
  fixture *f = *state;
  lay(f, "Demands:\n"
         "- The release of all those\n"
         "  detained for protesting.\n"
         "- An independent investi-\n"
         "gation into the killings.\n"
         "1. A numbered item that\n"
         "goes on here.\n");
  const kgr_layout *L = f->lay;
  assert_int_equal(L->block_count, 4);
  assert_string_equal(L->blocks[1].text, "The release of all those detained for protesting.");
  assert_int_equal(L->blocks[1].line_count, 2);
  assert_string_equal(L->blocks[2].text, "An independent investigation into the killings.");
  assert_string_equal(L->blocks[3].text, "A numbered item that goes on here.");
  assert_int_equal(L->blocks[3].number, 1);
}

static void test_list_negatives(void **state) {
  fixture *f = *state;
  /* A year ending a sentence at a line start, a date line, a wrapped dash. */
  lay(f, "The elections were held in\n2020. The results were annulled.\n\n9 October 2020\n\n"
         "Members of the network\n- a group of NGOs - said so.\n\n1 in 5 people agreed.\n");
  const kgr_layout *L = f->lay;
  for (size_t i = 0; i < L->block_count; i++)
    assert_int_equal(L->blocks[i].kind, KGR_BLOCK_PARAGRAPH);
  assert_int_equal(L->block_count, 4);
  assert_string_equal(L->blocks[0].text,
                      "The elections were held in 2020. The results were annulled.");
  assert_string_equal(L->blocks[2].text, "Members of the network - a group of NGOs - said so.");
  assert_string_equal(L->blocks[3].text, "1 in 5 people agreed.");
  assert_int_equal(f->doc->footnotes.count, 0);
}

/* ---- footnotes and markers -------------------------------------------------- */

static void test_footnote_plain_url(void **state) {
  fixture *f = *state;
  lay(f, "Hospitals treated 686 people for their injuries.1 Journalists were hurt in Bishkek.2\n\n"
         "1 https://example.kg/news/167895_report/\n\n"
         "2 https://example.org/2020/10/journalists-attacked/ \n"
         " The authorities must act.\n");
  assert_int_equal(f->doc->footnotes.count, 2);
  const kgr_footnote *n1 = &f->doc->footnotes.items[0];
  assert_int_equal(n1->number, 1);
  assert_int_equal(n1->url_count, 1);
  assert_string_equal(n1->urls[0].ptr, "https://example.kg/news/167895_report/");
  assert_string_equal(n1->text.ptr, "https://example.kg/news/167895_report/");
  const kgr_footnote *n2 = &f->doc->footnotes.items[1];
  assert_int_equal(n2->number, 2);
  assert_string_equal(n2->urls[0].ptr, "https://example.org/2020/10/journalists-attacked/");
  assert_memory_equal(f->doc->input + n2->span.start, "2 https://", 10);
  const kgr_layout *L = f->lay;
  assert_int_equal(L->block_count, 4);
  assert_string_equal(
      L->blocks[0].text,
      "Hospitals treated 686 people for their injuries. Journalists were hurt in Bishkek.");
  assert_int_equal(L->blocks[0].marker_count, 2);
  assert_int_equal(L->blocks[0].markers[0].number, 1);
  size_t at = strlen("Hospitals treated 686 people for their injuries.");
  assert_int_equal(L->blocks[0].markers[0].text_off, at);
  kgr_span ms = L->blocks[0].markers[0].span;
  assert_int_equal(ms.end - ms.start, 1);
  assert_int_equal(f->doc->input[ms.start], '1');
  assert_int_equal(L->blocks[3].kind, KGR_BLOCK_PARAGRAPH);
  assert_string_equal(L->blocks[3].text, "The authorities must act.");
  int nums[4];
  assert_int_equal(kgr_block_markers_in(&L->blocks[0], 0, L->blocks[0].len, nums, 4), 2);
  assert_int_equal(nums[0], 1);
  assert_int_equal(nums[1], 2);
  assert_int_equal(kgr_block_markers_in(&L->blocks[0], 0, at - 1, nums, 4), 0);
  assert_int_equal(kgr_block_markers_in(&L->blocks[0], at, at, nums, 4), 1);
}

static void test_footnote_styles(void **state) {
  fixture *f = *state;
  /* [1] style, multi-line text until a blank line. */
  lay(f, "The claim [1] stands, and another [2].\n\n[1] Source: a report by the\nmonitoring "
         "group.\n[2] Second note.\n");
  assert_int_equal(f->doc->footnotes.count, 2);
  assert_string_equal(f->doc->footnotes.items[0].text.ptr,
                      "Source: a report by the monitoring group.");
  assert_int_equal(f->doc->footnotes.items[0].url_count, 0);
  assert_string_equal(f->doc->footnotes.items[1].text.ptr, "Second note.");
  assert_string_equal(blk(f, 0)->text, "The claim stands, and another.");
  assert_int_equal(blk(f, 0)->marker_count, 2);
  /* "1." and "1)" after a separator line. */
  lay(f, "Text with notes.1 And more.2\n\n______\n1. First note, see www.example.org/a.\n2) Second "
         "note.\n");
  assert_int_equal(f->doc->footnotes.count, 2);
  assert_int_equal(blk(f, 1)->kind, KGR_BLOCK_FOOTNOTE);
  assert_int_equal(blk(f, 1)->number, 1);
  assert_string_equal(f->doc->footnotes.items[0].urls[0].ptr, "www.example.org/a");
  assert_string_equal(f->doc->footnotes.items[1].text.ptr, "Second note.");
  /* Superscript markers and definitions. */
  lay(f, "The claim\xC2\xB9 and the other\xC2\xB2.\n\n\xC2\xB9 First source.\n\xC2\xB2 Second "
         "source.\n");
  assert_int_equal(f->doc->footnotes.count, 2);
  assert_string_equal(blk(f, 0)->text, "The claim and the other.");
  assert_int_equal(blk(f, 0)->markers[1].number, 2);
  /* Numbered notes under a "Notes" heading. */
  lay(f, "Body text here.\n\nNotes\n1. A first note.\n2. A second note.\n");
  assert_int_equal(f->doc->footnotes.count, 2);
  assert_string_equal(sec_heading(f, 1), "Notes");
}

static void test_footnote_url_wrapped(void **state) {
  fixture *f = *state;
  lay(f, "A claim.1\n\n1 Report, available at "
         "https://example.org/reports/2020/\nkyrgyzstan-protests.html\n");
  assert_int_equal(f->doc->footnotes.count, 1);
  assert_int_equal(f->doc->footnotes.items[0].url_count, 1);
  assert_string_equal(f->doc->footnotes.items[0].urls[0].ptr,
                      "https://example.org/reports/2020/kyrgyzstan-protests.html");
  /* Trailing punctuation is no part of a URL. */
  lay(f, "A claim.1\n\n1 See (https://example.org/a_(b)), and https://example.org/c.\n");
  assert_int_equal(f->doc->footnotes.items[0].url_count, 2);
  assert_string_equal(f->doc->footnotes.items[0].urls[0].ptr, "https://example.org/a_(b)");
  assert_string_equal(f->doc->footnotes.items[0].urls[1].ptr, "https://example.org/c");
}

static void test_footnotes_mid_document(void **state) {
  fixture *f = *state;
  lay(f, "First page text ends.1\n\n"
         "                                \n"
         "1 https://example.org/one \n"
         "Second page text goes on here.2\n\n"
         "2 https://example.org/two\n\n"
         "Third page.\n");
  const kgr_layout *L = f->lay;
  assert_int_equal(f->doc->footnotes.count, 2);
  assert_int_equal(L->block_count, 5);
  assert_int_equal(L->blocks[1].kind, KGR_BLOCK_FOOTNOTE);
  assert_int_equal(L->blocks[2].kind, KGR_BLOCK_PARAGRAPH);
  assert_string_equal(L->blocks[2].text, "Second page text goes on here.");
  assert_int_equal(L->blocks[2].marker_count, 1);
  assert_int_equal(L->blocks[3].kind, KGR_BLOCK_FOOTNOTE);
  assert_string_equal(L->blocks[4].text, "Third page.");
}

static void test_marker_negatives(void **state) {
  fixture *f = *state;
  /* Definitions 4, 5, 11, 19, 20, 24 exist, so only the shape decides. */
  lay(f,
      "The site 24.kg reported COVID-19 cases on 4 October.\n"
      "He got 11 years in 2020. Article 5 applies at the G20 summit at 10:30 to 1,000 people.\n\n"
      "___\n"
      "4 Note four.\n5 Note five.\n11 Note eleven.\n19 Note.\n20 Note.\n24 Note.\n");
  const kgr_block *b = blk(f, 0);
  assert_int_equal(b->marker_count, 0);
  assert_string_equal(
      b->text, "The site 24.kg reported COVID-19 cases on 4 October. He got 11 years in 2020. "
               "Article 5 applies at the G20 summit at 10:30 to 1,000 people.");
  assert_int_equal(f->doc->footnotes.count, 6);
  /* Glued digits without a definition stay. */
  lay(f, "Bishkek.2 and Osh.3\n");
  assert_string_equal(blk(f, 0)->text, "Bishkek.2 and Osh.3");
  /* After a year, a closing quote, a bracket. */
  lay(f, "In 2020.1 He said \xE2\x80\x9Cno\xE2\x80\x9D"
         "2 (see)3 end\n\n1 a\n2 b\n3 c\n");
  assert_string_equal(blk(f, 0)->text, "In 2020. He said \xE2\x80\x9Cno\xE2\x80\x9D (see) end");
  assert_int_equal(blk(f, 0)->marker_count, 3);
  /* URLs keep their digits. */
  lay(f, "See https://example.org/page1 now.1\n\n1 Note.\n");
  assert_string_equal(blk(f, 0)->text, "See https://example.org/page1 now.");
}

static void test_bracket_markers_and_links(void **state) {
  fixture *f = *state;
  lay(f, "See [the report](https://example.org/r) and [more](#) here [3].\n");
  const kgr_block *b = blk(f, 0);
  assert_string_equal(b->text, "See the report and more here.");
  assert_int_equal(b->marker_count, 1);
  assert_int_equal(b->markers[0].number, 3);
  assert_int_equal(f->doc->links.count, 2);
  const kgr_link *l0 = &f->doc->links.items[0];
  assert_string_equal(l0->text.ptr, "the report");
  assert_string_equal(l0->target.ptr, "https://example.org/r");
  assert_int_equal(l0->span.start, 4);
  assert_int_equal(l0->span.end, strlen("See [the report](https://example.org/r)"));
  assert_string_equal(f->doc->links.items[1].target.ptr, "#");
  assert_int_equal(b->link_count, 2);
  assert_int_equal(b->links[0].text_start, 4);
  assert_int_equal(b->links[0].text_end, 14);
  kgr_span sp = kgr_block_span(b, 4, 14);
  assert_memory_equal(f->doc->input + sp.start, "the report", 10);
  /* A numbered anchor is a link; a bare number in brackets is a marker. */
  lay(f, "Text [1](#) and [2] end.\n");
  assert_int_equal(f->doc->links.count, 1);
  assert_string_equal(f->doc->links.items[0].text.ptr, "1");
  assert_string_equal(blk(f, 0)->text, "Text 1 and end.");
  /* An anchor wrapped over two lines. */
  lay(f, "They were [marred by allegations\nof fraud](#) in part.\n");
  assert_int_equal(f->doc->links.count, 1);
  assert_string_equal(f->doc->links.items[0].text.ptr, "marred by allegations of fraud");
  assert_string_equal(blk(f, 0)->text, "They were marred by allegations of fraud in part.");
  /* A marker at the end leaves no space behind. */
  lay(f, "It ended [4]\n\nNext [5]\n");
  assert_string_equal(blk(f, 0)->text, "It ended");
  assert_int_equal(blk(f, 0)->markers[0].text_off, 8);
  /* Not links. */
  lay(f, "A [bracket] and (parens) and [x] (y) and [z](no spaces allowed).\n");
  assert_int_equal(f->doc->links.count, 0);
  assert_string_equal(blk(f, 0)->text,
                      "A [bracket] and (parens) and [x] (y) and [z](no spaces allowed).");
}

/* ---- sentences of blocks ---------------------------------------------------- */

static void test_block_sentences(void **state) {
  fixture *f = *state;
  lay(f,
      "Heading Line\n\nFirst one. Second one.1\n\n- Item one. Item two.\n\n1 Note. Not split.\n");
  const kgr_layout *L = f->lay;
  assert_int_equal(L->sentence_count, 5);
  assert_int_equal(L->sentences[0].block, 0);
  assert_int_equal(L->sentences[2].block, 1);
  assert_int_equal(L->sentences[3].block, 2);
  assert_int_equal(L->sentences[4].block, 2);
}

static void test_empty_and_blank(void **state) {
  fixture *f = *state;
  lay(f, "");
  assert_int_equal(f->lay->block_count, 0);
  assert_int_equal(f->doc->sections.count, 1);
  lay(f, "\n\n   \n\t\n");
  assert_int_equal(f->lay->block_count, 0);
  LAY_LIT(f, "\xEF\xBB\xBF");
  assert_int_equal(f->lay->block_count, 0);
}

/* ---- scale: linear time, bounded records ---------------------------------- */

static void test_scale(void **state) {
  fixture *f = *state;
  size_t n = 10 * 1024 * 1024;
  char *buf = malloc(n + 1);
  f->buf = buf;
  /* One 10 MB line of words. */
  for (size_t i = 0; i < n; i++)
    buf[i] = (i % 7 == 6) ? ' ' : 'a' + (char)(i % 5);
  const kgr_layout *L = lay_n(f, buf, n);
  assert_int_equal(L->block_count, 1);
  /* 100,000 bullet lines. */
  size_t k = 0;
  for (size_t i = 0; i < 100000; i++)
    k += (size_t)sprintf(buf + k, "- item %zu\n", i);
  L = lay_n(f, buf, k);
  assert_int_equal(L->block_count, 100000);
  assert_int_equal(L->blocks[99999].kind, KGR_BLOCK_LIST_ITEM);
  /* 50,000 bracket markers. */
  k = 0;
  for (size_t i = 0; i < 50000; i++)
    k += (size_t)sprintf(buf + k, "word[1] ");
  L = lay_n(f, buf, k);
  assert_int_equal(L->block_count, 1);
  assert_int_equal(L->blocks[0].marker_count, 50000);
  /* 1,000,000 digits. */
  memset(buf, '7', 1000000);
  L = lay_n(f, buf, 1000000);
  assert_int_equal(L->block_count, 1);
  assert_int_equal(L->blocks[0].len, 1000000);
  /* 200,000 "[" and 200,000 "[a](" fragments. */
  memset(buf, '[', 200000);
  L = lay_n(f, buf, 200000);
  assert_int_equal(L->blocks[0].len, 200000);
  k = 0;
  for (size_t i = 0; i < 200000; i++)
    k += (size_t)sprintf(buf + k, "[a](");
  L = lay_n(f, buf, k);
  assert_int_equal(L->blocks[0].len, k);
  /* 1,000,000 blank lines and 100,000 separators. */
  memset(buf, '\n', 1000000);
  L = lay_n(f, buf, 1000000);
  assert_int_equal(L->block_count, 0);
  k = 0;
  for (size_t i = 0; i < 100000; i++)
    k += (size_t)sprintf(buf + k, "___\n1 https://x.org/%zu\n", i % 900 + 1);
  L = lay_n(f, buf, k);
  assert_int_equal(f->doc->footnotes.count, 100000);
}

/* ---- the seeds --------------------------------------------------------------- */

static char *read_all(const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  for (;;) {
    size_t k = fread(buf + n, 1, cap - n, fp);
    n += k;
    if (n < cap)
      break;
    cap *= 2;
    buf = realloc(buf, cap);
  }
  fclose(fp);
  *len = n;
  return buf;
}

/* The seed whose name starts with prefix, laid out; false when absent. */
static bool lay_seed(fixture *f, const char *prefix) {
  DIR *dir = opendir(KGR_SEEDS_DIR);
  if (!dir)
    return false;
  struct dirent *de;
  bool found = false;
  while (!found && (de = readdir(dir))) {
    size_t n = strlen(de->d_name);
    if (strncmp(de->d_name, prefix, strlen(prefix)) || n < 4 || strcmp(de->d_name + n - 4, ".txt"))
      continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", KGR_SEEDS_DIR, de->d_name);
    size_t len;
    free(f->buf);
    f->buf = read_all(path, &len);
    if (f->buf) {
      lay_n(f, f->buf, len);
      found = true;
    }
  }
  closedir(dir);
  return found;
}

static void test_seed_report(void **state) {
  fixture *f = *state;
  if (!lay_seed(f, "003_")) {
    print_message("seeds not found in %s: skipped\n", KGR_SEEDS_DIR);
    skip();
  }
  const kgr_doc *d = f->doc;
  assert_int_equal(d->footnotes.count, 3);
  const char *urls[] = {
      "https://24.kg/obschestvo/"
      "167895_besporyadki_vbishkeke_vbolnitsyi_obratilos_686_postradavshih/",
      "https://cpj.org/2020/10/"
      "journalists-attacked-obstructed-during-and-after-parliamentary-elections-in-kyrgyzstan/",
      "https://kaktus.media/?lable=38735&page=1"};
  for (int i = 0; i < 3; i++) {
    assert_int_equal(d->footnotes.items[i].number, i + 1);
    assert_int_equal(d->footnotes.items[i].url_count, 1);
    assert_string_equal(d->footnotes.items[i].urls[0].ptr, urls[i]);
  }
  bool background = false;
  for (size_t i = 0; i < d->sections.count; i++)
    background |= d->sections.items[i].heading.ptr &&
                  strcmp(d->sections.items[i].heading.ptr, "BACKGROUND") == 0;
  assert_true(background);
  const kgr_layout *L = f->lay;
  assert_string_equal(L->blocks[0].text,
                      "Amnesty International urges respect for human rights in Kyrgyzstan");
  size_t markers = 0;
  for (size_t i = 0; i < L->block_count; i++) {
    markers += L->blocks[i].marker_count;
    assert_null(strstr(L->blocks[i].text, "injuries.1"));
  }
  assert_int_equal(markers, 3);
}

static void test_seed_appeal(void **state) {
  fixture *f = *state;
  if (!lay_seed(f, "000_")) {
    print_message("seeds not found in %s: skipped\n", KGR_SEEDS_DIR);
    skip();
  }
  const kgr_doc *d = f->doc;
  assert_int_equal(d->links.count, 6);
  assert_string_equal(d->links.items[0].text.ptr, "marred by allegations of fraud");
  size_t signed_sec = SIZE_MAX, bg = SIZE_MAX;
  for (size_t i = 0; i < d->sections.count; i++) {
    const char *h = d->sections.items[i].heading.ptr;
    if (h && strcmp(h, "Signed by") == 0)
      signed_sec = i;
    if (h && strcmp(h, "Background") == 0)
      bg = i;
  }
  assert_true(signed_sec != SIZE_MAX);
  assert_true(bg != SIZE_MAX);
  const kgr_layout *L = f->lay;
  size_t numbered = 0, bullets = 0;
  for (size_t i = 0; i < L->block_count; i++) {
    const kgr_block *b = &L->blocks[i];
    if (b->kind != KGR_BLOCK_LIST_ITEM)
      continue;
    if (b->list_style == KGR_LIST_NUMBER && b->section == signed_sec)
      numbered++;
    if (b->list_style == KGR_LIST_BULLET)
      bullets++;
  }
  assert_int_equal(numbered, 35);
  assert_int_equal(bullets, 8);
  assert_int_equal(d->footnotes.count, 0);
  bool opposition = false;
  for (size_t i = 0; i < L->block_count; i++)
    opposition |= strstr(L->blocks[i].text, "one opposition party.") != NULL;
  assert_true(opposition);
}

/* Lay out every .txt file of dir (checking the invariants); returns how
 * many, or -1 when the folder is missing. */
static int lay_all(fixture *f, const char *dir) {
  DIR *d = opendir(dir);
  if (!d)
    return -1;
  int n = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    size_t k = strlen(de->d_name);
    if (k < 4 || strcmp(de->d_name + k - 4, ".txt"))
      continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
    size_t len;
    free(f->buf);
    f->buf = read_all(path, &len);
    assert_non_null(f->buf);
    lay_n(f, f->buf, len);
    assert_true(f->lay->block_count > 0);
    n++;
  }
  closedir(d);
  return n;
}

/* The invariants hold on every seed and every bundled sample. */
static void test_all_documents(void **state) {
  fixture *f = *state;
  assert_true(lay_all(f, KGR_DATA_DIR) > 0);
  if (lay_all(f, KGR_SEEDS_DIR) < 0) {
    print_message("seeds not found in %s: skipped\n", KGR_SEEDS_DIR);
    skip();
  }
}

/* Text is copied in runs that take single spaces and h/w: what the byte by
 * byte rules give, URLs (which keep their digits) and markers (cut) around
 * them included. */
static void test_text_runs(void **state) {
  fixture *f = *state;
  lay(f, "The police detained him.1 See http://x.org/page1 now, www.y.org/a1 too  and\tWwhat1 "
         "h1.\nWhen hwhat www . In 2020.1 some 10,000 1 15th (12) 2 x:1 y\n\n____\n"
         "1 https://example.org/report\n");
  assert_string_equal(blk(f, 0)->text,
                      "The police detained him. See http://x.org/page1 now, www.y.org/a1 too and "
                      "Wwhat h. When hwhat www . In 2020. some 10,000 1 15th (12) 2 x: y");
  assert_int_equal(blk(f, 0)->marker_count, 5);
  assert_int_equal(f->doc->footnotes.count, 1);
}

/* The byte-class tests of utf8.h read a table: it must say what their
 * definitions say, for every byte. */
static void test_byte_classes(void **state) {
  (void)state;
  for (int i = 0; i < 256; i++) {
    unsigned char c = (unsigned char)i;
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c >= 0x80;
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    unsigned char lower = (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
    assert_int_equal(kgr_is_word_byte(c), word);
    assert_int_equal(kgr_is_space(c), space);
    assert_int_equal(kgr_ascii_lower(c), lower);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_byte_classes),
      KGR_TEST(test_text_runs),
      KGR_TEST(test_inval),
      KGR_TEST(test_bom),
      KGR_TEST(test_crlf_and_cr),
      KGR_TEST(test_form_feed),
      KGR_TEST(test_trailing_spaces),
      KGR_TEST(test_invalid_utf8),
      KGR_TEST(test_nul_and_controls),
      KGR_TEST(test_binary_and_cap),
      KGR_TEST(test_unicode_spaces_and_soft_hyphen),
      KGR_TEST(test_hard_wraps),
      KGR_TEST(test_dehyphenation),
      KGR_TEST(test_page_join),
      KGR_TEST(test_page_join_across_footnotes),
      KGR_TEST(test_separator),
      KGR_TEST(test_page_numbers),
      KGR_TEST(test_wrapped_title_and_date_line),
      KGR_TEST(test_headings),
      KGR_TEST(test_heading_negatives),
      KGR_TEST(test_markdown),
      KGR_TEST(test_bullets),
      KGR_TEST(test_numbered_and_lettered),
      KGR_TEST(test_long_numbered_list),
      KGR_TEST(test_wrapped_items),
      KGR_TEST(test_list_negatives),
      KGR_TEST(test_footnote_plain_url),
      KGR_TEST(test_footnote_styles),
      KGR_TEST(test_footnote_url_wrapped),
      KGR_TEST(test_footnotes_mid_document),
      KGR_TEST(test_marker_negatives),
      KGR_TEST(test_bracket_markers_and_links),
      KGR_TEST(test_block_sentences),
      KGR_TEST(test_map_random_ranges),
      KGR_TEST(test_empty_and_blank),
      KGR_TEST(test_scale),
      KGR_TEST(test_all_documents),
      KGR_TEST(test_seed_report),
      KGR_TEST(test_seed_appeal),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
