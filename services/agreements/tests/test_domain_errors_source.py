"""The domain raises the kit's errors directly: no re-exporting shim between them (issue 8 kit migration)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
import renkei_agreements

SRC = Path(renkei_agreements.__file__).parent


def test_the_errors_shim_is_gone_and_nothing_imports_it() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("renkei_agreements.domain.errors")
    importers = []
    for path in sorted(SRC.rglob("*.py")) + sorted(Path(__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "renkei_agreements.domain.errors":
                importers.append(path.name)
    assert importers == []
    domain = (SRC / "domain" / "lifecycle.py").read_text(encoding="utf-8")
    assert "from renkei_common.domain_errors import" in domain
