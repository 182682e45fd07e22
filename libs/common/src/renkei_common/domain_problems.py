"""Domain errors and lost races as problem+json: a broken rule is a 422 naming each field, a conflict a 409.

Concurrent writes that lose a race (a stale row version, a unique key taken meanwhile, SQLite's writer
lock) are 409s too, with Retry-After: the client re-reads and retries. Any other integrity or database
error is a bug or an outage, not a race: it stays a logged 500.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_common.errors import Conflict, FieldError, Unprocessable, lost_race_conflict, problem_response
from renkei_common.i18n import msg


def _field(location: str | None, field: str) -> str:
    return f"{location}.{field}" if location and field != location else field


async def on_rule_violation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RuleViolation)
    errors = [
        FieldError(field=_field(exc.location, v.field), rule=v.rule, message=v.message, line=v.line)
        for v in exc.violations
    ]
    detail = errors[0].message if len(errors) == 1 else msg("problem.inputs_break_rules", count=len(errors))
    return problem_response(request, Unprocessable(errors=errors, detail=detail))


async def on_state_conflict(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StateConflict)
    error = FieldError(field="state", rule=exc.rule, message=exc.message)
    conflict = Conflict(exc.message, slug=exc.rule.replace("_", "-"), errors=[error], **exc.details)
    return problem_response(request, conflict)


async def on_lost_race(request: Request, exc: Exception) -> JSONResponse:
    conflict = lost_race_conflict(exc)
    if conflict is None:
        raise exc  # a foreign key, NOT NULL or outage: the generic 500 handler logs it with its traceback
    return problem_response(request, conflict)


def install(app: FastAPI) -> None:
    """Answer the domain's errors and lost races as problems (the app factory installs this everywhere)."""
    app.add_exception_handler(RuleViolation, on_rule_violation)
    app.add_exception_handler(StateConflict, on_state_conflict)
    for race in (StaleDataError, IntegrityError, OperationalError):
        app.add_exception_handler(race, on_lost_race)
