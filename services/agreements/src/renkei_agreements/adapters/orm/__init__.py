"""ORM tables of the agreements service; importing this package registers every table on Base.metadata."""

from renkei_agreements.adapters.orm.agreements import (
    AgreementRow,
    AgreementVersionRow,
    DisputeRow,
    ProcedureRow,
    RecommendationRow,
    StepRow,
)
from renkei_agreements.adapters.orm.areas import AreaMemberRow, AreaRow
from renkei_agreements.adapters.orm.base import Base
from renkei_agreements.adapters.orm.consensus import PositionRow, ProposalRow
from renkei_agreements.adapters.orm.municipalities import Municipality, MunicipalityRow, PopulationImportRow
from renkei_agreements.adapters.orm.rule_overrides import RuleOverrideRow
from renkei_agreements.adapters.orm.shared_services import (
    CostSharingRow,
    SharedServiceMemberRow,
    SharedServiceRow,
)
from renkei_agreements.adapters.orm.visions import KpiActualRow, KpiRow, ProjectRow, VisionRow

__all__ = [
    "AgreementRow",
    "AgreementVersionRow",
    "AreaMemberRow",
    "AreaRow",
    "Base",
    "CostSharingRow",
    "DisputeRow",
    "KpiActualRow",
    "KpiRow",
    "Municipality",
    "MunicipalityRow",
    "PopulationImportRow",
    "PositionRow",
    "ProcedureRow",
    "ProjectRow",
    "ProposalRow",
    "RecommendationRow",
    "RuleOverrideRow",
    "SharedServiceMemberRow",
    "SharedServiceRow",
    "StepRow",
    "VisionRow",
]
