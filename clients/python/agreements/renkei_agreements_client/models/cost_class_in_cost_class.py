from enum import StrEnum


class CostClassInCostClass(StrEnum):
    CONSTRUCTION = "construction"
    MAINTENANCE = "maintenance"
    OPERATION = "operation"

    def __str__(self) -> str:
        return str(self.value)
