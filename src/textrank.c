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
 * each PageRank iteration O(n + edges); memory O(T + edges). A text of at
 * most TR_DIRECT sentences has PageRank solved directly instead (see
 * pagerank_direct). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"
#include "summarize_experimental.h"

#define TR_SMALL 256      /* up to this many sentences: the exact graph */
#define TR_DIRECT 40      /* up to this many: PageRank solved, not iterated */
#define TR_WINDOW 256
#define TR_COMMON 8
#define TR_TOPK 16
#define TR_EDGES (1u << 16)
#define TR_MAX_ITER 100
#define TR_EPSILON 1e-9   /* L1 change per iteration (the ranks sum to 1) */
#define TR_EPSILON_LONG 1e-6
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
    float *bm = summ__arena_calloc(d->ar, total ? total : 1, sizeof *bm);
    double *idf = summ__arena_alloc(d->ar, (nv ? nv : 1) * sizeof *idf);
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

/* The graph of one document, as the parts below build it. */
typedef struct graph {
    size_t n;
    int sim;
    bool exact;
    const float *ew;      /* the weight of each TF-IDF row entry a pair's weight is made of:
                             w(t, i) for the cosine, BM25's share for BM25, unused for
                             the overlap */
    double *loglen;       /* overlap: log(1 + |S|), once per sentence, not per pair */
    uint32_t *poff, *post; /* inverted index in CSR form: post[poff[t] .. poff[t + 1]) */
    uint32_t *at;         /* where each TF-IDF row entry (t, i) is in t's postings */
    float *pw;            /* the entry weight next to each posting */
    uint32_t *fo, *fj;    /* forward links of i: fj, fw from fo[i] on (CSR) */
    float *fw;
    uint32_t *bo;         /* then: the number of backward links of j at bo[j + 1] */
    uint32_t *no;         /* all links of i for power iteration: nb from no[i] on, */
    struct link { uint32_t j; float w; } *nb;  /* its forward ones, then its backward ones */
    size_t ne, capj, capw;
    double *outw;         /* a sentence's summed link weight */
    double *full;         /* its exact weighted degree (outw on the exact graph) */
    double *lost;         /* full - outw, scaled to sum to 1; NULL on the exact graph */
    uint32_t *touched;    /* scratch, n */
} graph;

/* The inverted index: each term's sentences, ascending. */
static summ_status
build_index(doc *d, const tfidf *v, graph *g)
{
    arena *ar = d->ar;
    size_t n = g->n, nv = d->nvocab;
    size_t total = v->off[n] ? v->off[n] : 1;
    g->poff = summ__arena_alloc(ar, (nv + 1) * sizeof *g->poff);
    uint32_t *fill = summ__arena_alloc(ar, (nv ? nv : 1) * sizeof *fill);  /* next slot of t */
    g->post = summ__arena_alloc(ar, total * sizeof *g->post);
    g->pw = summ__arena_alloc(ar, total * sizeof *g->pw);
    g->at = summ__arena_alloc(ar, total * sizeof *g->at);
    if (!g->poff || !fill || !g->post || !g->pw || !g->at)
        return SUMM_ENOMEM;
    uint32_t sum = 0;  /* in a register: not each offset stored, then loaded for the next */
    for (size_t t = 0; t < nv; t++) {
        fill[t] = g->poff[t] = sum;
        sum += v->df[t];
    }
    g->poff[nv] = sum;
    /* at[k]: so that the scan starts after i in t's postings from a load
     * in row order, not from a cursor per term read and written at random */
    if (g->sim == SUMM_SIM_OVERLAP) {  /* a shared word counts 1: no weights to scan */
        for (size_t i = 0; i < n; i++)
            for (size_t k = v->off[i]; k < v->off[i + 1]; k++) {
                uint32_t p = fill[v->id[k]]++;
                g->post[p] = (uint32_t)i;
                g->at[k] = p;
            }
        return SUMM_OK;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t k = v->off[i]; k < v->off[i + 1]; k++) {
            uint32_t p = fill[v->id[k]]++;
            g->post[p] = (uint32_t)i;
            g->pw[p] = g->ew[k];  /* w(t, i), next to i for the scan */
            g->at[k] = p;
        }
    }
    return SUMM_OK;
}

/* Sentence i's pair weights with the later sentences that share a term,
 * summed into acc (the sentences touched listed in g->touched; returns
 * their number). Inlined once per similarity and bound, so that none is
 * tested per posting. On the exact graph (bounded false) the window is n
 * and no term is common: neither can cut a scan short, so neither is
 * tested. */
static inline __attribute__((always_inline)) size_t
gather(const tfidf *v, const graph *g, double *acc, size_t i, size_t window, size_t maxdf,
       int sim, bool bounded)
{
    uint32_t *touched = g->touched;
    size_t nt = 0;
    for (size_t k = v->off[i]; k < v->off[i + 1]; k++) {
        uint32_t t = v->id[k];
        size_t p = g->at[k] + 1;  /* post[p - 1] == i */
        if (bounded && v->df[t] > maxdf)
            continue;
        double wi = sim == SUMM_SIM_OVERLAP ? 0 : g->ew[k];
        size_t pe = g->poff[t + 1];
        for (; p < pe; p++) {
            uint32_t j = g->post[p];
            if (bounded && j - i > window)
                break;
            double x = acc[j];
            touched[nt] = j;  /* kept if it is j's first: no branch on it */
            nt += x == 0;
            acc[j] = x + (sim == SUMM_SIM_OVERLAP ? 1.0
                      : sim == SUMM_SIM_BM25  ? 0.5 * (wi + g->pw[p])
                                              : wi * g->pw[p]);
        }
    }
    return nt;
}

/* For each i, the dot products with every later j in the window that
 * shares a term; each undirected edge is found once, and kept as i's
 * forward link. */
static summ_status
find_edges(doc *d, const tfidf *v, graph *g, double *fwd, double *bwd)
{
    arena *ar = d->ar;
    size_t n = g->n;
    size_t window = g->exact ? n : TR_WINDOW;
    size_t maxdf = g->exact ? n : n / TR_COMMON;
    size_t topk = g->exact ? n : TR_EDGES / n > TR_TOPK ? TR_EDGES / n : TR_TOPK;
    double *acc = summ__arena_calloc(ar, n, sizeof *acc);
    if (!acc)
        return SUMM_ENOMEM;
    uint32_t *touched = g->touched;
    for (size_t i = 0; i < n; i++) {
        size_t nt;
        g->fo[i] = (uint32_t)g->ne;
        /* one loop per similarity and bound, not a test of each per posting */
        if (g->exact)
            nt = g->sim == SUMM_SIM_OVERLAP ? gather(v, g, acc, i, 0, 0, SUMM_SIM_OVERLAP, false)
                 : g->sim == SUMM_SIM_BM25  ? gather(v, g, acc, i, 0, 0, SUMM_SIM_BM25, false)
                                            : gather(v, g, acc, i, 0, 0, SUMM_SIM_COSINE, false);
        else
            nt = g->sim == SUMM_SIM_OVERLAP
                     ? gather(v, g, acc, i, window, maxdf, SUMM_SIM_OVERLAP, true)
                 : g->sim == SUMM_SIM_BM25
                     ? gather(v, g, acc, i, window, maxdf, SUMM_SIM_BM25, true)
                     : gather(v, g, acc, i, window, maxdf, SUMM_SIM_COSINE, true);
        if (g->loglen)  /* before keep_top: the strongest links by the final weight */
            for (size_t q = 0; q < nt; q++)
                acc[touched[q]] /= g->loglen[i] + g->loglen[touched[q]];
        size_t keep = keep_top(touched, nt, acc, topk);
        size_t ne = g->ne;
        if ((ne + keep > g->capj
             && !summ__grow(ar->al, (void **)&g->fj, &g->capj, ne + keep, sizeof *g->fj))
            || (ne + keep > g->capw
                && !summ__grow(ar->al, (void **)&g->fw, &g->capw, ne + keep, sizeof *g->fw))
            || ne + keep > UINT32_MAX)
            return SUMM_ENOMEM;
        for (size_t q = 0; q < nt; q++) {
            uint32_t j = touched[q];
            double w = acc[j];
            acc[j] = 0;
            if (q >= keep || w <= 1e-9)
                continue;
            g->fj[ne] = j;
            g->fw[ne++] = (float)w;
            g->outw[i] += w;
            g->outw[j] += w;
            g->bo[j + 1]++;
            if (fwd) {
                fwd[i] += w;  /* j > i */
                bwd[j] += w;
            }
        }
        g->ne = ne;
    }
    g->fo[n] = (uint32_t)g->ne;
    return SUMM_OK;
}

/* On the bounded graph, the weight a sentence loses to dropped pairs
 * (outside the window, through common terms, beyond its top k) is not
 * thrown away: its exact weighted degree costs only O(T),
 *   deg(i) = sum_j cos(i, j) = sum_t w(t, i) * colsum(t) - 1,
 * likewise for BM25 (sum_t (w(t, i) (df(t) - 1) + colsum(t) - w(t, i)) / 2),
 * and for the overlap nearly so (sum_t (df(t) - 1) / (L(i) + mean L of the
 * other sentences with t), L = log(1 + |S|)); the lost part is spread over
 * all sentences in proportion to what each of them lost (a mean-field
 * stand-in for the many weak links). On a symmetric graph PageRank is close
 * to proportional to the weighted degree, which this keeps exact; the kept
 * strong links add the rest. */
static summ_status
mean_field(doc *d, const tfidf *v, graph *g)
{
    arena *ar = d->ar;
    size_t n = g->n, nv = d->nvocab;
    double *colsum = summ__arena_calloc(ar, nv ? nv : 1, sizeof *colsum);
    g->full = summ__arena_alloc(ar, n * sizeof *g->full);
    g->lost = summ__arena_alloc(ar, n * sizeof *g->lost);
    if (!colsum || !g->full || !g->lost)
        return SUMM_ENOMEM;
    const float *ew = g->ew;
    const double *loglen = g->loglen;
    for (size_t i = 0; i < n; i++)
        for (size_t k = v->off[i]; k < v->off[i + 1]; k++)
            colsum[v->id[k]] += loglen ? loglen[i] : ew[k];
    double total = 0;
    for (size_t i = 0; i < n; i++) {
        double dg = 0, self = 0;
        for (size_t k = v->off[i]; k < v->off[i + 1]; k++) {
            uint32_t t = v->id[k];
            double others = (double)v->df[t] - 1;
            if (loglen) {
                if (others > 0)
                    dg += others / (loglen[i] + (colsum[t] - loglen[i]) / others);
            } else if (g->sim == SUMM_SIM_BM25) {
                dg += 0.5 * (ew[k] * others + colsum[t] - ew[k]);
            } else {
                dg += ew[k] * colsum[t];
                self += (double)ew[k] * ew[k];
            }
        }
        dg -= self;
        /* rounding, and the pairs under 1e-9 left out of outw */
        if (dg < g->outw[i] * (1 + 1e-6) + 1e-9)
            dg = g->outw[i];
        g->full[i] = dg;
        g->lost[i] = dg - g->outw[i];
        total += g->lost[i];
    }
    for (size_t i = 0; i < n; i++)
        g->lost[i] = total > 0 ? g->lost[i] / total : 0;
    return SUMM_OK;
}

/* Each sentence's links in one list, its forward ones (as found) then
 * its backward ones (each j's earlier neighbours, ascending), so a
 * sentence's new rank is one pass over one array of (neighbour, weight)
 * pairs, in the order the sums have always been made. */
static summ_status
all_links(doc *d, graph *g)
{
    size_t n = g->n, ne = g->ne;
    g->no = summ__arena_alloc(d->ar, (n + 1) * sizeof *g->no);
    g->nb = summ__arena_alloc(d->ar, (ne ? 2 * ne : 1) * sizeof *g->nb);
    if (!g->no || !g->nb)
        return SUMM_ENOMEM;
    uint32_t *fill = g->touched;  /* free again: the next backward slot per sentence */
    g->no[0] = 0;
    for (size_t i = 0; i < n; i++) {
        fill[i] = g->no[i] + (g->fo[i + 1] - g->fo[i]);
        g->no[i + 1] = fill[i] + g->bo[i + 1];
    }
    for (size_t i = 0; i < n; i++) {
        struct link *fwd = g->nb + g->no[i];
        for (size_t k = g->fo[i]; k < g->fo[i + 1]; k++) {
            *fwd++ = (struct link){ g->fj[k], g->fw[k] };
            g->nb[fill[g->fj[k]]++] = (struct link){ (uint32_t)i, g->fw[k] };
        }
    }
    /* nothing reads the forward lists again: a book's memory is not held twice */
    summ__free(d->ar->al, g->fj);
    summ__free(d->ar->al, g->fw);
    g->fj = NULL;
    g->fw = NULL;
    return SUMM_OK;
}

/* PageRank as the linear system it is, solved: with t the jump
 * distribution (see pagerank below), r = (1 - d) t + d (A r + t s), A[i][j]
 * = w(i, j) / deg(j) and s the rank of the sentences without links (which
 * jumps too), so (I - d A - d t 1_L^T) r = (1 - d) t, 1_L the indicator
 * of the sentences without links.
 * Gaussian elimination costs n^3 / 3; power iteration to TR_EPSILON takes
 * some 25 rounds of n + 2 edges each, which for the few dozen sentences of
 * a news article is several times more (and it stops short of the fixed
 * point this reaches). The matrix is strictly diagonally dominant by
 * columns: a column's diagonal is 1 (1 - d t_j for a sentence without
 * links) and its other entries sum to d (d (1 - t_j)), d < 1. Elimination
 * keeps that (each Schur complement is again dominant by columns, with no
 * less margin), so it is stable without pivoting, and partial pivoting
 * would never swap a row: the diagonal stays the largest entry of its
 * column by a margin of 1 - d, far above rounding. So there is no search
 * for a pivot (a pass down each column, a cache line per row: a tenth of
 * the solve). false if out of memory. */
/* row[k] -= f * prow[k] for k in [k0, end): two at a time where the
 * compiler has vectors (the same products and differences, lane by lane,
 * so the same bits). Column c itself (k0 - 1) is left: nothing reads it
 * once its multiplier is known. */
static inline void
eliminate(double *row, const double *prow, double f, size_t k0, size_t end)
{
    size_t k = k0;
#if defined(__GNUC__)
    typedef double v2d __attribute__((vector_size(16)));
    v2d fv = { f, f };
    for (; k + 4 <= end; k += 4) {  /* two vectors a round: half the loop's own work */
        v2d x0, y0, x1, y1;
        memcpy(&x0, row + k, sizeof x0);
        memcpy(&y0, prow + k, sizeof y0);
        memcpy(&x1, row + k + 2, sizeof x1);
        memcpy(&y1, prow + k + 2, sizeof y1);
        x0 -= fv * y0;
        x1 -= fv * y1;
        memcpy(row + k, &x0, sizeof x0);
        memcpy(row + k + 2, &x1, sizeof x1);
    }
    for (; k + 2 <= end; k += 2) {
        v2d x, y;
        memcpy(&x, row + k, sizeof x);
        memcpy(&y, prow + k, sizeof y);
        x -= fv * y;
        memcpy(row + k, &x, sizeof x);
    }
#endif
    for (; k < end; k++)
        row[k] -= f * prow[k];
}

static bool
pagerank_direct(doc *d, const graph *g, double damping, const double *teleport, double *rank)
{
    size_t n = g->n, w = n + 1;  /* row i: A's row, then the right-hand side */
    double *a = summ__arena_calloc(d->ar, n * w, sizeof *a);
    if (!a)
        return false;
    /* the columns of the sentences without links, whose rank jumps: in
     * most news articles none, so the rows are left as calloc made them */
    size_t nlone = 0;
    for (size_t j = 0; j < n; j++)
        nlone += g->full[j] == 0;
    for (size_t i = 0; i < n; i++) {
        double *row = a + i * w;
        double t = teleport ? teleport[i] : 1.0 / (double)n;
        if (nlone)
            for (size_t j = 0; j < n; j++)
                if (g->full[j] == 0)
                    row[j] = -damping * t;
        row[i] += 1.0;
        row[n] = (1.0 - damping) * t;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t k = g->fo[i]; k < g->fo[i + 1]; k++) {
            size_t j = g->fj[k];  /* i < j, one entry per undirected edge */
            a[i * w + j] -= damping * g->fw[k] / g->full[j];
            a[j * w + i] -= damping * g->fw[k] / g->full[i];
        }
    }
    for (size_t c = 0; c < n; c++) {
        const double *prow = a + c * w;
        for (size_t r = c + 1; r < n; r++) {
            double *row = a + r * w;
            if (row[c] == 0)  /* tested before the division, which it then need not wait for */
                continue;  /* sentences without a shared word: most pairs of a long text */
            double f = row[c] / prow[c];
            if (f == 0)
                continue;  /* underflow: kept, though no diagonal is over 1 */
            eliminate(row, prow, f, c + 1, n + 1);
        }
    }
    for (size_t c = n; c-- > 0;) {
        double x = a[c * w + n];
        for (size_t k = c + 1; k < n; k++)
            x -= a[c * w + k] * rank[k];
        rank[c] = x / a[c * w + c];
    }
    /* Elimination rounds the rows it reaches later differently, so that
     * two sentences the graph cannot tell apart (the same sentence twice)
     * would differ in their last bits, and the later one could win their
     * tie; on a grid of 2^-40 (far below the 1e-9 power iteration stops
     * at) they are equal again, and the tie goes to the first, as with
     * power iteration. */
    for (size_t i = 0; i < n; i++)  /* scaling by 2^40 and back is exact (ranks are in (0, 1]) */
        rank[i] = nearbyint(rank[i] * 0x1p40) * 0x1p-40;
    return true;
}

/* Power iteration: r' = ((1 - d) + d * dangling) * t + d * (W^T D^-1 r
 * + lost weight spread as above), with y = d * r / D computed once per
 * iteration. t is the jump distribution: uniform (1 / n), or teleport
 * (personalised PageRank, Haveliwala 2002: with a query, the jumps and the
 * rank of sentences without links go to the sentences like it). */
static summ_status
pagerank(doc *d, const graph *g, double damping, const double *teleport, double *rank)
{
    size_t n = g->n;
    /* On the bounded graph the ranks are an approximation anyway: an average
     * relative error of 1e-6 per sentence is plenty, and saves half the
     * iterations on a book. */
    double epsilon = g->exact ? TR_EPSILON : TR_EPSILON_LONG;
    if (n <= TR_DIRECT)
        return pagerank_direct(d, g, damping, teleport, rank) ? SUMM_OK : SUMM_ENOMEM;
    double *y = summ__arena_alloc(d->ar, n * sizeof *y);
    if (!y)
        return SUMM_ENOMEM;
    const double *full = g->full, *lost = g->lost;
    for (size_t i = 0; i < n; i++)
        rank[i] = 1.0 / (double)n;
    for (int it = 0; it < TR_MAX_ITER; it++) {
        double dangling = 0, leak = 0;
        for (size_t i = 0; i < n; i++) {
            if (full[i] == 0) {
                dangling += rank[i];
                y[i] = 0;
            } else {
                y[i] = damping * rank[i] / full[i];
                if (lost)
                    leak += rank[i] * (1.0 - g->outw[i] / full[i]);
            }
        }
        double jump = (1.0 - damping) + damping * dangling;
        double base = jump / (double)n;
        leak *= damping;
        double diff = 0;
        for (size_t i = 0; i < n; i++) {
            double r = teleport ? jump * teleport[i] : base;
            if (lost)
                r += leak * lost[i];
            size_t k = g->no[i], ke = g->no[i + 1];
            for (; k + 2 <= ke; k += 2) {  /* two a round: the same sums, in order */
                r += g->nb[k].w * y[g->nb[k].j];
                r += g->nb[k + 1].w * y[g->nb[k + 1].j];
            }
            if (k < ke)
                r += g->nb[k].w * y[g->nb[k].j];
            diff += fabs(r - rank[i]);
            rank[i] = r;  /* y holds what the others need of the old value */
        }
        if (diff < epsilon)
            break;
    }
    return SUMM_OK;
}

summ_status
summ__sentence_graph(doc *d, const tfidf *v, int sim, double damping, double *rank,
                     double *fwd, double *bwd)
{
    arena *ar = d->ar;
    size_t n = d->nsent;
    if (n == 0)
        return SUMM_OK;
    graph g = { .n = n, .sim = sim, .exact = n <= TR_SMALL, .ew = v->w };
    g.outw = summ__arena_calloc(ar, n, sizeof *g.outw);
    g.fo = summ__arena_alloc(ar, (n + 1) * sizeof *g.fo);
    g.bo = summ__arena_calloc(ar, n + 1, sizeof *g.bo);
    g.touched = summ__arena_alloc(ar, n * sizeof *g.touched);
    if (!g.outw || !g.fo || !g.bo || !g.touched)
        return SUMM_ENOMEM;
    if (sim == SUMM_SIM_BM25 && !(g.ew = bm25_weights(d, v)))
        return SUMM_ENOMEM;
    if (sim == SUMM_SIM_OVERLAP) {
        if (!(g.loglen = summ__arena_alloc(ar, n * sizeof *g.loglen)))
            return SUMM_ENOMEM;
        for (size_t i = 0; i < n; i++)
            g.loglen[i] = log(1.0 + d->sent[i].ntok);
    }
    g.full = g.outw;
    /* room for the links at once: a news article has a few per sentence
     * and pair (its growing them by doubling was a tenth of the graph) */
    size_t guess = n * (n < 32 ? n / 2 + 1 : 16);
    /* Under 32 sentences that is more than the n (n - 1) / 2 pairs there
     * are, so the links never grow: they live in the arena, without a
     * malloc and a free of their own. */
    bool heap = n >= 32;
    if (!heap) {
        g.fj = summ__arena_alloc(ar, guess * sizeof *g.fj);
        g.fw = summ__arena_alloc(ar, guess * sizeof *g.fw);
        if (!g.fj || !g.fw)
            return SUMM_ENOMEM;
        g.capj = g.capw = guess;
    } else if (!summ__grow(ar->al, (void **)&g.fj, &g.capj, guess, sizeof *g.fj)
               || !summ__grow(ar->al, (void **)&g.fw, &g.capw, guess, sizeof *g.fw)) {
        summ__free(ar->al, g.fj);
        return SUMM_ENOMEM;
    }
    /* the direct solve reads only the forward links: no list of all for it */
    summ_status st;
    if ((st = build_index(d, v, &g)) == SUMM_OK && (st = find_edges(d, v, &g, fwd, bwd)) == SUMM_OK
        && (g.exact || !v->off[n] || (st = mean_field(d, v, &g)) == SUMM_OK)
        && (n <= TR_DIRECT || (st = all_links(d, &g)) == SUMM_OK))
        st = pagerank(d, &g, damping, d->teleport, rank);
    if (heap) {
        summ__free(ar->al, g.fj);
        summ__free(ar->al, g.fw);
    }
    return st;
}
