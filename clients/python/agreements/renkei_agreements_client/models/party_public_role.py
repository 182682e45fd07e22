from enum import StrEnum


class PartyPublicRole(StrEnum):
    CENTRE = "centre"
    PARTNER = "partner"
    PARTY = "party"

    def __str__(self) -> str:
        return str(self.value)
