"""Mutation testing of gaiko's core: mutmut per module, against that module's own tests.

Run by `make mutation` with `.venv-mutation/bin/python` (mutmut 3.8.1 and the project). Each core
module is mutated in a fresh copy under `mutants/<module>/` whose `pyproject.toml` carries that
module's `[tool.mutmut]` section, so every run starts from nothing and the score is reproducible.
Hypothesis runs derandomised there (`hypothesis_profile.py`), for the same reason, and tests
named `…shipped_data…` are left out: they check data/, which changes under the code, not the code.

The score of a module is killed / (mutants - equivalent). Equivalent mutants are listed in
`tests/mutation/equivalent.txt`, each with its reason, by module, function and the changed lines:
mutmut's numbering changes whenever a function does, the text of a mutation does not.

    python tests/mutation/run.py                 # every core module; writes the table to TESTING.md
    python tests/mutation/run.py status dates    # some modules; prints only
    python tests/mutation/run.py --survivors     # also print each surviving mutant's diff
    python tests/mutation/run.py kb --draft      # survivors as equivalent.txt blocks
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
WORK = ROOT / "mutants"
EQUIVALENT = HERE / "equivalent.txt"
REPORT = ROOT / "TESTING.md"
MARK_START = "<!-- mutation:start (written by tests/mutation/run.py) -->"
MARK_END = "<!-- mutation:end -->"
GOAL = 85.0

# Each core module and the test files that are its own.
MODULES: dict[str, list[str]] = {
    "dates": ["tests/test_dates.py"],
    "status": ["tests/test_status.py"],
    "standing": ["tests/test_standing.py"],
    "names": ["tests/test_names.py"],
    "kb": ["tests/test_kb.py"],
    "audit": ["tests/test_audit.py"],
    "claims": ["tests/test_claims.py"],
}

KILLED = {"killed", "timeout", "caught by type check", "segfault"}


@dataclass
class Mutant:
    module: str
    function: str
    removed: list[str]
    added: list[str]
    status: str
    diff: str

    @property
    def key(self) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
        return (self.module, self.function, tuple(self.removed), tuple(self.added))


@dataclass
class Equivalent:
    module: str
    function: str
    removed: list[str]
    added: list[str]
    why: str
    line: int

    @property
    def key(self) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
        return (self.module, self.function, tuple(self.removed), tuple(self.added))


@dataclass
class Score:
    module: str
    mutants: int = 0
    killed: int = 0
    survived: int = 0
    equivalent: int = 0
    seconds: float = 0.0
    survivors: list[Mutant] = field(default_factory=list)

    @property
    def score(self) -> float:
        tested = self.mutants - self.equivalent
        return 100.0 * self.killed / tested if tested else 100.0


def ensure_environment() -> None:
    """Reinstall the project into this venv when pyproject.toml or constraints.txt changed since."""
    stamp = Path(sys.prefix) / ".gaiko-installed"
    sources = [ROOT / "pyproject.toml", ROOT / "constraints.txt"]
    if stamp.exists() and all(p.stat().st_mtime <= stamp.stat().st_mtime for p in sources):
        return
    print("installing the project's dependencies into the mutation venv …", flush=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-c", "constraints.txt", "-e", ".[dev]"],
                   cwd=ROOT, check=True)
    stamp.touch()


def read_equivalents(path: Path = EQUIVALENT) -> list[Equivalent]:
    """Blocks of `[module] function`, `- original line`, `+ mutated line`, `why: reason`."""
    found: list[Equivalent] = []
    current: Equivalent | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if header := re.match(r"^\[(\w+)\]\s+(\S+)$", line):
            current = Equivalent(header[1], header[2], [], [], "", number)
            found.append(current)
        elif current is None:
            raise SystemExit(f"{path}:{number}: a block starts with '[module] function'")
        elif line.startswith("- "):
            current.removed.append(line[2:].strip())
        elif line.startswith("+ "):
            current.added.append(line[2:].strip())
        elif line.startswith("why: "):
            current.why = line[5:].strip()
        else:
            raise SystemExit(f"{path}:{number}: expected '- line', '+ line' or 'why: reason'")
    for eq in found:
        if not eq.why:
            raise SystemExit(f"{path}:{eq.line}: [{eq.module}] {eq.function} needs 'why: reason'")
    return found


def own_tests(module: str, revision: str | None) -> dict[str, str] | None:
    """The module's own test files (path: text), from the work tree or a git revision; None if there are none."""
    found = {}
    for path in MODULES[module]:
        if revision is None:
            if (ROOT / path).exists():
                found[path] = (ROOT / path).read_text(encoding="utf-8")
            continue
        shown = subprocess.run(["git", "show", f"{revision}:{path}"], cwd=ROOT, capture_output=True, text=True,
                               check=False)
        if shown.returncode == 0:
            found[path] = shown.stdout
    return found or None


def prepare(module: str, tests: dict[str, str], code_from: str | None = None) -> Path:
    """A fresh copy of src/ (from the work tree, or a git revision), tests/ and pyproject.toml with
    this module's mutmut configuration."""
    workdir = WORK / module
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    if code_from is None:
        shutil.copytree(ROOT / "src", workdir / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    else:
        archive = subprocess.run(["git", "archive", code_from, "src"], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(workdir)], input=archive.stdout, check=True)
    shutil.copytree(ROOT / "tests", workdir / "tests",
                    ignore=shutil.ignore_patterns("__pycache__", "screenshots", ".schemathesis.db"))
    for path, text in tests.items():
        (workdir / path).write_text(text, encoding="utf-8")
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    selection = ", ".join(f'"{t}"' for t in tests)
    config += f"""
[tool.mutmut]
source_paths = ["src"]
only_mutate = ["src/gaiko/{module}.py"]
pytest_add_cli_args_test_selection = [{selection}]
pytest_add_cli_args = ["-p", "no:cacheprovider", "-p", "hypothesis_profile", "-k", "not shipped_data"]
use_git_change_detection = false
"""
    (workdir / "pyproject.toml").write_text(config, encoding="utf-8")
    # Tests that read the shipped data/ (the `project_kb` fixture) find it beside their copy.
    (workdir / "mutants").mkdir()
    (workdir / "mutants" / "data").symlink_to(ROOT / "data")
    return workdir


def run_mutmut(module: str, workdir: Path, children: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(HERE), "PYTHONDONTWRITEBYTECODE": "1"}
    mutmut = Path(sys.executable).parent / "mutmut"
    log = workdir / "mutmut.log"
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run([str(mutmut), "run", "--max-children", str(children)], cwd=workdir, env=env,
                              stdout=out, stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"mutmut failed on {module} (exit {done.returncode}); end of {log}:\n{tail}")


def collect(module: str, workdir: Path) -> list[Mutant]:
    """Every mutant of the module with its status and the lines it changes."""
    from mutmut.configuration import reset_config
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code
    from mutmut.utils.format_utils import orig_function_and_class_names_from_key

    previous = Path.cwd()
    os.chdir(workdir)
    try:
        reset_config()
        path = Path("src") / "gaiko" / f"{module}.py"
        data = SourceFileMutationData(path=path)
        data.load()
        mutants = []
        for name, exit_code in data.exit_code_by_key.items():
            diff = get_diff_for_mutant(name, path=path)
            function, cls = orig_function_and_class_names_from_key(name)
            lines = diff.splitlines()[2:]
            removed = [line[1:].strip() for line in lines if line.startswith("-")]
            added = [line[1:].strip() for line in lines if line.startswith("+")]
            mutants.append(Mutant(module, f"{cls}.{function}" if cls else function, removed, added,
                                  status_by_exit_code[exit_code], diff))
        return mutants
    finally:
        os.chdir(previous)


def untested(module: str) -> Score:
    """The score of a module without tests of its own: its mutants, none killed."""
    from mutmut.mutation.file_mutation import mutate_file_contents

    path = ROOT / "src" / "gaiko" / f"{module}.py"
    count = len(mutate_file_contents(str(path), path.read_text(encoding="utf-8")).mutant_names)
    listed = sum(1 for eq in read_equivalents() if eq.module == module)
    return Score(module, mutants=count, survived=count - listed, equivalent=listed)


def score(module: str, mutants: list[Mutant], equivalents: list[Equivalent]) -> tuple[Score, list[str]]:
    listed = {eq.key: eq for eq in equivalents if eq.module == module}
    result = Score(module, mutants=len(mutants))
    problems = []
    seen = set()
    for mutant in mutants:
        eq = listed.get(mutant.key)
        if eq is not None:
            seen.add(mutant.key)
            if mutant.status in KILLED:
                problems.append(f"equivalent.txt:{eq.line}: [{module}] {eq.function} is listed as equivalent "
                                "but a test kills it: remove it from the list")
                result.killed += 1
            else:
                result.equivalent += 1
        elif mutant.status in KILLED:
            result.killed += 1
        else:
            result.survived += 1
            result.survivors.append(mutant)
    for key, eq in listed.items():
        if key not in seen:
            problems.append(f"equivalent.txt:{eq.line}: [{module}] {eq.function} matches no mutant "
                            "(the code changed?): update or remove it")
    return result, problems


def revision(rev: str) -> str:
    return subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def table(scores: list[Score]) -> str:
    rows = ["| module | mutants | killed | survived | equivalent | score |", "|---|---:|---:|---:|---:|---:|"]
    for s in scores:
        rows.append(f"| `{s.module}.py` | {s.mutants} | {s.killed} | {s.survived} | {s.equivalent} | "
                    f"{s.score:.1f}% |")
    total = Score("total", sum(s.mutants for s in scores), sum(s.killed for s in scores),
                  sum(s.survived for s in scores), sum(s.equivalent for s in scores))
    rows.append(f"| all | {total.mutants} | {total.killed} | {total.survived} | {total.equivalent} | "
                f"{total.score:.1f}% |")
    return "\n".join(rows)


def write_report(scores: list[Score], seconds: float, code_from: str | None) -> None:
    import platform

    import mutmut

    block = (f"{MARK_START}\n"
             f"Last run: {time.strftime('%Y-%m-%d')}, code of "
             f"{'the work tree' if code_from is None else 'commit ' + revision(code_from)}, mutmut {mutmut.__version__}, "
             f"Python {platform.python_version()}, {os.cpu_count()} cores, {seconds / 60:.1f} min.\n\n"
             f"{table(scores)}\n{MARK_END}")
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Testing\n\n## Mutation score\n\n"
    if MARK_START in text and MARK_END in text:
        text = text[:text.index(MARK_START)] + block + text[text.index(MARK_END) + len(MARK_END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    REPORT.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"modules to test (default: all of {', '.join(MODULES)})")
    parser.add_argument("--survivors", action="store_true", help="print the diff of every surviving mutant")
    parser.add_argument("--draft", action="store_true",
                        help="print every surviving mutant as a block for equivalent.txt (to fill in or kill)")
    parser.add_argument("--tests-from", metavar="REV", help="the modules' own test files as of a git revision "
                        "(the score before new tests); prints only")
    parser.add_argument("--code-from", metavar="REV", help="mutate src/ as of a git revision (e.g. HEAD) instead "
                        "of the work tree, which others may be editing")
    parser.add_argument("--children", type=int, default=os.cpu_count() or 2, help="parallel mutant runs")
    args = parser.parse_args()
    modules = args.modules or list(MODULES)
    if wrong := [m for m in modules if m not in MODULES]:
        parser.error(f"not a core module: {', '.join(wrong)}; use some of {', '.join(MODULES)}")
    ensure_environment()
    equivalents = read_equivalents()
    unknown = sorted({eq.module for eq in equivalents} - set(MODULES))
    if unknown:
        raise SystemExit(f"{EQUIVALENT}: unknown modules {unknown}")
    started = time.monotonic()
    scores: list[Score] = []
    problems: list[str] = []
    for module in modules:
        began = time.monotonic()
        print(f"mutmut: {module}.py against {', '.join(MODULES[module])} …", flush=True)
        tests = own_tests(module, args.tests_from)
        if tests:
            workdir = prepare(module, tests, args.code_from)
            run_mutmut(module, workdir, args.children)
            result, found = score(module, collect(module, workdir), equivalents)
        else:  # no tests of its own: every mutant survives
            result, found = untested(module), []
        result.seconds = time.monotonic() - began
        problems += found
        scores.append(result)
        print(f"  {result.killed} of {result.mutants - result.equivalent} killed ({result.score:.1f}%), "
              f"{result.equivalent} equivalent, {result.seconds:.0f} s", flush=True)
        if args.survivors:
            for mutant in result.survivors:
                print(f"\n[{module}] {mutant.function}: {mutant.status}\n{mutant.diff}")
        if args.draft:
            for mutant in result.survivors:
                lines = [f"- {line}" for line in mutant.removed] + [f"+ {line}" for line in mutant.added]
                print("\n".join(["", f"[{module}] {mutant.function}", *lines, "why: …"]))
    seconds = time.monotonic() - started
    print()
    print(table(scores))
    print(f"\n{seconds / 60:.1f} min")
    for problem in problems:
        print(problem, file=sys.stderr)
    if not args.modules and not args.tests_from:
        write_report(scores, seconds, args.code_from)
        print(f"written to {REPORT.relative_to(ROOT)}")
    low = [s.module for s in scores if s.score < GOAL]
    if low:
        print(f"below {GOAL:.0f}%: {', '.join(low)}", file=sys.stderr)
    return 1 if problems or low else 0


if __name__ == "__main__":
    sys.exit(main())
