"""Routes build commands from request bodies: nested models become dataclasses, enums their members."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

import pytest
from pydantic import BaseModel, ValidationError
from renkei_common.api_deps import AS_LITERAL, Body, Day, to_command


class Role(StrEnum):
    CENTRE = "centre"
    PARTNER = "partner"


class MemberIn(Body):
    code: str
    role: Literal["centre", "partner"] = "partner"


class RulesIn(Body):
    text: str


class AreaIn(Body):
    name: str
    declared_on: Day
    members: list[MemberIn]
    rules: RulesIn | None = None


@dataclass(frozen=True)
class Member:
    code: str
    role: Role


@dataclass(frozen=True)
class DeclareArea:
    area_id: str
    name: str
    declared_on: date
    members: tuple[Member, ...]
    rules: dict[str, Any] | None


def test_a_body_becomes_its_command_with_nested_dataclasses_and_enum_members() -> None:
    body = AreaIn.model_validate(
        {
            "name": "圏域",
            "declared_on": "2024-04-01",
            "members": [{"code": "062014", "role": "centre"}, {"code": "062103"}],
            "rules": {"text": "全会一致"},
        }
    )
    command = to_command(DeclareArea, body, area_id="a1")
    assert command == DeclareArea(
        area_id="a1",
        name="圏域",
        declared_on=date(2024, 4, 1),
        members=(Member("062014", Role.CENTRE), Member("062103", Role.PARTNER)),
        rules={"text": "全会一致"},
    )
    assert type(command.members[0].role) is Role


def test_a_field_the_command_lacks_is_an_error_not_dropped() -> None:
    @dataclass(frozen=True)
    class Narrow:
        name: str

    with pytest.raises(TypeError, match="no field declared_on, members, rules"):
        to_command(Narrow, AreaIn(name="x", declared_on=date(2024, 4, 1), members=[]))


class Painted(BaseModel):
    role: Annotated[Role, AS_LITERAL]
    partner_only: Annotated[Literal[Role.PARTNER], AS_LITERAL] = Role.PARTNER


def test_as_literal_documents_and_refuses_an_enum_like_the_literal_it_replaces() -> None:
    schema = Painted.model_json_schema()["properties"]
    assert schema["role"] == {"enum": ["centre", "partner"], "title": "Role", "type": "string"}
    assert schema["partner_only"]["const"] == "partner"  # as Literal["partner"] documents it
    assert Painted.model_validate({"role": "centre"}).role is Role.CENTRE
    with pytest.raises(ValidationError) as refused:
        Painted.model_validate({"role": "mayor"})
    assert refused.value.errors()[0]["type"] == "literal_error"
    with pytest.raises(ValidationError):
        Painted.model_validate({"role": "centre", "partner_only": "centre"})
    assert json.loads(Painted(role=Role.PARTNER).model_dump_json()) == {
        "role": "partner",
        "partner_only": "partner",
    }
