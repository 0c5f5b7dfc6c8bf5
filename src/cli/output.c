/* output.c - the output formats: text (one sentence a line, or every
 * sentence with its score) and JSON (one object per document). The HTML
 * page is html.c. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "utf8fix.h"

/* The code point of the UTF-8 sequence at s[i] (valid: the library's
 * text), its lead byte only looked at for the length. */
static unsigned long
code_point(const unsigned char *s, size_t i, size_t n)
{
    unsigned char b = s[i];
    size_t m = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (i + m > n)
        return b;
    unsigned long c = m == 1 ? b : b & (0x7F >> m);
    for (size_t k = 1; k < m; k++)
        c = c << 6 | (s[i + k] & 0x3F);
    return c;
}

/* Chinese and Japanese characters and punctuation: scripts written
 * without spaces, so a line break between two of them is none either. */
static int
spaceless(unsigned long c)
{
    return (c >= 0x3000 && c < 0x3100) || (c >= 0x3400 && c < 0x4DC0)
           || (c >= 0x4E00 && c < 0xA000) || (c >= 0xF900 && c < 0xFB00)
           || (c >= 0xFF00 && c < 0xFFF0) || (c >= 0x20000 && c < 0x32000);
}

/* Print text[0 .. n) with every run of white space as one space, or as
 * nothing when it breaks a line between two Chinese or Japanese
 * characters ("これは父の\n家です。" is one sentence). */
static void
put_collapsed(FILE *f, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r'
               && s[j] != '\f' && s[j] != '\v')
            j++;
        fwrite(s + i, 1, j - i, f);
        if (j == n)
            break;
        size_t w = j;
        int broke = 0;
        while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'
                         || s[j] == '\f' || s[j] == '\v'))
            broke |= s[j++] == '\n';
        if (j < n) {
            size_t p = w;
            while (p > 0 && (u[p - 1] & 0xC0) == 0x80)
                p--;
            if (!(broke && p > 0 && spaceless(code_point(u, p - 1, n))
                  && spaceless(code_point(u, j, n))))
                putc(' ', f);
        }
        i = j;
    }
}

summ_status
cli_summarize(const cli *c, summ_ctx *ctx, const char *text, size_t len, summ_result **res)
{
    if (c->split)
        return summ_split(ctx, text, len, res);
    if (c->scores || c->format == FMT_HTML)
        return summ_rank(ctx, text, len, res);
    return summ_run(ctx, text, len, res);
}

char *
printable_name(const char *name)
{
    size_t n, nbad, first;
    char *fixed = utf8_replace_invalid(name, strlen(name), &n, &nbad, &first);
    char *z = fixed ? realloc(fixed, n + 1) : NULL;  /* the copy has no NUL of its own */
    if (!z) {
        free(fixed);
        return NULL;
    }
    z[n] = '\0';
    return z;
}

static void
write_name(FILE *f, char *const *names, size_t k)
{
    char *shown = printable_name(names[k]);
    json_write_string(f, shown ? shown : "", shown ? strlen(shown) : 0);
    free(shown);
}

/* Append name (a key with its punctuation: ",\"offset\":") and the number
 * v to buf at *n, as printf would write them. */
static void
put_size(char *buf, size_t *n, const char *name, size_t v)
{
    size_t k = strlen(name);
    memcpy(buf + *n, name, k);
    *n += k;
    *n += json_fmt_size(buf + *n, v);
}

static void
put_score(char *buf, size_t *n, const char *name, double v)
{
    size_t k = strlen(name);
    memcpy(buf + *n, name, k);
    *n += k;
    *n += json_fmt_fixed4(buf + *n, v);
}

static void
put_file(FILE *f, char *const *names, size_t document)
{
    fputs("\"file\":", f);
    write_name(f, names, document);
    char buf[JSON_NUM_MAX + 16];
    size_t m = 0;
    put_size(buf, &m, ",\"document\":", document);
    buf[m++] = ',';
    fwrite(buf, 1, m, f);
}

void
write_json_tail(FILE *f, const cli *c, const summ_result *res, char *const *names)
{
    /* how the input was read, when it was not plain text */
    summ_format fmt = summ_result_format(res);
    if (fmt != SUMM_FORMAT_TEXT && summ_format_name(fmt))
        fprintf(f, ",\"format\":\"%s\"", summ_format_name(fmt));
    fputs(",\"language\":", f);
    const char *lang = summ_result_language(res);
    json_write_string(f, lang, strlen(lang));
    unsigned warn = summ_result_warnings(res);
    if (warn) {
        fputs(",\"warnings\":[", f);
        const char *sep = "";
        if (warn & SUMM_WARN_NO_STEMMER) {
            fprintf(f, "%s\"no_stemmer\"", sep);
            sep = ",";
        }
        if (warn & SUMM_WARN_QUERY_UNMATCHED) {
            fprintf(f, "%s\"query_unmatched\"", sep);
            sep = ",";
        }
        if (warn & SUMM_WARN_CHARSET_CONVERTED) {
            fprintf(f, "%s\"charset_converted\"", sep);
            sep = ",";
        }
        if (warn & SUMM_WARN_UNDECODED) {
            fprintf(f, "%s\"undecoded\"", sep);
            sep = ",";
        }
        if (warn & SUMM_WARN_SKIPPED)
            fprintf(f, "%s\"skipped\"", sep);
        putc(']', f);
    }
    fputs(",\"sentences\":[", f);
    size_t n = summ_result_count(res);
    char buf[5 * (JSON_NUM_MAX + 16)];
    for (size_t i = 0; i < n; i++) {
        const summ_span *s = summ_result_at(res, i);
        fputs(i ? ",{" : "{", f);
        if (names)
            put_file(f, names, s->document);
        size_t m = 0;
        put_size(buf, &m, "\"index\":", s->index);
        put_size(buf, &m, ",\"offset\":", s->offset);
        put_size(buf, &m, ",\"length\":", s->length);
        put_score(buf, &m, ",\"score\":", s->score);
        buf[m++] = ',';
        fwrite(buf, 1, m, f);
        if (c->scores)
            fprintf(f, "\"selected\":%s,", s->flags & SUMM_FLAG_SELECTED ? "true" : "false");
        fputs("\"text\":", f);
        json_write_string(f, s->text, s->text_length);
        if (s->label) {
            fputs(",\"label\":", f);
            json_write_string(f, s->label, s->label_length);
        }
        putc('}', f);
    }
    putc(']', f);
    if (c->keywords) {
        /* the keywords are gathered into kb and written in few calls:
         * each keyword's text escaped in place, when it is not long */
        char kb[16384];
        size_t m = 0, nk = summ_result_keyword_count(res);
        memcpy(kb, ",\"keywords\":[", 13);
        m = 13;
        for (size_t i = 0; i < nk; i++) {
            const summ_keyword *k = summ_result_keyword(res, i);
            if (m > sizeof kb - 2048) {  /* room for a keyword of fewer than 100 bytes */
                fwrite(kb, 1, m, f);
                m = 0;
            }
            kb[m] = ',';  /* kept after the first */
            m += i > 0;
            memcpy(kb + m, "{\"text\":", 8);
            m += 8;
            if (k->text_length < 100) {
                m += json_escape_string(kb + m, k->text, k->text_length);
            } else {
                fwrite(kb, 1, m, f);
                json_write_string(f, k->text, k->text_length);
                m = 0;
            }
            put_score(kb, &m, ",\"score\":", k->score);
            kb[m++] = ',';
            if (names) {
                fwrite(kb, 1, m, f);
                put_file(f, names, k->document);
                m = 0;
            }
            put_size(kb, &m, "\"offset\":", k->offset);
            put_size(kb, &m, ",\"length\":", k->length);
            put_size(kb, &m, ",\"count\":", k->count);
            kb[m++] = '}';
        }
        kb[m++] = ']';
        fwrite(kb, 1, m, f);
    }
    fputs("}\n", f);
}

void
write_text(FILE *f, const cli *c, const summ_result *res, char *const *names)
{
    size_t nk = summ_result_keyword_count(res);
    if (nk) {
        fputs("Keywords: ", f);
        for (size_t i = 0; i < nk; i++)
            fprintf(f, "%s%s", i ? ", " : "", summ_result_keyword(res, i)->text);
        putc('\n', f);
    }
    size_t n = summ_result_count(res), shown = (size_t)-1;
    bool headers = names && summ_result_documents(res) > 1;
    for (size_t i = 0; i < n; i++) {
        const summ_span *s = summ_result_at(res, i);
        if (headers && s->document != shown) {
            char *name = printable_name(strcmp(names[s->document], "-") == 0
                                            ? "standard input" : names[s->document]);
            fprintf(f, "%s==> %s <==\n", shown == (size_t)-1 ? "" : "\n",
                    name ? name : "");
            free(name);
            shown = s->document;
        }
        if (c->scores)
            fprintf(f, "%.4f\t%s\t", s->score, s->flags & SUMM_FLAG_SELECTED ? "*" : "");
        put_collapsed(f, s->text, s->text_length);
        putc('\n', f);
    }
}

const char *
result_warning(const cli *c, const summ_result *res)
{
    if (c->has_query && (summ_result_warnings(res) & SUMM_WARN_QUERY_UNMATCHED))
        return "no sentence has a word of the query: this is the summary without it";
    if (summ_result_warnings(res) & SUMM_WARN_UNDECODED)
        return "part of the message is not text in its charset (or in one not converted): "
               "read as U+FFFD";
    return NULL;
}
