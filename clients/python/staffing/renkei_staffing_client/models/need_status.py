from enum import StrEnum


class NeedStatus(StrEnum):
    CANCELLED = "cancelled"
    FILLED = "filled"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
