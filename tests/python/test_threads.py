"""parse_many() and the released GIL."""

import threading
import time

import pytest

import kgrights
from conftest import APPEAL, REPORT


def _inputs(tmp_path):
    items = []
    for i in range(12):
        text = (APPEAL if i % 2 else REPORT).replace("2022", str(2000 + i))
        if i % 3 == 0:
            path = tmp_path / f"doc{i:02}.txt"
            path.write_text(text, encoding="utf-8")
            items.append(path if i % 2 else str(path))
        else:
            items.append(text.encode("utf-8") if i % 2 else text)
    return items


def test_parse_many_matches_sequential_parsing(tmp_path):
    items = _inputs(tmp_path)
    parallel = kgrights.parse_many(items, workers=2)
    sequential = kgrights.parse_many(items, workers=1)
    assert len(parallel) == len(items)
    assert [d.to_dict() for d in parallel] == [d.to_dict() for d in sequential]
    for item, doc in zip(items, parallel):
        if isinstance(item, (str,)) and "\n" not in item:
            assert doc.name == item.rsplit("/", 1)[-1]
        elif not isinstance(item, (str, bytes)):
            assert doc.name == item.name
        else:
            assert doc.name is None
            expected = item if isinstance(item, bytes) else item.encode("utf-8")
            assert doc.input == expected


def test_parse_many_accepts_generators_and_options():
    docs = kgrights.parse_many((t for t in [APPEAL, REPORT]), workers=2, strict=True)
    assert [len(d.signatories) for d in docs] == [3, 0]
    assert kgrights.parse_many([], workers=4) == []


def test_parse_many_errors(tmp_path):
    items = [APPEAL, b"bad \xff byte", tmp_path / "missing.txt"]
    with pytest.raises(kgrights.ParseError):
        kgrights.parse_many(items, workers=2, strict=True)
    results = kgrights.parse_many(items, workers=2, strict=True, return_exceptions=True)
    assert isinstance(results[0], kgrights.Document)
    assert isinstance(results[1], kgrights.ParseError)
    assert results[1].code == kgrights.Status.EUTF8
    assert isinstance(results[2], FileNotFoundError)
    with pytest.raises(ValueError):
        kgrights.parse_many(items, workers=0)
    with pytest.raises(TypeError):
        kgrights.parse_many(items, name="x")


def test_parse_many_batch_of_buffers_equals_parse():
    # The whole batch runs on native threads; every kind of bytes-like
    # input is read in place and each result is the document's own.
    texts = [(APPEAL if i % 2 else REPORT).replace("2022", str(1990 + i % 30))
             for i in range(200)]
    items = []
    for i, t in enumerate(texts):
        b = t.encode("utf-8")
        items.append(b if i % 3 == 0 else bytearray(b) if i % 3 == 1 else memoryview(b))
    docs = kgrights.parse_many(items, workers=2)
    del items
    assert [d.input for d in docs] == [t.encode("utf-8") for t in texts]
    for t, d in zip(texts[:20], docs[:20]):
        assert d.to_dict() == kgrights.parse(t).to_dict()
    with pytest.raises(TypeError):
        kgrights.parse_many([APPEAL, 42], workers=2)
    with pytest.raises(UnicodeEncodeError):
        kgrights.parse_many(["lone \udc80 surrogate"], workers=2)


def test_the_gil_is_released_while_parsing():
    # A long parse in one thread must leave the main thread free to run.
    # With the GIL held through the C call, the loop below could not
    # advance until the parse returned.
    paragraph = REPORT.split("\n\n")[2] + "\n\n"
    text = (paragraph * (2_000_000 // len(paragraph))).encode("utf-8")
    started = time.perf_counter()
    kgrights.parse(text[:200_000])
    estimate = (time.perf_counter() - started) * 10
    if estimate < 0.05:
        pytest.skip("parsing is too fast on this machine to observe")
    done = threading.Event()
    ticks = 0

    def work():
        kgrights.parse(text)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    time.sleep(0.01)  # let the worker enter the C parser
    while not done.is_set():
        ticks += 1
        time.sleep(0)
    worker.join()
    assert ticks > 100, f"the main thread ran only {ticks} times during a parse"
