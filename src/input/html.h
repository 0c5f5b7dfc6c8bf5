/* html.h - the HTML format's own tree, shared by its files, bottom up:
 * hints.c (the class/id hints of stopwords/html/), htree.c (the tree,
 * made from gumbo's, with what each element's attributes say and the size
 * of the text under it), clean.c and extract.c (finding the main text:
 * which parts of the tree to keep) and html.c (the format: charset,
 * parsing, the clean text). Built only with gumbo.
 *
 * gumbo's tree is read-only and its text nodes point into the page; the
 * main-text search moves and drops nodes (as Readability does with the
 * DOM), so it works on a copy: an array of nodes linked by index, each
 * element or text node pointing back to gumbo's node for its text and
 * offsets. */
#ifndef SUMM_INPUT_HTML_H
#define SUMM_INPUT_HTML_H

#include <gumbo.h>

#include "input/input.h"

/* hnode.flags */
enum {
    HN_TEXT = 1u << 0,      /* a text node (else an element) */
    HN_WS = 1u << 1,        /* a text node of white space only */
    HN_REMOVED = 1u << 2,   /* taken out of the tree */
    HN_SCORED = 1u << 3,    /* has a content score (extract.c) */
    HN_UNLIKELY = 1u << 4,  /* class/id say page furniture ("unlikely", no "maybe") */
    HN_ROLE = 1u << 5,      /* an ARIA role of page furniture */
    HN_BYLINE = 1u << 6,    /* rel=author, itemprop=author, or a byline class/id */
    HN_SHARE = 1u << 7,     /* class/id with a share word */
    HN_DATATABLE = 1u << 8, /* a table of data, not of layout (extract.c) */
    HN_LINK = 1u << 9,      /* an <a> */
    HN_HASHLINK = 1u << 10, /* an <a href="#..."> */
    HN_MADE = 1u << 11,     /* made by the search (a <p> around loose text) */
    HN_DIALOG = 1u << 12,   /* role=dialog */
    HN_EMBED_OK = 1u << 13, /* an embed of a video site (kept as Readability does) */
    HN_QUOTE = 1u << 14,    /* a mail program's container of a quoted reply */
    HN_SIGNATURE = 1u << 15,/* a mail program's container of a signature */
    HN_LINE = 1u << 16      /* a mail program's line (Outlook's MsoNormal paragraph) */
};

/* Tags of our own beyond gumbo's. */
#define HTAG_TEXT GUMBO_TAG_LAST

typedef struct hnode {
    uint32_t parent, first, last, prev, next;  /* indices; 0 = none */
    uint16_t tag;          /* a GumboTag, or HTAG_TEXT; the search may rename it
                              (a <div> of text is read as a <p>) */
    uint16_t etag;         /* the tag the page gave it (what the text shows) */
    uint32_t flags;
    int16_t weight;        /* class/id weight: +-25 per positive or negative hint */
    float score;           /* content score, with HN_SCORED */
    uint32_t cls;          /* hash of the class attribute, 0 if none */
    const GumboNode *g;    /* gumbo's node; NULL for one the search made */
    /* The text under the node (its own, for a text node), kept up to date
     * when nodes are removed: characters (a run of white space counts
     * one), commas, and characters inside links. */
    uint32_t chars, ink, commas;  /* ink: characters that are not white space */
    float links;
} hnode;

typedef struct htree {
    arena *ar;
    const char *buf;          /* the bytes gumbo parsed (offsets are into them) */
    hnode *n;                 /* n[0] unused: index 0 is "none" */
    size_t count, cap;
    uint32_t html, body;      /* the <html> and <body> elements, 0 if none */
    const GumboNode *title;   /* <title>'s text node, or NULL */
    const char *meta_title;   /* a title from <meta> (og:title, ...), or NULL */
    size_t meta_title_len;
    bool failed;              /* out of memory */
} htree;

/* ---- hints.c --------------------------------------------------------------- */

/* The kinds of hint (stopwords/html/en.txt explains each). */
enum { H_UNLIKELY, H_MAYBE, H_POSITIVE, H_NEGATIVE, H_BYLINE, H_SHARE, H_ROLE, H_VIDEO, H_QUOTE,
       H_SIGNATURE, H_LINE, H_KINDS };

/* The hints of stopwords/html/ (tagged entries), ready to match. list
 * may be NULL (no hints). NULL on OOM. */
typedef struct hints hints;
hints *summ__hints_make(arena *ar, const strset *list);
/* Does s[0 .. n) (lower case) hold a pattern of kind (as a substring, or
 * as a whole word for a "=word" entry)? h may be NULL. */
bool summ__hints_has(const hints *h, int kind, const char *s, size_t n);
/* Is s[0 .. n) exactly a pattern of kind? */
bool summ__hints_exact(const hints *h, int kind, const char *s, size_t n);
/* Is the whole of text[0 .. n), trimmed, an ad label or a loading
 * indicator of the lists? */
bool summ__hints_is_label(const hints *h, const char *text, size_t n);

/* ---- htree.c --------------------------------------------------------------- */

/* A tree from gumbo's output: hidden elements (hidden, display: none,
 * aria-hidden) and what shows no text (script, style, noscript, template,
 * svg, math, select, comments) left out, the class/id hints noted,
 * <font> read as <span>, and runs of two or more <br> made paragraph
 * breaks (a <p> of their own) as Readability does. */
summ_status summ__htree_build(htree *t, arena *ar, const char *buf, const GumboOutput *out);
/* Free the node array (t's other memory is ar's). t must be zeroed or
 * built before; building again reuses the array. */
void summ__htree_free(htree *t);
/* Note what each element's attributes say, by the hints (h may be NULL). */
void summ__htree_annotate(htree *t, const hints *h);

/* Unlink node k (and what is under it) from the tree. */
void summ__htree_remove(htree *t, uint32_t k);
/* Put node k as the last child of parent p (unlinking it first). */
void summ__htree_append(htree *t, uint32_t p, uint32_t k);
/* Put node k right before node ref (unlinking it first). */
void summ__htree_insert_before(htree *t, uint32_t ref, uint32_t k);
/* A new element of tag (HN_MADE), unlinked; 0 on OOM. */
uint32_t summ__htree_new(htree *t, uint16_t tag);
/* The next element after k in document order (its first element child,
 * else the next element sibling of it or of an ancestor), or 0; with
 * skip, k's own subtree is passed over. */
uint32_t summ__htree_next(const htree *t, uint32_t k, bool skip);
/* Is k inside (or at) a node of tag within depth levels up (0: any)? */
bool summ__htree_has_ancestor(const htree *t, uint32_t k, uint16_t tag, int depth);
/* The attribute of k's gumbo element, or NULL. */
const char *summ__htree_attr(const htree *t, uint32_t k, const char *name);
/* The length of k's text as Readability's innerText: concatenated,
 * trimmed, each run of white space one character; in code points, or
 * any number >= stop once it is that long. Between n->ink and n->chars. */
size_t summ__htree_length(const htree *t, uint32_t k, size_t stop);
/* The text of k, concatenated and trimmed, white space collapsed, into
 * buf (at most cap - 1 bytes: longer text is cut); its length. */
size_t summ__htree_text(const htree *t, uint32_t k, char *buf, size_t cap);

/* Link density: characters in links over all characters (0 if none). */
static inline double
ht_link_density(const hnode *n)
{
    return n->chars ? n->links / n->chars : 0.0;
}

/* Is the node (a GumboTag) phrasing content, which flows inside a
 * paragraph, as Readability counts it? */
bool summ__htree_phrasing(const htree *t, uint32_t k);

/* ---- clean.c and extract.c: the search for the main text ---------------- */

#define FLAG_STRIP 1     /* drop unlikely elements before scoring */
#define FLAG_WEIGHT 2    /* weigh by class and id */
#define FLAG_CLEAN 4     /* drop fishy lists, tables, <div>s from the article */
#define CHAR_THRESHOLD 500

typedef struct hvec {
    uint32_t *v;
    size_t n, cap;
} hvec;

typedef struct search {
    htree *t;
    const hints *h;
    int flags;                /* FLAG_*: this run's rules */
    const char *title;        /* the page's title, for the heading that repeats it */
    size_t title_len;
    uint32_t headline;        /* that heading, once removed */
    bool byline;              /* a byline was found (and dropped) */
    hvec score, cands, list;
    bool failed;              /* out of memory */
} search;

static inline hnode *
N(const search *x, uint32_t k)
{
    return &x->t->n[k];
}

static inline bool
is_heading(uint16_t tag)
{
    return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

/* k's class/id weight, if this run weighs classes. */
static inline int
weight(const search *x, uint32_t k)
{
    return (x->flags & FLAG_WEIGHT) ? N(x, k)->weight : 0;
}

/* Append k to v (in the tree's arena); x->failed on OOM. */
void summ__search_push(search *x, hvec *v, uint32_t k);
/* The number of element children of k; *only: the last of them. */
size_t summ__search_elements(const search *x, uint32_t k, uint32_t *only);
/* Remove *k and move it to the next element after its subtree. */
void summ__search_drop(search *x, uint32_t *k);

/* Clean the article (the node art) as Readability does (clean.c). */
void summ__clean_article(search *x, uint32_t art);

/* ---- extract.c ------------------------------------------------------------- */

/* The main text of t (built from gumbo's out, annotated with h): the
 * nodes to emit, in order, in roots (*nroots). *headline is the heading
 * that repeats the page's title (dropped from the text; it makes the
 * title), or 0. A search that finds too little runs again with fewer
 * rules on t built afresh from out. */
summ_status summ__extract(htree *t, const GumboOutput *out, const hints *h, uint32_t **roots,
                          size_t *nroots, uint32_t *headline);

/* The part of a <title> that names the page, without the site's name
 * ("Story title | Site" -> "Story title"), as Readability cuts it:
 * [*from, *to) of title[0 .. n). */
void summ__extract_title_cut(const htree *t, const char *title, size_t n, size_t *from,
                             size_t *to);

#endif
