/* lang.c - the languages we know, and telling which one a text is in.
 *
 * Detection is classical and cheap, in two steps over at most the first
 * DETECT_MAX bytes:
 *   1. the script, from Unicode ranges: many scripts are used by one of
 *      our languages only (Greek, Armenian, Tamil, Hangul), and a few
 *      letters tell the rest apart (kana for Japanese, ј љ њ ћ for
 *      Serbian Cyrillic, ы э for Russian);
 *   2. within a script shared by several languages (Latin, Cyrillic,
 *      Devanagari, Hebrew), the common-words method (Grefenstette 1995,
 *      "Comparing two language identification schemes"): a text's most
 *      frequent words are function words, and each language has its own.
 *      The word profiles (stopwords/profiles/) were written for this
 *      library (the 25 to 60 most frequent function words of each
 *      language, and a few telling word endings, which count half); a
 *      word found in k languages' profiles counts 1/k for each. Bulgarian and Macedonian
 *      have profiles too, so that they are not taken for Russian or
 *      Serbian.
 * A text whose best language covers too few of its words, or two languages
 * tie (Danish and Norwegian can, in a short paragraph), is "und": no
 * stemming, no stopwords, still a summary.
 *
 * Cost: one pass over at most 64 kB counting scripts, then at most
 * DETECT_WORDS words looked up in an index of the script's profiles, made
 * at build time (stopwords/embed.py: detectdata.c, see detect.h). */
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "lang/detect.h"
#include "lang/lang.h"
#include "text/bits.h"
#include "text/chars.h"
#include "text/fold.h"
#include "text/utf8.h"

/* ---- step 1: scripts --------------------------------------------------- */

/* Bytes of text looked at: enough for any language's function words to
 * show, and a bound on the cost per document. */
#define DETECT_MAX 65536
/* Words scored: a few thousand decide as surely as more would. */
#define DETECT_WORDS 2000


typedef struct script_counts {
    size_t n[SC_COUNT];
    size_t cyr_sr, cyr_ru, cyr_uk;  /* letters only Serbian / Russian / Ukrainian use */
    size_t cyr_yery, cyr_hard;      /* ы э: Russian, not Bulgarian; ъ: the other way round */
    size_t cyr_mk;                  /* ѓ ќ ѕ: Macedonian */
    size_t arab_fa;                 /* Persian and Urdu letters, not Arabic ones */
    size_t hebr_yi;                 /* Yiddish ligatures and pointed letters */
} script_counts;

static int
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

static void
count_scripts(const unsigned char *s, size_t len, script_counts *sc)
{
    const unsigned char *end = s + len;
    memset(sc, 0, sizeof *sc);
    for (const unsigned char *p = s; p < end;) {
        if (*p < 0x80) {
            /* ASCII, maybe more: eight bytes at a time while all are,
             * counting the letters ((b | 0x20) in 'a' .. 'z') with
             * byte-wise additions that cannot carry. */
            while (end - p >= 8) {
                uint64_t w;
                memcpy(&w, p, 8);
                if (w & SUMM_HIGHS)
                    break;
                uint64_t x = w | (SUMM_ONES * 0x20);
                uint64_t ge_a = x + SUMM_ONES * (0x80 - 'a');        /* high bit: x >= 'a' */
                uint64_t gt_z = x + SUMM_ONES * (0x80 - ('z' + 1));  /* high bit: x > 'z' */
                uint64_t letters = ge_a & ~gt_z & SUMM_HIGHS;
                sc->n[SC_LATIN] += (size_t)(((letters >> 7) * SUMM_ONES) >> 56);
                p += 8;
            }
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
        switch (c) {
        case 0x458: case 0x459: case 0x45A: case 0x45B: case 0x452: case 0x45F:   /* ј љ њ ћ ђ џ */
        case 0x408: case 0x409: case 0x40A: case 0x40B: case 0x402: case 0x40F:
            sc->cyr_sr++;
            break;
        case 0x44B: case 0x44D: case 0x42B: case 0x42D:                          /* ы э */
            sc->cyr_yery++;
            sc->cyr_ru++;
            break;
        case 0x44A: case 0x42A:                                                  /* ъ */
            sc->cyr_hard++;
            sc->cyr_ru++;
            break;
        case 0x451: case 0x439: case 0x449: case 0x44C: case 0x44E: case 0x44F:   /* ё й щ ь ю я */
        case 0x401: case 0x419: case 0x429: case 0x42C: case 0x42E: case 0x42F:
            sc->cyr_ru++;  /* Serbian Cyrillic has none of these */
            break;
        case 0x453: case 0x45C: case 0x455: case 0x403: case 0x40C: case 0x405:   /* ѓ ќ ѕ */
            sc->cyr_mk++;
            break;
        case 0x456: case 0x457: case 0x454: case 0x491: case 0x406: case 0x407:   /* і ї є ґ */
        case 0x404: case 0x490:
            sc->cyr_uk++;
            break;
        case 0x67E: case 0x686: case 0x698: case 0x6AF: case 0x6A9: case 0x6CC:   /* پ چ ژ گ ک ی */
        case 0x679: case 0x688: case 0x691: case 0x6BA: case 0x6BE: case 0x6C1: case 0x6D2:
            sc->arab_fa++;
            break;
        case 0x5F0: case 0x5F1: case 0x5F2: case 0xFB1F:                          /* װ ױ ײ ײַ */
        case 0xFB2E: case 0xFB2F: case 0xFB4E:                                  /* אַ אָ פֿ */
            sc->hebr_yi++;
            break;
        default:
            break;
        }
        /* Yiddish points its alef (אַ אָ) and pe (פֿ) with combining marks. */
        if (c == 0x5D0 && p + 1 < end && p[0] == 0xD6 && (p[1] == 0xB7 || p[1] == 0xB8))
            sc->hebr_yi++;
        else if (c == 0x5E4 && p + 1 < end && p[0] == 0xD6 && p[1] == 0xBF)
            sc->hebr_yi++;
    }
}

/* ---- step 2: common words ---------------------------------------------- */

#define FNV_BASIS 2166136261u
#define FNV_PRIME 16777619u

static uint32_t
word_hash(const char *w, size_t n)
{
    uint32_t h = FNV_BASIS;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * FNV_PRIME;
    return h;
}

/* The slot of w (hash h = word_hash(w, n)), or the empty slot where it
 * would go. */
static inline size_t
index_find(const detect_index *ix, uint32_t h, const char *w, size_t n)
{
    size_t j = h & (DETECT_SLOTS - 1);
    while (ix->slot[j].used) {
        const detect_slot *e = &ix->slot[j];
        if (e->len == n) {
            /* words are short: no call to memcmp */
            const char *v = ix->pool + e->off;
            size_t k = 0;
            while (k < n && v[k] == w[k])
                k++;
            if (k == n)
                break;
        }
        j = (j + 1) & (DETECT_SLOTS - 1);
    }
    return j;
}

/* A word's endings tell less than a whole function word. */
#define ENDING_WEIGHT 0.5

/* Simple lower case; the common alphabets without a table lookup. */
static int32_t
lower(int32_t c)
{
    if (c >= 0x430 && c < 0x460)   /* lower-case Cyrillic */
        return c;
    if (c >= 0x410 && c < 0x430)
        return c + 0x20;
    if (c >= 0x400 && c < 0x410)
        return c + 0x50;
    if ((c >= 0xE0 && c <= 0xFF) || c >= 0x900)  /* Latin-1 lower case; Indic, Hebrew... */
        return c >= 0x1E00 && c < 0x2000 ? utf8proc_tolower(c) : c;
    return utf8proc_tolower(c);
}

/* Add weight to the score of each profile that has key (of hash h),
 * shared evenly. Whether any has it. */
static inline bool
add_hits(const detect_index *ix, uint32_t h, const char *key, size_t n, double weight,
         double *score)
{
    const detect_slot *e = &ix->slot[index_find(ix, h, key, n)];
    if (!e->used)
        return false;
    uint32_t mask = e->mask;
    int k = 0;  /* a word is in one profile or a few: no popcount call */
    for (uint32_t m = mask; m; m &= m - 1)
        k++;
    weight /= k;
    for (uint32_t m = mask; m; m &= m - 1) {
#if defined(__GNUC__)
        unsigned q = (unsigned)__builtin_ctz(m);
#else
        unsigned q = 0;
        while (!(m & (1u << q)))
            q++;
#endif
        score[q] += weight;
    }
    return true;
}

/* Whether one profile of script leads so far that more words will not
 * change the outcome: most texts are told after a few hundred words. */
static bool
settled(const double *score, int want)
{
    double b = 0, r = 0;
    for (size_t k = 0; k < summ__detect_nprofiles; k++) {
        if (summ__detect_profiles[k].script != want)
            continue;
        if (score[k] > b) {
            r = b;
            b = score[k];
        } else if (score[k] > r) {
            r = score[k];
        }
    }
    return b >= 40 && b >= 3 * r;
}

/* Score each profile of script by the words of s. Returns the number of
 * words looked at. */
static size_t
score_words(const unsigned char *s, size_t len, int want, double *score)
{
    const detect_index *ix = &summ__detect_index[want];
    if (!ix->slot)
        return 0;
    const unsigned char *end = s + len;
    size_t nwords = 0;
    const unsigned char *p = s;
    while (p < end && nwords < DETECT_WORDS) {
        /* One word, lower-cased as it is read. Simple case mapping, not
         * summ__fold_word()'s NFKC case folding: it is five times faster, and
         * the profiles hold no word where the two differ (test_lang checks
         * they are folded; text in NFD only loses its accented words). */
        char buf[64];
        size_t m = 0;
        uint32_t h = FNV_BASIS;  /* word_hash(buf, m), kept as it grows */
        bool inword = false, toolong = false;
        while (p < end) {
            int32_t c;
            size_t n;
            if (*p < 0x80) {
                c = *p | 0x20;
                if (c < 'a' || c > 'z') {
                    if (inword)
                        break;
                    p++;
                    continue;
                }
                /* a run of ASCII letters, in one go */
                inword = true;
                do {
                    if (m + 4 > sizeof buf) {
                        toolong = true;
                    } else {
                        buf[m++] = (char)c;
                        h = (h ^ (unsigned)c) * FNV_PRIME;
                    }
                    p++;
                    c = p < end ? *p | 0x20 : 0;
                } while (c >= 'a' && c <= 'z');
                continue;
            } else {
                n = utf8_decode(p, end, &c);
                if (inword ? !is_word_cp(c) : script_of(c) < 0) {
                    if (inword)
                        break;
                    p += n;
                    continue;
                }
                c = lower(c);
            }
            inword = true;
            p += n;
            if (m + 4 > sizeof buf) {
                toolong = true;
                continue;
            }
            size_t m0 = m;
            if (c < 0x80)
                buf[m++] = (char)c;
            else
                m += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)buf + m);
            for (; m0 < m; m0++)
                h = (h ^ (unsigned char)buf[m0]) * FNV_PRIME;
        }
        if (!inword)
            break;
        nwords++;
        if (nwords % 256 == 0 && settled(score, want))
            break;
        if (toolong)
            continue;
        if (add_hits(ix, h, buf, m, 1.0, score))
            continue;  /* a function word: its endings tell nothing more */
        if (!ix->short_ending && m >= 2) {
            unsigned t = (unsigned char)buf[m - 2] << 8 | (unsigned char)buf[m - 1];
            if (!(ix->tail[t >> 3] & (1u << (t & 7))))
                continue;  /* no ending of the index ends so */
        }
        /* its endings of 1 to 4 characters, if three letters or more are
         * left ("eller" does not end in Turkish -ler) */
        size_t e = m, chars = 0;
        while (e > 0 && chars < 4) {
            do
                e--;
            while (e > 0 && ((unsigned char)buf[e] & 0xC0) == 0x80);
            chars++;
            if (e < 3)
                break;
            /* the key "-ending", made in place: buf[e - 1] is spare, as
             * the loop stops before e gets that small */
            char keep = buf[e - 1];
            buf[e - 1] = '-';
            add_hits(ix, word_hash(buf + e - 1, m - e + 1), buf + e - 1, m - e + 1,
                     ENDING_WEIGHT, score);
            buf[e - 1] = keep;
        }
    }
    return nwords;
}

bool
summ__lang_profiles_ok(void)
{
    const detect_profile *prof = summ__detect_profiles;
    size_t np = summ__detect_nprofiles;
    if (np > DETECT_MAX_PROFILES)
        return false;
    uint32_t seen = 0;
    for (size_t p = 0; p < np; p++)
        if (summ__lang_by_code(prof[p].code) == &summ__lang_und
            && strcmp(prof[p].code, "bg") != 0 && strcmp(prof[p].code, "mk") != 0)
            return false;
    for (int sc = 0; sc < SC_COUNT; sc++) {
        const detect_index *ix = &summ__detect_index[sc];
        if (!ix->slot)
            continue;
        size_t words = 0;
        for (size_t j = 0; j < DETECT_SLOTS; j++) {
            const detect_slot *e = &ix->slot[j];
            if (!e->used)
                continue;
            const char *w = ix->pool + e->off;
            char buf[256];
            /* folded as the text's words are; found where it is; only in
             * profiles of this script */
            if (e->len == 0 || summ__fold_word(w, e->len, buf, sizeof buf) != e->len
                || memcmp(buf, w, e->len) != 0
                || index_find(ix, word_hash(w, e->len), w, e->len) != j || e->mask == 0)
                return false;
            for (uint32_t m = e->mask; m; m &= m - 1) {
                size_t q = 0;
                while (!(m & (1u << q)))
                    q++;
                if (q >= np || prof[q].script != sc)
                    return false;
                seen |= 1u << q;
            }
            words++;
        }
        if (words > DETECT_SLOTS / 2)
            return false;
    }
    return seen == (np == 32 ? UINT32_MAX : (1u << np) - 1);  /* no profile empty */
}

/* The best profile of script for s (skip: a profile code not to consider,
 * or NULL), or NULL when its words are too rare in the text or two
 * languages tie. */
static const detect_profile *
by_words(const unsigned char *s, size_t len, int want, const char *skip)
{
    double score[DETECT_MAX_PROFILES] = { 0 };
    size_t nwords = score_words(s, len, want, score);
    const detect_profile *prof = summ__detect_profiles;
    size_t np = summ__detect_nprofiles;
    /* Serbian's two profiles (Latin, Cyrillic) never meet: one script each. */
    size_t best = np, second = np;
    for (size_t k = 0; k < np; k++) {
        if (prof[k].script != want || (skip && strcmp(prof[k].code, skip) == 0))
            continue;
        if (best == np || score[k] > score[best]) {
            second = best;
            best = k;
        } else if (second == np || score[k] > score[second]) {
            second = k;
        }
    }
    if (best == np || nwords == 0)
        return NULL;
    /* Running text has a quarter or more of its words among its
     * language's most common ones, one paragraph already shows it; a
     * language we do not know shares a few with ours by chance. Weak
     * evidence must at least be clear: twice the runner-up's. */
    double b = score[best], r = second != np ? score[second] : 0;
    if (b < 1.0 || b < 0.08 * (double)nwords || b <= r || (b < 1.5 && b < 2 * r))
        return NULL;
    return &prof[best];
}

/* The language of a profile; und for none, or for a language we do not
 * have (its profile is there so that it is not taken for one we have). */
static const lang_info *
lang_of(const detect_profile *p)
{
    return p ? summ__lang_by_code(p->code) : &summ__lang_und;
}

const lang_info *
summ__lang_detect(const char *text, size_t len)
{
    if (len > DETECT_MAX) {
        /* cut at a character boundary */
        len = DETECT_MAX;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    const unsigned char *s = (const unsigned char *)text;
    script_counts sc;
    count_scripts(s, len, &sc);

    size_t total = 0;
    int top = 0;
    for (int k = 0; k < SC_COUNT; k++) {
        total += sc.n[k];
        if (sc.n[k] > sc.n[top])
            top = k;
    }
    if (total == 0)
        return &summ__lang_und;
    /* Chinese and Japanese say with one character what an alphabet says
     * with about three letters: weigh them so against the other scripts. */
    size_t cjk = sc.n[SC_HAN] + sc.n[SC_KANA];
    if (sc.n[SC_HANGUL] > 0 && sc.n[SC_HANGUL] * 2 >= sc.n[SC_HAN] + sc.n[SC_HANGUL]
        && sc.n[SC_HANGUL] * 2 >= sc.n[top])
        return summ__lang_by_code("ko");
    if (cjk > 0 && cjk * 3 >= sc.n[top]) {
        /* Japanese text is about half kana; Chinese has none, but a quoted
         * Japanese name must not make it Japanese. */
        return summ__lang_by_code(sc.n[SC_KANA] * 10 >= cjk ? "ja" : "zh");
    }

    switch (top) {
    case SC_GREEK:    return summ__lang_by_code("el");
    case SC_ARMENIAN: return summ__lang_by_code("hy");
    case SC_TAMIL:    return summ__lang_by_code("ta");
    case SC_HANGUL:   return summ__lang_by_code("ko");
    case SC_ARABIC:
        /* Persian and Urdu share the script but not these letters. */
        return sc.arab_fa * 50 > sc.n[SC_ARABIC] ? &summ__lang_und : summ__lang_by_code("ar");
    case SC_HEBREW: {
        /* Hebrew proper does not point alef or use the double-letter
         * ligatures; Yiddish does, and has its own function words. */
        if (sc.hebr_yi * 100 >= sc.n[SC_HEBREW])
            return summ__lang_by_code("yi");
        return lang_of(by_words(s, len, SC_HEBREW, NULL));
    }
    case SC_CYRILLIC: {
        size_t n = sc.n[SC_CYRILLIC];
        /* Ukrainian and Macedonian, which we do not stem */
        if ((sc.cyr_uk * 100 > n && sc.cyr_uk > sc.cyr_yery + sc.cyr_sr) || sc.cyr_mk * 200 > n)
            return &summ__lang_und;
        if (sc.cyr_sr > sc.cyr_ru) {
            /* Serbian, or Macedonian (ј љ њ too) */
            const detect_profile *p = by_words(s, len, SC_CYRILLIC, "ru");
            return p ? lang_of(p) : summ__lang_by_code("sr");
        }
        /* Russian or Bulgarian (ё й щ ь ю я, which Serbian has none of) */
        if (sc.cyr_ru > 0) {
            /* Russian has ы in one word in five and ъ hardly ever; Bulgarian
             * has no ы and ъ in many words */
            if ((n > 300 && sc.cyr_yery == 0) || (sc.cyr_hard * 100 > n && sc.cyr_hard > sc.cyr_yery))
                return &summ__lang_und;
            const detect_profile *p = by_words(s, len, SC_CYRILLIC, "sr");
            if (!p && sc.cyr_yery > 0)
                return summ__lang_by_code("ru");
            return lang_of(p);
        }
        return lang_of(by_words(s, len, SC_CYRILLIC, NULL));
    }
    case SC_DEVANAGARI:
        return lang_of(by_words(s, len, SC_DEVANAGARI, NULL));
    case SC_LATIN:
        return lang_of(by_words(s, len, SC_LATIN, NULL));
    default:
        return &summ__lang_und;
    }
}
