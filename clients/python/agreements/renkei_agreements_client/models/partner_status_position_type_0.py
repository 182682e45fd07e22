from enum import StrEnum


class PartnerStatusPositionType0(StrEnum):
    AGREED = "agreed"
    CONSULTED = "consulted"
    OBJECTED = "objected"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
