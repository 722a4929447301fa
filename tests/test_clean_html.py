from pathlib import Path

import pytest

from geowire.clean.html import make_html_cleaner
from geowire.clean.junk import make_junk_filter
from geowire.model import Document, Drop

FIXTURE = Path(__file__).parent / "fixtures" / "clean" / "article.html"
FIRST_PARAGRAPH = "A convoy of 25 trucks carrying flour and medical supplies crossed from Turkey"


@pytest.fixture
def page() -> str:
    return FIXTURE.read_text("utf-8")


@pytest.fixture
def cleaner():
    return make_html_cleaner()


def test_extracts_text_and_metadata(cleaner, page):
    doc = cleaner(Document(id="a", html=page))
    assert doc.title == "Aid trucks cross into northern Syria after UN vote"
    assert doc.published == "2021-07-12"
    assert doc.author == "Leyla Demir"
    assert doc.site == "Crossroads Herald"
    assert FIRST_PARAGRAPH in doc.text
    assert "a spokeswoman for the UN humanitarian office said in Gaziantep." in doc.text
    for boilerplate in ("dataLayer", "cookies", "Sport", "Hope the aid reaches", "All rights reserved", "Share on"):
        assert boilerplate not in doc.text


def test_paragraphs_stay_on_their_own_lines(cleaner, page):
    lines = cleaner(Document(id="a", html=page)).text.split("\n")
    assert sum(line.startswith(("A convoy", "The council", "About 3.4 million")) for line in lines) == 3


def test_given_metadata_is_not_overwritten(cleaner, page):
    doc = cleaner(Document(id="a", html=page, published="2021-07-13", title="Given title"))
    assert doc.published == "2021-07-13"
    assert doc.title == "Given title"


def test_truncated_page_still_yields_text(cleaner, page):
    cut = page[: page.index("The council voted") + 40]
    doc = cleaner(Document(id="a", html=cut))
    assert FIRST_PARAGRAPH in doc.text
    assert doc.published == "2021-07-12"


def test_page_cut_inside_a_tag_still_yields_text(cleaner, page):
    cut = page[: page.index("<p>About 3.4 million") + 2]
    doc = cleaner(Document(id="a", html=cut))
    assert FIRST_PARAGRAPH in doc.text


def test_garbled_markup_still_yields_text(cleaner):
    html = "<div><p>Protesters gathered in Tahrir Square on Sunday.<div><b>Police fired tear gas</p></span> near the bridge."
    doc = cleaner(Document(id="a", html=html))
    assert "Protesters gathered in Tahrir Square on Sunday." in doc.text
    assert "Police fired tear gas" in doc.text


def test_page_without_text_is_dropped(cleaner):
    html = "<html><head><title></title><script>var a = 1;</script></head><body><div></div></body></html>"
    with pytest.raises(Drop) as raised:
        cleaner(Document(id="a", html=html))
    assert raised.value.stage == "clean"
    assert "no article text" in raised.value.reason


def test_plain_text_passes_through(cleaner):
    doc = Document(id="a", text="Three people died.")
    assert cleaner(doc).text == "Three people died."
    assert doc.title is None


def test_unknown_favor_rejected():
    with pytest.raises(ValueError):
        make_html_cleaner(favor="speed")


def test_junk_filter_after_html_keeps_the_story(cleaner, page):
    doc = make_junk_filter()(cleaner(Document(id="a", html=page)))
    assert FIRST_PARAGRAPH in doc.text
    assert "Comments are closed." not in doc.text
