/* test_options.c - the options of summarize.h and summarize_experimental.h:
 * defaults, set and get, bounds and their messages, round trips, names and
 * the option table, options kept between runs, summ_clone() (and its
 * allocation failures), summ_reset_options(). */
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

static const char GERMAN[] =
    "Der Fluss fließt durch die alte Stadt und mündet ins Meer. "
    "Jeden Sommer findet am Wasser ein Markt statt. "
    "Die Bauern aus dem Tal bringen Käse, Brot und Obst mit. "
    "Viele Besucher kommen mit dem Zug, um den Markt zu sehen und am Fluss entlang zu gehen.";

static summ_ctx *
new_ctx(void)
{
    summ_ctx *ctx = (summ_ctx *)1;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    assert_non_null(ctx);
    return ctx;
}

static long long
get_int(const summ_ctx *ctx, summ_option opt)
{
    long long v = -12345;
    assert_int_equal(summ_get_int(ctx, opt, &v), SUMM_OK);
    return v;
}

static double
get_double(const summ_ctx *ctx, summ_option opt)
{
    double v = -12345;
    assert_int_equal(summ_get_double(ctx, opt, &v), SUMM_OK);
    return v;
}

static const char *
get_string(const summ_ctx *ctx, summ_option opt)
{
    const char *v = (const char *)1;
    assert_int_equal(summ_get_string(ctx, opt, &v), SUMM_OK);
    return v;
}

/* ---- defaults and options ------------------------------------------------ */


static void
test_defaults(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx();
    assert_int_equal(get_int(ctx, SUMM_OPT_MAX_SENTENCES), 3);
    assert_true(get_double(ctx, SUMM_OPT_RATIO) == 0);
    assert_int_equal(get_int(ctx, SUMM_OPT_MAX_WORDS), 0);
    assert_int_equal(get_int(ctx, SUMM_OPT_MAX_KEYWORDS), 0);
    assert_null(get_string(ctx, SUMM_OPT_LANGUAGE));
    assert_null(get_string(ctx, SUMM_OPT_DATA_DIR));
    assert_int_equal(get_int(ctx, SUMM_OPT_INPUT_FORMAT), SUMM_FORMAT_AUTO);
    assert_int_equal(get_int(ctx, SUMM_OPT_EXTRACT), 1);
    double damping = get_double(ctx, SUMM_OPT_DAMPING);
    assert_true(damping > 0.84 && damping < 0.86);
    assert_int_equal(get_int(ctx, SUMM_OPT_SIMILARITY), SUMM_SIM_OVERLAP);
    assert_string_equal(summ_errmsg(ctx), "");
    assert_int_equal(summ_error_offset(ctx), (size_t)-1);
    /* every option's default is what summ_option_info() says */
    const summ_option_info *in;
    for (size_t i = 0; (in = summ_option_info_at(i)); i++) {
        if (in->type == SUMM_TYPE_STRING) {
            const char *s = get_string(ctx, in->option);
            assert_true(s == NULL || (in->def_string && strcmp(s, in->def_string) == 0));
        } else {
            assert_true(get_double(ctx, in->option) == in->def);
        }
        if (in->type == SUMM_TYPE_INT)
            assert_true((double)get_int(ctx, in->option) == in->def);
    }
    summ_free(ctx);
}

static void
test_new_errors(void **state)
{
    (void)state;
    assert_int_equal(summ_new(NULL, NULL), SUMM_EINVAL);
    summ_ctx *ctx = (summ_ctx *)1;
    /* an allocator with a NULL function means malloc */
    summ_allocator half = { NULL, NULL, NULL, NULL };
    assert_int_equal(summ_new(&half, &ctx), SUMM_OK);
    assert_non_null(ctx);
    summ_result *res;
    assert_int_equal(summ_run(ctx, TEST_ARTICLE, strlen(TEST_ARTICLE), &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 3);
    summ_result_free(res);
    summ_free(ctx);
    summ_free(NULL);
    summ_result_free(NULL);
}

/* A set that fails: the status, a message naming the option, the value
 * unchanged. */
static void
set_fails(summ_ctx *ctx, summ_option opt, double v, summ_status want, const char *name)
{
    double before = get_double(ctx, opt);
    assert_int_equal(summ_set_double(ctx, opt, v), want);
    if (!strstr(summ_errmsg(ctx), name))
        fail_msg("setting %s to %g: message '%s' does not name it", name, v, summ_errmsg(ctx));
    assert_true(get_double(ctx, opt) == before);
}

static void
test_option_errors(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx();

    /* the example of summarize.h */
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_RATIO, 1.5), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "ratio"));
    assert_true(get_double(ctx, SUMM_OPT_RATIO) == 0);
    /* the message is cleared by the next call that succeeds */
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_RATIO, 0.5), SUMM_OK);
    assert_string_equal(summ_errmsg(ctx), "");
    assert_true(get_double(ctx, SUMM_OPT_RATIO) == 0.5);

    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, -1), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "max_sentences"));
    assert_int_equal(get_int(ctx, SUMM_OPT_MAX_SENTENCES), 3);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, LLONG_MAX), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "max_sentences"));
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, LLONG_MIN), SUMM_EINVAL);
    assert_int_equal(get_int(ctx, SUMM_OPT_MAX_SENTENCES), 3);
    /* an int option takes a whole number through summ_set_double(), nothing else */
    set_fails(ctx, SUMM_OPT_MAX_SENTENCES, 2.5, SUMM_EINVAL, "max_sentences");
    set_fails(ctx, SUMM_OPT_MAX_WORDS, NAN, SUMM_EINVAL, "max_words");
    set_fails(ctx, SUMM_OPT_MAX_KEYWORDS, INFINITY, SUMM_EINVAL, "max_keywords");
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_MAX_SENTENCES, 4.0), SUMM_OK);
    assert_int_equal(get_int(ctx, SUMM_OPT_MAX_SENTENCES), 4);
    /* and a real one an integer through summ_set_int() */
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_RATIO, 1), SUMM_OK);
    assert_true(get_double(ctx, SUMM_OPT_RATIO) == 1.0);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_RATIO, 2), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "ratio"));

    /* unknown options */
    static const int unknown[] = { 0, -1, 99, 999, 1999, 123456 };
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
        summ_option o = (summ_option)unknown[i];
        assert_null(summ_option_info_get(o));
        assert_int_equal(summ_set_int(ctx, o, 1), SUMM_EINVAL);
        assert_true(summ_errmsg(ctx)[0] != '\0');
        assert_int_equal(summ_set_double(ctx, o, 1), SUMM_EINVAL);
        assert_int_equal(summ_set_string(ctx, o, "en"), SUMM_EINVAL);
        long long iv = 77;
        double dv = 77;
        const char *sv = "x";
        assert_int_equal(summ_get_int(ctx, o, &iv), SUMM_EINVAL);
        assert_int_equal(summ_get_double(ctx, o, &dv), SUMM_EINVAL);
        assert_int_equal(summ_get_string(ctx, o, &sv), SUMM_EINVAL);
        assert_int_equal(iv, 77);
        assert_true(dv == 77);
        assert_string_equal(sv, "x");
    }

    /* the wrong type */
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_MAX_SENTENCES, "3"), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "max_sentences"));
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_LANGUAGE, 1), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "language"));
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_DATA_DIR, 1), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "data_dir"));
    long long iv = 77;
    const char *sv = "x";
    assert_int_equal(summ_get_int(ctx, SUMM_OPT_RATIO, &iv), SUMM_EINVAL);  /* a real */
    assert_int_equal(summ_get_int(ctx, SUMM_OPT_LANGUAGE, &iv), SUMM_EINVAL);
    assert_int_equal(iv, 77);
    double dv = 77;
    assert_int_equal(summ_get_double(ctx, SUMM_OPT_LANGUAGE, &dv), SUMM_EINVAL);
    assert_true(dv == 77);
    assert_int_equal(summ_get_string(ctx, SUMM_OPT_MAX_WORDS, &sv), SUMM_EINVAL);
    assert_string_equal(sv, "x");

    /* scoring options: their bounds */
    set_fails(ctx, SUMM_OPT_DAMPING, 1.0, SUMM_EINVAL, "damping");
    set_fails(ctx, SUMM_OPT_W_POSITION, -1, SUMM_EINVAL, "w_position");
    set_fails(ctx, SUMM_OPT_REDUNDANCY, 0, SUMM_EINVAL, "redundancy");
    set_fails(ctx, SUMM_OPT_POSITION_DECAY, 0, SUMM_EINVAL, "position_decay");
    set_fails(ctx, SUMM_OPT_SIMILARITY, 3, SUMM_EINVAL, "similarity");
    set_fails(ctx, SUMM_OPT_LEAD_RATIO, -0.1, SUMM_EINVAL, "lead_ratio");
    set_fails(ctx, SUMM_OPT_LEAD_ADAPT, NAN, SUMM_EINVAL, "lead_adapt");
    set_fails(ctx, SUMM_OPT_W_DIRECTED, INFINITY, SUMM_EINVAL, "w_directed");
    set_fails(ctx, SUMM_OPT_INPUT_FORMAT, 99, SUMM_EINVAL, "input_format");
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_SIMILARITY, SUMM_SIM_COSINE), SUMM_OK);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_W_DIRECTED, 1), SUMM_OK);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_DAMPING, 0.0), SUMM_OK);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_REDUNDANCY, 1.0), SUMM_OK);

    /* languages */
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "xx"), SUMM_ELANG);
    assert_non_null(strstr(summ_errmsg(ctx), "xx"));
    assert_null(get_string(ctx, SUMM_OPT_LANGUAGE));
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "klingon"), SUMM_ELANG);
    static const struct { const char *name, *code; } ok[] = {
        { "english", "en" }, { "EN", "en" }, { "en-US", "en" }, { "pt_BR", "pt" },
        { "German", "de" }, { "nb", "no" }, { "none", "und" },
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, ok[i].name), SUMM_OK);
        assert_string_equal(get_string(ctx, SUMM_OPT_LANGUAGE), ok[i].name);
        /* a fixed language is the one the text is processed as */
        summ_result *res;
        assert_int_equal(summ_run(ctx, TEST_ARTICLE, strlen(TEST_ARTICLE), &res), SUMM_OK);
        assert_string_equal(summ_result_language(res), ok[i].code);
        summ_result_free(res);
    }
    /* a failed set leaves the language as it was */
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "en-US"), SUMM_OK);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "xx-YY"), SUMM_ELANG);
    assert_string_equal(get_string(ctx, SUMM_OPT_LANGUAGE), "en-US");
    /* NULL and "auto": detect */
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "auto"), SUMM_OK);
    summ_result *res;
    assert_int_equal(summ_run(ctx, GERMAN, strlen(GERMAN), &res), SUMM_OK);
    assert_string_equal(summ_result_language(res), "de");
    summ_result_free(res);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "en"), SUMM_OK);
    assert_int_equal(summ_run(ctx, GERMAN, strlen(GERMAN), &res), SUMM_OK);
    assert_string_equal(summ_result_language(res), "en");
    summ_result_free(res);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, NULL), SUMM_OK);
    assert_null(get_string(ctx, SUMM_OPT_LANGUAGE));
    assert_int_equal(summ_run(ctx, GERMAN, strlen(GERMAN), &res), SUMM_OK);
    assert_string_equal(summ_result_language(res), "de");
    summ_result_free(res);

    /* NULL arguments */
    assert_int_equal(summ_set_int(NULL, SUMM_OPT_MAX_SENTENCES, 1), SUMM_EINVAL);
    assert_int_equal(summ_set_double(NULL, SUMM_OPT_RATIO, 0.5), SUMM_EINVAL);
    assert_int_equal(summ_set_string(NULL, SUMM_OPT_LANGUAGE, "en"), SUMM_EINVAL);
    assert_int_equal(summ_get_int(NULL, SUMM_OPT_MAX_SENTENCES, &iv), SUMM_EINVAL);
    assert_int_equal(summ_get_int(ctx, SUMM_OPT_MAX_SENTENCES, NULL), SUMM_EINVAL);
    assert_int_equal(summ_get_double(ctx, SUMM_OPT_RATIO, NULL), SUMM_EINVAL);
    assert_int_equal(summ_get_string(ctx, SUMM_OPT_LANGUAGE, NULL), SUMM_EINVAL);
    assert_int_equal(summ_get_string(NULL, SUMM_OPT_LANGUAGE, &sv), SUMM_EINVAL);
    summ_reset_options(NULL);  /* must not crash */
    summ_free(ctx);
}

/* Every option: set and read back at its bounds and default; just past
 * its bounds SUMM_EINVAL with its name. */
static void
test_option_round_trips(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx();
    const summ_option_info *in;
    for (size_t i = 0; (in = summ_option_info_at(i)); i++) {
        summ_option o = in->option;
        if (in->type == SUMM_TYPE_STRING) {
            assert_int_equal(summ_set_double(ctx, o, 1), SUMM_EINVAL);
            assert_non_null(strstr(summ_errmsg(ctx), in->name));
            const char *v = o == SUMM_OPT_LANGUAGE ? "fr" : "/nonexistent/summarize";
            char copy[64];
            snprintf(copy, sizeof copy, "%s", v);
            assert_int_equal(summ_set_string(ctx, o, copy), SUMM_OK);
            memset(copy, 'z', strlen(copy));  /* the value was copied */
            assert_string_equal(get_string(ctx, o), v);
            assert_int_equal(summ_set_string(ctx, o, NULL), SUMM_OK);
            assert_null(get_string(ctx, o));
            continue;
        }
        assert_true(in->min <= in->def && in->def <= in->max);
        /* the default, a value inside, and the bounds that are allowed */
        double mid = in->min + (in->max - in->min) / 2;
        if (in->type == SUMM_TYPE_INT)
            mid = floor(mid);
        double vals[] = { in->def, mid, in->min, in->max };
        for (size_t k = 0; k < 4; k++) {
            summ_status st = summ_set_double(ctx, o, vals[k]);
            if (k >= 2 && st == SUMM_EINVAL) {
                /* an open bound (damping < 1, position_decay > 0) */
                assert_non_null(strstr(summ_errmsg(ctx), in->name));
                continue;
            }
            if (st != SUMM_OK)
                fail_msg("%s = %.17g: %s", in->name, vals[k], summ_errmsg(ctx));
            assert_true(get_double(ctx, o) == vals[k]);
            if (in->type == SUMM_TYPE_INT) {
                assert_true((double)get_int(ctx, o) == vals[k]);
                assert_int_equal(summ_set_int(ctx, o, (long long)vals[k]), SUMM_OK);
                assert_true((double)get_int(ctx, o) == vals[k]);
            }
        }
        assert_int_equal(summ_set_double(ctx, o, mid), SUMM_OK);
        set_fails(ctx, o, in->min - 1, SUMM_EINVAL, in->name);
        set_fails(ctx, o, in->max * 2 + 1, SUMM_EINVAL, in->name);
        set_fails(ctx, o, NAN, SUMM_EINVAL, in->name);
        if (in->type == SUMM_TYPE_INT) {
            assert_int_equal(summ_set_int(ctx, o, (long long)in->min - 1), SUMM_EINVAL);
            assert_non_null(strstr(summ_errmsg(ctx), in->name));
            assert_true(get_double(ctx, o) == mid);
        }
    }
    summ_free(ctx);
}

/* summ_option_info_at() lists every option once, stable ones first, and
 * summ_option_lookup() finds each by its name. */
static void
test_option_names(void **state)
{
    (void)state;
    const summ_option_info *in;
    size_t n = 0;
    bool experimental = false;
    for (size_t i = 0; (in = summ_option_info_at(i)); i++, n++) {
        assert_non_null(in->name);
        assert_non_null(in->doc);
        assert_true(in->doc[0] != '\0');
        assert_true(in->type == SUMM_TYPE_INT || in->type == SUMM_TYPE_REAL
                    || in->type == SUMM_TYPE_STRING);
        for (const char *c = in->name; *c; c++)
            assert_true((*c >= 'a' && *c <= 'z') || *c == '_');
        assert_ptr_equal(summ_option_info_get(in->option), in);
        assert_int_equal(summ_option_lookup(in->name), in->option);
        /* '-' for '_' */
        char dashed[64];
        snprintf(dashed, sizeof dashed, "%s", in->name);
        for (char *c = dashed; *c; c++)
            if (*c == '_')
                *c = '-';
        assert_int_equal(summ_option_lookup(dashed), in->option);
        /* stable options first; the experimental ones are numbered from 1000 */
        assert_int_equal(in->experimental != 0, (int)in->option >= 1000);
        if (experimental)
            assert_true(in->experimental);
        experimental = in->experimental != 0;
        for (size_t j = 0; j < i; j++) {
            const summ_option_info *other = summ_option_info_at(j);
            assert_int_not_equal(other->option, in->option);
            assert_string_not_equal(other->name, in->name);
        }
    }
    assert_int_equal(n, 12 + 41);  /* summarize.h's and summarize_experimental.h's */
    assert_null(summ_option_info_at(n));
    assert_null(summ_option_info_at((size_t)-1));
    assert_int_equal(summ_option_lookup("max_sentences"), SUMM_OPT_MAX_SENTENCES);
    assert_int_equal(summ_option_lookup("max-sentences"), SUMM_OPT_MAX_SENTENCES);
    assert_int_equal(summ_option_lookup("w_position"), SUMM_OPT_W_POSITION);
    assert_int_equal(summ_option_lookup("directed-backward"), SUMM_OPT_DIRECTED_BACKWARD);
    assert_int_equal(summ_option_lookup("language"), SUMM_OPT_LANGUAGE);
    assert_int_equal(summ_option_lookup("max_sentence"), 0);
    assert_int_equal(summ_option_lookup("max_sentencess"), 0);
    assert_int_equal(summ_option_lookup("max sentences"), 0);
    assert_int_equal(summ_option_lookup(""), 0);
    assert_int_equal(summ_option_lookup(NULL), 0);
    assert_int_equal(summ_option_info_get(SUMM_OPT_RATIO)->type, SUMM_TYPE_REAL);
    assert_int_equal(summ_option_info_get(SUMM_OPT_MAX_WORDS)->type, SUMM_TYPE_INT);
    assert_int_equal(summ_option_info_get(SUMM_OPT_DATA_DIR)->type, SUMM_TYPE_STRING);
    assert_int_equal(summ_option_info_get(SUMM_OPT_SIMILARITY)->type, SUMM_TYPE_INT);
}

/* Options apply to the calls made after they are set, on the same
 * context and its caches. */
static void
test_options_between_runs(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx();
    size_t len = strlen(TEST_ARTICLE);
    summ_result *res;
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 1), SUMM_OK);
    assert_int_equal(summ_run(ctx, TEST_ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 1);
    summ_result_free(res);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 5), SUMM_OK);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_REDUNDANCY, 1.0), SUMM_OK);
    assert_int_equal(summ_run(ctx, TEST_ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 5);
    assert_int_equal(summ_result_keyword_count(res), 0);
    summ_result_free(res);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 2), SUMM_OK);
    assert_int_equal(summ_run(ctx, TEST_ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_keyword_count(res), 2);
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_clone(void **state)
{
    (void)state;
    assert_int_equal(summ_clone(NULL, NULL), SUMM_EINVAL);
    summ_ctx *c = (summ_ctx *)1;
    assert_int_equal(summ_clone(NULL, &c), SUMM_EINVAL);
    assert_null(c);
    summ_ctx *ctx = new_ctx();
    assert_int_equal(summ_clone(ctx, NULL), SUMM_EINVAL);

    char lang[] = "en-US";
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 2), SUMM_OK);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 4), SUMM_OK);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, lang), SUMM_OK);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_DATA_DIR, "/nonexistent/summarize"),
                     SUMM_OK);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_W_POSITION, 1.5), SUMM_OK);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_SIMILARITY, SUMM_SIM_BM25), SUMM_OK);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_QUERY, "Regierung"), SUMM_OK);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_STOPWORDS, "jahr"), SUMM_OK);
    summ_result *a, *b;
    assert_int_equal(summ_run(ctx, GERMAN, strlen(GERMAN), &a), SUMM_OK);

    assert_int_equal(summ_clone(ctx, &c), SUMM_OK);
    assert_non_null(c);
    assert_ptr_not_equal(c, ctx);
    const summ_option_info *in;
    for (size_t i = 0; (in = summ_option_info_at(i)); i++) {
        if (in->type == SUMM_TYPE_STRING) {
            const char *x = get_string(ctx, in->option), *y = get_string(c, in->option);
            assert_string_equal(x, y);
            assert_ptr_not_equal(x, y);  /* a copy of its own */
        } else {
            assert_true(get_double(ctx, in->option) == get_double(c, in->option));
        }
    }
    /* the clone is independent: changing or freeing the original leaves it */
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 1), SUMM_OK);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "fr"), SUMM_OK);
    assert_int_equal(get_int(c, SUMM_OPT_MAX_SENTENCES), 2);
    summ_free(ctx);
    assert_string_equal(get_string(c, SUMM_OPT_LANGUAGE), "en-US");
    assert_int_equal(summ_run(c, GERMAN, strlen(GERMAN), &b), SUMM_OK);
    assert_string_equal(summ_result_language(b), "en");  /* the fixed language came along */
    assert_int_equal(summ_result_count(b), 2);
    assert_int_equal(summ_result_count(a), summ_result_count(b));
    for (size_t i = 0; i < summ_result_count(a); i++) {
        assert_int_equal(summ_result_at(a, i)->offset, summ_result_at(b, i)->offset);
        assert_true(summ_result_at(a, i)->score == summ_result_at(b, i)->score);
    }
    assert_int_equal(summ_result_keyword_count(a), summ_result_keyword_count(b));
    summ_result_free(a);
    summ_result_free(b);
    summ_free(c);
}

/* summ_clone() uses the original's allocator, and fails cleanly at each of
 * its allocations. */
static void
test_clone_alloc_failure(void **state)
{
    (void)state;
    bool done = false;
    for (long n = 0; !done && n < 1000; n++) {
        failing f = { .countdown = -1 };
        summ_allocator al = failing_allocator(&f);
        summ_ctx *ctx;
        assert_int_equal(summ_new(&al, &ctx), SUMM_OK);
        assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "de"), SUMM_OK);
        assert_int_equal(summ_set_string(ctx, SUMM_OPT_DATA_DIR, "/nonexistent/x"), SUMM_OK);
        assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 1), SUMM_OK);
        long live = f.live;
        f.countdown = n;
        summ_ctx *c = (summ_ctx *)1;
        summ_status st = summ_clone(ctx, &c);
        if (st != SUMM_OK) {
            assert_int_equal(st, SUMM_ENOMEM);
            assert_null(c);
            assert_int_equal(f.live, live);
        } else {
            done = f.countdown >= 0;
            assert_true(f.live > live);  /* allocated with ctx's allocator */
            assert_string_equal(get_string(c, SUMM_OPT_LANGUAGE), "de");
            assert_string_equal(get_string(c, SUMM_OPT_DATA_DIR), "/nonexistent/x");
            assert_int_equal(get_int(c, SUMM_OPT_MAX_SENTENCES), 1);
            summ_free(c);
            assert_int_equal(f.live, live);
        }
        summ_free(ctx);
        assert_int_equal(f.live, 0);
    }
    assert_true(done);
}

static void
test_reset_options(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx(), *fresh = new_ctx();
    summ_result *res;
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 1), SUMM_OK);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_RATIO, 0.9), SUMM_OK);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 3), SUMM_OK);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, "en"), SUMM_OK);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_DATA_DIR, "/nonexistent/x"), SUMM_OK);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_DAMPING, 0.5), SUMM_OK);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_W_TITLE, 3), SUMM_OK);
    assert_int_equal(summ_run(ctx, GERMAN, strlen(GERMAN), &res), SUMM_OK);
    assert_string_equal(summ_result_language(res), "en");
    assert_int_equal(summ_result_count(res), 1);
    summ_result_free(res);

    summ_reset_options(ctx);
    const summ_option_info *in;
    for (size_t i = 0; (in = summ_option_info_at(i)); i++) {
        if (in->type == SUMM_TYPE_STRING)
            assert_null(get_string(ctx, in->option));
        else
            assert_true(get_double(ctx, in->option) == get_double(fresh, in->option));
    }
    /* the language is detected again, and the defaults apply */
    summ_result *want;
    assert_int_equal(summ_run(ctx, GERMAN, strlen(GERMAN), &res), SUMM_OK);
    assert_int_equal(summ_run(fresh, GERMAN, strlen(GERMAN), &want), SUMM_OK);
    assert_string_equal(summ_result_language(res), "de");
    assert_int_equal(summ_result_count(res), 3);
    assert_int_equal(summ_result_keyword_count(res), 0);
    assert_int_equal(summ_result_count(res), summ_result_count(want));
    for (size_t i = 0; i < summ_result_count(res); i++) {
        assert_int_equal(summ_result_at(res, i)->offset, summ_result_at(want, i)->offset);
        assert_true(summ_result_at(res, i)->score == summ_result_at(want, i)->score);
    }
    summ_result_free(res);
    summ_result_free(want);
    summ_free(ctx);
    summ_free(fresh);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_new_errors),
        cmocka_unit_test(test_option_errors),
        cmocka_unit_test(test_option_round_trips),
        cmocka_unit_test(test_option_names),
        cmocka_unit_test(test_options_between_runs),
        cmocka_unit_test(test_clone),
        cmocka_unit_test(test_clone_alloc_failure),
        cmocka_unit_test(test_reset_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
