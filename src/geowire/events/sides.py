"""Who a role's head is: the document's actors by token, what a pronoun or a description ("the group",
"his", "the father of a pilot") refers to, and whether a head is an actor at all (a side is a person,
organisation, group or state, never a weapon, document or abstraction).

:mod:`.arguments` reads the roles off the parse; this module maps their heads onto ``doc.actors``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from geowire.datafiles import read_rows
from geowire.events.lexicon import DATA, VERBAL_TYPES, person_nouns, reporting_words
from geowire.events.triggers import match_token
from geowire.geo.frames import OFFICE_TITLES
from geowire.model import Actor, EventArg, Place

FIRST_PERSON = frozenset({"i", "we", "me", "my", "our"})  # not "us": lower-cased, the US is one too
PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "them", "him", "her", "his"}) | FIRST_PERSON
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
MAX_ARGS = 3

# "the group", "the militia": a definite generic noun refers back to the nearest actor of its kind
REFERRING_NOUNS: dict[str, frozenset[str]] = {
    "group": frozenset({"REB", "INS", "UAF", "CRM", "OPP", "PTY", "NGO"}),
    "militia": frozenset({"REB", "INS", "UAF"}),
    "movement": frozenset({"REB", "INS", "OPP", "PTY"}),
    "organisation": frozenset({"REB", "INS", "NGO", "IGO", "OPP"}),
    "organization": frozenset({"REB", "INS", "NGO", "IGO", "OPP"}),
    "faction": frozenset({"REB", "INS", "PTY"}),
    "militants": frozenset({"INS", "REB"}),
    "rebels": frozenset({"REB", "INS"}),
    "insurgents": frozenset({"INS", "REB"}),
    "government": frozenset({"GOV"}),
    "regime": frozenset({"GOV"}),
    "administration": frozenset({"GOV"}),
    "army": frozenset({"MIL"}),
    "military": frozenset({"MIL"}),
}


def _place_countries(parsed, places: list[Place]) -> dict[int, str]:
    from geowire.actors.countries import iso3_by_iso2

    to_iso3 = iso3_by_iso2() if places else {}
    out: dict[int, str] = {}
    for place in places:
        iso3 = to_iso3.get(place.country_code or "")
        span = parsed.char_span(place.start, place.end, alignment_mode="expand") if iso3 else None
        if span is not None and not place.demonym:
            out.update((token.i, iso3) for token in span)
    return out


class ActorIndex:
    """Actors by token, for mapping argument heads onto recognised actors."""

    def __init__(self, parsed, actors: list[Actor], places: list[Place] = ()):
        self.parsed = parsed
        self.by_token: dict[int, Actor] = {}
        for actor in actors:
            span = parsed.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, actor)
        self.actors = sorted(actors, key=lambda a: a.start)
        self.tokens: frozenset[int] = frozenset(self.by_token)  # read for every trigger and side: built once
        self.spans = {(a.start, a.end) for a in actors}
        self.place_country: dict[int, str] = _place_countries(parsed, places)
        # places below a country ("Surat", "Gujarat"): where things happen, never a side
        self.town_tokens = frozenset(t.i for p in places if p.precision not in (None, "country", "region")
                                     for t in (parsed.char_span(p.start, p.end, alignment_mode="expand") or ()))
        self.person_names: frozenset[str] | None = None  # read by the pronoun reading, built on first use
        self.surnames: frozenset[str] | None = None  # likewise

    def place_within(self, token) -> tuple[int, str] | None:
        """(token index, ISO3) of a resolved place heading the argument or in its own phrase
        ("attacked Kabul", "shelled villages near Kharkiv"): a place target lends its country."""
        for sub in (token, *token.subtree):
            if sub.i in self.place_country and (sub == token or token in (sub.head, sub.head.head, sub.head.head.head)):
                return sub.i, self.place_country[sub.i]
        return None

    @property
    def name_tokens(self) -> set[int]:
        """Tokens of multi-word proper names, which cannot be event triggers."""
        return {i for i, actor in self.by_token.items()
                if " " in actor.text and self.parsed[i].pos_ == "PROPN"}

    def is_named_person(self, arg: EventArg) -> bool:
        """A side that is a person the actor reader recognised by name ("Hoyt Brian Yee"), country or not."""
        if (arg.start, arg.end) not in self.spans:
            return False
        span = self.parsed.char_span(arg.start, arg.end, alignment_mode="expand")
        return span is not None and span.root.ent_type_ == "PERSON"

    def covering(self, token) -> Actor | None:
        return self.by_token.get(token.i)

    def within(self, token) -> Actor | None:
        """An actor in the argument's own phrase ("a group of Syrian rebels"); the one closest to the
        phrase's head, so "a unit of Iran's Revolutionary Guard" is the Guard, not Iran."""
        ranked = self._in_phrase(token)
        return ranked[0] if ranked else None

    def example(self, token) -> Actor | None:
        """The first actor named as an example of the set the argument names ("countries such as Russia")."""
        ranked = self._in_phrase(token, examples=True)
        return ranked[0] if ranked else None

    def _in_phrase(self, token, examples: bool = False) -> list[Actor]:
        """The actors in the argument's phrase, nearest to its head first (ties: nearest in the text); with
        ``examples`` only those in the members it singles out, else only those outside them."""
        conj_tokens = {t.i for c in token.conjuncts for t in c.subtree}
        # "his supporters, including militia members": the members listed are examples of the set, not the side
        singled = {t.i for c in token.children if c.dep_ in ("prep", "appos") and _singled_out(c) for t in c.subtree}
        depths: dict[int, tuple[int, int, Actor]] = {}
        for sub in token.subtree:
            if (sub.i in singled) != examples:
                continue
            if sub.i in conj_tokens or sub.dep_ in ("relcl", "acl", "appos") and sub != token and sub.i not in singled:
                continue
            actor = self.by_token.get(sub.i)
            if actor is None:
                continue
            chain = (sub, sub.head, sub.head.head, sub.head.head.head)
            depth = next((d for d, node in enumerate(chain) if node == token), None)
            if depth is not None and (id(actor) not in depths or depth < depths[id(actor)][0]):
                depths[id(actor)] = (depth, -sub.i, actor)
        return [a for _, _, a in sorted(depths.values(), key=lambda d: d[:2])]

    def phrase_side(self, token) -> Actor | None:
        """One phrase naming a state and a kind of actor in two recognised parts ("Venezuela's opposition
        supporters": VEN and the opposition) is one side of both: neither part alone is who acted."""
        ranked = self._in_phrase(token)
        if len(ranked) < 2:
            return None
        with_country = next((a for a in ranked if a.country and not a.sector), None)
        with_sector = next((a for a in ranked if a.sector and not a.country), None)
        if with_country is None or with_sector is None:
            return None
        phrase = noun_phrase(token)
        return Actor(phrase.start_char, phrase.end_char, phrase.text, phrase.text,
                     with_country.country, with_sector.sector)

    def before(self, char: int, window: int = 400, sectors: frozenset[str] | None = None,
               skip: tuple[tuple[int, int], ...] = ()) -> Actor | None:
        """The nearest actor with a country ending before ``char`` (of one of ``sectors`` if given), none within a
        span of ``skip``."""
        found = None
        for actor in self.actors:
            near = actor.end <= char and char - actor.end <= window and actor.country
            near = near and not any(start <= actor.start < end for start, end in skip)
            if near and (sectors is None or actor.sector in sectors or (actor.country == "IMG" and "INS" in sectors)):
                found = actor
        return found


def noun_phrase(token):
    """The argument's noun phrase without clauses, appositions and coordinated members."""
    left = token
    for child in token.lefts:
        if child.dep_ not in ("punct", "cc", "conj", "appos", "advmod", "prep"):
            left = min(left, child.left_edge, key=lambda t: t.i)
            break
    while left.i < token.i and left.pos_ in ("DET", "PUNCT"):
        left = left.doc[left.i + 1]
    right = token
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nummod") or (child.pos_ == "PROPN" and child.dep_ != "appos"):
            right = child
        else:
            break
    return token.doc[left.i:right.i + 1]


def _antecedent(token, index: ActorIndex, hops: int = 0) -> Actor | None:
    """A pronoun refers to the governing speaker, else to the nearest subject before it that is
    an actor (subjects are what a story goes on about: "The group blamed Israel ..., and its
    leaders threatened" — its = the group), else to the nearest actor before it. "I" and "we" are
    the speaker and no one else: a quotation's own first person never stands for the last subject."""
    speaker = _speaker(token, _surnames(index))
    if speaker is not None:
        if speaker.lower_ not in PRONOUNS:
            named = _as_named_in_full(index.covering(speaker) or index.within(speaker), speaker, index)
            return named or (_person_named_by_word(speaker) if token.lower_ in PERSONAL else None)
        if hops < 2 and speaker.lower_ not in FIRST_PERSON:
            return _antecedent(speaker, index, hops + 1)  # '"I talked to him twice," he said': he, then who he is
    return (_subject_before(token, index) or _sole_antecedent(token, index) or _last_speaker(token, index)
            or index.before(token.idx, skip=_clauses_of_its_verb(token)))


def _last_speaker(pronoun, index: ActorIndex) -> Actor | None:
    """For "he" or "she" as the subject of a verb of saying or of a speech act ("the state has failed the victims,
    he alleged") that nothing near refers to: the person who spoke last before it in the story ("madani said ...
    he alleged"). A story goes on quoting its speaker long after naming them."""
    if pronoun.lower_ not in SUBJECT_PERSONAL or pronoun.dep_ != "nsubj" or not _speaks(pronoun.head):
        return None
    for candidate in reversed(pronoun.doc[:pronoun.sent.start]):
        if candidate.dep_ != "nsubj" or candidate.lower_ in PRONOUNS or not _speaks(candidate.head):
            continue
        actor = index.covering(candidate) or index.within(candidate)
        if actor is not None and _named_person(actor, index):
            return actor
    return None


def _named_person(actor: Actor, index: ActorIndex) -> bool:
    """An actor that names a person by name ("Opposition leader Ravi Menon"), not by a word for one."""
    span = index.parsed.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "PERSON" for t in span)


def _speaks(verb) -> bool:
    """A verb of saying ("said", "told") or of a speech act ("alleged", "demanded", "urged")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.lemma_.lower() in reporting_words()["V"]:
        return True
    trigger = match_token(verb)
    return trigger is not None and trigger.type in VERBAL_TYPES


def _clauses_of_its_verb(pronoun) -> tuple[tuple[int, int], ...]:
    """'Accusing the Modi government of bias, he said ...', 'After meeting the minister, she said ...': the
    subject of a verb is none of the actors of an adverbial clause of that verb set before it (the one accused
    or met is another)."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return ()
    return tuple((c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in verb.children
                 if c.dep_ == "advcl" and c.i < pronoun.i)


def _as_named_in_full(actor: Actor | None, name, index: ActorIndex) -> Actor | None:
    """'Opposition leader Fred Nyanzi was arrested. Nyanzi said ...': a bare surname is the person named in full
    before it (the latest actor whose name ends with it) — that actor where none covers the surname, else the
    surname's own mention with the country and sector the full name was given."""
    if name.pos_ != "PROPN" or (actor is not None and (actor.country or actor.sector)):
        return actor
    earlier = [a for a in index.actors if a.end <= name.idx and a.text.lower().split()[-1] == name.lower_]
    if not earlier:
        return actor
    if actor is None:
        return earlier[-1]
    return replace(actor, country=earlier[-1].country, sector=earlier[-1].sector)


def _speaker(token, names: frozenset[str] = frozenset()):
    """The subject of the verb whose reported clause holds the pronoun ("X said it would ..."), not
    through "as it delivered ..." (an adverbial clause is about anyone), nor a plural one for "it"; ``names``
    are the story's person names (see `_agrees`)."""
    head = token.head
    for _ in range(3):
        if head.dep_ == "pcomp" and head.head.lower_ == "as":
            return _quoted(token, head.head.head, names)
        if head.dep_ not in ("ccomp", "xcomp", "conj"):
            return None
        head = head.head
        speakers = [c for c in head.children if c.dep_ in SUBJECT_DEPS
                    and (token.lower_ in FIRST_PERSON or _agrees(token, c, names))]
        if speakers:
            return speakers[0]
    return None


def _quoted(token, verb, names: frozenset[str] = frozenset()):
    """'TASS cited Moscow police as saying they made 500 arrests': the one quoted speaks, not who quotes."""
    quoted = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if quoted and (token.lower_ in FIRST_PERSON or _agrees(token, quoted[0], names)):
        return quoted[0]
    return None


PERSONAL = frozenset({"he", "she", "him", "her", "his"})
SUBJECT_PERSONAL = frozenset({"he", "she"})


def _agrees(pronoun, noun, names: frozenset[str] = frozenset()) -> bool:
    """Number, and "he"/"she" stand for a person: a named one or a word for people, not "the army". A name is a
    person's wherever the story names that person (``names``, see `_surnames`): the tagger may call "Besigye"
    a person in one sentence and an organisation in the next. That holds for "he" and "she" only: an object "him"
    in what someone said is as often the one spoken of ("X said police charged him")."""
    if pronoun.lower_ in PERSONAL:
        return noun.ent_type_ == "PERSON" or _is_person_word(noun) or _named_person_for(pronoun, noun, names)
    plural = pronoun.lower_ in ("they", "their", "them")
    return plural or noun.tag_ not in ("NNS", "NNPS") or noun.lower_ in REFERRING_NOUNS


COLLECTIVE_NOUNS = frozenset(REFERRING_NOUNS) | {"police", "people", "public", "crowd", "force", "forces", "troops"}


def _is_person_word(noun) -> bool:
    """One person: 'the governor', 'Governor Ali Musa' (a title before a name), 'a policeman' — not
    'the army' or 'police', which name many."""
    if noun.tag_ in ("NNS", "NNPS"):
        return False
    words = person_nouns()
    return any(t.lemma_.lower() in words and t.lower_ not in COLLECTIVE_NOUNS
               for t in (noun, *(c for c in noun.children if c.dep_ == "compound")))


def _subject_before(token, index: ActorIndex) -> Actor | None:
    """The nearest actor that is the subject of a clause before the pronoun, in its sentence or the one before."""
    sentence = token.sent
    start = sentence.start
    if start > 0:
        start = token.doc[start - 1].sent.start
    names = _surnames(index)
    for candidate in reversed(token.doc[start:token.i]):
        if candidate.dep_ not in ("nsubj", "nsubjpass") or candidate.lower_ in PRONOUNS:
            continue
        if not _agrees(token, candidate, names):
            person = _person_named_inside(token, candidate, index, names)
            if person is not None:
                return person
            continue  # "its" does not stand for "the officials"
        actor = index.covering(candidate) or index.within(candidate) or _referent(candidate, index)
        if actor is not None and (actor.country or actor.sector or _person_pronoun_for(token, candidate, names)):
            return actor
        if actor is None and token.lower_ in PERSONAL and _is_person_word(candidate):
            return _person_named_by_word(candidate)
        if actor is None and (person := _person_named_inside(token, candidate, index, names)) is not None:
            return person   # a title no word list knows ("the acharya of ... swami X") heads the subject
    return None


def _person_named_inside(pronoun, subject, index: ActorIndex, names: frozenset[str]) -> Actor | None:
    """For "he" or "she": the person a singular subject names further in its phrase (`_person_in_phrase`)."""
    if pronoun.lower_ not in SUBJECT_PERSONAL or not _singular(subject):
        return None
    return _person_in_phrase(subject, index, names)


def _singular(noun) -> bool:
    """Singular, or tagged plural with no plural ending the lemmatizer can take off: a word of another language
    ("shankaracharya") that the tagger reads as a plural for its last letter."""
    return noun.tag_ not in ("NNS", "NNPS") or noun.lemma_.lower() == noun.lower_


def _person_named_by_word(noun) -> Actor:
    """'a 65-year-old man died after he was nabbed', 'a farmer said he was beaten': "he" is the one person the
    subject names, though no actor is known for that word."""
    phrase = noun_phrase(noun)
    return Actor(phrase.start_char, phrase.end_char, phrase.text, phrase.text)


def _person_in_phrase(subject, index: ActorIndex, names: frozenset[str]) -> Actor | None:
    """'the shankaracharya of govardhanpeeth swami adhokshajananda tirth came out against ...; he alleged': a subject
    headed by a title holds the person's name further in its phrase; "he" or "she" stands for that person (not
    for a plural subject's: "supporters of candidate X gather ... He" is not X)."""
    phrase = noun_phrase(subject)
    first, last = phrase.start, max(phrase.end, max((t.i + 1 for t in subject.subtree
                                                     if t.dep_ not in ("relcl", "acl")), default=phrase.end))
    return next((index.covering(span.root) for span in _proper_names(index)
                 if first <= span.start and span.end <= last
                 and (span.root.ent_type_ == "PERSON" or span.root.lower_ in names)), None)


def _person_pronoun_for(pronoun, noun, names: frozenset[str] = frozenset()) -> bool:
    """'Kizza Besigye said his arrest ...': "he", "his", "her" stand for a person named before them even when
    no country or sector is known for that person."""
    return pronoun.lower_ in PERSONAL and (noun.ent_type_ == "PERSON" or _named_person_for(pronoun, noun, names))


def _named_person_for(pronoun, noun, names: frozenset[str]) -> bool:
    """'he'/'she' for a name the story gives a person elsewhere (``names``, see `_surnames`), whatever the tagger
    calls it here."""
    return pronoun.lower_ in SUBJECT_PERSONAL and noun.pos_ == "PROPN" and noun.lower_ in names


def _referent(token, index: ActorIndex) -> Actor | None:
    """'the group' -> the nearest preceding actor of a compatible sector."""
    sectors = REFERRING_NOUNS.get(token.lower_)
    if sectors is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if any(c.dep_ in ("amod", "compound", "poss", "prep") for c in token.children):
        return None
    return index.before(token.idx, window=1200, sectors=sectors)


# "Maj. Gen. Robert Mood ... The general condemned": a title's usual short form before a name
TITLE_ABBREVIATIONS = {"gen": "general", "gov": "governor", "sen": "senator", "rep": "representative",
                       "col": "colonel", "adm": "admiral", "lt": "lieutenant", "pres": "president"}
_TITLE_WINDOW = 2000     # characters back: the person introduced in the story's recent paragraphs


def _titled_referent(token, index: ActorIndex) -> Actor | None:
    """'the general', 'the governor': a bare definite title refers back to the latest person named with that
    title before the name ("Maj. Gen. Robert Mood", "Governor Ana Ruiz", "the chief minister, Ana Ruiz")."""
    title = token.lemma_.lower()
    if title not in OFFICE_TITLES or token.tag_ in ("NNS", "NNPS") \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
            or any(c.dep_ in ("amod", "compound", "poss", "prep") for c in token.children):
        return None
    text = token.doc.text
    found = None
    for actor in index.actors:
        if actor.end <= token.idx and token.idx - actor.end <= _TITLE_WINDOW \
                and _named_with_title(text, actor, title):
            found = actor
    return found


def _named_with_title(text: str, actor: Actor, title: str) -> bool:
    words = re.findall(r"[a-z]+", text[max(0, actor.start - 40):actor.start].lower())[-3:]
    words += re.findall(r"[a-z]+", actor.text.lower())[:-1]      # "chief minister ana ruiz" as one name
    return any(TITLE_ABBREVIATIONS.get(word, word) == title for word in words)


# Across sentences (ninth pass): a pronoun no rule above resolves stands for an actor of an earlier sentence
# only when exactly one actor of its kind was named in the sentences just before it.
SENTENCE_WINDOW = 2  # the pronoun's own sentence and the two before it
QUOTES = frozenset('"\u201c\u201d')


def _window_start(token, sentences: int) -> int:
    """Index of the first token of the ``sentences`` sentences before the token's own."""
    start = token.sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def _story_sentences(token, sentences: int) -> list:
    """The token's sentence and the ``sentences`` before it, passing over photo captions run into the text
    (a caption names who is in the picture, not whom the story goes on about), latest first."""
    from geowire.events.framing import is_caption

    out = [token.sent]
    start = token.sent.start
    while len(out) <= sentences and start > 0:
        sentence = token.doc[start - 1].sent
        start = sentence.start
        if not is_caption(sentence):
            out.append(sentence)
    return out


def _in_quotation(token, start: int) -> bool:
    """Inside quotation marks opened since character ``start``: a quotation's pronouns belong to its speaker."""
    from geowire.events.framing import doc_text

    text = doc_text(token.doc)[start:token.idx]
    return sum(text.count(q) for q in QUOTES) % 2 == 1


def _actor_kind(actor: Actor, index: ActorIndex) -> str | None:
    """'person' (a named person or a word for one person), 'many' (a plural noun: "the militants"), 'body'
    (an organisation, group or state, taken up by "it"), or None when the span does not parse."""
    span = index.parsed.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.ent_type_ == "PERSON" or _is_person_word(root) or (root.pos_ == "PROPN" and _titled(root)):
        return "person"
    if root.pos_ == "PROPN" and root.lower_ in _person_names(index):
        return "person"  # "Trump", which the small model tags ORG, after "President Donald Trump"
    if root.tag_ in ("NNS", "NNPS"):
        return "many"
    return "body"


def _person_names(index: ActorIndex) -> frozenset[str]:
    """Last words of the names the document gives as people (a PERSON entity, or a name after a title), so a
    later bare surname is a person too."""
    if index.person_names is None:
        index.person_names = frozenset(span.root.lower_ for span in _proper_names(index)
                                       if span.root.ent_type_ == "PERSON" or _titled(span.root))
    return index.person_names


def _surnames(index: ActorIndex) -> frozenset[str]:
    """Last words of the names of two or more words the document gives as people ("Kizza Besigye"): a surname
    standing alone is that person's, whatever the tagger makes of it there; a one-word name it once calls a person
    ("Azerbaijan") is not."""
    if index.surnames is None:
        index.surnames = frozenset(span.root.lower_ for span in _proper_names(index)
                                   if span.root.i > span.start and _given_and_surname(span.root))
    return index.surnames


def _proper_names(index: ActorIndex):
    """The actors' name spans headed by a proper noun."""
    for actor in index.actors:
        span = index.parsed.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is not None and span.root.pos_ == "PROPN":
            yield span


def _given_and_surname(root) -> bool:
    given = root.doc[root.i - 1]
    return given.pos_ == "PROPN" and given.ent_type_ == "PERSON" and root.ent_type_ == "PERSON"


def _fits(pronoun, kind: str | None) -> bool:
    """'he', 'she', 'him', 'his', 'her' stand for a person; 'it', 'its' for an organisation or state."""
    return kind == ("person" if pronoun.lower_ in PERSONAL else "body")


def _identity(actor: Actor, kind: str) -> tuple:
    """Two mentions of one actor count once: a person by the last word of the name, a body by its country
    and sector when known, else by its name."""
    if kind == "person":
        return ("person", actor.text.lower().split()[-1])
    if actor.country or actor.sector:
        return (kind, actor.country, actor.sector)
    return (kind, actor.name.lower())


def _subject_actor(actor: Actor, index: ActorIndex) -> bool:
    """An actor that is a clause's subject (or conjoined with or apposed to one): what a later pronoun
    continues; a name inside a prepositional phrase ("mediation by X") is seldom taken up by "he"."""
    span = index.parsed.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    while node.dep_ in ("conj", "appos", "compound") and node.head is not node:
        node = node.head
    return node.dep_ in ("nsubj", "nsubjpass")


def _sole_antecedent(token, index: ActorIndex) -> Actor | None:
    """The one actor of the pronoun's kind named in its sentence or the ``SENTENCE_WINDOW`` before it (captions
    passed over), the latest mention of it (one with a country, when a mention has one); None when none or
    several fit, or when the pronoun is inside a quotation (whose speaker may have changed)."""
    if token.lower_ not in PERSONAL | {"it", "its"}:
        return None  # "they": too many plural nouns no actor covers compete ("they called for ...")
    window = _story_sentences(token, SENTENCE_WINDOW)
    if _in_quotation(token, window[-1].start_char):
        return None
    found: dict[tuple, list[Actor]] = {}
    for actor in index.actors:
        if actor.end > token.idx or not any(s.start_char <= actor.start < s.end_char for s in window):
            continue
        if not _subject_actor(actor, index):
            continue
        kind = _actor_kind(actor, index)
        if not _fits(token, kind) or not (actor.country or actor.sector or kind == "person"):
            continue
        found.setdefault(_identity(actor, kind), []).append(actor)
    if token.lower_ in PERSONAL:
        # a subject no actor covers that may be a person ("thackeray said" in lower case, "an assistant inspector
        # general of police accused ...") may be the one meant: then no one
        for candidate in (t for s in window for t in s if t.i < token.i):
            if candidate.dep_ not in ("nsubj", "nsubjpass") or index.covering(candidate) is not None:
                continue
            if _names_a_person(candidate, index):
                continue  # "senior party leader and former minister Jagannath Mishra": the leader is Mishra
            if ((candidate.pos_ == "PROPN" and candidate.ent_type_ not in ("ORG", "GPE", "NORP"))
                    or _is_person_word(candidate)):
                found.setdefault(("person", candidate.lower_), [])
    if len(found) != 1:
        return None
    mentions = next(iter(found.values()))
    if not mentions:
        return None
    with_country = [a for a in mentions if a.country]
    return (with_country or mentions)[-1]


def _names_a_person(noun, index: ActorIndex) -> bool:
    """A subject whose own phrase names a person actor ("the party's leader, Ram Kumar")."""
    return any(_actor_kind(index.by_token[t.i], index) == "person" for t in noun.subtree if t.i in index.by_token)


DESCRIPTION_WINDOW = 4  # sentences before a description's own; our set and m2e2 alike with 4 or the whole article


def _head_lemma(actor: Actor, index: ActorIndex) -> str | None:
    """The lemma of the word heading an actor's span ("Islamic State militants" -> "militant")."""
    span = index.parsed.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None else None


def _described_country(token, actor: Actor, index: ActorIndex) -> str | None:
    """'the government', 'the militants': a definite description of a kind of actor with no state in its own
    phrase is of the state of the earlier actors of its sector headed by the same noun ("the Nigerian
    government") in the ``DESCRIPTION_WINDOW`` sentences before it, when they are all of one state."""
    if actor.country or not actor.sector or actor.start > token.idx:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if any(c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_
           or c.i in index.place_country)) for c in token.children):
        return None  # "the Kenyan army", "the uttar pradesh government": its own qualifier, known or not
    first = token.doc[_window_start(token, DESCRIPTION_WINDOW)].idx
    countries = {a.country for a in index.actors
                 if a.sector == actor.sector and a.country and first <= a.start and a.end <= token.idx
                 and _head_lemma(a, index) == token.lemma_.lower()}
    return countries.pop() if len(countries) == 1 else None


@lru_cache(maxsize=1)
def relational_nouns() -> dict[str, str]:
    return dict(read_rows(DATA / "relational_nouns.tsv", 2))


def _related_person(token, index: ActorIndex) -> EventArg | None:
    """'The father of a Jordanian pilot', "Farkhunda's family": private people of the related person's
    country; 'critics of the government': not the government."""
    relation = relational_nouns().get(token.lemma_.lower())
    if relation is None or index.covering(token) is not None:
        return None
    related = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
               if g.dep_ == "pobj"] + [c for c in token.children if c.dep_ == "poss"]
    if not related:
        return None
    phrase = noun_phrase(token)
    if relation == "opponent":
        return EventArg(phrase.text, phrase.start_char, phrase.end_char, None, None)
    person = next((a for r in related if (a := to_arg(r, index)).country), None)
    return EventArg(phrase.text, phrase.start_char, phrase.end_char, person.country if person else None, "CVL")


def _apposed(token, index: ActorIndex) -> Actor | None:
    """'Syria's chief ally, Russia': a description with the actor's name in apposition is that actor, not
    the state that qualifies the description."""
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and not _singled_out(child):
            return index.covering(child)
    return None


# words that single out members of a set named before them ("several countries, especially Hungary", "his
# supporters, including militia members", "groups such as Hamas"): the members are examples, the set is the side
SINGLING_OUT = frozenset({"especially", "particularly", "notably", "mainly", "chiefly", "mostly", "including",
                          "like", "such", "among"})


def _singled_out(member) -> bool:
    """A member named as an example of the set before it, not a second name for it."""
    if member.dep_ == "prep" or member.dep_ == "pobj" and member.head.dep_ == "prep":
        word = member if member.dep_ == "prep" else member.head
        return word.lower_ in SINGLING_OUT or any(c.lower_ == "such" for c in word.children)
    return any(c.dep_ == "advmod" and c.lower_ in SINGLING_OUT for c in member.children)


def _describing_state(token, named: Actor | None, index: ActorIndex) -> Actor | None:
    """'The U.S. deputy assistant secretary of state, Hoyt Brian Yee': the name in apposition takes the state
    that its description names."""
    if named is None or named.country or not any(c.dep_ == "appos" for c in token.children):
        return None
    state = index.within(token)
    return state if state is not None and state is not named and state.country and not state.sector else None


def _owned_members(noun) -> bool:
    """'its jets', 'their fighters', 'his bodyguard', 'his country': the possessor lends its state to the people,
    units or bodies it has (a plural noun, a word for people or for a body), not to a thing or a stance it has
    ("reversed its position", "expressing their support", "demanded his freedom"), which is no side at all."""
    from geowire.events.modality import BODY_WORDS

    lemma = noun.lemma_.lower()
    return noun.tag_ in ("NNS", "NNPS") or lemma in person_nouns() or lemma in BODY_WORDS


def _possessor_country(token, index: ActorIndex) -> Actor | None:
    """'its jets', 'their fighters': the possessor's actor lends its country to the phrase."""
    for child in token.children:
        if child.dep_ == "poss":
            if child.lower_ in PRONOUNS:
                return _antecedent(child, index)
            return index.covering(child)
    return None


def to_arg(token, index: ActorIndex) -> EventArg:
    if token.lower_ in PRONOUNS:
        actor = _antecedent(token, index)
        if actor is not None:
            return EventArg(actor.text, actor.start, actor.end, actor.country, actor.sector)
    related = _related_person(token, index)
    if related is not None:
        return related
    actor = (index.covering(token) or _apposed(token, index) or index.phrase_side(token) or index.within(token)
             or _referent(token, index) or _titled_referent(token, index))
    owner = _possessor_country(token, index) or _describing_state(token, actor, index)
    if actor is not None:
        # "its coast guard", said by China's foreign ministry: the organ is the possessor's
        country = (actor.country or (owner.country if owner is not None else None)
                   or _described_country(token, actor, index))
        return EventArg(actor.text, actor.start, actor.end, country, actor.sector)
    phrase = noun_phrase(token)
    if owner is not None and _owned_members(token):
        return EventArg(phrase.text, phrase.start_char, phrase.end_char, owner.country, owner.sector)
    example = index.example(token) if token.lemma_.lower() not in person_nouns() else None
    if example is not None:
        # "countries such as Russia": a set that is no actor by its own word is told by the member it names
        return EventArg(example.text, example.start, example.end, example.country, example.sector)
    place = index.place_within(token)
    if place is not None:
        return EventArg(phrase.text, phrase.start_char, phrase.end_char, place[1], None)
    return EventArg(phrase.text, phrase.start_char, phrase.end_char, None, None)


ACTOR_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def is_actor_like(arg: EventArg, head, index: ActorIndex) -> bool:
    """A side of an event is an actor: a recognised one (with a country or sector), a named
    person, organisation or state, or a phrase headed by a word for people ("12 people",
    "a policeman") — never a weapon, vehicle, document or abstraction ("water cannon",
    "the aircraft", "images", "a harsh response"), nor a town or province the place stage resolved
    ("visited Surat": where it happened, the event's location; a country place stays a party)."""
    cover = index.covering(head)
    if head.i in index.town_tokens and (cover is None or (cover.sector is None and cover.text == head.text)):
        return False  # a town the actor reader also took for a party ("the godhra carnage") is where, not who
    if arg.country or arg.sector:
        return True
    if head.lower_ in PRONOUNS:
        return arg.start != head.idx  # resolved to a named actor ("Besigye said his arrest ..."), else no one
    if head.ent_type_ in ACTOR_ENTITY_TYPES and head.pos_ == "PROPN":
        return True
    if head.pos_ == "PROPN" and index.covering(head) is not None:
        return True  # a name the actor reader found as an entity elsewhere in the story ("the RSS issued ...")
    if head.pos_ == "PROPN" and _titled(head):
        return True  # "prime minister vajpayee", "Governor Musa": a name after a title is a person
    lemma = head.lemma_.lower()
    return lemma in person_nouns() or lemma.rstrip("s") in person_nouns()


def _titled(name) -> bool:
    """A proper noun with a word for a person before it in its own phrase (a title: "chief minister modi",
    "Ambassador Haley"), the way lower-case text, where the tagger finds no PERSON, still names a person."""
    words = person_nouns()
    return any(c.dep_ == "compound" and c.i < name.i and c.lemma_.lower() in words and c.tag_ not in ("NNS", "NNPS")
               for c in name.children)


# "thousands of protesters", "a group of soldiers": the people counted are the side, not the count
COUNT_NOUNS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
                         "score", "scores", "group", "crowd", "number", "total", "band", "handful", "lot", "some",
                         "many", "most", "few", "several", "all", "each", "one", "two", "three", "four", "five"})


def counted(head):
    """The people a count or a group is of ("thousands of protesters" -> protesters), else the head."""
    if head.lemma_.lower() not in COUNT_NOUNS and head.pos_ != "NUM":
        return head
    people = [g for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return people[0] if people else head


def actor_sides(heads: list, index: ActorIndex, people: bool = False) -> list[EventArg | None]:
    """The actors among the argument heads (and their conjuncts), recognised actors first; [None] if none.
    With ``people`` the role itself says the heads are people (see `takes_people`), so a noun the
    actor reader does not know ("the traders", "28 ramsewaks") is a side too."""
    heads = _side_heads(heads, index)
    sides = [arg for head in heads
             if is_actor_like(arg := to_arg(head, index), head, index) or (people and _core_noun(head))
             or index.is_named_person(arg)]
    return _ranked(sides)


def owner_sides(heads: list, index: ActorIndex) -> list[EventArg | None]:
    """The actors whose thing or doing the argument heads name ("condemned the intransigence of the VHP", "raided
    the residence of X", "critical of the government's handling"): what is done to one's doing is done to one.
    [None] if none."""
    return _ranked([arg for head in _side_heads(heads, index) for owner in _owners(head)
                    if is_actor_like(arg := to_arg(owner, index), owner, index)])


def _side_heads(heads: list, index: ActorIndex) -> list:
    return [counted(h) for h in expand_conjuncts(heads, index.tokens) if not _event_noun(h, index)]


def _ranked(sides: list[EventArg]) -> list[EventArg | None]:
    if not sides:
        return [None]
    return sorted(sides, key=lambda a: a.country is None and a.sector is None)


def _owners(noun) -> list:
    """The possessor or the "of" object of a common noun, with their conjuncts; not a possessive pronoun ("expressed
    their support": their own doing, no act on themselves)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in person_nouns():
        return []
    found = [c for c in noun.children if c.dep_ == "poss"]
    found += [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return [t for owner in found for t in (owner, *owner.conjuncts) if t.lower_ not in PRONOUNS]


def _event_noun(head, index: ActorIndex) -> bool:
    """'The battle for Mosul killed hundreds': a happening is no side, though a place in its phrase has a country."""
    return head.pos_ == "NOUN" and index.covering(head) is None and match_token(head) is not None


def expand_conjuncts(heads: list, actor_tokens: set[int] = frozenset()) -> list:
    """'Israel and the US warned': both conjuncts are arguments; so is a recognised actor the tagger took for
    another word class ("attacks on IS", tagged as the verb "is")."""
    out = []
    for head in heads:
        for token in (head, *head.conjuncts):
            if token not in out and (token.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ") or token.i in actor_tokens):
                out.append(token)
    return out[:MAX_ARGS]


CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "dative", "iobj"})


def _core_noun(head) -> bool:
    """A noun that is the verb's subject or object itself (or conjoined with it), not the object of a
    preposition ("condemned to death") nor an unresolved pronoun."""
    first = head
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    return head.pos_ in ("NOUN", "PROPN") and head.lower_ not in PRONOUNS and (
        first.dep_ in CORE_DEPS or addressed_to_act(first))


ASKED_PARTY_PREPS = frozenset({"to", "on", "upon"})


def addressed_to_act(noun) -> bool:
    """'appealed to the speaker to allow a clarification', 'called on the board to withdraw': the one addressed
    is asked to act, and so is a party, whatever the word for them."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ASKED_PARTY_PREPS:
        return False
    return any(c.dep_ in ("xcomp", "ccomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in prep.head.children)
