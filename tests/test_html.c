/* test_html.c - HTML input (issue 12): sniffing, charsets, the clean text
 * and its offsets into the page, the title, the main text, and a defined
 * outcome for every bad page (tag soup, unclosed comments, deep nesting,
 * huge attributes, all script, an empty body, binary data, Latin-1
 * without a declaration), with allocation failure at every point. The
 * expected texts and offsets were worked out by hand from the pages.
 * No timing asserts: tests/bench/pathological.sh times the full-size
 * shapes.
 *
 * SUMM_TEST_SMALL=1 (the valgrind setup) shrinks the generated pages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "summarize.h"
#include "testutil.h"
#include "text/utf8.h"

/* A growing buffer for generated pages. */
typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void
put(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        assert_non_null(b->p);
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void
puts_n(buf *b, const char *s, size_t times)
{
    for (size_t i = 0; i < times; i++)
        put(b, s, strlen(s));
}

static summ_ctx *
html_ctx(int extract)
{
    summ_ctx *ctx;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_EXTRACT, extract), SUMM_OK);
    return ctx;
}

#ifdef SUMM_HAVE_GUMBO
static size_t
scaled(size_t n)
{
    const char *s = getenv("SUMM_TEST_SMALL");
    return s && *s && strcmp(s, "0") != 0 ? n / 10 : n;
}

/* Split page (auto format) with ctx; the result, which must be HTML. */
static summ_result *
split_page(summ_ctx *ctx, const char *page, size_t len)
{
    summ_result *res = NULL;
    summ_status st = summ_split(ctx, page, len, &res);
    if (st != SUMM_OK)
        fail_msg("summ_split: %s", summ_errmsg(ctx));
    assert_int_equal(summ_result_format(res), SUMM_FORMAT_HTML);
    return res;
}

/* The span's bytes in the page are exactly want. */
static void
assert_slice(const char *page, const summ_span *s, const char *want)
{
    size_t n = strlen(want);
    if (s->length != n || memcmp(page + s->offset, want, n) != 0)
        fail_msg("span [%zu, +%zu) is '%.*s', not '%s'", s->offset, s->length, (int)s->length,
                 page + s->offset, want);
}

/* The sentence texts of res are exactly want[] (NULL-terminated). */
static void
assert_texts(const summ_result *res, const char *const *want)
{
    size_t i = 0;
    for (; want[i]; i++) {
        const summ_span *s = summ_result_at(res, i);
        if (!s)
            fail_msg("only %zu sentences; missing '%s'", i, want[i]);
        if (strcmp(s->text, want[i]) != 0)
            fail_msg("sentence %zu is '%s', not '%s'", i, s->text, want[i]);
    }
    if (summ_result_count(res) != i)
        fail_msg("%zu sentences, not %zu; the next is '%s'", summ_result_count(res), i,
                 summ_result_at(res, i)->text);
}

static bool
has_text(const summ_result *res, const char *frag)
{
    for (size_t i = 0; i < summ_result_count(res); i++)
        if (strstr(summ_result_at(res, i)->text, frag))
            return true;
    return false;
}

#endif

/* Does c[0 .. n) (not NUL-terminated) hold s? */
static bool
contains(const char *c, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(c + i, s, k) == 0)
            return true;
    return false;
}

/* ---- sniffing and prescans ----------------------------------------------------- */

static void
test_sniff(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        bool html;
    } cases[] = {
        { "<!DOCTYPE html><title>x</title>", true },
        { "<!doctype HTML>\n<p>hi", true },
        { "\xEF\xBB\xBF<!DOCTYPE html>", true },                    /* after a BOM */
        { "  \n<html lang=\"en\"><body>text</body></html>", true },
        { "<!-- saved from url=(0014)about:internet -->\n<html>", true },
        { "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">", true },
        { "<div><span>a</span><span>b</span><span>c</span></div>", true },  /* mostly tags */
        { "<!DOCTYPE htmlx>", false },
        { "<htmlfoo>", false },
        { "Hello <b>world</b>, this is a plain text with a tag in it.", false },
        { "<jane@example.org> wrote:\n> quoted text\nreply", false },
        { "a < b and c > d, as everyone knows.", false },
        { "<3 you", false },
        { "<p>A paragraph that starts with a tag but is mostly a long run of plain text, "
          "written as one would write an e-mail, with only one more tag at the end.</p>", false },
        { "", false },
        { "Just text.", false },
        { "--- a/file\n+++ b/file\n@@ -1 +1 @@\n-<div>\n+<span>", false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bool got = summ__html_sniff(cases[i].text, strlen(cases[i].text));
        if (got != cases[i].html)
            fail_msg("sniff '%s': %d, not %d", cases[i].text, got, cases[i].html);
    }
    /* UTF-16 with a BOM: its ASCII is sniffed */
    static const char u16[] = "\xFF\xFE<\0h\0t\0m\0l\0>\0";
    assert_true(summ__html_sniff(u16, sizeof u16 - 1));
    static const char u16t[] = "\xFF\xFEH\0i\0!\0";
    assert_false(summ__html_sniff(u16t, sizeof u16t - 1));
}

static void
test_declared_charset(void **state)
{
    (void)state;
    static const struct {
        const char *page, *label;
    } cases[] = {
        { "<meta charset=\"ISO-8859-1\">", "iso-8859-1" },
        { "<html><head><meta charset=utf-8 /></head>", "utf-8" },
        { "<META CHARSET=' Windows-1252 '>", "windows-1252" },
        { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\">", "koi8-r" },
        { "<meta content='text/html;charset=\"gbk\"' http-equiv=content-type>", "gbk" },
        /* content without http-equiv declares nothing */
        { "<meta content=\"text/html; charset=koi8-r\">", "" },
        /* a comment or an attribute value is not a declaration */
        { "<!-- <meta charset=latin1> --><p>", "" },
        { "<div title='<meta charset=latin1>'><meta charset=euc-jp>", "euc-jp" },
        { "<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html>", "iso-8859-2" },
        { "<p>no declaration</p>", "" },
    };
    char label[64];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = summ__html_declared_charset(cases[i].page, strlen(cases[i].page), label,
                                               sizeof label);
        if (n != strlen(cases[i].label) || (n && strcmp(label, cases[i].label) != 0))
            fail_msg("'%s': '%s', not '%s'", cases[i].page, n ? label : "", cases[i].label);
    }
    /* only the first 1024 bytes are looked at */
    buf b = { 0 };
    puts_n(&b, "<p>padding</p>", 80);
    put(&b, "<meta charset=latin1>", 21);
    assert_int_equal(summ__html_declared_charset(b.p, b.n, label, sizeof label), 0);
    free(b.p);

    const char *name;
    assert_int_equal(summ__charset_kind("utf-8", &name), CHARSET_UTF8);
    assert_int_equal(summ__charset_kind("UTF-16", &name), CHARSET_UTF8);  /* a <meta> cannot */
    assert_int_equal(summ__charset_kind("x-user-defined", &name), CHARSET_REFUSED);
    assert_int_equal(summ__charset_kind("iso-8859-1", &name), CHARSET_OTHER);
    assert_string_equal(name, "WINDOWS-1252");  /* what the web means by it */
    assert_int_equal(summ__charset_kind("shift_jis", &name), CHARSET_OTHER);
    assert_string_equal(name, "CP932");
    assert_int_equal(summ__charset_kind("koi8-r", &name), CHARSET_OTHER);
    assert_string_equal(name, "koi8-r");
}

static void
test_bound(void **state)
{
    (void)state;
    arena ar;
    salloc al;
    summ__salloc_init(&al, NULL);
    summ__arena_init(&ar, &al);
    size_t blanked;
    bool oom;
    /* a real page: nothing to change */
    const char *page = "<html><body><div><p>text <b>bold</b></p></div></body></html>";
    assert_null(summ__html_bound(&ar, page, strlen(page), &blanked, &oom));
    assert_false(oom);
    assert_int_equal(blanked, 0);

    /* 300 nested <div>s: those past 160 open ones go, start and end tags */
    buf b = { 0 };
    puts_n(&b, "<div>", 300);
    put(&b, "x", 1);
    puts_n(&b, "</div>", 300);
    char *c = summ__html_bound(&ar, b.p, b.n, &blanked, &oom);
    assert_non_null(c);
    assert_int_equal(blanked, 2 * (300 - 160));
    assert_memory_equal(c, b.p, 160 * 5);                  /* the first 160 stay */
    assert_true(c[160 * 5] == ' ' && c[300 * 5 - 1] == ' ');
    assert_int_equal(c[300 * 5], 'x');
    assert_memory_equal(c + 300 * 5 + 1 + 140 * 6, b.p + 300 * 5 + 1 + 140 * 6, 160 * 6);

    /* an end tag a special element stops closes nothing: <span><div></span>
     * keeps both open, as the parser does, and the bound sees it */
    b.n = 0;
    puts_n(&b, "<span><div></span>", 1000);
    c = summ__html_bound(&ar, b.p, b.n, &blanked, &oom);
    assert_non_null(c);
    assert_true(blanked >= 1000 * 2 - 160);

    /* attributes past 256 are blanked, the tag stays */
    b.n = 0;
    put(&b, "<div", 4);
    for (int i = 0; i < 300; i++) {
        char a[16];
        int n = snprintf(a, sizeof a, " a%d=v", i);
        put(&b, a, (size_t)n);
    }
    put(&b, ">text</div>", 11);
    c = summ__html_bound(&ar, b.p, b.n, &blanked, &oom);
    assert_non_null(c);
    assert_int_equal(blanked, 1);
    assert_true(contains(c, b.n, " a255=v "));
    assert_false(contains(c, b.n, "a256"));
    assert_true(contains(c, b.n, ">text</div>"));

    /* script is raw text: what looks like tags in it is not counted */
    b.n = 0;
    put(&b, "<script>", 8);
    puts_n(&b, "<div>", 300);
    put(&b, "</script><p>x", 13);
    assert_null(summ__html_bound(&ar, b.p, b.n, &blanked, &oom));
    free(b.p);
    summ__arena_free(&ar);
}

/* ---- the clean text and its offsets --------------------------------------------- */

static const char ARTICLE_PAGE[] =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
    "<title>Council closes the old library | Riverton Gazette</title></head>\n"
    "<body><a href=\"/\" class=\"logo\">The Riverton Gazette</a>\n"
    "<nav class=\"nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
    "<li><a href=\"/sport\">Sport</a></li></ul></nav>\n"
    "<div class=\"cookie-banner\" role=\"dialog\">We use cookies. <button>Accept</button></div>\n"
    "<article class=\"story\">\n<h1>Council closes the old library</h1>\n"
    "<p class=\"byline\">By Jane Doe</p>\n"
    "<p>The town council voted on Tuesday to close the old library on Main Street, "
    "a decision that angered many residents who had used it for decades.</p>\n"
    "<p>Opponents of the plan said the &ldquo;savings&rdquo; were small, and that "
    "the building, which opened in 1908, could be repaired for less than the council "
    "claims.</p>\n"
    "<p>The library will close its doors in <b>March</b>, and its collection of "
    "books will move to the new <a href=\"/centre\">community centre</a>, the mayor said.</p>\n"
    "<p>Residents have until the end of February to return borrowed books, and the "
    "council will hold a public meeting about the future of the building next week.</p>\n"
    "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>\n"
    "</article>\n"
    "<aside class=\"sidebar\"><h2>Most read</h2><ul><li><a href=\"/a\">Storm hits the coast "
    "again</a></li><li><a href=\"/b\">School wins the county prize</a></li></ul></aside>\n"
    "<div id=\"comments\"><h3>Comments</h3><p>First! Great article, thanks for writing.</p></div>\n"
    "<footer><p>&copy; 2024 Riverton Gazette. All rights reserved.</p></footer>\n"
    "</body></html>\n";

#ifdef SUMM_HAVE_GUMBO
static void
test_article(void **state)
{
    (void)state;
    summ_ctx *ctx = html_ctx(1);
    summ_result *res = split_page(ctx, ARTICLE_PAGE, sizeof ARTICLE_PAGE - 1);
    static const char *const want[] = {
        "Council closes the old library",
        "The town council voted on Tuesday to close the old library on Main Street, a decision "
        "that angered many residents who had used it for decades.",
        "Opponents of the plan said the \xE2\x80\x9Csavings\xE2\x80\x9D were small, and that the "
        "building, which opened in 1908, could be repaired for less than the council claims.",
        "The library will close its doors in March, and its collection of books will move to "
        "the new community centre, the mayor said.",
        "Residents have until the end of February to return borrowed books, and the council "
        "will hold a public meeting about the future of the building next week.",
        NULL,
    };
    assert_texts(res, want);
    /* the title is the headline in the body, a heading: its bytes there */
    const summ_span *s = summ_result_at(res, 0);
    assert_true(s->flags & SUMM_FLAG_HEADING);
    assert_slice(ARTICLE_PAGE, s, "Council closes the old library");
    assert_true(s->offset > (size_t)(strstr(ARTICLE_PAGE, "<h1>") - ARTICLE_PAGE));
    /* an entity maps to the whole entity, inline markup is inside the span */
    assert_slice(ARTICLE_PAGE, summ_result_at(res, 2),
                 "Opponents of the plan said the &ldquo;savings&rdquo; were small, and that "
                 "the building, which opened in 1908, could be repaired for less than the "
                 "council claims.");
    assert_slice(ARTICLE_PAGE, summ_result_at(res, 3),
                 "The library will close its doors in <b>March</b>, and its collection of "
                 "books will move to the new <a href=\"/centre\">community centre</a>, the "
                 "mayor said.");
    summ_result_free(res);

    /* every visible block: the furniture is back, the title from <title> */
    summ_free(ctx);
    ctx = html_ctx(0);
    res = split_page(ctx, ARTICLE_PAGE, sizeof ARTICLE_PAGE - 1);
    assert_string_equal(summ_result_at(res, 0)->text, "Council closes the old library");
    assert_slice(ARTICLE_PAGE, summ_result_at(res, 0), "Council closes the old library");
    assert_true(summ_result_at(res, 0)->offset
                < (size_t)(strstr(ARTICLE_PAGE, "</title>") - ARTICLE_PAGE));
    assert_true(has_text(res, "Home News Sport") || has_text(res, "Home"));
    assert_true(has_text(res, "Most read"));
    assert_true(has_text(res, "Great article, thanks for writing."));
    assert_true(has_text(res, "All rights reserved"));
    assert_true(has_text(res, "By Jane Doe"));
    /* the modal cookie dialog shows nothing even so (aria-modal is not
     * set: role=dialog alone is furniture for the main text only) */
    assert_true(has_text(res, "We use cookies"));
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_summary_and_keywords(void **state)
{
    (void)state;
    summ_ctx *ctx = html_ctx(1);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 2), SUMM_OK);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 5), SUMM_OK);
    summ_result *res = NULL;
    assert_int_equal(summ_run(ctx, ARTICLE_PAGE, sizeof ARTICLE_PAGE - 1, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 2);
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *s = summ_result_at(res, i);
        /* the headline is a heading: never chosen */
        assert_false(s->flags & SUMM_FLAG_HEADING);
        assert_null(strchr(s->text, '<'));
    }
    /* keywords from the main text: none from the menus or the comments */
    assert_true(summ_result_keyword_count(res) > 0);
    for (size_t i = 0; i < summ_result_keyword_count(res); i++) {
        const summ_keyword *k = summ_result_keyword(res, i);
        assert_null(strstr(k->text, "Sport"));
        assert_null(strstr(k->text, "Storm"));
        assert_null(strstr(k->text, "href"));
        assert_memory_equal(ARTICLE_PAGE + k->offset, k->text, k->length < k->text_length
                                                                   ? k->length : k->text_length);
    }
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_entities_and_whitespace(void **state)
{
    (void)state;
    summ_ctx *ctx = html_ctx(0);
    static const char page[] =
        "<html><body><p>Caf&eacute; &amp; cr&#xE8;me &#8212; AT&T&nbsp;&notit; x&lt;y\r\n"
        "   on  two\tlines.</p><p>Line one<br>line two.</p>"
        "<pre>  kept   as\tis\n  second line</pre></body></html>";
    summ_result *res = split_page(ctx, page, sizeof page - 1);
    assert_true(summ_result_count(res) >= 3);
    const summ_span *s = summ_result_at(res, 0);
    assert_string_equal(s->text, "Caf\xC3\xA9 & cr\xC3\xA8me \xE2\x80\x94 AT&T\xC2\xA0\xC2\xACit; "
                                 "x<y on two lines.");
    assert_slice(page, s, "Caf&eacute; &amp; cr&#xE8;me &#8212; AT&T&nbsp;&notit; x&lt;y\r\n"
                          "   on  two\tlines.");
    /* <br> is a line break in the clean text */
    bool found = false;
    for (size_t i = 0; i < summ_result_count(res); i++)
        found |= strstr(summ_result_at(res, i)->text, "Line one\nline two.") != NULL
                 || strcmp(summ_result_at(res, i)->text, "Line one") == 0;
    assert_true(found);
    /* <pre> keeps its white space (the newline after <pre> is the parser's) */
    assert_true(has_text(res, "kept   as\tis"));
    summ_result_free(res);

    /* a numeric reference past any code point (gumbo's int overflows on
     * it and can leave a stray byte): the text is well-formed still */
    static const char huge[] = "<html><body><p>A &#x1100cccccccccccccccccccccccccc; b &#99999999999999; "
                               "c.</p></body></html>";
    res = split_page(ctx, huge, sizeof huge - 1);
    size_t bad;
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *sp = summ_result_at(res, i);
        assert_int_equal(summ__utf8_check(sp->text, sp->text_length, &bad), 0);
    }
    assert_true(has_text(res, "A "));
    summ_result_free(res);

    /* control characters and noncharacters: the parser gives U+FFFD for
     * each, which stands for its bytes */
    static const char ctl[] = "<html><body><p>a\x01" "b\x7f" "c\xC2\x85" "d\xEF\xBF\xBF" "e.</p>"
                              "</body></html>";
    res = split_page(ctx, ctl, sizeof ctl - 1);
    assert_int_equal(summ_result_count(res), 1);
    assert_string_equal(summ_result_at(res, 0)->text,
                        "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD" "e.");
    assert_slice(ctl, summ_result_at(res, 0), "a\x01" "b\x7f" "c\xC2\x85" "d\xEF\xBF\xBF" "e.");
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_title(void **state)
{
    (void)state;
    summ_ctx *ctx = html_ctx(1);
    static const struct {
        const char *title, *want;
    } cases[] = {
        { "How the river came back to the town | The Gazette", "How the river came back to the town" },
        { "The Gazette - How the river came back to the town", "How the river came back to the town" },
        { "Short title | Site", "Short title | Site" },        /* four words or fewer: whole */
        { "News / World / Europe / Floods in the valley", "News / World / Europe" },
        { "  A title   with  odd spacing  ", "A title with odd spacing" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char page[1024];
        snprintf(page, sizeof page, "<!DOCTYPE html><title>%s</title><p>One sentence of the "
                 "body, long enough to be a paragraph of its own here.</p>", cases[i].title);
        summ_result *res = split_page(ctx, page, strlen(page));
        const summ_span *s = summ_result_at(res, 0);
        assert_non_null(s);
        assert_true(s->flags & SUMM_FLAG_HEADING);
        /* the title sentence's text (white space collapsed by the CLI only) */
        char got[256];
        snprintf(got, sizeof got, "%s", s->text);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("title '%s': '%s', not '%s'", cases[i].title, got, cases[i].want);
        if (i + 1 < sizeof cases / sizeof *cases)
            assert_slice(page, s, cases[i].want);
        else  /* the page's own spacing */
            assert_slice(page, s, "A title   with  odd spacing");
        summ_result_free(res);
    }
    /* no title at all: the text alone */
    static const char notitle[] = "<!DOCTYPE html><p>Just a paragraph here.</p>";
    summ_result *res = split_page(ctx, notitle, sizeof notitle - 1);
    assert_int_equal(summ_result_count(res), 1);
    assert_false(summ_result_at(res, 0)->flags & SUMM_FLAG_HEADING);
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_lists_and_tables(void **state)
{
    (void)state;
    summ_ctx *ctx = html_ctx(0);
    static const char page[] =
        "<html><body><ul><li>First item</li><li>Second item</li></ul>"
        "<table><tr><td>a1</td><td>b1</td></tr><tr><td>a2</td><td>b2</td></tr></table>"
        "<h2>A heading</h2></body></html>";
    summ_result *res = split_page(ctx, page, sizeof page - 1);
    static const char *const want[] = { "First item", "Second item", "a1 b1", "a2 b2",
                                        "A heading", NULL };
    assert_texts(res, want);
    assert_true(summ_result_at(res, 0)->flags & SUMM_FLAG_LIST_ITEM);
    assert_true(summ_result_at(res, 4)->flags & SUMM_FLAG_HEADING);
    /* two cells: the space between them stands for the markup */
    assert_slice(page, summ_result_at(res, 2), "a1</td><td>b1");
    summ_result_free(res);
    summ_free(ctx);
}

/* A <pre> that is a listing (marked up as code, or dense with the symbols
 * of code) is apparatus: in --split, never in a summary while prose is
 * left; a <pre> of prose is prose. */
static void
test_listings(void **state)
{
    (void)state;
    summ_ctx *ctx = html_ctx(0);
    static const char page[] =
        "<!DOCTYPE html><body>"
        "<p>The parser reads the whole file into memory before it starts its work.</p>"
        "<pre><code>let parser = Parser::new(file);\nparser.read();</code></pre>"
        "<pre>for (i = 0; i &lt; n; i++) { total += x[i]; }</pre>"
        "<pre>The parser reads the file\nand the parser then stops.</pre>"
        "<p>Its memory grows with the file that the parser reads.</p></body>";
    summ_result *res = split_page(ctx, page, sizeof page - 1);
    size_t listings = 0, prose = 0;
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *s = summ_result_at(res, i);
        bool code = strstr(s->text, "Parser::new") || strstr(s->text, "parser.read")
                    || strstr(s->text, "total +=");
        if (code) {
            listings++;
            if (!(s->flags & SUMM_FLAG_APPARATUS))
                fail_msg("'%s' is not flagged a listing", s->text);
        } else {
            prose++;
            if (s->flags & SUMM_FLAG_APPARATUS)
                fail_msg("'%s' is prose, flagged apparatus", s->text);
        }
    }
    assert_true(listings >= 2);
    assert_true(prose >= 3);  /* the two paragraphs and the <pre> of prose */
    assert_true(has_text(res, "and the parser then stops."));
    summ_result_free(res);
    /* a summary of every sentence but one picks no listing */
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 3), SUMM_OK);
    assert_int_equal(summ_run(ctx, page, sizeof page - 1, &res), SUMM_OK);
    assert_int_equal(summ_result_count(res), 3);
    for (size_t i = 0; i < summ_result_count(res); i++)
        assert_false(summ_result_at(res, i)->flags & SUMM_FLAG_APPARATUS);
    summ_result_free(res);
    summ_free(ctx);
}

/* ---- charsets -------------------------------------------------------------------- */

static void
test_charsets(void **state)
{
    (void)state;
    summ_ctx *ctx = html_ctx(0);
    /* declared Latin-1 (windows-1252 on the web: 0x93 0x94 are quotes) */
    static const char latin1[] =
        "<html><head><meta charset=\"iso-8859-1\"></head><body>"
        "<p>Caf\xE9 cr\xE8me, \x93quoted\x94 and na\xEFve.</p></body></html>";
    summ_result *res = split_page(ctx, latin1, sizeof latin1 - 1);
    assert_int_equal(summ_result_count(res), 1);
    const summ_span *s = summ_result_at(res, 0);
    assert_string_equal(s->text, "Caf\xC3\xA9 cr\xC3\xA8me, \xE2\x80\x9Cquoted\xE2\x80\x9D and "
                                 "na\xC3\xAFve.");
    assert_slice(latin1, s, "Caf\xE9 cr\xE8me, \x93quoted\x94 and na\xEFve.");
    assert_true(summ_result_warnings(res) & SUMM_WARN_CHARSET_CONVERTED);
    summ_result_free(res);

    /* declared Latin-1 but valid UTF-8: read as UTF-8, nothing converted */
    static const char stale[] =
        "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xC3\xA9.</p></body></html>";
    res = split_page(ctx, stale, sizeof stale - 1);
    assert_string_equal(summ_result_at(res, 0)->text, "Caf\xC3\xA9.");
    assert_false(summ_result_warnings(res) & SUMM_WARN_CHARSET_CONVERTED);
    summ_result_free(res);

    /* UTF-16 with a BOM: spans on its two-byte units */
    static const char u16[] = "\xFF\xFE<\0h\0t\0m\0l\0>\0<\0p\0>\0H\0\xE9\0!\0<\0/\0p\0>\0";
    res = split_page(ctx, u16, sizeof u16 - 1);
    s = summ_result_at(res, 0);
    assert_string_equal(s->text, "H\xC3\xA9!");
    assert_int_equal(s->offset, 20);
    assert_int_equal(s->length, 6);
    assert_true(summ_result_warnings(res) & SUMM_WARN_CHARSET_CONVERTED);
    summ_result_free(res);

    /* Shift_JIS: two-byte characters, ASCII between them */
    static const char sjis[] = "<html><head><meta charset=shift_jis></head><body>"
                               "<p>\x93\xFA\x96\x7B\x8C\xEA ok.</p></body></html>";
    res = split_page(ctx, sjis, sizeof sjis - 1);
    s = summ_result_at(res, 0);
    assert_string_equal(s->text, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E ok.");
    assert_slice(sjis, s, "\x93\xFA\x96\x7B\x8C\xEA ok.");
    summ_result_free(res);

    /* ISO-2022-JP: seven-bit (so valid UTF-8), its escapes say which;
     * the text is "日本語です。" between them */
    static const char jis[] = "<html><head><meta charset=iso-2022-jp></head><body>"
                              "<p>\x1b$BF|K\\8l$G$9!#\x1b(B</p></body></html>";
    res = split_page(ctx, jis, sizeof jis - 1);
    assert_int_equal(summ_result_count(res), 1);
    s = summ_result_at(res, 0);
    assert_string_equal(s->text, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7"
                                 "\xE3\x81\x99\xE3\x80\x82");
    assert_true(summ_result_warnings(res) & SUMM_WARN_CHARSET_CONVERTED);
    /* the span holds the characters' bytes (the shift into JIS before them
     * belongs to the markup before) */
    assert_true(memcmp(jis + s->offset, "F|K\\8l$G$9!#", 12) == 0);
    summ_result_free(res);
    /* the same bytes declared nothing: read as they are */
    static const char jis_plain[] = "<html><body><p>\x1b$BF|K\\8l$G$9!#\x1b(B</p></body></html>";
    res = split_page(ctx, jis_plain, sizeof jis_plain - 1);
    assert_false(summ_result_warnings(res) & SUMM_WARN_CHARSET_CONVERTED);
    summ_result_free(res);

    /* HTTP-EQUIV KOI8-R */
    static const char koi[] = "<html><head><meta http-equiv=content-type content=\"text/html; "
                              "charset=koi8-r\"></head><body><p>\xF0\xD2\xC9\xD7\xC5\xD4.</p>";
    res = split_page(ctx, koi, sizeof koi - 1);
    assert_string_equal(summ_result_at(res, 0)->text, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5"
                                                      "\xD1\x82.");
    summ_result_free(res);
    summ_free(ctx);
}

static void
test_bad_encodings(void **state)
{
    (void)state;
    summ_ctx *ctx = html_ctx(1);
    summ_result *res = (summ_result *)1;
    /* Latin-1 without a declaration: refused, at the first bad byte */
    static const char latin1[] = "<!DOCTYPE html><html><body><p>Caf\xE9 au lait.</p></body></html>";
    assert_int_equal(summ_split(ctx, latin1, sizeof latin1 - 1, &res), SUMM_EUTF8);
    assert_null(res);
    size_t at = (size_t)(strchr(latin1, '\xE9') - latin1);
    assert_int_equal(summ_error_offset(ctx), at);
    char want[64];
    snprintf(want, sizeof want, "invalid UTF-8 at byte %zu", at);
    assert_non_null(strstr(summ_errmsg(ctx), want));
    assert_non_null(strstr(summ_errmsg(ctx), "declares no charset"));

    /* a charset iconv does not know: refused, naming it */
    static const char klingon[] = "<!DOCTYPE html><meta charset=x-klingon><p>Caf\xE9</p>";
    assert_int_equal(summ_split(ctx, klingon, sizeof klingon - 1, &res), SUMM_EUTF8);
    assert_non_null(strstr(summ_errmsg(ctx), "x-klingon"));
    /* one a browser refuses too */
    static const char userdef[] = "<!DOCTYPE html><meta charset=x-user-defined><p>\xE9</p>";
    assert_int_equal(summ_split(ctx, userdef, sizeof userdef - 1, &res), SUMM_EUTF8);
    assert_non_null(strstr(summ_errmsg(ctx), "x-user-defined"));
    /* a UTF-8 byte order mark wins over the declaration */
    static const char bom[] = "\xEF\xBB\xBF<!DOCTYPE html><meta charset=latin1><p>Caf\xE9</p>";
    assert_int_equal(summ_split(ctx, bom, sizeof bom - 1, &res), SUMM_EUTF8);
    assert_int_equal(summ_error_offset(ctx), (size_t)(strchr(bom, '\xE9') - bom));
    assert_non_null(strstr(summ_errmsg(ctx), "byte order mark"));
    /* declared UTF-8 that is not */
    static const char liar[] = "<!DOCTYPE html><meta charset=utf-8><p>Caf\xE9</p>";
    assert_int_equal(summ_split(ctx, liar, sizeof liar - 1, &res), SUMM_EUTF8);
    assert_non_null(strstr(summ_errmsg(ctx), "declares utf-8"));

    /* binary data that starts like a page: NUL wins over any charset */
    static const char bin[] = "<!DOCTYPE html><meta charset=latin1>\xE9\0\x01\x02";
    assert_int_equal(summ_split(ctx, bin, sizeof bin - 1, &res), SUMM_EBINARY);
    assert_int_equal(summ_error_offset(ctx), (size_t)(strchr(bin, '\xE9') - bin) + 1);
    /* U+0000 in UTF-16 is binary too */
    static const char u16[] = "\xFF\xFE<\0h\0t\0m\0l\0>\0<\0p\0>\0a\0\0\0";
    assert_int_equal(summ_split(ctx, u16, sizeof u16 - 1, &res), SUMM_EBINARY);
    assert_int_equal(summ_error_offset(ctx), 22);
    /* after all that, the context is fine */
    static const char ok[] = "<!DOCTYPE html><p>Fine.</p>";
    assert_int_equal(summ_split(ctx, ok, sizeof ok - 1, &res), SUMM_OK);
    summ_result_free(res);
    summ_free(ctx);
}

/* ---- bad pages: a defined outcome each ------------------------------------------- */

static void
test_bad_pages(void **state)
{
    (void)state;
    summ_ctx *ctx = html_ctx(1);
    buf b = { 0 };
    summ_result *res;

    /* tag soup: misnested, unclosed, stray end tags; the text survives */
    static const char soup[] =
        "<html><b><i>Bold and italic</b> just italic.</i><p>Para <div>div inside p</p> after."
        "</div><table><tr>Stray text.<td>A cell.</td></table></p></p></br></html>";
    res = split_page(ctx, soup, sizeof soup - 1);
    assert_true(has_text(res, "Bold and italic just italic."));
    assert_true(has_text(res, "Stray text."));
    assert_true(has_text(res, "A cell."));
    summ_result_free(res);

    /* an unclosed comment hides the rest of the page */
    static const char comment[] = "<!DOCTYPE html><body><p>Before the comment.</p><!-- <p>Hidden."
                                  "</p> never closed";
    res = split_page(ctx, comment, sizeof comment - 1);
    static const char *const before[] = { "Before the comment.", NULL };
    assert_texts(res, before);
    summ_result_free(res);

    /* nested <div>s, far deeper than the bound: the sentence is found */
    size_t deep = scaled(1000000);
    put(&b, "<!DOCTYPE html><body>", 21);
    puts_n(&b, "<div>", deep);
    put(&b, "<p>Deep inside the divs there is a sentence.</p>", 48);
    puts_n(&b, "</div>", deep);
    res = split_page(ctx, b.p, b.n);
    static const char *const inside[] = { "Deep inside the divs there is a sentence.", NULL };
    assert_texts(res, inside);
    summ_result_free(res);

    /* <span><div></span>: the parser keeps both open */
    b.n = 0;
    put(&b, "<!DOCTYPE html><body><p>Start of the page.</p>", 46);
    puts_n(&b, "<span><div></span>", scaled(200000));
    res = split_page(ctx, b.p, b.n);
    assert_true(has_text(res, "Start of the page."));
    summ_result_free(res);

    /* a huge attribute value */
    b.n = 0;
    put(&b, "<!DOCTYPE html><body><div title=\"", 33);
    size_t big = scaled(16u << 20);
    if (b.cap < b.n + big + 64) {
        b.cap = b.n + big + 64;
        b.p = realloc(b.p, b.cap);
        assert_non_null(b.p);
    }
    memset(b.p + b.n, 'x', big);
    b.n += big;
    put(&b, "\"><p>After the attribute.</p></div>", 35);
    res = split_page(ctx, b.p, b.n);
    static const char *const after[] = { "After the attribute.", NULL };
    assert_texts(res, after);
    summ_result_free(res);

    /* thousands of attributes on one tag */
    b.n = 0;
    put(&b, "<!DOCTYPE html><body><div", 25);
    for (int i = 0; i < 20000; i++) {
        char a[24];
        int n = snprintf(a, sizeof a, " data-a%d=v", i);
        put(&b, a, (size_t)n);
    }
    put(&b, "><p>Many attributes.</p></div>", 30);
    res = split_page(ctx, b.p, b.n);
    static const char *const many[] = { "Many attributes.", NULL };
    assert_texts(res, many);
    summ_result_free(res);

    /* all script: nothing to read */
    b.n = 0;
    put(&b, "<!DOCTYPE html><html><head><script>", 35);
    puts_n(&b, "document.write('<p>not text</p>'); ", scaled(100000));
    put(&b, "</script></head><body><script>var x = 1;</script></body></html>", 63);
    res = split_page(ctx, b.p, b.n);
    assert_int_equal(summ_result_count(res), 0);
    summ_result_free(res);

    /* an empty body: the title is all there is */
    static const char empty[] = "<!DOCTYPE html><html><head><title>Nothing here</title></head>"
                                "<body></body></html>";
    res = split_page(ctx, empty, sizeof empty - 1);
    static const char *const title_only[] = { "Nothing here", NULL };
    assert_texts(res, title_only);
    summ_result_free(res);
    static const char bare[] = "<!DOCTYPE html><html><body>  </body></html>";
    res = split_page(ctx, bare, sizeof bare - 1);
    assert_int_equal(summ_result_count(res), 0);
    summ_result_free(res);

    /* binary data with a .html name is not even taken for HTML: refused
     * as text is, at its first byte that is not UTF-8 or is NUL */
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR<html>";
    res = (summ_result *)1;
    assert_int_equal(summ_split(ctx, png, sizeof png - 1, &res), SUMM_EUTF8);
    assert_null(res);
    assert_int_equal(summ_error_offset(ctx), 0);
    static const char elf[] = "\x7f" "ELF\x02\x01\x01\0\0\0<!DOCTYPE html>";
    assert_int_equal(summ_split(ctx, elf, sizeof elf - 1, &res), SUMM_EBINARY);
    assert_int_equal(summ_error_offset(ctx), 7);
    free(b.p);
    summ_free(ctx);
}

/* The format forced either way. */
static void
test_forced_format(void **state)
{
    (void)state;
    summ_ctx *ctx = html_ctx(1);
    summ_result *res;
    /* plain text read as HTML: its text, as a browser would show it */
    static const char text[] = "First sentence here. Second one follows.";
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_INPUT_FORMAT, SUMM_FORMAT_HTML), SUMM_OK);
    res = split_page(ctx, text, sizeof text - 1);
    static const char *const two[] = { "First sentence here.", "Second one follows.", NULL };
    assert_texts(res, two);
    assert_slice(text, summ_result_at(res, 1), "Second one follows.");
    summ_result_free(res);
    /* a page read as text: its markup */
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_INPUT_FORMAT, SUMM_FORMAT_TEXT), SUMM_OK);
    static const char page[] = "<!DOCTYPE html><p>A page.</p>";
    assert_int_equal(summ_split(ctx, page, sizeof page - 1, &res), SUMM_OK);
    assert_int_equal(summ_result_format(res), SUMM_FORMAT_TEXT);
    assert_true(has_text(res, "<p>"));
    summ_result_free(res);
    /* SUMM_OPT_EXTRACT is 0 or 1 */
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_EXTRACT, 2), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "extract"));
    summ_free(ctx);
}

static void
test_alloc_failure(void **state)
{
    (void)state;
    /* a small page with every part: head, furniture, an article, entities */
    static const char page[] =
        "<!DOCTYPE html><html><head><title>The library closes | Gazette</title></head><body>"
        "<nav class=menu><a href=/>Home</a></nav><article><h1>The library closes</h1>"
        "<p>The council voted to close the library, a decision that angered residents.</p>"
        "<p>Opponents said the &ldquo;savings&rdquo; were small, and the building could be "
        "repaired.</p></article><footer>&copy; Gazette</footer></body></html>";
    static const test_opt html[] = { { SUMM_OPT_INPUT_FORMAT, SUMM_FORMAT_HTML, NULL },
                                     { SUMM_OPT_MAX_KEYWORDS, 3, NULL }, TEST_OPT_END };
    fail_every_allocation(page, sizeof page - 1, html);
    static const test_opt all[] = { { SUMM_OPT_EXTRACT, 0, NULL }, TEST_OPT_END };
    static const char latin1[] = "<html><head><meta charset=latin1><title>T\xEEtle</title></head>"
                                 "<body><p>Caf\xE9 &amp; cr\xE8me, twice. Caf\xE9.</p></body></html>";
    fail_every_allocation(latin1, sizeof latin1 - 1, all);
}

#else
/* A build without gumbo: HTML is told apart, and refused by name. */
static void
test_no_gumbo(void **state)
{
    (void)state;
    assert_int_equal(summ_format_supported(SUMM_FORMAT_HTML), 0);
    summ_ctx *ctx = html_ctx(1);
    summ_result *res = (summ_result *)1;
    assert_int_equal(summ_run(ctx, ARTICLE_PAGE, sizeof ARTICLE_PAGE - 1, &res), SUMM_EFORMAT);
    assert_null(res);
    assert_non_null(strstr(summ_errmsg(ctx), "-Dhtml=enabled"));
    /* plain text is read as ever */
    assert_int_equal(summ_run(ctx, "A sentence. Another one.", 24, &res), SUMM_OK);
    summ_result_free(res);
    summ_free(ctx);
}
#endif

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_declared_charset),
        cmocka_unit_test(test_bound),
#ifdef SUMM_HAVE_GUMBO
        cmocka_unit_test(test_article),
        cmocka_unit_test(test_summary_and_keywords),
        cmocka_unit_test(test_entities_and_whitespace),
        cmocka_unit_test(test_title),
        cmocka_unit_test(test_lists_and_tables),
        cmocka_unit_test(test_listings),
        cmocka_unit_test(test_charsets),
        cmocka_unit_test(test_bad_encodings),
        cmocka_unit_test(test_bad_pages),
        cmocka_unit_test(test_forced_format),
        cmocka_unit_test(test_alloc_failure),
#else
        cmocka_unit_test(test_no_gumbo),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
