"""Generates the JSON Schemas and the AsyncAPI document of the event contracts, and checks them.

python -m renkei_common.events.schemas write   # regenerate libs/common/contracts/
python -m renkei_common.events.schemas check   # exit 1 if the checked-in files are stale
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from renkei_common.events.contracts import CATALOGUE, EventPayload
from renkei_common.topology import SERVICE_PORTS, dlq_topic, events_topic, subscriptions

CONTRACTS_DIR = Path(__file__).resolve().parents[3] / "contracts"


def event_schema(cls: type[EventPayload]) -> dict[str, Any]:
    schema = cls.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"urn:renkei:event:{cls.type_name()}"
    schema["title"] = cls.event_name
    schema["description"] = cls.description
    schema["x-renkei"] = {
        "type": cls.type_name(),
        "service": cls.service,
        "aggregate": cls.aggregate,
        "version": cls.version,
        "topic": events_topic(cls.service),
    }
    return schema


def all_schemas() -> dict[str, dict[str, Any]]:
    return {type_: event_schema(cls) for type_, cls in CATALOGUE.items()}


def asyncapi_document() -> dict[str, Any]:
    """AsyncAPI 3.0: one channel per topic, one message per event type."""
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for service in SERVICE_PORTS:
        own = {t: c for t, c in CATALOGUE.items() if c.service == service}
        channel_id = f"{service}Events"
        channels[channel_id] = {
            "address": events_topic(service),
            "description": f"Domain events of the {service} service, keyed by aggregate id.",
            "messages": {
                c.event_name: {"$ref": f"#/components/messages/{c.event_name}"} for c in own.values()
            },
        }
        operations[f"publish{service.capitalize()}Events"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{channel_id}"},
        }
        for type_, cls in own.items():
            messages[cls.event_name] = {
                "name": cls.event_name,
                "title": type_,
                "summary": cls.description,
                "contentType": "application/cloudevents+json",
                "payload": {"$ref": f"./schemas/{type_}.json"},
            }
    for consumer, producers in subscriptions().items():
        channels[f"{consumer}Dlq"] = {
            "address": dlq_topic(consumer),
            "description": f"Events the {consumer} consumer gave up on after bounded retries.",
        }
        for producer in producers:
            operations[f"{consumer}Consumes{producer.capitalize()}"] = {
                "action": "receive",
                "channel": {"$ref": f"#/channels/{producer}Events"},
            }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "renkei domain events",
            "version": "1.0.0",
            "description": "CloudEvents 1.0 (structured JSON) published through the transactional outbox, "
            "over Kafka and over each service's HTTP feed GET /v1/events.",
        },
        "defaultContentType": "application/cloudevents+json",
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages},
    }


def render() -> dict[Path, str]:
    files = {
        Path("schemas") / f"{type_}.json": json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        for type_, schema in all_schemas().items()
    }
    files[Path("asyncapi.json")] = json.dumps(asyncapi_document(), indent=2, ensure_ascii=False) + "\n"
    return files


def stale_files(directory: Path = CONTRACTS_DIR) -> list[str]:
    expected = render()
    stale = [
        str(p)
        for p, text in expected.items()
        if not (directory / p).is_file() or (directory / p).read_text(encoding="utf-8") != text
    ]
    present = {p.relative_to(directory) for p in (directory / "schemas").glob("*.json")}
    stale += [f"{p} (no longer generated)" for p in present - set(expected)]
    return sorted(stale)


def breaking_changes(directory: Path = CONTRACTS_DIR) -> dict[str, list[str]]:
    """Per event type, the incompatible differences between the checked-in and the generated schema."""
    found: dict[str, list[str]] = {}
    for type_, schema in all_schemas().items():
        path = directory / "schemas" / f"{type_}.json"
        if path.is_file():
            problems = incompatibilities(json.loads(path.read_text(encoding="utf-8")), schema)
            if problems:
                found[type_] = problems
    return found


def write(directory: Path = CONTRACTS_DIR) -> None:
    """Write the generated files, refusing an incompatible change to a published event version."""
    breaking = breaking_changes(directory)
    if breaking:
        raise SystemExit(
            "incompatible change to a published event; add a new version (e.g. .v2) instead:\n"
            + "\n".join(f"  {t}: {p}" for t, ps in breaking.items() for p in ps)
        )
    (directory / "schemas").mkdir(parents=True, exist_ok=True)
    for path, text in render().items():
        (directory / path).write_text(text, encoding="utf-8")


def incompatibilities(old: dict[str, Any], new: dict[str, Any], path: str = "") -> list[str]:
    """Changes that would break a consumer of `old` reading events shaped by `new`, or the reverse."""
    problems: list[str] = []
    old_props, new_props = old.get("properties", {}), new.get("properties", {})
    for name in old_props:
        if name not in new_props:
            problems.append(f"{path}{name}: removed")
    for name in set(new.get("required", [])) - set(old.get("required", [])):
        problems.append(f"{path}{name}: became required")
    for name in set(old_props) & set(new_props):
        before, after = _resolve(old, old_props[name]), _resolve(new, new_props[name])
        if _types(before) != _types(after):
            problems.append(f"{path}{name}: type {_types(before)} -> {_types(after)}")
        if "enum" in before and set(before["enum"]) - set(after.get("enum", before["enum"])):
            problems.append(f"{path}{name}: enum values removed")
        if "properties" in before or "properties" in after:
            problems += incompatibilities(
                before | {"$defs": old.get("$defs", {})},
                after | {"$defs": new.get("$defs", {})},
                f"{path}{name}.",
            )
    return problems


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        name = node["$ref"].split("/")[-1]
        return dict(root.get("$defs", {}).get(name, {}))
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        resolved = _resolve(root, node["items"])
        return {**node, **{k: v for k, v in resolved.items() if k in ("properties", "required")}}
    return node


def _types(node: dict[str, Any]) -> tuple[str, ...]:
    if "anyOf" in node:
        return tuple(sorted(t for option in node["anyOf"] for t in _types(option)))
    if "const" in node:
        return ("const",)
    if "$ref" in node:
        return ("object",)
    value = node.get("type", "any")
    return tuple(sorted(value)) if isinstance(value, list) else (value,)


def main(argv: list[str]) -> int:
    if argv[:1] == ["write"]:
        write()
        print(f"wrote {len(render())} files under {CONTRACTS_DIR}")
        return 0
    if argv[:1] == ["check"]:
        stale = stale_files()
        for item in stale:
            print(f"stale: {item}")
        return 1 if stale else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
