/* data.c - stopword and abbreviation lists. Looked for, in order, in
 * summ_options.data_dir, $SUMMARIZE_DATA_DIR, and the installed data
 * directory (SUMM_DATADIR, set by meson); a list found in none of them comes
 * from the copy compiled into the library from stopwords/, so the library
 * works uninstalled too. A directory named by the caller (option or
 * environment) whose file exists but cannot be read is an error; the
 * installed directory is only a preference. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#ifndef SUMM_DATADIR
#  define SUMM_DATADIR ""
#endif

/* The directory to look in; *strict is set when the caller named it. */
static const char *
data_dir(const struct summ_ctx *ctx, bool *strict)
{
    *strict = true;
    if (ctx->data_dir && *ctx->data_dir)
        return ctx->data_dir;
    const char *env = getenv("SUMMARIZE_DATA_DIR");
    if (env && *env)
        return env;
    *strict = false;
    return *SUMM_DATADIR ? SUMM_DATADIR : NULL;
}

/* Read a whole file. Returns SUMM_OK with *buf NULL if it does not exist. */
static summ_status
read_file(struct summ_ctx *ctx, const char *path, char **buf, size_t *len)
{
    *buf = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            return SUMM_OK;
        return set_error(ctx, SUMM_EDATA, "%s: %s", path, strerror(errno));
    }
    size_t cap = 0, n = 0;
    char *p = NULL;
    for (;;) {
        if (!s_grow(&ctx->al, (void **)&p, &cap, n + 4096, 1)) {
            s_free(&ctx->al, p);
            fclose(f);
            return SUMM_ENOMEM;
        }
        size_t got = fread(p + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        s_free(&ctx->al, p);
        return set_error(ctx, SUMM_EDATA, "%s: read error", path);
    }
    *buf = p;
    *len = n;
    return SUMM_OK;
}

summ_status
data_load(struct summ_ctx *ctx, const lang_info *lang, data_kind kind, strset *s)
{
    bool keep_case = kind == DATA_ABBREV;
    bool strict;
    const char *dir = data_dir(ctx, &strict);
    if (dir) {
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/%s%s.txt", dir,
                         kind == DATA_ABBREV ? "abbrev/" : "", lang->code);
        if (n < 0 || (size_t)n >= sizeof path)
            return set_error(ctx, SUMM_EDATA, "data directory path too long");
        char *buf;
        size_t len;
        summ_status st = read_file(ctx, path, &buf, &len);
        if (st == SUMM_ENOMEM || (st != SUMM_OK && strict))
            return st;
        if (st != SUMM_OK)
            ctx->errmsg[0] = '\0';  /* the installed copy is unreadable: use the built-in */
        else if (buf) {
            bool ok = strset_load_list(s, buf, len, keep_case);
            s_free(&ctx->al, buf);
            return ok ? SUMM_OK : SUMM_ENOMEM;
        }
    }
    for (const builtin_list *b = builtin_lists; b->code; b++) {
        if (b->kind == kind && strcmp(b->code, lang->code) == 0)
            return strset_load_list(s, b->text, b->len, keep_case) ? SUMM_OK : SUMM_ENOMEM;
    }
    return SUMM_OK;
}
