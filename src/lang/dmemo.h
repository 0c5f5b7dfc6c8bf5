/* dmemo.h - language detection's memo (detect.c): the words of at most
 * 16 bytes a context has scored, and what they counted for, one table per
 * script the context detects. Not installed; only lang/ includes it.
 *
 * An entry is a function word's profiles, or the entries of another
 * (MEMO_OTHER | count << 48 | the hitlog's three 16-bit entries). A
 * batch of news articles repeats most of its words (nine in ten of the
 * first 200 of each, over 2,225 BBC articles), and a word found here
 * costs one load and compare where it cost a lookup for a function word,
 * then one per position inside it and its endings. Replayed in the order
 * they were found, so the sums are the same. One slot per hash, a new
 * word in it replacing the old (cheaper to ask than a table that fills
 * and is emptied, and as often right; sets of three words to a cache
 * line, the last used first, found 93.5 % of BBC's words where this finds
 * 90.9 %, and were slower); made with the script's index, never on the
 * stack (then words are looked up each time, to the same sums). Its 384
 * kB are more than the first level of cache holds: the word scan asks
 * for a word's slot as soon as it has the word's key, and looks in it
 * once the next word is read (see score_words). */
#ifndef SUMM_LANG_DMEMO_H
#define SUMM_LANG_DMEMO_H

#include <stdint.h>

#define MEMO_BITS 14
#define MEMO_OTHER ((uint64_t)1 << 63)

typedef struct mslot {
    uint64_t w0, w1, v;  /* w0 0: empty (no word starts with a zero byte) */
} mslot;

#define MEMO_SLOTS ((size_t)1 << MEMO_BITS)
typedef struct memo {
    mslot slot[MEMO_SLOTS];
} memo;

/* The slot of the word whose key is w0, w1. */
static inline size_t
memo_index(uint64_t w0, uint64_t w1)
{
    /* one multiplication: most words have no second key word */
    return (size_t)(((w0 ^ (w1 << 29 | w1 >> 35)) * 0x9E3779B97F4A7C15ULL) >> (64 - MEMO_BITS));
}

static inline mslot *
memo_slot(memo *mm, uint64_t w0, uint64_t w1)
{
    return &mm->slot[memo_index(w0, w1)];
}

#endif
