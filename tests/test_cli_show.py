"""`geowire show` presents the extended event: attribution kind, modality, quantities, every reporting sentence."""

from test_store_extensions import TEXT, _extended_report
from typer.testing import CliRunner

from geowire.cli import _mention_sentence, _quantity_line, app
from geowire.store.repository import Store


def _show(tmp_path, doc) -> str:
    db = f"sqlite:///{tmp_path / 'show.db'}"
    store = Store.open(db)
    store.save_document(doc)
    store.engine.dispose()
    result = CliRunner().invoke(app, ["show", doc.events[0].id, "--db", db])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_show_presents_kind_modality_quantities_and_sentences(tmp_path):
    shown = _show(tmp_path, _extended_report())
    assert "according to: officials, official source (“officials said”)" in shown
    assert "modality: historical" in shown
    assert "killed: at least 12 — 'At least 12 people were killed'" in shown
    assert "injured: 30 — '30 were hurt'" in shown
    assert "told in 2 sentence(s) of the article:" in shown
    assert "  - Iraqi forces shelled positions near Al Qaim on Monday, officials said.\n" in shown
    assert "  - The shelling lasted hours.\n" in shown


def test_show_says_so_when_an_event_has_none_of_them(tmp_path):
    doc = _extended_report()
    event = doc.events[0]
    event.attribution, event.modality, event.quantities, event.mentions = None, None, [], []
    shown = _show(tmp_path, doc)
    assert "according to: the article itself" in shown and "modality: current, actual" in shown
    assert "killed:" not in shown and "sentence(s) of the article" not in shown


def test_article_markup_in_a_sentence_is_printed_as_typed(tmp_path):
    doc = _extended_report()
    hostile = "[bold red]Rebels[/] [link=file:///etc/passwd]struck[/link] again."
    doc.text = TEXT + " " + hostile
    doc.raw = doc.text.encode()
    at = len(TEXT) + 1
    trigger = doc.text.index("struck")
    doc.events[0].mentions[1].start, doc.events[0].mentions[1].end = at, len(doc.text)
    doc.events[0].mentions[1].trigger_start, doc.events[0].mentions[1].trigger_end = trigger, trigger + 6
    assert f"  - {hostile}\n" in _show(tmp_path, doc)


def test_the_trigger_is_highlighted_inside_its_sentence():
    body = "Intro.  Police fired tear gas\nat the crowd."
    start = body.index("Police") - 1          # a sentence span with a leading space
    fired = body.index("fired")
    shown = _mention_sentence({"start": start, "end": len(body), "trigger_start": fired, "trigger_end": fired + 5},
                              body)
    assert shown.plain == "Police fired tear gas at the crowd."
    [span] = shown.spans
    assert shown.plain[span.start:span.end] == "fired"
    outside = _mention_sentence({"start": start, "end": len(body), "trigger_start": 0, "trigger_end": 3}, body)
    assert outside.spans == []                # a trigger outside its sentence highlights nothing


def test_quantities_read_as_a_figure_then_their_words():
    assert _quantity_line({"kind": "killed", "value": None, "min": 12, "text": "at least 12 people were killed"}) \
        == "at least 12 — 'at least 12 people were killed'"
    assert _quantity_line({"kind": "arrested", "value": 40, "min": None, "text": "40 arrested"}) == \
        "40 — '40 arrested'"
