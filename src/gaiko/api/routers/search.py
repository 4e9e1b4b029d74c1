from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from gaiko.api.params import JSON, Limit, Offset, page
from gaiko.api.routers.entities import kb_of

router = APIRouter(tags=["search"])

SearchType = Literal["entity", "relation_event", "timeline_event", "dispute", "figure", "work", "narrative"]
LINKS = {"entity": "/api/v1/entities/{}", "relation_event": "/api/v1/relation-events/{}",
         "timeline_event": "/api/v1/timeline/{}", "dispute": "/api/v1/disputes/{}",
         "figure": "/api/v1/figures", "work": "/api/v1/works/{}", "narrative": "/api/v1/narratives"}


@router.get("/api/v1/search", summary="Full-text search in English and Japanese")
async def search(request: Request,
           q: Annotated[str, Query(min_length=1, max_length=200, examples=["竹島", "Burma", "外交"])],
           type: Annotated[list[SearchType] | None, Query()] = None,
           limit: Limit = 20, offset: Offset = 0) -> JSON:
    """Ranked hits across names and aliases, events, disputes, figures, works and quotes."""
    total, hits = kb_of(request).search(q, list(type) if type else None, limit, offset)
    for hit in hits:
        hit["link"] = LINKS[hit["type"]].format(hit["id"])
    return page(request, hits, limit, offset, total=total)
