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

/* The input bytes of clean span [a, b): [*sa, *sb). Where the map runs
 * backwards inside the span (HTML moves some text: a table's stray text
 * goes before the table), the span covers every piece it holds. */
void summ__map_span(const doc *d, size_t a, size_t b, size_t *sa, size_t *sb);
/* The block that holds clean byte pos, or NULL. */
const block *summ__block_at(const doc *d, size_t pos);

/* ---- prescan.c: an HTML page's bytes before parsing ------------------------ */

/* Does text look like an HTML page? A doctype, an <html> tag, or a start
 * with a page's tag and at least a third of the first 4 kB in tags;
 * comments and an XML declaration may come first. Never plain text. */
bool summ__html_sniff(const char *text, size_t len);

/* The charset label the page declares in its first 1024 bytes (a BOM
 * already skipped): <meta charset>, http-equiv Content-Type, else an XML
 * declaration's encoding; lower case in label (cap bytes). Returns its
 * length, 0 if none. */
size_t summ__html_declared_charset(const char *s, size_t n, char *label, size_t cap);

/* A copy of s[0 .. n) (same length) that the parser reads in linear time:
 * tags past a nesting depth and attributes past a count blanked (see
 * prescan.c); NULL if nothing had to change, or on OOM (*oom). *blanked:
 * how many runs were blanked. The copy lives in ar. */
char *summ__html_bound(arena *ar, const char *s, size_t n, size_t *blanked, bool *oom);

/* ---- charset.c: pages in other charsets ------------------------------------ */

enum { CHARSET_UTF8, CHARSET_OTHER, CHARSET_REFUSED };

/* What a declared label means: CHARSET_UTF8 (UTF-8, or UTF-16 which a
 * <meta> cannot mean), CHARSET_REFUSED (a browser would not decode it),
 * else CHARSET_OTHER with *iconv_name the name to give iconv (the
 * WHATWG meaning of the label: "iso-8859-1" is windows-1252). */
int summ__charset_kind(const char *label, const char **iconv_name);

/* The first character of src[0 .. n) converted by cd (an iconv_t to
 * UTF-8, in the state the characters before left it): how many bytes it
 * took (1 to 8), its UTF-8 in out (*outn bytes, at most 32; none for a
 * shift sequence, which only changes the state). 0 if the bytes are no
 * character of the charset, or one cut short (the state is reset). */
size_t summ__charset_next(void *cd, const char *src, size_t n, char *out, size_t *outn);

/* A page converted to UTF-8, with its map back to the page's bytes
 * (doc.h's srcmap, clean = the UTF-8's offsets; verbatim pieces are
 * byte for byte). */
typedef struct convtext {
    const char *text;
    size_t len;
    const srcmap *map;
    size_t nmap;
} convtext;

/* Convert src[0 .. n) from the charset iconv calls name; the map's
 * offsets are src's plus base. Bytes the charset does not have become
 * U+FFFD. SUMM_EFORMAT if iconv does not know the charset, SUMM_ETOOBIG,
 * SUMM_ENOMEM. All of it in ar. */
summ_status summ__charset_convert(arena *ar, const char *name, const char *src, size_t n,
                                  size_t base, convtext *out, summ_err *err);

/* d's map was made over c's text: make it a map to the page's bytes. */
summ_status summ__charset_remap(arena *ar, doc *d, const convtext *c);

/* The bytes of page d to parse: the page itself if it is UTF-8 (*pbuf =
 * d->src, *start past a BOM), else converted from its BOM's or its
 * declaration's charset (*out set, *converted, d->warnings says so);
 * SUMM_EBINARY, SUMM_EUTF8 (with the reason: no declaration, a refused
 * or unknown charset) with err. */
summ_status summ__html_decode(doc *d, const char **pbuf, size_t *plen, size_t *start,
                              convtext *out, bool *converted, summ_err *err);

/* ---- format.c: the formats ------------------------------------------------ */

typedef struct input_env {
    /* The stopwords of text's language (detected), or NULL. */
    const strset *(*stopwords)(void *ud, const char *text, size_t len);
    void *ud;
    /* The word list of a data_kind (DATA_EMAIL, DATA_PDF, ...) for text's
     * language (detected), with English's: *out never NULL on SUMM_OK;
     * SUMM_ENOMEM or SUMM_EDATA (with the detail in the run's error). */
    summ_status (*list)(void *ud, int kind, const char *text, size_t len, const strset **out);
    /* SUMM_OPT_EXTRACT: keep only the main text of a page. */
    bool extract;
} input_env;

/* Read d->src[0 .. d->srclen) as format fmt (a summ_format;
 * SUMM_FORMAT_AUTO: told from the content): check it (summ__input_check
 * for every format but HTML, which reads charsets of its own), set
 * d->format and d's clean text, map and blocks (d->start past a BOM).
 * SUMM_EFORMAT (with err) for a format this build cannot read. */
summ_status summ__input_read(doc *d, int fmt, const input_env *env, summ_err *err);

/* html.c (built with gumbo): the HTML format. */
summ_status summ__read_html(doc *d, const input_env *env, summ_err *err);
/* The same for the text/html part of an e-mail (email.c), d->src the
 * part decoded: no title block (the Subject is the message's title), and
 * a reply's quoted text (<blockquote>, a mail program's quote container:
 * the quote: hints of stopwords/html/) BLOCK_QUOTED, a signature
 * container's BLOCK_BOILER, with everything under them. */
summ_status summ__read_html_part(doc *d, const input_env *env, summ_err *err);

/* The format the content looks like (never SUMM_FORMAT_AUTO). */
int summ__input_sniff(const char *text, size_t len);

/* For summ_format_name() and summ_format_supported(). */
const char *summ__format_name(int fmt);
int summ__format_lookup(const char *name);
bool summ__format_supported(int fmt);

#endif
