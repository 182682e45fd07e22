"""A small time-bounded cache of read-mostly rows (the municipality registry), per process."""

from __future__ import annotations

import time
import weakref
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


_by_engine: weakref.WeakKeyDictionary[Any, TtlCache[Any]] = weakref.WeakKeyDictionary()


def attach(engine: Any, cache: TtlCache[Any]) -> None:
    """Make `cache` the registry cache of every session bound to `engine` (see cache_of)."""
    _by_engine[getattr(engine, "sync_engine", engine)] = cache


def cache_of(bind: Any) -> TtlCache[Any] | None:
    """The registry cache attached to a session's engine, if any (use cases only hold the session)."""
    return _by_engine.get(getattr(bind, "engine", bind))


class TtlCache(Generic[T]):
    """Values by key for `ttl_s` seconds; `clear()` drops everything (after a local write).

    Values must not be mutated by readers: they are shared between requests.
    """

    def __init__(self, ttl_s: float) -> None:
        self.ttl_s = ttl_s
        self._entries: dict[str, tuple[float, T]] = {}
        self._generation = 0

    async def get(self, key: str, load: Callable[[], Awaitable[T | None]]) -> T | None:
        now = time.monotonic()
        entry = self._entries.get(key)
        if entry is not None and entry[0] > now:
            return entry[1]
        generation = self._generation
        value = await load()
        # A clear() while we loaded means the value may predate a write: serve it, but do not keep it.
        if value is not None and self.ttl_s > 0 and generation == self._generation:
            self._entries[key] = (now + self.ttl_s, value)
        return value

    def peek(self, key: str) -> T | None:
        entry = self._entries.get(key)
        return entry[1] if entry is not None and entry[0] > time.monotonic() else None

    def put_many(self, values: dict[str, T], *, generation: int) -> None:
        """Keep values loaded while `generation` was current (see get)."""
        if self.ttl_s > 0 and generation == self._generation:
            expires = time.monotonic() + self.ttl_s
            self._entries.update((key, (expires, value)) for key, value in values.items())

    @property
    def generation(self) -> int:
        return self._generation

    def clear(self) -> None:
        self._generation += 1
        self._entries.clear()
