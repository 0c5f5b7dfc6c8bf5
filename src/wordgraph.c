/* wordgraph.c - the word graph of keywords.c and its ranking: an
 * undirected graph whose edge weights add up co-occurrences, ranked by
 * PageRank with a teleport vector of the caller's (SingleRank, Wan & Xiao
 * 2008, when the teleport is uniform; PositionRank, Florescu & Caragea
 * 2017, when it favours the words that come early).
 *
 * Edges are gathered in a hash table (a pair of nodes is one key however
 * often it is added), then laid out as adjacency lists, so an iteration
 * costs two visits per distinct pair. */
#include <math.h>
#include <string.h>

#include "stages.h"

#define WG_ITER 100
#define WG_EPSILON 1e-3   /* L1 change of the ranks (summing to 1) at which they count as converged */
#define WG_EMPTY UINT64_MAX

static size_t
slot_of(uint64_t key, size_t cap)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdull;
    key ^= key >> 33;
    return (size_t)key & (cap - 1);
}

static bool
table_make(wgraph *g, size_t cap)
{
    g->key = summ__arena_alloc(g->ar, cap * sizeof *g->key);
    g->w = summ__arena_alloc(g->ar, cap * sizeof *g->w);
    if (!g->key || !g->w)
        return false;
    memset(g->key, 0xFF, cap * sizeof *g->key);
    g->cap = cap;
    return true;
}

summ_status
summ__wg_init(wgraph *g, arena *ar, size_t nnode, size_t expect)
{
    memset(g, 0, sizeof *g);
    g->ar = ar;
    g->n = nnode;
    size_t cap = 64;
    while (cap < 2 * expect)
        cap *= 2;
    return table_make(g, cap) ? SUMM_OK : SUMM_ENOMEM;
}

summ_status
summ__wg_link(wgraph *g, uint32_t a, uint32_t b, double w)
{
    if (a == b)
        return SUMM_OK;
    if (a > b) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    if (2 * (g->count + 1) > g->cap) {
        /* the old arrays stay in the arena until the run ends */
        wgraph old = *g;
        if (!table_make(g, old.cap * 2))
            return SUMM_ENOMEM;
        for (size_t i = 0; i < old.cap; i++) {
            if (old.key[i] == WG_EMPTY)
                continue;
            size_t j = slot_of(old.key[i], g->cap);
            while (g->key[j] != WG_EMPTY)
                j = (j + 1) & (g->cap - 1);
            g->key[j] = old.key[i];
            g->w[j] = old.w[i];
        }
    }
    uint64_t key = (uint64_t)a << 32 | b;
    size_t j = slot_of(key, g->cap);
    while (g->key[j] != WG_EMPTY && g->key[j] != key)
        j = (j + 1) & (g->cap - 1);
    if (g->key[j] == WG_EMPTY) {
        g->key[j] = key;
        g->w[j] = 0;
        g->count++;
    }
    g->w[j] += w;
    return SUMM_OK;
}

summ_status
summ__wg_rank(const wgraph *g, const double *teleport, double damping, double *rank)
{
    size_t n = g->n;
    if (n == 0)
        return SUMM_OK;
    arena *ar = g->ar;
    /* adjacency lists: node v's neighbours are nb[off[v] .. off[v + 1]) */
    uint32_t *off = summ__arena_calloc(ar, n + 1, sizeof *off);
    uint32_t *nb = summ__arena_alloc(ar, (2 * g->count + 1) * sizeof *nb);
    double *nw = summ__arena_alloc(ar, (2 * g->count + 1) * sizeof *nw);
    double *strength = summ__arena_calloc(ar, n, sizeof *strength);
    double *share = summ__arena_alloc(ar, n * sizeof *share);
    double *tele = summ__arena_alloc(ar, n * sizeof *tele);
    if (!off || !nb || !nw || !strength || !share || !tele)
        return SUMM_ENOMEM;
    for (size_t i = 0; i < g->cap; i++) {
        if (g->key[i] == WG_EMPTY)
            continue;
        uint32_t a = (uint32_t)(g->key[i] >> 32), b = (uint32_t)g->key[i];
        off[a + 1]++;
        off[b + 1]++;
        strength[a] += g->w[i];
        strength[b] += g->w[i];
    }
    for (size_t v = 0; v < n; v++)
        off[v + 1] += off[v];
    uint32_t *fill = summ__arena_alloc(ar, n * sizeof *fill);
    if (!fill)
        return SUMM_ENOMEM;
    memcpy(fill, off, n * sizeof *fill);
    for (size_t i = 0; i < g->cap; i++) {
        if (g->key[i] == WG_EMPTY)
            continue;
        uint32_t a = (uint32_t)(g->key[i] >> 32), b = (uint32_t)g->key[i];
        nb[fill[a]] = b;
        nw[fill[a]++] = g->w[i];
        nb[fill[b]] = a;
        nw[fill[b]++] = g->w[i];
    }

    double tsum = 0;
    for (size_t v = 0; v < n; v++)
        tsum += teleport ? teleport[v] : 1.0;
    for (size_t v = 0; v < n; v++) {
        tele[v] = tsum > 0 ? (teleport ? teleport[v] : 1.0) / tsum : 1.0 / (double)n;
        rank[v] = tele[v];
    }
    /* Gauss-Seidel sweeps (each node's new rank is used at once by the
     * nodes after it): the same fixed point as the power iteration, in
     * about half the sweeps. A node without edges gives its rank back
     * through the teleport. */
    for (size_t v = 0; v < n; v++)
        share[v] = strength[v] > 0 ? damping * rank[v] / strength[v] : 0;
    for (int it = 0; it < WG_ITER; it++) {
        double lost = 0, total = 0;
        for (size_t v = 0; v < n; v++) {
            if (strength[v] == 0)
                lost += rank[v];
            total += rank[v];
        }
        double base = (1.0 - damping) * total + damping * lost;
        double diff = 0;
        for (size_t v = 0; v < n; v++) {
            double x = base * tele[v];
            for (uint32_t e = off[v]; e < off[v + 1]; e++)
                x += share[nb[e]] * nw[e];
            diff += fabs(x - rank[v]);
            rank[v] = x;
            if (strength[v] > 0)
                share[v] = damping * x / strength[v];
        }
        if (diff < WG_EPSILON)
            break;
    }
    double sum = 0;
    for (size_t v = 0; v < n; v++)
        sum += rank[v];
    for (size_t v = 0; v < n && sum > 0; v++)
        rank[v] /= sum;
    return SUMM_OK;
}
