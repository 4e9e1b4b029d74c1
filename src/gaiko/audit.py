"""Where the sources disagree: curated dates against COW, the UN, and each other.

The audit never changes data; it lists findings for a curator to look at, each naming the
entity, the records involved and what disagrees, plus a summary of how well dated the
relations are and what the dates rest on.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from gaiko.dates import PartialDate
from gaiko.kb import KnowledgeBase
from gaiko.vocab import starts_relations

Record = dict[str, Any]
# COW's first snapshot years start with the system in 1816: entry then says nothing.
COW_SYSTEM_START = "1816-01-01"
COW_LAST_SNAPSHOT = 2005
LATE_AFTER_UN_YEARS = 10
FINDING_KINDS = {
    "no_dated_establishment": "gap",
    "representation_before_establishment": "disagreement",
    "relations_without_representation": "disagreement",
    "representation_while_severed": "disagreement",
    "undated_resumption": "gap",
    "before_state_system_entry": "disagreement",
    "late_after_un_admission": "note",
    "conflicting_claims": "disagreement",
    "historical_state_without_end": "gap",
    "no_statehood": "gap",
    "weak_support": "note",
    "relations_while_held": "disagreement",
}
# Derived statuses under which COW should see no envoys.
NO_ENVOYS_EXPECTED = {"severed", "suspended", "none", "recognised"}
JAPANESE_GOVERNMENT_HOSTS = ("mofa.go.jp", "emb-japan.go.jp", "kantei.go.jp", "archives.go.jp")


def first_start(events: list[Record]) -> Record | None:
    """The earliest event that starts relations (an establishment, or a recognition so marked).

    A more precise start within the earliest one's period (a recognition on 1962-10-09 that
    started relations "established in 1962") dates the same start more exactly, so it wins.
    """
    starts = [e for e in events if starts_relations(e["type"], e.get("starts_relations", False))]
    if not starts:
        return None
    dated = sorted(((PartialDate.parse(e["date"]), e) for e in starts), key=lambda pair: pair[0].sort_key())
    first_date, first = dated[0]
    finer = [(d, e) for d, e in dated if d.refines(first_date)]
    return min(finer, key=lambda pair: pair[0].latest - pair[0].earliest)[1] if finer else first


def _host_kind(citations: list[Record]) -> str:
    urls = [c.get("url") or "" for c in citations]
    if any("mofa.go.jp" in u for u in urls):
        return "mofa"
    if any(h in u for u in urls for h in JAPANESE_GOVERNMENT_HOSTS):
        return "japanese_government"
    return "other"


def _finding(kind: str, entity: Record, detail: str, **extra: Any) -> Record:
    return {"kind": kind, "severity": FINDING_KINDS[kind], "entity": entity["id"],
            "name_en": entity["name_en"], "detail": detail, **extra}


def audit(kb: KnowledgeBase, as_of: dt.date | None = None) -> Record:
    """Every finding, and a summary of dating and sourcing."""
    day = as_of or dt.date.today()
    spells: dict[int, list[Record]] = {}
    for spell in kb.state_system():
        spells.setdefault(spell["cow_code"], []).append(spell)
    findings: list[Record] = []
    precision: Counter[str] = Counter()
    resting_on: Counter[str] = Counter()
    starts: dict[str, Record] = {}  # the start of relations of each entity in relations today
    with_relations = 0
    for entity in kb.entities():
        events = kb.events(entity["id"])
        start = first_start(events)
        current = kb.status(entity["id"], day)["status"]
        if start is not None and current == "diplomatic":
            starts[entity["id"]] = start
        relevant = current in ("diplomatic", "recognised") or entity["kind"] != "historical_state"
        if current == "diplomatic":
            with_relations += 1
            if entity["kind"] == "historical_state":
                findings.append(_finding("historical_state_without_end", entity,
                                         "a state that no longer exists, with no dated end of relations "
                                         "(state_dissolved or successor event)"))
        for event in events:
            for alt in event.get("alternatives", []):
                findings.append(_finding(
                    "conflicting_claims", entity,
                    f"{event['type']} {event['id']}: {event['date']} preferred over {alt['date']}"
                    f" ({event.get('preferred_because', '').strip()})",
                    event=event["id"], dates=[event["date"], alt["date"]]))
        if start is None:
            if relevant and current not in ("none", "unofficial"):
                findings.append(_finding("no_dated_establishment", entity,
                                         f"status {current} today, but no dated establishment"))
            continue
        start_date = PartialDate.parse(start["date"])
        if current == "diplomatic":
            precision[start_date.precision.value] += 1
            resting_on[_host_kind(start["citations"])] += 1
        findings += _against_cow(kb, entity, start, start_date)
        findings += _while_held(kb, entity, events)
        findings += _against_state_system(entity, start, start_date, spells)
        if entity.get("un_admission"):
            admitted = PartialDate.parse(entity["un_admission"])
            if start_date.earliest.year - admitted.latest.year > LATE_AFTER_UN_YEARS:
                findings.append(_finding(
                    "late_after_un_admission", entity,
                    f"relations start {start['date']} ({start['id']}), "
                    f"{start_date.earliest.year - admitted.latest.year} years after UN admission "
                    f"{entity['un_admission']}", event=start["id"]))
    findings += _without_statehood(kb)
    weak, start_support = _weakest_links(kb, starts)
    findings += weak
    counts = Counter(f["kind"] for f in findings)
    return {
        "as_of": day.isoformat(),
        "summary": {
            "entities_with_relations": with_relations,
            "dated_start_of_relations": dict(precision),
            "dated_total": sum(precision.values()),
            "start_dates_resting_on": dict(resting_on),
            "start_precision_supported_by": dict(start_support),
            "citations_by_tier": _citations_by_tier(kb),
            "findings": {kind: counts.get(kind, 0) for kind in FINDING_KINDS},
        },
        "findings": findings,
    }


def _against_cow(kb: KnowledgeBase, entity: Record, start: Record, start_date: PartialDate) -> list[Record]:
    rows = kb.exchanges(entity["id"])
    found = []
    early = [r["year"] for r in rows if r["exchange"] and r["year"] < start_date.earliest.year]
    if early:
        found.append(_finding(
            "representation_before_establishment", entity,
            f"COW records representation in {', '.join(map(str, early))}, before relations start "
            f"{start['date']} ({start['id']})", event=start["id"], years=early))
    answers = {r["year"]: kb.status(entity["id"], dt.date(r["year"], 7, 1))
               for r in rows if r["year"] <= COW_LAST_SNAPSHOT}
    statuses = {year: answer["status"] for year, answer in answers.items()}
    # After the start, a status resting on COW alone is a break that COW's envoys outweigh
    # (gaiko.status._resumed_by_evidence): the dated resumption is missing.
    resumed = [year for year, answer in answers.items()
               if year > start_date.latest.year and answer["basis"] == "evidence"]
    if resumed:
        found.append(_finding(
            "undated_resumption", entity,
            f"no dated resumption after the break: {answers[resumed[0]]['note']}", years=resumed))
    # After the start, COW sees envoys in years the events say there were no relations.
    gap = [r["year"] for r in rows if r["exchange"] and r["year"] > start_date.latest.year
           and statuses.get(r["year"]) in NO_ENVOYS_EXPECTED]
    if gap:
        found.append(_finding(
            "representation_while_severed", entity,
            f"COW records representation in {', '.join(map(str, gap))}, when the events give "
            f"{', '.join(sorted({statuses[y] for y in gap}))}: a severance without a recorded "
            "resumption, or an end of relations recorded too early?", years=gap))
    # Snapshot years in which the events say relations were in force.
    in_force = [r for r in rows if statuses.get(r["year"]) == "diplomatic"]
    if in_force and not any(r["exchange"] for r in in_force):
        years = [r["year"] for r in in_force]
        found.append(_finding(
            "relations_without_representation", entity,
            f"relations in force in COW's snapshot years {years[0]}–{years[-1]}, but COW records "
            "no representation in any of them", years=years))
    return found


def _while_held(kb: KnowledgeBase, entity: Record, events: list[Record]) -> list[Record]:
    """Events that change relations dated while another state held the entity's territory:
    a spell or an event is misdated, or the event belongs to the holder or a predecessor."""
    found = []
    for event in events:
        if event["type"] in ("treaty", "declaration"):
            continue
        day = PartialDate.parse(event["date"]).latest
        territory = kb.status(entity["id"], day)["territory"]
        # An occupied state goes on (its government in exile breaks and keeps relations).
        if territory and territory["condition"] not in ("sovereign", "occupied", "ended"):
            holders = ", ".join(h["id"] for h in territory["holders"]) or "no state"
            found.append(_finding(
                "relations_while_held", entity,
                f"{event['type']} {event['id']} ({event['date']}) falls in spell {territory['spell']}: "
                f"{territory['condition']} ({holders})", event=event["id"]))
    return found


def _against_state_system(entity: Record, start: Record, start_date: PartialDate,
                          spells: dict[int, list[Record]]) -> list[Record]:
    entry = min((s["start"] for s in spells.get(entity.get("cow_code") or -1, [])), default=None)
    if entry is None or entry == COW_SYSTEM_START:
        return []
    if start_date.latest.isoformat() < entry:
        return [_finding(
            "before_state_system_entry", entity,
            f"relations start {start['date']} ({start['id']}) before COW's state-system entry {entry}",
            event=start["id"])]
    return []


# Best first; a fact's support is the best tier among the citations that back its precision.
TIER_ORDER = ("official_japan", "official_partner", "intergovernmental", "scholarly", "reference", "press",
              "derivative", "unclassified")
WEAK_TIERS = frozenset(TIER_ORDER[4:])
_PRECISIONS = {"year": 0, "month": 1, "day": 2}


def precision_support(event: Record) -> str:
    """The best tier among the citations that support the event's date at its own precision
    (a citation saying `supports: year` does not back a day)."""
    needed = _PRECISIONS[PartialDate.parse(event["date"]).precision.value]
    tiers = [c.get("tier") or "unclassified" for c in event.get("citations", [])
             if _PRECISIONS.get(c.get("supports") or "day", 2) >= needed]
    return min(tiers, key=TIER_ORDER.index) if tiers else "unclassified"


def _weakest_links(kb: KnowledgeBase, starts: dict[str, Record]) -> tuple[list[Record], Counter[str]]:
    """Relation events whose recorded precision rests only on reference, press or derivative
    pages: the start of relations first, then the weakest tier, then the oldest."""
    found: list[tuple[int, int, str, Record]] = []
    support: Counter[str] = Counter()
    for entity in kb.entities():
        start = starts.get(entity["id"])
        for event in kb.events(entity["id"]):
            tier = precision_support(event)
            is_start = start is not None and event["id"] == start["id"]
            if is_start:
                support[tier] += 1
            if tier in WEAK_TIERS:
                precision = PartialDate.parse(event["date"]).precision.value
                detail = (f"{event['type']} {event['id']} ({event['date']}): its {precision} rests only on {tier} "
                          "sources" + (" — the start of relations" if is_start else ""))
                found.append((0 if is_start else 1, -TIER_ORDER.index(tier), event["date"],
                              _finding("weak_support", entity, detail, event=event["id"], tier=tier)))
    found.sort(key=lambda item: item[:3])
    return [f for *_, f in found], support


def _citations_by_tier(kb: KnowledgeBase) -> dict[str, int]:
    """URL citations of every record, by the tier of their host."""
    counts: Counter[str] = Counter()
    for citation in kb.citations():
        if citation.get("url"):
            counts[kb.tier(citation) or "unclassified"] += 1
    return {tier: counts.get(tier, 0) for tier in TIER_ORDER}


def _without_statehood(kb: KnowledgeBase) -> list[Record]:
    """Entities with no territory spells: gaiko takes them as states of their own throughout."""
    return [_finding("no_statehood", e, "no territory spells: taken as a state of its own on every date")
            for e in kb.entities() if not kb.spells(e["id"])]
