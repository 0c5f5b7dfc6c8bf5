/* dindex.h - language detection's index of its profiles (dindex.c): the
 * profile table, and one script's entries in the three shapes the word
 * scan of detect.c asks for: whole words by their bytes, endings by their
 * last two bytes, "~letters" by their first three. A key of at most 16
 * bytes is two 64-bit words (byte k in bits 8k .. 8k+7 of the first, then
 * of the second, zero after its end), so that a word is compared in two
 * instructions and the key of its last bytes is one load from the word
 * (detect.c keeps 16 zero bytes after it). The lookups are inline: they
 * are asked for every word read. Not installed; only lang/ includes it. */
#ifndef SUMM_LANG_DINDEX_H
#define SUMM_LANG_DINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text/bits.h"

/* A profile: the built-in list stopwords/profiles/<code>.txt, one entry a
 * line ("#" comments): a word as summ__fold_word() leaves it (lower case,
 * NFKC), "-ending", or "~letters" found anywhere in a word. Serbian's has
 * words in both its scripts; each word is indexed under its own script. */
typedef struct profile {
    const char *code;
    const char *text;
    size_t len;
    uint32_t scripts;  /* bit SC_x: it has entries of that script */
    unsigned never;    /* LG_ bits of letters the language never writes (detect.c's) */
} profile;

#define MAX_PROFILES 63  /* the bits of a mask; detect.c's memo has the 64th */

typedef struct ptable {
    size_t n;
    profile p[MAX_PROFILES];
} ptable;

/* The script of an entry: of its first letter (after the '-' or '~'); -1
 * for none. */
int summ__dentry_script(const char *t, size_t a, size_t b);
/* The built-in profiles, their scripts; never is left 0. */
void summ__ptable_build(ptable *pt);

/* A word's endings and letters inside it count half a function word. */
#define ENDING_WEIGHT 0.5
/* Endings are looked for up to four characters; "~letters" of 3 to
 * LETTERS_MAX bytes. */
#define ENDING_CHARS 4
#define LETTERS_MAX 31

/* The word table: at most three quarters of its slots used (Latin's 1,215
 * words take 59 %); a context's memo (detect.c) asks it only for the
 * words it has not seen. */
#define WORD_BITS 11
#define LONG_BITS 7      /* words of more than 16 bytes; at most half used */
#define LONG_SLOTS (1u << LONG_BITS)
#define END_MAX 256      /* endings of one script */
#define TAIL_BITS 9      /* their buckets */
#define MID_MAX 64       /* "~letters" of one script */
#define PRE_BITS 7
#define MID_BITS 12      /* the filter of "~letters" */

/* A word of at most 16 bytes; mask 0: the slot is empty (no word is all
 * zero bytes). */
typedef struct wslot {
    uint64_t w0, w1, mask;
} wslot;

/* A longer word: its first 16 bytes, then the rest in its profile. */
typedef struct lslot {
    uint64_t w0, w1, mask;
    const char *rest;
    size_t len;
} lslot;

/* An ending (without its '-', at most 16 bytes) or letters (without the
 * '~'; rest: their bytes after the first 16). key: of an ending, its last
 * two bytes (its byte | 0x10000 for one of one byte); of letters, their
 * first three. next: the next part of the same key, longer (index + 1; 0
 * ends the chain). */
typedef struct dpart {
    uint64_t w0, w1, mask;
    const char *rest;
    uint32_t key;
    uint16_t next;
    uint8_t len;
} dpart;

/* The parts of one key: a chain from part[head - 1], by length. head 0:
 * an empty slot. */
typedef struct bucket {
    uint32_t key;
    uint16_t head;
} bucket;

typedef struct windex {
    const ptable *pt;
    bool full;  /* an entry did not fit (test_lang checks it never happens) */
    wslot word[1u << WORD_BITS];
    size_t nwords, nlong, nend, nmid;
    lslot lng[LONG_SLOTS];
    /* Endings of two bytes or more, by their last two (a word whose last
     * two bytes are no ending's has none: one lookup, not four); those of
     * one byte by it (end1: index + 1, 0 = none). */
    dpart end[END_MAX];
    bucket tail[1u << TAIL_BITS];
    uint16_t end1[256];
    bool has_end1;
    /* "~letters", by their first three bytes; midbits: a bit per hash of
     * those, so that most positions of a word cost one test. */
    dpart mid[MID_MAX];
    bucket pre[1u << PRE_BITS];
    uint64_t midbits[1u << (MID_BITS - 6)];
    /* weight / k, for a hit shared by k profiles: [0] words, [1] endings */
    double share[2][MAX_PROFILES + 1];
} windex;

/* Index script want's entries of pt's profiles. */
void summ__dindex_build(windex *ix, const ptable *pt, int want);

static inline uint64_t
dindex_hash(uint64_t w0, uint64_t w1, size_t n)
{
    return (w0 ^ (w1 * 0xC2B2AE3D27D4EB4FULL) ^ n) * 0x9E3779B97F4A7C15ULL;
}

/* The profiles of the word of n <= 16 bytes whose key is w0, w1, or 0
 * when it is none of theirs. */
static inline uint64_t
dindex_word(const windex *ix, uint64_t w0, uint64_t w1, size_t n)
{
    size_t mask = ((size_t)1 << WORD_BITS) - 1;
    size_t j = (size_t)(dindex_hash(w0, w1, n) >> (64 - WORD_BITS));
    for (;;) {
        const wslot *e = &ix->word[j];
        if (e->w0 == w0 && e->w1 == w1)
            return e->mask;
        if (!e->mask)
            return 0;
        j = (j + 1) & mask;
    }
}

/* The same for a word w[0 .. n) of more than 16 bytes. */
static inline uint64_t
dindex_long(const windex *ix, const char *w, size_t n, uint64_t w0, uint64_t w1)
{
    size_t j = (size_t)(dindex_hash(w0, w1, n) >> (64 - LONG_BITS));
    for (;;) {
        const lslot *e = &ix->lng[j];
        if (!e->mask)
            return 0;
        if (e->w0 == w0 && e->w1 == w1 && e->len == n && memcmp(e->rest, w + 16, n - 16) == 0)
            return e->mask;
        j = (j + 1) & (LONG_SLOTS - 1);
    }
}

static inline size_t
bucket_hash(uint32_t key, unsigned bits)
{
    return (size_t)((key * 0x9E3779B1u) >> (32 - bits));
}

/* The bucket of key in b[1 << bits], or NULL. */
static inline const bucket *
dindex_bucket(const bucket *b, unsigned bits, uint32_t key)
{
    size_t j = bucket_hash(key, bits);
    for (;;) {
        if (!b[j].head)
            return NULL;
        if (b[j].key == key)
            return &b[j];
        j = (j + 1) & (((size_t)1 << bits) - 1);
    }
}

/* The mid bit of three bytes k3 (the first three of letters). */
static inline unsigned
mid_bit(uint32_t k3)
{
    return (k3 * 0x85EBCA6Bu) >> (32 - MID_BITS);
}

/* The first n bytes of the key word w (all of them when n >= 8). */
static inline uint64_t
key_bytes(uint64_t w, size_t n)
{
    return n >= 8 ? w : w & ((1ULL << (8 * n)) - 1);
}

#endif
