/* email.h - what email.c (messages, MIME, writing), emailbody.c (the
 * lines of a text part: quotes, signatures, disclaimers) and emailhtml.c
 * (an HTML part's text, with gumbo) share. Not installed; only those
 * include it. */
#ifndef SUMM_INPUT_EMAIL_H
#define SUMM_INPUT_EMAIL_H

#include "input/textfmt.h"

/* How deep walk() follows multiparts and attached messages: a bound on its
 * recursion (a frame is a few hundred bytes) and on the passes over a part
 * (each level scans its body once more). An attached forward is two levels
 * (multipart/mixed, message/rfc822): 8 lost the first message of a chain of
 * five; 32 keeps a chain of fifteen. */
#define MIME_DEPTH 32
#define BOUNDARY_MAX 200
#define NORM_MAX 1024
#define NORM_WORDS 192
#define SIGN_OFF_LINES 6     /* lines after a sign-off that can be its signature */
#define DISCLAIMER_PARAS 3   /* last paragraphs of a part checked for disclaimers */
#define STUB_MAX 600         /* the longest plain part that can be a stub of the HTML */

enum { CTE_IDENTITY, CTE_QP, CTE_BASE64 };
enum { L_TEXT, L_QUOTE, L_BOILER, L_DROP, L_CODE };

/* A text part, or a nested message's subject, in reading order. */
typedef struct leaf {
    size_t a, b;
    int cte;
    size_t cs_a, cs_e;  /* its charset's name in the message */
    bool subject;   /* [a, b) is a Subject value: a heading */
    bool html;      /* a text/html part (read only with gumbo) */
} leaf;

/* A block of an HTML part's text that is not own text: [start, end) of
 * the text, the kind its lines get (L_QUOTE, L_BOILER, L_CODE: a
 * listing). */
typedef struct hblock {
    uint32_t start, end;
    uint8_t kind;
} hblock;

typedef struct eline {
    size_t a, e, next;   /* in the decoded text */
    uint8_t kind;        /* L_* */
    uint8_t quote;       /* a quoted line: where its text starts, after "> " */
    size_t text;
} eline;

typedef struct em {
    tbuild *b;
    const input_env *env;
    summ_err *err;
    const char *s;
    size_t n;
    const strset *list;       /* stopwords/email/ of the language */
    bool mbox;
    ebody body, hdr;
    ebody html;               /* an HTML part's text being made (emailhtml.c) */
    hblock *hblk;             /* the quoted and signature blocks of an HTML part */
    size_t nhblk, caphblk;
    leaf *leaf;
    size_t nleaf, capleaf;
    eline *ln;
    size_t nln, capln;
    const char *label;        /* the sender of the message being written */
    size_t label_len;
    char *labelbuf;
    size_t caplabel;
    char *prev_subj;          /* the last subject written, without its prefixes */
    size_t prev_subj_len, capsubj;
    bool wrote_title;
    bool oom;
} em;

/* A line or paragraph as words: folded, joined by one space. */
typedef struct norm {
    char s[NORM_MAX];
    size_t n, nw;
    uint16_t ws[NORM_WORDS], we[NORM_WORDS];
} norm;

/* emailbody.c */
/* The words of t[a .. b), folded, into o (at most NORM_WORDS of them). */
void summ__email_normalise(norm *o, const char *t, size_t a, size_t b);
/* Is "tag" + s[0 .. n) an entry of m's phrase list? */
bool summ__email_has(const em *m, const char *tag, const char *s, size_t n);
/* The lines of m->body into m->ln; false when out of memory. */
bool summ__email_lines(em *m);
/* Each line's kind: own text, quoted, boilerplate (signature, greeting,
 * disclaimer, client furniture). */
void summ__email_classify(em *m);

/* Is the short text t[a .. b) the stub a mail program puts in the
 * plain part of an HTML message ("view this email in your browser")? */
bool summ__email_stub(const em *m, const char *t, size_t a, size_t b);

/* emailhtml.c (built with gumbo) */
/* The main-text search is off for an e-mail's HTML: measured on the
 * newsletters and notifications of tests/formats/, a mail's layout tables
 * hold no page furniture the search would drop that the lines' rules
 * (disclaimers, list footers) do not, and on short messages it keeps too
 * little (README, "Input formats"). */
#define EMAIL_HTML_EXTRACT false
/* m->body holds a text/html part decoded: make it the part's text, mapped
 * to the message's bytes, and note its quoted, signature and code blocks.
 * SUMM_ENOMEM; a part the reader refuses is empty text and sets
 * *skipped. */
summ_status summ__email_html(em *m, bool *skipped);
/* After summ__email_lines() on an HTML part's text: the lines of its
 * quoted, signature and code blocks get their kind. */
void summ__email_html_lines(em *m);

#endif
