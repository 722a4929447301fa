"""Drop the widget lines that scraping leaves in article text.

Scraped dumps (and, less often, extractor output) carry lines that are not part
of the story: script and style fragments, share buttons, newsletter and cookie
prompts, advert labels, breadcrumbs, "Read more" links, copyright footers. A line
is dropped when it *is* such a thing, never because it mentions one: widget
patterns must match the whole line, and lines long enough to be prose are only
checked for code. Short real sentences ("Three people died.") match nothing and
stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geowire.clean.dateline import dateline_date
from geowire.model import Document, Drop
from geowire.registry import registry

# Patterns that identify a whole line (matched case-insensitively against the
# stripped line, bullets removed). Data, not logic: extend with `extra_patterns`.
SHARE_TARGETS = r"(facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|e-?mail|print|messenger|flipboard|copy link|sms)"
# one button label; a line made only of these (with separators) is a share bar
BUTTON = r"(share|tweet|pin|email|e-mail|print|save|like|follow|comments?|" + SHARE_TARGETS[1:-1] + r")"
WIDGET_PATTERNS: tuple[tuple[str, str], ...] = (
    ("comments", r"comments? (are|is) (now )?closed\.?"),
    ("comments", r"(leave|post|add|write) a (comment|reply|response)\.?"),
    ("comments", r"\d+ (comments?|responses?|replies)"),
    ("comments", r"(join|start) the (conversation|discussion)\.?"),
    ("comments", r"you must be logged in to post a comment\.?"),
    ("share", r"share( this| the| this (article|story|post|page|video))?( (on|via|to|with) " + SHARE_TARGETS + r")?\s*[:!.]?"),
    ("share", r"click to (share|email|print|tweet)\b.*"),
    ("share", BUTTON + r"((\s*[|•·/,]\s*|\s+)" + BUTTON + r")*"),
    ("share", r"like this:?( like loading\.*)?"),
    ("follow", r"follow (us|me) (on|at) .{1,60}"),
    ("newsletter", r"(subscribe|sign up|signup|register)( now| today)?( to| for)? (our|the|a)?\s*(free )?(daily |weekly )?(newsletters?|briefing|updates|alerts)\b.*"),
    ("newsletter", r"(subscribe|sign up|sign in|log in|login|register)( now| here| today)?[.!]?"),
    ("newsletter", r"get (the latest|our|the best).{0,40}(in|to) your inbox\.?"),
    ("cookies", r".*\b(we|this (web)?site|our (web)?site|this page) uses? cookies\b.*"),
    ("cookies", r".*\b(accept|reject|manage)( all)? cookies\b.*"),
    ("cookies", r"(cookie|privacy) (policy|settings|preferences|notice)\.?"),
    ("advert", r"(advertisement|advertising|advert|sponsored( content)?|promoted( content)?|ad|ads by \w+)\s*[:.-]?"),
    ("advert", r"(story|article) continues (below|after)( (the )?(advertisement|ad))?\.?"),
    ("advert", r"(scroll|continue reading)( down)?( to continue)?( with content| below)?\.?"),
    ("navigation", r"[\w'&.-]+( [\w'&.-]+){0,3}(\s*(>|›|»|→| / )\s*[\w'&.-]+( [\w'&.-]+){0,3}){2,}"),
    ("navigation", r"(skip to (main )?content|toggle navigation|main menu|menu|search|back to top|home|close|loading\.*)"),
    ("navigation", r"(next|previous|prev)( article| story| post|:).{0,100}"),
    ("links", (r"(read more|read also|also read|see also|related|related (stories|articles|news|content|coverage|links)|"
               r"more on this (story|topic)|recommended( for you| reading)?|most (read|popular)|trending( now)?|"
               r"you (may|might) also like)(\s*[:>»|–-].*)?")),
    ("links", r"read more (about|on|at|here)\b.*"),
    ("tags", r"(tags|tagged|filed under|topics|categories)\s*:.*"),
    ("copyright", r"(©|\(c\)|copyright\s*(©|\(c\))?\s*\d{4}).*"),
    ("copyright", r".*\ball rights reserved\.?"),
    ("captions", r"(photo|image|picture|photograph|video|file photo)( credit)?s?\s*:.{0,100}"),
    # the commonest widgets of French and Spanish pages, whose text is stored though not analysed
    ("share", r"(partager|compartir|compartilhar)( (sur|en|no|via|por) \w+)?\s*:?"),
    ("comments", r"(les commentaires sont fermés|los comentarios están cerrados|comentarios cerrados)\.?"),
    ("links", r"(lire aussi|à lire aussi|voir aussi|lea también|lee también|ver también|leia também)\s*[:>»|–-].*"),
    ("advert", r"(publicité|publicidad|publicidade)"),
    ("copyright", r".*\b(tous droits réservés|todos los derechos reservados|todos os direitos reservados)\.?"),
)

# Headers of a list of links to other stories; headline-like lines after one are dropped too.
LINK_LIST_HEADER = re.compile(
    r"(related|related (stories|articles|news|content|coverage|links)|more (from|on) [\w ]{1,30}|most (read|popular)|"
    r"(you (may|might) )?also like|recommended( for you| reading)?|trending( now)?|top stories|latest news|"
    r"more (stories|news)|read (more|next)|see also)\s*:?",
    re.IGNORECASE,
)
HEADLINE_MAX_WORDS = 15

# Signs of script or style source; matched anywhere in a line of any length.
CODE_PATTERNS: tuple[str, ...] = (
    r"^\s*(var|let|const)\s+[\w$]+\s*=",
    r"\bfunction\s*[\w$]*\s*\([^)]*\)\s*\{",
    r"\b(window|document)\.[a-zA-Z$][\w$]*\s*[(=.\[]",
    r"\b(dataLayer|googletag|gtag|fbq|_gaq|__tcfapi|adsbygoogle)\b",
    r"\$\(\s*(document|window|['\"])",
    r"^\s*[@.#]?[\w-]+([\s,>]+[.#]?[\w-]+)*\s*\{[^}]*\}?\s*$",
    r"^\s*[a-z-]+\s*:\s*[^;]{1,80};\s*$",
    r"^\s*[{}()\[\];,]+\s*$",
    r"^\s*</?[a-z][\w-]*(\s[^>]*)?/?>\s*$",
    r"^\s*(//|/\*|\*/|<!--|-->)",
)

BULLET = re.compile(r"^[\s•·*\-–—|>]+")
SENTENCE_END = re.compile(r"[.!?…\"'”’)。！？]$")
MENU_ITEM_MAX_CHARS = 25
UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff]")
CODE_SYMBOLS = set("{}();=<>[]$|&+")


@dataclass
class JunkLineFilter:
    prose_min_words: int = 40
    menu_run_lines: int = 4
    extra_patterns: list[str] = field(default_factory=list)
    dateline_lines: int = 6

    def __post_init__(self) -> None:
        patterns = [p for _, p in WIDGET_PATTERNS] + list(self.extra_patterns)
        self._widgets = [re.compile(p, re.IGNORECASE) for p in patterns]
        self._code = [re.compile(p) for p in CODE_PATTERNS]

    def __call__(self, doc: Document) -> Document:
        if not doc.text:
            return doc
        cleaned = self.clean(doc.text)
        if not cleaned:
            raise Drop("clean", "no text left after removing junk lines")
        doc.text = cleaned
        if doc.published is None and self.dateline_lines > 0:
            doc.published = dateline_date(cleaned, self.dateline_lines)
        return doc

    def clean(self, text: str) -> str:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        keep = [not self.is_junk(line) for line in lines]
        self._drop_link_lists(lines, keep)
        self._drop_menu_runs(lines, keep)
        kept = [line.rstrip() for line, k in zip(lines, keep, strict=True) if k]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()

    def is_junk(self, line: str) -> bool:
        stripped = line.strip()
        if not stripped:
            return False
        if self.is_code(stripped):
            return True
        if len(stripped.split()) >= self.prose_min_words:
            return False
        bare = BULLET.sub("", stripped).strip()
        return any(p.fullmatch(bare) for p in self._widgets)

    def is_code(self, line: str) -> bool:
        if any(p.search(line) for p in self._code):
            return True
        if len(line) < 12 or line[-1] not in ";{})," or not any(ch in "{};=" for ch in line):
            return False
        return sum(ch in CODE_SYMBOLS for ch in line) / len(line) > 0.12

    def _drop_link_lists(self, lines: list[str], keep: list[bool]) -> None:
        """Drop the headline lines that follow a "Related stories" style header."""
        in_list = False
        for index, line in enumerate(lines):
            bare = BULLET.sub("", line.strip()).strip()
            if LINK_LIST_HEADER.fullmatch(bare):
                keep[index] = False
                in_list = True
            elif in_list and bare:
                if is_headline(bare):
                    keep[index] = False
                else:
                    in_list = False

    def _drop_menu_runs(self, lines: list[str], keep: list[bool]) -> None:
        """Drop runs of one-to-three-word lines: a dumped navigation menu.

        Blank lines and lines already found to be junk do not break a run.
        """
        if self.menu_run_lines <= 0:
            return
        run: list[int] = []
        for index, line in enumerate(lines):
            if not line.strip() or not keep[index]:
                continue
            if is_menu_item(line):
                run.append(index)
                continue
            self._drop_run(run, keep)
            run = []
        self._drop_run(run, keep)

    def _drop_run(self, run: list[int], keep: list[bool]) -> None:
        if len(run) >= self.menu_run_lines:
            for index in run:
                keep[index] = False


def is_headline(line: str) -> bool:
    return len(line.split()) <= HEADLINE_MAX_WORDS and not SENTENCE_END.search(line)


def is_menu_item(line: str) -> bool:
    """A short bare label; bulleted items are list content, not a menu."""
    stripped = line.strip()
    if not stripped or len(stripped) > MENU_ITEM_MAX_CHARS or BULLET.match(stripped):
        return False
    if SENTENCE_END.search(stripped) or any(ch.isdigit() for ch in stripped):
        return False
    return word_count(stripped) <= 3


def word_count(line: str) -> int:
    """Whitespace words, counting each character of scripts written without spaces."""
    unspaced = len(UNSPACED_SCRIPT.findall(line))
    return len(UNSPACED_SCRIPT.sub(" ", line).split()) + unspaced


@registry.factory("cleaners", "junk_lines")
def make_junk_filter(
    prose_min_words: int = 40,
    menu_run_lines: int = 4,
    extra_patterns: list[str] | None = None,
    dateline_lines: int = 6,
) -> JunkLineFilter:
    """Remove scraped widget lines: script/style code, share buttons, comment and
    newsletter prompts, cookie banners, adverts, breadcrumbs, "Read more" links,
    copyright footers.

    Widget patterns must match a whole line and are not tried on lines of
    ``prose_min_words`` words or more (code is always removed). A run of at least
    ``menu_run_lines`` consecutive one-to-three-word lines is a dumped menu (0 turns
    this off). ``extra_patterns`` are further whole-line regular expressions.
    When the publication date is unknown (a plain-text dump), a dateline with one
    full date among the first ``dateline_lines`` lines supplies it (0 turns this off).
    """
    return JunkLineFilter(prose_min_words, menu_run_lines, list(extra_patterns or []), dateline_lines)
