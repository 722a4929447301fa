"""The command line end to end on the sample corpus, with the real model."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geowire.cli import app
from geowire.store.repository import EventFilter, Store

pytestmark = pytest.mark.model
REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "src" / "geowire" / "samples"
COUNT = 150
GEOWIRE = str(Path(sys.executable).parent / "geowire")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    db = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'g.db'}"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLES), "--db", db])
    assert result.exit_code == 0, result.output
    return db, result.output


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_ingest_summarises_duplicates_and_languages(ingested):
    db, output = ingested
    stats = Store.open(db).stats()
    assert stats["articles"] >= 12 and stats["events"] >= 10
    assert stats["exact_duplicates"] >= 1 and stats["near_duplicates"] >= 1
    assert any(lang != "en" for lang in stats["articles_by_language"])
    assert "stored" in output and "near duplicates" in output


def test_ingesting_again_adds_nothing(ingested):
    db, _ = ingested
    before = Store.open(db).stats()
    _run("ingest", str(SAMPLES), "--db", db)
    assert Store.open(db).stats() == before


def test_events_export_and_show(ingested):
    db, _ = ingested
    geojson = json.loads(_run("events", "--db", db, "--format", "geojson", "--limit", "500"))
    assert geojson["type"] == "FeatureCollection" and geojson["features"]
    event_id = geojson["features"][0]["id"]
    shown = _run("show", event_id[:10], "--db", db)
    assert "according to" in shown and "certainty" in shown
    lines = _run("events", "--db", db, "--format", "jsonl").splitlines()
    assert all(json.loads(line)["evidence"] for line in lines)


def test_events_filtered_by_who_says_so_and_by_mode(ingested):
    db, _ = ingested
    everything = [json.loads(x) for x in _run("events", "--db", db, "--format", "jsonl", "--limit", "500").splitlines()]
    media = [json.loads(x) for x in _run("events", "--db", db, "--format", "jsonl", "--limit", "500",
                                         "--attribution-kind", "media").splitlines()]
    assert media, "the crossing story's Fox News report is a media attribution"
    assert all(e["attribution"]["kind"] == "media" for e in media) and len(media) < len(everything)
    historical = [json.loads(x) for x in _run("events", "--db", db, "--format", "jsonl", "--limit", "500",
                                              "--modality", "historical").splitlines()]
    assert historical and all(e["modality"] == "historical" for e in historical)


def test_events_near_a_named_place(ingested):
    db, _ = ingested
    rows = [json.loads(x) for x in _run("events", "--db", db, "--near", "Abu Kamal", "--radius", "60km",
                                         "--format", "jsonl").splitlines()]
    assert rows, "the sample corpus has events at the Al Qaim / Abu Kamal crossing"
    for row in rows:
        assert 33.5 < row["location"]["lat"] < 35.5 and 40 < row["location"]["lon"] < 42


def test_bad_files_are_quarantined_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Protesters marched through Nairobi on Tuesday, police said.")
    (folder / "empty.txt").write_text("")
    (folder / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    (folder / "huge.txt").write_text("word " * 300)
    (folder / "cut.html").write_text("<html><head><title>Cut</title></head><body><article><p>Troops withdrew from")
    (folder / "feed.jsonl").write_text('{"id": "j1", "text": "Aid reached Gaza."}\nnot json\n')
    config = tmp_path / "small.toml"
    config.write_text("[ingest]\nmax_bytes = 1000\n")
    db = f"sqlite:///{tmp_path / 'g.db'}"
    _run("ingest", str(folder), "--db", db, "--config", str(config))
    store = Store.open(db)
    reasons = " | ".join(f"{r['origin']}: {r['reason']}" for r in store.quarantined())
    assert "empty.txt: empty document" in reasons
    assert "binary.html: binary" in reasons
    assert "huge.txt: file is over the 1,000-byte limit" in reasons
    assert "feed.jsonl:2: line is not valid JSON" in reasons
    assert store.stats()["articles"] >= 2        # good.txt and j1, whatever happens to the truncated page
    listing = _run("quarantine", "--db", db)
    assert "empty document" in listing and "binary" in listing


def test_a_killed_ingest_resumes_with_no_duplicate_and_nothing_missing(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    rng = random.Random(7)
    towns = ["Lagos", "Kano", "Abuja", "Ibadan", "Jos", "Maiduguri", "Enugu", "Kaduna"]
    words = "police detained protesters marched officials said talks aid convoy reached border army".split()
    for n in range(COUNT):
        sentences = [f"{rng.choice(['Police', 'Soldiers', 'Officials'])} in {rng.choice(towns)} "
                     f"{' '.join(rng.choices(words, k=12))} on Monday." for _ in range(25)]
        (folder / f"{n:03d}.txt").write_text(" ".join(sentences))
    db_path = tmp_path / "k.db"
    db = f"sqlite:///{db_path}"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    process = subprocess.Popen([GEOWIRE, "ingest", str(folder), "--db", db], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.2)
        if db_path.exists() and _articles(db) >= 5:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = _articles(db)
    assert partial < COUNT, "the run should have been interrupted part-way"
    subprocess.run([GEOWIRE, "ingest", str(folder), "--db", db], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store = Store.open(db)
    assert store.stats()["articles"] == COUNT
    with store.engine.connect() as conn:
        ids = [row[0] for row in conn.exec_driver_sql("SELECT origin FROM articles")]
    assert len(ids) == len(set(ids)) == COUNT


def _articles(db: str) -> int:
    try:
        return Store.open(db).stats()["articles"]
    except Exception:
        return 0


def test_hostile_text_is_printed_as_typed_not_as_markup(monkeypatch):
    from rich.console import Console

    import geowire.cli as cli

    event = {"id": "e1", "type": "PROTEST", "date": {"value": "2024-01-05", "text": None}, "certainty": "asserted",
             "confidence": 0.5, "source": {"text": "[bold red]pwned[/]", "country": None, "sector": None},
             "target": None, "location": {"name": "[link=file:///etc/passwd]Nairobi[/link]"}}
    recorder = Console(record=True, width=200)
    monkeypatch.setattr(cli, "out", recorder)
    cli._print_events_table([event])
    shown = recorder.export_text()
    assert "[bold red]pwned[/]" in shown and "[link=file:///etc/passwd]" in shown


def test_reprocess_at_the_same_version_changes_nothing_and_loses_nothing(tmp_path):
    db = f"sqlite:///{tmp_path / 'r.db'}"
    _run("ingest", str(SAMPLES), "--db", db)
    before = Store.open(db)
    events_before = sorted(e["id"] for e in before.events(EventFilter(limit=5000)))
    _run("reprocess", "--all", "--db", db)
    after = Store.open(db)
    assert sorted(e["id"] for e in after.events(EventFilter(limit=5000))) == events_before
    assert after.deletions() == [] and after.stats()["articles"] == before.stats()["articles"]


def test_show_spells_out_the_days_a_vague_date_covers():
    from geowire.cli import _when

    assert _when({"value": "2024-W19", "text": "last week", "start": "2024-05-06", "end": "2024-05-12"}) == \
        "2024-W19 from “last week”, 2024-05-06 to 2024-05-12"
    assert _when({"value": "2024-05-08", "text": None, "start": "2024-05-08", "end": "2024-05-08"}) == \
        "2024-05-08 (publication date)"
    assert _when(None) == "unknown"


def test_a_malformed_date_bound_is_refused_with_a_clear_message(tmp_path):
    result = CliRunner().invoke(app, ["events", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--since", "2024/05/01"])
    assert result.exit_code == 2
    assert "is not YYYY, YYYY-MM or YYYY-MM-DD" in result.output


def test_date_bounds_select_by_the_days_an_event_covers(ingested):
    db, _ = ingested
    every = [json.loads(x) for x in _run("events", "--db", db, "--format", "jsonl", "--limit", "500").splitlines()]
    dated = [e for e in every if e["date"] and e["date"]["start"]]
    since = sorted(e["date"]["start"] for e in dated)[len(dated) // 2]
    later = [json.loads(x) for x in _run("events", "--db", db, "--format", "jsonl", "--limit", "500",
                                         "--since", since).splitlines()]
    assert later and all(e["date"]["start"] >= since for e in later)
    assert len(later) == sum(e["date"]["start"] >= since for e in dated)
