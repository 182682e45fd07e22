from enum import StrEnum


class Rounding(StrEnum):
    FLOOR_TO_YEN = "floor_to_yen"
    TRUNCATE_UNDER_1000 = "truncate_under_1000"

    def __str__(self) -> str:
        return str(self.value)
