/* test_api.c - the public contract of summarize.h and
 * summarize_experimental.h when running: every error path of summ_run(),
 * empty input, NULL handling, ownership, summ_split(), summ_rank(), span
 * texts, keywords, length limits, formats, languages, allocation failure.
 * The options themselves are test_options.c's. */
#include <limits.h>
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

#include "summarize.h"
#include "summarize_experimental.h"
#include "testutil.h"

/* ---- running ---------------------------------------------------------------- */

static void
test_run_errors(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx_opts(NULL);
    summ_result *res = (summ_result *)1;

    assert_int_equal(summ_run(NULL, "a.", 2, &res), SUMM_EINVAL);
    assert_int_equal(summ_run(ctx, "a.", 2, NULL), SUMM_EINVAL);
    assert_int_equal(summ_run(ctx, NULL, 5, &res), SUMM_EINVAL);
    assert_null(res);
    assert_int_equal(summ_split(NULL, "a.", 2, &res), SUMM_EINVAL);
    assert_int_equal(summ_rank(NULL, "a.", 2, &res), SUMM_EINVAL);
    res = (summ_result *)1;
    assert_int_equal(summ_rank(ctx, NULL, 5, &res), SUMM_EINVAL);
    assert_null(res);
    assert_int_equal(summ_rank(ctx, "a.", 2, NULL), SUMM_EINVAL);
    assert_int_equal(summ_split(ctx, "a.", 2, NULL), SUMM_EINVAL);

    /* invalid UTF-8: the offset of the first bad byte */
    static const char bad[] = "Fine text. Then caf\xe9 here.";
    assert_int_equal(summ_run(ctx, bad, sizeof bad - 1, &res), SUMM_EUTF8);
    assert_null(res);
    assert_int_equal(summ_error_offset(ctx), 19);
    assert_non_null(strstr(summ_errmsg(ctx), "19"));
    res = (summ_result *)1;
    assert_int_equal(summ_rank(ctx, bad, sizeof bad - 1, &res), SUMM_EUTF8);
    assert_null(res);
    assert_int_equal(summ_error_offset(ctx), 19);

    /* overlong encoding and a lone surrogate are invalid too */
    assert_int_equal(summ_run(ctx, "\xc0\xaf", 2, &res), SUMM_EUTF8);
    assert_int_equal(summ_run(ctx, "\xed\xa0\x80", 3, &res), SUMM_EUTF8);
    assert_int_equal(summ_run(ctx, "ab\xe2\x82", 4, &res), SUMM_EUTF8);
    assert_int_equal(summ_error_offset(ctx), 2);

    static const char nul[] = "Some text.\0More text.";
    assert_int_equal(summ_run(ctx, nul, sizeof nul - 1, &res), SUMM_EBINARY);
    assert_int_equal(summ_error_offset(ctx), 10);

    /* the context still works after errors, and the message is cleared */
    assert_int_equal(summ_run(ctx, TEST_ARTICLE, strlen(TEST_ARTICLE), &res), SUMM_OK);
    assert_string_equal(summ_errmsg(ctx), "");
    assert_int_equal(summ_error_offset(ctx), (size_t)-1);
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_empty(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx_opts(NULL);
    summ_result *res;
    const char *inputs[] = { "", " ", "\n\n\t  \r\n", "\xef\xbb\xbf", "\xef\xbb\xbf \n" };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        assert_int_equal(summ_run(ctx, inputs[i], strlen(inputs[i]), &res), SUMM_OK);
        assert_int_equal(summ_result_count(res), 0);
        assert_int_equal(summ_result_sentences(res), 0);
        assert_null(summ_result_at(res, 0));
        summ_result_free(res);
        assert_int_equal(summ_rank(ctx, inputs[i], strlen(inputs[i]), &res), SUMM_OK);
        assert_int_equal(summ_result_count(res), 0);
        summ_result_free(res);
    }
    assert_int_equal(summ_run(ctx, NULL, 0, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 0);
    summ_result_free(res);
    assert_int_equal(summ_rank(ctx, NULL, 0, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 0);
    summ_result_free(res);
    summ_free(ctx);
}

/* Spans: inside the text, in order, not overlapping, trimmed, verbatim,
 * and (plain text) their text is exactly the input's bytes of the span. */
static void
check_spans(const char *text, size_t len, const summ_result *res)
{
    size_t prev_end = 0;
    assert_int_equal(summ_result_format(res), SUMM_FORMAT_TEXT);
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *s = summ_result_at(res, i);
        assert_non_null(s);
        assert_true(s->offset >= prev_end);
        assert_true(s->length > 0);
        assert_true(s->offset + s->length <= len);
        assert_true(((unsigned char)text[s->offset] & 0xC0) != 0x80);
        assert_true(s->offset + s->length == len
                    || ((unsigned char)text[s->offset + s->length] & 0xC0) != 0x80);
        assert_false(text[s->offset] == ' ' || text[s->offset] == '\n');
        assert_false(text[s->offset + s->length - 1] == ' '
                     || text[s->offset + s->length - 1] == '\n');
        assert_true(s->score >= 0 && s->score <= 1);
        assert_non_null(s->text);
        assert_int_equal(s->text_length, s->length);
        assert_int_equal(strlen(s->text), s->text_length);
        assert_memory_equal(s->text, text + s->offset, s->length);
        prev_end = s->offset + s->length;
    }
}

static void
test_run_basic(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx_opts(NULL);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 2), SUMM_OK);
    summ_result *res;
    size_t len = strlen(TEST_ARTICLE);
    assert_int_equal(summ_run(ctx, TEST_ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 2);
    assert_int_equal(summ_result_sentences(res), 5);
    assert_string_equal(summ_result_language(res), "en");
    assert_int_equal(summ_result_warnings(res), 0);
    check_spans(TEST_ARTICLE, len, res);
    /* the summary's sentences are flagged selected; the best scores 1 */
    double top = 0;
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *s = summ_result_at(res, i);
        assert_true(s->flags & SUMM_FLAG_SELECTED);
        if (s->score > top)
            top = s->score;
    }
    assert_true(top == 1.0);
    /* the bakery sentence shares nothing with the rest: never chosen */
    for (size_t i = 0; i < summ_result_count(res); i++)
        assert_int_not_equal(summ_result_at(res, i)->index, 3);
    /* the text need not be NUL-terminated: a copy without the NUL */
    char *copy = malloc(len);
    assert_non_null(copy);
    memcpy(copy, TEST_ARTICLE, len);
    summ_result *res2;
    assert_int_equal(summ_run(ctx, copy, len, &res2), SUMM_OK);
    assert_int_equal(summ_result_count(res2), 2);
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(summ_result_at(res, i)->offset, summ_result_at(res2, i)->offset);
    /* the result owns its texts: they outlive the input and the context */
    free(copy);
    summ_free(ctx);
    for (size_t i = 0; i < 2; i++) {
        const summ_span *s = summ_result_at(res2, i);
        assert_memory_equal(s->text, TEST_ARTICLE + s->offset, s->length);
    }
    summ_result_free(res2);
    summ_result_free(res);
}

static void
test_split(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx_opts(NULL);
    summ_result *res;
    size_t len = strlen(TEST_ARTICLE);
    assert_int_equal(summ_split(ctx, TEST_ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 5);
    assert_int_equal(summ_result_sentences(res), 5);
    check_spans(TEST_ARTICLE, len, res);
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *s = summ_result_at(res, i);
        assert_int_equal(s->index, i);
        assert_true(s->score == 0);
        assert_int_equal(s->flags & SUMM_FLAG_SELECTED, 0);
        assert_true(s->flags & SUMM_FLAG_PARAGRAPH);  /* each its own paragraph */
    }
    const summ_span *s = summ_result_at(res, 3);
    assert_int_equal(s->index, 3);
    assert_memory_equal(TEST_ARTICLE + s->offset, "A local bakery also changed its opening hours.", s->length);
    assert_string_equal(s->text, "A local bakery also changed its opening hours.");
    summ_result_free(res);
    summ_free(ctx);
}

/* summ_rank(): every sentence scored; the summary's flagged, exactly the
 * ones summ_run() picks, with the same scores. */
static void
test_rank(void **state)
{
    (void)state;
    size_t len = strlen(TEST_ARTICLE);
    for (long k = 1; k <= 5; k++) {
        summ_ctx *ctx = new_ctx_opts(NULL);
        assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, k), SUMM_OK);
        assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 3), SUMM_OK);
        summ_result *run, *rank;
        assert_int_equal(summ_run(ctx, TEST_ARTICLE, len, &run), SUMM_OK);
        assert_int_equal(summ_rank(ctx, TEST_ARTICLE, len, &rank), SUMM_OK);
        assert_int_equal(summ_result_count(rank), 5);
        assert_int_equal(summ_result_sentences(rank), 5);
        assert_string_equal(summ_result_language(rank), summ_result_language(run));
        check_spans(TEST_ARTICLE, len, rank);
        double top = 0;
        size_t nsel = 0, j = 0;
        for (size_t i = 0; i < summ_result_count(rank); i++) {
            const summ_span *s = summ_result_at(rank, i);
            assert_int_equal(s->index, i);
            assert_true(s->score >= 0 && s->score <= 1);
            if (s->score > top)
                top = s->score;
            if (!(s->flags & SUMM_FLAG_SELECTED))
                continue;
            nsel++;
            /* the next of summ_run()'s picks */
            const summ_span *r = summ_result_at(run, j++);
            assert_non_null(r);
            assert_int_equal(r->index, s->index);
            assert_int_equal(r->offset, s->offset);
            assert_int_equal(r->length, s->length);
            assert_int_equal(r->flags, s->flags);
            assert_true(r->score == s->score);
        }
        assert_true(top == 1.0);
        assert_int_equal(nsel, summ_result_count(run));
        assert_true(nsel >= 1 && nsel <= (size_t)k);
        /* the same keywords as summ_run() */
        assert_int_equal(summ_result_keyword_count(rank), summ_result_keyword_count(run));
        for (size_t i = 0; i < summ_result_keyword_count(run); i++)
            assert_string_equal(summ_result_keyword(rank, i)->text,
                                summ_result_keyword(run, i)->text);
        summ_result_free(run);
        summ_result_free(rank);
        summ_free(ctx);
    }
}

/* s[0 .. n) with every run of ASCII white space one space, trimmed. */
static char *
collapsed(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    assert_non_null(out);
    size_t o = 0;
    bool gap = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
            gap = o > 0;
            continue;
        }
        if (gap)
            out[o++] = ' ';
        gap = false;
        out[o++] = s[i];
    }
    out[o] = '\0';
    return out;
}

/* The keywords' fields: their span in the input, their text, score and
 * count. */
static void
check_keywords(const char *text, size_t len, const summ_result *res, size_t max)
{
    size_t n = summ_result_keyword_count(res);
    assert_true(n >= 1 && n <= max);
    for (size_t i = 0; i < n; i++) {
        const summ_keyword *k = summ_result_keyword(res, i);
        assert_non_null(k);
        assert_non_null(k->text);
        assert_true(k->text_length > 0);
        assert_int_equal(strlen(k->text), k->text_length);
        assert_true(k->length > 0 && k->offset + k->length <= len);
        char *c = collapsed(text + k->offset, k->length);
        if (strcmp(c, k->text) != 0)
            fail_msg("keyword %zu: '%s', but its span is '%s'", i, k->text, c);
        free(c);
        assert_true(k->score > 0 && k->score <= 1);
        if (i == 0)
            assert_true(k->score == 1.0);
        else
            assert_true(k->score <= summ_result_keyword(res, i - 1)->score);
        assert_true(k->count >= 1 && k->count <= len);
    }
    assert_null(summ_result_keyword(res, n));
}

static void
test_keywords(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx_opts(NULL);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 5), SUMM_OK);
    summ_result *res;
    assert_int_equal(summ_run(ctx, TEST_ARTICLE, strlen(TEST_ARTICLE), &res), SUMM_OK);
    check_keywords(TEST_ARTICLE, strlen(TEST_ARTICLE), res, 5);
    summ_result_free(res);

    /* a phrase whose words are apart by a run of white space: one space
     * in its text, the run in its span; it occurs three times (the third
     * inside a longer run of keywords, "Time Warner profits") */
    static const char tw[] = "Time \t Warner reported profits. Time Warner owns AOL. "
                             "Analysts said Time Warner profits rose.";
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 3), SUMM_OK);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "en"), SUMM_OK);
    assert_int_equal(summ_run(ctx, tw, sizeof tw - 1, &res), SUMM_OK);
    check_keywords(tw, sizeof tw - 1, res, 3);
    const summ_keyword *k = summ_result_keyword(res, 0);
    assert_string_equal(k->text, "Time Warner");
    assert_int_equal(k->text_length, 11);
    assert_int_equal(k->offset, 0);
    assert_int_equal(k->length, 13);
    assert_memory_equal(tw + k->offset, "Time \t Warner", k->length);
    assert_int_equal(k->count, 3);
    summ_result_free(res);

    /* each occurrence a run of its own, none of them first in its sentence */
    static const char tw2[] = "The profits of Time Warner rose. He said that Time Warner was "
                              "strong. It is Time Warner.";
    assert_int_equal(summ_run(ctx, tw2, sizeof tw2 - 1, &res), SUMM_OK);
    check_keywords(tw2, sizeof tw2 - 1, res, 3);
    k = summ_result_keyword(res, 0);
    assert_string_equal(k->text, "Time Warner");
    assert_int_equal(k->offset, 15);
    assert_int_equal(k->count, 3);
    summ_result_free(res);

    /* keywords outlive the context */
    assert_int_equal(summ_run(ctx, tw, sizeof tw - 1, &res), SUMM_OK);
    summ_free(ctx);
    assert_string_equal(summ_result_keyword(res, 0)->text, "Time Warner");
    summ_result_free(res);
}

static void
test_length_limits(void **state)
{
    (void)state;
    summ_result *res;
    size_t len = strlen(TEST_ARTICLE);

    /* more than the text has */
    static const test_opt many[] = {
        { SUMM_OPT_MAX_SENTENCES, 100, NULL }, { SUMM_OPT_REDUNDANCY, 1.0, NULL }, TEST_OPT_END
    };
    summ_ctx *ctx = new_ctx_opts(many);
    assert_int_equal(summ_run(ctx, TEST_ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 5);
    summ_result_free(res);
    summ_free(ctx);

    static const test_opt ratio[] = {
        /* ceil(0.4 * 5) = 2 */
        { SUMM_OPT_MAX_SENTENCES, 0, NULL }, { SUMM_OPT_RATIO, 0.4, NULL }, TEST_OPT_END
    };
    ctx = new_ctx_opts(ratio);
    assert_int_equal(summ_run(ctx, TEST_ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 2);
    summ_result_free(res);
    summ_free(ctx);

    static const test_opt words[] = {
        /* a budget below any sentence */
        { SUMM_OPT_MAX_SENTENCES, 0, NULL }, { SUMM_OPT_MAX_WORDS, 1, NULL }, TEST_OPT_END
    };
    ctx = new_ctx_opts(words);
    assert_int_equal(summ_run(ctx, TEST_ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 1);  /* still one sentence */
    summ_result_free(res);
    summ_free(ctx);

    /* no limit set at all: 3 sentences */
    static const test_opt none[] = { { SUMM_OPT_MAX_SENTENCES, 0, NULL }, TEST_OPT_END };
    ctx = new_ctx_opts(none);
    assert_int_equal(summ_run(ctx, TEST_ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 3);
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_formats(void **state)
{
    (void)state;
    assert_string_equal(summ_format_name(SUMM_FORMAT_TEXT), "text");
    assert_string_equal(summ_format_name(SUMM_FORMAT_AUTO), "auto");
    assert_null(summ_format_name((summ_format)99));
    assert_null(summ_format_name((summ_format)-1));
    assert_int_equal(summ_format_lookup("text"), SUMM_FORMAT_TEXT);
    assert_int_equal(summ_format_lookup("TEXT"), SUMM_FORMAT_TEXT);
    assert_int_equal(summ_format_lookup("auto"), SUMM_FORMAT_AUTO);
    assert_int_equal(summ_format_lookup("klingon"), -1);
    assert_int_equal(summ_format_lookup(""), -1);
    assert_int_equal(summ_format_lookup(NULL), -1);
    assert_int_equal(summ_format_supported(SUMM_FORMAT_TEXT), 1);
    assert_int_equal(summ_format_supported(SUMM_FORMAT_AUTO), 1);
    assert_int_equal(summ_format_supported((summ_format)99), 0);
    assert_int_equal(summ_result_format(NULL), SUMM_FORMAT_TEXT);
    /* HTML has its name whether or not this build reads it */
    assert_string_equal(summ_format_name(SUMM_FORMAT_HTML), "html");
    assert_int_equal(summ_format_lookup("HTML"), SUMM_FORMAT_HTML);
#ifdef SUMM_HAVE_GUMBO
    assert_int_equal(summ_format_supported(SUMM_FORMAT_HTML), 1);
#else
    assert_int_equal(summ_format_supported(SUMM_FORMAT_HTML), 0);
#endif

    /* plain text, told or found: the result says so, spans are the input's */
    for (int fmt = SUMM_FORMAT_AUTO; fmt <= SUMM_FORMAT_TEXT; fmt++) {
        summ_ctx *ctx = new_ctx_opts(NULL);
        assert_int_equal(summ_set_int(ctx, SUMM_OPT_INPUT_FORMAT, fmt), SUMM_OK);
        summ_result *res;
        assert_int_equal(summ_run(ctx, TEST_ARTICLE, strlen(TEST_ARTICLE), &res), SUMM_OK);
        assert_int_equal(summ_result_format(res), SUMM_FORMAT_TEXT);
        check_spans(TEST_ARTICLE, strlen(TEST_ARTICLE), res);
        summ_result_free(res);
        assert_int_equal(summ_split(ctx, TEST_ARTICLE, strlen(TEST_ARTICLE), &res), SUMM_OK);
        assert_int_equal(summ_result_format(res), SUMM_FORMAT_TEXT);
        summ_result_free(res);
        summ_free(ctx);
    }
}

static void
test_languages(void **state)
{
    (void)state;
    assert_string_equal(summ_language_name("pt-BR"), "Portuguese");
    assert_string_equal(summ_language_name("en"), "English");
    assert_string_equal(summ_language_name("en_GB"), "English");
    assert_string_equal(summ_language_name("german"), "German");
    assert_string_equal(summ_language_name("ZH"), "Chinese");
    assert_null(summ_language_name("klingon"));
    assert_null(summ_language_name("xx"));
    assert_null(summ_language_name(""));
    assert_null(summ_language_name(NULL));
    const char *const *langs = summ_languages();
    assert_non_null(langs);
    assert_string_equal(langs[0], "en");
    size_t n = 0;
    for (; langs[n]; n++) {
        assert_non_null(summ_language_name(langs[n]));
        summ_ctx *ctx = new_ctx_opts(NULL);
        assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, langs[n]), SUMM_OK);
        summ_free(ctx);
    }
    assert_true(n >= 30);
}

static void
test_strings(void **state)
{
    (void)state;
    summ_status all[] = { SUMM_OK, SUMM_ENOMEM, SUMM_EINVAL, SUMM_EUTF8, SUMM_EBINARY,
                          SUMM_ELANG, SUMM_ETOOBIG, SUMM_EDATA, SUMM_EFORMAT };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        assert_non_null(summ_strerror(all[i]));
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(summ_strerror(all[i]), summ_strerror(all[j]));
    }
    assert_non_null(summ_strerror((summ_status)-999));
    assert_string_equal(summ_errmsg(NULL), "");
    assert_int_equal(summ_error_offset(NULL), (size_t)-1);
    assert_string_equal(summ_version_string(), SUMM_VERSION_STRING);
    assert_int_equal(summ_version(), SUMM_VERSION_NUMBER);
    assert_string_equal(summ_result_language(NULL), "und");
    assert_int_equal(summ_result_count(NULL), 0);
    assert_int_equal(summ_result_sentences(NULL), 0);
    assert_int_equal(summ_result_warnings(NULL), 0);
    assert_int_equal(summ_result_keyword_count(NULL), 0);
    assert_null(summ_result_at(NULL, 0));
    assert_null(summ_result_keyword(NULL, 0));
}

static void
test_alloc_failure(void **state)
{
    (void)state;
    static const test_opt kw[] = { { SUMM_OPT_MAX_KEYWORDS, 5, NULL }, TEST_OPT_END };
    /* the unhindered run, which every hindered one must equal */
    summ_ctx *ctx = new_ctx_opts(kw);
    summ_result *res;
    assert_int_equal(summ_run(ctx, TEST_ARTICLE, strlen(TEST_ARTICLE), &res), SUMM_OK);
    assert_true(summ_result_count(res) > 0);
    assert_true(summ_result_keyword_count(res) > 0);
    summ_result_free(res);
    summ_free(ctx);
    fail_every_allocation(TEST_ARTICLE, strlen(TEST_ARTICLE), kw);

    /* with string options, whose copies are allocations too */
    static const test_opt strings[] = {
        { SUMM_OPT_LANGUAGE, 0, "en-US" },
        { SUMM_OPT_DATA_DIR, 0, "/nonexistent/summarize-data" },
        { SUMM_OPT_MAX_KEYWORDS, 3, NULL },
        { SUMM_OPT_LANGUAGE, 0, "english" },  /* replacing a value */
        TEST_OPT_END
    };
    fail_every_allocation(TEST_ARTICLE, strlen(TEST_ARTICLE), strings);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_run_errors),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_run_basic),
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_rank),
        cmocka_unit_test(test_keywords),
        cmocka_unit_test(test_length_limits),
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_languages),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_alloc_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
