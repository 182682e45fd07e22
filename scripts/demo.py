"""`make demo`: loads a realistic demo into the running services through their generated Python clients.

Usage: python scripts/demo.py [--host 127.0.0.1] [--port-offset N]

What it loads, as the governments themselves would through the public HTTP APIs (clients/python), with
names and populations from the shipped municipalities reference data (令和2年国勢調査):
- 山形連携中枢都市圏 (連携中枢都市圏: 山形市 with 天童市, 上山市, 山辺町, 中山町), the 連携協約 between
  山形市 and 天童市 through every step, the 都市圏ビジョン with projects, budgets per FY and member, and
  KPIs with a first actual; a shared facility (学校給食共同調理場) with consent and its FY cost sharing;
- 庄内北部定住自立圏 (定住自立圏: 酒田市 with 遊佐町 and 庄内町) and its 定住自立圏形成協定;
- two 指定地域共同活動団体 in 天童市 under its ordinance, with a grant, a lease and a no-bid contract;
- 山形県 dispatching a フォレスター to 大蔵村 and a 保健師 to 西川町 under a 連携協約 with each, with costs.

Idempotent: every write carries an Idempotency-Key of its own (`renkei-demo/<step>`), so a second run
replays the first answers and changes nothing; a dispatch, which waits until the staffing service has
learnt of its agreement, looks before it creates. (The services keep Idempotency-Key records until they
are pruned; against databases whose records were pruned, a run loads the demo again.) The figures are
illustrative, not official ones.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ("agreements", "groups", "staffing", "finance")
for _service in SERVICES:
    sys.path.insert(0, str(ROOT / "clients" / "python" / _service))

from renkei_agreements_client import AuthenticatedClient as AgreementsClient  # noqa: E402
from renkei_agreements_client.api.agreements import create_agreement, record_agreement_step  # noqa: E402
from renkei_agreements_client.api.areas import declare_area  # noqa: E402
from renkei_agreements_client.api.shared_services import (  # noqa: E402
    agree_cost_sharing,
    consent_to_shared_service,
    register_shared_service,
)
from renkei_agreements_client.api.visions import adopt_vision, draft_vision, report_kpi_actual  # noqa: E402
from renkei_agreements_client.models import (  # noqa: E402
    AdoptionCreate,
    AgreementCreate,
    AreaCreate,
    ConsentCreate,
    CostSharingPut,
    KpiActualCreate,
    SharedServiceCreate,
    StepCreate,
    VisionCreate,
)
from renkei_common.auth import mint_dev_token  # noqa: E402
from renkei_common.refdata.municipalities import Registry, load_registry  # noqa: E402
from renkei_common.settings import ServiceSettings  # noqa: E402
from renkei_common.topology import SERVICE_PORTS  # noqa: E402
from renkei_finance_client import AuthenticatedClient as FinanceClient  # noqa: E402
from renkei_groups_client import AuthenticatedClient as GroupsClient  # noqa: E402
from renkei_groups_client.api.applications import (  # noqa: E402
    designate_application,
    draft_application,
    review_application,
    submit_application,
)
from renkei_groups_client.api.groups import award_contract, lease_to_group, support_group  # noqa: E402
from renkei_groups_client.api.ordinance_profiles import enact_ordinance_profile  # noqa: E402
from renkei_groups_client.models import (  # noqa: E402
    ApplicationCreate,
    ContractIn,
    DecisionIn,
    LeaseIn,
    ProfileCreate,
    SubmitIn,
    SupportIn,
)
from renkei_staffing_client import AuthenticatedClient as StaffingClient  # noqa: E402
from renkei_staffing_client.api.dispatches import (  # noqa: E402
    dispatch,
    list_dispatches,
    record_personnel_cost,
)
from renkei_staffing_client.api.specialists import register_specialist  # noqa: E402
from renkei_staffing_client.models import DispatchCreate, PersonnelCostCreate, SpecialistCreate  # noqa: E402

CLIENTS = {
    "agreements": AgreementsClient,
    "groups": GroupsClient,
    "staffing": StaffingClient,
    "finance": FinanceClient,
}
KEY_PREFIX = "renkei-demo"
# 山形県 and the governments of the demo (団体コード).
PREF = "060003"
YAMAGATA, TENDO, KAMINOYAMA, YAMANOBE, NAKAYAMA = "062014", "062103", "062073", "063011", "063029"
SAKATA, YUZA, SHONAI = "062049", "064611", "064289"
OKURA, NISHIKAWA = "063657", "063223"
GROUPS = ("G-TENDO-CHUBU", "G-TENDO-HIGASHI")
STEPS = ("consultation", "council_resolution", "conclusion", "public_notice", "notification")


class DemoError(RuntimeError):
    """A step the services refused: the demo names it and the problem they answered."""


@dataclass
class Demo:
    """Calls the services as the demo's governments, counting what was created and what was replayed."""

    urls: dict[str, str]
    registry: Registry
    created: int = 0
    replayed: int = 0
    log: Callable[[str], None] = print
    _settings: ServiceSettings = field(default_factory=ServiceSettings)

    def client(self, service: str, org: str, role: str, key: str | None = None) -> Any:
        token = mint_dev_token(settings=self._settings, org=org, roles=[role], sub=f"demo@{org}")
        headers = {"Idempotency-Key": f"{KEY_PREFIX}/{key}"} if key else {}
        return CLIENTS[service](
            base_url=self.urls[service], token=token, headers=headers, timeout=httpx.Timeout(30)
        )

    def write(self, key: str, endpoint: Any, *, service: str, org: str, role: str, **kwargs: Any) -> Any:
        """One write with its own Idempotency-Key; the parsed answer, or DemoError naming the step."""
        with self.client(service, org, role, key) as client:
            response = endpoint.sync_detailed(client=client, **kwargs)
        if response.status_code >= 300:
            raise DemoError(f"{key}: {response.status_code} {response.content.decode(errors='replace')}")
        if response.headers.get("idempotent-replayed", "").lower() == "true":
            self.replayed += 1
        else:
            self.created += 1
        return response.parsed

    def name(self, code: str) -> str:
        return self.registry.get(code).name

    def population(self, code: str) -> int:
        return self.registry.get(code).population or 0

    # --- agreements -------------------------------------------------------------------------------------

    def agreement(self, key: str, *, lead: str, other: str, body: dict[str, Any]) -> str:
        """An agreement drafted by `lead` and carried through every step of its conclusion procedure."""
        created = self.write(
            f"{key}/draft",
            create_agreement,
            service="agreements",
            org=lead,
            role="prefecture" if lead == PREF else "municipality",
            body=AgreementCreate.from_dict({"parties": [lead, other], **body}),
        )
        day = 1
        for step in STEPS:
            per_party = step in ("council_resolution", "public_notice")
            for org in (lead, other) if per_party else (lead,):
                step_body: dict[str, Any] = {"step": step, "on": f"2025-03-{day:02d}"}
                if per_party:
                    step_body["number"] = f"{'議第' if step == 'council_resolution' else '告示第'}{day}号"
                self.write(
                    f"{key}/{step}/{org}",
                    record_agreement_step,
                    service="agreements",
                    org=org,
                    role="prefecture" if org == PREF else "municipality",
                    agreement_id=created.id,
                    body=StepCreate.from_dict(step_body),
                )
            day += 3
        return str(created.id)

    def metropolitan_area(self) -> dict[str, str]:
        members = (TENDO, KAMINOYAMA, YAMANOBE, NAKAYAMA)
        area = self.write(
            "metropolitan/declare",
            declare_area,
            service="agreements",
            org=YAMAGATA,
            role="municipality",
            body=AreaCreate.from_dict(
                {
                    "area_type": "metropolitan",
                    "name": "山形連携中枢都市圏",
                    "declared_on": "2024-12-20",
                    "centres": [{"code": YAMAGATA, "day_night_ratio": "1.06"}],
                    "members": [
                        {"code": code, "role": "partner", "commuting_share": share, "since": "2025-04-01"}
                        for code, share in zip(members, ("0.21", "0.33", "0.45", "0.38"), strict=True)
                    ],
                    "consensus_rules": {
                        "text": "連携協約に基づき、各市町の協議により決定する。",
                        "decision_method": "consultation_only",
                        "consultation_period_days": 30,
                    },
                }
            ),
        )
        agreement = self.agreement(
            "metropolitan/agreement-tendo",
            lead=YAMAGATA,
            other=TENDO,
            body={
                "kind": "renkei_kyoyaku",
                "title": "山形連携中枢都市圏の形成に係る連携協約（山形市・天童市）",
                "area_id": area.id,
                "policy": "圏域の経済成長のけん引、高次の都市機能の集積・強化、生活関連機能サービスの向上",
                "subjects": [
                    {"type": "policy_field", "field": "医療", "description": "救急医療体制の確保"},
                    {
                        "type": "shared_facility",
                        "field": "教育",
                        "description": "学校給食共同調理場の共同利用",
                    },
                ],
                "role_division": [
                    {"party": YAMAGATA, "role": "中心市として施設を整備し運営する"},
                    {"party": TENDO, "role": "利用に応じて経費を負担する"},
                ],
            },
        )
        self.vision(area.id)
        self.shared_facility(area.id, agreement)
        return {"area": str(area.id), "agreement": agreement}

    def vision(self, area_id: str) -> None:
        partners = (YAMAGATA, TENDO, KAMINOYAMA, YAMANOBE, NAKAYAMA)
        years = range(2025, 2030)

        def budgets(total_yen: int) -> list[dict[str, Any]]:
            # Each year's budget shared by population, to the yen (the centre takes the remainder).
            people = sum(self.population(code) for code in partners)
            rows = []
            for year in years:
                shares = {code: total_yen * self.population(code) // people for code in partners}
                shares[YAMAGATA] += total_yen - sum(shares.values())
                rows += [
                    {"fiscal_year": year, "municipality_code": code, "amount_yen": amount}
                    for code, amount in shares.items()
                ]
            return rows

        vision = self.write(
            "metropolitan/vision",
            draft_vision,
            service="agreements",
            org=YAMAGATA,
            role="municipality",
            body=VisionCreate.from_dict(
                {
                    "area_id": area_id,
                    "title": "山形連携中枢都市圏ビジョン（第2期）",
                    "first_fiscal_year": 2025,
                    "last_fiscal_year": 2029,
                    "projects": [
                        {
                            "name": "広域観光プロモーション事業",
                            "field": "産業振興",
                            "role": "economic_growth",
                            "budgets": budgets(36_000_000),
                        },
                        {
                            "name": "休日夜間診療所の共同運営",
                            "field": "医療",
                            "role": "life_services",
                            "budgets": budgets(120_000_000),
                        },
                    ],
                    "kpis": [
                        {
                            "name": "圏域の観光入込客数",
                            "unit": "万人",
                            "project_index": 0,
                            "baseline_fiscal_year": 2023,
                            "baseline_value": 1_020,
                            "targets": [{"fiscal_year": y, "value": 1_020 + 20 * (y - 2024)} for y in years],
                        },
                        {
                            "name": "休日夜間診療所の受診者数",
                            "unit": "人",
                            "project_index": 1,
                            "targets": [{"fiscal_year": y, "value": 18_000} for y in years],
                        },
                    ],
                }
            ),
        )
        self.write(
            "metropolitan/vision/adopt",
            adopt_vision,
            service="agreements",
            org=YAMAGATA,
            role="municipality",
            vision_id=vision.id,
            body=AdoptionCreate.from_dict({"adopted_on": "2025-03-28"}),
        )
        self.write(
            "metropolitan/vision/kpi-actual-2025",
            report_kpi_actual,
            service="agreements",
            org=YAMAGATA,
            role="municipality",
            vision_id=vision.id,
            kpi_id=vision.kpis[0].id,
            body=KpiActualCreate.from_dict(
                {"fiscal_year": 2025, "value": 1_046, "reported_on": "2026-05-15"}
            ),
        )

    def shared_facility(self, area_id: str, agreement_id: str) -> None:
        members = [YAMAGATA, TENDO, YAMANOBE]
        service = self.write(
            "metropolitan/kitchen",
            register_shared_service,
            service="agreements",
            org=YAMAGATA,
            role="municipality",
            body=SharedServiceCreate.from_dict(
                {
                    "name": "学校給食共同調理場",
                    "category": "facility",
                    "lead_code": YAMAGATA,
                    "members": members,
                    "area_id": area_id,
                    "agreement_id": agreement_id,
                    "description": "1日あたり約12,000食を調理し、構成市町の小中学校へ配送する。",
                }
            ),
        )
        # 天童市 is a party of the agreement with the lead; 山辺町 consents for itself.
        self.write(
            "metropolitan/kitchen/consent-yamanobe",
            consent_to_shared_service,
            service="agreements",
            org=YAMANOBE,
            role="municipality",
            shared_service_id=service.id,
            body=ConsentCreate.from_dict({"consented_on": "2025-02-14"}),
        )
        self.write(
            "metropolitan/kitchen/cost-2025",
            agree_cost_sharing,
            service="agreements",
            org=YAMAGATA,
            role="municipality",
            shared_service_id=service.id,
            fiscal_year=2025,
            body=CostSharingPut.from_dict(
                {
                    "cost_yen": 486_000_000,
                    "weights": {"equal": "0.1", "population": "0.3", "usage": "0.6"},
                    "members": [
                        {"code": YAMAGATA, "usage": "7800"},
                        {"code": TENDO, "usage": "3300"},
                        {"code": YAMANOBE, "usage": "900"},
                    ],
                    "remainder_to": YAMAGATA,
                    "agreed_on": "2025-03-25",
                }
            ),
        )

    def settlement_area(self) -> dict[str, str]:
        area = self.write(
            "settlement/declare",
            declare_area,
            service="agreements",
            org=SAKATA,
            role="municipality",
            body=AreaCreate.from_dict(
                {
                    "area_type": "settlement",
                    "name": "庄内北部定住自立圏",
                    "declared_on": "2024-10-01",
                    "centres": [{"code": SAKATA, "day_night_ratio": "1.03"}],
                    "members": [
                        {"code": YUZA, "role": "partner", "commuting_share": "0.31", "since": "2025-04-01"},
                        {"code": SHONAI, "role": "partner", "commuting_share": "0.24", "since": "2025-04-01"},
                    ],
                }
            ),
        )
        agreement = self.agreement(
            "settlement/agreement-yuza",
            lead=SAKATA,
            other=YUZA,
            body={
                "kind": "teiju_jiritsu_kyotei",
                "title": "庄内北部定住自立圏形成協定（酒田市・遊佐町）",
                "area_id": area.id,
                "subjects": [
                    {"type": "policy_field", "field": "医療", "description": "地域医療連携の推進"},
                    {"type": "policy_field", "field": "公共交通", "description": "るんるんバスの広域運行"},
                ],
            },
        )
        return {"area": str(area.id), "agreement": agreement}

    # --- groups -----------------------------------------------------------------------------------------

    def designated_groups(self) -> list[str]:
        self.write(
            "groups/ordinance-tendo",
            enact_ordinance_profile,
            service="groups",
            org=TENDO,
            role="municipality",
            body=ProfileCreate.from_dict(
                {
                    "municipality_code": TENDO,
                    "ordinance_title": "天童市指定地域共同活動団体の指定等に関する条例",
                    "enacted_on": "2025-03-21",
                    "effective_on": "2025-04-01",
                }
            ),
        )
        for number, (group, district) in enumerate(zip(GROUPS, ("中部", "東部"), strict=True), start=1):
            self.group(group, district, number)
        return list(GROUPS)

    def group(self, group: str, district: str, number: int) -> None:
        articles = [
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
        documents = [
            {"kind": kind, "title": title}
            for kind, title in (
                ("articles", "規約"),
                ("member_list", "構成員名簿"),
                ("activity_plan", "事業計画書"),
                ("budget", "収支予算書"),
                ("financial_statement", "収支決算書"),
            )
        ]
        body = {
            "municipality_code": TENDO,
            "name": f"天童{district}地区まちづくり協議会",
            "office": f"天童市{district}公民館",
            "area": f"天童{district}地区",
            "representative": {"name": "代表者"},
            "members": [
                {
                    "kind": "organisation",
                    "name": f"{district}町内会連合会",
                    "organisation_kind": "neighbourhood_association",
                    "resident_share": "0.95",
                },
                {
                    "kind": "organisation",
                    "name": f"{district}小PTA",
                    "organisation_kind": "pta",
                    "resident_share": "0.8",
                },
                {"kind": "individual", "name": "構成員A", "resident": True},
            ],
            "activities": [
                {"code": "area_cleaning", "description": "河川敷の清掃"},
            ],
            "article_items": articles,
            "documents": documents,
        }
        as_group = {"service": "groups", "org": group, "role": "group"}
        as_city = {"service": "groups", "org": TENDO, "role": "municipality"}
        self.write(
            f"groups/{group}/draft", draft_application, body=ApplicationCreate.from_dict(body), **as_group
        )
        self.write(
            f"groups/{group}/submit",
            submit_application,
            group_id=group,
            body=SubmitIn.from_dict({"submitted_on": "2025-05-01"}),
            **as_group,
        )
        self.write(f"groups/{group}/review", review_application, group_id=group, **as_city)
        self.write(
            f"groups/{group}/designate",
            designate_application,
            group_id=group,
            body=DecisionIn.from_dict(
                {
                    "decided_on": "2025-06-02",
                    "reasons": "条例の要件を満たすため",
                    "notice_number": f"天童市告示第{40 + number}号",
                }
            ),
            **as_city,
        )
        self.write(
            f"groups/{group}/grant-2025",
            support_group,
            group_id=group,
            body=SupportIn.from_dict(
                {
                    "kind": "grant",
                    "fiscal_year": 2025,
                    "purpose": "地域の見守り活動と防災訓練",
                    "amount_yen": 1_200_000 if number == 1 else 850_000,
                    "granted_on": "2025-06-20",
                }
            ),
            **as_city,
        )
        if number == 1:
            self.write(
                f"groups/{group}/lease",
                lease_to_group,
                group_id=group,
                body=LeaseIn.from_dict(
                    {
                        "asset_id": "TENDO-ASSET-0420",
                        "asset_name": "旧天童中部保育所",
                        "part": "1階 多目的室",
                        "start_on": "2025-07-01",
                        "end_on": "2028-03-31",
                        "rent_yen": 0,
                        "rent_reduced": True,
                    }
                ),
                **as_city,
            )
        else:
            self.write(
                f"groups/{group}/contract",
                award_contract,
                group_id=group,
                body=ContractIn.from_dict(
                    {
                        "subject": "市道沿い花壇の維持管理業務",
                        "amount_yen": 1_980_000,
                        "fiscal_year": 2025,
                        "start_on": "2025-07-01",
                        "end_on": "2026-03-31",
                        "awarded_on": "2025-06-25",
                    }
                ),
                **as_city,
            )

    # --- staffing ---------------------------------------------------------------------------------------

    def dispatches(self) -> list[str]:
        plans = (
            ("forester", OKURA, "森林環境譲与税を活用した森林整備", "forester_certificate", 5_160_000),
            (
                "public_health_nurse",
                NISHIKAWA,
                "母子保健と健康づくり",
                "public_health_nurse_licence",
                4_740_000,
            ),
        )
        ids = []
        for profession, receiving, purpose, licence, salary in plans:
            agreement = self.agreement(
                f"staffing/agreement-{receiving}",
                lead=PREF,
                other=receiving,
                body={
                    "kind": "renkei_kyoyaku",
                    "title": f"専門人材の派遣に関する連携協約（山形県・{self.name(receiving)}）",
                    "policy": purpose,
                    "subjects": [{"type": "staffing_cooperation", "description": purpose}],
                },
            )
            licences = [{"kind": licence, "number": f"YG-{receiving}"}]
            if profession == "public_health_nurse":
                licences.append({"kind": "nurse_licence", "number": f"YGN-{receiving}"})
            specialist = self.write(
                f"staffing/specialist-{profession}",
                register_specialist,
                service="staffing",
                org=PREF,
                role="prefecture",
                body=SpecialistCreate.from_dict(
                    {
                        "profession_code": profession,
                        "employer_code": PREF,
                        "employed_from": "2020-04-01",
                        "employed_until": "2045-03-31",
                        "name": "山形県 専門職員",
                        "licences": licences,
                    }
                ),
            )
            found = self.dispatch(specialist.id, receiving, agreement)
            self.write(
                f"staffing/cost-{profession}-2025",
                record_personnel_cost,
                service="staffing",
                org=PREF,
                role="prefecture",
                dispatch_id=found,
                body=PersonnelCostCreate.from_dict(
                    {
                        "fiscal_year": 2025,
                        "salary_yen": salary,
                        "allowances_yen": salary // 4,
                        "social_insurance_yen": salary * 3 // 20,
                    }
                ),
            )
            ids.append(found)
        return ids

    def dispatch(self, specialist_id: str, receiving: str, agreement_id: str, timeout: float = 60) -> str:
        """The specialist's dispatch, created once the staffing service knows the agreement is in force.

        Looked up before it is created, since the staffing service learns of the agreement through the
        agreements feed a moment after it comes into force, and a refusal meanwhile must not be replayed.
        """
        deadline = time.monotonic() + timeout
        while True:
            with self.client("staffing", PREF, "prefecture") as client:
                page = list_dispatches.sync(client=client, receiving_code=receiving)
                existing = [d for d in getattr(page, "data", []) if d.specialist_id == specialist_id]
                if existing:
                    self.replayed += 1
                    return str(existing[0].id)
                body = DispatchCreate.from_dict(
                    {
                        "specialist_id": specialist_id,
                        "receiving_code": receiving,
                        "agreement_id": agreement_id,
                        "starts_on": "2025-04-01",
                        "ends_on": "2026-03-31",
                    }
                )
                response = dispatch.sync_detailed(client=client, body=body)
            if response.status_code == 201:
                self.created += 1
                return str(response.parsed.id)
            if time.monotonic() > deadline:
                raise DemoError(f"dispatch to {receiving}: {response.content.decode(errors='replace')}")
            time.sleep(1)

    def run(self) -> dict[str, Any]:
        return {
            "metropolitan": self.metropolitan_area(),
            "settlement": self.settlement_area(),
            "groups": self.designated_groups(),
            "dispatches": self.dispatches(),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port-offset", type=int, default=0)
    args = parser.parse_args(argv)
    urls = {s: f"http://{args.host}:{p + args.port_offset}" for s, p in SERVICE_PORTS.items()}
    demo = Demo(urls=urls, registry=load_registry())
    try:
        loaded = demo.run()
    except DemoError as exc:
        print(f"demo failed at {exc}", file=sys.stderr)
        return 1
    print(f"demo loaded: {demo.created} writes made, {demo.replayed} already there")
    a, g, s, f = (urls[name] for name in SERVICES)
    metro, settlement = loaded["metropolitan"], loaded["settlement"]
    print("Look at it (token: make token ROLE=national ORG=000000):")
    print(f"  山形連携中枢都市圏   {a}/v1/areas/{metro['area']}")
    print(f"  連携協約           {a}/v1/agreements/{metro['agreement']}")
    print(f"  定住自立圏         {a}/v1/areas/{settlement['area']}")
    print(f"  ビジョンとKPI       {a}/v1/visions?area_id={metro['area']}")
    print(f"  学校給食共同調理場  {a}/v1/shared-services")
    print(f"  指定地域共同活動団体 {g}/v1/applications?municipality_code={TENDO}")
    print(f"  専門人材の派遣      {s}/v1/dispatches   costs {s}/v1/views/costs")
    print(f"  財政への反映        {f}/v1/projections/agreements   {f}/v1/allocations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
