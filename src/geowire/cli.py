"""The command line: composes ingest, the pipeline, the store, the API and the exporters."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from geowire.config import load_config
from geowire.export.formats import EXPORT_FORMATS, export
from geowire.ingest.sources import iter_paths, read_jsonl_stream, read_paths
from geowire.pipeline import Pipeline
from geowire.runner import IngestRunner, StoreFailure
from geowire.runner import extract as extract_records
from geowire.store.repository import EventFilter, Store

app = typer.Typer(help="geowire: news in, geolocated and sourced events out.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
console = Console(stderr=True)
out = Console(highlight=False, soft_wrap=True)

ConfigOption = Annotated[Path | None, typer.Option("--config", help="TOML file merged over the defaults")]
DbOption = Annotated[str | None, typer.Option("--db", help="store URL, e.g. sqlite:///geowire.db")]


def _date_bound(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise typer.BadParameter(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return value


SinceOption = Annotated[str | None, typer.Option(
    help="events whose whole date lies on or after this day: YYYY, YYYY-MM or YYYY-MM-DD", callback=_date_bound)]
UntilOption = Annotated[str | None, typer.Option(
    help="events whose whole date lies on or before this: YYYY, YYYY-MM or YYYY-MM-DD", callback=_date_bound)]


def _open_store(config: dict, db: str | None) -> Store:
    return Store.open(db or config["store"]["url"])


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files or folders (.txt .html .json .jsonl, .gz of these)")],
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """Ingest documents into the store: clean, deduplicate, analyse, keep failures in quarantine."""
    config = load_config(config_path)
    store = _open_store(config, db)
    runner = IngestRunner(store, Pipeline.from_config(config))
    max_bytes = int(config["ingest"]["max_bytes"])
    summary = _storing(lambda: _with_progress("ingesting", paths, lambda advance: runner.run(
        read_paths(paths, max_bytes), on_item=advance)))
    _print_summary(summary.as_dict())


def _storing(run):
    """Run an ingest or backfill; when the store cannot be written (disk full, read-only) say so plainly, with
    what the run had stored, and exit 1 instead of a traceback."""
    try:
        return run()
    except StoreFailure as failure:
        _print_summary(failure.summary.as_dict())
        console.print(f"[bold red]error:[/] {escape(str(failure))}")
        raise typer.Exit(1) from None


@app.command()
def backfill(
    paths: Annotated[list[Path], typer.Argument(help="files or folders, as for ingest (read here, sent to workers)")],
    db: DbOption = None,
    workers: Annotated[int | None, typer.Option(help="start a local Dask cluster of this many processes")] = None,
    scheduler: Annotated[str | None, typer.Option(
        help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (docs/architecture.md)")] = None,
    batch_size: Annotated[int, typer.Option(help="documents per task sent to a worker")] = 16,
    config_path: ConfigOption = None,
) -> None:
    """Ingest a large collection with the analysis spread over Dask workers: the same result as ingest."""
    from geowire.backfill import Backfill, connect

    if (workers is None) == (scheduler is None):
        raise typer.BadParameter("give either --workers N or --scheduler ADDRESS")
    if workers is not None and workers < 1:
        raise typer.BadParameter("--workers must be at least 1")
    config = load_config(config_path)
    store = _open_store(config, db)
    max_bytes = int(config["ingest"]["max_bytes"])
    with connect(workers=workers, scheduler=scheduler) as client:
        job = Backfill(store, config, client, batch_size=batch_size)
        summary = _storing(lambda: _with_progress("backfilling", paths, lambda advance: job.run(
            read_paths(paths, max_bytes), on_item=advance)))
    _print_summary(summary.as_dict())


def _with_progress(label: str, paths: list[Path], run):
    """Run ``run(advance)`` under a progress bar that advances once per input file."""
    total = sum(1 for _ in iter_paths(paths))
    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=console, transient=False) as progress:
        task = progress.add_task("", total=total or None)
        last_origin: list[str] = [""]

        def advance(origin: str) -> None:
            # records of one file ("feed.jsonl:3", "crawl.warc#12") advance the bar once, per file
            path = _RECORD_SUFFIX.sub("", origin)
            if path != last_origin[0]:
                last_origin[0] = path
                progress.update(task, advance=1, description=escape(Path(path).name))

        return run(advance)


_RECORD_SUFFIX = re.compile(r"[:#]\d+$")


def _print_summary(summary: dict) -> None:
    table = Table(title="ingest summary", show_header=False)
    for key in ("stored", "already_stored", "exact_duplicates", "near_duplicates", "not_analysed_language",
                "quarantined", "events"):
        table.add_row(key.replace("_", " "), str(summary[key]))
    console.print(table)
    for reason, count in sorted(summary["quarantine_reasons"].items()):
        console.print(f"  quarantined ({count}): {escape(reason)}")


@app.command()
def extract(
    paths: Annotated[
        list[str] | None, typer.Argument(help="files or folders; none or '-' reads JSONL from stdin")
    ] = None,
    raw: Annotated[bool, typer.Option("--raw", help="no cleaning: offsets refer to the input text")] = False,
    config_path: ConfigOption = None,
) -> None:
    """Print one JSON object per document (the output contract in docs/output.md)."""
    config = load_config(config_path)
    pipeline = Pipeline.from_config(config)
    max_bytes = int(config["ingest"]["max_bytes"])
    if not paths or paths == ["-"]:
        items = read_jsonl_stream(sys.stdin.buffer, "stdin", max_bytes, requests=True)
    else:
        items = read_paths(paths, max_bytes, requests=True)
    for record in extract_records(pipeline, items, raw=raw):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()


@app.command()
def events(
    since: SinceOption = None,
    until: UntilOption = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of source or target")] = None,
    actor: Annotated[str | None, typer.Option(help="text in source or target")] = None,
    certainty: Annotated[str | None, typer.Option(help="asserted, reported, hedged, speculative, negated")] = None,
    attribution_kind: Annotated[str | None, typer.Option(
        help="who says so: official, military, media, ngo_igo, imagery, anonymous, eyewitness, social_media, "
             "unknown")] = None,
    modality: Annotated[str | None, typer.Option(
        help="historical, future, hypothetical, negated, or none for current acts")] = None,
    near: Annotated[str | None, typer.Option(help="a place name, resolved with the gazetteer")] = None,
    radius: Annotated[str, typer.Option(help="radius around --near, e.g. 50km")] = "50km",
    limit: Annotated[int, typer.Option(help="at most this many events")] = 100,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl, csv or geojson")] = "table",
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """List stored events, filtered."""
    config = load_config(config_path)
    store = _open_store(config, db)
    flt = EventFilter(since=since, until=until, type=type, country=country, actor=actor, certainty=certainty,
                      attribution_kind=attribution_kind, modality=modality, limit=limit)
    if near:
        flt.near = (*_resolve_near(near), _parse_km(radius))
    found = store.events(flt)
    if fmt == "table":
        _print_events_table(found)
    elif fmt in EXPORT_FORMATS:
        sys.stdout.write(export(found, fmt))
    else:
        raise typer.BadParameter(f"unknown format {fmt!r}; use table or one of {EXPORT_FORMATS}")


def _resolve_near(name: str) -> tuple[float, float]:
    from geowire.geo import get_gazetteer

    candidates = get_gazetteer().lookup(name)
    if not candidates:
        console.print(f"[red]No place called {escape(name)!s} in the gazetteer.[/red]")
        raise typer.Exit(2)
    best = candidates[0]
    if len(candidates) > 1:
        others = "; ".join(escape(c.describe()) for c in candidates[1:6])
        console.print(f"using {escape(best.describe())} (other candidates: {others})")
    return best.lat, best.lon


def _parse_km(value: str) -> float:
    text = value.strip().lower().removesuffix("km").strip()
    try:
        return float(text)
    except ValueError:
        raise typer.BadParameter(f"radius must look like 50km, got {value!r}") from None


def _print_events_table(found: list[dict]) -> None:
    table = Table(title=f"{len(found)} events")
    for column in ("id", "type", "date", "source", "target", "place", "certainty", "conf"):
        table.add_column(column)
    for e in found:
        table.add_row(
            e["id"][:12], e["type"], (e["date"] or {}).get("value") or "",
            _arg_label(e["source"]), _arg_label(e["target"]),
            Text((e["location"] or {}).get("name") or ""), e["certainty"], f"{e['confidence']:.2f}",
        )
    out.print(table)


def _arg_label(arg: dict | None) -> Text:
    if not arg:
        return Text("—")
    code = " ".join(x for x in (arg.get("country"), arg.get("sector")) if x)
    return Text(f"{arg['text']} ({code})" if code else arg["text"])


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(help="event id (a unique prefix is enough)")],
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """Show one event with its evidence highlighted in the article."""
    config = load_config(config_path)
    store = _open_store(config, db)
    event = store.event(event_id)
    if event is None:
        console.print(f"[red]No single event matches {escape(event_id)!s}.[/red]")
        raise typer.Exit(1)
    article = store.article(event["article"]["id"]) or {}
    out.print(_event_panel(event, article))


def _event_panel(event: dict, article: dict) -> Text:
    text = Text()
    text.append(f"{event['type']}", style="bold")
    text.append(f"  {event['id']}\n")
    for role in ("source", "target"):
        text.append(f"{role}: ", style="bold")
        text.append(_arg_label(event[role]))
        text.append("\n")
    loc = event["location"]
    if loc:
        place = next((p for p in article.get("places", []) if p["start"] == loc["start"]), {})
        text.append("where: ", style="bold")
        text.append(f"{loc['name']} ({loc['lat']}, {loc['lon']}), precision {place.get('precision') or 'unknown'}\n")
    text.append("when: ", style="bold")
    text.append(_when(event["date"]) + "\n")
    att = event["attribution"]
    text.append("according to: ", style="bold")
    text.append(f"{att['name']}, {att.get('kind') or 'unknown'} source (“{att['text']}”)\n" if att
                else "the article itself\n")
    text.append("certainty: ", style="bold")
    text.append(f"{event['certainty']}, confidence {event['confidence']:.2f}\n")
    text.append("modality: ", style="bold")
    text.append(f"{event.get('modality') or 'current, actual'}\n")
    for quantity in event.get("quantities") or []:
        text.append(f"{quantity['kind']}: ", style="bold")
        text.append(_quantity_line(quantity) + "\n")
    text.append("source article: ", style="bold")
    text.append(f"{article.get('title') or ''} {article.get('url') or article.get('origin') or ''}\n")
    mentions = [m for m in event.get("mentions", []) if m.get("active", True)]
    text.append(f"reported by {event.get('n_sources', 1)} source(s) in {len(mentions)} mention(s):\n", style="bold")
    for mention in mentions:
        where = mention.get("source") or (mention.get("article") or {}).get("url") or mention["article"]["id"]
        text.append(f"  - {where} [{mention['certainty']}]: “{mention.get('evidence_text', '').strip()}”\n")
    body = article.get("text") or ""
    sentences = event.get("evidence_mentions") or []
    if sentences:
        text.append(f"told in {len(sentences)} sentence(s) of the article:\n", style="bold")
        for mention in sentences:
            text.append("  - ")
            text.append(_mention_sentence(mention, body))
            text.append("\n")
    text.append("\n")
    start, end = event["evidence"]["start"], event["evidence"]["end"]
    text.append(body[max(0, start - 600):start])
    text.append(body[start:end], style="black on yellow")
    text.append(body[end:end + 600])
    return text


def _quantity_line(quantity: dict) -> str:
    """The figure, then the words it was read from: at least 12 — 'at least 12 people were killed'."""
    if quantity.get("value") is not None:
        figure = str(quantity["value"])
    elif quantity.get("min") is not None:
        figure = f"at least {quantity['min']}"
    else:
        figure = "a number not given"
    return f"{figure} — '{quantity.get('text') or ''}'"


def _mention_sentence(mention: dict, body: str) -> Text:
    """One sentence that reports the event, its trigger highlighted. Text, not markup: articles are untrusted."""
    start, end = mention["start"], mention["end"]
    sentence = (mention["text"] if mention.get("text") is not None else body[start:end]).replace("\n", " ")
    lead = len(sentence) - len(sentence.lstrip())
    shown = Text(sentence.strip())
    trigger_start, trigger_end = mention.get("trigger_start"), mention.get("trigger_end")
    if trigger_start is not None and trigger_end is not None:
        low, high = (min(len(shown), max(0, at - start - lead)) for at in (trigger_start, trigger_end))
        if low < high:
            shown.stylize("bold black on yellow", low, high)
    return shown


def _when(date: dict | None) -> str:
    if not date:
        return "unknown"
    said = f" from “{date['text']}”" if date["text"] else " (publication date)"
    span = f", {date['start']} to {date['end']}" if date.get("start") and date["start"] != date.get("end") else ""
    return f"{date['value']}{said}{span}"


@app.command()
def stats(db: DbOption = None, config_path: ConfigOption = None) -> None:
    """Counts of articles, duplicates, events and quarantined inputs."""
    store = _open_store(load_config(config_path), db)
    out.print_json(json.dumps(store.stats()))


@app.command()
def quarantine(db: DbOption = None, config_path: ConfigOption = None) -> None:
    """List inputs that were kept aside, with the stage and the reason."""
    store = _open_store(load_config(config_path), db)
    rows = store.quarantined()
    table = Table(title=f"{len(rows)} quarantined")
    for column in ("origin", "stage", "reason"):
        table.add_column(column)
    for row in rows:
        table.add_row(Text(row["origin"]), row["stage"], Text(row["reason"]))
    out.print(table)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="address to listen on")] = None,
    port: Annotated[int | None, typer.Option(help="port")] = None,
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """Serve the API and the map page."""
    import uvicorn

    from geowire.api.app import ApiSettings, create_app

    config = load_config(config_path)
    store = _open_store(config, db)
    serve_config = config["serve"]
    settings = ApiSettings(token=os.environ.get("GEOWIRE_TOKEN", serve_config.get("token", "")),
                           cors_origins=tuple(serve_config.get("cors_origins", ())),
                           allow_private_urls=bool(serve_config.get("allow_private_urls", False)))
    app_ = create_app(store, settings, runner_factory=lambda s: IngestRunner(s, Pipeline.from_config(config)))
    uvicorn.run(app_, host=host or serve_config["host"], port=port or int(serve_config["port"]))


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", help=", ".join(EXPORT_FORMATS))] = "geojson",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="file to write (default: stdout)")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of an actor or alpha-2 of the place")] = None,
    min_sources: Annotated[int | None, typer.Option(help="reported by at least this many outlets")] = None,
    limit: Annotated[int, typer.Option(help="at most this many events")] = 100000,
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """Export events: csv, jsonl, geojson, kml, stix (2.1 bundle), gdelt (TSV) or acled (CSV)."""
    from geowire.export.formats import NEEDS_MENTIONS

    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; use one of {EXPORT_FORMATS}")
    store = _open_store(load_config(config_path), db)
    found = store.events(EventFilter(since=since, until=until, type=type, country=country,
                                     min_sources=min_sources, limit=limit))
    if fmt in NEEDS_MENTIONS:
        found = store.with_mentions(found)
    text = export(found, fmt)
    if output:
        output.write_text(text, encoding="utf-8")
        console.print(f"{len(found)} events written to {escape(str(output))}")
    else:
        sys.stdout.write(text)


@app.command()
def reprocess(
    all_versions: Annotated[bool, typer.Option("--all", help="also articles already at this version")] = False,
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """Re-run stored articles through this pipeline version; earlier mentions are kept, inactive."""
    from geowire.model import Document

    config = load_config(config_path)
    store = _open_store(config, db)
    pipeline = Pipeline.from_config(config, only=[n for n in config["pipeline"]["order"]
                                                  if config["components"][n]["kind"] not in ("cleaners", "dedup")])
    rows = store.articles_for_reprocessing(all_versions)
    failures = 0
    with Progress(TextColumn("[bold]reprocessing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console) as progress:
        task = progress.add_task("", total=len(rows))
        docs = (Document(id=r["id"], text=r["text"], title=r["title"], published=r["published"], url=r["url"],
                         origin=r["origin"], duplicate_of=r["duplicate_of"], duplicate_kind=r["duplicate_kind"])
                for r in rows)
        for outcome in pipeline.process(docs, raw=True):
            if outcome.error is None:
                store.replace_analysis(outcome.document)
            else:
                failures += 1
                console.print(f"[red]{escape(outcome.document.id)}: {escape(str(outcome.error))}[/red]")
            progress.advance(task)
    console.print(f"reprocessed {len(rows) - failures} articles, {failures} failed")


@app.command()
def remove(
    article_id: Annotated[str, typer.Argument(help="the article to remove")],
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """Remove an article; events that it alone supported are deleted (see /api/deletions)."""
    store = _open_store(load_config(config_path), db)
    try:
        deleted = store.remove_article(article_id)
    except KeyError:
        console.print(f"[red]No article {escape(article_id)}.[/red]")
        raise typer.Exit(1) from None
    console.print(f"removed {escape(article_id)}; deleted events: {escape(', '.join(deleted)) or 'none'}")


@app.command()
def components() -> None:
    """List every component factory with its settings (Markdown, as in docs/config.md)."""
    from geowire.registry import describe_markdown

    sys.stdout.write(describe_markdown())


@app.command("build-gazetteer")
def build_gazetteer(force: Annotated[bool, typer.Option(help="rebuild even when up to date")] = False) -> None:
    """Build the offline gazetteer index (done once; later starts load it)."""
    from geowire.geo import build_index

    path = build_index(force=force)
    console.print(f"gazetteer index at {escape(str(path))}")


# --- live sources and alerts (docs: README "Watching feeds and alerts") ---------------------------------------------

@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs, OPML files or URLs, WARC files or URLs")],
    db: DbOption = None,
    interval: Annotated[float | None, typer.Option(help="seconds between two polls of a source")] = None,
    once: Annotated[bool, typer.Option("--once", help="poll every source once, then exit")] = False,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="let sources and webhooks reach loopback and private addresses")] = False,
    config_path: ConfigOption = None,
) -> None:
    """Watch feeds: ingest each new item's page, alert on watchlists; resumes where it stopped."""
    import signal
    import threading

    from geowire.net.http import Fetcher
    from geowire.watcher import Watcher

    config = load_config(config_path)
    settings = config["watch"]
    store = _open_store(config, db)
    private = allow_private or bool(settings["allow_private"])
    fetcher = Fetcher(_fetch_policy(settings, int(config["ingest"]["max_bytes"]), private))
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    watcher = Watcher(IngestRunner(store, Pipeline.from_config(config)), fetcher, sources,
                      interval=float(interval if interval is not None else settings["interval"]),
                      base_url=str(settings["base_url"]), stop=stop,
                      target_settings={"webhook": {"allow_private": private}},
                      log=lambda message: console.print(f"[yellow]{escape(message)}[/yellow]"))
    try:
        summary = watcher.run(once=once)
    finally:
        fetcher.close()
    console.print_json(json.dumps(summary.as_dict()))


def _fetch_policy(settings: dict, max_bytes: int, allow_private: bool):
    from geowire.net.http import USER_AGENT, FetchPolicy

    return FetchPolicy(user_agent=str(settings["user_agent"] or USER_AGENT), timeout=float(settings["timeout"]),
                       deadline=float(settings["deadline"]), retries=int(settings["retries"]),
                       backoff=float(settings["backoff"]), max_redirects=int(settings["max_redirects"]),
                       max_bytes=max_bytes, per_host_interval=float(settings["per_host_interval"]),
                       robots=bool(settings["robots"]), allow_private=allow_private)


watchlist_app = typer.Typer(help="Watchlists: an area, event types and actors to be alerted about.",
                            no_args_is_help=True)
app.add_typer(watchlist_app, name="watchlist")


@watchlist_app.command("add")
def watchlist_add(
    name: Annotated[str, typer.Argument(help="a name for the watchlist")],
    to: Annotated[str, typer.Option("--to", help="webhook URL, a .jsonl file, or - for stdout")],
    bbox: Annotated[str | None, typer.Option(help="MINLON,MINLAT,MAXLON,MAXLAT")] = None,
    near: Annotated[str | None, typer.Option(help="a place name (gazetteer) or LAT,LON")] = None,
    radius: Annotated[str, typer.Option(help="radius around --near in km, e.g. 50 or 50km")] = "50km",
    geojson: Annotated[Path | None, typer.Option(help="a GeoJSON file of polygons")] = None,
    types: Annotated[list[str] | None, typer.Option("--type", help="PLOVER type (repeatable)")] = None,
    actors: Annotated[list[str] | None, typer.Option("--actor", help="actor country code or name (repeatable)")] = None,
    min_confidence: Annotated[float | None, typer.Option(help="at least this confidence")] = None,
    min_sources: Annotated[int | None, typer.Option(help="reported by at least this many outlets")] = None,
    certainty: Annotated[list[str] | None, typer.Option(help="asserted, reported, ... (repeatable)")] = None,
    on_update: Annotated[bool, typer.Option("--on-update", help="alert again when an event gains sources")] = False,
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """Add a watchlist: new events matching it are alerted once to its target."""
    from geowire.alerts.targets import target_kind
    from geowire.alerts.watchlist import Watchlist, WatchlistError, polygons_from_geojson
    from geowire.store.live import LiveStore

    try:
        target_kind(to)
        area: dict = {}
        if bbox:
            area["bbox"] = tuple(float(v) for v in bbox.split(","))
            if len(area["bbox"]) != 4:
                raise WatchlistError("--bbox needs four numbers")
        if near:
            area["near"] = (*_near_point(near), _parse_km(radius))
        if geojson:
            area["polygons"] = polygons_from_geojson(geojson)
        watchlist = Watchlist(**area, types=types or [], actors=actors or [], certainty=certainty or [],
                              min_confidence=min_confidence, min_sources=min_sources)
        store = _open_store(load_config(config_path), db)
        LiveStore(store.engine).add_watchlist(name, watchlist.to_spec(), to, on_update)
    except ValueError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2) from None
    console.print(f"watchlist {escape(name)} added; alerts go to {escape(to)}")


def _near_point(value: str) -> tuple[float, float]:
    match = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*", value)
    return (float(match.group(1)), float(match.group(2))) if match else _resolve_near(value)


@watchlist_app.command("list")
def watchlist_list(db: DbOption = None, config_path: ConfigOption = None) -> None:
    """List watchlists with their area, filters and target."""
    from geowire.store.live import LiveStore

    store = _open_store(load_config(config_path), db)
    rows = LiveStore(store.engine).watchlists()
    table = Table(title=f"{len(rows)} watchlists")
    for column in ("name", "watching", "target", "on update"):
        table.add_column(column)
    for row in rows:
        table.add_row(Text(row["name"]), Text(json.dumps(row["spec"])), Text(row["target"]),
                      "yes" if row["on_update"] else "no")
    out.print(table)


@watchlist_app.command("remove")
def watchlist_remove(name: Annotated[str, typer.Argument(help="the watchlist to remove")],
                     db: DbOption = None, config_path: ConfigOption = None) -> None:
    """Remove a watchlist and its alert log."""
    from geowire.store.live import LiveStore

    store = _open_store(load_config(config_path), db)
    if not LiveStore(store.engine).remove_watchlist(name):
        console.print(f"[red]No watchlist {escape(name)}.[/red]")
        raise typer.Exit(1)
    console.print(f"watchlist {escape(name)} removed")


if __name__ == "__main__":
    app()
