/* html.c - the HTML format: a web page's bytes to clean text, with the
 * map back to them.
 *
 * 1. The charset (prescan.c, charset.c): a BOM, else the page's
 *    declaration; UTF-8 is read as it is, another charset converted.
 * 2. The bound (prescan.c): a copy the parser reads in linear time, if
 *    the page nests deeper than any real page.
 * 3. gumbo parses it as a browser would; its allocations go through the
 *    caller's allocator and are all tracked, so that an allocation that
 *    fails (gumbo does not check) unwinds the parse and frees it all.
 * 4. Our tree (htree.c), the hints of the page's language, and the main
 *    text (extract.c), unless every visible block is wanted.
 * 5. The text: <title> (or the headline that repeats it) as the title
 *    block, then each block of the article; white space collapsed outside
 *    <pre>, entities decoded, every piece mapped to the bytes it came
 *    from (an entity's decoded text to the whole entity).
 *
 * An e-mail's HTML part (summ__read_html_part, for emailhtml.c) is read
 * the same way but as mail programs write it: no title (the Subject is
 * the message's), a <blockquote> or a quote container quoted text, a
 * signature container boilerplate, a <div> a line rather than a block.
 */
#include <setjmp.h>
#include <string.h>

#include "input/html.h"
#include "text/chars.h"
#include "text/utf8.h"

/* ---- gumbo's memory --------------------------------------------------------- */

typedef struct gblock {
    struct gblock *prev, *next;
} gblock;
#define GHDR ((sizeof(gblock) + 15) & ~(size_t)15)

typedef struct galloc {
    const salloc *al;
    gblock head;       /* every block gumbo holds, in a ring */
    jmp_buf jb;        /* where a failed allocation returns to */
} galloc;

static void *
g_alloc(void *ud, size_t n)
{
    galloc *g = ud;
    gblock *b = n <= SIZE_MAX - GHDR ? summ__malloc(g->al, GHDR + n) : NULL;
    if (!b)
        longjmp(g->jb, 1);  /* gumbo would write through NULL: unwind the parse */
    b->next = g->head.next;
    b->prev = &g->head;
    g->head.next->prev = b;
    g->head.next = b;
    return (char *)b + GHDR;
}

static void
g_free(void *ud, void *p)
{
    galloc *g = ud;
    if (!p)
        return;
    gblock *b = (gblock *)(void *)((char *)p - GHDR);
    b->prev->next = b->next;
    b->next->prev = b->prev;
    summ__free(g->al, b);
}

/* Free whatever gumbo still holds (all of its output, or what a parse cut
 * short had made). */
static void
g_release(galloc *g)
{
    gblock *b = g->head.next;
    while (b != &g->head) {
        gblock *next = b->next;
        summ__free(g->al, b);
        b = next;
    }
    g->head.next = g->head.prev = &g->head;
}

/* Parse, or NULL when an allocation failed. Nothing but the parse runs
 * between setjmp() and a longjmp(), and no local of this frame changes. */
static GumboOutput *
parse(galloc *g, const char *buf, size_t n)
{
    GumboOptions o = kGumboDefaultOptions;
    o.allocator = g_alloc;
    o.deallocator = g_free;
    o.userdata = g;
    o.max_errors = 0;  /* the parse errors are not used: do not keep them */
    if (setjmp(g->jb))
        return NULL;
    return gumbo_parse_with_options(&o, buf, n);
}

/* ---- the text --------------------------------------------------------------- */

typedef struct emit {
    tbuild *b;
    const char *pbuf;     /* the parsed bytes: offsets are into them */
    bool need_block;      /* a block boundary passed: the next text starts one */
    bool need_line;       /* a line's edge passed (an e-mail's <div>): the next text
                             starts a line */
    size_t line_off;      /* the input bytes the line break stands for */
    bool line_text;       /* the line opened last has text (or a <br>) */
    bool in_block;        /* a block is open and has text */
    bool flat;            /* one block whatever the markup (the title) */
    block_kind flat_kind;
    bool space;           /* white space pending */
    size_t sp_off, sp_len;
    int pre;              /* inside <pre>: white space as it is */
    bool mail;            /* an e-mail's part: quoted replies and signatures are kept apart */
    block_kind *kinds;    /* the kind of each open block element */
    size_t nkinds, capkinds;
    arena *ar;
    bool failed;
} emit;

static bool
ascii_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The line break a passed line edge asks for, unless the text is at a
 * line's start already. */
static void
put_line(emit *e)
{
    if (!e->need_line)
        return;
    e->need_line = false;
    e->space = false;
    if (e->b->len && e->b->text[e->b->len - 1] != '\n')
        summ__tb_put(e->b, "\n", 1, e->line_off, 0);
}

static void
start_text(emit *e)
{
    e->line_text = true;
    if (e->in_block && !e->need_block) {
        put_line(e);
        return;
    }
    e->need_line = false;
    block_kind k = e->flat ? e->flat_kind : e->nkinds ? e->kinds[e->nkinds - 1] : BLOCK_PROSE;
    summ__tb_block(e->b, k);
    e->in_block = true;
    e->need_block = false;
    e->space = false;
}

static void
put_space(emit *e)
{
    if (!e->space)
        return;
    e->space = false;
    if (e->sp_len == 1 && e->pbuf[e->sp_off] == ' ')
        summ__tb_copy(e->b, e->sp_off, 1);
    else
        summ__tb_put(e->b, " ", 1, e->sp_off, e->sp_len);
}

static void
white(emit *e, size_t off, size_t len)
{
    if (!e->in_block || e->need_block || e->need_line)
        return;  /* white space at a block's or line's start shows nothing */
    if (!e->space) {
        e->space = true;
        e->sp_off = off;
        e->sp_len = len;
    } else if (off >= e->sp_off) {
        e->sp_len = off + len - e->sp_off;
    }
}

/* Verbatim bytes pbuf[off .. off + n), which are also the decoded text. */
static void
out_verbatim(emit *e, size_t off, size_t n)
{
    const char *s = e->pbuf;
    size_t i = off, end = off + n;
    while (i < end) {
        size_t j = i;
        if (e->pre) {
            start_text(e);
            summ__tb_copy(e->b, i, end - i);
            return;
        }
        while (j < end && !ascii_ws((unsigned char)s[j]))
            j++;
        if (j > i) {
            start_text(e);
            put_space(e);
            summ__tb_copy(e->b, i, j - i);
        }
        i = j;
        while (j < end && ascii_ws((unsigned char)s[j]))
            j++;
        if (j > i)
            white(e, i, j - i);
        i = j;
    }
}

/* s[0 .. n) with each byte that is not part of well-formed UTF-8 as
 * U+FFFD: gumbo 0.10.1 can decode a numeric reference too large for its
 * int ("&#x1100ccccccccc") into a stray byte. In ar; NULL on OOM. */
static const char *
well_formed(arena *ar, const char *s, size_t n, size_t *out)
{
    char *p = summ__arena_alloc(ar, 3 * n + 1);
    if (!p)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t l = utf8_seq_len((const unsigned char *)s + i, n - i);
        if (l == 0 || s[i] == '\0') {
            memcpy(p + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(p + o, s + i, l);
            o += l;
            i += l;
        }
    }
    *out = o;
    return p;
}

/* Decoded text s[0 .. n) standing for pbuf[off .. off + len). */
static void
out_decoded(emit *e, const char *s, size_t n, size_t off, size_t len)
{
    size_t bad;
    if (summ__utf8_check(s, n, &bad) != 0) {
        if (!(s = well_formed(e->ar, s, n, &n))) {
            e->failed = true;
            return;
        }
    }
    bool ws = true;
    for (size_t i = 0; i < n && ws; i++) {
        ws = ascii_ws((unsigned char)s[i]);
        if (!ws && e->mail && i + 1 < n && memcmp(s + i, "\xC2\xA0", 2) == 0) {
            ws = true;  /* a mail program's &nbsp; holds a line open: white */
            i++;
        }
    }
    if (ws && !e->pre) {
        white(e, off, len);
        return;
    }
    start_text(e);
    put_space(e);
    summ__tb_put(e->b, s, n, off, len);
}

/* Do o[i ..] and t[j ..] agree up to the next spot where they may part
 * (an entity, a CR, a tag) or for 24 bytes? */
static bool
rest_agrees(const char *o, size_t ol, size_t i, const char *t, size_t tl, size_t j)
{
    for (size_t r = 0; r < 24; r++) {
        if (i + r == ol)
            return j + r == tl;
        char c = o[i + r];
        if (c == '&' || c == '\r' || c == '<')
            return true;  /* (markup the parser dropped may end the text) */
        if (j + r == tl || c != t[j + r])
            return false;
    }
    return true;
}

/* The bytes of the next k code points of t[j ..], or 0 past its end. */
static size_t
cp_bytes(const char *t, size_t tl, size_t j, int k)
{
    size_t m = 0;
    while (k-- > 0) {
        if (j + m >= tl)
            return 0;
        size_t l = utf8_seq_len((const unsigned char *)t + j + m, tl - j - m);
        m += l ? l : 1;
    }
    return m;
}

/* A character reference at o[i] ('&') became t[j .. j + *m): where does
 * it end in o (*end)? gumbo decodes it; we find which end of the
 * reference makes the rest of the two texts agree. false: none does. */
static bool
align_ref(const char *o, size_t ol, size_t i, const char *t, size_t tl, size_t j, size_t *end,
          size_t *m)
{
    if (t[j] == '&' && rest_agrees(o, ol, i + 1, t, tl, j + 1)) {
        *end = i + 1;
        *m = 1;
        return true;  /* not a reference: '&' as it is */
    }
    size_t ends[3], nends = 0;
    if (i + 1 < ol && o[i + 1] == '#') {
        size_t k = i + 2;
        bool hex = k < ol && (o[k] | 0x20) == 'x';
        k += hex;
        size_t s = k;
        while (k < ol && (hex ? (ascii_alnum((unsigned char)o[k]) && ((o[k] | 0x20) <= 'f'))
                              : (o[k] >= '0' && o[k] <= '9')))
            k++;
        if (k > s) {
            if (k < ol && o[k] == ';')
                ends[nends++] = k + 1;
            ends[nends++] = k;
        }
        for (size_t a = 0; a < nends; a++)
            for (int cps = 1; cps <= 2; cps++) {
                size_t mm = cp_bytes(t, tl, j, cps);
                if (mm && rest_agrees(o, ol, ends[a], t, tl, j + mm)) {
                    *end = ends[a];
                    *m = mm;
                    return true;
                }
            }
        return false;
    }
    size_t run = 0;
    while (i + 1 + run < ol && run < 40 && ascii_alnum((unsigned char)o[i + 1 + run]))
        run++;
    for (size_t l = run; l > 0; l--) {
        size_t e = i + 1 + l;
        size_t cand[2], nc = 0;
        if (l == run && e < ol && o[e] == ';')
            cand[nc++] = e + 1;
        cand[nc++] = e;
        for (size_t a = 0; a < nc; a++)
            for (int cps = 1; cps <= 2; cps++) {
                size_t mm = cp_bytes(t, tl, j, cps);
                if (mm && rest_agrees(o, ol, cand[a], t, tl, j + mm)) {
                    *end = cand[a];
                    *m = mm;
                    return true;
                }
            }
    }
    return false;
}

/* Decoded bytes [j, j + n) of a text node, clipped to [from, to). */
static void
piece_verbatim(emit *e, size_t off, size_t j, size_t n, size_t from, size_t to)
{
    size_t a = j > from ? j : from, b = j + n < to ? j + n : to;
    if (a < b)
        out_verbatim(e, off + (a - j), b - a);
}

static void
piece_decoded(emit *e, const char *s, size_t n, size_t off, size_t len, size_t j, size_t from,
              size_t to)
{
    if (j + n > from && j < to)
        out_decoded(e, s, n, off, len);
}

/* The decoded text [from, to) of a text node, each piece mapped to its
 * bytes in the page (gumbo gives the decoded text and the original). */
static void
emit_text(emit *e, const GumboNode *g, size_t from, size_t to)
{
    const char *t = g->v.text.text, *o = g->v.text.original_text.data;
    size_t tl = strlen(t), ol = g->v.text.original_text.length;
    size_t base = (size_t)(o - e->pbuf), i = 0, j = 0, end, m;
    if (to > tl)
        to = tl;
    while (j < tl && j < to) {
        size_t r = 0;
        while (i + r < ol && j + r < tl && o[i + r] == t[j + r] && o[i + r] != '&'
               && o[i + r] != '\r')
            r++;
        /* whole characters: gumbo gives U+FFFD for some (U+FFFF, C1
         * controls), whose first bytes may be the same */
        while (r > 0 && i + r < ol && ((unsigned char)o[i + r] & 0xC0) == 0x80)
            r--;
        if (r > 0) {
            piece_verbatim(e, base + i, j, r, from, to);
            i += r;
            j += r;
        } else if (i < ol && o[i] == '\r' && t[j] == '\n') {
            size_t k = i + 1 < ol && o[i + 1] == '\n' ? 2 : 1;
            piece_decoded(e, "\n", 1, base + i, k, j, from, to);
            i += k;
            j++;
        } else if (i < ol && o[i] == '&' && align_ref(o, ol, i, t, tl, j, &end, &m)) {
            piece_decoded(e, t + j, m, base + i, end - i, j, from, to);
            i = end;
            j += m;
        } else if (i < ol && o[i] == '\v' && tl - j >= 3 && memcmp(t + j, "\xEF\xBF\xBD", 3) == 0) {
            /* a vertical tab, a control to HTML (U+FFFD from the parser),
             * is white space to the segmenter and in plain text: a space,
             * or a sentence ended on it */
            piece_decoded(e, " ", 1, base + i, 1, j, from, to);
            i++;
            j += 3;
        } else if (i < ol && tl - j >= 3 && memcmp(t + j, "\xEF\xBF\xBD", 3) == 0
                   && o[i] != '<' && !ascii_ws((unsigned char)o[i])) {
            /* a character the parser does not pass (a control character,
             * a noncharacter): U+FFFD for it */
            size_t l = utf8_seq_len((const unsigned char *)o + i, ol - i);
            l = l ? l : 1;
            piece_decoded(e, t + j, 3, base + i, l, j, from, to);
            i += l;
            j += 3;
        } else if (i < ol && o[i] == '<') {
            /* markup the parser dropped inside the text */
            const char *gt = memchr(o + i, '>', ol - i);
            if (!gt)
                break;
            i = (size_t)(gt - o) + 1;
        } else if (i < ol && ascii_ws((unsigned char)o[i])) {
            i++;  /* white space the parser dropped (a newline after <pre>) */
        } else {
            /* the two part ways: the rest as one piece, standing for the
             * rest of the original (or all of it, if none is left) */
            size_t at = i < ol ? i : 0;
            piece_decoded(e, t + j, tl - j, base + at, ol - at, j, from, to);
            break;
        }
    }
}

static bool
push_kind(emit *e, block_kind k)
{
    if (e->nkinds == e->capkinds) {
        size_t ncap = e->capkinds ? e->capkinds * 2 : 32;
        block_kind *p = summ__arena_alloc(e->ar, ncap * sizeof *p);
        if (!p) {
            e->failed = true;
            return false;
        }
        if (e->nkinds)
            memcpy(p, e->kinds, e->nkinds * sizeof *p);
        e->kinds = p;
        e->capkinds = ncap;
    }
    e->kinds[e->nkinds++] = k;
    return true;
}

/* Is an element a block, whose edges end a unit of text? */
static bool
is_block(uint16_t tag)
{
    switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP:
        return true;
    default:
        return false;
    }
}

static block_kind
kind_of(uint16_t tag)
{
    if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6)
        return BLOCK_HEADING;
    return tag == GUMBO_TAG_LI ? BLOCK_LIST_ITEM : BLOCK_PROSE;
}

/* In an e-mail, a <blockquote> (every mail program quotes a reply in one)
 * or a quote container holds another message's text, a signature
 * container the sender's furniture; everything under them is so too,
 * whatever its own markup. */
static bool
mail_kind(const emit *e, const hnode *n, block_kind *kind)
{
    if (!e->mail)
        return false;
    block_kind up = e->nkinds ? e->kinds[e->nkinds - 1] : BLOCK_PROSE;
    if (n->etag == GUMBO_TAG_BLOCKQUOTE || (n->flags & HN_QUOTE) || up == BLOCK_QUOTED)
        *kind = BLOCK_QUOTED;
    else if ((n->flags & HN_SIGNATURE) || up == BLOCK_BOILER)
        *kind = BLOCK_BOILER;
    else
        return false;
    return true;
}

static void tag_bytes(const emit *e, const hnode *n, size_t *off, size_t *len);

/* Mail programs write a line as a <div> (Gmail, Apple Mail, Outlook on
 * the web: "<div>Best,</div><div>Priya</div>", a blank line as
 * "<div><br></div>"), so in an e-mail a <div> is a line, and a block
 * only as the paragraphs and blank lines of its text make it (as in a
 * plain part: the sign-off and the name after it are one paragraph). */
static bool
is_line(const emit *e, const hnode *n)
{
    return e->mail && !e->flat
           && (n->etag == GUMBO_TAG_DIV || (n->etag == GUMBO_TAG_P && (n->flags & HN_LINE)))
           && !(n->flags & (HN_QUOTE | HN_SIGNATURE));
}

/* Does the element open a block of its own (and push a kind)? */
static bool
opens_block(const emit *e, const hnode *n)
{
    return !e->flat && !is_line(e, n)
           && (is_block(n->etag) || (e->mail && (n->flags & (HN_QUOTE | HN_SIGNATURE))));
}

/* A line's edge: the next text starts a line. */
static void
line_edge(emit *e, const hnode *n)
{
    if (!e->in_block || e->need_block || e->need_line)
        return;
    size_t off, len;
    tag_bytes(e, n, &off, &len);
    e->need_line = true;
    e->line_off = off;
}

/* Is the preformatted element k a listing (code, a console session, an
 * ASCII diagram) rather than prose set in <pre> (a plain-text page, a
 * poem)? A listing marks its text up as code (<code>, <samp>, <kbd>,
 * <var> among its first elements), or its text has the symbols of code
 * and diagrams, which prose hardly uses, for 1 in 40 of its characters or
 * more (in the first PRE_SAMPLE bytes: bounded work per element). */
#define PRE_SAMPLE 2048

static bool
is_listing(const htree *t, uint32_t k)
{
    uint32_t j = summ__htree_next(t, k, false);
    for (int seen = 0; j && seen < 64; seen++, j = summ__htree_next(t, j, false)) {
        uint32_t a = j;
        while (a && a != k)
            a = t->n[a].parent;
        if (!a)
            break;  /* past k's subtree */
        uint16_t tag = t->n[j].tag;
        if (tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_SAMP || tag == GUMBO_TAG_KBD
            || tag == GUMBO_TAG_VAR)
            return true;
    }
    char buf[PRE_SAMPLE];
    size_t n = summ__htree_text(t, k, buf, sizeof buf);
    size_t ink = 0, sym = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (c == ' ' || (c & 0xC0) == 0x80)
            continue;  /* white space (collapsed) and continuation bytes */
        ink++;
        sym += c != 0 && strchr("{}[]<>=;|\\&*#$^~_@+`", c) != NULL;
    }
    return ink > 0 && sym * 40 >= ink;
}

/* The bytes of an element's start tag; for one the parser made up, an
 * empty span where the text is. */
static void
tag_bytes(const emit *e, const hnode *n, size_t *off, size_t *len)
{
    const GumboNode *g = n->g;
    if (g && g->v.element.original_tag.data && g->v.element.original_tag.length) {
        *off = (size_t)(g->v.element.original_tag.data - e->pbuf);
        *len = g->v.element.original_tag.length;
        return;
    }
    const tbuild *b = e->b;
    *off = b->nmap ? b->map[b->nmap - 1].src + b->map[b->nmap - 1].srclen : 0;
    *len = 0;
}

static void
enter(emit *e, const htree *t, uint32_t k)
{
    const hnode *n = &t->n[k];
    if (n->flags & HN_TEXT) {
        emit_text(e, n->g, 0, SIZE_MAX);
        return;
    }
    uint16_t tag = n->etag;
    if (tag == GUMBO_TAG_BR) {
        if (!e->in_block || e->need_block)
            return;
        put_line(e);
        e->line_text = true;
        e->space = false;
        size_t off, len;
        tag_bytes(e, n, &off, &len);
        summ__tb_put(e->b, "\n", 1, off, len);
        return;
    }
    if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_XMP)
        e->pre++;
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
        /* cells of a row are apart */
        if (e->in_block && !e->need_block && !e->space) {
            size_t off, len;
            tag_bytes(e, n, &off, &len);
            white(e, off, len);
        }
        return;
    }
    if (opens_block(e, n)) {
        block_kind kind;
        bool pre = tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_XMP;
        if (!mail_kind(e, n, &kind))
            kind = pre && is_listing(t, k) ? BLOCK_CODE : kind_of(tag);
        push_kind(e, kind);
        e->need_block = true;
    } else if (is_line(e, n)) {
        line_edge(e, n);
        e->line_text = false;
    }
}

static void
leave(emit *e, const htree *t, uint32_t k)
{
    const hnode *n = &t->n[k];
    if (n->flags & HN_TEXT)
        return;
    uint16_t tag = n->etag;
    if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_XMP)
        e->pre--;
    if (opens_block(e, n)) {
        if (e->nkinds)
            e->nkinds--;
        e->need_block = true;
    } else if (is_line(e, n)) {
        if (!e->line_text && e->in_block && !e->need_block) {
            /* an empty line ("<p>&nbsp;</p>") is a blank line */
            put_line(e);
            size_t off, len;
            tag_bytes(e, n, &off, &len);
            if (e->b->len < 2 || e->b->text[e->b->len - 2] != '\n')
                summ__tb_put(e->b, "\n", 1, off, 0);
            e->line_text = true;
        }
        line_edge(e, n);
    }
}

/* Every node under root (root included), in order. */
static void
emit_tree(emit *e, const htree *t, uint32_t root)
{
    const hnode *n = t->n;
    uint32_t k = root;
    enter(e, t, k);
    while (k && !e->failed) {
        if (n[k].first) {
            k = n[k].first;
            enter(e, t, k);
            continue;
        }
        for (;;) {
            leave(e, t, k);
            if (k == root)
                return;
            if (n[k].next) {
                k = n[k].next;
                enter(e, t, k);
                break;
            }
            k = n[k].parent;
        }
    }
}

/* The title block: the headline the article repeated, else the part of
 * <title> that names the page. */
static void
emit_title(emit *e, const htree *t, uint32_t headline)
{
    e->flat = true;
    e->flat_kind = BLOCK_TITLE;
    e->need_block = true;
    if (headline) {
        emit_tree(e, t, headline);
    } else if (t->title) {
        const char *s = t->title->v.text.text;
        size_t from, to;
        summ__extract_title_cut(t, s, strlen(s), &from, &to);
        emit_text(e, t->title, from, to);
    }
    e->flat = false;
    e->need_block = true;
    e->space = false;
}

/* ---- the format ------------------------------------------------------------- */

/* Up to SAMPLE bytes of the page's text, for telling its language. */
#define SAMPLE 16384
static size_t
text_sample(const htree *t, char *buf, size_t cap)
{
    size_t o = 0;
    for (size_t k = 1; k < t->count && o + 1 < cap; k++) {
        const hnode *n = &t->n[k];
        if (!(n->flags & HN_TEXT) || (n->flags & HN_WS))
            continue;
        const char *s = n->g->v.text.text;
        size_t l = strlen(s);
        if (o + l + 1 >= cap) {
            /* whole characters only */
            l = cap - o - 2;
            while (l && ((unsigned char)s[l] & 0xC0) == 0x80)
                l--;
        }
        memcpy(buf + o, s, l);
        o += l;
        buf[o++] = '\n';
    }
    buf[o] = '\0';
    return o;
}

static summ_status
read_page(doc *d, const input_env *env, bool mail, summ_err *err)
{
    const char *pbuf;
    size_t plen, start;
    convtext conv;
    bool converted;
    summ_status st = summ__html_decode(d, &pbuf, &plen, &start, &conv, &converted, err);
    if (st != SUMM_OK)
        return st;

    size_t blanked;
    bool oom;
    char *bounded = summ__html_bound(d->ar, pbuf, plen, &blanked, &oom);
    if (oom)
        return SUMM_ENOMEM;
    if (bounded)
        pbuf = bounded;

    galloc g = { .al = d->ar->al };
    g.head.next = g.head.prev = &g.head;
    GumboOutput *out = parse(&g, pbuf + start, plen - start);
    if (!out) {
        g_release(&g);
        return SUMM_ENOMEM;
    }

    htree t = { 0 };
    uint32_t *roots = NULL, headline = 0, whole;
    size_t nroots = 0;
    tbuild b;
    summ__tb_init(&b, d->ar, pbuf, plen);
    if ((st = summ__htree_build(&t, d->ar, pbuf, out)) != SUMM_OK)
        goto out;
    const strset *list = NULL;
    if (env && env->list) {
        char *sample = summ__arena_alloc(d->ar, SAMPLE);
        if (!sample) {
            st = SUMM_ENOMEM;
            goto out;
        }
        size_t sn = text_sample(&t, sample, SAMPLE);
        if ((st = env->list(env->ud, DATA_HTML, sample, sn, &list)) != SUMM_OK)
            goto out;
    }
    hints *h = summ__hints_make(d->ar, list);
    if (!h) {
        st = SUMM_ENOMEM;
        goto out;
    }
    summ__htree_annotate(&t, h);
    if (!env || env->extract) {
        if ((st = summ__extract(&t, out, h, &roots, &nroots, &headline)) != SUMM_OK)
            goto out;
    } else if (t.body || t.html) {
        whole = t.body ? t.body : t.html;
        roots = &whole;
        nroots = 1;
    }
    emit e = { .b = &b, .pbuf = pbuf, .ar = d->ar, .mail = mail };
    if (!mail) {
        emit_title(&e, &t, headline);
    } else if (headline) {
        /* the Subject is the message's title: a heading the search took
         * for the page's headline is a heading */
        e.flat = true;
        e.flat_kind = BLOCK_HEADING;
        e.need_block = true;
        emit_tree(&e, &t, headline);
        e.flat = false;
        e.need_block = true;
    }
    for (size_t r = 0; r < nroots && !e.failed; r++)
        emit_tree(&e, &t, roots[r]);
    if (e.failed) {
        st = SUMM_ENOMEM;
        goto out;
    }
    st = summ__tb_finish(&b, d);
    if (st == SUMM_OK && converted)
        st = summ__charset_remap(d->ar, d, &conv);
out:
    if (t.ar)
        summ__htree_free(&t);
    g_release(&g);
    return st;
}

summ_status
summ__read_html(doc *d, const input_env *env, summ_err *err)
{
    return read_page(d, env, false, err);
}

summ_status
summ__read_html_part(doc *d, const input_env *env, summ_err *err)
{
    return read_page(d, env, true, err);
}
