/* test_query.c - what a caller asks of one run beyond its length: a query
 * (SUMM_OPT_QUERY), extra stopwords (SUMM_OPT_STOPWORDS), and the promise
 * that the best sentence scores 1 whatever the text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

/* A news story whose lead is about a library; one later sentence, and only
 * that one, mentions the volcano. */
static const char STORY[] =
    "The city of Riverton opened its new public library on Saturday, after three years of "
    "building work.\n\n"
    "The library has forty thousand books, a children's wing and a reading room that looks "
    "over the river.\n\n"
    "The mayor said the library would be open every day of the week, including evenings.\n\n"
    "Building the library cost the city twelve million dollars, most of it from a bond "
    "approved by voters.\n\n"
    "Local schools plan to bring classes to the library for weekly reading hours.\n\n"
    "Some residents had asked for the money to be spent on roads instead of the library.\n\n"
    "Visitors on the first day could also see an exhibition about the volcanoes of the "
    "region and their eruptions.\n\n"
    "Librarians said more than two thousand people came through the doors on the first "
    "day.\n\n"
    "The old library building on Main Street will become a community centre next year.\n";

static summ_ctx *
ctx_with(size_t n, const char *query)
{
    summ_ctx *ctx = NULL;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, (long long)n), SUMM_OK);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_QUERY, query), SUMM_OK);
    return ctx;
}

/* The result's span whose text contains needle, or NULL. */
static const summ_span *
find_span(const summ_result *r, const char *needle)
{
    for (size_t i = 0; i < summ_result_count(r); i++)
        if (strstr(summ_result_at(r, i)->text, needle))
            return summ_result_at(r, i);
    return NULL;
}

static double
best_score(const summ_result *r)
{
    double best = -1;
    for (size_t i = 0; i < summ_result_count(r); i++)
        if (summ_result_at(r, i)->score > best)
            best = summ_result_at(r, i)->score;
    return best;
}

static void
test_query_brings_its_sentence(void **state)
{
    (void)state;
    summ_result *plain, *asked, *stemmed;
    summ_ctx *ctx = ctx_with(3, NULL);
    assert_int_equal(summ_run(ctx, STORY, strlen(STORY), &plain), SUMM_OK);
    assert_null(find_span(plain, "volcano"));  /* the plain summary leaves it out */
    assert_int_equal(summ_result_warnings(plain) & SUMM_WARN_QUERY_UNMATCHED, 0);
    summ_free(ctx);

    ctx = ctx_with(3, "volcano");
    assert_int_equal(summ_run(ctx, STORY, strlen(STORY), &asked), SUMM_OK);
    assert_int_equal(summ_result_count(asked), 3);
    const summ_span *s = find_span(asked, "volcano");
    assert_non_null(s);
    assert_true(s->flags & SUMM_FLAG_QUERY);
    assert_true(s->flags & SUMM_FLAG_SELECTED);
    assert_int_equal(summ_result_warnings(asked) & SUMM_WARN_QUERY_UNMATCHED, 0);
    /* still extractive, in text order, and the best still scores 1 */
    for (size_t i = 1; i < summ_result_count(asked); i++)
        assert_true(summ_result_at(asked, i - 1)->index < summ_result_at(asked, i)->index);
    assert_true(best_score(asked) == 1.0);
    summ_free(ctx);

    /* the query is stemmed like the text, and case-folded */
    ctx = ctx_with(3, "ERUPTION");
    assert_int_equal(summ_run(ctx, STORY, strlen(STORY), &stemmed), SUMM_OK);
    assert_non_null(find_span(stemmed, "volcano"));
    summ_free(ctx);
    summ_result_free(plain);
    summ_result_free(asked);
    summ_result_free(stemmed);
}

static void
test_query_flags_only_its_sentences(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_with(3, "volcanoes");
    summ_result *r;
    assert_int_equal(summ_rank(ctx, STORY, strlen(STORY), &r), SUMM_OK);
    size_t flagged = 0;
    for (size_t i = 0; i < summ_result_count(r); i++) {
        const summ_span *s = summ_result_at(r, i);
        bool has = strstr(s->text, "volcano") != NULL;
        assert_int_equal(!!(s->flags & SUMM_FLAG_QUERY), has);
        flagged += has;
    }
    assert_int_equal(flagged, 1);
    summ_result_free(r);
    summ_free(ctx);
}

/* No sentence has a word of the query: the plain summary, and a warning. */
static void
test_query_unmatched_falls_back(void **state)
{
    (void)state;
    static const char *const queries[] = { "zebra giraffe", "the of and", "!!! ???" };
    summ_ctx *ctx = ctx_with(3, NULL);
    summ_result *plain;
    assert_int_equal(summ_rank(ctx, STORY, strlen(STORY), &plain), SUMM_OK);
    summ_free(ctx);
    for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
        ctx = ctx_with(3, queries[q]);
        summ_result *r;
        assert_int_equal(summ_rank(ctx, STORY, strlen(STORY), &r), SUMM_OK);
        assert_true(summ_result_warnings(r) & SUMM_WARN_QUERY_UNMATCHED);
        assert_int_equal(summ_result_count(r), summ_result_count(plain));
        for (size_t i = 0; i < summ_result_count(r); i++) {
            const summ_span *a = summ_result_at(r, i), *b = summ_result_at(plain, i);
            assert_true(a->score == b->score);
            assert_int_equal(a->flags, b->flags);
            assert_int_equal(a->flags & SUMM_FLAG_QUERY, 0);
        }
        summ_result_free(r);
        summ_free(ctx);
    }
    /* "" is no query: no warning */
    ctx = ctx_with(3, "");
    summ_result *r;
    assert_int_equal(summ_run(ctx, STORY, strlen(STORY), &r), SUMM_OK);
    assert_int_equal(summ_result_warnings(r), 0);
    summ_result_free(r);
    summ_free(ctx);
    summ_result_free(plain);
}

static void
test_query_option_checked(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_with(3, "river");
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_QUERY, "caf\xc3"), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "query"));
    assert_non_null(strstr(summ_errmsg(ctx), "UTF-8"));
    const char *q = NULL;
    assert_int_equal(summ_get_string(ctx, SUMM_OPT_QUERY, &q), SUMM_OK);
    assert_string_equal(q, "river");  /* unchanged */
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_STOPWORDS, "\xff"), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "stopwords"));
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_QUERY, 1), SUMM_EINVAL);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_QUERY_BIAS, 1.5), SUMM_EINVAL);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_QUERY_POSITION, -0.1), SUMM_EINVAL);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_W_QUERY, -1), SUMM_EINVAL);
    summ_free(ctx);
}

/* The query's two knobs each move the choice on their own: the score term
 * alone, and the personalised PageRank alone (on a text whose lead is not
 * favoured: position off). */
static void
test_query_parts(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_with(1, "volcano");
    summ_result *r;
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_QUERY_BIAS, 0), SUMM_OK);
    assert_int_equal(summ_run(ctx, STORY, strlen(STORY), &r), SUMM_OK);
    assert_non_null(find_span(r, "volcano"));
    summ_result_free(r);

    /* graph only: the rank of the volcano sentence rises with the bias */
    double rank[2];
    for (int k = 0; k < 2; k++) {
        assert_int_equal(summ_set_double(ctx, SUMM_OPT_W_QUERY, 0), SUMM_OK);
        assert_int_equal(summ_set_double(ctx, SUMM_OPT_W_POSITION, 0), SUMM_OK);
        assert_int_equal(summ_set_double(ctx, SUMM_OPT_W_CENTROID, 0), SUMM_OK);
        assert_int_equal(summ_set_double(ctx, SUMM_OPT_QUERY_BIAS, k ? 0.9 : 0), SUMM_OK);
        assert_int_equal(summ_rank(ctx, STORY, strlen(STORY), &r), SUMM_OK);
        rank[k] = find_span(r, "volcano")->score;
        summ_result_free(r);
    }
    assert_true(rank[1] > 2 * rank[0]);
    summ_free(ctx);
}

/* The best sentence scores 1 even where no sentence is content: a lone
 * heading, a list of titles, and weights that make every score negative. */
static void
test_best_scores_one(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Hello world",
        "Hello world\n",
        "Annual Report\n\nFinancial Statements\n\nNotes To The Accounts\n",
        "Yes. No. Ok.",
        "Advertisement",
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        for (int weights = 0; weights < 2; weights++) {
            summ_ctx *ctx = ctx_with(3, NULL);
            if (weights) {  /* only the short-sentence penalty left: all below 0 */
                assert_int_equal(summ_set_double(ctx, SUMM_OPT_W_TEXTRANK, 0), SUMM_OK);
                assert_int_equal(summ_set_double(ctx, SUMM_OPT_W_POSITION, 0), SUMM_OK);
                assert_int_equal(summ_set_double(ctx, SUMM_OPT_W_CENTROID, 0), SUMM_OK);
            }
            summ_result *r;
            assert_int_equal(summ_run(ctx, texts[t], strlen(texts[t]), &r), SUMM_OK);
            assert_true(summ_result_count(r) >= 1);
            assert_true(best_score(r) == 1.0);
            for (size_t i = 0; i < summ_result_count(r); i++) {
                double s = summ_result_at(r, i)->score;
                assert_true(s >= 0 && s <= 1);
            }
            summ_result_free(r);
            summ_free(ctx);
        }
    }
}

/* The keywords of STORY with these extra stopwords. */
static bool
has_keyword(summ_ctx *ctx, const char *text, const char *word)
{
    summ_result *r;
    assert_int_equal(summ_run(ctx, text, strlen(text), &r), SUMM_OK);
    bool found = false;
    for (size_t i = 0; i < summ_result_keyword_count(r); i++)
        found = found || strstr(summ_result_keyword(r, i)->text, word) != NULL;
    summ_result_free(r);
    return found;
}

static void
test_stopwords(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_with(3, NULL);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 3), SUMM_OK);
    assert_true(has_keyword(ctx, STORY, "library"));
    /* any white space between words, a comment line, any case: folded */
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_STOPWORDS,
                                     "# words of this newsroom\n  LIBRARY\tcity\n"),
                     SUMM_OK);
    assert_false(has_keyword(ctx, STORY, "library"));
    assert_false(has_keyword(ctx, STORY, "city"));
    /* a stopword is no query word either */
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_QUERY, "library"), SUMM_OK);
    summ_result *r;
    assert_int_equal(summ_run(ctx, STORY, strlen(STORY), &r), SUMM_OK);
    assert_true(summ_result_warnings(r) & SUMM_WARN_QUERY_UNMATCHED);
    summ_result_free(r);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_QUERY, NULL), SUMM_OK);
    /* back to none: the built-in list alone again (the cache was dropped) */
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_STOPWORDS, NULL), SUMM_OK);
    assert_true(has_keyword(ctx, STORY, "library"));
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_STOPWORDS, "library"), SUMM_OK);
    summ_reset_options(ctx);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 3), SUMM_OK);
    assert_true(has_keyword(ctx, STORY, "library"));
    /* with no language too: asked for, so honoured */
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "none"), SUMM_OK);
    assert_true(has_keyword(ctx, STORY, "voters"));
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_STOPWORDS, "voters"), SUMM_OK);
    assert_false(has_keyword(ctx, STORY, "voters"));
    /* a clone has them too */
    summ_ctx *c;
    assert_int_equal(summ_clone(ctx, &c), SUMM_OK);
    assert_false(has_keyword(c, STORY, "voters"));
    summ_free(c);
    summ_free(ctx);
}

static void
test_alloc_failure(void **state)
{
    (void)state;
    const test_opt opts[] = {
        { SUMM_OPT_QUERY, 0, "volcano eruptions" },
        { SUMM_OPT_STOPWORDS, 0, "city mayor" },
        { SUMM_OPT_MAX_KEYWORDS, 3, NULL },
        TEST_OPT_END,
    };
    fail_every_allocation(STORY, strlen(STORY), opts);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_query_brings_its_sentence),
        cmocka_unit_test(test_query_flags_only_its_sentences),
        cmocka_unit_test(test_query_unmatched_falls_back),
        cmocka_unit_test(test_query_option_checked),
        cmocka_unit_test(test_query_parts),
        cmocka_unit_test(test_best_scores_one),
        cmocka_unit_test(test_stopwords),
        cmocka_unit_test(test_alloc_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
