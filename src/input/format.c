/* format.c - the table of input formats, and telling them apart by their
 * content (never by a file name). Plain text is the identity: the stages
 * read the caller's buffer. */
#include <string.h>
#include <strings.h>

#include "input/input.h"
#include "input/textfmt.h"
#include "text/utf8.h"

typedef summ_status (*fmt_fn)(doc *d, const input_env *env, summ_err *err);

static summ_status
read_text(doc *d, const input_env *env, summ_err *err)
{
    (void)env;
    (void)err;
    d->text = d->src;
    d->len = d->srclen;
    d->map = NULL;
    d->nmap = 0;
    d->blocks = NULL;
    d->nblocks = 0;
    return SUMM_OK;
}

static const struct {
    int fmt;
    const char *name;
    fmt_fn read;      /* NULL: not in this build */
} formats[] = {
    { SUMM_FORMAT_TEXT, "text", read_text },
    { SUMM_FORMAT_MARKDOWN, "markdown", summ__read_markdown },
    { SUMM_FORMAT_EMAIL, "email", summ__read_email },
    { SUMM_FORMAT_PDFTEXT, "pdftext", summ__read_pdftext },
    { SUMM_FORMAT_SUBTITLES, "subtitles", summ__read_subtitles },
    { SUMM_FORMAT_TRANSCRIPT, "transcript", summ__read_transcript },
#ifdef SUMM_HAVE_GUMBO
    { SUMM_FORMAT_HTML, "html", summ__read_html },
#else
    { SUMM_FORMAT_HTML, "html", NULL },
#endif
};
#define NFORMATS (sizeof formats / sizeof formats[0])

/* Other names a user may type for a format. */
static const struct {
    const char *alias, *name;
} aliases[] = {
    { "md", "markdown" }, { "mail", "email" }, { "eml", "email" }, { "mbox", "email" },
    { "pdf", "pdftext" }, { "srt", "subtitles" }, { "vtt", "subtitles" },
    { "webvtt", "subtitles" },
};

const char *
summ__format_name(int fmt)
{
    if (fmt == SUMM_FORMAT_AUTO)
        return "auto";
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].fmt == fmt)
            return formats[i].name;
    return NULL;
}

int
summ__format_lookup(const char *name)
{
    if (!name)
        return -1;
    if (strcasecmp(name, "auto") == 0)
        return SUMM_FORMAT_AUTO;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcasecmp(aliases[i].alias, name) == 0)
            name = aliases[i].name;
    for (size_t i = 0; i < NFORMATS; i++)
        if (strcasecmp(formats[i].name, name) == 0)
            return formats[i].fmt;
    return -1;
}

bool
summ__format_supported(int fmt)
{
    if (fmt == SUMM_FORMAT_AUTO)
        return true;
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].fmt == fmt)
            return formats[i].read != NULL;
    return false;
}

int
summ__input_sniff(const char *text, size_t len)
{
    /* HTML first: the other markups can hold HTML, HTML holds none of them */
    if (summ__html_sniff(text, len))
        return SUMM_FORMAT_HTML;
    /* The most particular marks first: a message's headers, subtitle cue
     * timings, a PDF's form feeds and page furniture, speaker labels; then
     * Markdown, whose marks are the weakest. */
    if (summ__sniff_email(text, len))
        return SUMM_FORMAT_EMAIL;
    if (summ__sniff_subtitles(text, len))
        return SUMM_FORMAT_SUBTITLES;
    if (summ__sniff_pdftext(text, len))
        return SUMM_FORMAT_PDFTEXT;
    if (summ__sniff_transcript(text, len))
        return SUMM_FORMAT_TRANSCRIPT;
    if (summ__sniff_markdown(text, len))
        return SUMM_FORMAT_MARKDOWN;
    return SUMM_FORMAT_TEXT;
}

/* An e-mail whose bytes are not all UTF-8 (eight-bit parts in Latin-1,
 * KOI8-R, Shift_JIS...: each part says its charset) is read all the same,
 * if it has no NUL byte: is d one (by its format or its headers, which are
 * ASCII)? */
static bool
unchecked_email(const doc *d, int fmt)
{
    if (fmt != SUMM_FORMAT_EMAIL
        && !(fmt == SUMM_FORMAT_AUTO && summ__sniff_email(d->src, d->srclen)))
        return false;
    return !memchr(d->src, 0, d->srclen);
}

/* Read it, each part in its charset; if its text is still not UTF-8 (it
 * should be: the reader checks what it copies), the input's error stands. */
static summ_status
read_unchecked_email(doc *d, const input_env *env, summ_err *err)
{
    size_t off = err->off;
    summ__err_clear(err);
    d->start = 0;
    d->unchecked = true;
    d->format = SUMM_FORMAT_EMAIL;
    summ_status st = summ__read_email(d, env, err);
    d->warnings |= SUMM_WARN_CHARSET_CONVERTED;  /* spans need not be on UTF-8 boundaries */
    size_t bad;
    if (st == SUMM_OK && summ__utf8_check(d->text, d->len, &bad) != 0) {
        err->off = off;
        return summ__err_set(err, SUMM_EUTF8, "invalid UTF-8 at byte %zu", off);
    }
    return st;
}

summ_status
summ__input_read(doc *d, int fmt, const input_env *env, summ_err *err)
{
    if (d->srclen > SUMM_MAX_INPUT) {
        err->off = SUMM_MAX_INPUT;
        return summ__err_set(err, SUMM_ETOOBIG, "input of %zu bytes is larger than the limit of %zu",
                             d->srclen, (size_t)SUMM_MAX_INPUT);
    }
    /* A page says which charset it is in, so HTML checks its bytes itself
     * (and is told apart first: its bytes need not be UTF-8); everything
     * else must be UTF-8, and is told apart once checked. */
    if (fmt == SUMM_FORMAT_AUTO && summ__html_sniff(d->src, d->srclen))
        fmt = SUMM_FORMAT_HTML;
    if (fmt != SUMM_FORMAT_HTML) {
        summ_status st = summ__input_check(d->src, d->srclen, &d->start, err);
        if (st == SUMM_EUTF8 && unchecked_email(d, fmt))
            return read_unchecked_email(d, env, err);
        if (st != SUMM_OK)
            return st;
        if (fmt == SUMM_FORMAT_AUTO)
            fmt = summ__input_sniff(d->src + d->start, d->srclen - d->start);
    }
    for (size_t i = 0; i < NFORMATS; i++) {
        if (formats[i].fmt != fmt)
            continue;
        if (!formats[i].read)
            return summ__err_set(err, SUMM_EFORMAT, "%s input is not supported by this build%s",
                                 formats[i].name,
                                 fmt == SUMM_FORMAT_HTML ? " (it needs gumbo: install libgumbo-dev"
                                                           " and configure with -Dhtml=enabled)"
                                                         : "");
        d->format = fmt;
        return formats[i].read(d, env, err);
    }
    return summ__err_set(err, SUMM_EFORMAT, "no input format %d", fmt);
}
