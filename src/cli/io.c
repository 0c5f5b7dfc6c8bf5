/* io.c - the CLI's plumbing: reading a whole input, and what a failed
 * stdout means (a closed pipe is quiet, a full disk an error). */
#include <errno.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

const char *progname = "summarize";

int
read_all(int fd, char **out, size_t *outlen)
{
    /* A file's size tells at once what reading would find out only after
     * 2 GiB of memory and seconds (a sparse 3 GB file); a FIFO, a pipe or a
     * device (st_size 0, or meaningless) is read to find out. */
    struct stat sb;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0
        && (unsigned long long)sb.st_size > SUMM_MAX_INPUT)
        return EFBIG;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            /* One byte past the limit is enough to know it is too big
             * (an endless /dev/zero must not take 4 GB first). */
            if (n > SUMM_MAX_INPUT) {
                free(buf);
                return EFBIG;
            }
            size_t ncap = cap * 2 > SUMM_MAX_INPUT ? SUMM_MAX_INPUT + 1 : cap * 2;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                return ENOMEM;
            }
            buf = nb;
            cap = ncap;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            return e;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    *out = buf;
    *outlen = n;
    return 0;
}

/* A literal, not formatted: worker threads call this. */
_Static_assert(SUMM_MAX_INPUT == (size_t)2147483648u, "read_error() names the limit");

const char *
read_error(int err)
{
    return err == EFBIG ? "larger than the limit of 2147483648 bytes" : strerror(err);
}

void
check_stdout(void)
{
    if (ferror(stdout)) {
        if (errno == EPIPE) {
            signal(SIGPIPE, SIG_DFL);
            raise(SIGPIPE);
            _exit(141);
        }
        fprintf(stderr, "%s: write error: %s\n", progname, strerror(errno));
        /* _exit, not exit: worker threads may be writing to their own
         * streams, which exit() would flush under them; stdout is lost
         * already and stderr is unbuffered. */
        _exit(1);
    }
}

int
close_stdout(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        check_stdout();
    if (fclose(stdout) != 0) {
        if (errno == EPIPE)
            return status;
        fprintf(stderr, "%s: write error: %s\n", progname, strerror(errno));
        return 1;
    }
    return status;
}
