"""A small registry of component factories, in the manner of spaCy's.

A factory is a function whose keyword parameters are its settings, each with a type
annotation and a default; the config file names the factory and may override any
setting. ``describe()`` lists every factory with its settings so the docs can be
checked against the code.

A component class may say which kinds of stage must run before it (``needs = ("nlp",)``, as spaCy's
factories declare what they require): its factory's ``needs`` reads it from the class the factory returns,
so the pipeline checks the configured order before building anything, and the component itself asks for
what it needs with :func:`require_parse` instead of producing it quietly.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

KINDS: tuple[str, ...] = (
    "cleaners", "language", "dedup", "nlp", "recognisers", "resolvers",
    "actors", "timex", "coders", "exporters", "sources", "alert_targets",
)


@dataclass(frozen=True)
class Setting:
    name: str
    type: str
    default: Any


@dataclass(frozen=True)
class Factory:
    kind: str
    name: str
    func: Callable[..., Any]
    doc: str

    @property
    def needs(self) -> tuple[str, ...]:
        """The kinds of stage that must run before this factory's components: the ``needs`` of the class
        its return annotation names (empty when it names none)."""
        returned = inspect.signature(self.func).return_annotation
        if isinstance(returned, str):       # ``from __future__ import annotations``: a name in the module
            returned = self.func.__globals__.get(returned)
        return tuple(getattr(returned, "needs", ()))

    def settings(self) -> list[Setting]:
        out = []
        for param in inspect.signature(self.func).parameters.values():
            if param.kind not in (param.KEYWORD_ONLY, param.POSITIONAL_OR_KEYWORD):
                continue
            annotation = param.annotation
            type_name = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", str(annotation))
            out.append(Setting(param.name, type_name, param.default))
        return out


class UnknownFactory(KeyError):
    pass


class MissingStage(RuntimeError):
    """A document reached a component without what a stage it needs leaves on it."""


def require_parse(doc: Any, component: str) -> Any:
    """``doc.parsed``, or :class:`MissingStage` naming the ``nlp`` stage that ``component`` needs before it."""
    if doc.parsed is None:
        raise MissingStage(f"{component} needs the parse of the 'nlp' stage (kind \"nlp\") run before it in "
                           "pipeline.order; this document reached it unparsed")
    return doc.parsed


class Registry:
    def __init__(self) -> None:
        self._factories: dict[tuple[str, str], Factory] = {}

    def factory(self, kind: str, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        if kind not in KINDS:
            raise ValueError(f"unknown component kind {kind!r}; expected one of {KINDS}")

        def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
            for param in inspect.signature(func).parameters.values():
                if param.default is inspect.Parameter.empty:
                    raise TypeError(f"factory {kind}.{name}: setting {param.name!r} needs a default")
            self._factories[(kind, name)] = Factory(kind, name, func, inspect.getdoc(func) or "")
            return func

        return decorate

    def get(self, kind: str, name: str) -> Factory:
        _load_builtin_components()
        try:
            return self._factories[(kind, name)]
        except KeyError:
            known = sorted(n for k, n in self._factories if k == kind)
            raise UnknownFactory(f"no {kind} factory named {name!r}; known: {known}") from None

    def create(self, kind: str, name: str, settings: dict[str, Any] | None = None) -> Any:
        factory = self.get(kind, name)
        settings = dict(settings or {})
        allowed = {s.name for s in factory.settings()}
        unknown = set(settings) - allowed
        if unknown:
            raise TypeError(f"{kind}.{name}: unknown settings {sorted(unknown)}; allowed: {sorted(allowed)}")
        return factory.func(**settings)

    def describe(self) -> list[Factory]:
        _load_builtin_components()
        return sorted(self._factories.values(), key=lambda f: (f.kind, f.name))


registry = Registry()

_BUILTIN_MODULES = (
    "geowire.clean.html",
    "geowire.clean.junk",
    "geowire.clean.language",
    "geowire.clean.dedup",
    "geowire.nlp.spacy_nlp",
    "geowire.geo.recognise",
    "geowire.geo.resolve",
    "geowire.geo.given",
    "geowire.actors.recognise",
    "geowire.timex.recognise",
    "geowire.events.coder",
    "geowire.export.formats",
    "geowire.sources.feed",
    "geowire.sources.opml",
    "geowire.sources.page",
    "geowire.sources.warc",
    "geowire.alerts.targets",
)
_loaded = False


def _load_builtin_components() -> None:
    """Import the modules whose decorators register the built-in factories."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import importlib

    for module in _BUILTIN_MODULES:
        importlib.import_module(module)


def describe_markdown() -> str:
    """Every registered factory with its settings, as the component part of docs/config.md."""
    lines: list[str] = []
    for factory in registry.describe():
        lines += [f"### `{factory.kind}.{factory.name}`", "", factory.doc or "(no description)", ""]
        settings = factory.settings()
        if settings:
            lines += ["| setting | type | default |", "| --- | --- | --- |"]
            lines += [f"| `{s.name}` | {s.type.replace('|', '&#124;')} | `{s.default!r}` |" for s in settings]
        else:
            lines.append("No settings.")
        lines.append("")
    return "\n".join(lines)
