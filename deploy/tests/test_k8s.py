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
    consumers = len(checks.code().subscriptions)
    for kind in ("Service", "ServiceAccount", "Job", "PodDisruptionBudget", "Pooler"):
        assert kinds[kind] == services, kind
    # Each service's, and finance's recompute worker in one of its own.
    assert kinds["Deployment"] == services + len(checks.code().recompute_workers) == services + 1
    assert kinds["HorizontalPodAutoscaler"] == services - consumers
    assert kinds["ScaledObject"] == kinds["TriggerAuthentication"] == consumers
    assert kinds["KafkaTopic"] == len(checks.code().contract_topics)
    assert kinds["KafkaUser"] == services
    assert kinds["Kafka"] == kinds["Cluster"] == kinds["Ingress"] == kinds["PrometheusRule"] == 1
    assert kinds["KafkaNodePool"] == 2  # controllers apart from brokers
    assert kinds["PodMonitor"] == 4
    assert kinds["NetworkPolicy"] >= services
    backups = 1 if checks.OVERLAYS[overlay].production else 0
    assert kinds["ObjectStore"] == kinds["ScheduledBackup"] == backups


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
    expected = {"Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Pooler"}
    expected |= {"ScaledObject", "TriggerAuthentication", "PodMonitor", "PrometheusRule"}
    if checks.OVERLAYS[overlay].production:
        expected |= {"ObjectStore", "ScheduledBackup"}
    assert {o["kind"] for o in custom} == expected
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


def test_grafana_dashboards_parse_and_name_only_exported_metrics(code: checks.Code) -> None:
    assert checks.check_grafana(checks.GRAFANA_DIR, code) == []
    assert len(list(checks.GRAFANA_DIR.glob("*.json"))) >= 1


def test_the_code_exports_the_metrics_the_alerts_rely_on(code: checks.Code) -> None:
    for name in (
        "renkei_outbox_backlog",
        "renkei_relay_connected",
        "renkei_events_consumed_total",
        "renkei_background_restarts_total",
        "http_requests_total",
        "http_request_duration_seconds_bucket",
    ):
        assert name in code.metrics, name


def test_every_manifest_the_operations_walk_applies_is_checked() -> None:
    """docs/operations.md applies overlays and files of this repository; each is one the tests build and
    validate (OVERLAYS), so the documented walk cannot drift from what is checked."""
    applied = checks.documented_applies(checks.REPO / "docs" / "operations.md")
    overlays = {f"deploy/k8s/overlays/{name}" for name in checks.OVERLAYS}
    assert "deploy/k8s/overlays/dev" in applied and "deploy/k8s/overlays/restore" in applied
    for path in applied:
        # A file applied on its own (the Namespace, before the Secrets) is one the overlays include.
        in_build = path.endswith(".yaml") and (checks.REPO / path).is_relative_to(checks.K8S_DIR / "base")
        assert path in overlays or (in_build and (checks.REPO / path).is_file()), (
            f"docs/operations.md applies {path}, which deploy/tests does not build"
        )
