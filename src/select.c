/* select.c - the summary: sentences in order of score, each skipped if it
 * repeats one already chosen (cosine similarity above the redundancy
 * threshold, a simple form of MMR, Carbonell & Goldstein 1998) or would
 * break the word budget, until the length limit; then back in text order.
 *
 * Never empty for a text with a sentence: if every sentence is a heading,
 * boilerplate, quoted or a filler, those are allowed in two further
 * passes. */
#include <math.h>
#include <stdlib.h>

#include "stages.h"

typedef struct byscore {
    double score;
    size_t index;
} byscore;

static int
cmp_score(const void *a, const void *b)
{
    const byscore *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return (x->index > y->index) - (x->index < y->index);  /* ties: earlier first */
}

static int
cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* How many sentences the options allow for a text of n sentences. */
static size_t
sentence_limit(const params *o, size_t n)
{
    size_t lim = n;
    bool set = false;
    if (o->max_sentences) {
        lim = o->max_sentences < lim ? o->max_sentences : lim;
        set = true;
    }
    if (o->ratio > 0) {
        size_t r = (size_t)ceil(o->ratio * (double)n);
        if (r < 1)
            r = 1;
        lim = r < lim ? r : lim;
        set = true;
    }
    if (!set && !o->max_words)
        lim = 3 < n ? 3 : n;
    return lim;
}

double
summ__summary_length(const doc *d, const params *o)
{
    size_t n = d->nsent, words = 0;
    double k = (double)sentence_limit(o, n);
    if (o->max_words && n) {
        for (size_t i = 0; i < n; i++)
            words += d->sent[i].nwords;
        double per = (double)words / (double)n;
        double kw = per > 0 ? (double)o->max_words / per : k;
        if (kw < k)
            k = kw < 1 ? 1 : kw;
    }
    return k;
}

/* Is sentence i too like one of pick[0 .. npick)? Across several texts on
 * one story the words they all share have a low IDF, so two sentences that
 * tell the same fact have a lower cosine than within one text: there the
 * threshold is the lower multi_redundancy. */
static bool
redundant(const doc *d, const tfidf *v, const params *o, size_t i, const size_t *pick,
          size_t npick)
{
    double limit = o->redundancy;
    if (d->ndocs > 1 && o->multi_redundancy < limit)
        limit = o->multi_redundancy;
    for (size_t k = 0; k < npick && limit < 1.0; k++)
        if (summ__tfidf_cosine(v, i, pick[k]) > limit)
            return true;
    return false;
}

/* Several texts summarized as one: when the limit leaves room for one
 * sentence of each text that has a content sentence, each text's best one
 * not redundant with those chosen so far comes first, in order of score,
 * so that every source is heard before any says more. */
static summ_status
cover_documents(doc *d, const tfidf *v, const params *o, const byscore *order, size_t lim,
                size_t *pick, size_t *npick)
{
    size_t n = d->nsent, nd = d->ndocs, want = 0;
    bool *has = summ__arena_calloc(d->ar, nd, sizeof *has);
    if (!has)
        return SUMM_ENOMEM;
    const uint32_t skip = SUMM_FLAG_HEADING | SUMM_FLAG_BOILERPLATE | SUMM_FLAG_QUOTED
                          | SUMM_FLAG_FILLER;
    for (size_t i = 0; i < n; i++) {
        if (!(d->sent[i].flags & skip) && d->sent[i].docno < nd && !has[d->sent[i].docno]) {
            has[d->sent[i].docno] = true;
            want++;
        }
    }
    if (want < 2 || want > lim)
        return SUMM_OK;
    size_t words = 0;
    for (size_t r = 0; r < n && *npick < lim; r++) {
        size_t i = order[r].index;
        const sentence *s = &d->sent[i];
        if ((s->flags & skip) || s->docno >= nd || !has[s->docno])
            continue;
        if (o->max_words && *npick > 0 && words + s->nwords > o->max_words)
            continue;
        if (redundant(d, v, o, i, pick, *npick))
            continue;
        has[s->docno] = false;
        pick[(*npick)++] = i;
        words += s->nwords;
    }
    return SUMM_OK;
}

summ_status
summ__select(doc *d, const tfidf *v, const params *o, size_t *pick, size_t *npick)
{
    size_t n = d->nsent;
    *npick = 0;
    if (n == 0)
        return SUMM_OK;
    byscore *order = summ__arena_alloc(d->ar, n * sizeof *order);
    if (!order)
        return SUMM_ENOMEM;
    for (size_t i = 0; i < n; i++)
        order[i] = (byscore){ d->score[i], i };
    qsort(order, n, sizeof *order, cmp_score);

    size_t lim = sentence_limit(o, n);
    summ_status st;
    if (d->ndocs > 1 && (st = cover_documents(d, v, o, order, lim, pick, npick)) != SUMM_OK)
        return st;
    size_t covered = *npick, words = 0;
    for (size_t k = 0; k < covered; k++)
        words += d->sent[pick[k]].nwords;
    /* What is not the text's own content (furniture, quotes of other
     * texts, fillers) comes only when nothing else is left. */
    static const uint32_t excluded[3] = {
        SUMM_FLAG_HEADING | SUMM_FLAG_BOILERPLATE | SUMM_FLAG_QUOTED | SUMM_FLAG_FILLER,
        SUMM_FLAG_BOILERPLATE | SUMM_FLAG_QUOTED | SUMM_FLAG_FILLER, 0
    };
    for (int pass = 0; pass < 3 && *npick == covered && (pass == 0 || covered == 0); pass++) {
        for (size_t r = 0; r < n && *npick < lim; r++) {
            size_t i = order[r].index;
            const sentence *s = &d->sent[i];
            if (s->flags & excluded[pass])
                continue;
            if (o->max_words && *npick > 0 && words + s->nwords > o->max_words)
                continue;
            bool again = false;  /* chosen by cover_documents() */
            for (size_t k = 0; k < covered && !again; k++)
                again = pick[k] == i;
            if (again || redundant(d, v, o, i, pick, *npick))
                continue;
            pick[(*npick)++] = i;
            words += s->nwords;
        }
    }
    qsort(pick, *npick, sizeof *pick, cmp_size);
    return SUMM_OK;
}
