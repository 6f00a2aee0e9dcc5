#!/usr/bin/env python3
"""Run a command and check its exit status and output (ctest's own regex
properties ignore the exit status, so CLI tests go through this).

  run_cli.py [--exit N] [--stdout RE]... [--stderr RE]... [--not-stdout RE]...
             [--no-stdout] [--stdin FILE | --stdin-hex HEX] -- COMMAND [ARGS...]

--exit N      the exit status wanted (default 0); "1|3" accepts either
--stdout RE   a regular expression that must match somewhere in stdout
--stderr RE   the same for stderr
--not-stdout RE  RE must match nowhere in stdout
--no-stdout   stdout must be empty (errors go to stderr only)
--stdin FILE  feed FILE on standard input (default: nothing)
--stdin-hex HEX  feed these bytes (hex digits) on standard input
Standard library only.
"""
import re
import subprocess
import sys


def main(argv):
    if "--" not in argv:
        sys.exit(__doc__)
    opts, cmd = argv[:argv.index("--")], argv[argv.index("--") + 1:]
    want_exit, out_res, err_res, not_out, stdin, no_stdout = "0", [], [], [], b"", False
    i = 0
    while i < len(opts):
        o = opts[i]
        if o == "--no-stdout":
            no_stdout = True
            i += 1
            continue
        if i + 1 >= len(opts):
            sys.exit(f"{o} needs a value")
        v = opts[i + 1]
        if o == "--exit":
            want_exit = v
        elif o == "--stdout":
            out_res.append(v)
        elif o == "--stderr":
            err_res.append(v)
        elif o == "--not-stdout":
            not_out.append(v)
        elif o == "--stdin-hex":
            stdin = bytes.fromhex(v)
        elif o == "--stdin":
            with open(v, "rb") as f:
                stdin = f.read()
        else:
            sys.exit(f"unknown option {o}")
        i += 2
    proc = subprocess.run(cmd, input=stdin, capture_output=True, timeout=120)
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    problems = []
    if str(proc.returncode) not in want_exit.split("|"):
        problems.append(f"exit status {proc.returncode}, want {want_exit}")
    for r in out_res:
        if not re.search(r, out):
            problems.append(f"stdout does not match {r!r}")
    for r in err_res:
        if not re.search(r, err):
            problems.append(f"stderr does not match {r!r}")
    for r in not_out:
        if re.search(r, out):
            problems.append(f"stdout matches {r!r}")
    if no_stdout and out:
        problems.append("stdout is not empty")
    print("$ " + " ".join(cmd))
    print(f"exit {proc.returncode}")
    print("--- stdout (first 2000 characters)\n" + out[:2000])
    print("--- stderr\n" + err[:2000])
    for p in problems:
        print("FAIL: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
