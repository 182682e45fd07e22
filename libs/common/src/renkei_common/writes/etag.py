"""Optimistic concurrency: a strong ETag per resource version, checked against If-Match on update."""

from __future__ import annotations

import hashlib

from renkei_common.errors import FieldError, PreconditionFailed, PreconditionRequired


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
                "this update needs an If-Match header: GET the resource and send its ETag",
                errors=[FieldError(field="If-Match", rule="required", message="send the resource's ETag")],
            )
        return
    # RFC 9110 §13.1.1: strong comparison, so weak tags (W/"...") never match.
    candidates = [tag.strip() for tag in if_match.split(",")]
    if "*" in candidates or current in candidates:
        return
    message = (
        f"If-Match {if_match.strip()} does not match the current ETag {current}; "
        "someone changed the resource: GET it, reapply your change and retry"
    )
    raise PreconditionFailed(
        message,
        errors=[FieldError(field="If-Match", rule="matches_current_etag", message=message)],
        headers={"ETag": current},
        current_etag=current,
    )
