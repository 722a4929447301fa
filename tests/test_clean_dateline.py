import pytest

from geowire.clean.dateline import dateline_date
from geowire.clean.junk import make_junk_filter
from geowire.model import Document

STORY = "MOPTI, Mali - A convoy reached the town on Sunday, officials said, the first since December 2, 2020."


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("Published March 14, 2021 | By Awa Traore", "2021-03-14"),
        ("Thursday 13 December 2018", "2018-12-13"),
        ("Friday, August 11, 2023", "2023-08-11"),
        ("Posted 2022-10-10 08:15", "2022-10-10"),
        ("Publié le 5 juin 2020", "2020-06-05"),
        ("Publicado el 9 de junio de 2023", "2023-06-09"),
        ("Sept. 30, 2019", "2019-09-30"),
    ],
)
def test_dateline_forms(dateline, expected):
    assert dateline_date(f"Headline of the story\n{dateline}\n{STORY}") == expected


@pytest.mark.parametrize(
    "text",
    [
        STORY,                                                  # a date inside a long sentence is not a dateline
        "Headline\nUpdated March 14, 2021 and March 15, 2021\n" + STORY,   # two dates: ambiguous
        "Headline\nFebruary 30, 2021\n" + STORY,                # not a real day
        "Headline\n© 2021 Sahel Today\n" + STORY,               # a year alone
        "\n".join(["Line"] * 6 + ["March 14, 2021"]),         # too far down
    ],
)
def test_no_dateline(text):
    assert dateline_date(text) is None


def test_junk_filter_fills_only_a_missing_date():
    text = "Home > Africa\nConvoy reaches Boni\nMarch 14, 2021\n" + STORY
    assert make_junk_filter()(Document(id="a", text=text)).published == "2021-03-14"
    assert make_junk_filter()(Document(id="a", text=text, published="2021-03-15")).published == "2021-03-15"
    assert make_junk_filter(dateline_lines=0)(Document(id="a", text=text)).published is None
