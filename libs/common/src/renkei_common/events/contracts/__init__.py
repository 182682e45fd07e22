"""Payload contracts of every domain event: the one place producers and consumers agree on.

One module per producing service; this package re-exports them all and keeps the catalogue by type.
JSON Schemas and the AsyncAPI document under `libs/common/contracts/` are generated from these models
(`python -m renkei_common.events.schemas write`), and a test fails on an incompatible change that does
not come with a new version.
"""

from __future__ import annotations

from renkei_common.events.contracts.agreements import *  # noqa: F403
from renkei_common.events.contracts.base import *  # noqa: F403
from renkei_common.events.contracts.base import EventPayload
from renkei_common.events.contracts.finance import *  # noqa: F403
from renkei_common.events.contracts.groups import *  # noqa: F403
from renkei_common.events.contracts.staffing import *  # noqa: F403


def _all_payloads() -> list[type[EventPayload]]:
    found: list[type[EventPayload]] = []
    stack: list[type[EventPayload]] = list(EventPayload.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if "event_name" in cls.__dict__:
            found.append(cls)
    return sorted(found, key=lambda c: c.type_name())


CATALOGUE: dict[str, type[EventPayload]] = {cls.type_name(): cls for cls in _all_payloads()}
