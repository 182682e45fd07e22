"""The Kubernetes validators fail on deliberately broken copies of deploy/k8s (so they can fail at all)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import deploy_checks as checks
import pytest
import yaml
from renkei_common.testing.fixtures import unavailable


def edit(
    root: Path, file: str, kind: str, change: Callable[[dict[str, Any]], None], name: str | None = None
) -> None:
    """Apply `change` to the first `kind` object (named `name`, if given) of a multi-document file."""
    path = root / file
    docs = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    target = next(d for d in docs if d["kind"] == kind and (name is None or d["metadata"]["name"] == name))
    change(target)
    path.write_text(yaml.safe_dump_all(docs, sort_keys=False), encoding="utf-8")


def drop(root: Path, file: str, kind: str, name: str) -> None:
    path = root / file
    docs = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    kept = [d for d in docs if not (d["kind"] == kind and d["metadata"]["name"] == name)]
    assert len(kept) == len(docs) - 1
    path.write_text(yaml.safe_dump_all(kept, sort_keys=False), encoding="utf-8")


def build(root: Path, overlay: str = "prod") -> list[dict[str, Any]]:
    if checks.kubectl() is None:
        unavailable("kubectl", FileNotFoundError("kubectl not installed"))
    objects, problems = checks.kustomize_build(root / "overlays" / overlay)
    assert problems == []
    return objects


def api(deployment: dict[str, Any]) -> dict[str, Any]:
    return deployment["spec"]["template"]["spec"]["containers"][0]


def contract(objects: list[dict[str, Any]], overlay: str = "prod") -> list[str]:
    return checks.check_k8s_against_code(objects, checks.OVERLAYS[overlay], checks.code())


def test_a_broken_kustomization_is_reported(k8s_copy: Path) -> None:
    kustomization = k8s_copy / "overlays" / "prod" / "kustomization.yaml"
    kustomization.write_text(kustomization.read_text().replace("../../base", "../../basis"))
    if checks.kubectl() is None:
        unavailable("kubectl", FileNotFoundError("kubectl not installed"))
    objects, problems = checks.kustomize_build(k8s_copy / "overlays" / "prod")
    assert objects == [] and len(problems) == 1 and "kustomize build of prod failed" in problems[0]


def test_an_unknown_deployment_field_is_reported(k8s_copy: Path) -> None:
    edit(k8s_copy, "base/groups.yaml", "Deployment", lambda d: api(d).update(livenesProbe={}))
    problems = checks.validate_core(build(k8s_copy))
    assert any(
        p.startswith("Deployment/renkei-groups invalid for Kubernetes 1.30")
        and "'livenesProbe' was unexpected" in p
        for p in problems
    ), problems


def test_a_wrongly_typed_field_is_reported(k8s_copy: Path) -> None:
    edit(
        k8s_copy,
        "base/groups.yaml",
        "HorizontalPodAutoscaler",
        lambda h: h["spec"]["behavior"]["scaleDown"].update(stabilizationWindowSeconds="long"),
    )
    problems = checks.validate_core(build(k8s_copy))
    assert any(
        "HorizontalPodAutoscaler/renkei-groups" in p and "'long' is not of type 'integer'" in p
        for p in problems
    ), problems


def test_a_wrong_probe_path_is_reported(k8s_copy: Path) -> None:
    edit(
        k8s_copy,
        "base/groups.yaml",
        "Deployment",
        lambda d: api(d)["readinessProbe"]["httpGet"].update(path="/ready"),
    )
    problems = contract(build(k8s_copy))
    assert any(
        "Deployment/renkei-groups: readinessProbe path '/ready', expected '/readyz'" in p for p in problems
    )


def test_a_wrong_port_is_reported(k8s_copy: Path) -> None:
    edit(
        k8s_copy, "base/staffing.yaml", "Deployment", lambda d: api(d)["ports"][0].update(containerPort=8080)
    )
    problems = contract(build(k8s_copy))
    assert any("Deployment/renkei-staffing: containerPort is not 8003" in p for p in problems)


def test_a_missing_topic_is_reported(k8s_copy: Path) -> None:
    drop(k8s_copy, "components/strimzi-kafka/topics.yaml", "KafkaTopic", "renkei-finance-dlq")
    problems = contract(build(k8s_copy))
    assert "prod: no KafkaTopic for contract channel renkei.finance.dlq" in problems


def test_an_unknown_custom_resource_field_is_reported(
    k8s_copy: Path, crd_schemas: dict[tuple[str, str], dict[str, Any]]
) -> None:
    edit(
        k8s_copy,
        "components/strimzi-kafka/topics.yaml",
        "KafkaTopic",
        lambda t: t["spec"].update(partition=3, replicas="three"),
    )
    problems = checks.validate_custom_resources(
        [o for o in build(k8s_copy) if checks.is_custom(o)], crd_schemas
    )
    assert "KafkaTopic/renkei-agreements-events: .spec.partition: unknown field" in problems
    assert (
        "KafkaTopic/renkei-agreements-events at spec/replicas: 'three' is not of type 'integer'" in problems
    )


def test_a_custom_resource_without_a_crd_is_reported(
    k8s_copy: Path, crd_schemas: dict[tuple[str, str], dict[str, Any]]
) -> None:
    edit(
        k8s_copy,
        "components/cloudnative-pg/poolers.yaml",
        "Pooler",
        lambda c: c.update(apiVersion="postgresql.cnpg.io/v2"),
        name="renkei-pg-pooler-finance",
    )
    problems = checks.validate_custom_resources(
        [o for o in build(k8s_copy) if checks.is_custom(o)], crd_schemas
    )
    assert "Pooler/renkei-pg-pooler-finance: no CRD schema for postgresql.cnpg.io/v2 Pooler" in problems


def test_an_acl_beyond_least_privilege_is_reported(k8s_copy: Path) -> None:
    def widen(user: dict[str, Any]) -> None:
        user["spec"]["authorization"]["acls"].append(
            {
                "type": "allow",
                "resource": {"type": "topic", "name": "renkei.", "patternType": "prefix"},
                "operations": ["All"],
            }
        )

    edit(k8s_copy, "components/strimzi-kafka/users.yaml", "KafkaUser", widen, name="renkei-groups")
    problems = contract(build(k8s_copy))
    assert (
        "prod: KafkaUser renkei-groups has ACL ('topic', 'renkei.', 'prefix', 'All') beyond least privilege"
        in problems
    )


def test_a_missing_consumer_acl_is_reported(k8s_copy: Path) -> None:
    def narrow(user: dict[str, Any]) -> None:
        acls = user["spec"]["authorization"]["acls"]
        user["spec"]["authorization"]["acls"] = [
            a for a in acls if a["resource"].get("name") != "renkei.groups.events"
        ]

    edit(k8s_copy, "components/strimzi-kafka/users.yaml", "KafkaUser", narrow, name="renkei-finance")
    problems = contract(build(k8s_copy))
    assert (
        "prod: KafkaUser renkei-finance lacks ACL ('topic', 'renkei.groups.events', 'literal', 'Read')"
        in problems
    )
    assert "prod: the contracts receive from renkei.groups.events but no KafkaUser may read it" in problems


def test_a_literal_secret_and_a_missing_setting_are_reported(k8s_copy: Path) -> None:
    def leak(deployment: dict[str, Any]) -> None:
        env = api(deployment)["env"]
        api(deployment)["env"] = [
            {"name": "RENKEI_JWT_SECRET", "value": "hunter2"} if v["name"] == "RENKEI_JWT_SECRET" else v
            for v in env
            if v["name"] != "RENKEI_KAFKA_PASSWORD"
        ]

    edit(k8s_copy, "base/agreements.yaml", "Deployment", leak)
    problems = contract(build(k8s_copy))
    where = "prod Deployment/renkei-agreements"
    assert f"{where}: RENKEI_JWT_SECRET is a literal value; it must come from a Secret" in problems
    assert f"{where}: RENKEI_KAFKA_PASSWORD is not set" in problems


def test_dev_mode_in_prod_is_reported(k8s_copy: Path) -> None:
    # The dev overlay's mode (tokens signed with the cluster's own secret) must never reach production.
    base = k8s_copy / "base" / "kustomization.yaml"
    base.write_text(base.read_text().replace("RENKEI_MODE=prod", "RENKEI_MODE=dev"))
    problems = contract(build(k8s_copy))
    assert "prod Deployment/renkei-finance: RENKEI_MODE='dev', expected 'prod'" in problems
    assert contract(build(k8s_copy, "dev"), "dev") == []


def test_a_misspelt_setting_is_reported(k8s_copy: Path) -> None:
    kustomization = k8s_copy / "overlays" / "dev" / "kustomization.yaml"
    kustomization.write_text(
        kustomization.read_text().replace(
            "- RENKEI_LOG_LEVEL=DEBUG", "- RENKEI_LOG_LEVEL=DEBUG\n      - RENKEI_TRANSPRT=feed"
        )
    )
    problems = contract(build(k8s_copy, "dev"), "dev")
    assert "dev Deployment/renkei-finance: RENKEI_TRANSPRT is not a ServiceSettings field (typo?)" in problems


def test_a_weakened_security_context_is_reported(k8s_copy: Path) -> None:
    def weaken(deployment: dict[str, Any]) -> None:
        api(deployment)["securityContext"]["readOnlyRootFilesystem"] = False
        deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"] = 10

    edit(k8s_copy, "base/finance.yaml", "Deployment", weaken)
    problems = contract(build(k8s_copy))
    assert "prod Deployment/renkei-finance: container api: readOnlyRootFilesystem is not true" in problems
    assert any("renkei-finance: terminationGracePeriodSeconds below 30" in p for p in problems)


def test_a_missing_migration_job_and_database_are_reported(k8s_copy: Path) -> None:
    drop(k8s_copy, "base/staffing.yaml", "Job", "renkei-staffing-migrate-0-1-0")
    edit(
        k8s_copy,
        "components/cloudnative-pg/cluster.yaml",
        "Cluster",
        lambda c: c["spec"]["bootstrap"]["initdb"].update(postInitSQL=[]),
    )
    problems = contract(build(k8s_copy))
    assert "prod: no migration Job renkei-staffing-migrate-0-1-0 (named per release)" in problems
    assert "prod: PostgreSQL cluster creates no database renkei_staffing" in problems


def test_prod_with_dev_sizes_is_reported(k8s_copy: Path) -> None:
    prod = k8s_copy / "overlays" / "prod" / "kustomization.yaml"
    prod.write_text(prod.read_text().replace("value: 2\n", "value: 1\n", 1))
    edit(
        k8s_copy,
        "components/strimzi-kafka/kafka.yaml",
        "KafkaNodePool",
        lambda p: p["spec"].update(replicas=1),
        name="broker",
    )
    problems = contract(build(k8s_copy))
    assert "prod: HPA renkei-agreements minReplicas below 2" in problems
    assert "prod: 1 Kafka brokers, expected 3" in problems


def test_a_missing_network_allowance_is_reported(k8s_copy: Path) -> None:
    edit(
        k8s_copy,
        "components/network-policies/policies.yaml",
        "NetworkPolicy",
        lambda p: p["spec"]["egress"].pop(0),
        name="renkei-groups-api",
    )
    problems = contract(build(k8s_copy))
    assert "prod: no NetworkPolicy lets renkei-groups reach Kafka (9092)" in problems


@pytest.mark.parametrize(("pool_size", "reported"), [(55, False), (56, True)])
def test_poolers_that_could_exhaust_postgres_connections_are_reported(
    k8s_copy: Path, pool_size: int, reported: bool
) -> None:
    # 3 poolers x 2 x 20 + 2 x pool_size against max_connections 250 less 20 of headroom: 230 fits.
    edit(
        k8s_copy,
        "components/cloudnative-pg/poolers.yaml",
        "Pooler",
        lambda p: p["spec"]["pgbouncer"]["parameters"].update(default_pool_size=str(pool_size)),
        name="renkei-pg-pooler-groups",
    )
    problems = [p for p in contract(build(k8s_copy)) if "server connections" in p]
    demand = 120 + 2 * pool_size
    expected = [f"prod: the Poolers may open {demand} server connections, PostgreSQL max_connections is 250"]
    assert problems == (expected if reported else [])


def test_an_autoscaler_beyond_its_pooler_is_reported(k8s_copy: Path) -> None:
    prod = k8s_copy / "overlays" / "prod" / "kustomization.yaml"
    prod.write_text(prod.read_text().replace("value: 5\n", "value: 25\n", 1))
    problems = contract(build(k8s_copy))
    assert "prod: renkei-groups may open 500 client connections, its Pooler accepts 400" in problems


def test_a_dedicated_worker_behind_pgbouncer_or_an_api_that_keeps_its_worker_is_reported(
    k8s_copy: Path,
) -> None:
    def through_the_pooler(d: dict[str, Any]) -> None:
        api(d)["env"].append({"name": "RENKEI_DATABASE_POOLER", "value": "pgbouncer"})

    def worker_kept(d: dict[str, Any]) -> None:
        api(d)["env"] = [e for e in api(d)["env"] if e["name"] != "RENKEI_RECOMPUTE_WORKER"]

    edit(k8s_copy, "base/finance.yaml", "Deployment", through_the_pooler, name="renkei-finance-recompute")
    edit(k8s_copy, "base/finance.yaml", "Deployment", worker_kept, name="renkei-finance")
    problems = contract(build(k8s_copy))
    assert any(
        "Deployment/renkei-finance-recompute: the service refuses its settings" in p and "PgBouncer" in p
        for p in problems
    ), problems
    assert "prod Deployment/renkei-finance: RENKEI_RECOMPUTE_WORKER is not 'separate'" in problems


def test_a_recompute_worker_without_policy_or_monitor_is_reported(k8s_copy: Path) -> None:
    drop(k8s_copy, "components/network-policies/policies.yaml", "NetworkPolicy", "renkei-finance-recompute")

    def api_only(m: dict[str, Any]) -> None:
        m["spec"]["selector"]["matchExpressions"][0]["values"] = ["api"]

    edit(k8s_copy, "components/monitoring/podmonitors.yaml", "PodMonitor", api_only, name="renkei-services")
    problems = contract(build(k8s_copy))
    assert "prod: no NetworkPolicy lets renkei-finance-recompute reach PostgreSQL (5432)" in problems
    assert "prod: no PodMonitor scrapes /metrics of renkei-finance-recompute" in problems
    assert not any("renkei-finance:" in p or "renkei-finance " in p for p in problems), problems
