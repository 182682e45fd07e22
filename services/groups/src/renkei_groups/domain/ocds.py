"""OCDS 1.1 releases of no-bid contracts (随意契約による委託) with designated groups.

Only organisations appear (the municipality as buyer, the group as supplier); no member of the group does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

OCDS_VERSION = "1.1"
PROCUREMENT_METHOD_DETAILS = "随意契約による委託（地方自治法第260条の49、指定地域共同活動団体）"


@dataclass(frozen=True)
class ContractFacts:
    contract_id: str
    group_id: str
    group_name: str
    municipality_code: str
    municipality_name: str
    subject: str
    amount_yen: int
    fiscal_year: int
    start: date
    end: date
    awarded_at: datetime


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _day(day: date) -> str:
    return _iso(datetime.combine(day, time(0, 0), tzinfo=UTC))


def ocid(prefix: str, contract_id: str) -> str:
    return f"{prefix}-{contract_id}"


def release(c: ContractFacts, *, ocid_prefix: str) -> dict[str, Any]:
    """One release tagged award+contract: a direct award has no competitive tender stage to publish."""
    buyer = {"id": f"JP-LGC-{c.municipality_code}", "name": c.municipality_name}
    supplier = {"id": f"renkei-group-{c.group_id}", "name": c.group_name}
    value = {"amount": c.amount_yen, "currency": "JPY"}
    period = {"startDate": _day(c.start), "endDate": _day(c.end)}
    award_id = f"{c.contract_id}-award"
    return {
        "ocid": ocid(ocid_prefix, c.contract_id),
        "id": f"{c.contract_id}-award-1",
        "date": _iso(c.awarded_at),
        "tag": ["award", "contract"],
        "initiationType": "tender",
        "language": "ja",
        "parties": [{**buyer, "roles": ["buyer", "procuringEntity"]}, {**supplier, "roles": ["supplier"]}],
        "buyer": buyer,
        "tender": {
            "id": f"{c.contract_id}-tender",
            "title": c.subject,
            "procurementMethod": "direct",
            "procurementMethodDetails": PROCUREMENT_METHOD_DETAILS,
            "procuringEntity": buyer,
        },
        "awards": [
            {
                "id": award_id,
                "title": c.subject,
                "status": "active",
                "date": _iso(c.awarded_at),
                "value": value,
                "suppliers": [supplier],
                "contractPeriod": period,
            }
        ],
        "contracts": [
            {
                "id": c.contract_id,
                "awardID": award_id,
                "title": c.subject,
                "status": "active",
                "period": period,
                "value": value,
                "dateSigned": _iso(c.awarded_at),
            }
        ],
    }


def release_package(
    releases: Sequence[dict[str, Any]], *, uri: str, publisher: str, published_at: datetime
) -> dict[str, Any]:
    return {
        "uri": uri,
        "version": OCDS_VERSION,
        "publishedDate": _iso(published_at),
        "publisher": {"name": publisher},
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "releases": list(releases),
    }
