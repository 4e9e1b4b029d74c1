"""Where each entity stood on every day since 1854, computed once by the build.

An entity's territory spells say whether it was a state of its own or which state held it;
Japan's status with a state follows from its events (`gaiko.status`). Joined, they give one
interval per stretch of days on which the answer is the same: the status of the entity itself
while it was sovereign, the status with its holder while another state held it, "japan" while
it was Japan's own territory, and "no_state" where no state of the day's state system held it
or the state did not yet exist. As-of answers are then a lookup of one interval.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from gaiko.model import (
    HOLDING_CONDITIONS,
    Condition,
    DiplomaticExchange,
    Entity,
    RelationEvent,
    StatusStatement,
    TerritorySpell,
)
from gaiko.status import Exchange, StatusAt, history
from gaiko.vocab import JAPAN_ID, Status

NOT_YET = "not_yet_a_state"  # a territory condition before a historical state's first spell
ENDED = "ended"  # after a historical state's last spell
ASSUMED = "sovereign"  # an entity without spells is taken as a state of its own throughout
# Statuses that mean relations existed at some time: a later "none" is then not "never".
_EVER_RELATED = {Status.DIPLOMATIC, Status.UNOFFICIAL, Status.RECOGNISED, Status.SEVERED, Status.SUSPENDED}


@dataclass(frozen=True)
class Interval:
    """One stretch of days with the same answer for one entity; `end` is exclusive (None: open)."""

    entity: str
    start: dt.date
    end: dt.date | None
    status: str
    basis: str | None
    basis_id: str | None
    since: str | None
    never: bool
    note: str | None
    condition: str
    holders: tuple[str, ...] = ()
    spell: TerritorySpell | None = None
    spell_until: str | None = None

    def same_answer(self, other: Interval) -> bool:
        return (self.status, self.basis, self.basis_id, self.since, self.never, self.note, self.condition,
                self.holders, self.spell) == (other.status, other.basis, other.basis_id, other.since,
                                              other.never, other.note, other.condition, other.holders,
                                              other.spell)


Relation = tuple[dt.date, dt.date | None, StatusAt, bool]  # start, end, status, never


def relation_histories(entities: Sequence[Entity], events: Sequence[RelationEvent],
                       statements: dict[str, list[StatusStatement]],
                       exchanges: Sequence[DiplomaticExchange]) -> dict[str, list[Relation]]:
    """Japan's status with each entity as a state, on every day, as intervals."""
    by_partner: dict[str, list[RelationEvent]] = defaultdict(list)
    for event in events:
        by_partner[event.partner].append(event)
    seen: dict[str, list[Exchange]] = defaultdict(list)
    for row in exchanges:
        seen[row.partner].append(Exchange(row.year, row.exchange))
    out: dict[str, list[Relation]] = {}
    for entity in entities:
        steps = history(by_partner[entity.id], statements.get(entity.id, []), seen[entity.id])
        intervals: list[Relation] = []
        related = False
        for i, (start, at) in enumerate(steps):
            end = steps[i + 1][0] if i + 1 < len(steps) else None
            never = at.status is Status.NONE and not related
            related = related or at.status in _EVER_RELATED
            intervals.append((start, end, StatusAt(at.status, at.basis, at.basis_id, None, at.note) if never else at,
                              never))
        out[entity.id] = intervals
    return out


def _clip(relations: list[Relation], start: dt.date, end: dt.date | None) -> Iterator[Relation]:
    """The relation intervals within [start, end)."""
    for r_start, r_end, at, never in relations:
        if (end is not None and r_start >= end) or (r_end is not None and r_end <= start):
            continue
        clipped_end = r_end if end is None or (r_end is not None and r_end < end) else end
        yield max(r_start, start), clipped_end, at, never


def _spell_bounds(spells: list[TerritorySpell]) -> Iterator[tuple[dt.date, dt.date | None, str, TerritorySpell | None]]:
    """(start, end, condition, spell) covering every day, before, during and after the spells."""
    ordered = sorted(spells, key=lambda s: s.start.sort_key() if s.start else (dt.date.min, dt.date.min))
    first = ordered[0].start
    if first is not None and first.earliest > dt.date.min:
        yield dt.date.min, first.earliest, NOT_YET, None
    for i, spell in enumerate(ordered):
        start = spell.start.earliest if spell.start else dt.date.min
        following = ordered[i + 1].start if i + 1 < len(ordered) else None
        if following is not None:
            yield start, following.earliest, spell.condition.value, spell
        elif spell.end is not None:
            after = spell.end.latest + dt.timedelta(days=1)
            yield start, after, spell.condition.value, spell
            yield after, None, ENDED, spell
        else:
            yield start, None, spell.condition.value, spell


def standings(entities: Sequence[Entity], spells: Sequence[TerritorySpell],
              relations: dict[str, list[Relation]]) -> Iterator[Interval]:
    """Every entity's intervals, in entity and date order."""
    by_entity: dict[str, list[TerritorySpell]] = defaultdict(list)
    for spell in spells:
        by_entity[spell.entity].append(spell)
    for entity in entities:
        rows = list(_entity_standings(entity.id, by_entity.get(entity.id, []), relations))
        yield from _merged(rows)


def _entity_standings(entity_id: str, spells: list[TerritorySpell],
                      relations: dict[str, list[Relation]]) -> Iterator[Interval]:
    own = relations.get(entity_id, [])
    if not spells:
        for start, end, at, never in own:
            yield _interval(entity_id, start, end, at, never, ASSUMED)
        return
    bounds = list(_spell_bounds(spells))
    previous = NOT_YET
    continuing = False  # a state of its own until this spell: sovereign, or occupied while it went on
    for start, end, condition, spell in bounds:
        until = str(spell_next.start) if (spell_next := _next_spell(bounds, spell)) and spell_next.start else None
        previous, condition_before = condition, previous
        continuing = condition_before == Condition.SOVEREIGN or (condition_before == Condition.OCCUPIED and continuing)
        if condition == Condition.SOVEREIGN:
            for r_start, r_end, at, never in _clip(own, start, end):
                yield _interval(entity_id, r_start, r_end, at, never, condition, (), spell, until)
        elif condition in HOLDING_CONDITIONS and spell is not None:
            holders = tuple(spell.holders)
            if holders[0] == JAPAN_ID:
                at = StatusAt(Status.JAPAN, "statehood", spell.id, str(spell.start) if spell.start else None,
                              f"{spell.form or 'part of Japan'}")
                yield _interval(entity_id, start, end, at, False, condition, holders, spell, until)
                continue
            held = relations.get(holders[0], [])
            if condition == Condition.OCCUPIED:
                # An occupied state goes on (its government, often in exile, keeps its relations);
                # an occupied territory that was no state, and has no relations of its own then,
                # stands with its occupier.
                pieces = [piece for own_start, own_end, own_at, own_never in _clip(own, start, end)
                          for piece in ([(own_start, own_end, own_at, own_never)]
                                        if continuing or not (own_at.status is Status.UNKNOWN or own_never)
                                        else list(_clip(held, own_start, own_end)))]
            else:
                pieces = list(_clip(held, start, end))
            for r_start, r_end, at, never in pieces:
                yield _interval(entity_id, r_start, r_end, at, never, condition, holders, spell, until)
        elif condition == ENDED:
            for r_start, r_end, at, _never in _clip(own, start, end):
                if at.status is not Status.ENDED:
                    at = StatusAt(Status.ENDED, "statehood", spell.id if spell else None,
                                  str(spell.end) if spell and spell.end else None, "the state no longer exists")
                yield _interval(entity_id, r_start, r_end, at, False, condition, (), spell)
        else:  # outside the state system, or not yet a state
            note = ("no state of the day's state system held the territory" if condition != NOT_YET
                    else "the state did not yet exist")
            at = StatusAt(Status.NO_STATE, "statehood", spell.id if spell else None,
                          str(spell.start) if spell and spell.start else None, note)
            yield _interval(entity_id, start, end, at, False, condition, (), spell, until)


def _next_spell(bounds: list[tuple[dt.date, dt.date | None, str, TerritorySpell | None]],
                spell: TerritorySpell | None) -> TerritorySpell | None:
    spells = [s for _, _, c, s in bounds if s is not None and c != ENDED]
    if spell is None:
        return spells[0] if spells else None
    at = spells.index(spell) if spell in spells else -1
    return spells[at + 1] if 0 <= at < len(spells) - 1 else None


def _interval(entity_id: str, start: dt.date, end: dt.date | None, at: StatusAt, never: bool, condition: str,
              holders: tuple[str, ...] = (), spell: TerritorySpell | None = None,
              until: str | None = None) -> Interval:
    return Interval(entity_id, start, end, at.status.value, at.basis, at.basis_id, at.since, never, at.note,
                    condition, holders, spell, until)


def _merged(rows: list[Interval]) -> Iterator[Interval]:
    current: Interval | None = None
    for row in rows:
        if current is not None and current.end == row.start and current.same_answer(row):
            current = Interval(**{**current.__dict__, "end": row.end})
            continue
        if current is not None:
            yield current
        current = row
    if current is not None:
        yield current
