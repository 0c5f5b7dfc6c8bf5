/* clean.c - the article the search found (extract.c), cleaned as
 * Readability's _prepArticle cleans it: forms, embeds, footers, asides,
 * share bars, inputs and buttons out; headings that weigh against the
 * article out; then lists, tables and <div>s that look fishy (mostly
 * links, images, inputs or embeds, too short, or an ad label), data
 * tables kept whatever they hold; empty paragraphs out. */
#include <stdlib.h>
#include <string.h>

#include "input/html.h"

/* ---- the search's helpers (extract.c uses them too) ----------------------- */

void
summ__search_push(search *x, hvec *v, uint32_t k)
{
    if (x->failed)
        return;
    if (v->n == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 256;
        uint32_t *p = summ__arena_alloc(x->t->ar, ncap * sizeof *p);
        if (!p) {
            x->failed = true;
            return;
        }
        if (v->n)
            memcpy(p, v->v, v->n * sizeof *p);
        v->v = p;
        v->cap = ncap;
    }
    v->v[v->n++] = k;
}

size_t
summ__search_elements(const search *x, uint32_t k, uint32_t *only)
{
    size_t c = 0;
    for (uint32_t m = N(x, k)->first; m; m = N(x, m)->next)
        if (!(N(x, m)->flags & HN_TEXT)) {
            c++;
            *only = m;
        }
    return c;
}

void
summ__search_drop(search *x, uint32_t *k)
{
    uint32_t next = summ__htree_next(x->t, *k, true);
    summ__htree_remove(x->t, *k);
    *k = next;
}

/* ---- cleaning -------------------------------------------------------------- */

/* The descendants of k with tag (any if tag is 0), in document order, in
 * x->list. */
static void
collect(search *x, uint32_t k, uint16_t tag)
{
    x->list.n = 0;
    uint32_t end = summ__htree_next(x->t, k, true);
    for (uint32_t m = summ__htree_next(x->t, k, false); m && m != end;
         m = summ__htree_next(x->t, m, false))
        if (N(x, m)->tag == tag)
            summ__search_push(x, &x->list, m);
}

static void
clean_tag(search *x, uint32_t art, uint16_t tag)
{
    collect(x, art, tag);
    for (size_t i = x->list.n; i-- > 0;) {
        uint32_t k = x->list.v[i];
        bool embed = tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_EMBED || tag == GUMBO_TAG_IFRAME;
        if (embed && (N(x, k)->flags & HN_EMBED_OK))
            continue;
        summ__htree_remove(x->t, k);
    }
}

/* Readability's data tables: tables of data are kept whatever they hold. */
static void
mark_data_tables(search *x, uint32_t art)
{
    collect(x, art, GUMBO_TAG_TABLE);
    for (size_t i = 0; i < x->list.n; i++) {
        uint32_t k = x->list.v[i];
        hnode *n = N(x, k);
        n->flags &= (uint16_t)~HN_DATATABLE;
        const char *a = summ__htree_attr(x->t, k, "role");
        if (a && strcmp(a, "presentation") == 0)
            continue;
        a = summ__htree_attr(x->t, k, "datatable");
        if (a && strcmp(a, "0") == 0)
            continue;
        if (summ__htree_attr(x->t, k, "summary")) {
            n->flags |= HN_DATATABLE;
            continue;
        }
        bool data = false, nested = false, caption = false;
        size_t rows = 0, cols = 0, rowcols = 0;
        bool in_row = false;
        uint32_t end = summ__htree_next(x->t, k, true);
        for (uint32_t m = summ__htree_next(x->t, k, false); m && m != end;
             m = summ__htree_next(x->t, m, false)) {
            switch (N(x, m)->tag) {
            case GUMBO_TAG_CAPTION:
                caption |= N(x, m)->first != 0;
                break;
            case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_TFOOT:
            case GUMBO_TAG_THEAD: case GUMBO_TAG_TH:
                data = true;
                break;
            case GUMBO_TAG_TABLE:
                nested = true;
                break;
            case GUMBO_TAG_TR: {
                if (in_row && rowcols > cols)
                    cols = rowcols;
                const char *rs = summ__htree_attr(x->t, m, "rowspan");
                long r = rs ? strtol(rs, NULL, 10) : 0;
                rows += r > 0 ? (size_t)r : 1;
                rowcols = 0;
                in_row = true;
                break;
            }
            case GUMBO_TAG_TD: {
                const char *cs = summ__htree_attr(x->t, m, "colspan");
                long c = cs ? strtol(cs, NULL, 10) : 0;
                rowcols += c > 0 ? (size_t)c : 1;
                break;
            }
            default:
                break;
            }
        }
        if (in_row && rowcols > cols)
            cols = rowcols;
        if (caption || data) {
            n->flags |= HN_DATATABLE;
            continue;
        }
        if (nested || cols == 1 || rows == 1)
            continue;
        if (rows >= 10 || cols > 4 || rows * cols > 10)
            n->flags |= HN_DATATABLE;
    }
}

/* What Readability's _cleanConditionally counts under a node. */
typedef struct counts {
    size_t p, img, li, input, embed;
    double heading, list;     /* characters under headings, under lists */
    bool textish;             /* text in a span, li, td, div, p, ... */
    bool datatable;           /* a data table inside */
    bool video;               /* an embedded video inside */
} counts;

static void
count_under(const search *x, uint32_t k, counts *c)
{
    memset(c, 0, sizeof *c);
    uint32_t end = summ__htree_next(x->t, k, true);
    for (uint32_t m = summ__htree_next(x->t, k, false); m && m != end;
         m = summ__htree_next(x->t, m, false)) {
        const hnode *n = N(x, m);
        switch (n->tag) {
        case GUMBO_TAG_P: c->p++; c->textish |= n->ink > 0; break;
        case GUMBO_TAG_IMG: c->img++; break;
        case GUMBO_TAG_LI: c->li++; c->textish |= n->ink > 0; break;
        case GUMBO_TAG_INPUT: c->input++; break;
        case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_IFRAME:
            c->embed++;
            c->video |= (n->flags & HN_EMBED_OK) != 0;
            break;
        case GUMBO_TAG_UL: case GUMBO_TAG_OL:
            c->list += n->chars;
            c->textish |= n->ink > 0;
            break;
        case GUMBO_TAG_TABLE:
            c->datatable |= (n->flags & HN_DATATABLE) != 0;
            c->textish |= n->ink > 0;
            break;
        case GUMBO_TAG_SPAN: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DL:
        case GUMBO_TAG_DIV: case GUMBO_TAG_PRE:
            c->textish |= n->ink > 0;
            break;
        default:
            if (is_heading(n->tag))
                c->heading += n->chars;
            break;
        }
    }
}

static bool
in_data_table(const search *x, uint32_t k)
{
    for (uint32_t a = N(x, k)->parent; a; a = N(x, a)->parent)
        if (N(x, a)->tag == GUMBO_TAG_TABLE && (N(x, a)->flags & HN_DATATABLE))
            return true;
    return false;
}

/* Is the node fishy: mostly links, images, inputs or embeds, too short? */
static bool
fishy(search *x, uint32_t k, uint16_t tag)
{
    const hnode *n = N(x, k);
    if (tag == GUMBO_TAG_TABLE && (n->flags & HN_DATATABLE))
        return false;
    if (in_data_table(x, k) || summ__htree_has_ancestor(x->t, k, GUMBO_TAG_CODE, 3))
        return false;
    counts c;
    count_under(x, k, &c);
    if (c.datatable)
        return false;
    bool list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL
                || (n->chars && c.list / n->chars > 0.9);
    int w = weight(x, k);
    if (w < 0)
        return true;
    if (n->commas >= 10)
        return false;
    if (c.video)
        return false;
    if (n->ink <= 64) {
        char buf[128];
        size_t tl = summ__htree_text(x->t, k, buf, sizeof buf);
        if (tl < sizeof buf - 1 && summ__hints_is_label(x->h, buf, tl))
            return true;
    }
    double ld = ht_link_density(n), hd = n->chars ? c.heading / n->chars : 0;
    bool figure = summ__htree_has_ancestor(x->t, k, GUMBO_TAG_FIGURE, 3);
    long li = (long)c.li - 100;
    bool bad = (!figure && c.img > 1 && (double)c.p / (double)c.img < 0.5)
               || (!list && li > (long)c.p)
               || c.input > c.p / 3
               || (!list && !figure && hd < 0.9 && (c.img == 0 || c.img > 2) && ld > 0
                   && summ__htree_length(x->t, k, 25) < 25)
               || (!list && w < 25 && ld > 0.2)
               || (w >= 25 && ld > 0.5)
               || (c.embed == 1 && summ__htree_length(x->t, k, 75) < 75) || c.embed > 1
               || (c.img == 0 && !c.textish);
    if (list && bad) {
        /* a list of images may stay */
        for (uint32_t m = n->first; m; m = N(x, m)->next) {
            uint32_t only;
            if (!(N(x, m)->flags & HN_TEXT) && summ__search_elements(x, m, &only) > 1)
                return true;
        }
        if (c.img == c.li)
            return false;
    }
    return bad;
}

static void
clean_fishy(search *x, uint32_t art, uint16_t tag)
{
    if (!(x->flags & FLAG_CLEAN))
        return;
    collect(x, art, tag);
    /* a copy: fishy() collects too */
    size_t n = x->list.n;
    uint32_t *v = summ__arena_alloc(x->t->ar, (n ? n : 1) * sizeof *v);
    if (!v) {
        x->failed = true;
        return;
    }
    if (n)
        memcpy(v, x->list.v, n * sizeof *v);
    for (size_t i = n; i-- > 0;)
        if (!(N(x, v[i])->flags & HN_REMOVED) && fishy(x, v[i], tag))
            summ__htree_remove(x->t, v[i]);
}

/* Share bars with little text, under the article's parts. */
static void
clean_share(search *x, uint32_t art)
{
    for (uint32_t part = N(x, art)->first; part; part = N(x, part)->next) {
        if (N(x, part)->flags & HN_TEXT)
            continue;
        uint32_t end = summ__htree_next(x->t, part, true);
        for (uint32_t m = summ__htree_next(x->t, part, false); m && m != end;) {
            if ((N(x, m)->flags & HN_SHARE) && N(x, m)->chars < CHAR_THRESHOLD)
                summ__search_drop(x, &m);
            else
                m = summ__htree_next(x->t, m, false);
        }
    }
}

void
summ__clean_article(search *x, uint32_t art)
{
    mark_data_tables(x, art);
    clean_fishy(x, art, GUMBO_TAG_FORM);
    clean_fishy(x, art, GUMBO_TAG_FIELDSET);
    clean_tag(x, art, GUMBO_TAG_OBJECT);
    clean_tag(x, art, GUMBO_TAG_EMBED);
    clean_tag(x, art, GUMBO_TAG_FOOTER);
    clean_tag(x, art, GUMBO_TAG_LINK);
    clean_tag(x, art, GUMBO_TAG_ASIDE);
    clean_share(x, art);
    clean_tag(x, art, GUMBO_TAG_IFRAME);
    clean_tag(x, art, GUMBO_TAG_INPUT);
    clean_tag(x, art, GUMBO_TAG_TEXTAREA);
    clean_tag(x, art, GUMBO_TAG_SELECT);
    clean_tag(x, art, GUMBO_TAG_BUTTON);
    /* headings that weigh against the article */
    collect(x, art, GUMBO_TAG_H1);
    for (size_t i = x->list.n; i-- > 0;)
        if (weight(x, x->list.v[i]) < 0)
            summ__htree_remove(x->t, x->list.v[i]);
    collect(x, art, GUMBO_TAG_H2);
    for (size_t i = x->list.n; i-- > 0;)
        if (weight(x, x->list.v[i]) < 0)
            summ__htree_remove(x->t, x->list.v[i]);
    clean_fishy(x, art, GUMBO_TAG_TABLE);
    clean_fishy(x, art, GUMBO_TAG_UL);
    clean_fishy(x, art, GUMBO_TAG_DIV);
    /* empty paragraphs (a <p> of only an image is not: it shows) */
    collect(x, art, GUMBO_TAG_P);
    for (size_t i = x->list.n; i-- > 0;) {
        uint32_t k = x->list.v[i];
        if (N(x, k)->ink)
            continue;
        counts c;
        count_under(x, k, &c);
        if (c.img + c.embed == 0)
            summ__htree_remove(x->t, k);
    }
}

