"""Shared fixtures: the bundled example article, and texts in several
scripts whose sentences were checked by hand."""
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

# text, and its sentences as a reader splits them
SCRIPTS = {
    "ascii": ("The cat sat on the mat. The dog barked at the cat. Then it rained.",
              ["The cat sat on the mat.", "The dog barked at the cat.", "Then it rained."]),
    "accented": ("Der Bär läuft schnell. Über den Fluß führt eine Brücke.",
                 ["Der Bär läuft schnell.", "Über den Fluß führt eine Brücke."]),
    "cjk": ("東京は日本の首都です。大阪は二番目に大きい都市です。",
            ["東京は日本の首都です。", "大阪は二番目に大きい都市です。"]),
    # astral code points, a ZWJ sequence and a skin-tone modifier
    "emoji": ("I love pizza 🍕 a lot. My cat 🐈\u200d⬛ hates it. 👍🏽 Great day.",
              ["I love pizza 🍕 a lot.", "My cat 🐈\u200d⬛ hates it.", "👍🏽 Great day."]),
    # e + combining acute: two code points, one character on screen
    "combining": ("Cafe\u0301 society met. It rained.", ["Cafe\u0301 society met.", "It rained."]),
}


@pytest.fixture(scope="session")
def example():
    return (ROOT / "doc" / "example.txt").read_text(encoding="utf-8")
