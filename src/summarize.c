/* summarize.c - the public API: contexts, runs, results, errors. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

struct summ_result {
    salloc al;
    summ_span *span;
    uint32_t *flags;
    size_t count;
    size_t nsent;
    const char *language;
    char **kw;
    size_t nkw;
};

summ_status
set_error(struct summ_ctx *ctx, summ_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
    va_end(ap);
    return st;
}

void
summ_options_init(summ_options *o)
{
    if (!o)
        return;
    memset(o, 0, sizeof *o);
    o->max_sentences = 3;
    /* Scoring defaults: chosen on the BBC and CNN development sets by
     * cross-validation (README "How scoring works", tests/bench/tune.py). */
    o->w_textrank = 1.0;
    o->w_tfidf = 0.0;
    o->w_position = 2.5;
    o->position_decay = 3.0;
    o->w_title = 0.0;
    o->w_centroid = 2.0;
    o->w_length = 1.0;
    o->damping = 0.85;
    o->redundancy = 0.7;
    o->similarity = SUMM_SIM_OVERLAP;
    o->w_directed = 0.0;
    o->directed_backward = 0.5;
    o->lead_ratio = 0.12;
    o->lead_adapt = 1.0;
}

static bool
weight_ok(double w)
{
    return isfinite(w) && w >= 0;
}

summ_status
summ_new(const summ_options *opts, summ_ctx **out)
{
    if (!out)
        return SUMM_EINVAL;
    *out = NULL;
    summ_options o;
    if (opts)
        o = *opts;
    else
        summ_options_init(&o);
    if (!(o.ratio >= 0 && o.ratio <= 1) || !weight_ok(o.w_textrank) || !weight_ok(o.w_tfidf)
        || !weight_ok(o.w_position) || !weight_ok(o.w_title) || !weight_ok(o.w_centroid)
        || !weight_ok(o.w_length) || !(o.position_decay > 0) || !isfinite(o.position_decay)
        || !(o.damping >= 0 && o.damping < 1) || !(o.redundancy > 0 && o.redundancy <= 1))
        return SUMM_EINVAL;
    if ((o.similarity != SUMM_SIM_COSINE && o.similarity != SUMM_SIM_OVERLAP
         && o.similarity != SUMM_SIM_BM25)
        || !weight_ok(o.w_directed) || !weight_ok(o.directed_backward)
        || !weight_ok(o.lead_ratio) || !weight_ok(o.lead_adapt))
        return SUMM_EINVAL;

    const lang_info *fixed = NULL;
    if (o.language && *o.language && strcmp(o.language, "auto") != 0) {
        fixed = lang_lookup(o.language);
        if (!fixed)
            return SUMM_ELANG;
    }

    salloc al;
    salloc_init(&al, o.allocator);
    summ_ctx *ctx = s_calloc(&al, 1, sizeof *ctx);
    if (!ctx)
        return SUMM_ENOMEM;
    ctx->al = al;
    ctx->fixed_lang = fixed;
    ctx->erroff = (size_t)-1;
    if (o.language && !(ctx->language = s_strndup(&al, o.language, strlen(o.language))))
        goto nomem;
    if (o.data_dir && !(ctx->data_dir = s_strndup(&al, o.data_dir, strlen(o.data_dir))))
        goto nomem;
    o.language = ctx->language;
    o.data_dir = ctx->data_dir;
    o.allocator = NULL;  /* copied into ctx->al */
    ctx->opts = o;
    *out = ctx;
    return SUMM_OK;
nomem:
    summ_free(ctx);
    return SUMM_ENOMEM;
}

void
summ_free(summ_ctx *ctx)
{
    if (!ctx)
        return;
    salloc al = ctx->al;
    for (size_t i = 0; i < LANGRES_MAX; i++)
        langres_free(&al, ctx->res[i]);
    langres_free(&al, ctx->und);
    lang_cache_free(&al, ctx->lang_cache);
    s_free(&al, ctx->language);
    s_free(&al, ctx->data_dir);
    s_free(&al, ctx);
}

static void
doc_free(doc *d)
{
    const salloc *al = d->ar->al;
    s_free(al, d->sent);
    s_free(al, d->term);
    s_free(al, d->term_stem);
    s_free(al, d->term_first);
    s_free(al, d->word);
    arena_free(d->ar);
}

static summ_result *
result_new(summ_ctx *ctx, size_t count)
{
    summ_result *r = s_calloc(&ctx->al, 1, sizeof *r);
    if (!r)
        return NULL;
    r->al = ctx->al;
    r->language = lang_und.code;
    if (count) {
        r->span = s_calloc(&ctx->al, count, sizeof *r->span);
        r->flags = s_calloc(&ctx->al, count, sizeof *r->flags);
        if (!r->span || !r->flags) {
            summ_result_free(r);
            return NULL;
        }
    }
    return r;
}

/* The steps both summ_run and summ_split take: check, detect, segment. */
static summ_status
prepare(summ_ctx *ctx, const char *text, size_t len, doc *d, summ_result **out)
{
    ctx->errmsg[0] = '\0';
    ctx->erroff = (size_t)-1;
    if (!out)
        return set_error(ctx, SUMM_EINVAL, "no result pointer");
    *out = NULL;
    if (!text && len)
        return set_error(ctx, SUMM_EINVAL, "NULL text with length %zu", len);
    if (!text)
        text = "";

    size_t start, bad;
    summ_status st = input_check(text, len, &start, &bad);
    if (st != SUMM_OK) {
        ctx->erroff = bad;
        if (st == SUMM_EUTF8)
            return set_error(ctx, st, "invalid UTF-8 at byte %zu", bad);
        if (st == SUMM_EBINARY)
            return set_error(ctx, st, "binary data: NUL byte at byte %zu", bad);
        return set_error(ctx, st, "input of %zu bytes is larger than the limit of %zu", len,
                         (size_t)SUMM_MAX_INPUT);
    }

    d->text = text;
    d->len = len;
    d->title = SIZE_MAX;
    d->lang = ctx->fixed_lang ? ctx->fixed_lang : lang_detect(ctx, text + start, len - start);
    d->lr = langres_get(ctx, d->lang, &st);
    if (!d->lr)
        return st == SUMM_ENOMEM ? set_error(ctx, st, "out of memory") : st;
    lex_trim(d->lr);
    st = segment(d, start, &d->lr->abbrev);
    if (st != SUMM_OK)
        return set_error(ctx, st, "out of memory");
    return SUMM_OK;
}

summ_status
summ_split(summ_ctx *ctx, const char *text, size_t len, summ_result **out)
{
    if (!ctx)
        return SUMM_EINVAL;
    arena ar;
    arena_init(&ar, &ctx->al);
    doc d = { .ar = &ar };
    summ_status st = prepare(ctx, text, len, &d, out);
    if (st == SUMM_OK) {
        summ_result *r = result_new(ctx, d.nsent);
        if (!r) {
            st = set_error(ctx, SUMM_ENOMEM, "out of memory");
        } else {
            for (size_t i = 0; i < d.nsent; i++) {
                r->span[i] = (summ_span){ d.sent[i].start, d.sent[i].end - d.sent[i].start, i, 0 };
                r->flags[i] = d.sent[i].flags;
            }
            r->count = r->nsent = d.nsent;
            r->language = d.lang->code;
            *out = r;
        }
    }
    doc_free(&d);
    return st;
}

summ_status
summ_run(summ_ctx *ctx, const char *text, size_t len, summ_result **out)
{
    if (!ctx)
        return SUMM_EINVAL;
    arena ar;
    arena_init(&ar, &ctx->al);
    doc d = { .ar = &ar };
    tfidf v;
    size_t *pick = NULL, npick = 0;
    keyword *kw = NULL;
    size_t nkw = 0;
    summ_result *r = NULL;
    summ_status st = prepare(ctx, text, len, &d, out);
    if (st != SUMM_OK)
        goto done;
    if (d.nsent && (d.sent[0].flags & SUMM_FLAG_HEADING))
        d.title = 0;
    d.keep_words = ctx->opts.max_keywords > 0;
    if ((st = tokenize(&d)) != SUMM_OK || (st = tfidf_build(&d, &v)) != SUMM_OK
        || (st = score(&d, &v, &ctx->opts)) != SUMM_OK)
        goto fail;
    pick = arena_alloc(&ar, (d.nsent ? d.nsent : 1) * sizeof *pick);
    if (!pick) {
        st = SUMM_ENOMEM;
        goto fail;
    }
    if ((st = select_sentences(&d, &v, &ctx->opts, pick, &npick)) != SUMM_OK)
        goto fail;
    if (ctx->opts.max_keywords) {
        /* There cannot be more keywords than distinct terms: a huge
         * max_keywords must not become a huge allocation. */
        size_t kmax = ctx->opts.max_keywords < d.nvocab ? ctx->opts.max_keywords : d.nvocab;
        kw = arena_alloc(&ar, (kmax ? kmax : 1) * sizeof *kw);
        if (!kw) {
            st = SUMM_ENOMEM;
            goto fail;
        }
        if ((st = keywords(&d, kmax, kw, &nkw)) != SUMM_OK)
            goto fail;
    }

    r = result_new(ctx, npick);
    if (!r) {
        st = SUMM_ENOMEM;
        goto fail;
    }
    for (size_t k = 0; k < npick; k++) {
        const sentence *s = &d.sent[pick[k]];
        r->span[k] = (summ_span){ s->start, s->end - s->start, pick[k], d.score[pick[k]] };
        r->flags[k] = s->flags;
    }
    r->count = npick;
    r->nsent = d.nsent;
    r->language = d.lang->code;
    if (nkw) {
        r->kw = s_calloc(&ctx->al, nkw, sizeof *r->kw);
        if (!r->kw) {
            st = SUMM_ENOMEM;
            goto fail;
        }
        for (size_t k = 0; k < nkw; k++) {
            r->kw[k] = s_strndup(&ctx->al, d.text + kw[k].offset, kw[k].length);
            if (!r->kw[k]) {
                st = SUMM_ENOMEM;
                goto fail;
            }
            r->nkw++;
        }
    }
    *out = r;
    goto done;
fail:
    summ_result_free(r);
    if (st == SUMM_ENOMEM)
        set_error(ctx, st, "out of memory");
done:
    doc_free(&d);
    return st;
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

unsigned
summ_result_flags(const summ_result *res, size_t i)
{
    return res && i < res->count ? res->flags[i] : 0;
}

size_t
summ_result_sentences(const summ_result *res)
{
    return res ? res->nsent : 0;
}

const char *
summ_result_language(const summ_result *res)
{
    return res && res->language ? res->language : lang_und.code;
}

size_t
summ_result_keyword_count(const summ_result *res)
{
    return res ? res->nkw : 0;
}

const char *
summ_result_keyword(const summ_result *res, size_t i)
{
    return res && i < res->nkw ? res->kw[i] : NULL;
}

void
summ_result_free(summ_result *res)
{
    if (!res)
        return;
    salloc al = res->al;
    for (size_t i = 0; i < res->nkw; i++)
        s_free(&al, res->kw[i]);
    s_free(&al, res->kw);
    s_free(&al, res->span);
    s_free(&al, res->flags);
    s_free(&al, res);
}

const char *
summ_strerror(summ_status st)
{
    switch (st) {
    case SUMM_OK: return "success";
    case SUMM_ENOMEM: return "out of memory";
    case SUMM_EINVAL: return "invalid argument";
    case SUMM_EUTF8: return "invalid UTF-8";
    case SUMM_EBINARY: return "binary data (NUL byte)";
    case SUMM_ELANG: return "unknown language";
    case SUMM_ETOOBIG: return "input too large";
    case SUMM_EDATA: return "cannot read data file";
    }
    return "unknown error";
}

const char *
summ_errmsg(const summ_ctx *ctx)
{
    return ctx ? ctx->errmsg : "";
}

size_t
summ_error_offset(const summ_ctx *ctx)
{
    return ctx ? ctx->erroff : (size_t)-1;
}

const char *const *
summ_languages(void)
{
    return lang_codes;
}

unsigned
summ_version(void)
{
    return SUMM_VERSION_NUMBER;
}

const char *
summ_version_string(void)
{
    return SUMM_VERSION_STRING;
}
