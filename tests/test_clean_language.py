import pytest

from geowire.clean.language import make_language_marker
from geowire.model import Document
from geowire.samples import sample_dir


@pytest.fixture
def marker():
    return make_language_marker()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said the talks in Geneva would resume next week, according to diplomats.", "en"),
        # py3langid alone calls this Nigerian Pidgin (0.74): short English news from Nigeria is read as English
        ("Police arrested 12 protesters in Lagos on Friday, officials in Nigeria said.", "en"),
        ("Les manifestants se sont rassemblés vendredi sur la place de l'Indépendance à Bamako.", "fr"),
        ("El gobierno y la guerrilla firmaron un alto el fuego de seis meses en La Habana el viernes.", "es"),
        ("Російські ракети влучили в енергетичні об'єкти у Києві та інших містах у понеділок.", "uk"),
    ],
)
def test_detects_language(marker, text, expected):
    assert marker(Document(id="x", text=text)).language == expected


@pytest.mark.parametrize("text", ["", "Hello", "BAMAKO, Mali", "12/03/2021 14:00"])
def test_too_short_to_tell_is_undetermined_and_still_analysable(marker, text):
    doc = marker(Document(id="x", text=text or "x"))
    assert doc.language is None
    assert doc.analysable


def test_french_sample_marked_and_not_analysable(marker):
    text = (sample_dir() / "2020-06-05-bamako-manifestation.fr.txt").read_text("utf-8")
    doc = marker(Document(id="fr", text=text))
    assert doc.language == "fr"
    assert not doc.analysable


def test_given_language_kept_unless_overwrite():
    text = "Officials said the talks in Geneva would resume next week, according to diplomats."
    assert make_language_marker()(Document(id="x", text=text, language="de")).language == "de"
    assert make_language_marker(overwrite=True)(Document(id="x", text=text, language="de")).language == "en"


class FixedIdentifier:
    def __init__(self, code, confidence):
        self.result = (code, confidence)

    def classify(self, text):
        return self.result


@pytest.mark.parametrize(
    ("label", "confidence", "expected"),
    [("arz", 0.9, "ar"), ("yue", 0.9, "zh"), ("en", 0.9, "en"), ("pcm", 0.9, "en"), ("zxx", 0.9, None),
     ("fr", 0.3, None)],
)
def test_labels_map_to_iso_codes_or_undetermined(monkeypatch, marker, label, confidence, expected):
    monkeypatch.setattr("geowire.clean.language.identifier", lambda: FixedIdentifier(label, confidence))
    assert marker.detect("enough letters here to be classified at all") == expected


def test_identifier_read_from_the_cache_agrees_with_the_packed_model(tmp_path, monkeypatch):
    """The unpacked model in the cache directory gives the identifier py3langid builds from its packed file."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from geowire.clean import language

    rebuilt = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    monkeypatch.setenv("GEOWIRE_HOME", str(tmp_path))
    language.identifier.cache_clear()
    try:
        cached = language.identifier()
        assert list(tmp_path.glob("py3langid-*.npz"))             # unpacked once, kept for the next process
        language.identifier.cache_clear()
        monkeypatch.setattr(language.lzma, "open", None)           # a second process reads the file, never unpacks
        monkeypatch.setattr(LanguageIdentifier, "from_model_file", None)
        again = language.identifier()
    finally:
        language.identifier.cache_clear()
    for ours in (cached, again):
        assert (ours.nb_ptc == rebuilt.nb_ptc).all() and (ours.nb_pc == rebuilt.nb_pc).all()
        assert ours.nb_classes == rebuilt.nb_classes and ours.tk_output == rebuilt.tk_output
        assert ours.tk_nextmove == rebuilt.tk_nextmove and ours.tk_row == rebuilt.tk_row
        for text in ("Officials said the talks would resume.", "Les manifestants se sont rassemblés vendredi.",
                     "Российские ракеты", "12/03/2021"):
            assert ours.classify(text) == rebuilt.classify(text)


@pytest.mark.parametrize(("text", "count", "expected"), [
    ("", 1, False), ("", 0, True), ("a1b2c", 3, True), ("a1b2c", 4, False), ("123 ... !!", 1, False),
    ("Ünïcödé", 7, True), ("x" * 19 + "1" * 50, 20, False), ("x" * 20, 20, True),
])
def test_has_letters_counts_as_a_letter_sum_does(text, count, expected):
    from geowire.clean.language import has_letters

    assert has_letters(text, count) is expected
    assert has_letters(text, count) == (sum(ch.isalpha() for ch in text) >= count)
