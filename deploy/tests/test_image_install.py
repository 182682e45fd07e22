"""What a Dockerfile's build stage does, replayed without Docker: its COPY instructions on the build context
that .dockerignore leaves, then its `uv sync` commands, into a temporary /app.

This proves what reading the Dockerfile cannot: that the locked, dev-free install of one package works
from exactly those files, that the workspace members are installed editable so the code keeps the
repository layout (main.py finds `parents[2] / "migrations"`), and that the image can migrate a database
and pass the init container's wait. Not replayed: the base images and the runtime stage (checked by
reading, in test_docker.py).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import deploy_checks as checks
import pytest
from renkei_common.testing.fixtures import unavailable

SERVICES = list(checks.code().ports)
pytestmark = pytest.mark.slow  # about 20 s: four locked installs and a migration each


def uv_binary() -> str:
    found = shutil.which("uv") or str(checks.REPO / ".tools" / "bin" / "uv")
    if not Path(found).exists():
        unavailable("uv", FileNotFoundError("uv not found"))
    return found


def replay_build_stage(service: str, app: Path) -> None:
    text = (checks.DOCKER_DIR / f"{service}.Dockerfile").read_text(encoding="utf-8")
    instructions = checks.parse_dockerfile(text)
    final = max(i.stage for i in instructions)
    patterns = checks.dockerignore_patterns(checks.DOCKERIGNORE.read_text(encoding="utf-8"))
    env = {
        **os.environ,
        "UV_PROJECT_ENVIRONMENT": str(app / ".venv"),
        "UV_LINK_MODE": "copy",
        "UV_PYTHON_DOWNLOADS": "never",
        "UV_PYTHON": f"{sys.version_info.major}.{sys.version_info.minor}",
    }
    env.pop("VIRTUAL_ENV", None)
    for instruction in instructions:
        if instruction.stage in (-1, final):
            continue
        if instruction.keyword == "ENV":
            # The Dockerfile's uv settings (bytecode, link mode); its paths are replaced by ours above.
            for word in shlex.split(instruction.args):
                key, _, value = word.partition("=")
                if key.startswith("UV_") and key not in ("UV_PROJECT_ENVIRONMENT", "UV_PYTHON"):
                    env[key] = value
        elif instruction.keyword == "COPY" and not instruction.args.startswith("--from"):
            *sources, destination = instruction.args.split()
            for source in sources:
                copy_context(
                    source, app / destination, patterns, into=destination.endswith("/") or len(sources) > 1
                )
        elif instruction.keyword == "RUN":
            for step in instruction.args.split("&&"):
                words = [w for w in shlex.split(step) if not w.startswith("--mount=")]
                if words[:2] == ["uv", "sync"]:
                    run([uv_binary(), *words[1:]], cwd=app, env=env)
                elif words[:3] == ["python", "-m", "compileall"]:
                    run([str(app / ".venv" / "bin" / "python"), *words[1:]], cwd=app, env=env)


def copy_context(source: str, destination: Path, patterns: list, *, into: bool) -> None:
    """COPY <source> <destination> from the build context, leaving out what .dockerignore excludes."""
    path = checks.REPO / source
    assert path.exists(), f"COPY source {source} does not exist"
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        relative = file.relative_to(checks.REPO).as_posix()
        assert not checks.dockerignored(relative, patterns) or path.is_dir(), f"{relative} is dockerignored"
        if checks.dockerignored(relative, patterns):
            continue
        if path.is_file():
            target = destination / file.name if into else destination
        else:
            target = destination / file.relative_to(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file, target)


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{shlex.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module", params=SERVICES)
def image(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    service = request.param
    app = tmp_path_factory.mktemp(f"image-{service}") / "app"
    app.mkdir()
    replay_build_stage(service, app)
    return service, app


def image_python(app: Path, code: str, **env: str) -> str:
    environment = {"PATH": os.environ["PATH"], "PYTHONDONTWRITEBYTECODE": "1", **env}
    return run([str(app / ".venv" / "bin" / "python"), "-c", code], cwd=app.parent, env=environment).stdout


def test_the_image_installs_only_its_package_editable_in_the_workspace_layout(
    image: tuple[str, Path],
) -> None:
    service, app = image
    out = image_python(
        app,
        (
            "import importlib.util as u, pathlib\n"
            f"import renkei_common, renkei_{service} as s\n"
            "print(pathlib.Path(renkei_common.__file__).resolve())\n"
            "print(pathlib.Path(s.__file__).resolve().parents[2] / 'migrations')\n"
            "print(sorted(n for n in ('pytest', 'hypothesis', 'ruff', 'renkei_agreements', 'renkei_groups',"
            " 'renkei_staffing', 'renkei_finance') if u.find_spec(n)))\n"
        ),
    )
    common, migrations, present = out.splitlines()
    assert Path(common).is_relative_to(app / "libs" / "common" / "src")
    assert Path(migrations) == (app / "services" / service / "migrations").resolve()
    assert (Path(migrations) / "env.py").is_file()
    assert present == str([f"renkei_{service}"]), "dev tools or other services are in the image"


def test_the_image_migrates_and_passes_the_init_container_wait(image: tuple[str, Path]) -> None:
    service, app = image
    url = f"sqlite+aiosqlite:///{app.parent / 'db.sqlite'}"
    environment = {"PATH": os.environ["PATH"], "PYTHONDONTWRITEBYTECODE": "1", "RENKEI_DATABASE_URL": url}
    python = str(app / ".venv" / "bin" / "python")
    wait = [python, str(app / "deploy" / "docker" / "wait_migrated.py"), service, "--timeout", "0"]
    before = subprocess.run(
        wait, cwd=app.parent, env=environment, capture_output=True, text=True, check=False
    )
    assert before.returncode == 1 and "waiting for" in before.stdout
    run([python, "-m", f"renkei_{service}", "migrate"], cwd=app.parent, env=environment)
    assert "database at head" in run(wait, cwd=app.parent, env=environment).stdout
