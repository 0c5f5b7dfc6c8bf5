/* fold.h - the key of a word: NFKC + Unicode case folding (utf8proc), ’
 * as '. Every stage that compares words (stopwords, abbreviations,
 * stems, language profiles) compares folded words. */
#ifndef SUMM_TEXT_FOLD_H
#define SUMM_TEXT_FOLD_H

#include <stdbool.h>
#include <stddef.h>

#include "text/bits.h"

/* Inline even where the compiler would rather not (in tokenize.c's loop,
 * which does it for every word). */
#if defined(__GNUC__)
#define SUMM_FOLD_INLINE static inline __attribute__((always_inline))
#else
#define SUMM_FOLD_INLINE static inline
#endif

/* If src[0 .. n) is all ASCII, write it lower-cased to buf and return
 * true; else false, and buf holds garbage. Words are short: eight bytes
 * at a time, the rest by overlapping loads and stores, no byte loop for
 * four bytes or more. */
SUMM_FOLD_INLINE bool
summ__ascii_lower(const char *src, size_t n, char *buf)
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

/* summ__fold_word() of a word that is not all ASCII (or longer than cap). */
size_t summ__fold_other(const char *src, size_t n, char *buf, size_t cap);

/* Fold src[0 .. n) into buf (cap bytes). Returns the folded length, which
 * may exceed cap (then buf holds garbage: call again with a bigger
 * buffer). A word too long to fold in place (over 128 code points) is
 * kept as its bytes: still a stable key. Inline: most words of most
 * texts are ASCII, which needs no utf8proc and no call. */
SUMM_FOLD_INLINE size_t
summ__fold_word(const char *src, size_t n, char *buf, size_t cap)
{
    if (n <= cap && summ__ascii_lower(src, n, buf))
        return n;
    return summ__fold_other(src, n, buf, cap);
}

#endif
