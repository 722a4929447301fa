"""Configuration and registry: overrides work, mistakes are caught, every factory and setting is documented."""

import re
from pathlib import Path

import pytest

from geowire.config import load_config
from geowire.pipeline import Pipeline
from geowire.registry import registry

DOCS = Path(__file__).resolve().parent.parent / "docs" / "config.md"


def test_user_file_overrides_defaults_key_by_key(tmp_path):
    user = tmp_path / "geowire.toml"
    user.write_text('[ingest]\nmax_bytes = 1234\n[components.dedup]\nthreshold = 0.9\n')
    config = load_config(user)
    assert config["ingest"]["max_bytes"] == 1234
    assert config["components"]["dedup"] == {"kind": "dedup", "factory": "minhash", "threshold": 0.9}
    assert config["store"]["url"].startswith("sqlite:///")


def test_unknown_setting_is_refused_with_the_allowed_ones():
    config = load_config(overrides={"components": {"dedup": {"treshold": 0.9}}})
    with pytest.raises(TypeError, match="unknown settings.*treshold.*allowed"):
        Pipeline.from_config(config, only=["dedup"])


def test_unknown_factory_lists_known_ones():
    with pytest.raises(KeyError, match="known"):
        registry.get("dedup", "no-such-thing")


def test_every_default_component_is_registered():
    config = load_config()
    for name in config["pipeline"]["order"]:
        entry = config["components"][name]
        assert registry.get(entry["kind"], entry["factory"])


def test_every_factory_and_setting_is_documented():
    text = DOCS.read_text()
    missing = []
    for factory in registry.describe():
        if factory.func.__module__.startswith("test_"):
            continue
        section = re.search(rf"^### `{factory.kind}\.{factory.name}`\n(.*?)(?=^### |\Z)", text, re.M | re.S)
        if section is None:
            missing.append(f"{factory.kind}.{factory.name}")
            continue
        missing += [f"{factory.kind}.{factory.name}.{s.name}" for s in factory.settings()
                    if f"`{s.name}`" not in section.group(1)]
    assert missing == [], f"undocumented in docs/config.md: {missing}"


def test_every_config_section_is_documented():
    text = DOCS.read_text()
    for section, values in load_config().items():
        if section == "components":
            continue
        for key in values:
            assert f"`{section}.{key}`" in text, f"docs/config.md does not document {section}.{key}"


def test_the_place_recogniser_builds_its_resolver_from_the_config():
    config = load_config(overrides={"components": {"places": {"resolver_settings": {"coherence_weight": 1.5}}}})
    places = Pipeline.from_config(config, only=["places"]).stage("places")
    assert places.resolver.coherence_weight == 1.5
    bad = load_config(overrides={"components": {"places": {"resolver_settings": {"coherense": 1.5}}}})
    with pytest.raises(TypeError, match="coherense"):
        Pipeline.from_config(bad, only=["places"])
