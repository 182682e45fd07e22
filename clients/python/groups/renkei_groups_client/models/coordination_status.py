from enum import StrEnum


class CoordinationStatus(StrEnum):
    ANSWERED = "answered"
    IN_COORDINATION = "in_coordination"
    RECEIVED = "received"

    def __str__(self) -> str:
        return str(self.value)
