"""examples/dask_corpus.py on a local two-worker Dask cluster."""

import csv
import json
import os
import subprocess
import sys

import pytest

from conftest import APPEAL, FOOTNOTE_URL, REPORT, SIGNATORIES


def test_dask_corpus(tmp_path, source_dir):
    pytest.importorskip("distributed", reason="dask.distributed is not installed")
    pytest.importorskip("pandas", reason="pandas is not installed")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a-appeal.txt").write_text(APPEAL, encoding="utf-8")
    (corpus / "b-report.txt").write_text(REPORT, encoding="utf-8")
    (corpus / "c-bad.txt").write_bytes(b"Title\n\nA line with a bad \xff byte.\n")
    (corpus / "ignored.md").write_text("not matched by *.txt")
    out = tmp_path / "records.jsonl"
    table = tmp_path / "signatories.csv"
    script = source_dir / "examples" / "dask_corpus.py"
    proc = subprocess.run(
        [sys.executable, str(script), str(corpus), "--out", str(out), "--csv", str(table),
         "--table", "signatories", "--workers", "2", "--batch", "1"],
        capture_output=True, text=True, timeout=240, env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr[-4000:]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [r["source"]["name"] for r in records] == ["a-appeal.txt", "b-report.txt", "c-bad.txt"]
    assert [s["name"] for s in records[0]["signatories"]] == [s[1] for s in SIGNATORIES]
    assert records[1]["footnotes"][0]["urls"] == [FOOTNOTE_URL]
    assert "invalid-utf8" in [d["code"] for d in records[2]["diagnostics"]]
    with open(table, newline="", encoding="utf-8") as fp:
        rows = list(csv.DictReader(fp))
    assert [(r["source"], r["name"], r["countries"]) for r in rows] == \
        [("a-appeal.txt", s[1], "; ".join(s[3])) for s in SIGNATORIES]
