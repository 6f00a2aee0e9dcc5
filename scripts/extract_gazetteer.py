#!/usr/bin/env python3
"""Regenerate the committed country and place tables in libkgrights/data/.

Usage (normally through scripts/extract-gazetteer, which makes the GeoNames
dump with extract_gazetteer.c):

    extract_gazetteer.py --geonames DUMP.tsv DATA_DIR

Reads
  DUMP.tsv                    geonameid, name, alpha2, admin1, lat, lon, population
  /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json   (iso-codes)
  /usr/share/locale/ru/LC_MESSAGES/{iso_3166-1,iso_3166-2,geonames}.mo
  DATA_DIR/country_info.tsv   (hand-written: capitals)
Writes DATA_DIR/{countries,country_names,regions,cities}.tsv.

Standard library only. Output is sorted so that a rerun over the same
packages gives byte-identical files.
"""
import argparse
import collections
import gettext
import json
import os
import re
import sys
import unicodedata

ISO_JSON = '/usr/share/iso-codes/json'
LOCALE = '/usr/share/locale'


def die(msg):
    sys.exit('extract_gazetteer.py: ' + msg)


def ru_catalogue(domain):
    """Russian translations of `domain`, as a function msgid -> str or None."""
    path = os.path.join(LOCALE, 'ru', 'LC_MESSAGES', domain + '.mo')
    with open(path, 'rb') as f:
        t = gettext.GNUTranslations(f)

    def tr(msgid):
        s = t.gettext(msgid)
        if not s or s == msgid or s.isascii():
            return None
        # iso-codes marks stress with combining accents (Респу́блика);
        # running text does not.
        s = unicodedata.normalize('NFC', s)
        return re.sub('[\u0300\u0301]', '', s)
    return tr


def write_tsv(path, header, rows):
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(header)
        for r in rows:
            if any('\t' in c or '\n' in c for c in r):
                die('field with a tab or newline: %r' % (r,))
            f.write('\t'.join(r) + '\n')


def read_hand_tsv(path, ncols):
    rows = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cols = line.split('\t')
            rows.append(cols + [''] * (ncols - len(cols)))
    return rows


# --- cities -----------------------------------------------------------------

def load_geonames(path):
    cities = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            c = line.rstrip('\n').split('\t')
            if len(c) != 7:
                die('%s:%d: expected 7 columns' % (path, n))
            cities.append({'id': c[0], 'name': c[1], 'cc': c[2], 'admin1': c[3],
                           'lat': c[4], 'lon': c[5], 'pop': int(c[6])})
    if len(cities) < 1000:
        die('%s: only %d cities' % (path, len(cities)))
    return cities


def city_rows(cities):
    ru = ru_catalogue('geonames')
    rows = []
    for c in cities:
        alt = ru(c['id'])
        rows.append([c['name'], c['cc'], c['admin1'], c['lat'], c['lon'],
                     str(c['pop']), alt or '', c['id']])
    rows.sort(key=lambda r: (r[1], r[0], -int(r[5]), int(r[7])))
    return rows


# --- countries --------------------------------------------------------------

def country_rows(iso1, info, cities):
    by_name = {}
    for c in cities:  # most populous city of each (country, name)
        k = (c['cc'], c['name'])
        if k not in by_name or c['pop'] > by_name[k]['pop']:
            by_name[k] = c
    rows = []
    for c in iso1:
        a2 = c['alpha_2']
        cap = info.get(a2, '')
        city = by_name.get((a2, cap)) if cap else None
        rows.append([a2, c['alpha_3'], c.get('common_name', c['name']),
                     city['lat'] if city else '', city['lon'] if city else '',
                     cap if city else ''])
    rows.sort()
    return rows


KIND_RANK = {'name': 0, 'common': 0, 'official': 1, 'derived': 2, 'ru': 3}


def country_name_rows(iso1):
    """(phrase, alpha2, kind) from iso-codes. A phrase two countries derive
    at the same rank is dropped (e.g. "Virgin Islands" from both
    "Virgin Islands, British" and "Virgin Islands, U.S.")."""
    ru = ru_catalogue('iso_3166-1')
    cands = []  # (rank, phrase, alpha2, kind)

    def add(phrase, a2, kind):
        phrase = re.sub(r'\s+', ' ', phrase).strip()
        if phrase:
            out_kind = 'name' if kind in ('common', 'derived') else kind
            cands.append((KIND_RANK[kind], phrase, a2, out_kind))

    for c in iso1:
        a2 = c['alpha_2']
        names = [(c['name'], 'name')]
        if 'common_name' in c:
            names.append((c['common_name'], 'common'))
        if 'official_name' in c:
            names.append((c['official_name'], 'official'))
        for n, kind in names:
            add(n, a2, kind)
            r = ru(n)
            if r:  # gen_tables.py adds the е-for-ё spelling
                add(r, a2, 'ru')
            # "Holy See (Vatican City State)" -> "Holy See"
            bare = re.sub(r'\s*\([^)]*\)', '', n)
            if bare != n:
                add(bare, a2, 'derived')
            # "Korea, Republic of" -> "Korea", "Republic of Korea";
            # "Virgin Islands, British" -> "British Virgin Islands"
            if ', ' in bare:
                head, tail = bare.split(', ', 1)
                add(head, a2, 'derived')
                tail = re.sub(r'^(?:the|The) ', '', tail)
                if re.search(r'\bof(?: the)?$', tail) or ' ' not in tail:
                    add(tail + ' ' + head, a2, 'derived')

    best = {}
    for rank, phrase, a2, kind in sorted(cands):
        key = phrase.casefold()
        if key not in best:
            best[key] = (rank, phrase, a2, kind)
        elif best[key][0] == rank and best[key][2] != a2:
            best[key] = (rank, None, None, None)  # ambiguous: drop
    rows = sorted({(p, a2, k) for _, p, a2, k in best.values() if p},
                  key=lambda r: (r[1], r[2], r[0]))
    return [list(r) for r in rows]


# --- regions ----------------------------------------------------------------

TYPE_WORDS = ("oblast'", 'oblast’', 'oblast', 'oblysy', 'shaary', 'voblasć',
              'voblasts', "voblasc'", 'voblasc’', 'kraj', 'kray', 'krai',
              'region', 'province', 'okrug', 'city', 'republic', 'respublika',
              'rayon', 'raion', 'governorate', 'district')
ADJ_SUFFIX = re.compile(r"(?:s'k|sk|ck|tsk|zk|k)(?:aya|aja|a|iy|ij|yy|yj)$")


def strip_type(name):
    """"Adygeja, Respublika" -> "Adygeja"; "Chuyskaya oblast'" ->
    "Chuyskaya"; "Gorod Osh" -> "Osh"; "Issyk-Kul Region" -> "Issyk-Kul"."""
    s = name.split(', ')[0]
    s = re.sub(r'^(?:Gorod|City of) ', '', s)
    words = s.split(' ')
    if len(words) > 1 and words[-1].lower() in TYPE_WORDS:
        s = ' '.join(words[:-1])
    return s


def norm(s):
    """A loose transliteration-insensitive key for pairing an ISO 3166-2
    name with a GeoNames admin1 name of the same country."""
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub("['’ʼ‘`]", '', s)
    for a, b in (('dzh', 'j'), ('dj', 'j'), ('zh', 'j'), ('kh', 'h'),
                 ('ya', 'a'), ('ja', 'a'), ('yu', 'u'), ('ju', 'u'),
                 ('iy', 'i'), ('ij', 'i'), ('yy', 'y'), ('q', 'k'),
                 ('-', ' ')):
        s = s.replace(a, b)
    return s


def region_rows(iso2, cities):
    ru = ru_catalogue('iso_3166-2')
    admin1 = collections.defaultdict(set)
    for c in cities:
        if c['admin1']:
            admin1[c['cc']].add(c['admin1'])
    used = set()
    rows = []
    for s in iso2:
        code, name, typ = s['code'], s['name'], s['type']
        cc = code.split('-')[0]
        bare = strip_type(name)
        stem = ADJ_SUFFIX.sub('', bare) if bare != name else bare
        keys = {norm(bare), norm(stem)}
        is_city = typ.endswith('city') or typ.endswith('City') or name != bare and \
            name.startswith(('Gorod ', 'City of '))
        match, best = None, None
        for gn in sorted(admin1[cc]):
            g = norm(strip_type(gn))
            if g in keys:
                score = 2
            elif any(len(k) >= 4 and len(g) >= 4 and
                     (g.startswith(k) or k.startswith(g)) and
                     abs(len(g) - len(k)) <= 2 for k in keys):
                score = 1
            else:
                continue
            # "Kyivska oblast" is "Kyiv Oblast", not "Kyiv City".
            if gn.endswith(' City') == is_city:
                score += 2
            if best is None or score > best:
                match, best = gn, score
        if match:
            used.add((cc, match))
            display = strip_type(match)
        elif bare != name and ADJ_SUFFIX.search(bare):
            display = name  # "Chernivetska oblast", not "Chernivetska"
        else:
            display = bare
        # "Chuyskaya" alone is not how anyone names the region.
        aliases = [name, bare if stem == bare else None] + \
            ([match] if match else []) + [ru(name)]
        seen = {display}
        alist = []
        for a in aliases:
            if a and a not in seen:
                seen.add(a)
                alist.append(a)
        rows.append([code, cc, display, typ, '|'.join(alist)])
    # GeoNames first-level divisions that no ISO 3166-2 entry claimed: keep
    # them as regions without a code so that "Jalal-Abad Region" still
    # resolves where the ISO name differs too much to pair.
    for cc in sorted(admin1):
        for gn in sorted(admin1[cc]):
            if (cc, gn) not in used:
                d = strip_type(gn)
                rows.append(['', cc, d, '', gn if gn != d else ''])
    rows.sort(key=lambda r: (r[1], r[0] == '', r[0], r[2]))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--geonames', required=True, help='dump from extract_gazetteer.c')
    ap.add_argument('data_dir')
    args = ap.parse_args()

    with open(os.path.join(ISO_JSON, 'iso_3166-1.json'), encoding='utf-8') as f:
        iso1 = json.load(f)['3166-1']
    with open(os.path.join(ISO_JSON, 'iso_3166-2.json'), encoding='utf-8') as f:
        iso2 = json.load(f)['3166-2']
    info = {r[0]: r[1] for r in read_hand_tsv(
        os.path.join(args.data_dir, 'country_info.tsv'), 4)}
    cities = load_geonames(args.geonames)
    d = args.data_dir
    src = ('# Generated by scripts/extract-gazetteer: do not edit. See README.md.\n')

    write_tsv(os.path.join(d, 'countries.tsv'), src +
              '# alpha2\talpha3\tname\tcapital lat\tcapital lon\tcapital\n',
              country_rows(iso1, info, cities))
    write_tsv(os.path.join(d, 'country_names.tsv'), src +
              '# phrase\talpha2\tkind (name, official, ru)\n',
              country_name_rows(iso1))
    write_tsv(os.path.join(d, 'regions.tsv'), src +
              '# code\tcountry\tname\ttype\taliases (|-separated)\n',
              region_rows(iso2, cities))
    write_tsv(os.path.join(d, 'cities.tsv'), src +
              '# Data: GeoNames (geonames.org), CC BY 4.0; Russian names from the\n'
              '# geonames.mo catalogue of Debian libgeonames-common.\n'
              '# name\tcountry\tadmin1\tlat\tlon\tpopulation\tru name\tgeonameid\n',
              city_rows(cities))


if __name__ == '__main__':
    main()
