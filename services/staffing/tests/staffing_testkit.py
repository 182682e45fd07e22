"""Test kit of the staffing service: real government codes, agreement events, and a driver of the API."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import httpx
from renkei_common.events.consumer import EventProcessor, Outcome
from renkei_common.events.contracts import AgreementSigned, AgreementTerminated, EventPayload, Party
from renkei_common.events.envelope import EventEnvelope
from renkei_common.testing.client import ServiceClient
from renkei_common.testing.driver import Driver as BaseDriver
from renkei_staffing.consumers import REGISTRY

# 奈良県 with 十津川村 and 天川村 (villages) and 奈良市 (core city, capital); 三重県 and 津市 (capital).
NARA_PREF, TOTSUKAWA, NARA_CITY, TENKAWA = "290009", "294497", "292010", "294462"
MIE_PREF, TSU = "240001", "242012"
AGREEMENT = "agr-nara-totsukawa"
_versions = itertools.count(1)


def party(code: str, role: str = "party") -> Party:
    return Party(code=code, name=code, role=role)


def signed(
    agreement_id: str = AGREEMENT,
    parties: tuple[str, ...] = (NARA_PREF, TOTSUKAWA),
    *,
    in_force_on: date = date(2024, 4, 1),
    version: int = 1,
    kind: str = "renkei_kyoyaku",
) -> AgreementSigned:
    return AgreementSigned(
        agreement_id=agreement_id,
        agreement_version=version,
        kind=kind,  # type: ignore[arg-type]
        title="専門人材の確保に関する連携協約",
        parties=[party(code) for code in parties],
        concluded_on=in_force_on,
        in_force_on=in_force_on,
    )


def terminated(
    agreement_id: str = AGREEMENT,
    parties: tuple[str, ...] = (NARA_PREF, TOTSUKAWA),
    *,
    on: date,
    version: int = 2,
) -> AgreementTerminated:
    return AgreementTerminated(
        agreement_id=agreement_id,
        agreement_version=version,
        parties=[party(code) for code in parties],
        terminated_on=on,
    )


def envelope(payload: EventPayload, *, aggregate_version: int, subject: str) -> EventEnvelope:
    return EventEnvelope(
        type=payload.type_name(),
        source=payload.service,
        subject=subject,
        data=payload.model_dump(mode="json"),
        aggregate_version=aggregate_version,
    )


async def deliver(client: ServiceClient, *envelopes: EventEnvelope) -> list[Outcome]:
    """Apply events through the real consumer runtime (inbox dedup included), as either transport would."""
    processor = EventProcessor(db=client.db, consumer="staffing", handlers=REGISTRY.handlers)
    return [await processor.process(e, origin="test") for e in envelopes]


async def agreement_event(client: ServiceClient, payload: AgreementSigned | AgreementTerminated) -> None:
    # The agreements service versions an agreement's events by its aggregate version; use the payload's.
    version = (
        payload.agreement_version if isinstance(payload, AgreementSigned) else payload.agreement_version + 1
    )
    await deliver(client, envelope(payload, aggregate_version=version, subject=payload.agreement_id))


class Driver(BaseDriver):
    """The shared test driver with the staffing steps most tests need."""

    async def specialist(
        self,
        employer: str = NARA_PREF,
        profession: str = "forester",
        *,
        employed: tuple[str, str] = ("2021-04-01", "2040-03-31"),
        expires_on: str | None = None,
        name: str = "山田 花子",
    ) -> dict[str, Any]:
        licence_kind = {
            "forester": "forester_certificate",
            "public_health_nurse": "public_health_nurse_licence",
        }
        licences = []
        if profession in licence_kind:
            licences.append(
                {"kind": licence_kind[profession], "number": "LIC-0001", "expires_on": expires_on}
            )
        if profession == "public_health_nurse":
            licences.append({"kind": "nurse_licence", "number": "NUR-0001"})
        body = {
            "profession_code": profession,
            "employer_code": employer,
            "employed_from": employed[0],
            "employed_until": employed[1],
            "name": name,
            "contact": "0742-00-0000",
            "licences": licences,
        }
        return (await self.call("POST", "/v1/specialists", employer, json=body, expect=201)).json()

    async def dispatch(
        self,
        specialist_id: str,
        receiving: str = TOTSUKAWA,
        *,
        employer: str = NARA_PREF,
        period: tuple[str, str] = ("2025-04-01", "2026-03-31"),
        agreement_id: str = AGREEMENT,
        expect: int = 201,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> httpx.Response:
        body = {
            "specialist_id": specialist_id,
            "receiving_code": receiving,
            "agreement_id": agreement_id,
            "starts_on": period[0],
            "ends_on": period[1],
            **extra,
        }
        return await self.call(
            "POST", "/v1/dispatches", employer, json=body, expect=expect, headers=headers or {}
        )

    async def need(
        self,
        municipality: str = TOTSUKAWA,
        profession: str = "forester",
        period: tuple[str, str] = ("2025-04-01", "2026-03-31"),
    ) -> dict[str, Any]:
        body = {
            "municipality_code": municipality,
            "profession_code": profession,
            "starts_on": period[0],
            "ends_on": period[1],
            "workload_percent": 100,
            "description": "森林環境管理業務",
        }
        return (await self.call("POST", "/v1/needs", municipality, json=body, expect=201)).json()


def rules(response: httpx.Response) -> list[tuple[str, str]]:
    """(field, rule) of every error of a problem+json response."""
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    return [(e["field"], e["rule"]) for e in response.json().get("errors") or []]


async def emitted(client: ServiceClient, event_name: str) -> list[dict[str, Any]]:
    """The data of every outbox event of this type, in write order."""
    from renkei_common.models import OutboxEvent
    from sqlalchemy import select

    async with client.db.session() as session:
        rows = await session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.type == f"jp.renkei.staffing.{event_name}.v1")
            .order_by(OutboxEvent.sequence)
        )
        return [dict(row.data) for row in rows]
