"""The SWIG module kgrights._kgrights: typemaps and argument checks."""

import pytest

import kgrights
from conftest import APPEAL

C = kgrights._kgrights


def test_options_dict():
    doc = C.kgr_parse_opts(APPEAL, {"name": "x.txt", "flags": C.KGR_PARSE_STRICT,
                                    "reference_date": "2023-01-01", "max_input": 10_000})
    assert C.kgr_doc_name(doc) == "x.txt"
    assert C.kgr_doc_name(C.kgr_parse_opts(APPEAL, None)) is None
    with pytest.raises(TypeError, match="unknown option 'colour'"):
        C.kgr_parse_opts(APPEAL, {"colour": 1})
    with pytest.raises(TypeError, match="dict or None"):
        C.kgr_parse_opts(APPEAL, [("name", "x")])
    with pytest.raises(ValueError, match="NUL"):
        C.kgr_parse_opts(APPEAL, {"name": "a\0b"})
    with pytest.raises(TypeError, match="must be str"):
        C.kgr_parse_opts(APPEAL, {"reference_date": 20230101})
    with pytest.raises(OverflowError):
        C.kgr_parse_opts(APPEAL, {"flags": 1 << 40})


def test_unknown_parse_flag_is_einval():
    with pytest.raises(kgrights.ParseError) as info:
        C.kgr_parse(APPEAL, 1 << 20)
    assert info.value.code == kgrights.Status.EINVAL
    assert info.value.line == 0
    assert str(info.value) == info.value.message  # no position to report


def test_json_writer_arguments():
    doc = C.kgr_parse(APPEAL, C.KGR_PARSE_DEFAULT)
    with pytest.raises(ValueError, match="unknown KGR_JSON"):
        C.kgr_doc_to_json(doc, 1 << 10)
    with pytest.raises(ValueError, match="None"):
        C.kgr_doc_to_json(None, 0)
    with pytest.raises(ValueError, match="None"):
        C.kgr_doc_signatory_count(None)


def test_value_mappings():
    doc = C.kgr_parse(APPEAL, 0)
    assert isinstance(C.kgr_doc_input(doc), bytes)
    assert C.kgr_doc_title_span(doc) == (0, 57)
    assert C.kgr_event_type_acled(C.KGR_EVENT_FORCE_AGAINST_PROTESTERS) == \
        ("Protests", "Excessive force against protesters")
    assert C.kgr_event_type_acled(C.KGR_EVENT_OTHER)[1] is None
    assert C.kgr_event_type_name(C.KGR_EVENT_PROTEST) == "protest"
    assert C.kgr_precision_name(C.KGR_PRECISION_NONE) is None
    found, line, column = C.kgr_doc_locate(doc, 0)
    assert (bool(found), line, column) == (True, 1, 1)
    sig = C.kgr_doc_signatory(doc, 0)
    assert sig.countries == ["BE"] and sig.span[0] < sig.span[1]
    assert C.kgr_doc_signatory(doc, 3) is None


def test_records_are_not_constructible():
    with pytest.raises(AttributeError, match="No constructor"):
        C.kgr_signatory()
    with pytest.raises(AttributeError, match="No constructor"):
        C.kgr_doc()
    sig = C.kgr_doc_signatory(C.kgr_parse(APPEAL, 0), 0)
    with pytest.raises(AttributeError):
        sig.name = "x"
