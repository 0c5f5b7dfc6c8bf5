/* ascii.h - the main pass's fast path (segment.c): runs of ASCII letters
 * and the words of them that follow one another, one space apart, change
 * only the line's state and the unit's word count, so they are taken
 * without the main loop's checks. Header only: inline in the loop. */
#ifndef SUMM_SEGMENT_ASCII_H
#define SUMM_SEGMENT_ASCII_H

#include "segment/seg.h"
#include "text/bits.h"
#include "text/vec.h"

/* The end of the run of ASCII letters from q, at most stop (<= len):
 * eight bytes at a time while they can be read. */
static inline size_t
letters_to(const unsigned char *s, size_t q, size_t stop, size_t len)
{
#if SUMM_VEC16
    while (stop - q >= 16) {  /* sixteen at a time where the machine can */
        unsigned n = (unsigned)__builtin_ctz(~v16_letters(v16_load(s + q)));  /* <= 16 */
        q += n;
        if (n < 16)
            return q;
    }
#endif
    while (q < stop && len - q >= 8) {
        uint64_t w = load_text64(s + q);
        size_t n = lead_in(w, letters_in(w));
        if (n >= stop - q)
            return stop;
        q += n;
        if (n < 8)
            return q;
    }
    while (q < stop && ascii_letter(s[q]))
        q++;
    return q;
}

/* Is there a word separator at q, before stop: a space, or a comma and
 * a space (", "), then an ASCII letter? The space's place, else NONE. A
 * comma there changes only the line's state, as a space does (it is no
 * terminal, no pair, no list marker, no glue): the main loop would take
 * it and the space the same way. */
static inline size_t
separator_at(const unsigned char *s, size_t q, size_t stop)
{
    if (q + 1 < stop && s[q] == ' ' && ascii_letter(s[q + 1]))
        return q;
    if (q + 2 < stop && s[q] == ',' && s[q + 1] == ' ' && ascii_letter(s[q + 2]))
        return q + 1;
    return NONE;
}

#if SUMM_VEC16
/* From q, after a word and before stop: the bytes the word loop of
 * spaced_words() would take, sixteen at a time, while they are ASCII
 * letters and separators that a letter follows (the word a block ends in
 * may go on: the caller takes the rest of it). Counts the spaces, each the
 * start of a word, into *words, and sets *w to the last word's start.
 * Returns where it stopped. */
static inline size_t
spaced_words16(const unsigned char *s, size_t q, size_t stop, size_t *words, size_t *w)
{
    size_t lastq = 0;
    unsigned last = 0;  /* the spaces taken in the block at lastq */
    while (stop - q >= 16) {
        v16 v = v16_load(s + q);
        unsigned let = v16_letters(v), sp = v16_eq(v, ' '), cm = v16_eq(v, ',');
        unsigned ok = let | (sp & let >> 1) | (cm & sp >> 1 & let >> 2);
        if (!(~ok & 0x3FFF) && q + 16 < stop) {
            /* all good up to its last two bytes, whose separators may be
             * followed by a letter in the text past the block */
            bool l16 = ascii_letter(s[q + 16]);
            if ((sp & 0x8000) && l16)
                ok |= 0x8000 | (cm & 0x4000);
            else if ((cm & 0x8000) && s[q + 16] == ' ' && q + 17 < stop && ascii_letter(s[q + 17]))
                ok |= 0x8000;
        }
        unsigned bad = ~ok & 0xFFFF;
        unsigned take = bad ? (1u << __builtin_ctz(bad)) - 1 : 0xFFFF;
        unsigned ts = sp & take;
        if (ts) {
            *words += popcount16(ts);
            lastq = q;
            last = ts;
        }
        if (bad) {
            q += (size_t)__builtin_ctz(bad);
            break;
        }
        q += 16;
    }
    if (last)  /* the last space taken starts the last word */
        *w = lastq + (size_t)(31 - __builtin_clz(last)) + 1;
    return q;
}
#endif

/* From q, the end of a word of ASCII letters, to at most stop: the words
 * of ASCII letters that follow, each after a separator (separator_at).
 * Counts them into *words, sets *w to the last one's start (if there is
 * one) and returns its end. */
static inline size_t
spaced_words(const unsigned char *s, size_t q, size_t stop, size_t len, size_t *words,
             size_t *w)
{
#if SUMM_VEC16
    if (q < stop && (s[q] == ' ' || s[q] == ',')) {
        q = spaced_words16(s, q, stop, words, w);
        q = letters_to(s, q, stop, len);  /* the rest of the word it stopped in */
    }
#endif
    for (size_t sp; (sp = separator_at(s, q, stop)) != NONE; ++*words) {
        *w = sp + 1;
        q = letters_to(s, sp + 2, stop, len);
    }
    return q;
}

/* The end of the glue-free stretch from i: the next glued boundary at or
 * after i, or the end of the text. */
static inline size_t
glue_stop(seg *g, size_t i)
{
    while (g->iglue < g->nglue && g->glue[g->iglue] < i)
        g->iglue++;
    return g->iglue < g->nglue ? g->glue[g->iglue] : g->len;
}

/* After an ASCII letter, at i: the rest of its word of ASCII letters, up
 * to a glued boundary, changes only the line's state (most of the text,
 * done without the main loop's checks); so do one space and the next
 * word of ASCII letters (the space is no line break, no glue is before
 * the word's end, and no inline list marker is looked for: most words
 * are this). Returns where the main loop goes on. */
static inline size_t
word_rest(seg *g, size_t i)
{
    linestate *L = &g->line;
    const unsigned char *s = g->s;
    size_t stop = glue_stop(g, i);
    size_t q = letters_to(s, i, stop, g->len);
    if (q > i) {
        L->cps += q - i;
        L->last_c = L->prev_cp = s[q - 1];
        L->word_e = q;
        i = q;
    }
    if (g->seq_kind)
        return i;
    /* in locals: the stores through L would be reloaded after every byte read */
    size_t words = 0, w = NONE, q0 = q;
    q = spaced_words(s, q, stop, g->len, &words, &w);
    if (w == NONE)
        return i;
    g->u_words += words;
    L->cps += q - q0;  /* ASCII: a code point a byte */
    L->tok = L->run_a = L->word_a = w;
    L->last_c = L->prev_cp = s[q - 1];
    L->word_e = q;
    return q;
}

/* The ASCII letter at i, after a space (the main loop took it): what the
 * main loop does for it, when no glue is at i and no inline list marker
 * is looked for (else it is left to the main loop); then word_rest(). */
static inline size_t
word_after_space(seg *g, size_t i)
{
    linestate *L = &g->line;
    if (g->seq_kind || glue_stop(g, i) == i)
        return i;
    if (g->ustart == NONE) {
        g->ustart = i;
        g->u_line_start = !L->text;
        g->u_multi_line = false;
        g->u_words = 0;
    }
    g->u_words++;
    g->u_alnum = true;
    L->text = true;
    L->cps++;
    L->run_a = L->word_a = i;
    L->word_e = i + 1;
    L->last_c = L->prev_cp = g->s[i];
    return word_rest(g, i + 1);
}

#endif
