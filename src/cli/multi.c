/* multi.c - `--multi`: every input read whole, then summarized as one text
 * (summ_run_multi(): one graph over all their sentences, no sentence
 * repeating another, each source heard when the length allows), and one
 * result written: text with a "==> FILE <==" line before each file's
 * sentences, one JSON object whose sentences and keywords name their
 * "file", or one HTML page.
 *
 * A file that cannot be read, or that the library refuses (invalid UTF-8,
 * a NUL byte), is reported as in the ordinary mode and left out; the rest
 * are still summarized, and the exit status is 1. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "json.h"
#include "utf8fix.h"

typedef struct input {
    char *path;
    char *text;
    size_t len;
    char *error;   /* malloc'd reason, or NULL */
} input;

static void
set_error(input *in, const char *reason)
{
    free(in->error);
    in->error = strdup(reason);  /* NULL when out of memory: reported as that */
}

static void
read_input(const cli *c, input *in)
{
    bool is_stdin = strcmp(in->path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(in->path, O_RDONLY);
    if (fd < 0) {
        set_error(in, strerror(errno));
        return;
    }
    struct stat sb;
    int err = fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode) ? EISDIR : 0;
    if (!err)
        err = read_all(fd, &in->text, &in->len);
    if (!is_stdin)
        close(fd);
    if (err) {
        set_error(in, read_error(err));
        return;
    }
    if (c->replace_invalid) {
        size_t fixed_len, nbad, first;
        char *fixed = utf8_replace_invalid(in->text, in->len, &fixed_len, &nbad, &first);
        if (!fixed) {
            set_error(in, strerror(ENOMEM));
            return;
        }
        if (nbad)
            fprintf(stderr, "%s: %s: warning: %zu byte%s of invalid UTF-8 replaced by U+FFFD,"
                    " the first at byte %zu\n", progname, is_stdin ? "standard input" : in->path,
                    nbad, nbad == 1 ? "" : "s", first);
        free(in->text);
        in->text = fixed;
        in->len = fixed_len;
    }
}

/* Which text the library's message is about: it starts "text K: ". */
static size_t
failed_text(const char *msg, size_t n, const char **rest)
{
    char *end;
    if (strncmp(msg, "text ", 5) != 0)
        return n;
    unsigned long long k = strtoull(msg + 5, &end, 10);
    if (end == msg + 5 || strncmp(end, ": ", 2) != 0 || k >= n)
        return n;
    *rest = end + 2;
    return (size_t)k;
}

static void
report(const input *in)
{
    fprintf(stderr, "%s: %s: %s\n", progname,
            strcmp(in->path, "-") == 0 ? "standard input" : in->path,
            in->error ? in->error : "out of memory");
}

/* Summarize the inputs that were read, dropping each that the library
 * refuses, until it succeeds or none is left. which[0 .. *ok) are then the
 * inputs the result's documents are. */
static summ_status
summarize_all(const cli *c, summ_ctx *ctx, input *in, size_t n, size_t *which, size_t *ok,
              summ_result **res)
{
    const char **texts = malloc((n ? n : 1) * sizeof *texts);
    size_t *lens = malloc((n ? n : 1) * sizeof *lens);
    summ_status st = SUMM_ENOMEM;
    *res = NULL;
    *ok = 0;
    while (texts && lens) {
        size_t m = 0;
        for (size_t k = 0; k < n; k++) {
            if (in[k].text && !in[k].error) {
                texts[m] = in[k].text;
                lens[m] = in[k].len;
                which[m++] = k;
            }
        }
        *ok = m;
        st = c->scores || c->format == FMT_HTML ? summ_rank_multi(ctx, texts, lens, m, res)
                                                : summ_run_multi(ctx, texts, lens, m, res);
        if (st == SUMM_OK || st == SUMM_ENOMEM)
            break;
        const char *rest = summ_errmsg(ctx);
        size_t bad = failed_text(rest, m, &rest);
        if (bad == m)
            break;  /* not one text's fault: reported as it is */
        input *refused = &in[which[bad]];
        set_error(refused, rest);
        report(refused);
        free(refused->text);  /* left out from now on, even without its message */
        refused->text = NULL;
    }
    free(texts);
    free(lens);
    return st;
}

static void
write_json_files(const input *in, const size_t *which, size_t ok, size_t n)
{
    fputs("{\"files\":[", stdout);
    for (size_t k = 0; k < ok; k++) {
        char *shown = printable_name(in[which[k]].path);
        fputs(k ? "," : "", stdout);
        json_write_string(stdout, shown ? shown : "", shown ? strlen(shown) : 0);
        free(shown);
    }
    putchar(']');
    bool any = false;
    for (size_t k = 0; k < n; k++) {
        if (in[k].text && !in[k].error)
            continue;
        const char *why = in[k].error ? in[k].error : "out of memory";
        char *shown = printable_name(in[k].path);
        fputs(any ? ",{\"file\":" : ",\"errors\":[{\"file\":", stdout);
        json_write_string(stdout, shown ? shown : "", shown ? strlen(shown) : 0);
        fputs(",\"error\":", stdout);
        json_write_string(stdout, why, strlen(why));
        putchar('}');
        free(shown);
        any = true;
    }
    if (any)
        putchar(']');
}

int
multi_run(const cli *c, char **paths, size_t npaths)
{
    static char *stdin_only[] = { "-" };
    if (npaths == 0) {
        paths = stdin_only;
        npaths = 1;
    }
    input *in = calloc(npaths, sizeof *in);
    size_t *which = calloc(npaths, sizeof *which);
    char **names = calloc(npaths, sizeof *names);
    const char **texts = calloc(npaths, sizeof *texts);
    size_t *lens = calloc(npaths, sizeof *lens);
    summ_ctx *ctx = NULL;
    int status = 0;
    if (!in || !which || !names || !texts || !lens || summ_clone(c->proto, &ctx) != SUMM_OK) {
        fprintf(stderr, "%s: out of memory\n", progname);
        status = 1;
        goto done;
    }
    for (size_t k = 0; k < npaths; k++) {
        in[k].path = paths[k];
        read_input(c, &in[k]);
        if (in[k].error || !in[k].text) {
            report(&in[k]);
            status = 1;
        }
    }
    summ_result *res;
    size_t ok;
    summ_status st = summarize_all(c, ctx, in, npaths, which, &ok, &res);
    if (st != SUMM_OK) {
        const char *msg = summ_errmsg(ctx);
        fprintf(stderr, "%s: %s\n", progname, *msg ? msg : summ_strerror(st));
        status = 1;
        goto done;
    }
    for (size_t k = 0; k < npaths; k++)
        if (in[k].error || !in[k].text)
            status = 1;
    for (size_t k = 0; k < ok; k++) {
        names[k] = in[which[k]].path;
        texts[k] = in[which[k]].text;
        lens[k] = in[which[k]].len;
    }
    const char *warning = result_warning(c, res);
    if (warning)
        fprintf(stderr, "%s: warning: %s\n", progname, warning);
    if (c->format == FMT_JSON) {
        write_json_files(in, which, ok, npaths);
        write_json_tail(stdout, c, res, names);
    } else if (c->format == FMT_HTML) {
        write_html(stdout, res, texts, lens, names);
    } else {
        write_text(stdout, c, res, names);
    }
    summ_result_free(res);
done:
    summ_free(ctx);
    for (size_t k = 0; in && k < npaths; k++) {
        free(in[k].text);
        free(in[k].error);
    }
    free(in);
    free(which);
    free(names);
    free(texts);
    free(lens);
    return status;
}
