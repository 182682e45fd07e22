"""deploy/k8s: every overlay builds offline, is valid against the published schemas, agrees with the code."""

from __future__ import annotations

from collections import Counter
from typing import Any

import deploy_checks as checks
import pytest

OVERLAYS = list(checks.OVERLAYS)


def test_code_facts_the_checks_rely_on_hold(code: checks.Code) -> None:
    assert checks.check_code_facts(code) == []


def test_generated_manifests_are_current(k8s_generator: Any) -> None:
    assert k8s_generator.stale() == [], "run: .tools/bin/uv run python deploy/k8s/generate.py"


def test_topics_are_generated_from_the_contracts(k8s_generator: Any, code: checks.Code) -> None:
    assert k8s_generator.contract_topics() == code.contract_topics
    assert sorted(code.contract_topics) == sorted(code.topics)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_overlay_builds(built: dict[str, list[dict[str, Any]]], overlay: str) -> None:
    kinds = Counter(o["kind"] for o in built[overlay])
    services = len(checks.code().ports)
    for kind in (
        "Deployment",
        "Service",
        "ServiceAccount",
        "Job",
        "PodDisruptionBudget",
        "HorizontalPodAutoscaler",
    ):
        assert kinds[kind] == services, kind
    assert kinds["KafkaTopic"] == len(checks.code().contract_topics)
    assert kinds["KafkaUser"] == services
    assert kinds["Kafka"] == kinds["Cluster"] == kinds["Ingress"] == 1
    assert kinds["NetworkPolicy"] >= services


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_core_objects_are_valid_kubernetes(built: dict[str, list[dict[str, Any]]], overlay: str) -> None:
    core = [o for o in built[overlay] if not checks.is_custom(o)]
    assert len(core) > 30
    assert checks.validate_core(core) == []


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_custom_resources_match_their_crds(
    built: dict[str, list[dict[str, Any]]], crd_schemas: dict[tuple[str, str], dict[str, Any]], overlay: str
) -> None:
    custom = [o for o in built[overlay] if checks.is_custom(o)]
    assert {o["kind"] for o in custom} == {"Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster"}
    assert checks.validate_custom_resources(custom, crd_schemas) == []


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_manifests_agree_with_the_code(
    built: dict[str, list[dict[str, Any]]], code: checks.Code, overlay: str
) -> None:
    assert checks.check_k8s_against_code(built[overlay], checks.OVERLAYS[overlay], code) == []


def test_every_object_is_validated_by_some_schema(
    built: dict[str, list[dict[str, Any]]], crd_schemas: dict[tuple[str, str], dict[str, Any]]
) -> None:
    for objects in built.values():
        for obj in objects:
            if checks.is_custom(obj):
                assert (obj["apiVersion"], obj["kind"]) in crd_schemas, checks.ref(obj)
            else:
                assert checks.validate_core([obj], versions=checks.K8S_VERSIONS[:1]) == []


def test_no_secret_is_committed() -> None:
    for path in checks.K8S_DIR.rglob("*.yaml"):
        assert "kind: Secret" not in path.read_text(encoding="utf-8"), path


def test_subscriptions_are_derived_from_the_registered_handlers(code: checks.Code) -> None:
    import importlib

    for service in code.ports:
        try:
            registry = importlib.import_module(f"renkei_{service}.consumers").REGISTRY
        except ModuleNotFoundError:
            assert service not in code.subscriptions
            continue
        assert code.subscriptions.get(service, ()) == registry.subscriptions, service
    assert "agreements" in code.subscriptions["finance"]


def test_a_handler_registered_without_its_acl_is_reported(
    built: dict[str, list[dict[str, Any]]], code: checks.Code
) -> None:
    # As if agreements had just registered a handler for a finance event: its registry gains a producer,
    # so the check expects the Read ACL that the checked-in KafkaUser lacks, and names the gap.
    import dataclasses

    widened = dataclasses.replace(code, subscriptions={**code.subscriptions, "agreements": ("finance",)})
    overlay = checks.OVERLAYS["dev"]
    problems = checks.check_k8s_against_code(built["dev"], overlay, widened)
    assert any("renkei.finance.events" in p and "Read" in p for p in problems), problems
