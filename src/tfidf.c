/* tfidf.c - one sparse TF-IDF vector per sentence, with the document's own
 * sentences as the collection (as in LexRank, Erkan & Radev 2004):
 * w(t, s) = tf(t, s) * log(1 + N / df(t)), each row scaled to unit length. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"

static int
cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* A sentence's terms in ascending order: most sentences have a few dozen,
 * where insertion sort beats qsort's calls through a pointer; long ones
 * (a text without punctuation is one sentence) go to qsort. */
static void
sort_terms(uint32_t *t, size_t m)
{
    if (m > 48) {
        qsort(t, m, sizeof *t, cmp_u32);
        return;
    }
    for (size_t k = 1; k < m; k++) {
        uint32_t x = t[k];
        size_t j = k;
        for (; j > 0 && t[j - 1] > x; j--)
            t[j] = t[j - 1];
        t[j] = x;
    }
}

/* The distinct terms of t[0 .. m) in ascending order into u, each with
 * its count in c; returns how many. u may be where t is. Where the terms'
 * ids are close together (a news article's sentence: a few dozen terms
 * out of a few hundred), as the set bits of a bitmap over their range,
 * with no comparisons to mispredict; else by sorting a copy. bits and
 * count (over the document's terms) are all 0 before and after. */
static size_t
distinct_terms(const uint32_t *t, size_t m, uint32_t *u, uint32_t *c, uint64_t *bits,
               uint32_t *count)
{
    if (m == 0)
        return 0;
    uint32_t lo = t[0], hi = t[0];
    for (size_t k = 1; k < m; k++) {
        lo = t[k] < lo ? t[k] : lo;
        hi = t[k] > hi ? t[k] : hi;
    }
    size_t q = 0;
    if ((hi >> 6) - (lo >> 6) <= m + 8) {
        for (size_t k = 0; k < m; k++) {
            bits[t[k] >> 6] |= 1ULL << (t[k] & 63);
            count[t[k]]++;
        }
        for (size_t w = lo >> 6; w <= hi >> 6; w++) {
            for (uint64_t x = bits[w]; x; x &= x - 1) {
                uint32_t id = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(x));
                u[q] = id;
                c[q++] = count[id];
                count[id] = 0;
            }
            bits[w] = 0;
        }
        return q;
    }
    if (u != t)
        memmove(u, t, m * sizeof *u);
    sort_terms(u, m);
    for (size_t k = 0; k < m;) {
        size_t r = k + 1;
        while (r < m && u[r] == u[k])
            r++;
        u[q] = u[k];
        c[q++] = (uint32_t)(r - k);
        k = r;
    }
    return q;
}

summ_status
summ__tfidf_build(doc *d, tfidf *v)
{
    arena *ar = d->ar;
    size_t n = d->nsent, nv = d->nvocab, nt = d->nterm;
    memset(v, 0, sizeof *v);
    v->nsent = n;
    v->off = summ__arena_alloc(ar, (n + 1) * sizeof *v->off);
    v->df = summ__arena_calloc(ar, nv ? nv : 1, sizeof *v->df);
    v->mass = summ__arena_calloc(ar, n ? n : 1, sizeof *v->mass);
    /* each sentence's distinct terms, packed: at most nt of them */
    v->id = summ__arena_alloc(ar, (nt ? nt : 1) * sizeof *v->id);
    uint32_t *tf = summ__arena_alloc(ar, (nt ? nt : 1) * sizeof *tf);
    uint64_t *bits = summ__arena_calloc(ar, nv / 64 + 1, sizeof *bits);
    uint32_t *count = summ__arena_calloc(ar, nv ? nv : 1, sizeof *count);
    if (!v->off || !v->df || !v->mass || !v->id || !tf || !bits || !count)
        return SUMM_ENOMEM;

    /* Each sentence's distinct terms and their counts; document frequency. */
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        v->off[i] = (uint32_t)total;
        size_t q = distinct_terms(d->term + d->sent[i].tok, d->sent[i].ntok, v->id + total,
                                  tf + total, bits, count);
        for (size_t k = total; k < total + q; k++)
            v->df[v->id[k]]++;
        total += q;
    }
    v->off[n] = (uint32_t)total;
    v->w = summ__arena_alloc(ar, (total ? total : 1) * sizeof *v->w);
    /* idf once per term, not once per sentence it is in; and the log once
     * per document frequency, which most terms share (1, 2, 3...) */
    double *idf = summ__arena_alloc(ar, (d->nvocab ? d->nvocab : 1) * sizeof *idf);
    double *by_df = summ__arena_calloc(ar, n + 1, sizeof *by_df);  /* 0: not yet */
    if (!v->w || !idf || !by_df)
        return SUMM_ENOMEM;
    for (size_t t = 0; t < d->nvocab; t++) {
        uint32_t f = v->df[t];  /* at most n */
        if (f && by_df[f] == 0)
            by_df[f] = log(1.0 + (double)n / f);  /* > 0 */
        idf[t] = by_df[f];
    }

    for (size_t i = 0; i < n; i++) {
        size_t o = v->off[i], e = v->off[i + 1];
        double norm = 0, mass = 0;
        for (size_t k = o; k < e; k++) {
            double w = (double)tf[k] * idf[v->id[k]];
            v->w[k] = (float)w;
            norm += w * w;
            mass += w;
        }
        v->mass[i] = mass;
        if (norm > 0) {
            float inv = (float)(1.0 / sqrt(norm));
            for (size_t k = o; k < e; k++)
                v->w[k] *= inv;
        }
    }
    return SUMM_OK;
}

double
summ__tfidf_cosine(const tfidf *v, size_t a, size_t b)
{
    size_t i = v->off[a], ie = v->off[a + 1];
    size_t j = v->off[b], je = v->off[b + 1];
    double dot = 0;
    while (i < ie && j < je) {
        if (v->id[i] < v->id[j]) {
            i++;
        } else if (v->id[i] > v->id[j]) {
            j++;
        } else {
            dot += (double)v->w[i] * v->w[j];
            i++;
            j++;
        }
    }
    return dot;
}

/* The query as a TF-IDF vector with the document's IDF, and each
 * sentence's cosine with it (the rows are unit vectors, so a dot product).
 * The jump distribution of the personalised PageRank (Haveliwala 2002;
 * Otterbacher et al. 2005, "biased LexRank") puts a share bias of the
 * random jumps on the sentences like the query, in proportion to that
 * cosine, and the rest on all sentences alike, so that every sentence stays
 * reachable and the graph still decides among the related ones. */
summ_status
summ__query_relevance(doc *d, const tfidf *v, const uint32_t *terms, const uint32_t *tf,
                      size_t nterms, double bias)
{
    size_t n = d->nsent;
    d->qrel = NULL;
    d->teleport = NULL;
    if (n == 0 || nterms == 0)
        return SUMM_OK;
    double *qw = summ__arena_calloc(d->ar, d->nvocab, sizeof *qw);
    double *rel = summ__arena_calloc(d->ar, n, sizeof *rel);
    if (!qw || !rel)
        return SUMM_ENOMEM;
    double norm = 0;
    for (size_t k = 0; k < nterms; k++) {
        double w = tf[k] * log(1.0 + (double)n / v->df[terms[k]]);
        qw[terms[k]] = w;
        norm += w * w;
    }
    norm = sqrt(norm);
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        double dot = 0;
        for (size_t k = v->off[i]; k < v->off[i + 1]; k++)
            dot += v->w[k] * qw[v->id[k]];
        rel[i] = norm > 0 ? dot / norm : 0;
        sum += rel[i];
    }
    if (!(sum > 0))
        return SUMM_OK;  /* the query's words only in sentences without a vector */
    d->qrel = rel;
    if (bias > 0) {
        double *t = summ__arena_alloc(d->ar, n * sizeof *t);
        if (!t)
            return SUMM_ENOMEM;
        for (size_t i = 0; i < n; i++)
            t[i] = (1.0 - bias) / (double)n + bias * rel[i] / sum;
        d->teleport = t;
    }
    return SUMM_OK;
}
