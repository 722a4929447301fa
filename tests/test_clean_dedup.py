"""Stored MinHash signatures load without drawing their permutations anew."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from geowire.clean import dedup
from geowire.model import Document


def test_loaded_signatures_share_one_draw_of_permutations_and_equal_a_fresh_minhash(monkeypatch):
    deduplicator = dedup.make_deduplicator()
    stored = [deduplicator.signature(Document(id=str(n), text=f"Troops entered the town of Place{n} on Monday, "
                                                             f"officials said, report {n}."))
              for n in range(20)]
    dedup._permutations.cache_clear()
    draws = []
    original = MinHash._init_permutations
    monkeypatch.setattr(MinHash, "_init_permutations", lambda self, n: draws.append(n) or original(self, n))
    loaded = [dedup.signature_from_bytes(data) for data in stored]
    assert len(draws) <= 1                           # at most once for the setting, not once per signature
    monkeypatch.undo()
    for data, minhash in zip(stored, loaded, strict=True):
        scheme, seed, _, _ = data.split(b":", 3)
        fresh = MinHash(seed=int(seed), hashvalues=minhash.hashvalues, scheme=scheme.decode("ascii"))
        assert np.array_equal(fresh.permutations, minhash.permutations)
        assert fresh.jaccard(minhash) == 1.0
    assert loaded[0].jaccard(loaded[1]) < 1.0


def test_building_the_pipeline_does_not_import_datasketch():
    """datasketch (and the scipy.integrate it imports, about 0.6 s of CPU) is loaded when dedup first works, not when
    a process builds the pipeline: a backfill worker builds it but leaves dedup to the writer."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from geowire.pipeline import Pipeline\n"
            "Pipeline.from_config()\n"
            "print('datasketch' in sys.modules, 'scipy.integrate' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_the_index_is_built_on_first_use_and_still_finds_copies():
    deduplicator = dedup.make_deduplicator()
    assert deduplicator._index is None
    text = " ".join(f"Troops entered the town of Place{n} on Monday, officials said, and residents fled north."
                    for n in range(12))
    first = deduplicator(Document(id="a", text=text))
    second = deduplicator(Document(id="b", text=text.replace("Place3 on Monday", "Place3 on Tuesday")))
    assert first.duplicate_of is None
    assert second.duplicate_of == "a" and second.duplicate_kind == "near"


def test_each_document_is_hashed_with_the_permutations_drawn_once(monkeypatch):
    # datasketch draws a MinHash's permutations from its seed for every MinHash built (about 1 ms): once per
    # setting is enough, and the signature is the same
    texts = [f"Flooding closed {n} roads in the north of the province on Monday, officials said." for n in range(5)]
    expected = []
    for text in texts:
        fresh = MinHash(num_perm=128, seed=dedup.MINHASH_SEED, scheme=dedup.MINHASH_SCHEME)
        fresh.update_batch([s.encode() for s in dedup.shingles(dedup.normalised_words(text), 5)])
        expected.append(fresh.hashvalues)
    dedup._permutations.cache_clear()
    draws = []
    original = MinHash._init_permutations
    monkeypatch.setattr(MinHash, "_init_permutations", lambda self, *a, **k: draws.append(1) or original(self, *a, **k))
    marker = dedup.Deduplicator(threshold=0.99)
    got = [marker._minhash(dedup.normalised_words(text)).hashvalues for text in texts]
    assert all(np.array_equal(a, b) for a, b in zip(got, expected, strict=True))
    assert len(draws) == 1
