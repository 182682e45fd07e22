"""Which organisation may see which event (ADR 0011): the rule of the feed and of webhooks alike.

An event's audience is the set of org codes its contract names: every 団体コード field (parties,
members, subject governments, found from the published JSON Schema, however nested), plus the fields a
contract lists in `audience_fields` (a designated group's id). An org sees the event if it is in the
audience, if it is a prefecture and a government of its prefecture is, or if it reads everything
(`national`, `auditor`, as in access.can_read). The platform roles `service` and `operator` see every
event. Reference data (`public` contracts) is seen by everyone; an event of an unknown type only by those
who see everything.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from renkei_common.access import can_read
from renkei_common.auth import Actor, Role

if TYPE_CHECKING:
    from renkei_common.events.contracts.base import EventPayload
    from renkei_common.events.envelope import EventEnvelope

# The pattern of LocalGovernmentCode in every published schema.
_CODE_PATTERN = r"^\d{6}$"
PLATFORM_ROLES = (Role.service.value, Role.operator.value)
Path = tuple[str, ...]  # object keys, "*" for every item of an array


def sees_everything(actor: Actor) -> bool:
    return actor.reads_all or actor.has_role(*PLATFORM_ROLES)


def may_see(actor: Actor, envelope: EventEnvelope) -> bool:
    """True if `actor` may see `envelope` in the feed or receive it by webhook."""
    if sees_everything(actor):
        return True
    from renkei_common.events.contracts import CATALOGUE

    contract = CATALOGUE.get(envelope.type)
    if contract is None:
        return False
    if contract.public:
        return True
    return can_read(actor, contract.audience(envelope.data))


def codes_in(contract: type[EventPayload], data: dict[str, Any]) -> frozenset[str]:
    found = {
        value for path in code_paths(contract) for value in _values(data, path) if isinstance(value, str)
    }
    found.update(str(data[name]) for name in contract.audience_fields if data.get(name))
    return frozenset(found)


@cache
def code_paths(contract: type[EventPayload]) -> tuple[Path, ...]:
    """Where a contract's schema holds 団体コード values, e.g. ("parties", "*", "code")."""
    schema = contract.model_json_schema()
    return tuple(_walk(schema, schema, (), depth=0))


def _walk(root: dict[str, Any], node: dict[str, Any], path: Path, *, depth: int) -> Iterator[Path]:
    if depth > 20:  # the contracts are not recursive; this only guards against a future one
        return
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        yield from _walk(root, root.get("$defs", {}).get(name, {}), path, depth=depth + 1)
        return
    if node.get("pattern") == _CODE_PATTERN:
        yield path
    for option in node.get("anyOf", []) + node.get("allOf", []) + node.get("oneOf", []):
        yield from _walk(root, option, path, depth=depth + 1)
    if isinstance(node.get("items"), dict):
        yield from _walk(root, node["items"], (*path, "*"), depth=depth + 1)
    for key, child in node.get("properties", {}).items():
        yield from _walk(root, child, (*path, key), depth=depth + 1)


def _values(value: Any, path: Path) -> Iterator[Any]:
    if not path:
        yield value
        return
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(value, list):
            for item in value:
                yield from _values(item, rest)
    elif isinstance(value, dict) and head in value:
        yield from _values(value[head], rest)
