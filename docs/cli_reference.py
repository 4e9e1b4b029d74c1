"""Write docs/cli.md from the real `--help` of every gaiko command (`make docs`).

tests/test_docs.py regenerates it and fails if the file in the repository differs, so the
reference never drifts from the code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer.main
from typer.testing import CliRunner

from gaiko.cli import app

OUT = Path(__file__).parent / "cli.md"
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}


def commands() -> list[list[str]]:
    group = typer.main.get_command(app)
    found: list[list[str]] = [[]]
    for name, command in sorted(group.commands.items()):  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        found.append([name])
        found += [[name, sub] for sub in sorted(subcommands or [])]
    return found


def render() -> str:
    runner = CliRunner()
    parts = ["# gaiko command reference\n", "Generated from `--help` by `docs/cli_reference.py`; do not edit.\n"]
    for command in commands():
        result = runner.invoke(app, [*command, "--help"], env=ENV, terminal_width=100, prog_name="gaiko")
        title = " ".join(["gaiko", *command])
        text = "\n".join(line.rstrip() for line in result.stdout.strip("\n").splitlines())
        parts.append(f"\n## `{title}`\n\n```\n{text}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    os.environ.update(ENV)
    OUT.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {OUT}\n")
