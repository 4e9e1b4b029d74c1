"""Query parameters and list responses shared by the routers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import quote

import orjson
from fastapi import Query, Request
from starlette.responses import Response

from gaiko.api.problems import Problem
from gaiko.dates import parse_as_of, parse_period

MAX_PAGE = 500
DEFAULT_PAGE = 100

AsOf = Annotated[str | None, Query(description="A date: YYYY, YYYY-MM or YYYY-MM-DD (default today)",
                                   examples=["1960-01-01"])]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip")]
DateFrom = Annotated[str | None, Query(alias="from", description="Start of the period (YYYY[-MM[-DD]])",
                                       examples=["1945"])]
DateTo = Annotated[str | None, Query(alias="to", description="End of the period (YYYY[-MM[-DD]])",
                                     examples=["1960-12-31"])]


class JSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def as_of_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_as_of(value)
    except ValueError as exc:
        raise Problem(422, "Invalid as_of", str(exc)) from exc


def period(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    try:
        return parse_period(start, end)
    except ValueError as exc:
        raise Problem(422, "Invalid period", str(exc)) from exc


def page(request: Request, items: list[Any], limit: int, offset: int, total: int | None = None) -> JSON:
    """One page of a list, with X-Total-Count and RFC 8288 Link headers for next/prev. Without
    `total`, `items` is the whole list; with it, `items` is already the page."""
    body = items[offset:offset + limit] if total is None else items
    return JSON(body, headers=page_headers(request, len(items) if total is None else total, limit, offset))


def page_headers(request: Request, total: int, limit: int, offset: int) -> dict[str, str]:
    """X-Total-Count, and Link with next and prev (RFC 8288)."""
    links = []
    for rel, at in (("next", offset + limit), ("prev", offset - limit)):
        if (rel == "next" and at < total) or (rel == "prev" and offset > 0):
            url = request.url.include_query_params(offset=max(at, 0), limit=limit)
            links.append(f'<{quote(url.path)}?{url.query}>; rel="{rel}"')  # headers are Latin-1: encode
    headers = {"X-Total-Count": str(total)}
    if links:
        headers["Link"] = ", ".join(links)
    return headers
