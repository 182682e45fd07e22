from enum import StrEnum


class FlagReason(StrEnum):
    AGREEMENT_TERMINATED = "agreement_terminated"
    PARTY_LEFT_AGREEMENT = "party_left_agreement"

    def __str__(self) -> str:
        return str(self.value)
