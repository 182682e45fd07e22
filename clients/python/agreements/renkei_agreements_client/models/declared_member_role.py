from enum import StrEnum


class DeclaredMemberRole(StrEnum):
    OBSERVER = "observer"
    PARTNER = "partner"

    def __str__(self) -> str:
        return str(self.value)
