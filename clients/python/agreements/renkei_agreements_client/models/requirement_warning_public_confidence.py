from enum import StrEnum


class RequirementWarningPublicConfidence(StrEnum):
    PUBLIC = "public"
    SEED = "seed"
    UNCONFIRMED = "unconfirmed"

    def __str__(self) -> str:
        return str(self.value)
