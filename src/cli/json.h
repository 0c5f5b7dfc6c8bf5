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

/* The same into out, which has room for JSON_ESCAPED_MAX(n) bytes; the
 * length written. */
#define JSON_ESCAPED_MAX(n) (6 * (n) + 2)
size_t json_escape_string(char *out, const char *s, size_t n);

/* Numbers as printf("%zu") and printf("%.4f") write them, into buf
 * (JSON_NUM_MAX bytes at least, not NUL-terminated); their length. The
 * output has a score per sentence and per keyword: printf's format
 * parsing and its big-number arithmetic were most of the cost of writing
 * it. */
#define JSON_NUM_MAX 330  /* -DBL_MAX in %.4f: a sign, 309 digits, a point, 4 more */
size_t json_fmt_size(char *buf, size_t v);
size_t json_fmt_fixed4(char *buf, double x);

/* One record of a JSON Lines batch. */
typedef struct json_record {
    const char *id;    /* the "id" value's JSON text, verbatim: a string literal
                          (quotes and escapes as given) or a number; points into
                          the line; NULL if the record has no id */
    size_t idlen;
    char *text;        /* the "text" value, decoded, NUL-terminated (it may hold
                          NUL bytes of its own, from \u0000); malloc'd, free with
                          json_record_free(); NULL if absent */
    size_t textlen;
} json_record;

/* Nesting deeper than this (in fields we otherwise ignore) is an error:
 * it bounds the parser's recursion on hostile input. */
#define JSON_MAX_DEPTH 64

/*
 * Parse line[0 .. len) (no newline; a trailing CR is white space) as one
 * JSON object with a "text" string and an optional "id" (a string or a
 * number); other members are checked and ignored. Strict RFC 8259: no
 * trailing garbage, no comments, no trailing commas, strings of valid UTF-8
 * without raw control characters, \u escapes with surrogates in pairs,
 * "id" and "text" at most once. line need not be NUL-terminated.
 *
 * Returns 0 on success. On failure returns -1, writes a message into
 * err[0 .. errsize) ("invalid JSON at byte 12: expected ':'"), and still
 * sets rec->id if the id had been read before the error, so the caller can
 * echo it. Either way call json_record_free(rec) afterwards. Never reads
 * outside line[0 .. len); allocates only rec->text (at most len + 1 bytes).
 */
int json_parse_record(const char *line, size_t len, json_record *rec, char *err,
                      size_t errsize);

/* Free what json_parse_record() allocated; rec may be NULL. */
void json_record_free(json_record *rec);

#endif
