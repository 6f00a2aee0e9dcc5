"""write_geojson(): several documents on one map.

One document's tables and map are methods of :class:`~kgrights.Document`
(``to_format``, ``to_csv``, ``to_acled``, ``to_hxl``, ``to_geojson``).
"""

import os

from . import _kgrights as _C
from ._document import _handles

__all__ = ["write_geojson"]


def write_geojson(docs, file=None, *, compact=False):
    """One GeoJSON FeatureCollection (RFC 7946) over several documents: a
    map of a corpus.

    Each event becomes one Point feature per place with coordinates
    (``[lon, lat]``), with the properties of
    :meth:`Document.to_geojson` (``document`` names its source); the
    top-level member ``"kgr:skipped"`` counts the events that had no place
    with coordinates. The C library writes it (``kgr_docs_write_geojson``),
    so it is the text of ``kgr-parse --format geojson FILE...``.

    Parameters
    ----------
    docs : iterable of Document
    file : str, os.PathLike or text file, optional
        Also write the text there (UTF-8, ending with a line break, as the
        CLI does).
    compact : bool
        One line.

    Returns
    -------
    str
        The FeatureCollection, without a final line break.

    Example::

        geo = json.loads(kgrights.write_geojson(kgrights.parse_many(paths)))
        kgrights.write_geojson(docs, "events.geojson", compact=True)
    """
    _, handles = _handles(docs)
    flags = _C.KGR_FORMAT_COMPACT if compact else _C.KGR_FORMAT_DEFAULT
    # The C API only streams this one; the wrapper collects it in C.
    text = _C.kgr_py_docs_to_geojson(handles, flags)
    if file is not None:
        if isinstance(file, (str, bytes, os.PathLike)):
            with open(file, "w", encoding="utf-8", newline="") as fp:
                fp.write(text + "\n")
        else:
            file.write(text + "\n")
    return text
