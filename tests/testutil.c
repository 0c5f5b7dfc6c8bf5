/* testutil.c - see testutil.h. */
#include <setjmp.h>
#include <stdarg.h>
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
