"""What the resolver reads: a mention (a span the recogniser or the user gave) and the group of one surface
form's mentions in a document, with its candidates and their scores."""

from __future__ import annotations

from dataclasses import dataclass

from geowire.geo.gazetteer import Candidate
from geowire.geo.normalise import strict_key


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    demonym: bool = False        # the recogniser saw an adjective/demonym (spaCy NORP)
    # a street's or river's own name in a list ("Owens and Harris roads"): no town of that name is meant, so it
    # takes its enclosing place
    way: bool = False
    # an area word follows ("the Zaporizhzhia region", "Idlib province"): the province, while the bare name in
    # the same text may be its city, so the two are read apart (set by the resolver from the text)
    area_word: bool = False


@dataclass
class Group:
    """All mentions of one surface form in a document."""

    key: str
    mentions: list[Mention]
    candidates: list[Candidate]
    local: list[float]           # prior + cue score per candidate
    probs: list[float]
    cued: list[bool] | None = None   # the text at the mention itself supports the candidate
    near: list[float] | None = None  # spatial coherence with the other mentions, per candidate


def group_key(mention: Mention) -> str:
    return ("demonym:" if mention.demonym else "") + ("way:" if mention.way else "") \
        + ("area:" if mention.area_word else "") + strict_key(mention.text)
