/* html.c - `-f html`: one self-contained page (inline style, no script, no
 * link to anything) that shows the whole text with the summary's sentences
 * marked, every sentence's score on hover (its title attribute), the
 * keywords and the language: OTS's --html view.
 *
 * Everything that comes from the input or a file name is escaped (& < > "
 * '), and it is valid UTF-8 already (the library checked the text; file
 * names go through utf8_replace_invalid), so any input gives a page that
 * shows it as text. For plain text the page shows the input's own bytes,
 * the spans marked in place; for other formats (whose offsets point into
 * markup) the sentences' clean texts, a paragraph break where one starts. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void
put_escaped(FILE *f, const char *s, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\r': rep = ""; break;  /* CR LF shows as one line break */
        default: continue;
        }
        fwrite(s + from, 1, i - from, f);
        fputs(rep, f);
        from = i + 1;
    }
    fwrite(s + from, 1, n - from, f);
}

static void
put_name(FILE *f, const char *name)
{
    char *shown = printable_name(strcmp(name, "-") == 0 ? "standard input" : name);
    if (shown)
        put_escaped(f, shown, strlen(shown));
    free(shown);
}

static const char style[] =
    "body{font:16px/1.5 Georgia,serif;max-width:48em;margin:2em auto;padding:0 1em;"
    "color:#222;background:#fff}"
    "header p{color:#555;margin:.2em 0}"
    ".text{white-space:pre-wrap;overflow-wrap:break-word}"
    ".s{border-radius:2px}.s:hover{background:#eef}"
    "mark.s{background:#fd6;padding:0 1px}mark.s:hover{background:#fb3}"
    ".kw{display:inline-block;background:#eee;border-radius:3px;padding:0 .4em;margin:.1em}"
    "h2{font-size:1.1em;border-bottom:1px solid #ccc;margin-top:2em}"
    "@media (prefers-color-scheme:dark){body{color:#ddd;background:#181818}"
    "header p{color:#aaa}.s:hover{background:#334}mark.s{background:#654;color:#fff}"
    "mark.s:hover{background:#875}.kw{background:#333}}";

/* One sentence, marked if chosen, its score and number in its title. */
static void
put_sentence(FILE *f, const summ_span *s, const char *text, size_t len)
{
    const char *tag = s->flags & SUMM_FLAG_SELECTED ? "mark" : "span";
    fprintf(f, "<%s class=\"s\" id=\"s%zu-%zu\" title=\"sentence %zu, score %.4f%s%s\">", tag,
            s->document, s->index, s->index + 1, s->score,
            s->flags & SUMM_FLAG_SELECTED ? ", in the summary" : "",
            s->flags & SUMM_FLAG_QUERY ? ", has the query's words" : "");
    put_escaped(f, text, len);
    fprintf(f, "</%s>", tag);
}

/* Document k's whole text, its sentences (spans [i, e) of res) marked. */
static void
put_document(FILE *f, const summ_result *res, size_t i, size_t e, const char *text, size_t len)
{
    fputs("<div class=\"text\">", f);
    if (summ_result_format(res) == SUMM_FORMAT_TEXT) {
        size_t at = 0;
        for (; i < e; i++) {
            const summ_span *s = summ_result_at(res, i);
            if (s->offset < at || s->offset + s->length > len)
                continue;  /* cannot be: the spans are in order, inside the text */
            put_escaped(f, text + at, s->offset - at);
            put_sentence(f, s, text + s->offset, s->length);
            at = s->offset + s->length;
        }
        put_escaped(f, text + at, len - at);
    } else {
        for (size_t k = i; k < e; k++) {
            const summ_span *s = summ_result_at(res, k);
            if (k > i)
                fputs(s->flags & (SUMM_FLAG_PARAGRAPH | SUMM_FLAG_HEADING | SUMM_FLAG_LIST_ITEM)
                          ? "\n\n" : " ", f);
            put_sentence(f, s, s->text, s->text_length);
        }
    }
    fputs("</div>\n", f);
}

void
write_html(FILE *f, const summ_result *res, const char *const *texts, const size_t *lens,
           char *const *names)
{
    size_t ndocs = summ_result_documents(res), n = summ_result_count(res), chosen = 0;
    for (size_t i = 0; i < n; i++)
        chosen += (summ_result_at(res, i)->flags & SUMM_FLAG_SELECTED) != 0;
    const char *lang = summ_result_language(res);
    const char *lname = summ_language_name(lang);
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<title>Summary of ", strcmp(lang, "und") == 0 ? "" : lang);
    for (size_t k = 0; k < ndocs; k++) {
        fputs(k ? ", " : "", f);
        put_name(f, names[k]);
    }
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>", style);
    for (size_t k = 0; k < ndocs; k++) {
        fputs(k ? ", " : "", f);
        put_name(f, names[k]);
    }
    fprintf(f, "</h1>\n<p>Language: %s (%s). %zu of %zu sentences in the summary, marked;"
               " hover over a sentence for its score.</p>\n",
            lname ? lname : "not told", lang, chosen, summ_result_sentences(res));
    size_t nk = summ_result_keyword_count(res);
    if (nk) {
        fputs("<p>Keywords:", f);
        for (size_t i = 0; i < nk; i++) {
            const summ_keyword *kw = summ_result_keyword(res, i);
            fprintf(f, " <span class=\"kw\" title=\"score %.4f, ", kw->score);
            if (kw->count == 1)
                fputs("once\">", f);
            else
                fprintf(f, "%zu times\">", kw->count);
            put_escaped(f, kw->text, kw->text_length);
            fputs("</span>", f);
        }
        fputs("</p>\n", f);
    }
    if (summ_result_warnings(res) & SUMM_WARN_QUERY_UNMATCHED)
        fputs("<p>No sentence has a word of the query: this is the summary without it.</p>\n",
              f);
    fputs("</header>\n<main>\n", f);
    size_t i = 0;
    for (size_t k = 0; k < ndocs; k++) {
        size_t e = i;
        while (e < n && summ_result_at(res, e)->document == k)
            e++;
        if (ndocs > 1) {
            fputs("<h2>", f);
            put_name(f, names[k]);
            fputs("</h2>\n", f);
        }
        put_document(f, res, i, e, texts[k], lens[k]);
        i = e;
    }
    fputs("</main>\n</body>\n</html>\n", f);
}
