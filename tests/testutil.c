/* testutil.c - see testutil.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* res and ref hold the same spans. */
static void
same_result(const summ_result *res, const summ_result *ref)
{
    assert_int_equal(summ_result_count(res), summ_result_count(ref));
    for (size_t i = 0; i < summ_result_count(res); i++) {
        assert_int_equal(summ_result_at(res, i)->offset, summ_result_at(ref, i)->offset);
        assert_int_equal(summ_result_at(res, i)->length, summ_result_at(ref, i)->length);
    }
}

void
fail_every_allocation(const char *text, size_t len, const summ_options *base)
{
    summ_ctx *ref_ctx;
    summ_result *ref_run, *ref_split;
    assert_int_equal(summ_new(base, &ref_ctx), SUMM_OK);
    assert_int_equal(summ_run(ref_ctx, text, len, &ref_run), SUMM_OK);
    assert_int_equal(summ_split(ref_ctx, text, len, &ref_split), SUMM_OK);

    bool finished = false;
    for (long n = 0; !finished && n < 200000; n++) {
        failing f = { .countdown = n };
        summ_allocator a = failing_allocator(&f);
        summ_options o = *base;
        o.allocator = &a;
        summ_ctx *ctx = NULL;
        summ_status st = summ_new(&o, &ctx);
        if (st != SUMM_OK) {
            assert_int_equal(st, SUMM_ENOMEM);
            assert_null(ctx);
            assert_int_equal(f.live, 0);
            continue;
        }
        summ_result *res = (summ_result *)1;
        st = summ_run(ctx, text, len, &res);
        if (st == SUMM_OK) {
            same_result(res, ref_run);
            summ_result_free(res);
            res = (summ_result *)1;
            st = summ_split(ctx, text, len, &res);
            if (st == SUMM_OK) {
                same_result(res, ref_split);
                summ_result_free(res);
                finished = f.countdown >= 0;  /* the failure was never reached */
            }
        }
        if (st != SUMM_OK) {
            assert_int_equal(st, SUMM_ENOMEM);
            assert_null(res);
            assert_string_equal(summ_errmsg(ctx), "out of memory");
            /* the context is still usable once memory is back */
            f.countdown = -1;
            assert_int_equal(summ_run(ctx, text, len, &res), SUMM_OK);
            same_result(res, ref_run);
            summ_result_free(res);
        }
        summ_free(ctx);
        assert_int_equal(f.live, 0);
    }
    assert_true(finished);
    summ_result_free(ref_run);
    summ_result_free(ref_split);
    summ_free(ref_ctx);
}

void
fixture_setup(fixture *f, const char *text)
{
    summ_options o;
    summ_options_init(&o);
    o.language = "en";
    assert_int_equal(summ_new(&o, &f->ctx), SUMM_OK);
    arena_init(&f->ar, &f->ctx->al);
    memset(&f->d, 0, sizeof f->d);
    f->d.ar = &f->ar;
    f->d.text = text;
    f->d.len = strlen(text);
    f->d.title = SIZE_MAX;
    f->d.lang = lang_lookup("en");
    summ_status st;
    f->d.lr = langres_get(f->ctx, f->d.lang, &st);
    assert_non_null(f->d.lr);
    assert_int_equal(segment(&f->d, 0, &f->d.lr->abbrev), SUMM_OK);
    f->d.keep_words = true;
    assert_int_equal(tokenize(&f->d), SUMM_OK);
    assert_int_equal(tfidf_build(&f->d, &f->v), SUMM_OK);
}

void
fixture_teardown(fixture *f)
{
    const salloc *al = &f->ctx->al;
    s_free(al, f->d.sent);
    s_free(al, f->d.term);
    s_free(al, f->d.term_stem);
    s_free(al, f->d.term_first);
    s_free(al, f->d.word);
    arena_free(&f->ar);
    summ_free(f->ctx);
}
