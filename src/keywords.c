/* keywords.c - keywords by TextRank over words (Mihalcea & Tarau 2004,
 * section 3): a graph of the document's content terms, linked when they
 * occur within KW_WINDOW content words of each other in a sentence, ranked
 * by PageRank; the best third of the terms are keyword candidates, and runs
 * of candidates that are adjacent in the text (no stopword or punctuation
 * between them) are merged into phrases ("time warner"), scored by the mean
 * of their words' ranks (as gensim's keywords() does: a phrase does not
 * outrank its best word by being long).
 *
 * The words and their byte offsets are those tokenize.c found (it keeps
 * them when keywords are asked for), so a keyword is made of the same terms
 * as the summary, CJK character bigrams included. Terms that start with a
 * digit are not offered as keywords ("2004" says little), nor are
 * one-letter terms. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"
#include "text/chars.h"
#include "text/utf8.h"

#define KW_WINDOW 2        /* co-occurrence window: neighbours in the content words */
#define KW_MAX_PHRASE 4    /* longer runs are cut: they are rarely one name */
#define KW_ITER 100
#define KW_EPSILON 1e-9
#define KW_NONE UINT32_MAX

typedef struct kwtok {
    uint32_t term;        /* local term id, or KW_NONE for a stopword */
    uint32_t start, end;  /* bytes */
    bool joined;          /* only white space since the previous word in the sentence */
    bool first;           /* the first word of its sentence */
} kwtok;

typedef struct phrase {
    uint32_t first;       /* index of its first token */
    uint32_t len;         /* words */
    double score;
} phrase;

/* True if text[a .. b) is only white space: two words with nothing else
 * between them may make one phrase. CJK bigrams overlap (b < a): joined. */
static bool
only_space(const doc *d, uint32_t a, uint32_t b)
{
    const unsigned char *s = (const unsigned char *)d->text, *end = s + d->len;
    while (a < b) {
        int32_t c;
        a += (uint32_t)utf8_decode(s + a, end, &c);
        if (!is_space(c))
            return false;
    }
    return true;
}

/* The words of the content sentences, as tokenize.c found them. */
static summ_status
find_words(doc *d, kwtok **out, size_t *nout)
{
    kwtok *tok = summ__arena_alloc(d->ar, (d->nword ? d->nword : 1) * sizeof *tok);
    if (!tok)
        return SUMM_ENOMEM;
    size_t n = 0;
    for (size_t k = 0; k < d->nsent; k++) {
        const sentence *sn = &d->sent[k];
        if (sn->flags & SUMM_FLAG_BOILERPLATE)
            continue;
        for (uint32_t q = sn->word; q < sn->word + sn->nwords; q++) {
            const wordpos *w = &d->word[q];
            bool first = q == sn->word;
            bool joined = !first && only_space(d, d->word[q - 1].end, w->start);
            tok[n++] = (kwtok){ w->term == WORD_NOTERM ? KW_NONE : w->term, w->start, w->end,
                                joined, first };
        }
    }
    *out = tok;
    *nout = n;
    return SUMM_OK;
}

static int
cmp_phrase(const void *a, const void *b)
{
    const phrase *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return (x->first > y->first) - (x->first < y->first);
}

static int
cmp_rank_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x < y) - (x > y);
}

summ_status
summ__keywords(doc *d, size_t max, keyword *out, size_t *nout)
{
    *nout = 0;
    size_t nv = d->nvocab;
    if (max == 0 || nv == 0)
        return SUMM_OK;
    arena *ar = d->ar;
    kwtok *tok = NULL;
    size_t nt = 0;
    summ_status st = find_words(d, &tok, &nt);
    if (st != SUMM_OK)
        return st;

    /* Which terms may be keywords. */
    bool *ok = summ__arena_calloc(ar, nv, sizeof *ok);
    double *deg = summ__arena_calloc(ar, nv, sizeof *deg);
    double *rank = summ__arena_alloc(ar, nv * sizeof *rank);
    double *next = summ__arena_alloc(ar, nv * sizeof *next);
    double *sorted = summ__arena_alloc(ar, nv * sizeof *sorted);
    uint32_t *win = summ__arena_alloc(ar, KW_WINDOW * sizeof *win);
    if (!ok || !deg || !rank || !next || !sorted || !win) {
        st = SUMM_ENOMEM;
        goto done;
    }
    for (size_t q = 0; q < nt; q++) {
        uint32_t t = tok[q].term;
        if (t == KW_NONE || ok[t])
            continue;
        unsigned char c = (unsigned char)d->text[tok[q].start];
        int32_t cp;
        size_t cl = utf8_decode((const unsigned char *)d->text + tok[q].start,
                                (const unsigned char *)d->text + d->len, &cp);
        ok[t] = !(c >= '0' && c <= '9') && tok[q].end - tok[q].start > cl;
    }

    /* Edges between neighbours among the candidate terms of a sentence,
     * each occurrence counting once: (a, b) pairs, both directions. */
    uint32_t (*edge)[2] = NULL;
    size_t ne = 0, cape = 0;
    size_t nwin = 0;
    for (size_t q = 0; q < nt; q++) {
        if (tok[q].first)
            nwin = 0;
        uint32_t t = tok[q].term;
        if (t == KW_NONE || !ok[t])
            continue;
        for (size_t w = 0; w < nwin; w++) {
            if (win[w] == t)
                continue;
            if (!summ__grow(ar->al, (void **)&edge, &cape, ne + 1, sizeof *edge)) {
                summ__free(ar->al, edge);
                st = SUMM_ENOMEM;
                goto done;
            }
            edge[ne][0] = win[w];
            edge[ne][1] = t;
            ne++;
            deg[win[w]] += 1;
            deg[t] += 1;
        }
        if (KW_WINDOW > 1) {
            if (nwin == KW_WINDOW - 1) {
                memmove(win, win + 1, (KW_WINDOW - 2) * sizeof *win);
                nwin--;
            }
            win[nwin++] = t;
        }
    }

    /* PageRank, undirected and weighted by co-occurrence counts. */
    for (size_t t = 0; t < nv; t++)
        rank[t] = 1.0 / (double)nv;
    for (int it = 0; it < KW_ITER; it++) {
        double dangling = 0;
        for (size_t t = 0; t < nv; t++)
            if (deg[t] == 0)
                dangling += rank[t];
        double base = (0.15 + 0.85 * dangling) / (double)nv;
        for (size_t t = 0; t < nv; t++)
            next[t] = base;
        for (size_t k = 0; k < ne; k++) {
            uint32_t a = edge[k][0], b = edge[k][1];
            next[b] += 0.85 * rank[a] / deg[a];
            next[a] += 0.85 * rank[b] / deg[b];
        }
        double diff = 0;
        for (size_t t = 0; t < nv; t++) {
            diff += fabs(next[t] - rank[t]);
            rank[t] = next[t];
        }
        if (diff < KW_EPSILON)
            break;
    }
    summ__free(ar->al, edge);

    /* Candidates: the best third of the eligible terms (at least max). */
    size_t nok = 0;
    for (size_t t = 0; t < nv; t++)
        if (ok[t])
            sorted[nok++] = rank[t];
    if (nok == 0)
        goto done;
    qsort(sorted, nok, sizeof *sorted, cmp_rank_desc);
    size_t keep = nok / 3 > max ? nok / 3 : max;
    double cut = sorted[(keep < nok ? keep : nok) - 1];
    for (size_t t = 0; t < nv; t++)
        ok[t] = ok[t] && rank[t] >= cut;

    /* Phrases: maximal runs of adjacent candidates, first occurrences only. */
    phrase *ph = summ__arena_alloc(ar, (nt ? nt : 1) * sizeof *ph);
    size_t *chosen = summ__arena_alloc(ar, max * sizeof *chosen);
    /* distinct phrases by a hash of their terms: open addressing over
     * indices into ph, twice as many slots as there can be phrases */
    size_t hcap = 16;
    while (hcap < 2 * nt + 2)
        hcap *= 2;
    uint32_t *slot = summ__arena_alloc(ar, hcap * sizeof *slot);
    if (!ph || !chosen || !slot) {
        st = SUMM_ENOMEM;
        goto done;
    }
    memset(slot, 0xFF, hcap * sizeof *slot);
    size_t np = 0;
    for (size_t q = 0; q < nt;) {
        if (tok[q].term == KW_NONE || !ok[tok[q].term]) {
            q++;
            continue;
        }
        size_t r = q + 1;
        while (r < nt && r - q < KW_MAX_PHRASE && tok[r].joined && tok[r].term != KW_NONE
               && ok[tok[r].term])
            r++;
        uint64_t h = r - q;
        for (size_t k = q; k < r; k++)
            h = (h ^ tok[k].term) * 0x100000001B3ull;
        size_t j = (size_t)(h ^ (h >> 29)) & (hcap - 1);
        bool seen = false;
        for (; slot[j] != KW_NONE; j = (j + 1) & (hcap - 1)) {
            const phrase *o = &ph[slot[j]];
            if (o->len != r - q)
                continue;
            seen = true;
            for (size_t k = 0; k < r - q && seen; k++)
                seen = tok[o->first + k].term == tok[q + k].term;
            if (seen)
                break;
        }
        if (!seen) {
            double sc = 0;
            for (size_t k = q; k < r; k++)
                sc += rank[tok[k].term];
            sc /= (double)(r - q);
            slot[j] = (uint32_t)np;
            ph[np++] = (phrase){ (uint32_t)q, (uint32_t)(r - q), sc };
        }
        q = r;
    }
    qsort(ph, np, sizeof *ph, cmp_phrase);

    /* Best first; a phrase that shares a word with one already chosen is
     * left out ("warner" or "warner bros" after "time warner"): a list of
     * keywords should name different things. */
    for (size_t p = 0; p < np && *nout < max; p++) {
        bool shared = false;
        for (size_t o = 0; o < *nout && !shared; o++) {
            const phrase *c = &ph[chosen[o]];
            for (size_t k = 0; k < ph[p].len && !shared; k++)
                for (size_t j = 0; j < c->len && !shared; j++)
                    shared = tok[c->first + j].term == tok[ph[p].first + k].term;
        }
        if (shared)
            continue;
        /* Its first occurrence, also inside a longer run ("toolbar" in
         * "Google's toolbar" before "the toolbar"). */
        size_t at = ph[p].first;
        uint32_t count = 0;
        for (size_t q = 0; q + ph[p].len <= nt; q++) {
            size_t k = 0;
            while (k < ph[p].len && tok[q + k].term == tok[ph[p].first + k].term
                   && (k == 0 || tok[q + k].joined))
                k++;
            if (k == ph[p].len) {
                if (count++ == 0)
                    at = q;
                q += k - 1;  /* occurrences do not overlap */
            }
        }
        const kwtok *a = &tok[at], *b = &tok[at + ph[p].len - 1];
        uint32_t e = b->end;  /* show "Google", not "Google's" */
        if (e - b->start > 2 && d->text[e - 1] == 's' && d->text[e - 2] == '\'')
            e -= 2;
        else if (e - b->start > 4 && d->text[e - 1] == 's'
                 && memcmp(d->text + e - 4, "\xe2\x80\x99", 3) == 0)
            e -= 4;
        chosen[*nout] = p;
        out[(*nout)++] = (keyword){ a->start, e - a->start, ph[p].score, count };
    }
    /* Scores relative to the best. */
    for (size_t k = 0; k < *nout; k++)
        out[k].score = out[0].score > 0 ? out[k].score / out[0].score : 1.0;
done:
    return st;
}
