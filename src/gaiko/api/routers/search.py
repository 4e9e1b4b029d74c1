"""Full-text search in English and Japanese."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from gaiko import views
from gaiko.api.deps import KB
from gaiko.api.params import JSON, Limit, Offset, page_headers
from gaiko.registry import SEARCH_TYPES

router = APIRouter(tags=["search"])

SearchType = Literal[SEARCH_TYPES]  # type: ignore[valid-type]
LINKS = {"entity": "/api/v1/entities/{}", "relation_event": "/api/v1/relation-events/{}",
         "timeline_event": "/api/v1/timeline/{}", "dispute": "/api/v1/disputes/{}",
         "figure": "/api/v1/figures", "work": "/api/v1/works/{}", "narrative": "/api/v1/narratives"}


@router.get("/api/v1/search", summary="Full-text search in English and Japanese", response_model=views.SearchResult)
async def search(request: Request, kb: KB,
                 q: Annotated[str, Query(min_length=1, max_length=200, examples=["竹島", "Burma", "外交"])],
                 type: Annotated[list[SearchType] | None, Query()] = None,
                 limit: Limit = 20, offset: Offset = 0) -> JSON:
    """Ranked hits across names and aliases, events, disputes, figures, works and quotes:
    `{query, total, hits}`, each hit with a link to its record."""
    result = kb.search(q, list(type) if type else None, limit, offset)
    for hit in result["hits"]:
        hit["link"] = LINKS.get(hit["type"], "/api/v1/search?q={}").format(hit["id"])
    return JSON(result, headers=page_headers(request, result["total"], limit, offset))
