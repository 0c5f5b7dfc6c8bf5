"""Options as keywords: the short names, every library option by its own
name (from summarize.options(), so new options are covered by
themselves), types, bounds, and the length limits' rule."""
import math
import pathlib

import pytest

import summarize

OPTIONS = summarize.options()
LENGTH = ("max_sentences", "ratio", "max_words")


def test_options_listed():
    for name in ("max_sentences", "ratio", "max_words", "max_keywords", "language",
                 "data_dir", "input_format", "w_position", "damping"):
        assert name in OPTIONS
    o = OPTIONS["max_sentences"]
    assert o["type"] is int and o["default"] == 3 and o["min"] == 0 and not o["experimental"]
    assert OPTIONS["damping"]["max_excluded"] and OPTIONS["damping"]["experimental"]
    assert OPTIONS["language"]["type"] is str and OPTIONS["language"]["default"] == "auto"
    assert all(o["doc"] for o in OPTIONS.values())


def in_range_values(name, o):
    """Values every option must accept: its default and its bounds."""
    if o["type"] is str:
        if name == "language":
            return [None, "auto", "none", "en", "english", "pt-BR"] + summarize.languages()
        if name == "data_dir":
            return [None, "/nonexistent-dir-of-word-lists", pathlib.Path("/tmp")]
        return [None, o["default"]]
    lo, hi = o["min"], o["max"]
    if o["min_excluded"]:
        lo = lo + 1 if o["type"] is int else math.nextafter(lo, math.inf)
    if o["max_excluded"]:
        hi = hi - 1 if o["type"] is int else math.nextafter(hi, -math.inf)
    return [None, o["default"], lo, hi]


def out_of_range_values(o):
    if o["type"] is str:
        return []
    vals = []
    lo, hi = o["min"], o["max"]
    vals.append(lo if o["min_excluded"] else (lo - 1 if o["type"] is int else lo - 0.5))
    # (2 * hi + 1: the int bounds are up to 2**53, past which a double
    # cannot tell hi + 1 from hi)
    vals.append(hi if o["max_excluded"] else hi * 2 + 1)
    if o["type"] is float:
        vals.append(math.nan)
    return vals


def readable_formats():
    """The input_format numbers this build reads (HTML needs gumbo)."""
    return {0} | {summarize.Summarizer(input_format=n).options["input_format"]
                  for n in summarize.formats()}


@pytest.mark.parametrize("name", sorted(OPTIONS))
def test_every_option(name, example):
    o = OPTIONS[name]
    for v in in_range_values(name, o):
        if name == "input_format" and v is not None and v not in readable_formats():
            # a format this build does not read: set, then refused by name
            with pytest.raises(summarize.Error) as e:
                summarize.summarize(example, **{name: v})
            assert e.value.code == -8, str(e.value)
            continue
        for f in (summarize.summarize, summarize.rank, summarize.split, summarize.keywords):
            r = f(example, **{name: v})
            assert isinstance(r, list)
        s = summarize.Summarizer(**{name: v})
        if v is None:
            want = None if o["type"] is str else 0 if name in LENGTH else o["default"]
        else:
            want = str(v) if o["type"] is str else v
        assert s.options[name] == want
    for v in out_of_range_values(o):
        with pytest.raises(summarize.Error) as e:
            summarize.summarize(example, **{name: v})
        assert str(e.value).startswith(name + ":"), str(e.value)
        assert e.value.code == -2 and e.value.offset is None
        with pytest.raises(summarize.Error):
            summarize.Summarizer(**{name: v})


@pytest.mark.parametrize("name", sorted(OPTIONS))
def test_option_types(name, example):
    o = OPTIONS[name]
    wrong = {int: [1.5, "3", True, [3]], float: ["0.5", True, b"1", [1.0]],
             str: [3, 1.5, b"en", ["en"]]}[o["type"]]
    if name == "input_format":
        wrong.remove("3")  # a format may be named
    for v in wrong:
        with pytest.raises(TypeError, match=name):
            summarize.summarize(example, **{name: v})


def selectable(text):
    """The sentences a summary can have: headings and boilerplate never."""
    return [s for s in summarize.split(text) if not (s.is_heading or s.is_boilerplate)]


def test_default_is_three(example):
    assert len(summarize.summarize(example)) == 3
    assert len(summarize.summarize(example, None)) == 3


def test_sentences(example):
    n = len(summarize.split(example))
    assert n > 6
    assert len(summarize.summarize(example, 1)) == 1
    assert len(summarize.summarize(example, sentences=5)) == 5
    assert len(summarize.summarize(example, max_sentences=5)) == 5
    assert len(summarize.summarize(example, sentences=10 * n)) == len(selectable(example))


def test_ratio_alone_is_not_capped_at_three(example):
    n = len(summarize.split(example))
    r = summarize.summarize(example, ratio=0.5)
    assert len(r) == math.ceil(n * 0.5) and len(r) > 3
    assert summarize.summarize(example, ratio=1.0) == summarize.summarize(example, 10 * n)


def test_smallest_limit_wins(example):
    n = len(summarize.split(example))
    assert len(summarize.summarize(example, sentences=2, ratio=0.5)) == 2
    assert len(summarize.summarize(example, sentences=n, ratio=0.25)) == math.ceil(n * 0.25)


def test_words(example):
    short = summarize.summarize(example, words=25)
    assert 1 <= len(short) < 3
    assert len(summarize.summarize(example, words=1)) == 1  # never empty
    long = summarize.summarize(example, words=10000)
    assert [s.text for s in long] == [s.text for s in selectable(example)]


def test_language(example):
    assert summarize.summarize(example).language == "en"
    assert summarize.summarize(example, language="de").language == "de"
    assert summarize.summarize(example, language="German").language == "de"
    assert summarize.summarize(example, language="none").language == "und"
    with pytest.raises(summarize.Error) as e:
        summarize.summarize(example, language="klingon")
    assert e.value.code == -5 and "klingon" in str(e.value)


def test_keywords_option(example):
    r = summarize.summarize(example, keywords=4)
    assert len(r.keywords) == 4
    assert all(isinstance(k, summarize.Keyword) for k in r.keywords)
    assert summarize.summarize(example).keywords == []
    assert [k.text for k in summarize.keywords(example, 4)] == [k.text for k in r.keywords]
    assert len(summarize.keywords(example)) == 10
    assert len(summarize.keywords(example, n=2)) == 2
    assert len(summarize.keywords(example, keywords=2)) == 2


def test_format(example):
    assert "text" in summarize.formats()
    for f in ("auto", "text", 0, 1, None):
        assert summarize.summarize(example, format=f).format == "text"
    assert summarize.summarize(example, input_format="text").format == "text"
    with pytest.raises(summarize.Error, match="unknown format 'nope'"):
        summarize.summarize(example, format="nope")
    with pytest.raises(summarize.Error, match="format"):
        summarize.summarize(example, format=999)


def test_experimental_changes_the_ranking(example):
    # the lead bias alone: the first content sentences win
    lead = summarize.summarize(example, w_position=100.0, w_textrank=0.0, w_centroid=0.0,
                               w_length=0.0, lead_ratio=0.0, lead_adapt=0.0)
    assert [s.index for s in lead] == [1, 2, 3]


def test_unknown_and_duplicate_keywords(example):
    with pytest.raises(TypeError, match="unexpected keyword argument 'sentence'"):
        summarize.summarize(example, sentence=3)
    with pytest.raises(TypeError, match="same option"):
        summarize.summarize(example, sentences=3, max_sentences=4)
    with pytest.raises(TypeError, match="multiple values"):
        summarize.summarize(example, 3, sentences=4)
    with pytest.raises(TypeError, match="positional"):
        summarize.split(example, 3)
    with pytest.raises(TypeError, match="missing"):
        summarize.summarize()


def test_huge_values(example):
    with pytest.raises(summarize.Error, match="sentences"):
        summarize.summarize(example, sentences=10**30)
    with pytest.raises(summarize.Error, match="ratio"):
        summarize.summarize(example, ratio=10**400)
    with pytest.raises(summarize.Error, match="too large"):
        summarize.summarize(example, sentences=2**62)
    with pytest.raises(summarize.Error, match="sentences: -1 is not in"):
        summarize.summarize(example, sentences=-1)


def test_string_values():
    with pytest.raises(summarize.Error, match="NUL"):
        summarize.summarize("A text.", language="en\0")
    with pytest.raises(summarize.Error):
        summarize.summarize("A text.", language="\ud800")


def test_data_dir(tmp_path, example):
    # a data dir overrides the built-in word lists: make "city" a stopword
    (tmp_path / "en.txt").write_text("city\nthe\n", encoding="utf-8")
    kws = [k.text.lower() for k in summarize.keywords(example, 20, data_dir=tmp_path)]
    assert "city" not in kws
    assert "city" in [k.text.lower() for k in summarize.keywords(example, 20)]


# ---- Summarizer ---------------------------------------------------------------

def test_summarizer_options_persist(example):
    s = summarize.Summarizer(sentences=2, language="en")
    assert len(s.summarize(example)) == 2
    assert s.options["max_sentences"] == 2 and s.options["language"] == "en"
    # per-call options apply to that call only
    assert len(s.summarize(example, 4)) == 4
    assert len(s.summarize(example, ratio=1.0)) == len(selectable(example))
    assert s.options["max_sentences"] == 2 and s.options["ratio"] == 0
    assert len(s.summarize(example)) == 2
    s.set(sentences=1)
    assert len(s.summarize(example)) == 1
    assert s.keywords(example, 3) == summarize.keywords(example, 3)
    assert s.rank(example) == summarize.rank(example, sentences=1)


def test_summarizer_failed_call_keeps_options(example):
    s = summarize.Summarizer(sentences=2)
    with pytest.raises(summarize.Error):
        s.summarize(example, sentences=4, w_position=-1.0)
    default = summarize.Summarizer().options["w_position"]
    assert s.options["max_sentences"] == 2 and s.options["w_position"] == default
    with pytest.raises(summarize.Error):
        s.summarize(b"\xff", sentences=4)
    assert s.options["max_sentences"] == 2


def test_summarizer_repr_copy():
    s = summarize.Summarizer(language="de", w_position=2.25)  # not the default
    assert repr(s) == "summarize.Summarizer(language='de', w_position=2.25)"
    assert repr(summarize.Summarizer()) == "summarize.Summarizer()"
    c = s.copy()
    assert c.options == s.options and c is not s
    c.set(language="fr")
    assert s.options["language"] == "de"
    with pytest.raises(TypeError):
        summarize.Summarizer(3)
    with pytest.raises(TypeError):
        summarize.Summarizer(nonsense=1)


def test_a_value_that_changes_the_keywords(example):
    """Converting a value runs Python code (__index__ here): whatever it
    does to the caller's dict, the call uses the keywords it was given.
    (A C caller can hand the module its own dict, which is why the module
    reads a copy; Python's **d already makes one.)"""
    opts = {}

    class Sneaky:
        def __index__(self):
            opts.clear()
            opts.update({"x%d" % i: i for i in range(50)})
            return 2

    opts.update(sentences=Sneaky(), language="en")
    assert len(summarize.summarize(example, **opts)) == 2
