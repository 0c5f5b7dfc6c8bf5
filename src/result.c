/* result.c - results: what a run reports, copied out of the document
 * (spans mapped back to the input, texts, keywords), and the accessors. */
#include <string.h>

#include "context.h"
#include "input/input.h"
#include "text/chars.h"
#include "text/utf8.h"

/* Copy s[0 .. n) to *p with every run of white space one space. */
static size_t
put_collapsed(char *p, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0, i = 0;
    bool gap = false;
    while (i < n) {
        int32_t c;
        size_t m = utf8_dec(u, i, n, &c);
        if (is_space(c)) {
            gap = o > 0;
        } else {
            if (gap)
                p[o++] = ' ';
            gap = false;
            memcpy(p + o, s + i, m);
            o += m;
        }
        i += m;
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
    size_t bytes = 1;
    for (size_t k = 0; k < n; k++)
        bytes += d->sent[idx[k]].end - d->sent[idx[k]].start + 1;
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
