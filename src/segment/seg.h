/* seg.h - the segmenter's state and the parts of src/segment/ share:
 *
 *   words.c    the words around a boundary: stopwords, abbreviations
 *   boiler.c   page furniture, consent notices, date lines, datelines and
 *              bylines at the start (phrases from stopwords/boiler/)
 *   lines.c    line structure: hard wraps, list markers, headings
 *   glue.c     sentences glued together without period or space
 *   segment.c  the main pass, which decides every boundary
 *
 * Not installed; only segment/ includes it. */
#ifndef SUMM_SEGMENT_SEG_H
#define SUMM_SEGMENT_SEG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "stages.h"
#include "text/chars.h"
#include "text/utf8.h"

#define NONE ((size_t)-1)

/* The narrowest width, in code points, at which we take text to be
 * hard-wrapped: a line break where the line and the next word together
 * are shorter was not made by wrapping. */
#define SEG_MIN_WRAP 30

/* Abbreviation tags (stopwords/abbrev/en.txt explains them). */
enum { AB_NONE, AB_PLAIN, AB_NUM, AB_NEVER, AB_END };
/* Why a unit ended. */
enum { END_TERM, END_LINE, END_EOF, END_GLUE, END_DATELINE };

/* The line being read, for the line-break decision. */
typedef struct linestate {
    size_t cps;              /* code points of the line so far */
    bool text;               /* a non-space seen on this line */
    bool at_start;           /* at its start, before its indent */
    int32_t last_c;          /* last non-space code point of the line */
    int32_t prev_cp;         /* the code point before the current one, 0 after a break */
    size_t run_a;            /* start of the current letter run, or NONE */
    size_t word_a, word_e;   /* the line's last word */
    size_t tok;              /* start of the current word, after openers */
} linestate;

typedef struct seg {
    doc *d;
    const unsigned char *s;
    size_t len;
    const strset *abbrev;   /* may be NULL */
    const strset *stop;     /* may be NULL or empty */
    const strset *boiler;   /* may be NULL or empty */
    const strset *openers;  /* words that start sentences; may be NULL or empty */
    const strset *nonfinal; /* particles no sentence ends with; may be NULL or empty */
    bool greek;
    bool lower_text;        /* lower-cased text: ". word" is a boundary */
    bool case_counted;      /* lower_text is known (counted when first needed) */
    bool ordinal_dots;      /* "am 3. Oktober": numbers with a period are ordinals */
    bool wrapped;           /* hard-wrapped text */
    bool line_paras;        /* long lines: one paragraph a line */
    size_t wrapw;           /* its line width, in code points */

    size_t *glue;           /* accepted glued boundaries, ascending */
    size_t nglue, capglue, iglue;

    size_t ustart;          /* start of the open unit, or NONE */
    size_t marker;          /* start of the list marker before it, or NONE */
    bool u_line_start;      /* it began at the start of a line */
    bool u_multi_line;      /* it spans a soft line break */
    size_t u_words;         /* its words so far */
    bool u_alnum;           /* it has a letter or digit */
    bool in_list;           /* it belongs to a list item */
    bool pending_para;      /* the next unit starts a paragraph */
    uint32_t para_next, para;
    size_t units_pushed;
    size_t boiler_end;      /* units starting before this offset are boilerplate */
    bool cookie;            /* "cookie" is in the text: a line may be a consent notice */
    /* Quotes and brackets open in the unit: inside them a terminal ends
     * no sentence when the closer follows (nest.c in segment.c) */
    int32_t nest[16];
    size_t depth;
    size_t close_at;        /* a closer of the innermost opener found here, or NONE */
    size_t scanned;         /* looked for it up to here */
    /* The list the unit belongs to: its last marker's number or letter,
     * so that "1. one 2. two" breaks before "2." */
    int seq_kind;           /* 0 none, 1 number, 2 letter */
    long seq_val;
    char seq_sep;           /* '.' ')' or 'd' for ".)" */
    linestate line;
} seg;

static inline size_t
dec(const unsigned char *s, size_t i, size_t len, int32_t *c)
{
    return utf8_dec(s, i, len, c);
}

static inline bool
starts_with(const unsigned char *s, size_t p, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return p + n <= len && memcmp(s + p, lit, n) == 0;
}

/* words.c */
bool summ__seg_in_stop(const seg *g, size_t a, size_t n);
bool summ__seg_in_openers(const seg *g, size_t a, size_t n);
void summ__seg_case_stats(seg *g, size_t start);
int summ__seg_abbrev_tag(const seg *g, size_t a, size_t n);
bool summ__seg_nonfinal_end(const seg *g, size_t a, size_t e);
int summ__seg_next_word(const seg *g, size_t p, size_t *wa, size_t *wn);
/* Flag SUMM_FLAG_FILLER the sentences of a conversation that are only
 * fillers and stopwords ("Okay.", "Um, yeah, so."), with d->fillers. */
void summ__seg_mark_fillers(seg *g);

/* boiler.c */
/* s[a .. b), lower-cased, punctuation runs made one space, trimmed, folded
 * into out (cap bytes); false if it does not fit. Reads s[0 .. b) (any
 * byte of it, for the last bytes before b). */
bool summ__seg_normalise(const unsigned char *s, size_t a, size_t b, char *out, size_t cap,
                         size_t *outn);
/* The length and last byte that summ__seg_normalise() would give s[a ..
 * b), and whether it has a digit, without making it: false if a byte is
 * past ASCII (folding may change it) or the machine cannot tell fast.
 * Reads s[0 .. b), as summ__seg_normalise() does. */
bool summ__seg_norm_shape(const unsigned char *s, size_t a, size_t b, size_t *nn,
                          unsigned char *last, bool *digit);
/* Can a sentence whose normalised form has that shape be in the
 * "sentence: " list? (summ__seg_boiler_sentence() is false if not.) */
bool summ__seg_may_be_boiler_sentence(const seg *g, size_t nn, unsigned char last);
/* Boilerplate lines and sentences are at most BOILER_MAX bytes; their
 * normalised form fits in BOILER_NORM. */
#define BOILER_MAX 80
#define BOILER_NORM 96
/* Is the whole line s[a .. b) a boilerplate line ("Advertisement")? norm
 * is its summ__seg_normalise() form if the caller has it (cap
 * BOILER_NORM), else NULL. */
bool summ__seg_boiler_line(const seg *g, size_t a, size_t b, const char *norm, size_t nn);
/* Is the sentence whose normalised form is norm boilerplate ("All rights
 * reserved.")? */
bool summ__seg_boiler_sentence(const seg *g, const char *norm, size_t nn);
bool summ__seg_date_only(const seg *g, const char *norm, size_t n);
bool summ__seg_stamp_line(const seg *g, size_t a, size_t b);
bool summ__seg_byline(const seg *g, size_t a, size_t b, size_t words);
/* Does s[a .. b) contain "cookie" in any case? */
bool summ__seg_has_cookie(const unsigned char *s, size_t a, size_t b);
/* The end of the line at k if it is a consent notice ("We use cookies"),
 * else 0 (at once if g->cookie is false). */
size_t summ__seg_notice_end(const seg *g, size_t k);
/* The end of a dateline or byline at the start of the text, or 0. */
size_t summ__seg_dateline(const seg *g, size_t start);

/* lines.c */
void summ__seg_line_stats(seg *g, size_t start);
size_t summ__seg_list_marker(const seg *g, size_t p);
/* The number or letter of the list marker of m bytes at p, and what
 * follows it ('.', ')', 'd' for ".)"): false for one that is neither. */
bool summ__seg_marker_value(const seg *g, size_t p, size_t m, int *kind, long *val, char *sep);
size_t summ__seg_word_cps(const seg *g, size_t p);
/* The line before the break at i is a unit of its own, and the next one,
 * at k, is short and ends with no punctuation: one-line items
 * ("features\ncontact manager\n"), not a sentence wrapped. */
bool summ__seg_item_lines(const seg *g, size_t k);
unsigned summ__seg_classify(const seg *g, size_t a, size_t b, int why);

/* glue.c */
summ_status summ__seg_find_glue(seg *g, size_t start);

#endif
