from enum import StrEnum


class Flag(StrEnum):
    CORE_CITY = "core_city"
    DESIGNATED_CITY = "designated_city"
    PREFECTURAL_CAPITAL = "prefectural_capital"

    def __str__(self) -> str:
        return str(self.value)
