"""The actors stage: fill ``doc.actors`` from the alias table, organ patterns and NER.

Order of evidence: acronyms defined in the document, then the alias table (countries,
organs of state, armed groups, IGOs, NGOs, media, leaders), then compositions with
organ words ("Turkish police"), then spaCy's PERSON/ORG/NORP entities the table does
not know (kept with an unknown country rather than dropped).
"""

from __future__ import annotations

from dataclasses import replace

from geowire.actors.acronyms import find_definitions
from geowire.actors.countries import iso3_by_iso2
from geowire.actors.matcher import (
    COUNTRY_KINDS,
    Found,
    Mention,
    compose,
    keep_actor_like,
    lowered_tokens,
    remove_overlaps,
    scan_aliases,
    scan_organs,
)
from geowire.actors.organs import default_organs, sector_from_name
from geowire.actors.senses import in_national_sense
from geowire.actors.table import (
    AliasTable,
    Entry,
    build_table,
    default_table,
    make_alias,
)
from geowire.model import Actor, Document, Place, leading_country
from geowire.registry import registry, require_parse

NER_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_DETERMINERS = ("the ", "The ")


def _entry_for_long_form(doc, start: int, end: int, table: AliasTable) -> Entry:
    """What a defined acronym stands for: a known actor, or a new organisation."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return Entry(name=doc.text[start:end], country=None, sector=None)
    lowered = lowered_tokens(span)
    mentions = scan_aliases(span, lowered, [table])
    if mentions and mentions[0].end - mentions[0].start == len(span):
        return mentions[0].entry
    country = next((m.entry.country for m in mentions if m.entry.kind in COUNTRY_KINDS), None)
    return Entry(name=span.text, country=country, sector=sector_from_name(lowered))


def local_table(doc, table: AliasTable) -> AliasTable | None:
    definitions = find_definitions(doc.text)
    if not definitions:
        return None
    aliases = []
    for definition in definitions:
        entry = _entry_for_long_form(doc, definition.long_start, definition.long_end, table)
        aliases.append(make_alias(definition.acronym, entry))
        aliases.append(make_alias(definition.long_form, entry))
    return build_table(aliases)


def _ner_fallback(doc, found: list[Found], mentions: list[Mention]) -> list[Found]:
    """Entities the table missed; an ORG that wraps one country mention takes its country."""
    covered = {i for f in found for i in range(f.start, f.end)}
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    extra: list[Found] = []
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        first = ent.start + 1 if ent[0].pos_ == "DET" else ent.start
        tokens = range(first, ent.end)
        if all(i in covered for i in tokens):
            continue
        inner = {id(by_token[i]): by_token[i] for i in tokens if i in by_token}
        if ent.label_ == "ORG" and len(inner) <= 1:
            country = next((m.entry.country for m in inner.values()), None)
            sector = sector_from_name(lowered_tokens(ent))
            extra.append(Found(ent.start, ent.end, _strip_determiner(ent.text), country, sector))
        elif not inner:
            extra.append(Found(ent.start, ent.end, _strip_determiner(ent.text), None, None))
    return extra


def _named_again(doc, lowered: list[str], found: list[Found], places: list[Place]) -> list[Found]:
    """'Jagannath Mishra made an appeal ... Mishra in a letter said': a person's name or surname, or an organisation's
    name of two words or more, written again where no actor was found (the tagger sees a name once and misses it the
    next time) is that actor again (see `_names_to_find` for the names that count). Returns the found actors, a
    bare name among them given its person's identity (`_as_named`), and the names found again."""
    names = _names_to_find(doc, lowered, found, places)
    found = [_as_named(doc, lowered, item, names) for item in found]
    covered = {i for item in found for i in range(item.start, item.end)}
    covered |= {t.i for p in places for t in doc.char_span(p.start, p.end, alignment_mode="expand") or ()}
    longest = max((len(words) for words in names), default=0)
    again: list[Found] = []
    i = 0
    while i < len(doc):
        length = next((n for n in range(min(longest, len(doc) - i), 0, -1) if tuple(lowered[i:i + n]) in names), 0)
        tokens = range(i, i + length)
        if length and not covered.intersection(tokens) and all(_name_token(doc[k]) for k in tokens):
            name, country, sector = names[tuple(lowered[i:i + length])]
            again.append(Found(i, i + length, name, country, sector))
        i += max(length, 1)
    return found + again


def _as_named(doc, lowered: list[str], item: Found, names: dict[tuple[str, ...], tuple]) -> Found:
    """'ANC spokesman John Dube said ... Dube added': a bare name the tagger found again, with no country or sector
    of its own, is the person the story named in full, with that person's country and sector."""
    if item.country is not None or item.sector is not None:
        return item
    identity = names.get(tuple(lowered[t.i] for t in doc[item.start:item.end] if t.pos_ != "DET"))
    if identity is None or identity[1:] == (None, None):
        return item
    return Found(item.start, item.end, *identity)


def _names_to_find(doc, lowered: list[str], found: list[Found], places: list[Place]) -> dict[tuple[str, ...], tuple]:
    """The found actors' names (and persons' surnames) as lower-cased words -> (name, country, sector). A person
    named with a title or body before the name ("ANC spokesman John Dube") is found again by the name. A bare
    surname found on its own lends no identity where a person named in full has it. A surname two persons of the
    story share names neither; neither a name the story also gives a place ("Al Qaim", which the tagger once calls
    a person) nor its last word counts."""
    place_names = {tuple(p.text.lower().split()) for p in places}
    by_name: dict[tuple[str, ...], set[tuple]] = {}
    bare: list[tuple[tuple[str, ...], tuple]] = []
    for item in found:
        tokens = _the_name(doc[item.start:item.end])
        words = tuple(lowered[t.i] for t in tokens)
        person = bool(tokens) and (tokens[-1].ent_type_ == "PERSON" or _after_a_title(tokens[0]))
        if not tokens or not all(_name_token(t) for t in tokens) or (len(words) < 2 and not person):
            continue
        identity = (item.name, item.country, item.sector)
        if len(words) < 2:
            bare.append((words, identity))
            continue
        by_name.setdefault(words, set()).add(identity)
        if person:
            by_name.setdefault(words[-1:], set()).add(identity)
    for words, identity in bare:
        if words not in by_name:
            by_name[words] = {identity}
    placed = {identity for words, ids in by_name.items() if words in place_names for identity in ids}
    return {words: next(iter(ids)) for words, ids in by_name.items() if len(ids) == 1 and not ids & placed}


def _the_name(span) -> list:
    """The words that name an actor: a person's own name after a title ("ANC spokesman John Dube" -> "John Dube",
    "BJP leader Naresh Raval", whose name the tagger may call an organisation), else the span's words but its
    determiner."""
    tokens = [t for t in span if t.pos_ != "DET"]
    start = len(tokens)
    if tokens and tokens[-1].ent_type_ == "PERSON":
        while start > 0 and tokens[start - 1].ent_type_ == "PERSON" and _name_token(tokens[start - 1]):
            start -= 1
        return tokens[start:]
    while start > 0 and tokens[start - 1].pos_ == "PROPN":
        start -= 1
    if 0 < start < len(tokens) and _after_a_title(tokens[start]):
        return tokens[start:]
    return tokens


def _after_a_title(token) -> bool:
    """A word right after a person's title ("leader", "spokesman", "president")."""
    return token.i > 0 and any(o.kind == "title" for o in default_organs().candidates(token.doc[token.i - 1].lower_))


def _name_token(token) -> bool:
    return token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "LOC", "FAC", "DATE")


def _strip_determiner(text: str) -> str:
    for det in _DETERMINERS:
        if text.startswith(det):
            return text[len(det):]
    return text


def _trim(doc, found: Found) -> Found:
    """Actor spans never start with a determiner or end with a possessive marker."""
    start, end = found.start, found.end
    while start < end - 1 and doc[start].pos_ == "DET":
        start += 1
    while end > start + 1 and doc[end - 1].lower_ in ("'s", "’s", "'"):
        end -= 1
    return Found(start, end, found.name, found.country, found.sector)


def place_mentions(parsed, places: list[Place], taken: set[int]) -> list[Mention]:
    """Places resolved by the geo stage, as bases that lend a country to a following organ."""
    to_iso3 = iso3_by_iso2()
    out = []
    for place in places:
        iso3 = to_iso3.get(place.country_code or "")
        span = parsed.char_span(place.start, place.end, alignment_mode="expand") if iso3 else None
        if span is None or place.demonym or taken.intersection(range(span.start, span.end)):
            continue
        entry = Entry(name=place.name or span.text, country=iso3, sector=None, kind="place")
        out.append(Mention(span.start, span.end, entry))
    return out


def find_actors(parsed, table: AliasTable | None = None, places: list[Place] | None = None) -> list[Actor]:
    table = table or default_table()
    lowered = lowered_tokens(parsed)
    local = local_table(parsed, table)
    tables = [local, table] if local else [table]
    mentions = scan_aliases(parsed, lowered, tables)
    mentions = in_national_sense(parsed, lowered, mentions, leading_country(places or []))
    if places:
        claimed = {i for m in mentions for i in range(m.start, m.end)}
        mentions = sorted(mentions + place_mentions(parsed, places, claimed), key=lambda m: m.start)
    claimed = {i for m in mentions for i in range(m.start, m.end)}
    organs_at = scan_organs(lowered, default_organs(), claimed)
    found = keep_actor_like(parsed, compose(parsed, mentions, organs_at), mentions)
    found = remove_overlaps(found)
    found = remove_overlaps(found + _ner_fallback(parsed, found, mentions))
    found = remove_overlaps(_named_again(parsed, lowered, found, places or []))
    actors = []
    for item in (_trim(parsed, f) for f in found):
        span = parsed[item.start:item.end]
        actors.append(Actor(span.start_char, span.end_char, span.text, item.name, item.country, item.sector))
    return _with_country_before(parsed.text, actors)


def _with_country_before(text: str, actors: list[Actor]) -> list[Actor]:
    """'U.S. Secretary of State Rex Tillerson': an office named right after a state, as one name, is that state's.
    (A possessive, "Kenya's opposition supporters", is one side of the two, read by the event stage.)"""
    out = list(actors)
    for i in range(1, len(out)):
        before, actor = out[i - 1], out[i]
        gap = text[before.end:actor.start].strip()
        if actor.sector and not actor.country and before.country and not before.sector and not gap:
            out[i] = replace(actor, country=before.country)
    return out


class AliasTableActors:
    needs = ("nlp",)

    def __init__(self, use_ner: bool):
        self.use_ner = use_ner

    def __call__(self, doc: Document) -> Document:
        parsed = require_parse(doc, "the actor stage (actors.alias_table)")
        actors = find_actors(parsed, places=doc.places)
        if not self.use_ner:
            actors = [a for a in actors if a.country or a.sector]
        doc.actors = actors
        return doc


@registry.factory("actors", "alias_table")
def make_alias_table_actors(use_ner: bool = True) -> AliasTableActors:
    """Recognise actors with a shipped alias table (countries and their organs, armed groups,
    IGOs, NGOs, media, leaders), organ patterns ("Iraqi forces"), acronyms defined in the text
    and, when ``use_ner`` is true, spaCy PERSON/ORG/NORP entities the table does not know. Needs the ``nlp``
    stage before it (a document reaching it unparsed is dropped with that reason)."""
    return AliasTableActors(use_ner)
