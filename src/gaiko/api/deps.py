"""What routes ask for: the knowledge base, and an entity resolved from any name (or a 404)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from gaiko.api.problems import Problem
from gaiko.kb import KnowledgeBase
from gaiko.names import UnknownEntity


def get_kb(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase = request.app.state.kb
    return kb


KB = Annotated[KnowledgeBase, Depends(get_kb)]


def resolve(kb: KnowledgeBase, query: str) -> str:
    """The entity id a name or code means; a 404 problem with suggestions otherwise."""
    try:
        return kb.entity_id(query)
    except UnknownEntity as exc:
        raise Problem(404, "Unknown entity", str(exc), suggestions=exc.suggestions) from exc


def optional_country(kb: KB, country: Annotated[str | None, Query(
        description="An entity by code or any name", examples=["KOR"], max_length=200)] = None) -> str | None:
    return resolve(kb, country) if country else None


Country = Annotated[str | None, Depends(optional_country)]
