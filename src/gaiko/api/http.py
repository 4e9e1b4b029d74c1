"""HTTP done by the RFCs, around every answer: one ASGI middleware.

The data never change while serving, so a GET answer is kept (bounded by bytes, least
recently used first) under a key of its path and the query parameters its route takes, sorted;
a parameter the route does not take is a 422 problem, so cache-busting cannot grow memory.
Each answer gets a weak ETag from its own bytes (code and data alike change it), keeps its
route's Cache-Control (API answers without one get a short public one), is compressed with
gzip the first time a client accepts it (then kept so), and carries security headers;
If-None-Match is compared weakly (RFC 9110 §13.1.2), lists and `*` included, and answered with 304.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

import orjson
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_CACHE_CONTROL = b"public, max-age=300"
MAX_CACHE_BYTES = 48 * 1024 * 1024
MIN_GZIP_BYTES = 1024
MAX_SEEN = 50_000  # request lines remembered (then forgotten at once): bounded like the answers
COMPRESSIBLE = (b"application/json", b"application/problem+json", b"text/", b"application/javascript",
                b"image/svg+xml", b"application/x-bibtex", b"application/vnd.citationstyles.csl+json")


def security_headers(style_hashes: tuple[str, ...] = ()) -> list[tuple[bytes, bytes]]:
    """Self only: the explorer fetches nothing from another host and runs no inline script; the
    one inline stylesheet (the explorer's own, in its HTML for a first paint in one round trip)
    is allowed by its hash."""
    styles = " ".join(["'self'", *(f"'{h}'" for h in style_hashes)])
    policy = (f"default-src 'self'; script-src 'self'; style-src {styles}; img-src 'self' data:; connect-src 'self'; "
              "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    return [
        (b"content-security-policy", policy.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"strict-origin-when-cross-origin"),
        (b"x-frame-options", b"DENY"),
    ]


@dataclass
class Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes
    compressible: bool = False
    gzipped: bytes | None = None  # made on the first request that accepts gzip, not before

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"") + 256


def _today() -> tuple[dt.date, dt.date]:
    return dt.datetime.now(dt.UTC).date(), dt.date.today()


def etag_of(body: bytes) -> bytes:
    return b'W/"' + hashlib.blake2b(body, digest_size=10).hexdigest().encode() + b'"'


def matches(if_none_match: bytes, etag: bytes) -> bool:
    """Weak comparison of an If-None-Match list against our ETag (RFC 9110 §13.1.2)."""
    if if_none_match.strip() == b"*":
        return True
    ours = etag.removeprefix(b"W/")
    return any(tag.strip().removeprefix(b"W/") == ours for tag in if_none_match.split(b","))


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    return next((v for k, v in headers if k.lower() == name), None)


def problem_body(status: int, title: str, detail: str, instance: str) -> bytes:
    return orjson.dumps({"type": "about:blank", "title": title, "status": status, "detail": detail,
                         "instance": instance})


class HttpLayer:
    def __init__(self, app: ASGIApp, max_bytes: int = MAX_CACHE_BYTES,
                 params_of: Callable[[Scope], set[str] | None] | None = None,
                 style_hashes: tuple[str, ...] = ()) -> None:
        self.app = app
        self.security = security_headers(style_hashes)
        self.max_bytes = max_bytes
        self.params_of = params_of
        self.answers: OrderedDict[bytes, Answer] = OrderedDict()
        self.bytes = 0
        # Request line as sent -> cache key: repeated requests skip parsing and route matching.
        self.seen: dict[bytes, bytes] = {}
        # Answers that default to today (the map, relations without as_of) are kept for the day:
        # the cache starts afresh when the date changes, in UTC (the explorer's) or locally.
        self.day = _today()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, self._with_security(send))
            return
        raw = scope["path"].encode() + b"?" + scope.get("query_string", b"")
        key = self.seen.get(raw)
        unknown: set[str] = set()
        if key is None:
            key, unknown = self._key(scope)
            if not unknown:
                if len(self.seen) >= MAX_SEEN:
                    self.seen.clear()
                self.seen[raw] = key
        if unknown:
            detail = f"unknown parameter(s): {', '.join(sorted(unknown))}"
            await self._send(scope, send, Answer(422, [(b"content-type", b"application/problem+json")],
                                                 problem_body(422, "Invalid request", detail, scope["path"]),
                                                 b""))
            return
        if (today := _today()) != self.day:
            self.answers.clear()
            self.bytes, self.day = 0, today
        answer = self.answers.get(key)
        if answer is None:
            answer = await self._compute(scope, receive)
            if answer.status == 200 and answer.size <= self.max_bytes // 8:
                self._keep(key, answer)
        else:
            self.answers.move_to_end(key)
        await self._send(scope, send, answer, key)

    def _key(self, scope: Scope) -> tuple[bytes, set[str]]:
        pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        allowed = self.params_of(scope) if self.params_of else None
        unknown = {name for name, _ in pairs if allowed is not None and name not in allowed}
        query = urlencode(sorted(pairs))
        return f"{scope['path']}?{query}".encode(), unknown

    def _keep(self, key: bytes, answer: Answer) -> None:
        self.answers[key] = answer
        self.bytes += answer.size
        self._evict()

    def _evict(self) -> None:
        while self.bytes > self.max_bytes and self.answers:
            _, dropped = self.answers.popitem(last=False)
            self.bytes -= dropped.size

    async def _compute(self, scope: Scope, receive: Receive) -> Answer:
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app({**scope, "method": "GET"}, receive, capture)
        status, headers, body = start["status"], list(start.get("headers", [])), b"".join(chunks)
        if status != 200:
            return Answer(status, headers, body, b"")
        etag = _header(headers, b"etag") or etag_of(body)
        if _header(headers, b"cache-control") is None:
            # API answers may be kept a few minutes; the explorer's own files are revalidated
            # (their ETag changes with their bytes), so a code upgrade reaches every browser.
            headers.append((b"cache-control", API_CACHE_CONTROL if scope["path"].startswith("/api/") else b"no-cache"))
        headers = [(k, v) for k, v in headers if k.lower() not in (b"etag", b"content-length")]
        headers.append((b"etag", etag))
        kind = _header(headers, b"content-type") or b""
        compressible = len(body) >= MIN_GZIP_BYTES and kind.startswith(COMPRESSIBLE)
        if compressible:
            headers.append((b"vary", b"Accept-Encoding"))
        return Answer(status, headers, body, etag, compressible)

    async def _send(self, scope: Scope, send: Send, answer: Answer, key: bytes | None = None) -> None:
        request_headers = dict(scope.get("headers", []))
        if_none_match = request_headers.get(b"if-none-match")
        if answer.status == 200 and if_none_match is not None and matches(if_none_match, answer.etag):
            kept = [(k, v) for k, v in answer.headers if k.lower() in (b"etag", b"cache-control", b"vary")]
            await send({"type": "http.response.start", "status": 304, "headers": kept + self.security})
            await send({"type": "http.response.body", "body": b""})
            return
        body, headers = answer.body, list(answer.headers)
        if answer.compressible and b"gzip" in request_headers.get(b"accept-encoding", b""):
            body = self._gzipped(key, answer)
            headers.append((b"content-encoding", b"gzip"))
        headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": answer.status, "headers": headers + self.security})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    def _gzipped(self, key: bytes | None, answer: Answer) -> bytes:
        """The answer's gzip bytes, made once; a kept answer's size grows by them."""
        if answer.gzipped is None:
            answer.gzipped = gzip.compress(answer.body, compresslevel=6, mtime=0)
            if key is not None and self.answers.get(key) is answer:
                self.bytes += len(answer.gzipped)
                self._evict()
        return answer.gzipped

    def _with_security(self, send: Send) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.security]}
            await send(message)

        return wrapped

    async def warm(self, app: Any, paths: list[str]) -> int:
        """Compute the answers for these paths ahead of the first request."""

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def discard(message: Message) -> None:
            return None

        for path in paths:
            raw_path, _, query = path.partition("?")
            scope: Scope = {"type": "http", "method": "GET", "path": raw_path, "raw_path": raw_path.encode(),
                            "query_string": query.encode(), "headers": [(b"accept-encoding", b"gzip")],
                            "scheme": "http", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 0), "root_path": "",
                            "http_version": "1.1", "asgi": {"version": "3.0"}, "app": app}
            await self(scope, receive, discard)
        return len(self.answers)


def route_parameters(routes: list[Any]) -> Callable[[Scope], set[str] | None]:
    """For a request, the query parameters its API route takes (None: not an API route, or no
    route matches: the app answers that)."""
    from fastapi.routing import APIRoute

    known: list[tuple[APIRoute, set[str]]] = []

    def query_names(dependant: Any) -> set[str]:
        found = {p.alias for p in dependant.query_params}
        for sub in dependant.dependencies:
            found |= query_names(sub)
        return found

    def params_of(scope: Scope) -> set[str] | None:
        if not scope["path"].startswith("/api/"):
            return None
        if not known:
            for route in routes:
                if isinstance(route, APIRoute):
                    known.append((route, query_names(route.dependant)))
        for route, names in known:
            match, _ = route.matches({**scope, "method": "GET"})
            if match is Match.FULL:
                return names
        return None

    return params_of
