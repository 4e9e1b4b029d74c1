from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from gaiko.api.params import JSON
from gaiko.api.problems import Problem
from gaiko.api.routers.entities import kb_of
from gaiko.audit import FINDING_KINDS, audit
from gaiko.claims import check_claims

router = APIRouter(tags=["reports"])


@router.get("/api/v1/audit", summary="Where sources disagree")
async def audit_report(
    request: Request, kind: Annotated[str | None, Query(examples=["conflicting_claims"])] = None
) -> JSON:
    """Curated dates against COW, the UN and each other; gaps; conflicting claims."""
    if kind is not None and kind not in FINDING_KINDS:
        raise Problem(422, "Invalid kind", f"unknown kind {kind!r}; use one of: {', '.join(FINDING_KINDS)}")
    report = audit(kb_of(request))
    if kind is not None:
        report["findings"] = [f for f in report["findings"] if f["kind"] == kind]
    return JSON(report)


@router.get("/api/v1/check", summary="The seed article's claims, recomputed")
async def check(request: Request) -> JSON:
    return JSON(check_claims(kb_of(request)))


@router.get("/api/v1/meta", summary="About this build")
async def meta(request: Request) -> JSON:
    return JSON(kb_of(request).meta)


@router.get("/api/v1/hello", summary="A constant answer: the ceiling for benchmarks")
async def hello() -> JSON:
    return JSON({"hello": "gaiko"})
