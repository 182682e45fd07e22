"""Schemas of the open-data endpoints: public notices (告示); OCDS documents are plain JSON objects."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict
from renkei_common.api_deps import Page

from renkei_groups.domain.kinds import NoticeKind


class NoticePublic(BaseModel):
    """A notice as published: the group as an organisation, never its members."""

    model_config = ConfigDict(from_attributes=True)
    id: str
    group_id: str
    municipality_code: str
    kind: NoticeKind
    notice_number: str
    noticed_on: date
    group_name: str
    office: str
    area: str
    summary: str


class NoticesPublic(Page):
    data: list[NoticePublic]
