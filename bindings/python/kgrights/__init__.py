"""kgrights: typed, source-linked records from human-rights documents.

A binding of libkgrights, which reads joint civil-society appeals and
incident reports and returns their record: title, date, issuer,
signatories, demands, events, casualty figures, people, places, footnotes...
every item with the byte span of the text it came from.

    import kgrights

    doc = kgrights.parse_file("appeal.txt")
    doc.kind, doc.title, doc.date
    for s in doc.signatories:
        print(s.position, s.name, s.acronym, s.countries)
    doc.to_dict()                    # the JSON record as dicts and lists

    docs = kgrights.parse_many(paths, workers=4)       # threads, in order
    df = kgrights.to_dataframe(docs, "signatories")    # needs pandas

    doc.to_acled()                   # also to_csv, to_hxl, to_geojson, to_format
    kgrights.write_geojson(docs)     # every document on one map
    c = kgrights.corroborate(docs)   # who reports the same happening
    for group in c.groups:
        for fig in group.figures:    # "over 600" and "686" injured: "agree"
            print(group.date_start, fig.kind, fig.agreement)

The record format is schema ``kgrights.document/1`` (OUTPUT.md); attribute
names match its keys. Parsing releases the GIL.
"""

from . import _kgrights
from ._corroborate import (
    CorrClaim, CorrFigure, CorrGroup, CorrMember, Corroboration, corroborate,
)
from ._dataframe import to_dataframe
from ._document import Document
from ._formats import write_geojson
from ._parse import ParseError, Status, parse, parse_file, parse_many
from ._records import (
    Actor, Date, Demand, Diagnostic, Event, Figure, Footnote, Issuer, Link, Mention,
    Organization, Person, Place, Record, RecordList, Section, Signatory,
)

__version__ = _kgrights.kgr_version_string()
_v = _kgrights.kgr_version()
#: (major, minor, patch) of the loaded C library.
version_info = (_v >> 16, (_v >> 8) & 0xFF, _v & 0xFF)
del _v

# Public objects present themselves as kgrights.X (help(), repr, docs).
for _obj in (parse, parse_file, parse_many, to_dataframe, write_geojson, corroborate, Status,
             Document, Record, RecordList, Actor, Date, Demand, Diagnostic, Event, Figure,
             Footnote, Issuer, Link, Mention, Organization, Person, Place, Section, Signatory,
             Corroboration, CorrGroup, CorrMember, CorrFigure, CorrClaim):
    _obj.__module__ = __name__
del _obj

__all__ = [
    "parse", "parse_file", "parse_many", "to_dataframe", "ParseError", "Status",
    "Document", "Record", "RecordList", "Signatory", "Demand", "Event", "Date",
    "Figure", "Person", "Actor", "Place", "Organization", "Footnote", "Link",
    "Section", "Diagnostic", "Mention", "Issuer", "write_geojson", "corroborate",
    "Corroboration", "CorrGroup", "CorrMember", "CorrFigure", "CorrClaim",
    "__version__", "version_info",
]
