"""Mark each document's language with py3langid.

The code is ISO 639-1 where the language has one; py3langid's few languages
without a two-letter code keep their ISO 639-3 code, regional varieties are folded
into their macrolanguage ("arz" -> "ar"), and Nigerian Pidgin, which the model also finds in short English news
from Nigeria, is read as English. A text too short or too ambiguous to
tell is left as None ("undetermined"), which the pipeline analyses like English
rather than silently discarding it.
"""

from __future__ import annotations

import logging
import lzma
import shutil
from array import array
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

from geowire.datafiles import cached_file, file_digest
from geowire.model import Document
from geowire.registry import registry

# Regional varieties and scripts py3langid labels separately.
MACROLANGUAGE = {"arz": "ar", "ary": "ar", "uzs": "uz", "yue": "zh", "wuu": "zh", "gug": "gn", "fuv": "ff"}
NO_LANGUAGE = "zxx"
# py3langid's Nigerian Pidgin class also takes short English news from Nigeria ("Police arrested 12 protesters in
# Lagos on Friday, officials in Nigeria said.": pcm 0.74, en 0.25). Only English is analysed, and an English-based
# creole read as English loses less than English news left unread.
READ_AS_ENGLISH = frozenset({"pcm"})
ARRAY_TYPECODES = {2: "H", 4: "I", 8: "L"}
log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def identifier():
    """py3langid's bundled model, with probabilities normalised to 0..1.

    The model ships LZMA-compressed, and unpacking it cost every process 0.6-1.3 s of CPU (each backfill worker,
    each ``geowire extract``). It is unpacked once into the cache directory (``$GEOWIRE_HOME``, a file named
    after the packed model's digest, so a new py3langid model gives a new file) and read from there; if that
    fails, the packed model is read as py3langid reads it.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        ptc, pc, classes, nextmove, row, output = model_arrays(unpacked_model())
    except (OSError, KeyError, ValueError) as exc:
        log.warning("language model cache unusable (%s); reading the packed model", exc)
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def packed_model() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / MODEL_FILE


def unpacked_model() -> Path:
    """The model as an uncompressed ``.npz`` in the cache directory, unpacked on first use."""
    packed = packed_model()

    def unpack(partial: Path) -> None:
        with lzma.open(packed) as source, partial.open("wb") as target:
            shutil.copyfileobj(source, target, length=1 << 20)

    return cached_file(f"py3langid-{file_digest(packed)}.npz", unpack)


def model_arrays(path: Path) -> tuple:
    """The identifier's tables from an unpacked model, in the types py3langid gives them (its state machine is
    indexed item by item from Python, fastest on a stdlib ``array``)."""
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        return (np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                _stdlib_array(data["nextmove"]), _stdlib_array(data["nextmove_row"]), data["out_feat"].tolist())


def _stdlib_array(values) -> array:
    import numpy as np

    out = array(ARRAY_TYPECODES[values.dtype.itemsize])
    out.frombytes(np.ascontiguousarray(values).tobytes())
    return out


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
        if not has_letters(sample, self.min_letters):
            return None
        code, confidence = identifier().classify(sample)
        if confidence < self.min_confidence or code == NO_LANGUAGE:
            return None
        return "en" if code in READ_AS_ENGLISH else MACROLANGUAGE.get(code, code)


def has_letters(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` letters (counting stops at the ``count``-th)."""
    return count <= 0 or next(islice(filter(str.isalpha, text), count - 1, None), None) is not None


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
