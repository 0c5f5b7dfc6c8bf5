/* test_detect.c - the fast paths of language detection against their
 * plain counterparts: the letter count of script.c's eight- and 32-byte
 * loops against one letter at a time, detection with a context's cache
 * (its index and its memo of words, one slot per hash) against detection
 * without one, which scores every word afresh, and words read in loads of
 * the text against words read one character at a time. The texts are
 * made to sit near the detector's decisions: words of two related
 * languages' profiles mixed at random, with their endings and letters
 * inside made-up words, so that a score off by anything changes some
 * answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/core.h"
#include "lang/lang.h"
#include "lang/script.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint32_t
rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

/* Letters of s, one byte at a time: ASCII letters only (what the fast
 * loops count; the rest goes through the same decoder either way). */
static size_t
ascii_letters(const unsigned char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z';
    return n;
}

static void
test_count_letters(void **state)
{
    (void)state;
    static const char pool[] = "abcxyzABCXYZ@[`{ 09.,-_\n";
    unsigned char buf[5000];
    for (int round = 0; round < 400; round++) {
        size_t len = rnd(round < 200 ? 100 : sizeof buf);
        bool latin1 = rnd(4) == 0;  /* some texts with é (two bytes, a Latin letter) */
        size_t extra = 0, i = 0;
        while (i < len) {
            if (latin1 && i + 1 < len && rnd(300) == 0) {
                buf[i++] = 0xC3;
                buf[i++] = 0xA9;
                extra++;
            } else {
                buf[i++] = (unsigned char)pool[rnd(sizeof pool - 1)];
            }
        }
        script_counts sc;
        summ__count_scripts(buf, len, &sc);
        assert_int_equal(sc.n[SC_LATIN], ascii_letters(buf, len) + extra);
    }
}

/* The entries of the built-in profile of code: words, endings, letters. */
static size_t
entries(const char *code, const char **w, size_t *wl, size_t max)
{
    size_t n = 0;
    for (const builtin_list *l = summ__builtin_lists; l->code; l++) {
        if (l->kind != DATA_PROFILE || strcmp(l->code, code) != 0)
            continue;
        const char *t = l->text, *end = l->text + l->len;
        while (t < end && n < max) {
            const char *e = memchr(t, '\n', (size_t)(end - t));
            if (!e)
                e = end;
            if (e > t && *t != '#') {
                w[n] = t;
                wl[n] = (size_t)(e - t);
                n++;
            }
            t = e + 1;
        }
    }
    return n;
}

/* A made-up word of k letters into out. */
static size_t
filler(char *out, size_t k)
{
    static const char letters[] = "bcdfghklmnprstvz";
    for (size_t i = 0; i < k; i++)
        out[i] = letters[rnd(sizeof letters - 1)];
    return k;
}

/* A text of nwords drawn from the entries of two languages: a word as it
 * is, an ending after a made-up stem, letters inside made-up words; now
 * and then a capital, a long word or one of more than 16 bytes. */
static size_t
make_text(char *out, size_t cap, const char **w, const size_t *wl, size_t n, size_t nwords)
{
    size_t o = 0;
    for (size_t k = 0; k < nwords && o + 200 < cap; k++) {
        size_t j = rnd((uint32_t)n);
        const char *e = w[j];
        size_t el = wl[j];
        switch (rnd(8)) {
        case 0:  /* new words, which take the memo's slots from others */
            o += filler(out + o, 3 + rnd(20));
            break;
        default:
            if (e[0] == '-') {
                o += filler(out + o, 1 + rnd(6));
                memcpy(out + o, e + 1, el - 1);
                o += el - 1;
            } else if (e[0] == '~') {
                o += filler(out + o, rnd(4));
                memcpy(out + o, e + 1, el - 1);
                o += el - 1;
                o += filler(out + o, rnd(4));
            } else {
                memcpy(out + o, e, el);
                if (rnd(10) == 0 && out[o] >= 'a' && out[o] <= 'z')
                    out[o] = (char)(out[o] - 'a' + 'A');
                o += el;
            }
            break;
        }
        static const char *const seps[] = { " ", " ", " ", ", ", ". ", " (", ") ", "\n", "-" };
        const char *s = seps[rnd(sizeof seps / sizeof seps[0])];
        memcpy(out + o, s, strlen(s));
        o += strlen(s);
    }
    out[o] = '\0';
    return o;
}

static void
test_memo_same(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        { "hr", "sr" }, { "da", "no" }, { "en", "fr" }, { "cs", "sk" }, { "es", "pt" },
        { "sl", "hr" }, { "ru", "uk" }, { "fi", "et" },
    };
    salloc al;
    summ__salloc_init(&al, NULL);
    lang_cache *cache = NULL;
    const char *w[600];
    size_t wl[600];
    char *text = malloc(20000);
    assert_non_null(text);
    size_t answers[3] = { 0 };  /* either language of the pair, or another (und...) */
    for (int round = 0; round < 1600; round++) {
        const char *const *pr = pairs[round % (sizeof pairs / sizeof pairs[0])];
        size_t n = entries(pr[0], w, wl, 300);
        n += entries(pr[1], w + n, wl + n, 300);
        assert_true(n > 0);
        size_t len = make_text(text, 20000, w, wl, n, 20 + rnd(round < 800 ? 120 : 900));
        const lang_info *with = summ__lang_detect(&cache, &al, text, len);
        const lang_info *without = summ__lang_detect(NULL, NULL, text, len);
        if (with != without)
            fail_msg("round %d (%s/%s): %s with the cache, %s without: %s", round, pr[0], pr[1],
                     with->code, without->code, text);
        answers[strcmp(with->code, pr[0]) == 0 ? 0 : strcmp(with->code, pr[1]) == 0 ? 1 : 2]++;
    }
    /* the texts are near the decisions: every kind of answer comes up */
    assert_true(answers[0] > 0 && answers[1] > 0 && answers[2] > 0);
    summ__lang_cache_free(&al, cache);
    free(text);
}

/* The word scan reads most words in loads of the text and scores each
 * once the next is read, the others (next to a byte past ASCII) one
 * character at a time and at once: the same words must count the same
 * whichever way they were read, in the same order. The texts of
 * test_memo_same, and each again with some of its spaces no-break spaces
 * (U+00A0, which parts words as a space does), so that words of the two
 * ways alternate. */
static void
test_paths_same(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        { "hr", "sr" }, { "da", "no" }, { "en", "fr" }, { "es", "pt" }, { "ru", "uk" },
    };
    salloc al;
    summ__salloc_init(&al, NULL);
    lang_cache *cache = NULL;
    const char *w[600];
    size_t wl[600];
    char *text = malloc(20000), *nbsp = malloc(40000);
    assert_non_null(text);
    assert_non_null(nbsp);
    size_t changed = 0;  /* texts whose answer a space made no-break would change */
    for (int round = 0; round < 800; round++) {
        const char *const *pr = pairs[round % (sizeof pairs / sizeof pairs[0])];
        size_t n = entries(pr[0], w, wl, 300);
        n += entries(pr[1], w + n, wl + n, 300);
        size_t len = make_text(text, 20000, w, wl, n, 20 + rnd(round < 400 ? 120 : 900));
        size_t o = 0;
        for (size_t i = 0; i < len; i++) {
            if (text[i] == ' ' && rnd(3) == 0) {
                nbsp[o++] = (char)0xC2;
                nbsp[o++] = (char)0xA0;
            } else {
                nbsp[o++] = text[i];
            }
        }
        const lang_info *a = summ__lang_detect(&cache, &al, text, len);
        const lang_info *b = summ__lang_detect(&cache, &al, nbsp, o);
        const lang_info *c = summ__lang_detect(NULL, NULL, nbsp, o);
        if (a != b || b != c)
            fail_msg("round %d (%s/%s): %s with spaces, %s and %s (without the cache) with "
                     "no-break spaces: %s", round, pr[0], pr[1], a->code, b->code, c->code, text);
        changed += a != b;
    }
    assert_int_equal(changed, 0);
    summ__lang_cache_free(&al, cache);
    free(text);
    free(nbsp);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_letters),
        cmocka_unit_test(test_memo_same),
        cmocka_unit_test(test_paths_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
