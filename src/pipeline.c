/* pipeline.c - texts through the stages: check each input, read its
 * format, tell the language, segment; then tokenize, score, select and
 * find keywords over all their sentences as one document; then a result
 * that owns copies of what it reports.
 *
 * One text is the document itself. Several (summ_run_multi()) are read and
 * segmented each on its own (their formats, maps and blocks differ), then
 * joined: their clean texts back to back, their sentences renumbered, each
 * knowing its text (sentence.docno), so that one graph ranks them all. */
#include <string.h>

#include "context.h"
#include "input/input.h"

ctx_group *
summ__group_new(const salloc *al)
{
    ctx_group *g = summ__calloc(al, 1, sizeof *g);
    if (!g)
        return NULL;
    g->al = *al;
    if (pthread_mutex_init(&g->mu, NULL) != 0) {
        summ__free(al, g);
        return NULL;
    }
    atomic_init(&g->refs, 1);
    for (size_t i = 0; i < LANGRES_MAX; i++)
        atomic_init(&g->data[i], NULL);
    atomic_init(&g->und, NULL);
    return g;
}

void
summ__group_ref(ctx_group *g)
{
    if (g)
        atomic_fetch_add_explicit(&g->refs, 1, memory_order_relaxed);
}

void
summ__group_unref(ctx_group *g)
{
    if (!g || atomic_fetch_sub_explicit(&g->refs, 1, memory_order_acq_rel) != 1)
        return;
    for (size_t i = 0; i < LANGRES_MAX; i++)
        summ__langdata_free(atomic_load_explicit(&g->data[i], memory_order_relaxed));
    summ__langdata_free(atomic_load_explicit(&g->und, memory_order_relaxed));
    pthread_mutex_destroy(&g->mu);
    salloc al = g->al;
    summ__free(&al, g);
}

/* The group's data of lang, made now if no member has made it yet. */
static summ_status
group_data(summ_ctx *ctx, _Atomic(langdata *) *slot, const lang_info *lang, langdata **out)
{
    ctx_group *g = ctx->group;
    *out = atomic_load_explicit(slot, memory_order_acquire);
    if (*out)
        return SUMM_OK;
    summ_status st = SUMM_OK;
    pthread_mutex_lock(&g->mu);
    *out = atomic_load_explicit(slot, memory_order_relaxed);
    if (!*out) {
        st = summ__langdata_make(&g->al, ctx->p.data_dir, ctx->p.stopwords, lang, out,
                                 &ctx->err);
        if (st == SUMM_OK)
            atomic_store_explicit(slot, *out, memory_order_release);
    }
    pthread_mutex_unlock(&g->mu);
    return st;
}

summ_status
summ__ctx_langres(summ_ctx *ctx, const lang_info *lang, langres **out)
{
    langres **slot;
    size_t idx = 0;
    bool und = lang == &summ__lang_und || !lang->code;
    if (und) {
        slot = &ctx->und;
    } else {
        idx = (size_t)(lang - summ__lang_table);
        if (idx >= LANGRES_MAX)
            return summ__err_set(&ctx->err, SUMM_ELANG, "language table too large");
        slot = &ctx->res[idx];
    }
    if (!*slot) {
        if (!ctx->group && !(ctx->group = summ__group_new(&ctx->al)))
            return SUMM_ENOMEM;
        langdata *ld;
        summ_status st = group_data(ctx, und ? &ctx->group->und : &ctx->group->data[idx], lang,
                                    &ld);
        if (st == SUMM_OK)
            st = summ__langres_new(&ctx->al, ld, false, slot);
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

/* For the formats that read phrases (e-mail replies, PDF furniture, a web
 * page's class/id hints). */
static summ_status
env_list(void *ud, int kind, const char *text, size_t len, const strset **out)
{
    summ_ctx *ctx = ud;
    langres *lr = NULL;
    summ_status st = summ__ctx_langres(ctx, language_of(ctx, text, len), &lr);
    if (st != SUMM_OK)
        return st;
    return summ__langres_list(lr, ctx->p.data_dir, (data_kind)kind, out, &ctx->err);
}

/* What the stages allocated for d outside the run's arena. */
static void
doc_free(const salloc *al, doc *d)
{
    summ__free(al, d->sent);
    summ__free(al, d->term);
    summ__free(al, d->term_stem);
    summ__free(al, d->term_first);
    summ__free(al, d->word);
}

void
summ__doc_free(doc *d)
{
    doc_free(d->ar->al, d);
    summ__arena_free(d->ar);
}

/* Check and read text k of a run into part (its clean text, map, blocks).
 * With several texts an error message says which. */
static summ_status
read_part(summ_ctx *ctx, const docset *ds, size_t k, const char *text, size_t len)
{
    doc *d = &ds->part[k];
    input_env env = { env_stopwords, ctx, env_list, ctx->p.extract != 0 };
    *d = (doc){ .src = text ? text : "", .srclen = len, .ar = ds->ar, .title = SIZE_MAX };
    /* summ__input_read checks the bytes (HTML reads its charset first) */
    summ_status st = summ__input_read(d, ctx->p.input_format, &env, &ctx->err);
    if (st == SUMM_ENOMEM)
        summ__err_set(&ctx->err, st, "out of memory");
    if (st != SUMM_OK && ds->n > 1) {
        char msg[sizeof ctx->err.msg];
        memcpy(msg, ctx->err.msg, sizeof msg);
        size_t off = ctx->err.off;
        summ__err_set(&ctx->err, st, "text %zu: %s", k, msg);
        ctx->err.off = off;
    }
    return st;
}

/* The language of the run: the option's, else the one the most clean
 * bytes of the texts are in (each text told on its own, so that one long
 * text in another language does not make the rest unreadable). */
static summ_status
run_language(summ_ctx *ctx, const docset *ds, const lang_info **out)
{
    if (ctx->fixed_lang || ds->n == 1) {
        *out = language_of(ctx, ds->part[0].text + ds->part[0].start,
                           ds->part[0].len - ds->part[0].start);
        return SUMM_OK;
    }
    /* bytes per language: the table's, and one slot for "und" */
    size_t bytes[LANGRES_MAX + 1] = { 0 }, best_bytes = 0;
    *out = &summ__lang_und;
    for (size_t k = 0; k < ds->n; k++) {
        const doc *d = &ds->part[k];
        const lang_info *l = language_of(ctx, d->text + d->start, d->len - d->start);
        size_t slot = l == &summ__lang_und || !l->code ? LANGRES_MAX
                                                       : (size_t)(l - summ__lang_table);
        if (slot > LANGRES_MAX)
            slot = LANGRES_MAX;
        bytes[slot] += d->len - d->start;
        if (bytes[slot] > best_bytes) {
            best_bytes = bytes[slot];
            *out = l;
        }
    }
    return SUMM_OK;
}

/* Join the segmented parts into ds->all: their clean texts back to back,
 * a blank line between, their sentences renumbered. */
static summ_status
join_parts(summ_ctx *ctx, docset *ds)
{
    doc *all = ds->all;
    size_t len = 0, nsent = 0;
    for (size_t k = 0; k < ds->n; k++) {
        len += ds->part[k].len + 2;
        nsent += ds->part[k].nsent;
    }
    if (len > SUMM_MAX_INPUT)
        return summ__err_set(&ctx->err, SUMM_ETOOBIG,
                             "the texts together are larger than the limit of %zu bytes",
                             (size_t)SUMM_MAX_INPUT);
    char *text = summ__arena_alloc(all->ar, len + 1);
    all->sent = summ__malloc(&ctx->al, (nsent ? nsent : 1) * sizeof *all->sent);
    if (!text || !all->sent)
        return SUMM_ENOMEM;
    all->capsent = nsent;
    size_t at = 0;
    uint32_t para = 0;
    for (size_t k = 0; k < ds->n; k++) {
        const doc *p = &ds->part[k];
        ds->base[k] = at;
        ds->first[k] = all->nsent;
        memcpy(text + at, p->text, p->len);
        uint32_t maxpara = 0;
        for (size_t i = 0; i < p->nsent; i++) {
            sentence s = p->sent[i];
            s.start += (uint32_t)at;
            s.end += (uint32_t)at;
            maxpara = s.para > maxpara ? s.para : maxpara;
            s.para += para;
            s.docno = (uint32_t)k;
            all->sent[all->nsent++] = s;
        }
        para += maxpara + 1;
        at += p->len;
        text[at++] = '\n';
        text[at++] = '\n';
    }
    ds->first[ds->n] = all->nsent;
    text[at] = '\0';
    all->text = text;
    all->len = at;
    all->start = 0;
    all->format = ds->part[0].format;
    all->ndocs = ds->n;
    return SUMM_OK;
}

/* Read and segment every text into ds->all. */
static summ_status
read_all(summ_ctx *ctx, docset *ds, const char *const *texts, const size_t *lens)
{
    summ_status st;
    for (size_t k = 0; k < ds->n; k++) {
        if (!texts[k] && lens[k])
            return summ__err_set(&ctx->err, SUMM_EINVAL, "NULL text %zu with length %zu", k,
                                 lens[k]);
        if ((st = read_part(ctx, ds, k, texts[k], lens[k])) != SUMM_OK)
            return st;
    }
    const lang_info *lang;
    langres *lr;
    if ((st = run_language(ctx, ds, &lang)) != SUMM_OK
        || (st = summ__ctx_langres(ctx, lang, &lr)) != SUMM_OK)
        return st;
    summ__lex_trim(lr);
    const strset *fillers = NULL;
    for (size_t k = 0; k < ds->n; k++) {
        doc *d = &ds->part[k];
        d->lang = lang;
        d->lr = lr;
        /* speech: its fillers are no content (tokenize.c, segment/words.c) */
        if (d->conversation && !fillers
            && (st = summ__langres_list(lr, ctx->p.data_dir, DATA_FILLERS, &fillers, &ctx->err))
                   != SUMM_OK)
            return st;
        if (d->conversation)
            d->fillers = fillers;
        if ((st = summ__segment(d)) != SUMM_OK)
            return st;
    }
    if (ds->n == 1) {
        ds->base[0] = 0;
        ds->first[0] = 0;
        ds->first[1] = ds->part[0].nsent;
        return SUMM_OK;  /* ds->all is part[0] */
    }
    ds->all->lang = lang;
    ds->all->lr = lr;
    /* the first text's reading decides, as it does the format */
    ds->all->conversation = ds->part[0].conversation;
    ds->all->fillers = ds->part[0].fillers;
    return join_parts(ctx, ds);
}

/* The query's pull on the document: d->qrel and d->teleport, sentences
 * with its words flagged; *unmatched when it has content words but the
 * text has none of them. */
static summ_status
apply_query(summ_ctx *ctx, doc *d, const tfidf *v, bool *unmatched)
{
    const char *q = ctx->p.query;
    *unmatched = false;
    if (!q || !*q)
        return SUMM_OK;
    uint32_t *terms, *tf;
    size_t nterms;
    summ_status st = summ__tokenize_query(d, q, strlen(q), &terms, &tf, &nterms);
    if (st == SUMM_OK)
        st = summ__query_relevance(d, v, terms, tf, nterms, ctx->p.query_bias);
    if (st != SUMM_OK)
        return st;
    *unmatched = !d->qrel;
    for (size_t i = 0; d->qrel && i < d->nsent; i++)
        if (d->qrel[i] > 0)
            d->sent[i].flags |= SUMM_FLAG_QUERY;
    return SUMM_OK;
}

/* The words (tokenize.c), then the kind of each sentence (features.c,
 * which reads the words tokenize.c folded and looked up rather than
 * folding them again); the words stay for keywords only. */
static summ_status
words_and_features(doc *d)
{
    summ_status st;
    if ((st = summ__tokenize(d)) != SUMM_OK || (st = summ__features(d)) != SUMM_OK)
        return st;
    if (!d->keep_words) {
        summ__free(d->ar->al, d->word);
        d->word = NULL;
        d->nword = d->capword = 0;
    }
    return SUMM_OK;
}

/* Score and choose: chosen[] of every sentence, and the keywords. */
static summ_status
rank_all(summ_ctx *ctx, doc *d, bool *chosen, keyword **kw, size_t *nkw, unsigned *warnings)
{
    const params *p = &ctx->p;
    arena *ar = d->ar;
    tfidf v;
    summ_status st;
    bool unmatched;
    d->keep_words = p->max_keywords > 0;
    /* room for the words kept, about one per six bytes, at once (grown from
     * nothing they would be copied a dozen times); past 64k words the
     * copies cost little beside the words, and text that is no words takes
     * no room */
    size_t expect = (d->len - d->start) / 6 + 16;
    if (d->keep_words && !summ__grow(d->ar->al, (void **)&d->word, &d->capword,
                                     expect < 65536 ? expect : 65536, sizeof *d->word))
        return SUMM_ENOMEM;
    if ((st = words_and_features(d)) != SUMM_OK)
        return st;
    if (d->title == SIZE_MAX && d->nsent && (d->sent[0].flags & SUMM_FLAG_HEADING))
        d->title = 0;
    if ((st = summ__tfidf_build(d, &v)) != SUMM_OK
        || (st = apply_query(ctx, d, &v, &unmatched)) != SUMM_OK
        || (st = summ__score(d, &v, p, summ__summary_length(d, p))) != SUMM_OK)
        return st;
    if (unmatched)
        *warnings |= SUMM_WARN_QUERY_UNMATCHED;
    size_t *pick = summ__arena_alloc(ar, (d->nsent ? d->nsent : 1) * sizeof *pick), npick;
    if (!pick)
        return SUMM_ENOMEM;
    if ((st = summ__select(d, &v, p, pick, &npick)) != SUMM_OK)
        return st;
    for (size_t k = 0; k < npick; k++)
        chosen[pick[k]] = true;
    if (p->max_keywords && (st = summ__keywords(d, p, kw, nkw)) != SUMM_OK)
        return st;
    return SUMM_OK;
}

summ_status
summ__run(summ_ctx *ctx, const char *const *texts, const size_t *lens, size_t n, run_mode mode,
          summ_result **out)
{
    summ__err_clear(&ctx->err);
    if (!out)
        return summ__err_set(&ctx->err, SUMM_EINVAL, "no result pointer");
    *out = NULL;
    if (n && (!texts || !lens))
        return summ__err_set(&ctx->err, SUMM_EINVAL, "NULL texts or lengths for %zu texts", n);

    arena ar;
    summ__arena_init(&ar, &ctx->al);
    doc joined = { .ar = &ar, .title = SIZE_MAX };
    docset ds = { .ar = &ar, .n = n };
    size_t *idx = NULL, nidx = 0;
    bool *chosen = NULL;
    keyword *kw = NULL;
    size_t nkw = 0;
    unsigned warnings = 0;
    summ_status st = SUMM_OK;

    /* Room for the parts' bookkeeping: at least one of each, so that
     * n == 0 is an empty document like an empty text. */
    size_t np = n ? n : 1;
    ds.part = summ__arena_calloc(&ar, np, sizeof *ds.part);
    ds.base = summ__arena_calloc(&ar, np, sizeof *ds.base);
    ds.first = summ__arena_calloc(&ar, np + 1, sizeof *ds.first);
    if (!ds.part || !ds.base || !ds.first) {
        st = SUMM_ENOMEM;
        goto fail;
    }
    ds.all = n > 1 ? &joined : &ds.part[0];
    if (n == 0) {
        ds.part[0] = (doc){ .src = "", .text = "", .ar = &ar, .title = SIZE_MAX,
                            .lang = &summ__lang_und };
    } else if ((st = read_all(ctx, &ds, texts, lens)) != SUMM_OK) {
        goto fail;
    }
    doc *d = ds.all;
    idx = summ__arena_alloc(&ar, (d->nsent ? d->nsent : 1) * sizeof *idx);
    chosen = summ__arena_calloc(&ar, d->nsent ? d->nsent : 1, sizeof *chosen);
    if (!idx || !chosen) {
        st = SUMM_ENOMEM;
        goto fail;
    }
    /* ranking reads the sentences' kinds after the words; a split only the kinds */
    if (mode != RUN_SPLIT && d->nsent)
        st = rank_all(ctx, d, chosen, &kw, &nkw, &warnings);
    else if (n)
        st = summ__features(d);
    if (st != SUMM_OK)
        goto fail;
    for (size_t i = 0; i < d->nsent; i++)
        if (mode != RUN_SUMMARY || chosen[i])
            idx[nidx++] = i;
    st = summ__make_result(ctx, &ds, idx, nidx, mode == RUN_SPLIT ? NULL : chosen, kw, nkw,
                           out);
    if (st == SUMM_OK)
        (*out)->warnings |= warnings;
fail:
    if (st == SUMM_ENOMEM)
        summ__err_set(&ctx->err, st, "out of memory");
    for (size_t k = 0; ds.part && k < n; k++)
        doc_free(&ctx->al, &ds.part[k]);
    if (n > 1)
        doc_free(&ctx->al, &joined);
    summ__arena_free(&ar);
    return st;
}
