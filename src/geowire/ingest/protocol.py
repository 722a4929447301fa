"""The evaluation protocol of `geowire extract`: what a JSONL record may ask for beside its article.

A record's ``"spans"`` (toponyms to resolve, with no recognition) and ``"pairs"`` (a source and a target span
whose event type is wanted) are read here into a :class:`Request` that travels *beside* the
:class:`~geowire.model.Document`, never on it: the stages only ever see a plain article. The extract command
(:func:`geowire.runner.extract`) answers a request, and the evaluation harnesses do the same with the calls it
uses. Every reader checks the two fields (a malformed one rejects the record, with its id); only a reader asked
for requests (``requests=True``) hands them on, so ``ingest``, ``backfill`` and the API analyse such a record as
any other article.
"""

from __future__ import annotations

from dataclasses import dataclass

from geowire.model import Document, Drop, Place

Span = tuple[int, int]


@dataclass(frozen=True)
class Request:
    """What a record asks for beside its article; ``None`` where it did not ask."""

    spans: list[Span] | None = None                 # places: one per span, in order, resolved only
    pairs: list[tuple[Span, Span]] | None = None    # pair_events: one PLOVER type (or None) per pair

    def keeps_text(self, doc: Document) -> bool:
        """Given offsets point into a plain text as given, so it must not be cleaned (an HTML record is cleaned
        as usual, and its offsets read against the cleaned text)."""
        return doc.html is None and bool(self.spans or self.pairs)

    def outside(self, text: str) -> Drop | None:
        """Why the given offsets cannot be read in ``text`` (the text they point into: as given, or as cleaned for
        an HTML record), or None: each span and each side of a pair must lie within it, start not after end."""
        sides = [side for pair in self.pairs or [] for side in pair]
        for name, spans in (("spans", self.spans or []), ("pairs", sides)):
            for start, end in spans:
                if not 0 <= start <= end <= len(text):
                    return Drop(name, f"given span ({start}, {end}) is not within the text ({len(text)} characters)")
        return None


@dataclass
class Requested:
    """An item of a reader asked for requests: a document and what its record asked for."""

    document: Document
    request: Request


def request_from_record(record: dict) -> Request | None:
    """The request a contract record carries, ``None`` when it carries neither field; ``ValueError`` when one is
    malformed."""
    spans, pairs = _spans(record.get("spans")), _pairs(record.get("pairs"))
    if spans is None and pairs is None:
        return None
    return Request(spans, pairs)


def given_places(text: str, spans: list[Span]) -> list[Place]:
    """Unresolved places at the given spans of ``text``, in order: what the ``given_spans`` recogniser resolves (it
    reads the name at each span again when it runs, so an HTML record's spans point into its cleaned text)."""
    return [Place(start=start, end=end, text=text[start:end]) for start, end in spans]


def _spans(value) -> list[Span] | None:
    if value is None:
        return None
    try:
        return [(int(s["start"]), int(s["end"])) for s in value]
    except (TypeError, KeyError, ValueError):
        raise ValueError('"spans" must be a list of {"start", "end"} objects') from None


def _pairs(value) -> list[tuple[Span, Span]] | None:
    if value is None:
        return None
    try:
        return [((int(p["source"][0]), int(p["source"][1])), (int(p["target"][0]), int(p["target"][1]))) for p in value]
    except (TypeError, KeyError, ValueError, IndexError):
        raise ValueError('"pairs" must be a list of {"source": [s, e], "target": [s, e]} objects') from None
