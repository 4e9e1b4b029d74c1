"""`gaiko import …`: re-run the repeatable imports of upstream datasets into data/ (maintainers)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from gaiko.cli.common import DEFAULT_RAW, DataOption, JsonOption, fail
from gaiko.cli.maintain import read_article

import_app = typer.Typer(help="Re-import upstream datasets into data/ (needs the `import` extra).",
                         no_args_is_help=True)


@import_app.command("upstream")
def import_upstream(
    raw: Annotated[Path, typer.Option(help="The upstream raw folder.")] = DEFAULT_RAW,
    data: DataOption = Path("data"),
) -> None:
    """Copy the upstream files gaiko uses into data/upstream/, with their provenance."""
    from gaiko.sources.upstream import copy_upstream

    for path in copy_upstream(raw, data / "upstream"):
        typer.echo(path)


@import_app.command("entities")
def import_entities(data: DataOption = Path("data")) -> None:
    """Rewrite data/entities.csv from data/upstream, pycountry and country_converter."""
    from gaiko.sources.entities import write_entities

    typer.echo(f"{write_entities(data / 'upstream', data)} entities written")


@import_app.command("exchange")
def import_exchange(data: DataOption = Path("data")) -> None:
    """Rewrite data/evidence/cow_diplomatic_exchange.csv from the COW upstream file."""
    from gaiko.sources.cow import import_exchange as run

    written, skipped = run(data / "upstream", data)
    typer.echo(f"{written} rows written; COW codes without an entity: {skipped or 'none'}")


@import_app.command("timeline")
def import_timeline(data: DataOption = Path("data")) -> None:
    """Rewrite data/timeline/imported-*.yaml (COW IGO and wars, ATOP, US visit records)."""
    from gaiko.sources.history import import_timeline as run

    for name, count in run(data / "upstream", data).items():
        typer.echo(f"imported-{name}.yaml: {count} events")


@import_app.command("trade")
def import_trade(data: DataOption = Path("data")) -> None:
    """Rewrite data/evidence/cow_trade.csv from COW dyadic trade (via peacesciencer)."""
    from gaiko.sources.trade import import_trade as run

    written, skipped = run(data / "upstream", data)
    typer.echo(f"{written} rows written; COW codes without an entity: {skipped or 'none'}")


@import_app.command("missions")
def import_missions(data: DataOption = Path("data")) -> None:
    """Rewrite data/missions.csv from the database-of-embassies copy (needs country_converter)."""
    from gaiko.sources.missions import import_missions as run

    written, unmatched = run(data / "upstream", data)
    typer.echo(f"{written} missions written; operators or hosts without an entity: {unmatched or 'none'}")


@import_app.command("article")
def import_article(
    article: Annotated[Path, typer.Argument(help="A plain-text Wikipedia article (== Section == headings).")],
    as_json: JsonOption = False,
) -> None:
    """Read an article into sections and sentences with stable ids."""
    from gaiko.article import ArticleError, as_dicts, parse_article

    sections = read_article(article, parse_article, ArticleError)
    if as_json:
        sys.stdout.write(json.dumps(as_dicts(sections), ensure_ascii=False, indent=2) + "\n")
        return
    for section in sections:
        typer.echo(f"{'  ' * (section.level - 1)}{section.title} [{section.id}]: {len(section.sentences)} sentences")


@import_app.command("works")
def import_works(
    article: Annotated[Path, typer.Argument(help="A plain-text Wikipedia article.")] = Path(
        "data/upstream/seed/foreign-relations-of-japan.txt"),
    data: DataOption = Path("data"),
) -> None:
    """Rewrite data/works.yaml from the article's Further reading section."""
    from gaiko.sources.bibliography import write_works

    try:
        count = write_works(article, data)
    except OSError as exc:
        fail(f"cannot read {article}: {exc.strerror}", 2)
    typer.echo(f"{count} works written")


@import_app.command("map-points")
def import_map_points(data: DataOption = Path("data")) -> None:
    """Rewrite data/evidence/map_points.csv (marker positions from Natural Earth, COW capitals)."""
    from gaiko.sources.mappoints import import_map_points as run

    written, missing = run(data / "upstream", data)
    typer.echo(f"{written} points written; entities without a position: {missing or 'none'}")


@import_app.command("names")
def import_names(data: DataOption = Path("data")) -> None:
    """Rewrite data/names/cldr.csv (CLDR, every language) and data/names/datasets.csv (ISO, UN, COW, GW)."""
    from gaiko.sources.names import import_names as run

    for name, count in run(data / "upstream", data).items():
        typer.echo(f"{name}: {count} names")


@import_app.command("states")
def import_states(data: DataOption = Path("data")) -> None:
    """Rewrite data/evidence/cow_state_system.csv from the COW upstream file."""
    from gaiko.sources.cow import import_state_system

    typer.echo(f"{import_state_system(data / 'upstream', data)} spells written")
