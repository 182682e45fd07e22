from enum import StrEnum


class CostClass(StrEnum):
    CONSTRUCTION = "construction"
    MAINTENANCE = "maintenance"
    OPERATION = "operation"

    def __str__(self) -> str:
        return str(self.value)
