from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from gaiko.api.params import DEFAULT_PAGE, JSON, AsOf, DateFrom, DateTo, Limit, Offset, as_of_date, page, period
from gaiko.api.problems import Problem
from gaiko.api.routers.entities import kb_of, lookup_or_404
from gaiko.vocab import EventType, Status

router = APIRouter(tags=["relations"])


@router.get("/api/v1/relations", summary="Japan's status with every entity on a date")
async def relations(request: Request, as_of: AsOf = None, status: Status | None = None,
              region: Annotated[str | None, Query(examples=["Eastern Asia"])] = None,
              limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSON:
    """Each entity with the status derived from its dated events, and what the status rests on."""
    try:
        rows = kb_of(request).relations(as_of_date(as_of), status=status.value if status else None,
                                        region=region)
    except ValueError as exc:
        raise Problem(422, "Invalid filter", str(exc)) from exc
    return page(request, rows, limit, offset)


@router.get("/api/v1/relation-events", summary="Dated relation events")
async def relation_events(request: Request, partner: Annotated[str | None, Query(examples=["China"])] = None,
                    type: EventType | None = None, start: DateFrom = None, end: DateTo = None,
                    limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSON:
    """Recognitions, establishments, severances, resumptions … with their citations."""
    kb = kb_of(request)
    first, last = period(start, end)
    partner_id = lookup_or_404(kb, partner) if partner else None
    rows = kb.relation_events(partner_id, type.value if type else None, first, last)
    return page(request, rows, limit, offset)


@router.get("/api/v1/relation-events/{event_id}", summary="One relation event")
async def relation_event(request: Request, event_id: Annotated[str, Path(examples=["kor-normalisation-1965"])]) -> JSON:
    record = kb_of(request).record("relation_event", event_id)
    if record is None:
        raise Problem(404, "Unknown relation event", f"no relation event has the id {event_id!r}")
    return JSON(record)
