/* utf8.h - UTF-8: the one validator, and decoding of text it has checked.
 * The inline parts are shared with the CLI (which reads JSON and repairs
 * files with them), so there is one definition of well-formed UTF-8. */
#ifndef SUMM_TEXT_UTF8_H
#define SUMM_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the well-formed UTF-8 sequence at s[0 .. n) (RFC 3629: no
 * overlongs, no surrogates, nothing above U+10FFFF), or 0 if s does not
 * start one. ASCII, NUL included, is a sequence of 1. n must be > 0. */
static inline size_t
utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;  /* the second byte's range */
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;   /* overlong */
        else if (c == 0xED)
            hi = 0x9F;   /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;   /* overlong */
        else if (c == 0xF4)
            hi = 0x8F;   /* above U+10FFFF */
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return len;
}

/* Decode one code point at p (< end) of text already validated. Returns
 * its length in bytes. */
static inline size_t
utf8_decode(const unsigned char *p, const unsigned char *end, int32_t *cp)
{
    unsigned c = p[0];
    if (c < 0x80) { *cp = (int32_t)c; return 1; }
    if (c < 0xE0 && p + 1 < end) { *cp = (int32_t)(((c & 0x1F) << 6) | (p[1] & 0x3F)); return 2; }
    if (c < 0xF0 && p + 2 < end) {
        *cp = (int32_t)(((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
        return 3;
    }
    if (p + 3 < end) {
        *cp = (int32_t)(((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6)
                        | (p[3] & 0x3F));
        return 4;
    }
    *cp = 0xFFFD;
    return 1;
}

/* The same with an ASCII fast path, at offset i of s[0 .. len). */
static inline size_t
utf8_dec(const unsigned char *s, size_t i, size_t len, int32_t *c)
{
    if (s[i] < 0x80) {
        *c = s[i];
        return 1;
    }
    return utf8_decode(s + i, s + len, c);
}

/* Length of the code point that ends right before p (p > start). */
static inline size_t
utf8_prev_len(const unsigned char *start, const unsigned char *p)
{
    size_t n = 1;
    while (p - n > start && n < 4 && (p[-(ptrdiff_t)n] & 0xC0) == 0x80)
        n++;
    return n;
}

/* The characters of UTF-8 s[0 .. n): its bytes that are no continuation. */
static inline size_t
utf8_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Check s[0 .. len) as UTF-8 without NUL bytes. Returns 0 if it is, else
 * 1 for invalid UTF-8 or 2 for a NUL byte, with *bad the offset of the
 * first offending byte. Eight ASCII bytes at a time where it can. */
int summ__utf8_check(const char *s, size_t len, size_t *bad);

#endif
