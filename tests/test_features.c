/* test_features.c - the kinds of sentence (features.c): cue phrases, the
 * first and second person outside quotes, questions, fillers, citation
 * markers, numbers; section headings and the sections they open; captions,
 * equation scraps, table rows and reference lists as apparatus. One line
 * per case: a text, a sentence of it and what it must (and must not) be. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

/* The document of text in language code, segmented and its kinds told
 * twice: from features.c's own reading of the words (as for --split),
 * then from tokenize.c's (as when ranking), which must agree in every
 * sentence: the second is the one the cases check. */
typedef struct kdoc {
    summ_ctx *ctx;
    arena ar;
    doc d;
} kdoc;

static void
kdoc_setup(kdoc *k, const char *text, const char *code)
{
    test_opt opts[] = { { SUMM_OPT_LANGUAGE, 0, code }, TEST_OPT_END };
    k->ctx = new_ctx_opts(opts);
    summ__arena_init(&k->ar, &k->ctx->al);
    const lang_info *lang = summ__lang_lookup(code);
    assert_non_null(lang);
    langres *lr = NULL;
    assert_int_equal(summ__ctx_langres(k->ctx, lang, &lr), SUMM_OK);
    k->d = plain_doc(&k->ar, text, strlen(text), lang, lr);
    assert_int_equal(summ__segment(&k->d), SUMM_OK);
    size_t n = k->d.nsent ? k->d.nsent : 1;
    uint32_t *flags = calloc(n, sizeof *flags), *own_flags = calloc(n, sizeof *own_flags);
    sfeat *own = calloc(n, sizeof *own);
    assert_true(flags && own_flags && own);
    for (size_t i = 0; i < k->d.nsent; i++)
        flags[i] = k->d.sent[i].flags;
    assert_int_equal(summ__features(&k->d), SUMM_OK);
    for (size_t i = 0; i < k->d.nsent; i++) {
        own[i] = k->d.feat[i];
        own_flags[i] = k->d.sent[i].flags;
        k->d.sent[i].flags = flags[i];
    }
    size_t own_sections = k->d.nsections;
    double own_share = k->d.first_person;
    assert_int_equal(summ__tokenize(&k->d), SUMM_OK);
    assert_true(k->d.nword > 0 || k->d.nsent == 0);
    assert_int_equal(summ__features(&k->d), SUMM_OK);
    for (size_t i = 0; i < k->d.nsent; i++) {
        const sfeat *f = &k->d.feat[i];
        if (f->bits != own[i].bits || f->section != own[i].section || f->ncite != own[i].ncite
            || f->nnum != own[i].nnum || k->d.sent[i].flags != own_flags[i])
            fail_msg("sentence %zu of \"%s\": bits %u/%u section %u/%u flags %u/%u", i, text,
                     f->bits, own[i].bits, f->section, own[i].section,
                     (unsigned)k->d.sent[i].flags, (unsigned)own_flags[i]);
    }
    assert_int_equal(k->d.nsections, own_sections);
    assert_true(k->d.first_person == own_share);
    free(flags);
    free(own_flags);
    free(own);
}

static void
kdoc_teardown(kdoc *k)
{
    doc_release(&k->d);
    summ_free(k->ctx);
}

/* The index of the sentence that starts with prefix, or fail. */
static size_t
find(const doc *d, const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = 0; i < d->nsent; i++)
        if (d->sent[i].end - d->sent[i].start >= n && memcmp(d->text + d->sent[i].start, prefix, n) == 0)
            return i;
    fail_msg("no sentence starts with '%s'", prefix);
    return 0;
}

static void
test_kinds(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *sentence;  /* the sentence: a prefix of it */
        unsigned bits, not_bits;             /* FEAT_* it has, and has not */
        unsigned ncite, nnum;
    } cases[] = {
        /* a contribution cue, said in the first person */
        { "en", "We propose a parser for tables. It is fast.", "We propose", FEAT_CUE | FEAT_WE,
          0, 0, 0 },
        { "en", "We propose a parser for tables. It is fast.", "It is", 0,
          FEAT_CUE | FEAT_WE | FEAT_YOU | FEAT_QUESTION | FEAT_FILLER, 0, 0 },
        /* a three-word cue; "in this paper" is not a first-person word */
        { "en", "In this paper the model is tested. Results follow.", "In this paper", FEAT_CUE,
          FEAT_WE, 0, 0 },
        /* a cue's words apart are no cue */
        { "en", "This is a good paper about cats. Cats sleep.", "This is", 0, FEAT_CUE, 0, 0 },
        /* "we" inside a quotation is a speaker's, not the writer's */
        { "en", "\"We are delighted,\" the chairman said. Shares rose.", "\"We are", 0,
          FEAT_WE, 0, 0 },
        /* the reader addressed */
        { "en", "You can download your copy here. The report is long.", "You can", FEAT_YOU,
          FEAT_WE, 0, 0 },
        { "en", "Why did prices rise so fast? Nobody knows.", "Why did", FEAT_QUESTION, 0, 0, 0 },
        { "en", "Why did prices rise so fast? Nobody knows.", "Nobody", 0, FEAT_QUESTION, 0, 0 },
        /* fillers and stopwords only, and not */
        { "en", "Thank you, operator. Revenue grew by a third.", "Thank you", FEAT_FILLER, 0, 0,
          0 },
        { "en", "Okay. Revenue grew by a third.", "Okay", FEAT_FILLER, 0, 0, 0 },
        { "en", "Okay, and so it is. Revenue grew by a third.", "Okay", FEAT_FILLER, 0, 0, 0 },
        { "en", "Good revenue grew by a third. It grew.", "Good revenue", 0, FEAT_FILLER, 0,
          0 },
        /* a courtesy, whatever the words around it */
        { "en", "Dr. Osei, thank you for joining us. The outbreaks follow the fishing season.",
          "Dr. Osei", FEAT_FILLER, 0, 0, 0 },
        { "en", "Dr. Osei, thank you for joining us. The outbreaks follow the fishing season.",
          "The outbreaks", 0, FEAT_FILLER, 0, 0 },
        /* citation markers: et al, a bracket, a parenthesis with a name and a year */
        { "en", "As Smith et al. [12] and others (Lee and Kim, 2009) showed, it works. Fine.",
          "As Smith", 0, 0, 3, 0 },
        { "en", "Prices rose (in 2009) by [a lot]. Fine.", "Prices", 0, 0, 0, 1 },
        { "en", "It was shown before (4, 6) and since [7-9]. Fine.", "It was", 0, 0, 2, 0 },
        /* numbers: 1,234 and 3.5 are one number each */
        { "en", "Revenue was 1,234 in 2020 and 3.5 billion in 2021. Fine.", "Revenue", 0, 0, 0,
          4 },
        /* French cues and pronouns */
        { "fr", "Nous proposons une méthode nouvelle. Elle marche bien.", "Nous proposons",
          FEAT_CUE | FEAT_WE, 0, 0, 0 },
        { "fr", "Vous pouvez lire la suite. Elle est longue.", "Vous", FEAT_YOU, FEAT_WE, 0, 0 },
        /* words folded to their cues (capitals, accents), words either reading
         * takes apart otherwise (CJK runs, apostrophes) and a word too long
         * to be a cue: the same kinds from both readings (kdoc_setup) */
        { "fr", "NOUS PROPOSONS une méthode nouvelle. Elle marche bien.", "NOUS", FEAT_CUE | FEAT_WE,
          0, 0, 0 },
        { "en", "We 我们 propose 中文表格 parsers. It works.", "We", FEAT_WE, FEAT_CUE, 0, 0 },
        { "en", "Don't you know what we did? Fine.", "Don't", FEAT_YOU | FEAT_WE | FEAT_QUESTION,
          0, 0, 0 },
        { "en", "Okay, the Pneumonoultramicroscopicsilicovolcanoconiosisandsomethingelse. Fine.",
          "Okay", 0, FEAT_FILLER, 0, 0 },
        /* a language without cue lists: nothing, and no failure */
        { "fi", "Me ehdotamme uutta menetelmää. Se toimii.", "Me ehdotamme", 0,
          FEAT_CUE | FEAT_WE, 0, 0 },
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        kdoc k;
        kdoc_setup(&k, cases[c].text, cases[c].lang);
        size_t i = find(&k.d, cases[c].sentence);
        const sfeat *f = &k.d.feat[i];
        if ((f->bits & cases[c].bits) != cases[c].bits || (f->bits & cases[c].not_bits))
            fail_msg("case %zu ('%s'): bits %#x, want %#x and none of %#x", c, cases[c].sentence,
                     f->bits, cases[c].bits, cases[c].not_bits);
        if (f->ncite != cases[c].ncite || f->nnum != cases[c].nnum)
            fail_msg("case %zu ('%s'): %u citations and %u numbers, want %u and %u", c,
                     cases[c].sentence, f->ncite, f->nnum, cases[c].ncite, cases[c].nnum);
        kdoc_teardown(&k);
    }
}

/* Captions, equation scraps and table rows are apparatus; the sentences
 * around them, and a sentence that mentions a figure, are not. */
static void
test_apparatus(void **state)
{
    (void)state;
    static const struct {
        const char *text, *sentence;
        bool apparatus;
    } cases[] = {
        { "The model learns fast.\n\nFigure 3: Accuracy by epoch.\n\nIt converges.", "Figure 3",
          true },
        { "The model learns fast.\n\nTable 2. Results on the test set.\n\nIt converges.",
          "Table 2", true },
        { "The model learns fast.\n\nFig. 4a | The loss.\n\nIt converges.", "Fig. 4a", true },
        { "The model learns fast. Figure 3 shows the accuracy by epoch. It converges.",
          "Figure 3", false },
        { "The model learns fast. Table salt is cheap. It converges.", "Table salt", false },
        { "The loss is the sum below.\n\n(5)\n\nIt converges.", "(5)", true },
        { "The weights are normalised.\n\n|wij | .\n\nIt converges.", "|wij", true },
        { "Revenue grew.\n\nRevenue 1.2 3.4 5.6 7.8\n\nCosts fell.", "Revenue 1.2", true },
        { "Revenue grew.\n\nRevenue 1.2 3.4 5.6 7.8\n\nCosts fell.", "Revenue grew", false },
        /* a sentence with numbers among its words is prose */
        { "In 2020, revenue rose 5% to $1.2 billion from $1.1 billion. Costs fell.", "In 2020",
          false },
        /* a short answer is a sentence, not a scrap */
        { "Did it work? Yes. The test passed.", "Yes", false },
        /* lines of code pasted into prose */
        { "Open the file first.\n\n    FILE *f = fopen(path, \"rb\");\n    if (!f) { perror(path); "
          "return -1; }\n\nThen read it.", "FILE *f", true },
        { "Sum the bytes.\n\nfor (int i = 0; i < n; i++) { sum += buf[i]; }\n\nPrint it.",
          "for (int", true },
        { "Call it once.\n\nlet parser = Parser::new(file);\n\nIt returns a parser.",
          "let parser", true },
        /* marks of "::" alone (no ; = { & | + > in the line) */
        { "Use the path.\n\nstd::fs::read_to_string(p_path)\n\nIt reads.", "std::fs", true },
        /* ... but not semicolons, braces of LaTeX, "(s)" or one formula in prose */
        { "We met Ann Lee; Bob Ray; and Cy Tam. They ate.", "We met", false },
        { "We propose a scheme keeping a \\emph{finite subset} of \\emph{weights}. It works.",
          "We propose", false },
        { "The function(s) return x = 1 for every input; see below. Done.", "The function",
          false },
        { "Speeds rose when the limit v = 30 was lifted on the road. Done.", "Speeds", false },
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        kdoc k;
        kdoc_setup(&k, cases[c].text, "en");
        size_t i = find(&k.d, cases[c].sentence);
        bool app = (k.d.sent[i].flags & SUMM_FLAG_APPARATUS) != 0;
        if (app != cases[c].apparatus)
            fail_msg("case %zu ('%s'): apparatus %d, want %d", c, cases[c].sentence, app,
                     cases[c].apparatus);
        kdoc_teardown(&k);
    }
}

/* Section headings, numbered or not, open sections of a kind; a references
 * or acknowledgements section is apparatus up to the next heading; a
 * section name in capitals glued to its first sentence still opens it. */
static void
test_sections(void **state)
{
    (void)state;
    static const char text[] =
        "A Study of Tables\n\n"
        "Abstract\n\nWe study tables. They are common.\n\n"
        "1 Introduction\n\nTables hold data. Parsers read them.\n\n"
        "2.1 Our Parser\n\nIt reads rows. It is fast.\n\n"
        "5. Conclusions\n\nParsing works. More is to come.\n\n"
        "Acknowledgements\n\nWe thank the reviewers.\n\n"
        "References\n\n[1] A. Smith. Tables. 2010.\n\n[2] B. Jones. Rows. 2012.\n\n"
        "Appendix\n\nMore rows follow.\n";
    kdoc k;
    kdoc_setup(&k, text, "en");
    const doc *d = &k.d;
    static const struct {
        const char *sentence;
        bool heading, apparatus, first;  /* first: the first sentence of its section */
        int section;
    } want[] = {
        { "Abstract", true, false, false, SECTION_LEAD },
        { "We study", false, false, true, SECTION_LEAD },
        { "They are", false, false, false, SECTION_LEAD },
        { "1 Introduction", true, false, false, SECTION_BODY },
        { "Tables hold", false, false, true, SECTION_BODY },
        { "2.1 Our Parser", true, false, false, SECTION_BODY },  /* a heading of no known name */
        { "It reads", false, false, true, SECTION_BODY },
        { "5. Conclusions", true, false, false, SECTION_LEAD },
        { "Parsing works", false, false, true, SECTION_LEAD },
        { "Acknowledgements", true, false, false, SECTION_SKIP },
        { "We thank", false, true, true, SECTION_SKIP },
        { "References", true, false, false, SECTION_SKIP },
        { "[2] B. Jones", false, true, false, SECTION_SKIP },
        { "Appendix", true, false, false, SECTION_BODY },
        { "More rows", false, false, true, SECTION_BODY },
    };
    for (size_t c = 0; c < sizeof want / sizeof *want; c++) {
        size_t i = find(d, want[c].sentence);
        const sentence *s = &d->sent[i];
        if (((s->flags & SUMM_FLAG_HEADING) != 0) != want[c].heading
            || ((s->flags & SUMM_FLAG_APPARATUS) != 0) != want[c].apparatus
            || d->feat[i].section != want[c].section
            || (!want[c].heading && ((d->feat[i].bits & FEAT_SECTION) != 0) != want[c].first))
            fail_msg("'%s': flags %#x section %u bits %#x", want[c].sentence, s->flags,
                     d->feat[i].section, d->feat[i].bits);
    }
    /* abstract, introduction, conclusions, acknowledgements, references,
     * appendix; "2.1 Our Parser" names none */
    assert_int_equal(d->nsections, 6);
    kdoc_teardown(&k);
}

static void
test_glued_section(void **state)
{
    (void)state;
    /* lower-case text: the segmenter keeps the heading line with the
     * sentence after it */
    static const char text[] = "BACKGROUND\nthe wox family is large. it grows fast.\n\n"
                               "CONCLUSIONS\nwe found two new genes. they matter.\n";
    kdoc k;
    kdoc_setup(&k, text, "en");
    size_t a = find(&k.d, "BACKGROUND"), b = find(&k.d, "CONCLUSIONS");
    assert_int_equal(k.d.feat[a].section, SECTION_BODY);
    assert_true(k.d.feat[a].bits & FEAT_SECTION);
    assert_int_equal(k.d.feat[b].section, SECTION_LEAD);
    assert_true(k.d.feat[b].bits & FEAT_SECTION);
    assert_false(k.d.sent[b].flags & (SUMM_FLAG_HEADING | SUMM_FLAG_APPARATUS));
    assert_int_equal(k.d.nsections, 2);
    kdoc_teardown(&k);

    /* in lower case too, and numbered at the end: what follows is apparatus */
    static const char tail[] = "we found two new genes. they matter.\n\n"
                               "additional file 1\nprimers used for the genes.\n\n"
                               "click here for file\n\n"
                               "acknowledgements\nwe thank the reviewers.\n";
    kdoc_setup(&k, tail, "en");
    assert_false(k.d.sent[find(&k.d, "we found")].flags & SUMM_FLAG_APPARATUS);
    assert_true(k.d.sent[find(&k.d, "additional file 1")].flags & SUMM_FLAG_APPARATUS);
    assert_true(k.d.sent[find(&k.d, "click here")].flags & SUMM_FLAG_APPARATUS);
    assert_true(k.d.sent[find(&k.d, "acknowledgements")].flags & SUMM_FLAG_APPARATUS);
    kdoc_teardown(&k);

    /* a first line that only starts with a section name is no heading */
    kdoc_setup(&k, "results were mixed\nfor the new genes. they matter.\n", "en");
    assert_int_equal(k.d.nsections, 0);
    kdoc_teardown(&k);
}

/* features.c reads a sentence from tokenize.c's words, passing over their
 * letters, only where tokenize.c met no word character past ASCII
 * (sentence.wide); elsewhere byte by byte, as for --split. Each text has
 * what some rule looks for between or inside the words (quotation marks,
 * brackets, "::", a line break, "et", numbers, a word of 140 letters) or
 * a word the two readings cut differently (a mark or a digit of another
 * script before an apostrophe or a period, CJK): both readings agree
 * (kdoc_setup), and the sentence is wide or not as said. */
static void
test_readings_agree(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *sentence;
        bool wide;
        unsigned bits, not_bits;
    } cases[] = {
        { "en", "\xE2\x80\x9CWe are delighted,\xE2\x80\x9D the chairman said. We agree.",
          "\xE2\x80\x9CWe", false, 0, FEAT_WE },
        { "en", "\xE2\x80\x9CWe are delighted,\xE2\x80\x9D the chairman said. We agree.", "We agree",
          false, FEAT_WE, 0 },
        { "fr", "\xC2\xABNous sommes ravis\xC2\xBB, dit-il. Nous proposons une m\xC3\xA9thode.",
          "\xC2\xABNous", false, 0, FEAT_WE },
        { "fr", "\xC2\xABNous sommes ravis\xC2\xBB, dit-il. Nous proposons une m\xC3\xA9thode.",
          "Nous proposons", true, FEAT_WE | FEAT_CUE, 0 },
        { "en", "Don\xE2\x80\x99t you see what we did? Fine.", "Don", false,
          FEAT_YOU | FEAT_WE | FEAT_QUESTION, 0 },
        { "en", "Caf\xC3\xA9\xE2\x80\x99s menu, we think, is good. Fine.", "Caf", true, FEAT_WE, 0 },
        { "en", "In this paper we propose a method. Fine.", "In this", false, FEAT_CUE | FEAT_WE,
          0 },
        { "en", "Dr. Osei, thank you for joining us. Fine.", "Dr. Osei", false, FEAT_FILLER, 0 },
        { "en", "Thank you. Fine.", "Thank", false, FEAT_FILLER, 0 },
        { "en", "Smith et al. found it (Lee and Kim, 2009) and [4]. Paris et Lyon agree.", "Smith",
          false, 0, 0 },
        { "en", "Smith et al. found it (Lee and Kim, 2009) and [4]. Paris et Lyon agree.", "Paris",
          false, 0, 0 },
        { "en", "As Smith et al. showed, it works. Fine.", "As Smith", false, 0, 0 },
        { "en", "Rates (see [1] (2) [3, 4] and (Wu, 2011)) rose [5] (x [6). Fine.", "Rates", false,
          0, 0 },
        { "en", "Rates rose 2 [1] in (2) and 3, [4. Fine.", "Rates", false, 0, 0 },
        { "en", "As Smith Et al. and Wu ET AL showed, it works. Fine.", "As Smith", false, 0, 0 },
        { "fi", "Smith et al. ja Wu et al. osoittivat sen. Hyvin.", "Smith", false, 0, 0 },
        { "en", "Costs rose.\n\nRevenue in USD 1.2 3.4 5.6 7.8 9.1 2.3\n\nCosts fell.",
          "Revenue in", false, 0, 0 },
        { "en", "Use it so:\n\nstd::vector<int> v; v.push_back(1);\n\nIt works.", "std", false, 0,
          0 },
        { "en", "Set x = 1 && y += 2;\n\nIt works.", "Set", false, 0, 0 },
        { "en", "BACKGROUND\nthe wox family is large. it grows.", "BACKGROUND", false,
          FEAT_SECTION, 0 },
        { "en", "Revenue grew.\n\nRevenue 1.2 3.4 5.6 7.8\n\nCosts fell.", "Revenue 1", false, 0,
          0 },
        { "en", "The loss is below.\n\n(5)\n\nIt converges.", "(5)", false, 0, 0 },
        { "en", "Prices rose by 1,234.5 and 3.5.7 units in 2020. Fine.", "Prices", false, 0, 0 },
        { "ar", "\xD9\xA3.\xD9\xA5 \xD9\x88 1,234 \xD9\x88\xD9\x87\xD9\x86\xD8\xA7. Fine.", "\xD9\xA3",
          true, 0, 0 },
        { "hi", "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82\xE0\xA4\xA6\xE0\xA5\x80' we \xE0\xA4\xAA\xE0\xA4\xBE\xE0\xA4\xA0. Fine.",
          "\xE0\xA4\xB9", true, 0, 0 },
        { "en", "We \xE6\x88\x91\xE4\xBB\xAC propose it. Fine.", "We", true, FEAT_WE, 0 },
        { "en", "Okay, the aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa. Fine.", "Okay", false, 0,
          FEAT_FILLER },
        { "en", "\"Our results,\" we said, \"hold.\" Fine.", "\"Our", false, FEAT_CUE, FEAT_WE },
        { "en", "... ! ?\n\nFine.", "...", false, 0, 0 },
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        kdoc k;
        kdoc_setup(&k, cases[c].text, cases[c].lang);
        size_t i = find(&k.d, cases[c].sentence);
        const sfeat *f = &k.d.feat[i];
        if ((k.d.sent[i].wide != 0) != cases[c].wide)
            fail_msg("case %zu ('%s'): wide %u", c, cases[c].sentence, k.d.sent[i].wide);
        if ((f->bits & cases[c].bits) != cases[c].bits || (f->bits & cases[c].not_bits))
            fail_msg("case %zu ('%s'): bits %#x, want %#x and none of %#x", c, cases[c].sentence,
                     f->bits, cases[c].bits, cases[c].not_bits);
        kdoc_teardown(&k);
    }
    /* more numbers than tokenize.c counts (0xFFFF), 10,000 of them in
     * citations: features.c counts them itself, so that 70,000 are left */
    size_t ncite = 10000, nnum = 70000;
    char *many = malloc(4 * ncite + 2 * nnum + 1), *p = many;
    assert_non_null(many);
    for (size_t i = 0; i < ncite; i++, p += 4)
        memcpy(p, "[1] ", 4);
    for (size_t i = 0; i < nnum; i++, p += 2)
        memcpy(p, "7 ", 2);
    *p = '\0';
    kdoc k;
    kdoc_setup(&k, many, "en");
    assert_int_equal(k.d.nsent, 1);
    assert_int_equal(k.d.sent[0].nnum, 0xFFFF);
    assert_int_equal(k.d.feat[0].ncite, ncite);
    assert_int_equal(k.d.feat[0].nnum, 0xFFFF);
    kdoc_teardown(&k);
    free(many);
}

/* The share of content sentences in the first person plural, quotes
 * left out: the genre signal. */
static void
test_first_person_share(void **state)
{
    (void)state;
    kdoc k;
    kdoc_setup(&k, "We measured the rates. Our results hold. The rates rose. "
                   "\"We are pleased,\" she said.", "en");
    assert_int_equal(k.d.nsent, 4);
    assert_true(k.d.first_person == 0.5);
    kdoc_teardown(&k);
    kdoc_setup(&k, "", "en");
    assert_true(k.d.first_person == 0);
    kdoc_teardown(&k);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_apparatus),
        cmocka_unit_test(test_sections),
        cmocka_unit_test(test_glued_section),
        cmocka_unit_test(test_first_person_share),
        cmocka_unit_test(test_readings_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
