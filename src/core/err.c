/* err.c - error details: a message a context keeps for its caller. */
#include <stdarg.h>
#include <stdio.h>

#include "core/core.h"

void
summ__err_clear(summ_err *e)
{
    e->msg[0] = '\0';
    e->off = (size_t)-1;
}

summ_status
summ__err_set(summ_err *e, summ_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return st;
}
