"""Secrets and signatures of the Standard Webhooks specification, made with its reference package."""

from __future__ import annotations

import base64
import secrets
from collections.abc import Sequence
from datetime import datetime

from standardwebhooks import Webhook

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32  # the specification asks for 24 to 64 random bytes


def new_secret() -> str:
    """A fresh `whsec_<base64>` secret, shown to its owner once."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def signature_headers(
    *, signing_secrets: Sequence[str], msg_id: str, timestamp: datetime, body: str
) -> dict[str, str]:
    """`webhook-id`, `webhook-timestamp`, `webhook-signature` (a `v1,...` per secret, space-separated)."""
    signatures = " ".join(
        Webhook(secret).sign(msg_id=msg_id, timestamp=timestamp, data=body) for secret in signing_secrets
    )
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signatures,
    }
