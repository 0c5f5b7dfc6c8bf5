/* test_robust.c - a defined answer for every bad input (issue 7): broken
 * encodings, NUL bytes, BOM and CRLF, limits larger than the text, huge and
 * degenerate texts generated in memory, mixed scripts, unreadable data
 * files, and allocation failure at every point for several inputs and
 * options. No timing asserts: tests/bench/pathological.sh prints timings.
 *
 * SUMM_TEST_SMALL=1 (set by the valgrind test setup) shrinks the generated
 * texts tenfold so the suite stays quick under valgrind; the shapes stay
 * the same. */
#define _DEFAULT_SOURCE 1  /* MAP_ANONYMOUS, MAP_NORESERVE, mkdtemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "summarize.h"
#include "testutil.h"
#include "fuzz/fuzz.h"

static size_t
scaled(size_t n)
{
    const char *s = getenv("SUMM_TEST_SMALL");
    return s && *s && strcmp(s, "0") != 0 ? n / 10 : n;
}

/* Is s[0 .. n) well-formed UTF-8 without NUL (what output must be)? By the
 * fuzz harness's reference validator, independent of the library's. */
static bool
valid_utf8(const char *s, size_t n)
{
    bool nul;
    return fuzz_first_bad(s, n, &nul) == (size_t)-1;
}

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The span invariants of any result: inside the text, in order, not
 * overlapping, trimmed, each a well-formed UTF-8 string. */
static void
check_spans(const char *text, size_t len, const summ_result *res)
{
    size_t prev_end = 0;
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *s = summ_result_at(res, i);
        assert_non_null(s);
        assert_true(s->length > 0);
        assert_true(s->offset >= prev_end);
        assert_true(s->offset + s->length <= len);
        assert_true(s->index < summ_result_sentences(res));
        assert_false(is_space(text[s->offset]));
        assert_false(is_space(text[s->offset + s->length - 1]));
        assert_true(valid_utf8(text + s->offset, s->length));
        assert_true(s->score >= 0 && s->score <= 1);
        prev_end = s->offset + s->length;
    }
}

static summ_ctx *
new_ctx(size_t max_sentences, double redundancy, const char *lang)
{
    summ_ctx *ctx = new_ctx_opts(NULL);
    if (max_sentences)
        assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, (long long)max_sentences),
                         SUMM_OK);
    if (redundancy > 0)
        assert_int_equal(summ_set_double(ctx, SUMM_OPT_REDUNDANCY, redundancy), SUMM_OK);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_LANGUAGE, lang), SUMM_OK);
    return ctx;
}

/* ---- encodings ---------------------------------------------------------- */

static const struct {
    const char *name;
    const char *text;
    size_t len;
    summ_status want;
    size_t offset;
} bad_inputs[] = {
#define T(name, s, st, off) { name, s, sizeof s - 1, st, off }
    T("Latin-1 e acute", "Caf\xe9 au lait.", SUMM_EUTF8, 3),
    T("Windows-1252 quotes", "He said \x93hi\x94.", SUMM_EUTF8, 8),
    T("lone continuation byte", "abc\x80", SUMM_EUTF8, 3),
    T("truncated at the end", "abcdefgh\xe2\x82", SUMM_EUTF8, 8),
    T("truncated before ASCII", "\xe2\x82z", SUMM_EUTF8, 0),
    T("overlong slash", "\xc0\xaf", SUMM_EUTF8, 0),
    T("overlong 3 bytes", "ok \xe0\x80\xaf", SUMM_EUTF8, 3),
    T("surrogate", "x\xed\xa0\x80", SUMM_EUTF8, 1),
    T("above U+10FFFF", "ab\xf4\x90\x80\x80", SUMM_EUTF8, 2),
    T("F5 lead byte", "\xf5\x80\x80\x80", SUMM_EUTF8, 0),
    T("FF byte", "Text \xff", SUMM_EUTF8, 5),
    T("UTF-16LE BOM", "\xff\xfeH\0i\0", SUMM_EUTF8, 0),
    T("bad byte past the ASCII fast path", "0123456789abcdefghij\x81", SUMM_EUTF8, 20),
    T("half a BOM", "\xef\xbb", SUMM_EUTF8, 0),
    T("NUL first", "\0abc", SUMM_EBINARY, 0),
    T("NUL in an ASCII run", "abcdefghijklmnop\0qrstuvwx", SUMM_EBINARY, 16),
    T("NUL last", "Text.\0", SUMM_EBINARY, 5),
    T("UTF-16 without BOM", "H\0e\0l\0l\0o\0", SUMM_EBINARY, 1),
    T("NUL before bad UTF-8", "a\0\xff", SUMM_EBINARY, 1),
    T("bad UTF-8 before NUL", "a\xff\0", SUMM_EUTF8, 1),
#undef T
};

static void
test_bad_encodings(void **state)
{
    (void)state;
    summ_ctx *ctx = new_ctx(0, 0, NULL);
    for (size_t i = 0; i < sizeof bad_inputs / sizeof *bad_inputs; i++) {
        summ_result *res = (summ_result *)1;
        char want[32];
        snprintf(want, sizeof want, "byte %zu", bad_inputs[i].offset);
        fprintf(stderr, "case: %s\n", bad_inputs[i].name);
        for (int split = 0; split < 2; split++) {
            summ_status st = split ? summ_split(ctx, bad_inputs[i].text, bad_inputs[i].len, &res)
                                   : summ_run(ctx, bad_inputs[i].text, bad_inputs[i].len, &res);
            assert_int_equal(st, bad_inputs[i].want);
            assert_null(res);
            assert_int_equal(summ_error_offset(ctx), bad_inputs[i].offset);
            assert_non_null(strstr(summ_errmsg(ctx), want));
        }
    }
    summ_free(ctx);
}

/* Valid but unusual: every one is accepted. */
static void
test_valid_edges(void **state)
{
    (void)state;
    static const char *const ok[] = {
        "\xef\xbb\xbf",                          /* BOM only */
        "\xef\xbb\xbf\xef\xbb\xbf",              /* two BOMs: the second is U+FEFF text */
        "\xf4\x8f\xbf\xbf.",                     /* U+10FFFF */
        "\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf",  /* the edges of each length */
        "\x7f\x01\x02\x1b[0m control characters.",
        "\xe2\x80\xa8\xe2\x80\xa9\xc2\xa0\xe3\x80\x80",  /* Unicode white space only */
        "...!?!...",
        "\xef\xbf\xbd\xef\xbf\xbd.",             /* replacement characters */
    };
    summ_ctx *ctx = new_ctx(0, 0, NULL);
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        size_t len = strlen(ok[i]);
        summ_result *res;
        assert_int_equal(summ_run(ctx, ok[i], len, &res), SUMM_OK);
        check_spans(ok[i], len, res);
        summ_result_free(res);
        assert_int_equal(summ_split(ctx, ok[i], len, &res), SUMM_OK);
        check_spans(ok[i], len, res);
        summ_result_free(res);
    }
    summ_free(ctx);
}

/* A BOM is skipped and CR LF is a newline: the same sentences as the plain
 * LF text, at offsets into the caller's own buffer. */
static void
test_bom_crlf(void **state)
{
    (void)state;
    static const char lf[] =
        "Heavy rain flooded the river town.\n\nThe river rose over its banks.\n\n"
        "Rain fell for three days.\n";
    static const char crlf[] =
        "\xef\xbb\xbfHeavy rain flooded the river town.\r\n\r\nThe river rose over its banks.\r\n"
        "\r\nRain fell for three days.\r\n";
    summ_ctx *ctx = new_ctx(0, 0, NULL);
    summ_result *a, *b;
    assert_int_equal(summ_split(ctx, lf, sizeof lf - 1, &a), SUMM_OK);
    assert_int_equal(summ_split(ctx, crlf, sizeof crlf - 1, &b), SUMM_OK);
    assert_int_equal(summ_result_count(a), 3);
    assert_int_equal(summ_result_count(b), 3);
    check_spans(crlf, sizeof crlf - 1, b);
    for (size_t i = 0; i < 3; i++) {
        const summ_span *x = summ_result_at(a, i), *y = summ_result_at(b, i);
        assert_int_equal(x->length, y->length);
        assert_memory_equal(lf + x->offset, crlf + y->offset, x->length);
    }
    assert_int_equal(summ_result_at(b, 0)->offset, 3);
    summ_result_free(a);
    summ_result_free(b);
    assert_int_equal(summ_run(ctx, crlf, sizeof crlf - 1, &b), SUMM_OK);
    check_spans(crlf, sizeof crlf - 1, b);
    assert_true(summ_result_count(b) >= 1);
    summ_result_free(b);
    summ_free(ctx);
}

/* Empty in every way: no sentence, SUMM_OK, for run and split. */
static void
test_empty_shapes(void **state)
{
    (void)state;
    static const char *const empty[] = {
        "", " ", "\n", "\r\n\r\n", "\t\f\v", "\xef\xbb\xbf\r\n",
        "\xc2\xa0\xe2\x80\x83\xe3\x80\x80",  /* no-break, em and ideographic spaces */
    };
    summ_ctx *ctx = new_ctx(0, 0, NULL);
    for (size_t i = 0; i < sizeof empty / sizeof *empty; i++) {
        summ_result *res;
        assert_int_equal(summ_run(ctx, empty[i], strlen(empty[i]), &res), SUMM_OK);
        assert_int_equal(summ_result_count(res), 0);
        assert_int_equal(summ_result_sentences(res), 0);
        summ_result_free(res);
        assert_int_equal(summ_split(ctx, empty[i], strlen(empty[i]), &res), SUMM_OK);
        assert_int_equal(summ_result_count(res), 0);
        summ_result_free(res);
    }
    summ_free(ctx);
}

/* The size limit is checked before a byte is read: a reserved, never
 * touched mapping one byte larger than the limit stands in for the text. */
static void
test_too_big(void **state)
{
    (void)state;
    size_t len = SUMM_MAX_INPUT + 1;
    void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        skip();
        return;
    }
    summ_ctx *ctx = new_ctx(0, 0, NULL);
    summ_result *res = (summ_result *)1;
    assert_int_equal(summ_run(ctx, p, len, &res), SUMM_ETOOBIG);
    assert_null(res);
    assert_non_null(strstr(summ_errmsg(ctx), "larger than the limit"));
    assert_int_equal(summ_split(ctx, p, len, &res), SUMM_ETOOBIG);
    assert_int_equal(summ_run(ctx, p, len, &res), SUMM_ETOOBIG);
    munmap(p, len);
    summ_free(ctx);
}

/* ---- limits larger than the text, degenerate texts ---------------------- */

static void
test_limits_beyond_text(void **state)
{
    (void)state;
    static const char text[] = "Cats sleep all day. Dogs bark at night.";
    /* the largest values the options take: far more than the text has */
    summ_ctx *ctx = new_ctx_opts(NULL);
    static const summ_option big[] = { SUMM_OPT_MAX_SENTENCES, SUMM_OPT_MAX_WORDS,
                                       SUMM_OPT_MAX_KEYWORDS /* must not become a huge
                                                                allocation */ };
    for (size_t i = 0; i < sizeof big / sizeof *big; i++) {
        double max = summ_option_info_get(big[i])->max;
        assert_true(max >= 4294967296.0);  /* beyond any count of 32 bits */
        assert_int_equal(summ_set_double(ctx, big[i], max), SUMM_OK);
        assert_int_equal(summ_set_int(ctx, big[i], (long long)max), SUMM_OK);
        long long v;
        assert_int_equal(summ_get_int(ctx, big[i], &v), SUMM_OK);
        assert_true((double)v == max);
        /* past it: refused, the value kept */
        assert_int_equal(summ_set_int(ctx, big[i], LLONG_MAX), SUMM_EINVAL);
        assert_int_equal(summ_get_int(ctx, big[i], &v), SUMM_OK);
        assert_true((double)v == max);
    }
    assert_int_equal(summ_set_double(ctx, SUMM_OPT_REDUNDANCY, 1.0), SUMM_OK);
    summ_result *res;
    assert_int_equal(summ_run(ctx, text, sizeof text - 1, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 2);
    check_spans(text, sizeof text - 1, res);
    assert_true(summ_result_keyword_count(res) <= 8);
    summ_result_free(res);
    summ_free(ctx);
}

/* Fill buf (n bytes) with copies of unit; returns n rounded down to whole
 * units. */
static char *
repeat(const char *unit, size_t times, size_t *len)
{
    size_t u = strlen(unit);
    char *buf = malloc(u * times + 1);
    assert_non_null(buf);
    for (size_t i = 0; i < times; i++)
        memcpy(buf + i * u, unit, u);
    *len = u * times;
    buf[*len] = '\0';
    return buf;
}

/* One run and one split: the invariants hold, and the count of sentences
 * is what the shape of the text says. */
static void
run_shape(const char *text, size_t len, size_t want_sentences, size_t want_picked)
{
    summ_ctx *ctx = new_ctx(3, 0, NULL);
    summ_result *res;
    assert_int_equal(summ_run(ctx, text, len, &res), SUMM_OK);
    check_spans(text, len, res);
    if (want_sentences != (size_t)-1)
        assert_int_equal(summ_result_sentences(res), want_sentences);
    if (want_picked != (size_t)-1)
        assert_int_equal(summ_result_count(res), want_picked);
    summ_result_free(res);
    assert_int_equal(summ_split(ctx, text, len, &res), SUMM_OK);
    check_spans(text, len, res);
    if (want_sentences != (size_t)-1)
        assert_int_equal(summ_result_count(res), want_sentences);
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_long_line(void **state)
{
    (void)state;
    /* 10 MB of words, no punctuation, no newline: one sentence, verbatim
     * (trimmed of the final space) */
    size_t len;
    char *t = repeat("word ", scaled(10 * 1024 * 1024 / 5), &len);
    summ_ctx *ctx = new_ctx(0, 0, NULL);
    summ_result *res;
    assert_int_equal(summ_run(ctx, t, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 1);
    assert_int_equal(summ_result_at(res, 0)->offset, 0);
    assert_int_equal(summ_result_at(res, 0)->length, len - 1);
    summ_result_free(res);
    summ_free(ctx);
    free(t);
}

static void
test_many_tiny_sentences(void **state)
{
    (void)state;
    size_t n = scaled(1000000), len;
    char *t = repeat("A b. ", n, &len);
    /* identical sentences: redundancy keeps only one in the summary */
    run_shape(t, len, n, 1);
    free(t);
}

static void
test_identical_sentences(void **state)
{
    (void)state;
    size_t n = scaled(50000), len;
    char *t = repeat("The same sentence is here again. ", n, &len);
    run_shape(t, len, n, 1);
    /* with the redundancy filter off, the limit applies */
    summ_ctx *ctx = new_ctx(3, 1.0, NULL);
    summ_result *res;
    assert_int_equal(summ_run(ctx, t, len, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 3);
    check_spans(t, len, res);
    summ_result_free(res);
    summ_free(ctx);
    free(t);
}

static void
test_huge_word(void **state)
{
    (void)state;
    size_t n = scaled(3 * 1024 * 1024), len;
    char *t = malloc(n + 16);
    assert_non_null(t);
    memset(t, 'x', n);
    memcpy(t + n, ". The end.", 10);
    len = n + 10;
    run_shape(t, len, 2, (size_t)-1);
    /* the same in two-byte letters */
    char *u = repeat("\xc3\xa9", n / 2, &len);
    run_shape(u, len, 1, 1);
    free(u);
    free(t);
}

static void
test_deep_brackets(void **state)
{
    (void)state;
    size_t n = scaled(500000);
    char *t = malloc(2 * n + 8);
    assert_non_null(t);
    memset(t, '(', n);
    memcpy(t + n, "deep", 4);
    memset(t + n + 4, ')', n);
    t[2 * n + 4] = '.';
    run_shape(t, 2 * n + 5, 1, 1);
    /* unbalanced and mixed */
    size_t len;
    char *u = repeat("[{(\"\xe2\x80\x9c\xc2\xab Nested. ", scaled(100000), &len);
    run_shape(u, len, (size_t)-1, (size_t)-1);
    free(u);
    free(t);
}

static void
test_punctuation_only(void **state)
{
    (void)state;
    size_t len;
    char *t = repeat(".", scaled(1000000), &len);
    run_shape(t, len, 1, 1);
    free(t);
    t = repeat("\n", scaled(1000000), &len);
    run_shape(t, len, 0, 0);
    free(t);
    t = repeat("?! ", scaled(300000), &len);
    run_shape(t, len, (size_t)-1, (size_t)-1);
    free(t);
}

/* Scripts and emoji side by side: whatever the sentences, the spans start
 * and end on character boundaries. */
static void
test_mixed_scripts(void **state)
{
    (void)state;
    static const char unit[] =
        "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xd0\xbc\xd0\xb8\xd1\x80. "  /* Привет, мир. */
        "\xe4\xbd\xa0\xe5\xa5\xbd\xe4\xb8\x96\xe7\x95\x8c\xe3\x80\x82"                  /* 你好世界。 */
        "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7\xd8\x9f "                             /* مرحبا؟ */
        "Emoji \xf0\x9f\x99\x82\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd here! "                  /* 🙂👍🏽 */
        "\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87\xe0\xa5\xa4 "  /* नमस्ते। */
        "e\xcc\x81t\xc3\xa9 Z\xcd\xa7\xcd\xa8\xcc\x88" "algo. "                             /* combining marks */
        "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7" " family.\n"; /* ZWJ */
    size_t len;
    char *t = repeat(unit, scaled(20000), &len);
    run_shape(t, len, (size_t)-1, (size_t)-1);
    for (const char *const *l = summ_languages(); *l; l++) {
        summ_ctx *ctx = new_ctx(0, 0, *l);
        summ_result *res;
        assert_int_equal(summ_run(ctx, unit, sizeof unit - 1, &res), SUMM_OK);
        check_spans(unit, sizeof unit - 1, res);
        summ_result_free(res);
        summ_free(ctx);
    }
    free(t);
    /* each sentence of the unit alone, in the CJK and Devanagari scripts too */
    summ_ctx *ctx = new_ctx(0, 0, NULL);
    summ_result *res;
    assert_int_equal(summ_split(ctx, unit, sizeof unit - 1, &res), SUMM_OK);
    assert_true(summ_result_count(res) >= 5);
    summ_result_free(res);
    summ_free(ctx);
}

/* ---- data files --------------------------------------------------------- */

static void
test_unreadable_data_dir(void **state)
{
    (void)state;
    char dir[] = "/tmp/summ-robust-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/en.txt", dir);
    assert_int_equal(mkdir(path, 0700), 0);  /* a directory where a list should be */

    test_opt o[] = { { SUMM_OPT_LANGUAGE, 0, "en" }, { SUMM_OPT_DATA_DIR, 0, dir },
                     TEST_OPT_END };
    summ_ctx *ctx = new_ctx_opts(o);
    summ_result *res = (summ_result *)1;
    assert_int_equal(summ_run(ctx, "Some text here.", 15, &res), SUMM_EDATA);
    assert_null(res);
    assert_non_null(strstr(summ_errmsg(ctx), "en.txt"));
    /* the same context, still usable: summ_split() fails the same way */
    res = (summ_result *)1;
    assert_int_equal(summ_split(ctx, "Some text here.", 15, &res), SUMM_EDATA);
    assert_null(res);

    /* a directory that does not exist: the built-in lists, no error (on
     * the same context: the lists are looked for again) */
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_DATA_DIR, "/nonexistent/summarize-data"),
                     SUMM_OK);
    assert_int_equal(summ_run(ctx, "Some text here.", 15, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 1);
    summ_result_free(res);
    summ_free(ctx);
    o[1].string = "/nonexistent/summarize-data";
    ctx = new_ctx_opts(o);
    assert_int_equal(summ_run(ctx, "Some text here.", 15, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 1);
    summ_result_free(res);
    summ_free(ctx);
    rmdir(path);
    rmdir(dir);
}

static const char NEWS[] =
    "Flood warning for the river town\n\n"
    "Heavy rain flooded the river town on Monday, officials said.\n\n"
    "The river rose over its banks after three days of rain. Dr. Lee said the "
    "water would fall by Friday.\n\n"
    "- Schools are closed.\n- Roads are closed.\n\n"
    "Advertisement\n\n"
    "\xe2\x80\x9cWe have never seen rain like this,\xe2\x80\x9d a resident said. "
    "The town\xe2\x80\x99s mayor asked for help.\n";

static void
test_oom_options(void **state)
{
    (void)state;
    static const test_opt scoring[] = {
        { SUMM_OPT_MAX_KEYWORDS, 10, NULL }, { SUMM_OPT_W_TITLE, 1.0, NULL },
        { SUMM_OPT_W_CENTROID, 0.5, NULL }, { SUMM_OPT_W_TFIDF, 0.5, NULL },
        { SUMM_OPT_W_LENGTH, 0.5, NULL }, TEST_OPT_END
    };
    fail_every_allocation(NEWS, sizeof NEWS - 1, scoring);

    static const test_opt limits[] = {
        { SUMM_OPT_RATIO, 0.5, NULL }, { SUMM_OPT_MAX_WORDS, 30, NULL },
        { SUMM_OPT_REDUNDANCY, 1.0, NULL }, TEST_OPT_END
    };
    fail_every_allocation(NEWS, sizeof NEWS - 1, limits);
}

static void
test_oom_languages(void **state)
{
    (void)state;
    static const char *const langs[] = { "none", "auto" };
    for (size_t i = 0; i < 2; i++) {
        const test_opt o[] = { { SUMM_OPT_LANGUAGE, 0, langs[i] },
                               { SUMM_OPT_MAX_KEYWORDS, 3, NULL }, TEST_OPT_END };
        fail_every_allocation(NEWS, sizeof NEWS - 1, o);
    }
    for (const char *const *l = summ_languages(); *l; l++) {
        const test_opt o[] = { { SUMM_OPT_LANGUAGE, 0, *l },
                               { SUMM_OPT_MAX_KEYWORDS, 3, NULL }, TEST_OPT_END };
        fail_every_allocation(NEWS, sizeof NEWS - 1, o);
    }
}

static void
test_oom_big_input(void **state)
{
    (void)state;
    /* big enough for several arena blocks, array doublings and a lexicon
     * that grows: numbered words make most sentences distinct */
    size_t n = scaled(3000), len = 0, cap = n * 64;
    char *t = malloc(cap);
    assert_non_null(t);
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(t + len, cap - len, "Ward%zu counted vote%zu again. ",
                                i % 97, i);
    static const test_opt kw[] = { { SUMM_OPT_MAX_KEYWORDS, 5, NULL }, TEST_OPT_END };
    fail_every_allocation(t, len, kw);
    free(t);
}

int
main(void)
{
    tap_skips_as_skips();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_encodings),
        cmocka_unit_test(test_valid_edges),
        cmocka_unit_test(test_bom_crlf),
        cmocka_unit_test(test_empty_shapes),
        cmocka_unit_test(test_too_big),
        cmocka_unit_test(test_limits_beyond_text),
        cmocka_unit_test(test_long_line),
        cmocka_unit_test(test_many_tiny_sentences),
        cmocka_unit_test(test_identical_sentences),
        cmocka_unit_test(test_huge_word),
        cmocka_unit_test(test_deep_brackets),
        cmocka_unit_test(test_punctuation_only),
        cmocka_unit_test(test_mixed_scripts),
        cmocka_unit_test(test_unreadable_data_dir),
        cmocka_unit_test(test_oom_options),
        cmocka_unit_test(test_oom_languages),
        cmocka_unit_test(test_oom_big_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
