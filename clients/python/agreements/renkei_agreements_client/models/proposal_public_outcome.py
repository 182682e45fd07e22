from enum import StrEnum


class ProposalPublicOutcome(StrEnum):
    BLOCKED = "blocked"
    PENDING = "pending"
    REACHED = "reached"

    def __str__(self) -> str:
        return str(self.value)
