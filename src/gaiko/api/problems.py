"""Errors as RFC 9457 problem details: every bad request gets a 4xx with a reason."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

from gaiko.dates import InvalidQuery
from gaiko.names import UnknownEntity

PROBLEM = "application/problem+json"


class ProblemDetails(BaseModel):
    """The body of every error response (RFC 9457); may carry extra members (suggestions, errors)."""

    model_config = ConfigDict(extra="allow")
    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None


def _documented(status: int, description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}}


# Declared on every route, so that the OpenAPI document describes the errors it really returns.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: _documented(404, "Unknown entity or record (with suggestions where they exist)"),
    422: _documented(422, "Malformed parameter, inverted range or over-limit page size"),
}


class Problem(Exception):
    """A problem to report to the caller: status, title, detail and extra members."""

    def __init__(self, status: int, title: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.extra = status, title, detail, extra


def problem_response(request: Request, problem: Problem, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"type": "about:blank", "title": problem.title, "status": problem.status,
            "detail": problem.detail, "instance": request.url.path, **problem.extra}
    return JSONResponse(body, status_code=problem.status, media_type=PROBLEM, headers=headers)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into a problem response."""

    async def on_problem(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, Problem)
        return problem_response(request, exc)

    async def on_invalid(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = [{"loc": [str(p) for p in e["loc"]], "msg": e["msg"]} for e in exc.errors()]
        detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors)
        return problem_response(request, Problem(422, "Invalid request", detail, errors=errors))

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        titles = {404: "Not found", 405: "Method not allowed"}
        problem = Problem(exc.status_code, titles.get(exc.status_code, "Error"), str(exc.detail))
        headers = dict(exc.headers) if exc.headers else None
        return problem_response(request, problem, headers=headers)  # e.g. Allow on a 405

    async def on_invalid_query(request: Request, exc: Exception) -> JSONResponse:
        return problem_response(request, Problem(422, "Invalid request", str(exc)))

    async def on_unknown_entity(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, UnknownEntity)
        return problem_response(request, Problem(404, "Unknown entity", str(exc), suggestions=exc.suggestions))

    async def on_failure(request: Request, exc: Exception) -> JSONResponse:
        # Logged by the server; the caller gets a problem, never a traceback.
        return problem_response(request, Problem(500, "Internal error", "gaiko could not answer this request"))

    app.add_exception_handler(Exception, on_failure)
    app.add_exception_handler(InvalidQuery, on_invalid_query)
    app.add_exception_handler(UnknownEntity, on_unknown_entity)
    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(StarletteHTTPException, on_http)
