/* glue.c - sentences glued together by a lost period and space ("record
 * profit this yearThe board"): every word with a lower-to-upper case change
 * is a candidate, and it is split only on evidence from the document
 * itself (the left part is a word elsewhere, the right part is a stopword
 * or starts sentences elsewhere), never a list of brand names, so iPhone,
 * YouTube and LinkedIn stay whole. Three linear passes. */
#include "segment/seg.h"
#include "text/bits.h"
#include "text/vec.h"

/* A candidate "leftRight": run = [a, e), the case change at m. */
typedef struct glue_cand {
    size_t a, m, e;
} glue_cand;

typedef struct glue_list {
    glue_cand *cand;
    size_t n, cap;
} glue_list;

typedef struct qslot {
    uint32_t off, len;   /* len 0 = empty */
    bool word, opener, mid;  /* seen as a whole word; first in a sentence; elsewhere */
} qslot;

typedef struct qtab {
    qslot *slot;
    size_t mask;
    uint64_t lens;       /* bit k: a part of k bytes is in the table (k <= GLUE_MAXPART) */
    uint64_t seen[4];    /* q_bit() of each part: most words of a part's length are none */
} qtab;

/* A part's bit in qtab.seen, by its length and first and last bytes. */
static inline unsigned
q_bit(const unsigned char *s, size_t off, size_t len)
{
    return (unsigned)(len * 0x1F5u + s[off] * 0x3Bu + s[off + len - 1] * 0x9Du) & 255;
}

static qslot *
q_find(qtab *q, const unsigned char *s, size_t off, size_t len, bool insert)
{
    size_t j = summ__hash(s + off, len) & q->mask;
    while (q->slot[j].len) {
        if (q->slot[j].len == len && memcmp(s + q->slot[j].off, s + off, len) == 0)
            return &q->slot[j];
        j = (j + 1) & q->mask;
    }
    if (!insert)
        return NULL;
    q->slot[j].off = (uint32_t)off;
    q->slot[j].len = (uint32_t)len;
    q->lens |= 1ULL << len;
    unsigned b = q_bit(s, off, len);
    q->seen[b >> 6] |= 1ULL << (b & 63);
    return &q->slot[j];
}

#define GLUE_MAXPART 48

/* The end of the run from q of ASCII letters (lower-case ones only, if
 * lower), eight bytes at a time while they can be read. */
static inline size_t
run_end(const unsigned char *s, size_t q, size_t len, bool lower)
{
    while (len - q >= 8) {
        uint64_t w = load_text64(s + q);
        size_t n = lead_in(w, lower ? bytes_in(w, 'a', 'z') : letters_in(w));
        q += n;
        if (n < 8)
            return q;
    }
    while (q < len && (lower ? s[q] >= 'a' && s[q] <= 'z' : ascii_letter(s[q])))
        q++;
    return q;
}

/* The shape of a part s[a .. m): its code points, its capitals, the
 * class of its first letter. */
typedef struct shape {
    size_t cps, upper;
    int first;
} shape;

static shape
shape_of(const unsigned char *s, size_t a, size_t m)
{
    shape sh = { 0, 0, CL_OTHER };
    for (size_t i = a; i < m; ) {
        int32_t cp;
        i += dec(s, i, m, &cp);
        int k = cclass(cp);
        if (sh.cps == 0)
            sh.first = k;
        if (k == CL_UPPER)
            sh.upper++;
        sh.cps++;
    }
    return sh;
}

/* Can the candidate with left part s[a .. m) be accepted at all? Pass 3's
 * rules, on the left part's shape alone: a part of one letter, or a
 * CamelCase name, never is. Most candidates (McLaren, iPod, DeVito) stop
 * here, and a document without others skips passes 2 and 3. */
static bool
glue_possible(const unsigned char *s, size_t a, size_t m)
{
    shape sh = shape_of(s, a, m);
    return sh.first == CL_UPPER ? sh.upper == 1 && sh.cps >= 3 : sh.cps >= 2;
}

/* The first i' >= i where a byte >= 0x80 is, or an ASCII lower-case
 * letter that an upper-case one follows; len if there is none. Eight
 * bytes at a time (the text's byte k is byte k of w). */
static size_t
next_change(const unsigned char *s, size_t i, size_t len)
{
    bool lower = false;  /* the byte before i is a lower-case ASCII letter */
#if SUMM_VEC16
    while (len - i >= 16) {  /* sixteen at a time where the machine can */
        v16 v = v16_load(s + i);
        unsigned lo = v16_in(v, 'a', 'z'), up = v16_in(v, 'A', 'Z');
        if (lower && (up & 1))
            return i - 1;
        unsigned hit = (lo & up >> 1) | v16_high(v);
        if (hit)
            return i + (size_t)__builtin_ctz(hit);
        lower = lo >> 15 & 1;
        i += 16;
    }
#endif
    while (len - i >= 8) {
        uint64_t w = load_text64(s + i);
        uint64_t lo = bytes_in(w, 'a', 'z'), up = bytes_in(w, 'A', 'Z');
        if (lower && (up & 0x80))
            return i - 1;
        /* bytes_in's carries past a high byte reach only later bytes */
        uint64_t hit = ((lo << 8) & up) >> 8 | (w & SUMM_HIGHS);
        if (hit)
            return i + ((size_t)__builtin_ctzll(hit) >> 3);
        lower = lo >> 63;
        i += 8;
    }
    for (; i < len; i++) {
        unsigned char b = s[i];
        if (b >= 0x80)
            return i;
        if (lower && b >= 'A' && b <= 'Z')
            return i - 1;
        lower = b >= 'a' && b <= 'z';
    }
    return len;
}

/* Pass 1: every letter run with a lower-to-upper case change whose left
 * part could end a sentence. */
static summ_status
find_candidates(const seg *g, size_t start, glue_list *gl)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    const salloc *al = g->d->ar->al;
    size_t runa = NONE, change = NONE;
    int prevk = CL_OTHER;
    int32_t before = 0;
    bool tail_ok = false;
    int32_t last_cp = 0;
    for (size_t i = start; i <= len; ) {
        if (runa == NONE && i < len) {
            /* Between runs: the runs before the next case change or
             * non-ASCII byte give no candidate, so go to the start of
             * the run that holds it, as if the loop had walked there. */
            size_t y = next_change(s, i, len);
            if (y == len)
                break;
            size_t r = y;
            while (r > i && ascii_letter(s[r - 1]))
                r--;
            if (r > i) {
                last_cp = s[r - 1];
                prevk = cclass(last_cp);
                i = r;
            }
        }
        int32_t c = 0;
        size_t n = 1;
        int k = CL_OTHER;
        if (i < len) {
            n = dec(s, i, len, &c);
            k = cclass(c);
        }
        if (k == CL_LOWER || k == CL_UPPER) {
            if (runa == NONE) {
                runa = i;
                change = NONE;
                before = last_cp;
            } else if (k == CL_UPPER && prevk == CL_LOWER) {
                change = i;
                tail_ok = false;
            } else if (k == CL_UPPER) {
                change = NONE;
            } else if (k == CL_LOWER && change != NONE) {
                tail_ok = true;
            }
            if (k == CL_LOWER) {
                /* More lower-case ASCII letters change nothing more. */
                size_t q = run_end(s, i + n, len, true);
                if (q > i + n) {
                    c = s[q - 1];
                    n = q - i;
                }
            }
        } else if (runa != NONE) {
            /* The run ended at i. Skip parts of URLs, e-mail addresses,
             * identifiers: a run glued to '.', '/', '@', '_' or a digit. */
            bool skip = change == NONE || !tail_ok  /* no candidate: nothing more to test */
                        || before == '.' || before == '/' || before == '@' || before == '_'
                        || before == '#' || cclass(before) == CL_DIGIT || c == '/' || c == '@'
                        || c == '_' || k == CL_DIGIT || k == CL_LETTER
                        || (c == '.' && i + 1 < len && s[i + 1] > ' ' && s[i + 1] < 0x80);
            if (!skip && change - runa <= GLUE_MAXPART * 4 && glue_possible(s, runa, change)) {
                if (!summ__grow(al, (void **)&gl->cand, &gl->cap, gl->n + 1, sizeof *gl->cand))
                    return SUMM_ENOMEM;
                gl->cand[gl->n++] = (glue_cand){ runa, change, i };
            }
            runa = NONE;
        }
        prevk = k;
        last_cp = c;
        i += n;
    }
    return SUMM_OK;
}

/* Pass 2's record of the word s[a .. a + n), ended, after prev_ns. */
static inline void
count_word(const unsigned char *s, size_t a, size_t n, int32_t prev_ns, bool greek, qtab *q)
{
    /* most words are of no part's length and ends: no need to hash them */
    unsigned b;
    if (n <= GLUE_MAXPART && (q->lens >> n & 1) && (b = q_bit(s, a, n), q->seen[b >> 6] >> (b & 63) & 1)) {
        qslot *e = q_find(q, s, a, n, false);
        if (e) {
            e->word = true;
            if (prev_ns == 0 || is_terminal(prev_ns, greek))
                e->opener = true;
            else
                e->mid = true;
        }
    }
}

#if SUMM_VEC16
/* Pass 2 over the block of sixteen bytes at i (outside a word), as far as
 * it is ASCII letters and spaces: the words that end in it counted, where
 * the scan goes on returned (the start of a word the block ends in, or the
 * first other byte), i if it cannot go on. Spaces change no prev_ns. */
static inline size_t
spaced_block(const seg *g, size_t i, qtab *q, int32_t *prev_ns)
{
    const unsigned char *s = g->s;
    v16 v = v16_load(s + i);
    unsigned let = v16_letters(v), sp = v16_eq(v, ' ');
    unsigned bad = ~(let | sp) & 0xFFFF;
    unsigned lim = bad ? (unsigned)__builtin_ctz(bad) : 16;
    unsigned valid = (1u << lim) - 1;
    unsigned starts = let & ~(let << 1) & valid;
    /* a word ends where a letter is not followed by one; one that reaches
     * the block's last byte, or a byte past ASCII (which may be a letter:
     * "café"), may go on */
    unsigned open = lim == 16 ? 0x8000 : lim && s[i + lim] >= 0x80 ? 1u << (lim - 1) : 0;
    unsigned ends = let & ~(let >> 1) & valid & ~open;
    while (starts && ends) {
        unsigned st = (unsigned)__builtin_ctz(starts), e = (unsigned)__builtin_ctz(ends);
        count_word(s, i + st, e + 1 - st, *prev_ns, g->greek, q);
        *prev_ns = 'a';
        starts &= starts - 1;
        ends &= ends - 1;
    }
    if (starts)  /* the word the block ends in: the byte loop takes it */
        return i + (unsigned)__builtin_ctz(starts);
    return i + lim;
}
#endif

/* Pass 2: how the parts of the candidates occur elsewhere, as whole words
 * and as the first word of a sentence. */
static summ_status
count_parts(const seg *g, size_t start, const glue_cand *cand, size_t ncand, qtab *q)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    size_t cap = 16;
    while (cap < ncand * 4)
        cap *= 2;
    q->slot = summ__arena_calloc(g->d->ar, cap, sizeof(qslot));
    q->mask = cap - 1;
    q->lens = 0;
    memset(q->seen, 0, sizeof q->seen);
    if (!q->slot)
        return SUMM_ENOMEM;
    for (size_t c = 0; c < ncand; c++) {
        if (cand[c].m - cand[c].a <= GLUE_MAXPART)
            q_find(q, s, cand[c].a, cand[c].m - cand[c].a, true);
        if (cand[c].e - cand[c].m <= GLUE_MAXPART)
            q_find(q, s, cand[c].m, cand[c].e - cand[c].m, true);
    }
    int32_t prev_ns = 0;   /* last non-space code point, 0 at a line start */
    size_t runa = NONE;
    for (size_t i = start; i <= len; ) {
#if SUMM_VEC16
        if (runa == NONE && len - i >= 16) {
            size_t at = spaced_block(g, i, q, &prev_ns);
            if (at > i) {
                i = at;
                continue;
            }
        }
#endif
        int32_t c = 0;
        size_t n = 1;
        int k = CL_OTHER;
        if (i < len) {
            n = dec(s, i, len, &c);
            k = cclass(c);
        }
        if (is_letter_class(k)) {
            if (runa == NONE)
                runa = i;
            n = run_end(s, i + n, len, false) - i;  /* the rest of an ASCII word: nothing to do */
        } else {
            if (runa != NONE) {
                count_word(s, runa, i - runa, prev_ns, g->greek, q);
                prev_ns = 'a';
                runa = NONE;
            }
            if (is_newline(c)) {
                prev_ns = 0;
            } else if (!is_space(c) && !is_opener(c)) {
                if (!(is_closer(c) && is_terminal(prev_ns, g->greek)))
                    prev_ns = c;
            }
        }
        i += n;
    }

    return SUMM_OK;
}

/* Pass 3, for one candidate: 0 no, 1 weak evidence, 2 strong. */
static int
verdict_of(const seg *g, const glue_cand *x, qtab *q)
{
    const unsigned char *s = g->s;
    size_t llen = x->m - x->a, rlen = x->e - x->m;
    qslot *L = llen <= GLUE_MAXPART ? q_find(q, s, x->a, llen, false) : NULL;
    qslot *R = rlen <= GLUE_MAXPART ? q_find(q, s, x->m, rlen, false) : NULL;
    bool lword = L && L->word, lmid = L && L->mid, ropen = R && R->opener;
    bool rstop = summ__seg_in_stop(g, x->m, rlen);
    /* Shape of the left part. */
    shape sh = shape_of(s, x->a, x->m);
    size_t lcp = sh.cps, upper = sh.upper;
    int firstk = sh.first;
    size_t rcp = 0;
    for (size_t i = x->m; i < x->e; rcp++) {
        int32_t cp;
        i += dec(s, i, x->e, &cp);
    }
    bool lower = upper == 0;
    bool capital = firstk == CL_UPPER && upper == 1;
    int verdict = 0;  /* 0 no, 1 weak, 2 strong */
    if (capital) {
        /* Alibaba|On: a name capitalised inside other sentences, then
         * a sentence opener. LinkedIn, YouTube, PayPal, WhatsApp fail
         * one of the two ("Linked" and "You" start sentences, but are
         * not names). */
        if (lmid && (rstop || ropen) && lcp >= 3)
            verdict = 2;
    } else if (firstk == CL_UPPER) {
        /* HeForShe, GoFundMe: several capitals make a CamelCase name. */
    } else if (lower && summ__seg_in_stop(g, x->a, llen)) {
        /* "atLabour's": a lost space after a function word, which
         * cannot end a sentence. */
    } else if (lcp >= 2) {
        if (rstop || ropen)
            verdict = 2;
        else if (lower && lword && lcp >= 3 && rcp >= 3)
            verdict = 2;
        else if (lower && lcp >= 3 && rcp >= 4)
            verdict = 1;
    }
    /* The single lower-case prefix of iPhone, eBay fails lcp >= 2 in
     * every branch. */
    return verdict;
}

/* Is a lower-case letter followed by an upper-case one anywhere in
 * s[start .. len)? Pass 1 needs such a case change for a candidate, and
 * four texts in five have none: this looks for one eight ASCII bytes at
 * a time (a fraction of what pass 1 costs), so that those texts skip the
 * passes altogether. */
static bool
any_case_change(const unsigned char *s, size_t start, size_t len)
{
    bool lower = false;  /* the code point before i is a lower-case letter */
    for (size_t i = start; i < len;) {
#if SUMM_VEC16
        /* 64 bytes at a time while they are ASCII, where the machine can:
         * the lower-case lanes moved one place on, and-ed with the
         * upper-case ones */
        if (len - i >= 64 && !(lower && s[i] >= 'A' && s[i] <= 'Z')) {
            v16 carry = _mm_setzero_si128();  /* a lower-case last byte of the block before */
            size_t i0 = i;
            while (len - i >= 64) {
                v16 v[4], hit = _mm_setzero_si128(), high;
                for (int b = 0; b < 4; b++)
                    v[b] = v16_load(s + i + 16 * b);
                high = _mm_or_si128(_mm_or_si128(v[0], v[1]), _mm_or_si128(v[2], v[3]));
                if (v16_high(high))
                    break;  /* a byte past ASCII: the loops below */
                for (int b = 0; b < 4; b++) {
                    v16 lo = v16_in_lanes(v[b], 'a', 'z'), up = v16_in_lanes(v[b], 'A', 'Z');
                    hit = _mm_or_si128(hit, _mm_and_si128(_mm_or_si128(v16_next(lo), carry), up));
                    carry = v16_last_to_first(lo);
                }
                if (v16_high(hit))
                    return true;
                i += 64;
            }
            if (i > i0)
                lower = s[i - 1] >= 'a' && s[i - 1] <= 'z';
            if (len - i < 16)
                continue;
        }
        if (len - i >= 16) {  /* sixteen at a time where the machine can */
            v16 v = v16_load(s + i);
            if (!v16_high(v)) {
                unsigned lo = v16_in(v, 'a', 'z'), up = v16_in(v, 'A', 'Z');
                if (((lo << 1) & up) || (lower && (up & 1)))
                    return true;
                lower = lo >> 15 & 1;
                i += 16;
                continue;
            }
        }
#endif
        if (len - i >= 8) {
            uint64_t w = summ__load64(s + i);  /* byte k of the text is byte k of w */
            if (!(w & SUMM_HIGHS)) {
                uint64_t lo = bytes_in(w, 'a', 'z'), up = bytes_in(w, 'A', 'Z');
                if (((lo << 8) & up) || (lower && (up & 0x80)))
                    return true;
                lower = lo >> 63;
                i += 8;
                continue;
            }
        }
        int32_t c;
        size_t n = dec(s, i, len, &c);
        int k = cclass(c);
        if (lower && k == CL_UPPER)
            return true;
        lower = k == CL_LOWER;
        i += n;
    }
    return false;
}

summ_status
summ__seg_find_glue(seg *g, size_t start)
{
    const salloc *al = g->d->ar->al;
    glue_list gl = { NULL, 0, 0 };
    qtab q;
    if (!any_case_change(g->s, start, g->len))
        return SUMM_OK;
    summ_status st = find_candidates(g, start, &gl);
    glue_cand *cand = gl.cand;
    size_t ncand = gl.n;
    if (st != SUMM_OK || ncand == 0 || (st = count_parts(g, start, cand, ncand, &q)) != SUMM_OK)
        goto out;
    /* Strong evidence first; a document shown to have lost its boundaries
     * (two strong cases) also gets the weaker ones. */
    unsigned char *dec_of = summ__arena_calloc(g->d->ar, ncand, 1);
    if (!dec_of) {
        st = SUMM_ENOMEM;
        goto out;
    }
    size_t strong = 0;
    for (size_t c = 0; c < ncand; c++) {
        dec_of[c] = (unsigned char)verdict_of(g, &cand[c], &q);
        strong += dec_of[c] == 2;
    }
    for (size_t c = 0; c < ncand; c++) {
        if (dec_of[c] == 2 || (dec_of[c] == 1 && strong >= 2)) {
            if (!summ__grow(al, (void **)&g->glue, &g->capglue, g->nglue + 1, sizeof *g->glue)) {
                st = SUMM_ENOMEM;
                goto out;
            }
            g->glue[g->nglue++] = cand[c].m;
        }
    }
out:
    summ__free(al, gl.cand);
    return st;
}
