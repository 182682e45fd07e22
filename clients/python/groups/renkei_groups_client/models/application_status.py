from enum import StrEnum


class ApplicationStatus(StrEnum):
    DESIGNATED = "designated"
    DRAFT = "draft"
    REJECTED = "rejected"
    REVOKED = "revoked"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
