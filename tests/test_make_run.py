"""Smoke test of `make run`: four processes start, become ready, and the slice flows through the feed."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import httpx
import pytest
from renkei_common.auth import mint_dev_token
from renkei_common.settings import ServiceSettings
from renkei_common.topology import SERVICE_PORTS

from tests.make_run import make_run

OFFSET = 1000  # beside a developer's own `make run` on the standard ports

pytestmark = pytest.mark.slow


def _token(org: str, *roles: str) -> dict[str, str]:
    token = mint_dev_token(settings=ServiceSettings(), org=org, roles=list(roles), sub=f"smoke@{org}")
    return {"Authorization": f"Bearer {token}"}


def test_make_run_starts_everything_and_the_slice_flows(tmp_path: Path) -> None:
    with make_run(offset=OFFSET, data_dir=tmp_path, timeout=120) as stack:
        output, urls = stack.output, stack.urls
        for service, base in urls.items():
            assert f"{base}/docs" in output, f"{service} URL printed"
        with httpx.Client(timeout=10) as http:
            _eventually(lambda: all(http.get(f"{b}/readyz").status_code == 200 for b in urls.values()), 60)
            for base in urls.values():
                assert http.get(f"{base}/openapi.json").status_code == 200

            # The thin slice: an agreement between 山形市 and 天童市 goes through every step...
            yamagata, tendo = "062014", "062103"
            agreements = urls["agreements"]
            created = http.post(
                f"{agreements}/v1/agreements",
                headers=_token(yamagata, "municipality"),
                json={"kind": "renkei_kyoyaku", "title": "スモーク協約", "parties": [yamagata, tendo]},
            )
            assert created.status_code == 201, created.text
            agreement_id = created.json()["id"]
            for step in ("consultation", "council_resolution", "conclusion", "public_notice", "notification"):
                for org in (
                    (yamagata, tendo) if step in ("council_resolution", "public_notice") else (yamagata,)
                ):
                    body = {"step": step, "on": "2024-06-01"}
                    if step in ("council_resolution", "public_notice"):
                        body["number"] = f"{step}-{org}"
                    done = http.post(
                        f"{agreements}/v1/agreements/{agreement_id}/steps",
                        headers=_token(org, "municipality"),
                        json=body,
                    )
                    assert done.status_code == 200, done.text
            assert done.json()["status"] == "in_force"

            # ...and finance learns it through the agreements feed, with no Kafka.
            def projected() -> bool:
                response = http.get(
                    f"{urls['finance']}/v1/projections/agreements", headers=_token(yamagata, "municipality")
                )
                return any(row["agreement_id"] == agreement_id for row in response.json()["data"])

            _eventually(projected, 30)
        for service in SERVICE_PORTS:
            assert (tmp_path / f"{service}.db").is_file(), f"{service} has its own SQLite database"
    rest, process = stack.rest, stack.process
    assert "renkei stopped." in rest
    # make itself re-raises the SIGINT it got, as it does for any Ctrl-C; what matters is that the
    # launcher stopped every service and none is left listening.
    assert process.returncode in (0, -signal.SIGINT), rest
    for port in SERVICE_PORTS.values():
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"http://127.0.0.1:{port + OFFSET}/livez", timeout=2)


def _eventually(check, timeout: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"not true within {timeout}s: {check}")
