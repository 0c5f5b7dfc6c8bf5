/* core.h - what every stage stands on: the caller's allocator and an
 * arena over it, hashed string sets, error messages, and the word lists
 * (built in, or from a data directory). Uses nothing above src/text. */
#ifndef SUMM_CORE_H
#define SUMM_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "summarize.h"

#if defined(__GNUC__)
#  define S_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define S_PRINTF(f, a)
#endif

/* ---- alloc.c: the caller's allocator, and a bump arena over it ---------- */

typedef struct salloc {
    summ_allocator a;
} salloc;

void summ__salloc_init(salloc *al, const summ_allocator *user);  /* NULL: malloc */
void *summ__malloc(const salloc *al, size_t n);              /* NULL on failure */
void *summ__calloc(const salloc *al, size_t n, size_t size); /* zeroed; checks n*size */
void *summ__realloc(const salloc *al, void *p, size_t n);
void summ__free(const salloc *al, void *p);                  /* accepts NULL */
char *summ__strndup(const salloc *al, const char *s, size_t n);

/* Grow *p (an array of elem-sized items with capacity *cap) to hold at
 * least need items. Returns false on overflow or allocation failure, leaving
 * *p and *cap unchanged. */
bool summ__grow(const salloc *al, void **p, size_t *cap, size_t need, size_t elem);

/* An arena for everything that lives as long as one run. */
typedef struct arena_block arena_block;
typedef struct arena {
    const salloc *al;
    arena_block *head;
} arena;

void summ__arena_init(arena *ar, const salloc *al);
void *summ__arena_alloc(arena *ar, size_t n);                /* 16-aligned, NULL on failure */
void *summ__arena_calloc(arena *ar, size_t n, size_t size);  /* zeroed; checks n*size */
void summ__arena_free(arena *ar);

/* ---- err.c: the detail of an error ------------------------------------- */

typedef struct summ_err {
    char msg[160];
    size_t off;   /* byte offset of the bad input, or (size_t)-1 */
} summ_err;

void summ__err_clear(summ_err *e);
/* Set e's message (printf-style) and return st. */
summ_status summ__err_set(summ_err *e, summ_status st, const char *fmt, ...) S_PRINTF(3, 4);

/* ---- strset.c: hashing and sets of byte strings ------------------------ */

uint64_t summ__hash(const void *p, size_t n);

typedef struct strset {
    const salloc *al;
    char **keys;
    uint32_t *lens;
    size_t cap, count;  /* cap is 0 or a power of two */
} strset;

void summ__strset_init(strset *s, const salloc *al);
bool summ__strset_add(strset *s, const char *k, size_t n);   /* copies k; false on OOM */
bool summ__strset_has(const strset *s, const char *k, size_t n);  /* s may be NULL */
void summ__strset_free(strset *s);

/* Parse a word list ("# comment" lines, one entry a line, white space
 * trimmed) into s. Entries are folded (summ__fold_word) unless keep_case
 * is set. Returns false on OOM. */
bool summ__strset_load_list(strset *s, const char *text, size_t len, bool keep_case);
/* Add the words of text[0 .. len) (valid UTF-8), separated by any white
 * space, folded; a line that starts with '#' is a comment. A word too long
 * to be a word (over 256 bytes folded) is left out. false on OOM. */
bool summ__strset_load_words(strset *s, const char *text, size_t len);

/* ---- data.c: word lists, built in or from a directory ------------------- */

/* The kinds of list, each a directory of stopwords/ (one file a language:
 * <dir>/<code>.txt; stopwords themselves at the top). */
typedef enum data_kind {
    DATA_STOPWORDS,   /* <code>.txt */
    DATA_ABBREV,      /* abbrev/<code>.txt: tagged abbreviations */
    DATA_BOILER,      /* boiler/<code>.txt: page furniture lines and phrases */
    DATA_KEYWORDS,    /* keywords/<code>.txt: tagged words that make poor keywords */
    DATA_OPENERS,     /* openers/<code>.txt: words that start sentences */
    DATA_PROFILE,     /* profiles/<code>.txt: language detection (built in only) */
    DATA_EMAIL,       /* email/<code>.txt: reply, signature, disclaimer phrases */
    DATA_FILLERS,     /* fillers/<code>.txt: fillers of speech ("um", "okay") */
    DATA_PDF,         /* pdf/<code>.txt: page furniture and hyphenation of PDF text */
    DATA_NONFINAL,    /* nonfinal/<code>.txt: particles no sentence ends with */
    DATA_CUES,        /* cues/<code>.txt: tagged cue words and section names */
    DATA_KINDS
} data_kind;

/* The lists compiled in from stopwords/ (langdata.c, made by embed.py);
 * terminated by code == NULL. */
typedef struct builtin_list {
    const char *code;
    data_kind kind;
    size_t len;
    const char *text;
} builtin_list;
extern const builtin_list summ__builtin_lists[];

/* Load the list of kind for the language code into s: the file in dir (or
 * $SUMMARIZE_DATA_DIR, or the installed data directory, when dir is NULL
 * or "") if there is one, else the built-in list, else nothing.
 * keep_case: do not fold the entries. Returns SUMM_OK, SUMM_ENOMEM or
 * SUMM_EDATA (a file exists but cannot be read; err says which). */
summ_status summ__data_load(const salloc *al, const char *dir, const char *code, data_kind kind,
                            bool keep_case, strset *s, summ_err *err);

#endif
