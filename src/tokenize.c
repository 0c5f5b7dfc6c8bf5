/* tokenize.c - words of each sentence, NFKC-normalised and case-folded,
 * mapped through the lexicon (stem.c) to document-local term ids.
 *
 * A word is a run of letters, marks and digits; an apostrophe between two
 * letters stays inside it ("Apple's", "don't"), as does a period or comma
 * between two digits ("3.5", "1,000"). Everything else separates words.
 *
 * Chinese and Japanese do not put spaces between words. A run of Han,
 * Hiragana or Katakana is split where the script changes (in Japanese a
 * kanji stem, its kana ending and a katakana loanword are different
 * words), and each piece gives its overlapping character bigrams as terms
 * ("人权宣言" -> 人权 权宣 宣言), or the character itself if it stands
 * alone: no dictionary needed, and the bigrams that are words repeat
 * across sentences while the others mostly do not, which is what TF-IDF
 * and TextRank need (the approach of CJK bigram indexing, e.g. Lucene's
 * CJKBigramFilter). Korean puts spaces between words: Hangul is letters. */
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* ASCII letters and digits, by table: this test runs once per byte.
 * Bytes from 0x80 are false. */
static const bool ascii_word[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
    ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
    ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
    ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
    ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
    ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

bool
is_word_cp(int32_t c)
{
    if (c < 0x80)
        return c >= 0 && ascii_word[c];
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

/* 0: not Chinese or Japanese; else which script (pieces split where it
 * changes). */
enum { CJK_NONE, CJK_HAN, CJK_HIRAGANA, CJK_KATAKANA };

static int
cjk_class(int32_t c)
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

static bool
is_digit_cp(int32_t c)
{
    return c >= '0' && c <= '9';
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* The bytes of w (ASCII) with A-Z made a-z, all at once. */
static inline uint64_t
lower8(uint64_t w)
{
    uint64_t upper = (w + ONES * (0x80 - 'A')) & ~(w + ONES * (0x80 - 'Z' - 1)) & HIGHS;
    return w | upper >> 2;
}

/* If src[0 .. n) is all ASCII, write it lower-cased to buf and return
 * true; else false, and buf holds garbage. Words are short: eight bytes
 * at a time, the rest by overlapping loads and stores, no byte loop for
 * four bytes or more. */
static inline bool
ascii_lower(const char *src, size_t n, char *buf)
{
    if (n >= 8) {
        uint64_t w;
        for (size_t k = 0; k + 8 < n; k += 8) {
            memcpy(&w, src + k, 8);
            if (w & HIGHS)
                return false;
            w = lower8(w);
            memcpy(buf + k, &w, 8);
        }
        memcpy(&w, src + n - 8, 8);
        if (w & HIGHS)
            return false;
        w = lower8(w);
        memcpy(buf + n - 8, &w, 8);
        return true;
    }
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, src, 4);
        memcpy(&b, src + n - 4, 4);
        if ((a | b) & 0x80808080u)
            return false;
        a = (uint32_t)lower8(a);
        b = (uint32_t)lower8(b);
        memcpy(buf, &a, 4);
        memcpy(buf + n - 4, &b, 4);
        return true;
    }
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)src[k];
        if (c >= 0x80)
            return false;
        buf[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return true;
}

size_t
fold_word(const char *src, size_t n, char *buf, size_t cap)
{
    /* ASCII fast path: the common case, and no need for utf8proc. */
    if (n <= cap && ascii_lower(src, n, buf))
        return n;
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c >= 0x80)
            break;
        if (i < cap)
            buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (i == n)
        return n;

    /* utf8proc_decompose writes code points into our buffer (no malloc);
     * utf8proc_reencode composes and writes UTF-8 in place. */
    utf8proc_int32_t cps[128];
    utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)src, (utf8proc_ssize_t)n,
                                            cps, 128,
                                            UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD
                                                | UTF8PROC_COMPOSE);
    if (m < 0 || m > 128) {
        /* Too long to fold in place: keep the bytes (still a stable key). */
        if (n <= cap)
            memcpy(buf, src, n);
        return n;
    }
    utf8proc_ssize_t len = utf8proc_reencode(cps, m, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (len < 0) {
        if (n <= cap)
            memcpy(buf, src, n);
        return n;
    }
    /* reencode wrote UTF-8 into cps' bytes (at most 4 * m <= sizeof cps). */
    const char *u = (const char *)cps;
    size_t out = 0;
    for (utf8proc_ssize_t k = 0; k < len; k++) {
        /* ’ (U+2019) -> ' so the Snowball stemmers see one apostrophe */
        if ((unsigned char)u[k] == 0xE2 && k + 2 < len && (unsigned char)u[k + 1] == 0x80
            && (unsigned char)u[k + 2] == 0x99) {
            if (out < cap)
                buf[out] = '\'';
            out++;
            k += 2;
            continue;
        }
        if (out < cap)
            buf[out] = u[k];
        out++;
    }
    return out;
}

/* doc-local map: stem id -> local term id (open addressing, keys + 1). */
typedef struct termmap {
    uint32_t *key, *val;
    size_t cap, count;
} termmap;

static bool
termmap_init(termmap *m, arena *ar, size_t expect)
{
    size_t cap = 64;
    while (cap < expect * 2)
        cap *= 2;
    m->key = arena_calloc(ar, cap, sizeof *m->key);
    m->val = arena_alloc(ar, cap * sizeof *m->val);
    m->cap = cap;
    m->count = 0;
    return m->key && m->val;
}

static bool
termmap_grow(termmap *m, arena *ar)
{
    termmap n;
    if (!termmap_init(&n, ar, m->cap))
        return false;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->key[i])
            continue;
        size_t j = (m->key[i] * 2654435761u) & (n.cap - 1);
        while (n.key[j])
            j = (j + 1) & (n.cap - 1);
        n.key[j] = m->key[i];
        n.val[j] = m->val[i];
    }
    n.count = m->count;
    *m = n;  /* the old arrays stay in the arena until the run ends */
    return true;
}

typedef struct tok_state {
    doc *d;
    termmap map;
    size_t capstem, capfirst;
    summ_status st;
} tok_state;

/* Keep a word's place for keywords.c, when asked to. */
static bool
keep_word(doc *d, size_t a, size_t b, uint32_t term)
{
    if (!d->keep_words)
        return true;
    if (d->nword == d->capword
        && !s_grow(d->ar->al, (void **)&d->word, &d->capword, d->nword + 1, sizeof *d->word))
        return false;
    d->word[d->nword++] = (wordpos){ (uint32_t)a, (uint32_t)b, term };
    return true;
}

/* One word: fold, look up, append its term to the document. */
static bool
add_word(tok_state *ts, sentence *sn, size_t a, size_t b)
{
    doc *d = ts->d;
    char buf[128];
    sn->nwords++;
    size_t n = fold_word(d->text + a, b - a, buf, sizeof buf);
    if (n > sizeof buf)  /* a "word" over 128 bytes is no word: not a term */
        return keep_word(d, a, b, WORD_NOTERM) || (ts->st = SUMM_ENOMEM, false);
    uint32_t sid = lex_lookup(d->lr, buf, n, &ts->st);
    if (ts->st != SUMM_OK)
        return false;
    if (sid == STEM_STOP)
        return keep_word(d, a, b, WORD_NOTERM) || (ts->st = SUMM_ENOMEM, false);

    termmap *m = &ts->map;
    if ((m->count + 1) * 2 > m->cap && !termmap_grow(m, d->ar))
        goto nomem;
    size_t j = ((sid + 1) * 2654435761u) & (m->cap - 1);
    while (m->key[j] && m->key[j] != sid + 1)
        j = (j + 1) & (m->cap - 1);
    uint32_t local;
    if (m->key[j]) {
        local = m->val[j];
    } else {
        local = (uint32_t)d->nvocab;
        if ((d->nvocab >= ts->capstem
             && !s_grow(d->ar->al, (void **)&d->term_stem, &ts->capstem, d->nvocab + 1,
                        sizeof *d->term_stem))
            || (d->nvocab >= ts->capfirst
                && !s_grow(d->ar->al, (void **)&d->term_first, &ts->capfirst, d->nvocab + 1,
                           sizeof *d->term_first)))
            goto nomem;
        d->term_stem[local] = sid;
        d->term_first[local] = (uint32_t)a;
        d->nvocab++;
        m->key[j] = sid + 1;
        m->val[j] = local;
        m->count++;
    }
    if (d->nterm == d->capterm
        && !s_grow(d->ar->al, (void **)&d->term, &d->capterm, d->nterm + 1, sizeof *d->term))
        goto nomem;
    d->term[d->nterm++] = local;
    sn->ntok++;
    if (!keep_word(d, a, b, local))
        goto nomem;
    return true;
nomem:
    ts->st = SUMM_ENOMEM;
    return false;
}

/* The CJK run of one script that starts at i (< e): its bigrams, or its
 * one character, as words. Returns the end of the run. */
static size_t
add_cjk_run(tok_state *ts, sentence *sn, size_t i, size_t e, int cls)
{
    const unsigned char *s = (const unsigned char *)ts->d->text;
    const unsigned char *end = s + ts->d->len;
    size_t prev = i;  /* start of the character before the current one */
    int32_t c;
    i += utf8_decode(s + i, end, &c);
    if (i >= e || (utf8_decode(s + i, end, &c), cjk_class(c) != cls))
        return add_word(ts, sn, prev, i) ? i : SIZE_MAX;  /* one character alone */
    while (i < e) {
        size_t n = utf8_decode(s + i, end, &c);
        if (cjk_class(c) != cls)
            break;
        if (!add_word(ts, sn, prev, i + n))
            return SIZE_MAX;
        prev = i;
        i += n;
    }
    return i;
}

summ_status
tokenize(doc *d)
{
    tok_state ts = { .d = d, .st = SUMM_OK };
    if (!termmap_init(&ts.map, d->ar, 256))
        return SUMM_ENOMEM;
    const unsigned char *s = (const unsigned char *)d->text;
    const unsigned char *end = s + d->len;

    for (size_t k = 0; k < d->nsent; k++) {
        sentence *sn = &d->sent[k];
        sn->tok = (uint32_t)d->nterm;
        sn->ntok = sn->nwords = 0;
        sn->word = (uint32_t)d->nword;
        size_t i = sn->start, e = sn->end;
        size_t wstart = SIZE_MAX;
        int32_t prev = 0;
        while (i < e) {
            /* a run of ASCII letters and digits: no decoding, no lookups */
            if (ascii_word[s[i]]) {
                if (wstart == SIZE_MAX)
                    wstart = i;
                do
                    i++;
                while (i < e && ascii_word[s[i]]);
                prev = s[i - 1];
                continue;
            }
            int32_t c;
            size_t n;
            if (s[i] < 0x80) {
                c = s[i];
                n = 1;
            } else {
                n = utf8_decode(s + i, end, &c);
                int cls = cjk_class(c);
                if (cls != CJK_NONE) {
                    if (wstart != SIZE_MAX && !add_word(&ts, sn, wstart, i))
                        return ts.st;
                    wstart = SIZE_MAX;
                    i = add_cjk_run(&ts, sn, i, e, cls);
                    if (i == SIZE_MAX)
                        return ts.st;
                    prev = 0;
                    continue;
                }
            }
            if (is_word_cp(c)) {
                if (wstart == SIZE_MAX)
                    wstart = i;
            } else if (wstart != SIZE_MAX) {
                /* apostrophe between letters, or . , between digits: inside */
                bool inner = false;
                if ((c == '\'' || c == 0x2019 || c == '.' || c == ',') && i + n < e) {
                    int32_t nx;
                    utf8_decode(s + i + n, end, &nx);
                    if ((c == '\'' || c == 0x2019) && is_word_cp(prev) && !is_digit_cp(prev)
                        && is_word_cp(nx) && !is_digit_cp(nx))
                        inner = true;
                    else if ((c == '.' || c == ',') && is_digit_cp(prev) && is_digit_cp(nx))
                        inner = true;
                }
                if (!inner) {
                    if (!add_word(&ts, sn, wstart, i))
                        return ts.st;
                    wstart = SIZE_MAX;
                }
            }
            prev = c;
            i += n;
        }
        if (wstart != SIZE_MAX && !add_word(&ts, sn, wstart, e))
            return ts.st;
    }
    return SUMM_OK;
}
