"""The explorer's first view, the world map page, written by the server.

The HTML of `/` carries the whole page, the map coloured for the year asked, so that a reader
sees it after one round trip, before any script or data arrives; the browser's map module then
adopts it (and asks the server for it again when a reader comes back to the map). Colours,
labels and counts follow the same rules as the browser's recolouring (web/lib/status.js):
`describe` here and there say the same, and a browser test holds them together.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from functools import cached_property
from html import escape
from pathlib import Path
from typing import Any

from gaiko.api import worldmap
from gaiko.kb import KnowledgeBase
from gaiko.model import HOLDING_CONDITIONS
from gaiko.vocab import JAPAN_ID

FIRST_YEAR = 1854
UNKNOWN = {"status": "unknown", "since": None, "condition": None, "holder": None}
# A thing on the map a reader can press: (entity id, its shape, or None for a marker, x, y).
Item = tuple[str, worldmap.Shape | None, float, float]


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()  # the browser's today() is UTC too


def as_of_for(year: int) -> str:
    """The last day of a year, or today for this year."""
    end = f"{year}-12-31"
    return min(end, today().isoformat())


def year_asked(value: str | None) -> int:
    """The `year` of the URL when it is one the slider offers, else this year."""
    this_year = today().year
    try:
        year = int(value or "")
    except ValueError:
        return this_year
    return year if FIRST_YEAR <= year <= this_year else this_year


class Strings:
    """The interface strings (web/strings.json) and vocabulary labels in one language."""

    def __init__(self, table: Mapping[str, Mapping[str, str]], vocabularies: Mapping[str, Any], lang: str) -> None:
        self.table, self.vocabularies, self.lang = table, vocabularies, lang

    def t(self, key: str, **values: str) -> str:
        text = self.table[self.lang].get(key) or self.table["en"].get(key) or key
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text

    def term(self, kind: str, value: str) -> str:
        for entry in self.vocabularies.get(kind, []):
            if isinstance(entry, dict) and entry.get("value") == value:
                return str(entry.get(self.lang) or entry["en"])
        return value.replace("_", " ")

    def name(self, entity: Mapping[str, Any] | None, fallback: str) -> str:
        if entity is None:
            return fallback
        if self.lang == "ja" and entity.get("name_ja"):
            return str(entity["name_ja"])
        return str(entity.get("name_en") or entity.get("name_ja") or fallback)


def _held(row: Mapping[str, Any]) -> bool:
    """The territory was held by another state (status.js `isHeld`)."""
    return row["condition"] in HOLDING_CONDITIONS and bool(row["holder"])


class MapPage:
    """The map page for any year and language; the shapes are drawn once."""

    def __init__(self, kb: KnowledgeBase, atlas: Path, strings: Mapping[str, Mapping[str, str]]) -> None:
        self.kb = kb
        self.atlas = atlas
        self.table = strings  # web/strings.json, as the explorer reads it

    @cached_property
    def entities(self) -> dict[str, dict[str, Any]]:
        return {e["id"]: dict(e) for e in self.kb.map_entities()}

    @cached_property
    def drawing(self) -> tuple[list[worldmap.Shape], list[Item]]:
        """The shapes, and every item a reader can press. Shapes tie to entities by ISO numeric
        code, else by Natural Earth's name; a state too small to press (or with no shape) gets a
        marker at its map point."""
        by_numeric = {e["iso_numeric"]: e["id"] for e in self.entities.values()
                      if e["iso_numeric"] and e["kind"] != "historical_state"}
        by_name = {e["name_en"]: e["id"] for e in self.entities.values()}
        shapes = worldmap.load_shapes(self.atlas)
        items: list[Item] = []
        shaped = set()
        for shape in shapes:
            if shape.numeric == worldmap.JAPAN_NUMERIC:
                items.append((JAPAN_ID, shape, *shape.anchor))
                continue
            entity_id = by_numeric.get(shape.numeric) if shape.numeric else by_name.get(shape.name)
            if entity_id is None:
                continue
            items.append((entity_id, shape, *shape.anchor))
            if shape.area >= worldmap.TINY_AREA:
                shaped.add(entity_id)
        for entity_id, lon, lat in self.kb.map_positions():
            if entity_id not in shaped and entity_id in self.entities:
                items.append((entity_id, None, *worldmap.project(lon, lat)))
        return shapes, items

    @cached_property
    def sea(self) -> str:
        return worldmap.sphere_path()

    def render(self, lang: str, year: int) -> tuple[str, str]:
        """(title, the page's HTML) for a language and a year."""
        s = Strings(self.table, self.kb.vocabularies(), lang)
        as_of = as_of_for(year)
        statuses = self.kb.statuses_on(dt.date.fromisoformat(as_of))
        this_year = today().year
        counts = Counter(str(statuses.get(entity_id, UNKNOWN)["status"]) for entity_id in self.entities)
        svg = self._svg(s, statuses, as_of)
        page = f"""<div class="page page-map" data-server="map">
<h1 tabindex="-1">{escape(s.t("map.title"))}</h1>
<p class="lead">{escape(s.t("map.shapes"))}</p>
<div class="slider">
<label for="year">{escape(s.t("map.slider"))}</label>
<button type="button" class="step" data-step="-1" aria-label="{escape(s.t("map.previous"))}">−</button>
<input id="year" type="range" min="{FIRST_YEAR}" max="{this_year}" step="1" value="{year}">
<button type="button" class="step" data-step="1" aria-label="{escape(s.t("map.next"))}">+</button>
<output id="year-label" for="year">{escape(s.t("map.asof", date=as_of))}</output>
</div>
<a class="skip-map" href="#states">{escape(s.t("map.skip"))}</a>
<div class="map-wrap">
{svg}
<div class="zoom-buttons">
<button type="button" data-zoom="in" aria-label="{escape(s.t("map.zoom_in"))}">+</button>
<button type="button" data-zoom="out" aria-label="{escape(s.t("map.zoom_out"))}">−</button>
<button type="button" data-zoom="reset">{escape(s.t("map.zoom_reset"))}</button>
</div>
<div class="tooltip" id="tip" aria-hidden="true" hidden></div>
</div>
<div id="legend">{self._legend(s, counts)}</div>
<p class="muted" id="map-help">{escape(s.t("map.help"))}</p>
<details id="states" class="card"><summary>{escape(s.t("map.table"))}</summary><div id="states-table"></div></details>
</div>"""
        return s.t("map.title"), page

    def describe(self, s: Strings, row: Mapping[str, Any]) -> str:
        """Where the territory stood and Japan's status with its holder, as status.js `describe`
        says it: «part of Soviet Union — Diplomatic relations since 1956-12-12»."""
        where = ""
        if _held(row):
            holder = s.t("japan") if row["holder"] == JAPAN_ID else s.name(self.entities.get(row["holder"]),
                                                                               row["holder"])
            where = s.t(f"condition.{row['condition']}", holder=holder)
        elif row["condition"] and row["condition"] != "sovereign":
            where = s.t(f"condition.{row['condition']}")
        if row["status"] in ("japan", "no_state") and where:
            return where
        label = s.term("status", row["status"])
        status = s.t("status.since", status=label, date=row["since"]) if row["since"] else label
        return s.t("status.held", where=where, status=status) if where else status

    def _svg(self, s: Strings, statuses: Mapping[str, Mapping[str, Any]], as_of: str) -> str:
        shapes, items = self.drawing
        by_shape = {id(item[1]): item for item in items if item[1] is not None}
        ids = [item[0] for item in items]
        focusable = "KOR" if "KOR" in ids else ids[0] if ids else None  # the map is one stop in the tab order
        seen: set[str] = set()

        def attributes(item: Item) -> str:
            nonlocal focusable
            entity_id, shape, x, y = item
            tab = "0" if entity_id == focusable else "-1"
            if tab == "0":
                focusable = None  # only the first item of that entity
            common = f'data-id="{entity_id}" data-x="{x:.1f}" data-y="{y:.1f}" role="link" tabindex="{tab}"'
            if entity_id == JAPAN_ID:
                return f'class="japan" {common} aria-label="{escape(s.t("japan"))}"'
            row = statuses.get(entity_id, UNKNOWN)
            seen.add(entity_id)
            label = escape(f"{s.name(self.entities[entity_id], entity_id)}: {self.describe(s, row)}")
            return (f'class="{"country" if shape else "marker"} status-{row["status"]}{" held" if _held(row) else ""}" '
                    f'data-status="{row["status"]}" {common} aria-label="{label}"')

        paths = [f'<path {attributes(item)} d="{shape.d}"></path>' if (item := by_shape.get(id(shape))) else
                 f'<path class="no-entity" d="{shape.d}"><title>{escape(shape.name)}</title></path>'
                 for shape in shapes]
        markers = [f'<g {attributes(item)} transform="translate({item[2]:.1f} {item[3]:.1f})"><circle class="hit" '
                   'r="12"></circle><circle class="dot" r="4"></circle></g>' for item in items if item[1] is None]
        return (f'<svg class="world" id="world" viewBox="0 0 {worldmap.WIDTH} {worldmap.HEIGHT}" tabindex="-1" '
                f'role="group" aria-roledescription="{escape(s.t("map.role"))}" '
                f'aria-label="{escape(s.t("map.label"))}" '
                f'aria-describedby="map-help" data-drawn="{len(seen)}" data-as-of="{as_of}">'
                f'<g class="zoomable"><path class="ocean" d="{self.sea}"></path><g class="shapes">{"".join(paths)}</g>'
                f'<g class="markers">{"".join(markers)}</g></g></svg>')

    @staticmethod
    def _legend(s: Strings, counts: Counter[str]) -> str:
        def plain(kind: str) -> str:
            return (f'<svg class="swatch" viewBox="0 0 14 14" aria-hidden="true" focusable="false"><rect width="14" '
                    f'height="14" class="{kind}"></rect></svg>')

        def swatch(status: str, held: bool = False) -> str:
            return plain(f"status-{status}{' held' if held else ''}")

        statuses = [e["value"] for e in s.vocabularies.get("status", []) if isinstance(e, dict)]
        rows = [f"<li>{swatch('japan')} {escape(s.t('japan'))}</li>"]
        rows += [f'<li data-status="{status}">{swatch(status, status == "japan")} {escape(s.term("status", status))} '
                 f'<span class="count">({counts.get(status, 0)})</span></li>' for status in statuses]
        rows += [f"<li>{swatch('diplomatic', True)} {escape(s.t('map.held'))}</li>",
                 f"<li>{plain('no-entity')} {escape(s.t('map.no_entity'))}</li>",
                 f"<li>{plain('ocean')} {escape(s.t('map.ocean'))}</li>"]
        return f'<ul class="legend">{"".join(rows)}</ul>'
