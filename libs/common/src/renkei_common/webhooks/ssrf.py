"""The SSRF guard of webhook URLs: HTTPS to public addresses only, unless an operator allowed the host."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Collection
from urllib.parse import urlsplit

from renkei_common.i18n import msg


class UrlRefused(ValueError):
    """A webhook URL the guard refuses; `rule` is the stable machine code a client sees."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


def _is_internal(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


async def resolve(host: str, port: int) -> list[str]:
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


async def check_url(url: str, *, allowed_hosts: Collection[str]) -> None:
    """Raise UrlRefused unless `url` may receive webhooks; checked at registration and before each request.

    Every address the host resolves to must be public: a name that resolves to 10.0.0.5 or 127.0.0.1
    would let a caller make this service reach its own network (SSRF). Hosts in `allowed_hosts`
    (RENKEI_WEBHOOK_ALLOWED_HOSTS, set by an operator) may use plain HTTP and internal addresses.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("https", "http") or not host:
        raise UrlRefused("https_url", msg("webhooks.url_absolute_https"))
    if parts.username or parts.password:
        raise UrlRefused("no_credentials_in_url", msg("webhooks.url_no_credentials"))
    allowed = host in {h.lower() for h in allowed_hosts}
    if parts.scheme != "https" and not allowed:
        raise UrlRefused("https_url", msg("webhooks.url_https_only"))
    if allowed:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise UrlRefused("https_url", msg("webhooks.url_invalid_port", error=str(exc))) from exc
    try:
        addresses = await resolve(host, port)
    except OSError as exc:
        raise UrlRefused("resolvable_host", msg("webhooks.host_unresolvable", host=host)) from exc
    internal = [a for a in addresses if _is_internal(a)]
    if internal or not addresses:
        raise UrlRefused(
            "public_address",
            msg("webhooks.host_internal", host=host, addresses=internal),
        )
