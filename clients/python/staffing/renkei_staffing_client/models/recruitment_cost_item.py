from enum import StrEnum


class RecruitmentCostItem(StrEnum):
    ADVERTISING = "advertising"
    AGENCY = "agency"
    BRIEFING = "briefing"
    EXAMINATION = "examination"
    OTHER = "other"
    TRAVEL = "travel"

    def __str__(self) -> str:
        return str(self.value)
