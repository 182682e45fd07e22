"""One example payload per event type: documentation that the contract tests keep honest."""

from __future__ import annotations

from typing import Any

_PARTIES = [
    {
        "code": "062014",
        "name": "山形市",
        "role": "centre",
        "kind": "city",
        "flags": ["core_city", "prefectural_capital"],
    },
    {"code": "062103", "name": "天童市", "role": "partner", "kind": "city", "flags": []},
]
_MEMBERS = [
    {"code": "062014", "role": "centre", "since": "2019-04-01", "until": None},
    {"code": "062103", "role": "partner", "since": "2019-10-15", "until": None},
]

EXAMPLES: dict[str, dict[str, Any]] = {
    "jp.renkei.agreements.MunicipalityUpdated.v1": {
        "code": "062014",
        "name": "山形市",
        "kind": "city",
        "prefecture_code": "06",
        "population": 243000,
        "population_year": 2025,
        "flags": ["core_city", "prefectural_capital"],
        "population_source": "e-Stat 住民基本台帳に基づく人口",
        "previous_population": 247747,
        "previous_population_year": 2020,
    },
    "jp.renkei.agreements.AreaDeclared.v1": {
        "area_id": "5b0f3f0e-6c1c-4a39-9d43-2b1e8a0f4a11",
        "area_type": "metropolitan",
        "name": "山形連携中枢都市圏",
        "centre_codes": ["062014"],
        "declared_on": "2019-04-01",
        "declaration_kind": "renkei_chusu_toshi_sengen",
        "members": [{"code": "062014", "role": "centre", "since": "2019-04-01", "until": None}],
        "warnings": [
            {
                "rule": "metropolitan.partner_commuting_share",
                "field": "members[0].commuting_share",
                "message": "the share of commuters from 中山町 is 0.08, below the guideline of 0.10",
                "confidence": "seed",
                "source": "DOMAIN §3.1; 連携中枢都市圏構想推進要綱 (総務省)",
            }
        ],
    },
    "jp.renkei.agreements.AreaUpdated.v1": {
        "area_id": "5b0f3f0e-6c1c-4a39-9d43-2b1e8a0f4a11",
        "area_type": "metropolitan",
        "name": "山形連携中枢都市圏",
        "centre_codes": ["062014"],
        "change": "member_added",
        "members": _MEMBERS,
    },
    "jp.renkei.agreements.AgreementSigned.v1": {
        "agreement_id": "8f7c1d2e-1111-4c3b-9a0d-0e5f6a7b8c9d",
        "agreement_version": 1,
        "kind": "renkei_kyoyaku",
        "title": "山形連携中枢都市圏形成に係る連携協約",
        "parties": _PARTIES,
        "area_id": None,
        "area_type": "metropolitan",
        "concluded_on": "2019-10-01",
        "in_force_on": "2019-10-15",
        "subjects": ["shared_facility"],
    },
    "jp.renkei.agreements.AgreementAmended.v1": {
        "agreement_id": "8f7c1d2e-1111-4c3b-9a0d-0e5f6a7b8c9d",
        "agreement_version": 2,
        "previous_version": 1,
        "kind": "renkei_kyoyaku",
        "title": "山形連携中枢都市圏形成に係る連携協約",
        "parties": _PARTIES,
        "area_id": None,
        "area_type": "metropolitan",
        "concluded_on": "2022-03-01",
        "in_force_on": "2022-04-01",
        "subjects": [],
    },
    "jp.renkei.agreements.AgreementTerminated.v1": {
        "agreement_id": "8f7c1d2e-1111-4c3b-9a0d-0e5f6a7b8c9d",
        "agreement_version": 2,
        "parties": _PARTIES,
        "area_id": None,
        "terminated_on": "2025-03-31",
        "kind": "renkei_kyoyaku",
        "title": "山形連携中枢都市圏形成に係る連携協約",
    },
    "jp.renkei.agreements.VisionAdopted.v1": {
        "vision_id": "v-1",
        "area_id": "a-1",
        "area_type": "metropolitan",
        "title": "山形連携中枢都市圏ビジョン",
        "first_fiscal_year": 2024,
        "last_fiscal_year": 2028,
        "adopted_on": "2024-03-25",
        "projects": [
            {
                "project_id": "p-1",
                "name": "学校給食共同炊飯",
                "field": "everyday_services",
                "role": "life",
                "bond_eligibility": None,
                "budgets": [{"fiscal_year": 2024, "municipality_code": "062014", "amount_yen": 12000000}],
            }
        ],
    },
    "jp.renkei.agreements.KpiReported.v1": {
        "vision_id": "v-1",
        "kpi_id": "k-1",
        "name": "共同炊飯の提供食数",
        "unit": "食/日",
        "fiscal_year": 2024,
        "actual": 10500.0,
        "target": 10000.0,
        "area_id": "a-1",
    },
    "jp.renkei.agreements.CostSharingAgreed.v1": {
        "shared_service_id": "s-1",
        "name": "共同炊飯施設",
        "category": "facility",
        "area_id": "a-1",
        "fiscal_year": 2025,
        "cost_yen": 100000000,
        "equal_weight": "0.1",
        "population_weight": "0.9",
        "usage_weight": "0",
        "remainder_to": "062014",
        "agreed_on": "2025-03-20",
        "revision": 1,
        "members": [
            {
                "municipality_code": "062014",
                "share_yen": 76946740,
                "population": 247747,
                "population_year": 2020,
                "usage": None,
            },
            {
                "municipality_code": "062103",
                "share_yen": 23053260,
                "population": 62166,
                "population_year": 2020,
                "usage": None,
            },
        ],
    },
    "jp.renkei.finance.AllocationsRecomputed.v1": {
        "run_id": "r-1",
        "fiscal_years": [2025],
        "municipality_codes": ["062014"],
        "total_yen": 18000000,
        "trigger_event_ids": ["8f7c1d2e-1111-4c3b-9a0d-0e5f6a7b8c9d"],
    },
}
