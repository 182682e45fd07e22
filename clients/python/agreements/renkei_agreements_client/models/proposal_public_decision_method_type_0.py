from enum import StrEnum


class ProposalPublicDecisionMethodType0(StrEnum):
    CONSULTATION_ONLY = "consultation_only"
    MAJORITY = "majority"
    OTHER = "other"
    UNANIMITY = "unanimity"

    def __str__(self) -> str:
        return str(self.value)
