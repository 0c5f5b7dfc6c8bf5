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
    o.w_cue = o.w_second_person = o.w_question = o.w_citation = o.w_number = o.w_filler = 0;
    o.w_long = o.long_relative = o.first_person_high = o.w_section = o.w_lead_section = 0;
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

/* How news-like a text is: in one that says "we" in most sentences (a
 * paper, a call), the lead bias fades out; in third-person copy it stays. */
static void
test_first_person_gate(void **state)
{
    (void)state;
    fixture f;
    /* the sixth sentence carries the most TF-IDF mass */
    fixture_setup(&f, "We met in May. We ate cake. We sang songs. We played games. We went home. "
              "Engineers, chemists, physicists and geologists debated reactor fuel, turbine "
              "efficiency, grid storage and carbon pricing. We slept.");
    assert_int_equal(f.d.nsent, 7);
    assert_true(f.d.first_person > 0.8);
    params o = bare();
    o.w_tfidf = 1;
    o.w_position = 2;
    o.position_decay = 1;
    o.max_sentences = 1;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_equal(best(&f.d), 0);  /* no gate: the lead */
    o.first_person_low = 0.1;
    o.first_person_high = 0.3;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_equal(best(&f.d), 5);
    fixture_teardown(&f);

    /* the same in the third person: the lead bias stays */
    fixture_setup(&f, "They met in May. They ate cake. They sang songs. They played games. "
              "They went home. Engineers, chemists, physicists and geologists debated reactor "
              "fuel, turbine efficiency, grid storage and carbon pricing. They slept.");
    assert_true(f.d.first_person == 0);
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_equal(best(&f.d), 0);
    fixture_teardown(&f);
}

/* The kinds of sentence move the score their way; apparatus scores 0 and
 * is chosen only when nothing else can be. */
static void
test_kind_weights(void **state)
{
    (void)state;
    fixture f;
    fixture_setup(&f, "Parsers read tables of data.\n\nFigure 2: Parsers and tables of data.\n\n"
              "In this paper parsers read data. Do parsers read tables? "
              "You can read tables with parsers.");
    size_t cap = 1, cue = 2, q = 3, you = 4;
    assert_int_equal(f.d.nsent, 5);
    assert_true(f.d.sent[cap].flags & SUMM_FLAG_APPARATUS);
    params o = bare();
    o.w_textrank = 1;
    o.max_sentences = 1;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_true(f.d.score[cap] == 0);
    o.w_cue = 2;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_equal(best(&f.d), cue);
    double with = f.d.score[q];
    o.w_question = 0.5;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_true(f.d.score[q] < with);
    with = f.d.score[you];
    o.w_second_person = 0.5;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_true(f.d.score[you] < with);

    /* -r 1: everything but the caption */
    o.max_sentences = 0;
    o.ratio = 1;
    size_t pick[5], npick;
    assert_int_equal(summ__select(&f.d, &f.v, &o, pick, &npick), SUMM_OK);
    assert_int_equal(npick, 4);
    for (size_t k = 0; k < npick; k++)
        assert_int_not_equal(pick[k], cap);
    fixture_teardown(&f);

    /* only apparatus: still one sentence */
    fixture_setup(&f, "Figure 1: Parsers.\n\nTable 2: Tables.");
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    o.ratio = 0;
    o.max_sentences = 1;
    assert_int_equal(summ__select(&f.d, &f.v, &o, pick, &npick), SUMM_OK);
    assert_int_equal(npick, 1);
    fixture_teardown(&f);
}

/* A long sentence pays for its length when the summary is a few
 * sentences, not under a word budget (where it pays with its words). */
static void
test_long_sentences(void **state)
{
    (void)state;
    fixture f;
    fixture_setup(&f, "Solar power is cheap. Wind power is cheap. Solar and wind power are cheap "
              "now, and solar panels and wind farms give power to towns, cities, farms, ports, "
              "factories, schools and homes across the whole wide country today. Power is "
              "cheap. Solar wind power. Cheap solar. Cheap wind. Power to towns. Farms use "
              "wind. Cities use solar.");
    size_t lng = 2;
    assert_int_equal(f.d.nsent, 10);
    assert_int_equal(f.d.sent[lng].nwords, 30);
    params o = bare();
    o.w_tfidf = 1;  /* the long sentence has the most mass */
    o.max_sentences = 1;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_equal(best(&f.d), lng);
    o.w_long = 1;
    o.long_words = 10;
    o.long_share = 0.5;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_not_equal(best(&f.d), lng);
    /* relative: ten times the mean sentence is no long one here */
    o.long_relative = 10;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_equal(best(&f.d), lng);
    o.long_relative = 0;
    /* a summary of half the sentences or more: no penalty */
    o.max_sentences = 5;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_equal(best(&f.d), lng);
    /* a word budget: no penalty either */
    o.max_sentences = 0;
    o.max_words = 12;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_equal(best(&f.d), lng);
    fixture_teardown(&f);
}

/* In a text with named sections, the start of an abstract or conclusion
 * gets its bonus. */
static void
test_section_position(void **state)
{
    (void)state;
    fixture f;
    fixture_setup(&f, "Introduction\n\nTables hold data. Parsers read tables.\n\n"
              "Method\n\nThe parser reads rows. It reads columns.\n\n"
              "Conclusion\n\nParsers read rows of tables. That is all.");
    size_t concl = 0;
    for (size_t i = 0; i < f.d.nsent; i++)
        if (f.d.sent[i].end - f.d.sent[i].start >= 17
            && memcmp(f.d.text + f.d.sent[i].start, "Parsers read rows", 17) == 0)
            concl = i;
    assert_true(concl > 0);
    assert_int_equal(f.d.nsections, 3);
    params o = bare();
    o.w_textrank = 1;
    o.w_position = 3;
    o.max_sentences = 1;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_not_equal(best(&f.d), concl);
    o.w_lead_section = 3;
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    assert_int_equal(best(&f.d), concl);
    fixture_teardown(&f);
}

/* The sentences of a result: their count, and their words and code points
 * as printed (white space runs as one), for the budget tests. */
static void
result_size(const summ_result *res, size_t *words, size_t *chars)
{
    *words = *chars = 0;
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *sp = summ_result_at(res, i);
        bool gap = false, inword = false;
        size_t cps = 0;
        for (size_t b = 0; b < sp->text_length; b++) {
            unsigned char c = (unsigned char)sp->text[b];
            if (c == ' ' || c == '\n' || c == '\t') {
                gap = true;
                inword = false;
                continue;
            }
            if ((c & 0xC0) != 0x80)
                cps += 1 + gap;
            gap = false;
            if (!inword)
                (*words)++;
            inword = true;
        }
        *chars += cps;
    }
}

static summ_result *
run_with(const char *text, const test_opt *opts)
{
    summ_ctx *ctx = new_ctx_opts(opts);
    summ_result *res;
    assert_int_equal(summ_run(ctx, text, strlen(text), &res), SUMM_OK);
    summ_free(ctx);
    return res;
}

/* A word or character budget is kept whenever a sentence fits it: the
 * long central sentence is passed over for shorter ones that fit, as many
 * as fit, rather than kept whole past the budget. */
static void
test_budgets(void **state)
{
    (void)state;
    /* 0: 24 words, the most central; 1-4: 6 words each; 5: 4 words */
    static const char text[] =
        "Solar power and wind power cut the cost of power for every town, and solar "
        "panels with wind farms now give power to cities across the whole country.\n\n"
        "Solar power cut costs for towns. Wind power gave cities cheap power. "
        "Solar panels now power whole cities. Cheap wind farms power every country. "
        "My cat sleeps today.";
    size_t words, chars;
    summ_result *res;

    /* -w 15: two six-word sentences fit, the 24-word one never does */
    static const test_opt w15[] = {
        { SUMM_OPT_MAX_SENTENCES, 0, NULL }, { SUMM_OPT_MAX_WORDS, 15, NULL },
        { SUMM_OPT_REDUNDANCY, 1.0, NULL }, TEST_OPT_END
    };
    res = run_with(text, w15);
    result_size(res, &words, &chars);
    assert_true(words <= 15);
    assert_int_equal(summ_result_count(res), 2);
    for (size_t i = 0; i < summ_result_count(res); i++)
        assert_int_not_equal(summ_result_at(res, i)->index, 0);
    summ_result_free(res);

    /* -w 16: the four-word sentence fills what is left */
    static const test_opt w16[] = {
        { SUMM_OPT_MAX_SENTENCES, 0, NULL }, { SUMM_OPT_MAX_WORDS, 16, NULL },
        { SUMM_OPT_REDUNDANCY, 1.0, NULL }, TEST_OPT_END
    };
    res = run_with(text, w16);
    result_size(res, &words, &chars);
    assert_int_equal(words, 16);
    assert_int_equal(summ_result_count(res), 3);
    summ_result_free(res);

    /* -w 3: nothing fits; the one shortest sentence, not the best */
    static const test_opt w3[] = {
        { SUMM_OPT_MAX_SENTENCES, 0, NULL }, { SUMM_OPT_MAX_WORDS, 3, NULL }, TEST_OPT_END
    };
    res = run_with(text, w3);
    assert_int_equal(summ_result_count(res), 1);
    assert_int_equal(summ_result_at(res, 0)->index, 5);
    summ_result_free(res);

    /* what is left of a budget takes no fragment ("the table": no final
     * punctuation, under five words), though it fits; with nothing else,
     * a fragment is still a summary */
    static const test_opt w10[] = {
        { SUMM_OPT_MAX_SENTENCES, 0, NULL }, { SUMM_OPT_MAX_WORDS, 10, NULL }, TEST_OPT_END
    };
    res = run_with("Solar power is cheap for every town now. Wind farms give power to every "
                   "city. the table", w10);
    assert_int_equal(summ_result_count(res), 1);
    assert_int_equal(summ_result_at(res, 0)->index, 0);
    summ_result_free(res);
    res = run_with("the table", w10);
    assert_int_equal(summ_result_count(res), 1);
    summ_result_free(res);

    /* -w 30 with -n 1: the sentence limit still holds */
    static const test_opt w30n1[] = {
        { SUMM_OPT_MAX_SENTENCES, 1, NULL }, { SUMM_OPT_MAX_WORDS, 30, NULL }, TEST_OPT_END
    };
    res = run_with(text, w30n1);
    assert_int_equal(summ_result_count(res), 1);
    assert_int_equal(summ_result_at(res, 0)->index, 0);
    summ_result_free(res);
}

/* SUMM_OPT_MAX_CHARS counts code points of the sentences as printed: a
 * run of white space inside one is one character, a multi-byte letter is
 * one; the budget is inclusive. */
static void
test_char_budget(void **state)
{
    (void)state;
    /* 0: "Le café coûte cher." 19 code points (22 bytes);
     * 1: "Le thé\n   coûte moins." 19 once its white space is collapsed;
     * 2: a long one the budgets below never fit */
    static const char text[] = "Le café coûte cher. Le thé\n   coûte moins. "
                               "Le chocolat chaud du café de la gare coûte beaucoup plus cher "
                               "que le café et que le thé réunis.";
    size_t words, chars;
    summ_result *res;
    test_opt opts[] = {
        { SUMM_OPT_MAX_SENTENCES, 0, NULL }, { SUMM_OPT_MAX_CHARS, 38, NULL },
        { SUMM_OPT_REDUNDANCY, 1.0, NULL }, { SUMM_OPT_LANGUAGE, 0, "fr" }, TEST_OPT_END
    };
    res = run_with(text, opts);
    result_size(res, &words, &chars);
    assert_int_equal(summ_result_count(res), 2);
    assert_int_equal(chars, 38);
    summ_result_free(res);

    opts[1].number = 37;  /* one of the two */
    res = run_with(text, opts);
    result_size(res, &words, &chars);
    assert_int_equal(summ_result_count(res), 1);
    assert_int_equal(chars, 19);
    summ_result_free(res);

    opts[1].number = 5;  /* none fits: the shortest, over the budget */
    res = run_with(text, opts);
    assert_int_equal(summ_result_count(res), 1);
    assert_int_equal(summ_result_at(res, 0)->index, 0);
    summ_result_free(res);

    /* with a word budget as well, both hold: 4 words leave only sentence 0 */
    test_opt both[] = {
        { SUMM_OPT_MAX_SENTENCES, 0, NULL }, { SUMM_OPT_MAX_CHARS, 38, NULL },
        { SUMM_OPT_MAX_WORDS, 4, NULL }, { SUMM_OPT_REDUNDANCY, 1.0, NULL },
        { SUMM_OPT_LANGUAGE, 0, "fr" }, TEST_OPT_END
    };
    res = run_with(text, both);
    result_size(res, &words, &chars);
    assert_int_equal(summ_result_count(res), 1);
    assert_true(words <= 4 && chars <= 38);
    summ_result_free(res);

    /* the option's bounds and default */
    summ_ctx *ctx;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    long long v = -1;
    assert_int_equal(summ_get_int(ctx, SUMM_OPT_MAX_CHARS, &v), SUMM_OK);
    assert_int_equal(v, 0);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_CHARS, -1), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "max_chars"));
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_MAX_CHARS, 2.5), SUMM_EINVAL);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_CHARS, 140), SUMM_OK);
    assert_int_equal(summ_get_int(ctx, SUMM_OPT_MAX_CHARS, &v), SUMM_OK);
    assert_int_equal(v, 140);
    assert_int_equal(summ_option_lookup("max-chars"), SUMM_OPT_MAX_CHARS);
    summ_free(ctx);
}

/* A text of n sentences of 3 to 10 words from a vocabulary of 40, with
 * each sentence one time in four a shuffled copy of an earlier one with
 * a word changed: many pairs near any threshold. */
static char *
near_duplicates_text(size_t n)
{
    static const char *const vocab[] = {
        "river", "stone", "market", "engine", "garden", "silver", "harbor", "winter",
        "letter", "window", "forest", "candle", "bridge", "cotton", "mirror", "ladder",
        "pepper", "copper", "castle", "meadow", "rocket", "tunnel", "violin", "saddle",
        "lantern", "pillow", "carpet", "basket", "hammer", "kettle", "lemon", "marble",
        "needle", "orchard", "parrot", "quarry", "ribbon", "shovel", "timber", "wagon",
    };
    size_t cap = n * 100 + 1, len = 0;
    char *t = malloc(cap);
    unsigned (*words)[10] = malloc(n * sizeof *words);
    size_t *nw = malloc(n * sizeof *nw);
    assert_true(t && words && nw);
    uint32_t x = 777;
#define NEXT() (x = x * 1103515245u + 12345u, (x >> 16) & 0x7fff)
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && NEXT() % 4 == 0) {
            size_t src = NEXT() % i;
            nw[i] = nw[src];
            memcpy(words[i], words[src], sizeof words[i]);
            for (size_t k = nw[i] - 1; k > 0; k--) {
                size_t j = NEXT() % (k + 1);
                unsigned tmp = words[i][k];
                words[i][k] = words[i][j];
                words[i][j] = tmp;
            }
            size_t at = NEXT() % nw[i];
            words[i][at] = NEXT() % 40;
        } else {
            nw[i] = 3 + NEXT() % 8;
            for (size_t k = 0; k < nw[i]; k++)
                words[i][k] = NEXT() % 40;
        }
        for (size_t k = 0; k < nw[i]; k++) {
            len += (size_t)snprintf(t + len, cap - len, "%s%s", k ? " " : "", vocab[words[i][k]]);
            if (k == 0)  /* a capital: the segmenter starts a sentence there */
                t[len - strlen(vocab[words[i][k]])] -= 'a' - 'A';
        }
        len += (size_t)snprintf(t + len, cap - len, ". ");
    }
#undef NEXT
    free(words);
    free(nw);
    return t;
}

static int
cmp_desc(const void *a, const void *b)
{
    const double *x = *(const double *const *)a, *y = *(const double *const *)b;
    if (*x != *y)
        return *x < *y ? 1 : -1;
    return (x > y) - (x < y);
}

/* The redundancy check through the index over the chosen sentences makes
 * exactly the choice of comparing every candidate with every chosen
 * sentence, at any threshold and length limit. */
static void
test_redundancy_index_is_exact(void **state)
{
    (void)state;
    char *t = near_duplicates_text(600);
    fixture f;
    fixture_setup(&f, t);
    size_t n = f.d.nsent;
    assert_true(n > 500);
    params o;
    summ__params_default(&o);
    assert_int_equal(score(&f.d, &f.v, &o), SUMM_OK);
    const double **by = malloc(n * sizeof *by);
    size_t *pick = malloc(n * sizeof *pick), *ref = malloc(n * sizeof *ref);
    bool *in = calloc(n, sizeof *in);
    assert_true(by && pick && ref && in);
    for (size_t i = 0; i < n; i++)
        by[i] = &f.d.score[i];
    qsort(by, n, sizeof *by, cmp_desc);
    static const double thresholds[] = { 0.0, 0.2, 0.45, 0.7, 0.9, 0.999 };
    static const double ratios[] = { 0.1, 1.0 };
    size_t dropped = 0;
    for (size_t a = 0; a < sizeof thresholds / sizeof *thresholds; a++) {
        for (size_t b = 0; b < 2; b++) {
            o.redundancy = thresholds[a];
            o.max_sentences = 0;
            o.ratio = ratios[b];
            size_t npick = 0, nref = 0, lim = (size_t)ceil(ratios[b] * (double)n);
            assert_int_equal(summ__select(&f.d, &f.v, &o, pick, &npick), SUMM_OK);
            for (size_t r = 0; r < n && nref < lim; r++) {
                size_t i = (size_t)(by[r] - f.d.score);
                bool dup = false;
                for (size_t k = 0; k < nref && !dup; k++)
                    dup = summ__tfidf_cosine(&f.v, i, ref[k]) > o.redundancy;
                if (!dup)
                    ref[nref++] = i;
            }
            memset(in, 0, n * sizeof *in);
            for (size_t k = 0; k < nref; k++)
                in[ref[k]] = true;
            assert_int_equal(npick, nref);
            for (size_t k = 0; k < npick; k++)
                assert_true(in[pick[k]]);
            dropped += lim - nref;
        }
    }
    assert_true(dropped > 0);  /* the thresholds did drop sentences */
    free(by);
    free(pick);
    free(ref);
    free(in);
    fixture_teardown(&f);
    free(t);
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
        cmocka_unit_test(test_first_person_gate),
        cmocka_unit_test(test_kind_weights),
        cmocka_unit_test(test_long_sentences),
        cmocka_unit_test(test_section_position),
        cmocka_unit_test(test_budgets),
        cmocka_unit_test(test_char_budget),
        cmocka_unit_test(test_redundancy_index_is_exact),
        cmocka_unit_test(test_lead_bias_is_for_articles),
        cmocka_unit_test(test_options_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
