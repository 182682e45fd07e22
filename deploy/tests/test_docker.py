"""deploy/docker: one Dockerfile per service, current, consistent with the code; broken copies fail."""

from __future__ import annotations

from typing import Any

import deploy_checks as checks
import pytest

SERVICES = list(checks.code().ports)


def dockerfile(service: str) -> str:
    return (checks.DOCKER_DIR / f"{service}.Dockerfile").read_text(encoding="utf-8")


def broken(service: str, old: str, new: str) -> str:
    text = dockerfile(service)
    assert old in text, old
    return text.replace(old, new)


def test_dockerfiles_are_current(docker_generator: Any) -> None:
    assert docker_generator.stale() == [], "run: .tools/bin/uv run python deploy/docker/generate.py"


def test_there_is_exactly_one_dockerfile_per_service() -> None:
    assert sorted(p.name for p in checks.DOCKER_DIR.glob("*.Dockerfile")) == sorted(
        f"{s}.Dockerfile" for s in SERVICES
    )


@pytest.mark.parametrize("service", SERVICES)
def test_dockerfile_agrees_with_the_code(service: str) -> None:
    assert checks.check_dockerfile(dockerfile(service), service, checks.code()) == []


def test_dockerignore_keeps_what_the_images_copy_and_nothing_else() -> None:
    text = checks.DOCKERIGNORE.read_text(encoding="utf-8")
    assert checks.check_dockerignore(text, {f"{s}.Dockerfile": dockerfile(s) for s in SERVICES}) == []


def test_dockerignore_matching_follows_docker() -> None:
    patterns = checks.dockerignore_patterns("*\n!services/*/src/\n**/__pycache__\n")
    assert checks.dockerignored("README.md", patterns)
    assert not checks.dockerignored("services/groups/src/renkei_groups/main.py", patterns)
    assert checks.dockerignored(
        "services/groups/src/renkei_groups/__pycache__/main.cpython-311.pyc", patterns
    )
    assert checks.dockerignored("services/groups/tests/test_api.py", patterns)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "EXPOSE 8002",
            "EXPOSE 8080",
            "groups.Dockerfile: EXPOSE ['8080'] is not [8002] (topology.SERVICE_PORTS)",
        ),
        (
            "127.0.0.1:8002/livez",
            "127.0.0.1:8002/health",
            "groups.Dockerfile: HEALTHCHECK probes http://127.0.0.1:8002/health, "
            "expected http://127.0.0.1:8002/livez",
        ),
        ("USER 10001:10001\n", "", "groups.Dockerfile: the runtime stage does not switch to a non-root USER"),
        (
            'ENTRYPOINT ["python", "-m", "renkei_groups"]',
            "ENTRYPOINT python -m renkei_groups",
            'groups.Dockerfile: ENTRYPOINT must be exec form ["python", "-m", "renkei_groups"]',
        ),
        (
            "uv sync --frozen --no-dev --package renkei-groups --no-install-workspace",
            "uv sync --no-dev --package renkei-groups --no-install-workspace",
            "groups.Dockerfile: installs must be `uv sync --frozen --no-dev --package renkei-groups` "
            "(lock-file, no dev, this package)",
        ),
        (
            "    PYTHONDONTWRITEBYTECODE=1 \\\n",
            "",
            "groups.Dockerfile: PYTHONDONTWRITEBYTECODE=1 is not set (read-only root filesystem)",
        ),
        (
            "COPY services/groups/migrations services/groups/migrations\n",
            "",
            "groups.Dockerfile: does not copy services/groups/migrations",
        ),
        (
            "ARG UV_IMAGE=ghcr.io/astral-sh/uv:",
            "ARG UV_IMAGE=docker.io/someone/uv:",
            "groups.Dockerfile: UV_IMAGE 'docker.io/someone/uv:"
            f"{checks.code().uv_version}' is not images.env's official uv image",
        ),
    ],
)
def test_a_broken_dockerfile_is_reported(old: str, new: str, problem: str) -> None:
    assert problem in checks.check_dockerfile(broken("groups", old, new), "groups", checks.code())


def test_a_dockerignore_that_drops_the_migrations_or_lets_secrets_in_is_reported() -> None:
    text = checks.DOCKERIGNORE.read_text(encoding="utf-8")
    dockerfiles = {"finance.Dockerfile": dockerfile("finance")}
    problems = checks.check_dockerignore(text.replace("!services/*/migrations/\n", ""), dockerfiles)
    assert any(p.startswith(".dockerignore excludes services/finance/migrations/") for p in problems), (
        problems
    )
    problems = checks.check_dockerignore(text.replace("\n*\n", "\n"), dockerfiles)
    assert ".dockerignore lets .env into the build context" in problems
