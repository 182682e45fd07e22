"""The base of every event payload contract, and the field types services share.

JSON Schemas and the AsyncAPI document under `libs/common/contracts/` are generated from these models
(`python -m renkei_common.events.schemas write`), and a test fails on an incompatible change that does
not come with a new version.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from renkei_common.events.envelope import event_type

LocalGovernmentCode = Annotated[
    str, Field(pattern=r"^\d{6}$", description="6-digit 団体コード with check digit")
]

AreaType = Literal["metropolitan", "settlement", "wide_area"]
AgreementKind = Literal["renkei_kyoyaku", "teiju_jiritsu_kyotei"]


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

    @classmethod
    def type_name(cls) -> str:
        return event_type(cls.service, cls.event_name, cls.version)
