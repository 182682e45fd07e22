"""The closed vocabularies of the groups domain, shared by the domain, the tables, the API and the events.

The ones that travel in events are declared with the event contracts (one source for producer and
consumers) and re-exported here; the others are the service's own.
"""

from enum import StrEnum

from renkei_common.events.contracts.groups import (
    ApplicationStatus,
    CoordinationStatus,
    DocumentKind,
    OrganisationKind,
    Outcome,
    SupervisionKind,
    SupportKind,
)

__all__ = [
    "ApplicationStatus",
    "CoordinationStatus",
    "DocumentKind",
    "MemberKind",
    "NoticeKind",
    "OrganisationKind",
    "Outcome",
    "SupervisionKind",
    "SupportKind",
]


class MemberKind(StrEnum):
    """A direct member of the group: a person, or an organisation (自治会, PTA, NPO法人 ...)."""

    individual = "individual"
    organisation = "organisation"


class NoticeKind(StrEnum):
    """Public notices (告示) of the designation."""

    designation = "designation"
    change = "change"
    revocation = "revocation"
