import json
import re

import pytest

from geowire.clean.html import make_html_cleaner
from geowire.clean.junk import make_junk_filter
from geowire.clean.language import make_language_marker
from geowire.model import Document
from geowire.samples import sample_dir, sample_files

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load(path) -> list[Document]:
    if path.suffix == ".jsonl":
        docs = []
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            docs.append(Document(id=record["id"], text=record.get("text", ""), html=record.get("html"),
                                 published=record["published"], url=record["url"], title=record["title"]))
        return docs
    if path.suffix == ".html":
        return [Document(id=path.stem, html=path.read_text("utf-8"))]
    return [Document(id=path.stem, text=path.read_text("utf-8"))]


def clean(doc: Document) -> Document:
    for stage in (make_html_cleaner(), make_junk_filter(), make_language_marker()):
        doc = stage(doc)
    return doc


def test_enough_files_of_each_form():
    files = sample_files()
    assert len(files) >= 12
    suffixes = [p.suffix for p in files]
    assert suffixes.count(".html") >= 4 and suffixes.count(".txt") >= 4 and suffixes.count(".jsonl") == 1


def test_readme_lists_every_file_and_says_it_is_original():
    readme = (sample_dir() / "README.md").read_text("utf-8")
    assert "original writing" in readme
    for path in sample_files():
        assert f"`{path.name}`" in readme


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_every_sample_cleans_to_a_dated_article(path):
    for doc in map(clean, load(path)):
        assert len(doc.text.split()) >= 150
        if path.suffix == ".html":
            # the original publication date, not a later modification date
            assert doc.title and doc.published == path.name[:10]
        elif doc.html:
            assert doc.title and DATE.match(doc.published or "")
        elif path.suffix == ".txt":
            # the dateline survives cleaning and gives the date; a repost keeps the original's
            assert doc.published == ("2021-03-14" if "repost" in path.name else path.name[:10])


def test_jsonl_records_have_the_documented_fields():
    lines = (sample_dir() / "wire-feed.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 2
    assert {"text", "html"} == {key for r in records for key in ("text", "html") if key in r}
    for record in records:
        assert {"id", "published", "url", "title"} <= record.keys()
        assert DATE.match(record["published"])


def test_one_sample_is_not_english():
    languages = {doc.id: clean(doc).language for path in sample_files() for doc in load(path)}
    assert [k for k, v in languages.items() if v != "en"] == ["2020-06-05-bamako-manifestation.fr"]
    assert languages["2020-06-05-bamako-manifestation.fr"] == "fr"


def test_conflict_story_carries_the_details_later_stages_need():
    doc = clean(load(sample_dir() / "2019-09-30-levant-monitor-qaim-crossing.html")[0])
    for phrase in ("Al Qaim", "Abu Kamal", "on Monday", "Satellite images", "likely", "less than 200 miles",
                   "Islamic Revolutionary Guard Corps", "late 2017", "According to Fox News"):
        assert phrase in doc.text
    assert doc.published == "2019-09-30"


def test_sample_corpus_through_the_configured_cleaning_stages():
    from geowire.pipeline import Pipeline

    pipeline = Pipeline.from_config(only=["html", "junk", "language", "dedup"])
    docs = [doc for path in sample_files() for doc in load(path)]
    outcomes = list(pipeline.process(docs))
    assert all(o.error is None for o in outcomes)
    by_id = {o.document.id: o.document for o in outcomes}
    assert by_id["2019-09-30-qaim-crossing-desert-wire"].duplicate_kind == "near"
    assert by_id["2021-03-15-repost-sahel-aid-convoy-mopti"].duplicate_kind == "exact"
    analysable = [d.id for d in by_id.values() if d.analysable]
    assert len(analysable) == len(docs) - 3
