"""Tables and maps: Document.to_format() and its conveniences, and
kgrights.write_geojson(), against hand-written reports and the CLI."""

import csv
import io
import json
import os
import subprocess

import pytest

import kgrights
from conftest import APPEAL, REPORT

# The CLI brings its own sanitizer runtime in a sanitizer build; the one
# preloaded for the interpreter (tests/python.cmake) must not reach it.
_CLI_ENV = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}

CSV_COLUMNS = [
    "document", "event_index", "type", "acled_event_type", "acled_sub_event_type",
    "date_start", "date_end", "date_precision", "year_source", "date_text", "places",
    "country", "admin1", "latitude", "longitude", "actors", "victims", "means", "killed",
    "injured", "hospitalized", "detained", "missing", "participants", "figures", "sources",
    "source_urls", "text", "span_start", "span_end",
]
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type",
    "sub_event_type", "actor1", "inter1", "actor2", "inter2", "interaction", "country",
    "iso", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
    "notes", "fatalities", "source_document", "span_start", "span_end",
]
HXL_TAGS = [
    "#meta+id", "#date+occurred", "#date+end", "#event+type", "#event+type+acled",
    "#country+code", "#country+name", "#adm1+name", "#loc+name", "#geo+lat", "#geo+lon",
    "#affected+killed", "#affected+injured", "#affected+hospitalized",
    "#affected+detained", "#affected+missing", "#org", "#meta+source+url",
    "#description", "#meta+source+document", "#meta+span",
]
SIGNATORY_COLUMNS = [
    "document", "position", "name", "acronym", "countries", "countries_source",
    "span_start", "span_end",
]

# Police break up a traders' protest with tear gas: ACLED codes this as
# Protests / Excessive force against protesters. The second sentence is an
# arrest (Strategic developments), a hard negative for that category.
DISPERSAL = """\
Kyrgyzstan: Police Use Tear Gas on Market Traders in Osh

Incident report by the Ferghana Valley Rights Watch

On 12 March 2021 police in Osh dispersed about 200 market traders who were \
protesting against new taxes, using tear gas and batons. Fifteen people were \
injured and 9 were detained.
"""


def _rows(text):
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.fixture
def dispersal():
    return kgrights.parse(DISPERSAL, name="osh.txt")


def test_csv_header_and_rows(report):
    rows = _rows(report.to_csv())
    assert rows[0] == CSV_COLUMNS
    body = [dict(zip(CSV_COLUMNS, r)) for r in rows[1:]]
    assert len(body) == len(report.events) > 0
    for i, (row, event) in enumerate(zip(body, report.events)):
        assert len(rows[i + 1]) == len(CSV_COLUMNS)
        assert row["document"] == "report.txt"
        assert row["event_index"] == str(i)
        assert row["type"] == event.type
        assert (int(row["span_start"]), int(row["span_end"])) == event.span
    # Without the header: the same rows.
    assert _rows(report.to_csv(header=False)) == rows[1:]
    assert report.to_format("csv") == report.to_csv()


def test_crlf_rows(report):
    text = report.to_csv(crlf=True)
    assert text.endswith("\r\n")
    assert text.count("\r\n") == text.count("\n") == len(_rows(text))
    assert "\r" not in report.to_csv()


def test_acled_row_for_police_dispersing_protesters(dispersal):
    rows = _rows(dispersal.to_acled())
    assert rows[0] == ACLED_COLUMNS
    rows = [dict(zip(ACLED_COLUMNS, r)) for r in rows[1:]]
    force = [r for r in rows if r["sub_event_type"] == "Excessive force against protesters"]
    assert len(force) == 1
    row = force[0]
    assert row["event_type"] == "Protests"
    assert row["event_date"] == "2021-03-12"
    assert row["year"] == "2021"
    assert row["time_precision"] == "1"
    assert row["country"] == "Kyrgyzstan"
    assert row["iso"] == "417"
    assert row["location"] == "Osh"
    assert row["geo_precision"] == "1"
    assert abs(float(row["latitude"]) - 40.53) < 0.05
    assert abs(float(row["longitude"]) - 72.80) < 0.05
    assert {row["actor1"], row["actor2"]} == {"Protesters (Kyrgyzstan)", "police"}
    assert row["interaction"] == "16"
    assert row["fatalities"] == "0"
    assert row["source"] == "Ferghana Valley Rights Watch"
    assert row["source_document"] == "osh.txt"
    assert row["event_id_cnty"].startswith("KGZ-" + dispersal.sha256[:8] + "-")
    event = dispersal.events[0]
    assert (int(row["span_start"]), int(row["span_end"])) == event.span
    assert "tear gas" in dispersal.excerpt(event)
    # The arrest is not a protest row.
    assert all(r["event_type"] != "Protests" for r in rows if r is not row)
    assert dispersal.to_format("acled") == dispersal.to_acled()


def test_hxl_hashtag_row(dispersal):
    rows = _rows(dispersal.to_hxl())
    assert rows[1] == HXL_TAGS
    assert len(rows[0]) == len(HXL_TAGS)
    assert _rows(dispersal.to_hxl(header=False)) == rows[2:]
    assert rows[2][HXL_TAGS.index("#country+code")] == "KGZ"


def test_signatories_csv(appeal):
    rows = _rows(appeal.to_format("signatories"))
    assert rows[0] == SIGNATORY_COLUMNS
    got = [(r[1], r[2], r[3], r[4], r[5]) for r in rows[1:]]
    assert got == [
        ("1", "International Partnership for Human Rights", "IPHR", "BE", "stated"),
        ("2", "Norwegian Helsinki Committee", "", "NO", "inferred"),
        ("3", "Steppe Legal Aid Network", "", "UA;GE", "stated"),
    ]
    for row, sig in zip(rows[1:], appeal.signatories):
        assert row[0] == "appeal.txt"
        assert (int(row[6]), int(row[7])) == sig.span


def test_geojson_has_coordinates(dispersal, report):
    for doc in (dispersal, report):
        geo = json.loads(doc.to_geojson())
        assert geo["type"] == "FeatureCollection"
        assert geo["features"], doc.name
        located = set()
        for feature in geo["features"]:
            assert feature["geometry"]["type"] == "Point"
            lon, lat = feature["geometry"]["coordinates"]
            props = feature["properties"]
            event = doc.events[props["event_index"]]
            place = next(p for p in event.places if p.name == props["place"])
            assert (lon, lat) == (place.lon, place.lat)
            assert props["span"] == list(event.span)
            located.add(props["event_index"])
        # Every event is a feature or counted as skipped.
        assert len(located) + geo["kgr:skipped"] == len(doc.events)
        compact = doc.to_geojson(compact=True)
        assert "\n" not in compact and json.loads(compact) == geo
        assert doc.to_format("geojson") == doc.to_geojson()
    osh = json.loads(dispersal.to_geojson())["features"][0]
    assert osh["properties"]["place"] == "Osh"
    assert osh["properties"]["acled_sub_event_type"] == "Excessive force against protesters"


def test_write_geojson_puts_documents_on_one_map(dispersal, report, tmp_path):
    text = kgrights.write_geojson([dispersal, report])
    geo = json.loads(text)
    names = {f["properties"]["document"] for f in geo["features"]}
    assert names == {"osh.txt", "report.txt"}
    single = [json.loads(d.to_geojson()) for d in (dispersal, report)]
    assert geo["features"] == single[0]["features"] + single[1]["features"]
    assert geo["kgr:skipped"] == single[0]["kgr:skipped"] + single[1]["kgr:skipped"]
    assert json.loads(kgrights.write_geojson(iter([dispersal]))) == single[0]
    assert json.loads(kgrights.write_geojson([])) == {
        "type": "FeatureCollection", "features": [], "kgr:skipped": 0}
    # To a path and to a file object: the text and a line break.
    path = tmp_path / "map.geojson"
    compact = kgrights.write_geojson([dispersal, report], path, compact=True)
    assert path.read_text(encoding="utf-8") == compact + "\n"
    assert "\n" not in compact
    buf = io.StringIO()
    assert kgrights.write_geojson((dispersal,), buf) == dispersal.to_geojson()
    assert buf.getvalue() == dispersal.to_geojson() + "\n"


def test_bad_arguments(report):
    for name in ("xml", "json", "CSV", "", "csv\0"):
        with pytest.raises(ValueError):
            report.to_format(name)
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        report.to_format("xml")
    with pytest.raises(TypeError):
        report.to_format(None)
    with pytest.raises(TypeError):
        report.to_format(b"csv")
    with pytest.raises(TypeError, match="kgrights.Document"):
        kgrights.write_geojson([report, "report.txt"])
    with pytest.raises(TypeError):
        kgrights.write_geojson(report)  # one document, not a list
    # The low-level wrapper checks the flags too.
    with pytest.raises(ValueError, match="flag"):
        kgrights._kgrights.kgr_doc_to_format(report._handle(), "csv", 1 << 20)
    with pytest.raises(ValueError, match="flag"):
        kgrights._kgrights.kgr_py_docs_to_geojson([report._handle()], 1 << 20)
    report.close()
    with pytest.raises(ValueError, match="closed"):
        report.to_acled()
    with pytest.raises(ValueError, match="closed"):
        kgrights.write_geojson([report])


# --- The same text as the CLI -------------------------------------------------

def _cli(kgr_parse, fmt, paths, *extra):
    proc = subprocess.run([str(kgr_parse), "--format", fmt, *extra, *map(str, paths)],
                          capture_output=True, timeout=120, env=_CLI_ENV)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    return proc.stdout.decode("utf-8")


def _check_against_cli(kgr_parse, paths, formats):
    assert paths
    docs = [kgrights.parse_file(p) for p in paths]
    for fmt in formats:
        for path, doc in zip(paths, docs):
            assert doc.to_format(fmt) == _cli(kgr_parse, fmt, [path]), (fmt, path.name)
        # One table over all documents: the header once.
        table = "".join(d.to_format(fmt, header=(i == 0)) for i, d in enumerate(docs))
        assert table == _cli(kgr_parse, fmt, paths), fmt
    assert docs[0].to_csv(header=False, crlf=True) == \
        _cli(kgr_parse, "csv", paths[:1], "--no-header", "--crlf")
    # GeoJSON: one map over all documents, then a line break.
    assert kgrights.write_geojson(docs) + "\n" == _cli(kgr_parse, "geojson", paths)
    assert kgrights.write_geojson(docs, compact=True) + "\n" == \
        _cli(kgr_parse, "geojson", paths, "--compact")


def test_seeds_match_the_cli(kgr_parse, seeds_dir):
    _check_against_cli(kgr_parse, sorted(seeds_dir.glob("*.txt")), ("acled", "csv", "hxl"))


def test_samples_match_the_cli(kgr_parse, data_dir):
    _check_against_cli(kgr_parse, sorted(data_dir.glob("*.txt")), ("acled", "csv", "hxl"))


def test_written_reports_match_the_cli(kgr_parse, tmp_path):
    paths = []
    for name, text in (("osh.txt", DISPERSAL), ("report.txt", REPORT),
                       ("appeal.txt", APPEAL)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    _check_against_cli(kgr_parse, paths, ("acled", "csv", "hxl"))
