"""HTML pages to article text and metadata, with trafilatura.

Extraction falls back in steps so a truncated or odd page still yields what text it
has. The configured trafilatura run (precision-oriented by default, which keeps
comments and link lists out of the events) comes first; when it finds less than a
short article's worth of text, a recall-oriented run is tried and the longer result
kept; with no text at all, trafilatura's whole-page text is used. Only a page with
no text whatsoever is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml.etree import LxmlError

from geowire.model import Document, Drop
from geowire.registry import registry

FAVOR_CHOICES = ("precision", "recall", "balanced")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
SPACES_BEFORE_NEWLINE = re.compile(r"[ \t]+\n")
BLANK_RUNS = re.compile(r"\n{3,}")
# what lxml and trafilatura raise on markup they cannot make sense of
EXTRACTION_ERRORS = (LxmlError, ValueError, TypeError, AttributeError, LookupError, RecursionError)


@dataclass
class HtmlCleaner:
    favor: str = "precision"
    include_tables: bool = True
    include_comments: bool = False
    min_text_chars: int = 500
    date_extensive_search: bool = False

    def __post_init__(self) -> None:
        if self.favor not in FAVOR_CHOICES:
            raise ValueError(f"favor must be one of {FAVOR_CHOICES}, not {self.favor!r}")

    def __call__(self, doc: Document) -> Document:
        if not doc.html:
            return doc
        extracted = self._extract(doc.html, doc.url, self.favor)
        text = tidy(extracted.get("text") or "")
        if len(text) < self.min_text_chars and self.favor != "recall":
            # a short result often means the precise run discarded broken or
            # unusual markup; keep whichever run found more
            second = self._extract(doc.html, doc.url, "recall")
            second_text = tidy(second.get("text") or "")
            if len(second_text) > len(text):
                extracted, text = second, second_text
        if not text:
            text = tidy(whole_page_text(doc.html))
            extracted = extracted or page_metadata(doc.html, doc.url)
        if not text:
            raise Drop("clean", "no article text found in HTML")
        doc.text = text
        apply_metadata(doc, extracted)
        return doc

    def _extract(self, html: str, url: str | None, favor: str) -> dict[str, Any]:
        try:
            result = trafilatura.bare_extraction(
                html,
                url=url,
                favor_precision=favor == "precision",
                favor_recall=favor == "recall",
                include_comments=self.include_comments,
                include_tables=self.include_tables,
                with_metadata=True,
                date_extraction_params={
                    "extensive_search": self.date_extensive_search,
                    "original_date": True,
                },
            )
        except EXTRACTION_ERRORS:
            return {}
        if result is None:
            return {}
        return result if isinstance(result, dict) else result.as_dict()


def whole_page_text(html: str) -> str:
    try:
        return trafilatura.html2txt(html) or ""
    except EXTRACTION_ERRORS:
        return ""


def page_metadata(html: str, url: str | None) -> dict[str, Any]:
    try:
        return trafilatura.extract_metadata(html, default_url=url, extensive=False).as_dict()
    except EXTRACTION_ERRORS:
        return {}


def tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = SPACES_BEFORE_NEWLINE.sub("\n", text)
    return BLANK_RUNS.sub("\n\n", text).strip()


def apply_metadata(doc: Document, extracted: dict[str, Any]) -> None:
    """Fill what the input did not already say; never overwrite given values."""
    doc.title = doc.title or clean_value(extracted.get("title"))
    doc.author = doc.author or clean_value(extracted.get("author"))
    doc.site = doc.site or clean_value(extracted.get("sitename"))
    if not doc.published:
        date = clean_value(extracted.get("date"))
        doc.published = date[:10] if date and ISO_DATE.match(date) else None


def clean_value(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


@registry.factory("cleaners", "trafilatura")
def make_html_cleaner(
    favor: str = "precision",
    include_tables: bool = True,
    include_comments: bool = False,
    min_text_chars: int = 500,
    date_extensive_search: bool = False,
) -> HtmlCleaner:
    """Extract the article text, title, date, author and site name from HTML input.

    Documents without HTML pass through. ``favor`` is "precision", "recall" or
    "balanced"; if it finds fewer than ``min_text_chars`` characters a recall-oriented
    run is tried as well and the longer result kept; if neither finds any text the
    whole-page text is used, and a page without any text is dropped.
    ``date_extensive_search`` lets the date finder guess from the page text too.
    """
    return HtmlCleaner(favor, include_tables, include_comments, min_text_chars, date_extensive_search)
