"""Test kit of the groups service: real municipalities, a group's application, and the usual steps."""

from __future__ import annotations

from typing import Any

from renkei_common.testing.driver import Driver

HIROSHIMA, HIROSHIMA_PREF, TENDO, YAMAGATA, YAMAGATA_PREF = "341002", "340006", "062103", "062014", "060003"
GROUP, OTHER_GROUP = "G-TENDO-01", "G-TENDO-02"
ARTICLES = [
    "purpose",
    "name",
    "area",
    "office",
    "membership",
    "representative",
    "meetings",
    "assets",
    "democratic_decision_making",
    "open_membership",
    "officer_election",
    "financial_disclosure",
]
DOCUMENTS = [
    {"kind": kind, "title": title}
    for kind, title in (
        ("articles", "規約"),
        ("member_list", "構成員名簿"),
        ("activity_plan", "事業計画書"),
        ("budget", "収支予算書"),
        ("financial_statement", "収支決算書"),
    )
]


def member(name: str, resident: bool = True, **extra: Any) -> dict[str, Any]:
    return {"kind": "individual", "name": name, "resident": resident, "address": f"{name}の住所", **extra}


def organisation(name: str, kind: str, share: str) -> dict[str, Any]:
    return {"kind": "organisation", "name": name, "organisation_kind": kind, "resident_share": share}


def application(municipality: str = TENDO, **extra: Any) -> dict[str, Any]:
    return {
        "municipality_code": municipality,
        "name": "天童中部地区まちづくり協議会",
        "office": "天童市中部公民館",
        "area": "天童中部地区",
        "representative": {"name": "山田太郎", "address": "天童市老野森1-1-1", "contact": "023-000-0000"},
        "members": [
            organisation("中部町内会連合会", "neighbourhood_association", "0.95"),
            organisation("中部小PTA", "pta", "0.8"),
            member("佐藤花子"),
            member("鈴木一郎", resident=False),
        ],
        "activities": [{"code": "area_cleaning", "description": "河川敷の清掃"}],
        "article_items": ARTICLES,
        "documents": DOCUMENTS,
        **extra,
    }


class GroupsDriver(Driver):
    """The steps most tests need, each asserting the status it expects."""

    async def enact(self, municipality: str = TENDO, **extra: Any) -> dict[str, Any]:
        body = {
            "municipality_code": municipality,
            "ordinance_title": "指定地域共同活動団体の指定等に関する条例",
            "enacted_on": "2025-03-01",
            "effective_on": "2025-04-01",
            **extra,
        }
        return (await self.call("POST", "/v1/ordinance-profiles", municipality, json=body, expect=201)).json()

    async def draft(self, group: str = GROUP, **extra: Any) -> dict[str, Any]:
        body = application(**extra)
        return (
            await self.call("POST", "/v1/applications", group, roles=("group",), json=body, expect=201)
        ).json()

    async def submit(self, group: str = GROUP, on: str = "2025-05-01", expect: int = 200) -> dict[str, Any]:
        response = await self.call(
            "POST",
            f"/v1/applications/{group}/submission",
            group,
            roles=("group",),
            json={"submitted_on": on},
            expect=expect,
        )
        return response.json()

    async def review(self, group: str = GROUP, municipality: str = TENDO) -> dict[str, Any]:
        return (await self.call("POST", f"/v1/applications/{group}/review", municipality)).json()

    async def designate(
        self, group: str = GROUP, municipality: str = TENDO, on: str = "2025-06-01", expect: int = 200
    ) -> dict[str, Any]:
        body = {"decided_on": on, "reasons": "要件を満たすため", "notice_number": f"告示第{group}号"}
        url = f"/v1/applications/{group}/designation"
        return (await self.call("POST", url, municipality, json=body, expect=expect)).json()

    async def designated(self, group: str = GROUP, **extra: Any) -> dict[str, Any]:
        """A profile (if none yet), a draft, its submission, the review and the designation."""
        profiles = (await self.call("GET", f"/v1/ordinance-profiles?municipality_code={TENDO}", TENDO)).json()
        if not profiles["data"]:
            await self.enact()
        await self.draft(group, **extra)
        await self.submit(group)
        await self.review(group)
        return await self.designate(group)
