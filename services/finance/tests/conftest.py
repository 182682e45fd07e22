"""Fixtures of the finance tests: a migrated app on SQLite and PostgreSQL, and a feed of events."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from renkei_common.testing.client import ServiceClient, service_client
from renkei_finance.config import Settings
from renkei_finance.main import create_app

# The suite imports test files by path (--import-mode=importlib); this makes the kit importable by name.
sys.path.insert(0, str(Path(__file__).parent))

from finance_testkit import Feed


@pytest.fixture
async def finance(database_url: str) -> AsyncIterator[ServiceClient]:
    async with service_client(create_app, Settings, database_url=database_url) as client:
        yield client


@pytest.fixture
def feed(finance: ServiceClient) -> Feed:
    return Feed(finance)
