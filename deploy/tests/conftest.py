"""Fixtures of the deployment tests: the validators module, the generators, kustomize builds, CRD schemas."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import deploy_checks as checks


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(message: str) -> None:
    """Absent tooling or schemas: a skip locally, a failure in CI, and always said plainly."""
    if in_ci():
        pytest.fail(f"{message} (CI=true: this check is required, never skipped)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def code() -> checks.Code:
    return checks.code()


@pytest.fixture(scope="session")
def k8s_generator() -> ModuleType:
    return checks.load_script(checks.K8S_DIR / "generate.py")


@pytest.fixture(scope="session")
def docker_generator() -> ModuleType:
    return checks.load_script(checks.DOCKER_DIR / "generate.py")


@pytest.fixture(scope="session")
def crd_schemas() -> dict[tuple[str, str], dict[str, Any]]:
    if not checks.CRD_DIR.is_dir():
        unavailable(f"CRD schemas not found at {checks.CRD_DIR} (set RENKEI_CRD_DIR to the published CRDs)")
    schemas = checks.load_crd_schemas(checks.CRD_DIR)
    if not schemas:
        unavailable(f"no CustomResourceDefinition found in {checks.CRD_DIR}")
    return schemas


@pytest.fixture(scope="session")
def kustomize() -> Any:
    if checks.kubectl() is None:
        unavailable("kubectl (with its built-in kustomize) is not installed")
    return checks.kustomize_build


@pytest.fixture(scope="session")
def built(kustomize: Any) -> dict[str, list[dict[str, Any]]]:
    """Each overlay of deploy/k8s built once: {overlay: objects}."""
    result = {}
    for overlay in checks.OVERLAYS:
        objects, problems = kustomize(checks.K8S_DIR / "overlays" / overlay)
        assert problems == []
        result[overlay] = objects
    return result


@pytest.fixture
def k8s_copy(tmp_path: Path) -> Path:
    """A copy of deploy/k8s to break on purpose (the generators are left out)."""
    target = tmp_path / "k8s"
    shutil.copytree(checks.K8S_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target
