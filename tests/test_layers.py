"""The layers the folders show are the layers the imports keep, in every service (import-linter's contracts).

Each service `renkei_<name>` has `domain` (the rules, plain Python), `service_layer` (use cases: commands in,
rows and events out), `adapters` (tables and other I/O) and `api` (routes and schemas), and may have
`consumers` (event handlers). Allowed, by layer:

- domain: the standard library, its own domain package, and from the kit only `renkei_common.domain_errors`,
  `renkei_common.refdata`, `renkei_common.events.contracts` (the published names of events) and
  `renkei_common.i18n` (keyed messages);
- service_layer: anything but the api, the consumers and the web framework;
- adapters: anything but the api, the service layer and the consumers;
- api: anything but the consumers and the ORM tables (routes map rows to responses by attribute name).

Imports are read from the source with `ast`, so nothing is imported to check them; an import inside
`if TYPE_CHECKING:` counts like any other.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SERVICES = sorted(p.name for p in (ROOT / "services").iterdir() if (p / "src").is_dir())
WEB = ("fastapi", "starlette")
DOMAIN_KIT = (
    "renkei_common.domain_errors",
    "renkei_common.refdata",
    "renkei_common.events.contracts",
    "renkei_common.i18n",  # keyed messages (plain Python; its web middleware is not for the domain)
)
# Known breaches, as import-linter's `ignore_imports`: (file, imported module). Each is debt to pay off,
# never a place to add to; the test fails when one is fixed, so that it leaves this list too.
IGNORED: set[tuple[str, str]] = set()
# Services whose routes still read their (projection) tables directly instead of through use cases and
# `Public` response schemas; the rule holds for every other service.
ROUTES_WITH_TABLES: set[str] = set()


def imports(path: Path, package: str) -> Iterator[tuple[int, str]]:
    """(line, absolute module) of every import in the file at `path`, a module of `package`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's own package
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts)
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            yield node.lineno, module


def within(module: str, *prefixes: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def broken_rule(layer: str, module: str, pkg: str) -> str | None:
    """Why `layer` of service package `pkg` may not import `module`, or None if it may."""
    if layer == "domain":
        top = module.split(".")[0]
        if top == "__future__" or top in sys.stdlib_module_names or within(module, f"{pkg}.domain"):
            return None
        if within(module, *DOMAIN_KIT):
            return None
        return "the domain imports only the standard library, its own domain and the kit's domain modules"
    if layer == "service_layer":
        if within(module, f"{pkg}.api", f"{pkg}.consumers", f"{pkg}.main", *WEB, "renkei_common.api_deps"):
            return "the service layer never imports the api, the consumers or the web framework"
        return None
    if layer == "adapters":
        if within(module, f"{pkg}.api", f"{pkg}.service_layer", f"{pkg}.consumers", f"{pkg}.main"):
            return "adapters never import the api, the service layer or the consumers"
        return None
    if layer == "api":
        if within(module, f"{pkg}.consumers"):
            return "routes never import the consumers"
        if within(module, f"{pkg}.adapters.orm") and pkg.removeprefix("renkei_") not in ROUTES_WITH_TABLES:
            return "routes never import the ORM tables (responses read rows by attribute)"
        return None
    return None


def violations(service: str) -> tuple[list[str], set[tuple[str, str]]]:
    """The breaches of one service's layers, and the IGNORED ones it still has."""
    pkg = f"renkei_{service}"
    src = ROOT / "services" / service / "src" / pkg
    found, ignored = [], set()
    for path in sorted(src.rglob("*.py")):
        parts = path.relative_to(src.parent).with_suffix("").parts
        if len(parts) < 3:
            continue  # main.py, config.py, __main__.py: the wiring may import every layer
        file = str(path.relative_to(ROOT))
        for line, module in imports(path, ".".join(parts[:-1])):
            reason = broken_rule(parts[1], module, pkg)
            if reason and (file, module) in IGNORED:
                ignored.add((file, module))
            elif reason:
                found.append(f"{file}:{line} imports {module}: {reason}")
    return found, ignored


@pytest.mark.parametrize("service", SERVICES)
def test_every_layer_imports_only_what_its_layer_may(service: str) -> None:
    found, ignored = violations(service)
    assert found == []
    paid_off = {entry for entry in IGNORED if entry[0].startswith(f"services/{service}/")} - ignored
    assert not paid_off, f"fixed, so remove them from IGNORED: {sorted(paid_off)}"


def test_the_check_finds_each_kind_of_breach() -> None:
    pkg = "renkei_x"
    assert broken_rule("domain", "sqlalchemy.orm", pkg)
    assert broken_rule("domain", "pydantic", pkg)
    assert broken_rule("domain", "renkei_x.adapters.orm", pkg)
    assert broken_rule("domain", "renkei_x.service_layer.commands", pkg)
    assert broken_rule("domain", "renkei_common.unit_of_work", pkg)
    assert broken_rule("domain", "renkei_common.events.outbox", pkg)
    assert broken_rule("service_layer", "renkei_x.api.schemas.areas", pkg)
    assert broken_rule("service_layer", "fastapi", pkg)
    assert broken_rule("service_layer", "renkei_common.api_deps", pkg)
    assert broken_rule("adapters", "renkei_x.service_layer.areas", pkg)
    assert broken_rule("adapters", "renkei_x.api", pkg)
    assert broken_rule("api", "renkei_x.adapters.orm", pkg)
    assert broken_rule("api", "renkei_x.adapters.orm.areas", pkg)
    for layer, module in (
        ("domain", "decimal"),
        ("domain", "renkei_x.domain.rules"),
        ("domain", "renkei_common.domain_errors"),
        ("domain", "renkei_common.events.contracts.agreements"),
        ("service_layer", "renkei_x.adapters.orm"),
        ("service_layer", "renkei_common.unit_of_work"),
        ("adapters", "renkei_x.domain.lifecycle"),
        ("api", "renkei_x.service_layer.commands"),
        ("api", "renkei_x.adapters.orm_helpers"),
    ):
        assert broken_rule(layer, module, pkg) is None, (layer, module)


def test_relative_imports_are_resolved_to_their_layer(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from ..service_layer import areas\nfrom . import rules\nimport json\n")
    found = dict(imports(module, "renkei_x.domain"))
    assert found == {1: "renkei_x.service_layer", 2: "renkei_x.domain", 3: "json"}
