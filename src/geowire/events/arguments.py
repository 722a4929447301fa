"""Source and target of a trigger, read off the dependency parse.

Verbs: subject -> source, object / prepositional object -> target; in the passive the
"by" agent is the source and the subject the target; a complement clause without its
own subject ("agreed to withdraw") borrows its governor's subject. Nouns: possessor,
actor modifier ("Israeli airstrike") or "by" phrase -> source, "on/against/with"
phrase -> target; a noun that is the object of a light verb ("launched an attack")
takes that verb's subject. :mod:`.sides` then maps the heads onto ``doc.actors``.
"""

from __future__ import annotations

from dataclasses import dataclass

from geowire.events.clauses import BACKGROUND_PREPS
from geowire.events.lexicon import SPEECH_ACT_TYPES, light_verbs, person_nouns, undergone_nouns
from geowire.events.sides import PRONOUNS, SUBJECT_DEPS, addressed_to_act, counted
from geowire.events.triggers import FORCE_TYPES, is_force, match_token, that_clauses

PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})
TARGET_PREPS = frozenset({
    "against", "on", "upon", "at", "with", "to", "toward", "towards", "into", "targeting",
    "from", "of", "for", "over", "between", "among",
})
# prepositions that mark the target only for some event types
TYPE_PREPS: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"with", "between", "to"}),
    "AGREE": frozenset({"with", "between", "to"}),
    "COOPERATE": frozenset({"with", "between"}),
    "AID": frozenset({"to", "for"}),
    "REQUEST": frozenset({"on", "upon", "to", "from", "with"}),  # "pleaded with the group"
    "RETREAT": frozenset({"from", "to"}),
    "ACCUSE": frozenset({"against", "on", "of", "with", "at"}),  # "lashed out at", "hit out at"
    "SANCTION": frozenset({"on", "against", "from", "to"}),
    "ASSAULT": frozenset({"on", "against", "at", "upon", "into", "targeting", "toward", "towards", "of"}),
    "COERCE": frozenset({"on", "against", "into", "of", "at"}),
    "THREATEN": frozenset({"against", "on", "with", "to"}),
    "PROTEST": frozenset({"against", "outside", "at", "with"}),  # "lodged a protest with Pyongyang"
    "REJECT": frozenset({"from", "by"}),
    "SUPPORT": frozenset({"for", "to"}),
    "CONCEDE": frozenset({"to"}),
    "MOBILIZE": frozenset({"against", "to", "toward", "towards", "near"}),
}
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp"})
# "fired rockets at the embassy": the weapon is the instrument, the "at" phrase the target
WEAPON_WORDS = frozenset({
    "rocket", "missile", "shell", "mortar", "bomb", "grenade", "drone", "bullet", "round", "shot", "shots",
    "tear", "gas", "artillery", "fire", "weapon", "munition", "projectile", "stone", "rock", "salvo", "barrage",
    "volley",
})


@dataclass(frozen=True)
class Roles:
    sources: list          # spaCy tokens (argument heads)
    targets: list


def _children(token, deps) -> list:
    return [c for c in token.children if c.dep_ in deps]


def _pobjs(token, preps: frozenset[str]) -> list:
    out = []
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def _agent(token) -> list:
    out = []
    for agent in token.children:
        if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
            out.extend(c for c in agent.children if c.dep_ == "pobj")
    return out


def _is_passive(token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _reports(verb) -> bool:
    from geowire.events.lexicon import reporting_words

    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in reporting_words()["V"]


def _inherited_subject(token, speech: bool = False) -> list:
    """Subject of a governing verb for complements and coordinated verbs without their own; with ``speech``
    (the verb is itself something said) a reporting verb's too: "the station reported ... and accused the
    authorities"."""
    if speech and _said_beside_an_event(token):
        return _children(token.head.head, SUBJECT_DEPS)
    current = token
    for _ in range(3):
        if current.dep_ == "pcomp" and current.tag_ == "VBG":
            return _gerund_doer(current, speech)
        if current.dep_ not in CLIMB_DEPS and current.dep_ != "ccomp":
            return []
        head = current.head
        if head == current:
            return []
        if current.dep_ == "relcl":
            return [head]
        controllers = _controlling_object(current)
        if controllers:
            return controllers
        subjects = _children(head, SUBJECT_DEPS)
        if subjects and current.dep_ == "conj" and _reports(head) and not speech:
            return []  # "officials say a group ... stormed": a speaker does not do what is coordinated with saying
        if subjects and current.dep_ != "ccomp":
            return subjects
        if _is_passive(head) and current.dep_ in ("conj", "xcomp"):
            return _children(head, PASSIVE_SUBJECT_DEPS)  # "the police were forced to fire": the police
        current = head
    return []


# verbs that make, let or ask their object do something ("persuaded the army to attack"): not "promised Egypt to
# release", where the promiser acts, nor "approached her to ask", where the infinitive is the subject's purpose
DIRECTIVE_VERBS = frozenset({
    "ask", "tell", "order", "urge", "persuade", "convince", "force", "compel", "oblige", "allow", "permit", "enable",
    "encourage", "lead", "prompt", "push", "press", "pressure", "invite", "instruct", "direct", "command",
    "authorize", "authorise", "require", "help", "hire", "rally", "get", "cause", "inspire", "drive", "incite",
    "provoke", "advise", "beg", "implore", "exhort", "summon", "appoint", "mobilize", "mobilise"})


def _controlling_object(complement) -> list:
    """'persuaded the army to attack the rebels', 'ordered the police to arrest them': an infinitive after the
    object of an active verb of making, letting or asking is that object's act, when the object is someone who
    can act (a name, a pronoun, a word for people or for a body)."""
    from geowire.events.modality import BODY_WORDS

    verb = complement.head
    if (complement.dep_ not in ("xcomp", "ccomp") or complement == verb or _is_passive(verb)
            or verb.lemma_.lower() not in DIRECTIVE_VERBS or _children(complement, SUBJECT_DEPS)
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in complement.children)):
        return []
    words = person_nouns() | BODY_WORDS
    return [o for o in _children(verb, OBJECT_DEPS)
            if o.pos_ in ("PROPN", "PRON") or o.lemma_.lower() in words or o.lemma_.lower().rstrip("s") in words]


# prepositions that put a doer's own act beside the clause's ("by refusing", "after meeting", "without
# consulting"); not "at" or "to", which aim at something ("fired at protesting students": a parse of an adjective)
GERUND_PREPS = frozenset({"by", "after", "before", "without", "for", "in", "on", "upon", "while", "since",
                          "despite", "through", "of", "from"})


def _gerund_doer(gerund, speech: bool = False) -> list:
    """'The government has been under fire for refusing to reveal ...', 'they protested by blocking the road',
    'was arrested after attacking a guard': a gerund in a prepositional phrase on a verb, with no subject of its
    own, is done by that verb's subject. Not after "for", "of" or "from" on a verb with an object ("blamed
    Pakistan for supporting the groups", "accused the guards of beating", "stopped them from entering"): that is
    the object's act, alleged or prevented, not one the sentence tells as done, so it gets no doer here. On the
    copula only a said act ("has been under fire for refusing"): "my guns are for hunting" tells a use."""
    prep = gerund.head
    verb = prep.head
    if prep.dep_ != "prep" or prep.lower_ not in GERUND_PREPS or verb.pos_ not in ("VERB", "AUX"):
        return []
    if verb.lemma_ == "be" and not speech:
        return []
    if prep.lower_ in ("for", "of", "from") and _children(verb, OBJECT_DEPS):
        return []
    # "his call was made before meeting the ambassadors": an act does not meet anyone
    return [s for s in _children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) if match_token(s) is None]


# words that hold someone to an act named in their prepositional phrase: "the men responsible for the attack", "the
# officers involved in the beating", "the group behind the bombings"
ANSWERABLE_FOR = {"responsible": "for", "accountable": "for", "involved": "in", "complicit": "in", "behind": None}
# nouns for one's share in an act: "his role in the bombing", "the army's involvement in the killings"
SHARE_NOUNS = frozenset({"role", "part", "involvement", "participation", "complicity", "hand"})


REASON_PREPS = frozenset({"for", "of"})


def _object_as_doer(act) -> list:
    """'accused Pakistan of sponsoring attacks', 'condemned the army for killing civilians', 'arrested two men for
    looting': the one a verb acts on for, or of, a deed is its doer."""
    prep = act.head
    if act.dep_ != "pcomp" or prep.lower_ not in REASON_PREPS or prep.dep_ != "prep":
        return []
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    objects = [o for o in _children(verb, OBJECT_DEPS) if o.pos_ in ("NOUN", "PROPN") and match_token(o) is None]
    return objects[:1]


def _answerable(act) -> list:
    """Who is said to have done an act named after "responsible for", "involved in", "complicit in" or "behind":
    the noun these describe ("the gunmen responsible for the massacre", "the group behind the attack"), or the
    subject of the copula they follow ("said the militia was responsible for shelling the village"); after
    one's "role/part/involvement in", its owner ("his role in the bombing")."""
    prep = act.head
    if act.dep_ not in ("pobj", "pcomp") or prep.dep_ not in ("prep", "acomp", "amod", "acl"):
        return []
    word = prep.head
    if prep.lower_ == "in" and word.lemma_.lower() in SHARE_NOUNS:
        # "his role in the bombing", "the army's involvement in the killings", "the participation of X in ..."
        return [c for c in word.children if c.dep_ == "poss"] or [
            g for p in word.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
            if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and match_token(g) is None]
    if prep.lower_ != "behind" and ANSWERABLE_FOR.get(word.lower_) != prep.lower_:
        return []
    if word.dep_ in ("amod", "acl") or (prep.lower_ == "behind" and word.pos_ in ("NOUN", "PROPN")):
        holder = word.head if word.dep_ in ("amod", "acl") else word
    else:
        # said of a subject: "was responsible for", "were behind"; or the parser's "the gunmen responsible ..."
        # with the adjective as the root
        clause = word.head if word.dep_ in ("acomp", "oprd") else word
        holder = next(iter(_children(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)), None)
    if holder is None or holder.pos_ not in ("NOUN", "PROPN", "PRON") or match_token(holder) is not None:
        return []
    return [holder]


def _said_beside_an_event(token) -> bool:
    """'reported that the assault left 250 dead and accused the authorities': the parser joins the second
    verb to the reported clause, whose subject is an event; an event says nothing, so the reporter does."""
    clause = token.head
    if token.dep_ != "conj" or clause.dep_ != "ccomp" or not _reports(clause.head):
        return False
    subjects = _children(clause, SUBJECT_DEPS)
    return bool(subjects) and all(match_token(s) is not None for s in subjects)


SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # acts between partners
SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT", "AGREE", "CONSULT"})
TEMPORAL_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})


def _clause_subject(token, event_type: str | None = None) -> list:
    """'demanded that the US cancel ...': the addressee is the complement clause's subject. An accusation told in
    the passive ("alleged that the seer was being used and pressurised by the government") accuses the agent."""
    for comp in token.children:
        if comp.dep_ == "ccomp":
            accused = _passive_agents(comp) if event_type == "ACCUSE" else []
            return _announced_target(comp, event_type) or _children(comp, SUBJECT_DEPS) or accused
    return []


def _passive_agents(verb) -> list:
    """The "by" agents of a passive verb and of the passive verbs coordinated with it."""
    return [a for v in (verb, *verb.conjuncts) if _is_passive(v) or _shares_passive(v)
            for a in _pobjs(v, frozenset({"by"}))]


# A threat or a promise announces the speaker's own act ("warned that the US might not defend its allies",
# "vowed that the US would support Iraq"): its clause's subject is the speaker's side, and whom the act is
# aimed at is that clause's object. A demand or an accusation is about its clause's subject.
COMMISSIVE_TYPES = frozenset({"THREATEN", "AGREE"})


def _misread_announcement(token, event_type: str) -> list:
    """'Trump warned the U.S. might not support NATO members': the parser makes the announced clause's subject
    the verb's object; the threat or promise is still aimed at the clause's object."""
    if event_type not in COMMISSIVE_TYPES:
        return []
    clauses = [c for c in token.children if c.dep_ == "ccomp" and _object_before(c)]
    return _announced_target(clauses[0], event_type) if clauses else []


def _announced_target(clause, event_type: str | None) -> list:
    """The actor the announced act is aimed at: the object of a threat's or a promise's clause, when it is one
    ("warned that the US would pay a price" keeps the US)."""
    from geowire.events.modality import an_actor_word

    if event_type not in COMMISSIVE_TYPES:
        return []
    return [o for o in _children(clause, OBJECT_DEPS) if an_actor_word(o)]


def _not_temporal(heads: list) -> list:
    return [h for h in map(counted, heads) if h.ent_type_ not in TEMPORAL_ENTS]


def _verb_roles(token, event_type: str) -> Roles:
    roles = _raw_verb_roles(token, event_type)
    targets = _not_temporal(_misread_announcement(token, event_type) or roles.targets)
    if not targets and event_type in SPEECH_TYPES:
        targets = _clause_subject(token, event_type) or _complement_targets(token)
    elif not targets and event_type == "AID":
        targets = _complement_targets(token)  # "helped train Kurdish fighters": the fighters are helped
    return Roles(_not_temporal(roles.sources), targets)


def _complement_targets(token) -> list:
    """'threatened to shell Iraqi towns', 'vowed to attack the base': the target of the
    threatened or promised act."""
    for comp in token.children:
        if comp.dep_ == "xcomp" and comp.pos_ == "VERB":
            objects = [o for o in _children(comp, OBJECT_DEPS) if o.lemma_.lower() not in WEAPON_WORDS]
            found = _past_event_nouns(objects or _pobjs(comp, TARGET_PREPS - {"from", "of", "for"}), TARGET_PREPS)
            return _not_temporal(found)
    return []


def _conjunct_subject(verb) -> list:
    """'30 activists were stopped ... and were arrested': a coordinated verb with no subject of its own shares the
    first verb's, auxiliary or not; a passive one undergoes the act."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX") or _children(verb, SUBJECT_DEPS):
        return []
    return _children(verb.head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)


def _shares_passive(token) -> bool:
    """'were arrested and charged', 'was stopped by police and tear-gassed': a participle coordinated with a
    passive verb, with no subject or auxiliary of its own, is passive too and shares its subject and agent."""
    return (token.dep_ == "conj" and token.tag_ == "VBN" and _is_passive(token.head)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children))


def _found_done_to(token) -> bool:
    """'X was found murdered', 'two men were reported abducted': a participle completing a passive verb tells what
    was done to that verb's subject, not what the subject did."""
    return (token.tag_ == "VBN" and token.dep_ in ("xcomp", "oprd", "ccomp", "acomp") and _is_passive(token.head)
            and not _children(token, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS))


def _raw_verb_roles(token, event_type: str) -> Roles:
    preps = TYPE_PREPS.get(event_type, TARGET_PREPS)
    if _shares_passive(token):
        sources = _agent(token) or _agent(token.head)
        targets = _children(token.head, PASSIVE_SUBJECT_DEPS) or _pobjs(token, preps)
    elif _found_done_to(token):
        sources = _agent(token)
        targets = _children(token.head, PASSIVE_SUBJECT_DEPS)
    elif _is_passive(token):
        sources = _agent(token) or _doer_in_clause(token, event_type)
        targets = _children(token, PASSIVE_SUBJECT_DEPS) or _conjunct_subject(token) or _pobjs(token, preps)
    else:
        sources = _nearest_subject(_children(token, SUBJECT_DEPS), token)
        objects = [o for o in _children(token, OBJECT_DEPS) if o.lemma_.lower() not in WEAPON_WORDS]
        partners = _pobjs(token, frozenset({"with"})) if event_type in SYMMETRIC_TYPES else []
        # "discussed the center with lawmakers": the partner is whom one talks with, not what is discussed
        targets = partners or objects or _pobjs(token, preps)
    if event_type == "MOBILIZE":
        # "troops were deployed", "posted a contingent of troops": the force is the mobiliser's own
        # (PLOVER's source), never the target, which only an aiming phrase names ("deployed near X")
        forces = _children(token, PASSIVE_SUBJECT_DEPS) if _is_passive(token) else []
        sources = sources or forces
        targets = _pobjs(token, preps)
    sources = [_relative_antecedent(s) for s in sources]
    addressed = _addressed_by_participle(token, event_type)
    if addressed is not None:
        sources, targets = addressed.sources, targets if _actor_like_heads(targets) else addressed.targets
    if not sources and token.dep_ == "relcl":
        sources = [_predicated(token.head) if _to_infinitive(token) else token.head]
    if not sources and token.dep_ == "acl" and token.tag_ == "VBG":
        sources = [_predicated(s) for s in _participle_subject(token)]
    if not sources and token.dep_ == "acl" and token.head.dep_ in OBJECT_DEPS:
        # "launched a bid to retake", "made an attempt to seize": whoever made the bid
        sources = _children(token.head.head, SUBJECT_DEPS)
    if not sources and token.dep_ == "ccomp":
        sources = _object_read_as_subject(token)
    if not sources and token.tag_ == "VBG":
        sources = _answerable(token) or _object_as_doer(token)
    if not sources and not _is_passive(token) and not _shares_passive(token) and not _found_done_to(token):
        sources = _subject_read_as_conjunct(token) or _inherited_subject(token, event_type in SPEECH_TYPES)
    targets = _past_event_nouns(targets, preps, event_type)
    if not sources and token.dep_ == "acl" and token.tag_ == "VBN":
        targets = targets or [token.head]
        sources = _agent(token)
    return Roles(sources, targets)


COUNT_HEADS = frozenset({"one", "some", "many", "most", "several", "few", "all", "each", "none", "any"})
STATE_NOUNS = frozenset({"country", "nation", "state", "power"})  # what a state is called as a kind


def _predicated(noun):
    """'Kuwait is the latest country to withdraw its ambassador', 'Jordan is one of several countries taking
    part in the campaign': a clause describing the noun a copula predicates of its subject tells what that
    subject did."""
    lemma = noun.lemma_.lower()
    if lemma not in STATE_NOUNS and lemma not in person_nouns():
        return noun  # "the emergence of IS is a result of surrogates fighting ...": a result is no doer
    head = noun
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in COUNT_HEADS:
        head = head.head.head  # "one of several countries"
    if head.dep_ != "attr" or head.head.lemma_ != "be":
        return noun
    subjects = _children(head.head, SUBJECT_DEPS)
    return subjects[0] if subjects else noun


def _relative_antecedent(subject):
    """'Bahrain, which cut ties': a relative pronoun stands for the noun its clause describes."""
    if subject.tag_ not in ("WDT", "WP"):
        return subject
    clause = subject.head
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else subject


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _object_read_as_subject(clause) -> list:
    """'Davutoglu indicated Turkey had helped train the fighters': the parser sometimes makes the subject of a
    reported clause the reporting verb's object. A finite reported clause with no subject of its own, right after
    that object, is that object's act."""
    return _object_before(clause) if _reports(clause.head) else []


def _object_before(clause) -> list:
    """The governing verb's object right before a finite clause with no subject of its own."""
    if _children(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
        return []
    finite = clause.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                               for c in clause.children)
    objects = [o for o in _children(clause.head, OBJECT_DEPS) if o.right_edge.i + 1 == clause.left_edge.i]
    return objects if finite else []


def _subject_read_as_conjunct(verb) -> list:
    """'Supporters threw stones and police fired tear gas': the parser joins "police" to the first verb's object
    and leaves the second verb without a subject. A finite coordinated verb with no subject of its own, right
    after a noun coordinated with the first verb's object, is that noun's act."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or verb.i == 0 or _children(verb, SUBJECT_DEPS):
        return []
    noun = verb.doc[verb.i - 1]
    first = noun.head
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    joined = noun.dep_ == "conj" and noun.pos_ in ("NOUN", "PROPN") and first.dep_ in OBJECT_DEPS
    return [noun] if joined and first.head == verb.head else []


def _nearest_subject(subjects: list, verb) -> list:
    """'A Cuban-American, Rubio has criticized ...': of two subjects a parse gives one verb, the one before the
    comma is a fronted description of the other; the subject nearest the verb acts."""
    before = [s for s in subjects if s.i < verb.i]
    if len(before) < 2:
        return subjects
    nearest = max(before, key=lambda s: s.i)
    between = verb.doc[min(s.i for s in before):nearest.i]
    if not any(t.text == "," for t in between):
        return subjects
    return [nearest] + [s for s in subjects if s.i > verb.i]


# verbs of going to someone with a plea: "approached the court seeking a stay", "moved the high court seeking bail"
ADDRESSING_VERBS = frozenset({"approach", "petition", "move", "contact", "lobby", "write"})


def _addressed_by_participle(token, event_type: str) -> Roles | None:
    """'The party approached the high court seeking a stay', 'the family petitioned the governor asking for
    clemency': a participle of asking after the object of a verb of addressing tells why the subject went to
    that object — the subject asks, the object is asked (not the object asking, as in "police stopped
    protesters demanding reforms")."""
    if event_type != "REQUEST" or token.dep_ != "acl" or token.tag_ != "VBG" or token.head.dep_ not in OBJECT_DEPS:
        return None
    verb = token.head.head
    if verb.lemma_.lower() not in ADDRESSING_VERBS:
        return None
    subjects = _children(verb, SUBJECT_DEPS) or _inherited_subject(verb)
    return Roles(subjects, [token.head]) if subjects else None


def _actor_like_heads(heads: list) -> list:
    """Heads that may name someone (a name or a word for people), not what is asked for ("a stay")."""
    return [h for h in heads if h.pos_ in ("PROPN", "PRON") or h.lemma_.lower() in person_nouns()]


# conjunctions of an adverbial clause telling how a harm came about ("were killed when troops stormed the camp")
HOW_MARKERS = frozenset({"when", "as"})
# fights with no one side its author: "when the mobs clashed", "as the two groups fought"
MUTUAL_FIGHT_VERBS = frozenset({"clash", "fight", "battle", "scuffle", "skirmish", "brawl", "exchange"})


def _doer_in_clause(verb, event_type: str) -> list:
    """'Six villagers were wounded when soldiers opened fire', 'two died as police stormed the camp': an
    act of force in a "when" or "as" clause of a passive harm with no agent is how the harm was done, and its
    subject the harm's doer — not a pronoun, which may be the harmed themselves ("were killed when they
    attacked a checkpoint"), nor one side of a mutual fight ("was injured when mobs clashed")."""
    if event_type not in FORCE_TYPES:
        return []
    for clause in verb.children:
        if clause.dep_ != "advcl" or _is_passive(clause) or not is_force(clause):
            continue
        if clause.lemma_.lower() in MUTUAL_FIGHT_VERBS:
            continue
        if not any(c.lower_ in HOW_MARKERS and c.dep_ in ("advmod", "mark") for c in clause.children):
            continue
        return [s for s in _children(clause, frozenset({"nsubj"})) if s.lower_ not in PRONOUNS]
    return []


def _participle_subject(token) -> list:
    """'protesters demanding reforms': the noun it describes; 'fired 40 rounds, killing two': not the
    rounds but whoever fired them."""
    noun = token.head
    if noun.lemma_.lower() in WEAPON_WORDS and noun.dep_ in OBJECT_DEPS:
        return _children(noun.head, SUBJECT_DEPS)
    if match_token(noun) is not None:
        return []  # "the attack targeting the army base": the attack's author, whom this phrase does not name
    return [noun]


HARM_VERBS = frozenset({"hit", "strike", "kill", "wound", "injure", "destroy", "damage", "target", "level", "flatten"})


def _harms(verb) -> bool:
    """A verb whose object an event noun as its subject harms ("an airstrike hit a school")."""
    return verb.lemma_.lower() in HARM_VERBS or is_force(verb)


# Acts that answer another act: whoever did the act answered is their target ("welcomed the U.S. attack",
# "rejected the opposition's demand", "condemned Israeli airstrikes" -> the U.S., the opposition, Israel).
ANSWERING_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "AGREE", "CONCEDE", "PROTEST"})
NAME_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON"})


# general words for an act: "threatened military action against X", "launched an operation against Y"
ACT_NOUNS = frozenset({"action", "operation", "intervention", "response", "retaliation", "reprisal", "measure",
                       "step", "move"})


def _general_act(noun, event_type: str | None) -> bool:
    """A general word for an act names no one: the word before it is the act's kind ("military action"), and
    whom it is aimed at is its "against" phrase. Answering one ("condemned the military action") is aimed at its
    author, and so is asking for one ("urged OAS intervention"), as the phrase names it."""
    return noun.lemma_.lower() in ACT_NOUNS and event_type not in ANSWERING_TYPES and event_type != "REQUEST"


def _past_event_nouns(targets: list, preps: frozenset[str], event_type: str | None = None) -> list:
    """'imposed sanctions on X', 'launched an attack on X': the target is the event noun's
    prepositional object (or the verb's), not the event noun itself; an answer to an act is aimed at
    the act's author when the phrase names one."""
    out = []
    for target in targets:
        if target.pos_ == "NOUN" and (match_token(target) is not None or _general_act(target, event_type)
                                      or _possessor_undergoes(target)):
            authors = _act_authors(target) if event_type in ANSWERING_TYPES else []
            out.extend(authors or _pobjs(target, preps) or _pobjs(target.head, preps))
        else:
            out.append(target)
    return out


def _act_authors(act) -> list:
    """'the U.S. attack', "the court's ruling", 'the meeting called by the governor': who did the act — not the
    possessor of an act done to it ("condemned the journalist's killing": the journalist was killed)."""
    undergone = _possessor_undergoes(act)
    named = [c for c in act.children if (c.dep_ == "poss" and not undergone) or (
        c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in NAME_ENTS))]
    called = [a for c in act.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in _agent(c)]
    return named or called


def _actor_modifiers(token, actor_tokens: set[int], opposed: bool = False) -> list:
    """Actors modifying an event noun: its authors ("Israeli airstrikes"), or with ``opposed`` what it is
    against ("anti-India protests")."""
    deps = ("compound", "amod", "nmod") if opposed else ("poss", "compound", "amod", "nmod")
    return [c for c in token.children if c.dep_ in deps and c.i in actor_tokens and _opposed(c) == opposed]


def _opposed(modifier) -> bool:
    """'anti-India protests', 'anti-government rallies': the modifier after 'anti-' is what the act is against."""
    doc = modifier.doc
    i = modifier.i
    if modifier.lower_.startswith("anti-"):
        return True
    hyphenated = i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "anti"
    return hyphenated or (i >= 1 and doc[i - 1].lower_ == "anti-")


# verbs whose subject meets what its object names: "faced stiff opposition from Hungary", "drew criticism from"
MEETING_VERBS = frozenset({"face", "meet", "encounter", "draw", "receive", "attract", "suffer", "endure"})


def _received(token) -> Roles | None:
    """'The plan faces stiff opposition from Hungary', 'the minister drew criticism from the unions': an act named
    as what a subject meets, with a "from" phrase, is done by the "from" phrase's actor to that subject."""
    verb = token.head
    if token.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in MEETING_VERBS:
        return None
    doers = _pobjs(token, frozenset({"from"})) or _pobjs(verb, frozenset({"from"}))
    return Roles(doers, _children(verb, frozenset({"nsubj"}))) if doers else None


# words for a share of what their "of" phrase names ("much of the blame", "part of the sanctions")
PARTITIVES = frozenset({"much", "some", "most", "part", "all", "share", "bulk", "brunt"})


def _noun_roles(token, event_type: str, actor_tokens: set[int]) -> Roles:
    if token.dep_ == "pobj" and token.head.lower_ == "under":
        # "the convoy came under fire from rebels", "the government is under fire for ...": the subject
        # undergoes the act
        governor = token.head.head
        return Roles(_agent(governor) or _pobjs(governor, frozenset({"from"})),
                     _children(governor, frozenset({"nsubj", "nsubjpass"})))
    received = _received(token)
    if received is not None:
        return received
    preps = TYPE_PREPS.get(event_type, TARGET_PREPS)
    undergone = _possessor_undergoes(token)
    authors = [m for m in _actor_modifiers(token, actor_tokens) if not (undergone and m.dep_ == "poss")]
    sources = authors or _agent(token) or _described_by_agent(token) or _pobjs(token, frozenset({"from"}) - preps)
    sources = sources or _answerable(token)
    targets = _not_temporal(_pobjs(token, preps - {"from"} if event_type not in ("RETREAT", "REQUEST") else preps))
    targets = targets or _actor_modifiers(token, actor_tokens, opposed=True)
    owners = [c for c in token.children if c.dep_ == "poss" and (undergone or c.lower_ in PRONOUNS)]
    if undergone:
        targets = owners or targets
    elif not sources:
        sources = owners  # "its attack", "their protest": the possessive determiner names who acted
    # "an agreement between Iraq and Turkey" names the parties; "between the two countries" leaves them to
    # whoever announced it
    between = [b for b in _pobjs(token, frozenset({"between", "among"})) + _between_on_verb(token)
               if any(t.i in actor_tokens for t in _own_phrase(b))]
    if between and not sources:
        first = between[0]
        sources, targets = [first], [c for c in first.conjuncts] or targets
    if not sources and event_type == "CONSULT":
        sources = _members(token, actor_tokens)  # "a meeting of EU foreign ministers": they met
    # "launched an attack", "took part in the protests": the light verb's subject did it; "imposed a curfew
    # after the clashes" frames one act by another, whose doer the verb's subject is not
    if not sources and token.dep_ in ("dobj", "obj", "nsubjpass", "pobj", "attr") \
            and not (token.dep_ == "pobj" and token.head.lower_ in BACKGROUND_PREPS):
        governor = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ == "pobj" and token.head.lower_ == "of" and governor.lemma_.lower() in PARTITIVES:
            governor = governor.head  # "placed much of the blame on": the share's verb is the noun's
        if governor.pos_ in ("VERB", "AUX") and governor.lemma_.lower() in light_verbs():
            roles = _verb_roles(governor, event_type)
            sources = roles.sources
            if not targets:
                targets = [t for t in _pobjs(governor, preps) if t != token]
    if not targets and event_type in SYMMETRIC_TYPES:
        targets = _partner_on_predicate(token)
    if not sources and event_type in SYMMETRIC_TYPES and _pobjs(token, frozenset({"with"})):
        sources = _adjunct_subject(token)  # "speaking before talks with Sissi, Cameron noted ...": Cameron talked
    if not targets:
        targets = _victims_of(token)
    if not targets and event_type == "REQUEST":
        targets = _answerer(token)
    if not targets and event_type in SPEECH_TYPES:
        # "its demand that Israel ease restrictions": the one the demanded clause makes act
        targets = [s for c in that_clauses(token)
                   for s in _announced_target(c, event_type) or _children(c, SUBJECT_DEPS)]
    if not targets and token.dep_ == "nsubj" and token.head.pos_ == "VERB" and _harms(token.head):
        # "an airstrike hit a school"; not "that attack prompted the president to act"
        targets = _children(token.head, OBJECT_DEPS)
    return Roles(sources, targets)


VICTIM_NOUNS = frozenset({"victim", "casualty", "survivor"})


def _victims_of(act) -> list:
    """'the victims of the bombing', 'two stabbing victims', 'survivors of the attack': those named as an act's
    victims are the ones it was done to."""
    head = act.head
    if act.dep_ in ("compound", "amod") and head.lemma_.lower() in VICTIM_NOUNS:
        return [head]
    if act.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in VICTIM_NOUNS:
        return [head.head]
    return []


# verbs of answering a demand ("turn" with "down"): who grants, refuses or ignores it is the one it was made to
ANSWERING_VERBS = frozenset({"reject", "accept", "refuse", "decline", "turn", "ignore", "grant", "heed", "meet",
                             "dismiss", "spurn", "rebuff", "approve", "deny", "honour", "honor", "fulfil", "fulfill"})


# verbs and nouns of answering with the preposition that takes what is answered ("responded to the call")
ANSWERING_PHRASES = {"respond": "to", "reply": "to", "react": "to", "accede": "to", "bow": "to", "yield": "to",
                     "comply": "with", "adhere": "to", "response": "to", "answer": "to"}


def _answerer(noun) -> list:
    """'The governor rejected the opposition's demand', 'the request was turned down by the court': a demand
    is made to the one who answers it — the answering verb's subject, or its agent in the passive; also
    'responding to the request, the pilgrims left', 'in response to the call, the unions ...': the subject of the
    clause the answer is told in."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return _responder(noun.head.head, noun.head.lower_)
    verb = noun.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in ANSWERING_VERBS:
        return []
    if verb.lemma_.lower() == "turn" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return []
    if noun.dep_ in PASSIVE_SUBJECT_DEPS:
        return _agent(verb)
    if noun.dep_ in OBJECT_DEPS:
        return [s for s in _children(verb, SUBJECT_DEPS) if match_token(s) is None]
    return []


def _members(noun, actor_tokens: set[int]) -> list:
    """'a meeting of EU foreign ministers', 'a summit of African leaders': the "of" phrase of a meeting names who
    meet, when it names actors ("a meeting of two hours", "a meeting of minds" name none)."""
    return [m for m in _pobjs(noun, frozenset({"of"})) if any(t.i in actor_tokens for t in _own_phrase(m))]


def _responder(word, preposition: str) -> list:
    """Who answers with ``word`` ("responded to", "in response to"): its subject, else the subject of the clause
    it is an adjunct of."""
    if ANSWERING_PHRASES.get(word.lemma_.lower()) != preposition:
        return []
    if word.pos_ == "NOUN":
        if word.dep_ != "pobj" or word.head.lower_ != "in":
            return []
        word = word.head.head
    return _clause_subjects(word, frozenset({"advcl", "prep"}))


def _clause_subjects(clause, adjunct_deps: frozenset[str]) -> list:
    """The subjects of ``clause``, else of the clause it is an adjunct of (one step up, through one of
    ``adjunct_deps``): "Speaking before talks with X, Cameron ...", "responding to the request, the pilgrims ..."."""
    for _ in range(2):
        if clause.pos_ not in ("VERB", "AUX"):
            return []
        subjects = _children(clause, SUBJECT_DEPS)
        if subjects:
            return subjects
        if clause.dep_ not in adjunct_deps:
            return []
        clause = clause.head
    return []


def _own_phrase(noun) -> list:
    """The noun's phrase without its coordinated members: "between the factions and the army" names parties
    only if "the factions" is one (else the first party, expanded, would also be the second)."""
    members = {t.i for c in noun.conjuncts for t in c.subtree}
    return [t for t in noun.subtree if t.i not in members]


def _described_by_agent(noun) -> list:
    """'the complaints levelled by the opposition', 'an attack carried out by the militia': the agent of a
    participle describing an event noun is the author of the event — also where the parser hangs the participle
    on the noun's "of" phrase ("the complaints of discrimination levelled by the opposition") — and so is a "by"
    phrase right after the noun that the parser hangs on the active verb governing it ("reported the assault by
    the Taliban on a base")."""
    described = [noun] + [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"]
    agents = [a for n in described for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in _agent(c)]
    verb = noun.head
    if agents or noun.dep_ not in OBJECT_DEPS or _is_passive(verb):
        return agents
    return [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "by" and p.i == noun.right_edge.i + 1
            for g in p.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]


def _between_on_verb(noun) -> list:
    """'negotiations are on between X and Y', 'talks were held among the factions': the parties of an event
    noun that is a clause's subject may hang on the clause's verb."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return []
    return _pobjs(verb, frozenset({"between", "among"}))


def _partner_on_predicate(noun) -> list:
    """'Talks are underway with Iraqi officials', 'negotiations are continuing with the rebels': the partner of a
    meeting that is a clause's subject may hang on the clause's verb or on the adjective it predicates."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return []
    predicates = [verb] + [c for c in verb.children if c.dep_ in ("acomp", "advmod", "prt")]
    return [o for p in predicates for o in _pobjs(p, frozenset({"with"}))]


def asked_doers(token) -> list:
    """'demanded the resignation of the chief minister', 'called for Israel's withdrawal': the one whose own act a
    demand asks for (the "of" object or the possessor of an act noun that is not done to them, `undergone_nouns`)
    is the one the demand is made of; in "demanded the release of the prisoners" the prisoners are not."""
    asked = _children(token, OBJECT_DEPS) + _pobjs(token, frozenset({"for"}))
    return [doer for noun in asked if noun.pos_ == "NOUN" and match_token(noun) is not None
            and noun.lemma_.lower() not in undergone_nouns()
            for doer in _children(noun, frozenset({"poss"})) + _pobjs(noun, frozenset({"of"}))]


def _possessor_undergoes(token) -> bool:
    """'his arrest', "Besigye's release": the possessor is the one the act is done to, unless an "of" object
    names that one ("the army's arrest of three men")."""
    return token.lemma_.lower() in undergone_nouns() and not _pobjs(token, frozenset({"of"}))


def _adjunct_subject(noun) -> list:
    """The subject of the clause a prepositional phrase holding ``noun`` modifies, through a participle
    adjunct ("Speaking before talks with X, Cameron ..."); none when the phrase modifies a noun."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return []
    return _clause_subjects(noun.head.head, frozenset({"advcl"}))


def _predicate_roles(token) -> Roles:
    """"Tillerson said the regime was responsible for the attack": the one the adjective is said of is the
    accused, and whoever reports it (the reporting verb's subject) accuses."""
    copula = token.head if token.dep_ != "ROOT" else token
    targets = _children(copula, frozenset({"nsubj", "nsubjpass"}))
    reporter = next((a for a in list(copula.ancestors)[:4] if _reports(a)), None)
    if reporter is not None:
        return Roles(_children(reporter, frozenset({"nsubj"})), targets)
    return Roles([], targets)


def roles_of(token, is_verb: bool, event_type: str, actor_tokens: set[int]) -> Roles:
    if is_verb:
        return _verb_roles(token, event_type)
    if token.pos_ == "ADJ":
        return _predicate_roles(token)
    return _noun_roles(token, event_type, actor_tokens)


def prep_targets(token, event_type: str) -> list:
    """'fired water cannon at a supply boat': when the object is no actor, the prepositional
    phrase that aims the act names the target."""
    # "what Russia has been asking from Serbia": one asks something from whom the request is made to
    left_out = {"of", "for"} if event_type == "REQUEST" else {"from", "of", "for"}
    preps = TYPE_PREPS.get(event_type, TARGET_PREPS) - left_out
    return _past_event_nouns(_not_temporal(_pobjs(token, preps)), preps)



def fallback_targets(token, event_type: str, particle: str | None) -> list:
    """Where a verb's own object names no target: the phrase that aims the act ("fired water cannon at a
    supply boat"), then the people force is used on ("to disperse the protesters"), then the object of a
    phrasal verb's own preposition ("called on the prime minister")."""
    return (prep_targets(token, event_type) or purpose_targets(token, event_type)
            or (particle_targets(token, particle) if particle else []) or shared_partner(token, event_type)
            or _victims_of(token))


# Acts between two parties whose partner a "with" phrase names ("cut ties with", "downgraded relations with"),
# and accusations whose accused an "on" or "against" phrase names ("decried the death and blamed it on X").
WITH = frozenset({"with"})
PARTNER_PREPS: dict[str, frozenset[str]] = {"SANCTION": WITH, "CONSULT": WITH, "COOPERATE": WITH, "AGREE": WITH,
                                            "ACCUSE": frozenset({"on", "against"})}


def shared_partner(token, event_type: str) -> list:
    """'have cut ties or downgraded their relationships with Iran': the partner named once, after the last of
    coordinated verbs, is the partner of each; 'condemned the killing and blamed it on the militia': so is the
    one blamed, of the condemnation."""
    preps = PARTNER_PREPS.get(event_type)
    if preps is None:
        return []
    for verb in (c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        for word in (verb, *_children(verb, OBJECT_DEPS)):
            partners = _not_temporal(_pobjs(word, preps))
            if partners:
                return partners
    return []


def purpose_targets(token, event_type: str) -> list:
    """'fired tear gas to disperse the protesters': force used to do something to people is used on them."""
    if event_type not in FORCE_TYPES:
        return []
    for clause in token.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return [o for o in _children(clause, OBJECT_DEPS) if o.lemma_.lower() not in WEAPON_WORDS]
    return []


def particle_targets(token, particle: str) -> list:
    """'called on the prime minister': a phrasal trigger's own preposition names whom the act is aimed at."""
    return _not_temporal(_pobjs(token, frozenset({particle})))


# Acts done to people by their meaning: one arrests, deports, beats, abducts, convicts, expels or
# releases a person (objects that are things are excluded where the trigger is found: thing_nouns.tsv).
PEOPLE_MODES = frozenset({"arrest", "deport", "beat", "abduct", "convict", "expel", "release"})
# what is killed, murdered or stabbed is someone ("a cook was stabbed to death"): the verb names its victims
KILLING_VERBS = frozenset({"kill", "murder", "stab", "lynch", "behead", "assassinate", "slay", "strangle",
                           "massacre", "slaughter", "butcher"})


def takes_people(token, mode: str | None, is_verb: bool) -> bool:
    """Whether the trigger's target role can only be filled by people: a person-directed act, or a
    verb whose object is asked, told or accused to do something ("asked the traders to close",
    "accused the guards of beating"), which makes the object an agent."""
    if not is_verb:
        return False  # a noun's prepositions also name places and times ("arrests on the island")
    if mode in PEOPLE_MODES or token.lemma_.lower() in KILLING_VERBS:
        return True
    if any(c.dep_ == "ccomp" and _subjunctive(c) for c in token.children):
        return True     # "demanded that the centre take steps": who is to act is an agent
    if any(addressed_to_act(g) for p in _children(token, ("prep",)) for g in _children(p, ("pobj",))):
        return True     # "appealed to the speaker to allow a clarification", "called on the board to act"
    if not _children(token, OBJECT_DEPS):
        return False
    # "accused the guards of beating": the "of" phrase hangs on the verb or, in some parses, on the object
    holders = [token, *_children(token, OBJECT_DEPS)]
    return any(_to_infinitive(c) for c in token.children if c.dep_ in ("xcomp", "ccomp")) or any(
        g.tag_ == "VBG" for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children)


def _subjunctive(verb) -> bool:
    """'that the centre take steps', 'that the official be relieved': a bare verb with a subject of its own, which
    the tagger may read as a present form (VBP) after a singular subject, where English would write "takes"."""
    subjects = _children(verb, SUBJECT_DEPS)
    if not subjects or any(c.dep_ in ("aux", "auxpass") and c.lower_ != "be" for c in verb.children):
        return False
    return verb.tag_ == "VB" or (verb.tag_ == "VBP" and subjects[0].tag_ in ("NN", "NNP")
                                 and subjects[0].lower_ not in PRONOUNS)


def _to_infinitive(verb) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def speaks(token, event_type: str, is_verb: bool) -> bool:
    """Whether the trigger's source role can only be filled by people: the active subject of a speech
    act ("the sena chief appealed to ...", "the traders' body demanded ...") is someone who speaks."""
    return is_verb and event_type in SPEECH_ACT_TYPES and not _is_passive(token)

