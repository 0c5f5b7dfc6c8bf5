/* extract.c - the main text of a web page: the article, without
 * navigation, menus, footers, banners, share bars, related links and
 * comments.
 *
 * The search is Mozilla Readability's (Readability.js, Arc90 2010 and
 * Mozilla, Apache-2.0), on our tree (html.h) rather than a DOM: drop the
 * elements whose class, id or role say page furniture; read a <div> of
 * loose text as a paragraph; score each paragraph of 25 characters or
 * more by its length and commas, and give the score to its parent (all
 * of it), grandparent (half) and the ancestors above (a third of it per
 * level, to the fifth); weigh each ancestor by its tag and class/id and
 * by how little of its text is in links; take the best one (or an
 * ancestor that holds several nearly as good), and with it those of its
 * siblings that score well or are paragraphs of prose; then clean that:
 * drop forms, footers, asides, share bars, and lists, tables and <div>s
 * that are mostly links, images or inputs. If less than 500 characters
 * are left, run again with fewer rules (first without dropping unlikely
 * elements, then without class weights, then without cleaning) and keep
 * the longest result.
 *
 * The hint words (stopwords/html/) are data; the weights and thresholds
 * here are Readability's. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "input/html.h"
#include "text/chars.h"
#include "text/utf8.h"

#define FLAG_STRIP 1     /* drop unlikely elements before scoring */
#define FLAG_WEIGHT 2    /* weigh by class and id */
#define FLAG_CLEAN 4     /* drop fishy lists, tables, <div>s from the article */
#define TOP_CANDIDATES 5
#define CHAR_THRESHOLD 500

typedef struct vec {
    uint32_t *v;
    size_t n, cap;
} vec;

typedef struct ex {
    htree *t;
    const hints *h;
    int flags;
    const char *title;        /* the page's title, for the heading that repeats it */
    size_t title_len;
    uint32_t headline;        /* that heading, once removed */
    bool byline;              /* a byline was found (and dropped) */
    vec score, cands, list;
    bool failed;
} ex;

static void
push(ex *x, vec *v, uint32_t k)
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

static hnode *
N(const ex *x, uint32_t k)
{
    return &x->t->n[k];
}

static bool
is_heading(uint16_t tag)
{
    return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

/* ---- the title ------------------------------------------------------------- */

static size_t
word_count(const char *s, size_t n)
{
    size_t w = 1;
    bool gap = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f';
        if (sp && !gap)
            w++;
        gap = sp;
    }
    return w;
}

static bool
is_sep(char c)
{
    return c == '|' || c == '-' || c == '\\' || c == '/' || c == '>';
}

/* A separator at s[i]: one of | - \ / > or "»" (2 bytes); its length or 0. */
static size_t
sep_at(const char *s, size_t n, size_t i, bool hierarchical_only)
{
    if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xBB)
        return 2;
    if (hierarchical_only)
        return s[i] == '\\' || s[i] == '/' || s[i] == '>';
    return is_sep(s[i]);
}

static void
trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && is_space((unsigned char)s[*a]))
        (*a)++;
    while (*b > *a && is_space((unsigned char)s[*b - 1]))
        (*b)--;
}

void
summ__extract_title_cut(const htree *t, const char *s, size_t n, size_t *from, size_t *to)
{
    (void)t;
    size_t a = 0, b = n;
    trim(s, &a, &b);
    size_t oa = a, ob = b;
    /* " | ", " - ", " » " ...: the site's name is after the last one, or
     * before the first if what is left is too short */
    size_t last = SIZE_MAX, first = SIZE_MAX;
    bool hier = false;
    for (size_t i = a; i + 1 < b; i++) {
        size_t l = sep_at(s, b, i, false);
        if (!l)
            continue;
        if (first == SIZE_MAX)
            first = i;
        if (i > a && s[i - 1] == ' ' && i + l < b && s[i + l] == ' ') {
            last = i;
            hier |= sep_at(s, b, i, true) > 0;
        }
    }
    if (last != SIZE_MAX) {
        size_t na = a, nb = last;
        trim(s, &na, &nb);
        if (word_count(s + na, nb - na) < 3 && first != SIZE_MAX) {
            na = first + sep_at(s, b, first, false);
            nb = b;
            trim(s, &na, &nb);
        }
        a = na;
        b = nb;
    } else {
        const char *colon = NULL;
        for (size_t i = a; i + 1 < b; i++)
            if (s[i] == ':' && s[i + 1] == ' ')
                colon = s + i;
        if (colon) {
            size_t lc = (size_t)(colon - s), fc = a;
            while (fc < b && s[fc] != ':')
                fc++;
            size_t na = lc + 1, nb = b;
            trim(s, &na, &nb);
            if (word_count(s + na, nb - na) < 3) {
                na = fc + 1;
                nb = b;
                trim(s, &na, &nb);
            } else if (word_count(s + a, fc - a) > 5) {
                na = a;
            }
            a = na;
            b = nb;
        }
    }
    /* four words or fewer: the whole title, unless the cut was one word
     * off a hierarchy ("Section / Page") */
    size_t wc = word_count(s + a, b - a), ow = 0;
    /* the words of the whole title, separators not counted */
    for (size_t i = oa; i < ob;) {
        while (i < ob && is_space((unsigned char)s[i]))
            i++;
        bool word = false;
        while (i < ob && !is_space((unsigned char)s[i])) {
            size_t l = sep_at(s, ob, i, false);
            word |= l == 0;
            i += l ? l : 1;
        }
        ow += word;
    }
    if (wc <= 4 && (!hier || wc + 1 != ow)) {
        a = oa;
        b = ob;
    }
    *from = a;
    *to = b;
}

/* Readability's _textSimilarity: the share of B's text (by characters of
 * its words) that is made of words A has too. Words: runs of letters and
 * digits, ASCII lower-cased. */
static double
similarity(const char *a, size_t an, const char *b, size_t bn)
{
    size_t total = 0, uniq = 0, words = 0, uwords = 0;
    const unsigned char *ub = (const unsigned char *)b;
    for (size_t i = 0; i < bn;) {
        int32_t c;
        size_t m = utf8_dec(ub, i, bn, &c);
        if (!is_word_cp(c)) {
            i += m;
            continue;
        }
        size_t j = i;
        while (j < bn) {
            size_t mm = utf8_dec(ub, j, bn, &c);
            if (!is_word_cp(c))
                break;
            j += mm;
        }
        /* is b[i .. j) a word of a? */
        bool found = false;
        const unsigned char *ua = (const unsigned char *)a;
        for (size_t p = 0; p < an && !found;) {
            size_t mm = utf8_dec(ua, p, an, &c);
            if (!is_word_cp(c)) {
                p += mm;
                continue;
            }
            size_t q = p;
            while (q < an) {
                size_t m3 = utf8_dec(ua, q, an, &c);
                if (!is_word_cp(c))
                    break;
                q += m3;
            }
            if (q - p == j - i) {
                found = true;
                for (size_t k = 0; k < j - i && found; k++) {
                    unsigned char x1 = ua[p + k], y1 = ub[i + k];
                    if (x1 >= 'A' && x1 <= 'Z')
                        x1 |= 0x20;
                    if (y1 >= 'A' && y1 <= 'Z')
                        y1 |= 0x20;
                    found = x1 == y1;
                }
            }
            p = q;
        }
        total += j - i;
        words++;
        if (!found) {
            uniq += j - i;
            uwords++;
        }
        i = j;
    }
    if (!words || !an)
        return 0;
    /* lengths of the words joined by single spaces */
    double db = (double)(total + words - 1);
    double du = uwords ? (double)(uniq + uwords - 1) : 0;
    return 1 - du / db;
}

/* ---- prepping -------------------------------------------------------------- */

static bool
without_content(const ex *x, uint32_t k)
{
    const hnode *n = N(x, k);
    if (n->ink)
        return false;
    for (uint32_t c = n->first; c; c = N(x, c)->next) {
        const hnode *m = N(x, c);
        if (!(m->flags & HN_TEXT) && m->tag != GUMBO_TAG_BR && m->tag != GUMBO_TAG_HR)
            return false;
    }
    return true;
}

static size_t
element_children(const ex *x, uint32_t k, uint32_t *only)
{
    size_t c = 0;
    for (uint32_t m = N(x, k)->first; m; m = N(x, m)->next)
        if (!(N(x, m)->flags & HN_TEXT)) {
            c++;
            *only = m;
        }
    return c;
}

/* One element child of tag, and no text but white space. */
static bool
single_tag_inside(const ex *x, uint32_t k, uint16_t tag)
{
    uint32_t only = 0;
    if (element_children(x, k, &only) != 1 || N(x, only)->tag != tag)
        return false;
    for (uint32_t m = N(x, k)->first; m; m = N(x, m)->next)
        if ((N(x, m)->flags & HN_TEXT) && N(x, m)->ink)
            return false;
    return true;
}

/* Anything under k that is a block for Readability's div-to-p rule. */
static bool
has_child_block(const ex *x, uint32_t k)
{
    uint32_t end = summ__htree_next(x->t, k, true);
    for (uint32_t m = summ__htree_next(x->t, k, false); m && m != end;
         m = summ__htree_next(x->t, m, false)) {
        switch (N(x, m)->tag) {
        case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DL: case GUMBO_TAG_DIV: case GUMBO_TAG_IMG:
        case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
        case GUMBO_TAG_UL:
            return true;
        default:
            break;
        }
    }
    return false;
}

static bool
is_ws_node(const ex *x, uint32_t k)
{
    const hnode *n = N(x, k);
    return (n->flags & HN_WS) || n->tag == GUMBO_TAG_BR;
}

/* Put k's loose phrasing content into <p>s. */
static void
wrap_phrasing(ex *x, uint32_t k)
{
    htree *t = x->t;
    uint32_t p = 0;
    for (uint32_t c = N(x, k)->first; c && !x->failed;) {
        uint32_t next = N(x, c)->next;
        if (summ__htree_phrasing(t, c)) {
            if (p) {
                summ__htree_append(t, p, c);
            } else if (!is_ws_node(x, c)) {
                if (!(p = summ__htree_new(t, GUMBO_TAG_P))) {
                    x->failed = true;
                    return;
                }
                /* the new <p> takes c's place */
                summ__htree_insert_before(t, c, p);
                summ__htree_append(t, p, c);
            }
        } else if (p) {
            while (N(x, p)->last && is_ws_node(x, N(x, p)->last))
                summ__htree_remove(t, N(x, p)->last);
            p = 0;
        }
        c = next;
    }
}

/* Replace node k by its child c in k's parent (k's other children, white
 * space, go with it). */
static void
replace_by_child(ex *x, uint32_t k, uint32_t c)
{
    summ__htree_insert_before(x->t, k, c);
    summ__htree_remove(x->t, k);
}

static void
remove_node(ex *x, uint32_t *k)
{
    uint32_t next = summ__htree_next(x->t, *k, true);
    summ__htree_remove(x->t, *k);
    *k = next;
}

/* A byline: short text in an element that says it is the author's. */
static bool
is_byline(const ex *x, uint32_t k)
{
    const hnode *n = N(x, k);
    return (n->flags & HN_BYLINE) && n->ink > 0 && summ__htree_length(x->t, k, 100) < 100;
}

/* An <h1> or <h2> that says the page's title again. */
static bool
repeats_title(const ex *x, uint32_t k)
{
    uint16_t tag = N(x, k)->tag;
    if ((tag != GUMBO_TAG_H1 && tag != GUMBO_TAG_H2) || !x->title_len)
        return false;
    char buf[1024];
    size_t n = summ__htree_text(x->t, k, buf, sizeof buf);
    return similarity(x->title, x->title_len, buf, n) > 0.75;
}

/* Walk the page as Readability's first loop: drop what is unlikely to be
 * content, make <div>s of text paragraphs, collect the elements to score. */
static void
prep(ex *x)
{
    htree *t = x->t;
    bool title_header = true;
    uint32_t k = t->html;
    x->score.n = 0;
    while (k && !x->failed) {
        hnode *n = N(x, k);
        if (!x->byline && is_byline(x, k)) {
            x->byline = true;
            remove_node(x, &k);
            continue;
        }
        if (title_header && repeats_title(x, k)) {
            title_header = false;
            x->headline = k;
            remove_node(x, &k);
            continue;
        }
        if (x->flags & FLAG_STRIP) {
            if ((n->flags & HN_UNLIKELY) && n->tag != GUMBO_TAG_BODY && n->tag != GUMBO_TAG_A
                && !summ__htree_has_ancestor(t, k, GUMBO_TAG_TABLE, 3)
                && !summ__htree_has_ancestor(t, k, GUMBO_TAG_CODE, 3)) {
                remove_node(x, &k);
                continue;
            }
            if (n->flags & HN_ROLE) {
                remove_node(x, &k);
                continue;
            }
        }
        uint16_t tag = n->tag;
        if ((tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_HEADER
             || is_heading(tag))
            && without_content(x, k)) {
            remove_node(x, &k);
            continue;
        }
        if (tag == GUMBO_TAG_SECTION || (is_heading(tag) && tag != GUMBO_TAG_H1)
            || tag == GUMBO_TAG_P || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_PRE)
            push(x, &x->score, k);
        if (tag == GUMBO_TAG_DIV) {
            wrap_phrasing(x, k);
            uint32_t only = 0;
            if (single_tag_inside(x, k, GUMBO_TAG_P)
                && (element_children(x, k, &only), ht_link_density(N(x, k)) < 0.25)) {
                replace_by_child(x, k, only);
                k = only;
                push(x, &x->score, k);
            } else if (!has_child_block(x, k)) {
                N(x, k)->tag = GUMBO_TAG_P;
                push(x, &x->score, k);
            }
        }
        k = summ__htree_next(t, k, false);
    }
}

/* ---- scoring --------------------------------------------------------------- */

static void
init_node(ex *x, uint32_t k)
{
    hnode *n = N(x, k);
    n->flags |= HN_SCORED;
    n->score = 0;
    switch (n->tag) {
    case GUMBO_TAG_DIV:
        n->score += 5;
        break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
        n->score += 3;
        break;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
        n->score -= 3;
        break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH:
        n->score -= 5;
        break;
    default:
        break;
    }
    if (x->flags & FLAG_WEIGHT)
        n->score += n->weight;
}

static int
weight(const ex *x, uint32_t k)
{
    return (x->flags & FLAG_WEIGHT) ? N(x, k)->weight : 0;
}

static void
score_paragraphs(ex *x)
{
    x->cands.n = 0;
    for (size_t i = 0; i < x->score.n && !x->failed; i++) {
        uint32_t k = x->score.v[i];
        const hnode *n = N(x, k);
        if ((n->flags & HN_REMOVED) || !n->parent || n->chars < 25)
            continue;
        size_t len = summ__htree_length(x->t, k, 300);
        if (len < 25)
            continue;
        double s = 1 + (n->commas + 1) + fmin(floor((double)len / 100.0), 3);
        int level = 0;
        for (uint32_t a = n->parent; a && level < 5; a = N(x, a)->parent, level++) {
            if (!N(x, a)->parent)
                continue;  /* <html> */
            if (!(N(x, a)->flags & HN_SCORED)) {
                init_node(x, a);
                push(x, &x->cands, a);
            }
            double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            N(x, a)->score += (float)(s / div);
        }
    }
}

static bool
ancestor_of(const ex *x, uint32_t a, uint32_t k)
{
    for (uint32_t p = N(x, k)->parent; p; p = N(x, p)->parent)
        if (p == a)
            return true;
    return false;
}

/* The element the article is, and the node made to hold it. */
static uint32_t
top_candidate(ex *x)
{
    uint32_t top[TOP_CANDIDATES];
    size_t ntop = 0;
    for (size_t i = 0; i < x->cands.n; i++) {
        uint32_t c = x->cands.v[i];
        hnode *n = N(x, c);
        n->score = (float)(n->score * (1 - ht_link_density(n)));
        for (size_t s = 0; s < TOP_CANDIDATES; s++) {
            if (s == ntop || n->score > N(x, top[s])->score) {
                size_t last = ntop < TOP_CANDIDATES ? ntop : TOP_CANDIDATES - 1;
                memmove(top + s + 1, top + s, (last - s) * sizeof *top);
                top[s] = c;
                if (ntop < TOP_CANDIDATES)
                    ntop++;
                break;
            }
        }
    }
    htree *t = x->t;
    uint32_t body = t->body;
    uint32_t tc = ntop ? top[0] : 0;
    if (!tc || N(x, tc)->tag == GUMBO_TAG_BODY || !body) {
        /* no candidate: the whole body */
        uint32_t holder = body ? body : t->html;
        uint32_t d = summ__htree_new(t, GUMBO_TAG_DIV);
        if (!d) {
            x->failed = true;
            return 0;
        }
        while (N(x, holder)->first)
            summ__htree_append(t, d, N(x, holder)->first);
        summ__htree_append(t, holder, d);
        init_node(x, d);
        return d;
    }
    /* several near the best, under one ancestor: that ancestor */
    size_t alt = 0;
    for (size_t i = 1; i < ntop; i++)
        if (N(x, top[i])->score / N(x, tc)->score >= 0.75)
            alt++;
    if (alt >= 3) {
        for (uint32_t p = N(x, tc)->parent; p && N(x, p)->tag != GUMBO_TAG_BODY; p = N(x, p)->parent) {
            size_t holding = 0;
            for (size_t i = 1; i < ntop && holding < 3; i++)
                if (N(x, top[i])->score / N(x, tc)->score >= 0.75 && ancestor_of(x, p, top[i]))
                    holding++;
            if (holding >= 3) {
                tc = p;
                break;
            }
        }
    }
    if (!(N(x, tc)->flags & HN_SCORED))
        init_node(x, tc);
    /* a parent that scores higher holds more of the article */
    float last = N(x, tc)->score, floor3 = last / 3;
    for (uint32_t p = N(x, tc)->parent; p && N(x, p)->tag != GUMBO_TAG_BODY; p = N(x, p)->parent) {
        if (!(N(x, p)->flags & HN_SCORED))
            continue;
        if (N(x, p)->score < floor3)
            break;
        if (N(x, p)->score > last) {
            tc = p;
            break;
        }
        last = N(x, p)->score;
    }
    /* an only child: its parent, so that its siblings can join */
    uint32_t only;
    for (uint32_t p = N(x, tc)->parent; p && N(x, p)->tag != GUMBO_TAG_BODY
                                         && element_children(x, p, &only) == 1;
         p = N(x, tc)->parent)
        tc = p;
    if (!(N(x, tc)->flags & HN_SCORED))
        init_node(x, tc);
    return tc;
}

/* Does the text of k have a full stop ("." before a space or at the end)? */
static bool
has_full_stop(const ex *x, uint32_t k)
{
    char buf[128];
    size_t n = summ__htree_text(x->t, k, buf, sizeof buf);
    for (size_t i = 0; i < n; i++)
        if (buf[i] == '.' && (i + 1 == n || buf[i + 1] == ' '))
            return true;
    return false;
}

/* The article: the top candidate and the siblings that go with it, moved
 * into a node of their own. */
static uint32_t
gather(ex *x, uint32_t tc)
{
    htree *t = x->t;
    uint32_t art = summ__htree_new(t, GUMBO_TAG_DIV);
    if (!art) {
        x->failed = true;
        return 0;
    }
    uint32_t parent = N(x, tc)->parent;
    if (!parent) {
        summ__htree_append(t, art, tc);
        return art;
    }
    float threshold = fmaxf(10.0f, N(x, tc)->score * 0.2f);
    for (uint32_t s = N(x, parent)->first; s;) {
        uint32_t next = N(x, s)->next;
        hnode *n = N(x, s);
        if (n->flags & HN_TEXT) {
            s = next;
            continue;
        }
        bool append = s == tc;
        if (!append) {
            float bonus = n->cls && n->cls == N(x, tc)->cls ? N(x, tc)->score * 0.2f : 0;
            if ((n->flags & HN_SCORED) && n->score + bonus >= threshold) {
                append = true;
            } else if (n->tag == GUMBO_TAG_P) {
                double ld = ht_link_density(n);
                size_t len = summ__htree_length(t, s, 81);
                if (len > 80 && ld < 0.25)
                    append = true;
                else if (len < 80 && len > 0 && ld == 0 && has_full_stop(x, s))
                    append = true;
            }
        }
        if (append) {
            if (n->tag != GUMBO_TAG_DIV && n->tag != GUMBO_TAG_ARTICLE
                && n->tag != GUMBO_TAG_SECTION && n->tag != GUMBO_TAG_P)
                n->tag = GUMBO_TAG_DIV;
            summ__htree_append(t, art, s);
        }
        s = next;
    }
    return art;
}

/* ---- cleaning the article -------------------------------------------------- */

/* The descendants of k with tag (any if tag is 0), in document order, in
 * x->list. */
static void
collect(ex *x, uint32_t k, uint16_t tag)
{
    x->list.n = 0;
    uint32_t end = summ__htree_next(x->t, k, true);
    for (uint32_t m = summ__htree_next(x->t, k, false); m && m != end;
         m = summ__htree_next(x->t, m, false))
        if (N(x, m)->tag == tag)
            push(x, &x->list, m);
}

static void
clean_tag(ex *x, uint32_t art, uint16_t tag)
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
mark_data_tables(ex *x, uint32_t art)
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
count_under(const ex *x, uint32_t k, counts *c)
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
in_data_table(const ex *x, uint32_t k)
{
    for (uint32_t a = N(x, k)->parent; a; a = N(x, a)->parent)
        if (N(x, a)->tag == GUMBO_TAG_TABLE && (N(x, a)->flags & HN_DATATABLE))
            return true;
    return false;
}

/* Is the node fishy: mostly links, images, inputs or embeds, too short? */
static bool
fishy(ex *x, uint32_t k, uint16_t tag)
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
            if (!(N(x, m)->flags & HN_TEXT) && element_children(x, m, &only) > 1)
                return true;
        }
        if (c.img == c.li)
            return false;
    }
    return bad;
}

static void
clean_fishy(ex *x, uint32_t art, uint16_t tag)
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
clean_share(ex *x, uint32_t art)
{
    for (uint32_t part = N(x, art)->first; part; part = N(x, part)->next) {
        if (N(x, part)->flags & HN_TEXT)
            continue;
        uint32_t end = summ__htree_next(x->t, part, true);
        for (uint32_t m = summ__htree_next(x->t, part, false); m && m != end;) {
            if ((N(x, m)->flags & HN_SHARE) && N(x, m)->chars < CHAR_THRESHOLD)
                remove_node(x, &m);
            else
                m = summ__htree_next(x->t, m, false);
        }
    }
}

static void
clean_article(ex *x, uint32_t art)
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

/* ---- the search ------------------------------------------------------------ */

/* One run with x->flags: the article's node, or 0. */
static uint32_t
grab(ex *x)
{
    x->headline = 0;
    x->byline = false;
    prep(x);
    score_paragraphs(x);
    uint32_t tc = top_candidate(x);
    if (!tc || x->failed)
        return 0;
    uint32_t art = gather(x, tc);
    if (art && !x->failed)
        clean_article(x, art);
    return x->failed ? 0 : art;
}

summ_status
summ__extract(htree *t, const GumboOutput *out, const hints *h, uint32_t **roots,
              size_t *nroots, uint32_t *headline)
{
    *roots = NULL;
    *nroots = 0;
    *headline = 0;
    if (!t->html)
        return SUMM_OK;
    ex x = { .t = t, .h = h };
    /* the page's title: the <meta> one, else <title> without the site */
    char tbuf[512];
    if (t->meta_title) {
        x.title = t->meta_title;
        x.title_len = t->meta_title_len;
    } else if (t->title) {
        const char *s = t->title->v.text.text;
        size_t from, to;
        summ__extract_title_cut(t, s, strlen(s), &from, &to);
        size_t n = to - from < sizeof tbuf ? to - from : sizeof tbuf - 1;
        memcpy(tbuf, s + from, n);
        x.title = tbuf;
        x.title_len = n;
    }
    /* Every run starts from the page as it was: the tree is made again
     * (a copy of it would cost as much memory as the tree, for a second
     * run few pages need). */
    static const int runs[] = { FLAG_STRIP | FLAG_WEIGHT | FLAG_CLEAN, FLAG_WEIGHT | FLAG_CLEAN,
                                FLAG_CLEAN, 0 };
    size_t best_chars = 0;
    int best = -1, last = -1;
    uint32_t art = 0;
    for (int r = 0; r < 5; r++) {
        int flags = r < 4 ? runs[r] : runs[best];
        if (r == 4 && best == last)
            break;  /* the longest was the last: it stands */
        if (r) {
            summ_status st = summ__htree_build(t, t->ar, t->buf, out);
            if (st != SUMM_OK)
                return st;
            summ__htree_annotate(t, h);
        }
        x.flags = flags;
        art = grab(&x);
        if (x.failed || t->failed)
            return SUMM_ENOMEM;
        last = r < 4 ? r : best;
        size_t chars = art ? summ__htree_length(t, art, SIZE_MAX) : 0;
        if (r == 4 || chars >= CHAR_THRESHOLD)
            break;
        if (best < 0 || chars > best_chars) {
            best_chars = chars;
            best = r;
        }
    }
    if (!art)
        return SUMM_OK;
    uint32_t *v = summ__arena_alloc(t->ar, sizeof *v);
    if (!v)
        return SUMM_ENOMEM;
    v[0] = art;
    *roots = v;
    *nroots = 1;
    *headline = x.headline;
    return SUMM_OK;
}
