from enum import StrEnum


class ConsentBasis(StrEnum):
    AGREEMENT = "agreement"
    LEAD = "lead"
    STATED = "stated"

    def __str__(self) -> str:
        return str(self.value)
