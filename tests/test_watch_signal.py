"""`geowire watch` as a real process: it polls until SIGTERM and then stops cleanly, with what it ingested kept."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from loopback import Loopback, page, rss

from geowire.store.repository import Store

GEOWIRE = str(Path(sys.executable).parent / "geowire")


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
        db = f"sqlite:///{tmp_path / 'watch.db'}"
        process = subprocess.Popen([GEOWIRE, "watch", f"{server.url}/feed.xml", "--db", db, "--config", str(config),
                                    "--interval", "1", "--allow-private"],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ})
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not (tmp_path / "watch.db").exists():
                time.sleep(0.2)
            while time.monotonic() < deadline and Store.open(db).stats()["articles"] < 1:
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
        assert Store.open(db).stats()["articles"] == 1
    finally:
        server.close()
