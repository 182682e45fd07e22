"""Contains all the data models used in inputs/outputs"""

from .activity_in import ActivityIn
from .application_create import ApplicationCreate
from .application_public import ApplicationPublic
from .application_public_activities_item import ApplicationPublicActivitiesItem
from .application_public_documents_item import ApplicationPublicDocumentsItem
from .application_public_representative_type_0 import ApplicationPublicRepresentativeType0
from .application_status import ApplicationStatus
from .applications_public import ApplicationsPublic
from .attempt_public import AttemptPublic
from .change_in import ChangeIn
from .contract_in import ContractIn
from .contract_public import ContractPublic
from .coordination_in import CoordinationIn
from .coordination_public import CoordinationPublic
from .coordination_status import CoordinationStatus
from .coordination_update import CoordinationUpdate
from .coordinations_public import CoordinationsPublic
from .dead_letter_public import DeadLetterPublic
from .dead_letters_public import DeadLettersPublic
from .decision_in import DecisionIn
from .delivery_list import DeliveryList
from .delivery_public import DeliveryPublic
from .delivery_queued import DeliveryQueued
from .document_in import DocumentIn
from .document_kind import DocumentKind
from .effects_public import EffectsPublic
from .endpoint_create import EndpointCreate
from .endpoint_list import EndpointList
from .endpoint_patch import EndpointPatch
from .endpoint_public import EndpointPublic
from .endpoint_with_secret import EndpointWithSecret
from .event_page import EventPage
from .event_page_events_item import EventPageEventsItem
from .event_types import EventTypes
from .field_error import FieldError
from .finding_public import FindingPublic
from .labelled_code_in import LabelledCodeIn
from .labelled_code_public import LabelledCodePublic
from .lease_in import LeaseIn
from .lease_public import LeasePublic
from .member_in import MemberIn
from .member_kind import MemberKind
from .member_public import MemberPublic
from .member_summary import MemberSummary
from .membership_rules_in import MembershipRulesIn
from .membership_rules_public import MembershipRulesPublic
from .notice_kind import NoticeKind
from .notice_public import NoticePublic
from .notices_public import NoticesPublic
from .organisation_kind import OrganisationKind
from .outbox_status import OutboxStatus
from .outcome import Outcome
from .overdue_report_public import OverdueReportPublic
from .overdue_reports_public import OverdueReportsPublic
from .problem import Problem
from .profile_create import ProfileCreate
from .profile_public import ProfilePublic
from .profiles_public import ProfilesPublic
from .prune_request import PruneRequest
from .prune_result import PruneResult
from .replay_result import ReplayResult
from .report_in import ReportIn
from .report_public import ReportPublic
from .representative_in import RepresentativeIn
from .revocation_in import RevocationIn
from .revocation_public import RevocationPublic
from .submit_in import SubmitIn
from .supervision_act_in import SupervisionActIn
from .supervision_act_public import SupervisionActPublic
from .supervision_kind import SupervisionKind
from .support_in import SupportIn
from .support_kind import SupportKind
from .support_public import SupportPublic
from .withdraw_in import WithdrawIn

__all__ = (
    "ActivityIn",
    "ApplicationCreate",
    "ApplicationPublic",
    "ApplicationPublicActivitiesItem",
    "ApplicationPublicDocumentsItem",
    "ApplicationPublicRepresentativeType0",
    "ApplicationsPublic",
    "ApplicationStatus",
    "AttemptPublic",
    "ChangeIn",
    "ContractIn",
    "ContractPublic",
    "CoordinationIn",
    "CoordinationPublic",
    "CoordinationsPublic",
    "CoordinationStatus",
    "CoordinationUpdate",
    "DeadLetterPublic",
    "DeadLettersPublic",
    "DecisionIn",
    "DeliveryList",
    "DeliveryPublic",
    "DeliveryQueued",
    "DocumentIn",
    "DocumentKind",
    "EffectsPublic",
    "EndpointCreate",
    "EndpointList",
    "EndpointPatch",
    "EndpointPublic",
    "EndpointWithSecret",
    "EventPage",
    "EventPageEventsItem",
    "EventTypes",
    "FieldError",
    "FindingPublic",
    "LabelledCodeIn",
    "LabelledCodePublic",
    "LeaseIn",
    "LeasePublic",
    "MemberIn",
    "MemberKind",
    "MemberPublic",
    "MembershipRulesIn",
    "MembershipRulesPublic",
    "MemberSummary",
    "NoticeKind",
    "NoticePublic",
    "NoticesPublic",
    "OrganisationKind",
    "OutboxStatus",
    "Outcome",
    "OverdueReportPublic",
    "OverdueReportsPublic",
    "Problem",
    "ProfileCreate",
    "ProfilePublic",
    "ProfilesPublic",
    "PruneRequest",
    "PruneResult",
    "ReplayResult",
    "ReportIn",
    "ReportPublic",
    "RepresentativeIn",
    "RevocationIn",
    "RevocationPublic",
    "SubmitIn",
    "SupervisionActIn",
    "SupervisionActPublic",
    "SupervisionKind",
    "SupportIn",
    "SupportKind",
    "SupportPublic",
    "WithdrawIn",
)
