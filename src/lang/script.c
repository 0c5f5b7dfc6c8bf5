/* script.c - the letters of a text counted by script and by the groups
 * of letters some languages never write (see script.h): the first step of
 * language detection. One pass, eight ASCII bytes at a time. */
#include <stdbool.h>
#include <string.h>

#include "lang/script.h"
#include "text/bits.h"
#include "text/utf8.h"

#if defined(__GNUC__)
typedef unsigned char v16u __attribute__((vector_size(16)));
#endif

/* 1 in each byte of w (all ASCII) that is a letter, 0 in the others. */
static inline uint64_t
ascii_letters8(uint64_t w)
{
    uint64_t x = w | (SUMM_ONES * 0x20);
    uint64_t ge_a = x + SUMM_ONES * (0x80 - 'a');        /* high bit: x >= 'a' */
    uint64_t gt_z = x + SUMM_ONES * (0x80 - ('z' + 1));  /* high bit: x > 'z' */
    return ((ge_a ^ gt_z) & SUMM_HIGHS) >> 7;  /* > 'z' is >= 'a' too */
}

void
summ__count_scripts(const unsigned char *s, size_t len, script_counts *sc)
{
    const unsigned char *end = s + len;
    memset(sc, 0, sizeof *sc);
    for (const unsigned char *p = s; p < end;) {
        if (*p < 0x80) {
            /* ASCII, maybe more: 16 bytes at a time while all are, in the
             * compiler's vectors where it has them, then eight, counting
             * the letters ((b | 0x20) in 'a' .. 'z'). */
            size_t latin = 0;
#if defined(__GNUC__)
            for (bool more = true; more && end - p >= 16;) {
                v16u acc = { 0 };  /* letters per lane, at most 252 */
                for (size_t k = 0; k < 63; k++) {
                    v16u v[4], any;
                    uint64_t h[2];
                    size_t blk = end - p >= 64 ? 4 : 1;  /* 64 bytes, or 16 near the end */
                    if (end - p < 16) {
                        more = false;
                        break;
                    }
                    memcpy(v, p, 16 * blk);
                    any = v[0];
                    for (size_t i = 1; i < blk; i++)
                        any |= v[i];
                    memcpy(h, &any, 16);
                    if ((h[0] | h[1]) & SUMM_HIGHS) {
                        more = false;  /* then eight bytes at a time, up to it */
                        break;
                    }
                    for (size_t i = 0; i < blk; i++)
                        acc -= (v16u)((v16u)((v[i] | 0x20) - 'a') < 26);  /* -(-1) per letter */
                    p += 16 * blk;
                }
                uint64_t h[2];
                memcpy(h, &acc, 16);
                for (int i = 0; i < 2; i++) {  /* the lanes' sum, in 16-bit lanes first */
                    uint64_t x = (h[i] & 0x00FF00FF00FF00FFULL) + (h[i] >> 8 & 0x00FF00FF00FF00FFULL);
                    latin += (size_t)((x * 0x0001000100010001ULL) >> 48);
                }
            }
#endif
            while (end - p >= 8) {
                uint64_t w;
                memcpy(&w, p, 8);
                if (w & SUMM_HIGHS)
                    break;
                latin += (size_t)((ascii_letters8(w) * SUMM_ONES) >> 56);
                p += 8;
            }
            sc->n[SC_LATIN] += latin;
            if (p >= end || *p >= 0x80)
                continue;
            if (((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
                sc->n[SC_LATIN]++;
            p++;
            continue;
        }
        int32_t c;
        p += utf8_decode(p, end, &c);
        int k = script_of(c);
        if (k < 0)
            continue;
        sc->n[k]++;
        int g = -1;
        switch (c) {
        case 0x458: case 0x459: case 0x45A: case 0x45B: case 0x452: case 0x45F:   /* ј љ њ ћ ђ џ */
        case 0x408: case 0x409: case 0x40A: case 0x40B: case 0x402: case 0x40F:
            g = LG_SR;
            break;
        case 0x44B: case 0x44D: case 0x42B: case 0x42D:                          /* ы э */
            g = LG_YERY;
            break;
        case 0x44A: case 0x42A:                                                  /* ъ */
            g = LG_HARD;
            break;
        case 0x451: case 0x439: case 0x449: case 0x44C: case 0x44E: case 0x44F:   /* ё й щ ь ю я */
        case 0x401: case 0x419: case 0x429: case 0x42C: case 0x42E: case 0x42F:
            g = LG_RU;
            break;
        case 0x453: case 0x45C: case 0x455: case 0x403: case 0x40C: case 0x405:   /* ѓ ќ ѕ */
            g = LG_MK;
            break;
        case 0x457: case 0x454: case 0x491: case 0x407: case 0x404: case 0x490:   /* ї є ґ */
            g = LG_UK;
            break;
        case 0x456: case 0x406:                                                  /* і */
            g = LG_I;
            break;
        case 0x4D9: case 0x493: case 0x49B: case 0x4A3: case 0x4E9: case 0x4B1:   /* ә ғ қ ң ө ұ */
        case 0x4AF: case 0x4BB: case 0x4D8: case 0x492: case 0x49A: case 0x4A2:   /* ү һ */
        case 0x4E8: case 0x4B0: case 0x4AE: case 0x4BA:
            g = LG_KK;
            break;
        case 0x67E: case 0x686: case 0x698: case 0x6AF: case 0x6A9: case 0x6CC:   /* پ چ ژ گ ک ی */
            g = LG_FA;
            break;
        case 0x679: case 0x688: case 0x691: case 0x6BA: case 0x6BE: case 0x6C1: case 0x6D2:
            g = LG_UR;  /* ٹ ڈ ڑ ں ھ ہ ے */
            break;
        case 0x5F0: case 0x5F1: case 0x5F2: case 0xFB1F:                          /* װ ױ ײ ײַ */
        case 0xFB2E: case 0xFB2F: case 0xFB4E:                                  /* אַ אָ פֿ */
            g = LG_YI;
            break;
        case 0x159: case 0x158: case 0x11B: case 0x11A: case 0x16F: case 0x16E:   /* ř ě ů */
            g = LG_CS;
            break;
        case 0x13E: case 0x13D: case 0x13A: case 0x139: case 0x155: case 0x154:   /* ľ ĺ ŕ */
            g = LG_SK;
            break;
        case 0x142: case 0x141: case 0x15B: case 0x15A: case 0x17A: case 0x179:   /* ł ś ź */
        case 0x17C: case 0x17B: case 0x144: case 0x143:                          /* ż ń */
            g = LG_PL;
            break;
        case 0x131: case 0x11F: case 0x11E:                                      /* ı ğ */
            g = LG_TR;
            break;
        case 0x219: case 0x218: case 0x21B: case 0x21A: case 0x163: case 0x162:   /* ș ț ţ */
            g = LG_RO;
            break;
        case 0x151: case 0x150: case 0x171: case 0x170:                          /* ő ű */
            g = LG_HU;
            break;
        case 0x101: case 0x100: case 0x113: case 0x112: case 0x12B: case 0x12A:   /* ā ē ī */
        case 0x137: case 0x136: case 0x13C: case 0x13B: case 0x146: case 0x145:   /* ķ ļ ņ */
        case 0x123: case 0x122:                                                  /* ģ */
            g = LG_LV;
            break;
        case 0x1A1: case 0x1A0: case 0x1B0: case 0x1AF:                          /* ơ ư */
            g = LG_VI;
            break;
        case 0x107: case 0x106: case 0x111: case 0x110:                          /* ć đ */
            g = LG_SH;
            break;
        case 0xE1: case 0xE9: case 0xED: case 0xF3: case 0xFA: case 0xFD:         /* á é í ó ú ý */
        case 0xC1: case 0xC9: case 0xCD: case 0xD3: case 0xDA: case 0xDD:
            g = LG_ACUTE;
            break;
        default:
            if (c >= 0x1EA0 && c <= 0x1EF9)
                g = LG_VI;
            break;
        }
        if (g >= 0)
            sc->lg[g]++;
        /* Yiddish points its alef (אַ אָ) and pe (פֿ) with combining marks. */
        if (c == 0x5D0 && p + 1 < end && p[0] == 0xD6 && (p[1] == 0xB7 || p[1] == 0xB8))
            sc->lg[LG_YI]++;
        else if (c == 0x5E4 && p + 1 < end && p[0] == 0xD6 && p[1] == 0xBF)
            sc->lg[LG_YI]++;
    }
}
