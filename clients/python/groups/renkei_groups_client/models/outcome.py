from enum import StrEnum


class Outcome(StrEnum):
    MET = "met"
    NEEDS_JUDGEMENT = "needs_judgement"
    NOT_MET = "not_met"

    def __str__(self) -> str:
        return str(self.value)
