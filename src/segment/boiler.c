/* boiler.c - the furniture of pages and news copy, told by its phrases,
 * which come from stopwords/boiler/<code>.txt (the text's language, and
 * English, which the web puts on pages in any language). An entry is
 *
 *   a line           a line that is only this is furniture ("Advertisement")
 *   "notice: P"      a line with "cookie" and phrase P is a consent notice
 *   "month: M"       a month or weekday: a line of only dates is furniture
 *   "stamp: S"       "Published: ..." or "Last updated 5 March 2013"
 *   "byline: B"      the word of a byline ("By Jane Doe")
 *   "sentence: S"    a sentence that is furniture wherever it stands
 *                    ("All rights reserved.")
 *   "particle: P"    a lower-case word inside a place name ("Rio de Janeiro")
 *
 * compared after lower-casing, folding and reducing punctuation runs to one
 * space (summ__seg_normalise()). Datelines ("London (CNN) --", "WASHINGTON
 * (Reuters) -", "NEW YORK —") are told by their shape. */
#include "segment/seg.h"
#include "text/bits.h"
#include "text/vec.h"
#include "text/fold.h"

/* The ASCII letters and digits of w, as bytes_in() gives them. */
static inline uint64_t
alnum_in(uint64_t w)
{
    return letters_in(w) | bytes_in(w, '0', '9');
}

#if SUMM_VEC16
/* summ__seg_normalise()'s runs into tmp (room for cap + 16 bytes), sixteen
 * bytes at a time: each block lower-cased at once, then its runs of
 * letters and digits (and bytes past ASCII, which count as letters)
 * found from its mask and stored sixteen bytes at a time (the bytes past
 * a run's end are overwritten or ignored later). False if they do not fit
 * in cap. */
static bool
runs16(const unsigned char *p, size_t a, size_t b, char *tmp, size_t cap, size_t *kn)
{
    unsigned char blk[32];  /* a block lower-cased, and room to load 16 from any byte of it */
    size_t k = 0;
    bool inrun = false;  /* the byte before the block is in a run */
    for (size_t i = a; i < b; i += 16) {
        size_t nb = b - i < 16 ? b - i : 16, off;
        v16 v = v16_load_upto(p, i, b, &off);
        unsigned m = (v16_letters(v) | v16_in(v, '0', '9') | v16_high(v)) >> off & ((1u << nb) - 1);
        v16_store(blk, v16_lower(v));
        bool last_in = m >> (nb - 1) & 1;
        const unsigned char *from = blk + off;
        while (m) {
            /* the lowest run of m: adding its lowest bit carries through it */
            unsigned sum = m + (m & -m);
            unsigned st = (unsigned)__builtin_ctz(m), run = (unsigned)__builtin_ctz(sum) - st;
            /* the punctuation before it made one space, unless the run goes
             * on from the block before or is the first */
            size_t sep = k > 0 && !(st == 0 && inrun);
            if (k + sep + run > cap)
                return false;
            tmp[k] = ' ';
            k += sep;
            v16_store((unsigned char *)tmp + k, v16_load(from + st));
            k += run;
            m &= sum;
        }
        inrun = last_in;
    }
    *kn = k;
    return true;
}
#endif

bool
summ__seg_norm_shape(const unsigned char *p, size_t a, size_t b, size_t *nn, unsigned char *last,
                     bool *digit)
{
#if SUMM_VEC16
    /* The form's bytes are the letters and digits and the first byte of
     * each gap after them (made a space), less a gap at the end. */
    size_t count = 0, lastpos = 0;
    unsigned carry = 0;  /* the byte before the block is a letter or digit */
    bool dig = false, any = false;
    for (size_t i = a; i < b; i += 16) {
        size_t nb = b - i < 16 ? b - i : 16, off;
        v16 v = v16_load_upto(p, i, b, &off);
        unsigned keep = (1u << nb) - 1;
        if (v16_high(v) >> off & keep)
            return false;
        unsigned d = v16_in(v, '0', '9') >> off & keep, m = (v16_letters(v) >> off & keep) | d;
        dig |= d != 0;
        count += popcount16(m | (~m & (m << 1 | carry) & keep));
        carry = m >> 15 & 1;
        if (m) {
            any = true;
            lastpos = i + (size_t)(31 - __builtin_clz(m));
        }
    }
    *nn = any ? count - (lastpos + 1 < b) : 0;
    *last = any ? (unsigned char)(p[lastpos] >= 'A' && p[lastpos] <= 'Z' ? p[lastpos] + 32 : p[lastpos])
                : 0;
    *digit = dig;
    return true;
#else
    (void)p, (void)a, (void)b, (void)nn, (void)last, (void)digit;
    return false;
#endif
}

bool
summ__seg_may_be_boiler_sentence(const seg *g, size_t nn, unsigned char last)
{
    static const char tag[] = "sentence: ";
    size_t t = sizeof tag - 1;
    return g->boiler && g->boiler->count && t + nn <= 96
           && summ__strset_maybe(g->boiler, (unsigned char)tag[0], nn ? last : ' ', t + nn);
}

/* Runs of letters and digits are copied eight bytes at a time (the bytes
 * past a run's end are written, and overwritten or ignored later: tmp has
 * room for them); a byte past ASCII, which counts as a letter, one at a
 * time. Sixteen at a time where the machine can (runs16). */
bool
summ__seg_normalise(const unsigned char *p, size_t a, size_t b, char *out, size_t cap,
                    size_t *outn)
{
    char tmp[640 + 16];
    size_t k = 0;
    if (cap > 640)
        cap = 640;
#if SUMM_VEC16
    if (!runs16(p, a, b, tmp, cap, &k))
        return false;
    a = b;  /* the loop below has nothing left to do */
#endif
    for (size_t i = a; i < b; ) {
        unsigned char c = p[i];
        if (!ascii_alnum(c) && c < 0x80) {
            i++;
            continue;
        }
        if (k > 0) {  /* the punctuation before this run, made one space */
            if (k >= cap)
                return false;
            tmp[k++] = ' ';
        }
        for (;;) {
            if (b - i >= 8) {
                uint64_t w = load64(p + i);
                size_t n = lead_in(load_text64(p + i), alnum_in(load_text64(p + i)));
                if (n > 0) {
                    if (k + n > cap)
                        return false;
                    uint64_t l = lower8(w);
                    memcpy(tmp + k, &l, 8);
                    k += n;
                    i += n;
                    if (n == 8)
                        continue;
                }
            }
            if (i >= b)
                break;
            c = p[i];
            if (!ascii_alnum(c) && c < 0x80)
                break;
            if (k >= cap)
                return false;
            tmp[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
        }
    }
    size_t n = summ__fold_word(tmp, k, out, cap);
    if (n > cap)
        return false;
    *outn = n;
    return true;
}

/* Is the entry "tag: " + w[0 .. n) in g->boiler? */
static bool
has_tagged(const seg *g, const char *tag, const char *w, size_t n)
{
    char key[96];
    size_t t = strlen(tag);
    if (!g->boiler || g->boiler->count == 0 || t + n > sizeof key
        || !summ__strset_maybe(g->boiler, (unsigned char)tag[0],
                               (unsigned char)(n ? w[n - 1] : tag[t - 1]), t + n))
        return false;
    memcpy(key, tag, t);
    memcpy(key + t, w, n);
    return summ__strset_has(g->boiler, key, t + n);
}

/* has_tagged(g, tag, w') where w' is w[0 .. n) (ASCII letters and single
 * spaces, as summ__seg_normalise() leaves them but for the case) lower-
 * cased: what has_tagged() of its normalised form gives, the key made
 * only if the filter lets it be there. */
static bool
has_tagged_lower(const seg *g, const char *tag, const unsigned char *w, size_t n)
{
    size_t t = strlen(tag);
    unsigned char z = n ? (unsigned char)(w[n - 1] | 0x20) : (unsigned char)tag[t - 1];
    if (!g->boiler || g->boiler->count == 0 || t + n > 96
        || !summ__strset_maybe(g->boiler, (unsigned char)tag[0], z, t + n))
        return false;
    char low[96];
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
    return has_tagged(g, tag, low, n);
}

bool
summ__seg_boiler_line(const seg *g, size_t a, size_t b, const char *norm, size_t nn)
{
    const unsigned char *s = g->s;
    if (b - a > BOILER_MAX || a == b || !g->boiler || g->boiler->count == 0)
        return false;
    /* A full stop or question makes it a sentence ("Share."). */
    unsigned char last = s[b - 1];
    bool dots_end = last == '.' && !(b - a >= 3 && s[b - 2] == '.' && s[b - 3] == '.');
    if (dots_end || last == '!' || last == '?')
        return false;
    char own[BOILER_NORM];
    if (!norm) {
        if (!summ__seg_normalise(s, a, b, own, sizeof own, &nn))
            return false;
        norm = own;
    }
    return nn > 0 && summ__strset_has(g->boiler, norm, nn);
}

bool
summ__seg_boiler_sentence(const seg *g, const char *norm, size_t nn)
{
    return has_tagged(g, "sentence: ", norm, nn);
}

/* "March 3, 2015 ." or "Tuesday, 1 March": a date and nothing else. */
bool
summ__seg_date_only(const seg *g, const char *norm, size_t n)
{
    size_t i = 0, words = 0;
    bool month = false, number = false;
    while (i < n) {
        size_t j = i;
        while (j < n && norm[j] != ' ')
            j++;
        bool digits = true;
        for (size_t k = i; k < j; k++)
            if (norm[k] < '0' || norm[k] > '9')
                digits = false;
        if (digits) {
            number = true;
        } else {
            if (!has_tagged(g, "month: ", norm + i, j - i))
                return false;
            month = true;
        }
        words++;
        i = j + 1;
    }
    return month && number && words <= 6;
}

/* The end of a stamp ("PUBLISHED:", "Updated:", "Last updated") that
 * starts at word boundary k, past its colon; or 0. A stamp is one only
 * with its colon, in capitals, or of two words: "Published in 2019 by
 * Penguin" is a sentence. */
static size_t
stamp_at(const seg *g, size_t k, size_t lim)
{
    const unsigned char *s = g->s;
    char norm[64];  /* what summ__seg_normalise() could make of the stamp */
    bool caps = true;
    size_t e = k;
    for (int words = 0; words < 2; words++) {
        size_t w = e;
        while (e < lim && ascii_letter(s[e])) {
            caps = caps && (s[e] <= 'Z' || e == w);
            e++;
        }
        if (e == w)
            return 0;
        /* ASCII letters and one space: their normalised form is them in
         * lower case, if it fits */
        if (e - k <= sizeof norm && has_tagged_lower(g, "stamp: ", s + k, e - k)) {
            if (e < lim && s[e] == ':')
                return e + 1;
            return caps || words == 1 ? e : 0;
        }
        if (e >= lim || s[e] != ' ')
            return 0;
        e++;
    }
    return 0;
}

bool
summ__seg_stamp_line(const seg *g, size_t a, size_t b)
{
    if (b - a > 120 || !stamp_at(g, a, b))
        return false;
    for (size_t i = a; i < b; i++)
        if (g->s[i] >= '0' && g->s[i] <= '9')
            return true;  /* a date or a time follows */
    return false;
}

/* Does the word at a (up to a space) name a byline ("By", "Von", "Par")? */
static bool
byline_word(const seg *g, size_t a, size_t b, size_t *end)
{
    const unsigned char *s = g->s;
    size_t e = a;
    while (e < b && e - a < 16 && s[e] != ' ')
        e++;
    if (e >= b || s[e] != ' ')
        return false;
    char norm[32];
    size_t nn;
    *end = e + 1;
    size_t q = a;
    while (q < e && ascii_letter(s[q]))
        q++;
    if (q == e)  /* letters only ("By"): the normalised form is them in lower case */
        return e - a <= sizeof norm && has_tagged_lower(g, "byline: ", s + a, e - a);
    return summ__seg_normalise(s, a, e, norm, sizeof norm, &nn)
           && has_tagged(g, "byline: ", norm, nn);
}

bool
summ__seg_byline(const seg *g, size_t a, size_t b, size_t words)
{
    size_t e;
    if (words > 8 || !byline_word(g, a, b, &e) || e >= b)
        return false;
    int32_t c;
    dec(g->s, e, b, &c);
    return cclass(c) == CL_UPPER;
}

/* Does s[a .. b) contain "cookie" in any case? A cheap test before a
 * line is normalised, made once for the whole text and then for each
 * line of a text that has the word. The word is the same in the
 * languages whose notices we know. */
bool
summ__seg_has_cookie(const unsigned char *s, size_t a, size_t b)
{
    /* by its 'k' (or 'K'), the rarest of its letters, which memchr finds
     * many bytes at a time */
    if (b - a < 6)
        return false;
    for (int upper = 0; upper < 2; upper++) {
        const unsigned char *p = s + a + 3, *end = s + b - 2;
        while (p < end && (p = memchr(p, upper ? 'K' : 'k', (size_t)(end - p)))) {
            if ((p[-3] | 0x20) == 'c' && (p[-2] | 0x20) == 'o' && (p[-1] | 0x20) == 'o'
                && (p[1] | 0x20) == 'i' && (p[2] | 0x20) == 'e')
                return true;
            p++;
        }
    }
    return false;
}

#define NOTICE_MAX_LINE 600
#define NOTICE_MAX_WORDS 6

size_t
summ__seg_notice_end(const seg *g, size_t k)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    if (!g->cookie)
        return 0;
    size_t look = len - k < NOTICE_MAX_LINE + 1 ? len - k : NOTICE_MAX_LINE + 1;
    const unsigned char *nl = memchr(s + k, '\n', look);
    size_t le = nl ? (size_t)(nl - s) : k + look;
    if (le - k > NOTICE_MAX_LINE || (!nl && le != len) || !summ__seg_has_cookie(s, k, le))
        return 0;
    char norm[640];
    size_t nn;
    if (!summ__seg_normalise(s, k, le, norm, sizeof norm, &nn))
        return 0;
    /* every run of up to NOTICE_MAX_WORDS words, from every word */
    for (size_t i = 0; i < nn; ) {
        size_t j = i;
        for (int w = 0; w < NOTICE_MAX_WORDS && j < nn; w++) {
            while (j < nn && norm[j] != ' ')
                j++;
            if (has_tagged(g, "notice: ", norm + i, j - i))
                return le;
            j++;
        }
        while (i < nn && norm[i] != ' ')
            i++;
        i++;
    }
    return 0;
}

/* End of a dash separator (" -- ", " — ", " - ") at p (after spaces), or 0. */
static size_t
dash_end(const seg *g, size_t p)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    while (p < len && s[p] == ' ')
        p++;
    size_t q;
    if (starts_with(s, p, len, "--"))
        q = p + 2;
    else if (starts_with(s, p, len, "\xe2\x80\x94") || starts_with(s, p, len, "\xe2\x80\x93"))
        q = p + 3;
    else if (starts_with(s, p, len, "- "))
        q = p + 1;
    else
        return 0;
    if (q < len && s[q] != ' ')
        return 0;
    while (q < len && s[q] == ' ')
        q++;
    return q;
}

/* A byline and date stamps run together at the start of a scraped page
 * ("By Jane Doe PUBLISHED: 12:01 EST, 3 March 2013 | UPDATED: 12:05 EST, 3
 * March 2013 A dog saved a boy."): it ends with the year after the last
 * stamp within its first few hundred bytes. */
static size_t
stamp_block(const seg *g, size_t p)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    size_t lim = p + 400 < len ? p + 400 : len, mark = 0, e;
    if (!byline_word(g, p, lim, &e) && !stamp_at(g, p, lim))
        return 0;
    for (size_t k = p; k < lim; k++) {
        if ((k == p || !ascii_letter(s[k - 1])) && ascii_letter(s[k])) {
            size_t m = stamp_at(g, k, lim);
            if (m)
                mark = m;
        }
    }
    if (!mark)
        return 0;
    for (size_t k = mark; k + 4 <= lim; k++) {
        bool yr = (s[k] == '1' || s[k] == '2') && is_ascii_digit(s[k + 1])
                  && is_ascii_digit(s[k + 2]) && is_ascii_digit(s[k + 3])
                  && (k + 4 == len || s[k + 4] == ' ' || s[k + 4] == '.');
        if (yr && s[k - 1] == ' ') {
            e = k + 4;
            while (e < len && s[e] == ' ')
                e++;
            if (e < len && s[e] == '.')
                e++;
            return e;
        }
    }
    return 0;
}

/* A lower-case word that may stand inside a place name. */
static bool
place_particle(const seg *g, size_t q)
{
    const unsigned char *s = g->s;
    size_t e = q;
    while (e < g->len && e - q < 8 && s[e] >= 'a' && s[e] <= 'z')
        e++;
    return e < g->len && s[e] == ' ' && has_tagged(g, "particle: ", (const char *)s + q, e - q);
}

/* The end of a dateline or byline at the start of the text, or 0:
 *   "London (CNN) -- ", "(CNN)Police ...", "Tokyo (CNN)Police",
 *   "WASHINGTON (Reuters) - ", "NEW YORK — ", and the stamp blocks above. */
size_t
summ__seg_dateline(const seg *g, size_t start)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    size_t p = start;
    while (p < len && (s[p] == ' ' || s[p] == '\t'))
        p++;
    size_t sb = stamp_block(g, p);
    if (sb)
        return sb;

    /* [Place] (Source) */
    size_t q = p, words = 0;
    bool caps_place = true, any_letter = false;
    size_t letters = 0;
    while (q < len && q - p <= 60) {
        int32_t c;
        size_t n = dec(s, q, len, &c);
        int k = cclass(c);
        if (c == '(' || is_newline(c) || c == 0x2014 || c == 0x2013
            || (c == '-' && q > p && s[q - 1] == ' '))
            break;
        if (is_letter_class(k)) {
            if (!any_letter && k != CL_UPPER)
                return 0;
            if (k == CL_LOWER)
                caps_place = false;
            if (q == p || s[q - 1] == ' ') {
                words++;
                /* "Rio de Janeiro": only particles may be lower case */
                if (k != CL_UPPER && !place_particle(g, q))
                    return 0;
            }
            any_letter = true;
            letters++;
        } else if (k == CL_DIGIT) {
            if (!caps_place)
                return 0;
        } else if (!(c == ' ' || c == ',' || c == '.' || c == '-' || c == '\'')) {
            return 0;
        }
        q += n;
    }
    if (words > 6)
        return 0;
    if (q < len && s[q] == '(') {
        if (q > p && s[q - 1] != ' ')
            return 0;
        size_t r = q + 1;
        bool lower = false;
        while (r < len && r - q <= 40 && s[r] != ')') {
            int32_t c;
            size_t n = dec(s, r, len, &c);
            int k = cclass(c);
            if (k == CL_LOWER)
                lower = true;
            if (!(is_letter_class(k) || c == ' ' || c == '.' || c == '&' || c == '\'' || c == '-'))
                return 0;
            r += n;
        }
        if (r >= len || s[r] != ')' || r < q + 3)
            return 0;  /* "(A) The law": a list, not a source */
        r++;
        if (r >= len)
            return 0;
        int32_t c;
        dec(s, r, len, &c);
        int k = cclass(c);
        if (is_letter_class(k) || k == CL_DIGIT || c == '"' || c == 0x201C || c == '\''
            || c == '[')
            return r;  /* glued: "(CNN)Police" */
        size_t e = dash_end(g, r);
        if (e)
            return e;
        if (c == ' ' && !lower) {
            /* "(AP) The ...", "Washington (CNN) A huge ..." */
            size_t t = r;
            while (t < len && s[t] == ' ')
                t++;
            int32_t c2;
            if (t < len) {
                dec(s, t, len, &c2);
                if (cclass(c2) == CL_UPPER)
                    return t;
            }
        }
        return 0;
    }
    /* "NEW YORK — " */
    if (caps_place && letters >= 4 && q > p) {
        size_t t = q;
        while (t > p && s[t - 1] == ' ')
            t--;
        return dash_end(g, t);
    }
    return 0;
}
