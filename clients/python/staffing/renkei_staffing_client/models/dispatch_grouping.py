from enum import StrEnum


class DispatchGrouping(StrEnum):
    MUNICIPALITY = "municipality"
    PREFECTURE = "prefecture"
    PROFESSION = "profession"

    def __str__(self) -> str:
        return str(self.value)
