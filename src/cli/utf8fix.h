/* utf8fix.h - the CLI's --invalid=replace: a copy of a text in which every
 * byte that is not part of a valid UTF-8 character is U+FFFD. */
#ifndef SUMM_CLI_UTF8FIX_H
#define SUMM_CLI_UTF8FIX_H

#include <stddef.h>

/* Return a new malloc'd copy of s[0 .. n) with each byte that does not
 * belong to a well-formed UTF-8 sequence (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF, no truncated sequence) replaced by
 * U+FFFD (EF BF BD). NUL bytes are valid UTF-8 and are kept. *outlen gets
 * the copy's length, *nbad the number of bytes replaced and *first the
 * offset of the first one ((size_t)-1 if none). NULL if out of memory. */
char *utf8_replace_invalid(const char *s, size_t n, size_t *outlen, size_t *nbad,
                           size_t *first);

#endif
