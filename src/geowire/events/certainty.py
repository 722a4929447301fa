"""How surely the text asserts an event, and whether a clause is an event at all.

Certainty: negated > speculative > hedged > reported > asserted. Cues are read from the
trigger, its auxiliaries and adverbs, and the verbs that govern its clause (up to the
sentence root). Opinion ("analysts think"), normative ("should"), habitual/generic
("often", "protests are common"), conditional ("if") and question clauses are no events.
"""

from __future__ import annotations

from geowire.events.framing import span_text
from geowire.events.intent import in_time_clause
from geowire.events.lexicon import cues, word_list

ORDER = ("negated", "speculative", "hedged")
NON_EVENT_ROLES = frozenset({"opinion", "normative", "background"})
BASE_CONFIDENCE = {"asserted": 0.9, "reported": 0.8, "hedged": 0.55, "speculative": 0.35, "negated": 0.15}
MAX_CLIMB = 4


def _roles(word: str, how: str) -> list[str]:
    return cues().get((word, how), [])


NO_ONE = frozenset({"nobody", "none", "noone"})
ANYONE = frozenset({"everyone", "everybody", "anyone", "anybody"})


def _no_one(subject) -> bool:
    """'nobody attacked', 'no one was arrested', 'none of the rebels fought', 'no troops were withdrawn'."""
    return subject.lower_ in NO_ONE or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _anyone(subject) -> bool:
    """'everyone is complaining', 'every one of us protests': said of all, an act is a generality."""
    return subject.lower_ in ANYONE or (subject.lower_ == "one" and any(
        c.dep_ == "det" and c.lower_ in ("every", "any") for c in subject.children))


def _local_roles(token) -> set[str]:
    roles: set[str] = set()
    for child in token.children:
        word = child.lower_
        if child.dep_ in ("nsubj", "nsubjpass") and _no_one(child):
            roles.add("negated")
        elif child.dep_ in ("nsubj", "nsubjpass") and _anyone(child):
            roles.add("background")
        elif child.dep_ == "neg" or (child.dep_ == "det" and word == "no"):
            roles.update(r for r in _roles(word, "neg"))
        elif child.dep_ in ("aux", "auxpass"):
            roles.update(_modal_roles(token, word))
        elif child.dep_ in ("advmod", "amod", "acomp"):
            roles.update(_roles(word, "adv") + _roles(child.lemma_.lower(), "adv"))
    return roles


def _modal_roles(verb, word: str) -> list[str]:
    """'may have fired', 'could be storing': a hedge on what was or is done; 'might be lifted', 'may attack':
    what may yet be done, not a deed (cues.tsv, aux-ahead)."""
    ahead = _roles(word, "aux-ahead")
    return ahead if ahead and _yet_to_be_done(verb) else _roles(word, "aux")


def _yet_to_be_done(verb) -> bool:
    """A bare verb (or a bare passive, 'be lifted') under a modal, with no perfect or progressive."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "MD"]
    if any(a.lemma_ == "have" for a in auxes):
        return False
    if verb.tag_ == "VB":
        return not auxes
    return verb.tag_ == "VBN" and bool(auxes) and all(a.dep_ == "auxpass" and a.tag_ == "VB" for a in auxes)


def _passive(token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _governor_roles(governor) -> set[str]:
    lemma = governor.lemma_.lower()
    if lemma == "go" and governor.tag_ != "VBG":
        return set()  # "is going to attack" is ahead; "went on to accuse" was done
    roles = set(_roles(lemma, "governor"))
    if _passive(governor):
        roles.update(_roles(lemma, "passive-governor"))
        roles.discard("opinion")
    else:
        roles.update(r for r in _roles(lemma, "passive-governor") if r != "hedged")
    if _ruled_out(governor):
        roles.discard("opinion")
    return roles


def _ruled_out(opinion) -> bool:
    """'there is no doubt that ...' asserts; it does not doubt."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in opinion.children)


NOUN_SLOT_DEPS = frozenset({"dobj", "obj", "pobj", "nsubjpass", "attr", "prep", "dative"})


CLAUSE_ROLES = "geowire_clause_roles"  # Doc.user_data key: a token's index -> its `clause_roles`


def clause_roles(trigger) -> set[str]:
    """Cue roles on the trigger and on the verbs that govern it: a noun trigger takes the
    cues of the verb it is an argument of ("did not launch an attack"), a complement
    clause those of its governor ("plans to attack", "denied that it attacked"). Read from the parse once per
    token and kept on its document (a trigger is asked when it is found, when its sentence is decided and when
    its event is built); each caller gets a set of its own, as some drop a role."""
    kept = trigger.doc.user_data.setdefault(CLAUSE_ROLES, {})
    roles = kept.get(trigger.i)
    if roles is None:
        roles = kept[trigger.i] = frozenset(_clause_roles(trigger))
    return set(roles)


def _clause_roles(trigger) -> set[str]:
    trigger = predicate_verb(trigger)
    roles = (_local_roles(trigger) | _framing_roles(trigger) | _habitual_roles(trigger) | _subjunctive_roles(trigger)
             | _content_of_a_noun(trigger))
    roles |= _object_cues(trigger)
    if _topic_gerund(trigger):
        roles.add("speculative")
    if _forgone(trigger):
        roles.add("negated")
    if in_time_clause(trigger) and "speculative" in _local_roles(trigger.head):
        roles.add("speculative")  # "the talks will resume when the rebels release the hostages": not yet
    if trigger.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        # "will be closely watched and applauded": a coordinated verb shares its head's modal
        roles |= {r for c in trigger.head.children if c.dep_ in ("aux", "auxpass") for r in _roles(c.lower_, "aux")}
    current = trigger
    for _ in range(MAX_CLIMB):
        head, dep = current.head, current.dep_
        if head == current:
            break
        if dep in NOUN_SLOT_DEPS and current.pos_ in ("NOUN", "PROPN", "ADP"):
            roles |= _local_roles(head)
        elif dep == "nsubj" and current.pos_ in ("NOUN", "PROPN"):
            # "an attack would invoke the treaty": the modal of the verb the event noun is the
            # subject of; not its negation ("the attack did not stop them" did happen)
            roles |= {r for c in head.children if c.dep_ == "aux" for r in _roles(c.lower_, "aux")}
            if _destined_to_occur(head):
                roles.add("speculative")
            break
        elif dep == "xcomp" and _arranging_be(head) and _infinitive(current) and _said_by(current, trigger):
            roles.add("speculative")  # "is to visit China", "the aim was to seize": arranged or aimed at, not done
        elif dep == "pcomp" and head.lower_ == "by" and head.dep_ == "prep" and current.tag_ == "VBG":
            # "should counter terrorism by providing training": the means of an act shares its modals
            roles |= _modal_local_roles(head.head)
            current = head.head
            continue
        elif dep == "advcl" and _infinitive(current):
            # "want to elect a candidate to fight Kagame", "must do more to prevent deaths", "did not send
            # troops to stop the march": an aim takes the cues of the clause it is the aim of
            roles |= _governor_roles(head) | _modal_local_roles(head)
        elif dep in ("xcomp", "ccomp", "acl"):
            roles |= _governor_roles(head)
            if dep == "xcomp":
                roles |= _local_roles(head)
                if head.pos_ == "ADJ":  # "was likely being used to store": the adjective is the hedge
                    roles.update(_roles(head.lower_, "adv"))
        else:
            break
        current = head
    return roles


def _modal_local_roles(verb) -> set[str]:
    """The cues of a verb's own modals and negation (not its adverbs: 'reportedly sent troops to stop the march'
    reports the sending, and the stopping is its aim)."""
    roles: set[str] = set()
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass"):
            roles.update(_modal_roles(verb, child.lower_))
        elif child.dep_ == "neg":
            roles.update(_roles(child.lower_, "neg"))
    return roles


def _object_cues(noun) -> set[str]:
    """The roles of the verb or noun whose object an event noun is: what someone wants, asks for or weighs
    ('sought talks', 'called for talks', 'plans for a summit') is speculative, what someone prevents ('averted a
    strike', 'foiled the attack') negated; the verbs and nouns are in cues.tsv (how object, for-object,
    noun-object)."""
    if noun.dep_ == "pcomp" and noun.tag_ == "VBG" and noun.head.lower_ in ("for", "of"):
        # "raised the question of lifting the sanctions", "plans for expanding the base": a gerund, likewise
        governor = noun.head.head
        return set(_roles(governor.lemma_.lower(), "noun-object")) if governor.pos_ == "NOUN" else set()
    if noun.pos_ != "NOUN":
        return set()
    if noun.dep_ in ("dobj", "obj"):
        return set(_roles(noun.head.lemma_.lower(), "object"))  # cues.tsv: "sought talks"
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("for", "of", "to"):
        return set()
    governor = noun.head.head
    word = governor.lemma_.lower()
    if governor.pos_ == "NOUN":
        return set(_roles(word, "noun-object"))  # "calls for talks", "plans for a summit"
    if word == "give" and noun.head.lower_ == "to":  # "consideration is being given to a summit"
        return {r for c in governor.children if c.dep_ in ("nsubjpass", "dobj", "obj")
                for r in _roles(c.lemma_.lower(), "noun-object")}
    if noun.head.lower_ != "for":
        return set()
    return set(_roles(word, "for-object")) | set(_roles(word, "object"))


def _topic_gerund(verb) -> bool:
    """'a draft document on lifting the sanctions', 'a debate about sending troops': an act named by a gerund as
    what a text or a talk is about is spoken of, not told."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ not in ("on", "about"):
        return False
    noun = verb.head.head
    word = noun.lemma_.lower()
    spoken_of = word_list("deliberation_nouns.tsv") | word_list("statement_nouns.tsv")
    return noun.pos_ == "NOUN" and word in spoken_of


# "abstained instead of vetoing", "crossed without fearing any restrictions", "rather than attacking"
FORGOING_PREPS = frozenset({"without", "instead", "rather"})


def _forgone(trigger) -> bool:
    """'abstained instead of vetoing the resolution', 'will cross the line without fearing any restrictions': an act
    named by a gerund after "without", "instead of" or "rather than" (or the event noun it takes) was not done."""
    gerund = trigger.head if trigger.dep_ in ("dobj", "obj") and trigger.pos_ == "NOUN" else trigger
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG":
        return False
    prep = gerund.head
    # the small model hangs "instead" on its "of": ("instead", advmod, "of")
    return prep.lower_ in FORGOING_PREPS or (prep.lower_ in ("of", "than") and (
        prep.head.lower_ in FORGOING_PREPS or any(c.lower_ in FORGOING_PREPS for c in prep.children)))


def _infinitive(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _said_by(verb, trigger) -> bool:
    """The trigger is the verb or its object ('was to hold talks'), not a noun further down ('if one were to hear
    about the arrests made on Thursday': the arrests were made)."""
    return trigger == verb or (trigger.dep_ in ("dobj", "obj") and trigger.head == verb)


def _arranging_be(verb) -> bool:
    """'be to' arranges or aims ('is to visit'); 'its tactics have been to deploy car bombs' tells what was done."""
    return verb.lemma_ == "be" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


# Verbs that say an event occurs: "the meeting was to take place", "the talks are to begin on Monday".
OCCURRING = frozenset({"take", "begin", "start", "open", "resume", "continue", "happen", "end", "conclude", "last"})


def _destined_to_occur(copula) -> bool:
    """'The meeting was to take place in Ahmedabad': 'be to' with a verb of occurring arranges the event."""
    return _arranging_be(copula) and any(
        c.dep_ == "xcomp" and _infinitive(c) and c.lemma_.lower() in OCCURRING for c in copula.children)


def _framing_roles(verb) -> set[str]:
    """'it was difficult to deploy more troops', 'he is free to arrest us', 'were unable to reach', 'is
    capable of turning down threats': an adjective that frames a to-infinitive (or an 'of' gerund) says
    whether the act can be done, not that it was."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.pos_ == "ADJ":
        return set(_roles(verb.head.head.lower_, "frame"))
    if verb.dep_ not in ("xcomp", "advcl") or not _infinitive(verb):
        return set()
    head = verb.head
    adjectives = [head] if head.pos_ == "ADJ" else [c for c in head.children if c.dep_ == "acomp"]
    return {r for a in adjectives for r in _roles(a.lower_, "frame")}


ORDINALS = frozenset({"first", "last", "only", "next"})
# An attempt is itself an act: "launched a bid to retake the city" tells of fighting.
ATTEMPT_NOUNS = frozenset({"attempt", "bid", "effort", "campaign", "operation", "offensive", "push", "drive",
                           "move", "crackdown"})


def _content_of_a_noun(verb) -> set[str]:
    """'suggestions to support the government', 'a bid to oust him': a to-infinitive on a noun says what is
    proposed, sought or hoped, not what was done ('the first leader to visit Cuba' did visit)."""
    noun = verb.head
    if (verb.dep_ not in ("acl", "relcl") or not _infinitive(verb) or noun.pos_ not in ("NOUN", "PROPN")
            or noun.lemma_.lower() in ATTEMPT_NOUNS):
        return set()
    if any(c.lower_ in ORDINALS or c.tag_ in ("JJS", "RBS") for c in noun.children):
        return set()
    return {"speculative"}


TIME_UNITS = frozenset({"day", "week", "month", "year", "night", "morning", "evening", "weekend", "summer", "winter",
                        "season", "time", "hour", "minute", "decade"})


def _subjunctive_roles(verb) -> set[str]:
    """'demanded that Somalia withdraw its troops', 'urged that all efforts be made': a verb in its bare form
    with a subject of its own and no modal is a mandative subjunctive, what someone wants done, not a deed."""
    if verb.dep_ not in ("ccomp", "acl") or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return set()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    bare = verb.tag_ == "VB" and not auxes
    bare_passive = bool(auxes) and all(a.tag_ == "VB" and a.lemma_ == "be" for a in auxes)
    return {"normative"} if bare or bare_passive else set()


def _habitual_roles(verb) -> set[str]:
    """'pilgrims that visit the shrine every year': an act told in the present as repeated on every such
    day is a habit, not a happening ('rebels attacked the convoy every day last week' did happen)."""
    bare = verb.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.tag_ not in ("VBP", "VBZ") and not bare:
        return set()
    for child in verb.children:
        if child.dep_ == "npadvmod" and child.lemma_.lower() in TIME_UNITS and any(
                d.dep_ == "det" and d.lower_ in ("every", "each") for d in child.children):
            return {"background"}
    return set()


def _opinion_above(trigger) -> bool:
    """'I think sanctions are a bad idea': an active opinion verb anywhere above the trigger ("there is no
    doubt that ..." asserts, it does not doubt). A relative clause in the past tells a fact of its noun that the
    opinion takes for granted ("they thought he would side with Mattis, who had accused Putin of lying": the
    accusation was made), so the search stops at one; a present or infinitive one ("a context which is trying to
    help", "the best way to help") stays under the opinion."""
    current = trigger
    while current.head.i != current.i and not (current.dep_ == "relcl" and _told_as_done(current)):
        current = current.head
        if ("opinion" in _roles(current.lemma_.lower(), "governor") and not _passive(current)
                and not _ruled_out(current)):
            return True
    return False


def _told_as_done(verb) -> bool:
    """A finite verb in the past or the perfect: "who accused", "who had met"."""
    return verb.tag_ == "VBD" or is_perfect(verb)


def is_perfect(verb) -> bool:
    """A participle with "have": "had met", "should have taken", "must have known"."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


CONDITION_MARKS = frozenset({"if", "unless", "whether"})


def is_conditional(trigger) -> bool:
    """'If the talks fail, the rebels could resume attacks': an act made to hang on a condition."""
    node = trigger.head if trigger.pos_ in ("NOUN", "PROPN") else trigger
    for current in (trigger, node):
        for clause in current.children:
            if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                              for c in clause.children):
                return True
    return False


def is_condition_conjunction(token) -> bool:
    """'provided the centre gave an assurance', 'providing that the army withdraws': "provided" or "providing"
    heading a condition, read by the small model as a preposition or a bare participle; with a subject or an
    auxiliary of its own ("it was providing food") or a phrase after it ("the aid provided to them") it is the
    verb."""
    if token.lower_ not in ("provided", "providing") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children):
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (following is not None and following.lower_ in ("that", "if")) or token.dep_ in ("prep", "mark")


CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "--", "—"})


def _in_a_condition(trigger) -> bool:
    """A trigger in the clause a "provided" conjunction heads ("agreed to talks provided the government released
    the prisoners"): the small model seldom hangs that clause under the conjunction, so read the words between."""
    sentence = trigger.sent
    for token in sentence[: trigger.i - sentence.start]:
        if is_condition_conjunction(token) and not any(
                t.text in CLAUSE_BREAKS for t in trigger.doc[token.i + 1: trigger.i]):
            return True
    return False


def predicate_verb(trigger):
    """An adjective trigger's clause is its copula's: "if the group was responsible", "would be responsible"."""
    return trigger.head if trigger.pos_ == "ADJ" and trigger.dep_ == "acomp" else trigger


def is_non_event(sentence, trigger, roles: set[str]) -> bool:
    trigger = predicate_verb(trigger)
    if roles & NON_EVENT_ROLES or _opinion_above(trigger):
        return True
    if span_text(sentence).rstrip().endswith("?"):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in trigger.children):
        return True
    if _in_a_condition(trigger):
        return True
    return trigger.pos_ == "NOUN" and _generic_noun(trigger)


def _generic_noun(noun) -> bool:
    """'Sanctions are rarely effective': a noun trigger that is the subject of a copula
    with an adjective or noun complement, and that names no particular act ("the burning of the
    train was a terrorist act" and "the government's seizure of the plant is likely to ..." do)."""
    head = noun.head
    return (noun.dep_ == "nsubj" and head.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in head.children)
            and not _particular(noun) and not _under_way(head))


UNDER_WAY = frozenset({"underway", "ongoing", "continuing", "over", "resuming", "afoot"})


def _under_way(copula) -> bool:
    """'Talks are underway with Iraqi officials', 'clashes are ongoing': a copula saying that an act is happening."""
    return any(c.dep_ == "acomp" and c.lower_ in UNDER_WAY for c in copula.children)


DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _particular(noun) -> bool:
    """A definite or possessed noun, or one with an 'of' complement: a particular act."""
    return any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss"
               or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children)


def certainty_of(roles: set[str], attributed: bool, conditional: bool = False) -> str:
    if conditional and "negated" not in roles:
        return "speculative"
    for level in ORDER:
        if level in roles:
            return level
    return "reported" if attributed else "asserted"


def confidence_of(certainty: str, is_verb: bool, has_source: bool) -> float:
    value = BASE_CONFIDENCE[certainty] * (1.0 if is_verb else 0.92) * (1.0 if has_source else 0.9)
    return round(value, 3)


# How much of the type's probability survives the certainty of the act: a hedge or a plan
# leaves the act itself open; for AGREE and THREATEN the statement of intent *is* the event.
CERTAINTY_FACTOR = {"asserted": 1.0, "reported": 0.97, "hedged": 0.75, "speculative": 0.6, "negated": 0.3}
INTENT_TYPES = frozenset({"AGREE", "THREATEN"})


def calibrated_confidence(type_probability: float, certainty: str, event_type: str) -> float:
    """Confidence that the event took place as coded: the calibrated probability that the
    type is right, times the certainty factor."""
    factor = CERTAINTY_FACTOR[certainty]
    if certainty == "speculative" and event_type in INTENT_TYPES:
        factor = CERTAINTY_FACTOR["reported"]
    return round(type_probability * factor, 3)


def took_place(event) -> bool:
    """Denied, planned and hypothetical acts did not happen; a promise, a threat or a refusal is
    itself the act (PLOVER AGREE/THREATEN/REJECT: "will not accept refugees"), whatever it announces."""
    if event.certainty == "negated":
        return False
    return event.certainty != "speculative" or event.type in ("AGREE", "THREATEN", "REJECT")
