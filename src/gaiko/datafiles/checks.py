"""Checks that need more than one record: unique keys, references, spells in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from gaiko.hosts import classify, host_of
from gaiko.model import (
    Citation,
    Entity,
    Host,
    RelationEvent,
    Source,
    StatusStatement,
    Succession,
    TerritorySpell,
    TimelineEvent,
    iter_citations,
)
from gaiko.registry import RECORD_TYPES
from gaiko.vocab import JAPAN_ID, NOT_EVIDENCE, EntityKind, Tier

if TYPE_CHECKING:
    from gaiko.datafiles import Dataset
    from gaiko.datafiles.reading import DataError

COVERED_FROM = dt.date(1854, 1, 1)  # statehood is answered for every day since
Problem = Callable[[Any, str, str], None]


def cross_check(dataset: Dataset, errors: list[DataError]) -> None:
    """Add a DataError for every broken reference, duplicate key or misplaced spell."""
    from gaiko.datafiles.reading import DataError

    def problem(record: Any, field: str, message: str) -> None:
        errors.append(DataError(*dataset.where(record), field, message))

    entity_ids = {e.id for e in dataset.of(Entity)}
    parties = entity_ids | {JAPAN_ID}
    for rtype in RECORD_TYPES:
        records = dataset.records[rtype.name]
        if rtype.unique:
            _unique_keys(records, rtype.key, dataset, problem)
        for field, values, japan_allowed in rtype.refs:
            known = parties if japan_allowed else entity_ids
            for record in records:
                for value in values(record):
                    if value not in known:
                        problem(record, field, f"unknown entity {value!r}")
    _corrections_fit(dataset, problem)
    _citations_resolve(dataset, problem)
    _not_in_the_future(dataset, problem)
    _translations_named(dataset, problem)
    if dataset.of(Host):
        _sources_trustworthy(dataset, problem)
    by_entity: dict[str, list[TerritorySpell]] = {}
    for spell in dataset.of(TerritorySpell):
        by_entity.setdefault(spell.entity, []).append(spell)
    for spells in by_entity.values():
        _spells_in_order(spells, problem)
    if by_entity:  # once statehood is recorded, it is recorded for every entity, from 1854
        _statehood_complete(dataset, by_entity, problem)


def _unique_keys(records: list[Any], key: Callable[[Any], str], dataset: Dataset, problem: Problem) -> None:
    first: dict[str, tuple[str, int]] = {}
    for record in records:
        value = key(record)
        if value in first:
            file, line = first[value]
            problem(record, "id", f"duplicate id {value!r} (first at {file}:{line})")
        else:
            first[value] = dataset.where(record)


def _corrections_fit(dataset: Dataset, problem: Problem) -> None:
    from gaiko.model import Correction

    for correction in dataset.of(Correction):
        if correction.field not in Entity.model_fields or correction.field in ("id", "citations"):
            problem(correction, "field", f"{correction.field!r} cannot be corrected")


def _citations_resolve(dataset: Dataset, problem: Problem) -> None:
    from gaiko.model import Source, Work

    source_ids = {s.id for s in dataset.of(Source)}
    work_ids = {w.id for w in dataset.of(Work)}
    for record in dataset.cited_records():
        for citation in iter_citations(record):
            if citation.tier is not None:
                problem(record, "citations", "tier is gaiko's to set (from data/hosts.yaml): remove it here")
            if citation.source and citation.source not in source_ids:
                problem(record, "citations", f"unknown source {citation.source!r}")
            if citation.work and citation.work not in work_ids:
                problem(record, "citations", f"unknown work {citation.work!r}")


def _statehood_complete(dataset: Dataset, by_entity: dict[str, list[TerritorySpell]], problem: Problem) -> None:
    for entity in dataset.of(Entity):
        spells = by_entity.get(entity.id)
        if not spells:
            problem(entity, "id", f"no territory spells for {entity.id}: add them to data/statehood/")
            continue
        first = min(spells, key=lambda s: s.start.sort_key() if s.start else (dt.date.min, dt.date.min))
        if entity.kind is not EntityKind.HISTORICAL_STATE and first.start and first.start.earliest > COVERED_FROM:
            problem(first, "start", f"{entity.id}'s spells begin {first.start}: they must cover every day "
                                    f"from {COVERED_FROM.isoformat()} (omit start on the first spell)")


def _citation_tier(citation: Citation, hosts: dict[str, Host], sources: dict[str, Source]) -> Tier | None:
    if citation.url:
        host = classify(citation.url, hosts)
        return host.tier if host else None
    if citation.source and citation.source in sources:
        return sources[citation.source].tier
    return Tier.SCHOLARLY if citation.work else None


def _sources_trustworthy(dataset: Dataset, problem: Problem) -> None:
    """Every cited host classified; nothing cited that is not evidence; no fact resting only on
    copies and derivative pages."""
    hosts = {h.host: h for h in dataset.of(Host)}
    sources = {s.id: s for s in dataset.of(Source)}
    for record in dataset.cited_records():
        for citations in _citation_lists(record):
            tiers = []
            for citation in citations:
                if citation.url:
                    host = classify(citation.url, hosts)
                    if host is None:
                        problem(record, "citations", f"host {host_of(citation.url)!r} is not classified: add it "
                                                      "to data/hosts.yaml with its tier and the reason")
                        continue
                    if host.kind in NOT_EVIDENCE:
                        problem(record, "citations", f"{host.host} is not evidence ({host.kind}): cite the original")
                tiers.append(_citation_tier(citation, hosts, sources))
            if tiers and all(t is Tier.DERIVATIVE for t in tiers):
                problem(record, "citations", "this fact rests only on derivative pages (copies, blogs): cite the "
                                             "original or a better source")


def _citation_lists(record: BaseModel) -> Iterator[list[Citation]]:
    """Each list of citations in a record: one per fact (the record's own, each claim's, each position's)."""
    for value in record.__dict__.values():
        if isinstance(value, list) and value and isinstance(value[0], Citation):
            yield value
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, BaseModel) and not isinstance(item, Citation):
                yield from _citation_lists(item)


def _translations_named(dataset: Dataset, problem: Problem) -> None:
    """`translated` names Japanese fields the record fills (so the explorer can mark them)."""
    for rtype in RECORD_TYPES:
        if "translated" not in rtype.model.model_fields:
            continue
        for record in dataset.records[rtype.name]:
            for name in record.translated:
                if not name.endswith("_ja") or not getattr(record, name, None):
                    problem(record, "translated", f"{name!r} is not a Japanese field of this record with a value")


def _not_in_the_future(dataset: Dataset, problem: Problem, today: dt.date | None = None) -> None:
    """A date after today is a typo (2099 for 1999) unless the record says it is planned."""
    today = today or dt.date.today()
    dated: list[tuple[Any, str, Any]] = []
    for model, fields in ((RelationEvent, ("date",)), (TimelineEvent, ("date", "end_date")),
                          (TerritorySpell, ("start", "end")), (Succession, ("date",)), (StatusStatement, ("as_of",))):
        for record in dataset.of(model):
            dated += [(record, f, getattr(record, f)) for f in fields if getattr(record, f, None) is not None]
    for record, field, date in dated:
        if date.earliest > today and not getattr(record, "planned", False):
            hint = " (mark it planned: true if it is scheduled)" if hasattr(record, "planned") else ""
            problem(record, field, f"{date} is after today ({today.isoformat()}){hint}")


def _spells_in_order(spells: list[TerritorySpell], problem: Problem) -> None:
    """One open start at most, no two spells starting together, `end` only on the last."""
    open_start = [s for s in spells if s.start is None]
    for extra in open_start[1:]:
        problem(extra, "start", f"two spells of {extra.entity} have no start; only the first may")
    dated = sorted((s for s in spells if s.start is not None), key=lambda s: s.start.sort_key())  # type: ignore[union-attr]
    for before, after in zip(dated, dated[1:], strict=False):
        if before.start == after.start:
            problem(after, "start", f"{after.entity} already has a spell starting {after.start} ({before.id})")
    ordered = open_start[:1] + dated
    for spell in ordered[:-1]:
        if spell.end is not None:
            problem(spell, "end", "only the last spell of an entity may have an end")
