from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from gaiko.api.params import DEFAULT_PAGE, JSON, AsOf, Limit, Offset, as_of_date, page
from gaiko.api.problems import Problem
from gaiko.kb import KnowledgeBase, UnknownEntity
from gaiko.vocab import EntityKind

router = APIRouter(tags=["entities"])

KOREA = {"id": "KOR", "name_en": "South Korea", "name_ja": "大韓民国", "status": "diplomatic",
         "status_basis": {"status": "diplomatic", "basis": "event", "basis_id": "kor-normalisation-1965",
                          "since": "1965-12-18", "note": None}, "events": ["…"]}


def kb_of(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase = request.app.state.kb
    return kb


def lookup_or_404(kb: KnowledgeBase, query: str) -> str:
    try:
        return str(kb.lookup(query)["id"])
    except UnknownEntity as exc:
        raise Problem(404, "Unknown entity", str(exc), suggestions=exc.suggestions) from exc


@router.get("/api/v1/entities", summary="List entities")
async def entities(request: Request, region: Annotated[str | None, Query(examples=["Eastern Asia"])] = None,
             kind: EntityKind | None = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSON:
    """Every state or other actor gaiko knows, optionally by UN region or subregion and kind."""
    rows = kb_of(request).entities(region=region, kind=kind.value if kind else None)
    return page(request, rows, limit, offset)


@router.get("/api/v1/entities/{query}", summary="One entity, with Japan's status and its history",
            responses={200: {"content": {"application/json": {"example": KOREA}}}})
async def entity(request: Request, query: Annotated[str, Path(examples=["KOR", "韓国", "732"])],
           as_of: AsOf = None) -> JSON:
    """An entity by ISO code, COW code or any English or Japanese name; 404 with suggestions."""
    kb = kb_of(request)
    entity_id = lookup_or_404(kb, query)
    return JSON(kb.country(entity_id, as_of_date(as_of)))
