"""Bibliographic works as CSL-JSON and BibTeX (pure functions over Work dicts)."""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]

_CSL_TYPES = {"book": "book", "edited-book": "book", "article": "article-journal"}
_BIBTEX_TYPES = {"book": "book", "edited-book": "book", "article": "article"}


def _people(people: list[Record]) -> list[Record]:
    return [{k: v for k, v in p.items() if v} for p in people]


def to_csl(work: Record) -> Record:
    """One work as a CSL-JSON item."""
    item: Record = {"id": work["id"], "type": _CSL_TYPES[work["type"]], "title": work["title"]}
    if work.get("authors"):
        item["author"] = _people(work["authors"])
    if work.get("editors"):
        item["editor"] = _people(work["editors"])
    for ours, theirs in (("container_title", "container-title"), ("volume", "volume"), ("issue", "issue"),
                         ("pages", "page"), ("publisher", "publisher"), ("doi", "DOI"), ("url", "URL"),
                         ("edition", "edition"), ("number_of_volumes", "number-of-volumes"),
                         ("number_of_pages", "number-of-pages"), ("notes", "note")):
        if work.get(ours) not in (None, ""):
            item[theirs] = work[ours]
    if work.get("year"):
        parts = [int(work["year"])] + ([work["month"]] if work.get("month") else [])
        item["issued"] = {"date-parts": [parts]}
    return item


def _bib_names(people: list[Record], et_al: bool) -> str:
    names = [f"{p['family']}, {p['given']}" if p.get("given") else p["family"] for p in people]
    return " and ".join(names + (["others"] if et_al else []))


def _bib_escape(text: str) -> str:
    return text.replace("&", r"\&").replace("%", r"\%")


def to_bibtex(work: Record) -> str:
    """One work as a BibTeX entry."""
    fields: list[tuple[str, str]] = []
    if work.get("authors"):
        fields.append(("author", _bib_names(work["authors"], work.get("et_al", False))))
    if work.get("editors"):
        fields.append(("editor", _bib_names(work["editors"], work.get("et_al", False) and not work.get("authors"))))
    fields.append(("title", work["title"]))
    for ours, theirs in (("container_title", "journal"), ("volume", "volume"), ("issue", "number"),
                         ("publisher", "publisher"), ("year", "year"), ("doi", "doi"), ("url", "url"),
                         ("notes", "note")):
        if work.get(ours):
            fields.append((theirs, str(work[ours])))
    if work.get("pages"):
        fields.append(("pages", work["pages"].replace("–", "--")))
    if work.get("edition"):
        fields.append(("edition", str(work["edition"])))
    body = ",\n".join(f"  {key} = {{{_bib_escape(value)}}}" for key, value in fields)
    return f"@{_BIBTEX_TYPES[work['type']]}{{{work['id']},\n{body}\n}}\n"
