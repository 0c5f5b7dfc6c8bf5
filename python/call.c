/* call.c - one call from Python to the library: the text's bytes, the
 * work on a context with the GIL released (options, the run, offsets in
 * code points), then the Python objects or the error.
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

PyObject *
summpy_raise(summ_status st, const char *msg, Py_ssize_t offset, Py_ssize_t byte_offset)
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
        || set_attr_ssize(e, "byte_offset", byte_offset) < 0) {
        Py_XDECREF(code);
        Py_DECREF(e);
        return NULL;
    }
    Py_DECREF(code);
    PyErr_SetObject(summpy_Error, e);
    Py_DECREF(e);
    return NULL;
}

/* ---- the text ---------------------------------------------------------------- */

typedef struct input {
    const char *p;
    size_t n;
    int is_str;     /* offsets for Python are code points */
    int ascii;      /* ... which are the byte offsets */
    PyObject *tmp;  /* the UTF-8 of a non-ASCII str */
    Py_buffer view; /* a bytes-like argument */
    int has_view;
} input;

/* A str with a lone surrogate has no UTF-8: summarize.Error, with the
 * surrogate's index and where its bytes would be. */
static int
surrogate_error(PyObject *text)
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
    char msg[200];
    snprintf(msg, sizeof msg,
             "lone surrogate U+%04X at index %zd: not a character, has no UTF-8 "
             "(was the text decoded with errors='surrogateescape'?)",
             (unsigned)PyUnicode_READ_CHAR(text, start), start);
    summpy_raise(SUMM_EUTF8, msg, start, boff);
    return -1;
}

static int
input_get(PyObject *text, const char *fname, input *in)
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
                return surrogate_error(text);
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
    PyErr_Format(PyExc_TypeError, "%s(): text must be str or bytes, not %.100s", fname,
                 Py_TYPE(text)->tp_name);
    return -1;
}

static void
input_release(input *in)
{
    Py_CLEAR(in->tmp);
    if (in->has_view)
        PyBuffer_Release(&in->view);
    in->has_view = 0;
}

/* ---- byte offsets to code points ---------------------------------------------- */

typedef struct slot {
    size_t off;
    size_t *to;
} slot;

static int
slot_cmp(const void *a, const void *b)
{
    size_t x = ((const slot *)a)->off, y = ((const slot *)b)->off;
    return x < y ? -1 : x > y;
}

/* Replace each byte offset v[i] into the UTF-8 s[0 .. n) by the number of
 * code points before it: one pass over s in the order of the offsets.
 * 0, or -1 out of memory. */
static int
to_code_points(const char *s, size_t n, size_t *v, size_t nv)
{
    if (!nv)
        return 0;
    slot *sl = PyMem_RawMalloc(nv * sizeof *sl);
    if (!sl)
        return -1;
    for (size_t i = 0; i < nv; i++)
        sl[i] = (slot){ v[i] < n ? v[i] : n, &v[i] };
    qsort(sl, nv, sizeof *sl, slot_cmp);
    const unsigned char *u = (const unsigned char *)s;
    size_t pos = 0, cp = 0;
    for (size_t i = 0; i < nv; i++) {
        for (; pos < sl[i].off; pos++)
            cp += (u[pos] & 0xC0) != 0x80;
        *sl[i].to = cp;
    }
    PyMem_RawFree(sl);
    return 0;
}

/* ---- the work, without the GIL ------------------------------------------------ */

typedef struct job {
    const summpy_where *w;
    summpy_kind kind;
    const summpy_opts *opts;
    const input *in;
    /* out */
    summ_status st;
    size_t bad_opt;       /* the option that failed, or (size_t)-1 */
    char msg[512];
    size_t err_off;       /* byte offset of bad input, or (size_t)-1 */
    size_t err_cp;        /* the same in code points */
    summ_result *res;
    size_t *cp;           /* start, end of each span then of each keyword, for a str */
} job;

static void
keep_error(job *j, summ_status st)
{
    j->st = st;
    snprintf(j->msg, sizeof j->msg, "%s", summ_errmsg(j->w->ctx));
    if (!j->msg[0])
        snprintf(j->msg, sizeof j->msg, "%s", summ_strerror(st));
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
    } else {
        const char *p = j->in->p;
        size_t n = j->in->n;
        switch (j->kind) {
        case SUMMPY_RUN:
        case SUMMPY_KEYWORDS: st = summ_run(ctx, p, n, &j->res); break;
        case SUMMPY_RANK: st = summ_rank(ctx, p, n, &j->res); break;
        case SUMMPY_SPLIT: st = summ_split(ctx, p, n, &j->res); break;
        }
        if (st != SUMM_OK) {
            keep_error(j, st);
            j->err_off = summ_error_offset(ctx);
        }
    }
    if (restore)
        summpy_opts_restore(ctx, &saved);
}

/* Code point offsets of the spans and keywords (or of the error). */
static void
offsets(job *j)
{
    const input *in = j->in;
    if (!in->is_str || in->ascii)
        return;
    if (j->st != SUMM_OK) {
        if (j->err_off != (size_t)-1) {
            j->err_cp = j->err_off;
            to_code_points(in->p, in->n, &j->err_cp, 1);
        }
        return;
    }
    size_t ns = j->kind == SUMMPY_KEYWORDS ? 0 : summ_result_count(j->res);
    size_t nk = summ_result_keyword_count(j->res);
    size_t *v = PyMem_RawMalloc(2 * (ns + nk + 1) * sizeof *v);
    if (!v) {
        j->st = SUMM_ENOMEM;
        return;
    }
    for (size_t i = 0; i < ns; i++) {
        const summ_span *s = summ_result_at(j->res, i);
        v[2 * i] = s->offset;
        v[2 * i + 1] = s->offset + s->length;
    }
    for (size_t i = 0; i < nk; i++) {
        const summ_keyword *k = summ_result_keyword(j->res, i);
        v[2 * (ns + i)] = k->offset;
        v[2 * (ns + i) + 1] = k->offset + k->length;
    }
    if (to_code_points(in->p, in->n, v, 2 * (ns + nk)) < 0) {
        PyMem_RawFree(v);
        j->st = SUMM_ENOMEM;
        return;
    }
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
        size_t a = k->offset, b = k->offset + k->length;
        if (j->cp) {
            a = j->cp[2 * (first + i)];
            b = j->cp[2 * (first + i) + 1];
        }
        PyObject *o = summpy_keyword_new(decode(k->text, k->text_length), (Py_ssize_t)a,
                                         (Py_ssize_t)b, (Py_ssize_t)k->offset,
                                         (Py_ssize_t)k->length, k->score, (Py_ssize_t)k->count);
        if (!o) {
            Py_CLEAR(l);
            break;
        }
        PyList_SET_ITEM(l, (Py_ssize_t)i, o);
    }
    return l;
}

static PyObject *
summary(const job *j)
{
    size_t ns = summ_result_count(j->res);
    const char *fmt = summ_format_name(summ_result_format(j->res));
    PyObject *sum = summpy_summary_new(keywords_list(j, ns), summ_result_language(j->res),
                                       fmt ? fmt : "text",
                                       (Py_ssize_t)summ_result_sentences(j->res),
                                       summ_result_warnings(j->res));
    for (size_t i = 0; sum && i < ns; i++) {
        const summ_span *s = summ_result_at(j->res, i);
        size_t a = s->offset, b = s->offset + s->length;
        if (j->cp) {
            a = j->cp[2 * i];
            b = j->cp[2 * i + 1];
        }
        PyObject *o = summpy_sentence_new(decode(s->text, s->text_length), (Py_ssize_t)a,
                                          (Py_ssize_t)b, (Py_ssize_t)s->offset,
                                          (Py_ssize_t)s->length, (Py_ssize_t)s->index, s->score,
                                          s->flags);
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
    Py_ssize_t off = boff;
    if (boff >= 0 && j->in->is_str && !j->in->ascii)
        off = (Py_ssize_t)j->err_cp;
    if (j->in->is_str && j->st == SUMM_EBINARY) {
        /* the library counts bytes; a str's caller counts characters */
        snprintf(j->msg, sizeof j->msg, "binary data: NUL character at index %zd", off);
    }
    return summpy_raise(j->st, j->msg, off, boff);
}

PyObject *
summpy_call(const summpy_where *w, summpy_kind kind, PyObject *text, const summpy_opts *opts)
{
    static const char *const fnames[] = { "summarize", "rank", "split", "keywords" };
    input in;
    if (input_get(text, fnames[kind], &in) < 0)
        return NULL;
    job j = { .w = w, .kind = kind, .opts = opts, .in = &in, .st = SUMM_OK,
              .bad_opt = (size_t)-1, .err_off = (size_t)-1 };
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
    input_release(&in);
    return r;
}
