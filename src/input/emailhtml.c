/* emailhtml.c - an e-mail's text/html part (built with gumbo): the HTML
 * reader (html.c) makes its text, which then goes through the same lines
 * as a plain part (emailbody.c: quotes, signatures, disclaimers).
 *
 * Two maps meet here: html.c maps the part's text to the decoded part
 * (mime.c's ebody), whose pieces map to the message's bytes. The text is
 * written as an ebody of its own whose pieces are the two composed: text
 * the reader copied from the decoded part keeps the decoding's pieces
 * (byte for byte from an identity part, a character from its "=C3=A9",
 * a share of a base64 line), and text it made (an entity, white space
 * collapsed, a block's blank line) stands for the message bytes of what
 * it made it from. So every offset stays inside the part's bytes.
 *
 * The reader runs in an arena of its own, freed once the text is
 * written, so an mbox of many HTML messages holds one part at a time. */
#include "input/email.h"

/* The message bytes [*sa, *sb) of decoded bytes [x, y) of e (x <= y; an
 * empty span is where x is). */
static void
src_span(const ebody *e, size_t x, size_t y, size_t *sa, size_t *sb)
{
    size_t lo = SIZE_MAX, hi = 0;
    for (size_t k = summ__ebody_piece_at(e, x); k < e->npc; k++) {
        const epiece *p = &e->pc[k];
        size_t pend = k + 1 < e->npc ? e->pc[k + 1].t : e->n;
        if (p->t >= y && !(x == y && p->t == x))
            break;
        size_t a = p->src, b = p->src + p->srclen;
        size_t from = x > p->t ? x : p->t, to = y < pend ? y : pend;
        if (p->kind == EP_VERBATIM) {
            a = p->src + (from - p->t);
            b = p->src + (to - p->t);
        } else if (p->kind == EP_SPREAD) {
            summ__ebody_spread_share(e, k, from, to, &a, &b);
        }
        if (a < lo)
            lo = a;
        if (b > hi)
            hi = b;
        if (pend >= y)
            break;
    }
    if (lo == SIZE_MAX)
        lo = hi = e->npc ? e->pc[e->npc - 1].src + e->pc[e->npc - 1].srclen : 0;
    *sa = lo;
    *sb = hi > lo ? hi : lo;
}

static bool
ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Append text t[0 .. n) to out: decoded bytes [x, x + len) of raw (from
 * the message msg), copied (verbatim: len == n and the bytes are raw's)
 * or made from them. */
static bool
compose(ebody *out, const ebody *raw, const char *msg, const char *t, size_t n, size_t x,
        size_t len, bool verbatim)
{
    if (!verbatim || raw->npc == 0) {
        size_t sa, sb;
        src_span(raw, x, x + len, &sa, &sb);
        /* made text stands for the message's bytes without the white
         * space at their edges (the parser's last piece of text can run
         * to the part's end), so that a sentence's span is trimmed */
        size_t a = sa, b = sb;
        while (a < b && ascii_space(msg[a]))
            a++;
        while (b > a && ascii_space(msg[b - 1]))
            b--;
        if (b > a) {
            sa = a;
            sb = b;
        }
        return summ__ebody_put(out, t, n, sa, sb - sa, EP_WHOLE);
    }
    size_t y = x + len;
    for (size_t k = summ__ebody_piece_at(raw, x); k < raw->npc && x < y; k++) {
        size_t pend = k + 1 < raw->npc ? raw->pc[k + 1].t : raw->n;
        if (pend <= x)
            continue;
        size_t z = y < pend ? y : pend, src, srclen;
        int kind = summ__ebody_span(raw, k, x, z, &src, &srclen);
        if (!summ__ebody_put(out, raw->t + x, z - x, src, srclen, kind))
            return false;
        x = z;
    }
    return true;
}

/* Note the quoted, signature and code blocks of the part's text. */
static bool
note_blocks(em *m, const doc *hd)
{
    m->nhblk = 0;
    for (size_t i = 0; i < hd->nblocks; i++) {
        const block *k = &hd->blocks[i];
        if (k->kind != BLOCK_QUOTED && k->kind != BLOCK_BOILER && k->kind != BLOCK_CODE)
            continue;
        if (!summ__grow(m->b->ar->al, (void **)&m->hblk, &m->caphblk, m->nhblk + 1,
                        sizeof *m->hblk))
            return false;
        m->hblk[m->nhblk++] = (hblock){ k->start, k->end,
                                        (uint8_t)(k->kind == BLOCK_QUOTED   ? L_QUOTE
                                                  : k->kind == BLOCK_BOILER ? L_BOILER
                                                                            : L_CODE) };
    }
    return true;
}

summ_status
summ__email_html(em *m, bool *skipped)
{
    arena scratch;
    summ__arena_init(&scratch, m->b->ar->al);
    doc hd = { .src = m->body.t ? m->body.t : "", .srclen = m->body.n, .ar = &scratch };
    input_env env = { 0 };
    if (m->env)
        env = *m->env;
    env.extract = EMAIL_HTML_EXTRACT;
    summ_err err;
    summ__err_clear(&err);
    summ_status st = summ__read_html_part(&hd, &env, &err);
    ebody *out = &m->html;
    summ__ebody_clear(out);
    out->replaced = m->body.replaced;
    if (st == SUMM_OK) {
        bool ok = note_blocks(m, &hd);
        if (hd.nmap && hd.map[0].clean > 0)  /* (a text starts with its first piece) */
            ok = ok && compose(out, &m->body, m->s, hd.text, hd.map[0].clean, 0, 0, false);
        for (size_t k = 0; k < hd.nmap && ok; k++) {
            const srcmap *p = &hd.map[k];
            size_t cl = (k + 1 < hd.nmap ? hd.map[k + 1].clean : hd.len) - p->clean;
            /* the reader's offsets are into the part it parsed, which is
             * the decoded part (a copy of it of the same length where the
             * bound blanked tags) */
            size_t x = p->src < hd.srclen ? p->src : hd.srclen;
            size_t len = p->srclen < hd.srclen - x ? p->srclen : hd.srclen - x;
            bool verbatim = cl == p->srclen && len == cl && !p->spread
                            && memcmp(hd.text + p->clean, m->body.t + x, cl) == 0;
            ok = compose(out, &m->body, m->s, hd.text + p->clean, cl, x, len, verbatim);
        }
        if (!ok)
            st = SUMM_ENOMEM;
    } else if (st != SUMM_ENOMEM) {
        /* a part the reader refuses (too big) is left out, as an attachment is */
        *skipped = true;
        summ__ebody_clear(out);
        m->nhblk = 0;
        st = SUMM_OK;
    }
    summ__arena_free(&scratch);
    if (st != SUMM_OK)
        return st;
    /* the part's text is the body now; the decoded part's buffers are kept
     * for the next */
    ebody t = m->body;
    m->body = *out;
    *out = t;
    return SUMM_OK;
}

void
summ__email_html_lines(em *m)
{
    size_t b = 0;
    for (size_t i = 0; i < m->nln && b < m->nhblk; i++) {
        eline *l = &m->ln[i];
        while (b < m->nhblk && m->hblk[b].end <= l->a)
            b++;
        if (b < m->nhblk && m->hblk[b].start <= l->a && l->a < m->hblk[b].end)
            l->kind = m->hblk[b].kind;
    }
}
