/* output.c - the output formats: text (one sentence a line, or every
 * sentence with its score) and JSON (one object per document). The HTML
 * page is html.c. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "utf8fix.h"

/* Print text[0 .. n) with every run of white space as one space. */
static void
put_collapsed(FILE *f, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r'
               && s[j] != '\f' && s[j] != '\v')
            j++;
        fwrite(s + i, 1, j - i, f);
        if (j == n)
            break;
        while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'
                         || s[j] == '\f' || s[j] == '\v'))
            j++;
        if (j < n)
            putc(' ', f);
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

void
write_json_tail(FILE *f, const cli *c, const summ_result *res, char *const *names)
{
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
        if (warn & SUMM_WARN_QUERY_UNMATCHED)
            fprintf(f, "%s\"query_unmatched\"", sep);
        putc(']', f);
    }
    fputs(",\"sentences\":[", f);
    size_t n = summ_result_count(res);
    for (size_t i = 0; i < n; i++) {
        const summ_span *s = summ_result_at(res, i);
        fputs(i ? ",{" : "{", f);
        if (names) {
            fputs("\"file\":", f);
            write_name(f, names, s->document);
            fprintf(f, ",\"document\":%zu,", s->document);
        }
        fprintf(f, "\"index\":%zu,\"offset\":%zu,\"length\":%zu,\"score\":%.4f,", s->index,
                s->offset, s->length, s->score);
        if (c->scores)
            fprintf(f, "\"selected\":%s,", s->flags & SUMM_FLAG_SELECTED ? "true" : "false");
        fputs("\"text\":", f);
        json_write_string(f, s->text, s->text_length);
        putc('}', f);
    }
    putc(']', f);
    if (c->keywords) {
        fputs(",\"keywords\":[", f);
        size_t nk = summ_result_keyword_count(res);
        for (size_t i = 0; i < nk; i++) {
            const summ_keyword *k = summ_result_keyword(res, i);
            fprintf(f, "%s{\"text\":", i ? "," : "");
            json_write_string(f, k->text, k->text_length);
            fprintf(f, ",\"score\":%.4f,", k->score);
            if (names) {
                fputs("\"file\":", f);
                write_name(f, names, k->document);
                fprintf(f, ",\"document\":%zu,", k->document);
            }
            fprintf(f, "\"offset\":%zu,\"length\":%zu,\"count\":%zu}", k->offset, k->length,
                    k->count);
        }
        putc(']', f);
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
    return NULL;
}
