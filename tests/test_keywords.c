/* test_keywords.c - keywords (src/keywords.c, src/wordgraph.c) through the
 * public API: one ranking cut at N, clean one-line texts with spans into
 * the input, compounds kept whole, phrases that beat their words, counts,
 * no keywords from stopwords, every language; and the word graph's
 * PageRank on graphs whose ranking is known. */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>

#include "testutil.h"

/* Written for this test: an abstract, a news story. */
static const char ABSTRACT[] =
    "Object-oriented design of optimal control problems\n\n"
    "We study optimal control problems for distributed parameter systems. An "
    "object-oriented design is proposed for the numerical solution of optimal "
    "control problems, and the control software is evaluated on heat equation "
    "models. Optimal control problems of this kind arise in process engineering; "
    "the object-oriented design keeps the solvers apart from the models. Results "
    "show that the approach scales to large heat equation models.";

static const char NEWS[] =
    "Hurricane Gilbert hits Jamaica\n\n"
    "Hurricane Gilbert swept across Jamaica on Monday, the National\n"
    "Weather Service said. Officials said the storm killed at least ten\n"
    "people and left thousands homeless. \"It was the worst storm in\n"
    "living memory,\" Mr Smith told reporters. The National Weather\n"
    "Service warned that Hurricane Gilbert would reach the Yucatan\n"
    "Peninsula by Wednesday. Relief agencies said they were sending food\n"
    "and water to Jamaica.\n";

static summ_ctx *
ctx_k(size_t k, const char *lang)
{
    summ_ctx *ctx = NULL;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, (long long)k), SUMM_OK);
    if (lang)
        assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, lang), SUMM_OK);
    return ctx;
}

static summ_result *
run(summ_ctx *ctx, const char *text, size_t len)
{
    summ_result *res = NULL;
    assert_int_equal(summ_run(ctx, text, len, &res), SUMM_OK);
    return res;
}

/* The index of the keyword whose text is s, or -1. */
static long
find_kw(const summ_result *res, const char *s)
{
    for (size_t i = 0; i < summ_result_keyword_count(res); i++)
        if (strcmp(summ_result_keyword(res, i)->text, s) == 0)
            return (long)i;
    return -1;
}

/* What every keyword list must be: texts of one line, without markup,
 * equal to their span with white space collapsed; spans inside the input
 * on UTF-8 boundaries; scores in (0, 1], the first 1, never rising; counts
 * at least 1. */
static void
check_list(const char *text, size_t len, const summ_result *res)
{
    size_t n = summ_result_keyword_count(res);
    for (size_t i = 0; i < n; i++) {
        const summ_keyword *k = summ_result_keyword(res, i);
        assert_int_equal(strlen(k->text), k->text_length);
        assert_true(k->text_length > 0);
        for (const char *c = k->text; *c; c++)
            if (strchr("\n\r\t\f\v<>*_#[]{}|\\`=\"", *c))
                fail_msg("keyword %zu '%s' has a '%c'", i, k->text, *c);
        assert_true(k->text[0] != ' ' && k->text[k->text_length - 1] != ' ');
        assert_true(k->length > 0 && k->offset + k->length <= len);
        assert_true(((unsigned char)text[k->offset] & 0xC0) != 0x80);
        assert_true(k->offset + k->length == len
                    || ((unsigned char)text[k->offset + k->length] & 0xC0) != 0x80);
        /* the span, white space collapsed, is the text */
        size_t o = 0;
        bool gap = false;
        for (size_t j = k->offset; j < k->offset + k->length; j++) {
            char c = text[j];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                gap = true;
                continue;
            }
            if (gap)
                assert_int_equal(k->text[o++], ' ');
            gap = false;
            assert_int_equal(k->text[o++], c);
        }
        assert_int_equal(o, k->text_length);
        assert_true(k->score > 0 && k->score <= 1);
        if (i == 0)
            assert_true(k->score == 1.0);
        else
            assert_true(k->score <= summ_result_keyword(res, i - 1)->score);
        assert_true(k->count >= 1);
    }
}

/* -k N is the first N of -k 15 (keywords, spans, counts), and fewer than
 * N only when there are no more (-k 1000 gives no more either). */
static void
test_strict_cut(void **state)
{
    (void)state;
    const char *texts[] = { ABSTRACT, NEWS };
    for (size_t t = 0; t < 2; t++) {
        size_t len = strlen(texts[t]);
        summ_ctx *big = ctx_k(15, "en");
        summ_result *all = run(big, texts[t], len);
        size_t nall = summ_result_keyword_count(all);
        assert_true(nall >= 10);
        check_list(texts[t], len, all);
        for (size_t k = 1; k <= 15; k++) {
            summ_ctx *ctx = ctx_k(k, "en");
            summ_result *res = run(ctx, texts[t], len);
            size_t n = summ_result_keyword_count(res);
            assert_int_equal(n, k < nall ? k : nall);
            for (size_t i = 0; i < n; i++) {
                const summ_keyword *a = summ_result_keyword(res, i);
                const summ_keyword *b = summ_result_keyword(all, i);
                if (strcmp(a->text, b->text) != 0)
                    fail_msg("text %zu, -k %zu: keyword %zu is '%s', -k 15 has '%s'", t, k, i,
                             a->text, b->text);
                assert_int_equal(a->offset, b->offset);
                assert_int_equal(a->count, b->count);
            }
            summ_result_free(res);
            summ_free(ctx);
        }
        summ_ctx *huge = ctx_k(1000, "en");
        summ_result *more = run(huge, texts[t], len);
        if (nall < 15)
            assert_int_equal(summ_result_keyword_count(more), nall);
        else
            assert_true(summ_result_keyword_count(more) >= 15);
        check_list(texts[t], len, more);
        summ_result_free(more);
        summ_free(huge);
        summ_result_free(all);
        summ_free(big);
    }

    /* exactly three candidates: -k 10 gives three */
    static const char three[] = "Solar panels. Wind turbines! Tidal barrages?";
    summ_ctx *ctx = ctx_k(10, "en");
    summ_result *res = run(ctx, three, sizeof three - 1);
    assert_int_equal(summ_result_keyword_count(res), 3);
    assert_true(find_kw(res, "Solar panels") >= 0 && find_kw(res, "Wind turbines") >= 0
                && find_kw(res, "Tidal barrages") >= 0);
    summ_result_free(res);
    summ_free(ctx);
}

/* A keyword never holds a line break (a hard-wrapped phrase is one space
 * in its text, the break in its span), markup, punctuation or quotes. */
static void
test_clean_text(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_k(15, "en");
    summ_result *res = run(ctx, NEWS, strlen(NEWS));
    check_list(NEWS, strlen(NEWS), res);
    long i = find_kw(res, "National Weather Service");
    assert_true(i >= 0);
    const summ_keyword *k = summ_result_keyword(res, (size_t)i);
    assert_memory_equal(NEWS + k->offset, "National\nWeather Service", k->length);
    assert_int_equal(k->count, 2);
    summ_result_free(res);

    static const char marked[] =
        "<p>The <b>storm surge</b> flooded **coastal towns** and _low farmland_.</p>\n"
        "# Storm surge warning\n[coastal towns](http://example.com/towns) | "
        "storm surge = {coastal towns}; `code` \"quoted words\" \\ escaped";
    res = run(ctx, marked, sizeof marked - 1);
    assert_true(summ_result_keyword_count(res) >= 3);
    check_list(marked, sizeof marked - 1, res);
    summ_result_free(res);
    summ_free(ctx);
}

/* A hyphenated compound is one word of a phrase: "object-oriented design"
 * is a keyword, and no keyword starts or ends inside a compound. */
static void
test_compounds(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_k(15, "en");
    size_t len = strlen(ABSTRACT);
    summ_result *res = run(ctx, ABSTRACT, len);
    check_list(ABSTRACT, len, res);
    long i = find_kw(res, "Object-oriented design");
    if (i < 0)
        fail_msg("no 'Object-oriented design' among the keywords");
    assert_int_equal(summ_result_keyword(res, (size_t)i)->count, 3);
    for (size_t j = 0; j < summ_result_keyword_count(res); j++) {
        const summ_keyword *k = summ_result_keyword(res, j);
        assert_true(k->offset == 0 || ABSTRACT[k->offset - 1] != '-');
        assert_true(k->offset + k->length == len || ABSTRACT[k->offset + k->length] != '-');
        assert_true(strcmp(k->text, "oriented design") != 0);
    }
    summ_result_free(res);

    /* a compound that starts with a stopword, a number or a word of the
     * keyword list is no keyword word: "so-called", "two-thirds",
     * "well-known"; one with a number at the end is ("COVID-19") */
    static const char t[] = "The so-called rule. Two-thirds voted. A well-known case. "
                            "COVID-19 vaccines.";
    res = run(ctx, t, sizeof t - 1);
    check_list(t, sizeof t - 1, res);
    for (size_t j = 0; j < summ_result_keyword_count(res); j++) {
        const char *s = summ_result_keyword(res, j)->text;
        assert_null(strstr(s, "so-called"));
        assert_null(strstr(s, "Two-thirds"));
        assert_null(strstr(s, "well-known"));
    }
    assert_true(find_kw(res, "COVID-19 vaccines") >= 0);
    summ_result_free(res);
    summ_free(ctx);
}

/* A phrase scores the sum of its words: the recurring "optimal control
 * problems" comes before "control" on its own, and each distinct stem
 * sequence is listed once ("problems" and "problem" are one). */
static void
test_phrases_beat_words(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_k(15, "en");
    summ_result *res = run(ctx, ABSTRACT, strlen(ABSTRACT));
    long phrase = find_kw(res, "optimal control problems");
    if (phrase < 0)
        fail_msg("no 'optimal control problems' among the keywords");
    assert_true(phrase < 3);
    /* its count: every occurrence, the title's capitals included */
    assert_int_equal(summ_result_keyword(res, (size_t)phrase)->count, 4);
    long word = find_kw(res, "control");
    assert_true(word < 0 || word > phrase);
    /* no two keywords the same words */
    for (size_t i = 0; i < summ_result_keyword_count(res); i++)
        for (size_t j = 0; j < i; j++)
            assert_true(strcasecmp(summ_result_keyword(res, i)->text,
                                   summ_result_keyword(res, j)->text) != 0);
    summ_result_free(res);
    summ_free(ctx);
}

/* Reporting verbs, titles, numbers and generic words are not keywords. */
static void
test_poor_words(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_k(20, "en");
    summ_result *res = run(ctx, NEWS, strlen(NEWS));
    const char *never[] = { "said", "told", "Mr", "Monday", "ten", "thousands", "warned" };
    for (size_t i = 0; i < summ_result_keyword_count(res); i++) {
        const char *s = summ_result_keyword(res, i)->text;
        for (size_t j = 0; j < sizeof never / sizeof *never; j++) {
            size_t n = strlen(never[j]);
            const char *p = strstr(s, never[j]);
            if (p && (p == s || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
                fail_msg("keyword '%s' has '%s'", s, never[j]);
        }
    }
    assert_true(find_kw(res, "Hurricane Gilbert") >= 0);
    assert_true(find_kw(res, "Jamaica") >= 0);
    summ_result_free(res);

    /* a generic noun is no keyword alone, but may be part of one */
    static const char t[] = "The problem. The problem is hard. Scheduling problem.";
    res = run(ctx, t, sizeof t - 1);
    assert_true(find_kw(res, "problem") < 0);
    assert_true(find_kw(res, "Scheduling problem") >= 0);
    summ_result_free(res);
    summ_free(ctx);
}

/* Texts of stopwords, numbers and list words only: no keywords, no error. */
static void
test_no_candidates(void **state)
{
    (void)state;
    const char *texts[] = {
        "It is what it is. And so it was, and so it will be.",
        "2004 1999 42. 3.5 1,000!",
        "One, two, three. He said so; they told us.",
        "", "   \n\n  ", "a b c d e f g.",
    };
    const char *langs[] = { "en", NULL, "none" };
    for (size_t l = 0; l < 3; l++) {
        summ_ctx *ctx = ctx_k(10, langs[l]);
        for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
            if (l > 0 && i != 1 && i != 3 && i != 4 && i != 5)
                continue;  /* without English stopwords those have content words */
            summ_result *res = run(ctx, texts[i], strlen(texts[i]));
            if (summ_result_keyword_count(res) != 0)
                fail_msg("'%s' (%s): keyword '%s'", texts[i], langs[l] ? langs[l] : "auto",
                         summ_result_keyword(res, 0)->text);
            summ_result_free(res);
        }
        summ_free(ctx);
    }
}

/* Chinese: candidates are stretches between punctuation and function
 * characters, never a bigram across one (是人类, 的人), and at least two
 * characters. */
static void
test_cjk(void **state)
{
    (void)state;
    static const char zh[] =
        "人工智能是计算机科学的一个分支。人工智能的研究包括机器学习和自然语言处理。"
        "机器学习是人工智能的核心，自然语言处理是人工智能的重要方向。";
    summ_ctx *ctx = ctx_k(10, "zh");
    summ_result *res = run(ctx, zh, sizeof zh - 1);
    check_list(zh, sizeof zh - 1, res);
    assert_true(summ_result_keyword_count(res) >= 3);
    assert_int_equal(find_kw(res, "人工智能"), 0);
    assert_true(find_kw(res, "机器学习") >= 0);
    for (size_t i = 0; i < summ_result_keyword_count(res); i++) {
        const char *s = summ_result_keyword(res, i)->text;
        assert_true(strlen(s) >= 6);  /* two characters of three bytes */
        assert_null(strstr(s, "的"));
        assert_null(strstr(s, "是"));
        assert_null(strstr(s, "和"));
    }
    summ_result_free(res);
    summ_free(ctx);
}

/* Every language of summ_languages() gives keywords: on a short text of
 * our own for some, on its UDHR text in ../shared/eval/multi/udhr for all
 * (skipped with a message when that is not there). */
static void
test_languages(void **state)
{
    (void)state;
    static const struct { const char *code, *text; } own[] = {
        { "en", "Climate change threatens coral reefs. Coral reefs protect coastal towns." },
        { "de", "Der Klimawandel bedroht die Korallenriffe. Korallenriffe schützen die Küsten." },
        { "fr", "Le changement climatique menace les récifs coralliens. Les récifs coralliens "
                "protègent les côtes." },
        { "es", "El cambio climático amenaza los arrecifes de coral. Los arrecifes de coral "
                "protegen las costas." },
        { "ru", "Изменение климата угрожает коралловым рифам. Коралловые рифы защищают "
                "побережье." },
        { "ja", "気候変動はサンゴ礁を脅かしている。サンゴ礁は海岸を守る。" },
    };
    for (size_t i = 0; i < sizeof own / sizeof *own; i++) {
        summ_ctx *ctx = ctx_k(5, own[i].code);
        summ_result *res = run(ctx, own[i].text, strlen(own[i].text));
        if (summ_result_keyword_count(res) == 0)
            fail_msg("%s: no keywords", own[i].code);
        check_list(own[i].text, strlen(own[i].text), res);
        summ_result_free(res);
        summ_free(ctx);
    }

    const char *shared = getenv("SUMM_SHARED");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/eval/multi/udhr", shared ? shared : "../shared");
    DIR *dh = opendir(dir);
    if (!dh) {
        printf("# skipped: the UDHR texts: no %s\n", dir);
        return;
    }
    closedir(dh);
    const char *const *codes = summ_languages();
    size_t tried = 0;
    for (size_t i = 0; codes[i]; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s.txt", dir, codes[i]);
        FILE *f = fopen(path, "rb");
        if (!f && strcmp(codes[i], "no") == 0) {
            snprintf(path, sizeof path, "%s/nb.txt", dir);
            f = fopen(path, "rb");
        }
        if (!f) {
            /* the evaluation set has 31 of our languages */
            printf("# %s: no UDHR text in %s\n", codes[i], dir);
            continue;
        }
        tried++;
        static char buf[1 << 20];
        size_t len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        summ_ctx *ctx = ctx_k(10, codes[i]);
        summ_result *res = run(ctx, buf, len);
        if (summ_result_keyword_count(res) < 5)
            fail_msg("%s: %zu keywords on its UDHR text", codes[i],
                     summ_result_keyword_count(res));
        check_list(buf, len, res);
        summ_result_free(res);
        summ_free(ctx);
    }
    assert_true(tried >= 31);
}

/* Whether a phrase is inside (or contains) one chosen is told by
 * comparing terms for lists of up to 32 keywords and by hash sets for
 * longer ones: the two agree, so -k 31, 32 and 33 are the beginning of
 * -k 1000 under each kind of redundancy. */
static void
test_redundancy_both_ways(void **state)
{
    (void)state;
    /* sentences of two-word phrases between stopwords, some words alone
     * too: many candidates, many of them inside or around others */
    static const char *adj[] = { "red", "quiet", "ancient", "frozen", "bright", "narrow", "wild" };
    static const char *noun[] = { "harbour", "orchard", "glacier", "market", "tower",
                                  "meadow", "canal", "quarry", "lantern", "bridge", "forest" };
    char text[8192];
    size_t len = 0;
    for (unsigned i = 0; i < 40; i++)
        len += (size_t)snprintf(text + len, sizeof text - len,
                                "The %s %s was near the %s %s, and the %s was there. ",
                                adj[i % 7], noun[i % 11], adj[(i * 3 + 1) % 7],
                                noun[(i * 5 + 2) % 11], noun[(i * 7 + 3) % 11]);
    assert_true(len < sizeof text - 1);
    for (long long mode = 1; mode <= 3; mode++) {
        summ_ctx *big = ctx_k(1000, "en");
        assert_int_equal(summ_set_int(big, SUMM_OPT_KW_REDUNDANCY, mode), SUMM_OK);
        summ_result *all = run(big, text, len);
        size_t nall = summ_result_keyword_count(all);
        assert_true(nall > 40);
        for (size_t k = 31; k <= 33; k++) {
            summ_ctx *ctx = ctx_k(k, "en");
            assert_int_equal(summ_set_int(ctx, SUMM_OPT_KW_REDUNDANCY, mode), SUMM_OK);
            summ_result *res = run(ctx, text, len);
            assert_int_equal(summ_result_keyword_count(res), k);
            for (size_t i = 0; i < k; i++)
                if (strcmp(summ_result_keyword(res, i)->text,
                           summ_result_keyword(all, i)->text) != 0)
                    fail_msg("mode %lld, -k %zu: keyword %zu is '%s', -k 1000 has '%s'", mode, k,
                             i, summ_result_keyword(res, i)->text,
                             summ_result_keyword(all, i)->text);
            summ_result_free(res);
            summ_free(ctx);
        }
        summ_result_free(all);
        summ_free(big);
    }
}

/* The word graph: on a path a - b - c the middle ranks first; a teleport
 * on a lifts a above c; ranks sum to 1; a graph without edges gives the
 * teleport back; a pair linked three times is one edge of weight 3; the
 * ranks of a forest (solved exactly) meet the PageRank equation to
 * rounding error, those of a graph with cycles (swept until the change is
 * below 1e-4) nearly. */
static void
check_pagerank(const wgraph *g, const double *tele, double d, const double *r, double tol)
{
    /* r = (1 - d) t + d (W r + lost t): W shares a node's rank among its
     * neighbours by weight, lost is the rank of the nodes without edges */
    size_t n = g->n;
    double strength[64] = { 0 }, flow[64] = { 0 }, lost = 0, tsum = 0, rsum = 0;
    assert_true(n <= 64);
    for (size_t i = 0; i < g->count; i++) {
        strength[g->ea[i]] += g->w[i];
        strength[g->eb[i]] += g->w[i];
    }
    for (size_t i = 0; i < g->count; i++) {
        flow[g->eb[i]] += d * g->w[i] * r[g->ea[i]] / strength[g->ea[i]];
        flow[g->ea[i]] += d * g->w[i] * r[g->eb[i]] / strength[g->eb[i]];
    }
    for (size_t v = 0; v < n; v++) {
        tsum += tele[v];
        rsum += r[v];
        if (strength[v] == 0)
            lost += r[v];
    }
    assert_true(fabs(rsum - 1) < 1e-9);
    for (size_t v = 0; v < n; v++) {
        double want = ((1 - d) + d * lost) * tele[v] / tsum + flow[v];
        if (fabs(r[v] - want) > tol)
            fail_msg("node %zu: rank %g, the equation gives %g", v, r[v], want);
    }
}

static void
test_word_graph(void **state)
{
    (void)state;
    salloc al;
    summ__salloc_init(&al, NULL);
    arena ar;
    summ__arena_init(&ar, &al);
    wgraph g;
    assert_int_equal(summ__wg_init(&g, &ar, 3, 1), SUMM_OK);
    assert_int_equal(summ__wg_link(&g, 0, 1, 1.0), SUMM_OK);
    assert_int_equal(summ__wg_link(&g, 2, 1, 1.0), SUMM_OK);
    assert_int_equal(summ__wg_link(&g, 1, 1, 5.0), SUMM_OK);  /* a loop: nothing */
    assert_int_equal(summ__wg_link(&g, 0, 2, 0.0), SUMM_OK);  /* no weight: nothing */
    assert_int_equal(g.count, 2);
    double r[64];
    assert_int_equal(summ__wg_rank(&g, NULL, 0.85, r), SUMM_OK);
    assert_true(r[1] > r[0] && r[1] > r[2]);
    assert_true(r[0] - r[2] < 1e-3 && r[2] - r[0] < 1e-3);
    assert_true(r[0] + r[1] + r[2] > 0.999 && r[0] + r[1] + r[2] < 1.001);
    double tele[64] = { 1, 0, 0 };
    assert_int_equal(summ__wg_rank(&g, tele, 0.85, r), SUMM_OK);
    assert_true(r[0] > r[2]);
    check_pagerank(&g, tele, 0.85, r, 1e-12);

    /* many edges: the list grows; a pair linked three times weighs 3 */
    wgraph h, h3;
    assert_int_equal(summ__wg_init(&h, &ar, 200, 1), SUMM_OK);
    assert_int_equal(summ__wg_init(&h3, &ar, 200, 1), SUMM_OK);
    for (uint32_t a = 0; a < 199; a++) {
        for (int rep = 0; rep < (a % 2 ? 3 : 1); rep++)
            assert_int_equal(summ__wg_link(&h, a, a + 1, 1.0), SUMM_OK);
        assert_int_equal(summ__wg_link(&h3, a + 1, a, a % 2 ? 3.0 : 1.0), SUMM_OK);
    }
    double r2[200], r3[200];
    assert_int_equal(summ__wg_rank(&h, NULL, 0.85, r2), SUMM_OK);
    assert_int_equal(summ__wg_rank(&h3, NULL, 0.85, r3), SUMM_OK);
    assert_true(r2[100] > r2[0]);
    for (size_t v = 0; v < 200; v++)
        assert_true(fabs(r2[v] - r3[v]) < 1e-12);

    /* no edges: the teleport */
    wgraph e;
    assert_int_equal(summ__wg_init(&e, &ar, 2, 0), SUMM_OK);
    double t2[2] = { 3, 1 };
    assert_int_equal(summ__wg_rank(&e, t2, 0.85, r), SUMM_OK);
    assert_true(r[0] > 0.74 && r[0] < 0.76);

    /* a forest (solved exactly), then with cycles and a node left alone
     * (swept), against the equation */
    wgraph f;
    assert_int_equal(summ__wg_init(&f, &ar, 40, 4), SUMM_OK);
    double tf[64];
    for (uint32_t v = 0; v < 40; v++)
        tf[v] = 1.0 / (1.0 + v);
    for (uint32_t v = 1; v < 39; v++)  /* node 39 has no edges */
        assert_int_equal(summ__wg_link(&f, v, (v - 1) / 3, 1.0 + v % 4), SUMM_OK);
    assert_int_equal(summ__wg_rank(&f, tf, 0.85, r), SUMM_OK);
    check_pagerank(&f, tf, 0.85, r, 1e-12);
    for (uint32_t v = 0; v + 7 < 39; v += 5)
        assert_int_equal(summ__wg_link(&f, v, v + 7, 2.0), SUMM_OK);
    assert_int_equal(summ__wg_link(&f, 3, 4, 1.0), SUMM_OK);
    assert_int_equal(summ__wg_rank(&f, tf, 0.85, r), SUMM_OK);
    check_pagerank(&f, tf, 0.85, r, 1e-4);
    assert_int_equal(summ__wg_rank(&f, NULL, 0.5, r), SUMM_OK);
    double uni[64];
    for (size_t v = 0; v < 40; v++)
        uni[v] = 1;
    check_pagerank(&f, uni, 0.5, r, 1e-4);
    summ__arena_free(&ar);
}

/* Keywords under allocation failure: the same list or SUMM_ENOMEM. */
static void
test_alloc_failure(void **state)
{
    (void)state;
    static const test_opt opts[] = { { SUMM_OPT_MAX_KEYWORDS, 10, NULL },
                                     { SUMM_OPT_LANGUAGE, 0, "en" }, TEST_OPT_END };
    fail_every_allocation(NEWS, strlen(NEWS), opts);
    static const test_opt zh[] = { { SUMM_OPT_MAX_KEYWORDS, 5, NULL },
                                   { SUMM_OPT_LANGUAGE, 0, "zh" }, TEST_OPT_END };
    static const char t[] = "人工智能是计算机科学的一个分支。机器学习是人工智能的核心。";
    fail_every_allocation(t, sizeof t - 1, zh);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strict_cut),
        cmocka_unit_test(test_clean_text),
        cmocka_unit_test(test_compounds),
        cmocka_unit_test(test_phrases_beat_words),
        cmocka_unit_test(test_poor_words),
        cmocka_unit_test(test_no_candidates),
        cmocka_unit_test(test_cjk),
        cmocka_unit_test(test_languages),
        cmocka_unit_test(test_redundancy_both_ways),
        cmocka_unit_test(test_word_graph),
        cmocka_unit_test(test_alloc_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
