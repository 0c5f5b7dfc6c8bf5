/* markdown.c - Markdown (CommonMark, with GitHub's tables): the blocks.
 *
 * What is not prose is left out of the clean text, so it is neither
 * summarized nor shown by --split: fenced and indented code, tables,
 * front matter (YAML "---" or TOML "+++" at the start), HTML blocks and
 * comments, thematic breaks, link reference definitions. Headings (ATX
 * "# ..." and setext underlines) are heading blocks, a level-1 heading
 * before any text the title; list items are list-item blocks, without
 * their bullet (an ordered item keeps its number); block quotes are read
 * as the text they quote, without their "> ". mdinline.c does each
 * paragraph's inline syntax.
 *
 * One pass over the lines, each looked at once (a table is told by the
 * line after its header: one line of look-ahead), after a first pass that
 * collects the labels of link reference definitions, which may come after
 * their use. Containers are simplified: block quotes are stripped line by
 * line, lists are a stack of content indents (up to LIST_MAX deep; deeper
 * ones are read as text of the deepest). */
#include "input/textfmt.h"
#include "text/bits.h"

#define LIST_MAX 32
#define QUOTE_MAX 16

typedef struct md {
    tbuild *b;
    const char *s;
    size_t n;
    strset refs;
    mdscratch sc;
    /* the open paragraph */
    mdspan *para;
    size_t npara, cappara;
    block_kind pkind;
    /* open leaf blocks that are not text */
    bool fence;
    char fch;
    size_t flen, find;   /* its fence's length, and the indent of its container */
    int fquote;
    int html;            /* an HTML block: 0 none, else what ends it (see html_start) */
    bool icode, table;
    int quote;           /* the block-quote depth of the previous line */
    /* list items: the content indent of each open one */
    size_t lind[LIST_MAX];
    int depth;
    bool item_first;     /* the next paragraph is its item's first */
    bool ref_dest;       /* a reference definition's destination is on this line */
    bool prev_blank;
    bool wrote;          /* a block has been written: no title any more */
} md;

/* ---- the blocks' shapes ---------------------------------------------------- */

/* Columns of indentation at s[a ..), tabs to the next multiple of 4; *p
 * gets the first byte after it. */
static size_t
indent(const char *s, size_t a, size_t e, size_t *p)
{
    size_t col = 0;
    while (a < e && is_hsp(s[a])) {
        col = s[a] == '\t' ? (col / 4 + 1) * 4 : col + 1;
        a++;
    }
    *p = a;
    return col;
}

/* The byte after cols columns of indentation at s[a ..) (or its first
 * non-blank, if it has less). */
static size_t
skip_cols(const char *s, size_t a, size_t e, size_t cols)
{
    size_t col = 0;
    while (a < e && is_hsp(s[a]) && col < cols) {
        col = s[a] == '\t' ? (col / 4 + 1) * 4 : col + 1;
        a++;
    }
    return a;
}

/* A fence of 3 or more ` or ~ at s[p]: its length, else 0. */
static size_t
fence_len(const char *s, size_t p, size_t e, char *ch)
{
    if (p >= e || (s[p] != '`' && s[p] != '~'))
        return 0;
    char c = s[p];
    size_t k = p;
    while (k < e && s[k] == c)
        k++;
    if (k - p < 3)
        return 0;
    if (c == '`' && memchr(s + k, '`', e - k))
        return 0;  /* "```a``` b" is inline code, not a fence */
    *ch = c;
    return k - p;
}

/* "# Heading": its level (1-6), else 0; *ca, *ce get its text. */
static int
atx(const char *s, size_t p, size_t e, size_t *ca, size_t *ce)
{
    size_t k = p;
    while (k < e && s[k] == '#' && k - p < 7)
        k++;
    size_t level = k - p;
    if (level == 0 || level > 6 || (k < e && !is_hsp(s[k])))
        return 0;
    size_t a = skip_hsp(s, k, e), z = trim_end(s, a, e);
    /* a closing run of #, after a space */
    size_t q = z;
    while (q > a && s[q - 1] == '#')
        q--;
    if (q == a || (q < z && is_hsp(s[q - 1])))
        z = trim_end(s, a, q);
    *ca = a;
    *ce = z;
    return (int)level;
}

/* "***", "- - -", "___": a thematic break. */
static bool
thematic(const char *s, size_t p, size_t e)
{
    if (p >= e || (s[p] != '*' && s[p] != '-' && s[p] != '_'))
        return false;
    char c = s[p];
    size_t k = 0;
    for (size_t i = p; i < e; i++) {
        if (s[i] == c)
            k++;
        else if (!is_hsp(s[i]))
            return false;
    }
    return k >= 3;
}

/* A setext underline: 1 for "===", 2 for "---", else 0. */
static int
setext(const char *s, size_t p, size_t e)
{
    if (p >= e || (s[p] != '=' && s[p] != '-'))
        return 0;
    char c = s[p];
    size_t k = p;
    while (k < e && s[k] == c)
        k++;
    return is_blank(s, k, e) ? (c == '=' ? 1 : 2) : 0;
}

/* A list marker at s[p]: its length (the marker alone), else 0. *ordered
 * and *num say what it is. */
static size_t
list_marker(const char *s, size_t p, size_t e, bool *ordered, unsigned long *num)
{
    if (p >= e)
        return 0;
    size_t k = p;
    if (s[p] == '-' || s[p] == '*' || s[p] == '+') {
        k++;
        *ordered = false;
    } else {
        unsigned long v = 0;
        while (k < e && is_digit_c(s[k]) && k - p < 9)
            v = v * 10 + (unsigned long)(s[k++] - '0');
        if (k == p || k >= e || (s[k] != '.' && s[k] != ')'))
            return 0;
        k++;
        *ordered = true;
        *num = v;
    }
    if (k < e && !is_hsp(s[k]))
        return 0;
    return k - p;
}

/* The start of an HTML block at s[p]: what ends it, else 0. 1: a blank
 * line; 2: "-->"; 3: "?>"; 4: ">"; 5: "]]>"; 6, 7, 8, 9: </script>,
 * </pre>, </style>, </textarea>. *interrupts: it may interrupt a
 * paragraph. */
static int
html_start(const char *s, size_t p, size_t e, bool *interrupts)
{
    static const char *const raw[] = { "script", "pre", "style", "textarea" };
    static const char *const blocks[] = {
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption",
        "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li",
        "link", "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p",
        "param", "picture", "section", "source", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul",
    };
    *interrupts = true;
    if (p >= e || s[p] != '<')
        return 0;
    if (ascii_iprefix(s, p, e, "<!--"))
        return 2;
    if (ascii_iprefix(s, p, e, "<?"))
        return 3;
    if (ascii_iprefix(s, p, e, "<![CDATA["))
        return 5;
    if (p + 2 < e && s[p + 1] == '!' && s[p + 2] >= 'A' && s[p + 2] <= 'Z')
        return 4;
    size_t k = p + 1;
    bool closing = k < e && s[k] == '/';
    k += closing;
    size_t a = k;
    while (k < e && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z')
                     || is_digit_c(s[k])))
        k++;
    if (k == a)
        return 0;
    bool ends = k >= e || is_hsp(s[k]) || s[k] == '>' || (s[k] == '/' && k + 1 < e && s[k + 1] == '>');
    if (!ends)
        return 0;
    if (!closing)
        for (int i = 0; i < 4; i++)
            if (ascii_ieq(s + a, k - a, raw[i]))
                return 6 + i;
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        if (ascii_ieq(s + a, k - a, blocks[i]))
            return 1;
    /* any other tag, alone on its line: cannot interrupt a paragraph */
    *interrupts = false;
    const char *gt = memchr(s + k, '>', e - k);
    return gt && is_blank(s, (size_t)(gt - s) + 1, e) ? 1 : 0;
}

/* Does line s[a .. e) hold what ends HTML block kind k? */
static bool
html_ends(const char *s, size_t a, size_t e, int k)
{
    static const char *const end[] = {
        NULL, NULL, "-->", "?>", ">", "]]>", "</script>", "</pre>", "</style>", "</textarea>",
    };
    if (k < 2)
        return false;
    const char *lit = end[k];
    size_t n = strlen(lit);
    for (size_t i = a; i + n <= e; i++)
        if (ascii_ieq(s + i, n, lit))
            return true;
    return false;
}

/* A table's delimiter row: "| --- | :-: |", "--|--". */
static bool
delimiter_row(const char *s, size_t p, size_t e)
{
    e = trim_end(s, p, e);
    bool pipe = false, dash = false;
    size_t cells = 0;
    for (size_t i = p; i < e; i++) {
        char c = s[i];
        if (c == '|')
            pipe = true;
        else if (c == '-')
            dash = true;
        else if (c != ':' && !is_hsp(c))
            return false;
        if (c == '-' && (i == p || s[i - 1] != '-'))
            cells++;
    }
    return dash && (pipe || cells > 1) && cells >= 1;
}

/* "[label]: destination": a link reference definition; its label in
 * [*la, *le). "[^x]:" is a footnote's (*foot). */
static bool
ref_def(const char *s, size_t p, size_t e, size_t *la, size_t *le, bool *foot)
{
    if (p >= e || s[p] != '[')
        return false;
    size_t k = p + 1;
    while (k < e && s[k] != ']' && k - p < 1000) {
        if (s[k] == '\\')
            k++;
        k++;
    }
    if (k + 1 >= e || s[k] != ']' || s[k + 1] != ':' || k == p + 1)
        return false;
    *foot = s[p + 1] == '^';
    *la = p + 1;
    *le = k;
    return true;  /* the destination may be on the next line */
}

/* ---- writing ---------------------------------------------------------------- */

static bool
add_line(md *m, size_t a, size_t e)
{
    if (!summ__grow(m->sc.al, (void **)&m->para, &m->cappara, m->npara + 1, sizeof *m->para))
        return false;
    m->para[m->npara++] = (mdspan){ a, e };
    return true;
}

/* Write the open paragraph as a block of kind. */
static bool
write_para(md *m, block_kind kind)
{
    if (m->npara == 0)
        return true;
    /* a hard break's trailing spaces or backslash on the last line */
    mdspan *l = &m->para[m->npara - 1];
    l->e = trim_end(m->s, l->a, l->e);
    if (l->e > l->a && m->s[l->e - 1] == '\\')
        l->e--;
    summ__tb_block(m->b, kind);
    bool ok = summ__md_inline(m->b, &m->refs, m->para, m->npara, &m->sc);
    m->npara = 0;
    m->wrote = true;
    return ok;
}

static bool
close_para(md *m)
{
    return write_para(m, m->pkind);
}

static bool
heading(md *m, int level, size_t a, size_t e)
{
    if (!close_para(m))
        return false;
    block_kind kind = level == 1 && !m->wrote ? BLOCK_TITLE : BLOCK_HEADING;
    if (a < e && !add_line(m, a, e))
        return false;
    return write_para(m, kind);
}

/* ---- the lines ------------------------------------------------------------------ */

/* Does the line's text at s[p ..) start a block that ends a paragraph? */
static bool
interrupts(const md *m, size_t p, size_t e)
{
    const char *s = m->s;
    char ch;
    size_t ca, ce;
    bool ordered, intr;
    unsigned long num = 0;
    if (fence_len(s, p, e, &ch) || atx(s, p, e, &ca, &ce) || thematic(s, p, e)
        || (p < e && s[p] == '>'))
        return true;
    if (html_start(s, p, e, &intr) && intr)
        return true;
    size_t k = list_marker(s, p, e, &ordered, &num);
    return k && !is_blank(s, p + k, e) && (!ordered || num == 1);
}

/* Front matter: "---" (YAML) or "+++" (TOML) on the first line, up to the
 * same (or "...") on a line of its own. Returns where the text starts. */
static size_t
front_matter(const char *s, size_t start, size_t n)
{
    tline l = tline_at(s, n, start);
    size_t z = trim_end(s, l.a, l.e);
    bool yaml = z - l.a == 3 && memcmp(s + l.a, "---", 3) == 0;
    bool toml = z - l.a == 3 && memcmp(s + l.a, "+++", 3) == 0;
    if (!yaml && !toml)
        return start;
    for (size_t p = l.next; p < n; ) {
        tline k = tline_at(s, n, p);
        size_t ze = trim_end(s, k.a, k.e);
        if (ze - k.a == 3 && (memcmp(s + k.a, yaml ? "---" : "+++", 3) == 0
                              || (yaml && memcmp(s + k.a, "...", 3) == 0)))
            return k.next;
        p = k.next;
    }
    return start;  /* never closed: not front matter */
}

/* The labels of the link reference definitions, for "[text][label]" and
 * "[label]" before their definition. */
static bool
collect_refs(md *m, size_t p)
{
    const char *s = m->s;
    while (p < m->n) {
        tline l = tline_at(s, m->n, p);
        size_t q;
        if (indent(s, l.a, l.e, &q) <= 3) {
            while (q < l.e && s[q] == '>')  /* inside a block quote */
                q = skip_hsp(s, q + 1, l.e);
            size_t la, le;
            bool foot;
            char key[256];
            size_t kn;
            if (ref_def(s, q, l.e, &la, &le, &foot) && !foot
                && (kn = summ__md_label(s + la, le - la, key, sizeof key))
                && !summ__strset_add(&m->refs, key, kn))
                return false;
        }
        p = l.next;
    }
    return true;
}

/* The open non-text blocks: does line [a, e) (after its quote marks at c)
 * belong to one? Then it is left out. */
static bool
in_skipped_block(md *m, size_t c, size_t e, int quote, bool blank)
{
    const char *s = m->s;
    if (m->fence) {
        size_t p;
        size_t ind = indent(s, c, e, &p);
        if (quote < m->fquote || (!blank && ind < m->find)) {
            m->fence = false;  /* its container ended */
            return false;
        }
        size_t q = skip_cols(s, c, e, m->find);
        size_t r = indent(s, q, e, &q);
        char ch;
        size_t fl = fence_len(s, q, e, &ch);
        if (r <= 3 && fl >= m->flen && ch == m->fch && is_blank(s, q + fl, e))
            m->fence = false;
        return true;
    }
    if (m->html) {
        if (m->html == 1 && blank) {
            m->html = 0;
            return false;
        }
        if (html_ends(s, c, e, m->html))
            m->html = 0;
        return true;
    }
    if (m->table) {
        if (!blank && memchr(s + c, '|', e - c))
            return true;
        m->table = false;
    }
    if (m->icode) {
        size_t p;
        size_t base = m->depth ? m->lind[m->depth - 1] : 0;
        if (blank || indent(s, c, e, &p) >= base + 4)
            return true;
        m->icode = false;
    }
    return false;
}

/* A list item's marker at s[p] (relative indent ind): push its level and
 * start its first line. Returns false on OOM. */
static bool
list_item(md *m, size_t p, size_t e, size_t ind, size_t mk, bool ordered)
{
    const char *s = m->s;
    if (!close_para(m))
        return false;
    size_t q = p + mk, sp = 0;
    while (q + sp < e && is_hsp(s[q + sp]) && sp < 5)
        sp++;
    if (sp == 0 || sp > 4 || q + sp >= e)
        sp = 1;  /* "-    code" or an empty item: the content starts one after */
    size_t base = m->depth ? m->lind[m->depth - 1] : 0;
    if (m->depth < LIST_MAX)
        m->lind[m->depth++] = base + ind + mk + sp;
    m->item_first = true;
    size_t text = skip_hsp(s, q, e);
    /* a task list's box */
    if (!ordered && text + 3 <= e && s[text] == '[' && s[text + 2] == ']'
        && (s[text + 1] == ' ' || s[text + 1] == 'x' || s[text + 1] == 'X')
        && (text + 3 == e || is_hsp(s[text + 3])))
        text = skip_hsp(s, text + 3, e);
    if (is_blank(s, text, e))
        return true;
    m->pkind = BLOCK_LIST_ITEM;
    m->item_first = false;
    return add_line(m, ordered ? p : text, e);
}

/* Does a table start at the line l (text from p), its next line being a
 * delimiter row? */
static bool
table_starts(const md *m, tline l, size_t p, int quote)
{
    const char *s = m->s;
    if (!memchr(s + p, '|', l.e - p) || l.next >= m->n)
        return false;
    tline nx = tline_at(s, m->n, l.next);
    size_t q = nx.a;
    for (int k = 0; k < quote; k++) {  /* the next line's own quote marks */
        q = skip_hsp(s, q, nx.e);
        if (q < nx.e && s[q] == '>')
            q++;
    }
    q = skip_hsp(s, q, nx.e);
    return delimiter_row(s, q, nx.e);
}

/* A line of text from p: a reference definition (left out; a footnote's
 * text is prose), or a paragraph's line. */
static bool
text_line(md *m, size_t p, size_t e)
{
    const char *s = m->s;
    size_t la, le;
    bool foot;
    if (m->ref_dest) {
        m->ref_dest = false;
        if (m->npara == 0 && (s[p] == '<' || !memchr(s + p, ' ', e - p)))
            return true;  /* "[label]:" and its destination below it */
    }
    if (m->npara == 0 && ref_def(s, p, e, &la, &le, &foot)) {
        if (!foot) {
            m->ref_dest = is_blank(s, le + 2, e);
            return true;
        }
        m->pkind = BLOCK_PROSE;
        return add_line(m, skip_hsp(s, le + 2, e), trim_end(s, p, e));
    }
    if (m->npara == 0) {
        m->pkind = m->item_first ? BLOCK_LIST_ITEM : BLOCK_PROSE;
        m->item_first = false;
    }
    return add_line(m, p, trim_end(s, p, e));
}

/* A line that is no paragraph's continuation, its text from p at indent
 * ind: which block does it start? */
static bool
block_line(md *m, tline l, size_t p, size_t ind, int quote)
{
    const char *s = m->s;
    size_t e = l.e;
    while (m->depth && ind < m->lind[m->depth - 1])
        m->depth--;
    size_t base = m->depth ? m->lind[m->depth - 1] : 0;
    size_t rel = ind - base;
    if (rel >= 4 && m->npara == 0) {
        m->icode = true;
        return true;
    }
    char ch;
    size_t fl = fence_len(s, p, e, &ch);
    if (fl) {
        if (!close_para(m))
            return false;
        m->fence = true;
        m->fch = ch;
        m->flen = fl;
        m->find = base;
        m->fquote = quote;
        return true;
    }
    size_t ca, ce;
    int lv = atx(s, p, e, &ca, &ce);
    if (lv)
        return heading(m, lv, ca, ce);
    if (thematic(s, p, e)) {
        m->item_first = false;
        return close_para(m);
    }
    bool intr;
    int h = html_start(s, p, e, &intr);
    if (h && (intr || m->npara == 0)) {
        if (!close_para(m))
            return false;
        m->html = html_ends(s, p, e, h) ? 0 : h;
        return true;
    }
    if (table_starts(m, l, p, quote)) {
        if (!close_para(m))
            return false;
        m->table = true;
        return true;
    }
    bool ordered;
    unsigned long num = 0;
    size_t mk = list_marker(s, p, e, &ordered, &num);
    if (mk && (m->npara == 0 || (!is_blank(s, p + mk, e) && (!ordered || num == 1))))
        return list_item(m, p, e, rel, mk, ordered);
    return text_line(m, p, e);
}

/* One line whose text (after quote marks) starts at c. */
static bool
line(md *m, tline l, size_t c, int quote)
{
    const char *s = m->s;
    size_t e = l.e;
    bool blank = is_blank(s, c, e);
    if (in_skipped_block(m, c, e, quote, blank)) {
        m->prev_blank = false;
        return true;
    }
    if (blank) {
        m->prev_blank = true;
        return close_para(m);
    }
    size_t p;
    size_t ind = indent(s, c, e, &p);
    /* a setext underline ("---" too, which would be a thematic break) */
    if (m->npara && !m->prev_blank && quote == m->quote && m->pkind == BLOCK_PROSE
        && ind <= 3 + (m->depth ? m->lind[m->depth - 1] : 0)) {
        int lv = setext(s, p, e);
        if (lv) {
            m->prev_blank = false;
            return write_para(m, lv == 1 && !m->wrote ? BLOCK_TITLE : BLOCK_HEADING);
        }
    }
    bool lazy = m->npara && !m->prev_blank && !interrupts(m, p, e);
    if (quote != m->quote && !(lazy && quote < m->quote)) {
        if (!close_para(m))
            return false;
        m->depth = 0;
    }
    m->quote = quote;
    m->prev_blank = false;
    if (!lazy)
        return block_line(m, l, p, ind, quote);
    /* a paragraph's next line: a table's delimiter row, or text */
    if (m->npara == 1 && memchr(s + m->para[0].a, '|', m->para[0].e - m->para[0].a)
        && delimiter_row(s, p, e)) {
        m->npara = 0;  /* the open "paragraph" was the table's header */
        m->table = true;
        return true;
    }
    return add_line(m, p, trim_end(s, p, e));
}

summ_status
summ__read_markdown(doc *d, const input_env *env, summ_err *err)
{
    (void)env;
    (void)err;
    tbuild b;
    summ__tb_init(&b, d->ar, d->src, d->srclen);
    md m0 = { .b = &b, .s = d->src, .n = d->srclen, .pkind = BLOCK_PROSE };
    md *m = &m0;
    m->sc.al = d->ar->al;
    summ__strset_init(&m->refs, d->ar->al);
    bool ok = true;
    size_t p = front_matter(d->src, d->start, d->srclen);
    ok = collect_refs(m, p);
    while (ok && p < m->n && !b.failed) {
        tline l = tline_at(m->s, m->n, p);
        size_t c = l.a;
        int quote = 0;
        for (;;) {  /* block-quote marks, each with up to 3 spaces before */
            size_t q = c, sp = 0;
            while (q < l.e && m->s[q] == ' ' && sp < 3) {
                q++;
                sp++;
            }
            if (q >= l.e || m->s[q] != '>' || quote >= QUOTE_MAX)
                break;
            quote++;
            c = q + 1;
            if (c < l.e && is_hsp(m->s[c]))
                c++;
        }
        ok = line(m, l, c, quote);
        p = l.next;
    }
    if (ok)
        ok = close_para(m);
    summ__md_scratch_free(&m->sc);
    summ__free(d->ar->al, m->para);
    summ__strset_free(&m->refs);
    if (!ok)
        return SUMM_ENOMEM;
    return summ__tb_finish(&b, d);
}

/* ---- sniffing --------------------------------------------------------------- */

/* Could one of the eight bytes of w begin an inline mark the sniffer
 * counts ("](", "![", "**", "`")? Most of a text's bytes cannot: they are
 * passed over eight at a time. */
static inline bool
may_mark(uint64_t w)
{
    return has_byte(w, ']') || has_byte(w, '!') || has_byte(w, '*') || has_byte(w, '`');
}

/* Does s[0 .. n) hold any of the bytes of set? */
static bool
has_any(const char *s, size_t n, const char *set)
{
    for (; *set; set++)
        if (memchr(s, *set, n))
            return true;
    return false;
}

bool
summ__sniff_markdown(const char *s, size_t n)
{
    if (n > SNIFF_MAX)
        n = SNIFF_MAX;
    /* Every mark counted below needs one of these bytes but the setext
     * underline ("===", "---"), and one kind of mark is not enough (kinds
     * >= 2): a text without any of them (most prose) is not Markdown, and
     * a few memchr calls tell so without reading it line by line. */
    if (!has_any(s, n, "#`|[*~"))
        return false;
    size_t first = skip_hsp(s, 0, n);
    while (first < n && (s[first] == '\n' || s[first] == '\r' || is_hsp(s[first])))
        first++;
    if (ascii_iprefix(s, first, n, "<!doctype") || ascii_iprefix(s, first, n, "<html")
        || ascii_iprefix(s, first, n, "<?xml"))
        return false;  /* a web page */
    size_t fences = 0, atxs = 0, setexts = 0, tables = 0, links = 0, images = 0, refs = 0;
    size_t strong = 0, code = 0;
    bool prev_text = false, prev_pipe = false;
    for (size_t p = 0; p < n; ) {
        tline l = tline_at(s, n, p);
        size_t q;
        size_t ind = indent(s, l.a, l.e, &q);
        char ch;
        size_t ca, ce, la, le;
        bool foot;
        if (ind <= 3 && fence_len(s, q, l.e, &ch))
            fences++;
        else if (ind <= 3 && !prev_text && atx(s, q, l.e, &ca, &ce) && ce > ca)
            atxs++;  /* after a blank line: not a run of "# " comments */
        else if (ind <= 3 && prev_text && setext(s, q, l.e) == 1 && l.e - q >= 3)
            setexts++;
        else if (prev_pipe && delimiter_row(s, q, l.e))
            tables++;
        else if (ind <= 3 && ref_def(s, q, l.e, &la, &le, &foot) && !foot)
            refs++;
        /* inline marks: "](", "![", "**x**", "`x`" */
        for (size_t i = q; i + 1 < l.e; i++) {
            if (i + 8 <= l.e && !may_mark(load64(s + i))) {
                i += 7;
                continue;
            }
            char c = s[i];
            if (c == ']' && s[i + 1] == '(' && memchr(s + q, '[', i - q))
                links++;
            else if (c == '!' && s[i + 1] == '[')
                images++;
            else if (c == '*' && s[i + 1] == '*' && i + 2 < l.e && !is_hsp(s[i + 2])
                     && (i == q || is_hsp(s[i - 1])))
                strong++;
            else if (c == '`' && s[i + 1] != '`' && !is_hsp(s[i + 1])
                     && (i == q || s[i - 1] != '`')) {
                const char *z = memchr(s + i + 1, '`', l.e - i - 1);
                if (z && z[-1] != ' ' && (size_t)(z - s) + 1 < l.e && z[1] != '`'
                    && z[1] != '\'') {
                    code++;
                    i = (size_t)(z - s);
                }
            }
        }
        prev_text = !is_blank(s, l.a, l.e);
        prev_pipe = memchr(s + l.a, '|', l.e - l.a) != NULL;
        p = l.next;
    }
#define CAP(x, k) ((x) < (k) ? (x) : (k))
    size_t kinds = (fences >= 2) + (atxs > 0) + (setexts > 0) + (tables > 0) + (links > 0)
                   + (images > 0) + (refs > 0) + (strong > 0) + (code > 0);
    size_t score = 3 * CAP(fences / 2, 3) + 2 * CAP(atxs, 5) + 2 * CAP(setexts, 3)
                   + 3 * CAP(tables, 2) + 2 * CAP(links, 5) + 2 * CAP(images, 3)
                   + 2 * CAP(refs, 3) + CAP(strong, 5) + CAP(code, 5);
#undef CAP
    return kinds >= 2 && score >= 6;
}
