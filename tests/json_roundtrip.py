#!/usr/bin/env python3
"""Check what kgr-parse prints against the record contract (OUTPUT.md).

  json_roundtrip.py --parser EXE [--stdin | --jsonl | --array] INPUT...

Each INPUT is a document, or a folder whose *.txt files are taken in name
order. A folder that does not exist is reported and skipped (exit 77, which
ctest counts as skipped) - that is how the seed tests behave on machines
without ../shared/seeds.

Modes: by default EXE --format json INPUT, once per input; --stdin feeds
the input on standard input (EXE --format json -); --jsonl runs EXE once
with --format jsonl on all inputs and expects one record a line; --array
runs EXE once with --format json on all inputs and expects a JSON array.

For every record: it parses with the json module and survives a
re-serialise / re-parse round trip; the schema, the source block (name,
bytes, sha256) and the types and vocabularies of OUTPUT.md hold; every span
is [start, end] with 0 <= start <= end <= bytes, non-empty for every item
(diagnostics may be empty) and on UTF-8 character boundaries; lists that
carry spans keep document order; and the text under the span holds what the
item says it came from (link text, footnote URLs, signatory and person
names, the first words of demands). Standard library only.
"""
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

SKIP = 77

KINDS = {"appeal", "incident_report", "unknown"}
EVENT_TYPES = {"election", "protest", "force_against_protesters", "clash",
               "attack_on_journalist", "attack_on_health_workers", "seizure_of_building",
               "prisoner_release", "resignation", "annulment", "state_of_emergency",
               "looting", "arrest", "killing", "torture", "statement", "other"}
FIGURE_KINDS = {"killed", "injured", "hospitalized", "detained", "missing", "participants",
                "incidents", "cases", "other"}
QUALIFIERS = {"exact", "over", "under", "about"}
MEANS = {"water_cannon", "tear_gas", "rubber_bullets", "stun_grenades", "live_ammunition",
         "batons", "pepper_spray", "firearms", "other"}
ACTORS = {"state_forces", "state_officials", "protesters", "unidentified", "armed_group",
          "civil_society", "media", "health_workers", "international", "other"}
RIGHTS = {"life", "liberty_security", "expression", "media_freedom", "assembly",
          "association", "participation", "torture", "fair_trial", "privacy", "movement",
          "health", "other"}
THEMES = {"dialogue", "elections", "fundamental_rights", "protection_of_journalists",
          "civil_society", "safety", "rule_of_law", "accountability", "investigation",
          "international_support", "use_of_force", "other"}
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")


class Checker:
    def __init__(self, label, raw, name):
        self.label, self.raw, self.name = label, raw, name
        self.errors = []
        try:
            raw.decode("utf-8")
            self.valid_utf8 = True
        except UnicodeDecodeError:
            self.valid_utf8 = False

    def err(self, where, msg):
        self.errors.append(f"{self.label}: {where}: {msg}")

    # -- types ------------------------------------------------------------
    def typed(self, where, value, types, allow_none=False):
        if value is None and allow_none:
            return True
        tt = types if isinstance(types, tuple) else (types,)
        if not isinstance(value, tt) or (isinstance(value, bool) and bool not in tt):
            self.err(where, f"{value!r} is not {types}")
            return False
        return True

    def vocab(self, where, value, allowed, allow_none=False):
        if value is None and allow_none:
            return
        if value not in allowed:
            self.err(where, f"{value!r} is not one of the vocabulary")

    def str_list(self, where, value):
        if self.typed(where, value, list):
            for i, x in enumerate(value):
                self.typed(f"{where}[{i}]", x, str)

    def int_list(self, where, value):
        if self.typed(where, value, list):
            for i, x in enumerate(value):
                self.typed(f"{where}[{i}]", x, int)

    # -- spans ------------------------------------------------------------
    def span(self, where, sp, nonempty=True):
        """Check a span; return the input text under it, or None."""
        if not (isinstance(sp, list) and len(sp) == 2 and all(
                isinstance(v, int) and not isinstance(v, bool) for v in sp)):
            self.err(where, f"span {sp!r} is not [start, end]")
            return None
        s, e = sp
        if not 0 <= s <= e <= len(self.raw):
            self.err(where, f"span {sp} outside [0, {len(self.raw)}]")
            return None
        if nonempty and s == e:
            self.err(where, f"empty span {sp}")
            return None
        # A span never cuts a UTF-8 character in two (where the input is valid).
        for off in (s, e):
            if off < len(self.raw) and 0x80 <= self.raw[off] < 0xC0 and self.valid_utf8:
                self.err(where, f"span {sp} cuts a character at byte {off}")
        return self.raw[s:e].decode("utf-8", "replace")

    def holds(self, where, sp, want):
        """The text under the span contains `want`, ignoring case, blanks,
        hyphens and quotes (reflow and dehyphenation keep provenance)."""
        text = self.span(where, sp)
        if text is None or not want:
            return

        def squash(x):
            x = x.lower().replace("\u00ad", "")
            x = re.sub(r"[\u2018\u2019\u201c\u201d\u00ab\u00bb\"'`]", "", x)
            return re.sub(r"[\s\-\u2010-\u2015]+", "", x)
        if squash(want) not in squash(text):
            self.err(where, f"span text {text[:80]!r} does not hold {want[:80]!r}")

    def ordered(self, where, items):
        last = -1
        for i, it in enumerate(items):
            sp = it.get("span") if isinstance(it, dict) else None
            if isinstance(sp, list) and len(sp) == 2 and isinstance(sp[0], int):
                if sp[0] < last:
                    self.err(f"{where}[{i}]", f"starts at {sp[0]}, before the item before it "
                             f"({last}): lists keep document order")
                last = sp[0]

    # -- records ----------------------------------------------------------
    def figure(self, where, f):
        if not self.typed(where, f, dict):
            return
        self.vocab(f"{where}.kind", f.get("kind"), FIGURE_KINDS)
        self.typed(f"{where}.value", f.get("value"), int)
        self.vocab(f"{where}.qualifier", f.get("qualifier"), QUALIFIERS)
        self.typed(f"{where}.unit_text", f.get("unit_text"), str, allow_none=True)
        d = f.get("date")
        if self.typed(f"{where}.date", d, str, allow_none=True) and d is not None \
                and not ISO_DAY.match(d):
            self.err(f"{where}.date", f"{d!r} is not YYYY-MM-DD")
        self.int_list(f"{where}.sources", f.get("sources"))
        self.typed(f"{where}.text", f.get("text"), str, allow_none=True)
        self.span(f"{where}.span", f.get("span"))

    def place(self, where, p):
        if not self.typed(where, p, dict):
            return
        self.typed(f"{where}.name", p.get("name"), str)
        c = p.get("country")
        if self.typed(f"{where}.country", c, str, allow_none=True) and c and not COUNTRY.match(c):
            self.err(f"{where}.country", f"{c!r} is not ISO 3166-1 alpha-2")
        self.typed(f"{where}.admin1", p.get("admin1"), str, allow_none=True)
        for k in ("lat", "lon"):
            self.typed(f"{where}.{k}", p.get(k), (int, float), allow_none=True)
        if "span" in p:
            self.span(f"{where}.span", p["span"])

    def person(self, where, p):
        if not self.typed(where, p, dict):
            return
        self.typed(f"{where}.name", p.get("name"), str)
        self.str_list(f"{where}.roles", p.get("roles"))
        self.typed(f"{where}.affiliation", p.get("affiliation"), str, allow_none=True)
        self.holds(f"{where}.span", p.get("span"), p.get("name"))

    def date(self, where, d):
        if d is None:
            return
        if not self.typed(where, d, dict):
            return
        for k in ("start", "end"):
            v = d.get(k)
            if self.typed(f"{where}.{k}", v, str, allow_none=True) and v and not ISO_DAY.match(v):
                self.err(f"{where}.{k}", f"{v!r} is not YYYY-MM-DD")
        if d.get("start") and d.get("end") and d["end"] < d["start"]:
            self.err(where, f"ends {d['end']} before it starts {d['start']}")
        self.vocab(f"{where}.precision", d.get("precision"), {"day", "month", "year"}, True)
        self.vocab(f"{where}.year_source", d.get("year_source"),
                   {"stated", "document", "reference", "url"}, True)
        self.typed(f"{where}.text", d.get("text"), str, allow_none=True)
        if "span" in d:
            self.span(f"{where}.span", d["span"])

    def event(self, where, e):
        if not self.typed(where, e, dict):
            return
        self.vocab(f"{where}.type", e.get("type"), EVENT_TYPES)
        self.date(f"{where}.date", e.get("date"))
        for i, p in enumerate(e.get("places") or []):
            self.place(f"{where}.places[{i}]", p)
        for i, a in enumerate(e.get("actors") or []):
            if self.typed(f"{where}.actors[{i}]", a, dict):
                self.typed(f"{where}.actors[{i}].name", a.get("name"), str, allow_none=True)
                self.vocab(f"{where}.actors[{i}].category", a.get("category"), ACTORS)
        for i, v in enumerate(e.get("victims") or []):
            self.person(f"{where}.victims[{i}]", v)
        for i, m in enumerate(e.get("means") or []):
            self.vocab(f"{where}.means[{i}]", m, MEANS)
        for i, f in enumerate(e.get("figures") or []):
            self.figure(f"{where}.figures[{i}]", f)
        for k in ("places", "actors", "victims", "means", "figures"):
            self.typed(f"{where}.{k}", e.get(k), list)
        self.int_list(f"{where}.sources", e.get("sources"))
        ac = e.get("acled")
        if self.typed(f"{where}.acled", ac, dict, allow_none=True) and ac:
            self.typed(f"{where}.acled.event_type", ac.get("event_type"), str)
        self.typed(f"{where}.text", e.get("text"), str, allow_none=True)
        self.span(f"{where}.span", e.get("span"))

    def record(self, rec):
        if not self.typed("record", rec, dict):
            return
        # round trip through the json module
        again = json.loads(json.dumps(rec, ensure_ascii=False))
        if again != rec or json.loads(json.dumps(rec)) != rec:
            self.err("record", "does not survive a json round trip")
        if rec.get("schema") != "kgrights.document/1":
            self.err("schema", f"{rec.get('schema')!r}")
        src = rec.get("source")
        if self.typed("source", src, dict):
            if src.get("bytes") != len(self.raw):
                self.err("source.bytes", f"{src.get('bytes')!r}, input has {len(self.raw)}")
            sha = hashlib.sha256(self.raw).hexdigest()
            if src.get("sha256") != sha:
                self.err("source.sha256", f"{src.get('sha256')!r}, want {sha}")
            if src.get("name") != self.name:
                self.err("source.name", f"{src.get('name')!r}, want {self.name!r}")
        self.vocab("kind", rec.get("kind"), KINDS)
        self.typed("title", rec.get("title"), str, allow_none=True)
        if rec.get("title") is not None and rec.get("title_span") is not None:
            self.span("title_span", rec["title_span"])
        d = rec.get("date")
        if self.typed("date", d, str, allow_none=True) and d and not ISO_DAY.match(d):
            self.err("date", f"{d!r} is not YYYY-MM-DD")
        self.vocab("date_source", rec.get("date_source"), {"stated", "inferred"}, True)
        if (d is None) != (rec.get("date_source") is None):
            self.err("date_source", "set without a date, or a date without its source")
        c = rec.get("country")
        if self.typed("country", c, str, allow_none=True) and c and not COUNTRY.match(c):
            self.err("country", f"{c!r} is not ISO 3166-1 alpha-2")
        iss = rec.get("issuer")
        if self.typed("issuer", iss, dict, allow_none=True) and iss:
            self.typed("issuer.name", iss.get("name"), str)
            self.typed("issuer.acronym", iss.get("acronym"), str, allow_none=True)
        for k in ("addressees", "demands", "signatories", "events", "figures", "persons",
                  "organizations", "places", "footnotes", "links", "instruments", "rights",
                  "sections", "diagnostics"):
            if not isinstance(rec.get(k), list):
                self.err(k, f"missing or not a list: {rec.get(k)!r}")
                rec[k] = []
        self.str_list("addressees", rec["addressees"])
        self.str_list("instruments", rec["instruments"])
        for i, r in enumerate(rec["rights"]):
            self.vocab(f"rights[{i}]", r, RIGHTS)
        for i, m in enumerate(rec.get("means") or []):
            self.vocab(f"means[{i}]", m, MEANS)
        for i, x in enumerate(rec["demands"]):
            w = f"demands[{i}]"
            if self.typed(w, x, dict):
                self.typed(f"{w}.text", x.get("text"), str)
                self.typed(f"{w}.addressee", x.get("addressee"), str, allow_none=True)
                for k, t in enumerate(x.get("themes") or []):
                    self.vocab(f"{w}.themes[{k}]", t, THEMES)
                words = " ".join((x.get("text") or "").split()[:3])
                self.holds(f"{w}.span", x.get("span"), words)
        for i, x in enumerate(rec["signatories"]):
            w = f"signatories[{i}]"
            if self.typed(w, x, dict):
                self.typed(f"{w}.position", x.get("position"), int, allow_none=True)
                self.typed(f"{w}.name", x.get("name"), str)
                self.typed(f"{w}.acronym", x.get("acronym"), str, allow_none=True)
                if self.typed(f"{w}.countries", x.get("countries"), list):
                    for k, c in enumerate(x["countries"]):
                        if not (isinstance(c, str) and COUNTRY.match(c)):
                            self.err(f"{w}.countries[{k}]", f"{c!r} is not ISO 3166-1 alpha-2")
                self.vocab(f"{w}.countries_source", x.get("countries_source"),
                           {"stated", "inferred"}, True)
                if bool(x.get("countries")) != (x.get("countries_source") is not None):
                    self.err(f"{w}.countries_source", "does not match the countries")
                self.holds(f"{w}.span", x.get("span"), x.get("name"))
        for i, x in enumerate(rec["events"]):
            self.event(f"events[{i}]", x)
        for i, x in enumerate(rec["figures"]):
            self.figure(f"figures[{i}]", x)
        for i, x in enumerate(rec["persons"]):
            self.person(f"persons[{i}]", x)
        for i, x in enumerate(rec["organizations"]):
            w = f"organizations[{i}]"
            if self.typed(w, x, dict):
                self.typed(f"{w}.name", x.get("name"), str)
                self.typed(f"{w}.acronym", x.get("acronym"), str, allow_none=True)
                self.typed(f"{w}.country", x.get("country"), str, allow_none=True)
                self.span(f"{w}.span", x.get("span"))
        for i, x in enumerate(rec["places"]):
            self.place(f"places[{i}]", x)
        for i, x in enumerate(rec["footnotes"]):
            w = f"footnotes[{i}]"
            if self.typed(w, x, dict):
                self.typed(f"{w}.number", x.get("number"), int)
                self.typed(f"{w}.text", x.get("text"), str, allow_none=True)
                self.str_list(f"{w}.urls", x.get("urls"))
                self.span(f"{w}.span", x.get("span"))
                for k, u in enumerate(x.get("urls") or []):
                    self.holds(f"{w}.urls[{k}]", x.get("span"), u)
        for i, x in enumerate(rec["links"]):
            w = f"links[{i}]"
            if self.typed(w, x, dict):
                self.typed(f"{w}.text", x.get("text"), str)
                self.typed(f"{w}.target", x.get("target"), str, allow_none=True)
                self.holds(f"{w}.span", x.get("span"), x.get("text"))
        for i, x in enumerate(rec["sections"]):
            w = f"sections[{i}]"
            if self.typed(w, x, dict):
                self.typed(f"{w}.heading", x.get("heading"), str, allow_none=True)
                self.span(f"{w}.span", x.get("span"))
                if x.get("heading"):
                    self.holds(f"{w}.span", x.get("span"), x["heading"])
        for i, x in enumerate(rec["diagnostics"]):
            w = f"diagnostics[{i}]"
            if self.typed(w, x, dict):
                self.vocab(f"{w}.severity", x.get("severity"), {"info", "warning", "error"})
                self.typed(f"{w}.code", x.get("code"), str)
                self.typed(f"{w}.message", x.get("message"), str)
                self.span(f"{w}.span", x.get("span"), nonempty=False)
        for k in ("demands", "signatories", "events", "footnotes", "links", "sections"):
            self.ordered(k, rec[k])
        # sections do not overlap
        last_end = 0
        for i, x in enumerate(rec["sections"]):
            sp = x.get("span") if isinstance(x, dict) else None
            if isinstance(sp, list) and len(sp) == 2 and isinstance(sp[0], int):
                if sp[0] < last_end:
                    self.err(f"sections[{i}]", f"{sp} overlaps the section before")
                last_end = max(last_end, sp[1])


def expand(inputs):
    """Documents to check: files as given, folders as their *.txt files."""
    docs = []
    for a in inputs:
        p = Path(a)
        if p.is_dir():
            docs += sorted(p.glob("*.txt"))
        elif p.exists():
            docs.append(p)
        else:
            print(f"{a}: absent: skipped")
    return docs


def run(cmd, stdin=None):
    proc = subprocess.run(cmd, input=stdin, capture_output=True, timeout=120)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"{' '.join(map(str, cmd))}: exit {proc.returncode}")
    if proc.stderr:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
    return proc.stdout


def main(argv):
    if "--parser" not in argv:
        sys.exit(__doc__)
    i = argv.index("--parser")
    exe = argv[i + 1]
    rest = argv[:i] + argv[i + 2:]
    mode = "each"
    for m in ("--stdin", "--jsonl", "--array"):
        if m in rest:
            mode = m[2:]
            rest.remove(m)
    docs = expand(rest)
    if not docs:
        print("no documents to check: skipped")
        return SKIP
    records = []  # (label, raw, expected name, record)
    if mode in ("each", "stdin"):
        for d in docs:
            raw = d.read_bytes()
            if mode == "stdin":
                out = run([exe, "--format", "json", "-"], stdin=raw)
            else:
                out = run([exe, "--format", "json", str(d)])
            records.append((d.name, raw, None if mode == "stdin" else d.name,
                            json.loads(out.decode("utf-8"))))
    elif mode == "jsonl":
        out = run([exe, "--format", "jsonl"] + [str(d) for d in docs]).decode("utf-8")
        lines = out.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if len(lines) != len(docs):
            raise SystemExit(f"--format jsonl: {len(lines)} lines for {len(docs)} documents")
        for d, line in zip(docs, lines):
            records.append((d.name, d.read_bytes(), d.name, json.loads(line)))
    else:
        out = json.loads(run([exe, "--format", "json"] + [str(d) for d in docs]))
        if not isinstance(out, list) or len(out) != len(docs):
            raise SystemExit(f"--format json on {len(docs)} files: not an array of {len(docs)}")
        for d, rec in zip(docs, out):
            records.append((d.name, d.read_bytes(), d.name, rec))
    errors = []
    for label, raw, name, rec in records:
        c = Checker(label, raw, name)
        c.record(rec)
        errors += c.errors
        n = sum(len(rec.get(k) or []) for k in ("signatories", "demands", "events", "figures",
                                                  "persons", "places", "footnotes", "links"))
        print(f"{label}: {n} items, {len(c.errors)} problems")
    for e in errors[:200]:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
