"""Plain-text rendering for the CLI. Pure formatting: it receives the library's dicts."""

from __future__ import annotations

import sys
from typing import Any

Record = dict[str, Any]


def echo(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _cite(citation: Record) -> str:
    where = citation.get("url") or citation.get("work") or citation.get("source") or ""
    said = citation.get("quote") or citation.get("locator") or ""
    publisher = citation.get("publisher")
    head = f"{publisher}: " if publisher else ""
    return f"{head}{where}\n        “{said}”"


def country(record: Record) -> None:
    names = record["name_en"] + (f" / {record['name_ja']}" if record.get("name_ja") else "")
    echo(f"{names}  [{record['id']}]")
    if record.get("official_name_en"):
        echo(f"  official name: {record['official_name_en']}")
    codes = [f"{k}={record[k]}" for k in ("iso2", "iso3", "iso_numeric", "cow_code", "gw_code",
                                          "wikidata") if record.get(k) is not None]
    echo(f"  codes: {', '.join(codes) or '—'}")
    echo(f"  kind: {record['kind']}; region: {record.get('un_region')} / {record.get('un_subregion')}")
    if record.get("un_admission"):
        echo(f"  UN admission: {record['un_admission']}")
    echo(f"\n  Japan's status on {record['as_of']}: {status_phrase(record)}")
    territory = record.get("territory")
    if territory and territory["condition"] not in ("sovereign",):
        echo(f"    the territory: {territory_phrase(territory)}")
    if record.get("basis"):
        echo(f"    rests on {record['basis']} {record['basis_id']}")
    if record.get("note"):
        echo(f"    {record['note']}")
    if record.get("chain"):
        echo("  chain of states: " + chain_phrase(record["chain"]))
    echo("\n  Relation events:")
    if not record["events"]:
        echo("    none recorded with a date")
    for event in record["events"]:
        echo(f"    {event['date']:<10}  {event['type']}"
             + (f" — {event['instrument']}" if event.get("instrument") else ""))
        for citation in event["citations"]:
            echo(f"      {_cite(citation)}")
        for alt in event.get("alternatives", []):
            echo(f"      other claim: {alt['date']} ({alt['citations'][0].get('publisher', '')})")
    if record["statements"]:
        echo("\n  General statements:")
        for statement in record["statements"]:
            echo(f"    as of {statement['as_of']}: {statement['status']} — {statement['id']}")
    exchanges = [x for x in record["diplomatic_exchange"] if x["exchange"]]
    if exchanges:
        years = ", ".join(str(x["year"]) for x in exchanges)
        echo(f"\n  COW Diplomatic Exchange shows representation in: {years}")


def status_phrase(record: Record) -> str:
    """"DIPLOMATIC since 1965-12-18", "NONE (never established)"."""
    if record.get("never"):
        return f"{record['status'].upper()} (never established)"
    return str(record["status"]).upper() + (f" since {record['since']}" if record.get("since") else "")


def territory_phrase(territory: Record) -> str:
    """"part_of Soviet Union (diplomatic since 1956-12-12), from 1922-12-30"."""
    holders = ", ".join(f"{h['name_en']}" + (f" ({h['status']}" + (f" since {h['since']})" if h.get("since") else ")")
                                              if h.get("status") else "") for h in territory["holders"])
    where = f"{territory['condition']} {holders}".strip()
    if territory.get("form"):
        where += f" — {territory['form']}"
    if territory.get("since"):
        where += f", from {territory['since']}"
    if territory.get("contested"):
        where += " (contested: see the spell's alternatives)"
    return where


def chain_phrase(chain: list[Record]) -> str:
    names: list[str] = []
    for link in chain:
        for side in ("predecessor", "successor"):
            name = link[side]["name_en"]
            if name not in names:
                names.append(name)
    return " → ".join(names)


def relations(rows: list[Record]) -> None:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
        since = "never" if row.get("never") else row.get("since") or ""
        held = row.get("territory") or {}
        part = f"  [{held['condition']} {', '.join(h['id'] for h in held['holders'])}]" \
            if held and held.get("condition") != "sovereign" else ""
        echo(f"{row['id']}  {row['status']:<11} {since:<10}  {row['name_en']}{part}")
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    echo(f"\n{len(rows)} entities as of {rows[0]['as_of'] if rows else '—'} ({summary})")


def claims(results: list[Record]) -> None:
    for result in results:
        mark = "PASS" if result["passed"] else "FAIL"
        echo(f"{mark}  {result['claim']}")
        echo(f"      {result['detail']}")
        for failure in result["failures"]:
            echo(f"      - {failure['id']} {failure['name_en']}: {failure['status']}")


def audit(report: Record) -> None:
    summary = report["summary"]
    for finding in report["findings"]:
        echo(f"{finding['severity']:<12} {finding['kind']:<36} {finding['entity']}  {finding['detail']}")
    dated = summary["dated_start_of_relations"]
    echo(f"\nAs of {report['as_of']}: {summary['entities_with_relations']} entities with diplomatic "
         f"relations; start of relations dated for {summary['dated_total']}"
         f" (day {dated.get('day', 0)}, month {dated.get('month', 0)}, year {dated.get('year', 0)}).")
    resting = summary["start_dates_resting_on"]
    echo(f"Those start dates rest on MOFA for {resting.get('mofa', 0)}, on other Japanese government "
         f"pages for {resting.get('japanese_government', 0)}, "
         f"on other sources for {resting.get('other', 0)}.")
    support = summary.get("start_precision_supported_by", {})
    if support:
        strong = sum(support.get(t, 0) for t in ("official_japan", "official_partner", "intergovernmental",
                                                 "scholarly"))
        echo(f"The precision of {strong} of {sum(support.values())} start dates rests on an official, "
             "intergovernmental or scholarly source: " + ", ".join(f"{k} {v}" for k, v in support.items()))
    tiers = summary.get("citations_by_tier", {})
    if tiers:
        total = sum(tiers.values()) or 1
        echo("URL citations by tier: " + ", ".join(f"{k} {v} ({v / total:.1%})" for k, v in tiers.items() if v))
    echo("Findings: " + ", ".join(f"{k} {v}" for k, v in summary["findings"].items()))


def timeline(rows: list[Record]) -> None:
    for row in rows:
        span = f"{row['date']}–{row['end_date']}" if row.get("end_date") else row["date"]
        themes = ",".join(row["themes"])
        echo(f"{span:<23} {row['title_en']}  [{themes}]")
    echo(f"\n{len(rows)} events")


def disputes(rows: list[Record]) -> None:
    echo("gaiko takes no side: each party's names and position are given from its own sources.\n")
    for d in rows:
        echo(f"{d['title_en']}  [{d['id']}] — {d['nature']}")
        echo(f"  claimants: {', '.join(d['claimants'])}; administered by {d['administered_by']}"
             + (f" since {d['administered_since']}" if d.get("administered_since") else ""))
        names = "; ".join(f"{n['name']} ({n['lang']}, {n['used_by']})" for n in d["names"])
        echo(f"  names: {names}")
        for position in d["positions"]:
            echo(f"  {position['party']}: {position['summary_en']}")
            echo(f"      {_cite(position['citations'][0])}")
        for event in d.get("events", []):
            echo(f"  {event['date']:<10} {event['title_en']}")
        echo("")


def _amount(figure: Record) -> str:
    unit = figure["unit"]

    def fmt(value: float) -> str:
        if unit == "percent":
            return f"{value:g}%"
        for size, word in ((1e9, "billion"), (1e6, "million")):
            if abs(value) >= size:
                return f"{unit} {value / size:g} {word}"
        return f"{unit} {value:g}"

    if figure.get("value") is not None:
        text = fmt(figure["value"])
    else:
        text = f"{fmt(figure['value_low'])}–{fmt(figure['value_high'])}"
    return ("about " if figure.get("approximate") else "") + text


def figures(result: Record) -> None:
    for figure in result["figures"]:
        when = figure.get("period") or f"as of {figure.get('as_of')}"
        echo(f"{_amount(figure):<28} {figure['label_en']}  ({when})")
        for eq in figure.get("equivalents", []):
            echo(f"{'':<28} = {_amount(eq)} (as the source states)")
        echo(f"{'':<28} {_cite(figure['citations'][0])}")
    trade = result.get("trade")
    if trade and trade["series"]:
        echo(f"\nJapan's trade with {trade['partner']} ({trade['unit']}; COW Trade v4.0):")
        for row in trade["series"][-10:]:
            echo(f"  {row['year']}  imports {row['japan_imports']!s:>9}  exports {row['japan_exports']!s:>9}")
        echo(f"  ({len(trade['series'])} years, {trade['series'][0]['year']}–{trade['series'][-1]['year']}; "
             "last 10 shown, all with --json)")


def missions(rows: list[Record]) -> None:
    for row in rows:
        echo_line = f"{row['operator']} → {row['host']}  {row['type']:<18} {row.get('city') or ''}"
        echo(echo_line)
    echo(f"\n{len(rows)} missions (Wikidata via database-of-embassies, as of 2022-11-16)")


def coverage(report: Record) -> None:
    for row in report["sentences"]:
        if not row["covered"]:
            echo(f"NOT COVERED  [{row['id']}] {row['text']}")
            echo(f"             reason: {row['reason']}")
    echo(f"\n{report['covered']} of {report['factual_sentences']} factual sentences are supported by a "
               f"record's citation ({report['share']:.1%}).")


def search(result: Record) -> None:
    hits, total = result["hits"], result["total"]
    for hit in hits:
        title = hit["title_en"] + (f" / {hit['title_ja']}" if hit.get("title_ja") else "")
        echo(f"{hit['type']:<15} {hit['id']:<40} {title}")
        if hit.get("excerpt"):
            echo(f"{'':<15} {hit['excerpt'][:160]}")
    echo(f"\n{len(hits)} of {total} hits")
