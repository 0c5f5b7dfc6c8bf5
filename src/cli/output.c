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

void
write_json_tail(FILE *f, const cli *c, const summ_result *res)
{
    fputs(",\"language\":", f);
    const char *lang = summ_result_language(res);
    json_write_string(f, lang, strlen(lang));
    fputs(",\"sentences\":[", f);
    size_t n = summ_result_count(res);
    char buf[5 * (JSON_NUM_MAX + 16)];
    for (size_t i = 0; i < n; i++) {
        const summ_span *s = summ_result_at(res, i);
        size_t m = 0;
        put_size(buf, &m, i ? ",{\"index\":" : "{\"index\":", s->index);
        put_size(buf, &m, ",\"offset\":", s->offset);
        put_size(buf, &m, ",\"length\":", s->length);
        put_score(buf, &m, ",\"score\":", s->score);
        memcpy(buf + m, ",\"text\":", 8);
        fwrite(buf, 1, m + 8, f);
        json_write_string(f, s->text, s->text_length);
        putc('}', f);
    }
    putc(']', f);
    if (c->keywords) {
        fputs(",\"keywords\":[", f);
        size_t nk = summ_result_keyword_count(res);
        for (size_t i = 0; i < nk; i++) {
            const summ_keyword *k = summ_result_keyword(res, i);
            /* each keyword one write: its text escaped in place, when it fits */
            char kb[2048];
            size_t m = 0;
            const char *open = i ? ",{\"text\":" : "{\"text\":";
            memcpy(kb, open, strlen(open));
            m += strlen(open);
            if (k->text_length < 100) {  /* room for it escaped and for four numbers */
                m += json_escape_string(kb + m, k->text, k->text_length);
            } else {
                fwrite(kb, 1, m, f);
                json_write_string(f, k->text, k->text_length);
                m = 0;
            }
            put_score(kb, &m, ",\"score\":", k->score);
            put_size(kb, &m, ",\"offset\":", k->offset);
            put_size(kb, &m, ",\"length\":", k->length);
            put_size(kb, &m, ",\"count\":", k->count);
            kb[m++] = '}';
            fwrite(kb, 1, m, f);
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
