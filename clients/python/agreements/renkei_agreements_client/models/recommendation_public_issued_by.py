from enum import StrEnum


class RecommendationPublicIssuedBy(StrEnum):
    GOVERNOR = "governor"
    MINISTER = "minister"

    def __str__(self) -> str:
        return str(self.value)
