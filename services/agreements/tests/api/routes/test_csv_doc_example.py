"""The curl example of docs/integration.md ("CSV exchange"), run as written against a live service."""

from __future__ import annotations

import asyncio
import os
import re
import socket
from pathlib import Path

import uvicorn
from agreements_testkit import YAMAGATA, YAMAGATA_PREF, Driver
from renkei_common.testing._base import tool

DOC = Path(__file__).resolve().parents[5] / "docs" / "integration.md"


def csv_example() -> str:
    section = DOC.read_text(encoding="utf-8").split("## CSV exchange", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```bash\n(.*?)```", section, re.S)
    assert found, "the CSV exchange section has no bash example"
    return found.group(1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_the_documented_export_and_import_run_as_written(api: Driver, tmp_path: Path) -> None:
    tool("curl", "curl")
    port = free_port()
    # The app under test is already started (its lifespan ran in the fixture): uvicorn only serves it.
    server = uvicorn.Server(uvicorn.Config(api.client.app, port=port, lifespan="off", log_level="warning"))
    serving = asyncio.create_task(server.serve())
    try:
        for _ in range(200):  # at most 10 s for the socket to listen
            if server.started:
                break
            await asyncio.sleep(0.05)
        assert server.started
        token = api.client.token(YAMAGATA_PREF, "prefecture")
        env = {**os.environ, "BASE_URL": f"http://127.0.0.1:{port}", "TOKEN": token}
        script = "set -euo pipefail\n" + csv_example()
        process = await asyncio.create_subprocess_exec(
            "bash", "-c", script, cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE
        )
        out, _ = await asyncio.wait_for(process.communicate(), timeout=60)
        assert process.returncode == 0
    finally:
        server.should_exit = True
        await serving
    exported = (tmp_path / "municipalities.csv").read_bytes()
    assert exported.decode("cp932").startswith("団体コード,団体名")
    assert b'"rows":36' in out.replace(b" ", b"")  # the import answered 201 with every row of the file
    row = (await api.call("GET", f"/v1/municipalities/{YAMAGATA}", YAMAGATA)).json()
    assert row["population_year"] == 2025
