"""Japan's status with every state on a date, the events it rests on, and the whole history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from gaiko import views
from gaiko.api.deps import KB, resolve
from gaiko.api.params import DEFAULT_PAGE, JSON, AsOf, DateFrom, DateTo, Limit, Offset, as_of_date, page, period
from gaiko.api.problems import Problem
from gaiko.vocab import EventType, Status

router = APIRouter(tags=["relations"])


@router.get("/api/v1/relations", summary="Japan's status with every state of a date",
            response_model=list[views.RelationRow])
async def relations(request: Request, kb: KB, as_of: AsOf = None, status: Status | None = None,
                    region: Annotated[str | None, Query(examples=["Eastern Asia"], max_length=100)] = None,
                    territories: Annotated[bool, Query(description="Also the territories other states held")] = False,
                    limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSON:
    """The sovereign states of `as_of` (the state system of the day), each with the status
    derived from its dated events and what it rests on; with `territories`, also every other
    territory with the status with the state that held it."""
    try:
        total, rows = kb.relations_page(as_of_date(as_of), status=status.value if status else None, region=region,
                                        territories=territories, limit=limit, offset=offset)
    except ValueError as exc:
        raise Problem(422, "Invalid filter", str(exc)) from exc
    return page(request, rows, limit, offset, total=total)


@router.get("/api/v1/status-history", summary="Every entity's status over time, compact",
            response_model=views.StatusHistory)
async def status_history(kb: KB) -> JSON:
    """Intervals `[start, end, status, since, condition, holder]` per entity (`end` exclusive,
    null: open): enough to colour a map for any date without another request."""
    return JSON(kb.status_history())


@router.get("/api/v1/relation-events", summary="Dated relation events", response_model=list[views.RelationEventView])
async def relation_events(request: Request, kb: KB,
                          partner: Annotated[str | None, Query(examples=["China"], max_length=200)] = None,
                          type: EventType | None = None,
                          start: DateFrom = None, end: DateTo = None, limit: Limit = DEFAULT_PAGE,
                          offset: Offset = 0) -> JSON:
    """Recognitions, establishments, severances, resumptions … with their citations."""
    first, last = period(start, end)
    total, rows = kb.relation_events_page(resolve(kb, partner) if partner else None, type.value if type else None,
                                          first, last, limit, offset)
    return page(request, rows, limit, offset, total=total)


@router.get("/api/v1/relation-events/{event_id}", summary="One relation event", response_model=views.RelationEventView)
async def relation_event(kb: KB, event_id: Annotated[str, Path(examples=["kor-normalisation-1965"])]) -> JSON:
    record = kb.record("relation_event", event_id)
    if record is None:
        raise Problem(404, "Unknown relation event", f"no relation event has the id {event_id!r}")
    return JSON(record)
