"""to_dataframe(): pandas tables across documents."""

import sys

import pytest

import kgrights
from conftest import FOOTNOTE_URL, SIGNATORIES


def test_signatories_table(appeal, report):
    pandas = pytest.importorskip("pandas")
    df = kgrights.to_dataframe([appeal, report], "signatories")
    assert isinstance(df, pandas.DataFrame)
    assert list(df.columns[:2]) == ["source", "document"]
    assert {"position", "name", "acronym", "countries", "countries_source",
            "span_start", "span_end"} <= set(df.columns)
    assert len(df) == 3
    assert list(df["source"]) == ["appeal.txt"] * 3
    assert list(df["name"]) == [s[1] for s in SIGNATORIES]
    assert list(df["countries"]) == [s[3] for s in SIGNATORIES]
    first = appeal.signatories[0]
    assert (df.loc[0, "span_start"], df.loc[0, "span_end"]) == first.span
    by_country = df.explode("countries")["countries"].value_counts()
    assert by_country.to_dict() == {"BE": 1, "NO": 1, "UA": 1, "GE": 1}


def test_footnotes_table_and_dict_input(report):
    pytest.importorskip("pandas")
    df = kgrights.to_dataframe(report.to_dict(), "footnotes")
    assert len(df) == 1
    row = df.iloc[0]
    assert row["source"] == "report.txt"
    assert row["number"] == 1
    assert row["urls"] == [FOOTNOTE_URL]


def test_every_kind_gives_a_table(appeal, report):
    pytest.importorskip("pandas")
    for kind in ("events", "signatories", "figures", "persons", "places", "demands",
                 "footnotes", "organizations", "links", "sections", "diagnostics"):
        df = kgrights.to_dataframe([appeal, report], kind)
        total = len(getattr(appeal, kind)) + len(getattr(report, kind))
        assert len(df) == total, kind
        assert "span_start" in df.columns and "source" in df.columns


def test_events_flatten_nested_records(data_dir):
    pandas = pytest.importorskip("pandas")
    docs = [kgrights.parse_file(p) for p in sorted(data_dir.glob("*.txt"))]
    df = kgrights.to_dataframe(docs, "events")
    events = [e for d in docs for e in d.events]
    assert len(df) == len(events)
    for (_, row), event in zip(df.iterrows(), events):
        assert row["type"] == event.type
        assert row["places"] == [p.name for p in event.places]
        assert row["means"] == event.means
        expected = event.date.start if event.date else None
        got = row["date_start"]
        assert got == expected or (expected is None and pandas.isna(got))


def test_bad_arguments(appeal):
    pytest.importorskip("pandas")
    with pytest.raises(ValueError, match="unknown record kind"):
        kgrights.to_dataframe([appeal], "rights")
    with pytest.raises(TypeError):
        kgrights.to_dataframe([42], "events")


def test_clear_error_without_pandas(appeal, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match="needs pandas"):
        kgrights.to_dataframe([appeal], "signatories")
