"""corroborate(): which events several documents report about the same
happening, and whether their figures agree.

The result (:class:`Corroboration`) wraps the C library's
``kgr_corroboration``, which owns copies of everything it reports; its
groups, members, figures and claims are light views into it, named after
the keys of its JSON (schema ``kgrights.corroboration/1``). It also keeps
the Documents it was given, so that a member leads back to its
:class:`~kgrights.Event` and a claim to its :class:`~kgrights.Figure`.
"""

import copy
import json

from . import _kgrights as _C
from ._document import _handles
from ._records import RecordList, _short

__all__ = ["corroborate", "Corroboration", "CorrGroup", "CorrMember", "CorrFigure",
           "CorrClaim"]


def _bound(value):
    """A claim's or figure's upper bound: None for "no upper bound"."""
    return None if value == _C.KGR_CORR_UNBOUNDED else value


def corroborate(docs, *, single=False):
    """Group the events that different documents report about the same
    happening, and check whether their figures agree.

    Two events are linked when their types are compatible (the same, or one
    family: protest, force against protesters, clash and killing are all
    unrest), their dates overlap by day, and they name the same place or
    victim (events naming neither: the same country). Undated events are
    never linked. Figures of each kind are then read as claims about the
    true number ("over 600" allows 601 and more, "686" only 686) and agree
    when one number satisfies them all.

    Parameters
    ----------
    docs : iterable of Document
        The documents, in the order that ``document_index`` refers to.
    single : bool
        Also return what only one document reports (every dated event is
        then in a group: a merged timeline of the corpus).

    Returns
    -------
    Corroboration

    Raises
    ------
    TypeError
        An item is not a :class:`~kgrights.Document`.
    ValueError
        A document is closed.

    Example::

        c = kgrights.corroborate(kgrights.parse_many(paths))
        for group in c.groups:
            for fig in group.figures:
                print(group.date_start, fig.kind, fig.agreement,
                      [(cl.document_name, cl.text) for cl in fig.claims])
    """
    docs, handles = _handles(docs)
    flags = _C.KGR_CORROBORATE_SINGLE if single else _C.KGR_CORROBORATE_DEFAULT
    return Corroboration._wrap(_C.kgr_corroborate(handles, flags), docs, bool(single))


def _recorroborate(docs, single):
    return corroborate(docs, single=single)


class Corroboration:
    """The result of :func:`kgrights.corroborate`.

    ``groups`` is a read-only sequence of :class:`CorrGroup`, ordered by
    first day. :meth:`to_json` and :meth:`to_dict` give the C library's
    JSON (schema ``kgrights.corroboration/1``, as ``kgr-corroborate
    --format json`` prints it). The result holds its own copy of what it
    reports, and a reference to each document, which members and claims use
    to return their :class:`~kgrights.Event` and :class:`~kgrights.Figure`.
    It pickles by corroborating the (re-parsed) documents again.
    """

    __slots__ = ("_swig", "_docs", "_single", "_cache", "__weakref__")

    def __init__(self, *args, **kwargs):
        raise TypeError("use kgrights.corroborate()")

    @classmethod
    def _wrap(cls, swig_result, docs, single):
        self = object.__new__(cls)
        self._swig = swig_result  # owns the kgr_corroboration; its destructor frees it
        self._docs = docs         # the Documents, in document_index order
        self._single = single     # the `single` argument, for pickling
        self._cache = None        # json.loads of to_json(), built on demand
        return self

    def _handle(self):
        return self._swig

    def _tree(self):
        if self._cache is None:
            self._cache = json.loads(self.to_json(compact=True))
        return self._cache

    @property
    def documents(self):
        """The documents given to :func:`corroborate` (a tuple of
        :class:`~kgrights.Document`), in ``document_index`` order."""
        return self._docs

    @property
    def single(self):
        """Whether groups reported by one document only are included."""
        return self._single

    @property
    def groups(self):
        """The groups, ordered by first day: a read-only sequence of
        :class:`CorrGroup`."""
        def make(corr, handle, i):
            return CorrGroup(corr, _C.kgr_corroboration_group(handle, i), ("groups", i))
        return RecordList(self, "groups", _C.kgr_corroboration_group_count, make)

    @property
    def conflict_count(self):
        """How many figure kinds, over all groups, conflict (int)."""
        return _C.kgr_corroboration_conflict_count(self._swig)

    @property
    def conflicts(self):
        """Every figure kind in conflict, over all groups (list of
        :class:`CorrFigure`; ``figure.group`` is its group)."""
        return [fig for group in self.groups for fig in group.conflicts]

    def to_json(self, compact=False, ascii=False):
        """The result as JSON text (schema ``kgrights.corroboration/1``),
        written by the C library. `compact` gives one line; `ascii` escapes
        every non-ASCII character."""
        flags = _C.KGR_JSON_DEFAULT
        if compact:
            flags |= _C.KGR_JSON_COMPACT
        if ascii:
            flags |= _C.KGR_JSON_ASCII
        return _C.kgr_corroboration_to_json(self._swig, flags)

    def to_dict(self):
        """The result as plain dicts and lists: ``json.loads(c.to_json())``."""
        return json.loads(self.to_json(compact=True))

    def __reduce__(self):
        return (_recorroborate, (self._docs, self._single))

    def __repr__(self):
        return (f"<kgrights.Corroboration documents={len(self._docs)} "
                f"groups={len(self.groups)} conflicts={self.conflict_count}>")


class _CorrView:
    """Base of the views into a Corroboration: read-only, equal when they
    are the same item of the same result, and keeping the result alive."""

    __slots__ = ("_corr", "_rec", "_path")
    #: Attribute names shown by repr().
    _fields = ()

    def __init__(self, corr, rec, path):
        self._corr = corr   # the Corroboration: keeps the C result alive
        self._rec = rec     # the SWIG proxy of the C struct
        self._path = path   # where the item sits in corroboration.to_dict()

    @property
    def corroboration(self):
        """The :class:`Corroboration` this item belongs to."""
        return self._corr

    def to_dict(self):
        """This item as a dict, equal to its part of
        ``Corroboration.to_dict()``."""
        node = self._corr._tree()
        for key in self._path:
            node = node[key]
        return copy.deepcopy(node)

    def _child(self, cls, key, count, item):
        return [cls(self._corr, item(i), self._path + (key, i)) for i in range(count)]

    def _extra_repr(self):
        return ""

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._corr is other._corr and self._path == other._path

    def __hash__(self):
        return hash((id(self._corr), self._path))

    def __repr__(self):
        body = ", ".join(f"{f}={_short(getattr(self, f))}" for f in self._fields)
        return f"{type(self).__name__}({body}{self._extra_repr()})"

    def __reduce__(self):
        raise TypeError(f"{type(self).__name__} cannot be pickled: pickle the "
                        "Corroboration, or send item.to_dict()")


class _FromDocument(_CorrView):
    """A view that names one event of one of the documents."""

    __slots__ = ()

    @property
    def document_name(self):
        """The document's name, or ``"doc#N"`` when it has none (str)."""
        return self._rec.doc_name

    @property
    def document_index(self):
        """The document's index in :attr:`Corroboration.documents` (int)."""
        return self._rec.doc

    @property
    def document(self):
        """The :class:`~kgrights.Document` itself."""
        return self._corr._docs[self._rec.doc]

    @property
    def event_index(self):
        """The event's index in ``document.events`` (int)."""
        return self._rec.event

    @property
    def event(self):
        """The :class:`~kgrights.Event` record (ValueError if its document
        was closed)."""
        return self.document.events[self._rec.event]

    @property
    def text(self):
        """The text as written (str)."""
        return self._rec.text

    @property
    def span(self):
        """(start, end) byte offsets of the text in its document's input."""
        return self._rec.span


class CorrMember(_FromDocument):
    """One event of a group: which document reports it, and how."""

    __slots__ = ()
    _fields = ("document_name", "event_index", "type", "date_start", "date_end", "text")

    @property
    def type(self):
        """The event's type ('protest', 'force_against_protesters', ...)."""
        return _C.kgr_event_type_name(self._rec.type)

    @property
    def date_start(self):
        """The event's first day, 'YYYY-MM-DD', or None."""
        return self._rec.date_start

    @property
    def date_end(self):
        """The event's last day, 'YYYY-MM-DD', or None."""
        return self._rec.date_end


class CorrClaim(_FromDocument):
    """One figure read as a claim about the true number: "over 600" claims
    601 or more (``low=601, high=None``), "686" exactly 686, "about 50"
    40 to 60, "hundreds" 200 to 999."""

    __slots__ = ()
    _fields = ("document_name", "event_index", "text", "value", "qualifier", "low", "high")

    @property
    def figure_index(self):
        """The figure's index in ``event.figures`` (int)."""
        return self._rec.figure

    @property
    def figure(self):
        """The :class:`~kgrights.Figure` record (ValueError if its document
        was closed)."""
        return self.event.figures[self._rec.figure]

    @property
    def value(self):
        """The number as written (int)."""
        return self._rec.value

    @property
    def qualifier(self):
        """'exact', 'over', 'under' or 'about'."""
        return _C.kgr_qualifier_name(self._rec.qualifier)

    @property
    def low(self):
        """The smallest number the figure allows (int)."""
        return self._rec.low

    @property
    def high(self):
        """The largest number the figure allows, or None when unbounded."""
        return _bound(self._rec.high)


class CorrFigure(_CorrView):
    """The figures of one kind in a group, reconciled.

    ``agreement`` is ``"agree"`` (two or more documents, and one number
    satisfies every claim: ``low``..``high`` are those numbers),
    ``"single"`` (one document only) or ``"conflict"`` (no number satisfies
    them all: ``low``..``high`` is the range they span and ``conflict`` two
    claims that cannot both be true).
    """

    __slots__ = ()
    _fields = ("kind", "agreement", "low", "high", "document_count")

    @property
    def kind(self):
        """'killed', 'injured', 'detained', ... (str)."""
        return _C.kgr_figure_kind_name(self._rec.kind)

    @property
    def agreement(self):
        """'single', 'agree' or 'conflict'."""
        return _C.kgr_agreement_name(self._rec.agreement)

    @property
    def document_count(self):
        """How many distinct documents give a claim (int; JSON
        ``documents``)."""
        return self._rec.document_count

    @property
    def low(self):
        """Agree or single: the smallest number every claim allows;
        conflict: the lowest the claims allow (int)."""
        return self._rec.low

    @property
    def high(self):
        """The upper end of that range, or None when unbounded."""
        return _bound(self._rec.high)

    @property
    def claims(self):
        """The claims, in document order (list of :class:`CorrClaim`)."""
        rec = self._rec
        return self._child(CorrClaim, "claims", rec.claim_count, rec.claim)

    @property
    def conflict(self):
        """Conflict only: (claim, claim) that cannot both be true, the one
        with the lowest upper bound first; else None."""
        rec = self._rec
        if rec.agreement != _C.KGR_AGREEMENT_CONFLICT:
            return None
        claims = self.claims
        return claims[rec.conflict_a], claims[rec.conflict_b]

    @property
    def group(self):
        """The :class:`CorrGroup` this figure belongs to."""
        return self._corr.groups[self._path[1]]

    def _extra_repr(self):
        return f", claims={self._rec.claim_count}"


class CorrGroup(_CorrView):
    """Events that report one happening, from one or more documents."""

    __slots__ = ()
    _fields = ("types", "date_start", "date_end", "places", "document_count")

    @property
    def types(self):
        """Distinct event types, in order of first member (list of str)."""
        return [_C.kgr_event_type_name(t) for t in self._rec.types]

    @property
    def date_start(self):
        """The first day of any member, 'YYYY-MM-DD' (None when undated)."""
        return self._rec.date_start

    @property
    def date_end(self):
        """The last day of any member, 'YYYY-MM-DD' (None when undated)."""
        return self._rec.date_end

    @property
    def places(self):
        """Distinct place names, in member order (list of str)."""
        return self._rec.places

    @property
    def document_count(self):
        """How many distinct documents report it (int; JSON ``documents``)."""
        return self._rec.document_count

    @property
    def members(self):
        """The events, by document then event (list of :class:`CorrMember`)."""
        rec = self._rec
        return self._child(CorrMember, "members", rec.member_count, rec.member)

    @property
    def figures(self):
        """One entry per figure kind reported (list of :class:`CorrFigure`)."""
        rec = self._rec
        return self._child(CorrFigure, "figures", rec.figure_count, rec.figure)

    @property
    def conflicts(self):
        """The figures whose claims conflict (list of :class:`CorrFigure`)."""
        return [f for f in self.figures if f._rec.agreement == _C.KGR_AGREEMENT_CONFLICT]

    def figure(self, kind):
        """The :class:`CorrFigure` of `kind` ('injured', ...), or None."""
        for f in self.figures:
            if f.kind == kind:
                return f
        return None

    def _extra_repr(self):
        return f", members={self._rec.member_count}, figures={self._rec.figure_count}"
