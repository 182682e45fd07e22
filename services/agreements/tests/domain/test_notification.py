"""Who an agreement is notified to: 総務大臣 with a prefecture party, otherwise the governor(s)."""

from __future__ import annotations

from renkei_agreements.domain.notification import MINISTER, NotificationTarget, notification_targets
from renkei_common.refdata import load_registry

REGISTRY = load_registry()


def parties(a: str, b: str):  # type: ignore[no-untyped-def]
    return (REGISTRY.get(a), REGISTRY.get(b))


def test_a_prefecture_party_notifies_the_minister() -> None:
    assert notification_targets(parties("060003", "062014")) == [MINISTER]
    assert notification_targets(parties("060003", "040002")) == [MINISTER]


def test_municipalities_of_one_prefecture_notify_its_governor() -> None:
    assert notification_targets(parties("062014", "062103")) == [
        NotificationTarget("governor", "060003", "山形県知事")
    ]


def test_municipalities_of_two_prefectures_notify_each_governor() -> None:
    targets = notification_targets(parties("062014", "041009"))
    assert [t.prefecture_code for t in targets] == ["060003", "040002"]
    assert {t.authority for t in targets} == {"governor"}
