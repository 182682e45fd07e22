"""ORM tables of the groups service; importing this package registers every table on Base.metadata."""

from renkei_groups.adapters.orm.base import Base
from renkei_groups.adapters.orm.effects import (
    AnnualReportRow,
    ContractRow,
    CoordinationRequestRow,
    LeasedAssetRow,
    LeaseRow,
    SupervisionActRow,
    SupportRow,
)
from renkei_groups.adapters.orm.groups import GroupMemberRow, GroupRow, PublicNoticeRow
from renkei_groups.adapters.orm.profiles import OrdinanceProfileRow

__all__ = [
    "AnnualReportRow",
    "Base",
    "ContractRow",
    "CoordinationRequestRow",
    "GroupMemberRow",
    "GroupRow",
    "LeaseRow",
    "LeasedAssetRow",
    "OrdinanceProfileRow",
    "PublicNoticeRow",
    "SupervisionActRow",
    "SupportRow",
]
