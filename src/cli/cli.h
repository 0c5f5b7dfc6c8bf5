/* cli.h - what the CLI's files share. The layers, bottom up: io.c (reading
 * files, stdout errors), json.c (JSON strings and records), utf8fix.c
 * (--invalid=replace), output.c (text and JSON), html.c (the HTML page),
 * batch.c (documents on worker threads, in order), multi.c (--multi: all
 * files as one), main.c (the command line). Each uses only those below
 * it, and the library through summarize.h. */
#ifndef SUMM_CLI_H
#define SUMM_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "summarize.h"

extern const char *progname;

enum format { FMT_TEXT, FMT_JSON, FMT_HTML };

typedef struct cli {
    summ_ctx *proto;  /* the options of the command line; each worker clones it */
    enum format format;
    bool split;       /* --split: every sentence, no scoring */
    bool jsonl;       /* --jsonl: JSON Lines in, JSON Lines out */
    bool replace_invalid; /* --invalid=replace: bad UTF-8 bytes of files become U+FFFD */
    bool many;        /* more than one file in text format: print headers */
    bool keywords;    /* -k given: JSON has a "keywords" member */
    bool scores;      /* --scores: every sentence with its score (summ_rank) */
    bool multi;       /* --multi: all files as one text */
    bool has_query;   /* -q given: say so when it matches nothing */
    unsigned jobs;    /* -j: worker threads, each with its own context */
} cli;

/* ---- io.c ---- */

/* Read all of fd into a new buffer. Returns 0 or an errno value (EFBIG
 * past SUMM_MAX_INPUT). */
int read_all(int fd, char **out, size_t *outlen);

/* The message for read_all()'s error err (EFBIG: the limit, in bytes). */
const char *read_error(int err);

/* Treat a failed stdout like the default SIGPIPE would on a closed pipe
 * (quietly), else report and exit 1. */
void check_stdout(void);

/* Flush and close stdout before exiting with status: a write error (a full
 * disk) is reported and makes it 1, a closed pipe is quiet. */
int close_stdout(int status);

/* ---- output.c ---- */

/* Summarize (or split, or rank) text with ctx into *res, per the settings. */
summ_status cli_summarize(const cli *c, summ_ctx *ctx, const char *text, size_t len,
                          summ_result **res);

/* The JSON object of one result, after its first member (the caller has
 * written `{"file":...` or `{"id":...`): `,"language":...}` and a newline.
 * names, if not NULL, are the files of a --multi result: each sentence and
 * keyword then says its "file". */
void write_json_tail(FILE *f, const cli *c, const summ_result *res, char *const *names);

/* One sentence a line, white space collapsed (and keywords first, if any);
 * with --scores every sentence as SCORE TAB * (if chosen) TAB TEXT. names,
 * if not NULL, are the files of a --multi result: a "==> FILE <==" line
 * before each one's sentences when there are several. */
void write_text(FILE *f, const cli *c, const summ_result *res, char *const *names);

/* A warning for a result that did not do all it was asked (a query that
 * matched nothing), for stderr; NULL if none. Static. */
const char *result_warning(const cli *c, const summ_result *res);

/* name as UTF-8 (a file name is any bytes): malloc'd, or NULL. */
char *printable_name(const char *name);

/* ---- html.c ---- */

/* The self-contained HTML page of a result of summ_rank() or
 * summ_rank_multi(): the whole text, its chosen sentences marked and every
 * sentence's score on hover, the keywords, the language. texts[k] (lens[k])
 * is the input of document k of the result and names[k] its file name. */
void write_html(FILE *f, const summ_result *res, const char *const *texts, const size_t *lens,
                char *const *names);

/* ---- batch.c ---- */

/* Run the inputs (paths; "-" is standard input) as a batch: --jsonl lines,
 * or whole files. Output is in input order whatever c->jobs is. Returns
 * the exit status: 0, or 1 if anything failed. */
int batch_run(const cli *c, char **paths, size_t npaths);

/* ---- multi.c ---- */

/* --multi: read every input (paths; "-" is standard input), summarize them
 * as one, write the one result. A file that cannot be read is reported
 * (and in JSON listed under "errors"), the others still summarized.
 * Returns the exit status: 0, or 1 if anything failed. */
int multi_run(const cli *c, char **paths, size_t npaths);

#endif
