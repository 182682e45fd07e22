from enum import StrEnum


class ProcedureStatus(StrEnum):
    COMPLETED = "completed"
    OPEN = "open"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
