"""Excel (.xlsx) rendering of a report with openpyxl: Japanese headers, yen as integers, the attribution."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from renkei_finance.service_layer.reports import HEADERS, Report

LEVEL_TITLES = {
    "recipient": "団体別",
    "area": "圏域別",
    "prefecture": "都道府県別",
    "measure": "措置別",
    "nation": "全国",
}


def to_xlsx(report: Report) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = f"{LEVEL_TITLES[report.level.value]} FY{report.fiscal_year}"
    sheet.append(list(HEADERS.values()))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in report.rows:
        sheet.append(row.values())
    amount_column = list(HEADERS).index("amount_yen") + 1
    for (cell,) in sheet.iter_rows(min_row=2, min_col=amount_column, max_col=amount_column):
        cell.number_format = "#,##0"  # integers stay integers; only the display groups the digits
    if report.attribution:
        sheet.append([])
        sheet.append([report.attribution])
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
