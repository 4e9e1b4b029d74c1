"""Write the names of every entity that standards and datasets use, into data/names/.

`gaiko import names`: CLDR's territory names in every language Babel carries (the pinned CLDR
release is in each citation), ISO 3166's names through pycountry, the UN member list's names,
and the names COW and Gleditsch–Ward give each state in the years it was in their lists. Every
row cites the dataset it comes from. Curated names (World Bank and IMF styles, abbreviations,
former names, Japanese forms) are in the hand-edited YAML files beside these.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from gaiko.datafiles import ENTITIES_CSV
from gaiko.sources import write_rows
from gaiko.sources.cowcodes import CowCodes
from gaiko.vocab import JAPAN_ID

CLDR_CSV = "names/cldr.csv"
DATASETS_CSV = "names/datasets.csv"
COLUMNS = ["entity", "name", "lang", "style", "used_from", "used_until", "citations"]


def _entities(data_dir: Path) -> list[dict[str, str]]:
    with (data_dir / ENTITIES_CSV).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _named(data_dir: Path) -> list[dict[str, str]]:
    """The entities, and Japan: its names are known so that `gaiko country Japan` can say that Japan
    is the subject of every relation rather than suggest a country with a similar name."""
    import pycountry

    japan = pycountry.countries.get(alpha_3=JAPAN_ID)
    assert japan is not None, "pycountry has no JPN"
    return [*_entities(data_dir), {"id": JAPAN_ID, "iso2": japan.alpha_2, "iso3": japan.alpha_3,
                                   "name_en": japan.name}]


def cldr_names(data_dir: Path) -> list[dict[str, str]]:
    """One row per distinct (entity, name): the first language that uses it cites it."""
    import babel
    from babel import Locale, localedata
    from babel.core import get_cldr_version

    release = f"CLDR {get_cldr_version()} (Babel {babel.__version__})"
    # English and Japanese first: a name they share with other languages is cited to them.
    languages = sorted((i for i in localedata.locale_identifiers() if "_" not in i or i in ("zh_Hant", "sr_Latn")),
                       key=lambda i: (i not in ("en", "ja"), i))
    rows, seen = [], set()
    for entity in _named(data_dir):
        code = entity["iso2"]
        if not code:
            continue
        for language in languages:
            try:
                name = Locale.parse(language).territories.get(code)
            except (ValueError, babel.UnknownLocaleError):
                continue
            if not name or (entity["id"], name) in seen or name == code:
                continue
            seen.add((entity["id"], name))
            rows.append({"entity": entity["id"], "name": name, "lang": language.replace("_", "-"), "style": "cldr",
                         "citations": f"cldr:{release}, locale {language}, territory {code}"})
    return rows


def dataset_names(upstream: Path, data_dir: Path) -> list[dict[str, str]]:
    """ISO 3166 (pycountry), UN, COW and GW names, each entity once per distinct name and style."""
    import pycountry

    rows, seen = [], set()

    def add(entity: str | None, name: str, style: str, citation: str) -> None:
        if entity and name and (entity, name, style) not in seen:
            seen.add((entity, name, style))
            rows.append({"entity": entity, "name": name, "lang": "en", "style": style, "citations": citation})

    by_iso3 = {e["iso3"]: e["id"] for e in _named(data_dir) if e["iso3"]}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                add(by_iso3.get(country.alpha_3), value, "iso", f"pycountry:alpha_3={country.alpha_3} {attribute}")
    by_name = {e["name_en"]: e["id"] for e in _named(data_dir)}
    un = json.loads((upstream / "un-member-states" / "un_members.json").read_text(encoding="utf-8"))
    for member in un["countries"]:
        entity = by_iso3.get(member.get("iso3", "")) or by_name.get(member["country"])
        add(entity, member["country"], "un", f"un-members:{member['country']}")
    codes = CowCodes(data_dir)
    with (upstream / "cow-state-system" / "statelist2024.csv").open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            first, last = int(r["styear"]), int(r["endyear"])
            add(codes.entity(int(r["ccode"]), first), r["statenme"], "cow",
                f"cow-states:ccode={r['ccode']} {r['statenme']}, {first}–{last}")
    with (upstream / "gleditsch-ward" / "gw_states.csv").open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            first = int(r["startdate"][:4])
            add(codes.entity(int(r["gwcode"]), first), r["statename"], "gw",
                f"gw-states:gwcode={r['gwcode']} {r['statename']}, from {r['startdate']}")
    return rows


def import_names(upstream: Path, data_dir: Path) -> dict[str, int]:
    """Rewrite data/names/cldr.csv and data/names/datasets.csv; return rows written per file."""
    cldr = cldr_names(data_dir)
    datasets = dataset_names(upstream, data_dir)
    write_rows(data_dir / CLDR_CSV, COLUMNS, cldr)
    write_rows(data_dir / DATASETS_CSV, COLUMNS, datasets)
    return {CLDR_CSV: len(cldr), DATASETS_CSV: len(datasets)}
