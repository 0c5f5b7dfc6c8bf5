/* lang.h - the languages we know (lang.c) and telling which one a text is
 * in (detect.c). */
#ifndef SUMM_LANG_H
#define SUMM_LANG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/core.h"

typedef enum script {
    SCRIPT_LATIN, SCRIPT_CJK, SCRIPT_OTHER
} script;

typedef struct lang_info {
    const char *code;      /* ISO 639-1, or "und" */
    const char *snowball;  /* libstemmer algorithm name, NULL = no stemmer */
    const char *name;      /* English name */
    script script;         /* how words are made: CJK = character bigrams */
} lang_info;

extern const lang_info summ__lang_table[];    /* terminated by code == NULL */
extern const lang_info summ__lang_und;        /* unknown: no stemming, no stopwords */
extern const char *const summ__lang_codes[];  /* the codes of the table, NULL-terminated */

/* Look a language up by ISO code, Snowball name or English name
 * (case-insensitive). NULL if unknown. */
const lang_info *summ__lang_lookup(const char *name);
/* The language of an ISO code of the table, or &summ__lang_und. */
const lang_info *summ__lang_by_code(const char *code);

/* Detection's word indexes, made on first use and kept by the caller (one
 * per context); summ__lang_cache_free() accepts NULL. */
typedef struct lang_cache lang_cache;
void summ__lang_cache_free(const salloc *al, lang_cache *c);

/* Guess the language of text (at most the first 64 kB are read). Never
 * NULL: &summ__lang_und when unsure. *cache may be NULL (then one is made
 * with al, if it can be; detection is the same without it). */
const lang_info *summ__lang_detect(lang_cache **cache, const salloc *al, const char *text,
                                   size_t len);

/* For tests: the detection profiles are folded words and fit their index. */
bool summ__lang_profiles_ok(void);

#endif
