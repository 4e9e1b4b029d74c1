"""Parse a Wikipedia "Further reading" list into structured works.

Entries look like:
  Akagi, Roy Hidemichi. Japan's Foreign Relations 1542-1936: A Short History (Hokuseido Press, 1936). online 560pp
  Gustafsson, Karl, Linus Hagström, and Ulv Hanssen. "Japan's pacifism is dead." Survival 60.6 (2018): 137–158.
  Nakamura, Satoru, and Wright, Steven (eds.). Japan and the Middle East. Springer Nature Singapore, 2023. https://doi.org/...
The parser keeps what it cannot place in `notes`, never drops text, and keeps the raw line.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from gaiko.datafiles import WORKS_YAML

Record = dict[str, Any]

_EDITOR_MARK = re.compile(r"(?:,?\s*\(?\beds?\.?\)?\.?)$", re.IGNORECASE)
_ET_AL = re.compile(r"\s+et al\.?", re.IGNORECASE)
_PUBLISHER_YEAR = re.compile(r"\(([^()]+?),\s*(\d{4})\)")
_JOURNAL = re.compile(
    r"^(?P<container>.+?)\s+(?P<volume>\d+)\.(?P<issue>\d+)\s+\((?P<year>\d{4})\)(?::\s*(?P<pages>\d+\s*[–-]\s*\d+))?\.?"
)
_CONTAINER_DATE = re.compile(r"^(?P<container>[^()]+?)\s+\((?P<month>[A-Z][a-z]+ )?(?P<year>\d{4})\)\.?")
_PLAIN_BOOK = re.compile(r"^(?P<title>.+?)\.\s+(?P<publisher>[^.]+?),\s*(?P<year>\d{4})\.")
_DOI = re.compile(r"https?://doi\.org/(\S+?)\.?$|https?://doi\.org/(\S+)")
_URL = re.compile(r"https?://\S+")
_EDITION = re.compile(r"\s+(\d+)(?:st|nd|rd|th) ed\.?$")
_VOLUMES = re.compile(r"\s+(\d+) volumes$")
_VOLUME_IN_TITLE = re.compile(r"\bVol\.\s*(\d+)")
_PAGE_COUNT = re.compile(r"\b(\d+)\s*pp\b")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def _split_names(text: str) -> list[Record]:
    """'Last, First, First Last, and First Last' (or '..., and Last, First') -> names."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text.strip().rstrip(",")) if p.strip()]
    names: list[Record] = []
    i = 0
    while i < len(parts):
        # The first author is inverted ("Last, First"); a later part without a space is an
        # inverted surname too ("Wright, Steven"); otherwise a later part is "First Last".
        inverted = i == 0 or " " not in parts[i]
        if inverted and i + 1 < len(parts):
            names.append({"family": parts[i], "given": parts[i + 1]})
            i += 2
            continue
        given, _, family = parts[i].rpartition(" ")
        names.append({"family": family, "given": given} if given else {"family": parts[i]})
        i += 1
    return names


def _creators(segment: str) -> tuple[list[Record], bool, bool]:
    """Names, whether they are editors, and whether 'et al.' cut the list short."""
    segment = segment.strip()
    editors = bool(_EDITOR_MARK.search(segment))
    segment = _EDITOR_MARK.sub("", segment).strip().rstrip(",")
    et_al = bool(_ET_AL.search(segment))
    segment = _ET_AL.sub("", segment).strip().rstrip(",")
    return _split_names(segment), editors, et_al


def _author_end(line: str) -> int:
    """Index just after the creators segment.

    That is the first '. ' that does not close an initial or 'et al'; failing that (the title
    follows an initial: 'Barnhart, Michael A. Japan and ...'), the last such '. ' before the
    title's quote or the publisher's parenthesis.
    """
    limit = min((i for i in (line.find('"'), line.find("(")) if i > 0), default=len(line))
    fallback = 0
    for match in re.finditer(r"\.\s", line):
        word = re.split(r"[\s,]", line[: match.start()])[-1]
        end = match.end()
        editor = re.match(r"(eds?\.)\s", line[end:])
        end = end + editor.end() if editor else end
        if len(word.strip("()")) <= 1 or word.lower() == "al":
            if match.start() < limit:
                fallback = end
            continue
        return end
    return fallback


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def parse_entry(line: str, number: int = 0) -> Record:
    """One entry of a reading list as a work; unparsed text goes to `notes`."""
    raw = " ".join(line.split())
    end = _author_end(raw)
    segment = raw[:end].strip()
    if not re.search(r"\b[A-Z]\.$", segment):  # keep the period of a final initial
        segment = segment.rstrip(".")
    creators, are_editors, et_al = _creators(segment) if end else ([], False, False)
    rest = raw[end:].strip()
    work: Record = {"type": "book", "raw": raw}
    if creators:
        work["editors" if are_editors else "authors"] = creators
    if et_al:
        work["et_al"] = True
    tail = ""
    if rest.startswith('"'):
        close = rest.find('"', 1)
        work["type"] = "article"
        work["title"] = rest[1:close].rstrip(".").strip()
        after = rest[close + 1:].strip()
        journal = _JOURNAL.match(after)
        dated = _CONTAINER_DATE.match(after)
        if journal:
            work.update({k: v for k, v in journal.groupdict().items() if v})
            work["container_title"] = work.pop("container")
            if "pages" in work:
                work["pages"] = re.sub(r"\s*[–-]\s*", "–", work["pages"])
            tail = after[journal.end():]
        elif dated:
            work["container_title"] = dated["container"].strip()
            work["year"] = dated["year"]
            if dated["month"]:
                work["month"] = _MONTHS.index(dated["month"].strip()) + 1
            tail = after[dated.end():]
        else:
            tail = after
    elif (found := list(_PUBLISHER_YEAR.finditer(rest))):
        last = found[-1]
        title = rest[: last.start()].strip()
        if (edition := _EDITION.search(title)):
            work["edition"] = int(edition.group(1))
            title = title[: edition.start()]
        if (volumes := _VOLUMES.search(title)):
            work["number_of_volumes"] = int(volumes.group(1))
            title = title[: volumes.start()]
        if (volume := _VOLUME_IN_TITLE.search(title)):
            work["volume"] = volume.group(1)
        work["title"] = title.strip()
        work["publisher"], work["year"] = last.group(1).strip(), last.group(2)
        tail = rest[last.end():]
    elif (plain := _PLAIN_BOOK.match(rest)):
        work.update(title=plain["title"].strip(), publisher=plain["publisher"].strip(), year=plain["year"])
        tail = rest[plain.end():]
    else:
        work["title"] = rest
    if are_editors and work["type"] == "book":
        work["type"] = "edited-book"
    tail = tail.strip(" .,;")
    if (doi := _DOI.search(tail)):
        work["doi"] = (doi.group(1) or doi.group(2)).rstrip(".")
        work["url"] = f"https://doi.org/{work['doi']}"
        tail = _DOI.sub("", tail).strip(" .")
    elif (url := _URL.search(tail)):
        work["url"] = url.group(0).rstrip(".")
        tail = _URL.sub("", tail).strip(" .")
    if (count := _PAGE_COUNT.search(tail)):
        work["number_of_pages"] = int(count.group(1))
    if re.search(r"\bonline\b", tail):
        work["online"] = True
    if tail:
        work["notes"] = tail
    first = (creators[0]["family"] if creators else work.get("title", "work"))
    work["id"] = _slug(f"{first}-{work.get('year', 'nd')}")
    if number:
        work["entry"] = number
    return work


def further_reading(text: str) -> list[str]:
    """The lines of the '== Further reading ==' section of a plain-text article."""
    lines, inside = [], False
    for line in text.splitlines():
        heading = re.match(r"^(=+)\s*(.*?)\s*=+\s*$", line)
        if heading:
            inside = heading.group(2).lower() == "further reading"
            continue
        if inside and line.strip():
            lines.append(line.strip())
    return lines


def parse_reading_list(text: str) -> list[Record]:
    """Every entry of the article's Further reading, with unique ids."""
    works: list[Record] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(further_reading(text), start=1):
        work = parse_entry(line, number)
        base = work["id"]
        if seen.get(base):
            work["id"] = f"{base}{chr(ord('a') + seen[base] - 1)}"
        seen[base] = seen.get(base, 0) + 1
        works.append(work)
    return works


def write_works(article: Path, data_dir: Path) -> int:
    """Write data/works.yaml from the article's Further reading; return the number of works."""
    works = parse_reading_list(article.read_text(encoding="utf-8"))
    for work in works:
        work["citations"] = [{"source": "seed-article", "locator": f"Further reading, entry {work['entry']}"}]
    header = ("# Generated by `gaiko import works` from the seed article's Further reading."
              " Do not edit: fix the parser or add a correction.\n")
    text = header + yaml.safe_dump(works, allow_unicode=True, sort_keys=False, width=100)
    (data_dir / WORKS_YAML).write_text(text, encoding="utf-8")
    return len(works)
