from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.member_consent_public_consent import MemberConsentPublicConsent
from ..models.member_consent_public_consent_basis_type_0 import MemberConsentPublicConsentBasisType0

T = TypeVar("T", bound="MemberConsentPublic")


@_attrs_define
class MemberConsentPublic:
    """
    Attributes:
        code (str):
        consent (MemberConsentPublicConsent): pending members may not be billed
        consent_basis (MemberConsentPublicConsentBasisType0 | None): lead: it registered the service; agreement: a
            party, with the lead, of the linked agreement; stated: it recorded its consent
        consented_on (datetime.date | None):
    """

    code: str
    consent: MemberConsentPublicConsent
    consent_basis: MemberConsentPublicConsentBasisType0 | None
    consented_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        consent = self.consent.value

        consent_basis: None | str
        if isinstance(self.consent_basis, MemberConsentPublicConsentBasisType0):
            consent_basis = self.consent_basis.value
        else:
            consent_basis = self.consent_basis

        consented_on: None | str
        if isinstance(self.consented_on, datetime.date):
            consented_on = self.consented_on.isoformat()
        else:
            consented_on = self.consented_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "consent": consent,
                "consent_basis": consent_basis,
                "consented_on": consented_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        consent = MemberConsentPublicConsent(d.pop("consent"))

        def _parse_consent_basis(data: object) -> MemberConsentPublicConsentBasisType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_basis_type_0 = MemberConsentPublicConsentBasisType0(data)

                return consent_basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MemberConsentPublicConsentBasisType0 | None, data)

        consent_basis = _parse_consent_basis(d.pop("consent_basis"))

        def _parse_consented_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consented_on_type_0 = datetime.date.fromisoformat(data)

                return consented_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        consented_on = _parse_consented_on(d.pop("consented_on"))

        member_consent_public = cls(
            code=code,
            consent=consent,
            consent_basis=consent_basis,
            consented_on=consented_on,
        )

        member_consent_public.additional_properties = d
        return member_consent_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
