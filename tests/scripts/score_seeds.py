#!/usr/bin/env python3
"""The foundation check on the seeds: kgr-parse --format json on each seed
prints a valid record that carries a title, sections, the footnotes (with
their URLs) and the links of the gold file, with spans that
`kgr-score --input` verifies (its "provenance" row: every span holds).

  score_seeds.py --parser EXE --score KGR_SCORE --gold GOLD_DIR --seeds SEEDS_DIR

Exits 77 (skipped) when the seeds, the gold files or kgr-score are absent.
Standard library only.
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SKIP = 77


def arg(argv, name):
    if name not in argv:
        sys.exit(__doc__)
    return argv[argv.index(name) + 1]


def norm(s):
    return re.sub(r"\s+", " ", (s or "").lower()).strip(" .,;:")


def main(argv):
    exe, score = arg(argv, "--parser"), Path(arg(argv, "--score"))
    gold_dir, seeds = Path(arg(argv, "--gold")), Path(arg(argv, "--seeds"))
    for p in (score, gold_dir, seeds):
        if not p.exists():
            print(f"{p} is absent: skipped")
            return SKIP
    golds = sorted(gold_dir.glob("*.gold.json"))
    if not golds:
        print(f"no gold files in {gold_dir}: skipped")
        return SKIP
    problems = []
    for gp in golds:
        gold = json.loads(gp.read_text())
        doc = seeds / gold["document"]
        if not doc.exists():
            problems.append(f"{doc}: absent although {gp.name} names it")
            continue
        label = doc.name
        proc = subprocess.run([exe, "--format", "json", str(doc)], capture_output=True,
                              timeout=120)
        if proc.returncode != 0:
            problems.append(f"{label}: kgr-parse exit {proc.returncode}: "
                            f"{proc.stderr.decode('utf-8', 'replace')[:300]}")
            continue
        try:
            rec = json.loads(proc.stdout)
        except ValueError as e:
            problems.append(f"{label}: output is not JSON: {e}")
            continue
        if not rec.get("title"):
            problems.append(f"{label}: no title")
        if not rec.get("sections"):
            problems.append(f"{label}: no sections")
        got_notes = {(f.get("number"), u) for f in rec.get("footnotes") or []
                     for u in f.get("urls") or []}
        for g in gold.get("footnotes", []):
            if (g["number"], g["url"]) not in got_notes:
                problems.append(f"{label}: footnote {g['number']} with {g['url']} missing")
        for f in rec.get("footnotes") or []:
            if not f.get("urls"):
                problems.append(f"{label}: footnote {f.get('number')} has no URL")
        got_links = [norm(x.get("text")) for x in rec.get("links") or []]
        for g in gold.get("links", []):
            if norm(g["text"]) not in got_links:
                problems.append(f"{label}: link {g['text']!r} missing")
        with tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False) as tmp:
            tmp.write(proc.stdout)
        sc = subprocess.run([sys.executable, str(score), str(gp), tmp.name, "--input", str(doc),
                             "--verbose"], capture_output=True, timeout=120)
        Path(tmp.name).unlink()
        out = sc.stdout.decode("utf-8", "replace")
        print(f"== {label}\n{out}")
        if sc.returncode != 0:
            problems.append(f"{label}: kgr-score exit {sc.returncode}: "
                            f"{sc.stderr.decode('utf-8', 'replace')[:300]}")
            continue
        m = re.search(r"^\s*provenance\s.*?(\d+)/(\d+) spans hold", out, re.M)
        if not m:
            problems.append(f"{label}: kgr-score printed no provenance row")
        elif m.group(1) != m.group(2) or m.group(2) == "0":
            problems.append(f"{label}: kgr-score: {m.group(1)}/{m.group(2)} spans hold")
        if not re.search(r"^score: \d", out, re.M):
            problems.append(f"{label}: kgr-score printed no score")
    for p in problems:
        print("FAIL: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
