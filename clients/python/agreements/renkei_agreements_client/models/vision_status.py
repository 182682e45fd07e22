from enum import StrEnum


class VisionStatus(StrEnum):
    ADOPTED = "adopted"
    DRAFT = "draft"

    def __str__(self) -> str:
        return str(self.value)
