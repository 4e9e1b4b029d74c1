"""The seed article's lead, as claims recomputed from the data by `gaiko check`.

The article says: "Japan maintains diplomatic relations with every United Nations member
nations except for North Korea, in addition to UN observer states Holy See, as well as
Kosovo, Cook Islands, and Niue." Each clause becomes a claim on Japan's status today; the
check derives every status from the data and reports what it rests on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gaiko.kb import KnowledgeBase
from gaiko.vocab import EntityKind, Status, starts_relations

if TYPE_CHECKING:
    from gaiko.views import ClaimFailure, ClaimResult

SEED_QUOTE = (
    "Japan maintains diplomatic relations with every United Nations member nations except for "
    "North Korea, in addition to UN observer states Holy See, as well as Kosovo, Cook Islands, "
    "and Niue."
)


@dataclass(frozen=True)
class LeadClaim:
    id: str
    claim: str
    kinds: tuple[EntityKind, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    has_relations: bool = True


CLAIMS = (
    LeadClaim("un-members-but-north-korea",
              "Japan has diplomatic relations with every UN member except North Korea",
              kinds=(EntityKind.UN_MEMBER,), exclude=("PRK",)),
    LeadClaim("north-korea", "Japan has no diplomatic relations with North Korea",
              include=("PRK",), has_relations=False),
    LeadClaim("holy-see", "Japan has diplomatic relations with the Holy See", include=("VAT",)),
    LeadClaim("kosovo", "Japan has diplomatic relations with Kosovo", include=("XKX",)),
    LeadClaim("cook-islands", "Japan has diplomatic relations with the Cook Islands",
              include=("COK",)),
    LeadClaim("niue", "Japan has diplomatic relations with Niue", include=("NIU",)),
)


def check_claims(kb: KnowledgeBase, as_of: dt.date | None = None) -> list[ClaimResult]:
    """Each claim with passed/failed, counts, what the statuses rest on, and the failures."""
    day = as_of or dt.date.today()
    results: list[ClaimResult] = []
    entities = {e["id"]: e for e in kb.entities()}
    for claim in CLAIMS:
        ids = {i for i, e in entities.items() if e["kind"] in claim.kinds}
        ids = (ids | set(claim.include)) - set(claim.exclude)
        failures: list[ClaimFailure] = []
        bases = {"event": 0, "statement": 0, "evidence": 0}
        for entity_id in sorted(ids):
            if entity_id not in entities:
                failures.append({"id": entity_id, "name_en": "", "status": "not in the data"})
                continue
            at = kb.status(entity_id, day)
            ok = (at["status"] == Status.DIPLOMATIC) == claim.has_relations
            if not ok:
                failures.append({"id": entity_id, "name_en": entities[entity_id]["name_en"], "status": at["status"]})
            elif at["basis"] in bases:
                bases[at["basis"] or ""] += 1
        dated = sum(1 for i in ids if i in entities and any(
            starts_relations(e["type"], e.get("starts_relations", False)) for e in kb.events(i, day)))
        detail = (f"{len(ids) - len(failures)} of {len(ids)} as claimed on {day.isoformat()}; "
                  f"status rests on a dated event for {bases['event']}, on a general statement "
                  f"for {bases['statement']}, on COW evidence for {bases['evidence']}; "
                  f"{dated} have a dated start of relations")
        results.append({"id": claim.id, "claim": claim.claim, "passed": not failures,
                        "checked": len(ids), "failures": failures, "detail": detail,
                        "source": {"source": "seed-article", "quote": SEED_QUOTE}})
    return results
