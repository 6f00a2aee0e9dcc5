"""Document.to_dict() equals the JSON of the kgr-parse CLI."""

import json
import os
import subprocess

import kgrights

# The CLI brings its own sanitizer runtime in a sanitizer build; the one
# preloaded for the interpreter (tests/python.cmake) must not reach it.
_CLI_ENV = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}


def _cli_record(kgr_parse, path):
    proc = subprocess.run([str(kgr_parse), "--format", "json", str(path)],
                          capture_output=True, timeout=120, env=_CLI_ENV)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    return json.loads(proc.stdout)


def _check_against_cli(kgr_parse, paths):
    assert paths
    for path in paths:
        expected = _cli_record(kgr_parse, path)
        doc = kgrights.parse_file(path)
        assert doc.to_dict() == expected, path.name
        assert json.loads(doc.to_json()) == expected, path.name
        # Parsing the bytes with the file's name gives the same record.
        assert kgrights.parse(path.read_bytes(), name=path.name).to_dict() == expected


def test_seeds_match_the_cli(kgr_parse, seeds_dir):
    _check_against_cli(kgr_parse, sorted(seeds_dir.glob("*.txt")))


def test_samples_match_the_cli(kgr_parse, data_dir):
    _check_against_cli(kgr_parse, sorted(data_dir.glob("*.txt")))


def test_written_inputs_match_the_cli(kgr_parse, tmp_path):
    from conftest import APPEAL, REPORT
    paths = []
    for name, text in (("appeal.txt", APPEAL), ("report.txt", REPORT)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    _check_against_cli(kgr_parse, paths)


def test_compact_output_matches_the_cli_bytes(kgr_parse, seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        proc = subprocess.run([str(kgr_parse), "--compact", str(path)],
                              capture_output=True, timeout=120, check=True, env=_CLI_ENV)
        assert kgrights.parse_file(path).to_json(compact=True) + "\n" == \
            proc.stdout.decode("utf-8")
