"""Contains all the data models used in inputs/outputs"""

from .attempt_public import AttemptPublic
from .candidate_public import CandidatePublic
from .candidates_public import CandidatesPublic
from .cost_kind import CostKind
from .cost_line_public import CostLinePublic
from .cost_public import CostPublic
from .cost_public_breakdown_type_0 import CostPublicBreakdownType0
from .cost_report_public import CostReportPublic
from .cost_report_public_ineligible_by_reason import CostReportPublicIneligibleByReason
from .costs_public import CostsPublic
from .coverage_public import CoveragePublic
from .dead_letter_public import DeadLetterPublic
from .dead_letters_public import DeadLettersPublic
from .delivery_list import DeliveryList
from .delivery_public import DeliveryPublic
from .delivery_queued import DeliveryQueued
from .dispatch_create import DispatchCreate
from .dispatch_end import DispatchEnd
from .dispatch_grouping import DispatchGrouping
from .dispatch_groups_public import DispatchGroupsPublic
from .dispatch_public import DispatchPublic
from .dispatch_status import DispatchStatus
from .dispatches_public import DispatchesPublic
from .end_reason import EndReason
from .endpoint_create import EndpointCreate
from .endpoint_list import EndpointList
from .endpoint_patch import EndpointPatch
from .endpoint_public import EndpointPublic
from .endpoint_with_secret import EndpointWithSecret
from .event_page import EventPage
from .event_page_events_item import EventPageEventsItem
from .event_types import EventTypes
from .factor_public import FactorPublic
from .field_error import FieldError
from .flag_reason import FlagReason
from .group_public import GroupPublic
from .licence_in import LicenceIn
from .licence_public import LicencePublic
from .need_create import NeedCreate
from .need_public import NeedPublic
from .need_status import NeedStatus
from .needs_public import NeedsPublic
from .outbox_status import OutboxStatus
from .personnel_cost_create import PersonnelCostCreate
from .problem import Problem
from .profession_create import ProfessionCreate
from .profession_public import ProfessionPublic
from .professions_public import ProfessionsPublic
from .prune_request import PruneRequest
from .prune_result import PruneResult
from .recruitment_cost_create import RecruitmentCostCreate
from .recruitment_cost_item import RecruitmentCostItem
from .recruitment_create import RecruitmentCreate
from .recruitment_public import RecruitmentPublic
from .recruitment_update import RecruitmentUpdate
from .recruitments_public import RecruitmentsPublic
from .replay_result import ReplayResult
from .specialist_create import SpecialistCreate
from .specialist_public import SpecialistPublic
from .specialist_update import SpecialistUpdate
from .specialists_public import SpecialistsPublic

__all__ = (
    "AttemptPublic",
    "CandidatePublic",
    "CandidatesPublic",
    "CostKind",
    "CostLinePublic",
    "CostPublic",
    "CostPublicBreakdownType0",
    "CostReportPublic",
    "CostReportPublicIneligibleByReason",
    "CostsPublic",
    "CoveragePublic",
    "DeadLetterPublic",
    "DeadLettersPublic",
    "DeliveryList",
    "DeliveryPublic",
    "DeliveryQueued",
    "DispatchCreate",
    "DispatchEnd",
    "DispatchesPublic",
    "DispatchGrouping",
    "DispatchGroupsPublic",
    "DispatchPublic",
    "DispatchStatus",
    "EndpointCreate",
    "EndpointList",
    "EndpointPatch",
    "EndpointPublic",
    "EndpointWithSecret",
    "EndReason",
    "EventPage",
    "EventPageEventsItem",
    "EventTypes",
    "FactorPublic",
    "FieldError",
    "FlagReason",
    "GroupPublic",
    "LicenceIn",
    "LicencePublic",
    "NeedCreate",
    "NeedPublic",
    "NeedsPublic",
    "NeedStatus",
    "OutboxStatus",
    "PersonnelCostCreate",
    "Problem",
    "ProfessionCreate",
    "ProfessionPublic",
    "ProfessionsPublic",
    "PruneRequest",
    "PruneResult",
    "RecruitmentCostCreate",
    "RecruitmentCostItem",
    "RecruitmentCreate",
    "RecruitmentPublic",
    "RecruitmentsPublic",
    "RecruitmentUpdate",
    "ReplayResult",
    "SpecialistCreate",
    "SpecialistPublic",
    "SpecialistsPublic",
    "SpecialistUpdate",
)
