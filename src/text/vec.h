/* vec.h - sixteen bytes at a time where the machine has SSE2 (every
 * x86-64): masks of the bytes of a 16-byte block that are in a range, bit
 * k for byte k of the text. Where it has not, SUMM_VEC16 is 0 and the
 * callers keep only their eight-byte loops (text/bits.h), which also do
 * the last bytes of a text everywhere. Header only. */
#ifndef SUMM_TEXT_VEC_H
#define SUMM_TEXT_VEC_H

#if defined(__SSE2__)
#include <emmintrin.h>
#include <stddef.h>
#include <string.h>
#define SUMM_VEC16 1

typedef __m128i v16;

static inline v16
v16_load(const unsigned char *p)
{
    return _mm_loadu_si128((const __m128i *)(const void *)p);
}

/* The block of text p[i .. b) from i (i < b), at most 16 bytes, without
 * reading past b: p[i .. i + 16) when b is that far; else the 16 bytes
 * that end at b, when the text has them, the block's bytes then from lane
 * *off = 16 - (b - i); else the bytes padded with zeros. *off is 0 but in
 * the second case. */
static inline v16
v16_load_upto(const unsigned char *p, size_t i, size_t b, size_t *off)
{
    size_t nb = b - i < 16 ? b - i : 16;
    *off = 0;
    if (nb == 16)
        return v16_load(p + i);
    if (b >= 16) {
        *off = 16 - nb;
        return v16_load(p + b - 16);
    }
    unsigned char part[16] = { 0 };
    memcpy(part, p + i, nb);
    return v16_load(part);
}

/* 0xFF in each byte of v in [lo, hi] (as unsigned numbers), 0 in the others. */
static inline v16
v16_in_lanes(v16 v, unsigned char lo, unsigned char hi)
{
    v16 u = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(u, _mm_set1_epi8((char)(hi - lo))), u);
}

/* The bytes of v in [lo, hi], as unsigned numbers. */
static inline unsigned
v16_in(v16 v, unsigned char lo, unsigned char hi)
{
    return (unsigned)_mm_movemask_epi8(v16_in_lanes(v, lo, hi));
}

/* Each byte of v moved to the next byte's place (byte k of the text to
 * k + 1), 0 in the first; and the last byte moved to the first place. */
static inline v16
v16_next(v16 v)
{
    return _mm_slli_si128(v, 1);
}

static inline v16
v16_last_to_first(v16 v)
{
    return _mm_srli_si128(v, 15);
}

static inline unsigned
v16_eq(v16 v, unsigned char b)
{
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)b)));
}

/* The bytes of v past ASCII. */
static inline unsigned
v16_high(v16 v)
{
    return (unsigned)_mm_movemask_epi8(v);
}

/* The ASCII letters of v (a byte past ASCII, or-ed with 0x20, is above 'z'). */
static inline unsigned
v16_letters(v16 v)
{
    return v16_in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
}

/* v with its ASCII capitals made lower case. */
static inline v16
v16_lower(v16 v)
{
    v16 u = _mm_sub_epi8(v, _mm_set1_epi8('A'));
    v16 up = _mm_cmpeq_epi8(_mm_min_epu8(u, _mm_set1_epi8('Z' - 'A')), u);
    return _mm_or_si128(v, _mm_and_si128(up, _mm_set1_epi8(0x20)));
}

static inline void
v16_store(unsigned char *p, v16 v)
{
    _mm_storeu_si128((__m128i *)(void *)p, v);
}

#else
#define SUMM_VEC16 0
#endif

/* The number of bits set in a 16-bit mask, without the POPCNT instruction
 * (not in the x86-64 baseline: the builtin would be a library call): a
 * table of the bytes' counts. */
static inline unsigned
popcount16(unsigned x)
{
#define P2(n) n, n + 1, n + 1, n + 2
#define P4(n) P2(n), P2(n + 1), P2(n + 1), P2(n + 2)
#define P6(n) P4(n), P4(n + 1), P4(n + 1), P4(n + 2)
    static const unsigned char bits[256] = { P6(0), P6(1), P6(1), P6(2) };
#undef P2
#undef P4
#undef P6
    return (unsigned)bits[x & 0xFF] + bits[x >> 8 & 0xFF];
}

#endif
