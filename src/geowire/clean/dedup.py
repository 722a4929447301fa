"""Exact and near-duplicate detection over cleaned article text.

Exact duplicates share the sha256 of the normalised text (case, punctuation and
spacing ignored). Near duplicates, the same wire story lightly edited by another
outlet, are found with MinHash signatures of word shingles in an LSH index and
confirmed by their estimated Jaccard similarity. The first document seen is the
canonical one; later copies point at it. Signatures serialise to bytes, so a store
can persist them and :meth:`Deduplicator.seed` a fresh process with them.

datasketch is imported on first use, not with this module: importing it imports scipy.integrate (for the LSH's
band sizes), about 0.6 s of CPU, which a process that builds the pipeline but never deduplicates (each backfill
worker: dedup runs in the writer) need not pay.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from geowire.model import Document
from geowire.registry import registry

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+")
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"
# LSH is asked for candidates a little below the threshold so that pairs right at
# the threshold are not lost to banding; each candidate is then checked exactly.
CANDIDATE_MARGIN = 0.1


def normalised_words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def words_sha256(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def text_sha256(text: str) -> str:
    """The exact-duplicate key: sha256 of the normalised words."""
    return words_sha256(normalised_words(text))


def shingles(words: list[str], size: int) -> set[str]:
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature_bytes(minhash: MinHash) -> bytes:
    """``scheme:seed:dtype:`` then the hash values, little-endian."""
    values = np.asarray(minhash.hashvalues)
    values = values.astype(values.dtype.newbyteorder("<"))
    header = f"{minhash.scheme}:{minhash.seed}:{values.dtype.str}:".encode("ascii")
    return header + values.tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    from datasketch import MinHash

    scheme, seed, dtype, values = data.split(b":", 3)
    hashvalues = np.frombuffer(values, dtype=np.dtype(dtype.decode("ascii")))
    scheme_name = scheme.decode("ascii")
    return MinHash(seed=int(seed), hashvalues=hashvalues, scheme=scheme_name,
                   permutations=_permutations(int(seed), len(hashvalues), scheme_name))


@lru_cache(maxsize=8)
def _permutations(seed: int, num_perm: int, scheme: str):
    """The permutation parameters MinHash draws from its seed: drawn once per setting, not for every stored
    signature (datasketch draws them anew for each MinHash it builds, about half a millisecond each: minutes when
    a run starts against a store of a million articles)."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=seed, scheme=scheme).permutations


@dataclass(frozen=True)
class Match:
    canonical_id: str
    kind: str
    similarity: float


class Deduplicator:
    def __init__(self, threshold: float = 0.8, num_perm: int = 128, shingle: int = 5):
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self._index: MinHashLSH | None = None
        self._by_sha: dict[str, str] = {}
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    @property
    def _lsh(self) -> MinHashLSH:
        if self._index is None:
            from datasketch import MinHashLSH

            self._index = MinHashLSH(threshold=max(0.05, self.threshold - CANDIDATE_MARGIN), num_perm=self.num_perm)
        return self._index

    def __call__(self, doc: Document) -> Document:
        if doc.duplicate_of is not None:
            return doc
        words = normalised_words(doc.text or "")
        doc.text_sha256 = words_sha256(words)
        if not words:
            return doc
        minhash = self._minhash(words)
        match = self.find(doc.id, doc.text_sha256, minhash)
        if match is None:
            self._add(doc.id, doc.text_sha256, minhash)
        else:
            doc.duplicate_of = match.canonical_id
            doc.duplicate_kind = match.kind
        return doc

    def find(self, doc_id: str, sha: str, minhash: MinHash) -> Match | None:
        """The canonical document this one duplicates, if any (never itself)."""
        exact = self._by_sha.get(sha)
        if exact is not None and exact != doc_id:
            return Match(exact, "exact", 1.0)
        best: Match | None = None
        # earliest first, so among equally similar copies the oldest is canonical
        for candidate in sorted(self._lsh.query(minhash), key=self._order.__getitem__):
            if candidate == doc_id:
                continue
            similarity = minhash.jaccard(self._signatures[candidate])
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = Match(candidate, "near", similarity)
        return best

    def seed(self, entries: Iterable[tuple[str, str | None, bytes | None]]) -> int:
        """Preload canonical documents from an earlier run.

        Each entry is ``(id, text_sha256, signature)`` as stored; either of the
        last two may be None. Signatures made with other MinHash settings cannot
        be compared and are skipped. Returns how many entries were loaded.
        """
        loaded = 0
        for doc_id, sha, signature in entries:
            minhash = self._load_signature(signature)
            if sha is None and minhash is None:
                continue
            self._add(doc_id, sha, minhash)
            loaded += 1
        return loaded

    def forget(self, doc_id: str) -> None:
        """Drop a document that was not kept after all (quarantined by a later stage), so no later copy is
        marked a duplicate of an article that does not exist."""
        if doc_id in self._signatures:
            self._lsh.remove(doc_id)
            del self._signatures[doc_id]
        for sha in [sha for sha, canonical in self._by_sha.items() if canonical == doc_id]:
            del self._by_sha[sha]
        self._order.pop(doc_id, None)

    def signature(self, doc: Document) -> bytes:
        """The MinHash signature of a document's text, as bytes for storage."""
        minhash = self._signatures.get(doc.id) if doc.duplicate_of is None else None
        if minhash is None:
            minhash = self._minhash(normalised_words(doc.text or ""))
        return signature_bytes(minhash)

    def _minhash(self, words: list[str]) -> MinHash:
        from datasketch import MinHash

        # the permutations drawn once per setting (as for stored signatures), not for every document
        minhash = MinHash(num_perm=self.num_perm, seed=MINHASH_SEED, scheme=MINHASH_SCHEME,
                          permutations=_permutations(MINHASH_SEED, self.num_perm, MINHASH_SCHEME))
        minhash.update_batch([s.encode("utf-8") for s in shingles(words, self.shingle)])
        return minhash

    def _load_signature(self, signature: bytes | None) -> MinHash | None:
        if not signature:
            return None
        try:
            minhash = signature_from_bytes(signature)
        except (ValueError, TypeError, UnicodeDecodeError):
            return None
        compatible = (minhash.num_perm, minhash.seed, minhash.scheme) == (self.num_perm, MINHASH_SEED, MINHASH_SCHEME)
        return minhash if compatible else None

    def _add(self, doc_id: str, sha: str | None, minhash: MinHash | None) -> None:
        if sha is not None:
            self._by_sha.setdefault(sha, doc_id)
        self._order.setdefault(doc_id, len(self._order))
        if minhash is None:
            return
        if doc_id in self._signatures:
            self._lsh.remove(doc_id)
        self._signatures[doc_id] = minhash
        self._lsh.insert(doc_id, minhash)


@registry.factory("dedup", "minhash")
def make_deduplicator(threshold: float = 0.8, num_perm: int = 128, shingle: int = 5) -> Deduplicator:
    """Mark exact duplicates (same normalised text) and near duplicates (MinHash
    Jaccard similarity of ``shingle``-word shingles at least ``threshold``, with
    ``num_perm`` permutations) with the id of the first copy seen.

    ``seed(entries)`` preloads ``(id, text_sha256, signature)`` from a store and
    ``signature(doc)`` gives the bytes to persist, so reruns see earlier articles.
    """
    return Deduplicator(threshold, num_perm, shingle)
