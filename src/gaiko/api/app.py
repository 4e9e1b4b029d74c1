"""Build the FastAPI application over a KnowledgeBase."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from gaiko.dates import parse_as_of
from gaiko.kb import KnowledgeBase, UnknownEntity

PROBLEM = "application/problem+json"


class Problem(Exception):
    """An RFC 9457 problem: a 4xx with a reason."""

    def __init__(self, status: int, title: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.extra = status, title, detail, extra


def _problem_response(request: Request, problem: Problem) -> JSONResponse:
    body = {"type": "about:blank", "title": problem.title, "status": problem.status,
            "detail": problem.detail, "instance": request.url.path, **problem.extra}
    return JSONResponse(body, status_code=problem.status, media_type=PROBLEM)


def as_of_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_as_of(value)
    except ValueError as exc:
        raise Problem(422, "Invalid as_of", str(exc)) from exc


AsOf = Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD; default today",
                                   examples=["1960-01-01"])]


def create_app(kb: KnowledgeBase) -> FastAPI:
    app = FastAPI(
        title="gaiko",
        summary="A sourced, time-aware knowledge base of Japan's foreign relations",
        version="1",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.kb = kb

    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem) -> JSONResponse:
        return _problem_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()]
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
        return _problem_response(request, Problem(422, "Invalid request", detail, errors=errors))

    @app.get("/api/v1/entities", tags=["entities"])
    def entities(region: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
        """Every entity (state or other actor), optionally by UN region/subregion or kind."""
        return kb.entities(region=region, kind=kind)

    @app.get("/api/v1/entities/{query}", tags=["entities"])
    def entity(query: str, as_of: AsOf = None) -> dict[str, Any]:
        """One entity by ISO code, COW code or name, with Japan's status and its events."""
        day = as_of_date(as_of)
        try:
            return kb.country(query, day)
        except UnknownEntity as exc:
            raise Problem(404, "Unknown entity", str(exc), suggestions=exc.suggestions) from exc

    @app.get("/api/v1/relations", tags=["relations"])
    def relations(as_of: AsOf = None, status: str | None = None,
                  region: str | None = None) -> list[dict[str, Any]]:
        """Japan's status with every entity on a date."""
        day = as_of_date(as_of)
        try:
            return kb.relations(day, status=status, region=region)
        except ValueError as exc:
            raise Problem(422, "Invalid filter", str(exc)) from exc

    return app
