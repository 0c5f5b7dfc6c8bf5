/* textrank.c - TextRank (Mihalcea & Tarau 2004): PageRank over the graph of
 * sentences, edges weighted by TF-IDF cosine similarity (the continuous
 * LexRank weighting of Erkan & Radev 2004).
 *
 * The graph is built from an inverted index (term -> sentences), so only
 * pairs that share a term are ever looked at. A text of up to TR_SMALL
 * sentences (every news article) gets the exact, complete graph. Longer
 * texts are bounded so that work and memory stay linear in the input:
 *
 *   window   a sentence is linked only to sentences at most TR_WINDOW
 *            sentences away (in a book, what belongs together is near);
 *   common   a term found in more than 1/TR_COMMON of the sentences is
 *            left out of the pair weights (its IDF is low: it says little
 *            about which two sentences belong together, and scanning its
 *            postings would be most of the work);
 *   top-k    each sentence keeps only its k strongest links to later
 *            sentences, k = max(TR_TOPK, TR_EDGES / n): at most
 *            max(n * TR_TOPK, TR_EDGES) edges however long the text.
 *
 * The weight the dropped pairs would carry is not lost: each sentence's
 * exact weighted degree is cheap, and what the graph lacks of it is spread
 * as a mean field (see below). With it, on 300 kB of a novel the top 10
 * sentences are those of the exact graph and the rank correlation is 0.97
 * (0.59 with top-k pruning alone).
 *
 * Finding the pairs is O(T * min(df, TR_WINDOW)) for T term occurrences,
 * each PageRank iteration O(n + edges); memory O(T + edges). */
#include <math.h>
#include <string.h>

#include "internal.h"

#define TR_SMALL 256      /* up to this many sentences: the exact graph */
#define TR_WINDOW 256
#define TR_COMMON 8
#define TR_TOPK 16
#define TR_EDGES (1u << 16)
#define TR_MAX_ITER 100
#define TR_EPSILON 1e-9   /* L1 change per iteration (the ranks sum to 1) */
#define TR_EPSILON_LONG 1e-6

typedef struct edge {
    uint32_t i, j;
    float w;
} edge;

/* Keep the k largest acc[] among touched[0 .. nt): moves them to the front
 * (in no particular order) and returns how many there are. Quickselect:
 * linear on average. */
static size_t
keep_top(uint32_t *touched, size_t nt, const double *acc, size_t k)
{
    if (nt <= k)
        return nt;
    size_t lo = 0, hi = nt;  /* the k-th largest is in [lo, hi) */
    while (hi - lo > 1) {
        double pivot = acc[touched[lo + (hi - lo) / 2]];
        size_t a = lo, b = hi;  /* [lo, a) > pivot, [b, hi) < pivot */
        size_t q = lo;
        while (q < b) {
            double x = acc[touched[q]];
            uint32_t t = touched[q];
            if (x > pivot) {
                touched[q++] = touched[a];
                touched[a++] = t;
            } else if (x < pivot) {
                touched[q] = touched[--b];
                touched[b] = t;
            } else {
                q++;
            }
        }
        if (k <= a)
            hi = a;
        else if (k <= b)
            break;  /* the k-th largest equals the pivot */
        else
            lo = b;
    }
    return k;
}

summ_status
textrank(doc *d, const tfidf *v, double damping, double *rank)
{
    arena *ar = d->ar;
    size_t n = d->nsent, nv = d->nvocab;
    if (n == 0)
        return SUMM_OK;
    bool exact = n <= TR_SMALL;
    size_t window = exact ? n : TR_WINDOW;
    size_t maxdf = exact ? n : n / TR_COMMON;
    size_t topk = exact ? n : TR_EDGES / n > TR_TOPK ? TR_EDGES / n : TR_TOPK;
    /* On the bounded graph the ranks are an approximation anyway: an average
     * relative error of 1e-6 per sentence is plenty, and saves half the
     * iterations on a book. */
    double epsilon = exact ? TR_EPSILON : TR_EPSILON_LONG;

    /* Inverted index in CSR form: post[poff[t] .. poff[t + 1]) ascending. */
    uint32_t *poff = arena_calloc(ar, nv + 1, sizeof *poff);
    uint32_t *cur = arena_calloc(ar, nv + 1, sizeof *cur);
    uint32_t *post = arena_alloc(ar, (v->off[n] ? v->off[n] : 1) * sizeof *post);
    float *pw = arena_alloc(ar, (v->off[n] ? v->off[n] : 1) * sizeof *pw);
    double *acc = arena_calloc(ar, n, sizeof *acc);
    uint32_t *touched = arena_alloc(ar, n * sizeof *touched);
    double *outw = arena_calloc(ar, n, sizeof *outw);
    uint32_t *deg = arena_calloc(ar, n + 1, sizeof *deg);
    double *next = arena_alloc(ar, n * sizeof *next);
    if (!poff || !cur || !post || !pw || !acc || !touched || !outw || !deg || !next)
        return SUMM_ENOMEM;
    for (size_t t = 0; t < nv; t++)
        poff[t + 1] = poff[t] + v->df[t];
    for (size_t i = 0; i < n; i++) {
        for (size_t k = v->off[i]; k < v->off[i + 1]; k++) {
            uint32_t t = v->id[k];
            post[poff[t] + cur[t]] = (uint32_t)i;
            pw[poff[t] + cur[t]] = v->w[k];  /* w(t, i), next to i for the scan below */
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
            if (v->df[t] > maxdf)
                continue;
            double wi = v->w[k];
            size_t pe = poff[t + 1];
            for (; p < pe; p++) {
                uint32_t j = post[p];
                if (j - i > window)
                    break;
                if (acc[j] == 0)
                    touched[nt++] = j;
                acc[j] += wi * pw[p];
            }
        }
        size_t keep = keep_top(touched, nt, acc, topk);
        if (ne + keep > cape && !s_grow(ar->al, (void **)&e, &cape, ne + keep, sizeof *e)) {
            s_free(ar->al, e);
            return SUMM_ENOMEM;
        }
        for (size_t q = 0; q < nt; q++) {
            uint32_t j = touched[q];
            double w = acc[j];
            acc[j] = 0;
            if (q >= keep || w <= 1e-9)
                continue;
            e[ne++] = (edge){ (uint32_t)i, j, (float)w };
            outw[i] += w;
            outw[j] += w;
            deg[i + 1]++;
            deg[j + 1]++;
        }
    }

    /* On the bounded graph, the weight a sentence loses to dropped pairs
     * (outside the window, through common terms, beyond its top k) is not
     * thrown away: its exact weighted degree costs only O(T),
     *   deg(i) = sum_j cos(i, j) = sum_t w(t, i) * colsum(t) - 1,
     * and the lost part is spread over all sentences in proportion to what
     * each of them lost (a mean-field stand-in for the many weak links). On
     * a symmetric graph PageRank is close to proportional to the weighted
     * degree, which this keeps exact; the kept strong links add the rest. */
    double *full = outw;   /* a sentence's total out-weight */
    double *lost = NULL;   /* full - outw, then scaled to sum to 1 */
    if (!exact && v->off[n]) {
        double *colsum = arena_calloc(ar, nv ? nv : 1, sizeof *colsum);
        full = arena_alloc(ar, n * sizeof *full);
        lost = arena_alloc(ar, n * sizeof *lost);
        if (!colsum || !full || !lost) {
            s_free(ar->al, e);
            return SUMM_ENOMEM;
        }
        for (size_t k = 0; k < v->off[n]; k++)
            colsum[v->id[k]] += v->w[k];
        double total = 0;
        for (size_t i = 0; i < n; i++) {
            double dg = 0, self = 0;
            for (size_t k = v->off[i]; k < v->off[i + 1]; k++) {
                dg += v->w[k] * colsum[v->id[k]];
                self += (double)v->w[k] * v->w[k];
            }
            dg -= self;
            /* rounding, and the pairs under 1e-9 left out of outw */
            if (dg < outw[i] * (1 + 1e-6) + 1e-9)
                dg = outw[i];
            full[i] = dg;
            lost[i] = dg - outw[i];
            total += lost[i];
        }
        for (size_t i = 0; i < n; i++)
            lost[i] = total > 0 ? lost[i] / total : 0;
    }

    /* The transition matrix by destination (CSR), each entry already
     * divided by its source's out-weight, so an iteration is one pass of
     * multiply-adds over memory read in order. */
    for (size_t i = 0; i < n; i++)
        deg[i + 1] += deg[i];
    uint32_t *src = arena_alloc(ar, (ne ? 2 * ne : 1) * sizeof *src);
    double *tw = arena_alloc(ar, (ne ? 2 * ne : 1) * sizeof *tw);
    if (!src || !tw) {
        s_free(ar->al, e);
        return SUMM_ENOMEM;
    }
    uint32_t *fill = touched;  /* free again: the next slot per destination */
    memcpy(fill, deg, n * sizeof *fill);
    for (size_t k = 0; k < ne; k++) {
        uint32_t a = e[k].i, b = e[k].j;
        double w = e[k].w;
        src[fill[b]] = a;
        tw[fill[b]++] = damping * w / full[a];
        src[fill[a]] = b;
        tw[fill[a]++] = damping * w / full[b];
    }
    s_free(ar->al, e);

    /* Power iteration: r' = (1 - d) / n + d * (W^T D^-1 r + dangling / n
     * + lost weight spread as above). */
    for (size_t i = 0; i < n; i++)
        rank[i] = 1.0 / (double)n;
    for (int it = 0; it < TR_MAX_ITER; it++) {
        double dangling = 0, leak = 0;
        for (size_t i = 0; i < n; i++) {
            if (full[i] == 0)
                dangling += rank[i];
            else if (lost)
                leak += rank[i] * (1.0 - outw[i] / full[i]);
        }
        double base = (1.0 - damping) / (double)n + damping * dangling / (double)n;
        leak *= damping;
        double diff = 0;
        for (size_t i = 0; i < n; i++) {
            double r = base;
            if (lost)
                r += leak * lost[i];
            for (size_t k = deg[i]; k < deg[i + 1]; k++)
                r += tw[k] * rank[src[k]];
            next[i] = r;
            diff += fabs(r - rank[i]);
        }
        memcpy(rank, next, n * sizeof *rank);
        if (diff < epsilon)
            break;
    }
    return SUMM_OK;
}
