"""Who notifies an agreement to whom (届出, LAA art. 252-2 para. 2): each party, the minister or its governor.

Each party notifies on its own: 福山市 (広島県) may notify 広島県知事 on one day and 井原市 (岡山県) notify
岡山県知事 on another. The lifecycle records each party's notification, or one joint record for both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from renkei_common.refdata import LocalGovernment, prefecture_code_of

from renkei_agreements.domain.lifecycle import Procedure, Step


@dataclass(frozen=True)
class NotificationTarget:
    authority: Literal["minister", "governor"]
    # 団体コード of the governor's prefecture; None for the minister (総務大臣).
    prefecture_code: str | None
    title: str


MINISTER = NotificationTarget("minister", None, "総務大臣")


def target_for(
    party: LocalGovernment, parties: tuple[LocalGovernment, LocalGovernment]
) -> NotificationTarget:
    """Whom `party` notifies: 総務大臣 if a prefecture is a party, otherwise its own prefecture's 知事."""
    if any(p.is_prefecture for p in parties):
        return MINISTER
    return NotificationTarget("governor", prefecture_code_of(party.code), f"{party.prefecture}知事")


def notification_targets(parties: tuple[LocalGovernment, LocalGovernment]) -> list[NotificationTarget]:
    """Every authority the agreement is notified to, each once, in the parties' order.

    Municipalities of two prefectures each notify their own governor, so such an agreement has two targets.
    """
    targets: list[NotificationTarget] = []
    for party in parties:
        target = target_for(party, parties)
        if target not in targets:
            targets.append(target)
    return targets


@dataclass(frozen=True)
class PartyNotification:
    """One party's notification: to whom, and on which day (None while it has not notified)."""

    party: str
    target: NotificationTarget
    on: date | None
    number: str | None = None  # the document number, if one was given
    joint: bool = False  # recorded together with the other party's


def party_notifications(
    procedure: Procedure, parties: tuple[LocalGovernment, LocalGovernment]
) -> list[PartyNotification]:
    """Each party's notification in `procedure`, in the parties' order, done or outstanding."""
    found = []
    for party in parties:
        record = procedure.record_of(Step.NOTIFICATION, party.code)
        found.append(
            PartyNotification(
                party.code,
                target_for(party, parties),
                record.on if record else None,
                record.number if record else None,
                record is not None and record.party is None,
            )
        )
    return found
