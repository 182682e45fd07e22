"""deploy/docker/wait_migrated.py, the init container that keeps pods off an unmigrated database."""

from __future__ import annotations

from pathlib import Path

import deploy_checks as checks
import pytest
from renkei_common.migrations import upgrade

SERVICE = "groups"


def test_it_waits_until_the_database_is_at_the_image_head(tmp_path: Path) -> None:
    wait = checks.load_script(checks.DOCKER_DIR / "wait_migrated.py")
    url = f"sqlite+aiosqlite:///{tmp_path / 'groups.db'}"
    done, message = wait.status(SERVICE, url)
    assert not done and "no revision" in message
    main = __import__(f"renkei_{SERVICE}.main", fromlist=["MIGRATIONS_DIR"])
    upgrade(main.MIGRATIONS_DIR, url)
    done, message = wait.status(SERVICE, url)
    assert done and message.startswith("database at head")


def test_an_unreachable_database_is_waited_for_not_fatal() -> None:
    wait = checks.load_script(checks.DOCKER_DIR / "wait_migrated.py")
    done, message = wait.status(SERVICE, "postgresql+asyncpg://renkei:x@127.0.0.1:1/renkei_groups")
    assert not done and message.startswith("database not reachable")


def test_it_gives_up_after_its_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wait = checks.load_script(checks.DOCKER_DIR / "wait_migrated.py")
    monkeypatch.setenv("RENKEI_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")
    assert wait.main([SERVICE, "--timeout", "0"]) == 1
