/* langres.c - what a language needs, loaded once per context on first
 * use: its stopwords, abbreviations, sentence openers, boilerplate
 * phrases, the words that make poor keywords and its cue words
 * (core/data.c),
 * its Snowball stemmer, and the lexicon that caches stems (stem.c).
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
    summ__strset_free(&lr->cues);
    summ__strset_free(&lr->cue_words);
    summ__strset_free(&lr->kwstop);
    summ__strset_free(&lr->openers);
    summ__lex_free(lr->lex);
    summ__free(al, lr);
}

/* The first words of the word cues of lr->cues ("cue: we propose" gives
 * "we") into lr->cue_words. */
static bool
cue_first_words(langres *lr)
{
    static const char *const tags[] = { "we: ", "you: ", "cue: ", "filler: ", "caption: " };
    const strset *s = &lr->cues;
    for (size_t i = 0; i < s->cap; i++) {
        const char *k = s->keys[i];
        if (!k)
            continue;
        size_t n = s->lens[i];
        for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
            size_t tl = strlen(tags[t]);
            if (n <= tl || memcmp(k, tags[t], tl) != 0)
                continue;
            size_t e = tl;
            while (e < n && k[e] != ' ')
                e++;
            if (!summ__strset_add(&lr->cue_words, k + tl, e - tl))
                return false;
        }
    }
    return true;
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
    summ__strset_init(&lr->cues, al);
    summ__strset_init(&lr->cue_words, al);
    summ__strset_init(&lr->kwstop, al);
    summ__strset_init(&lr->openers, al);
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
            || (st = summ__data_load(al, data_dir, lang->code, DATA_CUES, false, &lr->cues,
                                     err)) != SUMM_OK)
            goto fail;
        if (!cue_first_words(lr)) {
            st = SUMM_ENOMEM;
            goto fail;
        }
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
