/* test_public.c - a program built the way a user of the library builds
 * one: summarize.h (and summarize_experimental.h) only, linked with the
 * shared library. Its first function is the README's example. The
 * checks are on the options API of 1.0: options by number, changed
 * between runs of one context, errors that name the option, and every
 * sentence's score. TAP output, no test framework. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <summarize.h>
#include <summarize_experimental.h>

/* ---- the README's example ---- */
int print_summary(const char *text, size_t len, size_t n);

int
print_summary(const char *text, size_t len, size_t n)
{
    summ_ctx *ctx;
    if (summ_new(NULL, &ctx) != SUMM_OK)
        return -1;
    summ_result *res;
    if (summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, (long long)n) != SUMM_OK
        || summ_run(ctx, text, len, &res) != SUMM_OK) {
        fprintf(stderr, "summarize: %s\n", summ_errmsg(ctx));
        summ_free(ctx);
        return -1;
    }
    for (size_t i = 0; i < summ_result_count(res); i++)
        printf("# %s\n", summ_result_at(res, i)->text);
    summ_result_free(res);
    summ_free(ctx);
    return 0;
}
/* ---- end of the example ---- */

static int tests, failed;

static void
check(int ok, const char *what)
{
    printf("%sok %d - %s\n", ok ? "" : "not ", ++tests, what);
    failed += !ok;
}

static const char article[] =
    "Riverton opens a solar library\n\n"
    "The city of Riverton opened its first solar-powered public library on Saturday. "
    "The library has 420 solar panels on its roof and a heat pump for the winter. "
    "On sunny days the building sends its spare electricity to the city grid. "
    "The mayor said the library would save the city money every year. "
    "Children from three schools came to the opening and read in the new rooms. "
    "The architects hope other cities will build libraries like it. "
    "Solar panels on public buildings are becoming common in the region.";

int
main(void)
{
    size_t len = strlen(article);
    check(print_summary(article, len, 2) == 0, "the README's example runs");

    summ_ctx *ctx;
    check(summ_new(NULL, &ctx) == SUMM_OK, "summ_new with the default allocator");
    summ_result *res;

    /* One context, two lengths: the options apply to the next call. */
    summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 1);
    check(summ_run(ctx, article, len, &res) == SUMM_OK && summ_result_count(res) == 1,
          "max_sentences 1 gives one sentence");
    summ_result_free(res);
    summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 4);
    check(summ_run(ctx, article, len, &res) == SUMM_OK && summ_result_count(res) == 4,
          "then 4 on the same context gives four");
    int in_order = 1, verbatim = 1;
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *s = summ_result_at(res, i);
        if (i && s->index <= summ_result_at(res, i - 1)->index)
            in_order = 0;
        if (s->length != s->text_length || memcmp(article + s->offset, s->text, s->length) != 0)
            verbatim = 0;
    }
    check(in_order, "sentences come in text order");
    check(verbatim, "each span's text is the input's bytes at its offset");
    summ_result_free(res);

    /* Errors name the option and leave it unchanged. */
    long long v = 0;
    check(summ_set_double(ctx, SUMM_OPT_RATIO, 1.5) == SUMM_EINVAL
          && strstr(summ_errmsg(ctx), "ratio") != NULL, "ratio 1.5 is refused, by name");
    check(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, -1) == SUMM_EINVAL
          && summ_get_int(ctx, SUMM_OPT_MAX_SENTENCES, &v) == SUMM_OK && v == 4,
          "max_sentences -1 is refused and the old value kept");
    check(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "xx") == SUMM_ELANG,
          "an unknown language is SUMM_ELANG");
    check(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "en-GB") == SUMM_OK, "en-GB is English");
    check(summ_set_int(ctx, (summ_option)12345, 1) == SUMM_EINVAL, "no such option");
    check(summ_set_string(ctx, SUMM_OPT_MAX_WORDS, "3") == SUMM_EINVAL,
          "a number option is not set from a string");

    /* The experimental knobs are options like the others. */
    double w = 0;
    check(summ_set_double(ctx, SUMM_OPT_W_POSITION, 0.5) == SUMM_OK
          && summ_get_double(ctx, SUMM_OPT_W_POSITION, &w) == SUMM_OK && w == 0.5,
          "w_position set and read back");
    check(summ_set_double(ctx, SUMM_OPT_DAMPING, 1.0) == SUMM_EINVAL, "damping 1 is refused");
    const summ_option_info *info = summ_option_info_get(SUMM_OPT_W_POSITION);
    check(info && info->experimental && strcmp(info->name, "w_position") == 0
          && summ_option_lookup("w-position") == SUMM_OPT_W_POSITION,
          "options are described and found by name");
    summ_reset_options(ctx);
    check(summ_get_double(ctx, SUMM_OPT_W_POSITION, &w) == SUMM_OK && w == info->def,
          "summ_reset_options restores the defaults");

    /* Every sentence's score; the summary's marked. */
    summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 2);
    check(summ_rank(ctx, article, len, &res) == SUMM_OK, "summ_rank");
    size_t n = summ_result_count(res), selected = 0;
    double best = 0;
    int scores_ok = n == summ_result_sentences(res);
    for (size_t i = 0; i < n; i++) {
        const summ_span *s = summ_result_at(res, i);
        scores_ok &= s->index == i && s->score >= 0 && s->score <= 1;
        best = s->score > best ? s->score : best;
        selected += (s->flags & SUMM_FLAG_SELECTED) != 0;
    }
    check(scores_ok && best == 1.0 && selected == 2,
          "every sentence scored in [0, 1], the best 1, two selected");
    summ_result_free(res);

    /* Keywords with their place and score. */
    summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 3);
    check(summ_run(ctx, article, len, &res) == SUMM_OK && summ_result_keyword_count(res) > 0,
          "keywords");
    const summ_keyword *k = summ_result_keyword(res, 0);
    check(k && k->score == 1.0 && k->count >= 1 && k->offset + k->length <= len
          && strncmp(article + k->offset, k->text, k->text_length) == 0,
          "the first keyword scores 1 and its span is its text");
    check(summ_result_keyword(res, 99) == NULL, "out of range is NULL");
    summ_result_free(res);

    /* A clone has the options and caches of its own. */
    summ_ctx *twin;
    check(summ_clone(ctx, &twin) == SUMM_OK
          && summ_get_int(twin, SUMM_OPT_MAX_KEYWORDS, &v) == SUMM_OK && v == 3,
          "summ_clone copies the options");
    summ_free(twin);

    check(strcmp(summ_format_name(SUMM_FORMAT_TEXT), "text") == 0
          && summ_format_lookup("text") == SUMM_FORMAT_TEXT
          && summ_format_supported(SUMM_FORMAT_TEXT), "the text format");
    check(summ_language_name("pt-BR") && strcmp(summ_language_name("pt-BR"), "Portuguese") == 0,
          "language names");
    check(summ_version() == SUMM_VERSION_NUMBER
          && strcmp(summ_version_string(), SUMM_VERSION_STRING) == 0,
          "the library linked is the header's version");
    summ_free(ctx);
    summ_free(NULL);
    summ_result_free(NULL);
    printf("1..%d\n", tests);
    return failed != 0;
}
