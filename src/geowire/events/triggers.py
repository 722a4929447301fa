"""Find event triggers in a parsed sentence: a verb or noun whose lemma is in the lexicon
and whose context satisfies the entry's requirements."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from geowire.events.lexicon import Requirement, TriggerEntry, person_nouns, triggers_by_head, word_list

PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "dobj", "compound:prt"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})


@dataclass(frozen=True)
class Trigger:
    token: object                  # spaCy Token
    entry: TriggerEntry
    promised: str | None = None    # the type of the act announced, when the event is the announcement

    @property
    def type(self) -> str:
        return self.entry.type

    @property
    def mode(self) -> str | None:
        return self.entry.mode

    @property
    def is_verb(self) -> bool:
        return self.entry.pos == "V"


def _pos_of(token) -> str | None:
    if token.pos_ in ("VERB", "AUX") or (token.tag_.startswith("VB") and token.pos_ != "PROPN"):
        return "V"
    if token.pos_ in ("NOUN", "PROPN"):
        return "N"
    if token.pos_ == "ADJ":
        return "A"
    return None


def _lemma(token) -> str:
    return token.lemma_.lower()


def _lemmas(words) -> set[str]:
    return {_lemma(w) for w in words} | {w.lower_ for w in words}


def _children_lemmas(token, deps: frozenset[str]) -> set[str]:
    return _lemmas([c for c in token.children if c.dep_ in deps])


TIME_ENTS = frozenset({"DATE", "TIME"})


def _prepositions(token) -> set[str]:
    """The prepositions on a word; on a verb, not those of a time ("fired John Brennan on Friday" fires no
    shot at Friday)."""
    preps = [c for c in token.children if c.dep_ in ("prep", "agent", "dative")]
    if token.pos_ in ("VERB", "AUX"):
        preps = [p for p in preps if not any(g.dep_ == "pobj" and g.ent_type_ in TIME_ENTS for g in p.children)]
    return _lemmas(preps)


PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
PLACE_WORD = "<place>"  # in an obj: list, any object that is a named place ("seized Crimea")
PERSON_WORD = "<person>"  # in an obj: list, any object that names people ("captured a Jordanian", "captured Ali")
PERSON_ENTS = frozenset({"PERSON", "NORP"})
JUDGEMENT_WORD = "<judgement>"  # in a pred: list, any word of censure (judgements.tsv: "termed it discriminatory")
# "an act of terrorism", "a case of murder": the word of censure is the "of" noun of such a head
JUDGEMENT_HEADS = frozenset({"act", "case", "example", "form", "kind"})


PLACE_TOKENS = "geowire_place_tokens"  # Doc.user_data key: indices of tokens the geo stage resolved as places


def _is_place(token) -> bool:
    return token.ent_type_ in PLACE_ENTS or token.i in token.doc.user_data.get(PLACE_TOKENS, ())


def _objects(token) -> set[str]:
    objs = [c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass", "attr")]
    if token.dep_ == "acl" and token.tag_ == "VBN":
        objs.append(token.head)  # "Crimea, seized in 2014": the participle's noun is what was seized
    kinds = {PLACE_WORD} if any(_is_place(o) for o in objs) else set()
    if any((o.ent_type_ in PERSON_ENTS or _lemma(o) in person_nouns()) and not _is_place(o) for o in objs):
        kinds.add(PERSON_WORD)
    # "700 kg of medicine", "a series of attacks": the object's "of" noun counts too
    objs.extend(g for o in list(objs) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj")
    # "mediation efforts", "peace talks": the object's compound modifier names the activity
    objs.extend(c for o in list(objs) for c in o.children if c.dep_ == "compound")
    # "took control of" / "a series of attacks": the object's own head noun counts too
    for prep in (c for c in token.children if c.dep_ == "prep"):
        objs.extend(g for g in prep.children if g.dep_ == "pobj")
    return {_lemma(o) for o in objs} | {o.lower_ for o in objs} | kinds


PREDICATE_DEPS = frozenset({"ccomp", "oprd", "acomp", "xcomp"})


def _requirement_holds(token, req: Requirement) -> bool:
    if req.kind == "prep":
        return bool(_prepositions(token) & req.words)
    if req.kind == "obj":
        return bool(_objects(token) & req.words)
    if req.kind == "comp":
        # a noun's clause counts with its "that": "its call that Somalia withdraw"
        return any(c.dep_ in COMPLEMENT_DEPS for c in token.children) or bool(that_clauses(token))
    if req.kind == "mod":
        return bool(_children_lemmas(token, MODIFIER_DEPS | frozenset({"poss"})) & req.words)
    if req.kind == "pred":
        predicated = _predicated(token)
        return bool(predicated & req.words) or (JUDGEMENT_WORD in req.words and bool(predicated & word_list(
            "judgements.tsv")))
    if req.kind == "act":
        # "X is responsible for the attack / the deaths": predicated of its subject, of an act of force or a harm
        return (token.dep_ in ("acomp", "ROOT") and _lemma(token.head) in COPULAS
                and any(_harm(g) for p in token.children if p.dep_ == "prep" and p.lower_ in req.words
                        for g in p.children if g.dep_ in ("pobj", "pcomp")))
    if req.kind == "govprep":
        # "came under fire for refusing ...": a preposition on the verb that governs the noun's phrase
        governor = token.head.head if token.dep_ == "pobj" else token.head
        return bool(_children_lemmas(governor, frozenset({"prep"})) & req.words)
    if req.kind == "pobj":
        # "went on strike", "the workers are on strike": the noun as the object of one of these prepositions
        return token.dep_ == "pobj" and token.head.lower_ in req.words
    if req.kind == "partner":
        return has_partner(token, objects_count="obj" in req.words)
    if req.kind == "party":
        return bool(spoken_with(token, req.words))
    if req.kind == "gov":
        # "expressed outrage": the noun names an act only as the object of a verb that performs it
        noun = _whole_of(token)
        return noun.dep_ in ("dobj", "obj", "nsubjpass") and _lemma(noun.head) in req.words
    return False


def _predicated(token) -> set[str]:
    """What the verb predicates of its object or clause subject ("held them responsible"; "termed the proposal as
    discriminatory"); the parser may hang the adjective on the object ("held the militants responsible": an
    adjective after its noun). The "of" noun of a general head counts too ("called it an act of terrorism")."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    words = [c for c in token.children if c.dep_ in PREDICATE_DEPS]
    words += [c for o in objects for c in o.children if c.dep_ == "amod" and c.i > o.i]
    words += [g for p in token.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children
              if g.dep_ in ("pobj", "amod", "acomp")]
    # "termed the tax as grossly unfair", parsed as an adverbial clause of the adjective with its "as"
    words += [c for c in token.children if c.dep_ == "advcl" and any(a.lower_ == "as" for a in c.children)]
    words += [g for w in list(words) if _lemma(w) in JUDGEMENT_HEADS for p in w.children
              if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return {_lemma(w) for w in words}


PARTNER_PREPS = frozenset({"with", "between", "among", "amongst"})
PLURAL_PRONOUNS = frozenset({"they", "we", "both", "all", "their"})  # "their meeting": of the two just named


def has_partner(verb, objects_count: bool) -> bool:
    """'met the king', 'met with rebels', 'the two leaders met', 'Kerry and Lavrov discussed': a meeting or a
    discussion is between parties; 'the cabinet committee met', 'discussing the crisis, Rao said' name one."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if objects_count and objects:
        return True
    # the parser often hangs "with Lavrov" on the topic: "discussed the crisis with Lavrov"
    if any(c.dep_ == "prep" and c.lower_ in PARTNER_PREPS for w in (verb, *objects) for c in w.children):
        return True
    subjects = _subjects(verb)  # two subjects: the parser's reading of a list ("Obama, Park and Abe met")
    return not subjects or len(subjects) > 1 or any(plural_party(s) for s in subjects)


# Who a statement is made to rather than with: the press and an audience ("spoke to reporters", "talked to the
# crowd") are told, not consulted. The event stage also drops a consultation with the press
# (`modality.is_press_contact`); a trigger row that requires a party must not hold for it, or it would take the
# sentence's main place and then give nothing
PRESS_WORDS = frozenset({"reporter", "journalist", "press", "media", "newsman", "correspondent", "mediaperson",
                         "mediapersons", "pressman", "pressmen", "newsperson", "newspersons", "newsmen"})
AUDIENCE_WORDS = PRESS_WORDS | {"medium", "newspaper", "television", "radio", "interviewer", "crowd", "audience",
                                "rally", "gathering", "supporter", "congregation"}
PARTY_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
PARTY_PRONOUNS = frozenset({"him", "her", "them", "counterpart", "counterparts"})
PARTY_PREPS = frozenset({"with", "to"})
PHONE_WORDS = frozenset({"phone", "telephone"})


def spoken_with(verb, preps: frozenset[str]) -> list:
    """'spoke with Abe', 'talked to the Saudi king', 'reached out to Taliban leaders': the parties a verb of
    speaking has an exchange with, named by "with" or "to" (when ``preps`` has it): a party named (a name, or
    a word for people that a name qualifies) or a pronoun for one; not the press or an audience, nor people
    named only by what they are ("spoke to students at the school": an address). Over the phone ("spoke by
    telephone", a phone word after one of ``preps``), the plural or coordinated subject."""
    found = []
    for prep in (c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in preps):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            if _lemma(noun) in PHONE_WORDS:
                # "the two spoke by telephone": the parties are the subjects; one speaker by phone ("said X,
                # speaking by phone from Oman") is talking to the reporter
                subjects = _subjects(verb)
                found += subjects if len(subjects) > 1 or any(plural_party(s) for s in subjects) else []
            elif prep.lower_ in PARTY_PREPS and _named_party(noun):
                found.append(noun)
    return found


def _named_party(noun) -> bool:
    words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod", "poss", "appos"))]
    if any({_lemma(w), w.lower_} & AUDIENCE_WORDS for w in words):
        return False
    # a word for people a name qualifies ("Russia's foreign minister"), not a thing ("spoke to Russia's support"),
    # or one person picked out by "the" ("talked to the commander"), not people named by what they are ("spoke to
    # students", "talking to these people")
    return noun.lower_ in PARTY_PRONOUNS or noun.ent_type_ in PARTY_ENTS or (
        _lemma(noun) in person_nouns() and (any(w.ent_type_ in PARTY_ENTS for w in words) or _the_one(noun)))


def _the_one(noun) -> bool:
    return noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _subjects(verb) -> list:
    """The verb's subject; a participle or infinitive without one takes the subject of the clause above it."""
    for node in (verb, verb.head):
        found = [c for c in node.children if c.dep_ == "nsubj"]
        if found:
            return [verb.head if s.tag_ in ("WP", "WDT") else s for s in found]  # "leaders who met"
        if node.dep_ not in ("advcl", "xcomp", "conj"):
            break
    return []


def plural_party(noun) -> bool:
    # "the two met", "the three spoke by phone": a number greater than one stands for its people
    return (noun.tag_ in ("NNS", "NNPS") or noun.lower_ in PLURAL_PRONOUNS
            or any(c.dep_ == "conj" for c in noun.children)
            or (noun.tag_ == "CD" and noun.lower_ not in ("one", "1")))


# "laid some of the blame on", "voiced much of the criticism": the verb's object is the part, the noun is the act
PARTITIVES = frozenset({"some", "much", "most", "part", "all", "any", "share", "bulk", "lot", "more"})


def _whole_of(token):
    """The part a noun is the 'of' noun of ("some of the blame": 'some'), or the noun itself."""
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ == "of" and prep.head != prep and _lemma(prep.head) in PARTITIVES:
        return prep.head
    return token


COPULAS = frozenset({"be", "remain", "seem", "appear"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})


HARMS = frozenset({"death", "bloodshed", "loss"})


def _harm(token) -> bool:
    """An act of force, a riot's violence or a loss of life: what someone is held responsible for."""
    found = match_token(token)
    return (found is not None and found.type in FORCE_TYPES | {"PROTEST"}) or _lemma(token) in HARMS


def is_force(token) -> bool:
    """An act of force named by a noun or a verb: "the attack", "setting fire to the train"."""
    found = match_token(token)
    return found is not None and found.type in FORCE_TYPES


def that_clauses(token) -> list:
    """The clauses a word takes with "that": "demanded that ...", "its call that Somalia withdraw"."""
    return [c for c in token.children if c.dep_ in ("acl", "ccomp")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]


def _dependent_present(token, entry: TriggerEntry) -> bool:
    words = entry.dependent.split()
    if entry.pos == "V":
        found = _children_lemmas(token, PARTICLE_DEPS) - _dated_preps(token)
        if words[0] in found:
            return True
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return nxt is not None and nxt.lower_ == words[0]
    mods = _children_lemmas(token, MODIFIER_DEPS)
    if words[-1] in mods:
        return True
    prev = _previous_word(token)
    return prev is not None and (prev.lower_ == words[-1] or _lemma(prev) == words[-1])


def _dated_preps(token) -> set[str]:
    """Prepositions of the verb that only say when ("called the order illegal on Tuesday"): no particle."""
    return {c.lower_ for c in token.children if c.dep_ == "prep"
            and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)}


def _previous_word(token):
    """The word before ``token``, looking through a hyphen ("hunger-strike")."""
    i = token.i - 1
    if i >= 0 and token.doc[i].text == "-":
        i -= 1
    return token.doc[i] if i >= 0 else None


def _hyphenated(token) -> str | None:
    """'cease-fire', 'build-up': spaCy splits these; the lexicon lists them whole."""
    if token.i >= 2 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_:
        return f"{token.doc[token.i - 2].lower_}-{_lemma(token)}"
    return None


def _keys(token) -> list[tuple[str, str]]:
    keys = []
    compound = _hyphenated(token)
    if compound:
        keys += [(compound, "N"), (compound, "V")]
    pos = _pos_of(token)
    if pos is not None:
        keys.append((_lemma(token), pos))
        if token.lower_ != _lemma(token):
            keys.append((token.lower_, pos))  # a plural with a sense of its own: "talks", "clashes"
    return keys


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(head for head, _ in triggers_by_head())


def _may_trigger(token) -> bool:
    """A cheap test before the full match: most words are no trigger head."""
    if token.lemma_.lower() in _heads() or token.lower_ in _heads():
        return True
    return token.i >= 2 and token.doc[token.i - 1].text == "-"


def match_token(token) -> Trigger | None:
    if not _may_trigger(token):
        return None
    table = triggers_by_head()
    entries = [e for key in _keys(token) for e in table.get(key, [])]
    for entry in entries:
        if entry.dependent and not _dependent_present(token, entry):
            continue
        if entry.requires and not any(_requirement_holds(token, r) for r in entry.requires):
            continue
        return Trigger(token, entry)
    return None


TOKEN_STRINGS = "geowire_token_strings"  # Doc.user_data key: the document's `TokenStrings`


@dataclass(frozen=True)
class TokenStrings:
    """A document's token strings by token index, read once from its arrays of hashes (each distinct value
    looked up once): spaCy builds ``token.lemma_``, ``lower_``, ``pos_`` ... anew on every access, and the
    rules scan every word of a sentence for a few kinds of word. Equal to what the tokens give."""

    text: list[str]
    lower: list[str]
    lemma: list[str]          # lowercased, as the rules read it (``token.lemma_.lower()``)
    pos: list[str]
    dep: list[str]
    head_candidates: list[int]  # the indices of the words `_may_trigger` lets through, in order


def token_strings(doc) -> TokenStrings:
    cached = doc.user_data.get(TOKEN_STRINGS)
    if cached is not None and len(cached.text) == len(doc):
        return cached
    from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS

    if not len(doc):
        table = TokenStrings([], [], [], [], [], [])
        doc.user_data[TOKEN_STRINGS] = table
        return table
    # each distinct hash of the five columns looked up once, and the columns made from those strings by numpy's
    # indexing instead of a dict lookup per word
    keys, where = np.unique(doc.to_array([ORTH, LOWER, LEMMA, POS, DEP]), return_inverse=True)
    where = where.reshape(len(doc), 5)
    names = _names(doc.vocab.strings, keys.tolist())
    lowered = np.array([name.lower() for name in names], dtype=object)
    names = np.array(names, dtype=object)
    text, lower, pos, dep = (names[where[:, c]].tolist() for c in (0, 1, 3, 4))
    lemma = lowered[where[:, 2]].tolist()
    heads = _heads()
    lemma_head = np.array([name in heads for name in lowered.tolist()])[where[:, 2]]
    lower_head = np.array([name in heads for name in names.tolist()])[where[:, 1]]
    after_hyphen = np.zeros(len(doc), dtype=bool)
    after_hyphen[2:] = (names == "-")[where[1:-1, 0]]
    candidates = np.flatnonzero(lemma_head | lower_head | after_hyphen).tolist()
    table = TokenStrings(text, lower, lemma, pos, dep, candidates)
    doc.user_data[TOKEN_STRINGS] = table
    return table


# hash -> string, kept across documents: a hash stands for the same string in every StringStore (it is the
# string's hash), and looking one up in the store costs more than in a dict
_NAMES: dict[int, str] = {}
_NAMES_MAX = 500_000


def _names(strings, keys: list[int]) -> list[str]:
    if len(_NAMES) > _NAMES_MAX:
        _NAMES.clear()
    known = _NAMES
    for key in keys:
        if key not in known:
            known[key] = strings[key]
    return [known[key] for key in keys]


def span_bounds(sentence) -> tuple[int, int]:
    """The token range of a Span (or of a whole Doc)."""
    return (sentence.start, sentence.end) if sentence is not sentence.doc else (0, len(sentence))


def find_triggers(sentence, name_tokens: set[int] = frozenset()) -> list[Trigger]:
    """Triggers of a sentence; words inside actor names ("... Development and Cooperation") are skipped.
    Only the words `_may_trigger` lets through (`TokenStrings.head_candidates`) are matched, in order, as a
    token-by-token scan would."""
    doc = sentence.doc
    start, end = span_bounds(sentence)
    candidates = token_strings(doc).head_candidates
    found = []
    for i in candidates[bisect_left(candidates, start):bisect_left(candidates, end)]:
        if i not in name_tokens:
            trigger = match_token(doc[i])
            if trigger is not None:
                found.append(trigger)
    return found
