"""Mutation score of a service's domain package (mutmut): a measurement of its tests, not a CI gate.

Usage: python scripts/mutation.py SERVICE [MODULE ...] [--jobs N]
   or: make mutation MUTATE="agreements groups" MUTATION_ARGS="--jobs 2"

Each service's `src/` and `tests/domain/` are copied to `.cache/mutation/SERVICE/`, where mutmut mutates the
modules of `renkei_SERVICE/domain` (or only the MODULEs named, e.g. `cost_sharing`) and runs the domain tests
against every mutant. The score per module is printed and kept in `.cache/mutation/SERVICE/scores.txt`, the
surviving mutants in `survivors.txt` (`mutmut show NAME` in that folder prints one as a diff), mutmut's
own output in `mutmut.log`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# mutmut's exit codes of a mutant's test run, as its `results` command names them.
KILLED, SURVIVED, NO_TESTS, TIMEOUTS = {1, 3}, {0}, {5, 33}, {24, 36, 152, 255, -24}

CONFIG = """\
[tool.mutmut]
source_paths = ["src"]
only_mutate = {only}
pytest_add_cli_args_test_selection = ["tests/domain"]
use_git_change_detection = false

[tool.pytest.ini_options]
addopts = "-p no:cacheprovider --import-mode=importlib"
"""


def prepare(service: str, modules: list[str]) -> Path:
    """A fresh copy of the service's source and domain tests, with a mutmut configuration."""
    source, work = ROOT / "services" / service, ROOT / ".cache" / "mutation" / service
    package = f"renkei_{service}"
    if not (source / "src" / package / "domain").is_dir() or not (source / "tests" / "domain").is_dir():
        raise SystemExit(f"{service}: no src/{package}/domain or tests/domain to measure")
    shutil.rmtree(work, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(source / "src", work / "src", ignore=ignore)
    shutil.copytree(source / "tests" / "domain", work / "tests" / "domain", ignore=ignore)
    only = [f"src/{package}/domain/{m}.py" for m in modules] or [f"src/{package}/domain/*"]
    (work / "pyproject.toml").write_text(CONFIG.format(only=json.dumps(only)), encoding="utf-8")
    return work


def scores(work: Path) -> tuple[list[str], list[str]]:
    """Lines of the per-module table, and the names of the surviving mutants."""
    header = ("mutants", "killed", "survived", "no test", "timeout", "score")
    lines = ["module".ljust(24) + "".join(f"{name:>9}" for name in header)]
    survivors: list[str] = []
    total: Counter[str] = Counter()
    for meta in sorted((work / "mutants" / "src").rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        count = Counter(_status(code) for code in codes.values())
        survivors += sorted(name for name, code in codes.items() if _status(code) in ("survived", "no test"))
        total += count
        lines.append(_row(meta.name.removesuffix(".py.meta"), count))
    lines.append(_row("all", total))
    return lines, survivors


def _status(code: int | None) -> str:
    if code in KILLED:
        return "killed"
    if code in SURVIVED:
        return "survived"
    if code in NO_TESTS:
        return "no test"
    if code in TIMEOUTS:
        return "timeout"
    return "other"  # not checked, suspicious, segfault


def _row(name: str, count: Counter[str]) -> str:
    mutants = sum(count.values())
    # Like mutmut's own score: a timeout counts as killed (the mutant made the tests hang).
    caught = count["killed"] + count["timeout"]
    score = f"{100 * caught / mutants:.1f}%" if mutants else "-"
    cells = (mutants, count["killed"], count["survived"], count["no test"], count["timeout"], score)
    return name.ljust(24) + "".join(f"{cell:>9}" for cell in cells)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("service")
    parser.add_argument("modules", nargs="*", help="domain modules, e.g. cost_sharing (default: all)")
    parser.add_argument("--jobs", type=int, default=1, help="mutants tested at once (mind the shared cores)")
    args = parser.parse_args()
    work = prepare(args.service, args.modules)
    mutmut = Path(sys.executable).with_name("mutmut")
    with (work / "mutmut.log").open("w", encoding="utf-8") as log:
        command = [str(mutmut), "run", "--max-children", str(args.jobs)]
        run = subprocess.run(command, cwd=work, stdout=log, stderr=subprocess.STDOUT, check=False)
    lines, survivors = scores(work)
    (work / "scores.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (work / "survivors.txt").write_text("\n".join(survivors) + "\n", encoding="utf-8")
    print(f"\n{args.service}: mutation score per module ({work / 'survivors.txt'} lists the survivors)")
    print("\n".join(lines))
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
