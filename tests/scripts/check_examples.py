#!/usr/bin/env python3
"""Check the example programs' output against facts (tests/examples_cli.cmake).

  check_examples.py signatories --cli BIN --expect N [--fact NAME=CC,CC:SOURCE]... FILE
  check_examples.py network --cli BIN FILE
  check_examples.py geojson --cli KGR_PARSE --near LAT,LON --place NAME FILE...
  check_examples.py acled --cli KGR_PARSE --date YYYY-MM-DD --sub TEXT [--iso N] FILE...
  check_examples.py csv --cli KGR_PARSE FILE...
  check_examples.py hxl --cli KGR_PARSE FILE...
  check_examples.py db --cli KGR_DB --search TEXT FILE...
  check_examples.py corroborate --cli BIN --kind KIND --values A,B FILE...

Each prints what it ran and what it found, and exits 0 (the facts hold),
1 (a fact does not hold) or 77 (skipped: an input file is absent - the seed
documents are not part of the repository). Standard library only.
"""
import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

CSV_COLUMNS = ['document', 'event_index', 'type', 'acled_event_type', 'acled_sub_event_type',
               'date_start', 'date_end', 'date_precision', 'year_source', 'date_text',
               'places', 'country', 'admin1', 'latitude', 'longitude', 'actors', 'victims',
               'means', 'killed', 'injured', 'hospitalized', 'detained', 'missing',
               'participants', 'figures', 'sources', 'source_urls', 'text', 'span_start',
               'span_end']
ACLED_COLUMNS = ['event_id_cnty', 'event_date', 'year', 'time_precision', 'event_type',
                 'sub_event_type', 'actor1', 'inter1', 'actor2', 'inter2', 'interaction',
                 'country', 'iso', 'admin1', 'location', 'latitude', 'longitude',
                 'geo_precision', 'source', 'notes', 'fatalities', 'source_document',
                 'span_start', 'span_end']
SIGNATORY_COLUMNS = ['document', 'position', 'name', 'acronym', 'countries',
                     'countries_source', 'span_start', 'span_end']


class Failed(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failed(msg)


def run(cmd, stdin=None, want=0):
    print('$ ' + ' '.join(cmd))
    p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=300)
    out = p.stdout.decode('utf-8', 'replace')
    err = p.stderr.decode('utf-8', 'replace')
    if err:
        print('--- stderr\n' + err[:2000])
    check(p.returncode == want, 'exit status %d, want %d' % (p.returncode, want))
    return out


def rows(text):
    """CSV as a list of dicts; every row must have the header's cell count."""
    reader = csv.reader(io.StringIO(text, newline=''))
    table = list(reader)
    check(table, 'no output')
    for i, r in enumerate(table[1:], 2):
        check(len(r) == len(table[0]), 'row %d has %d cells, the header %d'
              % (i, len(r), len(table[0])))
    return table[0], [dict(zip(table[0], r)) for r in table[1:]]


def need(files):
    for f in files:
        if not os.path.exists(f):
            print('# %s is absent: test skipped' % f)
            sys.exit(SKIP)


def cmd_signatories(a):
    head, rs = rows(run([a.cli] + a.files))
    check(head == SIGNATORY_COLUMNS, 'header %r' % head)
    name = os.path.basename(a.files[0])
    mine = [r for r in rs if r['document'] == name]
    print('%d signatories of %s' % (len(mine), name))
    check(len(mine) == a.expect, '%d signatories, want %d' % (len(mine), a.expect))
    for r in mine:
        check(r['name'].strip(), 'a signatory without a name')
        check(int(r['span_start']) < int(r['span_end']), 'empty span for %r' % r['name'])
    for fact in a.fact:
        who, _, rest = fact.partition('=')
        countries, _, source = rest.partition(':')
        countries = countries.replace(',', ';')  # "," on the command line: CMake splits ";"
        hit = [r for r in mine if r['name'] == who]
        check(hit, 'no signatory %r' % who)
        check(hit[0]['countries'] == countries, '%r: countries %r, want %r'
              % (who, hit[0]['countries'], countries))
        check(hit[0]['countries_source'] == source, '%r: countries_source %r, want %r'
              % (who, hit[0]['countries_source'], source))
    positions = [r['position'] for r in mine if r['position']]
    if positions:
        check(positions == [str(i) for i in range(1, len(positions) + 1)],
              'positions are not 1..n: %r' % positions)


def fold(name):
    """A signatory's name as kgr-signatories --network matches it."""
    words = name.lower().split()
    if len(words) > 1 and words[0] == 'the':
        words = words[1:]
    return ' '.join(words)


def cmd_network(a):
    """The same appeal given twice: every pair of its signatories signed
    together twice."""
    _, sigs = rows(run([a.cli] + a.files[:1]))
    names = {fold(r['name']) for r in sigs}
    head, rs = rows(run([a.cli, '--network'] + a.files[:1] + a.files[:1]))
    check(head == ['source', 'target', 'weight'], 'header %r' % head)
    n = len(names)
    print('%d signatories, %d edges' % (n, len(rs)))
    check(len(rs) == n * (n - 1) // 2, '%d edges, want %d' % (len(rs), n * (n - 1) // 2))
    check(all(r['weight'] == '2' for r in rs), 'a weight is not 2')
    check(all(r['source'] < r['target'] for r in rs), 'an edge is not in name order')


def cmd_geojson(a):
    out = run([a.cli, '--format', 'geojson'] + a.files)
    doc = json.loads(out)
    check(doc.get('type') == 'FeatureCollection', 'not a FeatureCollection')
    check(isinstance(doc.get('kgr:skipped'), int), 'no kgr:skipped count')
    feats = doc['features']
    lat, lon = (float(x) for x in a.near.split(','))
    found = 0
    for f in feats:
        check(f['type'] == 'Feature' and f['geometry']['type'] == 'Point', 'not a Point Feature')
        x, y = f['geometry']['coordinates']
        check(-180 <= x <= 180 and -90 <= y <= 90, 'coordinates out of range: %r' % [x, y])
        if f['properties']['place'] == a.place:
            check(abs(y - lat) < 0.05 and abs(x - lon) < 0.05,
                  '%s at %r, want about [%s, %s]' % (a.place, [x, y], lon, lat))
            found += 1
    print('%d features, %d at %s, %d events skipped' % (len(feats), found, a.place,
                                                        doc['kgr:skipped']))
    check(found, 'no feature at %s' % a.place)


def cmd_acled(a):
    head, rs = rows(run([a.cli, '--format', 'acled'] + a.files))
    check(head == ACLED_COLUMNS, 'header %r' % head)
    for r in rs:
        check(r['fatalities'].isdigit(), 'fatalities %r is not a count' % r['fatalities'])
        check(r['time_precision'] in ('', '1', '2', '3'), 'time_precision %r'
              % r['time_precision'])
        check(r['geo_precision'] in ('', '1', '2', '3'), 'geo_precision %r' % r['geo_precision'])
        check(r['event_type'], 'a row without an event_type')
    hit = [r for r in rs if r['event_date'] == a.date and r['sub_event_type'] == a.sub]
    print('%d rows, %d on %s with sub_event_type %r' % (len(rs), len(hit), a.date, a.sub))
    check(hit, 'no ACLED row on %s with sub_event_type %r' % (a.date, a.sub))
    r = hit[0]
    check(r['event_type'] == 'Protests', 'event_type %r' % r['event_type'])
    check(r['time_precision'] == '1', 'time_precision %r' % r['time_precision'])
    if a.iso:
        check(r['iso'] == a.iso, 'iso %r, want %s' % (r['iso'], a.iso))
    ids = [r['event_id_cnty'] for r in rs]
    check(len(ids) == len(set(ids)), 'event_id_cnty is not unique')


def cmd_csv(a):
    head, rs = rows(run([a.cli, '--format', 'csv'] + a.files))
    check(head == CSV_COLUMNS, 'header %r' % head)
    check(rs, 'no events')
    for r in rs:
        check(int(r['span_start']) <= int(r['span_end']), 'bad span')
    # --no-header and several files: one table, no repeated header.
    _, both = rows(run([a.cli, '--format', 'csv'] + a.files + a.files))
    check(len(both) == 2 * len(rs), 'two copies: %d rows, want %d' % (len(both), 2 * len(rs)))
    out = run([a.cli, '--format', 'csv', '--no-header'] + a.files)
    check(not out.startswith('document,'), '--no-header wrote the header')
    print('%d events' % len(rs))


def cmd_hxl(a):
    out = run([a.cli, '--format', 'hxl'] + a.files)
    table = list(csv.reader(io.StringIO(out, newline='')))
    check(len(table) >= 2, 'no hashtag row')
    tags = table[1]
    for t in ['#date+occurred', '#event+type', '#adm1+name', '#loc+name', '#geo+lat',
              '#geo+lon', '#affected+killed', '#affected+injured', '#org',
              '#meta+source+url']:
        check(t in tags, 'no %s column' % t)
    check(all(t.startswith('#') for t in tags), 'a column without a hashtag')
    print('%d data rows' % (len(table) - 2))


def count_rows(db, cli):
    out = run([cli, 'query', db,
               'SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), '
               '(SELECT count(*) FROM figures), (SELECT count(*) FROM signatories), '
               '(SELECT count(*) FROM places), (SELECT count(*) FROM footnotes), '
               '(SELECT count(*) FROM persons), (SELECT count(*) FROM event_places), '
               '(SELECT count(*) FROM sentences_fts)'])
    _, rs = rows(out)
    return list(rs[0].values())


def cmd_db(a):
    tmp = tempfile.mkdtemp(prefix='kgr-db-test-')
    try:
        db = os.path.join(tmp, 'corpus.sqlite')
        run([a.cli, 'ingest', db] + a.files)
        first = count_rows(db, a.cli)
        print('counts after one ingest: %r' % first)
        check(int(first[0]) == len(set(a.files)), '%s documents, want %d'
              % (first[0], len(set(a.files))))
        check(int(first[1]) > 0, 'no events stored')
        # Idempotent: the same files again, and one through standard input.
        run([a.cli, 'ingest', db] + a.files)
        with open(a.files[0], 'rb') as f:
            run([a.cli, 'ingest', db, '-'], stdin=f.read())
        again = count_rows(db, a.cli)
        check(again == first, 'counts changed on re-ingest: %r -> %r' % (first, again))
        # --replace re-parses: same counts again.
        run([a.cli, 'ingest', '--replace', db] + a.files)
        check(count_rows(db, a.cli) == first, 'counts changed after --replace')
        _, rs = rows(run([a.cli, 'query', db, 'SELECT version FROM schema_version ORDER BY 1']))
        check([r['version'] for r in rs] == [str(i) for i in range(1, len(rs) + 1)],
              'schema_version is not 1..n')
        out = run([a.cli, 'query', db, 'PRAGMA user_version'])
        check(out.splitlines()[1] == str(len(rs)), 'user_version %r' % out)
        # Foreign keys hold.
        out = run([a.cli, 'query', db, 'PRAGMA foreign_key_check'])
        check(len(out.strip().splitlines()) <= 1, 'foreign key violations: %r' % out)
        # Spans point into the stored content.
        _, rs = rows(run([a.cli, 'query', db,
                          'SELECT e.span_start, e.span_end, d.bytes FROM events e '
                          'JOIN documents d ON d.id = e.document_id']))
        for r in rs:
            check(0 <= int(r['span_start']) < int(r['span_end']) <= int(r['bytes']),
                  'event span out of its document: %r' % r)
        # Search: text output and CSV.
        out = run([a.cli, 'search', db, a.search])
        print(out[:1000])
        check(a.search.lower() in out.lower().replace('[', '').replace(']', ''),
              'search found no %r' % a.search)
        head, rs = rows(run([a.cli, 'search', '--csv', db, a.search]))
        check(head == ['document', 'kind', 'span_start', 'span_end', 'snippet'],
              'search header %r' % head)
        check(rs and all(r['kind'] in ('paragraph', 'event') for r in rs), 'bad kinds')
        # A bad query is invalid input (1); the file is read-only to query.
        run([a.cli, 'query', db, 'SELEC nothing'], want=1)
        run([a.cli, 'query', db, "DELETE FROM documents"], want=1)
        check(count_rows(db, a.cli) == first, 'query modified the database')
        run([a.cli, 'search', '--fts', db, 'AND AND'], want=1)
        run([a.cli, 'query', os.path.join(tmp, 'missing.sqlite'), 'SELECT 1'], want=3)
        run([a.cli, 'frobnicate', db], want=2)
        run([a.cli, 'ingest', db], want=2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def cmd_corroborate(a):
    out = run([a.cli, '--format', 'json'] + a.files)
    res = json.loads(out)
    check(res.get('schema') == 'kgrights.corroboration/1', 'schema %r' % res.get('schema'))
    want = sorted(int(v) for v in a.values.split(','))
    names = {os.path.basename(f) for f in a.files}
    found = None
    for g in res['groups']:
        check(g['documents'] >= 2, 'a group backed by one document without --single')
        for f in g['figures']:
            vals = sorted(c['value'] for c in f['claims'])
            docs = {c['document'] for c in f['claims']}
            if f['kind'] == a.kind and vals == want and docs == names:
                found = f
    check(found, 'no %s figure with values %r backed by %s' % (a.kind, want, sorted(names)))
    print('%s: %s, claims %r' % (a.kind, found['agreement'],
                                 [(c['document'], c['text']) for c in found['claims']]))
    check(found['agreement'] == 'agree', 'agreement %r, want agree' % found['agreement'])
    check(found['documents'] == len(names), 'documents %r' % found['documents'])
    table = run([a.cli] + a.files)
    check(a.kind in table and 'agree' in table, 'the table does not show the figure')


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('command', choices=['signatories', 'network', 'geojson', 'acled', 'csv',
                                       'hxl', 'db', 'corroborate'])
    p.add_argument('--cli', required=True)
    p.add_argument('--expect', type=int)
    p.add_argument('--fact', action='append', default=[])
    p.add_argument('--near')
    p.add_argument('--place')
    p.add_argument('--date')
    p.add_argument('--sub')
    p.add_argument('--iso')
    p.add_argument('--search')
    p.add_argument('--kind')
    p.add_argument('--values')
    p.add_argument('files', nargs='+')
    a = p.parse_args(argv)
    need(a.files)
    try:
        globals()['cmd_' + a.command](a)
    except Failed as e:
        print('FAIL: %s' % e)
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
