from enum import StrEnum


class DisputeStatus(StrEnum):
    APPLIED = "applied"
    CLOSED = "closed"
    PLAN_PRESENTED = "plan_presented"

    def __str__(self) -> str:
        return str(self.value)
