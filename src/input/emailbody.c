/* emailbody.c - the lines of an e-mail's text part, by whose they are:
 * the author's own text, quoted text (another message's, with its
 * attribution), or boilerplate (a signature, a greeting, a disclaimer, a
 * mail program's line). The phrases come from stopwords/email/<code>.txt
 * (email/en.txt explains the kinds of entry); every decision looks a
 * bounded number of lines ahead, and a paragraph is searched for
 * disclaimer phrases only at the ends of a part, so a 10 MB quoted reply
 * costs no more than 10 MB of text. */
#include "input/email.h"
#include "text/chars.h"
#include "text/fold.h"
#include "text/utf8.h"

/* ---- words and phrases -------------------------------------------------------- */


void
summ__email_normalise(norm *o, const char *t, size_t a, size_t b)
{
    o->n = o->nw = 0;
    size_t i = a;
    while (i < b && o->nw < NORM_WORDS) {
        int32_t c;
        size_t k = utf8_dec((const unsigned char *)t, i, b, &c);
        if (!is_word_cp(c)) {
            i += k;
            continue;
        }
        size_t w = i;
        while (i < b) {
            k = utf8_dec((const unsigned char *)t, i, b, &c);
            if (!is_word_cp(c))
                break;
            i += k;
        }
        char buf[256];
        size_t fl = summ__fold_word(t + w, i - w, buf, sizeof buf);
        /* the word and the space before it must fit (o->s may be full) */
        if (fl > sizeof buf || fl + (o->nw > 0) > NORM_MAX - o->n)
            break;
        if (o->nw)
            o->s[o->n++] = ' ';
        o->ws[o->nw] = (uint16_t)o->n;
        memcpy(o->s + o->n, buf, fl);
        o->n += fl;
        o->we[o->nw++] = (uint16_t)o->n;
    }
}

/* Is "tag" + s[0 .. n) in the list? */
bool
summ__email_has(const em *m, const char *tag, const char *s, size_t n)
{
    char key[NORM_MAX + 32];
    size_t t = strlen(tag);
    if (!m->list || m->list->count == 0 || n == 0 || t + n > sizeof key)
        return false;
    memcpy(key, tag, t);
    memcpy(key + t, s, n);
    return summ__strset_has(m->list, key, t + n);
}

/* Words i .. j - 1 of o. */
static bool
has_words(const em *m, const char *tag, const norm *o, size_t i, size_t j)
{
    return j > i && j <= o->nw && summ__email_has(m, tag, o->s + o->ws[i], o->we[j - 1] - o->ws[i]);
}

/* The number of words of o's longest prefix of at most 5 words that is a
 * tag entry, or 0. */
static size_t
prefix_is(const em *m, const char *tag, const norm *o)
{
    for (size_t k = o->nw < 5 ? o->nw : 5; k > 0; k--)
        if (has_words(m, tag, o, 0, k))
            return k;
    return 0;
}

static bool
suffix_is(const em *m, const char *tag, const norm *o)
{
    for (size_t k = 1; k <= 4 && k <= o->nw; k++)
        if (has_words(m, tag, o, o->nw - k, o->nw))
            return true;
    return false;
}

/* Is one of the tag's phrases (up to 8 words) anywhere in o? */
static bool
contains(const em *m, const char *tag, const norm *o)
{
    for (size_t i = 0; i < o->nw; i++)
        for (size_t k = 1; k <= 8 && i + k <= o->nw; k++)
            if (has_words(m, tag, o, i, i + k))
                return true;
    return false;
}

/* Is a disclaimer phrase in t[a .. b)? In windows, for long paragraphs. */
static bool
disclaimer_in(const em *m, const char *t, size_t a, size_t b)
{
    norm o;
    while (a < b) {
        size_t e = b - a > 900 ? a + 900 : b;
        while (e < b && e > a && ((unsigned char)t[e] & 0xC0) == 0x80)
            e--;  /* on a character */
        summ__email_normalise(&o, t, a, e);
        if (contains(m, "disclaimer: ", &o))
            return true;
        if (e == b)
            break;
        a = e - (e - a > 200 ? 200 : 0);  /* a phrase across the cut */
        while (a < b && ((unsigned char)t[a] & 0xC0) == 0x80)
            a++;
    }
    return false;
}

bool
summ__email_stub(const em *m, const char *t, size_t a, size_t b)
{
    norm o;
    summ__email_normalise(&o, t, a, b);
    return contains(m, "stub: ", &o);
}

/* ---- the lines of a text part ------------------------------------------------- */

bool
summ__email_lines(em *m)
{
    const ebody *e = &m->body;
    m->nln = 0;
    for (size_t p = 0; p < e->n; ) {
        tline l = tline_at(e->t, e->n, p);
        if (!summ__grow(m->b->ar->al, (void **)&m->ln, &m->capln, m->nln + 1, sizeof *m->ln))
            return false;
        eline *x = &m->ln[m->nln++];
        *x = (eline){ l.a, l.e, l.next, L_TEXT, 0, l.a };
        size_t q = l.a, sp = 0;
        while (q < l.e && e->t[q] == ' ' && sp < 3) {
            q++;
            sp++;
        }
        if (q < l.e && e->t[q] == '>') {
            if (m->mbox && l.e - q >= 6 && memcmp(e->t + q, ">From ", 6) == 0) {
                x->text = q + 1;  /* mboxrd's escape of a "From " line */
            } else {
                while (q < l.e && (e->t[q] == '>' || is_hsp(e->t[q])))
                    q++;
                x->kind = L_QUOTE;
                x->quote = 1;
                x->text = q;
            }
        }
        p = l.next;
    }
    return true;
}

static bool
blank_line(const em *m, size_t i)
{
    return is_blank(m->body.t, m->ln[i].a, m->ln[i].e);
}

static size_t
line_len(const em *m, size_t i)
{
    return trim_end(m->body.t, m->ln[i].a, m->ln[i].e) - skip_hsp(m->body.t, m->ln[i].a, m->ln[i].e);
}

static void
norm_line(const em *m, size_t i, norm *o)
{
    summ__email_normalise(o, m->body.t, m->ln[i].a, m->ln[i].e);
}

/* "From: ...", "Sent: ...": a header line of a pasted header block. */
static bool
pasted_header(const em *m, size_t i)
{
    const char *t = m->body.t;
    const eline *l = &m->ln[i];
    size_t a = skip_hsp(t, l->a, l->e);
    const char *colon = memchr(t + a, ':', l->e - a < 41 ? l->e - a : 41);
    if (!colon || (size_t)(colon - t) - a > 40)
        return false;
    norm o;
    summ__email_normalise(&o, t, a, (size_t)(colon - t));
    return o.nw >= 1 && o.nw <= 3 && summ__email_has(m, "header: ", o.s, o.n);
}

/* Three header lines among the four from i: a pasted header block. */
static bool
header_block(const em *m, size_t i)
{
    if (!pasted_header(m, i))
        return false;
    size_t k = 1;
    for (size_t j = i + 1; j < m->nln && j < i + 5; j++)
        k += pasted_header(m, j);
    return k >= 3;
}

static bool
has_address_or_time(const em *m, size_t a, size_t e)
{
    const char *t = m->body.t;
    for (size_t i = a; i < e; i++)
        if (t[i] == '@' || (t[i] == ':' && i > a && i + 1 < e && is_digit_c(t[i - 1])
                            && is_digit_c(t[i + 1])))
            return true;
    return false;
}

/* The next non-blank line after i, or m->nln. */
static size_t
next_nonblank(const em *m, size_t i)
{
    for (i++; i < m->nln && blank_line(m, i); i++)
        ;
    return i;
}

/* Mark lines [a, b) as kind. */
static void
mark(em *m, size_t a, size_t b, int kind)
{
    for (size_t i = a; i < b && i < m->nln; i++)
        m->ln[i].kind = (uint8_t)kind;
}

/* Quoted history, attributions, forwarded headers: the lines that are
 * another message's. Returns the line where the quoted history starts
 * (m->nln if none), after which nothing is own text. */
static size_t
find_quotes(em *m)
{
    const char *t = m->body.t;
    size_t para = 0;  /* first line of the current paragraph */
    for (size_t i = 0; i < m->nln; i++) {
        if (blank_line(m, i)) {
            para = i + 1;
            continue;
        }
        if (m->ln[i].kind != L_TEXT)
            continue;
        norm o;
        norm_line(m, i, &o);
        if (o.nw && o.nw <= 4 && summ__email_has(m, "forward: ", o.s, o.n)) {
            /* "---------- Forwarded message ---------": its header lines go */
            size_t j = i + 1;
            while (j < m->nln && (pasted_header(m, j) || (j == i + 1 && blank_line(m, j))))
                j++;
            mark(m, i, j, L_BOILER);
            i = j - 1;
            continue;
        }
        if (o.nw && o.nw <= 3 && summ__email_has(m, "original: ", o.s, o.n))
            return i;
        /* "________________________________" before an Outlook header block */
        size_t z = trim_end(t, m->ln[i].a, m->ln[i].e), q = skip_hsp(t, m->ln[i].a, z);
        bool rule = z - q >= 10 && (t[q] == '_' || t[q] == '-' || t[q] == '=') && o.nw == 0;
        if (rule && i + 1 < m->nln && header_block(m, i + 1))
            return i;
        if (header_block(m, i))
            return i;
        if (z > q && t[z - 1] == ':' && line_len(m, i) <= 300 && suffix_is(m, "attribution: ", &o)) {
            size_t nx = next_nonblank(m, i);
            size_t from = i >= para + 2 ? i - 2 : para;  /* a wrapped "On ... wrote:" */
            if (nx < m->nln && m->ln[nx].kind == L_QUOTE) {
                mark(m, from, i + 1, L_QUOTE);
                continue;
            }
            if (has_address_or_time(m, m->ln[from].a, m->ln[i].e))
                return from;
        }
    }
    return m->nln;
}

/* A sign-off line ("Best regards,", "Thanks, Karen") with only a few
 * short lines after it in its paragraph: the end of that paragraph (the
 * signature), else 0. */
static size_t
sign_off(const em *m, size_t i, size_t end)
{
    if (line_len(m, i) > 60)
        return 0;
    norm o;
    norm_line(m, i, &o);
    size_t k = prefix_is(m, "closing: ", &o);
    if (!k || o.nw - k > 3)
        return 0;
    size_t j = i + 1;
    for (; j < end && !blank_line(m, j); j++)
        if (j - i > SIGN_OFF_LINES || line_len(m, j) > 72)
            return 0;
    return j;
}

static void
classify(em *m)
{
    size_t hist = find_quotes(m);
    mark(m, hist, m->nln, L_QUOTE);
    /* the own text's runs: between quotes, up to the history */
    size_t first = SIZE_MAX, run_end = 0;
    bool sig = false;
    for (size_t i = 0; i < hist; i++) {
        eline *l = &m->ln[i];
        if (l->kind == L_QUOTE) {
            sig = false;  /* a signature ends where a quote starts */
            continue;
        }
        if (blank_line(m, i))
            continue;
        if (l->kind != L_TEXT)
            continue;
        size_t z = trim_end(m->body.t, l->a, l->e), q = skip_hsp(m->body.t, l->a, z);
        if (z - q == 2 && m->body.t[q] == '-' && m->body.t[q + 1] == '-' && l->e > z
            && m->body.t[z] == ' ')
            sig = true;  /* "-- " */
        else if (z - q == 2 && m->body.t[q] == '-' && m->body.t[q + 1] == '-')
            sig = true;
        if (sig) {
            l->kind = L_BOILER;
            continue;
        }
        norm o;
        norm_line(m, i, &o);
        if (o.nw && summ__email_has(m, "line: ", o.s, o.n)) {
            l->kind = L_BOILER;
            continue;
        }
        if (first == SIZE_MAX) {
            first = i;
            size_t k = prefix_is(m, "greeting: ", &o);
            char last = z > q ? m->body.t[z - 1] : 0;
            if (k && o.nw - k <= 3 && z - q <= 60 && last != '.' && last != '?') {
                l->kind = L_BOILER;
                continue;
            }
        }
        /* the end of this run of own text (found once per run) */
        if (run_end <= i) {
            run_end = i + 1;
            while (run_end < hist && m->ln[run_end].kind != L_QUOTE)
                run_end++;
        }
        size_t so = sign_off(m, i, run_end);
        if (so) {
            mark(m, i, so, L_BOILER);
            i = so - 1;
        }
    }
}

/* Paragraphs with a disclaimer phrase: the first one, the last few that
 * are not quoted, and those of the signature. */
static void
disclaimers(em *m)
{
    size_t checked = 0;
    size_t end = m->nln;
    while (end > 0 && checked < DISCLAIMER_PARAS + 8) {
        while (end > 0 && blank_line(m, end - 1))
            end--;
        size_t a = end;
        while (a > 0 && !blank_line(m, a - 1))
            a--;
        if (a == end)
            break;
        bool quoted = m->ln[a].kind == L_QUOTE;
        bool boiler = m->ln[a].kind == L_BOILER;
        if (!quoted) {
            if (disclaimer_in(m, m->body.t, m->ln[a].a, m->ln[end - 1].e))
                mark(m, a, end, L_BOILER);
            if (!boiler)
                checked += 8;  /* own text: only the last few */
        }
        checked++;
        end = a;
    }
    /* the first paragraph: a banner ("CAUTION: This email originated ...") */
    size_t a = 0;
    while (a < m->nln && (blank_line(m, a) || m->ln[a].kind != L_TEXT))
        a++;
    size_t b = a;
    while (b < m->nln && !blank_line(m, b) && m->ln[b].kind == L_TEXT)
        b++;
    if (b > a && disclaimer_in(m, m->body.t, m->ln[a].a, m->ln[b - 1].e))
        mark(m, a, b, L_BOILER);
}

void
summ__email_classify(em *m)
{
    classify(m);
    disclaimers(m);
}
