#!/usr/bin/env python3
"""Parse a directory of documents on a Dask cluster; write JSON Lines.

    python3 dask_corpus.py corpus/ --out records.jsonl
    python3 dask_corpus.py corpus/ --out records.jsonl --csv events.csv --table events
    python3 dask_corpus.py corpus/ --scheduler tcp://10.0.0.5:8786 --send-text

Workers import kgrights, parse the documents they are given and send each
record back as plain data (Document.to_dict()); the client writes them in
input order, one JSON object a line, the same records `kgr-parse --format
jsonl` prints. With --csv, one table of records (--table) is also written
through kgrights.to_dataframe(), list cells joined with "; ".

Without --scheduler a LocalCluster is started for the run: --workers
processes of one thread each, listening on 127.0.0.1 only, no dashboard.
With --scheduler tcp://host:8786 an existing cluster does the work: each
worker needs kgrights installed, and reads the files by path, so they must
see the same file system, unless --send-text ships the documents' bytes.

Exit status: 0 all documents parsed, 1 some could not be (their errors go to
stderr), 2 usage error.
"""

import argparse
import collections
import json
import pathlib
import sys


def parse_batch(items, reference_date=None):
    """Run on a worker: parse (name, path, data) items; return, per item,
    (name, record dict or None, error message or None)."""
    import kgrights
    results = []
    for name, path, data in items:
        try:
            if data is not None:
                doc = kgrights.parse(data, name=name, reference_date=reference_date)
            else:
                doc = kgrights.parse_file(path, name=name, reference_date=reference_date)
            with doc:
                results.append((name, doc.to_dict(), None))
        except (kgrights.ParseError, OSError) as err:
            results.append((name, None, str(err)))
    return results


def _batches(paths, size, send_text):
    batch = []
    for path in paths:
        data = path.read_bytes() if send_text else None
        batch.append((path.name, str(path), data))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _joined(value):
    return "; ".join(str(v) for v in value) if isinstance(value, list) else value


def run(args, client):
    paths = sorted(p for p in pathlib.Path(args.directory).glob(args.pattern) if p.is_file())
    if not paths:
        print(f"dask_corpus: no files match {args.pattern} in {args.directory}",
              file=sys.stderr)
        return 1
    # A bounded window of batches in flight keeps memory flat on large
    # corpora while the output stays in input order.
    window = 4 * (len(client.scheduler_info().get("workers", {})) or 2)
    pending = collections.deque()
    records = [] if args.csv else None
    failures = 0
    with open(args.out, "w", encoding="utf-8") as out:
        def drain_one():
            nonlocal failures
            for name, record, error in pending.popleft().result():
                if error is not None:
                    failures += 1
                    print(f"{name}: error: {error}", file=sys.stderr)
                    continue
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                if records is not None:
                    records.append(record)

        for batch in _batches(paths, args.batch, args.send_text):
            pending.append(client.submit(parse_batch, batch, args.reference_date, pure=False))
            if len(pending) >= window:
                drain_one()
        while pending:
            drain_one()
    if records is not None:
        import kgrights
        df = kgrights.to_dataframe(records, args.table)
        df.apply(lambda column: column.map(_joined)).to_csv(args.csv, index=False)
    print(f"dask_corpus: {len(paths) - failures} of {len(paths)} documents -> {args.out}",
          file=sys.stderr)
    return 1 if failures else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", help="folder of documents")
    ap.add_argument("--pattern", default="*.txt", help="file name pattern (default *.txt)")
    ap.add_argument("--out", default="records.jsonl", help="JSON Lines output")
    ap.add_argument("--csv", help="also write one table of records as CSV")
    ap.add_argument("--table", default="events",
                    help="record kind for --csv: events, signatories, figures, ...")
    ap.add_argument("--reference-date", help="YYYY-MM-DD for years the text leaves out")
    ap.add_argument("--scheduler", help="address of a running scheduler (tcp://host:8786)")
    ap.add_argument("--workers", type=int, default=2, help="local worker processes")
    ap.add_argument("--batch", type=int, default=16, help="documents per task")
    ap.add_argument("--send-text", action="store_true",
                    help="ship the documents' bytes instead of their paths")
    args = ap.parse_args(argv)
    if args.workers < 1 or args.batch < 1:
        ap.error("--workers and --batch must be positive")

    from dask.distributed import Client, LocalCluster
    if args.scheduler:
        with Client(args.scheduler) as client:
            return run(args, client)
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=None) as cluster, \
            Client(cluster) as client:
        return run(args, client)


if __name__ == "__main__":
    sys.exit(main())
