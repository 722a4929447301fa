"""Screenshots of the web app for the docs: docs/screenshots/{map,timeline,event}.png from the bundled samples.

Ingests the samples into a temporary SQLite store, serves the app on a loopback port, and photographs the pages in
Debian's chromium through Playwright (the same browser the tests use):

    .venv/bin/python scripts/screenshots.py [--chromium /usr/bin/chromium] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn

from geowire.api.app import create_app
from geowire.config import load_config
from geowire.ingest.sources import read_paths
from geowire.pipeline import Pipeline
from geowire.runner import IngestRunner
from geowire.samples import sample_dir
from geowire.store.repository import EventFilter, Store

REPO = Path(__file__).resolve().parent.parent


def serve(store: Store) -> tuple[uvicorn.Server, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def showcase_event(store: Store) -> str:
    """For the event page: the event reported most often, preferring one with an attribution and a town."""
    events = store.events(EventFilter(limit=5000))
    best = max(events, key=lambda e: (e["n_sources"], e["n_articles"], e["n_mentions"], e["attribution"] is not None,
                                      e["precision"] == "city", e["id"]))
    return best["id"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geowire-shots-") as folder:
        store = Store.open(f"sqlite:///{Path(folder) / 'samples.db'}")
        IngestRunner(store, Pipeline.from_config(load_config())).run(read_paths([sample_dir()]))
        server, base = serve(store)
        event_id = showcase_event(store)
        outside: list[str] = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": 860}, device_scale_factor=1)
            page.on("request", lambda r: None if r.url.startswith((base, "data:")) else outside.append(r.url))

            page.goto(f"{base}/")
            page.wait_for_selector("body[data-events][data-loading='']", state="attached")
            page.wait_for_timeout(500)          # let the map finish drawing
            page.screenshot(path=str(args.out / "map.png"))

            page.goto(f"{base}/?since=2019-09-01&until=2020-12-31")
            page.wait_for_selector("body[data-events][data-loading='']", state="attached")
            page.locator("#timeline-box").screenshot(path=str(args.out / "timeline.png"))

            page.goto(f"{base}/events/{event_id}")
            page.wait_for_selector("body[data-ready='1']", state="attached")
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.out / "event.png"), full_page=False)
            browser.close()
        server.should_exit = True
        store.engine.dispose()
    if outside:
        print("requests to other hosts:", *outside, sep="\n  ", file=sys.stderr)
        return 1
    print(f"wrote map.png, timeline.png, event.png to {args.out} (event {event_id})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
