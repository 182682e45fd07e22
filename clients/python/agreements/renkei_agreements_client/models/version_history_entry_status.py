from enum import StrEnum


class VersionHistoryEntryStatus(StrEnum):
    IN_FORCE = "in_force"
    PENDING = "pending"
    SUPERSEDED = "superseded"
    TERMINATED = "terminated"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
