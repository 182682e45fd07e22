from enum import StrEnum


class ListDispatchesStatusType0(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"
    FLAGGED = "flagged"

    def __str__(self) -> str:
        return str(self.value)
