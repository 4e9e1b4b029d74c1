"""The `gaiko` command: parse arguments, call the library, format the result. Nothing else."""

from __future__ import annotations

import typer

from gaiko.cli import maintain, read
from gaiko.cli.imports import import_app

app = typer.Typer(
    help="gaiko (外交): a sourced, time-aware knowledge base of Japan's foreign relations.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
data_app = typer.Typer(help="Work with the data/ folder, the source of truth.", no_args_is_help=True)
app.add_typer(data_app, name="data")
app.add_typer(import_app, name="import")

for command in read.READ_COMMANDS:
    app.command()(command)
app.command()(maintain.build)
app.command()(maintain.coverage)
app.command()(maintain.serve)
data_app.command("check")(maintain.data_check)
data_app.command("schema")(maintain.data_schema)


def main() -> None:
    app()
