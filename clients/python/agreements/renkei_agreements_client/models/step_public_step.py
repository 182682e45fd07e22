from enum import StrEnum


class StepPublicStep(StrEnum):
    CONCLUSION = "conclusion"
    CONSULTATION = "consultation"
    COUNCIL_RESOLUTION = "council_resolution"
    NOTIFICATION = "notification"
    PUBLIC_NOTICE = "public_notice"

    def __str__(self) -> str:
        return str(self.value)
