/* result.c - results: what a run reports, copied out of the document
 * (spans mapped back to the input, texts, keywords), and the accessors. */
#include <string.h>

#include "context.h"
#include "input/input.h"
#include "text/bits.h"
#include "text/chars.h"
#include "text/utf8.h"

/* Copy s[0 .. n) to *p with every run of white space one space (none at
 * the ends). Runs of other characters are copied whole. */
static size_t
put_collapsed(char *p, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    /* the common case, printable ASCII with single spaces between words,
     * is copied as it is */
    size_t i = 0;
    while (i < n) {
        if ((unsigned)(u[i] - 0x21) < 0x5E) {  /* printable, not a space */
            i++;
        } else if (u[i] == ' ' && i > 0 && i + 1 < n && (unsigned)(u[i + 1] - 0x21) < 0x5E) {
            i += 2;
        } else {
            break;
        }
    }
    if (i == n) {
        memcpy(p, s, n);
        p[n] = '\0';
        return n;
    }
    size_t o = 0;
    i = 0;
    while (i < n) {
        size_t j = i, m = 0;
        int32_t c = 0;
        /* eight printable ASCII bytes (no space among them) at a time */
        for (uint64_t w; j + 8 <= n && !((w = load64(u + j)) & SUMM_HIGHS)
                         && !((w - SUMM_ONES * 0x21) & ~w & SUMM_HIGHS);)
            j += 8;
        while (j < n) {  /* j: the first space, m its length */
            if (u[j] < 0x80) {
                c = u[j];
                m = 1;
            } else {
                m = utf8_dec(u, j, n, &c);
            }
            if (is_space(c))
                break;
            j += m;
        }
        if (j > i) {
            if (o > 0)
                p[o++] = ' ';
            memcpy(p + o, s + i, j - i);
            o += j - i;
        }
        for (i = j; i < n; i += m) {
            if (u[i] < 0x80) {
                c = u[i];
                m = 1;
            } else {
                m = utf8_dec(u, i, n, &c);
            }
            if (!is_space(c))
                break;
        }
    }
    p[o] = '\0';
    return o;
}

/* The part the clean-text byte off of ds->all is in. */
static size_t
part_of(const docset *ds, size_t off)
{
    size_t lo = 0, hi = ds->n ? ds->n : 1;  /* base[lo] <= off < base[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (ds->base[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The block of sentence s (of ds->all) that gives it a label, or NULL:
 * blocks are the parts' own, at their clean offsets. */
static const block *
label_of(const docset *ds, const sentence *s)
{
    size_t part = ds->n > 1 ? s->docno : 0;
    const doc *p = &ds->part[part];
    if (!p->nblocks)
        return NULL;
    const block *bk = summ__block_at(p, s->start - ds->base[part]);
    return bk && bk->label ? bk : NULL;
}

/* The result: spans of the sentences idx[0 .. n) (each with its score if
 * scored, flagged if chosen[]), and the keywords. */
summ_status
summ__make_result(summ_ctx *ctx, const docset *ds, const size_t *idx, size_t n,
                  const bool *chosen, const keyword *kw, size_t nkw, summ_result **out)
{
    const salloc *al = &ctx->al;
    const doc *d = ds->all;
    summ_result *r = summ__calloc(al, 1, sizeof *r);
    if (!r)
        return SUMM_ENOMEM;
    r->al = ctx->al;
    r->nsent = d->nsent;
    r->ndocs = ds->n;
    r->language = d->lang ? d->lang->code : summ__lang_und.code;
    r->format = d->format;
    if (d->lr && d->lr->no_stemmer)
        r->warnings |= SUMM_WARN_NO_STEMMER;
    for (size_t k = 0; k < ds->n; k++)
        r->warnings |= ds->part[k].warnings;
    size_t bytes = 1;
    for (size_t k = 0; k < n; k++) {
        const sentence *s = &d->sent[idx[k]];
        const block *bk = label_of(ds, s);
        bytes += s->end - s->start + 1 + (bk ? bk->label_len + 1 : 0);
    }
    for (size_t k = 0; k < nkw; k++)
        bytes += kw[k].length + 1;
    r->span = summ__calloc(al, n ? n : 1, sizeof *r->span);
    r->kw = summ__calloc(al, nkw ? nkw : 1, sizeof *r->kw);
    r->strings = summ__malloc(al, bytes);
    if (!r->span || !r->kw || !r->strings) {
        summ_result_free(r);
        return SUMM_ENOMEM;
    }
    char *p = r->strings;
    for (size_t k = 0; k < n; k++) {
        const sentence *s = &d->sent[idx[k]];
        size_t part = ds->n > 1 ? s->docno : 0, base = ds->base[part];
        size_t sa, sb, tl = s->end - s->start;
        summ__map_span(&ds->part[part], s->start - base, s->end - base, &sa, &sb);
        memcpy(p, d->text + s->start, tl);
        p[tl] = '\0';
        unsigned flags = s->flags | (chosen && chosen[idx[k]] ? SUMM_FLAG_SELECTED : 0);
        r->span[k] = (summ_span){ .offset = sa, .length = sb - sa,
                                  .index = idx[k] - ds->first[part],
                                  .score = d->score ? d->score[idx[k]] : 0, .flags = flags,
                                  .text = p, .text_length = tl, .document = part };
        p += tl + 1;
        const block *bk = label_of(ds, s);
        if (bk) {
            memcpy(p, bk->label, bk->label_len);
            p[bk->label_len] = '\0';
            r->span[k].label = p;
            r->span[k].label_length = bk->label_len;
            p += bk->label_len + 1;
        }
    }
    r->count = n;
    for (size_t k = 0; k < nkw; k++) {
        size_t sa, sb, part = part_of(ds, kw[k].offset), base = ds->base[part];
        summ__map_span(&ds->part[part], kw[k].offset - base, kw[k].offset + kw[k].length - base,
                       &sa, &sb);
        size_t tl = put_collapsed(p, d->text + kw[k].offset, kw[k].length);
        r->kw[k] = (summ_keyword){ .text = p, .text_length = tl, .offset = sa, .length = sb - sa,
                                   .score = kw[k].score, .count = kw[k].count,
                                   .document = part };
        p += tl + 1;
    }
    r->nkw = nkw;
    *out = r;
    return SUMM_OK;
}

size_t
summ_result_documents(const summ_result *res)
{
    return res ? res->ndocs : 0;
}

size_t
summ_result_count(const summ_result *res)
{
    return res ? res->count : 0;
}

const summ_span *
summ_result_at(const summ_result *res, size_t i)
{
    return res && i < res->count ? &res->span[i] : NULL;
}

size_t
summ_result_sentences(const summ_result *res)
{
    return res ? res->nsent : 0;
}

const char *
summ_result_language(const summ_result *res)
{
    return res && res->language ? res->language : summ__lang_und.code;
}

summ_format
summ_result_format(const summ_result *res)
{
    return res && res->format ? (summ_format)res->format : SUMM_FORMAT_TEXT;
}

unsigned
summ_result_warnings(const summ_result *res)
{
    return res ? res->warnings : 0;
}

size_t
summ_result_keyword_count(const summ_result *res)
{
    return res ? res->nkw : 0;
}

const summ_keyword *
summ_result_keyword(const summ_result *res, size_t i)
{
    return res && i < res->nkw ? &res->kw[i] : NULL;
}

void
summ_result_free(summ_result *res)
{
    if (!res)
        return;
    salloc al = res->al;
    summ__free(&al, res->span);
    summ__free(&al, res->kw);
    summ__free(&al, res->strings);
    summ__free(&al, res);
}
