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

#define TOP_CANDIDATES 5

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
without_content(const search *x, uint32_t k)
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

/* One element child of tag, and no text but white space. */
static bool
single_tag_inside(const search *x, uint32_t k, uint16_t tag)
{
    uint32_t only = 0;
    if (summ__search_elements(x, k, &only) != 1 || N(x, only)->tag != tag)
        return false;
    for (uint32_t m = N(x, k)->first; m; m = N(x, m)->next)
        if ((N(x, m)->flags & HN_TEXT) && N(x, m)->ink)
            return false;
    return true;
}

/* Anything under k that is a block for Readability's div-to-p rule. */
static bool
has_child_block(const search *x, uint32_t k)
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
is_ws_node(const search *x, uint32_t k)
{
    const hnode *n = N(x, k);
    return (n->flags & HN_WS) || n->tag == GUMBO_TAG_BR;
}

/* Put k's loose phrasing content into <p>s. */
static void
wrap_phrasing(search *x, uint32_t k)
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
replace_by_child(search *x, uint32_t k, uint32_t c)
{
    summ__htree_insert_before(x->t, k, c);
    summ__htree_remove(x->t, k);
}

/* A byline: short text in an element that says it is the author's. */
static bool
is_byline(const search *x, uint32_t k)
{
    const hnode *n = N(x, k);
    return (n->flags & HN_BYLINE) && n->ink > 0 && summ__htree_length(x->t, k, 100) < 100;
}

/* An <h1> or <h2> that says the page's title again. */
static bool
repeats_title(const search *x, uint32_t k)
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
prep(search *x)
{
    htree *t = x->t;
    bool title_header = true;
    uint32_t k = t->html;
    x->score.n = 0;
    while (k && !x->failed) {
        hnode *n = N(x, k);
        if (!x->byline && is_byline(x, k)) {
            x->byline = true;
            summ__search_drop(x, &k);
            continue;
        }
        if (title_header && repeats_title(x, k)) {
            title_header = false;
            x->headline = k;
            summ__search_drop(x, &k);
            continue;
        }
        if (x->flags & FLAG_STRIP) {
            if ((n->flags & HN_UNLIKELY) && n->tag != GUMBO_TAG_BODY && n->tag != GUMBO_TAG_A
                && !summ__htree_has_ancestor(t, k, GUMBO_TAG_TABLE, 3)
                && !summ__htree_has_ancestor(t, k, GUMBO_TAG_CODE, 3)) {
                summ__search_drop(x, &k);
                continue;
            }
            if (n->flags & HN_ROLE) {
                summ__search_drop(x, &k);
                continue;
            }
        }
        uint16_t tag = n->tag;
        if ((tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_HEADER
             || is_heading(tag))
            && without_content(x, k)) {
            summ__search_drop(x, &k);
            continue;
        }
        if (tag == GUMBO_TAG_SECTION || (is_heading(tag) && tag != GUMBO_TAG_H1)
            || tag == GUMBO_TAG_P || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_PRE)
            summ__search_push(x, &x->score, k);
        if (tag == GUMBO_TAG_DIV) {
            wrap_phrasing(x, k);
            uint32_t only = 0;
            if (single_tag_inside(x, k, GUMBO_TAG_P)
                && (summ__search_elements(x, k, &only), ht_link_density(N(x, k)) < 0.25)) {
                replace_by_child(x, k, only);
                k = only;
                summ__search_push(x, &x->score, k);
            } else if (!has_child_block(x, k)) {
                N(x, k)->tag = GUMBO_TAG_P;
                summ__search_push(x, &x->score, k);
            }
        }
        k = summ__htree_next(t, k, false);
    }
}

/* ---- scoring --------------------------------------------------------------- */

static void
init_node(search *x, uint32_t k)
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

static void
score_paragraphs(search *x)
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
                summ__search_push(x, &x->cands, a);
            }
            double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            N(x, a)->score += (float)(s / div);
        }
    }
}

static bool
ancestor_of(const search *x, uint32_t a, uint32_t k)
{
    for (uint32_t p = N(x, k)->parent; p; p = N(x, p)->parent)
        if (p == a)
            return true;
    return false;
}

/* The element the article is, and the node made to hold it. */
static uint32_t
top_candidate(search *x)
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
                                         && summ__search_elements(x, p, &only) == 1;
         p = N(x, tc)->parent)
        tc = p;
    if (!(N(x, tc)->flags & HN_SCORED))
        init_node(x, tc);
    return tc;
}

/* Does the text of k have a full stop ("." before a space or at the end)? */
static bool
has_full_stop(const search *x, uint32_t k)
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
gather(search *x, uint32_t tc)
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

/* ---- the search ------------------------------------------------------------ */

/* One run with x->flags: the article's node, or 0. */
static uint32_t
grab(search *x)
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
        summ__clean_article(x, art);
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
    search x = { .t = t, .h = h };
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
