"""Settings: dev defaults work out of the box; prod mode refuses the dev secret, SQLite and self-migration."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from renkei_common.settings import DEV_JWT_SECRET, ServiceSettings


class AgreementsLike(ServiceSettings):
    service_name: str = "agreements"


def test_dev_defaults_give_sqlite_file_and_known_port(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("RENKEI_DATABASE_URL", "RENKEI_PORT", "RENKEI_MODE"):
        monkeypatch.delenv(key, raising=False)
    settings = AgreementsLike()
    assert settings.port == 8001
    assert settings.database_url.startswith("sqlite+aiosqlite:///") and settings.database_url.endswith(
        "agreements.db"
    )
    assert settings.transport == "feed"


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENKEI_TRANSPORT", "kafka")
    monkeypatch.setenv("RENKEI_FEED_SOURCES", '{"agreements": "http://a:8001"}')
    monkeypatch.setenv("RENKEI_CORS_ORIGINS", '["https://app.example.jp"]')
    settings = AgreementsLike()
    assert settings.transport == "kafka"
    assert settings.feed_sources == {"agreements": "http://a:8001"}
    assert settings.cors_origins == ["https://app.example.jp"]


def test_prod_refuses_dev_secret_sqlite_and_self_migration() -> None:
    with pytest.raises(ValidationError) as caught:
        AgreementsLike(mode="prod")
    message = str(caught.value)
    assert "RENKEI_JWT_SECRET" in message and "SQLite" in message
    assert "RENKEI_OIDC_JWKS_URL" in message and "RENKEI_MIGRATE_ON_START" in message


def test_prod_accepts_a_complete_configuration() -> None:
    settings = AgreementsLike(
        mode="prod",
        jwt_secret="x" * 48,
        database_url="postgresql+asyncpg://u:p@db/agreements",
        oidc_jwks_url="https://idp.example.jp/jwks",
        migrate_on_start=False,
    )
    assert settings.jwt_secret != DEV_JWT_SECRET


def test_unknown_transport_is_refused() -> None:
    with pytest.raises(ValidationError, match="transport"):
        AgreementsLike(transport="carrier-pigeon")
