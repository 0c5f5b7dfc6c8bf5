/* chars.c - the character classes of chars.h: the ASCII table, built by
 * the same definitions as constant expressions, and the rest. */
#include <utf8proc.h>

#include "text/chars.h"

#define A_CL(c) ((c) >= 'a' && (c) <= 'z' ? CL_LOWER : (c) >= 'A' && (c) <= 'Z' ? CL_UPPER \
                 : (c) >= '0' && (c) <= '9' ? CL_DIGIT : CL_OTHER)
#define A_PROPS(c) (A_CL(c) \
    | ((c) == '\n' || (c) == '\r' || (c) == '\v' || (c) == '\f' ? A_NEWLINE : 0) \
    | ((c) == ' ' || (c) == '\t' ? A_HSPACE : 0) \
    | ((c) == '.' || (c) == '!' || (c) == '?' ? A_TERMINAL : 0) \
    | ((c) == '"' || (c) == '\'' || (c) == ')' || (c) == ']' || (c) == '}' ? A_CLOSER : 0) \
    | ((c) == '"' || (c) == '\'' || (c) == '(' || (c) == '[' || (c) == '{' ? A_OPENER : 0))
#define A_ROW(c) A_PROPS(c), A_PROPS(c + 1), A_PROPS(c + 2), A_PROPS(c + 3), \
                 A_PROPS(c + 4), A_PROPS(c + 5), A_PROPS(c + 6), A_PROPS(c + 7)

const unsigned char summ__ascii_props[256] = {
    A_ROW(0), A_ROW(8), A_ROW(16), A_ROW(24), A_ROW(32), A_ROW(40), A_ROW(48), A_ROW(56),
    A_ROW(64), A_ROW(72), A_ROW(80), A_ROW(88), A_ROW(96), A_ROW(104), A_ROW(112), A_ROW(120),
};

int
summ__cclass_wide(int32_t c)
{
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LL: return CL_LOWER;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return CL_UPPER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return CL_LETTER;
    case UTF8PROC_CATEGORY_ND: return CL_DIGIT;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return CL_MARK;
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return CL_NUMBER;
    default: return CL_OTHER;
    }
}

bool
summ__is_hspace_wide(int32_t c)
{
    return c == 0xA0 || c == 0x200B || c == 0xFEFF || utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

bool
summ__is_terminal_wide(int32_t c)
{
    switch (c) {
    case 0x2026:                      /* … */
    case 0x203C: case 0x2047: case 0x2048: case 0x2049:  /* ‼ ⁇ ⁈ ⁉ */
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF61:  /* 。！？｡ */
    case 0xFE52: case 0xFE56: case 0xFE57:               /* small forms */
    case 0x0964: case 0x0965:         /* । ॥ Devanagari */
    case 0x061F: case 0x06D4:         /* ؟ ۔ Arabic, Urdu */
    case 0x0589:                      /* ։ Armenian */
    case 0x1362: case 0x1367:         /* ። ፧ Ethiopic */
    case 0x104A: case 0x104B:         /* ၊ ။ Myanmar */
    case 0x037E:                      /* Greek question mark */
        return true;
    default:
        return false;
    }
}

bool
summ__is_closer_wide(int32_t c)
{
    switch (c) {
    case 0x2019: case 0x201D: case 0xBB: case 0x203A:    /* ’ ” » › */
    case 0x201C: case 0x2018:  /* “ ‘ close German „…“ ‚…‘ (right after a terminal only) */
    case 0x300D: case 0x300F: case 0xFF09: case 0x3011:  /* 」 』 ） 】 */
    case 0x3009: case 0x300B: case 0xFF63:               /* 〉 》 ｣ */
        return true;
    default:
        return false;
    }
}

bool
summ__is_opener_wide(int32_t c)
{
    switch (c) {
    case 0x2018: case 0x201C: case 0x201E: case 0x201A:  /* ‘ “ „ ‚ */
    case 0xAB: case 0x2039: case 0xBF: case 0xA1:        /* « ‹ ¿ ¡ */
    case 0x300C: case 0x300E: case 0xFF08: case 0x3010:  /* 「 『 （ 【 */
    case 0x2014: case 0x2013:                            /* — – */
        return true;
    default:
        return false;
    }
}

int
summ__cjk_class(int32_t c)
{
    if (c < 0x3005)
        return CJK_NONE;
    if ((c >= 0x4E00 && c < 0xA000) || (c >= 0x3400 && c < 0x4DC0) || (c >= 0xF900 && c < 0xFB00)
        || (c >= 0x20000 && c < 0x32000) || c == 0x3005 || c == 0x3007)  /* 々 〇 */
        return CJK_HAN;
    if (c >= 0x3041 && c < 0x30A0)
        return CJK_HIRAGANA;
    if ((c >= 0x30A1 && c < 0x3100 && c != 0x30FB) || (c >= 0x31F0 && c < 0x3200)
        || (c >= 0xFF66 && c < 0xFFA0))
        return CJK_KATAKANA;
    return CJK_NONE;
}
