"""The one reader of the shipped TSV data files."""

import pytest

from geowire.datafiles import read_rows


def test_rows_are_padded_and_comments_skipped(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("# word\tkind\n\nriot\tPROTEST\nvigil\n", encoding="utf-8")
    assert list(read_rows(path, 2)) == [["riot", "PROTEST"], ["vigil", ""]]


def test_a_stray_column_is_an_error_not_dropped(tmp_path):
    path = tmp_path / "aliases.tsv"
    path.write_text("Kataib\tHezbollah\tIRQ\tREB\n", encoding="utf-8")
    with pytest.raises(ValueError, match="aliases.tsv:1"):
        list(read_rows(path, 3))


def test_quotes_are_plain_text(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text('"the Guard"\tIRN\n', encoding="utf-8")
    assert list(read_rows(path, 2)) == [['"the Guard"', "IRN"]]
