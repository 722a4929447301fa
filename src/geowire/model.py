"""Plain data passed between stages.

Stages take a :class:`Document` and return it (enriched) or raise :class:`Drop`.
Nothing here knows about the database, the web or spaCy; the parsed spaCy ``Doc``
rides along in :attr:`Document.parsed` only so later stages need not re-parse, and
it is never serialised.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
CERTAINTIES: tuple[str, ...] = ("asserted", "reported", "hedged", "speculative", "negated")
PRECISIONS: tuple[str, ...] = ("point", "city", "admin2", "admin1", "country", "region")

Certainty = Literal["asserted", "reported", "hedged", "speculative", "negated"]


class Drop(Exception):
    """Raised by a stage to drop a document; the reason is kept in quarantine."""

    def __init__(self, stage: str, reason: str):
        super().__init__(f"{stage}: {reason}")
        self.stage = stage
        self.reason = reason


@dataclass
class Place:
    start: int
    end: int
    text: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str | None = None          # GeoNames "class.code", e.g. "P.PPL", "A.ADM1"
    precision: str | None = None        # one of PRECISIONS
    confidence: float = 0.0
    demonym: bool = False               # "Iraqi", "Syrians": a country mention by adjective
    # how the place was found (geo/resolve.py): "name" (the gazetteer knows the name), "demonym", "approximate"
    # (a generic word dropped), or for a name it lacks the enclosing place the text gives: "container"
    # ("Elm Street, Dayton"), "dateline", "sentence", "document_focus"; None when unresolved
    basis: str | None = None


def leading_country(places: list[Place]) -> str | None:
    """The country (ISO-3166 alpha-2) a text's resolved places (demonyms included) name most often, by a clear
    margin: at least twice as often as any other; None without one."""
    ranked = Counter(p.country_code for p in places if p.lat is not None and p.country_code).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


@dataclass
class Actor:
    start: int
    end: int
    text: str
    name: str
    country: str | None = None          # ISO-3166 alpha-3, or IGO/NGO/... for non-state actors
    sector: str | None = None           # GOV MIL COP SPY REB INS PTY MED CVL IGO NGO BUS ...


@dataclass
class TimeExpr:
    start: int
    end: int
    text: str
    type: str                           # DATE TIME DURATION SET
    value: str | None
    mod: str | None = None
    anchored: bool = True               # False when relative but no publication date was known


@dataclass
class EventArg:
    text: str
    start: int
    end: int
    country: str | None = None
    sector: str | None = None


@dataclass
class EventLocation:
    name: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    start: int | None
    end: int | None
    basis: str = "sentence"             # "sentence"; "dateline" or "document_focus" when the sentence names no place
    precision: str | None = None        # one of PRECISIONS: how large the area is ("country" is no town)
    country_code: str | None = None     # ISO 3166 alpha-2 of the place


@dataclass
class EventDate:
    value: str | None                   # a TIMEX3 value ("2019-03-05", "2019-W39", "2021-Q4")
    text: str | None                    # None when the date is the publication date
    start: str | None = None            # first and last day (YYYY-MM-DD) the value covers: what filters,
    end: str | None = None              # sorting and timelines use, since "2019-W39" does not sort as a date
    mod: str | None = None              # TIMEX3 mod of the expression: "late 2017" → 2017, END


ATTRIBUTION_KINDS: tuple[str, ...] = (
    "official", "military", "media", "ngo_igo", "imagery", "anonymous", "eyewitness", "social_media", "unknown",
)
MODALITIES: tuple[str, ...] = ("historical", "future", "hypothetical", "negated")
QUANTITY_KINDS: tuple[str, ...] = ("killed", "injured", "arrested", "displaced", "crowd", "troops")


@dataclass
class Attribution:
    text: str
    start: int
    end: int
    name: str
    kind: str = "unknown"               # one of ATTRIBUTION_KINDS: who the source is, not what it said


@dataclass
class Quantity:
    """A count the event's clause states: "at least 12 people were killed" → killed, value None, min 12."""

    kind: str                           # one of QUANTITY_KINDS
    value: int | None                   # the stated number when it is exact (or approximate: "about 200")
    min: int | None                     # a lower bound: "at least 12", "more than 200", "dozens" (24)
    text: str
    start: int
    end: int


@dataclass
class Mention:
    """A sentence of the article that reports (or refers back to) the event."""

    start: int                          # the sentence
    end: int
    trigger_start: int | None = None    # the word that names the happening ("attack", "fired")
    trigger_end: int | None = None


@dataclass
class Evidence:
    start: int
    end: int


@dataclass
class Event:
    id: str
    type: str
    mode: str | None
    source: EventArg | None
    target: EventArg | None
    location: EventLocation | None
    date: EventDate | None
    attribution: Attribution | None
    certainty: str
    confidence: float
    evidence: Evidence
    modality: str | None = None         # PLOVER auxiliary mode, one of MODALITIES; None for a current, actual event
    quantities: list[Quantity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)   # every sentence reporting it, the evidence first


@dataclass
class Document:
    """One article as it flows through the pipeline."""

    id: str
    text: str = ""
    html: str | None = None
    title: str | None = None
    published: str | None = None        # YYYY-MM-DD
    url: str | None = None
    author: str | None = None
    site: str | None = None
    language: str | None = None
    origin: str | None = None           # where it came from: a path, "stdin:LINE", a URL
    raw: bytes | None = field(default=None, repr=False)
    raw_sha256: str | None = None
    text_sha256: str | None = None
    duplicate_of: str | None = None     # id of the canonical article when this is a duplicate
    duplicate_kind: str | None = None   # "exact" or "near"
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    parsed: Any = field(default=None, repr=False, compare=False)

    @property
    def analysable(self) -> bool:
        return bool(self.text) and self.language in (None, "en") and self.duplicate_of is None

    def quote_as_written(self) -> None:
        """Every span's ``text`` as the article writes it, where a stage quoted it from a parse that saw other
        capitals (the parser reads a caseless story true-cased: nlp/truecase.py). Only the case is restored: a
        text that differs otherwise from its span is a composed one and is left alone."""
        spans = [*self.places, *self.actors, *self.times]
        for event in self.events:
            spans += [side for side in (event.source, event.target, event.attribution) if side is not None]
            spans += event.quantities
        for span in spans:
            written = self.text[span.start:span.end]
            if span.text != written and span.text.lower() == written.lower():
                span.text = written

    def to_output(self) -> dict[str, Any]:
        """The public JSON contract (docs/output.md): extend, never break."""
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "places": [asdict(p) for p in self.places],
            "actors": [asdict(a) for a in self.actors],
            "times": [asdict(t) for t in self.times],
            "events": [asdict(e) for e in self.events],
        }
        if self.url is not None:
            out["url"] = self.url
        if self.duplicate_of is not None:
            out["duplicate_of"] = self.duplicate_of
            out["duplicate_kind"] = self.duplicate_kind
        return out
