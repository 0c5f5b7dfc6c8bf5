"""Web pages through the module (a build with gumbo): the main text, the
clean text of each sentence and its offsets into the page (code points
of a str, bytes of bytes), a page in Latin-1 converted."""
import pytest

import summarize

pytestmark = pytest.mark.skipif("html" not in summarize.formats(),
                                reason="this build reads no HTML (no gumbo)")

PAGE = ("<!DOCTYPE html><html><head><title>The library closes | Gazette</title></head>"
        "<body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav><article>"
        "<h1>The library closes</h1><p>The council voted to close the caf&eacute; library, "
        "a decision that angered residents of the town.</p><p>Opponents said the savings "
        "were small, and the building could be repaired for less.</p></article></body></html>")


def test_main_text():
    r = summarize.split(PAGE)
    assert r.format == "html"
    assert [s.text for s in r] == [
        "The library closes",
        "The council voted to close the café library, a decision that angered residents "
        "of the town.",
        "Opponents said the savings were small, and the building could be repaired for less.",
    ]
    assert r[0].is_heading
    # offsets into the page itself: the entity stands for the é
    assert PAGE[r[1].start:r[1].end] == ("The council voted to close the caf&eacute; library, "
                                         "a decision that angered residents of the town.")
    assert PAGE[r[2].start:r[2].end] == r[2].text


def test_every_block():
    texts = [s.text for s in summarize.split(PAGE, extract=0)]
    assert "Home News" in texts
    assert texts[0] == "The library closes | Gazette"


def test_latin1_bytes():
    page = b"<html><head><meta charset=iso-8859-1></head><body><p>Caf\xe9 cr\xe8me.</p></body></html>"
    r = summarize.split(page)
    assert [s.text for s in r] == ["Café crème."]
    assert page[r[0].start:r[0].end] == "Café crème.".encode("latin-1")
    assert r.warnings & summarize.WARN_CHARSET_CONVERTED
    with pytest.raises(summarize.Error) as e:
        summarize.split(b"<!DOCTYPE html><p>Caf\xe9, no charset said.</p>")
    assert "declares no charset" in str(e.value)
