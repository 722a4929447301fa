"""The one reader of the shipped TSV data files."""

import pytest

from geowire.datafiles import read_rows


def test_rows_are_padded_and_comments_skipped(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("# word\tkind\n\nriot\tPROTEST\nvigil\n", encoding="utf-8")
    assert list(read_rows(path, 2)) == [["riot", "PROTEST"], ["vigil", ""]]


def test_a_stray_column_is_an_error_not_dropped(tmp_path):
    path = tmp_path / "aliases.tsv"
    path.write_text("Kataib\tHezbollah\tIRQ\tREB\n", encoding="utf-8")
    with pytest.raises(ValueError, match="aliases.tsv:1"):
        list(read_rows(path, 3))


def test_quotes_are_plain_text(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text('"the Guard"\tIRN\n', encoding="utf-8")
    assert list(read_rows(path, 2)) == [['"the Guard"', "IRN"]]


# --- the cache directory: built files named after their key, partial files of killed builders removed ---------

import os  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

from geowire.datafiles import cached_file, partial_path, remove_stale_partials  # noqa: E402


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _age(path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_partial_files_of_finished_processes_are_removed_and_live_ones_kept(tmp_path):
    here, dead = socket.gethostname(), _dead_pid()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        names = {
            "dead here": f"gazetteer-a.sqlite.partial.{here}.{dead}",
            "dead, old form": f"gazetteer.partial.{dead}",                 # what the index used to leave
            "dead, cached_file's old form": f"actor-table-b.json.partial.{dead}",
            "live here": f"gazetteer-a.sqlite.partial.{here}.{live.pid}",
            "this process": partial_path(tmp_path / "gazetteer-a.sqlite").name,
            "other machine, recent": f"gazetteer-a.sqlite.partial.elsewhere.example.{dead}",
            "other machine, abandoned": "gazetteer-c.sqlite.partial.elsewhere.example.77",
            "live but untouched for days (a reused id)": f"gazetteer-d.sqlite.partial.{here}.{live.pid}",
            "not a partial file": "gazetteer-a.sqlite",
        }
        for name in names.values():
            (tmp_path / name).write_bytes(b"x")
        _age(tmp_path / names["other machine, abandoned"], 3 * 86400)
        _age(tmp_path / names["live but untouched for days (a reused id)"], 3 * 86400)
        removed = {path.name for path in remove_stale_partials(tmp_path)}
    finally:
        live.kill()
        live.wait()
    gone = {label for label, name in names.items() if name in removed}
    assert gone == {"dead here", "dead, old form", "dead, cached_file's old form", "other machine, abandoned",
                    "live but untouched for days (a reused id)"}
    assert all((tmp_path / name).exists() == (label not in gone) for label, name in names.items())


def test_cached_file_builds_under_a_partial_name_of_its_own_and_cleans_a_killed_builders(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOWIRE_HOME", str(tmp_path))
    left = tmp_path / f"table-1.json.partial.{socket.gethostname()}.{_dead_pid()}"
    left.write_text("half")
    seen = []

    def build(partial):
        seen.append(partial.name)
        partial.write_text("whole")

    path = cached_file("table-1.json", build)
    assert path.read_text() == "whole" and not left.exists()
    assert seen == [partial_path(path).name]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table-1.json"]


def test_gazetteer_index_is_named_after_its_key_so_two_versions_coexist(tmp_path, monkeypatch):
    # two code versions sharing GEOWIRE_HOME used to rebuild one gazetteer.sqlite in turn
    from test_geo_index import tiny_sources

    from geowire.geo import index as geo_index

    tiny_sources(monkeypatch)
    monkeypatch.setenv("GEOWIRE_HOME", str(tmp_path))
    stale = tmp_path / f"gazetteer.partial.{_dead_pid()}"
    stale.write_bytes(b"left by a killed build")
    first = geo_index.build_index()
    assert first == geo_index.index_path() and geo_index.version_key() in first.name
    assert not stale.exists()
    built = first.stat().st_ino          # a rebuild replaces the file (a new inode); a use only touches it
    monkeypatch.setattr(geo_index, "SCHEMA", geo_index.SCHEMA + "-other")    # another code version
    second = geo_index.build_index()
    assert second != first and second.exists() and first.exists()
    assert geo_index.stored_version(second) == geo_index.version_key()
    monkeypatch.setattr(geo_index, "SCHEMA", geo_index.SCHEMA.removesuffix("-other"))
    assert geo_index.build_index() == first and first.stat().st_ino == built     # not rebuilt in turn


def test_old_versions_of_a_built_file_are_removed_and_recent_ones_kept(tmp_path):
    from geowire.datafiles import remove_old_versions

    def version(key: str, idle_hours: float, name: str = "gazetteer", ext: str = ".sqlite"):
        path = tmp_path / f"{name}-{key * 16}{ext}"
        path.write_bytes(b"x")
        _age(path, idle_hours * 3600)
        return path

    new = version("0", 0)
    used_now = [version(k, 0.1) for k in "123456"]                  # a burst of edits: all within the hour
    idle_day = [version(k, 30) for k in "78"]                       # used yesterday
    idle_month = version("9", 24 * 30)                              # no process for a month
    other_name = version("a", 24 * 30, name="actor-table", ext=".json")
    legacy = tmp_path / "gazetteer.sqlite"                          # unkeyed: older code's, left alone
    legacy.write_bytes(b"x")
    removed = set(remove_old_versions(new))
    assert removed == {idle_month, *idle_day}    # beyond the 4 most recently used and idle for over an hour
    assert all(p.exists() for p in (new, *used_now, other_name, legacy))
    assert remove_old_versions(tmp_path / "gazetteer.sqlite") == []


def test_a_cached_file_in_use_is_marked_so_a_new_version_keeps_it(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOWIRE_HOME", str(tmp_path))
    old = cached_file(f"table-{'1' * 16}.json", lambda p: p.write_text("old"))
    _age(old, 30 * 86400)
    cached_file(old.name, lambda p: p.write_text("never built again"))       # found: marked as used now
    cached_file(f"table-{'2' * 16}.json", lambda p: p.write_text("new"))
    assert old.read_text() == "old"
    _age(old, 30 * 86400)
    cached_file(f"table-{'3' * 16}.json", lambda p: p.write_text("newer"))
    assert not old.exists()
