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

/* Guess the language of text (at most the first 64 kB are read). Never
 * NULL: &summ__lang_und when unsure. Allocates nothing. */
const lang_info *summ__lang_detect(const char *text, size_t len);

/* For tests: the detection profiles are folded words, each found where
 * its index has it, and of their index's script. */
bool summ__lang_profiles_ok(void);

#endif
