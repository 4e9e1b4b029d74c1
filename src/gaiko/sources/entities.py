"""Build data/entities.csv from pycountry, country_converter, COW, the UN list and Wikidata.

Run by `gaiko import entities`. country_converter is GPL-3 and pandas-heavy, so it is used
here only, never when gaiko builds or serves. Hand-made fixes go in data/corrections.yaml,
which the build applies on top of this file.
"""

from __future__ import annotations

import csv
import datetime as dt
import gettext
import json
import logging
import re
from pathlib import Path
from typing import Any

from gaiko.datafiles import ENTITIES_CSV, LIST_SEPARATOR
from gaiko.sources import write_rows
from gaiko.vocab import JAPAN_ID, EntityKind

# Entities beyond the 193 UN members: the observers and the states MOFA or the seed name.
EXTRA_ENTITIES: dict[str, EntityKind] = {
    "VAT": EntityKind.UN_OBSERVER,
    "PSE": EntityKind.UN_OBSERVER,
    "XKX": EntityKind.NON_MEMBER_STATE,
    "COK": EntityKind.NON_MEMBER_STATE,
    "NIU": EntityKind.NON_MEMBER_STATE,
    "TWN": EntityKind.NON_MEMBER_STATE,
}

COLUMNS = [
    "id", "kind", "name_en", "name_ja", "official_name_en", "official_name_ja",
    "aliases_en", "aliases_ja", "former_names", "iso2", "iso3", "iso_numeric",
    "cow_code", "cow_abbrev", "gw_code", "wikidata", "un_admission", "un_region",
    "un_subregion", "citations",
]

# coco's continent names, as UN M49 regions
_REGIONS = {"America": "Americas"}
_PAREN = re.compile(r"^(.*?)\s*\((.*)\)$")


def _converter() -> Any:
    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    return coco.CountryConverter()


def _ja_names(translate: gettext.NullTranslations, name: str) -> tuple[str, list[str]]:
    """pycountry's Japanese name; "大韓民国 (韓国)" gives the name and an alias."""
    text = translate.gettext(name)
    if text == name:
        return "", []
    match = _PAREN.match(text)
    if match:
        return match.group(1), [match.group(2)]
    return text, []


def _un_admissions(path: Path, cc: Any) -> dict[str, tuple[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    names = [c["country"] for c in data["countries"]]
    codes = cc.convert(names, to="ISO3", not_found=None)
    result = {}
    for country, code in zip(data["countries"], codes, strict=True):
        day = dt.datetime.strptime(country["date"], "%d %B %Y").date()
        result[code] = (day.isoformat(), country["country"])
    return result


def _cow_codes(path: Path, cc: Any) -> dict[str, tuple[int, str, str]]:
    """COW code, abbreviation and name of each state in the system at the end of coverage."""
    with path.open(encoding="utf-8", newline="") as handle:
        current = {
            (int(r["ccode"]), r["stateabb"], r["statenme"])
            for r in csv.DictReader(handle)
            if r["endyear"] == "2024"
        }
    rows = sorted(current)
    codes = cc.convert([name for _, _, name in rows], to="ISO3", not_found=None)
    result: dict[str, tuple[int, str, str]] = {}
    for row, code in zip(rows, codes, strict=True):
        if code in result:
            raise ValueError(f"COW codes {result[code][0]} and {row[0]} both convert to {code}")
        result[code] = row
    return result


def _wikidata(path: Path, names: dict[str, set[str]]) -> dict[str, tuple[str, str]]:
    """QIDs of the labels that are exactly one of an entity's names.

    Labels are matched exactly, not by coco's regexes, since some operators are ministries
    ("Ministry of Foreign Affairs of the Russian Federation") with QIDs of their own.
    """
    by_name = {name: code for code, all_names in names.items() for name in all_names}
    result: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = by_name.get(row["label"])
            if code:
                result.setdefault(code, (row["qid"], row["label"]))
    return result


def _former_names() -> dict[str, list[tuple[str, str]]]:
    """Names from ISO 3166-3, keyed by the alpha-2 that replaced them.

    ISO 3166-3 alpha-4 codes end with the new alpha-2 (BUMM: Burma, now MM), or HH where the
    country was divided; only the former kind names a successor.
    """
    import pycountry

    names: dict[str, list[tuple[str, str]]] = {}
    for old in pycountry.historic_countries:
        successor = old.alpha_4[2:]
        if successor != "HH":
            names.setdefault(successor, []).append((old.name.split(",")[0], old.alpha_4))
    return names


def build_rows(upstream: Path) -> list[dict[str, str]]:
    """One row per entity, each value with the source it came from."""
    import pycountry

    cc = _converter()
    table = cc.data
    ja = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
    un = _un_admissions(upstream / "un-member-states" / "un_members.json", cc)
    former = _former_names()
    cow = _cow_codes(upstream / "cow-state-system" / "statelist2024.csv", cc)

    rows = []
    for _, rec in table.sort_values("ISO3").iterrows():
        code = rec["ISO3"]
        if code == JAPAN_ID or not (code in un or code in EXTRA_ENTITIES):
            continue
        kind = EntityKind.UN_MEMBER if code in un else EXTRA_ENTITIES[code]
        citations = [f"country-converter:ISO3={code}"]
        country = pycountry.countries.get(alpha_3=code)
        name_en = str(rec["name_short"])
        official_en = str(rec["name_official"]) if rec["name_official"] != name_en else ""
        aliases_en: list[str] = []
        name_ja, official_ja = "", ""
        aliases_ja: list[str] = []
        # Kosovo has no ISO 3166 codes: coco's XK, XKX and 412 are user-assigned conventions.
        in_iso = code != "XKX"
        iso2 = country.alpha_2 if (in_iso and country is not None) else ""
        numeric = f"{int(rec['ISOnumeric']):03d}" if in_iso and str(rec["ISOnumeric"]).isdigit() else ""
        if country is not None:
            citations.append(f"pycountry:alpha_3={code}")
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value and value not in (name_en, official_en) and value not in aliases_en:
                    aliases_en.append(value)
            name_ja, aliases_ja = _ja_names(ja, country.name)
            official = getattr(country, "official_name", None)
            if official:
                official_ja, _ = _ja_names(ja, official)
                if official_ja == name_ja:
                    official_ja = ""
        row = {
            "id": code,
            "kind": kind.value,
            "name_en": name_en,
            "name_ja": name_ja,
            "official_name_en": official_en,
            "official_name_ja": official_ja,
            "aliases_en": LIST_SEPARATOR.join(aliases_en),
            "aliases_ja": LIST_SEPARATOR.join(aliases_ja),
            "former_names": "",
            "iso2": iso2,
            "iso3": code if in_iso else "",
            "iso_numeric": numeric,
            "cow_code": "",
            "cow_abbrev": "",
            "gw_code": str(int(rec["GWcode"])) if str(rec["GWcode"]).replace(".0", "").isdigit() else "",
            "wikidata": "",
            "un_admission": "",
            "un_region": _REGIONS.get(str(rec["continent"]), str(rec["continent"])),
            "un_subregion": str(rec["UNregion"]),
        }
        for old_name, alpha_4 in former.get(iso2, []) if iso2 else []:
            row["former_names"] = LIST_SEPARATOR.join(filter(None, [row["former_names"], old_name]))
            citations.append(f"pycountry:historic_countries alpha_4={alpha_4} ({old_name})")
        if code in cow:
            ccode, abbrev, cow_name = cow[code]
            row["cow_code"], row["cow_abbrev"] = str(ccode), abbrev
            citations.append(f"cow-states:ccode={ccode} ({cow_name})")
        if code in un:
            row["un_admission"] = un[code][0]
            citations.append(f"un-members:{un[code][1]}")
        row["citations"] = f" {LIST_SEPARATOR} ".join(citations)
        rows.append(row)
    names = {r["id"]: {r["name_en"], r["official_name_en"], *r["aliases_en"].split("|")} for r in rows}
    qids = _wikidata(upstream / "database-of-embassies" / "country_qids.csv", names)
    for row in rows:
        if row["id"] in qids:
            qid, label = qids[row["id"]]
            row["wikidata"] = qid
            row["citations"] += f" {LIST_SEPARATOR} database-of-embassies:{label} = {qid}"
    return rows


def write_entities(upstream: Path, data_dir: Path) -> int:
    """Write data/entities.csv; return the number of rows."""
    rows = build_rows(upstream)
    write_rows(data_dir / ENTITIES_CSV, COLUMNS, rows)
    return len(rows)
