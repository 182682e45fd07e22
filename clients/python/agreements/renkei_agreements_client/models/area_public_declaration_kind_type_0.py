from enum import StrEnum


class AreaPublicDeclarationKindType0(StrEnum):
    CHUSHIN_SHI_SENGEN = "chushin_shi_sengen"
    RENKEI_CHUSU_TOSHI_SENGEN = "renkei_chusu_toshi_sengen"

    def __str__(self) -> str:
        return str(self.value)
