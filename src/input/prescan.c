/* prescan.c - what an HTML page's bytes tell before it is parsed: whether
 * it is HTML at all (sniffing, from the content only), which charset it
 * declares (HTML5's "prescan a byte stream to determine its encoding",
 * simplified), and a copy of it the parser can read in time linear in its
 * length (summ__html_bound). Byte-level scans, no parser: this file is
 * built with or without gumbo, so that a build without it still tells
 * HTML apart and says why it cannot read it. */
#include <string.h>
#include <strings.h>

#include "input/input.h"

static bool
is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static bool
is_alpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static unsigned char
lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* Does s[i ..] start with the lower-case ASCII word w, in any case? */
static bool
starts_ci(const char *s, size_t n, size_t i, const char *w)
{
    size_t k = strlen(w);
    return i <= n && n - i >= k && strncasecmp(s + i, w, k) == 0;
}

/* Offset of the first occurrence of w (k > 0 bytes) in s[i .. n), or n.
 * (memmem is not in POSIX 2008.) */
static size_t
find(const char *s, size_t n, size_t i, const char *w, size_t k)
{
    while (i < n && n - i >= k) {
        const char *p = memchr(s + i, w[0], n - i - k + 1);
        if (!p)
            return n;
        i = (size_t)(p - s);
        if (memcmp(p, w, k) == 0)
            return i;
        i++;
    }
    return n;
}

/* ---- sniffing --------------------------------------------------------------- */

/* Tags that start pages and page fragments. A text that starts with one
 * of these and is mostly tags is HTML; other angle brackets (a quoted
 * e-mail "<jane@example.org>", "<3", a diff) are not. */
static const char *const page_tags[] = {
    "html", "head", "body", "meta", "title", "link", "script", "style", "base", "div",
    "p", "table", "section", "article", "header", "nav", "main", "span", "ul", "ol", "h1",
    "h2", "h3", "h4", "h5", "h6", "form", "a", "img", "br", "center", "font", "iframe",
    "noscript", "aside", "footer", "figure", "pre", "blockquote", "dl", "hr", "b", "i",
};

/* The length of the known tag name at s[i] ('<' or "</" already passed),
 * or 0. */
static size_t
page_tag(const char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && k - i < 12 && (is_alpha((unsigned char)s[k]) || (s[k] >= '1' && s[k] <= '6')))
        k++;
    if (k == i || (k < n && !is_ws((unsigned char)s[k]) && s[k] != '>' && s[k] != '/'))
        return 0;
    for (size_t t = 0; t < sizeof page_tags / sizeof *page_tags; t++)
        if (strlen(page_tags[t]) == k - i && strncasecmp(s + i, page_tags[t], k - i) == 0)
            return k - i;
    return 0;
}

/* Past white space and comments from i. */
static size_t
skip_ws_comments(const char *s, size_t n, size_t i)
{
    for (;;) {
        while (i < n && is_ws((unsigned char)s[i]))
            i++;
        if (!starts_ci(s, n, i, "<!--"))
            return i;
        size_t e = find(s, n, i + 4, "-->", 3);
        if (e == n)
            return n;
        i = e + 3;
    }
}

/* Of the first SNIFF_SPAN bytes from i (at a '<'), is at least a third
 * inside tags, with at least four tags of page_tags? */
#define SNIFF_SPAN 4096
static bool
mostly_tags(const char *s, size_t n, size_t i)
{
    size_t start = i, end = n - i > SNIFF_SPAN ? i + SNIFF_SPAN : n, inside = 0, known = 0;
    while (i < end) {
        if (s[i] != '<') {
            i++;
            continue;
        }
        size_t k = i + 1 + (i + 1 < end && s[i + 1] == '/');
        bool tag = k < end && (is_alpha((unsigned char)s[k]) || s[k] == '!');
        size_t e = tag ? find(s, end, k, ">", 1) : end;
        if (!tag || e == end) {
            i++;
            continue;
        }
        known += page_tag(s, end, k) > 0;
        inside += e + 1 - i;
        i = e + 1;
    }
    return known >= 4 && inside * 3 >= end - start;
}

/* Sniff the (ASCII-compatible) bytes s[0 .. n), a BOM already skipped. */
static bool
sniff_ascii(const char *s, size_t n)
{
    size_t i = skip_ws_comments(s, n, 0);
    if (starts_ci(s, n, i, "<?xml")) {
        /* XHTML: a doctype or <html> soon after the XML declaration */
        size_t lim = n - i > 1024 ? i + 1024 : n;
        size_t e = find(s, lim, i, ">", 1);
        if (e == lim)
            return false;
        i = skip_ws_comments(s, n, e + 1);
    }
    if (starts_ci(s, n, i, "<!doctype")) {
        size_t k = i + 9;
        while (k < n && is_ws((unsigned char)s[k]))
            k++;
        return starts_ci(s, n, k, "html") && (k + 4 == n || is_ws((unsigned char)s[k + 4])
                                              || s[k + 4] == '>');
    }
    if (i >= n || s[i] != '<')
        return false;
    if (starts_ci(s, n, i, "<html") && page_tag(s, n, i + 1) == 4)
        return true;
    return page_tag(s, n, i + 1) > 0 && mostly_tags(s, n, i);
}

bool
summ__html_sniff(const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return sniff_ascii(text + 3, len - 3);
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        /* UTF-16: sniff the ASCII of its first code units */
        char view[SNIFF_SPAN];
        size_t nv = 0, lo = u[0] == 0xFF ? 0 : 1;
        for (size_t i = 2; i + 1 < len && nv < sizeof view; i += 2) {
            unsigned a = u[i + lo], b = u[i + 1 - lo];
            view[nv++] = b == 0 && a < 0x80 ? (char)a : '?';
        }
        return sniff_ascii(view, nv);
    }
    return sniff_ascii(text, len);
}

/* ---- the declared charset ------------------------------------------------- */

/* One attribute of a tag at *i (HTML5's "get an attribute", simplified):
 * its name lower-cased into name (cap bytes, truncated), its value as
 * [*va, *vb). Returns false at the tag's end (*i past the '>') or the
 * scan's. */
static bool
get_attr(const char *s, size_t n, size_t *i, char *name, size_t cap, size_t *va, size_t *vb)
{
    size_t k = *i;
    while (k < n && (is_ws((unsigned char)s[k]) || s[k] == '/'))
        k++;
    if (k >= n || s[k] == '>') {
        *i = k + 1;
        return false;
    }
    size_t nl = 0;
    while (k < n && !is_ws((unsigned char)s[k]) && s[k] != '=' && s[k] != '>'
           && (s[k] != '/' || nl == 0)) {
        if (nl + 1 < cap)
            name[nl++] = (char)lower((unsigned char)s[k]);
        k++;
    }
    name[nl] = '\0';
    while (k < n && is_ws((unsigned char)s[k]))
        k++;
    *va = *vb = k;
    if (k < n && s[k] == '=') {
        k++;
        while (k < n && is_ws((unsigned char)s[k]))
            k++;
        if (k < n && (s[k] == '"' || s[k] == '\'')) {
            char q = s[k++];
            *va = k;
            while (k < n && s[k] != q)
                k++;
            *vb = k;
            if (k < n)
                k++;
        } else {
            *va = k;
            while (k < n && !is_ws((unsigned char)s[k]) && s[k] != '>')
                k++;
            *vb = k;
        }
    }
    *i = k;
    return true;
}

/* Copy s[a .. b), trimmed and lower-cased, to label (cap > 0 bytes).
 * Returns its length (0 if it does not fit: no charset name is long). */
static size_t
put_label(const char *s, size_t a, size_t b, char *label, size_t cap)
{
    while (a < b && is_ws((unsigned char)s[a]))
        a++;
    while (b > a && is_ws((unsigned char)s[b - 1]))
        b--;
    if (b - a >= cap) {
        label[0] = '\0';
        return 0;
    }
    for (size_t k = a; k < b; k++)
        label[k - a] = (char)lower((unsigned char)s[k]);
    label[b - a] = '\0';
    return b - a;
}

/* The charset of a Content-Type value s[a .. b) ("text/html;
 * charset=ISO-8859-1"), or 0. */
static size_t
content_charset(const char *s, size_t a, size_t b, char *label, size_t cap)
{
    for (size_t k = a; k + 7 <= b; k++) {
        if (strncasecmp(s + k, "charset", 7) != 0)
            continue;
        size_t v = k + 7;
        while (v < b && is_ws((unsigned char)s[v]))
            v++;
        if (v >= b || s[v] != '=')
            continue;
        v++;
        while (v < b && is_ws((unsigned char)s[v]))
            v++;
        size_t e;
        if (v < b && (s[v] == '"' || s[v] == '\'')) {
            char q = s[v++];
            e = v;
            while (e < b && s[e] != q)
                e++;
        } else {
            e = v;
            while (e < b && !is_ws((unsigned char)s[e]) && s[e] != ';')
                e++;
        }
        return put_label(s, v, e, label, cap);
    }
    return 0;
}

/* The encoding="..." of an XML declaration at the start, or 0. */
static size_t
xml_encoding(const char *s, size_t n, char *label, size_t cap)
{
    if (!starts_ci(s, n, 0, "<?xml"))
        return 0;
    size_t e = find(s, n, 0, "?>", 2);
    size_t k = find(s, e, 0, "encoding", 8);
    if (k >= e)
        return 0;
    k += 8;
    while (k < e && is_ws((unsigned char)s[k]))
        k++;
    if (k >= e || s[k] != '=')
        return 0;
    k++;
    while (k < e && is_ws((unsigned char)s[k]))
        k++;
    if (k >= e || (s[k] != '"' && s[k] != '\''))
        return 0;
    char q = s[k++];
    size_t v = k;
    while (k < e && s[k] != q)
        k++;
    return put_label(s, v, k, label, cap);
}

#define PRESCAN_BYTES 1024  /* as HTML5's prescan */

size_t
summ__html_declared_charset(const char *s, size_t n, char *label, size_t cap)
{
    size_t lim = n < PRESCAN_BYTES ? n : PRESCAN_BYTES, i = 0;
    char name[16];
    size_t va, vb;
    while (i < lim) {
        if (s[i] != '<') {
            i++;
            continue;
        }
        if (starts_ci(s, lim, i, "<!--")) {
            size_t e = find(s, lim, i + 4, "-->", 3);
            i = e == lim ? lim : e + 3;
        } else if (starts_ci(s, lim, i, "<meta")
                   && (i + 5 == lim || is_ws((unsigned char)s[i + 5]) || s[i + 5] == '/')) {
            i += 5;
            bool pragma = false;
            size_t got = 0, from_content = 0;
            char content[64];
            while (get_attr(s, lim, &i, name, sizeof name, &va, &vb)) {
                if (strcmp(name, "charset") == 0 && !got)
                    got = put_label(s, va, vb, label, cap);
                else if (strcmp(name, "http-equiv") == 0)
                    pragma = vb - va == 12 && strncasecmp(s + va, "content-type", 12) == 0;
                else if (strcmp(name, "content") == 0 && !from_content)
                    from_content = content_charset(s, va, vb, content, sizeof content);
            }
            if (got)
                return got;
            if (pragma && from_content && from_content < cap) {
                memcpy(label, content, from_content + 1);
                return from_content;
            }
        } else if (i + 1 < lim && (is_alpha((unsigned char)s[i + 1])
                                   || (s[i + 1] == '/' && i + 2 < lim
                                       && is_alpha((unsigned char)s[i + 2])))) {
            /* another tag: past its attributes, whose values may hold '>' */
            i += 2;
            while (i < lim && !is_ws((unsigned char)s[i]) && s[i] != '>')
                i++;
            while (get_attr(s, lim, &i, name, sizeof name, &va, &vb))
                ;
        } else if (i + 1 < lim && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
            size_t e = find(s, lim, i, ">", 1);
            i = e == lim ? lim : e + 1;
        } else {
            i++;
        }
    }
    return xml_encoding(s, lim, label, cap);
}

/* ---- bounding the parser's work ------------------------------------------- */

/*
 * An HTML5 tree builder scans its stack of open elements for most start
 * and end tags (is there a <p> in button scope, a <div> in scope?), so a
 * page of a million nested <div>s costs it a million squared steps; and
 * each attribute of a tag is compared with the ones before it. The bound
 * keeps both small: a copy of the page (same length, so every offset
 * stays right) in which the tags past BOUND_DEPTH open elements, the
 * formatting tags past BOUND_FORMAT open ones (the parser clones those
 * into every later block), and the attributes of a tag past BOUND_ATTRS
 * are turned into spaces. The scan follows the tokenizer (comments, raw
 * text, attribute quoting) and the tree builder's end-tag rules (an end
 * tag closes the elements above its own, up to a "special" element or a
 * scope boundary) closely enough that its count of open elements is never
 * below a constant share of the parser's; where the two disagree it
 * counts more, which can only blank more. Real pages stay far below these
 * depths: nothing of theirs is touched.
 */
#define BOUND_DEPTH 160
#define BOUND_FORMAT 8
#define BOUND_ATTRS 256
#define BUCKETS 64

enum {
    K_COUNTED,  /* an element the stack holds until its end tag */
    K_VOID,     /* no content: <br>, <img>, ... */
    K_OPTEND,   /* closed by what follows (<p>, <li>, <td>, ...): never deep */
    K_SELFLIM,  /* <a>, <nobr>: a new one closes the old */
    K_FORMAT,   /* <b>, <i>, <font>, ...: reopened in every later block */
    K_RAW,      /* raw text up to its end tag: <script>, <style>, <title>, ... */
    K_PLAIN     /* <plaintext>: the rest of the page is text */
};
#define F_SPECIAL 1u   /* HTML5's "special" category */
#define F_SCOPE 2u     /* a boundary of the default scope */
#define F_FOREIGN 4u   /* <svg>, <math>: raw text is not raw inside */

static const struct tagkind {
    const char *name;
    unsigned char kind, flags;
} tagkinds[] = {  /* sorted by name */
    { "a", K_SELFLIM, 0 }, { "address", K_COUNTED, F_SPECIAL },
    { "annotation-xml", K_COUNTED, F_SPECIAL | F_SCOPE }, { "applet", K_COUNTED, F_SPECIAL | F_SCOPE },
    { "area", K_VOID, 0 }, { "article", K_COUNTED, F_SPECIAL }, { "aside", K_COUNTED, F_SPECIAL },
    { "b", K_FORMAT, 0 }, { "base", K_VOID, 0 }, { "basefont", K_VOID, 0 },
    { "bgsound", K_VOID, 0 }, { "big", K_FORMAT, 0 }, { "blockquote", K_COUNTED, F_SPECIAL },
    { "body", K_OPTEND, 0 }, { "br", K_VOID, 0 }, { "button", K_COUNTED, F_SPECIAL },
    { "caption", K_OPTEND, 0 }, { "center", K_COUNTED, F_SPECIAL }, { "code", K_FORMAT, 0 },
    { "col", K_VOID, 0 }, { "colgroup", K_OPTEND, 0 }, { "dd", K_OPTEND, 0 },
    { "desc", K_COUNTED, F_SPECIAL | F_SCOPE }, { "details", K_COUNTED, F_SPECIAL },
    { "dir", K_COUNTED, F_SPECIAL }, { "div", K_COUNTED, F_SPECIAL }, { "dl", K_COUNTED, F_SPECIAL },
    { "dt", K_OPTEND, 0 }, { "em", K_FORMAT, 0 }, { "embed", K_VOID, 0 },
    { "fieldset", K_COUNTED, F_SPECIAL }, { "figcaption", K_COUNTED, F_SPECIAL },
    { "figure", K_COUNTED, F_SPECIAL }, { "font", K_FORMAT, 0 }, { "footer", K_COUNTED, F_SPECIAL },
    { "foreignobject", K_COUNTED, F_SPECIAL | F_SCOPE }, { "form", K_COUNTED, F_SPECIAL },
    { "frame", K_VOID, 0 }, { "frameset", K_COUNTED, F_SPECIAL }, { "h1", K_COUNTED, F_SPECIAL },
    { "h2", K_COUNTED, F_SPECIAL }, { "h3", K_COUNTED, F_SPECIAL }, { "h4", K_COUNTED, F_SPECIAL },
    { "h5", K_COUNTED, F_SPECIAL }, { "h6", K_COUNTED, F_SPECIAL }, { "head", K_OPTEND, 0 },
    { "header", K_COUNTED, F_SPECIAL }, { "hgroup", K_COUNTED, F_SPECIAL }, { "hr", K_VOID, 0 },
    { "html", K_OPTEND, 0 }, { "i", K_FORMAT, 0 }, { "iframe", K_RAW, 0 }, { "image", K_VOID, 0 },
    { "img", K_VOID, 0 }, { "input", K_VOID, 0 }, { "keygen", K_VOID, 0 }, { "li", K_OPTEND, 0 },
    { "link", K_VOID, 0 }, { "listing", K_COUNTED, F_SPECIAL }, { "main", K_COUNTED, F_SPECIAL },
    { "marquee", K_COUNTED, F_SPECIAL | F_SCOPE }, { "math", K_COUNTED, F_FOREIGN },
    { "menu", K_COUNTED, F_SPECIAL }, { "menuitem", K_VOID, 0 }, { "meta", K_VOID, 0 },
    { "mi", K_COUNTED, F_SPECIAL | F_SCOPE }, { "mn", K_COUNTED, F_SPECIAL | F_SCOPE },
    { "mo", K_COUNTED, F_SPECIAL | F_SCOPE }, { "ms", K_COUNTED, F_SPECIAL | F_SCOPE },
    { "mtext", K_COUNTED, F_SPECIAL | F_SCOPE }, { "nav", K_COUNTED, F_SPECIAL },
    { "nobr", K_SELFLIM, 0 }, { "noembed", K_RAW, 0 }, { "noframes", K_RAW, 0 },
    { "noscript", K_COUNTED, F_SPECIAL }, { "object", K_COUNTED, F_SPECIAL | F_SCOPE },
    { "ol", K_COUNTED, F_SPECIAL }, { "optgroup", K_OPTEND, 0 }, { "option", K_OPTEND, 0 },
    { "p", K_OPTEND, 0 }, { "param", K_VOID, 0 }, { "plaintext", K_PLAIN, 0 },
    { "pre", K_COUNTED, F_SPECIAL }, { "rb", K_OPTEND, 0 }, { "rp", K_OPTEND, 0 },
    { "rt", K_OPTEND, 0 }, { "rtc", K_OPTEND, 0 }, { "s", K_FORMAT, 0 },
    { "script", K_RAW, 0 }, { "section", K_COUNTED, F_SPECIAL }, { "select", K_COUNTED, F_SPECIAL },
    { "small", K_FORMAT, 0 }, { "source", K_VOID, 0 }, { "strike", K_FORMAT, 0 },
    { "strong", K_FORMAT, 0 }, { "style", K_RAW, 0 }, { "summary", K_COUNTED, F_SPECIAL },
    { "svg", K_COUNTED, F_FOREIGN }, { "table", K_COUNTED, F_SPECIAL | F_SCOPE },
    { "tbody", K_OPTEND, 0 }, { "td", K_OPTEND, 0 }, { "template", K_COUNTED, F_SPECIAL | F_SCOPE },
    { "textarea", K_RAW, 0 }, { "tfoot", K_OPTEND, 0 }, { "th", K_OPTEND, 0 },
    { "thead", K_OPTEND, 0 }, { "title", K_RAW, 0 }, { "tr", K_OPTEND, 0 }, { "track", K_VOID, 0 },
    { "tt", K_FORMAT, 0 }, { "u", K_FORMAT, 0 }, { "ul", K_COUNTED, F_SPECIAL },
    { "wbr", K_VOID, 0 }, { "xmp", K_RAW, 0 },
};

typedef struct btag {
    uint32_t hash;       /* of the lower-cased name */
    unsigned char kind, flags;
    char name[16];       /* lower case, for the raw-text end; "" if longer */
    size_t len;
} btag;

/* The tag name at s[i ..): up to white space, '/' or '>'. */
static size_t
read_tag(const char *s, size_t n, size_t i, btag *t)
{
    size_t k = i;
    uint32_t h = 2166136261u;
    while (k < n && !is_ws((unsigned char)s[k]) && s[k] != '/' && s[k] != '>') {
        unsigned char c = lower((unsigned char)s[k]);
        if (k - i < sizeof t->name - 1)
            t->name[k - i] = (char)c;
        h = (h ^ c) * 16777619u;
        k++;
    }
    t->len = k - i;
    t->name[t->len < sizeof t->name ? t->len : 0] = '\0';
    t->hash = h;
    t->kind = K_COUNTED;
    t->flags = 0;
    if (t->len < sizeof t->name) {
        size_t lo = 0, hi = sizeof tagkinds / sizeof *tagkinds;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            int c = strcmp(t->name, tagkinds[mid].name);
            if (c == 0) {
                t->kind = tagkinds[mid].kind;
                t->flags = tagkinds[mid].flags;
                break;
            }
            if (c < 0)
                hi = mid;
            else
                lo = mid + 1;
        }
    }
    return k;
}

/* Past a tag's attributes from i, as the tokenizer reads them: to the
 * byte after its '>', or SIZE_MAX if the page ends first. Counts the attributes
 * (*nattr) and notes where the one past BOUND_ATTRS starts (*over, else
 * n) and where the last one ends (*last_end); *self: it ends in "/>". */
static size_t
tag_end(const char *s, size_t n, size_t i, size_t *nattr, size_t *over, size_t *last_end,
        bool *self)
{
    enum { BEFORE, NAME, AFTER_NAME, BEFORE_VALUE, DQ, SQ, UNQ, AFTER_VALUE, SELF } st = BEFORE;
    *nattr = 0;
    *over = n;
    *last_end = i;
    *self = false;
    for (size_t k = i; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        switch (st) {
        case SELF:
            if (c == '>') {
                *self = true;
                return k + 1;
            }
            st = BEFORE;
            k--;  /* read it again, as the start of an attribute */
            break;
        case BEFORE:
        case AFTER_VALUE:
        case AFTER_NAME:
            if (is_ws(c))
                st = st == AFTER_NAME ? AFTER_NAME : BEFORE;
            else if (c == '/')
                st = SELF;
            else if (c == '>')
                return k + 1;
            else if (c == '=' && st == AFTER_NAME)
                st = BEFORE_VALUE;
            else {
                if (++*nattr == BOUND_ATTRS + 1)
                    *over = k;
                st = NAME;
                *last_end = k + 1;
            }
            break;
        case NAME:
            if (is_ws(c))
                st = AFTER_NAME;
            else if (c == '/')
                st = SELF;
            else if (c == '=')
                st = BEFORE_VALUE;
            else if (c == '>')
                return k + 1;
            *last_end = k + (st == NAME);
            break;
        case BEFORE_VALUE:
            if (is_ws(c))
                break;
            if (c == '"')
                st = DQ;
            else if (c == '\'')
                st = SQ;
            else if (c == '>')
                return k + 1;
            else
                st = UNQ;
            *last_end = k + 1;
            break;
        case DQ:
        case SQ: {
            /* a quoted value: jump to its closing quote */
            const char *q = memchr(s + k, st == DQ ? '"' : '\'', n - k);
            if (!q)
                return SIZE_MAX;
            k = (size_t)(q - s);
            *last_end = k + 1;
            st = AFTER_VALUE;
            break;
        }
        case UNQ:
            if (is_ws(c))
                st = BEFORE;
            else if (c == '>')
                return k + 1;
            else
                *last_end = k + 1;
            break;
        }
    }
    return SIZE_MAX;
}

/* Where raw text that started at i ends: at "</name" followed by white
 * space, '/' or '>', or n. */
static size_t
raw_end(const char *s, size_t n, size_t i, const btag *t)
{
    while (i < n) {
        const char *p = memchr(s + i, '<', n - i);
        if (!p)
            return n;
        size_t k = (size_t)(p - s);
        if (k + 2 + t->len <= n && s[k + 1] == '/'
            && strncasecmp(s + k + 2, t->name, t->len) == 0
            && (k + 2 + t->len == n || is_ws((unsigned char)s[k + 2 + t->len])
                || s[k + 2 + t->len] == '/' || s[k + 2 + t->len] == '>'))
            return k;
        i = k + 1;
    }
    return n;
}

/* Where a comment that starts at i ("<!--") ends, past its "-->"; n if it
 * never does. "<!-->" and "<!--->" are whole comments, "--!>" ends one. */
static size_t
comment_end(const char *s, size_t n, size_t i)
{
    size_t k = i + 4;
    if (k < n && s[k] == '>')
        return k + 1;
    if (k + 1 < n && s[k] == '-' && s[k + 1] == '>')
        return k + 2;
    while ((k = find(s, n, k, "--", 2)) < n) {
        if (k + 2 < n && s[k + 2] == '>')
            return k + 3;
        if (k + 3 < n && s[k + 2] == '!' && s[k + 3] == '>')
            return k + 4;
        k++;
    }
    return n;
}

typedef struct bound {
    const char *s;
    size_t n;
    arena *ar;
    char *out;                     /* the copy, made at the first change */
    bool failed;
    uint32_t stack[BOUND_DEPTH];   /* open counted elements: name hashes */
    unsigned char sflags[BOUND_DEPTH];
    size_t depth, foreign;
    uint32_t fstack[BOUND_FORMAT]; /* open formatting elements */
    size_t fdepth;
    uint32_t excess[BUCKETS];      /* blanked start tags not yet closed, by name */
    uint32_t fexcess[BUCKETS];
    size_t blanked;
} bound;

static void
blank(bound *b, size_t from, size_t to)
{
    if (from >= to || b->failed)
        return;
    if (!b->out) {
        if (!(b->out = summ__arena_alloc(b->ar, b->n ? b->n : 1))) {
            b->failed = true;
            return;
        }
        memcpy(b->out, b->s, b->n);
    }
    memset(b->out + from, ' ', to - from);
    b->blanked++;
}

static void
start_tag(bound *b, const btag *t, size_t at, size_t end, bool self)
{
    uint32_t bucket = t->hash % BUCKETS;
    if (t->kind == K_FORMAT) {
        if (b->fdepth == BOUND_FORMAT) {
            blank(b, at, end);
            b->fexcess[bucket]++;
        } else {
            b->fstack[b->fdepth++] = t->hash;
        }
        return;
    }
    if (t->kind != K_COUNTED || (self && (b->foreign || (t->flags & F_FOREIGN))))
        return;
    if (b->depth == BOUND_DEPTH) {
        blank(b, at, end);
        b->excess[bucket]++;
        return;
    }
    b->sflags[b->depth] = t->flags;
    b->stack[b->depth++] = t->hash;
    b->foreign += (t->flags & F_FOREIGN) != 0;
}

static void
end_tag(bound *b, const btag *t, size_t at, size_t end)
{
    uint32_t bucket = t->hash % BUCKETS;
    if (t->kind == K_FORMAT) {
        if (b->fexcess[bucket]) {
            blank(b, at, end);
            b->fexcess[bucket]--;
            return;
        }
        for (size_t j = b->fdepth; j-- > 0;) {
            if (b->fstack[j] == t->hash) {
                memmove(b->fstack + j, b->fstack + j + 1, (b->fdepth - j - 1) * sizeof *b->fstack);
                b->fdepth--;
                break;
            }
        }
        return;
    }
    if (t->kind != K_COUNTED)
        return;
    if (b->excess[bucket]) {
        blank(b, at, end);
        b->excess[bucket]--;
        return;
    }
    /* </div> closes up to the nearest <div> in scope; </span> up to the
     * nearest <span>, unless a special element comes first */
    for (size_t j = b->depth; j-- > 0;) {
        if (b->stack[j] == t->hash) {
            for (size_t k = j; k < b->depth; k++)
                b->foreign -= (b->sflags[k] & F_FOREIGN) != 0;
            b->depth = j;
            return;
        }
        if ((t->flags & F_SPECIAL) ? (b->sflags[j] & F_SCOPE) : (b->sflags[j] & F_SPECIAL))
            return;
    }
}

char *
summ__html_bound(arena *ar, const char *s, size_t n, size_t *blanked, bool *oom)
{
    bound *b = summ__arena_calloc(ar, 1, sizeof *b);
    *blanked = 0;
    *oom = b == NULL;
    if (!b)
        return NULL;
    b->s = s;
    b->n = n;
    b->ar = ar;
    size_t i = 0;
    while (i < n && !b->failed) {
        const char *p = memchr(s + i, '<', n - i);
        if (!p)
            break;
        i = (size_t)(p - s);
        if (starts_ci(s, n, i, "<!--")) {
            i = comment_end(s, n, i);
        } else if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?'
                                 || (s[i + 1] == '/' && i + 2 < n && !is_alpha((unsigned char)s[i + 2])))) {
            /* a doctype, CDATA or bogus comment: to the next '>' */
            size_t e = find(s, n, i + 1, starts_ci(s, n, i, "<![cdata[") ? "]]>" : ">",
                            starts_ci(s, n, i, "<![cdata[") ? 3 : 1);
            i = e == n ? n : e + 1;
        } else if (i + 2 < n && s[i + 1] == '/') {
            btag t;
            size_t k = read_tag(s, n, i + 2, &t), nattr, over, last;
            bool self;
            size_t e = tag_end(s, n, k, &nattr, &over, &last, &self);
            if (e == SIZE_MAX)
                break;  /* the page ends inside the tag: the parser drops it */
            end_tag(b, &t, i, e);
            i = e;
        } else if (i + 1 < n && is_alpha((unsigned char)s[i + 1])) {
            btag t;
            size_t k = read_tag(s, n, i + 1, &t), nattr, over, last;
            bool self;
            size_t e = tag_end(s, n, k, &nattr, &over, &last, &self);
            if (over < n && last > over)
                blank(b, over, last);
            if (e == SIZE_MAX)
                break;
            start_tag(b, &t, i, e, self);
            i = e;
            if (t.kind == K_PLAIN && !b->foreign)
                break;
            if (t.kind == K_RAW && !b->foreign && t.name[0])
                i = raw_end(s, n, i, &t);
        } else {
            i++;
        }
    }
    *oom = b->failed;
    *blanked = b->blanked;
    return b->failed ? NULL : b->out;
}
