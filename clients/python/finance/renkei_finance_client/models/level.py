from enum import StrEnum


class Level(StrEnum):
    AREA = "area"
    MEASURE = "measure"
    NATION = "nation"
    PREFECTURE = "prefecture"
    RECIPIENT = "recipient"

    def __str__(self) -> str:
        return str(self.value)
