from enum import StrEnum


class AgreementPublicKind(StrEnum):
    RENKEI_KYOYAKU = "renkei_kyoyaku"
    TEIJU_JIRITSU_KYOTEI = "teiju_jiritsu_kyotei"

    def __str__(self) -> str:
        return str(self.value)
