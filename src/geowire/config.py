"""Load the pipeline configuration: package defaults merged with a user TOML file."""

from __future__ import annotations

import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

ENV_VAR = "GEOWIRE_CONFIG"


class ConfigError(ValueError):
    """A configuration that cannot make a working pipeline (e.g. a stage before the stage it needs)."""


def default_config() -> dict[str, Any]:
    text = resources.files("geowire").joinpath("default_config.toml").read_text("utf-8")
    return tomllib.loads(text)


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    config = default_config()
    path = path or os.environ.get(ENV_VAR)
    if path:
        with open(path, "rb") as handle:
            config = merge(config, tomllib.load(handle))
    if overrides:
        config = merge(config, overrides)
    return config


def component_settings(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k not in ("kind", "factory")}
