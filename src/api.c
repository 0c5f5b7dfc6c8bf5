/* api.c - the public API: contexts, options, runs, results, errors. Each
 * function checks its arguments and hands the work to the layer below. */
#include <string.h>

#include "context.h"
#include "input/input.h"

/* ---- contexts -------------------------------------------------------------- */

summ_status
summ_new(const summ_allocator *alloc, summ_ctx **out)
{
    if (!out)
        return SUMM_EINVAL;
    *out = NULL;
    salloc al;
    summ__salloc_init(&al, alloc);
    summ_ctx *ctx = summ__calloc(&al, 1, sizeof *ctx);
    if (!ctx)
        return SUMM_ENOMEM;
    ctx->al = al;
    if (!(ctx->group = summ__group_new(&ctx->al))) {
        summ__free(&al, ctx);
        return SUMM_ENOMEM;
    }
    summ__params_default(&ctx->p);
    summ__err_clear(&ctx->err);
    *out = ctx;
    return SUMM_OK;
}

summ_status
summ_clone(const summ_ctx *ctx, summ_ctx **out)
{
    if (!out)
        return SUMM_EINVAL;
    *out = NULL;
    if (!ctx)
        return SUMM_EINVAL;
    salloc al;
    summ__salloc_init(&al, &ctx->al.a);
    summ_ctx *c = summ__calloc(&al, 1, sizeof *c);
    if (!c)
        return SUMM_ENOMEM;
    c->al = al;
    summ__err_clear(&c->err);
    if (!summ__params_copy(&c->al, &c->p, &ctx->p)) {
        summ__free(&al, c);
        return SUMM_ENOMEM;
    }
    c->fixed_lang = ctx->fixed_lang;
    /* the word lists and the lexicons are shared (ctx has no group only if
     * making one failed: then c makes its own on first use) */
    c->group = ctx->group;
    summ__group_ref(c->group);
    *out = c;
    return SUMM_OK;
}

void
summ_free(summ_ctx *ctx)
{
    if (!ctx)
        return;
    salloc al = ctx->al;
    for (size_t i = 0; i < LANGRES_MAX; i++)
        summ__langres_free(ctx->res[i]);
    summ__langres_free(ctx->und);
    summ__group_unref(ctx->group);
    summ__lang_cache_free(&al, ctx->lang_cache);
    summ__params_free(&al, &ctx->p);
    summ__free(&al, ctx);
}

/* ---- options --------------------------------------------------------------- */

/* After an option changed: what is derived from it. */
static void
options_changed(summ_ctx *ctx, int opt)
{
    if (opt == SUMM_OPT_LANGUAGE) {
        const char *l = ctx->p.language;
        ctx->fixed_lang = l && *l && strcmp(l, "auto") != 0 ? summ__lang_lookup(l) : NULL;
    } else if (opt == SUMM_OPT_DATA_DIR || opt == SUMM_OPT_STOPWORDS) {
        /* the word lists come from elsewhere now, or have other words: load
         * them again (the lexicon's cached stems know the old stopwords), in
         * a group of its own (if none can be made now, the first run makes
         * one) */
        for (size_t i = 0; i < LANGRES_MAX; i++) {
            summ__langres_free(ctx->res[i]);
            ctx->res[i] = NULL;
        }
        summ__langres_free(ctx->und);
        ctx->und = NULL;
        summ__group_unref(ctx->group);
        ctx->group = summ__group_new(&ctx->al);
    }
}

summ_status
summ_set_int(summ_ctx *ctx, summ_option opt, long long value)
{
    if (!ctx)
        return SUMM_EINVAL;
    summ__err_clear(&ctx->err);
    summ_status st = summ__params_set_int(&ctx->p, &ctx->al, (int)opt, value, &ctx->err);
    if (st == SUMM_OK)
        options_changed(ctx, (int)opt);
    return st;
}

summ_status
summ_set_double(summ_ctx *ctx, summ_option opt, double value)
{
    if (!ctx)
        return SUMM_EINVAL;
    summ__err_clear(&ctx->err);
    summ_status st = summ__params_set_double(&ctx->p, &ctx->al, (int)opt, value, &ctx->err);
    if (st == SUMM_OK)
        options_changed(ctx, (int)opt);
    return st;
}

summ_status
summ_set_string(summ_ctx *ctx, summ_option opt, const char *value)
{
    if (!ctx)
        return SUMM_EINVAL;
    summ__err_clear(&ctx->err);
    summ_status st = summ__params_set_string(&ctx->p, &ctx->al, (int)opt, value, &ctx->err);
    if (st == SUMM_ENOMEM)
        summ__err_set(&ctx->err, st, "out of memory");
    if (st == SUMM_OK)
        options_changed(ctx, (int)opt);
    return st;
}

summ_status
summ_get_int(const summ_ctx *ctx, summ_option opt, long long *value)
{
    return ctx && value ? summ__params_get_int(&ctx->p, (int)opt, value) : SUMM_EINVAL;
}

summ_status
summ_get_double(const summ_ctx *ctx, summ_option opt, double *value)
{
    return ctx && value ? summ__params_get_double(&ctx->p, (int)opt, value) : SUMM_EINVAL;
}

summ_status
summ_get_string(const summ_ctx *ctx, summ_option opt, const char **value)
{
    return ctx && value ? summ__params_get_string(&ctx->p, (int)opt, value) : SUMM_EINVAL;
}

void
summ_reset_options(summ_ctx *ctx)
{
    if (!ctx)
        return;
    bool had_lists = ctx->p.data_dir != NULL || ctx->p.stopwords != NULL;
    summ__params_free(&ctx->al, &ctx->p);
    summ__params_default(&ctx->p);
    options_changed(ctx, SUMM_OPT_LANGUAGE);
    if (had_lists)
        options_changed(ctx, SUMM_OPT_DATA_DIR);
}

/* ---- runs and results ------------------------------------------------------ */

summ_status
summ_run(summ_ctx *ctx, const char *text, size_t len, summ_result **out)
{
    return ctx ? summ__run(ctx, &text, &len, 1, RUN_SUMMARY, out) : SUMM_EINVAL;
}

summ_status
summ_rank(summ_ctx *ctx, const char *text, size_t len, summ_result **out)
{
    return ctx ? summ__run(ctx, &text, &len, 1, RUN_RANK, out) : SUMM_EINVAL;
}

summ_status
summ_split(summ_ctx *ctx, const char *text, size_t len, summ_result **out)
{
    return ctx ? summ__run(ctx, &text, &len, 1, RUN_SPLIT, out) : SUMM_EINVAL;
}

summ_status
summ_run_multi(summ_ctx *ctx, const char *const *texts, const size_t *lengths, size_t n,
               summ_result **out)
{
    return ctx ? summ__run(ctx, texts, lengths, n, RUN_SUMMARY, out) : SUMM_EINVAL;
}

summ_status
summ_rank_multi(summ_ctx *ctx, const char *const *texts, const size_t *lengths, size_t n,
                summ_result **out)
{
    return ctx ? summ__run(ctx, texts, lengths, n, RUN_RANK, out) : SUMM_EINVAL;
}

/* ---- errors, languages, formats, version ------------------------------------ */

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
    case SUMM_EFORMAT: return "unsupported input format";
    }
    return "unknown error";
}

const char *
summ_errmsg(const summ_ctx *ctx)
{
    return ctx ? ctx->err.msg : "";
}

size_t
summ_error_offset(const summ_ctx *ctx)
{
    return ctx ? ctx->err.off : (size_t)-1;
}

const char *const *
summ_languages(void)
{
    return summ__lang_codes;
}

const char *
summ_language_name(const char *lang)
{
    const lang_info *l = summ__lang_lookup(lang);
    return l && l != &summ__lang_und ? l->name : NULL;
}

const char *
summ_format_name(summ_format fmt)
{
    return summ__format_name((int)fmt);
}

int
summ_format_lookup(const char *name)
{
    return summ__format_lookup(name);
}

int
summ_format_supported(summ_format fmt)
{
    return summ__format_supported((int)fmt);
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
