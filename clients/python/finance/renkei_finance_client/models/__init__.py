"""Contains all the data models used in inputs/outputs"""

from .actual_public import ActualPublic
from .actual_put import ActualPut
from .agreement_projection_public import AgreementProjectionPublic
from .agreement_projections_public import AgreementProjectionsPublic
from .attempt_public import AttemptPublic
from .budget_change_in import BudgetChangeIn
from .comparison_public import ComparisonPublic
from .comparisons_public import ComparisonsPublic
from .consistency_public import ConsistencyPublic
from .consistency_public_problems_item import ConsistencyPublicProblemsItem
from .contribution_public import ContributionPublic
from .contribution_public_formula import ContributionPublicFormula
from .contributions_public import ContributionsPublic
from .dead_letter_public import DeadLetterPublic
from .dead_letters_public import DeadLettersPublic
from .delivery_list import DeliveryList
from .delivery_public import DeliveryPublic
from .delivery_queued import DeliveryQueued
from .dispatch_projection_public import DispatchProjectionPublic
from .dispatch_projections_public import DispatchProjectionsPublic
from .endpoint_create import EndpointCreate
from .endpoint_list import EndpointList
from .endpoint_patch import EndpointPatch
from .endpoint_public import EndpointPublic
from .endpoint_with_secret import EndpointWithSecret
from .event_page import EventPage
from .event_page_events_item import EventPageEventsItem
from .event_types import EventTypes
from .field_error import FieldError
from .get_report_encoding import GetReportEncoding
from .get_report_format import GetReportFormat
from .group_funding_public import GroupFundingPublic
from .group_projection_public import GroupProjectionPublic
from .group_projections_public import GroupProjectionsPublic
from .join_in import JoinIn
from .leave_in import LeaveIn
from .level import Level
from .line_public import LinePublic
from .line_public_inputs import LinePublicInputs
from .lines_public import LinesPublic
from .list_dispatches_status_type_0 import ListDispatchesStatusType0
from .measure import Measure
from .outbox_status import OutboxStatus
from .population_change_in import PopulationChangeIn
from .problem import Problem
from .prune_request import PruneRequest
from .prune_result import PruneResult
from .replay_result import ReplayResult
from .report_public import ReportPublic
from .report_public_columns import ReportPublicColumns
from .report_row_public import ReportRowPublic
from .rule_change_in import RuleChangeIn
from .rule_change_in_confidence import RuleChangeInConfidence
from .rule_change_in_params import RuleChangeInParams
from .rule_public import RulePublic
from .rule_public_confidence import RulePublicConfidence
from .rule_public_origin import RulePublicOrigin
from .rule_public_params import RulePublicParams
from .rule_put import RulePut
from .rule_put_confidence import RulePutConfidence
from .rule_put_params import RulePutParams
from .rules_public import RulesPublic
from .run_public import RunPublic
from .run_public_changes_item import RunPublicChangesItem
from .runs_public import RunsPublic
from .sim_line import SimLine
from .sim_line_inputs import SimLineInputs
from .simulation_in import SimulationIn
from .simulation_out import SimulationOut

__all__ = (
    "ActualPublic",
    "ActualPut",
    "AgreementProjectionPublic",
    "AgreementProjectionsPublic",
    "AttemptPublic",
    "BudgetChangeIn",
    "ComparisonPublic",
    "ComparisonsPublic",
    "ConsistencyPublic",
    "ConsistencyPublicProblemsItem",
    "ContributionPublic",
    "ContributionPublicFormula",
    "ContributionsPublic",
    "DeadLetterPublic",
    "DeadLettersPublic",
    "DeliveryList",
    "DeliveryPublic",
    "DeliveryQueued",
    "DispatchProjectionPublic",
    "DispatchProjectionsPublic",
    "EndpointCreate",
    "EndpointList",
    "EndpointPatch",
    "EndpointPublic",
    "EndpointWithSecret",
    "EventPage",
    "EventPageEventsItem",
    "EventTypes",
    "FieldError",
    "GetReportEncoding",
    "GetReportFormat",
    "GroupFundingPublic",
    "GroupProjectionPublic",
    "GroupProjectionsPublic",
    "JoinIn",
    "LeaveIn",
    "Level",
    "LinePublic",
    "LinePublicInputs",
    "LinesPublic",
    "ListDispatchesStatusType0",
    "Measure",
    "OutboxStatus",
    "PopulationChangeIn",
    "Problem",
    "PruneRequest",
    "PruneResult",
    "ReplayResult",
    "ReportPublic",
    "ReportPublicColumns",
    "ReportRowPublic",
    "RuleChangeIn",
    "RuleChangeInConfidence",
    "RuleChangeInParams",
    "RulePublic",
    "RulePublicConfidence",
    "RulePublicOrigin",
    "RulePublicParams",
    "RulePut",
    "RulePutConfidence",
    "RulePutParams",
    "RulesPublic",
    "RunPublic",
    "RunPublicChangesItem",
    "RunsPublic",
    "SimLine",
    "SimLineInputs",
    "SimulationIn",
    "SimulationOut",
)
