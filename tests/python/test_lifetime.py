"""Records keep their document alive; close() invalidates them safely."""

import gc
import os
import pickle
import shutil
import subprocess
import sys
import weakref

import pytest

import kgrights
from conftest import APPEAL, REPORT


def test_record_outlives_the_document_variable():
    doc = kgrights.parse(APPEAL)
    sig = doc.signatories[0]
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is not None  # the record holds the document
    assert sig.name == "International Partnership for Human Rights"
    assert sig.countries == ["BE"]
    assert sig.document is ref()
    del sig
    gc.collect()
    assert ref() is None  # ... and lets it go with the last record


def test_sequence_and_nested_records_keep_the_document():
    doc = kgrights.parse(REPORT)
    seq = doc.footnotes
    places = list(doc.places)
    events = list(doc.events)
    del doc
    gc.collect()
    assert seq[0].urls == ["https://example.org/2022/05/almaty-rally-dispersed/"]
    assert all(isinstance(p.name, str) for p in places)
    for event in events:
        event.text, event.places, event.figures, event.date


def test_swig_level_children_hold_their_parent():
    raw = kgrights._kgrights.kgr_parse_opts(APPEAL, None)
    sig = kgrights._kgrights.kgr_doc_signatory(raw, 0)
    assert sig._parent is raw
    del raw
    gc.collect()
    assert sig.name == "International Partnership for Human Rights"
    assert kgrights._kgrights.kgr_doc_signatory(sig._parent, 99) is None


def test_close_invalidates_document_and_records():
    doc = kgrights.parse(APPEAL)
    sig = doc.signatories[0]
    seq = doc.signatories
    doc.close()
    doc.close()  # idempotent
    assert doc.closed
    for action in (lambda: sig.name, lambda: len(seq), lambda: doc.title,
                   lambda: doc.to_json(), lambda: doc.signatories[0]):
        with pytest.raises(ValueError, match="closed"):
            action()
    assert repr(doc) == "<kgrights.Document (closed)>"


def test_with_block_closes():
    with kgrights.parse(APPEAL) as doc:
        assert len(doc.signatories) == 3
    assert doc.closed


def test_document_pickles_by_reparsing():
    doc = kgrights.parse(APPEAL.encode("utf-8"), name="appeal.txt")
    copy = pickle.loads(pickle.dumps(doc))
    assert copy is not doc
    assert copy.to_dict() == doc.to_dict()
    with pytest.raises(TypeError, match="to_dict"):
        pickle.dumps(doc.signatories[0])


def test_pickled_file_keeps_its_name(tmp_path):
    path = tmp_path / "named.txt"
    path.write_text(APPEAL)
    copy = pickle.loads(pickle.dumps(kgrights.parse_file(path)))
    assert copy.name == "named.txt"


_VALGRIND_SCRIPT = r"""
import gc, kgrights, pathlib
text = open(__import__("sys").argv[1], "rb").read()
for i in range(50):
    doc = kgrights.parse(text, name="a.txt")
    sig = doc.signatories[0]
    nested = [(e.places, e.figures, e.date) for e in doc.events]
    doc.to_dict()
    del doc
    gc.collect()
    assert sig.name == "International Partnership for Human Rights", sig.name
with kgrights.parse(text) as doc:
    kept = doc.signatories[1]
try:
    kept.name
except ValueError:
    pass
try:
    kgrights.parse(b"\xff", strict=True)
except kgrights.ParseError:
    pass
# Tables, maps and corroboration: strings freed, results freed with their
# last view, error paths included.
report = open(__import__("sys").argv[2], "rb").read()
for i in range(20):
    docs = [kgrights.parse(text, name="a.txt"), kgrights.parse(report, name="r1.txt"),
            kgrights.parse(report, name="r2.txt")]
    for fmt in ("csv", "acled", "hxl", "geojson", "signatories"):
        docs[i % 3].to_format(fmt, header=bool(i % 2), crlf=True)
    kgrights.write_geojson(docs, compact=bool(i % 2))
    for bad in ("xml", "json"):
        try:
            docs[1].to_format(bad)
        except ValueError:
            pass
    for call in (lambda: kgrights._kgrights.kgr_py_docs_to_geojson([docs[0]._handle()], 1 << 20),
                 lambda: kgrights._kgrights.kgr_corroborate([docs[0]._handle()], 1 << 9),
                 lambda: kgrights._kgrights.kgr_py_docs_to_geojson([docs[0]._handle(), 1], 0)):
        try:
            call()
        except (ValueError, TypeError):
            pass
    c = kgrights.corroborate(docs, single=bool(i % 2))
    claims = [cl for g in c.groups for f in g.figures for cl in f.claims]
    members = [m for g in c.groups for m in g.members]
    c.to_json(ascii=True)
    c.to_dict()
    del docs, c
    gc.collect()
    assert members and all(m.document_name in ("a.txt", "r1.txt", "r2.txt") for m in members)
    [(cl.text, cl.figure.value, m.event.type) for cl in claims for m in members[:1]]
# parse_many: native threads, documents and errors, buffers released.
for i in range(5):
    got = kgrights.parse_many([text, bytearray(report), b"\xff",
                               pathlib.Path("/nonexistent/x.txt")],
                              workers=2, strict=True, return_exceptions=True)
    assert got[0].signatories[0].name == "International Partnership for Human Rights"
    assert isinstance(got[2], kgrights.ParseError) and isinstance(got[3], OSError)
    del got
    gc.collect()
print("done")
"""


@pytest.mark.skipif(not os.environ.get("KGR_VALGRIND"),
                    reason="set KGR_VALGRIND=1 to run under valgrind (ctest py_valgrind)")
def test_lifetime_under_valgrind(tmp_path):
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        pytest.skip("valgrind is not installed")
    doc_path = tmp_path / "appeal.txt"
    doc_path.write_text(APPEAL)
    report_path = tmp_path / "report.txt"
    report_path.write_text(REPORT)
    script = tmp_path / "loop.py"
    script.write_text(_VALGRIND_SCRIPT)
    supp = os.path.join(os.path.dirname(__file__), "valgrind.supp")
    env = dict(os.environ, PYTHONMALLOC="malloc")
    proc = subprocess.run(
        [valgrind, "--error-exitcode=99", "--leak-check=full",
         "--show-leak-kinds=definite", "--errors-for-leak-kinds=definite",
         f"--suppressions={supp}", sys.executable, str(script), str(doc_path),
         str(report_path)],
        env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-6000:]
    assert "done" in proc.stdout
    assert "ERROR SUMMARY: 0 errors" in proc.stderr
