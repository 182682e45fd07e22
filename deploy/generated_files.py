"""What the deploy generators (deploy/docker/generate.py, deploy/k8s/generate.py) share: reading
deploy/images.env, and writing their outputs or, with --check, naming the stale ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
IMAGES_ENV = REPO / "deploy" / "images.env"


def read_env_file(path: Path = IMAGES_ENV) -> dict[str, str]:
    """KEY=value lines; `#` comments and blank lines ignored."""
    values: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def stale(files: dict[Path, str]) -> list[str]:
    """The generated files, relative to the repository, that are missing or differ from `files`."""
    return [
        str(path.relative_to(REPO))
        for path, text in files.items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str], rendered: Callable[[], dict[Path, str]], script: str) -> int:
    """Write every rendered file, or with --check exit 1 naming the stale ones."""
    if argv[1:] == ["--check"]:
        if outdated := stale(rendered()):
            print(f"stale, run {script}:", *outdated, sep="\n  ")
            return 1
        return 0
    for path, text in rendered().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(REPO)}")
    return 0
