"""What every write endpoint needs: Idempotency-Key replay, ETag / If-Match concurrency, and the audit log."""

from renkei_common.writes.audit import jsonable, list_audit, record_audit
from renkei_common.writes.etag import check_if_match, etag_for
from renkei_common.writes.idempotency import IdempotencyMiddleware
from renkei_common.writes.idempotency_store import prune_idempotency_records

__all__ = [
    "IdempotencyMiddleware",
    "check_if_match",
    "etag_for",
    "jsonable",
    "list_audit",
    "prune_idempotency_records",
    "record_audit",
]
