"""CSV exchange with prefectural systems: streamed exports with Japanese headers, and decoding of uploads.

Exports answer `Accept: text/csv` in UTF-8 with a BOM (Excel opens it as UTF-8), or in CP932 when the client
asks for `charset=shift_jis` (also `cp932`, `windows-31j`): the encoding most prefectural systems and older
Excel versions read. Rows are pulled page by page through the same use case as the JSON list, so filters and
authorisation cannot differ. A character CP932 cannot hold (e.g. 𠮷 or 𩸽, which appear in names) is never
written as `?`: the export is refused with a 406 naming each row and column.

Uploads are decoded from the charset of their Content-Type, else from a BOM, else as UTF-8 falling back to
CP932; bytes that are not valid in that encoding are reported per line and column, all at once.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import unicodedata
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Request
from fastapi.responses import Response, StreamingResponse

from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.errors import PROBLEM_MEDIA_TYPE, FieldError, ProblemError
from renkei_common.i18n import msg

T = TypeVar("T")

CSV_MEDIA_TYPE = "text/csv"
# Pages pulled per query while streaming: the largest page a JSON client may ask for.
EXPORT_PAGE_SIZE = 500
# The refusal of an unrepresentable export names at most this many cells; the count names them all.
MAX_REPORTED = 100
# Excel runs a cell that starts with one of these as a formula (OWASP "CSV injection"); such text is
# written with a leading apostrophe, which Excel shows as text. Numbers are never touched.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Charset(StrEnum):
    """The encodings of an exchange: the Python codec names."""

    UTF8 = "utf-8"
    CP932 = "cp932"


# Labels a client may send for each; Shift_JIS is what most say, CP932 (Windows-31J) what they mean.
_CHARSET_LABELS = {
    "utf-8": Charset.UTF8,
    "utf8": Charset.UTF8,
    "shift_jis": Charset.CP932,
    "shift-jis": Charset.CP932,
    "sjis": Charset.CP932,
    "x-sjis": Charset.CP932,
    "cp932": Charset.CP932,
    "ms932": Charset.CP932,
    "windows-31j": Charset.CP932,
}
# The label answered in Content-Type: the IANA name of the CP932 repertoire is Windows-31J, but
# Shift_JIS is the one that every browser and spreadsheet recognises (WHATWG maps it to the same table).
_CHARSET_ANSWERED = {Charset.UTF8: "utf-8", Charset.CP932: "Shift_JIS"}


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column of an export: its machine key (the JSON field, named in errors), its Japanese header."""

    key: str
    header: str
    value: Callable[[T], object]


def column(key: str, header: str, value: Callable[[Any], object] | None = None) -> Column[Any]:
    """A column whose value is the attribute `key` of each row, unless a getter is given."""
    return Column(key, header, value if value is not None else (lambda row: getattr(row, key)))


def cell(value: object) -> str:
    """The text of a cell: integers as digits (yen stay exact), dates in ISO 8601, lists joined by `;`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, int | float | Decimal):
        return str(value)  # a negative number is a number, not a formula
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ";".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


# ---------------------------------------------------------------------------------------------------------
# Content negotiation


def _media_ranges(accept: str) -> Iterable[tuple[str, dict[str, str]]]:
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        parsed = {}
        for param in params:
            name, _, value = param.partition("=")
            parsed[name.strip().lower()] = value.strip().strip('"').lower()
        yield media.lower(), parsed


def _quality(params: Mapping[str, str]) -> float:
    try:
        return float(params.get("q", "1"))
    except ValueError:
        return 0.0


def charset_label(label: str, *, field: str) -> Charset:
    """The encoding a charset label names; an unknown one is refused naming `field` and the rule."""
    found = _CHARSET_LABELS.get(label.strip().lower())
    if found is None:
        raise ProblemError(
            msg("csv.charset_not_offered", label=label),
            status=406 if field == "header.Accept" else 415,
            slug="unsupported-charset",
            errors=[FieldError(field=field, rule="charset", message=msg("csv.use_supported_charset"))],
        )
    return found


def requested_charset(accept: str | None) -> Charset | None:
    """The CSV encoding `accept` asks for, or None when the client wants JSON (the default).

    CSV is chosen when `text/csv` is acceptable and no JSON type is preferred over it; the charset
    parameter of that range picks the encoding, UTF-8 when absent.
    """
    if not accept:
        return None
    best_csv: tuple[float, dict[str, str]] | None = None
    best_json = 0.0
    for media, params in _media_ranges(accept):
        quality = _quality(params)
        if media == CSV_MEDIA_TYPE and quality > 0 and (best_csv is None or quality > best_csv[0]):
            best_csv = (quality, params)
        elif media in ("application/json", "application/*", "*/*"):
            best_json = max(best_json, quality if media == "application/json" else quality / 2)
    if best_csv is None or best_json > best_csv[0]:
        return None
    label = best_csv[1].get("charset")
    return charset_label(label, field="header.Accept") if label else Charset.UTF8


def _csv_requested(request: Request) -> Charset | None:
    return requested_charset(request.headers.get("accept"))


# A route parameter: the CSV encoding asked for by `Accept`, None for JSON. Reading the header through the
# request keeps it out of the OpenAPI parameters, where every generated client would have to pass it.
CsvRequested = Annotated[Charset | None, Depends(_csv_requested)]

CSV_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            CSV_MEDIA_TYPE: {
                "schema": {"type": "string"},
                "example": "\ufeff団体コード,団体名\r\n062014,山形市\r\n",
            }
        },
        "description": "The list as JSON, or with `Accept: text/csv` every matching row as CSV with Japanese "
        "headers: UTF-8 with a BOM, or CP932 with `Accept: text/csv; charset=shift_jis`.",
    },
    406: {
        "description": "CP932 was asked for but a cell holds a character it cannot represent (each named "
        "by `line` and `field`), or an unknown charset was asked for",
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    },
}


# ---------------------------------------------------------------------------------------------------------
# Export

PageOf = Callable[[str | None, int], Awaitable[tuple[Sequence[T], str | None]]]


def _row(values: Sequence[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()


def header_line(columns: Sequence[Column[Any]]) -> str:
    return _row([c.header for c in columns])


def _cells(row: Any, columns: Sequence[Column[Any]]) -> list[str]:
    return [cell(c.value(row)) for c in columns]


def unrepresentable(
    line: int, cells: Sequence[str], columns: Sequence[Column[Any]], charset: Charset
) -> list[FieldError]:
    """The cells of one row that `charset` cannot hold, each naming the row's line and its column."""
    errors = []
    for text, col in zip(cells, columns, strict=True):
        bad = [ch for ch in text if not _encodable(ch, charset)]
        if bad:
            shown = ", ".join(f"{ch!s} (U+{ord(ch):04X})" for ch in dict.fromkeys(bad))
            errors.append(
                FieldError(
                    line=line,
                    field=col.key,
                    rule="cp932_unrepresentable",
                    message=msg("csv.cp932_unrepresentable", line=line, column=col.header, characters=shown),
                )
            )
    return errors


def _encodable(ch: str, charset: Charset) -> bool:
    try:
        ch.encode(charset.value)
    except UnicodeEncodeError:
        return False
    return True


def not_representable(errors: Sequence[FieldError], total: int) -> ProblemError:
    return ProblemError(
        msg("csv.not_representable", total=total),
        status=406,
        slug="not-representable-in-charset",
        errors=errors[:MAX_REPORTED],
    )


def encode_rows(
    rows: Iterable[Any],
    columns: Sequence[Column[Any]],
    charset: Charset,
    *,
    trailer: Sequence[Sequence[str]] = (),
) -> bytes:
    """A whole CSV file in memory (for reports already summed in memory); exports stream with `export`."""
    text = [header_line(columns)]
    errors: list[FieldError] = []
    for line, row in enumerate(rows, start=2):
        cells = _cells(row, columns)
        if charset is Charset.CP932:
            errors += unrepresentable(line, cells, columns, charset)
        text.append(_row(cells))
    text += [_row(list(extra)) for extra in trailer]
    if errors:
        raise not_representable(errors, len(errors))
    body = "".join(text)
    return body.encode(charset.value) if charset is Charset.CP932 else body.encode("utf-8-sig")


Page = tuple[Sequence[T], str | None]


async def _all_rows(page_of: PageOf[T], first: Page[T]) -> AsyncIterator[T]:
    """The rows of `first` and of every page after it, one query per page."""
    rows, cursor = first
    while True:
        for row in rows:
            yield row
        if cursor is None:
            return
        rows, cursor = await page_of(cursor, EXPORT_PAGE_SIZE)


async def _check_representable(
    page_of: PageOf[Any], columns: Sequence[Column[Any]], first: Page[Any]
) -> None:
    errors: list[FieldError] = []
    total = 0
    line = 1
    async for row in _all_rows(page_of, first):
        line += 1
        found = unrepresentable(line, _cells(row, columns), columns, Charset.CP932)
        total += len(found)
        if len(errors) < MAX_REPORTED:
            errors += found
    if errors:
        raise not_representable(errors, total)


async def export(
    page_of: PageOf[Any],
    columns: Sequence[Column[Any]],
    *,
    charset: Charset,
    filename: str,
    cursor: str | None = None,
) -> StreamingResponse:
    """Every row `page_of` yields from `cursor` on, streamed as CSV one page at a time.

    `page_of(cursor, limit)` is the list use case of the JSON answer, so the CSV holds exactly the rows the
    caller may read with the same filters. The first page is read before the response starts, so that a
    refusal of the use case (403, 422) is a problem+json answer as for JSON, not a cut-off download. For
    CP932 a first pass checks every cell before the first byte is sent (a status cannot change once the
    body has started); if a row changes between that pass and the stream to hold a character CP932 cannot
    represent, the response is cut short rather than hold a `?`.
    """
    first = await page_of(cursor, EXPORT_PAGE_SIZE)
    if charset is Charset.CP932:
        await _check_representable(page_of, columns, first)

    async def body() -> AsyncIterator[bytes]:
        encoder = codecs.getincrementalencoder(charset.value)(errors="strict")
        yield (codecs.BOM_UTF8 if charset is Charset.UTF8 else b"") + encoder.encode(header_line(columns))
        async for row in _all_rows(page_of, first):
            yield encoder.encode(_row(_cells(row, columns)))

    return StreamingResponse(body(), media_type=media_type(charset), headers=attachment(filename))


def media_type(charset: Charset) -> str:
    return f"{CSV_MEDIA_TYPE}; charset={_CHARSET_ANSWERED[charset]}"


def attachment(filename: str) -> dict[str, str]:
    """The Content-Disposition of a CSV download; names are ASCII, so no RFC 6266 `filename*` is needed."""
    return {"Content-Disposition": f'attachment; filename="{filename}.csv"'}


def csv_response(body: bytes, *, charset: Charset, filename: str) -> Response:
    """A CSV file built in memory (see `encode_rows`), with the same headers as a streamed export."""
    return Response(body, media_type=media_type(charset), headers=attachment(filename))


# ---------------------------------------------------------------------------------------------------------
# Import


def declared_charset(content_type: str | None) -> Charset | None:
    """The charset parameter of a Content-Type header, if any; an unknown one is a 415 naming it."""
    if not content_type:
        return None
    for _, params in _media_ranges(content_type):
        if params.get("charset"):
            return charset_label(params["charset"], field="header.Content-Type")
    return None


def decode_upload(
    raw: bytes,
    content_type: str | None,
    *,
    location: str = "body",
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """The text of an uploaded CSV file; bytes invalid in its encoding are a 422 naming each line and column.

    The encoding is the charset the client declared, else UTF-8 when the file starts with its BOM or is
    valid UTF-8, else CP932 (exports of Japanese spreadsheets without a declaration). A declared UTF-8 file
    may still carry a BOM; the BOM is removed. Columns are named by their machine key when `aliases` maps
    the header cell (NFKC-folded, lower case) to one, else by the header as written.
    """
    charset = declared_charset(content_type)
    if raw.startswith(codecs.BOM_UTF8):
        if charset is Charset.CP932:
            # Read as CP932 the BOM would become two kanji glued to the first header: say what happened.
            message = msg("csv.bom_declared_shift_jis")
            raise RuleViolation(location, "encoding", message, location=None)
        charset, raw = Charset.UTF8, raw[len(codecs.BOM_UTF8) :]
    if charset is None:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            charset = Charset.CP932
    # Undecodable bytes become lone surrogates, so the file can still be split into rows and cells and
    # every bad cell named; any surrogate left means the file is refused.
    text = raw.decode(charset.value, errors="surrogateescape")
    if not _undecoded(text):
        return text
    raise RuleViolation(
        violations=_undecodable(text, charset, location, aliases or {}),
        location=None,
    )


def _undecodable(
    text: str, charset: Charset, location: str, aliases: Mapping[str, Sequence[str]]
) -> list[Violation]:
    reader = csv.reader(io.StringIO(text))
    names: list[str] = []
    violations = []
    line = 1
    try:
        for index, values in enumerate(reader):
            if index == 0:
                # A header cell that is not text itself cannot name its column: its position does.
                names = [
                    f"column[{at + 1}]" if _undecoded(v) else _column_name(v, aliases)
                    for at, v in enumerate(values)
                ]
            for at, value in enumerate(values):
                if _undecoded(value):
                    name = names[at] if at < len(names) and index > 0 else f"column[{at + 1}]"
                    violations.append(
                        Violation(
                            f"{location}.line[{line}].{name}",
                            "encoding",
                            msg("csv.undecodable_cell", line=line, column=name, charset=charset.value),
                            line=line,
                        )
                    )
            line = reader.line_num + 1
    except csv.Error:
        pass  # the parser of the import reports the syntax; the encoding faults found so far stand
    return violations or [Violation(location, "encoding", msg("csv.undecodable_file", charset=charset.value))]


def _undecoded(text: str) -> bool:
    """Does `text` hold a byte that did not decode (surrogateescape maps each to U+DC80..U+DCFF)?"""
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _column_name(header: str, aliases: Mapping[str, Sequence[str]]) -> str:
    folded = unicodedata.normalize("NFKC", header).strip().lower()
    return next((key for key, names in aliases.items() if folded in names), header.strip())
