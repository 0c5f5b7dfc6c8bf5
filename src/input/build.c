/* build.c - clean text with a map back to the input, for the formats
 * that are not plain text. The buffers grow by doubling in the run's
 * arena (what is outgrown stays there until the run ends: at most as much
 * again). Pieces of verbatim input that follow each other in both the
 * input and the clean text are one piece, so a paragraph of HTML text is
 * one entry of the map however long it is. */
#include <string.h>

#include "input/input.h"
#include "text/utf8.h"

void
summ__tb_init(tbuild *b, arena *ar, const char *src, size_t srclen)
{
    memset(b, 0, sizeof *b);
    b->ar = ar;
    b->src = src;
    b->srclen = srclen;
}

/* Room for n more items of size elem in *p (capacity *cap, count have). */
static bool
room(tbuild *b, void **p, size_t *cap, size_t have, size_t n, size_t elem)
{
    if (b->failed)
        return false;
    if (have + n <= *cap)
        return true;
    size_t ncap = *cap ? *cap : 256;
    while (ncap < have + n) {
        if (ncap > SUMM_MAX_INPUT) {
            b->failed = true;
            return false;
        }
        ncap *= 2;
    }
    void *np = summ__arena_calloc(b->ar, ncap, elem);
    if (!np) {
        b->failed = true;
        return false;
    }
    if (have)
        memcpy(np, *p, have * elem);
    *p = np;
    *cap = ncap;
    return true;
}

static void
append(tbuild *b, const char *s, size_t n)
{
    /* one more for the NUL; the clean text must fit the 32-bit offsets */
    if (b->len + n > SUMM_MAX_INPUT) {
        b->failed = true;
        return;
    }
    if (!room(b, (void **)&b->text, &b->cap, b->len, n + 1, 1))
        return;
    memcpy(b->text + b->len, s, n);
    b->len += n;
    b->text[b->len] = '\0';
}

static void
piece(tbuild *b, size_t off, size_t srclen, bool verbatim, bool spread)
{
    if (b->nmap) {
        srcmap *last = &b->map[b->nmap - 1];
        size_t cl = b->len - last->clean;
        if (verbatim && cl == last->srclen && last->src + last->srclen == off) {
            last->srclen += (uint32_t)srclen;  /* extends the verbatim piece before */
            return;
        }
    }
    if (!room(b, (void **)&b->map, &b->capmap, b->nmap, 1, sizeof *b->map))
        return;
    b->map[b->nmap++] = (srcmap){ (uint32_t)b->len, (uint32_t)off, (uint32_t)srclen, spread };
}

void
summ__tb_copy(tbuild *b, size_t off, size_t n)
{
    if (n == 0 || b->failed)
        return;
    piece(b, off, n, true, false);
    append(b, b->src + off, n);
}

void
summ__tb_put(tbuild *b, const char *s, size_t n, size_t off, size_t srclen)
{
    if (n == 0 || b->failed)
        return;
    piece(b, off, srclen, false, false);
    append(b, s, n);
}

void
summ__tb_put_spread(tbuild *b, const char *s, size_t n, size_t off, size_t srclen)
{
    if (n == 0 || b->failed)
        return;
    /* Each character needs an input byte of its own, or two sentences
     * could share one; else the piece maps as a whole. */
    piece(b, off, srclen, false, srclen >= utf8_chars(s, n));
    append(b, s, n);
}

void
summ__tb_label(tbuild *b, const char *s, size_t n)
{
    if (!b->open || b->failed || n == 0)
        return;
    if (n > UINT32_MAX / 2)
        n = UINT32_MAX / 2;
    char *p = summ__arena_alloc(b->ar, n);
    if (!p) {
        b->failed = true;
        return;
    }
    memcpy(p, s, n);
    block *k = &b->blk[b->nblk - 1];
    k->label = p;
    k->label_len = (uint32_t)n;
}

/* Where the input stands at the end of the clean text so far. */
static size_t
src_end(const tbuild *b)
{
    if (!b->nmap)
        return 0;
    const srcmap *m = &b->map[b->nmap - 1];
    return m->src + m->srclen;
}

void
summ__tb_end_block(tbuild *b)
{
    if (b->open && !b->failed)
        b->blk[b->nblk - 1].end = (uint32_t)b->len;
    b->open = false;
}

void
summ__tb_block(tbuild *b, block_kind kind)
{
    summ__tb_end_block(b);
    if (b->failed)
        return;
    if (b->len > 0) {
        /* a blank line ends any unit at the block's edge */
        size_t nl = 0;
        while (nl < 2 && nl < b->len && b->text[b->len - 1 - nl] == '\n')
            nl++;
        if (nl < 2)
            summ__tb_put(b, "\n\n", 2 - nl, src_end(b), 0);
    }
    if (!room(b, (void **)&b->blk, &b->capblk, b->nblk, 1, sizeof *b->blk))
        return;
    b->blk[b->nblk++] = (block){ .start = (uint32_t)b->len, .end = (uint32_t)b->len,
                                 .kind = (uint32_t)kind };
    b->open = true;
}

summ_status
summ__tb_finish(tbuild *b, doc *d)
{
    summ__tb_end_block(b);
    if (b->failed)
        return b->len + 1 > SUMM_MAX_INPUT ? SUMM_ETOOBIG : SUMM_ENOMEM;
    d->text = b->text ? b->text : "";
    d->len = b->len;
    d->start = 0;
    d->map = b->map;
    d->nmap = b->nmap;
    d->blocks = b->blk;
    d->nblocks = b->nblk;
    return SUMM_OK;
}

/* The piece that holds clean byte a (map non-empty). */
static size_t
find_piece(const doc *d, size_t a)
{
    size_t lo = 0, hi = d->nmap;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->map[mid].clean <= a)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The input offset of clean offset x, inside spread piece m of cl bytes
 * (m->clean <= x <= m->clean + cl): its characters share the piece's input
 * bytes evenly, so the offset grows with every character. */
static size_t
spread_at(const doc *d, const srcmap *m, size_t cl, size_t x)
{
    size_t before = utf8_chars(d->text + m->clean, x - m->clean);
    size_t all = before + utf8_chars(d->text + x, m->clean + cl - x);
    return m->src + (all ? (size_t)((uint64_t)before * m->srclen / all) : 0);
}

void
summ__map_span(const doc *d, size_t a, size_t b, size_t *sa, size_t *sb)
{
    if (!d->map || d->nmap == 0 || b <= a) {
        *sa = a;
        *sb = b;
        return;
    }
    size_t k = find_piece(d, a);
    const srcmap *m = &d->map[k];
    size_t cl = (k + 1 < d->nmap ? d->map[k + 1].clean : d->len) - m->clean;
    if (m->spread)
        *sa = spread_at(d, m, cl, a);
    else
        *sa = m->src + (cl == m->srclen ? a - m->clean : 0);
    k = find_piece(d, b - 1);
    m = &d->map[k];
    cl = (k + 1 < d->nmap ? d->map[k + 1].clean : d->len) - m->clean;
    if (m->spread)
        *sb = spread_at(d, m, cl, b);
    else
        *sb = cl == m->srclen ? m->src + (b - m->clean) : m->src + m->srclen;
    if (*sb <= *sa) {
        /* the text runs backwards against the input here: cover it all */
        size_t lo = SIZE_MAX, hi = 0;
        for (size_t j = find_piece(d, a); j <= k; j++) {
            if (d->map[j].src < lo)
                lo = d->map[j].src;
            if (d->map[j].src + d->map[j].srclen > hi)
                hi = d->map[j].src + d->map[j].srclen;
        }
        *sa = hi > lo ? lo : *sa;
        *sb = hi > lo ? hi : *sa;
    }
}

const block *
summ__block_at(const doc *d, size_t pos)
{
    size_t lo = 0, hi = d->nblocks;
    while (lo < hi) {  /* the first block that ends after pos */
        size_t mid = lo + (hi - lo) / 2;
        if (d->blocks[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < d->nblocks && d->blocks[lo].start <= pos)
        return &d->blocks[lo];
    return NULL;
}
