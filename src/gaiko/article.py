"""Read a plain-text Wikipedia article into sections and sentences with stable ids.

The format: `== Section ==` headings (more `=` for deeper levels), paragraphs one per line,
and lists of short lines. A sentence's id is its section path plus a hash of its text, so it
survives edits elsewhere in the article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

_HEADING = re.compile(r"^(={2,6})\s*(.*?)\s*=+\s*$")
# A sentence ends at . ! or ? followed by a space and an upper-case letter, digit or quote,
# unless the period closes one of these abbreviations or a single initial.
_ABBREVIATIONS = {"u.s", "gen", "no", "e.g", "i.e", "mr", "dr", "st", "vol", "ed", "eds", "fy", "u.s.s.r"}
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9\"“(])")
# Sections whose lines are navigation, not statements of fact.
NON_FACTUAL_SECTIONS = {"links", "see also", "references", "external links", "further reading"}


class ArticleError(ValueError):
    """The text is not a readable article."""


@dataclass
class Sentence:
    id: str
    section: str
    text: str
    factual: bool


@dataclass
class Section:
    id: str
    title: str
    level: int
    path: list[str]
    sentences: list[Sentence] = field(default_factory=list)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"


def normalise(text: str) -> str:
    """Lower-case, straight quotes, single spaces: the form sentences are compared in."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split())


def split_sentences(paragraph: str) -> list[str]:
    pieces, start = [], 0
    for match in _BOUNDARY.finditer(paragraph):
        before = paragraph[start:match.start()].rstrip("\"”’)")
        last_word = re.split(r"\s", before)[-1].lower().rstrip(".")
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
            continue
        pieces.append(paragraph[start:match.start()].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def _is_statement(text: str) -> bool:
    """A sentence says something: it has a verb-like length and does not just label a list."""
    stripped = text.strip()
    return len(stripped.split()) >= 5 and not stripped.endswith(":") and not stripped.startswith("(See ")


def parse_article(text: str, title: str = "Lead") -> list[Section]:
    """Sections in order, the lead first; every sentence with a stable id."""
    if not text.strip():
        raise ArticleError("the article is empty")
    if "\x00" in text:
        raise ArticleError("the file is binary, not a plain-text article")
    sections = [Section(id="lead", title=title, level=1, path=["lead"])]
    stack: list[tuple[int, str]] = []
    for line in text.splitlines():
        heading = _HEADING.match(line.strip())
        if heading:
            level, name = len(heading.group(1)), heading.group(2)
            stack = [(lvl, s) for lvl, s in stack if lvl < level] + [(level, slug(name))]
            path = [s for _, s in stack]
            sections.append(Section(id="/".join(path), title=name, level=level, path=path))
            continue
        if not line.strip():
            continue
        section = sections[-1]
        factual_section = not any(p in {slug(n) for n in NON_FACTUAL_SECTIONS} for p in section.path)
        for sentence in split_sentences(line.strip()):
            digest = hashlib.sha1(normalise(sentence).encode()).hexdigest()[:8]
            section.sentences.append(Sentence(
                id=f"{section.id}#{digest}", section=section.id, text=sentence,
                factual=factual_section and _is_statement(sentence)))
    return sections


def as_dicts(sections: list[Section]) -> list[dict[str, Any]]:
    return [asdict(s) for s in sections]
