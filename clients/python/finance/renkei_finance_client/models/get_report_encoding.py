from enum import StrEnum


class GetReportEncoding(StrEnum):
    CP932 = "cp932"
    UTF_8 = "utf-8"

    def __str__(self) -> str:
        return str(self.value)
