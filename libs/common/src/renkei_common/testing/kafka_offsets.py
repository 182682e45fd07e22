"""Start a test's consumer group at the end of shared topics, so it reads only what the test publishes."""

from __future__ import annotations

from collections.abc import Iterable

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient


async def start_group_at_end(bootstrap: str, group: str, topics: Iterable[str]) -> None:
    """Commit `group`'s offsets at the end of `topics` (those that exist).

    A suite shares one broker: its topics hold every earlier test's events, and a fresh group would read
    them all first, which only makes a test slow (or time out on a loaded machine).
    """
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [t for t in topics if t in existing]
        described = await admin.describe_topics(wanted) if wanted else []
    finally:
        await admin.close()
    partitions = [TopicPartition(d["topic"], p["partition"]) for d in described for p in d["partitions"]]
    if not partitions:
        return
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        consumer.assign(partitions)
        await consumer.commit(await consumer.end_offsets(partitions))
    finally:
        await consumer.stop()
