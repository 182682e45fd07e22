from enum import StrEnum


class MemberConsentPublicConsent(StrEnum):
    CONSENTED = "consented"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
