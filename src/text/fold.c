/* fold.c - NFKC + case folding of the words that are not all ASCII (the
 * ASCII fast path is inline, in fold.h). */
#include <string.h>

#include <utf8proc.h>

#include "text/fold.h"

size_t
summ__fold_other(const char *src, size_t n, char *buf, size_t cap)
{
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
