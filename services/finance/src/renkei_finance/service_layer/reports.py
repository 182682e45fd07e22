"""Reports of the allocation lines by recipient, area, prefecture, measure and nation, per FY."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from renkei_common.auth import Actor
from renkei_common.csv_exchange import Charset, column, encode_rows
from renkei_common.db import Database
from renkei_common.refdata import POPULATION_SOURCE, Registry
from renkei_common.refdata.projection import current_registry
from sqlalchemy import select

from renkei_finance.adapters.orm import AllocationLineRecord, AreaProjection, Government
from renkei_finance.service_layer.access import visible_recipients


class Level(StrEnum):
    RECIPIENT = "recipient"
    AREA = "area"
    PREFECTURE = "prefecture"
    MEASURE = "measure"
    NATION = "nation"


MEASURE_NAMES = {
    "metropolitan_core_ordinary": "普通交付税（連携中枢都市・試算）",
    "metropolitan_core_special": "特別交付税（連携中枢都市）",
    "metropolitan_partner_special": "特別交付税（連携市町村）",
    "settlement_centre_special": "特別交付税（定住自立圏 中心市）",
    "settlement_neighbour_special": "特別交付税（定住自立圏 近隣市町村）",
    "outside_experts": "特別交付税（外部人材）",
    "specialists": "特別交付税（専門人材）",
    "bond_inclusion": "地域活性化事業債 元利償還金の普通交付税算入",
}

HEADERS = {
    "fiscal_year": "年度",
    "group_code": "区分コード",
    "group_name": "区分名",
    "measure": "措置",
    "measure_name": "措置名",
    "lines": "明細数",
    "amount_yen": "金額（円）",
    "unconfirmed_lines": "未確認ルールによる明細数",
    "estimate_lines": "試算明細数",
}


CSV_COLUMNS = tuple(column(key, header) for key, header in HEADERS.items())


@dataclass
class ReportRow:
    fiscal_year: int
    group_code: str
    group_name: str
    measure: str
    lines: int = 0
    amount_yen: int = 0
    unconfirmed_lines: int = 0
    estimate_lines: int = 0

    @property
    def measure_name(self) -> str:
        return MEASURE_NAMES.get(self.measure, self.measure) if self.measure != "*" else "全措置"

    def values(self) -> list[object]:
        return [getattr(self, column) for column in HEADERS]


@dataclass
class Report:
    level: Level
    fiscal_year: int
    rows: list[ReportRow]
    uses_population: bool

    @property
    def attribution(self) -> str | None:
        return POPULATION_SOURCE if self.uses_population else None


def _group(
    level: Level, record: AllocationLineRecord, registry: Registry, areas: dict[str, str]
) -> tuple[str, str]:
    code = record.recipient_code
    if level is Level.RECIPIENT:
        found = registry.find(code)
        return code, found.name if found else ""
    if level is Level.PREFECTURE:
        prefecture = next((g for g in registry.prefectures() if g.prefecture_code == code[:2]), None)
        return code[:2], prefecture.name if prefecture else ""
    if level is Level.AREA:
        area_id = str(record.inputs.get("area_id") or "")
        return area_id, areas.get(area_id, "（圏域外）")
    if level is Level.MEASURE:
        return record.measure, MEASURE_NAMES.get(record.measure, record.measure)
    return "000000", "全国"


async def build_report(db: Database, actor: Actor, *, level: Level, fiscal_year: int) -> Report:
    async with db.session() as session:
        records = (
            await session.scalars(
                select(AllocationLineRecord)
                .where(
                    AllocationLineRecord.fiscal_year == fiscal_year,
                    visible_recipients(actor, AllocationLineRecord.recipient_code),
                )
                .order_by(
                    AllocationLineRecord.recipient_code,
                    AllocationLineRecord.measure,
                    AllocationLineRecord.key,
                )
            )
        ).all()
        registry = await current_registry(session, Government)
        areas = dict((await session.execute(select(AreaProjection.area_id, AreaProjection.name))).all())
    rows: dict[tuple[str, str], ReportRow] = {}
    for record in records:
        group_code, group_name = _group(level, record, registry, areas)
        measure = record.measure
        row = rows.setdefault((group_code, measure), ReportRow(fiscal_year, group_code, group_name, measure))
        row.lines += 1
        row.amount_yen += record.amount_yen
        row.unconfirmed_lines += record.unconfirmed
        row.estimate_lines += record.estimate
    uses_population = any("area_population" in r.inputs for r in records)
    return Report(level, fiscal_year, [rows[k] for k in sorted(rows)], uses_population)


def to_csv(report: Report, *, encoding: str) -> bytes:
    """CSV with Japanese headers (renkei_common.csv_exchange): UTF-8 with a BOM, or CP932 (`cp932`), where a
    character CP932 cannot hold is refused naming its line and column rather than written as `?`."""
    charset = Charset.CP932 if encoding == "cp932" else Charset.UTF8
    trailer = [[report.attribution]] if report.attribution else []
    return encode_rows(report.rows, CSV_COLUMNS, charset, trailer=trailer)
