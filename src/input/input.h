/* input.h - input formats: each makes the document's clean text out of
 * the caller's bytes, with the map back to them (doc.h: srcmap) and the
 * blocks it knows (headings, list items, furniture). Plain text needs
 * neither: the stages read the caller's buffer itself.
 *
 * A format is a function (fmt_fn) that reads d->src and, through a
 * tbuild, writes the clean text. It may call env->stopwords to learn which
 * words of a text are stopwords (main-text extraction weighs blocks by
 * them): a function pointer, so that input/ does not depend on the layers
 * that load languages. Adding a format: a file here, a row of the table in
 * input/format.c, a value of summ_format in summarize.h. */
#ifndef SUMM_INPUT_H
#define SUMM_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"
#include "doc.h"

/* ---- text.c: what every input goes through first ------------------------ */

/* Check the caller's bytes: SUMM_ETOOBIG, SUMM_EBINARY (NUL byte),
 * SUMM_EUTF8, with the detail in err (err->off the byte offset). *start is
 * set past a BOM. */
summ_status summ__input_check(const char *text, size_t len, size_t *start, summ_err *err);

/* ---- build.c: writing clean text with its map ---------------------------- */

typedef struct tbuild {
    arena *ar;
    const char *src;      /* the input */
    size_t srclen;
    char *text;           /* the clean text so far (NUL-terminated) */
    size_t len, cap;
    srcmap *map;
    size_t nmap, capmap;
    block *blk;
    size_t nblk, capblk;
    bool open;            /* a block is open (since blk[nblk - 1].start) */
    bool failed;          /* out of memory or past SUMM_MAX_INPUT: all else is a no-op */
} tbuild;

void summ__tb_init(tbuild *b, arena *ar, const char *src, size_t srclen);
/* Append input bytes src[off .. off + n) as they are. */
void summ__tb_copy(tbuild *b, size_t off, size_t n);
/* Append s[0 .. n), which stands for input bytes [off, off + srclen): an
 * entity, a rejoined word, a line break for <br>. */
void summ__tb_put(tbuild *b, const char *s, size_t n, size_t off, size_t srclen);
/* The same for a piece whose characters stand evenly for its input
 * bytes: decoded base64, where no character has bytes of its own. The
 * input bytes must be ASCII and at least as many as the characters (else
 * it maps as a whole, like summ__tb_put()). */
void summ__tb_put_spread(tbuild *b, const char *s, size_t n, size_t off, size_t srclen);
/* Start a block of kind at the end of the text: a blank line separates it
 * from the text before (a unit never runs across two blocks). */
void summ__tb_block(tbuild *b, block_kind kind);
/* End the open block, if any. */
void summ__tb_end_block(tbuild *b);
/* Give the open block a label (its speaker, its sender: metadata, not
 * text), copied; nothing if no block is open. */
void summ__tb_label(tbuild *b, const char *s, size_t n);
/* Fill d's clean text, map and blocks (which live in b's arena). Returns
 * SUMM_ENOMEM or SUMM_ETOOBIG if the building failed. */
summ_status summ__tb_finish(tbuild *b, doc *d);

/* The input bytes of clean span [a, b): [*sa, *sb). */
void summ__map_span(const doc *d, size_t a, size_t b, size_t *sa, size_t *sb);
/* The block that holds clean byte pos, or NULL. */
const block *summ__block_at(const doc *d, size_t pos);

/* ---- format.c: the formats ------------------------------------------------ */

typedef struct input_env {
    /* The stopwords of text's language (detected), or NULL. */
    const strset *(*stopwords)(void *ud, const char *text, size_t len);
    void *ud;
    /* The word list of a data_kind (DATA_EMAIL, DATA_PDF, ...) for text's
     * language (detected), with English's: *out never NULL on SUMM_OK;
     * SUMM_ENOMEM or SUMM_EDATA (with the detail in the run's error). */
    summ_status (*list)(void *ud, int kind, const char *text, size_t len, const strset **out);
} input_env;

/* Read d->src[0 .. d->srclen), already checked (summ__input_check; d->start
 * past its BOM), as format fmt (a summ_format; SUMM_FORMAT_AUTO: told from
 * the content): set d->format and d's clean text, map and blocks.
 * SUMM_EFORMAT (with err) for a format this build cannot read. */
summ_status summ__input_read(doc *d, int fmt, const input_env *env, summ_err *err);

/* The format the content looks like (never SUMM_FORMAT_AUTO). */
int summ__input_sniff(const char *text, size_t len);

/* For summ_format_name() and summ_format_supported(). */
const char *summ__format_name(int fmt);
int summ__format_lookup(const char *name);
bool summ__format_supported(int fmt);

#endif
