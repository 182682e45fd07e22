from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.document_kind import DocumentKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentIn")


@_attrs_define
class DocumentIn:
    """
    Attributes:
        kind (DocumentKind): Documents an application attaches (申請書類).
        title (str):
        reference (None | str | Unset): where the document is filed
    """

    kind: DocumentKind
    title: str
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        title = self.title

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "title": title,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = DocumentKind(d.pop("kind"))

        title = d.pop("title")

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        document_in = cls(
            kind=kind,
            title=title,
            reference=reference,
        )

        return document_in
