/* format.c - the table of input formats, and telling them apart by their
 * content (never by a file name). Plain text is the identity: the stages
 * read the caller's buffer. */
#include <string.h>
#include <strings.h>

#include "input/input.h"

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
#ifdef SUMM_HAVE_GUMBO
    { SUMM_FORMAT_HTML, "html", summ__read_html },
#else
    { SUMM_FORMAT_HTML, "html", NULL },
#endif
};
#define NFORMATS (sizeof formats / sizeof formats[0])

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
    return SUMM_FORMAT_TEXT;
}

summ_status
summ__input_read(doc *d, int fmt, const input_env *env, summ_err *err)
{
    if (d->srclen > SUMM_MAX_INPUT) {
        err->off = SUMM_MAX_INPUT;
        return summ__err_set(err, SUMM_ETOOBIG, "input of %zu bytes is larger than the limit of %zu",
                             d->srclen, (size_t)SUMM_MAX_INPUT);
    }
    if (fmt == SUMM_FORMAT_AUTO)
        fmt = summ__input_sniff(d->src, d->srclen);
    for (size_t i = 0; i < NFORMATS; i++) {
        if (formats[i].fmt != fmt)
            continue;
        if (!formats[i].read)
            return summ__err_set(err, SUMM_EFORMAT, "%s input is not supported by this build%s",
                                 formats[i].name,
                                 fmt == SUMM_FORMAT_HTML ? " (it needs gumbo: install libgumbo-dev"
                                                           " and configure with -Dhtml=enabled)"
                                                         : "");
        /* A page says which charset it is in, so HTML checks its bytes
         * itself; everything else must be UTF-8. */
        summ_status st;
        if (fmt != SUMM_FORMAT_HTML && (st = summ__input_check(d->src, d->srclen, &d->start, err))
                                           != SUMM_OK)
            return st;
        d->format = fmt;
        return formats[i].read(d, env, err);
    }
    return summ__err_set(err, SUMM_EFORMAT, "no input format %d", fmt);
}
