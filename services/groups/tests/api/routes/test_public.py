"""Open data without a token: notices and OCDS, cacheable with ETag, and never a member's personal data."""

from __future__ import annotations

import sys
from pathlib import Path

from groups_testkit import GROUP, TENDO, GroupsDriver

sys.path.insert(0, str(Path(__file__).parents[2] / "ocds"))
from test_releases import validator

CONTRACT = {
    "subject": "中部公園の維持管理と地域美化活動の一体的実施",
    "amount_yen": 1_200_000,
    "fiscal_year": 2025,
    "start_on": "2025-07-01",
    "end_on": "2026-03-31",
    "awarded_on": "2025-06-20",
}
PERSONAL = ("山田太郎", "佐藤花子", "鈴木一郎", "天童市老野森", "023-000-0000", "の住所")


def leaks(text: str) -> list[str]:
    return [p for p in PERSONAL if p in text]


async def test_notices_are_open_filterable_and_cacheable(api: GroupsDriver) -> None:
    await api.designated()
    response = await api.http.get(
        "/v1/public/notices", params={"municipality_code": TENDO, "from": "2025-06-01"}
    )
    assert response.status_code == 200 and len(response.json()["data"]) == 1
    assert response.headers["Cache-Control"].startswith("public")
    assert leaks(response.text) == []
    cached = await api.http.get(
        "/v1/public/notices",
        params={"municipality_code": TENDO, "from": "2025-06-01"},
        headers={"If-None-Match": response.headers["ETag"]},
    )
    assert cached.status_code == 304 and cached.content == b""
    later = await api.http.get("/v1/public/notices", params={"from": "2025-06-02"})
    assert later.json()["data"] == [] and later.headers["ETag"] != response.headers["ETag"]
    bad = await api.http.get("/v1/public/notices", params={"municipality_code": "x"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "query.municipality_code"


async def test_no_bid_contracts_are_valid_ocds_releases_and_packages(api: GroupsDriver) -> None:
    await api.designated()
    contract = (
        await api.call("POST", f"/v1/groups/{GROUP}/contracts", TENDO, json=CONTRACT, expect=201)
    ).json()
    release = await api.http.get(f"/v1/public/contracts/{contract['id']}/ocds-release")
    assert release.status_code == 200 and release.headers["ETag"]
    validator("release-schema.json").validate(release.json())
    assert release.json()["awards"][0]["suppliers"][0]["name"] == "天童中部地区まちづくり協議会"
    assert release.json()["buyer"]["name"] == "天童市"
    package = await api.http.get("/v1/public/ocds/release-package", params={"municipality_code": TENDO})
    validator("release-package-schema.json").validate(package.json())
    assert [r["ocid"] for r in package.json()["releases"]] == [release.json()["ocid"]]
    assert leaks(release.text + package.text) == []
    none = await api.http.get("/v1/public/ocds/release-package", params={"fiscal_year": 2030})
    assert none.status_code == 404
    missing = await api.http.get("/v1/public/contracts/nope/ocds-release")
    assert missing.status_code == 404
