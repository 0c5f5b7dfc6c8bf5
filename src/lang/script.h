/* script.h - the first step of language detection (detect.c): which
 * script a code point is in, and the letters of a text counted by script
 * and by the groups of letters that tell some languages apart
 * (script.c). Not installed; only lang/ includes it. */
#ifndef SUMM_LANG_SCRIPT_H
#define SUMM_LANG_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

enum {
    SC_LATIN, SC_GREEK, SC_CYRILLIC, SC_ARMENIAN, SC_HEBREW, SC_ARABIC, SC_DEVANAGARI,
    SC_TAMIL, SC_HAN, SC_KANA, SC_HANGUL, SC_BENGALI, SC_GUJARATI, SC_ETHIOPIC, SC_OTHER,
    SC_COUNT
};

/* Groups of letters that some languages of a script never write. */
enum {
    LG_SR,      /* ј љ њ ћ ђ џ: Serbian, Macedonian */
    LG_RU,      /* ё й щ ь ю я: not Serbian or Macedonian */
    LG_YERY,    /* ы э: Russian, Kazakh; not Bulgarian, Ukrainian, Serbian */
    LG_HARD,    /* ъ: Russian (rarely), Bulgarian (often); not Ukrainian */
    LG_MK,      /* ѓ ќ ѕ: Macedonian */
    LG_UK,      /* ї є ґ: Ukrainian */
    LG_I,       /* і: Ukrainian, Kazakh, Belarusian */
    LG_KK,      /* ә ғ қ ң ө ұ ү һ: Kazakh (and other Turkic languages) */
    LG_FA,      /* پ چ ژ گ ک ی: Persian and Urdu, not Arabic */
    LG_UR,      /* ٹ ڈ ڑ ں ھ ہ ے: Urdu */
    LG_YI,      /* Yiddish ligatures and pointed letters */
    /* Latin letters that only one language of ours writes */
    LG_CS,      /* ř ě ů */
    LG_SK,      /* ľ ĺ ŕ */
    LG_PL,      /* ł ś ź ż ń */
    LG_TR,      /* ı ğ */
    LG_RO,      /* ș ț ţ */
    LG_HU,      /* ő ű */
    LG_LV,      /* ā ē ī ķ ļ ņ ģ */
    LG_VI,      /* ơ ư, and the letters with two diacritics (U+1EA0-U+1EF9) */
    LG_SH,      /* ć đ: Serbian and Croatian (and Polish ć), not Slovene */
    LG_ACUTE,   /* á é í ó ú ý: many languages, not Serbian, Croatian, Slovene */
    LG_COUNT
};

typedef struct script_counts {
    size_t n[SC_COUNT];
    size_t lg[LG_COUNT];
} script_counts;

/* The script of a letter, or -1 for what is none (digits, punctuation,
 * marks): static inline, as the word scan of detect.c asks it of every
 * code point past ASCII. */
static inline int
script_of(int32_t c)
{
    if (c < 0x80)
        return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? SC_LATIN : -1;
    if (c < 0x250)
        return (c >= 0xC0 && c != 0xD7 && c != 0xF7) ? SC_LATIN : -1;
    if (c >= 0x370 && c < 0x400)
        return SC_GREEK;
    if (c >= 0x400 && c < 0x530)
        return SC_CYRILLIC;
    if (c >= 0x531 && c < 0x590)
        return SC_ARMENIAN;
    if (c >= 0x5D0 && c < 0x5F5)
        return SC_HEBREW;
    if (c >= 0x620 && c < 0x6D4)
        return (c >= 0x64B && c <= 0x65F) ? -1 : SC_ARABIC;  /* harakat are marks */
    if (c >= 0x900 && c < 0x980)
        return (c >= 0x905 && c <= 0x939) || (c >= 0x958 && c <= 0x961) ? SC_DEVANAGARI : -1;
    if (c >= 0xB80 && c < 0xC00)
        return (c >= 0xB85 && c <= 0xBB9) ? SC_TAMIL : -1;
    if (c >= 0x980 && c < 0xA00)
        return (c >= 0x985 && c <= 0x9B9) || (c >= 0x9DC && c <= 0x9E1) ? SC_BENGALI : -1;
    if (c >= 0xA80 && c < 0xB00)
        return (c >= 0xA85 && c <= 0xAB9) ? SC_GUJARATI : -1;
    if (c >= 0x1200 && c < 0x1380)
        return c < 0x1361 || c > 0x137C ? SC_ETHIOPIC : -1;  /* not its punctuation, digits */
    if (c >= 0x1E00 && c < 0x1F00)
        return SC_LATIN;
    if (c >= 0x1F00 && c < 0x2000)
        return SC_GREEK;
    if (c >= 0x3040 && c < 0x3100)
        return (c == 0x30FB) ? -1 : SC_KANA;
    if ((c >= 0x3400 && c < 0x4DC0) || (c >= 0x4E00 && c < 0xA000) || (c >= 0xF900 && c < 0xFB00)
        || (c >= 0x20000 && c < 0x32000))
        return SC_HAN;
    if ((c >= 0xAC00 && c < 0xD7B0) || (c >= 0x1100 && c < 0x1200) || (c >= 0x3130 && c < 0x3190))
        return SC_HANGUL;
    if (c >= 0xFF66 && c < 0xFFA0)
        return SC_KANA;
    if (c >= 0xFB1D && c < 0xFB50)
        return SC_HEBREW;
    if ((c >= 0xFB50 && c < 0xFE00) || (c >= 0xFE70 && c < 0xFF00))
        return SC_ARABIC;
    if (c >= 0x2000 && c < 0x3040)
        return -1;  /* punctuation, symbols, CJK punctuation */
    return SC_OTHER;
}

/* Count the letters of s[0 .. len) by script and letter group. */
void summ__count_scripts(const unsigned char *s, size_t len, script_counts *sc);

#endif
