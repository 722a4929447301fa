"""`geowire watch` as a real process: it polls until SIGTERM and then stops cleanly, with what it ingested kept."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from loopback import Loopback, page, rss

GEOWIRE = str(Path(sys.executable).parent / "geowire")


def _articles(path: Path) -> int:
    """Read-only count, so the test never migrates the store while the watcher is creating it."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_watch_polls_until_sigterm_and_stops_cleanly(tmp_path):
    server = Loopback()
    try:
        server.route("/robots.txt", body="User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"})
        server.route("/story", body=page("Crossing reopens", "<p>Traders crossed the border on Monday morning "
                                         "with lorries of fruit and cement, officials said.</p>" * 3),
                     headers={"Content-Type": "text/html"})
        server.route("/feed.xml", body=rss([{"title": "Crossing reopens", "link": f"{server.url}/story"}]),
                     headers={"Content-Type": "application/rss+xml"})
        config = tmp_path / "light.toml"   # cleaning only: this is about the process, not the model
        config.write_text('[pipeline]\norder = ["html", "junk"]\n[watch]\nper_host_interval = 0.0\nretries = 0\n')
        path = tmp_path / "watch.db"
        db = f"sqlite:///{path}"
        process = subprocess.Popen([GEOWIRE, "watch", f"{server.url}/feed.xml", "--db", db, "--config", str(config),
                                    "--interval", "1", "--allow-private"],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ})
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and _articles(path) < 1:
                time.sleep(0.3)
            polls = server.hits["/feed.xml"]
            time.sleep(2.5)
            assert server.hits["/feed.xml"] > polls, "it keeps polling"
            process.send_signal(signal.SIGTERM)
            output, _ = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
        assert process.returncode == 0, output.decode(errors="replace")
        assert _articles(path) == 1
    finally:
        server.close()
