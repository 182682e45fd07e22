from enum import StrEnum


class ProposalPublicSubjectType(StrEnum):
    AGREEMENT = "agreement"
    AREA = "area"

    def __str__(self) -> str:
        return str(self.value)
