/* testutil.c - see testutil.h. */
#define _GNU_SOURCE 1  /* fopencookie, for tap_skips_as_skips() */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"

static void *
f_malloc(void *op, size_t n)
{
    failing *f = op;
    if (f->countdown >= 0 && f->countdown-- == 0)
        return NULL;
    void *p = malloc(n);
    if (p)
        f->live++;
    return p;
}

static void *
f_realloc(void *op, void *p, size_t n)
{
    failing *f = op;
    if (f->countdown >= 0 && f->countdown-- == 0)
        return NULL;
    void *q = realloc(p, n);
    if (q && !p)
        f->live++;
    return q;
}

static void
f_free(void *op, void *p)
{
    failing *f = op;
    if (p)
        f->live--;
    free(p);
}

summ_allocator
failing_allocator(failing *f)
{
    return (summ_allocator){ f_malloc, f_realloc, f_free, f };
}

/* ---- options ----------------------------------------------------------- */

static summ_status
set_one(summ_ctx *ctx, const test_opt *o)
{
    const summ_option_info *in = summ_option_info_get(o->option);
    assert_non_null(in);
    if (in->type == SUMM_TYPE_STRING)
        return summ_set_string(ctx, o->option, o->string);
    return summ_set_double(ctx, o->option, o->number);
}

void
set_options(summ_ctx *ctx, const test_opt *opts)
{
    for (const test_opt *o = opts; o && o->option; o++) {
        summ_status st = set_one(ctx, o);
        if (st != SUMM_OK)
            fail_msg("setting option %d: %s (%s)", (int)o->option, summ_strerror(st),
                     summ_errmsg(ctx));
    }
}

/* Five short paragraphs about a library budget, one off the topic. */
const char TEST_ARTICLE[] =
    "The city council approved a new budget for public libraries on Monday.\n\n"
    "The budget gives the libraries more money for books and longer opening hours.\n\n"
    "Council members said the libraries are used by thousands of residents every week.\n\n"
    "A local bakery also changed its opening hours.\n\n"
    "The new library budget takes effect next month, the council said.\n";

summ_ctx *
new_ctx_opts(const test_opt *opts)
{
    summ_ctx *ctx = NULL;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    assert_non_null(ctx);
    set_options(ctx, opts);
    return ctx;
}

/* The option's value as a string, to see that a failed set left it alone. */
static void
option_value(const summ_ctx *ctx, summ_option opt, char *buf, size_t cap)
{
    const summ_option_info *in = summ_option_info_get(opt);
    if (in->type == SUMM_TYPE_STRING) {
        const char *s = (const char *)1;
        assert_int_equal(summ_get_string(ctx, opt, &s), SUMM_OK);
        snprintf(buf, cap, "%s%s", s ? "=" : "NULL", s ? s : "");
    } else {
        double v;
        assert_int_equal(summ_get_double(ctx, opt, &v), SUMM_OK);
        snprintf(buf, cap, "%.17g", v);
    }
}

/* ---- allocation failure ------------------------------------------------- */

void
same_result(const summ_result *res, const summ_result *ref)
{
    assert_int_equal(summ_result_count(res), summ_result_count(ref));
    assert_int_equal(summ_result_sentences(res), summ_result_sentences(ref));
    assert_string_equal(summ_result_language(res), summ_result_language(ref));
    assert_int_equal(summ_result_format(res), summ_result_format(ref));
    assert_int_equal(summ_result_warnings(res), summ_result_warnings(ref));
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *a = summ_result_at(res, i), *b = summ_result_at(ref, i);
        assert_int_equal(a->offset, b->offset);
        assert_int_equal(a->length, b->length);
        assert_int_equal(a->index, b->index);
        assert_int_equal(a->flags, b->flags);
        assert_true(a->score == b->score);
        assert_int_equal(a->text_length, b->text_length);
        assert_string_equal(a->text, b->text);
    }
    assert_int_equal(summ_result_keyword_count(res), summ_result_keyword_count(ref));
    for (size_t i = 0; i < summ_result_keyword_count(res); i++) {
        const summ_keyword *a = summ_result_keyword(res, i), *b = summ_result_keyword(ref, i);
        assert_string_equal(a->text, b->text);
        assert_int_equal(a->text_length, b->text_length);
        assert_int_equal(a->offset, b->offset);
        assert_int_equal(a->length, b->length);
        assert_true(a->score == b->score);
        assert_int_equal(a->count, b->count);
    }
}

enum { RUN, RANK, SPLIT, NCALLS };

static summ_status
call(int which, summ_ctx *ctx, const char *text, size_t len, summ_result **res)
{
    switch (which) {
    case RUN: return summ_run(ctx, text, len, res);
    case RANK: return summ_rank(ctx, text, len, res);
    default: return summ_split(ctx, text, len, res);
    }
}

void
fail_every_allocation(const char *text, size_t len, const test_opt *opts)
{
    summ_ctx *ref_ctx = new_ctx_opts(opts);
    summ_result *ref[NCALLS];
    for (int k = 0; k < NCALLS; k++)
        assert_int_equal(call(k, ref_ctx, text, len, &ref[k]), SUMM_OK);

    bool finished = false;
    /* Under valgrind (SUMM_TEST_FAIL_STRIDE, set by its test setup) every
     * k-th allocation fails in turn: the plain and sanitizer builds run
     * them all, and memcheck over each would be most of CI's time. The
     * last allocations are always reached (finished below). */
    const char *stride_env = getenv("SUMM_TEST_FAIL_STRIDE");
    long stride = stride_env && atol(stride_env) > 0 ? atol(stride_env) : 1;
    for (long n = 0; !finished && n < 200000; n += stride) {
        failing f = { .countdown = n };
        summ_allocator a = failing_allocator(&f);
        summ_ctx *ctx = (summ_ctx *)1;
        summ_status st = summ_new(&a, &ctx);
        if (st != SUMM_OK) {
            assert_int_equal(st, SUMM_ENOMEM);
            assert_null(ctx);
            assert_int_equal(f.live, 0);
            continue;
        }
        /* Each step must succeed, or fail with SUMM_ENOMEM and succeed when
         * tried again with memory back (after which nothing may fail). */
        bool failed = false;
        for (const test_opt *o = opts; o && o->option; o++) {
            char before[256], after[256];
            option_value(ctx, o->option, before, sizeof before);
            st = set_one(ctx, o);
            if (st == SUMM_OK)
                continue;
            assert_int_equal(st, SUMM_ENOMEM);
            assert_false(failed);
            assert_string_equal(summ_errmsg(ctx), "out of memory");
            option_value(ctx, o->option, after, sizeof after);
            assert_string_equal(before, after);  /* unchanged */
            failed = true;
            f.countdown = -1;
            assert_int_equal(set_one(ctx, o), SUMM_OK);
        }
        for (int k = 0; k < NCALLS; k++) {
            summ_result *res = (summ_result *)1;
            st = call(k, ctx, text, len, &res);
            if (st != SUMM_OK) {
                assert_int_equal(st, SUMM_ENOMEM);
                assert_false(failed);
                assert_null(res);
                assert_string_equal(summ_errmsg(ctx), "out of memory");
                /* the context is still usable once memory is back */
                failed = true;
                f.countdown = -1;
                assert_int_equal(call(k, ctx, text, len, &res), SUMM_OK);
            }
            assert_string_equal(summ_errmsg(ctx), "");
            same_result(res, ref[k]);
            summ_result_free(res);
        }
        finished = !failed && f.countdown >= 0;  /* the failure was never reached */
        summ_free(ctx);
        assert_int_equal(f.live, 0);
    }
    assert_true(finished);
    for (int k = 0; k < NCALLS; k++)
        summ_result_free(ref[k]);
    summ_free(ref_ctx);
}

/* ---- documents ------------------------------------------------------------ */

doc
plain_doc(arena *ar, const char *text, size_t len, const lang_info *lang, langres *lr)
{
    doc d;
    memset(&d, 0, sizeof d);
    d.src = d.text = text;
    d.srclen = d.len = len;
    d.start = 0;
    d.format = SUMM_FORMAT_TEXT;
    d.ar = ar;
    d.lang = lang;
    d.lr = lr;
    d.title = SIZE_MAX;
    return d;
}

void
doc_release(doc *d)
{
    summ__doc_free(d);
}

void
fixture_setup(fixture *f, const char *text)
{
    static const test_opt en[] = { { SUMM_OPT_LANGUAGE, 0, "en" }, TEST_OPT_END };
    f->ctx = new_ctx_opts(en);
    summ__arena_init(&f->ar, &f->ctx->al);
    const lang_info *lang = summ__lang_lookup("en");
    assert_non_null(lang);
    langres *lr = NULL;
    assert_int_equal(summ__ctx_langres(f->ctx, lang, &lr), SUMM_OK);
    assert_non_null(lr);
    f->d = plain_doc(&f->ar, text, strlen(text), lang, lr);
    assert_int_equal(summ__segment(&f->d), SUMM_OK);
    f->d.keep_words = true;
    assert_int_equal(summ__tokenize(&f->d), SUMM_OK);  /* in the pipeline's order */
    assert_int_equal(summ__features(&f->d), SUMM_OK);
    assert_int_equal(summ__tfidf_build(&f->d, &f->v), SUMM_OK);
}

void
fixture_teardown(fixture *f)
{
    doc_release(&f->d);
    summ_free(f->ctx);
}

/* The line being written to stdout, until its '\n' says whether it is a
 * skip; a longer line than this goes out as it is, in pieces. */
static char tap_line[512];
static size_t tap_used;

static void
tap_out(const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, p, n);
        if (w <= 0)
            return;
        p += w;
        n -= (size_t)w;
    }
}

/* "not ok N # SKIP ..." loses its "not ": TAP's directive is on an "ok". */
static void
tap_flush_line(void)
{
    const char *s = tap_line;
    size_t n = tap_used;
    if (n > 7 && memcmp(s, "not ok ", 7) == 0) {
        size_t i = 7;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i > 7 && n - i >= 7 && memcmp(s + i, " # SKIP", 7) == 0) {
            s += 4;
            n -= 4;
        }
    }
    tap_out(s, n);
    tap_used = 0;
}

static ssize_t
tap_write(void *cookie, const char *buf, size_t size)
{
    (void)cookie;
    for (size_t i = 0; i < size; i++) {
        if (tap_used == sizeof tap_line) {
            tap_out(tap_line, tap_used);
            tap_used = 0;
        }
        tap_line[tap_used++] = buf[i];
        if (buf[i] == '\n')
            tap_flush_line();
    }
    return (ssize_t)size;
}

static void
tap_at_exit(void)
{
    fflush(stdout);
    if (tap_used > 0)
        tap_flush_line();
}

void
tap_skips_as_skips(void)
{
    const char *mode = getenv("CMOCKA_MESSAGE_OUTPUT");
    if (!mode || strcmp(mode, "TAP") != 0)
        return;
    cookie_io_functions_t io = { .write = tap_write };
    FILE *f = fopencookie(NULL, "w", io);
    if (!f)
        return;
    setvbuf(f, NULL, _IOLBF, 0);
    fflush(stdout);
    stdout = f;
    atexit(tap_at_exit);
}
