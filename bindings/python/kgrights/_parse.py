"""parse(), parse_file() and parse_many()."""

import datetime
import enum
import os

from . import _kgrights as _C
from ._document import Document

__all__ = ["ParseError", "Status", "parse", "parse_file", "parse_many"]

ParseError = _C.ParseError


class Status(enum.IntEnum):
    """The library's status codes (``ParseError.code``)."""

    OK = _C.KGR_OK
    EINVAL = _C.KGR_EINVAL      #: an argument is invalid
    ENOMEM = _C.KGR_ENOMEM      #: out of memory
    EIO = _C.KGR_EIO            #: a file could not be read
    EUTF8 = _C.KGR_EUTF8        #: the input is not UTF-8 (strict mode only)
    ESYNTAX = _C.KGR_ESYNTAX    #: the input is not a text document
    ELIMIT = _C.KGR_ELIMIT      #: the input is larger than max_bytes


def _options(name=None, reference_date=None, strict=False, max_bytes=None):
    """The keyword arguments of parse() as the dict the C wrapper takes."""
    if name is not None and not isinstance(name, str):
        raise TypeError(f"name must be str or None, not {type(name).__name__}")
    if isinstance(reference_date, datetime.datetime):
        reference_date = reference_date.date()
    if isinstance(reference_date, datetime.date):
        reference_date = reference_date.isoformat()
    elif reference_date is not None and not isinstance(reference_date, str):
        raise TypeError("reference_date must be 'YYYY-MM-DD', a datetime.date or None")
    if max_bytes is not None:
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
            raise TypeError("max_bytes must be a positive int or None")
        if max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
    return {
        "flags": _C.KGR_PARSE_STRICT if strict else _C.KGR_PARSE_DEFAULT,
        "name": name,
        "reference_date": reference_date,
        "max_input": max_bytes,
    }


def _kwargs(options):
    """The parse() keywords that reproduce `options` (for pickling)."""
    return {
        "name": options["name"],
        "reference_date": options["reference_date"],
        "strict": bool(options["flags"] & _C.KGR_PARSE_STRICT),
        "max_bytes": options["max_input"],
    }


def parse(text, *, name=None, reference_date=None, strict=False, max_bytes=None):
    """Parse one document and return its :class:`Document`.

    Parameters
    ----------
    text : str or bytes-like
        The document. ``str`` is encoded as UTF-8; ``bytes`` (or bytearray,
        memoryview, mmap) are read as they are, and spans are offsets into
        those bytes.
    name : str, optional
        Source name recorded in the document (``doc.name``, JSON
        ``source.name``).
    reference_date : str or datetime.date, optional
        ``'YYYY-MM-DD'`` used to resolve years the text leaves out, as a
        last resort (the document's own evidence comes first).
    strict : bool
        Refuse input that is not valid UTF-8 (ParseError with code
        Status.EUTF8 and the position) instead of reporting it as
        diagnostics.
    max_bytes : int, optional
        Refuse larger input (ParseError, Status.ELIMIT); default 256 MiB.

    Returns
    -------
    Document

    Raises
    ------
    ParseError
        The input was refused (strict mode, size limit, bad reference date).
        Its ``offset``, ``line``, ``column`` and ``code`` say where and why.

    The GIL is released while the C parser runs, so threads parse in
    parallel (see :func:`parse_many`).

    Example::

        doc = kgrights.parse(open("appeal.txt", "rb").read(), name="appeal.txt")
        for s in doc.signatories:
            print(s.position, s.name, s.countries, doc.excerpt(s.span))
    """
    options = _options(name, reference_date, strict, max_bytes)
    return Document._wrap(_C.kgr_parse_opts(text, options), _kwargs(options))


def parse_file(path, *, name=None, reference_date=None, strict=False, max_bytes=None):
    """Read and parse a file; ``doc.name`` defaults to the file's name.

    Takes the keyword arguments of :func:`parse`. Raises OSError
    (FileNotFoundError, IsADirectoryError...) when the file cannot be read,
    and ParseError when its content is refused.
    """
    options = _options(name, reference_date, strict, max_bytes)
    try:
        handle = _C.kgr_parse_file(path, options)
    except ParseError as err:
        if err.code != Status.EIO:
            raise
        raise _os_error(path, err) from None
    return Document._wrap(handle, _kwargs(options))


def _is_path(item):
    """Whether a parse_many() item names a file rather than being a text."""
    if isinstance(item, os.PathLike):
        return True
    if isinstance(item, str):
        return ("\n" not in item and len(item) < 4096 and "\0" not in item
                and os.path.isfile(item))
    return False


def parse_many(items, *, workers=None, return_exceptions=False, reference_date=None,
               strict=False, max_bytes=None):
    """Parse many documents on native threads; return Documents in input order.

    Parameters
    ----------
    items : iterable
        Each item is a file path (``os.PathLike``, or a ``str`` naming an
        existing file, as ``glob.glob()`` returns) or the document itself
        (``bytes``, or a ``str`` that is not a file name).
    workers : int, optional
        Number of threads (default: the number of CPUs, at most 32). The
        batch is parsed by native threads with the GIL released once for
        all of it, so they run in parallel and other Python threads go on;
        1 parses in the calling thread.
    return_exceptions : bool
        When true, an item that fails gives its exception (ParseError or
        OSError) in the result list instead of raising it.
    reference_date, strict, max_bytes
        As for :func:`parse`, applied to every item.

    Returns
    -------
    list of Document
    """
    items = list(items)
    if workers is None:
        workers = min(32, os.cpu_count() or 1)
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError("workers must be a positive int")
    kw = {"reference_date": reference_date, "strict": strict, "max_bytes": max_bytes}
    options = _options(**kw)  # check the arguments once, before any work
    paths = [_is_path(item) for item in items]
    texts = [os.fsencode(item) if path else _as_bytes(item)
             for item, path in zip(items, paths)]
    # Native threads parse the whole batch with the GIL released once.
    results = _C.kgr_py_parse_batch(texts, paths, options, min(workers, 32))
    extra = _kwargs(options)
    docs = []
    for item, path, res in zip(items, paths, results):
        if isinstance(res, ParseError):
            err = res
            if path and err.code == Status.EIO:
                err = _os_error(item, err)
            if not return_exceptions:
                raise err
            docs.append(err)
        else:
            docs.append(Document._wrap(res, extra))
    return docs


def _as_bytes(item):
    """A document given to parse_many(): str is encoded as parse() does."""
    return item.encode("utf-8") if isinstance(item, str) else item


def _os_error(path, err):
    """The OSError for a file that parse_file() could not read (err: EIO).

    The C library reports I/O failures as one status; opening the file
    again lets Python raise the precise subclass with its errno."""
    try:
        with open(path, "rb") as fp:
            fp.read(1)
    except OSError as exc:
        return exc
    return OSError(5, err.message, os.fspath(path))
