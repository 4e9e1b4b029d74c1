"""Reports computed from the data: the audit, the seed's claims; and what the build holds."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from gaiko import views
from gaiko.api.deps import KB
from gaiko.api.params import JSON
from gaiko.api.problems import Problem
from gaiko.audit import FINDING_KINDS, audit

router = APIRouter(tags=["reports"])


@router.get("/api/v1/audit", summary="Where sources disagree", response_model=views.AuditReport)
async def audit_report(kb: KB, kind: Annotated[str | None, Query(examples=["conflicting_claims"])] = None) -> JSON:
    """Curated dates against COW, the UN and each other; gaps; conflicting claims."""
    if kind is not None and kind not in FINDING_KINDS:
        raise Problem(422, "Invalid kind", f"unknown kind {kind!r}; use one of: {', '.join(FINDING_KINDS)}")
    report = audit(kb)
    if kind is not None:
        report["findings"] = [f for f in report["findings"] if f["kind"] == kind]
    return JSON(report)


@router.get("/api/v1/check", summary="The seed article's claims, recomputed", response_model=list[views.ClaimResult])
async def check(kb: KB) -> JSON:
    from gaiko.claims import check_claims

    return JSON(check_claims(kb))


@router.get("/api/v1/meta", summary="About this build", response_model=dict[str, str])
async def meta(kb: KB) -> JSON:
    return JSON(kb.meta)


@router.get("/api/v1/vocabularies", summary="Statuses, event types, themes, regions … in English and Japanese",
            response_model=dict[str, list[views.VocabularyTerm] | list[str]])
async def vocabularies(kb: KB) -> JSON:
    """Every term the other answers use, with its labels: the explorer reads them from here."""
    return JSON(kb.vocabularies())


@router.get("/api/v1/hello", include_in_schema=False)
async def hello() -> JSON:
    """A constant answer: the ceiling for benchmarks (not part of the API)."""
    return JSON({"hello": "gaiko"})
