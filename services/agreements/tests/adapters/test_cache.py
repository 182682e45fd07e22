"""The per-process registry cache: serves within its TTL, forgets on clear, never keeps a racing load."""

from __future__ import annotations

import asyncio

from renkei_agreements.adapters.cache import TtlCache


async def test_values_are_served_until_cleared_or_expired() -> None:
    loads = []

    async def load() -> str:
        loads.append(1)
        return f"v{len(loads)}"

    cache = TtlCache[str](ttl_s=60)
    assert [await cache.get("k", load), await cache.get("k", load)] == ["v1", "v1"]
    cache.clear()
    assert await cache.get("k", load) == "v2"
    expired = TtlCache[str](ttl_s=0)
    assert [await expired.get("k", load), await expired.get("k", load)] == ["v3", "v4"]


async def test_a_value_loaded_across_a_clear_is_not_kept() -> None:
    cache = TtlCache[str](ttl_s=60)
    started = asyncio.Event()

    async def slow() -> str:
        started.set()
        await asyncio.sleep(0.01)
        return "stale"

    pending = asyncio.create_task(cache.get("k", slow))
    await started.wait()
    cache.clear()  # a write committed while the read was in flight
    assert await pending == "stale"

    async def fresh() -> str:
        return "fresh"

    assert await cache.get("k", fresh) == "fresh"
