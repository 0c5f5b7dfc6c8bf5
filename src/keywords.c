/* keywords.c - key phrases, without a part-of-speech model.
 *
 * Candidates (RAKE's, Rose et al. 2010): maximal runs of content words
 * between stopwords and punctuation, with only white space inside. A
 * hyphenated compound ("object-oriented", "state-of-the-art") is one word
 * of a run; words that start with a digit, one-letter words and the words
 * of stopwords/keywords/<code>.txt (reporting verbs, the verbs and adverbs
 * of scientific prose, number words, titles) end a run as a stopword does;
 * a run made only of that list's generic nouns ("problem", "method") is no
 * candidate. In Chinese and Japanese, where the tokenizer gives character
 * bigrams, a run is a stretch of Han or Katakana characters between
 * punctuation, two-character stopwords, the function characters of
 * stopwords/keywords/zh.txt (ja.txt) and hiragana, and its words are its
 * bigrams.
 *
 * Scores (SingleRank, Wan & Xiao 2008, with PositionRank's teleport,
 * Florescu & Caragea 2017): the content words are the nodes of a graph,
 * linked when they occur within SUMM_OPT_KW_WINDOW words of each other,
 * ranked by PageRank whose random jumps favour the words seen early (the
 * title, the lead of a news story, a paper's abstract). A phrase scores the
 * sum of its words' ranks, so "optimal control problems" can beat
 * "control".
 *
 * Phrases are counted as term sequences (stems), so "design" and
 * "designs" are one keyword, reported as first written; every part of a
 * run is counted, so a phrase's count includes its occurrences inside
 * longer runs. The ranking is one list: -k 5 is the first five of -k 15.
 * Everything is linear in the number of words (times the phrase length
 * squared, a small constant). */
#include <math.h>
#include <string.h>

#include "stages.h"
#include "text/chars.h"
#include "text/fold.h"
#include "text/utf8.h"

#define KW_NONE UINT32_MAX
#define KW_MAX_PARTS 6     /* a longer hyphen chain is not a compound */

/* A word of a run: one word, a hyphenated compound, or a CJK bigram. */
typedef struct unit {
    uint32_t w0, w1;       /* its words: d->word[w0 .. w1) (overlapping for CJK) */
    uint32_t t0, nt;       /* its content terms: terms[t0 .. t0 + nt) */
    bool weak;             /* a generic noun: not a keyword alone */
    bool run_start;        /* the first unit of its run */
} unit;

/* A content term where it occurs: the nodes of the graph. */
typedef struct occ {
    uint32_t term;         /* local term id */
    uint32_t pos;          /* word index in d->word */
    uint32_t sent;         /* sentence number */
} occ;

/* A distinct term sequence (every part of a run is one, counted). */
typedef struct phrase {
    uint64_t hash;
    uint32_t t0, nt;       /* its terms: occ[t0 .. t0 + nt) of the first occurrence */
    uint32_t u0, nu;       /* its first occurrence: units u0 .. u0 + nu */
    uint32_t count;
    uint8_t cand;          /* CAND_*: how much of a candidate it is */
    double score;
} phrase;

typedef struct kwb {
    doc *d;
    const params *p;
    unit *unit;
    size_t nunit, capunit;
    occ *occ;
    size_t nocc, capocc;
    summ_status st;
} kwb;

/* ---- Reading the words ------------------------------------------------- */

static int32_t
first_char(const doc *d, uint32_t at, size_t *len)
{
    unsigned char b = (unsigned char)d->text[at];
    if (b < 0x80) {
        *len = 1;
        return b;
    }
    int32_t c;
    *len = utf8_decode((const unsigned char *)d->text + at,
                       (const unsigned char *)d->text + d->len, &c);
    return c;
}

/* The text between two words is white space only. */
static bool
only_space(const doc *d, uint32_t a, uint32_t b)
{
    const unsigned char *s = (const unsigned char *)d->text, *end = s + d->len;
    if (b == a + 1 && s[a] < 0x80)
        return s[a] == ' ' || s[a] == '\n' || s[a] == '\t' || s[a] == '\r';
    while (a < b) {
        int32_t c;
        a += (uint32_t)utf8_decode(s + a, end, &c);
        if (!is_space(c))
            return false;
    }
    return true;
}

/* The text between two words is one hyphen: they make a compound. */
static bool
hyphen_between(const doc *d, uint32_t a, uint32_t b)
{
    if (b <= a || b - a > 3)
        return false;
    if (b == a + 1)
        return d->text[a] == '-';
    size_t n;
    int32_t c = first_char(d, a, &n);
    return a + n == b && (c == '-' || c == 0x2010 || c == 0x2011);
}

static bool
is_cjk_word(const doc *d, const wordpos *w)
{
    if ((unsigned char)d->text[w->start] < 0xE3)  /* no CJK before U+3005 */
        return false;
    size_t n;
    return summ__cjk_class(first_char(d, w->start, &n)) != CJK_NONE;
}

/* Whether a single word may be a keyword word: a term, not on the list,
 * not a number, more than one letter. */
static bool
content_word(const doc *d, const wordpos *w, bool in_compound)
{
    if (w->term == WORD_NOTERM || (w->kw & WORD_KW_STOP))
        return false;
    size_t n;
    int32_t c = first_char(d, w->start, &n);
    if (is_ascii_digit(c) || (c >= 0x660 && c <= 0x669) || c == 0x2212)
        return false;
    return in_compound || w->end - w->start > n;
}

static bool
push_occ(kwb *b, uint32_t term, uint32_t pos, uint32_t sent)
{
    doc *d = b->d;
    if (b->nocc == b->capocc
        && !summ__grow(d->ar->al, (void **)&b->occ, &b->capocc, b->nocc + 1, sizeof *b->occ))
        return false;
    b->occ[b->nocc++] = (occ){ term, pos, sent };
    return true;
}

static bool
push_unit(kwb *b, uint32_t w0, uint32_t w1, uint32_t t0, bool weak, bool run_start)
{
    doc *d = b->d;
    if (b->nunit == b->capunit
        && !summ__grow(d->ar->al, (void **)&b->unit, &b->capunit, b->nunit + 1, sizeof *b->unit))
        return false;
    b->unit[b->nunit++] = (unit){ w0, w1, t0, (uint32_t)b->nocc - t0, weak, run_start };
    return true;
}

/* A Latin (or any spaced) word or compound d->word[q .. r): a unit if it
 * may be part of a keyword. Returns false on OOM. */
static bool
spaced_unit(kwb *b, uint32_t q, uint32_t r, uint32_t sent, bool *open)
{
    doc *d = b->d;
    const wordpos *w = d->word;
    bool ok;
    if (r - q == 1)
        ok = content_word(d, &w[q], false);
    else  /* "model-based", "e-mail" yes; "so-called", "well-known", "two-thirds" no */
        ok = r - q <= KW_MAX_PARTS && content_word(d, &w[q], true)
             && w[r - 1].term != WORD_NOTERM;
    if (!ok) {
        *open = false;
        return true;
    }
    bool start = !*open || !only_space(d, w[q - 1].end, w[q].start);
    uint32_t t0 = (uint32_t)b->nocc;
    for (uint32_t k = q; k < r; k++)
        if (w[k].term != WORD_NOTERM && !push_occ(b, w[k].term, k, sent))
            return false;
    *open = true;
    return push_unit(b, q, r, t0, r - q == 1 && (w[q].kw & WORD_KW_WEAK), start);
}

/* A run of CJK words of one script from q (bigrams overlapping, or one
 * character alone); returns its end, or KW_NONE on OOM. Its stretches of
 * two or more characters between two-character stopwords and the
 * function characters of the keyword list become runs whose units are
 * their bigrams. (The stopword list's single characters are not used:
 * many are parts of content words, 人 of 人权.) */
static uint32_t
cjk_units(kwb *b, uint32_t q, uint32_t end, uint32_t sent)
{
    doc *d = b->d;
    const wordpos *w = d->word;
    uint32_t r = q + 1;
    while (r < end && w[r].start < w[r - 1].end)
        r++;
    size_t n;
    int cls = summ__cjk_class(first_char(d, w[q].start, &n));
    if ((r - q == 1 && w[q].start + n == w[q].end) || cls == CJK_HIRAGANA)
        return r;  /* one character alone is too ambiguous; kana are endings */
    /* character i starts where bigram i (w[q + i]) does; the last one is
     * the second character of the last bigram */
    uint32_t nb = r - q, nch = nb + 1, piece = 0;
    for (uint32_t i = 0; i <= nch; i++) {
        bool stop = i == nch;
        if (!stop) {
            uint32_t a = w[q + (i < nb ? i : nb - 1)].start;
            if (i == nb) {
                first_char(d, a, &n);
                a += (uint32_t)n;
            }
            size_t cl;
            first_char(d, a, &cl);
            char buf[16];
            size_t fl = summ__fold_word(d->text + a, cl, buf, sizeof buf);
            stop = (fl <= sizeof buf && summ__strset_has(&d->lr->kwstop, buf, fl))
                   || (i < nb && w[q + i].term == WORD_NOTERM)       /* a two-character */
                   || (i > 0 && w[q + i - 1].term == WORD_NOTERM);  /* stopword */
        }
        if (!stop)
            continue;
        /* the stretch piece .. i - 1 has the bigrams piece .. i - 2 */
        for (uint32_t k = piece; k + 1 < i; k++) {
            uint32_t t0 = (uint32_t)b->nocc;
            if (!push_occ(b, w[q + k].term, q + k, sent)
                || !push_unit(b, q + k, q + k + 1, t0, false, k == piece))
                return KW_NONE;
        }
        piece = i + 1;
    }
    return r;
}

/* Units and occurrences of every content sentence, in text order. */
static summ_status
read_units(kwb *b)
{
    doc *d = b->d;
    const wordpos *w = d->word;
    for (size_t k = 0; k < d->nsent; k++) {
        const sentence *sn = &d->sent[k];
        if (sn->flags & SUMM_FLAG_BOILERPLATE)
            continue;
        uint32_t q = sn->word, end = sn->word + sn->nwords;
        bool open = false;  /* the word before q ended a unit of the current run */
        while (q < end) {
            if (is_cjk_word(d, &w[q])) {
                uint32_t r = cjk_units(b, q, end, (uint32_t)k);
                if (r == KW_NONE)
                    return SUMM_ENOMEM;
                q = r;
                open = false;
                continue;
            }
            uint32_t r = q + 1;
            while (r < end && hyphen_between(d, w[r - 1].end, w[r].start)
                   && !is_cjk_word(d, &w[r]))
                r++;
            if (!spaced_unit(b, q, r, (uint32_t)k, &open))
                return SUMM_ENOMEM;
            q = r;
        }
    }
    return SUMM_OK;
}

/* ---- Phrases: every part of every run, counted ------------------------- */

static uint64_t
hash_terms(const occ *o, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull ^ n;
    for (size_t i = 0; i < n; i++)
        h = (h ^ o[i].term) * 0x100000001b3ull;
    return h ^ (h >> 31);
}

static bool
same_terms(const occ *a, const occ *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].term != b[i].term)
            return false;
    return true;
}

typedef struct ptable {
    phrase *ph;
    size_t n;
    uint32_t *slot;  /* index into ph, or KW_NONE */
    size_t cap;
} ptable;

/* The phrase of units u .. u + nu, added or counted. */
/* Candidates come first, then the parts of runs too long to be
 * candidates: a text without stopwords (an unknown language) still gets
 * keywords. */
enum { CAND_NONE, CAND_PART, CAND_RUN };

static void
add_phrase(ptable *t, const kwb *b, uint32_t u, uint32_t nu, uint8_t cand)
{
    const unit *un = b->unit;
    uint32_t t0 = un[u].t0, nt = un[u + nu - 1].t0 + un[u + nu - 1].nt - t0;
    if (nt == 0)
        return;
    const occ *o = b->occ + t0;
    uint64_t h = hash_terms(o, nt);
    size_t j = (size_t)h & (t->cap - 1);
    for (; t->slot[j] != KW_NONE; j = (j + 1) & (t->cap - 1)) {
        phrase *p = &t->ph[t->slot[j]];
        if (p->hash == h && p->nt == nt && same_terms(b->occ + p->t0, o, nt)) {
            p->count++;
            if (cand > p->cand)
                p->cand = cand;
            return;
        }
    }
    t->slot[j] = (uint32_t)t->n;
    t->ph[t->n++] = (phrase){ h, t0, nt, u, nu, 1, cand, 0 };
}

static summ_status
make_phrases(const kwb *b, arena *ar, ptable *t)
{
    const params *p = b->p;
    size_t maxw = p->kw_words ? p->kw_words : 4;
    /* how many parts there are, at most */
    size_t total = 0;
    for (size_t u = 0; u < b->nunit;) {
        size_t e = u + 1;
        while (e < b->nunit && !b->unit[e].run_start)
            e++;
        size_t len = e - u;
        for (size_t n = 1; n <= len && n <= maxw; n++)
            total += len - n + 1;
        u = e;
    }
    t->ph = summ__arena_alloc(ar, (total ? total : 1) * sizeof *t->ph);
    t->cap = 16;
    while (t->cap < 2 * total + 2)
        t->cap *= 2;
    t->slot = summ__arena_alloc(ar, t->cap * sizeof *t->slot);
    if (!t->ph || !t->slot)
        return SUMM_ENOMEM;
    memset(t->slot, 0xFF, t->cap * sizeof *t->slot);
    t->n = 0;
    for (size_t u = 0; u < b->nunit;) {
        size_t e = u + 1;
        while (e < b->nunit && !b->unit[e].run_start)
            e++;
        size_t len = e - u;
        for (size_t s = u; s < e; s++) {
            for (size_t n = 1; n <= maxw && s + n <= e; n++) {
                uint8_t cand = p->kw_subphrases == 2 || n == len
                                       || (p->kw_subphrases >= 1 && len > maxw) ? CAND_RUN
                               : len > maxw ? CAND_PART : CAND_NONE;
                add_phrase(t, b, (uint32_t)s, (uint32_t)n, cand);
            }
        }
        u = e;
    }
    /* a phrase of generic nouns only is no candidate */
    for (size_t i = 0; i < t->n; i++) {
        phrase *ph = &t->ph[i];
        if (p->kw_subphrases == 3 && ph->count >= 2)
            ph->cand = CAND_RUN;
        bool weak = true;
        for (uint32_t k = 0; k < ph->nu && weak; k++)
            weak = b->unit[ph->u0 + k].weak;
        if (weak)
            ph->cand = CAND_NONE;
    }
    return SUMM_OK;
}

/* ---- Scores -------------------------------------------------------------- */

/* Each term's rank in the word graph, times the number of nodes (so the
 * mean is 1), into *out (indexed by local term id). */
static summ_status
rank_terms(const kwb *b, arena *ar, double **out)
{
    doc *d = b->d;
    const params *p = b->p;
    size_t nv = d->nvocab;
    uint32_t *node = summ__arena_alloc(ar, (nv ? nv : 1) * sizeof *node);
    double *score = summ__arena_calloc(ar, nv ? nv : 1, sizeof *score);
    if (!node || !score)
        return SUMM_ENOMEM;
    memset(node, 0xFF, nv * sizeof *node);
    size_t nn = 0;
    for (size_t i = 0; i < b->nocc; i++)
        if (node[b->occ[i].term] == KW_NONE)
            node[b->occ[i].term] = (uint32_t)nn++;
    double *tele = summ__arena_calloc(ar, nn ? nn : 1, sizeof *tele);
    double *rank = summ__arena_alloc(ar, (nn ? nn : 1) * sizeof *rank);
    if (!tele || !rank)
        return SUMM_ENOMEM;
    /* PositionRank's teleport (the sum of 1 / position over a word's
     * occurrences), mixed with a uniform one */
    double psum = 0;
    for (size_t i = 0; i < b->nocc; i++) {
        double x = 1.0 / (1.0 + b->occ[i].pos);
        tele[node[b->occ[i].term]] += x;
        psum += x;
    }
    double lam = p->kw_position;
    for (size_t v = 0; v < nn; v++)
        tele[v] = lam * (psum > 0 ? tele[v] / psum : 0) + (1 - lam) / (double)nn;

    wgraph g;
    summ_status st = summ__wg_init(&g, ar, nn, b->nocc * (size_t)(p->kw_window - 1));
    if (st != SUMM_OK)
        return st;
    uint32_t win = (uint32_t)(p->kw_window > 1 ? p->kw_window : 2);
    for (size_t i = 0; i < b->nocc; i++) {
        const occ *o = &b->occ[i];
        for (size_t j = i; j-- > 0;) {
            const occ *q = &b->occ[j];
            if (o->pos - q->pos >= win || (!p->kw_cross && q->sent != o->sent))
                break;
            if ((st = summ__wg_link(&g, node[o->term], node[q->term], 1.0)) != SUMM_OK)
                return st;
        }
    }
    if ((st = summ__wg_rank(&g, tele, p->kw_damping, rank)) != SUMM_OK)
        return st;
    for (size_t t = 0; t < nv; t++)
        if (node[t] != KW_NONE)
            score[t] = rank[node[t]] * (double)nn;
    *out = score;
    return SUMM_OK;
}

/* The order of the ranking: candidates before parts of long runs, then
 * score, then the earlier, then the shorter
 * (a total order: two phrases that start at the same unit differ in
 * length). */
static bool
better(const phrase *x, const phrase *y)
{
    if (x->cand != y->cand)
        return x->cand > y->cand;
    if (x->score != y->score)
        return x->score > y->score;
    if (x->u0 != y->u0)
        return x->u0 < y->u0;
    return x->nu < y->nu;
}

/* A binary heap, best on top: the first k of n candidates in O(n + k log
 * n), not a sort of all of them (k is usually 5 to 15 of hundreds). */
static void
sift_down(phrase **h, size_t n, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, m = i;
        if (l < n && better(h[l], h[m]))
            m = l;
        if (l + 1 < n && better(h[l + 1], h[m]))
            m = l + 1;
        if (m == i)
            return;
        phrase *t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

static phrase *
heap_pop(phrase **h, size_t *n)
{
    phrase *top = h[0];
    h[0] = h[--*n];
    sift_down(h, *n, 0);
    return top;
}

/* ---- The ranking ------------------------------------------------------- */

/* A set of 64-bit hashes (of term sequences), in the arena. Hash 0
 * stands for "free": a real 0 is stored as 1. */
typedef struct hset {
    arena *ar;
    uint64_t *k;
    size_t cap, n;
} hset;

static bool
hset_init(hset *s, arena *ar, size_t expect)
{
    s->ar = ar;
    s->cap = 16;
    while (s->cap < 2 * expect + 2)
        s->cap *= 2;
    s->n = 0;
    s->k = summ__arena_calloc(ar, s->cap, sizeof *s->k);
    return s->k != NULL;
}

static bool
hset_has(const hset *s, uint64_t h)
{
    h += !h;
    for (size_t j = (size_t)h & (s->cap - 1); s->k[j]; j = (j + 1) & (s->cap - 1))
        if (s->k[j] == h)
            return true;
    return false;
}

static bool
hset_add(hset *s, uint64_t h)
{
    h += !h;
    if (2 * (s->n + 1) > s->cap) {
        hset g;
        if (!hset_init(&g, s->ar, s->cap))
            return false;
        for (size_t i = 0; i < s->cap; i++)
            if (s->k[i])
                hset_add(&g, s->k[i]);
        *s = g;  /* the old array stays in the arena until the run ends */
    }
    size_t j = (size_t)h & (s->cap - 1);
    while (s->k[j] && s->k[j] != h)
        j = (j + 1) & (s->cap - 1);
    if (!s->k[j]) {
        s->k[j] = h;
        s->n++;
    }
    return true;
}

/* Is phrase x inside one chosen (its hash among the parts of the chosen,
 * "inside") or does it contain one (a part of x among the chosen)? */
static bool
redundant(const kwb *b, const phrase *x, const hset *inside, const hset *chosen, int mode)
{
    if ((mode & 1) && hset_has(inside, x->hash))
        return true;
    if (mode & 2) {
        const occ *o = b->occ + x->t0;
        for (uint32_t i = 0; i < x->nt; i++)
            for (uint32_t n = 1; i + n <= x->nt; n++)
                if (n < x->nt && hset_has(chosen, hash_terms(o + i, n)))
                    return true;
    }
    return false;
}

static bool
note_chosen(const kwb *b, const phrase *x, hset *inside, hset *chosen)
{
    const occ *o = b->occ + x->t0;
    if (!hset_add(chosen, x->hash))
        return false;
    for (uint32_t i = 0; i < x->nt; i++)
        for (uint32_t n = 1; i + n <= x->nt; n++)
            if (!hset_add(inside, hash_terms(o + i, n)))
                return false;
    return true;
}

/* The keyword of phrase x: its first occurrence, without a final "'s". */
static keyword
keyword_of(const kwb *b, const phrase *x, double score)
{
    const doc *d = b->d;
    const wordpos *first = &d->word[b->unit[x->u0].w0];
    const wordpos *last = &d->word[b->unit[x->u0 + x->nu - 1].w1 - 1];
    uint32_t e = last->end;
    if (e - last->start > 2 && d->text[e - 1] == 's' && d->text[e - 2] == '\'')
        e -= 2;
    else if (e - last->start > 4 && d->text[e - 1] == 's'
             && memcmp(d->text + e - 4, "\xe2\x80\x99", 3) == 0)
        e -= 4;
    return (keyword){ first->start, e - first->start, score, x->count };
}

summ_status
summ__keywords(doc *d, const params *p, keyword **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    size_t max = p->max_keywords;
    if (max == 0 || d->nvocab == 0 || !d->word)
        return SUMM_OK;
    arena *ar = d->ar;
    kwb b = { .d = d, .p = p, .st = SUMM_OK };
    ptable t;
    double *tscore = NULL;
    summ_status st = read_units(&b);
    if (st == SUMM_OK)
        st = make_phrases(&b, ar, &t);
    if (st == SUMM_OK && b.nunit)
        st = rank_terms(&b, ar, &tscore);
    if (st != SUMM_OK || !b.nunit)
        goto done;

    size_t nc = 0;
    for (size_t i = 0; i < t.n; i++)
        nc += t.ph[i].cand != CAND_NONE;
    phrase **cand = summ__arena_alloc(ar, (nc ? nc : 1) * sizeof *cand);
    if (!cand) {
        st = SUMM_ENOMEM;
        goto done;
    }
    nc = 0;
    for (size_t i = 0; i < t.n; i++) {
        phrase *x = &t.ph[i];
        if (!x->cand)
            continue;
        double s = 0;
        for (uint32_t k = 0; k < x->nt; k++)
            s += tscore[b.occ[x->t0 + k].term];
        if (p->kw_length > 0)
            s /= pow((double)x->nt, p->kw_length);
        if (p->kw_count > 0)
            s *= pow((double)x->count, p->kw_count);
        x->score = s;
        cand[nc++] = x;
    }
    for (size_t i = nc / 2; i-- > 0;)
        sift_down(cand, nc, i);

    /* Best first; a phrase inside (or containing) one already chosen goes
     * after all the others, in its own order, rather than away: a list of
     * N keywords is short of N only when the text has fewer candidates. */
    size_t want = max < nc ? max : nc;
    keyword *kw = summ__arena_alloc(ar, (want ? want : 1) * sizeof *kw);
    phrase **later = summ__arena_alloc(ar, (nc ? nc : 1) * sizeof *later);
    hset inside, chosen;
    if (!kw || !later || !hset_init(&inside, ar, want * 4) || !hset_init(&chosen, ar, want)) {
        st = SUMM_ENOMEM;
        goto done;
    }
    size_t n = 0, nlater = 0, left = nc;
    while (left && n < want) {
        phrase *x = heap_pop(cand, &left);
        if (p->kw_redundancy && redundant(&b, x, &inside, &chosen, p->kw_redundancy)) {
            later[nlater++] = x;
            continue;
        }
        if (p->kw_redundancy && !note_chosen(&b, x, &inside, &chosen)) {
            st = SUMM_ENOMEM;
            goto done;
        }
        kw[n++] = keyword_of(&b, x, x->score);
    }
    for (size_t i = 0; i < nlater && n < want; i++)
        kw[n++] = keyword_of(&b, later[i], later[i]->score);
    /* relative to the best, never rising down the list */
    double best = n && kw[0].score > 0 ? kw[0].score : 1.0;
    for (size_t k = 0; k < n; k++) {
        double s = kw[k].score / best;
        kw[k].score = k && s > kw[k - 1].score ? kw[k - 1].score : s > 0 ? s : 1e-9;
    }
    *out = kw;
    *nout = n;
done:
    summ__free(ar->al, b.unit);
    summ__free(ar->al, b.occ);
    return st;
}
