/* test_json.c - the CLI's JSON reader (json_parse_record) and writer
 * (json_write_string), table-driven. Every line is handed to the parser in
 * a heap buffer of exactly its length, so a sanitizer build catches any
 * read past the end. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json.h"

/* An expected outcome: ok with this id and text, or an error message
 * containing err (and, if id is set, still the id). NULL id = no id. */
typedef struct rcase {
    const char *line;
    size_t len;          /* 0: strlen(line) */
    const char *err;     /* NULL: must succeed */
    const char *id;      /* the id's JSON text, as given */
    const char *text;    /* decoded text (when ok) */
    size_t textlen;      /* 0: strlen(text) */
} rcase;

#define L(s) s, sizeof(s) - 1

static const rcase cases[] = {
    /* good records */
    { L("{\"id\":1,\"text\":\"a\"}"), NULL, "1", "a", 0 },
    { L("{\"text\":\"a\",\"id\":\"x\"}"), NULL, "\"x\"", "a", 0 },
    { L("{\"id\":-1.5e+3,\"text\":\"\"}"), NULL, "-1.5e+3", "", 0 },
    { L("{\"id\":0,\"text\":\"b\"}"), NULL, "0", "b", 0 },
    { L("{\"id\":2.25E-2,\"text\":\"b\"}"), NULL, "2.25E-2", "b", 0 },
    { L("  {\"id\" : 7 ,\t\"text\" : \"b\" }  \r"), NULL, "7", "b", 0 },
    { L("{\"text\":\"no id\"}"), NULL, NULL, "no id", 0 },
    { L("{\"id\":\"x\\\"y\",\"text\":\"t\"}"), NULL, "\"x\\\"y\"", "t", 0 },
    { L("{\"id\":\"caf\\u00e9\",\"text\":\"t\"}"), NULL, "\"caf\\u00e9\"", "t", 0 },
    { L("{\"text\":\"\\u00e9\\u4e2d\\ud83d\\ude00\"}"), NULL, NULL,
      "\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80", 0 },
    { L("{\"text\":\"\\uD83D\\uDE00\"}"), NULL, NULL, "\xf0\x9f\x98\x80", 0 },
    { L("{\"text\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}"), NULL, NULL, "\"\\/\b\f\n\r\t", 0 },
    { L("{\"text\":\"raw \xc3\xa9 \xe2\x80\x99 \xf0\x9f\x98\x80\"}"), NULL, NULL,
      "raw \xc3\xa9 \xe2\x80\x99 \xf0\x9f\x98\x80", 0 },
    { L("{\"text\":\"a\\u0000b\"}"), NULL, NULL, "a\0b", 3 },
    { L("{\"text\":\"x\",\"other\":{\"a\":[1,2,{\"b\":null}],\"c\":true,\"d\":false,\"e\":[]}}"),
      NULL, NULL, "x", 0 },
    { L("{\"\\u0069d\":5,\"text\":\"x\"}"), NULL, "5", "x", 0 },   /* escaped key is "id" */
    { L("{\"ids\":5,\"texts\":1,\"text\":\"x\"}"), NULL, NULL, "x", 0 },
    { L("{\"t\\u0065xt\":\"x\"}"), NULL, NULL, "x", 0 },

    /* blank and not an object */
    { L(""), "blank line", NULL, NULL, 0 },
    { L("  \t\r"), "blank line", NULL, NULL, 0 },
    { L("[1]"), "expected '{'", NULL, NULL, 0 },
    { L("\"text\""), "expected '{'", NULL, NULL, 0 },
    { L("{}"), "no \"text\"", NULL, NULL, 0 },

    /* structure */
    { L("{\"text\":\"x\"} x"), "trailing characters", NULL, NULL, 0 },
    { L("{\"text\":\"x\"}{}"), "trailing characters", NULL, NULL, 0 },
    { L("{\"text\":\"x\",}"), "expected a string key", NULL, NULL, 0 },
    { L("{,\"text\":\"x\"}"), "expected a string key", NULL, NULL, 0 },
    { L("{\"text\":\"x\""), "expected ',' or '}'", NULL, NULL, 0 },
    { L("{\"text\" \"x\"}"), "expected ':'", NULL, NULL, 0 },
    { L("{text:\"x\"}"), "expected a string key", NULL, NULL, 0 },
    { L("{'text':'x'}"), "expected a string key", NULL, NULL, 0 },
    { L("{\"text\":\"x\" /* c */}"), "expected ',' or '}'", NULL, NULL, 0 },
    { L("{\"x\":[1,],\"text\":\"a\"}"), "expected a value", NULL, NULL, 0 },
    { L("{\"x\":[1 2],\"text\":\"a\"}"), "expected ',' or ']'", NULL, NULL, 0 },
    { L("{\"x\":tru,\"text\":\"a\"}"), "expected a value", NULL, NULL, 0 },
    { L("{\"x\":nul"), "expected a value", NULL, NULL, 0 },
    { L("{\"x\":NaN,\"text\":\"a\"}"), "expected a value", NULL, NULL, 0 },
    { L("{\"text\":\"a\"}\0"), "trailing characters", NULL, NULL, 0 },

    /* strings */
    { L("{\"text\":\"abc"), "unterminated string", NULL, NULL, 0 },
    { L("{\"text\":\"abc\\"), "unterminated string", NULL, NULL, 0 },
    { L("{\"text\":\"a\x01z\"}"), "control character", NULL, NULL, 0 },
    { L("{\"text\":\"a\tz\"}"), "control character", NULL, NULL, 0 },
    { L("{\"text\":\"a\0z\"}"), "control character", NULL, NULL, 0 },
    { L("{\"text\":\"\xff\"}"), "invalid UTF-8", NULL, NULL, 0 },
    { L("{\"text\":\"\xc3\"}"), "invalid UTF-8", NULL, NULL, 0 },          /* truncated */
    { L("{\"text\":\"\xc0\x80\"}"), "invalid UTF-8", NULL, NULL, 0 },      /* overlong */
    { L("{\"text\":\"\xe0\x80\xaf\"}"), "invalid UTF-8", NULL, NULL, 0 },  /* overlong */
    { L("{\"text\":\"\xed\xa0\x80\"}"), "invalid UTF-8", NULL, NULL, 0 },  /* surrogate */
    { L("{\"text\":\"\xf4\x90\x80\x80\"}"), "invalid UTF-8", NULL, NULL, 0 }, /* > U+10FFFF */
    { L("{\"x\":\"\xff\",\"text\":\"a\"}"), "invalid UTF-8", NULL, NULL, 0 },  /* ignored member too */
    { L("{\"text\":\"\\ud800\"}"), "without a low one", NULL, NULL, 0 },
    { L("{\"text\":\"\\ud800x\"}"), "without a low one", NULL, NULL, 0 },
    { L("{\"text\":\"\\ud800\\u0041\"}"), "without a low one", NULL, NULL, 0 },
    { L("{\"text\":\"\\ud800\\ud800\"}"), "without a low one", NULL, NULL, 0 },
    { L("{\"text\":\"\\udc00\"}"), "lone low surrogate", NULL, NULL, 0 },
    { L("{\"text\":\"\\u12G4\"}"), "bad hex digit", NULL, NULL, 0 },
    { L("{\"text\":\"\\u12\"}"), "bad hex digit", NULL, NULL, 0 },
    { L("{\"text\":\"\\u12"), "truncated \\u escape", NULL, NULL, 0 },
    { L("{\"text\":\"\\x\"}"), "invalid escape", NULL, NULL, 0 },
    { L("{\"text\":\"\\'\"}"), "invalid escape", NULL, NULL, 0 },

    /* numbers */
    { L("{\"id\":01,\"text\":\"x\"}"), "expected ',' or '}'", NULL, NULL, 0 },
    { L("{\"id\":-,\"text\":\"x\"}"), "expected a digit", NULL, NULL, 0 },
    { L("{\"id\":+1,\"text\":\"x\"}"), "expected a value", NULL, NULL, 0 },
    { L("{\"id\":1.,\"text\":\"x\"}"), "after '.'", NULL, NULL, 0 },
    { L("{\"id\":.5,\"text\":\"x\"}"), "expected a value", NULL, NULL, 0 },
    { L("{\"id\":1e,\"text\":\"x\"}"), "exponent", NULL, NULL, 0 },
    { L("{\"id\":0x10,\"text\":\"x\"}"), "expected ',' or '}'", NULL, NULL, 0 },

    /* what the record holds; the id is kept when it came first */
    { L("{\"id\":5}"), "no \"text\"", "5", NULL, 0 },
    { L("{\"id\":true,\"text\":\"x\"}"), "\"id\" must be a string or a number", NULL, NULL, 0 },
    { L("{\"id\":null,\"text\":\"x\"}"), "\"id\" must be a string or a number", NULL, NULL, 0 },
    { L("{\"id\":[1],\"text\":\"x\"}"), "\"id\" must be a string or a number", NULL, NULL, 0 },
    { L("{\"id\":42,\"text\":5}"), "\"text\" must be a string", "42", NULL, 0 },
    { L("{\"id\":42,\"text\":null}"), "\"text\" must be a string", "42", NULL, 0 },
    { L("{\"id\":1,\"id\":2,\"text\":\"x\"}"), "duplicate \"id\"", "1", NULL, 0 },
    { L("{\"text\":\"a\",\"text\":\"b\"}"), "duplicate \"text\"", NULL, NULL, 0 },
    { L("{\"id\":\"k\",\"text\":\"a\" ,"), "expected a string key", "\"k\"", NULL, 0 },
};

static char *
heap_copy(const char *s, size_t n)
{
    char *p = malloc(n ? n : 1);
    assert_non_null(p);
    memcpy(p, s, n);
    return p;
}

static void
test_records(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const rcase *c = &cases[i];
        char *line = heap_copy(c->line, c->len);
        json_record rec;
        char err[200];
        int r = json_parse_record(line, c->len, &rec, err, sizeof err);
        if (c->err) {
            if (r != -1 || !strstr(err, c->err))
                fail_msg("case %zu (%s): want error '%s', got %d '%s'", i, c->line, c->err, r,
                         err);
        } else {
            if (r != 0)
                fail_msg("case %zu (%s): want success, got '%s'", i, c->line, err);
            size_t tl = c->textlen ? c->textlen : strlen(c->text);
            assert_non_null(rec.text);
            assert_int_equal(rec.textlen, tl);
            assert_memory_equal(rec.text, c->text, tl);
            assert_int_equal(rec.text[tl], '\0');
        }
        if (c->id) {
            if (!rec.id || rec.idlen != strlen(c->id) || memcmp(rec.id, c->id, rec.idlen) != 0)
                fail_msg("case %zu (%s): want id %s, got %.*s", i, c->line, c->id,
                         (int)rec.idlen, rec.id ? rec.id : "(none)");
        } else if (r == 0) {
            assert_null(rec.id);
        }
        json_record_free(&rec);
        free(line);
    }
}

/* Nesting is bounded: JSON_MAX_DEPTH levels inside the record are fine,
 * one more is an error, and a million is an error, not a stack overflow. */
static void
test_depth(void **state)
{
    (void)state;
    size_t depths[] = { JSON_MAX_DEPTH, JSON_MAX_DEPTH + 1, 1000000 };
    for (size_t k = 0; k < 3; k++) {
        size_t d = depths[k];
        size_t len = 2 * d + 32;
        char *buf = malloc(len);
        assert_non_null(buf);
        size_t n = 0;
        n += (size_t)sprintf(buf + n, "{\"x\":");
        for (size_t i = 0; i < d; i++)
            buf[n++] = '[';
        for (size_t i = 0; i < d; i++)
            buf[n++] = ']';
        n += (size_t)sprintf(buf + n, ",\"text\":\"a\"}");
        char *line = heap_copy(buf, n);
        json_record rec;
        char err[200];
        int r = json_parse_record(line, n, &rec, err, sizeof err);
        if (d <= JSON_MAX_DEPTH) {
            assert_int_equal(r, 0);
        } else {
            assert_int_equal(r, -1);
            assert_non_null(strstr(err, "nested deeper"));
        }
        json_record_free(&rec);
        free(line);
        free(buf);
    }
}

/* Every prefix of a good record is an error (and reads nothing past it). */
static void
test_prefixes(void **state)
{
    (void)state;
    static const char good[] =
        "{\"id\":\"a\\u00e9\\ud83d\\ude00\",\"x\":[1.5e3,{\"y\":null},true],\"text\":\"z\\n\"}";
    for (size_t n = 0; n + 1 < sizeof good; n++) {
        char *line = heap_copy(good, n);
        json_record rec;
        char err[200];
        assert_int_equal(json_parse_record(line, n, &rec, err, sizeof err), -1);
        assert_true(err[0] != '\0');
        json_record_free(&rec);
        free(line);
    }
    json_record rec;
    char err[200];
    char *line = heap_copy(good, sizeof good - 1);
    assert_int_equal(json_parse_record(line, sizeof good - 1, &rec, err, sizeof err), 0);
    json_record_free(&rec);
    free(line);
}

/* A tiny or absent error buffer is never overrun. */
static void
test_small_err(void **state)
{
    (void)state;
    json_record rec;
    char err[4] = "zzz";
    assert_int_equal(json_parse_record("{\"text\":1}", 10, &rec, err, sizeof err), -1);
    assert_int_equal(strlen(err), 3);
    json_record_free(&rec);
    assert_int_equal(json_parse_record("[", 1, &rec, NULL, 0), -1);
    json_record_free(&rec);
    assert_int_equal(json_parse_record(NULL, 0, &rec, err, sizeof err), -1);
    json_record_free(&rec);
    json_record_free(NULL);
}

static char *
written(const char *s, size_t n)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    json_write_string(f, s, n);
    assert_int_equal(fclose(f), 0);
    return out;
}

static void
test_write(void **state)
{
    (void)state;
    struct { const char *in; size_t n; const char *out; } w[] = {
        { "plain", 5, "\"plain\"" },
        { "q\"b\\s/", 6, "\"q\\\"b\\\\s/\"" },
        { "\n\t\r\b\f\x01\x1f", 7, "\"\\n\\t\\r\\b\\f\\u0001\\u001f\"" },
        { "a\0b", 3, "\"a\\u0000b\"" },
        { "\xc3\xa9\xf0\x9f\x98\x80", 6, "\"\xc3\xa9\xf0\x9f\x98\x80\"" },
        { "x\xffy", 3, "\"x\\ufffdy\"" },
        { "\xc3", 1, "\"\\ufffd\"" },
        { "\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\"" },
    };
    for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
        char *out = written(w[i].in, w[i].n);
        assert_string_equal(out, w[i].out);
        free(out);
    }
}

/* A string longer than the writer's buffer, with multi-byte characters,
 * escapes and bad bytes at every offset around the buffer's end, is
 * written as the same string escaped in one piece would be; that is the
 * escaping of test_write character by character. */
static void
test_write_long(void **state)
{
    (void)state;
    const char *pieces[] = { "a", "\xc3\xa9", "\xf0\x9f\x98\x80", "\"", "\n", "\x01", "\xff" };
    const char *escaped[] = { "a", "\xc3\xa9", "\xf0\x9f\x98\x80", "\\\"", "\\n", "\\u0001",
                              "\\ufffd" };
    for (size_t shift = 0; shift < 9; shift++) {
        for (size_t k = 0; k < sizeof pieces / sizeof *pieces; k++) {
            /* shift + 600 copies of piece k after 3000 plain bytes: the
             * 4096-byte buffer fills inside the copies */
            size_t reps = shift + 600, plen = strlen(pieces[k]), elen = strlen(escaped[k]);
            size_t n = 3000 + reps * plen;
            char *in = malloc(n), *want = malloc(3000 + reps * elen + 3);
            assert_non_null(in);
            assert_non_null(want);
            memset(in, 'x', 3000);
            want[0] = '"';
            memset(want + 1, 'x', 3000);
            for (size_t r = 0; r < reps; r++) {
                memcpy(in + 3000 + r * plen, pieces[k], plen);
                memcpy(want + 3001 + r * elen, escaped[k], elen);
            }
            strcpy(want + 3001 + reps * elen, "\"");
            char *out = written(in, n);
            assert_string_equal(out, want);
            char *buf = malloc(JSON_ESCAPED_MAX(n));
            assert_non_null(buf);
            size_t m = json_escape_string(buf, in, n);
            assert_int_equal(m, strlen(want));
            assert_memory_equal(buf, want, m);
            free(buf);
            free(out);
            free(in);
            free(want);
        }
    }
}

/* Numbers are written as printf writes them: %zu, and %.4f for every
 * score (including halves, which printf rounds by the exact binary value,
 * and what is not a score at all). */
static void
test_numbers(void **state)
{
    (void)state;
    char a[JSON_NUM_MAX + 1], b[JSON_NUM_MAX + 1];
    size_t sizes[] = { 0, 1, 9, 10, 99, 100, 12345, 4294967295u, 4294967296u, SIZE_MAX };
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        size_t n = json_fmt_size(a, sizes[i]);
        a[n] = '\0';
        snprintf(b, sizeof b, "%zu", sizes[i]);
        assert_string_equal(a, b);
    }
    double fixed[] = { 0, 1, 0.5, 0.00005, 0.00015, 0.00025, 0.12345, 0.99995, 0.999949999,
                       1e-9, 1e-300, 0.3, 2.5, 123.45675, 1e14, 1e16, 1e300, -0.5, -0.0,
                       0.0001 * 3, 1.0 / 3, NAN, INFINITY, -INFINITY };
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
        size_t n = json_fmt_fixed4(a, fixed[i]);
        a[n] = '\0';
        snprintf(b, sizeof b, "%.4f", fixed[i]);
        if (strcmp(a, b) != 0)
            fail_msg("%.17g: %s, printf says %s", fixed[i], a, b);
    }
    /* every multiple of 1/20000 (the halves) and many values between */
    unsigned long long x = 88172645463325252ull;
    for (int i = 0; i < 200000; i++) {
        double v;
        if (i < 40001) {
            v = i / 20000.0;
        } else {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            v = (double)(x >> 11) / 9007199254740992.0 * (i % 2 ? 1.0 : 1000.0);
        }
        size_t n = json_fmt_fixed4(a, v);
        a[n] = '\0';
        snprintf(b, sizeof b, "%.4f", v);
        if (strcmp(a, b) != 0)
            fail_msg("%.17g: %s, printf says %s", v, a, b);
    }
}

/* What the writer makes, the reader reads back as it was. */
static void
test_round_trip(void **state)
{
    (void)state;
    const char *texts[] = {
        "", "a", "line\nbreak \"quoted\" back\\slash", "\x01\x02\x1f\x7f",
        "caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80", "a\0b",
    };
    size_t lens[] = { 0, 0, 0, 0, 0, 3 };  /* 0: strlen */
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        if (!lens[i])
            lens[i] = strlen(texts[i]);
        char *s = written(texts[i], lens[i]);
        size_t n = strlen(s);
        char *line = malloc(n + 12);
        assert_non_null(line);
        memcpy(line, "{\"text\":", 8);
        memcpy(line + 8, s, n);
        line[8 + n] = '}';
        json_record rec;
        char err[200];
        assert_int_equal(json_parse_record(line, n + 9, &rec, err, sizeof err), 0);
        assert_int_equal(rec.textlen, lens[i]);
        assert_memory_equal(rec.text, texts[i], lens[i]);
        json_record_free(&rec);
        free(line);
        free(s);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_records),
        cmocka_unit_test(test_depth),
        cmocka_unit_test(test_prefixes),
        cmocka_unit_test(test_small_err),
        cmocka_unit_test(test_write),
        cmocka_unit_test(test_write_long),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
