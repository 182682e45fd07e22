"""Contains all the data models used in inputs/outputs"""

from .actual_public import ActualPublic
from .admitted_override_public import AdmittedOverridePublic
from .adoption_create import AdoptionCreate
from .agreement_create import AgreementCreate
from .agreement_create_kind import AgreementCreateKind
from .agreement_kind import AgreementKind
from .agreement_public import AgreementPublic
from .agreement_public_kind import AgreementPublicKind
from .agreement_public_status import AgreementPublicStatus
from .agreement_update import AgreementUpdate
from .agreement_versions_public import AgreementVersionsPublic
from .agreements_public import AgreementsPublic
from .amendment_create import AmendmentCreate
from .area_create import AreaCreate
from .area_create_area_type import AreaCreateAreaType
from .area_member_public import AreaMemberPublic
from .area_member_public_role import AreaMemberPublicRole
from .area_public import AreaPublic
from .area_public_area_type import AreaPublicAreaType
from .area_public_declaration_inputs import AreaPublicDeclarationInputs
from .area_public_declaration_kind_type_0 import AreaPublicDeclarationKindType0
from .area_type import AreaType
from .area_update import AreaUpdate
from .areas_public import AreasPublic
from .attempt_public import AttemptPublic
from .audit_entries_public import AuditEntriesPublic
from .audit_entry_public import AuditEntryPublic
from .audit_entry_public_after_type_0 import AuditEntryPublicAfterType0
from .audit_entry_public_before_type_0 import AuditEntryPublicBeforeType0
from .authority import Authority
from .basis_weights import BasisWeights
from .bond_field import BondField
from .budget_in import BudgetIn
from .budget_public import BudgetPublic
from .centre_in import CentreIn
from .class_share_public import ClassSharePublic
from .confidence import Confidence
from .consensus_rules import ConsensusRules
from .consensus_rules_decision_method import ConsensusRulesDecisionMethod
from .consent import Consent
from .consent_basis import ConsentBasis
from .consent_create import ConsentCreate
from .cost_class import CostClass
from .cost_class_in import CostClassIn
from .cost_class_in_cost_class import CostClassInCostClass
from .cost_class_public import CostClassPublic
from .cost_class_public_weights import CostClassPublicWeights
from .cost_sharing_public import CostSharingPublic
from .cost_sharing_public_weights import CostSharingPublicWeights
from .cost_sharing_put import CostSharingPut
from .cost_sharing_put_rounding import CostSharingPutRounding
from .dead_letter_public import DeadLetterPublic
from .dead_letters_public import DeadLettersPublic
from .decision_method import DecisionMethod
from .declaration_kind import DeclarationKind
from .declared_member import DeclaredMember
from .declared_member_role import DeclaredMemberRole
from .delivery_list import DeliveryList
from .delivery_public import DeliveryPublic
from .delivery_queued import DeliveryQueued
from .dispute_create import DisputeCreate
from .dispute_public import DisputePublic
from .dispute_public_status import DisputePublicStatus
from .dispute_status import DisputeStatus
from .dispute_update import DisputeUpdate
from .disputes_public import DisputesPublic
from .endpoint_create import EndpointCreate
from .endpoint_list import EndpointList
from .endpoint_patch import EndpointPatch
from .endpoint_public import EndpointPublic
from .endpoint_with_secret import EndpointWithSecret
from .event_page import EventPage
from .event_page_events_item import EventPageEventsItem
from .event_types import EventTypes
from .field_error import FieldError
from .flag import Flag
from .kind import Kind
from .kpi_actual_create import KpiActualCreate
from .kpi_in import KpiIn
from .kpi_public import KpiPublic
from .kpi_report_public import KpiReportPublic
from .kpi_year import KpiYear
from .list_agreements_kind_type_0 import ListAgreementsKindType0
from .list_agreements_status_type_0 import ListAgreementsStatusType0
from .list_areas_area_type_type_0 import ListAreasAreaTypeType0
from .member_consent_public import MemberConsentPublic
from .member_consent_public_consent import MemberConsentPublicConsent
from .member_consent_public_consent_basis_type_0 import MemberConsentPublicConsentBasisType0
from .member_create import MemberCreate
from .member_create_role import MemberCreateRole
from .member_role import MemberRole
from .member_share_public import MemberSharePublic
from .member_update import MemberUpdate
from .member_usage import MemberUsage
from .municipalities_public import MunicipalitiesPublic
from .municipality_public import MunicipalityPublic
from .municipality_public_kind import MunicipalityPublicKind
from .notification_target_public import NotificationTargetPublic
from .notification_target_public_authority import NotificationTargetPublicAuthority
from .outbox_status import OutboxStatus
from .partner_status import PartnerStatus
from .partner_status_position_type_0 import PartnerStatusPositionType0
from .party_notification_public import PartyNotificationPublic
from .party_public import PartyPublic
from .party_public_role import PartyPublicRole
from .party_role import PartyRole
from .population_change import PopulationChange
from .population_import_public import PopulationImportPublic
from .position import Position
from .position_create import PositionCreate
from .position_create_position import PositionCreatePosition
from .position_public import PositionPublic
from .position_public_position import PositionPublicPosition
from .problem import Problem
from .procedure_public import ProcedurePublic
from .procedure_public_purpose import ProcedurePublicPurpose
from .procedure_public_status import ProcedurePublicStatus
from .procedure_status import ProcedureStatus
from .project_in import ProjectIn
from .project_in_bond_eligibility_type_0 import ProjectInBondEligibilityType0
from .project_public import ProjectPublic
from .project_public_bond_eligibility_type_0 import ProjectPublicBondEligibilityType0
from .proposal_create import ProposalCreate
from .proposal_create_subject_type import ProposalCreateSubjectType
from .proposal_outcome import ProposalOutcome
from .proposal_public import ProposalPublic
from .proposal_public_decision_method_type_0 import ProposalPublicDecisionMethodType0
from .proposal_public_outcome import ProposalPublicOutcome
from .proposal_public_subject_type import ProposalPublicSubjectType
from .proposal_subject import ProposalSubject
from .proposals_public import ProposalsPublic
from .prune_request import PruneRequest
from .prune_result import PruneResult
from .purpose import Purpose
from .recommendation_create import RecommendationCreate
from .recommendation_create_issued_by import RecommendationCreateIssuedBy
from .recommendation_public import RecommendationPublic
from .recommendation_public_issued_by import RecommendationPublicIssuedBy
from .recommendations_public import RecommendationsPublic
from .replay_result import ReplayResult
from .requirement_rule_public import RequirementRulePublic
from .requirement_rule_public_area_type import RequirementRulePublicAreaType
from .requirement_rule_public_confidence import RequirementRulePublicConfidence
from .requirement_rules_public import RequirementRulesPublic
from .requirement_warning_public import RequirementWarningPublic
from .requirement_warning_public_confidence import RequirementWarningPublicConfidence
from .role_division import RoleDivision
from .rounding import Rounding
from .rule_override_create import RuleOverrideCreate
from .rule_override_public import RuleOverridePublic
from .rule_overrides_public import RuleOverridesPublic
from .shared_service_category import SharedServiceCategory
from .shared_service_create import SharedServiceCreate
from .shared_service_create_category import SharedServiceCreateCategory
from .shared_service_public import SharedServicePublic
from .shared_service_public_category import SharedServicePublicCategory
from .shared_services_public import SharedServicesPublic
from .slot_public import SlotPublic
from .slot_public_step import SlotPublicStep
from .status import Status
from .step import Step
from .step_create import StepCreate
from .step_create_step import StepCreateStep
from .step_public import StepPublic
from .step_public_step import StepPublicStep
from .subject import Subject
from .subject_type import SubjectType
from .target_in import TargetIn
from .termination_create import TerminationCreate
from .version_history_entry import VersionHistoryEntry
from .version_history_entry_status import VersionHistoryEntryStatus
from .version_public import VersionPublic
from .version_public_status import VersionPublicStatus
from .version_status import VersionStatus
from .vision_create import VisionCreate
from .vision_public import VisionPublic
from .vision_public_area_type import VisionPublicAreaType
from .vision_public_status import VisionPublicStatus
from .vision_status import VisionStatus
from .vision_update import VisionUpdate
from .visions_public import VisionsPublic
from .weight_period_in import WeightPeriodIn
from .weight_period_public import WeightPeriodPublic
from .weight_period_public_weights import WeightPeriodPublicWeights
from .weights import Weights
from .withdrawal_create import WithdrawalCreate

__all__ = (
    "ActualPublic",
    "AdmittedOverridePublic",
    "AdoptionCreate",
    "AgreementCreate",
    "AgreementCreateKind",
    "AgreementKind",
    "AgreementPublic",
    "AgreementPublicKind",
    "AgreementPublicStatus",
    "AgreementsPublic",
    "AgreementUpdate",
    "AgreementVersionsPublic",
    "AmendmentCreate",
    "AreaCreate",
    "AreaCreateAreaType",
    "AreaMemberPublic",
    "AreaMemberPublicRole",
    "AreaPublic",
    "AreaPublicAreaType",
    "AreaPublicDeclarationInputs",
    "AreaPublicDeclarationKindType0",
    "AreasPublic",
    "AreaType",
    "AreaUpdate",
    "AttemptPublic",
    "AuditEntriesPublic",
    "AuditEntryPublic",
    "AuditEntryPublicAfterType0",
    "AuditEntryPublicBeforeType0",
    "Authority",
    "BasisWeights",
    "BondField",
    "BudgetIn",
    "BudgetPublic",
    "CentreIn",
    "ClassSharePublic",
    "Confidence",
    "ConsensusRules",
    "ConsensusRulesDecisionMethod",
    "Consent",
    "ConsentBasis",
    "ConsentCreate",
    "CostClass",
    "CostClassIn",
    "CostClassInCostClass",
    "CostClassPublic",
    "CostClassPublicWeights",
    "CostSharingPublic",
    "CostSharingPublicWeights",
    "CostSharingPut",
    "CostSharingPutRounding",
    "DeadLetterPublic",
    "DeadLettersPublic",
    "DecisionMethod",
    "DeclarationKind",
    "DeclaredMember",
    "DeclaredMemberRole",
    "DeliveryList",
    "DeliveryPublic",
    "DeliveryQueued",
    "DisputeCreate",
    "DisputePublic",
    "DisputePublicStatus",
    "DisputesPublic",
    "DisputeStatus",
    "DisputeUpdate",
    "EndpointCreate",
    "EndpointList",
    "EndpointPatch",
    "EndpointPublic",
    "EndpointWithSecret",
    "EventPage",
    "EventPageEventsItem",
    "EventTypes",
    "FieldError",
    "Flag",
    "Kind",
    "KpiActualCreate",
    "KpiIn",
    "KpiPublic",
    "KpiReportPublic",
    "KpiYear",
    "ListAgreementsKindType0",
    "ListAgreementsStatusType0",
    "ListAreasAreaTypeType0",
    "MemberConsentPublic",
    "MemberConsentPublicConsent",
    "MemberConsentPublicConsentBasisType0",
    "MemberCreate",
    "MemberCreateRole",
    "MemberRole",
    "MemberSharePublic",
    "MemberUpdate",
    "MemberUsage",
    "MunicipalitiesPublic",
    "MunicipalityPublic",
    "MunicipalityPublicKind",
    "NotificationTargetPublic",
    "NotificationTargetPublicAuthority",
    "OutboxStatus",
    "PartnerStatus",
    "PartnerStatusPositionType0",
    "PartyNotificationPublic",
    "PartyPublic",
    "PartyPublicRole",
    "PartyRole",
    "PopulationChange",
    "PopulationImportPublic",
    "Position",
    "PositionCreate",
    "PositionCreatePosition",
    "PositionPublic",
    "PositionPublicPosition",
    "Problem",
    "ProcedurePublic",
    "ProcedurePublicPurpose",
    "ProcedurePublicStatus",
    "ProcedureStatus",
    "ProjectIn",
    "ProjectInBondEligibilityType0",
    "ProjectPublic",
    "ProjectPublicBondEligibilityType0",
    "ProposalCreate",
    "ProposalCreateSubjectType",
    "ProposalOutcome",
    "ProposalPublic",
    "ProposalPublicDecisionMethodType0",
    "ProposalPublicOutcome",
    "ProposalPublicSubjectType",
    "ProposalsPublic",
    "ProposalSubject",
    "PruneRequest",
    "PruneResult",
    "Purpose",
    "RecommendationCreate",
    "RecommendationCreateIssuedBy",
    "RecommendationPublic",
    "RecommendationPublicIssuedBy",
    "RecommendationsPublic",
    "ReplayResult",
    "RequirementRulePublic",
    "RequirementRulePublicAreaType",
    "RequirementRulePublicConfidence",
    "RequirementRulesPublic",
    "RequirementWarningPublic",
    "RequirementWarningPublicConfidence",
    "RoleDivision",
    "Rounding",
    "RuleOverrideCreate",
    "RuleOverridePublic",
    "RuleOverridesPublic",
    "SharedServiceCategory",
    "SharedServiceCreate",
    "SharedServiceCreateCategory",
    "SharedServicePublic",
    "SharedServicePublicCategory",
    "SharedServicesPublic",
    "SlotPublic",
    "SlotPublicStep",
    "Status",
    "Step",
    "StepCreate",
    "StepCreateStep",
    "StepPublic",
    "StepPublicStep",
    "Subject",
    "SubjectType",
    "TargetIn",
    "TerminationCreate",
    "VersionHistoryEntry",
    "VersionHistoryEntryStatus",
    "VersionPublic",
    "VersionPublicStatus",
    "VersionStatus",
    "VisionCreate",
    "VisionPublic",
    "VisionPublicAreaType",
    "VisionPublicStatus",
    "VisionsPublic",
    "VisionStatus",
    "VisionUpdate",
    "WeightPeriodIn",
    "WeightPeriodPublic",
    "WeightPeriodPublicWeights",
    "Weights",
    "WithdrawalCreate",
)
