/* wordgraph.c - the word graph of keywords.c and its ranking: an
 * undirected graph whose edge weights add up co-occurrences, ranked by
 * PageRank with a teleport vector of the caller's (SingleRank, Wan & Xiao
 * 2008, when the teleport is uniform; PositionRank, Florescu & Caragea
 * 2017, when it favours the words that come early).
 *
 * Edges are appended as they come (no hashing per co-occurrence), then
 * laid out as adjacency lists by a counting pass, a pair added twice
 * merged into one entry, so a sweep costs two visits per distinct pair.
 * Only the nodes that have edges are swept: in a keyword graph most words
 * are linked to few others and many to none, and a node without edges
 * ranks by its teleport alone. */
#include <math.h>
#include <string.h>

#include "stages.h"

#define WG_ITER 100
#define WG_EPSILON 1e-4   /* L1 change of the ranks (as summing to 1) at which they count as converged */

/* n elements of size bytes in ar, not zeroed; NULL on overflow too */
static void *
arr(arena *ar, size_t n, size_t size)
{
    return n > SIZE_MAX / size ? NULL : summ__arena_alloc(ar, n * size);
}

static bool
edges_make(wgraph *g, size_t cap)
{
    uint32_t *a = arr(g->ar, cap, sizeof *a);
    uint32_t *b = arr(g->ar, cap, sizeof *b);
    double *w = arr(g->ar, cap, sizeof *w);
    if (!a || !b || !w)
        return false;
    if (g->count) {
        memcpy(a, g->ea, g->count * sizeof *a);
        memcpy(b, g->eb, g->count * sizeof *b);
        memcpy(w, g->w, g->count * sizeof *w);
    }
    g->ea = a;
    g->eb = b;
    g->w = w;
    g->cap = cap;
    return true;
}

summ_status
summ__wg_init(wgraph *g, arena *ar, size_t nnode, size_t expect)
{
    memset(g, 0, sizeof *g);
    g->ar = ar;
    g->n = nnode;
    return edges_make(g, expect > 16 ? expect : 16) ? SUMM_OK : SUMM_ENOMEM;
}

summ_status
summ__wg_link(wgraph *g, uint32_t a, uint32_t b, double w)
{
    if (a == b || !(w > 0))
        return SUMM_OK;
    if (g->count == g->cap) {
        /* the old arrays stay in the arena until the run ends */
        if (g->cap > SIZE_MAX / 2 || !edges_make(g, g->cap * 2))
            return SUMM_ENOMEM;
    }
    g->ea[g->count] = a;
    g->eb[g->count] = b;
    g->w[g->count++] = w;
    return SUMM_OK;
}

/* Adjacency lists: node v's neighbours are nb[off[v] .. off[v + 1]),
 * each once, with the summed weight of its edges to v; strength[v] is the
 * sum of v's weights. Everything in g's arena. */
typedef struct adj {
    uint32_t *off, *nb;
    double *nw, *strength;
} adj;

static bool
adj_make(const wgraph *g, adj *a)
{
    size_t n = g->n, m = 2 * g->count;
    arena *ar = g->ar;
    uint32_t *off = summ__arena_calloc(ar, n + 2, sizeof *off);
    uint32_t *raw = arr(ar, m + 1, sizeof *raw);
    double *rw = arr(ar, m + 1, sizeof *rw);
    uint32_t *nb = arr(ar, m + 1, sizeof *nb);
    double *nw = arr(ar, m + 1, sizeof *nw);
    double *strength = summ__arena_calloc(ar, n, sizeof *strength);
    uint32_t *seen = summ__arena_calloc(ar, n, sizeof *seen);  /* v + 1 of the list u is in */
    uint32_t *at = arr(ar, n, sizeof *at);                     /* where in it */
    if (!off || !raw || !rw || !nb || !nw || !strength || !seen || !at)
        return false;
    /* counting sort of both directions of every edge by their first node */
    for (size_t i = 0; i < g->count; i++) {
        off[g->ea[i] + 2]++;
        off[g->eb[i] + 2]++;
    }
    for (size_t v = 0; v < n; v++)
        off[v + 2] += off[v + 1];
    for (size_t i = 0; i < g->count; i++) {
        uint32_t x = g->ea[i], y = g->eb[i];
        raw[off[x + 1]] = y;
        rw[off[x + 1]++] = g->w[i];
        raw[off[y + 1]] = x;
        rw[off[y + 1]++] = g->w[i];
    }
    /* off[v] .. off[v + 1] is v's raw list now; merge repeated neighbours,
     * in place of the offsets (the start of v's merged list is k when v
     * is reached, and off[v] is read before it is overwritten) */
    uint32_t k = 0, from = 0;
    for (size_t v = 0; v < n; v++) {
        uint32_t to = off[v + 1];
        off[v] = k;
        for (uint32_t e = from; e < to; e++) {
            uint32_t u = raw[e];
            if (seen[u] == v + 1) {
                nw[at[u]] += rw[e];
            } else {
                seen[u] = (uint32_t)v + 1;
                at[u] = k;
                nb[k] = u;
                nw[k++] = rw[e];
            }
            strength[v] += rw[e];
        }
        from = to;
    }
    off[n] = k;
    *a = (adj){ off, nb, nw, strength };
    return true;
}

/* The system x = t + d W x on the nodes with edges, as D_v x_v = A_v +
 * sum over the neighbours u still in it of w_uv q_u x_u (q_u = d /
 * strength_u; at first D = 1 and A = t). A node with one neighbour p left
 * is solved for in terms of it, x_l = alpha_l + beta_l x_p, and taken out
 * of p's equation (Gaussian elimination in an order that makes no new
 * edges); p may then have one left itself. A tree goes whole: its last
 * node has none and is solved outright. What is left (the 2-core: the
 * cycles and the paths between them) is solved by Gauss-Seidel sweeps,
 * then the nodes taken out get their values in the reverse order. Word
 * graphs are nearly forests (words link to their neighbours in short
 * phrases), so the sweeps see few nodes and most ranks are exact. */
typedef struct solver {
    const adj *a;
    double *A, *D, *q, *x, *share;
    uint32_t *deg, *par, *order, *stack;
    uint8_t *gone;
    size_t norder;
} solver;

static void
peel(solver *s, const uint32_t *act, size_t nact)
{
    const adj *a = s->a;
    size_t sp = 0;
    for (size_t i = 0; i < nact; i++)
        if (s->deg[act[i]] == 1)
            s->stack[sp++] = act[i];
    while (sp) {
        uint32_t l = s->stack[--sp];
        if (s->gone[l])
            continue;
        uint32_t p = UINT32_MAX;
        double w = 0;
        for (uint32_t e = a->off[l]; e < a->off[l + 1]; e++)
            if (!s->gone[a->nb[e]] && a->strength[a->nb[e]] > 0) {
                p = a->nb[e];
                w = a->nw[e];
                break;
            }
        s->gone[l] = 1;
        double alpha = s->A[l] / s->D[l], beta = w * s->q[p] / s->D[l];
        s->A[p] += w * s->q[l] * alpha;
        s->D[p] -= w * s->q[l] * beta;
        s->A[l] = alpha;
        s->D[l] = beta;
        s->par[l] = p;
        s->order[s->norder++] = l;
        if (--s->deg[p] == 1) {
            s->stack[sp++] = p;
        } else if (s->deg[p] == 0) {  /* the last node of a tree */
            s->x[p] = s->A[p] / s->D[p];
            s->gone[p] = 1;
        }
    }
}

/* Gauss-Seidel sweeps over the nodes peel() left (each node's new value
 * used at once by the nodes after it), until their L1 change is below
 * eps. */
static void
sweep_core(solver *s, const uint32_t *act, size_t nact, double eps)
{
    const adj *a = s->a;
    size_t ncore = 0;
    uint32_t *core = s->stack;  /* free again */
    for (size_t i = 0; i < nact; i++) {
        uint32_t v = act[i];
        s->share[v] = 0;  /* a node taken out is in its neighbour's A and D */
        if (!s->gone[v])
            core[ncore++] = v;
    }
    for (size_t i = 0; i < ncore; i++) {
        uint32_t v = core[i];
        s->x[v] = s->A[v] / s->D[v];
        s->share[v] = s->q[v] * s->x[v];
    }
    for (int it = 0; it < WG_ITER && ncore; it++) {
        double diff = 0;
        for (size_t i = 0; i < ncore; i++) {
            uint32_t v = core[i];
            double y = s->A[v];
            for (uint32_t e = a->off[v]; e < a->off[v + 1]; e++)
                y += s->share[a->nb[e]] * a->nw[e];
            y /= s->D[v];
            diff += fabs(y - s->x[v]);
            s->x[v] = y;
            s->share[v] = s->q[v] * y;
        }
        if (diff < eps)
            break;
    }
}

summ_status
summ__wg_rank(const wgraph *g, const double *teleport, double damping, double *rank)
{
    size_t n = g->n;
    if (n == 0)
        return SUMM_OK;
    arena *ar = g->ar;
    adj a;
    solver s = { .a = &a, .x = rank };
    uint32_t *act = arr(ar, n, sizeof *act);
    s.A = arr(ar, n, sizeof *s.A);
    s.D = arr(ar, n, sizeof *s.D);
    s.q = arr(ar, n, sizeof *s.q);
    s.share = arr(ar, n, sizeof *s.share);
    s.deg = arr(ar, n, sizeof *s.deg);
    s.par = arr(ar, n, sizeof *s.par);
    s.order = arr(ar, n, sizeof *s.order);
    s.stack = arr(ar, n, sizeof *s.stack);
    s.gone = summ__arena_calloc(ar, n, sizeof *s.gone);
    if (!act || !s.A || !s.D || !s.q || !s.share || !s.deg || !s.par || !s.order || !s.stack
        || !s.gone || !adj_make(g, &a))
        return SUMM_ENOMEM;

    double tsum = 0;
    for (size_t v = 0; v < n; v++)
        tsum += teleport ? teleport[v] : 1.0;
    /* Solve x = t + d W x (W: each node's rank shared among its
     * neighbours by weight) rather than the usual r = ((1 - d) + d lost) t
     * + d W r (lost: the rank of the nodes without edges, given back
     * through the teleport): r is x divided by its sum, because lost and
     * the sum of r are constants at the fixed point. So a node without
     * edges is its teleport, and only the others are solved for. */
    size_t nact = 0;
    double t_act = 0, t_iso = 0;
    for (size_t v = 0; v < n; v++) {
        double t = tsum > 0 ? (teleport ? teleport[v] : 1.0) / tsum : 1.0 / (double)n;
        rank[v] = t;
        if (a.strength[v] > 0) {
            act[nact++] = (uint32_t)v;
            s.A[v] = t;
            s.D[v] = 1;
            s.q[v] = damping / a.strength[v];
            t_act += t;
        } else {
            t_iso += t;
        }
    }
    for (size_t i = 0; i < nact; i++) {
        uint32_t v = act[i], k = 0;
        for (uint32_t e = a.off[v]; e < a.off[v + 1]; e++)
            k += a.strength[a.nb[e]] > 0;
        s.deg[v] = k;
    }
    peel(&s, act, nact);
    /* converged: an L1 change below WG_EPSILON of the sum of x at the
     * fixed point */
    sweep_core(&s, act, nact, WG_EPSILON * (t_iso + t_act / (1.0 - damping)));
    for (size_t i = s.norder; i-- > 0;) {
        uint32_t l = s.order[i];
        rank[l] = s.A[l] + s.D[l] * rank[s.par[l]];
    }
    double sum = 0;
    for (size_t v = 0; v < n; v++)
        sum += rank[v];
    for (size_t v = 0; v < n && sum > 0; v++)
        rank[v] /= sum;
    return SUMM_OK;
}
