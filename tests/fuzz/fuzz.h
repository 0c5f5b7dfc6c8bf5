/* fuzz.h - what the fuzz targets share: options taken from the first input
 * bytes, and the invariants every result must keep. A broken invariant
 * prints what broke and abort()s, which libFuzzer reports as a crash and the
 * replay test as a failure. */
#ifndef SUMM_FUZZ_H
#define SUMM_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "summarize.h"

#define FUZZ_CHECK(cond) \
    ((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond))

void fuzz_fail(const char *file, int line, const char *what)
#if defined(__GNUC__)
    __attribute__((noreturn))
#endif
    ;

/* The options header: the first FUZZ_HEADER bytes of an input (see
 * fuzz_common.c for the layout) become option settings, applied with
 * summ_set_*(). Shorter inputs use the defaults and are all text. */
#define FUZZ_HEADER 8
#define FUZZ_MAX_OPTS 32

typedef struct fuzz_opt {
    summ_option option;
    double number;        /* an int or real option's value */
    const char *string;   /* a string option's (static) */
} fuzz_opt;

typedef struct fuzz_input {
    fuzz_opt opt[FUZZ_MAX_OPTS];
    size_t nopt;
    const char *text;
    size_t len;
    char words[2][32];    /* the query's and the stopwords' values, when taken from the text */
} fuzz_input;

void fuzz_decode(const uint8_t *data, size_t size, fuzz_input *in);

/* Make a context with in's settings, each checked to read back as set; a
 * language the library does not know (yet) falls back to detection (and
 * is dropped from in). Never fails except on abort. */
summ_ctx *fuzz_ctx(fuzz_input *in);

/* Offset of the first byte that is not valid UTF-8 or is NUL, or
 * (size_t)-1; *nul tells which. Written from RFC 3629 independently of the
 * library's fast validator, so the two check each other. */
size_t fuzz_first_bad(const char *s, size_t n, bool *nul);

/* What a result was made by. */
typedef enum fuzz_mode { FUZZ_RUN, FUZZ_RANK, FUZZ_SPLIT } fuzz_mode;

/* The invariants of any OK result for text (BOM included), made by mode on
 * ctx (whose options give the limits): spans inside the text, on UTF-8
 * boundaries, trimmed, in order, not overlapping, indices below the
 * sentence count, scores in [0, 1], flags (SUMM_FLAG_SELECTED on what the
 * summary chose), each span's text (for plain text the input's bytes),
 * keywords (valid UTF-8, their spans in the text, scores, counts). */
void fuzz_check_result(const char *text, size_t len, const summ_result *res,
                       const summ_ctx *ctx, fuzz_mode mode);

/* Same spans, indices, flags, scores, texts and keywords. */
bool fuzz_same(const summ_result *a, const summ_result *b);

/* The spans of rank flagged SUMM_FLAG_SELECTED are exactly those of run,
 * and the two have the same keywords. */
void fuzz_check_rank_matches(const summ_result *rank, const summ_result *run);

/* A status is allowed for text iff it matches the reference validator:
 * SUMM_OK for valid UTF-8 without NUL, else EUTF8/EBINARY at the right
 * offset. */
void fuzz_check_status(summ_ctx *ctx, summ_status st, const char *text, size_t len,
                       const summ_result *res);

#endif
