"""The default actor table is built once into the data cache; the cached table is the built one, and a changed
source file gives a new cache file rather than the stale table."""

import shutil

import pytest

from geowire.actors import table


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOWIRE_HOME", str(tmp_path / "cache"))
    table.default_table.cache_clear()
    yield tmp_path / "cache"
    table.default_table.cache_clear()


def test_cached_table_equals_the_built_one(fresh_cache):
    built = table.build_table(table.default_aliases())
    cached = table.default_table()
    assert list(fresh_cache.glob("actor-table-*.json"))       # it was written to the cache
    table.default_table.cache_clear()
    reread = table.default_table()                            # and read back from it
    for other in (cached, reread):
        assert other.size == built.size
        assert other.by_first == built.by_first
        assert list(other.by_first) == list(built.by_first)


def test_a_changed_source_file_invalidates_the_cache(fresh_cache, tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(table.DATA, data)
    monkeypatch.setattr(table, "DATA", data)
    before = table.cached_aliases()
    assert all(a.surface != "Zorvanian Liberation Front" for a in table.load_aliases(before))

    with (data / "aliases.tsv").open("a", encoding="utf-8") as handle:
        handle.write("\nZorvanian Liberation Front\tZorvanian Liberation Front\t\tREB\t\n")
    after = table.cached_aliases()
    assert after != before
    assert before.exists()
    new = {a.surface: a for a in table.load_aliases(after)}
    assert new["Zorvanian Liberation Front"].entry.sector == "REB"
    assert new["Zorvanian Liberation Front"].tokens == ("zorvanian", "liberation", "front")


def test_a_changed_package_version_invalidates_the_cache(fresh_cache, monkeypatch):
    before = table.table_digest()
    real = table.version
    monkeypatch.setattr(table, "version", lambda name: "0.0" if name == "countryinfo" else real(name))
    assert table.table_digest() != before


def test_an_unreadable_cache_file_falls_back_to_building(fresh_cache):
    path = table.cached_aliases()
    path.write_text("{not json", encoding="utf-8")
    built = table.build_table(table.default_aliases())
    assert table.default_table().by_first == built.by_first


@pytest.mark.parametrize("surface, name", [
    ("Sonia Gandhi", "Sonia Gandhi"), ("Indira Gandhi", "Indira Gandhi"), ("Rajiv Gandhi", "Rajiv Gandhi"),
    ("Raul Castro", "Raul Castro"), ("Saad Hariri", "Saad Hariri"), ("Joseph Kabila", "Joseph Kabila"),
    ("Ilham Aliyev", "Ilham Aliyev"), ("Gotabaya Rajapaksa", "Gotabaya Rajapaksa"), ("Ramiz Alia", "Ramiz Alia"),
    ("George W. Bush", "George W. Bush"), ("Cristina Fernandez de Kirchner", "Cristina Fernandez de Kirchner"),
])
def test_two_people_of_one_family_are_two_entries(surface, name):
    # a widow, a son or a brother who held office is not the same person as the relative before them: an
    # event sourced to "Sonia Gandhi" must not name Rajiv Gandhi
    names = {a.entry.name for a in table.default_aliases() if a.surface == surface}
    assert names == {name}
