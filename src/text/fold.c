/* fold.c - NFKC + case folding of words, with an ASCII fast path: most
 * words of most texts are ASCII, and utf8proc is not needed for them. */
#include <string.h>

#include <utf8proc.h>

#include "text/bits.h"
#include "text/fold.h"

/* If src[0 .. n) is all ASCII, write it lower-cased to buf and return
 * true; else false, and buf holds garbage. Words are short: eight bytes
 * at a time, the rest by overlapping loads and stores, no byte loop for
 * four bytes or more. */
static inline bool
ascii_lower(const char *src, size_t n, char *buf)
{
    if (n >= 8) {
        uint64_t w;
        for (size_t k = 0; k + 8 < n; k += 8) {
            memcpy(&w, src + k, 8);
            if (w & SUMM_HIGHS)
                return false;
            w = lower8(w);
            memcpy(buf + k, &w, 8);
        }
        memcpy(&w, src + n - 8, 8);
        if (w & SUMM_HIGHS)
            return false;
        w = lower8(w);
        memcpy(buf + n - 8, &w, 8);
        return true;
    }
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, src, 4);
        memcpy(&b, src + n - 4, 4);
        if ((a | b) & 0x80808080u)
            return false;
        a = (uint32_t)lower8(a);
        b = (uint32_t)lower8(b);
        memcpy(buf, &a, 4);
        memcpy(buf + n - 4, &b, 4);
        return true;
    }
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)src[k];
        if (c >= 0x80)
            return false;
        buf[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return true;
}

size_t
summ__fold_word(const char *src, size_t n, char *buf, size_t cap)
{
    /* ASCII fast path: the common case, and no need for utf8proc. */
    if (n <= cap && ascii_lower(src, n, buf))
        return n;
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c >= 0x80)
            break;
        if (i < cap)
            buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (i == n)
        return n;

    /* utf8proc_decompose writes code points into our buffer (no malloc);
     * utf8proc_reencode composes and writes UTF-8 in place. */
    utf8proc_int32_t cps[128];
    utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)src, (utf8proc_ssize_t)n,
                                            cps, 128,
                                            UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD
                                                | UTF8PROC_COMPOSE);
    if (m < 0 || m > 128) {
        /* Too long to fold in place: keep the bytes (still a stable key). */
        if (n <= cap)
            memcpy(buf, src, n);
        return n;
    }
    utf8proc_ssize_t len = utf8proc_reencode(cps, m, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (len < 0) {
        if (n <= cap)
            memcpy(buf, src, n);
        return n;
    }
    /* reencode wrote UTF-8 into cps' bytes (at most 4 * m <= sizeof cps). */
    const char *u = (const char *)cps;
    size_t out = 0;
    for (utf8proc_ssize_t k = 0; k < len; k++) {
        /* ’ (U+2019) -> ' so the Snowball stemmers see one apostrophe */
        if ((unsigned char)u[k] == 0xE2 && k + 2 < len && (unsigned char)u[k + 1] == 0x80
            && (unsigned char)u[k + 2] == 0x99) {
            if (out < cap)
                buf[out] = '\'';
            out++;
            k += 2;
            continue;
        }
        if (out < cap)
            buf[out] = u[k];
        out++;
    }
    return out;
}
