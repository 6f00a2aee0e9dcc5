"""Parsing (and writing tables, maps and corroborations) many times does
not leak.

Three measures over the same loop: resident memory (coarse, any platform),
glibc's count of bytes in use by malloc (exact for C allocations, where
available) and tracemalloc (Python objects, e.g. reference leaks in the
SWIG typemaps).
"""

import ctypes
import ctypes.util
import gc
import os
import resource
import time
import tracemalloc

import kgrights
from conftest import APPEAL, REPORT

ITERATIONS = 200_000
TIME_BUDGET = 15.0          # seconds; stop early on slow machines
MIN_ITERATIONS = 10_000
MAX_RSS_GROWTH = 4 << 20    # bytes
MAX_HEAP_GROWTH = 256 << 10  # bytes in use by malloc: < 4 bytes a parse


def _rss():
    """Current resident set size in bytes (peak RSS where /proc is absent)."""
    try:
        with open("/proc/self/statm") as fp:
            return int(fp.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
        "uordblks", "fordblks", "keepcost")]


def _heap_in_use():
    """Bytes allocated with malloc and not freed (glibc), or None."""
    name = ctypes.util.find_library("c")
    try:
        fn = ctypes.CDLL(name).mallinfo2
    except (OSError, AttributeError, TypeError):
        return None
    fn.restype = _Mallinfo2
    info = fn()
    return info.uordblks + info.hblkhd


def _round(texts, i):
    doc = kgrights.parse(texts[i % 2], name="doc.txt")
    for sig in doc.signatories:
        sig.name, sig.countries, sig.span
    for note in doc.footnotes:
        note.urls
    if i % 50 == 0:
        doc.to_dict()
        for event in doc.events:
            event.places, event.figures, event.date, event.acled
        # Tables, maps and corroboration: C strings and results freed.
        doc.to_acled(), doc.to_csv(header=False), doc.to_geojson(compact=True)
        kgrights.write_geojson([doc, doc])
        c = kgrights.corroborate([doc, doc], single=True)
        [(m.text, f.claims) for g in c.groups for m in g.members for f in g.figures]
        c.to_json()
    if i % 1000 == 0:
        try:
            kgrights.parse(b"x\xff", strict=True)
        except kgrights.ParseError:
            pass
        try:
            doc.to_format("xml")
        except ValueError:
            pass


def _loop(texts, start, budget, limit):
    started = time.perf_counter()
    done = start
    while done - start < limit:
        for _ in range(1000):
            _round(texts, done)
            done += 1
        if time.perf_counter() - started > budget and done - start >= MIN_ITERATIONS:
            break
    return done - start


def test_memory_stays_flat():
    texts = [APPEAL.encode("utf-8"), REPORT.encode("utf-8")]
    _loop(texts, 0, 0, 3000)  # warm up caches and allocator pools
    gc.collect()
    rss, heap = _rss(), _heap_in_use()
    done = _loop(texts, 0, TIME_BUDGET, ITERATIONS)
    gc.collect()
    rss_growth = _rss() - rss
    print(f"{done} parses, RSS growth {rss_growth / 1024:.0f} KiB")
    assert done >= MIN_ITERATIONS
    assert rss_growth < MAX_RSS_GROWTH, f"RSS grew by {rss_growth} bytes over {done} parses"
    if heap is not None:
        heap_growth = _heap_in_use() - heap
        print(f"malloc in use grew by {heap_growth} bytes")
        assert heap_growth < MAX_HEAP_GROWTH, \
            f"malloc'd memory grew by {heap_growth} bytes over {done} parses"


def test_no_python_objects_leak():
    texts = [APPEAL.encode("utf-8"), REPORT.encode("utf-8")]
    _loop(texts, 0, 0, 2000)
    gc.collect()
    tracemalloc.start()
    try:
        _loop(texts, 0, 0, 5000)
        gc.collect()
        before, _ = tracemalloc.get_traced_memory()
        n = _loop(texts, 5000, 0, 20_000)
        gc.collect()
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert after - before < 64 << 10, f"Python objects grew by {after - before} bytes " \
        f"over {n} parses"

