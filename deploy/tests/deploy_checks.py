"""Validators of the deployment artefacts. Each returns a list of problems: [] means valid.

The tests run them on the checked-in files (expecting []) and on deliberately broken copies (expecting the
specific problem), so a validator that silently accepts everything cannot pass.

What the artefacts are checked against:
- the code: renkei_common.topology (services, ports, subscriptions, topics), the health router (probe
  paths), ServiceSettings (environment variables), the checked-in AsyncAPI document (topics, who
  sends and receives), the Makefile's uv version and deploy/kafka/pom.xml's Kafka version;
- published schemas: kubernetes-validate (core kinds, strict), the CRDs in the folder RENKEI_CRD_DIR
  names (custom resources), the Compose specification shipped by check-jsonschema (docker-compose.yml);
- metric names: the Prometheus collectors the code registers, and the third-party exporters' documented
  names (THIRD_PARTY_METRICS), for the alerts and the Grafana dashboards.
"""

from __future__ import annotations

import base64
import dataclasses
import importlib.resources
import importlib.util
import inspect
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import kubernetes_validate
import yaml

REPO = Path(__file__).resolve().parents[2]
# The operators' published CRDs (Strimzi, CloudNativePG, ...) are not vendored: RENKEI_CRD_DIR names their
# folder, by default the schemas folder the workspace provides beside the checkout.
CRD_DIR = Path(os.environ.get("RENKEI_CRD_DIR") or REPO.parent / "shared" / "schemas" / "k8s-crds")
K8S_DIR = REPO / "deploy" / "k8s"
DOCKER_DIR = REPO / "deploy" / "docker"
IMAGES_ENV = REPO / "deploy" / "images.env"
COMPOSE_FILE = REPO / "docker-compose.yml"
ENV_EXAMPLE = REPO / ".env.example"
DOCKERIGNORE = REPO / ".dockerignore"
ASYNCAPI = REPO / "libs" / "common" / "contracts" / "asyncapi.json"
# The oldest Kubernetes the manifests need (preStop `sleep` action) and a current one.
K8S_VERSIONS = ("1.30", "1.34")
LIVENESS_PATH = "/livez"
READINESS_PATH = "/readyz"
# Settings every deployment must set explicitly: their defaults are wrong or refused outside dev.
REQUIRED_SETTINGS = (
    "mode",
    "host",
    "database_url",
    "transport",
    "kafka_bootstrap",
    "jwt_secret",
    "oidc_jwks_url",
    "migrate_on_start",
)
# Kubernetes runs prod mode against the Strimzi listener (SCRAM) and the OIDC issuer.
REQUIRED_SETTINGS_K8S = (
    *REQUIRED_SETTINGS,
    "kafka_security_protocol",
    "kafka_sasl_mechanism",
    "kafka_username",
    "kafka_password",
    "jwt_issuer",
    "jwt_audience",
)
SECRET_SETTINGS = ("jwt_secret", "kafka_password")
GRAFANA_DIR = REPO / "deploy" / "grafana"
# Metrics the alerts and dashboards use that other software exports, with where each is documented.
THIRD_PARTY_METRICS = {
    # Strimzi's Kafka exporter (danielqsj/kafka_exporter): consumer-group lag per topic and partition.
    "kafka_consumergroup_lag": "https://github.com/danielqsj/kafka_exporter#consumer-groups",
    # The Barman Cloud plugin, through the CNPG instance's exporter.
    "barman_cloud_cloudnative_pg_io_last_available_backup_timestamp": (
        "https://cloudnative-pg.io/plugin-barman-cloud/docs/observability"
    ),
    # The kubelet's volume statistics (PersistentVolumeClaims of brokers and PostgreSQL instances).
    "kubelet_volume_stats_available_bytes": "https://kubernetes.io/docs/reference/instrumentation/metrics/",
    "kubelet_volume_stats_capacity_bytes": "https://kubernetes.io/docs/reference/instrumentation/metrics/",
}
PROMQL_WORDS = frozenset(
    {
        "by",
        "without",
        "on",
        "ignoring",
        "group_left",
        "group_right",
        "offset",
        "bool",
        "and",
        "or",
        "unless",
        "le",
    }
)


# ---- what the code says ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Code:
    ports: dict[str, int]
    subscriptions: dict[str, tuple[str, ...]]
    topics: list[str]
    contract_topics: list[str]
    contract_sends: set[str]
    contract_receives: set[str]
    health_paths: frozenset[str]
    settings_env: frozenset[str]
    dev_jwt_secret: str
    db_pool_per_replica: int
    uv_version: str
    kafka_version: str
    images: dict[str, str] = field(default_factory=dict)
    metrics: frozenset[str] = frozenset()
    # Services whose recompute worker runs in a Deployment of its own (their Settings name it).
    recompute_workers: tuple[str, ...] = ()

    def deployments(self) -> list[tuple[str, str, int]]:
        """(service, Deployment name, HTTP port) of every Deployment that serves a service's image."""
        found = [(service, f"renkei-{service}", port) for service, port in self.ports.items()]
        found += [(s, f"renkei-{s}-recompute", self.ports[s]) for s in self.recompute_workers]
        return found

    @property
    def services(self) -> list[str]:
        return list(self.ports)

    def env(self, setting: str) -> str:
        return f"RENKEI_{setting.upper()}"

    def events_topic(self, service: str) -> str:
        from renkei_common.topology import events_topic

        return events_topic(service)

    def dlq_topic(self, consumer: str) -> str:
        from renkei_common.topology import dlq_topic

        return dlq_topic(consumer)


def load_script(path: Path) -> ModuleType:
    """Import a script that is not on sys.path (the generators, wait_migrated.py)."""
    spec = importlib.util.spec_from_file_location(f"_deploy_{path.parent.name}_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def settings_class(service: str) -> Any:
    """The service's own Settings (ServiceSettings and its fields)."""
    return importlib.import_module(f"renkei_{service}.config").Settings


@cache
def code() -> Code:
    from renkei_common import settings as settings_module
    from renkei_common import topology
    from renkei_common.db import Database
    from renkei_common.ops import health_router

    contract = json.loads(ASYNCAPI.read_text(encoding="utf-8"))
    channels = contract["channels"]

    def addresses(action: str) -> set[str]:
        return {
            channels[op["channel"]["$ref"].rsplit("/", 1)[-1]]["address"]
            for op in contract["operations"].values()
            if op["action"] == action
        }

    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    pom = (REPO / "deploy" / "kafka" / "pom.xml").read_text(encoding="utf-8")
    fields = dict(settings_module.ServiceSettings.model_fields)
    for service in topology.SERVICE_PORTS:  # a service's own settings are RENKEI_* variables as well
        fields |= settings_class(service).model_fields
    pool_size = inspect.signature(Database.__init__).parameters["pool_size"].default
    import renkei_common.events.metrics  # noqa: F401  (registers the event metrics)

    return Code(
        ports=dict(topology.SERVICE_PORTS),
        subscriptions=dict(topology.subscriptions()),
        topics=topology.all_topics(),
        contract_topics=[c["address"] for c in channels.values()],
        contract_sends=addresses("send"),
        contract_receives=addresses("receive"),
        health_paths=frozenset(getattr(r, "path", "") for r in health_router().routes),
        settings_env=frozenset(f"RENKEI_{name.upper()}" for name in fields),
        dev_jwt_secret=settings_module.DEV_JWT_SECRET,
        db_pool_per_replica=2 * pool_size,  # pool_size plus as many overflow connections
        uv_version=_search(r"^UV_VERSION\s*:=\s*(\S+)", makefile),
        kafka_version=_search(r"<kafka\.version>([^<]+)</kafka\.version>", pom),
        images=read_env_file(IMAGES_ENV),
        recompute_workers=tuple(
            s for s in topology.SERVICE_PORTS if "recompute_worker" in settings_class(s).model_fields
        ),
        metrics=exported_metrics(),
    )


def exported_metrics() -> frozenset[str]:
    """Every series name the code's Prometheus collectors can expose (counters' _total, histograms'
    _bucket/_sum/_count), from the default registry the services serve on /metrics."""
    from prometheus_client import REGISTRY

    suffixes = {"counter": ("_total", "_created"), "histogram": ("_bucket", "_sum", "_count", "_created")}
    names: set[str] = set()
    for family in REGISTRY.collect():
        names.add(family.name)
        names.update(family.name + suffix for suffix in suffixes.get(family.type, ()))
    return frozenset(names)


def promql_metrics(expr: str) -> set[str]:
    """The metric names a PromQL expression reads: identifiers that are not functions, keywords, label
    names (inside {} or by/without/on (...)), durations or strings."""
    stripped = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    stripped = re.sub(r"\{[^}]*\}", "", stripped)
    stripped = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", stripped)
    stripped = re.sub(r"\[[^\]]*\]", "", stripped)
    names = set()
    for match in re.finditer(r"(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?", stripped):
        word, call = match.group(1), match.group(2)
        if call or word in PROMQL_WORDS:
            continue
        names.add(word)
    return names


def check_metric_names(exprs: Iterable[tuple[str, str]], c: Code) -> list[str]:
    """(where, PromQL) pairs whose metrics neither the code nor a documented exporter provides."""
    problems = []
    for where, expr in exprs:
        for name in sorted(promql_metrics(expr)):
            if name not in c.metrics and name not in THIRD_PARTY_METRICS:
                problems.append(
                    f"{where}: metric {name} is exported by neither the code nor a known exporter"
                )
    return problems


def check_grafana(directory: Path, c: Code) -> list[str]:
    """Every dashboard parses as JSON, has panels with Prometheus queries, and names only known metrics."""
    problems: list[str] = []
    dashboards = sorted(directory.glob("*.json"))
    if not dashboards:
        return [f"no Grafana dashboard in {directory}"]
    for path in dashboards:
        try:
            dashboard = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            problems.append(f"{path.name}: not JSON: {exc}")
            continue
        panels = dashboard.get("panels") or []
        if not dashboard.get("title") or not dashboard.get("uid") or not panels:
            problems.append(f"{path.name}: a dashboard needs a title, a uid and panels")
        exprs = [
            (f"{path.name} panel {panel.get('title')!r}", target.get("expr", ""))
            for panel in panels
            for target in panel.get("targets", [])
        ]
        if any(not expr for _, expr in exprs):
            problems.append(f"{path.name}: a panel target has no expr")
        problems += check_metric_names(exprs, c)
    return problems


def _search(pattern: str, text: str) -> str:
    match = re.search(pattern, text, re.MULTILINE)
    return match.group(1) if match else ""


def check_code_facts(c: Code) -> list[str]:
    """The facts the other checks rely on hold, so a rename in the code fails loudly here."""
    problems = []
    for path in (LIVENESS_PATH, READINESS_PATH, "/metrics"):
        if path not in c.health_paths:
            problems.append(f"health router no longer serves {path} (serves {sorted(c.health_paths)})")
    for setting in REQUIRED_SETTINGS_K8S:
        if c.env(setting) not in c.settings_env:
            problems.append(f"ServiceSettings has no field {setting!r} any more: update deploy_checks")
    if sorted(c.topics) != sorted(c.contract_topics):
        problems.append(f"topology.all_topics() {c.topics} != asyncapi channels {c.contract_topics}")
    if not c.uv_version or not c.kafka_version:
        problems.append(
            "could not read UV_VERSION from the Makefile or kafka.version from deploy/kafka/pom.xml"
        )
    return problems


# ---- Kubernetes: build, schemas ----------------------------------------------------------------------


def kubectl() -> str | None:
    return shutil.which("kubectl") or ("/usr/bin/kubectl" if Path("/usr/bin/kubectl").exists() else None)


def kustomize_build(directory: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """(objects, problems) of `kubectl kustomize <directory>`, offline."""
    binary = kubectl()
    if binary is None:
        return [], ["kubectl not found: cannot run kustomize"]
    result = subprocess.run(
        [binary, "kustomize", str(directory)], capture_output=True, text=True, timeout=120, check=False
    )
    if result.returncode != 0:
        return [], [f"kustomize build of {directory.name} failed: {result.stderr.strip()}"]
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc], []


def ref(obj: dict[str, Any]) -> str:
    return f"{obj.get('kind')}/{obj.get('metadata', {}).get('name')}"


def is_custom(obj: dict[str, Any]) -> bool:
    group = str(obj.get("apiVersion", "")).rpartition("/")[0]
    return "." in group and not group.endswith(".k8s.io")


def validate_core(objects: Iterable[dict[str, Any]], versions: Iterable[str] = K8S_VERSIONS) -> list[str]:
    """Every core object against the Kubernetes OpenAPI schemas, strict (unknown fields are errors)."""
    problems = []
    for obj in objects:
        if is_custom(obj):
            continue
        for version in versions:
            try:
                kubernetes_validate.validate(obj, version, strict=True)
            except kubernetes_validate.ValidationError as exc:
                where = "/".join(str(p) for p in exc.absolute_path) or "(root)"
                problems.append(f"{ref(obj)} invalid for Kubernetes {version} at {where}: {exc.message}")
            except kubernetes_validate.SchemaNotFoundError as exc:
                problems.append(f"{ref(obj)}: {exc.message}")
    return problems


def load_crd_schemas(directory: Path = CRD_DIR) -> dict[tuple[str, str], dict[str, Any]]:
    """{(apiVersion, kind): openAPIV3Schema} of every served version of every CRD in the directory."""
    schemas = {}
    for path in sorted(directory.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if not doc or doc.get("kind") != "CustomResourceDefinition":
                continue
            group, kind = doc["spec"]["group"], doc["spec"]["names"]["kind"]
            for version in doc["spec"]["versions"]:
                if version.get("served"):
                    schemas[(f"{group}/{version['name']}", kind)] = version["schema"]["openAPIV3Schema"]
    return schemas


def unknown_fields(value: Any, schema: dict[str, Any], path: str) -> list[str]:
    """Fields a structural schema does not declare: the API server rejects them (kubectl's strict field
    validation) where it would otherwise prune them silently."""
    if not isinstance(schema, dict) or schema.get("x-kubernetes-preserve-unknown-fields"):
        return []
    problems = []
    if isinstance(value, dict):
        properties = schema.get("properties")
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if properties is not None and key in properties:
                problems += unknown_fields(item, properties[key], f"{path}.{key}")
            elif isinstance(extra, dict):
                problems += unknown_fields(item, extra, f"{path}.{key}")
            elif extra is not True:
                problems.append(f"{path}.{key}: unknown field")
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            problems += unknown_fields(item, schema["items"], f"{path}[{index}]")
    return problems


_DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")


def validate_custom_resources(
    objects: Iterable[dict[str, Any]], schemas: dict[tuple[str, str], dict[str, Any]]
) -> list[str]:
    """Every custom resource against its CRD's openAPIV3Schema (x-kubernetes-validations CEL rules are
    not evaluated offline), plus the fields the schema does not know, plus ObjectMeta basics."""
    problems = []
    for obj in objects:
        if not is_custom(obj):
            continue
        schema = schemas.get((obj.get("apiVersion", ""), obj.get("kind", "")))
        if schema is None:
            problems.append(f"{ref(obj)}: no CRD schema for {obj.get('apiVersion')} {obj.get('kind')}")
            continue
        validator = jsonschema.Draft4Validator(schema)
        for error in sorted(validator.iter_errors(obj), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            problems.append(f"{ref(obj)} at {where}: {error.message}")
        body = {k: v for k, v in obj.items() if k != "metadata"}
        problems += [f"{ref(obj)}: {p}" for p in unknown_fields(body, schema, "")]
        metadata = obj.get("metadata", {})
        name = metadata.get("name", "")
        if not (_DNS_SUBDOMAIN.match(name) and len(name) <= 253):
            problems.append(f"{ref(obj)}: metadata.name {name!r} is not a DNS subdomain")
        for key in ("labels", "annotations"):
            if any(not isinstance(v, str) for v in (metadata.get(key) or {}).values()):
                problems.append(f"{ref(obj)}: metadata.{key} values must be strings")
    return problems


# ---- Kubernetes: agreement with the code ---------------------------------------------------------------


@dataclass(frozen=True)
class Overlay:
    name: str
    kafka_nodes: int
    replication: int
    min_isr: int
    min_replicas: int
    pg_instances: int
    # dev: tokens signed with the cluster's own secret (`make token`); everything else must be prod.
    mode: str = "prod"
    # Production shape: backups, zones, separate controllers, images pinned by digest.
    production: bool = True
    restore: bool = False


_PROD = Overlay("prod", kafka_nodes=3, replication=3, min_isr=2, min_replicas=2, pg_instances=3)
OVERLAYS = {
    "dev": Overlay(
        "dev",
        kafka_nodes=1,
        replication=1,
        min_isr=1,
        min_replicas=1,
        pg_instances=1,
        mode="dev",
        production=False,
    ),
    "prod": _PROD,
    "restore": dataclasses.replace(_PROD, name="restore", restore=True),
}


class Index:
    def __init__(self, objects: list[dict[str, Any]]) -> None:
        self.objects = objects

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [o for o in self.objects if o.get("kind") == kind]

    def get(self, kind: str, name: str) -> dict[str, Any] | None:
        return next((o for o in self.of(kind) if o["metadata"].get("name") == name), None)


def container_env(
    container: dict[str, Any], index: Index
) -> tuple[dict[str, str], dict[str, tuple[str, str]], list[str]]:
    """(literal values, secret refs {name: (secret, key)}, problems) of a container's environment."""
    values: dict[str, str] = {}
    secrets: dict[str, tuple[str, str]] = {}
    problems = []
    for source in container.get("envFrom", []):
        if "configMapRef" in source:
            config_map = index.get("ConfigMap", source["configMapRef"]["name"])
            if config_map is None:
                problems.append(f"envFrom ConfigMap {source['configMapRef']['name']} is not in the build")
            else:
                values.update(config_map.get("data", {}))
        else:
            problems.append(f"envFrom {sorted(source)}: keys cannot be checked offline; use secretKeyRef")
    for var in container.get("env", []):
        if "value" in var:
            values[var["name"]] = str(var["value"])
        elif "secretKeyRef" in var.get("valueFrom", {}):
            secret_ref = var["valueFrom"]["secretKeyRef"]
            secrets[var["name"]] = (secret_ref["name"], secret_ref["key"])
    return values, secrets, problems


def _http_probe_path(container: dict[str, Any], probe: str) -> str | None:
    return (container.get(probe) or {}).get("httpGet", {}).get("path")


def _security_problems(pod: dict[str, Any], containers: list[dict[str, Any]]) -> list[str]:
    problems = []
    pod_context = pod.get("securityContext", {})
    if pod_context.get("seccompProfile", {}).get("type") != "RuntimeDefault":
        problems.append("pod securityContext.seccompProfile.type is not RuntimeDefault")
    if pod.get("automountServiceAccountToken") is not False:
        problems.append("pod mounts a service account token it does not need")
    tmp_volumes = {v["name"] for v in pod.get("volumes", []) if "emptyDir" in v}
    for container in containers:
        name = container["name"]
        context = container.get("securityContext", {})
        resources = container.get("resources", {})
        if not (context.get("runAsNonRoot") or pod_context.get("runAsNonRoot")):
            problems.append(f"container {name}: runAsNonRoot is not set")
        if context.get("readOnlyRootFilesystem") is not True:
            problems.append(f"container {name}: readOnlyRootFilesystem is not true")
        if context.get("allowPrivilegeEscalation") is not False:
            problems.append(f"container {name}: allowPrivilegeEscalation is not false")
        if context.get("capabilities", {}).get("drop") != ["ALL"]:
            problems.append(f"container {name}: capabilities do not drop ALL")
        mounts = container.get("volumeMounts", [])
        if not any(m["mountPath"] == "/tmp" and m["name"] in tmp_volumes for m in mounts):
            problems.append(f"container {name}: no emptyDir on /tmp (read-only root filesystem)")
        if not resources.get("requests") or "memory" not in resources.get("limits", {}):
            problems.append(f"container {name}: resources need requests and a memory limit")
    return problems


def _env_problems(
    where: str,
    container: dict[str, Any],
    index: Index,
    c: Code,
    required: Iterable[str],
    mode: str = "prod",
    service: str | None = None,
) -> list[str]:
    values, secrets, problems = container_env(container, index)
    problems = [f"{where}: {p}" for p in problems]
    names = set(values) | set(secrets)
    for setting in required:
        if c.env(setting) not in names:
            problems.append(f"{where}: {c.env(setting)} is not set")
    for name in sorted(names):
        if name.startswith("RENKEI_") and name not in c.settings_env:
            problems.append(f"{where}: {name} is not a ServiceSettings field (typo?)")
    expected = {"RENKEI_MODE": mode, "RENKEI_TRANSPORT": "kafka", "RENKEI_MIGRATE_ON_START": "false"}
    for name, want in expected.items():
        if name in values and values[name].lower() != want:
            problems.append(f"{where}: {name}={values[name]!r}, expected {want!r}")
    for setting in SECRET_SETTINGS:
        if c.env(setting) in values:
            problems.append(f"{where}: {c.env(setting)} is a literal value; it must come from a Secret")
    problems += _settings_refusals(where, values, secrets, service)
    url = values.get("RENKEI_DATABASE_URL", "")
    if url:
        password = re.match(r"^[^:]+://[^:@/]+:([^@]*)@", url)
        var = re.fullmatch(r"\$\((\w+)\)", password.group(1)) if password else None
        if password is None or var is None or var.group(1) not in secrets:
            problems.append(
                f"{where}: RENKEI_DATABASE_URL must take its password from a secretKeyRef variable"
            )
    return problems


def _settings_refusals(
    where: str, values: dict[str, str], secrets: dict[str, tuple[str, str]], service: str | None = None
) -> list[str]:
    """What the service's settings themselves refuse of this environment (prod without an issuer, a
    malformed URL, an unknown mode, finance's dedicated worker behind PgBouncer...), with the Secrets'
    values stood in for: the pod would crash on start."""
    from pydantic import ValidationError
    from renkei_common.settings import ServiceSettings as CommonSettings

    ServiceSettings = settings_class(service) if service else CommonSettings
    given: dict[str, Any] = {
        n[len("RENKEI_") :].lower(): v for n, v in values.items() if n.startswith("RENKEI_")
    }
    given.update(
        {n[len("RENKEI_") :].lower(): "from-a-secret-" + "x" * 32 for n in secrets if n.startswith("RENKEI_")}
    )
    fields = ServiceSettings.model_fields
    try:
        ServiceSettings(**{k: v for k, v in given.items() if k in fields})
    except ValidationError as exc:
        return [f"{where}: the service refuses its settings: {e['loc']} {e['msg']}" for e in exc.errors()]
    return []


def _expected_acls(c: Code, service: str) -> set[tuple[str, str, str, str]]:
    acls = {("topic", c.events_topic(service), "literal", op) for op in ("Write", "Describe")}
    acls.add(("cluster", "", "", "IdempotentWrite"))
    if service in c.subscriptions:
        for producer in c.subscriptions[service]:
            acls |= {("topic", c.events_topic(producer), "literal", op) for op in ("Read", "Describe")}
        acls |= {("group", service, "prefix", op) for op in ("Read", "Describe")}
        acls |= {("topic", c.dlq_topic(service), "literal", op) for op in ("Write", "Describe")}
    return acls


def _actual_acls(user: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    acls = set()
    for acl in user.get("spec", {}).get("authorization", {}).get("acls", []):
        if acl.get("type", "allow") != "allow":
            continue
        resource = acl["resource"]
        pattern = resource.get("patternType", "literal") if resource["type"] != "cluster" else ""
        for op in acl.get("operations", []):
            acls.add((resource["type"], resource.get("name", ""), pattern, op))
    return acls


def release_suffix(tag: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in tag.lower()).strip("-")


def expected_image(c: Code, service: str, overlay: Overlay) -> str:
    """By digest in production (what the release built, deploy/images.env), by tag elsewhere."""
    repository = f"{c.images['RENKEI_IMAGE_REGISTRY']}/renkei-{service}"
    if overlay.production:
        return f"{repository}@{c.images.get(f'RENKEI_IMAGE_DIGEST_{service.upper()}', '<no digest>')}"
    return f"{repository}:{c.images['RENKEI_IMAGE_TAG']}"


_DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")


def check_k8s_against_code(objects: list[dict[str, Any]], overlay: Overlay, c: Code) -> list[str]:
    index = Index(objects)
    problems: list[str] = []
    for service, port in c.ports.items():
        name = f"renkei-{service}"
        image = expected_image(c, service, overlay)
        if overlay.production and not _DIGEST.match(image.rpartition("@")[2]):
            problems.append(
                f"{overlay.name}: images.env RENKEI_IMAGE_DIGEST_{service.upper()} is not a sha256 digest"
            )
        deployment = index.get("Deployment", name)
        if deployment is None:
            problems.append(f"{overlay.name}: no Deployment {name}")
            continue
        where = f"{overlay.name} Deployment/{name}"
        pod = deployment["spec"]["template"]["spec"]
        pod_labels = deployment["spec"]["template"]["metadata"].get("labels", {})
        containers = pod.get("containers", [])
        api = containers[0] if containers else {}
        if api.get("image") != image:
            problems.append(f"{where}: image {api.get('image')!r}, expected {image!r} (deploy/images.env)")
        if not any(p.get("containerPort") == port for p in api.get("ports", [])):
            problems.append(f"{where}: containerPort is not {port} (topology.SERVICE_PORTS)")
        live, ready = _http_probe_path(api, "livenessProbe"), _http_probe_path(api, "readinessProbe")
        for probe, path, want in (
            ("livenessProbe", live, LIVENESS_PATH),
            ("readinessProbe", ready, READINESS_PATH),
        ):
            if path != want or path not in c.health_paths:
                problems.append(
                    f"{where}: {probe} path {path!r}, expected {want!r} (served: {sorted(c.health_paths)})"
                )
        if (pod.get("terminationGracePeriodSeconds") or 30) < 30:
            problems.append(f"{where}: terminationGracePeriodSeconds below 30 cuts the consumer drain short")
        if not api.get("lifecycle", {}).get("preStop"):
            problems.append(f"{where}: no preStop hook to let endpoints drain")
        problems += [
            f"{where}: {p}" for p in _security_problems(pod, containers + pod.get("initContainers", []))
        ]
        problems += _env_problems(where, api, index, c, REQUIRED_SETTINGS_K8S, overlay.mode, service)
        if not any(
            i["image"] == image and service in i.get("command", []) for i in pod.get("initContainers", [])
        ):
            problems.append(f"{where}: no init container waiting for the migrations")

        svc = index.get("Service", name)
        if svc is None or not any(p.get("port") == port for p in svc["spec"].get("ports", [])):
            problems.append(f"{overlay.name}: Service {name} does not expose port {port}")
        elif not set(svc["spec"]["selector"].items()) <= set(pod_labels.items()):
            problems.append(f"{overlay.name}: Service {name} selects no pod of its Deployment")

        # Named per release, so that applying a new release creates a new Job instead of failing on the
        # old one's immutable template.
        job_name = f"{name}-migrate-{release_suffix(c.images['RENKEI_IMAGE_TAG'])}"
        job = index.get("Job", job_name)
        if job is None:
            problems.append(f"{overlay.name}: no migration Job {job_name} (named per release)")
        else:
            job_pod = job["spec"]["template"]["spec"]
            migrate = job_pod["containers"][0]
            if migrate.get("args") != ["migrate"] or migrate.get("image") != image:
                problems.append(f"{overlay.name} Job/{job_name}: must run `migrate` with image {image}")
            problems += [
                f"{overlay.name} Job/{job_name}: {p}" for p in _security_problems(job_pod, [migrate])
            ]
            problems += _env_problems(
                f"{overlay.name} Job/{job_name}", migrate, index, c, REQUIRED_SETTINGS, overlay.mode
            )

        problems += _check_scaling(index, overlay, c, service, deployment)
        pdb = index.get("PodDisruptionBudget", name)
        if pdb is None or not set(pdb["spec"]["selector"]["matchLabels"].items()) <= set(pod_labels.items()):
            problems.append(f"{overlay.name}: no PodDisruptionBudget selecting {name}")
        elif pdb["spec"].get("unhealthyPodEvictionPolicy") != "AlwaysAllow":
            problems.append(
                f"{overlay.name}: PodDisruptionBudget {name} must set unhealthyPodEvictionPolicy AlwaysAllow "
                "(a crash-looping pod would block node drains)"
            )

    problems += _check_recompute_workers(index, overlay, c)
    problems += _check_ingress(index, overlay, c)
    problems += _check_kafka(index, overlay, c)
    problems += _check_postgres(index, overlay, c)
    problems += _check_backups(index, overlay)
    problems += _check_network_policies(index, overlay, c)
    problems += _check_monitoring(index, overlay, c)
    return problems


def _check_recompute_workers(index: Index, overlay: Overlay, c: Code) -> list[str]:
    """A dedicated worker per service that has one: the same image and probes, woken by the API pods'
    NOTIFY (so they run `separate`), on the primary directly (LISTEN cannot pass PgBouncer's transaction
    mode: its settings refuse it), one replica (runs take a lock)."""
    problems: list[str] = []
    for service in c.recompute_workers:
        name = f"renkei-{service}-recompute"
        api = index.get("Deployment", f"renkei-{service}")
        deployment = index.get("Deployment", name)
        if deployment is None or api is None:
            problems.append(f"{overlay.name}: no Deployment {name} beside renkei-{service}")
            continue
        where = f"{overlay.name} Deployment/{name}"
        pod = deployment["spec"]["template"]["spec"]
        worker = pod["containers"][0]
        image = expected_image(c, service, overlay)
        if worker.get("image") != image or worker.get("args") != ["serve"]:
            problems.append(f"{where}: must `serve` image {image}")
        for probe, want in (("livenessProbe", LIVENESS_PATH), ("readinessProbe", READINESS_PATH)):
            if _http_probe_path(worker, probe) != want:
                problems.append(f"{where}: {probe} path is not {want!r}")
        if deployment["spec"].get("replicas") != 1:
            problems.append(f"{where}: one replica (runs take a lock; a second would only wait)")
        problems += [
            f"{where}: {p}" for p in _security_problems(pod, pod["containers"] + pod["initContainers"])
        ]
        problems += _env_problems(where, worker, index, c, REQUIRED_SETTINGS_K8S, overlay.mode, service)
        for label, container, want in (
            (where, worker, "dedicated"),
            (
                f"{overlay.name} Deployment/renkei-{service}",
                api["spec"]["template"]["spec"]["containers"][0],
                "separate",
            ),
        ):
            values, _, _ = container_env(container, index)
            if values.get("RENKEI_RECOMPUTE_WORKER") != want:
                problems.append(f"{label}: RENKEI_RECOMPUTE_WORKER is not {want!r}")
    return problems


def _check_scaling(
    index: Index, overlay: Overlay, c: Code, service: str, deployment: dict[str, Any]
) -> list[str]:
    """Consumers scale on their lag (KEDA, at most the partition count); the others on CPU (HPA)."""
    name, problems = f"renkei-{service}", []
    hpa = index.get("HorizontalPodAutoscaler", name)
    scaled = index.get("ScaledObject", name)
    sources = c.subscriptions.get(service, ())
    floor = 1
    if sources:
        if hpa is not None:
            problems.append(f"{overlay.name}: consumer {name} has an HPA; KEDA's ScaledObject must own it")
        if scaled is None or scaled["spec"]["scaleTargetRef"].get("name") != name:
            return [*problems, f"{overlay.name}: no ScaledObject scaling consumer {name} on its lag"]
        spec = scaled["spec"]
        floor = spec.get("minReplicaCount", 0)
        lagged = {
            t["metadata"].get("topic")
            for t in spec.get("triggers", [])
            if t.get("type") == "kafka" and t["metadata"].get("consumerGroup") == service
        }
        for producer in sources:
            topic = c.events_topic(producer)
            if topic not in lagged:
                problems.append(f"{overlay.name}: ScaledObject {name} does not scale on the lag of {topic}")
        topics = {t["spec"].get("topicName"): t["spec"].get("partitions", 0) for t in index.of("KafkaTopic")}
        most = max((topics.get(c.events_topic(p), 0) for p in sources), default=0)
        if spec.get("maxReplicaCount", 100) > most:
            problems.append(
                f"{overlay.name}: ScaledObject {name} maxReplicaCount {spec.get('maxReplicaCount', 100)} "
                f"exceeds the {most} partitions of its topics (the extra consumers would idle)"
            )
        if floor < overlay.min_replicas:
            problems.append(
                f"{overlay.name}: ScaledObject {name} minReplicaCount below {overlay.min_replicas}"
            )
    elif hpa is None or hpa["spec"]["scaleTargetRef"].get("name") != name:
        problems.append(f"{overlay.name}: no HorizontalPodAutoscaler for Deployment {name}")
    else:
        floor = hpa["spec"].get("minReplicas", 1)
        if floor < overlay.min_replicas:
            problems.append(f"{overlay.name}: HPA {name} minReplicas below {overlay.min_replicas}")
    if deployment["spec"].get("replicas", floor) < overlay.min_replicas:
        problems.append(f"{overlay.name}: Deployment {name} has fewer than {overlay.min_replicas} replicas")
    return problems


def max_replicas(index: Index, name: str) -> int:
    """The most replicas the autoscaler (HPA or KEDA) may run of a Deployment."""
    hpa, scaled = index.get("HorizontalPodAutoscaler", name), index.get("ScaledObject", name)
    if scaled is not None:
        return int(scaled["spec"].get("maxReplicaCount", 100))
    return int(hpa["spec"]["maxReplicas"]) if hpa is not None else 1


def _check_backups(index: Index, overlay: Overlay) -> list[str]:
    """Production: WAL archived and base backups taken through the Barman Cloud plugin into an existing
    ObjectStore; never the deprecated in-tree barmanObjectStore. A restore bootstraps from it."""
    problems: list[str] = []
    clusters = index.of("Cluster")
    if len(clusters) != 1:
        return problems
    cluster = clusters[0]
    spec, name = cluster["spec"], cluster["metadata"]["name"]
    if "barmanObjectStore" in (spec.get("backup") or {}):
        problems.append(f"{overlay.name}: Cluster {name} uses the deprecated in-tree barmanObjectStore")
    stores = {o["metadata"]["name"] for o in index.of("ObjectStore")}
    plugin = "barman-cloud.cloudnative-pg.io"
    archivers = [p for p in spec.get("plugins", []) if p.get("name") == plugin and p.get("isWALArchiver")]
    if not overlay.production:
        return problems
    if not archivers or archivers[0].get("parameters", {}).get("barmanObjectName") not in stores:
        problems.append(f"{overlay.name}: Cluster {name} archives no WAL into an ObjectStore of the build")
    backups = [
        b
        for b in index.of("ScheduledBackup")
        if b["spec"].get("cluster", {}).get("name") == name
        and b["spec"].get("method") == "plugin"
        and b["spec"].get("pluginConfiguration", {}).get("name") == plugin
    ]
    if not backups:
        problems.append(f"{overlay.name}: no ScheduledBackup (method plugin) takes base backups of {name}")
    recovery = spec.get("bootstrap", {}).get("recovery")
    if overlay.restore:
        sources = {e["name"]: e for e in spec.get("externalClusters", [])}
        source = sources.get((recovery or {}).get("source", ""))
        params = (source or {}).get("plugin", {}).get("parameters", {})
        if recovery is None or source is None or params.get("barmanObjectName") not in stores:
            problems.append(
                f"{overlay.name}: Cluster {name} does not recover from an ObjectStore of the build"
            )
        elif archivers and archivers[0].get("parameters", {}).get("serverName", name) == params.get(
            "serverName", name
        ):
            problems.append(
                f"{overlay.name}: the restored Cluster archives under the serverName it recovers from, "
                "overwriting the origin's backups"
            )
    elif recovery is not None:
        problems.append(
            f"{overlay.name}: Cluster {name} bootstraps from a backup outside the restore overlay"
        )
    return problems


def _check_monitoring(index: Index, overlay: Overlay, c: Code) -> list[str]:
    problems: list[str] = []
    monitors = index.of("PodMonitor")
    for _service, name, _port in c.deployments():
        deployment = index.get("Deployment", name)
        if deployment is None:
            continue
        pod_labels = deployment["spec"]["template"]["metadata"].get("labels", {})
        ports = {
            p.get("name") for p in deployment["spec"]["template"]["spec"]["containers"][0].get("ports", [])
        }
        if not any(
            selector_matches(m["spec"]["selector"], pod_labels)
            and any(
                e.get("port") in ports and e.get("path") == "/metrics"
                for e in m["spec"]["podMetricsEndpoints"]
            )
            for m in monitors
        ):
            problems.append(f"{overlay.name}: no PodMonitor scrapes /metrics of {name}")
    rules = [
        (
            f"{overlay.name} alert {rule.get('alert', rule.get('record'))}",
            rule["expr"],
        )
        for rule_set in index.of("PrometheusRule")
        for group in rule_set["spec"].get("groups", [])
        for rule in group.get("rules", [])
    ]
    alerts = " ".join(expr for _, expr in rules)
    for needed in (
        "renkei_outbox_backlog",
        "kafka_consumergroup_lag",
        'outcome="dead_lettered"',
        'status=~"5..',
        "last_available_backup_timestamp",
        "kubelet_volume_stats_available_bytes",
    ):
        if needed not in alerts:
            problems.append(f"{overlay.name}: no alert on {needed}")
    problems += check_metric_names(rules, c)
    kafka = index.of("Kafka")
    if kafka and "kafkaExporter" not in kafka[0]["spec"]:
        problems.append(f"{overlay.name}: Kafka has no kafkaExporter: consumer lag is not measured")
    return problems


def _check_ingress(index: Index, overlay: Overlay, c: Code) -> list[str]:
    problems = []
    routes: dict[str, int] = {}
    for ingress in index.of("Ingress"):
        for rule in ingress["spec"].get("rules", []):
            for path in rule.get("http", {}).get("paths", []):
                backend = path["backend"]["service"]
                routes[backend["name"]] = backend["port"].get("number", 0)
                if any(p in path["path"] for p in ("/livez", "/readyz", "/metrics")):
                    problems.append(
                        f"{overlay.name}: Ingress path {path['path']} exposes a probe or /metrics"
                    )
    for service, port in c.ports.items():
        if routes.get(f"renkei-{service}") != port:
            problems.append(f"{overlay.name}: Ingress does not route to renkei-{service}:{port}")
    return problems


def _check_kafka(index: Index, overlay: Overlay, c: Code) -> list[str]:
    problems = []
    kafkas = index.of("Kafka")
    if len(kafkas) != 1:
        return [f"{overlay.name}: expected one Kafka, found {len(kafkas)}"]
    kafka = kafkas[0]
    cluster = kafka["metadata"]["name"]
    if kafka["spec"]["kafka"].get("version") != c.kafka_version:
        problems.append(
            f"{overlay.name}: Kafka version {kafka['spec']['kafka'].get('version')} is not "
            f"deploy/kafka/pom.xml's {c.kafka_version}"
        )
    config = kafka["spec"]["kafka"].get("config", {})
    if config.get("min.insync.replicas") != overlay.min_isr:
        problems.append(f"{overlay.name}: Kafka min.insync.replicas is not {overlay.min_isr}")
    if config.get("default.replication.factor") != overlay.replication:
        problems.append(f"{overlay.name}: Kafka default.replication.factor is not {overlay.replication}")
    if config.get("auto.create.topics.enable") is not False:
        problems.append(f"{overlay.name}: Kafka must not auto-create topics (every topic is a KafkaTopic)")
    pools = [
        p
        for p in index.of("KafkaNodePool")
        if p["metadata"].get("labels", {}).get("strimzi.io/cluster") == cluster
    ]
    roles = {role for p in pools for role in p["spec"].get("roles", [])}
    if roles != {"controller", "broker"}:
        problems.append(f"{overlay.name}: KafkaNodePools must provide KRaft controller and broker roles")
    brokers = sum(p["spec"]["replicas"] for p in pools if "broker" in p["spec"].get("roles", []))
    if brokers != overlay.kafka_nodes:
        problems.append(f"{overlay.name}: {brokers} Kafka brokers, expected {overlay.kafka_nodes}")
    if any(set(p["spec"].get("roles", [])) == {"controller", "broker"} for p in pools):
        problems.append(f"{overlay.name}: KRaft controllers must have a KafkaNodePool of their own")
    if overlay.production:
        zone = "topology.kubernetes.io/zone"
        if kafka["spec"]["kafka"].get("rack", {}).get("topologyKey") != zone:
            problems.append(f"{overlay.name}: Kafka is not rack-aware on {zone}")
        for pool in pools:
            anti = (
                pool["spec"].get("template", {}).get("pod", {}).get("affinity", {}).get("podAntiAffinity", {})
            )
            terms = anti.get("requiredDuringSchedulingIgnoredDuringExecution", [])
            if not any(t.get("topologyKey") == "kubernetes.io/hostname" for t in terms):
                problems.append(
                    f"{overlay.name}: KafkaNodePool {pool['metadata']['name']} may put two nodes on one host "
                    "(no required pod anti-affinity on kubernetes.io/hostname)"
                )
        # One node lost must leave min.insync.replicas in sync: replication - 1 >= min ISR >= 2.
        if not 2 <= overlay.min_isr <= overlay.replication - 1:
            problems.append(f"{overlay.name}: replication {overlay.replication} / min ISR {overlay.min_isr}")

    topics = {t["spec"].get("topicName", t["metadata"]["name"]): t for t in index.of("KafkaTopic")}
    for missing in sorted(set(c.contract_topics) - set(topics)):
        problems.append(f"{overlay.name}: no KafkaTopic for contract channel {missing}")
    for extra in sorted(set(topics) - set(c.contract_topics)):
        problems.append(f"{overlay.name}: KafkaTopic {extra} is not in the event contracts")
    for name, topic in topics.items():
        spec = topic["spec"]
        if topic["metadata"].get("labels", {}).get("strimzi.io/cluster") != cluster:
            problems.append(f"{overlay.name}: KafkaTopic {name} is not labelled strimzi.io/cluster={cluster}")
        if spec.get("replicas") != overlay.replication:
            problems.append(
                f"{overlay.name}: KafkaTopic {name} replicas {spec.get('replicas')}, "
                f"expected {overlay.replication}"
            )
        if spec.get("config", {}).get("min.insync.replicas") != overlay.min_isr:
            problems.append(f"{overlay.name}: KafkaTopic {name} min.insync.replicas is not {overlay.min_isr}")
        if "retention.ms" not in spec.get("config", {}) or not spec.get("partitions"):
            problems.append(f"{overlay.name}: KafkaTopic {name} needs partitions and retention.ms")

    users = {u["metadata"]["name"]: u for u in index.of("KafkaUser")}
    reads: set[str] = set()
    writes: set[str] = set()
    for service in c.services:
        user = users.get(f"renkei-{service}")
        if user is None:
            problems.append(f"{overlay.name}: no KafkaUser renkei-{service}")
            continue
        actual, expected = _actual_acls(user), _expected_acls(c, service)
        for acl in sorted(expected - actual):
            problems.append(f"{overlay.name}: KafkaUser renkei-{service} lacks ACL {acl}")
        for acl in sorted(actual - expected):
            problems.append(
                f"{overlay.name}: KafkaUser renkei-{service} has ACL {acl} beyond least privilege"
            )
        reads |= {a[1] for a in actual if a[0] == "topic" and a[3] == "Read"}
        writes |= {a[1] for a in actual if a[0] == "topic" and a[3] == "Write"}
        deployment = index.get("Deployment", f"renkei-{service}")
        if deployment is not None:
            values, secrets, _ = container_env(deployment["spec"]["template"]["spec"]["containers"][0], index)
            if values.get("RENKEI_KAFKA_USERNAME") != f"renkei-{service}":
                problems.append(f"{overlay.name}: renkei-{service} does not log in to Kafka as its KafkaUser")
            if secrets.get("RENKEI_KAFKA_PASSWORD", ("",))[0] != f"renkei-{service}":
                problems.append(f"{overlay.name}: renkei-{service} does not read its KafkaUser's Secret")
            bootstrap = values.get("RENKEI_KAFKA_BOOTSTRAP", "")
            if not bootstrap.startswith(f"{cluster}-kafka-bootstrap:"):
                problems.append(
                    f"{overlay.name}: renkei-{service} RENKEI_KAFKA_BOOTSTRAP {bootstrap!r} "
                    f"is not {cluster}'s bootstrap"
                )
    for address in sorted(c.contract_receives - reads):
        problems.append(f"{overlay.name}: the contracts receive from {address} but no KafkaUser may read it")
    for address in sorted(c.contract_sends - writes):
        problems.append(f"{overlay.name}: the contracts send to {address} but no KafkaUser may write it")
    return problems


def _check_postgres(index: Index, overlay: Overlay, c: Code) -> list[str]:
    clusters = index.of("Cluster")
    if len(clusters) != 1:
        return [f"{overlay.name}: expected one CloudNativePG Cluster, found {len(clusters)}"]
    cluster = clusters[0]
    spec = cluster["spec"]
    problems = []
    if spec.get("instances") != overlay.pg_instances:
        problems.append(
            f"{overlay.name}: PostgreSQL instances {spec.get('instances')}, expected {overlay.pg_instances}"
        )
    max_connections = int(spec.get("postgresql", {}).get("parameters", {}).get("max_connections", 100))
    poolers = {p["metadata"]["name"]: p for p in index.of("Pooler")}
    # PostgreSQL serves the poolers' server connections, never the replicas' pools directly.
    demand = sum(
        p["spec"].get("instances", 1)
        * int(p["spec"]["pgbouncer"].get("parameters", {}).get("default_pool_size", 20))
        for p in poolers.values()
    )
    if demand > max_connections - 20:  # headroom: superuser, replication, the operator, migration Jobs
        problems.append(
            f"{overlay.name}: the Poolers may open {demand} server connections, "
            f"PostgreSQL max_connections is {max_connections}"
        )
    image = spec.get("imageName", "")
    if image != c.images.get("CNPG_POSTGRES_IMAGE") or not re.search(
        r"(:\d+\.\d+[^:/]*|@sha256:[0-9a-f]{64})$", image
    ):
        problems.append(
            f"{overlay.name}: PostgreSQL image {image!r} is not images.env's pinned CNPG_POSTGRES_IMAGE"
        )
    if overlay.pg_instances > 1:
        synchronous = spec.get("postgresql", {}).get("synchronous", {})
        if synchronous.get("method") != "any" or synchronous.get("number", 0) < 1:
            problems.append(
                f"{overlay.name}: PostgreSQL replication is asynchronous; a failover may lose committed rows"
            )
    initdb = spec.get("bootstrap", {}).get("initdb", {})
    databases = {initdb.get("database")}
    owners = {initdb.get("database"): initdb.get("owner")}
    for statement in initdb.get("postInitSQL", []):
        match = re.match(r"CREATE DATABASE (\w+) OWNER (\w+)", statement, re.IGNORECASE)
        if match:
            databases.add(match.group(1))
            owners[match.group(1)] = match.group(2)
    roles = {r["name"]: r for r in spec.get("managed", {}).get("roles", [])}
    recovering = "recovery" in spec.get("bootstrap", {})
    if recovering:  # the databases and their owners come back from the backup
        databases |= {f"renkei_{s}" for s in c.services}
        owners.update({f"renkei_{s}": f"renkei_{s}" for s in c.services})
    for service in c.services:
        db = f"renkei_{service}"
        if db not in databases:
            problems.append(f"{overlay.name}: PostgreSQL cluster creates no database {db}")
        role = roles.get(owners.get(db, ""))
        if role is None or not role.get("login"):
            problems.append(f"{overlay.name}: database {db} has no managed login role owning it")
            continue
        deployment = index.get("Deployment", f"renkei-{service}")
        if deployment is None:
            continue
        values, secrets, _ = container_env(deployment["spec"]["template"]["spec"]["containers"][0], index)
        url = values.get("RENKEI_DATABASE_URL", "")
        host = re.escape(f"{cluster['metadata']['name']}-pooler-{service}")
        want = rf"^postgresql\+asyncpg://{role['name']}:\$\((\w+)\)@{host}(:5432)?/{db}$"
        match = re.match(want, url)
        pooler = poolers.get(f"{cluster['metadata']['name']}-pooler-{service}")
        if not match:
            problems.append(
                f"{overlay.name}: renkei-{service} RENKEI_DATABASE_URL {url!r} does not match {want}"
            )
        elif secrets.get(match.group(1), ("",))[0] != role.get("passwordSecret", {}).get("name"):
            problems.append(f"{overlay.name}: renkei-{service} database password is not its role's Secret")
        if pooler is None or pooler["spec"]["cluster"]["name"] != cluster["metadata"]["name"]:
            problems.append(f"{overlay.name}: no Pooler in front of {db}")
            continue
        if (
            pooler["spec"].get("type", "rw") != "rw"
            or pooler["spec"]["pgbouncer"].get("poolMode") != "transaction"
        ):
            problems.append(
                f"{overlay.name}: Pooler of {db} is not a read-write PgBouncer in transaction mode"
            )
        if values.get("RENKEI_DATABASE_POOLER") != "pgbouncer":
            problems.append(
                f"{overlay.name}: renkei-{service} connects through PgBouncer without "
                "RENKEI_DATABASE_POOLER=pgbouncer (cached prepared statements break in transaction mode)"
            )
        clients = max_replicas(index, f"renkei-{service}") * c.db_pool_per_replica
        capacity = pooler["spec"].get("instances", 1) * int(
            pooler["spec"]["pgbouncer"].get("parameters", {}).get("max_client_conn", 100)
        )
        if clients > capacity:
            problems.append(
                f"{overlay.name}: renkei-{service} may open {clients} client connections, "
                f"its Pooler accepts {capacity}"
            )
    return problems


def selector_matches(selector: dict[str, Any], pod_labels: dict[str, str]) -> bool:
    """A label selector's matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist)."""
    if not set(selector.get("matchLabels", {}).items()) <= set(pod_labels.items()):
        return False
    for e in selector.get("matchExpressions", []):
        key, operator, values = e["key"], e["operator"], e.get("values", [])
        matched = {
            "In": key in pod_labels and pod_labels[key] in values,
            "NotIn": pod_labels.get(key) not in values,
            "Exists": key in pod_labels,
            "DoesNotExist": key not in pod_labels,
        }[operator]
        if not matched:
            return False
    return True


def _selects(policy: dict[str, Any], pod_labels: dict[str, str]) -> bool:
    return selector_matches(policy["spec"].get("podSelector", {}), pod_labels)


def _allows_port(rules: list[dict[str, Any]], port: int) -> bool:
    return any(any(p.get("port") == port for p in rule.get("ports", [])) for rule in rules)


def _check_network_policies(index: Index, overlay: Overlay, c: Code) -> list[str]:
    policies = index.of("NetworkPolicy")
    problems = []
    if not any(
        p["spec"].get("podSelector") == {} and "Ingress" in p["spec"].get("policyTypes", []) for p in policies
    ):
        problems.append(f"{overlay.name}: no default-deny ingress NetworkPolicy")
    kafka_port = 9092
    for _service, name, port in c.deployments():
        deployment = index.get("Deployment", name)
        if deployment is None:
            continue
        pod_labels = deployment["spec"]["template"]["metadata"].get("labels", {})
        applying = [p for p in policies if _selects(p, pod_labels)]
        if not any(
            "Egress" in p["spec"].get("policyTypes", []) and not p["spec"].get("egress") for p in applying
        ):
            problems.append(f"{overlay.name}: {name} has no default-deny egress")
        ingress = [r for p in applying for r in p["spec"].get("ingress", [])]
        egress = [r for p in applying for r in p["spec"].get("egress", [])]
        if not _allows_port(ingress, port):
            problems.append(f"{overlay.name}: no NetworkPolicy lets traffic in to {name}:{port}")
        for what, wanted in (("Kafka", kafka_port), ("PostgreSQL", 5432), ("DNS", 53)):
            if not _allows_port(egress, wanted):
                problems.append(f"{overlay.name}: no NetworkPolicy lets {name} reach {what} ({wanted})")
    return problems


def documented_applies(markdown: Path) -> set[str]:
    """Repository paths that `kubectl apply -k|-f <path>` lines of a document apply."""
    text = markdown.read_text(encoding="utf-8")
    found = re.findall(r"kubectl(?:\s+-n\s+\S+)?\s+apply\s+(?:--\S+\s+)*-[kf]\s+(deploy/\S+)", text)
    return {path.rstrip("/") for path in found}


# ---- docker-compose.yml --------------------------------------------------------------------------------


def compose_schema() -> dict[str, Any]:
    resource = importlib.resources.files("check_jsonschema.builtin_schemas.vendor") / "compose-spec.json"
    return json.loads(resource.read_text(encoding="utf-8"))


def validate_compose_schema(document: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(compose_schema())
    return [
        f"compose at {'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}"
        for e in sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
    ]


_INTERPOLATION = re.compile(r"\$\$|\$\{(\w+)(?:(:?[-?])([^}]*))?\}|\$(\w+)")


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose variable interpolation with `env`; an unset required variable becomes <NAME>."""

    def replace(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name = match.group(1) or match.group(4)
        operator, default = match.group(2), match.group(3) or ""
        current = env.get(name)
        if operator in (":-", "-") and (current is None or (operator == ":-" and current == "")):
            return default
        if operator in (":?", "?") and not current:
            return f"<{name}>"
        return current or ""

    return _INTERPOLATION.sub(replace, value)


def _required_variables(text: str) -> set[str]:
    return {m.group(1) for m in _INTERPOLATION.finditer(text) if m.group(2) in (":?", "?")}


def _duration_s(value: str) -> float:
    units = {"h": 3600, "m": 60, "s": 1, "ms": 0.001}
    return sum(float(n) * units[u] for n, u in re.findall(r"(\d+(?:\.\d+)?)(ms|h|m|s)", str(value)))


def check_compose_against_code(text: str, c: Code, env_example: str | None) -> list[str]:
    document = yaml.safe_load(text)
    services = document.get("services", {})
    problems: list[str] = []
    defaults: dict[str, str] = {}

    def resolved(value: Any) -> str:
        return interpolate(str(value), defaults)

    for infra in ("postgres", "kafka", "kafka-topics"):
        if infra not in services:
            problems.append(f"compose: no {infra} service")
    if problems:
        return problems
    postgres, kafka, topics = services["postgres"], services["kafka"], services["kafka-topics"]
    for name, svc in (("postgres", postgres), ("kafka", kafka)):
        if "healthcheck" not in svc:
            problems.append(f"compose {name}: no healthcheck")
        named = [str(v).split(":", 1)[0] for v in svc.get("volumes", [])]
        if not any(v in (document.get("volumes") or {}) for v in named):
            problems.append(f"compose {name}: data is not on a named volume")
    if resolved(kafka.get("image", "")) != c.images["KAFKA_IMAGE"]:
        problems.append(
            f"compose kafka: image {resolved(kafka.get('image'))} is not images.env's KAFKA_IMAGE"
        )
    if not c.images["KAFKA_IMAGE"].startswith("apache/kafka:") or not c.images["KAFKA_IMAGE"].endswith(
        f":{c.kafka_version}"
    ):
        problems.append(
            f"images.env KAFKA_IMAGE is not apache/kafka:{c.kafka_version} (deploy/kafka/pom.xml)"
        )
    kafka_env = {k: str(v) for k, v in (kafka.get("environment") or {}).items()}
    if "controller" not in kafka_env.get("KAFKA_PROCESS_ROLES", ""):
        problems.append("compose kafka: not in KRaft mode (KAFKA_PROCESS_ROLES lacks controller)")
    if not _is_kafka_uuid(kafka_env.get("CLUSTER_ID", "")):
        problems.append(
            "compose kafka: CLUSTER_ID must be a UUID in Kafka's form (22 characters of base64url)"
        )
    if resolved(postgres.get("image", "")) != c.images["POSTGRES_IMAGE"]:
        problems.append("compose postgres: image is not images.env's POSTGRES_IMAGE")

    init_sql = ""
    for volume in postgres.get("volumes", []):
        source, _, target = str(volume).partition(":")
        if target.startswith("/docker-entrypoint-initdb.d/"):
            path = REPO / source
            init_sql += path.read_text(encoding="utf-8") if path.is_file() else ""
    created = set(re.findall(r"CREATE DATABASE\s+(\w+)", init_sql, re.IGNORECASE))

    script = "\n".join(str(x) for x in (topics.get("command") or []))
    topic_names = set(re.findall(r"^\s*create\s+(\S+)", script, re.MULTILINE))
    for missing in sorted(set(c.contract_topics) - topic_names):
        problems.append(f"compose kafka-topics: does not create contract topic {missing}")
    for extra in sorted(topic_names - set(c.contract_topics)):
        problems.append(f"compose kafka-topics: creates {extra}, which is not in the event contracts")
    if topics.get("depends_on", {}).get("kafka", {}).get("condition") != "service_healthy":
        problems.append("compose kafka-topics: must wait for kafka to be healthy")

    for service, port in c.ports.items():
        image = f"{c.images['RENKEI_IMAGE_REGISTRY']}/renkei-{service}:{c.images['RENKEI_IMAGE_TAG']}"
        svc, migrate = services.get(service), services.get(f"{service}-migrate")
        if svc is None or migrate is None:
            problems.append(f"compose: no {service} and {service}-migrate services")
            continue
        where = f"compose {service}"
        if resolved(svc.get("image", "")) != image or resolved(migrate.get("image", "")) != image:
            problems.append(f"{where}: image is not {image} (deploy/images.env)")
        dockerfile = (svc.get("build") or {}).get("dockerfile", "")
        if dockerfile != f"deploy/docker/{service}.Dockerfile" or not (REPO / dockerfile).is_file():
            problems.append(
                f"{where}: build.dockerfile {dockerfile!r} is not deploy/docker/{service}.Dockerfile"
            )
        env = {k: str(v) for k, v in (svc.get("environment") or {}).items()}
        problems += _compose_env_problems(where, env, c, service, created)
        if env.get("RENKEI_DATABASE_URL") != str(
            (migrate.get("environment") or {}).get("RENKEI_DATABASE_URL")
        ):
            problems.append(f"{where}: the migration and the service use different databases")
        published = [str(p) for p in svc.get("ports", [])]
        if not any(p.endswith(f":{port}") or p == str(port) for p in published):
            problems.append(f"{where}: does not publish container port {port}")
        health = " ".join(str(x) for x in (svc.get("healthcheck") or {}).get("test", []))
        if f"http://127.0.0.1:{port}{LIVENESS_PATH}" not in health or LIVENESS_PATH not in c.health_paths:
            problems.append(f"{where}: healthcheck does not probe http://127.0.0.1:{port}{LIVENESS_PATH}")
        conditions = {k: v.get("condition") for k, v in (svc.get("depends_on") or {}).items()}
        if conditions.get(f"{service}-migrate") != "service_completed_successfully":
            problems.append(f"{where}: does not wait for {service}-migrate to complete successfully")
        if conditions.get("kafka-topics") != "service_completed_successfully":
            problems.append(f"{where}: does not wait for the topics to exist")
        if _duration_s(svc.get("stop_grace_period", "10s")) < 30:
            problems.append(f"{where}: stop_grace_period below 30s cuts the consumer drain short")
        if migrate.get("command") != ["migrate"] or migrate.get("restart") not in ("no", None):
            problems.append(
                f"compose {service}-migrate: must run `migrate` once (command [migrate], restart no)"
            )
        pg_condition = (migrate.get("depends_on") or {}).get("postgres", {}).get("condition")
        if pg_condition != "service_healthy":
            problems.append(f"compose {service}-migrate: must wait for postgres to be healthy")
        for name, container in ((service, svc), (f"{service}-migrate", migrate)):
            if container.get("read_only") is not True or "ALL" not in (container.get("cap_drop") or []):
                problems.append(f"compose {name}: must run read_only with cap_drop ALL")

    if env_example is not None:
        declared = set(read_env_lines(env_example))
        for name in sorted(_required_variables(text) - declared):
            problems.append(f".env.example does not set {name}, which docker-compose.yml requires")
    return problems


def _is_kafka_uuid(value: str) -> bool:
    """What `kafka-storage format --cluster-id` accepts: 16 bytes, base64url without padding."""
    try:
        return len(value) == 22 and len(base64.urlsafe_b64decode(value + "==")) == 16
    except ValueError:
        return False


def read_env_lines(text: str) -> dict[str, str]:
    values = {}
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def _compose_env_problems(
    where: str, env: dict[str, str], c: Code, service: str, created: set[str]
) -> list[str]:
    problems = []
    for setting in REQUIRED_SETTINGS:
        if c.env(setting) not in env:
            problems.append(f"{where}: {c.env(setting)} is not set")
    for name in sorted(env):
        if name.startswith("RENKEI_") and name not in c.settings_env:
            problems.append(f"{where}: {name} is not a ServiceSettings field (typo?)")
    expected = {"RENKEI_TRANSPORT": "kafka", "RENKEI_MIGRATE_ON_START": "false", "RENKEI_HOST": "0.0.0.0"}
    for name, want in expected.items():
        if name in env and env[name].lower() != want:
            problems.append(f"{where}: {name}={env[name]!r}, expected {want!r}")
    secret = env.get("RENKEI_JWT_SECRET", "")
    if not re.fullmatch(r"\$\{RENKEI_JWT_SECRET:\?[^}]*\}", secret) or c.dev_jwt_secret in secret:
        problems.append(
            f"{where}: RENKEI_JWT_SECRET must be required from the environment (${{RENKEI_JWT_SECRET:?...}})"
        )
    if env.get("RENKEI_KAFKA_BOOTSTRAP") != "kafka:9092":
        problems.append(f"{where}: RENKEI_KAFKA_BOOTSTRAP is not the kafka service (kafka:9092)")
    url = env.get("RENKEI_DATABASE_URL", "")
    match = re.match(r"^postgresql\+asyncpg://[^@]+@postgres:5432/(\w+)$", url)
    if not match or match.group(1) != f"renkei_{service}":
        problems.append(
            f"{where}: RENKEI_DATABASE_URL {url!r} is not renkei_{service} on the postgres service"
        )
    elif match.group(1) not in created:
        problems.append(f"{where}: database {match.group(1)} is not created by the postgres init script")
    return problems


# ---- Dockerfiles -----------------------------------------------------------------------------------------


@dataclass
class Instruction:
    keyword: str
    args: str
    stage: int


def parse_dockerfile(text: str) -> list[Instruction]:
    """Instructions with continuation lines joined and comments dropped; `stage` counts FROMs (0-based)."""
    instructions: list[Instruction] = []
    stage, pending = -1, ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        keyword, _, args = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            stage += 1
        instructions.append(Instruction(keyword, args.strip(), stage))
    return instructions


def _exec_form(args: str) -> list[str] | None:
    try:
        value = json.loads(args)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None


def check_dockerfile(text: str, service: str, c: Code) -> list[str]:
    where = f"{service}.Dockerfile"
    instructions = parse_dockerfile(text)
    problems: list[str] = []
    final = max((i.stage for i in instructions), default=-1)
    if final < 1:
        problems.append(f"{where}: not a multi-stage build")
    args = {}
    for i in instructions:
        if i.keyword == "ARG" and i.stage == -1 and "=" in i.args:
            key, _, value = i.args.partition("=")
            args[key] = value
    uv_image = args.get("UV_IMAGE", "")
    if uv_image != c.images["UV_IMAGE"] or not uv_image.startswith("ghcr.io/astral-sh/uv:"):
        problems.append(f"{where}: UV_IMAGE {uv_image!r} is not images.env's official uv image")
    if uv_image.rpartition(":")[2] != c.uv_version:
        problems.append(
            f"{where}: uv {uv_image.rpartition(':')[2]} is not the Makefile's UV_VERSION {c.uv_version}"
        )
    if args.get("PYTHON_IMAGE") != c.images["PYTHON_IMAGE"] or "3.11" not in args.get("PYTHON_IMAGE", ""):
        problems.append(f"{where}: PYTHON_IMAGE is not images.env's Python 3.11 image")
    runs = [i.args for i in instructions if i.keyword == "RUN"]
    syncs = [r for r in runs if "uv sync" in r]
    wanted = f"uv sync --frozen --no-dev --package renkei-{service}"
    if len(syncs) < 1 or not all(wanted in s for s in syncs):
        problems.append(f"{where}: installs must be `{wanted}` (lock-file, no dev, this package)")
    if any("--no-editable" in s for s in syncs):
        problems.append(f"{where}: --no-editable breaks the workspace layout the migrations are found by")
    copies = " ".join(i.args for i in instructions if i.keyword == "COPY")
    for path in (f"services/{service}/src", f"services/{service}/migrations", "libs/common/src", "uv.lock"):
        if path not in copies:
            problems.append(f"{where}: does not copy {path}")

    runtime = [i for i in instructions if i.stage == final]
    user = next((i.args for i in reversed(runtime) if i.keyword == "USER"), "")
    if not user or user.split(":")[0] in ("0", "root"):
        problems.append(f"{where}: the runtime stage does not switch to a non-root USER")
    env = " ".join(i.args for i in runtime if i.keyword == "ENV")
    if "PYTHONDONTWRITEBYTECODE=1" not in env:
        problems.append(f"{where}: PYTHONDONTWRITEBYTECODE=1 is not set (read-only root filesystem)")
    exposed = [i.args for i in runtime if i.keyword == "EXPOSE"]
    if exposed != [str(c.ports[service])]:
        problems.append(f"{where}: EXPOSE {exposed} is not [{c.ports[service]}] (topology.SERVICE_PORTS)")
    health = next((i.args for i in runtime if i.keyword == "HEALTHCHECK"), "")
    url = re.search(r"http://127\.0\.0\.1:(\d+)(/\w*)", health)
    if url is None:
        problems.append(f"{where}: no HEALTHCHECK probing http://127.0.0.1:<port>{LIVENESS_PATH}")
    elif (
        int(url.group(1)) != c.ports[service]
        or url.group(2) != LIVENESS_PATH
        or url.group(2) not in c.health_paths
    ):
        problems.append(
            f"{where}: HEALTHCHECK probes {url.group(0)}, expected http://127.0.0.1:{c.ports[service]}{LIVENESS_PATH}"
        )
    if "CMD-SHELL" in health or ("CMD [" not in health and "CMD[" not in health):
        problems.append(f"{where}: HEALTHCHECK must be exec form (the image has no curl, python is enough)")
    entrypoint = next((i.args for i in runtime if i.keyword == "ENTRYPOINT"), "")
    command = next((i.args for i in runtime if i.keyword == "CMD"), "")
    if _exec_form(entrypoint) != ["python", "-m", f"renkei_{service}"]:
        problems.append(f'{where}: ENTRYPOINT must be exec form ["python", "-m", "renkei_{service}"]')
    if _exec_form(command) != ["serve"]:
        problems.append(f'{where}: CMD must be exec form ["serve"]')
    return problems


def dockerignore_patterns(text: str) -> list[tuple[bool, re.Pattern[str]]]:
    """(exception, regex) per line, in order, with Docker's syntax: `*`, `?`, `**`, leading `!`."""
    patterns = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        exception = line.startswith("!")
        pattern = line[1:] if exception else line
        pattern = pattern.strip("/")
        regex = ""
        i = 0
        while i < len(pattern):
            if pattern.startswith("**/", i):
                regex, i = regex + "(?:.*/)?", i + 3
            elif pattern.startswith("**", i):
                regex, i = regex + ".*", i + 2
            elif pattern[i] == "*":
                regex, i = regex + "[^/]*", i + 1
            elif pattern[i] == "?":
                regex, i = regex + "[^/]", i + 1
            else:
                regex, i = regex + re.escape(pattern[i]), i + 1
        patterns.append((exception, re.compile(f"^{regex}$")))
    return patterns


def dockerignored(path: str, patterns: list[tuple[bool, re.Pattern[str]]]) -> bool:
    """Whether Docker leaves `path` (relative, with /) out of the build context: the last pattern that
    matches the path or one of its parent directories decides."""
    parts = path.split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    excluded = False
    for exception, regex in patterns:
        if any(regex.match(candidate) for candidate in candidates):
            excluded = not exception
    return excluded


def check_dockerignore(text: str, dockerfiles: dict[str, str]) -> list[str]:
    patterns = dockerignore_patterns(text)
    problems = []
    for name, dockerfile in dockerfiles.items():
        for i in parse_dockerfile(dockerfile):
            if i.keyword != "COPY" or i.args.startswith("--from"):
                continue
            for source in i.args.split()[:-1]:
                for path in _context_files(source):
                    if dockerignored(path, patterns):
                        problems.append(f".dockerignore excludes {path}, which {name} copies")
                        break
    for secret in (".env", ".git/config", ".venv/pyvenv.cfg", ".data/finance.db", "tests/test_x.py"):
        if not dockerignored(secret, patterns):
            problems.append(f".dockerignore lets {secret} into the build context")
    return problems


def _context_files(source: str) -> Iterator[str]:
    path = REPO / source
    if path.is_file():
        yield source
    elif path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and "__pycache__" not in child.parts:
                yield child.relative_to(REPO).as_posix()
    else:
        yield source  # missing: report it as excluded or let the build fail; either way visible
