from enum import StrEnum


class NoticeKind(StrEnum):
    CHANGE = "change"
    DESIGNATION = "designation"
    REVOCATION = "revocation"

    def __str__(self) -> str:
        return str(self.value)
