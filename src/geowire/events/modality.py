"""Whether a coded clause reports a happening, and in which mode (PLOVER's auxiliary mode).

* A security advisory is no threat: "the embassy warned citizens to avoid the border"
  tells people to keep safe; "the militia warned it would retaliate" announces an act.
* A claim of responsibility names the author of the act it claims: "X claimed
  responsibility for the bombing" is the bombing, by X, on X's word.
* Mode: ``negated`` for a denied act, ``hypothetical`` for one under would/could/might or a
  condition, ``future`` for a planned or announced one, ``historical`` for an act dated
  more than a month before the report.
"""

from __future__ import annotations

from datetime import date, timedelta

from geowire.actors.organs import default_organs
from geowire.events.certainty import ATTEMPT_NOUNS
from geowire.events.hazards import is_natural_harm
from geowire.events.lexicon import light_verbs, person_nouns, reporting_words, word_list
from geowire.events.triggers import PARTNER_PREPS, PRESS_WORDS, match_token, plural_party
from geowire.model import EventArg, EventDate

HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
HISTORICAL_AFTER = timedelta(days=31)
QUOTE_MARKS = frozenset('"\u201c\u201d')
WARNING_LEMMAS = frozenset({"warn", "caution", "advise"})
INTENT_AUX = frozenset({"will", "would", "'ll", "shall"})
# those a warning keeps safe, not those it menaces
ADVISED_SECTORS = frozenset({"CVL", "REF", "BUS", "EDU", "LAB", "AGR", "MED", "JRN"})


def is_advisory(trigger, index=None) -> bool:
    """'warned citizens to avoid travel', 'warned of heavy rain': a warning that announces no
    act of the speaker's own is advice, not a threat; so is 'a warning that migrants are being traded'."""
    if trigger.type != "THREATEN":
        return False
    return is_advisory_verb(trigger.token, index) or _warning_of_a_state(trigger.token)


SPEAKER_PRONOUNS = frozenset({"it", "we", "they", "i", "he", "she", "you", "who"})


def _announces_own_act(clause) -> bool:
    """'warned (that) it would retaliate', 'that the government would not tolerate ...': the clause's subject is an
    actor; 'warned that the plans would lead to clashes' predicts, it announces nothing anyone will do."""
    if not any(c.dep_ == "aux" and c.lower_ in INTENT_AUX for c in clause.children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and an_actor_word(c) for c in clause.children)


ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Bodies that act, beside the words for people (person_nouns.tsv) a side may be headed by.
BODY_WORDS = frozenset({"country", "state", "nation", "delegation", "team", "committee", "union", "council",
                        "executive", "alliance", "coalition", "organisation", "organization", "movement", "side",
                        "regime", "administration", "leadership", "body", "cabinet", "parliament", "assembly"})


def an_actor_word(token) -> bool:
    """A pronoun, a named actor, a word for people or a body ("the government", "his country"), not a thing
    ("the plans")."""
    lemma = token.lemma_.lower()
    return (token.lower_ in SPEAKER_PRONOUNS or token.ent_type_ in ACTOR_ENTS or token.pos_ == "PROPN"
            or lemma in person_nouns() or lemma in BODY_WORDS)


def _warning_of_a_state(noun) -> bool:
    """'a warning from U.N. officials that migrants are being traded': a warning noun whose clause tells what is
    so, with no act announced by the speaker."""
    if noun.lemma_.lower() != "warning":
        return False
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return bool(clauses) and not any(_announces_own_act(c) for c in clauses)


def is_advisory_verb(token, index=None) -> bool:
    """'warned citizens to avoid the border', 'warned of floods' (advice), not 'warned Iran
    against further attacks' (an adversary addressed) or 'warned it would retaliate' (an act announced)."""
    if token.lemma_.lower() not in WARNING_LEMMAS:
        return False
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if any(_announces_own_act(c) for c in clauses):
        return False  # "warned (that) it would retaliate": the speaker's own act
    if any(any(c.dep_ == "aux" and c.lower_ in INTENT_AUX for c in clause.children) for clause in clauses):
        return True  # "warned that the plans would lead to clashes": a prediction
    addressed = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if not addressed or index is None:
        return True
    actor = index.covering(addressed[0]) or index.within(addressed[0])
    return actor is None or actor.sector in ADVISED_SECTORS or (actor.country is None and actor.sector is None)


# Acts done to people: "released images", "freed funds" or "arrested the decline" are no such act.
ACTS_ON_PEOPLE = frozenset({("RETREAT", "release"), ("COERCE", "arrest"), ("ASSAULT", "abduct")})


def standards() -> frozenset[str]:
    return word_list("standards.tsv")


def thing_nouns() -> frozenset[str]:
    return word_list("thing_nouns.tsv")


def no_victims() -> frozenset[str]:
    return word_list("no_victims.tsv")


def statement_nouns() -> frozenset[str]:
    return word_list("statement_nouns.tsv")


def _undergoers(verb) -> list:
    """What the verb is done to: its object, or in the passive its subject."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return [c for c in verb.children if c.dep_ in (("nsubjpass",) if passive else ("dobj", "obj"))]


def is_denial(trigger) -> bool:
    """'rejected that theory', 'dismissed the group's claim as propaganda': a rejection of something said
    denies it; it refuses no demand, offer or plan."""
    if trigger.type != "REJECT" or not trigger.is_verb:
        return False
    objects = _undergoers(trigger.token)
    return bool(objects) and all(o.lemma_.lower() in statement_nouns() for o in objects)


def is_danger(trigger) -> bool:
    """'the perceived threat from Iran', 'the threat of terrorism remains high', 'poses a threat': a danger,
    not an act of threatening. The noun tells an act when someone's ("Israel's threats"), made by someone
    ("threats by the militia", "issued a threat"), aimed at someone ("threats against the peacekeepers") or of
    a stated act ("the threat to close the strait")."""
    token = trigger.token
    if trigger.is_verb or trigger.type != "THREATEN" or token.lemma_.lower() != "threat":
        return False
    authored = any(c.dep_ == "poss" or (c.dep_ in ("prep", "agent") and c.lower_ in ("by", "against"))
                   or (c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
                   for c in token.children)
    made = token.dep_ in ("dobj", "obj") and token.head.lemma_.lower() in light_verbs()
    return not (authored or made)


RELATIVE_PRONOUNS = frozenset({"which", "that"})


def _standing_for(subject):
    """The noun a relative pronoun stands for ("the scheme, which provides ..."), else the subject itself."""
    if subject.lower_ in RELATIVE_PRONOUNS:
        return next((node.head for node in subject.ancestors if node.dep_ == "relcl"), subject)
    return subject


# endings of abstract nouns: "legislation", "judgement", "awareness", "security", "nationalism", "presence"
ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence")
DEMONSTRATIVES = frozenset({"this", "that", "these"})


def a_thing(token) -> bool:
    """A subject that is plainly no actor: a demonstrative standing alone ("that helps"), a word of a thing, a
    statement or a framework ("the scheme", "the claim"), an abstract noun ("the legislation"), a noun with a
    clause of what it is ("the fact that ..."), or an act named as a noun ("the curbs helped")."""
    word = token.lemma_.lower()
    if token.pos_ in ("PRON", "DET"):
        return token.lower_ in DEMONSTRATIVES
    if token.pos_ != "NOUN":
        return False
    if word in word_list("framework_nouns.tsv") or word in thing_nouns() or word in statement_nouns():
        return True
    if any(c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
           for c in token.children):
        return True
    return word.endswith(ABSTRACT_ENDINGS) or match_token(token) is not None


def is_giving_by_a_thing(trigger, index) -> bool:
    """'That helps to explain why the talks stalled', 'the scheme provides for a payment', 'the new legislation
    helped voters register': a thing, a fact or an abstraction that helps or provides gives nothing; only an actor
    aids ("Japan provided tents", "volunteers helped the villagers"). A subject neither known as an actor nor
    plainly a thing ("hindus had helped their neighbours" in lower-case text) keeps the act."""
    if trigger.type != "AID" or not trigger.is_verb:
        return False
    subjects = [_standing_for(c) for c in trigger.token.children if c.dep_ == "nsubj"]
    givers = word_list("giving_bodies.tsv")
    return bool(subjects) and all(a_thing(s) and not (an_actor_word(s) or _an_organ(s) or s.lemma_ in givers
                                                      or index.covering(s) is not None) for s in subjects)


def _an_organ(token) -> bool:
    """A word the actor tables read as a state organ or a group ("the centre", "the trust")."""
    return bool(default_organs().candidates(token.lower_) or default_organs().candidates(token.lemma_.lower()))


def is_act_on_things(trigger, index) -> bool:
    """A verb of an act on people whose object is a thing ("satellite images released by the
    company", "released a statement"); a meeting with a standard ("failed to meet their obligations"); an act
    of giving by a thing (`is_giving_by_a_thing`)."""
    if is_giving_by_a_thing(trigger, index):
        return True
    if trigger.is_verb and trigger.type == "CONSULT" and trigger.token.lemma_.lower() == "meet":
        objects = [c for c in trigger.token.children if c.dep_ in ("dobj", "obj")]
        return bool(objects) and all(o.lemma_.lower() in standards() for o in objects)
    if not trigger.is_verb or ((trigger.type, trigger.mode) not in ACTS_ON_PEOPLE and trigger.type != "ASSAULT"):
        return False
    token = trigger.token
    objects = [token.head if o.tag_ in ("WDT", "WP") and token.dep_ in ("relcl", "acl") else o
               for o in _undergoers(token)]  # "a suggestion which the PM has shot down"
    if not objects and token.dep_ == "acl" and token.tag_ == "VBN":
        objects = [token.head]  # "images released last week"
    things = no_victims() if (trigger.type, trigger.mode) not in ACTS_ON_PEOPLE else thing_nouns()
    return bool(objects) and all(o.lemma_.lower() in things and index.covering(o) is None for o in objects)


NON_VIOLENT_FIELDS = frozenset({"diplomatic", "political", "legal", "verbal", "rhetorical", "trade", "economic",
                                "propaganda", "electoral", "courtroom", "media", "public-relations", "price",
                                # words of harsh criticism: "the withering attacks against her in the press"
                                "withering", "scathing", "blistering", "stinging"})


def is_figurative_fight(trigger) -> bool:
    """'the diplomatic battle between Riyadh and Tehran', 'a legal fight', 'a trade war': a contest fought
    by other means is no armed one; nor is launching or waging one ("launched a blistering attack on the
    minister", which is censure: the noun's own reading in triggers.tsv)."""
    if trigger.type != "ASSAULT":
        return False
    token = trigger.token
    fights = [token] if not trigger.is_verb else [
        o for o in token.children if o.dep_ in ("dobj", "obj") and match_token(o) is not None]
    return any(c.dep_ in ("amod", "compound") and c.lower_ in NON_VIOLENT_FIELDS for f in fights for c in f.children)


def is_one_bodys_meeting(trigger) -> bool:
    """'the VHP's two-day meeting', 'a meeting of the CPM state secretariat': a meeting held by one body, with no
    partner named, is that body's own business, no consultation between parties ('a meeting of the two
    leaders', 'the governor's meeting with the minister', 'held a meeting with officials' are)."""
    token = trigger.token
    if trigger.type != "CONSULT" or trigger.is_verb or token.lemma_.lower() != "meeting":
        return False
    holders = [c for c in token.children if c.dep_ == "poss"] + [
        g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    if not holders or any(plural_party(h) for h in holders):
        return False
    holding = [token.head] if token.dep_ in ("dobj", "obj") else []
    return not any(c.dep_ == "prep" and c.lower_ in PARTNER_PREPS for w in (token, *holding) for c in w.children)


# one's own people, told what to do by their chief: "directed its personnel", "instructed his staff"
OWN_PEOPLE = frozenset({"personnel", "staff", "officer", "official", "man", "subordinate", "unit", "department",
                        "cadre", "worker", "employee", "member", "troops", "force", "commander", "agency"})


def is_order_to_own_people(trigger) -> bool:
    """'the state police directed its personnel to take precautions', 'he has instructed his staff to locate
    them': an order to one's own people runs a body from within; it is no request of another party."""
    token = trigger.token
    if trigger.type != "REQUEST" or not trigger.is_verb or token.lemma_.lower() not in ("direct", "instruct"):
        return False
    told = [c for c in token.children if c.dep_ in ("dobj", "obj", "dative")]
    return bool(told) and all(t.lemma_.lower() in OWN_PEOPLE and any(
        c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in t.children) for t in told)


def is_retort(trigger) -> bool:
    """'"We need no permission," Kishore shot back', 'fired back that the claims were false': to shoot or fire back
    words is to answer; shooting back at someone, or shooting back with no words told, stays a shooting."""
    token = trigger.token
    if trigger.type != "ASSAULT" or not trigger.is_verb or token.lemma_.lower() not in ("shoot", "fire"):
        return False
    children = list(token.children)
    answered = any(c.dep_ in ("ccomp", "parataxis") for c in children) or (
        token.dep_ in ("advcl", "parataxis") and any(t.text in QUOTE_MARKS for t in token.head.subtree))
    return (any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in children) and answered
            and not any(c.dep_ in ("dobj", "obj") for c in children)
            and not any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into") for c in children))


def is_showing(trigger) -> bool:
    """'the notes demonstrate clearly why ...', 'demonstrated its resolve': to demonstrate something is to show it."""
    token = trigger.token
    return trigger.type == "PROTEST" and token.lemma_.lower() == "demonstrate" and any(
        c.dep_ in ("dobj", "obj", "ccomp") for c in token.children)


STANDING_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE", "MOBILIZE", "AGREE"})
DATE_ENTS = frozenset({"DATE", "TIME"})


def is_standing_relation(trigger) -> bool:
    """'Iranian forces supporting the Syrian regime', 'troops stationed in Kosovo', 'militias backed by
    Tehran': a participle that describes a noun by a lasting relation (support, aid, cooperation, being posted
    somewhere) tells what the noun is, not something that happened — and so does a simple-present relative clause
    of any act ('the forces it backs', 'countries which blame Pakistan for ...') — unless it is dated."""
    token = trigger.token
    participle = trigger.type in STANDING_TYPES and token.dep_ == "acl" and token.tag_ in ("VBG", "VBN")
    describing = participle or _present_relative(token)
    return describing and not any(t.ent_type_ in DATE_ENTS for t in token.subtree)


def _present_relative(verb) -> bool:
    """'the forces it backs', 'militias that Iran arms': a relative clause in the simple present describes its
    noun as the participle does ('the militias Iran armed last year' tells an act)."""
    return verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


DOCUMENT_ENTS = frozenset({"EVENT", "LAW", "ORG", "WORK_OF_ART"})
FRAMING_PREPS = frozenset({"under", "within"})


def is_named_document(trigger) -> bool:
    """'the 1977 Panama Canal Treaty', 'under a 1960 pact', 'under the Paris Agreement': an agreement named as a
    document, or as the frame something is done under, is no agreement reached in the news."""
    token = trigger.token
    if trigger.is_verb or trigger.type != "AGREE":
        return False
    named = token.pos_ == "PROPN" and token.ent_type_ in DOCUMENT_ENTS
    framing = token.dep_ == "pobj" and token.head.lower_ in FRAMING_PREPS
    return named or framing


# "promised that the roads would reopen": a promise binds the one who makes it, whatever its clause says
COMMISSIVES = frozenset({"promise", "pledge", "vow", "undertake"})


def is_shared_view(trigger) -> bool:
    """'critics agree that the trip matters', 'officials concede that progress is slow': agreeing
    or conceding *that* something is so states a view, not an agreement or a concession."""
    token = trigger.token
    if trigger.type not in ("AGREE", "CONCEDE") or not trigger.is_verb or token.lemma_.lower() in COMMISSIVES:
        return False
    # a finite clause ("agree that the trip matters"), not a small clause ("allow the inspectors back")
    has_clause = any(c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") for c in token.children)
    has_object = any(c.dep_ in ("dobj", "obj", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("to", "with"))
                     for c in token.children)
    return has_clause and not has_object


NOUN_POSITIONS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "attr", "appos"})
CLAUSE_PARTS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "agent", "aux", "auxpass", "prep", "advmod"})


def is_people_word(trigger) -> bool:
    """'The accused were remanded', 'the wounded were taken to hospital': a participle with a determiner, standing
    where a noun stands and with no clause of its own, names people by what was done to them, not an act."""
    token = trigger.token
    return (trigger.is_verb and token.tag_ == "VBN" and token.dep_ in NOUN_POSITIONS
            and any(c.dep_ == "det" for c in token.children)
            and not any(c.dep_ in CLAUSE_PARTS for c in token.children))


def is_press_release(trigger) -> bool:
    """'a press release', 'the release of the report', 'an official release said': a release of things or a
    release that speaks is a statement, not the freeing of people."""
    token = trigger.token
    if trigger.is_verb or (trigger.type, trigger.mode) != ("RETREAT", "release"):
        return False
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")}
    released = {g.lemma_.lower() for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"}
    # "an official release of the department said": the small model may miss the subject of the verb after it
    after = token.right_edge.i + 1
    said = token.head if token.dep_ == "nsubj" else token.doc[after] if after < len(token.doc) else None
    speaks = said is not None and said.pos_ in ("VERB", "AUX") and said.lemma_.lower() in reporting_words()["V"] \
        and (said == token.head or not any(c.dep_ in ("nsubj", "nsubjpass") for c in said.children))
    return bool(modifiers & {"press", "news", "media"} or released & thing_nouns()) or speaks


# Nouns an act's name can modify while still telling of the act ("a bombing campaign", "the attack wave").
ACT_FRAMES = ATTEMPT_NOUNS | {"spree", "wave", "series", "mission", "blitz", "raid", "outbreak", "escalation",
                              "initiative", "process", "round", "package"}


def is_classifier(trigger) -> bool:
    """'attack helicopters', 'an arrest warrant', 'asylum-seekers', 'the criminal investigation department':
    an act's name modifying a noun that is no act itself says what kind of thing or person that is; nothing
    happened."""
    token = trigger.token
    head = token.head
    if trigger.is_verb or token.dep_ != "compound" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    return head.lemma_.lower() not in ACT_FRAMES and match_token(head) is None


# Ending or easing an act is not doing it: "the lifting of sanctions", "relief from sanctions", "ended the siege".
UNDOING_NOUNS = frozenset({"lifting", "easing", "relaxation", "relief", "removal", "suspension", "withdrawal"})
UNDOING_VERBS = frozenset({"lift", "ease", "relax", "end", "remove", "scrap", "rescind", "repeal", "waive",
                           "suspend", "cancel", "halt", "postpone", "defer", "adjourn", "shelve"})
# Phrasal verbs that put an act off: "called off the talks", "put off the meeting".
PUTTING_OFF = frozenset({"call", "put"})


def _undoing_verb(verb) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in PUTTING_OFF:
        return any(c.dep_ in ("prt", "compound:prt") and c.lower_ == "off" for c in verb.children)
    return lemma in UNDOING_VERBS


def is_undone(trigger) -> bool:
    """'with the lifting of all restrictions', 'could bring Iran relief from economic sanctions', 'lifted
    sanctions on Iran', 'the meeting was postponed', 'called off the talks': the act named is the one being ended
    or put off, not one that happened here."""
    token = trigger.token
    if trigger.is_verb:
        return False
    if token.dep_ in ("dobj", "obj", "nsubjpass"):
        return _undoing_verb(token.head)
    if token.dep_ == "pobj" and token.head.lower_ in ("of", "from"):
        governor = token.head.head
        return governor.pos_ == "NOUN" and governor.lower_ in UNDOING_NOUNS
    return False


# Nouns of an act feared or expected: "the threat of further attacks", "fear of reprisals", "the risk of clashes".
DANGER_NOUNS = frozenset({"threat", "risk", "fear", "danger", "prospect", "possibility", "spectre", "specter",
                          "likelihood", "chance", "warning"})


def is_feared(trigger) -> bool:
    """'stoked by the threat of further attacks', 'amid fears of reprisals': the act a danger noun names may yet
    come; it has not happened."""
    token = trigger.token
    if trigger.is_verb or token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    return token.head.head.lemma_.lower() in DANGER_NOUNS


# An election campaign's rally gathers a candidate's supporters; it protests nothing.
CAMPAIGN_WORDS = frozenset({"campaign", "election", "electoral", "re-election", "reelection", "victory"})


def is_campaign_rally(trigger) -> bool:
    """'during a campaign rally in Denver', 'an election rally': a candidate's meeting, not a protest."""
    token = trigger.token
    return trigger.type == "PROTEST" and token.lemma_.lower() == "rally" and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in CAMPAIGN_WORDS for c in token.children)


# A deity is no party to a political act: "thank God", "I ask God to ...".
# Words that place a time before an act still to come: "ahead of the talks", "on the eve of the summit", "in the
# run-up to the vote", "in preparation for the visit", "in anticipation of protests".
UPCOMING_FRAMES = frozenset({"ahead", "eve", "preparation", "preparations", "anticipation", "prelude", "run-up",
                             "lead-up", "build-up"})


def is_upcoming(trigger) -> bool:
    """'Security was tight ahead of the talks': an act named only as a time to come; if it took place, the
    article tells it elsewhere."""
    token = trigger.token
    if trigger.is_verb or token.dep_ != "pobj" or token.head.lower_ not in ("of", "to", "for"):
        return False
    frame = token.head.head
    word = frame.lower_
    if word == "up":  # spaCy splits "run-up" into "run", "-", "up"
        word = "-".join(c.lower_ for c in frame.children if c.dep_ == "compound") + "-up"
    return word in UPCOMING_FRAMES


REFLEXIVES = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves",
                        "themselves", "oneself"})


def is_self_restraint(trigger) -> bool:
    """'forces have restricted themselves in the firepower they use', 'the club banned itself from Europe':
    restraint or a penalty one imposes on oneself coerces or punishes no one."""
    token = trigger.token
    return (trigger.is_verb and trigger.type in ("COERCE", "SANCTION")
            and any(c.dep_ in ("dobj", "obj") and c.lower_ in REFLEXIVES for c in token.children))


# Verbs that charge someone with an act: what the charged one is said to have done is alleged, not told. Not
# "condemn", "criticise", "denounce": one condemns an act for what it was ("condemned Russia for attacking
# civilians" takes the attack as done).
CHARGING_VERBS = frozenset({"accuse", "blame", "charge", "fault", "suspect", "indict", "implicate"})


def is_charged_act(trigger) -> bool:
    """'blame Pakistan for supporting terror groups', 'are suspected of having helped the attackers': the act
    someone is charged with is the charge's content; the accusation is the event ("blamed Pakistan for the
    attack" names an attack that did happen, and is not read here)."""
    token = trigger.token
    if not trigger.is_verb:
        return False
    while token.dep_ == "conj" and token.head != token:  # "of backing and supporting militants"
        token = token.head
    perfect = token.tag_ == "VBN" and any(c.lower_ == "having" for c in token.children)  # "of having helped"
    gerund = token.tag_ == "VBG" or (token.tag_ == "NN" and token.lower_.endswith("ing"))  # parsed as a noun
    if not (gerund or perfect) or token.dep_ not in ("pcomp", "pobj") or token.head.lower_ not in ("for", "of"):
        return False
    charged = token.head.head  # the verb, or its object when the parser hangs the phrase there
    if charged.dep_ in ("dobj", "obj"):
        charged = charged.head
    return charged.lemma_.lower() in CHARGING_VERBS


# Verbs of commenting or of calling something by a name: refusing them withholds a view and refuses no one's
# demand ("declined to comment", "refused to qualify the riots as terrorism"); CAMEO keeps "decline comment" among
# statements, apart from its rejections. Withholding what others ask to know ("refused to reveal the number of
# casualties") refuses a demand and stays a rejection.
SAYING_VERBS = frozenset({"comment", "elaborate", "speculate", "qualify", "describe", "term", "label",
                          "characterize", "characterise"})
REFUSING_VERBS = frozenset({"refuse", "decline"})


def is_withheld_statement(trigger) -> bool:
    """'the spokesman declined to comment', 'refused to describe the riots as terrorism': a refusal to comment on
    something or to call it by a name withholds a view; it rejects no demand, offer or plan."""
    token = trigger.token
    if not trigger.is_verb or trigger.type != "REJECT" or token.lemma_.lower() not in REFUSING_VERBS:
        return False
    contents = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
    return bool(contents) and all(c.lemma_.lower() in SAYING_VERBS for c in contents)


# What a promise of an act against someone promises: punishment or pressure is no cooperation ("promised swift
# justice", "pledged to keep up the pressure on the regime"); a promise of retaliation is a threat (the "vow"
# rows of data/triggers.tsv), not an agreement.
PUNITIVE_NOUNS = frozenset({"justice", "punishment", "pressure", "retaliation", "revenge", "vengeance",
                            "retribution", "reprisal", "reprisals", "crackdown", "consequences"})


def is_promise_of_no_cooperation(trigger) -> bool:
    """'promised to be vocal', 'pledged to remain firm': a promise of how one will be states a stance; 'promised
    swift justice', 'pledging to sustain pressure on the president': a promise to punish or press someone agrees
    to nothing. A promise of an act for or with someone ('promised aid', 'pledged to democratize the country')
    stays an agreement."""
    token = trigger.token
    if not trigger.is_verb or trigger.type != "AGREE" or token.lemma_.lower() not in COMMISSIVES:
        return False
    contents = [c for c in token.children if c.dep_ == "xcomp"]
    if any(c.lemma_.lower() in ("be", "remain", "stay") and not any(g.dep_ in ("dobj", "obj") for g in c.children)
           for c in contents):
        return True
    promised = [c for w in (token, *contents) for c in w.children if c.dep_ in ("dobj", "obj")]
    return bool(promised) and all(o.lemma_.lower() in PUNITIVE_NOUNS for o in promised)


def is_attribute(trigger) -> bool:
    """'the donated stones were kept at the temple', 'the proposed programme', 'the agreed plan': a participle
    before a thing's noun tells what the thing is, an attribute; the act itself, when the article tells it, has
    its own clause. People named by what was done to them ('the arrested persons were identified as ...') are
    the act's own mention and are left to it."""
    token = trigger.token
    if not (trigger.is_verb and token.dep_ == "amod" and token.tag_ == "VBN" and token.i < token.head.i):
        return False
    noun = token.head
    if noun.ent_type_ in ("PERSON", "NORP") or noun.lemma_.lower() in person_nouns():
        return False
    # a dated participle tells an act ("police on friday lathicharged ram sevaks", the parser's attribute)
    if any(c.dep_ == "npadvmod" and not _hyphened_to(c, token) for c in token.children) \
            or any(t.ent_type_ in DATE_ENTS for t in token.subtree):
        return False
    # "had earlier summoned the attorney-general", "police on friday lathicharged ram sevaks": a finite verb
    # the parser read as an attribute of its object follows an auxiliary or its subject's phrase, which an
    # attribute, after a determiner, a preposition or a verb, does not
    if token.left_edge.i == 0:
        return True
    before = token.doc[token.left_edge.i - 1]
    subject_like = before.pos_ in ("NOUN", "PROPN") or (before.pos_ == "PRON" and before.tag_ != "PRP$")
    return not subject_like and before.pos_ != "AUX" and before.lemma_.lower() not in ("have", "be")


def _hyphened_to(word, participle) -> bool:
    """'Russian-backed', 'state-sponsored': a word joined to the participle by a hyphen is part of the
    attribute, not a time it was done at."""
    doc = participle.doc
    return word.i == participle.i - 2 and doc[participle.i - 1].text == "-" \
        and not doc[participle.i - 1].whitespace_ and not word.whitespace_


OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my"})
# Prepositions that name whom a suspension is aimed at or withheld from ("its flights to Egypt", "its aid for
# the army", "cooperation with Russia").
WITHHELD_FROM = frozenset({"to", "with", "for", "from", "against", "on", "toward", "towards", "between"})


def is_own_suspension(trigger) -> bool:
    """'the airline has suspended all flights of its fleet', 'the firm halted its operations': stopping one's own
    activity cuts no one off; a suspension sanctions someone through what it withholds from them ('suspended its
    aid to Egypt', 'suspended cooperation with Russia', 'aid was suspended')."""
    token = trigger.token
    if not trigger.is_verb or (trigger.type, trigger.mode) != ("SANCTION", "discontinue"):
        return False
    objects = _undergoers(token)
    owned = any(t.dep_ == "poss" and t.lower_ in OWN_POSSESSIVES for o in objects for t in o.subtree)
    aimed = any(c.dep_ == "prep" and c.lower_ in WITHHELD_FROM for w in (token, *objects) for c in w.subtree)
    return owned and not aimed


def is_credited_cause(trigger) -> bool:
    """'credited damaging sanctions for getting Iran to the table', 'credited the sanctions with bringing Iran to
    the table', 'credited the thaw to quiet diplomacy': an act
    praised as the cause of an outcome is mentioned in a judgement, not told. Not 'attribute' or 'ascribe', which
    mostly explain an outcome by a happening the article tells ('attributed the breakthrough to the talks held
    between them')."""
    token = trigger.token
    if trigger.is_verb:
        return False
    head = token.head
    if token.dep_ in ("dobj", "obj") and head.lemma_.lower() == "credit":  # "for"/"with" the outcome
        return any(c.dep_ == "prep" and c.lower_ in ("for", "with") for w in (head, token) for c in w.children)
    return token.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "credit"


# Verbs of a position held: in the simple present they describe where someone stands.
STANCE_VERBS = frozenset({"oppose", "favour", "favor"})


def is_standing_stance(trigger) -> bool:
    """'the United States opposes granting them diplomatic status': a position in the simple present describes a
    standing stance, as a present relative clause describes its noun; taking it ('opposed the plan on Monday',
    'has opposed the plan') is an act. So does being opposed to something ('the general was opposed to the
    partition', 'those opposed to the law say ...'): a participle of a stance said of someone."""
    token = trigger.token
    if not trigger.is_verb or token.lemma_.lower() not in STANCE_VERBS:
        return False
    if any(t.ent_type_ in DATE_ENTS for t in token.subtree):
        return False
    if token.tag_ in ("VBZ", "VBP"):
        return not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    return token.dep_ in ("acomp", "acl", "amod") and any(c.dep_ == "prep" and c.lower_ == "to"
                                                          for c in token.children)


def is_endangering(trigger) -> bool:
    """'the information can be easily compromised', 'leaks compromised the inquiry': to compromise something is
    to endanger it; only compromising with someone, or alone, is a concession."""
    token = trigger.token
    return (trigger.is_verb and trigger.type == "CONCEDE" and token.lemma_.lower() == "compromise"
            and any(c.dep_ in ("dobj", "obj", "nsubjpass", "auxpass") for c in token.children))


def is_striving(trigger) -> bool:
    """'Tehran seeks to secure a corridor': 'seek' with a to-infinitive and nothing sought is trying, no request."""
    token = trigger.token
    return (trigger.is_verb and token.lemma_.lower() == "seek"
            and not any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in token.children)
            and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    for c in token.children))


def is_address_to_a_meeting(trigger) -> bool:
    """'addressing a public meeting in Patna': a speech to an audience, not a meeting between parties."""
    token = trigger.token
    return (trigger.type == "CONSULT" and not trigger.is_verb and token.dep_ in ("dobj", "obj")
            and token.head.lemma_.lower() == "address")


DEITIES = frozenset({"god", "allah", "lord"})


def is_invocation(trigger) -> bool:
    """'thank God, we are inside the airport', 'I ask God to fill their hearts': a prayer or an exclamation."""
    token = trigger.token
    return trigger.is_verb and any(c.dep_ in ("dobj", "obj", "dative") and c.lower_ in DEITIES
                                   for c in token.children)




def is_press_contact(trigger, targets) -> bool:
    """'talks to reporters', 'spoke to journalists': a briefing is how the news is told, not a consultation."""
    if trigger.type != "CONSULT":
        return False
    if any(t is not None and t.sector == "JRN" for t in targets):
        return True
    # the word and its lemma: the small model lemmatises "media" to "medium"
    heads = [c for prep in trigger.token.children if prep.dep_ in ("prep", "dative")
             for c in prep.children if c.dep_ == "pobj"]
    # "talking to media persons": the word may be the modifier of a word for people
    heads += [m for c in heads for m in c.children if m.dep_ in ("compound", "amod")]
    words = {w for c in heads for w in (c.lower_, c.lemma_.lower())}
    return bool(words & PRESS_WORDS)


QUESTION_VERBS = frozenset({"ask", "inquire", "enquire", "query"})
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def is_question(trigger) -> bool:
    """'asked whether they would abide by the verdict', 'asked why the minister had not come', 'when asked about
    the stones, he said': a question put, not a request; 'asked the army to deploy', 'asked about the plan for
    help' ask for an act."""
    token = trigger.token
    if trigger.type != "REQUEST" or token.lemma_.lower() not in QUESTION_VERBS:
        return False
    if any(c.dep_ == "ccomp" and (asks_which(c) or _put_as_question(c)) for c in token.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "for" and _asks_for_comment(c) for c in token.children):
        return True  # "was asked for his reaction": a reporter's question
    asks_for = any((c.dep_ == "prep" and c.lower_ == "for") or c.dep_ == "xcomp" for c in token.children)
    asked = [token] + [c for c in token.children if c.dep_ in ("dobj", "obj", "dative")]
    return not asks_for and any(c.dep_ == "prep" and c.lower_ == "about" for a in asked for c in a.children)


# what a reporter asks someone for: a word on something, not an act
COMMENT_NOUNS = frozenset({"reaction", "reactions", "comment", "comments", "view", "views", "opinion", "response",
                           "remarks", "reply"})


def _asks_for_comment(preposition) -> bool:
    return any(c.dep_ == "pobj" and c.lower_ in COMMENT_NOUNS for c in preposition.children)


def _put_as_question(clause) -> bool:
    """'he asked: "has the anger settled down?"', '"Will the decision come?" he asked': a quoted question, ended by
    a question mark or opened by an auxiliary before its subject."""
    if any(t.text == "?" for t in clause.subtree) or any(c.text == "?" for c in clause.head.children):
        return True
    words = [t for t in clause.subtree if not t.is_punct]
    subject = next((t for t in words if t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head == clause), None)
    if not words or subject is None:
        return False
    opener = words[0]
    return opener.pos_ == "AUX" and opener.head == clause and opener.i < subject.i


def asks_which(clause) -> bool:
    """A clause opened by 'whether'/'if' or a wh-word ('what', 'why', 'how')."""
    opener = clause.doc[clause.left_edge.i]
    return opener.lower_ in ("whether", "if") or opener.tag_ in WH_TAGS


COURT_PLEAS = frozenset({"guilty", "innocent", "contest"})


# What is done with an appeal to a court: it is filed, heard, dismissed, upheld, won or lost.
COURT_APPEAL_VERBS = frozenset({"file", "lodge", "hear", "dismiss", "uphold", "win", "lose", "overturn", "quash"})
# What an appeal to a court is against.
RULINGS = frozenset({"verdict", "ruling", "sentence", "conviction", "judgment", "judgement", "acquittal", "order",
                     "decision", "decree"})


def is_claim_pleaded(trigger) -> bool:
    """'pleaded ignorance of his wife's dealings', 'pleads innocence': to plead a state of oneself is to claim it;
    only pleading for something, with someone or to be let do something asks anything."""
    token = trigger.token
    if not trigger.is_verb or trigger.type != "REQUEST" or token.lemma_.lower() != "plead":
        return False
    asks = any((c.dep_ == "prep" and c.lower_ in ("for", "with")) or c.dep_ in ("xcomp", "ccomp")
               for c in token.children)
    return not asks and any(c.dep_ in ("dobj", "obj") for c in token.children)


DEMANDING_MODALS = frozenset({"should", "must", "ought", "shall"})


def is_claim_insisted(trigger) -> bool:
    """'insists there has been no change', 'insisting his country's record is second to none': to insist that
    something is so is to claim it; only insisting that someone do, should or must do something asks for it
    ("insisted that the minister resign", "insisted that the talks should resume")."""
    token = trigger.token
    if not trigger.is_verb or trigger.type != "REQUEST" or token.lemma_.lower() != "insist":
        return False
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(_states_a_fact(c) for c in clauses)


def _states_a_fact(clause) -> bool:
    """A finite clause in the indicative: a tensed verb or auxiliary, none of them a modal of obligation."""
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in DEMANDING_MODALS for a in auxiliaries):
        return False
    if clause.lower_ in DEMANDING_MODALS:
        return False
    return clause.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ in ("VBD", "VBZ", "VBP", "MD") for a in auxiliaries)


def is_plea_of_court(token) -> bool:
    """'pleaded not guilty', 'entered a guilty plea', 'pleading the party's case in the supreme court': a
    defendant's answer or an advocate's argument in court, not an appeal to anyone."""
    lemma = token.lemma_.lower()
    if lemma not in ("plead", "plea", "enter"):
        return False
    words = {c.lower_ for c in token.subtree} | {c.lower_ for c in token.head.children}
    argues_a_case = lemma == "plead" and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "case"
                                             for c in token.children)
    return bool(words & COURT_PLEAS) or argues_a_case


def is_court_appeal(trigger) -> bool:
    """'the appeal was heard behind closed doors', 'filed an appeal against the verdict': a case taken to a
    higher court, not a plea to anyone."""
    token = trigger.token
    if trigger.is_verb or token.lemma_.lower() != "appeal":
        return False
    if any(_asks_for_something(c) for c in token.children):  # "dismissed an appeal from X to lay down arms"
        return False
    if token.dep_ in ("dobj", "obj", "nsubjpass") and token.head.lemma_.lower() in COURT_APPEAL_VERBS:
        return True
    return any(p.dep_ == "prep" and p.lower_ == "against" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in RULINGS for o in p.children) for p in token.children)


def _asks_for_something(child) -> bool:
    """'an appeal for calm', 'an appeal to lay down their arms': what a plea asks for."""
    return (child.dep_ == "prep" and child.lower_ == "for") or (child.dep_ in ("acl", "relcl", "xcomp")
                                                                and child.tag_ == "VB")


def responsibility_claimant(token, index) -> EventArg | None:
    """The claimant of 'X claimed responsibility for <this event>' (or 'X said it carried out')."""
    from geowire.events.sides import to_arg

    head = token.head
    if token.dep_ != "pobj" or head.lower_ != "for" or head.head.lemma_.lower() != "responsibility":
        return None
    verb = head.head.head
    if verb.lemma_.lower() not in ("claim", "take", "accept", "admit", "assume"):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    arg = to_arg(subjects[0], index)
    return arg if (arg.country or arg.sector) else None


def _auxiliaries(token) -> set[str]:
    words = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and token.pos_ == "NOUN":
        words |= {c.lower_ for c in token.head.children if c.dep_ == "aux"}
    return words


def _under_condition(token) -> bool:
    for node in (token, *list(token.ancestors)[:4]):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
            return True
    return False


def modality_of(token, certainty: str, when: EventDate | None, published: str | None) -> str | None:
    if certainty == "negated":
        return "negated"
    if certainty == "speculative" or (certainty == "hedged" and _under_condition(token)):
        hypothetical = _auxiliaries(token) & HYPOTHETICAL_AUX or _under_condition(token)
        return "hypothetical" if hypothetical else "future"
    if when is not None and when.text is not None and when.end and published:
        try:
            if date.fromisoformat(when.end) < date.fromisoformat(published[:10]) - HISTORICAL_AFTER:
                return "historical"
        except ValueError:
            return None
    return None


# Triggers that only look like events, each read from the trigger alone (the ones above that need the actor
# index or the whole sentence are asked by the coder itself).
LOOK_ALIKES = (is_denial, is_danger, is_shared_view, is_press_release, is_showing, is_question, is_named_document,
               is_people_word, is_classifier, is_undone, is_invocation, is_feared, is_campaign_rally,
               is_figurative_fight, is_standing_relation, is_address_to_a_meeting,
               is_striving, is_upcoming, is_court_appeal, is_self_restraint, is_endangering, is_charged_act,
               is_withheld_statement, is_promise_of_no_cooperation, is_attribute,
               is_own_suspension, is_credited_cause, is_standing_stance, is_claim_pleaded, is_claim_insisted,
               is_retort, is_one_bodys_meeting, is_order_to_own_people, is_natural_harm)


def only_looks_like_an_event(trigger) -> bool:
    """A denial, a danger, a view, a press release, a showing, a question, a named document, people named by what
    was done to them, a kind of thing, an act ended, a prayer, a feared act, a campaign rally, a figurative fight, a
    standing relation, a meeting addressed, a striving, an act to come, an appeal to a court, restraint of oneself,
    something endangered, an act someone is charged with, a withheld comment, a promise to punish or of a manner,
    an attribute, one's own activity stopped, an act credited as a cause, a stance held, a claim insisted on, a
    retort, one body's own meeting, an order to one's own people or harm done by a disease, a storm or an accident:
    a trigger word that tells no happening. (A word in another sense than its act's, "struck a posture", is
    events/senses.py's.)"""
    return any(look_alike(trigger) for look_alike in LOOK_ALIKES)
