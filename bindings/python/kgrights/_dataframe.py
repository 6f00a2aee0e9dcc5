"""to_dataframe(): record lists of many documents as one pandas table.

pandas is imported when the function is called, so that the package works
without it.
"""

from ._document import Document

__all__ = ["to_dataframe"]

# The columns of each table, in record order; `span` becomes span_start and
# span_end, an event's `date` and `acled` objects become prefixed columns,
# and lists of records become lists of their names (or texts).
_COLUMNS = {
    "signatories": ["position", "name", "acronym", "countries", "countries_source"],
    "demands": ["text", "addressee", "themes"],
    "events": ["type", "date_start", "date_end", "date_precision", "date_year_source",
               "date_text", "places", "actors", "actor_categories", "victims", "means",
               "figures", "sources", "acled_event_type", "acled_sub_event_type", "text"],
    "figures": ["kind", "value", "qualifier", "unit_text", "date", "sources", "text"],
    "persons": ["name", "roles", "affiliation"],
    "places": ["name", "country", "admin1", "lat", "lon"],
    "organizations": ["name", "acronym", "country"],
    "footnotes": ["number", "text", "urls"],
    "links": ["text", "target"],
    "sections": ["heading"],
    "diagnostics": ["severity", "code", "message"],
}


def _label(item):
    """A record inside a record, reduced to one readable value."""
    for key in ("name", "text", "kind"):
        if item.get(key) is not None:
            return item[key]
    return None


def _flatten(record):
    row = {}
    for key, value in record.items():
        if key == "span":
            row["span_start"], row["span_end"] = value if value else (None, None)
        elif isinstance(value, dict):
            for sub, sub_value in value.items():
                if sub != "span":
                    row[f"{key}_{sub}"] = sub_value
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            row[key] = [_label(item) for item in value]
            if key == "actors":
                row["actor_categories"] = [item.get("category") for item in value]
        else:
            row[key] = value
    return row


def to_dataframe(docs, kind):
    """One pandas DataFrame of one kind of record across documents.

    Parameters
    ----------
    docs : Document, dict, or an iterable of them
        Documents, or their ``to_dict()`` form (for example records that
        Dask workers sent back).
    kind : str
        ``"events"``, ``"signatories"``, ``"figures"``, ``"persons"``,
        ``"places"``, ``"demands"``, ``"footnotes"``, ``"organizations"``,
        ``"links"``, ``"sections"`` or ``"diagnostics"``.

    Returns
    -------
    pandas.DataFrame
        One row per record, in document order: ``source`` (the document's
        name), ``document`` (its position in `docs`), the record's fields,
        and ``span_start``/``span_end`` (byte offsets into that document).
        List fields stay Python lists (``df.explode("countries")``).

    Raises
    ------
    ImportError
        pandas is not installed.
    """
    try:
        import pandas
    except ImportError as err:
        raise ImportError(
            "kgrights.to_dataframe() needs pandas, which is not installed "
            "(pip install pandas, or apt install python3-pandas)") from err
    if kind not in _COLUMNS:
        raise ValueError(f"unknown record kind {kind!r}; expected one of "
                         f"{', '.join(sorted(_COLUMNS))}")
    if isinstance(docs, (Document, dict)):
        docs = [docs]
    rows = []
    columns = ["source", "document"] + _COLUMNS[kind] + ["span_start", "span_end"]
    for index, doc in enumerate(docs):
        tree = doc.to_dict() if isinstance(doc, Document) else doc
        if not isinstance(tree, dict) or "source" not in tree:
            raise TypeError("to_dataframe() takes Documents or their to_dict() records, "
                            f"not {type(doc).__name__}")
        source = tree["source"].get("name")
        for record in tree.get(kind) or []:
            row = {"source": source, "document": index}
            row.update(_flatten(record))
            for key in row:
                if key not in columns:
                    columns.append(key)  # a key added to the record format
            rows.append(row)
    return pandas.DataFrame(rows, columns=columns)
