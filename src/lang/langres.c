/* langres.c - what a language needs, loaded once per context on first
 * use: its stopwords, abbreviations, sentence openers, particles no
 * sentence ends with, boilerplate phrases, the words that make poor
 * keywords and its cue words (core/data.c), its Snowball stemmer, and the
 * lexicon that caches stems (stem.c).
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
    cue_free(al, &lr->cue_words);
    summ__strset_free(&lr->kwstop);
    summ__strset_free(&lr->openers);
    summ__strset_free(&lr->nonfinal);
    for (int k = 0; k < DATA_KINDS; k++)
        summ__strset_free(&lr->list[k]);
    summ__lex_free(lr->lex);
    summ__free(al, lr);
}

/* ---- the cue words and their roles: a small open-addressing map ---- */

/* FNV-1a: the words are short, and most of the text's words are looked up */
static size_t
cue_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

static size_t
cue_slot(const cuemap *m, const char *w, size_t n)
{
    size_t j = cue_hash(w, n) & (m->cap - 1);
    while (m->key[j] && !(m->len[j] == n && memcmp(m->key[j], w, n) == 0))
        j = (j + 1) & (m->cap - 1);
    return j;
}

unsigned
summ__cue_roles(const langres *lr, const char *w, size_t n)
{
    const cuemap *m = &lr->cue_words;
    if (!m->cap)
        return 0;
    size_t j = cue_slot(m, w, n);
    return m->key[j] ? m->role[j] : 0;
}

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
        size_t j = cue_slot(&g, m->key[i], m->len[i]);
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
cue_add(langres *lr, const char *w, size_t n, unsigned role)
{
    cuemap *m = &lr->cue_words;
    if ((m->count + 1) * 2 > m->cap && !cue_grow(lr->al, m))
        return false;
    size_t j = cue_slot(m, w, n);
    if (!m->key[j]) {
        if (!(m->key[j] = summ__strndup(lr->al, w, n)))
            return false;
        m->len[j] = (uint32_t)n;
        m->count++;
    }
    m->role[j] |= (uint8_t)role;
    lr->cue_start[(unsigned char)w[0]] = 1;
    if (n > lr->cue_maxlen)
        lr->cue_maxlen = n;
    return true;
}

/* Every word of the word cues of lr->cues ("we: our", "cue: we propose")
 * into lr->cue_words with its roles: a word of the text is looked up once. */
static bool
cue_roles(langres *lr)
{
    static const struct {
        const char *tag;
        unsigned role;
    } tags[] = { { "we: ", CUE_WE }, { "you: ", CUE_YOU }, { "cue: ", CUE_ONE },
                 { "filler: ", CUE_FILLER }, { "caption: ", CUE_CAPTION } };
    const strset *s = &lr->cues;
    for (size_t i = 0; i < s->cap; i++) {
        const char *k = s->keys[i];
        if (!k)
            continue;
        size_t n = s->lens[i];
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
                if (e > w && !cue_add(lr, k + w, e - w, role))
                    return false;
            }
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
                                     &lr->nonfinal, err)) != SUMM_OK
            || (st = summ__data_load(al, data_dir, lang->code, DATA_CUES, false, &lr->cues,
                                     err)) != SUMM_OK)
            goto fail;
        if (!cue_roles(lr)) {
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
