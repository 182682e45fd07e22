from enum import StrEnum


class MemberRole(StrEnum):
    CENTRE = "centre"
    OBSERVER = "observer"
    PARTNER = "partner"

    def __str__(self) -> str:
        return str(self.value)
