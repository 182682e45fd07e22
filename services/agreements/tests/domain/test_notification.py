"""Who notifies whom: each party its own authority (総務大臣 with a prefecture party, else its governor)."""

from __future__ import annotations

from datetime import date

from renkei_agreements.domain.lifecycle import AgreementLifecycle, Procedure, Step, StepRecord
from renkei_agreements.domain.notification import (
    MINISTER,
    NotificationTarget,
    PartyNotification,
    notification_targets,
    party_notifications,
    target_for,
)
from renkei_common.refdata import LocalGovernment, load_registry

REGISTRY = load_registry()
FUKUYAMA, IBARA = "342076", "332071"  # 福山市 (広島県) and 井原市 (岡山県)
HIROSHIMA_GOVERNOR = NotificationTarget("governor", "340006", "広島県知事")
OKAYAMA_GOVERNOR = NotificationTarget("governor", "330001", "岡山県知事")


def parties(a: str, b: str) -> tuple[LocalGovernment, LocalGovernment]:
    return (REGISTRY.get(a), REGISTRY.get(b))


def test_a_prefecture_party_notifies_the_minister() -> None:
    assert notification_targets(parties("060003", "062014")) == [MINISTER]
    assert notification_targets(parties("062014", "060003")) == [MINISTER]
    assert notification_targets(parties("060003", "040002")) == [MINISTER]
    both = parties("062014", "060003")
    assert [target_for(p, both) for p in both] == [MINISTER, MINISTER]


def test_municipalities_of_one_prefecture_notify_its_governor() -> None:
    assert notification_targets(parties("062014", "062103")) == [
        NotificationTarget("governor", "060003", "山形県知事")
    ]


def test_municipalities_of_two_prefectures_notify_each_governor() -> None:
    assert notification_targets(parties(FUKUYAMA, IBARA)) == [HIROSHIMA_GOVERNOR, OKAYAMA_GOVERNOR]
    assert notification_targets(parties(IBARA, FUKUYAMA)) == [OKAYAMA_GOVERNOR, HIROSHIMA_GOVERNOR]


def _ready(a: str, b: str) -> Procedure:
    """A conclusion procedure whose only outstanding steps are the two notifications."""
    lifecycle = AgreementLifecycle.draft((a, b))
    assert lifecycle.procedure is not None
    for slot in lifecycle.procedure.slots()[:6]:
        number = "第1号" if slot.party else None
        lifecycle = lifecycle.record_step(
            StepRecord(slot.step, date(2024, 6, 1), slot.party, number)
        ).lifecycle
    assert lifecycle.procedure is not None
    return lifecycle.procedure


def test_each_party_notifies_its_own_governor_on_its_own_day() -> None:
    pair = parties(FUKUYAMA, IBARA)
    procedure = _ready(FUKUYAMA, IBARA).record(
        StepRecord(Step.NOTIFICATION, date(2024, 6, 3), FUKUYAMA, "福山市第45号")
    )
    assert party_notifications(procedure, pair) == [
        PartyNotification(FUKUYAMA, HIROSHIMA_GOVERNOR, date(2024, 6, 3), "福山市第45号"),
        PartyNotification(IBARA, OKAYAMA_GOVERNOR, None),
    ]
    procedure = procedure.record(StepRecord(Step.NOTIFICATION, date(2024, 6, 10), IBARA))
    assert [(n.party, n.target.title, n.on) for n in party_notifications(procedure, pair)] == [
        (FUKUYAMA, "広島県知事", date(2024, 6, 3)),
        (IBARA, "岡山県知事", date(2024, 6, 10)),
    ]
    assert procedure.complete and procedure.takes_effect_on == date(2024, 6, 10)


def test_a_joint_notification_is_each_party_s_notification_on_that_day() -> None:
    pair = parties("062014", "062103")
    procedure = _ready("062014", "062103").record(StepRecord(Step.NOTIFICATION, date(2024, 6, 5)))
    governor = NotificationTarget("governor", "060003", "山形県知事")
    assert party_notifications(procedure, pair) == [
        PartyNotification("062014", governor, date(2024, 6, 5), None, joint=True),
        PartyNotification("062103", governor, date(2024, 6, 5), None, joint=True),
    ]
