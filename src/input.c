/* input.c - read + normalise: the text is checked, never copied. A BOM is
 * skipped; CR is treated as white space by the later stages, so CR LF and
 * LF give the same sentences and the spans still point into the caller's
 * buffer. */
#include <string.h>

#include "internal.h"

/* Validate UTF-8 by hand: this is the first pass over every byte, so it
 * has an ASCII fast path (8 bytes at a time) and rejects overlongs,
 * surrogates and code points above U+10FFFF like utf8proc_iterate does. */
summ_status
input_check(const char *text, size_t len, size_t *start, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;

    *start = 0;
    *bad = (size_t)-1;
    if (len > SUMM_MAX_INPUT) {
        *bad = SUMM_MAX_INPUT;
        return SUMM_ETOOBIG;
    }
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        *start = i = 3;

    while (i < len) {
        if (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            /* all ASCII and no zero byte */
            if (!(w & 0x8080808080808080ULL)
                && !((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)) {
                i += 8;
                continue;
            }
        }
        unsigned c = s[i];
        if (c < 0x80) {
            if (c == 0) {
                *bad = i;
                return SUMM_EBINARY;
            }
            i++;
            continue;
        }
        size_t n;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; min = 0x10000; }
        else { *bad = i; return SUMM_EUTF8; }
        if (i + n > len) {
            *bad = i;
            return SUMM_EUTF8;
        }
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                *bad = i;
                return SUMM_EUTF8;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            *bad = i;
            return SUMM_EUTF8;
        }
        i += n;
    }
    return SUMM_OK;
}
