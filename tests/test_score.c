/* test_score.c - unit tests of scoring, selection and keywords: the
 * sentence graph's similarity measures, the lead bias and how the summary's
 * length scales it, the length limits, and TextRank keywords with phrase
 * merging and their byte offsets. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"


/* Parameters that switch every feature off, to test one at a time. */
static params
bare(void)
{
    params o;
    summ__params_default(&o);
    o.w_textrank = o.w_tfidf = o.w_position = o.w_title = o.w_centroid = o.w_length = 0;
    o.w_directed = o.lead_ratio = o.lead_adapt = 0;
    o.redundancy = 1;
    return o;
}

/* Score d as the pipeline does: with the summary length o's limits give. */
static summ_status
score(doc *d, const tfidf *v, const params *o)
{
    return summ__score(d, v, o, summ__summary_length(d, o));
}

static void
test_overlap_edges(void **state)
{
    (void)state;
    fixture f;
    /* content words: solar power cheap | solar panels power | cat sleeps */
    fixture_setup(&f, "Solar power is cheap. Solar panels give power. My cat sleeps.");
    assert_int_equal(f.d.nsent, 3);
    assert_int_equal(f.d.sent[0].ntok, 3);
    assert_int_equal(f.d.sent[1].ntok, 4);  /* solar panels give power */
    double rank[3], fwd[3] = { 0 }, bwd[3] = { 0 };
    assert_int_equal(summ__sentence_graph(&f.d, &f.v, SUMM_SIM_OVERLAP, 0.85, rank, fwd, bwd), SUMM_OK);
    /* TextRank's weight: 2 shared words over log(1 + 3) + log(1 + 4) */
    double w = 2.0 / (log(4.0) + log(5.0));
    assert_true(fabs(fwd[0] - w) < 1e-6);
    assert_true(fabs(bwd[1] - w) < 1e-6);
    assert_true(bwd[0] == 0 && fwd[1] == 0 && fwd[2] == 0 && bwd[2] == 0);
    assert_true(fabs(rank[0] + rank[1] + rank[2] - 1.0) < 1e-6);
    assert_true(rank[2] < rank[0] && rank[2] < rank[1]);

    /* cosine: the same edge, weighted by the TF-IDF rows' dot product */
    memset(fwd, 0, sizeof fwd);
    memset(bwd, 0, sizeof bwd);
    assert_int_equal(summ__sentence_graph(&f.d, &f.v, SUMM_SIM_COSINE, 0.85, rank, fwd, bwd), SUMM_OK);
    assert_true(fabs(fwd[0] - summ__tfidf_cosine(&f.v, 0, 1)) < 1e-6);

    /* BM25, both directions averaged: solar and power, each once in each
     * sentence, idf floored (df 2 of 3 is a negative BM25 idf) */
    memset(fwd, 0, sizeof fwd);
    memset(bwd, 0, sizeof bwd);
    assert_int_equal(summ__sentence_graph(&f.d, &f.v, SUMM_SIM_BM25, 0.85, rank, fwd, bwd), SUMM_OK);
    assert_true(fwd[0] > 0 && fabs(fwd[0] - bwd[1]) < 1e-9);
    assert_true(fwd[1] == 0 && bwd[0] == 0);
    assert_true(rank[2] < rank[0] && rank[2] < rank[1]);
    fixture_teardown(&f);
}

/* The index of the best-scored sentence. */
static size_t
best(const doc *d)
{
    size_t b = 0;
    for (size_t i = 1; i < d->nsent; i++)
        if (d->score[i] > d->score[b])
            b = i;
    return b;
}

static void
test_position_and_summary_length(void **state)
{
    (void)state;
    fixture f;
    /* Ten sentences; the sixth carries the most TF-IDF mass. */
    fixture_setup(&f, "It rained. Dogs barked. Cats hid. Birds sang. Kids played. "
              "Engineers, chemists, physicists and geologists debated reactor fuel, "
              "turbine efficiency, grid storage and carbon pricing. "
              "Cars honked. Bells rang. Lights flickered. Night fell.");
    assert_int_equal(f.d.nsent, 10);
    params o = bare();
    o.w_tfidf = 1;
    o.w_position = 2;
    o.position_decay = 1;

    /* One sentence asked for: the lead bias wins. */
    o.max_sentences = 1;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_equal(best(&f.d), 0);
    /* scores are in [0, 1], the best has 1 */
    assert_true(f.d.score[0] == 1.0);
    for (size_t i = 0; i < f.d.nsent; i++)
        assert_true(f.d.score[i] >= 0 && f.d.score[i] <= 1);

    /* Ten sentences asked for, the lead may fill a tenth of the text (one
     * sentence): w_position is cut to a tenth and the content wins. */
    o.max_sentences = 10;
    o.lead_ratio = 0.1;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_equal(best(&f.d), 5);
    /* without the scaling the lead still wins */
    o.lead_ratio = 0;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_equal(best(&f.d), 0);

    /* position counts content sentences only: a heading is skipped */
    f.d.sent[0].flags |= SUMM_FLAG_HEADING;
    o.max_sentences = 1;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_true(f.d.score[0] == 0);
    assert_int_equal(best(&f.d), 1);
    fixture_teardown(&f);
}

static void
test_summary_length_and_select(void **state)
{
    (void)state;
    fixture f;
    fixture_setup(&f, "One two three four. Five six seven eight. Nine ten eleven twelve. "
              "Thirteen fourteen fifteen sixteen.");
    assert_int_equal(f.d.nsent, 4);
    params o = bare();
    o.max_sentences = 3;
    assert_true(summ__summary_length(&f.d, &o) == 3.0);
    o.ratio = 0.5;  /* the smaller limit wins */
    assert_true(summ__summary_length(&f.d, &o) == 2.0);
    o.ratio = 0;
    o.max_sentences = 0;
    o.max_words = 8;  /* four words a sentence: two */
    assert_true(summ__summary_length(&f.d, &o) == 2.0);

    /* every sentence a heading: still one sentence, never empty */
    o = bare();
    o.w_textrank = 1;
    o.max_sentences = 2;
    for (size_t i = 0; i < f.d.nsent; i++)
        f.d.sent[i].flags |= SUMM_FLAG_HEADING;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    size_t pick[4], npick = 0;
    assert_int_equal(summ__select(&f.d, &f.v, &o, pick, &npick), SUMM_OK);
    assert_true(npick >= 1 && npick <= 2);
    fixture_teardown(&f);
}

static void
test_redundancy(void **state)
{
    (void)state;
    fixture f;
    /* sentences 0 and 1 are the same words: only one may be chosen */
    fixture_setup(&f, "Markets fell sharply today. Today markets fell sharply. "
              "The central bank held rates.");
    params o = bare();
    o.w_position = 1;
    o.max_sentences = 2;
    o.redundancy = 0.7;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    size_t pick[3], npick = 0;
    assert_int_equal(summ__select(&f.d, &f.v, &o, pick, &npick), SUMM_OK);
    assert_int_equal(npick, 2);
    assert_int_equal(pick[0], 0);
    assert_int_equal(pick[1], 2);
    o.redundancy = 1;  /* off */
    assert_int_equal(summ__select(&f.d, &f.v, &o, pick, &npick), SUMM_OK);
    assert_int_equal(pick[1], 1);
    fixture_teardown(&f);
}

/* A text of n sentences whose first is unrelated front matter (a licence
 * line) and whose others are like a novel's: many different words, so that
 * no sentence is much more central than another. Words are made-up
 * syllable pairs drawn with a fixed linear congruential generator. */
static char *
front_matter_text(size_t n)
{
    static const char *const syl[] = { "ka", "lo", "mi", "ne", "pu", "ra", "so", "ti",
                                       "va", "ze", "bo", "du", "fe", "gi", "ho", "ju" };
    size_t cap = 64 + n * 12 * 8;
    char *t = malloc(cap);
    assert_non_null(t);
    size_t len = (size_t)snprintf(t, cap, "This ebook is free for anyone to copy and share.\n");
    uint32_t x = 12345;
    for (size_t i = 1; i < n; i++) {
        for (int w = 0; w < 12; w++) {
            char word[8];
            int m = 0;
            for (int k = 0; k < 3; k++) {
                x = x * 1103515245u + 12345u;
                const char *p = syl[(x >> 16) & 15];
                word[m++] = p[0];
                word[m++] = p[1];
            }
            word[m] = '\0';
            if (w == 0)
                word[0] = (char)(word[0] - 'a' + 'A');
            len += (size_t)snprintf(t + len, cap - len, "%s%s", w ? " " : "", word);
        }
        len += (size_t)snprintf(t + len, cap - len, ". ");
    }
    return t;
}

/* The lead bias is for articles: in a book-length text, where every
 * sentence's centrality is small, it must not hand the summary to the
 * front matter (a Gutenberg licence line did that before). */
static void
test_lead_bias_is_for_articles(void **state)
{
    (void)state;
    size_t sizes[] = { 1000, 3000 };
    for (size_t k = 0; k < 2; k++) {
        char *t = front_matter_text(sizes[k]);
        static const test_opt en[] = { { SUMM_OPT_LANGUAGE, 0, "en" }, TEST_OPT_END };
        summ_ctx *ctx = new_ctx_opts(en);
        summ_result *res;
        assert_int_equal(summ_run(ctx, t, strlen(t), &res), SUMM_OK);
        assert_int_equal(summ_result_count(res), 3);
        bool front = false;
        for (size_t i = 0; i < summ_result_count(res); i++)
            front |= summ_result_at(res, i)->index == 0;
        assert_false(front);
        summ_result_free(res);
        summ_free(ctx);
        free(t);
    }
}

static void
test_options_checked(void **state)
{
    (void)state;
    summ_ctx *ctx;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_SIMILARITY, 3), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "similarity"));
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_LEAD_RATIO, -0.1), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "lead_ratio"));
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_LEAD_ADAPT, NAN), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "lead_adapt"));
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_W_DIRECTED, INFINITY), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "w_directed"));
    /* none of them changed anything */
    params def;
    summ__params_default(&def);
    assert_int_equal(ctx->p.similarity, def.similarity);
    assert_true(ctx->p.lead_ratio == def.lead_ratio);
    assert_true(ctx->p.lead_adapt == def.lead_adapt);
    assert_true(ctx->p.w_directed == def.w_directed);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_SIMILARITY, SUMM_SIM_COSINE), SUMM_OK);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_W_DIRECTED, 1), SUMM_OK);
    assert_int_equal(ctx->p.similarity, SUMM_SIM_COSINE);
    assert_true(ctx->p.w_directed == 1);
    summ_result *res;
    static const char text[] = "Solar power is cheap. Solar panels give power. My cat sleeps.";
    assert_int_equal(summ_run(ctx, text, sizeof text - 1, &res), SUMM_OK);
    assert_true(summ_result_count(res) >= 1);
    summ_result_free(res);
    summ_free(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_overlap_edges),
        cmocka_unit_test(test_position_and_summary_length),
        cmocka_unit_test(test_summary_length_and_select),
        cmocka_unit_test(test_redundancy),
        cmocka_unit_test(test_lead_bias_is_for_articles),
        cmocka_unit_test(test_options_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
