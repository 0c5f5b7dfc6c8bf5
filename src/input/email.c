/* email.c - e-mail: an RFC 5322 message, an mbox of them, or a message
 * pasted from a mail program.
 *
 * Headers are metadata: the Subject (without "Re:", "Fwd:") is the title
 * block, the sender's name the label of every block of the message; the
 * other headers are not text. MIME multipart messages are walked
 * (RFC 2046, at most MIME_DEPTH deep): text/plain parts are read,
 * decoded by mime.c; a multipart/alternative gives its plain text, or
 * its HTML when the plain part is empty or a stub ("view this email in
 * your browser"); a text/html part that is a message's body (alone, in a
 * multipart/mixed or /related) is read by the HTML reader (emailhtml.c,
 * with gumbo; without it, left out); attachments are left out
 * (SUMM_WARN_SKIPPED). In each text part (an HTML part's text too; its
 * <blockquote> and the mail programs' quote containers are quoted), what
 * is not the author's own text is kept apart, so it is never summarized
 * while own text is left (--split shows it, flagged):
 *
 *   quoted         "> " lines, their "On ... wrote:" line, and the quoted
 *                  history of an Outlook reply ("-----Original Message-----"
 *                  or a pasted "From: / Sent: / To:" block): quoted blocks
 *   signature      after a "-- " line, or from a sign-off ("Best regards,")
 *                  followed only by a few short lines: boilerplate
 *   greeting       "Hi Karen," as a first line: boilerplate
 *   disclaimers    a paragraph with a legal or confidentiality phrase, a
 *                  "sent from my iPhone" line, an external-mail banner, a
 *                  list footer: boilerplate
 *   forwarded      after "---------- Forwarded message ---------" the header
 *                  lines are left out and the message is text
 *
 * The phrases are data (stopwords/email/<code>.txt), read for the
 * language of the first text part. Every decision is per line, with
 * look-ahead bounded in lines; a paragraph is checked for disclaimer
 * phrases only at the ends of a part and in its signature, so the work is
 * linear in the message, for a 10 MB quoted reply or an mbox of 10,000
 * messages. */
#include "input/email.h"

/* What a message's or a part's headers say. */
typedef struct hinfo {
    size_t from_a, from_e;        /* From: value (or the pasted "From:"), 0, 0 if none */
    size_t subj_a, subj_e;
    bool has_subject;
    size_t type_a, type_e;        /* "text/plain" */
    size_t bnd_a, bnd_e;          /* boundary="..." */
    size_t cs_a, cs_e;            /* charset=... */
    int cte;
    bool attachment;
    size_t body;                  /* where the body starts */
} hinfo;


/* ---- headers ---------------------------------------------------------------- */

/* A header line "Name: value" at s[a .. e): the end of its name, else 0. */
static size_t
header_name(const char *s, size_t a, size_t e)
{
    size_t k = a;
    while (k < e && k - a < 64 && s[k] > ' ' && s[k] < 127 && s[k] != ':')
        k++;
    return k > a && k < e && s[k] == ':' ? k : 0;
}

/* A parameter of a header value s[a .. b) ("boundary", "charset"): its
 * value, without quotes. */
static bool
param(const char *s, size_t a, size_t b, const char *name, size_t *va, size_t *ve)
{
    size_t nl = strlen(name);
    for (size_t i = a; i + nl < b; i++) {
        if (s[i] != ';')
            continue;
        size_t k = i + 1;
        while (k < b && (is_hsp(s[k]) || s[k] == '\r' || s[k] == '\n'))
            k++;
        if (k + nl >= b || !ascii_ieq(s + k, nl, name))
            continue;
        k += nl;
        while (k < b && is_hsp(s[k]))
            k++;
        if (k >= b || s[k] != '=')
            continue;
        k++;
        while (k < b && is_hsp(s[k]))
            k++;
        if (k < b && s[k] == '"') {
            size_t z = k + 1;
            while (z < b && s[z] != '"' && z - k < BOUNDARY_MAX)
                z++;
            if (z >= b || s[z] != '"')
                return false;
            *va = k + 1;
            *ve = z;
            return true;
        }
        size_t z = k;
        while (z < b && s[z] > ' ' && s[z] != ';' && s[z] != '"' && z - k < BOUNDARY_MAX)
            z++;
        *va = k;
        *ve = z;
        return z > k;
    }
    return false;
}

/* The headers from s[p] on, up to a blank line or a line that is not a
 * header (a pasted message). */
static void
read_headers(const char *s, size_t p, size_t end, hinfo *h)
{
    memset(h, 0, sizeof *h);
    while (p < end) {
        tline l = tline_at(s, end, p);
        if (is_blank(s, l.a, l.e)) {
            p = l.next;
            break;
        }
        size_t ne = header_name(s, l.a, l.e);
        if (!ne)
            break;
        size_t va = skip_hsp(s, ne + 1, l.e), ve = l.e, q = l.next;
        while (q < end && is_hsp(s[q])) {  /* folded on the next lines */
            tline c = tline_at(s, end, q);
            if (is_blank(s, c.a, c.e))
                break;
            ve = c.e;
            q = c.next;
        }
        const char *nm = s + l.a;
        size_t nn = ne - l.a;
        if (ascii_ieq(nm, nn, "from")) {
            h->from_a = va;
            h->from_e = ve;
        } else if (ascii_ieq(nm, nn, "subject")) {
            h->subj_a = va;
            h->subj_e = ve;
            h->has_subject = true;
        } else if (ascii_ieq(nm, nn, "content-type")) {
            size_t k = va;
            while (k < ve && s[k] != ';' && !is_hsp(s[k]) && s[k] != '\r' && s[k] != '\n')
                k++;
            h->type_a = va;
            h->type_e = k;
            if (!param(s, va, ve, "boundary", &h->bnd_a, &h->bnd_e))
                h->bnd_a = h->bnd_e = 0;
            if (!param(s, va, ve, "charset", &h->cs_a, &h->cs_e))
                h->cs_a = h->cs_e = 0;
        } else if (ascii_ieq(nm, nn, "content-transfer-encoding")) {
            size_t z = trim_end(s, va, ve);
            h->cte = ascii_ieq(s + va, z - va, "base64")             ? CTE_BASE64
                     : ascii_ieq(s + va, z - va, "quoted-printable") ? CTE_QP
                                                                     : CTE_IDENTITY;
        } else if (ascii_ieq(nm, nn, "content-disposition")) {
            h->attachment = ascii_iprefix(s, va, ve, "attachment");
        }
        p = q;
    }
    h->body = p;
}

static bool
type_is(const char *s, const hinfo *h, const char *t)
{
    return ascii_ieq(s + h->type_a, h->type_e - h->type_a, t);
}

static bool
type_prefix(const char *s, const hinfo *h, const char *t)
{
    return ascii_iprefix(s, h->type_a, h->type_e, t);
}

/* Is line s[a .. e) the boundary b (or its end, *last)? */
static bool
is_boundary(const char *s, size_t a, size_t e, const char *bd, size_t bn, bool *last)
{
    if (e - a < bn + 2 || s[a] != '-' || s[a + 1] != '-' || memcmp(s + a + 2, bd, bn) != 0)
        return false;
    size_t k = a + 2 + bn;
    *last = k + 1 < e && s[k] == '-' && s[k + 1] == '-';
    if (*last)
        k += 2;
    return is_blank(s, k, e);
}

static bool
add_leaf(em *m, leaf lf)
{
    if (!summ__grow(m->b->ar->al, (void **)&m->leaf, &m->capleaf, m->nleaf + 1, sizeof *m->leaf))
        return false;
    m->leaf[m->nleaf++] = lf;
    return true;
}

/* The parts of a multipart body, one after the other. */
typedef struct partiter {
    const char *s;
    size_t p, b;
    const char *bd;
    size_t bn, part;
    bool done;
} partiter;

static bool
next_part(partiter *it, size_t *pa, size_t *pb)
{
    while (!it->done) {
        if (it->p >= it->b) {
            it->done = true;
            if (it->part != SIZE_MAX && it->part < it->b) {
                *pa = it->part;
                *pb = it->b;  /* no closing boundary: to the end */
                return true;
            }
            return false;
        }
        tline l = tline_at(it->s, it->b, it->p);
        it->p = l.next;
        bool last = false;
        if (!is_boundary(it->s, l.a, l.e, it->bd, it->bn, &last))
            continue;
        size_t start = it->part;
        it->part = last ? SIZE_MAX : l.next;
        it->done = last;
        if (start != SIZE_MAX) {
            *pa = start;
            *pb = l.a;
            return true;
        }
    }
    return false;
}

static bool
is_plain(const char *s, const hinfo *h)
{
    return (h->type_e == h->type_a || type_is(s, h, "text/plain")) && !h->attachment;
}

/* A text/html part that is not an attachment. */
static bool
is_html_type(const char *s, const hinfo *h)
{
    return h->type_e > h->type_a && type_is(s, h, "text/html") && !h->attachment;
}

/* ... that this build reads. */
static bool
is_html(const char *s, const hinfo *h)
{
#ifdef SUMM_HAVE_GUMBO
    return is_html_type(s, h);
#else
    (void)s;
    (void)h;
    return false;
#endif
}

static bool decode_leaf(em *m, const leaf *lf);
static summ_status load_list(em *m, const char *t, size_t n);

/* Is the plain part of an alternative worth reading, beside an HTML one?
 * Not when its text has no word, or is a short stub. */
static bool
plain_usable(em *m, const hinfo *h, size_t b, bool *oom)
{
    leaf lf = { h->body, b, h->cte, h->cs_a, h->cs_e, false, false };
    if (!decode_leaf(m, &lf)) {
        *oom = true;
        return true;
    }
    const char *t = m->body.t;
    size_t n = m->body.n, words = 0;
    for (size_t i = 0; i < n && words < 2; i++)
        words += ((unsigned char)t[i] >= 0x80 || (t[i] >= '0' && t[i] <= '9')
                  || ((t[i] | 0x20) >= 'a' && (t[i] | 0x20) <= 'z'));
    if (words == 0)
        return false;
    if (n > STUB_MAX)
        return true;
    /* without the phrases (the list failed to load: message() loads it
     * again and fails with its error), no plain part is a stub */
    return load_list(m, t, n) != SUMM_OK || !summ__email_stub(m, t, 0, n);
}

/* The text parts of the entity with headers h (its body up to b), in
 * reading order, into m->leaf; what is not read sets *skipped. */
static bool
walk(em *m, const hinfo *h, size_t b, int depth, bool *skipped)
{
    const char *s = m->s;
    if (h->type_e > h->type_a && type_prefix(s, h, "multipart/") && h->bnd_e > h->bnd_a
        && depth < MIME_DEPTH) {
        partiter it = { s, h->body, b, s + h->bnd_a, h->bnd_e - h->bnd_a, SIZE_MAX, false };
        size_t pa, pb;
        hinfo ph;
        if (type_is(s, h, "multipart/alternative")) {
            /* one of them: the plain text, unless it is empty or a stub
             * and there is HTML; else the HTML; else a multipart holding
             * either */
            size_t alt[3][2] = { { SIZE_MAX, 0 }, { SIZE_MAX, 0 }, { SIZE_MAX, 0 } };
            bool any = false;
            while (next_part(&it, &pa, &pb)) {
                read_headers(s, pa, pb, &ph);
                any = true;
                int which = is_plain(s, &ph) ? 0 : is_html_type(s, &ph) ? 1
                            : type_prefix(s, &ph, "multipart/") ? 2 : -1;
                if (which >= 0 && alt[which][0] == SIZE_MAX) {
                    alt[which][0] = pa;
                    alt[which][1] = pb;
                }
            }
            int pick = -1;
            if (alt[0][0] != SIZE_MAX) {
                pick = 0;
                if (alt[1][0] != SIZE_MAX || alt[2][0] != SIZE_MAX) {
                    bool oom = false;
                    read_headers(s, alt[0][0], alt[0][1], &ph);
                    if (!plain_usable(m, &ph, alt[0][1], &oom))
                        pick = alt[1][0] != SIZE_MAX ? 1 : 2;
                    if (oom)
                        return false;
                }
            } else {
                pick = alt[1][0] != SIZE_MAX ? 1 : alt[2][0] != SIZE_MAX ? 2 : -1;
            }
            if (pick == 1) {
                read_headers(s, alt[1][0], alt[1][1], &ph);
                if (!is_html(s, &ph)) {
                    /* HTML this build cannot read: what else there is, and
                     * the warning */
                    *skipped = true;
                    pick = alt[0][0] != SIZE_MAX ? 0 : alt[2][0] != SIZE_MAX ? 2 : -1;
                    if (pick < 0)
                        return true;
                }
            }
            if (pick >= 0) {
                read_headers(s, alt[pick][0], alt[pick][1], &ph);
                return walk(m, &ph, alt[pick][1], depth + 1, skipped);
            }
            *skipped |= any;
            return true;
        }
        while (next_part(&it, &pa, &pb)) {
            read_headers(s, pa, pb, &ph);
            if (!walk(m, &ph, pb, depth + 1, skipped))
                return false;
        }
        return true;
    }
    if (h->type_e > h->type_a && type_is(s, h, "message/rfc822") && depth < MIME_DEPTH) {
        hinfo in;
        read_headers(s, h->body, b, &in);
        if (in.has_subject && !add_leaf(m, (leaf){ in.subj_a, in.subj_e, 0, 0, 0, true, false }))
            return false;
        return walk(m, &in, b, depth + 1, skipped);
    }
    bool html = is_html(s, h);
    if (!html && !is_plain(s, h)) {
        *skipped = true;
        return true;
    }
    return add_leaf(m, (leaf){ h->body, b, h->cte, h->cs_a, h->cs_e, false, html });
}

/* ---- writing ---------------------------------------------------------------- */

static void
open_block(em *m, block_kind kind)
{
    summ__tb_block(m->b, kind);
    if (m->label_len)
        summ__tb_label(m->b, m->label, m->label_len);
}

static void
write_part(em *m)
{
    int open = -1;
    for (size_t i = 0; i < m->nln; i++) {
        const eline *l = &m->ln[i];
        int kind = l->kind;
        if (is_blank(m->body.t, l->a, l->e) && open >= 0)
            kind = open;  /* a blank line stays in its block */
        if (kind == L_DROP)
            continue;
        if (kind != open) {
            open_block(m, kind == L_QUOTE    ? BLOCK_QUOTED
                          : kind == L_BOILER ? BLOCK_BOILER
                          : kind == L_CODE   ? BLOCK_CODE
                                             : BLOCK_PROSE);
            open = kind;
        }
        summ__ebody_emit(&m->body, m->b, l->text, l->e);
        summ__ebody_emit(&m->body, m->b, l->e, l->next);
    }
}

/* The sender's name from a From: value: "Karen Liu <k@x>", "k@x (Karen
 * Liu)", "\"Liu, Karen\" <k@x>", or the address. */
static void
sender(em *m, const hinfo *h)
{
    m->label = NULL;
    m->label_len = 0;
    if (h->from_e <= h->from_a)
        return;
    summ__ebody_clear(&m->hdr);
    if (!summ__mime_header(&m->hdr, m->s, h->from_a, h->from_e)) {
        m->oom = true;
        return;
    }
    const char *t = m->hdr.t;
    size_t n = m->hdr.n, a = 0, e = n;
    const char *lt = memchr(t, '<', n), *lp = memchr(t, '(', n);
    if (lt) {
        e = (size_t)(lt - t);
        if (is_blank(t, 0, e)) {  /* "<k@x>" alone: the address */
            a = e + 1;
            const char *gt = memchr(t + a, '>', n - a);
            e = gt ? (size_t)(gt - t) : n;
        }
    } else if (lp) {
        const char *rp = memchr(lp, ')', n - (size_t)(lp - t));
        if (rp && rp > lp + 1) {
            a = (size_t)(lp - t) + 1;
            e = (size_t)(rp - t);
        }
    }
    a = skip_hsp(t, a, e);
    e = trim_end(t, a, e);
    if (e - a >= 2 && t[a] == '"' && t[e - 1] == '"') {
        a++;
        e--;
    }
    if (e - a > 200) {
        e = a + 200;
        while (e > a && ((unsigned char)t[e] & 0xC0) == 0x80)
            e--;
    }
    if (e <= a)
        return;
    if (!summ__grow(m->b->ar->al, (void **)&m->labelbuf, &m->caplabel, e - a, 1)) {
        m->oom = true;
        return;
    }
    memcpy(m->labelbuf, t + a, e - a);
    m->label = m->labelbuf;
    m->label_len = e - a;
}

/* A Subject value: a title (the first) or a heading, without "Re:" and
 * the like, and not again when the same as the one before. */
static void
subject(em *m, size_t va, size_t ve)
{
    summ__ebody_clear(&m->hdr);
    if (!summ__mime_header(&m->hdr, m->s, va, ve)) {
        m->oom = true;
        return;
    }
    const char *t = m->hdr.t;
    size_t n = m->hdr.n, a = 0;
    for (;;) {  /* "Re: Fwd: AW:", and a mailing list's "[volunteers]" */
        a = skip_hsp(t, a, n);
        if (a < n && t[a] == '[') {
            const char *z = memchr(t + a, ']', n - a < 40 ? n - a : 40);
            if (z && (size_t)(z - t) + 1 < n) {
                a = (size_t)(z - t) + 1;
                continue;
            }
        }
        size_t k = a;
        while (k < n && k - a <= 6 && ((t[k] >= 'a' && t[k] <= 'z') || (t[k] >= 'A' && t[k] <= 'Z')))
            k++;
        size_t w = k;
        if (k < n && (t[k] == '[' || t[k] == '(')) {  /* "Re[2]:" */
            while (k < n && k - w < 6 && t[k] != ':')
                k++;
        }
        if (k >= n || t[k] != ':' || w == a)
            break;
        norm o;
        summ__email_normalise(&o, t, a, w);
        if (!summ__email_has(m, "subject: ", o.s, o.n))
            break;
        a = k + 1;
    }
    size_t e = trim_end(t, a, n);
    if (e <= a)
        return;
    if (m->prev_subj && m->prev_subj_len == e - a && memcmp(m->prev_subj, t + a, e - a) == 0)
        return;
    if (!summ__grow(m->b->ar->al, (void **)&m->prev_subj, &m->capsubj, e - a, 1)) {
        m->oom = true;
        return;
    }
    memcpy(m->prev_subj, t + a, e - a);
    m->prev_subj_len = e - a;
    open_block(m, m->wrote_title ? BLOCK_HEADING : BLOCK_TITLE);
    m->wrote_title = true;
    summ__ebody_emit(&m->hdr, m->b, a, e);
}

static bool
decode_leaf(em *m, const leaf *lf)
{
    summ__ebody_clear(&m->body);
    m->nhblk = 0;
    mcs cs = summ__mime_charset_open(m->s + lf->cs_a, lf->cs_e - lf->cs_a);
    bool ok = lf->cte == CTE_BASE64 ? summ__mime_base64(&m->body, m->s, lf->a, lf->b, &cs)
              : lf->cte == CTE_QP   ? summ__mime_qp(&m->body, m->s, lf->a, lf->b, &cs)
                                    : summ__mime_identity(&m->body, m->s, lf->a, lf->b, &cs);
    summ__mime_charset_close(&cs);
    return ok;
}

/* A text part's text into m->body: decoded, and an HTML part's read. */
static summ_status
read_leaf(em *m, const leaf *lf, bool *skipped)
{
    if (!decode_leaf(m, lf))
        return SUMM_ENOMEM;
#ifdef SUMM_HAVE_GUMBO
    if (lf->html)
        return summ__email_html(m, skipped);
#else
    (void)skipped;
#endif
    return SUMM_OK;
}

/* The phrase list, for the language of text. */
static summ_status
load_list(em *m, const char *t, size_t n)
{
    if (m->list)
        return SUMM_OK;
    const strset *l = NULL;
    if (!t)
        t = "";  /* an empty body */
    summ_status st = m->env && m->env->list
                         ? m->env->list(m->env->ud, DATA_EMAIL, t, n, &l) : SUMM_OK;
    m->list = l;
    return st;
}

/* One message: s[a .. b) (after an mbox "From " line). */
static summ_status
message(em *m, size_t a, size_t b, unsigned *warn)
{
    hinfo h;
    read_headers(m->s, a, b, &h);
    if (h.body == a)
        h.type_a = h.type_e = 0;  /* no headers: a pasted body */
    m->nleaf = 0;
    bool skipped = false;
    if (!walk(m, &h, b, 0, &skipped))
        return SUMM_ENOMEM;
    sender(m, &h);
    size_t decoded = SIZE_MAX;
    if (!m->list) {
        size_t k = 0;
        while (k < m->nleaf && m->leaf[k].subject)
            k++;
        if (k < m->nleaf) {
            summ_status st = read_leaf(m, &m->leaf[k], &skipped);
            if (st != SUMM_OK)
                return st;
            decoded = k;
        }
        summ_status st = decoded != SIZE_MAX ? load_list(m, m->body.t, m->body.n)
                         : load_list(m, m->s + h.subj_a, h.subj_e - h.subj_a);
        if (st != SUMM_OK)
            return st;
    }
    if (h.has_subject)
        subject(m, h.subj_a, h.subj_e);
    for (size_t k = 0; k < m->nleaf && !m->oom && !m->b->failed; k++) {
        const leaf *lf = &m->leaf[k];
        if (lf->subject) {
            subject(m, lf->a, lf->b);
            continue;
        }
        if (k != decoded) {
            summ_status st = read_leaf(m, lf, &skipped);
            if (st != SUMM_OK)
                return st;
        }
        if (m->body.replaced)
            *warn |= SUMM_WARN_UNDECODED;
        if (!summ__email_lines(m))
            return SUMM_ENOMEM;
#ifdef SUMM_HAVE_GUMBO
        if (lf->html)
            summ__email_html_lines(m);
#endif
        summ__email_classify(m);
        write_part(m);
    }
    if (skipped)
        *warn |= SUMM_WARN_SKIPPED;
    return m->oom ? SUMM_ENOMEM : SUMM_OK;
}

/* An mbox "From " separator line at p (after a blank line or at the start). */
static bool
mbox_from(const char *s, size_t p, size_t n)
{
    return n - p >= 5 && memcmp(s + p, "From ", 5) == 0;
}

summ_status
summ__read_email(doc *d, const input_env *env, summ_err *err)
{
    (void)err;
    tbuild b;
    summ__tb_init(&b, d->ar, d->src, d->srclen);
    em m = { .b = &b, .env = env, .err = err, .s = d->src, .n = d->srclen };
    m.body.al = m.hdr.al = m.html.al = d->ar->al;
    m.body.unchecked = m.hdr.unchecked = d->unchecked;  /* (html is made of body's text) */
    size_t p = d->start;
    while (p < m.n) {  /* leading blank lines */
        tline l = tline_at(m.s, m.n, p);
        if (!is_blank(m.s, l.a, l.e))
            break;
        p = l.next;
    }
    m.mbox = mbox_from(m.s, p, m.n);
    unsigned warn = 0;
    summ_status st = SUMM_OK;
    while (p < m.n && st == SUMM_OK && !b.failed) {
        size_t a = p;
        if (m.mbox)
            a = tline_at(m.s, m.n, p).next;
        /* the message runs to the next "From " line after a blank line */
        size_t end = m.n;
        if (m.mbox) {
            bool blank = false;
            for (size_t q = a; q < m.n; ) {
                tline l = tline_at(m.s, m.n, q);
                if (blank && mbox_from(m.s, l.a, m.n)) {
                    end = l.a;
                    break;
                }
                blank = is_blank(m.s, l.a, l.e);
                q = l.next;
            }
        }
        st = message(&m, a, end, &warn);
        p = end;
    }
    summ__ebody_free(&m.body);
    summ__ebody_free(&m.hdr);
    summ__ebody_free(&m.html);
    summ__free(d->ar->al, m.hblk);
    summ__free(d->ar->al, m.leaf);
    summ__free(d->ar->al, m.ln);
    summ__free(d->ar->al, m.labelbuf);
    summ__free(d->ar->al, m.prev_subj);
    if (st != SUMM_OK)
        return st;
    d->warnings |= warn;
    return summ__tb_finish(&b, d);
}

/* ---- sniffing ----------------------------------------------------------------- */

/* Header names that only mail has at its top. */
static bool
mail_header(const char *s, size_t a, size_t e)
{
    static const char *const names[] = {
        "from", "to", "cc", "subject", "date", "sent", "received", "return-path", "message-id",
        "mime-version", "content-type", "delivered-to", "reply-to", "x-mailer", "in-reply-to",
        "references", "envelope-to", "dkim-signature", "list-id", "user-agent", "x-original-to",
        "content-transfer-encoding", "thread-topic", "authentication-results",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (ascii_ieq(s + a, e - a, names[i]))
            return true;
    return false;
}

/* Is "----", which "-----Original Message-----" starts with, anywhere in
 * s[0 .. n)? */
static bool
has_dashes(const char *s, size_t n)
{
    for (const char *p = s, *end = s + n; end - p >= 4 && (p = memchr(p, '-', (size_t)(end - p - 3)));
         p++)
        if (p[1] == '-' && p[2] == '-' && p[3] == '-')
            return true;
    return false;
}

bool
summ__sniff_email(const char *s, size_t n)
{
    if (n > SNIFF_MAX)
        n = SNIFF_MAX;
    size_t p = skip_blank_lines(s, n, 0);
    if (mbox_from(s, p, n)) {
        tline l = tline_at(s, n, p);
        if (l.next < n) {
            tline k = tline_at(s, n, l.next);
            size_t ne = header_name(s, k.a, k.e);
            if (ne && mail_header(s, k.a, ne))
                return true;
        }
    }
    /* a header block at the top: known names, one that only mail has */
    size_t headers = 0, known = 0;
    bool key = false, ended = false;
    for (size_t q = p; q < n; ) {
        tline l = tline_at(s, n, q);
        if (is_blank(s, l.a, l.e)) {
            ended = true;
            break;
        }
        if (is_hsp(s[l.a]) && headers) {
            q = l.next;
            continue;
        }
        size_t ne = header_name(s, l.a, l.e);
        if (!ne)
            break;
        headers++;
        if (mail_header(s, l.a, ne)) {
            known++;
            const char *nm = s + l.a;
            size_t nn = ne - l.a;
            key |= ascii_ieq(nm, nn, "from") || ascii_ieq(nm, nn, "received")
                   || ascii_ieq(nm, nn, "message-id") || ascii_ieq(nm, nn, "return-path")
                   || ascii_ieq(nm, nn, "delivered-to") || ascii_ieq(nm, nn, "subject");
        }
        q = l.next;
    }
    if (ended && headers >= 2 && known >= 2 && key && known * 2 >= headers)
        return true;
    /* a pasted reply: "-----Original Message-----", or a line ending in ':'
     * right before three or more "> " lines; the line with the ':' has an
     * '@' ("On Monday, Bob <bob@example.com> wrote:") */
    if (!memchr(s + p, '@', n - p) && !has_dashes(s + p, n - p))
        return false;  /* most texts: no line to look at */
    size_t quotes = 0;
    bool after_colon = false;
    for (size_t q = p; q < n; ) {
        tline l = tline_at(s, n, q);
        size_t a = skip_hsp(s, l.a, l.e), z = trim_end(s, a, l.e);
        if (z - a >= 20 && z - a <= 40) {
            size_t k = a;
            while (k < z && s[k] == '-')
                k++;
            if (k - a >= 4 && ascii_iprefix(s, k, z, "original message"))
                return true;
        }
        if (a < z && s[a] == '>') {
            if (after_colon && ++quotes >= 3)
                return true;
        } else if (!is_blank(s, a, z)) {
            after_colon = z > a && s[z - 1] == ':' && memchr(s + a, '@', z - a);
            quotes = 0;
        }
        q = l.next;
    }
    return false;
}
