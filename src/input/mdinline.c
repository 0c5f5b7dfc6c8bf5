/* mdinline.c - Markdown's inline syntax: what of a paragraph's bytes is
 * text. Code spans keep their content without the backticks, links their
 * text ("[the docs](https://...)" reads "the docs"), autolinks their
 * address; images, raw HTML, footnote references and emphasis markers
 * are left out; backslash escapes and entities become the character they
 * stand for. Offsets stay true: every piece written is the input's own
 * bytes, or (an entity) stands for the input bytes it replaces.
 *
 * Three passes over the paragraph (CommonMark's order of precedence,
 * simplified): tokens, with code spans, autolinks and raw HTML taken first
 * and brackets matched on a stack; links and images, each checked once for
 * its destination (bounded look-ahead); emphasis, matched on one stack per
 * delimiter character. Each pass is linear: a backtick run finds its
 * closer through a table built from the right, so 100,000 backticks cost
 * no more than 100,000 letters. */
#include "input/textfmt.h"
#include "text/chars.h"
#include "text/utf8.h"

/* Look-ahead bounds: an HTML tag, a link's destination and title. */
#define TAG_MAX 1024
#define DEST_MAX 4096

enum {
    T_TEXT,     /* [a, e) as it is */
    T_SKIP,     /* syntax, left out */
    T_CODE,     /* a code span: its content [x, y) */
    T_PUT,      /* an entity: x is the code point */
    T_OPEN,     /* '[' (y = 1: "![") ; x = the index of its ']' token, or NONE */
    T_CLOSE,    /* ']' ; x = where the link's syntax after it ends, once known */
    T_DELIM     /* a run of * _ ~ ; y = can open (1) | can close (2) */
};
#define NOTOK UINT32_MAX

typedef struct mtok {
    uint32_t a, e, x, y;
    uint8_t kind;
    uint8_t drop;      /* left out: inside an image, or matched emphasis */
} mtok;

/* The paragraph as one string t[0 .. m): its lines joined by '\n'. */
typedef struct mview {
    tbuild *b;
    const char *src;
    const mdspan *lines;
    size_t nlines;
    const char *t;
    size_t m;
    const size_t *toff;   /* line k starts at t[toff[k]] */
    size_t cur;           /* the line the writing is in (writing goes forward) */
    const strset *refs;
    mdscratch *sc;
} mview;

static bool
push_tok(mview *v, int kind, size_t a, size_t e, uint32_t x, uint32_t y)
{
    mdscratch *sc = v->sc;
    if (kind == T_TEXT && sc->ntok && sc->tok[sc->ntok - 1].kind == T_TEXT
        && sc->tok[sc->ntok - 1].e == a) {
        sc->tok[sc->ntok - 1].e = (uint32_t)e;
        return true;
    }
    if (!summ__grow(sc->al, (void **)&sc->tok, &sc->captok, sc->ntok + 1, sizeof *sc->tok))
        return false;
    sc->tok[sc->ntok++] = (mtok){ (uint32_t)a, (uint32_t)e, x, y, (uint8_t)kind, 0 };
    return true;
}

/* ---- writing ------------------------------------------------------------- */

/* Write t[ta .. tb) as the input's bytes (the line breaks as themselves). */
static void
out_copy(mview *v, size_t ta, size_t tb)
{
    while (ta < tb) {
        while (v->cur + 1 < v->nlines && v->toff[v->cur + 1] <= ta)
            v->cur++;
        const mdspan *l = &v->lines[v->cur];
        size_t lend = v->toff[v->cur] + (l->e - l->a);
        if (ta < lend) {
            size_t n = (tb < lend ? tb : lend) - ta;
            summ__tb_copy(v->b, l->a + (ta - v->toff[v->cur]), n);
            ta += n;
        } else {
            /* the '\n' that joins this line to the next */
            size_t next = v->cur + 1 < v->nlines ? v->lines[v->cur + 1].a : l->e + 1;
            summ__tb_put(v->b, "\n", 1, l->e, next - l->e);
            ta++;
        }
    }
}

/* Write the code point c, which stands for t[ta .. tb) (on one line). */
static void
out_cp(mview *v, int32_t c, size_t ta, size_t tb)
{
    while (v->cur + 1 < v->nlines && v->toff[v->cur + 1] <= ta)
        v->cur++;
    char u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xC0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    size_t off = v->lines[v->cur].a + (ta - v->toff[v->cur]);
    summ__tb_put(v->b, u, n, off, tb - ta);
}

/* ---- pass 1: tokens ------------------------------------------------------ */

static bool
is_punct_c(unsigned char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`')
           || (c >= '{' && c <= '~');
}

/* The code point before t[i] and at t[i] (' ' outside the paragraph). */
static int32_t
cp_before(const mview *v, size_t i)
{
    if (i == 0)
        return ' ';
    size_t n = utf8_prev_len((const unsigned char *)v->t, (const unsigned char *)v->t + i);
    int32_t c;
    utf8_dec((const unsigned char *)v->t, i - n, v->m, &c);
    return c;
}

static int32_t
cp_at(const mview *v, size_t i)
{
    if (i >= v->m)
        return ' ';
    int32_t c;
    utf8_dec((const unsigned char *)v->t, i, v->m, &c);
    return c;
}

static bool
is_punct_cp(int32_t c)
{
    return cclass(c) == CL_OTHER && !is_space(c);
}

/* Can the delimiter run t[a .. e) open or close emphasis (CommonMark's
 * flanking rules)? Bit 1: open, bit 2: close. */
static uint32_t
flanking(const mview *v, size_t a, size_t e)
{
    int32_t l = cp_before(v, a), r = cp_at(v, e);
    bool lsp = is_space(l), rsp = is_space(r), lp = is_punct_cp(l), rp = is_punct_cp(r);
    bool left = !rsp && (!rp || lsp || lp);
    bool right = !lsp && (!lp || rsp || rp);
    char c = v->t[a];
    if (c == '_') {
        /* snake_case stays: '_' inside a word is no emphasis */
        bool open = left && (!right || lp), close = right && (!left || rp);
        return (open ? 1u : 0u) | (close ? 2u : 0u);
    }
    if (c == '~' && e - a != 2)
        return 0;  /* strikethrough is "~~" */
    return (left ? 1u : 0u) | (right ? 2u : 0u);
}

/* An autolink <scheme:...> or <a@b.c> at t[i] ('<'): its end, or 0. */
static size_t
autolink_end(const mview *v, size_t i)
{
    const char *t = v->t;
    size_t m = v->m, k = i + 1, lim = i + TAG_MAX < m ? i + TAG_MAX : m;
    size_t scheme = 0;
    while (k < lim && (ascii_alnum((unsigned char)t[k]) || t[k] == '+' || t[k] == '.'
                       || t[k] == '-')) {
        k++;
        scheme++;
    }
    bool url = scheme >= 2 && k < lim && t[k] == ':';
    bool at = false;
    for (; k < lim; k++) {
        unsigned char c = (unsigned char)t[k];
        if (c == '>')
            return (url || at) && k > i + 1 ? k + 1 : 0;
        if (c <= ' ' || c == '<')
            return 0;
        if (c == '@')
            at = true;
    }
    return 0;
}

/* Raw HTML at t[i] ('<'): a tag, a closing tag, a comment, a processing
 * instruction or a declaration; its end, or 0. *more is set when a
 * comment was not closed anywhere (none later can be either). */
static size_t
html_end(mview *v, size_t i, bool *no_comment_end)
{
    const char *t = v->t;
    size_t m = v->m;
    if (i + 3 < m && t[i + 1] == '!' && t[i + 2] == '-' && t[i + 3] == '-') {
        if (*no_comment_end)
            return 0;
        for (size_t k = i + 4; k + 2 < m; k++)
            if (t[k] == '-' && t[k + 1] == '-' && t[k + 2] == '>')
                return k + 3;
        *no_comment_end = true;
        return 0;
    }
    size_t k = i + 1;
    if (k < m && (t[k] == '/' || t[k] == '?' || t[k] == '!'))
        k++;
    if (k >= m || !ascii_letter((unsigned char)t[k]))
        return 0;
    size_t lim = i + TAG_MAX < m ? i + TAG_MAX : m;
    char quote = 0;
    for (; k < lim; k++) {
        char c = t[k];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return k + 1;
        } else if (c == '<') {
            return 0;
        }
    }
    return 0;
}

/* The entity at t[i] ('&'): its code point and end, or 0. */
static size_t
entity_end(const mview *v, size_t i, int32_t *cp)
{
    static const struct { const char *name; int32_t cp; } named[] = {
        { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
        { "nbsp", 0xA0 }, { "copy", 0xA9 }, { "reg", 0xAE }, { "trade", 0x2122 },
        { "mdash", 0x2014 }, { "ndash", 0x2013 }, { "hellip", 0x2026 }, { "laquo", 0xAB },
        { "raquo", 0xBB }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201C },
        { "rdquo", 0x201D }, { "middot", 0xB7 }, { "times", 0xD7 }, { "deg", 0xB0 },
        { "euro", 0x20AC }, { "pound", 0xA3 }, { "eacute", 0xE9 }, { "uuml", 0xFC },
        { "ouml", 0xF6 }, { "auml", 0xE4 }, { "szlig", 0xDF }, { "rarr", 0x2192 },
        { "larr", 0x2190 }, { "minus", 0x2212 }, { "shy", 0xAD }, { "thinsp", 0x2009 },
        { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "bull", 0x2022 }, { "frac12", 0xBD },
        { "plusmn", 0xB1 }, { "micro", 0xB5 }, { "para", 0xB6 }, { "sect", 0xA7 },
        { "cent", 0xA2 }, { "yen", 0xA5 }, { "iexcl", 0xA1 }, { "iquest", 0xBF },
    };
    const char *t = v->t;
    size_t m = v->m, k = i + 1;
    if (k < m && t[k] == '#') {
        k++;
        bool hex = k < m && (t[k] == 'x' || t[k] == 'X');
        k += hex;
        uint32_t c = 0;
        size_t digits = 0;
        for (; k < m && digits < 7; k++, digits++) {
            char d = t[k];
            int x = is_digit_c(d) ? d - '0'
                    : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                    : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
            if (x < 0)
                break;
            c = c * (hex ? 16 : 10) + (uint32_t)x;
        }
        if (!digits || k >= m || t[k] != ';')
            return 0;
        if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            c = 0xFFFD;
        *cp = (int32_t)c;
        return k + 1;
    }
    size_t a = k;
    while (k < m && k - a < 8 && ascii_alnum((unsigned char)t[k]))
        k++;
    if (k >= m || t[k] != ';')
        return 0;
    for (size_t q = 0; q < sizeof named / sizeof named[0]; q++)
        if (strlen(named[q].name) == k - a && memcmp(named[q].name, t + a, k - a) == 0) {
            *cp = named[q].cp;
            return k + 1;
        }
    return 0;
}

/* For each backtick run of t, the index of the next run of the same
 * length (NOTOK if none): built from the right with a small hash of
 * lengths, so each run finds its closer in O(1). */
static bool
backtick_runs(mview *v)
{
    mdscratch *sc = v->sc;
    sc->nrun = 0;
    const char *t = v->t;
    for (size_t i = 0; i < v->m; ) {
        if (t[i] != '`' || (i > 0 && t[i - 1] == '\\' && (i < 2 || t[i - 2] != '\\'))) {
            i++;
            continue;
        }
        size_t a = i;
        while (i < v->m && t[i] == '`')
            i++;
        if (!summ__grow(sc->al, (void **)&sc->run, &sc->caprun, sc->nrun + 1, sizeof *sc->run))
            return false;
        sc->run[sc->nrun++] = (mdrun){ (uint32_t)a, (uint32_t)(i - a), NOTOK };
    }
    if (sc->nrun < 2)
        return true;
    size_t cap = 16;
    while (cap < sc->nrun * 2)
        cap *= 2;
    uint32_t *key = summ__calloc(sc->al, cap, sizeof *key), *val = summ__calloc(sc->al, cap,
                                                                                 sizeof *val);
    if (!key || !val) {
        summ__free(sc->al, key);
        summ__free(sc->al, val);
        return false;
    }
    for (size_t r = sc->nrun; r-- > 0; ) {
        uint32_t len = sc->run[r].len;
        size_t h = (len * 2654435761u) & (cap - 1);
        while (key[h] && key[h] != len)
            h = (h + 1) & (cap - 1);
        sc->run[r].next = key[h] ? val[h] : NOTOK;
        key[h] = len;
        val[h] = (uint32_t)r;
    }
    summ__free(sc->al, key);
    summ__free(sc->al, val);
    return true;
}

/* Where pass 1 is: the next backtick run to look at, and whether an
 * HTML comment was found open to the end (then no later one closes). */
typedef struct tokpos {
    size_t r;
    bool no_comment_end;
} tokpos;

#define FAIL SIZE_MAX  /* out of memory */

/* The text t[text .. i) before a piece of syntax, as one token. */
static bool
flush(mview *v, size_t text, size_t i)
{
    return text >= i || push_tok(v, T_TEXT, text, i, 0, 0);
}

/* Each of these reads the syntax at t[i], if there is one, after the text
 * from t[text]: it writes the tokens of both and returns the syntax's end;
 * 0 if t[i] starts none; FAIL when out of memory. */

/* "\*": the character itself; a backslash at a line end: a hard break. */
static size_t
tok_escape(mview *v, size_t text, size_t i, tokpos *tp)
{
    mdscratch *sc = v->sc;
    const char *t = v->t;
    if (i + 1 < v->m && is_punct_c((unsigned char)t[i + 1])) {
        if (!flush(v, text, i) || !push_tok(v, T_SKIP, i, i + 1, 0, 0)
            || !push_tok(v, T_TEXT, i + 1, i + 2, 0, 0))
            return FAIL;
        while (tp->r < sc->nrun && sc->run[tp->r].a <= i + 1)
            tp->r++;  /* an escaped backtick is no run */
        return i + 2;
    }
    if (i + 1 < v->m && t[i + 1] == '\n')
        return flush(v, text, i) && push_tok(v, T_SKIP, i, i + 1, 0, 0) ? i + 1 : FAIL;
    return 0;
}

/* A code span: its content, without one space of padding at each end;
 * backticks without a closer of their length are text. */
static size_t
tok_code(mview *v, size_t text, size_t i, tokpos *tp)
{
    mdscratch *sc = v->sc;
    const char *t = v->t;
    while (tp->r < sc->nrun && sc->run[tp->r].a < i)
        tp->r++;
    if (tp->r >= sc->nrun || sc->run[tp->r].a != i)
        return 0;
    const mdrun *o = &sc->run[tp->r];
    if (!flush(v, text, i))
        return FAIL;
    if (o->next == NOTOK) {
        tp->r++;
        return push_tok(v, T_TEXT, o->a, o->a + o->len, 0, 0) ? o->a + o->len : FAIL;
    }
    const mdrun *cl = &sc->run[o->next];
    size_t ca = o->a + o->len, ce = cl->a;
    if (ce - ca >= 2 && (t[ca] == ' ' || t[ca] == '\n') && (t[ce - 1] == ' ' || t[ce - 1] == '\n')) {
        bool all = true;
        for (size_t q = ca; q < ce && all; q++)
            all = t[q] == ' ';
        if (!all) {
            ca++;
            ce--;
        }
    }
    tp->r = o->next + 1;
    return push_tok(v, T_CODE, o->a, cl->a + cl->len, (uint32_t)ca, (uint32_t)ce)
               ? cl->a + cl->len : FAIL;
}

/* "<https://...>" keeps its address; a tag or a comment goes. */
static size_t
tok_angle(mview *v, size_t text, size_t i, tokpos *tp)
{
    size_t e = autolink_end(v, i);
    if (e)
        return flush(v, text, i) && push_tok(v, T_SKIP, i, i + 1, 0, 0)
                       && push_tok(v, T_TEXT, i + 1, e - 1, 0, 0)
                       && push_tok(v, T_SKIP, e - 1, e, 0, 0)
                   ? e : FAIL;
    e = html_end(v, i, &tp->no_comment_end);
    if (e)
        return flush(v, text, i) && push_tok(v, T_SKIP, i, e, 0, 0) ? e : FAIL;
    return 0;
}

static size_t
tok_entity(mview *v, size_t text, size_t i)
{
    int32_t cp;
    size_t e = entity_end(v, i, &cp);
    if (!e)
        return 0;
    return flush(v, text, i) && push_tok(v, T_PUT, i, e, (uint32_t)cp, 0) ? e : FAIL;
}

/* "[" or "![", kept on a stack until its "]". */
static size_t
tok_open(mview *v, size_t text, size_t i)
{
    mdscratch *sc = v->sc;
    bool img = v->t[i] == '!';
    if (img && (i + 1 >= v->m || v->t[i + 1] != '['))
        return 0;
    size_t e = i + 1 + img;
    if (!flush(v, text, i)
        || !summ__grow(sc->al, (void **)&sc->stack, &sc->capstack, sc->nstack + 1,
                       sizeof *sc->stack)
        || !push_tok(v, T_OPEN, i, e, NOTOK, img))
        return FAIL;
    sc->stack[sc->nstack++] = (uint32_t)(sc->ntok - 1);
    return e;
}

static size_t
tok_close(mview *v, size_t text, size_t i)
{
    mdscratch *sc = v->sc;
    if (!flush(v, text, i) || !push_tok(v, T_CLOSE, i, i + 1, NOTOK, 0))
        return FAIL;
    if (sc->nstack)
        sc->tok[sc->stack[--sc->nstack]].x = (uint32_t)(sc->ntok - 1);
    return i + 1;
}

/* A run of * _ ~: a delimiter if it can open or close emphasis. */
static size_t
tok_delims(mview *v, size_t text, size_t i)
{
    size_t a = i;
    while (i < v->m && v->t[i] == v->t[a])
        i++;
    uint32_t f = flanking(v, a, i);
    return flush(v, text, a) && push_tok(v, f ? T_DELIM : T_TEXT, a, i, 0, f) ? i : FAIL;
}

static bool
tokenize(mview *v)
{
    mdscratch *sc = v->sc;
    tokpos tp = { 0, false };
    size_t i = 0, text = 0;
    sc->ntok = 0;
    sc->nstack = 0;
    if (!backtick_runs(v))
        return false;
    while (i < v->m) {
        size_t e;
        switch (v->t[i]) {
        case '\\': e = tok_escape(v, text, i, &tp); break;
        case '`': e = tok_code(v, text, i, &tp); break;
        case '<': e = tok_angle(v, text, i, &tp); break;
        case '&': e = tok_entity(v, text, i); break;
        case '!':
        case '[': e = tok_open(v, text, i); break;
        case ']': e = tok_close(v, text, i); break;
        case '*':
        case '_':
        case '~': e = tok_delims(v, text, i); break;
        default: e = 0; break;
        }
        if (e == FAIL)
            return false;
        if (e) {
            i = text = e;
            continue;
        }
        i++;
    }
    return flush(v, text, i);
}

/* ---- pass 2: links and images ------------------------------------------- */

/* A link's "(destination "title")" at t[i] ('('): its end, or 0. */
static size_t
inline_dest_end(const mview *v, size_t i)
{
    const char *t = v->t;
    size_t m = v->m, lim = i + DEST_MAX < m ? i + DEST_MAX : m, k = i + 1;
    while (k < lim && (t[k] == ' ' || t[k] == '\t' || t[k] == '\n'))
        k++;
    if (k < lim && t[k] == '<') {
        for (k++; k < lim && t[k] != '>'; k++)
            if (t[k] == '\n' || t[k] == '<')
                return 0;
        if (k >= lim)
            return 0;
        k++;
    } else {
        int depth = 0;
        for (; k < lim; k++) {
            unsigned char c = (unsigned char)t[k];
            if (c == '\\' && k + 1 < lim) {
                k++;
                continue;
            }
            if (c <= ' ')
                break;
            if (c == '(') {
                if (++depth > 32)
                    return 0;
            } else if (c == ')') {
                if (depth == 0)
                    break;
                depth--;
            }
        }
    }
    while (k < lim && (t[k] == ' ' || t[k] == '\t' || t[k] == '\n'))
        k++;
    if (k < lim && (t[k] == '"' || t[k] == '\'' || t[k] == '(')) {
        char close = t[k] == '(' ? ')' : t[k];
        for (k++; k < lim && t[k] != close; k++)
            if (t[k] == '\\')
                k++;
        if (k >= lim)
            return 0;
        k++;
        while (k < lim && (t[k] == ' ' || t[k] == '\t' || t[k] == '\n'))
            k++;
    }
    return k < lim && t[k] == ')' ? k + 1 : 0;
}

/* Is t[a .. e) a defined reference label (case and inner white space
 * aside)? */
static bool
is_ref(const mview *v, size_t a, size_t e)
{
    char key[256];
    size_t n = summ__md_label(v->t + a, e - a, key, sizeof key);
    return n && summ__strset_has(v->refs, key, n);
}

/* The end of the link syntax after the ']' at t[c]: "(dest)", "[ref]",
 * "[]", or nothing for a shortcut reference to a defined label (text
 * t[a .. c)); 0 if the brackets are no link. */
static size_t
link_tail(const mview *v, size_t a, size_t c)
{
    const char *t = v->t;
    size_t m = v->m, k = c + 1;
    if (k < m && t[k] == '(') {
        size_t e = inline_dest_end(v, k);
        if (e)
            return e;
    }
    if (k < m && t[k] == '[') {
        size_t q = k + 1, lim = k + 1000 < m ? k + 1000 : m;
        while (q < lim && t[q] != ']' && t[q] != '[')
            q++;
        if (q < lim && t[q] == ']' && (q == k + 1 ? is_ref(v, a, c) : is_ref(v, k + 1, q)))
            return q + 1;
    }
    if (v->refs && v->refs->count && is_ref(v, a, c))
        return c + 1;
    return 0;
}

static void
links(mview *v)
{
    mdscratch *sc = v->sc;
    size_t skip_to = 0;  /* inside an image or a link's destination */
    for (size_t k = 0; k < sc->ntok; k++) {
        mtok *tk = &sc->tok[k];
        if (tk->a < skip_to) {
            if (tk->kind == T_TEXT && tk->e > skip_to) {
                tk->a = (uint32_t)skip_to;  /* "(url) and more": the text after it stays */
            } else {
                tk->drop = 1;
                continue;
            }
        }
        if (tk->kind == T_CLOSE && tk->x != NOTOK) {
            tk->drop = 1;  /* a link's ']': its syntax after it goes too */
            skip_to = tk->x;
            continue;
        }
        if (tk->kind != T_OPEN || tk->x == NOTOK)
            continue;
        mtok *cl = &sc->tok[tk->x];
        /* "[^1]": a footnote reference */
        if (!tk->y && tk->e < v->m && v->t[tk->e] == '^') {
            tk->drop = 1;
            skip_to = cl->e;
            continue;
        }
        size_t e = link_tail(v, tk->e, cl->a);
        if (!e)
            continue;
        tk->drop = 1;
        if (tk->y)
            skip_to = e;  /* an image: all of it */
        else
            cl->x = (uint32_t)e;
    }
    /* ']' of brackets that are no link: text */
    for (size_t k = 0; k < sc->ntok; k++)
        if (sc->tok[k].kind == T_CLOSE && !sc->tok[k].drop)
            sc->tok[k].kind = T_TEXT;
}

/* ---- pass 3: emphasis ----------------------------------------------------- */

static bool
emphasis(mview *v)
{
    mdscratch *sc = v->sc;
    /* one stack of openers per character: * _ ~ */
    uint32_t *st[3] = { NULL, NULL, NULL };
    size_t n[3] = { 0, 0, 0 }, cap[3] = { 0, 0, 0 };
    bool ok = true;
    for (size_t k = 0; k < sc->ntok && ok; k++) {
        mtok *tk = &sc->tok[k];
        if (tk->kind != T_DELIM || tk->drop)
            continue;
        char c = v->t[tk->a];
        int w = c == '*' ? 0 : c == '_' ? 1 : 2;
        if ((tk->y & 2) && n[w] > 0) {
            mtok *o = &sc->tok[st[w][--n[w]]];
            o->drop = 1;
            tk->drop = 1;
            continue;
        }
        if (tk->y & 1) {
            if (!summ__grow(sc->al, (void **)&st[w], &cap[w], n[w] + 1, sizeof *st[w])) {
                ok = false;
                break;
            }
            st[w][n[w]++] = (uint32_t)k;
        }
    }
    for (int w = 0; w < 3; w++)
        summ__free(sc->al, st[w]);
    return ok;
}

/* ---- the whole ------------------------------------------------------------ */

size_t
summ__md_label(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    bool gap = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            gap = o > 0;
            continue;
        }
        if (gap) {
            if (o >= cap)
                return 0;
            out[o++] = ' ';
            gap = false;
        }
        if (o >= cap)
            return 0;
        out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return o;
}

bool
summ__md_inline(tbuild *b, const strset *refs, const mdspan *lines, size_t nlines,
                mdscratch *sc)
{
    if (nlines == 0 || b->failed)
        return true;
    /* the paragraph as one string, and where each line starts in it */
    size_t m = 0;
    for (size_t k = 0; k < nlines; k++)
        m += lines[k].e - lines[k].a + (k + 1 < nlines);
    if (!summ__grow(sc->al, (void **)&sc->t, &sc->capt, m + 1, 1)
        || !summ__grow(sc->al, (void **)&sc->toff, &sc->captoff, nlines, sizeof *sc->toff))
        return false;
    size_t o = 0;
    for (size_t k = 0; k < nlines; k++) {
        sc->toff[k] = o;
        memcpy(sc->t + o, b->src + lines[k].a, lines[k].e - lines[k].a);
        o += lines[k].e - lines[k].a;
        if (k + 1 < nlines)
            sc->t[o++] = '\n';
    }
    sc->t[o] = '\0';
    mview v = { b, b->src, lines, nlines, sc->t, m, sc->toff, 0, refs, sc };
    if (!tokenize(&v))
        return false;
    links(&v);
    if (!emphasis(&v))
        return false;
    for (size_t k = 0; k < sc->ntok; k++) {
        const mtok *tk = &sc->tok[k];
        if (tk->drop)
            continue;
        switch (tk->kind) {
        case T_TEXT:
        case T_DELIM:
        case T_OPEN:
            out_copy(&v, tk->a, tk->e);
            break;
        case T_CODE:
            out_copy(&v, tk->x, tk->y);
            break;
        case T_PUT:
            out_cp(&v, (int32_t)tk->x, tk->a, tk->e);
            break;
        default:
            break;
        }
    }
    return true;
}

void
summ__md_scratch_free(mdscratch *sc)
{
    summ__free(sc->al, sc->t);
    summ__free(sc->al, sc->toff);
    summ__free(sc->al, sc->tok);
    summ__free(sc->al, sc->run);
    summ__free(sc->al, sc->stack);
    memset(sc, 0, sizeof *sc);
}
