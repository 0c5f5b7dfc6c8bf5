/* batch.c - many documents: whole files, or the lines of --jsonl input, on
 * -j worker threads (one summ_ctx each), written in input order.
 *
 * With -j 1 everything happens on the main thread, one document after the
 * other. With -j N, N workers each read the next job (one at a time) into
 * a window (a ring of jobs) whenever they are free and run it, and the
 * main thread writes the finished jobs at the head of the window, in
 * order, as soon as they are there: nobody waits for a whole batch, so
 * one long document holds up only the output behind it, while the other
 * workers go on filling the window. The window is bounded in jobs and in
 * bytes (input not yet summarized plus output not yet written), so memory
 * stays flat on endless input; when it is full the worker that read a job
 * waits to put it in.
 *
 * Output is flushed whenever the input pauses (the next read would wait
 * for bytes) and everything finished so far has been written, so a program
 * that writes one line and waits for the answer (a co-process) gets it,
 * even if it wrote the line in pieces. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#  define _GNU_SOURCE  /* for glibc's adaptive mutex (PTHREAD_MUTEX_ADAPTIVE_NP) */
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "json.h"
#include "utf8fix.h"

/* The window: at most this many jobs per worker, and this many bytes of
 * input and output in all (past one job). A 1 MB record takes about as
 * long as a thousand news articles: the window must hold that many for
 * the other workers to keep going meanwhile. */
#define WINDOW_PER_JOB 2048
#define WINDOW_JOBS_MAX 65536
#define WINDOW_BYTES (64u << 20)
#define LINE_MAX_BYTES SUMM_MAX_INPUT

typedef struct job {
    /* input: a file, or one JSON line (owned) */
    const char *path;
    char *line;
    size_t len;
    const char *src;    /* where the line comes from, for messages */
    size_t lineno;
    uint64_t nread;     /* input bytes read when it was read (for progress) */
    /* output (malloc'd), and a message for stderr (malloc'd) or NULL */
    char *out;
    size_t outlen;
    char *err;
    bool ok;
    bool done;          /* in the window: run, ready to write */
} job;

/* A worker: its context, and the stream its output goes to first (one
 * stream reused for every document: glibc's open_memstream clears a
 * BUFSIZ buffer each time one is made). */
typedef struct worker {
    struct pool *p;
    summ_ctx *ctx;
    FILE *mem;
    char *buf;
    size_t size;
    pthread_t th;
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

/* A job's output goes to w->mem from its start... */
static long
out_begin(worker *w, job *jb)
{
    (void)jb;
    rewind(w->mem);
    return 0;
}

/* ...and is copied out of it at its end, into jb->out; false if out of
 * memory. */
static bool
out_end(worker *w, job *jb, long start)
{
    long end = ftell(w->mem);
    if (fflush(w->mem) != 0 || start < 0 || end < start || ferror(w->mem))
        return false;
    jb->outlen = (size_t)(end - start);
    jb->out = malloc(jb->outlen ? jb->outlen : 1);
    if (!jb->out) {
        jb->outlen = 0;
        return false;
    }
    memcpy(jb->out, w->buf + start, jb->outlen);
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
    if (err) {
        file_failed(c, w, jb, name, read_error(err));
        return;
    }
    summ_result *res = NULL;
    summ_status st = cli_summarize(c, ctx, text, len, &res);
    if (st == SUMM_EUTF8 && c->replace_invalid) {
        /* Only what the library cannot read is replaced: a web page in
         * Latin-1 that says so is converted, not replaced. */
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
        st = cli_summarize(c, ctx, text, len, &res);
    }
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
    /* Called right before a read that would wait (no byte is there yet):
     * the input pauses, so the output so far should go out. */
    void (*waiting)(void *arg);
    void *waiting_arg;
} reader;

static void
reader_close(reader *r)
{
    if (r->fd > STDIN_FILENO)
        close(r->fd);
    r->fd = -1;
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
                jb->out = strdup("{\"id\":null,\"error\":\"out of memory\"}\n");
                jb->outlen = jb->out ? strlen(jb->out) : 0;
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
                jb->out = strdup("{\"id\":null,\"error\":\"line too long\"}\n");
                jb->outlen = jb->out ? strlen(jb->out) : 0;
                return true;
            }
            /* 1 MB at first: with -j N a read is made under the input's
             * lock, and a worker that finds it taken sleeps (BBC x5, 37 MB:
             * 590 reads with 64 kB, 38 now; 30 % fewer context switches) */
            size_t ncap = r->cap ? r->cap * 2 : 1 << 20;
            char *nb = realloc(r->buf, ncap);
            if (!nb) {
                job_error(jb, "%s: %s: out of memory\n", progname, r->name);
                reader_close(r);
                return true;
            }
            r->buf = nb;
            r->cap = ncap;
        }
        if (r->waiting) {
            struct pollfd pf = { .fd = r->fd, .events = POLLIN };
            if (poll(&pf, 1, 0) == 0)
                r->waiting(r->waiting_arg);
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

/* ---- inputs --------------------------------------------------------------- */

/* Where the jobs come from: the lines of --jsonl input, or file names. */
typedef struct source {
    const cli *c;
    reader r;
    size_t nextpath;
} source;

/* The next input, into jb; false at the end. */
static bool
source_next(source *s, job *jb)
{
    if (s->c->jsonl) {
        if (!reader_next(&s->r, jb))
            return false;
        jb->nread = s->r.nread;
        return true;
    }
    if (s->nextpath == s->r.npaths)
        return false;
    memset(jb, 0, sizeof *jb);
    jb->path = s->r.paths[s->nextpath++];
    return true;
}

/* ---- output, in order ----------------------------------------------------- */

typedef struct writer {
    const cli *c;
    progress pg;
    size_t printed;
    int status;
} writer;

static void
flush_stdout(void)
{
    if (fflush(stdout) != 0)
        check_stdout();
}

/* Write a finished job (stdout and stderr) and free what it holds. */
static void
write_job(writer *wr, job *jb)
{
    const cli *c = wr->c;
    if (jb->err) {
        progress_clear(&wr->pg);
        fputs(jb->err, stderr);
    }
    if (!jb->ok)
        wr->status = 1;
    if (jb->ok || jb->outlen) {
        if (c->many && jb->ok) {
            /* a file name is any bytes: print it as UTF-8 all the same */
            const char *shown = strcmp(jb->path, "-") == 0 ? "standard input" : jb->path;
            size_t n_shown, nbad, first;
            char *fixed = utf8_replace_invalid(shown, strlen(shown), &n_shown, &nbad, &first);
            printf("%s==> %.*s <==\n", wr->printed ? "\n" : "", fixed ? (int)n_shown : 0,
                   fixed ? fixed : "");
            free(fixed);
        }
        fwrite(jb->out, 1, jb->outlen, stdout);
        wr->printed++;
    }
    if (ferror(stdout))
        check_stdout();
    free(jb->out);
    free(jb->err);
    free(jb->line);
    jb->out = jb->err = jb->line = NULL;
    wr->pg.docs++;
    wr->pg.done = c->jsonl ? jb->nread : wr->pg.docs;
    progress_show(&wr->pg);
}

static void
waiting_flush(void *arg)
{
    (void)arg;
    flush_stdout();
}

/* -j 1: each job read, run and written in turn, on this thread. */
static void
run_sequential(source *src, worker *w, writer *wr)
{
    job jb;
    src->r.waiting = waiting_flush;  /* the input pauses: answer what came so far */
    for (;;) {
        if (!source_next(src, &jb))
            break;
        run_job(src->c, w, &jb);
        write_job(wr, &jb);
    }
}

/* ---- -j N: the window --------------------------------------------------- */

/* Each worker reads its next job itself, one worker at a time (the input
 * lock), puts it at the tail of the window, runs it and marks it done. A
 * line is so read, parsed and freed on one core, by one thread's malloc
 * arena, and no thread only reads.
 *
 * No thread only writes either: the worker that finds the job at the head
 * of the window done writes it, and every job done after it, in order (it
 * is the writer until none is left; a worker that finishes a job while
 * another writes leaves that job to it). So there are as many threads as
 * workers, and none is woken to write: a separate writer thread was woken
 * some 400 times for 11,000 BBC articles, each time taking a core from a
 * worker (2,400 context switches at -j 2; 470 now). When the input
 * pauses, the worker about to wait for it writes what is done and flushes
 * (or the writer does, if one is writing), and later answers are flushed
 * as they are written until the input comes again: an answer should not
 * wait for input that may be long in coming. A worker that finds the
 * window full waits until a quarter of it is free again. */

typedef struct pool {
    const cli *c;
    source *src;
    writer *wr;            /* used by the writer of the moment only */
    pthread_mutex_t rmu;   /* the input: taken before mu, never after */
    bool src_end;          /* the input has no more jobs (under rmu) */
    pthread_mutex_t mu;    /* the window, and all below */
    pthread_cond_t space;  /* room in the window: for the worker that read a job */
    job *ring;
    size_t cap;
    /* Counters of jobs, slot = counter % cap: jobs [head, tail) are being
     * run or done. */
    size_t head, tail;
    size_t bytes;          /* input of the jobs not yet run, output of those not yet written */
    bool writing;          /* a worker is writing the jobs done at the head */
    bool reader_waiting;   /* a worker waits for room in the window */
    bool paused;           /* a worker waits for input */
    bool unflushed;        /* answers were written since the last flush */
} pool;

/* Is the window full? Once it was, it is until a quarter is free again. */
static bool
window_full(const pool *p, bool was_full)
{
    size_t jobs = p->tail - p->head, cap = was_full ? p->cap - p->cap / 4 : p->cap;
    size_t bytes = was_full ? WINDOW_BYTES - WINDOW_BYTES / 4 : WINDOW_BYTES;
    return p->tail != p->head && (jobs >= cap || p->bytes >= bytes);  /* one job always fits */
}

/* Write the jobs done at the head, in order, unless a worker is writing
 * already (it will write these too: it looks again, under mu, before it
 * stops); then flush, if the input pauses. Called with mu held, which is
 * let go while writing. The writer's last look for done jobs and its
 * stopping are one critical section, so a job marked done after that
 * look finds no writer, and its worker writes it. */
static void
write_done(pool *p)
{
    if (p->writing)
        return;
    p->writing = true;
    for (;;) {
        size_t end = p->head;
        while (end < p->tail && p->ring[end % p->cap].done)
            end++;
        if (end > p->head) {
            size_t from = p->head, outlen = 0;
            pthread_mutex_unlock(&p->mu);
            for (size_t k = from; k < end; k++) {
                job *jb = &p->ring[k % p->cap];
                outlen += jb->outlen;
                write_job(p->wr, jb);
            }
            pthread_mutex_lock(&p->mu);
            p->unflushed = true;
            p->bytes -= outlen;
            p->head = end;
            if (p->reader_waiting && !window_full(p, true))
                pthread_cond_signal(&p->space);
            continue;
        }
        if (p->unflushed && p->paused) {
            p->unflushed = false;
            pthread_mutex_unlock(&p->mu);
            flush_stdout();
            pthread_mutex_lock(&p->mu);
            continue;
        }
        break;
    }
    p->writing = false;
}

/* The input is about to wait: what is done is written and flushed
 * (called by the worker that reads, under rmu). */
static void
waiting_pause(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    p->paused = true;
    write_done(p);
    pthread_mutex_unlock(&p->mu);
}

/* The next job into the window, read by this worker: its slot, or NULL at
 * the end of the input. */
static job *
take_job(pool *p)
{
    pthread_mutex_lock(&p->rmu);
    job jb;
    bool more = !p->src_end && source_next(p->src, &jb);
    pthread_mutex_lock(&p->mu);
    p->paused = false;
    job *slot = NULL;
    if (!more) {
        p->src_end = true;
    } else {
        if (window_full(p, false)) {
            /* every job in the window is being run or done, and the done
             * ones at the head are being written: whoever finishes the job
             * at the head makes room */
            p->reader_waiting = true;
            while (window_full(p, true))
                pthread_cond_wait(&p->space, &p->mu);
            p->reader_waiting = false;
        }
        slot = &p->ring[p->tail++ % p->cap];
        *slot = jb;
        p->bytes += jb.len + jb.outlen;
    }
    pthread_mutex_unlock(&p->mu);
    pthread_mutex_unlock(&p->rmu);
    return slot;
}

/* A job is done: it and the jobs done after it are written if it is at
 * the head (and no worker is writing). */
static void
job_done(pool *p, job *jb, size_t before)
{
    pthread_mutex_lock(&p->mu);
    jb->done = true;
    p->bytes = p->bytes - before + jb->outlen;
    write_done(p);
    pthread_mutex_unlock(&p->mu);
}

static void *
worker_main(void *arg)
{
    worker *w = arg;
    pool *p = w->p;
    job *jb;
    while ((jb = take_job(p))) {
        size_t before = jb->len + jb->outlen;
        run_job(p->c, w, jb);
        job_done(p, jb, before);
    }
    return NULL;
}

/* Run the jobs on nw worker threads. false if not even one worker could
 * start: nothing was read then, and the caller runs them on this thread. */
static bool
run_threaded(source *src, worker *w, size_t nw, writer *wr)
{
    pool p = { .c = src->c, .src = src, .wr = wr };
    p.cap = nw * WINDOW_PER_JOB < WINDOW_JOBS_MAX ? nw * WINDOW_PER_JOB : WINDOW_JOBS_MAX;
    p.ring = calloc(p.cap, sizeof *p.ring);
    if (!p.ring)
        return false;
    src->r.waiting = waiting_pause;
    src->r.waiting_arg = &p;
    /* The window's lock is held for a few instructions at a time, by
     * several threads for every document: spin a little before sleeping. */
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
#if defined(PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP)
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ADAPTIVE_NP);
#endif
    pthread_mutex_init(&p.mu, &attr);
    pthread_mutexattr_destroy(&attr);
    pthread_mutex_init(&p.rmu, NULL);
    pthread_cond_init(&p.space, NULL);
    /* Until the workers start, none can read: the first that cannot start
     * ends the count (fewer threads, same result). */
    size_t started = 0;
    pthread_mutex_lock(&p.rmu);
    for (; started < nw; started++) {
        w[started].p = &p;
        if (pthread_create(&w[started].th, NULL, worker_main, &w[started]) != 0)
            break;
    }
    if (started == 0)
        p.src_end = true;  /* nothing read: the caller runs them */
    pthread_mutex_unlock(&p.rmu);
    for (size_t k = 0; k < started; k++)
        pthread_join(w[k].th, NULL);
    /* every job was written by the worker that finished it or by one after */
    if (started > 0)
        flush_stdout();
    src->r.waiting = NULL;
    pthread_cond_destroy(&p.space);
    pthread_mutex_destroy(&p.rmu);
    pthread_mutex_destroy(&p.mu);
    free(p.ring);
    return started > 0;
}

/* ---- the run ---------------------------------------------------------------- */

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
    if (!w) {
        fprintf(stderr, "%s: out of memory\n", progname);
        return 1;
    }
    int status = 0;
    for (size_t k = 0; k < nw; k++) {
        summ_status st = summ_clone(c->proto, &w[k].ctx);
        if (st == SUMM_OK && !(w[k].mem = open_memstream(&w[k].buf, &w[k].size)))
            st = SUMM_ENOMEM;
        if (st != SUMM_OK) {
            fprintf(stderr, "%s: %s\n", progname, summ_strerror(st));
            status = 1;
            goto done;
        }
    }

    writer wr = { .c = c, .pg = { .on = (c->jsonl || npaths > 1) && isatty(STDERR_FILENO) } };
    wr.pg.t0 = now();
    if (!c->jsonl) {
        wr.pg.total = npaths;
    } else {
        for (size_t i = 0; i < npaths; i++) {
            struct stat sb;
            if (strcmp(paths[i], "-") == 0 || stat(paths[i], &sb) != 0 || !S_ISREG(sb.st_mode)) {
                wr.pg.total = 0;
                break;
            }
            wr.pg.total += (uint64_t)sb.st_size;
        }
    }

    source src = { .c = c, .r = { .paths = paths, .npaths = npaths, .fd = -1 } };
    if (nw == 1 || !run_threaded(&src, w, nw, &wr))
        run_sequential(&src, &w[0], &wr);
    progress_clear(&wr.pg);
    reader_close(&src.r);
    free(src.r.buf);
    status = wr.status;
done:
    for (size_t k = 0; k < nw; k++) {
        if (w[k].mem)
            fclose(w[k].mem);
        free(w[k].buf);
        summ_free(w[k].ctx);
    }
    free(w);
    return status;
}
