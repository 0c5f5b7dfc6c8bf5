/* words.c - the words around a possible boundary: is it a stopword, an
 * abbreviation (and of which kind), a word that starts sentences, and what
 * starts the next word; whether the text is written in lower case. */
#include <utf8proc.h>

#include "segment/ascii.h"
#include "segment/seg.h"
#include "text/bits.h"
#include "text/fold.h"

bool
summ__seg_in_stop(const seg *g, size_t a, size_t n)
{
    if (!g->stop || g->stop->count == 0 || n == 0 || n > 48)
        return false;
    char buf[200];
    size_t m = summ__fold_word((const char *)g->s + a, n, buf, sizeof buf);
    return m <= sizeof buf && summ__strset_has(g->stop, buf, m);
}

bool
summ__seg_in_openers(const seg *g, size_t a, size_t n)
{
    if (!g->openers || g->openers->count == 0 || n == 0 || n > 48)
        return false;
    char buf[200];
    size_t m = summ__fold_word((const char *)g->s + a, n, buf, sizeof buf);
    return m <= sizeof buf && summ__strset_has(g->openers, buf, m);
}

/* Does the letter run s[a .. e) of a script written without spaces end in
 * a particle no sentence ends with (stopwords/nonfinal/), right after a
 * kanji, Han character or katakana: a noun, which the particle ties to
 * what follows? A hiragana word before it is a set phrase or a greeting
 * ("こんにちは", "それでは") that may stand alone. */
bool
summ__seg_nonfinal_end(const seg *g, size_t a, size_t e)
{
    if (!g->nonfinal || g->nonfinal->count == 0 || e <= a)
        return false;
    const unsigned char *s = g->s;
    size_t p = e;
    for (int k = 0; k < 3 && p > a; k++) {
        p -= utf8_prev_len(s + a, s + p);
        if (p == a)
            break;
        int32_t before;
        dec(s, p - utf8_prev_len(s + a, s + p), e, &before);
        int ck = summ__cjk_class(before);
        if (ck != CJK_HAN && ck != CJK_KATAKANA)
            continue;
        char buf[64];
        size_t m = summ__fold_word((const char *)s + p, e - p, buf, sizeof buf);
        if (m <= sizeof buf && summ__strset_has(g->nonfinal, buf, m))
            return true;
    }
    return false;
}

/* The tag of the word head[0 .. hn) + tail[0 .. tn) (hn > 0) in the
 * abbreviation list, or -1 if it is in none of its forms ("X >", "X #",
 * "X .", "X"). Each form is looked up only if the list's filter lets it be
 * there, and the key is built only then: most words before a period are
 * no abbreviation, and then nothing is copied or hashed. */
static int
abbrev_lookup(const strset *ab, const unsigned char *head, size_t hn, const unsigned char *tail,
              size_t tn)
{
    size_t kn = hn + tn;
    unsigned char a = head[0], z = tn ? tail[tn - 1] : head[hn - 1];
    bool never = summ__strset_maybe(ab, a, '>', kn + 2);
    bool num = summ__strset_maybe(ab, a, '#', kn + 2);
    bool end = summ__strset_maybe(ab, a, '.', kn + 2);
    bool plain = summ__strset_maybe(ab, a, z, kn);
    if (!(never | num | end | plain))
        return -1;
    char key[56];
    memcpy(key, head, hn);
    if (tn)  /* tail may be NULL then */
        memcpy(key + hn, tail, tn);
    key[kn] = ' ';
    key[kn + 1] = '>';
    if (never && summ__strset_has(ab, key, kn + 2))
        return AB_NEVER;
    key[kn + 1] = '#';
    if (num && summ__strset_has(ab, key, kn + 2))
        return AB_NUM;
    key[kn + 1] = '.';
    if (end && summ__strset_has(ab, key, kn + 2))
        return AB_END;
    if (plain && summ__strset_has(ab, key, kn))
        return AB_PLAIN;
    return -1;
}

/* The tag of the abbreviation s[a .. a+n) (without its final period). */
int
summ__seg_abbrev_tag(const seg *g, size_t a, size_t n)
{
    if (n == 0 || n > 40)
        return AB_NONE;
    const unsigned char *s = g->s;
    if (g->abbrev && g->abbrev->count) {
        int tag = abbrev_lookup(g->abbrev, s + a, n, NULL, 0);
        if (tag >= 0)
            return tag;
        /* Sentence-initial capital of a lower-case entry: "E.g.",
         * Bulgarian "Пл." */
        int32_t c;
        size_t m = dec(s, a, a + n, &c);
        if (cclass(c) == CL_UPPER) {
            utf8proc_uint8_t low[4];
            size_t lm;
            if (c < 0x80) {
                low[0] = (utf8proc_uint8_t)(c + 32);  /* A-Z: what utf8proc_tolower gives */
                lm = 1;
            } else {
                lm = (size_t)utf8proc_encode_char(utf8proc_tolower(c), low);
            }
            if (lm != 0 && lm + n - m <= 40) {
                tag = abbrev_lookup(g->abbrev, low, lm, s + a + m, n - m);
                if (tag >= 0)
                    return tag;
            }
        }
    }
    /* Initials and initialisms not in the list: "E", "F.B.I", "N.Y". */
    size_t i = a, letters = 0;
    while (i < a + n) {
        int32_t c;
        size_t m = dec(g->s, i, a + n, &c);
        int k = cclass(c);
        if (!is_letter_class(k))
            return AB_NONE;
        letters++;
        i += m;
        if (i < a + n) {
            if (g->s[i] != '.')
                return AB_NONE;
            i++;
        }
    }
    if (letters == 1) {
        int32_t c;
        dec(g->s, a, a + n, &c);
        return cclass(c) == CL_UPPER ? AB_PLAIN : AB_NONE;
    }
    return AB_PLAIN;
}

/* The first word after position p (skipping white space and openers):
 * its class, start and length in bytes (letters only, for the stopword
 * check). */
int
summ__seg_next_word(const seg *g, size_t p, size_t *wa, size_t *wn)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    int openers = 0;
    *wa = p;
    *wn = 0;
    while (p < len) {
        int32_t c;
        size_t n = dec(s, p, len, &c);
        /* a dash: "отырғаным! - деп" */
        bool dash = c == '-' && p + 1 < len && s[p + 1] == ' ' && openers < 4;
        if (is_space(c) || (is_opener(c) && openers++ < 4) || dash) {
            openers += dash;
            p += n;
            continue;
        }
        int k = cclass(c);
        *wa = p;
        if (is_letter_class(k)) {
            /* ASCII letters many at a time, the rest one by one */
            size_t q = letters_to(s, p, p + 49 < len ? p + 49 : len, len);
            while (q < len && q - p <= 48) {
                int32_t c2;
                size_t m = dec(s, q, len, &c2);
                if (!is_letter_class(cclass(c2)) && c2 != '\'' && c2 != 0x2019)
                    break;
                q += m;
            }
            *wn = q - p;
            /* "iPhone sales rose": a word with a capital among its first
             * letters counts as capitalised. */
            if (k == CL_LOWER && p + n < q) {  /* a second letter, not a second byte */
                int32_t c2;
                dec(s, p + n, len, &c2);
                if (cclass(c2) == CL_UPPER)
                    return CL_UPPER;
            }
        }
        return k;
    }
    return -1;  /* end of text */
}

/* Is the text lower-cased as a whole (as many corpora ship it)? Its
 * sentence ends are followed by lower-case words more often than not:
 * ". " then a lower-case letter at least three times, and more than twice
 * as often as a capital. One pass, bounded work per terminal. */
void
summ__seg_case_stats(seg *g, size_t start)
{
    const unsigned char *s = g->s;
    size_t len = g->len, lower = 0, upper = 0;
    for (size_t i = start; i + 2 < len; i++) {
        if (i + 8 <= len) {  /* eight bytes without a terminal at once */
            uint64_t w = load64(s + i);
            if (!has_byte(w, '.') && !has_byte(w, '?') && !has_byte(w, '!')) {
                i += 7;
                continue;
            }
        }
        unsigned char b = s[i];
        if (b != '.' && b != '?' && b != '!')
            continue;
        size_t j = i + 1;
        if (s[j] != ' ' && s[j] != '\n')
            continue;
        while (j < len && j - i < 4 && (s[j] == ' ' || s[j] == '\n'))
            j++;
        if (j >= len)
            break;
        int32_t c;
        dec(s, j, len, &c);
        int k = cclass(c);
        lower += k == CL_LOWER;
        upper += k == CL_UPPER;
    }
    g->lower_text = lower >= 3 && lower > 2 * upper;
    g->case_counted = true;
}

/* Is the word s[a .. b) a filler (1), a stopword (2), or neither (0)? */
static int
filler_kind(const seg *g, size_t a, size_t b)
{
    char buf[200];
    if (b - a > 48)
        return 0;
    size_t m = summ__fold_word((const char *)g->s + a, b - a, buf, sizeof buf);
    if (m > sizeof buf)
        return 0;
    if (summ__strset_has(g->d->fillers, buf, m))
        return 1;
    return g->stop && summ__strset_has(g->stop, buf, m) ? 2 : 0;
}

void
summ__seg_mark_fillers(seg *g)
{
    doc *d = g->d;
    const unsigned char *s = g->s;
    if (!d->fillers || d->fillers->count == 0)
        return;
    for (size_t k = 0; k < d->nsent; k++) {
        sentence *t = &d->sent[k];
        size_t i = t->start, wa = NONE;
        int fillers = 0;
        bool other = false;
        while (i <= t->end && !other) {
            int32_t c = 0;
            size_t n = i < t->end ? dec(s, i, t->end, &c) : 1;
            /* "uh-huh", "y'know": inner hyphens and apostrophes */
            bool inner = (c == '-' || c == '\'' || c == 0x2019) && wa != NONE;
            if (i < t->end && (is_word_cp(c) || inner)) {
                if (wa == NONE)
                    wa = i;
            } else if (wa != NONE) {
                int f = filler_kind(g, wa, i);
                fillers += f == 1;
                other = f == 0;
                wa = NONE;
            }
            i += n;
        }
        if (fillers && !other)
            t->flags |= SUMM_FLAG_FILLER;
    }
}
