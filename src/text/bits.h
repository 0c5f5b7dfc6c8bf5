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

#endif
