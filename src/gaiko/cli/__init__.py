"""The `gaiko` command: parse arguments, call the library, format the result. Nothing else.

`gaiko country …`, the command people run in loops, is answered without loading typer (see
`fast`); everything else goes to the typer app in `app`.
"""

from __future__ import annotations

import os
import sys
from typing import Any


def main(argv: list[str] | None = None) -> None:
    try:
        _run(sys.argv[1:] if argv is None else argv)
    except BrokenPipeError:
        # The reader went away (`gaiko … | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None


def _run(args: list[str]) -> None:
    from gaiko.cli.fast import run

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
