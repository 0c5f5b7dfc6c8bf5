/* detect.c - telling which language a text is in.
 *
 * Detection is classical and cheap, in two steps over at most the first
 * DETECT_MAX bytes:
 *   1. the script, from Unicode ranges: many scripts are used by one of
 *      our languages only (Greek, Armenian, Tamil, Gujarati, Hangul), and
 *      kana tell Japanese from Chinese; letters that a language never
 *      writes rule it out (ы э are not Bulgarian or Ukrainian, ј љ њ not
 *      Russian, ә қ ң only Kazakh, ٹ ڈ ڑ only Urdu);
 *   2. among the languages left, the common-words method (Grefenstette
 *      1995, "Comparing two language identification schemes"): a text's
 *      most frequent words are function words, and each language has its
 *      own. The profiles are data (stopwords/profiles/<code>.txt, made by
 *      stopwords/profiles.py): each language's most frequent stopwords, and
 *      a few telling word endings, which count half; a word found in k
 *      languages' profiles counts 1/k for each. Macedonian has a profile
 *      too, so that it is not taken for Bulgarian or Serbian.
 * A text whose best language covers too few of its words, or two languages
 * tie (Danish and Norwegian can, in a short paragraph), is "und": no
 * stemming, no stopwords, still a summary.
 *
 * Cost: one pass over at most 64 kB counting scripts, then at most
 * DETECT_WORDS words looked up in an index of the script's profiles,
 * built once per context (see cached_index). */
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

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
    LG_COUNT
};

typedef struct script_counts {
    size_t n[SC_COUNT];
    size_t lg[LG_COUNT];
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

/* ---- step 2: common words ---------------------------------------------- */

/* A profile: the built-in list stopwords/profiles/<code>.txt, one entry a
 * line ("#" comments): a word as summ__fold_word() leaves it (lower case,
 * NFKC), or "-ending". Serbian's has words in both its scripts; each word
 * is indexed under its own script. */
typedef struct profile {
    const char *code;
    const char *text;
    size_t len;
    uint32_t scripts;  /* bit SC_x: it has entries of that script */
} profile;

#define MAX_PROFILES 64  /* the bits of wslot.mask */

typedef struct ptable {
    size_t n;
    profile p[MAX_PROFILES];
} ptable;

/* The next entry of t[*pos .. len): [*a, *b), trimmed. False at the end. */
static bool
next_entry(const char *t, size_t len, size_t *pos, size_t *a, size_t *b)
{
    size_t i = *pos;
    while (i < len) {
        size_t e = i;
        while (e < len && t[e] != '\n')
            e++;
        size_t x = i, y = e;
        while (x < y && (t[x] == ' ' || t[x] == '\t' || t[x] == '\r'))
            x++;
        while (y > x && (t[y - 1] == ' ' || t[y - 1] == '\t' || t[y - 1] == '\r'))
            y--;
        i = e < len ? e + 1 : e;
        if (x < y && t[x] != '#') {
            *pos = i;
            *a = x;
            *b = y;
            return true;
        }
    }
    *pos = i;
    return false;
}

/* The script of an entry: of its first letter ("-ending": after the dash). */
static int
entry_script(const char *t, size_t a, size_t b)
{
    if (a < b && t[a] == '-')
        a++;
    if (a >= b)
        return -1;
    int32_t c;
    utf8_decode((const unsigned char *)t + a, (const unsigned char *)t + b, &c);
    return script_of(c);
}

static void
ptable_build(ptable *pt)
{
    pt->n = 0;
    for (const builtin_list *l = summ__builtin_lists; l->code; l++) {
        if (l->kind != DATA_PROFILE || pt->n == MAX_PROFILES)
            continue;  /* more than MAX_PROFILES: test_lang checks there are not */
        profile *p = &pt->p[pt->n++];
        *p = (profile){ l->code, l->text, l->len, 0 };
        size_t pos = 0, a, b;
        while (next_entry(p->text, p->len, &pos, &a, &b)) {
            int sc = entry_script(p->text, a, b);
            if (sc >= 0)
                p->scripts |= 1u << sc;
        }
    }
}

#define INDEX_SLOTS 4096  /* power of two, at least twice the entries of a script */

/* The entries of one script's profiles, indexed for the scan: open
 * addressing on FNV-1a. Built from the profiles once per context and
 * script (about two thousand entries for Latin: more work than scanning a
 * short article), kept in the context's lang_cache; on the stack, per
 * call, when there is no context or no memory for it. */
typedef struct wslot {
    uint64_t mask;  /* which profiles (bit = profile index) have the entry */
    uint32_t off;   /* the entry in its first profile's text */
    uint8_t prof;   /* profile index + 1 of the entry's first profile; 0 = empty */
    uint8_t len;
} wslot;

typedef struct windex {
    const ptable *pt;
    wslot slot[INDEX_SLOTS];
    size_t used;
    /* The last two bytes of every ending ("-ing": "ng"), a bit each: a
     * word whose last two bytes are not among them has no ending in the
     * index, which saves its four lookups. Unless an ending is one byte
     * ("-a"): then short_ending is set and every word is looked up. */
    uint8_t tail[65536 / 8];
    bool short_ending;
} windex;

/* The per-context cache: the profile table and one index per script (made
 * on first use). */
struct lang_cache {
    ptable pt;
    bool pt_ready;
    windex *ix[SC_COUNT];
};

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
index_find(const windex *ix, uint32_t h, const char *w, size_t n)
{
    size_t j = h & (INDEX_SLOTS - 1);
    while (ix->slot[j].prof) {
        const wslot *e = &ix->slot[j];
        if (e->len == n) {
            /* words are short: no call to memcmp */
            const char *v = ix->pt->p[e->prof - 1].text + e->off;
            size_t k = 0;
            while (k < n && v[k] == w[k])
                k++;
            if (k == n)
                break;
        }
        j = (j + 1) & (INDEX_SLOTS - 1);
    }
    return j;
}

static void
index_build(windex *ix, const ptable *pt, int want)
{
    memset(ix->slot, 0, sizeof ix->slot);
    memset(ix->tail, 0, sizeof ix->tail);
    ix->pt = pt;
    ix->short_ending = false;
    ix->used = 0;
    for (size_t p = 0; p < pt->n; p++) {
        const char *s = pt->p[p].text;
        size_t pos = 0, a, b;
        while (next_entry(s, pt->p[p].len, &pos, &a, &b)) {
            if (b - a > 255 || entry_script(s, a, b) != want)
                continue;
            wslot *e = &ix->slot[index_find(ix, word_hash(s + a, b - a), s + a, b - a)];
            if (!e->prof) {
                if (++ix->used > INDEX_SLOTS / 2)
                    return;  /* never with our profiles (test_lang checks) */
                e->prof = (uint8_t)(p + 1);
                e->off = (uint32_t)a;
                e->len = (uint8_t)(b - a);
                e->mask = 0;
            }
            e->mask |= (uint64_t)1 << p;
            if (s[a] == '-' && b - a == 2) {
                ix->short_ending = true;
            } else if (s[a] == '-' && b - a > 2) {
                unsigned t = (unsigned char)s[b - 2] << 8 | (unsigned char)s[b - 1];
                ix->tail[t >> 3] |= (uint8_t)(1u << (t & 7));
            }
        }
    }
}

/* The context's cache, made on first use, or NULL (no context, or no
 * memory: the caller works on the stack, and detection gives the same
 * answer either way). */
static lang_cache *
cache_of(lang_cache **cache, const salloc *al)
{
    if (!cache || !al)
        return NULL;
    if (!*cache) {
        *cache = summ__calloc(al, 1, sizeof **cache);
        if (!*cache)
            return NULL;
    }
    if (!(*cache)->pt_ready) {
        ptable_build(&(*cache)->pt);
        (*cache)->pt_ready = true;
    }
    return *cache;
}

static const windex *
cached_index(lang_cache *c, const salloc *al, int want)
{
    if (!c)
        return NULL;
    windex **ix = &c->ix[want];
    if (!*ix) {
        *ix = summ__malloc(al, sizeof **ix);
        if (!*ix)
            return NULL;
        index_build(*ix, &c->pt, want);
    }
    return *ix;
}

void
summ__lang_cache_free(const salloc *al, lang_cache *c)
{
    if (!c)
        return;
    for (size_t k = 0; k < SC_COUNT; k++)
        summ__free(al, c->ix[k]);
    summ__free(al, c);
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

/* Add weight to the score of each profile that has key (of hash h) and is
 * not excluded, shared evenly. Whether any has it. */
static inline bool
add_hits(const windex *ix, uint32_t h, const char *key, size_t n, double weight,
         uint64_t allowed, double *score, double *cover)
{
    const wslot *e = &ix->slot[index_find(ix, h, key, n)];
    if (!e->prof)
        return false;
    uint64_t mask = e->mask & allowed;
    if (!mask)
        return true;
    int k = 0;
    for (uint64_t m = mask; m; m &= m - 1)
        k++;
    for (uint64_t m = mask; m; m &= m - 1) {
        unsigned q = 0;
        while (!(m & ((uint64_t)1 << q)))
            q++;
        score[q] += weight / k;
        cover[q] += weight;
    }
    return true;
}

/* Whether one profile leads so far that more words will not change the
 * outcome: most texts are told after a few hundred words. */
static bool
settled(const double *score, size_t n, uint64_t allowed)
{
    double b = 0, r = 0;
    for (size_t k = 0; k < n; k++) {
        if (!(allowed & ((uint64_t)1 << k)))
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

/* Score the allowed profiles by the words of s. Returns the number of
 * words looked at. */
static size_t
score_words(const windex *ix, const unsigned char *s, size_t len, uint64_t allowed,
            double *score, double *cover)
{
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
        if (nwords % 256 == 0 && settled(score, ix->pt->n, allowed))
            break;
        if (toolong)
            continue;
        if (add_hits(ix, h, buf, m, 1.0, allowed, score, cover))
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
                     ENDING_WEIGHT, allowed, score, cover);
            buf[e - 1] = keep;
        }
    }
    return nwords;
}

bool
summ__lang_profiles_ok(void)
{
    ptable pt;
    ptable_build(&pt);
    size_t n = 0;
    for (const builtin_list *l = summ__builtin_lists; l->code; l++)
        n += l->kind == DATA_PROFILE;
    if (n > MAX_PROFILES || n != pt.n || n == 0)
        return false;
    for (int sc = 0; sc < SC_COUNT; sc++) {
        size_t entries = 0;
        for (size_t p = 0; p < pt.n; p++) {
            /* Every profile is of a language we have, but Macedonian's. */
            if (summ__lang_by_code(pt.p[p].code) == &summ__lang_und
                && strcmp(pt.p[p].code, "mk") != 0)
                return false;
            const char *s = pt.p[p].text;
            size_t pos = 0, a, b;
            while (next_entry(s, pt.p[p].len, &pos, &a, &b)) {
                if (entry_script(s, a, b) != sc)
                    continue;
                char buf[300];
                if (b - a > 255 || summ__fold_word(s + a, b - a, buf, sizeof buf) != b - a
                    || memcmp(buf, s + a, b - a) != 0)
                    return false;
                entries++;
            }
        }
        if (entries > INDEX_SLOTS / 2)
            return false;
    }
    return true;
}

/* The best of the allowed profiles for s, or NULL when its words are too
 * rare in the text or two languages tie. */
static const profile *
best_profile(const windex *ix, const unsigned char *s, size_t len, uint64_t allowed)
{
    const ptable *pt = ix->pt;
    /* score: shared words split between the profiles that have them, which
     * tells related languages apart; cover: whole, which says how much of
     * the text the language's common words are */
    double score[MAX_PROFILES] = { 0 }, cover[MAX_PROFILES] = { 0 };
    size_t nwords = score_words(ix, s, len, allowed, score, cover);
    size_t best = MAX_PROFILES, second = MAX_PROFILES;
    for (size_t k = 0; k < pt->n; k++) {
        if (!(allowed & ((uint64_t)1 << k)))
            continue;
        if (best == MAX_PROFILES || score[k] > score[best]) {
            second = best;
            best = k;
        } else if (second == MAX_PROFILES || score[k] > score[second]) {
            second = k;
        }
    }
    if (best == MAX_PROFILES || nwords == 0)
        return NULL;
    /* Running text has a quarter or more of its words among its
     * language's most common ones, one paragraph already shows it; a
     * language we do not know shares some with ours (by chance, or by
     * kinship). Weak evidence must at least be clear: twice the
     * runner-up's. */
    double b = score[best], r = second != MAX_PROFILES ? score[second] : 0;
    if (b < 1.0 || cover[best] < 0.08 * (double)nwords || b <= r || (b < 1.5 && b < 2 * r))
        return NULL;
    return &pt->p[best];
}

/* Letters a language never writes (LG_ bits): a text with more than a
 * few of them is not in it. Languages not listed have no such rule. */
static const struct { const char *code; unsigned never; } never_letters[] = {
    { "ru", 1u << LG_SR | 1u << LG_MK | 1u << LG_UK | 1u << LG_I | 1u << LG_KK },
    { "bg", 1u << LG_SR | 1u << LG_MK | 1u << LG_YERY | 1u << LG_UK | 1u << LG_I | 1u << LG_KK },
    { "uk", 1u << LG_SR | 1u << LG_MK | 1u << LG_YERY | 1u << LG_HARD | 1u << LG_KK },
    { "sr", 1u << LG_RU | 1u << LG_YERY | 1u << LG_HARD | 1u << LG_MK | 1u << LG_UK | 1u << LG_I
                | 1u << LG_KK },
    { "mk", 1u << LG_RU | 1u << LG_YERY | 1u << LG_HARD | 1u << LG_UK | 1u << LG_I | 1u << LG_KK },
    { "kk", 1u << LG_SR | 1u << LG_MK | 1u << LG_UK },
    { "ar", 1u << LG_FA | 1u << LG_UR },
    { "fa", 1u << LG_UR },
    { "he", 1u << LG_YI },
};

/* Letters only one of our languages writes: a text with more than a few
 * of them is in that language or one we do not have. */
static const struct { int group; const char *code; } only_letters[] = {
    { LG_CS, "cs" }, { LG_SK, "sk" }, { LG_PL, "pl" }, { LG_TR, "tr" }, { LG_RO, "ro" },
    { LG_HU, "hu" }, { LG_LV, "lv" }, { LG_VI, "vi" },
};

/* The profiles of script want whose languages the letters allow. */
static uint64_t
allowed_profiles(const ptable *pt, int want, const script_counts *sc)
{
    uint64_t allowed = 0;
    size_t n = sc->n[want] ? sc->n[want] : 1;
    for (size_t k = 0; k < pt->n; k++) {
        if (!(pt->p[k].scripts & (1u << want)))
            continue;
        unsigned never = 0;
        for (size_t i = 0; i < sizeof never_letters / sizeof never_letters[0]; i++)
            if (strcmp(never_letters[i].code, pt->p[k].code) == 0)
                never = never_letters[i].never;
        for (size_t i = 0; i < sizeof only_letters / sizeof only_letters[0]; i++)
            if (strcmp(only_letters[i].code, pt->p[k].code) != 0)
                never |= 1u << only_letters[i].group;
        size_t bad = 0;
        for (int g = 0; g < LG_COUNT; g++)
            if (never & (1u << g))
                bad += sc->lg[g];
        /* One in 200 letters: a quoted name or a typo does not count. */
        if (bad * 200 <= n)
            allowed |= (uint64_t)1 << k;
    }
    return allowed;
}

/* The language of script want by its words, or und. The context's index,
 * or one made on the stack for this call. */
static const lang_info *
by_words(lang_cache **cache, const salloc *al, const unsigned char *s, size_t len, int want,
         const script_counts *sc)
{
    lang_cache *c = cache_of(cache, al);
    const windex *ix = cached_index(c, al, want);
    const profile *p;
    if (ix) {
        p = best_profile(ix, s, len, allowed_profiles(&c->pt, want, sc));
    } else {
        ptable pt;
        windex local;
        ptable_build(&pt);
        index_build(&local, &pt, want);
        p = best_profile(&local, s, len, allowed_profiles(&pt, want, sc));
        /* p points into pt, which ends here: answer with the language */
        return p ? summ__lang_by_code(p->code) : &summ__lang_und;
    }
    return p ? summ__lang_by_code(p->code) : &summ__lang_und;
}

const lang_info *
summ__lang_detect(lang_cache **cache, const salloc *al, const char *text, size_t len)
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
    /* Scripts of one language of ours (Gujarati is written in its own) */
    case SC_GREEK:    return summ__lang_by_code("el");
    case SC_ARMENIAN: return summ__lang_by_code("hy");
    case SC_TAMIL:    return summ__lang_by_code("ta");
    case SC_HANGUL:   return summ__lang_by_code("ko");
    case SC_GUJARATI: return summ__lang_by_code("gu");
    case SC_HEBREW:
        /* Hebrew proper does not point alef or use the double-letter
         * ligatures; Yiddish does, and has its own function words. */
        if (sc.lg[LG_YI] * 100 >= sc.n[SC_HEBREW])
            return summ__lang_by_code("yi");
        return by_words(cache, al, s, len, SC_HEBREW, &sc);
    /* Scripts shared with languages we do not have (Assamese, Tigrinya,
     * Kyrgyz...) or among ours: the words decide. */
    case SC_LATIN: case SC_CYRILLIC: case SC_ARABIC: case SC_DEVANAGARI:
    case SC_BENGALI: case SC_ETHIOPIC:
        return by_words(cache, al, s, len, top, &sc);
    default:
        return &summ__lang_und;
    }
}
