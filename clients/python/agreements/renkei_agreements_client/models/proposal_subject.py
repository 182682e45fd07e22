from enum import StrEnum


class ProposalSubject(StrEnum):
    AGREEMENT = "agreement"
    AREA = "area"

    def __str__(self) -> str:
        return str(self.value)
