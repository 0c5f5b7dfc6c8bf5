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
 * squared, a small constant).
 *
 * Keywords should not make a summary much dearer (issue 14: at most about
 * a fifth more; tests/bench/keywords.sh INSTR=1 counts it): a word's
 * class in the keyword list comes with its stem from the lexicon, each
 * word is looked at once, the one-word parts of runs (most of them) are
 * found by their term rather than hashed, the word graph is solved
 * exactly where it is a forest (wordgraph.c), and the arrays are made
 * once, in the document's arena. */
#include <math.h>
#include <string.h>

#include "stages.h"
#include "text/chars.h"
#include "text/fold.h"
#include "text/utf8.h"

/* The stages of this file are called once per document; kept out of line
 * so each is compiled with the registers to itself (inlined into one
 * function they spilled their loop counters). */
#if defined(__GNUC__)
#define KW_STAGE __attribute__((noinline))
#else
#define KW_STAGE
#endif

#define KW_NONE UINT32_MAX
#define KW_MAX_PARTS 6     /* a longer hyphen chain is not a compound */

/* A word of a run: one word, a hyphenated compound, or a CJK bigram. */
typedef struct unit {
    uint32_t w0;           /* its words: d->word[w0 .. w0 + nw) (overlapping for CJK) */
    uint32_t t0;           /* its content terms: occ[t0 .. t0 + nt) */
    uint8_t nw, nt;        /* at most KW_MAX_PARTS */
    bool weak;             /* a generic noun: not a keyword alone */
} unit;

/* A content term where it occurs: the nodes of the graph. */
typedef struct occ {
    uint32_t term;         /* local term id */
    uint32_t pos;          /* word index in d->word */
    uint32_t sent;         /* sentence number */
} occ;

/* A distinct term sequence (every part of a run is one, counted). A run
 * has at most SUMM_OPT_KEYWORD_WORDS (8) units of at most KW_MAX_PARTS
 * words in a part: nt and nu fit a byte. */
typedef struct phrase {
    uint64_t hash;
    uint32_t t0;           /* its terms: occ[t0 .. t0 + nt) of the first occurrence */
    uint32_t u0;           /* its first occurrence: units u0 .. u0 + nu */
    uint32_t count;
    uint8_t nt, nu;
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

/* The text between two words is white space only: nearly always one
 * space, decided inline. */
static bool
more_space(const doc *d, uint32_t a, uint32_t b);

static inline bool
only_space(const doc *d, uint32_t a, uint32_t b)
{
    const unsigned char *s = (const unsigned char *)d->text;
    if (b == a + 1 && s[a] < 0x80)
        return s[a] == ' ' || s[a] == '\n' || s[a] == '\t' || s[a] == '\r';
    return more_space(d, a, b);
}

static bool
more_space(const doc *d, uint32_t a, uint32_t b)
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

/* The text between two words is one hyphen (- U+2010 U+2011): they make a
 * compound. */
static inline bool
hyphen_between(const doc *d, uint32_t a, uint32_t b)
{
    const unsigned char *s = (const unsigned char *)d->text;
    if (b <= a)  /* CJK bigrams overlap */
        return false;
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
    unit *x = &b->unit[b->nunit++];
    x->w0 = w0;
    x->t0 = t0;
    x->nw = (uint8_t)(w1 - w0);
    x->nt = (uint8_t)(b->nocc - t0);
    x->weak = weak;
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
KW_STAGE static summ_status
read_units(kwb *b, arena *ar)
{
    doc *d = b->d;
    const wordpos *w = d->word;
    const unsigned char *text = (const unsigned char *)d->text;
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
        bool open = false;  /* the word before q ended a unit of the current run */
        while (q < end) {
            const wordpos *x = &w[q];
            if (text[x->start] >= 0xE3 && is_cjk_word(d, x)) {
                q = cjk_units(b, q, end, (uint32_t)k);
                open = false;
                continue;
            }
            uint32_t r = q + 1;
            /* a compound: the word is followed by a hyphen (- or U+2010,
             * U+2011, which start with E2) */
            if (r < end && (text[x->end] == '-' || text[x->end] == 0xE2))
                while (r < end && hyphen_between(d, w[r - 1].end, w[r].start)
                       && !is_cjk_word(d, &w[r]))
                    r++;
            if (r == q + 1) {
                /* one word, the commonest case: a stopword or a word of
                 * the list ends the run, as does a number or one letter */
                if (!content_word(d, x, false)) {
                    open = false;
                    q = r;
                    continue;
                }
                bool start = !open || !only_space(d, w[q - 1].end, x->start);
                uint32_t t0 = (uint32_t)b->nocc;
                b->occ[b->nocc++] = (occ){ x->term, q, (uint32_t)k };
                push_unit(b, q, r, t0, x->kw & WORD_KW_WEAK, start);
                open = true;
            } else {
                spaced_unit(b, q, r, (uint32_t)k, &open);
            }
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
} ptable;

/* Candidates come first, then the parts of runs too long to be
 * candidates: a text without stopwords (an unknown language) still gets
 * keywords. */
enum { CAND_NONE, CAND_PART, CAND_RUN };

KW_STAGE static summ_status
make_phrases(const kwb *b, arena *ar, ptable *t)
{
    const params *p = b->p;
    uint32_t maxw = p->kw_words ? (uint32_t)p->kw_words : 4;
    /* how many parts there are, at most */
    size_t total = 0;
    for (size_t r = 0; r < b->nrun; r++) {
        size_t len = b->run[r + 1] - b->run[r];
        size_t m = len < maxw ? len : maxw;
        total += m * (len + 1) - m * (m + 1) / 2;  /* the sum of len - n + 1 for n = 1 .. m */
    }
    size_t cap = 16;
    while (cap < 2 * total + 2)
        cap *= 2;
    /* restrict: the stores into the table cannot change the units read */
    phrase *restrict ph = summ__arena_alloc(ar, (total ? total : 1) * sizeof *ph);
    uint32_t *restrict slot = summ__arena_alloc(ar, cap * sizeof *slot);  /* into ph, or KW_NONE */
    if (!ph || !slot)
        return SUMM_ENOMEM;
    /* the phrase of one single-term unit is found by its term, not hashed:
     * most parts are one word */
    size_t nv = b->d->nvocab;
    uint32_t *restrict single = summ__arena_alloc(ar, (nv ? nv : 1) * sizeof *single);
    if (!single)
        return SUMM_ENOMEM;
    memset(slot, 0xFF, cap * sizeof *slot);
    memset(single, 0xFF, nv * sizeof *single);
    size_t np = 0, mask = cap - 1;
    const unit *restrict un = b->unit;
    const occ *restrict oc = b->occ;
    const uint32_t *restrict run = b->run;
    int sub = p->kw_subphrases;
    for (size_t r = 0; r < b->nrun; r++) {
        uint32_t u = run[r], e = run[r + 1], len = e - u;
        /* what a part of n units is: a run whole, a part of a long run, or
         * neither */
        uint8_t part = sub == 2 || (sub >= 1 && len > maxw) ? CAND_RUN
                       : len > maxw                         ? CAND_PART
                                                            : CAND_NONE;
        for (uint32_t s = u; s < e; s++) {
            /* the parts that start at s, a unit longer each time; their
             * terms are oc[t0 .. t0 + nt) (a run's units' terms follow
             * each other) */
            uint64_t h = HASH_START;
            uint32_t t0 = un[s].t0, nt = 0, stop = e - s > maxw ? s + maxw : e;
            bool weak = true;
            if (un[s].nt == 1) {
                uint32_t term = oc[t0].term, id = single[term];
                uint8_t cand = len == 1 ? CAND_RUN : part;
                if (id == KW_NONE) {
                    single[term] = (uint32_t)np;
                    phrase *y = &ph[np++];
                    y->hash = hash_end(hash_step(HASH_START, term), 1);
                    y->t0 = t0;
                    y->u0 = s;
                    y->count = 1;
                    y->nt = y->nu = 1;
                    y->weak = un[s].weak;
                    y->cand = y->weak ? CAND_NONE : cand;
                    y->score = 0;
                } else {
                    phrase *y = &ph[id];
                    y->count++;
                    if (cand > y->cand && !y->weak)
                        y->cand = cand;
                }
                h = hash_step(h, term);
                nt = 1;
                weak = un[s].weak;
            }
            for (uint32_t q = s + (un[s].nt == 1); q < stop; q++) {
                const unit *x = &un[q];
                if (x->nt == 1) {  /* nearly every unit: one word, one term */
                    h = hash_step(h, oc[t0 + nt].term);
                    nt++;
                } else {
                    for (uint32_t k = 0; k < x->nt; k++)
                        h = hash_step(h, oc[t0 + nt + k].term);
                    nt += x->nt;
                    if (!nt)
                        continue;
                }
                weak &= x->weak;
                uint8_t cand = q + 1 - s == len ? CAND_RUN : part;
                uint64_t hh = hash_end(h, nt);
                for (size_t j = (size_t)hh & mask;; j = (j + 1) & mask) {
                    uint32_t id = slot[j];
                    if (id == KW_NONE) {
                        slot[j] = (uint32_t)np;
                        phrase *y = &ph[np++];
                        y->hash = hh;
                        y->t0 = t0;
                        y->u0 = s;
                        y->count = 1;
                        y->nt = (uint8_t)nt;
                        y->nu = (uint8_t)(q + 1 - s);
                        y->cand = weak ? CAND_NONE : cand;  /* generic nouns only: none */
                        y->weak = weak;
                        y->score = 0;
                        break;
                    }
                    phrase *y = &ph[id];
                    if (y->hash == hh && y->nt == nt && same_terms(oc + y->t0, oc + t0, nt)) {
                        y->count++;
                        if (cand > y->cand && !y->weak)
                            y->cand = cand;
                        break;
                    }
                }
            }
        }
    }
    if (sub == 3)  /* parts seen twice are candidates too */
        for (size_t i = 0; i < np; i++)
            if (ph[i].count >= 2 && !ph[i].weak)
                ph[i].cand = CAND_RUN;
    t->ph = ph;
    t->n = np;
    return SUMM_OK;
}

/* ---- Scores -------------------------------------------------------------- */

/* Each term's rank in the word graph into *out (indexed by local term
 * id; the nodes are the terms, those that are no content word alone and
 * ranked 0). The scale does not matter: phrases are compared with each
 * other, and their scores reported relative to the best. */
KW_STAGE static summ_status
rank_terms(const kwb *b, arena *ar, double **out)
{
    doc *d = b->d;
    const params *p = b->p;
    size_t nv = d->nvocab;
    double *tele = summ__arena_calloc(ar, nv ? nv : 1, sizeof *tele);
    double *rank = summ__arena_alloc(ar, (nv ? nv : 1) * sizeof *rank);
    if (!tele || !rank)
        return SUMM_ENOMEM;
    /* PositionRank's teleport (the sum of 1 / position over a word's
     * occurrences), mixed with a uniform one over the content terms */
    double psum = 0;
    size_t nn = 0;
    for (size_t i = 0; i < b->nocc; i++) {
        double x = 1.0 / (1.0 + b->occ[i].pos);
        double *t = &tele[b->occ[i].term];
        nn += *t == 0;
        *t += x;
        psum += x;
    }
    double lam = p->kw_position;
    if (lam < 1)
        for (size_t v = 0; v < nv; v++)
            if (tele[v] > 0)
                tele[v] = lam * tele[v] / psum + (1 - lam) / (double)nn;

    wgraph g;
    uint32_t win = (uint32_t)(p->kw_window > 1 ? p->kw_window : 2);
    summ_status st = summ__wg_init(&g, ar, nv, b->nocc);
    if (st != SUMM_OK)
        return st;
    for (size_t i = 0; i < b->nocc; i++) {
        const occ *o = &b->occ[i];
        for (size_t j = i; j-- > 0;) {
            const occ *q = &b->occ[j];
            if (o->pos - q->pos >= win || (!p->kw_cross && q->sent != o->sent))
                break;
            if ((st = summ__wg_link(&g, o->term, q->term, 1.0)) != SUMM_OK)
                return st;
        }
    }
    if ((st = summ__wg_rank(&g, tele, p->kw_damping, rank)) != SUMM_OK)
        return st;
    *out = rank;
    return SUMM_OK;
}

/* The order of the ranking: candidates before parts of long runs, then
 * score, then the earlier, then the shorter (a total order: two phrases
 * that start at the same unit differ in length), as two keys compared as
 * integers: (cand, score) and (-u0, -nu). A score is >= 0, and the bits
 * of non-negative doubles order as the numbers do. */
typedef struct hent {
    uint64_t k1, k2;
    phrase *x;
} hent;

static hent
hent_of(phrase *x)
{
    double s = x->score > 0 ? x->score : 0;
    uint64_t bits;
    memcpy(&bits, &s, sizeof bits);
    return (hent){ (uint64_t)(x->cand == CAND_RUN) << 63 | bits,
                   (uint64_t)(UINT32_MAX - x->u0) << 32 | (uint32_t)(UINT32_MAX - x->nu), x };
}

static inline bool
better(const hent *x, const hent *y)
{
    return x->k1 != y->k1 ? x->k1 > y->k1 : x->k2 > y->k2;
}

/* A binary heap, best on top: the first k of n candidates in O(n + k log
 * n), not a sort of all of them (k is usually 5 to 15 of hundreds). */
static void
sift_down(hent *h, size_t n, size_t i)
{
    hent v = h[i];
    for (;;) {
        size_t l = 2 * i + 1, m = l;
        if (l >= n)
            break;
        if (l + 1 < n && better(&h[l + 1], &h[l]))
            m = l + 1;
        if (!better(&h[m], &v))
            break;
        h[i] = h[m];
        i = m;
    }
    h[i] = v;
}

static phrase *
heap_pop(hent *h, size_t *n)
{
    phrase *top = h[0].x;
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

/* The phrases chosen so far, to tell whether another one is inside one
 * of them (mode & 1) or contains one (mode & 2). For the short lists
 * asked for nearly always, by comparing the terms; for long ones, by
 * sets of hashes: of the chosen, and of every part of them. */
#define PICKS_SCAN 32

typedef struct picks {
    const kwb *b;
    int mode;
    const phrase **ph;
    size_t n;
    uint8_t *mark;        /* per term: in a chosen phrase (scans only) */
    hset inside, whole;   /* when more than PICKS_SCAN are wanted */
    bool hashed;
} picks;

static bool
picks_init(picks *k, const kwb *b, arena *ar, size_t want, int mode)
{
    *k = (picks){ .b = b, .mode = mode, .hashed = want > PICKS_SCAN };
    k->ph = summ__arena_alloc(ar, (want ? want : 1) * sizeof *k->ph);
    if (!k->ph)
        return false;
    if (k->hashed)
        return hset_init(&k->inside, ar, want * 4) && hset_init(&k->whole, ar, want);
    size_t nv = b->d->nvocab;
    return (k->mark = summ__arena_calloc(ar, nv ? nv : 1, 1)) != NULL;
}

/* Are the terms of y (fewer than x's) a run of the terms of x? (Two
 * phrases of as many terms are never one inside the other: they are
 * different phrases.) */
static inline bool
contains(const occ *oc, const phrase *x, const phrase *y)
{
    const occ *a = oc + x->t0, *c = oc + y->t0;
    for (uint32_t i = 0; i + y->nt <= x->nt; i++)
        if (a[i].term == c[0].term && same_terms(a + i + 1, c + 1, y->nt - 1u))
            return true;
    return false;
}

static bool
redundant(const picks *k, const phrase *x)
{
    const occ *oc = k->b->occ;
    if (!k->hashed) {
        /* inside a chosen phrase only if each of its terms is in one */
        bool inside = k->mode & 1;
        for (uint32_t i = 0; inside && i < x->nt; i++)
            inside = k->mark[oc[x->t0 + i].term];
        if (!inside && !(k->mode & 2))
            return false;
        for (size_t i = 0; i < k->n; i++) {
            const phrase *c = k->ph[i];
            if (c->nt > x->nt ? inside && contains(oc, c, x)
                              : c->nt < x->nt && (k->mode & 2) && contains(oc, x, c))
                return true;
        }
        return false;
    }
    if ((k->mode & 1) && hset_has(&k->inside, x->hash))
        return true;
    if (k->mode & 2) {
        const occ *o = oc + x->t0;
        for (uint32_t i = 0; i < x->nt; i++) {
            uint64_t h = HASH_START;
            for (uint32_t n = 1; i + n <= x->nt; n++) {
                h = hash_step(h, o[i + n - 1].term);
                if (n < x->nt && hset_has(&k->whole, hash_end(h, n)))
                    return true;
            }
        }
    }
    return false;
}

static bool
picks_add(picks *k, const phrase *x)
{
    k->ph[k->n++] = x;
    if (!k->hashed) {
        for (uint32_t i = 0; i < x->nt; i++)
            k->mark[k->b->occ[x->t0 + i].term] = 1;
        return true;
    }
    const occ *o = k->b->occ + x->t0;
    if (!hset_add(&k->whole, x->hash))
        return false;
    for (uint32_t i = 0; i < x->nt; i++) {
        uint64_t h = HASH_START;
        for (uint32_t n = 1; i + n <= x->nt; n++) {
            h = hash_step(h, o[i + n - 1].term);
            if (!hset_add(&k->inside, hash_end(h, n)))
                return false;
        }
    }
    return true;
}

/* The keyword of phrase x: its first occurrence, without a final "'s". */
static keyword
keyword_of(const kwb *b, const phrase *x, double score)
{
    const doc *d = b->d;
    const wordpos *first = &d->word[b->unit[x->u0].w0];
    const unit *lu = &b->unit[x->u0 + x->nu - 1];
    const wordpos *last = &d->word[lu->w0 + lu->nw - 1];
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
    hent *cand = summ__arena_alloc(ar, (nc ? nc : 1) * sizeof *cand);
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
        cand[nc++] = hent_of(x);
    }
    for (size_t i = nc / 2; i-- > 0;)
        sift_down(cand, nc, i);

    /* Best first; a phrase inside (or containing) one already chosen goes
     * after all the others, in its own order, rather than away: a list of
     * N keywords is short of N only when the text has fewer candidates. */
    size_t want = max < nc ? max : nc;
    keyword *kw = summ__arena_alloc(ar, (want ? want : 1) * sizeof *kw);
    phrase **later = summ__arena_alloc(ar, (nc ? nc : 1) * sizeof *later);
    picks chosen;
    if (!kw || !later || !picks_init(&chosen, &b, ar, want, p->kw_redundancy))
        return SUMM_ENOMEM;
    size_t n = 0, nlater = 0, left = nc;
    while (left && n < want) {
        phrase *x = heap_pop(cand, &left);
        if (p->kw_redundancy && redundant(&chosen, x)) {
            later[nlater++] = x;
            continue;
        }
        if (p->kw_redundancy && !picks_add(&chosen, x))
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
