"""Find actor mentions in a parsed spaCy ``Doc``.

Three passes over the tokens: (1) longest alias-table match; (2) organ words
("forces", "foreign ministry") and titles; (3) composition — a country, demonym or
organisation followed (within its noun phrase) by an organ becomes one actor
("Iraqi forces" -> IRQ MIL, "Russia's defence ministry" -> RUS MIL, "pro-Iranian
militias" -> IRN-aligned REB, "Israeli Prime Minister Netanyahu" -> ISR GOV).
"""

from __future__ import annotations

from dataclasses import dataclass

from geowire.actors.organs import Organ, OrganTable
from geowire.actors.table import Alias, AliasTable, Entry, normalise

COUNTRY_KINDS = frozenset({"name", "demonym", "people", "capital"})
# "place": a place from the geo stage; it lends its country to an organ ("Darfur rebels") but is
# not an actor by itself.
ALIGNMENT_WORDS = frozenset({"backed", "aligned", "allied", "supported", "sponsored", "funded", "affiliated", "linked"})
MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "ADV"})
MAX_MODIFIERS = 3
# A demonym modifying these names a place or a thing, not an actor ("the Iraqi city of Mosul").
NON_ACTOR_HEADS = frozenset({
    "city", "town", "village", "capital", "province", "region", "district", "border", "territory",
    "coast", "waters", "airspace", "port", "island", "islands", "language", "currency", "soil",
    "side", "state-run", "countryside", "frontier", "mainland", "enclave", "peninsula", "desert",
    "river", "sea", "gulf", "mountains", "cuisine", "descent", "origin", "citizen", "passport",
})
LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "outside", "inside", "across", "around", "into", "from", "through",
    "within", "toward", "towards", "throughout", "via", "onto", "along", "over", "under", "beyond",
})


@dataclass
class Mention:
    start: int                    # token index
    end: int                      # token index, exclusive
    entry: Entry
    local: bool = False


def _matches(doc, i: int, tokens: tuple[str, ...], lowered: list[str]) -> bool:
    end = i + len(tokens)
    return end <= len(lowered) and tuple(lowered[i:end]) == tokens


def _case_ok(doc, i: int, alias: Alias) -> bool:
    if alias.exact_case:
        written = "".join(t.text for t in doc[i:i + len(alias.tokens)])
        return written == alias.surface.replace(" ", "")
    if alias.capitalised:
        return doc[i].text[:1].isupper()
    return True


def _best_alias(doc, i: int, lowered: list[str], tables: list[AliasTable]) -> Mention | None:
    best: Mention | None = None
    for rank, table in enumerate(tables):
        for alias in table.candidates(lowered[i]):
            if best is not None and len(alias.tokens) <= best.end - best.start:
                break
            if _matches(doc, i, alias.tokens, lowered) and _case_ok(doc, i, alias):
                best = Mention(i, i + len(alias.tokens), alias.entry, local=rank == 0 and len(tables) > 1)
                break
    return best


def scan_aliases(doc, lowered: list[str], tables: list[AliasTable]) -> list[Mention]:
    """Left-to-right longest matches; the first table (document-local aliases) wins ties."""
    out, i = [], 0
    while i < len(doc):
        mention = _best_alias(doc, i, lowered, tables)
        if mention is None:
            i += 1
            continue
        out.append(mention)
        i = mention.end
    return out


def scan_organs(lowered: list[str], organs: OrganTable, claimed: set[int]) -> dict[int, tuple[Organ, int]]:
    """Organ matches by start token -> (organ, end token), on tokens no alias claimed."""
    out: dict[int, tuple[Organ, int]] = {}
    i = 0
    while i < len(lowered):
        found = None
        if i not in claimed:
            for organ in organs.candidates(lowered[i]):
                end = i + len(organ.tokens)
                if tuple(lowered[i:end]) == organ.tokens and not claimed.intersection(range(i, end)):
                    found = (organ, end)
                    break
        if found:
            out[i] = found
            i = found[1]
        else:
            i += 1
    return out


@dataclass
class Found:
    """An actor mention in token coordinates, before conversion to :class:`Actor`."""

    start: int
    end: int
    name: str
    country: str | None
    sector: str | None


def _aligned_before(doc, start: int) -> bool:
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "pro"


def _syntactically_linked(doc, base_last: int, organ_last: int) -> bool:
    if organ_last == base_last + 1:
        return True
    return any(a.i == organ_last for a in doc[base_last].ancestors)


def _organ_after(doc, j: int, organs_at: dict[int, tuple[Organ, int]], starts: set[int],
                 base_last: int) -> tuple[int, Organ, int, bool] | None:
    """An organ following a base mention: returns (organ start, organ, organ end, aligned)."""
    aligned = False
    if j < len(doc) and doc[j].lower_ in ("'s", "’s", "'"):
        j += 1
    if j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in ALIGNMENT_WORDS:
        aligned, j = True, j + 2
    elif j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ == "led":
        j += 2
    k = j
    while k < len(doc) and k not in organs_at and k - j < MAX_MODIFIERS:
        if k in starts or doc[k].pos_ not in MODIFIER_POS:
            return None
        k += 1
    if k not in organs_at:
        return None
    organ, end = organs_at[k]
    if not _syntactically_linked(doc, base_last, end - 1):
        return None
    return k, organ, end, aligned


def _name_word(token) -> bool:
    return (token.pos_ == "PROPN" or token.ent_type_ == "PERSON") and token.ent_type_ not in ("GPE", "NORP")


def _name_after(doc, j: int, mentions_at: dict[int, Mention]) -> tuple[int, Mention | None]:
    """A person's name after a title: a person alias or a run of proper nouns."""
    if j in mentions_at and mentions_at[j].entry.kind == "org":
        return mentions_at[j].end, mentions_at[j]
    k = j
    while k < len(doc) and _name_word(doc[k]):
        k += 1
    return k, None


def _compose_name(base: Entry, organ_text: str, aligned: bool) -> str:
    if base.kind in COUNTRY_KINDS or base.kind == "place":
        prefix = f"{base.name}-aligned" if aligned else base.name
        return f"{prefix} {organ_text}"
    return base.name


def compose(doc, mentions: list[Mention], organs_at: dict[int, tuple[Organ, int]]) -> list[Found]:
    starts = {m.start for m in mentions}
    mentions_at = {m.start: m for m in mentions}
    consumed_organs: set[int] = set()
    consumed_mentions: set[int] = set()
    found: list[Found] = []
    for mention in mentions:
        if mention.start in consumed_mentions:
            continue
        base = mention.entry
        after = _organ_after(doc, mention.end, organs_at, starts, mention.end - 1)
        if after is None and base.kind == "place":
            continue
        if after is None:
            found.append(Found(mention.start, mention.end, base.name, base.country, base.sector))
            continue
        organ_start, organ, organ_end, aligned = after
        while organ_end in organs_at:
            # "government officials", "army commanders": the organ run is one actor
            consumed_organs.add(organ_end)
            nxt, nxt_end = organs_at[organ_end]
            if nxt.sector != "GOV" or nxt.kind == "title":
                organ = nxt
            organ_end = nxt_end
        aligned = aligned or _aligned_before(doc, mention.start)
        consumed_organs.add(organ_start)
        end, name = organ_end, _compose_name(base, " ".join(t.lower_ for t in doc[organ_start:organ_end]), aligned)
        sector = organ.sector if base.kind in COUNTRY_KINDS or base.sector is None else base.sector
        if base.kind == "place":
            name = f"{doc[mention.start:mention.end].text} {doc[organ_start:organ_end].text.lower()}"
        if organ.kind == "title":
            name_end, person = _name_after(doc, organ_end, mentions_at)
            if name_end > organ_end:
                end = name_end
                name = person.entry.name if person else doc[organ_end:name_end].text
                if person:
                    consumed_mentions.add(person.start)
        start = mention.start - 2 if _aligned_before(doc, mention.start) else mention.start
        found.append(Found(start, end, name, base.country, sector))
    found.extend(_lone_organs(doc, organs_at, consumed_organs, mentions_at, consumed_mentions))
    return found


def _left_modifiers(doc, start: int, head: int, floor: int) -> int:
    """Extend an organ leftwards over its adjective/compound modifiers ("armed militants")."""
    k = start
    while k - 1 >= floor and k - start > -MAX_MODIFIERS:
        tok = doc[k - 1]
        if tok.dep_ in ("amod", "compound", "nmod", "npadvmod") and tok.pos_ in ("ADJ", "PROPN", "NOUN", "VERB") \
                and head in {a.i for a in tok.ancestors} or tok.text == "-" and k - 2 >= floor:
            k -= 1
        else:
            break
    while k < start and doc[k].text == "-":
        k += 1
    return k


ORGAN_COUNTRY_PREPS = frozenset({"in", "of", "from", "throughout", "across", "inside"})


def _country_after(doc, end: int, mentions_at: dict[int, Mention]) -> Mention | None:
    """'rebels in the Ivory Coast', 'the government of Iraq': the country named after the organ."""
    if end >= len(doc) or doc[end].lower_ not in ORGAN_COUNTRY_PREPS:
        return None
    k = end + 1
    if k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    mention = mentions_at.get(k)
    if mention is not None and mention.entry.kind in COUNTRY_KINDS | {"place"} and mention.entry.country:
        return mention
    return None


def _lone_organs(doc, organs_at, consumed_organs, mentions_at, consumed_mentions) -> list[Found]:
    out: list[Found] = []
    floor = 0
    for start in sorted(organs_at):
        organ, end = organs_at[start]
        if start in consumed_organs:
            floor = end
            continue
        if organ.kind == "title":
            name_end, person = _name_after(doc, end, mentions_at)
            if name_end > end and doc[start].text[:1].isupper():
                name = person.entry.name if person else doc[end:name_end].text
                country = person.entry.country if person else None
                if person:
                    consumed_mentions.add(person.start)
                out.append(Found(start, name_end, name, country, organ.sector))
                continue
        if not (organ.alone or organ.determined and _determined_argument(doc[end - 1])) or _graded(doc[end - 1]):
            continue
        first = _left_modifiers(doc, start, end - 1, floor)
        name = " ".join(t.lower_ for t in doc[first:end] if t.pos_ != "DET")
        country = _country_after(doc, end, mentions_at)
        if country is not None:
            name = f"{country.entry.name} {name}"
        out.append(Found(first, end, name, country.entry.country if country else None, organ.sector))
        floor = end
    return out


# how much of a stance there is: "stiff opposition from Hungary", "growing resistance": no body is graded so
DEGREE_ADJECTIVES = frozenset({"stiff", "strong", "fierce", "growing", "mounting", "widespread", "little", "much",
                               "considerable", "bitter", "vehement", "firm", "staunch", "stubborn", "vocal", "broad"})


def _graded(head) -> bool:
    """'faces stiff opposition from Hungary': a word for a body that names a stance, measured by an adjective of
    degree, with no determiner or possessor that would make it one particular body ("the strong opposition")."""
    children = list(head.children)
    return (any(c.dep_ == "amod" and c.lower_ in DEGREE_ADJECTIVES for c in children)
            and not any(c.dep_ in ("det", "poss") for c in children))


ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
DETERMINERS = frozenset({"the", "a", "an"})


def _determined_argument(head) -> bool:
    """'the court sentenced them', 'a judge ordered', 'met the prime minister', "the ministry's order": an office
    or a body named as one particular actor — a verb's subject or object, the agent of a passive or the possessor
    of a noun, with a determiner."""
    if not any(c.dep_ == "det" and c.lower_ in DETERMINERS for c in head.children):
        return False
    if head.dep_ in ARGUMENT_DEPS or head.dep_ == "poss":
        return True  # and "the ministry's statement", "the court's order": one particular body's act
    return head.dep_ == "pobj" and head.head.dep_ == "agent"


def keep_actor_like(doc, found: list[Found], mentions: list[Mention]) -> list[Found]:
    """Drop demonyms that modify places, and capitals used as places ("talks in Moscow")."""
    kinds = {(m.start, m.end): m.entry.kind for m in mentions}
    out = []
    for item in found:
        kind = kinds.get((item.start, item.end))
        last = doc[item.end - 1]
        if kind == "demonym" and last.head.lower_ in NON_ACTOR_HEADS:
            continue
        if kind == "capital" and _is_locative(last):
            continue
        if kind == "place":
            continue
        if kind == "capital" and (last.dep_ == "compound" or _followed_by(doc, item.end, "-")):
            continue
        out.append(item)
    return out


def _is_locative(token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def _followed_by(doc, index: int, text: str) -> bool:
    return index < len(doc) and doc[index].text == text


def lowered_tokens(doc) -> list[str]:
    return [normalise(t.text) for t in doc]


def remove_overlaps(found: list[Found]) -> list[Found]:
    """Keep the longer of overlapping mentions (the earlier on a tie)."""
    ordered = sorted(found, key=lambda f: (-(f.end - f.start), f.start))
    kept: list[Found] = []
    taken: set[int] = set()
    for item in ordered:
        span = set(range(item.start, item.end))
        if span & taken:
            continue
        taken |= span
        kept.append(item)
    return sorted(kept, key=lambda f: f.start)


