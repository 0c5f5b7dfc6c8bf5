"""The returned objects: fields, value semantics, pickling; the module's
names, docstrings and type stubs."""
import ast
import copy
import inspect
import pathlib
import pickle

import pytest

import summarize

STUB = pathlib.Path(__file__).resolve().parents[1] / "summarize.pyi"


def test_sentence_fields(example):
    r = summarize.summarize(example)
    best = max(r, key=lambda s: s.score)
    assert best.score == 1.0
    assert all(0.0 <= s.score <= 1.0 for s in r)
    assert all(s.selected for s in r)
    assert all(isinstance(s, summarize.Sentence) for s in r)
    s = r[0]
    assert str(s) == s.text
    assert repr(s).startswith("Sentence(index=%d, start=%d, end=%d" % (s.index, s.start, s.end))
    with pytest.raises(AttributeError):
        s.text = "x"
    first = summarize.split(example)[0]
    assert first.is_heading and not first.is_list_item and first.score == 0.0
    assert first.flags & summarize.FLAG_HEADING


def test_flags_of_lists_and_boilerplate():
    text = "Shopping\n\n- Apples are red and sweet.\n- Pears are green.\n\nAdvertisement\n\n" \
           "The shop opens at nine every day."
    r = summarize.split(text)
    by_text = {s.text: s for s in r}
    assert by_text["- Apples are red and sweet."].is_list_item
    assert by_text["Advertisement"].is_boilerplate
    assert by_text["The shop opens at nine every day."].is_paragraph_start


def test_value_semantics(example):
    a, b = summarize.summarize(example), summarize.summarize(example)
    assert a == b and a is not b
    assert hash(a[0]) == hash(b[0])
    assert len({a[0], b[0], a[1]}) == 2
    assert a[0] != a[1]
    s = summarize.Sentence("Hi.", 0, 3, 0, 3, 0, 1.0, 0)
    assert s == summarize.Sentence("Hi.", 0, 3, 0, 3, index=0, score=1.0, flags=0)
    assert s != "Hi."
    k = summarize.Keyword("cat", 4, 7, 4, 3, 1.0, 2)
    assert str(k) == "cat" and k.count == 2


def test_pickle_and_copy(example):
    r = summarize.summarize(example, keywords=3)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(r, proto))
        assert type(back) is summarize.Summary
        assert back == r and back.keywords == r.keywords
        assert (back.language, back.format, back.sentence_count, back.warnings) == \
               (r.language, r.format, r.sentence_count, r.warnings)
    c = copy.copy(r)
    assert c == r and c.keywords == r.keywords
    s = summarize.Summarizer(language="de", sentences=2)
    back = pickle.loads(pickle.dumps(s))
    assert back.options == s.options


def test_summary_is_a_list(example):
    r = summarize.summarize(example, keywords=2)
    assert isinstance(r, list)
    assert r[:1] == [r[0]]
    r.append(r[0])  # a list the caller owns
    assert len(r) == 4
    empty = summarize.Summary()
    assert empty == [] and empty.keywords == [] and empty.language == "und"
    assert summarize.Summary([r[0]], language="en").language == "en"


def test_module_basics():
    assert summarize.__version__.count(".") == 2
    langs = summarize.languages()
    assert "en" in langs and "de" in langs and "ja" in langs
    assert summarize.language_name("pt-BR") == "Portuguese"
    assert summarize.language_name("xx") is None
    with pytest.raises(TypeError):
        summarize.language_name(3)


PUBLIC = ["summarize", "rank", "split", "keywords", "languages", "language_name", "formats",
          "options", "Summarizer", "Sentence", "Keyword", "Summary", "Error"]


def test_docstrings_and_signatures():
    for name in PUBLIC:
        obj = getattr(summarize, name)
        assert obj.__doc__ and len(obj.__doc__) > 20, name
    for name in PUBLIC[:8]:
        inspect.signature(getattr(summarize, name))  # from the docstring's first line
    sig = inspect.signature(summarize.summarize)
    assert list(sig.parameters)[:2] == ["text", "sentences"]
    for name in ("summarize", "rank", "split", "keywords", "set", "copy"):
        assert getattr(summarize.Summarizer, name).__doc__, name


def test_stubs_match_the_module():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    stubbed = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            stubbed.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            stubbed.add(node.target.id)
    module = {n for n in dir(summarize) if not n.startswith("_")} | {"__version__"}
    assert module <= stubbed
    helpers = {"Text", "Texts", "OptionValue"}  # type aliases of the stub only
    assert stubbed - helpers <= module
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    for cls in ("Sentence", "Keyword", "Summary", "Summarizer"):
        declared = {f.name for f in classes[cls].body if isinstance(f, ast.FunctionDef)}
        actual = {n for n in dir(getattr(summarize, cls)) if not n.startswith("_")}
        actual -= set(dir(list)) if cls == "Summary" else set()
        assert actual <= declared, (cls, actual - declared)


def test_speaker_labels():
    # A transcript's speaker is the turn's label, not part of its text.
    text = ("ALICE: The new library opens on Monday with four hundred solar panels.\n"
            "BOB: The panels will power the reading rooms and the heat pump.\n"
            "ALICE: The city expects to save money on electricity every year.\n")
    got = summarize.split(text, format="transcript")
    assert [s.label for s in got] == ["ALICE", "BOB", "ALICE"]
    assert all(not s.text.startswith(s.label) for s in got)
    assert all(s.label is None for s in summarize.split("One. Two."))
    s = got[0]
    assert pickle.loads(pickle.dumps(s)) == s
    assert s != summarize.Sentence(s.text, s.start, s.end, s.byte_offset, s.byte_length,
                                   s.index, s.score, s.flags, s.document, None)
    assert summarize.FLAG_QUOTED and summarize.FLAG_FILLER and summarize.WARN_SKIPPED
    assert summarize.FLAG_APPARATUS == 128
