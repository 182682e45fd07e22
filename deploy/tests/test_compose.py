"""docker-compose.yml: valid against the Compose specification, agrees with the code; broken copies fail."""

from __future__ import annotations

import deploy_checks as checks
import pytest
import yaml

COMPOSE = checks.COMPOSE_FILE.read_text(encoding="utf-8")
ENV_EXAMPLE = checks.ENV_EXAMPLE.read_text(encoding="utf-8")


def schema_problems(text: str) -> list[str]:
    return checks.validate_compose_schema(yaml.safe_load(text))


def contract_problems(text: str, env_example: str = ENV_EXAMPLE) -> list[str]:
    return checks.check_compose_against_code(text, checks.code(), env_example)


def broken(old: str, new: str, text: str = COMPOSE, count: int = 1) -> str:
    assert old in text, old
    return text.replace(old, new, count)


def test_compose_matches_the_compose_specification() -> None:
    assert schema_problems(COMPOSE) == []


def test_compose_agrees_with_the_code() -> None:
    assert contract_problems(COMPOSE) == []


def test_interpolation_follows_compose() -> None:
    env = {"SET": "x", "EMPTY": ""}
    assert (
        checks.interpolate("${SET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d} $$1 ${REQ:?msg}", env)
        == "x d  d $1 <REQ>"
    )


def test_an_unknown_key_breaks_the_schema() -> None:
    problems = schema_problems(
        broken(
            "    restart: unless-stopped\n    environment:\n      POSTGRES_USER",
            "    restartt: unless-stopped\n    environment:\n      POSTGRES_USER",
        )
    )
    assert any("services/postgres" in p and "'restartt' was unexpected" in p for p in problems), problems


def test_a_wrongly_typed_value_breaks_the_schema() -> None:
    problems = schema_problems(broken("      retries: 20\n", "      retries: [20]\n"))
    assert any("services/postgres/healthcheck/retries" in p for p in problems), problems


def test_a_wrong_healthcheck_port_is_reported() -> None:
    problems = contract_problems(broken("http://127.0.0.1:8002/livez", "http://127.0.0.1:8009/livez"))
    assert problems == ["compose groups: healthcheck does not probe http://127.0.0.1:8002/livez"]


def test_a_missing_topic_is_reported() -> None:
    problems = contract_problems(broken("        create renkei.finance.dlq 1 2592000000\n", ""))
    assert problems == ["compose kafka-topics: does not create contract topic renkei.finance.dlq"]


def test_a_service_that_does_not_wait_for_its_migration_is_reported() -> None:
    text = broken(
        "      finance-migrate:\n        condition: service_completed_successfully",
        "      finance-migrate:\n        condition: service_started",
    )
    assert contract_problems(text) == [
        "compose finance: does not wait for finance-migrate to complete successfully"
    ]


def test_a_missing_setting_is_reported_for_every_service() -> None:
    problems = contract_problems(broken("  RENKEI_TRANSPORT: kafka\n", ""))
    assert sorted(problems) == sorted(
        f"compose {s}: RENKEI_TRANSPORT is not set" for s in checks.code().ports
    )


def test_a_built_in_jwt_secret_is_reported() -> None:
    dev = checks.code().dev_jwt_secret
    problems = contract_problems(
        broken("${RENKEI_JWT_SECRET:?set RENKEI_JWT_SECRET in .env (see .env.example)}", dev)
    )
    assert len(problems) == len(checks.code().ports)
    assert all("RENKEI_JWT_SECRET must be required from the environment" in p for p in problems)


def test_a_database_the_init_script_does_not_create_is_reported() -> None:
    text = COMPOSE.replace("@postgres:5432/renkei_staffing", "@postgres:5432/renkei_staff")
    problems = contract_problems(text)
    assert any("compose staffing: RENKEI_DATABASE_URL" in p for p in problems), problems


def test_an_image_tag_that_is_not_from_images_env_is_reported() -> None:
    text = COMPOSE.replace(
        "renkei-finance:${RENKEI_IMAGE_TAG:-0.1.0}", "renkei-finance:${RENKEI_IMAGE_TAG:-latest}"
    )
    tag = checks.code().images["RENKEI_IMAGE_TAG"]
    registry = checks.code().images["RENKEI_IMAGE_REGISTRY"]
    assert contract_problems(text) == [
        f"compose finance: image is not {registry}/renkei-finance:{tag} (deploy/images.env)"
    ]


@pytest.mark.parametrize("variable", ["POSTGRES_PASSWORD", "RENKEI_JWT_SECRET"])
def test_a_required_variable_missing_from_env_example_is_reported(variable: str) -> None:
    env_example = "\n".join(line for line in ENV_EXAMPLE.splitlines() if not line.startswith(f"{variable}="))
    assert contract_problems(COMPOSE, env_example) == [
        f".env.example does not set {variable}, which docker-compose.yml requires"
    ]


def test_an_invalid_kafka_cluster_id_is_reported() -> None:
    problems = contract_problems(
        broken("CLUSTER_ID: kS_DEzmQXaaB-Xji2bBa9w", "CLUSTER_ID: renkei-compose-kraft-01")
    )
    assert problems == [
        "compose kafka: CLUSTER_ID must be a UUID in Kafka's form (22 characters of base64url)"
    ]
