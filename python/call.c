/* call.c - one call from Python to the library: the text's bytes (or
 * those of each text of a list: summ_run_multi()), the work on a context
 * with the GIL released (options, the run, offsets in code points), then
 * the Python objects or the error.
 *
 * A str is handed to the library as UTF-8: an ASCII str's own buffer,
 * else a temporary encoding (PyUnicode_AsUTF8AndSize would keep a UTF-8
 * copy alive as long as the str). Spans come back as byte offsets into
 * that UTF-8; for a str they are turned into code point offsets, so that
 * text[s.start:s.end] is the sentence. */
#include "pysumm.h"

#include <stdlib.h>
#include <string.h>

/* ---- errors ---------------------------------------------------------------- */

static int
set_attr_ssize(PyObject *o, const char *name, Py_ssize_t v)
{
    PyObject *x = v < 0 ? (Py_INCREF(Py_None), Py_None) : PyLong_FromSsize_t(v);
    if (!x)
        return -1;
    int r = PyObject_SetAttrString(o, name, x);
    Py_DECREF(x);
    return r;
}

/* summpy_raise() with the number of the text of a list that is bad
 * (document < 0: None). */
static PyObject *
raise_in(summ_status st, const char *msg, Py_ssize_t offset, Py_ssize_t byte_offset,
         Py_ssize_t document)
{
    if (st == SUMM_ENOMEM)
        return PyErr_NoMemory();
    PyObject *m = PyUnicode_DecodeUTF8(msg, (Py_ssize_t)strlen(msg), "replace");
    PyObject *e = m ? PyObject_CallOneArg(summpy_Error, m) : NULL;
    Py_XDECREF(m);
    if (!e)
        return NULL;
    PyObject *code = PyLong_FromLong((long)st);
    if (!code || PyObject_SetAttrString(e, "code", code) < 0
        || set_attr_ssize(e, "offset", offset) < 0
        || set_attr_ssize(e, "byte_offset", byte_offset) < 0
        || set_attr_ssize(e, "document", document) < 0) {
        Py_XDECREF(code);
        Py_DECREF(e);
        return NULL;
    }
    Py_DECREF(code);
    PyErr_SetObject(summpy_Error, e);
    Py_DECREF(e);
    return NULL;
}

PyObject *
summpy_raise(summ_status st, const char *msg, Py_ssize_t offset, Py_ssize_t byte_offset)
{
    return raise_in(st, msg, offset, byte_offset, -1);
}

/* ---- the texts --------------------------------------------------------------- */

typedef struct input {
    const char *p;
    size_t n;
    int is_str;     /* offsets for Python are code points */
    int ascii;      /* ... which are the byte offsets */
    PyObject *tmp;  /* the UTF-8 of a non-ASCII str */
    Py_buffer view; /* a bytes-like argument */
    int has_view;
} input;

/* The call's texts: one, or a list's (multi). */
typedef struct inputs {
    input *v;
    size_t n;
    int multi;
    PyObject *items;     /* the list's items in a tuple of our own: another thread
                            may change the list while the GIL is released */
    const char **ptrs;   /* for summ_run_multi() */
    size_t *lens;
    input one;
} inputs;

/* A str with a lone surrogate has no UTF-8: summarize.Error, with the
 * surrogate's index and where its bytes would be. */
static int
surrogate_error(PyObject *text, Py_ssize_t document)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    Py_ssize_t start;
    if (!value || !PyErr_GivenExceptionMatches(value, PyExc_UnicodeEncodeError)
        || PyUnicodeEncodeError_GetStart(value, &start) < 0) {
        PyErr_Restore(type, value, tb);
        return -1;
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    PyObject *head = PyUnicode_Substring(text, 0, start);
    PyObject *u8 = head ? PyUnicode_AsUTF8String(head) : NULL;
    Py_XDECREF(head);
    if (!u8)
        return -1;
    Py_ssize_t boff = PyBytes_GET_SIZE(u8);
    Py_DECREF(u8);
    char where[40] = "";
    if (document >= 0)
        snprintf(where, sizeof where, "text %zd: ", document);
    char msg[240];
    snprintf(msg, sizeof msg,
             "%slone surrogate U+%04X at index %zd: not a character, has no UTF-8 "
             "(was the text decoded with errors='surrogateescape'?)",
             where, (unsigned)PyUnicode_READ_CHAR(text, start), start);
    raise_in(SUMM_EUTF8, msg, start, boff, document);
    return -1;
}

/* One text: 0, 1 if it is neither str nor bytes-like, or -1 with an
 * exception. */
static int
input_get(PyObject *text, Py_ssize_t document, input *in)
{
    memset(in, 0, sizeof *in);
    if (PyUnicode_Check(text)) {
        in->is_str = 1;
#if PY_VERSION_HEX < 0x030C0000
        if (PyUnicode_READY(text) < 0)  /* a no-op, and deprecated, from 3.12 */
            return -1;
#endif
        Py_ssize_t n;
        if (PyUnicode_IS_ASCII(text)) {
            in->ascii = 1;
            if (!(in->p = PyUnicode_AsUTF8AndSize(text, &n)))
                return -1;
        } else {
            if (!(in->tmp = PyUnicode_AsUTF8String(text)))
                return surrogate_error(text, document);
            in->p = PyBytes_AS_STRING(in->tmp);
            n = PyBytes_GET_SIZE(in->tmp);
        }
        in->n = (size_t)n;
        return 0;
    }
    if (PyObject_CheckBuffer(text)) {
        if (PyObject_GetBuffer(text, &in->view, PyBUF_SIMPLE) < 0)
            return -1;
        in->has_view = 1;
        in->ascii = 1;
        in->p = in->view.buf;
        in->n = (size_t)in->view.len;
        return 0;
    }
    return 1;
}

static void
input_release(input *in)
{
    Py_CLEAR(in->tmp);
    if (in->has_view)
        PyBuffer_Release(&in->view);
    in->has_view = 0;
}

static void
inputs_release(inputs *t)
{
    for (size_t k = 0; k < t->n; k++)
        input_release(&t->v[k]);
    if (t->v != &t->one)
        PyMem_Free(t->v);
    PyMem_Free(t->ptrs);
    PyMem_Free(t->lens);
    Py_CLEAR(t->items);
    t->v = NULL;
    t->n = 0;
}

/* A str, a bytes-like object, or (but for split) a list or other
 * iterable of them. 0, or -1 with an exception. */
static int
inputs_get(PyObject *text, summpy_kind kind, const char *fname, inputs *t)
{
    memset(t, 0, sizeof *t);
    int r = input_get(text, -1, &t->one);
    if (r <= 0) {
        t->v = &t->one;
        t->n = r == 0;
        return r;
    }
    /* a dict would be its keys: surely not what was meant */
    PyObject *it = kind == SUMMPY_SPLIT || PyDict_Check(text) ? NULL : PyObject_GetIter(text);
    if (!it) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError,
                     kind == SUMMPY_SPLIT ? "%s(): text must be str or bytes, not %.100s"
                                          : "%s(): text must be str or bytes, or a list of them, "
                                            "not %.100s",
                     fname, Py_TYPE(text)->tp_name);
        return -1;
    }
    Py_DECREF(it);
    t->multi = 1;
    if (!(t->items = PySequence_Tuple(text)))
        return -1;
    size_t n = (size_t)PyTuple_GET_SIZE(t->items);
    t->v = PyMem_Calloc(n ? n : 1, sizeof *t->v);
    t->ptrs = PyMem_Calloc(n ? n : 1, sizeof *t->ptrs);
    t->lens = PyMem_Calloc(n ? n : 1, sizeof *t->lens);
    if (!t->v || !t->ptrs || !t->lens) {
        inputs_release(t);
        PyErr_NoMemory();
        return -1;
    }
    for (size_t k = 0; k < n; k++) {
        PyObject *item = PyTuple_GET_ITEM(t->items, (Py_ssize_t)k);
        r = input_get(item, (Py_ssize_t)k, &t->v[k]);
        t->n = k + 1;
        if (r != 0) {
            if (r > 0)
                PyErr_Format(PyExc_TypeError, "%s(): text %zu must be str or bytes, not %.100s",
                             fname, k, Py_TYPE(item)->tp_name);
            inputs_release(t);
            return -1;
        }
        t->ptrs[k] = t->v[k].p;
        t->lens[k] = t->v[k].n;
    }
    return 0;
}

/* ---- byte offsets to code points ---------------------------------------------- */

typedef struct slot {
    size_t doc, off;
    size_t *to;
} slot;

static int
slot_cmp(const void *a, const void *b)
{
    const slot *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* Replace each byte offset *sl[i].to into text sl[i].doc by the number of
 * code points before it, for the texts that are str: sorted by text and
 * offset, one pass over each text. 0, or -1 out of memory. */
static int
to_code_points(const inputs *t, slot *sl, size_t nv)
{
    qsort(sl, nv, sizeof *sl, slot_cmp);
    size_t i = 0;
    while (i < nv) {
        size_t doc = sl[i].doc, e = i;
        while (e < nv && sl[e].doc == doc)
            e++;
        const input *in = doc < t->n ? &t->v[doc] : NULL;
        if (in && in->is_str && !in->ascii) {
            const unsigned char *u = (const unsigned char *)in->p;
            size_t pos = 0, cp = 0;
            for (; i < e; i++) {
                size_t off = sl[i].off < in->n ? sl[i].off : in->n;
                for (; pos < off; pos++)
                    cp += (u[pos] & 0xC0) != 0x80;
                *sl[i].to = cp;
            }
        }
        i = e;
    }
    return 0;
}

/* ---- the work, without the GIL ------------------------------------------------ */

typedef struct job {
    const summpy_where *w;
    summpy_kind kind;
    const summpy_opts *opts;
    const inputs *in;
    /* out */
    summ_status st;
    size_t bad_opt;       /* the option that failed, or (size_t)-1 */
    char msg[512];
    size_t err_off;       /* byte offset of bad input, or (size_t)-1 */
    size_t err_doc;       /* in which text of a list, or (size_t)-1 */
    size_t err_cp;        /* err_off in code points */
    summ_result *res;
    size_t *cp;           /* start, end of each span then of each keyword: code points
                             for a str, else bytes */
} job;

static void
keep_error(job *j, summ_status st)
{
    j->st = st;
    snprintf(j->msg, sizeof j->msg, "%s", summ_errmsg(j->w->ctx));
    if (!j->msg[0])
        snprintf(j->msg, sizeof j->msg, "%s", summ_strerror(st));
}

static summ_status
run(job *j)
{
    summ_ctx *ctx = j->w->ctx;
    const inputs *t = j->in;
    if (t->multi) {
        if (j->kind == SUMMPY_RANK)
            return summ_rank_multi(ctx, t->ptrs, t->lens, t->n, &j->res);
        return summ_run_multi(ctx, t->ptrs, t->lens, t->n, &j->res);
    }
    const char *p = t->v[0].p;
    size_t n = t->v[0].n;
    switch (j->kind) {
    case SUMMPY_RUN:
    case SUMMPY_KEYWORDS: return summ_run(ctx, p, n, &j->res);
    case SUMMPY_RANK: return summ_rank(ctx, p, n, &j->res);
    case SUMMPY_SPLIT: return summ_split(ctx, p, n, &j->res);
    }
    return SUMM_EINVAL;
}

static void
run_locked(job *j)
{
    summ_ctx *ctx = j->w->ctx;
    summpy_saved saved = { { NULL, 0 } };
    int restore = 0;
    if (j->w->reset) {
        summ_reset_options(ctx);
    } else if (j->opts->n) {
        if ((j->st = summpy_opts_save(ctx, j->opts, &saved)) != SUMM_OK)
            return;
        restore = 1;
    }
    summ_status st = summpy_opts_apply(ctx, j->opts, &j->bad_opt);
    if (st != SUMM_OK) {
        keep_error(j, st);
    } else if ((st = run(j)) != SUMM_OK) {
        keep_error(j, st);
        j->err_off = summ_error_offset(ctx);
        /* the library names the text of a list: "text K: ..." */
        size_t k;
        if (j->in->multi && sscanf(j->msg, "text %zu:", &k) == 1 && k < j->in->n)
            j->err_doc = k;
    }
    if (restore)
        summpy_opts_restore(ctx, &saved);
}

/* Code point offsets of the spans and keywords (or of the error). */
static void
offsets(job *j)
{
    if (j->st != SUMM_OK) {
        j->err_cp = j->err_off;
        if (j->err_off != (size_t)-1) {
            slot sl = { j->in->multi ? j->err_doc : 0, j->err_off, &j->err_cp };
            if (sl.doc != (size_t)-1)
                to_code_points(j->in, &sl, 1);
        }
        return;
    }
    size_t ns = j->kind == SUMMPY_KEYWORDS ? 0 : summ_result_count(j->res);
    size_t nk = summ_result_keyword_count(j->res), nv = 2 * (ns + nk);
    size_t *v = PyMem_RawMalloc((nv + 1) * sizeof *v);
    slot *sl = PyMem_RawMalloc((nv + 1) * sizeof *sl);
    if (!v || !sl) {
        PyMem_RawFree(v);
        PyMem_RawFree(sl);
        j->st = SUMM_ENOMEM;
        return;
    }
    for (size_t i = 0; i < ns; i++) {
        const summ_span *s = summ_result_at(j->res, i);
        v[2 * i] = s->offset;
        v[2 * i + 1] = s->offset + s->length;
        sl[2 * i] = (slot){ s->document, v[2 * i], &v[2 * i] };
        sl[2 * i + 1] = (slot){ s->document, v[2 * i + 1], &v[2 * i + 1] };
    }
    for (size_t i = 0; i < nk; i++) {
        const summ_keyword *k = summ_result_keyword(j->res, i);
        size_t a = 2 * (ns + i);
        v[a] = k->offset;
        v[a + 1] = k->offset + k->length;
        sl[a] = (slot){ k->document, v[a], &v[a] };
        sl[a + 1] = (slot){ k->document, v[a + 1], &v[a + 1] };
    }
    to_code_points(j->in, sl, nv);
    PyMem_RawFree(sl);
    j->cp = v;
}

static void
work(job *j)
{
    if (j->w->lock)
        PyThread_acquire_lock(j->w->lock, WAIT_LOCK);
    run_locked(j);
    if (j->w->lock)
        PyThread_release_lock(j->w->lock);
    offsets(j);
}

/* ---- Python objects ------------------------------------------------------------- */

static PyObject *
decode(const char *s, size_t n)
{
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, "replace");
}

static PyObject *
keywords_list(const job *j, size_t first)
{
    size_t nk = summ_result_keyword_count(j->res);
    PyObject *l = PyList_New((Py_ssize_t)nk);
    for (size_t i = 0; l && i < nk; i++) {
        const summ_keyword *k = summ_result_keyword(j->res, i);
        size_t a = j->cp[2 * (first + i)], b = j->cp[2 * (first + i) + 1];
        PyObject *o = summpy_keyword_new(decode(k->text, k->text_length), (Py_ssize_t)a,
                                         (Py_ssize_t)b, (Py_ssize_t)k->offset,
                                         (Py_ssize_t)k->length, k->score, (Py_ssize_t)k->count,
                                         (Py_ssize_t)k->document);
        if (!o) {
            Py_CLEAR(l);
            break;
        }
        PyList_SET_ITEM(l, (Py_ssize_t)i, o);
    }
    return l;
}

/* The span's label as a new reference: a str, or None. */
static PyObject *
label_of(const summ_span *s)
{
    if (!s->label)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(s->label, (Py_ssize_t)s->label_length, "strict");
}

static PyObject *
summary(const job *j)
{
    size_t ns = summ_result_count(j->res);
    const char *fmt = summ_format_name(summ_result_format(j->res));
    PyObject *sum = summpy_summary_new(keywords_list(j, ns), summ_result_language(j->res),
                                       fmt ? fmt : "text",
                                       (Py_ssize_t)summ_result_sentences(j->res),
                                       summ_result_warnings(j->res),
                                       (Py_ssize_t)summ_result_documents(j->res));
    for (size_t i = 0; sum && i < ns; i++) {
        const summ_span *s = summ_result_at(j->res, i);
        PyObject *o = summpy_sentence_new(decode(s->text, s->text_length),
                                          (Py_ssize_t)j->cp[2 * i], (Py_ssize_t)j->cp[2 * i + 1],
                                          (Py_ssize_t)s->offset, (Py_ssize_t)s->length,
                                          (Py_ssize_t)s->index, s->score, s->flags,
                                          (Py_ssize_t)s->document, label_of(s));
        if (!o || PyList_Append(sum, o) < 0)
            Py_CLEAR(sum);
        Py_XDECREF(o);
    }
    return sum;
}

/* The library names the option it refuses by its own name
 * ("max_sentences: -1 is ..."); say the keyword the caller wrote. */
static void
name_the_keyword(job *j)
{
    const summpy_opt *o = &j->opts->v[j->bad_opt];
    const summ_option_info *in = summ_option_info_get(o->opt);
    size_t ln = in ? strlen(in->name) : 0;
    if (!in || strcmp(in->name, o->name) == 0 || strncmp(j->msg, in->name, ln) != 0
        || j->msg[ln] != ':')
        return;
    size_t nl = strlen(o->name), rl = strlen(j->msg + ln);
    if (nl + rl >= sizeof j->msg)
        return;
    memmove(j->msg + nl, j->msg + ln, rl + 1);
    memcpy(j->msg, o->name, nl);
}

static PyObject *
fail(job *j)
{
    if (j->bad_opt != (size_t)-1) {
        name_the_keyword(j);
        return summpy_raise(j->st, j->msg, -1, -1);
    }
    Py_ssize_t boff = j->err_off == (size_t)-1 ? -1 : (Py_ssize_t)j->err_off;
    Py_ssize_t off = boff < 0 ? -1 : (Py_ssize_t)j->err_cp;
    Py_ssize_t doc = j->err_doc == (size_t)-1 ? -1 : (Py_ssize_t)j->err_doc;
    const input *in = j->in->multi ? (doc >= 0 ? &j->in->v[doc] : NULL) : &j->in->v[0];
    if (in && in->is_str && j->st == SUMM_EBINARY) {
        /* the library counts bytes; a str's caller counts characters */
        char where[40] = "";
        if (doc >= 0)
            snprintf(where, sizeof where, "text %zd: ", doc);
        snprintf(j->msg, sizeof j->msg, "%sbinary data: NUL character at index %zd", where, off);
    }
    return raise_in(j->st, j->msg, off, boff, doc);
}

PyObject *
summpy_call(const summpy_where *w, summpy_kind kind, PyObject *text, const summpy_opts *opts)
{
    static const char *const fnames[] = { "summarize", "rank", "split", "keywords" };
    inputs in;
    if (inputs_get(text, kind, fnames[kind], &in) < 0)
        return NULL;
    job j = { .w = w, .kind = kind, .opts = opts, .in = &in, .st = SUMM_OK,
              .bad_opt = (size_t)-1, .err_off = (size_t)-1, .err_doc = (size_t)-1 };
    Py_BEGIN_ALLOW_THREADS
    work(&j);
    Py_END_ALLOW_THREADS
    PyObject *r;
    if (j.st != SUMM_OK)
        r = fail(&j);
    else if (kind == SUMMPY_KEYWORDS)
        r = keywords_list(&j, 0);
    else
        r = summary(&j);
    summ_result_free(j.res);
    PyMem_RawFree(j.cp);
    inputs_release(&in);
    return r;
}
