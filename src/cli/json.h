/* json.h - the little JSON the CLI needs: writing strings, and reading one
 * JSON Lines record ({"id": ..., "text": "..."}). */
#ifndef SUMM_CLI_JSON_H
#define SUMM_CLI_JSON_H

#include <stddef.h>
#include <stdio.h>

/* Write s[0 .. n) as a JSON string literal, quotes included. Bytes that
 * are not valid UTF-8 are written as \ufffd, so the output is always valid
 * UTF-8 and valid JSON. */
void json_write_string(FILE *f, const char *s, size_t n);

#endif
