"""The finance consumer as the service builds it, reporting when each batch's transaction committed."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from renkei_common.db import Database
from renkei_common.events.consumer import EventProcessor
from renkei_common.events.contracts import AgreementAmended, AgreementTerminated
from renkei_common.events.envelope import EventEnvelope
from renkei_common.events.kafka_consumer import KafkaConsumerRunner
from renkei_finance.consumers import HANDLERS
from sqlalchemy.ext.asyncio import AsyncSession

from .common import TOPIC, kafka_options

OnDone = Callable[[float, list[str]], None]


class CompletionRunner(KafkaConsumerRunner):
    """The library's runner, unchanged but for a report after each partition batch.

    `_handle_partition` returns once `EventProcessor.process_batch` returned, i.e. once the inbox and
    projection rows of the whole batch committed (or, on the fallback path, each event's own
    transaction did): that instant is the end of the event's end-to-end latency."""

    def __init__(self, *, on_done: OnDone, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_done = on_done
        self.batch_sizes: list[int] = []

    async def _handle_partition(self, tp: Any, records: list[Any], stop: Any) -> int | None:
        offset = await super()._handle_partition(tp, records, stop)
        if offset is not None:
            self.on_done(time.time(), [r.key.decode() for r in records])
            self.batch_sizes.append(len(records))
        return offset

    def assigned(self) -> bool:
        return bool(self.consumer is not None and self.consumer.assignment())


async def _trivial(envelope: EventEnvelope, session: AsyncSession) -> None:
    return None


# The backbone's baseline: the inbox only, for the agreement events the benches send.
TRIVIAL = {t: _trivial for t in (AgreementTerminated.type_name(), AgreementAmended.type_name())}


def finance_runner(
    db: Database, bootstrap: str, group: str, on_done: OnDone, *, trivial: bool = False
) -> CompletionRunner:
    """As renkei_common.runtime builds it for finance (no DLQ producer: nothing fails here); with
    `trivial`, the same runner with a handler that does nothing (the inbox row only)."""
    processor = EventProcessor(db=db, consumer="finance", handlers=TRIVIAL if trivial else HANDLERS)
    return CompletionRunner(
        processor=processor,
        topics=[TOPIC],
        options=kafka_options(bootstrap, "finance"),
        group_id=group,
        on_done=on_done,
    )
