/* objects.c - what the module returns: Sentence and Keyword (immutable
 * records, compared and hashed by value, picklable, str() is the text) and
 * Summary (a list of sentences that also carries the keywords, the
 * language and the format of the text). */
#include "pysumm.h"

#include <structmember.h>

PyObject *summpy_Error;

/* ---- Sentence ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *text;
    Py_ssize_t start, end, byte_offset, byte_length, index;
    double score;
    unsigned flags;
    Py_ssize_t document;
    PyObject *label;      /* the speaker or sender, or None */
} SentenceObject;

PyObject *
summpy_sentence_new(PyObject *text, Py_ssize_t start, Py_ssize_t end, Py_ssize_t byte_offset,
                    Py_ssize_t byte_length, Py_ssize_t index, double score, unsigned flags,
                    Py_ssize_t document, PyObject *label)
{
    if (!text || !label) {
        Py_XDECREF(text);
        Py_XDECREF(label);
        return NULL;
    }
    SentenceObject *s = PyObject_New(SentenceObject, &summpy_SentenceType);
    if (!s) {
        Py_DECREF(text);
        Py_DECREF(label);
        return NULL;
    }
    s->text = text;
    s->start = start;
    s->end = end;
    s->byte_offset = byte_offset;
    s->byte_length = byte_length;
    s->index = index;
    s->score = score;
    s->flags = flags;
    s->document = document;
    s->label = label;
    return (PyObject *)s;
}

static PyObject *
sentence_tp_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *names[] = { "text", "start", "end", "byte_offset", "byte_length", "index",
                             "score", "flags", "document", "label", NULL };
    PyObject *text, *label = Py_None;
    Py_ssize_t a, b, bo, bl, idx = 0, doc = 0;
    double score = 0;
    unsigned int flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "Unnnn|ndInO:Sentence", names, &text, &a, &b,
                                     &bo, &bl, &idx, &score, &flags, &doc, &label))
        return NULL;
    if (label != Py_None && !PyUnicode_Check(label)) {
        PyErr_SetString(PyExc_TypeError, "Sentence: label must be a str or None");
        return NULL;
    }
    SentenceObject *s = (SentenceObject *)type->tp_alloc(type, 0);
    if (!s)
        return NULL;
    Py_INCREF(text);
    s->text = text;
    s->start = a;
    s->end = b;
    s->byte_offset = bo;
    s->byte_length = bl;
    s->index = idx;
    s->score = score;
    s->flags = flags;
    s->document = doc;
    Py_INCREF(label);
    s->label = label;
    return (PyObject *)s;
}

static void
sentence_dealloc(PyObject *self)
{
    Py_XDECREF(((SentenceObject *)self)->text);
    Py_XDECREF(((SentenceObject *)self)->label);
    Py_TYPE(self)->tp_free(self);
}

/* The fields as a tuple, in the constructor's order: for ==, hash and
 * pickling. */
static PyObject *
sentence_fields(PyObject *self)
{
    SentenceObject *s = (SentenceObject *)self;
    return Py_BuildValue("(OnnnnndknO)", s->text, s->start, s->end, s->byte_offset,
                         s->byte_length, s->index, s->score, (unsigned long)s->flags,
                         s->document, s->label);
}

static PyObject *
sentence_repr(PyObject *self)
{
    SentenceObject *s = (SentenceObject *)self;
    PyObject *score = PyFloat_FromDouble(s->score);
    if (!score)
        return NULL;
    PyObject *r = s->document
        ? PyUnicode_FromFormat("Sentence(document=%zd, index=%zd, start=%zd, end=%zd, score=%R, "
                               "text=%R)", s->document, s->index, s->start, s->end, score, s->text)
        : PyUnicode_FromFormat("Sentence(index=%zd, start=%zd, end=%zd, score=%R, text=%R)",
                               s->index, s->start, s->end, score, s->text);
    Py_DECREF(score);
    return r;
}

static PyObject *
sentence_str(PyObject *self)
{
    PyObject *t = ((SentenceObject *)self)->text;
    Py_INCREF(t);
    return t;
}

/* == and hash by value, through the tuple of fields. Shared by Keyword. */
static PyObject *
fields_richcompare(PyObject *a, PyObject *b, int op, PyObject *(*fields)(PyObject *))
{
    if (!PyObject_TypeCheck(b, Py_TYPE(a)) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *ta = fields(a), *tb = ta ? fields(b) : NULL;
    PyObject *r = tb ? PyObject_RichCompare(ta, tb, op) : NULL;
    Py_XDECREF(ta);
    Py_XDECREF(tb);
    return r;
}

static Py_hash_t
fields_hash(PyObject *self, PyObject *(*fields)(PyObject *))
{
    PyObject *t = fields(self);
    if (!t)
        return -1;
    Py_hash_t h = PyObject_Hash(t);
    Py_DECREF(t);
    return h;
}

static PyObject *
fields_reduce(PyObject *self, PyObject *(*fields)(PyObject *))
{
    PyObject *t = fields(self);
    if (!t)
        return NULL;
    PyObject *r = Py_BuildValue("(ON)", (PyObject *)Py_TYPE(self), t);
    return r;
}

static PyObject *
sentence_richcompare(PyObject *a, PyObject *b, int op)
{
    return fields_richcompare(a, b, op, sentence_fields);
}

static Py_hash_t
sentence_hash(PyObject *self)
{
    return fields_hash(self, sentence_fields);
}

static PyObject *
sentence_reduce(PyObject *self, PyObject *unused)
{
    return fields_reduce(self, sentence_fields);
}

static PyObject *
sentence_flag(PyObject *self, void *bit)
{
    return PyBool_FromLong((((SentenceObject *)self)->flags & (unsigned)(uintptr_t)bit) != 0);
}

static PyMemberDef sentence_members[] = {
    { "text", T_OBJECT_EX, offsetof(SentenceObject, text), READONLY,
      "the sentence's clean text (for plain text, exactly the input's characters)" },
    { "start", T_PYSSIZET, offsetof(SentenceObject, start), READONLY,
      "offset of its first character in the argument: code points for a str, bytes for bytes" },
    { "end", T_PYSSIZET, offsetof(SentenceObject, end), READONLY,
      "offset just past its last character, in the same unit as start" },
    { "byte_offset", T_PYSSIZET, offsetof(SentenceObject, byte_offset), READONLY,
      "offset of its first byte in the UTF-8 of the argument" },
    { "byte_length", T_PYSSIZET, offsetof(SentenceObject, byte_length), READONLY,
      "its length in bytes of UTF-8" },
    { "index", T_PYSSIZET, offsetof(SentenceObject, index), READONLY,
      "its number among all the text's sentences, from 0" },
    { "score", T_DOUBLE, offsetof(SentenceObject, score), READONLY,
      "its score in [0, 1], 1 for the best sentence; 0 from split()" },
    { "flags", T_UINT, offsetof(SentenceObject, flags), READONLY,
      "FLAG_* bits (is_heading, is_list_item, ... read them one by one)" },
    { "document", T_PYSSIZET, offsetof(SentenceObject, document), READONLY,
      "which text of a list of texts it is from (from 0); start, end and index are then\n"
      "within that text. 0 for a single text" },
    { "label", T_OBJECT, offsetof(SentenceObject, label), READONLY,
      "who says it: the speaker of a transcript's turn, the sender of an e-mail; None\n"
      "when the format has none" },
    { NULL },
};

static PyGetSetDef sentence_getset[] = {
    { "is_heading", sentence_flag, NULL, "a title or heading line", (void *)(uintptr_t)SUMM_FLAG_HEADING },
    { "is_list_item", sentence_flag, NULL, "a bullet or numbered list item",
      (void *)(uintptr_t)SUMM_FLAG_LIST_ITEM },
    { "is_boilerplate", sentence_flag, NULL, "page furniture: 'Advertisement', a dateline",
      (void *)(uintptr_t)SUMM_FLAG_BOILERPLATE },
    { "is_paragraph_start", sentence_flag, NULL, "the first sentence of a paragraph",
      (void *)(uintptr_t)SUMM_FLAG_PARAGRAPH },
    { "selected", sentence_flag, NULL, "chosen for the summary (summarize(), rank())",
      (void *)(uintptr_t)SUMM_FLAG_SELECTED },
    { "matches_query", sentence_flag, NULL, "has a content word of the query= option",
      (void *)(uintptr_t)SUMM_FLAG_QUERY },
    { "is_quoted", sentence_flag, NULL, "quoted text: an e-mail's reply, a Markdown quote",
      (void *)(uintptr_t)SUMM_FLAG_QUOTED },
    { "is_filler", sentence_flag, NULL, "a filler of speech ('okay', 'um')",
      (void *)(uintptr_t)SUMM_FLAG_FILLER },
    { NULL },
};

static PyMethodDef sentence_methods[] = {
    { "__reduce__", sentence_reduce, METH_NOARGS, NULL },
    { NULL },
};

PyTypeObject summpy_SentenceType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "summarize.Sentence",
    .tp_basicsize = sizeof(SentenceObject),
    .tp_dealloc = sentence_dealloc,
    .tp_repr = sentence_repr,
    .tp_str = sentence_str,
    .tp_hash = sentence_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Sentence(text, start, end, byte_offset, byte_length, index=0, score=0.0, flags=0, "
              "document=0, label=None)\n"
              "--\n\n"
              "One sentence of a text: its clean text, where it is in the argument\n"
              "(text[s.start:s.end] == s.text for plain text in a str), its number and\n"
              "its score. Immutable; compared and hashed by value; str() is the text.",
    .tp_richcompare = sentence_richcompare,
    .tp_methods = sentence_methods,
    .tp_members = sentence_members,
    .tp_getset = sentence_getset,
    .tp_new = sentence_tp_new,
};

/* ---- Keyword ------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *text;
    Py_ssize_t start, end, byte_offset, byte_length, count;
    double score;
    Py_ssize_t document;
} KeywordObject;

PyObject *
summpy_keyword_new(PyObject *text, Py_ssize_t start, Py_ssize_t end, Py_ssize_t byte_offset,
                   Py_ssize_t byte_length, double score, Py_ssize_t count, Py_ssize_t document)
{
    if (!text)
        return NULL;
    KeywordObject *k = PyObject_New(KeywordObject, &summpy_KeywordType);
    if (!k) {
        Py_DECREF(text);
        return NULL;
    }
    k->text = text;
    k->start = start;
    k->end = end;
    k->byte_offset = byte_offset;
    k->byte_length = byte_length;
    k->score = score;
    k->count = count;
    k->document = document;
    return (PyObject *)k;
}

static PyObject *
keyword_tp_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *names[] = { "text", "start", "end", "byte_offset", "byte_length", "score",
                             "count", "document", NULL };
    PyObject *text;
    Py_ssize_t a, b, bo, bl, count = 1, doc = 0;
    double score = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "Unnnn|dnn:Keyword", names, &text, &a, &b, &bo,
                                     &bl, &score, &count, &doc))
        return NULL;
    KeywordObject *k = (KeywordObject *)type->tp_alloc(type, 0);
    if (!k)
        return NULL;
    Py_INCREF(text);
    k->text = text;
    k->start = a;
    k->end = b;
    k->byte_offset = bo;
    k->byte_length = bl;
    k->score = score;
    k->count = count;
    k->document = doc;
    return (PyObject *)k;
}

static void
keyword_dealloc(PyObject *self)
{
    Py_XDECREF(((KeywordObject *)self)->text);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
keyword_fields(PyObject *self)
{
    KeywordObject *k = (KeywordObject *)self;
    return Py_BuildValue("(Onnnndnn)", k->text, k->start, k->end, k->byte_offset, k->byte_length,
                         k->score, k->count, k->document);
}

static PyObject *
keyword_str(PyObject *self)
{
    PyObject *t = ((KeywordObject *)self)->text;
    Py_INCREF(t);
    return t;
}

static PyObject *
keyword_repr(PyObject *self)
{
    KeywordObject *k = (KeywordObject *)self;
    PyObject *score = PyFloat_FromDouble(k->score);
    if (!score)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("Keyword(text=%R, score=%R, start=%zd, end=%zd, count=%zd)",
                                       k->text, score, k->start, k->end, k->count);
    Py_DECREF(score);
    return r;
}

static PyObject *
keyword_richcompare(PyObject *a, PyObject *b, int op)
{
    return fields_richcompare(a, b, op, keyword_fields);
}

static Py_hash_t
keyword_hash(PyObject *self)
{
    return fields_hash(self, keyword_fields);
}

static PyObject *
keyword_reduce(PyObject *self, PyObject *unused)
{
    return fields_reduce(self, keyword_fields);
}

static PyMemberDef keyword_members[] = {
    { "text", T_OBJECT_EX, offsetof(KeywordObject, text), READONLY,
      "the keyword or phrase as it first appears, white space collapsed to single spaces" },
    { "score", T_DOUBLE, offsetof(KeywordObject, score), READONLY,
      "its score in (0, 1], 1 for the best keyword" },
    { "start", T_PYSSIZET, offsetof(KeywordObject, start), READONLY,
      "offset of its first occurrence in the argument: code points for a str, bytes for bytes" },
    { "end", T_PYSSIZET, offsetof(KeywordObject, end), READONLY,
      "offset just past its first occurrence, in the same unit as start" },
    { "byte_offset", T_PYSSIZET, offsetof(KeywordObject, byte_offset), READONLY,
      "offset of its first occurrence in the UTF-8 of the argument" },
    { "byte_length", T_PYSSIZET, offsetof(KeywordObject, byte_length), READONLY,
      "length of its first occurrence in bytes of UTF-8" },
    { "count", T_PYSSIZET, offsetof(KeywordObject, count), READONLY,
      "how many times its words (by stem) occur in a row, also inside longer phrases" },
    { "document", T_PYSSIZET, offsetof(KeywordObject, document), READONLY,
      "which text of a list of texts its first occurrence is in (0 for a single text)" },
    { NULL },
};

static PyMethodDef keyword_methods[] = {
    { "__reduce__", keyword_reduce, METH_NOARGS, NULL },
    { NULL },
};

PyTypeObject summpy_KeywordType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "summarize.Keyword",
    .tp_basicsize = sizeof(KeywordObject),
    .tp_dealloc = keyword_dealloc,
    .tp_repr = keyword_repr,
    .tp_str = keyword_str,
    .tp_hash = keyword_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Keyword(text, start, end, byte_offset, byte_length, score=0.0, count=1, document=0)\n"
              "--\n\n"
              "A keyword or key phrase: its text, score, number of occurrences and where\n"
              "it first occurs. Immutable; compared and hashed by value; str() is the text.",
    .tp_richcompare = keyword_richcompare,
    .tp_methods = keyword_methods,
    .tp_members = keyword_members,
    .tp_new = keyword_tp_new,
};

/* ---- Summary: a list with attributes --------------------------------------- */

typedef struct {
    PyListObject list;
    PyObject *keywords;   /* a list of Keyword */
    PyObject *language;   /* str */
    PyObject *format;     /* str */
    Py_ssize_t sentence_count;
    unsigned warnings;
    Py_ssize_t document_count;
} SummaryObject;

PyObject *
summpy_summary_new(PyObject *keywords, const char *language, const char *format,
                   Py_ssize_t sentence_count, unsigned warnings, Py_ssize_t document_count)
{
    if (!keywords)
        return NULL;
    SummaryObject *s = (SummaryObject *)summpy_SummaryType.tp_alloc(&summpy_SummaryType, 0);
    if (!s) {
        Py_DECREF(keywords);
        return NULL;
    }
    s->keywords = keywords;
    s->language = PyUnicode_FromString(language);
    s->format = PyUnicode_FromString(format);
    s->sentence_count = sentence_count;
    s->warnings = warnings;
    s->document_count = document_count;
    if (!s->language || !s->format) {
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

static PyObject *
summary_tp_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *names[] = { "sentences", "keywords", "language", "format", "sentence_count",
                             "warnings", "document_count", NULL };
    PyObject *sent = NULL, *kws = NULL, *lang = NULL, *fmt = NULL;
    Py_ssize_t count = 0, ndoc = 1;
    unsigned int warn = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|OOUUnIn:Summary", names, &sent, &kws, &lang,
                                     &fmt, &count, &warn, &ndoc))
        return NULL;
    SummaryObject *s = (SummaryObject *)type->tp_alloc(type, 0);
    if (!s)
        return NULL;
    s->keywords = kws && kws != Py_None ? PySequence_List(kws) : PyList_New(0);
    s->language = lang ? (Py_INCREF(lang), lang) : PyUnicode_FromString("und");
    s->format = fmt ? (Py_INCREF(fmt), fmt) : PyUnicode_FromString("text");
    s->sentence_count = count;
    s->warnings = warn;
    s->document_count = ndoc;
    PyObject *items = sent ? PySequence_List(sent) : NULL;
    if (!s->keywords || !s->language || !s->format || (sent && !items)
        || (items && PyList_SetSlice((PyObject *)s, 0, 0, items) < 0)) {
        Py_XDECREF(items);
        Py_DECREF(s);
        return NULL;
    }
    Py_XDECREF(items);
    return (PyObject *)s;
}

/* list.__init__ would empty the list again and refuse our arguments:
 * everything is done in __new__. */
static int
summary_init(PyObject *self, PyObject *args, PyObject *kw)
{
    return 0;
}

static int
summary_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((SummaryObject *)self)->keywords);
    return PyList_Type.tp_traverse(self, visit, arg);
}

static int
summary_clear(PyObject *self)
{
    Py_CLEAR(((SummaryObject *)self)->keywords);
    return PyList_Type.tp_clear(self);
}

static void
summary_dealloc(PyObject *self)
{
    SummaryObject *s = (SummaryObject *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(s->keywords);
    Py_CLEAR(s->language);
    Py_CLEAR(s->format);
    PyList_Type.tp_dealloc(self);
}

static PyObject *
summary_reduce(PyObject *self, PyObject *unused)
{
    SummaryObject *s = (SummaryObject *)self;
    PyObject *items = PySequence_List(self);
    if (!items)
        return NULL;
    return Py_BuildValue("(O(NOOOnIn))", (PyObject *)Py_TYPE(self), items,
                         s->keywords ? s->keywords : Py_None, s->language, s->format,
                         s->sentence_count, s->warnings, s->document_count);
}

static PyMemberDef summary_members[] = {
    { "keywords", T_OBJECT, offsetof(SummaryObject, keywords), READONLY,
      "the keywords (a list of Keyword, best first; empty unless keywords=N was given)" },
    { "language", T_OBJECT, offsetof(SummaryObject, language), READONLY,
      "the language the text was read as: an ISO 639-1 code, 'und' if unknown" },
    { "format", T_OBJECT, offsetof(SummaryObject, format), READONLY,
      "the input format the text was read as ('text', ...)" },
    { "sentence_count", T_PYSSIZET, offsetof(SummaryObject, sentence_count), READONLY,
      "how many sentences the whole text has (all the texts, for a list of texts)" },
    { "document_count", T_PYSSIZET, offsetof(SummaryObject, document_count), READONLY,
      "how many texts it was made of: 1, or the length of a list of texts" },
    { "warnings", T_UINT, offsetof(SummaryObject, warnings), READONLY,
      "WARN_* bits: what did not stop the run (WARN_NO_STEMMER: words were not stemmed;\n"
      "WARN_QUERY_UNMATCHED: no sentence has a word of the query)" },
    { NULL },
};

static PyMethodDef summary_methods[] = {
    { "__reduce__", summary_reduce, METH_NOARGS, NULL },
    { NULL },
};

PyTypeObject summpy_SummaryType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "summarize.Summary",
    .tp_basicsize = sizeof(SummaryObject),
    .tp_dealloc = summary_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Summary(sentences=(), keywords=(), language='und', format='text', sentence_count=0, "
              "warnings=0, document_count=1)\n"
              "--\n\n"
              "A list of Sentence in text order, with what was learnt about the text:\n"
              "keywords, language, format, sentence_count, warnings.",
    .tp_traverse = summary_traverse,
    .tp_clear = summary_clear,
    .tp_methods = summary_methods,
    .tp_members = summary_members,
    .tp_init = summary_init,
    .tp_new = summary_tp_new,
};

int
summpy_types_ready(void)
{
    summpy_SummaryType.tp_base = &PyList_Type;
    if (PyType_Ready(&summpy_SentenceType) < 0 || PyType_Ready(&summpy_KeywordType) < 0
        || PyType_Ready(&summpy_SummaryType) < 0)
        return -1;
    if (!summpy_Error) {
        summpy_Error = PyErr_NewExceptionWithDoc(
            "summarize.Error",
            "The text or an option could not be used. A ValueError. Attributes:\n"
            "code: the library's status (a negative int: -3 invalid UTF-8, -4 binary data,\n"
            "-5 unknown language, ...); offset: where in the argument the bad input is\n"
            "(code points for a str, bytes for bytes) or None; byte_offset: the same in\n"
            "bytes of UTF-8, or None.",
            PyExc_ValueError, NULL);
        if (!summpy_Error)
            return -1;
    }
    return 0;
}
