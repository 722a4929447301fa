"""Places at spans a caller gives: no recognition, each span resolved, one place per span, in order.

This is the place stage of the evaluation protocol's ``"spans"`` (oracle recognition): the extract command or a
harness puts the given spans on the document as unresolved places (``ingest.protocol.given_places``) and runs a
pipeline whose recogniser is this one. It reads no parse.
"""

from __future__ import annotations

from geowire.geo.resolve import ContextResolver, Mention
from geowire.model import Document, Drop
from geowire.registry import registry


class GivenSpans:
    needs = ()      # the spans are given: no parse is read

    def __init__(self, resolver: ContextResolver):
        self.resolver = resolver

    def __call__(self, doc: Document) -> Document:
        for place in doc.places:
            if not 0 <= place.start <= place.end <= len(doc.text):
                raise Drop("spans", f"given span ({place.start}, {place.end}) is not within the text "
                                    f"({len(doc.text)} characters)")
        # the name is read at each span now: a cleaned HTML record's spans point into its cleaned text
        mentions = [Mention(p.start, p.end, doc.text[p.start:p.end]) for p in doc.places]
        doc.places = self.resolver.resolve(doc.text, mentions)
        return doc


@registry.factory("recognisers", "given_spans")
def make_given_spans(resolver: str = "population_context", resolver_settings: dict | None = None) -> GivenSpans:
    """Resolve the places already on the document, at the spans a caller gave (the ``"spans"`` of an extract
    record, or an evaluation harness's gold spans), with the ``resolver`` factory (kind "resolvers") built with
    ``resolver_settings``; nothing is recognised, and each span gets exactly one place, in order (a span outside
    the text drops the document with that reason). The extract command puts it in place of the configured
    recogniser for records that carry ``"spans"``. Needs no parse."""
    return GivenSpans(registry.create("resolvers", resolver, resolver_settings or {}))
