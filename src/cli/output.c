/* output.c - the output formats: text (one sentence a line) and JSON
 * (one object per document). */
#include <string.h>

#include "cli.h"
#include "json.h"

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
    return c->split ? summ_split(ctx, text, len, res) : summ_run(ctx, text, len, res);
}

void
write_json_tail(FILE *f, const cli *c, const summ_result *res)
{
    /* how the input was read, when it was not plain text */
    summ_format fmt = summ_result_format(res);
    if (fmt != SUMM_FORMAT_TEXT && summ_format_name(fmt))
        fprintf(f, ",\"format\":\"%s\"", summ_format_name(fmt));
    fputs(",\"language\":", f);
    const char *lang = summ_result_language(res);
    json_write_string(f, lang, strlen(lang));
    fputs(",\"sentences\":[", f);
    size_t n = summ_result_count(res);
    for (size_t i = 0; i < n; i++) {
        const summ_span *s = summ_result_at(res, i);
        fprintf(f, "%s{\"index\":%zu,\"offset\":%zu,\"length\":%zu,\"score\":%.4f,\"text\":",
                i ? "," : "", s->index, s->offset, s->length, s->score);
        json_write_string(f, s->text, s->text_length);
        if (s->label) {
            fputs(",\"label\":", f);
            json_write_string(f, s->label, s->label_length);
        }
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
            fprintf(f, ",\"score\":%.4f,\"offset\":%zu,\"length\":%zu,\"count\":%zu}",
                    k->score, k->offset, k->length, k->count);
        }
        putc(']', f);
    }
    fputs("}\n", f);
}

void
write_text(FILE *f, const summ_result *res)
{
    size_t nk = summ_result_keyword_count(res);
    if (nk) {
        fputs("Keywords: ", f);
        for (size_t i = 0; i < nk; i++)
            fprintf(f, "%s%s", i ? ", " : "", summ_result_keyword(res, i)->text);
        putc('\n', f);
    }
    size_t n = summ_result_count(res);
    for (size_t i = 0; i < n; i++) {
        const summ_span *s = summ_result_at(res, i);
        put_collapsed(f, s->text, s->text_length);
        putc('\n', f);
    }
}
