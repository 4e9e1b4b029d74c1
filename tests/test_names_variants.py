"""How well gaiko resolves the names researchers use: tests/data/name_variants.csv holds variants read in
the World Bank's, the IMF's, the UN's, ISO's, COW's and Gleditsch–Ward's tables, CLDR, reference pages and
Japanese sources, each with the entity it means. A variant counts as right when it resolves to that entity,
or when it is ambiguous and the entity is among the candidates. The rate per style is printed (pytest -s)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from gaiko.kb import KnowledgeBase
from gaiko.names import UnknownEntity

VARIANTS = Path(__file__).parent / "data" / "name_variants.csv"
GOAL = 0.95


def load() -> list[dict[str, str]]:
    with VARIANTS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def answer(kb: KnowledgeBase, variant: str) -> tuple[str, list[str]]:
    """("found", [id]), ("ambiguous", candidates) or ("missing", suggestions)."""
    try:
        return "found", [kb.entity_id(variant)]
    except UnknownEntity as miss:
        ids = [s["id"] for s in miss.suggestions]
        return ("ambiguous" if miss.ambiguous else "missing"), ids


def right(kind: str, ids: list[str], expected: str) -> bool:
    return (kind == "found" and ids == [expected]) or (kind == "ambiguous" and expected in ids)


def test_the_suite_is_wide() -> None:
    rows = load()
    assert len(rows) >= 400
    assert {"world_bank", "imf", "un", "iso", "cow", "gw", "cldr", "common", "abbreviation", "former", "ja_mofa",
            "ja_kanji", "ja_variant", "punctuation", "ambiguous"} <= {r["style"] for r in rows}
    assert len({r["lang"] for r in rows if r["style"] == "cldr"}) >= 5
    assert all(r["variant"] and r["expected"] and r["source"] for r in rows)


def test_resolution_rate(project_kb: KnowledgeBase) -> None:
    rows = load()
    total: Counter[str] = Counter()
    good: Counter[str] = Counter()
    failures = []
    for row in rows:
        kind, ids = answer(project_kb, row["variant"])
        total[row["style"]] += 1
        if right(kind, ids, row["expected"]):
            good[row["style"]] += 1
        else:
            failures.append(f"  {row['variant']!r} [{row['style']}] expected {row['expected']}: {kind} {ids}")
    print(f"\nname variants: {sum(good.values())}/{len(rows)} right")
    for style in sorted(total):
        print(f"  {style:14} {good[style]:4}/{total[style]:<4} {good[style] / total[style]:.1%}")
    if failures:
        print("failing variants:\n" + "\n".join(failures))
    rate = sum(good.values()) / len(rows)
    assert rate >= GOAL, f"resolution rate {rate:.1%} is below {GOAL:.0%}"


@pytest.mark.parametrize(("variant", "expected"), [
    ("Korea", {"KOR", "PRK", "XKR"}), ("Congo", {"COG", "COD"}), ("コンゴ", {"COG", "COD"}),
    ("Republic of China", {"TWN", "XRC"}),
])
def test_ambiguous_names_answer_with_their_candidates(project_kb: KnowledgeBase, variant: str,
                                                      expected: set[str]) -> None:
    kind, ids = answer(project_kb, variant)
    assert kind == "ambiguous"
    assert set(ids) == expected


@pytest.mark.parametrize(("variant", "expected"), [
    ("Guinea", "GIN"), ("Sudan", "SDN"), ("Niger", "NER"), ("Korea, Rep.", "KOR"), ("China, P.R.: Mainland", "CHN"),
    ("Great Britain", "GBR"), ("Holland", "NLD"), ("DPRK", "PRK"), ("Ivory Coast", "CIV"), ("Iran, Islamic Rep.", "IRN"),
    ("Deutschland", "DEU"), ("韓國", "KOR"), ("豪州", "AUS"), ("Ceylon", "LKA"), ("Upper Volta", "BFA"),
])
def test_the_issues_examples_resolve(project_kb: KnowledgeBase, variant: str, expected: str) -> None:
    assert project_kb.entity_id(variant) == expected
