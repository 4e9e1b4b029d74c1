"""The `gaiko` command as a typer app: every command, its options and help."""

from __future__ import annotations

import typer

from gaiko.cli import maintain, read
from gaiko.cli.imports import import_app

app = typer.Typer(
    help="gaiko (外交): a sourced, time-aware knowledge base of Japan's foreign relations.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _version(show: bool) -> None:
    if show:
        from importlib.metadata import version

        typer.echo(f"gaiko {version('gaiko')}")
        raise typer.Exit()


@app.callback()
def _options(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")) -> None:
    """gaiko (外交): a sourced, time-aware knowledge base of Japan's foreign relations."""
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
data_app.command("package")(maintain.data_package)
