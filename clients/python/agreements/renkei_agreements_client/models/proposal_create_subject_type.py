from enum import StrEnum


class ProposalCreateSubjectType(StrEnum):
    AGREEMENT = "agreement"
    AREA = "area"

    def __str__(self) -> str:
        return str(self.value)
