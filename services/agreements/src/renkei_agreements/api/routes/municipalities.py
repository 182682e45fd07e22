"""Routes of /v1/municipalities: the live registry of local governments and population imports."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from renkei_common.api_deps import CursorQuery, DbDep, LimitQuery, set_etag
from renkei_common.auth import CurrentActor
from renkei_common.csv_exchange import CSV_RESPONSES, CsvRequested, column, decode_upload, export
from renkei_common.domain_errors import RuleViolation
from renkei_common.errors import PROBLEM_RESPONSES, ProblemError
from renkei_common.i18n import msg
from renkei_common.limits import body_limit
from renkei_common.refdata import Flag, Kind

from renkei_agreements.api.schemas.municipalities import (
    MunicipalitiesPublic,
    MunicipalityPublic,
    PopulationChange,
    PopulationImportPublic,
)
from renkei_agreements.domain.population_import import COLUMN_ALIASES
from renkei_agreements.service_layer import municipalities as use_cases

router = APIRouter(prefix="/v1/municipalities", tags=["municipalities"])

MAX_CSV_BYTES = 2_000_000  # 1,788 governments fit in well under 100 kB
DEFAULT_SOURCE = "出典：政府統計の総合窓口(e-Stat)"
CSV_BODY = {
    "requestBody": {
        "required": True,
        "description": "A header with `code` and `population` columns (e-Stat style), then a row per "
        "government. UTF-8 (with or without a BOM) or CP932: declare it with `text/csv; charset=shift_jis`; "
        "undeclared files are read as UTF-8 when they are valid UTF-8, else as CP932.",
        "content": {
            "text/csv": {"schema": {"type": "string", "maxLength": MAX_CSV_BYTES}},
            "text/plain": {"schema": {"type": "string", "maxLength": MAX_CSV_BYTES}},
        },
    }
}
TOO_LARGE = {
    413: {**PROBLEM_RESPONSES[422], "description": f"The file is larger than {MAX_CSV_BYTES} bytes"},
    415: {
        **PROBLEM_RESPONSES[422],
        "description": "The charset of Content-Type is neither utf-8 nor shift_jis",
    },
}


# The CSV export: 団体コード and 人口 are headers the population import reads, so an export round-trips.
CSV_COLUMNS = (
    column("code", "団体コード"),
    column("name", "団体名"),
    column("kind", "区分"),
    column("prefecture_code", "都道府県コード"),
    column("prefecture", "都道府県名"),
    column("flags", "指定等"),
    column("population", "人口"),
    column("population_year", "人口の年"),
    column("population_source", "人口の出典"),
    column("updated_at", "更新日時"),
)


@router.get("", response_model=MunicipalitiesPublic, responses=CSV_RESPONSES)
async def list_municipalities(
    actor: CurrentActor,
    db: DbDep,
    csv: CsvRequested,
    prefecture: Annotated[
        str | None, Query(pattern=r"^(0[1-9]|[1-3][0-9]|4[0-7])$", description="01–47")
    ] = None,
    kind: Kind | None = None,
    flag: Flag | None = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> MunicipalitiesPublic | StreamingResponse:
    """Prefectures and municipalities in code order; public reference data, readable by every caller.

    With `Accept: text/csv` every matching row from `cursor` on, as CSV (see the 200 response)."""

    async def page(after: str | None, size: int) -> tuple[list[MunicipalityPublic], str | None]:
        rows, following = await use_cases.list_municipalities(
            db=db, prefecture=prefecture, kind=kind, flag=flag, cursor=after, limit=size
        )
        return [MunicipalityPublic.model_validate(r) for r in rows], following

    if csv is not None:
        return await export(page, CSV_COLUMNS, charset=csv, filename="municipalities", cursor=cursor)
    data, next_cursor = await page(cursor, limit)
    sources = sorted({row.population_source for row in data if row.population_source})
    return MunicipalitiesPublic(data=data, next_cursor=next_cursor, attribution=sources)


@router.get("/{code}", response_model=MunicipalityPublic)
async def get_municipality(
    code: Annotated[str, Path(max_length=20, description="6-digit 団体コード")],
    actor: CurrentActor,
    db: DbDep,
    request: Request,
    response: Response,
) -> MunicipalityPublic:
    """One local government; a malformed code is a 422 naming the broken rule (e.g. check_digit)."""
    try:
        row = await use_cases.get_municipality(db=db, code=code, cache=request.app.state.municipality_cache)
    except RuleViolation as exc:
        exc.location = "path"
        raise
    set_etag(response, row.code, row.row_version)
    return MunicipalityPublic.model_validate(row)


@router.post(
    "/population-imports",
    status_code=201,
    response_model=PopulationImportPublic,
    openapi_extra={**CSV_BODY, **body_limit(MAX_CSV_BYTES)},  # above the 1 MiB default
    responses=TOO_LARGE,  # type: ignore[arg-type]
)
async def import_populations(
    request: Request,
    actor: CurrentActor,
    db: DbDep,
    year: Annotated[int, Query(ge=1920, le=2100, description="the year the figures are valid for")],
    source: Annotated[
        str, Query(min_length=1, max_length=200, description="attribution of the figures")
    ] = DEFAULT_SOURCE,
) -> PopulationImportPublic:
    """Refresh populations from a CSV file; a bad file changes nothing and every bad row is reported."""
    text = decode_upload(
        await _read_limited(request), request.headers.get("content-type"), aliases=COLUMN_ALIASES
    )
    result = await use_cases.import_populations(
        db=db,
        actor=actor,
        csv_text=text,
        year=year,
        source=source,
        cache=request.app.state.municipality_cache,
    )
    changed = [
        PopulationChange(
            code=change.row.code,
            name=change.row.name,
            previous_population=change.previous_population,
            previous_population_year=change.previous_population_year,
            population=change.row.population or 0,
        )
        for change in result.changes
    ]
    record = result.row
    return PopulationImportPublic(
        id=record.id,
        year=record.year,
        source=record.source,
        rows=record.row_count,
        changed=changed,
        unchanged=record.row_count - len(changed),
        imported_at=record.imported_at,
    )


async def _read_limited(request: Request) -> bytes:
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_CSV_BYTES:
            raise ProblemError(
                msg("agreements.import.file_too_large", limit=MAX_CSV_BYTES),
                status=413,
                slug="payload-too-large",
            )
        chunks.append(chunk)
    return b"".join(chunks)
