/* hints.c - the hints of stopwords/html/ (tagged entries: see
 * html/en.txt), ready to match against class, id and role attributes and
 * against short texts (ad labels, loading indicators). */
#include <string.h>

#include "input/html.h"
#include "text/chars.h"
#include "text/fold.h"

static const char *const hint_kind[H_KINDS] = {
    "unlikely", "maybe", "positive", "negative", "byline", "share", "role", "video", "quote",
    "signature", "line",
};

typedef struct pattern {
    const char *s;
    uint32_t n;
    bool word;   /* "=word": a whole word of the attribute */
} pattern;

struct hints {
    const strset *list;   /* for the labels (ad:, loading:) */
    pattern *pat[H_KINDS];
    size_t npat[H_KINDS];
};

/* One entry of the list: "kind: pattern" into its kind's patterns. */
static bool
hint_entry(const char *e, size_t n, void *arg)
{
    hints *h = arg;
    for (int k = 0; k < H_KINDS; k++) {
        size_t kl = strlen(hint_kind[k]);
        if (n > kl + 2 && memcmp(e, hint_kind[k], kl) == 0 && e[kl] == ':' && e[kl + 1] == ' ') {
            pattern *p = &h->pat[k][h->npat[k]++];
            p->s = e + kl + 2;
            p->n = (uint32_t)(n - kl - 2);
            if (p->s[0] == '=' && p->n > 1) {
                p->word = true;
                p->s++;
                p->n--;
            }
            break;
        }
    }
    return true;
}

hints *
summ__hints_make(arena *ar, const strset *list)
{
    hints *h = summ__arena_calloc(ar, 1, sizeof *h);
    if (!h)
        return NULL;
    h->list = list;
    /* list->count counts an entry in two of its parts twice: enough room. */
    size_t total = list ? list->count : 0;
    for (int k = 0; k < H_KINDS; k++)
        if (total && !(h->pat[k] = summ__arena_calloc(ar, total, sizeof *h->pat[k])))
            return NULL;
    if (list)
        summ__strset_each(list, hint_entry, h);
    return h;
}

static bool
word_byte(unsigned char c)
{
    return ascii_alnum(c) || c >= 0x80;
}

/* The first occurrence of p (k > 0 bytes) in s[0 .. n), or NULL. */
static const char *
find(const char *s, size_t n, const char *p, size_t k)
{
    const char *end = s + n;
    while ((size_t)(end - s) >= k) {
        const char *f = memchr(s, p[0], (size_t)(end - s) - k + 1);
        if (!f)
            return NULL;
        if (memcmp(f, p, k) == 0)
            return f;
        s = f + 1;
    }
    return NULL;
}

bool
summ__hints_has(const hints *h, int kind, const char *s, size_t n)
{
    if (!h || !n)
        return false;
    for (size_t i = 0; i < h->npat[kind]; i++) {
        const pattern *p = &h->pat[kind][i];
        const char *at = s, *end = s + n;
        while ((size_t)(end - at) >= p->n) {
            const char *f = find(at, (size_t)(end - at), p->s, p->n);
            if (!f)
                break;
            if (!p->word || ((f == s || !word_byte((unsigned char)f[-1]))
                             && (f + p->n == end || !word_byte((unsigned char)f[p->n]))))
                return true;
            at = f + 1;
        }
    }
    return false;
}

bool
summ__hints_exact(const hints *h, int kind, const char *s, size_t n)
{
    for (size_t i = 0; h && i < h->npat[kind]; i++)
        if (h->pat[kind][i].n == n && memcmp(h->pat[kind][i].s, s, n) == 0)
            return true;
    return false;
}

bool
summ__hints_is_label(const hints *h, const char *text, size_t n)
{
    if (!h || !h->list)
        return false;
    while (n && is_space((unsigned char)text[n - 1]))
        n--;
    while (n && is_space((unsigned char)*text)) {
        text++;
        n--;
    }
    if (!n || n > 64)
        return false;
    char key[8 + 4 * 64 + 8];
    size_t fl = summ__fold_word(text, n, key + 9, sizeof key - 9);
    if (fl > sizeof key - 9)
        return false;
    memcpy(key + 5, "ad: ", 4);
    if (summ__strset_has(h->list, key + 5, fl + 4))
        return true;
    memcpy(key, "loading: ", 9);
    return summ__strset_has(h->list, key, fl + 9);
}

