import re
import time
from pathlib import Path

import pytest

from geowire.clean.junk import make_junk_filter
from geowire.model import Document, Drop
from geowire.samples import sample_dir

FIXTURES = Path(__file__).parent / "fixtures" / "clean"

JUNK_LINES = [
    "var _gaq = _gaq || [];",
    "window.dataLayer = window.dataLayer || [];",
    "(function() { var s = document.createElement('script'); })();",
    "document.getElementById('menu').classList.toggle('open');",
    "googletag.cmd.push(function() { googletag.display('ad-top'); });",
    ".share-bar { display: flex; gap: 8px; }",
    "});",
    "Comments are closed.",
    "Share this:",
    "Share on Facebook",
    "Click to share on Twitter (Opens in new window)",
    "Facebook Twitter WhatsApp Email",
    "Subscribe to our newsletter",
    "We use cookies to improve your experience on our site. By continuing you agree to our use of cookies.",
    "Advertisement",
    "Story continues below advertisement",
    "Home > World > Middle East",
    "Read more: Iraq and Syria agree on trade",
    "Related: Militias deploy near the border",
    "© 2019 Levant Monitor. All rights reserved.",
    "Copyright 2019 Levant Monitor",
    "Print",
    "Email",
    "Tweet",
    "Leave a comment",
    "Tags: Iraq, Syria, Iran",
]

REAL_LINES = [
    "Three people died.",
    "Share prices fell sharply on Monday.",
    "Related talks are expected next week in Geneva.",
    "Print media were banned from the session.",
    "The ministry said comments are closed for the consultation, which ended in May.",
    "Home to two million people, the city has been under siege since March.",
    "Advertisements for the rally appeared across Bamako on Friday.",
    "The document.Officials said the agreement holds.",
    "Copyright law was not on the agenda.",
    "Police said 14 people were arrested (AFP).",
]


@pytest.fixture
def junk_filter():
    return make_junk_filter()


@pytest.mark.parametrize("line", JUNK_LINES)
def test_junk_line_removed(junk_filter, line):
    text = f"The crossing reopened on Monday.\n{line}\nTrucks lined up on both sides."
    assert junk_filter.clean(text) == "The crossing reopened on Monday.\nTrucks lined up on both sides."


@pytest.mark.parametrize("line", REAL_LINES)
def test_real_sentence_kept(junk_filter, line):
    text = f"The crossing reopened on Monday.\n{line}\nTrucks lined up on both sides."
    assert line in junk_filter.clean(text).split("\n")


def test_long_paragraph_is_never_a_widget(junk_filter):
    paragraph = "Read more " + " ".join(["about the border talks and the convoy"] * 8) + "."
    assert junk_filter.clean(paragraph) == paragraph


def test_dumped_menu_dropped_but_bulleted_list_kept(junk_filter):
    text = "Home\nWorld\nPolitics\nBusiness\nSport\nThe talks ended.\n- Iraq\n- Syria\n- Jordan\n- Lebanon"
    assert junk_filter.clean(text) == "The talks ended.\n- Iraq\n- Syria\n- Jordan\n- Lebanon"


def test_short_lines_without_spaces_are_not_a_menu(junk_filter):
    lines = ["国境検問所が月曜日に再開された。", "トラックが列をなした", "当局者が語った", "貿易が戻る", "雇用も戻る"]
    assert junk_filter.clean("\n".join(lines)) == "\n".join(lines)


def test_headlines_under_a_related_header_dropped(junk_filter):
    text = "The strikes hit Kyiv.\nRelated Stories\nKherson offensive advances\nEU weighs new sanctions\n\nThe UN condemned the strikes."
    assert junk_filter.clean(text) == "The strikes hit Kyiv.\n\nThe UN condemned the strikes."


def test_extra_patterns_setting():
    text = "Listen to this article\nThe talks ended."
    assert make_junk_filter().clean(text) == text
    assert make_junk_filter(extra_patterns=[r"listen to this article"]).clean(text) == "The talks ended."


def test_menu_runs_can_be_turned_off():
    text = "Home\nWorld\nPolitics\nBusiness\nSport\nThe talks ended."
    assert make_junk_filter(menu_run_lines=0).clean(text) == "World\nPolitics\nBusiness\nSport\nThe talks ended."


def test_document_of_only_junk_is_dropped(junk_filter):
    with pytest.raises(Drop) as raised:
        junk_filter(Document(id="x", text="Share this:\nAdvertisement\nComments are closed."))
    assert raised.value.stage == "clean"


def test_empty_document_passes(junk_filter):
    assert junk_filter(Document(id="x", text="")).text == ""


def test_pathological_lines_are_fast(junk_filter):
    lines = [
        "word " * 4000,
        "a-b " * 3000 + "{",
        "x " * 3000,
        "Home > " * 2000,
        "share " * 3000 + "!",
    ]
    started = time.perf_counter()
    junk_filter.clean("\n".join(lines))
    assert time.perf_counter() - started < 2.0


def test_fixture_dump(junk_filter):
    cleaned = junk_filter(Document(id="dump", text=(FIXTURES / "junk_dump.txt").read_text("utf-8"))).text
    assert cleaned.split("\n") == [
        "Aid trucks cross into northern Syria after UN vote",
        "12 July 2021",
        ("A convoy of 25 trucks carrying flour and medical supplies crossed from Turkey into the Idlib region "
         "of northern Syria through the Bab al-Hawa crossing on Monday."),
        "The council voted unanimously on Friday to keep the crossing open for another six months.",
        "Three people died.",
    ]


KNOWN_WIDGETS = {
    "comments are closed.", "share this:", "share on facebook", "share on twitter", "advertisement", "print",
    "email", "tweet", "subscribe to our newsletter", "leave a comment", "sign in", "skip to main content",
    "share this article", "twitter", "facebook", "whatsapp", "0 comments", "leave a reply", "related stories",
}


@pytest.mark.parametrize("path", sorted(p.name for p in sample_dir().glob("*.txt") if ".fr." not in p.name))
def test_sample_dumps_lose_junk_and_keep_paragraphs(junk_filter, path):
    raw = (sample_dir() / path).read_text("utf-8")
    cleaned = junk_filter(Document(id=path, text=raw)).text
    kept = cleaned.split("\n")
    for line in kept:
        assert line.strip().lower() not in KNOWN_WIDGETS
        assert not re.search(r"\bwindow\.|\bfunction\b|^var ", line)
        assert not line.startswith(("©", "Copyright", "Read more", "Home >", "Home /", "Related"))
    paragraphs = [line for line in raw.split("\n") if len(line.split()) >= 12 and "cookies" not in line]
    assert paragraphs
    assert all(paragraph in kept for paragraph in paragraphs)
