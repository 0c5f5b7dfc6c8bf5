/* test_multi.c - summ_run_multi() and summ_rank_multi(): several texts,
 * one summary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

/* Three reports of one storm; the first sentence of the second repeats the
 * first report's lead word for word. */
static const char A[] =
    "A storm brought heavy rain and strong winds to the coast on Monday night.\n\n"
    "Trees fell across several roads and thousands of homes lost power.\n\n"
    "The weather service said the winds reached ninety kilometres an hour.\n";
static const char B[] =
    "A storm brought heavy rain and strong winds to the coast on Monday night.\n\n"
    "The harbour was closed and the ferries stayed in port until Tuesday.\n\n"
    "Fishermen said they had not seen waves that high in twenty years.\n";
static const char C[] =
    "Power companies worked through Tuesday to restore electricity after the storm.\n\n"
    "By the evening most homes had power again, the companies said.\n\n"
    "Schools in two towns stayed closed because of fallen trees.\n";

static summ_ctx *
ctx_n(size_t n)
{
    summ_ctx *ctx = NULL;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, (long long)n), SUMM_OK);
    return ctx;
}

static const char *const texts[] = { A, B, C };
static const size_t lens[] = { sizeof A - 1, sizeof B - 1, sizeof C - 1 };

/* Every span points into its own text, at its own bytes, with its index. */
static void
check_spans(const summ_result *r, const char *const *t, size_t n)
{
    for (size_t i = 0; i < summ_result_count(r); i++) {
        const summ_span *s = summ_result_at(r, i);
        assert_true(s->document < n);
        assert_true(s->offset + s->length <= strlen(t[s->document]));
        assert_int_equal(s->length, s->text_length);
        assert_memory_equal(t[s->document] + s->offset, s->text, s->length);
        if (i > 0) {  /* document order, then text order */
            const summ_span *p = summ_result_at(r, i - 1);
            assert_true(p->document < s->document
                        || (p->document == s->document && p->index < s->index));
        }
    }
}

static void
test_each_source_once_no_repeat(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_n(3);
    summ_result *r;
    assert_int_equal(summ_run_multi(ctx, texts, lens, 3, &r), SUMM_OK);
    assert_int_equal(summ_result_documents(r), 3);
    assert_int_equal(summ_result_sentences(r), 9);
    assert_int_equal(summ_result_count(r), 3);
    check_spans(r, texts, 3);
    bool from[3] = { false, false, false };
    for (size_t i = 0; i < 3; i++)
        from[summ_result_at(r, i)->document] = true;
    assert_true(from[0] && from[1] && from[2]);
    /* the shared lead is said once */
    size_t leads = 0;
    for (size_t i = 0; i < 3; i++)
        leads += strncmp(summ_result_at(r, i)->text, "A storm brought", 15) == 0;
    assert_int_equal(leads, 1);
    summ_result_free(r);

    /* with more room, still no sentence twice */
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 9), SUMM_OK);
    assert_int_equal(summ_run_multi(ctx, texts, lens, 3, &r), SUMM_OK);
    check_spans(r, texts, 3);
    for (size_t i = 0; i < summ_result_count(r); i++)
        for (size_t j = i + 1; j < summ_result_count(r); j++)
            assert_string_not_equal(summ_result_at(r, i)->text, summ_result_at(r, j)->text);
    assert_int_equal(summ_result_count(r), 8);
    summ_result_free(r);
    summ_free(ctx);
}

/* Less room than texts: the best sentences, wherever they are. */
static void
test_small_budget(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_n(1);
    summ_result *r;
    assert_int_equal(summ_run_multi(ctx, texts, lens, 3, &r), SUMM_OK);
    assert_int_equal(summ_result_count(r), 1);
    check_spans(r, texts, 3);
    summ_result_free(r);
    summ_free(ctx);
}

/* summ_rank_multi(): every sentence, its choice the same as summ_run_multi(). */
static void
test_rank_multi(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_n(4);
    summ_result *run, *rank;
    assert_int_equal(summ_run_multi(ctx, texts, lens, 3, &run), SUMM_OK);
    assert_int_equal(summ_rank_multi(ctx, texts, lens, 3, &rank), SUMM_OK);
    assert_int_equal(summ_result_count(rank), 9);
    check_spans(rank, texts, 3);
    size_t k = 0;
    double best = 0;
    for (size_t i = 0; i < 9; i++) {
        const summ_span *s = summ_result_at(rank, i);
        assert_int_equal(s->document, i / 3);
        assert_int_equal(s->index, i % 3);
        best = s->score > best ? s->score : best;
        if (s->flags & SUMM_FLAG_SELECTED) {
            const summ_span *c = summ_result_at(run, k++);
            assert_non_null(c);
            assert_int_equal(c->document, s->document);
            assert_int_equal(c->offset, s->offset);
            assert_true(c->score == s->score);
        }
    }
    assert_int_equal(k, summ_result_count(run));
    assert_true(best == 1.0);
    summ_result_free(run);
    summ_result_free(rank);
    summ_free(ctx);
}

/* One text, or none, are the ordinary cases. */
static void
test_one_and_none(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_n(2);
    summ_result *m, *s;
    assert_int_equal(summ_run_multi(ctx, texts, lens, 1, &m), SUMM_OK);
    assert_int_equal(summ_run(ctx, A, lens[0], &s), SUMM_OK);
    assert_int_equal(summ_result_documents(m), 1);
    assert_int_equal(summ_result_documents(s), 1);
    assert_int_equal(summ_result_count(m), summ_result_count(s));
    for (size_t i = 0; i < summ_result_count(s); i++) {
        assert_int_equal(summ_result_at(m, i)->offset, summ_result_at(s, i)->offset);
        assert_true(summ_result_at(m, i)->score == summ_result_at(s, i)->score);
        assert_int_equal(summ_result_at(m, i)->document, 0);
    }
    summ_result_free(m);
    summ_result_free(s);

    assert_int_equal(summ_run_multi(ctx, NULL, NULL, 0, &m), SUMM_OK);
    assert_int_equal(summ_result_count(m), 0);
    assert_int_equal(summ_result_documents(m), 0);
    summ_result_free(m);
    /* empty texts among others: they give nothing, the others their sentences */
    const char *const some[] = { NULL, "", C, "   \n\n" };
    const size_t some_len[] = { 0, 0, lens[2], 5 };
    assert_int_equal(summ_run_multi(ctx, some, some_len, 4, &m), SUMM_OK);
    assert_int_equal(summ_result_documents(m), 4);
    assert_int_equal(summ_result_count(m), 2);
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(summ_result_at(m, i)->document, 2);
    check_spans(m, (const char *const[]){ "", "", C, "   \n\n" }, 4);
    summ_result_free(m);
    summ_free(ctx);
}

static void
test_errors(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_n(2);
    summ_result *r = (summ_result *)1;
    assert_int_equal(summ_run_multi(NULL, texts, lens, 3, &r), SUMM_EINVAL);
    assert_int_equal(summ_run_multi(ctx, texts, lens, 3, NULL), SUMM_EINVAL);
    assert_int_equal(summ_run_multi(ctx, NULL, lens, 3, &r), SUMM_EINVAL);
    assert_null(r);
    assert_int_equal(summ_run_multi(ctx, texts, NULL, 3, &r), SUMM_EINVAL);
    const char *const holes[] = { A, NULL };
    const size_t hole_len[] = { lens[0], 4 };
    assert_int_equal(summ_rank_multi(ctx, holes, hole_len, 2, &r), SUMM_EINVAL);
    assert_non_null(strstr(summ_errmsg(ctx), "text 1"));
    /* a bad text fails the call, naming it, with the offset in that text */
    const char *const bad[] = { A, "Good start. Then \xff bad.", C };
    const size_t bad_len[] = { lens[0], strlen(bad[1]), lens[2] };
    assert_int_equal(summ_run_multi(ctx, bad, bad_len, 3, &r), SUMM_EUTF8);
    assert_null(r);
    assert_non_null(strstr(summ_errmsg(ctx), "text 1: invalid UTF-8 at byte 17"));
    assert_int_equal(summ_error_offset(ctx), 17);
    const char *const nul[] = { A, B, "x\0y" };
    const size_t nul_len[] = { lens[0], lens[1], 3 };
    assert_int_equal(summ_run_multi(ctx, nul, nul_len, 3, &r), SUMM_EBINARY);
    assert_non_null(strstr(summ_errmsg(ctx), "text 2: "));
    /* and the context goes on */
    assert_int_equal(summ_run_multi(ctx, texts, lens, 3, &r), SUMM_OK);
    assert_string_equal(summ_errmsg(ctx), "");
    summ_result_free(r);
    summ_free(ctx);
}

/* Keywords say which text their first occurrence is in. */
static void
test_keywords_multi(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_n(3);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 8), SUMM_OK);
    summ_result *r;
    assert_int_equal(summ_run_multi(ctx, texts, lens, 3, &r), SUMM_OK);
    assert_true(summ_result_keyword_count(r) > 0);
    bool later = false;
    for (size_t i = 0; i < summ_result_keyword_count(r); i++) {
        const summ_keyword *k = summ_result_keyword(r, i);
        assert_true(k->document < 3);
        assert_true(k->offset + k->length <= lens[k->document]);
        if (!strchr(k->text, ' '))
            assert_memory_equal(texts[k->document] + k->offset, k->text, k->length);
        later = later || k->document > 0;
    }
    assert_true(later);  /* "power", "harbour", ... are not in A */
    summ_result_free(r);
    summ_free(ctx);
}

/* With a query, the summary of several texts leans to it too. */
static void
test_query_multi(void **state)
{
    (void)state;
    summ_ctx *ctx = ctx_n(3);
    assert_int_equal(summ_set_string(ctx, SUMM_OPT_QUERY, "ferries"), SUMM_OK);
    summ_result *r;
    assert_int_equal(summ_run_multi(ctx, texts, lens, 3, &r), SUMM_OK);
    bool found = false;
    for (size_t i = 0; i < summ_result_count(r); i++)
        found = found || strstr(summ_result_at(r, i)->text, "ferries");
    assert_true(found);
    summ_result_free(r);
    summ_free(ctx);
}

static void
test_alloc_failure_multi(void **state)
{
    (void)state;
    summ_ctx *ref = ctx_n(3);
    assert_int_equal(summ_set_int(ref, SUMM_OPT_MAX_KEYWORDS, 4), SUMM_OK);
    summ_result *want;
    assert_int_equal(summ_run_multi(ref, texts, lens, 3, &want), SUMM_OK);
    bool done = false;
    for (long n = 0; !done && n < 100000; n++) {
        failing f = { .countdown = -1 };
        summ_allocator a = failing_allocator(&f);
        summ_ctx *ctx;
        assert_int_equal(summ_new(&a, &ctx), SUMM_OK);
        assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 3), SUMM_OK);
        assert_int_equal(summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, 4), SUMM_OK);
        f.countdown = n;
        summ_result *r = (summ_result *)1;
        summ_status st = summ_run_multi(ctx, texts, lens, 3, &r);
        if (st == SUMM_OK) {
            done = f.countdown >= 0;  /* nothing failed: every allocation was tried */
        } else {
            assert_int_equal(st, SUMM_ENOMEM);
            assert_null(r);
            assert_string_equal(summ_errmsg(ctx), "out of memory");
            f.countdown = -1;
            assert_int_equal(summ_run_multi(ctx, texts, lens, 3, &r), SUMM_OK);
        }
        assert_int_equal(summ_result_count(r), summ_result_count(want));
        for (size_t i = 0; i < summ_result_count(r); i++) {
            assert_int_equal(summ_result_at(r, i)->offset, summ_result_at(want, i)->offset);
            assert_int_equal(summ_result_at(r, i)->document, summ_result_at(want, i)->document);
        }
        assert_int_equal(summ_result_keyword_count(r), summ_result_keyword_count(want));
        summ_result_free(r);
        summ_free(ctx);
        assert_int_equal(f.live, 0);
    }
    assert_true(done);
    summ_result_free(want);
    summ_free(ref);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_source_once_no_repeat),
        cmocka_unit_test(test_small_budget),
        cmocka_unit_test(test_rank_multi),
        cmocka_unit_test(test_one_and_none),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_keywords_multi),
        cmocka_unit_test(test_query_multi),
        cmocka_unit_test(test_alloc_failure_multi),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
