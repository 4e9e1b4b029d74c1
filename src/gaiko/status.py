"""Derive Japan's status with a partner on any date from its dated events.

Status is never stored: it follows from the relation events, the general statements (from
their as-of date) and, where neither says anything, COW's Diplomatic Exchange snapshots.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gaiko.dates import PartialDate
from gaiko.model import EventType, RelationEvent, Status, StatusStatement

# What each event type makes the status; types absent here change nothing.
_SETS: dict[EventType, Status] = {
    EventType.ESTABLISHMENT: Status.DIPLOMATIC,
    EventType.RESUMPTION: Status.DIPLOMATIC,
    EventType.NORMALISATION: Status.DIPLOMATIC,
    EventType.CONTINUATION: Status.DIPLOMATIC,
    EventType.SEVERANCE: Status.SEVERED,
    EventType.SUSPENSION: Status.SEVERED,
    EventType.UNOFFICIAL_RELATIONS: Status.UNOFFICIAL,
    EventType.STATE_DISSOLVED: Status.ENDED,
}
# Opening a mission presupposes relations, so it implies them where nothing else was known.
_IMPLIES_RELATIONS = {EventType.LEGATION_OPENED, EventType.EMBASSY_OPENED, EventType.UPGRADE}
_WITHOUT_RELATIONS = {Status.NONE, Status.UNKNOWN, Status.RECOGNISED}
# Events that mark the start of relations: before the first of them, there were none.
_STARTS = {EventType.RECOGNITION, EventType.ESTABLISHMENT, EventType.NORMALISATION}


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
        return Status.DIPLOMATIC if current in _WITHOUT_RELATIONS else None
    return _SETS.get(event.type)


def _initial(events: Sequence[RelationEvent]) -> Status:
    for event in events:
        if event_effect(event, Status.UNKNOWN) is not None:
            return Status.NONE if event.type in _STARTS else Status.UNKNOWN
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


def status_on(
    day: dt.date,
    events: Sequence[RelationEvent],
    statements: Sequence[StatusStatement] = (),
    exchanges: Iterable[Exchange] = (),
) -> StatusAt:
    """Japan's status with one partner on `day`.

    Events apply in date order once their whole period has passed; an event whose period
    contains the day (a "1960" event on 1960-06-01) makes the status unknown if it would
    change it. A general statement applies from the end of its as-of period.
    """
    timeline: list[tuple[PartialDate, int, RelationEvent | StatusStatement]] = [
        (e.date, 0, e) for e in events
    ] + [(s.as_of, 1, s) for s in statements]
    timeline.sort(key=lambda item: (item[0].sort_key(), item[1]))
    ordered_events = [e for e in sorted(events, key=lambda e: e.date.sort_key())]
    result = StatusAt(_initial(ordered_events))
    for date, _, record in timeline:
        if isinstance(record, StatusStatement):
            # A statement confirming what the events say leaves the dated basis in place.
            if date.latest <= day and record.status is not result.status:
                result = StatusAt(record.status, "statement", record.id, str(date))
            continue
        new = event_effect(record, result.status)
        if new is None or new is result.status:
            continue
        if date.latest <= day:
            result = StatusAt(new, "event", record.id, str(date))
        elif date.earliest <= day:
            note = f"{record.id} ({date}) may or may not have taken place by {day.isoformat()}"
            return StatusAt(Status.UNKNOWN, "event", record.id, None, note)
        else:
            break
    if result.status is Status.UNKNOWN:
        return _from_evidence(exchanges, day) or result
    return result
