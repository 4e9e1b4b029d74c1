"""The history and the records around it: timeline, disputes, figures, missions, works."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from gaiko import views
from gaiko.api.deps import KB, Country
from gaiko.api.params import DEFAULT_PAGE, JSON, DateFrom, DateTo, Limit, Offset, page, period
from gaiko.api.problems import Problem
from gaiko.citeformats import to_bibtex, to_csl
from gaiko.kb import KnowledgeBase
from gaiko.vocab import Theme

router = APIRouter(tags=["history"])
CSL_JSON = "application/vnd.citationstyles.csl+json"


class WorkFormat(StrEnum):
    JSON = "json"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"


def _one(kb: KnowledgeBase, kind: str, record_id: str, label: str) -> JSON:
    record = kb.record(kind, record_id)
    if record is None:
        raise Problem(404, f"Unknown {label}", f"no {label} has the id {record_id!r}")
    return JSON(record)


@router.get("/api/v1/timeline", summary="Timeline of Japan's foreign relations",
            response_model=list[views.TimelineEventView])
async def timeline(request: Request, kb: KB, start: DateFrom = None, end: DateTo = None, country: Country = None,
                   theme: Theme | None = None,
                   region: Annotated[str | None, Query(examples=["Europe"], max_length=100)] = None,
                   limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSON:
    """Dated, cited events overlapping a period, by country, theme or region."""
    first, last = period(start, end)
    try:
        total, rows = kb.timeline_page(first, last, country=country, theme=theme.value if theme else None,
                                       region=region, limit=limit, offset=offset)
    except ValueError as exc:
        raise Problem(422, "Invalid filter", str(exc)) from exc
    return page(request, rows, limit, offset, total=total)


@router.get("/api/v1/timeline/{event_id}", summary="One timeline event", response_model=views.TimelineEventView)
async def timeline_event(
    kb: KB, event_id: Annotated[str, Path(examples=["convention-of-kanagawa-signed-1854"])]
) -> JSON:
    return _one(kb, "timeline_event", event_id, "timeline event")


@router.get("/api/v1/disputes", summary="Territorial and maritime disputes", response_model=list[views.DisputeView])
async def disputes(kb: KB, country: Country = None) -> JSON:
    """Every party's names and position side by side, from its own sources; gaiko takes no side."""
    return JSON(kb.disputes(country))


@router.get("/api/v1/disputes/{dispute_id}", summary="One dispute", response_model=views.DisputeView)
async def dispute(kb: KB, dispute_id: Annotated[str, Path(examples=["liancourt-rocks-takeshima-dokdo"])]) -> JSON:
    return _one(kb, "dispute", dispute_id, "dispute")


@router.get("/api/v1/figures", summary="Figures with units, and trade series", response_model=views.FiguresView)
async def figures(kb: KB, country: Country = None) -> JSON:
    """Aid and investment figures (value, unit, basis, period); with a country, trade by year."""
    return JSON(kb.figures(country))


@router.get("/api/v1/missions", summary="Diplomatic and consular missions", response_model=list[views.MissionView])
async def missions(request: Request, kb: KB, country: Country = None, limit: Limit = DEFAULT_PAGE,
                   offset: Offset = 0) -> JSON:
    """Japan's missions abroad and the missions in Japan (Wikidata, as of 2022-11-16)."""
    return page(request, kb.missions(country), limit, offset)


@router.get("/api/v1/works", summary="The bibliography", response_model=list[views.WorkView])
async def works(request: Request, kb: KB, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSON:
    return page(request, kb.works(), limit, offset)


@router.get("/api/v1/works/{work_id}", summary="One work, as JSON, BibTeX or CSL-JSON",
            response_model=views.WorkView,
            responses={200: {"content": {"application/x-bibtex": {"schema": {"type": "string"}},
                                         CSL_JSON: {"schema": {"type": "object"}}}}})
async def work(kb: KB, work_id: Annotated[str, Path(examples=["gustafsson-2018"])],
               format: WorkFormat = WorkFormat.JSON) -> Response:
    record = kb.record("work", work_id)
    if record is None:
        raise Problem(404, "Unknown work", f"no work has the id {work_id!r}")
    if format is WorkFormat.BIBTEX:
        return Response(to_bibtex(record), media_type="application/x-bibtex")
    if format is WorkFormat.CSL_JSON:
        return JSON(to_csl(record), media_type=CSL_JSON)
    return JSON(record)


@router.get("/api/v1/narratives", summary="What sources say about trends and roles",
            response_model=list[views.NarrativeView])
async def narratives(kb: KB) -> JSON:
    return JSON(kb.narratives())


@router.get("/api/v1/map-points", summary="Where the map puts each entity's marker",
            response_model=list[views.MapPointView])
async def map_points(kb: KB) -> JSON:
    """Marker positions (small states vanish at world scale), each with its source."""
    return JSON(kb.map_points())
