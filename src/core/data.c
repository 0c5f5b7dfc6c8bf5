/* data.c - word lists (stopwords, abbreviations, boilerplate phrases,
 * words that make poor keywords).
 * Looked for, in order, in the directory the caller named (a parameter),
 * $SUMMARIZE_DATA_DIR, and the installed data directory (SUMM_DATADIR, set
 * by meson); a list found in none of them comes from the copy compiled
 * into the library from stopwords/ (a constant table, nothing to parse),
 * so the library works uninstalled too.
 * A directory named by the caller (parameter or environment) whose file
 * exists but cannot be read is an error; the installed directory is only a
 * preference. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

#ifndef SUMM_DATADIR
#  define SUMM_DATADIR ""
#endif

const bool summ__kind_folded[DATA_KINDS] = { true, false, true, true, true, false, true, true,
                                              true, true, true, true };

/* The subdirectory of each kind. */
static const char *const kind_dir[DATA_KINDS] = {
    "", "abbrev/", "boiler/", "keywords/", "openers/", "profiles/", "email/", "fillers/", "pdf/",
    "nonfinal/", "cues/", "html/",
};

/* The directory to look in; *strict is set when the caller named it. */
static const char *
data_dir(const char *dir, bool *strict)
{
    *strict = true;
    if (dir && *dir)
        return dir;
    const char *env = getenv("SUMMARIZE_DATA_DIR");
    if (env && *env)
        return env;
    *strict = false;
    return *SUMM_DATADIR ? SUMM_DATADIR : NULL;
}

/* Read a whole file. Returns SUMM_OK with *buf NULL if it does not exist. */
static summ_status
read_file(const salloc *al, const char *path, char **buf, size_t *len, summ_err *err)
{
    *buf = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            return SUMM_OK;
        return summ__err_set(err, SUMM_EDATA, "%s: %s", path, strerror(errno));
    }
    size_t cap = 0, n = 0;
    char *p = NULL;
    for (;;) {
        if (!summ__grow(al, (void **)&p, &cap, n + 4096, 1)) {
            summ__free(al, p);
            fclose(f);
            return SUMM_ENOMEM;
        }
        size_t got = fread(p + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        summ__free(al, p);
        return summ__err_set(err, SUMM_EDATA, "%s: read error", path);
    }
    *buf = p;
    *len = n;
    return SUMM_OK;
}

summ_status
summ__data_load(const salloc *al, const char *dir, const char *code, data_kind kind,
                strset *s, summ_err *err)
{
    bool keep_case = !summ__kind_folded[kind];
    bool strict;
    dir = data_dir(dir, &strict);
    if (dir) {
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/%s%s.txt", dir, kind_dir[kind], code);
        if (n < 0 || (size_t)n >= sizeof path)
            return summ__err_set(err, SUMM_EDATA, "data directory path too long");
        char *buf;
        size_t len;
        summ_err local;
        summ_status st = read_file(al, path, &buf, &len, &local);
        if (st == SUMM_ENOMEM)
            return st;
        if (st != SUMM_OK && strict) {
            *err = local;
            return st;
        }
        if (st == SUMM_OK && buf) {
            bool ok = summ__strset_load_list(s, buf, len, keep_case);
            summ__free(al, buf);
            return ok ? SUMM_OK : SUMM_ENOMEM;
        }
        /* not there, or the installed copy is unreadable: the built-in one */
    }
    for (const builtin_list *b = summ__builtin_lists; b->code; b++) {
        if (b->kind == kind && strcmp(b->code, code) == 0)
            return summ__strset_add_table(s, &b->tab) ? SUMM_OK : SUMM_ENOMEM;
    }
    return SUMM_OK;
}
