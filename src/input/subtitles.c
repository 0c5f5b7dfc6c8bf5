/* subtitles.c - SRT and WebVTT: cues of text with their timings.
 *
 * The cue numbers and identifiers, the timing lines ("00:00:01,000 -->
 * 00:00:04,000 align:start"), WebVTT's header, NOTE, STYLE and REGION
 * blocks, and the markup of the cue text (<i>, <c.yellow>, <00:00:01.500>,
 * SRT's <font> and {\an8}) are not text; nor are sound notes ("[door
 * slams]", "(laughs)", lines in music notes). A sentence runs over cues,
 * as speech does, so the cues of one speaker are one block, their lines
 * joined by spaces. The speaker (WebVTT's <v Alice>, or a label the
 * captioner wrote: "ALICE:", "[Bob]", ">> CAROL:") is the block's label,
 * and a new speaker starts a new block. Like a transcript, subtitles are a
 * conversation: no lead bias, fillers are not content. */
#include "input/textfmt.h"

#define TAG_MAX 200

/* A timing line: "00:00:01,000 --> 00:00:04,000", "01:02.500 --> ...". */
static bool
timing(const char *s, size_t a, size_t e)
{
    a = skip_hsp(s, a, e);
    size_t k = summ__speech_time(s, a, e);
    if (!k)
        return false;
    size_t q = skip_hsp(s, a + k, e);
    if (e - q < 4 || memcmp(s + q, "-->", 3) != 0)
        return false;
    q = skip_hsp(s, q + 3, e);
    return summ__speech_time(s, q, e) > 0;
}

/* Is "-->", which every timing line has, anywhere in s[0 .. n)? */
static bool
has_arrow(const char *s, size_t n)
{
    for (const char *p = s + (n < 2 ? n : 2), *end = s + n;
         p < end && (p = memchr(p, '>', (size_t)(end - p))); p++)
        if (p[-1] == '-' && p[-2] == '-')
            return true;
    return false;
}

typedef struct sub {
    tbuild *b;
    const char *s;
    size_t n;
    const char *label;     /* the speaker of the open block */
    size_t label_len;
    bool open, gap;
    size_t gap_at, gap_len; /* the line break before the next text */
} sub;

/* Start a block for speaker [a, a + n) unless it is the open one's. */
static void
speaker(sub *u, const char *name, size_t n)
{
    if (u->open && n == u->label_len && (n == 0 || memcmp(name, u->label, n) == 0))
        return;
    summ__tb_block(u->b, BLOCK_PROSE);
    if (n)
        summ__tb_label(u->b, name, n);
    u->label = name;
    u->label_len = n;
    u->open = true;
    u->gap = false;
}

/* Write s[a .. e), after the space that joins it to the text before. */
static void
emit(sub *u, size_t a, size_t e)
{
    if (a >= e)
        return;
    if (u->gap)
        summ__tb_put(u->b, " ", 1, u->gap_at, u->gap_len);
    u->gap = false;
    summ__speech_copy(u->b, u->s, a, e);
}

/* Text of a cue line s[a .. e) with its markup left out. */
static void
cue_text(sub *u, size_t a, size_t e)
{
    const char *s = u->s;
    size_t run = a;
    for (size_t i = a; i < e; ) {
        size_t k = 0;
        if (s[i] == '<') {
            const char *z = memchr(s + i, '>', (e - i < TAG_MAX ? e - i : TAG_MAX));
            if (z)
                k = (size_t)(z - s) + 1 - i;
            /* <v Alice> or <v.loud Alice>: a speaker */
            if (k > 3 && s[i + 1] == 'v' && (s[i + 2] == ' ' || s[i + 2] == '.')) {
                size_t na = i + 2;
                while (na < i + k - 1 && s[na] != ' ')
                    na++;
                na = skip_hsp(s, na, i + k - 1);
                size_t ne = trim_end(s, na, i + k - 1);
                if (ne > na) {
                    emit(u, run, i);
                    run = i;
                    speaker(u, s + na, ne - na);
                }
            }
        } else if (s[i] == '{' && i + 1 < e && s[i + 1] == '\\') {
            const char *z = memchr(s + i, '}', (e - i < TAG_MAX ? e - i : TAG_MAX));
            if (z)
                k = (size_t)(z - s) + 1 - i;
        }
        if (k) {
            emit(u, run, i);
            i += k;
            run = i;
            continue;
        }
        i++;
    }
    emit(u, run, e);
}

/* One line of a cue's text. */
static void
cue_line(sub *u, tline l)
{
    const char *s = u->s;
    size_t a = skip_hsp(s, l.a, l.e), e = trim_end(s, a, l.e);
    /* a line in music notes is a song, not speech */
    if (e - a >= 3 && memcmp(s + a, "\xe2\x99\xaa", 3) == 0)
        return;
    if (e - a >= 2 && s[a] == '-' && s[a + 1] == ' ')
        a = skip_hsp(s, a + 1, e);  /* a dialogue dash */
    size_t na, ne, text;
    if (summ__speech_label(s, a, e, &na, &ne, &text) && text < e) {
        speaker(u, s + na, ne - na);
        a = text;
    } else if (!u->open) {
        speaker(u, NULL, 0);
    }
    /* a line that is only a note ("[door slams]") writes nothing */
    size_t before = u->b->len;
    cue_text(u, a, e);
    if (u->b->len > before) {
        u->gap = true;
        u->gap_at = l.e;
        u->gap_len = l.next - l.e;
    }
}

summ_status
summ__read_subtitles(doc *d, const input_env *env, summ_err *err)
{
    (void)env;
    (void)err;
    tbuild b;
    summ__tb_init(&b, d->ar, d->src, d->srclen);
    sub u = { .b = &b, .s = d->src, .n = d->srclen };
    const char *s = d->src;
    size_t n = d->srclen;
    bool in_cue = false;
    for (size_t p = d->start; p < n && !b.failed; ) {
        tline l = tline_at(s, n, p);
        p = l.next;
        if (is_blank(s, l.a, l.e)) {
            in_cue = false;
            continue;
        }
        if (timing(s, l.a, l.e)) {
            in_cue = true;
            continue;
        }
        if (in_cue) {
            cue_line(&u, l);
            continue;
        }
        /* outside a cue: a cue's number or identifier (the line before its
         * timing), the header, NOTE, STYLE, REGION: not text. A text line
         * of a cue that lost its timing is read as text. */
        if (p < n) {
            tline nx = tline_at(s, n, p);
            if (timing(s, nx.a, nx.e))
                continue;
        }
        size_t a = skip_hsp(s, l.a, l.e);
        if (ascii_iprefix(s, a, l.e, "WEBVTT") || ascii_iprefix(s, a, l.e, "NOTE")
            || ascii_iprefix(s, a, l.e, "STYLE") || ascii_iprefix(s, a, l.e, "REGION")) {
            /* the block runs to the next blank line */
            while (p < n) {
                tline k = tline_at(s, n, p);
                if (is_blank(s, k.a, k.e))
                    break;
                p = k.next;
            }
            continue;
        }
        bool digits = true;
        for (size_t q = a; q < trim_end(s, a, l.e); q++)
            digits &= is_digit_c(s[q]);
        if (!digits)
            cue_line(&u, l);
    }
    d->conversation = true;
    return summ__tb_finish(&b, d);
}

bool
summ__sniff_subtitles(const char *s, size_t n)
{
    if (n > SNIFF_MAX)
        n = SNIFF_MAX;
    size_t p = skip_blank_lines(s, n, 0);
    if (n - p >= 6 && memcmp(s + p, "WEBVTT", 6) == 0
        && (n - p == 6 || s[p + 6] == '\n' || s[p + 6] == '\r' || s[p + 6] == ' '
            || s[p + 6] == '\t'))
        return true;
    if (!has_arrow(s + p, n - p))
        return false;  /* most texts: no timing line to look for */
    size_t timings = 0;
    for (size_t q = p; q < n; ) {
        tline l = tline_at(s, n, q);
        timings += timing(s, l.a, l.e);
        if (timings >= 2)
            return true;
        q = l.next;
    }
    return false;
}
