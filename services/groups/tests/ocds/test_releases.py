"""OCDS releases of no-bid contracts validate against the vendored OCDS 1.1.5 schemas."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from renkei_groups.domain.ocds import ContractFacts, release, release_package

SCHEMAS = Path(__file__).parent


def validator(name: str) -> jsonschema.Draft4Validator:
    """A validator of the named schema that resolves the package's $ref to the release schema offline."""
    release_schema = json.loads((SCHEMAS / "release-schema.json").read_text(encoding="utf-8"))
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    resource = Resource.from_contents(release_schema, default_specification=DRAFT4)
    registry: Registry = Registry().with_resource(release_schema["id"], resource)
    return jsonschema.Draft4Validator(schema, registry=registry, format_checker=jsonschema.FormatChecker())


CONTRACT = ContractFacts(
    contract_id="c-1",
    group_id="g-1",
    group_name="○○地区まちづくり協議会",
    municipality_code="062103",
    municipality_name="天童市",
    subject="公園の維持管理と地域美化活動の一体的実施",
    amount_yen=1_200_000,
    fiscal_year=2025,
    start=date(2025, 4, 1),
    end=date(2026, 3, 31),
    awarded_at=datetime(2025, 3, 25, 1, 0, tzinfo=UTC),
)


def test_a_release_and_its_package_are_valid_ocds() -> None:
    one = release(CONTRACT, ocid_prefix="ocds-test")
    validator("release-schema.json").validate(one)
    package = release_package(
        [one], uri="https://example.org/p", publisher="天童市", published_at=CONTRACT.awarded_at
    )
    validator("release-package-schema.json").validate(package)
    assert one["tender"]["procurementMethod"] == "direct"
    assert one["awards"][0]["value"] == {"amount": 1_200_000, "currency": "JPY"}


def test_a_broken_release_is_caught_by_the_schema() -> None:
    broken = {**release(CONTRACT, ocid_prefix="ocds-test"), "tag": ["signed"]}
    errors = list(validator("release-schema.json").iter_errors(broken))
    assert errors and errors[0].path[0] == "tag"
