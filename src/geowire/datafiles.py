"""Read the tab-separated data files the stages ship (lexicons, alias tables, word lists).

One reader for every stage, so that no stage borrows another's. A row may leave trailing
columns empty; a row with more columns than the file declares is an error, not something to
drop quietly (it is almost always a stray tab in a name).

Also the cache directory for files built once from shipped data and kept between processes.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

# a partial file left by a builder that has stopped writing for this long is abandoned, whoever made it
STALE_AFTER = 24 * 3600
# other versions of a built file (NAME-KEY.EXT, another key) are removed when a new one is built: those unused for
# UNUSED_AFTER, and beyond the KEEP_VERSIONS most recently used those unused for RECENTLY
KEEP_VERSIONS = 4
UNUSED_AFTER = 7 * 24 * 3600
RECENTLY = 3600


def read_rows(path: Path, width: int) -> Iterator[list[str]]:
    """Rows padded to ``width`` fields, skipping blank lines and ``#`` comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or not "".join(row).strip() or row[0].startswith("#"):
                continue
            fields = [f.strip() for f in row]
            while len(fields) > width and not fields[-1]:
                fields.pop()
            if len(fields) > width:
                raise ValueError(f"{path.name}:{number}: {len(fields)} columns, the file has {width}: {row!r}")
            yield fields + [""] * (width - len(fields))


def cache_dir() -> Path:
    """Where built files live (the gazetteer index, the language identifier's unpacked model):
    ``$GEOWIRE_HOME``, by default ``~/.cache/geowire``."""
    return Path(os.environ.get("GEOWIRE_HOME") or Path.home() / ".cache" / "geowire")


def file_digest(*paths: Path, extra: str = "") -> str:
    """A short key for files' contents (and ``extra``, e.g. a package version): a built file named with it is
    rebuilt whenever what it was built from changes."""
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def cached_file(name: str, build: Callable[[Path], None]) -> Path:
    """The path of ``name`` in the cache directory, built first by ``build(partial_path)`` when missing.

    ``build`` writes a partial file of this process's own, which then replaces the final name at once, so
    processes starting together (Dask workers) never read a half-written file; the last to finish wins with the
    same content. Put a :func:`file_digest` in ``name`` so that a changed source gives a new file.
    """
    path = cache_dir() / name
    if path.exists():
        mark_used(path)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(path.parent)
    partial = partial_path(path)
    try:
        build(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    remove_old_versions(path)
    return path


def partial_path(path: Path) -> Path:
    """The file a builder of ``path`` writes before renaming it to ``path``: named after this machine and process
    (``NAME.partial.HOST.PID``), so that builders never share one and a left-over one can be told from a live
    one (:func:`remove_stale_partials`)."""
    return path.with_name(f"{path.name}.partial.{socket.gethostname()}.{os.getpid()}")


# NAME.partial.HOST.PID (partial_path), NAME.partial.PID (cached_file before) and STEM.partial.PID (the gazetteer
# index before, whose suffix was replaced)
_PARTIAL = re.compile(r"^(?P<name>.+?)\.partial(?:\.(?P<host>.+))?\.(?P<pid>\d+)$")


def remove_stale_partials(directory: Path, stale_after: float = STALE_AFTER) -> list[Path]:
    """Remove the partial files in ``directory`` that no process is writing any more; return them.

    A partial file is left behind when its builder was killed. It is stale when it was made on this machine by a
    process that no longer runs, or when nothing has written to it for ``stale_after`` seconds (a builder on
    another machine sharing the directory, whose process cannot be checked from here, or a process id since
    reused). A file whose builder still runs here, or that another machine wrote recently, is left alone, and so
    is one that changes between the check and the removal.
    """
    removed: list[Path] = []
    if not directory.is_dir():
        return removed
    here = socket.gethostname()
    try:
        entries = list(directory.iterdir())
    except OSError:
        return removed
    for path in entries:
        match = _PARTIAL.match(path.name)
        if match is None:
            continue
        try:
            before = path.stat()
        except FileNotFoundError:
            continue
        pid, host = int(match["pid"]), match["host"]
        abandoned = time.time() - before.st_mtime > stale_after
        if not abandoned and (host is None or host == here) and pid != os.getpid():
            abandoned = not _running(pid)
        if not abandoned:
            continue
        try:
            after = path.stat()
            if (after.st_ino, after.st_mtime_ns, after.st_size) != (before.st_ino, before.st_mtime_ns, before.st_size):
                continue        # written to meanwhile: someone is building it after all
            path.unlink()
        except OSError:
            continue            # another process cleaned it first, or it is not ours to remove
        removed.append(path)
    return removed


def mark_used(path: Path) -> None:
    """Note that ``path`` is in use (its modification time is set to now), so that :func:`remove_old_versions`
    keeps it; a read-only cache directory is left as it is."""
    try:
        os.utime(path)
    except OSError:
        pass


def remove_old_versions(path: Path, keep: int = KEEP_VERSIONS, unused_after: float = UNUSED_AFTER,
                        recently: float = RECENTLY) -> list[Path]:
    """Remove the other versions of a keyed built file ``NAME-KEY.EXT`` (the same NAME and EXT, another 16-digit
    KEY) that no process is likely to open again; return them.

    A version is kept while it was used (built, or found up to date: :func:`mark_used`) within ``unused_after``
    seconds, unless ``keep`` versions were used more recently than it and it was not used within ``recently``
    seconds. So code versions in use on a machine keep their files, and a burst of edits to what a key covers
    leaves at most ``keep`` versions plus those of the last ``recently`` seconds. A process that opened a removed
    file keeps reading it (POSIX); one that opens it anew after that finds it missing, hence the margins.
    """
    match = _KEYED.match(path.name)
    if match is None:
        return []
    now, removed = time.time(), []
    others = []
    for sibling in path.parent.glob(f"{match['name']}-*{match['ext']}"):
        found = _KEYED.match(sibling.name)
        if sibling == path or found is None or (found["name"], found["ext"]) != (match["name"], match["ext"]):
            continue
        try:
            others.append((sibling.stat().st_mtime, sibling))
        except FileNotFoundError:
            continue
    others.sort(reverse=True)                              # most recently used first; ``path`` itself is newest
    for rank, (used, sibling) in enumerate(others, start=2):
        idle = now - used
        if idle > unused_after or (rank > keep and idle > recently):
            try:
                sibling.unlink()
            except OSError:     # gone already, or not ours to remove: a clean-up never fails a build
                continue
            removed.append(sibling)
    return removed


_KEYED = re.compile(r"^(?P<name>.+)-(?P<key>[0-9a-f]{16})(?P<ext>\.[A-Za-z0-9]+)$")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:     # it runs, as another user
        return True
    return True
