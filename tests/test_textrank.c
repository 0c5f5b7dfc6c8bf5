/* test_textrank.c - TextRank on long texts, where textrank.c bounds the
 * graph (window, common terms, top-k, mean field for what is dropped):
 * the ranks stay a probability distribution, agree with the exact
 * PageRank computed here by brute force, and every allocation failure on
 * that path is clean; and on short texts, where PageRank is solved as a
 * linear system, that the solution is the same. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

/* A deterministic text of nsent sentences over a vocabulary with a
 * Zipf-like spread (so some terms are in most sentences), in topics that
 * drift, as in a book. Caller frees. */
static char *
make_text(size_t nsent, uint32_t seed)
{
    static const char *syl[] = { "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po" };
    size_t cap = nsent * 120 + 1, len = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    uint32_t x = seed;
    for (size_t s = 0; s < nsent; s++) {
        size_t topic = s / 40;
        x = x * 1664525u + 1013904223u;
        size_t nw = 4 + (x >> 16) % 9;
        for (size_t w = 0; w < nw; w++) {
            x = x * 1664525u + 1013904223u;
            uint32_t r = (x >> 8) % 1000;
            /* 1/4 common words, the rest from this topic's words */
            uint32_t id = r < 250 ? r % 12 : 12 + (uint32_t)(topic * 7 + (r * r) % 60) % 400;
            char word[16];
            size_t wl = 0;
            for (uint32_t k = id + 1; k && wl < 12; k /= 10)
                wl += (size_t)snprintf(word + wl, sizeof word - wl, "%s", syl[k % 10]);
            if (w == 0 && word[0] >= 'a')
                word[0] = (char)(word[0] - 32);
            memcpy(t + len, word, wl);
            len += wl;
            t[len++] = w + 1 < nw ? ' ' : '.';
        }
        t[len++] = ' ';
        assert_true(len + 120 < cap);
    }
    t[len] = '\0';
    return t;
}


/* PageRank over the complete cosine graph, the textbook way. */
static void
exact_pagerank(const tfidf *v, size_t n, double d, double *rank)
{
    double *w = calloc(n * n, sizeof *w), *out = calloc(n, sizeof *out);
    double *next = calloc(n, sizeof *next);
    assert_true(w && out && next);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (i != j) {
                double c = summ__tfidf_cosine(v, i, j);
                w[i * n + j] = c > 1e-9 ? c : 0;
                out[i] += w[i * n + j];
            }
    for (size_t i = 0; i < n; i++)
        rank[i] = 1.0 / (double)n;
    for (int it = 0; it < 200; it++) {
        double dangling = 0;
        for (size_t i = 0; i < n; i++)
            if (out[i] == 0)
                dangling += rank[i];
        for (size_t j = 0; j < n; j++) {
            double r = (1 - d) / (double)n + d * dangling / (double)n;
            for (size_t i = 0; i < n; i++)
                if (w[i * n + j] > 0)
                    r += d * w[i * n + j] * rank[i] / out[i];
            next[j] = r;
        }
        memcpy(rank, next, n * sizeof *rank);
    }
    free(w);
    free(out);
    free(next);
}

static const double *sort_key;

static int
by_rank_desc(const void *a, const void *b)
{
    double x = sort_key[*(const size_t *)a], y = sort_key[*(const size_t *)b];
    return (x < y) - (x > y);
}

/* How many of the top k sentences by a are also in the top k by b. */
static size_t
top_overlap(const double *a, const double *b, size_t n, size_t k)
{
    size_t *ia = malloc(n * sizeof *ia), *ib = malloc(n * sizeof *ib);
    assert_true(ia && ib);
    for (size_t i = 0; i < n; i++)
        ia[i] = ib[i] = i;
    sort_key = a;
    qsort(ia, n, sizeof *ia, by_rank_desc);
    sort_key = b;
    qsort(ib, n, sizeof *ib, by_rank_desc);
    size_t same = 0;
    for (size_t x = 0; x < k; x++)
        for (size_t y = 0; y < k; y++)
            same += ia[x] == ib[y];
    free(ia);
    free(ib);
    return same;
}

static void
check_against_exact(size_t nsent, double max_abs_err, size_t min_top10)
{
    char *text = make_text(nsent, 6);
    fixture f;
    fixture_setup(&f, text);
    size_t n = f.d.nsent;
    assert_int_equal(n, nsent);
    double *rank = calloc(n, sizeof *rank), *again = calloc(n, sizeof *again);
    double *ref = calloc(n, sizeof *ref);
    assert_true(rank && again && ref);
    assert_int_equal(summ__sentence_graph(&f.d, &f.v, SUMM_SIM_COSINE, 0.85, rank, NULL, NULL), SUMM_OK);
    assert_int_equal(summ__sentence_graph(&f.d, &f.v, SUMM_SIM_COSINE, 0.85, again, NULL, NULL), SUMM_OK);
    exact_pagerank(&f.v, n, 0.85, ref);
    double sum = 0, err = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(rank[i] > 0);
        assert_true(rank[i] == again[i]);  /* deterministic */
        sum += rank[i];
        double e = fabs(rank[i] - ref[i]) * (double)n;  /* relative to the mean */
        if (e > err)
            err = e;
    }
    assert_true(fabs(sum - 1) < 1e-6);
    if (err > max_abs_err)
        fail_msg("%zu sentences: largest error %.3g of the mean rank, allowed %.3g", n, err,
                 max_abs_err);
    size_t top = top_overlap(rank, ref, n, 10);
    if (top < min_top10)
        fail_msg("%zu sentences: %zu of the exact top 10, wanted %zu", n, top, min_top10);
    free(rank);
    free(again);
    free(ref);
    fixture_teardown(&f);
    free(text);
}

/* Up to TR_DIRECT sentences PageRank is solved, not iterated: the same
 * ranks (to the float precision of the edge weights, as below). */
static void
test_direct_is_exact(void **state)
{
    (void)state;
    check_against_exact(12, 1e-6, 10);
    check_against_exact(40, 1e-6, 10);
}

/* Sentences the graph cannot tell apart (the same one twice or three
 * times, among others) get the same rank to the bit from the direct
 * solve, so that their tie goes to the first, as it does with power
 * iteration; over many texts, for elimination rounds each row its own
 * way. */
static void
test_direct_ties(void **state)
{
    (void)state;
    static const char *const other[] = {
        "Trees fell across several roads and thousands of homes lost power.",
        "The weather service said the winds reached ninety kilometres an hour.",
        "The harbour was closed and the ferries stayed in port until Tuesday.",
        "Fishermen said they had not seen waves that high in twenty years.",
        "Schools in the region stayed closed on Tuesday morning.",
        "Power came back to most homes by the evening.",
        "The council said the roads would be cleared within a day.",
    };
    static const char dup[] = "A storm brought heavy rain and strong winds to the coast.";
    size_t checked = 0;
    for (size_t mask = 1; mask < 128; mask++) {
        char text[2048] = "";
        size_t at[8], nd = 0, ns = 0;
        for (size_t k = 0; k < 7; k++) {
            if (k == 0 || k == 3 || (k == 6 && mask % 3 == 0)) {
                strcat(text, dup);
                strcat(text, "\n\n");
                at[nd++] = ns++;
            }
            if (mask & (1u << k)) {
                strcat(text, other[k]);
                strcat(text, "\n\n");
                ns++;
            }
        }
        fixture f;
        fixture_setup(&f, text);
        assert_int_equal(f.d.nsent, ns);
        double rank[16];
        assert_int_equal(summ__sentence_graph(&f.d, &f.v, SUMM_SIM_OVERLAP, 0.85, rank, NULL,
                                              NULL), SUMM_OK);
        for (size_t k = 1; k < nd; k++)
            if (rank[at[k]] != rank[at[0]])
                fail_msg("sentences %zu and %zu of \"%s\": ranks %.17g and %.17g", at[0],
                         at[k], text, rank[at[0]], rank[at[k]]);
        checked++;
        fixture_teardown(&f);
    }
    assert_int_equal(checked, 127);
}

/* Up to TR_SMALL sentences the graph is the exact one. */
static void
test_short_is_exact(void **state)
{
    (void)state;
    check_against_exact(200, 1e-6, 10);
}

/* Past it, the bounded graph plus the mean field stays close. */
static void
test_long_is_close(void **state)
{
    (void)state;
    check_against_exact(1500, 0.1, 9);
}


static void
test_long_alloc_failure(void **state)
{
    (void)state;
    char *text = make_text(700, 7);
    static const test_opt en[] = { { SUMM_OPT_LANGUAGE, 0, "en" }, TEST_OPT_END };
    summ_ctx *ctx = new_ctx_opts(en);
    summ_result *res;
    assert_int_equal(summ_run(ctx, text, strlen(text), &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 3);
    summ_result_free(res);
    summ_free(ctx);
    fail_every_allocation(text, strlen(text), en);
    free(text);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_direct_is_exact),
        cmocka_unit_test(test_direct_ties),
        cmocka_unit_test(test_short_is_exact),
        cmocka_unit_test(test_long_is_close),
        cmocka_unit_test(test_long_alloc_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
