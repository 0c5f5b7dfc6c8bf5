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
#include <stdlib.h>
#include <string.h>

#include "stages.h"
#include "text/bits.h"
#include "text/chars.h"
#include "text/fold.h"
#include "text/utf8.h"

/* The end of the run of ASCII letters and digits from i, at most e:
 * eight bytes at a time while they are in the sentence. */
static inline size_t
alnum_end(const unsigned char *s, size_t i, size_t e)
{
    while (e - i >= 8) {
        uint64_t w = load_text64(s + i);
        size_t n = lead_in(w, letters_in(w) | bytes_in(w, '0', '9'));
        i += n;
        if (n < 8)
            return i;
    }
    while (i < e && ascii_alnum(s[i]))
        i++;
    return i;
}

/* A test that is nearly always false: a branch, not a computed 0 or 1
 * (1,000 instructions a BBC article where the compiler would add the
 * comparison's result to the count of numbers for every word). */
#if defined(__GNUC__)
#define TOK_RARELY(x) __builtin_expect((x), 0)
#else
#define TOK_RARELY(x) (x)
#endif

/* The MARK_* of each byte (doc.h). */
static const unsigned char mark_of[128] = {
    ['('] = MARK_BRACKET, ['['] = MARK_BRACKET, ['{'] = MARK_CODE, [';'] = MARK_CODE,
    ['='] = MARK_CODE, ['&'] = MARK_CODE, ['|'] = MARK_CODE, ['+'] = MARK_CODE,
    ['>'] = MARK_CODE, [':'] = MARK_COLON, ['\n'] = MARK_NEWLINE, ['"'] = MARK_QUOTE,
};

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
    m->key = summ__arena_calloc(ar, cap, sizeof *m->key);
    m->val = summ__arena_alloc(ar, cap * sizeof *m->val);
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

/* Words are looked up a sentence at a time (at most TOK_PENDING at once):
 * each is folded and hashed as it is found, its lexicon slot fetched
 * (summ__lex_prefetch), and only then are they looked up, in order. A
 * lookup waits on memory for all but the commonest words; asked for
 * together, a sentence's slots arrive together. */
#define TOK_PENDING 64
#define TOK_WORD_MAX 128   /* bytes of a folded word; a longer "word" is no term */

/* What a waiting word is besides its lexicon key. */
enum { PEND_WORD, PEND_LONG, PEND_FILLER };

typedef struct pending {
    uint32_t a, b;         /* the word in the text */
    uint32_t kind;         /* PEND_*: a word; over TOK_WORD_MAX bytes; a filler of speech */
} pending;

typedef struct tok_state {
    doc *d;
    termmap map;
    size_t capstem, capfirst;
    summ_status st;
    size_t npend, nfold;
    lexview lex;
    pending pend[TOK_PENDING];
    lexkey key[TOK_PENDING];   /* their folded forms in fold[]; n 0 if not a term */
    lexword ans[TOK_PENDING];
    char fold[TOK_PENDING * TOK_WORD_MAX];
} tok_state;

/* Keep a word's place and what the lexicon said of it, for features.c
 * (which would otherwise fold every word again) and keywords.c. Inline:
 * it is called for every word. */
static inline bool
keep_word(doc *d, size_t a, size_t b, uint32_t term, uint32_t kw, unsigned roles, size_t flen)
{
    if (d->nword == d->capword
        && !summ__grow(d->ar->al, (void **)&d->word, &d->capword, d->nword + 1, sizeof *d->word))
        return false;
    d->word[d->nword++] = (wordpos){ (uint32_t)a, (uint32_t)b, term, (uint8_t)kw,
                                     (uint8_t)roles, (uint8_t)flen };
    return true;
}

/* resolve_word inline in the loop of flush_words, where the compiler
 * allows it: the call and the registers it saves cost some 6
 * instructions a word (2,600 a BBC article). */
#if defined(__GNUC__)
#define TOK_INLINE static inline __attribute__((always_inline))
#else
#define TOK_INLINE static inline
#endif

/* One word, with what the lexicon said of it: append its term to the
 * document. */
TOK_INLINE bool
resolve_word(tok_state *ts, sentence *sn, const pending *pw, const lexkey *key, lexword lw)
{
    doc *d = ts->d;
    size_t a = pw->a, b = pw->b, n = key->n;
    if (pw->kind != PEND_WORD)  /* a "word" over 128 bytes is no word; "okay", "um" in speech */
        return keep_word(d, a, b, WORD_NOTERM, 0, 0, 0) || (ts->st = SUMM_ENOMEM, false);
    uint32_t sid = lw.stem, kw = lw.kw;
    unsigned roles = lw.roles;
    if (sid == STEM_STOP)
        return keep_word(d, a, b, WORD_NOTERM, 0, roles, n) || (ts->st = SUMM_ENOMEM, false);

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
             && !summ__grow(d->ar->al, (void **)&d->term_stem, &ts->capstem, d->nvocab + 1,
                        sizeof *d->term_stem))
            || (d->nvocab >= ts->capfirst
                && !summ__grow(d->ar->al, (void **)&d->term_first, &ts->capfirst, d->nvocab + 1,
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
        && !summ__grow(d->ar->al, (void **)&d->term, &d->capterm, d->nterm + 1, sizeof *d->term))
        goto nomem;
    d->term[d->nterm++] = local;
    sn->ntok++;
    if (!keep_word(d, a, b, local, kw, roles, n))
        goto nomem;
    return true;
nomem:
    ts->st = SUMM_ENOMEM;
    return false;
}

/* Look up the words waiting, in order (sn is their sentence). */
static bool
flush_words(tok_state *ts, sentence *sn)
{
    /* the lexicon keeps what the keyword and cue lists say of the word */
    if (!summ__lex_lookup_all(ts->d->lr, ts->fold, ts->key, ts->npend, ts->ans, &ts->st))
        return false;
    for (size_t k = 0; k < ts->npend; k++)
        if (!resolve_word(ts, sn, &ts->pend[k], &ts->key[k], ts->ans[k]))
            return false;
    ts->npend = ts->nfold = 0;
    ts->lex = summ__lex_view(ts->d->lr);  /* new words may have grown the table */
    return true;
}

/* One word, text[a .. b): folded, hashed and its slot fetched now, looked
 * up at the next flush_words. Inline: it is called for every word. */
TOK_INLINE bool
add_word(tok_state *ts, sentence *sn, size_t a, size_t b)
{
    sn->nwords++;
    if (ts->npend == TOK_PENDING && !flush_words(ts, sn))
        return false;
    size_t q = ts->npend++;
    pending *pw = &ts->pend[q];
    lexkey *key = &ts->key[q];
    char *buf = ts->fold + ts->nfold;
    size_t n = summ__fold_word(ts->d->text + a, b - a, buf, TOK_WORD_MAX);
    pw->a = (uint32_t)a;
    pw->b = (uint32_t)b;
    key->off = (uint32_t)ts->nfold;
    if (n > TOK_WORD_MAX) {
        pw->kind = PEND_LONG;
        key->n = 0;
    } else if (ts->d->fillers && summ__strset_has(ts->d->fillers, buf, n)) {
        /* In speech, "okay" and "um" say nothing about the topic. */
        pw->kind = PEND_FILLER;
        key->n = 0;
    } else {
        uint64_t h = summ__hash(buf, n);
        pw->kind = PEND_WORD;
        key->n = (uint32_t)n;
        key->h = h;
        summ__lex_prefetch(&ts->lex, h);
        ts->nfold += n;
    }
    return true;
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
    if (i >= e || (utf8_decode(s + i, end, &c), summ__cjk_class(c) != cls))
        return add_word(ts, sn, prev, i) ? i : SIZE_MAX;  /* one character alone */
    while (i < e) {
        size_t n = utf8_decode(s + i, end, &c);
        if (summ__cjk_class(c) != cls)
            break;
        if (!add_word(ts, sn, prev, i + n))
            return SIZE_MAX;
        prev = i;
        i += n;
    }
    return i;
}

summ_status
summ__tokenize(doc *d)
{
    tok_state ts;  /* not "= { ... }": that would clear its buffers, 10 kB, every call */
    ts.d = d;
    ts.st = SUMM_OK;
    ts.capstem = ts.capfirst = 0;
    ts.npend = ts.nfold = 0;
    ts.lex = summ__lex_view(d->lr);
    if (!termmap_init(&ts.map, d->ar, 256))
        return SUMM_ENOMEM;
    /* Room for the words a text of this length has, about one per six
     * bytes, at once: growing from nothing would copy them a dozen times. */
    size_t expect = (d->len - d->start) / 6 + 16;
    if (!summ__grow(d->ar->al, (void **)&d->term, &d->capterm, expect, sizeof *d->term)
        || !summ__grow(d->ar->al, (void **)&d->term_stem, &ts.capstem, expect / 2,
                       sizeof *d->term_stem)
        || !summ__grow(d->ar->al, (void **)&d->term_first, &ts.capfirst, expect / 2,
                       sizeof *d->term_first)
        || !summ__grow(d->ar->al, (void **)&d->word, &d->capword, expect, sizeof *d->word))
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
        bool wide = false;
        unsigned marks = 0;
        size_t nnum = 0;
        while (i < e) {
            /* a run of ASCII letters and digits: no decoding, no lookups */
            if (ascii_alnum(s[i])) {
                if (wstart == SIZE_MAX) {
                    wstart = i;
                    if (TOK_RARELY(s[i] <= '9'))  /* a number */
                        nnum++;
                }
                i = alnum_end(s, i + 1, e);
                prev = s[i - 1];
                continue;
            }
            int32_t c;
            size_t n;
            if (s[i] < 0x80) {
                c = s[i];
                n = 1;
                marks |= mark_of[c];
            } else {
                marks |= MARK_WIDE;
                n = utf8_decode(s + i, end, &c);
                int cls = summ__cjk_class(c);
                if (cls != CJK_NONE) {
                    wide = true;
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
            if (is_word_cp(c)) {  /* not ASCII: those took the branch above */
                if (wstart == SIZE_MAX)
                    wstart = i;
                wide = true;
            } else if (wstart != SIZE_MAX) {
                /* apostrophe between letters, or . , between digits: inside */
                bool inner = false;
                if ((c == '\'' || c == 0x2019 || c == '.' || c == ',') && i + n < e) {
                    int32_t nx;
                    utf8_decode(s + i + n, end, &nx);
                    if ((c == '\'' || c == 0x2019) && is_word_cp(prev) && !is_ascii_digit(prev)
                        && is_word_cp(nx) && !is_ascii_digit(nx))
                        inner = true;
                    else if ((c == '.' || c == ',') && is_ascii_digit(prev) && is_ascii_digit(nx))
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
        if (!flush_words(&ts, sn))
            return ts.st;
        sn->wide = wide;
        sn->marks = (uint8_t)marks;
        sn->nnum = (uint16_t)(nnum < 0xFFFF ? nnum : 0xFFFF);
    }
    return SUMM_OK;
}

static int
cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The query is read by the same rules as the text (a document of one
 * sentence, through the same lexicon), so "elections" finds "election";
 * then its stems are looked up among the document's: sorting the query's
 * stems keeps that O(V log Q) however long either is. */
summ_status
summ__tokenize_query(doc *d, const char *q, size_t n, uint32_t **terms, uint32_t **tf,
                     size_t *nterms)
{
    *terms = *tf = NULL;
    *nterms = 0;
    if (n > UINT32_MAX)
        n = UINT32_MAX;  /* a query of 4 GB: its first 4 GB are plenty */
    sentence one = { .start = 0, .end = (uint32_t)n };
    doc qd = { .text = q, .len = n, .ar = d->ar, .lang = d->lang, .lr = d->lr, .sent = &one,
               .nsent = 1, .title = SIZE_MAX };
    summ_status st = summ__tokenize(&qd);
    uint32_t *stems = NULL;
    size_t ns = 0;
    if (st == SUMM_OK && qd.nterm) {
        stems = summ__arena_alloc(d->ar, qd.nterm * sizeof *stems);
        if (!stems)
            st = SUMM_ENOMEM;
        for (size_t k = 0; stems && k < qd.nterm; k++)
            stems[k] = qd.term_stem[qd.term[k]];
    }
    summ__free(d->ar->al, qd.term);
    summ__free(d->ar->al, qd.term_stem);
    summ__free(d->ar->al, qd.term_first);
    summ__free(d->ar->al, qd.word);
    if (st != SUMM_OK || !stems)
        return st;
    qsort(stems, qd.nterm, sizeof *stems, cmp_u32);
    uint32_t *count = summ__arena_calloc(d->ar, qd.nterm, sizeof *count);
    if (!count)
        return SUMM_ENOMEM;
    for (size_t k = 0; k < qd.nterm; k++) {
        if (ns && stems[ns - 1] == stems[k]) {
            count[ns - 1]++;
        } else {
            stems[ns] = stems[k];
            count[ns++] = 1;
        }
    }
    uint32_t *ids = summ__arena_alloc(d->ar, ns * sizeof *ids);
    uint32_t *freq = summ__arena_alloc(d->ar, ns * sizeof *freq);
    if (!ids || !freq)
        return SUMM_ENOMEM;
    size_t m = 0;
    for (size_t t = 0; t < d->nvocab; t++) {
        const uint32_t *hit = bsearch(&d->term_stem[t], stems, ns, sizeof *stems, cmp_u32);
        if (hit) {
            ids[m] = (uint32_t)t;
            freq[m++] = count[hit - stems];
        }
    }
    *terms = ids;
    *tf = freq;
    *nterms = m;
    return SUMM_OK;
}
