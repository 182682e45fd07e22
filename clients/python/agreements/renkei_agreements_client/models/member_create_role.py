from enum import StrEnum


class MemberCreateRole(StrEnum):
    OBSERVER = "observer"
    PARTNER = "partner"

    def __str__(self) -> str:
        return str(self.value)
