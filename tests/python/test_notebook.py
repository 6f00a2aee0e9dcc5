"""examples/notebooks/kyrgyzstan-2020.ipynb runs headless and saves its figures."""

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest


def test_notebook_executes(tmp_path, source_dir):
    for module in ("nbconvert", "nbformat", "ipykernel", "matplotlib", "pandas"):
        pytest.importorskip(module, reason=f"{module} is not installed")
    notebook = source_dir / "examples" / "notebooks" / "kyrgyzstan-2020.ipynb"
    out = pathlib.Path(os.environ.get("KGR_NOTEBOOK_OUT") or tmp_path / "out")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    # A "python3" kernel spec for this very interpreter, found before any
    # user-level one: the kernel then sees the same packages and PYTHONPATH.
    jupyter = tmp_path / "jupyter"
    spec = jupyter / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (kgrights tests)",
        "language": "python",
    }))
    env = dict(os.environ,
               JUPYTER_DATA_DIR=str(jupyter),
               JUPYTER_CONFIG_DIR=str(tmp_path / "jupyter-config"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "jupyter-runtime"),
               IPYTHONDIR=str(tmp_path / "ipython"),
               KGR_NOTEBOOK_OUT=str(out),
               MPLBACKEND="Agg",
               PYDEVD_DISABLE_FILE_VALIDATION="1")
    env.setdefault("MPLCONFIGDIR", str(tmp_path / "mpl"))
    proc = subprocess.run(
        [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
         "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.kernel_name=python3",
         "--output-dir", str(out), "--output", "kyrgyzstan-2020.executed", str(notebook)],
        env=env, capture_output=True, text=True, timeout=540)
    assert proc.returncode == 0, proc.stderr[-6000:]

    executed = json.loads((out / "kyrgyzstan-2020.executed.ipynb").read_text(encoding="utf-8"))
    outputs = [o for cell in executed["cells"] if cell["cell_type"] == "code"
               for o in cell.get("outputs", [])]
    errors = [o for o in outputs if o["output_type"] == "error"]
    assert not errors, errors
    printed = "".join("".join(o.get("text", "")) for o in outputs if o["output_type"] == "stream")
    assert f"on {sys.executable}" in printed  # the kernel ran our interpreter
    assert re.search(r"^[1-9][0-9]* documents from ", printed, re.M), printed
    for name in ("signatories_by_country.png", "events_timeline.png"):
        data = (out / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 2000, name
