"""Who an agreement is notified to (届出, LAA art. 252-2 para. 2): the minister or the governor(s)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from renkei_common.refdata import LocalGovernment, prefecture_code_of


@dataclass(frozen=True)
class NotificationTarget:
    authority: Literal["minister", "governor"]
    # 団体コード of the governor's prefecture; None for the minister (総務大臣).
    prefecture_code: str | None
    title: str


MINISTER = NotificationTarget("minister", None, "総務大臣")


def notification_targets(parties: tuple[LocalGovernment, LocalGovernment]) -> list[NotificationTarget]:
    """総務大臣 if a prefecture is a party; otherwise the 都道府県知事 of the parties' prefecture.

    Municipalities of two prefectures each notify their own governor, so such an agreement has two targets.
    """
    if any(party.is_prefecture for party in parties):
        return [MINISTER]
    targets: dict[str, NotificationTarget] = {}
    for party in parties:
        code = prefecture_code_of(party.code)
        targets.setdefault(code, NotificationTarget("governor", code, f"{party.prefecture}知事"))
    return list(targets.values())
