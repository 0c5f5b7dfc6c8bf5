/* stem.c - stopwords and Snowball stemming, behind a per-language lexicon
 * that maps each distinct folded word to its stem id once: stemming is the
 * costliest step per word, and a text repeats its words. The lexicon lives
 * in the context, so a batch of documents shares it. It also keeps what
 * the keyword list (stopwords/keywords/) says of each word, so keywords
 * cost no lookup per word either. */
#include <string.h>

#include <libstemmer.h>

#include "stages.h"

/* Past this many distinct words the lexicon is cleared before the next
 * document, bounding memory on endless batches. */
#define LEX_MAX_WORDS (1u << 20)

typedef struct lexent {
    uint32_t off, len;   /* the folded word in pool */
    uint32_t stem;       /* stem id or STEM_STOP; slot empty if len == 0 && off == 0 */
    uint16_t used;
    uint16_t kw;         /* WORD_KW_* (keyword list class) of a word that is no stopword */
} lexent;

struct lexicon {
    const salloc *al;
    char *pool;           /* folded words and stems, back to back */
    size_t npool, cappool;
    lexent *word;         /* folded word -> stem id */
    size_t capword, nword;
    uint32_t *stem_slot;  /* hash of stems: slot -> stem id + 1 */
    size_t capslot;
    uint32_t *stem_off, *stem_len;  /* stem id -> string in pool */
    size_t nstem, capstem;
};

static bool
pool_add(lexicon *lx, const char *s, size_t n, uint32_t *off)
{
    if (lx->npool + n > UINT32_MAX)
        return false;
    if (!summ__grow(lx->al, (void **)&lx->pool, &lx->cappool, lx->npool + n, 1))
        return false;
    memcpy(lx->pool + lx->npool, s, n);
    *off = (uint32_t)lx->npool;
    lx->npool += n;
    return true;
}

static void
lex_clear(lexicon *lx)
{
    summ__free(lx->al, lx->pool);
    summ__free(lx->al, lx->word);
    summ__free(lx->al, lx->stem_slot);
    summ__free(lx->al, lx->stem_off);
    summ__free(lx->al, lx->stem_len);
    const salloc *al = lx->al;
    memset(lx, 0, sizeof *lx);
    lx->al = al;
}

static bool
word_rehash(lexicon *lx, size_t ncap)
{
    lexent *w = summ__calloc(lx->al, ncap, sizeof *w);
    if (!w)
        return false;
    for (size_t i = 0; i < lx->capword; i++) {
        lexent *e = &lx->word[i];
        if (!e->used)
            continue;
        size_t j = summ__hash(lx->pool + e->off, e->len) & (ncap - 1);
        while (w[j].used)
            j = (j + 1) & (ncap - 1);
        w[j] = *e;
    }
    summ__free(lx->al, lx->word);
    lx->word = w;
    lx->capword = ncap;
    return true;
}

static bool
slot_rehash(lexicon *lx, size_t ncap)
{
    uint32_t *sl = summ__calloc(lx->al, ncap, sizeof *sl);
    if (!sl)
        return false;
    for (size_t id = 0; id < lx->nstem; id++) {
        size_t j = summ__hash(lx->pool + lx->stem_off[id], lx->stem_len[id]) & (ncap - 1);
        while (sl[j])
            j = (j + 1) & (ncap - 1);
        sl[j] = (uint32_t)id + 1;
    }
    summ__free(lx->al, lx->stem_slot);
    lx->stem_slot = sl;
    lx->capslot = ncap;
    return true;
}

/* Intern a stem; its id. */
static bool
stem_intern(lexicon *lx, const char *s, size_t n, uint32_t *id)
{
    if ((lx->nstem + 1) * 2 > lx->capslot
        && !slot_rehash(lx, lx->capslot ? lx->capslot * 2 : 1024))
        return false;
    size_t j = summ__hash(s, n) & (lx->capslot - 1);
    while (lx->stem_slot[j]) {
        uint32_t k = lx->stem_slot[j] - 1;
        if (lx->stem_len[k] == n && memcmp(lx->pool + lx->stem_off[k], s, n) == 0) {
            *id = k;
            return true;
        }
        j = (j + 1) & (lx->capslot - 1);
    }
    size_t cap = lx->capstem;
    if (!summ__grow(lx->al, (void **)&lx->stem_off, &cap, lx->nstem + 1, sizeof *lx->stem_off))
        return false;
    cap = lx->capstem;
    if (!summ__grow(lx->al, (void **)&lx->stem_len, &cap, lx->nstem + 1, sizeof *lx->stem_len))
        return false;
    lx->capstem = cap;
    uint32_t off;
    if (!pool_add(lx, s, n, &off))
        return false;
    lx->stem_off[lx->nstem] = off;
    lx->stem_len[lx->nstem] = (uint32_t)n;
    lx->stem_slot[j] = (uint32_t)lx->nstem + 1;
    *id = (uint32_t)lx->nstem++;
    return true;
}

/* memcmp(a, b, n) == 0 for the short words of a lexicon, without a call:
 * eight bytes at a time, the tail by two overlapping loads. */
static inline bool
same_bytes(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        uint64_t x, y;
        for (size_t k = 0; k + 8 < n; k += 8) {
            memcpy(&x, a + k, 8);
            memcpy(&y, b + k, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t x0, y0, x1, y1;
        memcpy(&x0, a, 4);
        memcpy(&y0, b, 4);
        memcpy(&x1, a + n - 4, 4);
        memcpy(&y1, b + n - 4, 4);
        return x0 == y0 && x1 == y1;
    }
    for (size_t k = 0; k < n; k++)
        if (a[k] != b[k])
            return false;
    return true;
}

/* What stopwords/keywords/ says of a word: WORD_KW_STOP, WORD_KW_WEAK
 * (listed as "word ~") or 0. Kept with the word, so that keywords cost no
 * lookup per word of the text. */
static uint16_t
kw_class(const langres *lr, const char *w, size_t n)
{
    if (!lr->kwstop.count)
        return 0;
    if (summ__strset_has(&lr->kwstop, w, n))
        return WORD_KW_STOP;
    char key[260];
    if (n + 2 > sizeof key)
        return 0;
    memcpy(key, w, n);
    key[n] = ' ';
    key[n + 1] = '~';
    return summ__strset_has(&lr->kwstop, key, n + 2) ? WORD_KW_WEAK : 0;
}

uint32_t
summ__lex_lookup(langres *lr, const char *word, size_t n, uint32_t *kw, summ_status *st)
{
    lexicon *lx = lr->lex;
    *st = SUMM_OK;
    *kw = 0;
    if (lx->capword) {
        size_t j = summ__hash(word, n) & (lx->capword - 1);
        while (lx->word[j].used) {
            lexent *e = &lx->word[j];
            if (e->len == n && same_bytes(lx->pool + e->off, word, n)) {
                *kw = e->kw;
                return e->stem;
            }
            j = (j + 1) & (lx->capword - 1);
        }
    }

    /* New word: stopword? else stem it. */
    uint32_t sid = STEM_STOP;
    uint16_t cls = 0;
    if (!summ__strset_has(&lr->stop, word, n)) {
        cls = kw_class(lr, word, n);
        const char *stem = word;
        size_t slen = n;
        if (lr->stemmer) {
            const sb_symbol *r = sb_stemmer_stem(lr->stemmer, (const sb_symbol *)word, (int)n);
            if (!r) {
                *st = SUMM_ENOMEM;
                return STEM_STOP;
            }
            stem = (const char *)r;   /* owned by the stemmer: copied by stem_intern */
            slen = (size_t)sb_stemmer_length(lr->stemmer);
        }
        if (slen == 0) {
            stem = word;
            slen = n;
        }
        if (!stem_intern(lx, stem, slen, &sid)) {
            *st = SUMM_ENOMEM;
            return STEM_STOP;
        }
    }

    if ((lx->nword + 1) * 2 > lx->capword
        && !word_rehash(lx, lx->capword ? lx->capword * 2 : 1024)) {
        *st = SUMM_ENOMEM;
        return STEM_STOP;
    }
    uint32_t off;
    if (!pool_add(lx, word, n, &off)) {
        *st = SUMM_ENOMEM;
        return STEM_STOP;
    }
    size_t j = summ__hash(word, n) & (lx->capword - 1);
    while (lx->word[j].used)
        j = (j + 1) & (lx->capword - 1);
    lx->word[j] = (lexent){ .off = off, .len = (uint32_t)n, .stem = sid, .used = 1, .kw = cls };
    lx->nword++;
    *kw = cls;
    return sid;
}

const char *
summ__lex_stem(const langres *lr, uint32_t id, size_t *n)
{
    *n = lr->lex->stem_len[id];
    return lr->lex->pool + lr->lex->stem_off[id];
}

void
summ__lex_trim(langres *lr)
{
    if (lr->lex->nword > LEX_MAX_WORDS || lr->lex->npool > 64u * LEX_MAX_WORDS)
        lex_clear(lr->lex);
}

lexicon *
summ__lex_new(const salloc *al)
{
    lexicon *lx = summ__calloc(al, 1, sizeof *lx);
    if (lx)
        lx->al = al;
    return lx;
}

void
summ__lex_free(lexicon *lx)
{
    if (!lx)
        return;
    const salloc *al = lx->al;
    lex_clear(lx);
    summ__free(al, lx);
}
