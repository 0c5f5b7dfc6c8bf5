"""Offsets: code points into a str, bytes into bytes, byte_offset and
byte_length into the UTF-8 always; for every script."""
import pytest

import summarize
from conftest import SCRIPTS


def check_str_spans(text, spans):
    raw = text.encode("utf-8")
    for s in spans:
        assert text[s.start:s.end] == s.text
        assert raw[s.byte_offset:s.byte_offset + s.byte_length].decode("utf-8") == s.text
        assert len(text[:s.start].encode("utf-8")) == s.byte_offset


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_split_str(name):
    text, expected = SCRIPTS[name]
    r = summarize.split(text)
    assert [s.text for s in r] == expected
    assert [s.index for s in r] == list(range(len(expected)))
    check_str_spans(text, r)


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_split_bytes(name):
    text, expected = SCRIPTS[name]
    raw = text.encode("utf-8")
    r = summarize.split(raw)
    assert [s.text for s in r] == expected
    for s in r:
        assert (s.start, s.end) == (s.byte_offset, s.byte_offset + s.byte_length)
        assert raw[s.start:s.end].decode("utf-8") == s.text


@pytest.mark.parametrize("kind", [bytearray, memoryview])
def test_bytes_like(kind):
    text, expected = SCRIPTS["emoji"]
    r = summarize.split(kind(text.encode("utf-8")))
    assert [s.text for s in r] == expected


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_summary_and_rank_offsets(name):
    text, expected = SCRIPTS[name]
    for r in (summarize.summarize(text, 1), summarize.rank(text)):
        check_str_spans(text, r)
    ranked = summarize.rank(text, sentences=1)
    assert len(ranked) == len(expected)
    assert sum(s.selected for s in ranked) == 1
    assert [s for s in ranked if s.selected] == list(summarize.summarize(text, 1))


def test_example(example):
    r = summarize.split(example)
    check_str_spans(example, r)
    assert r[0].text == "City Opens Its First Solar-Powered Public Library"
    assert r[0].is_heading
    assert r.sentence_count == len(r)
    assert r.language == "en" and r.format == "text"
    summary = summarize.summarize(example)
    assert len(summary) == 3
    assert summary.sentence_count == len(r)
    # the summary is sentences of the text, in text order
    assert [s.index for s in summary] == sorted(s.index for s in summary)
    for s in summary:
        assert r[s.index].text == s.text and r[s.index].start == s.start


def test_keyword_offsets():
    text = "Über Zürich: Zürich liegt am Zürichsee. In Zürich wohnen viele Menschen. " \
           "Die Menschen in Zürich fahren Tram."
    for words in (None, 1):  # phrases (the default), and single words
        kws = summarize.keywords(text, 3, keyword_words=words)
        assert kws
        assert all(text[k.start:k.end] == k.text for k in kws)
        assert all(k.start == text.index(k.text) for k in kws)  # the first occurrence
        assert all(k.byte_offset == len(text[:k.start].encode("utf-8")) for k in kws)
        assert [k.score for k in kws] == sorted((k.score for k in kws), reverse=True)
        assert kws[0].score == 1.0
    best = summarize.keywords(text, 3, keyword_words=1)[0]
    assert (best.text, best.count, best.start, best.end) == ("Zürich", 4, 5, 11)


def test_keywords_in_summary_have_str_offsets():
    text = "日本の東京。" + "東京は大きい都市です。" * 3 + "東京に行きます。"
    r = summarize.summarize(text, keywords=3)
    assert r.keywords
    assert all(text[k.start:k.end] == k.text for k in r.keywords)


def test_bom_and_crlf():
    text = "\ufeffHello world here.\r\nSecond one here."
    r = summarize.split(text)
    assert [s.text for s in r] == ["Hello world here.", "Second one here."]
    assert r[0].start == 1 and r[0].byte_offset == 3
    check_str_spans(text, r)


def test_empty_and_blank():
    for t in ("", "   \n\t ", b""):
        r = summarize.summarize(t)
        assert list(r) == [] and r.sentence_count == 0
        assert summarize.keywords(t) == []
