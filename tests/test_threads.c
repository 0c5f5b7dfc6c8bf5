/* test_threads.c - clones of one context on threads of their own, at the
 * same time: they share each language's word lists and lexicon (stem.c,
 * lang/langres.c), and every result must be the one a single context
 * gives. The documents are full of words no context has seen, so the
 * shared lexicon grows (and its table is copied) while the others read
 * it; with the shared lexicon made full early, words go to each context's
 * own lexicon and must still get the stems of the shared one. CI runs
 * this under ThreadSanitizer. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

#define NDOCS 48
#define NTHREADS 4

/* Documents of made-up words ("tavorines", "kelumeth"), English around
 * them so that they are English, each with words of its own and words the
 * others have too. */
static char *docs[NDOCS];
static const char *langs[NDOCS];

/* summ__lex_lookup(), its parts through pointers (*st SUMM_OK before, as
 * it wants) */
static uint32_t
lex_lookup(langres *lr, const char *w, size_t n, uint32_t *kw, unsigned *roles, summ_status *st)
{
    *st = SUMM_OK;
    lexword lw = summ__lex_lookup(lr, w, n, st);
    *kw = lw.kw;
    *roles = lw.roles;
    return lw.stem;
}

static void
make_word(char *out, uint32_t x)
{
    static const char *const syl[] = { "ta", "vo", "ri", "ne", "ke", "lu", "me", "th", "sa",
                                       "do", "mi", "ra", "po", "li", "ve", "qu" };
    static const char *const end[] = { "", "s", "ing", "ed", "es", "ers", "ly", "ion" };
    size_t n = 0;
    for (int k = 0; k < 3; k++, x /= 16)
        n += (size_t)sprintf(out + n, "%s", syl[x % 16]);
    sprintf(out + n, "%s", end[x % 8]);
}

static void
make_docs(void)
{
    static const char *const german =
        "Der Fluss fließt durch die alte Stadt und mündet ins Meer. Jeden Sommer findet "
        "am Wasser ein Markt statt. Die Bauern aus dem Tal bringen Käse, Brot und Obst "
        "mit. Viele Besucher kommen mit dem Zug, um den Markt zu sehen.";
    static const char *const french =
        "La rivière traverse la vieille ville et se jette dans la mer. Chaque été, un "
        "marché a lieu au bord de l'eau. Les paysans de la vallée apportent du fromage, "
        "du pain et des fruits. Beaucoup de visiteurs viennent en train pour le voir.";
    uint32_t seed = 12345;
    for (size_t d = 0; d < NDOCS; d++) {
        if (d % 8 == 5 || d % 8 == 7) {
            docs[d] = strdup(d % 8 == 5 ? german : french);
            langs[d] = d % 8 == 5 ? "de" : "fr";
            continue;
        }
        size_t cap = 16384, n = 0;
        char *t = malloc(cap);
        assert_non_null(t);
        for (int s = 0; s < 30; s++) {
            n += (size_t)snprintf(t + n, cap - n, "The ");
            for (int w = 0; w < 8; w++) {
                char word[64];
                seed = seed * 1103515245u + 12345u;
                /* half the words from a small common stock, half new */
                make_word(word, w % 2 ? (seed >> 8) % 64 : (seed >> 4));
                n += (size_t)snprintf(t + n, cap - n, "%s %s ", word, w == 3 ? "and the" : "of");
            }
            n += (size_t)snprintf(t + n, cap - n, "is here.%s", s % 5 == 4 ? "\n\n" : " ");
        }
        docs[d] = t;
        langs[d] = "en";
    }
}

static void
free_docs(void)
{
    for (size_t d = 0; d < NDOCS; d++)
        free(docs[d]);
}

typedef struct runner {
    summ_ctx *ctx;
    size_t first;                 /* each thread starts at another document */
    summ_result *res[NDOCS];
    summ_status st[NDOCS];
} runner;

static void *
run_all(void *arg)
{
    runner *r = arg;
    for (size_t k = 0; k < NDOCS; k++) {
        size_t d = (r->first + k) % NDOCS;
        r->st[d] = summ_rank(r->ctx, docs[d], strlen(docs[d]), &r->res[d]);
    }
    return NULL;
}

/* Reference results, one context, one document after the other. */
static void
reference(summ_result **ref)
{
    summ_ctx *ctx = new_ctx_opts(NULL);
    for (size_t d = 0; d < NDOCS; d++)
        assert_int_equal(summ_rank(ctx, docs[d], strlen(docs[d]), &ref[d]), SUMM_OK);
    summ_free(ctx);
}

/* Clones of proto on NTHREADS threads at once; the original freed before
 * they finish. Every result the reference one. */
static void
run_clones(summ_ctx *proto, summ_result **ref)
{
    runner r[NTHREADS];
    pthread_t th[NTHREADS];
    memset(r, 0, sizeof r);
    for (size_t k = 0; k < NTHREADS; k++) {
        assert_int_equal(summ_clone(proto, &r[k].ctx), SUMM_OK);
        r[k].first = k * NDOCS / NTHREADS;
    }
    for (size_t k = 0; k < NTHREADS; k++)
        assert_int_equal(pthread_create(&th[k], NULL, run_all, &r[k]), 0);
    summ_free(proto);  /* the clones keep what they share */
    for (size_t k = 0; k < NTHREADS; k++)
        assert_int_equal(pthread_join(th[k], NULL), 0);
    for (size_t k = 0; k < NTHREADS; k++) {
        for (size_t d = 0; d < NDOCS; d++) {
            assert_int_equal(r[k].st[d], SUMM_OK);
            assert_string_equal(summ_result_language(r[k].res[d]), langs[d]);
            same_result(r[k].res[d], ref[d]);
            summ_result_free(r[k].res[d]);
        }
        summ_free(r[k].ctx);
    }
}

static void
test_clones_share(void **state)
{
    (void)state;
    summ_result *ref[NDOCS];
    reference(ref);
    run_clones(new_ctx_opts(NULL), ref);
    for (size_t d = 0; d < NDOCS; d++)
        summ_result_free(ref[d]);
}

/* The shared lexicon full after a few words: the rest go to each clone's
 * own lexicon, which takes the stems the shared one has (a word and its
 * inflections stay one term), and the results do not change. */
static void
test_shared_lexicon_full(void **state)
{
    (void)state;
    summ_result *ref[NDOCS];
    reference(ref);
    summ_ctx *proto = new_ctx_opts(NULL);
    langres *lr;
    assert_int_equal(summ__ctx_langres(proto, summ__lang_by_code("en"), &lr), SUMM_OK);
    summ__lex_limit(lr->lex, 40);
    run_clones(proto, ref);
    for (size_t d = 0; d < NDOCS; d++)
        summ_result_free(ref[d]);

    /* directly: "library" in the shared lexicon, "libraries" past its
     * limit; one stem id */
    salloc al;
    summ__salloc_init(&al, NULL);
    summ_err err;
    summ__err_clear(&err);
    assert_int_equal(summ__langres_make(&al, NULL, NULL, summ__lang_by_code("en"), &lr, &err),
                     SUMM_OK);
    summ_status st;
    uint32_t kw;
    unsigned roles;
    uint32_t a = lex_lookup(lr, "library", 7, &kw, &roles, &st);
    assert_int_equal(st, SUMM_OK);
    summ__lex_limit(lr->lex, 1);
    uint32_t b = lex_lookup(lr, "libraries", 9, &kw, &roles, &st);
    assert_int_equal(st, SUMM_OK);
    assert_non_null(lr->own);  /* it went to the context's own lexicon */
    assert_int_equal(a, b);
    uint32_t c = lex_lookup(lr, "bakeries", 8, &kw, &roles, &st);
    uint32_t d = lex_lookup(lr, "bakery", 6, &kw, &roles, &st);
    assert_int_equal(c, d);
    assert_int_not_equal(a, c);
    size_t n;
    const char *stem = summ__lex_stem(lr, c, &n);
    assert_int_equal(n, 6);
    assert_memory_equal(stem, "bakeri", 6);
    assert_int_equal(lex_lookup(lr, "the", 3, &kw, &roles, &st), STEM_STOP);
    assert_int_equal(lex_lookup(lr, "library", 7, &kw, &roles, &st), a);
    summ__langres_free(lr);
}

int
main(void)
{
    make_docs();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clones_share),
        cmocka_unit_test(test_shared_lexicon_full),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    free_docs();
    return rc;
}
