"""A list of texts: one summary of them all (summ_run_multi), offsets
into each text in its own units; the query and stopwords options."""
import pytest

import summarize
from conftest import SCRIPTS

GERMAN = "Der Bär läuft schnell durch den Wald. Über den Fluß führt eine Brücke aus Holz. " \
         "Die Brücke ist alt."


def texts(example):
    # a str with non-ASCII before every sentence, so that its code point and
    # byte offsets differ; bytes; ASCII
    return ["Ça va. " + example.replace("Riverton", "Rivertön"), GERMAN.encode("utf-8"),
            SCRIPTS["ascii"][0]]


def check_spans(src, r):
    for s in r:
        t = src[s.document]
        if isinstance(t, str):
            assert t[s.start:s.end] == s.text
            raw = t.encode("utf-8")
        else:
            assert (s.start, s.end) == (s.byte_offset, s.byte_offset + s.byte_length)
            raw = t
        assert raw[s.byte_offset:s.byte_offset + s.byte_length].decode("utf-8") == s.text


def test_summary_of_several_texts(example):
    src = texts(example)
    r = summarize.summarize(src, 5, keywords=4)
    assert r.document_count == 3 and len(r) == 5
    assert r.sentence_count == sum(len(summarize.split(t)) for t in src)
    # document order, then text order
    assert [(s.document, s.index) for s in r] == sorted((s.document, s.index) for s in r)
    # each text gives at least one when the length allows
    assert {s.document for s in r} == {0, 1, 2}
    check_spans(src, r)
    for k in r.keywords:
        t = src[k.document]
        t = t if isinstance(t, str) else t.decode("utf-8")
        assert t[k.start:k.end] == k.text


def test_rank_and_keywords_of_several_texts(example):
    src = texts(example)
    ranked = summarize.rank(src, sentences=4)
    assert len(ranked) == ranked.sentence_count
    assert sum(s.selected for s in ranked) == 4
    assert [s for s in ranked if s.selected] == list(summarize.summarize(src, 4))
    check_spans(src, ranked)
    assert summarize.keywords(src, 3) == summarize.summarize(src, keywords=3).keywords
    s = summarize.Summarizer(sentences=4)
    assert s.summarize(src) == summarize.summarize(src, 4)


def test_iterables_and_empty(example):
    src = texts(example)
    assert summarize.summarize(tuple(src)) == summarize.summarize(src)
    assert summarize.summarize(t for t in src) == summarize.summarize(src)
    empty = summarize.summarize([])
    assert list(empty) == [] and empty.document_count == 0
    one = summarize.summarize([example])
    assert [s.text for s in one] == [s.text for s in summarize.summarize(example)]
    assert one.document_count == 1 and all(s.document == 0 for s in one)


def test_the_list_may_change_meanwhile(example):
    """The texts are held for the call: emptying the list from another
    thread cannot pull them away (here: after the call, the same result)."""
    src = texts(example)
    r = summarize.summarize(src)
    src.clear()
    check_spans(texts(example), r)


@pytest.mark.parametrize("bad, code, offset, byte_offset", [
    ("Ça\0", -4, 2, 3),
    (b"ok \xff", -3, 3, 3),
    ("é\ud800", -3, 1, 2),
])
def test_a_bad_text_names_itself(bad, code, offset, byte_offset):
    with pytest.raises(summarize.Error) as e:
        summarize.summarize(["A good text here.", bad])
    err = e.value
    assert (err.code, err.offset, err.byte_offset, err.document) == (code, offset, byte_offset, 1)
    assert str(err).startswith("text 1: ")


def test_single_text_errors_have_no_document():
    with pytest.raises(summarize.Error) as e:
        summarize.summarize(b"\xff")
    assert e.value.document is None


def test_wrong_types_in_a_list():
    with pytest.raises(TypeError, match="text 1 must be str or bytes, not int"):
        summarize.summarize(["fine.", 3])
    with pytest.raises(TypeError, match="split"):
        summarize.split(["one text.", "two texts."])
    with pytest.raises(TypeError):
        summarize.summarize(42)


def test_query(example):
    plain = summarize.summarize(example)
    r = summarize.summarize(example, query="books money")
    assert r != plain
    assert all(s.matches_query for s in r if "book" in s.text.lower() or "money" in s.text)
    assert any(s.matches_query for s in r)
    assert not r.warnings & summarize.WARN_QUERY_UNMATCHED
    none = summarize.summarize(example, query="zebra")
    assert none.warnings & summarize.WARN_QUERY_UNMATCHED
    assert [s.text for s in none] == [s.text for s in plain]
    assert not any(s.matches_query for s in summarize.summarize(example))


def test_stopwords(example):
    words = [k.text.lower() for k in summarize.keywords(example, 20, keyword_words=1)]
    assert "library" in words
    fewer = [k.text.lower() for k in summarize.keywords(example, 20, keyword_words=1,
                                                          stopwords="library\nsolar")]
    assert "library" not in fewer and "solar" not in fewer
