/* test_scan.c - the scans that read many bytes at a time (text/vec.h,
 * segment/ascii.h, boiler.c's normalised form) against the byte-at-a-time loops they stand for, on
 * every byte value and on random texts made of the bytes that decide
 * where they stop: letters, spaces, punctuation, bytes past ASCII. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "segment/ascii.h"
#include "text/fold.h"
#include "text/vec.h"

static void
test_popcount16(void **state)
{
    (void)state;
    for (unsigned x = 0; x < 0x10000; x++) {
        unsigned n = 0;
        for (unsigned b = x; b; b >>= 1)
            n += b & 1;
        assert_int_equal(popcount16(x), n);
    }
}

#if SUMM_VEC16
/* Every byte value in every lane, the others a byte that is in no range. */
static void
test_masks(void **state)
{
    (void)state;
    unsigned char blk[16];
    for (unsigned lane = 0; lane < 16; lane++) {
        for (unsigned b = 0; b < 256; b++) {
            memset(blk, '!', sizeof blk);
            blk[lane] = (unsigned char)b;
            v16 v = v16_load(blk);
            unsigned bit = 1u << lane;
            bool letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
            assert_int_equal(v16_letters(v), letter ? bit : 0);
            assert_int_equal(v16_in(v, 'A', 'Z'), b >= 'A' && b <= 'Z' ? bit : 0);
            assert_int_equal(v16_in(v, 0x80, 0xBF), b >= 0x80 && b <= 0xBF ? bit : 0);
            assert_int_equal(v16_eq(v, ' '), b == ' ' ? bit : 0);
            assert_int_equal(v16_eq(v, '!'), b == '!' ? 0xFFFFu : 0xFFFFu & ~bit);
            assert_int_equal(v16_high(v), b >= 0x80 ? bit : 0);
        }
    }
}
#endif

/* The word loop of word_rest(), a byte at a time: words after a space or
 * a comma and a space. */
static size_t
words_ref(const unsigned char *s, size_t q, size_t stop, size_t len, size_t *words, size_t *w)
{
    for (;;) {
        size_t sp;
        if (q + 1 < stop && s[q] == ' ' && ascii_letter(s[q + 1]))
            sp = q;
        else if (q + 2 < stop && s[q] == ',' && s[q + 1] == ' ' && ascii_letter(s[q + 2]))
            sp = q + 1;
        else
            break;
        *w = sp + 1;
        q = sp + 2;
        while (q < stop && q < len && ascii_letter(s[q]))
            q++;
        ++*words;
    }
    return q;
}

/* letters_to() on long runs of letters, each run ended by another byte. */
static void
test_letters_to(void **state)
{
    (void)state;
    static const unsigned char other[] = " .,'1\n\xc3\x80@[`{";
    unsigned char s[100];
    uint32_t r = 777;
    for (int round = 0; round < 100000; round++) {
        r = r * 1103515245u + 12345u;
        size_t len = 1 + (r >> 8) % sizeof s;
        for (size_t k = 0; k < len; k++) {
            r = r * 1103515245u + 12345u;
            s[k] = (r >> 8) % 40 ? (unsigned char)((r >> 16) % 2 ? 'a' : 'A') + (r >> 20) % 26
                                 : other[(r >> 16) % (sizeof other - 1)];
        }
        r = r * 1103515245u + 12345u;
        size_t q = (r >> 8) % len, stop = q + (r >> 16) % (len - q + 1), e = q;
        while (e < stop && ascii_letter(s[e]))
            e++;
        assert_int_equal(letters_to(s, q, stop, len), e);
    }
}

static void
test_spaced_words(void **state)
{
    (void)state;
    /* mostly words one space apart, so that runs of blocks are taken */
    static const unsigned char mixed[] = "abcdefghijklmnopqrstuvwxyzABCZ      ,.\n\xc3\xa9'1";
    static const unsigned char clean[] = "abcdefghijklmnopqrstuvwxyzAZ     ,";
    unsigned char s[200];
    uint32_t r = 12345;
    for (int round = 0; round < 200000; round++) {
        r = r * 1103515245u + 12345u;
        size_t len = 1 + (r >> 8) % sizeof s;
        for (size_t k = 0; k < len; k++) {
            r = r * 1103515245u + 12345u;
            /* a text of words one space apart, here and there a byte of
             * the others */
            s[k] = round % 2 && (r >> 8) % 64 ? clean[(r >> 14) % (sizeof clean - 1)]
                                               : mixed[(r >> 14) % (sizeof mixed - 1)];
        }
        /* after a word: q at a byte that is not a letter, or at stop */
        r = r * 1103515245u + 12345u;
        size_t q = (r >> 8) % len;
        while (q < len && ascii_letter(s[q]))
            q++;
        r = r * 1103515245u + 12345u;
        size_t stop = q + (r >> 8) % (len - q + 1);
        size_t wa = (size_t)-1, wb = (size_t)-1, na = 0, nb = 0;
        size_t qa = spaced_words(s, q, stop, len, &na, &wa);
        size_t qb = words_ref(s, q, stop, len, &nb, &wb);
        assert_int_equal(qa, qb);
        assert_int_equal(na, nb);
        assert_int_equal(wa, wb);
    }
}

/* summ__seg_normalise() as it was written before it went many bytes at a
 * time: a byte loop. */
static bool
normalise_ref(const unsigned char *p, size_t a, size_t b, char *out, size_t cap, size_t *outn)
{
    char tmp[640];
    size_t k = 0;
    bool gap = false;
    if (cap > sizeof tmp)
        cap = sizeof tmp;
    for (size_t i = a; i < b; i++) {
        unsigned char c = p[i];
        if (!(ascii_alnum(c) || c >= 0x80)) {
            gap = k > 0;
            continue;
        }
        if (gap) {
            if (k >= cap)
                return false;
            tmp[k++] = ' ';
            gap = false;
        }
        if (k >= cap)
            return false;
        tmp[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    size_t n = summ__fold_word(tmp, k, out, cap);
    if (n > cap)
        return false;
    *outn = n;
    return true;
}

static void
test_normalise(void **state)
{
    (void)state;
    static const unsigned char bytes[] = "abcXYZ09   ..,-\n\"'\xc3\xa9\xe2\x80\x9c";
    static const size_t caps[] = { 1, 8, 32, 96, 640, 2000 };
    unsigned char s[800];
    uint32_t r = 999;
    for (int round = 0; round < 100000; round++) {
        r = r * 1103515245u + 12345u;
        size_t len = (r >> 8) % (round % 10 ? 120 : sizeof s);
        for (size_t k = 0; k < len; k++) {
            r = r * 1103515245u + 12345u;
            s[k] = bytes[(r >> 8) % (sizeof bytes - 1)];
        }
        r = r * 1103515245u + 12345u;
        size_t a = len ? (r >> 8) % (len / 4 + 1) : 0;
        size_t cap = caps[(r >> 20) % (sizeof caps / sizeof caps[0])];
        char o1[2000], o2[2000];
        size_t n1 = 0, n2 = 0;
        bool ok1 = summ__seg_normalise(s, a, len, o1, cap, &n1);
        bool ok2 = normalise_ref(s, a, len, o2, cap, &n2);
        assert_int_equal(ok1, ok2);
        if (ok1) {
            assert_int_equal(n1, n2);
            assert_memory_equal(o1, o2, n1);
        }
    }
}

#if SUMM_VEC16
/* summ__seg_norm_shape() gives the length and last byte of the normalised
 * form, without making it, for text all ASCII (and declines the rest). */
static void
test_norm_shape(void **state)
{
    (void)state;
    static const unsigned char bytes[] = "abcXYZ09   ..,-\n\"'";
    unsigned char s[100];
    uint32_t r = 4242;
    for (int round = 0; round < 100000; round++) {
        r = r * 1103515245u + 12345u;
        size_t len = (r >> 8) % sizeof s;
        bool digit = false;
        for (size_t k = 0; k < len; k++) {
            r = r * 1103515245u + 12345u;
            s[k] = bytes[(r >> 8) % (sizeof bytes - 1)];
            digit |= s[k] >= '0' && s[k] <= '9';
        }
        char out[640];
        size_t n = 0, sn = 99;
        unsigned char last = 1;
        bool dg = false;
        assert_true(summ__seg_normalise(s, 0, len, out, sizeof out, &n));
        assert_true(summ__seg_norm_shape(s, 0, len, &sn, &last, &dg));
        assert_int_equal(sn, n);
        assert_int_equal(last, n ? (unsigned char)out[n - 1] : 0);
        assert_int_equal(dg, digit);
        if (len) {  /* a byte past ASCII: declined */
            s[(r >> 16) % len] = 0xC3;
            assert_false(summ__seg_norm_shape(s, 0, len, &sn, &last, &dg));
        }
    }
}
#endif

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_popcount16),
        cmocka_unit_test(test_letters_to),
        cmocka_unit_test(test_spaced_words),
        cmocka_unit_test(test_normalise),
#if SUMM_VEC16  /* what only the sixteen-byte scans have */
        cmocka_unit_test(test_masks),
        cmocka_unit_test(test_norm_shape),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
