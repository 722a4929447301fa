"""Features of a sentence for the learned type classifier (:mod:`.classifier`).

The rules do the reading; the classifier only decides between their readings. So the
features are what the rules found — the types of the candidate triggers and their rank,
the certainty cues on the main trigger ("will", "ready to": a statement of intent is
AGREE or THREATEN in PLOVER) — plus the lemmas along the main clause (root verb,
complement chain, objects) and a bag of content lemmas, so that a trigger the lexicon
lacks still leaves a trace.
"""

from __future__ import annotations

from geowire.events.certainty import clause_roles
from geowire.events.lexicon import reporting_words
from geowire.events.triggers import Trigger, span_bounds, token_strings

CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ"})
CHAIN_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl"})
INTENT_WORDS = frozenset({"will", "would", "shall", "ready", "willing", "prepared", "plan", "intend",
                          "going", "set", "expect", "decide", "promise", "vow", "pledge", "offer"})
MAX_CANDIDATES = 4


def event_head(sentence):
    """The clause that carries the news: the root, or what a reporting root reports
    ("X did Y, officials said" -> "did")."""
    root = sentence.root
    words = reporting_words()["V"]
    if root.lemma_.lower() in words or root.lower_ == "according":
        for child in root.children:
            if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
                return child
    return root


def _chain(token) -> list:
    """The verb and the complement verbs below it: 'agreed to set up', 'said it would send'."""
    out, current = [token], token
    for _ in range(3):
        nxt = next((c for c in current.children
                    if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX", "ADJ")), None)
        if nxt is None:
            break
        out.append(nxt)
        current = nxt
    return out


def _trigger_features(triggers: list[Trigger], candidates: list[Trigger]) -> dict[str, float]:
    feats: dict[str, float] = {}
    for rank, trigger in enumerate(triggers[:MAX_CANDIDATES]):
        weight = 1.0 if rank == 0 else 0.5
        key = "main" if rank == 0 else "cand"
        feats[f"{key}:{trigger.type}"] = max(feats.get(f"{key}:{trigger.type}", 0.0), weight)
        feats[f"{key}_lemma:{trigger.token.lemma_.lower()}"] = weight
        if trigger.mode:
            feats[f"{key}_mode:{trigger.type}/{trigger.mode}"] = weight
        if trigger.promised:
            feats[f"{key}_promised:{trigger.promised}"] = weight
    for trigger in candidates:
        feats[f"any:{trigger.type}"] = 1.0
    if not triggers:
        feats["no_trigger"] = 1.0
    return feats


def _cue_features(main: Trigger | None, head) -> dict[str, float]:
    feats: dict[str, float] = {}
    token = main.token if main is not None else head
    roles = clause_roles(token)
    for role in roles:
        feats[f"cue:{role}"] = 1.0
    governing = [t for t in [*token.children, *token.ancestors]
                 if t.dep_ in ("aux", "ROOT", "xcomp", "ccomp", "acomp", "conj") or t.pos_ == "AUX"]
    intent = any(t.lower_ in INTENT_WORDS or t.lemma_.lower() in INTENT_WORDS for t in governing)
    if intent:
        feats["intent"] = 1.0
    if main is not None:
        for role in roles or {"plain"}:
            feats[f"{main.type}|{role}"] = 1.0
        if intent:
            feats[f"{main.type}|intent"] = 1.0
    return feats


def _clause_features(sentence) -> dict[str, float]:
    feats: dict[str, float] = {}
    head = event_head(sentence)
    for depth, verb in enumerate(_chain(head)):
        feats[f"chain{min(depth, 2)}:{verb.lemma_.lower()}"] = 1.0
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "acomp") and child.pos_ in CONTENT_POS:
                feats[f"obj:{child.lemma_.lower()}"] = 1.0
                feats[f"vo:{verb.lemma_.lower()}_{child.lemma_.lower()}"] = 1.0
            elif child.dep_ == "prt":
                feats[f"prt:{verb.lemma_.lower()}_{child.lower_}"] = 1.0
            elif child.dep_ == "neg":
                feats["neg"] = 1.0
    return feats


def _bag(sentence) -> dict[str, float]:
    doc, words = sentence.doc, token_strings(sentence.doc)
    start, end = span_bounds(sentence)
    return {f"w:{words.lemma[i]}": 0.5 for i in range(start, end)
            if words.pos[i] in CONTENT_POS and not doc[i].is_stop}


def _subject_of(token):
    """The subject of a trigger, or of the verb a noun trigger is the object of."""
    for node in (token, token.head):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        if subjects:
            return subjects[0]
        if node.pos_ in ("VERB", "AUX"):
            break
    return None


def _actor_features(main: Trigger | None, head, index) -> dict[str, float]:
    """Who acts matters for the type: workers who "protest" demonstrate (PROTEST), a
    government that "protests" complains (ACCUSE)."""
    if index is None:
        return {}
    subject = _subject_of(main.token if main is not None else head)
    actor = None if subject is None else (index.covering(subject) or index.within(subject))
    sector = "none" if subject is None else (actor.sector or "unknown") if actor else "not-actor"
    feats = {f"subj:{sector}": 1.0}
    if main is not None:
        feats[f"{main.type}|subj:{sector}"] = 1.0
    return feats


def sentence_features(sentence, live: list[Trigger], candidates: list[Trigger], index=None) -> dict[str, float]:
    """``live``: event-bearing triggers, most prominent first; ``candidates``: every trigger
    in the sentence, including those the non-event filters set aside; ``index``: the
    document's actors by token (:class:`~geowire.events.sides.ActorIndex`)."""
    feats = {"bias": 1.0}
    feats.update(_actor_features(live[0] if live else None, event_head(sentence), index))
    feats.update(_bag(sentence))
    feats.update(_clause_features(sentence))
    feats.update(_trigger_features(live, candidates))
    feats.update(_cue_features(live[0] if live else None, event_head(sentence)))
    return feats


def ruled_type(features: dict[str, float]) -> str | None:
    """The rules' type of the main trigger, as recorded in the features."""
    return next((name[5:] for name in features if name.startswith("main:")), None)
