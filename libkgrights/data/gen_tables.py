#!/usr/bin/env python3
"""Compile the TSV data of libkgrights/data/ into C tables.

Usage: gen_tables.py DATA_DIR OUT_DIR

Writes OUT_DIR/kgr_lexicons.h (one `extern const kgr_lexicon kgr_lex_<name>;`
per DATA_DIR/lex_<name>.tsv) and OUT_DIR/kgr_tables.c (the lexicons, the
country table and the gazetteer, with their sorted key indexes; layout in
libkgrights/tables_internal.h). Standard library only; the output depends
only on the input files, so reruns are byte-identical. See README.md for the
file formats. Pass --check to list the phrases dropped as ambiguous.
"""
import glob
import os
import re
import sys
import unicodedata

ROW = 4096  # bytes per row of a string pool; see emit_pool()


def die(msg):
    sys.exit('gen_tables.py: error: ' + msg)


def warn(msg):
    sys.stderr.write('gen_tables.py: warning: ' + msg + '\n')


# --- Folding: must agree with kgr_lex_fold() and the text walk in lexicon.c --

SEPARATORS = frozenset([0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x2D, 0xA0, 0x202F,
                        0x205F, 0x3000] + list(range(0x2000, 0x200B)) +
                       list(range(0x2010, 0x2014)))
HYPHENS = frozenset([0x2D, 0x2010, 0x2011, 0x2012, 0x2013])
QUOTES = {0x2018: 0x27, 0x2019: 0x27, 0x201C: 0x22, 0x201D: 0x22}


def fold_cp(c):
    if 0x41 <= c <= 0x5A:
        return c + 32
    if c < 0xC0:
        return c
    if c <= 0xDE:
        return c + 32 if c != 0xD7 else c
    if 0x100 <= c <= 0x17F:
        if c <= 0x12F or 0x132 <= c <= 0x137 or 0x14A <= c <= 0x177:
            return c | 1
        if 0x139 <= c <= 0x148 or 0x179 <= c <= 0x17E:
            return c + 1 if c & 1 else c
        return 0xFF if c == 0x178 else c
    if c == 0x18F:
        return 0x259
    if 0x200 <= c <= 0x21F or 0x222 <= c <= 0x233:
        return c | 1
    if 0x400 <= c <= 0x40F:
        return c + 80
    if 0x410 <= c <= 0x42F:
        return c + 32
    if 0x460 <= c <= 0x481 or 0x48A <= c <= 0x4BF or 0x4D0 <= c <= 0x4FF:
        return c | 1
    if c == 0x4C0:
        return 0x4CF
    if 0x4C1 <= c <= 0x4CE:
        return c + 1 if c & 1 else c
    return c


def normalize(phrase):
    """(stored phrase, key) as bytes: folded, straight quotes, each run of
    separators as one space or hyphen (hyphen if the run has one) in the
    phrase and as one space in the key. None if nothing is left."""
    out, run = [], None
    for ch in phrase:
        c = ord(ch)
        if c in SEPARATORS:
            run = '-' if (run == '-' or c in HYPHENS) else ' '
            continue
        if run is not None and out:
            out.append(run)
        run = None
        out.append(chr(fold_cp(QUOTES.get(c, c))))
    s = ''.join(out)
    if not s:
        return None
    return s.encode('utf-8'), s.replace('-', ' ').encode('utf-8')


def check_phrase(phrase, where):
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in phrase):
        die('%s: control character in %r' % (where, phrase))
    n = normalize(phrase)
    if n is None:
        die('%s: empty phrase' % where)
    return n


# --- Variants of names ------------------------------------------------------

LATIN_SPECIAL = {'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'Ae', 'œ': 'oe', 'Œ': 'Oe',
                 'ß': 'ss', 'đ': 'd', 'Đ': 'D', 'ł': 'l', 'Ł': 'L', 'ı': 'i',
                 'þ': 'th', 'Þ': 'Th', 'ð': 'd', 'Ð': 'D', 'ħ': 'h', 'Ħ': 'H',
                 'ə': 'e', 'Ə': 'E'}


def ascii_variant(s):
    """"Chișinău" -> "Chisinau": diacritics dropped from Latin letters only
    (Cyrillic й keeps its breve). Decompositions of assigned characters
    never change (Unicode stability policy), so this is deterministic."""
    out = []
    for ch in unicodedata.normalize('NFD', s):
        if unicodedata.combining(ch) and out and ord(out[-1][-1]) < 0x250:
            continue
        out.append(LATIN_SPECIAL.get(ch, ch))
    return unicodedata.normalize('NFC', ''.join(out))


def name_variants(s, apostrophes=False):
    """The name, its ASCII form, the Cyrillic е-for-ё form and, for places,
    forms without apostrophes ("Kazan’" -> "Kazan", "Odes’ka" -> "Odeska")."""
    vs = [s, ascii_variant(s)]
    if 'ё' in s or 'Ё' in s:
        vs.append(s.replace('ё', 'е').replace('Ё', 'Е'))
    if apostrophes:
        vs += [re.sub("['’ʼ‘]", '', v) for v in vs]
    seen, out = set(), []
    for v in vs:
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


CYR = re.compile('^[\u0400-\u04FF-]+$')


def ru_cases(w):
    """Oblique cases of a one-word Russian country name, for the regular
    patterns only: -ия (Россия), -я (Гвинея), -а (Украина), hard consonant
    (Кыргызстан), -й (Китай). Others (plurals, indeclinables) give []."""
    if not CYR.match(w) or len(w) < 4:
        return []
    s = w[:-1]
    if w.endswith('ия'):
        return [s + 'и', s + 'ю', s + 'ей']
    if w.endswith('я'):
        return [s + 'и', s + 'е', s + 'ю', s + 'ей']
    if w.endswith('а'):
        return [s + ('и' if s[-1] in 'гкхжшчщ' else 'ы'), s + 'е', s + 'у', s + 'ой']
    if w.endswith('й'):
        return [s + 'я', s + 'ю', s + 'ем', s + 'е']
    if w[-1] in 'бвгдзклмнпрстфх':
        return [w + 'а', w + 'у', w + 'ом', w + 'е']
    return []


RU_ADJ_ENDINGS = ('ий', 'ая', 'ое', 'ие', 'ого', 'ой', 'ому', 'им', 'их', 'ую',
                  'ом', 'ими')


# --- Reading ----------------------------------------------------------------

def read_tsv(path, mincols, maxcols):
    """[(line number, [columns])], comments and blank lines skipped."""
    rows = []
    try:
        f = open(path, encoding='utf-8', newline='')
    except OSError as e:
        die(str(e))
    with f:
        try:
            lines = f.read().split('\n')
        except UnicodeDecodeError as e:
            die('%s: not UTF-8: %s' % (path, e))
    for n, line in enumerate(lines, 1):
        line = line.rstrip('\r')
        if not line.strip() or line.startswith('#'):
            continue
        cols = line.split('\t')
        if not mincols <= len(cols) <= maxcols:
            die('%s:%d: expected %d to %d columns, got %d'
                % (path, n, mincols, maxcols, len(cols)))
        rows.append((n, cols + [''] * (maxcols - len(cols))))
    return rows


# --- C output ---------------------------------------------------------------

def c_tokens(b):
    """C string literal pieces for bytes b, one per byte: octal escapes
    (always three digits, so a following digit cannot join them) for
    non-printable and non-ASCII bytes, and for '?' so no trigraph forms."""
    out = []
    for x in b:
        if x in (0x22, 0x5C):
            out.append('\\' + chr(x))
        elif 0x20 <= x < 0x7F and x != 0x3F:
            out.append(chr(x))
        else:
            out.append('\\%03o' % x)
    return out


def c_str(b):
    return '"' + ''.join(c_tokens(b)) + '"'


def c_str_wrapped(b, width=76):
    """c_str(b) as adjacent literals of at most `width` characters a line;
    they concatenate into one literal (Pool keeps that one short enough)."""
    lines, cur = [], ''
    for t in c_tokens(b):
        if len(cur) + len(t) > width:
            lines.append(cur)
            cur = ''
        cur += t
    lines.append(cur)
    return '\n   '.join('"%s"' % l for l in lines)


class Pool:
    """NUL-terminated strings packed into rows of at most ROW bytes, none
    crossing a row, so each row is one string literal below the 4095
    characters that ISO C compilers must accept (-pedantic). Identical
    strings are stored once."""

    def __init__(self, name):
        self.name, self.rows, self.at = name, [bytearray()], {}

    def add(self, b):
        if b in self.at:
            return self.at[b]
        if len(b) + 1 > ROW:
            die('string too long: %r' % b[:40])
        if len(self.rows[-1]) + len(b) + 1 > ROW:
            self.rows.append(bytearray())
        row = self.rows[-1]
        off = (len(self.rows) - 1) * ROW + len(row)
        row += b + b'\0'
        self.at[b] = off
        return off

    def ref(self, off):
        """An address constant for the string at off (within one row)."""
        return '&%s[%d][%d]' % (self.name, off // ROW, off % ROW)

    def base(self):
        return '(const char *)&%s' % self.name

    def emit(self, out):
        width = ROW if len(self.rows) > 1 else max(1, len(self.rows[0]))
        out.append('static const char %s[%d][%d] = {' % (self.name, len(self.rows), width))
        for row in self.rows:
            # Every string ends in a NUL; the row's last one is the
            # literal's own terminator, leaving at most 4095 characters.
            body = bytes(row[:-1])
            out.append('  %s,' % c_str_wrapped(body))
        out.append('};')


def uint_list(vals, per_line=12, suffix='u'):
    out = []
    for i in range(0, len(vals), per_line):
        out.append('  ' + ', '.join('%d%s' % (v, suffix) for v in vals[i:i + per_line]) + ',')
    return out or ['  0']


TRIE_LEAF = 1 << 31  # KGR_TRIE_LEAF in tables_internal.h
NO_KEY = 0xFFFFFFFF


def trie(keys):
    """The trie of the sorted keys, down to where one key is left: a node
    stands for a prefix that two or more keys share, and an edge that leaves
    one key is a leaf (TRIE_LEAF | key; matching compares the rest of that
    key's bytes). Node 0 is the root. Returns (root targets by first byte,
    per node (key spelled by the node or NO_KEY, [(byte, target)]))."""
    nodes = []

    def children(lo, hi, depth):
        """[(byte, target)] of the run keys[lo:hi], whose keys are all
        longer than depth."""
        edges, i = [], lo
        while i < hi:
            b, j = keys[i][depth], i + 1
            while j < hi and keys[j][depth] == b:
                j += 1
            edges.append((b, TRIE_LEAF | i if j - i == 1 else None, i, j))
            i = j
        return edges

    def build(lo, hi, depth):
        # Iterative: a long shared prefix must not hit Python's recursion limit.
        root = len(nodes)
        todo = [(root, lo, hi, depth)]
        nodes.append(None)
        while todo:
            nid, lo, hi, depth = todo.pop()
            key = NO_KEY
            if depth and len(keys[lo]) == depth:
                key, lo = lo, lo + 1
            edges = []
            for b, target, i, j in children(lo, hi, depth):
                if target is None:
                    target = len(nodes)
                    nodes.append(None)
                    todo.append((target, i, j, depth + 1))
                edges.append((b, target))
            nodes[nid] = (key, edges)
        return root

    build(0, len(keys), 0)
    root = [0] * 256
    for b, target in nodes[0][1]:
        root[b] = target
    nodes[0] = (NO_KEY, [])  # the root's edges are the table
    return root, nodes


def keyset(out, cname, keys, static=False):
    """Emit the key pool, offsets, trie and kgr_keyset `cname` for the
    sorted list of key bytes `keys`."""
    pool = Pool(cname + '_pool')
    offs = [pool.add(k) for k in keys]
    first = [0] * 257
    for b in range(256):
        first[b] = next_index(keys, b)
    first[256] = len(keys)
    pool.emit(out)
    out.append('static const uint32_t %s_off[] = {' % cname)
    out += uint_list(offs)
    out.append('};')
    root, nodes = trie(keys)
    starts, ebytes, etargets, nkeys = [], [], [], []
    for key, edges in nodes:
        starts.append(len(ebytes))
        nkeys.append(key)
        for b, target in edges:
            ebytes.append(b)
            etargets.append(target)
    starts.append(len(ebytes))
    out.append('static const uint32_t %s_root[256] = {' % cname)
    out += uint_list(root, 16)
    out.append('};')
    out.append('static const uint32_t %s_edge_start[] = {' % cname)
    out += uint_list(starts)
    out.append('};')
    out.append('static const uint8_t %s_edge_byte[] = {' % cname)
    out += uint_list(ebytes, 16, '')
    out.append('};')
    out.append('static const uint32_t %s_edge_to[] = {' % cname)
    out += uint_list(etargets)
    out.append('};')
    out.append('static const uint32_t %s_node_key[] = {' % cname)
    out += uint_list(nkeys)
    out.append('};')
    out.append('static const uint8_t %s_pairs[128 * 16] = {' % cname)
    out += uint_list(pairs(keys), 16, '')
    out.append('};')
    out.append('static const uint8_t %s_triples[%d] = {' % (cname, TRIPLE_BITS // 8))
    out += uint_list(triples(keys), 16, '')
    out.append('};')
    slots, word_max = first_words(keys, root, nodes)
    bits, shift = word_bits(slots)
    out.append('static const uint8_t %s_word_bits[%d] = {' % (cname, len(bits)))
    out += uint_list(bits, 16, '')
    out.append('};')
    out.append('static const kgr_word_slot %s_words[%d] = {' % (cname, len(slots)))
    for i in range(0, len(slots), 4):
        out.append('  ' + ' '.join('{%du, %du, %du},' % s for s in slots[i:i + 4]))
    out.append('};')
    out.append('%sconst kgr_keyset %s = {' % ('static ' if static else '', cname))
    out.append('  %s, %s_off, %du,' % (pool.base(), cname, len(keys)))
    out.append('  {')
    out += ['  ' + l for l in uint_list(first, 16)]
    out.append('  },')
    out.append('  %s_root, %s_edge_start, %s_edge_byte, %s_edge_to, %s_node_key,'
               % ((cname,) * 5))
    out.append('  %s_pairs, %s_triples,' % (cname, cname))
    out.append('  %s_words, %du, %du,' % (cname, len(slots) - 1, word_max))
    out.append('  %s_word_bits, %du,' % (cname, shift))
    out.append('};')
    return shift


WORD_HASH_MUL = 0x9E3779B97F4A7C15  # first_word() in lexicon.c


def word_hash(w):
    """The hash of a first word, as first_word() in lexicon.c computes it:
    its bytes eight at a time (little-endian), up to and with the eight
    that hold its end, padded with zeros (so a word of 8 bytes has an empty
    second eight), each mixed in by a 64-bit multiplication; the top half."""
    h = 0
    for k in range(0, len(w) + 1, 8):
        chunk = int.from_bytes(w[k:k + 8].ljust(8, b'\0'), 'little')
        h = ((h ^ chunk) * WORD_HASH_MUL) & 0xFFFFFFFFFFFFFFFF
    return h >> 32


def word_len(k):
    """The length of key k's first word: the run of ASCII letters and digits
    it starts with (maybe empty)."""
    n = 0
    while n < len(k) and k[n] < 0x80 and chr(k[n]).isalnum():
        n += 1
    return n


def first_words(keys, root, nodes):
    """The first-word table of kgr_keyset (see tables_internal.h): every
    non-empty first word of a key, with the trie state after it, in an open
    addressing table (word_hash(), linear probing, at most half full) of
    (hash, state, a key that starts with the word); and the longest first
    word. Slots are filled in key order, so the output is deterministic."""
    words = {}
    for i, k in enumerate(keys):
        n = word_len(k)
        if n and k[:n] not in words:
            words[k[:n]] = i
    size = 16
    while size < 2 * len(words):
        size *= 2
    slots = [(0, 0, 0)] * size
    for w, i in sorted(words.items(), key=lambda x: x[1]):
        to = root[w[0]]
        for b in w[1:]:
            if to & TRIE_LEAF:
                break
            to = dict(nodes[to][1])[b]
        h = word_hash(w)
        s = h & (size - 1)
        while slots[s][1]:
            s = (s + 1) & (size - 1)
        slots[s] = (h, to, i)
    return slots, max((len(w) for w in words), default=0)


def pairs(keys):
    """The bitmap kgr_keyset.pairs: bit b1 of row b0 (16 bytes a row) is set
    when some key starts with ASCII bytes b0 b1; a row is all ones when b0
    alone is a key. A key whose second byte is not ASCII needs no bit: the
    text's second byte is then not ASCII either, which the filter lets by."""
    bits = bytearray(128 * 16)
    for k in keys:
        if k[0] >= 0x80:
            continue
        if len(k) == 1:
            bits[k[0] * 16:(k[0] + 1) * 16] = b'\xff' * 16
        elif k[1] < 0x80:
            bits[k[0] * 16 + k[1] // 8] |= 1 << (k[1] % 8)
    return list(bits)


TRIPLE_BITS = 1 << 15  # kgr_keyset.triples; triple_bit() in lexicon.c


def triple_bit(b0, b1, b2):
    """Multiplicative hash of three ASCII bytes to a bit of the triples."""
    return (((b0 << 14 | b1 << 7 | b2) * 2654435761) & 0xFFFFFFFF) >> 17


def is_alnum(b):
    return b < 0x80 and chr(b).isalnum()


def triples(keys):
    """The bitmap kgr_keyset.triples, for keys whose first two bytes are
    ASCII letters or digits: the bit of (b0, b1, b2) is set when a key
    starts with them. A key of two bytes sets the bits for every ASCII
    byte b2 that is no letter or digit (a word end), 0 among them for the
    text's end; a key whose third byte is not ASCII needs no bit (the text's
    third byte is then not ASCII either, which the filter lets by)."""
    bits = bytearray(TRIPLE_BITS // 8)

    def put(b0, b1, b2):
        i = triple_bit(b0, b1, b2)
        bits[i // 8] |= 1 << (i % 8)

    for k in keys:
        if len(k) < 2 or not is_alnum(k[0]) or not is_alnum(k[1]):
            continue
        if len(k) == 2:
            for b2 in range(128):
                if not is_alnum(b2):
                    put(k[0], k[1], b2)
        elif k[2] < 0x80:
            put(k[0], k[1], k[2])
    return list(bits)


def word_bits(slots):
    """The filter kgr_keyset.word_bits over the first-word table `slots`:
    a bitmap of at least 16 bits per first word (and 1024 in all), where
    bit (hash >> shift) is set for each word's hash; and the shift."""
    used = [h for h, to, _ in slots if to]
    nbits = 1024
    while nbits < 16 * len(used):
        nbits *= 2
    shift = 32 - (nbits.bit_length() - 1)
    bits = bytearray(nbits // 8)
    for h in used:
        i = h >> shift
        bits[i // 8] |= 1 << (i % 8)
    return list(bits), shift


def next_index(keys, b):
    """Index of the first key whose first byte is >= b (keys sorted)."""
    lo, hi = 0, len(keys)
    while lo < hi:
        mid = (lo + hi) // 2
        if keys[mid][0] < b:
            lo = mid + 1
        else:
            hi = mid
    return lo


def c_float(v):
    if v is None:
        return 'NAN'
    s = repr(float(v))
    return s + 'f'


# --- Lexicons ---------------------------------------------------------------

def gen_lexicons(data_dir, out):
    names = []
    for path in sorted(glob.glob(os.path.join(data_dir, 'lex_*.tsv'))):
        name = os.path.basename(path)[4:-4]
        if not re.match(r'^[a-z][a-z0-9_]*$', name):
            die('%s: lexicon name must be [a-z][a-z0-9_]*' % path)
        seen = {}
        ents = []
        for n, (phrase, tag, extra) in read_tsv(path, 2, 3):
            where = '%s:%d' % (os.path.basename(path), n)
            stored, key = check_phrase(phrase, where)
            if not tag:
                die('%s: empty tag' % where)
            if key in seen:
                # "vice president" and "vice-president" are one key; only a
                # clash of tags is worth telling.
                if seen[key][1:] != (tag, extra):
                    warn('%s: phrase %r is already on line %d with another tag: ignored'
                         % (where, phrase, seen[key][0]))
                continue
            seen[key] = (n, tag, extra)
            ents.append((key, stored, tag.encode('utf-8'), extra.encode('utf-8')))
        ents.sort()
        c = 'kgr_lex_' + name
        out.append('')
        out.append('/* %s */' % os.path.basename(path))
        if ents:
            out.append('static const kgr_lex_entry %s_entries[] = {' % c)
            for key, stored, tag, extra in ents:
                out.append('  {%s, %du, %s, %s},' % (c_str(stored), len(stored),
                                                     c_str(tag), c_str(extra)))
            out.append('};')
        shift = keyset(out, 's_' + c + '_keys', [e[0] for e in ents], static=True)
        out.append('const kgr_lexicon %s = {"%s", %s, %du, &s_%s_keys,'
                   % (c, name, c + '_entries' if ents else 'NULL', len(ents), c))
        out.append('  s_%s_keys_word_bits, %du};' % (c, shift))
        names.append(name)
    return names


# --- Countries ----------------------------------------------------------------

CKIND = {'name': 0, 'official': 1, 'abbrev': 2, 'ru': 3, 'adjective': 4, 'demonym': 5}


def gen_countries(data_dir, out, check):
    countries = []
    for n, c in read_tsv(os.path.join(data_dir, 'countries.tsv'), 5, 6):
        a2, a3, name, lat, lon = c[:5]
        if not re.match('^[A-Z]{2}$', a2) or not re.match('^[A-Z]{3}$', a3):
            die('countries.tsv:%d: bad codes' % n)
        countries.append((a2, a3, name, float(lat) if lat else None,
                          float(lon) if lon else None))
    countries.sort()
    if len(countries) > 255:
        die('more than 255 countries: widen kgr_country_key_country')
    index = {c[0]: i for i, c in enumerate(countries)}

    # (rank, phrase, alpha2, kind, where); a lower rank wins a clash.
    cands = []

    def add(rank, phrase, a2, kind, where):
        if a2 != '-' and a2 not in index:
            die('%s: unknown country %r' % (where, a2))
        cands.append((rank, phrase, a2, kind, where))

    for n, (phrase, a2, kind) in read_tsv(os.path.join(data_dir, 'country_aliases.tsv'), 3, 3):
        where = 'country_aliases.tsv:%d' % n
        if kind == 'ru_adj_stem':
            for e in RU_ADJ_ENDINGS:
                add(0, phrase + e, a2, 'adjective', where)
            continue
        if a2 == '-':
            add(0, phrase, '-', 'name', where)
            continue
        if kind not in CKIND:
            die('%s: unknown kind %r' % (where, kind))
        for v in name_variants(phrase):
            add(0, v, a2, kind, where)
            if kind == 'ru':
                for f in ru_cases(v):
                    add(3, f, a2, kind, where)
    for n, (phrase, a2, kind) in read_tsv(os.path.join(data_dir, 'country_names.tsv'), 3, 3):
        where = 'country_names.tsv:%d' % n
        if kind not in ('name', 'official', 'ru'):
            die('%s: unknown kind %r' % (where, kind))
        for v in name_variants(phrase):
            add(1, v, a2, kind, where)
            if kind == 'ru':
                for f in ru_cases(v):
                    add(3, f, a2, kind, where)
    for n, (a2, _cap, adjs, dems) in read_tsv(os.path.join(data_dir, 'country_info.tsv'), 4, 4):
        where = 'country_info.tsv:%d' % n
        for a in filter(None, adjs.split(',')):
            for v in name_variants(a.strip()):
                add(2, v, a2, 'adjective', where)
                if v.endswith(('an', 'i')):  # Ukrainians, Kyrgyzstanis
                    add(2, v + 's', a2, 'demonym', where)
        for d in filter(None, dems.split(',')):
            for v in name_variants(d.strip()):
                add(2, v, a2, 'demonym', where)

    best = {}
    for rank, phrase, a2, kind, where in sorted(cands, key=lambda c: c[0]):
        _, key = check_phrase(phrase, where)
        if key not in best:
            best[key] = (rank, a2, kind, where)
        elif best[key][0] == rank and best[key][1] != a2 and best[key][1] != '-':
            if check:
                warn('%s: %r is %s and %s: dropped' % (where, phrase, best[key][1], a2))
            best[key] = (rank, '-', kind, where)
    keys = sorted(k for k, v in best.items() if v[1] != '-')

    out.append('')
    out.append('/* countries.tsv */')
    out.append('const kgr_country kgr_countries[] = {')
    for a2, a3, name, lat, lon in countries:
        out.append('  {"%s", "%s", %s, %s, %s},' % (a2, a3, c_str(name.encode('utf-8')),
                                                   c_double(lat), c_double(lon)))
    out.append('};')
    out.append('const size_t kgr_country_count = %d;' % len(countries))
    out.append('')
    out.append('/* country_names.tsv, country_aliases.tsv, country_info.tsv */')
    keyset(out, 'kgr_country_keys', keys)
    out.append('const uint8_t kgr_country_key_country[] = {')
    out += uint_list([index[best[k][1]] for k in keys], 16, '')
    out.append('};')
    out.append('const uint8_t kgr_country_key_kind[] = {')
    out += uint_list([CKIND[best[k][2]] for k in keys], 16, '')
    out.append('};')
    # The gazetteer's country entries: names, not adjectives or abbreviations.
    gaz_names = {}
    for rank, phrase, a2, kind, where in cands:
        if a2 != '-' and kind in ('name', 'official', 'ru') and rank < 3:
            k = check_phrase(phrase, where)[1]
            if best.get(k, (0, '-'))[1] == a2:
                gaz_names.setdefault(a2, []).append(phrase)
    return countries, gaz_names, len(keys)


def c_double(v):
    return 'NAN' if v is None else repr(float(v))


# --- Gazetteer ----------------------------------------------------------------

CITY, REGION, COUNTRY = 0, 1, 2


def gen_gazetteer(data_dir, out, countries, country_names):
    ents = []   # [name, country, admin1, lat, lon, pop, kind]
    names = []  # per entry: phrases that find it
    cities_by = {}
    for n, c in read_tsv(os.path.join(data_dir, 'cities.tsv'), 6, 8):
        name, cc, admin1, lat, lon, pop, ru = c[:7]
        try:
            latf, lonf, popi = float(lat), float(lon), int(pop)
        except ValueError:
            die('cities.tsv:%d: bad number' % n)
        i = len(ents)
        ents.append([name, cc, admin1, latf, lonf, popi, CITY])
        names.append(name_variants(name, True) +
                     [v for r in ru.split('|') if r for v in name_variants(r, True)])
        k = (cc, name)
        if k not in cities_by or popi > ents[cities_by[k]][5]:
            cities_by[k] = i
    regions_by = {}
    for n, c in read_tsv(os.path.join(data_dir, 'regions.tsv'), 4, 5):
        code, cc, name, _type, aliases = c
        i = len(ents)
        ents.append([name, cc, '', None, None, 0, REGION])
        names.append([v for a in [name] + aliases.split('|') if a
                      for v in name_variants(a, True)])
        if code:
            regions_by[code] = i
    for a2, _a3, name, _lat, _lon in countries:
        ents.append([name, a2, '', None, None, 0, COUNTRY])
        names.append([v for p in [name] + country_names.get(a2, [])
                      for v in name_variants(p)])
    blocked = set()
    for n, (alias, target, cc) in read_tsv(os.path.join(data_dir, 'place_aliases.tsv'), 3, 3):
        where = 'place_aliases.tsv:%d' % n
        if target == '-':
            blocked.add(check_phrase(alias, where)[1])
            continue
        i = regions_by.get(target) if re.match(r'^[A-Z]{2}-[A-Z0-9]{1,3}$', target) \
            else cities_by.get((cc, target))
        if i is None or ents[i][1] != cc:
            die('%s: no place %r in %s' % (where, target, cc))
        names[i] += name_variants(alias, True)

    # Rank the entries once; a key's postings keep this order.
    order = sorted(range(len(ents)), key=lambda i: (
        ents[i][6] != COUNTRY, -ents[i][5], ents[i][6], ents[i][0], ents[i][1], i))
    rank = {e: r for r, e in enumerate(order)}
    post = {}
    for i in range(len(ents)):
        for p in names[i]:
            key = check_phrase(p, 'place %r' % ents[i][0])[1]
            if key in blocked:
                continue
            lst = post.setdefault(key, [])
            if i not in lst:
                lst.append(i)
    keys = sorted(post)
    starts, flat = [], []
    for k in keys:
        starts.append(len(flat))
        flat += sorted(post[k], key=lambda e: rank[e])
    starts.append(len(flat))

    strings = Pool('s_gaz_str')
    out.append('')
    out.append('/* cities.tsv (GeoNames, CC BY 4.0), regions.tsv (iso-codes), countries */')
    rows = []
    for name, cc, admin1, lat, lon, pop, kind in ents:
        rows.append('  {%s, %s, %s, %s, %s, %du, %d},' % (
            strings.ref(strings.add(name.encode('utf-8'))),
            strings.ref(strings.add(cc.encode('utf-8'))),
            strings.ref(strings.add(admin1.encode('utf-8'))),
            c_float(lat), c_float(lon), pop, kind))
    strings.emit(out)
    out.append('const kgr_gaz_entry kgr_gaz_entries[] = {')
    out += rows
    out.append('};')
    out.append('const size_t kgr_gaz_entry_count = %d;' % len(ents))
    keyset(out, 'kgr_gaz_keys', keys)
    out.append('const uint32_t kgr_gaz_post_start[] = {')
    out += uint_list(starts)
    out.append('};')
    out.append('const uint32_t kgr_gaz_post[] = {')
    out += uint_list(flat)
    out.append('};')
    return len(ents), len(keys), len(flat)


def main(argv):
    check = '--check' in argv
    argv = [a for a in argv if a != '--check']
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    data_dir, out_dir = argv[1], argv[2]
    os.makedirs(out_dir, exist_ok=True)
    out = ['/* Generated by libkgrights/data/gen_tables.py from libkgrights/data/:',
           ' * do not edit. Sources and licences: libkgrights/data/README.md. */',
           '#include <math.h>',
           '#include <stddef.h>',
           '#include <stdint.h>',
           '',
           '#include "tables_internal.h"']
    lexicons = gen_lexicons(data_dir, out)
    countries, country_names, nckeys = gen_countries(data_dir, out, check)
    ngaz, ngkeys, npost = gen_gazetteer(data_dir, out, countries, country_names)
    out.append('')

    hdr = ['/* Generated by libkgrights/data/gen_tables.py: do not edit. */',
           '#ifndef KGR_LEXICONS_H',
           '#define KGR_LEXICONS_H',
           '',
           '#include "lexicon.h"',
           '']
    hdr += ['extern const kgr_lexicon kgr_lex_%s;' % n for n in lexicons]
    hdr += ['', '/* X(name) for every lexicon, for code that goes over all of them. */',
            '#define KGR_LEXICON_LIST(X) \\']
    hdr += ['  X(%s) \\' % n for n in lexicons]
    hdr += ['  /* end */']
    hdr += ['', '#endif /* KGR_LEXICONS_H */', '']
    write_if_changed(os.path.join(out_dir, 'kgr_lexicons.h'), '\n'.join(hdr))
    write_if_changed(os.path.join(out_dir, 'kgr_tables.c'), '\n'.join(out))
    if check:
        sys.stderr.write('%d lexicons, %d countries (%d keys), %d places (%d keys, %d postings)\n'
                         % (len(lexicons), len(countries), nckeys, ngaz, ngkeys, npost))
    return 0


def write_if_changed(path, text):
    """Leave an identical file alone so that make does not rebuild."""
    data = text.encode('utf-8')
    try:
        with open(path, 'rb') as f:
            if f.read() == data:
                return
    except OSError:
        pass
    tmp = path + '.tmp'
    with open(tmp, 'wb') as f:
        f.write(data)
    os.replace(tmp, path)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
