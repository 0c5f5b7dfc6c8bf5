/* text.c - plain text, and the check every input goes through first: the
 * text is checked as UTF-8, never copied. A BOM is skipped; CR is treated
 * as white space by the later stages, so CR LF and LF give the same
 * sentences and the spans still point into the caller's buffer. */
#include "input/input.h"
#include "text/utf8.h"

summ_status
summ__input_check(const char *text, size_t len, size_t *start, summ_err *err)
{
    const unsigned char *s = (const unsigned char *)text;
    *start = 0;
    if (len > SUMM_MAX_INPUT) {
        err->off = SUMM_MAX_INPUT;
        return summ__err_set(err, SUMM_ETOOBIG, "input of %zu bytes is larger than the limit of %zu",
                             len, (size_t)SUMM_MAX_INPUT);
    }
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        *start = 3;
    size_t bad;
    switch (summ__utf8_check(text + *start, len - *start, &bad)) {
    case 1:
        err->off = bad + *start;
        return summ__err_set(err, SUMM_EUTF8, "invalid UTF-8 at byte %zu", err->off);
    case 2:
        err->off = bad + *start;
        return summ__err_set(err, SUMM_EBINARY, "binary data: NUL byte at byte %zu", err->off);
    default:
        return SUMM_OK;
    }
}
