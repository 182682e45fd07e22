"""The operations checks (backups, pooling, placement, scaling, alerts, releases) fail on broken copies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import deploy_checks as checks
import pytest
import yaml
from test_k8s_broken import build, contract, drop, edit


def test_the_deprecated_in_tree_backup_and_a_missing_schedule_are_reported(k8s_copy: Path) -> None:
    def in_tree(cluster: dict[str, Any]) -> None:
        cluster["spec"]["backup"] = {"barmanObjectStore": {"destinationPath": "s3://old/"}}

    edit(k8s_copy, "components/cloudnative-pg/cluster.yaml", "Cluster", in_tree)
    drop(k8s_copy, "components/cloudnative-pg-backup/backup.yaml", "ScheduledBackup", "renkei-pg-daily")
    problems = contract(build(k8s_copy))
    assert "prod: Cluster renkei-pg uses the deprecated in-tree barmanObjectStore" in problems
    assert "prod: no ScheduledBackup (method plugin) takes base backups of renkei-pg" in problems


def test_prod_without_the_backup_component_is_reported(k8s_copy: Path) -> None:
    prod = k8s_copy / "overlays" / "prod" / "kustomization.yaml"
    prod.write_text(prod.read_text().replace("  - ../../components/cloudnative-pg-backup\n", ""))
    restore = k8s_copy / "overlays" / "restore" / "kustomization.yaml"
    restore.unlink()  # it builds on prod's backup component, which is gone
    problems = contract(build(k8s_copy))
    assert "prod: Cluster renkei-pg archives no WAL into an ObjectStore of the build" in problems


def test_a_restore_that_would_overwrite_the_origin_backups_is_reported(k8s_copy: Path) -> None:
    path = k8s_copy / "components" / "cloudnative-pg-restore" / "recovery.yaml"
    patch = yaml.safe_load(path.read_text(encoding="utf-8"))
    patch = [op for op in patch if op["path"] != "/spec/plugins/0/parameters/serverName"]
    path.write_text(yaml.safe_dump(patch), encoding="utf-8")
    problems = contract(build(k8s_copy, "restore"), "restore")
    assert (
        "restore: the restored Cluster archives under the serverName it recovers from, "
        "overwriting the origin's backups" in problems
    )


def test_a_restore_from_an_unknown_object_store_is_reported(k8s_copy: Path) -> None:
    path = k8s_copy / "components" / "cloudnative-pg-restore" / "recovery.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "barmanObjectName: renkei-pg-backups", "barmanObjectName: gone"
        )
    )
    problems = contract(build(k8s_copy, "restore"), "restore")
    assert "restore: Cluster renkei-pg does not recover from an ObjectStore of the build" in problems


def test_asynchronous_replication_and_an_unpinned_image_are_reported(k8s_copy: Path) -> None:
    def loosen(cluster: dict[str, Any]) -> None:
        del cluster["spec"]["postgresql"]["synchronous"]
        cluster["spec"]["imageName"] = "ghcr.io/cloudnative-pg/postgresql:16"

    edit(k8s_copy, "components/cloudnative-pg/cluster.yaml", "Cluster", loosen)
    problems = contract(build(k8s_copy))
    assert "prod: PostgreSQL replication is asynchronous; a failover may lose committed rows" in problems
    assert any(
        p.startswith("prod: PostgreSQL image 'ghcr.io/cloudnative-pg/postgresql:16' is not") for p in problems
    )


def test_a_session_pooler_and_a_missing_pooler_setting_are_reported(k8s_copy: Path) -> None:
    edit(
        k8s_copy,
        "components/cloudnative-pg/poolers.yaml",
        "Pooler",
        lambda p: p["spec"]["pgbouncer"].update(poolMode="session"),
        name="renkei-pg-pooler-staffing",
    )

    def unset(deployment: dict[str, Any]) -> None:
        api = deployment["spec"]["template"]["spec"]["containers"][0]
        api["env"] = [v for v in api["env"] if v["name"] != "RENKEI_DATABASE_POOLER"]

    edit(k8s_copy, "base/groups.yaml", "Deployment", unset)
    problems = contract(build(k8s_copy))
    assert "prod: Pooler of renkei_staffing is not a read-write PgBouncer in transaction mode" in problems
    assert (
        "prod: renkei-groups connects through PgBouncer without RENKEI_DATABASE_POOLER=pgbouncer "
        "(cached prepared statements break in transaction mode)" in problems
    )


def test_kafka_without_zones_separate_controllers_or_anti_affinity_is_reported(k8s_copy: Path) -> None:
    def dual_role(pool: dict[str, Any]) -> None:
        pool["spec"]["roles"] = ["controller", "broker"]
        del pool["spec"]["template"]

    edit(k8s_copy, "components/strimzi-kafka/kafka.yaml", "KafkaNodePool", dual_role, name="broker")
    edit(k8s_copy, "components/strimzi-kafka/kafka.yaml", "Kafka", lambda k: k["spec"]["kafka"].pop("rack"))
    problems = contract(build(k8s_copy))
    assert "prod: KRaft controllers must have a KafkaNodePool of their own" in problems
    assert "prod: Kafka is not rack-aware on topology.kubernetes.io/zone" in problems
    assert (
        "prod: KafkaNodePool broker may put two nodes on one host "
        "(no required pod anti-affinity on kubernetes.io/hostname)" in problems
    )


@pytest.mark.parametrize(("maximum", "reported"), [(6, False), (7, True)])
def test_a_consumer_scaled_beyond_its_partitions_is_reported(
    k8s_copy: Path, maximum: int, reported: bool
) -> None:
    edit(
        k8s_copy,
        "components/keda/scaledobjects.yaml",
        "ScaledObject",
        lambda s: s["spec"].update(maxReplicaCount=maximum),
        name="renkei-finance",
    )
    problems = [p for p in contract(build(k8s_copy)) if "maxReplicaCount" in p]
    expected = [
        f"prod: ScaledObject renkei-finance maxReplicaCount {maximum} exceeds the 6 partitions of its topics "
        "(the extra consumers would idle)"
    ]
    assert problems == (expected if reported else [])


def test_a_consumer_not_scaled_on_a_source_and_one_with_an_hpa_are_reported(k8s_copy: Path) -> None:
    def forget(scaled: dict[str, Any]) -> None:
        scaled["spec"]["triggers"] = [
            t for t in scaled["spec"]["triggers"] if t["metadata"].get("topic") != "renkei.groups.events"
        ]

    edit(k8s_copy, "components/keda/scaledobjects.yaml", "ScaledObject", forget, name="renkei-finance")
    hpa = yaml.safe_load_all((k8s_copy / "base" / "groups.yaml").read_text(encoding="utf-8"))
    groups_hpa = next(d for d in hpa if d and d["kind"] == "HorizontalPodAutoscaler")
    groups_hpa["metadata"]["name"] = groups_hpa["spec"]["scaleTargetRef"]["name"] = "renkei-staffing"
    staffing = k8s_copy / "base" / "staffing.yaml"
    staffing.write_text(staffing.read_text(encoding="utf-8") + "---\n" + yaml.safe_dump(groups_hpa))
    problems = contract(build(k8s_copy))
    assert "prod: ScaledObject renkei-finance does not scale on the lag of renkei.groups.events" in problems
    assert "prod: consumer renkei-staffing has an HPA; KEDA's ScaledObject must own it" in problems


def test_a_pdb_that_blocks_drains_on_unhealthy_pods_is_reported(k8s_copy: Path) -> None:
    edit(
        k8s_copy,
        "base/agreements.yaml",
        "PodDisruptionBudget",
        lambda p: p["spec"].pop("unhealthyPodEvictionPolicy"),
    )
    problems = contract(build(k8s_copy))
    assert (
        "prod: PodDisruptionBudget renkei-agreements must set unhealthyPodEvictionPolicy AlwaysAllow "
        "(a crash-looping pod would block node drains)" in problems
    )


def test_an_alert_on_a_metric_nobody_exports_is_reported(k8s_copy: Path) -> None:
    def typo(rule: dict[str, Any]) -> None:
        rule["spec"]["groups"][0]["rules"][0]["expr"] = "min_over_time(renkei_outbox_backlogg[15m]) > 0"

    edit(k8s_copy, "components/monitoring/prometheusrule.yaml", "PrometheusRule", typo)
    problems = contract(build(k8s_copy))
    assert (
        "prod alert RenkeiOutboxNotDraining: metric renkei_outbox_backlogg is exported by neither the code "
        "nor a known exporter" in problems
    )


def test_a_missing_pod_monitor_and_exporter_are_reported(k8s_copy: Path) -> None:
    drop(k8s_copy, "components/monitoring/podmonitors.yaml", "PodMonitor", "renkei-services")
    edit(k8s_copy, "components/strimzi-kafka/kafka.yaml", "Kafka", lambda k: k["spec"].pop("kafkaExporter"))
    problems = contract(build(k8s_copy))
    assert "prod: no PodMonitor scrapes /metrics of renkei-groups" in problems
    assert "prod: Kafka has no kafkaExporter: consumer lag is not measured" in problems


def test_prod_images_by_tag_are_reported(k8s_copy: Path) -> None:
    prod = k8s_copy / "overlays" / "prod" / "kustomization.yaml"
    prod.write_text(prod.read_text().replace("  - ../../components/release-digests\n", ""))
    problems = contract(build(k8s_copy))
    assert any(
        p.startswith("prod Deployment/renkei-groups: image 'ghcr.io/renkei/renkei-groups:0.1.0', expected")
        and "@sha256:" in p
        for p in problems
    ), problems


def test_a_setting_the_service_refuses_is_reported(k8s_copy: Path) -> None:
    # An empty OTLP endpoint is not "unset": the service would refuse it and crash on start.
    base = k8s_copy / "base" / "kustomization.yaml"
    base.write_text(
        base.read_text().replace(
            "- RENKEI_LOG_LEVEL=INFO", "- RENKEI_LOG_LEVEL=INFO\n  - RENKEI_OTLP_ENDPOINT="
        )
    )
    problems = contract(build(k8s_copy))
    assert any(
        p.startswith("prod Deployment/renkei-groups: the service refuses its settings: ('otlp_endpoint',)")
        for p in problems
    ), problems


def test_prod_mode_without_an_issuer_is_refused_by_the_settings(k8s_copy: Path) -> None:
    base = k8s_copy / "base" / "kustomization.yaml"
    text = base.read_text()
    start = text.index("- RENKEI_OIDC_JWKS_URL=")
    base.write_text(text[:start] + "- RENKEI_OIDC_JWKS_URL=" + text[text.index("\n", start) :])
    problems = contract(build(k8s_copy))
    assert any(
        "prod Deployment/renkei-finance: the service refuses its settings" in p
        and "RENKEI_OIDC_JWKS_URL is required in prod mode" in p
        for p in problems
    ), problems


def test_a_broken_dashboard_is_reported(tmp_path: Path) -> None:
    source = json.loads((checks.GRAFANA_DIR / "renkei-overview.json").read_text(encoding="utf-8"))
    source["panels"][0]["targets"][0]["expr"] = "rate(http_request_total[5m])"
    (tmp_path / "typo.json").write_text(json.dumps(source), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    problems = checks.check_grafana(tmp_path, checks.code())
    assert any(p.startswith("broken.json: not JSON") for p in problems)
    assert (
        "typo.json panel 'Requests/s by service': metric http_request_total is exported by neither the code "
        "nor a known exporter" in problems
    )
    assert checks.check_grafana(tmp_path / "empty", checks.code()) == [
        f"no Grafana dashboard in {tmp_path / 'empty'}"
    ]


def test_an_unknown_field_of_a_scaled_object_is_reported(
    k8s_copy: Path, crd_schemas: dict[tuple[str, str], dict[str, Any]]
) -> None:
    edit(
        k8s_copy,
        "components/keda/scaledobjects.yaml",
        "ScaledObject",
        lambda s: s["spec"].update(maxReplicas=6),
        name="renkei-staffing",
    )
    problems = checks.validate_custom_resources(
        [o for o in build(k8s_copy) if checks.is_custom(o)], crd_schemas
    )
    assert "ScaledObject/renkei-staffing: .spec.maxReplicas: unknown field" in problems
