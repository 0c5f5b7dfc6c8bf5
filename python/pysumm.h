/* pysumm.h - the parts of the Python extension `summarize` shared by its
 * files: module.c (the module, its functions, Summarizer), objects.c
 * (Sentence, Keyword, Summary), options.c (keyword arguments to library
 * options), call.c (one call: the text, the work without the GIL, the
 * result or the error). Built over the public header only.
 *
 * Every name these files share starts with summpy_ (the module itself
 * exports nothing but PyInit_summarize). */
#ifndef PYSUMM_H
#define PYSUMM_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <summarize.h>

/* ---- objects.c ----------------------------------------------------------- */

extern PyTypeObject summpy_SentenceType;
extern PyTypeObject summpy_KeywordType;
extern PyTypeObject summpy_SummaryType;
/* summarize.Error, a ValueError; set by summpy_types_ready(). */
extern PyObject *summpy_Error;

/* Ready the three types and make summarize.Error. 0, or -1 with an
 * exception. */
int summpy_types_ready(void);

/* A new Sentence: text and label (a str or Py_None) are new references
 * that are stolen (NULL for either is passed on as failure). */
PyObject *summpy_sentence_new(PyObject *text, Py_ssize_t start, Py_ssize_t end,
                              Py_ssize_t byte_offset, Py_ssize_t byte_length,
                              Py_ssize_t index, double score, unsigned flags,
                              Py_ssize_t document, PyObject *label);
PyObject *summpy_keyword_new(PyObject *text, Py_ssize_t start, Py_ssize_t end,
                             Py_ssize_t byte_offset, Py_ssize_t byte_length,
                             double score, Py_ssize_t count, Py_ssize_t document);
/* A new, empty Summary with its attributes (keywords is stolen). */
PyObject *summpy_summary_new(PyObject *keywords, const char *language, const char *format,
                             Py_ssize_t sentence_count, unsigned warnings,
                             Py_ssize_t document_count);

/* ---- options.c ----------------------------------------------------------- */

/* One option of a call, converted from Python and ready to be set without
 * the GIL. */
typedef struct summpy_opt {
    summ_option opt;
    summ_type type;
    long long i;       /* SUMM_TYPE_INT */
    double d;          /* SUMM_TYPE_REAL */
    char *s;           /* SUMM_TYPE_STRING: PyMem_RawMalloc'd, or NULL for the default */
    char name[64];     /* the keyword the caller wrote, for messages */
} summpy_opt;

typedef struct summpy_opts {
    summpy_opt *v;
    size_t n;
} summpy_opts;

/* The keyword of a call's positional argument after the text
 * (summarize(text, 5), keywords(text, 10)), or none. */
typedef struct summpy_shortcut {
    const char *keyword;   /* "sentences", "n" */
    summ_option opt;
    int has_default;       /* 1: when the option is not given, def */
    long long def;
} summpy_shortcut;

/* Convert **kwargs (may be NULL) and the optional second positional
 * argument (NULL if absent; sc may be NULL when there is none) into *out. A keyword that names no option is
 * a TypeError, a value of the wrong type a TypeError, one out of range of
 * a C long long a summarize.Error; the library checks the bounds when the
 * option is set. If any of the three length limits (sentences, ratio,
 * words) is given, the others not given are set to 0, "not set": a call
 * that says how long replaces all three. 0, or -1 with an exception. */
int summpy_opts_parse(PyObject *kwargs, PyObject *second, const summpy_shortcut *sc,
                      const char *fname, summpy_opts *out);
void summpy_opts_free(summpy_opts *o);

/* The names of the formats this build reads, as a list of str (NULL with
 * an exception set on failure). */
PyObject *summpy_format_list(void);

/* Set the options on ctx (no GIL needed). On failure the status, and the
 * index of the option that failed in *bad; options set before it stay
 * set. */
summ_status summpy_opts_apply(summ_ctx *ctx, const summpy_opts *o, size_t *bad);

/* The current values of the options in o, to put back after a call with
 * per-call options (no GIL needed). */
typedef struct summpy_saved {
    summpy_opts old;
} summpy_saved;
summ_status summpy_opts_save(const summ_ctx *ctx, const summpy_opts *o, summpy_saved *out);
void summpy_opts_restore(summ_ctx *ctx, summpy_saved *s);

/* The value of an option as a Python object (int, float, str or None). */
PyObject *summpy_option_value(const summ_ctx *ctx, const summ_option_info *in);

/* ---- call.c -------------------------------------------------------------- */

typedef enum summpy_kind {
    SUMMPY_RUN,       /* summ_run: the summary */
    SUMMPY_RANK,      /* summ_rank: every sentence, scored */
    SUMMPY_SPLIT,     /* summ_split: every sentence */
    SUMMPY_KEYWORDS   /* summ_run, only its keywords returned */
} summpy_kind;

/* Where a call runs: a context and how to treat its options. Either the
 * options are reset first (a pooled context of the module functions), or
 * they are saved and put back after (a Summarizer's own). lock, if not
 * NULL, is taken without the GIL around the work. */
typedef struct summpy_where {
    summ_ctx *ctx;
    int reset;
    PyThread_type_lock lock;
} summpy_where;

/* One call from start to end: text is a str or a bytes-like object;
 * returns a Summary (a list of Keyword for SUMMPY_KEYWORDS) or NULL with
 * an exception: TypeError for a text of another type, summarize.Error for
 * bad input or a bad option value, MemoryError. */
PyObject *summpy_call(const summpy_where *w, summpy_kind kind, PyObject *text,
                      const summpy_opts *opts);

/* Raise summarize.Error with a message and attributes code, offset and
 * byte_offset (offset < 0: None). Returns NULL. */
PyObject *summpy_raise(summ_status st, const char *msg, Py_ssize_t offset,
                       Py_ssize_t byte_offset);

#endif
