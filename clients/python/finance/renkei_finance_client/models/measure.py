from enum import StrEnum


class Measure(StrEnum):
    BOND_INCLUSION = "bond_inclusion"
    METROPOLITAN_CORE_ORDINARY = "metropolitan_core_ordinary"
    METROPOLITAN_CORE_SPECIAL = "metropolitan_core_special"
    METROPOLITAN_PARTNER_SPECIAL = "metropolitan_partner_special"
    OUTSIDE_EXPERTS = "outside_experts"
    SETTLEMENT_CENTRE_SPECIAL = "settlement_centre_special"
    SETTLEMENT_NEIGHBOUR_SPECIAL = "settlement_neighbour_special"
    SPECIALISTS = "specialists"

    def __str__(self) -> str:
        return str(self.value)
