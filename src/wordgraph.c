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

/* A node of the ranking. */
typedef struct wnode {
    double A, D;       /* its equation (see peel()) */
    double q;          /* damping / strength */
    double share;      /* q x, what a neighbour gets per unit of weight */
    double strength;   /* the sum of its weights */
    uint32_t off;      /* its neighbours: nb[off .. next node's off) */
    uint32_t deg;      /* how many of them are still in the system */
    uint32_t par;      /* the neighbour it was solved in terms of */
    uint32_t seen;     /* adj_make: 1 + the node whose list it was last put in */
} wnode;

/* Adjacency lists: node v's neighbours nb[nd[v].off .. nd[v + 1].off),
 * each once, with the summed weight of its edges to v (nd has n + 1
 * entries); strengths and degrees set. Repeated neighbours are merged in
 * place: a node's merged list starts no later than its raw one. */
static bool
adj_make(const wgraph *g, wnode *nd, uint32_t **nbp, double **nwp)
{
    size_t n = g->n, m = 2 * g->count;
    uint32_t *nb = arr(g->ar, m + 1, sizeof *nb), *at = arr(g->ar, n, sizeof *at);
    double *nw = arr(g->ar, m + 1, sizeof *nw);
    if (!nb || !nw || !at)
        return false;
    /* counting sort of both directions of every edge by their first node:
     * off counts (shifted by one), then the starts, then the ends */
    for (size_t i = 0; i < g->count; i++) {
        nd[g->ea[i] + 1].off++;
        nd[g->eb[i] + 1].off++;
    }
    for (size_t v = 1; v <= n; v++)
        nd[v].off += nd[v - 1].off;
    for (size_t i = 0; i < g->count; i++) {
        uint32_t x = g->ea[i], y = g->eb[i];
        double w = g->w[i];
        uint32_t ex = nd[x].off++, ey = nd[y].off++;
        nb[ex] = y;
        nw[ex] = w;
        nb[ey] = x;
        nw[ey] = w;
    }
    /* nd[v].off is the end of v's raw list now, the start of v + 1's */
    uint32_t k = 0, from = 0;
    for (size_t v = 0; v < n; v++) {
        uint32_t to = nd[v].off;
        nd[v].off = k;
        double sum = 0;
        for (uint32_t e = from; e < to; e++) {
            uint32_t u = nb[e];
            double w = nw[e];
            sum += w;
            if (nd[u].seen == v + 1) {
                nw[at[u]] += w;
            } else {
                nd[u].seen = (uint32_t)v + 1;
                at[u] = k;
                nb[k] = u;
                nw[k++] = w;
            }
        }
        nd[v].strength = sum;
        nd[v].deg = k - nd[v].off;
        from = to;
    }
    nd[n].off = k;
    *nbp = nb;
    *nwp = nw;
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
 * phrases), so the sweeps see few nodes and most ranks are exact. A node
 * out of the system has deg UINT32_MAX. */
#define GONE UINT32_MAX

typedef struct solver {
    wnode *nd;
    uint32_t *nb;
    double *nw;
    double *x;
    uint32_t *order, *stack;
    size_t norder;
    double damping;
} solver;

/* Peels from the sp nodes of degree 1 on s->stack; returns how many
 * nodes it took out (the last nodes of trees included). */
static size_t
peel(solver *s, size_t sp)
{
    wnode *nd = s->nd;
    size_t roots = 0;
    while (sp) {
        uint32_t l = s->stack[--sp];
        if (nd[l].deg == GONE)
            continue;
        uint32_t p = 0;
        double w = 0;
        for (uint32_t e = nd[l].off; e < nd[l + 1].off; e++)
            if (nd[s->nb[e]].deg != GONE) {
                p = s->nb[e];
                w = s->nw[e];
                break;
            }
        wnode *L = &nd[l], *P = &nd[p];
        double inv = 1.0 / L->D, alpha = L->A * inv, beta = w * P->q * inv;
        P->A += w * L->q * alpha;
        P->D -= w * L->q * beta;
        L->A = alpha;
        L->D = beta;
        L->par = p;
        L->deg = GONE;
        s->order[s->norder++] = l;
        if (--P->deg == 1) {
            s->stack[sp++] = p;
        } else if (P->deg == 0) {  /* the last node of a tree */
            s->x[p] = P->A / P->D;
            P->deg = GONE;
            roots++;
        }
    }
    return s->norder + roots;
}

/* Gauss-Seidel sweeps over the nodes peel() left (each node's new value
 * used at once by the nodes after it), until their L1 change is below
 * eps. Their neighbours taken out are in their A and D already: each
 * one's list is cut down to the others first (par, unused for them, is
 * where it ends now), since they are often hubs with many leaves. */
static void
sweep_core(solver *s, size_t n, double eps)
{
    wnode *nd = s->nd;
    uint32_t *nb = s->nb;
    double *nw = s->nw;
    size_t ncore = 0;
    uint32_t *core = s->stack;  /* free again */
    for (size_t v = 0; v < n; v++)
        if (nd[v].deg != GONE && nd[v].deg != 0)
            core[ncore++] = (uint32_t)v;
    for (size_t i = 0; i < ncore; i++) {
        wnode *V = &nd[core[i]];
        uint32_t k = V->off;
        for (uint32_t e = V->off; e < V[1].off; e++)
            if (nd[nb[e]].deg != GONE) {
                nb[k] = nb[e];
                nw[k++] = nw[e];
            }
        V->par = k;
        V->D = 1.0 / V->D;  /* from here on, its inverse: no division per sweep */
        /* a start nearer the fixed point than A / D, which leaves out what
         * comes from the other nodes of the core: a fifth fewer sweeps */
        s->x[core[i]] = V->A * V->D / (1.0 - s->damping);
        V->share = V->q * s->x[core[i]];
    }
    for (int it = 0; it < WG_ITER && ncore; it++) {
        double diff = 0;
        for (size_t i = 0; i < ncore; i++) {
            wnode *V = &nd[core[i]];
            double y = V->A;
            for (uint32_t e = V->off; e < V->par; e++)
                y += nd[nb[e]].share * nw[e];
            y *= V->D;
            diff += fabs(y - s->x[core[i]]);
            s->x[core[i]] = y;
            V->share = V->q * y;
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
    solver s = { .x = rank, .damping = damping };
    s.nd = arr(ar, n + 1, sizeof *s.nd);
    s.order = arr(ar, n, sizeof *s.order);
    s.stack = arr(ar, n, sizeof *s.stack);
    if (!s.nd || !s.order || !s.stack)
        return SUMM_ENOMEM;
    for (size_t v = 0; v <= n; v++) {  /* what adj_make() counts on; it sets the rest */
        s.nd[v].off = 0;
        s.nd[v].seen = 0;
    }
    uint32_t *nb;
    double *nw;
    if (!adj_make(g, s.nd, &nb, &nw))
        return SUMM_ENOMEM;
    s.nb = nb;
    s.nw = nw;

    /* Solve x = t + d W x (W: each node's rank shared among its
     * neighbours by weight) rather than the usual r = ((1 - d) + d lost) t
     * + d W r (lost: the rank of the nodes without edges, given back
     * through the teleport): r is x divided by its sum, because lost and
     * the sum of r are constants at the fixed point. So a node without
     * edges is its teleport, only the others are solved for, and t need
     * not sum to 1. */
    double t_act = 0, t_iso = 0;
    size_t nact = 0, sp = 0;
    for (size_t v = 0; v < n; v++) {
        double t = teleport ? teleport[v] : 1.0;
        rank[v] = t;
        if (s.nd[v].deg) {
            s.nd[v].A = t;
            s.nd[v].D = 1;
            s.nd[v].q = damping / s.nd[v].strength;
            t_act += t;
            nact++;
            if (s.nd[v].deg == 1)
                s.stack[sp++] = (uint32_t)v;
        } else {
            t_iso += t;
        }
    }
    if (!(t_act + t_iso > 0)) {  /* no teleport at all: uniform */
        for (size_t v = 0; v < n; v++)
            rank[v] = s.nd[v].A = 1.0;
        t_act = t_iso = 0;
        for (size_t v = 0; v < n; v++)
            *(s.nd[v].deg ? &t_act : &t_iso) += 1.0;
    }
    /* a forest is solved once peeled; else the core is swept, converged
     * at an L1 change below WG_EPSILON of the sum of x at the fixed point */
    if (peel(&s, sp) < nact)
        sweep_core(&s, n, WG_EPSILON * (t_iso + t_act / (1.0 - damping)));
    for (size_t i = s.norder; i-- > 0;) {
        uint32_t l = s.order[i];
        rank[l] = s.nd[l].A + s.nd[l].D * rank[s.nd[l].par];
    }
    double sum = 0;
    for (size_t v = 0; v < n; v++)
        sum += rank[v];
    double inv = sum > 0 ? 1.0 / sum : 1.0;
    for (size_t v = 0; v < n; v++)
        rank[v] *= inv;
    return SUMM_OK;
}
