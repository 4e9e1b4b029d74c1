"""Which entity a name, code or number means, and which names come closest to a miss.

Lookups follow pycountry's habit: `find` returns the entity's id, or raises UnknownEntity (a
LookupError) carrying either the candidates of an ambiguous name or the closest suggestions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gaiko.normalise import keys, name_key
from gaiko.vocab import JAPAN_ID, JAPAN_NAMES

if TYPE_CHECKING:
    from gaiko.store.read import Store
    from gaiko.views import EntityBrief

MAX_SUGGESTIONS = 5
SUGGESTION_CUTOFF = 60  # rapidfuzz's 0–100 score


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


class IsJapan(UnknownEntity):
    """The query names Japan, whose relations are the whole of gaiko rather than one entity's page."""

    def __init__(self, query: str) -> None:
        super().__init__(query, [])
        self.args = (f"{query!r} is Japan: gaiko is about Japan's relations with every other state, so Japan "
                     "is not one of its partners (see the explorer's /japan page, or `gaiko relations`)",)


def brief(store: Store, entity_id: str) -> EntityBrief:
    if entity_id == JAPAN_ID:
        return {"id": JAPAN_ID, "name_en": JAPAN_NAMES["en"], "name_ja": JAPAN_NAMES["ja"]}
    entity = store.one("entity", entity_id)
    if entity is None:
        return {"id": entity_id, "name_en": entity_id, "name_ja": None}
    return {"id": entity["id"], "name_en": entity["name_en"], "name_ja": entity.get("name_ja")}


def find(store: Store, query: str | int, suggest_on_miss: bool = True) -> str:
    """The id of the entity an id, ISO or COW code, or any name means; raise UnknownEntity with
    the candidates of an ambiguous name, or with suggestions."""
    text = str(query).strip()
    if not text:
        raise UnknownEntity(text, [])
    if len(text) <= 16 and store.one("entity", text.upper()) is not None:
        return text.upper()
    if text.upper() == JAPAN_ID:
        raise IsJapan(text)
    if text.isdigit():
        kinds = ("iso_numeric",) if text.startswith("0") else ("cow_code", "iso_numeric")
        for kind in kinds:
            ids = [eid for eid, k, _, _ in store.entities_by_key([text]) if k == kind]
            if ids:
                return _prefer_current(store, ids)
    exact = name_key(text)
    # The name as typed outranks what is left of it once reordered or without brackets.
    named = store.entities_by_key(sorted(keys(text)))
    found = [(eid, rank if key == exact else rank + 1) for eid, _, rank, key in named]
    if not found:
        raise UnknownEntity(text, suggest(store, text) if suggest_on_miss else [])
    best = min(rank for _, rank in found)
    ids = sorted({eid for eid, rank in found if rank == best})
    if ids == [JAPAN_ID]:  # Japan's names are known (data/names) so that they are not taken for a typo
        raise IsJapan(text)
    if len(ids) == 1:
        return ids[0]
    raise UnknownEntity(text, [brief(store, i) for i in ids], candidates=True)


def _prefer_current(store: Store, ids: list[str]) -> str:
    kinds = {i: (store.one("entity", i) or {}).get("kind") for i in ids}
    current = [i for i in ids if kinds[i] != "historical_state"]
    return sorted(current or ids)[0]


def suggest(store: Store, text: str, limit: int = MAX_SUGGESTIONS) -> list[EntityBrief]:
    """Entities whose names come closest to `text`, best first: rapidfuzz's edit-distance ratio
    with the whole name, or (a little lower) with its best-matching part ("Kroea" in "South Korea")."""
    from rapidfuzz import fuzz, process

    query = name_key(text)
    if not query:
        return []
    names = [(key, entity_id) for key, _, entity_id in store.name_keys()
             if len(key) > 3 or len(query) <= 3]  # codes only compete with code-like queries
    # Japan has no entity (its names are CLDR's, left out above): a typo of its name still finds it.
    names += [(name_key(name), JAPAN_ID) for name in JAPAN_NAMES.values()]
    best: dict[str, float] = {}
    def score(a: str, b: str, **kwargs: object) -> float:
        return max(fuzz.ratio(a, b), 0.95 * fuzz.partial_ratio(a, b) if len(b) > len(a) else 0.0)

    for _, score_, index in process.extract(query, [k for k, _ in names], scorer=score,
                                           score_cutoff=SUGGESTION_CUTOFF, limit=limit * 20):
        entity_id = names[index][1]
        best[entity_id] = max(best.get(entity_id, 0.0), float(score_))
    ranked = sorted(best.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]
    return [brief(store, entity_id) for entity_id, _ in ranked]
