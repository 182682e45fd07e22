"""Command line of every service: serve, migrate, downgrade (`python -m renkei_<service> ...`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from renkei_common.app import ServiceSpec
from renkei_common.migrations import downgrade, upgrade
from renkei_common.settings import ServiceSettings


def main(
    *,
    spec: Callable[[], ServiceSpec],
    settings: Callable[[], ServiceSettings],
    app_factory: str,
    argv: list[str] | None = None,
) -> None:
    parser = argparse.ArgumentParser(prog=f"renkei-{spec().name}")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP API and its background workers")
    serve.add_argument("--workers", type=int, default=1)
    migrate = sub.add_parser("migrate", help="upgrade the database to a revision (default head)")
    migrate.add_argument("revision", nargs="?", default="head")
    down = sub.add_parser("downgrade", help="downgrade the database to a revision (default base)")
    down.add_argument("revision", nargs="?", default="base")
    args = parser.parse_args(argv)

    service_settings = settings()
    service_spec = spec()
    if args.command == "serve":
        import uvicorn

        uvicorn.run(
            app_factory,
            factory=True,
            host=service_settings.host,
            port=service_settings.port,
            workers=args.workers,
            log_config=None,
            proxy_headers=True,
            timeout_graceful_shutdown=20,
        )
    elif args.command == "migrate":
        upgrade(service_spec.migrations_dir, service_settings.database_url, args.revision)
        print(f"{service_spec.name}: migrated to {args.revision}")
    else:
        downgrade(service_spec.migrations_dir, service_settings.database_url, args.revision)
        print(f"{service_spec.name}: downgraded to {args.revision}")
