"""The examples of docs/integration.md, run as written against a running agreements service."""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from renkei_common.auth import mint_dev_token
from renkei_common.db import Database
from renkei_common.events.contracts import AgreementTerminated, Party
from renkei_common.events.outbox import add_event
from renkei_common.settings import ServiceSettings

DOC = Path(__file__).resolve().parents[1] / "docs" / "integration.md"
EXAMPLE = re.compile(r"<!-- example: (\w+) -->\n```python\n(.*?)```", re.S)
AOMORI_PREF, AOMORI_CITY = "020001", "022012"


def examples() -> dict[str, str]:
    return dict(EXAMPLE.findall(DOC.read_text(encoding="utf-8")))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def readline(process: subprocess.Popen[str], timeout: float) -> str:
    """The next stdout line of `process`, failing after `timeout` seconds."""
    import selectors

    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    try:
        assert selector.select(timeout), "no output in time"
        return process.stdout.readline()
    finally:
        selector.close()


@pytest.fixture
def service(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A running agreements service (base URL, database URL) that may deliver to 127.0.0.1."""
    port, database_url = free_port(), f"sqlite+aiosqlite:///{tmp_path / 'agreements.db'}"
    env = {
        **os.environ,
        "RENKEI_DATABASE_URL": database_url,
        "RENKEI_DATA_DIR": str(tmp_path),
        "RENKEI_WEBHOOK_ALLOWED_HOSTS": "127.0.0.1",
        "RENKEI_WEBHOOK_RETRY_BASE_S": "0.1",
        "RENKEI_WEBHOOK_POLL_INTERVAL_S": "0.1",
    }
    command = [sys.executable, "-m", "uvicorn", "renkei_agreements.main:create_app", "--factory"]
    process = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, "the agreements service did not start"
            try:
                if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the agreements service was not ready in time"
            time.sleep(0.2)
        yield base_url, database_url
    finally:
        process.terminate()
        process.wait(15)


def run_example(code: str, env: dict[str, str], tmp_path: Path, name: str) -> str:
    script = tmp_path / f"{name}.py"
    script.write_text(code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)], env={**os.environ, **env}, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


async def emit(database_url: str) -> str:
    db = Database(database_url)
    try:
        payload = AgreementTerminated(
            agreement_id="doc-1",
            agreement_version=1,
            parties=[Party(code=AOMORI_CITY, name="青森市", role="party")],
            terminated_on=date(2026, 12, 1),
        )
        async with db.transaction() as session:
            envelope = await add_event(session, payload, subject="agreement/doc-1")
        return envelope.id
    finally:
        await db.dispose()


def test_the_doc_has_the_examples_and_the_placeholders() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert set(examples()) == {"subscribe", "receiver", "feed"}
    assert "## CSV exchange" in text and "## Generated clients" in text
    assert "/work" not in text and "../shared" not in text


def test_subscribe_receive_verify_and_read_the_feed_as_documented(
    service: tuple[str, str], tmp_path: Path
) -> None:
    base_url, database_url = service
    code = examples()
    token = mint_dev_token(settings=ServiceSettings(), org=AOMORI_PREF, roles=["prefecture"])
    hook_port = free_port()
    env = {"BASE_URL": base_url, "TOKEN": token, "HOOK_URL": f"http://127.0.0.1:{hook_port}/hook"}

    endpoint = json.loads(run_example(code["subscribe"], env, tmp_path, "subscribe"))
    assert endpoint["secret"].startswith("whsec_")

    receiver_script = tmp_path / "receiver.py"
    receiver_script.write_text(code["receiver"], encoding="utf-8")
    receiver = subprocess.Popen(
        [sys.executable, str(receiver_script)],
        env={**os.environ, "WEBHOOK_SECRET": endpoint["secret"], "PORT": str(hook_port)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        event_id = asyncio.run(emit(database_url))
        line = readline(receiver, timeout=20)
        assert line.split() == ["jp.renkei.agreements.AgreementTerminated.v1", "agreement/doc-1", event_id]
        # The receiver refuses what it cannot verify.
        forged = httpx.post(
            f"http://127.0.0.1:{hook_port}/hook",
            content=b"{}",
            headers={
                "webhook-id": "x",
                "webhook-timestamp": str(int(time.time())),
                "webhook-signature": "v1,AAAA",
            },
        )
        assert forged.status_code == 400
    finally:
        receiver.terminate()
        receiver.wait(10)

    feed_env = {**env, "CHECKPOINT_FILE": str(tmp_path / "agreements.checkpoint")}
    first = run_example(code["feed"], feed_env, tmp_path, "feed")
    assert event_id in first
    assert int((tmp_path / "agreements.checkpoint").read_text()) >= 1
    again = run_example(code["feed"], feed_env, tmp_path, "feed")
    assert again == ""  # read on from the checkpoint: nothing new
