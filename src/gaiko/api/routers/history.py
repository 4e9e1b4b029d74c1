from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from gaiko.api.params import DEFAULT_PAGE, JSON, DateFrom, DateTo, Limit, Offset, page, period
from gaiko.api.problems import Problem
from gaiko.api.routers.entities import kb_of, lookup_or_404
from gaiko.citeformats import to_bibtex, to_csl
from gaiko.vocab import Theme

router = APIRouter(tags=["history"])
Country = Annotated[str | None, Query(description="An entity by code or name", examples=["KOR"])]


class WorkFormat(StrEnum):
    JSON = "json"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"


def _one(request: Request, kind: str, record_id: str, label: str) -> JSON:
    record = kb_of(request).record(kind, record_id)
    if record is None:
        raise Problem(404, f"Unknown {label}", f"no {label} has the id {record_id!r}")
    return JSON(record)


@router.get("/api/v1/timeline", summary="Timeline of Japan's foreign relations")
async def timeline(request: Request, start: DateFrom = None, end: DateTo = None, country: Country = None,
             theme: Theme | None = None, region: Annotated[str | None, Query(examples=["Europe"])] = None,
             limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSON:
    """Dated, cited events overlapping a period, by country, theme or region."""
    kb = kb_of(request)
    first, last = period(start, end)
    partner = lookup_or_404(kb, country) if country else None
    rows = kb.timeline(first, last, country=partner, theme=theme.value if theme else None, region=region)
    return page(request, rows, limit, offset)


@router.get("/api/v1/timeline/{event_id}", summary="One timeline event")
async def timeline_event(
    request: Request, event_id: Annotated[str, Path(examples=["convention-of-kanagawa-signed-1854"])]
) -> JSON:
    return _one(request, "timeline_event", event_id, "timeline event")


@router.get("/api/v1/disputes", summary="Territorial and maritime disputes")
async def disputes(request: Request, country: Country = None) -> JSON:
    """Every party's names and position side by side, from its own sources; gaiko takes no side."""
    kb = kb_of(request)
    return JSON(kb.disputes(lookup_or_404(kb, country) if country else None))


@router.get("/api/v1/disputes/{dispute_id}", summary="One dispute")
async def dispute(
    request: Request, dispute_id: Annotated[str, Path(examples=["liancourt-rocks-takeshima-dokdo"])]
) -> JSON:
    return _one(request, "dispute", dispute_id, "dispute")


@router.get("/api/v1/figures", summary="Figures with units, and trade series")
async def figures(request: Request, country: Country = None) -> JSON:
    """Aid and investment figures (value, unit, basis, period); with a country, trade by year."""
    kb = kb_of(request)
    return JSON(kb.figures(lookup_or_404(kb, country) if country else None))


@router.get("/api/v1/missions", summary="Diplomatic and consular missions")
async def missions(request: Request, country: Country = None, limit: Limit = DEFAULT_PAGE,
             offset: Offset = 0) -> JSON:
    """Japan's missions abroad and the missions in Japan (Wikidata, as of 2022-11-16)."""
    kb = kb_of(request)
    return page(request, kb.missions(lookup_or_404(kb, country) if country else None), limit, offset)


@router.get("/api/v1/works", summary="The bibliography")
async def works(request: Request, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSON:
    return page(request, kb_of(request).works(), limit, offset)


@router.get("/api/v1/works/{work_id}", summary="One work, as JSON, BibTeX or CSL-JSON",
            responses={200: {"content": {"application/json": {},
                                         "application/x-bibtex": {"schema": {"type": "string"}}}}})
async def work(request: Request, work_id: Annotated[str, Path(examples=["gustafsson-2018"])],
         format: WorkFormat = WorkFormat.JSON) -> Response:
    record = kb_of(request).record("work", work_id)
    if record is None:
        raise Problem(404, "Unknown work", f"no work has the id {work_id!r}")
    if format is WorkFormat.BIBTEX:
        return Response(to_bibtex(record), media_type="application/x-bibtex")
    return JSON(to_csl(record) if format is WorkFormat.CSL_JSON else record)


@router.get("/api/v1/narratives", summary="What sources say about trends and roles")
async def narratives(request: Request) -> JSON:
    return JSON(kb_of(request).narratives())


@router.get("/api/v1/map-points", summary="Where the map puts each entity's marker")
async def map_points(request: Request) -> JSON:
    """Marker positions (small states vanish at world scale), each with its source."""
    return JSON(kb_of(request).map_points())
