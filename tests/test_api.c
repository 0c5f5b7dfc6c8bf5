/* test_api.c - the public contract of summarize.h and
 * summarize_experimental.h: defaults, options (set, get, bounds, names,
 * clone, reset), every error path, NULL handling, ownership, summ_rank(),
 * span texts, keywords, formats, languages, allocation failure. */
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

static const char ARTICLE[] =
    "The city council approved a new budget for public libraries on Monday.\n\n"
    "The budget gives the libraries more money for books and longer opening hours.\n\n"
    "Council members said the libraries are used by thousands of residents every week.\n\n"
    "A local bakery also changed its opening hours.\n\n"
    "The new library budget takes effect next month, the council said.\n";

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
    assert_int_equal(summ_run(ctx, ARTICLE, strlen(ARTICLE), &res), SUMM_OK);
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
        assert_int_equal(summ_run(ctx, ARTICLE, strlen(ARTICLE), &res), SUMM_OK);
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
    size_t len = strlen(ARTICLE);
    summ_result *res;
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 1), SUMM_OK);
    assert_int_equal(summ_run(ctx, ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 1);
    summ_result_free(res);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 5), SUMM_OK);
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_REDUNDANCY, 1.0), SUMM_OK);
    assert_int_equal(summ_run(ctx, ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 5);
    assert_int_equal(summ_result_keyword_count(res), 0);
    summ_result_free(res);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 2), SUMM_OK);
    assert_int_equal(summ_run(ctx, ARTICLE, len, &res), SUMM_OK);
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

/* ---- running ---------------------------------------------------------------- */

static void
test_run_errors(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx();
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
    summ_ctx *ctx = new_ctx();
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
    summ_ctx *ctx = new_ctx();
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 2), SUMM_OK);
    summ_result *res;
    size_t len = strlen(ARTICLE);
    assert_int_equal(summ_run(ctx, ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 2);
    assert_int_equal(summ_result_sentences(res), 5);
    assert_string_equal(summ_result_language(res), "en");
    assert_int_equal(summ_result_warnings(res), 0);
    check_spans(ARTICLE, len, res);
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
    memcpy(copy, ARTICLE, len);
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
        assert_memory_equal(s->text, ARTICLE + s->offset, s->length);
    }
    summ_result_free(res2);
    summ_result_free(res);
}

static void
test_split(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx();
    summ_result *res;
    size_t len = strlen(ARTICLE);
    assert_int_equal(summ_split(ctx, ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 5);
    assert_int_equal(summ_result_sentences(res), 5);
    check_spans(ARTICLE, len, res);
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *s = summ_result_at(res, i);
        assert_int_equal(s->index, i);
        assert_true(s->score == 0);
        assert_int_equal(s->flags & SUMM_FLAG_SELECTED, 0);
        assert_true(s->flags & SUMM_FLAG_PARAGRAPH);  /* each its own paragraph */
    }
    const summ_span *s = summ_result_at(res, 3);
    assert_int_equal(s->index, 3);
    assert_memory_equal(ARTICLE + s->offset, "A local bakery also changed its opening hours.", s->length);
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
    size_t len = strlen(ARTICLE);
    for (long k = 1; k <= 5; k++) {
        summ_ctx *ctx = new_ctx();
        assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, k), SUMM_OK);
        assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 3), SUMM_OK);
        summ_result *run, *rank;
        assert_int_equal(summ_run(ctx, ARTICLE, len, &run), SUMM_OK);
        assert_int_equal(summ_rank(ctx, ARTICLE, len, &rank), SUMM_OK);
        assert_int_equal(summ_result_count(rank), 5);
        assert_int_equal(summ_result_sentences(rank), 5);
        assert_string_equal(summ_result_language(rank), summ_result_language(run));
        check_spans(ARTICLE, len, rank);
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
    summ_ctx *ctx = new_ctx();
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 5), SUMM_OK);
    summ_result *res;
    assert_int_equal(summ_run(ctx, ARTICLE, strlen(ARTICLE), &res), SUMM_OK);
    check_keywords(ARTICLE, strlen(ARTICLE), res, 5);
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
    size_t len = strlen(ARTICLE);

    /* more than the text has */
    static const test_opt many[] = {
        { SUMM_OPT_MAX_SENTENCES, 100, NULL }, { SUMM_OPT_REDUNDANCY, 1.0, NULL }, TEST_OPT_END
    };
    summ_ctx *ctx = new_ctx_opts(many);
    assert_int_equal(summ_run(ctx, ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 5);
    summ_result_free(res);
    summ_free(ctx);

    static const test_opt ratio[] = {
        /* ceil(0.4 * 5) = 2 */
        { SUMM_OPT_MAX_SENTENCES, 0, NULL }, { SUMM_OPT_RATIO, 0.4, NULL }, TEST_OPT_END
    };
    ctx = new_ctx_opts(ratio);
    assert_int_equal(summ_run(ctx, ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 2);
    summ_result_free(res);
    summ_free(ctx);

    static const test_opt words[] = {
        /* a budget below any sentence */
        { SUMM_OPT_MAX_SENTENCES, 0, NULL }, { SUMM_OPT_MAX_WORDS, 1, NULL }, TEST_OPT_END
    };
    ctx = new_ctx_opts(words);
    assert_int_equal(summ_run(ctx, ARTICLE, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 1);  /* still one sentence */
    summ_result_free(res);
    summ_free(ctx);

    /* no limit set at all: 3 sentences */
    static const test_opt none[] = { { SUMM_OPT_MAX_SENTENCES, 0, NULL }, TEST_OPT_END };
    ctx = new_ctx_opts(none);
    assert_int_equal(summ_run(ctx, ARTICLE, len, &res), SUMM_OK);
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
        summ_ctx *ctx = new_ctx();
        assert_int_equal(summ_set_int(ctx, SUMM_OPT_INPUT_FORMAT, fmt), SUMM_OK);
        summ_result *res;
        assert_int_equal(summ_run(ctx, ARTICLE, strlen(ARTICLE), &res), SUMM_OK);
        assert_int_equal(summ_result_format(res), SUMM_FORMAT_TEXT);
        check_spans(ARTICLE, strlen(ARTICLE), res);
        summ_result_free(res);
        assert_int_equal(summ_split(ctx, ARTICLE, strlen(ARTICLE), &res), SUMM_OK);
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
        summ_ctx *ctx = new_ctx();
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
    assert_int_equal(summ_run(ctx, ARTICLE, strlen(ARTICLE), &res), SUMM_OK);
    assert_true(summ_result_count(res) > 0);
    assert_true(summ_result_keyword_count(res) > 0);
    summ_result_free(res);
    summ_free(ctx);
    fail_every_allocation(ARTICLE, strlen(ARTICLE), kw);

    /* with string options, whose copies are allocations too */
    static const test_opt strings[] = {
        { SUMM_OPT_LANGUAGE, 0, "en-US" },
        { SUMM_OPT_DATA_DIR, 0, "/nonexistent/summarize-data" },
        { SUMM_OPT_MAX_KEYWORDS, 3, NULL },
        { SUMM_OPT_LANGUAGE, 0, "english" },  /* replacing a value */
        TEST_OPT_END
    };
    fail_every_allocation(ARTICLE, strlen(ARTICLE), strings);
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
