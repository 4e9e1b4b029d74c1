"""The `gaiko` command: parse arguments, call the library, format the result. Nothing else.

`gaiko country …`, the command people run in loops, is answered without loading typer (see
`fast`); everything else goes to the typer app in `app`.
"""

from __future__ import annotations

import sys
from typing import Any


def main(argv: list[str] | None = None) -> None:
    from gaiko.cli.fast import run

    args = sys.argv[1:] if argv is None else argv
    code = run(args)
    if code is not None:
        raise SystemExit(code)
    from gaiko.cli.commands import app

    app(args)


def __getattr__(name: str) -> Any:
    if name == "app":
        from gaiko.cli.commands import app

        return app
    raise AttributeError(f"module 'gaiko.cli' has no attribute {name!r}")
