from enum import StrEnum


class NotificationTargetPublicAuthority(StrEnum):
    GOVERNOR = "governor"
    MINISTER = "minister"

    def __str__(self) -> str:
        return str(self.value)
