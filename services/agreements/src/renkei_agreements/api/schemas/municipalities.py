"""Schemas of /v1/municipalities: the registry and its population imports."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field
from renkei_common.api_deps import AS_LITERAL, Public
from renkei_common.refdata import Kind

from renkei_agreements.api.schemas.common import Page


class MunicipalityPublic(Public):
    code: str
    name: str
    kind: Annotated[Kind, AS_LITERAL]
    prefecture_code: str
    prefecture: str
    flags: list[str] = Field(description="designated_city, core_city, prefectural_capital")
    population: int | None
    population_year: int | None
    population_source: str | None = Field(description="attribution to show with the population figure")
    updated_at: datetime


class MunicipalitiesPublic(Page):
    data: list[MunicipalityPublic]
    attribution: list[str] = Field(description="sources of the population figures on this page")


class PopulationChange(BaseModel):
    code: str
    name: str
    previous_population: int | None
    previous_population_year: int | None
    population: int


class PopulationImportPublic(BaseModel):
    id: str
    year: int
    source: str
    rows: int
    changed: list[PopulationChange]
    unchanged: int
    imported_at: datetime
