"""The module and the CLI are two doors to one library: for the same text
and options they give the same sentences, offsets, scores and keywords."""
import json
import os
import subprocess

import pytest

import summarize
from conftest import SCRIPTS

CLI = os.environ.get("SUMMARIZE_CLI")

pytestmark = pytest.mark.skipif(not CLI, reason="SUMMARIZE_CLI (the built binary) not set")

CASES = [
    ([], {}),
    (["-n", "2", "-k", "3"], {"sentences": 2, "keywords": 3}),
    (["-r", "0.5"], {"ratio": 0.5}),
    (["-w", "40"], {"words": 40}),
    (["-l", "de", "-n", "4"], {"language": "de", "sentences": 4}),
    (["--w-position=0", "-n", "3"], {"w_position": 0.0, "sentences": 3}),
]


def cli(args, data):
    out = subprocess.run([CLI, "-f", "json"] + args, input=data, stdout=subprocess.PIPE,
                         check=True).stdout
    return json.loads(out)


def as_cli(r):
    return [(s.index, s.byte_offset, s.byte_length, round(s.score, 4), s.text) for s in r]


def from_cli(doc):
    return [(s["index"], s["offset"], s["length"], s["score"], s["text"])
            for s in doc["sentences"]]


@pytest.mark.parametrize("args, kw", CASES)
def test_same_as_cli(args, kw, example):
    for text in [example] + [t for t, _ in SCRIPTS.values()]:
        data = text.encode("utf-8")
        doc = cli(args, data)
        r = summarize.summarize(text, **kw)
        assert as_cli(r) == from_cli(doc)
        assert r.language == doc["language"]
        kws = [(k["text"], k["offset"], k["length"], k["count"]) for k in doc.get("keywords", [])]
        assert [(k.text, k.byte_offset, k.byte_length, k.count) for k in r.keywords] == kws


def test_split_same_as_cli(example):
    doc = cli(["--split"], example.encode("utf-8"))
    assert as_cli(summarize.split(example)) == from_cli(doc)
