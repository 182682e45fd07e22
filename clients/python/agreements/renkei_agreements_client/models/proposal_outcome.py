from enum import StrEnum


class ProposalOutcome(StrEnum):
    BLOCKED = "blocked"
    PENDING = "pending"
    REACHED = "reached"

    def __str__(self) -> str:
        return str(self.value)
