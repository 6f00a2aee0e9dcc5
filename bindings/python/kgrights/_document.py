"""The parsed document: its header fields and its record lists."""

import json

from . import _kgrights as _C
from ._records import (
    Demand, Diagnostic, Event, Figure, Footnote, Issuer, Link, Mention,
    Organization, Person, Place, RecordList, Section, Signatory,
)

__all__ = ["Document"]


def _records(key, cls, count, item):
    """A property giving a RecordList of `cls` built from the C accessors
    count(handle) and item(handle, i)."""
    def make(doc, handle, i):
        return cls(doc, item(handle, i), (key, i))

    def get(self):
        return RecordList(self, key, count, make)
    get.__name__ = key
    return property(get, doc=f"The document's {key}: a sequence of "
                             f":class:`~kgrights.{cls.__name__}`.")


def _names(key, count, item, name):
    """A property giving a RecordList of vocabulary strings."""
    def make(doc, handle, i):
        return name(item(handle, i))

    def get(self):
        return RecordList(self, key, count, make)
    get.__name__ = key
    return property(get, doc=f"The document's {key}: a sequence of str.")


def _header(fn, doc, conv=None):
    if conv is None:
        def get(self):
            return fn(self._handle())
    else:
        def get(self):
            return conv(fn(self._handle()))
    return property(get, doc=doc)


def _handles(docs):
    """(docs as a tuple, their C handles) for an iterable of Documents:
    TypeError for anything else, ValueError for a closed one."""
    docs = tuple(docs)
    for i, doc in enumerate(docs):
        if not isinstance(doc, Document):
            raise TypeError(f"docs[{i}] is {type(doc).__name__}, not a kgrights.Document")
    return docs, [doc._handle() for doc in docs]


def _unpickle(data, options):
    from ._parse import parse
    return parse(data, **options)


class Document:
    """A parsed document (schema ``kgrights.document/1``).

    Made by :func:`kgrights.parse`, :func:`~kgrights.parse_file` or
    :func:`~kgrights.parse_many`; never built directly. Header fields are
    attributes (``kind``, ``title``, ``date``...) and each record list is a
    read-only sequence of typed records (``doc.signatories[0].name``).
    Records keep the document alive. The C memory is released when the last
    reference goes, or at once by :meth:`close` (or a ``with`` block), after
    which the document and its records raise ValueError.

    A Document pickles by re-parsing its input on the other side.
    """

    __slots__ = ("_swig", "_options", "_cache", "__weakref__")

    def __init__(self, *args, **kwargs):
        raise TypeError("use kgrights.parse(), parse_file() or parse_many()")

    @classmethod
    def _wrap(cls, swig_doc, options):
        self = object.__new__(cls)
        self._swig = swig_doc    # owns the kgr_doc; its destructor frees it
        self._options = options  # what parse() was given, for pickling
        self._cache = None       # json.loads of the record, built on demand
        return self

    def _handle(self):
        handle = self._swig
        if handle is None:
            raise ValueError("the document is closed")
        return handle

    def _tree(self):
        if self._cache is None:
            self._cache = json.loads(self.to_json(compact=True))
        return self._cache

    # -- lifetime -----------------------------------------------------------

    def close(self):
        """Release the document's memory now. Idempotent. Afterwards the
        document and every record taken from it raise ValueError."""
        handle, self._swig = self._swig, None
        self._cache = None
        if handle is not None:
            handle.close()

    @property
    def closed(self):
        """True after :meth:`close`."""
        return self._swig is None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __reduce__(self):
        options = dict(self._options)
        options["name"] = self.name
        return (_unpickle, (self.input, options))

    # -- header ---------------------------------------------------------------

    name = _header(_C.kgr_doc_name, "The source name given at parse time (file name for "
                   "parse_file), or None.")
    sha256 = _header(_C.kgr_doc_sha256, "The input's SHA-256, 64 lowercase hex digits.")
    kind = _header(_C.kgr_doc_kind, "'appeal', 'incident_report' or 'unknown'.",
                   _C.kgr_kind_name)
    title = _header(_C.kgr_doc_title, "The headline with whitespace collapsed, or None.")
    date = _header(_C.kgr_doc_date, "The publication date, 'YYYY-MM-DD', or None.")
    date_source = _header(_C.kgr_doc_date_source,
                          "'stated' (a date line), 'inferred', or None.",
                          _C.kgr_date_source_name)
    country = _header(_C.kgr_doc_country,
                      "ISO 3166-1 alpha-2 code of the country the document is about, or None.")

    @property
    def title_span(self):
        """(start, end) of the headline, or None when there is no title."""
        handle = self._handle()
        return _C.kgr_doc_title_span(handle) if _C.kgr_doc_title(handle) is not None else None

    @property
    def issuer(self):
        """The publishing organisation (:class:`~kgrights.Issuer`), or None."""
        rec = _C.kgr_doc_issuer(self._handle())
        return None if rec is None else Issuer(self, rec, ("issuer",))

    @property
    def input(self):
        """The input bytes, as parsed (spans index these)."""
        return _C.kgr_doc_input(self._handle())

    @property
    def size(self):
        """The input's length in bytes."""
        return len(self.input)

    def excerpt(self, span):
        """The input text at `span` ((start, end), or any record with a
        ``span``), decoded as UTF-8 with undecodable bytes replaced."""
        if hasattr(span, "span"):
            span = span.span
        start, end = span
        return self.input[start:end].decode("utf-8", "replace")

    def locate(self, offset):
        """(line, column) of a byte offset, both 1-based (column in code
        points). Raises ValueError past the end of the input."""
        found, line, column = _C.kgr_doc_locate(self._handle(), offset)
        if not found:
            raise ValueError(f"offset {offset} is past the end of the input")
        return line, column

    # -- records ----------------------------------------------------------------

    addressees = _records("addressees", Mention, _C.kgr_doc_addressee_count, _C.kgr_doc_addressee)
    demands = _records("demands", Demand, _C.kgr_doc_demand_count, _C.kgr_doc_demand)
    signatories = _records("signatories", Signatory, _C.kgr_doc_signatory_count,
                           _C.kgr_doc_signatory)
    events = _records("events", Event, _C.kgr_doc_event_count, _C.kgr_doc_event)
    figures = _records("figures", Figure, _C.kgr_doc_figure_count, _C.kgr_doc_figure)
    persons = _records("persons", Person, _C.kgr_doc_person_count, _C.kgr_doc_person)
    organizations = _records("organizations", Organization, _C.kgr_doc_organization_count,
                             _C.kgr_doc_organization)
    places = _records("places", Place, _C.kgr_doc_place_count, _C.kgr_doc_place)
    footnotes = _records("footnotes", Footnote, _C.kgr_doc_footnote_count, _C.kgr_doc_footnote)
    links = _records("links", Link, _C.kgr_doc_link_count, _C.kgr_doc_link)
    instruments = _records("instruments", Mention, _C.kgr_doc_instrument_count,
                           _C.kgr_doc_instrument)
    sections = _records("sections", Section, _C.kgr_doc_section_count, _C.kgr_doc_section)
    diagnostics = _records("diagnostics", Diagnostic, _C.kgr_doc_diagnostic_count,
                           _C.kgr_doc_diagnostic)
    rights = _names("rights", _C.kgr_doc_right_count, _C.kgr_doc_right, _C.kgr_right_name)
    means = _names("means", _C.kgr_doc_means_count, _C.kgr_doc_means, _C.kgr_means_name)

    # -- output -------------------------------------------------------------------

    def to_json(self, compact=False, ascii=False):
        """The record as JSON text, written by the C library (the same bytes
        as ``kgr-parse --format json``). `compact` gives one line; `ascii`
        escapes every non-ASCII character."""
        flags = _C.KGR_JSON_DEFAULT
        if compact:
            flags |= _C.KGR_JSON_COMPACT
        if ascii:
            flags |= _C.KGR_JSON_ASCII
        return _C.kgr_doc_to_json(self._handle(), flags)

    def to_dict(self):
        """The record as plain dicts and lists: ``json.loads(doc.to_json())``
        (it is built from the C writer, so the two always agree)."""
        return json.loads(self.to_json(compact=True))

    def to_format(self, fmt, header=True, *, crlf=False, compact=False):
        """The document in a table or map format, written by the C library
        (the same text as ``kgr-parse --format FMT`` for one file).

        Parameters
        ----------
        fmt : str
            ``"csv"`` (one row per event), ``"acled"`` (ACLED's columns: one
            row per event and located place; events with no ACLED category
            are left out), ``"hxl"`` (CSV with HXL hashtags, rows as for
            ACLED), ``"geojson"`` (a FeatureCollection of the located events)
            or ``"signatories"`` (one row per signatory).
        header : bool
            Tables: start with the header row (HXL: and the hashtag row).
            Pass False for every document but the first to build one table
            from several. GeoJSON ignores it.
        crlf : bool
            Tables: end rows with ``"\\r\\n"`` as RFC 4180 does (default ``"\\n"``).
        compact : bool
            GeoJSON: one line.

        Returns
        -------
        str
            Tables end with a line break; GeoJSON does not.

        Raises
        ------
        ValueError
            Unknown format name, or the document is closed.

        Columns and conventions are documented in ``kgr_formats.h``. Example::

            rows = "".join(d.to_format("acled", header=(i == 0))
                           for i, d in enumerate(docs))
        """
        if not isinstance(fmt, str):
            raise TypeError(f"format must be str, not {type(fmt).__name__}")
        if "\0" in fmt:
            raise ValueError("the format name contains a NUL character")
        flags = _C.KGR_FORMAT_DEFAULT
        if header:
            flags |= _C.KGR_FORMAT_HEADER
        if crlf:
            flags |= _C.KGR_FORMAT_CRLF
        if compact:
            flags |= _C.KGR_FORMAT_COMPACT
        return _C.kgr_doc_to_format(self._handle(), fmt, flags)

    def to_csv(self, header=True, *, crlf=False):
        """The events as CSV, one row per event: ``to_format("csv")``."""
        return self.to_format("csv", header, crlf=crlf)

    def to_acled(self, header=True, *, crlf=False):
        """The events in ACLED's columns (Armed Conflict Location & Event
        Data), one row per event and located place: ``to_format("acled")``."""
        return self.to_format("acled", header, crlf=crlf)

    def to_hxl(self, header=True, *, crlf=False):
        """The events as HXL-tagged CSV (Humanitarian Exchange Language):
        ``to_format("hxl")``."""
        return self.to_format("hxl", header, crlf=crlf)

    def to_geojson(self, compact=False):
        """The located events as a GeoJSON FeatureCollection (RFC 7946):
        ``to_format("geojson")``. Several documents on one map:
        :func:`kgrights.write_geojson`."""
        return self.to_format("geojson", compact=compact)

    def __repr__(self):
        if self._swig is None:
            return "<kgrights.Document (closed)>"
        title = self.title
        if title is not None and len(title) > 50:
            title = title[:47] + "..."
        return (f"<kgrights.Document name={self.name!r} kind={self.kind!r} "
                f"date={self.date!r} title={title!r} "
                f"signatories={len(self.signatories)} events={len(self.events)} "
                f"figures={len(self.figures)}>")
