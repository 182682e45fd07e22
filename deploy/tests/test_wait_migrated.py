"""deploy/docker/wait_migrated.py, the init container that keeps pods off an unmigrated database."""

from __future__ import annotations

import shutil
from pathlib import Path

import deploy_checks as checks
import pytest
from alembic.script import ScriptDirectory
from renkei_common.migrations import alembic_config, downgrade, upgrade

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


def _later_release(tmp_path: Path, down_revision: str) -> tuple[Path, str]:
    """A copy of the groups migrations plus one revision on top of `down_revision`: a later release."""
    main = __import__(f"renkei_{SERVICE}.main", fromlist=["MIGRATIONS_DIR"])
    target = tmp_path / "migrations"
    shutil.copytree(main.MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    revision = "f0000000later"
    (target / "versions" / "2099-01-01_later.py").write_text(
        f'''"""A later release's expand step."""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("later_release", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("later_release")
''',
        encoding="utf-8",
    )
    return target, revision


def _image_script() -> ScriptDirectory:
    main = __import__(f"renkei_{SERVICE}.main", fromlist=["MIGRATIONS_DIR"])
    return ScriptDirectory.from_config(alembic_config(main.MIGRATIONS_DIR, "sqlite://"))


def test_a_newer_schema_descending_from_the_image_head_is_accepted(tmp_path: Path, database_url: str) -> None:
    # Mid-rollout: the new release's Job has migrated; a pod of the old image must still start.
    wait = checks.load_script(checks.DOCKER_DIR / "wait_migrated.py")
    (head,) = _image_script().get_heads()
    later, revision = _later_release(tmp_path, head)
    upgrade(later, database_url)
    done, message = wait.status(SERVICE, database_url)
    assert done, message
    assert message == f"database at ['{revision}'], descending from this image's head ['{head}']"


def test_a_newer_schema_on_another_branch_is_waited_for(tmp_path: Path) -> None:
    # Descends from the head's parent, not from the head: the old image's tables may not all be there.
    wait = checks.load_script(checks.DOCKER_DIR / "wait_migrated.py")
    script = _image_script()
    (head,) = script.get_heads()
    parent = script.get_revision(head).down_revision
    assert isinstance(parent, str)
    later, revision = _later_release(tmp_path, parent)
    url = f"sqlite+aiosqlite:///{tmp_path / 'branch.db'}"
    upgrade(later, url, revision)
    done, message = wait.status(SERVICE, url)
    assert not done
    assert message == f"database at ['{revision}'], waiting for ['{head}']"


def test_a_schema_downgraded_below_the_head_is_waited_for(tmp_path: Path) -> None:
    wait = checks.load_script(checks.DOCKER_DIR / "wait_migrated.py")
    main = __import__(f"renkei_{SERVICE}.main", fromlist=["MIGRATIONS_DIR"])
    script = _image_script()
    (head,) = script.get_heads()
    parent = script.get_revision(head).down_revision
    assert isinstance(parent, str)
    url = f"sqlite+aiosqlite:///{tmp_path / 'down.db'}"
    upgrade(main.MIGRATIONS_DIR, url)
    assert wait.status(SERVICE, url)[0]
    downgrade(main.MIGRATIONS_DIR, url, parent)
    done, message = wait.status(SERVICE, url)
    assert not done and message == f"database at ['{parent}'], waiting for ['{head}']"
