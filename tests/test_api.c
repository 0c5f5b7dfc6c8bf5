/* test_api.c - the public contract of summarize.h: defaults, every error
 * path, NULL handling, ownership, allocation failure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "summarize.h"
#include "testutil.h"

static const char ARTICLE[] =
    "The city council approved a new budget for public libraries on Monday.\n\n"
    "The budget gives the libraries more money for books and longer opening hours.\n\n"
    "Council members said the libraries are used by thousands of residents every week.\n\n"
    "A local bakery also changed its opening hours.\n\n"
    "The new library budget takes effect next month, the council said.\n";

static void
test_defaults(void **state)
{
    (void)state;
    summ_options o;
    summ_options_init(&o);
    assert_int_equal(o.max_sentences, 3);
    assert_true(o.ratio == 0);
    assert_int_equal(o.max_words, 0);
    assert_null(o.language);
    assert_true(o.damping > 0.84 && o.damping < 0.86);
    summ_options_init(NULL); /* must not crash */
}

static void
test_new_errors(void **state)
{
    (void)state;
    summ_options o;
    summ_ctx *ctx = (summ_ctx *)1;
    assert_int_equal(summ_new(NULL, NULL), SUMM_EINVAL);

    summ_options_init(&o);
    o.ratio = 1.5;
    assert_int_equal(summ_new(&o, &ctx), SUMM_EINVAL);
    assert_null(ctx);

    summ_options_init(&o);
    o.damping = 1.0;
    assert_int_equal(summ_new(&o, &ctx), SUMM_EINVAL);

    summ_options_init(&o);
    o.w_position = -1;
    assert_int_equal(summ_new(&o, &ctx), SUMM_EINVAL);

    summ_options_init(&o);
    o.redundancy = 0;
    assert_int_equal(summ_new(&o, &ctx), SUMM_EINVAL);

    summ_options_init(&o);
    o.language = "klingon";
    assert_int_equal(summ_new(&o, &ctx), SUMM_ELANG);
    assert_null(ctx);

    summ_options_init(&o);
    o.language = "english";
    assert_int_equal(summ_new(&o, &ctx), SUMM_OK);
    summ_free(ctx);
    o.language = "EN";
    assert_int_equal(summ_new(&o, &ctx), SUMM_OK);
    summ_free(ctx);

    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    assert_non_null(ctx);
    summ_free(ctx);
    summ_free(NULL);
    summ_result_free(NULL);
}

static void
test_run_errors(void **state)
{
    (void)state;
    summ_ctx *ctx;
    summ_result *res = (summ_result *)1;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);

    assert_int_equal(summ_run(NULL, "a.", 2, &res), SUMM_EINVAL);
    assert_int_equal(summ_run(ctx, "a.", 2, NULL), SUMM_EINVAL);
    assert_int_equal(summ_run(ctx, NULL, 5, &res), SUMM_EINVAL);
    assert_null(res);
    assert_int_equal(summ_split(NULL, "a.", 2, &res), SUMM_EINVAL);

    /* invalid UTF-8: the offset of the first bad byte */
    static const char bad[] = "Fine text. Then caf\xe9 here.";
    assert_int_equal(summ_run(ctx, bad, sizeof bad - 1, &res), SUMM_EUTF8);
    assert_null(res);
    assert_int_equal(summ_error_offset(ctx), 19);
    assert_non_null(strstr(summ_errmsg(ctx), "19"));

    /* overlong encoding and a lone surrogate are invalid too */
    assert_int_equal(summ_run(ctx, "\xc0\xaf", 2, &res), SUMM_EUTF8);
    assert_int_equal(summ_run(ctx, "\xed\xa0\x80", 3, &res), SUMM_EUTF8);
    assert_int_equal(summ_run(ctx, "ab\xe2\x82", 4, &res), SUMM_EUTF8);
    assert_int_equal(summ_error_offset(ctx), 2);

    static const char nul[] = "Some text.\0More text.";
    assert_int_equal(summ_run(ctx, nul, sizeof nul - 1, &res), SUMM_EBINARY);
    assert_int_equal(summ_error_offset(ctx), 10);

    /* the context still works after errors, and the message is cleared */
    assert_int_equal(summ_run(ctx, ARTICLE, strlen(ARTICLE), &res), SUMM_OK);
    assert_string_equal(summ_errmsg(ctx), "");
    assert_int_equal(summ_error_offset(ctx), (size_t)-1);
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_empty(void **state)
{
    (void)state;
    summ_ctx *ctx;
    summ_result *res;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    const char *inputs[] = { "", " ", "\n\n\t  \r\n", "\xef\xbb\xbf", "\xef\xbb\xbf \n" };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        assert_int_equal(summ_run(ctx, inputs[i], strlen(inputs[i]), &res), SUMM_OK);
        assert_int_equal(summ_result_count(res), 0);
        assert_int_equal(summ_result_sentences(res), 0);
        assert_null(summ_result_at(res, 0));
        summ_result_free(res);
    }
    assert_int_equal(summ_run(ctx, NULL, 0, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 0);
    summ_result_free(res);
    summ_free(ctx);
}

/* Spans: inside the text, in order, not overlapping, trimmed, verbatim. */
static void
check_spans(const char *text, size_t len, const summ_result *res)
{
    size_t prev_end = 0;
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
        prev_end = s->offset + s->length;
    }
}

static void
test_run_basic(void **state)
{
    (void)state;
    summ_options o;
    summ_options_init(&o);
    o.max_sentences = 2;
    summ_ctx *ctx;
    summ_result *res;
    assert_int_equal(summ_new(&o, &ctx), SUMM_OK);
    size_t len = strlen(ARTICLE);
    assert_int_equal(summ_run(ctx, ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 2);
    assert_int_equal(summ_result_sentences(res), 5);
    assert_string_equal(summ_result_language(res), "en");
    check_spans(ARTICLE, len, res);
    /* the bakery sentence shares nothing with the rest: never chosen */
    for (size_t i = 0; i < summ_result_count(res); i++)
        assert_int_not_equal(summ_result_at(res, i)->index, 3);
    /* the text need not be NUL-terminated: a copy without the NUL */
    char *copy = malloc(len);
    assert_non_null(copy);
    memcpy(copy, ARTICLE, len);
    summ_result *res2;
    assert_int_equal(summ_run(ctx, copy, len, &res2), SUMM_OK);
    assert_int_equal(summ_result_count(res2), 2);
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(summ_result_at(res, i)->offset, summ_result_at(res2, i)->offset);
    free(copy);
    summ_result_free(res2);
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_split(void **state)
{
    (void)state;
    summ_ctx *ctx;
    summ_result *res;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    size_t len = strlen(ARTICLE);
    assert_int_equal(summ_split(ctx, ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 5);
    check_spans(ARTICLE, len, res);
    const summ_span *s = summ_result_at(res, 3);
    assert_int_equal(s->index, 3);
    assert_memory_equal(ARTICLE + s->offset, "A local bakery also changed its opening hours.", s->length);
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_length_limits(void **state)
{
    (void)state;
    summ_options o;
    summ_ctx *ctx;
    summ_result *res;
    size_t len = strlen(ARTICLE);

    summ_options_init(&o);
    o.max_sentences = 100;  /* more than the text has */
    o.redundancy = 1.0;
    assert_int_equal(summ_new(&o, &ctx), SUMM_OK);
    assert_int_equal(summ_run(ctx, ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 5);
    summ_result_free(res);
    summ_free(ctx);

    summ_options_init(&o);
    o.max_sentences = 0;
    o.ratio = 0.4;  /* ceil(0.4 * 5) = 2 */
    assert_int_equal(summ_new(&o, &ctx), SUMM_OK);
    assert_int_equal(summ_run(ctx, ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 2);
    summ_result_free(res);
    summ_free(ctx);

    summ_options_init(&o);
    o.max_sentences = 0;
    o.max_words = 1;  /* below any sentence: still one sentence */
    assert_int_equal(summ_new(&o, &ctx), SUMM_OK);
    assert_int_equal(summ_run(ctx, ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 1);
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_strings(void **state)
{
    (void)state;
    summ_status all[] = { SUMM_OK, SUMM_ENOMEM, SUMM_EINVAL, SUMM_EUTF8,
                          SUMM_EBINARY, SUMM_ELANG, SUMM_ETOOBIG, SUMM_EDATA };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        assert_non_null(summ_strerror(all[i]));
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(summ_strerror(all[i]), summ_strerror(all[j]));
    }
    assert_non_null(summ_strerror((summ_status)-999));
    assert_string_equal(summ_errmsg(NULL), "");
    assert_string_equal(summ_version_string(), SUMM_VERSION_STRING);
    assert_int_equal(summ_version(), SUMM_VERSION_NUMBER);
    assert_string_equal(summ_result_language(NULL), "und");
    assert_int_equal(summ_result_count(NULL), 0);
    assert_null(summ_result_at(NULL, 0));
    assert_null(summ_result_keyword(NULL, 0));
    const char *const *langs = summ_languages();
    assert_non_null(langs);
    assert_string_equal(langs[0], "en");
}


static void
test_alloc_failure(void **state)
{
    (void)state;
    summ_options o;
    summ_options_init(&o);
    o.max_keywords = 5;
    /* the unhindered run, which every hindered one must equal */
    summ_ctx *ctx;
    summ_result *res;
    assert_int_equal(summ_new(&o, &ctx), SUMM_OK);
    assert_int_equal(summ_run(ctx, ARTICLE, strlen(ARTICLE), &res), SUMM_OK);
    assert_true(summ_result_count(res) > 0);
    assert_true(summ_result_keyword_count(res) > 0);
    summ_result_free(res);
    summ_free(ctx);
    fail_every_allocation(ARTICLE, strlen(ARTICLE), &o);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_new_errors),
        cmocka_unit_test(test_run_errors),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_run_basic),
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_length_limits),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_alloc_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
