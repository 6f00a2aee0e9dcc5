/*
 * kgrights.i - SWIG interface for the low-level module kgrights._kgrights.
 *
 * It wraps the real public headers and maps their C conventions to Python:
 * kgr_str -> str or None, kgr_span -> (start, end), kgr_error -> raised
 * kgrights.ParseError, the input buffer <- str or any bytes-like object.
 * Users import the pure-Python package `kgrights`, which builds the public
 * API (Document, typed records, parse_many, to_dataframe) on top of this.
 *
 * Lifetime: the C records are borrowed from their kgr_doc. Every wrapper
 * that hands out a record sets `val._parent` to the object it came from, so
 * a record keeps its document alive (and the document is freed by the
 * kgr_doc destructor when the last reference goes).
 */
%define KGR_MODULE_DOC
"Low-level SWIG wrapper of libkgrights (the C API, nearly one to one).

Use the `kgrights` package instead: it gives the documented, Pythonic API
(kgrights.parse, Document, typed records). This module maps kgr_str to str
or None, spans to (start, end) tuples and failed parses to
kgrights.ParseError; enumerations stay integers (KGR_EVENT_PROTEST...)."
%enddef

%module(package="kgrights", docstring=KGR_MODULE_DOC) _kgrights
%feature("autodoc", "3");
/* The headers' comments mention JSON escapes such as \uXXXX, which
 * -doxygen would take for unknown commands. */
#pragma SWIG nowarn=560

%{
#include <string.h>
#include <kgrights/kgrights.h>
%}

%include <stdint.i>
%include <typemaps.i>

/* The export macro only matters to the C compiler. */
#define KGR_EXPORT

/* ------------------------------------------------------------------------
 * kgrights.ParseError: a ValueError whose args are
 * (message, offset, line, column, code); the attributes of the same names
 * read those args, so the error pickles (Dask) and can be built by hand.
 * ---------------------------------------------------------------------- */
%{
static PyObject *kgr_py_parse_error; /* the class, made once at import */

static PyObject *kgr_py_error_field(PyObject *self, void *closure) {
  Py_ssize_t i = (Py_ssize_t)(intptr_t)closure;
  PyObject *args = PyObject_GetAttrString(self, "args");
  if (!args)
    return NULL;
  PyObject *v = Py_None;
  if (PyTuple_Check(args) && PyTuple_GET_SIZE(args) > i)
    v = PyTuple_GET_ITEM(args, i);
  Py_INCREF(v);
  Py_DECREF(args);
  return v;
}

static PyGetSetDef kgr_py_error_fields[] = {
  {"message", kgr_py_error_field, NULL, "English explanation (str)", (void *)0},
  {"offset", kgr_py_error_field, NULL, "byte offset into the input, 0-based", (void *)1},
  {"line", kgr_py_error_field, NULL, "1-based line of offset (0: not about the input)", (void *)2},
  {"column", kgr_py_error_field, NULL, "1-based column of offset, in code points", (void *)3},
  {"code", kgr_py_error_field, NULL, "the kgr_status (an int; see kgrights.Status)", (void *)4},
  {NULL, NULL, NULL, NULL, NULL}
};

/* "message (line L, column C)" when the error is about a place in the input. */
static PyObject *kgr_py_error_str(PyObject *self, PyObject *unused) {
  (void)unused;
  PyObject *args = PyObject_GetAttrString(self, "args");
  if (!args)
    return NULL;
  PyObject *s;
  Py_ssize_t n = PyTuple_Check(args) ? PyTuple_GET_SIZE(args) : 0;
  if (n >= 4 && PyLong_Check(PyTuple_GET_ITEM(args, 2)) &&
      PyObject_IsTrue(PyTuple_GET_ITEM(args, 2)) == 1)
    s = PyUnicode_FromFormat("%S (line %S, column %S)", PyTuple_GET_ITEM(args, 0),
                             PyTuple_GET_ITEM(args, 2), PyTuple_GET_ITEM(args, 3));
  else if (n >= 1)
    s = PyObject_Str(PyTuple_GET_ITEM(args, 0));
  else
    s = PyUnicode_FromString("");
  Py_DECREF(args);
  return s;
}

static PyMethodDef kgr_py_error_str_def = {"__str__", kgr_py_error_str, METH_NOARGS, NULL};

static int kgr_py_make_parse_error(PyObject *module) {
  PyObject *cls = PyErr_NewExceptionWithDoc(
      "kgrights.ParseError",
      "A document could not be parsed.\n\n"
      "Raised with args (message, offset, line, column, code) and readable\n"
      "as attributes of those names: `offset` is the byte offset into the\n"
      "input (0-based), `line`/`column` are 1-based (column in code points;\n"
      "0 when the error is not about a place in the input) and `code` is the\n"
      "kgr_status (kgrights.Status). A subclass of ValueError.",
      PyExc_ValueError, NULL);
  if (!cls)
    return -1;
  for (PyGetSetDef *f = kgr_py_error_fields; f->name; f++) {
    PyObject *d = PyDescr_NewGetSet((PyTypeObject *)cls, f);
    if (!d || PyObject_SetAttrString(cls, f->name, d) < 0) {
      Py_XDECREF(d);
      Py_DECREF(cls);
      return -1;
    }
    Py_DECREF(d);
  }
  PyObject *str = PyDescr_NewMethod((PyTypeObject *)cls, &kgr_py_error_str_def);
  if (!str || PyObject_SetAttrString(cls, "__str__", str) < 0) {
    Py_XDECREF(str);
    Py_DECREF(cls);
    return -1;
  }
  Py_DECREF(str);
  Py_INCREF(cls);
  if (PyModule_AddObject(module, "ParseError", cls) < 0) {
    Py_DECREF(cls);
    Py_DECREF(cls);
    return -1;
  }
  kgr_py_parse_error = cls; /* the module holds one reference, we hold one */
  return 0;
}

/* A ParseError instance for e (new reference), or NULL with an error set. */
static PyObject *kgr_py_error_object(const kgr_error *e) {
  const char *nul = memchr(e->message, '\0', sizeof e->message);
  size_t len = nul ? (size_t)(nul - e->message) : sizeof e->message;
  PyObject *msg = PyUnicode_DecodeUTF8(e->message, (Py_ssize_t)len, "replace");
  if (!msg)
    return NULL;
  return PyObject_CallFunction(kgr_py_parse_error, "(Nnnni)", msg, (Py_ssize_t)e->offset,
                               (Py_ssize_t)e->line, (Py_ssize_t)e->column, (int)e->code);
}

static void kgr_py_raise(const kgr_error *e) {
  PyObject *exc = kgr_py_error_object(e);
  if (exc) {
    PyErr_SetObject(kgr_py_parse_error, exc);
    Py_DECREF(exc);
  }
}
%}

%init %{
  if (kgr_py_make_parse_error(m) < 0)
    return NULL;
%}

/* The proxy module re-exports the class under the same name. */
%inline %{
static PyObject *kgr_py_parse_error_class(void) {
  Py_INCREF(kgr_py_parse_error);
  return kgr_py_parse_error;
}
%}
%pythoncode %{
ParseError = kgr_py_parse_error_class()
%}

/* ------------------------------------------------------------------------
 * Typemaps
 * ---------------------------------------------------------------------- */

/* kgr_str -> str (UTF-8, undecodable bytes replaced) or None. Records are
 * read by value (%naturalvar) so that struct members use this typemap. */
%naturalvar kgr_str;
%naturalvar kgr_span;
%naturalvar kgr_ymd;
%{
static PyObject *kgr_py_str(kgr_str s) {
  if (!s.ptr)
    Py_RETURN_NONE;
  return PyUnicode_DecodeUTF8(s.ptr, (Py_ssize_t)s.len, "replace");
}
%}
%typemap(out) kgr_str "$result = kgr_py_str($1);"
%typemap(doctype) kgr_str "str or None";

/* kgr_span -> (start, end); kgr_ymd -> (year, month, day). */
%typemap(out) kgr_span
  "$result = Py_BuildValue(\"(nn)\", (Py_ssize_t)$1.start, (Py_ssize_t)$1.end);"
%typemap(doctype) kgr_span "(start, end)";
%typemap(out) kgr_ymd "$result = Py_BuildValue(\"(iii)\", $1.year, $1.month, $1.day);"
%typemap(doctype) kgr_ymd "(year, month, day)";
%typemap(doctype) PyObject * "list";

/* The document's input: str (encoded as UTF-8) or any bytes-like object.
 * The buffer stays exported (bytearray cannot be resized) until the call
 * returns, which makes it safe to release the GIL around the parse. */
%typemap(in) (const char *buf, size_t len) (Py_buffer view, int have_view = 0) {
  if (PyUnicode_Check($input)) {
    Py_ssize_t n;
    const char *p = PyUnicode_AsUTF8AndSize($input, &n);
    if (!p)
      SWIG_fail;
    $1 = ($1_ltype)p;
    $2 = (size_t)n;
  } else if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) == 0) {
    have_view = 1;
    $1 = ($1_ltype)view.buf;
    $2 = (size_t)view.len;
  } else {
    PyErr_Format(PyExc_TypeError, "document must be str or bytes-like, not %.100s",
                 Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
}
%typemap(freearg) (const char *buf, size_t len) {
  if (have_view$argnum)
    PyBuffer_Release(&view$argnum);
}
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) (const char *buf, size_t len) {
  $1 = PyUnicode_Check($input) || PyObject_CheckBuffer($input);
}
%typemap(doctype) const char *buf "str or bytes";

/* File paths: str (file-system encoding) or bytes, as os.fsencode() gives. */
%typemap(in) const char *path (PyObject *encoded = NULL) {
  if (!PyUnicode_FSConverter($input, &encoded))
    SWIG_fail;
  $1 = PyBytes_AS_STRING(encoded);
}
%typemap(freearg) const char *path "Py_XDECREF(encoded$argnum);"
%typemap(doctype) const char *path "str, bytes or os.PathLike";

/* kgr_options from a dict (or None): {"flags": int, "name": str,
 * "reference_date": "YYYY-MM-DD", "max_input": int}. A private copy of the
 * dict keeps the strings alive while the GIL is released. */
%{
static int kgr_py_opt_str(PyObject *v, const char **out, const char *key) {
  if (v == Py_None) {
    *out = NULL;
    return 0;
  }
  Py_ssize_t n;
  const char *s = PyUnicode_Check(v) ? PyUnicode_AsUTF8AndSize(v, &n) : NULL;
  if (!s) {
    if (!PyErr_Occurred())
      PyErr_Format(PyExc_TypeError, "option '%s' must be str or None", key);
    return -1;
  }
  if (strlen(s) != (size_t)n) {
    PyErr_Format(PyExc_ValueError, "option '%s' contains a NUL character", key);
    return -1;
  }
  *out = s;
  return 0;
}

static int kgr_py_options(PyObject *dict, kgr_options *o) {
  PyObject *key, *value;
  Py_ssize_t pos = 0;
  memset(o, 0, sizeof *o);
  while (PyDict_Next(dict, &pos, &key, &value)) {
    const char *k = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
    if (!k) {
      PyErr_SetString(PyExc_TypeError, "option names must be str");
      return -1;
    }
    if (strcmp(k, "flags") == 0) {
      unsigned long f = PyLong_AsUnsignedLong(value);
      if (f == (unsigned long)-1 && PyErr_Occurred())
        return -1;
      if (f > UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "flags do not fit 32 bits");
        return -1;
      }
      o->flags = (uint32_t)f;
    } else if (strcmp(k, "max_input") == 0) {
      if (value != Py_None) {
        size_t m = PyLong_AsSize_t(value);
        if (m == (size_t)-1 && PyErr_Occurred())
          return -1;
        o->max_input = m;
      }
    } else if (strcmp(k, "name") == 0) {
      if (kgr_py_opt_str(value, &o->name, k) < 0)
        return -1;
    } else if (strcmp(k, "reference_date") == 0) {
      if (kgr_py_opt_str(value, &o->reference_date, k) < 0)
        return -1;
    } else {
      PyErr_Format(PyExc_TypeError, "unknown option '%s'", k);
      return -1;
    }
  }
  return 0;
}
%}
%typemap(in) const kgr_options *opts (kgr_options tmp, PyObject *keep = NULL) {
  if ($input == Py_None) {
    $1 = NULL;
  } else {
    if (!PyDict_Check($input)) {
      PyErr_SetString(PyExc_TypeError, "options must be a dict or None");
      SWIG_fail;
    }
    keep = PyDict_Copy($input);
    if (!keep || kgr_py_options(keep, &tmp) < 0)
      SWIG_fail;
    $1 = &tmp;
  }
}
%typemap(freearg) const kgr_options *opts "Py_XDECREF(keep$argnum);"
%typemap(doctype) const kgr_options *opts "dict or None";

/* Python gets the default allocator. */
%typemap(in, numinputs=0) const kgr_alloc *alc "$1 = NULL;"

/* Failure raises ParseError; success returns the document alone. */
%typemap(in, numinputs=0) kgr_error *err (kgr_error tmp) {
  memset(&tmp, 0, sizeof tmp);
  $1 = &tmp;
}
%typemap(argout) kgr_error *err {
  if (!result) {
    Py_XDECREF($result);
    $result = NULL;
    kgr_py_raise($1);
    SWIG_fail;
  }
}

/* Parsing never calls back into Python: release the GIL around it (and
 * only around it), so that threads parse in parallel. */
%define KGR_NOGIL(fn)
%exception fn {
  Py_BEGIN_ALLOW_THREADS
  $action
  Py_END_ALLOW_THREADS
}
%enddef
KGR_NOGIL(kgr_parse)
KGR_NOGIL(kgr_parse_opts)
KGR_NOGIL(kgr_parse_file)

%newobject kgr_parse;
%newobject kgr_parse_opts;
%newobject kgr_parse_file;

/* ------------------------------------------------------------------------
 * parse_many's engine: a batch parsed by native threads with the GIL
 * released once for the whole batch, so that Python's per-document work
 * (taking and dropping the GIL, building the options) does not serialise
 * the workers. Each item is bytes-like (a document) or, when its flag in
 * `is_path` is true, a path as bytes (os.fsencode). Returns a list of
 * kgr_doc objects and ParseError instances, in input order.
 * ---------------------------------------------------------------------- */
%{
#include <pthread.h>
#include <stdatomic.h>

typedef struct kgr_py_item {
  Py_buffer view; /* the document or the path's bytes */
  bool is_path;
  kgr_doc *doc;
  kgr_error err;
} kgr_py_item;

typedef struct kgr_py_batch {
  kgr_py_item *items;
  size_t count;
  const kgr_options *opts;
  atomic_size_t next; /* the next item to take */
} kgr_py_batch;

static void *kgr_py_batch_worker(void *arg) {
  kgr_py_batch *b = arg;
  for (;;) {
    size_t i = atomic_fetch_add(&b->next, 1);
    if (i >= b->count)
      return NULL;
    kgr_py_item *it = &b->items[i];
    memset(&it->err, 0, sizeof it->err);
    if (it->is_path)
      it->doc = kgr_parse_file((const char *)it->view.buf, b->opts, &it->err);
    else
      it->doc = kgr_parse_opts((const char *)it->view.buf, (size_t)it->view.len, b->opts,
                               &it->err);
  }
}

/* Run the batch on `workers` threads (the calling one among them). */
static void kgr_py_batch_run(kgr_py_batch *b, size_t workers) {
  pthread_t tid[32];
  size_t started = 0;
  if (workers > 32)
    workers = 32;
  while (started + 1 < workers && pthread_create(&tid[started], NULL, kgr_py_batch_worker, b) == 0)
    started++;
  kgr_py_batch_worker(b); /* fewer threads than asked if creation failed */
  for (size_t t = 0; t < started; t++)
    pthread_join(tid[t], NULL);
}
%}

%inline %{
static PyObject *kgr_py_parse_batch(PyObject *items, PyObject *is_path, PyObject *options,
                                    unsigned workers) {
  if (!PyList_Check(items) || !PyList_Check(is_path) ||
      PyList_GET_SIZE(items) != PyList_GET_SIZE(is_path) || !PyDict_Check(options)) {
    PyErr_SetString(PyExc_TypeError, "parse_batch(list, list of bool, dict, workers)");
    return NULL;
  }
  if (workers < 1)
    workers = 1;
  size_t n = (size_t)PyList_GET_SIZE(items), got = 0;
  PyObject *keep = PyDict_Copy(options), *out = NULL;
  kgr_options opts;
  kgr_py_batch b = {.count = n};
  b.items = PyMem_Calloc(n ? n : 1, sizeof *b.items);
  if (!keep || !b.items || kgr_py_options(keep, &opts) < 0) {
    if (!b.items)
      PyErr_NoMemory();
    goto done;
  }
  for (; got < n; got++) {
    kgr_py_item *it = &b.items[got];
    it->is_path = PyObject_IsTrue(PyList_GET_ITEM(is_path, got)) == 1;
    if (PyObject_GetBuffer(PyList_GET_ITEM(items, got), &it->view, PyBUF_SIMPLE) < 0)
      goto done;
    if (it->is_path && (!PyBytes_Check(PyList_GET_ITEM(items, got)) ||
                        strlen((const char *)it->view.buf) != (size_t)it->view.len)) {
      PyBuffer_Release(&it->view);
      PyErr_SetString(PyExc_ValueError, "a path must be bytes without NUL");
      goto done;
    }
  }
  b.opts = &opts;
  atomic_init(&b.next, 0);
  Py_BEGIN_ALLOW_THREADS
  kgr_py_batch_run(&b, workers);
  Py_END_ALLOW_THREADS
  out = PyList_New((Py_ssize_t)n);
  for (size_t i = 0; i < n; i++) {
    kgr_py_item *it = &b.items[i];
    PyObject *v = NULL;
    if (out && it->doc)
      v = SWIG_NewPointerObj(SWIG_as_voidptr(it->doc), SWIGTYPE_p_kgr_doc, SWIG_POINTER_OWN);
    else if (out)
      v = kgr_py_error_object(&it->err);
    if (!v) { /* no list, or no object for this one: free what is left */
      if (it->doc)
        kgr_doc_free(it->doc);
      Py_CLEAR(out);
      continue;
    }
    PyList_SET_ITEM(out, (Py_ssize_t)i, v);
  }
done:
  for (size_t i = 0; i < got; i++)
    PyBuffer_Release(&b.items[i].view);
  PyMem_Free(b.items);
  Py_XDECREF(keep);
  return out;
}
%}

/* A NULL document is a programming error in Python (a closed Document). */
%typemap(check) const kgr_doc *doc {
  if (!$1)
    SWIG_exception_fail(SWIG_ValueError, "the document is None (closed?)");
}

/* Output lengths: used to build the result instead (arg2/arg3 below are
 * the `len` parameters of kgr_doc_input and kgr_doc_to_json). */
%typemap(in, numinputs=0) size_t *len (size_t tmp = 0) "$1 = &tmp;"
%typemap(out) const char *kgr_doc_input {
  $result = PyBytes_FromStringAndSize($1 ? $1 : "", (Py_ssize_t)*arg2);
}
%typemap(doctype) const char *kgr_doc_input "bytes";
%newobject kgr_doc_to_json;
%typemap(newfree) char * "kgr_free($1);";
%typemap(out) char *kgr_doc_to_json {
  if (!$1) {
    if (arg2 & ~(uint32_t)KGR_JSON_ALL)
      PyErr_SetString(PyExc_ValueError, "unknown KGR_JSON_* flag");
    else
      PyErr_NoMemory();
    SWIG_fail;
  }
  $result = PyUnicode_DecodeUTF8($1, (Py_ssize_t)*arg3, "strict");
}
%typemap(doctype) char *kgr_doc_to_json "str";

%apply size_t *OUTPUT { size_t *line, size_t *column };

%typemap(in, numinputs=0) const char **sub_event_type (const char *tmp = NULL)
  "$1 = ($1_ltype)&tmp;"
/* Always a pair (SWIG's output appending would swallow a None result). */
%typemap(argout) const char **sub_event_type {
  $result = Py_BuildValue("(NN)", $result, SWIG_FromCharPtr(tmp$argnum));
  if (!$result)
    SWIG_fail;
}

/* ------------------------------------------------------------------------
 * What Python does not see: callbacks, FILE *, raw memory, the allocator,
 * and kgr_doc_free (the destructor calls it).
 * ---------------------------------------------------------------------- */
%ignore kgr_str;     /* these three arrive as str, tuples (typemaps above) */
%ignore kgr_span;
%ignore kgr_ymd;
%ignore kgr_error;
%ignore kgr_alloc;
%ignore kgr_options;
%ignore kgr_free;
%ignore kgr_doc_free;
%ignore kgr_write_fn;
%ignore kgr_doc_write_json;
%ignore kgr_doc_write_json_file;

%nodefaultctor;
%nodefaultdtor;

/* ------------------------------------------------------------------------
 * Records: read-only, never built or freed from Python. Arrays inside a
 * record become lists (scalars) or indexed accessors (records), and every
 * record handed out remembers its parent.
 * ---------------------------------------------------------------------- */
%define KGR_CHILD(fn, owner)
%pythonappend fn %{
    if val is not None:
        val._parent = owner
%}
%enddef

KGR_CHILD(kgr_doc_issuer, doc)
KGR_CHILD(kgr_doc_addressee, doc)
KGR_CHILD(kgr_doc_demand, doc)
KGR_CHILD(kgr_doc_signatory, doc)
KGR_CHILD(kgr_doc_event, doc)
KGR_CHILD(kgr_doc_figure, doc)
KGR_CHILD(kgr_doc_person, doc)
KGR_CHILD(kgr_doc_organization, doc)
KGR_CHILD(kgr_doc_place, doc)
KGR_CHILD(kgr_doc_footnote, doc)
KGR_CHILD(kgr_doc_link, doc)
KGR_CHILD(kgr_doc_instrument, doc)
KGR_CHILD(kgr_doc_section, doc)
KGR_CHILD(kgr_doc_diagnostic, doc)
KGR_CHILD(kgr_event::place, self)
KGR_CHILD(kgr_event::actor, self)
KGR_CHILD(kgr_event::victim, self)
KGR_CHILD(kgr_event::figure, self)
KGR_CHILD(kgr_event::date_record, self)

%{
static PyObject *kgr_py_strs(const kgr_str *v, size_t n) {
  PyObject *list = PyList_New((Py_ssize_t)n);
  for (size_t i = 0; list && i < n; i++) {
    PyObject *s = kgr_py_str(v[i]);
    if (!s) {
      Py_CLEAR(list);
      break;
    }
    PyList_SET_ITEM(list, (Py_ssize_t)i, s);
  }
  return list;
}

static PyObject *kgr_py_ints(const int *v, size_t n) {
  PyObject *list = PyList_New((Py_ssize_t)n);
  for (size_t i = 0; list && i < n; i++) {
    PyObject *x = PyLong_FromLong(v[i]);
    if (!x) {
      Py_CLEAR(list);
      break;
    }
    PyList_SET_ITEM(list, (Py_ssize_t)i, x);
  }
  return list;
}

/* Enumerations arrive as int-sized values of their own enum type. */
#define KGR_PY_ENUMS(v, n)                                              \
  do {                                                                  \
    PyObject *list_ = PyList_New((Py_ssize_t)(n));                      \
    for (size_t i_ = 0; list_ && i_ < (n); i_++) {                      \
      PyObject *x_ = PyLong_FromLong((long)(v)[i_]);                    \
      if (!x_) {                                                        \
        Py_CLEAR(list_);                                                \
        break;                                                          \
      }                                                                 \
      PyList_SET_ITEM(list_, (Py_ssize_t)i_, x_);                       \
    }                                                                   \
    return list_;                                                       \
  } while (0)

/* Getters of the list attributes below (names follow SWIG's convention
 * for %extend members: <struct>_<member>_get). */
static PyObject *kgr_signatory_countries__get(kgr_signatory *s) {
  return kgr_py_strs(s->countries, s->country_count);
}
static PyObject *kgr_person_roles__get(kgr_person *p) {
  return kgr_py_strs(p->roles, p->role_count);
}
static PyObject *kgr_footnote_urls__get(kgr_footnote *f) {
  return kgr_py_strs(f->urls, f->url_count);
}
static PyObject *kgr_figure_sources__get(kgr_figure *f) {
  return kgr_py_ints(f->sources, f->source_count);
}
static PyObject *kgr_event_sources__get(kgr_event *e) {
  return kgr_py_ints(e->sources, e->source_count);
}
static PyObject *kgr_event_means__get(kgr_event *e) { KGR_PY_ENUMS(e->means, e->means_count); }
static PyObject *kgr_demand_themes__get(kgr_demand *d) { KGR_PY_ENUMS(d->themes, d->theme_count); }
%}

/* The raw pointer members give way to list attributes of the same name. */
%define KGR_LIST(type, member, doc)
%ignore type::member;
%rename(member) type::member##_;
%feature("autodoc", #member " : list") type::member##_;
%feature("docstring", doc) type::member##_;
%immutable type::member##_;
%extend type { PyObject *member##_; }
%enddef
KGR_LIST(kgr_signatory, countries, "ISO 3166-1 alpha-2 codes (list of str)")
KGR_LIST(kgr_person, roles, "roles as written (list of str)")
KGR_LIST(kgr_footnote, urls, "URLs in the note (list of str)")
KGR_LIST(kgr_figure, sources, "footnote numbers backing the figure (list of int)")
KGR_LIST(kgr_event, sources, "footnote numbers (list of int)")
KGR_LIST(kgr_event, means, "KGR_MEANS_* values (list of int)")
KGR_LIST(kgr_demand, themes, "KGR_THEME_* values (list of int)")

/* Arrays of records inside an event: counts stay, items come by index. */
%ignore kgr_event::places;
%ignore kgr_event::actors;
%ignore kgr_event::victims;
%ignore kgr_event::figures;
%ignore kgr_event::date;
%extend kgr_event {
  /** The i-th place, or None when out of range. */
  const kgr_place *place(size_t i) { return i < $self->place_count ? &$self->places[i] : NULL; }
  /** The i-th actor, or None when out of range. */
  const kgr_actor *actor(size_t i) { return i < $self->actor_count ? &$self->actors[i] : NULL; }
  /** The i-th victim, or None when out of range. */
  const kgr_person *victim(size_t i) {
    return i < $self->victim_count ? &$self->victims[i] : NULL;
  }
  /** The i-th figure, or None when out of range. */
  const kgr_figure *figure(size_t i) {
    return i < $self->figure_count ? &$self->figures[i] : NULL;
  }
  /** The event's date, or None when no date applies. */
  const kgr_date *date_record() { return $self->date; }
}

/* The document: opaque to C callers, a proxy object here whose destructor
 * releases the arena. */
%extend kgr_doc {
  ~kgr_doc() { kgr_doc_free($self); }
  %pythoncode %{
    def close(self):
        """Free the document now rather than when it is collected. Records
        taken from it must not be used afterwards (kgrights.Document checks)."""
        if self.thisown:
            self.__swig_destroy__(self)  # disowns: the collector frees nothing
  %}
}
struct kgr_doc {};


/* ------------------------------------------------------------------------
 * Tables and maps (kgr_formats.h). Python gets strings: one document
 * through kgr_doc_to_format, several on one map through
 * kgr_py_docs_to_geojson below. The streaming writers take a callback and
 * stay in C.
 * ---------------------------------------------------------------------- */
%ignore kgr_doc_write_csv;
%ignore kgr_doc_write_acled;
%ignore kgr_doc_write_hxl;
%ignore kgr_doc_write_signatories_csv;
%ignore kgr_doc_write_geojson;
%ignore kgr_docs_write_geojson;
%ignore kgr_doc_write_format;

%{
/* A sink that throws the output away: used to ask the writer why
 * kgr_doc_to_format() returned NULL, on the error path only. */
static int kgr_py_discard(void *ctx, const char *data, size_t len) {
  (void)ctx;
  (void)data;
  (void)len;
  return 0;
}

/* kgr_doc_to_format() gives NULL for an unknown name, bad flags or no
 * memory; raise the matching exception. */
static void kgr_py_format_error(const kgr_doc *doc, const char *format, uint32_t flags) {
  if (flags & ~(uint32_t)KGR_FORMAT_ALL)
    PyErr_SetString(PyExc_ValueError, "unknown KGR_FORMAT_* flag");
  else if (!format)
    PyErr_SetString(PyExc_ValueError, "the format name is None");
  else if (kgr_doc_write_format(doc, format, flags, kgr_py_discard, NULL) == KGR_EINVAL)
    PyErr_Format(PyExc_ValueError,
                 "unknown format '%s' (csv, acled, hxl, geojson or signatories)", format);
  else
    PyErr_NoMemory();
}

/* A growing buffer for the writers that only stream (malloc'd: the
 * wrapper frees it with free(), see newfree below). */
typedef struct {
  char *data;
  size_t len, cap;
} kgr_py_buffer;

static int kgr_py_buffer_write(void *ctx, const char *data, size_t len) {
  kgr_py_buffer *b = ctx;
  if (b->cap - b->len <= len) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->len <= len) {
      if (cap > SIZE_MAX / 2)
        return -1;
      cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p)
      return -1;
    b->data = p;
    b->cap = cap;
  }
  memcpy(b->data + b->len, data, len);
  b->len += len;
  return 0;
}
%}

/* A sequence of kgr_doc proxies -> (array, count). The sequence (and so
 * every proxy, which owns its document) is held until the call returns. */
%typemap(in) (const kgr_doc *const *docs, size_t n)
    (PyObject *seq = NULL, const kgr_doc **arr = NULL) {
  seq = PySequence_Fast($input, "documents must be a sequence of kgr_doc");
  if (!seq)
    SWIG_fail;
  Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
  arr = (const kgr_doc **)PyMem_Malloc(((size_t)count + 1) * sizeof *arr);
  if (!arr) {
    PyErr_NoMemory();
    SWIG_fail;
  }
  for (Py_ssize_t k = 0; k < count; k++) {
    void *p = NULL;
    int res = SWIG_ConvertPtr(PySequence_Fast_GET_ITEM(seq, k), &p, $descriptor(kgr_doc *), 0);
    if (!SWIG_IsOK(res) || !p) {
      PyErr_Format(PyExc_TypeError, "documents[%zd] is not a kgr_doc", k);
      SWIG_fail;
    }
    arr[k] = (const kgr_doc *)p;
  }
  $1 = ($1_ltype)arr;
  $2 = (size_t)count;
}
%typemap(freearg) (const kgr_doc *const *docs, size_t n) {
  PyMem_Free((void *)arr$argnum);
  Py_XDECREF(seq$argnum);
}
%typemap(doctype) const kgr_doc *const *docs "sequence of kgr_doc";

%newobject kgr_doc_to_format;
%typemap(out) char *kgr_doc_to_format {
  if (!$1) {
    kgr_py_format_error(arg1, arg2, arg3);
    SWIG_fail;
  }
  $result = PyUnicode_DecodeUTF8($1, (Py_ssize_t)*arg4, "strict");
}
%typemap(doctype) char *kgr_doc_to_format "str";

/* kgr_docs_write_geojson() has no string form in the C API; this is it,
 * built on the same writer. */
%newobject kgr_py_docs_to_geojson;
%typemap(newfree) char *kgr_py_docs_to_geojson "free($1);";
%typemap(out) char *kgr_py_docs_to_geojson {
  if (!$1) {
    if (arg3 & ~(uint32_t)KGR_FORMAT_ALL)
      PyErr_SetString(PyExc_ValueError, "unknown KGR_FORMAT_* flag");
    else
      PyErr_NoMemory();
    SWIG_fail;
  }
  $result = PyUnicode_DecodeUTF8($1, (Py_ssize_t)*arg4, "strict");
}
%typemap(doctype) char *kgr_py_docs_to_geojson "str";
%inline %{
/** One GeoJSON FeatureCollection over the documents, as
 * kgr_docs_write_geojson() writes it; NULL on bad flags or no memory. */
static char *kgr_py_docs_to_geojson(const kgr_doc *const *docs, size_t n, uint32_t flags,
                                    size_t *len) {
  kgr_py_buffer b = {NULL, 0, 0};
  if (kgr_docs_write_geojson(docs, n, flags, kgr_py_buffer_write, &b) != KGR_OK) {
    free(b.data);
    return NULL;
  }
  if (!b.data && !(b.data = malloc(1)))
    return NULL;
  b.data[b.len] = '\0';
  *len = b.len;
  return b.data;
}
%}

/* ------------------------------------------------------------------------
 * Corroboration (kgr_corroborate.h). The result owns one arena holding
 * copies of everything it reports (corroborate.c copies names, texts and
 * places), so it needs no document; its proxy frees it. Groups, members,
 * figures and claims are borrowed from it and keep it alive by `_parent`.
 * ---------------------------------------------------------------------- */
%ignore kgr_corroboration_free;
/* INT64_MAX is beyond SWIG's preprocessor: give the value itself. */
%constant int64_t KGR_CORR_UNBOUNDED = INT64_MAX;
%ignore kgr_corroboration_write_json;
%newobject kgr_corroborate;

%typemap(check) const kgr_corroboration *c {
  if (!$1)
    SWIG_exception_fail(SWIG_ValueError, "the corroboration is None");
}

%newobject kgr_corroboration_to_json;
%typemap(out) char *kgr_corroboration_to_json {
  if (!$1) {
    if (arg2 & ~(uint32_t)KGR_JSON_ALL)
      PyErr_SetString(PyExc_ValueError, "unknown KGR_JSON_* flag");
    else
      PyErr_NoMemory();
    SWIG_fail;
  }
  $result = PyUnicode_DecodeUTF8($1, (Py_ssize_t)*arg3, "strict");
}
%typemap(doctype) char *kgr_corroboration_to_json "str";

%extend kgr_corroboration {
  ~kgr_corroboration() { kgr_corroboration_free($self); }
}
struct kgr_corroboration {};

KGR_CHILD(kgr_corroboration_group, c)
KGR_CHILD(kgr_corr_group::member, self)
KGR_CHILD(kgr_corr_group::figure, self)
KGR_CHILD(kgr_corr_figure::claim, self)

%{
static PyObject *kgr_corr_group_types__get(kgr_corr_group *g) {
  KGR_PY_ENUMS(g->types, g->type_count);
}
static PyObject *kgr_corr_group_places__get(kgr_corr_group *g) {
  return kgr_py_strs(g->places, g->place_count);
}
%}
KGR_LIST(kgr_corr_group, types, "KGR_EVENT_* values, distinct (list of int)")
KGR_LIST(kgr_corr_group, places, "distinct place names (list of str)")

%ignore kgr_corr_group::members;
%ignore kgr_corr_group::figures;
%ignore kgr_corr_figure::claims;
%extend kgr_corr_group {
  /** The i-th member event, or None when out of range. */
  const kgr_corr_member *member(size_t i) {
    return i < $self->member_count ? &$self->members[i] : NULL;
  }
  /** The i-th reconciled figure kind, or None when out of range. */
  const kgr_corr_figure *figure(size_t i) {
    return i < $self->figure_count ? &$self->figures[i] : NULL;
  }
}
%extend kgr_corr_figure {
  /** The i-th claim, or None when out of range. */
  const kgr_corr_claim *claim(size_t i) {
    return i < $self->claim_count ? &$self->claims[i] : NULL;
  }
}

%immutable;
%include <kgrights/kgr_version.h>
%include <kgrights/kgr_common.h>
%include <kgrights/kgr_record.h>
%include <kgrights/kgr_doc.h>
%include <kgrights/kgr_write.h>
%include <kgrights/kgr_formats.h>
/* A failed corroboration is no parse error: EINVAL is a ValueError (the
 * package checks its arguments first), ENOMEM a MemoryError. This replaces
 * the ParseError typemap for the declarations below only. */
%typemap(argout) kgr_error *err {
  if (!result) {
    Py_XDECREF($result);
    $result = NULL;
    if ($1->code == KGR_ENOMEM)
      PyErr_NoMemory();
    else
      PyErr_Format(PyExc_ValueError, "%.160s", $1->message);
    SWIG_fail;
  }
}
%include <kgrights/kgr_corroborate.h>
%mutable;
