"""The generated clients: readable, unique operation ids, and checked-in clients that match the code."""

from __future__ import annotations

import importlib
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SERVICES = ("agreements", "groups", "staffing", "finance")
CAMEL_CASE = re.compile(r"[a-z][a-zA-Z0-9]*")


def _operations(service: str) -> list[tuple[str, str, str]]:
    app = importlib.import_module(f"renkei_{service}.main").create_app(background=False)
    return [
        (operation["operationId"], method, path)
        for path, operations in app.openapi()["paths"].items()
        for method, operation in operations.items()
    ]


@pytest.mark.parametrize("service", SERVICES)
def test_operation_ids_are_unique_camel_case_per_service(service: str) -> None:
    operations = _operations(service)
    ids = [operation_id for operation_id, _, _ in operations]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"{service}: one operation id for several endpoints: {duplicates}"
    unreadable = [op for op in operations if not CAMEL_CASE.fullmatch(op[0])]
    # createAgreement, never agreements-create_agreement or read_agreement_v1_agreements__id__get.
    assert not unreadable, f"{service}: operation ids that are not camelCase: {unreadable}"


def test_operation_id_of_a_route_is_its_name_in_camel_case() -> None:
    ids = {(method, path): operation_id for operation_id, method, path in _operations("agreements")}
    assert ids[("post", "/v1/agreements")] == "createAgreement"
    assert ids[("post", "/v1/agreements/{agreement_id}/steps")] == "recordAgreementStep"


def test_generated_python_client_reads_well() -> None:
    package = REPO / "clients" / "python" / "agreements" / "renkei_agreements_client"
    assert (package / "api" / "agreements" / "create_agreement.py").is_file()
    assert (package / "models" / "agreement_create.py").is_file()
    typescript = (REPO / "clients" / "typescript" / "agreements.d.ts").read_text(encoding="utf-8")
    assert "createAgreement: {" in typescript
    assert "AgreementCreate: {" in typescript


@pytest.mark.slow
def test_checked_in_clients_are_up_to_date() -> None:
    _need_npm()
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "clients.py"), "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"run `make clients` and commit clients/:\n{result.stderr[-4000:]}"
    assert "clients are up to date" in result.stdout


def _clients_script() -> Any:
    # Loaded by path: `clients` alone would name the repository's clients/ folder.
    spec = importlib.util.spec_from_file_location("renkei_clients_script", REPO / "scripts" / "clients.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _need_npm() -> None:
    # Never a skip: stale TypeScript clients must not pass unnoticed on a machine without Node.js.
    if shutil.which("npm") is None:
        pytest.fail("npm is needed for the TypeScript clients (install Node.js 20+)")


@pytest.mark.slow
def test_the_typescript_example_of_the_readme_type_checks(tmp_path: Path) -> None:
    """The openapi-fetch example in clients/README.md compiles, strict, against the generated types."""
    _need_npm()
    readme = (REPO / "clients" / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```ts\n(.*?)```", readme, re.DOTALL)
    assert example, "clients/README.md has a ```ts example"
    tools = _clients_script().npm_tools()
    work = tools.parent.parent / "example-check"  # beside node_modules, so that openapi-fetch resolves
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    shutil.copy(REPO / "clients" / "typescript" / "agreements.d.ts", work / "agreements.d.ts")
    source = "declare const token: string;\n" + example.group(1) + "export {};\n"
    (work / "example.ts").write_text(source, encoding="utf-8")
    flags = ["--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler"]
    result = subprocess.run(
        [str(tools / "tsc"), "--noEmit", *flags, "--lib", "es2022,dom", str(work / "example.ts")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    # The check has teeth: a body missing a required field does not compile.
    (work / "example.ts").write_text(
        source.replace('title: "消防指令業務の共同運用", ', ""), encoding="utf-8"
    )
    broken = subprocess.run(
        [str(tools / "tsc"), "--noEmit", *flags, "--lib", "es2022,dom", str(work / "example.ts")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert broken.returncode != 0 and "title" in broken.stdout


def test_check_names_a_stale_file(tmp_path: Path) -> None:
    clients = _clients_script()
    kept, fresh = tmp_path / "kept", tmp_path / "fresh"
    for base, text in ((kept, "{}\n"), (fresh, '{"changed": true}\n')):
        (base / "openapi").mkdir(parents=True)
        (base / "openapi" / "agreements.json").write_text(text)
        (base / "typescript").mkdir()
        (base / "typescript" / "groups.d.ts").write_text("same\n")
    (fresh / "typescript" / "finance.d.ts").write_text("new\n")
    assert clients.stale_files(fresh, kept) == ["openapi/agreements.json", "typescript/finance.d.ts"]
    assert clients.stale_files(kept, kept) == []
