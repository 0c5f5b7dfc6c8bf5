/* context.h - the context (struct summ_ctx) and what the top of the
 * library does with it: pipeline.c runs a document through the stages,
 * api.c is the public API. Not installed. */
#ifndef SUMM_CONTEXT_H
#define SUMM_CONTEXT_H

#include <pthread.h>
#include <stdatomic.h>

#include "core/core.h"
#include "core/params.h"
#include "lang/lang.h"
#include "stages.h"

/* One langres per language of the table, made on first use. */
#define LANGRES_MAX 64

/* What a context shares with its clones, and they with theirs: each
 * language's word lists and lexicon, made on first use by whichever of
 * them needs it first, and freed with the last of them. All of them have
 * the same data directory and extra stopwords (a context whose data
 * directory or extra stopwords change leaves its group for a new one). */
typedef struct ctx_group {
    salloc al;
    atomic_size_t refs;
    pthread_mutex_t mu;            /* for making a langdata */
    _Atomic(langdata *) data[LANGRES_MAX];
    _Atomic(langdata *) und;
} ctx_group;

struct summ_ctx {
    salloc al;
    params p;
    const lang_info *fixed_lang;   /* from p.language; NULL = detect */
    ctx_group *group;              /* NULL: made on first use */
    langres *res[LANGRES_MAX];     /* index into summ__lang_table; over group's data */
    langres *und;
    lang_cache *lang_cache;        /* detection's indexes, this context's */
    summ_err err;
};

struct summ_result {
    salloc al;
    summ_span *span;
    size_t count;
    size_t nsent;
    const char *language;
    int format;
    unsigned warnings;
    size_t ndocs;         /* the texts it is made of */
    summ_keyword *kw;
    size_t nkw;
    char *strings;        /* the texts of span[] and kw[], back to back */
};

/* How a run ends: the sentences a result gets. */
typedef enum run_mode {
    RUN_SUMMARY,  /* the chosen sentences */
    RUN_RANK,     /* every sentence, scored, the chosen ones flagged */
    RUN_SPLIT     /* every sentence, no scoring */
} run_mode;

/* The texts of one run: each read and segmented on its own (part[k]),
 * and the document the stages see (all): part[0] itself for one text, else
 * their clean texts back to back, part k's from byte base[k] and its
 * sentences from first[k] (first[n] is the total). */
typedef struct docset {
    arena *ar;            /* of the run: everything of the parts lives in it */
    doc *part;
    size_t n;
    doc *all;
    size_t *base;
    size_t *first;
} docset;

/* A new result (result.c): spans of the sentences idx[0 .. n) of ds->all
 * (each with its score if it was scored, SUMM_FLAG_SELECTED if chosen[]
 * says so; chosen may be NULL), mapped back to their own text's bytes, and
 * the keywords kw[0 .. nkw). */
summ_status summ__make_result(summ_ctx *ctx, const docset *ds, const size_t *idx, size_t n,
                              const bool *chosen, const struct keyword *kw, size_t nkw,
                              summ_result **out);

/* Run texts[0 .. n) (lengths lens) through the pipeline (pipeline.c) into
 * a new result: one text, or several as one. */
summ_status summ__run(summ_ctx *ctx, const char *const *texts, const size_t *lens, size_t n,
                      run_mode mode, summ_result **out);

/* Free what the stages allocated for d outside its arena, then the arena
 * (pipeline.c). */
void summ__doc_free(doc *d);

/* The resources of lang in ctx, made on first use (pipeline.c). */
summ_status summ__ctx_langres(summ_ctx *ctx, const lang_info *lang, langres **out);

/* A new group, with one reference (NULL if out of memory); dropping the
 * last reference frees it (pipeline.c). Both accept NULL. */
ctx_group *summ__group_new(const salloc *al);
void summ__group_ref(ctx_group *g);
void summ__group_unref(ctx_group *g);

#endif
