/* langres.c - what a language needs, loaded once per context on first
 * use: its stopwords, abbreviations, sentence openers, particles no
 * sentence ends with, boilerplate phrases and the words that make poor
 * keywords (core/data.c), its Snowball stemmer, and the lexicon that
 * caches stems (stem.c).
 *
 * libstemmer allocates its stemmers with malloc(3), not through the
 * caller's allocator (it has no hook for one): one small object per
 * language used, freed with the context. An algorithm this libstemmer does
 * not have means no stemming for that language, flagged (no_stemmer), not
 * an error. */
#include <string.h>

#include <libstemmer.h>

#include "lang/lang.h"
#include "stages.h"

void
summ__langres_free(langres *lr)
{
    if (!lr)
        return;
    const salloc *al = lr->al;
    if (lr->stemmer)
        sb_stemmer_delete(lr->stemmer);
    summ__strset_free(&lr->stop);
    summ__strset_free(&lr->abbrev);
    summ__strset_free(&lr->boiler);
    summ__strset_free(&lr->kwstop);
    summ__strset_free(&lr->openers);
    summ__strset_free(&lr->nonfinal);
    for (int k = 0; k < DATA_KINDS; k++)
        summ__strset_free(&lr->list[k]);
    summ__lex_free(lr->lex);
    summ__free(al, lr);
}

/* Does this libstemmer have the algorithm? sb_stemmer_new() answers NULL
 * both for an unknown name and when out of memory. */
static bool
have_algorithm(const char *name)
{
    for (const char **p = sb_stemmer_list(); *p; p++)
        if (strcmp(*p, name) == 0)
            return true;
    return false;
}

summ_status
summ__langres_make(const salloc *al, const char *data_dir, const char *extra_stop,
                   const lang_info *lang, langres **out, summ_err *err)
{
    *out = NULL;
    langres *lr = summ__calloc(al, 1, sizeof *lr);
    if (!lr)
        return SUMM_ENOMEM;
    lr->al = al;
    lr->info = lang;
    summ__strset_init(&lr->stop, al);
    summ__strset_init(&lr->abbrev, al);
    summ__strset_init(&lr->boiler, al);
    summ__strset_init(&lr->kwstop, al);
    summ__strset_init(&lr->openers, al);
    summ__strset_init(&lr->nonfinal, al);
    for (int k = 0; k < DATA_KINDS; k++)
        summ__strset_init(&lr->list[k], al);
    lr->lex = summ__lex_new(al);
    if (!lr->lex) {
        summ__langres_free(lr);
        return SUMM_ENOMEM;
    }
    summ_status st = SUMM_OK;
    if (lang != &summ__lang_und) {
        if ((st = summ__data_load(al, data_dir, lang->code, DATA_STOPWORDS, false, &lr->stop,
                                  err)) != SUMM_OK
            || (st = summ__data_load(al, data_dir, lang->code, DATA_ABBREV, true, &lr->abbrev,
                                     err)) != SUMM_OK
            || (st = summ__data_load(al, data_dir, lang->code, DATA_KEYWORDS, false,
                                     &lr->kwstop, err)) != SUMM_OK
            || (st = summ__data_load(al, data_dir, lang->code, DATA_OPENERS, false,
                                     &lr->openers, err)) != SUMM_OK
            || (st = summ__data_load(al, data_dir, lang->code, DATA_NONFINAL, false,
                                     &lr->nonfinal, err)) != SUMM_OK)
            goto fail;
        if (lang->snowball) {
            if (!have_algorithm(lang->snowball)) {
                lr->no_stemmer = true;
            } else if (!(lr->stemmer = sb_stemmer_new(lang->snowball, "UTF_8"))) {
                st = SUMM_ENOMEM;
                goto fail;
            }
        }
    }
    /* The caller's own stopwords, for any language (also "none": asked for,
     * so honoured). */
    if (extra_stop && !summ__strset_load_words(&lr->stop, extra_stop, strlen(extra_stop))) {
        st = SUMM_ENOMEM;
        goto fail;
    }
    /* Page furniture: the language's own lines, and English ones, which the
     * web puts on pages in any language ("Share", "Advertisement"). */
    if ((st = summ__data_load(al, data_dir, lang->code, DATA_BOILER, false, &lr->boiler, err))
            != SUMM_OK
        || (strcmp(lang->code, "en") != 0
            && (st = summ__data_load(al, data_dir, "en", DATA_BOILER, false, &lr->boiler, err))
                   != SUMM_OK))
        goto fail;
    *out = lr;
    return SUMM_OK;
fail:
    summ__langres_free(lr);
    return st;
}

summ_status
summ__langres_list(langres *lr, const char *data_dir, data_kind kind, const strset **out,
                   summ_err *err)
{
    *out = &lr->list[kind];
    if (lr->loaded[kind])
        return SUMM_OK;
    strset *set = &lr->list[kind];
    const char *code = lr->info->code ? lr->info->code : "und";
    summ_status st = summ__data_load(lr->al, data_dir, code, kind, false, set, err);
    if (st == SUMM_OK && strcmp(code, "en") != 0)
        st = summ__data_load(lr->al, data_dir, "en", kind, false, set, err);
    if (st != SUMM_OK) {
        /* the next call tries again, from an empty set */
        summ__strset_free(set);
        summ__strset_init(set, lr->al);
        return st;
    }
    lr->loaded[kind] = true;
    return SUMM_OK;
}
