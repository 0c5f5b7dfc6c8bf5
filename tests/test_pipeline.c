/* test_pipeline.c - unit tests of the stages behind the API: input check,
 * folding, tokenizing, stemming, TF-IDF, TextRank, selection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

static void
test_fold(void **state)
{
    (void)state;
    char buf[64];
    struct { const char *in, *out; } cases[] = {
        { "Hello", "hello" },
        { "STRASSE", "strasse" },
        { "Straße", "strasse" },          /* full case folding */
        { "ＡＢＣ", "abc" },               /* NFKC: full-width letters */
        { "ﬁle", "file" },                /* NFKC: ligature */
        { "Apple\xe2\x80\x99s", "apple's" }, /* typographic apostrophe */
        { "ÉCOLE", "école" },
        { "ΣΟΦΙΑ", "σοφια" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = summ__fold_word(cases[i].in, strlen(cases[i].in), buf, sizeof buf);
        assert_true(n <= sizeof buf);
        buf[n] = '\0';
        assert_string_equal(buf, cases[i].out);
    }
}

static void
test_input_check(void **state)
{
    (void)state;
    size_t start;
    summ_err err;
    summ__err_clear(&err);
    assert_int_equal(summ__input_check("abc", 3, &start, &err), SUMM_OK);
    assert_int_equal(start, 0);
    assert_int_equal(summ__input_check("\xef\xbb\xbfx", 4, &start, &err), SUMM_OK);
    assert_int_equal(start, 3);
    assert_int_equal(summ__input_check("0123456789abcdef\xff", 17, &start, &err), SUMM_EUTF8);
    assert_int_equal(err.off, 16);
    assert_non_null(strstr(err.msg, "16"));
    assert_int_equal(summ__input_check("01234567\0", 9, &start, &err), SUMM_EBINARY);
    assert_int_equal(err.off, 8);
    assert_non_null(strstr(err.msg, "8"));
    assert_int_equal(summ__input_check("\xf4\x90\x80\x80", 4, &start, &err), SUMM_EUTF8); /* > U+10FFFF */
    assert_int_equal(err.off, 0);
    assert_int_equal(summ__input_check("\xf0\x9f\x98\x80 ok", 7, &start, &err), SUMM_OK);  /* emoji */
}


static void
test_tokenize_stem(void **state)
{
    (void)state;
    fixture f;
    fixture_setup(&f, "The runners were running. A runner runs!");
    assert_int_equal(f.d.nsent, 2);
    /* "the", "were", "a" are stopwords; runners/running/runner/runs stem
     * to "runner" or "run" */
    assert_int_equal(f.d.sent[0].nwords, 4);
    assert_int_equal(f.d.sent[0].ntok, 2);
    assert_int_equal(f.d.sent[1].nwords, 3);
    assert_int_equal(f.d.sent[1].ntok, 2);
    /* "running" and "runs" share a stem: the same term */
    uint32_t running = f.d.term[f.d.sent[0].tok + 1];
    uint32_t runs = f.d.term[f.d.sent[1].tok + 1];
    assert_int_equal(running, runs);
    size_t n;
    const char *stem = summ__lex_stem(f.d.lr, f.d.term_stem[running], &n);
    assert_memory_equal(stem, "run", 3);
    assert_int_equal(n, 3);
    fixture_teardown(&f);
}

static void
test_tokenize_inner(void **state)
{
    (void)state;
    fixture f;
    fixture_setup(&f, "Apple's profit rose 3.5% to $1,000 in the U.K. market.");
    /* apple's | profit | rose | 3.5 | to | 1,000 | in | the | u | k | market */
    assert_int_equal(f.d.nsent, 1);
    assert_int_equal(f.d.sent[0].nwords, 11);
    fixture_teardown(&f);
}

static void
test_tfidf_textrank(void **state)
{
    (void)state;
    fixture f;
    fixture_setup(&f,
                  "Solar power is cheap. Solar panels make power. Wind power is cheap too. "
                  "My cat sleeps.");
    tfidf v;
    assert_int_equal(summ__tfidf_build(&f.d, &v), SUMM_OK);
    /* rows are unit vectors; a sentence is identical to itself */
    for (size_t i = 0; i < f.d.nsent; i++)
        assert_true(summ__tfidf_cosine(&v, i, i) > 0.999 && summ__tfidf_cosine(&v, i, i) < 1.001);
    /* the cat shares nothing */
    assert_true(summ__tfidf_cosine(&v, 0, 3) == 0);
    assert_true(summ__tfidf_cosine(&v, 0, 2) > 0);
    double rank[4];
    assert_int_equal(summ__sentence_graph(&f.d, &v, SUMM_SIM_COSINE, 0.85, rank, NULL, NULL), SUMM_OK);
    double sum = rank[0] + rank[1] + rank[2] + rank[3];
    assert_true(sum > 0.999 && sum < 1.001);
    /* the isolated sentence ranks lowest */
    for (size_t i = 0; i < 3; i++)
        assert_true(rank[3] < rank[i]);
    fixture_teardown(&f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_input_check),
        cmocka_unit_test(test_tokenize_stem),
        cmocka_unit_test(test_tokenize_inner),
        cmocka_unit_test(test_tfidf_textrank),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
