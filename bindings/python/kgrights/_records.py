"""Typed, read-only records of a parsed document.

Each record is a light view of a C structure that lives in its document's
memory: it holds a reference to its :class:`~kgrights.Document`, so the
document stays alive as long as any record does. Attribute names follow the
document record (OUTPUT.md, schema ``kgrights.document/1``); spans are
``(start, end)`` byte offsets into the original input, half-open;
vocabulary values are the record's strings (``"force_against_protesters"``).
"""

import copy
import operator
from collections.abc import Sequence

from . import _kgrights as _C

__all__ = [
    "Record", "RecordList", "Signatory", "Demand", "Event", "Date", "Figure",
    "Person", "Actor", "Place", "Organization", "Footnote", "Link", "Section",
    "Diagnostic", "Mention", "Issuer",
]


def _attr(name, doc, conv=None):
    """A read-only property reading field `name` of the C record."""
    if conv is None:
        def get(self):
            return getattr(self._c(), name)
    else:
        def get(self):
            return conv(getattr(self._c(), name))
    get.__name__ = name
    return property(get, doc=doc)


def _short(value):
    if isinstance(value, str) and len(value) > 60:
        return repr(value[:57] + "...")
    return repr(value)


class Record:
    """Base class of the typed records.

    Records are read-only. :meth:`to_dict` gives the record exactly as the
    JSON writer does (``json.loads`` form: spans are lists there).
    """

    __slots__ = ("_doc", "_rec", "_path")
    #: Attribute names shown by repr(), in record order.
    _fields = ()

    def __init__(self, doc, rec, path):
        self._doc = doc     # the kgrights.Document: keeps the memory alive
        self._rec = rec     # the SWIG proxy of the C struct
        self._path = path   # where the record sits in doc.to_dict()

    def _c(self):
        """The C record, after checking that the document is still open."""
        self._doc._handle()
        return self._rec

    @property
    def document(self):
        """The :class:`~kgrights.Document` this record belongs to."""
        return self._doc

    def to_dict(self):
        """This record as a dict, equal to its part of ``Document.to_dict()``."""
        node = self._doc._tree()
        for key in self._path:
            node = node[key]
        return copy.deepcopy(node)

    def __eq__(self, other):
        """Records are equal when they are the same record of the same
        Document object."""
        if type(other) is not type(self):
            return NotImplemented
        return self._doc is other._doc and self._path == other._path

    def __hash__(self):
        return hash((id(self._doc), self._path))

    def __repr__(self):
        body = ", ".join(f"{f}={_short(getattr(self, f))}" for f in self._fields)
        return f"{type(self).__name__}({body})"

    def __reduce__(self):
        raise TypeError(f"{type(self).__name__} records cannot be pickled: "
                        "pickle the Document, or send record.to_dict()")


def _span_doc(what):
    return f"(start, end) byte offsets of {what} in the original input"


class Mention(Record):
    """A quoted text with its span: an addressee or a legal instrument.

    ``str(mention)`` is its text.
    """

    __slots__ = ()
    _fields = ("text", "span")
    text = _attr("text", "the text as written (str)")
    span = _attr("span", _span_doc("the text"))

    def __str__(self):
        return self.text or ""

    def to_dict(self):
        """``{"text": ..., "span": [start, end]}`` (the JSON record lists
        addressees and instruments as plain strings)."""
        return {"text": self.text, "span": list(self.span)}


class Issuer(Record):
    """The publishing organisation or network."""

    __slots__ = ()
    _fields = ("name", "acronym", "span")
    name = _attr("name", "the organisation's name (str)")
    acronym = _attr("acronym", "its acronym, or None")
    span = _attr("span", _span_doc("the name"))


class Demand(Record):
    """A call, recommendation or "must" statement."""

    __slots__ = ()
    _fields = ("text", "addressee", "themes", "span")
    text = _attr("text", "the call, reflowed into one line (str)")
    addressee = _attr("addressee", "who is called upon, or None")
    themes = _attr("themes", "themes (list of str: 'dialogue', 'elections', ...)",
                   lambda ts: [_C.kgr_theme_name(t) for t in ts])
    span = _attr("span", _span_doc("the demand"))


class Signatory(Record):
    """An organisation or person that signed.

    ``"(IPHR, Belgium)"`` after a name gives ``acronym='IPHR'``,
    ``countries=['BE']`` and ``countries_source='stated'``.
    """

    __slots__ = ()
    _fields = ("position", "name", "acronym", "countries", "countries_source", "span")
    position = _attr("position", "number in the signatory list, or None when unnumbered",
                     lambda p: p if p > 0 else None)
    name = _attr("name", "the signatory's name (str)")
    acronym = _attr("acronym", "its acronym, or None")
    countries = _attr("countries", "ISO 3166-1 alpha-2 codes (list of str)")
    countries_source = _attr(
        "countries_source", "'stated', 'inferred' (from the name), or None",
        _C.kgr_countries_source_name)
    span = _attr("span", _span_doc("the signatory's line"))


class Date(Record):
    """A date or date range of an event.

    ``start``/``end`` are ISO days (the first/last day of the month or year
    at coarser precision), or None when the year could not be resolved.
    """

    __slots__ = ()
    _fields = ("start", "end", "precision", "year_source", "text")
    start = _attr("start_iso", "first day, 'YYYY-MM-DD', or None")
    end = _attr("end_iso", "last day, 'YYYY-MM-DD', or None")
    precision = _attr("precision", "'day', 'month', 'year', or None",
                      _C.kgr_precision_name)
    year_source = _attr(
        "year_source", "where the year came from: 'stated', 'document', "
        "'reference', 'url', or None", _C.kgr_year_source_name)
    text = _attr("text", "the date as written (str)")
    span = _attr("span", _span_doc("the date"))
    start_ymd = _attr("start", "(year, month, day) of the start; 0 means not given")
    end_ymd = _attr("end", "(year, month, day) of the end; 0 means not given")


class Figure(Record):
    """A count about people or incidents ("over 600 people being injured")."""

    __slots__ = ()
    _fields = ("kind", "value", "qualifier", "unit_text", "date", "sources", "text", "span")
    kind = _attr("kind", "'killed', 'injured', 'detained', ... (str)",
                 _C.kgr_figure_kind_name)
    value = _attr("value", "the number (int)")
    qualifier = _attr("qualifier", "'exact', 'over', 'under' or 'about'",
                      _C.kgr_qualifier_name)
    unit_text = _attr("unit_text", "the counted noun as written, or None")
    date = _attr("date", "ISO date of the sentence's date, or None")
    sources = _attr("sources", "footnote numbers backing the figure (list of int)")
    text = _attr("text", "the figure's phrase as written (str)")
    span = _attr("span", _span_doc("the phrase"))


class Place(Record):
    """A named place, with coordinates from the library's gazetteer."""

    __slots__ = ()
    _fields = ("name", "country", "admin1", "lat", "lon", "span")
    name = _attr("name", "the place's name (str)")
    country = _attr("country", "ISO 3166-1 alpha-2 code, or None")
    admin1 = _attr("admin1", "first-level region, or None")
    span = _attr("span", _span_doc("the first mention"))

    # Coordinates are rounded to the 5 decimals (about 1 m) that the JSON
    # writer prints, so that attributes and to_dict() agree exactly.
    @property
    def lat(self):
        """Latitude in degrees (5 decimals), or None when unknown."""
        rec = self._c()
        return round(rec.lat, 5) if rec.has_coordinates else None

    @property
    def lon(self):
        """Longitude in degrees (5 decimals), or None when unknown."""
        rec = self._c()
        return round(rec.lon, 5) if rec.has_coordinates else None


class Person(Record):
    """A named person ("Aibol Kozhomuratov, a reporter for Current Time")."""

    __slots__ = ()
    _fields = ("name", "roles", "affiliation", "span")
    name = _attr("name", "the person's name (str)")
    roles = _attr("roles", "roles as written (list of str)")
    affiliation = _attr("affiliation", "organisation the person works for, or None")
    span = _attr("span", _span_doc("the mention"))


class Actor(Record):
    """Who acted in an event."""

    __slots__ = ()
    _fields = ("name", "category")
    name = _attr("name", "the actor as written (str)")
    category = _attr("category", "'state_forces', 'protesters', ... (str)",
                     _C.kgr_actor_category_name)


class Organization(Record):
    """A named organisation other than a signatory."""

    __slots__ = ()
    _fields = ("name", "acronym", "country", "span")
    name = _attr("name", "the organisation's name (str)")
    acronym = _attr("acronym", "its acronym, or None")
    country = _attr("country", "ISO 3166-1 alpha-2 code, or None")
    span = _attr("span", _span_doc("the first mention"))


class Footnote(Record):
    """A numbered note and the URLs in it."""

    __slots__ = ()
    _fields = ("number", "text", "urls", "span")
    number = _attr("number", "the note's number (int)")
    text = _attr("text", "the note's text (str)")
    urls = _attr("urls", "URLs in the note (list of str)")
    span = _attr("span", _span_doc("the note"))


class Link(Record):
    """An inline link such as ``[anchor text](target)``."""

    __slots__ = ()
    _fields = ("text", "target", "span")
    text = _attr("text", "the anchor text (str)")
    target = _attr("target", "the link target (str)")
    span = _attr("span", _span_doc("the link"))


class Section(Record):
    """A section of the document: title, body, "Background", "Signed by"..."""

    __slots__ = ()
    _fields = ("heading", "span")
    heading = _attr("heading", "the heading as written, or None for the untitled body")
    span = _attr("span", _span_doc("the heading and content"))


class Diagnostic(Record):
    """Something the parser could not read, or a note about how it read it."""

    __slots__ = ()
    _fields = ("severity", "code", "message", "span")
    severity = _attr("severity", "'info', 'warning' or 'error'", _C.kgr_severity_name)
    code = _attr("code", "stable machine-readable code ('invalid-utf8', ...)")
    message = _attr("message", "English explanation (str)")
    span = _attr("span", _span_doc("what the diagnostic is about"))


class Event(Record):
    """One distinct happening: type, date, places, actors, victims, means,
    figures and the footnotes that back it."""

    __slots__ = ()
    _fields = ("type", "date", "places", "means", "figures", "sources", "text", "span")
    type = _attr("type", "'protest', 'force_against_protesters', ... (str)",
                 _C.kgr_event_type_name)
    means = _attr("means", "means of force used (list of str: 'tear_gas', ...)",
                  lambda ms: [_C.kgr_means_name(m) for m in ms])
    sources = _attr("sources", "footnote numbers (list of int)")
    text = _attr("text", "the sentence(s), reflowed (str)")
    span = _attr("span", _span_doc("the sentence(s)"))

    @property
    def date(self):
        """The event's :class:`Date`, or None when no date applies."""
        d = self._c().date_record()
        return None if d is None else Date(self._doc, d, self._path + ("date",))

    def _children(self, cls, key, count, item):
        rec = self._c()
        return [cls(self._doc, item(rec, i), self._path + (key, i))
                for i in range(count(rec))]

    @property
    def places(self):
        """Places where it happened (list of :class:`Place`)."""
        return self._children(Place, "places", lambda r: r.place_count,
                              lambda r, i: r.place(i))

    @property
    def actors(self):
        """Who acted (list of :class:`Actor`)."""
        return self._children(Actor, "actors", lambda r: r.actor_count,
                              lambda r, i: r.actor(i))

    @property
    def victims(self):
        """Named victims (list of :class:`Person`)."""
        return self._children(Person, "victims", lambda r: r.victim_count,
                              lambda r, i: r.victim(i))

    @property
    def figures(self):
        """Counts reported about this event (list of :class:`Figure`)."""
        return self._children(Figure, "figures", lambda r: r.figure_count,
                              lambda r, i: r.figure(i))

    @property
    def acled(self):
        """``{"event_type", "sub_event_type"}`` of the ACLED category that the
        type maps to, or None where none fits."""
        event_type, sub = _C.kgr_event_type_acled(self._c().type)
        if event_type is None:
            return None
        return {"event_type": event_type, "sub_event_type": sub}


class RecordList(Sequence):
    """A read-only sequence of a document's records (``doc.signatories``).

    Supports ``len()``, indexing (negative indexes too; IndexError past the
    end), slicing (a list) and iteration. It keeps its document alive.
    """

    __slots__ = ("_doc", "_key", "_count", "_make")

    def __init__(self, doc, key, count, make):
        self._doc = doc
        self._key = key        # the record's JSON key ("signatories")
        self._count = count    # handle -> int
        self._make = make      # (doc, handle, i) -> item

    def __len__(self):
        return self._count(self._doc._handle())

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        i = operator.index(index)
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"{self._key} index {index} out of range ({n} items)")
        return self._make(self._doc, self._doc._handle(), i)

    def __iter__(self):
        for i in range(len(self)):
            yield self._make(self._doc, self._doc._handle(), i)

    def __repr__(self):
        return f"<{self._key}: {len(self)} items>"

    def to_list(self):
        """The items as a list (records, or strings for rights and means)."""
        return list(self)
