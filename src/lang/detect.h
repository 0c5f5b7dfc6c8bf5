/* detect.h - what language detection (detect.c) shares with its tables,
 * which stopwords/embed.py makes at build time from stopwords/profiles/
 * (detectdata.c): the profiles, and per script an index of their words. */
#ifndef SUMM_LANG_DETECT_H
#define SUMM_LANG_DETECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Scripts, as step 1 of detect.c tells them. */
enum {
    SC_LATIN, SC_GREEK, SC_CYRILLIC, SC_ARMENIAN, SC_HEBREW, SC_ARABIC, SC_DEVANAGARI,
    SC_TAMIL, SC_HAN, SC_KANA, SC_HANGUL, SC_OTHER, SC_COUNT
};

#define DETECT_SLOTS 2048       /* per script: a power of two, at least twice its words */
#define DETECT_MAX_PROFILES 32  /* the bits of a slot's mask */

/* A language's profile: the function words and endings of one script. */
typedef struct detect_profile {
    const char *code;  /* ISO 639-1 (a language we do not have, too: bg, mk) */
    int script;
} detect_profile;

/* A word of the index: open addressing on FNV-1a, one 8-byte slot per
 * word, so that a probe touches one cache line. */
typedef struct detect_slot {
    uint32_t mask;  /* which profiles (bit = index into summ__detect_profiles) have it */
    uint16_t off;   /* the word in the index's pool */
    uint8_t used;   /* 0: an empty slot */
    uint8_t len;
} detect_slot;

typedef struct detect_index {
    const detect_slot *slot;  /* DETECT_SLOTS of them; NULL: no profile has the script */
    const char *pool;
    /* The last two bytes of every ending ("-ing": "ng"), a bit each: a
     * word whose last two bytes are not among them has no ending in the
     * index, which saves its four lookups. Unless an ending is one byte
     * ("-a"): then short_ending is set and every word is looked up. */
    const uint8_t *tail;
    bool short_ending;
} detect_index;

extern const detect_profile summ__detect_profiles[];
extern const size_t summ__detect_nprofiles;
extern const detect_index summ__detect_index[SC_COUNT];

#endif
