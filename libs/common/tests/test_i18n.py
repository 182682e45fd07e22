"""Tests of renkei_common.i18n: negotiation, numbers, keyed messages, catalogue completeness, and problems
answered in Japanese with `Accept-Language: ja` (English by default) with unchanged machine parts."""

from __future__ import annotations

import ast
import pickle
from collections.abc import AsyncIterator, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import pytest
from fastapi import APIRouter, Header, Query, Request
from pydantic import Field
from renkei_common.access import ensure_acts_for_one_of, ensure_can_read
from renkei_common.auth import CurrentActor
from renkei_common.csv_exchange import Charset, column, decode_upload, not_representable, unrepresentable
from renkei_common.domain_errors import RuleViolation, StateConflict, Violation
from renkei_common.events.contracts import AgreementTerminated
from renkei_common.i18n import (
    Message,
    msg,
    negotiate,
    people,
    placeholders,
    render,
    templates,
    terms,
    text_in,
    yen,
)
from renkei_common.i18n.validation import FALLBACK, validation_message
from renkei_common.limits import body_limit
from renkei_common.refdata import InvalidLocalGovernmentCode, load_registry
from renkei_common.schema_types import RequestModel
from renkei_common.webhooks.ssrf import UrlRefused, check_url
from renkei_common.writes.etag import check_if_match

ROOT = Path(__file__).resolve().parents[3]
CODE_ROOTS = [ROOT / "libs" / "common" / "src", *sorted((ROOT / "services").glob("*/src"))]
JA = {"Accept-Language": "ja"}


def machine_parts(problem: dict[str, Any]) -> tuple[Any, ...]:
    errors = [(e["field"], e["rule"]) for e in problem.get("errors") or []]
    return problem["type"], problem["status"], errors


# --- negotiation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "en"),
        ("", "en"),
        ("ja", "ja"),
        ("ja-JP", "ja"),
        ("JA-jp", "ja"),
        ("en-US,ja;q=0.9", "en"),
        ("ja;q=0.8, en;q=0.9", "en"),
        ("ja;q=0.9, en;q=0.8", "ja"),
        ("fr, ja;q=0.1", "ja"),  # the only language we have, however low its weight
        ("ja;q=0", "en"),  # q=0 refuses a language
        ("ja;q=0.001", "ja"),
        ("en;q=0.5, ja;q=0.5", "en"),  # a tie: the first listed wins
        ("ja;q=0.5, en;q=0.5", "ja"),
        ("*", "en"),
        ("fr, de", "en"),
        ("ja;q=abc", "en"),  # a malformed weight drops the range
        ("ja;q=1.5", "en"),  # so does one out of range
    ],
)
def test_accept_language_is_negotiated_by_weight_and_primary_subtag(
    header: str | None, expected: str
) -> None:
    assert negotiate(header) == expected


# --- numbers ---------------------------------------------------------------------------------------


def test_numbers_are_written_one_way_in_japanese() -> None:
    assert people(40000, "ja") == "40,000人"
    assert people(999, "ja") == "999人"
    assert people("50001", "ja") == "50,001人"  # as stored in JSON
    assert people(40000, "en") == "40,000 inhabitants"
    assert yen(18_000_000, "ja") == "¥18,000,000"
    assert yen(0, "ja") == "¥0"
    assert yen(-1500, "en") == "-¥1,500"
    assert yen("not a number", "ja") == "not a number"


# --- keyed messages --------------------------------------------------------------------------------


def test_a_message_is_its_english_text_and_renders_in_japanese() -> None:
    message = msg("auth.missing_claim", claim="org")
    assert message == "missing claim org"
    assert isinstance(message, str)
    assert message.render("ja") == "クレーム org がありません"
    assert message.render("fr") == "missing claim org"  # a language nobody asked us for: English


def test_a_message_survives_pickling_and_json_with_nested_messages() -> None:
    inner = msg("auth.missing_claim", claim="sub")
    outer = msg("problem.internal_error", request_id=inner)
    assert pickle.loads(pickle.dumps(outer)).render("ja") == outer.render("ja")
    again = Message.from_json(outer.to_json())
    assert again.render("ja") == outer.render("ja")
    assert "クレーム sub がありません" in again.render("ja")


def test_terms_and_lists_are_translated_in_japanese_only() -> None:
    message = msg(
        "access.not_acting_for", org="011002", what="a centre of this area", codes=["012025", "012033"]
    )
    assert message == "organisation 011002 is not a centre of this area (012025, 012033)"
    assert message.render("ja") == "団体 011002 はこの圏域の中心市（012025、012033）ではありません"


def test_an_unknown_key_renders_as_the_key_rather_than_failing() -> None:
    assert render("no.such.key", {}, "ja") == "no.such.key"


def test_a_pydantic_error_type_without_japanese_falls_back_to_japanese_text() -> None:
    error = {"type": "some_future_type", "msg": "Something new", "ctx": {}}
    message = validation_message(error)
    assert message.key == FALLBACK
    assert message == "Something new"
    assert message.render("ja") == "入力値が正しくありません（some_future_type）"


def test_a_validator_that_raises_a_keyed_message_keeps_its_key() -> None:
    keyed = msg("text.no_control_characters", character="U+0000")
    message = validation_message({"type": "value_error", "msg": "x", "ctx": {"error": ValueError(keyed)}})
    assert message.render("ja") == "テキストに制御文字 U+0000 は使えません"


# --- catalogue completeness ------------------------------------------------------------------------


def _python_files() -> Iterable[Path]:
    for root in CODE_ROOTS:
        yield from root.rglob("*.py")


def keys_used_in_code() -> dict[str, str]:
    """Every constant key passed to msg(...) or Message(...) in the code, with where it is used."""
    used: dict[str, str] = {}
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            first = node.args[0]
            if (
                name in ("msg", "Message")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                used.setdefault(first.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return used


def terms_used_in_code() -> dict[str, str]:
    """Every constant `what=` argument: a domain word that messages translate with `{what:term}`."""
    used: dict[str, str] = {}
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "what" and isinstance(node.value, ast.Constant):
                used.setdefault(str(node.value.value), str(path.relative_to(ROOT)))
    return used


def missing_translations(
    used: dict[str, str], catalogues: dict[str, dict[str, str]]
) -> list[tuple[str, str, str]]:
    """(language, key, where) for each key used in code that a catalogue lacks."""
    return [
        (lang, key, where)
        for lang, table in catalogues.items()
        for key, where in used.items()
        if key not in table
    ]


def test_the_completeness_check_names_a_key_without_japanese() -> None:
    catalogues = {"en": {"a.b": "x", "c.d": "y"}, "ja": {"a.b": "エックス"}}
    assert missing_translations({"a.b": "here.py:1", "c.d": "there.py:2"}, catalogues) == [
        ("ja", "c.d", "there.py:2")
    ]


def test_every_key_used_in_code_has_english_and_japanese() -> None:
    used = keys_used_in_code()
    assert len(used) > 200  # the scan finds the keys (a broken scan would pass vacuously)
    assert "auth.missing_claim" in used
    assert missing_translations(used, {"en": templates("en"), "ja": templates("ja")}) == []


def test_both_catalogues_have_the_same_keys_and_placeholders() -> None:
    english, japanese = templates("en"), templates("ja")
    assert sorted(set(english) ^ set(japanese)) == []
    differing = [key for key in english if placeholders(english[key]) != placeholders(japanese[key])]
    assert differing == []


def test_no_japanese_template_is_left_in_english() -> None:
    # A Japanese template without a single kana or kanji is an untranslated copy.
    untranslated = [
        key
        for key, text in templates("ja").items()
        if not any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text)
    ]
    assert untranslated == []


def test_every_template_renders_with_its_placeholders() -> None:
    for language in ("en", "ja"):
        for key, template in templates(language).items():
            params = {name: 12345 for name in placeholders(template)}
            text = render(key, params, language)
            assert "{" not in text.replace("{}", ""), (language, key, text)


# The calls whose text a person reads in a problem; a literal sentence there would answer in English only.
REFUSALS = {
    "Violation",
    "RuleViolation",
    "StateConflict",
    "ProblemError",
    "BadRequest",
    "Unauthorized",
    "Forbidden",
    "NotFound",
    "Conflict",
    "PreconditionFailed",
    "PreconditionRequired",
    "ServiceUnavailable",
    "Unprocessable",
    "FieldError",
    "UrlRefused",
    "RuleError",
    "InvalidLocalGovernmentCode",
}


def _is_prose(node: ast.expr) -> bool:
    """A literal sentence: a string or f-string with a space in its literal text (field paths have none)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return " " in node.value.strip()
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and " " in str(v.value) for v in node.values)
    return False


def plain_english_refusals(source: str) -> list[int]:
    """The lines of `source` that pass a literal sentence, not msg(...), to a refusal."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        texts = [*node.args, *(k.value for k in node.keywords if k.arg in ("message", "detail", "title"))]
        if name in REFUSALS and any(_is_prose(text) for text in texts):
            found.append(node.lineno)
    return found


def test_the_plain_english_scan_finds_sentences_but_not_keys_or_field_paths() -> None:
    source = (
        'Violation(f"members[{i}].code", "distinct", msg("agreements.cost.listed_twice", item=code))\n'
        'raise NotFound(f"no run {run_id}")\n'
        'FieldError(field="body", rule="charset", message="use utf-8")\n'
        'errors.Forbidden(msg("auth.auditor_never_writes"))\n'
    )
    assert plain_english_refusals(source) == [2, 3]


def test_no_refusal_is_raised_with_a_plain_english_sentence() -> None:
    found = {
        f"{path.relative_to(ROOT)}:{line}"
        for path in _python_files()
        for line in plain_english_refusals(path.read_text(encoding="utf-8"))
    }
    assert sorted(found) == []


def test_every_domain_word_passed_as_what_has_japanese() -> None:
    used = terms_used_in_code()
    assert "agreement" in used
    assert sorted(word for word in used if word not in terms("ja")) == []


# --- problems through the shared app factory --------------------------------------------------------

router = APIRouter()


class NoteIn(RequestModel):
    title: str = Field(min_length=1, max_length=5)
    pages: int = Field(ge=1)


@router.post("/v1/notes")
async def create_note(body: NoteIn, actor: CurrentActor) -> dict[str, str]:
    return {"title": body.title}


@router.get("/v1/things/{thing_id}")
async def read_thing(
    thing_id: str, actor: CurrentActor, if_match: Annotated[str | None, Header()] = None
) -> dict[str, str]:
    if thing_id == "foreign":
        ensure_can_read(actor, ["012025"], what="agreement")
    if thing_id == "centre":
        ensure_acts_for_one_of(actor, ["012025"], field="path.thing_id", what="a centre of this area")
    if thing_id == "conflict":
        raise StateConflict(msg("problem.concurrent_update"), rule="already_signed")
    if thing_id == "rules":
        raise RuleViolation(
            violations=[
                Violation("a", "r1", msg("auth.missing_claim", claim="a")),
                Violation("b", "r2", "an English message nobody keyed yet"),
            ]
        )
    if thing_id == "one-rule":
        raise RuleViolation("population", "population_floor", msg("limits.body_too_large", limit=40000))
    if thing_id == "versioned":
        check_if_match(if_match, resource_id=thing_id, version=2)
    return {"id": thing_id}


@router.post("/v1/small", openapi_extra=body_limit(10))
async def small(actor: CurrentActor) -> dict[str, str]:
    return {}


@router.get("/v1/search")
async def search(actor: CurrentActor, limit: Annotated[int, Query(le=100)] = 10) -> dict[str, int]:
    return {"limit": limit}


@pytest.fixture
async def svc(common_service: Any, tmp_path: Path) -> AsyncIterator[Any]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'i18n.db'}"
    async with common_service(url, routers=[router]) as service:
        yield service


async def test_a_401_comes_in_japanese_when_asked_and_in_english_by_default(svc: Any) -> None:
    english = await svc.http.get("/v1/things/x")
    japanese = await svc.http.get("/v1/things/x", headers={"Accept-Language": "ja-JP,en;q=0.5"})
    assert english.status_code == japanese.status_code == 401
    assert english.headers["content-language"] == "en"
    assert japanese.headers["content-language"] == "ja"
    assert "accept-language" in japanese.headers["vary"].lower()
    assert english.json()["title"] == "Unauthorized"
    assert english.json()["detail"] == "missing bearer token"
    assert japanese.json()["title"] == "認証が必要です"
    assert japanese.json()["detail"] == "Bearer トークンがありません"
    assert japanese.json()["type"] == english.json()["type"] == "urn:renkei:problem:unauthorized"
    # The challenge header stays ASCII whatever the language.
    assert japanese.headers["www-authenticate"] == 'Bearer realm="renkei"'


async def test_a_403_naming_a_field_is_japanese_with_the_same_field_and_rule(svc: Any) -> None:
    headers = svc.as_("011002")
    english = (await svc.http.get("/v1/things/centre", headers=headers)).json()
    japanese = (await svc.http.get("/v1/things/centre", headers={**headers, **JA})).json()
    assert english["status"] == japanese["status"] == 403
    assert english["detail"] == "organisation 011002 is not a centre of this area (012025)"
    assert japanese["detail"] == "団体 011002 はこの圏域の中心市（012025）ではありません"
    assert japanese["title"] == "権限がありません"
    assert [(e["field"], e["rule"]) for e in japanese["errors"]] == [("path.thing_id", "acts_for_own_org")]
    assert japanese["errors"][0]["message"] == japanese["detail"]
    assert english["errors"][0]["field"] == "path.thing_id"


async def test_a_403_on_reading_translates_the_domain_word(svc: Any) -> None:
    response = await svc.http.get("/v1/things/foreign", headers={**svc.as_("011002"), **JA})
    assert response.status_code == 403
    assert response.json()["detail"] == "団体 011002 はこの協定の当事者ではないため、閲覧できません"


async def test_a_404_of_an_unknown_route_has_a_japanese_title(svc: Any) -> None:
    response = await svc.http.get("/v1/nowhere", headers=JA)
    assert response.status_code == 404
    assert response.json()["title"] == "見つかりません"
    assert response.json()["type"] == "urn:renkei:problem:not-found"


async def test_a_409_state_conflict_is_japanese_with_its_rule(svc: Any) -> None:
    headers = svc.as_("011002")
    english = (await svc.http.get("/v1/things/conflict", headers=headers)).json()
    japanese = (await svc.http.get("/v1/things/conflict", headers={**headers, **JA})).json()
    assert japanese["status"] == 409
    assert japanese["type"] == english["type"] == "urn:renkei:problem:already-signed"
    assert japanese["errors"][0]["rule"] == english["errors"][0]["rule"] == "already_signed"
    assert japanese["detail"].startswith("別のリクエストが同時に")
    assert english["detail"].startswith("another request changed this resource")


async def test_a_412_names_the_etags_in_japanese(svc: Any) -> None:
    headers = {**svc.as_("011002"), **JA, "If-Match": '"stale"'}
    response = await svc.http.get("/v1/things/versioned", headers=headers)
    assert response.status_code == 412
    problem = response.json()
    assert problem["title"] == "前提条件が満たされていません"
    assert problem["detail"].startswith('If-Match "stale" が現在の ETag')
    assert problem["errors"][0]["rule"] == "matches_current_etag"


async def test_a_413_from_the_body_limit_is_japanese(svc: Any) -> None:
    headers = {**svc.as_("011002"), **JA, "Content-Type": "application/json"}
    response = await svc.http.post("/v1/small", content=b"x" * 11, headers=headers)
    assert response.status_code == 413
    assert response.headers["content-language"] == "ja"
    problem = response.json()
    assert problem["detail"] == "リクエスト本文が上限の 10 バイトを超えています"
    assert [(e["field"], e["rule"]) for e in problem["errors"]] == [("body", "max_bytes")]


async def test_request_validation_errors_are_japanese_by_type(svc: Any) -> None:
    headers = svc.as_("011002")
    body = {"title": "toolong", "pages": 0}
    english = (await svc.http.post("/v1/notes", json=body, headers=headers)).json()
    japanese = (await svc.http.post("/v1/notes", json=body, headers={**headers, **JA})).json()
    by_field = {e["field"]: e for e in japanese["errors"]}
    assert by_field["body.title"]["rule"] == "string_too_long"
    assert by_field["body.title"]["message"] == "5文字以内で指定してください"
    assert by_field["body.pages"]["rule"] == "greater_than_equal"
    assert by_field["body.pages"]["message"] == "1以上の値を指定してください"
    assert japanese["detail"] == "リクエストが1つ以上の規則に反しています"
    assert japanese["title"] == "入力内容が規則に反しています"
    assert {e["field"]: e["message"] for e in english["errors"]}["body.title"] == (
        "String should have at most 5 characters"
    )
    assert [e["rule"] for e in english["errors"]] == [e["rule"] for e in japanese["errors"]]


async def test_missing_fields_and_control_characters_are_japanese(svc: Any) -> None:
    headers = {**svc.as_("011002"), **JA}
    missing = (await svc.http.post("/v1/notes", json={"title": "a"}, headers=headers)).json()
    assert [(e["field"], e["rule"], e["message"]) for e in missing["errors"]] == [
        ("body.pages", "missing", "必須項目です")
    ]
    control = (
        await svc.http.post("/v1/notes", json={"title": "a\u0000", "pages": 1}, headers=headers)
    ).json()
    assert control["errors"][0]["rule"] == "no_control_characters"
    assert control["errors"][0]["message"] == "テキストに制御文字 U+0000 は使えません"
    query = await svc.http.get("/v1/search?limit=101", headers=headers)
    assert query.json()["errors"][0]["message"] == "100以下の値を指定してください"


async def test_rule_violations_are_japanese_and_an_unkeyed_message_stays_english(svc: Any) -> None:
    headers = {**svc.as_("011002"), **JA}
    problem = (await svc.http.get("/v1/things/rules", headers=headers)).json()
    assert problem["status"] == 422
    assert problem["detail"] == "2件の入力が規則に反しています。errors を確認してください"
    assert [(e["field"], e["rule"]) for e in problem["errors"]] == [("body.a", "r1"), ("body.b", "r2")]
    assert problem["errors"][0]["message"] == "クレーム a がありません"
    assert problem["errors"][1]["message"] == "an English message nobody keyed yet"
    english = (await svc.http.get("/v1/things/rules", headers=svc.as_("011002"))).json()
    assert english["detail"] == "2 inputs break rules; see errors"


async def test_numbers_in_a_japanese_rule_message_are_grouped(svc: Any) -> None:
    problem = (await svc.http.get("/v1/things/one-rule", headers={**svc.as_("011002"), **JA})).json()
    assert problem["detail"] == "リクエスト本文が上限の 40,000 バイトを超えています"
    assert problem["errors"][0]["rule"] == "population_floor"


async def test_a_successful_answer_says_its_language_too(svc: Any) -> None:
    response = await svc.http.get("/v1/things/x", headers={**svc.as_("011002"), **JA})
    assert response.status_code == 200
    assert response.headers["content-language"] == "ja"
    default = await svc.http.get("/v1/things/x", headers=svc.as_("011002"))
    assert default.headers["content-language"] == "en"


def test_decimal_parameters_render_in_both_languages() -> None:
    assert (
        msg("validation.greater_than_equal", ge=Decimal("0.5")).render("ja")
        == "0.5以上の値を指定してください"
    )


# --- CSV exchange, webhooks, operator routes and reference data (keyed since issue 12 part 5) ---------


@router.post("/v1/uploads")
async def upload(request: Request, actor: CurrentActor) -> dict[str, int]:
    return {"characters": len(decode_upload(await request.body(), request.headers.get("content-type")))}


async def test_csv_uploads_are_refused_in_japanese_with_the_same_field_and_rule(svc: Any) -> None:
    unknown = {**svc.as_("011002"), "Content-Type": "text/csv; charset=latin-1"}
    english = await svc.http.post("/v1/uploads", content=b"code\n", headers=unknown)
    japanese = await svc.http.post("/v1/uploads", content=b"code\n", headers={**unknown, **JA})
    assert english.status_code == japanese.status_code == 415
    for response in (english, japanese):
        assert response.json()["type"] == "urn:renkei:problem:unsupported-charset"
        assert [(e["field"], e["rule"]) for e in response.json()["errors"]] == [
            ("header.Content-Type", "charset")
        ]
    assert english.json()["detail"] == (
        "charset 'latin-1' is not offered; use utf-8 (the default) or shift_jis (CP932)"
    )
    assert japanese.json()["detail"] == (
        "文字コード 'latin-1' には対応していません。utf-8（既定）または shift_jis（CP932）を指定してください"
    )
    assert japanese.json()["errors"][0]["message"] == "utf-8 または shift_jis（cp932）を指定してください"
    declared = {**svc.as_("011002"), **JA, "Content-Type": "text/csv; charset=utf-8"}
    broken = await svc.http.post("/v1/uploads", content=b"code,name\n011002,\xff\xfe\n", headers=declared)
    assert broken.status_code == 422
    [error] = broken.json()["errors"]
    assert (error["field"], error["rule"], error["line"]) == ("body.line[2].name", "encoding", 2)
    assert error["message"] == (
        "2行目の name 列: utf-8 として正しくないバイトがあります。"
        "ファイルの文字コード（utf-8 または shift_jis）を宣言するか、内容を修正してください"
    )


def test_a_cp932_export_refusal_names_line_and_column_in_japanese() -> None:
    errors = unrepresentable(3, ["𠮷野家"], [column("name", "団体名")], Charset.CP932)
    refused = not_representable(errors, 1)
    english, japanese = refused.to_problem(language="en"), refused.to_problem(language="ja")
    assert english["status"] == japanese["status"] == 406
    assert [(e["field"], e["rule"], e["line"]) for e in japanese["errors"]] == [
        ("name", "cp932_unrepresentable", 3)
    ]
    assert english["detail"] == "1 cell(s) hold characters that CP932 cannot represent; nothing was exported"
    assert japanese["detail"] == "1個のセルに CP932 で表せない文字があるため、何も書き出していません"
    assert english["errors"][0]["message"].startswith("line 3, column 団体名: 𠮷 (U+20BB7) cannot be written")
    assert japanese["errors"][0]["message"] == (
        "3行目の「団体名」列: 𠮷 (U+20BB7) は CP932 で書き出せません。"
        "UTF-8 で書き出す（Accept: text/csv）か、文字を修正してください"
    )


async def test_webhook_and_operator_refusals_are_japanese_with_the_same_fields_and_rules(
    common_service: Any, tmp_path: Path
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'hooks.db'}"
    async with common_service(url, service_name="agreements", webhook_allowed_hosts=["127.0.0.1"]) as hooks:
        mine = hooks.as_("011002", "municipality")
        body = {"url": "https://user:pw@example.jp/hook", "event_types": ["jp.renkei.nope.v1"]}
        english = (await hooks.http.post("/v1/webhooks", json=body, headers=mine)).json()
        japanese = (await hooks.http.post("/v1/webhooks", json=body, headers={**mine, **JA})).json()
        assert machine_parts(english) == machine_parts(japanese)
        assert [(e["field"], e["rule"]) for e in japanese["errors"]] == [
            ("body.url", "no_credentials_in_url"),
            ("body.event_types[0]", "published_event_type"),
        ]
        assert (
            english["errors"][1]["message"]
            == "jp.renkei.nope.v1 is not an event type of the agreements service"
        )
        assert [e["message"] for e in japanese["errors"]] == [
            "URL にユーザー名やパスワードを含めることはできません",
            "jp.renkei.nope.v1 は agreements サービスが発行するイベント種別ではありません",
        ]
        missing = await hooks.http.get("/v1/webhooks/nope", headers={**mine, **JA})
        assert missing.status_code == 404
        assert missing.json()["detail"] == "団体 011002 の Webhook エンドポイント nope はありません"
        hook = {"url": "http://127.0.0.1:9/hook", "event_types": [AgreementTerminated.type_name()]}
        created = (await hooks.http.post("/v1/webhooks", json=hook, headers=mine)).json()
        redeliver = f"/v1/webhooks/{created['id']}/deliveries/1/redeliver"
        again = await hooks.http.post(redeliver, headers={**mine, **JA})
        assert again.status_code == 404
        assert again.json()["detail"] == f"Webhook エンドポイント {created['id']} の配信 1 はありません"
        operator = {**hooks.as_("000000", "operator"), **JA}
        replay = await hooks.http.post("/v1/admin/dead-letters/1/replay", headers=operator)
        assert replay.status_code == 404
        assert (
            replay.json()["detail"]
            == "デッドレター 1 はありません（このサービスはイベントを購読していません）"
        )


@pytest.mark.parametrize(
    ("url", "rule", "japanese"),
    [
        ("ftp://example.jp/hook", "https_url", "URL は https:// で始まる絶対 URL で指定してください"),
        (
            "http://example.jp/hook",
            "https_url",
            "URL には https を使ってください（http は運用者が許可したホストに限ります）",
        ),
        (
            "https://10.0.0.1/hook",
            "public_address",
            "ホスト 10.0.0.1 はプライベート、ループバック、リンクローカル",
        ),
    ],
)
async def test_the_ssrf_guard_refuses_in_japanese(url: str, rule: str, japanese: str) -> None:
    with pytest.raises(UrlRefused) as refused:
        await check_url(url, allowed_hosts=())
    assert refused.value.rule == rule
    assert str(text_in(refused.value.message, "ja")).startswith(japanese)


def test_a_bad_prefecture_code_is_explained_in_japanese() -> None:
    with pytest.raises(InvalidLocalGovernmentCode) as refused:
        load_registry().filter(prefecture_code="99")
    assert refused.value.rule.value == "prefecture_range"
    assert (
        refused.value.message
        == "invalid local-government code '99': a prefecture code must be 01–47 (or a 6-digit code)"
    )
    assert refused.value.message.render("ja") == (
        "団体コード '99' が正しくありません: "
        "都道府県コードは01～47（または6桁の団体コード）で指定してください"
    )
