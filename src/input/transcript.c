/* transcript.c - speaker-labelled turns: a meeting's or an interview's
 * transcript, as people and tools write them:
 *
 *   ALICE: We should ship on Friday.        a name (1-4 words), a colon
 *   Dr. Jane Smith: Thank you.
 *   Q: What changed?   A: The timeline.     question and answer
 *   [Bob] I agree.                          a name in brackets
 *   [00:01:23] Carol: ...   Carol (00:01:23): ...   with a time stamp
 *   Speaker 1  0:03                         a name and a time alone on a
 *   Text of the turn ...                    line, the turn on the next
 *   **Dana:** ...                           bold, as Markdown writes it
 *
 * The label is the turn's metadata (summ_span.label), not text; a turn
 * runs until the next label, over any number of lines. Time stamps and
 * the transcriber's notes ("[crosstalk]", "(inaudible)", "[laughs]") are
 * not text either. The text is a conversation (doc.conversation): no lead
 * bias, and fillers ("um", "okay") are not content (stopwords/fillers/).
 *
 * This file also has the speech helpers subtitles.c uses. One pass over
 * the lines, each looked at a bounded number of bytes ahead. */
#include "input/textfmt.h"
#include "text/chars.h"
#include "text/utf8.h"

#define LABEL_MAX 48       /* bytes of a name */
#define LABEL_WORDS 4
#define NOTE_MAX 40        /* bytes of a transcriber's note in ( ) */

/* ---- time stamps and notes ---------------------------------------------------- */

size_t
summ__speech_time(const char *s, size_t a, size_t e)
{
    /* [h]h:mm[:ss][.fff] or mm:ss, digits around each colon */
    size_t k = a, groups = 0;
    for (;;) {
        size_t d = k;
        while (k < e && is_digit_c(s[k]) && k - d < 3)
            k++;
        if (k == d || k - d > 2)
            return 0;
        groups++;
        if (k < e && s[k] == ':' && groups < 3) {
            k++;
            continue;
        }
        break;
    }
    if (groups < 2)
        return 0;
    if (k < e && (s[k] == '.' || s[k] == ',')) {
        size_t d = ++k;
        while (k < e && is_digit_c(s[k]) && k - d < 3)
            k++;
        if (k == d)
            return 0;
    }
    if (k < e && (is_digit_c(s[k]) || ascii_letter((unsigned char)s[k])))
        return 0;
    return k - a;
}

/* A transcriber's note at s[a] ('[' or '('): "[laughs]", "(inaudible
 * 00:01:02)", "(Laughter)", "[crosstalk]": its length, else 0. Anything in
 * [ ] short of a line is one; in ( ) a time stamp, or up to three words of
 * one case (or one capitalised word). */
static size_t
note(const char *s, size_t a, size_t e)
{
    char close = s[a] == '[' ? ']' : s[a] == '(' ? ')' : 0;
    if (!close)
        return 0;
    size_t lim = a + (close == ']' ? 200 : NOTE_MAX);
    if (lim > e)
        lim = e;
    size_t k = a + 1, lower = 0, upper = 0, words = 0;
    bool in_word = false, time = false;
    for (; k < lim && s[k] != close; k++) {
        char c = s[k];
        if (c == '[' || c == '(')
            return 0;
        lower += c >= 'a' && c <= 'z';
        upper += c >= 'A' && c <= 'Z';
        time |= is_digit_c(c) && summ__speech_time(s, k, lim) > 0;
        bool w = !is_hsp(c);
        words += w && !in_word;
        in_word = w;
    }
    if (k >= lim || k == a + 1)
        return 0;
    if (close == ']' || time)
        return k + 1 - a;
    bool one_case = (lower > 0) != (upper > 0);
    bool capitalised = words == 1 && upper == 1 && s[a + 1] >= 'A' && s[a + 1] <= 'Z';
    return words <= 3 && (one_case || capitalised) ? k + 1 - a : 0;
}

void
summ__speech_copy(tbuild *b, const char *s, size_t a, size_t e)
{
    size_t run = a;
    for (size_t i = a; i < e; ) {
        size_t k = 0;
        if (s[i] == '[' || s[i] == '(')
            k = note(s, i, e);
        else if (s[i] == '&') {
            /* WebVTT's character references */
            static const struct { const char *ent; const char *txt; } ents[] = {
                { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&nbsp;", " " },
                { "&lrm;", "" }, { "&rlm;", "" },
            };
            for (size_t q = 0; q < sizeof ents / sizeof ents[0]; q++) {
                size_t n = strlen(ents[q].ent);
                if (e - i >= n && memcmp(s + i, ents[q].ent, n) == 0) {
                    summ__tb_copy(b, run, i - run);
                    summ__tb_put(b, ents[q].txt, strlen(ents[q].txt), i, n);
                    i += n;
                    run = i;
                    k = SIZE_MAX;
                    break;
                }
            }
            if (k == SIZE_MAX)
                continue;
        }
        if (k) {
            summ__tb_copy(b, run, i - run);
            i += k;
            run = i;
            continue;
        }
        i++;
    }
    summ__tb_copy(b, run, e - run);
}

/* ---- labels ---------------------------------------------------------------------- */

/* Is s[a .. e) a name: 1-4 words, each capitalised (or a number: "Speaker
 * 2"), or "Q" / "A"? */
static bool
name_like(const char *s, size_t a, size_t e)
{
    if (e <= a || e - a > LABEL_MAX)
        return false;
    size_t words = 0;
    bool letters = false;
    for (size_t i = a; i < e; ) {
        while (i < e && s[i] == ' ')
            i++;
        if (i >= e)
            break;
        size_t w = i;
        while (i < e && s[i] != ' ')
            i++;
        if (++words > LABEL_WORDS)
            return false;
        int32_t c;
        utf8_dec((const unsigned char *)s, w, i, &c);
        int k = cclass(c);
        if (k == CL_DIGIT) {
            for (size_t q = w; q < i; q++)
                if (!is_digit_c(s[q]))
                    return false;
            continue;
        }
        if (k != CL_UPPER && k != CL_LETTER)
            return words > 1 && i - w <= 3 && (ascii_ieq(s + w, i - w, "de") || ascii_ieq(s + w, i - w, "van")
                                               || ascii_ieq(s + w, i - w, "von") || ascii_ieq(s + w, i - w, "da"));
        letters = true;
        for (size_t q = w; q < i; ) {
            utf8_dec((const unsigned char *)s, q, i, &c);
            size_t m = utf8_seq_len((const unsigned char *)s + q, i - q);
            if (!m)
                return false;
            if (!is_word_cp(c) && c != '.' && c != '-' && c != '\'' && c != 0x2019)
                return false;
            q += m;
        }
    }
    return letters && words >= 1;
}

/* A "Name:" label ending at the colon (or bold "**") at s[k], the name
 * from n0: fills *na, *ne, *text. */
static bool
label_at(const char *s, size_t n0, size_t k, size_t e, bool bold, size_t *na, size_t *ne,
         size_t *text)
{
    size_t ne0 = k, after = k;
    if (bold && s[k] == '*') {
        if (k + 1 >= e || s[k + 1] != '*')
            return false;
        after = k + 2;
        if (after < e && s[after] == ':')
            after++;
        else if (ne0 > n0 && s[ne0 - 1] == ':')
            ne0--;
        else
            return false;
    } else {
        after = k + 1;
        if (bold) {
            if (after + 1 < e && s[after] == '*' && s[after + 1] == '*')
                after += 2;
            else
                return false;
        }
    }
    /* "Carol (00:01:23):" */
    size_t z = trim_end(s, n0, ne0);
    if (z > n0 && s[z - 1] == ')') {
        size_t q = z - 1;
        while (q > n0 && s[q] != '(')
            q--;
        if (s[q] == '(' && summ__speech_time(s, q + 1, z - 1) == z - 1 - (q + 1))
            z = trim_end(s, n0, q);
    }
    if (after < e && !is_hsp(s[after]))
        return false;  /* "12:30", "http://" */
    if (!name_like(s, n0, z))
        return false;
    *na = n0;
    *ne = z;
    *text = skip_hsp(s, after, e);
    return true;
}

/* The label at the start of line [a, e), if it has one: the name's bytes
 * [*na, *ne) and where the turn's text starts (*text, e if on the next
 * lines). */
bool
summ__speech_label(const char *s, size_t a, size_t e, size_t *na, size_t *ne, size_t *text)
{
    size_t p = skip_hsp(s, a, e);
    e = trim_end(s, p, e);
    /* ">> " (broadcast captions), "- " (a dialogue dash) before a name */
    if (e - p >= 3 && s[p] == '>' && s[p + 1] == '>')
        p = skip_hsp(s, p + 2, e);
    /* a time stamp first: "[00:01:23] ", "00:01:23 " */
    size_t t = p;
    if (t < e && (s[t] == '[' || s[t] == '(')) {
        size_t k = summ__speech_time(s, t + 1, e);
        if (k && t + 1 + k < e && (s[t + 1 + k] == ']' || s[t + 1 + k] == ')'))
            p = skip_hsp(s, t + 2 + k, e);
    } else {
        size_t k = summ__speech_time(s, t, e);
        if (k && t + k < e && is_hsp(s[t + k]))
            p = skip_hsp(s, t + k, e);
    }
    if (p >= e)
        return false;
    /* "[Bob] text" */
    if (s[p] == '[') {
        const char *z = memchr(s + p, ']', e - p);
        if (z && name_like(s, p + 1, (size_t)(z - s)) && (size_t)(z - s) + 1 < e) {
            *na = p + 1;
            *ne = (size_t)(z - s);
            *text = skip_hsp(s, *ne + 1, e);
            if (*text < e && s[*text] == ':')
                *text = skip_hsp(s, *text + 1, e);
            return *text < e;
        }
        return false;
    }
    /* "**Dana:** text", "**Dana**: text" */
    bool bold = e - p > 4 && s[p] == '*' && s[p + 1] == '*';
    size_t n0 = bold ? p + 2 : p;
    size_t lim = n0 + LABEL_MAX + 24 < e ? n0 + LABEL_MAX + 24 : e;
    /* the first colon (or bold's '*') decides: found by memchr where only
     * a colon can (most lines of most texts have none near their start) */
    size_t k = lim;
    if (bold) {
        for (k = n0; k < lim && s[k] != ':' && s[k] != '*'; k++)
            ;
    } else {
        const char *colon = memchr(s + n0, ':', lim - n0);
        if (colon)
            k = (size_t)(colon - s);
    }
    if (k < lim && label_at(s, n0, k, e, bold, na, ne, text))
        return true;
    /* "Speaker 1  0:03" or "Alice Smith 00:01:23" alone on its line */
    size_t q = e;
    while (q > p && !is_hsp(s[q - 1]))
        q--;
    if (q > p && summ__speech_time(s, q, e) == e - q) {
        size_t z = trim_end(s, p, q);
        if (name_like(s, p, z)) {
            *na = p;
            *ne = z;
            *text = e;
            return true;
        }
    }
    return false;
}

/* ---- the reader -------------------------------------------------------------------- */

/* The labels that come back (into *again), and where the first line with
 * one of them is: a label used once before it is a heading's ("Guest: Dr.
 * Amara Osei"), not a speaker's. When no label comes back, every one is a
 * speaker's (*first_turn is the start). False when out of memory. */
static bool
recurring_labels(const doc *d, strset *again, size_t *first_turn)
{
    const char *s = d->src;
    size_t n = d->srclen;
    strset once;
    summ__strset_init(&once, d->ar->al);
    summ__strset_init(again, d->ar->al);
    *first_turn = n;
    bool ok = true;
    for (size_t p = d->start; p < n && ok; ) {
        tline l = tline_at(s, n, p);
        size_t na, ne, text;
        if (summ__speech_label(s, l.a, l.e, &na, &ne, &text)) {
            if (summ__strset_has(&once, s + na, ne - na))
                ok = summ__strset_has(again, s + na, ne - na)
                     || summ__strset_add(again, s + na, ne - na);
            else
                ok = summ__strset_add(&once, s + na, ne - na);
        }
        p = l.next;
    }
    for (size_t p = d->start; p < n && ok; ) {
        tline l = tline_at(s, n, p);
        size_t na, ne, text;
        if (summ__speech_label(s, l.a, l.e, &na, &ne, &text)
            && summ__strset_has(again, s + na, ne - na)) {
            *first_turn = l.a;
            break;
        }
        p = l.next;
    }
    if (again->count == 0)
        *first_turn = d->start;
    summ__strset_free(&once);
    if (!ok)
        summ__strset_free(again);
    return ok;
}

summ_status
summ__read_transcript(doc *d, const input_env *env, summ_err *err)
{
    (void)env;
    (void)err;
    tbuild b;
    summ__tb_init(&b, d->ar, d->src, d->srclen);
    const char *s = d->src;
    size_t n = d->srclen;
    strset again;
    size_t first_turn;
    if (!recurring_labels(d, &again, &first_turn))
        return SUMM_ENOMEM;
    bool open = false, pending_nl = false;
    size_t nl_at = 0, nl_len = 0;
    for (size_t p = d->start; p < n && !b.failed; ) {
        tline l = tline_at(s, n, p);
        size_t na, ne, text;
        if (summ__speech_label(s, l.a, l.e, &na, &ne, &text)
            && (l.a >= first_turn || summ__strset_has(&again, s + na, ne - na))) {
            summ__tb_block(&b, BLOCK_PROSE);
            summ__tb_label(&b, s + na, ne - na);
            open = true;
            pending_nl = false;
            if (text < l.e) {
                summ__speech_copy(&b, s, text, trim_end(s, text, l.e));
                pending_nl = true;
                nl_at = l.e;
                nl_len = l.next - l.e;
            }
        } else if (is_blank(s, l.a, l.e)) {
            if (pending_nl) {
                /* a blank line: a paragraph of the same turn */
                summ__tb_put(&b, "\n\n", 2, nl_at, l.next - nl_at);
                pending_nl = false;
            }
        } else {
            if (!open) {
                summ__tb_block(&b, BLOCK_PROSE);  /* text before the first label */
                open = true;
            }
            if (pending_nl)
                summ__tb_put(&b, "\n", 1, nl_at, nl_len);
            size_t a = skip_hsp(s, l.a, l.e);
            summ__speech_copy(&b, s, a, trim_end(s, a, l.e));
            pending_nl = true;
            nl_at = l.e;
            nl_len = l.next - l.e;
        }
        p = l.next;
    }
    summ__strset_free(&again);
    d->conversation = true;
    return summ__tb_finish(&b, d);
}

/* ---- sniffing ------------------------------------------------------------------------ */

bool
summ__sniff_transcript(const char *s, size_t n)
{
    if (n > SNIFF_MAX)
        n = SNIFF_MAX;
    /* labelled lines: at least 4 and a third of the lines, by names that
     * come back (two of them twice or more) */
    enum { SEEN = 16 };
    size_t seen_a[SEEN], seen_n[SEEN], seen_k[SEEN], nseen = 0;
    size_t labels = 0, lines = 0, other = 0;
    for (size_t p = 0; p < n; ) {
        tline l = tline_at(s, n, p);
        p = l.next;
        if (is_blank(s, l.a, l.e))
            continue;
        lines++;
        size_t na, ne, text;
        if (!summ__speech_label(s, l.a, l.e, &na, &ne, &text))
            continue;
        labels++;
        size_t k = 0;
        while (k < nseen && !(seen_n[k] == ne - na && memcmp(s + seen_a[k], s + na, ne - na) == 0))
            k++;
        if (k < nseen) {
            seen_k[k]++;
        } else if (nseen < SEEN) {
            seen_a[nseen] = na;
            seen_n[nseen] = ne - na;
            seen_k[nseen++] = 1;
        } else {
            other++;
        }
    }
    size_t recurring = 0;
    for (size_t k = 0; k < nseen; k++)
        recurring += seen_k[k] >= 2;
    return labels >= 4 && labels * 3 >= lines && recurring >= 2 && other * 4 <= labels;
}
