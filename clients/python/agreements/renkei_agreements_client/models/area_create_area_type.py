from enum import StrEnum


class AreaCreateAreaType(StrEnum):
    METROPOLITAN = "metropolitan"
    SETTLEMENT = "settlement"
    WIDE_AREA = "wide_area"

    def __str__(self) -> str:
        return str(self.value)
