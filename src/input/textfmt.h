/* textfmt.h - the plain-text formats: Markdown (markdown.c, its inline
 * syntax in mdinline.c), e-mail (email.c, its MIME decoding in mime.c),
 * PDF text (pdftext.c), subtitles (subtitles.c) and transcripts
 * (transcript.c). Their entry points for format.c's table, and the line
 * helpers they share. Not installed; only input/ includes it.
 *
 * Every reader is one forward pass over the lines of its input, with
 * look-ahead bounded in bytes, so each is linear in the input whatever it
 * holds; every sniffer reads at most SNIFF_MAX bytes. */
#ifndef SUMM_INPUT_TEXTFMT_H
#define SUMM_INPUT_TEXTFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "input/input.h"

/* What the sniffers read of a text. */
#define SNIFF_MAX ((size_t)64 * 1024)

summ_status summ__read_markdown(doc *d, const input_env *env, summ_err *err);
summ_status summ__read_email(doc *d, const input_env *env, summ_err *err);
summ_status summ__read_pdftext(doc *d, const input_env *env, summ_err *err);
summ_status summ__read_subtitles(doc *d, const input_env *env, summ_err *err);
summ_status summ__read_transcript(doc *d, const input_env *env, summ_err *err);

/* Does text[0 .. len) look like the format? Never for plain prose (news
 * articles, books): each asks for marks that prose does not make. */
bool summ__sniff_markdown(const char *text, size_t len);
bool summ__sniff_email(const char *text, size_t len);
bool summ__sniff_pdftext(const char *text, size_t len);
bool summ__sniff_subtitles(const char *text, size_t len);
bool summ__sniff_transcript(const char *text, size_t len);

/* ---- mdinline.c: Markdown's inline syntax -------------------------------- */

/* A line of a paragraph: its text in the input, after any container
 * marks ("> ", a list item's indent). */
typedef struct mdspan {
    size_t a, e;
} mdspan;

typedef struct mdrun {
    uint32_t a, len;   /* a run of backticks */
    uint32_t next;     /* the next run of the same length, or UINT32_MAX */
} mdrun;

/* Buffers reused from paragraph to paragraph (freed with
 * summ__md_scratch_free()). */
typedef struct mdscratch {
    const salloc *al;
    char *t;
    size_t capt;
    size_t *toff;
    size_t captoff;
    struct mtok *tok;
    size_t ntok, captok;
    mdrun *run;
    size_t nrun, caprun;
    uint32_t *stack;
    size_t nstack, capstack;
} mdscratch;

/* Write the text of the paragraph lines[0 .. nlines) (joined by their line
 * breaks) to b: code spans, link texts and autolinks kept, the syntax,
 * images and raw HTML left out. refs holds the defined link labels
 * (summ__md_label()); may be NULL. False when out of memory. */
bool summ__md_inline(tbuild *b, const strset *refs, const mdspan *lines, size_t nlines,
                     mdscratch *sc);
void summ__md_scratch_free(mdscratch *sc);
/* A link label's key: ASCII lower case, inner white space one space,
 * trimmed. Its length (0 if it does not fit in cap). */
size_t summ__md_label(const char *s, size_t n, char *out, size_t cap);

/* ---- mime.c: decoding e-mail text -------------------------------------------- */

enum { EP_VERBATIM, EP_WHOLE, EP_SPREAD };

/* A piece of a decoded text: text bytes from t on (to the next piece's t)
 * stand for the input bytes [src, src + srclen): byte for byte
 * (EP_VERBATIM), as a whole (EP_WHOLE: one character from "=C3=A9"), or
 * spread evenly (EP_SPREAD: the characters of a base64 line). */
typedef struct epiece {
    uint32_t t, src, srclen;
    uint8_t kind;
} epiece;

/* A decoded text, always valid UTF-8 without NUL, with its pieces. */
typedef struct ebody {
    const salloc *al;
    char *t;
    size_t n, cap;
    epiece *pc;
    size_t npc, cappc;
    bool replaced;   /* a byte was no character of its charset: U+FFFD */
    bool unchecked;  /* the input's bytes need not be UTF-8 (doc.unchecked):
                        what is copied of them is checked, bytes that are not
                        UTF-8 become U+FFFD */
} ebody;

enum { CS_UTF8, CS_LATIN1, CS_LATIN9, CS_CP1252, CS_ICONV, CS_UNKNOWN };
/* A part's charset: CS_ICONV (any other that iconv knows) has a
 * descriptor from it to UTF-8, whose state decoding changes (the shifts
 * of ISO-2022-JP): one per part. */
typedef struct mcs {
    int kind;
    void *cd;
    bool wide;  /* CS_ICONV whose ASCII is not ASCII (UTF-16, UTF-32): read
                   only from base64 (in a text that is UTF-8 bytes, seven-bit
                   or quoted-printable UTF-16 is no text) */
} mcs;
/* The charset of a name ("UTF-8", "iso-8859-1", "Shift_JIS"; "" is
 * US-ASCII); CS_UNKNOWN if neither the table nor iconv knows it. Close
 * it when done. */
mcs summ__mime_charset_open(const char *name, size_t n);
void summ__mime_charset_close(mcs *cs);

/* Append the input's bytes s[a .. b) decoded, to e; false when out of
 * memory. The input is UTF-8 already (checked), so identity is a copy,
 * but in a charset iconv reads (whose ASCII bytes need not be ASCII). */
bool summ__mime_identity(ebody *e, const char *s, size_t a, size_t b, const mcs *cs);
bool summ__mime_qp(ebody *e, const char *s, size_t a, size_t b, const mcs *cs);
bool summ__mime_base64(ebody *e, const char *s, size_t a, size_t b, const mcs *cs);
/* A header's value s[a .. b): encoded words decoded, folds one space. */
bool summ__mime_header(ebody *e, const char *s, size_t a, size_t b);

bool summ__ebody_verbatim(ebody *e, const char *src, size_t a, size_t b);
bool summ__ebody_put(ebody *e, const char *s, size_t n, size_t src, size_t srclen, int kind);
/* The piece of e that holds byte x of its text. */
size_t summ__ebody_piece_at(const ebody *e, size_t x);
/* The input bytes [*s0, *s1) that text [x, z) of e's spread piece k
 * stands for: its characters' share of the piece's. */
void summ__ebody_spread_share(const ebody *e, size_t k, size_t x, size_t z, size_t *s0,
                              size_t *s1);
/* Where text [x, z) of e's piece k (z at most the piece's end) came from
 * in the input, [*src, *src + *srclen): its own bytes (verbatim), its
 * share of a spread piece's, or the whole piece's; returns the piece's
 * EP_ kind, which a copy of the text keeps. */
int summ__ebody_span(const ebody *e, size_t k, size_t x, size_t z, size_t *src, size_t *srclen);
/* Write e's text [x, y) to b, each piece mapped to the input as it came. */
void summ__ebody_emit(const ebody *e, tbuild *b, size_t x, size_t y);
void summ__ebody_clear(ebody *e);   /* empty, buffers kept */
void summ__ebody_free(ebody *e);

/* ---- transcript.c: speech, shared with subtitles.c ----------------------- */

/* A time stamp at s[a] ("00:01:23", "1:23", "00:01:23.500"): its length,
 * else 0. */
size_t summ__speech_time(const char *s, size_t a, size_t e);
/* A speaker label at the start of line s[a .. e): the name [*na, *ne) and
 * where the turn's text starts (e: on the next lines). */
bool summ__speech_label(const char *s, size_t a, size_t e, size_t *na, size_t *ne,
                        size_t *text);
/* Write s[a .. e) without the transcriber's notes ("[laughs]",
 * "(inaudible)") and with WebVTT's character references decoded. */
void summ__speech_copy(tbuild *b, const char *s, size_t a, size_t e);

/* ---- lines --------------------------------------------------------------- */

/* One line of s: its bytes [a, e) without the line break (LF, CR LF or a
 * lone CR), and the start of the next line. */
typedef struct tline {
    size_t a, e, next;
} tline;

/* The line that starts at a (a < n). */
static inline tline
tline_at(const char *s, size_t n, size_t a)
{
    const char *nl = memchr(s + a, '\n', n - a);
    size_t e = nl ? (size_t)(nl - s) : n;
    tline l = { a, e, nl ? e + 1 : n };
    if (l.e > a && s[l.e - 1] == '\r')
        l.e--;
    return l;
}

static inline bool
is_hsp(char c)
{
    return c == ' ' || c == '\t';
}

/* The first byte of s[a .. e) that is not a space or tab (e if none). */
static inline size_t
skip_hsp(const char *s, size_t a, size_t e)
{
    while (a < e && is_hsp(s[a]))
        a++;
    return a;
}

/* The end of s[a .. e) without its trailing spaces and tabs. */
static inline size_t
trim_end(const char *s, size_t a, size_t e)
{
    while (e > a && (is_hsp(s[e - 1]) || s[e - 1] == '\r' || s[e - 1] == '\f'))
        e--;
    return e;
}

/* Only spaces, tabs, CR and form feeds? */
static inline bool
is_blank(const char *s, size_t a, size_t e)
{
    for (size_t i = a; i < e; i++)
        if (!is_hsp(s[i]) && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
            return false;
    return true;
}

/* The start of the first line of s[p .. n) that is not blank (n if none). */
static inline size_t
skip_blank_lines(const char *s, size_t n, size_t p)
{
    while (p < n) {
        tline l = tline_at(s, n, p);
        if (!is_blank(s, l.a, l.e))
            break;
        p = l.next;
    }
    return p;
}

static inline bool
ascii_ieq(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    if (n != k)
        return false;
    for (size_t i = 0; i < k; i++) {
        char c = s[i], l = lit[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (l >= 'A' && l <= 'Z')
            l = (char)(l + 32);
        if (c != l)
            return false;
    }
    return true;
}

/* Does s[a .. e) start with lit, ignoring ASCII case? */
static inline bool
ascii_iprefix(const char *s, size_t a, size_t e, const char *lit)
{
    size_t k = strlen(lit);
    return e - a >= k && ascii_ieq(s + a, k, lit);
}

static inline bool
is_digit_c(char c)
{
    return c >= '0' && c <= '9';
}

#endif
