"""ORM tables of the finance service: projections of other services' events, rules, lines and runs."""

from renkei_finance.adapters.orm.agreements import (
    AgreementPartyProjection,
    AgreementProjection,
    AreaMemberProjection,
    AreaProjection,
    CostShareProjection,
    CostSharingProjection,
    Government,
    VisionBudgetProjection,
    VisionProjection,
)
from renkei_finance.adapters.orm.allocations import (
    DIRTY_CHANNEL,
    EVERY_FY,
    ActualAmount,
    AllocationLineRecord,
    AllocationRun,
    DirtyCell,
    RuleRowRecord,
)
from renkei_finance.adapters.orm.base import Base
from renkei_finance.adapters.orm.groups_staffing import (
    DispatchProjection,
    GroupFundingProjection,
    GroupProjection,
    StaffingCostProjection,
)

__all__ = [
    "DIRTY_CHANNEL",
    "EVERY_FY",
    "ActualAmount",
    "AgreementPartyProjection",
    "AgreementProjection",
    "AllocationLineRecord",
    "AllocationRun",
    "AreaMemberProjection",
    "AreaProjection",
    "Base",
    "CostShareProjection",
    "CostSharingProjection",
    "DirtyCell",
    "DispatchProjection",
    "Government",
    "GroupFundingProjection",
    "GroupProjection",
    "RuleRowRecord",
    "StaffingCostProjection",
    "VisionBudgetProjection",
    "VisionProjection",
]
