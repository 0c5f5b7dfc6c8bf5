/* textrank.c - TextRank (Mihalcea & Tarau 2004): PageRank over the graph of
 * sentences. The edge weight is one of (summ_options.similarity):
 *   SUMM_SIM_COSINE   TF-IDF cosine similarity, the continuous LexRank
 *                     weighting of Erkan & Radev 2004;
 *   SUMM_SIM_OVERLAP  TextRank's own: the number of shared content words
 *                     over log(1 + |Si|) + log(1 + |Sj|) (the 1 + keeps
 *                     one-word sentences from dividing by zero);
 *   SUMM_SIM_BM25     BM25 (Barrios et al. 2016; k1 = 1.2, b = 0.75, IDF
 *                     floored at a quarter of the mean as in gensim), made
 *                     symmetric by averaging BM25(Si, Sj) and BM25(Sj, Si)
 *                     so that each edge is still found once.
 * Alongside the rank it gives each sentence's weighted degree towards
 * later and towards earlier sentences, for PacSum's directed centrality
 * (Zheng & Lapata 2019; see score.c).
 *
 * The graph is built from an inverted index (term -> sentences), so only
 * pairs that share a term are ever looked at. Two bounds keep long texts
 * from going quadratic: a sentence is linked only to sentences at most
 * TR_WINDOW sentences away, and a term found in more than TR_MAX_DF
 * sentences is ignored when looking for pairs (such a term has a low IDF
 * and says little about which two sentences belong together). The work is
 * O(T * min(df, 2 * TR_WINDOW)) for T term occurrences, the edges at most
 * 2 * TR_WINDOW per sentence. Texts under TR_WINDOW sentences get the
 * exact, complete graph. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define TR_WINDOW 1000
#define TR_MAX_DF 2000
#define TR_MAX_ITER 100
#define TR_EPSILON 1e-9   /* L1 change per iteration */
#define BM25_K1 1.2
#define BM25_B 0.75

static int
cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* BM25's weight of each entry of the TF-IDF rows: idf(t) * tf (k1 + 1) /
 * (tf + k1 (1 - b + b |S| / avgdl)), the share of term t of sentence S in
 * BM25(Q, S) for any Q that has t. */
static float *
bm25_weights(doc *d, const tfidf *v)
{
    size_t n = d->nsent, nv = d->nvocab, total = v->off[n];
    float *bm = arena_calloc(d->ar, total ? total : 1, sizeof *bm);
    double *idf = arena_alloc(d->ar, (nv ? nv : 1) * sizeof *idf);
    if (!bm || !idf)
        return NULL;
    double avgdl = 0, mean = 0;
    for (size_t i = 0; i < n; i++)
        avgdl += d->sent[i].ntok;
    avgdl = avgdl > 0 ? avgdl / (double)n : 1;
    for (size_t t = 0; t < nv; t++) {
        idf[t] = log(((double)n - v->df[t] + 0.5) / (v->df[t] + 0.5));
        mean += idf[t];
    }
    mean = nv ? mean / (double)nv : 0;
    for (size_t t = 0; t < nv; t++)
        if (idf[t] < 0.25 * mean || idf[t] <= 0)
            idf[t] = 0.25 * mean > 1e-3 ? 0.25 * mean : 1e-3;
    /* term counts: find each token in its sentence's sorted row */
    for (size_t i = 0; i < n; i++) {
        const uint32_t *row = v->id + v->off[i];
        size_t len = v->off[i + 1] - v->off[i];
        for (size_t q = 0; q < d->sent[i].ntok; q++) {
            uint32_t t = d->term[d->sent[i].tok + q];
            const uint32_t *hit = bsearch(&t, row, len, sizeof *row, cmp_u32);
            if (hit)
                bm[v->off[i] + (size_t)(hit - row)] += 1;
        }
        double norm = BM25_K1 * (1 - BM25_B + BM25_B * d->sent[i].ntok / avgdl);
        for (size_t k = v->off[i]; k < v->off[i + 1]; k++)
            bm[k] = (float)(idf[v->id[k]] * bm[k] * (BM25_K1 + 1) / (bm[k] + norm));
    }
    return bm;
}

typedef struct edge {
    uint32_t i, j;
    float w;
} edge;

summ_status
textrank(doc *d, const tfidf *v, double damping, double *rank)
{
    return sentence_graph(d, v, SUMM_SIM_COSINE, damping, rank, NULL, NULL);
}

summ_status
sentence_graph(doc *d, const tfidf *v, int sim, double damping, double *rank, double *fwd,
               double *bwd)
{
    arena *ar = d->ar;
    size_t n = d->nsent, nv = d->nvocab;
    if (n == 0)
        return SUMM_OK;

    /* Inverted index in CSR form: post[poff[t] .. poff[t + 1]) ascending. */
    uint32_t *poff = arena_calloc(ar, nv + 1, sizeof *poff);
    uint32_t *cur = arena_calloc(ar, nv + 1, sizeof *cur);
    uint32_t *post = arena_alloc(ar, (v->off[n] ? v->off[n] : 1) * sizeof *post);
    uint32_t *wpos = arena_alloc(ar, (v->off[n] ? v->off[n] : 1) * sizeof *wpos);
    double *acc = arena_calloc(ar, n, sizeof *acc);
    uint32_t *touched = arena_alloc(ar, n * sizeof *touched);
    double *outw = arena_calloc(ar, n, sizeof *outw);
    double *next = arena_alloc(ar, n * sizeof *next);
    if (!poff || !cur || !post || !wpos || !acc || !touched || !outw || !next)
        return SUMM_ENOMEM;
    const float *bm = NULL;
    if (sim == SUMM_SIM_BM25 && !(bm = bm25_weights(d, v)))
        return SUMM_ENOMEM;
    double *loglen = NULL;  /* log(1 + |S|), once per sentence, not per edge */
    if (sim == SUMM_SIM_OVERLAP) {
        if (!(loglen = arena_alloc(ar, n * sizeof *loglen)))
            return SUMM_ENOMEM;
        for (size_t i = 0; i < n; i++)
            loglen[i] = log(1.0 + d->sent[i].ntok);
    }
    for (size_t t = 0; t < nv; t++)
        poff[t + 1] = poff[t] + v->df[t];
    for (size_t i = 0; i < n; i++) {
        for (size_t k = v->off[i]; k < v->off[i + 1]; k++) {
            uint32_t t = v->id[k];
            post[poff[t] + cur[t]] = (uint32_t)i;
            wpos[poff[t] + cur[t]] = (uint32_t)k;  /* where w(t, i) is */
            cur[t]++;
        }
    }
    memset(cur, 0, (nv + 1) * sizeof *cur);

    /* For each i, the dot products with every later j in the window that
     * shares a term; each undirected edge is found once. */
    edge *e = NULL;
    size_t ne = 0, cape = 0;
    for (size_t i = 0; i < n; i++) {
        size_t nt = 0;
        for (size_t k = v->off[i]; k < v->off[i + 1]; k++) {
            uint32_t t = v->id[k];
            size_t p = poff[t] + cur[t]++ + 1;  /* post[p - 1] == i */
            if (v->df[t] > TR_MAX_DF)
                continue;
            double wi = v->w[k];
            for (; p < poff[t + 1]; p++) {
                uint32_t j = post[p];
                if (j - i > TR_WINDOW)
                    break;
                if (acc[j] == 0)
                    touched[nt++] = j;
                acc[j] += sim == SUMM_SIM_OVERLAP ? 1.0
                          : bm ? 0.5 * ((double)bm[k] + bm[wpos[p]])
                               : wi * v->w[wpos[p]];
            }
        }
        for (size_t q = 0; q < nt; q++) {
            uint32_t j = touched[q];
            double w = acc[j];
            acc[j] = 0;
            if (loglen)
                w /= loglen[i] + loglen[j];
            if (w <= 1e-9)
                continue;
            if (!s_grow(ar->al, (void **)&e, &cape, ne + 1, sizeof *e)) {
                s_free(ar->al, e);
                return SUMM_ENOMEM;
            }
            e[ne++] = (edge){ (uint32_t)i, j, (float)w };
            outw[i] += w;
            outw[j] += w;
            if (fwd) {
                fwd[i] += w;  /* j > i */
                bwd[j] += w;
            }
        }
    }

    /* Power iteration: r' = (1 - d) / n + d * (W^T D^-1 r + dangling / n). */
    for (size_t i = 0; i < n; i++)
        rank[i] = 1.0 / (double)n;
    for (int it = 0; it < TR_MAX_ITER; it++) {
        double dangling = 0;
        for (size_t i = 0; i < n; i++)
            if (outw[i] == 0)
                dangling += rank[i];
        double base = (1.0 - damping) / (double)n + damping * dangling / (double)n;
        for (size_t i = 0; i < n; i++)
            next[i] = base;
        for (size_t k = 0; k < ne; k++) {
            double w = e[k].w;
            next[e[k].j] += damping * w * rank[e[k].i] / outw[e[k].i];
            next[e[k].i] += damping * w * rank[e[k].j] / outw[e[k].j];
        }
        double diff = 0;
        for (size_t i = 0; i < n; i++) {
            diff += fabs(next[i] - rank[i]);
            rank[i] = next[i];
        }
        if (diff < TR_EPSILON)
            break;
    }
    s_free(ar->al, e);
    return SUMM_OK;
}
