"""`python -m renkei_groups serve|migrate|downgrade`."""

from renkei_common.cli import main

from renkei_groups.config import Settings
from renkei_groups.main import service_spec

if __name__ == "__main__":
    main(spec=service_spec, settings=Settings, app_factory="renkei_groups.main:create_app")
