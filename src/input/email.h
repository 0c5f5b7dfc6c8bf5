/* email.h - what email.c (messages, MIME, writing) and emailbody.c (the
 * lines of a text part: quotes, signatures, disclaimers) share. Not
 * installed; only those two include it. */
#ifndef SUMM_INPUT_EMAIL_H
#define SUMM_INPUT_EMAIL_H

#include "input/textfmt.h"

#define MIME_DEPTH 8
#define BOUNDARY_MAX 200
#define NORM_MAX 1024
#define NORM_WORDS 192
#define SIGN_OFF_LINES 6     /* lines after a sign-off that can be its signature */
#define DISCLAIMER_PARAS 3   /* last paragraphs of a part checked for disclaimers */

enum { CTE_IDENTITY, CTE_QP, CTE_BASE64 };
enum { L_TEXT, L_QUOTE, L_BOILER, L_DROP };

/* A text part, or a nested message's subject, in reading order. */
typedef struct leaf {
    size_t a, b;
    int cte, cs;
    bool subject;   /* [a, b) is a Subject value: a heading */
} leaf;

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

#endif
