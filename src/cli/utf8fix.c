/* utf8fix.c - replace what is not UTF-8, byte by byte (see utf8fix.h).
 * One U+FFFD per bad byte, not per maximal bad sequence: simpler to state,
 * and a Latin-1 "é" (one byte) becomes exactly one replacement character. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8fix.h"

/* Length of the well-formed sequence at s (n > 0 bytes left), or 0. */
static size_t
seq_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;  /* allowed range of the second byte */
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) { len = 3; lo = 0xA0; }
    else if (c == 0xED) { len = 3; hi = 0x9F; }  /* no surrogates */
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) { len = 4; lo = 0x90; }
    else if (c == 0xF4) { len = 4; hi = 0x8F; }  /* nothing above U+10FFFF */
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else return 0;
    if (len > n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return len;
}

char *
utf8_replace_invalid(const char *s, size_t n, size_t *outlen, size_t *nbad, size_t *first)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t bad = 0, i = 0;
    *first = (size_t)-1;
    while (i < n) {
        size_t len = seq_len(p + i, n - i);
        if (len == 0) {
            if (bad++ == 0)
                *first = i;
            i++;
        } else {
            i += len;
        }
    }
    /* each bad byte grows by 2 */
    if (bad > (SIZE_MAX - n - 1) / 2)
        return NULL;
    size_t size = n + 2 * bad;
    char *out = malloc(size ? size : 1);
    if (!out)
        return NULL;
    size_t o = 0;
    i = 0;
    while (i < n) {
        size_t len = seq_len(p + i, n - i);
        if (len == 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(out + o, p + i, len);
            o += len;
            i += len;
        }
    }
    *outlen = o;
    *nbad = bad;
    return out;
}
