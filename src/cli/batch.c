/* batch.c - many documents: whole files, or the lines of --jsonl input, on
 * -j worker threads (one summ_ctx each), written in input order.
 *
 * The main thread reads a batch of inputs; the workers take documents from
 * it in turn and format each output into their own buffer; meanwhile the
 * main thread reads the next batch, as far as input is ready; then it
 * writes the finished batch in order. With -j 1 the one worker is the main
 * thread. A batch ends early when no more input is ready, so a program that
 * writes one line and waits for the answer (a co-process) gets it. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "json.h"
#include "utf8fix.h"

#define BATCH_PER_JOB 256          /* documents per worker and batch */
#define BATCH_BYTES (16u << 20)    /* input bytes per batch (past one document) */
#define LINE_MAX_BYTES SUMM_MAX_INPUT

typedef struct job {
    /* input: a file, or one JSON line (owned) */
    const char *path;
    char *line;
    size_t len;
    const char *src;    /* where the line comes from, for messages */
    size_t lineno;
    /* output: for stdout, a slice of a worker's buffer, or own */
    size_t wk;          /* the worker that ran it */
    size_t off, outlen;
    char *own;          /* malloc'd, for lines that failed before any worker saw them */
    char *err;          /* for stderr (malloc'd), or NULL */
    bool ok;
} job;

/* A worker: its context, and the buffer its outputs of a batch go to
 * (one stream per batch rather than per document: glibc's open_memstream
 * clears a BUFSIZ buffer every time). */
typedef struct worker {
    struct pool *p;
    size_t index;
    summ_ctx *ctx;
    FILE *mem;
    char *buf;
    size_t len;
    pthread_t th;
    bool running;     /* on a thread of its own */
} worker;

static void
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
job_error(job *jb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    jb->ok = false;
    free(jb->err);
    jb->err = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (jb->err) {
        va_start(ap, fmt);
        vsnprintf(jb->err, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
}

/* ---- one document ------------------------------------------------------- */

/* Note where a job's output starts in w->mem. */
static long
out_begin(worker *w, job *jb)
{
    jb->wk = w->index;
    return ftell(w->mem);
}

/* Its length; false if the stream failed (out of memory). */
static bool
out_end(worker *w, job *jb, long start)
{
    long end = ftell(w->mem);
    if (start < 0 || end < start || ferror(w->mem))
        return false;
    jb->off = (size_t)start;
    jb->outlen = (size_t)(end - start);
    return true;
}

/* Does text look like UTF-16 (a byte order mark, or NUL in every other
 * byte of its start, as in ASCII text so encoded)? */
static bool
looks_utf16(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return true;
    size_t n = len < 64 ? len & ~(size_t)1 : 64, zeros[2] = { 0, 0 };
    for (size_t i = 0; i < n; i++)
        zeros[i & 1] += s[i] == 0;
    return n >= 2 && (zeros[0] == n / 2 || zeros[1] == n / 2);
}

/* What to do about a text the library refused. */
static const char *
error_hint(summ_status st, const char *text, size_t len)
{
    if ((st == SUMM_EUTF8 || st == SUMM_EBINARY) && looks_utf16(text, len))
        return " (UTF-16 text? convert it first: iconv -f UTF-16 -t UTF-8)";
    if (st == SUMM_EUTF8)
        return " (Latin-1 or Windows-1252? convert it first: iconv -f WINDOWS-1252"
               " -t UTF-8, or use --invalid=replace)";
    return "";
}

/* A file that failed: the message for stderr and, in JSON, an object in
 * its place, {"file":...,"error":...}, so that a reader of the stream
 * knows which one. */
static void
file_failed(const cli *c, worker *w, job *jb, const char *name, const char *reason)
{
    job_error(jb, "%s: %s: %s\n", progname, name, reason);
    if (c->format != FMT_JSON)
        return;
    long start = out_begin(w, jb);
    fputs("{\"file\":", w->mem);
    json_write_string(w->mem, jb->path, strlen(jb->path));
    fputs(",\"error\":", w->mem);
    json_write_string(w->mem, reason, strlen(reason));
    fputs("}\n", w->mem);
    if (!out_end(w, jb, start))
        jb->outlen = 0;
}

static void
run_file(const cli *c, worker *w, job *jb)
{
    summ_ctx *ctx = w->ctx;
    bool is_stdin = strcmp(jb->path, "-") == 0;
    const char *name = is_stdin ? "standard input" : jb->path;
    int fd = is_stdin ? STDIN_FILENO : open(jb->path, O_RDONLY);
    if (fd < 0) {
        file_failed(c, w, jb, name, strerror(errno));
        return;
    }
    struct stat sb;
    if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        file_failed(c, w, jb, name, strerror(EISDIR));
        if (!is_stdin)
            close(fd);
        return;
    }
    char *text = NULL;
    size_t len = 0;
    int err = read_all(fd, &text, &len);
    if (!is_stdin)
        close(fd);
    if (err == EFBIG) {
        char msg[80];
        snprintf(msg, sizeof msg, "larger than the limit of %zu bytes", (size_t)SUMM_MAX_INPUT);
        file_failed(c, w, jb, name, msg);
        return;
    }
    if (err) {
        file_failed(c, w, jb, name, strerror(err));
        return;
    }
    if (c->replace_invalid) {
        size_t fixed_len, nbad, first;
        char *fixed = utf8_replace_invalid(text, len, &fixed_len, &nbad, &first);
        free(text);
        if (!fixed) {
            file_failed(c, w, jb, name, strerror(ENOMEM));
            return;
        }
        if (nbad) {
            /* a warning: printed in order with the output, not a failure */
            job_error(jb, "%s: %s: warning: %zu byte%s of invalid UTF-8 replaced by U+FFFD,"
                      " the first at byte %zu\n", progname, name, nbad, nbad == 1 ? "" : "s",
                      first);
            jb->ok = true;
        }
        text = fixed;
        len = fixed_len;
    }
    summ_result *res = NULL;
    summ_status st = cli_summarize(c, ctx, text, len, &res);
    if (st != SUMM_OK) {
        const char *msg = summ_errmsg(ctx);
        char reason[400];
        snprintf(reason, sizeof reason, "%s%s", *msg ? msg : summ_strerror(st),
                 error_hint(st, text, len));
        file_failed(c, w, jb, name, reason);
        free(text);
        return;
    }
    const char *warning = result_warning(c, res);
    if (warning && !jb->err) {
        job_error(jb, "%s: %s: warning: %s\n", progname, name, warning);
        jb->ok = true;
    }
    FILE *f = w->mem;
    long start = out_begin(w, jb);
    if (c->format == FMT_JSON) {
        fputs("{\"file\":", f);
        json_write_string(f, jb->path, strlen(jb->path));
        write_json_tail(f, c, res, NULL);
    } else if (c->format == FMT_HTML) {
        const char *t = text;
        char *path = (char *)jb->path;
        write_html(f, res, &t, &len, &path);
    } else {
        write_text(f, c, res, NULL);
    }
    if (!out_end(w, jb, start))
        job_error(jb, "%s: %s: out of memory\n", progname, name);
    summ_result_free(res);
    free(text);
}

static void
run_line(const cli *c, worker *w, job *jb)
{
    summ_ctx *ctx = w->ctx;
    json_record rec;
    char msg[200];
    summ_result *res = NULL;
    bool ok = json_parse_record(jb->line, jb->len, &rec, msg, sizeof msg) == 0;
    if (ok) {
        summ_status st = cli_summarize(c, ctx, rec.text, rec.textlen, &res);
        if (st != SUMM_OK) {
            const char *m = summ_errmsg(ctx);
            snprintf(msg, sizeof msg, "%s", *m ? m : summ_strerror(st));
            ok = false;
        }
    }
    FILE *f = w->mem;
    long start = out_begin(w, jb);
    fputs("{\"id\":", f);
    if (rec.id)
        fwrite(rec.id, 1, rec.idlen, f);
    else
        fputs("null", f);
    if (ok) {
        write_json_tail(f, c, res, NULL);
    } else {
        fputs(",\"error\":", f);
        json_write_string(f, msg, strlen(msg));
        fputs("}\n", f);
    }
    if (!out_end(w, jb, start)) {
        ok = false;
        snprintf(msg, sizeof msg, "out of memory");
    }
    if (ok)
        jb->ok = true;
    else
        job_error(jb, "%s: %s:%zu: %s\n", progname, jb->src, jb->lineno, msg);
    summ_result_free(res);
    json_record_free(&rec);
    free(jb->line);  /* done with it: the batch's memory goes down as it runs */
    jb->line = NULL;
}

static void
run_job(const cli *c, worker *w, job *jb)
{
    if (jb->err)
        return;  /* failed before it could run (a file that would not open) */
    jb->ok = true;
    if (c->jsonl)
        run_line(c, w, jb);
    else
        run_file(c, w, jb);
}

/* ---- workers ------------------------------------------------------------ */

typedef struct pool {
    const cli *c;
    job *jobs;
    size_t njobs;
    atomic_size_t next;
} pool;

static void
work(worker *w)
{
    pool *p = w->p;
    for (;;) {
        size_t i = atomic_fetch_add(&p->next, 1);
        if (i >= p->njobs)
            return;
        run_job(p->c, w, &p->jobs[i]);
    }
}

static void *
worker_main(void *arg)
{
    work(arg);
    return NULL;
}

/* Start p->jobs on up to nw workers, each with a fresh output stream: on
 * threads when nw > 1, so this thread is free to read ahead meanwhile;
 * else (or if no thread would start) right here. Returns how many workers
 * took part, 0 if not even one output stream could be made. */
static size_t
start_jobs(pool *p, worker *w, size_t nw)
{
    size_t want = nw < p->njobs ? nw : p->njobs, started = 0;
    if (want == 0)
        want = 1;
    for (size_t k = 0; k < want; k++) {
        w[k].p = p;
        w[k].index = k;
        w[k].running = false;
        w[k].buf = NULL;
        w[k].len = 0;
        w[k].mem = open_memstream(&w[k].buf, &w[k].len);
        if (!w[k].mem)
            break;
        if (nw > 1 && pthread_create(&w[k].th, NULL, worker_main, &w[k]) == 0) {
            w[k].running = true;
        } else if (k > 0) {
            fclose(w[k].mem);  /* fewer threads, same result */
            free(w[k].buf);
            w[k].buf = NULL;
            w[k].mem = NULL;
            break;
        }
        started++;
    }
    if (started && !w[0].running)
        work(&w[0]);
    return started;
}

/* Wait for the workers start_jobs() started; afterwards each job's output
 * is in w[job.wk].buf until release_outputs(). */
static void
finish_jobs(pool *p, worker *w, size_t started)
{
    for (size_t k = 0; k < started; k++)
        if (w[k].running)
            pthread_join(w[k].th, NULL);
    for (size_t k = 0; k < started; k++) {
        if (fclose(w[k].mem) != 0) {
            /* out of memory at the very end: say so for each of its jobs */
            for (size_t i = 0; i < p->njobs; i++)
                if (p->jobs[i].wk == k && p->jobs[i].ok && !p->jobs[i].err) {
                    job_error(&p->jobs[i], "%s: out of memory\n", progname);
                    p->jobs[i].outlen = 0;
                }
        }
        w[k].mem = NULL;
    }
}

static void
release_outputs(worker *w, size_t nw)
{
    for (size_t k = 0; k < nw; k++) {
        free(w[k].buf);
        w[k].buf = NULL;
        w[k].len = 0;
    }
}

/* ---- progress on a terminal --------------------------------------------- */

typedef struct progress {
    bool on;
    double t0, last;
    int width;          /* of the line on screen, 0 = none */
    size_t docs;
    uint64_t total;     /* bytes, or files in file mode; 0 = unknown */
    uint64_t done;
} progress;

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Only runs that take a while get a progress line, at most 5 a second. */
static void
progress_show(progress *pg)
{
    if (!pg->on)
        return;
    double t = now();
    if (t - pg->t0 < 1.0 || t - pg->last < 0.2)
        return;
    pg->last = t;
    char line[160];
    int n = snprintf(line, sizeof line, "%s: %zu documents, %.0f/s", progname, pg->docs,
                     pg->docs / (t - pg->t0));
    if (pg->total && n > 0 && (size_t)n < sizeof line)
        n += snprintf(line + n, sizeof line - (size_t)n, ", %.0f%%",
                      100.0 * (double)pg->done / (double)pg->total);
    fprintf(stderr, "\r%s%*s", line, pg->width > n ? pg->width - n : 0, "");
    pg->width = n;
    fflush(stderr);
}

static void
progress_clear(progress *pg)
{
    if (pg->width) {
        fprintf(stderr, "\r%*s\r", pg->width, "");
        pg->width = 0;
    }
}

/* ---- reading JSON Lines -------------------------------------------------- */

typedef struct reader {
    char **paths;
    size_t npaths, next;  /* the inputs, and the next to open */
    int fd;               /* -1: none open */
    const char *name;
    char *buf;
    size_t cap, start, end;
    bool eof;
    bool skipping;        /* inside a line too long to keep */
    size_t lineno;
    uint64_t nread;
} reader;

static void
reader_close(reader *r)
{
    if (r->fd > STDIN_FILENO)
        close(r->fd);
    r->fd = -1;
}

/* Is a line (or the end of the input) there without waiting? */
static bool
reader_ready(reader *r)
{
    if (r->fd < 0 || r->eof
        || (r->end > r->start && memchr(r->buf + r->start, '\n', r->end - r->start)))
        return true;
    struct pollfd p = { .fd = r->fd, .events = POLLIN };
    return poll(&p, 1, 0) != 0;
}

/* The next job: a line, or an input that failed. false at the end. */
static bool
reader_next(reader *r, job *jb)
{
    memset(jb, 0, sizeof *jb);
    for (;;) {
        if (r->fd < 0) {
            if (r->next == r->npaths)
                return false;
            const char *path = r->paths[r->next++];
            bool is_stdin = strcmp(path, "-") == 0;
            r->name = is_stdin ? "standard input" : path;
            r->fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
            r->start = r->end = r->lineno = 0;
            r->eof = r->skipping = false;
            struct stat sb;
            int e = r->fd < 0 ? errno : fstat(r->fd, &sb) == 0 && S_ISDIR(sb.st_mode) ? EISDIR : 0;
            if (e) {
                reader_close(r);
                job_error(jb, "%s: %s: %s\n", progname, r->name, strerror(e));
                return true;
            }
        }
        char *nl = r->end > r->start ? memchr(r->buf + r->start, '\n', r->end - r->start) : NULL;
        if (nl || (r->eof && r->end > r->start)) {
            size_t a = r->start, b = nl ? (size_t)(nl - r->buf) : r->end;
            r->start = nl ? b + 1 : b;
            if (r->skipping) {
                r->skipping = false;
                continue;
            }
            jb->src = r->name;
            jb->lineno = ++r->lineno;
            jb->len = b - a;
            jb->line = malloc(jb->len ? jb->len : 1);
            if (!jb->line) {
                job_error(jb, "%s: %s:%zu: out of memory\n", progname, r->name, jb->lineno);
                /* and the id-less error line, so no line goes missing */
                jb->own = strdup("{\"id\":null,\"error\":\"out of memory\"}\n");
                jb->outlen = jb->own ? strlen(jb->own) : 0;
                return true;
            }
            memcpy(jb->line, r->buf + a, jb->len);
            return true;
        }
        if (r->eof) {
            reader_close(r);
            continue;
        }
        /* Need more: make room, then read. */
        if (r->skipping)
            r->start = r->end;
        if (r->start > 0) {
            memmove(r->buf, r->buf + r->start, r->end - r->start);
            r->end -= r->start;
            r->start = 0;
        }
        if (r->end == r->cap) {
            if (r->cap >= LINE_MAX_BYTES) {
                /* one error line for it, then drop the rest of it */
                r->skipping = true;
                r->start = r->end = 0;
                jb->src = r->name;
                jb->lineno = ++r->lineno;
                job_error(jb, "%s: %s:%zu: line longer than %zu bytes\n", progname, r->name,
                          jb->lineno, (size_t)LINE_MAX_BYTES);
                jb->own = strdup("{\"id\":null,\"error\":\"line too long\"}\n");
                jb->outlen = jb->own ? strlen(jb->own) : 0;
                return true;
            }
            size_t ncap = r->cap ? r->cap * 2 : 1 << 16;
            char *nb = realloc(r->buf, ncap);
            if (!nb) {
                job_error(jb, "%s: %s: out of memory\n", progname, r->name);
                reader_close(r);
                return true;
            }
            r->buf = nb;
            r->cap = ncap;
        }
        ssize_t got = read(r->fd, r->buf + r->end, r->cap - r->end);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            job_error(jb, "%s: %s: %s\n", progname, r->name, strerror(errno));
            reader_close(r);
            return true;
        }
        if (got == 0)
            r->eof = true;
        r->end += (size_t)got;
        r->nread += (size_t)got;
    }
}

/* ---- the run ------------------------------------------------------------ */

/* Read up to maxjobs inputs (JSON lines, or file names) into jobs. Only the
 * first may wait for input, and only if may_block: a batch ends when no
 * more is ready. *more turns false at the end of the input. */
static size_t
fill_batch(const cli *c, reader *r, size_t *nextpath, job *jobs, size_t maxjobs,
           bool may_block, bool *more)
{
    size_t n = 0, bytes = 0;
    while (*more && n < maxjobs && bytes < BATCH_BYTES) {
        if (c->jsonl) {
            if ((n > 0 || !may_block) && !reader_ready(r))
                break;
            if (!reader_next(r, &jobs[n])) {
                *more = false;
                break;
            }
            bytes += jobs[n].len;
        } else {
            if (*nextpath == r->npaths) {
                *more = false;
                break;
            }
            memset(&jobs[n], 0, sizeof jobs[n]);
            jobs[n].path = r->paths[(*nextpath)++];
        }
        n++;
    }
    return n;
}

int
batch_run(const cli *c, char **paths, size_t npaths)
{
    static char *stdin_only[] = { "-" };
    if (npaths == 0) {
        paths = stdin_only;
        npaths = 1;
    }
    size_t nw = c->jobs ? c->jobs : 1;
    worker *w = calloc(nw, sizeof *w);
    size_t maxjobs = c->jsonl || nw > 1 ? BATCH_PER_JOB * nw : 1;
    /* two batches: the workers run one while this thread reads the next */
    job *jobs = calloc(2 * maxjobs, sizeof *jobs);
    if (!w || !jobs) {
        fprintf(stderr, "%s: out of memory\n", progname);
        free(w);
        free(jobs);
        return 1;
    }
    int status = 0;
    for (size_t k = 0; k < nw; k++) {
        summ_status st = summ_clone(c->proto, &w[k].ctx);
        if (st != SUMM_OK) {
            fprintf(stderr, "%s: %s\n", progname, summ_strerror(st));
            status = 1;
            goto done;
        }
    }

    progress pg = { .on = (c->jsonl || npaths > 1) && isatty(STDERR_FILENO) };
    pg.t0 = now();
    if (!c->jsonl) {
        pg.total = npaths;
    } else {
        for (size_t i = 0; i < npaths; i++) {
            struct stat sb;
            if (strcmp(paths[i], "-") == 0 || stat(paths[i], &sb) != 0 || !S_ISREG(sb.st_mode)) {
                pg.total = 0;
                break;
            }
            pg.total += (uint64_t)sb.st_size;
        }
    }

    reader r = { .paths = paths, .npaths = npaths, .fd = -1 };
    size_t nextpath = 0, printed = 0;
    bool more = true;
    job *batch = jobs, *ahead = jobs + maxjobs;
    size_t n = fill_batch(c, &r, &nextpath, batch, maxjobs, true, &more);
    pool p = { .c = c };
    while (n > 0) {
        p.jobs = batch;
        p.njobs = n;
        atomic_store(&p.next, 0);
        size_t started = start_jobs(&p, w, nw);
        if (!started) {
            fprintf(stderr, "%s: out of memory\n", progname);
            status = 1;
            for (size_t i = 0; i < n; i++) {
                free(batch[i].own);
                free(batch[i].err);
                free(batch[i].line);
            }
            break;
        }
        size_t next = 0;
        if (nw > 1)
            next = fill_batch(c, &r, &nextpath, ahead, maxjobs, false, &more);
        finish_jobs(&p, w, started);

        /* write it, in order */
        for (size_t i = 0; i < n; i++) {
            job *jb = &batch[i];
            if (jb->err) {
                progress_clear(&pg);
                fputs(jb->err, stderr);
            }
            if (!jb->ok)
                status = 1;
            if (jb->ok || jb->outlen) {
                if (c->many && jb->ok) {
                    /* a file name is any bytes: print it as UTF-8 all the same */
                    const char *shown = strcmp(jb->path, "-") == 0 ? "standard input" : jb->path;
                    size_t n_shown, nbad, first;
                    char *fixed = utf8_replace_invalid(shown, strlen(shown), &n_shown, &nbad,
                                                       &first);
                    printf("%s==> %.*s <==\n", printed ? "\n" : "", fixed ? (int)n_shown : 0,
                           fixed ? fixed : "");
                    free(fixed);
                }
                fwrite(jb->own ? jb->own : w[jb->wk].buf + jb->off, 1, jb->outlen, stdout);
                printed++;
            }
            free(jb->own);
            free(jb->err);
            free(jb->line);
        }
        release_outputs(w, nw);
        if (fflush(stdout) != 0)
            check_stdout();
        pg.docs += n;
        pg.done = c->jsonl ? r.nread : pg.docs;
        progress_show(&pg);

        if (next == 0)
            next = fill_batch(c, &r, &nextpath, ahead, maxjobs, true, &more);
        job *t = batch;
        batch = ahead;
        ahead = t;
        n = next;
    }
    progress_clear(&pg);
    reader_close(&r);
    free(r.buf);
done:
    for (size_t k = 0; k < nw; k++)
        summ_free(w[k].ctx);
    free(w);
    free(jobs);
    return status;
}
