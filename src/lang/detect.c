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
 *      The word profiles below were written for this library (the 25 to
 *      60 most frequent function words of each language, and a few
 *      telling word endings, which count half); a word found in k
 *      languages' profiles counts 1/k for each. Bulgarian and Macedonian
 *      have profiles too, so that they are not taken for Russian or
 *      Serbian.
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
    SC_TAMIL, SC_HAN, SC_KANA, SC_HANGUL, SC_OTHER, SC_COUNT
};

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

/* Function-word profiles, each word as summ__fold_word() leaves it (lower case,
 * NFKC; German ß folds to ss, Greek ς to σ). Serbian has two, one per
 * script. Scripts of the profiles: the word scan only uses the profiles of
 * the text's script. */
typedef struct profile {
    const char *code;
    int script;
    const char *words;  /* separated by single spaces */
} profile;

static const profile profiles[] = {
    { "en", SC_LATIN, "the of and to in is that for it was on with as by at from this be are "
      "have has not or an which but his her they their he she we you will would been were "
      "its can there who also if had shall any such"
      " -tion -tions -ing -ness -ly" },
    { "ca", SC_LATIN, "el la els les de del dels i en que un una és per amb no es al als com "
      "més però o ha seu seva aquest aquesta són ser tot tota qualsevol pel pels hi sense "
      "sobre seus seves li"
      " -ció -cions -tat -ment -ats" },
    { "da", SC_LATIN, "og i at det er en den til af på som med de for ikke har var der et kan "
      "han hun sig jeg men fra efter blev være også eller skal hvad mig nogen meget ved "
      "enhver hver deres dette"
      " ud op mod uden anden andet nogle noget igennem bliver været havde mellem hende sit "
      "mit dit -hed -heden -heder -erne -ende -else -ighed" },
    { "de", SC_LATIN, "der die und in den von zu das mit sich des auf für ist im dem nicht ein "
      "eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie "
      "einem über einen so zum war haben nur oder aber vor zur bis durch jeder jede hat kann"
      " -ung -ungen -keit -heit -lich -ischen -schaft" },
    { "es", SC_LATIN, "el la los las de del y en que un una es por con para se no al lo su "
      "sus como más pero o ha este esta son fue sin sobre entre también toda todo tiene ser "
      "ni dicha"
      " -ción -ciones -dad -idad -mente" },
    { "eu", SC_LATIN, "eta da ez du bat ere edo dira zen baina hau hori dute izan bere beste "
      "guztiak behar gabe ondoren edozein bezala dela duen dituen zuen dago daude horren "
      "egin baita"
      " -ak -aren -tzen -tasun -tasuna -ko -ren -rik -ean -etan" },
    { "fi", SC_LATIN, "ja on ei se että oli hän ovat tai mutta kun niin myös kuin joka jotka "
      "sen sitä tämä mitä ole olla kaikki jos vain hänen heidän jokaisella jokaisen sekä "
      "mukaan tämän kaikilla"
      " -ssa -ssä -sta -stä -lla -llä -lta -ltä -ksi -nen -inen -isen -iset -minen -aan "
      "-ään" },
    { "fr", SC_LATIN, "le la les de des et en du un une est que qui dans pour pas au sur par "
      "ce il elle plus ne se sont avec aux son sa ses ou cette leur leurs été être nous vous "
      "ont mais comme tout toute à"
      " -tion -tions -ment -ité -eux -aux -ées -és" },
    { "ga", SC_LATIN, "an na agus ar is de do a le go i ag sa ní bhí tá seo sin ach nó ina "
      "chun gach aon mar atá don dá faoi níl"
      " -eacht -aíocht -anna -acha -ín" },
    { "hu", SC_LATIN, "a az és hogy nem is van egy meg de ezt csak mint már vagy ki volt el "
      "kell minden való arra ha azt után pedig lesz nincs mert sem vagy alatt joga"
      " -ban -ben -nak -nek -ból -ből -ról -ről -val -vel -ság -ség -ához -éhez" },
    { "id", SC_LATIN, "yang dan di ke dari ini itu dengan untuk dalam tidak akan pada adalah "
      "atau oleh juga ada sebagai setiap mereka kami kita bahwa dapat telah secara tersebut "
      "bagi hak"
      " -kan -nya -lah -kah" },
    { "it", SC_LATIN, "il lo la i gli le di del della dei delle e è che un una per in con non "
      "si da al alla sono come ma anche più nel nella ha ogni essere suo sua loro o degli "
      "alle"
      " -zione -zioni -ità -mente -ezza" },
    { "lt", SC_LATIN, "ir yra kad į su ne o iš jo jų kaip bet tai už per taip buvo bei savo "
      "kiekvienas arba ar nuo dėl prie tik kiekvieno turi"
      " -ų -ės -ims -imo -ams -ymo -iai -ius -ijos -ą -ę -ė" },
    { "nl", SC_LATIN, "de het een en van in is dat op te zijn voor met die niet aan er om ook "
      "als bij of door naar wordt worden heeft hij zij maar tot uit dan nog wel deze dit "
      "ieder"
      " -heid -lijk -lijke -ijk -tie -iteit" },
    { "no", SC_LATIN, "og i å det er en den til av på som med de for ikke har var der et kan "
      "han hun seg jeg men fra etter ble være også eller skal hva meg noen mye ved enhver "
      "hver deres dette"
      " ut opp mot uten annen annet noen noe gjennom blir vært hadde mellom henne nå sitt "
      "mitt ditt -het -heten -heter -ene -ende -else -ighet -tt" },
    { "pt", SC_LATIN, "o a os as de do da dos das e em no na nos nas um uma que para com não "
      "por se ao ou mais como seu sua foi são é ser tem pelo pela à"
      " -ção -ções -dade -mente -ões -ão" },
    { "ro", SC_LATIN, "și şi de la în a cu pe care să nu se un o din este au ce pentru mai "
      "sau ca lui ei fi al ale cel orice prin sunt acest această aceasta fost"
      " -ție -ția -ții -ţie -ţia -ţii -ului -ilor -ări -ește -ul -ă" },
    { "sr", SC_LATIN, "i u je da se na za od su koji koja koje kao ili sa iz to nije bi biti "
      "ima svaki svako ne ali već samo po pod pred kroz preko prema kod će sam smo ste bio "
      "bila bilo svi sve ovaj ova ovo taj njegov njihov ga mu im još ni niti nego jer ako dok "
      "gde što"
      " -ost -osti -anja -enja -ija -ima -ći -će -ju -ama -ije" },
    { "sv", SC_LATIN, "och i att det är en som på av för med den till inte har de om ett var "
      "jag han hon sig men från efter eller kan ska skall vid så alla även utan mot varje"
      " -het -heten -heter -erna -arna -orna -ande -else -ning -ningar -igt" },
    { "tr", SC_LATIN, "ve bir bu da de için ile olarak çok daha gibi kadar olan her ya ki ne "
      "sonra veya değil hiç kendi ancak göre tüm herkes"
      " -lar -ler -ları -leri -ının -inin -ması -mesi -dır -dir -lık -lik -ı -ını -ına -ında "
      "-ğı -ği" },
    { "ru", SC_CYRILLIC, "и в не на что с по как это он к из у для от или все быть был была "
      "каждый его ее её их она они но же так только при также о об"
      " -ого -ости -ость -ние -ния -ться -ами -ых -ой -ей -ая -ые -ий -ся -ть -ему" },
    { "sr", SC_CYRILLIC, "и у је да се на за од су који која које као или са из то није би "
      "бити има сваки свако не али већ само по под пред кроз преко према код ће сам смо сте "
      "био била било сви све овај ова ово тај његов њихов га му им још ни нити него јер ако "
      "док где што"
      " -ост -ости -ања -ења -ија -има -ћи -ће -ју -ама -ије" },
    /* Bulgarian and Macedonian, which we do not have: a text they fit
     * better is und */
    { "bg", SC_CYRILLIC, "на и в за се от да е с по че са не като това които който която след "
      "при до към но ще или бъде има всеки всички тези може трябва беше бил"
      " -ът -ят -ата -ото -ите -ията" },
    { "mk", SC_CYRILLIC, "на и во се од за да со е што не ќе кој која кое тоа како или до по "
      "при ги го ја има беше бил биле секој секоја нивните"
      " -от -ота -ите -ење -ања" },
    { "hi", SC_DEVANAGARI, "के है में की और से को का एक पर यह भी हैं था कि लिए ने नहीं हो "
      "गया किया तो जो ही कर इस वह साथ किसी"
      " -ों -ाओं -ियों" },
    { "ne", SC_DEVANAGARI, "को र मा छ छन हो का ले ला गर्न भएको पनि यो त्यो हुने थियो तथा "
      "गरेको रहेको सबै कुनै हुन्छ गरी हरू वा"
      " -मा -को -ले -लाई -हरू -छ -छन्" },
    { "yi", SC_HEBREW, "און דער די דאָס פֿון אין צו איז אַ מיט אויף אױף ניט נישט פֿאַר זיך "
      "ווי װי זײַן האָט זענען יעדער אַלע" },
};

#define NPROFILES (sizeof profiles / sizeof profiles[0])
#define INDEX_SLOTS 2048  /* power of two, at least twice the words of a script */

/* The words of one script's profiles, indexed for the scan: open
 * addressing on FNV-1a, one 8-byte slot per word so that a probe touches
 * one cache line. Built from the static strings above once per context
 * and script (about a thousand words for Latin, some 100k instructions:
 * more than scanning a short article), kept in the context's lang_cache;
 * on the stack, per call, when there is no context or no memory for it. */
typedef struct wslot {
    uint32_t mask;  /* which profiles (bit = profile index) have the word */
    uint16_t off;   /* the word in its first profile's string */
    uint8_t prof;   /* profile index + 1 of the word's first entry; 0 = empty */
    uint8_t len;
} wslot;

typedef struct windex {
    wslot slot[INDEX_SLOTS];
    /* The last two bytes of every ending ("-ing": "ng"), a bit each: a
     * word whose last two bytes are not among them has no ending in the
     * index, which saves its four lookups. Unless an ending is one byte
     * ("-a"): then short_ending is set and every word is looked up. */
    uint8_t tail[65536 / 8];
    bool short_ending;
} windex;

/* The per-context cache of indexes, one per script (made on first use). */
struct lang_cache {
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
            const char *v = profiles[e->prof - 1].words + e->off;
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
index_build(windex *ix, int want)
{
    memset(ix->slot, 0, sizeof ix->slot);
    memset(ix->tail, 0, sizeof ix->tail);
    ix->short_ending = false;
    size_t used = 0;
    for (size_t p = 0; p < NPROFILES; p++) {
        if (profiles[p].script != want)
            continue;
        const char *s = profiles[p].words;
        for (size_t a = 0; s[a];) {
            size_t b = a;
            while (s[b] && s[b] != ' ')
                b++;
            wslot *e = &ix->slot[index_find(ix, word_hash(s + a, b - a), s + a, b - a)];
            if (!e->prof) {
                if (++used > INDEX_SLOTS / 2)
                    return;  /* cannot happen with the profiles above (test_lang checks) */
                e->prof = (uint8_t)(p + 1);
                e->off = (uint16_t)a;
                e->len = (uint8_t)(b - a);
                e->mask = 0;
            }
            e->mask |= 1u << p;
            if (s[a] == '-' && b - a == 2) {
                ix->short_ending = true;
            } else if (s[a] == '-' && b - a > 2) {
                unsigned t = (unsigned char)s[b - 2] << 8 | (unsigned char)s[b - 1];
                ix->tail[t >> 3] |= (uint8_t)(1u << (t & 7));
            }
            a = s[b] ? b + 1 : b;
        }
    }
}

/* The index of script want: the context's, made on first use, or NULL
 * (no context, or no memory: the caller builds one on the stack, and
 * detection gives the same answer either way). */
static const windex *
cached_index(lang_cache **cache, const salloc *al, int want)
{
    if (!cache || !al)
        return NULL;
    if (!*cache) {
        *cache = summ__calloc(al, 1, sizeof **cache);
        if (!*cache)
            return NULL;
    }
    windex **ix = &(*cache)->ix[want];
    if (!*ix) {
        *ix = summ__malloc(al, sizeof **ix);
        if (!*ix)
            return NULL;
        index_build(*ix, want);
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

/* Add weight to the score of each profile that has key (of hash h),
 * shared evenly. Whether any has it. */
static inline bool
add_hits(const windex *ix, uint32_t h, const char *key, size_t n, double weight, double *score)
{
    const wslot *e = &ix->slot[index_find(ix, h, key, n)];
    if (!e->prof)
        return false;
    uint32_t mask = e->mask;
    int k = 0;
    for (uint32_t m = mask; m; m &= m - 1)
        k++;
    weight /= k;
    for (uint32_t m = mask; m; m &= m - 1) {
        unsigned q = 0;
        while (!(m & (1u << q)))
            q++;
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
    for (size_t k = 0; k < NPROFILES; k++) {
        if (profiles[k].script != want)
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
score_words(lang_cache **cache, const salloc *al, const unsigned char *s, size_t len, int want, double *score)
{
    const windex *ix = cached_index(cache, al, want);
    windex local;
    if (!ix) {
        index_build(&local, want);
        ix = &local;
    }
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
    if (NPROFILES > 32)
        return false;
    for (int sc = 0; sc < SC_COUNT; sc++) {
        size_t words = 0;
        for (size_t p = 0; p < NPROFILES; p++) {
            if (profiles[p].script != sc)
                continue;
            if (summ__lang_by_code(profiles[p].code) == &summ__lang_und && strcmp(profiles[p].code, "bg") != 0
                && strcmp(profiles[p].code, "mk") != 0)
                return false;
            const char *s = profiles[p].words;
            for (size_t a = 0; s[a];) {
                size_t b = a;
                while (s[b] && s[b] != ' ')
                    b++;
                char buf[64];
                if (b == a || b - a > 255
                    || summ__fold_word(s + a, b - a, buf, sizeof buf) != b - a
                    || memcmp(buf, s + a, b - a) != 0)
                    return false;
                words++;
                a = s[b] ? b + 1 : b;
            }
        }
        if (words > INDEX_SLOTS / 2)
            return false;
    }
    return true;
}

/* The best profile of script for s (skip: a profile code not to consider,
 * or NULL), or NULL when its words are too rare in the text or two
 * languages tie. */
static const profile *
by_words(lang_cache **cache, const salloc *al, const unsigned char *s, size_t len, int want, const char *skip)
{
    double score[NPROFILES] = { 0 };
    size_t nwords = score_words(cache, al, s, len, want, score);
    /* Serbian's two profiles (Latin, Cyrillic) never meet: one script each. */
    size_t best = NPROFILES, second = NPROFILES;
    for (size_t k = 0; k < NPROFILES; k++) {
        if (profiles[k].script != want || (skip && strcmp(profiles[k].code, skip) == 0))
            continue;
        if (best == NPROFILES || score[k] > score[best]) {
            second = best;
            best = k;
        } else if (second == NPROFILES || score[k] > score[second]) {
            second = k;
        }
    }
    if (best == NPROFILES || nwords == 0)
        return NULL;
    /* Running text has a quarter or more of its words among its
     * language's most common ones, one paragraph already shows it; a
     * language we do not know shares a few with ours by chance. Weak
     * evidence must at least be clear: twice the runner-up's. */
    double b = score[best], r = second != NPROFILES ? score[second] : 0;
    if (b < 1.0 || b < 0.08 * (double)nwords || b <= r || (b < 1.5 && b < 2 * r))
        return NULL;
    return &profiles[best];
}

/* The language of a profile; und for none, or for a language we do not
 * have (its profile is there so that it is not taken for one we have). */
static const lang_info *
lang_of(const profile *p)
{
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
        return lang_of(by_words(cache, al, s, len, SC_HEBREW, NULL));
    }
    case SC_CYRILLIC: {
        size_t n = sc.n[SC_CYRILLIC];
        /* Ukrainian and Macedonian, which we do not stem */
        if ((sc.cyr_uk * 100 > n && sc.cyr_uk > sc.cyr_yery + sc.cyr_sr) || sc.cyr_mk * 200 > n)
            return &summ__lang_und;
        if (sc.cyr_sr > sc.cyr_ru) {
            /* Serbian, or Macedonian (ј љ њ too) */
            const profile *p = by_words(cache, al, s, len, SC_CYRILLIC, "ru");
            return p ? lang_of(p) : summ__lang_by_code("sr");
        }
        /* Russian or Bulgarian (ё й щ ь ю я, which Serbian has none of) */
        if (sc.cyr_ru > 0) {
            /* Russian has ы in one word in five and ъ hardly ever; Bulgarian
             * has no ы and ъ in many words */
            if ((n > 300 && sc.cyr_yery == 0) || (sc.cyr_hard * 100 > n && sc.cyr_hard > sc.cyr_yery))
                return &summ__lang_und;
            const profile *p = by_words(cache, al, s, len, SC_CYRILLIC, "sr");
            if (!p && sc.cyr_yery > 0)
                return summ__lang_by_code("ru");
            return lang_of(p);
        }
        return lang_of(by_words(cache, al, s, len, SC_CYRILLIC, NULL));
    }
    case SC_DEVANAGARI:
        return lang_of(by_words(cache, al, s, len, SC_DEVANAGARI, NULL));
    case SC_LATIN:
        return lang_of(by_words(cache, al, s, len, SC_LATIN, NULL));
    default:
        return &summ__lang_und;
    }
}
