"""Names the gazetteer lacks ("Elm Street", "Fort Hood", "Zamalek") take the place the text puts them in:
the place named right after them, the dateline, a town or province of their sentence, or the document's focus."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from geowire.clean.dateline import dateline_extent
from geowire.geo.cues import cues_for
from geowire.geo.normalise import strict_key
from geowire.model import Place


def enclosing_places(text: str, places: list[Place], standalone: Callable[[str], Place | None]) -> None:
    """A name the gazetteer lacks ("Elm Street", "Fort Hood", "Zamalek") gets the place that
    the text puts it in: the place named right after it ("Elm Street, Dayton"), else the
    dateline, else the nearest town or province named in its sentence, else the place the
    document mentions most. The precision is that place's, so
    a street is never reported finer than the town around it; ``basis`` says which."""
    resolved = [p for p in places if p.lat is not None]
    if not resolved or len(resolved) == len(places):
        return
    by_key = {strict_key(p.text): p for p in resolved if p.basis != "demonym"}
    frame = _dateline(text, resolved)
    basis = "dateline" if frame else "document_focus"
    frame = frame or _focus(resolved)
    unknown = [i for i, place in enumerate(places) if place.lat is None]
    for i in unknown:
        place = places[i]
        source, how = None, basis
        cues = cues_for(text, place.start, place.end)
        if cues.owner:
            # "Java's Mount Semeru", "Moscow's Domodedovo Airport": the owner when the text names it as a place
            # elsewhere (a person's possessive, "Carter's", names none)
            words = cues.owner.split()     # the longest known tail: "St. Petersburg's", "... Washington. Moscow's"
            source = next((by_key[k] for n in range(len(words)) if (k := strict_key(" ".join(words[n:]))) in by_key),
                          None)
            how = "container" if source is not None else how
        for hint in () if source is not None else cues.hints:
            source = by_key.get(strict_key(hint)) or standalone(hint)
            if source is not None:
                how = "container"
                break
        if source is None:
            # "In Tel Aviv, families rallied at Hostages Square": a sentence that opens with its place frames what
            # it names, before the dateline
            source = _sentence_opening(text, place, resolved)
            how = "sentence" if source is not None else how
        if source is None:
            near = _same_sentence(text, place, resolved)
            # a dateline abroad frames no sentence about another country ("KHARTOUM — ... a base in Beledweyne, in
            # the Hiran region"): the sentence's own town or province then
            if near is not None and (basis != "dateline" or frame is not None
                                     and near.country_code != frame.country_code):
                source, how = near, "sentence"
        if source is None and frame is not None:
            # "the British prime minister, at 10 Downing Street" in a Washington story: the country the sentence
            # names, when the frame lies in another one, rather than a town there
            source = _sentence_country(text, place, resolved, frame)
            how = "sentence" if source is not None else how
        source = source or frame
        if source is None:
            continue
        places[i] = _enclosed(place, source, how)
    _one_frame_per_name(places, unknown)


# which frame of an unknown name is the text's best word on where it is
_BASIS_RANK = {"container": 0, "sentence": 1, "dateline": 2, "document_focus": 3}


def _one_frame_per_name(places: list[Place], unknown: list[int]) -> None:
    """One sense per name in a document: every mention of a name the gazetteer lacks ("Darby Street") takes the frame
    of its best-framed mention (a containing place named with it, then its sentence's place, the dateline, the
    focus), not one place here and another there."""
    best: dict[str, Place] = {}
    for i in unknown:
        place, key = places[i], strict_key(places[i].text)
        if place.basis in _BASIS_RANK and (key not in best or _BASIS_RANK[place.basis] < _BASIS_RANK[best[key].basis]):
            best[key] = place
    for i in unknown:
        place, frame = places[i], best.get(strict_key(places[i].text))
        if frame is not None and place.basis in _BASIS_RANK and frame.basis != place.basis:
            places[i] = Place(start=place.start, end=place.end, text=place.text, name=frame.name, lat=frame.lat,
                              lon=frame.lon, geonameid=frame.geonameid, country_code=frame.country_code,
                              admin1=frame.admin1, feature=frame.feature, precision=frame.precision,
                              confidence=frame.confidence, demonym=place.demonym, basis=frame.basis)


# the share of a frame's own confidence that an enclosed name keeps (raw, before calibration)
_ENCLOSED_SHARE = {"container": 0.8, "sentence": 0.6, "dateline": 0.6, "document_focus": 0.4}
def _dateline(text: str, resolved: list[Place]) -> Place | None:
    """The place of a dateline that opens the story, also below a first line that is no part of it ("DAYTON, Ohio
    — ...", "This story is from March 7, 2002\n\nrajkot: ...")."""
    extent = dateline_extent(text)
    if extent is None:
        return None
    begin, end = extent
    inside = [p for p in resolved if begin <= p.start and p.end <= end and p.precision in _ENCLOSING_PRECISIONS]
    return inside[0] if inside else None


_ENCLOSING_PRECISIONS = ("city", "admin2", "admin1", "country")


def _same_sentence(text: str, place: Place, resolved: list[Place]) -> Place | None:
    """The nearest town or province named in the same sentence as the mention."""
    best, best_gap = None, None
    for other in resolved:
        if other.precision not in ("city", "admin2", "admin1"):
            continue
        lo, hi = sorted((other.end, place.start)) if other.end <= place.start else sorted((place.end, other.start))
        between = text[lo:hi]
        if re.search(r"[.!?]\s|\n", between):
            continue
        if best_gap is None or hi - lo < best_gap:
            best, best_gap = other, hi - lo
    return best


_OPENING = re.compile(r"(?:In|At|Near|Outside)\s+$")


def _sentence_start(text: str, position: int) -> int:
    found = max(text.rfind("\n", 0, position), *(text.rfind(mark, 0, position) for mark in (". ", "! ", "? ")))
    return 0 if found < 0 else found + 1


def _sentence_opening(text: str, place: Place, resolved: list[Place]) -> Place | None:
    """The town or province that opens the mention's sentence after 'In', 'At', 'Near' or 'Outside' and a comma
    ("In Tel Aviv, ...")."""
    start = _sentence_start(text, place.start)
    for other in resolved:
        if start <= other.start < place.start and other.precision in ("city", "admin2", "admin1") \
                and _OPENING.fullmatch(text[start:other.start].lstrip()) and text[other.end:other.end + 1] == ",":
            return other
    return None


def _sentence_country(text: str, place: Place, resolved: list[Place], frame: Place) -> Place | None:
    """The one country (or its demonym) that the mention's sentence names, when it is not the frame's country (the
    nearest one before the mention, when there are several, was tried: it read a list of countries as the frame)."""
    start = _sentence_start(text, place.start)
    end = min((i for i in (text.find(". ", place.end), text.find("\n", place.end)) if i >= 0), default=len(text))
    named = [p for p in resolved if start <= p.start < end and p.precision == "country"]
    if len({p.country_code for p in named}) != 1 or named[0].country_code == frame.country_code:
        return None
    return named[0]


def _focus(resolved: list[Place]) -> Place | None:
    """The place the document mentions most (towns and provinces; a country only when the text
    names neither; never seas or continents); the first mentioned wins a tie."""
    counts: dict[tuple, list[Place]] = defaultdict(list)
    # a country frames only a story that names no town or province in it: an unknown village in a
    # story about a province of a large country is nearer the province than the country's centre
    finer = ("city", "admin2", "admin1")
    allowed = finer if any(p.precision in finer for p in resolved) else _ENCLOSING_PRECISIONS
    for place in resolved:
        if place.precision in allowed:
            counts[(place.name, place.lat, place.lon)].append(place)
    if not counts:
        return None
    return max(counts.values(), key=lambda group: (len(group), -group[0].start))[0]


def _enclosed(place: Place, source: Place, basis: str) -> Place:
    raw = source.confidence * _ENCLOSED_SHARE[basis]
    return Place(start=place.start, end=place.end, text=place.text, name=source.name, lat=source.lat,
                 lon=source.lon, geonameid=source.geonameid, country_code=source.country_code,
                 admin1=source.admin1, feature=source.feature, precision=source.precision,
                 confidence=round(raw, 3), demonym=place.demonym, basis=basis)
