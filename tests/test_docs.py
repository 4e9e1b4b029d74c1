"""The command reference in docs/cli.md is the real --help of every command (habit: docs from code)."""

import importlib.util
from pathlib import Path

DOCS = Path(__file__).parent.parent / "docs"


def test_the_cli_reference_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("cli_reference", DOCS / "cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.render()
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == expected, "run `make docs` and commit docs/cli.md"
    assert expected.count("## `gaiko") == len(module.commands())
