/* module.c - the module `summarize`: its functions, the Summarizer type,
 * the constants. The functions take a context from a small pool (each
 * call resets its options, keeps its caches), so calls from many threads
 * each get their own and run in parallel: the GIL is released around the
 * library's work (call.c). */
#include "pysumm.h"

#include <string.h>

/* The library's memory goes through Python's raw allocator, which needs
 * no GIL and which tracemalloc sees. */
static void *
py_malloc(void *opaque, size_t n)
{
    return PyMem_RawMalloc(n);
}

static void *
py_realloc(void *opaque, void *p, size_t n)
{
    return PyMem_RawRealloc(p, n);
}

static void
py_free(void *opaque, void *p)
{
    PyMem_RawFree(p);
}

static const summ_allocator py_alloc = { py_malloc, py_realloc, py_free, NULL };

static summ_ctx *
new_ctx(void)
{
    summ_ctx *c;
    if (summ_new(&py_alloc, &c) != SUMM_OK) {
        PyErr_NoMemory();
        return NULL;
    }
    return c;
}

/* ---- the pool of the module functions' contexts (used with the GIL held) ---- */

#define POOL_MAX 64  /* idle contexts kept; more threads than this make new ones */
static summ_ctx *pool[POOL_MAX];
static int npool;

static summ_ctx *
pool_get(void)
{
    return npool ? pool[--npool] : new_ctx();
}

static void
pool_put(summ_ctx *c)
{
    if (npool < POOL_MAX)
        pool[npool++] = c;
    else
        summ_free(c);
}

static const summpy_shortcut sc_sentences = { "sentences", SUMM_OPT_MAX_SENTENCES, 0, 0 };
static const summpy_shortcut sc_keywords = { "n", SUMM_OPT_MAX_KEYWORDS, 1, 10 };

/* The text and the optional second positional argument of a call. */
static int
positional(PyObject *args, const char *fname, const summpy_shortcut *sc, PyObject **text,
           PyObject **second)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args), max = sc ? 2 : 1;
    if (n < 1 || n > max) {
        if (n < 1)
            PyErr_Format(PyExc_TypeError, "%s() missing required argument: 'text'", fname);
        else
            PyErr_Format(PyExc_TypeError, "%s() takes at most %zd positional arguments (%zd given)",
                         fname, max, n);
        return -1;
    }
    *text = PyTuple_GET_ITEM(args, 0);
    *second = n > 1 ? PyTuple_GET_ITEM(args, 1) : NULL;
    return 0;
}

static PyObject *
module_call(PyObject *args, PyObject *kw, summpy_kind kind, const char *fname,
            const summpy_shortcut *sc)
{
    PyObject *text, *second;
    summpy_opts opts;
    if (positional(args, fname, sc, &text, &second) < 0
        || summpy_opts_parse(kw, second, sc, fname, &opts) < 0)
        return NULL;
    summ_ctx *ctx = pool_get();
    if (!ctx) {
        summpy_opts_free(&opts);
        return NULL;
    }
    summpy_where w = { ctx, 1, NULL };
    PyObject *r = summpy_call(&w, kind, text, &opts);
    pool_put(ctx);
    summpy_opts_free(&opts);
    return r;
}

static PyObject *
m_summarize(PyObject *mod, PyObject *args, PyObject *kw)
{
    return module_call(args, kw, SUMMPY_RUN, "summarize", &sc_sentences);
}

static PyObject *
m_rank(PyObject *mod, PyObject *args, PyObject *kw)
{
    return module_call(args, kw, SUMMPY_RANK, "rank", NULL);
}

static PyObject *
m_split(PyObject *mod, PyObject *args, PyObject *kw)
{
    return module_call(args, kw, SUMMPY_SPLIT, "split", NULL);
}

static PyObject *
m_keywords(PyObject *mod, PyObject *args, PyObject *kw)
{
    return module_call(args, kw, SUMMPY_KEYWORDS, "keywords", &sc_keywords);
}

static PyObject *
m_languages(PyObject *mod, PyObject *unused)
{
    PyObject *l = PyList_New(0);
    for (const char *const *c = summ_languages(); l && *c; c++) {
        PyObject *s = PyUnicode_FromString(*c);
        if (!s || PyList_Append(l, s) < 0)
            Py_CLEAR(l);
        Py_XDECREF(s);
    }
    return l;
}

static PyObject *
m_language_name(PyObject *mod, PyObject *arg)
{
    if (!PyUnicode_Check(arg))
        return PyErr_Format(PyExc_TypeError, "language_name(): argument must be str, not %.100s",
                            Py_TYPE(arg)->tp_name);
    const char *s = PyUnicode_AsUTF8(arg);
    if (!s)
        return NULL;
    const char *name = summ_language_name(s);
    if (!name)
        Py_RETURN_NONE;
    return PyUnicode_FromString(name);
}

static PyObject *
m_formats(PyObject *mod, PyObject *unused)
{
    (void)mod;
    (void)unused;
    return summpy_format_list();
}

/* One option's description as a dict. */
static PyObject *
option_dict(const summ_option_info *in)
{
    PyObject *type = in->type == SUMM_TYPE_INT    ? (PyObject *)&PyLong_Type
                     : in->type == SUMM_TYPE_REAL ? (PyObject *)&PyFloat_Type
                                                  : (PyObject *)&PyUnicode_Type;
    PyObject *def, *lo, *hi;
    if (in->type == SUMM_TYPE_STRING) {
        def = in->def_string ? PyUnicode_FromString(in->def_string) : (Py_INCREF(Py_None), Py_None);
        lo = (Py_INCREF(Py_None), Py_None);
        hi = (Py_INCREF(Py_None), Py_None);
    } else if (in->type == SUMM_TYPE_INT) {
        def = PyLong_FromLongLong((long long)in->def);
        lo = PyLong_FromLongLong((long long)in->min);
        hi = PyLong_FromLongLong((long long)in->max);
    } else {
        def = PyFloat_FromDouble(in->def);
        lo = PyFloat_FromDouble(in->min);
        hi = PyFloat_FromDouble(in->max);
    }
    if (!def || !lo || !hi) {
        Py_XDECREF(def);
        Py_XDECREF(lo);
        Py_XDECREF(hi);
        return NULL;
    }
    return Py_BuildValue("{s:O,s:N,s:N,s:N,s:O,s:O,s:s,s:O,s:i}", "type", type, "default", def,
                         "min", lo, "max", hi, "min_excluded", in->min_excluded ? Py_True : Py_False,
                         "max_excluded", in->max_excluded ? Py_True : Py_False, "doc",
                         in->doc ? in->doc : "", "experimental",
                         in->experimental ? Py_True : Py_False, "number", (int)in->option);
}

static PyObject *
m_options(PyObject *mod, PyObject *unused)
{
    PyObject *d = PyDict_New();
    const summ_option_info *in;
    for (size_t i = 0; d && (in = summ_option_info_at(i)); i++) {
        PyObject *o = option_dict(in);
        if (!o || PyDict_SetItemString(d, in->name, o) < 0)
            Py_CLEAR(d);
        Py_XDECREF(o);
    }
    return d;
}

#define CALL_DOC_OPTIONS                                                                    \
    "Options, as keywords (summarize.options() lists them all, with their bounds):\n"       \
    "  sentences  at most this many sentences (3 when no length is given)\n"                \
    "  ratio      at most this fraction of the sentences, in (0, 1]\n"                       \
    "  words      at most this many words in all\n"                                         \
    "  language   'auto' (detect), an ISO 639-1 code ('de'), a name ('german'), 'none'\n"   \
    "  keywords   also find this many keywords (the result's .keywords)\n"                  \
    "  query      bias the summary toward sentences with these words (still extractive)\n" \
    "  stopwords  extra stopwords, separated by white space\n"                             \
    "  format     the input format: 'auto', 'text', ... (summarize.formats())\n"            \
    "  data_dir   a directory of word lists overriding the built-in ones\n"                 \
    "and every other option by its name (w_position=1.5, ...). When several\n"              \
    "length limits are given, the smallest wins; giving any of them unsets the\n"          \
    "others. None is the option's default (for a length limit, like 0: not set).\n\n"

#define CALL_DOC_RETURNS                                                                    \
    "The sentences' start and end are offsets into text: code points for a str\n"          \
    "(text[s.start:s.end] == s.text for plain text), bytes for bytes; byte_offset\n"      \
    "and byte_length are always bytes of UTF-8.\n\n"                                       \
    "Raises TypeError if text is not str or bytes-like, or for an unknown keyword\n"      \
    "or a value of the wrong type; summarize.Error (a ValueError) for invalid\n"           \
    "UTF-8, a lone surrogate, a NUL character, a value out of range or an unknown\n"      \
    "language; for a list of texts its .document says which text is bad. The GIL\n"       \
    "is released while the library works."

static PyMethodDef module_methods[] = {
    { "summarize", (PyCFunction)(void (*)(void))m_summarize, METH_VARARGS | METH_KEYWORDS,
      "summarize(text, /, sentences=None, *, ratio=None, words=None, language='auto', "
      "keywords=0, **options)\n--\n\n"
      "The most important sentences of text (a str, or UTF-8 bytes), in text order:\n"
      "a Summary, which is a list of Sentence with .keywords, .language, .format,\n"
      ".sentence_count and .warnings.\n\n"
      "text may also be a list (or other iterable) of texts: one summary of them all\n"
      "(a news cluster, a thread), ranked as one graph, in the order of the list; each\n"
      "sentence's .document says which text it is from, and its offsets are into that\n"
      "text.\n\n" CALL_DOC_OPTIONS CALL_DOC_RETURNS },
    { "rank", (PyCFunction)(void (*)(void))m_rank, METH_VARARGS | METH_KEYWORDS,
      "rank(text, /, **options)\n--\n\n"
      "Every sentence of text with its score, in text order; those summarize() would\n"
      "choose have .selected set. A Summary, like summarize(); text may be a list of\n"
      "texts, as there.\n\n" CALL_DOC_OPTIONS
      CALL_DOC_RETURNS },
    { "split", (PyCFunction)(void (*)(void))m_split, METH_VARARGS | METH_KEYWORDS,
      "split(text, /, **options)\n--\n\n"
      "Every sentence of text, in order, without scoring (score 0): a sentence\n"
      "splitter. Headings and list items are units of their own. A Summary.\n\n"
      "Options: language, format, data_dir (the others have no effect).\n\n" CALL_DOC_RETURNS },
    { "keywords", (PyCFunction)(void (*)(void))m_keywords, METH_VARARGS | METH_KEYWORDS,
      "keywords(text, /, n=10, **options)\n--\n\n"
      "The n best keywords and key phrases of text, best first: a list of Keyword\n"
      "(text, score, count, and start, end of the first occurrence). A keyword's\n"
      "text has its white space collapsed to single spaces. text may be a list of texts\n"
      "(each keyword's .document says where its first occurrence is).\n\n" CALL_DOC_OPTIONS
      CALL_DOC_RETURNS },
    { "languages", m_languages, METH_NOARGS,
      "languages()\n--\n\nThe languages the library knows, as ISO 639-1 codes." },
    { "language_name", m_language_name, METH_O,
      "language_name(language, /)\n--\n\n"
      "The English name of a language code, tag or name ('pt-BR' -> 'Portuguese'),\n"
      "or None if it is not one the library knows." },
    { "formats", m_formats, METH_NOARGS,
      "formats()\n--\n\nThe input formats this build reads ('text', ...); 'auto' tells them apart." },
    { "options", m_options, METH_NOARGS,
      "options()\n--\n\n"
      "Every option, name -> dict(type, default, min, max, min_excluded, max_excluded,\n"
      "doc, experimental, number). Experimental ones (the scoring weights) may change\n"
      "or go in any release." },
    { NULL },
};

/* ---- Summarizer ---------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    summ_ctx *ctx;
    PyThread_type_lock lock;  /* held while the context works */
} SummarizerObject;

static PyTypeObject SummarizerType;

static PyObject *
summarizer_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    SummarizerObject *s = (SummarizerObject *)type->tp_alloc(type, 0);
    if (!s)
        return NULL;
    s->lock = PyThread_allocate_lock();
    if (!s->lock) {
        Py_DECREF(s);
        return PyErr_NoMemory();
    }
    if (!(s->ctx = new_ctx())) {
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

static void
summarizer_dealloc(PyObject *self)
{
    SummarizerObject *s = (SummarizerObject *)self;
    summ_free(s->ctx);
    if (s->lock)
        PyThread_free_lock(s->lock);
    Py_TYPE(self)->tp_free(self);
}

/* Another thread may be inside a call on this context, without the GIL:
 * wait for it without holding the GIL. */
static void
lock(SummarizerObject *s)
{
    if (!PyThread_acquire_lock(s->lock, NOWAIT_LOCK)) {
        Py_BEGIN_ALLOW_THREADS
        PyThread_acquire_lock(s->lock, WAIT_LOCK);
        Py_END_ALLOW_THREADS
    }
}

/* Set options for good: Summarizer(**options), .set(**options). */
static int
set_options(SummarizerObject *s, PyObject *kw, const char *fname, int reset)
{
    summpy_opts opts;
    if (summpy_opts_parse(kw, NULL, NULL, fname, &opts) < 0)
        return -1;
    lock(s);
    if (reset)
        summ_reset_options(s->ctx);
    size_t bad = 0;
    summ_status st = summpy_opts_apply(s->ctx, &opts, &bad);
    char msg[512];
    if (st != SUMM_OK) {
        const summ_option_info *in = summ_option_info_get(opts.v[bad].opt);
        const char *m = summ_errmsg(s->ctx);
        size_t ln = strlen(in->name);
        /* name the keyword the caller wrote, as call.c does */
        if (strncmp(m, in->name, ln) == 0 && m[ln] == ':')
            snprintf(msg, sizeof msg, "%s%s", opts.v[bad].name, m + ln);
        else
            snprintf(msg, sizeof msg, "%s", m);
    }
    PyThread_release_lock(s->lock);
    summpy_opts_free(&opts);
    if (st != SUMM_OK) {
        summpy_raise(st, msg, -1, -1);
        return -1;
    }
    return 0;
}

static int
summarizer_init(PyObject *self, PyObject *args, PyObject *kw)
{
    if (PyTuple_GET_SIZE(args)) {
        PyErr_SetString(PyExc_TypeError, "Summarizer() takes options as keywords only");
        return -1;
    }
    return set_options((SummarizerObject *)self, kw, "Summarizer", 1);
}

static PyObject *
summarizer_set(PyObject *self, PyObject *args, PyObject *kw)
{
    if (PyTuple_GET_SIZE(args)) {
        PyErr_SetString(PyExc_TypeError, "set() takes options as keywords only");
        return NULL;
    }
    if (set_options((SummarizerObject *)self, kw, "set", 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
summarizer_call(PyObject *self, PyObject *args, PyObject *kw, summpy_kind kind, const char *fname,
                const summpy_shortcut *sc)
{
    SummarizerObject *s = (SummarizerObject *)self;
    PyObject *text, *second;
    summpy_opts opts;
    if (positional(args, fname, sc, &text, &second) < 0
        || summpy_opts_parse(kw, second, sc, fname, &opts) < 0)
        return NULL;
    summpy_where w = { s->ctx, 0, s->lock };
    PyObject *r = summpy_call(&w, kind, text, &opts);
    summpy_opts_free(&opts);
    return r;
}

static PyObject *
summarizer_summarize(PyObject *self, PyObject *args, PyObject *kw)
{
    return summarizer_call(self, args, kw, SUMMPY_RUN, "summarize", &sc_sentences);
}

static PyObject *
summarizer_rank(PyObject *self, PyObject *args, PyObject *kw)
{
    return summarizer_call(self, args, kw, SUMMPY_RANK, "rank", NULL);
}

static PyObject *
summarizer_split(PyObject *self, PyObject *args, PyObject *kw)
{
    return summarizer_call(self, args, kw, SUMMPY_SPLIT, "split", NULL);
}

static PyObject *
summarizer_keywords(PyObject *self, PyObject *args, PyObject *kw)
{
    return summarizer_call(self, args, kw, SUMMPY_KEYWORDS, "keywords", &sc_keywords);
}

/* name -> value of every option (all=1) or of those not at their default. */
static PyObject *
option_values(SummarizerObject *s, int all)
{
    PyObject *d = PyDict_New();
    const summ_option_info *in;
    lock(s);
    for (size_t i = 0; d && (in = summ_option_info_at(i)); i++) {
        PyObject *v = summpy_option_value(s->ctx, in);
        int keep = all;
        if (v && !all) {
            if (in->type == SUMM_TYPE_STRING)
                keep = v != Py_None;
            else
                keep = PyFloat_AsDouble(v) != in->def;
        }
        if (!v || (keep && PyDict_SetItemString(d, in->name, v) < 0))
            Py_CLEAR(d);
        Py_XDECREF(v);
    }
    PyThread_release_lock(s->lock);
    return d;
}

static PyObject *
summarizer_options(PyObject *self, void *unused)
{
    return option_values((SummarizerObject *)self, 1);
}

static PyObject *
summarizer_repr(PyObject *self)
{
    PyObject *d = option_values((SummarizerObject *)self, 0);
    if (!d)
        return NULL;
    PyObject *parts = PyList_New(0);
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (parts && PyDict_Next(d, &pos, &k, &v)) {
        PyObject *p = PyUnicode_FromFormat("%U=%R", k, v);
        if (!p || PyList_Append(parts, p) < 0)
            Py_CLEAR(parts);
        Py_XDECREF(p);
    }
    Py_DECREF(d);
    if (!parts)
        return NULL;
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *inner = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (!inner)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("summarize.Summarizer(%U)", inner);
    Py_DECREF(inner);
    return r;
}

static PyObject *
summarizer_copy(PyObject *self, PyObject *unused)
{
    SummarizerObject *s = (SummarizerObject *)self;
    SummarizerObject *c = (SummarizerObject *)summarizer_new(Py_TYPE(self), NULL, NULL);
    if (!c)
        return NULL;
    summ_ctx *clone = NULL;
    lock(s);
    summ_status st = summ_clone(s->ctx, &clone);
    PyThread_release_lock(s->lock);
    if (st != SUMM_OK) {
        Py_DECREF(c);
        return PyErr_NoMemory();
    }
    summ_free(c->ctx);
    c->ctx = clone;
    return (PyObject *)c;
}

/* Pickled as its options: Summarizer(**options) on the other side. */
static PyObject *
summarizer_reduce(PyObject *self, PyObject *unused)
{
    PyObject *d = option_values((SummarizerObject *)self, 0);
    if (!d)
        return NULL;
    return Py_BuildValue("(O()N)", (PyObject *)Py_TYPE(self), d);
}

static PyObject *
summarizer_setstate(PyObject *self, PyObject *state)
{
    if (!PyDict_Check(state))
        return PyErr_Format(PyExc_TypeError, "state must be a dict, not %.100s",
                            Py_TYPE(state)->tp_name);
    if (set_options((SummarizerObject *)self, state, "Summarizer", 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

#define METHOD_DOC_TAIL                                                                     \
    "Keyword options apply to this call only, over the Summarizer's own\n"                \
    "(see summarize.summarize() for the options and what is raised)."

static PyMethodDef summarizer_methods[] = {
    { "summarize", (PyCFunction)(void (*)(void))summarizer_summarize, METH_VARARGS | METH_KEYWORDS,
      "summarize($self, text, /, sentences=None, **options)\n--\n\n"
      "The summary of text, as summarize.summarize() gives it.\n" METHOD_DOC_TAIL },
    { "rank", (PyCFunction)(void (*)(void))summarizer_rank, METH_VARARGS | METH_KEYWORDS,
      "rank($self, text, /, **options)\n--\n\nEvery sentence with its score, as summarize.rank().\n"
      METHOD_DOC_TAIL },
    { "split", (PyCFunction)(void (*)(void))summarizer_split, METH_VARARGS | METH_KEYWORDS,
      "split($self, text, /, **options)\n--\n\nEvery sentence, as summarize.split().\n" METHOD_DOC_TAIL },
    { "keywords", (PyCFunction)(void (*)(void))summarizer_keywords, METH_VARARGS | METH_KEYWORDS,
      "keywords($self, text, /, n=10, **options)\n--\n\nThe n best keywords, as summarize.keywords().\n"
      METHOD_DOC_TAIL },
    { "set", (PyCFunction)(void (*)(void))summarizer_set, METH_VARARGS | METH_KEYWORDS,
      "set($self, **options)\n--\n\nChange options for the calls that follow (the caches stay)." },
    { "copy", summarizer_copy, METH_NOARGS,
      "copy($self)\n--\n\nA new Summarizer with the same options and caches of its own: one per thread." },
    { "__reduce__", summarizer_reduce, METH_NOARGS, NULL },
    { "__setstate__", summarizer_setstate, METH_O, NULL },
    { NULL },
};

static PyGetSetDef summarizer_getset[] = {
    { "options", summarizer_options, NULL, "every option's current value, name -> value", NULL },
    { NULL },
};

static PyTypeObject SummarizerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "summarize.Summarizer",
    .tp_basicsize = sizeof(SummarizerObject),
    .tp_dealloc = summarizer_dealloc,
    .tp_repr = summarizer_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Summarizer(**options)\n--\n\n"
              "A reusable summarizer: a library context holding options and caches\n"
              "(stemmers, word lists, the stem cache), for many texts with the same\n"
              "options. Its methods are those of the module: summarize(), rank(),\n"
              "split(), keywords(); set() changes options, copy() makes another.\n\n"
              "Use one from one thread at a time: calls from several threads on the\n"
              "same Summarizer are safe but wait for each other. For parallel work\n"
              "give each thread its own (copy()), or call the module's functions.",
    .tp_methods = summarizer_methods,
    .tp_getset = summarizer_getset,
    .tp_init = summarizer_init,
    .tp_new = summarizer_new,
};

/* ---- the module ------------------------------------------------------------------ */

static void
module_free(void *mod)
{
    while (npool)
        summ_free(pool[--npool]);
}

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "summarize",
    .m_doc = "Offline extractive summarization: the most important sentences of a text,\n"
             "verbatim and in their order, with classical NLP (Snowball stemming, TF-IDF,\n"
             "TextRank) and nothing downloaded.\n\n"
             "    import summarize\n"
             "    for s in summarize.summarize(text, sentences=3):\n"
             "        print(s.start, s.end, s.score, s.text)\n\n"
             "Functions: summarize(), rank(), split(), keywords(), languages(),\n"
             "language_name(), formats(), options(). Summarizer(**options) keeps a\n"
             "context for many calls. Errors: summarize.Error (a ValueError).",
    .m_size = -1,
    .m_methods = module_methods,
    .m_free = module_free,
};

static int
add_int(PyObject *m, const char *name, long v)
{
    return PyModule_AddIntConstant(m, name, v);
}

static int
add_size(PyObject *m, const char *name, size_t v)
{
    PyObject *o = PyLong_FromSize_t(v);
    int r = o ? PyModule_AddObjectRef(m, name, o) : -1;
    Py_XDECREF(o);
    return r;
}

PyMODINIT_FUNC PyInit_summarize(void);

PyMODINIT_FUNC
PyInit_summarize(void)
{
    if (summpy_types_ready() < 0 || PyType_Ready(&SummarizerType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module_def);
    if (!m)
        return NULL;
    if (PyModule_AddStringConstant(m, "__version__", summ_version_string()) < 0
        || PyModule_AddObjectRef(m, "Error", summpy_Error) < 0
        || PyModule_AddObjectRef(m, "Sentence", (PyObject *)&summpy_SentenceType) < 0
        || PyModule_AddObjectRef(m, "Keyword", (PyObject *)&summpy_KeywordType) < 0
        || PyModule_AddObjectRef(m, "Summary", (PyObject *)&summpy_SummaryType) < 0
        || PyModule_AddObjectRef(m, "Summarizer", (PyObject *)&SummarizerType) < 0
        || add_int(m, "FLAG_HEADING", SUMM_FLAG_HEADING) < 0
        || add_int(m, "FLAG_LIST_ITEM", SUMM_FLAG_LIST_ITEM) < 0
        || add_int(m, "FLAG_BOILERPLATE", SUMM_FLAG_BOILERPLATE) < 0
        || add_int(m, "FLAG_PARAGRAPH", SUMM_FLAG_PARAGRAPH) < 0
        || add_int(m, "FLAG_SELECTED", SUMM_FLAG_SELECTED) < 0
        || add_int(m, "FLAG_QUERY", SUMM_FLAG_QUERY) < 0
        || add_int(m, "FLAG_APPARATUS", SUMM_FLAG_APPARATUS) < 0
        || add_int(m, "FLAG_QUOTED", SUMM_FLAG_QUOTED) < 0
        || add_int(m, "FLAG_FILLER", SUMM_FLAG_FILLER) < 0
        || add_int(m, "WARN_NO_STEMMER", SUMM_WARN_NO_STEMMER) < 0
        || add_int(m, "WARN_QUERY_UNMATCHED", SUMM_WARN_QUERY_UNMATCHED) < 0
        || add_int(m, "WARN_CHARSET_CONVERTED", SUMM_WARN_CHARSET_CONVERTED) < 0
        || add_int(m, "WARN_UNDECODED", SUMM_WARN_UNDECODED) < 0
        || add_int(m, "WARN_SKIPPED", SUMM_WARN_SKIPPED) < 0
        || add_size(m, "MAX_INPUT", SUMM_MAX_INPUT) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
