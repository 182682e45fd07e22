from enum import StrEnum


class PositionPublicPosition(StrEnum):
    AGREED = "agreed"
    CONSULTED = "consulted"
    OBJECTED = "objected"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
