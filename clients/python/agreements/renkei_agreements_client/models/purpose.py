from enum import StrEnum


class Purpose(StrEnum):
    AMENDMENT = "amendment"
    CONCLUSION = "conclusion"
    TERMINATION = "termination"

    def __str__(self) -> str:
        return str(self.value)
