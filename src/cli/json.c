/* json.c - JSON output for the CLI, and a strict reader for the records
 * of --jsonl batch mode. Our own rather than a library's: the CLI needs one
 * object shape, and a reader this small can be strict (RFC 8259, UTF-8
 * checked) and fuzzed whole (tests/test_json.c). */
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "text/utf8.h"

/* Does any of the 8 bytes at q need a look (a quote, backslash, control
 * or non-ASCII byte)? The usual bit tricks; a false alarm can only come
 * after a true one, and the byte loop after this finds the first. */
static inline bool
word_special(const unsigned char *q)
{
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t x;
    memcpy(&x, q, 8);
    uint64_t quote = x ^ (ones * '"'), bslash = x ^ (ones * '\\');
    uint64_t ctl = (x - ones * 0x20) & ~x;
    uint64_t zq = (quote - ones) & ~quote, zb = (bslash - ones) & ~bslash;
    return ((ctl | zq | zb) & high) || (x & high);
}

/* Escape p[*i .. n) into out[0 .. cap) while at least JSON_ESC_ROOM bytes
 * are left (no one character takes more); advances *i, returns the bytes
 * written. */
#define JSON_ESC_ROOM 6

static size_t
escape_some(const unsigned char *p, size_t n, size_t *at, char *out, size_t cap)
{
    static const char short_esc[32] = { ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n',
                                        ['\f'] = 'f', ['\r'] = 'r' };
    size_t i = *at, o = 0;
    while (i < n && o + JSON_ESC_ROOM <= cap) {
        /* the plain run (no quote, backslash, control or non-ASCII byte)
         * in one copy, as much as there is room for */
        size_t j = i, room = i + (cap - o - JSON_ESC_ROOM) + 1, stop = room < n ? room : n;
        while (stop - j >= 8 && !word_special(p + j))
            j += 8;
        while (j < stop && p[j] >= 0x20 && p[j] < 0x80 && p[j] != '"' && p[j] != '\\')
            j++;
        if (j > i) {
            memcpy(out + o, p + i, j - i);
            o += j - i;
            i = j;
            continue;
        }
        unsigned c = p[i];
        if (c == '"' || c == '\\') {
            out[o++] = '\\';
            out[o++] = (char)c;
            i++;
        } else if (c < 0x20 && short_esc[c]) {
            out[o++] = '\\';
            out[o++] = short_esc[c];
            i++;
        } else if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            memcpy(out + o, "\\u00", 4);
            out[o + 4] = hex[c >> 4];
            out[o + 5] = hex[c & 15];
            o += 6;
            i++;
        } else {
            size_t len = utf8_seq_len(p + i, n - i);
            if (len == 0) {
                memcpy(out + o, "\\ufffd", 6);
                o += 6;
                i++;
            } else {
                memcpy(out + o, p + i, len);
                o += len;
                i += len;
            }
        }
    }
    *at = i;
    return o;
}

size_t
json_escape_string(char *out, const char *s, size_t n)
{
    size_t i = 0, o = 1;
    out[0] = '"';
    o += escape_some((const unsigned char *)s, n, &i, out + 1, JSON_ESCAPED_MAX(n) - 2);
    out[o++] = '"';
    return o;
}

void
json_write_string(FILE *f, const char *s, size_t n)
{
    char buf[4096];
    size_t i = 0, o = 1;
    buf[0] = '"';
    for (;;) {
        o += escape_some((const unsigned char *)s, n, &i, buf + o, sizeof buf - 1 - o);
        if (i == n)
            break;
        fwrite(buf, 1, o, f);
        o = 0;
    }
    buf[o++] = '"';
    fwrite(buf, 1, o, f);
}

static const char digits2[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                              "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                              "8081828384858687888990919293949596979899";

size_t
json_fmt_size(char *buf, size_t v)
{
    size_t n = 1;
    for (uint64_t p = 10; n < 20 && (uint64_t)v >= p; p *= 10)  /* p wraps only past 10^19, unread */
        n++;
    char *e = buf + n;
    while (v >= 100) {
        size_t q = v / 100;
        e -= 2;
        memcpy(e, digits2 + 2 * (v - 100 * q), 2);
        v = q;
    }
    if (v >= 10)
        memcpy(e - 2, digits2 + 2 * v, 2);
    else
        e[-1] = (char)('0' + v);
    return n;
}

size_t
json_fmt_fixed4(char *buf, double x)
{
    /* x * 10^4 rounded to the nearest integer is printf's answer unless
     * the exact product is within rounding error of a half: printf rounds
     * the exact binary value (halves to even), the product may not be
     * exact. Those, and what is not a modest number, go to printf. */
    double v = x * 10000.0;
    if (!signbit(x) && v < 1e15) {  /* not NaN, not -0 */
        uint64_t whole = (uint64_t)v;  /* floor, v being >= 0 */
        double frac = v - (double)whole;
        if (fabs(frac - 0.5) > 1e-6) {
            uint64_t i = whole + (frac > 0.5);
            size_t n = i < 10000 ? (buf[0] = '0', 1) : json_fmt_size(buf, (size_t)(i / 10000));
            unsigned f = (unsigned)(i % 10000);
            buf[n] = '.';
            memcpy(buf + n + 1, digits2 + 2 * (f / 100), 2);
            memcpy(buf + n + 3, digits2 + 2 * (f % 100), 2);
            return n + 5;
        }
    }
    int n = snprintf(buf, JSON_NUM_MAX, "%.4f", x);
    return n > 0 && n < JSON_NUM_MAX ? (size_t)n : 0;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct jp {
    const unsigned char *s, *p, *end;
    char *err;
    size_t errsize;
} jp;

static int
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
fail(jp *j, const char *fmt, ...)
{
    if (j->errsize) {
        int n = snprintf(j->err, j->errsize, "invalid JSON at byte %zu: ", (size_t)(j->p - j->s));
        if (n > 0 && (size_t)n < j->errsize) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(j->err + n, j->errsize - (size_t)n, fmt, ap);
            va_end(ap);
        }
    }
    return -1;
}

/* An error in what the record holds rather than in its syntax. */
static int
fail_record(jp *j, const char *msg)
{
    if (j->errsize)
        snprintf(j->err, j->errsize, "%s", msg);
    return -1;
}

static void
skip_ws(jp *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static int
hex4(jp *j, unsigned *out)
{
    if (j->end - j->p < 4)
        return fail(j, "truncated \\u escape");
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned c = j->p[k], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return fail(j, "bad hex digit in \\u escape");
        v = v << 4 | d;
    }
    j->p += 4;
    *out = v;
    return 0;
}

/* Append k bytes to out (when there is room; the length counts anyway). */
static void
emit(char *out, size_t cap, size_t *o, const void *b, size_t k)
{
    if (out && *o + k <= cap)
        memcpy(out + *o, b, k);
    *o += k;
}

/* A string at j->p (which is '"'): checked, and decoded into out[0 .. cap)
 * if out is not NULL; *outlen gets the decoded length. */
static int
parse_string(jp *j, char *out, size_t cap, size_t *outlen)
{
    size_t o = 0;
    j->p++;  /* the opening quote */
    for (;;) {
        /* the plain run: no quote, backslash, control or non-ASCII byte */
        const unsigned char *q = j->p;
        while (j->end - q >= 8 && !word_special(q))
            q += 8;
        while (q < j->end && *q >= 0x20 && *q < 0x80 && *q != '"' && *q != '\\')
            q++;
        emit(out, cap, &o, j->p, (size_t)(q - j->p));
        j->p = q;
        if (j->p == j->end)
            return fail(j, "unterminated string");
        unsigned c = *j->p;
        if (c == '"') {
            j->p++;
            break;
        }
        if (c < 0x20)
            return fail(j, "control character in string");
        if (c >= 0x80) {
            size_t n = utf8_seq_len(j->p, (size_t)(j->end - j->p));
            if (n == 0)
                return fail(j, "invalid UTF-8 in string");
            emit(out, cap, &o, j->p, n);
            j->p += n;
            continue;
        }
        /* a backslash */
        if (++j->p == j->end)
            return fail(j, "unterminated string");
        char e;
        switch (*j->p) {
        case '"': e = '"'; break;
        case '\\': e = '\\'; break;
        case '/': e = '/'; break;
        case 'b': e = '\b'; break;
        case 'f': e = '\f'; break;
        case 'n': e = '\n'; break;
        case 'r': e = '\r'; break;
        case 't': e = '\t'; break;
        case 'u': {
            j->p++;
            unsigned cp;
            if (hex4(j, &cp) < 0)
                return -1;
            if (cp >= 0xDC00 && cp <= 0xDFFF) {
                j->p -= 6;
                return fail(j, "lone low surrogate \\u%04X", cp);
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (j->end - j->p < 2 || j->p[0] != '\\' || j->p[1] != 'u') {
                    j->p -= 6;
                    return fail(j, "high surrogate \\u%04X without a low one", cp);
                }
                j->p += 2;
                unsigned lo;
                if (hex4(j, &lo) < 0)
                    return -1;
                if (lo < 0xDC00 || lo > 0xDFFF) {
                    j->p -= 12;
                    return fail(j, "high surrogate \\u%04X without a low one", cp);
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            unsigned char u[4];
            size_t k;
            if (cp < 0x80) {
                u[0] = (unsigned char)cp;
                k = 1;
            } else if (cp < 0x800) {
                u[0] = (unsigned char)(0xC0 | cp >> 6);
                u[1] = (unsigned char)(0x80 | (cp & 0x3F));
                k = 2;
            } else if (cp < 0x10000) {
                u[0] = (unsigned char)(0xE0 | cp >> 12);
                u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
                u[2] = (unsigned char)(0x80 | (cp & 0x3F));
                k = 3;
            } else {
                u[0] = (unsigned char)(0xF0 | cp >> 18);
                u[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
                u[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
                u[3] = (unsigned char)(0x80 | (cp & 0x3F));
                k = 4;
            }
            emit(out, cap, &o, u, k);
            continue;
        }
        default:
            return fail(j, "invalid escape \\%c", *j->p >= 0x20 && *j->p < 0x7F ? *j->p : '?');
        }
        emit(out, cap, &o, &e, 1);
        j->p++;
    }
    if (outlen)
        *outlen = o;
    return 0;
}

static bool
is_digit(unsigned c)
{
    return c >= '0' && c <= '9';
}

static int
parse_number(jp *j)
{
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p == j->end || !is_digit(*j->p))
        return fail(j, "expected a digit");
    if (*j->p == '0') {
        j->p++;
    } else {
        while (j->p < j->end && is_digit(*j->p))
            j->p++;
    }
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (j->p == j->end || !is_digit(*j->p))
            return fail(j, "expected a digit after '.'");
        while (j->p < j->end && is_digit(*j->p))
            j->p++;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (j->p == j->end || !is_digit(*j->p))
            return fail(j, "expected a digit in the exponent");
        while (j->p < j->end && is_digit(*j->p))
            j->p++;
    }
    return 0;
}

static int
parse_literal(jp *j, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
        return fail(j, "expected a value");
    j->p += n;
    return 0;
}

static int parse_value(jp *j, int depth);

/* An object or array at j->p, checked and skipped. */
static int
parse_container(jp *j, int depth)
{
    bool object = *j->p == '{';
    unsigned close = object ? '}' : ']';
    if (depth > JSON_MAX_DEPTH)
        return fail(j, "nested deeper than %d", JSON_MAX_DEPTH);
    j->p++;
    skip_ws(j);
    if (j->p < j->end && *j->p == close) {
        j->p++;
        return 0;
    }
    for (;;) {
        if (object) {
            if (j->p == j->end || *j->p != '"')
                return fail(j, "expected a string key");
            if (parse_string(j, NULL, 0, NULL) < 0)
                return -1;
            skip_ws(j);
            if (j->p == j->end || *j->p != ':')
                return fail(j, "expected ':'");
            j->p++;
            skip_ws(j);
        }
        if (parse_value(j, depth + 1) < 0)
            return -1;
        skip_ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            skip_ws(j);
            continue;
        }
        if (j->p < j->end && *j->p == close) {
            j->p++;
            return 0;
        }
        return fail(j, object ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static int
parse_value(jp *j, int depth)
{
    if (j->p == j->end)
        return fail(j, "expected a value");
    switch (*j->p) {
    case '{': case '[': return parse_container(j, depth);
    case '"': return parse_string(j, NULL, 0, NULL);
    case 't': return parse_literal(j, "true");
    case 'f': return parse_literal(j, "false");
    case 'n': return parse_literal(j, "null");
    default:
        if (*j->p == '-' || is_digit(*j->p))
            return parse_number(j);
        return fail(j, "expected a value");
    }
}

static bool
is_value_start(unsigned c)
{
    return c == '{' || c == '[' || c == '"' || c == 't' || c == 'f' || c == 'n' || c == '-'
           || is_digit(c);
}

int
json_parse_record(const char *line, size_t len, json_record *rec, char *err, size_t errsize)
{
    if (!line) {
        line = "";
        len = 0;
    }
    jp j = { (const unsigned char *)line, (const unsigned char *)line,
             (const unsigned char *)line + len, err, errsize };
    memset(rec, 0, sizeof *rec);
    if (errsize)
        err[0] = '\0';
    skip_ws(&j);
    if (j.p == j.end)
        return fail_record(&j, "blank line");
    if (*j.p != '{')
        return fail(&j, "expected '{'");
    j.p++;
    skip_ws(&j);
    bool first = true;
    for (;;) {
        if (first && j.p < j.end && *j.p == '}') {
            j.p++;
            break;
        }
        first = false;
        if (j.p == j.end || *j.p != '"')
            return fail(&j, "expected a string key");
        /* Keys are decoded ("\u0069d" is "id") into a buffer just big enough
         * to tell "id" and "text" from the rest. */
        char key[8];
        size_t klen;
        if (parse_string(&j, key, sizeof key, &klen) < 0)
            return -1;
        bool is_id = klen == 2 && memcmp(key, "id", 2) == 0;
        bool is_text = klen == 4 && memcmp(key, "text", 4) == 0;
        skip_ws(&j);
        if (j.p == j.end || *j.p != ':')
            return fail(&j, "expected ':'");
        j.p++;
        skip_ws(&j);
        const unsigned char *v = j.p;
        if (is_id) {
            if (rec->id) {
                return fail_record(&j, "duplicate \"id\"");
            }
            if (j.p < j.end && (*j.p == '"' || *j.p == '-' || is_digit(*j.p))) {
                if ((*j.p == '"' ? parse_string(&j, NULL, 0, NULL) : parse_number(&j)) < 0)
                    return -1;
                rec->id = (const char *)v;
                rec->idlen = (size_t)(j.p - v);
            } else if (j.p < j.end && is_value_start(*j.p)) {
                return fail_record(&j, "\"id\" must be a string or a number");
            } else {
                return fail(&j, "expected a value");
            }
        } else if (is_text) {
            if (rec->text) {
                return fail_record(&j, "duplicate \"text\"");
            }
            if (j.p < j.end && *j.p == '"') {
                /* decoding never makes a string longer than its source */
                size_t cap = (size_t)(j.end - j.p);
                rec->text = malloc(cap + 1);
                if (!rec->text)
                    return fail_record(&j, "out of memory");
                if (parse_string(&j, rec->text, cap, &rec->textlen) < 0)
                    return -1;
                rec->text[rec->textlen] = '\0';
            } else if (j.p < j.end && is_value_start(*j.p)) {
                return fail_record(&j, "\"text\" must be a string");
            } else {
                return fail(&j, "expected a value");
            }
        } else if (parse_value(&j, 1) < 0) {
            return -1;
        }
        skip_ws(&j);
        if (j.p < j.end && *j.p == ',') {
            j.p++;
            skip_ws(&j);
            continue;
        }
        if (j.p < j.end && *j.p == '}') {
            j.p++;
            break;
        }
        return fail(&j, "expected ',' or '}'");
    }
    skip_ws(&j);
    if (j.p != j.end)
        return fail(&j, "trailing characters after the object");
    if (!rec->text)
        return fail_record(&j, "no \"text\" member");
    return 0;
}

void
json_record_free(json_record *rec)
{
    if (!rec)
        return;
    free(rec->text);
    rec->text = NULL;
    rec->textlen = 0;
}
