/* detect.c - telling which language a text is in.
 *
 * Detection is classical and cheap, in two steps over at most the first
 * DETECT_MAX bytes:
 *   1. the script, from Unicode ranges: many scripts are used by one of
 *      our languages only (Greek, Armenian, Tamil, Gujarati, Hangul), and
 *      kana tell Japanese from Chinese; letters that a language never
 *      writes rule it out (ы э are not Bulgarian or Ukrainian, ј љ њ not
 *      Russian, ә қ ң only Kazakh, ٹ ڈ ڑ only Urdu, á é í ó ú ý not
 *      Serbian, Croatian or Slovene, ć đ not Slovene);
 *   2. among the languages left, the common-words method (Grefenstette
 *      1995, "Comparing two language identification schemes"): a text's
 *      most frequent words are function words, and each language has its
 *      own. The profiles are data (stopwords/profiles/<code>.txt, made by
 *      stopwords/profiles.py): each language's most frequent stopwords, and
 *      a few telling word endings and sequences of letters inside words
 *      (Croatian "-jelo", "mje", "lije": the ijekavian reflexes of jat,
 *      where Serbian writes "-elo", "me", "le"), which count half; a word
 *      found in k languages' profiles counts 1/k for each. Serbian and
 *      Croatian, which share their function words, may tie: a long enough
 *      text without any Croatian jat spelling is Serbian (by_absence).
 *      Macedonian has a profile too, so that it is not taken for
 *      Bulgarian or Serbian.
 * A text whose best language covers too few of its words, or two languages
 * tie (Danish and Norwegian can, in a short paragraph), is "und": no
 * stemming, no stopwords, still a summary.
 *
 * Cost: one pass over at most 64 kB counting scripts, then at most
 * DETECT_WORDS words looked up in an index of the script's profiles
 * (dindex.c), built once per context (see cached_index), most of them in
 * the context's memo of the words it has scored (dmemo.h). */
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "lang/dindex.h"
#include "lang/dmemo.h"
#include "lang/lang.h"
#include "lang/script.h"
#include "text/chars.h"
#include "text/fold.h"
#include "text/utf8.h"

/* ---- step 1: scripts (script.c) ----------------------------------------- */

/* Bytes of text looked at: enough for any language's function words to
 * show, and a bound on the cost per document. */
#define DETECT_MAX 65536
/* Words scored: a few thousand decide as surely as more would. */
#define DETECT_WORDS 2000

/* ---- step 2: common words ---------------------------------------------- */

/* The profiles and their index: dindex.h. The per-context cache: the
 * profile table and one index per script, made on first use (about two
 * thousand entries for Latin: more work than scanning a short article). */
struct lang_cache {
    ptable pt;
    bool pt_ready;
    windex *ix[SC_COUNT];
    memo *mm[SC_COUNT];  /* NULL: not yet, or no memory for it */
    bool no_memo[SC_COUNT];
};

static unsigned never_of(const char *code);

static void
ptable_build(ptable *pt)
{
    summ__ptable_build(pt);
    for (size_t k = 0; k < pt->n; k++)
        pt->p[k].never = never_of(pt->p[k].code);
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

/* A context's index, and its memo. */
static const windex *
cached_index(lang_cache *c, const salloc *al, int want, memo **mm)
{
    if (!c)
        return NULL;
    windex **ix = &c->ix[want];
    if (!*ix) {
        *ix = summ__malloc(al, sizeof **ix);
        if (!*ix)
            return NULL;
        summ__dindex_build(*ix, &c->pt, want);
    } else if (!c->mm[want] && !c->no_memo[want]) {
        /* from the script's second text: a run on one text does not pay
         * for emptying it */
        c->mm[want] = summ__calloc(al, 1, sizeof(memo));
        c->no_memo[want] = !c->mm[want];  /* no memory: not asked again */
    }
    *mm = c->mm[want];
    return *ix;
}

void
summ__lang_cache_free(const salloc *al, lang_cache *c)
{
    if (!c)
        return;
    for (size_t k = 0; k < SC_COUNT; k++) {
        summ__free(al, c->ix[k]);
        summ__free(al, c->mm[k]);
    }
    summ__free(al, c);
}

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

/* The index of the lowest bit set in m (not 0): one instruction where the
 * compiler has it, not a loop over up to 64 bits for each profile hit;
 * and the bits set. */
static inline unsigned
lowest_bit(uint64_t m)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(m);
#else
    unsigned q = 0;
    while (!(m & ((uint64_t)1 << q)))
        q++;
    return q;
#endif
}

static inline int
bits_set(uint64_t m)
{
    int k = 0;  /* a loop, not __builtin_popcountll: without -mpopcnt that is a
                   call, and an entry is in one to three profiles */
    for (; m; m &= m - 1)
        k++;
    return k;
}

/* Add an entry of the profiles mask to the score of each that is allowed,
 * shared evenly: a whole word's weight 1, an ending's (half) ENDING_WEIGHT.
 * cover counts the weights whole, in halves (the sums of 1 and 0.5 a
 * double made were exact: an integer says the same). */
static inline void
add_hits(const windex *ix, uint64_t mask, int half, uint64_t allowed, double *score,
         uint32_t *cover)
{
    mask &= allowed;
    if (!mask)
        return;
    /* weight / k from the table: the same double as the division */
    double share = ix->share[half][bits_set(mask)];
    uint32_t halves = half ? 1 : 2;
    for (uint64_t m = mask; m; m &= m - 1) {
        unsigned q = lowest_bit(m);
        score[q] += share;
        cover[q] += halves;
    }
}

/* Whether one profile leads so far that more words will not change the
 * outcome: most texts are told after a few hundred words. */
static bool
settled(const double *score, uint64_t allowed)
{
    double b = 0, r = 0;
    for (uint64_t m = allowed; m; m &= m - 1) {  /* in order, as a loop over all */
        size_t k = lowest_bit(m);
        if (score[k] > b) {
            r = b;
            b = score[k];
        } else if (score[k] > r) {
            r = score[k];
        }
    }
    return b >= 40 && b >= 3 * r;
}

/* The word being read: at most WORD_MAX bytes kept (a longer one is not
 * scored), then 16 zero bytes, so that the key of any of its last bytes
 * is a load; room for an eight-byte store of letters. */
#define WORD_MAX 64
#define WORD_ROOM (WORD_MAX + 16 + 8)

/* The entries a word other than a function word has, in the order they
 * count: "~letters" (MID_HIT | index in ix->mid) and endings (index in
 * ix->end). The first HITS_KEPT are kept, for the memo. */
#define HITS_KEPT 3
#define MID_HIT 0x8000u
typedef struct hitlog {
    unsigned n;
    uint16_t h[HITS_KEPT];
} hitlog;

static inline void
log_hit(hitlog *log, unsigned h)
{
    if (log->n < HITS_KEPT)
        log->h[log->n] = (uint16_t)h;
    log->n++;
}

/* The "~letters" entries found in the word buf[0 .. m), each counted as an
 * ending is, and in marks. In the order of their positions, then lengths:
 * each profile's sum the same, to the last bit, in every build. Most
 * positions are left out by one bit. */
static void
score_inside(const windex *ix, const char *buf, size_t m, uint64_t allowed, double *score,
             uint32_t *cover, uint32_t *marks, hitlog *log)
{
    for (size_t p = 0; p + 3 <= m; p++) {
        uint64_t x = load_text64(buf + p);
        uint32_t k3 = (uint32_t)x & 0xFFFFFF;
        unsigned t = mid_bit(k3);
        if (!(ix->midbits[t >> 6] >> (t & 63) & 1) || ((unsigned char)buf[p] & 0xC0) == 0x80)
            continue;
        const bucket *b = dindex_bucket(ix->pre, PRE_BITS, k3);
        if (!b)
            continue;
        for (size_t i = (size_t)b->head - 1; i != (size_t)-1; i = (size_t)ix->mid[i].next - 1) {
            const dpart *e = &ix->mid[i];
            size_t n = e->len;
            if (p + n > m)
                break;
            if (((unsigned char)buf[p + n] & 0xC0) == 0x80 || key_bytes(x, n) != e->w0
                || (n > 8 && key_bytes(load_text64(buf + p + 8), n - 8) != e->w1)
                || (n > 16 && memcmp(buf + p + 16, e->rest, n - 16) != 0))
                continue;
            for (uint64_t q = e->mask & allowed; q; q &= q - 1)
                marks[lowest_bit(q)]++;
            add_hits(ix, e->mask, 1, allowed, score, cover);
            log_hit(log, MID_HIT | (unsigned)i);
        }
    }
}

/* The word buf[0 .. m)'s endings of 1 to 4 characters, if three bytes or
 * more are left before them ("eller" does not end in Turkish -ler): by
 * length, as they were once looked up one by one. */
static void
score_endings(const windex *ix, const char *buf, size_t m, uint64_t allowed, double *score,
              uint32_t *cover, hitlog *log)
{
    if (m < 4)
        return;
    const unsigned char *u = (const unsigned char *)buf;
    if (ix->has_end1 && u[m - 1] < 0x80 && ix->end1[u[m - 1]]) {
        unsigned i = ix->end1[u[m - 1]] - 1u;
        add_hits(ix, ix->end[i].mask, 1, allowed, score, cover);
        log_hit(log, i);
    }
    const bucket *b = dindex_bucket(ix->tail, TAIL_BITS, (uint32_t)u[m - 2] | (uint32_t)u[m - 1] << 8);
    if (!b)
        return;
    for (size_t i = (size_t)b->head - 1; i != (size_t)-1; i = (size_t)ix->end[i].next - 1) {
        const dpart *e = &ix->end[i];
        size_t n = e->len;
        if (n + 3 > m)
            break;
        const char *w = buf + m - n;  /* then zero bytes: w0, w1 are keys */
        if (((unsigned char)*w & 0xC0) == 0x80 || load_text64(w) != e->w0
            || (n > 8 && load_text64(w + 8) != e->w1))
            continue;
        add_hits(ix, e->mask, 1, allowed, score, cover);
        log_hit(log, (unsigned)i);
    }
}

/* A memo's entry of another word, counted again. */
static void
replay(const windex *ix, uint64_t v, uint64_t allowed, double *score, uint32_t *cover,
       uint32_t *marks)
{
    unsigned n = (unsigned)(v >> 48) & 3;
    for (unsigned k = 0; k < n; k++) {
        unsigned h = (unsigned)(v >> (16 * k)) & 0xFFFF;
        if (h & MID_HIT) {
            uint64_t mask = ix->mid[h & 0xFF].mask;
            for (uint64_t q = mask & allowed; q; q &= q - 1)
                marks[lowest_bit(q)]++;
            add_hits(ix, mask, 1, allowed, score, cover);
        } else {
            add_hits(ix, ix->end[h].mask, 1, allowed, score, cover);
        }
    }
}

/* Eight bytes into buf, in the order load_text64() reads them. */
static inline void
store_text64(char *buf, uint64_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    memcpy(buf, &w, 8);
}

/* letters_in() in fewer operations: a byte past 'z' is past 'a' too, so
 * "at least 'a' and not past 'z'" is the two tests' exclusive or. Exact,
 * as letters_in() is, up to the first byte past ASCII. */
static inline uint64_t
letters8(uint64_t w)
{
    uint64_t x = w | SUMM_ONES * 0x20;
    return ((x + SUMM_ONES * (0x80 - 'a')) ^ (x + SUMM_ONES * (0x80 - 'z' - 1))) & SUMM_HIGHS;
}

static inline bool
ascii_alpha(unsigned char b)
{
    return (unsigned)((b | 0x20) - 'a') <= 'z' - 'a';
}

/* The run of ASCII letters at p (one at least), lower-cased into buf at
 * *m: eight bytes at a time while they can be read. A letter is kept if
 * at most WORD_MAX - 4 bytes are before it (else *toolong), as a letter
 * of up to four bytes is. */
static inline const unsigned char *
ascii_run(const unsigned char *p, const unsigned char *end, char *buf, size_t *m, bool *toolong)
{
    while (end - p >= 8) {
        uint64_t w = load_text64(p), in = letters_in(w);
        size_t n = lead_in(w, in);
        if (*m + n <= WORD_MAX - 3) {
            store_text64(buf + *m, w | in >> 2);  /* letters | 0x20: lower case */
            *m += n;
        } else {
            *toolong = true;
        }
        p += n;
        if (n < 8)
            return p;
    }
    for (; p < end && ascii_alpha(*p); p++) {
        if (*m + 4 > WORD_MAX)
            *toolong = true;
        else
            buf[(*m)++] = (char)(*p | 0x20);
    }
    return p;
}

/* The rest of a word from p, or the next word (when !*inword), one
 * character at a time: what is not ASCII. Simple case mapping, not
 * summ__fold_word()'s NFKC case folding: it is five times faster, and the
 * profiles hold no word where the two differ (test_lang checks they are
 * folded; text in NFD only loses its accented words). */
static const unsigned char *
word_slow(const unsigned char *p, const unsigned char *end, char *buf, size_t *m, bool *toolong,
          bool *inword)
{
    while (p < end) {
        int32_t c;
        if (*p < 0x80) {
            if (!ascii_alpha(*p)) {
                if (*inword)
                    break;
                p++;
                continue;
            }
            *inword = true;
            p = ascii_run(p, end, buf, m, toolong);
            continue;
        }
        size_t n = utf8_decode(p, end, &c);
        if (*inword ? !is_word_cp(c) : script_of(c) < 0) {
            if (*inword)
                break;
            p += n;
            continue;
        }
        c = lower(c);
        *inword = true;
        p += n;
        if (*m + 4 > WORD_MAX) {
            *toolong = true;
            continue;
        }
        if (c < 0x80)
            buf[(*m)++] = (char)c;
        else
            *m += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)buf + *m);
    }
    return p;
}

/* Score one word buf[0 .. m), 1 <= m <= WORD_MAX, with 16 zero bytes
 * after it, that the memo does not have (e: where it goes, or NULL); w0,
 * w1 its first 16 bytes (the key). Not inline: the memo has most words. */
static void
score_new(const windex *ix, mslot *e, char *buf, size_t m, uint64_t w0, uint64_t w1,
          uint64_t allowed, double *score, uint32_t *cover, uint32_t *marks)
{
    uint64_t mask = m <= 16 ? dindex_word(ix, w0, w1, m) : dindex_long(ix, buf, m, w0, w1);
    if (mask) {
        /* a function word: its endings tell nothing more */
        add_hits(ix, mask, 0, allowed, score, cover);
        if (e)
            *e = (mslot){ w0, w1, mask };
        return;
    }
    hitlog log = { 0, { 0 } };
    if (ix->nmid)
        score_inside(ix, buf, m, allowed, score, cover, marks, &log);
    if (ix->nend)
        score_endings(ix, buf, m, allowed, score, cover, &log);
    if (e && log.n <= HITS_KEPT)
        *e = (mslot){ w0, w1,
                      MEMO_OTHER | (uint64_t)log.n << 48 | (uint64_t)log.h[2] << 32
                          | (uint64_t)log.h[1] << 16 | log.h[0] };
}

/* A word of at most 16 bytes, its key w0, w1 (not yet in buf, room for
 * it), from the memo mm's slot e for it (without a memo, a slot of
 * nothing). */
static inline void
score_keyed(const windex *ix, memo *mm, mslot *e, char *buf, size_t m, uint64_t w0, uint64_t w1,
            uint64_t allowed, double *score, uint32_t *cover, uint32_t *marks)
{
    if (e->w0 == w0 && e->w1 == w1) {
        if (e->v & MEMO_OTHER) {
            if (e->v >> 48 & 3)  /* most words have no entry at all */
                replay(ix, e->v, allowed, score, cover, marks);
        } else
            add_hits(ix, e->v, 0, allowed, score, cover);
        return;
    }
    store_text64(buf, w0);
    store_text64(buf + 8, w1);
    memset(buf + 16, 0, 16);
    score_new(ix, mm ? e : NULL, buf, m, w0, w1, allowed, score, cover, marks);
}

/* Any word buf[0 .. m), with 16 zero bytes after it. */
static void
score_word(const windex *ix, memo *mm, char *buf, size_t m, uint64_t allowed, double *score,
           uint32_t *cover, uint32_t *marks)
{
    uint64_t w0 = load_text64(buf), w1 = load_text64(buf + 8);
    if (m > 16) {
        score_new(ix, NULL, buf, m, w0, w1, allowed, score, cover, marks);
        return;
    }
    mslot none = { 0, 0, MEMO_OTHER };
    score_keyed(ix, mm, mm ? memo_slot(mm, w0, w1) : &none, buf, m, w0, w1, allowed, score, cover,
                marks);
}

/* Ask for the cache line at p, where the compiler can. */
#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* Score the allowed profiles by the words of s (with the memo mm, or
 * none). Returns the number of words looked at. A word of the fast path
 * below is scored once the next is read, so that its memo slot, most
 * often outside the first level of cache, is fetched while the next word
 * is read (BBC: -20 % of detection's time). */
static size_t
score_words(const windex *ix, memo *mm, const unsigned char *s, size_t len, uint64_t allowed,
            double *score, uint32_t *cover, uint32_t *marks)
{
    const unsigned char *end = s + len;
    size_t nwords = 0;
    const unsigned char *p = s;
    char buf[WORD_ROOM], kbuf[WORD_ROOM];  /* kbuf: for the word waiting */
    /* The word waiting: its key, length and slot. None waits: the key 0
     * in none, which has it with no entry (no word has that key). */
    mslot none = { 0, 0, MEMO_OTHER }, *pe = &none;
    uint64_t pw0 = 0, pw1 = 0;
    size_t pm = 0;
    /* the slots: without a memo, none for every word */
    mslot *slot = mm ? mm->slot : &none;
    size_t smask = mm ? MEMO_SLOTS - 1 : 0;
    while (p < end && nwords < DETECT_WORDS) {
        uint64_t w0 = 0, w1 = 0;
        size_t m = 0;
        bool keyed = false, toolong = false;
        mslot *e = &none;
        /* Most words: ASCII that is no letter, then fewer than 16 ASCII
         * letters and ASCII again, in loads of the text that are the key.
         * letters8() is exact up to the first byte past ASCII. */
        if (end - p >= 24) {
            size_t k;  /* bytes that are no letters: mostly one space */
            if (p[0] == ' ' && ascii_alpha(p[1])) {
                k = 1;
            } else {
                uint64_t w = load_text64(p);
                k = lead_in(w, ~letters8(w) & SUMM_HIGHS);
                if (k == 8) {
                    p += 8;
                    continue;
                }
            }
            uint64_t x = load_text64(p + k), xin = letters8(x), y = 0, yin = 0;
            size_t n = lead_in(x, xin), n2 = 0;
            if (n == 8) {
                y = load_text64(p + k + 8);
                yin = letters8(y);
                n2 = lead_in(y, yin);
            }
            /* the byte after the word (unused when both loads were letters:
             * no shift of 64, which C leaves undefined) */
            uint64_t after = n < 8 ? x >> (8 * n) : n2 < 8 ? y >> (8 * n2) : 0;
            if (n > 0 && n2 < 8 && !(after & 0x80)) {
                p += k + n + n2;
                m = n + n2;
                w0 = x | xin >> 2;  /* letters | 0x20: lower case */
                if (n < 8)
                    w0 = key_bytes(w0, n);
                else
                    w1 = key_bytes(y | yin >> 2, n2);
                keyed = true;
                e = &slot[memo_index(w0, w1) & smask];
                PREFETCH(e);
            } else {
                p += k;
            }
        }
        if (!keyed) {
            while (p < end && *p < 0x80 && !ascii_alpha(*p))
                p++;
            if (p == end)
                break;
            /* One word, lower-cased as it is read: ASCII letters eight at a
             * time (ascii_run), the rest in word_slow. */
            bool inword = false;
            if (*p < 0x80) {
                inword = true;
                p = ascii_run(p, end, buf, &m, &toolong);
            }
            if (p < end && *p >= 0x80)
                p = word_slow(p, end, buf, &m, &toolong, &inword);
            if (!inword)
                break;
        }
        score_keyed(ix, mm, pe, kbuf, pm, pw0, pw1, allowed, score, cover, marks);
        /* every 64 words (it was 256: a news article of 400 words was read
         * to its end where 128 or 192 already settle it) */
        if (++nwords % 64 == 0 && settled(score, allowed))
            return nwords;
        pe = e;
        pw0 = keyed ? w0 : 0;
        pw1 = keyed ? w1 : 0;
        pm = m;
        if (!keyed && !toolong && m > 0) {
            memset(buf + m, 0, 16);
            score_word(ix, mm, buf, m, allowed, score, cover, marks);
        }
    }
    score_keyed(ix, mm, pe, kbuf, pm, pw0, pw1, allowed, score, cover, marks);
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
    for (size_t p = 0; p < pt.n; p++) {
        /* Every profile is of a language we have, but Macedonian's. */
        if (summ__lang_by_code(pt.p[p].code) == &summ__lang_und
            && strcmp(pt.p[p].code, "mk") != 0)
            return false;
        const char *s = pt.p[p].text;
        size_t pos = 0, a, b;
        while (summ__list_next(s, pt.p[p].len, &pos, &a, &b)) {
            if (summ__dentry_script(s, a, b) < 0)
                continue;
            char buf[300];
            if (b - a > 255 || summ__fold_word(s + a, b - a, buf, sizeof buf) != b - a
                || memcmp(buf, s + a, b - a) != 0)
                return false;
        }
    }
    /* Every script's entries fit its index. */
    salloc al;
    summ__salloc_init(&al, NULL);
    windex *ix = summ__malloc(&al, sizeof *ix);
    if (!ix)
        return false;
    bool ok = true;
    for (int sc = 0; sc < SC_COUNT && ok; sc++) {
        summ__dindex_build(ix, &pt, sc);
        ok = !ix->full;
    }
    summ__free(&al, ix);
    return ok;
}

/* Two languages that share their function words, one of which spells
 * many words in a way of its own that the other has no counterpart of:
 * Croatian writes the old vowel jat as "je" or "ije" after a consonant
 * (mjesto, vrijeme: its profile's "~letters" entries), Serbian as "e",
 * which marks nothing. When they lead, all but tied, a text of at least
 * JAT_WORDS words with none of the marks is in the unmarked language: one
 * Croatian word in thirty has a mark (on the training half of Debian's
 * catalogues), so sixty words without any are rarely Croatian. */
static const struct { const char *unmarked, *marked; } mark_pairs[] = {
    { "sr", "hr" },
};
#define JAT_WORDS 60

static const profile *
by_absence(const ptable *pt, size_t best, size_t second, double b, double r,
           const uint32_t *marks, size_t nwords)
{
    if (second == MAX_PROFILES || nwords < JAT_WORDS || b - r >= 1.0 || b < 1.0)
        return NULL;
    for (size_t i = 0; i < sizeof mark_pairs / sizeof mark_pairs[0]; i++) {
        const char *x = pt->p[best].code, *y = pt->p[second].code;
        size_t u = strcmp(x, mark_pairs[i].unmarked) == 0 ? best
                   : strcmp(y, mark_pairs[i].unmarked) == 0 ? second : MAX_PROFILES;
        size_t m = strcmp(x, mark_pairs[i].marked) == 0 ? best
                   : strcmp(y, mark_pairs[i].marked) == 0 ? second : MAX_PROFILES;
        if (u != MAX_PROFILES && m != MAX_PROFILES && marks[m] == 0)
            return &pt->p[u];
    }
    return NULL;
}

/* The best of the allowed profiles for s, or NULL when its words are too
 * rare in the text or two languages tie. */
static const profile *
best_profile(const windex *ix, memo *mm, const unsigned char *s, size_t len, uint64_t allowed)
{
    const ptable *pt = ix->pt;
    /* score: shared words split between the profiles that have them, which
     * tells related languages apart; cover: whole, which says how much of
     * the text the language's common words are */
    double score[MAX_PROFILES] = { 0 };
    uint32_t cover[MAX_PROFILES] = { 0 };  /* in halves */
    uint32_t marks[MAX_PROFILES] = { 0 };  /* "~letters" entries found */
    size_t nwords = score_words(ix, mm, s, len, allowed, score, cover, marks);
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
    const profile *unmarked = by_absence(pt, best, second, b, r, marks, nwords);
    if (unmarked)
        return unmarked;
    if (b < 1.0 || 0.5 * cover[best] < 0.08 * (double)nwords || b <= r || (b < 1.5 && b < 2 * r))
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
                | 1u << LG_KK | 1u << LG_ACUTE },
    { "mk", 1u << LG_RU | 1u << LG_YERY | 1u << LG_HARD | 1u << LG_UK | 1u << LG_I | 1u << LG_KK },
    { "kk", 1u << LG_SR | 1u << LG_MK | 1u << LG_UK },
    { "ar", 1u << LG_FA | 1u << LG_UR },
    { "fa", 1u << LG_UR },
    { "he", 1u << LG_YI },
    /* The South Slavic Latin alphabets mark no length: á é í ó ú ý are
     * Czech, Slovak, Hungarian, Romance ("pre" is Slovak too) */
    { "sl", 1u << LG_SH | 1u << LG_ACUTE },
    { "hr", 1u << LG_ACUTE },
};

/* Letters only one of our languages writes: a text with more than a few
 * of them is in that language or one we do not have. */
static const struct { int group; const char *code; } only_letters[] = {
    { LG_CS, "cs" }, { LG_SK, "sk" }, { LG_PL, "pl" }, { LG_TR, "tr" }, { LG_RO, "ro" },
    { LG_HU, "hu" }, { LG_LV, "lv" }, { LG_VI, "vi" },
};

/* The LG_ bits of the letters the language code never writes: its own
 * rule, and the letters only another language writes. Once per profile
 * table, not per text. */
static unsigned
never_of(const char *code)
{
    unsigned never = 0;
    for (size_t i = 0; i < sizeof never_letters / sizeof never_letters[0]; i++)
        if (strcmp(never_letters[i].code, code) == 0)
            never = never_letters[i].never;
    for (size_t i = 0; i < sizeof only_letters / sizeof only_letters[0]; i++)
        if (strcmp(only_letters[i].code, code) != 0)
            never |= 1u << only_letters[i].group;
    return never;
}

/* The profiles of script want whose languages the letters allow. */
static uint64_t
allowed_profiles(const ptable *pt, int want, const script_counts *sc)
{
    uint64_t allowed = 0;
    size_t n = sc->n[want] ? sc->n[want] : 1;
    unsigned seen = 0;  /* the groups of letters the text has: most have none */
    for (unsigned g = 0; g < LG_COUNT; g++)
        seen |= (sc->lg[g] != 0) << g;
    for (size_t k = 0; k < pt->n; k++) {
        if (!(pt->p[k].scripts & (1u << want)))
            continue;
        unsigned never = pt->p[k].never & seen;
        size_t bad = 0;
        for (unsigned m = never; m; m &= m - 1)  /* its bits are LG_ groups */
            bad += sc->lg[lowest_bit(m)];
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
    memo *mm = NULL;
    const windex *ix = cached_index(c, al, want, &mm);
    const profile *p;
    if (ix) {
        p = best_profile(ix, mm, s, len, allowed_profiles(&c->pt, want, sc));
    } else {
        ptable pt;
        windex local;
        ptable_build(&pt);
        summ__dindex_build(&local, &pt, want);
        p = best_profile(&local, NULL, s, len, allowed_profiles(&pt, want, sc));
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
    summ__count_scripts(s, len, &sc);

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
