"""kgrights.corroborate(): groups of events that several documents report,
their reconciled figures, the JSON, and the result's lifetime."""

import gc
import json
import os
import pickle
import subprocess
import weakref

import pytest

import kgrights
from conftest import APPEAL

_CLI_ENV = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}

# Two reports of one (invented) crackdown, same day and town, that disagree
# on the dead (2 vs 5) but not on the injured (40 vs "over 30").
REPORT_A = """\
Kazakhstan: Security Forces Fire on Striking Oil Workers in Zhanaozen

Incident report by the Caspian Monitoring Group

On 16 December 2021 security forces in Zhanaozen opened fire on striking oil \
workers who were protesting over unpaid wages. Two people were killed and 40 \
were injured.
"""

REPORT_B = """\
Kazakhstan: Deadly Crackdown on Oil Workers' Strike

Statement by the Steppe Labour Rights Centre

On 16 December 2021 police in Zhanaozen used live ammunition against a \
peaceful protest by oil workers. Five people were killed and over 30 were \
injured.
"""

# Another town, another month: linked to neither (a hard negative).
REPORT_C = """\
Kazakhstan: Activists Detained in Aktobe

Incident report by the Caspian Monitoring Group

On 3 March 2022 police in Aktobe detained 12 activists who had gathered \
outside the regional court.
"""


@pytest.fixture
def reports():
    return [kgrights.parse(t, name=n) for n, t in
            (("a.txt", REPORT_A), ("b.txt", REPORT_B), ("c.txt", REPORT_C))]


@pytest.fixture(scope="session")
def seed_docs(seeds_dir):
    paths = sorted(seeds_dir.glob("*.txt"))
    if len(paths) < 2:
        pytest.skip(f"corroboration needs two seed documents, {seeds_dir} has {len(paths)}")
    return paths


def test_written_reports_conflict_on_the_dead(reports):
    c = kgrights.corroborate(reports)
    assert isinstance(c, kgrights.Corroboration)
    assert c.documents == tuple(reports) and not c.single
    assert len(c.groups) == 1
    group = c.groups[0]
    assert isinstance(group, kgrights.CorrGroup)
    assert group.document_count == 2
    assert group.date_start == group.date_end == "2021-12-16"
    assert group.places == ["Zhanaozen"]
    assert {m.document_name for m in group.members} == {"a.txt", "b.txt"}
    assert "killing" in group.types
    # c.txt (Aktobe, March 2022) is in no group.
    assert all(m.document_index != 2 for m in group.members)

    killed = group.figure("killed")
    assert isinstance(killed, kgrights.CorrFigure)
    assert killed.agreement == "conflict"
    assert (killed.low, killed.high) == (2, 5)
    low, high = killed.conflict
    assert (low.value, low.document_name) == (2, "a.txt")
    assert (high.value, high.document_name) == (5, "b.txt")
    assert c.conflict_count == 1 and c.conflicts == [killed]
    assert group.conflicts == [killed] and killed.group == group

    injured = group.figure("injured")
    assert injured.agreement == "agree" and injured.conflict is None
    assert (injured.low, injured.high) == (40, 40)
    over = next(cl for cl in injured.claims if cl.qualifier == "over")
    assert (over.value, over.low, over.high) == (30, 31, None)
    assert group.figure("missing") is None


def test_members_and_claims_lead_back_to_records(reports):
    c = kgrights.corroborate(reports)
    group = c.groups[0]
    for member in group.members:
        assert isinstance(member, kgrights.CorrMember)
        assert member.document is reports[member.document_index]
        event = member.event
        assert isinstance(event, kgrights.Event)
        assert event == member.document.events[member.event_index]
        assert (event.type, event.span) == (member.type, member.span)
        assert event.date.start == member.date_start
        assert member.document.excerpt(member.span).startswith(member.text[:20])
    for fig in group.figures:
        for claim in fig.claims:
            figure = claim.figure
            assert isinstance(figure, kgrights.Figure)
            assert (figure.kind, figure.value, figure.text, figure.span) == \
                (fig.kind, claim.value, claim.text, claim.span)
            assert figure == claim.event.figures[claim.figure_index]


def test_single_includes_what_one_document_reports(reports):
    c = kgrights.corroborate(reports, single=True)
    assert c.single
    counts = sorted(g.document_count for g in c.groups)
    assert counts[-1] == 2 and counts[0] == 1
    aktobe = [g for g in c.groups if "Aktobe" in g.places]
    assert len(aktobe) == 1
    assert aktobe[0].document_count == 1
    assert [m.document_name for m in aktobe[0].members] == ["c.txt"]
    assert aktobe[0].figure("detained").agreement == "single"
    # Ordered by first day.
    days = [g.date_start for g in c.groups]
    assert days == sorted(days)
    # Without `single`, one document alone gives nothing.
    assert len(kgrights.corroborate(reports[2:]).groups) == 0


def test_json_and_dicts(reports):
    c = kgrights.corroborate(reports)
    tree = c.to_dict()
    assert tree == json.loads(c.to_json()) == json.loads(c.to_json(compact=True))
    assert "\n" not in c.to_json(compact=True)
    assert c.to_json(ascii=True).isascii()
    assert tree["schema"] == "kgrights.corroboration/1"
    assert [d["name"] for d in tree["documents"]] == ["a.txt", "b.txt", "c.txt"]
    assert [d["sha256"] for d in tree["documents"]] == [d.sha256 for d in reports]
    assert tree["summary"] == {"groups": 1, "figures_agree": 1, "figures_conflict": 1}
    # Each view's to_dict() is its part of the whole, and its attributes
    # say the same.
    group = c.groups[0]
    assert group.to_dict() == tree["groups"][0]
    assert group.to_dict()["documents"] == group.document_count
    for i, member in enumerate(group.members):
        d = member.to_dict()
        assert d == tree["groups"][0]["members"][i]
        assert (d["document"], d["document_index"], d["event_index"], d["type"],
                d["date_start"], d["text"], tuple(d["span"])) == \
            (member.document_name, member.document_index, member.event_index,
             member.type, member.date_start, member.text, member.span)
    for k, fig in enumerate(group.figures):
        d = fig.to_dict()
        assert d == tree["groups"][0]["figures"][k]
        assert (d["kind"], d["agreement"], d["low"], d["high"], d["documents"]) == \
            (fig.kind, fig.agreement, fig.low, fig.high, fig.document_count)
        for m, claim in enumerate(fig.claims):
            cd = claim.to_dict()
            assert cd == d["claims"][m]
            assert (cd["value"], cd["qualifier"], cd["low"], cd["high"], cd["text"]) == \
                (claim.value, claim.qualifier, claim.low, claim.high, claim.text)
    # Views are read-only snapshots: editing a dict changes nothing.
    group.to_dict()["places"].append("x")
    assert group.to_dict() == tree["groups"][0]


def test_empty_and_bad_arguments(reports):
    empty = kgrights.corroborate([])
    assert len(empty.groups) == 0 and empty.conflict_count == 0
    assert empty.to_dict()["summary"]["groups"] == 0
    assert kgrights.corroborate([kgrights.parse(APPEAL)]).groups.to_list() == []
    with pytest.raises(TypeError, match="kgrights.Document"):
        kgrights.corroborate([reports[0], REPORT_B])
    with pytest.raises(TypeError):
        kgrights.corroborate(reports[0])
    with pytest.raises(TypeError):
        kgrights.Corroboration()
    with pytest.raises(ValueError, match="flag"):
        kgrights._kgrights.kgr_corroborate([d._handle() for d in reports], 1 << 9)
    with pytest.raises(TypeError):
        kgrights._kgrights.kgr_corroborate([reports[0]], 0)  # a Document, not a handle
    reports[1].close()
    with pytest.raises(ValueError, match="closed"):
        kgrights.corroborate(reports)


def test_repr(reports):
    c = kgrights.corroborate(reports)
    assert repr(c) == "<kgrights.Corroboration documents=3 groups=1 conflicts=1>"
    assert repr(c.groups) == "<groups: 1 items>"
    group = c.groups[0]
    text = repr(group)
    assert text.startswith("CorrGroup(types=[") and "members=" in text
    assert "date_start='2021-12-16'" in text
    assert repr(group.figure("killed")).startswith(
        "CorrFigure(kind='killed', agreement='conflict', low=2, high=5")
    assert repr(group.members[0]).startswith("CorrMember(document_name='a.txt'")
    assert "value=" in repr(group.figure("killed").claims[0])


# --- Lifetime -----------------------------------------------------------------

def test_result_outlives_the_document_variables():
    d1 = kgrights.parse(REPORT_A, name="a.txt")
    d2 = kgrights.parse(REPORT_B, name="b.txt")
    ref = weakref.ref(d1)
    c = kgrights.corroborate([d1, d2])
    del d1, d2
    gc.collect()
    group = c.groups[0]
    assert group.members[0].document_name == "a.txt"
    assert group.members[0].event.type == group.members[0].type
    assert group.figure("killed").claims[1].figure.value == 5
    assert ref() is c.documents[0]  # the result keeps its documents
    # A group keeps the result (and the C memory under it) alive.
    figure = group.figure("injured")
    members = group.members
    del c, group
    gc.collect()
    assert figure.claims[0].text == "40"
    assert members[-1].document_name == "b.txt"
    assert figure.corroboration.conflict_count == 1
    del figure, members
    gc.collect()
    assert ref() is None  # ... and lets the documents go with the last view


def test_result_does_not_need_open_documents():
    # The C result holds copies: closing the documents leaves it readable;
    # only the way back to the document's records is closed.
    docs = [kgrights.parse(REPORT_A, name="a.txt"), kgrights.parse(REPORT_B, name="b.txt")]
    c = kgrights.corroborate(docs)
    for d in docs:
        d.close()
    gc.collect()
    group = c.groups[0]
    assert group.places == ["Zhanaozen"]
    assert group.figure("killed").conflict[1].text == "Five people"
    assert c.to_dict()["summary"]["figures_conflict"] == 1
    with pytest.raises(ValueError, match="closed"):
        group.members[0].event


def test_swig_level_children_hold_their_parent(reports):
    C = kgrights._kgrights
    raw = C.kgr_corroborate([d._handle() for d in reports], 0)
    group = C.kgr_corroboration_group(raw, 0)
    assert group._parent is raw
    member = group.member(0)
    assert member._parent is group
    claim = group.figure(0).claim(0)
    del raw, group
    gc.collect()
    assert member.doc_name == "a.txt"
    assert claim.doc_name in ("a.txt", "b.txt")
    assert C.kgr_corroboration_group(claim._parent._parent._parent, 5) is None
    assert member._parent.member(99) is None


def test_pickles_by_corroborating_again(reports):
    c = kgrights.corroborate(reports, single=True)
    copy = pickle.loads(pickle.dumps(c))
    assert copy is not c and copy.single
    assert copy.to_dict() == c.to_dict()
    with pytest.raises(TypeError, match="to_dict"):
        pickle.dumps(c.groups[0])


# --- The seeds ---------------------------------------------------------------

def test_seeds_agree_on_the_injured(seed_docs):
    docs = [kgrights.parse_file(p) for p in seed_docs]
    c = kgrights.corroborate(docs)
    injured = [f for g in c.groups for f in g.figures if f.kind == "injured"]
    assert injured, "no group reports injured people"
    fig = injured[0]
    assert fig.agreement == "agree"
    assert fig.document_count == 2
    claims = {(cl.qualifier, cl.value) for cl in fig.claims}
    assert ("over", 600) in claims and ("exact", 686) in claims
    assert fig.low <= 686 and (fig.high is None or fig.high >= 686)
    assert len({cl.document_index for cl in fig.claims}) == 2
    for cl in fig.claims:
        assert cl.figure.kind == "injured"
    assert fig.group.document_count == 2


def test_seeds_match_the_cli(kgr_parse, seed_docs):
    cli = kgr_parse.with_name("kgr-corroborate")
    if not cli.exists():
        pytest.skip(f"{cli} is not built")
    docs = [kgrights.parse_file(p) for p in seed_docs]
    for single, extra in ((False, []), (True, ["--single"])):
        proc = subprocess.run([str(cli), "--format", "json", *extra, *map(str, seed_docs)],
                              capture_output=True, timeout=120, env=_CLI_ENV)
        assert proc.returncode == 0, proc.stderr.decode(errors="replace")
        assert kgrights.corroborate(docs, single=single).to_dict() == json.loads(proc.stdout)
