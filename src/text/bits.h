/* bits.h - eight bytes at a time: the word-at-a-time tests the scans over
 * every byte share (SWAR, as in Hacker's Delight ch. 6). Header only. */
#ifndef SUMM_TEXT_BITS_H
#define SUMM_TEXT_BITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SUMM_ONES 0x0101010101010101ULL
#define SUMM_HIGHS 0x8080808080808080ULL

static inline uint64_t
load64(const void *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* Is one of the eight bytes of w equal to b? */
static inline bool
has_byte(uint64_t w, unsigned char b)
{
    uint64_t x = w ^ (SUMM_ONES * b);
    return ((x - SUMM_ONES) & ~x & SUMM_HIGHS) != 0;
}

/* Is one of the eight bytes of w zero? */
static inline bool
has_zero(uint64_t w)
{
    return ((w - SUMM_ONES) & ~w & SUMM_HIGHS) != 0;
}

/* How many of the eight bytes of w have their high bit set? */
static inline size_t
count_high(uint64_t w)
{
    return (size_t)((((w & SUMM_HIGHS) >> 7) * SUMM_ONES) >> 56);
}

/* The high bit of each byte of w (ASCII) that is in [lo, hi]. */
static inline uint64_t
bytes_in(uint64_t w, unsigned char lo, unsigned char hi)
{
    return (w + SUMM_ONES * (0x80 - lo)) & ~(w + SUMM_ONES * (0x80 - hi - 1)) & SUMM_HIGHS;
}

/* The bytes of w (ASCII) with A-Z made a-z, all at once. */
static inline uint64_t
lower8(uint64_t w)
{
    return w | bytes_in(w, 'A', 'Z') >> 2;
}

/* Eight bytes of text with byte k of the text in bits 8k .. 8k+7 of the
 * result, whatever the machine's byte order: for lead_in(). */
static inline uint64_t
load_text64(const void *p)
{
    uint64_t w = load64(p);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

/* How many bytes of w (from load_text64), from the first, are ASCII and
 * have their high bit set in `in` (bytes_in() tests on w, or-ed): 0 to 8.
 * Exact although bytes_in() is meant for ASCII: a byte >= 0x80 counts as
 * out, and the carries its sums make reach only the bytes after it. */
static inline size_t
lead_in(uint64_t w, uint64_t in)
{
    uint64_t out = (~in | w) & SUMM_HIGHS;
    return out ? (size_t)__builtin_ctzll(out) >> 3 : 8;
}

/* The ASCII letters of w, as bytes_in() gives them. */
static inline uint64_t
letters_in(uint64_t w)
{
    return bytes_in(w | SUMM_ONES * 0x20, 'a', 'z');
}

#endif
