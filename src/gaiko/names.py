"""Which entity a name, code or number means, and which names come closest to a miss.

Lookups follow pycountry's habit: `find` returns the entity's id, or raises UnknownEntity (a
LookupError) carrying either the candidates of an ambiguous name or the closest suggestions.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from gaiko.store.textindex import name_key

if TYPE_CHECKING:
    from gaiko.store.read import Store
    from gaiko.views import EntityBrief

MAX_SUGGESTIONS = 5
SUGGESTION_CUTOFF = 0.6


class UnknownEntity(LookupError):
    """No entity matches the query; `suggestions` holds the closest names (or the candidates)."""

    def __init__(self, query: str, suggestions: list[EntityBrief], candidates: bool = False) -> None:
        self.query = query
        self.suggestions = suggestions
        self.ambiguous = candidates
        names = ", ".join(f"{s['name_en']} ({s['id']})" for s in suggestions)
        if candidates:
            message = f"{query!r} matches several entities: {names}"
        elif names:
            message = f"no entity matches {query!r}; did you mean: {names}?"
        else:
            message = f"no entity matches {query!r}"
        super().__init__(message)


def brief(store: Store, entity_id: str) -> EntityBrief:
    entity = store.one("entity", entity_id)
    if entity is None:
        return {"id": entity_id, "name_en": entity_id, "name_ja": None}
    return {"id": entity["id"], "name_en": entity["name_en"], "name_ja": entity.get("name_ja")}


def find(store: Store, query: str | int) -> str:
    """The id of the entity an id, ISO or COW code, or name means; raise UnknownEntity."""
    text = str(query).strip()
    if text and store.one("entity", text.upper()) is not None:
        return text.upper()
    if text.isdigit():
        kinds = ("iso_numeric",) if text.startswith("0") else ("cow_code", "iso_numeric")
        for kind in kinds:
            ids = [eid for eid, k in store.entity_ids_by_name_key(text) if k == kind]
            if ids:
                return _prefer_current(store, ids)
    ids = sorted({eid for eid, _ in store.entity_ids_by_name_key(name_key(text))})
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        raise UnknownEntity(text, [brief(store, i) for i in ids], candidates=True)
    raise UnknownEntity(text, suggest(store, text))


def _prefer_current(store: Store, ids: list[str]) -> str:
    kinds = {i: (store.one("entity", i) or {}).get("kind") for i in ids}
    current = [i for i in ids if kinds[i] != "historical_state"]
    return sorted(current or ids)[0]


def suggest(store: Store, text: str, limit: int = MAX_SUGGESTIONS) -> list[EntityBrief]:
    """Entities whose names (or a word of them) are closest to `text`, best first."""
    query = name_key(text)
    best: dict[str, float] = {}
    for key, _, entity_id in store.name_keys():
        if len(key) <= 3 and len(query) > 3:
            continue  # codes only compete with code-like queries
        score = difflib.SequenceMatcher(None, query, key).ratio()
        for word in key.split():
            if len(word) >= 3 and word != key:  # a word of a longer name ranks a little lower
                score = max(score, 0.95 * difflib.SequenceMatcher(None, query, word).ratio())
        if score > best.get(entity_id, 0.0):
            best[entity_id] = score
    ranked = sorted((s, eid) for eid, s in best.items() if s >= SUGGESTION_CUTOFF)
    return [brief(store, eid) for _, eid in sorted(ranked, key=lambda p: -p[0])[:limit]]
