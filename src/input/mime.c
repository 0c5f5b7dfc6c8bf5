/* mime.c - the decoding an e-mail's text needs, our own (a few hundred
 * lines; a MIME library would bring far more than four decoders):
 * quoted-printable and base64 (RFC 2045), encoded words in headers (RFC
 * 2047), and the charsets UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15 and
 * Windows-1252 to UTF-8 by table, any other the C library's iconv(3)
 * knows (Shift_JIS, ISO-2022-JP, GBK, Big5, EUC-KR, KOI8-R, UTF-16...)
 * through it, a character at a time (charset.c). Bytes that are not text
 * in their charset (or in one iconv does not know) become U+FFFD, and the
 * body says so (replaced).
 *
 * A decoded body (ebody) keeps where each of its bytes came from, so the
 * sentences found in it still map to the message's bytes: runs that are
 * the input's own bytes are verbatim; a character decoded from "=C3=A9"
 * stands for those six bytes; the text of a base64 line stands for the
 * line's characters, spread evenly (build.c: summ__tb_put_spread). */
#include <iconv.h>
#include <string.h>

#include "input/input.h"
#include "input/textfmt.h"
#include "text/utf8.h"

/* ---- the decoded text and its pieces ----------------------------------------- */

static bool
put_bytes(ebody *e, const char *s, size_t n)
{
    if (e->n + n > SUMM_MAX_INPUT
        || !summ__grow(e->al, (void **)&e->t, &e->cap, e->n + n + 1, 1))
        return false;
    memcpy(e->t + e->n, s, n);
    e->n += n;
    e->t[e->n] = '\0';
    return true;
}

static bool
add_piece(ebody *e, size_t t, size_t src, size_t srclen, int kind)
{
    if (kind == EP_VERBATIM && e->npc) {
        epiece *l = &e->pc[e->npc - 1];
        if (l->kind == EP_VERBATIM && l->src + l->srclen == src && l->t + l->srclen == t) {
            l->srclen += (uint32_t)srclen;
            return true;
        }
    }
    if (!summ__grow(e->al, (void **)&e->pc, &e->cappc, e->npc + 1, sizeof *e->pc))
        return false;
    e->pc[e->npc++] = (epiece){ (uint32_t)t, (uint32_t)src, (uint32_t)srclen, (uint8_t)kind };
    return true;
}

/* Bytes of an unchecked input: its UTF-8 verbatim, the rest U+FFFD, each
 * byte a piece. */
static bool
verbatim_checked(ebody *e, const char *src, size_t a, size_t b)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t run = a;
    for (size_t i = a; i < b; ) {
        size_t k = s[i] ? utf8_seq_len(s + i, b - i) : 0;
        if (k) {
            i += k;
            continue;
        }
        e->replaced = true;
        if ((run < i && (!add_piece(e, e->n, run, i - run, EP_VERBATIM)
                         || !put_bytes(e, src + run, i - run)))
            || !add_piece(e, e->n, i, 1, EP_WHOLE) || !put_bytes(e, "\xEF\xBF\xBD", 3))
            return false;
        run = ++i;
    }
    return run >= b
           || (add_piece(e, e->n, run, b - run, EP_VERBATIM) && put_bytes(e, src + run, b - run));
}

bool
summ__ebody_verbatim(ebody *e, const char *src, size_t a, size_t b)
{
    if (a >= b)
        return true;
    if (e->unchecked)
        return verbatim_checked(e, src, a, b);
    return add_piece(e, e->n, a, b - a, EP_VERBATIM) && put_bytes(e, src + a, b - a);
}

bool
summ__ebody_put(ebody *e, const char *s, size_t n, size_t src, size_t srclen, int kind)
{
    if (n == 0)
        return true;
    return add_piece(e, e->n, src, srclen, kind) && put_bytes(e, s, n);
}

void
summ__ebody_free(ebody *e)
{
    summ__free(e->al, e->t);
    summ__free(e->al, e->pc);
    e->t = NULL;
    e->pc = NULL;
    e->n = e->cap = e->npc = e->cappc = 0;
    e->replaced = false;
}

void
summ__ebody_clear(ebody *e)
{
    e->n = 0;
    e->npc = 0;
    e->replaced = false;
    if (e->t)
        e->t[0] = '\0';
}

size_t
summ__ebody_piece_at(const ebody *e, size_t x)
{
    size_t lo = 0, hi = e->npc;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (e->pc[mid].t <= x)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void
summ__ebody_spread_share(const ebody *e, size_t k, size_t x, size_t z, size_t *s0, size_t *s1)
{
    /* the share of the line's characters that [x, z) has */
    const epiece *p = &e->pc[k];
    size_t pend = k + 1 < e->npc ? e->pc[k + 1].t : e->n;
    size_t all = utf8_chars(e->t + p->t, pend - p->t);
    size_t before = utf8_chars(e->t + p->t, x - p->t), mine = utf8_chars(e->t + x, z - x);
    *s0 = p->src + (all ? (size_t)((uint64_t)before * p->srclen / all) : 0);
    *s1 = p->src + (all ? (size_t)((uint64_t)(before + mine) * p->srclen / all) : p->srclen);
}

int
summ__ebody_span(const ebody *e, size_t k, size_t x, size_t z, size_t *src, size_t *srclen)
{
    const epiece *p = &e->pc[k];
    switch (p->kind) {
    case EP_VERBATIM:
        *src = p->src + (x - p->t);
        *srclen = z - x;
        break;
    case EP_SPREAD: {
        size_t s0, s1;
        summ__ebody_spread_share(e, k, x, z, &s0, &s1);
        *src = s0;
        *srclen = s1 - s0;
        break;
    }
    default:
        *src = p->src;
        *srclen = p->srclen;
        break;
    }
    return p->kind;
}

void
summ__ebody_emit(const ebody *e, tbuild *b, size_t x, size_t y)
{
    if (x >= y || e->npc == 0)
        return;
    for (size_t k = summ__ebody_piece_at(e, x); k < e->npc && x < y; k++) {
        size_t pend = k + 1 < e->npc ? e->pc[k + 1].t : e->n;
        if (pend <= x)
            continue;
        size_t z = y < pend ? y : pend, src, srclen;
        int kind = summ__ebody_span(e, k, x, z, &src, &srclen);
        if (kind == EP_VERBATIM)
            summ__tb_copy(b, src, srclen);
        else if (kind == EP_SPREAD)
            summ__tb_put_spread(b, e->t + x, z - x, src, srclen);
        else
            summ__tb_put(b, e->t + x, z - x, src, srclen);
        x = z;
    }
}

/* ---- charsets ------------------------------------------------------------------- */

/* The charsets decoded here, by table; any other goes to iconv. */
static int
known_charset(const char *s, size_t n)
{
    static const struct { const char *name; int cs; } names[] = {
        { "utf-8", CS_UTF8 }, { "utf8", CS_UTF8 }, { "us-ascii", CS_UTF8 }, { "ascii", CS_UTF8 },
        { "iso-8859-1", CS_LATIN1 }, { "iso8859-1", CS_LATIN1 }, { "latin1", CS_LATIN1 },
        { "iso_8859-1", CS_LATIN1 }, { "l1", CS_LATIN1 },
        { "iso-8859-15", CS_LATIN9 }, { "iso8859-15", CS_LATIN9 }, { "latin-9", CS_LATIN9 },
        { "latin9", CS_LATIN9 },
        { "windows-1252", CS_CP1252 }, { "cp1252", CS_CP1252 }, { "x-cp1252", CS_CP1252 },
    };
    if (n == 0)
        return CS_UTF8;  /* none given: RFC 2045 says US-ASCII; UTF-8 holds it */
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (ascii_ieq(s, n, names[i].name))
            return names[i].cs;
    return CS_UNKNOWN;
}

/* Does the charset iconv calls name read ASCII text as ASCII? */
static bool
ascii_compatible(const char *name)
{
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return false;
    char in[] = "A z\r\n", out[32];
    char *ip = in, *op = out;
    size_t il = sizeof in - 1, ol = sizeof out;
    bool same = iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0
                && (size_t)(op - out) == sizeof in - 1 && memcmp(out, in, sizeof in - 1) == 0;
    iconv_close(cd);
    return same;
}

mcs
summ__mime_charset_open(const char *s, size_t n)
{
    mcs cs = { known_charset(s, n), NULL, false };
    char label[64];
    if (cs.kind != CS_UNKNOWN || n >= sizeof label)
        return cs;
    memcpy(label, s, n);
    label[n] = '\0';
    /* the names mail and the web share mean the same (Shift_JIS is
     * Microsoft's, GB2312 is GBK), but mail may be in the UTF-16 and
     * ISO-2022 forms a browser does not read: iconv is asked for the label
     * as it is then */
    const char *name;
    if (summ__charset_kind(label, &name) != CHARSET_OTHER)
        name = label;
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd != (iconv_t)-1) {
        cs.kind = CS_ICONV;
        cs.cd = cd;
        cs.wide = !ascii_compatible(name);
    }
    return cs;
}

void
summ__mime_charset_close(mcs *cs)
{
    if (cs->kind == CS_ICONV)
        iconv_close((iconv_t)cs->cd);
    cs->kind = CS_UNKNOWN;
    cs->cd = NULL;
}

/* Windows-1252's 0x80 .. 0x9F (0: undefined). */
static const uint16_t cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The code point of byte c in a single-byte charset, or -1. */
static int32_t
single_byte(int cs, unsigned char c)
{
    if (c < 0x80)
        return c;
    if (cs == CS_CP1252 && c < 0xA0)
        return cp1252[c - 0x80] ? cp1252[c - 0x80] : -1;
    if (cs == CS_LATIN9) {
        switch (c) {
        case 0xA4: return 0x20AC;
        case 0xA6: return 0x0160;
        case 0xA8: return 0x0161;
        case 0xB4: return 0x017D;
        case 0xB8: return 0x017E;
        case 0xBC: return 0x0152;
        case 0xBD: return 0x0153;
        case 0xBE: return 0x0178;
        default: break;
        }
    }
    return c;
}

static size_t
encode_cp(int32_t c, char *u)
{
    if (c < 0x80) {
        u[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        u[0] = (char)(0xC0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    u[0] = (char)(0xE0 | (c >> 12));
    u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    u[2] = (char)(0x80 | (c & 0x3F));
    return 3;
}

/* The next character of raw[i .. n) in charset cs, as UTF-8 into u (at
 * least U_MAX bytes): returns the raw bytes it took; *ulen its UTF-8
 * length (0 for a stateful charset's shift sequence). A byte that is no
 * character there (or NUL, which is no text) is U+FFFD. */
#define U_MAX 32
static size_t
next_char(const unsigned char *raw, size_t i, size_t n, const mcs *cs, char *u, size_t *ulen,
          bool *replaced)
{
    if (cs->kind == CS_ICONV) {
        /* before the NUL test: in UTF-16 a zero byte is half of a letter */
        size_t k = summ__charset_next(cs->cd, (const char *)raw + i, n - i, u, ulen);
        if (k && !memchr(u, 0, *ulen))
            return k;
        *ulen = encode_cp(0xFFFD, u);
        *replaced = true;
        return k ? k : 1;
    }
    if (raw[i] == 0) {
        *ulen = encode_cp(0xFFFD, u);
        *replaced = true;
        return 1;
    }
    if (cs->kind == CS_UTF8 || cs->kind == CS_UNKNOWN || raw[i] < 0x80) {
        size_t k = utf8_seq_len(raw + i, n - i);
        if (k) {
            memcpy(u, raw + i, k);
            *ulen = k;
            if (cs->kind == CS_UNKNOWN && raw[i] >= 0x80)
                *replaced = true;  /* read as UTF-8, which it may not be */
            return k;
        }
        *ulen = encode_cp(0xFFFD, u);
        *replaced = true;
        return 1;
    }
    int32_t c = single_byte(cs->kind, raw[i]);
    if (c < 0) {
        c = 0xFFFD;
        *replaced = true;
    }
    *ulen = encode_cp(c, u);
    return 1;
}

/* raw[0 .. n) as characters of cs into e, raw[i] decoded from the input's
 * bytes [at[i], at[i] + len[i]) of s (at NULL: raw is s itself, raw[i]
 * the byte at base + i): a character is a piece of its own,
 * but for those that are the one input byte they came from (ASCII that
 * stayed ASCII), which are kept verbatim, in runs. For the charsets whose
 * bytes below 0x80 need not be ASCII (ISO-2022-JP, UTF-16): each byte is
 * read through iconv. */
static bool
raw_chars(ebody *e, const char *s, const unsigned char *raw, const uint32_t *at,
          const uint8_t *len, size_t base, size_t n, const mcs *cs)
{
#define AT(i) (at ? at[i] : base + (i))
#define LEN(i) (at ? len[i] : 1u)
    size_t run = 0, run_a = 0;  /* raw[run .. i) verbatim, from s + run_a */
    for (size_t i = 0; i < n; ) {
        char u[U_MAX];
        size_t ul;
        size_t k = next_char(raw, i, n, cs, u, &ul, &e->replaced);
        if (k == 1 && ul == 1 && LEN(i) == 1 && u[0] == (char)raw[i]
            && (run == i || AT(i) == run_a + (i - run))) {
            if (run == i)
                run_a = AT(i);
            i++;
            continue;
        }
        size_t s0 = AT(i), s1 = AT(i + k - 1) + LEN(i + k - 1);
        if (!summ__ebody_verbatim(e, s, run_a, run_a + (i - run))
            || !summ__ebody_put(e, u, ul, s0, s1 - s0, EP_WHOLE))
            return false;
        i += k;
        run = i;
    }
    return summ__ebody_verbatim(e, s, run_a, run_a + (n - run));
#undef AT
#undef LEN
}

/* Are the eight-bit bytes of the part s[a .. b) read by its charset's
 * table? In an input that is not all UTF-8, in a table charset, unless
 * they are UTF-8 (as a page's are read whatever it declares). */
static bool
by_table(const ebody *e, const char *s, size_t a, size_t b, const mcs *cs)
{
    if (!e->unchecked
        || !(cs->kind == CS_LATIN1 || cs->kind == CS_LATIN9 || cs->kind == CS_CP1252))
        return false;
    size_t bad;
    return summ__utf8_check(s + a, b - a, &bad) == 1;
}

/* The input's own bytes s[a .. b) of a part: verbatim (checked if the
 * input was not), or by the table. */
static bool
literal(ebody *e, const char *s, size_t a, size_t b, const mcs *cs, bool table)
{
    if (!table)
        return summ__ebody_verbatim(e, s, a, b);
    return raw_chars(e, s, (const unsigned char *)s + a, NULL, NULL, a, b - a, cs);
}

/* ---- quoted-printable ------------------------------------------------------------- */

static int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Decoded bytes waiting to be read as characters, with where each began. */
typedef struct pending {
    unsigned char raw[8];
    size_t src[8];
    size_t n;
} pending;

static bool
flush_pending(ebody *e, pending *pd, const mcs *cs)
{
    size_t i = 0;
    while (i < pd->n) {
        char u[U_MAX];
        size_t ul;
        size_t k = next_char(pd->raw, i, pd->n, cs, u, &ul, &e->replaced);
        size_t s0 = pd->src[i], s1 = pd->src[i + k - 1] + 3;
        if (!summ__ebody_put(e, u, ul, s0, s1 - s0, EP_WHOLE))
            return false;
        i += k;
    }
    pd->n = 0;
    return true;
}

static const mcs unknown = { CS_UNKNOWN, NULL, false };

/* Quoted-printable in a charset iconv reads: all of its bytes first
 * (escaped or not: in ISO-2022-JP or UTF-16 a byte below 0x80 is no
 * character by itself), each with where it came from, then read as
 * characters. */
static bool
qp_iconv(ebody *e, const char *s, size_t a, size_t b, const mcs *cs)
{
    unsigned char *raw = NULL;
    uint32_t *at = NULL;
    uint8_t *len = NULL;
    size_t n = 0, capr = 0, capa = 0, capl = 0;
    bool ok = true;
    for (size_t p = a; p < b && ok; ) {
        tline l = tline_at(s, b, p);
        size_t z = trim_end(s, l.a, l.e);
        bool soft = z > l.a && s[z - 1] == '=';
        size_t end = soft ? z - 1 : z;
        /* the line's bytes, then a hard line break (the text's own); a
         * soft one ("=") goes, and so does white space before a break */
        for (size_t i = l.a; ok && (i < end || (!soft && i < l.next)); ) {
            if (i == end && !soft)
                i = l.e;
            if (i >= l.next)
                break;
            ok = summ__grow(e->al, (void **)&raw, &capr, n + 1, 1)
                 && summ__grow(e->al, (void **)&at, &capa, n + 1, sizeof *at)
                 && summ__grow(e->al, (void **)&len, &capl, n + 1, 1);
            if (!ok)
                break;
            int h1, h2;
            at[n] = (uint32_t)i;
            if (i < end && s[i] == '=' && i + 2 < end && (h1 = hexval(s[i + 1])) >= 0
                && (h2 = hexval(s[i + 2])) >= 0) {
                raw[n] = (unsigned char)(h1 * 16 + h2);
                len[n++] = 3;
                i += 3;
            } else {
                raw[n] = (unsigned char)s[i];
                len[n++] = 1;
                i++;
            }
        }
        p = l.next;
    }
    ok = ok && raw_chars(e, s, raw, at, len, 0, n, cs);
    summ__free(e->al, raw);
    summ__free(e->al, at);
    summ__free(e->al, len);
    return ok;
}

bool
summ__mime_qp(ebody *e, const char *s, size_t a, size_t b, const mcs *cs)
{
    if (cs->kind == CS_ICONV && !cs->wide)
        return qp_iconv(e, s, a, b, cs);
    if (cs->kind == CS_ICONV)
        cs = &unknown;
    bool table = by_table(e, s, a, b, cs);  /* its literal bytes, as identity reads them */
    pending pd = { .n = 0 };
    size_t p = a;
    while (p < b) {
        tline l = tline_at(s, b, p);
        size_t z = trim_end(s, l.a, l.e);
        bool soft = z > l.a && s[z - 1] == '=';
        size_t end = soft ? z - 1 : z;
        size_t run = l.a;
        for (size_t i = l.a; i < end; ) {
            int h1, h2;
            if (i < end && s[i] == '=' && i + 2 < end && (h1 = hexval(s[i + 1])) >= 0
                && (h2 = hexval(s[i + 2])) >= 0) {
                if (pd.n == 0 && !literal(e, s, run, i, cs, table))
                    return false;
                if (pd.n == sizeof pd.raw && !flush_pending(e, &pd, cs))
                    return false;
                pd.raw[pd.n] = (unsigned char)(h1 * 16 + h2);
                pd.src[pd.n++] = i;
                i += 3;
                run = i;
                /* a character's bytes go together, also over a soft line
                 * break; anything else ends them */
                if ((i < end && s[i] != '=') || (i >= end && !soft)) {
                    if (!flush_pending(e, &pd, cs))
                        return false;
                }
                continue;
            }
            if (pd.n && !flush_pending(e, &pd, cs))
                return false;
            i++;
        }
        if (!soft && pd.n && !flush_pending(e, &pd, cs))
            return false;
        if (!literal(e, s, run, end, cs, table))
            return false;
        /* a hard line break is the text's own; a soft one ("=") goes */
        if (!soft && !summ__ebody_verbatim(e, s, l.e, l.next))
            return false;
        p = l.next;
    }
    return flush_pending(e, &pd, cs);
}

/* ---- base64 ------------------------------------------------------------------------ */

static int
b64val(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

/* The bytes of one line's base64, carrying the bits of an unfinished group
 * in *acc / *bits. */
static size_t
b64_line(const char *s, size_t a, size_t e, unsigned char *out, uint32_t *acc, int *bits)
{
    size_t o = 0;
    for (size_t i = a; i < e; i++) {
        int v = b64val((unsigned char)s[i]);
        if (v < 0)
            continue;  /* padding, white space, stray bytes */
        *acc = (*acc << 6) | (uint32_t)v;
        *bits += 6;
        if (*bits >= 8) {
            *bits -= 8;
            out[o++] = (unsigned char)(*acc >> *bits);
            *acc &= (1u << *bits) - 1;
        }
    }
    return o;
}

/* Convert raw[0 .. n) (decoded from the input's bytes [src, src + srclen),
 * spread) into e as characters of charset cs. */
static bool
spread_chars(ebody *e, const unsigned char *raw, size_t n, const mcs *cs, size_t src,
             size_t srclen)
{
    size_t t0 = e->n;
    for (size_t i = 0; i < n; ) {
        char u[U_MAX];
        size_t ul;
        i += next_char(raw, i, n, cs, u, &ul, &e->replaced);
        if (!put_bytes(e, u, ul))
            return false;
    }
    return e->n == t0 || add_piece(e, t0, src, srclen, EP_SPREAD);
}

/* A stretch of base64 of at most CHUNK characters and what it decoded to. */
#define CHUNK 120
typedef struct b64chunk {
    size_t raw, src, srclen;
} b64chunk;

bool
summ__mime_base64(ebody *e, const char *s, size_t a, size_t b, const mcs *cs)
{
    /* First all the bytes, with where each chunk's begin; then the
     * characters, each with the chunk it starts in, so that a character
     * whose bytes run over two lines is read whole. */
    unsigned char *raw = NULL;
    size_t nraw = 0, capraw = 0, nch = 0, capch = 0;
    b64chunk *ch = NULL;
    uint32_t acc = 0;
    int bits = 0;
    bool ok = true;
    for (size_t p = a; p < b && ok; ) {
        tline l = tline_at(s, b, p);
        p = l.next;
        /* Chunks are runs of printable ASCII without spaces: the text of a
         * chunk is spread over its bytes, so every offset it maps to is a
         * character boundary that is no white space. */
        for (size_t q = l.a; q < l.e && ok; ) {
            if ((unsigned char)s[q] <= ' ' || (unsigned char)s[q] >= 0x7F) {
                q++;
                continue;
            }
            size_t z = q;
            while (z < l.e && z - q < CHUNK && (unsigned char)s[z] > ' '
                   && (unsigned char)s[z] < 0x7F)
                z++;
            size_t c = z - q;
            ok = summ__grow(e->al, (void **)&raw, &capraw, nraw + c, 1)
                 && summ__grow(e->al, (void **)&ch, &capch, nch + 1, sizeof *ch);
            if (!ok)
                break;
            ch[nch++] = (b64chunk){ nraw, q, c };
            nraw += b64_line(s, q, z, raw + nraw, &acc, &bits);
            q = z;
        }
    }
    size_t i = 0;
    for (size_t k = 0; k < nch && ok; k++) {
        size_t end = k + 1 < nch ? ch[k + 1].raw : nraw;
        if (i >= end)
            continue;  /* its bytes went with the character before */
        size_t t0 = e->n;
        while (i < end && ok) {
            char u[U_MAX];
            size_t ul;
            i += next_char(raw, i, nraw, cs, u, &ul, &e->replaced);
            ok = put_bytes(e, u, ul);
        }
        ok = ok && (e->n == t0 || add_piece(e, t0, ch[k].src, ch[k].srclen, EP_SPREAD));
    }
    summ__free(e->al, raw);
    summ__free(e->al, ch);
    return ok;
}

bool
summ__mime_identity(ebody *e, const char *s, size_t a, size_t b, const mcs *cs)
{
    if (cs->kind == CS_ICONV && !cs->wide)
        return raw_chars(e, s, (const unsigned char *)s + a, NULL, NULL, a, b - a, cs);
    return literal(e, s, a, b, cs, by_table(e, s, a, b, cs));
}

/* ---- RFC 2047 encoded words ------------------------------------------------------------ */

/* "=?charset?B?...?=" or "=?charset?Q?...?=" at s[i]: its end, else 0. */
static size_t
encoded_word(const char *s, size_t i, size_t e, size_t *cs_a, size_t *cs_e, char *enc,
             size_t *txt_a, size_t *txt_e)
{
    if (i + 1 >= e || s[i] != '=' || s[i + 1] != '?')
        return 0;
    size_t k = i + 2;
    *cs_a = k;
    while (k < e && s[k] != '?' && k - i < 80) {
        if ((unsigned char)s[k] >= 0x80)
            return 0;  /* ASCII only, as below */
        k++;
    }
    if (k + 2 >= e || s[k] != '?' || s[k + 2] != '?')
        return 0;
    *cs_e = k;
    char c = s[k + 1];
    if (c != 'B' && c != 'b' && c != 'Q' && c != 'q')
        return 0;
    *enc = (char)(c & ~0x20);
    k += 3;
    *txt_a = k;
    while (k + 1 < e && !(s[k] == '?' && s[k + 1] == '=') && k - i < 1000) {
        /* printable ASCII only (RFC 2047): with other bytes in it, it is
         * text as it stands (its characters spread over it could put a
         * span's end inside one of theirs) */
        if (s[k] == ' ' || s[k] == '\n' || s[k] == '\r' || s[k] == '\t'
            || (unsigned char)s[k] >= 0x80)
            return 0;
        k++;
    }
    if (k + 1 >= e || s[k] != '?' || s[k + 1] != '=')
        return 0;
    *txt_e = k;
    return k + 2;
}

static bool
is_wsp(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool
summ__mime_header(ebody *e, const char *s, size_t a, size_t b)
{
    size_t i = a, csa, cse, ta, te;
    char enc;
    bool prev_word = false;
    while (i < b) {
        if (is_wsp(s[i])) {
            size_t k = i;
            bool fold = false;
            while (k < b && is_wsp(s[k])) {
                fold |= s[k] == '\r' || s[k] == '\n';
                k++;
            }
            /* white space between two encoded words goes; a folded line
             * break is one space */
            if (prev_word && k < b && encoded_word(s, k, b, &csa, &cse, &enc, &ta, &te))
                ;
            else if (fold && !summ__ebody_put(e, " ", 1, i, k - i, EP_WHOLE))
                return false;
            else if (!fold && !summ__ebody_verbatim(e, s, i, k))
                return false;
            i = k;
            continue;
        }
        size_t end = encoded_word(s, i, b, &csa, &cse, &enc, &ta, &te);
        if (end) {
            mcs cs = summ__mime_charset_open(s + csa, cse - csa);
            unsigned char raw[800];
            size_t n = 0;
            if (enc == 'B') {
                uint32_t acc = 0;
                int bits = 0;
                n = b64_line(s, ta, te, raw, &acc, &bits);
            } else {
                for (size_t k = ta; k < te && n < sizeof raw; k++) {
                    int h1, h2;
                    if (s[k] == '_') {
                        raw[n++] = ' ';
                    } else if (s[k] == '=' && k + 2 < te && (h1 = hexval(s[k + 1])) >= 0
                               && (h2 = hexval(s[k + 2])) >= 0) {
                        raw[n++] = (unsigned char)(h1 * 16 + h2);
                        k += 2;
                    } else {
                        raw[n++] = (unsigned char)s[k];
                    }
                }
            }
            bool ok = spread_chars(e, raw, n, &cs, i, end - i);
            summ__mime_charset_close(&cs);
            if (!ok)
                return false;
            prev_word = true;
            i = end;
            continue;
        }
        size_t k = i + 1;
        while (k < b && !is_wsp(s[k]) && !(s[k] == '=' && k + 1 < b && s[k + 1] == '?'))
            k++;
        if (!summ__ebody_verbatim(e, s, i, k))
            return false;
        prev_word = false;
        i = k;
    }
    return true;
}
