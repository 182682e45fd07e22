"""Optimistic concurrency: a strong ETag per resource version, checked against If-Match on update."""

from __future__ import annotations

import hashlib

from renkei_common.errors import FieldError, PreconditionFailed, PreconditionRequired
from renkei_common.i18n import msg


def etag_for(resource_id: str, version: int) -> str:
    """The strong ETag of one version of one resource."""
    # The id is hashed so that any id fits the quoted-string syntax and one resource's ETag never
    # matches another's; the version stays readable for whoever debugs a 412.
    digest = hashlib.sha256(resource_id.encode()).hexdigest()[:16]
    return f'"{digest}-{version}"'


def check_if_match(if_match: str | None, *, resource_id: str, version: int, required: bool = False) -> None:
    """Allow the update unless If-Match names other versions (412); absent is fine unless `required` (428)."""
    current = etag_for(resource_id, version)
    if if_match is None or not if_match.strip():
        if required:
            raise PreconditionRequired(
                msg("etag.if_match_required"),
                errors=[FieldError(field="If-Match", rule="required", message=msg("etag.send_etag"))],
            )
        return
    # RFC 9110 §13.1.1: strong comparison, so weak tags (W/"...") never match.
    candidates = [tag.strip() for tag in if_match.split(",")]
    if "*" in candidates or current in candidates:
        return
    message = msg("etag.mismatch", if_match=if_match.strip(), current=current)
    raise PreconditionFailed(
        message,
        errors=[FieldError(field="If-Match", rule="matches_current_etag", message=message)],
        headers={"ETag": current},
        current_etag=current,
    )
