"""Prepared responses: the data never change while serving, so each answer is computed once.

An ASGI middleware keeps the bytes of every successful GET (bounded, least recently used),
adds an ETag tied to the build's data fingerprint and Cache-Control, and answers a matching
If-None-Match with 304 Not Modified.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

Entry = tuple[int, list[tuple[bytes, bytes]], bytes, bytes]  # status, headers, body, etag
CACHE_CONTROL = b"public, max-age=300"


class PreparedResponses:
    def __init__(self, app: ASGIApp, fingerprint: str, registry: Any = None, max_entries: int = 8192) -> None:
        self.app = app
        if registry is not None:
            registry.prepared = self  # so that the app's lifespan can warm it
        self.fingerprint = fingerprint
        self.max_entries = max_entries
        self.entries: OrderedDict[bytes, Entry] = OrderedDict()

    def etag(self, key: bytes) -> bytes:
        digest = hashlib.blake2b(key, digest_size=8).hexdigest()
        return f'"{self.fingerprint}-{digest}"'.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        key = scope["path"].encode() + b"?" + scope.get("query_string", b"")
        entry = self.entries.get(key)
        if entry is None:
            entry = await self._compute(scope, receive, send, key)
            if entry is None:
                return
        else:
            self.entries.move_to_end(key)
        await self._send(scope, send, entry)

    async def _compute(self, scope: Scope, receive: Receive, send: Send, key: bytes) -> Entry | None:
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        get_scope = {**scope, "method": "GET"}
        await self.app(get_scope, receive, capture)
        status, headers, body = start["status"], list(start.get("headers", [])), b"".join(chunks)
        entry = (status, headers, body, self.etag(key))
        if status == 200:
            self.entries[key] = entry
            if len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)
        return entry

    async def _send(self, scope: Scope, send: Send, entry: Entry) -> None:
        status, headers, body, etag = entry
        if status != 200:
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
            return
        request_headers = dict(scope.get("headers", []))
        matches = request_headers.get(b"if-none-match", b"")
        common = [(b"etag", etag), (b"cache-control", CACHE_CONTROL)]
        if etag in [t.strip() for t in matches.split(b",")] or matches.strip() == b"*":
            await send({"type": "http.response.start", "status": 304, "headers": common})
            await send({"type": "http.response.body", "body": b""})
            return
        out = [(k, v) for k, v in headers if k.lower() not in (b"etag", b"cache-control")] + common
        await send({"type": "http.response.start", "status": 200, "headers": out})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    async def warm(self, app: Any, paths: list[str]) -> int:
        """Compute the answers for these paths ahead of the first request."""

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def discard(message: Message) -> None:
            return None

        for path in paths:
            raw_path, _, query = path.partition("?")
            scope: Scope = {"type": "http", "method": "GET", "path": raw_path, "raw_path": raw_path.encode(),
                            "query_string": query.encode(), "headers": [], "scheme": "http",
                            "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 0), "root_path": "",
                            "http_version": "1.1", "asgi": {"version": "3.0"}, "app": app}
            await self(scope, receive, discard)
        return len(self.entries)
