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
    bool weak;             /* its first occurrence is generic nouns only */
    double score;
} phrase;

/* The units, occurrences and runs of a text. A text has at least as many
 * words as units or occurrences (each takes words no other takes), so
 * the arrays are made for d->nword at once and never grow. */
typedef struct kwb {
    doc *d;
    const params *p;
    unit *unit;
    size_t nunit;
    occ *occ;
    size_t nocc;
    uint32_t *run;         /* the first unit of each run, then nunit */
    size_t nrun;
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

/* The text between two words is one hyphen (- U+2010 U+2011): they make a
 * compound. */
static inline bool
hyphen_between(const doc *d, uint32_t a, uint32_t b)
{
    const unsigned char *s = (const unsigned char *)d->text;
    if (b == a + 1)
        return s[a] == '-';
    return b == a + 3 && s[a] == 0xE2 && s[a + 1] == 0x80 && (s[a + 2] == 0x90 || s[a + 2] == 0x91);
}

static inline bool
is_cjk_word(const doc *d, const wordpos *w)
{
    if ((unsigned char)d->text[w->start] < 0xE3)  /* no CJK before U+3005 */
        return false;
    size_t n;
    return summ__cjk_class(first_char(d, w->start, &n)) != CJK_NONE;
}

/* Whether a single word may be a keyword word: a term, not on the list,
 * not a number, more than one letter. */
static inline bool
content_word(const doc *d, const wordpos *w, bool in_compound)
{
    if (w->term == WORD_NOTERM || (w->kw & WORD_KW_STOP))
        return false;
    unsigned char b = (unsigned char)d->text[w->start];
    if (b < 0x80)
        return !is_ascii_digit(b) && (in_compound || w->end - w->start > 1);
    size_t n;
    int32_t c = first_char(d, w->start, &n);
    if ((c >= 0x660 && c <= 0x669) || c == 0x2212)
        return false;
    return in_compound || w->end - w->start > n;
}

static inline void
push_unit(kwb *b, uint32_t w0, uint32_t w1, uint32_t t0, bool weak, bool run_start)
{
    if (run_start)
        b->run[b->nrun++] = (uint32_t)b->nunit;
    b->unit[b->nunit++] = (unit){ w0, w1, t0, (uint32_t)b->nocc - t0, weak, run_start };
}

/* A Latin (or any spaced) word or compound d->word[q .. r): a unit if it
 * may be part of a keyword. *open: the word before q ended a unit of the
 * current run. */
static void
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
        return;
    }
    bool start = !*open || !only_space(d, w[q - 1].end, w[q].start);
    uint32_t t0 = (uint32_t)b->nocc;
    for (uint32_t k = q; k < r; k++)
        if (w[k].term != WORD_NOTERM)
            b->occ[b->nocc++] = (occ){ w[k].term, k, sent };
    *open = true;
    push_unit(b, q, r, t0, r - q == 1 && (w[q].kw & WORD_KW_WEAK), start);
}

/* A run of CJK words of one script from q (bigrams overlapping, or one
 * character alone); returns its end. Its stretches of two or more
 * characters between two-character stopwords and the function characters
 * of the keyword list become runs whose units are their bigrams. (The
 * stopword list's single characters are not used: many are parts of
 * content words, 人 of 人权.) */
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
            b->occ[b->nocc++] = (occ){ w[q + k].term, q + k, sent };
            push_unit(b, q + k, q + k + 1, t0, false, k == piece);
        }
        piece = i + 1;
    }
    return r;
}

/* Units, occurrences and runs of every content sentence, in text order. */
static summ_status
read_units(kwb *b, arena *ar)
{
    doc *d = b->d;
    const wordpos *w = d->word;
    size_t nw = d->nword ? d->nword : 1;
    if (nw > SIZE_MAX / sizeof *b->unit - 1)
        return SUMM_ENOMEM;
    b->unit = summ__arena_alloc(ar, nw * sizeof *b->unit);
    b->occ = summ__arena_alloc(ar, nw * sizeof *b->occ);
    b->run = summ__arena_alloc(ar, (nw + 1) * sizeof *b->run);
    if (!b->unit || !b->occ || !b->run)
        return SUMM_ENOMEM;
    for (size_t k = 0; k < d->nsent; k++) {
        const sentence *sn = &d->sent[k];
        if (sn->flags & SUMM_FLAG_BOILERPLATE)
            continue;
        uint32_t q = sn->word, end = sn->word + sn->nwords;
        bool open = false;
        while (q < end) {
            /* a stopword ends the run: the commonest case, decided first */
            if (w[q].term == WORD_NOTERM && (unsigned char)d->text[w[q].start] < 0xE3
                && (q + 1 == end || !hyphen_between(d, w[q].end, w[q + 1].start))) {
                open = false;
                q++;
                continue;
            }
            if (is_cjk_word(d, &w[q])) {
                q = cjk_units(b, q, end, (uint32_t)k);
                open = false;
                continue;
            }
            uint32_t r = q + 1;
            while (r < end && w[r].start - w[r - 1].end <= 3
                   && hyphen_between(d, w[r - 1].end, w[r].start) && !is_cjk_word(d, &w[r]))
                r++;
            spaced_unit(b, q, r, (uint32_t)k, &open);
            q = r;
        }
    }
    b->run[b->nrun] = (uint32_t)b->nunit;
    return SUMM_OK;
}

/* ---- Phrases: every part of every run, counted ------------------------- */

/* A hash of term sequences, built a term at a time (FNV-1a over the term
 * ids), then mixed with the length so the low bits, which pick the slot,
 * depend on every term. */
#define HASH_START 0xcbf29ce484222325ull

static inline uint64_t
hash_step(uint64_t h, uint32_t term)
{
    return (h ^ term) * 0x100000001b3ull;
}

static inline uint64_t
hash_end(uint64_t h, size_t n)
{
    h = (h ^ n) * 0x9e3779b97f4a7c15ull;
    return h ^ (h >> 29);
}

static uint64_t
hash_terms(const occ *o, size_t n)
{
    uint64_t h = HASH_START;
    for (size_t i = 0; i < n; i++)
        h = hash_step(h, o[i].term);
    return hash_end(h, n);
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

/* Candidates come first, then the parts of runs too long to be
 * candidates: a text without stopwords (an unknown language) still gets
 * keywords. */
enum { CAND_NONE, CAND_PART, CAND_RUN };

/* The phrase of units u .. u + nu (terms t0 .. t0 + nt, hash h), added or
 * counted. */
static inline void
add_phrase(ptable *t, const kwb *b, uint32_t u, uint32_t nu, uint32_t t0, uint32_t nt,
           uint64_t h, uint8_t cand, bool weak)
{
    const occ *o = b->occ + t0;
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
    t->ph[t->n++] = (phrase){ h, t0, nt, u, nu, 1, cand, weak, 0 };
}

static summ_status
make_phrases(const kwb *b, arena *ar, ptable *t)
{
    const params *p = b->p;
    size_t maxw = p->kw_words ? p->kw_words : 4;
    /* how many parts there are, at most */
    size_t total = 0;
    for (size_t r = 0; r < b->nrun; r++) {
        size_t len = b->run[r + 1] - b->run[r];
        size_t m = len < maxw ? len : maxw;
        total += m * (len + 1) - m * (m + 1) / 2;  /* the sum of len - n + 1 for n = 1 .. m */
    }
    t->cap = 16;
    while (t->cap < 2 * total + 2)
        t->cap *= 2;
    t->ph = summ__arena_alloc(ar, (total ? total : 1) * sizeof *t->ph);
    t->slot = summ__arena_alloc(ar, t->cap * sizeof *t->slot);
    if (!t->ph || !t->slot)
        return SUMM_ENOMEM;
    memset(t->slot, 0xFF, t->cap * sizeof *t->slot);
    t->n = 0;
    const unit *un = b->unit;
    for (size_t r = 0; r < b->nrun; r++) {
        uint32_t u = b->run[r], e = b->run[r + 1], len = e - u;
        /* what a part of n units is: a run whole, a part of a long run, or
         * neither */
        uint8_t part = p->kw_subphrases == 2 || (p->kw_subphrases >= 1 && len > maxw) ? CAND_RUN
                       : len > maxw                                                 ? CAND_PART
                                                                                    : CAND_NONE;
        for (uint32_t s = u; s < e; s++) {
            uint64_t h = HASH_START;
            uint32_t t0 = un[s].t0, nt = 0;
            bool weak = true;
            for (uint32_t n = 1; n <= maxw && s + n <= e; n++) {
                const unit *x = &un[s + n - 1];
                for (uint32_t k = 0; k < x->nt; k++)
                    h = hash_step(h, b->occ[x->t0 + k].term);
                nt += x->nt;
                weak = weak && x->weak;
                if (nt)
                    add_phrase(t, b, s, n, t0, nt, hash_end(h, nt), n == len ? CAND_RUN : part,
                               weak);
            }
        }
    }
    /* a phrase of generic nouns only is no candidate */
    for (size_t i = 0; i < t->n; i++) {
        phrase *ph = &t->ph[i];
        if (p->kw_subphrases == 3 && ph->count >= 2)
            ph->cand = CAND_RUN;
        if (ph->weak)
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
    uint32_t win = (uint32_t)(p->kw_window > 1 ? p->kw_window : 2);
    summ_status st = summ__wg_init(&g, ar, nn, b->nocc);
    if (st != SUMM_OK)
        return st;
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
    kwb b = { .d = d, .p = p };
    ptable t;
    double *tscore = NULL;
    summ_status st = read_units(&b, ar);
    if (st == SUMM_OK)
        st = make_phrases(&b, ar, &t);
    if (st == SUMM_OK && b.nunit)
        st = rank_terms(&b, ar, &tscore);
    if (st != SUMM_OK || !b.nunit)
        return st;

    size_t nc = 0;
    for (size_t i = 0; i < t.n; i++)
        nc += t.ph[i].cand != CAND_NONE;
    phrase **cand = summ__arena_alloc(ar, (nc ? nc : 1) * sizeof *cand);
    if (!cand)
        return SUMM_ENOMEM;
    /* count^kw_count for the small counts, each worked out once */
    double cpow[32] = { 0 };
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
        if (p->kw_count > 0) {
            if (x->count < 32) {
                if (cpow[x->count] == 0)
                    cpow[x->count] = pow((double)x->count, p->kw_count);
                s *= cpow[x->count];
            } else {
                s *= pow((double)x->count, p->kw_count);
            }
        }
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
    if (!kw || !later || !hset_init(&inside, ar, want * 4) || !hset_init(&chosen, ar, want))
        return SUMM_ENOMEM;
    size_t n = 0, nlater = 0, left = nc;
    while (left && n < want) {
        phrase *x = heap_pop(cand, &left);
        if (p->kw_redundancy && redundant(&b, x, &inside, &chosen, p->kw_redundancy)) {
            later[nlater++] = x;
            continue;
        }
        if (p->kw_redundancy && !note_chosen(&b, x, &inside, &chosen))
            return SUMM_ENOMEM;
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
    return SUMM_OK;
}
