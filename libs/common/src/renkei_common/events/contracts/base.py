"""The base of every event payload contract, and the field types services share.

JSON Schemas and the AsyncAPI document under `libs/common/contracts/` are generated from these models
(`python -m renkei_common.events.schemas write`), and a test fails on an incompatible change that does
not come with a new version.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema

from renkei_common.events.envelope import event_type

LocalGovernmentCode = Annotated[
    str, Field(pattern=r"^\d{6}$", description="6-digit 団体コード with check digit")
]


class AsLiteral:
    """Marks a StrEnum field to be validated and documented as the Literal of its values.

    `Annotated[AreaType, AS_LITERAL]` is an AreaType in Python, and in JSON Schema the inline
    `{"enum": [...], "type": "string"}` a Literal gives (no `$ref`), refused with `literal_error`: values
    that were Literals before they were enums keep their published schemas and error rules.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        # `source` is the enum, or a Literal of some of its members (a field admitting only those).
        members = get_args(source) if get_origin(source) is Literal else tuple(source)
        enum = type(members[0])
        values = tuple(member.value for member in members)
        return core_schema.no_info_after_validator_function(enum, handler(Literal.__getitem__(values)))


AS_LITERAL = AsLiteral()


class AreaType(StrEnum):
    METROPOLITAN = "metropolitan"  # 連携中枢都市圏
    SETTLEMENT = "settlement"  # 定住自立圏
    WIDE_AREA = "wide_area"  # other wide-area cooperation (広域連携)


class AgreementKind(StrEnum):
    RENKEI_KYOYAKU = "renkei_kyoyaku"  # 連携協約, LAA art. 252-2
    TEIJU_JIRITSU_KYOTEI = "teiju_jiritsu_kyotei"  # 定住自立圏形成協定, under MIC's 定住自立圏構想推進要綱


class EventPayload(BaseModel):
    """Base of every payload. Subclasses set the class variables that name the event.

    Unknown fields are ignored, so that adding an optional field never breaks an older consumer.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    service: ClassVar[str]
    event_name: ClassVar[str]
    version: ClassVar[int] = 1
    aggregate: ClassVar[str]
    description: ClassVar[str] = ""
    # Who may see the event (ADR 0011): the governments its 団体コード fields name, found from the schema,
    # plus the org ids in these fields (a group sees its own events), or everyone for reference data.
    audience_fields: ClassVar[tuple[str, ...]] = ()
    public: ClassVar[bool] = False

    @classmethod
    def type_name(cls) -> str:
        return event_type(cls.service, cls.event_name, cls.version)

    @classmethod
    def audience(cls, data: dict[str, Any]) -> frozenset[str]:
        """The org codes this event concerns: parties, members, subject governments (and their groups)."""
        from renkei_common.events.visibility import codes_in

        return codes_in(cls, data)
