"""Mark each document's language with py3langid.

The code is ISO 639-1 where the language has one; py3langid's few languages
without a two-letter code keep their ISO 639-3 code, regional varieties are folded
into their macrolanguage ("arz" -> "ar"). A text too short or too ambiguous to
tell is left as None ("undetermined"), which the pipeline analyses like English
rather than silently discarding it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from geowire.model import Document
from geowire.registry import registry

# Regional varieties and scripts py3langid labels separately.
MACROLANGUAGE = {"arz": "ar", "ary": "ar", "uzs": "uz", "yue": "zh", "wuu": "zh", "gug": "gn", "fuv": "ff"}
NO_LANGUAGE = "zxx"


@lru_cache(maxsize=1)
def identifier():
    """py3langid's bundled model, with probabilities normalised to 0..1."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@dataclass
class LanguageMarker:
    min_letters: int = 20
    min_confidence: float = 0.5
    max_chars: int = 5000
    overwrite: bool = False

    def __call__(self, doc: Document) -> Document:
        if doc.language and not self.overwrite:
            return doc
        doc.language = self.detect(doc.text or doc.title or "")
        return doc

    def detect(self, text: str) -> str | None:
        sample = text[: self.max_chars]
        if sum(ch.isalpha() for ch in sample) < self.min_letters:
            return None
        code, confidence = identifier().classify(sample)
        if confidence < self.min_confidence or code == NO_LANGUAGE:
            return None
        return MACROLANGUAGE.get(code, code)


@registry.factory("language", "py3langid")
def make_language_marker(
    min_letters: int = 20,
    min_confidence: float = 0.5,
    max_chars: int = 5000,
    overwrite: bool = False,
) -> LanguageMarker:
    """Set ``language`` (ISO 639-1) from the text with py3langid's bundled model.

    Texts with fewer than ``min_letters`` letters, or whose best guess has a
    probability below ``min_confidence``, get None (undetermined; still analysed).
    Only the first ``max_chars`` characters are read. A language given with the
    input is kept unless ``overwrite`` is true.
    """
    return LanguageMarker(min_letters, min_confidence, max_chars, overwrite)
