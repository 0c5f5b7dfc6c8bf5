/* langres.c - what a language needs: its stopwords, abbreviations,
 * sentence openers, particles no sentence ends with, boilerplate phrases,
 * the words that make poor keywords and its cue words (core/data.c) and
 * the lexicon that caches stems (stem.c), made once for a context and its
 * clones (langdata); and per context, its Snowball stemmer (langres),
 * since a stemmer has state.
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

static void cue_free(const salloc *al, cuemap *m);

void
summ__langdata_free(langdata *ld)
{
    if (!ld)
        return;
    summ__strset_free(&ld->cues);
    cue_free(ld->al, &ld->cue_words);
    summ__strset_free(&ld->stop);
    summ__strset_free(&ld->abbrev);
    summ__strset_free(&ld->boiler);
    summ__strset_free(&ld->kwstop);
    summ__strset_free(&ld->openers);
    summ__strset_free(&ld->nonfinal);
    summ__lex_free(ld->lex);
    summ__free(ld->al, ld);
}

/* ---- the cue words and their roles: a small open-addressing map ---- */

static void
cue_free(const salloc *al, cuemap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        summ__free(al, m->key[i]);
    summ__free(al, m->key);
    summ__free(al, m->len);
    summ__free(al, m->role);
    memset(m, 0, sizeof *m);
}

static bool
cue_grow(const salloc *al, cuemap *m)
{
    cuemap g = { .cap = m->cap ? 2 * m->cap : 64, .count = m->count };
    g.key = summ__calloc(al, g.cap, sizeof *g.key);
    g.len = summ__calloc(al, g.cap, sizeof *g.len);
    g.role = summ__calloc(al, g.cap, sizeof *g.role);
    if (!g.key || !g.len || !g.role) {
        summ__free(al, g.key);
        summ__free(al, g.len);
        summ__free(al, g.role);
        return false;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->key[i])
            continue;
        size_t j = summ__cue_slot(&g, m->key[i], m->len[i]);
        g.key[j] = m->key[i];
        g.len[j] = m->len[i];
        g.role[j] = m->role[i];
    }
    summ__free(al, m->key);
    summ__free(al, m->len);
    summ__free(al, m->role);
    *m = g;
    return true;
}

static bool
cue_add(langdata *ld, const char *w, size_t n, unsigned role)
{
    cuemap *m = &ld->cue_words;
    if ((m->count + 1) * 2 > m->cap && !cue_grow(ld->al, m))
        return false;
    size_t j = summ__cue_slot(m, w, n);
    if (!m->key[j]) {
        if (!(m->key[j] = summ__strndup(ld->al, w, n)))
            return false;
        m->len[j] = (uint32_t)n;
        m->count++;
    }
    m->role[j] |= (uint8_t)role;
    ld->cue_start[(unsigned char)w[0]] = 1;
    if (n > ld->cue_maxlen)
        ld->cue_maxlen = n;
    return true;
}

/* One entry of the cues list: its words into ld->cue_words, if it is a
 * word cue ("we: our", "cue: we propose"). */
static bool
cue_entry(const char *k, size_t n, void *arg)
{
    static const struct {
        const char *tag;
        unsigned role;
    } tags[] = { { "we: ", CUE_WE }, { "you: ", CUE_YOU }, { "cue: ", CUE_ONE },
                 { "filler: ", CUE_FILLER }, { "caption: ", CUE_CAPTION } };
    langdata *ld = arg;
    for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
        size_t tl = strlen(tags[t].tag);
        if (n <= tl || memcmp(k, tags[t].tag, tl) != 0)
            continue;
        bool phrase = memchr(k + tl, ' ', n - tl) != NULL;
        for (size_t w = tl, e; w < n; w = e + 1) {
            e = w;
            while (e < n && k[e] != ' ')
                e++;
            unsigned role = !phrase ? tags[t].role : w == tl ? CUE_START : CUE_REST;
            if (e > w && !cue_add(ld, k + w, e - w, role))
                return false;
        }
    }
    return true;
}

/* Every word of the word cues of ld->cues into ld->cue_words with its
 * roles: a word of the text is looked up once. */
static bool
cue_roles(langdata *ld)
{
    return summ__strset_each(&ld->cues, cue_entry, ld);
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
summ__langdata_make(const salloc *al, const char *data_dir, const char *extra_stop,
                    const lang_info *lang, langdata **out, summ_err *err)
{
    *out = NULL;
    langdata *ld = summ__calloc(al, 1, sizeof *ld);
    if (!ld)
        return SUMM_ENOMEM;
    ld->al = al;
    ld->info = lang;
    summ__strset_init(&ld->stop, al);
    summ__strset_init(&ld->abbrev, al);
    summ__strset_init(&ld->boiler, al);
    summ__strset_init(&ld->kwstop, al);
    summ__strset_init(&ld->openers, al);
    summ__strset_init(&ld->nonfinal, al);
    summ__strset_init(&ld->cues, al);
    ld->lex = summ__lex_new(al, true);
    if (!ld->lex) {
        summ__langdata_free(ld);
        return SUMM_ENOMEM;
    }
    summ_status st = SUMM_OK;
    if (lang != &summ__lang_und) {
        if ((st = summ__data_load(al, data_dir, lang->code, DATA_STOPWORDS, &ld->stop, err))
                != SUMM_OK
            || (st = summ__data_load(al, data_dir, lang->code, DATA_ABBREV, &ld->abbrev, err))
                   != SUMM_OK
            || (st = summ__data_load(al, data_dir, lang->code, DATA_KEYWORDS, &ld->kwstop, err))
                   != SUMM_OK
            || (st = summ__data_load(al, data_dir, lang->code, DATA_OPENERS, &ld->openers, err))
                   != SUMM_OK
            || (st = summ__data_load(al, data_dir, lang->code, DATA_NONFINAL, &ld->nonfinal,
                                     err)) != SUMM_OK
            || (st = summ__data_load(al, data_dir, lang->code, DATA_CUES, &ld->cues, err))
                   != SUMM_OK)
            goto fail;
        if (!cue_roles(ld)) {
            st = SUMM_ENOMEM;
            goto fail;
        }
        ld->no_stemmer = lang->snowball && !have_algorithm(lang->snowball);
    }
    /* The caller's own stopwords, for any language (also "none": asked for,
     * so honoured). */
    if (extra_stop && !summ__strset_load_words(&ld->stop, extra_stop, strlen(extra_stop))) {
        st = SUMM_ENOMEM;
        goto fail;
    }
    /* Page furniture: the language's own lines, and English ones, which the
     * web puts on pages in any language ("Share", "Advertisement"). */
    if ((st = summ__data_load(al, data_dir, lang->code, DATA_BOILER, &ld->boiler, err))
            != SUMM_OK
        || (strcmp(lang->code, "en") != 0
            && (st = summ__data_load(al, data_dir, "en", DATA_BOILER, &ld->boiler, err))
                   != SUMM_OK))
        goto fail;
    *out = ld;
    return SUMM_OK;
fail:
    summ__langdata_free(ld);
    return st;
}

void
summ__langres_free(langres *lr)
{
    if (!lr)
        return;
    if (lr->stemmer)
        sb_stemmer_delete(lr->stemmer);
    for (int k = 0; k < DATA_KINDS; k++)
        summ__strset_free(&lr->list[k]);
    summ__lex_free(lr->own);
    if (lr->owns_data)
        summ__langdata_free(lr->data);
    summ__free(lr->al, lr);
}

summ_status
summ__langres_new(const salloc *al, langdata *ld, bool owned, langres **out)
{
    *out = NULL;
    langres *lr = summ__calloc(al, 1, sizeof *lr);
    if (!lr)
        return SUMM_ENOMEM;
    lr->al = al;
    lr->info = ld->info;
    lr->no_stemmer = ld->no_stemmer;
    lr->stop = ld->stop;
    lr->abbrev = ld->abbrev;
    lr->boiler = ld->boiler;
    lr->kwstop = ld->kwstop;
    lr->openers = ld->openers;
    lr->nonfinal = ld->nonfinal;
    lr->cues = ld->cues;
    lr->cue_words = ld->cue_words;
    memcpy(lr->cue_start, ld->cue_start, sizeof lr->cue_start);
    lr->cue_maxlen = ld->cue_maxlen;
    lr->lex = ld->lex;
    lr->data = ld;
    for (int k = 0; k < DATA_KINDS; k++)
        summ__strset_init(&lr->list[k], al);
    const lang_info *lang = ld->info;
    if (lang != &summ__lang_und && lang->snowball && !ld->no_stemmer
        && !(lr->stemmer = sb_stemmer_new(lang->snowball, "UTF_8"))) {
        summ__free(al, lr);
        return SUMM_ENOMEM;
    }
    lr->owns_data = owned;
    *out = lr;
    return SUMM_OK;
}

summ_status
summ__langres_make(const salloc *al, const char *data_dir, const char *extra_stop,
                   const lang_info *lang, langres **out, summ_err *err)
{
    *out = NULL;
    langdata *ld;
    summ_status st = summ__langdata_make(al, data_dir, extra_stop, lang, &ld, err);
    if (st == SUMM_OK && (st = summ__langres_new(al, ld, true, out)) != SUMM_OK)
        summ__langdata_free(ld);
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
    summ_status st = summ__data_load(lr->al, data_dir, code, kind, set, err);
    if (st == SUMM_OK && strcmp(code, "en") != 0)
        st = summ__data_load(lr->al, data_dir, "en", kind, set, err);
    if (st != SUMM_OK) {
        /* the next call tries again, from an empty set */
        summ__strset_free(set);
        summ__strset_init(set, lr->al);
        return st;
    }
    lr->loaded[kind] = true;
    return SUMM_OK;
}
