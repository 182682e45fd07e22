from enum import StrEnum


class EndReason(StrEnum):
    AGREEMENT_TERMINATED = "agreement_terminated"
    COMPLETED = "completed"
    EMPLOYMENT_ENDED = "employment_ended"
    OTHER = "other"
    RECALLED = "recalled"

    def __str__(self) -> str:
        return str(self.value)
