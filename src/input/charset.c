/* charset.c - a page in another charset than UTF-8, converted with the C
 * library's iconv(3) for the parser, with a map from the UTF-8 back to
 * the page's own bytes; and that map applied to the clean text's, so that
 * spans stay offsets into what the caller gave, on its characters'
 * boundaries. Which bytes of a page the parser reads (summ__html_decode):
 * the page as it is when it is UTF-8, else converted from the charset its
 * BOM or its declaration names, or refused with the reason.
 *
 * The conversion goes one character at a time (iconv does not say where
 * its characters end), except for runs of ASCII in the charsets where a
 * byte below 0x80 at a character's start is always ASCII, and for
 * single-byte charsets, which become a table of 256 entries. A byte
 * sequence the charset does not have becomes U+FFFD, as in a browser. */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "input/input.h"
#include "text/utf8.h"

/* The WHATWG Encoding Standard's names for the labels pages use, where
 * glibc's iconv means something else by the label or does not know it:
 * "iso-8859-1" and "us-ascii" on the web are windows-1252, "gb2312" is
 * GBK, "shift_jis" is Microsoft's, and so on. Any other label goes to
 * iconv as it is. */
static const struct {
    const char *label, *iconv;
} aliases[] = {
    { "ascii", "WINDOWS-1252" }, { "us-ascii", "WINDOWS-1252" },
    { "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
    { "iso_8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" },
    { "cp819", "WINDOWS-1252" }, { "ibm819", "WINDOWS-1252" }, { "x-cp1252", "WINDOWS-1252" },
    { "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
    { "iso-8859-11", "WINDOWS-874" }, { "tis-620", "WINDOWS-874" },
    { "gb2312", "GBK" }, { "x-gbk", "GBK" }, { "chinese", "GBK" }, { "csgb2312", "GBK" },
    { "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" }, { "korean", "CP949" },
    { "windows-949", "CP949" },
    { "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" },
    { "x-sjis", "CP932" }, { "ms_kanji", "CP932" }, { "windows-31j", "CP932" },
    { "big5", "BIG5-HKSCS" }, { "x-x-big5", "BIG5-HKSCS" }, { "cn-big5", "BIG5-HKSCS" },
    { "x-euc-jp", "EUC-JP" }, { "x-mac-roman", "MACINTOSH" }, { "mac", "MACINTOSH" },
};

/* Labels that mean UTF-8 to a browser: UTF-8 itself, and UTF-16, which a
 * page's <meta> cannot declare (its bytes would not be ASCII) */
static const char *const utf8_labels[] = {
    "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
    "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2",
};

/* Labels a browser refuses to decode (the "replacement" encoding) or
 * that mean no charset at all. */
static const char *const refused_labels[] = {
    "x-user-defined", "replacement", "csiso2022kr", "hz-gb-2312", "iso-2022-cn",
    "iso-2022-cn-ext", "iso-2022-kr",
};

/* Charsets in which a byte below 0x80 that starts a character is always
 * that ASCII character, so runs of them need no iconv. */
static const char *const ascii_safe[] = {
    "CP932", "EUC-JP", "CP949", "GBK", "GB18030", "BIG5-HKSCS",
};

int
summ__charset_kind(const char *label, const char **iconv_name)
{
    *iconv_name = label;
    for (size_t i = 0; i < sizeof utf8_labels / sizeof *utf8_labels; i++)
        if (strcasecmp(label, utf8_labels[i]) == 0)
            return CHARSET_UTF8;
    for (size_t i = 0; i < sizeof refused_labels / sizeof *refused_labels; i++)
        if (strcasecmp(label, refused_labels[i]) == 0)
            return CHARSET_REFUSED;
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strcasecmp(label, aliases[i].label) == 0)
            *iconv_name = aliases[i].iconv;
    return CHARSET_OTHER;
}

/* ---- conversion ----------------------------------------------------------- */

typedef struct conv {
    arena *ar;
    char *text;
    size_t len, cap;
    srcmap *map;
    size_t nmap, capmap;
    bool failed;
} conv;

static bool
conv_room(conv *c, size_t more)
{
    if (c->failed)
        return false;
    if (c->len + more <= c->cap)
        return true;
    if (c->len + more > SUMM_MAX_INPUT) {
        c->failed = true;
        return false;
    }
    size_t ncap = c->cap ? c->cap : 4096;
    while (ncap < c->len + more)
        ncap *= 2;
    char *p = summ__arena_alloc(c->ar, ncap);
    if (!p) {
        c->failed = true;
        return false;
    }
    if (c->len)
        memcpy(p, c->text, c->len);
    c->text = p;
    c->cap = ncap;
    return true;
}

/* Append out[0 .. n), which stands for source bytes [src, src + slen). */
static void
conv_put(conv *c, const char *out, size_t n, size_t src, size_t slen)
{
    if (!conv_room(c, n + 1))
        return;
    bool verbatim = n == slen;
    srcmap *last = c->nmap ? &c->map[c->nmap - 1] : NULL;
    if (verbatim && last && c->len - last->clean == last->srclen
        && last->src + last->srclen == src) {
        last->srclen += (uint32_t)slen;
    } else {
        if (c->nmap == c->capmap) {
            size_t ncap = c->capmap ? c->capmap * 2 : 1024;
            srcmap *m = summ__arena_alloc(c->ar, ncap * sizeof *m);
            if (!m) {
                c->failed = true;
                return;
            }
            if (c->nmap)
                memcpy(m, c->map, c->nmap * sizeof *m);
            c->map = m;
            c->capmap = ncap;
        }
        c->map[c->nmap++] = (srcmap){ (uint32_t)c->len, (uint32_t)src, (uint32_t)slen, 0 };
    }
    memcpy(c->text + c->len, out, n);
    c->len += n;
    c->text[c->len] = '\0';
}

static const char replacement[] = "\xEF\xBF\xBD";

/* Convert src[i .. i + k) as one character. Returns 1 and the output in
 * out (*outn bytes, at most 32), 0 if the bytes are incomplete, -1 if
 * invalid. */
static int
one_char(iconv_t cd, const char *src, size_t i, size_t k, char *out, size_t *outn)
{
    char *in = (char *)(uintptr_t)(src + i), *o = out;
    size_t inleft = k, outleft = 32;
    size_t r = iconv(cd, &in, &inleft, &o, &outleft);
    if (r == (size_t)-1 && errno == EINVAL)
        return 0;  /* nothing taken, the state kept: ISO-2022-JP's shift holds */
    if (r == (size_t)-1 || inleft) {
        iconv(cd, NULL, NULL, NULL, NULL);
        return -1;
    }
    *outn = (size_t)(o - out);
    return 1;
}

/* A single-byte charset: each byte converts alone, none is the start of
 * a longer sequence. Fills table (UTF-8 of each byte, tlen[b] bytes; 0:
 * not in the charset). */
static bool
single_byte(iconv_t cd, char table[256][4], unsigned char tlen[256])
{
    for (int b = 0; b < 256; b++) {
        char in = (char)b, out[32];
        size_t n;
        int r = one_char(cd, &in, 0, 1, out, &n);
        if (r == 0 || (r > 0 && (n == 0 || n > 4)))
            return false;
        tlen[b] = r > 0 ? (unsigned char)n : 0;
        if (r > 0)
            memcpy(table[b], out, n);
    }
    return true;
}

size_t
summ__charset_next(void *cd, const char *src, size_t n, char *out, size_t *outn)
{
    size_t k = 1;
    int r = 0;
    while (k <= 8 && k <= n && (r = one_char((iconv_t)cd, src, 0, k, out, outn)) == 0)
        k++;
    return r > 0 ? k : 0;
}

summ_status
summ__charset_convert(arena *ar, const char *name, const char *src, size_t n, size_t base,
                      convtext *out, summ_err *err)
{
    memset(out, 0, sizeof *out);
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return summ__err_set(err, SUMM_EFORMAT, "charset '%s' is not known to iconv", name);
    conv c = { .ar = ar };
    char (*table)[4] = summ__arena_alloc(ar, 256 * 4);
    unsigned char *tlen = summ__arena_alloc(ar, 256);
    if (!table || !tlen) {
        iconv_close(cd);
        return SUMM_ENOMEM;
    }
    bool single = single_byte(cd, table, tlen);
    bool fast = false;
    for (size_t k = 0; k < sizeof ascii_safe / sizeof *ascii_safe; k++)
        fast |= strcasecmp(name, ascii_safe[k]) == 0;
    conv_room(&c, n + n / 4 + 16);
    size_t i = 0;
    while (i < n && !c.failed) {
        unsigned char b = (unsigned char)src[i];
        if (single) {
            if (b < 0x80 && tlen[b] == 1 && table[b][0] == (char)b) {
                size_t j = i;
                while (j < n && (unsigned char)src[j] < 0x80 && tlen[(unsigned char)src[j]] == 1
                       && table[(unsigned char)src[j]][0] == src[j])
                    j++;
                conv_put(&c, src + i, j - i, i, j - i);
                i = j;
            } else if (tlen[b]) {
                conv_put(&c, table[b], tlen[b], i, 1);
                i++;
            } else {
                conv_put(&c, replacement, 3, i, 1);
                i++;
            }
            continue;
        }
        if (fast && b < 0x80) {
            size_t j = i;
            while (j < n && (unsigned char)src[j] < 0x80)
                j++;
            conv_put(&c, src + i, j - i, i, j - i);
            i = j;
            continue;
        }
        char o[32];
        size_t on = 0, k = summ__charset_next(cd, src + i, n - i, o, &on);
        if (k == 0) {
            conv_put(&c, replacement, 3, i, 1);
            i++;
            continue;
        }
        if (on)
            conv_put(&c, o, on, i, k);
        else if (c.nmap)  /* a shift sequence: it belongs to the character before */
            c.map[c.nmap - 1].srclen += (uint32_t)k;
        i += k;
    }
    iconv_close(cd);
    for (size_t k = 0; k < c.nmap; k++)
        c.map[k].src += (uint32_t)base;
    if (c.failed)
        return c.len + 4 > SUMM_MAX_INPUT ? summ__err_set(err, SUMM_ETOOBIG,
                                                          "the page is too large once converted")
                                          : SUMM_ENOMEM;
    out->text = c.text ? c.text : "";
    out->len = c.len;
    out->map = c.map;
    out->nmap = c.nmap;
    return SUMM_OK;
}

/* ---- the clean text's map, back to the page's bytes ------------------------- */

/* The conversion's piece that holds UTF-8 byte x (map non-empty). */
static size_t
conv_piece(const convtext *c, size_t x)
{
    size_t lo = 0, hi = c->nmap;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->map[mid].clean <= x)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The page's byte for UTF-8 byte x of the converted text. */
static size_t
to_src(const convtext *c, size_t x, size_t srclen)
{
    if (!c->nmap || x >= c->len)
        return srclen;
    const srcmap *m = &c->map[conv_piece(c, x)];
    size_t cl = (m + 1 < c->map + c->nmap ? m[1].clean : c->len) - m->clean;
    return cl == m->srclen ? m->src + (x - m->clean) : m->src;
}

typedef struct mapout {
    arena *ar;
    srcmap *m;
    size_t n, cap;
    bool failed;
} mapout;

static void
map_add(mapout *o, size_t clean, size_t src, size_t srclen)
{
    if (o->failed)
        return;
    if (o->n == o->cap) {
        size_t ncap = o->cap ? o->cap * 2 : 256;
        srcmap *m = summ__arena_alloc(o->ar, ncap * sizeof *m);
        if (!m) {
            o->failed = true;
            return;
        }
        if (o->n)
            memcpy(m, o->m, o->n * sizeof *m);
        o->m = m;
        o->cap = ncap;
    }
    o->m[o->n++] = (srcmap){ (uint32_t)clean, (uint32_t)src, (uint32_t)srclen, 0 };
}

summ_status
summ__charset_remap(arena *ar, doc *d, const convtext *c)
{
    mapout o = { .ar = ar };
    for (size_t k = 0; k < d->nmap && !o.failed; k++) {
        const srcmap *p = &d->map[k];
        size_t cl = (k + 1 < d->nmap ? d->map[k + 1].clean : d->len) - p->clean;
        size_t a = p->src, b = p->src + p->srclen;
        if (cl != p->srclen || cl == 0) {
            /* markup, an entity, a separator: as a whole */
            size_t sa = to_src(c, a, d->srclen), sb = to_src(c, b, d->srclen);
            map_add(&o, p->clean, sa, sb > sa ? sb - sa : 0);
            continue;
        }
        /* verbatim in the converted text: verbatim again where the
         * conversion was, else one piece per character */
        size_t x = a;
        while (x < b) {
            size_t q = conv_piece(c, x);
            const srcmap *m = &c->map[q];
            size_t mend = q + 1 < c->nmap ? c->map[q + 1].clean : c->len;
            size_t e = mend < b ? mend : b;
            if (mend - m->clean == m->srclen)
                map_add(&o, p->clean + (x - a), m->src + (x - m->clean), e - x);
            else
                map_add(&o, p->clean + (x - a), m->src, m->srclen);
            x = e;
        }
    }
    if (o.failed)
        return SUMM_ENOMEM;
    d->map = o.m;
    d->nmap = o.n;
    return SUMM_OK;
}

/* ---- a page's bytes: UTF-8, or converted ------------------------------------ */

/* Is the page s[0 .. n), all UTF-8, in ISO-2022-JP, which is seven-bit:
 * does it declare so and have an escape? (Any other page whose bytes are
 * UTF-8 is read as UTF-8, whatever it declares.) */
static bool
iso2022jp(const char *s, size_t n)
{
    char label[64];
    return memchr(s, 0x1B, n) && summ__html_declared_charset(s, n, label, sizeof label)
           && (strcasecmp(label, "iso-2022-jp") == 0 || strcasecmp(label, "csiso2022jp") == 0);
}

/* The bytes to parse: the page if it is UTF-8 (*pbuf = d->src, *start
 * past a BOM), else a conversion (*out set, *converted). */
summ_status
summ__html_decode(doc *d, const char **pbuf, size_t *plen, size_t *start, convtext *out,
                  bool *converted, summ_err *err)
{
    const unsigned char *u = (const unsigned char *)d->src;
    size_t n = d->srclen;
    *pbuf = d->src;
    *plen = n;
    *start = 0;
    *converted = false;
    const char *utf16 = NULL;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        *start = 3;
    else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        utf16 = "UTF-16LE";
    else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        utf16 = "UTF-16BE";
    summ_status st;
    if (utf16) {
        if ((st = summ__charset_convert(d->ar, utf16, d->src + 2, n - 2, 2, out, err)) != SUMM_OK)
            return st;
        *converted = true;
    } else {
        size_t bad;
        int r = summ__utf8_check(d->src + *start, n - *start, &bad);
        if (r == 0 && !iso2022jp(d->src + *start, n - *start))
            return SUMM_OK;
        if (r == 0) {
            /* ASCII bytes with escapes, as the page declares: convert */
            if ((st = summ__charset_convert(d->ar, "ISO-2022-JP", d->src + *start, n - *start,
                                            *start, out, err)) != SUMM_OK)
                return st;
            *converted = true;
            goto check_nul;
        }
        err->off = bad + *start;
        if (r == 2)
            return summ__err_set(err, SUMM_EBINARY, "binary data: NUL byte at byte %zu", err->off);
        /* not UTF-8: what does the page say it is? */
        const void *nul = memchr(d->src, 0, n);
        if (nul) {
            err->off = (size_t)((const char *)nul - d->src);
            return summ__err_set(err, SUMM_EBINARY, "binary data: NUL byte at byte %zu",
                                 err->off);
        }
        if (*start)  /* a UTF-8 byte order mark says more than any <meta> */
            return summ__err_set(err, SUMM_EUTF8,
                                 "invalid UTF-8 at byte %zu, in a page with a UTF-8 byte order"
                                 " mark", err->off);
        char label[64];
        const char *name;
        if (!summ__html_declared_charset(d->src + *start, n - *start, label, sizeof label))
            return summ__err_set(err, SUMM_EUTF8,
                                 "invalid UTF-8 at byte %zu, and the page declares no charset",
                                 err->off);
        int kind = summ__charset_kind(label, &name);
        if (kind == CHARSET_UTF8)
            return summ__err_set(err, SUMM_EUTF8,
                                 "invalid UTF-8 at byte %zu, in a page that declares %s",
                                 err->off, label);
        if (kind == CHARSET_REFUSED)
            return summ__err_set(err, SUMM_EUTF8,
                                 "invalid UTF-8 at byte %zu: the page's charset %s is not read",
                                 err->off, label);
        size_t at = err->off;
        st = summ__charset_convert(d->ar, name, d->src + *start, n - *start, *start, out, err);
        if (st == SUMM_EFORMAT) {
            err->off = at;
            return summ__err_set(err, SUMM_EUTF8,
                                 "invalid UTF-8 at byte %zu: the page's charset %s is unknown"
                                 " to iconv", at, label);
        }
        if (st != SUMM_OK)
            return st;
        err->off = (size_t)-1;
        *converted = true;
    }
check_nul:;
    /* the converted text: U+0000 is binary data too */
    const char *nul = memchr(out->text, 0, out->len);
    if (nul) {
        doc tmp = { .src = d->src, .srclen = d->srclen, .text = out->text, .len = out->len,
                    .map = out->map, .nmap = out->nmap };
        size_t sa, sb, at = (size_t)(nul - out->text);
        summ__map_span(&tmp, at, at + 1, &sa, &sb);
        err->off = sa;
        return summ__err_set(err, SUMM_EBINARY, "binary data: NUL at byte %zu", sa);
    }
    *pbuf = out->text;
    *plen = out->len;
    *start = 0;
    d->warnings |= SUMM_WARN_CHARSET_CONVERTED;
    return SUMM_OK;
}
