from enum import StrEnum


class RequirementRulePublicAreaType(StrEnum):
    METROPOLITAN = "metropolitan"
    SETTLEMENT = "settlement"

    def __str__(self) -> str:
        return str(self.value)
