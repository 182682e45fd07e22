"""RFC 9457 problem+json errors: the exception types, the handlers, and their OpenAPI documentation."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, SkipValidation
from starlette.exceptions import HTTPException as StarletteHTTPException

from renkei_common.i18n import Message, current_language, msg, text_in
from renkei_common.i18n.catalogue import templates
from renkei_common.i18n.middleware import language_of, mark_language
from renkei_common.i18n.validation import validation_message
from renkei_common.logging_setup import current_request_id

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
# A URN rather than an https URL: it is stable and never promises a page that nobody maintains.
PROBLEM_TYPE_BASE = "urn:renkei:problem:"


class FieldError(BaseModel):
    """Which input was wrong, by which rule, and what to do about it."""

    field: str
    rule: str
    # Not validated, so that a keyed Message survives until the answer is rendered in the caller's language.
    message: Annotated[str, SkipValidation]
    # Only for uploaded or exported files (CSV): the 1-based line of the file, as a spreadsheet shows it.
    line: int | None = None


class Problem(BaseModel):
    """An RFC 9457 problem document, as every error response of every service carries it."""

    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None


class ProblemError(Exception):
    """An error that becomes a problem+json response; subclasses fix the status and the slug."""

    status: int = 500
    slug: str = "internal-error"

    def __init__(
        self,
        detail: str | None = None,
        *,
        title: str | None = None,
        slug: str | None = None,
        status: int | None = None,
        errors: Sequence[FieldError] | None = None,
        headers: Mapping[str, str] | None = None,
        **extra: Any,
    ) -> None:
        if status is not None:
            self.status = status
        if slug is not None:
            self.slug = slug
        self.title = title or _phrase(self.status)
        self.detail = detail
        self.errors = list(errors) if errors else None
        self.headers = dict(headers or {})
        self.extra = extra
        super().__init__(detail or self.title)

    @property
    def type(self) -> str:
        return PROBLEM_TYPE_BASE + self.slug

    def to_problem(
        self, *, instance: str | None = None, request_id: str | None = None, language: str | None = None
    ) -> dict[str, Any]:
        """The problem document; title, detail and messages in `language` (default: the request's)."""
        language = language or current_language()
        errors = (
            [
                {**e.model_dump(exclude_none=True), "message": text_in(e.message, language)}
                for e in self.errors
            ]
            if self.errors
            else None
        )
        detail = text_in(self.detail, language)
        optional = {"detail": detail, "instance": instance, "request_id": request_id, "errors": errors}
        body = {"type": self.type, "title": text_in(self.title, language), "status": self.status}
        # Extension members never override the standard ones.
        return {**self.extra, **body, **{k: v for k, v in optional.items() if v is not None}}

    def to_response(
        self, *, instance: str | None = None, request_id: str | None = None, language: str | None = None
    ) -> JSONResponse:
        language = language or current_language()
        body = self.to_problem(instance=instance, request_id=request_id, language=language)
        response = JSONResponse(body, self.status, headers=self.headers, media_type=PROBLEM_MEDIA_TYPE)
        mark_language(response.headers, language)
        return response


class BadRequest(ProblemError):
    status, slug = 400, "bad-request"


class Unauthorized(ProblemError):
    status, slug = 401, "unauthorized"

    def __init__(self, detail: str | None = None, *, token_given: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"WWW-Authenticate": _bearer_challenge(detail, token_given)})
        super().__init__(detail, **kwargs)


class Forbidden(ProblemError):
    status, slug = 403, "forbidden"


class NotFound(ProblemError):
    status, slug = 404, "not-found"


class Conflict(ProblemError):
    status, slug = 409, "conflict"


class PreconditionFailed(ProblemError):
    status, slug = 412, "precondition-failed"


class PreconditionRequired(ProblemError):
    status, slug = 428, "precondition-required"


class ServiceUnavailable(ProblemError):
    status, slug = 503, "service-unavailable"


class Unprocessable(ProblemError):
    """A well-formed request that breaks a rule; name the field and the rule so the caller can fix it."""

    status, slug = 422, "validation-failed"

    def __init__(
        self,
        field: str | None = None,
        rule: str | None = None,
        message: str | None = None,
        *,
        errors: Sequence[FieldError] | None = None,
        detail: str | None = None,
        **kwargs: Any,
    ) -> None:
        all_errors = list(errors or [])
        if field is not None:
            all_errors.insert(0, FieldError(field=field, rule=rule or "invalid", message=message or ""))
        if detail is None:
            detail = message if len(all_errors) == 1 and message else msg("problem.rules_broken")
        super().__init__(detail, errors=all_errors, **kwargs)


def _bearer_challenge(detail: str | None, token_given: bool) -> str:
    # RFC 6750 §3: no error code when no token came; quotes in the description would break the header.
    if not token_given or not detail:
        return 'Bearer realm="renkei"'
    return f'Bearer realm="renkei", error="invalid_token", error_description="{detail.replace(chr(34), "")}"'


def _phrase(status: int) -> str:
    """The status's reason phrase, keyed (`status.404`) when the catalogues name that status."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:  # a status Python does not know, e.g. 499
        return "Error"
    # English exactly as Python names the status; other languages from the catalogue.
    return Message(f"status.{status}", english=phrase) if f"status.{status}" in templates("ja") else phrase


def field_path(loc: Sequence[str | int]) -> str:
    """("body", "parties", 1, "code") -> "body.parties[1].code"."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _request_id(request: Request) -> str | None:
    return getattr(request.state, "request_id", None) or current_request_id()


def problem_response(request: Request, error: ProblemError) -> JSONResponse:
    # Percent-encoded as received: a decoded path with arbitrary bytes would make the body ambiguous to
    # clients that guess the charset of application/problem+json.
    return error.to_response(
        instance=instance_of(request.url.path), request_id=_request_id(request), language=language_of(request)
    )


def instance_of(path: str) -> str:
    """The `instance` member: the request path, percent-encoded so that it is always plain ASCII."""
    return quote(path, safe="/:@!$&'()*+,;=-._~")


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return problem_response(request, exc)


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        FieldError(field=field_path(e["loc"]), rule=e["type"], message=validation_message(e))
        for e in exc.errors()
    ]
    if any(e.rule == "json_invalid" for e in errors):
        # Malformed syntax is a 400 (RFC 9110 §15.5.1), not a broken rule.
        bad_json = BadRequest(msg("problem.malformed_json"), slug="malformed-json", errors=errors)
        return problem_response(request, bad_json)
    return problem_response(request, Unprocessable(errors=errors))


async def _on_http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    phrase = str(_phrase(exc.status_code))
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
    slug = phrase.lower().replace(" ", "-")
    error = ProblemError(detail, status=exc.status_code, slug=slug, headers=exc.headers)
    return problem_response(request, error)


# SQLSTATE of a unique violation (PostgreSQL appendix A); SQLite names it by extended result code instead.
_PG_UNIQUE_VIOLATION = "23505"
_SQLITE_UNIQUE_CODES = frozenset({"SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"})


def is_unique_violation(exc: BaseException) -> bool:
    """Is `exc` (a SQLAlchemy IntegrityError) a unique or primary-key violation, i.e. a key taken meanwhile?

    Foreign-key, NOT NULL and CHECK violations are bugs in the code that wrote, never lost races.
    """
    orig = getattr(exc, "orig", None)
    if orig is None:
        return False
    sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if sqlstate is not None:
        return str(sqlstate) == _PG_UNIQUE_VIOLATION
    errorname = getattr(orig, "sqlite_errorname", None)
    if errorname is not None:
        return str(errorname) in _SQLITE_UNIQUE_CODES
    return str(orig).startswith("UNIQUE constraint failed")


def lost_race_conflict(exc: BaseException) -> Conflict | None:
    """The retryable 409 for a write that lost a race to a concurrent one; None when `exc` is a real error.

    Lost races: a stale row version (StaleDataError), a unique key taken meanwhile, SQLite's writer lock.
    Anything else (a foreign-key or NOT NULL violation, a database outage) must surface as a logged 500.
    """
    from sqlalchemy.exc import IntegrityError, OperationalError
    from sqlalchemy.orm.exc import StaleDataError

    if isinstance(exc, StaleDataError):
        lost = True
    elif isinstance(exc, IntegrityError):
        lost = is_unique_violation(exc)
    elif isinstance(exc, OperationalError):
        lost = "locked" in str(exc.orig)
    else:
        lost = False
    if not lost:
        return None
    return Conflict(msg("problem.concurrent_update"), slug="concurrent-update", headers={"Retry-After": "1"})


def internal_error(request_id: str | None) -> ProblemError:
    """The 500 problem: the request id lets an operator find the traceback; the caller never sees it."""
    return ProblemError(msg("problem.internal_error", request_id=request_id))


async def _on_unhandled(request: Request, exc: Exception) -> JSONResponse:
    request_id = _request_id(request)
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    response = problem_response(request, internal_error(request_id))
    if request_id:
        # Starlette answers this one outside every middleware, so the echo has to happen here.
        response.headers["X-Request-ID"] = request_id
    return response


def install_error_handlers(app: FastAPI) -> None:
    """Make every error of `app` a problem+json response, and document 422s as problems in OpenAPI."""
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(Exception, _on_unhandled)
    _document_problems(app)


_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def _problem_response_doc(description: str) -> dict[str, Any]:
    return {"description": description, "content": {PROBLEM_MEDIA_TYPE: {"schema": _PROBLEM_REF}}}


# Pass as `responses=` on routers. No "model" key: FastAPI would document it under application/json,
# which these responses never are; install_error_handlers adds the Problem schema to the components.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _problem_response_doc("Malformed request (for example invalid JSON or Idempotency-Key)"),
    401: _problem_response_doc("Missing, expired or invalid bearer token"),
    403: _problem_response_doc("The caller may not do this for this organisation"),
    404: _problem_response_doc("No such resource"),
    409: _problem_response_doc("Conflicts with the resource's state or a request in progress"),
    412: _problem_response_doc("If-Match does not match the current ETag"),
    413: _problem_response_doc("The request body is larger than the route's `x-max-body-bytes`, else 1 MiB"),
    422: _problem_response_doc("A field breaks a rule; `errors` names each field and rule"),
}


def _document_problems(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = generate()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        problem_schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(problem_schema.pop("$defs", {}))
        components["Problem"] = problem_schema
        # FastAPI documents its own 422 body; ours is a problem, so the docs must say so.
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.get("responses", {}) if isinstance(operation, dict) else {}
                content = responses.get("422", {}).get("content", {})
                if "HTTPValidationError" in str(content.get("application/json", {})):
                    responses["422"] = _problem_response_doc("A field breaks a rule")
        if "HTTPValidationError" not in str(schema.get("paths")):
            components.pop("HTTPValidationError", None)
            components.pop("ValidationError", None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
