"""Extents, false positives, the no-publication-date rule, span look-ups and the component."""

from __future__ import annotations

import pytest

from geowire.model import Document, TimeExpr
from geowire.registry import registry
from geowire.timex.recognise import extract_times, time_for_span, times_in_span

FRI = "1998-08-07"


def _texts(text: str, published: str | None = FRI) -> list[str]:
    return [t.text for t in extract_times(text, published)]


@pytest.mark.parametrize("text, expected", [
    ("The blast came on Monday, police said.", ["Monday"]),                  # "on" is a signal
    ("Since 2013, the group has grown.", ["2013"]),
    ("They met in late 2017 in Paris.", ["late 2017"]),
    ("He will leave by the end of 2018.", ["the end of 2018"]),
    ("The company's third-quarter loss widened.", ["third-quarter"]),        # "the" goes with "loss"
    ("Net fell in the third quarter.", ["the third quarter"]),
    ("The talks lasted about five hours.", ["five hours"]),
    ("He left at 6 a.m. Police arrived later.", ["6 a.m"]),                  # the full stop ends the sentence
    ("It has been more than two years.", ["more than two years"]),
    ("The boy, a 6-year-old, was unhurt.", []),                               # an age, not a duration
    ("We met Friday and again on Sept. 30, 1998.", ["Friday", "Sept. 30, 1998"]),
    ("police arrested 20 people on tuesday.", ["tuesday"]),                  # an all-lower-case feed
    ("the fax sent on february 27 asked the states to act.", ["february 27"]),
    ("elections will be held in march 2003, he said.", ["march 2003"]),
])
def test_extents(text, expected):
    assert _texts(text) == expected


@pytest.mark.parametrize("text", [
    "They may agree to a truce.",
    "Thousands will march on the capital.",
    "Shares fell sharply after the fall of the government.",
    "About 2000 people marched through the city.",
    "The city has 1500 troops and 1998 police officers.",
    "Resolution 1701 calls for a ceasefire.",
    "Flight 1720 landed safely.",
    "He came second in the race.",
    "A quarter of the population fled.",
    "She paid a quarterly dividend.",
    "The current account deficit widened.",                                  # a balance, not a time
    "A strong current swept the boat away.",
    "The hostage was soon released.",                                         # "soon" within a past story
    "Talks should resume as soon as the rains end.",
    "Average daily volume was 133 million shares.",
    "Police arrested about 2000 people.",                                      # a count after "about"
    "The index rose to 1995 points.",
    "The last half of the match was dull.",
    "the protesters march 20 km to the capital.",                           # lower-case month words that are verbs
    "they may 5 times have warned the villagers.",
])
def test_no_false_positives(text):
    assert _texts(text) == []


def test_bare_may_with_context_is_a_month():
    times = extract_times("The vote was held in May.", FRI)
    assert [(t.text, t.value) for t in times] == [("May", "1998-05")]


@pytest.mark.parametrize("text, expression, kind", [
    ("The bombs exploded yesterday.", "yesterday", "DATE"),
    ("The bombs exploded Friday.", "Friday", "DATE"),
    ("Prices fell last week.", "last week", "DATE"),
    ("The rebels left two years ago.", "two years ago", "DATE"),
    ("Officials met this morning.", "this morning", "TIME"),
    ("Growth slowed this year.", "this year", "DATE"),
    ("Earnings fell in the third quarter.", "the third quarter", "DATE"),
])
def test_relative_expressions_without_publication_date_stay_unresolved(text, expression, kind):
    found = [t for t in extract_times(text, None) if t.text == expression]
    assert len(found) == 1
    assert found[0].type == kind
    assert found[0].anchored is False
    assert found[0].value is None or "X" in found[0].value


def test_calendar_dates_without_publication_date_keep_what_the_text_says():
    times = {t.text: t for t in extract_times("Talks began March 5 and ended March 9, 1998.", None)}
    assert (times["March 5"].value, times["March 5"].anchored) == ("XXXX-03-05", False)
    assert (times["March 9, 1998"].value, times["March 9, 1998"].anchored) == ("1998-03-09", True)


def test_values_that_need_no_publication_date_stay_anchored():
    times = {t.text: t for t in extract_times("The truce now holds after three years of war.", None)}
    assert (times["now"].value, times["now"].anchored) == ("PRESENT_REF", True)
    assert (times["three years"].value, times["three years"].anchored) == ("P3Y", True)


def test_malformed_publication_date_counts_as_missing():
    (found,) = extract_times("The bombs exploded yesterday.", "not-a-date")
    assert found.value is None and found.anchored is False


def test_narrative_anchor_follows_the_last_date_mentioned():
    text = ("The rebels took the town on March 3, 1998. The next day, they withdrew. "
            "Two weeks later, they returned. That year, the war spread.")
    values = {t.text: t.value for t in extract_times(text, FRI)}
    assert values["The next day"] == "1998-03-04"
    assert values["Two weeks later"] == "1998-03-18"
    assert values["That year"] == "1998"


def test_narrative_anchor_without_any_date_uses_publication_date():
    values = {t.text: t.value for t in extract_times("A day earlier, the army shelled the town.", FRI)}
    assert values["A day earlier"] == "1998-08-06"


def test_narrative_without_any_anchor_or_publication_date_is_unresolved():
    (found,) = extract_times("The next day, they withdrew.", None)
    assert found.value is None and found.anchored is False


def test_offsets_point_into_the_text():
    text = "On Friday, Aug. 7, bombs exploded. Two days later, on Sunday, crowds gathered."
    for time in extract_times(text, FRI):
        assert text[time.start:time.end] == time.text


def test_times_in_span_and_time_for_span():
    text = "Bombs exploded Friday. Crowds now gather daily. A rally is set for Aug. 20."
    times = extract_times(text, FRI)
    first = text.index("Crowds")
    second_end = text.index("A rally")
    inside = times_in_span(times, first, second_end)
    assert [t.text for t in inside] == ["now", "daily"]
    assert time_for_span(times, first, second_end) is None          # only a reference and a set
    rally = time_for_span(times, second_end, len(text))
    assert rally is not None and rally.value == "1998-08-20"
    assert time_for_span(times, 0, second_end, near=text.index("Bombs")).text == "Friday"


def test_component_fills_document_times():
    component = registry.create("timex", "rule_timex")
    doc = Document(id="d1", text="Suspected bombs exploded Friday, killing dozens.", published=FRI)
    out = component(doc)
    assert out is doc
    assert out.times == [TimeExpr(25, 31, "Friday", "DATE", "1998-08-07", None, True)]


def test_component_keeps_only_the_configured_types():
    component = registry.create("timex", "rule_timex", {"types": "DURATION"})
    doc = Document(id="d1", text="Yesterday the siege entered its third week after 15 days.", published=FRI)
    assert [t.type for t in component(doc).times] == ["DURATION"]


def test_factory_rejects_unknown_types():
    with pytest.raises(ValueError):
        registry.create("timex", "rule_timex", {"types": "DATE,EPOCH"})


def test_output_contract_fields():
    doc = Document(id="d1", text="Talks resume next week.", published=FRI)
    registry.create("timex", "rule_timex")(doc)
    (time,) = doc.to_output()["times"]
    assert {"start", "end", "text", "type", "value", "mod"} <= set(time)


@pytest.mark.model
def test_component_uses_the_parse_for_tense():
    from geowire.nlp.spacy_nlp import load_model

    text = "The minister will travel to Nairobi on Tuesday."
    doc = Document(id="d1", text=text, published=FRI)
    doc.parsed = load_model()(text)
    registry.create("timex", "rule_timex")(doc)
    assert [(t.text, t.value) for t in doc.times] == [("Tuesday", "1998-08-11")]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # a scheduled present: the parse finds "meet" governing the weekday, no cue word does
    ("He and the envoy meet separately Monday with the mediators.", "1998-08-10"),
    # a possessive weekday dates a noun, so the present "is" says nothing about it
    ("Monday's vote is the main topic in the capital.", "1998-08-03"),
    # "since" looks back whatever the verb; a bare "is" is a state, not a plan
    ("Fighting continues in the north since Monday.", "1998-08-03"),
    ("Prices are up 5% from Monday.", "1998-08-03"),
    ("Schools reopen from Monday, the ministry said.", "1998-08-10"),
])
def test_parse_reads_a_scheduled_present(text, expected):
    from geowire.nlp.spacy_nlp import load_model

    doc = Document(id="d1", text=text, published=FRI)
    doc.parsed = load_model()(text)
    registry.create("timex", "rule_timex")(doc)
    weekday = next(t for t in doc.times if t.text.startswith(("Monday", "Tuesday")))
    assert weekday.value == expected


@pytest.mark.parametrize("verb, tag, expected", [("meet", "VBP", True), ("hurt", "VBP", None), ("met", "VBD", False)])
def test_parse_tense_of_a_governing_verb(verb, tag, expected):
    """A present-tense governor marks a schedule, unless its form is also a past one ("hurt")."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from geowire.timex.tense import _tense_from_parse

    words = ["They", verb, "on", "Tuesday", "."]
    morph = "Tense=Past|VerbForm=Fin" if tag == "VBD" else "Tense=Pres|VerbForm=Fin"
    parsed = Doc(Vocab(), words=words, heads=[1, 1, 1, 2, 1], deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
                 tags=["PRP", tag, "IN", "NNP", "."], pos=["PRON", "VERB", "ADP", "PROPN", "PUNCT"],
                 morphs=["", morph, "", "", ""], lemmas=["they", verb if verb != "met" else "meet", "on", "Tuesday", "."])
    assert _tense_from_parse(parsed, len("They ") + len(verb) + len(" on ")) is expected


def test_adjective_overnight_and_early_hours_are_not_times():
    times = extract_times("Overnight rates rose. Banks stayed open in the early hours to clear trades.", FRI)
    assert [t.text for t in times] == []


@pytest.mark.parametrize("value, first, last", [
    ("2019", "2019-01-01", "2019-12-31"),
    ("2019-02", "2019-02-01", "2019-02-28"),
    ("2020-02", "2020-02-01", "2020-02-29"),
    ("2019-03-05", "2019-03-05", "2019-03-05"),
    ("2019-03-05TNI", "2019-03-05", "2019-03-05"),
    ("2019-03-05T14:30", "2019-03-05", "2019-03-05"),
    ("2019-W39", "2019-09-23", "2019-09-29"),
    ("2019-W39-WE", "2019-09-28", "2019-09-29"),
    ("2020-W53", "2020-12-28", "2021-01-03"),
    ("2021-Q4", "2021-10-01", "2021-12-31"),
    ("2021-H1", "2021-01-01", "2021-06-30"),
    ("1997-WI", "1997-12-01", "1998-02-28"),
    ("2000-SU", "2000-06-01", "2000-08-31"),
    ("199", "1990-01-01", "1999-12-31"),
    ("19", "1900-01-01", "1999-12-31"),
])
def test_span_of_a_timex_value(value, first, last):
    from geowire.dates import span_of_value

    start, end = span_of_value(value)
    assert (start.isoformat(), end.isoformat()) == (first, last)


@pytest.mark.parametrize("value", ["PAST_REF", "PRESENT_REF", "XXXX-03-05", "XXXX-WXX-1", "P3D", "2019-02-30",
                                   "2019-W53", "", None])
def test_values_that_name_no_calendar_stretch(value):
    from geowire.dates import span_of_value

    assert span_of_value(value) is None
