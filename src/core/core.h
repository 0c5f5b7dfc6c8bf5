/* core.h - what every stage stands on: the caller's allocator and an
 * arena over it, hashed string sets, error messages, and the word lists
 * (built in, or from a data directory). Uses nothing above src/text. */
#ifndef SUMM_CORE_H
#define SUMM_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* ---- hashing, and strset.c: sets of byte strings ------------------------ */

/* Little-endian loads on any machine: the hash is the same everywhere,
 * so that tables of it can be made at build time (stopwords/embed.py). */
static inline uint64_t
summ__load64(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

static inline uint64_t
summ__load32(const unsigned char *s)
{
    uint32_t w;
    memcpy(&w, s, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap32(w);
#endif
    return w;
}

#define SUMM_HASH_K 0xc6a4a7935bd1e995ULL

static inline uint64_t
summ__hash_round(uint64_t h, uint64_t w)
{
    h = (h ^ w) * SUMM_HASH_K;
    return h ^ (h >> 47);
}

/* Eight bytes at a time, a multiply-xorshift round per word (as in
 * wyhash/MurmurHash2A), short tails read with fixed-size, overlapping loads
 * so no byte loop and no memcpy call is left; then one more round so the
 * low bits, which pick the slot, depend on every byte. Words are short:
 * the per-byte loop of FNV-1a used to be most of the cost of a lookup.
 * Inline: every word of every text is hashed. stopwords/embed.py has a
 * copy (summ_hash), for the compiled-in tables. */
static inline uint64_t
summ__hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
    if (n >= 8) {
        size_t k = n;
        while (k > 8) {
            h = summ__hash_round(h, summ__load64(s));
            s += 8;
            k -= 8;
        }
        h = summ__hash_round(h, summ__load64(s + k - 8));  /* the last 8, overlapping */
    } else if (n >= 4) {
        h = summ__hash_round(h, summ__load32(s) | summ__load32(s + n - 4) << 32);
    } else if (n > 0) {
        h = summ__hash_round(h, s[0] | (uint64_t)s[n / 2] << 8 | (uint64_t)s[n - 1] << 16);
    }
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    return h ^ (h >> 32);
}

/* A set of strings compiled in (stopwords/embed.py makes them, in
 * langdata.c): open addressing over slot[0 .. cap) (cap a power of two,
 * or 0 for none), each slot 0 (empty) or 1 + the offset in pool of a key,
 * stored as its length (two bytes, little-endian) and then its bytes. */
typedef struct strtab {
    const uint32_t *slot;
    const unsigned char *pool;
    uint32_t cap, count;
    const uint64_t *filter;  /* SUMM_FILTER_WORDS words: summ__strset_bit() of each key */
} strtab;

/* A set's filter: bit summ__strset_bit(k) is set for each of its keys, so
 * that a lookup whose bit is clear (most of the words a text asks about
 * are in none of the lists) needs no hash. The bit is of the key's length
 * and first and last bytes, as stopwords/embed.py computes it too. */
#define SUMM_FILTER_WORDS 32
static inline unsigned
summ__strset_bit_of(unsigned char a, unsigned char z, size_t n)
{
    return (a * 0x3Bu + z * 0x9Du + (unsigned)n * 0x1F5u) & (SUMM_FILTER_WORDS * 64 - 1);
}

static inline unsigned
summ__strset_bit(const char *k, size_t n)
{
    return n ? summ__strset_bit_of((unsigned char)k[0], (unsigned char)k[n - 1], n) : 0;
}

/* A set: up to two compiled-in tables, looked at as they are, and the
 * keys added at run time (a list read from a data directory). */
typedef struct strset {
    const salloc *al;
    const strtab *fixed[2];
    char **keys;
    uint32_t *lens;
    size_t cap, nkeys;  /* cap is 0 or a power of two */
    size_t count;       /* every entry (a key in two parts counts twice) */
    uint64_t filter[SUMM_FILTER_WORDS];  /* of every key, fixed or added */
} strset;

/* Might s hold a key of n > 0 bytes that starts with byte a and ends with
 * byte z? False means it does not: a caller that would build several keys
 * to look up (a word with each of its tags) tests each of them first,
 * without building or hashing it. s may be NULL. */
static inline bool
summ__strset_maybe(const strset *s, unsigned char a, unsigned char z, size_t n)
{
    if (!s || s->count == 0)
        return false;
    unsigned bit = summ__strset_bit_of(a, z, n);
    return s->filter[bit >> 6] >> (bit & 63) & 1;
}

void summ__strset_init(strset *s, const salloc *al);
bool summ__strset_add(strset *s, const char *k, size_t n);   /* copies k; false on OOM */
/* Include the compiled-in table t (not copied: it is constant); a third
 * one is copied in. false on OOM. */
bool summ__strset_add_table(strset *s, const strtab *t);
bool summ__strset_has(const strset *s, const char *k, size_t n);  /* s may be NULL */
/* fn(key, length, arg) for every key of s (a key in two of its parts
 * comes twice); stops, and returns false, when fn does. */
bool summ__strset_each(const strset *s, bool (*fn)(const char *k, size_t n, void *arg),
                       void *arg);
void summ__strset_free(strset *s);

/* The next entry of a word list t[*pos .. len) (one a line, "# comment"
 * lines and blank ones skipped): [*a, *b), white space trimmed. False at
 * the end. */
bool summ__list_next(const char *t, size_t len, size_t *pos, size_t *a, size_t *b);
/* Parse a word list ("# comment" lines, one entry a line, white space
 * trimmed) into s. Entries are folded (summ__fold_word) unless keep_case
 * is set; folded entries over 256 bytes and any over 65535 are left out.
 * Returns false on OOM. */
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
    DATA_HTML,        /* html/<code>.txt: class/id hints and labels for finding a
                         web page's main text */
    DATA_KINDS
} data_kind;

/* The lists compiled in from stopwords/ (langdata.c, made by embed.py):
 * each as its table, ready to look up; a detection profile (never a set)
 * as its text instead. Terminated by code == NULL. */
typedef struct builtin_list {
    const char *code;
    data_kind kind;
    strtab tab;         /* empty for DATA_PROFILE */
    const char *text;   /* DATA_PROFILE only: the file as it is */
    size_t len;
} builtin_list;
extern const builtin_list summ__builtin_lists[];

/* Whether the entries of a kind are folded (summ__fold_word): all but
 * the abbreviations, whose case tells (embed.py's KINDS agrees), and the
 * profiles, which are not sets. */
extern const bool summ__kind_folded[DATA_KINDS];

/* Load the list of kind for the language code into s: the file in dir (or
 * $SUMMARIZE_DATA_DIR, or the installed data directory, when dir is NULL
 * or "") if there is one, else the built-in list, else nothing. Returns
 * SUMM_OK, SUMM_ENOMEM or SUMM_EDATA (a file exists but cannot be read;
 * err says which). */
summ_status summ__data_load(const salloc *al, const char *dir, const char *code, data_kind kind,
                            strset *s, summ_err *err);

#endif
