"""Shared inputs and paths for the binding's tests.

The documents below were written for these tests. Paths come from the
environment that tests/python.cmake sets: KGR_PARSE (the kgr-parse CLI),
KGR_SEEDS_DIR (the seed documents, may be absent), KGR_DATA_DIR (the
bundled samples) and KGR_SOURCE_DIR (the project).
"""

import os
import pathlib

import pytest

# A short appeal: title, date line, two calls, three numbered signatories.
APPEAL = """\
TAJIKISTAN: NGOS CALL FOR THE RELEASE OF DETAINED LAWYERS

14 March 2023

We, the undersigned human rights organisations, call on the authorities of \
Tajikistan to release the lawyers detained in Dushanbe and to respect the right \
to a fair trial.

We urge the government to allow independent monitors to visit places of detention.

Signed by:

1. International Partnership for Human Rights (IPHR, Belgium)
2. Norwegian Helsinki Committee
3. Steppe Legal Aid Network (Ukraine/Georgia)
"""

# A short incident report with one bracketed footnote.
REPORT = """\
Kazakhstan: Police Break Up a Rally in Almaty

Incident report by the Steppe Human Rights Network

On 2 May 2022 police in Almaty used tear gas against about 300 peaceful \
protesters. At least 12 people were detained, and two journalists were injured.[1]

Notes

[1] https://example.org/2022/05/almaty-rally-dispersed/
"""

SIGNATORIES = [
    # position, name, acronym, countries, countries_source
    (1, "International Partnership for Human Rights", "IPHR", ["BE"], "stated"),
    (2, "Norwegian Helsinki Committee", None, ["NO"], "inferred"),
    (3, "Steppe Legal Aid Network", None, ["UA", "GE"], "stated"),
]

FOOTNOTE_URL = "https://example.org/2022/05/almaty-rally-dispersed/"


def _env_path(var):
    value = os.environ.get(var)
    return pathlib.Path(value) if value else None


@pytest.fixture
def appeal():
    import kgrights
    return kgrights.parse(APPEAL, name="appeal.txt")


@pytest.fixture
def report():
    import kgrights
    return kgrights.parse(REPORT.encode("utf-8"), name="report.txt")


@pytest.fixture(scope="session")
def kgr_parse():
    path = _env_path("KGR_PARSE")
    if path is None or not path.exists():
        pytest.skip("KGR_PARSE does not name the kgr-parse CLI (set by ctest)")
    return path


@pytest.fixture(scope="session")
def seeds_dir():
    path = _env_path("KGR_SEEDS_DIR")
    if path is None or not path.is_dir() or not list(path.glob("*.txt")):
        pytest.skip(f"seed documents absent (KGR_SEEDS_DIR={path})")
    return path


@pytest.fixture(scope="session")
def data_dir():
    path = _env_path("KGR_DATA_DIR")
    if path is None or not path.is_dir() or not list(path.glob("*.txt")):
        pytest.skip(f"bundled samples absent (KGR_DATA_DIR={path})")
    return path


@pytest.fixture(scope="session")
def source_dir():
    path = _env_path("KGR_SOURCE_DIR")
    if path is None:
        path = pathlib.Path(__file__).resolve().parents[2]
    return path
