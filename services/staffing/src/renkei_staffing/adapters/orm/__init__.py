"""ORM tables of the staffing service."""

from renkei_staffing.adapters.orm.base import Base
from renkei_staffing.adapters.orm.people import ProfessionRow, SpecialistRow
from renkei_staffing.adapters.orm.projections import AgreementProjection, Government
from renkei_staffing.adapters.orm.work import CostRow, DispatchRow, NeedRow, RecruitmentRow

__all__ = [
    "AgreementProjection",
    "Base",
    "CostRow",
    "DispatchRow",
    "Government",
    "NeedRow",
    "ProfessionRow",
    "RecruitmentRow",
    "SpecialistRow",
]
