"""Turns domain errors into problem+json: a broken rule is a 422 naming each field, a state conflict a 409.

Concurrent writes that lose a race (a stale row version, a unique key taken meanwhile, SQLite's writer
lock) are 409s too, with Retry-After: the client re-reads and retries; they are never 500s.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from renkei_common.errors import Conflict, FieldError, Unprocessable, problem_response
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from renkei_agreements.domain.errors import RuleViolation, StateConflict


def _field(location: str | None, field: str) -> str:
    return f"{location}.{field}" if location and field != location else field


async def on_rule_violation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RuleViolation)
    errors = [
        FieldError(field=_field(exc.location, v.field), rule=v.rule, message=v.message)
        for v in exc.violations
    ]
    detail = errors[0].message if len(errors) == 1 else f"{len(errors)} inputs break rules; see errors"
    return problem_response(request, Unprocessable(errors=errors, detail=detail))


async def on_state_conflict(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StateConflict)
    error = FieldError(field="state", rule=exc.rule, message=exc.message)
    conflict = Conflict(exc.message, slug=exc.rule.replace("_", "-"), errors=[error], **exc.details)
    return problem_response(request, conflict)


async def on_lost_race(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, OperationalError) and "locked" not in str(exc.orig):
        raise exc  # a real database failure: the generic 500 handler logs it
    message = "another request changed this resource at the same time; read it again and retry"
    conflict = Conflict(message, slug="concurrent-update", headers={"Retry-After": "1"})
    return problem_response(request, conflict)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RuleViolation, on_rule_violation)
    app.add_exception_handler(StateConflict, on_state_conflict)
    for race in (StaleDataError, IntegrityError, OperationalError):
        app.add_exception_handler(race, on_lost_race)
