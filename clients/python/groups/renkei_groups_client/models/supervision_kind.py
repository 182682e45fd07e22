from enum import StrEnum


class SupervisionKind(StrEnum):
    CORRECTIVE_ORDER = "corrective_order"
    REPORT_REQUEST = "report_request"

    def __str__(self) -> str:
        return str(self.value)
