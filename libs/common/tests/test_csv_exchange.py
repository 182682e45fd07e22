"""The shared CSV exchange: negotiation, cell text, CP932 refusals by line and column, upload decoding."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

import pytest
from renkei_common.csv_exchange import (
    MAX_REPORTED,
    Charset,
    cell,
    column,
    decode_upload,
    encode_rows,
    requested_charset,
)
from renkei_common.domain_errors import RuleViolation
from renkei_common.errors import FieldError, ProblemError


class Colour(StrEnum):
    RED = "red"


@dataclass
class Row:
    code: str
    name: str
    amount_yen: int


COLUMNS = (column("code", "団体コード"), column("name", "団体名"), column("amount_yen", "金額（円）"))


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, None),
        ("", None),
        ("application/json", None),
        ("*/*", None),
        ("text/csv;q=0", None),
        ("application/json, text/csv;q=0.9", None),
        ("text/csv", Charset.UTF8),
        ("TEXT/CSV; charset=UTF-8", Charset.UTF8),
        ("text/csv; charset=shift_jis", Charset.CP932),
        ("text/csv;charset=Shift-JIS", Charset.CP932),
        ("text/csv; charset=cp932", Charset.CP932),
        ("text/csv; charset=windows-31j", Charset.CP932),
        ("text/csv; charset=MS932", Charset.CP932),
        ("application/json;q=0.5, text/csv", Charset.UTF8),
        ("*/*, text/csv", Charset.UTF8),  # an explicit text/csv outranks a wildcard of equal quality
    ],
)
def test_accept_picks_csv_and_its_charset(accept: str | None, expected: Charset | None) -> None:
    assert requested_charset(accept) == expected


def test_an_unknown_charset_is_a_406_naming_the_header_and_rule() -> None:
    with pytest.raises(ProblemError) as refused:
        requested_charset("text/csv; charset=euc-jp")
    assert refused.value.status == 406 and refused.value.errors is not None
    assert (refused.value.errors[0].field, refused.value.errors[0].rule) == ("header.Accept", "charset")


def test_cells_keep_yen_exact_dates_iso_and_defuse_formulas() -> None:
    assert [cell(None), cell(True), cell(False), cell(18_000_000), cell(Colour.RED)] == [
        "",
        "true",
        "false",
        "18000000",
        "red",
    ]
    assert cell(date(2025, 4, 1)) == "2025-04-01" and cell(["a", 1]) == "a;1"
    assert cell({"b": 1, "a": "山"}) == '{"a": "山", "b": 1}'
    # Text Excel would run as a formula is written as text; a negative number stays a number.
    assert [cell("=HYPERLINK(1)"), cell("+1"), cell("-x"), cell("@SUM"), cell(-5), cell(Decimal("-0.5"))] == [
        "'=HYPERLINK(1)",
        "'+1",
        "'-x",
        "'@SUM",
        "-5",
        "-0.5",
    ]


def test_utf8_files_carry_a_bom_and_cp932_files_none() -> None:
    rows = [Row("062014", "山形市", 18_000_000)]
    utf8 = encode_rows(rows, COLUMNS, Charset.UTF8, trailer=[["出典"]])
    assert utf8 == "\ufeff団体コード,団体名,金額（円）\r\n062014,山形市,18000000\r\n出典\r\n".encode()
    assert encode_rows(rows, COLUMNS, Charset.CP932).decode("cp932") == utf8.decode("utf-8-sig")[:-4]


def test_cp932_refuses_every_unrepresentable_cell_by_line_and_column_never_a_question_mark() -> None:
    rows = [Row("062014", "山形市", 1), Row("062103", "𠮷野町", 2), Row("06", "🙂", 3)]
    with pytest.raises(ProblemError) as refused:
        encode_rows(rows, COLUMNS, Charset.CP932)
    assert refused.value.status == 406 and refused.value.slug == "not-representable-in-charset"
    assert [(e.line, e.field, e.rule) for e in refused.value.errors or []] == [
        (3, "name", "cp932_unrepresentable"),
        (4, "name", "cp932_unrepresentable"),
    ]
    assert "U+20BB7" in (refused.value.errors or [])[0].message
    assert "団体名" in (refused.value.errors or [])[0].message
    # ①, ㈱ and 髙 are in CP932 (NEC and IBM extensions), so they pass.
    assert "①㈱髙".encode("cp932") in encode_rows([Row("1", "①㈱髙", 0)], COLUMNS, Charset.CP932)


def test_a_refusal_lists_at_most_the_cap_of_cells() -> None:
    rows = [Row("1", "𠮷", 0)] * (MAX_REPORTED + 5)
    with pytest.raises(ProblemError) as refused:
        encode_rows(rows, COLUMNS, Charset.CP932)
    assert len(refused.value.errors or []) == MAX_REPORTED
    assert str(MAX_REPORTED + 5) in (refused.value.detail or "")


@pytest.mark.parametrize(
    ("raw", "content_type"),
    [
        ("code,人口\n1,2\n".encode(), None),
        (b"\xef\xbb\xbf" + "code,人口\n1,2\n".encode(), None),
        (b"\xef\xbb\xbf" + "code,人口\n1,2\n".encode(), "text/csv; charset=utf-8"),
        ("code,人口\n1,2\n".encode("cp932"), None),  # not UTF-8: read as CP932
        ("code,人口\n1,2\n".encode("cp932"), "text/csv; charset=Shift_JIS"),
        ("code,人口\n1,2\n".encode("cp932"), 'text/csv; charset="windows-31j"'),
    ],
)
def test_uploads_decode_from_the_declared_charset_a_bom_or_utf8_then_cp932(
    raw: bytes, content_type: str | None
) -> None:
    assert decode_upload(raw, content_type) == "code,人口\n1,2\n"


def test_invalid_bytes_are_named_by_line_and_column_key_all_at_once() -> None:
    raw = b"code,\x90\x6c\x8c\xfb\n062014,1\x81\n062103,\x82 \n"  # header 人口 in CP932, then two bad cells
    with pytest.raises(RuleViolation) as refused:
        decode_upload(raw, "text/csv; charset=cp932", aliases={"population": ("人口",)})
    assert [(v.line, v.field, v.rule) for v in refused.value.violations] == [
        (2, "body.line[2].population", "encoding"),
        (3, "body.line[3].population", "encoding"),
    ]
    assert refused.value.location is None


def test_a_utf8_bom_declared_as_shift_jis_is_refused_rather_than_misread() -> None:
    with pytest.raises(RuleViolation) as refused:
        decode_upload(b"\xef\xbb\xbfcode\n", "text/csv; charset=shift_jis")
    assert [(v.field, v.rule) for v in refused.value.violations] == [("body", "encoding")]


def test_an_unknown_upload_charset_is_a_415() -> None:
    with pytest.raises(ProblemError) as refused:
        decode_upload(b"a\n", "text/csv; charset=iso-2022-jp")
    assert refused.value.status == 415 and refused.value.errors is not None
    assert refused.value.errors[0].field == "header.Content-Type"


def test_field_errors_name_a_line_only_when_they_have_one() -> None:
    problem = ProblemError(errors=[FieldError(field="a", rule="r", message="m")], status=422).to_problem()
    assert problem["errors"] == [{"field": "a", "rule": "r", "message": "m"}]
    with_line = ProblemError(errors=[FieldError(field="a", rule="r", message="m", line=3)], status=422)
    assert with_line.to_problem()["errors"] == [{"field": "a", "rule": "r", "message": "m", "line": 3}]
