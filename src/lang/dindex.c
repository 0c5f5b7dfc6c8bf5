/* dindex.c - the profiles of language detection, parsed and indexed for
 * its word scan (see dindex.h). Built once per context and script, kept
 * in the context's lang_cache (detect.c). */
#include <string.h>

#include "core/core.h"
#include "lang/dindex.h"
#include "lang/script.h"
#include "text/utf8.h"

int
summ__dentry_script(const char *t, size_t a, size_t b)
{
    if (a < b && (t[a] == '-' || t[a] == '~'))
        a++;
    if (a >= b)
        return -1;
    int32_t c;
    utf8_decode((const unsigned char *)t + a, (const unsigned char *)t + b, &c);
    return script_of(c);
}

void
summ__ptable_build(ptable *pt)
{
    pt->n = 0;
    for (const builtin_list *l = summ__builtin_lists; l->code; l++) {
        if (l->kind != DATA_PROFILE || pt->n == MAX_PROFILES)
            continue;  /* more than MAX_PROFILES: test_lang checks there are not */
        profile *p = &pt->p[pt->n++];
        *p = (profile){ l->code, l->text, l->len, 0, 0 };
        size_t pos = 0, a, b;
        while (summ__list_next(p->text, p->len, &pos, &a, &b)) {
            int sc = summ__dentry_script(p->text, a, b);
            if (sc >= 0)
                p->scripts |= 1u << sc;
        }
    }
}

/* The key words of s[0 .. n): its first 16 bytes, zero-padded. */
static void
key_of(const char *s, size_t n, uint64_t *w0, uint64_t *w1)
{
    unsigned char k[16] = { 0 };
    memcpy(k, s, n < 16 ? n : 16);
    *w0 = load_text64(k);
    *w1 = load_text64(k + 8);
}

static void
add_word(windex *ix, const char *s, size_t n, uint64_t bit)
{
    uint64_t w0, w1;
    key_of(s, n, &w0, &w1);
    if (n <= 16) {
        size_t size = (size_t)1 << WORD_BITS;
        size_t j = (size_t)(dindex_hash(w0, w1, n) >> (64 - WORD_BITS));
        while (ix->word[j].mask && !(ix->word[j].w0 == w0 && ix->word[j].w1 == w1))
            j = (j + 1) & (size - 1);
        wslot *e = &ix->word[j];
        if (!e->mask) {
            if (++ix->nwords > size / 4 * 3) {
                ix->full = true;
                return;
            }
            e->w0 = w0;
            e->w1 = w1;
        }
        e->mask |= bit;
        return;
    }
    size_t j = (size_t)(dindex_hash(w0, w1, n) >> (64 - LONG_BITS));
    while (ix->lng[j].mask && !(ix->lng[j].len == n && ix->lng[j].w0 == w0
                                && ix->lng[j].w1 == w1
                                && memcmp(ix->lng[j].rest, s + 16, n - 16) == 0))
        j = (j + 1) & (LONG_SLOTS - 1);
    lslot *e = &ix->lng[j];
    if (!e->mask) {
        if (++ix->nlong > LONG_SLOTS / 2) {
            ix->full = true;
            return;
        }
        *e = (lslot){ w0, w1, 0, s + 16, n };
    }
    e->mask |= bit;
}

/* An ending or letters s[0 .. n) of key into part[*np] (room for max),
 * in the chain of its key's bucket in b[1 << bits] by length, or merged
 * with an equal one there. */
static void
add_part(windex *ix, dpart *part, size_t *np, size_t max, bucket *b, unsigned bits,
         const char *s, size_t n, uint32_t key, uint64_t bit)
{
    uint64_t w0, w1;
    key_of(s, n, &w0, &w1);
    size_t j = bucket_hash(key, bits);
    while (b[j].head && b[j].key != key)
        j = (j + 1) & (((size_t)1 << bits) - 1);
    uint16_t *link = &b[j].head;  /* where the chain goes on: the new part after it */
    for (; *link; link = &part[*link - 1].next) {
        dpart *q = &part[*link - 1];
        if (q->len == n && q->w0 == w0 && q->w1 == w1
            && (n <= 16 || memcmp(q->rest, s + 16, n - 16) == 0)) {
            q->mask |= bit;
            return;
        }
        if (q->len > n)
            break;
    }
    if (*np == max) {
        ix->full = true;
        return;
    }
    b[j].key = key;
    part[*np] = (dpart){ w0, w1, bit, n > 16 ? s + 16 : NULL, key, *link, (uint8_t)n };
    *link = (uint16_t)++*np;
}

void
summ__dindex_build(windex *ix, const ptable *pt, int want)
{
    memset(ix, 0, sizeof *ix);
    ix->pt = pt;
    for (size_t k = 1; k <= MAX_PROFILES; k++) {
        ix->share[0][k] = 1.0 / (double)k;
        ix->share[1][k] = ENDING_WEIGHT / (double)k;
    }
    for (size_t p = 0; p < pt->n; p++) {
        const char *s = pt->p[p].text;
        uint64_t bit = (uint64_t)1 << p;
        size_t pos = 0, a, b;
        while (summ__list_next(s, pt->p[p].len, &pos, &a, &b)) {
            if (b - a > 255 || summ__dentry_script(s, a, b) != want)
                continue;
            const unsigned char *u = (const unsigned char *)s + a + 1;
            size_t n = b - a - 1;
            if (s[a] == '-') {
                /* the scan looks for endings of 1 to 4 characters */
                if (n == 0 || n > 16 || utf8_chars(s + a + 1, n) > ENDING_CHARS)
                    continue;
                if (n == 1) {  /* by its byte */
                    if (ix->end1[u[0]]) {
                        ix->end[ix->end1[u[0]] - 1].mask |= bit;
                    } else if (ix->nend == END_MAX) {
                        ix->full = true;
                    } else {
                        ix->end[ix->nend] = (dpart){ u[0], 0, bit, NULL, 0x10000u | u[0], 0, 1 };
                        ix->end1[u[0]] = (uint16_t)++ix->nend;
                        ix->has_end1 = true;
                    }
                    continue;
                }
                add_part(ix, ix->end, &ix->nend, END_MAX, ix->tail, TAIL_BITS, s + a + 1, n,
                         (uint32_t)u[n - 2] | (uint32_t)u[n - 1] << 8, bit);
            } else if (s[a] == '~') {
                if (n < 3 || n > LETTERS_MAX)
                    continue;
                uint32_t k3 = (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16;
                add_part(ix, ix->mid, &ix->nmid, MID_MAX, ix->pre, PRE_BITS, s + a + 1, n, k3, bit);
                unsigned t = mid_bit(k3);
                ix->midbits[t >> 6] |= (uint64_t)1 << (t & 63);
            } else {
                add_word(ix, s + a, b - a, bit);
            }
        }
    }
}
