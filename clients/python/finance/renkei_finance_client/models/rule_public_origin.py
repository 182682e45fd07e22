from enum import StrEnum


class RulePublicOrigin(StrEnum):
    DEFAULT = "default"
    NATIONAL = "national"

    def __str__(self) -> str:
        return str(self.value)
