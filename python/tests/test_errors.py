"""Bad input is normal input: each kind gets summarize.Error (a
ValueError) or TypeError, with the message and the offset."""
import mmap

import pytest

import summarize

CALLS = [summarize.summarize, summarize.rank, summarize.split, summarize.keywords,
         summarize.Summarizer().summarize, summarize.Summarizer().keywords]


def test_error_is_a_value_error():
    assert issubclass(summarize.Error, ValueError)


@pytest.mark.parametrize("call", CALLS)
def test_invalid_utf8(call):
    with pytest.raises(summarize.Error) as e:
        call(b"Good text here. Bad \xff byte.")
    err = e.value
    assert err.code == -3
    assert err.offset == err.byte_offset == 20
    assert str(err) == "invalid UTF-8 at byte 20"


def test_invalid_utf8_kinds():
    # overlong, truncated, a surrogate's bytes, past U+10FFFF
    for bad, at in ((b"ab\xc0\xafcd", 2), (b"abc\xe2\x82", 3), (b"\xed\xa0\x80", 0),
                    (b"x\xf4\x90\x80\x80", 1)):
        with pytest.raises(summarize.Error) as e:
            summarize.summarize(bad)
        assert e.value.byte_offset == at, bad


@pytest.mark.parametrize("text, offset, byte_offset", [
    ("ab\ud800cd. More text.", 2, 2),
    ("é\udfff", 1, 2),
    ("日本\udc80語", 2, 6),
])
def test_lone_surrogate(text, offset, byte_offset):
    for call in CALLS:
        with pytest.raises(summarize.Error) as e:
            call(text)
        err = e.value
        assert err.code == -3
        assert (err.offset, err.byte_offset) == (offset, byte_offset)
        assert "lone surrogate U+%04X at index %d" % (ord(text[offset]), offset) in str(err)


def test_nul_in_str_counts_characters():
    with pytest.raises(summarize.Error) as e:
        summarize.summarize("Ça va.\0 Oui.")
    err = e.value
    assert err.code == -4
    assert (err.offset, err.byte_offset) == (6, 7)
    assert str(err) == "binary data: NUL character at index 6"


def test_nul_in_bytes_counts_bytes():
    with pytest.raises(summarize.Error) as e:
        summarize.split("Ça va.\0 Oui.".encode())
    assert (e.value.offset, e.value.byte_offset) == (7, 7)
    assert str(e.value) == "binary data: NUL byte at byte 7"


@pytest.mark.parametrize("bad", [None, 42, 4.2, {"text": "a"}, object()])
def test_wrong_type(bad):
    for call in CALLS + [summarize.split]:
        with pytest.raises(TypeError, match="text must be str or bytes"):
            call(bad)


def test_split_takes_one_text():
    with pytest.raises(TypeError, match="text must be str or bytes, not list"):
        summarize.split(["a text"])


def test_an_error_leaves_the_module_usable(example):
    good = summarize.summarize(example)
    for bad in (b"\xff", "\ud800", "a\0b"):
        with pytest.raises(summarize.Error):
            summarize.summarize(bad, sentences=1, language="de")
    # the pooled context forgot the failed call's options
    assert summarize.summarize(example) == good


def test_option_error_before_text_error():
    with pytest.raises(summarize.Error, match="ratio"):
        summarize.summarize(b"\xff", ratio=2.0)


def test_error_attributes_for_options():
    with pytest.raises(summarize.Error) as e:
        summarize.summarize("Text.", damping=1.0)
    assert e.value.code == -2
    assert e.value.offset is None and e.value.byte_offset is None
    assert str(e.value) == "damping: 1 is not in [0, 1)"


def test_huge_input_is_refused(tmp_path):
    """Past SUMM_MAX_INPUT the library refuses before reading a byte: a
    sparse file, mapped, is such an input without the memory."""
    path = tmp_path / "huge"
    with open(path, "wb") as f:
        f.truncate(summarize.MAX_INPUT + 1)
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        with pytest.raises(summarize.Error) as e:
            summarize.summarize(m)
        assert e.value.code == -6 and "larger than the limit" in str(e.value)
        del e  # the traceback holds no view of m, but be sure before m closes


def test_mmap_is_read_in_place(tmp_path):
    path = tmp_path / "text"
    path.write_bytes("Ça commence ici. Puis ça continue là.".encode())
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        r = summarize.split(m)
        assert [s.text for s in r] == ["Ça commence ici.", "Puis ça continue là."]
        assert r[1].start == len("Ça commence ici. ".encode())
