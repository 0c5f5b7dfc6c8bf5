/* htree.c - the HTML format's tree (html.h): made from gumbo's, with what
 * the attributes say (hidden, class/id hints, links, roles) and the size
 * of the text under each node, and the few edits the main-text search
 * makes to it (remove, append, make a node). */
#include <string.h>
#include <strings.h>

#include "input/html.h"
#include "text/chars.h"
#include "text/fold.h"
#include "text/utf8.h"

/* ---- building --------------------------------------------------------------- */

static uint32_t
new_node(htree *t, uint16_t tag, const GumboNode *g)
{
    if (t->failed)
        return 0;
    /* the array grows with realloc: it is the biggest thing a page makes,
     * and an arena would keep every size it outgrew */
    if (t->count == t->cap
        && (t->count >= UINT32_MAX / 2
            || !summ__grow(t->ar->al, (void **)&t->n, &t->cap, t->count + 1, sizeof *t->n))) {
        t->failed = true;
        return 0;
    }
    uint32_t k = (uint32_t)t->count++;
    memset(&t->n[k], 0, sizeof t->n[k]);
    t->n[k].tag = t->n[k].etag = tag;
    t->n[k].g = g;
    return k;
}

static void
link_last(htree *t, uint32_t p, uint32_t k)
{
    hnode *n = t->n;
    n[k].parent = p;
    n[k].next = 0;
    n[k].prev = n[p].last;
    if (n[p].last)
        n[n[p].last].next = k;
    else
        n[p].first = k;
    n[p].last = k;
}

static void
unlink_node(htree *t, uint32_t k)
{
    hnode *n = t->n;
    uint32_t p = n[k].parent;
    if (!p)
        return;
    if (n[k].prev)
        n[n[k].prev].next = n[k].next;
    else
        n[p].first = n[k].next;
    if (n[k].next)
        n[n[k].next].prev = n[k].prev;
    else
        n[p].last = n[k].prev;
    n[k].parent = n[k].prev = n[k].next = 0;
}

uint32_t
summ__htree_new(htree *t, uint16_t tag)
{
    uint32_t k = new_node(t, tag, NULL);
    if (k)
        t->n[k].flags |= HN_MADE;
    return k;
}

/* Subtract k's text from its ancestors' (sign -1) or add it (+1). */
static void
carry(htree *t, uint32_t k, int sign)
{
    hnode *n = t->n;
    for (uint32_t a = n[k].parent; a; a = n[a].parent) {
        n[a].chars = (uint32_t)((int64_t)n[a].chars + sign * (int64_t)n[k].chars);
        n[a].commas = (uint32_t)((int64_t)n[a].commas + sign * (int64_t)n[k].commas);
        n[a].ink = (uint32_t)((int64_t)n[a].ink + sign * (int64_t)n[k].ink);
        n[a].links += (float)sign * n[k].links;
        if (n[a].links < 0)
            n[a].links = 0;
    }
}

void
summ__htree_remove(htree *t, uint32_t k)
{
    if (!k || (t->n[k].flags & HN_REMOVED))
        return;
    carry(t, k, -1);
    unlink_node(t, k);
    t->n[k].flags |= HN_REMOVED;
}

void
summ__htree_append(htree *t, uint32_t p, uint32_t k)
{
    carry(t, k, -1);
    unlink_node(t, k);
    link_last(t, p, k);
    carry(t, k, +1);
}

void
summ__htree_insert_before(htree *t, uint32_t ref, uint32_t k)
{
    carry(t, k, -1);
    unlink_node(t, k);
    hnode *n = t->n;
    uint32_t p = n[ref].parent;
    n[k].parent = p;
    n[k].next = ref;
    n[k].prev = n[ref].prev;
    if (n[ref].prev)
        n[n[ref].prev].next = k;
    else
        n[p].first = k;
    n[ref].prev = k;
    carry(t, k, +1);
}

uint32_t
summ__htree_next(const htree *t, uint32_t k, bool skip)
{
    const hnode *n = t->n;
    if (!skip) {
        for (uint32_t c = n[k].first; c; c = n[c].next)
            if (!(n[c].flags & HN_TEXT))
                return c;
    }
    for (uint32_t a = k; a; a = n[a].parent) {
        for (uint32_t s = n[a].next; s; s = n[s].next)
            if (!(n[s].flags & HN_TEXT))
                return s;
    }
    return 0;
}

bool
summ__htree_has_ancestor(const htree *t, uint32_t k, uint16_t tag, int depth)
{
    int d = 0;
    for (uint32_t a = t->n[k].parent; a; a = t->n[a].parent) {
        if (depth > 0 && d > depth)
            return false;
        if (t->n[a].tag == tag)
            return true;
        d++;
    }
    return false;
}

const char *
summ__htree_attr(const htree *t, uint32_t k, const char *name)
{
    const GumboNode *g = t->n[k].g;
    if (!g || g->type != GUMBO_NODE_ELEMENT)
        return NULL;
    const GumboAttribute *a = gumbo_get_attribute(&g->v.element.attributes, name);
    return a ? a->value : NULL;
}

/* Characters, non-space characters and commas of decoded text (a run of
 * white space counts one), as Readability measures innerText. */
static void
measure(const char *s, size_t n, uint32_t *chars, uint32_t *ink, uint32_t *commas)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = 0, k = 0, any = 0;
    bool gap = false;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t m = utf8_dec(u, i, n, &cp);
        if (is_space(cp)) {
            if (!gap)
                c++;
            gap = true;
        } else {
            c++;
            gap = false;
            any++;
            k += cp == ',' || cp == 0x060C || cp == 0xFE50 || cp == 0xFE10 || cp == 0xFE11
                 || cp == 0x2E41 || cp == 0x2E34 || cp == 0x2E32 || cp == 0xFF0C;
        }
        i += m;
    }
    *chars = c;
    *commas = k;
    *ink = any;
}

/* A lower-case copy of an attribute value (cut at cap - 1 bytes). */
static size_t
lower_copy(const char *v, char *buf, size_t cap)
{
    size_t n = 0;
    for (; v && v[n] && n + 1 < cap; n++)
        buf[n] = (char)(v[n] >= 'A' && v[n] <= 'Z' ? v[n] | 0x20 : v[n]);
    buf[n] = '\0';
    return n;
}

/* Does a style attribute hide the element (display: none, visibility:
 * hidden)? */
static bool
style_hides(const char *style)
{
    char buf[512];
    lower_copy(style, buf, sizeof buf);
    static const char *const props[][2] = { { "display", "none" }, { "visibility", "hidden" } };
    for (size_t p = 0; p < 2; p++) {
        const char *at = buf;
        while ((at = strstr(at, props[p][0])) != NULL) {
            const char *v = at + strlen(props[p][0]);
            at = v;
            while (*v == ' ' || *v == '\t' || *v == '\n')
                v++;
            if (*v != ':')
                continue;
            v++;
            while (*v == ' ' || *v == '\t' || *v == '\n')
                v++;
            if (strncmp(v, props[p][1], strlen(props[p][1])) == 0)
                return true;
        }
    }
    return false;
}

/* Elements that show no text of theirs. */
static bool
no_text(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_BASE:
        return true;
    default:
        return false;
    }
}

/* Elements kept (they weigh in the search: embeds, images, inputs) whose
 * content is not text for the reader. */
static bool
no_children(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_MAP:
        return true;
    default:
        return false;
    }
}

/* Is a hidden element (hidden, display: none, aria-hidden) or a modal
 * dialog: nothing of it shows. */
static bool
hidden(const GumboElement *e)
{
    const GumboVector *at = &e->attributes;
    if (gumbo_get_attribute(at, "hidden"))
        return true;
    const GumboAttribute *a = gumbo_get_attribute(at, "style");
    if (a && style_hides(a->value))
        return true;
    a = gumbo_get_attribute(at, "aria-hidden");
    if (a && strcasecmp(a->value, "true") == 0) {
        const GumboAttribute *c = gumbo_get_attribute(at, "class");
        if (!c || !strstr(c->value, "fallback-image"))
            return true;
    }
    a = gumbo_get_attribute(at, "aria-modal");
    const GumboAttribute *r = gumbo_get_attribute(at, "role");
    return a && r && strcasecmp(a->value, "true") == 0 && strcasecmp(r->value, "dialog") == 0;
}

static uint32_t
hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h | 1;
}

/* What an element's attributes say: hints, links, roles. */
static void
annotate(htree *t, uint32_t k, const GumboElement *e, const hints *h)
{
    hnode *n = &t->n[k];
    const GumboVector *at = &e->attributes;
    const GumboAttribute *cls = gumbo_get_attribute(at, "class");
    const GumboAttribute *id = gumbo_get_attribute(at, "id");
    char buf[1024];
    size_t cn = 0, in = 0;
    if (cls && cls->value[0]) {
        n->cls = hash_str(cls->value);
        cn = lower_copy(cls->value, buf, sizeof buf / 2);
        n->weight += summ__hints_has(h, H_NEGATIVE, buf, cn) ? -25 : 0;
        n->weight += summ__hints_has(h, H_POSITIVE, buf, cn) ? 25 : 0;
    }
    if (id && id->value[0]) {
        in = lower_copy(id->value, buf + cn + 1, sizeof buf / 2);
        n->weight += summ__hints_has(h, H_NEGATIVE, buf + cn + 1, in) ? -25 : 0;
        n->weight += summ__hints_has(h, H_POSITIVE, buf + cn + 1, in) ? 25 : 0;
    }
    buf[cn] = ' ';
    size_t both = cn + 1 + in;
    if (summ__hints_has(h, H_UNLIKELY, buf, both) && !summ__hints_has(h, H_MAYBE, buf, both))
        n->flags |= HN_UNLIKELY;
    if (summ__hints_has(h, H_BYLINE, buf, both))
        n->flags |= HN_BYLINE;
    if (summ__hints_has(h, H_SHARE, buf, both))
        n->flags |= HN_SHARE;
    if (summ__hints_has(h, H_QUOTE, buf, both))
        n->flags |= HN_QUOTE;
    if (summ__hints_has(h, H_SIGNATURE, buf, both))
        n->flags |= HN_SIGNATURE;
    if (summ__hints_has(h, H_LINE, buf, both))
        n->flags |= HN_LINE;
    const GumboAttribute *a;
    if ((a = gumbo_get_attribute(at, "role")) != NULL) {
        size_t rn = lower_copy(a->value, buf, sizeof buf);
        if (summ__hints_exact(h, H_ROLE, buf, rn))
            n->flags |= HN_ROLE;
        if (strcmp(buf, "dialog") == 0)
            n->flags |= HN_DIALOG;
    }
    if ((a = gumbo_get_attribute(at, "rel")) != NULL && strcasecmp(a->value, "author") == 0)
        n->flags |= HN_BYLINE;
    if ((a = gumbo_get_attribute(at, "itemprop")) != NULL && strstr(a->value, "author"))
        n->flags |= HN_BYLINE;
    if (e->tag == GUMBO_TAG_A) {
        n->flags |= HN_LINK;
        a = gumbo_get_attribute(at, "href");
        if (a && a->value[0] == '#' && a->value[1])
            n->flags |= HN_HASHLINK;
    }
    if (e->tag == GUMBO_TAG_IFRAME || e->tag == GUMBO_TAG_EMBED || e->tag == GUMBO_TAG_OBJECT) {
        for (unsigned i = 0; i < at->length; i++) {
            const GumboAttribute *x = at->data[i];
            size_t vn = lower_copy(x->value, buf, sizeof buf);
            if (summ__hints_has(h, H_VIDEO, buf, vn))
                n->flags |= HN_EMBED_OK;
        }
    }
}

/* What <head> tells: the <title>'s text and a <meta> title. The meta
 * names in the order Readability prefers them. */
static void
read_head(htree *t, const GumboNode *head)
{
    static const char *const names[] = {
        "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
        "title", "twitter:title", "parsely-title",
    };
    size_t best = sizeof names / sizeof *names;
    const GumboVector *ch = &head->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type != GUMBO_NODE_ELEMENT)
            continue;
        const GumboElement *e = &c->v.element;
        if (e->tag == GUMBO_TAG_TITLE && !t->title) {
            for (unsigned k = 0; k < e->children.length; k++) {
                const GumboNode *x = e->children.data[k];
                if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_WHITESPACE) {
                    t->title = x;
                    break;
                }
            }
        } else if (e->tag == GUMBO_TAG_META) {
            const GumboAttribute *content = gumbo_get_attribute(&e->attributes, "content");
            if (!content || !content->value[0])
                continue;
            const char *keys[2] = { "property", "name" };
            for (int w = 0; w < 2; w++) {
                const GumboAttribute *a = gumbo_get_attribute(&e->attributes, keys[w]);
                if (!a)
                    continue;
                for (size_t j = 0; j < best; j++) {
                    if (strcasecmp(a->value, names[j]) == 0) {
                        best = j;
                        t->meta_title = content->value;
                        t->meta_title_len = strlen(content->value);
                        break;
                    }
                }
            }
        }
    }
}

/* Readability's _replaceBrs: a run of two or more <br> (white space
 * between them aside) ends a paragraph; what follows, up to the next run
 * or a block, becomes a <p>. */
static void
replace_brs(htree *t)
{
    size_t count = t->count;
    for (uint32_t k = 1; k < count && !t->failed; k++) {
        hnode *n = t->n;
        if (n[k].tag != GUMBO_TAG_BR || (n[k].flags & HN_REMOVED) || !n[k].parent)
            continue;
        bool chain = false;
        uint32_t next = n[k].next;
        for (;;) {
            while (next && (n[next].flags & HN_WS))
                next = n[next].next;
            if (!next || n[next].tag != GUMBO_TAG_BR)
                break;
            uint32_t after = n[next].next;
            summ__htree_remove(t, next);
            chain = true;
            next = after;
        }
        if (!chain)
            continue;
        uint32_t p = summ__htree_new(t, GUMBO_TAG_P);
        if (!p)
            return;
        n = t->n;
        /* the <p> takes the <br>'s place */
        uint32_t parent = n[k].parent;
        n[p].parent = parent;
        n[p].prev = n[k].prev;
        n[p].next = n[k].next;
        if (n[k].prev)
            n[n[k].prev].next = p;
        else
            n[parent].first = p;
        if (n[k].next)
            n[n[k].next].prev = p;
        else
            n[parent].last = p;
        n[k].parent = n[k].prev = n[k].next = 0;
        n[k].flags |= HN_REMOVED;
        for (uint32_t s = n[p].next; s;) {
            uint32_t after = n[s].next;
            if (n[s].tag == GUMBO_TAG_BR) {
                uint32_t x = after;
                while (x && (n[x].flags & HN_WS))
                    x = n[x].next;
                if (x && n[x].tag == GUMBO_TAG_BR)
                    break;
            }
            if (!summ__htree_phrasing(t, s))
                break;
            unlink_node(t, s);
            link_last(t, p, s);
            s = after;
        }
        while (n[p].last && ((n[n[p].last].flags & HN_WS) || n[n[p].last].tag == GUMBO_TAG_BR))
            unlink_node(t, n[p].last);
        if (n[parent].tag == GUMBO_TAG_P)
            n[parent].tag = GUMBO_TAG_DIV;
    }
}

static bool
phrasing_tag(uint16_t tag)
{
    switch (tag) {
    case GUMBO_TAG_ABBR: case GUMBO_TAG_AUDIO: case GUMBO_TAG_B: case GUMBO_TAG_BDO:
    case GUMBO_TAG_BR: case GUMBO_TAG_BUTTON: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA: case GUMBO_TAG_DATALIST: case GUMBO_TAG_DFN: case GUMBO_TAG_EM:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_I: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KBD: case GUMBO_TAG_LABEL: case GUMBO_TAG_MARK: case GUMBO_TAG_MATH:
    case GUMBO_TAG_METER: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_OBJECT: case GUMBO_TAG_OUTPUT:
    case GUMBO_TAG_PROGRESS: case GUMBO_TAG_Q: case GUMBO_TAG_RUBY: case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_SELECT: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TIME: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR: case GUMBO_TAG_FONT:
        return true;
    default:
        return false;
    }
}

/* Phrasing content: text, the phrasing elements, and <a>, <del>, <ins>
 * whose content is all phrasing (looked into up to a depth: deeper is
 * not a paragraph's content anyway). */
static bool
phrasing(const htree *t, uint32_t k, int depth)
{
    const hnode *n = &t->n[k];
    if ((n->flags & HN_TEXT) || phrasing_tag(n->tag))
        return true;
    if (n->tag != GUMBO_TAG_A && n->tag != GUMBO_TAG_DEL && n->tag != GUMBO_TAG_INS)
        return false;
    if (depth > 32)
        return false;
    for (uint32_t c = n->first; c; c = t->n[c].next)
        if (!phrasing(t, c, depth + 1))
            return false;
    return true;
}

bool
summ__htree_phrasing(const htree *t, uint32_t k)
{
    return phrasing(t, k, 0);
}

/* The text sizes of every node, from its text nodes up. */
static void
sum_up(htree *t)
{
    hnode *n = t->n;
    for (size_t k = 1; k < t->count; k++)
        if (!(n[k].flags & HN_TEXT)) {
            n[k].chars = n[k].commas = n[k].ink = 0;
            n[k].links = 0;
        }
    /* post-order: each node adds itself to its parent when left */
    uint32_t k = t->html;
    while (k) {
        if (n[k].first) {
            k = n[k].first;
            continue;
        }
        for (;;) {
            uint32_t p = n[k].parent;
            if (p) {
                n[p].chars += n[k].chars;
                n[p].commas += n[k].commas;
                n[p].ink += n[k].ink;
                n[p].links += n[k].links;
            }
            if (k == t->html) {
                k = 0;
                break;
            }
            if (n[k].next) {
                k = n[k].next;
                break;
            }
            k = p;
        }
    }
}

typedef struct frame {
    const GumboNode *g;
    unsigned child;      /* next child of g to visit */
    uint32_t node;       /* our node for g */
    float link;          /* 0: not in a link; else the weight of its characters */
} frame;

void
summ__htree_annotate(htree *t, const hints *h)
{
    for (size_t k = 1; k < t->count; k++) {
        const GumboNode *g = t->n[k].g;
        if (g && g->type == GUMBO_NODE_ELEMENT)
            annotate(t, (uint32_t)k, &g->v.element, h);
    }
}

void
summ__htree_free(htree *t)
{
    summ__free(t->ar->al, t->n);
    t->n = NULL;
    t->count = t->cap = 0;
}

summ_status
summ__htree_build(htree *t, arena *ar, const char *buf, const GumboOutput *out)
{
    if (t->n && t->ar == ar) {
        /* built before: the array is kept for the new tree */
        hnode *keep = t->n;
        size_t cap = t->cap;
        memset(t, 0, sizeof *t);
        t->n = keep;
        t->cap = cap;
    } else {
        memset(t, 0, sizeof *t);
    }
    t->ar = ar;
    t->buf = buf;
    new_node(t, 0, NULL);  /* n[0]: "none" */
    const GumboNode *root = out->root;
    if (!root || root->type != GUMBO_NODE_ELEMENT)
        return t->failed ? SUMM_ENOMEM : SUMM_OK;
    t->html = new_node(t, GUMBO_TAG_HTML, root);
    size_t cap = 64, top = 0;
    frame *st = summ__arena_alloc(ar, cap * sizeof *st);
    if (!st || !t->html)
        return SUMM_ENOMEM;
    st[top++] = (frame){ root, 0, t->html, 0 };
    while (top && !t->failed) {
        frame *f = &st[top - 1];
        const GumboVector *ch = &f->g->v.element.children;
        if (f->child >= ch->length) {
            top--;
            continue;
        }
        const GumboNode *c = ch->data[f->child++];
        uint32_t parent = f->node;
        float link = f->link;
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE
            || c->type == GUMBO_NODE_CDATA) {
            uint32_t k = new_node(t, HTAG_TEXT, c);
            if (!k)
                break;
            hnode *n = &t->n[k];
            measure(c->v.text.text, strlen(c->v.text.text), &n->chars, &n->ink, &n->commas);
            n->flags = HN_TEXT | (n->ink ? 0 : HN_WS);
            n->links = link * (float)n->chars;
            link_last(t, parent, k);
            continue;
        }
        if (c->type != GUMBO_NODE_ELEMENT)
            continue;  /* comments, <template> */
        const GumboElement *e = &c->v.element;
        if (e->tag == GUMBO_TAG_HEAD) {
            read_head(t, c);
            continue;
        }
        if (e->tag_namespace != GUMBO_NAMESPACE_HTML || no_text(e->tag) || hidden(e))
            continue;
        uint16_t tag = e->tag == GUMBO_TAG_FONT ? GUMBO_TAG_SPAN : (uint16_t)e->tag;
        uint32_t k = new_node(t, tag, c);
        if (!k)
            break;
        link_last(t, parent, k);
        if (e->tag == GUMBO_TAG_BODY && !t->body)
            t->body = k;
        if (no_children(e->tag))
            continue;
        if (top == cap) {
            frame *ns = summ__arena_alloc(ar, cap * 2 * sizeof *ns);
            if (!ns) {
                t->failed = true;
                break;
            }
            memcpy(ns, st, top * sizeof *ns);
            st = ns;
            cap *= 2;
        }
        if (e->tag == GUMBO_TAG_A) {
            const GumboAttribute *href = gumbo_get_attribute(&e->attributes, "href");
            link = href && href->value[0] == '#' && href->value[1] ? 0.3f : 1.0f;
        }
        st[top++] = (frame){ c, 0, k, link };
    }
    if (!t->failed)
        replace_brs(t);
    if (t->failed)
        return SUMM_ENOMEM;
    sum_up(t);
    return SUMM_OK;
}

size_t
summ__htree_text(const htree *t, uint32_t k, char *buf, size_t cap)
{
    size_t o = 0;
    bool gap = false;
    const hnode *n = t->n;
    uint32_t x = k;
    while (x && o + 1 < cap) {
        if ((n[x].flags & HN_WS) && n[x].chars) {
            gap = o > 0;
        } else if ((n[x].flags & HN_TEXT) && n[x].g) {
            const unsigned char *s = (const unsigned char *)n[x].g->v.text.text;
            size_t sl = strlen((const char *)s);
            for (size_t i = 0; i < sl && o + 1 < cap;) {
                int32_t cp;
                size_t m = utf8_dec(s, i, sl, &cp);
                if (is_space(cp)) {
                    gap = o > 0;
                } else {
                    if (gap && o + 1 < cap)
                        buf[o++] = ' ';
                    gap = false;
                    if (o + m >= cap)
                        break;
                    memcpy(buf + o, s + i, m);
                    o += m;
                }
                i += m;
            }
        }
        /* a subtree of white space at most is at most a gap */
        if (n[x].first && n[x].ink) {
            x = n[x].first;
            continue;
        }
        if (!(n[x].flags & HN_TEXT) && n[x].chars)
            gap = o > 0;
        while (x && x != k && !n[x].next)
            x = n[x].parent;
        if (!x || x == k)
            break;
        x = n[x].next;
    }
    if (cap)
        buf[o] = '\0';
    return o;
}

size_t
summ__htree_length(const htree *t, uint32_t k, size_t stop)
{
    const hnode *n = t->n;
    /* the counts say it when they can: no walk */
    if (n[k].ink >= stop)
        return n[k].ink;
    if (n[k].chars == n[k].ink)
        return n[k].ink;
    size_t len = 0;
    bool gap = false, started = false;
    uint32_t x = k;
    while (x) {
        if ((n[x].flags & HN_WS) && n[x].chars) {
            gap = started;
        } else if ((n[x].flags & HN_TEXT) && n[x].g) {
            const unsigned char *s = (const unsigned char *)n[x].g->v.text.text;
            size_t sl = strlen((const char *)s);
            for (size_t i = 0; i < sl;) {
                int32_t cp;
                size_t m = utf8_dec(s, i, sl, &cp);
                if (is_space(cp)) {
                    gap = started;
                } else {
                    len += 1 + gap;
                    gap = false;
                    started = true;
                }
                i += m;
            }
            if (len >= stop)
                return len;
        }
        if (n[x].first && n[x].ink) {
            x = n[x].first;
            continue;
        }
        if (!(n[x].flags & HN_TEXT) && n[x].chars)
            gap = started;
        while (x != k && !n[x].next)
            x = n[x].parent;
        if (x == k)
            break;
        x = n[x].next;
    }
    return len;
}
