"""The public API documents itself."""

import inspect
import pydoc

import kgrights


def test_every_public_name_has_a_docstring():
    for name in kgrights.__all__:
        obj = getattr(kgrights, name)
        if name.startswith("__") or name == "version_info":
            continue
        assert inspect.getdoc(obj), name
        if inspect.isclass(obj):
            for attr, value in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if isinstance(value, property) or inspect.isfunction(value):
                    assert inspect.getdoc(value), f"{name}.{attr}"


def test_help_for_parse_reads_well():
    text = pydoc.render_doc(kgrights.parse, renderer=pydoc.plaintext)
    assert "parse(text, *, name=None, reference_date=None, strict=False, max_bytes=None)" in text
    for word in ("Parameters", "Returns", "Raises", "ParseError", "GIL"):
        assert word in text


def test_version():
    assert kgrights.__version__.count(".") == 2
    assert kgrights.version_info == tuple(int(x) for x in kgrights.__version__.split("."))
    assert kgrights._kgrights.KGR_VERSION_STRING == kgrights.__version__


def test_low_level_module_has_docstrings():
    assert "kgrights" in kgrights._kgrights.__doc__
    assert inspect.getdoc(kgrights._kgrights.kgr_parse)
