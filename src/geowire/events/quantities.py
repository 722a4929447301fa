"""Counts of people that a sentence states, and what happened to them.

"at least 12 people were killed" → killed, min 12; "police detained 35 people" → arrested 35; "thousands
rallied" → crowd, min 2000; "deployed 2,500 troops" → troops 2500. A count is read in three steps:

1. **The number** from the token sequence: digits ("3,000", "2.5 million"), number words ("twenty-five",
   "two dozen", "a dozen"), vague plurals that state a lower bound ("dozens" 24, "scores" 40, "hundreds" 200,
   "thousands" 2000, "tens of thousands" 20000, "several hundred" 300), and the words before it: "at least",
   "more than", "over" make it a lower bound (``min``); "about", "some", "nearly" keep it as the stated,
   rounded figure (``value``); "fewer than", "under" give only an upper bound, which the contract cannot
   carry, so such counts are left out. "more than 200" gives min 200, not 201: the stated figure is what
   other reports of the same event repeat ("at least 200", "over 200"), and it is still a true lower bound.
2. **Not a count of people**: numbers inside dates, times, money, percentages and measures (spaCy's entity
   label, a currency sign before, a unit or a hyphenated compound after: "200 miles", "a 32-year-old"),
   "one of the", bare years, and counts of things ("200 rockets", "40 houses": the counted noun must name
   people).
3. **The kind** from what the count attaches to: a state word right after it ("12 dead", "30 injured"), the
   verb whose object or passive subject it is ("killing 12", "were arrested"), the verb whose active subject
   it is ("died", "marched", "fled"), a complement of that verb ("were shot dead", "left homeless"), "from
   their homes" (displaced), a toll ("the death toll rose to 40"), a group noun ("a crowd of 5,000",
   "a 5,000-strong crowd"), and last the counted noun itself ("3,000 protesters blocked the road" → crowd).
   Coordinated counts of one verb are summed ("killed three soldiers and two civilians" → killed 5).

The word lists are in ``data/quantities.tsv``.

With the event's trigger given, counts attached to the trigger's clause are preferred: a count of some kind
from another clause is dropped when the trigger's clause states a count of the same kind ("after an attack
that killed five last week, gunmen killed 12 villagers" → killed 12 for the second killing), while counts of
other kinds stated anywhere in the sentence are kept (the crowd that the police then dispersed) when they
can be what such an event does or gathers: the dead of an attack, the crowd of a protest, the troops of a
deployment. An appeal "to help Pakistan cope with floods that have killed more than 1,100 people" carries no
count: the floods killed them, not the appeal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geowire.datafiles import read_rows
from geowire.events.triggers import token_strings
from geowire.model import Quantity

DATA = Path(__file__).parent / "data" / "quantities.tsv"

# spaCy entity labels of numbers that are not counts of people
MEASURE_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass"})
# complements of a verb that say what became of its object or subject: "shot dead", "left five homeless"
STATE_DEPS = frozenset({"oprd", "acomp", "xcomp", "advmod", "ccomp", "dobj"})
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis", "csubj", "pcomp"})
CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
MAX_BOUND_WORDS = 3
# what an event of each type can do to people or gather, so a count from another clause of its sentence may be
# its own: force kills, wounds, detains and drives out; a protest is its crowd; forces are counted in troops
OUTCOMES: dict[str, frozenset[str]] = {
    "ASSAULT": frozenset({"killed", "injured", "arrested", "displaced", "troops"}),
    "COERCE": frozenset({"killed", "injured", "arrested", "displaced", "crowd", "troops"}),
    "PROTEST": frozenset({"crowd", "killed", "injured", "arrested"}),
    "MOBILIZE": frozenset({"troops", "crowd"}),
    "RETREAT": frozenset({"troops", "displaced"}),
}


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    """role -> {word: value}."""
    table: dict[str, dict[str, str]] = {}
    for word, role, value in read_rows(DATA, 3):
        table.setdefault(role, {})[word.lower()] = value
    return table


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Words that can begin a count: checked on every token, so a set lookup keeps the scan cheap."""
    w = _words()
    return frozenset({*w["number"], *w["vague"], *w["group"], *w["several"], "a", "an"})


@dataclass(frozen=True)
class _Number:
    first: int                 # token index where the number phrase starts
    last: int                  # its last token
    value: int                 # the number, or the lower bound of a vague plural
    vague: bool                # a lower bound by itself ("dozens", "several hundred")


@dataclass(frozen=True)
class _Count:
    number: _Number
    first: int                 # with the bound words before it ("at least")
    last: int                  # with the counted noun after it ("12 people")
    value: int | None
    min: int | None
    kind: str
    anchor: object             # the token the count attaches to: the verb or noun that gives the kind


def quantities_in(sentence, trigger=None, event_type: str | None = None) -> list[Quantity]:
    """Counts of people stated in ``sentence`` (a spaCy Span), in text order (offsets into the document); with
    a trigger, those of its event (of ``event_type``)."""
    doc = sentence.doc
    counts = []
    starters = _starters()
    words = token_strings(doc)
    i = sentence.start
    while i < sentence.end:
        # checked on every word, from the document's strings: set lookups and one regex keep the scan cheap
        may_start = words.lower[i].split("-")[0] in starters or bool(DIGITS.match(words.text[i]))
        number = _read_number(doc, i, sentence.end) if may_start else None
        if number is None:
            i += 1
            continue
        i = number.last + 1
        count = _count(doc, number, sentence)
        if count is not None:
            counts.append(count)
    counts = _join_conjuncts(doc, counts)
    if trigger is not None:
        outcomes = None if event_type is None else OUTCOMES.get(event_type, frozenset())
        counts = _prefer_trigger_clause(counts, trigger, outcomes)
    return [_quantity(doc, c) for c in counts]


# --- 1. the number ---------------------------------------------------------------------------------------

def _word_value(token) -> int | None:
    """A number word or digits; "twenty-five" when the tokenizer kept it whole."""
    text = token.lower_
    if DIGITS.match(text):
        return None if "." in text else int(text.replace(",", ""))
    numbers = _words()["number"]
    parts = text.split("-")
    if all(p in numbers for p in parts):
        return sum(int(numbers[p]) for p in parts)
    return None


def _read_number(doc, i: int, end: int) -> _Number | None:
    w = _words()
    word = doc[i].lower_
    nxt = doc[i + 1].lower_ if i + 1 < end else ""
    # "tens of thousands", "hundreds of thousands": a group of a vague plural
    if word in w["group"] and nxt == "of" and i + 2 < end and doc[i + 2].lower_ in w["vague"]:
        return _Number(i, i + 2, int(w["group"][word]) * int(w["vague"][doc[i + 2].lower_]), True)
    if word in w["vague"]:
        return _Number(i, i, int(w["vague"][word]), True)
    # "several hundred", "a few thousand", "several dozen"
    if word in w["several"]:
        scale, last = _scale(doc, i + 1, end)
        first = i - 1 if word == "few" and i > 0 and doc[i - 1].lower_ == "a" else i
        return _Number(first, last, int(w["several"][word]) * scale, True) if last > i else None
    # "a dozen", "a hundred", "a thousand"
    if word in ("a", "an"):
        scale, last = _scale(doc, i + 1, end)
        return _Number(i, last, scale, False) if last > i else None
    return _exact_number(doc, i, end)


def _exact_number(doc, i: int, end: int) -> _Number | None:
    text = doc[i].text.replace(",", "")
    if DIGITS.match(doc[i].text) and "." in text:
        # "2.5 million": a fraction is only a count with a multiplier after it
        scale, last = _scale(doc, i + 1, end)
        return _Number(i, last, int(float(text) * scale), False) if last > i else None
    value = _word_value(doc[i])
    if value is None:
        return None
    last = i
    # "twenty - five" when the tokenizer split the hyphen
    if (i + 2 < end and doc[i + 1].text == "-" and value % 10 == 0 and value < 100
            and (unit := _word_value(doc[i + 2])) is not None and unit < 10):
        value, last = value + unit, i + 2
    scale, last = _scale(doc, last + 1, end, last)
    return _Number(i, last, value * scale, False)


def _scale(doc, i: int, end: int, last: int | None = None) -> tuple[int, int]:
    """The product of the multipliers from ``i`` on ("hundred thousand", "dozen") and the last one's index."""
    w = _words()
    scale, last = 1, i - 1 if last is None else last
    while i < end and (doc[i].lower_ in w["multiplier"] or doc[i].lower_ in w["dozen"]):
        scale *= int(w["multiplier"].get(doc[i].lower_) or w["dozen"][doc[i].lower_])
        last, i = i, i + 1
    return scale, last


def _bound(doc, number: _Number, start: int) -> tuple[str | None, int]:
    """The bound words right before the number ("at least", "some") and where they start."""
    bounds = _words()["bound"]
    for size in range(MAX_BOUND_WORDS, 0, -1):
        first = number.first - size
        if first < start:
            continue
        phrase = " ".join(t.lower_ for t in doc[first:number.first])
        if phrase in bounds:
            return bounds[phrase], first
    return None, number.first


# --- 2. is it a count of people, and 3. of what ------------------------------------------------------------

def _is_measure(doc, number: _Number, first: int, start: int, end: int) -> bool:
    w = _words()
    tokens = doc[number.first:number.last + 1]
    if any(t.ent_type_ in MEASURE_ENTS for t in tokens):
        return True
    after = doc[number.last + 1] if number.last + 1 < end else None
    before = doc[first - 1] if first > start else None
    if before is not None and before.text in w["currency"]:
        return True
    if after is not None and after.lower_ in w["unit"]:
        return True
    if after is not None and after.lower_ == "of" and tokens.text.lower() == "one":
        return True                 # "one of the protesters": a member, not a count
    # a hyphenated compound modifier ("a two-day strike", "a 32-year-old") counts nothing, "-strong" excepted
    return after is not None and after.text == "-" and not _strong(doc, number, end)


def _strong(doc, number: _Number, end: int):
    """The noun of "a 5,000-strong crowd", or None."""
    i = number.last + 2
    if i < end and doc[number.last + 1].text == "-" and doc[i].lower_ == "strong":
        nouns = [t for t in doc[i + 1:min(end, i + 4)] if t.pos_ in ("NOUN", "PROPN")]
        return nouns[0] if nouns else None
    return None


def _head_of(doc, number: _Number):
    """The token of the number phrase whose head lies outside it."""
    for token in doc[number.first:number.last + 1]:
        if not number.first <= token.head.i <= number.last or token.head == token:
            return token
    return doc[number.last]


def _counted_noun(doc, number: _Number, head, end: int):
    """The noun the number counts: "12 people", "thousands of protesters", or None ("killing 12")."""
    if head.dep_ in ("nummod", "quantmod", "amod", "compound", "advmod") and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    after = number.last + 1
    if after < end and doc[after].lower_ in _words()["noun"]:
        return doc[after]           # a misparse that left "12 people" apart
    return None


def _count(doc, number: _Number, sentence) -> _Count | None:
    start, end = sentence.start, sentence.end
    bound, first = _bound(doc, number, start)
    if bound == "max" or _is_measure(doc, number, first, start, end):
        return None
    head = _head_of(doc, number)
    strong = _strong(doc, number, end)
    noun = strong or _counted_noun(doc, number, head, end)
    found = _kind(doc, number, head, noun, end, strong is not None)
    if found is None:
        return None
    kind, anchor = found
    if number.vague or bound == "min":
        value, minimum = None, number.value
    else:
        value, minimum = number.value, None
    last = noun.i if noun is not None and number.last < noun.i <= number.last + 3 else number.last
    return _Count(number, first, last, value, minimum, kind, anchor)


def _kind(doc, number: _Number, head, noun, end: int, strong: bool):
    """(kind, anchor token) of a count, or None when it is not a count of people."""
    w = _words()
    after = number.last + 1 if noun is None or noun.i < number.last else noun.i + 1
    if noun is not None and noun.i == number.last + 1 and noun.lower_ in w["state"]:
        after = noun.i              # "12 dead" parsed as a number modifying "dead"
    if after < end and doc[after].lower_ in w["state"]:
        return w["state"][doc[after].lower_], head
    if strong:
        kind = w["container"].get(noun.lemma_.lower()) or w["noun"].get(noun.lower_)
        return (kind, noun) if kind in ("crowd", "troops") else None
    role = w["noun"].get(noun.lower_) if noun is not None else None
    if noun is not None and role is None:
        return None                 # a count of things: "200 rockets", "40 houses"
    if noun is None and _year_like(doc[number.first], number):
        return None
    node = noun if noun is not None and head.head == noun else head     # "12 people" depends through "people"
    kind = _by_governor(node, role)
    if kind is not None:
        return kind
    if role in ("crowd", "troops"):
        return role, noun
    return None


def _year_like(token, number: _Number) -> bool:
    """A bare four-digit number between 1000 and 2100 with no noun is a year ("in 2019"), not a count."""
    bare = number.first == number.last and token.text.isdigit() and len(token.text) == 4
    return bare and 1000 <= number.value <= 2100


def _by_governor(node, role: str | None):
    """The kind given by the word the count's phrase depends on, with that word."""
    w = _words()
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        node = node.head            # "killed three soldiers and two civilians": the first conjunct's verb
    gov, dep = node.head, node.dep_
    lemma = gov.lemma_.lower()
    if dep in OBJECT_DEPS or dep == "nsubj":
        table = w["object"] if dep in OBJECT_DEPS else w["subject"]
        if lemma in table:
            return table[lemma], gov
        states = [c for c in gov.children if c.dep_ in STATE_DEPS and c.lower_ in w["state"] and c != node]
        if states:
            return w["state"][states[0].lower_], gov
        if dep in OBJECT_DEPS and lemma in w["troop_verb"] and role in (None, "troops", "security"):
            return "troops", gov
        if dep in OBJECT_DEPS and _from_home(gov):
            return "displaced", gov
    if dep in ("dobj", "attr") and (kind := _toll_of(gov)):
        return kind, gov
    if dep == "pobj" and gov.dep_ in ("prep", "agent"):
        holder = gov.head
        if gov.lower_ == "of" and holder.lemma_.lower() in w["container"]:
            return w["container"][holder.lemma_.lower()], holder
        if gov.lower_ == "of" and (kind := _toll_kind(holder)):
            return kind, holder          # "a death toll of 40"
        if gov.lower_ in ("to", "at") and (kind := _toll_of(holder)):
            return kind, holder          # "the toll rose to 40", "brought the toll to 40", "stood at 40"
    return None


def _from_home(verb) -> bool:
    homes = _words()["home"]
    return any(p.lower_ == "from" and any(o.lower_ in homes for o in p.children if o.dep_ == "pobj")
               for p in verb.children if p.dep_ == "prep")


def _toll_of(verb) -> str | None:
    """The kind of a toll that is the verb's subject or object: "the toll rose", "raised the toll"."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and (kind := _toll_kind(child)):
            return kind
    return None


def _toll_kind(noun) -> str | None:
    """"toll" is a death toll; "the number of dead/injured" takes the kind of its "of" word."""
    w = _words()
    value = w["toll"].get(noun.lemma_.lower())
    if value != "of":
        return value
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.lower_ in w["state"]:
                    return w["state"][obj.lower_]
    return None


# --- the trigger's clause --------------------------------------------------------------------------------

def _clause_head(token):
    for _ in range(12):
        if token.dep_ in CLAUSE_DEPS or token.head == token:
            return token
        token = token.head
    return token


def _has_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def _in_clause(anchor, trigger) -> bool:
    """Whether the count hangs off the trigger's own clause: the same clause, a participle adjunct of it
    ("..., killing 12"), a coordinated verb sharing its subject ("killed three and wounded 14") or a relative
    clause on the trigger noun ("a blast that killed three")."""
    target = _trigger_clause(trigger)
    clause = _clause_head(anchor)
    for _ in range(4):
        if clause == target or clause == trigger:
            return True
        participle = clause.dep_ in ("advcl", "xcomp", "acl") and clause.tag_ in ("VBG", "VBN")
        shared = clause.dep_ == "conj" and not _has_subject(clause)
        if clause.dep_ == "relcl" and clause.head == trigger:
            return True
        if not (participle or shared):
            return False
        clause = _clause_head(clause.head)
    return False


def _trigger_clause(trigger):
    """A verb's clause; a noun trigger's only when it is a core argument of the clause ("the attack killed"),
    not when it sits in an adverbial phrase ("after an attack that killed five, gunmen killed 12")."""
    if trigger.pos_ in ("VERB", "AUX") or trigger.dep_ in CORE_DEPS:
        return _clause_head(trigger)
    return trigger


def _prefer_trigger_clause(counts: list[_Count], trigger, outcomes: frozenset[str] | None) -> list[_Count]:
    """``outcomes``: the kinds the event may count from elsewhere in its sentence (None: any kind)."""
    attached = [_in_clause(c.anchor, trigger) for c in counts]
    kinds = {c.kind for c, near in zip(counts, attached, strict=True) if near}
    return [c for c, near in zip(counts, attached, strict=True)
            if near or (c.kind not in kinds and (outcomes is None or c.kind in outcomes))]


def _join_conjuncts(doc, counts: list[_Count]) -> list[_Count]:
    """"killed three soldiers and two civilians": coordinated counts of one verb are parts of one total
    (killed 5); the sum is a lower bound when either part is."""
    out: list[_Count] = []
    for count in counts:
        prev = out[-1] if out else None
        between = doc[prev.last + 1:count.first] if prev is not None else None
        if (prev is None or prev.kind != count.kind or prev.anchor != count.anchor or not len(between)
                or not all(t.is_punct or t.pos_ == "CCONJ" for t in between)):
            out.append(count)
            continue
        exact = prev.value is not None and count.value is not None
        total = (prev.value or prev.min or 0) + (count.value or count.min or 0)
        out[-1] = _Count(prev.number, prev.first, count.last, total if exact else None, None if exact else total,
                         prev.kind, prev.anchor)
    return out


def _quantity(doc, count: _Count) -> Quantity:
    span = doc[count.first:count.last + 1]     # not doc.text: building the whole text is costly per count
    return Quantity(count.kind, count.value, count.min, span.text, span.start_char, span.end_char)
