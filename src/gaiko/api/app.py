"""Build the FastAPI application over a KnowledgeBase."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.staticfiles import StaticFiles

from gaiko.api import problems
from gaiko.api.http import HttpLayer, route_parameters
from gaiko.api.routers import entities, history, relations, reports, search, web
from gaiko.kb import KnowledgeBase

DESCRIPTION = """A sourced, time-aware knowledge base of Japan's foreign relations.

Read-only JSON over the same library as the `gaiko` command: the same names and shapes as its
`--json` output. Lists are paginated (`limit`, at most 500, and `offset`; `X-Total-Count` and
`Link` headers). Errors are `application/problem+json` (RFC 9457). Every answer carries an ETag
tied to the build; send `If-None-Match` to get 304.
"""


def _register_problem_schema(app: FastAPI) -> None:
    """Add ProblemDetails to the OpenAPI components that ERROR_RESPONSES refer to."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = original()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components["ProblemDetails"] = problems.ProblemDetails.model_json_schema()
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


# Answers prepared at start-up: what every explorer visit asks first (the rest is kept on demand).
WARM_PATHS = ("/", "/api/v1/entities?limit=500", "/api/v1/status-history", "/api/v1/vocabularies", "/api/v1/map-points")


def create_app(kb: KnowledgeBase, warm: bool = True) -> FastAPI:
    """The API app; with `warm`, the first view's answers are prepared before the first request."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm:
            await app.state.http.warm(app, list(WARM_PATHS))
        yield

    app = FastAPI(title="gaiko", description=DESCRIPTION, version="1", openapi_url="/api/v1/openapi.json",
                  docs_url=None, redoc_url=None, lifespan=lifespan, redirect_slashes=False)
    app.state.kb = kb
    problems.install(app)
    for module in (entities, relations, history, search, reports):
        app.include_router(module.router, responses=problems.ERROR_RESPONSES)
    app.mount("/static", StaticFiles(directory=web.WEB), name="static")
    app.include_router(web.router)
    _register_problem_schema(app)
    # The last added is the outermost: CORS, then HTTP (cache, conditional requests, gzip,
    # security headers), then the routers.
    api_routes = [route for module in (entities, relations, history, search, reports) for route in module.router.routes]
    app.add_middleware(HttpLayer, params_of=route_parameters(api_routes), style_hashes=(web.STYLE_HASH,))
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "HEAD"],
                       allow_headers=["If-None-Match", "If-Modified-Since", "Accept", "Accept-Language"],
                       expose_headers=["ETag", "Link", "X-Total-Count"])
    app.state.http = _find_http_layer(app)
    return app


def _find_http_layer(app: FastAPI) -> Any:
    """The HttpLayer instance, once Starlette has built the middleware stack (for warming)."""

    class Lazy:
        async def warm(self, app: FastAPI, paths: list[str]) -> int:
            layer: Any = app.middleware_stack
            while layer is not None and not isinstance(layer, HttpLayer):
                layer = getattr(layer, "app", None)
            return await layer.warm(app, paths) if layer is not None else 0

    return Lazy()
