"""Derive Japan's status with a partner on any date from its dated events.

Status is never stored: it follows from the relation events, the general statements (from
their as-of date) and, where neither says anything, COW's Diplomatic Exchange snapshots.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product

from gaiko.dates import PartialDate
from gaiko.model import RelationEvent, StatusStatement
from gaiko.vocab import OPENING_TYPES, EventType, Status

# What each event type makes the status; types absent here change nothing.
_SETS: dict[EventType, Status] = {
    EventType.ESTABLISHMENT: Status.DIPLOMATIC,
    EventType.RESUMPTION: Status.DIPLOMATIC,
    EventType.NORMALISATION: Status.DIPLOMATIC,
    EventType.CONTINUATION: Status.DIPLOMATIC,
    EventType.SEVERANCE: Status.SEVERED,
    EventType.SUSPENSION: Status.SUSPENDED,
    EventType.UNOFFICIAL_RELATIONS: Status.UNOFFICIAL,
    EventType.STATE_DISSOLVED: Status.ENDED,
}
# Opening a mission presupposes relations, so it implies them where nothing else was known
# or after a severance (a legation reopened after the war restores relations by that day).
_IMPLIES_RELATIONS = {EventType.LEGATION_OPENED, EventType.EMBASSY_OPENED, EventType.UPGRADE}
_MISSION_RESTORES_FROM = {Status.NONE, Status.UNKNOWN, Status.RECOGNISED, Status.SEVERED, Status.SUSPENDED}


@dataclass(frozen=True)
class Exchange:
    """One COW Diplomatic Exchange snapshot year for the partner."""

    year: int
    exchange: bool


@dataclass(frozen=True)
class StatusAt:
    """The derived status on a date and what it rests on."""

    status: Status
    basis: str | None = None  # "event", "statement", "evidence" or None
    basis_id: str | None = None
    since: str | None = None
    note: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "status": self.status.value,
            "basis": self.basis,
            "basis_id": self.basis_id,
            "since": self.since,
            "note": self.note,
        }


def event_effect(event: RelationEvent, current: Status) -> Status | None:
    """The status after `event`, or None if it changes nothing."""
    if event.type is EventType.RECOGNITION:
        if event.starts_relations:
            return Status.DIPLOMATIC
        return Status.RECOGNISED if current in (Status.NONE, Status.UNKNOWN) else None
    if event.type in _IMPLIES_RELATIONS:
        return Status.DIPLOMATIC if current in _MISSION_RESTORES_FROM else None
    return _SETS.get(event.type)


def can_change_status(event_type: EventType) -> bool:
    """False for the event types that never change the status (treaties, declarations …)."""
    return event_type in _SETS or event_type in _IMPLIES_RELATIONS or event_type is EventType.RECOGNITION


def _initial(events: Sequence[RelationEvent]) -> Status:
    for event in events:
        if event_effect(event, Status.UNKNOWN) is not None:
            return Status.NONE if event.type in OPENING_TYPES else Status.UNKNOWN
    return Status.UNKNOWN


def _from_evidence(exchanges: Iterable[Exchange], day: dt.date) -> StatusAt | None:
    """COW shows representation in the snapshot years on both sides of the day (or on it)."""
    years = sorted(exchanges, key=lambda e: e.year)
    before = [e for e in years if e.year <= day.year]
    after = [e for e in years if e.year >= day.year]
    if before and after and before[-1].exchange and after[0].exchange:
        first, last = before[-1].year, after[0].year
        span = str(first) if first == last else f"{first} and {last}"
        return StatusAt(
            Status.DIPLOMATIC,
            "evidence",
            f"cow-diplomatic-exchange-{first}",
            str(first),
            f"No dated event; COW's Diplomatic Exchange records representation in {span}.",
        )
    return None


# Above this many ways of placing the undecided events, the status is simply unknown.
_MAX_SCENARIOS = 256

Dated = tuple[PartialDate, "RelationEvent | StatusStatement"]


def _replay(initial: Status, items: Sequence[Dated]) -> StatusAt:
    """Apply events and statements in order; a more precise event inside the current basis
    (a "1962-10-09" recognition within a "1962" establishment) becomes the basis."""
    result = StatusAt(initial)
    event_date: PartialDate | None = None  # the date of the event the result rests on
    for date, record in items:
        if isinstance(record, StatusStatement):
            # A statement confirming what the events say leaves the dated basis in place.
            if record.status is not result.status:
                result, event_date = StatusAt(record.status, "statement", record.id, str(date)), None
            continue
        new = event_effect(record, result.status)
        if new is None or (new is result.status and not (event_date and date.refines(event_date))):
            continue
        result, event_date = StatusAt(new, "event", record.id, str(date)), date
    return result


def _placements(undecided: Sequence[Dated], decided: Sequence[Dated]) -> list[list[Dated]] | None:
    """Every order the decided items and the undecided events can have taken, each undecided
    event either not yet happened or happened between its earliest day and the day asked."""
    options: list[list[int | None]] = []
    for date, _ in undecided:
        first = sum(1 for d, _ in decided if d.latest < date.earliest)
        options.append([None, *range(first, len(decided) + 1)])
    count = 1
    for choice in options:
        count *= len(choice)
    if count > _MAX_SCENARIOS:
        return None
    scenarios = []
    for positions in product(*options):
        slots: list[list[Dated]] = [[] for _ in range(len(decided) + 1)]
        for item, position in zip(undecided, positions, strict=True):
            if position is not None:
                slots[position].append(item)
        order: list[Dated] = list(slots[0])
        for item, slot in zip(decided, slots[1:], strict=True):
            order += [item, *slot]
        scenarios.append(order)
    return scenarios


def status_on(
    day: dt.date,
    events: Sequence[RelationEvent],
    statements: Sequence[StatusStatement] = (),
    exchanges: Iterable[Exchange] = (),
) -> StatusAt:
    """Japan's status with one partner on `day`.

    Events apply in date order once their whole period has passed. An event whose period
    contains the day (a "1960" event on 1960-06-01) may or may not have happened yet: every
    placement of it is tried, and if they disagree the status is unknown. A general statement
    applies from the end of its as-of period.
    """
    timeline: list[tuple[PartialDate, int, RelationEvent | StatusStatement]] = [
        (e.date, 0, e) for e in events
    ] + [(s.as_of, 1, s) for s in statements]
    timeline.sort(key=lambda item: (item[0].sort_key(), item[1]))
    initial = _initial(sorted(events, key=lambda e: e.date.sort_key()))
    decided: list[Dated] = [(d, r) for d, _, r in timeline if d.latest <= day]
    undecided: list[Dated] = [(d, r) for d, _, r in timeline
                              if isinstance(r, RelationEvent) and d.earliest <= day < d.latest]
    result = _replay(initial, decided)
    if undecided:
        scenarios = _placements(undecided, decided)
        outcomes = {_replay(initial, order).status for order in scenarios} if scenarios else set()
        if outcomes != {result.status}:
            date, record = next(((d, r) for d, r in undecided if _replay(initial, [*decided, (d, r)]).status
                                 is not result.status), undecided[0])
            note = (f"{record.id} is dated {date}, known only to the {date.precision.value}: "
                    "it may or may not have taken place yet")
            return StatusAt(Status.UNKNOWN, "event", record.id, None, note)
    if result.status is Status.UNKNOWN:
        return _from_evidence(exchanges, day) or result
    if result.status in _BREAKS and result.since:
        return _resumed_by_evidence(exchanges, day, result, [(d, r) for d, _, r in timeline]) or result
    return result


# A break that missions exchanged afterwards prove over (as a legation reopened after a war does).
_BREAKS = {Status.SEVERED, Status.SUSPENDED}
# How many COW snapshots in a row (five years apart) must show envoys before they outweigh a break.
RESUMPTION_RUN = 2


def _resumed_by_evidence(exchanges: Iterable[Exchange], day: dt.date, broken: StatusAt,
                         items: Sequence[Dated]) -> StatusAt | None:
    """Diplomatic, from the first of RESUMPTION_RUN or more COW snapshots in a row that show
    representation after the year of the break, when no dated event or statement restores
    relations by the end of that first year: they were resumed by then, on a day nothing here
    dates (so no `since`; the audit lists it as undated_resumption). One snapshot alone does not
    outweigh a dated break (the audit's representation_while_severed)."""
    assert broken.since is not None
    broke = PartialDate.parse(broken.since)
    run: list[int] = []
    for snapshot in sorted((e for e in exchanges if e.year > broke.latest.year), key=lambda e: e.year):
        if not snapshot.exchange:
            if len(run) >= RESUMPTION_RUN:
                break
            run = []
            continue
        run.append(snapshot.year)
    if len(run) < RESUMPTION_RUN or run[0] > day.year:
        return None
    by = dt.date(run[0], 12, 31)
    for date, record in items:
        if not broke.latest < date.earliest <= by:
            continue
        restores = (record.status not in _BREAKS if isinstance(record, StatusStatement)
                    else event_effect(record, broken.status) not in (None, *_BREAKS))
        if restores:
            return None
    note = (f"{broken.status.value} since {broken.since} ({broken.basis_id}); resumed by {run[0]} on a day no "
            f"source here dates: COW's Diplomatic Exchange records representation in {', '.join(map(str, run))}.")
    return StatusAt(Status.DIPLOMATIC, "evidence", f"cow-diplomatic-exchange-{run[0]}", None, note)


def change_points(events: Sequence[RelationEvent], statements: Sequence[StatusStatement] = (),
                  exchanges: Iterable[Exchange] = ()) -> list[dt.date]:
    """The days on which `status_on` can give a different answer than the day before."""
    points = {dt.date.min}
    for date in [e.date for e in events] + [s.as_of for s in statements]:
        points |= {date.earliest, date.latest}
    for exchange in exchanges:
        points |= {dt.date(exchange.year, 1, 1), dt.date(min(exchange.year + 1, dt.MAXYEAR), 1, 1)}
    return sorted(points)


def history(events: Sequence[RelationEvent], statements: Sequence[StatusStatement] = (),
            exchanges: Sequence[Exchange] = ()) -> list[tuple[dt.date, StatusAt]]:
    """Japan's status with one partner on every day, as (first day, status) intervals in order:
    each holds until the next one's first day. Equal neighbours are merged."""
    events = [e for e in events if can_change_status(e.type)]  # treaties, declarations … change nothing
    out: list[tuple[dt.date, StatusAt]] = []
    for day in change_points(events, statements, exchanges):
        at = status_on(day, events, statements, exchanges)
        if not out or out[-1][1] != at:
            out.append((day, at))
    return out
