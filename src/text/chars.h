/* chars.h - character classes: the one definition of what a letter, a
 * word character, white space, a sentence terminal, an opening or a
 * closing quote is, shared by every stage.
 *
 * Nearly every code point of a text is asked one of these, and most are
 * ASCII: those are answered from one table (summ__ascii_props), the rest
 * out of line from utf8proc's categories and short lists. */
#ifndef SUMM_TEXT_CHARS_H
#define SUMM_TEXT_CHARS_H

#include <stdbool.h>
#include <stdint.h>

/* Letter classes, by Unicode general category. */
enum {
    CL_OTHER,    /* punctuation, symbols, white space, controls */
    CL_LOWER,    /* Ll */
    CL_UPPER,    /* Lu, Lt */
    CL_LETTER,   /* Lm, Lo: letters without case (Han, kana, Arabic, ...) */
    CL_DIGIT,    /* Nd */
    CL_MARK,     /* Mn, Mc, Me: combining marks, Indic vowel signs */
    CL_NUMBER    /* Nl, No: Roman numerals, superscripts, fractions */
};

/* The bits of summ__ascii_props[c]. */
enum {
    A_CLASS = 7, A_NEWLINE = 8, A_HSPACE = 16, A_TERMINAL = 32, A_CLOSER = 64, A_OPENER = 128
};

extern const unsigned char summ__ascii_props[256];  /* bytes >= 0x80: 0 */

int summ__cclass_wide(int32_t c);
bool summ__is_hspace_wide(int32_t c);
bool summ__is_terminal_wide(int32_t c);
bool summ__is_closer_wide(int32_t c);
bool summ__is_opener_wide(int32_t c);

static inline int
cclass(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return summ__ascii_props[c] & A_CLASS;
    return summ__cclass_wide(c);
}

static inline bool
is_letter_class(int k)
{
    return k == CL_LOWER || k == CL_UPPER || k == CL_LETTER;
}

/* Is c part of a word: a letter, mark or digit (categories L*, M*, N*)?
 * The one rule for what a word is. */
static inline bool
is_word_cp(int32_t c)
{
    return cclass(c) != CL_OTHER;
}

/* An ASCII letter? */
static inline bool
ascii_letter(unsigned char b)
{
    return (unsigned)(summ__ascii_props[b] & A_CLASS) - CL_LOWER <= CL_UPPER - CL_LOWER;
}

/* An ASCII letter or digit? */
static inline bool
ascii_alnum(unsigned char b)
{
    /* CL_LOWER .. CL_DIGIT; no ASCII byte is CL_LETTER */
    return (unsigned)(summ__ascii_props[b] & A_CLASS) - CL_LOWER <= CL_DIGIT - CL_LOWER;
}

static inline bool
is_newline(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return summ__ascii_props[c] & A_NEWLINE;
    return c == 0x2028 || c == 0x2029 || c == 0x85;
}

/* White space within a line (no-break and zero-width spaces included). */
static inline bool
is_hspace(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return summ__ascii_props[c] & A_HSPACE;
    return summ__is_hspace_wide(c);
}

static inline bool
is_space(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return summ__ascii_props[c] & (A_HSPACE | A_NEWLINE);
    return c == 0x2028 || c == 0x2029 || c == 0x85 || summ__is_hspace_wide(c);
}

/* Terminal punctuation of any script: . ! ? … 。 ！ ？ । ؟ ... Greek uses
 * ';' as its question mark, which counts when greek is set. */
static inline bool
is_terminal(int32_t c, bool greek)
{
    if ((uint32_t)c < 0x80)
        return (summ__ascii_props[c] & A_TERMINAL) || (c == ';' && greek);
    return summ__is_terminal_wide(c);
}

/* Terminals of scripts written without spaces: a boundary whatever
 * follows. */
static inline bool
is_wide_terminal(int32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61;
}

/* Closing quotes and brackets that stay with the sentence they end. */
static inline bool
is_closer(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return summ__ascii_props[c] & A_CLOSER;
    return summ__is_closer_wide(c);
}

/* Opening quotes and brackets (and the Spanish ¿ ¡) before a word. */
static inline bool
is_opener(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return summ__ascii_props[c] & A_OPENER;
    return summ__is_opener_wide(c);
}

static inline bool
is_greek(int32_t c)
{
    return (c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF);
}

static inline bool
is_ascii_digit(int32_t c)
{
    return c >= '0' && c <= '9';
}

/* Chinese and Japanese scripts, which do not put spaces between words:
 * CJK_NONE for any other code point. */
enum { CJK_NONE, CJK_HAN, CJK_HIRAGANA, CJK_KATAKANA };
int summ__cjk_class(int32_t c);

#endif
