from enum import StrEnum


class ProjectInBondEligibilityType0(StrEnum):
    INDUSTRY = "industry"
    MEDICAL_WELFARE = "medical_welfare"
    PUBLIC_TRANSPORT = "public_transport"

    def __str__(self) -> str:
        return str(self.value)
