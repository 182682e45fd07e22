"""Test kit of the agreements service: real government codes and a small driver of the HTTP API."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from renkei_common.testing import Driver as KitDriver

# Real governments of the 山形連携中枢都市圏 (a core city outside the three metropolitan areas) and others.
YAMAGATA_PREF, YAMAGATA, TENDO, KAMINOYAMA, SAGAE = "060003", "062014", "062103", "062073", "062065"
MURAYAMA, HIGASHINE, YAMANOBE, NAKAYAMA, YONEZAWA = "062081", "062111", "063011", "063029", "062022"
MIYAGI_PREF, SENDAI = "040002", "041009"
STEPS = ("consultation", "council_resolution", "conclusion", "public_notice", "notification")


class Driver(KitDriver):
    """The kit's driver (`call`, `as_`, `events`) with the steps most agreements tests need."""

    async def declare(
        self,
        centre: str = YAMAGATA,
        members: tuple[str, ...] = (TENDO, KAMINOYAMA),
        area_type: str = "metropolitan",
        **extra: Any,
    ) -> dict[str, Any]:
        body = {
            "area_type": area_type,
            "name": "テスト圏域",
            "declared_on": "2024-04-01",
            "centres": [{"code": centre, "day_night_ratio": "1.05"}],
            "members": [{"code": code, "commuting_share": "0.2"} for code in members],
            **extra,
        }
        return (await self.call("POST", "/v1/areas", centre, json=body, expect=201)).json()

    async def draft(self, a: str = YAMAGATA, b: str = TENDO, **extra: Any) -> dict[str, Any]:
        body = {"kind": "renkei_kyoyaku", "title": "連携協約", "parties": [a, b], **extra}
        return (await self.call("POST", "/v1/agreements", a, json=body, expect=201)).json()

    async def step(
        self,
        agreement_id: str,
        step: str,
        org: str,
        on: str = "2024-06-01",
        *,
        expect: int = 200,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> httpx.Response:
        body = {"step": step, "on": on, **extra}
        if step in ("council_resolution", "public_notice") and "number" not in extra:
            body["number"] = f"{step}-{org}"
        return await self.call(
            "POST",
            f"/v1/agreements/{agreement_id}/steps",
            org,
            json=body,
            expect=expect,
            headers=headers or {},
        )

    async def complete(self, agreement: dict[str, Any], on: date = date(2024, 6, 1)) -> dict[str, Any]:
        """Record every outstanding step, each party taking its own, all on `on`."""
        a, b = (p["code"] for p in agreement["parties"])
        response = None
        for step in STEPS:
            for org in (a, b) if step in ("council_resolution", "public_notice") else (a,):
                response = await self.step(agreement["id"], step, org, on.isoformat())
        assert response is not None
        return response.json()

    async def in_force(self, a: str = YAMAGATA, b: str = TENDO, **extra: Any) -> dict[str, Any]:
        return await self.complete(await self.draft(a, b, **extra))
