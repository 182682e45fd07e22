"""`make clients`: each service's OpenAPI document, typed Python clients and TypeScript types, in clients/.

Usage: python scripts/clients.py [--out DIR]   regenerate (default: this repository's clients/)
   or: python scripts/clients.py --check       generate into a temporary folder; exit 1 if clients/ is stale

For every service the OpenAPI document is built in-process from its app (no server runs) and written, with
sorted keys, to `openapi/<service>.json`. From it:
- `python/<service>/` is a package `renkei_<service>_client` made by openapi-python-client, its names fixed
  by `python/config/<service>.yaml`;
- `typescript/<service>.d.ts` holds the `paths`, `components` and `operations` types made by
  openapi-typescript, for openapi-fetch. Both npm tools are pinned in `typescript/package-lock.json` and
  installed with `npm ci` into `.cache/clients-npm/` when that lock changes.
Nothing generated carries a timestamp, so regenerating from the same code gives the same bytes.
"""

from __future__ import annotations

import argparse
import filecmp
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = ROOT / "clients"
NPM_CACHE = ROOT / ".cache" / "clients-npm"
SERVICES = ("agreements", "groups", "staffing", "finance")
# What `--check` compares: everything generated, nothing installed or hand-written.
GENERATED = ("openapi", "python", "typescript")
HAND_WRITTEN = {"README.md", "package.json", "package-lock.json", "config", "node_modules"}
CACHES = {"__pycache__", ".ruff_cache", ".mypy_cache"}

TS_INDEX = "".join(f'export * as {s} from "./{s}";\n' for s in SERVICES)


def openapi_document(service: str) -> dict[str, object]:
    """The service's OpenAPI document as its running app serves it at /openapi.json."""
    module = importlib.import_module(f"renkei_{service}.main")
    app = module.create_app(background=False)
    document: dict[str, object] = app.openapi()
    return document


def write_openapi(out: Path) -> dict[str, Path]:
    # Quiet settings: building an app logs its runtime's warnings (no feed sources), which mean nothing here.
    os.environ.setdefault("RENKEI_LOG_LEVEL", "ERROR")
    folder = out / "openapi"
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for service in SERVICES:
        path = folder / f"{service}.json"
        text = json.dumps(openapi_document(service), indent=2, sort_keys=True, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")
        paths[service] = path
    return paths


def _tool_env() -> dict[str, str]:
    # openapi-python-client's post hooks run `ruff`; use the one of this virtualenv.
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def write_python(out: Path, documents: dict[str, Path]) -> None:
    folder = out / "python"
    folder.mkdir(parents=True, exist_ok=True)
    for service, document in documents.items():
        target = folder / service
        shutil.rmtree(target, ignore_errors=True)
        result = subprocess.run(
            [
                str(Path(sys.executable).parent / "openapi-python-client"),
                "generate",
                "--path",
                str(document),
                "--config",
                str(CLIENTS / "python" / "config" / f"{service}.yaml"),
                "--meta",
                "uv",
                "--output-path",
                str(target),
                "--overwrite",
            ],
            check=True,
            env=_tool_env(),
            cwd=folder,
            capture_output=True,
            text=True,
        )
        # Its post hooks run ruff there, which leaves a cache that is no part of the client.
        shutil.rmtree(target / ".ruff_cache", ignore_errors=True)
        # An endpoint it cannot type (a text/csv upload) is left out of the client, with a warning: say which.
        for line in result.stderr.splitlines():
            if line.startswith("WARNING"):
                print(f"{service}: {line}", file=sys.stderr)


def npm_tools() -> Path:
    """node_modules/.bin with the pinned openapi-typescript, installed with `npm ci` when the lock changed."""
    lock = CLIENTS / "typescript" / "package-lock.json"
    stamp = NPM_CACHE / "package-lock.json"
    bin_dir = NPM_CACHE / "node_modules" / ".bin"
    installed = stamp.is_file() and filecmp.cmp(lock, stamp, shallow=False)
    if not (installed and (bin_dir / "openapi-typescript").exists()):
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("npm is needed for the TypeScript types (install Node.js 20 or later)")
        NPM_CACHE.mkdir(parents=True, exist_ok=True)
        shutil.copy(CLIENTS / "typescript" / "package.json", NPM_CACHE / "package.json")
        stamp.unlink(missing_ok=True)
        shutil.copy(lock, NPM_CACHE / "package-lock.json")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=NPM_CACHE, check=True)
    return bin_dir


def write_typescript(out: Path, documents: dict[str, Path]) -> None:
    folder = out / "typescript"
    folder.mkdir(parents=True, exist_ok=True)
    tool = npm_tools() / "openapi-typescript"
    for service, document in documents.items():
        subprocess.run(
            [str(tool), str(document), "--output", str(folder / f"{service}.d.ts")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    (folder / "index.d.ts").write_text(TS_INDEX, encoding="utf-8")


def generate(out: Path) -> None:
    documents = write_openapi(out)
    write_python(out, documents)
    write_typescript(out, documents)


def _files(base: Path) -> set[Path]:
    found = set()
    for name in GENERATED:
        for path in (base / name).rglob("*"):
            relative = path.relative_to(base)
            skipped = HAND_WRITTEN.intersection(relative.parts) or CACHES.intersection(relative.parts)
            if path.is_file() and not skipped:
                found.add(relative)
    return found


def stale_files(generated: Path, checked_in: Path = CLIENTS) -> list[str]:
    """Files that differ between a fresh generation and the checked-in clients, or exist in only one."""
    fresh, kept = _files(generated), _files(checked_in)
    differ = {p for p in fresh & kept if (generated / p).read_bytes() != (checked_in / p).read_bytes()}
    return sorted(str(p) for p in (fresh ^ kept) | differ)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=CLIENTS, help="where to write (default: clients/)")
    parser.add_argument("--check", action="store_true", help="fail if the checked-in clients are stale")
    args = parser.parse_args(argv)
    if not args.check:
        generate(args.out.resolve())
        print(f"clients written to {args.out}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp))
        stale = stale_files(Path(tmp))
    if stale:
        print("stale generated clients; run `make clients`:\n  " + "\n  ".join(stale), file=sys.stderr)
        return 1
    print("clients are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
