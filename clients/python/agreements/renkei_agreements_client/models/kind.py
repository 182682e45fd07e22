from enum import StrEnum


class Kind(StrEnum):
    CITY = "city"
    DESIGNATED_CITY = "designated_city"
    PREFECTURE = "prefecture"
    SPECIAL_WARD = "special_ward"
    TOWN = "town"
    VILLAGE = "village"

    def __str__(self) -> str:
        return str(self.value)
