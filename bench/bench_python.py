#!/usr/bin/env python3
"""Throughput of the kgrights Python binding, and of dateparser for reference.

  PYTHONPATH=<build>/python /usr/bin/python3 bench/bench_python.py DIR
      [--repeat N] [--batch N] [--sample N] [--json]

DIR holds the corpus (*.txt, as kgr-gencorpus writes it); every file is
read into memory first, so no timing includes file I/O.

1. kgrights.parse_many(texts, workers=W) for W = 1 and 2, best of N
   repeats; the corpus goes in batches of --batch documents, whose
   Documents are dropped before the next batch (holding every parsed
   document of a large corpus at once would measure the swap, not the
   parser). Prints MB/s, documents/s and the speed-up of 2 workers over 1.
2. dateparser.search.search_dates, the peer a user would otherwise pick
   for finding dates in text, over a bounded sample of the corpus's
   paragraphs (--sample, spread evenly over the corpus), with
   languages=['en'] and with its default language detection; and
   kgrights.parse over the very same paragraphs, one document each. Prints
   both throughputs and the speed-up of kgrights over dateparser.

Exit status 77 (skipped) when the binding cannot be imported; without
dateparser the second part is skipped with a message. MB are 10^6 bytes.
"""
import argparse
import glob
import json
import os
import sys
import time
import warnings


def load(dirname):
    paths = sorted(glob.glob(os.path.join(dirname, "*.txt")))
    texts = []
    for p in paths:
        with open(p, "rb") as f:
            texts.append(f.read())
    return paths, texts


def paragraphs(texts, want):
    """`want` paragraphs of at least 80 bytes, spread evenly over the corpus."""
    paras = []
    for t in texts:
        for p in t.decode("utf-8", "replace").split("\n\n"):
            p = p.strip()
            if len(p.encode("utf-8")) >= 80:
                paras.append(p)
    if len(paras) <= want:
        return paras, len(paras)
    step = len(paras) / want
    return [paras[int(i * step)] for i in range(want)], len(paras)


def best_of(n, fn, cpu=None):
    """The best wall time of n runs; `cpu` (a list) receives that run's
    process CPU time, which shows how much of the machine we had."""
    best = float("inf")
    for _ in range(n):
        c0 = time.process_time()
        t0 = time.perf_counter()
        fn()
        t = time.perf_counter() - t0
        if t < best:
            best = t
            if cpu is not None:
                cpu[:] = [time.process_time() - c0]
    return best


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch", type=int, default=256,
                    help="documents per parse_many call (default 256)")
    ap.add_argument("--sample", type=int, default=300,
                    help="paragraphs for the dateparser comparison (default 300)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)

    try:
        import kgrights
    except ImportError as e:
        print(f"bench_python: skipped: the kgrights binding cannot be imported ({e}); "
              "build with -DKGR_BUILD_PYTHON=ON and run with PYTHONPATH=<build>/python")
        return 77

    paths, texts = load(args.dir)
    if not texts:
        print(f"bench_python: no .txt files in {args.dir}", file=sys.stderr)
        return 3
    total = sum(len(t) for t in texts)
    mb = total / 1e6
    out = {
        "kgrights": kgrights.__version__,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "repeats": args.repeat,
        "corpus": {"documents": len(texts), "bytes": total},
    }

    def run(workers):
        for i in range(0, len(texts), args.batch):
            docs = kgrights.parse_many(texts[i:i + args.batch], workers=workers)
            del docs

    # Interleaved, so that both see the same machine state.
    runs, cpus = {1: float("inf"), 2: float("inf")}, {1: 0.0, 2: 0.0}
    for _ in range(args.repeat):
        for w in (1, 2):
            cpu = [0.0]
            t = best_of(1, lambda: run(w), cpu)
            if t < runs[w]:
                runs[w], cpus[w] = t, cpu[0]
    for w in (1, 2):
        t = runs[w]
        out[f"parse_many_workers_{w}"] = {
            "seconds": round(t, 6), "cpu_seconds": round(cpus[w], 6),
            "mb_per_s": round(mb / t, 3), "docs_per_s": round(len(texts) / t, 1)}
    out["speedup_2_over_1"] = round(runs[1] / runs[2], 3)
    # One worker's CPU time is what it would take with a core to itself:
    # against it, the speed-up does not count other load as ours.
    out["speedup_2_over_1_cpu"] = round(cpus[1] / runs[2], 3)

    if not args.json:
        print(f"bench_python: kgrights {kgrights.__version__}, Python {out['python']}, "
              f"{out['cpus']} CPUs, best of {args.repeat}")
        print(f"corpus: {len(texts)} documents, {total} bytes ({mb:.1f} MB), "
              f"batches of {args.batch}")
        for w in (1, 2):
            r = out[f"parse_many_workers_{w}"]
            print(f"parse_many workers={w}: {r['seconds']:.4f} s, {r['mb_per_s']:.2f} MB/s, "
                  f"{r['docs_per_s']:.1f} docs/s; CPU {r['cpu_seconds']:.4f} s "
                  f"({100 * r['cpu_seconds'] / r['seconds']:.0f}% of wall)")
        print(f"speed-up 2 workers / 1 worker: {out['speedup_2_over_1']:.2f}x wall; "
              f"{out['speedup_2_over_1_cpu']:.2f}x against 1 worker's CPU time (CPU below "
              "100%/200% of wall means other load shared the machine)")

    # dateparser's pytz use warns on every call under newer pytz.
    warnings.filterwarnings("ignore", module="dateparser")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    try:
        from dateparser.search import search_dates
    except ImportError as e:
        out["dateparser"] = None
        if args.json:
            print(json.dumps(out, indent=2))
        else:
            print(f"dateparser: skipped: not importable ({e}); "
                  "apt-get install -y python3-dateparser")
        return 0

    sample, available = paragraphs(texts, args.sample)
    sbytes = sum(len(p.encode("utf-8")) for p in sample)
    sample_b = [p.encode("utf-8") for p in sample]
    # The first call loads dateparser's language data: not part of the rate.
    search_dates("It happened on 5 October 2020 in the capital.", languages=["en"])
    search_dates("It happened on 5 October 2020 in the capital.")

    found = {}

    def dp(kw, key):
        n = 0
        for p in sample:
            r = search_dates(p, **kw)
            n += len(r) if r else 0
        found[key] = n

    def kg():
        for p in sample_b:
            kgrights.parse(p)

    # dateparser is slow: one run each (its rate is stable; the sample
    # bounds the time instead of repeats).
    t_en = best_of(1, lambda: dp({"languages": ["en"]}, "en"))
    t_auto = best_of(1, lambda: dp({}, "auto"))
    t_kg = best_of(args.repeat, kg)
    smb = sbytes / 1e6
    out["dateparser"] = {
        "sample_paragraphs": len(sample), "paragraphs_available": available,
        "sample_bytes": sbytes,
        "search_dates_en": {"seconds": round(t_en, 6), "mb_per_s": round(smb / t_en, 4),
                            "dates_found": found["en"]},
        "search_dates_auto": {"seconds": round(t_auto, 6), "mb_per_s": round(smb / t_auto, 4),
                              "dates_found": found["auto"]},
        "kgrights_parse": {"seconds": round(t_kg, 6), "mb_per_s": round(smb / t_kg, 3)},
        "speedup_over_en": round(t_en / t_kg, 2),
        "speedup_over_auto": round(t_auto / t_kg, 2),
    }
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    d = out["dateparser"]
    print(f"dateparser sample: {len(sample)} of {available} paragraphs (>= 80 bytes, evenly "
          f"spaced), {sbytes} bytes")
    print(f"search_dates languages=['en']: {t_en:.4f} s, {d['search_dates_en']['mb_per_s']:.4f} "
          f"MB/s, {found['en']} dates found")
    print(f"search_dates default (detect language): {t_auto:.4f} s, "
          f"{d['search_dates_auto']['mb_per_s']:.4f} MB/s, {found['auto']} dates found")
    print(f"kgrights.parse, same paragraphs: {t_kg:.4f} s, {d['kgrights_parse']['mb_per_s']:.3f} "
          f"MB/s (full record, not only dates)")
    print(f"speed-up kgrights / dateparser: {d['speedup_over_en']:.1f}x (languages=['en']), "
          f"{d['speedup_over_auto']:.1f}x (default)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
