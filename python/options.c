/* options.c - keyword arguments to library options. The mapping is
 * generic: every option summ_option_info_at() lists is a keyword of the
 * same name (max_sentences=, w_position=, ...), typed and bounded by the
 * library, so an option added to the library needs no change here. A few
 * short names stand for the common ones (sentences, words, keywords,
 * format). Values are converted while the GIL is held and set on a
 * context after it is released. */
#include "pysumm.h"

#include <string.h>

static const struct alias {
    const char *py;
    summ_option opt;
} aliases[] = {
    { "sentences", SUMM_OPT_MAX_SENTENCES },
    { "words", SUMM_OPT_MAX_WORDS },
    { "keywords", SUMM_OPT_MAX_KEYWORDS },
    { "format", SUMM_OPT_INPUT_FORMAT },
};

/* The three limits of the summary's length: "not set" is 0 for each. */
static int
is_length(summ_option opt)
{
    return opt == SUMM_OPT_MAX_SENTENCES || opt == SUMM_OPT_RATIO || opt == SUMM_OPT_MAX_WORDS;
}

static const summ_option_info *
lookup(const char *name)
{
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(name, aliases[i].py) == 0)
            return summ_option_info_get(aliases[i].opt);
    /* summ_option_lookup() also reads '-' as '_', which no Python keyword has. */
    if (strchr(name, '-'))
        return NULL;
    summ_option opt = summ_option_lookup(name);
    return opt ? summ_option_info_get(opt) : NULL;
}

static char *
raw_strdup(const char *s, size_t n)
{
    char *c = PyMem_RawMalloc(n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

PyObject *
summpy_format_list(void)
{
    PyObject *l = PyList_New(0);
    for (int f = 1; l && f < 64; f++) {
        const char *n = summ_format_name((summ_format)f);
        if (!n || !summ_format_supported((summ_format)f))
            continue;
        PyObject *s = PyUnicode_FromString(n);
        if (!s || PyList_Append(l, s) < 0)
            Py_CLEAR(l);
        Py_XDECREF(s);
    }
    return l;
}

/* The names of the formats this build reads, "text, html, ...", for a
 * message. */
static PyObject *
format_names(void)
{
    PyObject *l = summpy_format_list();
    if (!l)
        return NULL;
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *r = sep ? PyUnicode_Join(sep, l) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(l);
    return r;
}

static int
type_error(const char *fname, const char *name, const char *want, PyObject *v)
{
    PyErr_Format(PyExc_TypeError, "%s(): argument '%s' must be %s, not %.100s", fname, name,
                 want, Py_TYPE(v)->tp_name);
    return -1;
}

static int
value_error(const char *name, PyObject *v, const char *what)
{
    PyObject *msg = PyUnicode_FromFormat("%s: %R %s", name, v, what);
    if (msg) {
        summpy_raise(SUMM_EINVAL, PyUnicode_AsUTF8(msg), -1, -1);
        Py_DECREF(msg);
    }
    return -1;
}

static int
convert_int(const summ_option_info *in, PyObject *v, const char *fname, summpy_opt *o)
{
    if (in->option == SUMM_OPT_INPUT_FORMAT && PyUnicode_Check(v)) {
        const char *n = PyUnicode_AsUTF8(v);
        int f = n ? summ_format_lookup(n) : -1;
        if (!n)
            return -1;
        if (f < 0) {
            PyObject *known = format_names();
            if (!known)
                return -1;
            PyObject *msg = PyUnicode_FromFormat("%s: unknown format %R (this build reads: auto, %U)",
                                                 o->name, v, known);
            Py_DECREF(known);
            if (msg) {
                summpy_raise(SUMM_EINVAL, PyUnicode_AsUTF8(msg), -1, -1);
                Py_DECREF(msg);
            }
            return -1;
        }
        o->i = f;
        return 0;
    }
    if (PyBool_Check(v) || !PyIndex_Check(v))
        return type_error(fname, o->name,
                          in->option == SUMM_OPT_INPUT_FORMAT ? "int or str" : "int", v);
    PyObject *n = PyNumber_Index(v);
    if (!n)
        return -1;
    int overflow = 0;
    o->i = PyLong_AsLongLongAndOverflow(n, &overflow);
    Py_DECREF(n);
    if (o->i == -1 && PyErr_Occurred())
        return -1;
    if (overflow)
        return value_error(o->name, v, overflow > 0 ? "is too large" : "is too small");
    return 0;
}

static int
convert_real(PyObject *v, const char *fname, summpy_opt *o)
{
    PyNumberMethods *nb = Py_TYPE(v)->tp_as_number;
    if (PyBool_Check(v) || PyUnicode_Check(v) || PyBytes_Check(v)
        || !(PyFloat_Check(v) || PyIndex_Check(v) || (nb && nb->nb_float)))
        return type_error(fname, o->name, "a number", v);
    o->d = PyFloat_AsDouble(v);
    if (o->d == -1.0 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError))
            return -1;
        PyErr_Clear();
        return value_error(o->name, v, "is too large");
    }
    return 0;
}

static int
convert_string(PyObject *v, const char *fname, summpy_opt *o)
{
    PyObject *s;
    if (PyUnicode_Check(v)) {
        Py_INCREF(v);
        s = v;
    } else if (PyObject_HasAttrString(v, "__fspath__")) {
        /* data_dir=pathlib.Path(...) */
        PyObject *p = PyOS_FSPath(v);
        if (!p)
            return -1;
        s = PyBytes_Check(p) ? PyUnicode_DecodeFSDefault(PyBytes_AS_STRING(p)) : (Py_INCREF(p), p);
        Py_DECREF(p);
        if (!s)
            return -1;
    } else {
        return type_error(fname, o->name, "str", v);
    }
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    if (!u) {
        Py_DECREF(s);
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            return -1;
        PyErr_Clear();
        return value_error(o->name, v, "has a lone surrogate");
    }
    if (strlen(u) != (size_t)n) {
        Py_DECREF(s);
        return value_error(o->name, v, "has a NUL character");
    }
    o->s = raw_strdup(u, (size_t)n);
    Py_DECREF(s);
    if (!o->s) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static int
convert(const summ_option_info *in, PyObject *v, const char *fname, summpy_opt *o)
{
    o->opt = in->option;
    o->type = in->type;
    if (v == Py_None) {
        /* None: "not set" for a length limit, else the default. */
        o->i = is_length(in->option) ? 0 : (long long)in->def;
        o->d = is_length(in->option) ? 0 : in->def;
        o->s = NULL;
        return 0;
    }
    switch (in->type) {
    case SUMM_TYPE_INT: return convert_int(in, v, fname, o);
    case SUMM_TYPE_REAL: return convert_real(v, fname, o);
    case SUMM_TYPE_STRING: return convert_string(v, fname, o);
    }
    PyErr_Format(PyExc_SystemError, "option %s has an unknown type", in->name);
    return -1;
}

void
summpy_opts_free(summpy_opts *o)
{
    for (size_t i = 0; i < o->n; i++)
        PyMem_RawFree(o->v[i].s);
    PyMem_RawFree(o->v);
    o->v = NULL;
    o->n = 0;
}

/* Add one keyword's option (in: what it names, NULL if nothing). */
static int
add(summpy_opts *o, const char *name, const summ_option_info *in, PyObject *value,
    const char *fname)
{
    if (!in) {
        PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, name);
        return -1;
    }
    for (size_t k = 0; k < o->n; k++) {
        if (o->v[k].opt == in->option) {
            PyErr_Format(PyExc_TypeError, "%s(): '%s' and '%s' are the same option", fname,
                         o->v[k].name, name);
            return -1;
        }
    }
    summpy_opt *x = &o->v[o->n];
    memset(x, 0, sizeof *x);
    snprintf(x->name, sizeof x->name, "%s", name);
    if (convert(in, value, fname, x) < 0)
        return -1;
    o->n++;
    return 0;
}

int
summpy_opts_parse(PyObject *kwargs, PyObject *second, const summpy_shortcut *sc,
                  const char *fname, summpy_opts *out)
{
    PyObject *kw = NULL;
    out->v = NULL;
    out->n = 0;
    Py_ssize_t nk = kwargs ? PyDict_GET_SIZE(kwargs) : 0;
    /* + the positional shortcut, its default, the two length limits a given one unsets */
    out->v = PyMem_RawCalloc((size_t)nk + 5, sizeof *out->v);
    if (!out->v) {
        PyErr_NoMemory();
        return -1;
    }
    const summ_option_info *sc_in = sc ? summ_option_info_get(sc->opt) : NULL;
    if (second && add(out, sc->keyword, sc_in, second, fname) < 0)
        goto fail;
    /* A copy: converting a value may run Python code (__index__,
     * __fspath__), and **d may hand us the caller's own dict. */
    if (nk && !(kw = PyDict_Copy(kwargs)))
        goto fail;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (kw && PyDict_Next(kw, &pos, &key, &value)) {
        const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
        if (!name) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError, "%s(): keywords must be strings", fname);
            goto fail;
        }
        if (second && strcmp(name, sc->keyword) == 0) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", fname,
                         name);
            goto fail;
        }
        const summ_option_info *in = sc && strcmp(name, sc->keyword) == 0 ? sc_in : lookup(name);
        if (add(out, name, in, value, fname) < 0)
            goto fail;
    }
    Py_CLEAR(kw);
    if (sc && sc->has_default) {
        size_t k = 0;
        while (k < out->n && out->v[k].opt != sc->opt)
            k++;
        if (k == out->n) {
            summpy_opt *x = &out->v[out->n++];
            memset(x, 0, sizeof *x);
            snprintf(x->name, sizeof x->name, "%s", sc->keyword);
            x->opt = sc->opt;
            x->type = sc_in->type;
            x->i = sc->def;
        }
    }
    int has[3] = { 0, 0, 0 };
    static const summ_option len_opt[3] = { SUMM_OPT_MAX_SENTENCES, SUMM_OPT_RATIO,
                                            SUMM_OPT_MAX_WORDS };
    int any = 0;
    for (size_t k = 0; k < out->n; k++)
        for (int j = 0; j < 3; j++)
            if (out->v[k].opt == len_opt[j])
                any = has[j] = 1;
    for (int j = 0; any && j < 3; j++) {
        if (has[j])
            continue;
        summpy_opt *x = &out->v[out->n++];
        memset(x, 0, sizeof *x);
        const summ_option_info *in = summ_option_info_get(len_opt[j]);
        snprintf(x->name, sizeof x->name, "%s", in->name);
        x->opt = in->option;
        x->type = in->type;
    }
    return 0;
fail:
    Py_XDECREF(kw);
    summpy_opts_free(out);
    return -1;
}

summ_status
summpy_opts_apply(summ_ctx *ctx, const summpy_opts *o, size_t *bad)
{
    for (size_t k = 0; k < o->n; k++) {
        const summpy_opt *x = &o->v[k];
        summ_status st = SUMM_OK;
        switch (x->type) {
        case SUMM_TYPE_INT: st = summ_set_int(ctx, x->opt, x->i); break;
        case SUMM_TYPE_REAL: st = summ_set_double(ctx, x->opt, x->d); break;
        case SUMM_TYPE_STRING: st = summ_set_string(ctx, x->opt, x->s); break;
        }
        if (st != SUMM_OK) {
            *bad = k;
            return st;
        }
    }
    return SUMM_OK;
}

summ_status
summpy_opts_save(const summ_ctx *ctx, const summpy_opts *o, summpy_saved *out)
{
    summpy_opts *old = &out->old;
    old->n = 0;
    old->v = PyMem_RawCalloc(o->n ? o->n : 1, sizeof *old->v);
    if (!old->v)
        return SUMM_ENOMEM;
    for (size_t k = 0; k < o->n; k++) {
        summpy_opt *x = &old->v[k];
        const char *s = NULL;
        x->opt = o->v[k].opt;
        x->type = o->v[k].type;
        summ_status st = SUMM_OK;
        switch (x->type) {
        case SUMM_TYPE_INT: st = summ_get_int(ctx, x->opt, &x->i); break;
        case SUMM_TYPE_REAL: st = summ_get_double(ctx, x->opt, &x->d); break;
        case SUMM_TYPE_STRING:
            st = summ_get_string(ctx, x->opt, &s);
            if (st == SUMM_OK && s && !(x->s = raw_strdup(s, strlen(s))))
                st = SUMM_ENOMEM;
            break;
        }
        old->n = k + 1;
        if (st != SUMM_OK) {
            summpy_opts_free(old);
            return st;
        }
    }
    return SUMM_OK;
}

void
summpy_opts_restore(summ_ctx *ctx, summpy_saved *s)
{
    /* Values read back from ctx itself: setting them cannot fail but for
     * memory, and then the option keeps the call's value. */
    size_t bad;
    (void)summpy_opts_apply(ctx, &s->old, &bad);
    summpy_opts_free(&s->old);
}

PyObject *
summpy_option_value(const summ_ctx *ctx, const summ_option_info *in)
{
    long long i;
    double d;
    const char *s;
    switch (in->type) {
    case SUMM_TYPE_INT:
        if (summ_get_int(ctx, in->option, &i) == SUMM_OK)
            return PyLong_FromLongLong(i);
        break;
    case SUMM_TYPE_REAL:
        if (summ_get_double(ctx, in->option, &d) == SUMM_OK)
            return PyFloat_FromDouble(d);
        break;
    case SUMM_TYPE_STRING:
        if (summ_get_string(ctx, in->option, &s) == SUMM_OK) {
            if (!s)
                Py_RETURN_NONE;
            return PyUnicode_FromString(s);
        }
        break;
    }
    PyErr_Format(PyExc_SystemError, "cannot read option %s", in->name);
    return NULL;
}
