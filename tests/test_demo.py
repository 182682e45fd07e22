"""`make run` loads the demo through the generated clients, a second run changes nothing, and a scenario."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from renkei_common import devstack
from renkei_common.auth import mint_dev_token
from renkei_common.settings import ServiceSettings

from tests.make_run import REPO, make_run

OFFSET = 2000  # beside a developer's `make run` and test_make_run.py's stack (1000)
for _service in ("agreements", "finance"):
    sys.path.insert(0, str(REPO / "clients" / "python" / _service))

from renkei_agreements_client import AuthenticatedClient  # noqa: E402
from renkei_agreements_client.api.agreements import create_agreement, record_agreement_step  # noqa: E402
from renkei_agreements_client.api.areas import declare_area, list_areas  # noqa: E402
from renkei_agreements_client.models import (  # noqa: E402
    AgreementCreate,
    AgreementPublic,
    AreaCreate,
    Problem,
    StepCreate,
)
from renkei_finance_client import AuthenticatedClient as FinanceClient  # noqa: E402
from renkei_finance_client.api.projections import list_agreements  # noqa: E402

YAMAGATA, KAMINOYAMA, YAMANOBE = "062014", "062073", "063011"


@dataclass
class Stack:
    urls: dict[str, str]
    output: str

    def client(self, org: str, *roles: str, service: str = "agreements") -> Any:
        token = mint_dev_token(settings=ServiceSettings(), org=org, roles=list(roles), sub=f"test@{org}")
        kind = FinanceClient if service == "finance" else AuthenticatedClient
        return kind(base_url=self.urls[service], token=token, timeout=httpx.Timeout(30))


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    data = tmp_path_factory.mktemp("demo-stack")
    with make_run(offset=OFFSET, data_dir=data, timeout=300) as running:
        yield Stack(urls=running.urls, output=running.output)


def _demo() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "demo.py"), "--port-offset", str(OFFSET)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _last_sequence(stack: Stack, service: str) -> int:
    """The sequence of the service's last event, read through its feed as a consumer would."""
    after = 0
    with httpx.Client(base_url=stack.urls[service], timeout=30) as http:
        token = mint_dev_token(settings=ServiceSettings(), org="000000", roles=["service"], sub="test")
        while True:
            page = http.get(
                "/v1/events",
                params={"after": after, "limit": 500},
                headers={"Authorization": f"Bearer {token}"},
            ).json()
            if not page["events"]:
                return after
            after = page["next_after"]


@pytest.mark.slow
def test_make_run_loads_the_demo_and_says_where_to_look(stack: Stack) -> None:
    loaded = re.search(r"demo loaded: (\d+) writes made, (\d+) already there", stack.output)
    assert loaded, stack.output
    assert int(loaded.group(1)) > 50 and loaded.group(2) == "0"
    assert f"{stack.urls['agreements']}/v1/areas/" in stack.output
    assert f"{stack.urls['staffing']}/v1/dispatches" in stack.output
    with stack.client("000000", "national") as client:
        areas = list_areas.sync(client=client)
    assert {area.name for area in areas.data} >= {"山形連携中枢都市圏", "庄内北部定住自立圏"}


@pytest.mark.slow
def test_a_second_demo_run_changes_nothing(stack: Stack) -> None:
    # finance is left out: it may still be projecting the first run's events, which is no change by the demo.
    producers = ("agreements", "groups", "staffing")
    before = {service: _last_sequence(stack, service) for service in producers}
    assert all(before.values()), before
    again = _demo()
    assert again.returncode == 0, again.stderr
    assert re.search(r"demo loaded: 0 writes made, [1-9]\d* already there", again.stdout), again.stdout
    assert {service: _last_sequence(stack, service) for service in producers} == before


@pytest.mark.slow
def test_an_agreement_through_the_generated_client_reaches_finance(stack: Stack) -> None:
    with (
        stack.client(YAMAGATA, "municipality") as yamagata,
        stack.client(KAMINOYAMA, "municipality") as other,
    ):
        created = create_agreement.sync(
            client=yamagata,
            body=AgreementCreate.from_dict(
                {
                    "kind": "renkei_kyoyaku",
                    "title": "消防指令業務の共同運用",
                    "parties": [YAMAGATA, KAMINOYAMA],
                }
            ),
        )
        assert isinstance(created, AgreementPublic), created
        assert created.status == "draft" or str(created.status).endswith("draft")
        done: Any = None
        for step in ("consultation", "council_resolution", "conclusion", "public_notice", "notification"):
            per_party = step in ("council_resolution", "public_notice")
            for client in (yamagata, other) if per_party else (yamagata,):
                body: dict[str, Any] = {"step": step, "on": "2025-06-01"}
                if per_party:
                    body["number"] = f"第{step}号"
                done = record_agreement_step.sync(
                    client=client, agreement_id=created.id, body=StepCreate.from_dict(body)
                )
                assert isinstance(done, AgreementPublic), done
        assert str(done.status).endswith("in_force")

        # A refusal comes back typed as a Problem naming its field and rule: a town cannot be a centre.
        refused = declare_area.sync_detailed(
            client=yamagata,
            body=AreaCreate.from_dict(
                {
                    "area_type": "settlement",
                    "name": "山辺町定住自立圏",
                    "declared_on": "2025-06-01",
                    "centres": [{"code": YAMANOBE}],
                }
            ),
        )
    assert refused.status_code in (403, 422)
    assert isinstance(refused.parsed, Problem)
    assert refused.parsed.errors and all(e.field and e.rule for e in refused.parsed.errors)

    with stack.client(YAMAGATA, "municipality", service="finance") as finance:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            page = list_agreements.sync(client=finance)
            if any(row.agreement_id == created.id for row in page.data):
                break
            time.sleep(0.5)
        else:
            raise AssertionError("finance never learnt of the agreement through the feed")


def test_make_run_loads_the_demo_unless_demo_0(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RENKEI_DEMO", raising=False)
    assert devstack.parse_args([]).demo is True
    assert devstack.parse_args(["--no-demo"]).demo is False
    monkeypatch.setenv("RENKEI_DEMO", "0")
    assert devstack.parse_args([]).demo is False
    monkeypatch.setenv("RENKEI_DEMO", "1")
    assert devstack.parse_args([]).demo is True

    def planned(*args: str) -> str:
        make = ["make", "--no-print-directory", "-n", "run", *args]
        return subprocess.run(make, cwd=REPO, capture_output=True, text=True, check=True).stdout

    assert "--no-demo" in planned("DEMO=0")
    assert "--no-demo" not in planned()
    assert "--no-demo" not in planned("DEMO=1")
