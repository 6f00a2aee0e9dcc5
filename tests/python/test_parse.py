"""kgrights.parse / parse_file: inputs, options and errors."""

import datetime
import os

import pytest

import kgrights
from conftest import APPEAL, REPORT, SIGNATORIES


def _signatories(doc):
    return [(s.position, s.name, s.acronym, s.countries, s.countries_source)
            for s in doc.signatories]


def test_str_and_bytes_give_the_same_record():
    as_str = kgrights.parse(APPEAL, name="a")
    as_bytes = kgrights.parse(APPEAL.encode("utf-8"), name="a")
    as_bytearray = kgrights.parse(bytearray(APPEAL.encode("utf-8")), name="a")
    as_view = kgrights.parse(memoryview(APPEAL.encode("utf-8")), name="a")
    assert as_str.to_dict() == as_bytes.to_dict() == as_bytearray.to_dict() == as_view.to_dict()
    assert _signatories(as_str) == SIGNATORIES


def test_str_is_encoded_as_utf8_and_spans_index_bytes():
    text = "Signed by:\n\n1. Правозащитный центр «Мемориал» (Russia)\n"
    doc = kgrights.parse(text)
    assert doc.input == text.encode("utf-8")
    assert doc.size == len(text.encode("utf-8"))
    for sig in doc.signatories:
        start, end = sig.span
        assert doc.input[start:end].decode("utf-8") == doc.excerpt(sig.span)
        assert doc.excerpt(sig) == doc.excerpt(sig.span)


def test_other_input_types_are_refused():
    with pytest.raises(TypeError, match="str or bytes-like"):
        kgrights.parse(12)
    with pytest.raises(TypeError):
        kgrights.parse(None)


def test_header_fields(appeal):
    assert appeal.name == "appeal.txt"
    assert appeal.title == "TAJIKISTAN: NGOS CALL FOR THE RELEASE OF DETAINED LAWYERS"
    assert appeal.title_span == (0, len(appeal.title))
    assert appeal.date == "2023-03-14"
    assert appeal.date_source == "stated"
    assert appeal.country == "TJ"
    assert appeal.kind in ("appeal", "unknown", "incident_report")
    assert len(appeal.sha256) == 64 and int(appeal.sha256, 16) >= 0
    import hashlib
    assert appeal.sha256 == hashlib.sha256(APPEAL.encode("utf-8")).hexdigest()


def test_name_defaults_to_none():
    assert kgrights.parse(REPORT).name is None


def test_empty_input_gives_an_empty_record():
    for empty in ("", b""):
        doc = kgrights.parse(empty)
        d = doc.to_dict()
        assert d["schema"] == "kgrights.document/1"
        assert d["source"]["bytes"] == 0
        assert doc.title is None and doc.date is None and doc.country is None
        assert doc.issuer is None
        assert doc.kind == "unknown"
        assert len(doc.signatories) == 0 and list(doc.events) == []
        assert list(doc.diagnostics) == []
        assert doc.title_span is None


def test_invalid_utf8_gives_diagnostics_not_exceptions():
    data = b"Signed by:\n\n1. Good Org (Belgium)\n2. Bad \xff\xfe Org\n"
    doc = kgrights.parse(data)
    codes = [d.code for d in doc.diagnostics]
    assert "invalid-utf8" in codes
    diag = doc.diagnostics[codes.index("invalid-utf8")]
    assert diag.severity == "warning"
    bad = data.index(b"\xff")
    assert diag.span[0] <= bad < diag.span[1]
    # Strings handed to Python are always valid str.
    for sig in doc.signatories:
        assert isinstance(sig.name, str)


def test_strict_raises_parse_error_with_position():
    data = "Title\nsecond line é\n".encode("utf-8") + b"x\xffy\n"
    with pytest.raises(kgrights.ParseError) as info:
        kgrights.parse(data, strict=True)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.offset == data.index(b"\xff")
    assert err.line == 3
    assert err.column == 2
    assert err.code == kgrights.Status.EUTF8
    assert "UTF-8" in err.message
    assert err.args == (err.message, err.offset, err.line, err.column, err.code)
    assert str(err) == f"{err.message} (line 3, column 2)"
    # Valid UTF-8 passes strict mode.
    assert kgrights.parse(APPEAL, strict=True).title is not None


def test_parse_error_pickles():
    import pickle
    try:
        kgrights.parse(b"\xff", strict=True)
    except kgrights.ParseError as err:
        copy = pickle.loads(pickle.dumps(err))
        assert type(copy) is kgrights.ParseError
        assert (copy.message, copy.offset, copy.line, copy.column, copy.code) == \
            (err.message, err.offset, err.line, err.column, err.code)
    # Built by hand, missing fields read as None.
    assert kgrights.ParseError("plain").offset is None
    assert str(kgrights.ParseError("plain")) == "plain"


def test_max_bytes():
    with pytest.raises(kgrights.ParseError) as info:
        kgrights.parse(APPEAL, max_bytes=100)
    assert info.value.code == kgrights.Status.ELIMIT
    assert kgrights.parse(APPEAL, max_bytes=len(APPEAL.encode("utf-8"))).title
    with pytest.raises(ValueError):
        kgrights.parse(APPEAL, max_bytes=0)
    with pytest.raises(TypeError):
        kgrights.parse(APPEAL, max_bytes="10")


def test_reference_date():
    text = "On 5 October police dispersed a protest in Bishkek.\n"
    for ref in ("2020-11-01", datetime.date(2020, 11, 1),
                datetime.datetime(2020, 11, 1, 12, 0)):
        doc = kgrights.parse(text, reference_date=ref)
        assert doc.to_dict()["source"]["bytes"] == len(text)
    with pytest.raises(kgrights.ParseError) as info:
        kgrights.parse(text, reference_date="2020-02-30")
    assert info.value.code == kgrights.Status.EINVAL
    with pytest.raises(TypeError):
        kgrights.parse(text, reference_date=20201101)


def test_options_are_keyword_only():
    with pytest.raises(TypeError):
        kgrights.parse(APPEAL, "name")
    with pytest.raises(TypeError):
        kgrights.parse(APPEAL, name=b"bytes")


def test_parse_file(tmp_path):
    path = tmp_path / "appeal-file.txt"
    path.write_bytes(APPEAL.encode("utf-8"))
    for p in (path, str(path), os.fsencode(path)):
        doc = kgrights.parse_file(p)
        assert doc.name == "appeal-file.txt"
        assert _signatories(doc) == SIGNATORIES
    assert kgrights.parse_file(path, name="other").name == "other"


def test_parse_file_os_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        kgrights.parse_file(tmp_path / "missing.txt")
    with pytest.raises(IsADirectoryError):
        kgrights.parse_file(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text(APPEAL)
    with pytest.raises(kgrights.ParseError) as info:
        kgrights.parse_file(big, max_bytes=10)
    assert info.value.code == kgrights.Status.ELIMIT


def test_documents_cannot_be_built_directly():
    with pytest.raises(TypeError):
        kgrights.Document()
