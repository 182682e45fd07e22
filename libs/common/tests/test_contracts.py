"""Event contracts: checked-in schemas are current, compatible, and validate the examples."""

from __future__ import annotations

import json

import jsonschema
import pytest
from renkei_common.events import schemas
from renkei_common.events.contracts import CATALOGUE
from renkei_common.events.envelope import EventEnvelope, parse_event_type
from renkei_common.events.examples import EXAMPLES


def test_checked_in_contracts_are_current() -> None:
    stale = schemas.stale_files()
    assert not stale, f"run `python -m renkei_common.events.schemas write`; stale: {stale}"


def test_no_incompatible_change_without_a_new_version() -> None:
    assert schemas.breaking_changes() == {}


def test_every_event_has_an_example() -> None:
    assert set(EXAMPLES) == set(CATALOGUE)


@pytest.mark.parametrize("type_", sorted(CATALOGUE))
def test_example_validates_against_checked_in_schema(type_: str) -> None:
    schema = json.loads((schemas.CONTRACTS_DIR / "schemas" / f"{type_}.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(EXAMPLES[type_], schema, cls=jsonschema.Draft202012Validator)
    payload = CATALOGUE[type_].model_validate(EXAMPLES[type_])
    # What a producer serialises must also satisfy the published schema.
    jsonschema.validate(payload.model_dump(mode="json"), schema, cls=jsonschema.Draft202012Validator)


def test_event_types_follow_the_naming_rule() -> None:
    for type_, cls in CATALOGUE.items():
        service, name, version = parse_event_type(type_)
        assert (service, name, version) == (cls.service, cls.event_name, cls.version)


def _schema(props: dict, required: list[str]) -> dict:
    return {"type": "object", "properties": props, "required": required}


def test_compatibility_rules_catch_breaking_changes() -> None:
    old = _schema({"a": {"type": "string"}, "b": {"type": "integer"}}, ["a"])
    assert schemas.incompatibilities(old, old) == []
    added_optional = _schema({**old["properties"], "c": {"type": "string"}}, ["a"])
    assert schemas.incompatibilities(old, added_optional) == []
    assert schemas.incompatibilities(old, _schema({"a": {"type": "string"}}, ["a"])) == ["b: removed"]
    assert schemas.incompatibilities(old, _schema(old["properties"], ["a", "b"])) == ["b: became required"]
    retyped = _schema({"a": {"type": "integer"}, "b": {"type": "integer"}}, ["a"])
    assert schemas.incompatibilities(old, retyped) == ["a: type ('string',) -> ('integer',)"]
    narrowed = _schema({"a": {"enum": ["x"], "type": "string"}, "b": {"type": "integer"}}, ["a"])
    widened = _schema({"a": {"enum": ["x", "y"], "type": "string"}, "b": {"type": "integer"}}, ["a"])
    assert schemas.incompatibilities(widened, narrowed) == ["a: enum values removed"]


def test_write_refuses_a_breaking_change(tmp_path, monkeypatch) -> None:
    schemas.write(tmp_path)
    type_ = "jp.renkei.agreements.AgreementSigned.v1"
    path = tmp_path / "schemas" / f"{type_}.json"
    published = json.loads(path.read_text(encoding="utf-8"))
    published["properties"]["legacy_field"] = {"type": "string"}
    path.write_text(json.dumps(published), encoding="utf-8")
    assert "legacy_field: removed" in schemas.breaking_changes(tmp_path)[type_]
    with pytest.raises(SystemExit, match="add a new version"):
        schemas.write(tmp_path)


def test_asyncapi_lists_every_event_and_topic() -> None:
    doc = schemas.asyncapi_document()
    assert doc["asyncapi"].startswith("3.")
    assert set(doc["components"]["messages"]) == {cls.event_name for cls in CATALOGUE.values()}
    addresses = {c["address"] for c in doc["channels"].values()}
    assert {"renkei.agreements.events", "renkei.finance.dlq"} <= addresses


def test_envelope_round_trip_keeps_cloudevents_attributes() -> None:
    type_ = "jp.renkei.agreements.AgreementSigned.v1"
    envelope = EventEnvelope(
        type=type_, source="agreements", subject="x", data=EXAMPLES[type_], sequence=7, aggregate_version=3
    )
    raw = json.loads(envelope.to_json_bytes())
    assert raw["specversion"] == "1.0" and raw["datacontenttype"] == "application/json"
    assert raw["sequence"] == 7 and raw["subject"] == "x"
    assert EventEnvelope.from_json_bytes(envelope.to_json_bytes()) == envelope
