"""Entities, one entity's record, and its status on a date."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from gaiko import views
from gaiko.api.deps import KB, resolve
from gaiko.api.params import DEFAULT_PAGE, JSON, AsOf, Limit, Offset, as_of_date, page
from gaiko.vocab import EntityKind

router = APIRouter(tags=["entities"])
EntityQuery = Annotated[str, Path(examples=["KOR", "韓国", "732"], max_length=200)]


@router.get("/api/v1/entities", summary="List entities", response_model=list[views.EntityView])
async def entities(request: Request, kb: KB, region: Annotated[str | None, Query(examples=["Eastern Asia"])] = None,
                   kind: EntityKind | None = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSON:
    """Every state or other actor gaiko knows, optionally by UN region or subregion and kind."""
    total, rows = kb.entities_page(region=region, kind=kind.value if kind else None, limit=limit, offset=offset)
    return page(request, rows, limit, offset, total=total)


@router.get("/api/v1/entities/{query}", summary="One entity, with Japan's status and its history",
            response_model=views.CountryView)
async def entity(kb: KB, query: EntityQuery, as_of: AsOf = None) -> JSON:
    """An entity by ISO code, COW code or any English or Japanese name; 404 with suggestions.
    The status fields say where the territory stood on `as_of` and Japan's status with the
    state that held it."""
    return JSON(kb.country(resolve(kb, query), as_of_date(as_of)))


@router.get("/api/v1/entities/{query}/status", summary="Japan's status with one entity on a date",
            response_model=views.StatusView)
async def status(kb: KB, query: EntityQuery, as_of: AsOf = None) -> JSON:
    """Only the status: `status`, `since`, what it rests on, and `territory` (sovereign, or part
    of which state, with Japan's status with that state)."""
    return JSON(kb.status(resolve(kb, query), as_of_date(as_of)))


@router.get("/api/v1/entities/{query}/events", summary="One entity's relation events, paged",
            response_model=list[views.RelationEventView])
async def events(request: Request, kb: KB, query: EntityQuery, as_of: AsOf = None, limit: Limit = DEFAULT_PAGE,
                 offset: Offset = 0) -> JSON:
    return page(request, kb.events(resolve(kb, query), as_of_date(as_of)), limit, offset)
