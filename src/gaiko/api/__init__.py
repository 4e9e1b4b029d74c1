"""The HTTP/JSON API: create_app(kb) builds it; the routers only parse, call and serialise."""

from __future__ import annotations

import os

from gaiko.api.app import create_app

__all__ = ["app_from_env", "create_app"]


def app_from_env():  # type: ignore[no-untyped-def]
    """The app over the database named by GAIKO_DB (used by `gaiko serve` and its workers)."""
    from gaiko.kb import KnowledgeBase

    return create_app(KnowledgeBase(os.environ.get("GAIKO_DB", "gaiko.db")))
