from enum import StrEnum


class CostKind(StrEnum):
    PERSONNEL = "personnel"
    RECRUITMENT = "recruitment"

    def __str__(self) -> str:
        return str(self.value)
