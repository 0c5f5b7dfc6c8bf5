/* select.c - the summary: sentences in order of score, each skipped if it
 * repeats one already chosen (cosine similarity above the redundancy
 * threshold, a simple form of MMR, Carbonell & Goldstein 1998) or does not
 * fit what is left of the word or character budget, until the length
 * limit; then back in text order.
 *
 * Budgets are kept: a sentence that does not fit is passed over for the
 * next best that does, so the summary is the best set that fits, never
 * the best sentence cut or kept whole past the budget. Only when no
 * sentence at all fits is the budget broken, by the one shortest content
 * sentence, so that the summary is never empty.
 *
 * Never empty for a text with a sentence: if every sentence is a heading,
 * boilerplate, apparatus (captions, equation scraps, references), quoted
 * or a filler, those are allowed in two further passes.
 *
 * The redundancy check compares a candidate only with the chosen
 * sentences it shares a term with, through an inverted index over the
 * chosen ones, and only over the part of each chosen vector that can
 * matter (prefix filtering, Bayardo, Ma & Srikant 2007: its most common
 * terms are left out of the index while their norm stays under the
 * threshold, since a pair that meets only there has a cosine at most that
 * norm). The cosine of each pair found is then computed exactly, so the
 * choice is the one comparing every pair would make, in time linear in
 * the text for any length limit. */
#include <math.h>
#include <stdlib.h>

#include "stages.h"
#include "text/chars.h"
#include "text/utf8.h"

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

/* The sentences by score, best first (a total order: ties by index), and
 * the picks by index: most texts have a few dozen sentences, where
 * insertion sort beats qsort's calls through a pointer; the same order
 * either way, as no two elements compare equal. */
#define SORT_SMALL 48
static void
sort_by_score(byscore *o, size_t n)
{
    if (n > SORT_SMALL) {
        qsort(o, n, sizeof *o, cmp_score);
        return;
    }
    for (size_t k = 1; k < n; k++) {
        byscore x = o[k];
        size_t j = k;
        for (; j > 0 && cmp_score(&o[j - 1], &x) > 0; j--)
            o[j] = o[j - 1];
        o[j] = x;
    }
}

static void
sort_sizes(size_t *p, size_t n)
{
    if (n > SORT_SMALL) {
        qsort(p, n, sizeof *p, cmp_size);
        return;
    }
    for (size_t k = 1; k < n; k++) {
        size_t x = p[k], j = k;
        for (; j > 0 && p[j - 1] > x; j--)
            p[j] = p[j - 1];
        p[j] = x;
    }
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
    if (!set && !o->max_words && !o->max_chars)
        lim = 3 < n ? 3 : n;
    return lim;
}

/* The length of sentence s as printed: code points, every run of white
 * space one (the span is trimmed, so there is none at either end). */
static size_t
sentence_chars(const doc *d, const sentence *s)
{
    const unsigned char *u = (const unsigned char *)d->text;
    size_t n = 0;
    bool gap = false;
    for (size_t i = s->start; i < s->end;) {
        int32_t c;
        i += utf8_dec(u, i, s->end, &c);
        if (is_space(c)) {
            gap = true;
            continue;
        }
        n += 1 + gap;
        gap = false;
    }
    return n;
}

double
summ__summary_length(const doc *d, const params *o)
{
    size_t n = d->nsent;
    double k = (double)sentence_limit(o, n);
    if (!n)
        return k;
    /* A budget: as many sentences of the mean length as it holds. */
    if (o->max_words) {
        size_t words = 0;
        for (size_t i = 0; i < n; i++)
            words += d->sent[i].nwords;
        double per = (double)words / (double)n;
        double kw = per > 0 ? (double)o->max_words / per : k;
        if (kw < k)
            k = kw < 1 ? 1 : kw;
    }
    if (o->max_chars) {
        size_t bytes = 0;  /* bytes for code points: an estimate is all this needs */
        for (size_t i = 0; i < n; i++)
            bytes += d->sent[i].end - d->sent[i].start;
        double per = (double)bytes / (double)n;
        double kc = per > 0 ? (double)o->max_chars / per : k;
        if (kc < k)
            k = kc < 1 ? 1 : kc;
    }
    return k;
}

/* The index over the chosen sentences: for each term, the chosen
 * sentences that have it in their indexed part, with its weight there, as
 * linked lists in one pool (a sentence's entries are added once, so the
 * pool never holds more than the document's TF-IDF entries). */
typedef struct chosen_index {
    uint32_t *head;      /* per term: first pool entry, or UINT32_MAX */
    uint32_t *next;      /* per pool entry */
    uint32_t *sent;      /* per pool entry: the chosen sentence */
    float *w;            /* per pool entry: the term's weight in that sentence */
    size_t used;
    double *left;        /* per sentence: the norm of the part left out of the index */
    uint32_t *dfmin;     /* per sentence: the smallest df of a term left out */
    double *acc;         /* per sentence: the candidate's dot product with the indexed part */
    uint32_t *touched;   /* the chosen sentences acc[] holds a value for */
    uint32_t *order;     /* scratch: one row's entries, most common term first */
    double *cum;         /* scratch: the squared norm of order[0 .. q] */
    double limit2;       /* the squared norm a row may leave out of the index */
} chosen_index;

static summ_status
index_init(doc *d, const tfidf *v, double threshold, chosen_index *x)
{
    size_t n = d->nsent, nv = d->nvocab ? d->nvocab : 1;
    size_t total = v->off[n] ? v->off[n] : 1, longest = 1;
    for (size_t i = 0; i < n; i++)
        if (v->off[i + 1] - v->off[i] > longest)
            longest = v->off[i + 1] - v->off[i];
    x->head = summ__arena_alloc(d->ar, nv * sizeof *x->head);
    x->next = summ__arena_alloc(d->ar, total * sizeof *x->next);
    x->sent = summ__arena_alloc(d->ar, total * sizeof *x->sent);
    x->w = summ__arena_alloc(d->ar, total * sizeof *x->w);
    x->left = summ__arena_alloc(d->ar, n * sizeof *x->left);
    x->dfmin = summ__arena_alloc(d->ar, n * sizeof *x->dfmin);
    x->cum = summ__arena_alloc(d->ar, longest * sizeof *x->cum);
    x->acc = summ__arena_calloc(d->ar, n, sizeof *x->acc);
    x->touched = summ__arena_alloc(d->ar, n * sizeof *x->touched);
    x->order = summ__arena_alloc(d->ar, longest * sizeof *x->order);
    if (!x->head || !x->next || !x->sent || !x->w || !x->left || !x->dfmin || !x->acc
        || !x->touched || !x->order || !x->cum)
        return SUMM_ENOMEM;
    for (size_t t = 0; t < nv; t++)
        x->head[t] = UINT32_MAX;
    x->used = 0;
    /* What a row leaves out of the index must keep its cosine with any
     * unit vector at most the threshold: a norm a little under it, for
     * the rounding of float rows whose length is 1 only to ~1e-7. */
    double lim = threshold - 1e-6;
    x->limit2 = lim > 0 ? lim * lim : -1;
    return SUMM_OK;
}

/* Row i's entries into x->order, the most common term (by document
 * frequency) first; rows are short, so an insertion sort. */
static size_t
sort_row(chosen_index *x, const tfidf *v, size_t i)
{
    size_t a = v->off[i], m = v->off[i + 1] - a;
    for (size_t q = 0; q < m; q++) {
        uint32_t e = (uint32_t)(a + q);
        uint32_t de = v->df[v->id[e]];  /* once: order[] could alias df[], so the compiler would not */
        size_t r = q;
        while (r > 0 && v->df[v->id[x->order[r - 1]]] < de) {
            x->order[r] = x->order[r - 1];
            r--;
        }
        x->order[r] = e;
    }
    return m;
}

/* Does candidate i repeat a chosen sentence (cosine above threshold)?
 * With s's indexed part I and the rest U, cos(i, s) = i.I + i.U, and U
 * holds only terms of df >= dfmin(s), so i.U <= |U| |i's part on those
 * terms| (Cauchy-Schwarz): only a pair whose i.I plus that bound is above
 * the threshold can repeat, and only those are computed exactly. */
static bool
index_redundant(chosen_index *x, const tfidf *v, size_t i, double threshold)
{
    size_t nt = 0;
    for (size_t k = v->off[i]; k < v->off[i + 1]; k++) {
        double wi = v->w[k];
        for (uint32_t e = x->head[v->id[k]]; e != UINT32_MAX; e = x->next[e]) {
            uint32_t s = x->sent[e];
            if (x->acc[s] == 0)
                x->touched[nt++] = s;
            x->acc[s] += wi * x->w[e] + 1e-300;  /* never 0 once touched */
        }
    }
    if (nt == 0)
        return false;
    size_t m = sort_row(x, v, i);
    double c = 0;
    for (size_t q = 0; q < m; q++) {
        double w = v->w[x->order[q]];
        x->cum[q] = c += w * w;
    }
    bool dup = false;
    for (size_t q = 0; q < nt; q++) {
        uint32_t s = x->touched[q];
        double acc = x->acc[s];
        x->acc[s] = 0;
        if (dup)
            continue;
        double bound = acc;
        if (x->left[s] > 0) {
            /* the entries of i with df >= dfmin(s): a prefix of order[] */
            size_t lo = 0, hi = m;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (v->df[v->id[x->order[mid]]] >= x->dfmin[s])
                    lo = mid + 1;
                else
                    hi = mid;
            }
            bound += lo ? x->left[s] * sqrt(x->cum[lo - 1]) : 0;
        }
        if (bound + 1e-6 > threshold && summ__tfidf_cosine(v, i, s) > threshold)
            dup = true;
    }
    return dup;
}

/* Add chosen sentence i: its rarest terms (by document frequency) go into
 * the index, its most common ones stay out while their norm allows. */
static void
index_add(chosen_index *x, const tfidf *v, size_t i)
{
    size_t m = sort_row(x, v, i);
    double left = 0;
    uint32_t dfmin = UINT32_MAX;
    for (size_t q = 0; q < m; q++) {
        uint32_t e = x->order[q];
        double w = v->w[e];
        if (left + w * w <= x->limit2) {
            left += w * w;
            dfmin = v->df[v->id[e]];
            continue;
        }
        uint32_t t = v->id[e];
        x->sent[x->used] = (uint32_t)i;
        x->w[x->used] = v->w[e];
        x->next[x->used] = x->head[t];
        x->head[t] = (uint32_t)x->used++;
    }
    x->left[i] = sqrt(left);
    x->dfmin[i] = dfmin;
}

/* The summary being chosen: what it holds so far, against the limits. */
typedef struct selection {
    const doc *d;
    const tfidf *v;
    const params *o;
    const size_t *chars;   /* code points of each sentence (max_chars), or NULL */
    size_t words, nchars;  /* of the chosen sentences */
    double limit;          /* redundancy's threshold; 1: off */
    chosen_index x;        /* over the chosen sentences, when limit < 1 */
    bool *taken;           /* per sentence */
    size_t *pick, npick;
    size_t lim;            /* sentence_limit(): once npick is there, nothing is taken */
} selection;

/* Take sentence i if it fits what is left of the budgets and repeats no
 * chosen sentence. */
static bool
take(selection *sel, size_t i)
{
    const sentence *s = &sel->d->sent[i];
    const params *o = sel->o;
    if (sel->taken[i] || (o->max_words && sel->words + s->nwords > o->max_words)
        || (sel->chars && sel->nchars + sel->chars[i] > o->max_chars)
        || (sel->limit < 1.0 && index_redundant(&sel->x, sel->v, i, sel->limit)))
        return false;
    sel->taken[i] = true;
    sel->pick[sel->npick++] = i;
    sel->words += s->nwords;
    sel->nchars += sel->chars ? sel->chars[i] : 0;
    if (sel->limit < 1.0 && sel->npick < sel->lim)  /* the last one is compared with none */
        index_add(&sel->x, sel->v, i);
    return true;
}

/* Several texts summarized as one: when the limit leaves room for one
 * sentence of each text that has a content sentence, each text's best one
 * that fits and repeats none chosen so far comes first, in order of score,
 * so that every source is heard before any says more. */
static summ_status
cover_documents(selection *sel, const byscore *order, size_t lim, uint32_t skip)
{
    const doc *d = sel->d;
    size_t n = d->nsent, nd = d->ndocs, want = 0;
    bool *has = summ__arena_calloc(d->ar, nd, sizeof *has);
    if (!has)
        return SUMM_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (!(d->sent[i].flags & skip) && d->sent[i].docno < nd && !has[d->sent[i].docno]) {
            has[d->sent[i].docno] = true;
            want++;
        }
    }
    if (want < 2 || want > lim)
        return SUMM_OK;
    for (size_t r = 0; r < n && sel->npick < lim; r++) {
        size_t i = order[r].index;
        const sentence *s = &d->sent[i];
        if ((s->flags & skip) || s->docno >= nd || !has[s->docno])
            continue;
        if (take(sel, i))
            has[s->docno] = false;
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
    bool *taken = summ__arena_calloc(d->ar, n, sizeof *taken);
    size_t *chars = NULL;
    if (!order || !taken)
        return SUMM_ENOMEM;
    if (o->max_chars) {
        if (!(chars = summ__arena_alloc(d->ar, n * sizeof *chars)))
            return SUMM_ENOMEM;
        for (size_t i = 0; i < n; i++)
            chars[i] = sentence_chars(d, &d->sent[i]);
    }
    for (size_t i = 0; i < n; i++)
        order[i] = (byscore){ d->score[i], i };
    sort_by_score(order, n);

    /* Across several texts on one story the words they all share have a
     * low IDF, so two sentences that tell the same fact have a lower
     * cosine than within one text: there the threshold is the lower
     * multi_redundancy. */
    selection sel = { .d = d, .v = v, .o = o, .chars = chars, .limit = o->redundancy,
                      .taken = taken, .pick = pick };
    if (d->ndocs > 1 && o->multi_redundancy < sel.limit)
        sel.limit = o->multi_redundancy;
    summ_status st;
    if (sel.limit < 1.0 && (st = index_init(d, v, sel.limit, &sel.x)) != SUMM_OK)
        return st;
    size_t lim = sel.lim = sentence_limit(o, n);
    /* What is not the text's own content (furniture, apparatus, quotes of
     * other texts, fillers) comes only when nothing else is left. */
    const uint32_t furniture = SUMM_FLAG_BOILERPLATE | SUMM_FLAG_APPARATUS | SUMM_FLAG_QUOTED
                               | SUMM_FLAG_FILLER;
    const uint32_t excluded[3] = { SUMM_FLAG_HEADING | furniture, furniture, 0 };
    if (d->ndocs > 1 && (st = cover_documents(&sel, order, lim, excluded[0])) != SUMM_OK)
        return st;
    size_t covered = sel.npick;
    /* What is left of a budget is not filled with fragments (no final
     * punctuation, and under five words or sunk by the length penalty:
     * "uptake", "<dig>", "p. margaritifera"): they are taken like
     * headings, only if nothing else can be. */
    bool budget = o->max_words || o->max_chars;
    for (int pass = 0; pass < 3 && sel.npick == covered && (pass == 0 || covered == 0); pass++) {
        for (size_t r = 0; r < n && sel.npick < lim; r++) {
            size_t i = order[r].index;
            bool fragment = budget && d->feat && (d->feat[i].bits & FEAT_OPEN)
                            && (d->sent[i].nwords < 5 || d->score[i] <= 0);
            if (!(d->sent[i].flags & excluded[pass]) && (pass > 0 || !fragment))
                take(&sel, i);
        }
    }
    if (sel.npick == 0) {
        /* Nothing fits the budget: the shortest sentence, preferring
         * content to headings and furniture, then the better score. */
        size_t best = SIZE_MAX, bestlen = 0;
        int bestkind = 3;
        for (size_t r = 0; r < n; r++) {
            size_t i = order[r].index;
            uint32_t f = d->sent[i].flags;
            int kind = (f & furniture) ? 2 : (f & SUMM_FLAG_HEADING) ? 1 : 0;
            size_t len = chars ? chars[i] : d->sent[i].nwords;
            if (kind < bestkind || (kind == bestkind && len < bestlen)) {
                best = i;
                bestlen = len;
                bestkind = kind;
            }
        }
        pick[sel.npick++] = best;
    }
    *npick = sel.npick;
    sort_sizes(pick, *npick);
    return SUMM_OK;
}
