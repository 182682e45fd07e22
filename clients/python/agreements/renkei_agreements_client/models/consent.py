from enum import StrEnum


class Consent(StrEnum):
    CONSENTED = "consented"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
