from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    IN_FORCE = "in_force"
    TERMINATED = "terminated"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
