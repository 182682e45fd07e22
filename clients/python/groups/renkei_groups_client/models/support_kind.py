from enum import StrEnum


class SupportKind(StrEnum):
    GRANT = "grant"
    INFORMATION = "information"

    def __str__(self) -> str:
        return str(self.value)
