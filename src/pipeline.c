/* pipeline.c - one document through the stages: check the input, read
 * its format, tell its language, segment, tokenize, score, select, find
 * keywords; then a result that owns copies of what it reports. */
#include <string.h>

#include "context.h"
#include "input/input.h"

summ_status
summ__ctx_langres(summ_ctx *ctx, const lang_info *lang, langres **out)
{
    langres **slot;
    if (lang == &summ__lang_und || !lang->code) {
        slot = &ctx->und;
    } else {
        size_t idx = (size_t)(lang - summ__lang_table);
        if (idx >= LANGRES_MAX)
            return summ__err_set(&ctx->err, SUMM_ELANG, "language table too large");
        slot = &ctx->res[idx];
    }
    if (!*slot) {
        summ_status st = summ__langres_make(&ctx->al, ctx->p.data_dir, lang, slot, &ctx->err);
        if (st != SUMM_OK)
            return st;
    }
    *out = *slot;
    return SUMM_OK;
}

static const lang_info *
language_of(summ_ctx *ctx, const char *text, size_t len)
{
    return ctx->fixed_lang ? ctx->fixed_lang
                           : summ__lang_detect(&ctx->lang_cache, &ctx->al, text, len);
}

/* For the formats that weigh blocks by their stopwords. */
static const strset *
env_stopwords(void *ud, const char *text, size_t len)
{
    summ_ctx *ctx = ud;
    langres *lr = NULL;
    if (summ__ctx_langres(ctx, language_of(ctx, text, len), &lr) != SUMM_OK)
        return NULL;
    return &lr->stop;
}

static void
doc_free(doc *d)
{
    const salloc *al = d->ar->al;
    summ__free(al, d->sent);
    summ__free(al, d->term);
    summ__free(al, d->term_stem);
    summ__free(al, d->term_first);
    summ__free(al, d->word);
    summ__arena_free(d->ar);
}

summ_status
summ__run(summ_ctx *ctx, const char *text, size_t len, run_mode mode, summ_result **out)
{
    summ__err_clear(&ctx->err);
    if (!out)
        return summ__err_set(&ctx->err, SUMM_EINVAL, "no result pointer");
    *out = NULL;
    if (!text && len)
        return summ__err_set(&ctx->err, SUMM_EINVAL, "NULL text with length %zu", len);
    if (!text)
        text = "";

    arena ar;
    summ__arena_init(&ar, &ctx->al);
    doc d = { .src = text, .srclen = len, .ar = &ar, .title = SIZE_MAX };
    const params *p = &ctx->p;
    tfidf v;
    size_t *pick = NULL, npick = 0, *idx = NULL;
    keyword *kw = NULL;
    size_t nkw = 0;
    bool *chosen = NULL;
    input_env env = { env_stopwords, ctx };

    summ_status st = summ__input_check(text, len, &d.start, &ctx->err);
    if (st != SUMM_OK)
        goto done;
    if ((st = summ__input_read(&d, p->input_format, &env, &ctx->err)) != SUMM_OK)
        goto fail;
    d.lang = language_of(ctx, d.text + d.start, d.len - d.start);
    if ((st = summ__ctx_langres(ctx, d.lang, &d.lr)) != SUMM_OK)
        goto fail;
    summ__lex_trim(d.lr);
    if ((st = summ__segment(&d)) != SUMM_OK || (st = summ__features(&d)) != SUMM_OK)
        goto fail;

    if (mode == RUN_SPLIT) {
        idx = summ__arena_alloc(&ar, (d.nsent ? d.nsent : 1) * sizeof *idx);
        if (!idx) {
            st = SUMM_ENOMEM;
            goto fail;
        }
        for (size_t i = 0; i < d.nsent; i++)
            idx[i] = i;
        st = summ__make_result(ctx, &d, idx, d.nsent, NULL, NULL, 0, out);
        goto fail;
    }

    if (d.title == SIZE_MAX && d.nsent && (d.sent[0].flags & SUMM_FLAG_HEADING))
        d.title = 0;
    d.keep_words = p->max_keywords > 0;
    if ((st = summ__tokenize(&d)) != SUMM_OK || (st = summ__tfidf_build(&d, &v)) != SUMM_OK
        || (st = summ__score(&d, &v, p, summ__summary_length(&d, p))) != SUMM_OK)
        goto fail;
    pick = summ__arena_alloc(&ar, (d.nsent ? d.nsent : 1) * sizeof *pick);
    if (!pick) {
        st = SUMM_ENOMEM;
        goto fail;
    }
    if ((st = summ__select(&d, &v, p, pick, &npick)) != SUMM_OK)
        goto fail;
    if (p->max_keywords) {
        /* There cannot be more keywords than distinct terms: a huge
         * max_keywords must not become a huge allocation. */
        size_t kmax = p->max_keywords < d.nvocab ? p->max_keywords : d.nvocab;
        kw = summ__arena_alloc(&ar, (kmax ? kmax : 1) * sizeof *kw);
        if (!kw) {
            st = SUMM_ENOMEM;
            goto fail;
        }
        if ((st = summ__keywords(&d, kmax, kw, &nkw)) != SUMM_OK)
            goto fail;
    }
    if (mode == RUN_RANK) {
        idx = summ__arena_alloc(&ar, (d.nsent ? d.nsent : 1) * sizeof *idx);
        chosen = summ__arena_calloc(&ar, d.nsent ? d.nsent : 1, sizeof *chosen);
        if (!idx || !chosen) {
            st = SUMM_ENOMEM;
            goto fail;
        }
        for (size_t i = 0; i < d.nsent; i++)
            idx[i] = i;
        for (size_t k = 0; k < npick; k++)
            chosen[pick[k]] = true;
        st = summ__make_result(ctx, &d, idx, d.nsent, chosen, kw, nkw, out);
    } else {
        chosen = summ__arena_calloc(&ar, d.nsent ? d.nsent : 1, sizeof *chosen);
        if (!chosen) {
            st = SUMM_ENOMEM;
            goto fail;
        }
        for (size_t k = 0; k < npick; k++)
            chosen[pick[k]] = true;
        st = summ__make_result(ctx, &d, pick, npick, chosen, kw, nkw, out);
    }
fail:
    if (st == SUMM_ENOMEM)
        summ__err_set(&ctx->err, st, "out of memory");
done:
    doc_free(&d);
    return st;
}
